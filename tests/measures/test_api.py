"""The measures API against the contract in ARCHITECTURE.md, walked by alice (owner), bob and charlie."""

from __future__ import annotations

import json
from typing import Any

import pytest

from rebond.domain.instruments import INSTRUMENT_IDS, load
from rebond.measures.models import MeasureDraft, MeasureResponse
from tests.design_files import design_file
from tests.vector_answers import PCL5_ANSWERS, RSES_ANSWERS

pytestmark = pytest.mark.django_db

VECTORS_PATH = design_file("instrument-vectors.json")
VECTORS = json.loads(VECTORS_PATH.read_text(encoding="utf-8"))
VECTOR_IDS = {"PHQ-9": "phq9", "GAD-7": "gad7", "RSES (order A; reverse 2,5,6,8,9)": "rses", "SCS-SF": "scssf",
              "PCL-5": "pcl5", "WHO-5": "who5"}
NAMED_ANSWERS = {"rses": RSES_ANSWERS, "pcl5": PCL5_ANSWERS}  # vectors keyed by name, not by their answers


def vector_cases() -> list[tuple[str, list[int], dict[str, Any]]]:
    cases = []
    for name, instrument_id in VECTOR_IDS.items():
        for key, expected in VECTORS.get(name, {}).items():
            named = NAMED_ANSWERS.get(instrument_id)
            answers = named[key] if named is not None else json.loads(key)
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
    elif instrument_id == "rses":
        assert body["total"] == expected["total_0_30"] and body["severity"] == snake(expected["conventional_band"])
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


def test_every_scored_vector_is_a_case() -> None:
    """Each vector of the six API questionnaires, the RSES's four included (KUSIV3 and the RCI table are not API
    instruments; the paired outcomes have their own endpoint, below)."""
    expected = sum(len(VECTORS[name]) for name in VECTOR_IDS)
    assert len(vector_cases()) == expected and expected >= 24
    assert sum(1 for instrument_id, _, _ in vector_cases() if instrument_id == "rses") == 4


def _taken(user: Any, instrument_id: str, total: int, days_ago: int) -> MeasureResponse:
    from datetime import timedelta

    from django.utils import timezone

    from rebond.measures import demo, services

    answers = demo.spread(total, len(load(instrument_id).scored_items), 3)
    return services.response_create(user=user, instrument_id=instrument_id, answers=answers,
                                    taken_at=timezone.now() - timedelta(days=days_ago))


def _pairs(user: Any, phq: tuple[int, int], gad: tuple[int, int]) -> tuple[str, str]:
    """A PHQ-9 and GAD-7 pair 60 days ago and one yesterday, with a pair between them that the default skips;
    the first and last ids as the endpoint takes them."""
    first = [_taken(user, "phq9", phq[0], 60), _taken(user, "gad7", gad[0], 60)]
    _taken(user, "phq9", 27, 30)
    _taken(user, "gad7", 0, 30)
    last = [_taken(user, "phq9", phq[1], 1), _taken(user, "gad7", gad[1], 1)]
    return f"{first[0].pk},{first[1].pk}", f"{last[0].pk},{last[1].pk}"


@pytest.mark.parametrize(("key", "expected"), list(VECTORS["IAPT-style outcome"].items()))
def test_every_paired_outcome_vector_passes_through_the_api(api_as: Any, alice: Any, bob_shared: Any,
                                                            charlie: Any, key: str, expected: dict[str, Any]) -> None:
    import re

    match = re.fullmatch(r"PHQ (\d+)->(\d+), GAD (\d+)->(\d+)", key)
    assert match, key
    phq_before, phq_after, gad_before, gad_after = (int(g) for g in match.groups())
    first, last = _pairs(alice, (phq_before, phq_after), (gad_before, gad_after))
    api = api_as(alice)
    body = api.get("/measures/outcome").json()
    for field in ("case_at_start", "reliable_improvement", "reliable_deterioration", "recovery", "reliable_recovery"):
        assert body[field] is expected[field], field
    assert body["phq9"]["status"] == snake(expected["phq"]) and body["gad7"]["status"] == snake(expected["gad"])
    assert (body["first"]["phq9"]["total"], body["last"]["phq9"]["total"]) == (phq_before, phq_after)
    assert (body["first"]["gad7"]["total"], body["last"]["gad7"]["total"]) == (gad_before, gad_after)
    assert body["words"] and body["outcome"] in {"reliable_recovery", "recovery", "reliable_improvement",
                                                 "reliable_deterioration", "no_reliable_change"}
    assert api.get(f"/measures/outcome?first={first}&last={last}").json() == body
    for other in (bob_shared, charlie):  # a share shows scores on the care pages, never through alice's endpoints
        assert api_as(other).get(f"/measures/outcome?first={first}&last={last}").status_code == 404
        assert api_as(other).get(f"/measures/outcome?first={first}").status_code == 404
        assert api_as(other).get("/measures/outcome").status_code == 404  # none of their own


