"""How distress moved across practice sessions, said with how sure it is. Pure: plain numbers in, words out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

DISTRESS_MIN = 0
DISTRESS_MAX = 10
HELP_AT = 8  # UX.md Safety: distress 8+ after an exercise offers help
ENOUGH_SESSIONS = 3


@dataclass(frozen=True)
class Change:
    sessions: int  # sessions with both numbers
    average: float | None  # after minus before; negative means calmer
    words: str


def offers_help(after: int | None) -> bool:
    return after is not None and after >= HELP_AT


def average_change(pairs: Iterable[tuple[int, int | None]]) -> Change:
    """pairs: (before, after) per session; sessions without an "after" number are left out."""
    diffs = [after - before for before, after in pairs if after is not None]
    if not diffs:
        return Change(0, None, "Rate how you feel before and after a practice, and the change will show here.")
    average = sum(diffs) / len(diffs)
    if len(diffs) < ENOUGH_SESSIONS:
        times = "once" if len(diffs) == 1 else "twice"
        return Change(len(diffs), average, f"You have rated before and after {times} so far. "
                                           "A few more times will show a pattern.")
    size = abs(round(average, 1))
    if size < 0.5:
        said = "stayed about the same on average"
    elif average < 0:
        said = f"went down by about {size:g} points on average"
    else:
        said = f"went up by about {size:g} points on average"
    return Change(len(diffs), average, f"Across {len(diffs)} practices, your distress {said}.")
