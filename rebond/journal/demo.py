"""Demo journal entries: everyday gratitude, strengths, believable words and values. No crisis content."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from rebond.journal.models import JournalEntry, Kind
from rebond.practice.services import user_today

_ENTRIES = [
    (30, Kind.VALUES, "Think of a time you felt most like yourself. What was going on? What mattered to you then?",
     "Cooking for friends last summer. Looking after people, and being honest with them.", "", [], None),
    (21, Kind.STRENGTHS, "", "I used kindness when I checked on my neighbour.", "",
     ["kindness", "honesty", "perseverance", "curiosity", "humor"], None),
    (14, Kind.AFFIRMATIONS, "What are you learning to do, even if you are not there yet?",
     "I'm learning to ask for help before I'm exhausted.", "", [], 7),
    (6, Kind.GRATITUDE, "What is one small thing that went okay today?",
     "The bus was on time and I had a quiet coffee before work.", "", [], None),
    (2, Kind.LETTER, "What would this friend say about what you went through?",
     "You've been carrying a lot, and you kept showing up anyway. It makes sense you're tired. "
     "You're allowed to rest this weekend.", "", [], None),
]


def build(user: Any) -> None:
    today = user_today(user)
    for ago, kind, prompt, body, retelling, strengths, believable in _ENTRIES:
        JournalEntry.objects.create(user=user, kind=kind, on=today - timedelta(days=ago), prompt=prompt, body=body,
                                    retelling=retelling, strengths=strengths, believable=believable)
