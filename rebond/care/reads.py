"""What a viewer sees of one scope: plain dicts built from the owning apps' selectors (read-only).

Callers must have passed `access.read_scope` first (or be the owner previewing). Nothing here checks access.
Where an app has no selector for a summary we need, the small read below uses its models read-only:
- `_people_summary` reads rebond.people selectors (person_list, person_lately, person_trust).
- `safety_alerts_for` reads rebond.measures models (MeasureResponse flags, DailyCheckin safety) read-only.
- `latest_scores_for` reads MeasureResponse read-only: the newest two per person and questionnaire, in one query.
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


def percent(x: float) -> int:
    return int(round(x * 100))


def trust_dict(point: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"status": str(point.status), "words": STATUS_WORDS.get(str(point.status), ""),
                           "estimate": point.estimate, "uncertainty": point.uncertainty,
                           "low": point.low, "high": point.high}
    if point.status != "not_enough_evidence":
        out["band"] = (f"about {percent(point.estimate)} in 100, likely between {percent(point.low)} "
                       f"and {percent(point.high)}")
    else:
        out["band"] = ""
    return out


def _promises(owner: Any) -> dict[str, Any]:
    from rebond.promises import selectors

    book = selectors.ledger(user=owner)
    rows, count = selectors.promise_list(user=owner, archived=False, limit=50)
    point = selectors.self_trust(user=owner, book=book)
    held = selectors.held_ids(rows)  # about staying safe: never counted, so no "0 kept of 0" beside them
    kept: dict[int, int] = {}
    recorded: dict[int, int] = {}
    for _, pid, _day, outcome, _value in book.rows:
        recorded[pid] = recorded.get(pid, 0) + 1
        kept[pid] = kept.get(pid, 0) + (1 if outcome == "kept" else 0)
    return {
        "self_trust": trust_dict(point),
        "items": [{"id": p.pk, "text": str(p.text), "size": p.size, "repeats": bool(p.rrule),
                   "starts_on": p.starts_on.isoformat(), "kept": kept.get(p.pk, 0),
                   "recorded": recorded.get(p.pk, 0), "held_for_safety_plan": p.pk in held} for p in rows],
        "count": count,
    }


def _victories(owner: Any) -> dict[str, Any]:
    from rebond.promises import selectors

    items, count = selectors.victories(user=owner, limit=30)
    return {"items": [{"on": v.on.isoformat(), "text": v.text, "source": v.source} for v in items], "count": count}


def latest_scores(owner: Any) -> list[dict[str, Any]]:
    """The latest score of each questionnaire the person took, with its reliable change since the one before."""
    return latest_scores_for([owner])[owner.pk]


def latest_scores_for(owners: list[Any]) -> dict[int, list[dict[str, Any]]]:
    """`latest_scores` for many people in one query: the newest two answer sets per person and questionnaire
    (a window function, on SQLite and PostgreSQL alike), compared as the measures app compares them."""
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    from rebond.domain.instruments import load
    from rebond.domain.reliable_change import reliable_change
    from rebond.measures.access import enabled_instrument_ids
    from rebond.measures.models import MeasureResponse
    from rebond.measures.selectors import display_total, local_date

    out: dict[int, list[dict[str, Any]]] = {owner.pk: [] for owner in owners}
    if not owners:
        return out
    enabled = enabled_instrument_ids()
    rows = (MeasureResponse.objects.filter(user_id__in=list(out), instrument__in=enabled)
            .annotate(rank=Window(RowNumber(), partition_by=[F("user_id"), F("instrument")],
                                  order_by=[F("taken_at").desc(), F("id").desc()]))
            .filter(rank__lte=2).order_by().values_list("user_id", "instrument", "rank", "total", "severity",
                                                          "taken_at"))
    newest: dict[tuple[int, str], tuple[float, str, Any]] = {}
    before: dict[tuple[int, str], float] = {}
    for user_id, instrument_id, rank, total, severity, taken_at in rows:
        if rank == 1:
            newest[(user_id, instrument_id)] = (total, severity, taken_at)
        else:
            before[(user_id, instrument_id)] = total
    for owner in owners:
        for instrument_id in enabled:
            latest = newest.get((owner.pk, instrument_id))
            if latest is None:
                continue
            total, severity, taken_at = latest
            instrument = load(instrument_id)
            change = None
            if (owner.pk, instrument_id) in before:
                try:
                    change = reliable_change(instrument_id, before[(owner.pk, instrument_id)], total)
                except ValueError:  # no established rule for this questionnaire, or a total out of range
                    change = None
            arrow, words = CHANGE_WORDS.get(change.status, ("", "")) if change else ("", "First answers: no change yet")
            out[owner.pk].append({
                "instrument": instrument_id, "title": instrument.title,
                "total": display_total(instrument, total), "severity": severity,
                "severity_words": _band_label(instrument, severity),
                "taken_on": local_date(owner, taken_at).isoformat(),
                "change": change.status if change else None, "arrow": arrow, "change_words": words,
            })
    return out


def _band_label(instrument: Any, severity: str) -> str:
    try:
        return str(instrument.band(severity).label)
    except KeyError:
        return ""


def _measures(owner: Any) -> dict[str, Any]:
    items = latest_scores(owner)
    return {"items": items, "count": len(items)}


def _thoughts(owner: Any) -> dict[str, Any]:
    from rebond.measures.selectors import local_date
    from rebond.thoughts import selectors

    rows, count = selectors.record_list(user=owner, status="done", limit=20)
    return {"items": [{
        "id": r.pk, "on": local_date(owner, r.created_at).isoformat(), "situation": r.situation,
        "thought": selectors.hot_thought(r), "traps": list(r.traps or []), "accurate_read": r.accurate_read,
        "balanced_thought": r.balanced_thought, "action_plan": r.action_plan,
        "belief_before": r.belief_before, "belief_after": r.belief_after,
    } for r in rows], "count": count}


def _people_summary(owner: Any) -> dict[str, Any]:
    """People in the owner's record, with trust and the last four weeks. Anyone the owner said has hurt, threatened
    or scared them (yes or not sure) is left out entirely: the form promises that answer stays private, and the
    viewer may be that person. Nothing here (no mark, no count, no gap) hints that anyone was left out."""
    from rebond.people import selectors

    items = []
    for person in selectors.person_list(user=owner):
        if person.safety_first:
            continue
        lately = selectors.person_lately(user=owner, person=person)
        items.append({"name": str(person.name),
                      "trust": trust_dict(selectors.person_trust(user=owner, person=person)),
                      "lately": {"kept": lately.kept, "not_kept": lately.not_kept, "shown": lately.shown,
                                 "hard": lately.hard, "repairs": lately.repairs}})
    return {"items": items, "count": len(items)}


def _journal(owner: Any) -> dict[str, Any]:
    from rebond.journal import selectors

    rows, count = selectors.entry_list(user=owner, limit=20)
    return {"items": [{"id": e.pk, "on": e.on.isoformat(), "kind": e.get_kind_display(), "prompt": e.prompt,
                       "body": e.body, "retelling": e.retelling} for e in rows], "count": count}


def safety_alerts(owner: Any, *, days: int = SAFETY_DAYS) -> list[dict[str, Any]]:
    """PHQ-9 item 9 above zero, and daily check-ins answered "Not safe" or "Not sure", newest first.
    Only the fact and the day: never the note, never who (if anyone) the person is afraid of."""
    return safety_alerts_for([owner], days=days)[owner.pk]


def safety_alerts_for(owners: list[Any], *, days: int = SAFETY_DAYS) -> dict[int, list[dict[str, Any]]]:
    """`safety_alerts` for many people: one query for questionnaires and one for check-ins, whoever many there are."""
    from rebond.measures.models import DailyCheckin, MeasureResponse, Safety
    from rebond.measures.selectors import local_date

    by_id = {owner.pk: owner for owner in owners}
    out: dict[int, list[dict[str, Any]]] = {pk: [] for pk in by_id}
    if not owners:
        return out
    since = timezone.now() - timedelta(days=days)
    for response in MeasureResponse.objects.filter(user_id__in=list(by_id), instrument="phq9",
                                                   taken_at__gte=since).order_by().only("id", "flags", "taken_at",
                                                                                        "user_id"):
        if (response.flags or {}).get("item9"):
            out[response.user_id].append({
                "source": f"measure:{response.pk}", "on": local_date(by_id[response.user_id],
                                                                     response.taken_at).isoformat(),
                "words": "Answered above zero on the PHQ-9 question about thoughts of being better off dead "
                         "or of self-harm."})
    first_day = since.date()
    for row in DailyCheckin.objects.filter(user_id__in=list(by_id), date__gte=first_day,
                                           safety__in=[Safety.NOT_SAFE, Safety.NOT_SURE]).order_by().only(
            "id", "date", "safety", "user_id"):
        words = "Said \"Not safe\" in the daily check-in." if row.safety == Safety.NOT_SAFE else \
            "Said \"Not sure\" about being safe in the daily check-in."
        out[row.user_id].append({"source": f"checkin:{row.pk}", "on": row.date.isoformat(), "words": words})
    for items in out.values():
        items.sort(key=lambda item: (item["on"], item["source"]), reverse=True)
    return out


def alerts_seen(owner: Any, sources: list[str]) -> dict[str, dict[str, Any]]:
    """What each acknowledged alert was, by its source ("measure:12", "checkin:34"), for the person's own page: the
    day and where it came from, never the answers or the note. A source whose record the person deleted is left out."""
    from rebond.measures.models import DailyCheckin, MeasureResponse
    from rebond.measures.selectors import local_date

    ids: dict[str, list[int]] = {"measure": [], "checkin": []}
    for source in sources:
        kind, _, number = source.partition(":")
        if kind in ids and number.isdigit():
            ids[kind].append(int(number))
    out: dict[str, dict[str, Any]] = {}
    for pk, taken_at in MeasureResponse.objects.filter(user=owner, pk__in=ids["measure"]).values_list("id",
                                                                                                     "taken_at"):
        out[f"measure:{pk}"] = {"on": local_date(owner, taken_at), "about": "phq9", "words": "your PHQ-9 answers"}
    for pk, day in DailyCheckin.objects.filter(user=owner, pk__in=ids["checkin"]).values_list("id", "date"):
        out[f"checkin:{pk}"] = {"on": day, "about": "daily_checkin", "words": "your daily check-in"}
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
