"""The private iCalendar feed: each active promise as a recurring all-day event with a morning reminder."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from icalendar import Alarm, Calendar, Event, vRecur

from rebond.domain import promises as rules
from rebond.promises.models import Promise

REMINDER_AFTER_MIDNIGHT = timedelta(hours=9)
NEUTRAL_TITLE = "Reminder"


def build_feed(*, user: Any, promises: Iterable[Promise], now: datetime, host: str = "rebond") -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//rebond//promises//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Notes" if user.discreet_mode else "rebond promises")
    for promise in promises:
        title = NEUTRAL_TITLE if user.discreet_mode else str(promise.text)
        event = Event()
        event.add("uid", f"promise-{promise.pk}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", promise.starts_on)
        event.add("dtend", promise.starts_on + timedelta(days=1))
        event.add("summary", title)
        event.add("transp", "TRANSPARENT")
        if promise.rrule:
            recur = vRecur.from_ical(rules.normalise_rule(promise.rrule))
            if promise.ends_on is not None and "COUNT" not in recur:
                recur["UNTIL"] = [promise.ends_on]
            event.add("rrule", recur)
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


