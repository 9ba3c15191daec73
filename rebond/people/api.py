"""/api/v1 endpoints for people, their ledger, trust, "they said they would", repair paths and the trust ladder."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from rebond.core.api_base import Page, current_user
from rebond.people import selectors, services, words
from rebond.people.models import Annotation, LadderStep, Observation, Person, SaidStatus, TheySaid
from rebond.safety.guard import GuardResult

router = Router(tags=["people"])

KindName = Literal["promise_kept", "promise_broken", "honesty_shown", "consistency_shown", "empathy_shown",
                   "negative_observation", "honesty_breach", "apology", "amends"]
HurtName = Literal["", "no", "yes", "not_sure"]


class CrisisOut(Schema):
    detected: bool
    harmed_by_other: bool = False
    emergency_number: str | None = None
    resources: list[dict[str, Any]] = []


class PersonIn(Schema):
    name: str
    relationship: str | None = None
    hurt: HurtName | None = None


class PersonPatch(Schema):
    name: str | None = None
    relationship: str | None = None
    hurt: HurtName | None = None


class AskOut(Schema):
    # True after words about being hurt were written about this person while the answer was no (or not given),
    # until the answer is given again (PATCH /people/{id} with "hurt"); meanwhile safety_first is true too.
    ask_about_safety: bool = False


class PersonOut(AskOut):
    id: int
    name: str
    relationship: str
    hurt: str
    safety_first: bool


class PersonWriteOut(PersonOut):
    crisis: CrisisOut


class EventIn(Schema):
    on: date
    kind: KindName
    severity: float | None = None
    repairs: int | None = None
    note: str | None = None
    # The web form asks and chooses nothing for the person; here it stays optional so older clients keep working.
    from_checking: bool = Field(False, description=(
        "Did you learn this by checking their phone, messages or location? Optional: left out, it is saved as "
        "false (no). The web form asks it every time and leaves both answers unchosen."))


class AnnotationOut(Schema):
    id: int
    text: str
    created_at: Any


class EventOut(Schema):
    id: int
    on: date
    kind: str
    severity: float
    repairs: int | None
    note: str
    from_checking: bool
    retracted: bool
    retracted_at: Any
    retraction_reason: str
    counted: bool
    annotations: list[AnnotationOut]


class EventWriteOut(EventOut, AskOut):
    crisis: CrisisOut


class RetractIn(Schema):
    reason: str | None = None


class AnnotateIn(Schema):
    text: str


class AnnotationWriteOut(AnnotationOut, AskOut):
    crisis: CrisisOut


class LatelyOut(Schema):
    days: int
    kept: int
    not_kept: int
    shown: int
    hard: int
    repairs: int


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
    repair_credit: bool
    fading: bool
    words: str
    lately: LatelyOut


class SaidIn(Schema):
    text: str
    due_on: date
    made_on: date | None = None


class SaidOut(Schema):
    id: int
    person_id: int
    text: str
    made_on: date
    due_on: date
    status: str
    event_id: int | None
    day_passed: bool  # still waiting, and the day it was due is before today (a calm fact, never "overdue")


class SaidWriteOut(SaidOut, AskOut):
    crisis: CrisisOut


class ResolveIn(Schema):
    outcome: Literal["kept", "broken"]
    on: date | None = None


class RepairIn(Schema):
    stage: Literal["acknowledge", "understand", "rebuild"]
    acknowledge_note: str | None = None
    understand_note: str | None = None
    rebuild_note: str | None = None


class RepairOut(AskOut):
    breach_id: int
    stage: str
    acknowledge_note: str
    understand_note: str
    rebuild_note: str
    crisis: CrisisOut


class StepIn(Schema):
    text: str
    position: int | None = None
    anxiety_before: int | None = Field(None, ge=0, le=10)


class StepPatch(Schema):
    text: str | None = None
    position: int | None = None
    anxiety_before: int | None = Field(None, ge=0, le=10)
    anxiety_after: int | None = Field(None, ge=0, le=10)
    done_on: date | None = None


class StepOut(Schema):
    id: int
    position: int
    text: str
    anxiety_before: int | None
    anxiety_after: int | None
    done_on: date | None


class StepWriteOut(StepOut, AskOut):
    crisis: CrisisOut


def _person_out(p: Person) -> dict[str, Any]:
    return {"id": p.pk, "name": p.name, "relationship": p.relationship, "hurt": p.hurt, "safety_first": p.safety_first,
            "ask_about_safety": p.ask_about_safety}


def _written(person: Person, result: GuardResult) -> dict[str, Any]:
    """What every free-text write about a person returns beside the saved object."""
    return {"crisis": result.as_payload(), "ask_about_safety": person.ask_about_safety}


def _annotation_out(a: Annotation) -> dict[str, Any]:
    return {"id": a.pk, "text": a.text, "created_at": a.created_at}


def _event_out(o: Observation) -> dict[str, Any]:
    return {
        "id": o.pk, "on": o.on, "kind": o.kind, "severity": o.severity, "repairs": o.repairs_id, "note": o.note or "",
        "from_checking": o.from_checking, "retracted": o.retracted_at is not None, "retracted_at": o.retracted_at,
        "retraction_reason": o.retraction_reason or "", "counted": selectors.counts_in_score(o),
        "annotations": [_annotation_out(a) for a in o.annotations.all()],
    }


def _said_out(s: TheySaid, today: date) -> dict[str, Any]:
    return {"id": s.pk, "person_id": s.person_id, "text": s.text, "made_on": s.made_on, "due_on": s.due_on,
            "status": s.status, "event_id": s.observation_id,
            "day_passed": s.status == SaidStatus.PENDING and s.due_on < today}


def _step_out(s: LadderStep) -> dict[str, Any]:
    return {"id": s.pk, "position": s.position, "text": s.text, "anxiety_before": s.anxiety_before,
            "anxiety_after": s.anxiety_after, "done_on": s.done_on}


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, 200)), max(0, offset)


def _person(request: HttpRequest, person_id: int) -> tuple[Any, Person]:
    user = current_user(request)
    return user, selectors.person_get(user=user, person_id=person_id)


# --- people -------------------------------------------------------------------------------------------------------

@router.post("/people", response={201: PersonWriteOut})
def create_person(request: HttpRequest, payload: PersonIn) -> Any:
    person, result = services.person_create(user=current_user(request), name=payload.name,
                                            relationship=payload.relationship or "", hurt=payload.hurt or "")
    return Status(201, {**_person_out(person), "crisis": result.as_payload()})


@router.get("/people", response=Page[PersonOut])
def list_people(request: HttpRequest, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Alphabetical by name. People are never ranked."""
    people = selectors.person_list(user=current_user(request))
    limit, offset = _page(limit, offset)
    return {"items": [_person_out(p) for p in people[offset:offset + limit]], "count": len(people)}


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request: HttpRequest, person_id: int) -> dict[str, Any]:
    return _person_out(_person(request, person_id)[1])


