"""The Today panel: what is due today in the person's own time zone, and earlier days still open."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from rebond.promises import selectors, words
from rebond.promises.services import user_today


def today_context(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not user.is_authenticated:
        return None
    day = user_today(user)
    due, earlier = selectors.due_on(user=user, day=day)
    return {
        "day": day,
        "cards": [words.card(item) for item in due],
        "earlier": [words.card(item) for item in earlier[:10]],
        "empty": not due and not earlier and not selectors.has_promises(user=user),
    }
