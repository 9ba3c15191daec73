"""Three months of one person's record, as a busy client of a clinician might have it: the data behind the session
summary's benchmark (bench/care_summary.py) and its one-page print test (tests/care/test_print.py).

    three_months(person, clinician, days=90, promises=5)

Daily promises with check-ins; the PHQ-9, GAD-7 and WHO-5 every two weeks; a thought record every few days, finished,
with about a third chosen for summaries (one of them long); and weekly homework of every kind from the clinician,
who must already have a share. Everything goes through rebond's services except the check-ins (bulk, for speed).
No crisis content.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

# Lifelike records: (situation, hot thought, traps, balanced thought). Written for this benchmark.
THOUGHTS = [
    ("My friend didn't answer my message all day.", "She must be tired of me.", ["mind_reading"],
     "She has a new job and long days. I can ask how her week went."),
    ("I was late to the team meeting.", "I always mess things up.", ["overgeneralizing", "all_or_nothing"],
     "I was late once this month. I told them why and caught up."),
    ("My sister forgot my birthday.", "Nobody really cares about me.", ["overgeneralizing", "mind_reading"],
     "Three friends called me that day. She has a lot going on, and I can tell her it hurt."),
    ("I skipped my walk again.", "I should be able to do one simple thing.", ["should_statements"],
     "It rained and I slept badly. A short walk tomorrow still counts."),
    ("My manager asked to talk on Friday.", "I'm going to lose my job.", ["fortune_telling", "catastrophizing"],
     "She asks everyone for a chat each month. My last review was good."),
    ("I cried at the shop when the card didn't work.", "I'm a mess.", ["labeling", "emotional_reasoning"],
     "I was tired and embarrassed. Feeling a mess is not the same as being one."),
]
LONG_BALANCED = (
    "When I look at the whole week, and not only the one evening that went badly, I can see more than one story. "
    "I kept the promise to call my brother, I went to two of my three walks, and I told my friend honestly that I "
    "needed a quiet weekend instead of saying yes and then cancelling. The evening I snapped at my partner was real, "
    "and I said sorry the next morning and we talked about it calmly. One hard evening does not wipe out everything "
    "else I did. I can keep the evidence in view, write the small wins down as they happen, and bring this pattern "
    "to my next session, where we can look at what makes the evenings harder than the mornings for me right now."
)
HOMEWORK = [("thought_records", 2, ""), ("grounding", 1, ""), ("questionnaire", 1, "gad7"),
            ("boundary_script", 1, ""), ("promise_practice", 3, "")]


def three_months(person: Any, clinician: Any, *, days: int = 90, promises: int = 5) -> dict[str, int]:
    """Write the record and return how much of each kind there is."""
    from django.utils import timezone

    from rebond.care import services as care
    from rebond.measures import services as measures
    from rebond.promises.models import CheckIn, Promise
    from rebond.promises.services import user_today
    from rebond.thoughts import services as thoughts

    today = user_today(person)
    start = today - timedelta(days=days)
    now = timezone.now()
    checkins = []
    for i in range(promises):
        promise = Promise.objects.create(user=person, text=f"Promise {i}", rrule="FREQ=DAILY", starts_on=start)
        checkins += [CheckIn(user=person, promise=promise, on=start + timedelta(days=d),
                             outcome="kept" if (d + i) % 4 else "missed") for d in range(days)]
    CheckIn.objects.bulk_create(checkins, batch_size=2000)
    taken = 0
    for n, d in enumerate(range(0, days, 14)):
        at = now - timedelta(days=days - d)
        better = min(n, 3)  # a little better as the weeks go by
        measures.response_create(user=person, instrument_id="phq9", answers=[2 - better // 2] * 8 + [0], taken_at=at)
        measures.response_create(user=person, instrument_id="gad7", answers=[2 - better // 2] * 7, taken_at=at)
        measures.response_create(user=person, instrument_id="who5", answers=[2 + better // 2] * 5, taken_at=at)
        taken += 3
    records = []
    for n, d in enumerate(range(2, days, 3)):
        situation, thought, traps, balanced = THOUGHTS[n % len(THOUGHTS)]
        record, _ = thoughts.record_save(user=person, changes={
            "situation": situation, "thoughts": [{"text": thought, "hot": True}], "traps": traps,
            "belief_before": 70 + n % 3 * 5, "balanced_thought": LONG_BALANCED if n % 10 == 9 else balanced,
            "belief_after": 35 + n % 4 * 5, "status": "done"})
        record.created_at = now - timedelta(days=days - d, hours=2)
        record.save(update_fields=["created_at"])
        records.append(record.pk)
    care.summary_thoughts_replace(user=person, record_ids=records[::3] + records[-2:])
    given = 0
    for n, d in enumerate(range(7, days + 7, 7)):
        kind, count, instrument = HOMEWORK[n % len(HOMEWORK)]
        care.homework_assign(clinician=clinician, owner=person, kind=kind, count=count, instrument=instrument,
                             assigned_on=start + timedelta(days=d - 7), due_on=start + timedelta(days=d),
                             note="Bring it to our next session.")
        given += 1
    return {"checkins": len(checkins), "questionnaires": taken, "thought_records": len(records), "homework": given}
