"""The script builder's words, from rebond/content/boundaries.yaml, and the parts put together into one script."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def catalogue() -> dict[str, Any]:
    text = resources.files("rebond.content").joinpath("boundaries.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def parts() -> list[dict[str, str]]:
    return list(catalogue()["parts"])


def script_words() -> dict[str, Any]:
    return dict(catalogue()["script"])


def _clean(value: Any) -> str:
    return " ".join(str(value or "").split())


def script_text(values: Mapping[str, Any]) -> str:
    """The whole script from the builder's parts: describe, express, ask and reinforce as one thing to say, then
    a line each for staying on track, carrying yourself and give and take. Empty parts are left out; all empty
    gives "". The page's script (boundaries.js) puts it together the same way."""
    words = script_words()
    spoken = " ".join(text for part in words["spoken"] if (text := _clean(values.get(part))))
    notes = [f"{label} {text}" for part, label in words["notes"].items() if (text := _clean(values.get(part)))]
    return "\n".join(line for line in (spoken, *notes) if line)
