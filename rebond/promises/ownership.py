"""What the promises app exports, deletes and imports for a person."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from rebond.core import ownership
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


def held_note(count: int) -> str:
    """What the import result says about promises that came in put away (services.promise_held)."""
    if count == 1:
        return ("One promise in the file is about keeping yourself safe, so it came in put away. rebond won't "
                "count it as kept or missed. It may fit better in your safety plan (/safety-plan/).")
    return (f"{count} promises in the file are about keeping yourself safe, so they came in put away. rebond won't "
            "count them as kept or missed. They may fit better in your safety plan (/safety-plan/).")


def import_all(user: Any, data: Any) -> int:
    """Add the exported promises, check-ins and wins to this account. Returns how many rows were added.

    A promise the detector calls a safety promise (services.promise_held) comes in put away, its check-ins with
    it unchanged, rather than the whole file being refused; the result says so in words (ownership.Added)."""
    if not isinstance(data, dict):
        return 0
    added = 0
    held = 0
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
                problems = services.schedule_problems(promise.rrule, starts_on, promise.ends_on,
                                                      today=services.user_today(user))
                if problems:
                    raise ValidationError({"promises": [f"{promise.text[:60]}: {m}" for m in problems]})
                if services.promise_held(promise) and not promise.archived:
                    promise.archived = True
                    held += 1
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
    return ownership.Added(added, [held_note(held)] if held else [])
