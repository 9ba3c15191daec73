"""The self-trust chart draws only what the words and the table beside it say: no line or band while a day has too
little evidence for a number (UX.md: with little evidence, words instead of a number). Shared by the Record page and
the care session summary."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from rebond.care import summary
from rebond.promises import chart, selectors, services
from tests.conftest import TODAY, client_for, html

DAYS = [date(2026, 3, 1) + timedelta(days=i) for i in range(8)]
ESTIMATES = [0.67, 0.75, 0.8, 0.83, 0.85, 0.87, 0.88, 0.89]
LOWS = [e - 0.2 for e in ESTIMATES]
HIGHS = [min(1.0, e + 0.1) for e in ESTIMATES]


def xs(points: str) -> list[float]:
    return [float(p.split(",")[0]) for p in points.split()]


def test_the_line_and_band_start_at_the_first_day_with_enough_evidence() -> None:
    enough = [False, False, False, True, True, True, True, True]
    drawn = chart.build(DAYS, ESTIMATES, LOWS, HIGHS, enough=enough)
    everything = chart.build(DAYS, ESTIMATES, LOWS, HIGHS, enough=[True] * 8)
    assert len(drawn.lines) == len(drawn.bands) == 1
    assert xs(drawn.lines[0]) == xs(everything.lines[0])[3:], "same days, same places: the axis still spans all 8"
    assert min(xs(drawn.bands[0])) == xs(everything.lines[0])[3]
    assert drawn.ticks == everything.ticks


def test_a_gap_without_enough_evidence_breaks_the_line() -> None:
    enough = [True, True, True, False, False, True, True, True]
    drawn = chart.build(DAYS, ESTIMATES, LOWS, HIGHS, enough=enough)
    assert [len(line.split()) for line in drawn.lines] == [3, 3]


@pytest.mark.parametrize("enough", [[False] * 8, [False, True, False, True, False, True, False, True]])
def test_with_no_two_days_of_enough_evidence_nothing_is_drawn(enough: list[bool]) -> None:
    drawn = chart.build(DAYS, ESTIMATES, LOWS, HIGHS, enough=enough)
    assert not drawn.drawn and drawn.lines == () and drawn.bands == ()


def trend(statuses: list[str]) -> list[dict[str, Any]]:
    return [{"on": day.isoformat(), "estimate": e, "low": lo, "high": hi, "status": status}
            for day, e, lo, hi, status in zip(DAYS, ESTIMATES, LOWS, HIGHS, statuses, strict=False)]


def test_the_session_summary_chart_starts_where_the_weeks_have_enough_evidence() -> None:
    weeks = trend(["not_enough_evidence"] * 2 + ["early"] * 2 + ["well_supported"] * 4)
    drawn = summary.trend_chart(weeks)
    assert drawn is not None
    assert len(drawn.lines[0].split()) == 6 and xs(drawn.lines[0])[0] > chart.LEFT
    assert summary.trend_chart(trend(["not_enough_evidence"] * 7 + ["early"])) is None


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen_day")
def test_the_record_page_draws_no_line_over_its_first_days(alice: Any) -> None:
    """Day 1 of a new promise sits near 67 with too little evidence; the line starts once there is enough."""
    promise, _ = services.promise_create(user=alice, text="Walk", rrule="FREQ=DAILY",
                                         starts_on=TODAY - timedelta(days=19))
    for i in range(20):
        services.checkin_record(user=alice, promise=promise, on=promise.starts_on + timedelta(days=i), outcome="kept")
    points = selectors.self_trust_series(user=alice, start=promise.starts_on, end=TODAY)
    first_enough = next(i for i, p in enumerate(points) if p.status != "not_enough_evidence")
    assert first_enough > 0
    page = html(client_for(alice).get("/record/"))
    line = page.split('<polyline points="')[1].split('"')[0]
    assert len(line.split()) == len(points) - first_enough
    assert page.count("<polyline") == 1
