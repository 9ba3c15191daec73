"""Pure rules for promises to oneself: recurrence, how often a promise comes due, safety promises, right-sizing.

No Django, no clock: every function takes the days it needs. Recurrence is RFC 5545 RRULE via dateutil; a
promise with no rule is a one-off on its start day. Occurrences are calendar days in the person's own zone, so
daylight-saving changes never move them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrule, rrulestr

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


def parse_rule(text: str, starts_on: date) -> rrule | None:
    """A dateutil rule anchored at ``starts_on``; None for a one-off. Raises RuleError for a rule that is
    not valid RFC 5545, repeats more often than daily, or carries its own DTSTART."""
    rule_text = normalise_rule(text)
    if not rule_text:
        return None
    if len(rule_text) > _MAX_RULE_LENGTH:
        raise RuleError("This repeat rule is too long. Try something like FREQ=DAILY or FREQ=WEEKLY;BYDAY=MO,WE,FR.")
    if "DTSTART" in rule_text or "\n" in rule_text or not rule_text.startswith("FREQ=") and "FREQ=" not in rule_text:
        raise RuleError("Write the repeat rule like FREQ=DAILY or FREQ=WEEKLY;BYDAY=MO,WE,FR (the start date goes in its own field).")
    parts = dict(part.split("=", 1) for part in rule_text.split(";") if "=" in part)
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


def occurrences(rule_text: str, starts_on: date, ends_on: date | None, first: date, last: date) -> list[date]:
    """The days from ``first`` to ``last`` (inclusive) when the promise is due."""
    low = max(first, starts_on)
    high = last if ends_on is None else min(last, ends_on)
    if low > high:
        return []
    rule = parse_rule(rule_text, starts_on)
    if rule is None:
        return [starts_on] if low <= starts_on <= high else []
    found = rule.between(datetime.combine(low, time()), datetime.combine(high, time()), inc=True)
    return sorted({moment.date() for moment in found})


def is_due(rule_text: str, starts_on: date, ends_on: date | None, day: date) -> bool:
    return bool(occurrences(rule_text, starts_on, ends_on, day, day))


def previous_occurrences(
    rule_text: str, starts_on: date, ends_on: date | None, on: date, count: int
) -> list[date]:
    """Up to ``count`` most recent due days on or before ``on``, oldest first."""
    if count <= 0:
        return []
    rule = parse_rule(rule_text, starts_on)
    high = on if ends_on is None else min(on, ends_on)
    if high < starts_on:
        return []
    if rule is None:
        return [starts_on]
    days: list[date] = []
    moment: datetime | None = datetime.combine(high, time())
    moment = rule.before(moment, inc=True) if moment is not None else None
    while moment is not None and len(days) < count:
        days.append(moment.date())
        moment = rule.before(moment, inc=False)
    return sorted(days)


def frequency(rule_text: str, starts_on: date) -> float:
    """Expected occurrences per day (trust-model.md Clarifications): DAILY 1, three days a week 3/7, WEEKLY
    1/7, MONTHLY about 1/30; a one-off and anything more often than daily count as 1."""
    rule = parse_rule(rule_text, starts_on)
    if rule is None:
        return 1.0
    endless = rule.replace(count=None, until=None)  # type: ignore[no-untyped-call]
    start = datetime.combine(starts_on, time())
    end = start + timedelta(days=_FREQ_WINDOW_DAYS - 1)
    n = len({moment.date() for moment in endless.between(start, end, inc=True)})
    if n == 0:
        return 1.0
    return min(1.0, n / _FREQ_WINDOW_DAYS)


def describe_rule(rule_text: str, starts_on: date) -> str:
    """A few plain words for common rules ("every day", "Mon, Wed, Fri"); the rule itself otherwise."""
    rule = normalise_rule(rule_text)
    if not rule:
        return f"once, on {starts_on:%a %-d %b}"
    parts = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
    freq, interval = parts.get("FREQ"), parts.get("INTERVAL", "1")
    extra = set(parts) - {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"}
    if extra:
        return rule
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
        return f"every month on day {starts_on.day}"
    return rule


# --- safety promises ------------------------------------------------------------------------------------------

_SELF = r"(?:my\s*self|my\s+(?:body|skin|arms?|legs?|wrists?))"
_NOT_SAFETY = re.compile(r"\bcut(?:ting)?\s+(?:my\s*self|me)\s+(?:some\s+)?slack\b", re.IGNORECASE)
_SAFETY_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?:hurt|hurting|harm|harming|injure|injuring|cut|cutting|burn|burning|kill|killing|hit|hitting|punish|punishing)\s+{_SELF}\b",
        r"\bself[\s-]*(?:harm|harming|injur\w*|hurt\w*)\b",
        r"\b(?:stay|staying|keep\s+(?:my\s*self|me)|remain)\s+(?:safe|alive)\b",
        r"\b(?:end|take|ending|taking)\s+my\s+(?:own\s+)?life\b",
        r"\bsuicid\w*",
        r"\b(?:not|never|won'?t|don'?t)\s+(?:\w+\s+){0,2}(?:overdose|relapse\s+into\s+cutting)\b",
    )
)


def is_safety_promise(text: str) -> bool:
    """True for a promise about staying safe ("I won't hurt myself"). Such a promise is never one that can be
    missed: rebond offers to put it in the safety plan instead (UX.md, Safety)."""
    if not text:
        return False
    flat = _NOT_SAFETY.sub(" ", re.sub(r"[\u2019\u2018`]", "'", text))
    return any(p.search(flat) for p in _SAFETY_PATTERNS)


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
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)
