"""Pure rules for promises: recurrence, frequency, safety promises, right-sizing and the chart's geometry."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rebond.domain import promises as rules
from rebond.promises import chart


@pytest.fixture(autouse=True)
def _fast_hashing() -> None:
    """Pure tests: no Django settings needed (shadows the conftest fixture)."""


START = date(2026, 3, 2)  # a Monday


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("FREQ=DAILY", 1.0),
        ("RRULE:FREQ=DAILY", 1.0),
        ("FREQ=WEEKLY", 1 / 7),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", 3 / 7),
        ("FREQ=DAILY;INTERVAL=2", 0.5),
        ("", 1.0),
    ],
)
def test_frequency_follows_the_clarifications(rule: str, expected: float) -> None:
    assert rules.frequency(rule, START) == pytest.approx(expected, abs=1e-3)


def test_monthly_is_about_one_in_thirty() -> None:
    assert 1 / 32 < rules.frequency("FREQ=MONTHLY", START) < 1 / 29


@pytest.mark.parametrize("bad", ["FREQ=HOURLY", "nonsense", "FREQ=DAILY;BYDAY=XX", "FREQ=DAILY;INTERVAL=0",
                                 "DTSTART:20200101T000000\nRRULE:FREQ=DAILY", "FREQ=WEEKLY;UNTIL=notadate"])
def test_invalid_rules_are_refused_in_plain_words(bad: str) -> None:
    with pytest.raises(rules.RuleError) as info:
        rules.parse_rule(bad, START)
    assert "FREQ=" in info.value.message


def test_occurrences_respect_start_end_and_the_rule() -> None:
    days = rules.occurrences("FREQ=WEEKLY;BYDAY=MO,WE,FR", START, date(2026, 3, 11), date(2026, 2, 1), date(2026, 4, 1))
    assert days == [date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 6), date(2026, 3, 9), date(2026, 3, 11)]
    assert rules.occurrences("", START, None, START, START + timedelta(days=5)) == [START]
    assert rules.occurrences("", START, None, START + timedelta(days=1), START + timedelta(days=5)) == []


def test_previous_occurrences_count_back() -> None:
    got = rules.previous_occurrences("FREQ=WEEKLY;BYDAY=MO,WE,FR", START, None, date(2026, 3, 13), 4)
    assert got == [date(2026, 3, 6), date(2026, 3, 9), date(2026, 3, 11), date(2026, 3, 13)]


def test_describe_rule_in_words() -> None:
    assert rules.describe_rule("FREQ=DAILY", START) == "every day"
    assert rules.describe_rule("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", START) == "on weekdays"
    assert rules.describe_rule("FREQ=WEEKLY;BYDAY=MO,WE", START) == "on Mon, Wed"
    assert rules.describe_rule("", START).startswith("once")


@pytest.mark.parametrize("text", [
    "I won't hurt myself", "I won\u2019t hurt myself tonight", "No self-harm this week", "Stay safe",
    "Keep myself safe until Monday", "I will not kill myself", "not cut myself", "Stay alive for my cat",
])
def test_safety_promises_are_recognised(text: str) -> None:
    assert rules.is_safety_promise(text)


@pytest.mark.parametrize("text", [
    "Walk for ten minutes", "Cut myself some slack on Sundays", "Call my sister", "Drink water", "Stop hitting snooze",
    "Keep the kitchen safe for the kids",
])
def test_everyday_promises_are_not_safety_promises(text: str) -> None:
    assert not rules.is_safety_promise(text)


def test_right_sizing_needs_seven_and_under_half() -> None:
    assert rules.right_sizing([("missed", None)] * 6) is None
    found = rules.right_sizing([("missed", None)] * 4 + [("kept", None)] * 3)
    assert found == rules.RightSizing(kept=3.0, considered=7)
    assert rules.right_sizing([("missed", None)] * 3 + [("kept", None)] * 4) is None
    # resting and letting go don't count against a promise
    assert rules.right_sizing([("excused", None)] * 10 + [("kept", None)] * 2) is None
    # partial days count their value
    assert rules.right_sizing([("partial", 0.5)] * 8) is None
    assert rules.right_sizing([("partial", 0.4)] * 8) == rules.RightSizing(kept=pytest.approx(3.2), considered=8)


def test_smaller_size() -> None:
    assert rules.smaller_size("stretch") == "small"
    assert rules.smaller_size("small") == "tiny"
    assert rules.smaller_size("tiny") is None


RULES = st.sampled_from(["", "FREQ=DAILY", "FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=DAILY;INTERVAL=3",
                         "FREQ=MONTHLY", "FREQ=WEEKLY;BYDAY=SA,SU", "FREQ=DAILY;COUNT=5"])
DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=60, deadline=None)
@given(rule=RULES, start=DAYS, span=st.integers(0, 120), offset=st.integers(-30, 200))
def test_occurrences_stay_inside_the_window_and_match_is_due(rule: str, start: date, span: int, offset: int) -> None:
    first = start + timedelta(days=offset)
    last = first + timedelta(days=span)
    days = rules.occurrences(rule, start, None, first, last)
    assert days == sorted(set(days))
    assert all(first <= d <= last and d >= start for d in days)
    for d in days[:5]:
        assert rules.is_due(rule, start, None, d)


@settings(max_examples=40, deadline=None)
@given(rule=RULES, start=DAYS)
def test_frequency_is_a_rate_per_day(rule: str, start: date) -> None:
    assert 0 < rules.frequency(rule, start) <= 1


OUTCOME = st.tuples(st.sampled_from(rules.OUTCOMES), st.floats(0, 1))


@settings(max_examples=100, deadline=None)
@given(st.lists(OUTCOME, max_size=30))
def test_right_sizing_only_speaks_with_enough_evidence_and_a_low_rate(outcomes: list[tuple[str, float]]) -> None:
    found = rules.right_sizing(outcomes)
    if found is not None:
        assert found.considered >= rules.RIGHT_SIZE_MIN
        assert found.kept < found.considered / 2
        assert found.considered <= rules.RIGHT_SIZE_WINDOW


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 120).flatmap(lambda n: st.tuples(
    st.lists(st.floats(0, 1), min_size=n, max_size=n), st.lists(st.floats(0, 1), min_size=n, max_size=n))))
def test_chart_points_stay_inside_the_drawing(data: tuple[list[float], list[float]]) -> None:
    estimates, spread = data
    n = len(estimates)
    days = [date(2026, 1, 1) + timedelta(days=i) for i in range(n)]
    lows = [max(0.0, e - s / 2) for e, s in zip(estimates, spread, strict=True)]
    highs = [min(1.0, e + s / 2) for e, s in zip(estimates, spread, strict=True)]
    drawn = chart.build(days, estimates, lows, highs)
    points = [tuple(map(float, p.split(","))) for p in drawn.line.split()]
    band = [tuple(map(float, p.split(","))) for p in drawn.band.split()]
    assert len(points) == n and len(band) == 2 * n
    for x, y in points + band:
        assert chart.LEFT - 0.05 <= x <= chart.WIDTH - chart.RIGHT + 0.05
        assert chart.TOP - 0.05 <= y <= chart.HEIGHT - chart.BOTTOM + 0.05
    assert drawn.ticks[0][1] == f"{days[0]:%-d %b}" and drawn.ticks[-1][1] == f"{days[-1]:%-d %b}"
    xs = [x for x, _, _ in drawn.ticks]
    assert all(b - a >= chart.MIN_TICK_GAP for a, b in zip(xs, xs[1:], strict=False)), "labels never overlap"
