"""The clinician's (or supporter's) table across the people who share with them.

Each column shows only what that person shares: last activity from shared scopes, scores where measures are
shared, flags only where safety alerts are shared and the clinician has stated how often they check. Every read
is written to each person's access log (one row per scope per look).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Max
from django.utils import timezone

from rebond.care import access, reads, selectors
from rebond.care.models import AccessLog, CircleRole, Homework, Scope

COLUMNS = [("name", "Name"), ("activity", "Last active"), ("homework", "Homework"), ("flags", "Flags")]


def _last_activity(owner_ids_by_scope: dict[str, list[int]]) -> dict[int, datetime]:
    """The latest write per person across the scopes they share, a few grouped queries in all."""
    from rebond.journal.models import JournalEntry
    from rebond.measures.models import MeasureResponse
    from rebond.promises.models import CheckIn, Victory
    from rebond.thoughts.models import ThoughtRecord

    sources: list[tuple[str, Any, str]] = [
        (Scope.PROMISES, CheckIn, "updated_at"), (Scope.VICTORIES, Victory, "created_at"),
        (Scope.MEASURES, MeasureResponse, "taken_at"), (Scope.THOUGHTS, ThoughtRecord, "updated_at"),
        (Scope.JOURNAL, JournalEntry, "updated_at"),
    ]
    latest: dict[int, datetime] = {}
    for scope, model, field in sources:
        ids = owner_ids_by_scope.get(scope) or []
        if not ids:
            continue
        for row in model.objects.filter(user_id__in=ids).values("user_id").annotate(last=Max(field)):
            if row["last"] and (row["user_id"] not in latest or row["last"] > latest[row["user_id"]]):
                latest[row["user_id"]] = row["last"]
    return latest


def rows(*, viewer: Any, sort: str = "name") -> list[dict[str, Any]]:
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
        for h in Homework.objects.filter(clinician=viewer, owner_id__in=[s.owner_id for s in shares]):
            homework.setdefault(h.owner_id, []).append(h)
    taken: dict[int, set[str]] = {}
    if by_scope.get(Scope.MEASURES):
        from rebond.measures.models import MeasureResponse

        for user_id, instrument in (MeasureResponse.objects.filter(user_id__in=by_scope[Scope.MEASURES])
                                    .order_by().values_list("user_id", "instrument").distinct()):
            taken.setdefault(user_id, set()).add(instrument)
    now = timezone.now()
    log: list[AccessLog] = []
    out = []
    for share in shares:
        owner = share.owner
        scopes = access.effective_scopes(share)
        row: dict[str, Any] = {"owner": owner, "share": share, "name": str(owner.display_name or owner.username),
                               "last_active": latest.get(owner.pk), "scores": None, "flags": None,
                               "homework": None, "unseen_flags": 0}
        if Scope.MEASURES in scopes:
            row["scores"] = reads.latest_scores(owner, taken.get(owner.pk, set()))
            log.append(_log(viewer, owner, Scope.MEASURES, now))
        if Scope.SAFETY_ALERTS in scopes and is_clinician and pledged:
            alerts = reads.safety_alerts(owner)
            seen = selectors.flags_seen(owner=owner, viewer=viewer)
            row["flags"] = alerts
            row["unseen_flags"] = sum(1 for a in alerts if a["source"] not in seen)
            log.append(_log(viewer, owner, Scope.SAFETY_ALERTS, now))
        if is_clinician:
            row["homework"] = selectors.adherence(homework.get(owner.pk, []), user_today(owner))
        out.append(row)
    if log:
        AccessLog.objects.bulk_create(log)
    return sorted(out, key=_sort_key(sort), reverse=sort in {"activity", "flags"})


def _log(viewer: Any, owner: Any, scope: str, at: datetime) -> AccessLog:
    return AccessLog(owner=owner, viewer=viewer, viewer_name=str(viewer.display_name or viewer.username)[:150],
                     scope=scope, via="web", at=at)


def _sort_key(sort: str) -> Any:
    oldest = datetime(1970, 1, 1, tzinfo=timezone.get_current_timezone())
    if sort == "activity":
        return lambda r: (r["last_active"] or oldest, r["name"].casefold())
    if sort == "flags":
        return lambda r: (r["unseen_flags"], r["name"].casefold())
    if sort == "homework":
        return lambda r: (-(r["homework"] or {}).get("not_done_yet", 0), r["name"].casefold())
    return lambda r: r["name"].casefold()


