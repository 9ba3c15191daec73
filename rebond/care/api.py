"""/api/v1/care: invitations, shares, the access log, and viewers' read-only reads per scope.

Someone else's share or data is 404; a viewer trying to change a share or the owner's data is 403.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from rebond.care import access, reads, selectors, services
from rebond.care.models import CircleRole, Share
from rebond.core.api_base import ErrorOut, Page, current_user

router = Router(tags=["care"])

ScopeName = Literal["promises", "victories", "measures", "thoughts", "ledger_summary", "journal", "safety_alerts"]
RoleName = Literal["clinician", "supporter"]


def forbidden_as_403(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            return view(*args, **kwargs)
        except PermissionDenied as exc:
            raise HttpError(403, str(exc) or "This share is read-only.") from None
    return wrapped


class InvitationIn(Schema):
    role: RoleName
    scopes: list[ScopeName] | None = None
    days: int = Field(services.INVITE_DAYS_DEFAULT, ge=1, le=services.INVITE_DAYS_MAX)


class InvitationOut(Schema):
    id: int
    role: str
    scopes: list[str]
    expires_at: datetime
    created_at: datetime


class InvitationCreatedOut(InvitationOut):
    code: str
    link: str


class AcceptIn(Schema):
    code: str = Field(min_length=1, max_length=40)


class PersonOut(Schema):
    id: int
    name: str


class ShareOut(Schema):
    id: int
    owner: PersonOut
    viewer: PersonOut
    role: str
    scopes: list[str]
    encouragement_muted: bool
    created_at: datetime


class SharePatch(Schema):
    scopes: list[ScopeName] | None = None
    encouragement_muted: bool | None = None


class LogOut(Schema):
    who: str
    scope: str
    via: str
    at: datetime


class ScopeOut(Schema):
    owner: PersonOut
    scope: str
    items: list[dict[str, Any]]
    count: int
    self_trust: dict[str, Any] | None = None


class CrisisOut(Schema):
    detected: bool
    harmed_by_other: bool = False
    emergency_number: str | None = None
    resources: list[dict[str, Any]] = []


class EncourageIn(Schema):
    text: str = Field(min_length=1, max_length=services.ENCOURAGEMENT_LIMIT)


class EncourageOut(Schema):
    id: int
    sent_at: datetime
    crisis: CrisisOut


class PledgeIn(Schema):
    check_frequency: str = Field(max_length=120)
    urgent_contact: str = Field(max_length=500)


class PledgeOut(Schema):
    check_frequency: str
    urgent_contact: str


class HomeworkIn(Schema):
    kind: Literal["thought_records", "promise_practice", "boundary_script", "grounding", "questionnaire"]
    due_on: date
    count: int = Field(1, ge=1, le=14)
    instrument: str = Field("", max_length=16)
    note: str = Field("", max_length=1000)


class HomeworkOut(Schema):
    id: int
    kind: str
    count: int
    instrument: str
    note: str
    assigned_on: date
    due_on: date
    done: bool


class HomeworkWriteOut(HomeworkOut):
    crisis: CrisisOut


class HomeworkDoneIn(Schema):
    done: bool = True


class AckIn(Schema):
    source: str = Field(min_length=1, max_length=40)


def _person(user: Any) -> dict[str, Any]:
    return {"id": user.pk, "name": str(user.display_name or user.username)}


def _share(s: Share) -> dict[str, Any]:
    return {"id": s.pk, "owner": _person(s.owner), "viewer": _person(s.viewer), "role": s.role,
            "scopes": list(s.scopes), "encouragement_muted": s.encouragement_muted, "created_at": s.created_at}


def _invitation(i: Any) -> dict[str, Any]:
    return {"id": i.pk, "role": i.role, "scopes": list(i.scopes), "expires_at": i.expires_at,
            "created_at": i.created_at}


def _homework(h: Any) -> dict[str, Any]:
    return {"id": h.pk, "kind": h.kind, "count": h.count, "instrument": h.instrument, "note": h.note,
            "assigned_on": h.assigned_on, "due_on": h.due_on, "done": h.done_at is not None}


# --- invitations ------------------------------------------------------------------------------------------------

@router.post("/care/invitations", response={201: InvitationCreatedOut, 422: ErrorOut})
def invitation_create(request: HttpRequest, payload: InvitationIn) -> Status:
    """Invite a clinician or supporter. The code (and link) is shown once; only a digest is kept."""
    from django.urls import reverse

    user = current_user(request)
    invitation, code = services.invitation_create(user=user, role=payload.role,
                                                  scopes=list(payload.scopes) if payload.scopes is not None else None,
                                                  days=payload.days)
    link = request.build_absolute_uri(reverse("care:join_code", args=[services.normalize_code(code)]))
    return Status(201, {**_invitation(invitation), "code": code, "link": link})


@router.post("/care/invitations/accept", response={201: ShareOut, 422: ErrorOut})
def invitation_accept(request: HttpRequest, payload: AcceptIn) -> Status:
    share = services.invitation_accept(user=current_user(request), code=payload.code)
    return Status(201, _share(share))


@router.get("/care/invitations", response=Page[InvitationOut])
def invitation_list(request: HttpRequest) -> dict[str, Any]:
    items = selectors.invitations_pending(user=current_user(request))
    return {"items": [_invitation(i) for i in items], "count": len(items)}


@router.delete("/care/invitations/{invitation_id}", response={204: None, 404: ErrorOut})
def invitation_cancel(request: HttpRequest, invitation_id: int) -> Status:
    if not services.invitation_cancel(user=current_user(request), invitation_id=invitation_id):
        return Status(404, {"detail": "Not found."})
    return Status(204, None)


# --- shares (the owner's side) ------------------------------------------------------------------------------------

@router.get("/care/shares", response=Page[ShareOut])
def share_list(request: HttpRequest) -> dict[str, Any]:
    """Everyone who can see part of your record, with what they can see."""
    items = selectors.shares_given(user=current_user(request))
    return {"items": [_share(s) for s in items], "count": len(items)}


@router.get("/care/shares/{share_id}", response={200: ShareOut, 404: ErrorOut})
def share_get(request: HttpRequest, share_id: int) -> Any:
    return _share(access.share_for_reading(user=current_user(request), share_id=share_id))


@router.patch("/care/shares/{share_id}", response={200: ShareOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
@forbidden_as_403
def share_update(request: HttpRequest, share_id: int, payload: SharePatch) -> Any:
    """Change what they see, at once. Only the person who shared may."""
    user = current_user(request)
    share = access.share_for_change(user=user, share_id=share_id)
    share = services.share_update(user=user, share=share,
                                  scopes=list(payload.scopes) if payload.scopes is not None else None,
                                  encouragement_muted=payload.encouragement_muted)
    return _share(share)


@router.delete("/care/shares/{share_id}", response={204: None, 403: ErrorOut, 404: ErrorOut})
@forbidden_as_403
def share_revoke(request: HttpRequest, share_id: int) -> Status:
    """Stop sharing, at once. No message is sent."""
    user = current_user(request)
    services.share_revoke(user=user, share=access.share_for_change(user=user, share_id=share_id))
    return Status(204, None)


@router.get("/care/access-log", response=Page[LogOut])
def access_log(request: HttpRequest, limit: int = Query(50, ge=1, le=500),
               offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Every read of your data by someone else: who, what and when."""
    rows, count = selectors.access_log(user=current_user(request), limit=limit, offset=offset)
    return {"items": [{"who": r.viewer_name, "scope": r.scope, "via": r.via, "at": r.at} for r in rows],
            "count": count}


