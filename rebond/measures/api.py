"""JSON API for questionnaires (/api/v1/measures/...) and the daily check-in (/api/v1/checkins/...)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Router, Schema, Status
from pydantic import Field, WithJsonSchema

from rebond.core.api_base import ErrorOut, current_user
from rebond.domain import fhir
from rebond.measures import catalogue, presenters, selectors, services
from rebond.measures.access import (
    enabled_instrument_ids,
    fhir_base,
    instrument_for,
    response_for,
    response_for_change,
)

router = Router(tags=["measures"])


# Answers are documented as whole numbers but checked by the scoring module, not by pydantic, so a wrong type is a
# 422 that names the question in plain words ("Question 9 needs a whole number from 0 to 3.").
Answers = Annotated[Any, WithJsonSchema({"type": "array", "items": {"type": "integer"}})]
DraftAnswers = Annotated[Any, WithJsonSchema({"type": "array", "items": {"type": ["integer", "null"]}})]


class AnswersIn(Schema):
    answers: Answers = Field(description="One whole number for each question, in the published order.")


class DraftIn(Schema):
    answers: DraftAnswers = Field(description="One whole number for each question so far, null where not answered.")


class ScheduleIn(Schema):
    # Checked by the service, whose words say the range ("The PHQ-9 can be asked at most once every 14 days ...").
    every_days: Annotated[Any, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 365})] = 14
    active: bool = True
    starts_on: date | None = None


# The check-in's parts are checked by the service, not by pydantic: its words name the fix ("Pick how you feel, from
# 1 (very low) to 5 (very good)."), and an answer of "Not safe" or "Not sure" is saved whatever else is wrong.
Mood = Annotated[Any, WithJsonSchema({"type": ["integer", "null"], "minimum": 1, "maximum": 5})]
Choice = Annotated[Any, WithJsonSchema({"type": "string"})]
Line = Annotated[Any, WithJsonSchema({"type": "string", "maxLength": 5000})]


class CheckinIn(Schema):
    mood: Mood = Field(default=None, description="1 (very low) to 5 (very good). May be left out when not safe.")
    safety: Choice = Field(default="", description="safe, not_sure or not_safe.")
    about: Choice = Field(default="", description="myself or someone; only when not safe or not sure.")
    note: Line = ""


def _answers_error(request: HttpRequest, exc: services.AnswersInvalid) -> HttpResponse:
    loc: list[str | int] = ["body", "answers"] if exc.index is None else ["body", "answers", exc.index]
    return JsonResponse({"detail": [{"loc": loc, "msg": exc.message_text}]}, status=422)


# --- instruments ---------------------------------------------------------------------------------------------

@router.get("/instruments")
def list_instruments(request: HttpRequest) -> dict[str, Any]:
    """The questionnaires this deployment offers."""
    user = current_user(request)
    items = []
    for instrument_id in enabled_instrument_ids():
        instrument = instrument_for(instrument_id)
        schedule = selectors.schedule_get(user=user, instrument_id=instrument_id)
        items.append({
            "id": instrument.id, "title": instrument.title, "full_title": instrument.full_title,
            "about": instrument.about, "intro": instrument.intro, "content_note": instrument.content_note,
            "items": len(instrument.items), "required": instrument.required_count,
            "total_range": list(instrument.total_range), "credit": instrument.credit,
            "schedule_every_days": schedule.every_days if schedule and schedule.active else None,
        })
    return {"items": items, "count": len(items)}


# --- responses -----------------------------------------------------------------------------------------------

@router.get("/measures")
def list_all(request: HttpRequest, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Every questionnaire you have finished, newest first."""
    user = current_user(request)
    rows, count = selectors.response_list(user=user, limit=max(1, min(limit, 200)), offset=max(0, offset))
    return {"items": [presenters.response_dict(r) for r in rows], "count": count}


def _query_problem(name: str, message: str) -> HttpResponse:
    return JsonResponse({"detail": [{"loc": ["query", name], "msg": message}]}, status=422)


def _pair(user: Any, raw: str) -> selectors.Pair | None:
    """The text "<PHQ-9 id>,<GAD-7 id>" as two of the person's own results: ValueError when it isn't two ids,
    404 when one isn't theirs (or is another questionnaire's)."""
    parts = [part.strip() for part in raw.split(",")]
    if len(parts) != 2 or not all(part.isdigit() for part in parts):
        raise ValueError(raw)
    phq9, gad7 = (response_for(user=user, instrument_id=instrument_id, response_id=int(part))
                  for instrument_id, part in zip(selectors.PAIRED, parts, strict=True))
    return phq9, gad7


