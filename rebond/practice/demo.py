"""Demo practice history: a few weeks of sessions, mostly a little calmer afterwards. No crisis content."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from rebond.practice.models import ExerciseSession
from rebond.practice.services import user_today

_PLAN = [  # (days ago, exercise, before, after, finished)
    (41, "paced-breathing", 6, 4, True), (37, "grounding-5-4-3-2-1", 7, 5, True), (33, "body-scan", 5, 4, False),
    (29, "paced-breathing", 5, 3, True), (24, "self-compassion-break", 6, 4, True), (20, "square-breathing", 4, 3, True),
    (16, "safe-place", 5, 5, True), (12, "grounding-5-4-3-2-1", 6, 3, True), (8, "paced-breathing", 4, 2, True),
    (5, "self-compassion-break", 5, 4, True), (2, "paced-breathing", 3, 2, True),
]


def build(user: Any) -> None:
    rng = random.Random(f"rebond-practice-{user.pk}")
    today = user_today(user)
    ExerciseSession.objects.bulk_create([
        ExerciseSession(user=user, exercise=exercise, on=today - timedelta(days=ago + rng.choice([0, 0, 1])),
                        distress_before=before, distress_after=after, finished=finished)
        for ago, exercise, before, after, finished in _PLAN
    ])
