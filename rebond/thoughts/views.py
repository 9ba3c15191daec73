"""Web pages for thought records: the trap library, the stepper with drafts saved as the person types, history with
search and a trap filter, one record's before and after, and patterns over time."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rebond.domain import traps as trap_rules
from rebond.safety import interstitial
from rebond.safety.guard import guard_for
from rebond.thoughts import selectors, services, steps
from rebond.thoughts.models import ThoughtRecord

PAGE_SIZE = 20
SHOWN_SUGGESTIONS = 3
SIMPLE_FIELDS = ("situation", "belief_before", "evidence_for", "evidence_against", "balanced_thought",
                 "balanced_belief", "action_plan", "belief_after")


def _record(request: HttpRequest, record_id: int) -> ThoughtRecord:
    try:
        return selectors.record_get(user=request.user, record_id=record_id)
    except ThoughtRecord.DoesNotExist:
        raise Http404("Not found.") from None


def _record_to_change(request: HttpRequest, record_id: int) -> ThoughtRecord:
    """The person's own record to change; a viewer someone shared with gets 403 (read-only), anyone else 404."""
    try:
        return selectors.record_get(user=request.user, record_id=record_id)
    except ThoughtRecord.DoesNotExist:
        selectors.refuse_change(user=request.user, record_id=record_id)
        raise


def _step(step_id: str) -> steps.Step:
    step = steps.step_for(step_id)
    if step is None:
        raise Http404("No such step.")
    return step


def _step_url(record: ThoughtRecord, step: steps.Step | str) -> str:
    step_id = step if isinstance(step, str) else step.id
    return reverse("thoughts:step", args=[record.pk, step_id])


# --- the trap library -------------------------------------------------------------------------------------------

@login_required
@require_GET
def trap_list(request: HttpRequest) -> HttpResponse:
    return render(request, "thoughts/traps.html", {"traps": list(trap_rules.trap_library().values())})


@login_required
@require_GET
def trap_detail(request: HttpRequest, trap_id: str) -> HttpResponse:
    trap = trap_rules.trap_library().get(trap_id)
    if trap is None:
        raise Http404("No such trap.")
    return render(request, "thoughts/trap.html", {"trap": trap})


# --- history, one record, patterns ------------------------------------------------------------------------------

@login_required
@require_GET
def record_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    trap = request.GET.get("trap", "")
    if not selectors.known_trap(trap):
        trap = ""
    try:
        number = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        number = 1
    items, count = selectors.record_list(user=request.user, q=q, trap=trap, limit=PAGE_SIZE,
                                         offset=(number - 1) * PAGE_SIZE)
    paginator = Paginator(range(count), PAGE_SIZE)
    page = paginator.get_page(number)
    library = trap_rules.trap_library()
    rows = [{"record": r, "hot": selectors.hot_thought(r), "traps": [library[t].name for t in r.traps]} for r in items]
    query = QueryDict(mutable=True)
    if q:
        query["q"] = q
    if trap:
        query["trap"] = trap
    return render(request, "thoughts/list.html", {
        "rows": rows, "count": count, "page": page, "q": q, "trap": trap, "query": query.urlencode(),
        "traps": list(library.values()), "intro": steps.catalogue()["intro"], "empty": steps.catalogue()["empty"],
    })


@login_required
@require_http_methods(["GET", "POST"])
def record_new(request: HttpRequest) -> HttpResponse:
    """GET (a link from homework on Today) offers the start; only a POST makes a record, so a link never does."""
    if request.method == "GET":
        return render(request, "thoughts/start.html", {"intro": steps.catalogue()["intro"]})
    record = services.record_start(user=request.user)
    return redirect(_step_url(record, "situation"))


def _comparison(record: ThoughtRecord) -> list[dict[str, Any]]:
    rows = [{"label": e.name, "before": e.before, "after": e.after} for e in record.emotions.all()]
    rows.append({"label": "How much you believe the hot thought", "before": record.belief_before,
                 "after": record.belief_after})
    return rows


