"""Pure rules for promises: recurrence, frequency, safety promises, right-sizing and the chart's geometry."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

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
    # the audit's misses (issue 3)
    "No more cutting", "I won't cut", "Stay clean from cutting", "I won't take too many pills",
    "I won't starve myself", "No purging after meals", "I will not end it", "I won't make an attempt",
    # "Hit myself with the gym" says hitting yourself; a rewording ("Hit the gym") costs less than a missed one
    "Hit myself with the gym",
    # a probe written after the held-out list was met: the general forms these stand for
    "I won't slit my wrists", "Stop skipping meals to punish my body", "I won't jump off the bridge",
    "Stay safe when I feel like giving up", "Stop making myself sick after dinner", "Keep away from razors tonight",
    "Stop cutting and call someone instead", "No more o.d. nights",
])
def test_safety_promises_are_recognised(text: str) -> None:
    assert rules.is_safety_promise(text)


@pytest.mark.parametrize("text", [
    "Walk for ten minutes", "Cut myself some slack on Sundays", "Call my sister", "Drink water", "Stop hitting snooze",
    "Keep the kitchen safe for the kids",
    # the audit's wrongly caught ones: safety at something you do, and "alive to" (noticing)
    "Stay safe on the bike: wear a helmet", "Remain safe while driving: no phone", "Stay alive to the little things",
    "Hit the gym", "No more cutting and pasting", "Stay safe while cycling to work", "Don't purge the closet yet",
    "No more cutting remarks to my brother", "Make one attempt at calling the bank",
])
def test_everyday_promises_are_not_safety_promises(text: str) -> None:
    assert not rules.is_safety_promise(text)


def test_what_the_crisis_check_reads_as_self_harm_is_a_safety_promise() -> None:
    """Phrasing the promise patterns don't know still counts when the crisis check hears self-harm in it."""
    from rebond.domain import crisis

    text = "Stop wanting to die"
    assert crisis.check(text).categories & {"ideation"}
    assert rules.is_safety_promise(text)


def test_the_held_out_list_meets_its_goal() -> None:
    """tests/data/safety_promises.yaml was written before the patterns were tuned: every safety promise in it is
    recognised, and at most one everyday look-alike is taken for one."""
    import yaml

    data = yaml.safe_load((Path(__file__).parents[1] / "data" / "safety_promises.yaml").read_text(encoding="utf-8"))
    assert len(data["safety"]) >= 30 and len(data["everyday"]) >= 30
    missed = [text for text in data["safety"] if not rules.is_safety_promise(text)]
    flagged = [text for text in data["everyday"] if rules.is_safety_promise(text)]
    assert not missed, f"safety promises not recognised: {missed}"
    assert len(flagged) <= 1, f"everyday promises taken for safety ones: {flagged}"


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
    st.lists(st.floats(0, 1), min_size=n, max_size=n), st.lists(st.floats(0, 1), min_size=n, max_size=n),
    st.lists(st.booleans(), min_size=n, max_size=n))))
def test_chart_points_stay_inside_the_drawing(data: tuple[list[float], list[float], list[bool]]) -> None:
    estimates, spread, enough = data
    n = len(estimates)
    days = [date(2026, 1, 1) + timedelta(days=i) for i in range(n)]
    lows = [max(0.0, e - s / 2) for e, s in zip(estimates, spread, strict=True)]
    highs = [min(1.0, e + s / 2) for e, s in zip(estimates, spread, strict=True)]
    drawn = chart.build(days, estimates, lows, highs, enough=enough)
    points = [tuple(map(float, p.split(","))) for line in drawn.lines for p in line.split()]
    band = [tuple(map(float, p.split(","))) for area in drawn.bands for p in area.split()]
    # every day with enough evidence next to another such day is drawn, and no other day
    paired = sum(1 for i, ok in enumerate(enough)
                 if ok and ((i > 0 and enough[i - 1]) or (i + 1 < n and enough[i + 1])))
    assert len(points) == paired and len(band) == 2 * paired
    for x, y in points + band:
        assert chart.LEFT - 0.05 <= x <= chart.WIDTH - chart.RIGHT + 0.05
        assert chart.TOP - 0.05 <= y <= chart.HEIGHT - chart.BOTTOM + 0.05
    assert drawn.ticks[0][1] == f"{days[0]:%-d %b}" and drawn.ticks[-1][1] == f"{days[-1]:%-d %b}"
    xs = [x for x, _, _ in drawn.ticks]
    assert all(b - a >= chart.MIN_TICK_GAP for a, b in zip(xs, xs[1:], strict=False)), "labels never overlap"


# --- any start a date can hold; rules that never come due; walking only near the days asked about (issue 3) ----

WIDE_RULES = st.sampled_from([
    "FREQ=DAILY", "FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=DAILY;INTERVAL=3", "FREQ=MONTHLY",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU", "FREQ=DAILY;COUNT=5", "FREQ=WEEKLY;INTERVAL=3", "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=TU,SU", "FREQ=DAILY;INTERVAL=5;BYDAY=MO",
    "FREQ=DAILY;UNTIL=20280101", "FREQ=WEEKLY;COUNT=20;BYDAY=TU", "FREQ=DAILY;BYMONTH=2,3", "FREQ=YEARLY",
])
ANY_DAY = st.dates(min_value=date.min, max_value=date.max)


