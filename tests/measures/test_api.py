"""The measures API against the contract in ARCHITECTURE.md, walked by alice (owner), bob and charlie."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rebond.domain.instruments import INSTRUMENT_IDS, load
from rebond.measures.models import MeasureDraft, MeasureResponse

pytestmark = pytest.mark.django_db

VECTORS_PATH = Path(__file__).resolve().parents[3] / "shared/design/instrument-vectors.json"
VECTORS = json.loads(VECTORS_PATH.read_text(encoding="utf-8"))
VECTOR_IDS = {"PHQ-9": "phq9", "GAD-7": "gad7", "SCS-SF": "scssf", "PCL-5": "pcl5", "WHO-5": "who5"}
PCL5_ANSWERS = {
    "all 0": [0] * 20,
    "all 2": [2] * 20,
    "high total, rule not met": [4, 4, 4, 4, 4, 4, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    "rule met, low total": [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0],
}


def vector_cases() -> list[tuple[str, list[int], dict[str, Any]]]:
    cases = []
    for name, instrument_id in VECTOR_IDS.items():
        for key, expected in VECTORS.get(name, {}).items():
            answers = PCL5_ANSWERS.get(key) if instrument_id == "pcl5" else json.loads(key)
            cases.append((instrument_id, answers, expected))
    return cases


def snake(label: str) -> str:
    return label.split(" (")[0].replace("-", "_").replace(" ", "_")


@pytest.mark.parametrize(("instrument_id", "answers", "expected"), vector_cases())
def test_every_vector_passes_through_the_api(api_as: Any, alice: Any, instrument_id: str, answers: list[int],
                                              expected: dict[str, Any]) -> None:
    response = api_as(alice).post(f"/measures/{instrument_id}", {"answers": answers})
    assert response.status_code == 201, response.content
    body = response.json()
    assert isinstance(body["id"], int) and isinstance(body["flags"], dict)
    if instrument_id == "phq9":
        assert body["total"] == expected["total"] and body["severity"] == snake(expected["severity"])
        assert body["flags"]["item9"] is expected["item9_flag"]
    elif instrument_id == "gad7":
        assert body["total"] == expected["total"] and body["severity"] == snake(expected["severity"])
        assert body["flags"] == {}
    elif instrument_id == "scssf":
        assert body["total"] == pytest.approx(expected["total_mean"], abs=1e-4)
        assert body["severity"] == expected["band"]
        assert "subscales" not in body
    elif instrument_id == "pcl5":
        assert body["total"] == expected["total"]
        assert body["flags"]["dsm5_criteria_met"] is expected["dsm5_rule_met"]
        assert body["severity"] == ("probable_ptsd" if expected["ge33"] else "below_threshold")
    elif instrument_id == "who5":
        assert body["total"] == expected["raw"] and body["percent"] == expected["percent"]
        assert body["severity"] == ("poor" if expected["poor_wellbeing"] else "adequate")
        assert body["flags"]["screen_depression"] is (expected["poor_wellbeing"] or expected["any_item_0_or_1"])
    if instrument_id != "who5":
        assert "percent" not in body


def test_vectors_were_found() -> None:
    assert len(vector_cases()) >= 20


def test_rses_reverse_scoring_through_the_api(api_as: Any, alice: Any) -> None:
    positives_sa_negatives_sd = [3, 0, 3, 3, 0, 0, 3, 0, 0, 3]
    body = api_as(alice).post("/measures/rses", {"answers": positives_sa_negatives_sd}).json()
    assert body["total"] == 30 and body["severity"] == "high" and body["flags"] == {}


@pytest.mark.parametrize(("answers", "loc", "words"), [
    ([0] * 8, ["body", "answers"], "needs 9 answers"),
    ([0] * 11, ["body", "answers"], "needs 9 answers"),
    ([0, 0, 0, 4, 0, 0, 0, 0, 0], ["body", "answers", 3], "Question 4"),
    ([0, 0, 0, 0, 0, 0, 0, 0, -1], ["body", "answers", 8], "Question 9"),
    ([0, 0, "x", 0, 0, 0, 0, 0, 0], ["body", "answers", 2], ""),
    ([0, 0, True, 0, 0, 0, 0, 0, 0], ["body", "answers", 2], ""),
])
def test_bad_answers_are_422_naming_the_item(api_as: Any, alice: Any, answers: list[Any], loc: list[Any],
                                              words: str) -> None:
    response = api_as(alice).post("/measures/phq9", {"answers": answers})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"] == loc
    assert words in detail[0]["msg"]
    assert not MeasureResponse.objects.exists()


def test_phq9_optional_tenth_item_is_kept_not_scored(api_as: Any, alice: Any) -> None:
    body = api_as(alice).post("/measures/phq9", {"answers": [1] * 9 + [3]}).json()
    assert body["total"] == 9 and body["answers"][9] == 3


def test_item9_brings_support_but_no_risk_score(api_as: Any, alice: Any) -> None:
    body = api_as(alice).post("/measures/phq9", {"answers": [0] * 8 + [1]}).json()
    assert body["flags"] == {"item9": True}
    assert body["total"] == 1 and body["severity"] == "none_minimal"
    support = body["support"]
    assert support["contacted"] is False and support["safety_plan_url"] == "/safety-plan/"
    assert "risk" not in json.dumps(body).lower()


def test_list_is_paginated_and_only_mine(api_as: Any, alice: Any, bob: Any, charlie: Any) -> None:
    api = api_as(alice)
    for total in range(3):
        api.post("/measures/gad7", {"answers": [total] + [0] * 6})
    api.post("/measures/phq9", {"answers": [0] * 9})
    page = api.get("/measures/gad7?limit=2&offset=0").json()
    assert page["count"] == 3 and len(page["items"]) == 2
    assert api.get("/measures?limit=10").json()["count"] == 4
    for other in (bob, charlie):
        assert api_as(other).get("/measures/gad7").json() == {"items": [], "count": 0}
        assert api_as(other).get("/measures").json()["count"] == 0


def test_detail_fhir_and_delete_are_404_for_others(api_as: Any, alice: Any, bob: Any, charlie: Any,
                                                   phq9_response: Any) -> None:
    pk = phq9_response.pk
    for other in (bob, charlie):
        api = api_as(other)
        assert api.get(f"/measures/phq9/{pk}").status_code == 404
        assert api.get(f"/measures/phq9/{pk}/fhir").status_code == 404
        assert api.delete(f"/measures/phq9/{pk}").status_code == 404
    owner = api_as(alice)
    assert owner.get(f"/measures/gad7/{pk}").status_code == 404  # wrong instrument in the path
    detail = owner.get(f"/measures/phq9/{pk}").json()
    assert detail["total"] == 16 and len(detail["items"]) == 9 and detail["change"] is None
    assert owner.delete(f"/measures/phq9/{pk}").status_code == 204
    assert not MeasureResponse.objects.exists()


def test_signed_out_is_401(api_as: Any, phq9_response: Any) -> None:
    api = api_as(None)
    assert api.post("/measures/phq9", {"answers": [0] * 9}).status_code == 401
    assert api.get("/measures").status_code == 401
    assert api.get(f"/measures/phq9/{phq9_response.pk}/fhir").status_code == 401
    assert api.get("/checkins").status_code == 401


def test_fhir_questionnaire_response_validates(api_as: Any, alice: Any) -> None:
    from fhir.resources.R4B.questionnaire import Questionnaire
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    api = api_as(alice)
    panels = {"phq9": "44249-1", "gad7": "69737-5", "pcl5": "101697-1"}
    for instrument_id in INSTRUMENT_IDS:
        instrument = load(instrument_id)
        answers = [item.min_value for item in instrument.items if not item.optional]
        pk = api.post(f"/measures/{instrument_id}", {"answers": answers}).json()["id"]
        resource = api.get(f"/measures/{instrument_id}/{pk}/fhir").json()
        parsed = QuestionnaireResponse.model_validate(resource)
        assert parsed.status == "completed"
        assert instrument_id in resource["questionnaire"]
        if instrument_id in panels:
            assert panels[instrument_id] in resource["questionnaire"]
        questionnaire = api.get(f"/measures/{instrument_id}/questionnaire").json()
        assert Questionnaire.model_validate(questionnaire).url == resource["questionnaire"]


def test_drafts_keep_gaps_and_are_never_scored(api_as: Any, alice: Any, bob: Any, charlie: Any) -> None:
    api = api_as(alice)
    assert api.get("/measures/phq9/draft").json()["answers"] == []
    saved = api.put("/measures/phq9/draft", {"answers": [1, None, 2]})
    assert saved.status_code == 200 and saved.json()["answers"] == [1, None, 2]
    assert api.get("/measures/phq9/draft").json()["answers"] == [1, None, 2]
    assert not MeasureResponse.objects.exists()
    bad = api.put("/measures/phq9/draft", {"answers": [1, None, 7]})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "answers", 2]
    assert api.put("/measures/phq9/draft", {"answers": [0] * 11}).status_code == 422
    for other in (bob, charlie):
        assert api_as(other).get("/measures/phq9/draft").json()["answers"] == []
    # finishing the questionnaire removes the draft
    api.post("/measures/phq9", {"answers": [1, 0, 2, 0, 0, 0, 0, 0, 0]})
    assert not MeasureDraft.objects.exists()
    api.put("/measures/gad7/draft", {"answers": [1]})
    assert api.delete("/measures/gad7/draft").status_code == 204
    assert not MeasureDraft.objects.exists()


def test_unknown_and_disabled_instruments_are_404_everywhere(api_as: Any, alice: Any, settings: Any,
                                                             phq9_response: Any) -> None:
    api = api_as(alice)
    assert api.post("/measures/kusiv3", {"answers": [1, 2, 3]}).status_code == 404
    settings.DISABLED_INSTRUMENTS = ["phq9", "who5"]
    pk = phq9_response.pk
    assert api.post("/measures/phq9", {"answers": [0] * 9}).status_code == 404
    assert api.post("/measures/who5", {"answers": [5] * 5}).status_code == 404
    for path in ("/measures/phq9", "/measures/phq9/questionnaire", "/measures/phq9/draft",
                 f"/measures/phq9/{pk}", f"/measures/phq9/{pk}/fhir", "/measures/phq9/schedule"):
        assert api.get(path).status_code == 404, path
    assert api.put("/measures/phq9/draft", {"answers": [1]}).status_code == 404
    ids = [i["id"] for i in api.get("/instruments").json()["items"]]
    assert "phq9" not in ids and "who5" not in ids and "gad7" in ids
    assert api.get("/measures").json()["count"] == 0


def test_schedules_respect_the_two_week_floor(api_as: Any, alice: Any, bob: Any) -> None:
    api = api_as(alice)
    bad = api.put("/measures/phq9/schedule", {"every_days": 7})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "every_days"]
    assert "14 days" in bad.json()["detail"][0]["msg"]
    assert api.put("/measures/gad7/schedule", {"every_days": 13}).status_code == 422
    ok = api.put("/measures/phq9/schedule", {"every_days": 14})
    assert ok.status_code == 200 and ok.json()["every_days"] == 14
    assert api_as(bob).get("/measures/phq9/schedule").json()["every_days"] is None
    assert api.delete("/measures/phq9/schedule").status_code == 204
    assert api.get("/measures/phq9/schedule").json()["active"] is False


def test_instruments_list(api_as: Any, alice: Any) -> None:
    body = api_as(alice).get("/instruments").json()
    assert body["count"] == 6
    pcl5 = next(i for i in body["items"] if i["id"] == "pcl5")
    assert "never be asked to describe" in pcl5["content_note"]


def test_openapi_lists_the_measures_paths(client: Any) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/measures/{instrument}", "/api/v1/measures/{instrument}/{response_id}/fhir",
                 "/api/v1/measures/{instrument}/draft", "/api/v1/checkins/{on}", "/api/v1/instruments"):
        assert path in paths
