"""Crisis lines by region, read from the packaged rebond/content/crisis_lines.yaml (pure: no Django, no clock).

With no region, or one we have no lines for, callers get only the international directory and must first say
"call your local emergency number": rebond never silently picks a country for someone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

INTERNATIONAL = "INTL"
ALWAYS_OPEN = "24/7"
KINDS = frozenset({"crisis", "text", "dv", "youth", "directory"})
_DATA = ("content", "crisis_lines.yaml")
_DIALABLE = re.compile(r"^\+?[0-9][0-9 -]*[0-9]$")
_ALIASES = {"UK": "GB"}


@dataclass(frozen=True)
class TextLine:
    """A number to text, and the word to send first when the service asks for one."""

    number: str
    keyword: str | None = None

    @property
    def href(self) -> str:
        """The number for an sms: link (digits only, as phones expect)."""
        return _digits(self.number)


@dataclass(frozen=True)
class Helpline:
    region: str
    name: str
    kind: str
    description: str
    hours: str
    checked: date
    phone: str | None = None
    sms: TextLine | None = None
    url: str | None = None

    @property
    def tel(self) -> str | None:
        """The phone number for a tel: link (digits only)."""
        return _digits(self.phone) if self.phone else None

    @property
    def always_open(self) -> bool:
        """Open day and night ("24/7"); other hours vary and are on the service's website."""
        return self.hours == ALWAYS_OPEN

    @property
    def site(self) -> str | None:
        """The website as a person reads it: no scheme, no trailing slash ("988lifeline.org")."""
        return re.sub(r"^https?://(www\.)?", "", self.url).rstrip("/") if self.url else None


def _digits(number: str) -> str:
    return re.sub(r"[^0-9+]", "", number)


@dataclass(frozen=True)
class _Region:
    code: str
    name: str
    emergency: str | None
    lines: tuple[Helpline, ...]


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: '{key}' must be a non-empty string")
    return value.strip()


def _optional(entry: dict[str, Any], key: str, where: str) -> str | None:
    return _text(entry, key, where) if entry.get(key) is not None else None


def _helpline(code: str, entry: dict[str, Any]) -> Helpline:
    where = f"crisis_lines.yaml {code} {entry.get('name', '?')}"
    kind = _text(entry, "kind", where)
    if kind not in KINDS:
        raise ValueError(f"{where}: unknown kind {kind!r}")
    checked = entry.get("checked")
    if not isinstance(checked, date):
        raise ValueError(f"{where}: 'checked' must be a date (YYYY-MM-DD)")
    sms = entry.get("sms")
    text_line = None
    if sms is not None:
        if not isinstance(sms, dict):
            raise ValueError(f"{where}: 'sms' must be a mapping with a number")
        text_line = TextLine(number=_text(sms, "number", where), keyword=_optional(sms, "keyword", where))
    line = Helpline(
        region=code,
        name=_text(entry, "name", where),
        kind=kind,
        description=_text(entry, "description", where),
        hours=_text(entry, "hours", where),
        checked=checked,
        phone=_optional(entry, "phone", where),
        sms=text_line,
        url=_optional(entry, "url", where),
    )
    if not (line.phone or line.sms or line.url):
        raise ValueError(f"{where}: needs a phone, an sms or a url")
    for number in (line.phone, line.sms.number if line.sms else None):
        if number is not None and not _DIALABLE.match(number):
            raise ValueError(f"{where}: {number!r} does not look like a number to dial")
    return line


@lru_cache(maxsize=1)
def _regions() -> dict[str, _Region]:
    path = resources.files("rebond")
    for part in _DATA:
        path = path.joinpath(part)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    regions: dict[str, _Region] = {}
    for code, region in data["regions"].items():
        emergency = region.get("emergency")
        regions[str(code)] = _Region(
            code=str(code),
            name=_text(region, "name", f"crisis_lines.yaml {code}"),
            emergency=str(emergency) if emergency is not None else None,
            lines=tuple(_helpline(str(code), entry) for entry in region["lines"]),
        )
    if INTERNATIONAL not in regions:
        raise ValueError(f"crisis_lines.yaml: the {INTERNATIONAL} directory is missing")
    return regions


def _known(region: str | None) -> _Region | None:
    if not region:
        return None
    code = region.strip().upper()
    found = _regions().get(_ALIASES.get(code, code))
    return found if found is not None and found.code != INTERNATIONAL else None


def regions() -> list[tuple[str, str]]:
    """(code, display name) for every region with lines, the international directory last."""
    known = [(r.code, r.name) for r in _regions().values() if r.code != INTERNATIONAL]
    return sorted(known, key=lambda pair: pair[1]) + [(INTERNATIONAL, _regions()[INTERNATIONAL].name)]


def lines_for(region: str | None) -> list[Helpline]:
    """The region's lines in file order (crisis first), then the international directory.
    Unknown or no region: only the international directory."""
    directory = list(_regions()[INTERNATIONAL].lines)
    known = _known(region)
    return (list(known.lines) if known else []) + directory


def has_lines(region: str | None) -> bool:
    """Does rebond keep lines for this region? False for none, an unknown one and the international directory."""
    return _known(region) is not None


def emergency_number(region: str | None) -> str | None:
    """The number to call when a life is in danger ("911", "999", "112 or 999", "000"); None when unknown."""
    known = _known(region)
    return known.emergency if known else None


def talk_lines(region: str | None) -> list[Helpline]:
    """The region's crisis lines, to call or text (not the directory); empty when the region is unknown."""
    return [line for line in lines_for(region) if line.kind in {"crisis", "text"}]


def dv_lines_for(region: str | None) -> list[Helpline]:
    """Domestic-violence lines for the region; the international directory when there are none."""
    return _of_kind(region, "dv")


def youth_lines_for(region: str | None) -> list[Helpline]:
    """Lines for young people in the region; the international directory when there are none."""
    return _of_kind(region, "youth")


def _of_kind(region: str | None, kind: str) -> list[Helpline]:
    lines = [line for line in lines_for(region) if line.kind == kind]
    return lines or list(_regions()[INTERNATIONAL].lines)


def all_lines() -> list[Helpline]:
    """Every line in the file, every region."""
    return [line for r in _regions().values() for line in r.lines]


def oldest_check() -> date:
    """The oldest `checked` date in the file: the data is as fresh as its stalest number."""
    return min(line.checked for line in all_lines())
