"""The thinking-trap library (content/traps.yaml) and rebond's own labelled examples."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import textstat
import yaml

from rebond.domain.traps import HELD_BACK_WHEN_HARMED, TRAP_IDS, load_examples, trap_library

CONTENT = Path(__file__).resolve().parents[2] / "rebond" / "content"


@pytest.fixture(autouse=True, scope="module")
def _offline_syllables() -> Iterator[None]:
    """textstat looks words up in NLTK's CMU dictionary and downloads it when missing. Offline, use
    textstat's own fallback (Pyphen hyphenation) instead of letting it try the network."""
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        from textstat.backend.counts import _count_syllables

        original = _count_syllables.get_cmudict
        _count_syllables.get_cmudict = lambda lang: None
        yield
        _count_syllables.get_cmudict = original
    else:
        yield


def test_library_has_exactly_the_13_ids_in_order() -> None:
    assert tuple(trap_library()) == TRAP_IDS
    raw = yaml.safe_load((CONTENT / "traps.yaml").read_text(encoding="utf-8"))
    assert [t["id"] for t in raw["traps"]] == list(TRAP_IDS)


@pytest.mark.parametrize("trap_id", TRAP_IDS)
def test_every_trap_has_every_field(trap_id: str) -> None:
    trap = trap_library()[trap_id]
    assert trap.id == trap_id
    assert trap.name.strip() and trap.definition.strip() and trap.reframe_hint.strip()
    assert len(trap.examples) == 2 and all(e.strip() for e in trap.examples)
    assert len(trap.questions) == 3 and all(q.strip().endswith("?") for q in trap.questions)
    assert "{cue}" in trap.cue_reason


@pytest.mark.parametrize("trap_id", TRAP_IDS)
def test_definition_and_questions_read_at_grade_8_or_below(trap_id: str) -> None:
    trap = trap_library()[trap_id]
    text = " ".join([trap.definition, *trap.questions])
    assert textstat.flesch_kincaid_grade(text) <= 8


@pytest.mark.parametrize("trap_id", TRAP_IDS)
def test_hints_and_reasons_read_at_grade_8_or_below(trap_id: str) -> None:
    trap = trap_library()[trap_id]
    assert textstat.flesch_kincaid_grade(trap.reframe_hint) <= 8
    assert textstat.flesch_kincaid_grade(trap.cue_reason.replace("{cue}", "always")) <= 8


def test_shared_reasons_exist_for_every_held_back_trap() -> None:
    raw = yaml.safe_load((CONTENT / "traps.yaml").read_text(encoding="utf-8"))
    reasons = raw["reasons"]
    assert reasons["neutral"] and reasons["model_strong"] and reasons["model_some"]
    assert set(reasons["harmed"]) == HELD_BACK_WHEN_HARMED


def test_at_least_30_examples_per_trap() -> None:
    counts = Counter(label for example in load_examples() for label in example.traps)
    assert {t: counts[t] for t in TRAP_IDS if counts[t] < 30} == {}


def test_examples_are_well_formed() -> None:
    examples = load_examples()
    assert len(examples) >= 400
    texts = [e.text.strip().lower() for e in examples]
    assert len(texts) == len(set(texts)), "duplicate example"
    for example in examples:
        assert example.text.strip()
        assert 1 <= len(example.traps) <= 2
        assert len(set(example.traps)) == len(example.traps)
        assert set(example.traps) <= set(TRAP_IDS)


def test_harmed_examples_never_carry_the_held_back_traps() -> None:
    harmed = [e for e in load_examples() if e.harmed]
    assert len(harmed) >= 20
    assert [e.text for e in harmed if set(e.traps) & HELD_BACK_WHEN_HARMED] == []
