"""What one viewer sees of one person, built once for the viewer's page, the API and the owner's "see what they see".

The preview uses exactly the rules of the real page (a clinician without the pledge sees no alerts), so what the
person is shown is what the viewer gets. Only real looks are logged.
"""

from __future__ import annotations

from typing import Any

from rebond.care import access, reads, selectors
from rebond.care.models import CircleRole, Scope, Share

NEEDS_PLEDGE = ("Safety alerts show only after the clinician says how often they check rebond and where to turn "
                "when it's urgent.")


def alerts_allowed(share: Share) -> bool:
    """Alerts reach a clinician only once they have stated their pledge ("sharing is not monitoring")."""
    return share.role == CircleRole.CLINICIAN and selectors.pledge_for(user=share.viewer) is not None


def sections(share: Share, *, log_via: str | None) -> list[dict[str, Any]]:
    """One section per scope the share grants, in the order of `access.SCOPES`. With `log_via` ("web" or "api")
    each scope is read through `access.read_scope` and logged; with None (the owner's preview) nothing is logged."""
    owner, viewer = share.owner, share.viewer
    granted = access.effective_scopes(share)
    out = []
    for scope in access.SCOPES:
        if scope not in granted:
            continue
        if scope == Scope.SAFETY_ALERTS and not alerts_allowed(share):
            out.append({"scope": scope, "label": Scope(scope).label, "needs_pledge": True, "data": None})
            continue
        if log_via is not None:
            access.read_scope(viewer, owner.pk, scope, via=log_via)
        out.append(section(owner, scope, viewer=viewer))
    return out


def section(owner: Any, scope: str, *, viewer: Any) -> dict[str, Any]:
    data = reads.read(owner, scope)
    if scope == Scope.SAFETY_ALERTS:
        seen = selectors.flags_seen(owner=owner, viewer=viewer)
        for item in data["items"]:
            row = seen.get(item["source"])
            item["seen_at"] = row.seen_at if row else None
    return {"scope": scope, "label": Scope(scope).label, "data": data, "needs_pledge": False}
