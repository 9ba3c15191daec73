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
    Share,
)


def shares_given(*, user: Any) -> list[Share]:
    return list(Share.objects.filter(owner=user).select_related("viewer").order_by("created_at", "id"))


def shares_received(*, user: Any) -> list[Share]:
    rows = Share.objects.filter(viewer=user, owner__is_active=True).select_related("owner")
    return sorted(rows, key=lambda s: (str(s.owner.display_name or s.owner.username).casefold(), s.pk))


def invitations_pending(*, user: Any) -> list[Invitation]:
    return list(Invitation.objects.filter(owner=user, accepted_by__isnull=True, expires_at__gt=timezone.now())
                .order_by("-created_at", "-id"))


def access_log(*, user: Any, limit: int = 50, offset: int = 0) -> tuple[list[AccessLog], int]:
    rows = AccessLog.objects.filter(owner=user).order_by("-at", "-id")
    return list(rows[offset:offset + limit]), rows.count()


def pledge_for(*, user: Any) -> ClinicianPledge | None:
    return ClinicianPledge.objects.filter(user=user).first()


def flags_seen(*, owner: Any, viewer: Any | None = None) -> dict[str, Any]:
    """source -> the latest FlagSeen for it (any clinician when `viewer` is None)."""
    rows = FlagSeen.objects.filter(owner=owner).select_related("viewer").order_by("seen_at")
    if viewer is not None:
        rows = rows.filter(viewer=viewer)
    return {row.source: row for row in rows}


def encouragements_for_today(*, user: Any, days: int = 3) -> list[Encouragement]:
    """Recent notes from supporters the person hasn't muted or put away."""
    muted = set(Share.objects.filter(owner=user, encouragement_muted=True).values_list("viewer_id", flat=True))
    since = timezone.now() - timedelta(days=days)
    rows = (Encouragement.objects.filter(owner=user, dismissed_at__isnull=True, sent_at__gte=since)
            .select_related("sender").order_by("-sent_at", "-id")[:5])
    return [row for row in rows if row.sender_id not in muted]


def encouragements_sent(*, sender: Any, owner: Any, limit: int = 10) -> list[Encouragement]:
    return list(Encouragement.objects.filter(sender=sender, owner=owner).order_by("-sent_at", "-id")[:limit])


def homework_list(*, owner: Any, open_only: bool = False) -> list[Homework]:
    rows = Homework.objects.filter(owner=owner).select_related("clinician")
    if open_only:
        rows = rows.filter(done_at__isnull=True)
    return list(rows.order_by("due_on", "id"))


def homework_due(*, owner: Any, today: date, ahead_days: int = 7) -> list[Homework]:
    return list(Homework.objects.filter(owner=owner, done_at__isnull=True, due_on__lte=today + timedelta(
        days=ahead_days)).order_by("due_on", "id"))


def homework_get(*, owner: Any, homework_id: int) -> Homework:
    return Homework.objects.get(owner=owner, pk=homework_id)


def adherence(rows: list[Homework], today: date) -> dict[str, int]:
    done = sum(1 for h in rows if h.done_at is not None)
    overdue = sum(1 for h in rows if h.done_at is None and h.due_on < today)
    due = sum(1 for h in rows if h.done_at is None and h.due_on >= today)
    return {"done": done, "not_done_yet": overdue, "due": due, "total": len(rows)}


def scopes_label(scopes: list[str]) -> list[str]:
    from rebond.care.models import Scope

    return [Scope(s).label for s in access.SCOPES if s in scopes]
