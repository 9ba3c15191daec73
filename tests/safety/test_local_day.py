"""The crisis page shows at most once per entry and per day: the person's own day, not the server's."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from rebond.thoughts import services
from tests.conftest import client_for, make_user

pytestmark = pytest.mark.django_db

CRISIS_PAGE = "It sounds like a lot is going on"


def _save_words(client: Any, record: Any) -> str:
    url = reverse("thoughts:step", args=[record.pk, "thoughts"])
    return client.post(url, {"thought-0": "I feel like a burden on everyone.", "hot": "0", "go": "next"}).content.decode()


@pytest.mark.parametrize(("zone", "first", "second", "full_page_again"), [
    # London is on 2 July at both moments, while the server (UTC) moves from 1 to 2 July: one day, so a banner.
    ("Europe/London", "2026-07-01 23:15", "2026-07-02 09:00", False),
    # New York is still on 1 July at 02:30 UTC on the 2nd: one day for the person, though the server's date moved.
    ("America/New_York", "2026-07-01 20:00", "2026-07-02 02:30", False),
    # Auckland has moved on to 3 July by 12:30 UTC on the 2nd: a new day for the person, so the full page again.
    ("Pacific/Auckland", "2026-07-02 01:00", "2026-07-02 12:30", True),
])
def test_once_per_entry_and_per_day_uses_the_persons_own_day(zone: str, first: str, second: str,
                                                              full_page_again: bool) -> None:
    alice = make_user("alice", time_zone=zone)
    record = services.record_start(user=alice)
    c = client_for(alice)
    with time_machine.travel(datetime.fromisoformat(first).replace(tzinfo=UTC), tick=False):
        assert CRISIS_PAGE in _save_words(c, record)
    with time_machine.travel(datetime.fromisoformat(second).replace(tzinfo=UTC), tick=False):
        assert (CRISIS_PAGE in _save_words(c, record)) == full_page_again
