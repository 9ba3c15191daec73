"""Reads for questionnaires and check-ins. Other apps may use ``measures_due`` (calendar feed),
``unsafe_today`` (hide practices on an unsafe day) and ``user_today``.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from rebond.domain import measure_schedule
from rebond.domain.instruments import Instrument, load
from rebond.domain.reliable_change import (
    Change,
    NoReliableChangeRuleError,
    PairedOutcome,
    iapt_outcome,
    reliable_change,
)
from rebond.measures.access import enabled_instrument_ids
from rebond.measures.models import DailyCheckin, MeasureDraft, MeasureResponse, MeasureSchedule, Safety

UNSAFE = frozenset({Safety.NOT_SAFE, Safety.NOT_SURE})


def user_zone(user: Any) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(str(getattr(user, "time_zone", "") or "UTC"))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def user_today(user: Any, *, now: datetime | None = None) -> date:
    """Today's date where the person is."""
    return timezone.localtime(now or timezone.now(), user_zone(user)).date()


def local_date(user: Any, at: datetime) -> date:
    return timezone.localtime(at, user_zone(user)).date()


def display_total(instrument: Instrument, total: float) -> int | float:
    """Sums are whole numbers; the SCS-SF mean keeps its fraction (rounded only when shown)."""
    return int(round(total)) if instrument.method == "sum" else total


# --- responses -----------------------------------------------------------------------------------------------

def response_list(
    *, user: Any, instrument_id: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[MeasureResponse], int]:
    rows = MeasureResponse.objects.filter(user=user, instrument__in=enabled_instrument_ids())
    if instrument_id is not None:
        rows = rows.filter(instrument=instrument_id)
    return list(rows.order_by("-taken_at", "-id")[offset: offset + limit]), rows.count()


def response_latest(*, user: Any, instrument_id: str) -> MeasureResponse | None:
    return MeasureResponse.objects.filter(user=user, instrument=instrument_id).order_by("-taken_at", "-id").first()


def response_previous(*, response: MeasureResponse) -> MeasureResponse | None:
    """The answer set of the same questionnaire taken just before this one."""
    earlier = MeasureResponse.objects.filter(user_id=response.user_id, instrument=response.instrument).exclude(
        pk=response.pk
    )
    return (
        earlier.filter(taken_at__lt=response.taken_at).order_by("-taken_at", "-id").first()
        or earlier.filter(taken_at=response.taken_at, pk__lt=response.pk).order_by("-id").first()
    )


def change_since_previous(*, response: MeasureResponse) -> Change | None:
    """Reliable change against the previous answers, where the instrument has a rule for it."""
    previous = response_previous(response=response)
    if previous is None:
        return None
    try:
        return reliable_change(response.instrument, previous.total, response.total)
    except NoReliableChangeRuleError:
        return None
    except ValueError:  # a stored total outside the range (never expected); say nothing rather than guess
        return None


def change_since_first(*, user: Any, instrument_id: str) -> tuple[date, Change] | None:
    """Reliable change from the first answers kept here to the latest, with the first day."""
    rows = MeasureResponse.objects.filter(user=user, instrument=instrument_id).order_by("taken_at", "id")
    first, last = rows.first(), rows.last()
    if first is None or last is None or first.pk == last.pk:
        return None
    try:
        return local_date(user, first.taken_at), reliable_change(instrument_id, first.total, last.total)
    except ValueError:  # no established rule for this questionnaire (or a stored total out of range)
        return None


def series(*, user: Any, instrument_id: str) -> list[tuple[date, float, int]]:
    """(day, total, id) oldest first, days in the person's zone."""
    rows = MeasureResponse.objects.filter(user=user, instrument=instrument_id).order_by("taken_at", "id")
    return [(local_date(user, r.taken_at), r.total, r.pk) for r in rows]


def draft_get(*, user: Any, instrument_id: str) -> MeasureDraft | None:
    return MeasureDraft.objects.filter(user=user, instrument=instrument_id).first()


# --- schedules -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Due:
    instrument_id: str
    title: str
    on: date
    path: str  # where to take it
    neutral_title: str = "Check-in"  # for calendars on shared devices


def schedule_get(*, user: Any, instrument_id: str) -> MeasureSchedule | None:
    return MeasureSchedule.objects.filter(user=user, instrument=instrument_id).first()


def schedules(*, user: Any) -> list[MeasureSchedule]:
    return list(
        MeasureSchedule.objects.filter(user=user, active=True, instrument__in=enabled_instrument_ids()).order_by(
            "instrument"
        )
    )


def _last_taken(user: Any, instrument_id: str) -> date | None:
    latest = response_latest(user=user, instrument_id=instrument_id)
    return local_date(user, latest.taken_at) if latest else None


