"""The pure pieces: which practice Today suggests and why, and how distress change is put into words."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebond.domain import practice_change, suggest_practice
from rebond.domain.suggest_practice import Facts, suggest


@pytest.fixture(autouse=True)
def _fast_hashing() -> None:
    """Pure tests: no Django settings needed (shadows the conftest fixture)."""


facts = st.builds(Facts, hard_checkin=st.booleans(), hard_practice=st.booleans(), boundary_crossed=st.booleans(),
                  promise_missed=st.booleans(), boundary_script_available=st.booleans())


@settings(deadline=None)
@given(facts)
def test_always_one_known_practice_with_the_reason_of_what_fired(f: Facts) -> None:
    pick = suggest(f)
    assert pick.slug in suggest_practice.SLUGS
    assert pick.reason and pick.reason == suggest_practice.REASONS[pick.trigger]
    assert pick.slug == suggest_practice.SLUG_FOR[pick.trigger]


@settings(deadline=None)
@given(facts)
def test_high_distress_always_means_grounding_first(f: Facts) -> None:
    assert (suggest(f).slug == suggest_practice.GROUNDING) == f.high_distress == (f.hard_checkin or f.hard_practice)


@settings(deadline=None)
@given(facts)
def test_the_grounding_reason_names_only_the_sources_that_fired(f: Facts) -> None:
    pick = suggest(f)
    if pick.slug != suggest_practice.GROUNDING:
        return
    words = pick.reason.lower()
    assert ("check-in" in words) == f.hard_checkin
    assert ("practice" in words) == f.hard_practice


@settings(deadline=None)
@given(facts)
def test_script_builder_only_after_a_crossed_boundary_it_can_link_to(f: Facts) -> None:
    if suggest(f).slug == suggest_practice.BOUNDARY_SCRIPT:
        assert f.boundary_crossed and f.boundary_script_available and not f.high_distress


@settings(deadline=None)
@given(facts)
def test_missed_promise_gets_self_compassion_when_nothing_comes_first(f: Facts) -> None:
    first = f.high_distress or (f.boundary_crossed and f.boundary_script_available)
    if f.promise_missed and not first:
        assert suggest(f).slug == suggest_practice.SELF_COMPASSION


def test_the_three_rules_and_the_quiet_default() -> None:
    assert suggest(Facts(boundary_crossed=True)).slug == "boundary-script"
    assert suggest(Facts(hard_checkin=True)).slug == "grounding-5-4-3-2-1"
    assert suggest(Facts(hard_practice=True)).slug == "grounding-5-4-3-2-1"
    assert suggest(Facts(promise_missed=True)).slug == "self-compassion-break"
    assert suggest(Facts()).slug == "paced-breathing"


def test_each_trigger_has_its_own_words() -> None:
    assert set(suggest_practice.REASONS) == set(suggest_practice.SLUG_FOR)
    assert len(set(suggest_practice.REASONS.values())) == len(suggest_practice.REASONS)


@settings(deadline=None)
@given(st.integers(1, 5))
def test_low_moods_count_as_high_distress(mood: int) -> None:
    assert suggest_practice.is_high_distress(mood=mood) == (mood <= 2)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(st.integers(0, 10), st.one_of(st.none(), st.integers(0, 10))), max_size=20))
def test_average_change_counts_only_rated_sessions(pairs: list[tuple[int, int | None]]) -> None:
    change = practice_change.average_change(pairs)
    rated = [(b, a) for b, a in pairs if a is not None]
    assert change.sessions == len(rated)
    if rated:
        assert change.average == pytest.approx(sum(a - b for b, a in rated) / len(rated))
        assert -10 <= (change.average or 0) <= 10
    else:
        assert change.average is None
    assert change.words


def test_change_words_say_how_sure_they_are() -> None:
    assert "A few more" in practice_change.average_change([(6, 4)]).words
    assert "down by about 2" in practice_change.average_change([(6, 4), (5, 3), (7, 5)]).words
    assert "about the same" in practice_change.average_change([(3, 3), (4, 4), (5, 5)]).words
    assert practice_change.offers_help(8) and not practice_change.offers_help(7) and not practice_change.offers_help(None)


@pytest.mark.parametrize("before, after, went_up", [
    (3, 7, True), (5, 8, True), (0, 3, True), (4, 6, False), (7, 3, False), (5, 5, False), (6, None, False)])
def test_a_rise_of_three_or_more_is_met_calmly(before: int, after: int | None, went_up: bool) -> None:
    note = practice_change.after_note(before, after)
    assert practice_change.rose(before, after) is went_up
    assert (note == practice_change.WENT_UP) is went_up
    if not went_up:
        assert note == ("" if after is None else practice_change.TOOK_THE_TIME)
    assert "5-4-3-2-1" in practice_change.WENT_UP and "eyes open" in practice_change.WENT_UP


def test_saved_words_give_the_numbers_then_the_note() -> None:
    assert practice_change.saved_words(6, None) == "Saved. Distress before: 6 of 10."
    assert practice_change.saved_words(6, 3) == ("Saved. Distress before: 6, after: 3. "
                                                 "Whatever the numbers say, you took the time.")
    assert practice_change.saved_words(3, 7).startswith("Saved. Distress before: 3, after: 7. It went up this time.")
