"""The practice pages, Today's reasons and the evidence words read at grade 8 or below and shame no one (UX.md voice).
Uses the reading-grade and shaming-word checks of tests/content, so all copy is held to one standard."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from rebond.domain import practice_change, suggest_practice
from rebond.practice import content
from tests.content.test_learn_content import MAX_GRADE, MIN_WORDS, SHAMING, _as_sentences, grade

ROOT = Path(__file__).resolve().parents[2] / "rebond" / "practice"
TEMPLATES = sorted((ROOT / "templates" / "practice").glob("*.html"))
BLOCK = re.compile(r"<(?:p|li|h[1-6]|legend|label|summary|td|th|caption|div|section|button|a|span|ul|ol)\b[^>]*>")


def page_words(path: Path) -> str:
    """The copy of a template: tags, template code and variables dropped, each block read as a sentence."""
    text = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return _as_sentences([re.sub(r"<[^>]+>", " ", block) for block in BLOCK.split(text)])


def test_page_words_finds_the_copy() -> None:
    words = page_words(next(p for p in TEMPLATES if p.name == "index_unsafe.html"))
    assert "Practices can wait." in words and "{%" not in words and "<" not in words
    assert grade(_as_sentences(["Notwithstanding considerable methodological heterogeneity, randomised evaluations "
                                "demonstrate substantial therapeutic effectiveness."])) > MAX_GRADE


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_practice_pages_read_at_grade_8_or_below(path: Path) -> None:
    score = grade(page_words(path))
    assert score <= MAX_GRADE, f"{path.name}: reading grade {score}"
    assert not SHAMING.search(page_words(path)), path.name


@pytest.mark.parametrize("trigger", sorted(suggest_practice.REASONS))
def test_each_today_reason_reads_plainly(trigger: str) -> None:
    reason = suggest_practice.REASONS[trigger]
    assert grade(_as_sentences([reason])) <= MAX_GRADE, reason
    assert not SHAMING.search(reason), reason


@pytest.mark.parametrize("level", sorted(content.EVIDENCE_WORDS))
def test_evidence_words_read_plainly(level: str) -> None:
    _, meaning = content.EVIDENCE_WORDS[level]  # the label is a two-word heading; its meaning is the sentence
    assert grade(_as_sentences([meaning])) <= MAX_GRADE, meaning


def test_change_words_read_plainly() -> None:
    said = [practice_change.average_change(pairs).words
            for pairs in ([], [(5, 3)], [(5, 3), (6, 4)], [(5, 3)] * 3, [(3, 5)] * 3, [(4, 4)] * 3)]
    said += [practice_change.WENT_UP, practice_change.TOOK_THE_TIME]
    assert grade(_as_sentences(said)) <= MAX_GRADE
    assert not any(SHAMING.search(words) for words in said)


# --- Learn as it is served ----------------------------------------------------------------------------------------

SERVED_BLOCK = re.compile(r"</?(?:p|li|h[1-6]|dt|dd|dl|ul|ol|div|section|article|aside|nav|blockquote|table|tr|td|th"
                          r"|caption|label|legend|summary|details|button|form)\b[^>]*>")


def served_words(page: str) -> str:
    """What a reader meets in a served page's <main>, one sentence per block. A block of one or two words is a label
    (a heading like "Guides", an evidence level like "Strong evidence"), not a sentence: counting it would make the
    page look easier than it is. The sources are the titles of other people's documents, quoted as they are, so
    they are not graded; the words around them are."""
    main = page.split("<main", 1)[1].split(">", 1)[1].split("</main>", 1)[0]
    main = re.sub(r'(<section class="learn-sources".*?)<ul>.*?</ul>', r"\1", main, flags=re.S)
    blocks = [html.unescape(re.sub(r"<[^>]+>", " ", block)) for block in SERVED_BLOCK.split(main)]
    return _as_sentences([block for block in blocks if len(block.split()) > 2])


def test_served_words_drop_labels_and_sources_but_keep_sentences() -> None:
    page = ('<header><p>Not in main at all.</p></header><main id="main"><h2>Guides</h2><p>Strong evidence</p>'
            '<p>Many good studies agree that it <a href="#">helps</a></p><section class="learn-sources">'
            '<h2>Where this comes from</h2><ul><li>A Very Long Title (2020)</li></ul><p>Last reviewed 3 May.</p>'
            '</section></main>')
    assert served_words(page) == "Many good studies agree that it helps. Where this comes from. Last reviewed 3 May."


def _served(url: str) -> str:
    from django.test import Client

    response = Client().get(url)
    assert response.status_code == 200
    return str(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/learn/", *(f"/learn/{p.slug}/" for p in content.learn_pages())])
def test_learn_as_served_reads_at_grade_8_or_below(url: str) -> None:
    """The page as the app renders it (its Markdown extensions, the evidence box, the sources, the index's labels and
    summaries), not only the Markdown file."""
    words = served_words(_served(url))
    assert len(words.split()) > MIN_WORDS, f"{url}: only {len(words.split())} words were measured"
    score = grade(words)
    assert score <= MAX_GRADE, f"{url}: reading grade {score}"
    assert not SHAMING.search(words.replace("\u201cI'm a failure\u201d", "")), url
