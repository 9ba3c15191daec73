"""/api/v1 endpoints for promises, check-ins, the self-trust record and victories (ARCHITECTURE.md contracts)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import field_validator

from rebond.core.api_base import Page, current_user
from rebond.domain import promises as rules
from rebond.promises import selectors, services, words
from rebond.promises.models import CheckIn, Promise

router = Router(tags=["promises"])

SizeName = Literal["tiny", "small", "stretch"]
OutcomeName = Literal["kept", "missed", "partial", "renegotiated", "excused"]
ReasonName = Literal["pause", "illness", "holiday"]


class CrisisOut(Schema):
    detected: bool
    harmed_by_other: bool = False
    emergency_number: str | None = None
    resources: list[dict[str, Any]] = []


class PromiseIn(Schema):
    text: str
    size: SizeName = "small"
    rrule: str | None = None
    starts_on: date
    ends_on: date | None = None
    why: str | None = None


class PromisePatch(Schema):
    text: str | None = None
    size: SizeName | None = None
    rrule: str | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    why: str | None = None
    archived: bool | None = None


class PromiseOut(Schema):
    id: int
    text: str
    why: str
    size: str
    rrule: str
    schedule: str
    frequency: float
    starts_on: date
    ends_on: date | None
    archived: bool
    # About keeping yourself safe (UX.md Safety): never due, no check-ins; the safety plan is where it may fit.
    held_for_safety_plan: bool


class PromiseWriteOut(PromiseOut):
    crisis: CrisisOut


class CheckInIn(Schema):
    outcome: OutcomeName
    value: float | None = Field(None, ge=0, le=1)
    reason: ReasonName | None = None
    note: str | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _a_number_not_true_or_false(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("Give how much you did as a number from 0 to 1 (0.5 is half), not true or false.")
        return value


class CheckInOut(Schema):
    id: int
    promise_id: int
    on: date
    outcome: str
    value: float | None
    reason: str
    note: str
    history: list[dict[str, Any]]


class CheckInWriteOut(CheckInOut):
    crisis: CrisisOut


class PauseIn(Schema):
    first: date
    last: date
    reason: ReasonName = "pause"


class PauseOut(Schema):
    paused: int


class TrustOut(Schema):
    on: date
    estimate: float
    uncertainty: float
    low: float
    high: float
    status: str
    belief: float
    disbelief: float
    observations_needed: int


class VictoryIn(Schema):
    text: str
    on: date | None = None


class VictoryOut(Schema):
    id: int
    on: date
    text: str
    source: str


class VictoryWriteOut(VictoryOut):
    crisis: CrisisOut


class FeedOut(Schema):
    url: str


class ErrorOut(Schema):
    detail: Any


def _promise_out(promise: Promise) -> dict[str, Any]:
    return {
        "id": promise.pk, "text": promise.text, "why": promise.why, "size": promise.size, "rrule": promise.rrule,
        "schedule": rules.describe_rule(promise.rrule, promise.starts_on),
        "frequency": selectors.promise_frequency(promise),
        "starts_on": promise.starts_on, "ends_on": promise.ends_on, "archived": promise.archived,
        "held_for_safety_plan": services.promise_held(promise),
    }


def _checkin_out(checkin: CheckIn) -> dict[str, Any]:
    return {
        "id": checkin.pk, "promise_id": checkin.promise_id, "on": checkin.on, "outcome": checkin.outcome,
        "value": checkin.value, "reason": checkin.reason, "note": checkin.note or "", "history": checkin.history,
    }


def _to_change(user: Any, promise_id: int) -> Promise:
    """The person's own promise to change: 404 for anyone else's, 403 for a viewer with a share (read-only)."""
    try:
        return selectors.promise_for_change(user=user, promise_id=promise_id)
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None


def _safety_response(request: HttpRequest, exc: services.SafetyPromiseError) -> HttpResponse:
    from rebond.api import api

    body = {
        "detail": [{"loc": ["body", "text"], "msg": services.SAFETY_PROMISE_MESSAGE}],
        "safety_plan": reverse("safety:plan"),
        "crisis": exc.result.as_payload(),
    }
    return api.create_response(request, body, status=422)


def _refused_for_safety_plan(request: HttpRequest, exc: services.HeldForSafetyPlan) -> HttpResponse:
    from rebond.api import api

    detail = [{"loc": ["body", field], "msg": message} for field, messages in exc.message_dict.items()
              for message in messages]
    return api.create_response(request, {"detail": detail, "safety_plan": reverse("safety:plan")}, status=422)


@router.post("/promises", response={201: PromiseWriteOut, 422: ErrorOut})
def create_promise(request: HttpRequest, payload: PromiseIn) -> Any:
    user = current_user(request)
    try:
        promise, result = services.promise_create(
            user=user, text=payload.text, size=payload.size, rrule=payload.rrule or "",
            starts_on=payload.starts_on, ends_on=payload.ends_on, why=payload.why or "",
        )
    except services.SafetyPromiseError as exc:
        return _safety_response(request, exc)
    return Status(201, {**_promise_out(promise), "crisis": result.as_payload()})


@router.get("/promises", response=Page[PromiseOut])
def list_promises(request: HttpRequest, limit: int = 50, offset: int = 0,
                  archived: bool | None = False) -> dict[str, Any]:
    user = current_user(request)
    items, count = selectors.promise_list(user=user, archived=archived, limit=max(1, min(limit, 200)), offset=max(0, offset))
    return {"items": [_promise_out(p) for p in items], "count": count}


@router.get("/promises/{promise_id}", response=PromiseOut)
def get_promise(request: HttpRequest, promise_id: int) -> dict[str, Any]:
    return _promise_out(selectors.promise_get(user=current_user(request), promise_id=promise_id))


@router.patch("/promises/{promise_id}", response={200: PromiseWriteOut, 403: ErrorOut, 422: ErrorOut})
def update_promise(request: HttpRequest, promise_id: int, payload: PromisePatch) -> Any:
    user = current_user(request)
    promise = _to_change(user, promise_id)
    changes = payload.dict(exclude_unset=True)
    for key in ("text", "size", "starts_on", "archived"):
        if key in changes and changes[key] is None:
            changes.pop(key)
    for key in ("why", "rrule"):
        if key in changes and changes[key] is None:
            changes[key] = ""
    try:
        promise, result = services.promise_update(user=user, promise=promise, **changes)
    except services.SafetyPromiseError as exc:
        return _safety_response(request, exc)
    return Status(200, {**_promise_out(promise), "crisis": result.as_payload()})


@router.post("/promises/{promise_id}/archive", response={200: PromiseOut, 403: ErrorOut})
def archive_promise(request: HttpRequest, promise_id: int) -> dict[str, Any]:
    user = current_user(request)
    promise = services.promise_archive(user=user, promise=_to_change(user, promise_id))
    return _promise_out(promise)


@router.get("/promises/{promise_id}/checkins", response=Page[CheckInOut])
def list_checkins(request: HttpRequest, promise_id: int, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    user = current_user(request)
    promise = selectors.promise_get(user=user, promise_id=promise_id)
    items, count = selectors.checkin_list(user=user, promise=promise, limit=max(1, min(limit, 200)), offset=max(0, offset))
    return {"items": [_checkin_out(c) for c in items], "count": count}


@router.put("/promises/{promise_id}/checkins/{on}",
            response={200: CheckInWriteOut, 201: CheckInWriteOut, 403: ErrorOut, 422: ErrorOut})
def put_checkin(request: HttpRequest, promise_id: int, on: date, payload: CheckInIn) -> Any:
    """Idempotent per day. "renegotiated" (let it go) is for today or a due day up to 30 days ahead; every other
    outcome is for today or a day that has passed. A promise held for the safety plan takes no check-ins: 422
    naming `outcome`, with where the safety plan is."""
    user = current_user(request)
    promise = _to_change(user, promise_id)
    try:
        checkin, created, result = services.checkin_record(
            user=user, promise=promise, on=on, outcome=payload.outcome, value=payload.value,
            reason=payload.reason or "", note=payload.note,
        )
    except services.HeldForSafetyPlan as exc:
        return _refused_for_safety_plan(request, exc)
    return Status(201 if created else 200, {**_checkin_out(checkin), "crisis": result.as_payload()})


@router.get("/promises/{promise_id}/checkins/{on}", response=CheckInOut)
def get_checkin(request: HttpRequest, promise_id: int, on: date) -> dict[str, Any]:
    user = current_user(request)
    promise = selectors.promise_get(user=user, promise_id=promise_id)
    return _checkin_out(selectors.checkin_get(user=user, promise=promise, on=on))


@router.delete("/promises/{promise_id}/checkins/{on}", response={204: None, 403: ErrorOut})
def delete_checkin(request: HttpRequest, promise_id: int, on: date) -> Any:
    user = current_user(request)
    promise = _to_change(user, promise_id)
    services.checkin_delete(user=user, checkin=selectors.checkin_get(user=user, promise=promise, on=on))
    return Status(204, None)


@router.post("/promises/{promise_id}/pause", response={200: PauseOut, 403: ErrorOut, 422: ErrorOut})
def pause_promise(request: HttpRequest, promise_id: int, payload: PauseIn) -> dict[str, Any]:
    user = current_user(request)
    promise = _to_change(user, promise_id)
    paused = services.promise_pause(user=user, promise=promise, first=payload.first, last=payload.last,
                                    reason=payload.reason)
    return {"paused": paused}


@router.get("/self-trust", response=TrustOut)
def self_trust(request: HttpRequest, on: date | None = None) -> dict[str, Any]:
    user = current_user(request)
    return words.trust_fields(selectors.self_trust(user=user, on=on))


@router.get("/victories", response=Page[VictoryOut])
def list_victories(request: HttpRequest, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    items, count = selectors.victories(user=current_user(request), limit=max(1, min(limit, 200)), offset=max(0, offset))
    return {"items": [{"id": v.id, "on": v.on, "text": v.text, "source": v.source} for v in items], "count": count}


@router.post("/victories", response={201: VictoryWriteOut})
def create_victory(request: HttpRequest, payload: VictoryIn) -> Any:
    user = current_user(request)
    victory, result = services.victory_create(user=user, text=payload.text, on=payload.on)
    return Status(201, {"id": victory.pk, "on": victory.on, "text": victory.text, "source": "own",
                 "crisis": result.as_payload()})


@router.delete("/victories/{victory_id}", response={204: None, 403: ErrorOut})
def delete_victory(request: HttpRequest, victory_id: int) -> Any:
    user = current_user(request)
    try:
        victory = selectors.victory_for_change(user=user, victory_id=victory_id)
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    services.victory_delete(user=user, victory=victory)
    return Status(204, None)


def _feed_url(request: HttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("promises:calendar_feed", args=[token]))


@router.get("/calendar", response=FeedOut)
def calendar_feed(request: HttpRequest) -> dict[str, str]:
    return {"url": _feed_url(request, services.calendar_feed_token(user=current_user(request)))}


@router.post("/calendar/regenerate", response=FeedOut)
def calendar_regenerate(request: HttpRequest) -> dict[str, str]:
    return {"url": _feed_url(request, services.calendar_feed_regenerate(user=current_user(request)))}

