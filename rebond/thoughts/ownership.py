"""What the thoughts app exports, deletes and imports for a person."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from rebond.thoughts import services
from rebond.thoughts.models import AutomaticThought, Emotion, ThoughtRecord


def _record_dict(record: ThoughtRecord) -> dict[str, Any]:
    return {
        "status": record.status,
        "created_at": record.created_at.isoformat(),
        "situation": record.situation,
        "thoughts": [{"text": t.text, "hot": t.hot} for t in record.thoughts.all()],
        "emotions": [{"name": e.name, "before": e.before, "after": e.after} for e in record.emotions.all()],
        "belief_before": record.belief_before,
        "traps": list(record.traps),
        "accurate_read": record.accurate_read,
        "evidence_for": record.evidence_for,
        "evidence_against": record.evidence_against,
        "balanced_thought": record.balanced_thought,
        "balanced_belief": record.balanced_belief,
        "action_plan": record.action_plan,
        "belief_after": record.belief_after,
    }


def export_all(user: Any) -> dict[str, Any]:
    rows = ThoughtRecord.objects.filter(user=user).order_by("created_at", "id").prefetch_related("thoughts", "emotions")
    return {"records": [_record_dict(r) for r in rows]}


def delete_all(user: Any) -> None:
    AutomaticThought.objects.filter(user=user).delete()
    Emotion.objects.filter(user=user).delete()
    ThoughtRecord.objects.filter(user=user).delete()


IMPORTED_FIELDS = (
    "status", "situation", "thoughts", "emotions", "belief_before", "traps", "accurate_read", "evidence_for",
    "evidence_against", "balanced_thought", "balanced_belief", "action_plan", "belief_after",
)


def import_all(user: Any, data: Any) -> int:
    """Add the exported thought records to this account. Returns how many records were added."""
    if not isinstance(data, dict):
        return 0
    added = 0
    try:
        with transaction.atomic():
            for item in data.get("records") or []:
                changes = {k: item[k] for k in IMPORTED_FIELDS if k in item and item[k] is not None}
                record, _ = services.record_save(user=user, changes=changes)
                stamp = item.get("created_at")
                if isinstance(stamp, str) and stamp:
                    record.created_at = datetime.fromisoformat(stamp)
                    record.save(update_fields=["created_at"])
                added += 1
    except (TypeError, ValueError, AttributeError) as exc:
        raise ValidationError({"thoughts": ["The thought records in this file can't be read."]}) from exc
    return added
