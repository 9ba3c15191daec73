"""/api/v1 endpoints for promises, check-ins, the self-trust record and victories (ARCHITECTURE.md contracts)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Router, Schema

from rebond.core.api_base import Page, current_user
from rebond.domain import promises as rules
from rebond.promises import selectors, services
from rebond.promises.models import CheckIn, Promise
from rebond.safety.guard import guard_for

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


class PromiseWriteOut(PromiseOut):
    crisis: CrisisOut


class CheckInIn(Schema):
    outcome: OutcomeName
    value: float | None = Field(None, ge=0, le=1)
    reason: ReasonName | None = None
    note: str | None = None


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
    }


def _checkin_out(checkin: CheckIn) -> dict[str, Any]:
    return {
        "id": checkin.pk, "promise_id": checkin.promise_id, "on": checkin.on, "outcome": checkin.outcome,
        "value": checkin.value, "reason": checkin.reason, "note": checkin.note or "", "history": checkin.history,
    }


def _safety_response(request: HttpRequest, user: Any, exc: services.SafetyPromiseError) -> HttpResponse:
    from rebond.api import api

    body = {
        "detail": [{"loc": ["body", "text"], "msg": services.SAFETY_PROMISE_MESSAGE}],
        "safety_plan": reverse("safety:plan"),
        "crisis": guard_for(user, exc.text).as_payload(),
    }
    return api.create_response(request, body, status=422)


@router.post("/promises", response={201: PromiseWriteOut, 422: ErrorOut})
def create_promise(request: HttpRequest, payload: PromiseIn) -> Any:
    user = current_user(request)
    try:
        promise, result = services.promise_create(
            user=user, text=payload.text, size=payload.size, rrule=payload.rrule or "",
            starts_on=payload.starts_on, ends_on=payload.ends_on, why=payload.why or "",
        )
    except services.SafetyPromiseError as exc:
        return _safety_response(request, user, exc)
    return 201, {**_promise_out(promise), "crisis": result.as_payload()}


@router.get("/promises", response=Page[PromiseOut])
def list_promises(request: HttpRequest, limit: int = 50, offset: int = 0,
                  archived: bool | None = False) -> dict[str, Any]:
    user = current_user(request)
    items, count = selectors.promise_list(user=user, archived=archived, limit=max(1, min(limit, 200)), offset=max(0, offset))
    return {"items": [_promise_out(p) for p in items], "count": count}


@router.get("/promises/{promise_id}", response=PromiseOut)
def get_promise(request: HttpRequest, promise_id: int) -> dict[str, Any]:
    return _promise_out(selectors.promise_get(user=current_user(request), promise_id=promise_id))


@router.patch("/promises/{promise_id}", response={200: PromiseWriteOut, 422: ErrorOut})
def update_promise(request: HttpRequest, promise_id: int, payload: PromisePatch) -> Any:
    user = current_user(request)
    promise = selectors.promise_get(user=user, promise_id=promise_id)
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
        return _safety_response(request, user, exc)
    return 200, {**_promise_out(promise), "crisis": result.as_payload()}


@router.post("/promises/{promise_id}/archive", response=PromiseOut)
def archive_promise(request: HttpRequest, promise_id: int) -> dict[str, Any]:
    user = current_user(request)
    promise = services.promise_archive(user=user, promise=selectors.promise_get(user=user, promise_id=promise_id))
    return _promise_out(promise)


@router.get("/promises/{promise_id}/checkins", response=Page[CheckInOut])
def list_checkins(request: HttpRequest, promise_id: int, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    user = current_user(request)
    promise = selectors.promise_get(user=user, promise_id=promise_id)
    items, count = selectors.checkin_list(user=user, promise=promise, limit=max(1, min(limit, 200)), offset=max(0, offset))
    return {"items": [_checkin_out(c) for c in items], "count": count}


@router.put("/promises/{promise_id}/checkins/{on}", response={200: CheckInWriteOut, 201: CheckInWriteOut})
def put_checkin(request: HttpRequest, promise_id: int, on: date, payload: CheckInIn) -> Any:
    user = current_user(request)
    promise = selectors.promise_get(user=user, promise_id=promise_id)
    checkin, created, result = services.checkin_record(
        user=user, promise=promise, on=on, outcome=payload.outcome, value=payload.value,
        reason=payload.reason or "", note=payload.note,
    )
    return (201 if created else 200), {**_checkin_out(checkin), "crisis": result.as_payload()}


@router.get("/promises/{promise_id}/checkins/{on}", response=CheckInOut)
def get_checkin(request: HttpRequest, promise_id: int, on: date) -> dict[str, Any]:
    user = current_user(request)
    promise = selectors.promise_get(user=user, promise_id=promise_id)
    return _checkin_out(selectors.checkin_get(user=user, promise=promise, on=on))


@router.delete("/promises/{promise_id}/checkins/{on}", response={204: None})
def delete_checkin(request: HttpRequest, promise_id: int, on: date) -> Any:
    user = current_user(request)
    promise = selectors.promise_get(user=user, promise_id=promise_id)
    services.checkin_delete(user=user, checkin=selectors.checkin_get(user=user, promise=promise, on=on))
    return 204, None


@router.post("/promises/{promise_id}/pause", response=PauseOut)
def pause_promise(request: HttpRequest, promise_id: int, payload: PauseIn) -> dict[str, Any]:
    user = current_user(request)
    promise = selectors.promise_get(user=user, promise_id=promise_id)
    paused = services.promise_pause(user=user, promise=promise, first=payload.first, last=payload.last,
                                    reason=payload.reason)
    return {"paused": paused}


@router.get("/self-trust", response=TrustOut)
def self_trust(request: HttpRequest, on: date | None = None) -> dict[str, Any]:
    user = current_user(request)
    point = selectors.self_trust(user=user, on=on)
    return {
        "on": point.on, "estimate": point.estimate, "uncertainty": point.uncertainty, "low": point.low,
        "high": point.high, "status": point.status, "belief": point.belief, "disbelief": point.disbelief,
        "observations_needed": point.observations_needed,
    }


@router.get("/victories", response=Page[VictoryOut])
def list_victories(request: HttpRequest, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    items, count = selectors.victories(user=current_user(request), limit=max(1, min(limit, 200)), offset=max(0, offset))
    return {"items": [{"id": v.id, "on": v.on, "text": v.text, "source": v.source} for v in items], "count": count}


@router.post("/victories", response={201: VictoryWriteOut})
def create_victory(request: HttpRequest, payload: VictoryIn) -> Any:
    user = current_user(request)
    victory, result = services.victory_create(user=user, text=payload.text, on=payload.on)
    return 201, {"id": victory.pk, "on": victory.on, "text": victory.text, "source": "own",
                 "crisis": result.as_payload()}


@router.delete("/victories/{victory_id}", response={204: None})
def delete_victory(request: HttpRequest, victory_id: int) -> Any:
    user = current_user(request)
    services.victory_delete(user=user, victory=selectors.victory_get(user=user, victory_id=victory_id))
    return 204, None


def _feed_url(request: HttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("promises:calendar_feed", args=[token]))


@router.get("/calendar", response=FeedOut)
def calendar_feed(request: HttpRequest) -> dict[str, str]:
    return {"url": _feed_url(request, services.calendar_feed_token(user=current_user(request)))}


@router.post("/calendar/regenerate", response=FeedOut)
def calendar_regenerate(request: HttpRequest) -> dict[str, str]:
    return {"url": _feed_url(request, services.calendar_feed_regenerate(user=current_user(request)))}

