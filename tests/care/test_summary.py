"""The printable session summary: only shared scopes, logged, and quick for three months of data."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from rebond.care.models import AccessLog
from tests.care.conftest import share, signed_in
from tests.conftest import html

pytestmark = pytest.mark.django_db


def test_summary_shows_only_what_is_shared_and_is_logged(alice_data: Any, bob: Any, charlie: Any,
                                                         api_as: Any) -> None:
    alice = alice_data
    share(alice, bob, ["promises"])
    page = signed_in(bob).get(f"/care/clients/{alice.pk}/summary/")
    text = page.content.decode()
    assert page.status_code == 200 and "Promises and self-trust" in text and "3 kept" in text
    assert "sum-measures" not in text and "garden" not in text
    assert set(AccessLog.objects.values_list("scope", flat=True)) == {"promises"}
    assert signed_in(charlie).get(f"/care/clients/{alice.pk}/summary/").status_code == 404
    assert api_as(charlie).get(f"/care/clients/{alice.pk}/summary").status_code == 404
    body = api_as(bob).get(f"/care/clients/{alice.pk}/summary").json()
    assert body["promises"]["kept"] == 3 and "measures" not in body
    mine = api_as(alice).get(f"/care/clients/{alice.pk}/summary").json()
    assert mine["measures"][0]["title"]
    assert signed_in(alice).get("/care/summary/?start=nonsense").status_code == 200


def test_summary_after_revocation_is_404(alice: Any, bob: Any, api_as: Any) -> None:
    s = share(alice, bob, ["promises"])
    api_as(alice).delete(f"/care/shares/{s.pk}")
    assert api_as(bob).get(f"/care/clients/{alice.pk}/summary").status_code == 404


def test_three_months_reads_a_fixed_number_of_queries(alice: Any, django_assert_max_num_queries: Any) -> None:
    """Time is measured by bench/care_summary.py; here the query count must not grow with the days."""
    from rebond.care import summary
    from rebond.promises import services as promises
    from rebond.promises.models import CheckIn
    from rebond.promises.services import user_today

    today = user_today(alice)
    start = today - timedelta(days=90)
    made = [promises.promise_create(user=alice, text=f"Promise {n}", rrule="FREQ=DAILY", starts_on=start)[0]
            for n in range(3)]
    CheckIn.objects.bulk_create([
        CheckIn(user=alice, promise=p, on=start + timedelta(days=d), outcome="kept" if d % 3 else "missed")
        for p in made for d in range(90)
    ])
    with django_assert_max_num_queries(20):
        data = summary.build(owner=alice, start=start, end=today,
                             scopes=frozenset({"promises", "measures", "thoughts"}))
    assert data["promises"]["kept"] + data["promises"]["missed"] == 270


def test_only_chosen_thought_records_reach_the_clinicians_summary(alice: Any, bob: Any) -> None:
    from rebond.thoughts import services as thoughts

    def finished(text: str) -> Any:
        record, _ = thoughts.record_save(user=alice, changes={
            "situation": "At work", "thoughts": [{"text": text, "hot": True}], "balanced_thought": "Maybe not"})
        return thoughts.record_finish(user=alice, record=record)

    keep, private = finished("They think I'm useless"), finished("Nobody would notice")
    share(alice, bob, ["thoughts"])
    mine = signed_in(alice)
    page = mine.get("/care/summary/").content.decode()
    assert "useless" in page and "notice" in page
    mine.post("/care/summary/thoughts/", {"shown": [keep.pk, private.pk], "chosen": [keep.pk]})
    theirs = signed_in(bob).get(f"/care/clients/{alice.pk}/summary/").content.decode()
    assert "2 finished" in theirs and "useless" in theirs and "notice" not in theirs


@pytest.fixture
def homework_from_two(alice: Any, bob: Any) -> Any:
    """Homework for alice from bob and from another clinician, due within the default period."""
    from rebond.care import services
    from rebond.promises.services import user_today
    from tests.conftest import make_user

    other = make_user("dr-other", "clinician")
    today = user_today(alice)
    services.homework_assign(clinician=bob, owner=alice, kind="grounding", due_on=today, assigned_on=today)
    services.homework_assign(clinician=other, owner=alice, kind="boundary_script", due_on=today, assigned_on=today)
    return other


def test_a_supporter_with_wins_only_gets_no_summary(alice_data: Any, dave: Any, bob: Any, homework_from_two: Any,
                                                    api_as: Any) -> None:
    alice = alice_data
    share(alice, dave, None, role="supporter")  # wins only
    assert signed_in(dave).get(f"/care/clients/{alice.pk}/summary/").status_code == 404
    assert api_as(dave).get(f"/care/clients/{alice.pk}/summary").status_code == 404
    assert "Session summary" not in signed_in(dave).get(f"/care/clients/{alice.pk}/").content.decode()
    assert not AccessLog.objects.exclude(scope="victories").exists()


def test_a_supporter_sees_only_shared_parts_and_never_homework(alice_data: Any, dave: Any, bob: Any,
                                                               homework_from_two: Any, api_as: Any) -> None:
    alice = alice_data
    share(alice, dave, ["victories", "promises"], role="supporter")
    body = api_as(dave).get(f"/care/clients/{alice.pk}/summary").json()
    assert body["promises"]["kept"] == 3
    assert "homework" not in body and "measures" not in body and "thoughts" not in body
    page = signed_in(dave).get(f"/care/clients/{alice.pk}/summary/").content.decode()
    assert "sum-homework" not in page and "boundary script" not in page.lower()
    assert set(AccessLog.objects.values_list("viewer_name", "scope")) == {("dave", "promises")}


def test_a_clinician_sees_only_the_homework_they_gave(alice: Any, bob: Any, homework_from_two: Any,
                                                      api_as: Any) -> None:
    share(alice, bob, ["victories"])  # nothing else of the summary's: their own homework is still worth a page
    body = api_as(bob).get(f"/care/clients/{alice.pk}/summary").json()
    assert [h["kind"] for h in body["homework"]["items"]] == ["A grounding exercise"]
    page = signed_in(bob).get(f"/care/clients/{alice.pk}/summary/").content.decode()
    assert "Homework you gave" in page and "grounding" in page and "boundary script" not in page.lower()
    mine = api_as(alice).get(f"/care/clients/{alice.pk}/summary").json()
    assert len(mine["homework"]["items"]) == 2
    # victories are not in a summary: only the homework bob read (twice, web and API) is in alice's log
    assert set(AccessLog.objects.values_list("viewer_name", "scope", "via", "count")) == {
        ("bob", "homework", "web", 1), ("bob", "homework", "api", 1)}


def test_a_summary_with_a_bad_period_is_refused_and_not_logged(alice: Any, bob: Any, api_as: Any) -> None:
    share(alice, bob, ["promises"])
    r = api_as(bob).get(f"/care/clients/{alice.pk}/summary?start=2030-01-02&end=2030-01-01")
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "start"]
    assert not AccessLog.objects.exists()


def test_the_summary_draws_self_trust_week_by_week(alice: Any, bob: Any, api_as: Any) -> None:
    from rebond.promises import services as promises
    from rebond.promises.models import CheckIn
    from rebond.promises.services import user_today

    today = user_today(alice)
    start = today - timedelta(days=90)
    promise, _ = promises.promise_create(user=alice, text="Walk", rrule="FREQ=DAILY", starts_on=start)
    CheckIn.objects.bulk_create([CheckIn(user=alice, promise=promise, on=start + timedelta(days=d),
                                         outcome="kept" if d % 4 else "missed") for d in range(91)])
    share(alice, bob, ["promises"])
    trend = api_as(bob).get(f"/care/clients/{alice.pk}/summary").json()["promises"]["trend"]
    assert len(trend) == 13 and trend[-1]["on"] == today.isoformat()
    assert all({"estimate", "low", "high", "status"} <= set(week) for week in trend)
    page = signed_in(bob).get(f"/care/clients/{alice.pk}/summary/").content.decode()
    assert '<svg viewBox="0 0 420.0 240.0" role="img"' in page and "<polyline points=" in page
    assert "Self-trust week by week" in page and page.count("<tr><td>") >= 13


def test_the_summary_names_thinking_traps_in_words(alice: Any) -> None:
    from rebond.thoughts import services as thoughts

    record, _ = thoughts.record_save(user=alice, changes={
        "situation": "At work", "thoughts": [{"text": "I always fail", "hot": True}],
        "traps": ["all_or_nothing"]})
    thoughts.record_finish(user=alice, record=record)
    page = signed_in(alice).get("/care/summary/").content.decode()
    assert "allornothing" not in page and "All-or-nothing" in page


def test_the_print_stylesheet_is_linked_for_print(alice: Any) -> None:
    page = signed_in(alice).get("/care/summary/").content.decode()
    assert '<link rel="stylesheet" href="/static/rebond/care-print.css" media="print">' in page


def finished_records(alice: Any, count: int) -> list[Any]:
    """`count` finished thought records, one a day up to yesterday, oldest first."""
    from django.utils import timezone

    from rebond.thoughts import services as thoughts

    made = []
    for n in range(count):
        record, _ = thoughts.record_save(user=alice, changes={
            "situation": "At work", "thoughts": [{"text": f"Thought number {n}", "hot": True}],
            "balanced_thought": f"Balanced number {n}", "status": "done"})
        record.created_at = timezone.now() - timedelta(days=count - n)
        record.save(update_fields=["created_at"])
        made.append(record)
    return made


def test_a_summary_quotes_the_three_newest_chosen_records_and_counts_the_rest(alice: Any, bob: Any,
                                                                             api_as: Any) -> None:
    from rebond.care import services

    made = finished_records(alice, 7)
    services.summary_thoughts_replace(user=alice, record_ids=[r.pk for r in made[:6]])  # the newest is not chosen
    share(alice, bob, ["thoughts"])
    body = api_as(bob).get(f"/care/clients/{alice.pk}/summary").json()["thoughts"]
    assert [r["id"] for r in body["records"]] == [made[5].pk, made[4].pk, made[3].pk]
    assert body["more_chosen"] == 3 and "choices" not in body
    page = signed_in(bob).get(f"/care/clients/{alice.pk}/summary/").content.decode()
    assert page.count('class="card quoted"') == 3 and "3 more chosen records are in rebond." in page
    assert "Thought number 2" not in page and "Thought number 6" not in page
    mine = signed_in(alice).get("/care/summary/").content.decode()
    assert mine.count('name="chosen"') == 7  # the person still chooses among all of them


def test_the_printout_leaves_out_the_weekly_table_and_says_the_trend_in_words(alice: Any) -> None:
    from rebond.promises import services as promises
    from rebond.promises.models import CheckIn
    from rebond.promises.services import user_today

    today = user_today(alice)
    start = today - timedelta(days=90)
    promise, _ = promises.promise_create(user=alice, text="Walk", rrule="FREQ=DAILY", starts_on=start)
    CheckIn.objects.bulk_create([CheckIn(user=alice, promise=promise, on=start + timedelta(days=d),
                                         outcome="kept" if d % 4 else "missed") for d in range(91)])
    page = signed_in(alice).get("/care/summary/").content.decode()
    assert '<table class="chart-table no-print">' in page  # the same numbers as the chart: on screen only
    assert "Week by week, the estimate went from about " in page and "(lowest " in page



def printed_text(page: str) -> str:
    """The summary's text as it prints: everything in the article outside elements of class no-print."""
    from django.test.html import Element, parse_html

    article = page[page.index('<article class="summary">'):page.index("</article>") + len("</article>")]

    def walk(node: Any) -> str:
        if isinstance(node, str):
            return node
        if isinstance(node, Element) and "no-print" in (dict(node.attributes).get("class") or "").split():
            return ""
        return " ".join(walk(child) for child in node.children)

    return walk(parse_html(article))


