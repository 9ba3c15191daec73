"""Patterns over time, as plain calculations on plain values (no database, no clock), so they are easy to test."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from rebond.domain.traps import TRAP_IDS, trap_library

# Below this many re-rated records the page says so in words instead of showing an average.
ENOUGH_RECORDS = 3
# Geometry of the server-drawn bar chart (one row per trap: its name, then its bar).
BAR_ROW = 36
BAR_WIDTH = 260


def chart_height(bars: int) -> int:
    return max(BAR_ROW, bars * BAR_ROW)


@dataclass(frozen=True)
class TrapMonths:
    months: list[str]
    rows: list[dict[str, Any]]
    totals: list[dict[str, Any]]


def month_label(key: str) -> str:
    year, month = key.split("-")
    return date(int(year), int(month), 1).strftime("%b %Y")


def trap_months(entries: Sequence[tuple[str, Sequence[str]]], keep: int = 6) -> TrapMonths:
    """entries: (YYYY-MM, chosen trap ids) per finished record. Rows only for traps that were chosen."""
    per_month: dict[str, Counter[str]] = {}
    totals: Counter[str] = Counter()
    for month, traps in entries:
        counter = per_month.setdefault(month, Counter())
        for trap in traps:
            if trap in TRAP_IDS:
                counter[trap] += 1
                totals[trap] += 1
    months = sorted(per_month)[-keep:]
    library = trap_library()
    order = sorted(totals, key=lambda t: (-totals[t], TRAP_IDS.index(t)))
    rows = [{"id": t, "name": library[t].name, "counts": [per_month[m][t] for m in months],
             "total": totals[t]} for t in order]
    most = max(totals.values(), default=0)
    bars = [{"id": t, "name": library[t].name, "count": totals[t],
             "text_y": i * BAR_ROW + 14, "bar_y": i * BAR_ROW + 19,
             "width": max(2, round(BAR_WIDTH * totals[t] / most)) if most else 0,
             "count_x": (max(2, round(BAR_WIDTH * totals[t] / most)) if most else 0) + 6}
            for i, t in enumerate(order)]
    return TrapMonths(months=[month_label(m) for m in months], rows=rows, totals=bars)


@dataclass(frozen=True)
class Drop:
    records: int
    feelings: int
    average: float | None
    enough: bool


def emotion_drop(rows: Sequence[tuple[int, int, int | None]]) -> Drop:
    """rows: (record id, before, after). The average of before − after over feelings that were re-rated."""
    rated = [(record, before, after) for record, before, after in rows if after is not None]
    if not rated:
        return Drop(records=0, feelings=0, average=None, enough=False)
    records = len({record for record, _, _ in rated})
    average = sum(before - after for _, before, after in rated) / len(rated)
    return Drop(records=records, feelings=len(rated), average=round(average, 1), enough=records >= ENOUGH_RECORDS)
