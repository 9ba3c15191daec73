"""Care circle pages. Owners: "Who can see what". Viewers: the people who share with them, and one person's page.

Every page that shows someone else's data checks it through `access` and writes the access log first.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rebond.care import access, dashboard, reads, selectors, services, summary
from rebond.care.models import CircleRole, HomeworkKind, Scope
from rebond.safety import interstitial

HONEST_LINE = ("Ending a share stops new access at once. What someone already saw, wrote down or printed may stay in "
               "their own records — a clinician may have to keep notes by law.")


def _errors(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [m for msgs in exc.message_dict.values() for m in msgs]
    return list(exc.messages)


def _scope_choices(role: str, chosen: list[str] | tuple[str, ...]) -> list[dict[str, Any]]:
    allowed = access.allowed_scopes(role)
    return [{"value": value, "label": label, "checked": value in chosen}
            for value, label in Scope.choices if value in allowed]


# --- the owner's side -----------------------------------------------------------------------------------------

@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    log, log_count = selectors.access_log(user=user, limit=50)
    shares = [{"share": s, "choices": _scope_choices(s.role, s.scopes),
               "pledge": selectors.pledge_for(user=s.viewer) if s.role == CircleRole.CLINICIAN else None}
              for s in selectors.shares_given(user=user)]
    return render(request, "care/index.html", {
        "shares": shares, "invitations": selectors.invitations_pending(user=user), "log": log,
        "log_count": log_count, "honest_line": HONEST_LINE,
        "clinician_choices": _scope_choices(CircleRole.CLINICIAN, access.DEFAULT_SCOPES[CircleRole.CLINICIAN]),
        "supporter_choices": _scope_choices(CircleRole.SUPPORTER, access.DEFAULT_SCOPES[CircleRole.SUPPORTER]),
        "homework": selectors.homework_list(owner=user), "flags_seen": selectors.flags_seen(owner=user),
        "scope_labels": dict(Scope.choices),
    })


@never_cache
@login_required
@require_POST
def invite_create(request: HttpRequest) -> HttpResponse:
    role = request.POST.get("role", "")
    scopes = request.POST.getlist("scopes")
    try:
        days = int(request.POST.get("days", services.INVITE_DAYS_DEFAULT))
    except ValueError:
        days = 0
    try:
        invitation, code = services.invitation_create(user=request.user, role=role, scopes=scopes, days=days)
    except ValidationError as exc:
        for problem in _errors(exc):
            messages.error(request, problem)
        return redirect("care:index")
    link = request.build_absolute_uri(reverse("care:join_code", args=[services.normalize_code(code)]))
    return render(request, "care/invite_created.html", {
        "invitation": invitation, "code": code, "link": link,
        "scopes": selectors.scopes_label(invitation.scopes),
    })


@login_required
@require_POST
def invite_cancel(request: HttpRequest, invitation_id: int) -> HttpResponse:
    if not services.invitation_cancel(user=request.user, invitation_id=invitation_id):
        raise Http404("Not found.")
    messages.success(request, "That invitation no longer works.")
    return redirect("care:index")


@login_required
@require_POST
def share_scopes(request: HttpRequest, share_id: int) -> HttpResponse:
    share = access.share_for_change(user=request.user, share_id=share_id)
    try:
        services.share_update(user=request.user, share=share, scopes=request.POST.getlist("scopes"))
    except ValidationError as exc:
        for problem in _errors(exc):
            messages.error(request, problem)
    else:
        messages.success(request, "Saved. The change works from their next look.")
    return redirect("care:index")


@login_required
@require_POST
def share_mute(request: HttpRequest, share_id: int) -> HttpResponse:
    share = access.share_for_change(user=request.user, share_id=share_id)
    muted = request.POST.get("muted") == "1"
    services.share_update(user=request.user, share=share, encouragement_muted=muted)
    messages.success(request, "Their notes are muted." if muted else "Their notes will show on Today again.")
    return redirect("care:index")


@login_required
@require_POST
def share_revoke(request: HttpRequest, share_id: int) -> HttpResponse:
    share = access.share_for_change(user=request.user, share_id=share_id)
    services.share_revoke(user=request.user, share=share)
    messages.success(request, "Stopped. They can't see anything of yours now. No message was sent.")
    return redirect("care:index")


@login_required
@require_GET
def share_preview(request: HttpRequest, share_id: int) -> HttpResponse:
    """See what they see: the viewer's page, built from this share's scopes, without writing the log."""
    share = access.share_for_owner_or_404(owner=request.user, share_id=share_id)
    sections = [_section(request.user, scope) for scope in access.SCOPES if scope in access.effective_scopes(share)]
    return render(request, "care/person.html", {
        "owner": request.user, "share": share, "sections": sections, "preview": True, "viewer": share.viewer,
    })


@login_required
@require_POST
def homework_mark(request: HttpRequest, homework_id: int) -> HttpResponse:
    from rebond.care.models import Homework

    try:
        services.homework_mark(user=request.user, homework_id=homework_id, done=request.POST.get("done") == "1")
    except Homework.DoesNotExist:
        raise Http404("Not found.") from None
    return redirect("core:home" if request.POST.get("next") == "today" else "care:index")


@login_required
@require_POST
def note_dismiss(request: HttpRequest, note_id: int) -> HttpResponse:
    if not services.encouragement_dismiss(user=request.user, encouragement_id=note_id):
        raise Http404("Not found.")
    return redirect("core:home")


# --- the viewer's side ------------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, code: str = "") -> HttpResponse:
    code = code or request.POST.get("code", "") or request.GET.get("code", "")
    invitation = services.invitation_find(code=code) if code else None
    if request.method == "POST" and request.POST.get("accept") == "1":
        try:
            share = services.invitation_accept(user=request.user, code=code)
        except ValidationError as exc:
            return render(request, "care/join.html", {"code": code, "errors": _errors(exc)}, status=422)
        messages.success(request, f"{_name(share.owner)} now shares with you. Only what they chose is shown.")
        return redirect("care:client", owner_id=share.owner_id)
    errors = []
    if code and invitation is None:
        errors = ["That code doesn't work. It may have expired or been used already — ask the person for a new one."]
    return render(request, "care/join.html", {
        "code": code, "invitation": invitation, "errors": errors,
        "owner_name": _name(invitation.owner) if invitation else "",
        "scopes": selectors.scopes_label(invitation.scopes) if invitation else [],
    }, status=422 if errors else 200)


@login_required
@require_GET
def clients(request: HttpRequest) -> HttpResponse:
    sort = request.GET.get("sort", "name")
    rows = dashboard.rows(viewer=request.user, sort=sort)
    pledge = selectors.pledge_for(user=request.user)
    return render(request, "care/clients.html", {
        "rows": rows, "sort": sort, "pledge": pledge, "is_clinician": getattr(request.user, "role", "") == CircleRole.CLINICIAN,
        "columns": dashboard.COLUMNS,
    })


@login_required
@require_GET
def client(request: HttpRequest, owner_id: int) -> HttpResponse:
    share = access.share_or_404(viewer=request.user, owner_id=owner_id)
    owner = share.owner
    sections = []
    for scope in access.SCOPES:
        if scope not in access.effective_scopes(share):
            continue
        if scope == Scope.SAFETY_ALERTS and selectors.pledge_for(user=request.user) is None:
            sections.append({"scope": scope, "label": Scope(scope).label, "needs_pledge": True, "data": None})
            continue
        access.read_scope(request.user, owner_id, scope)
        sections.append(_section(owner, scope, viewer=request.user))
    homework = selectors.homework_list(owner=owner) if share.role == CircleRole.CLINICIAN else []
    from rebond.measures.selectors import user_today

    return render(request, "care/person.html", {
        "owner": owner, "share": share, "sections": sections, "preview": False, "viewer": request.user,
        "homework": [h for h in homework if h.clinician_id == request.user.pk],
        "adherence": selectors.adherence([h for h in homework if h.clinician_id == request.user.pk],
                                         user_today(owner)),
        "kinds": HomeworkKind.choices, "sent": selectors.encouragements_sent(sender=request.user, owner=owner)
        if share.role == CircleRole.SUPPORTER else [],
        "today": user_today(owner),
    })


def _section(owner: Any, scope: str, viewer: Any | None = None) -> dict[str, Any]:
    data = reads.read(owner, scope)
    if scope == Scope.SAFETY_ALERTS:
        seen = selectors.flags_seen(owner=owner, viewer=viewer)
        for item in data["items"]:
            row = seen.get(item["source"])
            item["seen_at"] = row.seen_at if row else None
    return {"scope": scope, "label": Scope(scope).label, "data": data, "needs_pledge": False}


@login_required
@require_POST
def flag_ack(request: HttpRequest, owner_id: int) -> HttpResponse:
    owner = access.read_scope(request.user, owner_id, Scope.SAFETY_ALERTS)
    if selectors.pledge_for(user=request.user) is None:
        raise PermissionDenied("State how often you check rebond first.")
    source = request.POST.get("source", "")
    if source not in {item["source"] for item in reads.safety_alerts(owner)}:
        raise Http404("Not found.")
    services.flag_acknowledge(viewer=request.user, owner=owner, source=source)
    messages.success(request, f"Marked as seen. {_name(owner)} can see when you saw it.")
    return redirect("care:client", owner_id=owner_id)


@login_required
@require_http_methods(["GET", "POST"])
def pledge(request: HttpRequest) -> HttpResponse:
    if getattr(request.user, "role", "") != CircleRole.CLINICIAN:
        raise Http404("Not found.")
    current = selectors.pledge_for(user=request.user)
    values = {"check_frequency": current.check_frequency if current else "",
              "urgent_contact": current.urgent_contact if current else ""}
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        values = {k: request.POST.get(k, "") for k in values}
        try:
            services.pledge_set(user=request.user, **values)
        except ValidationError as exc:
            errors = exc.message_dict
        else:
            messages.success(request, "Saved. Your clients see these words beside their safety alerts setting.")
            return redirect("care:clients")
    return render(request, "care/pledge.html", {"values": values, "errors": errors},
                  status=422 if errors else 200)


@login_required
@require_POST
def encourage(request: HttpRequest, owner_id: int) -> HttpResponse:
    share = access.share_or_404(viewer=request.user, owner_id=owner_id)
    if share.role != CircleRole.SUPPORTER:
        raise PermissionDenied("Notes of encouragement come from supporters.")
    try:
        _, result = services.encouragement_send(sender=request.user, owner=share.owner,
                                                text=request.POST.get("text", ""))
    except ValidationError as exc:
        for problem in _errors(exc):
            messages.error(request, problem)
        return redirect("care:client", owner_id=owner_id)
    messages.success(request, f"Sent. {_name(share.owner)} will see it on their Today page.")
    back = reverse("care:client", args=[owner_id])
    return interstitial.after_save(request, result, entry_key=f"care:note:{owner_id}", back_url=back)


@login_required
@require_POST
def homework_assign(request: HttpRequest, owner_id: int) -> HttpResponse:
    from datetime import date

    from rebond.measures.selectors import user_today

    share = access.share_or_404(viewer=request.user, owner_id=owner_id)
    if share.role != CircleRole.CLINICIAN:
        raise PermissionDenied("Homework comes from a clinician.")
    try:
        due = date.fromisoformat(request.POST.get("due_on", ""))
    except ValueError:
        messages.error(request, "Pick a due date.")
        return redirect("care:client", owner_id=owner_id)
    try:
        count = int(request.POST.get("count", "1") or 1)
    except ValueError:
        count = 0
    try:
        homework, result = services.homework_assign(
            clinician=request.user, owner=share.owner, kind=request.POST.get("kind", ""), due_on=due,
            assigned_on=user_today(share.owner), count=count, instrument=request.POST.get("instrument", ""),
            note=request.POST.get("note", ""))
    except ValidationError as exc:
        for problem in _errors(exc):
            messages.error(request, problem)
        return redirect("care:client", owner_id=owner_id)
    messages.success(request, "Homework added. It shows on their Today page.")
    back = reverse("care:client", args=[owner_id])
    return interstitial.after_save(request, result, entry_key=f"care:homework:{homework.pk}", back_url=back)


def _name(user: Any) -> str:
    return str(user.display_name or user.username)


# --- the printable session summary ---------------------------------------------------------------------------------

def _period(request: HttpRequest, today: Any) -> tuple[Any, Any, list[str]]:
    from datetime import date, timedelta

    errors = []
    try:
        end = date.fromisoformat(request.GET.get("end", "")) if request.GET.get("end") else today
    except ValueError:
        end, errors = today, ["The end date isn't a date — pick one from the calendar."]
    try:
        start = date.fromisoformat(request.GET.get("start", "")) if request.GET.get("start") else \
            end - timedelta(days=90)
    except ValueError:
        start, errors = end - timedelta(days=90), ["The start date isn't a date — pick one from the calendar."]
    if start > end:
        start, errors = end - timedelta(days=90), ["The start date comes after the end — pick an earlier start."]
    if (end - start).days > summary.MAX_DAYS:
        start, errors = end - timedelta(days=summary.MAX_DAYS), ["A summary covers a year at most."]
    return start, end, errors


@login_required
@require_GET
def my_summary(request: HttpRequest) -> HttpResponse:
    from rebond.measures.selectors import user_today

    start, end, errors = _period(request, user_today(request.user))
    data = summary.build(owner=request.user, start=start, end=end, scopes=frozenset(access.SCOPES), everything=True)
    return render(request, "care/summary.html", {"owner": request.user, "data": data, "start": start, "end": end,
                                                 "errors": errors, "mine": True})


@login_required
@require_GET
def client_summary(request: HttpRequest, owner_id: int) -> HttpResponse:
    from rebond.measures.selectors import user_today

    share = access.share_or_404(viewer=request.user, owner_id=owner_id)
    owner = share.owner
    start, end, errors = _period(request, user_today(owner))
    scopes = access.effective_scopes(share) & {Scope.PROMISES, Scope.MEASURES, Scope.THOUGHTS}
    for scope in sorted(scopes):
        access.read_scope(request.user, owner_id, scope)
    data = summary.build(owner=owner, start=start, end=end, scopes=frozenset(scopes),
                         clinician=request.user if share.role == CircleRole.CLINICIAN else None)
    return render(request, "care/summary.html", {"owner": owner, "data": data, "start": start, "end": end,
                                                 "errors": errors, "mine": False})


@login_required
@require_POST
def summary_thoughts(request: HttpRequest) -> HttpResponse:
    def ids(name: str) -> list[int]:
        return [int(v) for v in request.POST.getlist(name) if v.isdigit()]

    services.summary_thoughts_set(user=request.user, record_ids=ids("chosen"), within=ids("shown"))
    messages.success(request, "Saved. Only the records you ticked appear in a clinician's summary.")
    return redirect(f"{reverse('care:summary')}?start={request.POST.get('start', '')}&end={request.POST.get('end', '')}")
