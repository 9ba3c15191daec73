"""The journal's prompt sets and the 24 character strengths, read from rebond/content (written for rebond)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CONTENT = Path(__file__).resolve().parent.parent / "content"


@dataclass(frozen=True)
class Part:
    title: str
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class PromptSet:
    slug: str
    title: str
    intro: str
    parts: tuple[Part, ...]
    guidance: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def prompts(self) -> list[str]:
        return [p for part in self.parts for p in part.prompts]


@dataclass(frozen=True)
class Strength:
    slug: str
    name: str
    virtue: str
    description: str
    ideas: tuple[str, ...]


STRENGTHS_SET = PromptSet(
    slug="strengths", title="My strengths",
    intro="Everyone has strengths, even on hard days. Choose the five that feel most like you. "
          "Then try one of the ideas this week.",
    parts=(Part("", ("Which five strengths feel most like you?",
                     "When did you use one of them lately, even in a small way?")),),
    guidance=(), notes=("There are no right answers. Choose what feels true today; you can choose again later.",),
)


def _set(data: dict[str, Any]) -> PromptSet:
    parts = tuple(Part(str(p.get("title") or ""), tuple(str(x) for x in p.get("prompts") or []))
                  for p in data.get("parts") or [])
    return PromptSet(slug=str(data["slug"]), title=str(data["title"]), intro=str(data.get("intro", "")),
                     parts=parts, guidance=tuple(str(g) for g in data.get("guidance") or []),
                     notes=tuple(str(n) for n in data.get("notes") or []))


@lru_cache(maxsize=1)
def prompt_sets() -> dict[str, PromptSet]:
    data = yaml.safe_load((CONTENT / "journal_prompts.yaml").read_text(encoding="utf-8"))
    sets = {item["slug"]: _set(item) for item in data["sets"]}
    sets["strengths"] = STRENGTHS_SET
    return sets


def prompt_set(kind: str) -> PromptSet | None:
    return prompt_sets().get(kind)


@lru_cache(maxsize=1)
def strengths() -> tuple[Strength, ...]:
    data = yaml.safe_load((CONTENT / "strengths.yaml").read_text(encoding="utf-8"))
    return tuple(Strength(slug=str(s["slug"]), name=str(s["name"]), virtue=str(s["virtue"]),
                          description=str(s["description"]), ideas=tuple(str(i) for i in s.get("ideas") or []))
                 for s in data["strengths"])


def strength(slug: str) -> Strength | None:
    return next((s for s in strengths() if s.slug == slug), None)


# Who can read the journal, said wherever the journal speaks of privacy (web, CLI). "Only you" is true only while
# no share covers the journal (care scope "journal").
ONLY_YOU = "Only you can see it."
ONLY_YOU_JOURNAL = "Only you can see your journal."
SHARED_WITH = "You share your journal with {names}. They can read it."


def who_reads(names: list[str], *, alone: str = ONLY_YOU) -> str:
    from rebond.lib.text import and_list

    return SHARED_WITH.format(names=and_list(names)) if names else alone
