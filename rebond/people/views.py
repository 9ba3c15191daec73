"""Web pages for people and their ledger: the list, a person's page (Overall, Lately, timeline), logging an
observation, taking one back or adding a note, and "they said they would"."""

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

from rebond.domain import helplines
from rebond.people import forms, selectors, services, words
from rebond.people.forms import HURT_CHOICES
from rebond.people.models import Hurt, Observation, Person, TheySaid
from rebond.safety import interstitial

TIMELINE_PAGE = 40


def person_or_404(request: HttpRequest, person_id: int) -> Person:
    try:
        return selectors.person_get(user=request.user, person_id=person_id)
    except Person.DoesNotExist:
        raise Http404("Not found.") from None


def observation_or_404(request: HttpRequest, person: Person, event_id: int) -> Observation:
    try:
        return selectors.observation_get(user=request.user, person=person, observation_id=event_id)
    except Observation.DoesNotExist:
        raise Http404("Not found.") from None


def apply_errors(form: Any, exc: ValidationError) -> None:
    for field, problems in exc.message_dict.items():
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)


def safety_context(request: HttpRequest) -> dict[str, Any]:
    region = getattr(request.user, "region", "") or None
    return {"dv_lines": helplines.dv_lines_for(region), "region_emergency": helplines.emergency_number(region),
            "not_rebuilding": words.word("not_rebuilding"), "safety_first_words": words.word("safety_first")}


def hurt_ask(person: Person) -> dict[str, Any]:
    """The private question, asked before anything else is offered: while it is unanswered (repair and ladder
    pages), and on every page of this person while a look-again is waiting after they wrote about being hurt."""
    if person.ask_about_safety:
        texts = {"hurt_first_title": words.hurt_recheck(person.name), "hurt_first": words.word("hurt_recheck_help"),
                 "hurt_later": ""}
    elif person.hurt == Hurt.UNANSWERED:
        texts = {"hurt_first_title": words.word("hurt_first_title"), "hurt_first": words.word("hurt_first"),
                 "hurt_later": words.word("hurt_later")}
    else:
        return {"ask_hurt": False}
    return {"ask_hurt": True, "hurt_question": words.word("hurt_question"), "hurt_help": words.word("hurt_help"),
            "hurt_choices": [(value, label) for value, label in HURT_CHOICES if value != Hurt.UNANSWERED], **texts}


def safety_first_page(request: HttpRequest, person: Person) -> HttpResponse:
    """What the repair and ladder pages show instead for a person who may have hurt the user: help, or the
    look-again question while it waits."""
    return render(request, "people/safety_first.html", {
        "person": person, **safety_context(request), **hurt_ask(person),
        "hurt_next": reverse("people:detail", args=[person.pk]),
    })


@login_required
@require_GET
def person_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(request, "people/list.html", {
        "people": selectors.person_list(user=user),
        "pending": selectors.said_list(user=user), "today": services.user_today(user),
        "day_passed": words.word("day_passed"), "record_note": words.word("record_note"),
        "surveillance_title": words.word("surveillance_title"), "surveillance": words.word("surveillance"),
    })