# Registered before /measures/{instrument} so "outcome" is never read as a questionnaire's id.
@router.get("/measures/outcome", response={200: dict, 404: ErrorOut, 422: ErrorOut})
def paired_outcome(request: HttpRequest, first: str | None = None, last: str | None = None) -> Any:
    """PHQ-9 and GAD-7 together, the NHS Talking Therapies way: case at start, reliable improvement or
    deterioration, recovery and reliable recovery. ``first`` and ``last`` are each "<PHQ-9 id>,<GAD-7 id>" of your
    own results; by default your first answers kept here against your latest."""
    user = current_user(request)
    for instrument_id in selectors.PAIRED:
        instrument_for(instrument_id)
    words = catalogue.words()["paired_problems"]
    ends: dict[str, selectors.Pair | None] = {}
    for name, raw in (("first", first), ("last", last)):
        try:
            ends[name] = _pair(user, raw) if raw else None
        except ValueError:
            return _query_problem(name, words["pair"].format(name=name))
    paired = selectors.paired_outcome_for(user=user, first=ends["first"], last=ends["last"])
    if paired is None:
        return Status(404, {"detail": words["not_yet"]})
    if any(later.taken_at < earlier.taken_at for earlier, later in zip(paired.first, paired.last, strict=True)):
        return _query_problem("last", words["order"])
    return presenters.paired_dict(paired)


def _not_today(user: Any, exc: services.NotToday) -> Any:
    """409 on a day marked unsafe (UX.md Safety), with the calm note and the help today's check-in leads to."""
    return Status(409, {"detail": exc.message, "next": presenters.checkin_next(user, exc.checkin)})


@router.post("/measures/{instrument}", response={201: dict, 404: ErrorOut, 409: dict, 422: ErrorOut})
def create(request: HttpRequest, instrument: str, payload: AnswersIn) -> Any:
    """Score a complete answer set. Unfinished answers go to the draft endpoint instead. 409 with help on a day
    your check-in said "Not safe" or "Not sure": questionnaires can wait."""
    user = current_user(request)
    try:
        response = services.response_create(user=user, instrument_id=instrument, answers=payload.answers)
    except services.AnswersInvalid as exc:
        return _answers_error(request, exc)
    except services.NotToday as exc:
        return _not_today(user, exc)
    return Status(201, presenters.response_dict(response, detail=True, user=user))


