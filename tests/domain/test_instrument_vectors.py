"""Every vector in the design's instrument-vectors.json, through score() / reliable_change().

Display labels in the vectors ("none-minimal", "moderately severe", "normal (15-25)") map to
the API's snake_case ids (ARCHITECTURE.md "Contract details"); ``item9_flag`` is
``flags["item9"]`` and ``dsm5_rule_met`` is ``flags["dsm5_criteria_met"]``. The RSES and
PCL-5 vectors are keyed by name, so their answer lists come from the tables in
instruments.md (3.3 and 3.5). KUSIV3 and the RCI table are checked in the pure module only.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from rebond.domain.instruments import kusiv3_mean, score
from rebond.domain.reliable_change import iapt_outcome, jacobson_truax
from tests.design_files import design_file
from tests.vector_answers import PCL5_ANSWERS, RSES_ANSWERS


@pytest.fixture(autouse=True)
def _fast_hashing() -> None:
    """Shadows tests/conftest.py's autouse fixture of this name, which needs pytest-django's ``settings``:
    these tests are pure and must also run with ``-p no:django``."""


VECTORS_PATH = design_file("instrument-vectors.json")

VECTORS: dict[str, dict[str, Any]] = json.loads(VECTORS_PATH.read_text(encoding="utf-8"))

RSES_SECTION = "RSES (order A; reverse 2,5,6,8,9)"
RCI_SECTION = "RCI (illustrative inputs)"
IAPT_SECTION = "IAPT-style outcome"

HANDLED_SECTIONS = {
    "PHQ-9",
    "GAD-7",
    RSES_SECTION,
    "SCS-SF",
    "PCL-5",
    "WHO-5",
    "KUSIV3",
    RCI_SECTION,
    IAPT_SECTION,
}


def api_id(label: str) -> str:
    """'none-minimal' -> 'none_minimal'; 'normal (15-25)' -> 'normal'."""
    return re.sub(r"\s*\(.*\)\s*$", "", label).strip().lower().replace("-", "_").replace(" ", "_")


def cases(section: str) -> list[Any]:
    return [pytest.param(key, expected, id=key) for key, expected in VECTORS.get(section, {}).items()]


def test_every_vector_section_is_checked() -> None:
    assert set(VECTORS) <= HANDLED_SECTIONS, f"unchecked vector sections: {set(VECTORS) - HANDLED_SECTIONS}"


def test_named_vectors_have_answer_lists() -> None:
    assert set(VECTORS[RSES_SECTION]) <= set(RSES_ANSWERS)
    assert set(VECTORS["PCL-5"]) <= set(PCL5_ANSWERS)


@pytest.mark.parametrize(("key", "expected"), cases("PHQ-9"))
def test_phq9(key: str, expected: dict[str, Any]) -> None:
    result = score("phq9", json.loads(key))
    assert result.total == expected["total"]
    assert result.severity == api_id(expected["severity"])
    assert result.indicators["screen_positive"] is expected["screen_pos"]
    assert result.flags["item9"] is expected["item9_flag"]


@pytest.mark.parametrize(("key", "expected"), cases("GAD-7"))
def test_gad7(key: str, expected: dict[str, Any]) -> None:
    result = score("gad7", json.loads(key))
    assert result.total == expected["total"]
    assert result.severity == api_id(expected["severity"])
    assert result.indicators["screen_positive"] is expected["screen_pos"]
    assert result.indicators["iapt_caseness"] is expected["iapt_caseness"]
    assert result.flags == {}


@pytest.mark.parametrize(("key", "expected"), cases(RSES_SECTION))
def test_rses(key: str, expected: dict[str, Any]) -> None:
    result = score("rses", RSES_ANSWERS[key])
    assert result.total == expected["total_0_30"]
    assert result.alternate_total == expected["total_10_40"]
    assert result.severity == api_id(expected["conventional_band"])


@pytest.mark.parametrize(("key", "expected"), cases("SCS-SF"))
def test_scssf(key: str, expected: dict[str, Any]) -> None:
    result = score("scssf", json.loads(key))
    assert isinstance(result.total, float)
    assert result.total == pytest.approx(expected["total_mean"], abs=5e-5)
    assert result.severity == api_id(expected["band"])
    assert result.subscales == pytest.approx(expected["subscale_means_raw"])


@pytest.mark.parametrize(("key", "expected"), cases("PCL-5"))
def test_pcl5(key: str, expected: dict[str, Any]) -> None:
    result = score("pcl5", PCL5_ANSWERS[key])
    assert result.total == expected["total"]
    assert {c: result.subscales[c] for c in "BCDE"} == {c: expected[c] for c in "BCDE"}
    assert result.endorsed == expected["endorsed"]
    assert result.flags["dsm5_criteria_met"] is expected["dsm5_rule_met"]
    assert result.indicators["at_or_above_31"] is expected["ge31"]
    assert result.indicators["at_or_above_33"] is expected["ge33"]
    assert result.severity == ("probable_ptsd" if expected["ge33"] else "below_threshold")


@pytest.mark.parametrize(("key", "expected"), cases("WHO-5"))
def test_who5(key: str, expected: dict[str, Any]) -> None:
    result = score("who5", json.loads(key))
    assert result.total == expected["raw"]
    assert result.percent == expected["percent"]
    assert result.indicators["poor_wellbeing"] is expected["poor_wellbeing"]
    assert result.severity == ("poor" if expected["poor_wellbeing"] else "adequate")
    assert result.indicators["any_item_low"] is expected["any_item_0_or_1"]
    assert result.flags["screen_depression"] is (expected["poor_wellbeing"] or expected["any_item_0_or_1"])


@pytest.mark.parametrize(("key", "expected"), cases("KUSIV3"))
def test_kusiv3(key: str, expected: dict[str, Any]) -> None:
    assert kusiv3_mean(json.loads(key)) == pytest.approx(expected["mean"], abs=5e-5)


@pytest.mark.parametrize(("key", "expected"), cases(RCI_SECTION))
def test_rci_table(key: str, expected: dict[str, Any]) -> None:
    match = re.search(r"SD=([\d.]+)\s+\w+=([\d.]+)", key)
    assert match, key
    rci = jacobson_truax(float(match.group(1)), float(match.group(2)))
    assert rci.se == pytest.approx(expected["SE"], abs=6e-4)
    assert rci.s_diff == pytest.approx(expected["Sdiff"], abs=6e-4)
    assert rci.min_change == pytest.approx(expected["min_change"], abs=6e-4)


@pytest.mark.parametrize(("key", "expected"), cases(IAPT_SECTION))
def test_iapt_outcome(key: str, expected: dict[str, Any]) -> None:
    match = re.fullmatch(r"PHQ (\d+)->(\d+), GAD (\d+)->(\d+)", key)
    assert match, key
    phq_before, phq_after, gad_before, gad_after = (int(g) for g in match.groups())
    outcome = iapt_outcome(phq_before, phq_after, gad_before, gad_after)
    assert outcome.phq9.status == api_id(expected["phq"])
    assert outcome.gad7.status == api_id(expected["gad"])
    assert outcome.reliable_improvement is expected["reliable_improvement"]
    assert outcome.reliable_deterioration is expected["reliable_deterioration"]
    assert outcome.recovery is expected["recovery"]
    assert outcome.reliable_recovery is expected["reliable_recovery"]
    assert outcome.case_at_start is expected["case_at_start"]
