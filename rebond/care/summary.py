"""A session summary for a chosen period: self-trust then and now, check-ins, questionnaires with their reliable
change across the period, homework, and thought records in numbers. Only the scopes the reader may see are built."""

from __future__ import annotations

from datetime import date
from typing import Any

from rebond.care import reads, selectors
from rebond.care.models import Scope

MAX_DAYS = 366


def build(*, owner: Any, start: date, end: date, scopes: frozenset[str], clinician: Any | None = None,
          everything: bool = False) -> dict[str, Any]:
    """`everything`: the owner's own view, listing every finished record with whether it is chosen."""
    out: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat(), "sections": []}
    if Scope.PROMISES in scopes:
        out["promises"] = _promises(owner, start, end)
    if Scope.MEASURES in scopes:
        out["measures"] = _measures(owner, start, end)
    if Scope.THOUGHTS in scopes:
        out["thoughts"] = _thoughts(owner, start, end, everything=clinician is None and everything)
    rows = [h for h in selectors.homework_list(owner=owner)
            if start <= h.due_on <= end and (clinician is None or h.clinician_id == clinician.pk)]
    out["homework"] = {
        "items": [{"kind": h.get_kind_display(), "count": h.count, "due_on": h.due_on.isoformat(),
                   "done": h.done_at is not None} for h in rows],
        "adherence": selectors.adherence(rows, end),
    }
    return out


def _promises(owner: Any, start: date, end: date) -> dict[str, Any]:
    from rebond.promises import selectors as promises

    book = promises.ledger(user=owner)
    counts: dict[str, int] = {}
    for _, _pid, day, outcome, _value in book.rows:
        if start <= day <= end:
            counts[outcome] = counts.get(outcome, 0) + 1
    return {
        "then": reads.trust_dict(promises.self_trust(user=owner, on=start, book=book)),
        "now": reads.trust_dict(promises.self_trust(user=owner, on=end, book=book)),
        "kept": counts.get("kept", 0), "partial": counts.get("partial", 0), "missed": counts.get("missed", 0),
        "let_go": counts.get("renegotiated", 0) + counts.get("excused", 0),
    }


def _measures(owner: Any, start: date, end: date) -> list[dict[str, Any]]:
    from rebond.domain.instruments import load
    from rebond.domain.reliable_change import reliable_change
    from rebond.measures import selectors as measures
    from rebond.measures.access import enabled_instrument_ids

    out = []
    for instrument_id in enabled_instrument_ids():
        points = [(day, total) for day, total, _ in measures.series(user=owner, instrument_id=instrument_id)
                  if start <= day <= end]
        if not points:
            continue
        instrument = load(instrument_id)
        row: dict[str, Any] = {"title": instrument.title, "taken": len(points),
                               "first": measures.display_total(instrument, points[0][1]),
                               "last": measures.display_total(instrument, points[-1][1]),
                               "arrow": "", "change_words": "Taken once in this period" if len(points) == 1 else ""}
        if len(points) > 1:
            try:
                change = reliable_change(instrument_id, points[0][1], points[-1][1])
            except ValueError:
                row["change_words"] = "No established rule for reliable change"
            else:
                row["arrow"], row["change_words"] = reads.CHANGE_WORDS[change.status]
        out.append(row)
    return out


def _thoughts(owner: Any, start: date, end: date, *, everything: bool = False) -> dict[str, Any]:
    """Counts and traps for every finished record; the words only of records the person chose for summaries."""
    from rebond.care.models import SummaryThought
    from rebond.thoughts import selectors as thoughts

    rows, _ = thoughts.record_list(user=owner, status="done", limit=10_000)
    mine = [r for r in rows if start <= r.created_at.date() <= end]
    picked = set(SummaryThought.objects.filter(owner=owner).values_list("record_id", flat=True))
    traps: dict[str, int] = {}
    for record in mine:
        for trap in record.traps or []:
            traps[trap] = traps.get(trap, 0) + 1
    shown = [r for r in mine if everything or r.pk in picked]
    return {"finished": len(mine), "traps": sorted(traps.items(), key=lambda kv: (-kv[1], kv[0])),
            "records": [{"id": r.pk, "on": r.created_at.date().isoformat(), "thought": thoughts.hot_thought(r),
                         "balanced_thought": r.balanced_thought, "belief_before": r.belief_before,
                         "belief_after": r.belief_after, "chosen": r.pk in picked} for r in shown]}
