"""Every look's time (issue 7: "every read of the person's data by someone else is recorded (who, what, when) and
shown to the person"): the log keeps one calm line a day, and under it the time of each look."""

from __future__ import annotations

import zoneinfo
from datetime import datetime, time, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rebond.accounts import services as accounts
from rebond.care import access
from rebond.care.models import AccessLog, AccessRead
from tests.care.conftest import make_user, share, signed_in

pytestmark = pytest.mark.django_db


def tomorrow_at(owner: Any, *clock: tuple[int, int]) -> list[datetime]:
    """Moments on one of the owner's days (tomorrow, so nothing else has been logged on it)."""
    zone = zoneinfo.ZoneInfo(owner.time_zone)
    day = timezone.localtime(timezone.now(), zone).date() + timedelta(days=1)
    return [datetime.combine(day, time(hour, minute), tzinfo=zone) for hour, minute in clock]


def look_at(moments: list[datetime], look: Any) -> None:
    for moment in moments:
        with time_machine.travel(moment, tick=False):
            look()


def test_three_looks_on_one_day_are_one_line_with_three_times(alice_data: Any, bob: Any, api_as: Any) -> None:
    alice = alice_data
    share(alice, bob, ["promises"])
    clinician = api_as(bob)
    moments = tomorrow_at(alice, (9, 5), (13, 40), (21, 15))
    look_at(moments, lambda: clinician.get(f"/care/clients/{alice.pk}/promises"))

    log = api_as(alice).get("/care/access-log").json()
    assert log["count"] == 1
    line = log["items"][0]
    assert (line["who"], line["scope"], line["count"]) == ("bob", "promises", 3)
    assert [datetime.fromisoformat(t) for t in line["times"]] == moments
    assert datetime.fromisoformat(line["first_at"]) == moments[0] and datetime.fromisoformat(line["at"]) == moments[2]

    page = signed_in(alice).get("/care/").content.decode()
    assert "looked 3 times, first at 09:05, last at 21:15" in page  # the calm per-day line stays
    assert page.count("<summary>Every time") == 1
    times = page.split("<summary>Every time", 1)[1].split("</details>", 1)[0]
    for shown in ("09:05", "13:40", "21:15"):  # her own clock, not bob's or the server's
        assert f">{shown}</time>" in times
    assert "more in between" not in times


def test_a_single_look_has_no_list_to_open(alice: Any, bob: Any, api_as: Any) -> None:
    share(alice, bob, ["victories"])
    api_as(bob).get(f"/care/clients/{alice.pk}/victories")
    assert len(api_as(alice).get("/care/access-log").json()["items"][0]["times"]) == 1
    page = signed_in(alice).get("/care/").content.decode()
    assert "bob" in page and "Every time" not in page.split('id="log"', 1)[1].split("</p>", 1)[1]


def test_looks_by_two_people_are_kept_apart(alice: Any, bob: Any, dave: Any, api_as: Any) -> None:
    share(alice, bob, ["victories"])
    share(alice, dave, ["victories"], role="supporter")
    look_at(tomorrow_at(alice, (8, 0), (8, 30)), lambda: api_as(bob).get(f"/care/clients/{alice.pk}/victories"))
    look_at(tomorrow_at(alice, (8, 10)), lambda: api_as(dave).get(f"/care/clients/{alice.pk}/victories"))
    items = {item["who"]: item for item in api_as(alice).get("/care/access-log").json()["items"]}
    assert set(items) == {"bob", "dave"}
    assert [datetime.fromisoformat(t) for t in items["bob"]["times"]] == tomorrow_at(alice, (8, 0), (8, 30))
    assert [datetime.fromisoformat(t) for t in items["dave"]["times"]] == tomorrow_at(alice, (8, 10))
    assert (items["bob"]["count"], items["dave"]["count"]) == (2, 1)


def queries_to_log(viewer: Any, owners: list[Any]) -> int:
    with CaptureQueriesContext(connection) as queries:
        access.log_reads(viewer=viewer, reads=[(owner, scope) for owner in owners for scope in ("measures",
                                                                                                 "promises")])
    return len(queries)


def test_logging_costs_the_same_for_one_person_or_twenty(bob: Any) -> None:
    owners = [make_user(f"client{n}", time_zone="Europe/London") for n in range(21)]
    first = (queries_to_log(bob, owners[:1]), queries_to_log(bob, owners[1:]))
    again = (queries_to_log(bob, owners[:1]), queries_to_log(bob, owners[1:]))
    assert first[0] == first[1] and again[0] == again[1], (first, again)
    assert max(first + again) <= 6
    assert AccessLog.objects.count() == 42 and set(AccessLog.objects.values_list("count", flat=True)) == {2}
    assert AccessRead.objects.count() == 84  # every look, each under its own line
    assert not AccessLog.objects.exclude(reads__isnull=False).exists()


def test_the_times_go_with_the_account_and_stay_when_the_reader_leaves(alice: Any, bob: Any, dave: Any,
                                                                       api_as: Any) -> None:
    share(alice, bob, ["victories"])
    share(alice, dave, ["victories"], role="supporter")
    for _ in range(2):
        api_as(bob).get(f"/care/clients/{alice.pk}/victories")
    api_as(dave).get(f"/care/clients/{alice.pk}/victories")
    accounts.account_delete(user=dave)  # the reader leaves: what they looked at stays in alice's log
    assert AccessRead.objects.count() == 3
    accounts.account_delete(user=alice)
    assert not AccessLog.objects.exists() and not AccessRead.objects.exists()


def test_the_export_lists_every_time(alice: Any, bob: Any, api_as: Any) -> None:
    share(alice, bob, ["victories"])
    moments = tomorrow_at(alice, (10, 0), (10, 1), (16, 45))
    look_at(moments, lambda: api_as(bob).get(f"/care/clients/{alice.pk}/victories"))
    line = accounts.account_export(user=alice)["sections"]["care"]["access_log"][0]
    assert line["count"] == 3
    assert [datetime.fromisoformat(t) for t in line["times"]] == moments


def test_lines_from_before_keep_the_times_they_knew(alice: Any, bob: Any) -> None:
    """Migration 0004: a line gets its first and latest time; the looks in between were never timed."""
    from importlib import import_module

    from django.apps import apps

    first, last = tomorrow_at(alice, (7, 20), (18, 5))
    AccessLog.objects.bulk_create([
        AccessLog(owner=alice, viewer=bob, viewer_name="bob", scope="victories", day=first.date(), first_at=first,
                  at=last, count=5),
        AccessLog(owner=alice, viewer=bob, viewer_name="bob", scope="promises", day=first.date(), first_at=first,
                  at=first, count=1),
    ])
    import_module("rebond.care.migrations.0004_access_read").known_times(apps, None)
    times = {row.scope: [r.at for r in row.reads.all()] for row in AccessLog.objects.all()}
    assert times == {"victories": [first, last], "promises": [first]}
    page = signed_in(alice).get("/care/").content.decode()
    assert ">07:20</time>" in page and ">18:05</time>" in page
    assert "And 3 more in between, from before rebond kept the time of every look." in page
