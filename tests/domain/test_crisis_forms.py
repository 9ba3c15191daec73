"""Inflection-aware matching in the crisis check (rebond/domain/crisis_forms.py and its use in crisis.py).

The sentences here are written for these tests; none comes from bench/data (both sets are measured by
bench/crisis_eval.py and must stay out of the tests).
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rebond.domain import crisis_forms
from rebond.domain.crisis import (
    CATEGORIES,
    LEVEL_CONCERN,
    LEVEL_NONE,
    LEVEL_PLAN_OR_MEANS,
    check,
    check_rules,
)
from rebond.domain.crisis_patterns import PART, PART_ALONE, PART_PAIRS

ALLOWED_IN_REPR = {
    "CrisisResult", "detected", "level", "categories", "harmed_by_other", "True", "False", "frozenset",
    LEVEL_NONE, LEVEL_CONCERN, LEVEL_PLAN_OR_MEANS, *CATEGORIES,
}

# Phrasings an auditor found missed, and their kin: any inflection of the act, a relapse, an amount of pills.
FOUND = [
    ("killing myself seems like the only option", "ideation"),
    ("Suicide feels like the answer", "ideation"),
    ("I have been cutting again", "self_injury"),
    ("I relapsed and cut last night", "self_injury"),
    ("Been cutting again since Monday.", "self_injury"),
    ("I burned my thigh with a lighter.", "self_injury"),
    ("I keep thinking about killing myself.", "ideation"),
    ("I wanted to kill myself all weekend.", "ideation"),
    ("My ex keeps turning up at my flat and threatening me.", "harmed_by_other"),
]
URGENT = [
    "I cut my wrists last night",
    "I took 20 pills",
    "I swallowed a bottle of pills",
    "I took a handful of tablets after he left.",
    "I've decided Friday is the day",
    "there's a bridge near my house and I keep thinking about jumping off it",
    "I'm going to kill myself tonight",
    "I am going to end my life on Friday",
    "Tomorrow I will take my own life.",
    "I've planned how I'm going to kill myself.",
    "I overdosed last week and told nobody.",
]
NOT_FOUND = [
    "this traffic is killing me",
    "I'd never kill myself",
    "I cut my hair",
    "took two pills for my headache",
    "I took 2 tablets before bed as the label says.",
    "I took 20mg of my medication this morning.",
    "I take 20 mg every night.",
    "I killed myself laughing at that show.",
    "I nearly killed myself tripping on the stairs.",
    "I've been killing myself over this essay.",
    "I've decided Friday is the day I start running.",
    "I'm not going to kill myself tonight.",
    "I'm not going to do anything to hurt myself.",
    "I'd rather die than sing in public.",
    "I overdosed on chocolate at the party.",
    "We jumped off the bridge into the river all summer as kids.",
    "I had my hair cut again.",
    "There was a power cut last night.",
]


def _exposed(text: str) -> set[str]:
    result = check(text)
    shown = f"{result!s} {result!r} " + " ".join(str(getattr(result, f.name)) for f in dataclasses.fields(result))
    return set(re.findall(r"[A-Za-z_]+", shown))


@pytest.mark.parametrize(("text", "category"), FOUND)
def test_inflected_and_relapse_phrasing_is_found(text: str, category: str) -> None:
    result = check(text)
    assert result.detected
    assert category in result.categories


@pytest.mark.parametrize("text", URGENT)
def test_a_stated_time_a_worked_out_way_or_an_amount_of_pills_is_urgent(text: str) -> None:
    assert check(text).level == LEVEL_PLAN_OR_MEANS


@pytest.mark.parametrize("text", NOT_FOUND)
def test_idioms_negation_doses_and_everyday_cutting_stay_quiet(text: str) -> None:
    assert not check(text).detected


def test_an_intent_alone_is_a_concern_and_a_time_makes_it_a_plan() -> None:
    assert check("I'm going to kill myself.").level == LEVEL_CONCERN
    assert check("I'm going to kill myself after the party.").level == LEVEL_PLAN_OR_MEANS
    assert check("I'm going to do it tomorrow.").level == LEVEL_NONE  # "do it" alone could be anything
    assert check("I can't go on. I'm going to do it tomorrow.").level == LEVEL_PLAN_OR_MEANS


@pytest.mark.parametrize("form", sorted(crisis_forms.inflections("kill")))
def test_every_form_of_the_act_is_found(form: str) -> None:
    assert "ideation" in check(f"Honestly I {form} myself in my head every night.").categories


@given(st.integers(min_value=5, max_value=999), st.sampled_from(["pills", "tablets", "paracetamol", "of my meds"]))
@settings(max_examples=60, deadline=None)
def test_many_pills_taken_is_a_means(count: int, what: str) -> None:
    assert check(f"I took {count} {what}.").level == LEVEL_PLAN_OR_MEANS


@given(st.integers(min_value=0, max_value=4), st.sampled_from(["pills", "tablets", "paracetamol"]))
@settings(max_examples=30, deadline=None)
def test_a_usual_number_of_pills_alone_is_not_a_signal(count: int, what: str) -> None:
    assert not check(f"I took {count} {what} for my back.").detected


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["mg", " mg", "ml", " micrograms"]))
@settings(max_examples=60, deadline=None)
def test_a_dose_is_never_read_as_a_number_of_pills(count: int, unit: str) -> None:
    assert not check(f"I took {count}{unit} of my medication as prescribed.").detected


NEGATIONS = ["never", "would never", "will not", "did not", "have never", "am not going to", "don't want to"]
ACTS = ["kill myself", "cut my wrists", "take 30 pills", "hang myself", "end my life", "jump off the bridge"]


@given(st.sampled_from(NEGATIONS), st.sampled_from(ACTS), st.sampled_from(["", " tonight", " on Friday", ", ever"]))
@settings(max_examples=120, deadline=None)
def test_a_plain_negation_of_an_act_never_crashes_and_is_never_urgent(negation: str, act: str, when: str) -> None:
    result = check(f"I {negation} {act}{when}.")
    assert result.level != LEVEL_PLAN_OR_MEANS
    assert _exposed(f"I {negation} {act}{when}.") <= ALLOWED_IN_REPR


WORDS = ("i me my myself kill killing killed cut cutting wrists arms pills tablets took swallowed 20 2 mg bottle "
         "handful jump jumping bridge roof tonight friday going to will decided is the day never not again relapsed "
         "suicide feels like answer end life own overdose , . 🙂").split()


@given(st.lists(st.sampled_from(WORDS), max_size=40))
@settings(max_examples=300, deadline=None)
def test_the_result_never_holds_any_input_word(words: list[str]) -> None:
    text = " ".join(words)
    assert _exposed(text) <= ALLOWED_IN_REPR


def test_inflections_cover_irregular_and_regular_forms() -> None:
    assert {"take", "took", "taken", "taking"} <= crisis_forms.inflections("take")
    assert {"cut", "cuts", "cutting"} <= crisis_forms.inflections("cut")
    assert {"stab", "stabbed", "stabbing"} <= crisis_forms.inflections("stab")
    assert {"overdose", "overdosed", "overdosing", "od"} <= crisis_forms.inflections("overdose")
    assert crisis_forms.inflections("my") == {"my"}


def test_lexicon_terms_are_matched_in_every_inflection_of_their_words() -> None:
    assert ("cut", "my", "wrists") in crisis_forms.variants(("cutting", "my", "wrists"))
    assert ("killed", "myself") in crisis_forms.variants(("kill", "myself"))


def test_a_pattern_must_start_with_a_word() -> None:
    with pytest.raises(ValueError):
        crisis_forms.compile_form("...3 pills")


def test_every_pattern_compiles_and_names_known_categories() -> None:
    rules = crisis_forms.rules()
    assert rules
    halves = {half for first, second, _ in PART_PAIRS for half in (first, second)}
    for rule in rules:
        assert rule.categories <= (halves if rule.guard & PART else CATEGORIES)
        assert rule.triggers
    # every half can be found, and every pair and lone half gives a known category
    assert halves <= {half for rule in rules if rule.guard & PART for half in rule.categories}
    assert all(set(categories) <= CATEGORIES for _, _, categories in PART_PAIRS)
    assert set(PART_ALONE) <= halves and set(PART_ALONE.values()) <= CATEGORIES


# Written after a blind probe found them missed: a means kept to hand, goodbye letters "in case I'm not here",
# and giving a pet away because "I won't need to" look after it. Each is urgent (the full page, every time).
@pytest.mark.parametrize("text", [
    "I have the rope ready",
    "I've got the pills ready for tonight",
    "I made a noose",
    "I wrote letters to my kids in case I'm not here",
    "I left notes for my family in case I'm gone",
    "I gave my dog to my neighbour because I won't need to look after him",
    "I've made up my mind, this weekend is it",
    "I counted out all my sleeping pills on the table",
])
def test_means_to_hand_goodbye_letters_and_giving_away_are_urgent(text: str) -> None:
    assert check(text).level == LEVEL_PLAN_OR_MEANS


@pytest.mark.parametrize("text", [
    "I keep the knives in the kitchen drawer",
    "I have my pills ready for the trip to my gran's",
    "The rope is ready for the climb",
    "I wrote a letter to my aunt in case she's not home",
    "I gave my old bike to my cousin because I won't need it since I drive now",
    "I gave my cat to my sister because I won't be home much this year",
    "I've made up my mind, Friday is the day we paint the kitchen",
    "I counted out all my pills into the organiser",
    "I thought about how I would do it at work tomorrow, the slides are ready",
])
def test_the_rules_leave_everyday_versions_of_those_alone(text: str) -> None:
    """The rules' own precision; what the model adds on such sentences is measured in test_crisis_model.py."""
    assert check_rules(text).level == LEVEL_NONE


def test_no_one_would_notice_if_i_were_gone_either_way_round() -> None:
    assert check("If I were gone nobody would even notice").detected
    assert check("Nobody would even notice if I were gone").detected


def test_how_i_would_do_it_counts_only_beside_another_sign() -> None:
    assert not check_rules("I've thought about how I would do it").detected  # a project, a talk, a move...
    assert check("I've thought about how I would do it. I don't want to be here anymore.").level == LEVEL_PLAN_OR_MEANS
