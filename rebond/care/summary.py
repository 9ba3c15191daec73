"""A session summary for a chosen period: self-trust then and now, check-ins, questionnaires with their reliable
change across the period, homework, and thought records in numbers. Only the scopes the reader may see are built.

It prints on one A4 page (care-print.css), so whatever can grow with the period is bounded here: the summary
quotes the QUOTED newest records the person chose and counts the rest, and the printout groups homework by kind."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rebond.care import reads, selectors
from rebond.care.models import Scope

MAX_DAYS = 366
QUOTED = 3  # thought records quoted in a summary, newest chosen first; the others are counted


def build(*, owner: Any, start: date, end: date, scopes: frozenset[str], mine: bool = False,
          homework_from: Any | None = None, everything: bool = False) -> dict[str, Any]:
    """`mine`: the owner's own summary, with homework from every clinician; otherwise only the homework
    `homework_from` (a clinician) gave, and none at all for anyone else. `everything` (with `mine`): also list every
    finished record of the period with whether it is chosen (`thoughts.choices`, for the person's form)."""
    out: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat(), "sections": []}
    if Scope.PROMISES in scopes:
        out["promises"] = _promises(owner, start, end)
    if Scope.MEASURES in scopes:
        out["measures"] = _measures(owner, start, end)
    if Scope.THOUGHTS in scopes:
        out["thoughts"] = _thoughts(owner, start, end, everything=mine and everything)
    if mine or homework_from is not None:
        # due in the period, and what is still open after it (next week's homework belongs in this session too)
        rows = [h for h in selectors.homework_list(owner=owner)
                if (start <= h.due_on <= end or (h.due_on > end and not h.progress.complete))
                and (mine or h.clinician_id == getattr(homework_from, "pk", None))]
        out["homework"] = {
            "items": [{"kind": h.get_kind_display(), "count": h.count, "due_on": h.due_on.isoformat(),
                       "done": h.progress.complete, "counted": h.progress.counted, "progress": h.progress.words}
                      for h in rows],
            "adherence": selectors.adherence(rows, end),
            "by_kind": _homework_by_kind(rows, end),
        }
    return out


def _homework_by_kind(rows: list[Any], end: date) -> list[dict[str, Any]]:
    """The homework of the period in at most one line per template, for the printed page."""
    kinds: dict[str, list[Any]] = {}
    for h in rows:
        kinds.setdefault(h.get_kind_display(), []).append(h)
    return [{"kind": kind, **selectors.adherence(items, end)} for kind, items in kinds.items()]


def _promises(owner: Any, start: date, end: date) -> dict[str, Any]:
    from rebond.promises import selectors as promises

    book = promises.ledger(user=owner)
    counts: dict[str, int] = {}
    for _, _pid, day, outcome, _value in book.rows:
        if start <= day <= end:
            counts[outcome] = counts.get(outcome, 0) + 1
    weeks = (end - start).days // 7
    trend = promises.self_trust_series(user=owner, start=end - timedelta(days=7 * weeks), end=end, step_days=7,
                                       book=book)
    return {
        "then": reads.trust_dict(promises.self_trust(user=owner, on=start, book=book)),
        "now": reads.trust_dict(promises.self_trust(user=owner, on=end, book=book)),
        "trend": [{"on": p.on.isoformat(), **reads.trust_dict(p)} for p in trend],
        "kept": counts.get("kept", 0), "partial": counts.get("partial", 0), "missed": counts.get("missed", 0),
        "let_go": counts.get("renegotiated", 0) + counts.get("excused", 0),
    }


def trend_words(trend: list[dict[str, Any]]) -> str:
    """The weekly chart in one sentence, for a reader who can't see it and for the printout (which leaves out the
    table beside the chart, since it holds the same numbers)."""
    enough = [p for p in trend if p["status"] != "not_enough_evidence"]
    if len(enough) < 2:
        return ""
    values = [reads.percent(p["estimate"]) for p in enough]
    return (f"Week by week, the estimate went from about {values[0]} in 100 in the week ending "
            f"{_day(enough[0]['on'])} to about {values[-1]} in 100 in the week ending {_day(enough[-1]['on'])} "
            f"(lowest {min(values)}, highest {max(values)}).")


def _day(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B}"


def trend_chart(trend: list[dict[str, Any]]) -> Any | None:
    """The weekly self-trust line and band as SVG coordinates (the Record page's chart), drawn only over weeks with
    enough evidence; None until two weeks in a row have it."""
    from rebond.promises import chart

    drawing = chart.build([date.fromisoformat(p["on"]) for p in trend], [p["estimate"] for p in trend],
                          [p["low"] for p in trend], [p["high"] for p in trend],
                          enough=[p["status"] != "not_enough_evidence" for p in trend])
    return drawing if drawing.drawn else None


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
    from rebond.domain.traps import trap_library
    from rebond.measures.selectors import local_date
    from rebond.thoughts import selectors as thoughts

    rows, _ = thoughts.record_list(user=owner, status="done", limit=10_000)
    days = {r.pk: local_date(owner, r.created_at) for r in rows}  # the person's day, not the server's
    mine = [r for r in rows if start <= days[r.pk] <= end]
    picked = set(SummaryThought.objects.filter(owner=owner).values_list("record_id", flat=True))
    library = trap_library()
    traps: dict[str, int] = {}
    for record in mine:
        for trap in record.traps or []:
            if trap in library:
                traps[trap] = traps.get(trap, 0) + 1
    chosen = [r for r in mine if r.pk in picked]  # newest first, as record_list returns them
    ranked = sorted(traps.items(), key=lambda kv: (-kv[1], kv[0]))

    def card(r: Any) -> dict[str, Any]:
        return {"id": r.pk, "on": days[r.pk].isoformat(), "thought": thoughts.hot_thought(r),
                "balanced_thought": r.balanced_thought, "belief_before": r.belief_before,
                "belief_after": r.belief_after, "chosen": r.pk in picked}

    out = {"finished": len(mine), "traps": [{"id": t, "name": library[t].name, "count": n} for t, n in ranked],
           "records": [card(r) for r in chosen[:QUOTED]], "more_chosen": max(0, len(chosen) - QUOTED)}
    if everything:
        out["choices"] = [card(r) for r in mine]
    return out
