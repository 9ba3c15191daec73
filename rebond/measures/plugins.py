"""Where the measures app plugs into the foundation: Today, navigation, data ownership, demo data."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def today_panel(request: HttpRequest) -> dict[str, Any] | None:
    from rebond.measures import catalogue, presenters, selectors

    user = request.user
    if not user.is_authenticated:
        return None
    today = selectors.user_today(user)
    checkin = selectors.checkin_get(user=user, on=today)
    unsafe = selectors.unsafe_today(user=user, today=today)
    return {
        "today": today,
        "checkin": checkin,
        "mood_label": catalogue.mood_label(checkin.mood) if checkin else "",
        "unsafe": unsafe,
        "due": [] if unsafe else selectors.due_today(user=user, today=today),
        "words": catalogue.words(),
        "who_sees": presenters.who_sees(user, about="checkin") if checkin is None and not unsafe else "",
    }


def calendar_items(user: Any, start: Any, end: Any) -> list[Any]:
    """Questionnaires due, for the private calendar feed (one item a due day, first day only per run)."""
    from rebond.core.calendar import CalendarItem
    from rebond.measures import selectors

    seen: set[str] = set()
    items = []
    for due in selectors.measures_due(user=user, start=start, end=end):
        if due.instrument_id in seen:  # a questionnaire stays due until taken; remind on the day it falls due
            continue
        seen.add(due.instrument_id)
        items.append(CalendarItem(uid=f"measure-{due.instrument_id}-{due.on.isoformat()}", on=due.on,
                                  title=f"{due.title} is ready when you are", neutral_title=due.neutral_title,
                                  description="A short questionnaire in rebond. Skip it if today is not the day."))
    return items


def register_all() -> None:
    from rebond.core import demo, nav, ownership, today
    from rebond.measures import demo as measures_demo
    from rebond.measures import services

    ownership.register("measures", exporter=services.export_measures, deleter=services.delete_measures,
                       importer=services.import_measures, appends=())  # import skips rows already there
    today.register("measures", template="measures/_today.html", order=5, context=today_panel)
    nav.register("Measures", "measures:index", order=40)
    demo.register(measures_demo.build, order=60)
    from rebond.core import calendar

    calendar.register("measures", calendar_items)
