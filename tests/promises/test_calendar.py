"""The private calendar feed leaves out resting and let-go days (EXDATE), ends each series where the promise ends,
and only rules a calendar app can follow (RFC 5545) are saved; feeds are parsed with icalendar."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import icalendar
import pytest
from dateutil.rrule import rruleset, rrulestr
from django.test import Client

from rebond.domain import rfc5545
from rebond.promises import services
from rebond.promises.models import Promise
from tests.conftest import TODAY, client_for, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


def feed_events(user: Any) -> dict[str, Any]:
    body = Client().get(f"/calendar/{services.calendar_feed_token(user=user)}.ics").content
    return {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}


def exdates(event: Any) -> list[date]:
    found = event.get("EXDATE")
    lists = found if isinstance(found, list) else [found] if found is not None else []
    return sorted(d.dt for item in lists for d in item.dts)


def days_a_calendar_shows(event: Any, first: date, last: date) -> list[date]:
    """What a calendar app rings for: the RRULE from DTSTART without the EXDATE days."""
    start = datetime.combine(event.decoded("DTSTART"), time())
    series = rruleset()
    series.rrule(rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))
    for day in exdates(event):
        series.exdate(datetime.combine(day, time()))
    return [m.date() for m in series.between(datetime.combine(first, time()), datetime.combine(last, time()), inc=True)]


def test_resting_and_let_go_days_are_left_out_of_the_series(alice: Any) -> None:
    walk, _ = services.promise_create(user=alice, text="Walk", rrule="FREQ=DAILY", starts_on=TODAY - timedelta(days=10))
    services.checkin_record(user=alice, promise=walk, on=TODAY - timedelta(days=4), outcome="excused", reason="illness")
    services.checkin_record(user=alice, promise=walk, on=TODAY - timedelta(days=3), outcome="missed")
    services.checkin_record(user=alice, promise=walk, on=TODAY - timedelta(days=2), outcome="kept")
    services.checkin_record(user=alice, promise=walk, on=TODAY + timedelta(days=1), outcome="renegotiated")
    services.promise_pause(user=alice, promise=walk, first=TODAY + timedelta(days=5), last=TODAY + timedelta(days=6))
    event = feed_events(alice)["Walk"]
    resting = [TODAY - timedelta(days=4), TODAY + timedelta(days=1), TODAY + timedelta(days=5),
               TODAY + timedelta(days=6)]
    assert exdates(event) == resting
    assert event["EXDATE"].to_ical().startswith(b"2026") and event["EXDATE"].params.get("VALUE") == "DATE"
    shown = days_a_calendar_shows(event, TODAY - timedelta(days=10), TODAY + timedelta(days=10))
    assert not set(resting) & set(shown) and TODAY - timedelta(days=3) in shown and len(shown) == 21 - 4


def test_a_one_off_that_was_let_go_has_no_reminder(alice: Any) -> None:
    once, _ = services.promise_create(user=alice, text="Book the dentist", starts_on=TODAY + timedelta(days=2))
    services.promise_create(user=alice, text="Call the bank", starts_on=TODAY + timedelta(days=2))
    services.checkin_record(user=alice, promise=once, on=once.starts_on, outcome="renegotiated")
    assert set(feed_events(alice)) == {"Call the bank"}


def test_the_series_ends_where_the_promise_ends(alice: Any) -> None:
    end = TODAY + timedelta(days=20)
    services.promise_create(user=alice, text="Later rule end", rrule="FREQ=DAILY;UNTIL=20261231", starts_on=TODAY,
                            ends_on=end)
    services.promise_create(user=alice, text="Earlier rule end", rrule="FREQ=DAILY;UNTIL=20260620", starts_on=TODAY,
                            ends_on=end)
    services.promise_create(user=alice, text="Counted", rrule="FREQ=WEEKLY;COUNT=10", starts_on=TODAY, ends_on=end)
    events = feed_events(alice)
    assert events["Later rule end"]["RRULE"]["UNTIL"] == [end]
    assert events["Earlier rule end"]["RRULE"]["UNTIL"] == [date(2026, 6, 20)]
    counted = events["Counted"]["RRULE"]
    assert "COUNT" not in counted and counted["UNTIL"] == [TODAY + timedelta(days=14)], "the last due day"


BAD_RULES = [
    ("FREQ=DAILY;COUNT=5;UNTIL=20261231", "COUNT or UNTIL, not both"),
    ("FREQ=YEARLY;BYEASTER=0", "BYEASTER isn't part of the calendar standard"),
    ("FREQ=DAILY;UNTIL=20261231T000000Z", "UNTIL as a day without a time"),
    ("FREQ=DAILY;UNTIL=20261231T090000", "UNTIL as a day without a time"),
    ("FREQ=DAILY;BYHOUR=9", "can't name hours, minutes or seconds"),
    ("FREQ=WEEKLY;BYMONTHDAY=3", "BYMONTHDAY can't be used with FREQ=WEEKLY"),
    ("FREQ=WEEKLY;BYDAY=1MO", "works only with FREQ=MONTHLY or FREQ=YEARLY"),
    ("FREQ=DAILY;BYWEEKNO=3", "BYWEEKNO works only with FREQ=YEARLY"),
    ("FREQ=DAILY;COUNT=2;COUNT=3", "more than once"),
    ("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs another BY part"),
]


@pytest.mark.parametrize(("rule", "words"), BAD_RULES)
def test_a_rule_calendar_apps_cant_follow_is_a_422_on_rrule(api_as: Any, alice: Any, rule: str, words: str) -> None:
    response = api_as(alice).post("/promises", {"text": "Read", "rrule": rule, "starts_on": str(TODAY)})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert [d["loc"] for d in detail] == [["body", "rrule"]] and words in detail[0]["msg"]
    assert not Promise.objects.exists()


@pytest.mark.parametrize("rule", ["FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=MONTHLY;BYDAY=-1FR",
                                  "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1",
                                  "FREQ=DAILY;UNTIL=20270101", "FREQ=DAILY;COUNT=5", "FREQ=WEEKLY;INTERVAL=2;WKST=SU",
                                  "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "FREQ=YEARLY;BYYEARDAY=100", ""])
def test_standard_rules_pass(rule: str) -> None:
    assert rfc5545.problem(rule) is None


def test_the_web_form_names_the_rule_problem_beside_the_field(alice: Any) -> None:
    response = client_for(alice).post("/promises/new/", {"text": "Read", "size": "small", "repeat": "custom",
                                                         "rrule": "FREQ=YEARLY;BYEASTER=0", "starts_on": str(TODAY)})
    page = html(response)
    assert response.status_code == 422 and 'id="id_rrule_error"' in page and "BYEASTER" in page


def test_an_older_rule_still_works_and_is_left_out_of_the_feed(alice: Any) -> None:
    """A rule saved before the check: rebond still follows it, the feed leaves out what apps can't follow, and
    the promise can still be renamed."""
    old = Promise.objects.create(user=alice, text="Easter walk", rrule="FREQ=YEARLY;BYEASTER=0", starts_on=TODAY)
    services.promise_create(user=alice, text="Walk", rrule="FREQ=DAILY", starts_on=TODAY)
    assert set(feed_events(alice)) == {"Walk"}
    renamed, _ = services.promise_update(user=alice, promise=old, text="Easter stroll")
    assert renamed.text == "Easter stroll"
