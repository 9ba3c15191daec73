"""Writes for thought records. Every free-text write is guarded (rebond.safety.guard) before it is stored.

`record_save` takes partial changes, so the web stepper, the server-side draft, the API and the CLI share it:
    situation, thoughts [{"text", "hot"}], emotions [{"name", "before", "after"}], belief_before, traps,
    accurate_read, evidence_for, evidence_against, balanced_thought, balanced_belief, action_plan, belief_after, status.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rebond.core.fields import FREE_TEXT_LIMIT
from rebond.domain.traps import TRAP_IDS
from rebond.safety.guard import GuardResult, guard_for
from rebond.thoughts.models import AutomaticThought, Emotion, Status, ThoughtRecord

TEXT_FIELDS = ("situation", "evidence_for", "evidence_against", "balanced_thought", "action_plan")
RATING_FIELDS = ("belief_before", "belief_after", "balanced_belief")
EMOTION_NAME_LIMIT = 200
MAX_THOUGHTS = 10
MAX_EMOTIONS = 10

TOO_LONG = "Please keep this to {limit:,} characters or fewer. It has {length:,} now."
RATING_RANGE = "Use a number from 0 to 100."


def _text(value: Any, field: str, errors: dict[str, list[str]], limit: int = FREE_TEXT_LIMIT) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        errors[field] = ["This needs to be text."]
        return ""
    value = value.strip()
    if len(value) > limit:
        errors[field] = [TOO_LONG.format(limit=limit, length=len(value))]
    return value


def _rating(value: Any, field: str, errors: dict[str, list[str]], *, required: bool = False) -> int | None:
    if value is None or value == "":
        if required:
            errors[field] = ["Rate how strong it was, from 0 to 100."]
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        errors[field] = [RATING_RANGE]
        return None
    if isinstance(value, bool) or not 0 <= number <= 100 or (isinstance(value, float) and value != number):
        errors[field] = [RATING_RANGE]
        return None
    return number


def _thoughts(value: Any, errors: dict[str, list[str]]) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        errors["thoughts"] = ["Send the thoughts as a list."]
        return []
    if len(value) > MAX_THOUGHTS:
        errors["thoughts"] = [f"Keep it to {MAX_THOUGHTS} thoughts. The one that stings most is enough."]
        return []
    clean: list[dict[str, Any]] = []
    for i, item in enumerate(value):
        item = item if isinstance(item, Mapping) else {"text": item}
        text = _text(item.get("text"), f"thoughts.{i}.text", errors)
        if not text and f"thoughts.{i}.text" not in errors:
            errors[f"thoughts.{i}.text"] = ["A thought can't be empty. Write it down, or leave it out."]
        clean.append({"text": text, "hot": bool(item.get("hot"))})
    hot = sum(1 for item in clean if item["hot"])
    if hot > 1:
        errors["thoughts"] = ["Mark just one thought as the hot one: the one that stings most."]
    elif clean and hot == 0:
        clean[0]["hot"] = True
    return clean


def _emotions(value: Any, errors: dict[str, list[str]]) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        errors["emotions"] = ["Send the feelings as a list."]
        return []
    if len(value) > MAX_EMOTIONS:
        errors["emotions"] = [f"Keep it to {MAX_EMOTIONS} feelings."]
        return []
    clean: list[dict[str, Any]] = []
    for i, item in enumerate(value):
        if not isinstance(item, Mapping):
            errors[f"emotions.{i}"] = ["Each feeling needs a name and how strong it was."]
            continue
        name = _text(item.get("name"), f"emotions.{i}.name", errors, limit=EMOTION_NAME_LIMIT)
        if not name and f"emotions.{i}.name" not in errors:
            errors[f"emotions.{i}.name"] = ["Name the feeling, like sad, scared or angry."]
        before = _rating(item.get("before"), f"emotions.{i}.before", errors, required=True)
        after = _rating(item.get("after"), f"emotions.{i}.after", errors)
        clean.append({"name": name, "before": before, "after": after})
    return clean


def _traps(value: Any, errors: dict[str, list[str]]) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        errors["traps"] = ["Send the traps as a list of trap ids."]
        return []
    unknown = [t for t in value if t not in TRAP_IDS]
    if unknown:
        errors["traps"] = [f"{unknown[0]!r} is not one of the 13 thinking traps. The Traps page lists them."]
        return []
    return [t for t in TRAP_IDS if t in set(value)]


def clean_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Check and tidy partial changes. Raises ValidationError naming each field at fault."""
    errors: dict[str, list[str]] = {}
    clean: dict[str, Any] = {}
    for key, value in changes.items():
        if key in TEXT_FIELDS:
            clean[key] = _text(value, key, errors)
        elif key in RATING_FIELDS:
            clean[key] = _rating(value, key, errors)
        elif key == "thoughts":
            clean[key] = _thoughts(value, errors)
        elif key == "emotions":
            clean[key] = _emotions(value, errors)
        elif key == "traps":
            clean[key] = _traps(value, errors)
        elif key == "accurate_read":
            clean[key] = bool(value)
        elif key == "status":
            if value not in Status.values:
                errors["status"] = ["Status is draft or done."]
            clean[key] = value
        else:
            errors[key] = ["rebond doesn't know this part of a thought record."]
    if errors:
        raise ValidationError(errors)
    return clean


