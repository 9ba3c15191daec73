"""/api/v1 for practice: the exercises, sessions with distress before and after, and the Learn library."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from rebond.core.api_base import Page, current_user
from rebond.domain import helplines, practice_change, suggest_practice
from rebond.practice import content, selectors, services
from rebond.practice.models import ExerciseSession

router = Router(tags=["practice"])


class PhaseOut(Schema):
    label: str
    seconds: int
    breath: str


class ExerciseOut(Schema):
    slug: str
    title: str
    summary: str
    minutes: int
    steps: list[str]
    pacer: list[PhaseOut]
    notes: list[str]


class SessionIn(Schema):
    exercise: str
    distress_before: int = Field(..., ge=0, le=10)
    distress_after: int | None = Field(None, ge=0, le=10)
    finished: bool = True
    on: date | None = None


class SessionOut(Schema):
    id: int
    exercise: str
    on: date
    distress_before: int
    distress_after: int | None
    finished: bool
    change: int | None


class HelpOut(Schema):
    offered: bool
    emergency_number: str | None = None
    resources: list[dict[str, Any]] = []
    safety_plan: str | None = None


class SessionWriteOut(SessionOut):
    help: HelpOut
    note: str  # a word about the numbers, as the web page says it ("" without an after number)
    suggestion: str | None  # an exercise slug to try next when distress rose (5-4-3-2-1), else None


class ChangeOut(Schema):
    sessions: int
    average: float | None
    words: str


class LearnItemOut(Schema):
    slug: str
    title: str
    summary: str
    kind: str
    evidence: str | None  # None for a guide: advice, not a treatment
    evidence_label: str
    evidence_meaning: str


class LearnPageOut(LearnItemOut):
    evidence_note: str
    sources: list[str]
    reviewed: date | None
    html: str


def _exercise_out(item: content.Exercise) -> dict[str, Any]:
    return {"slug": item.slug, "title": item.title, "summary": item.summary, "minutes": item.minutes,
            "steps": [s.text for s in item.steps], "notes": list(item.notes),
            "pacer": [{"label": p.label, "seconds": p.seconds, "breath": p.breath} for p in item.pacer]}


def _session_out(s: ExerciseSession) -> dict[str, Any]:
    return {"id": s.pk, "exercise": s.exercise, "on": s.on, "distress_before": s.distress_before,
            "distress_after": s.distress_after, "finished": s.finished,
            "change": None if s.distress_after is None else s.distress_after - s.distress_before}


def _help(user: Any, after: int | None) -> dict[str, Any]:
    if not practice_change.offers_help(after):
        return {"offered": False}
    from django.urls import reverse

    from rebond.safety.guard import GuardResult

    region = getattr(user, "region", "") or None
    return {"offered": True, "emergency_number": helplines.emergency_number(region),
            "resources": GuardResult(detected=True, region=region).resources(),
            "safety_plan": reverse("safety:plan")}


@router.get("/exercises", response=Page[ExerciseOut])
def exercise_list(request: HttpRequest) -> dict[str, Any]:
    current_user(request)
    items = [_exercise_out(e) for e in content.exercises()]
    return {"items": items, "count": len(items)}


@router.get("/exercises/{slug}", response=ExerciseOut)
def exercise_get(request: HttpRequest, slug: str) -> dict[str, Any]:
    current_user(request)
    item = content.exercise(slug)
    if item is None:
        raise HttpError(404, "Not found.")
    return _exercise_out(item)


@router.post("/practice/sessions", response={201: SessionWriteOut})
def session_create(request: HttpRequest, payload: SessionIn) -> Status:
    user = current_user(request)
    session = services.session_create(user=user, exercise=payload.exercise, distress_before=payload.distress_before,
                                      distress_after=payload.distress_after, finished=payload.finished, on=payload.on)
    before, after = session.distress_before, session.distress_after
    return Status(201, {**_session_out(session), "help": _help(user, after),
                        "note": practice_change.after_note(before, after),
                        "suggestion": suggest_practice.GROUNDING if practice_change.rose(before, after) else None})


@router.get("/practice/sessions", response=Page[SessionOut])
def session_list(request: HttpRequest, exercise: str | None = None, limit: int = Query(20, ge=1, le=200),
                 offset: int = Query(0, ge=0)) -> dict[str, Any]:
    rows, count = selectors.session_list(user=current_user(request), exercise=exercise, limit=limit, offset=offset)
    return {"items": [_session_out(s) for s in rows], "count": count}


@router.get("/practice/change", response=ChangeOut)
def session_change(request: HttpRequest, exercise: str | None = None) -> dict[str, Any]:
    change = selectors.distress_change(user=current_user(request), exercise=exercise)
    return {"sessions": change.sessions, "average": change.average, "words": change.words}


@router.get("/practice/sessions/{session_id}", response=SessionOut)
def session_get(request: HttpRequest, session_id: int) -> dict[str, Any]:
    return _session_out(selectors.session_get(user=current_user(request), session_id=session_id))


@router.delete("/practice/sessions/{session_id}", response={204: None})
def session_delete(request: HttpRequest, session_id: int) -> HttpResponse:
    user = current_user(request)
    services.session_delete(user=user, session=selectors.session_get(user=user, session_id=session_id))
    return HttpResponse(status=204)


def _learn_item(p: content.LearnPage) -> dict[str, Any]:
    return {"slug": p.slug, "title": p.title, "summary": p.summary, "kind": p.kind, "evidence": p.evidence,
            "evidence_label": p.evidence_label, "evidence_meaning": p.evidence_meaning}


@router.get("/learn", response=Page[LearnItemOut], auth=None)
def learn_list(request: HttpRequest) -> dict[str, Any]:
    items = [_learn_item(p) for p in content.learn_pages()]
    return {"items": items, "count": len(items)}


@router.get("/learn/{slug}", response=LearnPageOut, auth=None)
def learn_get(request: HttpRequest, slug: str) -> dict[str, Any]:
    page = content.learn_page(slug)
    if page is None:
        raise HttpError(404, "Not found.")
    return {**_learn_item(page), "evidence_note": page.evidence_note, "sources": list(page.sources),
            "reviewed": page.reviewed, "html": page.html}
