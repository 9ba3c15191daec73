"""Web pages for boundaries: the list with a summary, define or change one with the script builder, and log how
it went."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rebond.boundaries import content, forms, selectors, services
from rebond.boundaries.models import Boundary
from rebond.boundaries.services import TEXT_FIELDS
from rebond.domain import helplines
from rebond.people import selectors as people_selectors
from rebond.people.models import Person
from rebond.people.services import user_today
from rebond.safety import interstitial


def _boundary(request: HttpRequest, boundary_id: int) -> Boundary:
    try:
        return selectors.boundary_get(user=request.user, boundary_id=boundary_id)
    except Boundary.DoesNotExist:
        raise Http404("Not found.") from None


def _apply(form: Any, exc: ValidationError) -> None:
    for field, problems in exc.message_dict.items():
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)


def _chosen_person(request: HttpRequest, boundary: Boundary | None) -> Person | None:
    """Who the form is about right now: the person picked in the form being sent, or ``?person=`` when the page
    opens, else the saved one. An id that isn't one of the user's people counts as no one."""
    source = request.POST if request.method == "POST" else request.GET
    if "person" not in source:
        return boundary.person if boundary is not None else None
    try:
        return people_selectors.person_get(user=request.user, person_id=int(source["person"]))
    except (ValueError, Person.DoesNotExist):
        return None


def _safety(request: HttpRequest, person: Person | None) -> dict[str, Any]:
    """A boundary about someone who may have hurt the user: no script suggestions, and help instead. The help is
    always on the page (hidden unless it applies) so the page's script can show it when such a person is picked."""
    region = getattr(request.user, "region", "") or None
    return {"safety_first": person is not None and person.safety_first,
            "safety_words": content.catalogue()["safety_first"],
            "dv_lines": helplines.dv_lines_for(region), "region_emergency": helplines.emergency_number(region)}


@login_required
@require_GET
def boundary_list(request: HttpRequest) -> HttpResponse:
    rows, all_time, recent = selectors.summary(user=request.user)
    return render(request, "boundaries/list.html", {"rows": rows, "all_time": all_time, "recent": recent,
                                                     "intro": content.catalogue()["intro"]})


def _edit(request: HttpRequest, boundary: Boundary | None) -> HttpResponse:
    user = request.user
    person = _chosen_person(request, boundary)
    safety = _safety(request, person)
    initial: dict[str, Any] = {"person": person.pk if person is not None else None}
    if boundary is not None:
        initial.update({f: getattr(boundary, f) for f in TEXT_FIELDS})
    people = people_selectors.person_list(user=user)
    words = content.script_words()
    use_script = request.method == "POST" and "use_script" in request.POST
    if use_script:
        # "Use this as how I'll say it" without JavaScript: the same form back, with the script put into "how".
        sent = {f: request.POST.get(f, "") for f in TEXT_FIELDS}
        script = content.script_text(sent)
        initial = {**sent, "how": script or sent["how"], "person": initial["person"]}
        messages.info(request, words["used"] if script else words["empty"])
    form = forms.BoundaryForm(None if use_script else (request.POST or None), initial=initial, people=people,
                              suggestions=not safety["safety_first"])
    if request.method == "POST" and not use_script and form.is_valid():
        try:
            boundary, result = services.boundary_save(user=user, boundary=boundary, data=dict(form.cleaned_data))
        except ValidationError as exc:
            _apply(form, exc)
        else:
            messages.success(request, "Saved.")
            back = reverse("boundaries:detail", args=[boundary.pk])
            return interstitial.after_save(request, result, entry_key=f"boundaries:{boundary.pk}", back_url=back)
    logs = selectors.log_list(user=user, boundary=boundary) if boundary is not None else []
    log_form = forms.LogForm(initial={"on": user_today(user), "outcome": "communicated"})
    values = request.POST if request.method == "POST" and not use_script else initial
    return render(request, "boundaries/form.html", {
        "form": form, "boundary": boundary, "logs": logs, "log_form": log_form, "credit": content.catalogue()["credit"],
        "script_lines": content.script_text(values).splitlines(), "script_words": words,
        "spoken": " ".join(words["spoken"]), "note_parts": " ".join(words["notes"]),
        "title": "Define a boundary" if boundary is None else "My boundary", **safety,
    }, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def boundary_new(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def boundary_detail(request: HttpRequest, boundary_id: int) -> HttpResponse:
    return _edit(request, _boundary(request, boundary_id))


@login_required
@require_http_methods(["GET", "POST"])
def boundary_delete(request: HttpRequest, boundary_id: int) -> HttpResponse:
    boundary = _boundary(request, boundary_id)
    if request.method == "POST":
        services.boundary_delete(user=request.user, boundary=boundary)
        messages.success(request, "Deleted.")
        return redirect("boundaries:list")
    return render(request, "boundaries/delete.html", {"boundary": boundary})


@login_required
@require_POST
def log_new(request: HttpRequest, boundary_id: int) -> HttpResponse:
    boundary = _boundary(request, boundary_id)
    form = forms.LogForm(request.POST)
    back = reverse("boundaries:detail", args=[boundary.pk])
    if form.is_valid():
        data = form.cleaned_data
        try:
            log, result = services.log_add(user=request.user, boundary=boundary, outcome=data["outcome"], on=data["on"],
                                           with_whom=data["with_whom"], note=data["note"])
        except ValidationError as exc:
            messages.info(request, " ".join(exc.messages))
        else:
            messages.success(request, content.catalogue()["guidance"][log.outcome])
            return interstitial.after_save(request, result, entry_key=f"boundaries:log:{log.pk}", back_url=back)
    else:
        messages.info(request, "Choose what happened and the day, then save.")
    return redirect(back)
