"""Writes for boundaries and their log. The only code that changes these rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from rebond.boundaries.models import SCRIPT_PARTS, Boundary, BoundaryLog, Outcome
from rebond.core.fields import FREE_TEXT_LIMIT
from rebond.people.models import Person
from rebond.people.services import FUTURE_DATE, user_today
from rebond.safety.guard import GuardResult, guard_for

TEXT_FIELDS = ("what", "why", "how", *SCRIPT_PARTS)


def _text(value: Any, field: str, errors: dict[str, list[str]], *, required: bool = False, limit: int = FREE_TEXT_LIMIT
          ) -> str:
    text = "" if value is None else str(value).strip()
    if required and not text:
        errors.setdefault(field, []).append("Write a few words here.")
    if len(text) > limit:
        errors.setdefault(field, []).append(f"Please keep this to {limit:,} characters.")
    return text


def _person(user: Any, person_id: Any, errors: dict[str, list[str]]) -> Person | None:
    if person_id in (None, ""):
        return None
    if isinstance(person_id, Person):
        person_id = person_id.pk
    person = Person.objects.filter(user=user, pk=person_id).first() if isinstance(person_id, int) else None
    if person is None:
        errors["person"] = ["Pick one of the people you've added, or no one."]
    return person


def boundary_save(*, user: Any, boundary: Boundary | None = None, data: dict[str, Any]) -> tuple[Boundary, GuardResult]:
    """Create a boundary (``boundary=None``) or change the fields given in ``data``."""
    errors: dict[str, list[str]] = {}
    target = boundary or Boundary(user=user)
    texts = []
    for field in TEXT_FIELDS:
        if field in data or boundary is None:
            value = _text(data.get(field), field, errors, required=field == "what")
            setattr(target, field, value)
            texts.append(value)
    if "person" in data:
        target.person = _person(user, data["person"], errors)
    if "archived" in data and data["archived"] is not None:
        target.archived = bool(data["archived"])
    if errors:
        raise ValidationError(errors)
    result = guard_for(user, *texts)
    target.full_clean()
    target.save()
    return target, result


def boundary_delete(*, user: Any, boundary: Boundary) -> None:
    boundary.delete()


def log_add(*, user: Any, boundary: Boundary, outcome: str, on: date | None = None, with_whom: str = "",
            note: str | None = "") -> tuple[BoundaryLog, GuardResult]:
    errors: dict[str, list[str]] = {}
    if outcome not in Outcome.values:
        errors["outcome"] = ["Choose held, crossed or said it."]
    on = on or user_today(user)
    if on > user_today(user):
        errors["on"] = [FUTURE_DATE]
    whom = _text(with_whom, "with_whom", errors, limit=200)
    text = _text(note, "note", errors)
    if errors:
        raise ValidationError(errors)
    result = guard_for(user, whom, text)
    log = BoundaryLog(user=user, boundary=boundary, outcome=outcome, on=on, with_whom=whom, note=text or None)
    log.full_clean()
    log.save()
    return log, result


def log_delete(*, user: Any, log: BoundaryLog) -> None:
    log.delete()
