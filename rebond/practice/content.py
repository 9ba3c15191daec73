"""The exercises (YAML) and the Learn library (Markdown with front matter), read from rebond/content.

Content is package data; it is read once per process. Learn pages are rendered with `markdown` and then cleaned
with `nh3`, so nothing in a content file can put a script or a style attribute on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CONTENT = Path(__file__).resolve().parent.parent / "content"
EXERCISES = CONTENT / "exercises"
LEARN = CONTENT / "learn"

EXERCISE_ORDER = ["grounding-5-4-3-2-1", "paced-breathing", "square-breathing", "body-scan", "safe-place",
                  "self-compassion-break"]

EVIDENCE_WORDS = {
    "strong": ("Strong evidence", "Many good studies agree that it helps."),
    "moderate": ("Moderate evidence", "Good studies suggest it helps, but fewer of them, or with mixed results."),
    "emerging": ("Early evidence", "Early studies look hopeful, but there are not enough good ones yet to be sure."),
    "limited": ("Limited evidence", "There are few good studies so far. It may still help some people."),
}
ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "br", "hr", "code",
                "table", "thead", "tbody", "tr", "th", "td"}


@dataclass(frozen=True)
class Step:
    text: str
    seconds: int | None


@dataclass(frozen=True)
class Phase:
    label: str
    seconds: int
    breath: str  # "in" or "out": no hold phases exist


@dataclass(frozen=True)
class Exercise:
    slug: str
    title: str
    summary: str
    minutes: int
    steps: tuple[Step, ...]
    pacer: tuple[Phase, ...]
    notes: tuple[str, ...]

    @property
    def is_breathing(self) -> bool:
        return bool(self.pacer)

    @property
    def cycle_seconds(self) -> int:
        return sum(p.seconds for p in self.pacer)


@dataclass(frozen=True)
class LearnPage:
    """A Learn page. An approach (a therapy) has an evidence grade, the sources it rests on and the day they were last
    checked; a guide (how to find a therapist, the trust guides) is advice, not a treatment, so it has none."""

    slug: str
    title: str
    summary: str
    kind: str  # "approach" or "guide"
    evidence: str | None
    evidence_note: str
    order: int
    html: str
    sources: tuple[str, ...] = ()
    reviewed: date | None = None

    @property
    def evidence_label(self) -> str:
        return EVIDENCE_WORDS[self.evidence][0] if self.evidence else ""

    @property
    def evidence_meaning(self) -> str:
        return EVIDENCE_WORDS[self.evidence][1] if self.evidence else ""


def _exercise(data: dict[str, Any]) -> Exercise:
    pacer = tuple(Phase(str(p["label"]), int(p["seconds"]), str(p["breath"])) for p in data.get("pacer") or [])
    if any(p.breath not in {"in", "out"} for p in pacer):
        raise ValueError(f"{data['slug']}: a pacer phase may only breathe in or out")
    return Exercise(
        slug=str(data["slug"]), title=str(data["title"]), summary=str(data["summary"]),
        minutes=int(data.get("minutes") or 3),
        steps=tuple(Step(str(s["text"]), int(s["seconds"]) if s.get("seconds") else None) for s in data["steps"]),
        pacer=pacer, notes=tuple(str(n) for n in data.get("notes") or []),
    )


@lru_cache(maxsize=1)
def exercises() -> tuple[Exercise, ...]:
    loaded = {}
    for path in sorted(EXERCISES.glob("*.yaml")):
        item = _exercise(yaml.safe_load(path.read_text(encoding="utf-8")))
        loaded[item.slug] = item
    order = {slug: i for i, slug in enumerate(EXERCISE_ORDER)}
    return tuple(sorted(loaded.values(), key=lambda e: (order.get(e.slug, 99), e.slug)))


def exercise(slug: str) -> Exercise | None:
    return next((e for e in exercises() if e.slug == slug), None)


def exercise_slugs() -> list[str]:
    return [e.slug for e in exercises()]


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---"):
        return {}, text
    _, head, body = text.split("---", 2)
    meta = yaml.safe_load(head) or {}
    return (meta if isinstance(meta, dict) else {}), body


def render_markdown(body: str) -> str:
    import markdown
    import nh3

    raw = markdown.markdown(body, extensions=["sane_lists", "tables"], output_format="html")
    return nh3.clean(raw, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}, "th": {"scope"}},
                     url_schemes={"https", "http", "mailto", "tel"}, link_rel="noopener noreferrer")


@lru_cache(maxsize=1)
def learn_pages() -> tuple[LearnPage, ...]:
    pages = []
    for path in LEARN.glob("*.md"):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        kind = str(meta.get("kind", "approach"))
        evidence = meta.get("evidence")
        reviewed = meta.get("reviewed")
        if kind == "approach" and evidence not in EVIDENCE_WORDS:
            raise ValueError(f"{path.name}: an approach needs an evidence level, not {evidence!r}")
        if kind != "approach" and evidence is not None:
            raise ValueError(f"{path.name}: a guide is not a treatment, so it has no evidence level")
        if reviewed is not None and not isinstance(reviewed, date):
            raise ValueError(f"{path.name}: reviewed is a date (YYYY-MM-DD)")
        pages.append(LearnPage(
            slug=path.stem, title=str(meta["title"]), summary=str(meta.get("summary", "")), kind=kind,
            evidence=str(evidence) if evidence else None, evidence_note=str(meta.get("evidence_note", "")),
            order=int(meta.get("order", 100)), html=render_markdown(body),
            sources=tuple(str(s) for s in meta.get("sources") or []), reviewed=reviewed,
        ))
    return tuple(sorted(pages, key=lambda p: (p.order, p.title)))


def learn_page(slug: str) -> LearnPage | None:
    return next((p for p in learn_pages() if p.slug == slug), None)
