"""Web pages for promises: make and change one, the Record page, the evidence jar, and the private calendar feed.
Check-ins and the miss debrief are in checkin_views."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rebond.domain import promises as rules
from rebond.promises import chart, forms, ical, selectors, services, words
from rebond.promises.models import Promise, Victory
from rebond.safety import interstitial
from rebond.safety import plan as safety_plan
from rebond.safety.guard import guard_for

CHART_DAYS = 90
TABLE_STEP_DAYS = 7


def _user(request: HttpRequest) -> Any:
    return request.user


def _promise(request: HttpRequest, promise_id: int) -> Promise:
    try:
        return selectors.promise_get(user=_user(request), promise_id=promise_id)
    except Promise.DoesNotExist:
        raise Http404("Not found.") from None


def _promise_to_change(request: HttpRequest, promise_id: int) -> Promise:
    """The person's own promise, to change: 404 for anyone else's, 403 for a viewer whose share covers it (shares
    are read-only, docs/care.md)."""
    try:
        return selectors.promise_for_change(user=_user(request), promise_id=promise_id)
    except Promise.DoesNotExist:
        raise Http404("Not found.") from None


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Http404("Not a date.") from None


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


def _apply_errors(form: Any, exc: ValidationError) -> None:
    for field, problems in exc.message_dict.items():
        target = field if field in form.fields else None
        if field == "on":
            target = "starts_on" if "starts_on" in form.fields else None
        for problem in problems:
            form.add_error(target, problem)


# --- promises ---------------------------------------------------------------------------------------------------

@login_required
@require_GET
def promise_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    active, _ = selectors.promise_list(user=user, archived=False, limit=200)
    archived, _ = selectors.promise_list(user=user, archived=True, limit=200)
    describe = [(p, rules.describe_rule(p.rrule, p.starts_on), services.promise_held(p)) for p in active]
    return render(request, "promises/list.html", {"active": describe, "archived": archived,
                                                  "held_words": services.HELD_WORDS})


@login_required
@require_http_methods(["GET", "POST"])
def promise_new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    today = services.user_today(user)
    form = forms.PromiseForm(request.POST or None, initial={"starts_on": today, "repeat": "daily", "size": "small"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            promise, result = services.promise_create(
                user=user, text=data["text"], why=data["why"], size=data["size"], rrule=form.rule(),
                starts_on=data["starts_on"], ends_on=data["ends_on"],
            )
        except services.SafetyPromiseError as exc:
            return _safety_offer(request, exc)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Your promise is saved. It shows on Today when it's due.")
            return interstitial.after_save(request, result, entry_key=f"promises:{promise.pk}",
                                           back_url=reverse("core:home"))
    return render(request, "promises/form.html", {"form": form, "title": "Make a promise to yourself"},
                  status=422 if form.errors else 200)


def _initial(promise: Promise) -> dict[str, Any]:
    return {"text": promise.text, "why": promise.why, "size": promise.size, "repeat": forms.repeat_for(promise.rrule),
            "rrule": promise.rrule, "starts_on": promise.starts_on, "ends_on": promise.ends_on}


@login_required
@require_http_methods(["GET", "POST"])
def promise_detail(request: HttpRequest, promise_id: int) -> HttpResponse:
    user = _user(request)
    promise = _promise_to_change(request, promise_id) if request.method == "POST" else _promise(request, promise_id)
    initial = _initial(promise)
    smaller = selectors.latest_smaller_step(user=user, promise=promise)
    if smaller and request.GET.get("use") == "smaller":
        initial["text"] = smaller
        if rules.smaller_size(promise.size):
            initial["size"] = rules.smaller_size(promise.size)
    form = forms.PromiseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            promise, result = services.promise_update(
                user=user, promise=promise, text=data["text"], why=data["why"], size=data["size"],
                rrule=form.rule(), starts_on=data["starts_on"], ends_on=data["ends_on"],
            )
        except services.SafetyPromiseError as exc:
            return _safety_offer(request, exc)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Saved.")
            back = reverse("promises:detail", args=[promise.pk])
            return interstitial.after_save(request, result, entry_key=f"promises:{promise.pk}", back_url=back)
    return _detail_page(request, promise, form=form, smaller=smaller)


def _detail_page(request: HttpRequest, promise: Promise, *, form: forms.PromiseForm, smaller: str,
                 pause_form: forms.PauseForm | None = None) -> HttpResponse:
    """The promise's page; 422 when the change or the pause form holds errors (shown beside their fields). A promise
    held for the safety plan gets the offer card instead (a refused rest is a 422 too)."""
    if services.promise_held(promise):
        return held_page(request, promise, status=422 if form.errors or (pause_form and pause_form.errors) else 200)
    user = _user(request)
    today = services.user_today(user)
    checkins, count = selectors.checkin_list(user=user, promise=promise, limit=60)
    pause_form = pause_form or forms.PauseForm(initial={"first": today, "last": today + timedelta(days=6)})
    first_day, last_day = services.checkin_days(promise=promise, today=today)
    day_form = forms.DayForm(initial={"on": max(first_day, min(last_day, today - timedelta(days=1)))},
                             first=first_day, last=last_day)
    strength = next((s for s in selectors.promise_strengths(user=user, on=today) if s.promise.pk == promise.pk), None)
    return render(request, "promises/detail.html", {
        "promise": promise, "form": form, "pause_form": pause_form, "day_form": day_form, "count": count,
        "strength": strength,
        "smaller": smaller,
        "schedule": rules.describe_rule(promise.rrule, promise.starts_on),
        "history": [{"c": c, "words": words.outcome_words(c.outcome, c.reason)} for c in checkins],
        "title": "Change this promise",
    }, status=422 if form.errors or pause_form.errors else 200)


def held_page(request: HttpRequest, promise: Promise, *, status: int = 200) -> HttpResponse:
    """The page of a promise held for the safety plan (services.promise_held): the offer card instead of check-ins,
    and the check-ins saved before, which stay (and can be removed) but no longer count."""
    checkins, count = selectors.checkin_list(user=_user(request), promise=promise, limit=60)
    return render(request, "promises/held.html", {
        "title": promise.text, "promise": promise, "held_words": services.HELD_WORDS, "count": count,
        "schedule": rules.describe_rule(promise.rrule, promise.starts_on),
        "history": [{"c": c, "words": words.outcome_words(c.outcome, c.reason)} for c in checkins],
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def promise_stop(request: HttpRequest, promise_id: int) -> HttpResponse:
    """Stop tracking a promise: put it away, after asking on a page of its own (so it works without JavaScript).
    Nothing is deleted. 404 for anyone else's; 403 for a viewer whose share covers promises (read-only)."""
    user = _user(request)
    promise = _promise_to_change(request, promise_id) if request.method == "POST" else _promise(request, promise_id)
    back = _next_url(request, reverse("core:home"))
    if request.method == "POST":
        services.promise_archive(user=user, promise=promise)
        messages.success(request, "You stopped tracking it. Nothing was deleted: its check-ins stay, and you can "
                                  "bring it back from your list of promises.")
        return redirect(back)
    return render(request, "promises/stop.html", {"title": "Stop tracking this promise?", "promise": promise,
                                                  "next": back})


