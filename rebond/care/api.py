"""/api/v1/care, the viewer's side: the people who share with you, the dashboard, your pledge, and one person's
shared parts, read-only (each read written to their access log). The person's own side is in api_owner.py.

Someone else's share or data is 404; a viewer trying to change the owner's data is 403.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Query, Router, Status
from ninja.errors import HttpError

from rebond.care import access, dashboard, reads, schemas, selectors, services, viewing
from rebond.care.api_owner import router as owner_router
from rebond.care.models import CircleRole
from rebond.care.schemas import (
    AckIn,
    DashboardRowOut,
    EncourageIn,
    EncourageOut,
    HomeworkGivenOut,
    HomeworkIn,
    HomeworkWriteOut,
    PledgeIn,
    PledgeOut,
    PledgeWriteOut,
    ScopeOut,
    ShareOut,
    SortName,
    forbidden_as_403,
)
from rebond.core.api_base import ErrorOut, Page, current_user

router = Router(tags=["care"])


@router.get("/care/clients", response=Page[ShareOut])
def client_list(request: HttpRequest) -> dict[str, Any]:
    """The people who share with you, and what each shares."""
    items = selectors.shares_received(user=current_user(request))
    return {"items": schemas.shares(items), "count": len(items)}


@router.get("/care/dashboard", response=Page[DashboardRowOut])
def dashboard_rows(request: HttpRequest, sort: SortName = "name", limit: int = Query(50, ge=1, le=200),
                   offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """The dashboard table: last activity, latest scores with reliable change, the homework you gave, and safety
    flags where the person shares them and you gave your pledge. Each look is written to that person's log."""
    rows, count = dashboard.page(viewer=current_user(request), sort=sort, via="api", offset=offset, limit=limit)
    return {"items": [{"owner": schemas.person(r["owner"]), "share_id": r["share"].pk,
                       "last_active": r["last_active"], "scores": r["scores"], "homework": r["homework"],
                       "flags": r["flags"], "unseen_flags": r["unseen_flags"],
                       "alerts_need_pledge": r["alerts_need_pledge"]} for r in rows], "count": count}


@router.get("/care/pledge", response={200: PledgeOut, 404: ErrorOut})
def pledge_get(request: HttpRequest) -> Any:
    """Your pledge as a clinician (404 until you give it)."""
    pledge = selectors.pledge_for(user=current_user(request))
    if pledge is None:
        raise Http404("Not found.")
    return schemas.pledge_dict(pledge)


@router.put("/care/pledge", response={200: PledgeWriteOut, 422: ErrorOut})
def pledge_set(request: HttpRequest, payload: PledgeIn) -> Any:
    """Clinicians: how often you check rebond, and where clients turn when it's urgent (needed for alerts)."""
    pledge, result = services.pledge_set(user=current_user(request), check_frequency=payload.check_frequency,
                                         urgent_contact=payload.urgent_contact)
    return {**(schemas.pledge_dict(pledge) or {}), "crisis": result.as_payload()}


@router.post("/care/clients/{owner_id}/safety_alerts/ack", response={200: dict, 403: ErrorOut, 404: ErrorOut})
@forbidden_as_403
def flag_ack(request: HttpRequest, owner_id: int, payload: AckIn) -> Any:
    user = current_user(request)
    access.share_or_404(viewer=user, owner_id=owner_id)  # acknowledging is a viewer's act, never the owner's
    owner = access.read_scope(user, owner_id, "safety_alerts", via="api")
    if selectors.pledge_for(user=user) is None:
        raise PermissionDenied("State how often you check rebond first (PUT /api/v1/care/pledge).")
    if payload.source not in {a["source"] for a in reads.safety_alerts(owner)}:
        raise HttpError(404, "Not found.")
    seen = services.flag_acknowledge(viewer=user, owner=owner, source=payload.source)
    return {"source": seen.source, "seen_at": seen.seen_at.isoformat()}


@router.post("/care/clients/{owner_id}/encouragements", response={201: EncourageOut, 403: ErrorOut, 404: ErrorOut,
                                                                  422: ErrorOut})
@forbidden_as_403
def encourage(request: HttpRequest, owner_id: int, payload: EncourageIn) -> Status:
    """Supporters: a short note the person sees on Today (3 a day at most; they can mute it)."""
    user = current_user(request)
    share = access.share_or_404(viewer=user, owner_id=owner_id)
    if share.role != CircleRole.SUPPORTER:
        raise PermissionDenied("Notes of encouragement come from supporters.")
    note, result = services.encouragement_send(sender=user, owner=share.owner, text=payload.text)
    return Status(201, {"id": note.pk, "sent_at": note.sent_at, "crisis": result.as_payload()})


