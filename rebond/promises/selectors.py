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
from rebond.promises.models import CalendarFeed, CheckIn, Outcome, Promise, Victory
from rebond.promises.services import feed_digest, promise_held, user_today

BACKFILL_DAYS = 7


def promise_get(*, user: Any, promise_id: int) -> Promise:
    """The person's own promise; Promise.DoesNotExist (a 404) for anyone else's."""
    return Promise.objects.get(pk=promise_id, user=user)


def _refuse_shared_write(user: Any, owner_id: int | None, scope: str) -> None:
    from rebond.care import access

    access.refuse_shared_write(user, owner_id, scope)


def promise_for_change(*, user: Any, promise_id: int) -> Promise:
    """The person's own promise, to change. Promise.DoesNotExist (404) for anyone else's, PermissionDenied (403)
    when the person has shared their promises with the one asking."""
    try:
        return Promise.objects.get(pk=promise_id, user=user)
    except Promise.DoesNotExist:
        _refuse_shared_write(user, Promise.objects.filter(pk=promise_id).values_list("user_id", flat=True).first(),
                             "promises")
        raise


def victory_for_change(*, user: Any, victory_id: int) -> Victory:
    """Like promise_for_change, for a win in the evidence jar (the "victories" scope)."""
    try:
        return Victory.objects.get(pk=victory_id, user=user)
    except Victory.DoesNotExist:
        _refuse_shared_write(user, Victory.objects.filter(pk=victory_id).values_list("user_id", flat=True).first(),
                             "victories")
        raise


def promise_list(*, user: Any, archived: bool | None = False, limit: int = 50, offset: int = 0
                 ) -> tuple[list[Promise], int]:
    qs = Promise.objects.filter(user=user)
    if archived is not None:
        qs = qs.filter(archived=archived)
    return list(qs.order_by("id")[offset:offset + limit]), qs.count()


def checkin_get(*, user: Any, promise: Promise, on: date) -> CheckIn:
    return CheckIn.objects.get(promise=promise, user=user, on=on)


def checkin_for_day(*, user: Any, promise: Promise, on: date) -> CheckIn | None:
    """The day's check-in, or None when there is none yet."""
    return CheckIn.objects.filter(promise=promise, user=user, on=on).first()


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


Row = tuple[int, int, date, str, float | None]  # (check-in id, promise id, day, outcome, value)


@dataclass(frozen=True)
class _Weighed:
    prepared: trust.Prepared  # the whole ledger, validated and weighed once
    parts: dict[int, trust.Prepared]  # each promise's part of it


@lru_cache(maxsize=8)
def _weigh(rows: tuple[Row, ...], freqs: tuple[tuple[int, float], ...]) -> _Weighed:
    """The self-trust model's view of a ledger: a pure function of its rows and each promise's frequency, so a page
    that reads the same ledger again (Record, then a promise, then Record) reuses it; any change to a check-in or a
    repeat rule is a different key. Rows the database constrained (one per promise and day, a value only in 0..1,
    an outcome saved through full_clean) make well-formed events: their fields aren't checked one by one again."""
    freq = dict(freqs)
    event = trust.TrustEvent
    kinds = rules.OUTCOME_KIND
    events: list[trust.TrustEvent] = []
    promise_of: dict[str, int] = {}
    for checkin_id, pid, day, outcome, value in rows:
        kind = kinds[outcome]
        graded = (value if value is not None else 0.0) if kind == "partial" else None
        key = str(checkin_id)
        events.append(event(key, day, kind, graded, 1.0, None, freq.get(pid, 1.0)))
        promise_of[key] = pid
    prepared = trust.prepare(events, "self_trust", checked=True)
    return _Weighed(prepared, prepared.split(lambda ev: promise_of[ev.id]))


class Ledger:
    """Every promise and every check-in's outcome, read once; the model's events are built, validated and weighed
    once (trust.prepare), however many questions the page asks of them."""

    def __init__(self, promises: dict[int, Promise], rows: list[Row], held: frozenset[int] = frozenset()) -> None:
        self.promises = promises
        self.rows = rows
        self.held = held  # promises held for the safety plan: their check-ins are not in ``rows``
        self._weighed: _Weighed | None = None

    def prepared(self, promise_id: int | None = None) -> trust.Prepared:
        """The whole ledger (or one promise's part of it), validated and weighed for the self-trust model."""
        if self._weighed is None:
            freqs = tuple(sorted((pid, promise_frequency(p)) for pid, p in self.promises.items()))
            self._weighed = _weigh(tuple(self.rows), freqs)
        if promise_id is None:
            return self._weighed.prepared
        return self._weighed.parts.get(promise_id) or trust.prepare([], "self_trust")


def held_ids(promises: Any) -> frozenset[int]:
    """Which of these promises are held for the safety plan (services.promise_held)."""
    return frozenset(p.pk for p in promises if promise_held(p))


def ledger(*, user: Any) -> Ledger:
    """Every promise and the outcome of every check-in that counts: two queries, whatever the history's length.

    The check-ins of a promise held for the safety plan (services.promise_held) are left out, kept ones too. Its
    card says rebond won't count it as kept or missed, so the record must not either: keeping its kept days while
    dropping its misses would lift the record with evidence picked for being good, and trust-model.md asks for a
    record that is objective. Leaving a day out is what ``excused`` does already (P13: an excused day changes
    nothing compared with no entry), so the model and its vectors are untouched. Nothing is deleted: the
    check-ins stay on the promise's page and in the export, and count again if its words are changed."""
    promises = {p.pk: p for p in Promise.objects.filter(user=user).order_by("id")}
    held = held_ids(promises.values())
    rows = list(CheckIn.objects.filter(user=user).exclude(promise_id__in=held).order_by("on", "id")
                .values_list("id", "promise_id", "on", "outcome", "value"))
    return Ledger(promises=promises, rows=rows, held=held)