# --- the viewer's side ---------------------------------------------------------------------------------------------

@router.get("/care/clients", response=Page[ShareOut])
def client_list(request: HttpRequest) -> dict[str, Any]:
    """The people who share with you, and what each shares."""
    items = selectors.shares_received(user=current_user(request))
    return {"items": [_share(s) for s in items], "count": len(items)}


@router.put("/care/pledge", response={200: PledgeOut, 422: ErrorOut})
def pledge_set(request: HttpRequest, payload: PledgeIn) -> Any:
    """Clinicians: how often you check rebond, and where clients turn when it's urgent (needed for alerts)."""
    pledge = services.pledge_set(user=current_user(request), check_frequency=payload.check_frequency,
                                 urgent_contact=payload.urgent_contact)
    return {"check_frequency": pledge.check_frequency, "urgent_contact": pledge.urgent_contact}


@router.post("/care/clients/{owner_id}/safety_alerts/ack", response={200: dict, 403: ErrorOut, 404: ErrorOut})
@forbidden_as_403
def flag_ack(request: HttpRequest, owner_id: int, payload: AckIn) -> Any:
    user = current_user(request)
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
    return Status(201, {**_homework(homework), "crisis": result.as_payload()})


# --- the owner's homework ---------------------------------------------------------------------------------------

