"""Fading evidence (trust-model.md §7): an estimate with little recent evidence says so, instead of letting a number
that drifts back toward the middle read as trust going up."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from rebond.domain import trust
from rebond.domain.trust_fading import fading
from tests.design_files import design_file

MODEL = "interpersonal_trust"
START = date(2025, 1, 1)


def kept(days: list[int], kind: str = "promise_kept") -> list[trust.TrustEvent]:
    return [trust.TrustEvent(id=f"{kind}{d}", day=START + timedelta(days=d), kind=kind) for d in days]


def check(events: list[trust.TrustEvent], on: date) -> tuple[bool, str]:
    prepared = trust.prepare(events, MODEL)
    return fading(prepared, on), trust.score(prepared, on, MODEL).status


def test_a_good_record_with_nothing_for_150_days_is_fading() -> None:
    events = kept(list(range(0, 36, 3)))  # twelve kept promises, then nothing
    last = START + timedelta(days=33)
    assert check(events, last) == (False, "early")
    score = trust.score(events, last + timedelta(days=150), MODEL)
    assert score.estimate > 0.75  # still "mostly supports relying on them": that alone would mislead
    assert check(events, last + timedelta(days=150)) == (True, "early")


def test_the_four_week_window_includes_today_and_ends_at_28_days() -> None:
    events = kept(list(range(0, 36, 3)))
    last = START + timedelta(days=33)
    assert not check(events, last + timedelta(days=27))[0]  # 27 days ago is still recent (and u barely grew)
    assert check(events, last + timedelta(days=28))[0]


def test_never_when_there_is_not_enough_evidence_to_show() -> None:
    events = kept([0, 3])
    assert check(events, START + timedelta(days=200)) == (False, "not_enough_evidence")
    assert not fading(trust.prepare([], MODEL), START)


def test_a_steady_record_is_not_fading() -> None:
    events = kept(list(range(0, 140, 3)))
    assert not check(events, START + timedelta(days=140))[0]


def test_uncertainty_grown_since_its_lowest_is_fading_even_with_a_little_recent_evidence() -> None:
    # Kept promises every other day for ten weeks, then only one "was honest" a month: something is recent,
    # but the evidence has thinned.
    events = kept(list(range(0, 70, 2))) + kept([100, 130], kind="honesty_shown")
    on = START + timedelta(days=140)
    prepared = trust.prepare(events, MODEL)
    lowest = min(p.uncertainty for p in trust.series(prepared, START, on, MODEL))
    assert trust.score(prepared, on, MODEL).uncertainty >= 1.25 * lowest
    assert check(events, on)[0]


@pytest.mark.parametrize(("vector_id", "expected"), [("I12", False), ("I13", False), ("I14", True), ("I2", False)])
def test_the_design_vectors(vector_id: str, expected: bool) -> None:
    """I14 is I12 with the kept promises stopping after day 45: the record is thinning, and the page should say so."""
    data = json.loads(design_file("trust-vectors.json").read_text(encoding="utf-8"))
    vector = next(v for v in data["vectors"] if v["id"] == vector_id)
    events = [trust.TrustEvent(id=e["id"], day=date.fromisoformat(e["date"]), kind=e["kind"],
                               severity=e.get("severity", 1.0), repairs=e.get("repairs")) for e in vector["events"]]
    assert check(events, date.fromisoformat(vector["evaluate_on"]))[0] is expected