@login_required
@require_GET
def record_detail(request: HttpRequest, record_id: int) -> HttpResponse:
    record = _record(request, record_id)
    library = trap_rules.trap_library()
    return render(request, "thoughts/detail.html", {
        "record": record, "hot": selectors.hot_thought(record), "comparison": _comparison(record),
        "traps": [library[t] for t in record.traps],
    })


@login_required
@require_http_methods(["GET", "POST"])
def record_delete(request: HttpRequest, record_id: int) -> HttpResponse:
    """GET asks first. The record page's button asks in a dialog with JavaScript; without it the button sends
    `ask` (from a <noscript> field) and this page asks instead, so nothing is deleted on one tap."""
    record = _record(request, record_id) if request.method == "GET" else _record_to_change(request, record_id)
    if request.method == "GET":
        return render(request, "thoughts/delete.html", {"record": record, "hot": selectors.hot_thought(record)})
    if request.POST.get("ask"):
        return redirect("thoughts:delete", record_id=record.pk)
    services.record_delete(user=request.user, record=record)
    messages.success(request, "The thought record is deleted.")
    return redirect("thoughts:list")


@login_required
@require_GET
def record_patterns(request: HttpRequest) -> HttpResponse:
    data = selectors.record_patterns(user=request.user, time_zone=getattr(request.user, "time_zone", "UTC"))
    return render(request, "thoughts/patterns.html", {"patterns": data})


# --- the stepper ------------------------------------------------------------------------------------------------