def walked(rule: str, start: date, first: date, last: date) -> list[date]:
    """The plain way: dateutil walking every period from the start."""
    from datetime import datetime, time

    from dateutil.rrule import rrulestr

    low = max(first, start)
    if low > last:
        return []
    parsed = rrulestr(rule, dtstart=datetime.combine(start, time()))
    found = parsed.between(datetime.combine(low, time()), datetime.combine(last, time()), inc=True)
    return sorted({moment.date() for moment in found})


@settings(max_examples=150, deadline=None)
@given(rule=WIDE_RULES, start=st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 12, 31)),
       offset=st.integers(-40, 3000), span=st.integers(0, 60))
def test_occurrences_equal_a_walk_from_the_start(rule: str, start: date, offset: int, span: int) -> None:
    first = start + timedelta(days=offset)
    last = first + timedelta(days=span)
    assert rules.occurrences(rule, start, None, first, last) == walked(rule, start, first, last)


@settings(max_examples=80, deadline=None)
@given(rule=WIDE_RULES, start=ANY_DAY)
def test_frequency_is_defined_for_any_start_a_date_can_hold(rule: str, start: date) -> None:
    f = rules.frequency(rule, start)
    assert 0 < f <= 1
    # the calendar repeats every 400 years, so the rate does too
    other = start.replace(year=start.year - 400) if start.year > 400 else start.replace(year=start.year + 400)
    assert rules.frequency(rule, other) == f


def test_far_future_start_no_longer_overflows() -> None:
    assert rules.frequency("FREQ=DAILY", date.max) == 1.0
    assert rules.frequency("FREQ=WEEKLY;BYDAY=MO,WE,FR", date(9999, 12, 31)) == pytest.approx(3 / 7, abs=1e-3)
    assert rules.occurrences("FREQ=DAILY", date(9999, 12, 30), None, date(9999, 12, 1), date.max) == [
        date(9999, 12, 30), date(9999, 12, 31)]
    assert list(rules.days_between(date(9999, 12, 30), date.max)) == [date(9999, 12, 30), date.max]


@pytest.mark.parametrize(("rule", "period"), [("FREQ=DAILY", 1), ("FREQ=DAILY;INTERVAL=3", 3),
                                              ("FREQ=WEEKLY;BYDAY=MO,WE", 7), ("FREQ=WEEKLY;INTERVAL=2", 14)])
def test_a_long_history_is_walked_from_near_the_window(rule: str, period: int) -> None:
    low = date(2026, 6, 15)
    begin = rules._walk_start(rule, date(1, 1, 1), low)
    assert 0 <= (low - begin).days < period
    assert (begin - date(1, 1, 1)).days % period == 0  # whole periods, so the same days stay due
    # COUNT counts from the first day, so such a rule is still walked from its start
    assert rules._walk_start(rule + ";COUNT=3", date(1, 1, 1), low) == date(1, 1, 1)
    assert rules.occurrences(rule, date(1, 1, 1), None, low, low + timedelta(days=13)) == walked(
        rule, low - timedelta(days=(low - date(1, 1, 1)).days % period), low, low + timedelta(days=13))


@pytest.mark.parametrize(("rule", "ends_on"), [
    ("FREQ=DAILY;UNTIL=20200101", None),  # UNTIL before the start
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", None),  # February 30th
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", None),
    ("FREQ=MONTHLY;BYMONTH=4,6;BYMONTHDAY=31", None),
    ("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=-30", None),
    ("FREQ=WEEKLY;BYDAY=SU", START + timedelta(days=5)),  # the end comes before the first Sunday
    ("FREQ=MONTHLY;INTERVAL=12;BYMONTH=6", None),  # every 12 months from March: never June
])
def test_rules_that_never_come_due_have_no_first_day(rule: str, ends_on: date | None) -> None:
    assert rules.first_due(rule, START, ends_on) is None


@pytest.mark.parametrize(("rule", "first"), [
    ("FREQ=DAILY", START), ("FREQ=WEEKLY;BYDAY=SU", date(2026, 3, 8)), ("", START),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", date(2028, 2, 29)), ("FREQ=MONTHLY;BYMONTHDAY=31", date(2026, 3, 31)),
])
def test_first_due_day(rule: str, first: date) -> None:
    assert rules.first_due(rule, START, None) == first


@settings(max_examples=60, deadline=None)
@given(rule=WIDE_RULES, start=st.dates(min_value=date(1900, 1, 1), max_value=date(2040, 12, 31)))
def test_first_due_is_the_first_occurrence(rule: str, start: date) -> None:
    found = rules.first_due(rule, start, None)
    window = rules.occurrences(rule, start, None, start, start + timedelta(days=rules.FIRST_DUE_YEARS * 366))
    assert found == (window[0] if window else None)


def test_describe_rule_says_when_it_ends() -> None:
    assert rules.describe_rule("FREQ=DAILY;UNTIL=20270303", START) == "every day, until 3 Mar 2027"
    assert rules.describe_rule("FREQ=WEEKLY;BYDAY=MO;COUNT=10", START) == "on Mon, 10 times"
    assert rules.describe_rule("FREQ=DAILY;COUNT=1", START) == "once, on Mon 2 Mar"
    assert rules.describe_rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", START) == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"
