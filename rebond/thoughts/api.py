"""/api/v1 endpoints for thought records and the trap suggester (ARCHITECTURE.md contracts)."""

from __future__ import annotations

from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from rebond.core.api_base import ErrorOut, Page, current_user
from rebond.domain import traps as trap_rules
from rebond.safety.guard import guard_for
from rebond.thoughts import selectors, services
from rebond.thoughts.models import ThoughtRecord

router = Router(tags=["thoughts"])

EMPTY_THOUGHT = "Write the thought you want to look at. It can't be empty."


class AnalyzeIn(Schema):
    text: Any = None
    situation: Any = None  # optional: what happened; harm or crisis words in it count as in the thought


class TrapOut(Schema):
    id: str
    name: str
    score: float
    reason: str


class CrisisOut(Schema):
    detected: bool
    harmed_by_other: bool = False
    emergency_number: str | None = None
    resources: list[dict[str, Any]] = []


class AnalyzeOut(Schema):
    traps: list[TrapOut]
    crisis: CrisisOut


class ThoughtItem(Schema):
    text: Any = None
    hot: bool = False


class EmotionItem(Schema):
    name: Any = None
    before: Any = None
    after: Any = None


class RecordIn(Schema):
    """Everything is optional while `status` is "draft"; a finished record needs at least one thought."""

    situation: Any = None
    thoughts: list[ThoughtItem] | None = None
    emotions: list[EmotionItem] | None = None
    belief_before: Any = None
    traps: list[str] | None = None
    accurate_read: bool | None = None
    evidence_for: Any = None
    evidence_against: Any = None
    balanced_thought: Any = None
    balanced_belief: Any = None
    action_plan: Any = None
    belief_after: Any = None
    status: Literal["draft", "done"] | None = None


class ThoughtOut(Schema):
    text: str
    hot: bool


class EmotionOut(Schema):
    name: str
    before: int
    after: int | None


class RecordOut(Schema):
    id: int
    status: str
    created_at: str
    situation: str
    thoughts: list[ThoughtOut]
    hot_thought: str
    emotions: list[EmotionOut]
    belief_before: int | None
    traps: list[str]
    accurate_read: bool
    evidence_for: str
    evidence_against: str
    balanced_thought: str
    balanced_belief: int | None
    action_plan: str
    belief_after: int | None


class RecordWriteOut(RecordOut):
    crisis: CrisisOut


def record_out(record: ThoughtRecord) -> dict[str, Any]:
    return {
        "id": record.pk, "status": record.status, "created_at": record.created_at.isoformat(),
        "situation": record.situation,
        "thoughts": [{"text": t.text, "hot": t.hot} for t in record.thoughts.all()],
        "hot_thought": selectors.hot_thought(record),
        "emotions": [{"name": e.name, "before": e.before, "after": e.after} for e in record.emotions.all()],
        "belief_before": record.belief_before, "traps": list(record.traps), "accurate_read": record.accurate_read,
        "evidence_for": record.evidence_for, "evidence_against": record.evidence_against,
        "balanced_thought": record.balanced_thought, "balanced_belief": record.balanced_belief,
        "action_plan": record.action_plan, "belief_after": record.belief_after,
    }


def _loc(field: str) -> list[str | int]:
    return ["body", *(int(part) if part.isdigit() else part for part in field.split("."))]


def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    from rebond.api import api

    detail = [{"loc": _loc(field), "msg": msg} for field, msgs in exc.message_dict.items() for msg in msgs]
    return api.create_response(request, {"detail": detail}, status=422)


def _record_to_change(user: Any, record_id: int) -> ThoughtRecord:
    """The caller's own record; a viewer the owner shared with gets 403 (shares are read-only), anyone else 404."""
    try:
        return selectors.record_get(user=user, record_id=record_id)
    except ThoughtRecord.DoesNotExist:
        try:
            selectors.refuse_change(user=user, record_id=record_id)
        except PermissionDenied as exc:
            raise HttpError(403, str(exc) or "This share is read-only.") from None
        except Http404:
            pass
        raise


def _changes(payload: RecordIn) -> dict[str, Any]:
    changes = payload.dict(exclude_unset=True)
    # An explicit null clears a rating or a text; for lists, booleans and the status it means "leave as it is".
    for key in ("thoughts", "emotions", "traps", "accurate_read", "status"):
        if key in changes and changes[key] is None:
            changes.pop(key)
    return changes


