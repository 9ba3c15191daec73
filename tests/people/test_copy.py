"""Careful copy: the People and Boundaries words never label the other person, name no trademarked method, keep
no streaks or alarm marks, and read at grade 8 or below; the record note, the surveillance note and the hurt
question are where the pages promise them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.content.test_learn_content import _as_sentences, grade  # also sets up syllable counting offline

ROOT = Path(__file__).resolve().parents[2] / "rebond"
FILES = sorted(
    [*(ROOT / "templates/people").glob("*.html"), *(ROOT / "templates/boundaries").glob("*.html"),
     ROOT / "content/people.yaml", ROOT / "content/boundaries.yaml",
     *(ROOT / "people").glob("*.py"), *(ROOT / "boundaries").glob("*.py")]
)
# Labels for a person, and words that judge them instead of describing what they did.
LABELS = ["abuser", "abusive", "liar", "lying", "toxic", "narcissist", "narcissistic", "manipulator", "manipulative",
          "gaslight", "psycho", "crazy", "cheater", "perpetrator", "sociopath", "evil", "loser"]
# Method names that belong to someone else; the ideas are described in plain words instead.
METHODS = ["atone", "attune", "dear man", "dearman", "gottman"]
SHAMING = ["streak", "fail", "failure", "broken chain"]


@pytest.fixture(autouse=True)
def _fast_hashing() -> None:
    """No database or settings needed here."""


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_labels_method_names_or_shaming(path: Path) -> None:
    text = path.read_text(encoding="utf-8").lower()
    for word in LABELS + METHODS + SHAMING:
        assert not re.search(rf"\b{re.escape(word)}\b", text), f"{word!r} in {path.name}"
    assert "color: red" not in text and "#f00" not in text and "✗" not in text and "❌" not in text


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


@pytest.mark.parametrize("name", ["people.yaml", "boundaries.yaml"])
def test_content_reads_at_grade_8_or_below(name: str) -> None:
    data = yaml.safe_load((ROOT / "content" / name).read_text(encoding="utf-8"))
    assert grade(_as_sentences(_strings(data))) <= 8


def test_the_binding_sentences_are_in_the_content() -> None:
    people = yaml.safe_load((ROOT / "content/people.yaml").read_text(encoding="utf-8"))
    assert "your record, written at the time — not proof" in people["record_note"].lower()
    assert people["hurt_question"] == "Has this person ever hurt you, threatened you, or made you afraid?"
    assert people["not_rebuilding"] == "Deciding not to rebuild is also a healthy choice."
    assert "phone" in people["checking_label"] and "location" in people["checking_label"]
    assert "talking over" in people["checking_note"]
    assert "kept promises helps the most" in people["guidance"]
    assert [people["stages"][k]["name"] for k in ("acknowledge", "understand", "rebuild")] == [
        "Acknowledge", "Understand", "Rebuild"]
    assert "/help/#dv" in (ROOT / "templates/people/_surveillance.html").read_text(encoding="utf-8") or \
        "safety:help' %}#dv" in (ROOT / "templates/people/_surveillance.html").read_text(encoding="utf-8")


def test_kind_labels_say_what_the_trust_model_means() -> None:
    """trust-model.md §4.1: honesty_breach is a lie, concealment or betrayal (an integrity breach, weight 5);
    inconsistency ("said one thing, did another") and being dismissive are a negative_observation (competence,
    weight 1). The words people pick from must say the same, and the model's labels must match the content file."""
    from rebond.domain.trust_params import DEFAULT_PARAMS
    from rebond.people.models import Kind

    kinds = yaml.safe_load((ROOT / "content/people.yaml").read_text(encoding="utf-8"))["kinds"]
    assert kinds == {kind.value: kind.label for kind in Kind}
    specs = DEFAULT_PARAMS.interpersonal_trust.kinds
    integrity = [k for k, spec in specs.items() if spec.breach_class == "integrity"]
    assert integrity == ["honesty_breach"] and specs["honesty_breach"].neg == 5.0
    breach = kinds["honesty_breach"].lower()
    assert all(meaning in breach for meaning in ("lied", "hid", "confidence")), breach
    assert "said one thing" not in breach and "did another" not in breach
    assert specs["negative_observation"].breach_class == "competence" and specs["negative_observation"].neg == 1.0
    negative = kinds["negative_observation"].lower()
    assert "said one thing" in negative and "did another" in negative and "brushed" in negative, negative