@router.patch("/people/{person_id}", response=PersonWriteOut)
def update_person(request: HttpRequest, person_id: int, payload: PersonPatch) -> dict[str, Any]:
    user, person = _person(request, person_id)
    person, result = services.person_update(user=user, person=person, name=payload.name,
                                            relationship=payload.relationship, hurt=payload.hurt)
    return {**_person_out(person), "crisis": result.as_payload()}


@router.delete("/people/{person_id}", response={204: None})
def delete_person(request: HttpRequest, person_id: int) -> Any:
    user, person = _person(request, person_id)
    services.person_delete(user=user, person=person)
    return Status(204, None)


# --- the ledger ---------------------------------------------------------------------------------------------------

@router.post("/people/{person_id}/events", response={201: EventWriteOut})
def create_event(request: HttpRequest, person_id: int, payload: EventIn) -> Any:
    user, person = _person(request, person_id)
    obs, result = services.observation_add(
        user=user, person=person, on=payload.on, kind=payload.kind,
        severity=payload.severity if payload.severity is not None else 1.0,
        repairs=payload.repairs, note=payload.note, from_checking=payload.from_checking,
    )
    return Status(201, {**_event_out(obs), **_written(person, result)})


@router.get("/people/{person_id}/events", response=Page[EventOut])
def list_events(request: HttpRequest, person_id: int, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    user, person = _person(request, person_id)
    events = selectors.observation_list(user=user, person=person)
    limit, offset = _page(limit, offset)
    return {"items": [_event_out(o) for o in events[offset:offset + limit]], "count": len(events)}


@router.get("/people/{person_id}/events/{event_id}", response=EventOut)
def get_event(request: HttpRequest, person_id: int, event_id: int) -> dict[str, Any]:
    user, person = _person(request, person_id)
    return _event_out(selectors.observation_get(user=user, person=person, observation_id=event_id))


@router.post("/people/{person_id}/events/{event_id}/retract", response=EventWriteOut)
def retract_event(request: HttpRequest, person_id: int, event_id: int, payload: RetractIn) -> dict[str, Any]:
    """The append-only correction: the entry stays, marked, and leaves the score (with repairs pointing at it)."""
    user, person = _person(request, person_id)
    obs = selectors.observation_get(user=user, person=person, observation_id=event_id)
    obs, result = services.observation_retract(user=user, observation=obs, reason=payload.reason)
    return {**_event_out(obs), **_written(obs.person, result)}


@router.post("/people/{person_id}/events/{event_id}/annotations", response={201: AnnotationWriteOut})
def annotate_event(request: HttpRequest, person_id: int, event_id: int, payload: AnnotateIn) -> Any:
    user, person = _person(request, person_id)
    obs = selectors.observation_get(user=user, person=person, observation_id=event_id)
    note, result = services.observation_annotate(user=user, observation=obs, text=payload.text)
    return Status(201, {**_annotation_out(note), **_written(obs.person, result)})


@router.get("/people/{person_id}/trust", response=TrustOut)
def person_trust(request: HttpRequest, person_id: int, on: date | None = None) -> dict[str, Any]:
    user, person = _person(request, person_id)
    on = on or services.user_today(user)
    view = selectors.person_view(user=user, person=person, on=on)
    point, lately = view.score, view.lately
    return {
        "on": point.on, "estimate": point.estimate, "uncertainty": point.uncertainty, "low": point.low,
        "high": point.high, "status": point.status, "belief": point.belief, "disbelief": point.disbelief,
        "observations_needed": point.observations_needed, "repair_credit": not person.safety_first,
        "fading": view.fading, "words": words.trust_words(point, view.fading),
        "lately": {"days": selectors.LATELY_DAYS, "kept": lately.kept, "not_kept": lately.not_kept,
                   "shown": lately.shown, "hard": lately.hard, "repairs": lately.repairs},
    }


# --- "they said they would" -------------------------------------------------------------------------------------

@router.post("/people/{person_id}/said", response={201: SaidWriteOut})
def create_said(request: HttpRequest, person_id: int, payload: SaidIn) -> Any:
    user, person = _person(request, person_id)
    said, result = services.said_create(user=user, person=person, text=payload.text, due_on=payload.due_on,
                                        made_on=payload.made_on)
    return Status(201, {**_said_out(said, services.user_today(user)), **_written(person, result)})


@router.get("/people/{person_id}/said", response=Page[SaidOut])
def list_person_said(request: HttpRequest, person_id: int, status: str | None = "pending", limit: int = 50,
                     offset: int = 0) -> dict[str, Any]:
    user, person = _person(request, person_id)
    limit, offset = _page(limit, offset)
    items, count = selectors.said_page(user=user, person=person, status=status or None, limit=limit, offset=offset)
    today = services.user_today(user)
    return {"items": [_said_out(s, today) for s in items], "count": count}


@router.get("/said", response=Page[SaidOut])
def list_pending(request: HttpRequest, status: str | None = "pending", limit: int = 50, offset: int = 0
                 ) -> dict[str, Any]:
    """Everything people said they would do that is still waiting (or another status)."""
    limit, offset = _page(limit, offset)
    user = current_user(request)
    items, count = selectors.said_page(user=user, status=status or None, limit=limit, offset=offset)
    today = services.user_today(user)
    return {"items": [_said_out(s, today) for s in items], "count": count}


@router.post("/said/{said_id}/resolve", response=SaidOut)
def resolve_said(request: HttpRequest, said_id: int, payload: ResolveIn) -> dict[str, Any]:
    user = current_user(request)
    said = selectors.said_get(user=user, said_id=said_id)
    said, _ = services.said_resolve(user=user, said=said, outcome=payload.outcome, on=payload.on)
    return _said_out(said, services.user_today(user))


# --- repair paths and the ladder -----------------------------------------------------------------------------

@router.put("/people/{person_id}/events/{event_id}/repair", response=RepairOut)
def put_repair(request: HttpRequest, person_id: int, event_id: int, payload: RepairIn) -> dict[str, Any]:
    user, person = _person(request, person_id)
    breach = selectors.observation_get(user=user, person=person, observation_id=event_id)
    path, result = services.repair_update(user=user, breach=breach, stage=payload.stage,
                                          acknowledge_note=payload.acknowledge_note,
                                          understand_note=payload.understand_note, rebuild_note=payload.rebuild_note)
    return {"breach_id": breach.pk, "stage": path.stage, "acknowledge_note": path.acknowledge_note or "",
            "understand_note": path.understand_note or "", "rebuild_note": path.rebuild_note or "",
            **_written(breach.person, result)}


@router.get("/people/{person_id}/ladder", response=Page[StepOut])
def list_ladder(request: HttpRequest, person_id: int) -> dict[str, Any]:
    user, person = _person(request, person_id)
    steps = [] if person.safety_first else selectors.ladder(user=user, person=person)
    return {"items": [_step_out(s) for s in steps], "count": len(steps)}


@router.post("/people/{person_id}/ladder", response={201: StepWriteOut})
def add_step(request: HttpRequest, person_id: int, payload: StepIn) -> Any:
    user, person = _person(request, person_id)
    step, result = services.ladder_add(user=user, person=person, text=payload.text, position=payload.position,
                                       anxiety_before=payload.anxiety_before)
    return Status(201, {**_step_out(step), **_written(person, result)})


@router.patch("/people/{person_id}/ladder/{step_id}", response=StepWriteOut)
def update_step(request: HttpRequest, person_id: int, step_id: int, payload: StepPatch) -> dict[str, Any]:
    user, person = _person(request, person_id)
    step = selectors.ladder_step_get(user=user, person=person, step_id=step_id)
    step, result = services.ladder_update(user=user, step=step, changes=payload.dict(exclude_unset=True))
    return {**_step_out(step), **_written(step.person, result)}


@router.delete("/people/{person_id}/ladder/{step_id}", response={204: None})
def delete_step(request: HttpRequest, person_id: int, step_id: int) -> Any:
    user, person = _person(request, person_id)
    services.ladder_delete(user=user, step=selectors.ladder_step_get(user=user, person=person, step_id=step_id))
    return Status(204, None)
