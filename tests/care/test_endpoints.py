"""The API for all of the care circle: the dashboard, the pledge, flags seen, notes, "see what they see", the thought
records a summary may quote, and a clinician's homework list. What each answers, not only its status (the persona
matrix in test_matrix.py has those)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from rebond.care import services
from rebond.care.models import AccessLog
from tests.care.conftest import share, signed_in
from tests.conftest import html, make_user

pytestmark = pytest.mark.django_db

PLEDGE = {"check_frequency": "Tuesday and Friday mornings", "urgent_contact": "Call 555-0100 or 911"}


@pytest.fixture
def flagged_alice(alice: Any) -> Any:
    from rebond.measures import services as measures

    measures.response_create(user=alice, instrument_id="gad7", answers=[3] * 7,
                             taken_at=timezone.now() - timedelta(days=20))
    measures.response_create(user=alice, instrument_id="gad7", answers=[0] * 7)
    measures.response_create(user=alice, instrument_id="phq9", answers=[1] * 9)
    return alice


def test_the_dashboard_endpoint_has_the_web_tables_rows_paged_and_logged(flagged_alice: Any, bob: Any,
                                                                         charlie: Any, api_as: Any) -> None:
    from rebond.care import dashboard

    alice = flagged_alice
    erin = make_user("erin", "client")
    share(alice, bob, ["measures", "safety_alerts"])
    share(erin, bob, ["victories"])
    services.pledge_set(user=bob, **PLEDGE)
    clinician = api_as(bob)
    body = clinician.get("/care/dashboard?sort=flags").json()
    assert body["count"] == 2 and [i["owner"]["name"] for i in body["items"]] == ["alice", "erin"]
    first = body["items"][0]
    web = dashboard.rows(viewer=bob, sort="flags", via="web")[0]
    assert first["scores"] == web["scores"] and first["unseen_flags"] == 1 == web["unseen_flags"]
    gad7 = next(s for s in first["scores"] if s["instrument"] == "gad7")
    assert gad7["arrow"] == "▲" and gad7["severity_words"]
    assert first["flags"][0]["seen"] is False and body["items"][1]["scores"] is None
    assert body["items"][1]["flags"] is None and first["homework"] == {"done": 0, "not_done_yet": 0, "due": 0,
                                                                       "total": 0}
    AccessLog.objects.all().delete()
    paged = clinician.get("/care/dashboard?sort=name&limit=1&offset=1").json()
    assert paged["count"] == 2 and [i["owner"]["name"] for i in paged["items"]] == ["erin"]
    assert not AccessLog.objects.filter(owner=alice).exists()  # alice was on another page: not looked at
    assert clinician.get("/care/dashboard?sort=nonsense").status_code == 422
    assert api_as(charlie).get("/care/dashboard").json() == {"items": [], "count": 0}


def test_the_pledge_is_read_back_returns_crisis_and_shows_in_the_owners_shares(alice: Any, bob: Any,
                                                                                api_as: Any) -> None:
    share(alice, bob, ["victories", "safety_alerts"])
    clinician = api_as(bob)
    assert clinician.get("/care/pledge").status_code == 404
    assert api_as(alice).get("/care/shares").json()["items"][0]["pledge"] is None
    saved = clinician.put("/care/pledge", PLEDGE)
    assert saved.status_code == 200 and saved.json()["crisis"]["detected"] is False
    assert clinician.get("/care/pledge").json() == PLEDGE
    assert api_as(alice).get("/care/shares").json()["items"][0]["pledge"] == PLEDGE
    worrying = clinician.put("/care/pledge", {**PLEDGE, "urgent_contact": "I still think about ending my life."})
    assert worrying.status_code == 200 and worrying.json()["crisis"]["detected"] is True
    bad = clinician.put("/care/pledge", {"check_frequency": "", "urgent_contact": "x"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "check_frequency"]


def test_flags_seen_are_listed_for_the_owner_and_kept_after_revoking(alice: Any, bob: Any, api_as: Any) -> None:
    from rebond.measures import services as measures

    response = measures.response_create(user=alice, instrument_id="phq9", answers=[1] * 9)
    s = share(alice, bob, ["safety_alerts"])
    services.pledge_set(user=bob, **PLEDGE)
    api_as(bob).post(f"/care/clients/{alice.pk}/safety_alerts/ack", {"source": f"measure:{response.pk}"})
    seen = api_as(alice).get("/care/flags-seen").json()
    assert seen["count"] == 1 and seen["items"][0]["who"] == "bob"
    assert seen["items"][0]["source"] == f"measure:{response.pk}"
    assert api_as(bob).get("/care/flags-seen").json()["count"] == 0  # the list is the owner's
    signed_in(alice).post(f"/care/shares/{s.pk}/revoke/", {"confirm": "1"})
    assert api_as(alice).get("/care/flags-seen").json()["count"] == 1
    assert "bob saw the alert from your PHQ-9 answers of " in signed_in(alice).get("/care/").content.decode()


@pytest.mark.usefixtures("frozen_day")
def test_the_person_sees_which_alert_was_seen_by_its_day_and_kind_never_its_words(alice: Any, bob: Any,
                                                                                  api_as: Any) -> None:
    from rebond.measures import services as measures
    from tests.conftest import TODAY

    checkin = measures.checkin_save(user=alice, on=TODAY - timedelta(days=2), mood=2, safety="not_sure",
                                    about="someone", note="A private line about Sam").checkin
    response = measures.response_create(user=alice, instrument_id="phq9", answers=[1] * 9)
    share(alice, bob, ["safety_alerts"])
    services.pledge_set(user=bob, **PLEDGE)
    for source in (f"checkin:{checkin.pk}", f"measure:{response.pk}"):
        assert api_as(bob).post(f"/care/clients/{alice.pk}/safety_alerts/ack", {"source": source}).status_code == 200
    page = html(signed_in(alice).get("/care/"))
    assert "bob saw the alert from your daily check-in of 13 June, on " in page
    assert "bob saw the alert from your PHQ-9 answers of 15 June, on " in page
    assert "Sam" not in page and "Not sure" not in page and "hurting" not in page
    items = api_as(alice).get("/care/flags-seen").json()["items"]
    assert {(i["about"], i["on"]) for i in items} == {("daily_checkin", "2026-06-13"), ("phq9", "2026-06-15")}
    measures.response_delete(response=response)  # the person may delete it; when it was seen stays
    page = html(signed_in(alice).get("/care/"))
    assert "You have since deleted what it came from." in page and "daily check-in of 13 June" in page
    assert {(i["about"], i["on"]) for i in api_as(alice).get("/care/flags-seen").json()["items"]} == {
        ("daily_checkin", "2026-06-13"), (None, None)}


def test_notes_are_listed_put_away_and_muted_by_the_owner(alice: Any, dave: Any, charlie: Any,
                                                          api_as: Any) -> None:
    s = share(alice, dave, None, role="supporter")
    note = api_as(dave).post(f"/care/clients/{alice.pk}/encouragements", {"text": "Proud of you"}).json()
    owner = api_as(alice)
    listed = owner.get("/care/encouragements").json()
    assert listed["count"] == 1 and listed["items"][0]["text"] == "Proud of you"
    assert listed["items"][0]["dismissed"] is False and listed["items"][0]["sender"]["name"] == "dave"
    assert api_as(dave).post(f"/care/encouragements/{note['id']}/dismiss").status_code == 403
    assert api_as(charlie).post(f"/care/encouragements/{note['id']}/dismiss").status_code == 404
    assert api_as(dave).get("/care/encouragements").json()["count"] == 0  # sent notes are not theirs to list
    assert owner.post(f"/care/encouragements/{note['id']}/dismiss").status_code == 204
    assert owner.get("/care/encouragements").json()["items"][0]["dismissed"] is True
    assert "Proud of you" not in signed_in(alice).get("/").content.decode()
    assert owner.call("patch", f"/care/shares/{s.pk}", {"encouragement_muted": True}).json()["encouragement_muted"]
    assert owner.get("/care/encouragements").json()["items"][0]["muted"] is True
    assert api_as(dave).call("patch", f"/care/shares/{s.pk}", {"encouragement_muted": False}).status_code == 403


def test_the_supporter_is_not_told_a_note_was_put_away(alice: Any, dave: Any) -> None:
    share(alice, dave, None, role="supporter")
    note, _ = services.encouragement_send(sender=dave, owner=alice, text="Thinking of you")
    signed_in(alice).post(f"/care/notes/{note.pk}/dismiss/")
    page = signed_in(dave).get(f"/care/clients/{alice.pk}/").content.decode()
    assert "Sent lately" in page and "put away" not in page


def test_the_preview_endpoint_matches_what_the_viewer_gets(alice: Any, bob: Any, charlie: Any,
                                                           api_as: Any) -> None:
    from rebond.measures import services as measures
    from rebond.promises import services as promises

    measures.response_create(user=alice, instrument_id="phq9", answers=[1] * 9)
    promises.victory_create(user=alice, text="Called my sister back")
    s = share(alice, bob, ["victories", "safety_alerts"])
    owner = api_as(alice)
    before = owner.get(f"/care/shares/{s.pk}/preview").json()
    assert before["viewer"]["name"] == "bob" and [x["scope"] for x in before["sections"]] == ["victories",
                                                                                             "safety_alerts"]
    alerts = before["sections"][1]
    assert alerts["needs_pledge"] is True and alerts["items"] == []  # bob gets none yet, so neither does the preview
    assert api_as(bob).get(f"/care/clients/{alice.pk}/safety_alerts").status_code == 403
    assert "They see no safety alerts" in signed_in(alice).get(f"/care/shares/{s.pk}/preview/").content.decode()
    services.pledge_set(user=bob, **PLEDGE)
    after = owner.get(f"/care/shares/{s.pk}/preview").json()["sections"][1]
    assert after["needs_pledge"] is False and after["count"] == 1
    assert after["items"] == [{**i, "seen_at": None} for i in
                              api_as(bob).get(f"/care/clients/{alice.pk}/safety_alerts").json()["items"]]
    AccessLog.objects.all().delete()
    owner.get(f"/care/shares/{s.pk}/preview")
    assert not AccessLog.objects.exists()
    assert api_as(bob).get(f"/care/shares/{s.pk}/preview").status_code == 404
    assert api_as(charlie).get(f"/care/shares/{s.pk}/preview").status_code == 404


def test_thought_records_for_summaries_are_chosen_over_the_api(alice: Any, bob: Any, api_as: Any) -> None:
    from rebond.thoughts import services as thoughts

    def finished(text: str) -> Any:
        record, _ = thoughts.record_save(user=alice, changes={"situation": "At work",
                                                             "thoughts": [{"text": text, "hot": True}]})
        return thoughts.record_finish(user=alice, record=record)

    keep, private = finished("They think I'm useless"), finished("Nobody would notice")
    share(alice, bob, ["thoughts"])
    owner = api_as(alice)
    listed = owner.get("/care/summary/thoughts").json()
    assert listed["count"] == 2 and not any(i["chosen"] for i in listed["items"])
    chosen = owner.put("/care/summary/thoughts", {"record_ids": [keep.pk]}).json()
    assert {i["id"]: i["chosen"] for i in chosen["items"]} == {keep.pk: True, private.pk: False}
    bad = owner.put("/care/summary/thoughts", {"record_ids": [keep.pk, 999999]})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "record_ids"]
    assert api_as(bob).put("/care/summary/thoughts", {"record_ids": [keep.pk]}).status_code == 422
    quoted = api_as(bob).get(f"/care/clients/{alice.pk}/summary").json()["thoughts"]["records"]
    assert [r["id"] for r in quoted] == [keep.pk]
    owner.put("/care/summary/thoughts", {"record_ids": []})
    assert api_as(bob).get(f"/care/clients/{alice.pk}/summary").json()["thoughts"]["records"] == []


def test_a_clinician_lists_the_homework_they_gave(alice: Any, bob: Any, dave: Any, api_as: Any) -> None:
    other = make_user("dr-other", "clinician")
    s = share(alice, bob, ["victories"])
    share(alice, dave, None, role="supporter")
    due = timezone.localdate() + timedelta(days=2)
    services.homework_assign(clinician=bob, owner=alice, kind="grounding", due_on=due, assigned_on=due)
    services.homework_assign(clinician=other, owner=alice, kind="boundary_script", due_on=due, assigned_on=due)
    given = api_as(bob).get(f"/care/clients/{alice.pk}/homework").json()
    assert [h["kind"] for h in given["items"]] == ["grounding"] and given["adherence"]["due"] == 1
    assert AccessLog.objects.get().scope == "homework"
    assert api_as(dave).get(f"/care/clients/{alice.pk}/homework").status_code == 404
    assert len(api_as(alice).get("/care/homework").json()["items"]) == 2
    assert api_as(bob).get("/care/homework").json()["count"] == 0  # his own homework list: none given to him
    api_as(alice).delete(f"/care/shares/{s.pk}")
    assert api_as(bob).get(f"/care/clients/{alice.pk}/homework").status_code == 404


def test_every_care_endpoint_is_in_the_schema(client: Any) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/care/dashboard", "/api/v1/care/pledge", "/api/v1/care/flags-seen",
                 "/api/v1/care/encouragements", "/api/v1/care/encouragements/{note_id}/dismiss",
                 "/api/v1/care/shares/{share_id}/preview", "/api/v1/care/summary/thoughts",
                 "/api/v1/care/clients/{owner_id}/homework"):
        assert path in paths, path
    assert set(paths["/api/v1/care/pledge"]) == {"get", "put"}
    assert set(paths["/api/v1/care/clients/{owner_id}/homework"]) == {"get", "post"}
