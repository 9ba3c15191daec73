"""Property tests for the pure chart layout and the reminder schedule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rebond.domain.instruments import INSTRUMENT_IDS, load
from rebond.domain.measure_charts import BandSpec, layout
from rebond.domain.measure_schedule import due_dates, is_due, min_every_days, next_due

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
points = st.lists(st.tuples(days, st.floats(min_value=-50, max_value=150, allow_nan=False)), max_size=40)


@settings(deadline=None)  # the machine is shared; timing is not what is under test
@given(points)
def test_every_dot_stays_inside_the_plot(pts: list[tuple[date, float]]) -> None:
    chart = layout(pts, value_range=(0, 27))
    assert len(chart.dots) == len(pts)
    for dot in chart.dots:
        assert chart.left <= dot.x <= chart.right
        assert chart.top <= dot.y <= chart.bottom
    assert [d.on for d in chart.dots] == sorted(d.on for d in chart.dots)
    assert (chart.line == "") == (len(pts) < 2)


@settings(deadline=None)  # the machine is shared; timing is not what is under test
@given(st.floats(min_value=0, max_value=27), st.floats(min_value=0, max_value=27))
def test_higher_values_sit_higher(a: float, b: float) -> None:
    chart = layout([(date(2026, 1, 1), a), (date(2026, 1, 2), b)], value_range=(0, 27))
    first, second = chart.dots
    if a < b:
        assert first.y >= second.y
    elif a > b:
        assert first.y <= second.y


@pytest.mark.parametrize("instrument_id", INSTRUMENT_IDS)
def test_bands_tile_the_range_without_gaps(instrument_id: str) -> None:
    instrument = load(instrument_id)
    lo, hi = instrument.total_range
    specs = [BandSpec(b.label, float(b.min), float(instrument.bands[i + 1].min) if i + 1 < len(instrument.bands)
                      else float(hi)) for i, b in enumerate(instrument.bands)]
    chart = layout([], value_range=(lo, hi), bands=specs)
    rects = sorted(chart.bands, key=lambda r: -r.y)
    assert rects[0].y + rects[0].height == pytest.approx(chart.bottom, abs=0.02)
    assert rects[-1].y == pytest.approx(chart.top, abs=0.02)
    for lower, upper in zip(rects, rects[1:], strict=False):
        assert upper.y + upper.height == pytest.approx(lower.y, abs=0.02)


def test_bad_range_is_refused() -> None:
    with pytest.raises(ValueError):
        layout([], value_range=(5, 5))


@settings(deadline=None)  # the machine is shared; timing is not what is under test
@given(days, st.integers(min_value=1, max_value=120), st.one_of(st.none(), days), days,
       st.integers(min_value=0, max_value=400))
def test_due_dates_are_in_window_spaced_and_never_too_soon(starts_on: date, every: int, last: date | None,
                                                           start: date, length: int) -> None:
    end = start + timedelta(days=length)
    out = due_dates(starts_on=starts_on, every_days=every, last_taken=last, start=start, end=end)
    assert all(start <= d <= end for d in out)
    assert all((b - a).days == every for a, b in zip(out, out[1:], strict=False))
    first = next_due(starts_on=starts_on, every_days=every, last_taken=last)
    assert all(d >= first or d == start for d in out)
    if last is not None:
        assert all((d - last).days >= every or d == start for d in out)
    if out:
        assert out[0] == max(start, first)
    assert is_due(starts_on=starts_on, every_days=every, last_taken=last, today=end) == (first <= end)


def test_two_week_floor() -> None:
    assert min_every_days("phq9") == 14 and min_every_days("gad7") == 14
    assert min_every_days("pcl5") == 28


@pytest.mark.parametrize("instrument_id", INSTRUMENT_IDS)
def test_only_validated_cut_offs_are_shaded(instrument_id: str) -> None:
    from rebond.measures.charts import band_specs

    instrument = load(instrument_id)
    specs = band_specs(instrument)
    if instrument_id in {"rses", "scssf"}:  # conventional ranges / Neff's rough guide (instruments.md)
        assert specs == []
        assert all("(" in band.label for band in instrument.bands)  # the words say what kind of range it is
    else:
        assert [s.label for s in specs] == [band.label for band in instrument.bands]