def _opinion(prepared: trust.Prepared, on: date) -> trust.TrustPoint:
    # One point of the series is the day's opinion (equal to trust.score up to rounding), without listing the
    # weight of every event as a full score does.
    return trust.series(prepared, on, on, "self_trust")[0]


def self_trust(*, user: Any, on: date | None = None, book: Ledger | None = None) -> trust.TrustPoint:
    book = book or ledger(user=user)
    return _opinion(book.prepared(), on or user_today(user))


def self_trust_series(*, user: Any, start: date, end: date, step_days: int = 1,
                      book: Ledger | None = None) -> tuple[trust.TrustPoint, ...]:
    book = book or ledger(user=user)
    return trust.series(book.prepared(), start, end, "self_trust", step_days=step_days)


@dataclass(frozen=True)
class Strength:
    promise: Promise
    score: trust.TrustPoint
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
        if promise.archived or pid in book.held:
            continue
        mine = outcomes.get(pid, [])
        out.append(Strength(
            promise=promise,
            score=_opinion(book.prepared(pid), on),
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


@dataclass(frozen=True)
class Agenda:
    today: list[Due]  # due on the day, with its check-in if there is one
    earlier: list[Due]  # earlier days of the window still without a check-in, newest first
    held: list[Promise]  # held for the safety plan: would have been due in the window, and never are


def agenda(*, user: Any, day: date, back_days: int = BACKFILL_DAYS) -> Agenda:
    """What is due on ``day`` and the ``back_days`` before it, and the promises held for the safety plan that would
    have been (they get the offer card instead). Two queries."""
    promises = list(Promise.objects.filter(user=user, archived=False, starts_on__lte=day).order_by("id"))
    first = day - timedelta(days=back_days)
    checkins = {(c.promise_id, c.on): c for c in CheckIn.objects.filter(user=user, on__gte=first, on__lte=day)}
    today_items: list[Due] = []
    earlier: list[Due] = []
    held: list[Promise] = []
    for promise in promises:
        days = rules.occurrences(promise.rrule, promise.starts_on, promise.ends_on, first, day)
        if days and promise_held(promise):
            held.append(promise)
            continue
        for occurrence in days:
            found = checkins.get((promise.pk, occurrence))
            if occurrence == day:
                today_items.append(Due(promise, occurrence, found))
            elif found is None:
                earlier.append(Due(promise, occurrence, None))
    earlier.sort(key=lambda d: (d.on, d.promise.pk), reverse=True)
    return Agenda(today_items, earlier, held)


def due_on(*, user: Any, day: date, back_days: int = BACKFILL_DAYS) -> tuple[list[Due], list[Due]]:
    """(due today, earlier days of the last week still without a check-in). Two queries."""
    found = agenda(user=user, day=day, back_days=back_days)
    return found.today, found.earlier


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
    """The evidence jar: the person's own wins and their kept promises, newest first (not those of a promise held
    for the safety plan, which the record doesn't count either: see ledger)."""
    own = list(Victory.objects.filter(user=user).values_list("on", "id"))
    held = held_ids(Promise.objects.filter(user=user).only("id", "user_id", "text"))
    kept = list(CheckIn.objects.filter(user=user, outcome="kept").exclude(promise_id__in=held)
                .values_list("on", "id", "promise_id"))
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


def missed_between(*, user: Any, start: date, end: date) -> bool:
    """Did any promise that still counts go "not this time" between these days? A promise held for the safety plan
    doesn't count (its misses are never misses), so it never brings a practice suggestion about a missed promise."""
    missed = (CheckIn.objects.filter(user=user, on__gte=start, on__lte=end, outcome="missed")
              .select_related("promise"))
    return any(not promise_held(row.promise) for row in missed)


def has_promises(*, user: Any) -> bool:
    return Promise.objects.filter(user=user).exists()


def calendar_promises(*, user: Any) -> list[Promise]:
    """The promises the calendar feed reminds of: the active ones, except those held for the safety plan."""
    active = Promise.objects.filter(user=user, archived=False).order_by("id")[:500]
    return [p for p in active if not promise_held(p)]


def rest_days(*, user: Any) -> dict[int, list[date]]:
    """Each promise's resting and let-go days (excused or renegotiated check-ins), for the calendar feed. One query."""
    days: dict[int, list[date]] = defaultdict(list)
    rows = CheckIn.objects.filter(user=user, outcome__in=[Outcome.EXCUSED, Outcome.RENEGOTIATED])
    for promise_id, day in rows.order_by("on").values_list("promise_id", "on"):
        days[promise_id].append(day)
    return dict(days)


def calendar_feed_exists(*, user: Any) -> str | None:
    """The current secret feed token, or None when the person hasn't made a feed yet."""
    feed = CalendarFeed.objects.filter(user=user).first()
    return str(feed.token) if feed is not None else None


def latest_smaller_step(*, user: Any, promise: Promise) -> str:
    """The most recent "smaller version to try" the person wrote in a miss debrief for this promise."""
    row = (CheckIn.objects.filter(user=user, promise=promise, smaller_step__isnull=False)
           .order_by("-on").only("id", "user_id", "smaller_step").first())
    return str(row.smaller_step or "") if row is not None else ""
