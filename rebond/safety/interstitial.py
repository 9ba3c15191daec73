"""What the web does after a free-text save when the guard fired (UX.md, Safety).

The entry is already saved. A calm full page is shown at most once per entry and per day; after that a banner.
When a plan or means is mentioned the full page always shows. The matched words are never echoed.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone

from rebond.domain import helplines
from rebond.safety.guard import GuardResult

SESSION_KEY = "crisis_pages_shown"
BANNER = "You're not alone with this. Crisis lines are one tap away under Get help now."


def after_save(request: HttpRequest, result: GuardResult, *, entry_key: str, back_url: str,
               then: HttpResponse | None = None) -> HttpResponse:
    if not (result.detected or result.harmed_by_other):
        return then if then is not None else HttpResponseRedirect(back_url)
    today = timezone.localdate().isoformat()
    shown: dict[str, list[str]] = request.session.get(SESSION_KEY, {})
    shown = {day: keys for day, keys in shown.items() if day == today}
    seen_today = shown.get(today, [])
    if entry_key in seen_today and not result.plan_or_means:
        messages.info(request, BANNER)
        return then if then is not None else HttpResponseRedirect(back_url)
    shown[today] = [*seen_today, entry_key][-50:]
    request.session[SESSION_KEY] = shown
    region = result.region
    lines = helplines.lines_for(region)
    return render(request, "safety/crisis.html", {
        "back_url": back_url,
        "harmed": result.harmed_by_other,
        "crisis_lines": [line for line in lines if line.kind in {"crisis", "text"}],
        "dv_lines": helplines.dv_lines_for(region) if result.harmed_by_other else [],
        "region_emergency": helplines.emergency_number(region),
    })