def test_the_persons_own_printout_quotes_the_records_they_chose(alice: Any) -> None:
    from rebond.care import services

    made = finished_records(alice, 2)
    services.summary_thoughts_replace(user=alice, record_ids=[made[0].pk])
    page = html(signed_in(alice).get("/care/summary/"))
    printed = printed_text(page)
    assert "Thought number 0" in printed and "Balanced number 0" in printed
    assert "Thought number 1" not in printed  # not chosen: only in the form, which doesn't print
    assert 'class="print-only"' in page and page.count("Thought number 1") == 1


@pytest.mark.usefixtures("frozen_day")
def test_thought_records_are_dated_by_the_persons_own_day(alice: Any, bob: Any, api_as: Any) -> None:
    from datetime import datetime

    from rebond.care import services
    from rebond.thoughts import services as thoughts

    record, _ = thoughts.record_save(user=alice, changes={
        "situation": "Late at night", "thoughts": [{"text": "I can't sleep again", "hot": True}], "status": "done"})
    record.created_at = datetime.fromisoformat("2026-06-14 23:30+00:00")  # 00:30 on 15 June in London
    record.save(update_fields=["created_at"])
    services.summary_thoughts_replace(user=alice, record_ids=[record.pk])
    share(alice, bob, ["thoughts"])
    clinician = api_as(bob)
    assert clinician.get(f"/care/clients/{alice.pk}/thoughts").json()["items"][0]["on"] == "2026-06-15"
    one_day = clinician.get(f"/care/clients/{alice.pk}/summary?start=2026-06-15&end=2026-06-15").json()["thoughts"]
    assert one_day["finished"] == 1 and one_day["records"][0]["on"] == "2026-06-15"
    day_before = clinician.get(f"/care/clients/{alice.pk}/summary?start=2026-06-14&end=2026-06-14").json()
    assert day_before["thoughts"]["finished"] == 0


