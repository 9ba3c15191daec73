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


facts = st.builds(Facts, high_distress=st.booleans(), boundary_crossed=st.booleans(),
                  promise_missed=st.booleans(), boundary_script_available=st.booleans())


@settings(deadline=None)
@given(facts)
def test_always_one_known_practice_with_a_reason(f: Facts) -> None:
    pick = suggest(f)
    assert pick.slug in suggest_practice.SLUGS
    assert pick.reason and pick.reason == suggest_practice.REASONS[pick.slug]


@settings(deadline=None)
@given(facts)
def test_high_distress_always_means_grounding_first(f: Facts) -> None:
    assert (suggest(f).slug == suggest_practice.GROUNDING) == f.high_distress


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
    assert suggest(Facts(high_distress=True)).slug == "grounding-5-4-3-2-1"
    assert suggest(Facts(promise_missed=True)).slug == "self-compassion-break"
    assert suggest(Facts()).slug == "paced-breathing"


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