def _rows_from_post(post: QueryDict, prefix: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    indices = sorted({int(k[len(prefix):].split("-")[0]) for k in post
                      if k.startswith(prefix) and k[len(prefix):].split("-")[0].isdigit()})
    rows = []
    for i in indices:
        if fields == ("text",):
            rows.append({"text": post.get(f"{prefix}{i}", ""), "hot": post.get("hot") == str(i)})
        else:
            rows.append({f: post.get(f"{prefix}{i}-{f}", "") for f in fields})
    return rows


def _step_context(request: HttpRequest, record: ThoughtRecord, step: steps.Step,
                  posted: QueryDict | None = None, errors: dict[str, str] | None = None) -> dict[str, Any]:
    library = trap_rules.trap_library()
    hot = selectors.hot_thought(record)
    previous, following = steps.neighbours(step)
    chosen = list(posted.getlist("trap")) if posted is not None and step.id == "traps" else list(record.traps)
    context: dict[str, Any] = {
        "record": record, "step": step, "steps": steps.all_steps(), "previous": previous, "following": following,
        "hot": hot, "pinned": step.number > 3 and bool(hot), "errors": errors or {},
        "values": posted if posted is not None else {},
        "chosen": [library[t] for t in record.traps],
        "draft_key": f"thought-{record.pk}-{step.id}",
        "v": {f: (posted.get(f, "") if posted is not None else getattr(record, f)) for f in SIMPLE_FIELDS},
    }
    if step.id == "thoughts":
        context["thought_rows"] = (_rows_from_post(posted, "thought-", ("text",)) if posted is not None
                                   else steps.thought_rows(record))
    if step.id == "feelings":
        context["emotion_rows"] = (_rows_from_post(posted, "emotion-", ("name", "before")) if posted is not None
                                   else steps.emotion_rows(record))
        context["emotion_names"] = steps.catalogue()["emotion_names"]
    if step.id == "traps":
        context.update(_trap_choices(request, record, hot, chosen))
    if step.id in {"traps", "evidence"}:
        context["accurate_read"] = (posted.get("accurate_read") == "on") if posted is not None else record.accurate_read
    if step.id == "rerate":
        context["rerate_rows"] = [
            {"index": i, "name": e.name, "before": e.before, "label": f"{e.name} now, 0 to 100 (it was {e.before})",
             "after": posted.get(f"emotion-{i}-after", "") if posted is not None else e.after}
            for i, e in enumerate(record.emotions.all())]
    if step.id in {"balance", "review"}:
        catalogue_step = next(s for s in steps.catalogue()["steps"] if s["id"] == "balance")
        context["action_question"] = catalogue_step["action_question"]
        context["action_help"] = catalogue_step["action_help"]
    if step.id == "review":
        context["comparison"] = _comparison(record)
    return context


def _trap_choices(request: HttpRequest, record: ThoughtRecord, hot: str, chosen: list[str]) -> dict[str, Any]:
    """The traps step's chips. Ranked suggestions with their reasons; but when the crisis check fires on the situation
    or a thought, no ranking at all: a calm note with the safety plan and help, and every trap in its usual order."""
    library = trap_rules.trap_library()
    found = guard_for(request.user, record.situation, *(t.text for t in record.thoughts.all()))
    if found.detected or found.harmed_by_other:
        return {"calm_note": steps.calm_note(), "harmed": found.harmed_by_other, "suggested": [],
                "others": [{"trap": t, "reason": "", "checked": t.id in chosen} for t in library.values()]}
    # The situation is read too: harm or crisis words there hold back the same traps and quotes.
    suggestions = trap_rules.suggest(hot, context=record.situation) if hot.strip() else []
    top = [s for s in suggestions[:SHOWN_SUGGESTIONS] if s.score > 0]
    shown = {s.id for s in top}
    reasons = {s.id: s.reason for s in suggestions}
    return {
        "suggested": [{"trap": library[s.id], "reason": s.reason, "checked": s.id in chosen} for s in top],
        "others": [{"trap": t, "reason": reasons.get(t.id, ""), "checked": t.id in chosen}
                   for t in library.values() if t.id not in shown],
    }


@login_required
@require_http_methods(["GET", "POST"])
def record_step(request: HttpRequest, record_id: int, step_id: str) -> HttpResponse:
    """One question per step. Posting saves this step (with the crisis check) and moves back or on."""
    record = _record(request, record_id) if request.method == "GET" else _record_to_change(request, record_id)
    step = _step(step_id)
    if request.method == "GET":
        return render(request, "thoughts/step.html", _step_context(request, record, step))
    previous, following = steps.neighbours(step)
    if step.id == "review":
        return _finish(request, record)
    changes, names = steps.parse(step.id, request.POST, record, draft=False)
    try:
        record, result = services.record_save(user=request.user, record=record, changes=changes)
    except ValidationError as exc:
        record = _record(request, record_id)
        errors = steps.field_errors(exc.message_dict, names)
        return render(request, "thoughts/step.html",
                      _step_context(request, record, step, posted=request.POST, errors=errors), status=422)
    go = request.POST.get("go")
    target = previous if go == "back" else step if go in steps.SWITCHES else following
    then = redirect("thoughts:list") if go == "stop" else redirect(_step_url(record, target or step))
    # "Back to my entry" returns to this very step, with the person's words in it.
    return interstitial.after_save(request, result, entry_key=f"thoughts:{record.pk}",
                                   back_url=_step_url(record, step), then=then)


def _finish(request: HttpRequest, record: ThoughtRecord) -> HttpResponse:
    if request.POST.get("go") == "back":
        return redirect(_step_url(record, "rerate"))
    try:
        services.record_finish(user=request.user, record=record)
    except ValidationError:
        messages.error(request, "Write down the thought that went through your mind first.")
        return redirect(_step_url(record, "thoughts"))
    messages.success(request, "Your thought record is saved.")
    return redirect("thoughts:detail", record_id=record.pk)


@login_required
@require_POST
def record_draft(request: HttpRequest, record_id: int, step_id: str) -> HttpResponse:
    """Saves a step as the person types (htmx). Without JavaScript, it saves and comes back to the step."""
    record = _record_to_change(request, record_id)
    step = _step(step_id)
    changes, _ = steps.parse(step.id, request.POST, record, draft=True)
    problem = ""
    detected = False
    try:
        _, result = services.record_save(user=request.user, record=record, changes=changes)
        detected = result.detected or result.harmed_by_other
        # No page interrupts typing; a plan or means leaves the full page for the next page they open.
        interstitial.after_draft(request, result, entry_key=f"thoughts:{record.pk}", back_url=_step_url(record, step))
    except ValidationError as exc:
        problem = " ".join(m for msgs in exc.message_dict.values() for m in msgs)
    if not getattr(request, "htmx", False):
        if problem:
            messages.error(request, problem)
        return redirect(_step_url(record, step))
    return render(request, "thoughts/_draft_status.html", {"problem": problem, "detected": detected},
                  status=200)
