"""Questionnaire content: the instruments' YAML files read into frozen dataclasses.

Item wording, answer anchors, bands, flags and reliable-change rules live in
``rebond/content/instruments/<id>.yaml``. ``load()`` checks their shape once and caches
the result. Pure: no Django, no clock. Scoring lives in ``rebond.domain.instruments``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import yaml

INSTRUMENT_IDS: tuple[str, ...] = ("phq9", "gad7", "pcl5", "scssf", "rses", "who5")

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content" / "instruments"

_RULE_KEYS = frozenset(
    {"item_at_least", "total_at_least", "total_below", "any_item_at_most", "clusters_endorsed", "any", "all"}
)


class UnknownInstrumentError(LookupError):
    """No questionnaire with that id ships with rebond."""


class ContentError(ValueError):
    """An instrument YAML file does not have the shape this module expects."""


@dataclass(frozen=True)
class Anchor:
    value: int
    label: str
    loinc: str | None = None


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    answers: tuple[Anchor, ...]
    loinc: str | None = None
    reverse: bool = False
    scored: bool = True
    optional: bool = False
    note_before: str | None = None
    support_note: str | None = None

    @property
    def min_value(self) -> int:
        return self.answers[0].value

    @property
    def max_value(self) -> int:
        return self.answers[-1].value

    def weight(self, value: int) -> int:
        """What an answer adds to the total: reversed items count from the other end."""
        return self.min_value + self.max_value - value if self.reverse else value

    def anchor(self, value: int) -> Anchor:
        for anchor in self.answers:
            if anchor.value == value:
                return anchor
        raise KeyError(value)


@dataclass(frozen=True)
class Subscale:
    id: str
    label: str
    items: tuple[int, ...]
    method: str  # "sum" | "mean"
    values: str = "scored"  # "scored" (after reversal) | "raw"
    exploratory: bool = False


@dataclass(frozen=True)
class Band:
    id: str
    label: str
    min: Fraction
    min_exclusive: bool
    summary: str

    def admits(self, total: Fraction) -> bool:
        return total > self.min if self.min_exclusive else total >= self.min


@dataclass(frozen=True)
class Rule:
    """A flag or indicator: a named yes/no test over the answers (see ``_holds``)."""

    id: str
    test: Mapping[str, Any]
    summary: str


@dataclass(frozen=True)
class ChangeRule:
    threshold: int
    unit: tuple[str, str]  # singular, plural
    improvement: str  # "lower" | "higher": which direction is better
    basis: str
    sentences: Mapping[str, str]
    scale: str = "total"  # "total" | "percent"
    caseness: int | None = None
    clinically_meaningful: int | None = None


@dataclass(frozen=True)
class CutOff:
    """A cut-off a deployment may choose within a published range (instruments.md 3.5: PCL-5 31-33, 33 by
    default, 31 when screening). ``band`` starts at the chosen value; ``{cut_off}`` in band summaries reads it."""

    band: str
    default: int
    low: int
    high: int
    value: int


@dataclass(frozen=True)
class Instrument:
    id: str
    content_version: int
    title: str
    full_title: str
    about: str
    intro: str
    instructions: str
    timeframe: str
    credit: str
    citation: str
    licence: Mapping[str, Any]
    method: str  # "sum" | "mean"
    total_range: tuple[int, int]
    answer_range: tuple[int, int]
    answers: tuple[Anchor, ...]
    items: tuple[Item, ...]
    subscales: tuple[Subscale, ...]
    bands: tuple[Band, ...]
    flags: tuple[Rule, ...]
    indicators: tuple[Rule, ...]
    stem: str | None = None
    content_note: str | None = None
    display_order: str = "ascending"
    loinc_panel: Anchor | None = None  # value unused; label = display, loinc = code
    loinc_total: Anchor | None = None
    endorsed_at: int | None = None
    alternate_total_offset: int | None = None
    percent_factor: int | None = None
    reliable_change: ChangeRule | None = None
    cut_off: CutOff | None = None

    @property
    def scored_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.scored)

    @property
    def required_count(self) -> int:
        return sum(1 for item in self.items if not item.optional)

    def band(self, band_id: str) -> Band:
        for band in self.bands:
            if band.id == band_id:
                return band
        raise KeyError(band_id)


def load(instrument_id: str, *, cut_off: int | None = None) -> Instrument:
    """The instrument's content and rules, read once from its YAML file. ``cut_off`` picks the cut-off where the
    instrument lets a deployment choose one (the PCL-5); None keeps the default. ValueError outside its range."""
    if instrument_id not in INSTRUMENT_IDS:
        raise UnknownInstrumentError(f"No questionnaire called {instrument_id!r}.")
    return _load(instrument_id, cut_off)


@cache
def _raw(instrument_id: str) -> Mapping[str, Any]:
    with (CONTENT_DIR / f"{instrument_id}.yaml").open(encoding="utf-8") as fh:
        raw: Mapping[str, Any] = yaml.safe_load(fh)
    return raw


@cache
def _load(instrument_id: str, cut_off: int | None) -> Instrument:
    raw = _raw(instrument_id)
    if cut_off is not None:
        _check_cut_off(raw, cut_off)
    try:
        instrument = _build(raw, cut_off)
    except (KeyError, TypeError, ValueError) as exc:
        raise ContentError(f"{instrument_id}.yaml: {exc}") from exc
    if instrument.id != instrument_id:
        raise ContentError(f"{instrument_id}.yaml: id is {instrument.id!r}")
    return instrument


def _check_cut_off(raw: Mapping[str, Any], value: int) -> None:
    spec = raw.get("cut_off")
    if spec is None:
        raise ValueError(f"The {raw['title']} has no cut-off to choose.")
    low, high = (int(v) for v in spec["allowed"])
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"The {raw['title']} cut-off can be {low} to {high}, not {value!r}.")


def _anchors(raw: Sequence[Mapping[str, Any]]) -> tuple[Anchor, ...]:
    anchors = tuple(Anchor(int(a["value"]), str(a["label"]), a.get("loinc")) for a in raw)
    values = [a.value for a in anchors]
    if values != list(range(values[0], values[0] + len(values))):
        raise ValueError(f"answer values must be consecutive and ascending: {values}")
    return anchors


def _coding(raw: Mapping[str, Any] | None) -> Anchor | None:
    return None if raw is None else Anchor(0, str(raw["display"]), str(raw["code"]))


def _rules(raw: Mapping[str, Any] | None) -> tuple[Rule, ...]:
    rules = tuple(Rule(rid, spec["rule"], str(spec["summary"])) for rid, spec in (raw or {}).items())
    for rule in rules:
        _check_rule(rule.test)
    return rules


def _check_rule(test: Mapping[str, Any]) -> None:
    if len(test) != 1 or not _RULE_KEYS.issuperset(test):
        raise ValueError(f"unknown rule {dict(test)!r}")
    for key, arg in test.items():
        if key in ("any", "all"):
            for sub in arg:
                _check_rule(sub)


def _cut_off(raw: Mapping[str, Any], chosen: int | None) -> CutOff | None:
    spec = raw.get("cut_off")
    if spec is None:
        return None
    low, high = (int(v) for v in spec["allowed"])
    default = int(spec["default"])
    if not low <= default <= high:
        raise ValueError(f"cut_off default {default} is outside {low}-{high}")
    return CutOff(str(spec["band"]), default, low, high, default if chosen is None else chosen)


def _build(raw: Mapping[str, Any], chosen_cut_off: int | None = None) -> Instrument:
    default = _anchors(raw["answers"])
    items = tuple(
        Item(
            number=int(it["number"]),
            text=" ".join(str(it["text"]).split()),
            answers=_anchors(it["answers"]) if "answers" in it else default,
            loinc=it.get("loinc"),
            reverse=bool(it.get("reverse", False)),
            scored=bool(it.get("scored", True)),
            optional=bool(it.get("optional", False)),
            note_before=it.get("note_before"),
            support_note=it.get("support_note"),
        )
        for it in raw["items"]
    )
    if [it.number for it in items] != list(range(1, len(items) + 1)):
        raise ValueError("items must be numbered 1, 2, 3, ... in order")
    optional = [it.optional for it in items]
    if optional != sorted(optional):
        raise ValueError("optional items must come last")
    scoring = raw["scoring"]
    cut_off = _cut_off(raw, chosen_cut_off)
    bands = tuple(
        Band(b["id"], b["label"],
             Fraction(cut_off.value) if cut_off and b["id"] == cut_off.band else Fraction(str(b["min"])),
             bool(b.get("min_exclusive", False)),
             b["summary"].replace("{cut_off}", str(cut_off.value)) if cut_off else b["summary"])
        for b in raw["bands"]
    )
    if cut_off and cut_off.band not in {b.id for b in bands}:
        raise ValueError(f"cut_off names band {cut_off.band!r}, which is not one of the bands")
    if [b.min for b in bands] != sorted(b.min for b in bands):
        raise ValueError("bands must be in ascending order")
    subscales = tuple(
        Subscale(
            sid,
            s["label"],
            tuple(int(n) for n in s["items"]),
            s["method"],
            s.get("values", "scored"),
            bool(s.get("exploratory", False)),
        )
        for sid, s in (raw.get("subscales") or {}).items()
    )
    for sub in subscales:
        if not set(sub.items) <= {it.number for it in items if it.scored}:
            raise ValueError(f"subscale {sub.id} names an item that is not scored")
    rc = raw.get("reliable_change")
    change = None
    if rc:
        change = ChangeRule(
            threshold=int(rc["threshold"]),
            unit=(str(rc["unit"][0]), str(rc["unit"][1])),
            improvement=rc["improvement"],
            basis=rc["basis"],
            sentences={k: " ".join(v.split()) for k, v in rc["sentences"].items()},
            scale=rc.get("scale", "total"),
            caseness=rc.get("caseness"),
            clinically_meaningful=rc.get("clinically_meaningful"),
        )
    loinc = raw.get("loinc") or {}
    alternate = scoring.get("alternate_total")
    return Instrument(
        id=raw["id"],
        content_version=int(raw["content_version"]),
        title=raw["title"],
        full_title=raw["full_title"],
        about=raw["about"],
        intro=" ".join(raw["intro"].split()),
        instructions=" ".join(raw["instructions"].split()),
        timeframe=raw["timeframe"],
        credit=" ".join(raw["credit"].split()),
        citation=" ".join(raw["citation"].split()),
        licence=dict(raw["licence"]),
        method=scoring["method"],
        total_range=(scoring["total_range"][0], scoring["total_range"][1]),
        answer_range=(raw["answer_range"][0], raw["answer_range"][1]),
        answers=default,
        items=items,
        subscales=subscales,
        bands=bands,
        flags=_rules(raw.get("flags")),
        indicators=_rules(raw.get("indicators")),
        stem=raw.get("stem"),
        content_note=" ".join(raw["content_note"].split()) if raw.get("content_note") else None,
        display_order=raw.get("display_order", "ascending"),
        loinc_panel=_coding(loinc.get("panel")),
        loinc_total=_coding(loinc.get("total")),
        endorsed_at=scoring.get("endorsed_at"),
        alternate_total_offset=int(alternate["offset"]) if alternate else None,
        percent_factor=scoring.get("percent_factor"),
        reliable_change=change,
        cut_off=cut_off,
    )
