"""Repair stages for a breach (acknowledge → understand → rebuild) and the trust ladder. Both are off for a
person who may have hurt, threatened or frightened the user: those pages show help instead."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from rebond.people import forms, selectors, services, words
from rebond.people.models import BREACH_KINDS, Hurt, LadderStep
from rebond.people.views import (
    apply_errors,
    hurt_ask,
    observation_or_404,
    person_or_404,
    safety_first_page,
)
from rebond.safety import interstitial


@login_required
@require_POST
def person_hurt(request: HttpRequest, person_id: int) -> HttpResponse:
    """Answer the safety question from the repair or ladder page, then go back there (yes or not sure: help instead)."""
    person = person_or_404(request, person_id)
    back = request.POST.get("next", "")
    if not (back.startswith(f"/people/{person.pk}/")
            and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})):
        back = reverse("people:detail", args=[person.pk])
    hurt = request.POST.get("hurt", "")
    if hurt in (Hurt.YES, Hurt.NO, Hurt.NOT_SURE):
        services.person_update(user=request.user, person=person, hurt=hurt)
        messages.success(request, "Thank you. Your answer is saved, and only you can see it.")
    else:
        messages.info(request, "Choose yes, no or not sure — or leave it for now.")
    return redirect(back)


@login_required
@require_http_methods(["GET", "POST"])
def repair(request: HttpRequest, person_id: int, event_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    breach = observation_or_404(request, person, event_id)
    if breach.kind not in BREACH_KINDS:
        raise Http404("Not a breach.")
    if person.safety_first:
        return safety_first_page(request, person)
    path = selectors.repair_path(user=request.user, breach=breach)
    initial = {"stage": "acknowledge"} if path is None else {
        "stage": path.stage, "acknowledge_note": path.acknowledge_note or "",
        "understand_note": path.understand_note or "", "rebuild_note": path.rebuild_note or "",
    }
    form = forms.RepairForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            path, result = services.repair_update(user=request.user, breach=breach, stage=data["stage"],
                                                  acknowledge_note=data["acknowledge_note"],
                                                  understand_note=data["understand_note"],
                                                  rebuild_note=data["rebuild_note"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Saved.")
            back = reverse("people:detail", args=[person.pk])
            return interstitial.after_save(request, result, entry_key=f"people:repair:{breach.pk}", back_url=back)
    return render(request, "people/repair.html", {
        "form": form, "person": person, "breach": breach, "label": words.kind_label(breach.kind),
        "guidance": words.word("guidance"), "stages": words.catalogue()["stages"], **hurt_ask(person),
    }, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def ladder(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    if person.safety_first:
        return safety_first_page(request, person)
    form = forms.LadderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            step, result = services.ladder_add(user=request.user, person=person, text=data["text"],
                                               position=data["position"], anxiety_before=data["anxiety_before"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Step added.")
            back = reverse("people:ladder", args=[person.pk])
            return interstitial.after_save(request, result, entry_key=f"people:ladder:{step.pk}", back_url=back)
    steps = selectors.ladder(user=request.user, person=person)
    rows = [(s, forms.LadderStepForm(prefix=f"s{s.pk}", initial={
        "position": s.position, "anxiety_before": s.anxiety_before, "anxiety_after": s.anxiety_after,
        "done_on": s.done_on})) for s in steps]
    return render(request, "people/ladder.html", {
        "form": form, "person": person, "rows": rows, "intro": words.word("ladder_intro"), **hurt_ask(person),
    }, status=422 if form.errors else 200)


def _ladder_step_or_404(request: HttpRequest, person_id: int, step_id: int) -> tuple[Any, LadderStep]:
    person = person_or_404(request, person_id)
    try:
        return person, selectors.ladder_step_get(user=request.user, person=person, step_id=step_id)
    except LadderStep.DoesNotExist:
        raise Http404("Not found.") from None


@login_required
@require_POST
def ladder_step(request: HttpRequest, person_id: int, step_id: int) -> HttpResponse:
    person, step = _ladder_step_or_404(request, person_id, step_id)
    if person.safety_first:
        return safety_first_page(request, person)
    back = reverse("people:ladder", args=[person.pk])
    if request.POST.get("delete"):  # removing is never one click: ask first
        return redirect("people:ladder_remove", person.pk, step.pk)
    form = forms.LadderStepForm(request.POST, prefix=f"s{step.pk}")
    if form.is_valid():
        try:
            services.ladder_update(user=request.user, step=step, changes=dict(form.cleaned_data))
        except ValidationError as exc:
            messages.info(request, " ".join(exc.messages))
        else:
            messages.success(request, "Saved.")
    else:
        messages.info(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(back)


@login_required
@require_http_methods(["GET", "POST"])
def ladder_remove(request: HttpRequest, person_id: int, step_id: int) -> HttpResponse:
    """Ask before a step comes off the ladder; the POST from this page removes it."""
    person, step = _ladder_step_or_404(request, person_id, step_id)
    if person.safety_first:
        return safety_first_page(request, person)
    if request.method == "POST":
        services.ladder_delete(user=request.user, step=step)
        messages.success(request, "Step removed.")
        return redirect("people:ladder", person.pk)
    return render(request, "people/ladder_remove.html", {"person": person, "step": step})