def _texts(clean: Mapping[str, Any]) -> list[str]:
    texts = [clean[k] for k in TEXT_FIELDS if clean.get(k)]
    texts += [t["text"] for t in clean.get("thoughts", [])]
    texts += [e["name"] for e in clean.get("emotions", [])]
    return texts


def record_save(*, user: Any, record: ThoughtRecord | None = None,
                changes: Mapping[str, Any]) -> tuple[ThoughtRecord, GuardResult]:
    """Create (record=None) or update a thought record with partial `changes`; the guard's result comes back."""
    clean = clean_changes(changes)
    # The crisis check runs first, on everything written, before anything is stored (UX.md, Safety).
    result = guard_for(user, *_texts(clean))
    with transaction.atomic():
        if record is None:
            record = ThoughtRecord(user=user)
        elif record.user_id != user.pk:
            raise ThoughtRecord.DoesNotExist
        else:
            # One writer at a time per record: a draft save and a step save arriving together must not both
            # replace the thoughts and leave two copies.
            list(ThoughtRecord.objects.select_for_update().filter(pk=record.pk).values_list("pk", flat=True))
        for key in (*TEXT_FIELDS, *RATING_FIELDS, "traps", "accurate_read", "status"):
            if key in clean:
                setattr(record, key, clean[key])
        has_thought = bool(clean["thoughts"]) if "thoughts" in clean else (
            record.pk is not None and record.thoughts.exists())
        if record.status == Status.DONE and not has_thought:
            raise ValidationError({"thoughts": ["Write down the thought that went through your mind first."]})
        record.full_clean(exclude=["user"])
        record.save()
        if "thoughts" in clean:
            record.thoughts.all().delete()
            for i, item in enumerate(clean["thoughts"]):
                AutomaticThought.objects.create(user=user, record=record, position=i, text=item["text"], hot=item["hot"])
        if "emotions" in clean:
            record.emotions.all().delete()
            for i, item in enumerate(clean["emotions"]):
                Emotion.objects.create(user=user, record=record, position=i, name=item["name"],
                                       before=item["before"], after=item["after"])
    return record, result


def record_start(*, user: Any) -> ThoughtRecord:
    """A fresh draft to fill in step by step. An untouched draft is reused, so abandoned starts don't pile up."""
    for draft in ThoughtRecord.objects.filter(user=user, status=Status.DRAFT).order_by("-id")[:5]:
        if _untouched(draft):
            draft.created_at = timezone.now()
            draft.save(update_fields=["created_at"])
            return draft
    record = ThoughtRecord(user=user)
    record.full_clean(exclude=["user"])
    record.save()
    return record


def _untouched(record: ThoughtRecord) -> bool:
    return (not any(getattr(record, k) for k in TEXT_FIELDS) and not record.traps
            and all(getattr(record, k) is None for k in RATING_FIELDS)
            and not record.thoughts.exists() and not record.emotions.exists())


def record_finish(*, user: Any, record: ThoughtRecord) -> ThoughtRecord:
    record, _ = record_save(user=user, record=record, changes={"status": Status.DONE})
    return record


def record_delete(*, user: Any, record: ThoughtRecord) -> None:
    if record.user_id != user.pk:
        raise ThoughtRecord.DoesNotExist
    with transaction.atomic():
        record.thoughts.all().delete()
        record.emotions.all().delete()
        record.delete()
