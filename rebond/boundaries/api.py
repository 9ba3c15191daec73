"""/api/v1 endpoints for boundaries, their log and the summary."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema, Status

from rebond.boundaries import content, selectors, services
from rebond.boundaries.models import SCRIPT_PARTS, Boundary, BoundaryLog
from rebond.core.api_base import Page, current_user

router = Router(tags=["boundaries"])


class CrisisOut(Schema):
    detected: bool
    harmed_by_other: bool = False
    emergency_number: str | None = None
    resources: list[dict[str, Any]] = []


class BoundaryIn(Schema):
    what: str
    why: str | None = None
    how: str | None = None
    person: int | None = None
    describe: str | None = None
    express: str | None = None
    assert_need: str | None = None
    reinforce: str | None = None
    mindful: str | None = None
    confident: str | None = None
    negotiate: str | None = None


class BoundaryPatch(Schema):
    what: str | None = None
    why: str | None = None
    how: str | None = None
    person: int | None = None
    describe: str | None = None
    express: str | None = None
    assert_need: str | None = None
    reinforce: str | None = None
    mindful: str | None = None
    confident: str | None = None
    negotiate: str | None = None
    archived: bool | None = None


class BoundaryOut(Schema):
    id: int
    what: str
    why: str
    how: str
    person: int | None
    script: dict[str, str]
    script_text: str
    suggestions: list[dict[str, str]]
    archived: bool


class BoundaryWriteOut(BoundaryOut):
    crisis: CrisisOut


class LogIn(Schema):
    outcome: Literal["held", "crossed", "communicated"]
    on: date | None = None
    with_whom: str | None = None
    note: str | None = None


class LogOut(Schema):
    id: int
    boundary_id: int
    on: date
    outcome: str
    with_whom: str
    note: str


class LogWriteOut(LogOut):
    crisis: CrisisOut


class TallyOut(Schema):
    communicated: int
    held: int
    crossed: int


class SummaryRow(Schema):
    boundary_id: int
    all_time: TallyOut
    last_30_days: TallyOut
    last_on: date | None


class SummaryOut(Schema):
    all_time: TallyOut
    last_30_days: TallyOut
    boundaries: list[SummaryRow]


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, 200)), max(0, offset)


def _boundary_out(b: Boundary) -> dict[str, Any]:
    # No script suggestions toward someone who may have hurt the user.
    safety_first = b.person is not None and b.person.safety_first
    return {
        "id": b.pk, "what": b.what, "why": b.why, "how": b.how, "person": b.person_id,
        "script": {part: getattr(b, part) for part in SCRIPT_PARTS},
        "script_text": content.script_text({part: getattr(b, part) for part in SCRIPT_PARTS}),
        "suggestions": [] if safety_first else [
            {"part": p["id"], "name": p["name"], "example": p["example"]} for p in content.parts()
        ],
        "archived": b.archived,
    }


def _log_out(g: BoundaryLog) -> dict[str, Any]:
    return {"id": g.pk, "boundary_id": g.boundary_id, "on": g.on, "outcome": g.outcome, "with_whom": g.with_whom,
            "note": g.note or ""}


def _tally(t: selectors.Tally) -> dict[str, int]:
    return {"communicated": t.communicated, "held": t.held, "crossed": t.crossed}


@router.post("/boundaries", response={201: BoundaryWriteOut})
def create_boundary(request: HttpRequest, payload: BoundaryIn) -> Any:
    b, result = services.boundary_save(user=current_user(request), data=payload.dict())
    return Status(201, {**_boundary_out(b), "crisis": result.as_payload()})


@router.get("/boundaries", response=Page[BoundaryOut])
def list_boundaries(request: HttpRequest, archived: bool | None = False, limit: int = 50, offset: int = 0
                    ) -> dict[str, Any]:
    items = selectors.boundary_list(user=current_user(request), archived=archived)
    limit, offset = _page(limit, offset)
    return {"items": [_boundary_out(b) for b in items[offset:offset + limit]], "count": len(items)}


@router.get("/boundaries/summary", response=SummaryOut)
def boundary_summary(request: HttpRequest, on: date | None = None) -> dict[str, Any]:
    rows, all_time, recent = selectors.summary(user=current_user(request), on=on)
    return {"all_time": _tally(all_time), "last_30_days": _tally(recent), "boundaries": [
        {"boundary_id": r.boundary.pk, "all_time": _tally(r.all_time), "last_30_days": _tally(r.recent),
         "last_on": r.last_on} for r in rows]}


@router.get("/boundaries/{boundary_id}", response=BoundaryOut)
def get_boundary(request: HttpRequest, boundary_id: int) -> dict[str, Any]:
    return _boundary_out(selectors.boundary_get(user=current_user(request), boundary_id=boundary_id))


@router.patch("/boundaries/{boundary_id}", response=BoundaryWriteOut)
def update_boundary(request: HttpRequest, boundary_id: int, payload: BoundaryPatch) -> dict[str, Any]:
    user = current_user(request)
    b = selectors.boundary_get(user=user, boundary_id=boundary_id)
    changes = payload.dict(exclude_unset=True)
    if changes.get("what", "") is None:
        changes.pop("what")
    b, result = services.boundary_save(user=user, boundary=b, data=changes)
    return {**_boundary_out(b), "crisis": result.as_payload()}


@router.delete("/boundaries/{boundary_id}", response={204: None})
def delete_boundary(request: HttpRequest, boundary_id: int) -> Any:
    user = current_user(request)
    services.boundary_delete(user=user, boundary=selectors.boundary_get(user=user, boundary_id=boundary_id))
    return Status(204, None)


@router.post("/boundaries/{boundary_id}/logs", response={201: LogWriteOut})
def create_log(request: HttpRequest, boundary_id: int, payload: LogIn) -> Any:
    user = current_user(request)
    b = selectors.boundary_get(user=user, boundary_id=boundary_id)
    log, result = services.log_add(user=user, boundary=b, outcome=payload.outcome, on=payload.on,
                                   with_whom=payload.with_whom or "", note=payload.note)
    return Status(201, {**_log_out(log), "crisis": result.as_payload()})


@router.get("/boundaries/{boundary_id}/logs", response=Page[LogOut])
def list_logs(request: HttpRequest, boundary_id: int, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Newest first."""
    user = current_user(request)
    boundary = selectors.boundary_get(user=user, boundary_id=boundary_id)
    limit, offset = _page(limit, offset)
    logs, count = selectors.log_page(user=user, boundary=boundary, limit=limit, offset=offset)
    return {"items": [_log_out(g) for g in logs], "count": count}


@router.delete("/boundaries/{boundary_id}/logs/{log_id}", response={204: None})
def delete_log(request: HttpRequest, boundary_id: int, log_id: int) -> Any:
    user = current_user(request)
    b = selectors.boundary_get(user=user, boundary_id=boundary_id)
    services.log_delete(user=user, log=selectors.log_get(user=user, boundary=b, log_id=log_id))
    return Status(204, None)
