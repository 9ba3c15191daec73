from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from rebond.domain import helplines, suggest_practice
from rebond.practice import content as practice_content
from rebond.safety import interstitial

CLEAR_SITE_DATA = '"cache", "storage"'


def _region(request: HttpRequest) -> str | None:
    asked = request.GET.get("region", "").upper()
    codes = {code for code, _ in helplines.regions()}
    if asked in codes:
        return asked
    region = str(getattr(request.user, "region", "") or "")
    return region or None


# Get help now's grounding: the two practices that work signed out and need nothing but a minute.
GROUNDING = (suggest_practice.GROUNDING, suggest_practice.PACED_BREATHING)


def help_now(request: HttpRequest) -> HttpResponse:
    """Crisis lines first, then the safety plan, then grounding. Works signed out and without JavaScript. With no
    region we keep lines for, the page never picks a country: the local emergency number, where you are, and the
    international directory (once)."""
    region = _region(request)
    known = helplines.has_lines(region)
    return render(request, "safety/help.html", {
        "region": region,
        "known": known,
        "region_name": dict(helplines.regions()).get(region or "", ""),
        "regions": helplines.regions(),
        "crisis_lines": helplines.talk_lines(region),
        "dv_lines": helplines.dv_lines_for(region) if known else [],
        "youth_lines": helplines.youth_lines_for(region) if known else [],
        "directory": helplines.lines_for(None),
        "region_emergency": helplines.emergency_number(region),
        "grounding": [found for slug in GROUNDING if (found := practice_content.exercise(slug)) is not None],
    })


@never_cache
def quick_exit(request: HttpRequest) -> HttpResponse:
    """A neutral page. Leaving this way also ends the session, so Back shows nothing private."""
    logout(request)
    response = render(request, "safety/exit.html")
    # "storage" wipes localStorage too, where app.js keeps unsent drafts: the next person finds nothing typed.
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
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
            result = plan_service.plan_save(user=user, entries=entries)
        except ValidationError as exc:
            errors = exc.message_dict
            current = entries
        else:
            messages.success(request, "Your safety plan is saved.")
            # The plan is where a person goes in a hard moment, and help is one link away on this page: the guard's
            # banner (naming domestic-violence help when someone is hurting them), and the full page only for a
            # plan or means, which UX.md says always gets it.
            if result.plan_or_means:
                return interstitial.after_save(request, result, entry_key="safety:plan", back_url=reverse("safety:plan"))
            interstitial.banner(request, result)
            return redirect("safety:plan")
    catalogue = plan_service.catalogue()
    # Arriving from a promise about staying safe: a short note at the first step still empty, and nothing copied in.
    start = plan_service.first_open_step(current) if request.GET.get("from") == plan_service.FROM_PROMISE else ""
    rows = [{"step": step, "text": current[step.id]["text"], "obstacle": current[step.id]["obstacle"],
             "note": catalogue["from_promise"] if step.id == start else "",
             "text_error": " ".join(errors.get(f"{step.id}.text", [])),
             "obstacle_error": " ".join(errors.get(f"{step.id}.obstacle", []))} for step in steps]
    printed = request.GET.get("print", "")
    template = {"": "safety/plan.html", "card": "safety/plan_card.html"}.get(printed, "safety/plan_print.html")
    # The wallet card: the steps in two halves (front and back) of one folded card.
    numbered = [{**row, "number": i} for i, row in enumerate(rows, start=1)]
    return render(request, template, {"rows": rows, "intro": catalogue["intro"],
                                      "obstacle_prompt": catalogue["obstacle_prompt"],
                                      "halves": [numbered[:4], numbered[4:]]},
                  status=422 if errors else 200)
