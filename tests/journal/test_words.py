"""The journal pages, the form's labels and the journal's own messages read at grade 8 or below and shame no one
(UX.md voice), checked as the practice pages are (tests/practice/test_words.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from rebond.journal import catalogue, forms
from tests.content.test_learn_content import MAX_GRADE, SHAMING, _as_sentences, grade
from tests.practice.test_words import page_words

ROOT = Path(__file__).resolve().parents[2] / "rebond" / "journal"
TEMPLATES = sorted((ROOT / "templates" / "journal").glob("*.html"))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_journal_pages_read_at_grade_8_or_below(path: Path) -> None:
    words = page_words(path)
    assert grade(words) <= MAX_GRADE, f"{path.name}: reading grade {grade(words)}"
    assert not SHAMING.search(words), path.name


def test_form_labels_and_help_read_plainly() -> None:
    chunks = [text for pair in forms.BODY_LABELS.values() for text in pair]
    for field in forms.EntryForm.base_fields.values():
        chunks += [str(field.label or ""), str(field.help_text or "")]
    assert grade(_as_sentences(chunks)) <= MAX_GRADE
    assert not any(SHAMING.search(chunk) for chunk in chunks)


def _messages(path: Path) -> list[str]:
    """Every string a ValidationError in the module carries (what a person reads beside a field)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ValidationError"):
            continue
        inside_f = {id(part) for n in ast.walk(node) if isinstance(n, ast.JoinedStr) for part in n.values}
        for n in ast.walk(node):
            if isinstance(n, ast.JoinedStr):  # an f-string: its values read as a short word
                found.append("".join(p.value if isinstance(p, ast.Constant) else "six" for p in n.values))
            elif isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in inside_f:
                found.append(n.value)
    return [m for m in found if " " in m.strip() and not m.startswith("Journal entry six")]


def _form_messages() -> list[str]:
    """The words the web form says beside a field itself (see forms.EntryForm)."""
    from django import forms as django_forms

    defaults = {str(m) for cls in (django_forms.Field, django_forms.ChoiceField, django_forms.MultipleChoiceField,
                                   django_forms.DateField) for m in cls.default_error_messages.values()}
    said = []
    for kind in ("strengths", "narrative-re-authoring", "affirmations"):
        said += [str(m) for field in forms.EntryForm(kind=kind).fields.values()
                 for m in field.error_messages.values() if str(m) not in defaults]
    return said


def test_the_journal_messages_read_plainly() -> None:
    from rebond.journal import services

    said = _messages(ROOT / "services.py") + _form_messages() + [
        services.PICK_PROMPT, services.PICK_STRENGTHS, services.FUTURE_DAY, services.empty_body_words("values"),
        *services.EMPTY_BODY.values()]
    assert "That day can't be read. Pick it from the calendar, or write it like 2026-06-15." in said
    assert any("prompts for this kind" in m for m in said), "the messages are found"
    for message in said:
        assert grade(_as_sentences([message])) <= MAX_GRADE, message
        assert not SHAMING.search(message), message


def test_who_reads_words_read_plainly() -> None:
    said = [catalogue.who_reads([]), catalogue.ONLY_YOU_JOURNAL, catalogue.who_reads(["bob", "Sam", "Dr Erin"])]
    assert said[2] == "You share your journal with bob, Sam and Dr Erin. They can read it."
    assert grade(_as_sentences(said)) <= MAX_GRADE
