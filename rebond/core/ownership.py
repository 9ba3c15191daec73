"""Data ownership: every app registers how to export and how to delete what a person owns.

Export and account deletion walk this registry, so a new app is covered the moment it registers. Deleters run
inside one transaction, children first (reverse registration order), before the person's data keys are destroyed.

Import walks it too. An export section is an object; its lists hold records (objects). Before anything is written,
the incoming file is compared with what this account would export now: a part of the wrong shape is refused, and
so is a list the importer appends to when the account already has rows there (importing would make copies).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

Exporter = Callable[[Any], Any]
Deleter = Callable[[Any], None]
Importer = Callable[[Any, Any], int]  # how many rows it added (an int, or Added to say more in words)
Path = tuple[str | int, ...]


class Added(int):
    """How many rows an importer added, with ``notes``: plain sentences for the person about what came in
    differently from the file (the import result shows them: the API's ``notes``, lines in the terminal)."""

    notes: tuple[str, ...]

    def __new__(cls, count: int, notes: Iterable[str] = ()) -> Added:
        added = super().__new__(cls, count)
        added.notes = tuple(notes)
        return added


@dataclass(frozen=True)
class Section:
    name: str
    exporter: Exporter
    deleter: Deleter
    importer: Importer | None = None
    # The lists in this section's export that an import appends to without recognising rows already there.
    # None: every list. () for an importer that sets values or skips rows it already has.
    appends: tuple[str, ...] | None = None

    @property
    def title(self) -> str:
        return self.name.replace("_", " ").capitalize()


_sections: dict[str, Section] = {}


def register(name: str, *, exporter: Exporter, deleter: Deleter, importer: Importer | None = None,
             appends: tuple[str, ...] | None = None) -> None:
    _sections[name] = Section(name=name, exporter=exporter, deleter=deleter, importer=importer, appends=appends)


def sections() -> list[Section]:
    return list(_sections.values())


def shape_problems(section: Section, current: Any, incoming: Any) -> list[Path]:
    """Where `incoming` does not have the shape of this section's export (`current`, this account's own)."""
    path: Path = ("sections", section.name)
    if isinstance(current, dict) and not isinstance(incoming, dict):
        return [path]
    if not isinstance(current, dict):
        return [] if type(incoming) is type(current) else [path]
    problems: list[Path] = []
    for key, mine in current.items():
        theirs = incoming.get(key)
        if theirs is None:
            continue
        if isinstance(mine, list) and not (isinstance(theirs, list) and all(isinstance(r, dict) for r in theirs)):
            problems.append((*path, key))
        elif isinstance(mine, dict) and not isinstance(theirs, dict):
            problems.append((*path, key))
    return problems


def would_copy(section: Section, current: Any, incoming: Any) -> bool:
    """True when importing `incoming` would add rows beside ones this account already has in an appended list."""
    if not (isinstance(current, dict) and isinstance(incoming, dict)):
        return False
    keys = section.appends if section.appends is not None else [k for k, v in current.items() if isinstance(v, list)]
    return any(current.get(key) and incoming.get(key) for key in keys)
