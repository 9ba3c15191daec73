"""The access log: every look is counted (who, what, when), one line per person, part and day, and paged."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from rebond.care.models import AccessLog
from tests.care.conftest import share, signed_in

pytestmark = pytest.mark.django_db


def test_looks_on_one_day_are_one_line_with_a_count(alice_data: Any, bob: Any, api_as: Any) -> None:
    alice = alice_data
    share(alice, bob, ["promises", "measures"])
    clinician = api_as(bob)
    for _ in range(3):
        assert clinician.get(f"/care/clients/{alice.pk}/promises").status_code == 200
    clinician.get(f"/care/clients/{alice.pk}/measures")
    log = api_as(alice).get("/care/access-log").json()
    assert log["count"] == 2
    promises = next(item for item in log["items"] if item["scope"] == "promises")
    assert promises["count"] == 3 and promises["who"] == "bob" and promises["via"] == "api"
    assert promises["first_at"] <= promises["at"]
    web = signed_in(bob)
    web.get(f"/care/clients/{alice.pk}/")
    web.get(f"/care/clients/{alice.pk}/")
    page = signed_in(alice).get("/care/").content.decode()
    assert "looked 3 times" in page and "through the API" in page and "looked 2 times" in page


def test_a_new_day_starts_a_new_line(alice_data: Any, bob: Any, api_as: Any) -> None:
    import time_machine

    alice = alice_data
    share(alice, bob, ["promises"])
    api_as(bob).get(f"/care/clients/{alice.pk}/promises")
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        api_as(bob).get(f"/care/clients/{alice.pk}/promises")
    assert sorted(AccessLog.objects.values_list("count", flat=True)) == [1, 1]
    assert AccessLog.objects.values("day").distinct().count() == 2


def test_the_dashboard_refreshed_all_day_stays_one_line_per_part(alice_data: Any, bob: Any) -> None:
    alice = alice_data
    share(alice, bob, ["measures"])
    web = signed_in(bob)
    for _ in range(5):
        web.get("/care/clients/")
    row = AccessLog.objects.get()
    assert (row.scope, row.count) == ("measures", 5)


def test_the_log_is_paged(alice: Any, bob: Any) -> None:
    now = timezone.now()
    AccessLog.objects.bulk_create([
        AccessLog(owner=alice, viewer=bob, viewer_name="bob", scope="victories", via="web",
                  day=(now - timedelta(days=n)).date(), first_at=now - timedelta(days=n),
                  at=now - timedelta(days=n)) for n in range(60)])
    web = signed_in(alice)
    first = web.get("/care/").content.decode()
    assert "Looks 1 to 50 of 60" in first and "?log=2#log" in first and "Newer looks" not in first
    second = web.get("/care/?log=2").content.decode()
    assert "Looks 51 to 60 of 60" in second and "Newer looks" in second and "Older looks" not in second
    assert "No more looks" in web.get("/care/?log=9").content.decode()
    assert web.get("/care/?log=nonsense").status_code == 200
    assert "Nobody else has looked" in signed_in(bob).get("/care/").content.decode()  # the log is alice's alone


def test_last_active_comes_only_from_the_parts_shared_and_is_logged_under_its_part(alice: Any, bob: Any,
                                                                                   api_as: Any) -> None:
    from rebond.care import dashboard
    from rebond.journal import services as journal
    from rebond.promises import services as promises
    from rebond.promises.models import Victory

    promises.victory_create(user=alice, text="Called my sister back")
    ten_days_ago = timezone.now() - timedelta(days=10)
    Victory.objects.filter(user=alice).update(created_at=ten_days_ago)
    journal.entry_create(user=alice, kind="gratitude", body="A private page written today")
    share(alice, bob, ["victories"])
    row = dashboard.rows(viewer=bob)[0]
    assert row["last_active"] == ten_days_ago  # today's journal page is not shared, so it doesn't count
    # the date was read from her wins, so it is a look at her wins (issue 7: every read is recorded)
    assert list(AccessLog.objects.values_list("viewer_name", "scope", "via", "count")) == [
        ("bob", "victories", "web", 1)]
    api_as(bob).get("/care/dashboard")
    assert set(AccessLog.objects.values_list("scope", "via")) == {("victories", "web"), ("victories", "api")}
    assert "Wins" in signed_in(alice).get("/care/").content.decode()
