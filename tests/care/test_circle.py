"""Dashboard, "sharing is not monitoring", acknowledged flags, supporter notes and homework."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from rebond.care import services
from rebond.care.models import AccessLog, Encouragement, FlagSeen, Homework
from tests.care.conftest import make_user, share, signed_in

pytestmark = pytest.mark.django_db

PLEDGE = {"check_frequency": "Tuesday and Friday mornings", "urgent_contact": "Call 555-0100 or 911"}


@pytest.fixture
def flagged_alice(alice: Any) -> Any:
    from rebond.measures import services as measures

    measures.response_create(user=alice, instrument_id="phq9", answers=[1, 1, 1, 1, 1, 1, 1, 1, 1])
    return alice


def test_flags_need_the_pledge_then_can_be_acknowledged(flagged_alice: Any, bob: Any, api_as: Any) -> None:
    alice = flagged_alice
    share(alice, bob, ["measures", "safety_alerts"])
    clinician = api_as(bob)
    assert clinician.get(f"/care/clients/{alice.pk}/safety_alerts").status_code == 403
    assert clinician.put("/care/pledge", {"check_frequency": "", "urgent_contact": ""}).status_code == 422
    assert clinician.put("/care/pledge", PLEDGE).status_code == 200
    alerts = clinician.get(f"/care/clients/{alice.pk}/safety_alerts").json()
    assert alerts["count"] == 1
    source = alerts["items"][0]["source"]
    ack = clinician.post(f"/care/clients/{alice.pk}/safety_alerts/ack", {"source": source})
    assert ack.status_code == 200
    seen = FlagSeen.objects.get()
    assert seen.viewer == bob
    page = signed_in(alice).get("/care/").content.decode()
    assert "bob saw the alert from your PHQ-9 answers of " in page


def test_flags_are_404_without_the_scope_and_for_supporters(flagged_alice: Any, bob: Any, dave: Any,
                                                            api_as: Any) -> None:
    alice = flagged_alice
    share(alice, bob, ["measures"])
    share(alice, dave, ["victories"], role="supporter")
    api_as(bob).put("/care/pledge", PLEDGE)
    assert api_as(bob).get(f"/care/clients/{alice.pk}/safety_alerts").status_code == 404
    assert api_as(dave).get(f"/care/clients/{alice.pk}/safety_alerts").status_code == 404
    assert api_as(dave).put("/care/pledge", PLEDGE).status_code == 422


def test_dashboard_shows_scores_flags_and_homework_only_where_shared(flagged_alice: Any, bob: Any, charlie: Any
                                                                     ) -> None:
    from tests.conftest import make_user

    alice = flagged_alice
    erin = make_user("erin", "client")
    share(alice, bob, ["measures", "safety_alerts"])
    share(erin, bob, ["victories"])
    web = signed_in(bob)
    services.pledge_set(user=bob, **PLEDGE)
    page = web.get("/care/clients/?sort=flags")
    text = page.content.decode()
    assert page.status_code == 200
    assert text.index(">alice<") < text.index(">erin<")  # the one with a flag to look at first
    assert "PHQ-9" in text and "1 to look at" in text and "Not shared" in text
    assert "charlie" not in text
    scopes = set(AccessLog.objects.filter(owner=alice).values_list("scope", flat=True))
    assert scopes == {"measures", "safety_alerts"}
    assert not AccessLog.objects.filter(owner=erin).exists()
    by_name = web.get("/care/clients/?sort=name").content.decode()
    assert by_name.index(">alice<") < by_name.index(">erin<")


def test_dashboard_with_many_clients_keeps_queries_bounded(bob: Any, django_assert_max_num_queries: Any) -> None:
    from tests.conftest import make_user

    for n in range(12):
        share(make_user(f"client{n}", "client"), bob, ["victories"])
    from rebond.care import dashboard

    with django_assert_max_num_queries(40):
        rows = dashboard.rows(viewer=bob)
    assert len(rows) == 12


def test_encouragement_is_rate_limited_shown_on_today_and_mutable(alice: Any, dave: Any, api_as: Any) -> None:
    s = share(alice, dave, None, role="supporter")
    friend = api_as(dave)
    for n in range(3):
        r = friend.post(f"/care/clients/{alice.pk}/encouragements", {"text": f"Thinking of you {n}"})
        assert r.status_code == 201 and r.json()["crisis"]["detected"] is False
    fourth = friend.post(f"/care/clients/{alice.pk}/encouragements", {"text": "One more"})
    assert fourth.status_code == 422 and fourth.json()["detail"][0]["loc"] == ["body", "text"]
    today = signed_in(alice).get("/").content.decode()
    assert "Thinking of you 2" in today
    api_as(alice).call("patch", f"/care/shares/{s.pk}", {"encouragement_muted": True})
    assert "Thinking of you" not in signed_in(alice).get("/").content.decode()
    assert Encouragement.objects.count() == 3


def test_rate_limit_resets_after_a_day(alice: Any, dave: Any) -> None:
    share(alice, dave, None, role="supporter")
    earlier = timezone.now() - timedelta(days=1, minutes=5)
    for _ in range(3):
        services.encouragement_send(sender=dave, owner=alice, text="Hello", now=earlier)
    services.encouragement_send(sender=dave, owner=alice, text="Hello again")
    with pytest.raises(ValidationError):
        for _ in range(3):
            services.encouragement_send(sender=dave, owner=alice, text="Again")


def test_clinicians_cannot_send_notes_and_supporters_cannot_give_homework(alice: Any, bob: Any, dave: Any,
                                                                          charlie: Any, api_as: Any) -> None:
    share(alice, bob, ["victories"])
    share(alice, dave, None, role="supporter")
    due = str(timezone.localdate() + timedelta(days=3))
    assert api_as(bob).post(f"/care/clients/{alice.pk}/encouragements", {"text": "Hi"}).status_code == 403
    assert api_as(dave).post(f"/care/clients/{alice.pk}/homework",
                             {"kind": "grounding", "due_on": due}).status_code == 403
    assert api_as(charlie).post(f"/care/clients/{alice.pk}/homework",
                                {"kind": "grounding", "due_on": due}).status_code == 404
    assert api_as(charlie).post(f"/care/clients/{alice.pk}/encouragements", {"text": "Hi"}).status_code == 404


@pytest.mark.usefixtures("frozen_day")  # "today" is the same day for the test and for alice
def test_homework_shows_on_today_and_adherence_shows_to_both(alice: Any, bob: Any, api_as: Any) -> None:
    share(alice, bob, ["victories"])
    due = str(timezone.localdate() + timedelta(days=2))
    made = api_as(bob).post(f"/care/clients/{alice.pk}/homework",
                            {"kind": "thought_records", "count": 2, "due_on": due, "note": "When it gets loud"})
    assert made.status_code == 201, made.content
    today = signed_in(alice).get("/").content.decode()
    assert "2 thought records" in today and "When it gets loud" in today and 'href="/thoughts/new/"' in today
    homework_id = made.json()["id"]
    assert api_as(bob).put(f"/care/homework/{homework_id}/done", {"done": True}).status_code == 403  # read-only
    assert Homework.objects.get().done_at is None
    assert api_as(alice).put(f"/care/homework/{homework_id}/done", {"done": True}).status_code == 200
    assert Homework.objects.get().done_at is not None
    clinician_page = signed_in(bob).get(f"/care/clients/{alice.pk}/").content.decode()
    assert "1 done" in clinician_page


@pytest.mark.usefixtures("frozen_day")  # "today" is the same day for the test and for alice
def test_questionnaire_homework_names_the_questionnaire(alice: Any, bob: Any, api_as: Any) -> None:
    share(alice, bob, ["victories"])
    due = str(timezone.localdate())
    bad = api_as(bob).post(f"/care/clients/{alice.pk}/homework", {"kind": "questionnaire", "due_on": due})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "instrument"]
    past = api_as(bob).post(f"/care/clients/{alice.pk}/homework",
                            {"kind": "grounding", "due_on": str(timezone.localdate() - timedelta(days=9))})
    assert past.status_code == 422


def _clients_sharing_everything(clinician: Any, first: int, last: int) -> None:
    """Clients as a real practice has them: three questionnaires taken three times (so scores have a change to
    show), a safety alert from the PHQ-9, a promise with check-ins and homework from this clinician."""
    from rebond.care.models import Share
    from rebond.measures import services as measures
    from rebond.measures.models import MeasureResponse
    from rebond.promises.models import CheckIn, Promise
    from tests.conftest import make_user

    now = timezone.now()
    today = timezone.localdate()
    for n in range(first, last):
        owner = make_user(f"client{n:03}", "client")
        Share.objects.create(owner=owner, viewer=clinician, role="clinician",
                             scopes=["promises", "victories", "measures", "thoughts", "safety_alerts"])
        answers = {"phq9": [[2] * 9, [1] * 8 + [0], [1] * 9], "gad7": [[3] * 7, [2] * 7, [0] * 7],
                   "who5": [[1] * 5, [2] * 5, [3] * 5]}
        if n == first:
            for instrument, sets in answers.items():
                for k, values in enumerate(sets):
                    measures.response_create(user=owner, instrument_id=instrument, answers=values,
                                             taken_at=now - timedelta(days=30 * (2 - k) + 1))
            template = list(MeasureResponse.objects.filter(user=owner))
        else:
            MeasureResponse.objects.bulk_create([
                MeasureResponse(user=owner, instrument=r.instrument, answers=r.answers, total=r.total,
                                severity=r.severity, flags=r.flags, percent=r.percent, taken_at=r.taken_at)
                for r in template])
        promise = Promise.objects.create(user=owner, text="Walk", rrule="FREQ=DAILY",
                                         starts_on=today - timedelta(days=10))
        CheckIn.objects.bulk_create([CheckIn(user=owner, promise=promise, on=today - timedelta(days=d),
                                             outcome="kept") for d in range(1, 8)])
        Homework.objects.create(owner=owner, clinician=clinician, kind="grounding", assigned_on=today,
                                due_on=today - timedelta(days=1))


def test_dashboard_with_100_clients_sharing_measures(bob: Any) -> None:
    """The same number of queries for 10 clients as for 100: each kind of read is one query for everyone."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rebond.care import dashboard

    services.pledge_set(user=bob, **PLEDGE)

    def load() -> tuple[int, list[dict[str, Any]]]:
        with CaptureQueriesContext(connection) as ctx:
            rows = dashboard.rows(viewer=bob, sort="flags")
        return len(ctx.captured_queries), rows

    _clients_sharing_everything(bob, 0, 10)
    first_look_10, _ = load()  # the first look today adds the access-log rows
    queries_for_10, rows = load()  # a refresh counts looks on them
    assert len(rows) == 10
    _clients_sharing_everything(bob, 10, 100)
    first_look_100, _ = load()
    queries_for_100, rows = load()
    assert len(rows) == 100
    assert queries_for_100 == queries_for_10 and queries_for_100 <= 20, (queries_for_10, queries_for_100)
    assert first_look_100 <= 25, (first_look_10, first_look_100)  # the day's new log rows go in a few batches
    log = AccessLog.objects.filter(viewer=bob)
    # measures, alerts, homework, and promises (last active comes from a check-in)
    assert log.count() == 400 and set(log.values_list("count", flat=True)) == {2, 4}
    row = rows[-1]
    assert [s["instrument"] for s in row["scores"]] == ["phq9", "gad7", "who5"]
    by_id = {s["instrument"]: s for s in row["scores"]}
    assert by_id["gad7"]["total"] == 0 and by_id["gad7"]["change"] == "reliable_improvement"
    assert by_id["gad7"]["arrow"] == "▲" and by_id["phq9"]["total"] == 9
    assert by_id["phq9"]["change"] == "no_reliable_change" and by_id["who5"]["severity_words"]
    assert row["unseen_flags"] == 1 and len(row["flags"]) == 1  # the PHQ-9 taken with item 9 above zero
    assert row["homework"] == {"done": 0, "not_done_yet": 1, "due": 0, "total": 1}
    assert row["last_active"] is not None
    assert all(r["scores"] == row["scores"] for r in rows)


