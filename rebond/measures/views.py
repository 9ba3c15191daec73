"""Measures pages: the list, one questionnaire at a time, results, history charts, and the daily check-in."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from rebond.domain import measure_schedule
from rebond.domain.instruments import Instrument
from rebond.measures import catalogue, charts, presenters, selectors, services
from rebond.measures.access import enabled_instrument_ids, instrument_for, response_for
from rebond.measures.models import Safety
from rebond.safety import interstitial

HISTORY_ROWS = 50
MOOD_DAYS = 60


def _lines(user: Any) -> dict[str, Any]:
    from rebond.domain import helplines

    region = str(getattr(user, "region", "") or "") or None
    lines = helplines.lines_for(region)
    return {
        "region": region,
        "crisis_lines": [line for line in lines if line.kind in {"crisis", "text"}],
        "region_emergency": helplines.emergency_number(region),
    }


def _unsafe(request: HttpRequest) -> bool:
    return selectors.unsafe_today(user=request.user, today=selectors.user_today(request.user))


def _display_anchors(instrument: Instrument, item: Any) -> list[Any]:
    anchors = list(item.answers)
    return anchors[::-1] if instrument.display_order == "descending" else anchors


def _posted_answers(request: HttpRequest, instrument: Instrument) -> list[int | None]:
    answers: list[int | None] = []
    for item in instrument.items:
        raw = request.POST.get(f"q{item.number}", "")
        try:
            value: int | None = int(raw)
        except ValueError:
            value = None
        # A value no answer has (a hand-made post) counts as not answered yet, never as a score.
        answers.append(value if value is not None and item.min_value <= value <= item.max_value else None)
    return answers


def _item9_raised(instrument: Instrument, answers: list[int | None]) -> bool:
    return instrument.id == "phq9" and len(answers) >= 9 and bool(answers[8])


def _form_context(request: HttpRequest, instrument: Instrument, answers: list[int | None],
                  errors: dict[int, str]) -> dict[str, Any]:
    rows = []
    for item in instrument.items:
        value = answers[item.number - 1] if item.number <= len(answers) else None
        rows.append({"item": item, "name": f"q{item.number}", "value": value,
                     "anchors": _display_anchors(instrument, item), "error": errors.get(item.number, "")})
    return {
        "instrument": instrument,
        "rows": rows,
        "answered": sum(1 for a in answers if a is not None),
        "show_support": _item9_raised(instrument, answers),
        "support": presenters.support(request.user) if instrument.id == "phq9" else None,
        "errors": errors,
        **_lines(request.user),
    }


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    today = selectors.user_today(user)
    cards = []
    for instrument_id in enabled_instrument_ids():
        instrument = instrument_for(instrument_id)
        latest = selectors.response_latest(user=user, instrument_id=instrument_id)
        points = [(d, t) for d, t, _ in selectors.series(user=user, instrument_id=instrument_id)] if latest else []
        cards.append({
            "chart": charts.instrument_chart(instrument, points) if len(points) > 1 else None,
            "chart_desc": charts.describe(instrument, points),
            "change": selectors.change_since_previous(response=latest) if latest else None,
            "instrument": instrument,
            "latest": latest,
            "latest_words": instrument.band(latest.severity).summary if latest else "",
            "latest_date": selectors.local_date(user, latest.taken_at) if latest else None,
            "draft": selectors.draft_get(user=user, instrument_id=instrument_id),
            "schedule": selectors.schedule_get(user=user, instrument_id=instrument_id),
        })
    paired = selectors.paired_outcome(user=user)
    return render(request, "measures/index.html", {
        "cards": cards,
        "paired": catalogue.words()["paired"][paired] if paired else "",
        "unsafe": selectors.unsafe_today(user=user, today=today),
        "due": selectors.due_today(user=user, today=today),
        "checkin": selectors.checkin_get(user=user, on=today),
        "words": catalogue.words(),
    })


@login_required
def history(request: HttpRequest, instrument: str) -> HttpResponse:
    inst = instrument_for(instrument)
    user = request.user
    points = selectors.series(user=user, instrument_id=inst.id)
    rows, count = selectors.response_list(user=user, instrument_id=inst.id, limit=HISTORY_ROWS)
    latest = rows[0] if rows else None
    table = [
        {"id": r.pk, "on": selectors.local_date(user, r.taken_at), "total": presenters.total_text(inst, r.total),
         "band": inst.band(r.severity).label, "percent": r.percent}
        for r in rows
    ]
    schedule = selectors.schedule_get(user=user, instrument_id=inst.id)
    return render(request, "measures/history.html", {
        "instrument": inst,
        "latest": latest,
        "latest_words": inst.band(latest.severity).summary if latest else "",
        "latest_total": presenters.total_text(inst, latest.total) if latest else "",
        "change": selectors.change_since_previous(response=latest) if latest else None,
        "since_first": selectors.change_since_first(user=user, instrument_id=inst.id) if count > 2 else None,
        "has_rule": inst.reliable_change is not None,
        "chart": charts.instrument_chart(inst, [(d, t) for d, t, _ in points]),
        "chart_desc": charts.describe(inst, [(d, t) for d, t, _ in points]),
        "shaded": bool(charts.band_specs(inst)),
        "table": table,
        "count": count,
        "schedule": schedule,
        "min_every": measure_schedule.min_every_days(inst.id),
        "draft": selectors.draft_get(user=user, instrument_id=inst.id),
        "unsafe": _unsafe(request),
    })


@login_required
@require_http_methods(["GET", "POST"])
def take(request: HttpRequest, instrument: str) -> HttpResponse:
    inst = instrument_for(instrument)
    user = request.user
    if _unsafe(request):
        return render(request, "measures/not_today.html", {"words": catalogue.words(), **_lines(user)})
    if request.method == "GET":
        draft = selectors.draft_get(user=user, instrument_id=inst.id)
        answers: list[int | None] = list(draft.answers) if draft else []
        return render(request, "measures/take.html", _form_context(request, inst, answers, {}))

    answers = _posted_answers(request, inst)
    if request.POST.get("action") == "save":
        services.draft_save(user=user, instrument_id=inst.id, answers=answers)
        messages.success(request, "Saved for later. Your answers are kept here until you come back.")
        return redirect("measures:take", instrument=inst.id)

    missing = {item.number: "This question still needs an answer." for item in inst.items
               if not item.optional and answers[item.number - 1] is None}
    if missing:
        # Never scored as zeros: the answers so far become the draft, and the gaps are named.
        services.draft_save(user=user, instrument_id=inst.id, answers=answers)
        context = _form_context(request, inst, answers, missing)
        context["missing_numbers"] = sorted(missing)
        return render(request, "measures/take.html", context, status=422)
    while answers and answers[-1] is None:
        answers.pop()
    try:
        response = services.response_create(user=user, instrument_id=inst.id, answers=answers)
    except services.AnswersInvalid as exc:
        number = (exc.index + 1) if exc.index is not None else inst.items[-1].number
        return render(request, "measures/take.html", _form_context(request, inst, answers, {number: exc.message_text}),
                      status=422)
    return redirect("measures:result", instrument=inst.id, pk=response.pk)


@login_required
@require_POST
def save_draft(request: HttpRequest, instrument: str) -> HttpResponse:
    """Keep answers as the person goes (htmx on change); a plain post comes back to the form."""
    inst = instrument_for(instrument)
    answers = _posted_answers(request, inst)
    services.draft_save(user=request.user, instrument_id=inst.id, answers=answers)
    if not getattr(request, "htmx", False):
        return redirect("measures:take", instrument=inst.id)
    context = _form_context(request, inst, answers, {})
    return render(request, "measures/_draft_saved.html", context)


@login_required
def result(request: HttpRequest, instrument: str, pk: int) -> HttpResponse:
    inst = instrument_for(instrument)
    response = response_for(user=request.user, instrument_id=inst.id, response_id=pk)
    data = presenters.response_dict(response, detail=True, user=request.user)
    return render(request, "measures/result.html", {
        "instrument": inst,
        "response": response,
        "data": data,
        "band": inst.band(response.severity),
        "total_text": presenters.total_text(inst, response.total),
        "change": selectors.change_since_previous(response=response),
        "has_rule": inst.reliable_change is not None,
        "first": selectors.response_previous(response=response) is None,
        "taken_on": selectors.local_date(request.user, response.taken_at),
        "show_support": bool(response.flags.get("item9")),
        "support": data.get("support"),
        **_lines(request.user),
    })


@login_required
@require_POST
def delete(request: HttpRequest, instrument: str, pk: int) -> HttpResponse:
    inst = instrument_for(instrument)
    services.response_delete(response=response_for(user=request.user, instrument_id=inst.id, response_id=pk))
    messages.success(request, "Deleted. That result is gone.")
    return redirect("measures:history", instrument=inst.id)


@login_required
@require_POST
def schedule(request: HttpRequest, instrument: str) -> HttpResponse:
    inst = instrument_for(instrument)
    if request.POST.get("action") == "stop":
        services.schedule_stop(user=request.user, instrument_id=inst.id)
        messages.success(request, f"No more reminders for the {inst.title}.")
        return redirect("measures:history", instrument=inst.id)
    try:
        every = int(request.POST.get("every_days", ""))
    except ValueError:
        every = 0
    try:
        services.schedule_set(user=request.user, instrument_id=inst.id, every_days=every)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"The {inst.title} will show on Today every {every} days.")
    return redirect("measures:history", instrument=inst.id)


@login_required
def mood(request: HttpRequest) -> HttpResponse:
    user = request.user
    today = selectors.user_today(user)
    points = selectors.mood_series(user=user, start=today - timedelta(days=MOOD_DAYS - 1), end=today)
    return render(request, "measures/mood.html", {
        "chart": charts.mood_chart(points),
        "rows": [{"on": d, "mood": m, "label": catalogue.mood_label(m)} for d, m in reversed(points)],
        "days": MOOD_DAYS,
        "words": catalogue.words(),
    })


@login_required
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest) -> HttpResponse:
    user = request.user
    today = selectors.user_today(user)
    current = selectors.checkin_get(user=user, on=today)
    errors: dict[str, list[str]] = {}
    values = {"mood": str(current.mood) if current else "", "safety": current.safety if current else "",
              "about": current.about if current else "", "note": current.note if current else ""}
    if request.method == "POST":
        values = {key: request.POST.get(key, "").strip() for key in ("mood", "safety", "about", "note")}
        try:
            mood_value: Any = int(values["mood"])
        except ValueError:
            mood_value = None
        try:
            saved, _, guard = services.checkin_save(user=user, on=today, mood=mood_value, safety=values["safety"],
                                                    about=values["about"], note=values["note"])
        except ValidationError as exc:
            errors = exc.message_dict
        else:
            if saved.safety != Safety.SAFE:
                # UX.md Safety: about myself -> crisis lines; someone hurting me -> domestic-violence help.
                target = "measures:checkin_help" if saved.about == "someone" else "safety:help"
                return redirect(target)
            messages.success(request, catalogue.words()["saved"])
            return interstitial.after_save(request, guard, entry_key=f"measures:checkin:{saved.pk}",
                                           back_url=reverse("core:home"), then=redirect("core:home"))
    return render(request, "measures/checkin.html", {"values": values, "errors": errors,
                                                     "words": catalogue.words(), "current": current},
                  status=422 if errors else 200)


@login_required
def checkin_help(request: HttpRequest) -> HttpResponse:
    """Domestic-violence help and device-safety tips, for "someone is hurting or scaring me"."""
    from rebond.domain import helplines

    region = str(getattr(request.user, "region", "") or "") or None
    return render(request, "measures/checkin_help.html", {
        "dv_lines": helplines.dv_lines_for(region),
        "words": catalogue.words(),
        **_lines(request.user),
    })
