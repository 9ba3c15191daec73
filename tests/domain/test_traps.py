"""Behaviour of the thinking-trap suggester (rebond.domain.traps)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebond.domain import traps
from rebond.domain.traps import (
    HELD_BACK_WHEN_HARMED,
    TRAP_IDS,
    LabelledExample,
    TrapSuggester,
    TrapSuggestion,
    describes_being_harmed,
    load_examples,
    suggest,
    trap_library,
)

# Written for these tests; none of them is in content/trap_examples.yaml (checked below).
CLEAR_CASES: dict[str, list[str]] = {
    "all_or_nothing": [
        "I skipped one class, so the whole semester is a write-off.",
        "Either I do my routine perfectly or I might as well not do it.",
        "I missed one payment and now my budget is completely ruined.",
        "One bad conversation with him and the friendship is pointless.",
    ],
    "overgeneralizing": [
        "My plant died. I always kill everything I touch.",
        "Nobody ever texts me first.",
        "Every time I try to eat healthy I fail within a day.",
        "He forgot again. People never remember what matters to me.",
    ],
    "labeling": [
        "I forgot my keys again, I'm such a moron.",
        "He broke his promise. He's a total fraud.",
        "I'm pathetic for still missing her.",
        "Didn't do my chores. I'm a useless person.",
    ],
    "fortune_telling": [
        "I'm never going to pass my driving test.",
        "If I call her, she'll just hang up on me.",
        "This therapy won't work for me either, I just know it.",
        "Tomorrow's meeting is going to go terribly.",
    ],
    "mind_reading": [
        "My neighbour didn't wave back. He must think I'm rude.",
        "Everyone in class is judging my accent.",
        "My partner is quiet. I know she's secretly angry with me.",
        "My friends probably think I'm a drag.",
    ],
    "emotional_reasoning": [
        "I feel like an imposter, so I must not deserve this job.",
        "I feel guilty about saying no, so saying no must be wrong.",
        "I feel so dumb that it has to be true.",
        "I feel like nobody wants me at the party, so it must be true.",
    ],
    "should_statements": [
        "I should have finished this weeks ago.",
        "I must always be the strong one.",
        "My sister ought to call me more often.",
        "I'm supposed to have my life sorted by 35.",
    ],
    "personalizing": [
        "My coworker seems stressed. It's probably because of me.",
        "Our dinner party was a flop and it's all my fault.",
        "If I had been a better friend, she wouldn't have moved away.",
        "My son failed his test; I let him down.",
    ],
    "disqualifying_the_positive": [
        "I finished the marathon but it was only luck with the weather.",
        "He complimented my cooking, but he's just being polite.",
        "I kept my promise to rest today, but it doesn't really count.",
        "Yes I got the scholarship, but anyone could have.",
    ],
    "catastrophizing": [
        "If I fail this class my life is over.",
        "One bad review and my business is doomed.",
        "The car made a weird noise, it's going to be a disaster.",
        "My flight is delayed and the whole trip will be a nightmare I can't cope with.",
    ],
    "comparing_and_despairing": [
        "All my friends have kids already and I'm still single.",
        "My colleague is so much more confident than me.",
        "Scrolling Instagram I see everyone else traveling the world.",
        "Why can't I be as calm as my sister?",
    ],
    "blaming": [
        "It's my roommate's fault I never get any sleep.",
        "My ex is the reason I can't open up to anyone.",
        "If my parents had supported me, I'd have finished school.",
        "My boss makes my life miserable.",
    ],
    "negative_feeling_or_emotion": [
        "I'm so lonely tonight.",
        "I feel anxious all the time about money.",
        "I'm really sad about my grandma.",
        "I can't stop worrying about the move.",
    ],
}

HARMED_CASES = [
    "My husband hit me when I burned dinner and said I deserved it.",
    "She threatens to kick me out if I see my friends, and I'm so scared.",
    "I'm scared of him when he comes home angry; he pushed me last week.",
    "My girlfriend slapped me and now I think it's my fault and it will happen again.",
    "He made me afraid to speak at home.",
    "my stepdad hurt me when i was little and everyone thinks i'm making it up",
]

NOT_HARMED_CASES = [
    "It hit me today how much I've grown.",
    "My coach pushed me to keep going and I did it.",
    "I'm scared of spiders.",
    "The news really hit me hard.",
    "I'm afraid of failing my exam.",
    "I was hit by a car last year and I still feel nervous crossing roads.",
]


def _ids(suggestions: list[TrapSuggestion]) -> list[str]:
    return [s.id for s in suggestions]


@pytest.mark.parametrize(
    "text",
    [
        "I always mess up and I should be better by now.",
        "hi",
        "My friend didn't reply.",
        "x" * 5000,
        "I kept my promise today.",
    ],
)
def test_returns_all_13_sorted_with_scores_in_range_and_reasons(text: str) -> None:
    result = suggest(text)
    assert sorted(_ids(result)) == sorted(TRAP_IDS)
    scores = [s.score for s in result]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert all(s.reason.strip() for s in result)
    names = {t.id: t.name for t in trap_library().values()}
    assert all(s.name == names[s.id] for s in result)


@pytest.mark.parametrize(
    ("trap_id", "text"), [(trap_id, text) for trap_id, texts in CLEAR_CASES.items() for text in texts]
)
def test_clear_cues_rank_the_right_trap_in_the_top_three(trap_id: str, text: str) -> None:
    assert trap_id in _ids(suggest(text))[:3]


def test_clear_cases_are_fresh_not_training_examples() -> None:
    known = {e.text.strip().lower() for e in load_examples()}
    fresh = [t for texts in CLEAR_CASES.values() for t in texts] + HARMED_CASES + NOT_HARMED_CASES
    assert not [t for t in fresh if t.strip().lower() in known]


@pytest.mark.parametrize(
    ("text", "trap_id", "word"),
    [
        ("I always ruin birthdays.", "overgeneralizing", '"always"'),
        ("I should call her back.", "should_statements", '"should"'),
        ("I'm such an idiot.", "labeling", "idiot"),
        ("What if the test goes badly?", "fortune_telling", '"What if"'),
        ("They think I'm weird.", "mind_reading", "They think"),
    ],
)
def test_reason_quotes_the_words_that_triggered_it(text: str, trap_id: str, word: str) -> None:
    reason = next(s.reason for s in suggest(text) if s.id == trap_id)
    assert word in reason


def test_reason_is_neutral_when_nothing_points_to_a_trap() -> None:
    reasons = [s.reason for s in suggest("🙂")]
    assert all('"' not in reason for reason in reasons)


@pytest.mark.parametrize("text", HARMED_CASES)
def test_text_about_being_harmed_never_gets_catastrophizing_blaming_or_mind_reading(text: str) -> None:
    assert describes_being_harmed(text)
    result = suggest(text)
    last_three = result[-3:]
    assert {s.id for s in last_three} == HELD_BACK_WHEN_HARMED
    assert all(s.score == 0.0 for s in last_three)
    assert all(s.reason.startswith("Not suggested") for s in last_three)
    assert not any(s.reason.startswith("Not suggested") for s in result[:-3])


@pytest.mark.parametrize("text", NOT_HARMED_CASES)
def test_everyday_wording_is_not_taken_for_being_harmed(text: str) -> None:
    assert not describes_being_harmed(text)


def test_harm_helper_agrees_with_every_labelled_example() -> None:
    examples = load_examples()
    assert sum(e.harmed for e in examples) >= 20
    assert [e.text for e in examples if e.harmed != describes_being_harmed(e.text)] == []


def test_blaming_is_offered_when_nobody_is_described_as_harmful() -> None:
    result = suggest("It's my sister's fault the holiday went badly.")
    assert "blaming" in _ids(result)[:3]


@pytest.mark.parametrize("text", ["", "   ", "\n\t  "])
def test_empty_text_is_an_error(text: str) -> None:
    with pytest.raises(ValueError):
        suggest(text)


@pytest.mark.parametrize("text", ["😭😭😭", "Je ne vaux rien.", "我总是失败", "🙂", "\u200b x", "ßİ\u0301"])
def test_any_language_or_emoji_works(text: str) -> None:
    assert len({s.id for s in suggest(text)}) == 13


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=400).filter(lambda s: s.strip() != ""))
def test_arbitrary_unicode_never_crashes_and_returns_13_distinct_ids(text: str) -> None:
    result = suggest(text)
    assert len(result) == 13
    assert len({s.id for s in result}) == 13
    assert all(0.0 <= s.score <= 1.0 and s.reason for s in result)


def test_same_text_gives_the_same_answer() -> None:
    text = "My partner says sorry but I think he'll do it again."
    assert suggest(text) == suggest(text)


def test_suggester_trains_on_given_examples_and_refuses_missing_traps() -> None:
    with pytest.raises(ValueError):
        TrapSuggester([LabelledExample("I always fail.", ("overgeneralizing",))])
    own = TrapSuggester(load_examples())
    assert len(own.suggest("I always fail.")) == 13


def test_module_is_pure() -> None:
    lines = Path(traps.__file__).read_text(encoding="utf-8").splitlines()
    imports = [line.strip() for line in lines if line.strip().startswith(("import ", "from "))]
    assert not [line for line in imports if "django" in line or "datetime" in line or line == "import time"]
