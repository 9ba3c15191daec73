"""Demo data: a few finished thought records over the last weeks, and one left unfinished. No crisis content."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from rebond.thoughts import services

_RECORDS: list[tuple[int, dict[str, Any]]] = [
    (34, {
        "situation": "My friend Maya didn't answer my message all weekend.",
        "thoughts": [{"text": "She must be angry with me.", "hot": True},
                     {"text": "I always push people away.", "hot": False}],
        "emotions": [{"name": "Worried", "before": 75, "after": 40}, {"name": "Lonely", "before": 60, "after": 45}],
        "belief_before": 80, "traps": ["mind_reading", "overgeneralizing"],
        "evidence_for": "She usually answers within a day.",
        "evidence_against": "She told me she was going camping. There is no signal there. Last time she was quiet, she was just busy.",
        "balanced_thought": "She is probably away or busy. I can ask how her weekend was without guessing.",
        "balanced_belief": 70, "belief_after": 30, "status": "done",
    }),
    (22, {
        "situation": "I forgot to send the report my manager asked for.",
        "thoughts": [{"text": "I'm useless at this job.", "hot": True}],
        "emotions": [{"name": "Ashamed", "before": 80, "after": 50}],
        "belief_before": 70, "traps": ["labeling", "all_or_nothing"],
        "evidence_for": "I did forget it, and she had to remind me.",
        "evidence_against": "I have sent every other report on time this month. My last review was good.",
        "balanced_thought": "I made one mistake and fixed it the same day. That's part of doing a job, not proof I'm useless.",
        "balanced_belief": 65, "belief_after": 25, "status": "done",
    }),
    (12, {
        "situation": "I skipped my walk three days in a row.",
        "thoughts": [{"text": "I should be able to stick to one simple thing.", "hot": True}],
        "emotions": [{"name": "Frustrated", "before": 65, "after": 35}, {"name": "Tired", "before": 55, "after": 50}],
        "belief_before": 75, "traps": ["should_statements"],
        "evidence_for": "I did plan to walk every day.",
        "evidence_against": "I've been sleeping badly and it rained. I walked four times the week before.",
        "balanced_thought": "It was a hard few days. A shorter walk tomorrow is a fine way back.",
        "balanced_belief": 75, "belief_after": 35, "status": "done",
    }),
    (5, {
        "situation": "My brother said he'd help me move and then cancelled the day before.",
        "thoughts": [{"text": "I can't count on him for anything.", "hot": True}],
        "emotions": [{"name": "Let down", "before": 70, "after": 55}],
        "belief_before": 65, "traps": [], "accurate_read": True,
        "evidence_for": "This is the third time this year he cancelled on something he offered.",
        "evidence_against": "He did help with my car in the spring.",
        "action_plan": "Ask a friend as a backup for moving day. Tell him calmly that the late cancels are hard for me.",
        "belief_after": 55, "status": "done",
    }),
    (1, {
        "situation": "Someone at the meeting laughed after I spoke.",
        "thoughts": [{"text": "Everyone thinks I'm stupid.", "hot": True}],
        "emotions": [{"name": "Embarrassed", "before": 70}],
        "belief_before": 60, "status": "draft",
    }),
]


def build(user: Any) -> None:
    now = timezone.now()
    for days_ago, changes in _RECORDS:
        record, _ = services.record_save(user=user, changes=changes)
        record.created_at = now - timedelta(days=days_ago, hours=3)
        record.save(update_fields=["created_at"])
