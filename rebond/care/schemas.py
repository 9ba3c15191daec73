"""In and Out schemas of /api/v1/care, and the small functions that turn models into them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from ninja import Field, Schema
from ninja.errors import HttpError

from rebond.care import services
from rebond.care.models import ClinicianPledge, Share

ScopeName = Literal["promises", "victories", "measures", "thoughts", "ledger_summary", "journal", "safety_alerts"]
RoleName = Literal["clinician", "supporter"]
SortName = Literal["name", "activity", "homework", "flags"]


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


class PledgeIn(Schema):
    check_frequency: str = Field(max_length=120)
    urgent_contact: str = Field(max_length=500)


class PledgeOut(Schema):
    """A clinician's "sharing is not monitoring": how often they check rebond, and where to turn when it's urgent."""

    check_frequency: str
    urgent_contact: str


class ShareOut(Schema):
    id: int
    owner: PersonOut
    viewer: PersonOut
    role: str
    scopes: list[str]
    encouragement_muted: bool
    created_at: datetime
    pledge: PledgeOut | None = None  # a clinician's pledge (null until they give it, and for supporters)


class SharePatch(Schema):
    scopes: list[ScopeName] | None = None
    encouragement_muted: bool | None = None


class LogOut(Schema):
    """Looks by one person at one part on one day (the owner's day): how many, the first and the latest."""

    who: str
    scope: str
    via: str
    day: date
    count: int
    first_at: datetime
    at: datetime
    times: list[datetime] = Field(description="When each look happened, oldest first. Lines from before every "
                                              "look's time was kept list only the first and the latest, so they "
                                              "can list fewer times than `count`.")


class ScopeOut(Schema):
    owner: PersonOut
    scope: str
    items: list[dict[str, Any]]
    count: int
    self_trust: dict[str, Any] | None = None


class SectionOut(Schema):
    scope: str
    label: str
    needs_pledge: bool
    items: list[dict[str, Any]] = []
    count: int = 0
    self_trust: dict[str, Any] | None = None


class PreviewOut(Schema):
    """What the viewer of a share sees right now, by the same rules as their own page. Not logged."""

    viewer: PersonOut
    role: str
    sections: list[SectionOut]


class DashboardRowOut(Schema):
    owner: PersonOut
    share_id: int
    last_active: datetime | None
    scores: list[dict[str, Any]] | None  # null when questionnaires aren't shared
    homework: dict[str, int] | None  # the homework you gave (clinicians)
    flags: list[dict[str, Any]] | None  # null unless safety alerts are shared and your pledge is given
    unseen_flags: int
    alerts_need_pledge: bool  # they share safety alerts; give your pledge (PUT /api/v1/care/pledge) to see them


class CrisisOut(Schema):
    detected: bool
    harmed_by_other: bool = False
    emergency_number: str | None = None
    resources: list[dict[str, Any]] = []


class PledgeWriteOut(PledgeOut):
    crisis: CrisisOut


class EncourageIn(Schema):
    text: str = Field(min_length=1, max_length=services.ENCOURAGEMENT_LIMIT)


class EncourageOut(Schema):
    id: int
    sent_at: datetime
    crisis: CrisisOut


class NoteOut(Schema):
    id: int
    sender: PersonOut
    text: str
    sent_at: datetime
    dismissed: bool
    muted: bool  # you muted this supporter: their notes stay off Today


class FlagSeenOut(Schema):
    who: str
    source: str
    seen_at: datetime
    on: date | None  # the day of the alert (null when you have since deleted what it came from)
    about: Literal["phq9", "daily_checkin"] | None  # where it came from; never the answers or the note


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
    done: bool  # the work counted reaches `count`, or the person marked it done
    marked_done: bool  # the person marked it done (work done another way counts this way)
    counted: int  # pieces of work done between assigned_on and due_on, at most `count`


class HomeworkWriteOut(HomeworkOut):
    crisis: CrisisOut


class HomeworkGivenOut(Schema):
    items: list[HomeworkOut]
    count: int
    adherence: dict[str, int]


class HomeworkDoneIn(Schema):
    done: bool = True


class AckIn(Schema):
    source: str = Field(min_length=1, max_length=40)


class SummaryThoughtOut(Schema):
    id: int
    on: date
    thought: str
    chosen: bool


class SummaryThoughtsIn(Schema):
    record_ids: list[int] = Field(max_length=10_000)


def person(user: Any) -> dict[str, Any]:
    return {"id": user.pk, "name": str(user.display_name or user.username)}


def pledge_dict(pledge: ClinicianPledge | None) -> dict[str, str] | None:
    if pledge is None:
        return None
    return {"check_frequency": pledge.check_frequency, "urgent_contact": pledge.urgent_contact}


def shares(rows: list[Share]) -> list[dict[str, Any]]:
    """Shares with their clinicians' pledges, read in one query."""
    clinicians = [s.viewer_id for s in rows if s.role == "clinician"]
    pledges = {p.user_id: p for p in ClinicianPledge.objects.filter(user_id__in=clinicians)} if clinicians else {}
    return [share(s, pledges.get(s.viewer_id) if s.role == "clinician" else None) for s in rows]


def share(s: Share, pledge: ClinicianPledge | None = None) -> dict[str, Any]:
    return {"id": s.pk, "owner": person(s.owner), "viewer": person(s.viewer), "role": s.role,
            "scopes": list(s.scopes), "encouragement_muted": s.encouragement_muted, "created_at": s.created_at,
            "pledge": pledge_dict(pledge)}


def invitation(i: Any) -> dict[str, Any]:
    return {"id": i.pk, "role": i.role, "scopes": list(i.scopes), "expires_at": i.expires_at,
            "created_at": i.created_at}


def homework(h: Any) -> dict[str, Any]:
    """A homework with `.progress` (rebond.care.progress): done by the work counted or marked by the person."""
    return {"id": h.pk, "kind": h.kind, "count": h.count, "instrument": h.instrument, "note": h.note,
            "assigned_on": h.assigned_on, "due_on": h.due_on, "done": h.progress.complete,
            "marked_done": h.done_at is not None, "counted": h.progress.counted}
