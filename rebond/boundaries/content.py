"""The script builder's words, from rebond/content/boundaries.yaml."""

from __future__ import annotations

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