@login_required
@require_POST
def promise_archive(request: HttpRequest, promise_id: int) -> HttpResponse:
    promise = _promise_to_change(request, promise_id)
    archived = request.POST.get("archived", "1") != "0"
    services.promise_archive(user=_user(request), promise=promise, archived=archived)
    messages.success(request, "Put away. Its record stays." if archived else "Back on your list.")
    return redirect("promises:list")


@login_required
@require_POST
def promise_pause(request: HttpRequest, promise_id: int) -> HttpResponse:
    promise = _promise_to_change(request, promise_id)
    form = forms.PauseForm(request.POST)
    if form.is_valid():
        try:
            n = services.promise_pause(user=_user(request), promise=promise, first=form.cleaned_data["first"],
                                       last=form.cleaned_data["last"], reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, f"Resting on {n} day{'s' if n != 1 else ''}. Nothing is lost while you rest.")
            return redirect("promises:detail", promise_id=promise.pk)
    # Errors beside the fields, with the rest of the page as it was (what was typed stays in the form).
    change = forms.PromiseForm(initial=_initial(promise))
    smaller = selectors.latest_smaller_step(user=_user(request), promise=promise)
    return _detail_page(request, promise, form=change, smaller=smaller, pause_form=form)


SAFETY_OFFER_KEY = "promises_safety_offer"
SAFETY_OFFER_ENTRY = "promises:safety-offer"


