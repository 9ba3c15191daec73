"""JSON API for questionnaires (/api/v1/measures/...) and the daily check-in (/api/v1/checkins/...)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Router, Schema, Status
from pydantic import Field, StrictInt

from rebond.core.api_base import ErrorOut, current_user
from rebond.domain import fhir
from rebond.measures import presenters, selectors, services
from rebond.measures.access import enabled_instrument_ids, instrument_for, response_for

router = Router(tags=["measures"])


class AnswersIn(Schema):
    answers: list[StrictInt]


class DraftIn(Schema):
    answers: list[StrictInt | None]


class ScheduleIn(Schema):
    every_days: StrictInt = 14
    active: bool = True
    starts_on: date | None = None


class CheckinIn(Schema):
    mood: StrictInt = Field(ge=1, le=5)
    safety: str
    about: str = ""
    note: str = Field(default="", max_length=5000)


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


@router.post("/measures/{instrument}", response={201: dict, 404: ErrorOut, 422: ErrorOut})
def create(request: HttpRequest, instrument: str, payload: AnswersIn) -> Any:
    """Score a complete answer set. Unfinished answers go to the draft endpoint instead."""
    user = current_user(request)
    try:
        response = services.response_create(user=user, instrument_id=instrument, answers=payload.answers)
    except services.AnswersInvalid as exc:
        return _answers_error(request, exc)
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
    return fhir.questionnaire_resource(instrument_for(instrument).id)


@router.get("/measures/{instrument}/draft", response={200: dict, 404: ErrorOut})
def get_draft(request: HttpRequest, instrument: str) -> dict[str, Any]:
    """Unfinished answers (``null`` where not answered yet)."""
    user = current_user(request)
    instrument_for(instrument)
    draft = selectors.draft_get(user=user, instrument_id=instrument)
    return {"instrument": instrument, "answers": list(draft.answers) if draft else [],
            "updated_at": draft.updated_at.isoformat() if draft else None}


@router.put("/measures/{instrument}/draft", response={200: dict, 404: ErrorOut, 422: ErrorOut})
def put_draft(request: HttpRequest, instrument: str, payload: DraftIn) -> Any:
    user = current_user(request)
    try:
        draft = services.draft_save(user=user, instrument_id=instrument, answers=payload.answers)
    except services.AnswersInvalid as exc:
        return _answers_error(request, exc)
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
    """Remind me every so many days (PHQ-9 and GAD-7: 14 days at most often)."""
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
    services.response_delete(response=response_for(user=user, instrument_id=instrument, response_id=response_id))
    return Status(204, None)


@router.get("/measures/{instrument}/{int:response_id}/fhir", response={200: dict, 404: ErrorOut})
def as_fhir(request: HttpRequest, instrument: str, response_id: int) -> dict[str, Any]:
    """This answer set as a FHIR R4 QuestionnaireResponse."""
    user = current_user(request)
    response = response_for(user=user, instrument_id=instrument, response_id=response_id)
    return fhir.questionnaire_response(
        instrument, response.answers, authored=response.taken_at, response_id=f"{instrument}-{response.pk}",
        subject_ref=None,
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
    checkin, created, result = services.checkin_save(user=user, on=on, mood=payload.mood, safety=payload.safety,
                                                     about=payload.about, note=payload.note)
    return Status(201 if created else 200, _checkin_out(user, checkin, result))


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
