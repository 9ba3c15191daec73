"""The Today panel: what is due today in the person's own time zone, and earlier days still open."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from rebond.promises import selectors, services, words
from rebond.promises.services import user_today

EARLIER_ON_TODAY = 10  # the rest are one link away, on /promises/earlier/


def today_context(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not user.is_authenticated:
        return None
    day = user_today(user)
    found = selectors.agenda(user=user, day=day)
    due, earlier = found.today, found.earlier
    return {
        "day": day,
        "cards": [words.card(item, today=day) for item in due],
        "held": found.held,  # one calm offer card each, instead of check-in cards
        "held_words": services.HELD_WORDS,
        "earlier": [words.card(item, today=day) for item in earlier[:EARLIER_ON_TODAY]],
        "earlier_count": len(earlier),
        "empty": not due and not earlier and not found.held and not selectors.has_promises(user=user),
    }
