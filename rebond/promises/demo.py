"""Demo data: about 60 days of lifelike promises and check-ins, some kept, some not, a rest or two. No crisis content."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from rebond.domain import promises as rules
from rebond.promises.models import CheckIn, Promise, Victory
from rebond.promises.services import user_today

DEMO_DAYS = 60

# (text, why, size, rule, chance kept, chance partly)
_PROMISES = [
    ("Walk for ten minutes", "Moving helps my mood, and it's mine to keep.", "small", "FREQ=DAILY", 0.8, 0.1),
    ("Drink a glass of water when I wake up", "A tiny start to the day.", "tiny", "FREQ=DAILY", 0.9, 0.0),
    ("Call my sister", "I want to stay close to her.", "small", "FREQ=WEEKLY;BYDAY=SU", 0.7, 0.0),
    ("Write three lines in my notebook", "It helps me notice what went well.", "small",
     "FREQ=WEEKLY;BYDAY=MO,WE,FR", 0.55, 0.2),
    ("Go to bed by eleven", "Sleep makes everything else easier.", "stretch", "FREQ=DAILY", 0.35, 0.15),
]
_NOTES = ["Felt good.", "Short one today.", "Did it after lunch.", "Rain, so I walked inside.", ""]
_WINS = [
    "Asked for help at work instead of staying late.",
    "Cooked a real dinner.",
    "Said no to something I didn't want to do, kindly.",
    "Went to the library and read for an hour.",
]


def build(user: Any) -> None:
    rng = random.Random(f"rebond-demo-{user.pk}")
    today = user_today(user)
    start = today - timedelta(days=DEMO_DAYS - 1)
    rows: list[CheckIn] = []
    for text, why, size, rule, p_kept, p_partial in _PROMISES:
        promise = Promise.objects.create(user=user, text=text, why=why, size=size, rrule=rule, starts_on=start)
        # A week's holiday in the middle, marked as a rest.
        holiday = range(25, 30)
        for day in rules.occurrences(rule, start, None, start, today - timedelta(days=1)):
            offset = (day - start).days
            if offset in holiday:
                rows.append(CheckIn(user=user, promise=promise, on=day, outcome="excused", reason="holiday"))
                continue
            roll = rng.random()
            if roll < 0.07:
                continue  # not every day gets a check-in; that's fine
            if roll < p_kept:
                rows.append(CheckIn(user=user, promise=promise, on=day, outcome="kept",
                                    note=rng.choice(_NOTES) or None))
            elif roll < p_kept + p_partial:
                rows.append(CheckIn(user=user, promise=promise, on=day, outcome="partial", value=0.5))
            elif roll < p_kept + p_partial + 0.05:
                rows.append(CheckIn(user=user, promise=promise, on=day, outcome="renegotiated"))
            else:
                rows.append(CheckIn(user=user, promise=promise, on=day, outcome="missed",
                                    obstacle="I was tired after work.", smaller_step="Five minutes instead."))
    CheckIn.objects.bulk_create(rows, batch_size=500)  # each note is still sealed with the person's key
    for i, text in enumerate(_WINS):
        Victory.objects.create(user=user, text=text, on=today - timedelta(days=3 + i * 11))
