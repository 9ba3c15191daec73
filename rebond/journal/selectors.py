"""Reads for the journal. Search opens the person's own entries and matches in Python: sealed text can't be
searched in SQL, and that is the point."""

from __future__ import annotations

import unicodedata
from typing import Any

from rebond.journal.models import JournalEntry

SEARCH_SCAN_LIMIT = 5000


def entry_get(*, user: Any, entry_id: int) -> JournalEntry:
    """The person's own entry; JournalEntry.DoesNotExist (a 404) for anyone else's."""
    return JournalEntry.objects.get(pk=entry_id, user=user)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def matches(entry: JournalEntry, words: list[str]) -> bool:
    haystack = _fold(" ".join([entry.body or "", entry.retelling or "", entry.prompt or "",
                               entry.get_kind_display(), " ".join(entry.strengths or [])]))
    return all(word in haystack for word in words)


def entry_list(*, user: Any, q: str = "", kind: str = "", limit: int = 20, offset: int = 0
               ) -> tuple[list[JournalEntry], int]:
    rows = JournalEntry.objects.filter(user=user)
    if kind:
        rows = rows.filter(kind=kind)
    rows = rows.order_by("-on", "-id")
    words = [_fold(w) for w in (q or "").split() if w.strip()]
    if not words:
        return list(rows[offset:offset + limit]), rows.count()
    found = [entry for entry in rows[:SEARCH_SCAN_LIMIT] if matches(entry, words)]
    return found[offset:offset + limit], len(found)