@pytest.mark.usefixtures("frozen_day")  # "today" is the same day for the test and for alice
def test_homework_is_in_the_calendar_feed_without_the_note(alice: Any, bob: Any) -> None:
    from django.test import Client

    from rebond.promises import services as promises

    share(alice, bob, ["victories"])
    due = timezone.localdate() + timedelta(days=3)
    services.homework_assign(clinician=bob, owner=alice, kind="grounding", due_on=due, assigned_on=due,
                             note="Private words")
    token = promises.calendar_feed_token(user=alice)
    feed = Client().get(f"/calendar/{token}.ics").content.decode()
    assert "Homework due: A grounding exercise" in feed and "Private words" not in feed


def test_the_person_sees_the_clinicians_pledge(alice: Any, bob: Any) -> None:
    share(alice, bob, ["victories", "safety_alerts"])
    assert "haven't said yet how often" in signed_in(alice).get("/care/").content.decode()
    services.pledge_set(user=bob, **{**PLEDGE, "urgent_contact": "Call 555-0100 or 911."})
    page = signed_in(alice).get("/care/").content.decode()
    assert "Tuesday and Friday mornings" in page and "555-0100" in page
    assert ".." not in page.split("rebond alerts nobody")[0][-400:]  # their own full stop is not doubled


def test_a_muted_supporters_notes_never_push_out_anyone_elses(alice: Any, dave: Any) -> None:
    from rebond.care import selectors

    other = make_user("erin", "supporter")
    share(alice, dave, None, role="supporter")
    muted = share(alice, other, None, role="supporter")
    services.share_update(user=alice, share=muted, encouragement_muted=True)
    now = timezone.now()
    services.encouragement_send(sender=dave, owner=alice, text="Thinking of you", now=now - timedelta(hours=60))
    for hours in (50, 2):  # more notes than Today shows, all newer than dave's
        for n in range(3):
            services.encouragement_send(sender=other, owner=alice, text=f"Muted {n}",
                                        now=now - timedelta(hours=hours, minutes=n))
    assert [note.text for note in selectors.encouragements_for_today(user=alice)] == ["Thinking of you"]
    assert "Thinking of you" in signed_in(alice).get("/").content.decode()


