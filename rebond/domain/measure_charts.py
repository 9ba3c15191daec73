"""Geometry for the small over-time charts on the Measures pages. Pure: no Django, no clock.

The web layer turns a ``Chart`` into an SVG (a template, no JavaScript, no inline styles). Values
grow upward; dates run left to right in proportion to the days between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WIDTH = 480
HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 12, 30


@dataclass(frozen=True)
class BandSpec:
    label: str
    low: float  # where the band starts on the value axis
    high: float  # where it ends (the next band's start, or the top of the range)


@dataclass(frozen=True)
class BandRect:
    label: str
    x: float
    y: float
    width: float
    height: float
    shade: int  # 0, 1, 2 ... alternate shades, bottom band first


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    on: date
    value: float


@dataclass(frozen=True)
class Tick:
    at: float  # x for date ticks, y for value ticks
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    bands: tuple[BandRect, ...]
    dots: tuple[Dot, ...]
    line: str  # "x,y x,y ..." for an SVG polyline ("" with fewer than two dots)
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]


def _fmt(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def _y(value: float, low: float, high: float, top: float, bottom: float) -> float:
    share = (value - low) / (high - low)
    return round(bottom - share * (bottom - top), 2)


def layout(
    points: Sequence[tuple[date, float]],
    *,
    value_range: tuple[float, float],
    bands: Sequence[BandSpec] = (),
    y_ticks: Sequence[float] | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Chart:
    """Place points (oldest first or not; they are sorted) on a chart of the given value range.

    Values outside the range are clamped to it, so a bad row can never draw outside the box.
    """
    low, high = float(value_range[0]), float(value_range[1])
    if not high > low:
        raise ValueError("value_range must run from low to high.")
    left, top, right, bottom = float(LEFT), float(TOP), float(width - RIGHT), float(height - BOTTOM)
    ordered = sorted(points, key=lambda p: p[0])

    rects = []
    for index, band in enumerate(bands):
        b_low, b_high = max(low, float(band.low)), min(high, float(band.high))
        if b_high <= b_low:
            continue
        y_top = _y(b_high, low, high, top, bottom)
        y_bottom = _y(b_low, low, high, top, bottom)
        rects.append(BandRect(band.label, left, y_top, right - left, round(y_bottom - y_top, 2), index % 3))

    dots = []
    if ordered:
        first, last = ordered[0][0].toordinal(), ordered[-1][0].toordinal()
        span = last - first
        for on, value in ordered:
            x = (left + right) / 2 if span == 0 else left + (on.toordinal() - first) / span * (right - left)
            clamped = min(high, max(low, float(value)))
            dots.append(Dot(round(x, 2), _y(clamped, low, high, top, bottom), on, float(value)))
    line = " ".join(f"{d.x:g},{d.y:g}" for d in dots) if len(dots) > 1 else ""

    tick_values = list(y_ticks) if y_ticks is not None else [low, (low + high) / 2, high]
    yt = tuple(Tick(_y(v, low, high, top, bottom), _fmt(v)) for v in tick_values if low <= v <= high)
    xt: tuple[Tick, ...] = ()
    if dots:
        chosen = [dots[0]] if len(dots) == 1 or dots[0].on == dots[-1].on else [dots[0], dots[-1]]
        xt = tuple(Tick(d.x, f"{d.on:%-d %b}") for d in chosen)
    return Chart(width, height, left, top, right, bottom, tuple(rects), tuple(dots), line, yt, xt)
