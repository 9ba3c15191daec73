"""Structures a blind probe found missed, written in other words: putting affairs in order with a clause about one's
own death or absence, a set time for an act left unsaid, means within reach, passive wishes to die, hitting oneself
until it hurts, and harm told indirectly (someone coming into "my room at night", a threat about telling, photos of
"my" home from someone unknown, being kept from friends). Each comes with everyday look-alikes.

Written for these tests; no sentence of bench/data is here (tests/domain/test_bench_scripts.py checks the probe).
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from rebond.domain.crisis import (
    CATEGORIES,
    LEVEL_CONCERN,
    LEVEL_NONE,
    LEVEL_PLAN_OR_MEANS,
    check,
    check_rules,
)
from rebond.domain.crisis_patterns import PART_WINDOW
from rebond.safety.guard import guard_texts

# (a) a preparation act beside a clause about the writer's own death or absence, in one sentence or the next
AFFAIRS_IN_ORDER = [
    "I've updated my will and left my passwords in an envelope for when I'm not here anymore.",
    "Cleared my overdraft and cancelled the gym, so it's all tidy for after I've gone.",
    "Found a new home for my rabbit so he's cared for when I'm gone.",
    "Rehomed both dogs with my aunt. Once I'm dead she'll keep them.",
    "Deactivated my instagram and facebook. I'm ready to go now.",
    "Gave my camera and my records away to friends this week. Won't need them anymore.",
    "I finished the letters for my brothers. They're in the desk where they'll find them afterwards.",
    "Booked an airbnb an hour away so nobody at home has to find me.",
    "Sorting out my affairs. After that nobody will have to worry about me.",
]
# (b) a set time for an act left unsaid
SET_TIMES = [
    "Friday is the night. I'm just waiting for the house to be empty.",
    "I've chosen the day. After that no one has to put up with me.",
    "Mum's away and I've got the shed to myself on Sunday. That's when.",
    "Tonight's the night. Waiting until everyone is asleep.",
    "I'll do it after my brother's graduation so I don't spoil it for him.",
]
# (c) means within reach
MEANS = [
    "Checked how tall the multi-storey car park is. It would be enough.",
    "Went up to the top of the tower block and stood by the railing trying to get up the courage.",
    "My brother's shotgun is in the loft and I've got the combination.",
    "I have access to my husband's pistol.",
    "Been practising a slip knot on my dressing gown cord.",
    "I want to die and I have the means.",
]
# (d) passive wishes to die, a burden put in money, hitting oneself until it hurts
CONCERNS = [
    ("Every time I cross the street I wish a car wouldn't brake.", "ideation"),
    ("If I was gone tomorrow it'd be a mercy, honestly.", "ideation"),
    ("They'd be better off cashing in my life insurance.", "burden"),
    ("Kept banging my head on the wall til it hurt.", "self_injury"),
    ("Punched the wall till my knuckles bled.", "self_injury"),
]
# (e) harm told indirectly
HARM = [
    "My stepbrother creeps into my bed when everyone's asleep and I can't make it stop.",
    "My neighbour gets into my room at night. He says it's our secret.",
    "My supervisor texts me about what he'd like to do to me.",
    "My supervisor says I'll be fired if I tell HR.",
    "My tutor says nobody will believe me if I report him.",
    "Someone keeps sending me pictures of my front door from a withheld number.",
    "Someone from a fake account keeps posting videos of me outside my flat.",
    "My ex hacked into my icloud and reads my messages.",
    "I'm not allowed to go out with my friends now, she decides who I see.",
    "A group of girls from my class pinned me against the lockers and punched me.",
    "Three lads from my estate cornered me and punched me in the face.",
]
LOOK_ALIKES = [
    # (a)
    "Wrote my will at 40 for the kids, feels very grown up.",
    "Made a will with the solicitor so the kids are sorted when I'm gone one day.",
    "Gave away my winter clothes to charity. Ready to go now!",
    "Gave my old bike to my nephew. Ready to go now!",
    "Paid off the credit card and booked the flights. Ready to go now!",
    "Cancelled my gym membership. Won't need it anymore.",
    "We rehomed the cat because of my son's allergies, which broke my heart.",
    "I rehomed my dog when I moved abroad for work.",
    "Booked a hotel for my cousin's wedding so no one has to drive home.",
    "Booked a hotel room for Saturday so no one has to drive me home.",
    "Booked a cabin in the Lakes for our anniversary.",
    "Deleted my socials for exam season, ready to go now.",
    "Cancelled my phone contract and paid off my debts so nothing is left hanging when I'm away travelling.",
    "Left a note for the cat sitter about feeding times for when I'm not here next week.",
    "Wrote a thank you letter to my teacher and put it where she'll find it after the holidays.",
    "Wrote letters to my pen friends and posted them today.",
    "When I'm gone on my trip, the neighbour will feed the cat.",
    "Paid off my student loan! Once I'm gone from this job, I'm free.",
    "I've sorted out my passwords with a password manager.",
    # (b)
    "Tonight's the night! Date with Sam at eight and I'm so nervous.",
    "Tonight's the night, the match kicks off at 8.",
    "Saturday's the day, the derby kicks off at three.",
    "Tonight's the night. Waiting for the kids to go to sleep so I can wrap their presents.",
    "I've picked a date for the wedding! After that nobody has to hear me talk about seating plans.",
    "Got the garage to myself on Saturday, that's when I'll finally fix the bike.",
    "I've got the house to myself on Saturday. That's when the party is.",
    "I've got the house to myself this weekend. That's when I'll relax.",
    "I've written a will. Tonight's the night we celebrate Dad's birthday.",
    # (c)
    "Checked how high the bridge is for the lorry, 4.1 metres, it'll be enough.",
    "I checked the bridge is high enough for the lorry.",
    "Checked how high the Eiffel tower is for the quiz. It'd be enough to beat Tom's guess.",
    "We keep the shotgun in a gun safe for hunting season and I know the code.",
    "My dad has a gun for work and I know the code.",
    "I have access to a gun at work as a police officer.",
    "Practised tying a bowline and a clove hitch for sailing on Saturday.",
    "We practised tying the knot at the wedding rehearsal.",
    "I practised tying the knot for my brother's wedding video.",
    "Stood at the edge of the diving board working up the nerve.",
    "Stood at the edge of the pool working up the nerve to jump in.",
    "Sat at the top of the climbing wall working up the courage to abseil down.",
    "I finally have the means to buy a flat.",
    "Went to the bridge walk at sunset, gorgeous.",
    # (d)
    "I hope the train doesn't stop at every station tonight.",
    "I hope the bus doesn't stop, I'm so late.",
    "If I died tomorrow my kids would be fine, the insurance is sorted.",
    "If I died tomorrow it would be a relief to know everything's sorted.",
    "We'd be better off switching to a cheaper car insurance.",
    "My family would be better off if I took out life insurance.",
    "My parents would be better off collecting rent from the flat.",
    "Hit my head on the cupboard door and it hurt for ages.",
    "Banging my head against a brick wall with this council.",
    # (e)
    "My manager is touching base with me tomorrow about the rota.",
    "My manager touched my shoulder to get my attention.",
    "We're throwing a secret birthday party for Dad and Mum says it's our secret.",
    "My boss said it's our little secret that I'm getting promoted.",
    "My little sister crawls into my bed at night when she has nightmares and I don't know how to make it stop.",
    "My toddler comes into our room every night and we can't make it stop.",
    "The kids keep coming into my bed at night and I don't know how to make it stop.",
    "My dad comes into my room at night to check I'm asleep.",
    "My mum comes into my room at night to turn off my light.",
    "I know what she wants to do with me for my birthday!",
    "My manager says I'll lose my job if I'm late again.",
    "My boss said I'd get sacked if I told anyone about the merger.",
    "Mum said I'll lose my phone if I tell Dad.",
    "Got a text from an unknown number with photos of a flat to rent.",
    "The courier sent a photo of my parcel from an unknown number.",
    "A stranger sent me photos of my dog he found in the park!",
    "I'm not allowed to see my friends until my exams are over, mum says.",
    "My mum says I'm not allowed to see my friends on school nights.",
    "I'm not allowed to call my mum during work hours, my manager says.",
    "The lads at work kicked me out of the group chat, lol.",
    "The lads slapped me on the back after the match.",
    "The girls from work dragged me out for drinks.",
    "My colleague beat me at chess again.",
    "My supervisor grabbed me a coffee on the way in.",
    "The IT guy checked my email settings for me.",
]


@pytest.mark.parametrize("text", AFFAIRS_IN_ORDER + SET_TIMES + MEANS)
def test_preparation_a_set_time_and_means_within_reach_are_urgent(text: str) -> None:
    assert check(text).level == LEVEL_PLAN_OR_MEANS


@pytest.mark.parametrize(("text", "category"), CONCERNS)
def test_passive_wishes_and_hitting_oneself_until_it_hurts_are_found(text: str, category: str) -> None:
    result = check(text)
    assert result.level == LEVEL_CONCERN and category in result.categories and not result.harmed_by_other


@pytest.mark.parametrize("text", HARM)
def test_harm_told_indirectly_is_harm_and_brings_domestic_violence_help_first(text: str) -> None:
    from rebond.domain import helplines

    assert check(text).harmed_by_other
    result = guard_texts(texts=[text], region="GB")
    dv = [line.name for line in helplines.dv_lines_for("GB")]
    assert dv and [line["name"] for line in result.resources()][: len(dv)] == dv


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_the_rules_leave_their_everyday_look_alikes_alone(text: str) -> None:
    """The rules' own precision; what the model adds on these is measured in test_crisis_model.py."""
    assert check_rules(text).level == LEVEL_NONE


