"""Writes for the journal. Every free-text write passes the safety guard first; the entry is always saved."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from rebond.journal import catalogue
from rebond.journal.models import JournalEntry, Kind
from rebond.practice.services import user_today
from rebond.safety.guard import GuardResult, guard_for

TOP_STRENGTHS = 5
EMPTY_BODY = {
    Kind.NARRATIVE: "Write the story first, in your own words. The retelling can come later.",
}


def _clean_strengths(kind: str, chosen: Any) -> list[str]:
    chosen = list(dict.fromkeys(str(s) for s in (chosen or [])))
    if kind != Kind.STRENGTHS:
        if chosen:
            raise ValidationError({"strengths": ["Strengths go in a strengths entry."]})
        return []
    known = {s.slug for s in catalogue.strengths()}
    unknown = [s for s in chosen if s not in known]
    if unknown:
        raise ValidationError({"strengths": ["Pick strengths from the list of 24."]})
    if not chosen:
        raise ValidationError({"strengths": ["Choose the strengths that feel most like you — up to five."]})
    if len(chosen) > TOP_STRENGTHS:
        raise ValidationError({"strengths": [f"Choose up to five. You picked {len(chosen)}; "
                                             "leave out the ones that feel least like you."]})
    return chosen


def _check(entry: JournalEntry) -> None:
    if entry.kind not in Kind.values:
        raise ValidationError({"kind": ["Pick one of the journal kinds."]})
    if entry.kind != Kind.STRENGTHS and not (entry.body or "").strip():
        message = EMPTY_BODY.get(Kind(entry.kind), "Write a few words first. One line is plenty.")
        raise ValidationError({"body": [message]})
    if entry.retelling and entry.kind != Kind.NARRATIVE:
        raise ValidationError({"retelling": ["A retelling belongs to a story entry."]})
    if entry.believable is not None and entry.kind != Kind.AFFIRMATIONS:
        entry.believable = None
    if entry.on > user_today(entry.user):
        raise ValidationError({"on": ["The date can't be in the future — pick today or an earlier day."]})
    entry.full_clean()


def entry_create(*, user: Any, kind: str, body: str = "", retelling: str = "", prompt: str = "",
                 strengths: list[str] | None = None, believable: int | None = None,
                 on: date | None = None) -> tuple[JournalEntry, GuardResult]:
    result = guard_for(user, body, retelling)
    entry = JournalEntry(user=user, kind=kind, body=body or "", retelling=retelling or "", prompt=(prompt or "")[:400],
                         strengths=_clean_strengths(kind, strengths), believable=believable,
                         on=on or user_today(user))
    _check(entry)
    with transaction.atomic():
        entry.save()
    return entry, result


UNSET: Any = object()


def entry_update(*, user: Any, entry: JournalEntry, body: Any = UNSET, retelling: Any = UNSET, prompt: Any = UNSET,
                 strengths: Any = UNSET, believable: Any = UNSET, on: Any = UNSET) -> tuple[JournalEntry, GuardResult]:
    if entry.user_id != user.pk:
        raise JournalEntry.DoesNotExist
    if body is not UNSET:
        entry.body = body or ""
    if retelling is not UNSET:
        entry.retelling = retelling or ""
    if prompt is not UNSET:
        entry.prompt = (prompt or "")[:400]
    if strengths is not UNSET:
        entry.strengths = _clean_strengths(entry.kind, strengths)
    if believable is not UNSET:
        entry.believable = believable
    if on is not UNSET and on is not None:
        entry.on = on
    result = guard_for(user, entry.body, entry.retelling)
    _check(entry)
    entry.save()
    return entry, result


def entry_delete(*, user: Any, entry: JournalEntry) -> None:
    if entry.user_id != user.pk:
        raise JournalEntry.DoesNotExist
    entry.delete()


def export_all(user: Any) -> dict[str, Any]:
    return {"entries": [
        {"kind": e.kind, "on": e.on.isoformat(), "prompt": e.prompt, "body": e.body, "retelling": e.retelling,
         "strengths": e.strengths, "believable": e.believable}
        for e in JournalEntry.objects.filter(user=user).order_by("on", "id")
    ]}


def delete_all(user: Any) -> None:
    JournalEntry.objects.filter(user=user).delete()


def import_all(user: Any, data: Any) -> int:
    """Add exported entries to this account (not re-checked for crisis words: they were when first written)."""
    if not isinstance(data, dict):
        return 0
    added = 0
    try:
        with transaction.atomic():
            for item in data.get("entries") or []:
                entry = JournalEntry(user=user, kind=str(item["kind"]), on=date.fromisoformat(item["on"]),
                                     prompt=str(item.get("prompt") or "")[:400], body=str(item.get("body") or ""),
                                     retelling=str(item.get("retelling") or ""),
                                     strengths=[str(s) for s in item.get("strengths") or []],
                                     believable=item.get("believable"))
                entry.full_clean()
                entry.save()
                added += 1
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValidationError({"journal": ["The journal entries in this file can't be read."]}) from exc
    return added
