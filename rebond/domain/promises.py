"""Pure rules for promises to oneself: recurrence, how often a promise comes due, right-sizing, and (from
safety_promises) whether a promise is about staying safe.

No Django, no clock: every function takes the days it needs. Recurrence is RFC 5545 RRULE via dateutil; a
promise with no rule is a one-off on its start day. Occurrences are calendar days in the person's own zone, so
daylight-saving changes never move them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

# One place for every rule about promises: the safety-promise check lives in its own module.
from rebond.domain.safety_promises import is_safety_promise as is_safety_promise

# Outcomes a person can record for one occurrence, and the trust-model kind each becomes (trust-model.md).
OUTCOME_KIND = {
    "kept": "kept",
    "missed": "missed",
    "partial": "partial",
    "renegotiated": "excused",  # released consciously before it was due: keeps faith, adds no evidence
    "excused": "excused",
}
OUTCOMES = tuple(OUTCOME_KIND)
EXCUSE_REASONS = ("pause", "illness", "holiday")
SIZES = ("tiny", "small", "stretch")

# A window of whole weeks long enough to see monthly and yearly rules more than once.
_FREQ_WINDOW_DAYS = 7 * 209
_MAX_RULE_LENGTH = 500
# The Gregorian calendar repeats exactly every 400 years: 146,097 days, a whole number of weeks. Moving a rule and
# the days asked about by whole cycles changes nothing about which days are due, so rules are expanded in the
# last cycle before the year 9999: a rule that never comes due (February 30th) then stops at dateutil's last
# year after a few hundred years of walking instead of thousands, and no date arithmetic can overflow.
_CYCLE_YEARS = 400
_CYCLE_DAYS = 146_097
_LATE_YEAR = 9994
# A promise's first due day must come within this many years of its start: leap days can be 8 years apart.
FIRST_DUE_YEARS = 8


class RuleError(ValueError):
    """An RRULE rebond cannot use; ``message`` says how to fix it in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def normalise_rule(text: str | None) -> str:
    """The rule without an "RRULE:" prefix or spaces, upper-cased; "" for a one-off."""
    if not text:
        return ""
    rule = re.sub(r"\s+", "", text).upper()
    return rule.removeprefix("RRULE:")


def _parts(rule_text: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in rule_text.split(";") if "=" in part)


def parse_rule(text: str, starts_on: date) -> rrule | None:
    """A dateutil rule anchored at ``starts_on``; None for a one-off. Raises RuleError for a rule that is
    not valid RFC 5545, repeats more often than daily, or carries its own DTSTART. The result is shared between
    callers (parsed once per rule and start): never change it, use ``replace``."""
    return _parsed(normalise_rule(text), starts_on)


@lru_cache(maxsize=4096)
def _parsed(rule_text: str, starts_on: date) -> rrule | None:
    if not rule_text:
        return None
    if len(rule_text) > _MAX_RULE_LENGTH:
        raise RuleError("This repeat rule is too long. Try something like FREQ=DAILY or FREQ=WEEKLY;BYDAY=MO,WE,FR.")
    if "DTSTART" in rule_text or "\n" in rule_text or not rule_text.startswith("FREQ=") and "FREQ=" not in rule_text:
        raise RuleError("Write the repeat rule like FREQ=DAILY or FREQ=WEEKLY;BYDAY=MO,WE,FR (the start date goes in its own field).")
    parts = _parts(rule_text)
    if parts.get("FREQ") in {"HOURLY", "MINUTELY", "SECONDLY"}:
        raise RuleError("A promise can repeat at most once a day. Try FREQ=DAILY.")
    interval = parts.get("INTERVAL", "1")
    if not interval.isdigit() or int(interval) < 1:
        raise RuleError("INTERVAL must be 1 or more, like FREQ=DAILY;INTERVAL=2 for every other day.")
    try:
        parsed = rrulestr(rule_text, dtstart=datetime.combine(starts_on, time()))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        raise RuleError(
            "This repeat rule can't be read. Try FREQ=DAILY, or FREQ=WEEKLY;BYDAY=MO,WE,FR."
        ) from exc
    if not isinstance(parsed, rrule):
        raise RuleError("Use one repeat rule, like FREQ=DAILY.")
    return parsed


def _cycles_to_late(year: int) -> int:
    """Whole 400-year cycles that move ``year`` into the last cycle before 9999 (negative moves it back)."""
    return (_LATE_YEAR - year) // _CYCLE_YEARS


