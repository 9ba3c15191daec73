"""A small server-side SVG line chart of the self-trust estimate and its 80% band (no JavaScript, no styles)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 420.0, 240.0
LEFT, RIGHT, TOP, BOTTOM = 40.0, 14.0, 12.0, 34.0
MIN_TICK_GAP = 70.0  # in drawing units, so date labels never overlap


@dataclass(frozen=True)
class Chart:
    line: str  # "x,y x,y ..." for <polyline points>
    band: str  # "x,y ..." for <polygon points>
    grid: list[tuple[float, str]]  # (y, label)
    ticks: list[tuple[float, str, str]]  # (x, label, text-anchor)
    width: float = WIDTH
    height: float = HEIGHT
    left: float = LEFT
    right_edge: float = WIDTH - RIGHT


def _x(i: int, n: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * i / (n - 1) if n > 1 else span / 2)


def _y(value: float) -> float:
    value = min(1.0, max(0.0, value))
    return TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - value)


def _fmt(x: float, y: float) -> str:
    return f"{x:.1f},{y:.1f}"


def build(days: Sequence[date], estimates: Sequence[float], lows: Sequence[float], highs: Sequence[float],
          tick_count: int = 4) -> Chart:
    """Coordinates for the chart; every point lies inside the drawing area."""
    n = len(days)
    line = " ".join(_fmt(_x(i, n), _y(e)) for i, e in enumerate(estimates))
    upper = [_fmt(_x(i, n), _y(h)) for i, h in enumerate(highs)]
    lower = [_fmt(_x(i, n), _y(lo)) for i, lo in enumerate(lows)]
    band = " ".join(upper + lower[::-1])
    grid = [(_y(v), f"{round(v * 100)}") for v in (0.0, 0.25, 0.5, 0.75, 1.0)]
    ticks: list[tuple[float, str, str]] = []
    if n:
        step = max(1, (n - 1) // max(1, tick_count - 1))
        picks = sorted({*range(0, n, step), n - 1})
        kept: list[int] = []
        for i in picks:
            if kept and _x(i, n) - _x(kept[-1], n) < MIN_TICK_GAP:
                if i != n - 1:
                    continue
                kept.pop()  # the last day always gets its label
            kept.append(i)
        for i in kept:
            anchor = "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle"
            ticks.append((_x(i, n), f"{days[i]:%-d %b}", anchor))
    return Chart(line=line, band=band, grid=grid, ticks=ticks)
