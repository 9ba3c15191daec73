"""A promise's dates and repeat rule are bounded when saved, and an old row outside the bounds can't break the
account (issue 3): a far-future start used to 500 every page after it was saved."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from typer.testing import CliRunner

from rebond.accounts import services as account_services
from rebond.promises import services
from rebond.promises.models import CheckIn, Promise
from tests.conftest import TODAY, client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]




def make(api: Any, **over: Any) -> Any:
    body = {"text": "Walk for ten minutes", "rrule": "FREQ=DAILY", "starts_on": str(TODAY)}
    body.update(over)
    return api.post("/promises", body)


def problem(response: Any, field: str) -> str:
    assert response.status_code == 422, response.content
    found = [item["msg"] for item in response.json()["detail"] if item["loc"] == ["body", field]]
    assert found, response.json()
    return " ".join(found)


def test_start_dates_are_bounded_with_the_bound_in_words(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    assert "2 years from today, so 15 June 2028" in problem(make(api, starts_on="9999-12-31"), "starts_on")
    assert "2 years" in problem(make(api, starts_on="2028-06-16"), "starts_on")
    assert "1 January 1900" in problem(make(api, starts_on="0001-01-01"), "starts_on")
    assert "1 January 1900" in problem(make(api, starts_on="1899-12-31"), "starts_on")
    assert not Promise.objects.exists()
    assert make(api, starts_on="2028-06-15").status_code == 201
    assert make(api, starts_on="1900-01-01").status_code == 201


def test_end_dates_are_bounded(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    assert "10 years from today, so 15 June 2036" in problem(make(api, ends_on="9999-12-31"), "ends_on")
    assert make(api, ends_on="2036-06-15").status_code == 201


@pytest.mark.parametrize(("rule", "ends_on"), [
    ("FREQ=DAILY;UNTIL=20260101", None),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", None),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", None),
    ("FREQ=WEEKLY;BYDAY=SU", "2026-06-20"),  # Monday to Saturday: no Sunday in between
])
def test_a_rule_that_never_comes_due_is_refused(api_as: Any, alice: Any, rule: str, ends_on: str | None) -> None:
    msg = problem(make(api_as(alice), rrule=rule, ends_on=ends_on), "rrule")
    assert "never comes due" in msg
    assert not Promise.objects.exists()


def test_change_is_checked_too_but_an_old_promise_can_still_be_edited(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = make(api).json()["id"]
    assert "2 years" in problem(api.call("patch", f"/promises/{pid}", {"starts_on": "9999-12-31"}), "starts_on")
    assert "never comes due" in problem(api.call("patch", f"/promises/{pid}", {"rrule": "FREQ=DAILY;UNTIL=20200101"}),
                                        "rrule")
    old = Promise.objects.create(user=alice, text="From long ago", rrule="FREQ=DAILY", starts_on=date(1850, 1, 1))
    renamed = api.call("patch", f"/promises/{old.pk}", {"text": "From long, long ago"})
    assert renamed.status_code == 200 and renamed.json()["starts_on"] == "1850-01-01"


def test_the_web_form_shows_the_bound_beside_the_field(alice: Any) -> None:
    response = client_for(alice).post("/promises/new/", {"text": "Read", "size": "small", "repeat": "daily",
                                                         "starts_on": "9999-12-31"})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'id="id_starts_on_error"' in page and "2 years from today" in page
    custom = client_for(alice).post("/promises/new/", {"text": "Read", "size": "small", "repeat": "custom",
                                                       "rrule": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
                                                       "starts_on": str(TODAY)})
    assert custom.status_code == 422 and 'id="id_rrule_error"' in custom.content.decode()
    assert not Promise.objects.exists()


def test_the_cli_refuses_a_far_future_start(alice: Any, capsys: Any) -> None:
    from rebond.cli import run

    assert run(["promise", "add", "alice", "Read", "--starts-on", "9999-12-31"]) == 1
    said = capsys.readouterr()
    assert "starts_on" in said.out + said.err and "2 years" in said.out + said.err
    assert not Promise.objects.exists()


def test_an_import_is_held_to_the_same_bounds(charlie: Any) -> None:
    data = {"format": "rebond-export", "sections": {"promises": {"promises": [
        {"text": "Read", "size": "small", "rrule": "FREQ=DAILY", "starts_on": "9999-12-31", "checkins": []}]}}}
    with pytest.raises(ValidationError) as info:
        account_services.account_import(user=charlie, data=data)
    assert "2 years" in str(info.value)
    assert not Promise.objects.exists()


@pytest.mark.parametrize("starts_on", [date(9999, 12, 31), date(1, 1, 1)])
def test_an_old_row_outside_the_bounds_breaks_nothing(api_as: Any, alice: Any, starts_on: date) -> None:
    """Rows saved before the bounds existed: every page and command still answers."""
    Promise.objects.create(user=alice, text="Far away", rrule="FREQ=WEEKLY;BYDAY=MO", starts_on=starts_on)
    normal, _ = services.promise_create(user=alice, text="Walk", rrule="FREQ=DAILY",
                                        starts_on=TODAY - timedelta(days=3))
    services.checkin_record(user=alice, promise=normal, on=TODAY, outcome="kept")
    api = api_as(alice)
    listed = api.get("/promises")
    assert listed.status_code == 200 and {p["text"] for p in listed.json()["items"]} == {"Far away", "Walk"}
    assert all(0 < p["frequency"] <= 1 for p in listed.json()["items"])
    assert api.get("/self-trust").status_code == 200
    web = client_for(alice)
    for url in ("/", "/record/", "/promises/", "/promises/earlier/"):
        assert web.get(url).status_code == 200, url
    token = services.calendar_feed_token(user=alice)
    assert Client().get(f"/calendar/{token}.ics").status_code == 200
    from rebond.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["trust", "alice"]).exit_code == 0
    checked = runner.invoke(app, ["checkin", "alice"], input="s\ns\n")
    assert checked.exit_code == 0, checked.output
    assert CheckIn.objects.filter(user=alice).count() == 1
