"""What the promises app exports, deletes and imports for a person."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from rebond.domain import promises as rules
from rebond.promises import services
from rebond.promises.models import CalendarFeed, CheckIn, Promise, Victory


def export_all(user: Any) -> dict[str, Any]:
    checkins: dict[int, list[dict[str, Any]]] = {}
    for c in CheckIn.objects.filter(user=user).order_by("on", "id"):
        checkins.setdefault(c.promise_id, []).append({
            "on": c.on.isoformat(), "outcome": c.outcome, "value": c.value, "reason": c.reason,
            "note": c.note or "", "obstacle": c.obstacle or "", "smaller_step": c.smaller_step or "", "history": c.history,
        })
    return {
        "promises": [
            {
                "text": p.text, "why": p.why, "size": p.size, "rrule": p.rrule,
                "starts_on": p.starts_on.isoformat(), "ends_on": p.ends_on.isoformat() if p.ends_on else None,
                "archived": p.archived, "checkins": checkins.get(p.pk, []),
            }
            for p in Promise.objects.filter(user=user).order_by("id")
        ],
        "victories": [{"text": v.text, "on": v.on.isoformat()} for v in Victory.objects.filter(user=user).order_by("on", "id")],
    }


def delete_all(user: Any) -> None:
    CheckIn.objects.filter(user=user).delete()
    Promise.objects.filter(user=user).delete()
    Victory.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user).delete()


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def import_all(user: Any, data: Any) -> int:
    """Add the exported promises, check-ins and wins to this account. Returns how many rows were added."""
    if not isinstance(data, dict):
        return 0
    added = 0
    try:
        with transaction.atomic():
            for item in data.get("promises") or []:
                starts_on = _day(item.get("starts_on"))
                if starts_on is None:
                    raise ValidationError({"promises": ["A promise in the file has no start date."]})
                promise = Promise(user=user, text=str(item.get("text", "")), why=str(item.get("why") or ""),
                                  size=item.get("size", "small"), rrule=str(item.get("rrule") or ""),
                                  starts_on=starts_on, ends_on=_day(item.get("ends_on")),
                                  archived=bool(item.get("archived")))
                try:
                    rules.parse_rule(promise.rrule, starts_on)
                except rules.RuleError as exc:
                    raise ValidationError({"promises": [exc.message]}) from exc
                promise.full_clean()
                promise.save()
                added += 1
                for c in item.get("checkins") or []:
                    on = _day(c.get("on"))
                    if on is None:
                        raise ValidationError({"promises": ["A check-in in the file has no date."]})
                    checkin = CheckIn(user=user, promise=promise, on=on, outcome=c.get("outcome"),
                                      value=c.get("value"), reason=c.get("reason") or "",
                                      note=str(c.get("note") or "") or None,
                                      obstacle=str(c.get("obstacle") or "") or None,
                                      smaller_step=str(c.get("smaller_step") or "") or None,
                                      history=c.get("history") if isinstance(c.get("history"), list) else [])
                    checkin.full_clean(exclude=["promise"], validate_unique=False, validate_constraints=False)
                    checkin.save()
                    added += 1
            for v in data.get("victories") or []:
                victory = Victory(user=user, text=str(v.get("text", "")), on=_day(v.get("on")) or services.user_today(user))
                victory.full_clean()
                victory.save()
                added += 1
    except (TypeError, ValueError, AttributeError) as exc:
        raise ValidationError({"promises": ["The promises in this file can't be read."]}) from exc
    return added
