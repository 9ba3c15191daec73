"""Writes for the journal. Every free-text write passes the safety guard first; the entry is always saved."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rebond.core.fields import FREE_TEXT_LIMIT
from rebond.journal import catalogue
from rebond.journal.models import JournalEntry, Kind
from rebond.practice.services import user_today
from rebond.safety.guard import GuardResult, guard_for

TOP_STRENGTHS = 5
# Words said beside a field, here and by the web form, so a person reads the same fix wherever they write.
PICK_PROMPT = "Pick one of the prompts for this kind of entry, or leave it empty."
PICK_STRENGTHS = "Pick strengths from the list of 24."
FUTURE_DAY = "The date can't be in the future — pick today or an earlier day."
EMPTY_BODY: dict[str, str] = {
    Kind.NARRATIVE: "Write the story first, in your own words. The retelling can come later.",
}


def empty_body_words(kind: str) -> str:
    return EMPTY_BODY.get(kind, "Write a few words first. One line is plenty.")


def _clean_strengths(kind: str, chosen: Any) -> list[str]:
    if chosen and not isinstance(chosen, list | tuple):
        raise ValidationError({"strengths": ["Strengths come as a list of names from the list of 24."]})
    chosen = list(dict.fromkeys(str(s) for s in (chosen or [])))
    if kind not in Kind.values:  # refused by _check, in its own words
        return []
    if kind != Kind.STRENGTHS:
        if chosen:
            raise ValidationError({"strengths": ["Strengths go in a strengths entry."]})
        return []
    known = {s.slug for s in catalogue.strengths()}
    unknown = [s for s in chosen if s not in known]
    if unknown:
        raise ValidationError({"strengths": [PICK_STRENGTHS]})
    if not chosen:
        raise ValidationError({"strengths": ["Choose the strengths that feel most like you — up to five."]})
    if len(chosen) > TOP_STRENGTHS:
        raise ValidationError({"strengths": [f"Choose up to five. You picked {len(chosen)}; "
                                             "leave out the ones that feel least like you."]})
    return chosen


def _imported_prompt(kind: str, prompt: Any) -> str:
    """A prompt in an older export may have been reworded since: it was only our own words, so it is left off
    rather than refusing the person's file."""
    try:
        return _clean_prompt(kind, prompt)
    except ValidationError:
        return ""


def _clean_prompt(kind: str, prompt: Any) -> str:
    """The prompt is a choice from the kind's set in rebond/content, never free text: free text would have to be
    sealed and crisis-checked, and no page lets a person write their own prompt."""
    prompt = str(prompt or "").strip()
    if not prompt or kind not in Kind.values:  # an unknown kind is refused by _check, in its own words
        return ""
    prompt_set = catalogue.prompt_set(kind)
    if prompt_set is None or prompt not in prompt_set.prompts:
        raise ValidationError({"prompt": [PICK_PROMPT]})
    return prompt


def _check(entry: JournalEntry, *, latest: date | None = None) -> None:
    """``latest``: the last allowed day (default today where the person is)."""
    if entry.kind not in Kind.values:
        raise ValidationError({"kind": ["Pick one of the journal kinds."]})
    if entry.kind != Kind.STRENGTHS and not (entry.body or "").strip():
        raise ValidationError({"body": [empty_body_words(entry.kind)]})
    for field in ("body", "retelling"):
        length = len(getattr(entry, field) or "")
        if length > FREE_TEXT_LIMIT:
            raise ValidationError({field: [f"This has {length:,} characters. Keep it to {FREE_TEXT_LIMIT:,} or "
                                           "fewer. You could move the rest to a new entry."]})
    if entry.retelling and entry.kind != Kind.NARRATIVE:
        raise ValidationError({"retelling": ["A retelling belongs to a story entry."]})
    if entry.believable is not None and entry.kind != Kind.AFFIRMATIONS:
        raise ValidationError({"believable": ["How believable it is goes with an entry of your own words (affirmations)."]})
    if entry.on > (latest or user_today(entry.user)):
        raise ValidationError({"on": [FUTURE_DAY]})
    entry.full_clean()


def entry_create(*, user: Any, kind: str, body: str = "", retelling: str = "", prompt: str = "",
                 strengths: list[str] | None = None, believable: int | None = None,
                 on: date | None = None) -> tuple[JournalEntry, GuardResult]:
    result = guard_for(user, body, retelling)
    entry = JournalEntry(user=user, kind=kind, body=body or "", retelling=retelling or "",
                         prompt=_clean_prompt(kind, prompt), strengths=_clean_strengths(kind, strengths),
                         believable=believable, on=on or user_today(user))
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
    if prompt is not UNSET and (prompt or "") != entry.prompt:  # a prompt kept as it was stays, even if reworded since
        entry.prompt = _clean_prompt(entry.kind, prompt)
    if strengths is not UNSET:
        entry.strengths = _clean_strengths(entry.kind, strengths)
    if believable is not UNSET:
        entry.believable = believable
    elif entry.kind != Kind.AFFIRMATIONS:
        entry.believable = None  # a stray number on another kind (never shown) is dropped, not a reason to refuse
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


def _imported(user: Any, item: Any) -> JournalEntry:
    """One exported entry, checked exactly as a new one is."""
    kind = str(item["kind"])
    entry = JournalEntry(user=user, kind=kind, on=date.fromisoformat(item["on"]),
                         prompt=_imported_prompt(kind, item.get("prompt")), body=str(item.get("body") or ""),
                         retelling=str(item.get("retelling") or ""),
                         strengths=_clean_strengths(kind, item.get("strengths")),
                         believable=item.get("believable"))
    # An export's "today" may be tomorrow here (it came from a time zone further east): allow any day that has
    # begun somewhere on Earth (UTC+14), so moving or changing a time zone never blocks an import.
    _check(entry, latest=(timezone.now() + timedelta(hours=14)).date())
    return entry


def import_all(user: Any, data: Any) -> int:
    """Add exported entries to this account, checked as new entries are: one that doesn't fit and nothing is added.

    Not re-checked for crisis words: they were when first written.
    """
    if not isinstance(data, dict):
        return 0
    items = data.get("entries") or []
    if not isinstance(items, list):
        raise ValidationError({"journal": ["The journal entries in this file can't be read."]})
    with transaction.atomic():
        for number, item in enumerate(items, start=1):
            try:
                entry = _imported(user, item)
            except ValidationError as exc:
                raise ValidationError({f"journal.{field}": [f"Journal entry {number}: {m}" for m in messages]
                                       for field, messages in exc.message_dict.items()}) from exc
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise ValidationError({"journal": [f"Journal entry {number} in this file can't be read."]}) from exc
            entry.save()
    return len(items)
