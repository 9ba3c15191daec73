"""The Today panel: homework from a clinician and notes from supporters, both only when there are any."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from rebond.care import selectors


def today_context(request: HttpRequest) -> dict[str, Any] | None:
    from rebond.measures.selectors import unsafe_today, user_today

    user = request.user
    today = user_today(user)
    homework = selectors.homework_due(owner=user, today=today)
    # UX.md Safety: on an unsafe day show no questionnaires or practices. Homework is work too, whatever its kind,
    # so it waits for another day; a calm line says so. Notes from supporters still show.
    waiting = bool(homework) and unsafe_today(user=user, today=today)
    if waiting:
        homework = []
    notes = selectors.encouragements_for_today(user=user)
    if not homework and not notes and not waiting:
        return None
    return {"homework": [{"h": h, "url": start_url(h)} for h in homework], "notes": notes, "today": today,
            "waiting": waiting}


START_PAGES = {"thought_records": "thoughts:new", "promise_practice": "promises:new",
               "boundary_script": "boundaries:new", "grounding": "practice:index"}


def start_url(homework: Any) -> str:
    """Where to begin this homework, in the app that owns it ("" when that app isn't there)."""
    from django.urls import NoReverseMatch, reverse

    try:
        if homework.kind == "questionnaire":
            return reverse("measures:take", args=[homework.instrument])
        return reverse(START_PAGES[homework.kind])
    except (NoReverseMatch, KeyError):
        return ""


def calendar_items(user: Any, start: Any, end: Any) -> list[Any]:
    """Homework not done yet, on its due day, for the person's private calendar feed. Never the note: calendars
    are often synced to other companies' servers."""
    from rebond.care.models import Homework
    from rebond.care.progress import with_progress
    from rebond.core.calendar import CalendarItem

    rows = Homework.objects.filter(owner=user, done_at__isnull=True, due_on__gte=start, due_on__lte=end)
    items = []
    for h in with_progress(rows):
        if h.progress.complete:
            continue
        what = f"{h.count} thought records" if h.kind == "thought_records" and h.count > 1 else h.get_kind_display()
        items.append(CalendarItem(uid=f"care-homework-{h.pk}", on=h.due_on, title=f"Homework due: {what}",
                                  neutral_title="Reminder"))
    return items
