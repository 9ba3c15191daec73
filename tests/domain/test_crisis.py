"""Behaviour of the offline crisis-language check (rebond/domain/crisis.py).

The sentences here are a separate sample written for these tests, not bench/data/crisis_eval.jsonl; the bench
measures the goals (recall, false positives, speed) on that set.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebond.domain import crisis
from rebond.domain.crisis import (
    CATEGORIES,
    LEVEL_CONCERN,
    LEVEL_NONE,
    LEVEL_PLAN_OR_MEANS,
    NOTHING_FOUND,
    CrisisResult,
    check,
    check_rules,
)

LEXICON_DIR = Path(crisis.__file__).resolve().parents[1] / "data" / "suicide_risk_lexicon"
LEVELS = (LEVEL_NONE, LEVEL_CONCERN, LEVEL_PLAN_OR_MEANS)

# (text, a category the result must hold)
POSITIVES = [
    ("Most nights I hope I just won't wake up in the morning.", "ideation"),
    ("If I went to sleep and never woke up, honestly, fine.", "ideation"),
    ("I don't want to live anymore.", "ideation"),
    ("I don't want to wake up tomorrow.", "ideation"),
    ("I'm not sure I want to be here anymore.", "ideation"),
    ("Some days I want to kill myself.", "ideation"),
    ("i wanna die", "ideation"),
    ("Everything feels pointless and I keep thinking about ending it all.", "ideation"),
    ("I can't see any reason to keep living.", "ideation"),
    ("What's the point of going on?", "ideation"),
    ("I shouldn't be alive.", "ideation"),
    ("I'm so tired of existing.", "ideation"),
    ("I hope I get hit by a car on the way home.", "ideation"),
    ("My family would honestly be happier if I was gone.", "burden"),
    ("I'm nothing but a burden to the people I love.", "burden"),
    ("Nobody would care if I died.", "burden"),
    ("I've started giving away my belongings.", "goodbye"),
    ("I wrote goodbye letters to my kids last night.", "goodbye"),
    ("I burned myself with a lighter again.", "self_injury"),
    ("I have been self-harming again.", "self_injury"),
    ("The urge to cut is so loud today.", "self_injury"),
]
PLAN_OR_MEANS = [
    "I've been hoarding my sleeping pills.",
    "I've got enough tablets saved to do it.",
    "I googled how many it would take.",
    "I know exactly how I would do it.",
    "I keep thinking about jumping off the bridge near my house.",
    "Tonight I'm going to take all my pills.",
    "My brother's rifle is in the shed and I can't stop thinking about it.",
    "I've written my suicide note.",
]
HARMED = [
    "He punched me in the face yesterday.",
    "My ex keeps threatening to hurt me.",
    "I'm terrified of my husband.",
    "She strangled me until I almost passed out.",
    "My stepdad hits me when mum isn't home.",
    "I'm scared to go home tonight.",
    "He won't let me leave the house without him.",
]
IDIOMS = [
    "This traffic is killing me.",
    "I could kill for a coffee.",
    "I'm dying to see the new film.",
    "Killed it at work today!",
    "My feet are killing me.",
    "I was bored to death in that lecture.",
    "That cake was to die for.",
    "I need to cut myself some slack.",
    "I really shot myself in the foot there.",
    "I'd rather die than sing karaoke.",
    "My phone died again.",
    "Ugh, just kill me now, another meeting.",
    "I'm on the edge of my seat.",
    "She hit me up about lunch.",
    "It hit me that I've kept every promise this week.",
    "My coach pushed me to sign up for the race.",
]
NEGATIONS = [
    "I would never hurt myself.",
    "I don't want to die, I want things to change.",
    "I'm not suicidal, just worn out from work.",
    "I'm not going to kill myself, I promise.",
    "He has never hit me.",
    "I no longer want to disappear.",
    "My therapist asked if I ever think about killing myself and I said no.",
    "I used to think everyone would be better off without me.",
]
EVERYDAY = [
    "I cut my finger while cooking dinner.",
    "I burned myself on the kettle, ouch.",
    "The film had a scene where the hero jumps off a bridge.",
    "There was a news article about suicide prevention.",
    "My grandad died last year and I miss him.",
    "I'm ending my gym membership.",
    "I gave away my old toys to my nephew.",
    "I'm scared of spiders.",
    "I don't want to go on that trip.",
    "I don't want to wake up early tomorrow.",
    "I don't want to live in this city anymore.",
    "I have a plan for the weekend: rest and a walk.",
    "I know which bus to take now.",
    "I take my pills every morning with breakfast.",
    "I kept my promise to myself today.",
    "I don't trust myself yet, but I'm getting there.",
    "He apologised and actually followed through this time.",
    "We talked about my safety plan in therapy.",
]
NEGATIVES = IDIOMS + NEGATIONS + EVERYDAY
ALLOWED_IN_REPR = {
    "CrisisResult", "detected", "level", "categories", "harmed_by_other", "True", "False", "frozenset",
    *LEVELS, *CATEGORIES,
}


def _rank(level: str) -> int:
    return LEVELS.index(level)


def assert_well_formed(result: CrisisResult) -> None:
    assert isinstance(result, CrisisResult)
    assert result.level in LEVELS
    assert result.categories <= CATEGORIES
    assert result.detected == bool(result.categories)
    assert result.harmed_by_other == ("harmed_by_other" in result.categories)
    assert (result.level == LEVEL_NONE) == (not result.detected)
    assert (result.level == LEVEL_PLAN_OR_MEANS) == bool(result.categories & {"plan", "means", "goodbye"})


# ---- what it finds --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "category"), POSITIVES)
def test_it_finds_indirect_and_direct_crisis_language(text: str, category: str) -> None:
    result = check(text)
    assert result.detected
    assert category in result.categories
    assert_well_formed(result)


@pytest.mark.parametrize("text", PLAN_OR_MEANS)
def test_a_plan_or_means_is_always_the_urgent_level(text: str) -> None:
    result = check(text)
    assert result.detected
    assert result.level == LEVEL_PLAN_OR_MEANS


@pytest.mark.parametrize("text", HARMED)
def test_being_harmed_by_someone_is_its_own_signal(text: str) -> None:
    result = check(text)
    assert result.detected
    assert result.harmed_by_other
    assert "harmed_by_other" in result.categories


# Plain disclosures the rules themselves must catch (not left to the model): each names what was done, briefly.
HARMED_PLAINLY = [
    "I was assaulted on the way home.",
    "I was groomed by my coach when I was fourteen.",
    "I was trafficked as a teenager.",
    "My partner hurts me when he drinks.",
    "He forced himself on me after the party.",
    "Someone spiked my drink at the club.",
    "He won't stop texting me even though I blocked him.",
    "I blocked her but she still messages me every night.",
]
# The same words doing something harmless.
HARMLESS_LOOKALIKES = [
    "I was groomed for the team lead role.",
    "She hurt me when she left without saying goodbye.",
    "My mum won't stop calling me about Christmas.",
    "I was assaulted by the smell of the bins this morning.",
    "I blocked him on my feed and felt lighter.",
    "The barman spiked my drink with extra lime as a joke.",
]


@pytest.mark.parametrize("text", HARMED_PLAINLY)
def test_plain_disclosures_of_harm_are_caught_by_the_rules(text: str) -> None:
    result = check_rules(text)
    assert result.harmed_by_other and "harmed_by_other" in result.categories


@pytest.mark.parametrize("text", HARMLESS_LOOKALIKES)
def test_the_same_words_used_harmlessly_are_left_alone_by_the_rules(text: str) -> None:
    assert check_rules(text) == NOTHING_FOUND


def test_self_risk_without_harm_does_not_route_to_domestic_violence_help() -> None:
    assert not check("I want to die.").harmed_by_other
    assert not check("I cut myself again.").harmed_by_other


def test_goodbye_acts_are_urgent_and_other_signals_are_a_concern() -> None:
    assert check("I've been giving my things away so nobody has to sort it later.").level == LEVEL_PLAN_OR_MEANS
    assert check("I feel like a burden on everyone.").level == LEVEL_CONCERN


def test_a_means_word_alone_is_not_enough_but_counts_beside_another_signal() -> None:
    assert not check("The rope swing at the lake was fun.").detected
    result = check("I want to die. There's a rope in the garage.")
    assert result.level == LEVEL_PLAN_OR_MEANS


# ---- what it leaves alone -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", IDIOMS + NEGATIONS)
def test_idioms_and_negation_are_not_crisis_language(text: str) -> None:
    assert check(text) == NOTHING_FOUND


@pytest.mark.parametrize("text", EVERYDAY)
def test_the_rules_leave_everyday_talk_alone(text: str) -> None:
    """The rules' own precision; what the model adds on such sentences is measured in test_crisis_model.py."""
    assert check_rules(text) == NOTHING_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to live.",
        "I don't want to wake up.",
        "i dont want to be alive",
        "I never want to wake up again.",
        "I'm not sure I want to live.",
        "I don't think I want to live anymore.",
        "I wouldn't mind if I died.",
    ],
)
def test_negation_never_hides_a_negated_wish_to_live(text: str) -> None:
    assert check(text).detected


