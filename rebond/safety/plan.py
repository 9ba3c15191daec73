"""Safety plan services and selectors."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction

from rebond.core.fields import FREE_TEXT_LIMIT
from rebond.safety.guard import GuardResult, guard_for
from rebond.safety.models import SafetyPlan


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    prompt: str


@cache
def catalogue() -> dict[str, Any]:
    text = resources.files("rebond.content").joinpath("safety_plan.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def steps() -> list[Step]:
    return [Step(s["id"], s["title"], s["prompt"]) for s in catalogue()["steps"]]


def plan_get(*, user: Any) -> dict[str, dict[str, str]]:
    """The plan as {step id: {"text": ..., "obstacle": ...}}, with every step present."""
    plan = SafetyPlan.objects.filter(user=user).first()
    stored: dict[str, Any] = json.loads(plan.content) if plan else {}
    return {
        step.id: {"text": str(stored.get(step.id, {}).get("text", "")),
                  "obstacle": str(stored.get(step.id, {}).get("obstacle", ""))}
        for step in steps()
    }


FROM_PROMISE = "promise"


def from_promise_url() -> str:
    """The plan page opened at its first empty step with a short note (catalogue "from_promise"): where a promise
    about staying safe leads instead of being tracked."""
    from django.urls import reverse

    return f"{reverse('safety:plan')}?from={FROM_PROMISE}#start-here"


def first_open_step(plan: dict[str, dict[str, str]]) -> str:
    """Where to start working on a plan: the first step with nothing written yet, else the first step."""
    order = [step.id for step in steps()]
    return next((step_id for step_id in order if not plan.get(step_id, {}).get("text", "").strip()), order[0])


def plan_save(*, user: Any, entries: dict[str, dict[str, str]]) -> GuardResult:
    known = {step.id for step in steps()}
    errors: dict[str, list[str]] = {}
    clean: dict[str, dict[str, str]] = {}
    for step_id, entry in entries.items():
        if step_id not in known:
            errors[step_id] = ["This is not a step of the safety plan."]
            continue
        clean[step_id] = {}
        for part in ("text", "obstacle"):
            value = str(entry.get(part, "") or "").strip()
            if len(value) > FREE_TEXT_LIMIT:
                errors[f"{step_id}.{part}"] = [f"Please keep this to {FREE_TEXT_LIMIT:,} characters."]
            clean[step_id][part] = value
    if errors:
        raise ValidationError(errors)
    # The guard runs first, on everything written, before the plan is stored.
    result = guard_for(user, *(v for entry in clean.values() for v in entry.values()))
    with transaction.atomic():
        current = plan_get(user=user)
        current.update(clean)
        plan, _ = SafetyPlan.objects.select_for_update().get_or_create(user=user)
        plan.content = json.dumps(current, ensure_ascii=False)
        plan.save()
    return result


def export_plan(user: Any) -> dict[str, Any]:
    return plan_get(user=user) if SafetyPlan.objects.filter(user=user).exists() else {}


def delete_plan(user: Any) -> None:
    SafetyPlan.objects.filter(user=user).delete()


def import_plan(user: Any, data: Any) -> int:
    if not isinstance(data, dict) or not data:
        return 0
    entries = {k: v for k, v in data.items() if isinstance(v, dict)}
    plan_save(user=user, entries=entries)
    return 1
