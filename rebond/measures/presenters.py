"""Turning stored rows into words and JSON-ready dicts, shared by the API, the web pages and the CLI."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from rebond.domain.instruments import Instrument, load
from rebond.domain.reliable_change import Change
from rebond.lib.text import and_list
from rebond.measures import catalogue, selectors
from rebond.measures.access import configured
from rebond.measures.models import About, DailyCheckin, MeasureResponse, Safety

#: Instruments whose bands are not validated cut-offs, so their charts shade nothing (issue 6: "bands shaded
#: only where the instrument has validated bands"). The RSES has no official cut-offs (its ranges are only
#: conventional); the SCS-SF ranges are Neff's rough guide (instruments.md 3.4), not validated cut-offs.
#: Both keep their range words, labelled as conventional or a rough guide.
NO_VALIDATED_BANDS = frozenset({"rses", "scssf"})


def total_text(instrument: Instrument, total: float) -> str:
    shown = selectors.display_total(instrument, total)
    lo, hi = instrument.total_range
    if isinstance(shown, float):
        return f"{shown:.2f} on a scale from {lo} to {hi}"
    return f"{shown} out of {hi}"


def flag_words(instrument: Instrument, flags: dict[str, Any]) -> list[str]:
    return [rule.summary for rule in instrument.flags if flags.get(rule.id)]


def who_sees(user: Any, *, about: str) -> str:
    """Who can see a safety answer, from the person's own shares (UX.md Safety): the clinicians they share safety
    alerts with, by name; supporters never; nobody alerted. ``about`` is "checkin" or "item9"."""
    from rebond.care.selectors import safety_alert_viewers

    words = catalogue.words()["who_sees"]
    names = safety_alert_viewers(user=user)
    first = words[about]["some"].format(names=and_list(names)) if names else words[about]["nobody"]
    return f"{first} {words['always']}"


def note_before(user: Any, instrument: Instrument, item: Any) -> str:
    """The note shown before a question; before PHQ-9 question 9 it goes on to say who will see the answer."""
    note = item.note_before or ""
    if instrument.id == "phq9" and item.number == 9:
        note = f"{note} {who_sees(user, about='item9')}".strip()
    return note


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


def paired_dict(paired: selectors.Paired) -> dict[str, Any]:
    """The PHQ-9 and GAD-7 outcome as JSON: which answers were compared, each change, the five IAPT-style
    statements and the words the Measures page shows."""
    outcome = paired.outcome

    def side(pair: selectors.Pair) -> dict[str, Any]:
        return {r.instrument: {"id": r.pk, "total": selectors.display_total(load(r.instrument), r.total),
                               "taken_at": r.taken_at.isoformat()} for r in pair}

    return {
        "first": side(paired.first),
        "last": side(paired.last),
        "phq9": change_dict(outcome.phq9),
        "gad7": change_dict(outcome.gad7),
        "case_at_start": outcome.case_at_start,
        "reliable_improvement": outcome.reliable_improvement,
        "reliable_deterioration": outcome.reliable_deterioration,
        "recovery": outcome.recovery,
        "reliable_recovery": outcome.reliable_recovery,
        "outcome": paired.key,
        "words": catalogue.words()["paired"][paired.key],
    }


def response_dict(response: MeasureResponse, *, detail: bool = False, user: Any = None) -> dict[str, Any]:
    instrument = configured(response.instrument)
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
    """Where a check-in leads (UX.md, Safety): crisis lines; domestic-violence help and device tips; or, when
    an unsafe answer didn't say who it is about, both (crisis lines first)."""
    from rebond.domain import helplines
    from rebond.safety.guard import GuardResult

    if checkin.safety == Safety.SAFE:
        return None
    region = str(getattr(user, "region", "") or "") or None
    emergency = helplines.emergency_number(region)
    if checkin.about == About.MYSELF:
        return {"kind": "crisis_lines", "url": reverse("safety:help"),
                "resources": GuardResult(detected=True, region=region).resources(), "emergency_number": emergency}
    if checkin.about == About.SOMEONE:
        resources = GuardResult(harmed_by_other=True, region=region).resources()
        kind = "dv_help"
    else:
        every = GuardResult(detected=True, region=region).resources()
        first = [line for line in every if line.get("kind") in {"crisis", "text"}]
        dv = [line for line in every if line.get("kind") == "dv"]
        resources = first + dv + [line for line in every if line not in first and line not in dv]
        kind = "crisis_and_dv_help"
    return {"kind": kind, "url": reverse("measures:checkin_help"), "resources": resources,
            "device_tips": list(catalogue.words()["device_tips"]), "emergency_number": emergency}


def checkin_dict(checkin: DailyCheckin) -> dict[str, Any]:
    return {
        "id": checkin.pk,
        "date": checkin.date.isoformat(),
        "mood": checkin.mood,
        "mood_label": catalogue.mood_label(checkin.mood) or None,
        "safety": checkin.safety,
        "about": checkin.about or None,
        "note": checkin.note,
    }