def _safety_offer(request: HttpRequest, exc: services.SafetyPromiseError) -> HttpResponse:
    """A promise to stay safe: offer the safety plan instead. Its words went through the crisis guard first, so
    the calm page comes before the offer when they need it (always when a plan or means is named); the words wait,
    sealed, in the session for "Back to my entry"."""
    request.session[SAFETY_OFFER_KEY] = services.safety_offer_seal(user=_user(request), text=exc.text)
    # Rendered late, so the banner after_save may add (the calm page was shown today) is on it.
    offer = TemplateResponse(request, "promises/safety_offer.html")
    return interstitial.after_save(request, exc.result, entry_key=SAFETY_OFFER_ENTRY,
                                   back_url=reverse("promises:safety_plan_add"), then=offer, saved=False)


@login_required
@require_http_methods(["GET", "POST"])
def safety_plan_add(request: HttpRequest) -> HttpResponse:
    """A promise about staying safe leads to the safety plan instead. GET shows the offer again for the words waiting
    in the session (the calm page's "Back to my entry"); POST drops them and opens the plan (see _open_plan)."""
    user = _user(request)
    if request.method == "GET":
        sealed = request.session.get(SAFETY_OFFER_KEY)
        text = services.safety_offer_open(user=user, sealed=sealed) if sealed else ""
        if not text:
            return redirect("promises:new")
        return render(request, "promises/safety_offer.html")
    request.session.pop(SAFETY_OFFER_KEY, None)
    return _open_plan()


@login_required
@require_POST
def held_to_plan(request: HttpRequest, promise_id: int) -> HttpResponse:
    """"Use my safety plan instead" on the card of a promise held for the safety plan: it is put away (its check-ins
    stay on its page) and the plan opens, as for a new one. Words naming a plan or means get the calm page first.
    404 for anyone else's or for a promise that isn't held; 403 for a viewer with a share."""
    promise = _promise_to_change(request, promise_id)
    if not services.promise_held(promise):
        raise Http404("Not found.")
    user = _user(request)
    services.promise_archive(user=user, promise=promise)
    messages.success(request, "The promise is put away now; its check-ins stay on its page.")
    return interstitial.after_save(request, guard_for(user, str(promise.text)), entry_key=f"promises:{promise.pk}",
                                   back_url=safety_plan.from_promise_url(), then=_open_plan())


def _open_plan() -> HttpResponse:
    """The safety plan at its first empty step, with a short note on what it has room for. The promise's words are
    not copied in: "I won't hurt myself" written in as a coping step works like a no-suicide contract, which
    clinicians advise against; the plan asks what helps instead."""
    return redirect(safety_plan.from_promise_url())


# --- the record ---------------------------------------------------------------------------------------------------

