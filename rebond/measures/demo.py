"""Demo data: four months of PHQ-9, GAD-7 and WHO-5 showing reliable improvement, and 60 days of
calm daily check-ins. No crisis content: PHQ-9 item 9 is always "Not at all" and every day is "Safe".
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from rebond.measures import selectors, services
from rebond.measures.access import enabled_instrument_ids

# Totals every two weeks, oldest first: a slow, uneven climb out.
PHQ9_TOTALS = [16, 15, 15, 13, 12, 11, 9, 8, 7]
GAD7_TOTALS = [13, 13, 12, 11, 9, 9, 7, 6, 5]
WHO5_RAW = [8, 9, 9, 11, 12, 13, 14, 15, 16]
NOTES = ["Walked by the river.", "Long day at work.", "Called my sister.", "Slept better.",
         "Cooked something new.", "Quiet evening.", "Kept my small promise."]


def spread(total: int, count: int, most: int, *, keep_zero: tuple[int, ...] = ()) -> list[int]:
    """``count`` answers from 0 to ``most`` adding up to ``total``; positions in ``keep_zero`` stay 0."""
    answers = [0] * count
    slots = [i for i in range(count) if i not in keep_zero]
    left = total
    while left > 0:
        for i in slots:
            if left and answers[i] < most:
                answers[i] += 1
                left -= 1
    return answers


def build(user: Any) -> None:
    enabled = set(enabled_instrument_ids())
    today = selectors.user_today(user)
    zone = selectors.user_zone(user)
    first = today - timedelta(days=14 * (len(PHQ9_TOTALS) - 1) + 2)
    for step, (phq, gad, who) in enumerate(zip(PHQ9_TOTALS, GAD7_TOTALS, WHO5_RAW, strict=True)):
        day = first + timedelta(days=14 * step)
        at = datetime.combine(day, time(19, 30), tzinfo=zone)
        answer_sets = {"phq9": spread(phq, 9, 3, keep_zero=(8,)), "gad7": spread(gad, 7, 3), "who5": spread(who, 5, 5)}
        for order, (instrument_id, answers) in enumerate(answer_sets.items()):
            if instrument_id in enabled:
                services.response_create(user=user, instrument_id=instrument_id, answers=answers,
                                         taken_at=at + timedelta(minutes=4 * order), answered_now=False)
    for instrument_id in ("phq9", "gad7"):
        if instrument_id in enabled:
            services.schedule_set(user=user, instrument_id=instrument_id, every_days=14, starts_on=first)
    for back in range(60, 0, -1):
        day = today - timedelta(days=back)
        if back % 9 == 4:  # some days are skipped, as in life
            continue
        mood = min(5, max(1, 2 + (60 - back) // 20 + (1 if back % 5 == 0 else 0) - (1 if back % 7 == 3 else 0)))
        note = NOTES[back % len(NOTES)] if back % 3 == 0 else ""
        services.checkin_save(user=user, on=day, mood=mood, safety="safe", note=note)
