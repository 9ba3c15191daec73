"""Reads for the care circle: shares each way, pending invitations, the access log, notes and homework."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from rebond.care import access
from rebond.care.models import (
    AccessLog,
    ClinicianPledge,
    Encouragement,
    FlagSeen,
    Homework,
    Invitation,
    Scope,
    Share,
)
from rebond.care.progress import with_progress


def shares_given(*, user: Any) -> list[Share]:
    return list(Share.objects.filter(owner=user).select_related("viewer").order_by("created_at", "id"))


def shares_received(*, user: Any) -> list[Share]:
    rows = Share.objects.filter(viewer=user, owner__is_active=True).select_related("owner")
    return sorted(rows, key=lambda s: (str(s.owner.display_name or s.owner.username).casefold(), s.pk))


def invitations_pending(*, user: Any) -> list[Invitation]:
    return list(Invitation.objects.filter(owner=user, accepted_by__isnull=True, expires_at__gt=timezone.now())
                .order_by("-created_at", "-id"))


def access_log(*, user: Any, limit: int = 50, offset: int = 0) -> tuple[list[AccessLog], int]:
    """A page of the owner's log, newest first, each line with the time of every look (one more query)."""
    rows = AccessLog.objects.filter(owner=user).order_by("-at", "-id")
    return list(rows.prefetch_related("reads")[offset:offset + limit]), rows.count()


def pledge_for(*, user: Any) -> ClinicianPledge | None:
    return ClinicianPledge.objects.filter(user=user).first()


def flags_seen(*, owner: Any, viewer: Any | None = None) -> dict[str, Any]:
    """source -> the latest FlagSeen for it (any clinician when `viewer` is None)."""
    rows = FlagSeen.objects.filter(owner=owner).select_related("viewer").order_by("seen_at")
    if viewer is not None:
        rows = rows.filter(viewer=viewer)
    return {row.source: row for row in rows}


def flags_seen_for(*, owner_ids: list[int], viewer: Any) -> dict[int, dict[str, Any]]:
    """owner id -> (source -> FlagSeen) for the flags this viewer acknowledged, for many people in one query."""
    out: dict[int, dict[str, Any]] = {pk: {} for pk in owner_ids}
    for row in FlagSeen.objects.filter(owner_id__in=owner_ids, viewer=viewer).order_by("seen_at"):
        out[row.owner_id][row.source] = row
    return out


TODAY_NOTES = 5


def encouragements_for_today(*, user: Any, days: int = 3) -> list[Encouragement]:
    """The newest few notes from supporters the person hasn't muted, not put away. Muted senders are left out
    before the newest are taken, so a muted supporter's notes never push out anyone else's."""
    muted = Share.objects.filter(owner=user, encouragement_muted=True).values("viewer_id")
    since = timezone.now() - timedelta(days=days)
    return list(Encouragement.objects.filter(owner=user, dismissed_at__isnull=True, sent_at__gte=since)
                .exclude(sender_id__in=muted).select_related("sender").order_by("-sent_at", "-id")[:TODAY_NOTES])


def encouragements_received(*, user: Any, limit: int = 50, offset: int = 0) -> tuple[list[Encouragement], int, set[int]]:
    """Every note the person was sent, newest first, with the ids of the supporters they muted."""
    rows = Encouragement.objects.filter(owner=user).select_related("sender").order_by("-sent_at", "-id")
    muted = set(Share.objects.filter(owner=user, encouragement_muted=True).values_list("viewer_id", flat=True))
    return list(rows[offset:offset + limit]), rows.count(), muted


def flags_seen_list(*, owner: Any, limit: int = 50, offset: int = 0) -> tuple[list[FlagSeen], int]:
    """When each clinician saw each of the person's safety flags, newest first (kept after a share ends)."""
    rows = FlagSeen.objects.filter(owner=owner).select_related("viewer").order_by("-seen_at", "-id")
    return list(rows[offset:offset + limit]), rows.count()


