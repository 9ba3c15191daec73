"""Reads for practice sessions: the person's own history and how distress moved."""

from __future__ import annotations

from typing import Any

from rebond.domain import practice_change
from rebond.practice.models import ExerciseSession


def session_get(*, user: Any, session_id: int) -> ExerciseSession:
    """The person's own session; ExerciseSession.DoesNotExist (a 404) for anyone else's."""
    return ExerciseSession.objects.get(pk=session_id, user=user)


def session_list(*, user: Any, exercise: str | None = None, limit: int = 20, offset: int = 0
                 ) -> tuple[list[ExerciseSession], int]:
    rows = ExerciseSession.objects.filter(user=user)
    if exercise:
        rows = rows.filter(exercise=exercise)
    return list(rows.order_by("-on", "-id")[offset:offset + limit]), rows.count()


def distress_change(*, user: Any, exercise: str | None = None) -> practice_change.Change:
    rows = ExerciseSession.objects.filter(user=user, distress_after__isnull=False)
    if exercise:
        rows = rows.filter(exercise=exercise)
    return practice_change.average_change(rows.values_list("distress_before", "distress_after"))