@pytest.mark.usefixtures("frozen_day")
def test_open_homework_due_after_the_period_is_in_the_summary(alice: Any, bob: Any, api_as: Any) -> None:
    from rebond.care import services
    from tests.conftest import TODAY

    share(alice, bob, ["victories"])
    for kind, due_in in (("grounding", -2), ("boundary_script", 6), ("questionnaire", 8)):
        services.homework_assign(clinician=bob, owner=alice, kind=kind, due_on=TODAY + timedelta(days=due_in),
                                 assigned_on=TODAY - timedelta(days=3), instrument="gad7")
    done_early, _ = services.homework_assign(clinician=bob, owner=alice, kind="promise_practice",
                                             due_on=TODAY + timedelta(days=6), assigned_on=TODAY)
    services.homework_mark(user=alice, homework_id=done_early.pk, done=True)
    body = api_as(bob).get(f"/care/clients/{alice.pk}/summary").json()["homework"]  # the period ends today
    assert [h["kind"] for h in body["items"]] == ["A grounding exercise", "A boundary script", "A questionnaire"]
    assert body["adherence"] == {"done": 0, "not_done_yet": 1, "due": 2, "total": 3}
    page = html(signed_in(alice).get("/care/summary/"))
    assert "Homework in this period and still to come" in page and "2 still to come" in page
