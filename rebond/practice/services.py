"""Writes for practice sessions, and what the practice app exports, deletes and imports for a person."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rebond.practice import content
from rebond.practice.models import ExerciseSession


def user_today(user: Any, now: datetime | None = None) -> date:
    """Today where the person lives, not where the server is."""
    try:
        zone = ZoneInfo(getattr(user, "time_zone", "") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return (now or timezone.now()).astimezone(zone).date()


def _distress(value: Any, field: str, *, required: bool) -> int | None:
    if value is None or value == "":
        if required:
            raise ValidationError({field: ["Pick a number from 0 (calm) to 10 (the most distress)."]})
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError({field: ["Pick a whole number from 0 to 10."]}) from None
    if not 0 <= number <= 10:
        raise ValidationError({field: ["Pick a number from 0 (calm) to 10 (the most distress)."]})
    return number


def session_create(*, user: Any, exercise: str, distress_before: Any, distress_after: Any = None,
                   finished: bool = True, on: date | None = None) -> ExerciseSession:
    if content.exercise(exercise) is None:
        raise ValidationError({"exercise": ["Pick one of the exercises on the Practice page."]})
    before = _distress(distress_before, "distress_before", required=True)
    assert before is not None
    after = _distress(distress_after, "distress_after", required=False)
    today = user_today(user)
    day = on or today
    if day > today:
        raise ValidationError({"on": ["The date can't be in the future — pick today or an earlier day."]})
    session = ExerciseSession(user=user, exercise=exercise, distress_before=before, distress_after=after,
                              finished=finished, on=day)
    session.full_clean()
    session.save()
    return session


def session_delete(*, user: Any, session: ExerciseSession) -> None:
    if session.user_id != user.pk:
        raise ExerciseSession.DoesNotExist
    session.delete()


def export_all(user: Any) -> dict[str, Any]:
    return {"sessions": [
        {"exercise": s.exercise, "on": s.on.isoformat(), "distress_before": s.distress_before,
         "distress_after": s.distress_after, "finished": s.finished}
        for s in ExerciseSession.objects.filter(user=user).order_by("on", "id")
    ]}


def delete_all(user: Any) -> None:
    ExerciseSession.objects.filter(user=user).delete()


def import_all(user: Any, data: Any) -> int:
    if not isinstance(data, dict):
        return 0
    added = 0
    try:
        with transaction.atomic():
            for item in data.get("sessions") or []:
                session = ExerciseSession(
                    user=user, exercise=str(item["exercise"]), on=date.fromisoformat(item["on"]),
                    distress_before=int(item["distress_before"]),
                    distress_after=None if item.get("distress_after") is None else int(item["distress_after"]),
                    finished=bool(item.get("finished", True)),
                )
                session.full_clean()
                session.save()
                added += 1
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValidationError({"practice": ["The practice sessions in this file can't be read."]}) from exc
    return added
