"""The private iCalendar feed: each active promise (selectors.calendar_promises) as a recurring all-day event with a
morning reminder."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from icalendar import Alarm, Calendar, Event, vRecur

from rebond.domain import promises as rules
from rebond.domain import rfc5545
from rebond.promises.models import Promise

REMINDER_AFTER_MIDNIGHT = timedelta(hours=9)
NEUTRAL_TITLE = "Reminder"


def build_feed(*, user: Any, promises: Iterable[Promise], now: datetime, host: str = "rebond",
               rest_days: Mapping[int, Iterable[date]] | None = None) -> bytes:
    """The feed. ``rest_days`` are each promise's resting and let-go days (excused or renegotiated check-ins):
    left out of its series with EXDATE, so no reminder rings on a day the person set down."""
    rest_days = rest_days or {}
    cal = Calendar()
    cal.add("prodid", "-//rebond//promises//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Notes" if user.discreet_mode else "rebond promises")
    for promise in promises:
        if promise.starts_on == date.max:
            continue  # an all-day event ends the day after it starts: there is none (an old, far-off row)
        resting = sorted(set(rest_days.get(promise.pk, ())))
        recur = _recurrence(promise)
        if recur is None or (not promise.rrule and promise.starts_on in resting):
            continue  # a rule stored before the calendar check that apps can't follow, or a one-off set down
        title = NEUTRAL_TITLE if user.discreet_mode else str(promise.text)
        event = Event()
        event.add("uid", f"promise-{promise.pk}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", promise.starts_on)
        event.add("dtend", promise.starts_on + timedelta(days=1))
        event.add("summary", title)
        event.add("transp", "TRANSPARENT")
        if recur:
            event.add("rrule", recur)
            if resting:
                event.add("exdate", resting)
        if not user.discreet_mode:
            event.add("description", "Check in on rebond when you're ready.")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", REMINDER_AFTER_MIDNIGHT)
        event.add_component(alarm)
        cal.add_component(event)
    _add_other_items(cal, user=user, now=now, host=host)
    return cal.to_ical()


def _recurrence(promise: Promise) -> vRecur | None:
    """The promise's rule as the feed publishes it, ending where the promise ends: the earlier of the rule's UNTIL
    and the end date; COUNT with an end date becomes the last due day. None when the rule isn't one calendar apps
    can follow (RFC 5545); an empty rule for a one-off."""
    rule = rules.normalise_rule(promise.rrule)
    if not rule:
        return vRecur()
    if rfc5545.problem(rule):
        return None
    recur = vRecur.from_ical(rule)
    if promise.ends_on is None:
        return recur
    if "COUNT" in recur:
        days = rules.occurrences(rule, promise.starts_on, promise.ends_on, promise.starts_on, promise.ends_on)
        if not days:
            return None
        del recur["COUNT"]
        recur["UNTIL"] = [days[-1]]
    else:
        own = recur.get("UNTIL")
        recur["UNTIL"] = [min(own[0], promise.ends_on) if own else promise.ends_on]
    return recur


OTHER_ITEMS_DAYS = 90


def _add_other_items(cal: Calendar, *, user: Any, now: datetime, host: str) -> None:
    """Questionnaires due and other apps' dated items (rebond.core.calendar), for the next few months."""
    from rebond.core import calendar as sources

    start = now.date()
    for item in sources.items_for(user, start, start + timedelta(days=OTHER_ITEMS_DAYS)):
        title = item.neutral_title if user.discreet_mode else item.title
        event = Event()
        event.add("uid", f"{item.uid}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", item.on)
        event.add("dtend", item.on + timedelta(days=1))
        event.add("summary", title)
        event.add("transp", "TRANSPARENT")
        if item.description and not user.discreet_mode:
            event.add("description", item.description)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", REMINDER_AFTER_MIDNIGHT)
        event.add_component(alarm)
        cal.add_component(event)


