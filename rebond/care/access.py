"""THE one place that decides who may see what of another person's data.

Contract (ARCHITECTURE.md): someone else's data without a share for that scope is a 404, exactly as if it did not
exist; a viewer with a share trying to change anything of the owner's is a 403. The owner always sees everything.
Every read by someone else goes through `read_scope`, which writes the access log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from rebond.care.models import AccessLog, AccessRead, CircleRole, Scope, Share

SCOPES: tuple[str, ...] = tuple(Scope.values)
DEFAULT_SCOPES: dict[str, tuple[str, ...]] = {
    CircleRole.CLINICIAN: (Scope.PROMISES, Scope.VICTORIES, Scope.MEASURES, Scope.THOUGHTS, Scope.LEDGER_SUMMARY),
    CircleRole.SUPPORTER: (Scope.VICTORIES,),
}
# Supporters never see the daily safety answer or safety flags (UX.md Safety).
ALLOWED_SCOPES: dict[str, frozenset[str]] = {
    CircleRole.CLINICIAN: frozenset(SCOPES),
    CircleRole.SUPPORTER: frozenset(SCOPES) - {Scope.SAFETY_ALERTS},
}


def allowed_scopes(role: str) -> frozenset[str]:
    return ALLOWED_SCOPES.get(role, frozenset())


def effective_scopes(share: Share) -> frozenset[str]:
    """What a share really grants: its chosen scopes that its role may hold."""
    return frozenset(share.scopes or []) & allowed_scopes(share.role)


def share_between(*, viewer: Any, owner_id: int) -> Share | None:
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return None
    return Share.objects.filter(owner_id=owner_id, viewer=viewer).select_related("owner").first()


def share_or_404(*, viewer: Any, owner_id: int) -> Share:
    """The share that lets `viewer` see something of `owner_id`'s, or 404."""
    share = share_between(viewer=viewer, owner_id=owner_id)
    if share is None or not share.owner.is_active:
        raise Http404("Not found.")
    return share


def shared_owner_or_404(viewer: Any, owner_id: int, scope: str) -> Any:
    """The owner whose `scope` the viewer may read, or 404 (no share, not that scope, or revoked)."""
    if scope not in SCOPES:
        raise Http404("Not found.")
    if getattr(viewer, "pk", None) == owner_id:
        return viewer  # the owner sees all of their own record
    share = share_or_404(viewer=viewer, owner_id=owner_id)
    if scope not in effective_scopes(share):
        raise Http404("Not found.")
    return share.owner


def refuse_shared_write(viewer: Any, owner_id: int | None, scope: str) -> None:
    """Someone tries to change a record that isn't theirs, through the owner's own pages or endpoints.

    PermissionDenied (403) when the owner shares `scope` with them (they can see it, and a share is read-only);
    nothing otherwise, so the caller answers 404 exactly as if the record didn't exist (docs/care.md)."""
    if owner_id is None or viewer is None or getattr(viewer, "pk", None) == owner_id:
        return
    try:
        shared_owner_or_404(viewer, owner_id, scope)
    except Http404:
        return
    raise PermissionDenied("This share is read-only: only the person who made it can change their record.")


def deny_write(viewer: Any, owner_id: int) -> None:
    """A viewer never changes the owner's data: 403 with a share (read-only), 404 without one."""
    if viewer is not None and getattr(viewer, "pk", None) == owner_id:
        return
    share_or_404(viewer=viewer, owner_id=owner_id)
    raise PermissionDenied("This share is read-only.")


def share_for_owner_or_404(*, owner: Any, share_id: int) -> Share:
    share = Share.objects.filter(pk=share_id, owner=owner).select_related("viewer").first()
    if share is None:
        raise Http404("Not found.")
    return share


def share_for_change(*, user: Any, share_id: int) -> Share:
    """A share the user may change: the owner's. The viewer gets 403 (read-only), anyone else 404."""
    share = Share.objects.filter(pk=share_id).select_related("viewer", "owner").first()
    if share is None or user.pk not in (share.owner_id, share.viewer_id):
        raise Http404("Not found.")
    if share.owner_id != user.pk:
        raise PermissionDenied("Only the person who shared can change or end this share.")
    return share


def share_for_reading(*, user: Any, share_id: int) -> Share:
    """Either side of a share may look at it; anyone else gets 404."""
    share = Share.objects.filter(pk=share_id).select_related("viewer", "owner").first()
    if share is None or user.pk not in (share.owner_id, share.viewer_id):
        raise Http404("Not found.")
    return share


def _owner_changes(*, user: Any, row: Any, writer_id: int | None, refusal: str) -> Any:
    """The owner may change a row someone in their circle wrote for them. The writer, while the share stands,
    can see the row and so gets 403 with a plain reason; anyone else gets 404, as if it weren't there."""
    if row is None:
        raise Http404("Not found.")
    if row.owner_id == user.pk:
        return row
    if writer_id == user.pk and share_between(viewer=user, owner_id=row.owner_id) is not None:
        raise PermissionDenied(refusal)
    raise Http404("Not found.")


def homework_for_change(*, user: Any, homework_id: int) -> Any:
    """Homework the owner may mark done. The clinician who gave it (they can see it) gets 403; anyone else 404."""
    from rebond.care.models import Homework

    homework = Homework.objects.filter(pk=homework_id).first()
    return _owner_changes(user=user, row=homework, writer_id=homework.clinician_id if homework else None,
                          refusal="Only the person it was given to can mark it done.")


