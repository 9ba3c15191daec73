"""How far along a piece of homework is, counted from the work itself. Pure: days in, numbers and words out.

A clinician asks for some number of things (thought records, exercises, check-in days, boundary scripts, a
questionnaire); each one the person does between the day it was given and the day it is due counts, up to the number
asked for. Work done another way (on paper, in a session) is the person's to mark as done, and marking counts as done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Progress:
    counted: int  # pieces of work done in the window, at most `needed`
    needed: int
    marked_done: bool  # the person said it's done

    @property
    def complete(self) -> bool:
        return self.marked_done or self.counted >= self.needed

    @property
    def words(self) -> str:
        """"1 of 2 done" while more than one is asked for and it isn't complete; "" otherwise."""
        if self.complete or self.needed < 2:
            return ""
        return f"{self.counted} of {self.needed} done"


def progress(*, needed: int, assigned_on: date, due_on: date, work_days: Iterable[date],
             marked_done: bool = False) -> Progress:
    """`work_days`: the day of each piece of work of this homework's kind (any days; those outside the window
    from `assigned_on` to `due_on`, both included, don't count)."""
    needed = max(1, needed)
    done = sum(1 for day in work_days if assigned_on <= day <= due_on)
    return Progress(counted=min(done, needed), needed=needed, marked_done=marked_done)