def test_paired_outcome_problems_are_named(api_as: Any, alice: Any, settings: Any) -> None:
    api = api_as(alice)
    first_phq, first_gad = _taken(alice, "phq9", 18, 60), _taken(alice, "gad7", 12, 60)
    not_yet = api.get("/measures/outcome")
    assert not_yet.status_code == 404 and "taken at least twice" in not_yet.json()["detail"]
    last_phq, last_gad = _taken(alice, "phq9", 11, 1), _taken(alice, "gad7", 9, 1)
    for query, loc in (("first=12", "first"), ("last=a,b", "last"), ("first=1,2,3", "first")):
        bad = api.get(f"/measures/outcome?{query}")
        assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", loc]
        assert "a PHQ-9 and then a GAD-7" in bad.json()["detail"][0]["msg"]
    swapped = api.get(f"/measures/outcome?first={first_gad.pk},{first_phq.pk}")  # each id in the other's place
    assert swapped.status_code == 404
    backwards = api.get(f"/measures/outcome?first={last_phq.pk},{last_gad.pk}&last={first_phq.pk},{first_gad.pk}")
    assert backwards.status_code == 422 and backwards.json()["detail"][0]["loc"] == ["query", "last"]
    assert api.get("/measures/outcome").json()["reliable_improvement"] is True
    settings.DISABLED_INSTRUMENTS = ["gad7"]
    assert api.get("/measures/outcome").status_code == 404


@pytest.mark.parametrize(("answers", "loc", "words"), [
    ([0] * 8, ["body", "answers"], "needs 9 answers"),
    ([0] * 11, ["body", "answers"], "needs 9 answers"),
    ([0, 0, 0, 4, 0, 0, 0, 0, 0], ["body", "answers", 3], "Question 4"),
    ([0, 0, 0, 0, 0, 0, 0, 0, -1], ["body", "answers", 8], "Question 9"),
    ([0, 0, "x", 0, 0, 0, 0, 0, 0], ["body", "answers", 2], "Question 3 needs a whole number from 0 to 3."),
    ([0, 0, True, 0, 0, 0, 0, 0, 0], ["body", "answers", 2], "Question 3 needs a whole number from 0 to 3."),
    ([0, 0, 0, 0, 0, 0, 0, 0, 1.5], ["body", "answers", 8], "Question 9 needs a whole number from 0 to 3."),
    ([0, 0, 0, 0, 0, 0, 0, 0, None], ["body", "answers", 8], "Question 9 needs a whole number from 0 to 3."),
    ([0, 0, 0, 0, 0, 0, 0, 0, "2"], ["body", "answers", 8], "Question 9 needs a whole number from 0 to 3."),
    ("all zeros", ["body", "answers"], "Answers need to be a list of whole numbers"),
    ({"q1": 0}, ["body", "answers"], "Answers need to be a list of whole numbers"),
])
def test_bad_answers_are_422_naming_the_item(api_as: Any, alice: Any, answers: list[Any], loc: list[Any],
                                              words: str) -> None:
    response = api_as(alice).post("/measures/phq9", {"answers": answers})
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail"} and len(body["detail"]) == 1 and set(body["detail"][0]) == {"loc", "msg"}
    detail = body["detail"]
    assert detail[0]["loc"] == loc
    assert words in detail[0]["msg"]
    assert "Input should be" not in detail[0]["msg"]  # pydantic's words never reach people
    assert not MeasureResponse.objects.exists()


