"""Homework progress from the work itself (rebond.domain.homework): only the window counts, up to what was asked."""

from __future__ import annotations

from datetime import date, timedelta

from rebond.domain.homework import progress

GIVEN, DUE = date(2026, 6, 10), date(2026, 6, 17)


def test_only_work_between_the_day_given_and_the_day_due_counts() -> None:
    days = [GIVEN - timedelta(days=1), GIVEN, DUE, DUE + timedelta(days=1)]
    p = progress(needed=3, assigned_on=GIVEN, due_on=DUE, work_days=days)
    assert (p.counted, p.needed, p.complete, p.words) == (2, 3, False, "2 of 3 done")


def test_more_work_than_asked_counts_as_what_was_asked() -> None:
    p = progress(needed=2, assigned_on=GIVEN, due_on=DUE, work_days=[GIVEN] * 5)
    assert (p.counted, p.complete, p.words) == (2, True, "")


def test_marking_it_done_is_done_whatever_was_counted() -> None:
    p = progress(needed=2, assigned_on=GIVEN, due_on=DUE, work_days=[], marked_done=True)
    assert p.complete and p.counted == 0


def test_one_thing_asked_has_no_count_in_words() -> None:
    assert progress(needed=1, assigned_on=GIVEN, due_on=DUE, work_days=[]).words == ""
    assert progress(needed=0, assigned_on=GIVEN, due_on=DUE, work_days=[GIVEN]).complete  # at least one is asked
