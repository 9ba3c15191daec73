"""Chart data for the templates: the pure layout from ``rebond.domain.measure_charts`` plus words."""

from __future__ import annotations

from datetime import date
from typing import Any

from rebond.domain.instruments import Instrument
from rebond.domain.measure_charts import BandSpec, Chart, layout
from rebond.measures.presenters import NO_VALIDATED_BANDS


def band_specs(instrument: Instrument) -> list[BandSpec]:
    """Shaded bands, only where the instrument's bands are validated cut-offs (none for the RSES or SCS-SF)."""
    if instrument.id in NO_VALIDATED_BANDS:
        return []
    hi = instrument.total_range[1]
    out = []
    for index, band in enumerate(instrument.bands):
        top = instrument.bands[index + 1].min if index + 1 < len(instrument.bands) else hi
        out.append(BandSpec(band.label, float(band.min), float(top)))
    return out


def instrument_chart(instrument: Instrument, points: list[tuple[date, float]]) -> Chart:
    lo, hi = instrument.total_range
    ticks = {float(lo), float(hi)}
    for spec in band_specs(instrument):
        ticks.add(spec.low)
    return layout(points, value_range=(lo, hi), bands=band_specs(instrument), y_ticks=sorted(ticks))


def mood_chart(points: list[tuple[date, int]]) -> Chart:
    return layout([(d, float(m)) for d, m in points], value_range=(1, 5), y_ticks=[1, 2, 3, 4, 5])


def describe(instrument: Instrument, points: list[tuple[date, float]]) -> str:
    """A one-line text alternative for the chart (the table beside it has every value)."""
    if not points:
        return f"No {instrument.title} answers yet."
    if len(points) == 1:
        return f"One {instrument.title} result so far, on {points[0][0]:%-d %B %Y}."
    return (f"{len(points)} {instrument.title} results from {points[0][0]:%-d %B %Y} to "
            f"{points[-1][0]:%-d %B %Y}. The table beside the chart lists each one.")


def context(chart: Chart) -> dict[str, Any]:
    return {"chart": chart, "axis_x": chart.left, "axis_y": chart.bottom}
