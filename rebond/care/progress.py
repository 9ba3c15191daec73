"""Homework progress from the work itself: what each template means, read from the apps that hold the work.

Each homework gets `.progress` (rebond.domain.homework.Progress). The work counts by the person's own day, from the
day the homework was given to the day it is due:
- thought records: records started in that window and finished;
- a questionnaire: that questionnaire taken;
- a grounding exercise: a practice session logged (stopping early counts: it was still practice);
- a boundary script: a boundary written in that window with its script (how to say it, or a part of the script);
- a promise practice: a day with a check-in on any promise.

Read-only, and only dates and counts: never what the person wrote. Like `reads.py`, these are small reads of other
apps' models, because no selector reads many people at once; one query per kind of homework, however many people.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from rebond.care.models import Homework, HomeworkKind
from rebond.domain import homework as rule

# (owner id, instrument or "") -> the day of each piece of work
Work = dict[tuple[int, str], list[date]]


def with_progress(rows: Iterable[Homework]) -> list[Homework]:
    """The rows, each with `.progress` set. A few queries for any number of rows and people."""
    from rebond.accounts.models import User

    rows = list(rows)
    if not rows:
        return rows
    owners = {u.pk: u for u in User.objects.filter(pk__in={h.owner_id for h in rows}).only("id", "time_zone")}
    by_kind: dict[str, list[Homework]] = {}
    for h in rows:
        by_kind.setdefault(h.kind, []).append(h)
    for kind, items in by_kind.items():
        first = min(h.assigned_on for h in items)
        last = max(h.due_on for h in items)
        work = READERS[kind](owners, first, last, {h.instrument for h in items})
        for h in items:
            key = (h.owner_id, h.instrument if kind == HomeworkKind.QUESTIONNAIRE else "")
            h.progress = rule.progress(needed=h.count, assigned_on=h.assigned_on, due_on=h.due_on,
                                       work_days=work.get(key, []), marked_done=h.done_at is not None)
    return rows


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """Moments wide enough to hold every person's days from `first` to `last`, whatever their time zone."""
    return (datetime.combine(first - timedelta(days=1), time.min, UTC),
            datetime.combine(last + timedelta(days=2), time.min, UTC))


def _local(owners: dict[int, Any], owner_id: int, at: datetime) -> date:
    from rebond.measures.selectors import local_date

    return local_date(owners[owner_id], at)


def _thought_records(owners: dict[int, Any], first: date, last: date, _: set[str]) -> Work:
    from rebond.thoughts.models import Status, ThoughtRecord

    since, until = _bounds(first, last)
    work: Work = {}
    for owner_id, at in ThoughtRecord.objects.filter(user_id__in=list(owners), status=Status.DONE,
                                                     created_at__gte=since, created_at__lt=until
                                                     ).order_by().values_list("user_id", "created_at"):
        work.setdefault((owner_id, ""), []).append(_local(owners, owner_id, at))
    return work


def _questionnaires(owners: dict[int, Any], first: date, last: date, instruments: set[str]) -> Work:
    from rebond.measures.models import MeasureResponse

    since, until = _bounds(first, last)
    work: Work = {}
    for owner_id, instrument, at in MeasureResponse.objects.filter(
            user_id__in=list(owners), instrument__in=instruments, taken_at__gte=since, taken_at__lt=until
    ).order_by().values_list("user_id", "instrument", "taken_at"):
        work.setdefault((owner_id, instrument), []).append(_local(owners, owner_id, at))
    return work


def _practice(owners: dict[int, Any], first: date, last: date, _: set[str]) -> Work:
    from rebond.practice.models import ExerciseSession

    work: Work = {}
    for owner_id, day in ExerciseSession.objects.filter(user_id__in=list(owners), on__gte=first, on__lte=last
                                                        ).order_by().values_list("user_id", "on"):
        work.setdefault((owner_id, ""), []).append(day)
    return work


def _checkin_days(owners: dict[int, Any], first: date, last: date, _: set[str]) -> Work:
    from rebond.promises.models import CheckIn

    work: Work = {}
    for owner_id, day in CheckIn.objects.filter(user_id__in=list(owners), on__gte=first, on__lte=last
                                                ).order_by().values_list("user_id", "on").distinct():
        work.setdefault((owner_id, ""), []).append(day)
    return work


def _boundary_scripts(owners: dict[int, Any], first: date, last: date, _: set[str]) -> Work:
    from rebond.boundaries.models import SCRIPT_PARTS, Boundary

    since, until = _bounds(first, last)
    parts = ("how", *SCRIPT_PARTS)
    work: Work = {}
    for boundary in Boundary.objects.filter(user_id__in=list(owners), created_at__gte=since, created_at__lt=until
                                            ).order_by().only("id", "user_id", "created_at", *parts):
        if any(str(getattr(boundary, part) or "").strip() for part in parts):  # opened only to see it's not empty
            work.setdefault((boundary.user_id, ""), []).append(_local(owners, boundary.user_id, boundary.created_at))
    return work


READERS: dict[str, Callable[[dict[int, Any], date, date, set[str]], Work]] = {
    HomeworkKind.THOUGHT_RECORDS: _thought_records,
    HomeworkKind.QUESTIONNAIRE: _questionnaires,
    HomeworkKind.GROUNDING: _practice,
    HomeworkKind.BOUNDARY_SCRIPT: _boundary_scripts,
    HomeworkKind.PROMISE_PRACTICE: _checkin_days,
}
