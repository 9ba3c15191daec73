"""Reads for the journal. Search opens the person's own entries and matches in Python: sealed text can't be
searched in SQL, and that is the point."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from rebond.journal import catalogue
from rebond.journal.models import JournalEntry

SEARCH_SCAN_LIMIT = 5000


def entry_get(*, user: Any, entry_id: int) -> JournalEntry:
    """The person's own entry; JournalEntry.DoesNotExist (a 404) for anyone else's."""
    return JournalEntry.objects.get(pk=entry_id, user=user)


def entry_for_change(*, user: Any, entry_id: int) -> JournalEntry:
    """The person's own entry, to change or delete. PermissionDenied (403) for someone the owner shares the
    journal with (a share is read-only); JournalEntry.DoesNotExist (404) for anyone else."""
    from rebond.care import access

    try:
        return JournalEntry.objects.get(pk=entry_id, user=user)
    except JournalEntry.DoesNotExist:
        owner_id = JournalEntry.objects.filter(pk=entry_id).values_list("user_id", flat=True).first()
        access.refuse_shared_write(user, owner_id, "journal")
        raise


def who_reads(*, user: Any, alone: str = catalogue.ONLY_YOU) -> str:
    """Who can read this person's journal, in words: `alone` when nobody else can, else the names of the people
    they share it with (their care circle, scope "journal")."""
    from rebond.care.selectors import journal_viewers

    return catalogue.who_reads(journal_viewers(user=user), alone=alone)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def matches(entry: JournalEntry, words: list[str]) -> bool:
    haystack = _fold(" ".join([entry.body or "", entry.retelling or "", entry.prompt or "",
                               entry.get_kind_display(), " ".join(entry.strengths or [])]))
    return all(word in haystack for word in words)


@dataclass(frozen=True)
class SearchPage:
    """One page of a search. Sealed text is opened to be searched, so one search looks at SEARCH_SCAN_LIMIT entries
    at most (newest first, from scan_from); when older entries were left out, next_scan_from says where to go on."""

    items: list[JournalEntry]
    count: int
    scan_from: int = 0
    next_scan_from: int | None = None

    @property
    def complete(self) -> bool:
        return self.scan_from == 0 and self.next_scan_from is None


def entry_search(*, user: Any, q: str = "", kind: str = "", limit: int = 20, offset: int = 0, scan_from: int = 0
                 ) -> SearchPage:
    rows = JournalEntry.objects.filter(user=user)
    if kind:
        rows = rows.filter(kind=kind)
    rows = rows.order_by("-on", "-id")
    words = [_fold(w) for w in (q or "").split() if w.strip()]
    if not words:
        return SearchPage(list(rows[offset:offset + limit]), rows.count())
    scan_from = max(0, scan_from)
    window = list(rows[scan_from:scan_from + SEARCH_SCAN_LIMIT + 1])  # one more tells whether older ones are left
    more = len(window) > SEARCH_SCAN_LIMIT
    found = [entry for entry in window[:SEARCH_SCAN_LIMIT] if matches(entry, words)]
    return SearchPage(found[offset:offset + limit], len(found), scan_from,
                      scan_from + SEARCH_SCAN_LIMIT if more else None)


def entry_list(*, user: Any, q: str = "", kind: str = "", limit: int = 20, offset: int = 0
               ) -> tuple[list[JournalEntry], int]:
    page = entry_search(user=user, q=q, kind=kind, limit=limit, offset=offset)
    return page.items, page.count
