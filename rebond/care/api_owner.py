"""/api/v1/care, the person's side: invitations, shares and "see what they see", the access log, flags seen,
notes from supporters, homework, and which thought records a session summary may quote.

Everything here is the caller's own; someone else's is a 404. A viewer trying to change the owner's share, homework
or notes gets 403 (they can see those), anyone else 404.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from rebond.care import access, schemas, selectors, services, viewing
from rebond.care.schemas import (
    AcceptIn,
    FlagSeenOut,
    HomeworkDoneIn,
    HomeworkOut,
    InvitationCreatedOut,
    InvitationIn,
    InvitationOut,
    LogOut,
    NoteOut,
    PreviewOut,
    ShareOut,
    SharePatch,
    SummaryThoughtOut,
    SummaryThoughtsIn,
    forbidden_as_403,
)
from rebond.core.api_base import ErrorOut, Page, current_user

router = Router(tags=["care"])


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
    return Status(201, {**schemas.invitation(invitation), "code": code, "link": link})


@router.post("/care/invitations/accept", response={201: ShareOut, 422: ErrorOut})
def invitation_accept(request: HttpRequest, payload: AcceptIn) -> Status:
    share = services.invitation_accept(user=current_user(request), code=payload.code)
    return Status(201, schemas.shares([share])[0])


@router.get("/care/invitations", response=Page[InvitationOut])
def invitation_list(request: HttpRequest) -> dict[str, Any]:
    items = selectors.invitations_pending(user=current_user(request))
    return {"items": [schemas.invitation(i) for i in items], "count": len(items)}


@router.delete("/care/invitations/{invitation_id}", response={204: None, 404: ErrorOut})
def invitation_cancel(request: HttpRequest, invitation_id: int) -> Status:
    if not services.invitation_cancel(user=current_user(request), invitation_id=invitation_id):
        return Status(404, {"detail": "Not found."})
    return Status(204, None)


# --- shares -------------------------------------------------------------------------------------------------------

@router.get("/care/shares", response=Page[ShareOut])
def share_list(request: HttpRequest) -> dict[str, Any]:
    """Everyone who can see part of your record, with what they can see (and a clinician's pledge)."""
    items = selectors.shares_given(user=current_user(request))
    return {"items": schemas.shares(items), "count": len(items)}


@router.get("/care/shares/{share_id}", response={200: ShareOut, 404: ErrorOut})
def share_get(request: HttpRequest, share_id: int) -> Any:
    return schemas.shares([access.share_for_reading(user=current_user(request), share_id=share_id)])[0]


@router.patch("/care/shares/{share_id}", response={200: ShareOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
@forbidden_as_403
def share_update(request: HttpRequest, share_id: int, payload: SharePatch) -> Any:
    """Change what they see, or mute their notes, at once. Only the person who shared may."""
    user = current_user(request)
    share = access.share_for_change(user=user, share_id=share_id)
    share = services.share_update(user=user, share=share,
                                  scopes=list(payload.scopes) if payload.scopes is not None else None,
                                  encouragement_muted=payload.encouragement_muted)
    return schemas.shares([share])[0]


@router.delete("/care/shares/{share_id}", response={204: None, 403: ErrorOut, 404: ErrorOut})
@forbidden_as_403
def share_revoke(request: HttpRequest, share_id: int) -> Status:
    """Stop sharing, at once. No message is sent. When they saw safety flags stays in your list."""
    user = current_user(request)
    services.share_revoke(user=user, share=access.share_for_change(user=user, share_id=share_id))
    return Status(204, None)


@router.get("/care/shares/{share_id}/preview", response={200: PreviewOut, 404: ErrorOut})
def share_preview(request: HttpRequest, share_id: int) -> Any:
    """See what they see: their page's sections, by the same rules, right now. Your own look is not logged."""
    share = access.share_for_owner_or_404(owner=current_user(request), share_id=share_id)
    sections = [{"scope": s["scope"], "label": s["label"], "needs_pledge": s["needs_pledge"], **(s["data"] or {})}
                for s in viewing.sections(share, log_via=None)]
    return {"viewer": schemas.person(share.viewer), "role": share.role, "sections": sections}


# --- what others did with your record ------------------------------------------------------------------------------

@router.get("/care/access-log", response=Page[LogOut])
def access_log(request: HttpRequest, limit: int = Query(50, ge=1, le=500),
               offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Every read of your data by someone else: who, what and when (one line a day each, with a count, and `times`:
    when each look happened)."""
    rows, count = selectors.access_log(user=current_user(request), limit=limit, offset=offset)
    return {"items": [{"who": r.viewer_name, "scope": r.scope, "via": r.via, "day": r.day, "count": r.count,
                       "first_at": r.first_at, "at": r.at, "times": [read.at for read in r.reads.all()]}
                      for r in rows],
            "count": count}


@router.get("/care/flags-seen", response=Page[FlagSeenOut])
def flags_seen(request: HttpRequest, limit: int = Query(50, ge=1, le=500),
               offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """When a clinician saw one of your safety alerts (kept after a share ends)."""
    rows, count = selectors.flags_seen_described(owner=current_user(request), limit=limit, offset=offset)
    return {"items": [{"who": r["who"], "source": r["source"], "seen_at": r["seen_at"],
                       "on": (r["alert"] or {}).get("on"), "about": (r["alert"] or {}).get("about")}
                      for r in rows], "count": count}


# --- notes from supporters ---------------------------------------------------------------------------------------

@router.get("/care/encouragements", response=Page[NoteOut])
def note_list(request: HttpRequest, limit: int = Query(50, ge=1, le=500),
              offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Notes supporters sent you, newest first, with whether you put each away or muted its sender."""
    rows, count, muted = selectors.encouragements_received(user=current_user(request), limit=limit, offset=offset)
    return {"items": [{"id": n.pk, "sender": schemas.person(n.sender), "text": n.text, "sent_at": n.sent_at,
                       "dismissed": n.dismissed_at is not None, "muted": n.sender_id in muted} for n in rows],
            "count": count}


@router.post("/care/encouragements/{note_id}/dismiss", response={204: None, 403: ErrorOut, 404: ErrorOut})
@forbidden_as_403
def note_dismiss(request: HttpRequest, note_id: int) -> Status:
    """Put a note away (it leaves Today). The sender is never told."""
    user = current_user(request)
    note = access.note_for_change(user=user, note_id=note_id)
    services.encouragement_dismiss(user=user, encouragement_id=note.pk)
    return Status(204, None)


# --- your homework -------------------------------------------------------------------------------------------------

@router.get("/care/homework", response=Page[HomeworkOut])
def homework_list(request: HttpRequest) -> dict[str, Any]:
    """Homework your clinicians gave you, by due date."""
    items = selectors.homework_list(owner=current_user(request))
    return {"items": [schemas.homework(h) for h in items], "count": len(items)}


@router.put("/care/homework/{homework_id}/done", response={200: HomeworkOut, 403: ErrorOut, 404: ErrorOut})
@forbidden_as_403
def homework_done(request: HttpRequest, homework_id: int, payload: HomeworkDoneIn) -> Any:
    user = current_user(request)
    homework = access.homework_for_change(user=user, homework_id=homework_id)
    services.homework_mark(user=user, homework_id=homework.pk, done=payload.done)
    return schemas.homework(selectors.homework_get(owner=user, homework_id=homework.pk))


# --- thought records a session summary may quote --------------------------------------------------------------

@router.get("/care/summary/thoughts", response=Page[SummaryThoughtOut])
def summary_thoughts(request: HttpRequest, limit: int = Query(50, ge=1, le=500),
                     offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Your finished thought records, newest first, with whether a session summary may quote each."""
    from rebond.thoughts.selectors import hot_thought

    rows, count, chosen = selectors.summary_thoughts(user=current_user(request), limit=limit, offset=offset)
    return {"items": [{"id": r.pk, "on": r.created_at.date(), "thought": hot_thought(r), "chosen": r.pk in chosen}
                      for r in rows], "count": count}


@router.put("/care/summary/thoughts", response={200: Page[SummaryThoughtOut], 422: ErrorOut})
def summary_thoughts_set(request: HttpRequest, payload: SummaryThoughtsIn) -> dict[str, Any]:
    """Choose exactly which records a session summary may quote (an empty list: none). Sharing thought records
    still lets a clinician read every finished record; this choice is only for the printed summary."""
    user = current_user(request)
    services.summary_thoughts_replace(user=user, record_ids=payload.record_ids)
    return summary_thoughts(request, limit=50, offset=0)
