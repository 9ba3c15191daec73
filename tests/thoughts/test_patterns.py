"""Patterns over time: plain calculations, and words instead of a number when there is little evidence."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.thoughts import patterns, selectors, services


def test_trap_months_counts_and_orders() -> None:
    result = patterns.trap_months([("2026-01", ["labeling"]), ("2026-02", ["labeling", "blaming"]),
                                   ("2026-02", ["blaming"]), ("2026-02", ["blaming"])])
    assert result.months == ["Jan 2026", "Feb 2026"]
    assert [(r["id"], r["counts"], r["total"]) for r in result.rows] == [("blaming", [0, 3], 3), ("labeling", [1, 1], 2)]
    assert result.totals[0]["width"] == patterns.BAR_WIDTH
    assert 0 < result.totals[1]["width"] < patterns.BAR_WIDTH


def test_trap_months_keeps_the_latest_months() -> None:
    entries = [(f"2025-{m:02d}", ["labeling"]) for m in range(1, 13)]
    assert patterns.trap_months(entries, keep=6).months[0] == "Jul 2025"


def test_no_traps_no_rows() -> None:
    result = patterns.trap_months([("2026-01", [])])
    assert result.rows == [] and result.totals == []


def test_emotion_drop() -> None:
    assert patterns.emotion_drop([]).average is None
    few = patterns.emotion_drop([(1, 80, 40), (1, 60, None)])
    assert few.records == 1 and few.feelings == 1 and not few.enough
    many = patterns.emotion_drop([(1, 80, 40), (2, 60, 50), (3, 50, 50), (3, 70, 60)])
    assert many.enough and many.average == pytest.approx((40 + 10 + 0 + 10) / 4)


@pytest.mark.django_db
def test_patterns_from_the_database_count_only_finished_records(alice: Any) -> None:
    from tests.thoughts.conftest import FULL

    for _ in range(3):
        services.record_save(user=alice, changes=FULL)
    services.record_save(user=alice, changes={**FULL, "status": "draft"})
    data = selectors.record_patterns(user=alice, time_zone="Europe/London")
    assert data.finished == 3
    assert {r["id"]: r["total"] for r in data.rows} == {"mind_reading": 3, "overgeneralizing": 3}
    assert data.drop.enough and data.drop.average == 25.0
