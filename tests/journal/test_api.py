"""/api/v1/journal against alice, bob and charlie: every free-text write answers "crisis"."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.journal.models import JournalEntry

pytestmark = pytest.mark.django_db


def test_crud_with_crisis_on_every_write(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    made = api.post("/journal", {"kind": "gratitude", "body": "Sunlight on the kitchen table."})
    assert made.status_code == 201
    body = made.json()
    assert body["crisis"]["detected"] is False and body["crisis"]["resources"] == []
    eid = body["id"]
    assert api.get(f"/journal/{eid}").json()["body"] == "Sunlight on the kitchen table."
    patched = api.call("patch", f"/journal/{eid}", {"body": "Sunlight, and a good song."})
    assert patched.status_code == 200 and "crisis" in patched.json()
    assert patched.json()["body"] == "Sunlight, and a good song."
    put = api.put(f"/journal/{eid}", {"prompt": "What made you smile, even for a moment?"})
    assert put.status_code == 200 and "crisis" in put.json() and put.json()["body"] == "Sunlight, and a good song."
    listing = api.get("/journal?q=song").json()
    assert listing["count"] == 1 and listing["items"][0]["id"] == eid
    assert api.get("/journal?q=nothing-like-this").json()["count"] == 0
    assert api.delete(f"/journal/{eid}").status_code == 204
    assert not JournalEntry.objects.exists()


def test_crisis_words_are_saved_and_answered(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    made = api.post("/journal", {"kind": "narrative-re-authoring", "body": "The year it all fell apart.",
                                 "retelling": "I still think about ending my life."})
    assert made.status_code == 201
    assert made.json()["crisis"]["detected"] is True and made.json()["crisis"]["resources"]
    assert JournalEntry.objects.filter(user=alice).count() == 1
    patched = api.call("patch", f"/journal/{made.json()['id']}", {"retelling": "I got through it."})
    assert patched.json()["crisis"]["detected"] is False


def test_strengths_and_affirmations(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    assert api.get("/journal/strengths").json()["count"] == 24
    assert {p["slug"] for p in api.get("/journal/prompts").json()["items"]} == {
        "gratitude", "compassionate-letter", "strengths", "affirmations", "narrative-re-authoring", "values"}
    ok = api.post("/journal", {"kind": "strengths", "strengths": ["kindness", "hope"]})
    assert ok.status_code == 201 and ok.json()["strengths"] == ["kindness", "hope"]
    words = api.post("/journal", {"kind": "affirmations", "body": "I can ask for help.", "believable": 6})
    assert words.status_code == 201 and words.json()["believable"] == 6


@pytest.mark.parametrize("payload, field", [
    ({"kind": "diary", "body": "x"}, "kind"),
    ({"kind": "values", "body": ""}, "body"),
    ({"kind": "values", "body": "x" * 5001}, "body"),
    ({"kind": "strengths", "strengths": ["kindness", "hope", "zest", "love", "humor", "bravery"]}, "strengths"),
    ({"kind": "strengths", "strengths": ["flying"]}, "strengths"),
    ({"kind": "affirmations", "body": "x", "believable": 11}, "believable"),
    ({"kind": "values", "body": "x", "on": "2999-01-01"}, "on"),
    ({"kind": "values", "body": "x", "retelling": "y"}, "retelling"),
    ({"kind": "values", "body": "x", "believable": 5}, "believable"),
    ({"kind": "gratitude", "body": "x", "prompt": "Anything I like to write here"}, "prompt"),
    ({"kind": "gratitude", "body": "x", "prompt": "Who do you look up to? What is it about them?"}, "prompt"),
])
def test_bad_input_names_its_field(api_as: Any, alice: Any, payload: dict[str, Any], field: str) -> None:
    response = api_as(alice).post("/journal", payload)
    assert response.status_code == 422
    assert any(field in item["loc"] for item in response.json()["detail"]), response.json()
    assert not JournalEntry.objects.exists()


def test_entries_are_private(api_as: Any, alice: Any, bob_shared: Any, charlie: Any) -> None:
    made = api_as(alice).post("/journal", {"kind": "values", "body": "Honesty matters to me."}).json()
    for other, write in ((bob_shared, 403), (charlie, 404)):  # bob may read her journal, on the care pages only
        api = api_as(other)
        assert api.get("/journal").json()["count"] == 0
        assert api.get("/journal?q=honesty").json()["count"] == 0
        assert api.get(f"/journal/{made['id']}").status_code == 404
        assert api.call("patch", f"/journal/{made['id']}", {"body": "mine now"}).status_code == write
        assert api.put(f"/journal/{made['id']}", {"body": "mine now"}).status_code == write
        assert api.delete(f"/journal/{made['id']}").status_code == write
    anon = api_as(None)
    assert anon.get("/journal").status_code == 401
    assert anon.post("/journal", {"kind": "values", "body": "x"}).status_code == 401
    assert JournalEntry.objects.get(pk=made["id"]).body == "Honesty matters to me."


def test_the_prompt_is_one_of_the_kinds_prompts(api_as: Any, alice: Any) -> None:
    """The prompt is a choice, not free text: free text there would be stored unsealed and never crisis-checked."""
    api = api_as(alice)
    prompts = {p["slug"]: p["prompts"] for p in api.get("/journal/prompts").json()["items"]}
    made = api.post("/journal", {"kind": "values", "body": "Kindness.", "prompt": prompts["values"][1]})
    assert made.status_code == 201 and made.json()["prompt"] == prompts["values"][1]
    eid = made.json()["id"]
    for bad in ("I want to end it all", prompts["gratitude"][0]):
        response = api.call("patch", f"/journal/{eid}", {"prompt": bad})
        assert response.status_code == 422 and ["body", "prompt"] in [d["loc"] for d in response.json()["detail"]]
    assert JournalEntry.objects.get(pk=eid).prompt == prompts["values"][1]
    assert api.call("patch", f"/journal/{eid}", {"prompt": ""}).json()["prompt"] == ""


def test_a_prompt_reworded_since_stays_on_its_entry(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    eid = api.post("/journal", {"kind": "values", "body": "Honesty."}).json()["id"]
    JournalEntry.objects.filter(pk=eid).update(prompt="An older wording of a prompt?")
    kept = api.call("patch", f"/journal/{eid}", {"body": "Honesty, still.", "prompt": "An older wording of a prompt?"})
    assert kept.status_code == 200 and kept.json()["prompt"] == "An older wording of a prompt?"


def test_a_search_says_when_it_left_older_entries_out(api_as: Any, alice: Any, monkeypatch: Any) -> None:
    from rebond.journal import selectors

    monkeypatch.setattr(selectors, "SEARCH_SCAN_LIMIT", 2)
    api = api_as(alice)
    for i in range(3):
        api.post("/journal", {"kind": "values", "body": f"Honesty {i}", "on": f"2025-01-0{i + 1}"})
    first = api.get("/journal?q=honesty").json()
    assert (first["count"], first["complete"], first["next_scan_from"]) == (2, False, 2)
    rest = api.get("/journal?q=honesty&scan_from=2").json()
    assert (rest["count"], rest["next_scan_from"]) == (1, None) and rest["items"][0]["body"] == "Honesty 0"
    monkeypatch.setattr(selectors, "SEARCH_SCAN_LIMIT", 5000)
    assert api.get("/journal?q=honesty").json()["complete"] is True
