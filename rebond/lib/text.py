"""Can this text be stored? (no Django imports)

Python strings can hold things no database or UTF-8 file can: a lone half of an emoji (a surrogate, which JSON
allows as "\\ud83d") and the NUL character. Every way text comes in is checked here once, so a bad character is
a plain "can't be saved" beside the field instead of a crash at the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Emoji save fine; what can't is a broken piece of one (often left by copying and pasting) or a hidden NUL, anywhere.
UNSAVEABLE = ("This text has a broken or hidden character that can't be saved. It often comes from copying and "
              "pasting. Type that part again, or paste it as plain text. Emoji are fine.")

Path = tuple[str | int, ...]


class UnsaveableText(Exception):
    """Text at `path` (keys and list positions inside a JSON document) has a character that can't be stored."""

    def __init__(self, path: Path) -> None:
        super().__init__(UNSAVEABLE)
        self.path = path


def and_list(names: list[str]) -> str:
    """Names as a person would say them: "bob", "bob and Dr Erin", "bob, Sam and Dr Erin"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def saveable(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def strings(data: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every string inside parsed JSON (object keys included), with where it is."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield (*path, key), key
            yield from strings(value, (*path, key))
    elif isinstance(data, list | tuple):
        for index, value in enumerate(data):
            yield from strings(value, (*path, index))


def first_unsaveable(data: Any) -> Path | None:
    for path, text in strings(data):
        if not saveable(text):
            return path
    return None


def check_document(data: Any) -> Any:
    """Return `data` unchanged, or raise UnsaveableText naming the first string that can't be stored."""
    path = first_unsaveable(data)
    if path is not None:
        raise UnsaveableText(path)
    return data
