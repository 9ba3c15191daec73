"""Check-in pages: one tap per outcome on a card (htmx or a plain form), "how much, or a note", the miss debrief,
and every earlier day still open."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rebond.promises import forms, selectors, services, words
from rebond.promises.models import CheckIn, Promise
from rebond.promises.views import (
    _apply_errors,
    _day,
    _next_url,
    _promise,
    _promise_to_change,
    _user,
    held_page,
)
from rebond.safety import interstitial

# --- check-ins --------------------------------------------------------------------------------------------------

def _posted_value(request: HttpRequest, outcome: str) -> tuple[float | None, dict[str, list[str]]]:
    """How much was done: "percent" (0 to 100) from the "how much, or a note" form, else the one-tap "value"
    (0 to 1, the "Partly" button's half). Only a partial day has an amount."""
    if outcome != "partial":
        return None, {}
    percent = request.POST.get("percent", "").strip()
    if percent:
        try:
            amount = float(percent)
        except ValueError:
            amount = -1.0
        if not 0.0 <= amount <= 100.0:
            return None, {"value": ["Say how much you did as a number from 0 to 100 (50 is half)."]}
        return amount / 100.0, {}
    raw = request.POST.get("value", "")
    try:
        return (float(raw) if raw else None), {}
    except ValueError:
        return -1.0, {}


@login_required
@require_POST
def checkin(request: HttpRequest, promise_id: int, on: str) -> HttpResponse:
    """One tap per outcome. With htmx the card is swapped in place; without JavaScript the page reloads. The
    "how much, or a note" form is a plain post: a note passes the safety guard, whose calm page may follow."""
    user = _user(request)
    promise = _promise_to_change(request, promise_id)
    day = _day(on)
    if services.promise_held(promise):
        return _held(request, promise)
    today = services.user_today(user)
    outcome = request.POST.get("outcome", "")
    note = request.POST.get("note") if request.POST.get("more") else None
    value, errors = _posted_value(request, outcome)
    checkin_row: CheckIn | None = None
    result = None
    if not errors:
        try:
            checkin_row, _, result = services.checkin_record(user=user, promise=promise, on=day, outcome=outcome,
                                                             value=value, reason=request.POST.get("reason", ""),
                                                             note=note, today=today)
        except ValidationError as exc:
            errors = exc.message_dict
    default_next = reverse("core:home")
    back = _next_url(request, default_next)
    if errors:
        existing = selectors.checkin_for_day(user=user, promise=promise, on=day)
        posted = {k: request.POST.get(k, "") for k in ("outcome", "percent", "note", "reason")} if note is not None else None
        context = _card_context(request, selectors.Due(promise, day, existing), today=today,
                                errors=errors if note is not None else None, posted=posted,
                                error="" if note is not None else " ".join(m for ms in errors.values() for m in ms))
        if getattr(request, "htmx", False):
            return render(request, "promises/_card.html", context)
        return render(request, "promises/checkin.html", {**context, "next": back, "title": "Check in"}, status=422)
    assert checkin_row is not None and result is not None
    missed = checkin_row.outcome == "missed"
    if getattr(request, "htmx", False):
        item = selectors.Due(promise, day, checkin_row)
        template = "promises/_debrief_card.html" if missed else "promises/_card.html"
        card = render(request, template, _card_context(request, item, today=today))
        response = interstitial.after_save(request, result, entry_key=f"promises:checkin:{checkin_row.pk}",
                                           back_url=back, then=card)
        if response is not card:  # the calm page replaces the whole page, not the card
            response["HX-Retarget"], response["HX-Reswap"] = "body", "innerHTML"
        return response
    if missed:
        then = redirect("promises:debrief", promise_id=promise.pk, on=day.isoformat())
    else:
        messages.success(request, words.saved_line(outcome, day))
        then = redirect(back)
    return interstitial.after_save(request, result, entry_key=f"promises:checkin:{checkin_row.pk}",
                                   back_url=then.url, then=then)


def _held(request: HttpRequest, promise: Promise) -> HttpResponse:
    """A check-in on a promise held for the safety plan is refused (services.HeldForSafetyPlan): the offer card takes
    the check-in card's place (htmx), or the promise's page shows it (422, nothing saved)."""
    if getattr(request, "htmx", False):
        return render(request, "promises/_held_card.html", {"held": promise, "level": 3,
                                                            "held_words": services.HELD_WORDS,
                                                            "next": _next_url(request, reverse("core:home"))})
    return held_page(request, promise, status=422)


def _card_context(request: HttpRequest, item: selectors.Due, error: str = "", *, today: date | None = None,
                  errors: dict[str, list[str]] | None = None, posted: dict[str, str] | None = None) -> dict[str, Any]:
    today = today or services.user_today(_user(request))
    return {"card": words.card(item, error, today=today, errors=errors, posted=posted),
            "debrief_form": forms.DebriefForm(), "compassion": words.compassion(item.on),
            "next": _next_url(request, reverse("core:home"))}


def _day_checkin(request: HttpRequest, promise_id: int, on: str) -> tuple[Promise, date, CheckIn]:
    """The promise (to read, or to change on a POST), the day and its check-in; 404 when there is none."""
    promise = _promise_to_change(request, promise_id) if request.method == "POST" else _promise(request, promise_id)
    day = _day(on)
    row = selectors.checkin_for_day(user=_user(request), promise=promise, on=day)
    if row is None:
        raise Http404("No check-in on that day.")
    return promise, day, row


@login_required
@require_http_methods(["GET", "POST"])
def debrief(request: HttpRequest, promise_id: int, on: str) -> HttpResponse:
    """The gentle miss debrief. A plain form post, so the safety guard's calm page can follow when needed."""
    user = _user(request)
    promise, day, row = _day_checkin(request, promise_id, on)
    if services.promise_held(promise):
        return held_page(request, promise, status=422 if request.method == "POST" else 200)
    form = forms.DebriefForm(request.POST or None, initial={"obstacle": row.obstacle or "", "smaller_step": row.smaller_step or ""})
    if request.method == "POST" and form.is_valid():
        try:
            result = services.checkin_debrief(user=user, checkin=row, obstacle=form.cleaned_data["obstacle"],
                                              smaller_step=form.cleaned_data["smaller_step"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Thank you. That's useful to know next time.")
            back = _next_url(request, reverse("core:home"))
            return interstitial.after_save(request, result, entry_key=f"promises:checkin:{row.pk}", back_url=back)
    return render(request, "promises/debrief.html", {
        "promise": promise, "day": day, "form": form, "compassion": words.compassion(day),
        "title": words.catalogue()["debrief"]["title"],
    }, status=422 if form.errors else 200)


EARLIER_PER_PAGE = 20


@login_required
@require_GET
def earlier(request: HttpRequest) -> HttpResponse:
    """Every earlier day of the last week still without a check-in, a page at a time (Today shows the first few)."""
    user = _user(request)
    today = services.user_today(user)
    _, open_days = selectors.due_on(user=user, day=today)
    pages = max(1, -(-len(open_days) // EARLIER_PER_PAGE))
    try:
        page = min(pages, max(1, int(request.GET.get("page", "1"))))
    except ValueError:
        page = 1
    shown = open_days[(page - 1) * EARLIER_PER_PAGE:page * EARLIER_PER_PAGE]
    return render(request, "promises/earlier.html", {
        "title": "Earlier days without a check-in", "cards": [words.card(item, today=today) for item in shown],
        "count": len(open_days), "page": page, "pages": pages, "back_days": selectors.BACKFILL_DAYS,
        "next": request.get_full_path(),
    })




@login_required
@require_GET
def another_day(request: HttpRequest, promise_id: int) -> HttpResponse:
    """Check in for any due day from the promise's start to today (Today only asks about the last week), or change
    the day's check-in: a date picker, then that day's card."""
    user = _user(request)
    promise = _promise(request, promise_id)
    if services.promise_held(promise):
        return held_page(request, promise)
    today = services.user_today(user)
    first, last = services.checkin_days(promise=promise, today=today)
    form = forms.DayForm(request.GET or None, first=first, last=last)
    card = None
    if form.is_bound and form.is_valid():
        day = form.cleaned_data["on"]
        problems = services.checkin_day_problems(promise=promise, on=day, today=today)
        for problem in problems.get("on", []):
            form.add_error("on", problem)
        if not form.errors:
            existing = selectors.checkin_for_day(user=user, promise=promise, on=day)
            card = words.card(selectors.Due(promise, day, existing), today=today)
    return render(request, "promises/day.html", {
        "title": "Check in for another day", "promise": promise, "form": form, "card": card,
        "next": request.get_full_path(),
    }, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def checkin_remove(request: HttpRequest, promise_id: int, on: str) -> HttpResponse:
    """Remove one check-in, after asking on a page of its own (so it works without JavaScript)."""
    user = _user(request)
    promise, day, row = _day_checkin(request, promise_id, on)
    if request.method == "POST":
        services.checkin_delete(user=user, checkin=row)
        messages.success(request, f"The check-in for {day:%A %-d %B} is removed. That day counts neither way now.")
        return redirect("promises:detail", promise_id=promise.pk)
    return render(request, "promises/remove.html", {
        "title": "Remove this check-in?", "promise": promise, "day": day,
        "recorded": words.outcome_words(row.outcome, row.reason),
    })