def _person_form(request: HttpRequest, person: Person | None) -> HttpResponse:
    initial = {} if person is None else {"name": person.name, "relationship": person.relationship,
                                         # While a look-again waits, the answer is asked afresh, not pre-filled.
                                         "hurt": "" if person.ask_about_safety else person.hurt}
    form = forms.PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if person is None:
                person, result = services.person_create(user=request.user, name=data["name"],
                                                        relationship=data["relationship"], hurt=data["hurt"] or "")
            else:
                person, result = services.person_update(user=request.user, person=person, name=data["name"],
                                                        relationship=data["relationship"], hurt=data["hurt"] or "")
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Saved.")
            back = reverse("people:detail", args=[person.pk])
            return interstitial.after_save(request, result, entry_key=f"people:{person.pk}", back_url=back)
    title = "Add a person" if person is None else "Change details"
    recheck = words.hurt_recheck(person.name) if person is not None and person.ask_about_safety else ""
    return render(request, "people/person_form.html", {"form": form, "title": title, "person": person,
                                                       "recheck": recheck}, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def person_new(request: HttpRequest) -> HttpResponse:
    return _person_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    return _person_form(request, person_or_404(request, person_id))


@login_required
@require_http_methods(["GET", "POST"])
def person_delete(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    if request.method == "POST":
        services.person_delete(user=request.user, person=person)
        messages.success(request, "Deleted.")
        return redirect("people:list")
    return render(request, "people/person_delete.html", {"person": person})


@login_required
@require_GET
def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    view = selectors.person_view(user=request.user, person=person)
    score = view.score
    rows = view.timeline if request.GET.get("all") else view.timeline[:TIMELINE_PAGE]
    show_number = score.status != "not_enough_evidence"  # with too little evidence, words only (UX.md)
    context = {
        "person": person, "view": view, "score": score, "show_number": show_number,
        "overall_words": words.overall_words(score), "status_words": words.status_words(score),
        "fading_words": words.fading_words(view.fading),
        "shares": words.shares(score) if show_number else [],
        "lately_rows": words.lately_rows(view.lately), "day_passed": words.word("day_passed"),
        "band_words": words.band_words(score),
        "pending": selectors.said_list(user=request.user, person=person), "today": services.user_today(request.user),
        "record_note": words.word("record_note"), "guidance": words.word("guidance"),
        "checking_note": words.word("checking_note") if view.checking_count else "",
        "rows": [{"row": r, "label": words.kind_label(r.obs.kind)} for r in rows],
        "hidden": len(view.timeline) - len(rows),
        "hurt_question": words.word("hurt_question"),
        **(hurt_ask(person) if person.ask_about_safety else {}),
        "surveillance_title": words.word("surveillance_title"), "surveillance": words.word("surveillance"),
    }
    if person.safety_first:
        context.update(safety_context(request))
    return render(request, "people/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def event_new(request: HttpRequest, person_id: int) -> HttpResponse:
    user = request.user
    person = person_or_404(request, person_id)
    breaches = selectors.breach_choices(user=user, person=person)
    initial = {"on": services.user_today(user), "severity": 1.0}
    if request.GET.get("kind"):
        initial["kind"] = request.GET["kind"]
    if request.GET.get("repairs"):
        initial["repairs"] = request.GET["repairs"]
    form = forms.ObservationForm(request.POST or None, initial=initial, breaches=breaches)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            obs, result = services.observation_add(
                user=user, person=person, on=data["on"], kind=data["kind"],
                severity=data["severity"] if data["severity"] is not None else 1.0,
                repairs=data["repairs"], note=data["note"], from_checking=data["from_checking"] == "yes",
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"Saved “{words.kind_label(obs.kind)}”. That's another piece of your record.")
            if obs.from_checking:
                messages.info(request, words.word("checking_note"))
            back = reverse("people:detail", args=[person.pk])
            return interstitial.after_save(request, result, entry_key=f"people:event:{obs.pk}", back_url=back)
    return render(request, "people/event_form.html", {
        "form": form, "person": person, "record_note": words.word("record_note"),
        "surveillance_title": words.word("surveillance_title"), "surveillance": words.word("surveillance"),
    }, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def event_retract(request: HttpRequest, person_id: int, event_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    obs = observation_or_404(request, person, event_id)
    form = forms.RetractForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            obs, result = services.observation_retract(user=request.user, observation=obs,
                                                       reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Taken back. It stays in your record, marked, and no longer counts.")
            back = reverse("people:detail", args=[person.pk])
            return interstitial.after_save(request, result, entry_key=f"people:event:{obs.pk}", back_url=back)
    return render(request, "people/retract.html", {
        "form": form, "person": person, "obs": obs, "label": words.kind_label(obs.kind),
    }, status=422 if form.errors else 200)


@login_required
@require_POST
def event_annotate(request: HttpRequest, person_id: int, event_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    obs = observation_or_404(request, person, event_id)
    form = forms.AnnotateForm(request.POST)
    back = reverse("people:detail", args=[person.pk]) + f"#event-{obs.pk}"
    if form.is_valid():
        try:
            _, result = services.observation_annotate(user=request.user, observation=obs, text=form.cleaned_data["text"])
        except ValidationError as exc:
            messages.info(request, " ".join(exc.messages))
        else:
            messages.success(request, "Note added.")
            return interstitial.after_save(request, result, entry_key=f"people:event:{obs.pk}", back_url=back)
    else:
        messages.info(request, "Write a few words in the note, then add it.")
    return redirect(back)


@login_required
@require_http_methods(["GET", "POST"])
def said_new(request: HttpRequest, person_id: int) -> HttpResponse:
    user = request.user
    person = person_or_404(request, person_id)
    today = services.user_today(user)
    form = forms.SaidForm(request.POST or None, initial={"made_on": today, "due_on": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            said, result = services.said_create(user=user, person=person, text=data["text"], due_on=data["due_on"],
                                                made_on=data["made_on"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Saved. It waits here until you mark it kept or not kept.")
            back = reverse("people:detail", args=[person.pk])
            return interstitial.after_save(request, result, entry_key=f"people:said:{said.pk}", back_url=back)
    return render(request, "people/said_form.html", {"form": form, "person": person},
                  status=422 if form.errors else 200)


@login_required
@require_POST
def said_resolve(request: HttpRequest, said_id: int) -> HttpResponse:
    try:
        said = selectors.said_get(user=request.user, said_id=said_id)
    except TheySaid.DoesNotExist:
        raise Http404("Not found.") from None
    raw = request.POST.get("on", "")
    try:
        on = date.fromisoformat(raw) if raw else None  # the day it happened; today in their zone when not given
        services.said_resolve(user=request.user, said=said, outcome=request.POST.get("outcome", ""), on=on)
    except ValueError:
        messages.info(request, "Pick a day, like 2025-03-30.")
    except ValidationError as exc:
        messages.info(request, " ".join(exc.messages))
    else:
        messages.success(request, "Kept. That's another piece of evidence." if said.status == "kept"
                         else "Noted as not kept. It's in the record, and it will count less as time goes on.")
    target = request.POST.get("next")
    if target == "today":
        return redirect("core:home")
    return redirect("people:list") if target == "list" else redirect("people:detail", said.person_id)
