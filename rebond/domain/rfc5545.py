"""Does a promise's repeat rule follow RFC 5545, so a calendar app can follow it too? (pure: no Django, no clock)

dateutil reads more than the standard allows (BYEASTER, COUNT beside UNTIL, a time in UNTIL), and the private
calendar feed publishes each promise as an all-day event (a DATE start) with its rule: anything a calendar app
would read differently from rebond, or refuse, is named here in plain words. Checked when a rule is saved; rules
stored before this check still work in rebond, and the feed leaves out what it can't publish.
"""

from __future__ import annotations

import re

PARTS = frozenset({"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY",
                   "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"})
_BY = frozenset(name for name in PARTS if name.startswith("BY") and name != "BYSETPOS")
_DATE = re.compile(r"\d{8}")
_NUMBERED_DAY = re.compile(r"[+-]?\d+[A-Z]{2}")


def problem(rule_text: str) -> str | None:
    """What keeps a rule (normalised: upper case, no spaces, no "RRULE:") from being RFC 5545 for an all-day
    start, in words that name the fix; None when it is fine or empty."""
    if not rule_text:
        return None
    names = [part.split("=", 1)[0] for part in rule_text.split(";") if part]
    parts = dict(part.split("=", 1) for part in rule_text.split(";") if "=" in part)
    for name in names:
        if name not in PARTS:
            return (f"{name} isn't part of the calendar standard (RFC 5545), so calendar apps can't follow it. "
                    "Take it out and pick the days with BYDAY, BYMONTHDAY or BYMONTH instead.")
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        return f"{twice[0]} is in the rule more than once. Keep one {twice[0]}."
    if "COUNT" in parts and "UNTIL" in parts:
        return ("Use COUNT or UNTIL, not both: COUNT says how many times, UNTIL says the last day. "
                "For a last day, the promise's end date works too.")
    if "UNTIL" in parts and not _DATE.fullmatch(parts["UNTIL"]):
        return "Write UNTIL as a day without a time, like UNTIL=20270301. A promise is for a whole day."
    timed = sorted({"BYHOUR", "BYMINUTE", "BYSECOND"} & set(parts))
    if timed:
        return (f"A promise is for a whole day, so the rule can't name hours, minutes or seconds. Take out "
                f"{' and '.join(timed)}.")
    freq = parts.get("FREQ", "")
    if "BYWEEKNO" in parts and freq != "YEARLY":
        return "BYWEEKNO works only with FREQ=YEARLY."
    if "BYYEARDAY" in parts and freq != "YEARLY":
        return "BYYEARDAY works only with FREQ=YEARLY."
    if "BYMONTHDAY" in parts and freq == "WEEKLY":
        return "BYMONTHDAY can't be used with FREQ=WEEKLY. Use BYDAY for days of the week, or FREQ=MONTHLY."
    days = parts.get("BYDAY", "").split(",")
    if any(_NUMBERED_DAY.fullmatch(day) for day in days) and (
            freq not in {"MONTHLY", "YEARLY"} or (freq == "YEARLY" and "BYWEEKNO" in parts)):
        return "A number before a weekday (like 1MO for the first Monday) works only with FREQ=MONTHLY or FREQ=YEARLY."
    if "BYSETPOS" in parts and not _BY & set(parts):
        return "BYSETPOS needs another BY part to pick from, like FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1."
    return None
