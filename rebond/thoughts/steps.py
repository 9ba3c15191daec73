"""The stepper's steps: their words (content/thought_record.yaml) and how each step's form becomes changes.

`parse(step, post, record, draft=...)` returns (changes for services.record_save, form-field names for error keys).
Drafts are lenient: a half-filled feeling row (a name without a rating yet) is left out instead of refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from django.http import QueryDict

from rebond.thoughts.models import ThoughtRecord

EXTRA_ROWS = 2
SWITCHES = ("accurate", "reframe")  # the balance step's "go" values that switch between a plan and a reframe
MIN_THOUGHT_ROWS = 3
MIN_EMOTION_ROWS = 3


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    question: str
    help: str
    number: int


@cache
def catalogue() -> dict[str, Any]:
    text = resources.files("rebond.content").joinpath("thought_record.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def all_steps() -> list[Step]:
    return [Step(s["id"], s["title"], s["question"], s["help"], i + 1) for i, s in enumerate(catalogue()["steps"])]


def calm_note() -> dict[str, str]:
    """The words shown instead of ranked trap suggestions when the crisis check fires on the record's words."""
    note: dict[str, str] = next(s for s in catalogue()["steps"] if s["id"] == "traps")["calm_note"]
    return note


def step_for(step_id: str) -> Step | None:
    return next((s for s in all_steps() if s.id == step_id), None)


def neighbours(step: Step) -> tuple[Step | None, Step | None]:
    steps = all_steps()
    i = step.number - 1
    return (steps[i - 1] if i > 0 else None), (steps[i + 1] if i + 1 < len(steps) else None)


def thought_rows(record: ThoughtRecord) -> list[dict[str, Any]]:
    rows = [{"text": t.text, "hot": t.hot} for t in record.thoughts.all()]
    target = max(MIN_THOUGHT_ROWS, len(rows) + 1)
    while len(rows) < target:
        rows.append({"text": "", "hot": False})
    return rows


def emotion_rows(record: ThoughtRecord) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [{"name": e.name, "before": e.before, "after": e.after} for e in record.emotions.all()]
    target = max(MIN_EMOTION_ROWS, len(rows) + 1)
    while len(rows) < target:
        rows.append({"name": "", "before": None, "after": None})
    return rows


def _indices(post: QueryDict, prefix: str) -> list[int]:
    found = set()
    for key in post:
        if key.startswith(prefix):
            head = key[len(prefix):].split("-")[0]
            if head.isdigit():
                found.add(int(head))
    return sorted(found)


def parse(step_id: str, post: QueryDict, record: ThoughtRecord, *, draft: bool) -> tuple[dict[str, Any], dict[str, str]]:
    """Changes for this step, and a map from service error keys to this form's field names."""
    names: dict[str, str] = {}
    if step_id == "situation":
        return {"situation": post.get("situation", "")}, names
    if step_id == "thoughts":
        thoughts: list[dict[str, Any]] = []
        hot_row = post.get("hot", "")
        for row in _indices(post, "thought-"):
            text = post.get(f"thought-{row}", "").strip()
            if not text:
                continue
            names[f"thoughts.{len(thoughts)}.text"] = f"thought-{row}"
            thoughts.append({"text": text, "hot": hot_row == str(row)})
        return {"thoughts": thoughts}, names
    if step_id == "feelings":
        earlier = {e.name.casefold(): e.after for e in record.emotions.all()}
        emotions: list[dict[str, Any]] = []
        for row in _indices(post, "emotion-"):
            name = post.get(f"emotion-{row}-name", "").strip()
            before = post.get(f"emotion-{row}-before", "").strip()
            if not name and not before:
                continue
            if draft and (not name or not before.isdigit() or int(before) > 100):
                continue
            names[f"emotions.{len(emotions)}.name"] = f"emotion-{row}-name"
            names[f"emotions.{len(emotions)}.before"] = f"emotion-{row}-before"
            emotions.append({"name": name, "before": before or None, "after": earlier.get(name.casefold())})
        return {"emotions": emotions}, names
    if step_id == "belief":
        return {"belief_before": post.get("belief_before", "")}, names
    if step_id == "traps":
        return {"traps": post.getlist("trap"), "accurate_read": post.get("accurate_read") == "on"}, names
    if step_id == "evidence":
        # Weighing the evidence is where a thought may turn out to fit the facts, so "accurate read" is asked here too.
        return {"evidence_for": post.get("evidence_for", ""), "evidence_against": post.get("evidence_against", ""),
                "accurate_read": post.get("accurate_read") == "on"}, names
    if step_id == "balance":
        balance: dict[str, Any] = (
            {"action_plan": post.get("action_plan", "")} if record.accurate_read
            else {"balanced_thought": post.get("balanced_thought", ""),
                  "balanced_belief": post.get("balanced_belief", "")})
        # The buttons that switch between a plan ("this may be an accurate read") and a balanced thought.
        if post.get("go") in SWITCHES:
            balance["accurate_read"] = post.get("go") == "accurate"
        return balance, names
    if step_id == "rerate":
        rerated: list[dict[str, Any]] = []
        for i, e in enumerate(record.emotions.all()):
            after = post.get(f"emotion-{i}-after", "").strip()
            names[f"emotions.{i}.after"] = f"emotion-{i}-after"
            rerated.append({"name": e.name, "before": e.before, "after": after or None})
        changes: dict[str, Any] = {"belief_after": post.get("belief_after", "")}
        if rerated:
            changes["emotions"] = rerated
        return changes, names
    return {}, names


def field_errors(message_dict: dict[str, list[str]], names: dict[str, str]) -> dict[str, str]:
    """Service errors keyed by this form's field names (unknown keys stay as they are)."""
    return {names.get(key, key): " ".join(messages) for key, messages in message_dict.items()}