def test_shared_alerts_without_the_pledge_say_how_to_see_them_not_not_shared(alice: Any, bob: Any,
                                                                           api_as: Any) -> None:
    from rebond.measures import services as measures
    from tests.conftest import html

    measures.response_create(user=alice, instrument_id="phq9", answers=[1] * 9)  # item 9 above zero: an alert
    other = make_user("erin", "client")
    share(alice, bob, ["victories", "safety_alerts"])
    share(other, bob, ["victories"])

    def flags_cells() -> list[str]:
        page = html(signed_in(bob).get("/care/clients/?sort=name"))
        return [row.rsplit("<td>", 1)[1].split("</td>")[0] for row in page.split("<tbody>")[1].split("</tr>")[:2]]

    alices, erins = flags_cells()
    assert 'href="/care/clients/pledge/">Give your check times to see alerts</a>' in alices
    assert "Not shared" in erins and "check times" not in erins
    rows = api_as(bob).get("/care/dashboard?sort=name").json()["items"]
    assert [(r["alerts_need_pledge"], r["flags"]) for r in rows] == [(True, None), (False, None)]
    assert not AccessLog.objects.filter(scope="safety_alerts").exists()  # nothing of the alerts was read
    services.pledge_set(user=bob, **PLEDGE)
    alices, _ = flags_cells()
    assert "1 to look at" in alices and "check times" not in alices
