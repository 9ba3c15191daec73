"""Data ownership: every app registers how to export and how to delete what a person owns.

Export and account deletion walk this registry, so a new app is covered the moment it registers. Deleters run
inside one transaction, children first (reverse registration order), before the person's data keys are destroyed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Exporter = Callable[[Any], Any]
Deleter = Callable[[Any], None]
Importer = Callable[[Any, Any], int]


@dataclass(frozen=True)
class Section:
    name: str
    exporter: Exporter
    deleter: Deleter
    importer: Importer | None = None


_sections: dict[str, Section] = {}


def register(name: str, *, exporter: Exporter, deleter: Deleter, importer: Importer | None = None) -> None:
    _sections[name] = Section(name=name, exporter=exporter, deleter=deleter, importer=importer)


def sections() -> list[Section]:
    return list(_sections.values())
