"""Reads for thought records. Free text is sealed, so search opens each of the person's records and matches in Python."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, QuerySet

from rebond.domain.traps import TRAP_IDS
from rebond.thoughts import patterns
from rebond.thoughts.models import AutomaticThought, Emotion, Status, ThoughtRecord


def _records(user: Any) -> QuerySet[ThoughtRecord]:
    return ThoughtRecord.objects.filter(user=user).prefetch_related(
        Prefetch("thoughts", queryset=AutomaticThought.objects.order_by("position", "id")),
        Prefetch("emotions", queryset=Emotion.objects.order_by("position", "id")),
    )


def record_get(*, user: Any, record_id: int) -> ThoughtRecord:
    """The person's own record, or ThoughtRecord.DoesNotExist (a 404 to the interfaces: never someone else's)."""
    return _records(user).get(pk=record_id)


def record_owner_id(*, record_id: int) -> int | None:
    """Whose record this id is, if anyone's: only so a write by someone else can be told 403 or 404 (docs/care.md)."""
    return ThoughtRecord.objects.filter(pk=record_id).values_list("user_id", flat=True).first()


def refuse_change(*, user: Any, record_id: int) -> None:
    """Someone else's record can't be changed: 403 for a viewer the owner shared with (read-only), else 404."""
    from django.http import Http404

    from rebond.care import access

    access.refuse_shared_write(user, record_owner_id(record_id=record_id), "thoughts")
    raise Http404("Not found.")


def hot_thought(record: ThoughtRecord) -> str:
    thoughts = list(record.thoughts.all())
    for thought in thoughts:
        if thought.hot:
            return str(thought.text)
    return str(thoughts[0].text) if thoughts else ""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def record_texts(record: ThoughtRecord) -> Iterable[str]:
    yield record.situation
    yield record.evidence_for
    yield record.evidence_against
    yield record.balanced_thought
    yield record.action_plan
    for thought in record.thoughts.all():
        yield thought.text
    for emotion in record.emotions.all():
        yield emotion.name


def record_matches(record: ThoughtRecord, query: str) -> bool:
    words = _fold(query).split()
    haystack = _fold("\n".join(t for t in record_texts(record) if t))
    return all(word in haystack for word in words)


def record_list(*, user: Any, q: str = "", trap: str = "", status: str | None = None,
                limit: int = 20, offset: int = 0) -> tuple[list[ThoughtRecord], int]:
    """Newest first. `trap` filters in SQL (ids are not secret); `q` opens and matches every word, in any language."""
    rows = _records(user)
    if trap:
        # The JSON list is stored as text like ["labeling", "blaming"]; the quotes keep ids from matching inside others.
        rows = rows.filter(traps__icontains=f'"{trap}"')
    if status:
        rows = rows.filter(status=status)
    if q.strip():
        matched = [record for record in rows if record_matches(record, q)]
        return matched[offset:offset + limit], len(matched)
    return list(rows[offset:offset + limit]), rows.count()


@dataclass(frozen=True)
class Patterns:
    months: list[str]
    rows: list[dict[str, Any]]
    totals: list[dict[str, Any]]
    chart_height: int
    drop: patterns.Drop
    finished: int


def record_patterns(*, user: Any, time_zone: str = "UTC") -> Patterns:
    """Traps chosen per month (last six months with entries) and the average change in feelings after re-rating."""
    zone = ZoneInfo(time_zone or "UTC")
    done = list(ThoughtRecord.objects.filter(user=user, status=Status.DONE).only("id", "traps", "created_at"))
    months = patterns.trap_months(
        [(r.created_at.astimezone(zone).strftime("%Y-%m"), r.traps) for r in done], keep=6)
    emotions = Emotion.objects.filter(user=user, record__status=Status.DONE).values_list("record_id", "before", "after")
    drop = patterns.emotion_drop(list(emotions))
    return Patterns(months=months.months, rows=months.rows, totals=months.totals,
                    chart_height=patterns.chart_height(len(months.totals)), drop=drop, finished=len(done))


def known_trap(trap: str) -> bool:
    return trap in TRAP_IDS