def test_draft_type_errors_name_the_question(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    for wrong in ("x", 1.5, True):
        bad = api.put("/measures/gad7/draft", {"answers": [1, None, wrong]})
        assert bad.status_code == 422
        assert bad.json() == {"detail": [{"loc": ["body", "answers", 2],
                                          "msg": "Question 3 needs a whole number from 0 to 3, or none yet."}]}
    out_of_range = api.put("/measures/gad7/draft", {"answers": [1, None, 7]}).json()
    assert out_of_range["detail"][0]["msg"] == "Question 3 needs an answer from 0 to 3, or none yet."
    assert api.put("/measures/gad7/draft", {"answers": "1,2"}).json()["detail"][0]["loc"] == ["body", "answers"]
    assert api.get("/measures/gad7/draft").json()["answers"] == []


def test_openapi_still_says_answers_are_whole_numbers(api_as: Any, alice: Any) -> None:
    schema = api_as(alice).get("/openapi.json").json()["components"]["schemas"]
    assert schema["AnswersIn"]["properties"]["answers"]["items"] == {"type": "integer"}
    assert schema["AnswersIn"]["required"] == ["answers"]


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
    from tests.conftest import share, two_step_on

    share(alice, bob, scopes=["measures"])  # now bob may read her scores, on the care pages: still not here
    two_step_on(bob)
    shared = api_as(bob)
    assert shared.get(f"/measures/phq9/{pk}").status_code == 404
    assert shared.delete(f"/measures/phq9/{pk}").status_code == 403  # a share is read-only
    assert shared.delete(f"/measures/phq9/{pk + 999}").status_code == 404
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


def _codings(resource: Any) -> list[dict[str, Any]]:
    """Every Coding in a FHIR resource (anything with a system and a code), however deep."""
    if isinstance(resource, dict):
        found = [resource] if {"system", "code"} <= set(resource) else []
        return found + [c for value in resource.values() for c in _codings(value)]
    if isinstance(resource, list):
        return [c for value in resource for c in _codings(value)]
    return []


def test_local_code_systems_validate_and_cover_every_local_code(api_as: Any, alice: Any) -> None:
    from fhir.resources.R4B.codesystem import CodeSystem

    api = api_as(alice)
    for instrument_id in INSTRUMENT_IDS:
        questionnaire = api.get(f"/measures/{instrument_id}/questionnaire").json()
        response = api.get(f"/measures/{instrument_id}/codesystem")
        local = [c for c in _codings(questionnaire) if c["system"] != "http://loinc.org"]
        if instrument_id in {"phq9", "gad7"}:  # coded wholly in LOINC
            assert local == [] and response.status_code == 404
            assert "LOINC codes only" in response.json()["detail"]
            continue
        assert response.status_code == 200, instrument_id
        body = response.json()
        parsed = CodeSystem.model_validate(body)
        assert parsed.status == "active" and parsed.content == "complete" and parsed.count == len(body["concept"])
        meaning = {concept["code"]: concept["display"] for concept in body["concept"]}
        assert {c["system"] for c in local} == {body["url"]}
        assert {c["code"]: c["display"] for c in local} == meaning  # every local code there, each meaning one thing
    assert api.get("/measures/kusiv3/codesystem").status_code == 404


def test_fhir_base_is_a_setting(api_as: Any, alice: Any, settings: Any) -> None:
    from fhir.resources.R4B.codesystem import CodeSystem
    from fhir.resources.R4B.questionnaire import Questionnaire
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    settings.FHIR_BASE = "https://fhir.example.org/r4/"
    api = api_as(alice)
    pk = api.post("/measures/rses", {"answers": [2] * 10}).json()["id"]
    answered = QuestionnaireResponse.model_validate(api.get(f"/measures/rses/{pk}/fhir").json())
    questionnaire = Questionnaire.model_validate(api.get("/measures/rses/questionnaire").json())
    codes = CodeSystem.model_validate(api.get("/measures/rses/codesystem").json())
    assert answered.questionnaire == questionnaire.url == "https://fhir.example.org/r4/Questionnaire/rses"
    assert codes.url == "https://fhir.example.org/r4/CodeSystem/rses"
    assert questionnaire.item[0].code[0].system == codes.url
    phq9 = api.get("/measures/phq9/questionnaire").json()
    assert phq9["url"] == "https://fhir.example.org/r4/Questionnaire/phq9-44249-1"
    assert "rebond.invalid" not in json.dumps([phq9, api.get("/measures/pcl5/questionnaire").json()])


@pytest.mark.parametrize(("base", "fine"), [
    ("https://rebond.invalid/fhir", True), ("http://10.0.0.5:8080/fhir", True),
    ("fhir.example.org/fhir", False), ("ftp://example.org/fhir", False), ("https://", False),
    ("https://example.org/fhir?x=1", False), ("https://example.org/fhir#top", False),
])
def test_a_fhir_base_rebond_cannot_use_stops_it_starting(settings: Any, base: str, fine: bool) -> None:
    from django.core.checks import run_checks

    settings.FHIR_BASE = base
    problems = [m for m in run_checks() if m.id == "rebond.measures.E001"]
    assert (problems == []) is fine, problems
    if problems:
        assert "REBOND_FHIR_BASE needs" in problems[0].msg or "REBOND_FHIR_BASE can't" in problems[0].msg


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
    for wrong in ("14", 14.5, None, True):  # the service's words, never pydantic's
        said = api.put("/measures/phq9/schedule", {"every_days": wrong}).json()["detail"]
        assert said == [{"loc": ["body", "every_days"], "msg": bad.json()["detail"][0]["msg"]}], said
    ok = api.put("/measures/phq9/schedule", {"every_days": 14})
    assert ok.status_code == 200 and ok.json()["every_days"] == 14
    assert api_as(bob).get("/measures/phq9/schedule").json()["every_days"] is None
    assert api.delete("/measures/phq9/schedule").status_code == 204
    assert api.get("/measures/phq9/schedule").json()["active"] is False


@pytest.mark.parametrize(("instrument", "why"), [("phq9", "it asks about the last 2 weeks"),
                                                  ("rses", "so a real change has time to show")])
def test_a_too_frequent_schedule_says_why_in_plain_words(api_as: Any, alice: Any, instrument: str, why: str) -> None:
    said = api_as(alice).put(f"/measures/{instrument}/schedule", {"every_days": 1}).json()["detail"][0]["msg"]
    assert "at most once every 14 days" in said and f"({why})" in said


def test_instruments_list(api_as: Any, alice: Any) -> None:
    body = api_as(alice).get("/instruments").json()
    assert body["count"] == 6
    pcl5 = next(i for i in body["items"] if i["id"] == "pcl5")
    assert "never be asked to describe" in pcl5["content_note"]


def test_openapi_lists_the_measures_paths(client: Any) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/measures/{instrument}", "/api/v1/measures/{instrument}/{response_id}/fhir",
                 "/api/v1/measures/{instrument}/codesystem",
                 "/api/v1/measures/{instrument}/draft", "/api/v1/checkins/{on}", "/api/v1/instruments",
                 "/api/v1/measures/outcome"):
        assert path in paths


