"""Dashboard, "sharing is not monitoring", acknowledged flags, supporter notes and homework."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from rebond.care import services
from rebond.care.models import AccessLog, Encouragement, FlagSeen, Homework
from tests.care.conftest import share, signed_in

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
    assert "saw an alert" in page


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


def test_homework_shows_on_today_and_adherence_shows_to_both(alice: Any, bob: Any, api_as: Any) -> None:
    share(alice, bob, ["victories"])
    due = str(timezone.localdate() + timedelta(days=2))
    made = api_as(bob).post(f"/care/clients/{alice.pk}/homework",
                            {"kind": "thought_records", "count": 2, "due_on": due, "note": "When it gets loud"})
    assert made.status_code == 201, made.content
    today = signed_in(alice).get("/").content.decode()
    assert "2 thought records" in today and "When it gets loud" in today and 'href="/thoughts/new/"' in today
    homework_id = made.json()["id"]
    assert api_as(bob).put(f"/care/homework/{homework_id}/done", {"done": True}).status_code == 404
    assert api_as(alice).put(f"/care/homework/{homework_id}/done", {"done": True}).status_code == 200
    assert Homework.objects.get().done_at is not None
    clinician_page = signed_in(bob).get(f"/care/clients/{alice.pk}/").content.decode()
    assert "1 done" in clinician_page


def test_questionnaire_homework_names_the_questionnaire(alice: Any, bob: Any, api_as: Any) -> None:
    share(alice, bob, ["victories"])
    due = str(timezone.localdate())
    bad = api_as(bob).post(f"/care/clients/{alice.pk}/homework", {"kind": "questionnaire", "due_on": due})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "instrument"]
    past = api_as(bob).post(f"/care/clients/{alice.pk}/homework",
                            {"kind": "grounding", "due_on": str(timezone.localdate() - timedelta(days=9))})
    assert past.status_code == 422


def test_dashboard_with_100_clients_sharing_measures(bob: Any, django_assert_max_num_queries: Any) -> None:
    """Queries grow only with the questionnaires people actually took (three per latest score), never per
    questionnaire not taken; the access log is written in one insert."""
    from rebond.care import dashboard
    from rebond.care.models import Share
    from rebond.measures import services as measures
    from tests.conftest import make_user

    for n in range(100):
        owner = make_user(f"client{n:03}", "client")
        Share.objects.create(owner=owner, viewer=bob, role="clinician", scopes=["measures", "victories"])
        if n % 10 == 0:
            measures.response_create(user=owner, instrument_id="gad7", answers=[1, 1, 1, 1, 1, 1, 1])
    with django_assert_max_num_queries(60):
        rows = dashboard.rows(viewer=bob, sort="activity")
    assert len(rows) == 100 and sum(1 for r in rows if r["scores"]) == 10
    assert AccessLog.objects.filter(viewer=bob, scope="measures").count() == 100


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
    services.pledge_set(user=bob, **PLEDGE)
    page = signed_in(alice).get("/care/").content.decode()
    assert "Tuesday and Friday mornings" in page and "555-0100" in page
