"""Care circle pages for the owner: "Who can see what", invitations, shares, homework and notes, summaries (the
viewer's pages are in views_viewer.py).

Every page that shows someone else's data checks it through `access` and writes the access log first.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rebond.care import access, selectors, services, summary, viewing
from rebond.care.models import CircleRole, Scope

LOG_PAGE = 50
THOUGHTS_LINE = ("Sharing thought records lets them read every record you finish. Which records a printed session "
                 "summary quotes is a separate choice, on your summary page.")
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
    try:
        log_page = max(1, int(request.GET.get("log", "1")))
    except ValueError:
        log_page = 1
    log, log_count = selectors.access_log(user=user, limit=LOG_PAGE, offset=(log_page - 1) * LOG_PAGE)
    shares = [{"share": s, "choices": _scope_choices(s.role, s.scopes),
               "pledge": selectors.pledge_for(user=s.viewer) if s.role == CircleRole.CLINICIAN else None}
              for s in selectors.shares_given(user=user)]
    return render(request, "care/index.html", {
        "shares": shares, "invitations": selectors.invitations_pending(user=user), "log": log,
        "log_count": log_count, "honest_line": HONEST_LINE, "log_page": log_page, "thoughts_line": THOUGHTS_LINE,
        "log_first": (log_page - 1) * LOG_PAGE + 1 if log else 0, "log_last": (log_page - 1) * LOG_PAGE + len(log),
        "log_newer": log_page - 1 if log_page > 1 else None,
        "log_older": log_page + 1 if log_page * LOG_PAGE < log_count else None,
        "clinician_choices": _scope_choices(CircleRole.CLINICIAN, access.DEFAULT_SCOPES[CircleRole.CLINICIAN]),
        "supporter_choices": _scope_choices(CircleRole.SUPPORTER, access.DEFAULT_SCOPES[CircleRole.SUPPORTER]),
        "homework": selectors.homework_list(owner=user), "flags_seen": selectors.flags_seen_described(owner=user)[0],
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
@require_http_methods(["GET", "POST"])
def share_revoke(request: HttpRequest, share_id: int) -> HttpResponse:
    """Stop sharing, after one plain question (a page, so it works without JavaScript)."""
    share = access.share_for_change(user=request.user, share_id=share_id)
    if request.method == "POST" and request.POST.get("confirm") == "1":
        services.share_revoke(user=request.user, share=share)
        messages.success(request, "Stopped. They can't see anything of yours now. No message was sent.")
        return redirect("care:index")
    return render(request, "care/revoke.html", {"share": share, "name": _name(share.viewer),
                                                "honest_line": HONEST_LINE})


@login_required
@require_GET
def share_preview(request: HttpRequest, share_id: int) -> HttpResponse:
    """See what they see: the viewer's page, built by the same rules from this share, without writing the log."""
    share = access.share_for_owner_or_404(owner=request.user, share_id=share_id)
    return render(request, "care/person.html", {
        "owner": request.user, "share": share, "sections": viewing.sections(share, log_via=None), "preview": True,
        "viewer": share.viewer,
    })


@login_required
@require_POST
def homework_mark(request: HttpRequest, homework_id: int) -> HttpResponse:
    homework = access.homework_for_change(user=request.user, homework_id=homework_id)
    services.homework_mark(user=request.user, homework_id=homework.pk, done=request.POST.get("done") == "1")
    return redirect("core:home" if request.POST.get("next") == "today" else "care:index")


@login_required
@require_POST
def note_dismiss(request: HttpRequest, note_id: int) -> HttpResponse:
    note = access.note_for_change(user=request.user, note_id=note_id)
    services.encouragement_dismiss(user=request.user, encouragement_id=note.pk)
    return redirect("core:home")


def _name(user: Any) -> str:
    return str(user.display_name or user.username)


# --- the printable session summary ---------------------------------------------------------------------------------

def _period(request: HttpRequest, today: Any) -> tuple[Any, Any, list[str]]:
    from datetime import timedelta

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
    return _summary_page(request, request.user.pk or 0)


@login_required
@require_GET
def client_summary(request: HttpRequest, owner_id: int) -> HttpResponse:
    if owner_id == request.user.pk:
        return redirect("care:summary")
    return _summary_page(request, owner_id)


def _summary_page(request: HttpRequest, owner_id: int) -> HttpResponse:
    from rebond.measures.selectors import user_today

    grant = access.summary_grant(request.user, owner_id)
    start, end, errors = _period(request, user_today(grant.owner))
    data = summary.build(owner=grant.owner, start=start, end=end, scopes=grant.scopes, mine=grant.mine,
                         homework_from=grant.homework_from, everything=grant.mine)
    access.log_summary(request.user, grant, data)
    trend = (data.get("promises") or {}).get("trend", [])
    rows = [{"on": date.fromisoformat(p["on"]), "enough": p["status"] != "not_enough_evidence",
             "estimate": round(p["estimate"] * 100), "low": round(p["low"] * 100), "high": round(p["high"] * 100)}
            for p in trend]
    return render(request, "care/summary.html", {"owner": grant.owner, "data": data, "start": start, "end": end,
                                                 "errors": errors, "mine": grant.mine, "trend_rows": rows,
                                                 "trend_chart": summary.trend_chart(trend),
                                                 "trend_words": summary.trend_words(trend), "quoted": summary.QUOTED})


@login_required
@require_POST
def summary_thoughts(request: HttpRequest) -> HttpResponse:
    def ids(name: str) -> list[int]:
        return [int(v) for v in request.POST.getlist(name) if v.isdigit()]

    services.summary_thoughts_set(user=request.user, record_ids=ids("chosen"), within=ids("shown"))
    messages.success(request, "Saved. Only the records you ticked appear in a clinician's summary.")
    return redirect(f"{reverse('care:summary')}?start={request.POST.get('start', '')}&end={request.POST.get('end', '')}")
