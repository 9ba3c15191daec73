from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from rebond.core import nav
from rebond.domain import helplines


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    discreet = bool(user and user.is_authenticated and user.discreet_mode)
    region = user.region if user and user.is_authenticated and user.region else None
    return {
        "discreet": discreet,
        "site_title": "Notes" if discreet else "rebond",
        "emergency_number": helplines.emergency_number(region),
        "user_region": region,
        "nav_items": nav.items_for(request) if user and user.is_authenticated else [],
    }