@router.get("/care/homework", response=Page[HomeworkOut])
def homework_list(request: HttpRequest) -> dict[str, Any]:
    items = selectors.homework_list(owner=current_user(request))
    return {"items": [_homework(h) for h in items], "count": len(items)}


@router.put("/care/homework/{homework_id}/done", response={200: HomeworkOut, 404: ErrorOut})
def homework_done(request: HttpRequest, homework_id: int, payload: HomeworkDoneIn) -> Any:
    return _homework(services.homework_mark(user=current_user(request), homework_id=homework_id,
                                            done=payload.done))


@router.get("/care/clients/{owner_id}/summary", response={200: dict, 404: ErrorOut, 422: ErrorOut})
def client_summary(request: HttpRequest, owner_id: int, start: date | None = None, end: date | None = None) -> Any:
    """A session summary for a period (default: the last 90 days), with only the shared scopes. Logged."""
    from datetime import timedelta

    from django.core.exceptions import ValidationError

    from rebond.care import summary
    from rebond.measures.selectors import user_today

    user = current_user(request)
    if user.pk == owner_id:
        owner, scopes, clinician = user, frozenset(access.SCOPES), None
    else:
        share = access.share_or_404(viewer=user, owner_id=owner_id)
        owner = share.owner
        scopes = access.effective_scopes(share) & {"promises", "measures", "thoughts"}
        clinician = user if share.role == CircleRole.CLINICIAN else None
    end = end or user_today(owner)
    start = start or end - timedelta(days=90)
    if start > end or (end - start).days > summary.MAX_DAYS:
        raise ValidationError({"start": ["Pick a start on or before the end, and a year at most."]})
    for scope in sorted(scopes):
        if user.pk != owner_id:
            access.read_scope(user, owner_id, scope, via="api")
    return summary.build(owner=owner, start=start, end=end, scopes=frozenset(scopes), clinician=clinician)


# --- generic per-scope reads last, so the fixed paths above match first ----------------------------------------

@router.get("/care/clients/{owner_id}/{scope}", response={200: ScopeOut, 404: ErrorOut, 403: ErrorOut})
@forbidden_as_403
def client_scope(request: HttpRequest, owner_id: int, scope: str) -> Any:
    """One shared part of a person's record, read-only. Written to their access log."""
    user = current_user(request)
    if scope == "safety_alerts" and user.pk != owner_id:
        access.shared_owner_or_404(user, owner_id, scope)
        if selectors.pledge_for(user=user) is None:
            raise PermissionDenied("State how often you check rebond, and an urgent-contact line, first "
                                   "(PUT /api/v1/care/pledge).")
    owner = access.read_scope(user, owner_id, scope, via="api")
    data = reads.read(owner, scope)
    return {"owner": _person(owner), "scope": scope, **data}


@router.api_operation(["POST", "PUT", "PATCH", "DELETE"], "/care/clients/{owner_id}/{scope}",
                      response={403: ErrorOut, 404: ErrorOut})
@forbidden_as_403
def client_scope_write(request: HttpRequest, owner_id: int, scope: str) -> Any:
    """Shares are read-only: changing someone else's record is refused (403 with a share, 404 without)."""
    access.deny_write(current_user(request), owner_id)
    raise HttpError(404, "Not found.")  # the owner changes their data through its own app's endpoints