def test_negation_only_reaches_its_own_clause() -> None:
    assert check("I'm not okay, I want to die.").detected
    assert check("Not gonna lie, I've been thinking about killing myself.").detected
    assert check("I don't know why I want to die.").detected
    assert check("I can't stop thinking about killing myself.").detected


def test_a_reported_question_answered_yes_still_counts() -> None:
    assert check("My therapist asked if I'd thought about killing myself and I said yes.").detected


# ---- any text at all ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u200b", ".", "🙂"])
def test_empty_or_blank_text_is_nothing_found(text: str) -> None:
    assert check(text) == NOTHING_FOUND
    assert CrisisResult.none() is NOTHING_FOUND
    assert not NOTHING_FOUND.detected and NOTHING_FOUND.level == LEVEL_NONE


@pytest.mark.parametrize(
    "text",
    [
        "أريد أن أتحسن كل يوم",  # Arabic, right to left
        "\u202eI want to die\u202c",  # wrapped in a right-to-left override
        "שלום \u200fעולם\u200f",  # Hebrew with right-to-left marks
        "今日は約束を守った。",
        "Сегодня был хороший день.",
        "🎉🎉🎉 kept every promise!!! 💪🏽👩‍👩‍👧",
        "\x00\x01\x7f\ud7ff\ue000\U0010ffff",
        "Ω≈ç√∫˜µ≤≥÷ " * 50,
    ],
)
def test_any_language_or_symbol_is_handled(text: str) -> None:
    assert_well_formed(check(text))


