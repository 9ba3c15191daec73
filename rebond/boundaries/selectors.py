"""Reads for boundaries, their log and the summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from rebond.boundaries.models import Boundary, BoundaryLog, Outcome
from rebond.people.services import user_today

RECENT_DAYS = 30


def boundary_list(*, user: Any, archived: bool | None = False) -> list[Boundary]:
    qs = Boundary.objects.filter(user=user).select_related("person")
    if archived is not None:
        qs = qs.filter(archived=archived)
    return list(qs.order_by("id"))


def boundary_get(*, user: Any, boundary_id: int) -> Boundary:
    return Boundary.objects.select_related("person").get(user=user, pk=boundary_id)


def log_list(*, user: Any, boundary: Boundary) -> list[BoundaryLog]:
    return list(BoundaryLog.objects.filter(user=user, boundary=boundary).order_by("-on", "-id"))


def log_page(*, user: Any, boundary: Boundary, limit: int = 50, offset: int = 0) -> tuple[list[BoundaryLog], int]:
    """One page, newest first, sliced and counted in the database, and how many there are in all."""
    qs = BoundaryLog.objects.filter(user=user, boundary=boundary).order_by("-on", "-id")
    return list(qs[offset:offset + limit]), qs.count()


def log_get(*, user: Any, boundary: Boundary, log_id: int) -> BoundaryLog:
    return BoundaryLog.objects.get(user=user, boundary=boundary, pk=log_id)


@dataclass(frozen=True)
class Tally:
    communicated: int = 0
    held: int = 0
    crossed: int = 0

    @property
    def total(self) -> int:
        return self.communicated + self.held + self.crossed


def _tally(logs: list[BoundaryLog]) -> Tally:
    counts = {o: sum(1 for log in logs if log.outcome == o) for o in Outcome.values}
    return Tally(**counts)


@dataclass(frozen=True)
class BoundarySummary:
    boundary: Boundary
    all_time: Tally
    recent: Tally
    last_on: date | None


def summary(*, user: Any, on: date | None = None) -> tuple[list[BoundarySummary], Tally, Tally]:
    """Per boundary and overall: how often it was said, held and crossed, all time and in the last 30 days."""
    on = on or user_today(user)
    first = on - timedelta(days=RECENT_DAYS - 1)
    by_boundary: dict[int, list[BoundaryLog]] = {}
    for log in BoundaryLog.objects.filter(user=user).order_by("on", "id"):
        by_boundary.setdefault(log.boundary_id, []).append(log)
    rows = []
    everything: list[BoundaryLog] = []
    for b in boundary_list(user=user, archived=False):
        logs = by_boundary.get(b.pk, [])
        everything.extend(logs)
        rows.append(BoundarySummary(b, _tally(logs), _tally([g for g in logs if first <= g.on <= on]),
                                    logs[-1].on if logs else None))
    return rows, _tally(everything), _tally([g for g in everything if first <= g.on <= on])
