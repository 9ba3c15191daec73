"""When a questionnaire is due again. Pure: no Django, no clock (``today`` is passed in).

PHQ-9 and GAD-7 ask about the last two weeks, so asking more often than every 14 days would
count the same days twice; the PCL-5 asks about the past month.
"""

from __future__ import annotations

from datetime import date, timedelta

DEFAULT_EVERY_DAYS = 14
MIN_EVERY_DAYS: dict[str, int] = {"phq9": 14, "gad7": 14, "who5": 14, "pcl5": 28, "scssf": 14, "rses": 14}
MAX_EVERY_DAYS = 365


def min_every_days(instrument_id: str) -> int:
    return MIN_EVERY_DAYS.get(instrument_id, DEFAULT_EVERY_DAYS)


def next_due(*, starts_on: date, every_days: int, last_taken: date | None) -> date:
    """The first day the questionnaire is due: not before the schedule starts, and a full interval after the last time."""
    if every_days < 1:
        raise ValueError("every_days must be at least 1.")
    if last_taken is None:
        return starts_on
    return max(starts_on, last_taken + timedelta(days=every_days))


def due_dates(*, starts_on: date, every_days: int, last_taken: date | None, start: date, end: date) -> list[date]:
    """Due days within ``start``..``end`` (inclusive): the next due day, then every ``every_days`` after it.

    An overdue questionnaire shows on ``start`` (it is still waiting), never on a day already past,
    and the days after it assume it is taken then.
    """
    if end < start:
        return []
    day = max(start, next_due(starts_on=starts_on, every_days=every_days, last_taken=last_taken))
    out: list[date] = []
    while day <= end:
        out.append(day)
        day += timedelta(days=every_days)
    return out


def is_due(*, starts_on: date, every_days: int, last_taken: date | None, today: date) -> bool:
    return next_due(starts_on=starts_on, every_days=every_days, last_taken=last_taken) <= today