def _walk_start(rule_text: str, starts_on: date, low: date) -> date:
    """Where dateutil may start walking to reach ``low``: the rule's start, or for a DAILY or WEEKLY rule
    without COUNT the last whole period (INTERVAL days or weeks) after it that begins on or before ``low``. Such a
    rule's due days after that point are the same whichever of its periods it starts in."""
    parts = _parts(rule_text)
    if "COUNT" in parts or low <= starts_on:
        return starts_on
    step = {"DAILY": 1, "WEEKLY": 7}.get(parts.get("FREQ", ""))
    if step is None:
        return starts_on
    period = step * int(parts.get("INTERVAL", "1"))
    return starts_on + timedelta(days=(low - starts_on).days // period * period)


def _expand(rule_text: str, starts_on: date, low: date, high: date, *, first_only: bool = False) -> list[date]:
    """Due days of a repeating promise from ``low`` to ``high``, both inclusive and on or after ``starts_on``."""
    rule = parse_rule(rule_text, starts_on)
    assert rule is not None
    until = getattr(rule, "_until", None)  # folded into the window, so that the rule can be moved in time
    if until is not None:
        high = min(high, until.date())
    low = max(low, starts_on)
    if low > high:
        return []
    shift = timedelta(days=_CYCLE_DAYS * max(0, _cycles_to_late(high.year)))
    begin = _walk_start(rule_text, starts_on, low)
    moved = rule.replace(dtstart=datetime.combine(begin + shift, time()), until=None)  # type: ignore[no-untyped-call]
    first, last = datetime.combine(low + shift, time()), datetime.combine(high + shift, time())
    if first_only:
        found = moved.after(first, inc=True)
        return [found.date() - shift] if found is not None and found <= last else []
    return sorted({moment.date() - shift for moment in moved.between(first, last, inc=True)})


def occurrences(rule_text: str, starts_on: date, ends_on: date | None, first: date, last: date) -> list[date]:
    """The days from ``first`` to ``last`` (inclusive) when the promise is due."""
    low = max(first, starts_on)
    high = last if ends_on is None else min(last, ends_on)
    if low > high:
        return []
    if parse_rule(rule_text, starts_on) is None:
        return [starts_on] if low <= starts_on <= high else []
    return _expand(rule_text, starts_on, low, high)


def is_due(rule_text: str, starts_on: date, ends_on: date | None, day: date) -> bool:
    return bool(occurrences(rule_text, starts_on, ends_on, day, day))


def first_due(rule_text: str, starts_on: date, ends_on: date | None) -> date | None:
    """The first day the promise comes due, looking at most FIRST_DUE_YEARS past its start; None when the rule
    never comes due in that time (its UNTIL is before the start, or it asks for a day like February 30th)."""
    room = (date.max - starts_on).days
    high = starts_on + timedelta(days=min(room, FIRST_DUE_YEARS * 366))
    if ends_on is not None:
        high = min(high, ends_on)
    if high < starts_on:
        return None
    if parse_rule(rule_text, starts_on) is None:
        return starts_on
    if _no_such_day(_parts(normalise_rule(rule_text))):
        return None
    found = _expand(rule_text, starts_on, starts_on, high, first_only=True)
    return found[0] if found else None


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _no_such_day(parts: dict[str, str]) -> bool:
    """True when BYMONTHDAY names no day that any month in BYMONTH has (February 30th), found without a walk."""
    if "BYMONTHDAY" not in parts:
        return False
    try:
        monthdays = [int(d) for d in parts["BYMONTHDAY"].split(",")]
        months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else list(range(1, 13))
    except ValueError:
        return False
    return not any(1 <= m <= 12 and 1 <= abs(d) <= _MONTH_DAYS[m - 1] for m in months for d in monthdays)


def previous_occurrences(
    rule_text: str, starts_on: date, ends_on: date | None, on: date, count: int
) -> list[date]:
    """Up to ``count`` most recent due days on or before ``on``, oldest first."""
    if count <= 0:
        return []
    high = on if ends_on is None else min(on, ends_on)
    if high < starts_on:
        return []
    span = 7 * count
    while True:
        low = max(starts_on, high - timedelta(days=span))
        days = occurrences(rule_text, starts_on, ends_on, low, high)
        if len(days) >= count or low == starts_on:
            return days[-count:]
        span *= 4


def frequency(rule_text: str, starts_on: date) -> float:
    """Expected occurrences per day (trust-model.md Clarifications): DAILY 1, three days a week 3/7, WEEKLY
    1/7, MONTHLY about 1/30; a one-off and anything more often than daily count as 1. Defined for every start
    day a date can hold: the window is counted in the last 400-year cycle, where the calendar is the same."""
    rule = parse_rule(rule_text, starts_on)
    if rule is None:
        return 1.0
    start = datetime.combine(starts_on, time())
    start = start.replace(year=start.year + _CYCLE_YEARS * _cycles_to_late(start.year))
    endless = rule.replace(count=None, until=None, dtstart=start)  # type: ignore[no-untyped-call]
    end = start + timedelta(days=_FREQ_WINDOW_DAYS - 1)
    n = len({moment.date() for moment in endless.between(start, end, inc=True)})
    if n == 0:
        return 1.0
    return min(1.0, n / _FREQ_WINDOW_DAYS)


def describe_rule(rule_text: str, starts_on: date) -> str:
    """A few plain words for common rules ("every day", "Mon, Wed, Fri", "every day, until 3 Mar 2027"); the rule
    itself otherwise."""
    rule = normalise_rule(rule_text)
    if not rule:
        return f"once, on {starts_on:%a %-d %b}"
    parts = _parts(rule)
    label = _repeat_words(parts, starts_on)
    if label is None:
        return rule
    until = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?", parts.get("UNTIL", ""))
    if until:
        try:
            label += f", until {date(*map(int, until.groups()[:3])):%-d %b %Y}"
        except ValueError:
            return rule
    elif parts.get("COUNT", "").isdigit():
        count = int(parts["COUNT"])
        label = f"once, on {starts_on:%a %-d %b}" if count == 1 else f"{label}, {count} times"
    return label


def _repeat_words(parts: dict[str, str], starts_on: date) -> str | None:
    freq, interval = parts.get("FREQ"), parts.get("INTERVAL", "1")
    if set(parts) - {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"}:
        return None
    names = {"MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri", "SA": "Sat", "SU": "Sun"}
    days = parts.get("BYDAY")
    if freq == "DAILY" and not days:
        return "every day" if interval == "1" else f"every {interval} days"
    if freq in {"DAILY", "WEEKLY"} and days and all(d in names for d in days.split(",")):
        chosen = days.split(",")
        if set(chosen) == {"MO", "TU", "WE", "TH", "FR"}:
            label = "on weekdays"
        else:
            label = "on " + ", ".join(names[d] for d in chosen)
        return label if interval == "1" else f"{label}, every {interval} weeks"
    if freq == "WEEKLY" and not days:
        return f"every week on {starts_on:%A}" if interval == "1" else f"every {interval} weeks"
    if freq == "MONTHLY" and not days:
        return f"every month on day {starts_on.day}" if interval == "1" else None
    return None


# --- right-sizing ---------------------------------------------------------------------------------------------

RIGHT_SIZE_MIN = 7
RIGHT_SIZE_WINDOW = 14


@dataclass(frozen=True)
class RightSizing:
    kept: float  # kept counts 1, partial counts its value
    considered: int


def right_sizing(outcomes: Sequence[tuple[str, float | None]]) -> RightSizing | None:
    """Suggest a smaller promise when it was kept in under half of its last 7+ recorded occurrences.

    ``outcomes`` are (outcome, value) for the promise's check-ins, oldest first. Renegotiated and excused days
    are left out: letting a promise go or resting is not a sign it is too big. Looks at up to the last 14."""
    counted = [(o, v) for o, v in outcomes if o in {"kept", "missed", "partial"}][-RIGHT_SIZE_WINDOW:]
    if len(counted) < RIGHT_SIZE_MIN:
        return None
    kept = sum(1.0 if o == "kept" else float(v or 0.0) if o == "partial" else 0.0 for o, v in counted)
    if kept * 2 >= len(counted):
        return None
    return RightSizing(kept=kept, considered=len(counted))


def smaller_size(size: str) -> str | None:
    """The next size down, or None for a tiny promise."""
    index = SIZES.index(size) if size in SIZES else 0
    return SIZES[index - 1] if index > 0 else None


def days_between(first: date, last: date) -> Iterable[date]:
    for n in range((last - first).days + 1):
        yield first + timedelta(days=n)
