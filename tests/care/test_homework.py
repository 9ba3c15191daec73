"""Homework adherence counts the real work (issue 7: "adherence shows to both"), not only a "Mark as done" click:
each template's work between the day it was given and the day it is due, shown as "1 of 2" to the person and to
the clinician who gave it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from rebond.care import services
from rebond.care.models import Homework
from tests.care.conftest import share, signed_in
from tests.conftest import TODAY, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


def finish_thought_record(alice: Any, *, days_ago: int = 0) -> None:
    from rebond.thoughts import services as thoughts

    record, _ = thoughts.record_save(user=alice, changes={
        "situation": "At work", "thoughts": [{"text": "They think I'm slow", "hot": True}], "status": "done"})
    if days_ago:
        record.created_at = timezone.now() - timedelta(days=days_ago)
        record.save(update_fields=["created_at"])


def give(alice: Any, bob: Any, kind: str, count: int = 1, instrument: str = "", **days: int) -> Homework:
    homework, _ = services.homework_assign(clinician=bob, owner=alice, kind=kind, count=count, instrument=instrument,
                                           assigned_on=TODAY - timedelta(days=days.get("given_ago", 0)),
                                           due_on=TODAY + timedelta(days=days.get("due_in", 3)))
    return homework


def test_two_thought_records_are_one_of_two_after_one_for_both_sides(alice: Any, bob: Any, api_as: Any) -> None:
    share(alice, bob, ["victories"])  # thought records aren't shared: bob sees how far along, never the words
    homework = give(alice, bob, "thought_records", count=2)
    finish_thought_record(alice, days_ago=2)  # before it was given: not this homework's
    finish_thought_record(alice)
    mine = api_as(alice).get("/care/homework").json()["items"][0]
    assert (mine["counted"], mine["done"], mine["marked_done"]) == (1, False, False)
    assert "1 of 2 done" in html(signed_in(alice).get("/care/"))
    theirs = api_as(bob).get(f"/care/clients/{alice.pk}/homework").json()
    assert theirs["items"][0]["counted"] == 1 and theirs["adherence"] == {"done": 0, "not_done_yet": 0, "due": 1,
                                                                          "total": 1}
    page = html(signed_in(bob).get(f"/care/clients/{alice.pk}/"))
    assert "1 of 2 done" in page and "They think I'm slow" not in page
    finish_thought_record(alice)
    assert api_as(bob).get(f"/care/clients/{alice.pk}/homework").json()["adherence"]["done"] == 1
    assert Homework.objects.get(pk=homework.pk).done_at is None  # done by the work, not by a click


def do_questionnaire(alice: Any) -> None:
    from rebond.measures import services as measures

    measures.response_create(user=alice, instrument_id="gad7", answers=[1] * 7)


def do_other_questionnaire(alice: Any) -> None:
    from rebond.measures import services as measures

    measures.response_create(user=alice, instrument_id="who5", answers=[3] * 5)


def do_grounding(alice: Any) -> None:
    from rebond.practice import services as practice

    practice.session_create(user=alice, exercise="grounding-5-4-3-2-1", distress_before=6, finished=False)


def do_boundary_script(alice: Any) -> None:
    from rebond.boundaries import services as boundaries

    boundaries.boundary_save(user=alice, data={"what": "No calls after ten", "how": "I'll answer in the morning."})


def do_boundary_without_script(alice: Any) -> None:
    from rebond.boundaries import services as boundaries

    boundaries.boundary_save(user=alice, data={"what": "No calls after ten"})


def do_promise_checkin(alice: Any) -> None:
    from rebond.promises import services as promises

    promise, _ = promises.promise_create(user=alice, text="Walk", size="tiny", rrule="FREQ=DAILY",
                                         starts_on=TODAY - timedelta(days=5))
    promises.checkin_record(user=alice, promise=promise, on=TODAY, outcome="missed")  # an honest check-in counts


@pytest.mark.parametrize(("kind", "instrument", "work", "counts"), [
    ("questionnaire", "gad7", do_questionnaire, True),
    ("questionnaire", "gad7", do_other_questionnaire, False),
    ("grounding", "", do_grounding, True),
    ("boundary_script", "", do_boundary_script, True),
    ("boundary_script", "", do_boundary_without_script, False),
    ("promise_practice", "", do_promise_checkin, True),
], ids=["gad7-taken", "another-questionnaire", "exercise-stopped-early", "script-written", "boundary-no-script",
        "check-in"])
def test_each_template_counts_its_own_work(alice: Any, bob: Any, kind: str, instrument: str,
                                           work: Callable[[Any], None], counts: bool, api_as: Any) -> None:
    share(alice, bob, ["victories"])
    give(alice, bob, kind, instrument=instrument)
    work(alice)
    item = api_as(alice).get("/care/homework").json()["items"][0]
    assert (item["counted"], item["done"]) == ((1, True) if counts else (0, False))


def test_work_done_counts_it_off_today_and_the_calendar_and_mark_as_done_stays_for_the_rest(alice: Any,
                                                                                             bob: Any) -> None:
    from django.test import Client

    from rebond.promises import services as promises

    share(alice, bob, ["victories"])
    give(alice, bob, "thought_records", count=1)
    paper = give(alice, bob, "grounding")
    token = promises.calendar_feed_token(user=alice)
    assert html(Client().get(f"/calendar/{token}.ics")).count("UID:care-homework-") == 2
    finish_thought_record(alice)
    today = html(signed_in(alice).get("/"))
    assert "thought record" not in today and "A grounding exercise" in today and "Mark as done" in today
    assert html(Client().get(f"/calendar/{token}.ics")).count("UID:care-homework-") == 1
    care = html(signed_in(alice).get("/care/"))
    assert care.count("Mark as done") == 1  # only the one the work hasn't counted yet
    signed_in(alice).post(f"/care/homework/{paper.pk}/done/", {"done": "1"})
    assert "From your care circle" not in html(signed_in(alice).get("/"))


def test_the_summary_and_the_dashboard_count_the_work(alice: Any, bob: Any, api_as: Any) -> None:
    from rebond.care import dashboard

    share(alice, bob, ["victories"])
    give(alice, bob, "thought_records", count=2, given_ago=3, due_in=-1)
    finish_thought_record(alice, days_ago=2)
    finish_thought_record(alice, days_ago=1)
    give(alice, bob, "thought_records", count=2, due_in=0)
    finish_thought_record(alice)
    summary = api_as(bob).get(f"/care/clients/{alice.pk}/summary").json()["homework"]
    assert [(h["done"], h["counted"], h["progress"]) for h in summary["items"]] == [
        (True, 2, ""), (False, 1, "1 of 2 done")]
    assert dashboard.rows(viewer=bob)[0]["homework"] == {"done": 1, "not_done_yet": 0, "due": 1, "total": 2}
