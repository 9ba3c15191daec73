"""What a viewer sees of one scope: plain dicts built from the owning apps' selectors (read-only).

Callers must have passed `access.read_scope` first (or be the owner previewing). Nothing here checks access.
Where an app has no selector for a summary we need, the small read below uses its models read-only:
- `_people_summary` reads rebond.people selectors (person_list, person_lately, person_trust).
- `_safety_alerts` reads rebond.measures models (MeasureResponse flags, DailyCheckin safety) read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.utils import timezone

from rebond.care.models import Scope

STATUS_WORDS = {
    "not_enough_evidence": "Not enough evidence yet for an estimate",
    "early": "An early estimate, still settling",
    "well_supported": "A well-supported estimate",
}
CHANGE_WORDS = {
    "reliable_improvement": ("▲", "Reliably better"),
    "reliable_deterioration": ("▼", "Reliably worse"),
    "no_reliable_change": ("●", "No reliable change"),
}
SAFETY_DAYS = 30


def _percent(x: float) -> int:
    return int(round(x * 100))


def trust_dict(point: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"status": str(point.status), "words": STATUS_WORDS.get(str(point.status), ""),
                           "estimate": point.estimate, "uncertainty": point.uncertainty,
                           "low": point.low, "high": point.high}
    if point.status != "not_enough_evidence":
        out["band"] = (f"about {_percent(point.estimate)} in 100, likely between {_percent(point.low)} "
                       f"and {_percent(point.high)}")
    else:
        out["band"] = ""
    return out


def _promises(owner: Any) -> dict[str, Any]:
    from rebond.promises import selectors

    book = selectors.ledger(user=owner)
    rows, count = selectors.promise_list(user=owner, archived=False, limit=50)
    point = selectors.self_trust(user=owner, book=book)
    kept: dict[int, int] = {}
    recorded: dict[int, int] = {}
    for _, pid, _day, outcome, _value in book.rows:
        recorded[pid] = recorded.get(pid, 0) + 1
        kept[pid] = kept.get(pid, 0) + (1 if outcome == "kept" else 0)
    return {
        "self_trust": trust_dict(point),
        "items": [{"id": p.pk, "text": str(p.text), "size": p.size, "repeats": bool(p.rrule),
                   "starts_on": p.starts_on.isoformat(), "kept": kept.get(p.pk, 0),
                   "recorded": recorded.get(p.pk, 0)} for p in rows],
        "count": count,
    }


def _victories(owner: Any) -> dict[str, Any]:
    from rebond.promises import selectors

    items, count = selectors.victories(user=owner, limit=30)
    return {"items": [{"on": v.on.isoformat(), "text": v.text, "source": v.source} for v in items], "count": count}


def latest_scores(owner: Any, taken: set[str] | None = None) -> list[dict[str, Any]]:
    """The latest score of each questionnaire with its reliable change. `taken` (instrument ids the person has
    answered, when the caller already knows) skips the ones never taken."""
    from rebond.domain.instruments import load
    from rebond.measures import selectors
    from rebond.measures.access import enabled_instrument_ids

    out = []
    for instrument_id in enabled_instrument_ids():
        if taken is not None and instrument_id not in taken:
            continue
        latest = selectors.response_latest(user=owner, instrument_id=instrument_id)
        if latest is None:
            continue
        instrument = load(instrument_id)
        change = selectors.change_since_previous(response=latest)
        arrow, words = CHANGE_WORDS.get(change.status, ("", "")) if change else ("", "First answers: no change yet")
        out.append({
            "instrument": instrument_id, "title": instrument.title,
            "total": selectors.display_total(instrument, latest.total), "severity": latest.severity,
            "taken_on": selectors.local_date(owner, latest.taken_at).isoformat(),
            "change": change.status if change else None, "arrow": arrow, "change_words": words,
        })
    return out


def _measures(owner: Any) -> dict[str, Any]:
    items = latest_scores(owner)
    return {"items": items, "count": len(items)}


def _thoughts(owner: Any) -> dict[str, Any]:
    from rebond.thoughts import selectors

    rows, count = selectors.record_list(user=owner, status="done", limit=20)
    return {"items": [{
        "id": r.pk, "on": r.created_at.date().isoformat(), "situation": r.situation,
        "thought": selectors.hot_thought(r), "traps": list(r.traps or []), "accurate_read": r.accurate_read,
        "balanced_thought": r.balanced_thought, "action_plan": r.action_plan,
        "belief_before": r.belief_before, "belief_after": r.belief_after,
    } for r in rows], "count": count}


def _people_summary(owner: Any) -> dict[str, Any]:
    from rebond.people import selectors

    items = []
    for person in selectors.person_list(user=owner):
        row: dict[str, Any] = {"name": str(person.name), "safety_first": person.safety_first}
        if person.safety_first:
            row["words"] = "Marked as someone who has hurt or scared them: no rebuilding scores are shown."
        else:
            lately = selectors.person_lately(user=owner, person=person)
            row.update({"trust": trust_dict(selectors.person_trust(user=owner, person=person)),
                        "lately": {"kept": lately.kept, "not_kept": lately.not_kept, "shown": lately.shown,
                                   "hard": lately.hard, "repairs": lately.repairs}})
        items.append(row)
    return {"items": items, "count": len(items)}


def _journal(owner: Any) -> dict[str, Any]:
    from rebond.journal import selectors

    rows, count = selectors.entry_list(user=owner, limit=20)
    return {"items": [{"id": e.pk, "on": e.on.isoformat(), "kind": e.get_kind_display(), "prompt": e.prompt,
                       "body": e.body, "retelling": e.retelling} for e in rows], "count": count}


def safety_alerts(owner: Any, *, days: int = SAFETY_DAYS) -> list[dict[str, Any]]:
    """PHQ-9 item 9 above zero, and daily check-ins answered "Not safe" or "Not sure", newest first.
    Only the fact and the day: never the note, never who (if anyone) the person is afraid of."""
    from rebond.measures.models import DailyCheckin, MeasureResponse, Safety
    from rebond.measures.selectors import local_date

    since = timezone.now() - timedelta(days=days)
    out: list[dict[str, Any]] = []
    for response in MeasureResponse.objects.filter(user=owner, instrument="phq9", taken_at__gte=since).only(
            "id", "flags", "taken_at", "user_id"):
        if (response.flags or {}).get("item9"):
            out.append({"source": f"measure:{response.pk}", "on": local_date(owner, response.taken_at).isoformat(),
                        "words": "Answered above zero on the PHQ-9 question about thoughts of being better off dead "
                                 "or of self-harm."})
    first_day = (timezone.now() - timedelta(days=days)).date()
    for row in DailyCheckin.objects.filter(user=owner, date__gte=first_day,
                                           safety__in=[Safety.NOT_SAFE, Safety.NOT_SURE]).only("id", "date", "safety"):
        words = "Said \"Not safe\" in the daily check-in." if row.safety == Safety.NOT_SAFE else \
            "Said \"Not sure\" about being safe in the daily check-in."
        out.append({"source": f"checkin:{row.pk}", "on": row.date.isoformat(), "words": words})
    out.sort(key=lambda item: (item["on"], item["source"]), reverse=True)
    return out


def _safety(owner: Any) -> dict[str, Any]:
    items = safety_alerts(owner)
    return {"items": items, "count": len(items)}


READERS: dict[str, Callable[[Any], dict[str, Any]]] = {
    Scope.PROMISES: _promises,
    Scope.VICTORIES: _victories,
    Scope.MEASURES: _measures,
    Scope.THOUGHTS: _thoughts,
    Scope.LEDGER_SUMMARY: _people_summary,
    Scope.JOURNAL: _journal,
    Scope.SAFETY_ALERTS: _safety,
}


def read(owner: Any, scope: str) -> dict[str, Any]:
    return READERS[scope](owner)