PCL5_TOTAL_32 = [2] * 16 + [0] * 4


@pytest.mark.parametrize(("cut_off", "severity", "words"), [
    (33, "below_threshold", "The total is under 33"), (32, "probable_ptsd", "The total is 32 or more"),
    (31, "probable_ptsd", "The total is 31 or more"),
])
def test_the_pcl5_cut_off_is_a_setting(api_as: Any, alice: Any, settings: Any, cut_off: int, severity: str,
                                       words: str) -> None:
    from rebond.measures import charts
    from rebond.measures.access import instrument_for

    settings.PCL5_CUTOFF = cut_off
    body = api_as(alice).post("/measures/pcl5", {"answers": PCL5_TOTAL_32}).json()
    assert body["total"] == 32 and body["severity"] == severity and body["words"].startswith(words)
    assert [spec.low for spec in charts.band_specs(instrument_for("pcl5"))] == [0, cut_off]  # the shading too
    from tests.conftest import client_for, html

    page = html(client_for(alice).get(f"/measures/pcl5/{body['id']}/"))
    assert words in page


@pytest.mark.parametrize(("cut_off", "fine"), [(31, True), (33, True), (30, False), (34, False), (38, False)])
def test_a_pcl5_cut_off_outside_31_to_33_stops_rebond_starting(settings: Any, cut_off: int, fine: bool) -> None:
    from django.core.checks import run_checks

    settings.PCL5_CUTOFF = cut_off
    problems = [m for m in run_checks() if m.id == "rebond.measures.E002"]
    assert (problems == []) is fine
    if problems:
        assert f"can be 31 to 33, not {cut_off}" in problems[0].msg