def test_other_scripts_do_not_match_by_accident() -> None:
    assert not check("أريد أن أتحسن كل يوم").detected
    assert not check("今日は約束を守った。").detected


@pytest.mark.parametrize(
    "text",
    [
        "I don\u2019t want to live anymore",  # curly apostrophe
        "I want to d\u200bie",  # zero-width space inside a word
        "\uff49 \uff57\uff41\uff4e\uff54 \uff54\uff4f \uff44\uff49\uff45",  # full-width letters
        "I WANT TO DIE",
        "I want to die 😢",
        "I don't want to be alive anymore 💔",
        "\u202bI want to die\u202c",
    ],
)
def test_typography_case_emoji_and_invisible_marks_do_not_hide_a_signal(text: str) -> None:
    assert check(text).detected


def test_a_signal_is_found_at_the_end_of_a_very_long_text() -> None:
    filler = "Today I walked to the shop, kept my promise, and called my sister. " * 3000
    assert not check(filler).detected
    assert check(filler + "Honestly I don't want to wake up tomorrow.").detected
    assert check("I have been saving up my pills. " + filler).level == LEVEL_PLAN_OR_MEANS


# ---- it never gives the words back ----------------------------------------------------------------------


def _exposed(result: CrisisResult) -> set[str]:
    shown = f"{result!s} {result!r} " + " ".join(str(getattr(result, f.name)) for f in dataclasses.fields(result))
    return set(re.findall(r"[A-Za-z_]+", shown))


