"""The people, events, trust, "they said they would", repair and ladder endpoints, walked with alice, bob and
charlie; bad input is a 422 naming its field; every free-text write returns "crisis"."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from rebond.people.models import LadderStep, Observation, Person, TheySaid
from tests.conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]




def locs(response: Any) -> list[list[Any]]:
    return [item["loc"] for item in response.json()["detail"]]


def person(api: Any, **over: Any) -> int:
    body = {"name": "Sam", "relationship": "partner", "hurt": "no", **over}
    response = api.post("/people", body)
    assert response.status_code == 201, response.content
    assert response.json()["crisis"]["detected"] is False
    return int(response.json()["id"])


def event(api: Any, pid: int, **body: Any) -> Any:
    return api.post(f"/people/{pid}/events", {"on": str(TODAY), **body})


def test_people_create_list_get_patch_delete(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    b = person(api, name="bee")
    a = person(api, name="Ash", relationship=None)
    listed = api.get("/people").json()
    assert listed["count"] == 2 and [p["name"] for p in listed["items"]] == ["Ash", "bee"]
    assert api.get(f"/people/{a}").json()["relationship"] == ""
    patched = api.call("patch", f"/people/{b}", {"hurt": "not_sure"})
    assert patched.status_code == 200 and patched.json()["safety_first"] is True and "crisis" in patched.json()
    assert api.get("/people?limit=1&offset=1").json()["items"][0]["id"] == b
    assert api.delete(f"/people/{a}").status_code == 204
    assert api.get(f"/people/{a}").status_code == 404


def test_events_and_trust(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = person(api)
    trust = api.get(f"/people/{pid}/trust").json()
    assert set(trust) >= {"estimate", "uncertainty", "low", "high", "status"}
    assert trust["status"] == "not_enough_evidence" and trust["estimate"] == pytest.approx(0.5)
    created = event(api, pid, kind="promise_kept", note="Picked me up on time")
    assert created.status_code == 201, created.content
    body = created.json()
    assert isinstance(body["id"], int) and body["crisis"]["detected"] is False and body["counted"] is True
    breach = event(api, pid, kind="promise_broken", severity=2, on=str(TODAY - timedelta(days=3))).json()["id"]
    apology = event(api, pid, kind="apology", repairs=breach)
    assert apology.status_code == 201 and apology.json()["repairs"] == breach
    trust = api.get(f"/people/{pid}/trust?on={TODAY}").json()
    assert trust["lately"] == {"days": 28, "kept": 1, "not_kept": 1, "shown": 0, "hard": 0, "repairs": 1}
    assert trust["repair_credit"] is True
    earlier = api.get(f"/people/{pid}/trust?on={TODAY - timedelta(days=3)}").json()
    assert earlier["estimate"] < 0.5
    events = api.get(f"/people/{pid}/events").json()
    assert events["count"] == 3 and [e["kind"] for e in events["items"]][0] == "promise_broken"


def test_trust_says_in_words_when_evidence_is_fading(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = person(api)
    for d in range(150, 186, 3):
        assert event(api, pid, kind="promise_kept", on=str(TODAY - timedelta(days=d))).status_code == 201
    trust = api.get(f"/people/{pid}/trust").json()
    assert trust["fading"] is True and trust["status"] != "not_enough_evidence"
    assert trust["words"].startswith("The record so far") and "little recent evidence" in trust["words"]
    assert trust["lately"]["kept"] == 0
    then = api.get(f"/people/{pid}/trust?on={TODAY - timedelta(days=150)}").json()
    assert then["fading"] is False and "little recent evidence" not in then["words"]


def test_retract_and_annotate(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = person(api)
    breach = event(api, pid, kind="honesty_breach").json()["id"]
    event(api, pid, kind="amends", repairs=breach)
    before = api.get(f"/people/{pid}/trust").json()["estimate"]
    retracted = api.post(f"/people/{pid}/events/{breach}/retract", {"reason": "I got it wrong"})
    assert retracted.status_code == 200 and retracted.json()["retracted"] is True
    assert retracted.json()["crisis"]["detected"] is False
    assert api.get(f"/people/{pid}/trust").json()["estimate"] == pytest.approx(0.5) != before
    items = api.get(f"/people/{pid}/events").json()["items"]
    assert [(e["retracted"], e["counted"]) for e in items] == [(True, False), (False, False)]
    again = api.post(f"/people/{pid}/events/{breach}/retract", {})
    assert again.status_code == 422 and locs(again) == [["body", "reason"]]
    note = api.post(f"/people/{pid}/events/{breach}/annotations", {"text": "We talked it through."})
    assert note.status_code == 201 and note.json()["crisis"]["detected"] is False
    assert api.get(f"/people/{pid}/events/{breach}").json()["annotations"][0]["text"] == "We talked it through."


@pytest.mark.parametrize(("body", "field"), [
    ({"kind": "apology"}, "repairs"),
    ({"kind": "amends", "repairs": 999999}, "repairs"),
    ({"kind": "promise_kept", "on": str(TODAY + timedelta(days=1))}, "on"),
    ({"kind": "promise_broken", "severity": 3.5}, "severity"),
    ({"kind": "promise_broken", "severity": 0.1}, "severity"),
    ({"kind": "liar"}, "kind"),
    ({"kind": "promise_kept", "note": "x" * 5001}, "note"),
])
def test_bad_input_is_422_naming_the_field(api_as: Any, alice: Any, body: dict[str, Any], field: str) -> None:
    api = api_as(alice)
    pid = person(api)
    response = event(api, pid, **body)
    assert response.status_code == 422, response.content
    assert any(loc[-1] == field for loc in locs(response)), response.json()
    assert not Observation.objects.exists()


def test_repair_of_a_later_breach_is_422(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = person(api)
    breach = event(api, pid, kind="promise_broken").json()["id"]
    response = event(api, pid, kind="apology", repairs=breach, on=str(TODAY - timedelta(days=1)))
    assert response.status_code == 422 and locs(response) == [["body", "repairs"]]


def test_they_said_they_would(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = person(api)
    made = api.post(f"/people/{pid}/said", {"text": "Fix the bike", "due_on": str(TODAY + timedelta(days=2))})
    assert made.status_code == 201 and made.json()["status"] == "pending" and "crisis" in made.json()
    sid = made.json()["id"]
    assert [s["id"] for s in api.get("/said").json()["items"]] == [sid]
    assert api.get(f"/people/{pid}/said").json()["count"] == 1
    resolved = api.post(f"/said/{sid}/resolve", {"outcome": "kept"})
    assert resolved.status_code == 200 and resolved.json()["status"] == "kept" and resolved.json()["event_id"]
    assert api.get("/said").json()["count"] == 0
    assert api.get("/said?status=kept").json()["count"] == 1
    assert api.get(f"/people/{pid}/trust").json()["lately"]["kept"] == 1
    again = api.post(f"/said/{sid}/resolve", {"outcome": "broken"})
    assert again.status_code == 422 and locs(again) == [["body", "outcome"]]
    bad = api.post(f"/people/{pid}/said", {"text": "x", "due_on": str(TODAY - timedelta(days=1))})
    assert bad.status_code == 422 and locs(bad) == [["body", "due_on"]]


def test_repair_and_ladder(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = person(api)
    breach = event(api, pid, kind="promise_broken").json()["id"]
    repair = api.put(f"/people/{pid}/events/{breach}/repair", {"stage": "understand", "understand_note": "We talked"})
    assert repair.status_code == 200 and repair.json()["stage"] == "understand" and "crisis" in repair.json()
    step = api.post(f"/people/{pid}/ladder", {"text": "Coffee at my place", "anxiety_before": 4})
    assert step.status_code == 201 and step.json()["position"] == 1 and "crisis" in step.json()
    sid = step.json()["id"]
    done = api.call("patch", f"/people/{pid}/ladder/{sid}", {"anxiety_after": 2, "done_on": str(TODAY)})
    assert done.status_code == 200 and done.json()["anxiety_after"] == 2
    bad = api.call("patch", f"/people/{pid}/ladder/{sid}", {"anxiety_after": 11})
    assert bad.status_code == 422
    assert api.get(f"/people/{pid}/ladder").json()["count"] == 1
    assert api.delete(f"/people/{pid}/ladder/{sid}").status_code == 204


def test_ladder_numbers_move_up_and_down_together(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = person(api)
    ids = [api.post(f"/people/{pid}/ladder", {"text": text}).json()["id"] for text in ("A", "B", "C")]
    front = api.post(f"/people/{pid}/ladder", {"text": "D", "position": 1}).json()
    assert front["position"] == 1

    def order() -> list[tuple[int, str]]:
        return [(s["position"], s["text"]) for s in api.get(f"/people/{pid}/ladder").json()["items"]]

    assert order() == [(1, "D"), (2, "A"), (3, "B"), (4, "C")]
    moved = api.call("patch", f"/people/{pid}/ladder/{ids[2]}", {"position": 2})
    assert moved.status_code == 200 and moved.json()["position"] == 2
    assert order() == [(1, "D"), (2, "C"), (3, "A"), (4, "B")]
    assert api.delete(f"/people/{pid}/ladder/{front['id']}").status_code == 204
    assert order() == [(1, "C"), (2, "A"), (3, "B")]


def test_safety_first_person_gets_no_repair_credit_stages_or_ladder(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = person(api, hurt="yes")
    breach = event(api, pid, kind="honesty_breach").json()["id"]
    before = api.get(f"/people/{pid}/trust").json()
    event(api, pid, kind="apology", repairs=breach)
    after = api.get(f"/people/{pid}/trust").json()
    assert after["repair_credit"] is False and after["estimate"] == pytest.approx(before["estimate"])
    repair = api.put(f"/people/{pid}/events/{breach}/repair", {"stage": "acknowledge"})
    assert repair.status_code == 422 and locs(repair) == [["body", "hurt"]]
    assert api.post(f"/people/{pid}/ladder", {"text": "x"}).status_code == 422
    assert api.get(f"/people/{pid}/ladder").json()["count"] == 0


def test_crisis_words_in_a_note_return_help_and_still_save(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = person(api)
    response = event(api, pid, kind="negative_observation", note="He hit me and I am scared to go home")
    assert response.status_code == 201
    crisis = response.json()["crisis"]
    assert crisis["detected"] or crisis["harmed_by_other"]
    assert crisis["resources"]
    assert Observation.objects.filter(pk=response.json()["id"]).exists()


def test_no_token_is_401(api_as: Any, alice: Any) -> None:
    anon = api_as(None)
    assert anon.get("/people").status_code == 401
    assert anon.post("/people", {"name": "x"}).status_code == 401


@pytest.mark.parametrize("persona", ["bob_shared", "charlie"])
def test_others_get_404_for_every_endpoint(api_as: Any, alice: Any, persona: str, request: Any) -> None:
    owner = api_as(alice)
    pid = person(owner)
    breach = event(owner, pid, kind="promise_broken").json()["id"]
    sid = owner.post(f"/people/{pid}/said", {"text": "Call", "due_on": str(TODAY)}).json()["id"]
    step = owner.post(f"/people/{pid}/ladder", {"text": "Coffee"}).json()["id"]
    other = api_as(request.getfixturevalue(persona))
    assert other.get(f"/people/{pid}").status_code == 404
    assert other.call("patch", f"/people/{pid}", {"name": "x"}).status_code == 404
    assert other.delete(f"/people/{pid}").status_code == 404
    assert event(other, pid, kind="promise_kept").status_code == 404
    assert other.get(f"/people/{pid}/events").status_code == 404
    assert other.get(f"/people/{pid}/events/{breach}").status_code == 404
    assert other.post(f"/people/{pid}/events/{breach}/retract", {}).status_code == 404
    assert other.post(f"/people/{pid}/events/{breach}/annotations", {"text": "x"}).status_code == 404
    assert other.get(f"/people/{pid}/trust").status_code == 404
    assert other.post(f"/people/{pid}/said", {"text": "x", "due_on": str(TODAY)}).status_code == 404
    assert other.get(f"/people/{pid}/said").status_code == 404
    assert other.post(f"/said/{sid}/resolve", {"outcome": "broken"}).status_code == 404
    assert other.put(f"/people/{pid}/events/{breach}/repair", {"stage": "rebuild"}).status_code == 404
    assert other.get(f"/people/{pid}/ladder").status_code == 404
    assert other.post(f"/people/{pid}/ladder", {"text": "x"}).status_code == 404
    assert other.call("patch", f"/people/{pid}/ladder/{step}", {"position": 2}).status_code == 404
    assert other.delete(f"/people/{pid}/ladder/{step}").status_code == 404
    # Their own person can't reach alice's breach or said either.
    mine = person(other, name="Mine")
    assert event(other, mine, kind="apology", repairs=breach).status_code == 422
    assert other.get("/people").json()["count"] == 1
    assert other.get("/said").json() == {"items": [], "count": 0}
    assert Person.objects.get(pk=pid).name == "Sam"
    assert TheySaid.objects.get(pk=sid).status == "pending"
    assert LadderStep.objects.filter(pk=step).exists()
    assert Observation.objects.get(pk=breach).retracted_at is None


def test_a_clinician_with_every_scope_sees_the_summary_never_the_ledger(api_as: Any, alice: Any, bob_shared: Any,
                                                                        charlie: Any) -> None:
    """bob holds every scope, ledger_summary included: he reads a summary through the care circle, never the
    entries, notes, "they said" or ladder, and his writes there are refused (403, he has a share; 404 for charlie)."""
    owner = api_as(alice)
    pid = person(owner, relationship="my partner of ten years")
    event(owner, pid, kind="promise_broken", note="Missed the hospital visit")
    owner.post(f"/people/{pid}/said", {"text": "Book the plumber", "due_on": str(TODAY)})
    owner.post(f"/people/{pid}/ladder", {"text": "Let them hold my keys"})
    clinician, stranger = api_as(bob_shared), api_as(charlie)
    summary = clinician.get(f"/care/clients/{alice.pk}/ledger_summary")
    assert summary.status_code == 200 and summary.json()["count"] == 1
    for private in ("Missed the hospital visit", "Book the plumber", "Let them hold my keys", "ten years"):
        assert private not in summary.content.decode()
    for scope in ("people", "events", "said", "ladder"):
        assert clinician.get(f"/care/clients/{alice.pk}/{scope}").status_code == 404, scope
    for method in ("post", "put", "patch", "delete"):
        assert clinician.call(method, f"/care/clients/{alice.pk}/ledger_summary", {}).status_code == 403, method
        assert stranger.call(method, f"/care/clients/{alice.pk}/ledger_summary", {}).status_code == 404, method
    assert stranger.get(f"/care/clients/{alice.pk}/ledger_summary").status_code == 404
    assert Observation.objects.filter(person_id=pid).count() == 1 and Person.objects.get(pk=pid).name == "Sam"
