"""Plain words for the promise pages, from rebond/content/promises.yaml (reading grade 8 or below)."""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from rebond.domain import promises as rules
from rebond.domain import trust
from rebond.promises.models import Outcome, Promise, Reason

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
# "How much, or a note" also offers one day of rest (unwell, away, a break): no evidence either way.
RESTING = ("excused", "Resting (unwell, away or a break)", None)


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


def saved_line(outcome: str, day: date) -> str:
    """What the page says after a check-in is saved."""
    if outcome == Outcome.KEPT:
        return f"Kept. {kept_line(day)}"
    if outcome == Outcome.EXCUSED:
        return "Resting. Nothing is lost while you rest."
    return "Noted."


def outcome_words(outcome: str, reason: str = "") -> str:
    text = OUTCOME_WORDS.get(outcome, outcome)
    if outcome == Outcome.EXCUSED and reason:
        text = f"{text} ({REASON_WORDS.get(reason, reason)})"
    return text


def card(item: Any, error: str = "", *, today: date | None = None, errors: dict[str, list[str]] | None = None,
         posted: dict[str, str] | None = None) -> dict[str, Any]:
    """What one check-in card shows: the promise, the day, what was recorded (if anything), and the choices.
    A day that has passed has no "Let it go": letting a promise go is for before its day is over.
    ``errors`` (by field) and ``posted`` (what was sent) open the "how much, or a note" part with them in place."""
    checkin = item.checkin
    errors = errors or {}
    posted = posted or {}
    past = today is not None and item.on < today
    choices = [c for c in CHOICES if not (past and c[0] == "renegotiated")]
    if checkin is not None and checkin.outcome == "partial" and checkin.value is not None:
        percent = str(round(checkin.value * 100))
    else:
        percent = "50"
    other = [m for field, ms in errors.items() if field not in {"value", "note", "reason"} for m in ms]
    return {
        "promise": item.promise,
        "on": item.on,
        "checkin": checkin,
        "schedule": rules.describe_rule(item.promise.rrule, item.promise.starts_on),
        "recorded": outcome_words(checkin.outcome, checkin.reason) if checkin else "",
        "amount": f"{round(checkin.value * 100)}%" if checkin and checkin.outcome == "partial"
        and checkin.value is not None else "",
        "kept_line": kept_line(item.on) if checkin and checkin.outcome == "kept" else "",
        "choices": choices,
        "more_choices": [*choices, RESTING],
        "reasons": Reason.choices,
        "reason": posted.get("reason") or (checkin.reason if checkin else ""),
        "error": " ".join([error, *other]).strip(),
        "chosen": posted.get("outcome") or (checkin.outcome if checkin else "partial"),
        "percent": posted.get("percent", percent),
        "note": posted["note"] if "note" in posted else (checkin.note or "") if checkin else "",
        "value_error": " ".join(errors.get("value", [])),
        "note_error": " ".join(errors.get("note", [])),
        "reason_error": " ".join(errors.get("reason", [])),
        "open": bool(errors.get("value") or errors.get("note") or errors.get("reason")),
        "key": f"{item.promise.pk}-{item.on:%Y%m%d}",
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


def trust_fields(point: trust.TrustPoint) -> dict[str, Any]:
    """The self-trust record for machines (the API and `rebond trust --json`): the contract's estimate,
    uncertainty, low, high and status, always numeric (trust-model.md Clarifications), and the rest of the opinion."""
    return {"on": point.on, "estimate": point.estimate, "uncertainty": point.uncertainty, "low": point.low,
            "high": point.high, "status": point.status, "belief": point.belief, "disbelief": point.disbelief,
            "observations_needed": point.observations_needed}


def band_words(point: trust.TrustPoint) -> str:
    return f"about {percent(point.estimate)} in 100, likely between {percent(point.low)} and {percent(point.high)}"


def promise_label(promise: Promise) -> str:
    return str(promise.text)
