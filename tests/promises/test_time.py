"""Dates are the person's own: daylight-saving changes, a check-in at 23:30 local, and a move to another zone."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine

from rebond.promises import selectors, services
from rebond.promises.models import CheckIn
from tests.conftest import client_for, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def newyorker(db: None) -> Any:
    return make_user("nadia", time_zone="America/New_York", region="US")


def daily(user: Any, start: date) -> Any:
    promise, _ = services.promise_create(user=user, text="Walk for ten minutes", rrule="FREQ=DAILY", starts_on=start)
    return promise


@pytest.mark.parametrize(
    ("instant", "local_day"),
    [
        # Spring forward: 8 March 2026, 02:00 EST becomes 03:00 EDT. 23:30 EDT is 03:30 UTC the next day.
        ("2026-03-09 03:30:00+00:00", date(2026, 3, 8)),
        # Just after the jump itself.
        ("2026-03-08 07:30:00+00:00", date(2026, 3, 8)),
        # Fall back: 1 November 2026, 02:00 EDT becomes 01:00 EST. 23:30 EST is 04:30 UTC the next day.
        ("2026-11-02 04:30:00+00:00", date(2026, 11, 1)),
        # The repeated hour (01:30 happens twice): still 1 November.
        ("2026-11-01 06:30:00+00:00", date(2026, 11, 1)),
    ],
)
def test_today_is_the_local_day_across_dst(newyorker: Any, instant: str, local_day: date) -> None:
    promise = daily(newyorker, date(2026, 1, 1))
    with time_machine.travel(instant, tick=False):
        assert services.user_today(newyorker) == local_day
        client = client_for(newyorker)
        page = client.get("/").content.decode()
        assert f"/promises/{promise.pk}/checkins/{local_day}/" in page
        assert f"/promises/{promise.pk}/checkins/{local_day + timedelta(days=1)}/" not in page
        client.post(f"/promises/{promise.pk}/checkins/{local_day}/", {"outcome": "kept"})
        # The UTC date may already be tomorrow: that day is still in the future for this person.
        refused = client.post(f"/promises/{promise.pk}/checkins/{local_day + timedelta(days=1)}/", {"outcome": "kept"},
                              HTTP_HX_REQUEST="true")
        assert "future" in refused.content.decode()
    assert list(CheckIn.objects.filter(promise=promise).values_list("on", flat=True)) == [local_day]


def test_a_week_across_spring_forward_has_seven_daily_occurrences(newyorker: Any) -> None:
    promise = daily(newyorker, date(2026, 3, 5))
    with time_machine.travel("2026-03-12 16:00:00+00:00", tick=False):
        today, earlier = selectors.due_on(user=newyorker, day=services.user_today(newyorker))
    days = sorted([d.on for d in earlier] + [d.on for d in today])
    assert days == [date(2026, 3, 5) + timedelta(days=i) for i in range(8)]
    assert all(d.promise.pk == promise.pk for d in today)


def test_checkin_at_half_past_eleven_local(api_as: Any, db: None) -> None:
    tokyo = make_user("kenji", time_zone="Asia/Tokyo", region="JP")
    promise = daily(tokyo, date(2026, 6, 1))
    api = api_as(tokyo)
    # 23:30 in Tokyo on 15 June is 14:30 UTC the same day; at 00:30 the next local day it is 15:30 UTC.
    with time_machine.travel("2026-06-15 14:30:00+00:00", tick=False):
        assert api.put(f"/promises/{promise.pk}/checkins/2026-06-15", {"outcome": "kept"}).status_code == 201
        assert api.put(f"/promises/{promise.pk}/checkins/2026-06-16", {"outcome": "kept"}).status_code == 422
        assert api.get("/self-trust").json()["estimate"] == pytest.approx(2 / 3)
    with time_machine.travel("2026-06-15 15:30:00+00:00", tick=False):
        assert api.put(f"/promises/{promise.pk}/checkins/2026-06-16", {"outcome": "kept"}).status_code == 201


def test_late_evening_west_of_utc(api_as: Any, newyorker: Any) -> None:
    promise = daily(newyorker, date(2026, 6, 1))
    api = api_as(newyorker)
    # 23:30 on 15 June in New York (EDT) is 03:30 UTC on 16 June.
    with time_machine.travel("2026-06-16 03:30:00+00:00", tick=False):
        assert api.put(f"/promises/{promise.pk}/checkins/2026-06-15", {"outcome": "kept"}).status_code == 201
        assert api.put(f"/promises/{promise.pk}/checkins/2026-06-16", {"outcome": "kept"}).status_code == 422
        assert api.get("/self-trust").json()["on"] == "2026-06-15"


def test_a_person_who_changes_time_zone(newyorker: Any) -> None:
    promise = daily(newyorker, date(2026, 6, 1))
    instant = "2026-06-16 02:00:00+00:00"  # 22:00 on the 15th in New York, 11:00 on the 16th in Tokyo
    with time_machine.travel(instant, tick=False):
        client = client_for(newyorker)
        client.post(f"/promises/{promise.pk}/checkins/2026-06-15/", {"outcome": "kept"})
        assert services.user_today(newyorker) == date(2026, 6, 15)
        newyorker.time_zone = "Asia/Tokyo"
        newyorker.save(update_fields=["time_zone"])
        newyorker.refresh_from_db()
        assert services.user_today(newyorker) == date(2026, 6, 16)
        client = client_for(newyorker)
        page = client.get("/").content.decode()
        assert f"/promises/{promise.pk}/checkins/2026-06-16/" in page
        client.post(f"/promises/{promise.pk}/checkins/2026-06-16/", {"outcome": "missed"})
    # Earlier check-ins keep their calendar day; nothing shifts with the zone.
    assert dict(CheckIn.objects.filter(promise=promise).values_list("on", "outcome")) == {
        date(2026, 6, 15): "kept", date(2026, 6, 16): "missed"}


def test_calendar_feed_uses_all_day_dates(newyorker: Any) -> None:
    import icalendar
    from django.test import Client

    daily(newyorker, date(2026, 3, 1))
    token = services.calendar_feed_token(user=newyorker)
    with time_machine.travel("2026-03-09 03:30:00+00:00", tick=False):
        cal = icalendar.Calendar.from_ical(Client().get(f"/calendar/{token}.ics").content)
    event = next(iter(cal.walk("VEVENT")))
    assert event.decoded("DTSTART") == date(2026, 3, 1), "an all-day date never moves with daylight saving"
    starts = event.decoded("DTSTART")
    assert not hasattr(starts, "tzinfo")