@login_required
@require_GET
def record(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    today = services.user_today(user)
    book = selectors.ledger(user=user)
    first_day = min((row[2] for row in book.rows), default=today)
    start = max(first_day, today - timedelta(days=CHART_DAYS - 1))
    if (today - start).days < 13:
        start = today - timedelta(days=13)
    points = selectors.self_trust_series(user=user, start=start, end=today, book=book)
    point = points[-1]  # the series ends today: the same opinion as a fresh score, from one pass over the ledger
    drawing = chart.build([p.on for p in points], [p.estimate for p in points], [p.low for p in points],
                          [p.high for p in points], enough=[p.status != "not_enough_evidence" for p in points])
    table = [p for p in points[::-1][::TABLE_STEP_DAYS]][::-1]
    month_ago = today - timedelta(days=29)
    recent = [row for row in book.rows if month_ago <= row[2] <= today]
    strengths = selectors.promise_strengths(user=user, on=today, book=book)
    feed = selectors.calendar_feed_exists(user=user)
    return render(request, "promises/record.html", {
        "point": point,
        "show_number": point.status != "not_enough_evidence",
        "estimate_words": words.estimate_words(point),
        "band_words": words.band_words(point),
        "status_words": words.status_words(point),
        "recent_kept": sum(1 for r in recent if r[3] == "kept"),
        "recent_counted": sum(1 for r in recent if r[3] in {"kept", "missed", "partial"}),
        "chart": drawing,
        "table": [{"on": p.on, "estimate": words.percent(p.estimate), "low": words.percent(p.low),
                   "high": words.percent(p.high), "enough": p.status != "not_enough_evidence"} for p in table],
        "strengths": [{"s": s, "show": s.score.status != "not_enough_evidence",
                       "estimate": words.percent(s.score.estimate), "status": words.status_words(s.score),
                       "smaller": rules.smaller_size(s.promise.size)} for s in strengths],
        "evidence": selectors.kept_evidence(user=user, limit=15, book=book),
        "feed_url": request.build_absolute_uri(reverse("promises:calendar_feed", args=[feed])) if feed else "",
        "has_promises": bool(book.promises),
    })


@login_required
@require_http_methods(["GET", "POST"])
def calendar_regenerate(request: HttpRequest) -> HttpResponse:
    """Make the calendar link. Replacing a link that exists asks first (a page, so it works without JavaScript):
    calendars using the old one stop updating."""
    user = _user(request)
    exists = selectors.calendar_feed_exists(user=user) is not None
    if exists and not (request.method == "POST" and request.POST.get("confirm") == "yes"):
        return render(request, "promises/calendar_confirm.html", {"title": "Make a new calendar link?"})
    if request.method != "POST":
        return redirect(reverse("promises:record") + "#calendar")
    services.calendar_feed_regenerate(user=user)
    messages.success(request, "Here is your new calendar link. The old one no longer works." if exists
                     else "Here is your calendar link. Add it to your calendar app.")
    return redirect(reverse("promises:record") + "#calendar")


@never_cache
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private feed. The secret address is the only key, so a calendar app can subscribe."""
    user = selectors.feed_user(token=token)
    if user is None:
        raise Http404("Not found.")
    body = ical.build_feed(user=user, promises=selectors.calendar_promises(user=user), now=timezone.now(), host=request.get_host().split(":")[0],
                           rest_days=selectors.rest_days(user=user))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="rebond.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response


# --- victories ----------------------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def victories(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    today = services.user_today(user)
    form = forms.VictoryForm(request.POST or None, initial={"on": today})
    if request.method == "POST" and form.is_valid():
        try:
            victory, result = services.victory_create(user=user, text=form.cleaned_data["text"],
                                                      on=form.cleaned_data["on"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Added to your evidence jar.")
            return interstitial.after_save(request, result, entry_key=f"promises:victory:{victory.pk}",
                                           back_url=reverse("promises:victories"))
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    per_page = 30
    items, count = selectors.victories(user=user, limit=per_page, offset=(page - 1) * per_page)
    return render(request, "promises/victories.html", {
        "form": form, "items": items, "count": count, "page": page,
        "has_next": page * per_page < count, "has_prev": page > 1,
    }, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def victory_remove(request: HttpRequest, victory_id: int) -> HttpResponse:
    """Take one of your own wins out of the jar, after asking on a page of its own (so it works without JavaScript).
    404 for anyone else's; 403 for a viewer whose share covers wins (shares are read-only)."""
    user = _user(request)
    try:
        if request.method == "POST":
            victory = selectors.victory_for_change(user=user, victory_id=victory_id)
        else:
            victory = selectors.victory_get(user=user, victory_id=victory_id)
    except Victory.DoesNotExist:
        raise Http404("Not found.") from None
    if request.method == "POST":
        services.victory_delete(user=user, victory=victory)
        messages.success(request, "That win is out of the jar.")
        return redirect("promises:victories")
    return render(request, "promises/victory_remove.html", {"title": "Remove this win?", "victory": victory})
