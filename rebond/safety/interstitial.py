"""What the web does after a free-text save when the guard fired (UX.md, Safety).

The entry is already saved. A calm full page is shown at most once per entry and per day (the person's day, kept
with the person rather than the browser session); after that a banner
(with domestic-violence help named when the words are about being hurt by someone). When a plan or means is
mentioned the full page always shows. The matched words are never echoed.

Autosave (a draft saved as the person types) never interrupts them with a page. When a draft mentions a plan or
means, the full page is left pending instead and shows on the next page they open (middleware.py), once per entry
and per day; saving the step itself shows it at once, as any plan or means save does.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone

from rebond.domain import helplines
from rebond.safety import selectors, services
from rebond.safety.guard import GuardResult

PENDING_KEY = "crisis_page_pending"
BANNER = "You're not alone with this. Crisis lines are one tap away under Get help now."
BANNER_HARMED = ("You're not alone with this. If someone is hurting or scaring you, domestic-violence lines are one "
                 "tap away under Get help now.")


def _shown_today(request: HttpRequest, entry_key: str) -> bool:
    # Kept with the person (safety.CrisisPageShown), not the session: signing in again, or on another device, must
    # not bring the full page back for the same entry on the same day.
    # "Per day" is the person's own day: UserTimezoneMiddleware activates their zone for every request, so
    # localdate() is their date, not the server's (tests/safety/test_local_day.py moves the clock to prove it).
    user = request.user
    return bool(user.is_authenticated) and selectors.crisis_page_shown(user=user, entry_key=entry_key,
                                                                        day=timezone.localdate())


def _mark_shown(request: HttpRequest, entry_key: str) -> None:
    if request.user.is_authenticated:
        services.crisis_page_mark(user=request.user, entry_key=entry_key, day=timezone.localdate())
    pending = request.session.get(PENDING_KEY)
    if pending and pending.get("entry") == entry_key:
        del request.session[PENDING_KEY]


def _page(request: HttpRequest, *, harmed: bool, back_url: str, saved: bool = True) -> HttpResponse:
    region = getattr(request.user, "region", "") or None
    return render(request, "safety/crisis.html", {
        "back_url": back_url,
        "saved": saved,
        "harmed": harmed,
        "crisis_lines": helplines.talk_lines(region),
        "dv_lines": helplines.dv_lines_for(region) if harmed else [],
        "region_emergency": helplines.emergency_number(region),
    })


def banner(request: HttpRequest, result: GuardResult) -> None:
    """The quiet form of the crisis page, when the guard fired: one line, naming domestic-violence help when the
    words are about being hurt by someone."""
    if result.detected or result.harmed_by_other:
        messages.info(request, BANNER_HARMED if result.harmed_by_other else BANNER)


def after_save(request: HttpRequest, result: GuardResult, *, entry_key: str, back_url: str,
               then: HttpResponse | None = None, saved: bool = True) -> HttpResponse:
    """The calm page, a banner, or ``then``. ``saved=False`` when what was written is waiting for the person's next
    choice rather than stored (a promise to stay safe, before it goes in the safety plan): the page says so."""
    if not (result.detected or result.harmed_by_other):
        return then if then is not None else HttpResponseRedirect(back_url)
    if not result.plan_or_means and _shown_today(request, entry_key):
        banner(request, result)
        return then if then is not None else HttpResponseRedirect(back_url)
    _mark_shown(request, entry_key)
    return _page(request, harmed=result.harmed_by_other, back_url=back_url, saved=saved)


def after_draft(request: HttpRequest, result: GuardResult, *, entry_key: str, back_url: str) -> None:
    """An autosave mentioned a plan or means: leave the full page pending for the next page the person opens."""
    if not result.plan_or_means:
        return
    if _shown_today(request, entry_key):
        return
    request.session[PENDING_KEY] = {"entry": entry_key, "back": back_url, "harmed": result.harmed_by_other}


def pending_page(request: HttpRequest) -> HttpResponse | None:
    """The full page left pending by an autosave, once; None when nothing is pending."""
    pending: dict[str, Any] | None = request.session.get(PENDING_KEY)
    if not pending:
        return None
    _mark_shown(request, str(pending.get("entry", "")))
    request.session.pop(PENDING_KEY, None)
    return _page(request, harmed=bool(pending.get("harmed")), back_url=str(pending.get("back") or "/"))
