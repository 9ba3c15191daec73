"""Care pages for viewers: accepting an invitation, the people who share with you, one person's page and what a
viewer may do there (acknowledge a flag, send a note, give homework), and the clinician's pledge.

Every page that shows someone else's data checks it through `access` and writes the access log first.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rebond.care import access, dashboard, reads, selectors, services, viewing
from rebond.care.models import CircleRole, HomeworkKind, Scope, Share
from rebond.safety import interstitial


def _name(user: Any) -> str:
    return str(user.display_name or user.username)


def _errors(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [m for msgs in exc.message_dict.values() for m in msgs]
    return list(exc.messages)


def instrument_choices() -> list[tuple[str, str]]:
    """The questionnaires this deployment offers (REBOND_DISABLED_INSTRUMENTS left out)."""
    from rebond.domain.instruments import load
    from rebond.measures.access import enabled_instrument_ids

    return [(i, load(i).title) for i in enabled_instrument_ids()]


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
        "rows": rows, "sort": sort, "pledge": pledge,
        "is_clinician": getattr(request.user, "role", "") == CircleRole.CLINICIAN, "columns": dashboard.COLUMNS,
    })


@login_required
@require_GET
def client(request: HttpRequest, owner_id: int) -> HttpResponse:
    if owner_id == request.user.pk:
        return redirect("care:index")  # your own record is yours everywhere; this page is for viewers
    share = access.share_or_404(viewer=request.user, owner_id=owner_id)
    return _client_page(request, share)


def _client_page(request: HttpRequest, share: Share, *, homework_form: dict[str, Any] | None = None,
                 note_form: dict[str, Any] | None = None, status: int = 200) -> HttpResponse:
    """One person's page for a viewer; a form that didn't save comes back with its words and its errors."""
    from rebond.measures.selectors import user_today

    owner = share.owner
    today = user_today(owner)
    homework = selectors.homework_given(owner=owner, clinician=request.user) \
        if share.role == CircleRole.CLINICIAN else []
    if homework:
        access.log_read(viewer=request.user, owner=owner, scope="homework")
    hw = homework_form or {"values": {"kind": HomeworkKind.THOUGHT_RECORDS, "count": "1", "instrument": "",
                                      "due_on": today.isoformat(), "note": ""}, "errors": {}}
    hw["general"] = hw["errors"].get("__all__", [])
    return render(request, "care/person.html", {
        "owner": owner, "share": share, "sections": viewing.sections(share, log_via="web"), "preview": False,
        "viewer": request.user, "homework": homework, "adherence": selectors.adherence(homework, today),
        "kinds": HomeworkKind.choices, "instruments": instrument_choices(), "today": today,
        "sent": selectors.encouragements_sent(sender=request.user, owner=owner)
        if share.role == CircleRole.SUPPORTER else [],
        "summary_ok": share.role == CircleRole.CLINICIAN or bool(access.effective_scopes(share)
                                                                & access.SUMMARY_SCOPES),
        "hw": hw,
        "note": note_form or {"values": {"text": ""}, "errors": {}},
    }, status=status)


@login_required
@require_POST
def flag_ack(request: HttpRequest, owner_id: int) -> HttpResponse:
    access.share_or_404(viewer=request.user, owner_id=owner_id)  # acknowledging is a viewer's act, never the owner's
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
            _, result = services.pledge_set(user=request.user, **values)
        except ValidationError as exc:
            errors = exc.message_dict
        else:
            messages.success(request, "Saved. Your clients see these words beside their safety alerts setting.")
            return interstitial.after_save(request, result, entry_key="care:pledge",
                                           back_url=reverse("care:clients"))
    return render(request, "care/pledge.html", {"values": values, "errors": errors},
                  status=422 if errors else 200)


@login_required
@require_POST
def encourage(request: HttpRequest, owner_id: int) -> HttpResponse:
    share = access.share_or_404(viewer=request.user, owner_id=owner_id)
    if share.role != CircleRole.SUPPORTER:
        raise PermissionDenied("Notes of encouragement come from supporters.")
    text = request.POST.get("text", "")
    try:
        _, result = services.encouragement_send(sender=request.user, owner=share.owner, text=text)
    except ValidationError as exc:
        return _client_page(request, share, note_form={"values": {"text": text}, "errors": exc.message_dict},
                            status=422)
    messages.success(request, f"Sent. {_name(share.owner)} will see it on their Today page.")
    back = reverse("care:client", args=[owner_id])
    return interstitial.after_save(request, result, entry_key=f"care:note:{owner_id}", back_url=back)


@login_required
@require_POST
def homework_assign(request: HttpRequest, owner_id: int) -> HttpResponse:
    from rebond.measures.selectors import user_today

    share = access.share_or_404(viewer=request.user, owner_id=owner_id)
    if share.role != CircleRole.CLINICIAN:
        raise PermissionDenied("Homework comes from a clinician.")
    values = {k: request.POST.get(k, "") for k in ("kind", "count", "instrument", "due_on", "note")}
    errors: dict[str, list[str]] = {}
    try:
        due = date.fromisoformat(values["due_on"])
    except ValueError:
        errors["due_on"] = ["Pick a due date."]
    try:
        count = int(values["count"] or 1)
    except ValueError:
        count = 0
    if not errors:
        try:
            homework, result = services.homework_assign(
                clinician=request.user, owner=share.owner, kind=values["kind"], due_on=due,
                assigned_on=user_today(share.owner), count=count, instrument=values["instrument"],
                note=values["note"])
        except ValidationError as exc:
            errors = exc.message_dict
    if errors:
        return _client_page(request, share, homework_form={"values": values, "errors": errors}, status=422)
    messages.success(request, "Homework added. It shows on their Today page.")
    back = reverse("care:client", args=[owner_id])
    return interstitial.after_save(request, result, entry_key=f"care:homework:{homework.pk}", back_url=back)
