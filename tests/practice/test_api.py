"""/api/v1 for practice and Learn, against alice, bob and charlie, and with no token."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.practice import content
from rebond.practice.models import ExerciseSession

pytestmark = pytest.mark.django_db


def test_exercises_list_and_one(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    listing = api.get("/exercises").json()
    assert listing["count"] == len(content.exercises()) == 6
    slugs = {item["slug"] for item in listing["items"]}
    assert {"grounding-5-4-3-2-1", "paced-breathing", "square-breathing", "body-scan", "safe-place",
            "self-compassion-break"} == slugs
    paced = api.get("/exercises/paced-breathing").json()
    assert [p["breath"] for p in paced["pacer"]] == ["in", "out"]
    assert api.get("/exercises/nope").status_code == 404
    assert api_as(None).get("/exercises").status_code == 401


def test_session_post_and_history(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    made = api.post("/practice/sessions", {"exercise": "paced-breathing", "distress_before": 6, "distress_after": 4})
    assert made.status_code == 201
    body = made.json()
    assert body["change"] == -2 and body["help"]["offered"] is False
    assert api.get("/practice/sessions").json()["count"] == 1
    assert api.get(f"/practice/sessions/{body['id']}").json()["distress_after"] == 4
    assert api.get("/practice/change").json()["sessions"] == 1


def test_distress_that_rose_gets_a_calm_note_and_grounding(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    rose = api.post("/practice/sessions", {"exercise": "body-scan", "distress_before": 3, "distress_after": 7}).json()
    assert rose["note"].startswith("It went up this time.") and rose["suggestion"] == "grounding-5-4-3-2-1"
    assert rose["help"]["offered"] is False
    calm = api.post("/practice/sessions", {"exercise": "body-scan", "distress_before": 6, "distress_after": 4}).json()
    assert calm["note"] == "Whatever the numbers say, you took the time." and calm["suggestion"] is None
    only_before = api.post("/practice/sessions", {"exercise": "body-scan", "distress_before": 6}).json()
    assert only_before["note"] == "" and only_before["suggestion"] is None


def test_distress_8_after_offers_help(api_as: Any, alice: Any) -> None:
    made = api_as(alice).post("/practice/sessions", {"exercise": "safe-place", "distress_before": 7, "distress_after": 8})
    assert made.status_code == 201
    help_ = made.json()["help"]
    assert help_["offered"] is True and help_["resources"] and help_["safety_plan"] == "/safety-plan/"


@pytest.mark.parametrize("payload, field", [
    ({"exercise": "safe-place", "distress_before": 11}, "distress_before"),
    ({"exercise": "safe-place", "distress_before": 3, "distress_after": -1}, "distress_after"),
    ({"exercise": "nope", "distress_before": 3}, "exercise"),
    ({"exercise": "safe-place", "distress_before": 3, "on": "2999-01-01"}, "on"),
    ({"exercise": "safe-place"}, "distress_before"),
])
def test_bad_input_names_its_field(api_as: Any, alice: Any, payload: dict[str, Any], field: str) -> None:
    response = api_as(alice).post("/practice/sessions", payload)
    assert response.status_code == 422
    assert any(field in item["loc"] for item in response.json()["detail"])
    assert not ExerciseSession.objects.exists()


def test_sessions_are_private(api_as: Any, alice: Any, bob_shared: Any, charlie: Any) -> None:
    made = api_as(alice).post("/practice/sessions", {"exercise": "body-scan", "distress_before": 5}).json()
    for other in (bob_shared, charlie):
        api = api_as(other)
        assert api.get("/practice/sessions").json()["count"] == 0
        assert api.get(f"/practice/sessions/{made['id']}").status_code == 404
        assert api.delete(f"/practice/sessions/{made['id']}").status_code == 404
    assert api_as(None).get(f"/practice/sessions/{made['id']}").status_code == 401
    assert api_as(None).post("/practice/sessions", {"exercise": "body-scan", "distress_before": 5}).status_code == 401
    assert api_as(alice).delete(f"/practice/sessions/{made['id']}").status_code == 204
    assert not ExerciseSession.objects.exists()


def test_the_change_is_each_persons_own(api_as: Any, alice: Any, bob_shared: Any, charlie: Any) -> None:
    """bob_shared holds every scope alice can share: none covers her practice, and /practice/change is always the
    caller's own record, never hers."""
    api = api_as(alice)
    for before, after in ((7, 3), (6, 2), (8, 4)):
        api.post("/practice/sessions", {"exercise": "body-scan", "distress_before": before, "distress_after": after})
    mine = api.get("/practice/change").json()
    assert mine["sessions"] == 3 and mine["average"] == -4 and "went down by about 4" in mine["words"]
    assert api.get("/practice/change?exercise=safe-place").json()["sessions"] == 0
    for other in (bob_shared, charlie):
        theirs = api_as(other).get("/practice/change")
        assert theirs.status_code == 200
        assert theirs.json() == {"sessions": 0, "average": None, "words": (
            "Rate how you feel before and after a practice, and the change will show here.")}
    assert api_as(None).get("/practice/change").status_code == 401


def test_learn_is_open_to_everyone(api_as: Any, charlie: Any) -> None:
    for api in (api_as(None), api_as(charlie)):
        listing = api.get("/learn").json()
        assert listing["count"] == 18
        page = api.get("/learn/cbt").json()
        assert page["evidence"] == "strong" and page["evidence_label"] == "Strong evidence"
        assert "<h2>What it targets</h2>" in page["html"]
        assert page["reviewed"] and any("NICE guideline NG116" in source for source in page["sources"])
        guide = api.get("/learn/finding-a-therapist").json()
        assert guide["evidence"] is None and guide["evidence_label"] == "" and guide["sources"] == []
        assert api.get("/learn/nope").status_code == 404


def test_openapi_describes_practice_learn_and_journal() -> None:
    from django.test import Client

    schema = Client().get("/api/v1/openapi.json").json()
    for path in ("/api/v1/exercises", "/api/v1/practice/sessions", "/api/v1/practice/sessions/{session_id}",
                 "/api/v1/learn", "/api/v1/learn/{slug}", "/api/v1/journal", "/api/v1/journal/{entry_id}"):
        assert path in schema["paths"], path
