"""Reads for promises, check-ins, the self-trust record and the evidence jar.

The record is recomputed from the whole ledger each time (trust-model.md §4.4), from a fixed number of queries:
promises in one, check-ins in another (only the columns the model needs, no free text opened), so the page cost in
queries does not grow with history.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from rebond.domain import promises as rules
from rebond.domain import trust
from rebond.promises.models import CalendarFeed, CheckIn, Promise, Victory
from rebond.promises.services import feed_digest, user_today

BACKFILL_DAYS = 7


def promise_get(*, user: Any, promise_id: int) -> Promise:
    """The person's own promise; Promise.DoesNotExist (a 404) for anyone else's."""
    return Promise.objects.get(pk=promise_id, user=user)


def promise_list(*, user: Any, archived: bool | None = False, limit: int = 50, offset: int = 0
                 ) -> tuple[list[Promise], int]:
    qs = Promise.objects.filter(user=user)
    if archived is not None:
        qs = qs.filter(archived=archived)
    return list(qs.order_by("id")[offset:offset + limit]), qs.count()


def checkin_get(*, user: Any, promise: Promise, on: date) -> CheckIn:
    return CheckIn.objects.get(promise=promise, user=user, on=on)


def checkin_get_by_id(*, user: Any, checkin_id: int) -> CheckIn:
    return CheckIn.objects.select_related("promise").get(pk=checkin_id, user=user)


def checkin_list(*, user: Any, promise: Promise, limit: int = 50, offset: int = 0) -> tuple[list[CheckIn], int]:
    qs = CheckIn.objects.filter(user=user, promise=promise).order_by("-on")
    return list(qs[offset:offset + limit]), qs.count()


@lru_cache(maxsize=1024)
def _frequency(rule: str, starts_on: date) -> float:
    return rules.frequency(rule, starts_on)


def promise_frequency(promise: Promise) -> float:
    return _frequency(promise.rrule, promise.starts_on)


class Ledger:
    """Every promise and every check-in's outcome, read once; the model's events are built once per request."""

    def __init__(self, promises: dict[int, Promise], rows: list[tuple[int, int, date, str, float | None]]) -> None:
        self.promises = promises
        self.rows = rows  # (check-in id, promise id, day, outcome, value)
        self._events: dict[int, list[trust.TrustEvent]] | None = None

    def _by_promise(self) -> dict[int, list[trust.TrustEvent]]:
        if self._events is None:
            grouped: dict[int, list[trust.TrustEvent]] = defaultdict(list)
            freq = {pid: promise_frequency(p) for pid, p in self.promises.items()}
            for checkin_id, pid, day, outcome, value in self.rows:
                kind = rules.OUTCOME_KIND[outcome]
                grouped[pid].append(trust.TrustEvent(
                    id=str(checkin_id), day=day, kind=kind,
                    value=(value if value is not None else 0.0) if kind == "partial" else None,
                    freq=freq[pid],
                ))
            self._events = dict(grouped)
        return self._events

    def events(self, promise_id: int | None = None) -> list[trust.TrustEvent]:
        grouped = self._by_promise()
        if promise_id is not None:
            return grouped.get(promise_id, [])
        return [event for events in grouped.values() for event in events]


def ledger(*, user: Any) -> Ledger:
    """Every promise and every check-in's outcome: two queries, whatever the history's length."""
    promises = {p.pk: p for p in Promise.objects.filter(user=user).order_by("id")}
    rows = list(CheckIn.objects.filter(user=user).order_by("on", "id")
                .values_list("id", "promise_id", "on", "outcome", "value"))
    return Ledger(promises=promises, rows=rows)


def self_trust(*, user: Any, on: date | None = None, book: Ledger | None = None) -> trust.TrustScore:
    book = book or ledger(user=user)
    return trust.score(book.events(), on or user_today(user), "self_trust")


def self_trust_series(*, user: Any, start: date, end: date, step_days: int = 1,
                      book: Ledger | None = None) -> tuple[trust.TrustPoint, ...]:
    book = book or ledger(user=user)
    return trust.series(book.events(), start, end, "self_trust", step_days=step_days)


@dataclass(frozen=True)
class Strength:
    promise: Promise
    score: trust.TrustScore
    kept: int
    recorded: int
    right_size: rules.RightSizing | None


def promise_strengths(*, user: Any, on: date, book: Ledger | None = None) -> list[Strength]:
    book = book or ledger(user=user)
    outcomes: dict[int, list[tuple[str, float | None]]] = defaultdict(list)
    for _, pid, day, outcome, value in book.rows:
        if day <= on:
            outcomes[pid].append((outcome, value))
    out = []
    for pid, promise in book.promises.items():
        if promise.archived:
            continue
        mine = outcomes.get(pid, [])
        out.append(Strength(
            promise=promise,
            score=trust.score(book.events(pid), on, "self_trust"),
            kept=sum(1 for o, _ in mine if o == "kept"),
            recorded=len(mine),
            right_size=rules.right_sizing(mine) if promise.rrule else None,
        ))
    return out


@dataclass(frozen=True)
class Due:
    promise: Promise
    on: date
    checkin: CheckIn | None


def due_on(*, user: Any, day: date, back_days: int = BACKFILL_DAYS) -> tuple[list[Due], list[Due]]:
    """(due today, earlier days of the last week still without a check-in). Two queries."""
    promises = list(Promise.objects.filter(user=user, archived=False, starts_on__lte=day).order_by("id"))
    first = day - timedelta(days=back_days)
    checkins = {(c.promise_id, c.on): c for c in CheckIn.objects.filter(user=user, on__gte=first, on__lte=day)}
    today_items: list[Due] = []
    earlier: list[Due] = []
    for promise in promises:
        for occurrence in rules.occurrences(promise.rrule, promise.starts_on, promise.ends_on, first, day):
            found = checkins.get((promise.pk, occurrence))
            if occurrence == day:
                today_items.append(Due(promise, occurrence, found))
            elif found is None:
                earlier.append(Due(promise, occurrence, None))
    earlier.sort(key=lambda d: (d.on, d.promise.pk), reverse=True)
    return today_items, earlier


@dataclass(frozen=True)
class Evidence:
    on: date
    text: str
    source: str  # "promise" (a kept check-in) or "own" (a logged win)
    id: int


def kept_evidence(*, user: Any, limit: int = 20, book: Ledger | None = None) -> list[Evidence]:
    """The most recent kept promises, newest first: "Kept: walked ten minutes — Tue"."""
    book = book or ledger(user=user)
    kept = [(day, cid, pid) for cid, pid, day, outcome, _ in book.rows if outcome == "kept"]
    kept.sort(reverse=True)
    return [Evidence(on=day, text=str(book.promises[pid].text), source="promise", id=cid)
            for day, cid, pid in kept[:limit]]


def victories(*, user: Any, limit: int = 50, offset: int = 0) -> tuple[list[Evidence], int]:
    """The evidence jar: the person's own wins and their kept promises, newest first."""
    own = list(Victory.objects.filter(user=user).values_list("on", "id"))
    kept = list(CheckIn.objects.filter(user=user, outcome="kept").values_list("on", "id", "promise_id"))
    merged: list[tuple[date, str, int, int]] = [(day, "own", vid, 0) for day, vid in own]
    merged += [(day, "promise", cid, pid) for day, cid, pid in kept]
    merged.sort(key=lambda item: (item[0], item[1] == "own", item[2]), reverse=True)
    page = merged[offset:offset + limit]
    wins = {v.pk: v for v in Victory.objects.filter(user=user, pk__in=[i for _, s, i, _ in page if s == "own"])}
    needed = {pid for _, s, _, pid in page if s == "promise"}
    promises = {p.pk: p for p in Promise.objects.filter(user=user, pk__in=needed)}
    items = [Evidence(on=day, text=str(wins[i].text if source == "own" else promises[pid].text), source=source, id=i)
             for day, source, i, pid in page]
    return items, len(merged)


def victory_get(*, user: Any, victory_id: int) -> Victory:
    return Victory.objects.get(pk=victory_id, user=user)


def feed_user(*, token: str) -> Any | None:
    feed = CalendarFeed.objects.select_related("user").filter(digest=feed_digest(token)).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


def has_promises(*, user: Any) -> bool:
    return Promise.objects.filter(user=user).exists()


def calendar_feed_exists(*, user: Any) -> str | None:
    """The current secret feed token, or None when the person hasn't made a feed yet."""
    feed = CalendarFeed.objects.filter(user=user).first()
    return str(feed.token) if feed is not None else None


def latest_smaller_step(*, user: Any, promise: Promise) -> str:
    """The most recent "smaller version to try" the person wrote in a miss debrief for this promise."""
    row = (CheckIn.objects.filter(user=user, promise=promise, smaller_step__isnull=False)
           .order_by("-on").only("id", "user_id", "smaller_step").first())
    return str(row.smaller_step or "") if row is not None else ""
