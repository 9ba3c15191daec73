"""Other apps' dated items for the person's private calendar feed (questionnaires due, homework...).

The promises app owns the feed; any app adds all-day items by registering a source here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class CalendarItem:
    uid: str
    on: date
    title: str
    neutral_title: str = "Reminder"
    description: str = ""


Source = Callable[[Any, date, date], list[CalendarItem]]
_sources: dict[str, Source] = {}


def register(name: str, source: Source) -> None:
    _sources[name] = source


def items_for(user: Any, start: date, end: date) -> list[CalendarItem]:
    out: list[CalendarItem] = []
    for source in _sources.values():
        out.extend(source(user, start, end))
    return sorted(out, key=lambda item: (item.on, item.uid))
