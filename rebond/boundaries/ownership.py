"""What the boundaries app exports, deletes and imports for a person."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from rebond.boundaries.models import Boundary, BoundaryLog
from rebond.boundaries.services import TEXT_FIELDS
from rebond.people.models import Person


def export_all(user: Any) -> dict[str, Any]:
    return {"boundaries": [
        {
            **{field: getattr(b, field) for field in TEXT_FIELDS},
            "person_name": b.person.name if b.person else None, "archived": b.archived,
            "logs": [{"on": g.on.isoformat(), "outcome": g.outcome, "with_whom": g.with_whom, "note": g.note or ""}
                     for g in BoundaryLog.objects.filter(user=user, boundary=b).order_by("on", "id")],
        }
        for b in Boundary.objects.filter(user=user).select_related("person").order_by("id")
    ]}


def delete_all(user: Any) -> None:
    BoundaryLog.objects.filter(user=user).delete()
    Boundary.objects.filter(user=user).delete()


def import_all(user: Any, data: Any) -> int:
    """Add the exported boundaries; a boundary about someone is linked to the person of the same name, if any."""
    if not isinstance(data, dict):
        return 0
    people = {str(p.name): p for p in Person.objects.filter(user=user)}
    added = 0
    try:
        with transaction.atomic():
            for item in data.get("boundaries") or []:
                b = Boundary(user=user, archived=bool(item.get("archived")),
                             person=people.get(str(item.get("person_name"))) if item.get("person_name") else None,
                             **{field: str(item.get(field) or "") for field in TEXT_FIELDS})
                b.full_clean()
                b.save()
                added += 1
                for g in item.get("logs") or []:
                    log = BoundaryLog(user=user, boundary=b, on=date.fromisoformat(g["on"]), outcome=g.get("outcome"),
                                      with_whom=str(g.get("with_whom") or ""), note=str(g.get("note") or "") or None)
                    log.full_clean()
                    log.save()
                    added += 1
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ValidationError({"boundaries": ["The boundaries in this file can't be read."]}) from exc
    return added
