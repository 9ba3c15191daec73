"""One definition of "being harmed by someone" (crisis.harmed_by_other), shared by the crisis check, the safety guard
(domestic-violence help) and the trap suggester (catastrophizing, blaming and mind reading held back).

The sentences here are written for these tests. The audit's misses are checked here on purpose and kept out of
bench/data/harm_eval.jsonl, which is measured by bench/crisis_eval.py and must stay out of the tests.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebond.domain import crisis, traps
from rebond.domain.traps import HELD_BACK_WHEN_HARMED, suggest
from rebond.safety.guard import guard_texts

# Phrasings an audit found were missed by one detector or both.
AUDIT_MISSES = [
    "He made me have sex when I said no and now everything is ruined",
    "If I leave he will find me and it will be the end of me",
    "He follows me everywhere and checks my phone",
    "Dad broke my arm when I was twelve",
    "He hurt me again",
    "He grabbed my wrist so hard it bruised",
    "My husband says he will take the kids and kill me if I leave",
    "My ex keeps turning up outside my work",
]

# The same structures in other words: another person doing something to "me", "my" body or things; followed,
# watched or controlled; a threat tied to leaving or telling; fear of what a named person will do.
STRUCTURES = [
    "She shoved me into the door frame.",
    "My wife threw a glass at me last night.",
    "My ex is parked outside my house every night.",
    "He goes through my phone every evening.",
    "She won't let me see my friends anymore.",
    "He took my wages and says I can't have any money.",
    "My boyfriend forced me into sex.",
    "I told him to stop but he didn't stop.",
    "She put her hand over my mouth so I couldn't scream.",
    "He pulled a knife on me.",
    "My partner says if I leave she'll take the kids away from me.",
    "He threatened to send my photos to my boss.",
    "I'm scared my husband will hurt the kids.",
    "He follows me home from work.",
    "My ex put a tracker on my car.",
    "He tore up my passport.",
    "He says he'll kill me if I go to the police.",
    "My brother held me down and hit me.",
    "My husband gets violent when he's angry.",
    "my boyfriend made me afraid to go out",
]

# Everyday look-alikes: the same verbs and nouns, nobody harmed.
LOOK_ALIKES = [
    "My boss threatened to fire me if I was late again.",
    "My son followed me to the kitchen asking for snacks.",
    "My mum keeps calling me about the wedding.",
    "My husband checks my emails for me while I'm away.",
    "My sister took my bank card details for the booking.",
    "My dad will take the kids to the zoo if I work late.",
    "He took the kids away for half term.",
    "He put his arm around my shoulder at the funeral.",
    "My daughter grabbed my arm to steady herself on the ice.",
    "He broke my fall when I slipped on the ice.",
    "My friend showed up at my house with pizza.",
    "I said no to the cake but he kept going on about it.",
    "My kids smothered me with kisses this morning.",
    "I got hit by a bus last year.",
    "I'm scared my mum will find out I failed my exam.",
    "He dragged me along to his work party.",
    "If I tell my manager, she will find a way to help.",
    "My son smashed my phone screen by accident.",
    "My sister keeps showing up late to everything.",
    "He pushed me hard at training today and I loved it.",
    "My nephew hit me with a water balloon.",
    "My mum will kill me if I forget her birthday.",
]


@pytest.mark.parametrize("text", AUDIT_MISSES + STRUCTURES)
def test_being_harmed_by_someone_is_found_by_structure(text: str) -> None:
    assert crisis.harmed_by_other(text)
    result = crisis.check(text)
    assert result.detected and result.harmed_by_other and "harmed_by_other" in result.categories


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_the_rules_do_not_read_everyday_look_alikes_as_harm(text: str) -> None:
    """The rules' own precision; what the model adds on these is measured in test_crisis_model.py."""
    assert not crisis.check_rules(text).detected


def test_the_trap_suggester_has_no_harm_patterns_of_its_own() -> None:
    assert not hasattr(traps, "describes_being_harmed")
    assert not hasattr(traps, "_HARM_PATTERNS")


@pytest.mark.parametrize("text", AUDIT_MISSES + STRUCTURES + LOOK_ALIKES)
def test_traps_hold_back_exactly_where_the_crisis_check_sees_harm(text: str) -> None:
    held = {s.id for s in suggest(text) if s.reason.startswith("Not suggested")}
    assert held == (HELD_BACK_WHEN_HARMED if crisis.harmed_by_other(text) else set())


@pytest.mark.parametrize("text", AUDIT_MISSES)
def test_harm_always_brings_domestic_violence_help_first(text: str) -> None:
    from rebond.domain import helplines

    result = guard_texts(texts=[text], region="GB")
    assert result.harmed_by_other
    dv = [line.name for line in helplines.dv_lines_for("GB")]
    assert dv and [line["name"] for line in result.resources()][: len(dv)] == dv


LOADED = "It's all his fault, everyone thinks I'm overreacting and it will be a disaster."


@given(st.sampled_from(AUDIT_MISSES + STRUCTURES), st.sampled_from(["thought", "situation"]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_harm_in_the_thought_or_the_situation_never_brings_the_held_back_traps(harm: str, where: str) -> None:
    thought, context = (f"{harm} {LOADED}", "We were at home.") if where == "thought" else (LOADED, harm)
    result = suggest(thought, context=context)
    assert not HELD_BACK_WHEN_HARMED & {s.id for s in result[:3] if s.score > 0}
    assert {s.id for s in result[-3:]} == HELD_BACK_WHEN_HARMED
