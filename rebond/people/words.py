"""Plain words for the People pages, from rebond/content/people.yaml."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from rebond.domain import trust


@cache
def catalogue() -> dict[str, Any]:
    text = resources.files("rebond.content").joinpath("people.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def word(key: str) -> str:
    return str(catalogue()[key])


def hurt_recheck(name: str) -> str:
    """The look-again question after someone wrote about being hurt, with the person's name (or nickname)."""
    return word("hurt_recheck").replace("{name}", str(name))


def lately_rows(lately: Any) -> list[tuple[int, str]]:
    """The Lately panel's lines, each a count with words that fit it ("1 hard moment", "2 hard moments")."""
    rows = []
    for key, forms in catalogue()["lately"].items():
        n = getattr(lately, key)
        rows.append((n, str(forms["one" if n == 1 else "many"])))
    return rows


def lately_line(lately: Any) -> str:
    return ", ".join(f"{n} {label}" for n, label in lately_rows(lately))


def shares(point: trust.TrustPoint) -> list[dict[str, Any]]:
    """The b/d/u bar as whole shares of 100 that add up to 100 (trust-model.md §7), each with its words and where
    it starts on the bar."""
    belief = percent(point.belief)
    disbelief = min(percent(point.disbelief), 100 - belief)
    parts = (("belief", belief), ("disbelief", disbelief), ("uncertainty", 100 - belief - disbelief))
    labels = catalogue()["shares"]
    out, start = [], 0
    for key, share in parts:
        out.append({"key": key, "percent": share, "start": start, "label": str(labels[key])})
        start += share
    return out


def shares_line(point: trust.TrustPoint) -> str:
    return " · ".join(f"{p['percent']} {p['label']}" for p in shares(point))


def kind_label(kind: str) -> str:
    return str(catalogue()["kinds"].get(kind, kind))


def percent(x: float) -> int:
    return round(x * 100)


def overall_words(point: trust.TrustPoint) -> str:
    """The estimate in words; with too little evidence, words only (UX.md)."""
    if point.status == "not_enough_evidence":
        n = point.observations_needed
        more = "1 more observation" if n == 1 else f"{n} more observations"
        return f"Not enough evidence yet. About {more} will give a first estimate."
    lean = catalogue()["lean"]
    e = point.estimate
    key = "high" if e >= 0.75 else "leans" if e >= 0.58 else "mixed" if e >= 0.42 else "low"
    return str(lean[key])


def fading_words(fading: bool) -> str:
    """Little recent evidence: say so, so a number drifting back toward the middle isn't read as trust going up."""
    return word("fading") if fading else ""


def trust_words(point: trust.TrustPoint, fading: bool) -> str:
    """The Overall panel in one line of words (the API's and the terminal's version of it)."""
    return " ".join(part for part in (overall_words(point), fading_words(fading)) if part)


def status_words(point: trust.TrustPoint) -> str:
    return str(catalogue()["status"][point.status])


def band_words(point: trust.TrustPoint) -> str:
    return (f"about {percent(point.estimate)} in 100, likely between {percent(point.low)} and "
            f"{percent(point.high)}")
