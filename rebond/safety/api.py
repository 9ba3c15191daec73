from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from rebond.core.api_base import ErrorOut, current_user
from rebond.safety import plan as plan_service
from rebond.safety.guard import GuardResult

router = Router(tags=["safety"])


class StepIn(Schema):
    text: str = Field(default="", max_length=5000)
    obstacle: str = Field(default="", max_length=5000)


class CheckIn(Schema):
    text: str = Field(min_length=1, max_length=5000)


@router.get("/safety-plan")
def get_plan(request: HttpRequest) -> dict[str, Any]:
    """Your safety plan, every step present (empty where not written yet)."""
    return {"steps": plan_service.plan_get(user=current_user(request))}


class PlanIn(Schema):
    steps: dict[str, StepIn]


@router.put("/safety-plan", response={200: dict, 422: ErrorOut})
def put_plan(request: HttpRequest, payload: PlanIn) -> dict[str, Any]:
    """Save some or all steps (`{"steps": {"coping": {"text": ..., "obstacle": ...}}}`).
    The response carries the crisis check's result beside the plan."""
    user = current_user(request)
    result = plan_service.plan_save(user=user, entries={k: v.model_dump() for k, v in payload.steps.items()})
    return {"steps": plan_service.plan_get(user=user), "crisis": result.as_payload()}


@router.get("/help", auth=None)
def help_lines(request: HttpRequest, region: str | None = None) -> dict[str, Any]:
    """Crisis lines for a region (no sign-in needed)."""
    from rebond.domain import helplines

    code = (region or "").upper() or None
    return {"region": code, "emergency_number": helplines.emergency_number(code),
            "resources": GuardResult(detected=True, region=code).resources()}
