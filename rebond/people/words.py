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


def status_words(point: trust.TrustPoint) -> str:
    return str(catalogue()["status"][point.status])


def band_words(point: trust.TrustPoint) -> str:
    return (f"about {percent(point.estimate)} in 100, likely between {percent(point.low)} and "
            f"{percent(point.high)}")
