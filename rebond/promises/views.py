"""Web pages for promises: make one, check in (one tap, htmx or plain form), the miss debrief, the Record page,
the evidence jar, and the private calendar feed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rebond.domain import promises as rules
from rebond.promises import chart, forms, ical, selectors, services, words
from rebond.promises.models import CheckIn, Promise
from rebond.safety import interstitial
from rebond.safety import plan as safety_plan

CHART_DAYS = 90
TABLE_STEP_DAYS = 7


def _user(request: HttpRequest) -> Any:
    return request.user


def _promise(request: HttpRequest, promise_id: int) -> Promise:
    try:
        return selectors.promise_get(user=_user(request), promise_id=promise_id)
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
    describe = [(p, rules.describe_rule(p.rrule, p.starts_on)) for p in active]
    return render(request, "promises/list.html", {"active": describe, "archived": archived})


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
            return render(request, "promises/safety_offer.html", {"text": exc.text})
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Your promise is saved. It shows on Today when it's due.")
            return interstitial.after_save(request, result, entry_key=f"promises:{promise.pk}",
                                           back_url=reverse("core:home"))
    return render(request, "promises/form.html", {"form": form, "title": "Make a promise to yourself"},
                  status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def promise_detail(request: HttpRequest, promise_id: int) -> HttpResponse:
    user = _user(request)
    promise = _promise(request, promise_id)
    initial = {"text": promise.text, "why": promise.why, "size": promise.size, "repeat": forms.repeat_for(promise.rrule),
               "rrule": promise.rrule, "starts_on": promise.starts_on, "ends_on": promise.ends_on}
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
            return render(request, "promises/safety_offer.html", {"text": exc.text})
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Saved.")
            back = reverse("promises:detail", args=[promise.pk])
            return interstitial.after_save(request, result, entry_key=f"promises:{promise.pk}", back_url=back)
    today = services.user_today(user)
    checkins, count = selectors.checkin_list(user=user, promise=promise, limit=60)
    pause_form = forms.PauseForm(initial={"first": today, "last": today + timedelta(days=6)})
    strength = next((s for s in selectors.promise_strengths(user=user, on=today) if s.promise.pk == promise.pk), None)
    return render(request, "promises/detail.html", {
        "promise": promise, "form": form, "pause_form": pause_form, "count": count, "strength": strength,
        "smaller": smaller,
        "schedule": rules.describe_rule(promise.rrule, promise.starts_on),
        "history": [{"c": c, "words": words.outcome_words(c.outcome, c.reason)} for c in checkins],
        "title": "Change this promise",
    }, status=422 if form.errors else 200)


@login_required
@require_POST
def promise_archive(request: HttpRequest, promise_id: int) -> HttpResponse:
    promise = _promise(request, promise_id)
    archived = request.POST.get("archived", "1") != "0"
    services.promise_archive(user=_user(request), promise=promise, archived=archived)
    messages.success(request, "Put away. Its record stays." if archived else "Back on your list.")
    return redirect("promises:list")


@login_required
@require_POST
def promise_pause(request: HttpRequest, promise_id: int) -> HttpResponse:
    promise = _promise(request, promise_id)
    form = forms.PauseForm(request.POST)
    if form.is_valid():
        try:
            n = services.promise_pause(user=_user(request), promise=promise, first=form.cleaned_data["first"],
                                       last=form.cleaned_data["last"], reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            for problems in exc.message_dict.values():
                for problem in problems:
                    messages.error(request, problem)
        else:
            messages.success(request, f"Resting on {n} day{'s' if n != 1 else ''}. Nothing is lost while you rest.")
    else:
        messages.error(request, "Pick a first and a last day for the pause.")
    return redirect("promises:detail", promise_id=promise.pk)


@login_required
@require_POST
def safety_plan_add(request: HttpRequest) -> HttpResponse:
    """Put a promise about staying safe into the safety plan (its "things I can do" step) instead."""
    text = request.POST.get("text", "").strip()
    if text:
        current = safety_plan.plan_get(user=_user(request))
        step = current.get("coping", {"text": "", "obstacle": ""})
        joined = f"{step['text']}\n{text}".strip() if text not in step["text"] else step["text"]
        try:
            safety_plan.plan_save(user=_user(request), entries={"coping": {"text": joined, "obstacle": step["obstacle"]}})
        except ValidationError:
            messages.error(request, "That didn't fit in the plan. You can add it on the safety plan page.")
        else:
            messages.success(request, "Added to your safety plan.")
    return redirect("safety:plan")


# --- check-ins --------------------------------------------------------------------------------------------------

@login_required
@require_POST
def checkin(request: HttpRequest, promise_id: int, on: str) -> HttpResponse:
    """One tap per outcome. With htmx the card is swapped in place; without JavaScript the page reloads."""
    user = _user(request)
    promise = _promise(request, promise_id)
    day = _day(on)
    outcome = request.POST.get("outcome", "")
    raw_value = request.POST.get("value", "")
    error = ""
    checkin_row: CheckIn | None = None
    try:
        value = float(raw_value) if raw_value else None
    except ValueError:
        value = -1.0
    try:
        checkin_row, _, _ = services.checkin_record(user=user, promise=promise, on=day, outcome=outcome, value=value,
                                                    reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        error = " ".join(m for ms in exc.message_dict.values() for m in ms)
    default_next = reverse("core:home")
    if getattr(request, "htmx", False):
        item = selectors.Due(promise, day, checkin_row)
        template = "promises/_debrief_card.html" if checkin_row and checkin_row.outcome == "missed" else "promises/_card.html"
        return render(request, template, _card_context(request, item, error))
    if error:
        messages.error(request, error)
        return redirect(_next_url(request, default_next))
    if checkin_row and checkin_row.outcome == "missed":
        return redirect("promises:debrief", promise_id=promise.pk, on=day.isoformat())
    messages.success(request, words.kept_line(day) if outcome == "kept" else "Noted.")
    return redirect(_next_url(request, default_next))


def _card_context(request: HttpRequest, item: selectors.Due, error: str = "") -> dict[str, Any]:
    return {"card": words.card(item, error), "debrief_form": forms.DebriefForm(),
            "compassion": words.compassion(item.on), "next": reverse("core:home")}


@login_required
@require_http_methods(["GET", "POST"])
def debrief(request: HttpRequest, promise_id: int, on: str) -> HttpResponse:
    """The gentle miss debrief. A plain form post, so the safety guard's calm page can follow when needed."""
    user = _user(request)
    promise = _promise(request, promise_id)
    day = _day(on)
    try:
        row = selectors.checkin_get(user=user, promise=promise, on=day)
    except CheckIn.DoesNotExist:
        raise Http404("No check-in on that day.") from None
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
                          [p.high for p in points])
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
@require_POST
def calendar_regenerate(request: HttpRequest) -> HttpResponse:
    services.calendar_feed_regenerate(user=_user(request))
    messages.success(request, "Here is your new calendar link. The old one no longer works.")
    return redirect(reverse("promises:record") + "#calendar")


@never_cache
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private feed. The secret address is the only key, so a calendar app can subscribe."""
    user = selectors.feed_user(token=token)
    if user is None:
        raise Http404("Not found.")
    active, _ = selectors.promise_list(user=user, archived=False, limit=500)
    body = ical.build_feed(user=user, promises=active, now=timezone.now(), host=request.get_host().split(":")[0])
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
