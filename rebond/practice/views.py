"""Practice pages (the exercises, a session's distress before and after, the history) and the Learn library.

The exercise pages and Learn work signed out too (Get help now points to grounding); only keeping a record needs
an account.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from rebond.domain import helplines, practice_change, suggest_practice
from rebond.practice import content, panels, selectors, services
from rebond.practice.models import ExerciseSession

PAGE_SIZE = 20
SCALE = list(range(0, 11))


def _exercise(slug: str) -> content.Exercise:
    item = content.exercise(slug)
    if item is None:
        raise Http404("Not found.")
    return item


def _titles() -> dict[str, str]:
    return {e.slug: e.title for e in content.exercises()}


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    unsafe = panels.unsafe_today(user, services.user_today(user))
    if unsafe and request.GET.get("all") != "1":
        # UX.md Safety: on an unsafe day, no practices. Help comes first, then only grounding (as on Get help now);
        # the rest is one link away for a person who asks for it.
        return render(request, "practice/index_unsafe.html",
                      {"grounding": content.exercise(suggest_practice.GROUNDING)})
    try:
        number = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        number = 1
    rows, count = selectors.session_list(user=user, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    page = {"number": number, "pages": max(1, -(-count // PAGE_SIZE))}
    titles = _titles()
    history = [{"s": s, "title": titles.get(s.exercise, s.exercise)} for s in rows]
    return render(request, "practice/index.html", {
        "exercises": content.exercises(), "history": history, "page": page,
        "change": selectors.distress_change(user=user),
        "unsafe": unsafe,
    })


def _help_context(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    region = getattr(user, "region", "") or None
    return {
        "crisis_lines": helplines.talk_lines(region),
        "region_emergency": helplines.emergency_number(region),
    }


@require_http_methods(["GET", "POST"])
def exercise(request: HttpRequest, slug: str) -> HttpResponse:
    item = _exercise(slug)
    errors: dict[str, list[str]] = {}
    values = {"distress_before": request.POST.get("distress_before", ""),
              "distress_after": request.POST.get("distress_after", "")}
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        try:
            session = services.session_create(
                user=request.user, exercise=item.slug, distress_before=values["distress_before"],
                distress_after=values["distress_after"], finished=request.POST.get("stopped_early") != "1",
            )
        except ValidationError as exc:
            errors = exc.message_dict
        else:
            if practice_change.offers_help(session.distress_after):
                # Redirect, then show: a reload of the help page must not save the session a second time.
                return redirect("practice:session_help", session_id=session.pk)
            messages.success(request, practice_change.saved_words(session.distress_before, session.distress_after))
            return redirect("practice:index")
    others = [e for e in content.exercises() if e.slug != item.slug]
    return render(request, "practice/exercise.html", {
        "exercise": item, "errors": errors, "values": values, "scale": SCALE, "others": others,
        "phases_json": json.dumps([{"label": p.label, "seconds": p.seconds, "breath": p.breath} for p in item.pacer]),
    }, status=422 if errors else 200)


@login_required
@require_GET
def session_help(request: HttpRequest, session_id: int) -> HttpResponse:
    """The calm page after a practice that left distress at 8 or more. The person's own sessions only."""
    try:
        session = selectors.session_get(user=request.user, session_id=session_id)
    except ExerciseSession.DoesNotExist:
        raise Http404("Not found.") from None
    if not practice_change.offers_help(session.distress_after):
        return redirect("practice:index")
    return render(request, "practice/help_after.html",
                  {"exercise": content.exercise(session.exercise), "session": session, **_help_context(request)})


@login_required
@require_http_methods(["GET", "POST"])
def session_delete(request: HttpRequest, session_id: int) -> HttpResponse:
    """GET asks first; the history's button sends `ask` when JavaScript is off (see journal.views.entry_delete)."""
    try:
        session = selectors.session_get(user=request.user, session_id=session_id)
    except ExerciseSession.DoesNotExist:
        raise Http404("Not found.") from None
    if request.method == "GET":
        title = _titles().get(session.exercise, session.exercise)
        return render(request, "confirm_delete.html", {
            "what": f"{title} on {session.on:%A %-d %B %Y}",
            "action": reverse("practice:session_delete", args=[session.pk]),
            "back_url": reverse("practice:index") + "#history",
        })
    if request.POST.get("ask"):
        return redirect("practice:session_delete", session_id=session.pk)
    services.session_delete(user=request.user, session=session)
    messages.success(request, "Deleted.")
    return redirect("practice:index")


@require_GET
def learn_index(request: HttpRequest) -> HttpResponse:
    pages = content.learn_pages()
    return render(request, "practice/learn_index.html", {
        "approaches": [p for p in pages if p.kind == "approach"],
        "guides": [p for p in pages if p.kind != "approach"],
        "levels": content.EVIDENCE_WORDS.values(),
    })


@require_GET
def learn_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = content.learn_page(slug)
    if page is None:
        raise Http404("Not found.")
    return render(request, "practice/learn_page.html", {"page": page})
