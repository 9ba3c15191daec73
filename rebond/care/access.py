"""THE one place that decides who may see what of another person's data.

Contract (ARCHITECTURE.md): someone else's data without a share for that scope is a 404, exactly as if it did not
exist; a viewer with a share trying to change anything of the owner's is a 403. The owner always sees everything.
Every read by someone else goes through `read_scope`, which writes the access log.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from rebond.care.models import AccessLog, CircleRole, Scope, Share

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


def can_view(viewer: Any, owner: Any, scope: str) -> bool:
    if scope not in SCOPES or viewer is None or not getattr(viewer, "is_authenticated", False):
        return False
    if viewer.pk == owner.pk:
        return True
    share = share_between(viewer=viewer, owner_id=owner.pk)
    return share is not None and scope in effective_scopes(share)


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


def log_read(*, viewer: Any, owner: Any, scope: str, via: str = "web") -> None:
    if viewer.pk == owner.pk:
        return
    AccessLog.objects.create(owner=owner, viewer=viewer, viewer_name=_name(viewer), scope=scope, via=via,
                             at=timezone.now())


def read_scope(viewer: Any, owner_id: int, scope: str, *, via: str = "web") -> Any:
    """Check the share for this scope (404 otherwise), write the access log, and return the owner."""
    owner = shared_owner_or_404(viewer, owner_id, scope)
    log_read(viewer=viewer, owner=owner, scope=scope, via=via)
    return owner


def _name(user: Any) -> str:
    return str(getattr(user, "display_name", "") or user.username)[:150]
