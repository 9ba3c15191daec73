"""Questionnaires that fall due appear in the person's private calendar feed, neutrally in discreet mode."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import icalendar
import pytest
import time_machine
from django.test import Client

from rebond.measures import services as measures
from rebond.promises import services as promises

pytestmark = pytest.mark.django_db


def feed(user: Any) -> icalendar.Calendar:
    token = promises.calendar_feed_token(user=user)
    with time_machine.travel(datetime(2026, 11, 23, 12, tzinfo=UTC), tick=False):
        response = Client().get(f"/calendar/{token}.ics")
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content)


def test_due_questionnaire_is_in_the_feed(alice: Any, charlie: Any) -> None:
    measures.schedule_set(user=alice, instrument_id="phq9", every_days=14, starts_on=date(2026, 11, 30))
    events = [e for e in feed(alice).walk("VEVENT") if str(e["UID"]).startswith("measure-phq9")]
    assert len(events) == 1
    assert events[0].decoded("DTSTART") == date(2026, 11, 30)
    assert "PHQ-9" in str(events[0]["SUMMARY"]) or "ready" in str(events[0]["SUMMARY"])
    assert events[0].walk("VALARM"), "a reminder comes with it"
    assert not [e for e in feed(charlie).walk("VEVENT") if str(e["UID"]).startswith("measure-")]


def test_discreet_mode_keeps_the_title_neutral(alice: Any) -> None:
    alice.discreet_mode = True
    alice.save()
    measures.schedule_set(user=alice, instrument_id="gad7", every_days=14, starts_on=date(2026, 11, 30))
    event = next(e for e in feed(alice).walk("VEVENT") if str(e["UID"]).startswith("measure-gad7"))
    assert str(event["SUMMARY"]) == "Check-in"
    assert "DESCRIPTION" not in event
