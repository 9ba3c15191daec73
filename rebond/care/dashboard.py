"""The clinician's (or supporter's) table across the people who share with them.

Each column shows only what that person shares: last activity from shared scopes (a read of the part the date
came from), scores where measures are shared, flags only where safety alerts are shared and the clinician has
stated how often they check. Every read is written to each person's access log (one row per part a day, counting
the looks).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Max
from django.utils import timezone

from rebond.care import access, reads, selectors
from rebond.care.models import CircleRole, Homework, Scope

COLUMNS = [("name", "Name"), ("activity", "Last active"), ("homework", "Homework"), ("flags", "Flags")]


def _last_activity(owner_ids_by_scope: dict[str, list[int]]) -> dict[int, tuple[datetime, str]]:
    """The latest write per person across the scopes they share, and the scope it is in (the date is a read of
    that part, logged as one), a few grouped queries in all."""
    from rebond.journal.models import JournalEntry
    from rebond.measures.models import MeasureResponse
    from rebond.promises.models import CheckIn, Victory
    from rebond.thoughts.models import ThoughtRecord

    sources: list[tuple[str, Any, str]] = [
        (Scope.PROMISES, CheckIn, "updated_at"), (Scope.VICTORIES, Victory, "created_at"),
        (Scope.MEASURES, MeasureResponse, "taken_at"), (Scope.THOUGHTS, ThoughtRecord, "updated_at"),
        (Scope.JOURNAL, JournalEntry, "updated_at"),
    ]
    latest: dict[int, tuple[datetime, str]] = {}
    for scope, model, field in sources:
        ids = owner_ids_by_scope.get(scope) or []
        if not ids:
            continue
        for row in model.objects.filter(user_id__in=ids).values("user_id").annotate(last=Max(field)):
            if row["last"] and (row["user_id"] not in latest or row["last"] > latest[row["user_id"]][0]):
                latest[row["user_id"]] = (row["last"], scope)
    return latest


def rows(*, viewer: Any, sort: str = "name", via: str = "web") -> list[dict[str, Any]]:
    """Every row, each look written to its person's log."""
    return page(viewer=viewer, sort=sort, via=via)[0]


def page(*, viewer: Any, sort: str = "name", via: str = "web", offset: int = 0,
         limit: int | None = None) -> tuple[list[dict[str, Any]], int]:
    """Rows `offset` to `offset + limit` of the sorted table, and how many there are. Only the rows returned are
    written to the access log: a person on another page was not looked at."""
    everyone = sorted(_rows(viewer=viewer), key=_sort_key(sort), reverse=sort in {"activity", "flags"})
    shown = everyone[offset:] if limit is None else everyone[offset:offset + limit]
    access.log_reads(viewer=viewer, reads=[read for row in shown for read in row["reads"]], via=via)
    return shown, len(everyone)


def _rows(*, viewer: Any) -> list[dict[str, Any]]:
    """One row per person who shares with `viewer`, with the (owner, scope) reads it shows. The number of queries
    does not grow with the number of people: each kind of read is one query for everyone."""
    from rebond.measures.selectors import user_today

    shares = selectors.shares_received(user=viewer)
    is_clinician = viewer.role == CircleRole.CLINICIAN
    pledged = selectors.pledge_for(user=viewer) is not None
    by_scope: dict[str, list[int]] = {}
    for share in shares:
        for scope in access.effective_scopes(share):
            by_scope.setdefault(scope, []).append(share.owner_id)
    latest = _last_activity(by_scope)
    homework: dict[int, list[Homework]] = {}
    if is_clinician:
        homework = selectors.homework_given_to(owner_ids=[s.owner_id for s in shares], clinician=viewer)
    owners = {share.owner_id: share.owner for share in shares}
    scores = reads.latest_scores_for([owners[pk] for pk in by_scope.get(Scope.MEASURES, [])])
    flagged = list(by_scope.get(Scope.SAFETY_ALERTS, [])) if is_clinician and pledged else []
    alerts = reads.safety_alerts_for([owners[pk] for pk in flagged])
    seen = selectors.flags_seen_for(owner_ids=flagged, viewer=viewer) if flagged else {}
    out = []
    for share in shares:
        owner = share.owner
        active, active_in = latest.get(owner.pk, (None, ""))
        row: dict[str, Any] = {"owner": owner, "share": share, "name": str(owner.display_name or owner.username),
                               "last_active": active, "scores": None, "flags": None,
                               "homework": None, "unseen_flags": 0, "reads": [],
                               # they share alerts, and the clinician must give check times and an urgent line first
                               "alerts_need_pledge": is_clinician and not pledged
                               and Scope.SAFETY_ALERTS in access.effective_scopes(share)}
        if active_in:
            row["reads"].append((owner, active_in))
        if owner.pk in scores:
            row["scores"] = scores[owner.pk]
            row["reads"].append((owner, Scope.MEASURES))
        if owner.pk in alerts:
            row["flags"] = [{**a, "seen": a["source"] in seen[owner.pk]} for a in alerts[owner.pk]]
            row["unseen_flags"] = sum(1 for a in alerts[owner.pk] if a["source"] not in seen[owner.pk])
            row["reads"].append((owner, Scope.SAFETY_ALERTS))
        if is_clinician:
            row["homework"] = selectors.adherence(homework.get(owner.pk, []), user_today(owner))
            if owner.pk in homework:
                row["reads"].append((owner, "homework"))
        out.append(row)
    return out


def _sort_key(sort: str) -> Any:
    oldest = datetime(1970, 1, 1, tzinfo=timezone.get_current_timezone())
    if sort == "activity":
        return lambda r: (r["last_active"] or oldest, r["name"].casefold())
    if sort == "flags":
        return lambda r: (r["unseen_flags"], r["name"].casefold())
    if sort == "homework":
        return lambda r: (-(r["homework"] or {}).get("not_done_yet", 0), r["name"].casefold())
    return lambda r: r["name"].casefold()