@router.get("/measures/{instrument}", response={200: dict, 404: ErrorOut})
def list_for(request: HttpRequest, instrument: str, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    user = current_user(request)
    instrument_for(instrument)
    rows, count = selectors.response_list(user=user, instrument_id=instrument, limit=max(1, min(limit, 200)),
                                          offset=max(0, offset))
    return {"items": [presenters.response_dict(r) for r in rows], "count": count}


@router.get("/measures/{instrument}/questionnaire", response={200: dict, 404: ErrorOut})
def questionnaire(request: HttpRequest, instrument: str) -> dict[str, Any]:
    """The questionnaire as a FHIR R4 Questionnaire (items, answers and their scoring weights)."""
    current_user(request)
    return fhir.questionnaire_resource(instrument_for(instrument).id, base=fhir_base())


@router.get("/measures/{instrument}/codesystem", response={200: dict, 404: ErrorOut})
def code_system(request: HttpRequest, instrument: str) -> Any:
    """The FHIR R4 CodeSystem of the questionnaire's own codes (q1, q2, ... and a0, a1, ...), used where LOINC
    has none. 404 for the PHQ-9 and GAD-7, which are coded wholly in LOINC."""
    current_user(request)
    inst = instrument_for(instrument)
    resource = fhir.code_system_resource(inst.id, base=fhir_base())
    if resource is None:
        return Status(404, {"detail": f"The {inst.title} uses LOINC codes only, so it has no local code system."})
    return resource


@router.get("/measures/{instrument}/draft", response={200: dict, 404: ErrorOut})
def get_draft(request: HttpRequest, instrument: str) -> dict[str, Any]:
    """Unfinished answers (``null`` where not answered yet)."""
    user = current_user(request)
    instrument_for(instrument)
    draft = selectors.draft_get(user=user, instrument_id=instrument)
    return {"instrument": instrument, "answers": list(draft.answers) if draft else [],
            "updated_at": draft.updated_at.isoformat() if draft else None}


@router.put("/measures/{instrument}/draft", response={200: dict, 404: ErrorOut, 409: dict, 422: ErrorOut})
def put_draft(request: HttpRequest, instrument: str, payload: DraftIn) -> Any:
    user = current_user(request)
    try:
        draft = services.draft_save(user=user, instrument_id=instrument, answers=payload.answers)
    except services.AnswersInvalid as exc:
        return _answers_error(request, exc)
    except services.NotToday as exc:
        return _not_today(user, exc)
    return {"instrument": instrument, "answers": list(draft.answers) if draft else [],
            "updated_at": draft.updated_at.isoformat() if draft else None}


@router.delete("/measures/{instrument}/draft", response={204: None, 404: ErrorOut})
def delete_draft(request: HttpRequest, instrument: str) -> Any:
    user = current_user(request)
    instrument_for(instrument)
    services.draft_discard(user=user, instrument_id=instrument)
    return Status(204, None)


@router.get("/measures/{instrument}/schedule", response={200: dict, 404: ErrorOut})
def get_schedule(request: HttpRequest, instrument: str) -> dict[str, Any]:
    user = current_user(request)
    instrument_for(instrument)
    schedule = selectors.schedule_get(user=user, instrument_id=instrument)
    if schedule is None:
        return {"instrument": instrument, "every_days": None, "active": False, "starts_on": None}
    return {"instrument": instrument, "every_days": schedule.every_days, "active": schedule.active,
            "starts_on": schedule.starts_on.isoformat()}


@router.put("/measures/{instrument}/schedule", response={200: dict, 404: ErrorOut, 422: ErrorOut})
def put_schedule(request: HttpRequest, instrument: str, payload: ScheduleIn) -> dict[str, Any]:
    """Remind me every so many days (PHQ-9 and GAD-7: at most once every 14 days)."""
    user = current_user(request)
    schedule = services.schedule_set(user=user, instrument_id=instrument, every_days=payload.every_days,
                                     active=payload.active, starts_on=payload.starts_on)
    return {"instrument": instrument, "every_days": schedule.every_days, "active": schedule.active,
            "starts_on": schedule.starts_on.isoformat()}


@router.delete("/measures/{instrument}/schedule", response={204: None, 404: ErrorOut})
def delete_schedule(request: HttpRequest, instrument: str) -> Any:
    user = current_user(request)
    instrument_for(instrument)
    services.schedule_stop(user=user, instrument_id=instrument)
    return Status(204, None)


@router.get("/measures/{instrument}/{int:response_id}", response={200: dict, 404: ErrorOut})
def detail(request: HttpRequest, instrument: str, response_id: int) -> dict[str, Any]:
    user = current_user(request)
    response = response_for(user=user, instrument_id=instrument, response_id=response_id)
    return presenters.response_dict(response, detail=True, user=user)


@router.delete("/measures/{instrument}/{int:response_id}", response={204: None, 404: ErrorOut})
def delete(request: HttpRequest, instrument: str, response_id: int) -> Any:
    user = current_user(request)
    services.response_delete(response=response_for_change(user=user, instrument_id=instrument, response_id=response_id))
    return Status(204, None)


@router.get("/measures/{instrument}/{int:response_id}/fhir", response={200: dict, 404: ErrorOut})
def as_fhir(request: HttpRequest, instrument: str, response_id: int) -> dict[str, Any]:
    """This answer set as a FHIR R4 QuestionnaireResponse."""
    user = current_user(request)
    response = response_for(user=user, instrument_id=instrument, response_id=response_id)
    return fhir.questionnaire_response(
        instrument, response.answers, authored=response.taken_at, response_id=f"{instrument}-{response.pk}",
        subject_ref=None, base=fhir_base(),
    )


# --- daily check-in ------------------------------------------------------------------------------------------

def _checkin_out(user: Any, checkin: Any, result: Any = None) -> dict[str, Any]:
    data = presenters.checkin_dict(checkin)
    data["next"] = presenters.checkin_next(user, checkin)
    if result is not None:
        data["crisis"] = result.as_payload()
    return data


@router.get("/checkins")
def list_checkins(request: HttpRequest, start: date | None = None, end: date | None = None, limit: int = 100,
                  offset: int = 0) -> dict[str, Any]:
    """Your daily check-ins, newest first."""
    user = current_user(request)
    rows, count = selectors.checkin_list(user=user, start=start, end=end, limit=max(1, min(limit, 400)),
                                         offset=max(0, offset))
    return {"items": [presenters.checkin_dict(c) for c in rows], "count": count}


@router.post("/checkins", response={200: dict, 201: dict, 422: ErrorOut})
def checkin_today(request: HttpRequest, payload: CheckinIn) -> Any:
    """Today's check-in (today where you are). Saving again the same day replaces it."""
    user = current_user(request)
    return _put_checkin(user, selectors.user_today(user), payload)


@router.put("/checkins/{on}", response={200: dict, 201: dict, 422: ErrorOut})
def put_checkin(request: HttpRequest, on: date, payload: CheckinIn) -> Any:
    return _put_checkin(current_user(request), on, payload)


def _put_checkin(user: Any, on: date, payload: CheckinIn) -> Any:
    """An answer of "Not safe" or "Not sure" always saves: ``next`` carries the help, and ``left_out`` names any
    part that couldn't be kept (a "Safe" answer with a part missing or wrong is a 422 naming it instead)."""
    saved = services.checkin_save(user=user, on=on, mood=payload.mood, safety=payload.safety, about=payload.about,
                                  note=payload.note)
    data = _checkin_out(user, saved.checkin, saved.guard)
    data["left_out"] = saved.left_out
    return Status(201 if saved.created else 200, data)


@router.get("/checkins/{on}", response={200: dict, 404: ErrorOut})
def get_checkin(request: HttpRequest, on: date) -> Any:
    user = current_user(request)
    checkin = selectors.checkin_get(user=user, on=on)
    if checkin is None:
        return Status(404, {"detail": "No check-in on that day."})
    return _checkin_out(user, checkin)


@router.delete("/checkins/{on}", response={204: None, 404: ErrorOut})
def delete_checkin(request: HttpRequest, on: date) -> Any:
    user = current_user(request)
    if not services.checkin_delete(user=user, on=on):
        return Status(404, {"detail": "No check-in on that day."})
    return Status(204, None)
