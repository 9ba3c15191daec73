"""The Today panel: things people said they would do, due today or earlier and not yet settled."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from rebond.people import selectors, words
from rebond.people.services import user_today


def today_context(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not user.is_authenticated:
        return None
    day = user_today(user)
    due = [s for s in selectors.said_list(user=user) if s.due_on <= day]
    if not due:
        return None
    return {"due": due[:10], "more": max(0, len(due) - 10), "today": day, "day_passed": words.word("day_passed")}