@router.post("/thoughts/analyze", response={200: AnalyzeOut, 422: ErrorOut})
def analyze(request: HttpRequest, payload: AnalyzeIn) -> Any:
    """All 13 thinking traps for one thought, best first, each with a short reason; and the crisis check.
    An optional `situation` is checked too: harm or crisis words in it hold back the same traps and quotes.
    Nothing is stored. Suggestions are only suggestions: choose none, some, or say it may be an accurate read."""
    user = current_user(request)
    text = payload.text
    if not isinstance(text, str):
        return _invalid(request, ValidationError({"text": ["Send the thought as text."]}))
    if not text.strip():
        return _invalid(request, ValidationError({"text": [EMPTY_THOUGHT]}))
    if len(text) > services.FREE_TEXT_LIMIT:
        return _invalid(request, ValidationError({"text": [services.TOO_LONG.format(
            limit=services.FREE_TEXT_LIMIT, length=len(text))]}))
    situation = payload.situation if payload.situation is not None else ""
    if not isinstance(situation, str):
        return _invalid(request, ValidationError({"situation": ["Send the situation as text, or leave it out."]}))
    if len(situation) > services.FREE_TEXT_LIMIT:
        return _invalid(request, ValidationError({"situation": [services.TOO_LONG.format(
            limit=services.FREE_TEXT_LIMIT, length=len(situation))]}))
    crisis = guard_for(user, text, situation)
    suggestions = trap_rules.suggest(text, context=situation)
    return Status(200, {"traps": [{"id": s.id, "name": s.name, "score": s.score, "reason": s.reason} for s in suggestions],
                 "crisis": crisis.as_payload()})


@router.get("/thoughts", response={200: Page[RecordOut], 422: ErrorOut})
def list_records(request: HttpRequest, q: str = "", trap: str = "", status: str = "", limit: int = 20,
                 offset: int = 0) -> Any:
    """Your thought records, newest first. `q` searches every word you wrote; `trap` keeps records with that trap."""
    user = current_user(request)
    if trap and not selectors.known_trap(trap):
        return _invalid(request, ValidationError({"trap": ["This is not one of the 13 thinking trap ids."]}))
    if status and status not in {"draft", "done"}:
        return _invalid(request, ValidationError({"status": ["Status is draft or done."]}))
    items, count = selectors.record_list(user=user, q=q, trap=trap, status=status or None,
                                         limit=max(1, min(limit, 100)), offset=max(0, offset))
    return Status(200, {"items": [record_out(r) for r in items], "count": count})


@router.post("/thoughts", response={201: RecordWriteOut, 422: ErrorOut})
def create_record(request: HttpRequest, payload: RecordIn) -> Any:
    """Save a thought record. `status` defaults to "done"; send "draft" to keep working on it later."""
    user = current_user(request)
    changes = _changes(payload)
    changes.setdefault("status", "done")
    try:
        record, result = services.record_save(user=user, changes=changes)
    except ValidationError as exc:
        return _invalid(request, exc)
    record = selectors.record_get(user=user, record_id=record.pk)
    return Status(201, {**record_out(record), "crisis": result.as_payload()})


@router.get("/thoughts/{record_id}", response=RecordOut)
def get_record(request: HttpRequest, record_id: int) -> dict[str, Any]:
    return record_out(selectors.record_get(user=current_user(request), record_id=record_id))


@router.patch("/thoughts/{record_id}", response={200: RecordWriteOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def update_record(request: HttpRequest, record_id: int, payload: RecordIn) -> Any:
    """Change some parts of a record. Lists (thoughts, emotions, traps) replace the whole list. Only the owner:
    someone they share with gets 403 (shares are read-only), anyone else 404."""
    user = current_user(request)
    record = _record_to_change(user, record_id)
    try:
        record, result = services.record_save(user=user, record=record, changes=_changes(payload))
    except ValidationError as exc:
        return _invalid(request, exc)
    record = selectors.record_get(user=user, record_id=record.pk)
    return Status(200, {**record_out(record), "crisis": result.as_payload()})


@router.delete("/thoughts/{record_id}", response={204: None, 403: ErrorOut, 404: ErrorOut})
def delete_record(request: HttpRequest, record_id: int) -> Any:
    user = current_user(request)
    services.record_delete(user=user, record=_record_to_change(user, record_id))
    return Status(204, None)
