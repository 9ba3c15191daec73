"""The Today panel: homework from a clinician and notes from supporters, both only when there are any."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from rebond.care import selectors


def today_context(request: HttpRequest) -> dict[str, Any] | None:
    from rebond.measures.selectors import user_today

    user = request.user
    today = user_today(user)
    homework = selectors.homework_due(owner=user, today=today)
    notes = selectors.encouragements_for_today(user=user)
    if not homework and not notes:
        return None
    return {"homework": homework, "notes": notes, "today": today}
