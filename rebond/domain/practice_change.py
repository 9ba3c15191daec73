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


ROSE_BY = 3  # a rise this big after one practice is met with a calm word and a steadier next step, never praise
TOOK_THE_TIME = "Whatever the numbers say, you took the time."
WENT_UP = ("It went up this time. Some practices stir things up, and that's not your fault. If you'd like, try "
           "5-4-3-2-1 senses with your eyes open, to come back to the room you're in.")


def offers_help(after: int | None) -> bool:
    return after is not None and after >= HELP_AT


def rose(before: int, after: int | None) -> bool:
    """Distress went up by ROSE_BY or more across one practice."""
    return after is not None and after - before >= ROSE_BY


def after_note(before: int, after: int | None) -> str:
    """What to say once a practice is saved with both numbers ("" without an after number)."""
    if after is None:
        return ""
    return WENT_UP if rose(before, after) else TOOK_THE_TIME


def saved_words(before: int, after: int | None) -> str:
    """What the web page and the CLI say once a session is saved: the numbers, then a word about them."""
    if after is None:
        return f"Saved. Distress before: {before} of 10."
    return f"Saved. Distress before: {before}, after: {after}. {after_note(before, after)}"


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
