"""The stepper's words and the thought pages read at grade 8 or below and shame no one (UX.md voice).
Uses the reading-grade and shaming-word checks of tests/content, so all content is held to one standard."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.content.test_learn_content import MAX_GRADE, SHAMING, _as_sentences, grade

ROOT = Path(__file__).resolve().parents[2] / "rebond"
STEPS_FILE = ROOT / "content" / "thought_record.yaml"
TEMPLATES = sorted((ROOT / "thoughts" / "templates" / "thoughts").glob("*.html"))


def _page_words(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}", " ", text, flags=re.S)
    return re.sub(r"<[^>]+>", " ", text)


def test_stepper_words_read_at_grade_8_or_below() -> None:
    data = yaml.safe_load(STEPS_FILE.read_text(encoding="utf-8"))
    chunks = [data["intro"], data["empty"]]
    for step in data["steps"]:
        chunks += [step["question"], step["help"], step.get("action_question", ""), step.get("action_help", "")]
    assert grade(_as_sentences(chunks)) <= MAX_GRADE


def test_no_shaming_words_in_the_thought_pages_or_steps() -> None:
    found = [f"{path.name}: {m.group(0)}" for path in [STEPS_FILE, *TEMPLATES]
             for m in SHAMING.finditer(_page_words(path) if path.suffix == ".html" else path.read_text(encoding="utf-8"))]
    assert not found, found


def test_pages_have_no_inline_script_or_style() -> None:
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        assert "<style" not in text and " style=" not in text, path.name
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), path.name