# The halves: each alone is everyday, together they are a signal, but only near each other.
FILLER = " The bus was late. I had soup for lunch. It rained all afternoon."


@pytest.mark.parametrize("text", [
    "I paid off my debts.", "It will all be tidy when I'm not here.", "I've picked a date.",
    "Just waiting for everyone to go to sleep.", "I looked up how high the bridge is.", "It would be enough.",
    "My uncle comes into my room at night.", "He says it's our secret.",
])
def test_half_a_signal_alone_is_nothing(text: str) -> None:
    assert not check_rules(text).detected


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("I paid off my debts.", "It will all be tidy when I'm not here.", LEVEL_PLAN_OR_MEANS),
    ("I looked up how high the bridge is.", "It would be enough.", LEVEL_PLAN_OR_MEANS),
    ("My uncle comes into my room at night.", "He says it's our secret.", LEVEL_CONCERN),
])
def test_two_halves_join_only_within_a_few_sentences(first: str, second: str, expected: str) -> None:
    """How the rules join halves (the model reads each sentence on its own merits, see test_crisis_model.py)."""
    assert check_rules(f"{first} {second}").level == expected
    near = first + " The bus was late." * (PART_WINDOW - 1) + " " + second
    assert check_rules(near).level == expected
    assert check_rules(first + FILLER + " " + second).level == LEVEL_NONE  # three sentences between: too far apart


def test_half_a_signal_counts_beside_another_self_risk_signal_but_not_beside_harm_alone() -> None:
    assert check("I want to die. I paid off my debts.").level == LEVEL_PLAN_OR_MEANS
    assert check("I want to die.").level == LEVEL_CONCERN
    beside_harm = check("My husband hit me again. I paid off my debts.")
    assert beside_harm.harmed_by_other and beside_harm.level == LEVEL_CONCERN
    assert beside_harm.categories == {"harmed_by_other"}


ALLOWED = {"CrisisResult", "detected", "level", "categories", "harmed_by_other", "True", "False", "frozenset",
           LEVEL_NONE, LEVEL_CONCERN, LEVEL_PLAN_OR_MEANS, *CATEGORIES}


@pytest.mark.parametrize("text", AFFAIRS_IN_ORDER + SET_TIMES + MEANS + [t for t, _ in CONCERNS] + HARM)
def test_the_result_never_holds_a_word_or_a_half(text: str) -> None:
    result = check(text)
    shown = f"{result!r} " + " ".join(str(getattr(result, f.name)) for f in dataclasses.fields(result))
    assert set(re.findall(r"[A-Za-z_]+", shown)) <= ALLOWED
    assert result.categories <= CATEGORIES
