"""Behaviour of the thinking-trap suggester (rebond.domain.traps)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebond.domain import crisis, traps
from rebond.domain.crisis import harmed_by_other
from rebond.domain.traps import (
    HELD_BACK_WHEN_HARMED,
    TRAP_IDS,
    LabelledExample,
    TrapSuggester,
    TrapSuggestion,
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
    assert harmed_by_other(text)
    result = suggest(text)
    last_three = result[-3:]
    assert {s.id for s in last_three} == HELD_BACK_WHEN_HARMED
    assert all(s.score == 0.0 for s in last_three)
    assert all(s.reason.startswith("Not suggested") for s in last_three)
    assert not any(s.reason.startswith("Not suggested") for s in result[:-3])


@pytest.mark.parametrize("text", NOT_HARMED_CASES)
def test_everyday_wording_is_not_taken_for_being_harmed(text: str) -> None:
    assert not harmed_by_other(text)


def test_harm_helper_agrees_with_every_labelled_example() -> None:
    """The rules agree with every label. The whole check (rules and model) finds every harmed example too, and may
    take an everyday one for harm now and then (the model learns from these lines but is a small linear model), which
    holds back three traps on that thought: at most one in a hundred."""
    examples = load_examples()
    assert sum(e.harmed for e in examples) >= 20
    assert [e.text for e in examples if e.harmed != crisis.check_rules(e.text).harmed_by_other] == []
    assert [e.text for e in examples if e.harmed and not harmed_by_other(e.text)] == []
    everyday = [e.text for e in examples if not e.harmed]
    assert sum(map(harmed_by_other, everyday)) <= len(everyday) / 100


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


# ---- harm anywhere in the record, one notion of harm, and no quotes when the crisis check fires ----------------

# Harm said only the crisis check's way, only this module's way, or both.
HARM_SENTENCES = [
    "He controls all the money.",
    "My ex keeps turning up at my flat and threatening me.",
    "My husband hit me last night.",
    "I'm terrified of my stepdad.",
    "She won't let me see my friends.",
    "He slammed my head into the door.",
]
# Thoughts full of the cues that would otherwise put the held-back traps first.
LOADED_THOUGHTS = [
    "He must think I am stupid.",
    "It's all his fault and it will be a disaster.",
    "What if it gets worse? Everyone thinks I'm overreacting.",
    "They probably think I deserve it, and I know it's going to be terrible.",
    "I know he thinks I am useless and it's her fault my life is ruined.",
]


def _suggested(result: list[TrapSuggestion]) -> set[str]:
    """What the stepper offers as suggestions: the first three that score above nothing (thoughts/views.py)."""
    return {s.id for s in result[:3] if s.score > 0}


def test_the_shared_notion_of_harm_is_the_crisis_check() -> None:
    from rebond.domain import crisis

    text = "He controls all the money and I know he thinks I am stupid"
    assert crisis.check(text).harmed_by_other
    assert harmed_by_other(text)
    result = suggest(text)
    assert result[0].id != "mind_reading"
    assert {s.id for s in result[-3:]} == HELD_BACK_WHEN_HARMED
    assert not harmed_by_other("")


@pytest.mark.parametrize("situation", HARM_SENTENCES)
def test_harm_told_only_in_the_situation_holds_back_the_same_traps(situation: str) -> None:
    thought = "He must think I'm stupid, it's all his fault and it will be a disaster."
    assert not harmed_by_other(thought)
    assert HELD_BACK_WHEN_HARMED & _suggested(suggest(thought))  # without the situation they would be offered
    result = suggest(thought, context=situation)
    assert {s.id for s in result[-3:]} == HELD_BACK_WHEN_HARMED
    assert all(s.score == 0.0 for s in result[-3:])
    assert not HELD_BACK_WHEN_HARMED & _suggested(result)


@given(
    st.sampled_from(HARM_SENTENCES),
    st.sampled_from(LOADED_THOUGHTS),
    st.sampled_from(["thought", "situation", "both"]),
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_harmed_text_never_gets_the_held_back_traps_offered(harm: str, thought: str, where: str) -> None:
    text = f"{harm} {thought}" if where in ("thought", "both") else thought
    context = harm if where in ("situation", "both") else "We were at home."
    result = suggest(text, context=context)
    assert not HELD_BACK_WHEN_HARMED & _suggested(result)
    assert {s.id for s in result[-3:]} == HELD_BACK_WHEN_HARMED
    assert all(s.score == 0.0 and s.reason.startswith("Not suggested") for s in result[-3:])


@pytest.mark.parametrize(("text", "context"), [
    ("I am such a burden to everyone.", ""),
    ("I'm such an idiot, I always mess up.", "I want to die."),
])
def test_reasons_never_quote_the_person_when_the_crisis_check_fires(text: str, context: str) -> None:
    result = suggest(text, context=context)
    assert not any('"' in s.reason for s in result)
    for word in ("burden", "idiot", "always"):
        assert not any(word in s.reason for s in result)
    assert any(s.reason == traps._reasons()["cue_unquoted"] for s in result)


def test_reasons_still_quote_the_person_when_nothing_fires() -> None:
    result = suggest("I'm such an idiot, I always mess up.", context="I dropped a glass at work.")
    assert any('"' in s.reason for s in result)


# ---- reasons name the person's own words that weigh most in the model's score ---------------------------------

def _shares(text: str) -> dict[str, Any]:
    reading = traps._default_suggester()._weights.read(traps._normalise(text))
    return {word: reading.shares[:, i] for i, word in enumerate(reading.words)}


def test_word_shares_add_up_to_the_model_score() -> None:
    # The model is linear, so each word's share is exact: together they are the score above the model's baseline.
    text = "my boss ignored me again today and i feel like a total fraud at work"
    suggester = traps._default_suggester()
    raw = suggester._pipeline.predict([traps._normalise(text)])[0]
    reading = suggester._weights.read(traps._normalise(text))
    assert reading.scores == pytest.approx(raw, abs=1e-9)
    baseline = suggester._pipeline.named_steps["regressor"].transformer_.mean_
    assert sum(_shares(text).values()) == pytest.approx(raw - baseline, abs=1e-9)


# Thoughts of every kind, written for these tests: some quote a word, most don't.
QUOTE_CASES = [
    "My coworker complained to the manager about my report.",
    "It's all my fault because I was in a bad mood.",
    "I feel stupid, so I must be stupid.",
    "The whole evening was ruined and nothing went right.",
    "She thinks I'm useless and I'll be let go.",
    "Nobody ever calls me back, I guess I'm just not worth the effort.",
    "My parents made me this way and it's their fault I can't cope.",
    "Everyone at the party probably thought I was boring.",
]


def _model_quotes(text: str) -> list[tuple[str, str]]:
    """(trap id, quoted word) for each reason that names words the model weighed (not a cue's words)."""
    cues = traps.find_cues(text)
    return [(s.id, word.lower()) for s in suggest(text)
            if s.id not in cues and s.reason.startswith("You wrote") for word in s.reason.split('"')[1::2]]


def test_a_named_word_is_a_real_part_of_the_score_and_typical_of_the_trap() -> None:
    """"You wrote X. Thoughts that fit this trap often use words like that." is only said when it is true: X is in
    at least TYPICAL_EXAMPLES of the trap's examples, more often than elsewhere; it lifts the score by a real part;
    and no word that qualifies weighs more."""
    weights = traps._default_suggester()._weights
    named = 0
    for text in QUOTE_CASES:
        reading = weights.read(traps._normalise(text))
        quotes = _model_quotes(text)
        for trap_id, word in quotes:
            order = TRAP_IDS.index(trap_id)
            row = reading.shares[order]
            lift = reading.scores[order] - weights.baseline[order]
            assert word in weights.typical[order], (text, trap_id, word)
            assert row[reading.words.index(word)] >= max(traps.trap_words.MIN_SHARE,
                                                         traps.trap_words.MIN_FRACTION * lift)
            allowed = sorted(((row[i], w) for i, w in enumerate(reading.words)
                              if traps.trap_words._nameable(w) and w not in reading.phrased
                              and w in weights.typical[order]), reverse=True)
            assert word in [w for _, w in allowed[:2]], (text, trap_id, word, allowed[:3])
            named += 1
    assert named >= 3, "some thoughts still have words worth naming"


def test_let_go_is_never_quoted_as_let() -> None:
    """For "…I'll be let go", Should statements and Overgeneralizing both said: You wrote "let"."""
    result = {s.id: s.reason for s in suggest("She thinks I'm useless and I'll be let go.")}
    assert not any('"let' in reason.lower() or '"go"' in reason.lower() for reason in result.values())
    for trap_id in ("should_statements", "overgeneralizing"):
        assert result[trap_id].endswith("It's here in case it fits for you."), result[trap_id]


def test_common_words_and_topics_are_not_named() -> None:
    for text in QUOTE_CASES:
        for _, word in _model_quotes(text):
            assert word not in {"let", "back", "made", "manager", "report", "her", "him"}, (text, word)


@pytest.mark.parametrize(("tokens", "inside"), [
    (["i'll", "be", "let", "go"], {"let", "go"}),
    (["they", "let", "me", "down"], {"let", "me"}),
    (["i", "gave", "up"], {"gave", "up"}),
    (["go", "let"], set()),
    (["i", "let", "the", "dog", "out"], set()),
])
def test_phrases_that_mean_something_else(tokens: list[str], inside: set[str]) -> None:
    assert traps.trap_words._in_phrases(tokens) == inside


def test_typical_words_are_frequent_in_a_traps_examples_and_rarer_elsewhere() -> None:
    n = traps.trap_words.TYPICAL_EXAMPLES
    first = [f"i always lose {'rarely' if k else ''} thing{k}" for k in range(n)]  # "rarely": in n - 1 of them
    second = [f"i like tea number{k}" for k in range(n)]
    typical = traps.trap_words.typical_words(first + second, [[1, 0]] * n + [[0, 1]] * n)
    assert typical[0] == {"always", "lose"}, "in all of its examples and none of the others; not 'i', in all"
    assert typical[1] == {"like", "tea"}


def test_most_shown_suggestions_name_the_persons_words_when_that_is_true() -> None:
    """Honesty over coverage: 90% of these named words before a word had to be typical of the trap and a real part
    of the score (many were "manager", "let", "back"); 53% since, nearly all from cues."""
    texts = [t for texts in CLEAR_CASES.values() for t in texts]
    shown = [s for t in texts for s in suggest(t)[:3] if s.score > 0]
    assert sum(s.reason.startswith("You wrote") for s in shown) / len(shown) >= 0.5


@pytest.mark.parametrize("text", [
    "I would never hurt myself, but I always let everyone down.",
    "This deadline is killing me and my boss will think I'm lazy.",
])
def test_crisis_words_are_never_named_even_when_the_check_finds_nothing(text: str) -> None:
    from rebond.domain import crisis

    assert not crisis.check(text).detected
    reasons = " ".join(s.reason for s in suggest(text)).lower()
    for word in ("hurt", "killing", "myself"):
        assert f'"{word}"' not in reasons
