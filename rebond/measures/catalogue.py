"""The check-in and Measures wording, read once from ``rebond/content/checkin.yaml``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def words() -> dict[str, Any]:
    text = resources.files("rebond.content").joinpath("checkin.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def checkin_problems() -> dict[str, str]:
    """What the check-in says when a part is missing or can't be kept, with FREE_TEXT_LIMIT filled in."""
    from rebond.core.fields import FREE_TEXT_LIMIT

    return {key: str(text).format(limit=f"{FREE_TEXT_LIMIT:,}") for key, text in words()["checkin_problems"].items()}


def mood_label(value: int | None) -> str:
    if value is None:
        return ""
    for mood in words()["moods"]:
        if mood["value"] == value:
            return str(mood["label"])
    return str(value)


def choice_label(group: str, value: str) -> str:
    for choice in words()[group]:
        if choice["value"] == value:
            return str(choice["label"])
    return value
