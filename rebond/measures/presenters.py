"""Turning stored rows into words and JSON-ready dicts, shared by the API, the web pages and the CLI."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from rebond.domain.instruments import Instrument, load
from rebond.domain.reliable_change import Change
from rebond.measures import catalogue, selectors
from rebond.measures.models import DailyCheckin, MeasureResponse, Safety

#: Instruments whose bands are validated cut-offs worth shading on a chart. The RSES has no
#: official cut-offs (its ranges are only conventional), so its chart has no shaded bands.
NO_VALIDATED_BANDS = frozenset({"rses"})


def total_text(instrument: Instrument, total: float) -> str:
    shown = selectors.display_total(instrument, total)
    lo, hi = instrument.total_range
    if isinstance(shown, float):
        return f"{shown:.2f} on a scale from {lo} to {hi}"
    return f"{shown} out of {hi}"


def flag_words(instrument: Instrument, flags: dict[str, Any]) -> list[str]:
    return [rule.summary for rule in instrument.flags if flags.get(rule.id)]


def support(user: Any) -> dict[str, Any]:
    """The inline help shown after a non-zero PHQ-9 item 9. No risk score, and nobody is contacted."""
    from rebond.domain import helplines
    from rebond.safety.guard import GuardResult

    region = str(getattr(user, "region", "") or "") or None
    phq9 = load("phq9")
    return {
        "heading": catalogue.words()["item9_heading"],
        "message": phq9.items[8].support_note,
        "footer": catalogue.words()["item9_footer"],
        "no_region": catalogue.words()["no_region"],
        "emergency_number": helplines.emergency_number(region),
        "resources": GuardResult(detected=True, region=region).resources(),
        "help_url": reverse("safety:help"),
        "safety_plan_url": reverse("safety:plan"),
        "contacted": False,
    }


def change_dict(change: Change | None) -> dict[str, Any] | None:
    if change is None:
        return None
    return {"status": change.status, "sentence": change.sentence, "points": change.points,
            "threshold": change.threshold, "unit": change.unit, "basis": change.basis,
            "recovered": change.recovered, "reliable_recovery": change.reliable_recovery}


def response_dict(response: MeasureResponse, *, detail: bool = False, user: Any = None) -> dict[str, Any]:
    instrument = load(response.instrument)
    band = instrument.band(response.severity)
    data: dict[str, Any] = {
        "id": response.pk,
        "instrument": response.instrument,
        "total": selectors.display_total(instrument, response.total),
        "severity": response.severity,
        "flags": dict(response.flags or {}),
        "taken_at": response.taken_at.isoformat(),
        "words": band.summary,
        "band_label": band.label,
    }
    if response.percent is not None:
        data["percent"] = response.percent
    if detail:
        data["answers"] = list(response.answers)
        data["items"] = [
            {"number": item.number, "text": item.text, "value": value, "answer": item.anchor(value).label}
            for item, value in zip(instrument.items, response.answers, strict=False)
        ]
        data["change"] = change_dict(selectors.change_since_previous(response=response))
        data["flag_words"] = flag_words(instrument, data["flags"])
        data["credit"] = instrument.credit
    if (response.flags or {}).get("item9") and user is not None:
        data["support"] = support(user)
    return data


def checkin_next(user: Any, checkin: DailyCheckin) -> dict[str, Any] | None:
    """Where a check-in leads (UX.md, Safety): crisis lines, or domestic-violence help and device tips."""
    from rebond.domain import helplines
    from rebond.safety.guard import GuardResult

    if checkin.safety == Safety.SAFE:
        return None
    region = str(getattr(user, "region", "") or "") or None
    if checkin.about == "someone":
        return {
            "kind": "dv_help",
            "url": reverse("measures:checkin_help"),
            "resources": GuardResult(harmed_by_other=True, region=region).resources(),
            "device_tips": list(catalogue.words()["device_tips"]),
            "emergency_number": helplines.emergency_number(region),
        }
    return {
        "kind": "crisis_lines",
        "url": reverse("safety:help"),
        "resources": GuardResult(detected=True, region=region).resources(),
        "emergency_number": helplines.emergency_number(region),
    }


def checkin_dict(checkin: DailyCheckin) -> dict[str, Any]:
    return {
        "id": checkin.pk,
        "date": checkin.date.isoformat(),
        "mood": checkin.mood,
        "mood_label": catalogue.mood_label(checkin.mood),
        "safety": checkin.safety,
        "about": checkin.about or None,
        "note": checkin.note,
    }
