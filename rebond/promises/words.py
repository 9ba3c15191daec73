"""Plain words for the promise pages, from rebond/content/promises.yaml (reading grade 8 or below)."""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from rebond.domain import promises as rules
from rebond.domain import trust
from rebond.promises.models import Outcome, Promise

OUTCOME_WORDS = {
    "kept": "Kept",
    "partial": "Partly",
    "missed": "Not this time",
    "renegotiated": "Let go",
    "excused": "Resting",
}
REASON_WORDS = {"pause": "a pause", "illness": "unwell", "holiday": "holiday"}
# The one-tap choices on a card, in order.
CHOICES = [
    ("kept", "Kept", None),
    ("partial", "Partly", 0.5),
    ("missed", "Not this time", None),
    ("renegotiated", "Let it go", None),
]


@cache
def catalogue() -> dict[str, Any]:
    text = resources.files("rebond.content").joinpath("promises.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def compassion(day: date) -> str:
    lines = catalogue()["compassion"]
    return str(lines[day.toordinal() % len(lines)])


def kept_line(day: date) -> str:
    lines = catalogue()["kept"]
    return str(lines[day.toordinal() % len(lines)])


def outcome_words(outcome: str, reason: str = "") -> str:
    text = OUTCOME_WORDS.get(outcome, outcome)
    if outcome == Outcome.EXCUSED and reason:
        text = f"{text} ({REASON_WORDS.get(reason, reason)})"
    return text


def card(item: Any, error: str = "") -> dict[str, Any]:
    """What one check-in card shows: the promise, the day, and what was recorded (if anything)."""
    checkin = item.checkin
    return {
        "promise": item.promise,
        "on": item.on,
        "checkin": checkin,
        "schedule": rules.describe_rule(item.promise.rrule, item.promise.starts_on),
        "recorded": outcome_words(checkin.outcome, checkin.reason) if checkin else "",
        "kept_line": kept_line(item.on) if checkin and checkin.outcome == "kept" else "",
        "choices": CHOICES,
        "error": error,
    }


def percent(x: float) -> int:
    return round(x * 100)


def status_words(point: trust.TrustPoint) -> str:
    return str(catalogue()["status"][point.status])


def estimate_words(point: trust.TrustPoint) -> str:
    """The estimate in words, never a bare number (UX.md)."""
    if point.status == "not_enough_evidence":
        n = point.observations_needed
        more = "1 more check-in" if n == 1 else f"{n} more check-ins"
        return f"Not enough evidence yet. About {more} will give a first estimate."
    e = point.estimate
    if e >= 0.75:
        lean = "Your record shows you mostly keep your promises to yourself."
    elif e >= 0.55:
        lean = "Your record leans toward keeping your promises to yourself."
    elif e >= 0.45:
        lean = "Your record is mixed right now, with kept and not-kept days close together."
    else:
        lean = "Lately more promises went unkept than kept. A smaller promise can turn this around."
    return lean


def band_words(point: trust.TrustPoint) -> str:
    return f"about {percent(point.estimate)} in 100, likely between {percent(point.low)} and {percent(point.high)}"


def promise_label(promise: Promise) -> str:
    return str(promise.text)
