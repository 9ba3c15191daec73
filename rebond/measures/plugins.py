"""Where the measures app plugs into the foundation: Today, navigation, data ownership, demo data."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def today_panel(request: HttpRequest) -> dict[str, Any] | None:
    from rebond.measures import catalogue, selectors

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
    }


def register_all() -> None:
    from rebond.core import demo, nav, ownership, today
    from rebond.measures import demo as measures_demo
    from rebond.measures import services

    ownership.register("measures", exporter=services.export_measures, deleter=services.delete_measures,
                       importer=services.import_measures)
    today.register("measures", template="measures/_today.html", order=5, context=today_panel)
    nav.register("Measures", "measures:index", order=40)
    demo.register(measures_demo.build, order=60)
