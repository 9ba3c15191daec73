"""The Today panel: one suggested practice with its reason, from whatever recent data the installed apps hold.

Each source is optional: the promises, measures and boundaries apps may or may not be installed, and any of them
may change shape while they are being built. A source that can't be read simply adds no fact.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.apps import apps
from django.db import transaction
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from rebond.domain import suggest_practice
from rebond.practice import content
from rebond.practice.services import user_today

log = logging.getLogger(__name__)
CROSSED = "crossed"


def _installed(name: str) -> bool:
    return apps.is_installed(f"rebond.{name}")


def unsafe_today(user: Any, today: date) -> bool:
    if not _installed("measures"):
        return False
    try:
        from rebond.measures import selectors as measure_selectors
    except ImportError:
        return False
    return bool(measure_selectors.unsafe_today(user=user, today=today))


def recent_hard_practice(user: Any, today: date) -> bool:
    """The person's own rating of 8 or more after a practice, today or in the last few days."""
    from rebond.practice.models import ExerciseSession

    since = suggest_practice.recent_since(today)
    return ExerciseSession.objects.filter(user=user, on__gte=since, on__lte=today, distress_after__gte=8).exists()


def recent_hard_checkin(user: Any, today: date) -> bool:
    """A check-in with a very low or low mood, today or in the last few days."""
    if not _installed("measures"):
        return False
    try:
        from rebond.measures.models import DailyCheckin
    except ImportError:
        return False
    since = suggest_practice.recent_since(today)
    moods = DailyCheckin.objects.filter(user=user, date__gte=since, date__lte=today).values_list("mood", flat=True)
    return any(suggest_practice.is_high_distress(mood=mood) for mood in moods)


def recent_missed_promise(user: Any, today: date) -> bool:
    if not _installed("promises"):
        return False
    from rebond.promises import selectors as promises

    return promises.missed_between(user=user, start=suggest_practice.recent_since(today), end=today)


def recent_crossed_boundary(user: Any, today: date) -> int | None:
    """The boundary most recently logged as crossed in the last few days, or None.

    A boundary about a person who may have hurt the user (UX.md Safety: "no script suggestions toward them") is
    left out: the suggestion must never nudge someone toward talking to a person who scares them.
    """
    if not _installed("boundaries"):
        return None
    try:
        from rebond.boundaries.models import BoundaryLog
    except ImportError:
        return None
    since = suggest_practice.recent_since(today)
    logs = (BoundaryLog.objects.filter(user=user, outcome=CROSSED, on__gte=since, on__lte=today)
            .select_related("boundary", "boundary__person").order_by("-on", "-id"))
    for log_row in logs[:20]:
        person = getattr(log_row.boundary, "person", None)
        if person is not None and (getattr(person, "safety_first", False)
                                   or getattr(person, "hurt", "") in {"yes", "not_sure"}):
            continue
        return int(log_row.boundary_id)
    return None


def boundary_script_url(boundary_id: int | None) -> str | None:
    if not _installed("boundaries"):
        return None
    candidates: list[tuple[str, list[int]]] = []
    if boundary_id is not None:
        candidates += [("boundaries:script", [boundary_id]), ("boundaries:detail", [boundary_id])]
    candidates += [("boundaries:script", []), ("boundaries:new", []), ("boundaries:list", [])]
    for name, args in candidates:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def _safe_value(check: Any, user: Any, today: date) -> Any:
    try:
        with transaction.atomic():  # a savepoint: a failed read must not spoil the page's transaction
            return check(user, today)
    except Exception:  # another app's data must never break Today; the fact is just left out
        log.warning("practice suggestion: %s could not be read", getattr(check, "__name__", check))
        return None


def facts_for(user: Any, today: date) -> tuple[suggest_practice.Facts, str | None]:
    boundary_id = _safe_value(recent_crossed_boundary, user, today)
    script_url = boundary_script_url(boundary_id) if boundary_id is not None else None
    facts = suggest_practice.Facts(
        hard_checkin=bool(_safe_value(recent_hard_checkin, user, today)),
        hard_practice=bool(_safe_value(recent_hard_practice, user, today)),
        boundary_crossed=boundary_id is not None,
        promise_missed=bool(_safe_value(recent_missed_promise, user, today)),
        boundary_script_available=script_url is not None,
    )
    return facts, script_url


def suggestion_for(user: Any, today: date) -> dict[str, Any]:
    facts, script_url = facts_for(user, today)
    pick = suggest_practice.suggest(facts)
    if pick.slug == suggest_practice.BOUNDARY_SCRIPT:
        return {"slug": pick.slug, "reason": pick.reason, "title": "Plan what to say with the boundary script builder",
                "url": script_url}
    exercise = content.exercise(pick.slug)
    title = exercise.title if exercise else pick.slug
    return {"slug": pick.slug, "reason": pick.reason, "title": title,
            "url": reverse("practice:exercise", args=[pick.slug]),
            "minutes": exercise.minutes if exercise else None}


def today_context(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not user.is_authenticated:
        return None
    today = user_today(user)
    if _safe_value(unsafe_today, user, today):
        return None  # UX.md Safety: on an unsafe day show no practices (the check-in shows help instead)
    return {"suggestion": suggestion_for(user, today)}
