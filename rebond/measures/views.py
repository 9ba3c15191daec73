"""Measures pages: the list, one questionnaire at a time, results, history charts, and the daily check-in."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from rebond.domain import measure_schedule
from rebond.domain.instruments import Instrument
from rebond.measures import catalogue, charts, presenters, selectors, services
from rebond.measures.access import enabled_instrument_ids, instrument_for, response_for, response_for_change
from rebond.measures.models import About, Safety
from rebond.safety import interstitial

HISTORY_ROWS = 50
MOOD_DAYS = 60


def _lines(user: Any) -> dict[str, Any]:
    from rebond.domain import helplines

    region = str(getattr(user, "region", "") or "") or None
    return {
        "region": region,
        "crisis_lines": helplines.talk_lines(region),
        "region_emergency": helplines.emergency_number(region),
    }


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def _unsafe(request: HttpRequest) -> bool:
    return selectors.unsafe_today(user=request.user, today=selectors.user_today(request.user))


def _not_today(request: HttpRequest) -> HttpResponse:
    """UX.md Safety: on a day marked unsafe, no questionnaire; the calm note, the lines and the safety plan."""
    return render(request, "measures/not_today.html", {"words": catalogue.words(), **_lines(request.user)})


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
        note = presenters.note_before(request.user, instrument, item)
        # PHQ-9 question 9 also tells screen readers, as the group is entered, that help shows just below it:
        # the panel is revealed by CSS alone, which nothing announces without JavaScript.
        hint = catalogue.words()["item9_hint"] if instrument.id == "phq9" and item.number == 9 else ""
        describedby = " ".join(([f"note-{item.number}"] if note else []) + (["support-9-hint"] if hint else []))
        rows.append({"item": item, "name": f"q{item.number}", "value": value, "note": note, "hint": hint,
                     "describedby": describedby, "anchors": _display_anchors(instrument, item),
                     "error": errors.get(item.number, "")})
    return {
        "instrument": instrument,
        "rows": rows,
        "answered": sum(1 for a in answers if a is not None),
        "show_support": _item9_raised(instrument, answers),
        "support": presenters.support(request.user) if instrument.id == "phq9" else None,
        "errors": errors,
        "words": catalogue.words(),
        **_lines(request.user),
    }


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    today = selectors.user_today(user)
    unsafe = selectors.unsafe_today(user=user, today=today)
    # UX.md Safety: on an unsafe day, no questionnaires. Past results only when the person asks for them.
    show_past = request.GET.get("past") == "1"
    cards = []
    for instrument_id in enabled_instrument_ids() if not unsafe or show_past else ():
        instrument = instrument_for(instrument_id)
        latest = selectors.response_latest(user=user, instrument_id=instrument_id)
        if unsafe and latest is None:
            continue
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
    paired = selectors.paired_outcome(user=user) if not unsafe or show_past else None
    return render(request, "measures/index.html", {
        "cards": cards,
        "paired": catalogue.words()["paired"][paired] if paired else "",
        "unsafe": unsafe,
        "show_past": show_past,
        "checkin": selectors.checkin_get(user=user, on=today),
        "words": catalogue.words(),
    })


@login_required
def history(request: HttpRequest, instrument: str) -> HttpResponse:
    inst = instrument_for(instrument)
    user = request.user
    points = selectors.series(user=user, instrument_id=inst.id)
    count = len(points)
    pages = max(1, -(-count // HISTORY_ROWS))
    number = min(_page_number(request), pages)
    rows, _ = selectors.response_list(user=user, instrument_id=inst.id, limit=HISTORY_ROWS,
                                      offset=(number - 1) * HISTORY_ROWS)
    latest = selectors.response_latest(user=user, instrument_id=inst.id) if count else None
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
        "page": {"number": number, "pages": pages},
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
    try:
        services.questionnaire_allowed(user=user)
    except services.NotToday:
        return _not_today(request)
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
    """Keep answers as the person goes (htmx on change); a plain post comes back to the form. On a day marked
    unsafe nothing is kept: htmx hears the calm note in the status line, a plain post gets the "This can wait" page."""
    inst = instrument_for(instrument)
    answers = _posted_answers(request, inst)
    try:
        services.draft_save(user=request.user, instrument_id=inst.id, answers=answers)
    except services.NotToday:
        if getattr(request, "htmx", False):
            return render(request, "measures/_draft_not_today.html", {"words": catalogue.words()})
        return _not_today(request)
    if not getattr(request, "htmx", False):
        return redirect("measures:take", instrument=inst.id)
    context = _form_context(request, inst, answers, {})
    return render(request, "measures/_draft_saved.html", context)


def _confirm(request: HttpRequest, *, title: str, question: str, button: str, back_url: str) -> HttpResponse:
    """A page that asks before something is removed, so it works the same with or without JavaScript."""
    return render(request, "measures/confirm.html", {"title": title, "question": question, "button": button,
                                                     "back_url": back_url})


@login_required
@require_http_methods(["GET", "POST"])
def discard_draft(request: HttpRequest, instrument: str) -> HttpResponse:
    """Throw away unfinished answers: GET asks first, POST does it."""
    inst = instrument_for(instrument)
    if selectors.draft_get(user=request.user, instrument_id=inst.id) is None:
        raise Http404("No saved answers.")
    if request.method == "GET":
        return _confirm(request, title=f"Start the {inst.title} again?",
                        question="Throw away your saved answers? They can't be brought back.",
                        button="Throw them away", back_url=reverse("measures:take", args=[inst.id]))
    services.draft_discard(user=request.user, instrument_id=inst.id)
    messages.success(request, "Your saved answers are gone. You can start again any time.")
    return redirect("measures:history", instrument=inst.id)


@login_required
@require_http_methods(["GET", "POST"])
def checkin_delete(request: HttpRequest, on: str) -> HttpResponse:
    """Delete one day's check-in: GET asks first, POST does it. Only ever the person's own."""
    try:
        day = date.fromisoformat(on)
    except ValueError:
        raise Http404("No check-in on that day.") from None
    if selectors.checkin_get(user=request.user, on=day) is None:
        raise Http404("No check-in on that day.")
    if request.method == "GET":
        return _confirm(request, title="Delete this check-in?",
                        question=f"Delete your check-in for {day:%A %-d %B %Y}? It can't be brought back.",
                        button="Delete it", back_url=reverse("measures:mood"))
    services.checkin_delete(user=request.user, on=day)
    messages.success(request, "Deleted. That check-in is gone.")
    return redirect("measures:mood")


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
    services.response_delete(response=response_for_change(user=request.user, instrument_id=inst.id, response_id=pk))
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
    """Sixty days at a time: page 1 ends today, page 2 is the sixty days before, and so on."""
    user = request.user
    today = selectors.user_today(user)
    number = min(_page_number(request), 1000)  # about 160 years back is far enough
    end = today - timedelta(days=MOOD_DAYS * (number - 1))
    start = end - timedelta(days=MOOD_DAYS - 1)
    days = selectors.mood_series(user=user, start=start, end=end)
    _, earlier = selectors.checkin_list(user=user, end=start - timedelta(days=1), limit=1)
    return render(request, "measures/mood.html", {
        # A day answered "Not safe" or "Not sure" may have no mood: listed (so it can be deleted), not charted.
        "chart": charts.mood_chart([(d, m) for d, m in days if m is not None]),
        "rows": [{"on": d, "mood": m, "label": catalogue.mood_label(m)} for d, m in reversed(days)],
        "days": MOOD_DAYS,
        "start": start,
        "end": end,
        "page": {"number": number, "earlier": earlier > 0, "later": number > 1},
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
            saved, _, guard, left_out = services.checkin_save(user=user, on=today, mood=mood_value,
                                                              safety=values["safety"], about=values["about"],
                                                              note=values["note"])
        except ValidationError as exc:
            errors = exc.message_dict
        else:
            if saved.safety != Safety.SAFE:
                # UX.md Safety: an unsafe answer is saved whatever else is missing, and goes straight to help:
                # about myself -> crisis lines; someone hurting me -> domestic-violence help; not said -> both.
                for words in left_out.values():
                    messages.info(request, words)
                return redirect("safety:help" if saved.about == About.MYSELF else "measures:checkin_help")
            messages.success(request, catalogue.words()["saved"])
            return interstitial.after_save(request, guard, entry_key=f"measures:checkin:{saved.pk}",
                                           back_url=reverse("core:home"), then=redirect("core:home"))
    return render(request, "measures/checkin.html", {"values": values, "errors": errors,
                                                     "words": catalogue.words(), "current": current,
                                                     "who_sees": presenters.who_sees(user, about="checkin")},
                  status=422 if errors else 200)


@login_required
def checkin_help(request: HttpRequest) -> HttpResponse:
    """Domestic-violence help and device-safety tips, for "someone is hurting or scaring me". When today's unsafe
    answer didn't say who it is about, the crisis lines come first and the domestic-violence help after."""
    from rebond.domain import helplines

    region = str(getattr(request.user, "region", "") or "") or None
    today = selectors.checkin_get(user=request.user, on=selectors.user_today(request.user))
    return render(request, "measures/checkin_help.html", {
        "dv_lines": helplines.dv_lines_for(region),
        "both": today is not None and today.safety != Safety.SAFE and not today.about,
        "words": catalogue.words(),
        **_lines(request.user),
    })