@router.get("/care/clients/{owner_id}/homework", response={200: HomeworkGivenOut, 404: ErrorOut})
def homework_given(request: HttpRequest, owner_id: int) -> Any:
    """Clinicians: the homework you gave this person, and how much is done. Logged when there is some."""
    from rebond.measures.selectors import user_today

    user = current_user(request)
    share = access.share_or_404(viewer=user, owner_id=owner_id)
    if share.role != CircleRole.CLINICIAN:
        raise Http404("Not found.")
    rows = selectors.homework_given(owner=share.owner, clinician=user)
    if rows:
        access.log_read(viewer=user, owner=share.owner, scope="homework", via="api")
    return {"items": [schemas.homework(h) for h in rows], "count": len(rows),
            "adherence": selectors.adherence(rows, user_today(share.owner))}


@router.post("/care/clients/{owner_id}/homework", response={201: HomeworkWriteOut, 403: ErrorOut, 404: ErrorOut,
                                                            422: ErrorOut})
@forbidden_as_403
def homework_assign(request: HttpRequest, owner_id: int, payload: HomeworkIn) -> Status:
    from rebond.measures.selectors import user_today

    user = current_user(request)
    share = access.share_or_404(viewer=user, owner_id=owner_id)
    if share.role != CircleRole.CLINICIAN:
        raise PermissionDenied("Homework comes from a clinician.")
    homework, result = services.homework_assign(
        clinician=user, owner=share.owner, kind=payload.kind, due_on=payload.due_on,
        assigned_on=user_today(share.owner), count=payload.count, instrument=payload.instrument, note=payload.note)
    given = selectors.homework_get(owner=share.owner, homework_id=homework.pk)
    return Status(201, {**schemas.homework(given), "crisis": result.as_payload()})


@router.get("/care/clients/{owner_id}/summary", response={200: dict, 404: ErrorOut, 422: ErrorOut})
def client_summary(request: HttpRequest, owner_id: int, start: date | None = None, end: date | None = None) -> Any:
    """A session summary for a period (default: the last 90 days), with only the shared scopes. Logged."""
    from datetime import timedelta

    from django.core.exceptions import ValidationError

    from rebond.care import summary
    from rebond.measures.selectors import user_today

    user = current_user(request)
    grant = access.summary_grant(user, owner_id)
    end = end or user_today(grant.owner)
    start = start or end - timedelta(days=90)
    if start > end or (end - start).days > summary.MAX_DAYS:
        raise ValidationError({"start": ["Pick a start on or before the end, and a year at most."]})
    data = summary.build(owner=grant.owner, start=start, end=end, scopes=grant.scopes, mine=grant.mine,
                         homework_from=grant.homework_from)
    access.log_summary(user, grant, data, via="api")
    return data


# --- generic per-scope reads last, so the fixed paths above match first ----------------------------------------

@router.get("/care/clients/{owner_id}/{scope}", response={200: ScopeOut, 404: ErrorOut, 403: ErrorOut})
@forbidden_as_403
def client_scope(request: HttpRequest, owner_id: int, scope: str) -> Any:
    """One shared part of a person's record, read-only. Written to their access log."""
    user = current_user(request)
    if user.pk != owner_id:
        share = access.share_or_404(viewer=user, owner_id=owner_id)
        access.shared_owner_or_404(user, owner_id, scope)
        if scope == "safety_alerts" and not viewing.alerts_allowed(share):
            raise PermissionDenied("State how often you check rebond, and an urgent-contact line, first "
                                   "(PUT /api/v1/care/pledge).")
    owner = access.read_scope(user, owner_id, scope, via="api")
    data = viewing.section(owner, scope, viewer=user)["data"]
    return {"owner": schemas.person(owner), "scope": scope, **data}


@router.api_operation(["POST", "PUT", "PATCH", "DELETE"], "/care/clients/{owner_id}/{scope}",
                      response={403: ErrorOut, 404: ErrorOut})
@forbidden_as_403
def client_scope_write(request: HttpRequest, owner_id: int, scope: str) -> Any:
    """Shares are read-only: changing someone else's record is refused (403 with a share, 404 without)."""
    access.deny_write(current_user(request), owner_id)
    raise HttpError(404, "Not found.")  # the owner changes their data through its own app's endpoints


router.add_router("", owner_router)