def measures_due(*, user: Any, start: date, end: date) -> list[Due]:
    """Every day in ``start``..``end`` a scheduled questionnaire is due (for Today and the calendar feed)."""
    out: list[Due] = []
    for schedule in schedules(user=user):
        instrument = load(schedule.instrument)
        last = _last_taken(user, schedule.instrument)
        for day in measure_schedule.due_dates(
            starts_on=schedule.starts_on, every_days=schedule.every_days, last_taken=last, start=start, end=end
        ):
            out.append(Due(instrument.id, instrument.title, day, reverse("measures:take", args=[instrument.id])))
    return sorted(out, key=lambda d: (d.on, d.instrument_id))


def due_today(*, user: Any, today: date) -> list[Due]:
    return [d for d in measures_due(user=user, start=today, end=today)]


# --- daily check-in ------------------------------------------------------------------------------------------

def checkin_get(*, user: Any, on: date) -> DailyCheckin | None:
    return DailyCheckin.objects.filter(user=user, date=on).first()


def checkin_list(
    *, user: Any, start: date | None = None, end: date | None = None, limit: int = 100, offset: int = 0
) -> tuple[list[DailyCheckin], int]:
    rows = DailyCheckin.objects.filter(user=user)
    if start is not None:
        rows = rows.filter(date__gte=start)
    if end is not None:
        rows = rows.filter(date__lte=end)
    return list(rows.order_by("-date")[offset: offset + limit]), rows.count()


def mood_series(*, user: Any, start: date, end: date) -> list[tuple[date, int | None]]:
    """Each check-in day and its mood, oldest first; the mood is None where an unsafe answer came without one."""
    rows = DailyCheckin.objects.filter(user=user, date__gte=start, date__lte=end).order_by("date")
    return [(row.date, row.mood) for row in rows.only("date", "mood")]


def unsafe_today(*, user: Any, today: date) -> bool:
    """True when today's check-in said "Not safe" or "Not sure": show no questionnaires or practices."""
    return DailyCheckin.objects.filter(user=user, date=today, safety__in=list(UNSAFE)).exists()


def unsafe_checkin_today(*, user: Any) -> DailyCheckin | None:
    """Today's check-in (today where the person is) when it said "Not safe" or "Not sure", else None."""
    return DailyCheckin.objects.filter(user=user, date=user_today(user), safety__in=list(UNSAFE)).first()


PAIRED = ("phq9", "gad7")
Pair = tuple[MeasureResponse, MeasureResponse]  # (PHQ-9, GAD-7)


@dataclass(frozen=True)
class Paired:
    """PHQ-9 and GAD-7 together (NHS Talking Therapies way of counting): the answer sets compared and the outcome."""

    first: Pair
    last: Pair
    outcome: PairedOutcome

    @property
    def key(self) -> str:
        """One word key for the outcome, as in checkin.yaml ``paired``: the strongest statement that holds."""
        o = self.outcome
        if o.reliable_recovery:
            return "reliable_recovery"
        if o.reliable_deterioration:
            return "reliable_deterioration"
        if o.recovery:
            return "recovery"
        if o.reliable_improvement:
            return "reliable_improvement"
        return "no_reliable_change"


def paired_outcome_for(
    *, user: Any, first: Pair | None = None, last: Pair | None = None
) -> Paired | None:
    """PHQ-9 and GAD-7 together: ``first`` against ``last`` (each a (PHQ-9, GAD-7) pair of the person's own
    answers), by default the first answers kept here against the latest. None when either questionnaire is turned
    off, or, without pairs given, when either has been taken fewer than twice."""
    enabled = enabled_instrument_ids()
    if any(instrument_id not in enabled for instrument_id in PAIRED):
        return None
    if first is None or last is None:
        ends = _first_and_latest_pairs(user)
        if ends is None:
            return None
        first, last = first or ends[0], last or ends[1]
    outcome = iapt_outcome(int(first[0].total), int(last[0].total), int(first[1].total), int(last[1].total))
    return Paired(first=first, last=last, outcome=outcome)


def _first_and_latest_pairs(user: Any) -> tuple[Pair, Pair] | None:
    firsts: list[MeasureResponse] = []
    lasts: list[MeasureResponse] = []
    for instrument_id in PAIRED:
        rows = MeasureResponse.objects.filter(user=user, instrument=instrument_id).order_by("taken_at", "id")
        first, last = rows.first(), rows.last()
        if first is None or last is None or first.pk == last.pk:  # taken fewer than twice
            return None
        firsts.append(first)
        lasts.append(last)
    return (firsts[0], firsts[1]), (lasts[0], lasts[1])


def paired_outcome(*, user: Any) -> str | None:
    """PHQ-9 and GAD-7 together, first against latest, as one of the ``paired`` word keys; None without both twice."""
    paired = paired_outcome_for(user=user)
    return paired.key if paired else None
