from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from rebond.domain import helplines


def _region(request: HttpRequest) -> str | None:
    asked = request.GET.get("region", "").upper()
    codes = {code for code, _ in helplines.regions()}
    if asked in codes:
        return asked
    region = str(getattr(request.user, "region", "") or "")
    return region or None


def help_now(request: HttpRequest) -> HttpResponse:
    """Crisis lines first. Works signed out and without JavaScript."""
    region = _region(request)
    lines = helplines.lines_for(region)
    return render(request, "safety/help.html", {
        "region": region,
        "region_name": dict(helplines.regions()).get(region or "", ""),
        "regions": helplines.regions(),
        "crisis_lines": [line for line in lines if line.kind in {"crisis", "text"}],
        "dv_lines": helplines.dv_lines_for(region),
        "youth_lines": helplines.youth_lines_for(region),
        "directory": [line for line in lines if line.kind == "directory"] or helplines.lines_for(None),
        "region_emergency": helplines.emergency_number(region),
    })


@never_cache
def quick_exit(request: HttpRequest) -> HttpResponse:
    """A neutral page. Leaving this way also ends the session, so Back shows nothing private."""
    logout(request)
    response = render(request, "safety/exit.html")
    response["Clear-Site-Data"] = '"cache"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest) -> HttpResponse:
    from rebond.safety import plan as plan_service

    user = request.user
    steps = plan_service.steps()
    errors: dict[str, list[str]] = {}
    current = plan_service.plan_get(user=user)
    if request.method == "POST":
        entries = {step.id: {"text": request.POST.get(f"{step.id}-text", ""),
                             "obstacle": request.POST.get(f"{step.id}-obstacle", "")} for step in steps}
        try:
            plan_service.plan_save(user=user, entries=entries)
        except ValidationError as exc:
            errors = exc.message_dict
            current = entries
        else:
            # The plan is where a person goes in a hard moment, so no interstitial here; the lines are on this page.
            messages.success(request, "Your safety plan is saved.")
            return redirect("safety:plan")
    rows = [{"step": step, "text": current[step.id]["text"], "obstacle": current[step.id]["obstacle"],
             "text_error": " ".join(errors.get(f"{step.id}.text", [])),
             "obstacle_error": " ".join(errors.get(f"{step.id}.obstacle", []))} for step in steps]
    catalogue = plan_service.catalogue()
    printed = request.GET.get("print", "")
    template = {"": "safety/plan.html", "card": "safety/plan_card.html"}.get(printed, "safety/plan_print.html")
    # The wallet card: the steps in two halves (front and back) of one folded card.
    numbered = [{**row, "number": i} for i, row in enumerate(rows, start=1)]
    return render(request, template, {"rows": rows, "intro": catalogue["intro"],
                                      "obstacle_prompt": catalogue["obstacle_prompt"],
                                      "halves": [numbered[:4], numbered[4:]]},
                  status=422 if errors else 200)