def note_for_change(*, user: Any, note_id: int) -> Any:
    """A note the owner may put away. The supporter who sent it (with a share) gets 403; anyone else 404."""
    from rebond.care.models import Encouragement

    note = Encouragement.objects.filter(pk=note_id).first()
    return _owner_changes(user=user, row=note, writer_id=note.sender_id if note else None,
                          refusal="Only the person you wrote to can put a note away.")
    if note.owner_id == user.pk:
        return note
    if note.sender_id == user.pk and share_between(viewer=user, owner_id=note.owner_id) is not None:
        raise PermissionDenied("Only the person you wrote to can put a note away.")
    raise Http404("Not found.")


def log_read(*, viewer: Any, owner: Any, scope: str, via: str = "web") -> None:
    log_reads(viewer=viewer, reads=[(owner, scope)], via=via)


def log_reads(*, viewer: Any, reads: list[tuple[Any, str]], via: str = "web") -> None:
    """Write looks by `viewer` at (owner, scope) pairs to each owner's log: one line per reader, part, door and
    owner's day, counting the looks, and under it the time of this look (AccessRead). A few queries however many
    pairs (one read, an update per part and day, the new lines in one insert, their ids in one read, the times in one
    insert), so a dashboard of 100 people costs the same as one of 10."""
    from django.db.models import F
    from django.db.models.functions import Greatest

    from rebond.measures.selectors import user_today

    now = timezone.now()
    wanted = {(owner.pk, scope, user_today(owner, now=now)): owner for owner, scope in reads if owner.pk != viewer.pk}
    if not wanted:
        return
    lines = AccessLog.objects.filter(viewer=viewer, via=via, owner_id__in={k[0] for k in wanted},
                                     scope__in={k[1] for k in wanted}, day__in={k[2] for k in wanted})
    ids = {(owner_id, scope, day): pk for pk, owner_id, scope, day
           in lines.values_list("pk", "owner_id", "scope", "day") if (owner_id, scope, day) in wanted}
    groups: dict[tuple[str, Any], list[int]] = {}
    for owner_id, scope, day in ids:
        groups.setdefault((scope, day), []).append(owner_id)
    name = _name(viewer)
    for (scope, day), owner_ids in groups.items():
        AccessLog.objects.filter(viewer=viewer, via=via, scope=scope, day=day, owner_id__in=owner_ids).update(
            count=F("count") + 1, at=now, viewer_name=name)
    new = [(owner_id, scope, day) for owner_id, scope, day in wanted if (owner_id, scope, day) not in ids]
    if new:
        AccessLog.objects.bulk_create([
            AccessLog(owner=wanted[key], viewer=viewer, viewer_name=name, scope=key[1], via=via, day=key[2],
                      first_at=now, at=now) for key in new
        ], ignore_conflicts=True)  # a look at the same moment from another request may already have made the line
        raced = []
        for pk, owner_id, scope, day, first_at in lines.filter(owner_id__in={k[0] for k in new}).values_list(
                "pk", "owner_id", "scope", "day", "first_at"):
            if (owner_id, scope, day) in wanted and (owner_id, scope, day) not in ids:
                ids[(owner_id, scope, day)] = pk
                if first_at != now:  # that other request made it: count this look on it too
                    raced.append(pk)
        if raced:
            AccessLog.objects.filter(pk__in=raced).update(count=F("count") + 1, at=Greatest("at", now))
    AccessRead.objects.bulk_create([AccessRead(log_id=pk, at=now) for pk in ids.values()])


def read_scope(viewer: Any, owner_id: int, scope: str, *, via: str = "web") -> Any:
    """Check the share for this scope (404 otherwise), write the access log, and return the owner."""
    owner = shared_owner_or_404(viewer, owner_id, scope)
    log_read(viewer=viewer, owner=owner, scope=scope, via=via)
    return owner


# What a session summary can hold: promises, questionnaires, thought records (and a clinician's own homework).
SUMMARY_SCOPES: frozenset[str] = frozenset({Scope.PROMISES, Scope.MEASURES, Scope.THOUGHTS})


@dataclass(frozen=True)
class SummaryGrant:
    """What one reader may see in a session summary of `owner`'s record."""

    owner: Any
    scopes: frozenset[str]
    mine: bool  # the owner's own summary: everything, homework from every clinician
    homework_from: Any | None  # a clinician sees the homework they gave; a supporter none


def summary_grant(viewer: Any, owner_id: int) -> SummaryGrant:
    """The owner sees all of their own summary. Anyone else sees the summary scopes they were given, and a clinician
    the homework they gave; with neither it is a 404. Call `log_summary` once the summary is really shown."""
    if getattr(viewer, "pk", None) == owner_id:
        return SummaryGrant(owner=viewer, scopes=SUMMARY_SCOPES, mine=True, homework_from=None)
    share = share_or_404(viewer=viewer, owner_id=owner_id)
    scopes = effective_scopes(share) & SUMMARY_SCOPES
    clinician = share.role == CircleRole.CLINICIAN
    if not scopes and not clinician:
        raise Http404("Not found.")
    return SummaryGrant(owner=share.owner, scopes=scopes, mine=False, homework_from=viewer if clinician else None)


def log_summary(viewer: Any, grant: SummaryGrant, data: dict[str, Any], *, via: str = "web") -> None:
    """Write each scope a summary showed someone else, and the homework if it listed any, to the owner's log."""
    if grant.mine:
        return
    parts = sorted(grant.scopes) + (["homework"] if (data.get("homework") or {}).get("items") else [])
    log_reads(viewer=viewer, reads=[(grant.owner, part) for part in parts], via=via)


def _name(user: Any) -> str:
    return str(getattr(user, "display_name", "") or user.username)[:150]
