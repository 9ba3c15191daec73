from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from rebond.core import nav
from rebond.core.middleware import plain_on_this_device
from rebond.domain import helplines


def draft_scope(user: Any) -> str:
    """An opaque, stable name for this person's drafts in the browser (app.js keys localStorage with it).

    It carries no username and can't be turned back into one; a new account never gets an old account's scope.
    """
    if not (user and user.is_authenticated):
        return ""
    return salted_hmac("rebond.drafts", f"{user.pk}:{user.date_joined.isoformat()}").hexdigest()[:24]


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    discreet = plain_on_this_device(request)
    region = user.region if user and user.is_authenticated and user.region else None
    return {
        "discreet": discreet,
        "site_title": "Notes" if discreet else "rebond",
        "emergency_number": helplines.emergency_number(region),
        "user_region": region,
        "nav_items": nav.items_for(request) if user and user.is_authenticated else [],
        "draft_scope": draft_scope(user),
    }