def flags_seen_described(*, owner: Any, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """`flags_seen_list` with what each alert was: its day and where it came from (`reads.alerts_seen`), or None
    when the person has since deleted it."""
    from rebond.care import reads

    rows, count = flags_seen_list(owner=owner, limit=limit, offset=offset)
    alerts = reads.alerts_seen(owner, [row.source for row in rows])
    return [{"who": str(row.viewer.display_name or row.viewer.username), "source": row.source,
             "seen_at": row.seen_at, "alert": alerts.get(row.source)} for row in rows], count


def summary_thoughts(*, user: Any, limit: int = 50, offset: int = 0) -> tuple[list[Any], int, set[int]]:
    """The person's finished thought records, newest first, and the ids they chose for session summaries."""
    from rebond.care.models import SummaryThought
    from rebond.thoughts import selectors as thoughts

    rows, count = thoughts.record_list(user=user, status="done", limit=limit, offset=offset)
    return rows, count, set(SummaryThought.objects.filter(owner=user).values_list("record_id", flat=True))


def encouragements_sent(*, sender: Any, owner: Any, limit: int = 10) -> list[Encouragement]:
    return list(Encouragement.objects.filter(sender=sender, owner=owner).order_by("-sent_at", "-id")[:limit])


def homework_list(*, owner: Any, open_only: bool = False) -> list[Homework]:
    """The person's homework, each with `.progress` (rebond.care.progress); `open_only`: what isn't done yet."""
    rows = with_progress(Homework.objects.filter(owner=owner).select_related("clinician").order_by("due_on", "id"))
    return [h for h in rows if not h.progress.complete] if open_only else rows


def homework_given(*, owner: Any, clinician: Any) -> list[Homework]:
    """The homework one clinician gave this person, each with `.progress`."""
    return with_progress(Homework.objects.filter(owner=owner, clinician=clinician).order_by("due_on", "id"))


def homework_given_to(*, owner_ids: list[int], clinician: Any) -> dict[int, list[Homework]]:
    """owner id -> the homework this clinician gave them, each with `.progress`, for many people at once."""
    out: dict[int, list[Homework]] = {}
    for h in with_progress(Homework.objects.filter(clinician=clinician, owner_id__in=owner_ids)
                           .order_by("due_on", "id")):
        out.setdefault(h.owner_id, []).append(h)
    return out


def homework_due(*, owner: Any, today: date, ahead_days: int = 7) -> list[Homework]:
    """Homework not done yet that is due within `ahead_days` (or was due already), each with `.progress`."""
    rows = with_progress(Homework.objects.filter(owner=owner, done_at__isnull=True, due_on__lte=today + timedelta(
        days=ahead_days)).order_by("due_on", "id"))
    return [h for h in rows if not h.progress.complete]


def homework_get(*, owner: Any, homework_id: int) -> Homework:
    return with_progress([Homework.objects.get(owner=owner, pk=homework_id)])[0]


def adherence(rows: list[Homework], today: date) -> dict[str, int]:
    """Done (by the work counted or marked), not done yet (past its day) and still due, of rows with `.progress`."""
    done = sum(1 for h in rows if h.progress.complete)
    overdue = sum(1 for h in rows if not h.progress.complete and h.due_on < today)
    due = sum(1 for h in rows if not h.progress.complete and h.due_on >= today)
    return {"done": done, "not_done_yet": overdue, "due": due, "total": len(rows)}


def scopes_label(scopes: list[str]) -> list[str]:
    from rebond.care.models import Scope

    return [Scope(s).label for s in access.SCOPES if s in scopes]


def _viewers_of(user: Any, scope: str) -> list[str]:
    """The names of everyone a share lets see `scope` of this person's record now, in the order they were shared.
    Only scopes the viewer's role may hold count (care.access.effective_scopes), and only viewers still active."""
    rows = Share.objects.filter(owner=user, viewer__is_active=True).select_related("viewer").order_by("created_at", "id")
    return [str(s.viewer.display_name or s.viewer.username) for s in rows if scope in access.effective_scopes(s)]


def safety_alert_viewers(*, user: Any) -> list[str]:
    """The names of everyone who can see this person's safety answers (PHQ-9 item 9 above zero, a daily check-in
    of "Not safe" or "Not sure"): the clinicians they share safety alerts with, in the order they were shared.
    Supporters can never hold that scope, so they are never here."""
    return _viewers_of(user, Scope.SAFETY_ALERTS)


def journal_viewers(*, user: Any) -> list[str]:
    """The names of everyone who can read this person's journal through a share, in the order they were shared,
    so the journal never says "only you" while someone else can read it."""
    return _viewers_of(user, Scope.JOURNAL)