@pytest.mark.parametrize("text", [t for t, _ in POSITIVES] + PLAN_OR_MEANS + HARMED)
def test_the_result_never_holds_the_words_that_matched(text: str) -> None:
    result = check(text)
    assert _exposed(result) <= ALLOWED_IN_REPR
    assert [f.name for f in dataclasses.fields(result)] == ["detected", "level", "categories", "harmed_by_other"]


def test_the_result_is_frozen() -> None:
    result = check("I want to die.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.detected = False  # type: ignore[misc]


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_never_crashes_and_gives_a_well_formed_result(text: str) -> None:
    result = check(text)
    assert_well_formed(result)
    assert _exposed(result) <= ALLOWED_IN_REPR


RISKY_VOCABULARY = (
    "i me my myself he she not never no don't can't want to die kill end it all wake up live alive here burden "
    "without better off gone pills tablets saving bridge which edge hit hits threatened scared of him goodbye letters "
    "wrote note who gets things plan do how would , . ! ? ' \n used asked if and said yes self-harm cut hurt purpose "
    "until bled disappear forever sleep woke reason point going on life worth 🙂 \u200b"
).split(" ")


@given(st.lists(st.sampled_from(RISKY_VOCABULARY), max_size=60))
@settings(max_examples=400, deadline=None)
def test_word_salad_from_risky_words_never_crashes(words: list[str]) -> None:
    result = check(" ".join(words))
    assert_well_formed(result)
    assert _exposed(result) <= ALLOWED_IN_REPR


@given(
    st.sampled_from([t for t, _ in POSITIVES] + PLAN_OR_MEANS + HARMED),
    st.lists(st.sampled_from(IDIOMS), min_size=1, max_size=3),
    st.booleans(),
)
@settings(max_examples=150, deadline=None)
def test_adding_idioms_to_a_positive_text_keeps_it_positive(positive: str, idioms: list[str], before: bool) -> None:
    alone = check(positive)
    extra = " ".join(idioms)
    mixed = check(f"{extra} {positive}" if before else f"{positive} {extra}")
    assert mixed.detected
    assert _rank(mixed.level) >= _rank(alone.level)
    assert alone.categories <= mixed.categories


# ---- the packaged lexicon -------------------------------------------------------------------------------


def test_the_lexicon_is_packaged_unmodified_with_its_licence_and_notice() -> None:
    notice = (LEXICON_DIR / "NOTICE").read_text(encoding="utf-8")
    assert "Apache License" in (LEXICON_DIR / "LICENSE-Apache-2.0").read_text(encoding="utf-8")
    for name in (crisis.PROTOTYPICAL_FILE, crisis.FULL_FILE):
        digest = hashlib.sha256((LEXICON_DIR / name).read_bytes()).hexdigest()
        assert f"{digest}  {name}" in notice


def test_the_full_lists_hold_originals_then_lemmas_as_the_loader_assumes() -> None:
    prototypical = crisis.read_lexicon(crisis.PROTOTYPICAL_FILE)
    full = crisis.read_lexicon(crisis.FULL_FILE)
    for construct in crisis.CONSTRUCTS:
        tokens = full[construct]
        assert len(tokens) % 2 == 0
        assert set(prototypical[construct]) <= set(crisis.original_terms(tokens))


def test_the_lexicon_terms_carry_known_categories() -> None:
    terms = {words: cats for words, cats, _ in crisis.lexicon_terms()}
    assert "ideation" in terms[("kill", "myself")]
    assert "burden" in terms[("better", "off", "without", "me")]
    assert ("i", "do", "not", "trust", "myself") not in terms  # an everyday sentence in a self-trust app
    assert all(cats <= CATEGORIES for cats in terms.values())
