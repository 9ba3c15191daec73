"""A small server-side SVG line chart of the self-trust estimate and its 80% band (no JavaScript, no styles).
Shared by the Record page and the care session summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 420.0, 240.0
LEFT, RIGHT, TOP, BOTTOM = 40.0, 14.0, 12.0, 34.0
MIN_TICK_GAP = 70.0  # in drawing units, so date labels never overlap


@dataclass(frozen=True)
class Chart:
    lines: tuple[str, ...]  # one "x,y x,y ..." per <polyline>: each run of days with enough evidence
    bands: tuple[str, ...]  # "x,y ..." for each run's <polygon>
    grid: list[tuple[float, str]]  # (y, label)
    ticks: list[tuple[float, str, str]]  # (x, label, text-anchor)
    width: float = WIDTH
    height: float = HEIGHT
    left: float = LEFT
    right_edge: float = WIDTH - RIGHT

    @property
    def drawn(self) -> bool:
        """Whether there is any line to draw: False when no two days in a row have enough evidence."""
        return bool(self.lines)


def _x(i: int, n: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * i / (n - 1) if n > 1 else span / 2)


def _y(value: float) -> float:
    value = min(1.0, max(0.0, value))
    return TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - value)


def _fmt(x: float, y: float) -> str:
    return f"{x:.1f},{y:.1f}"


def _runs(enough: Sequence[bool]) -> list[range]:
    """The runs of two or more days in a row with enough evidence."""
    runs: list[range] = []
    start: int | None = None
    for i, ok in enumerate([*enough, False]):
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            if i - start >= 2:
                runs.append(range(start, i))
            start = None
    return runs


def build(days: Sequence[date], estimates: Sequence[float], lows: Sequence[float], highs: Sequence[float], *,
          enough: Sequence[bool], tick_count: int = 4) -> Chart:
    """Coordinates for the chart; every point lies inside the drawing area. The line and band are drawn only where
    ``enough`` says a day has enough evidence for a number (the status is not "not_enough_evidence"), so the chart
    never shows what the words and the table beside it withhold; the date axis still spans every day."""
    n = len(days)
    runs = _runs(enough)
    lines = tuple(" ".join(_fmt(_x(i, n), _y(estimates[i])) for i in run) for run in runs)
    bands = tuple(" ".join([_fmt(_x(i, n), _y(highs[i])) for i in run] + [_fmt(_x(i, n), _y(lows[i])) for i in run[::-1]])
                  for run in runs)
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
    return Chart(lines=lines, bands=bands, grid=grid, ticks=ticks)
