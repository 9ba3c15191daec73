"""A demo boundary with a short log. No crisis content."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from rebond.boundaries import services
from rebond.people.services import user_today


def build(user: Any) -> None:
    today = user_today(user)
    boundary, _ = services.boundary_save(user=user, data={
        "what": "I don't answer work messages after 8 in the evening.",
        "why": "My evenings are for rest. I sleep better and I'm kinder the next day.",
        "how": "I'll reply in the morning. I'm offline after eight.",
        "describe": "Messages have been coming in late most nights this month.",
        "express": "I feel tired and on edge when I check them.",
        "assert_need": "I'm asking that anything after eight waits until morning.",
        "reinforce": "I'll be sharper and quicker in the morning.",
        "mindful": "If it's raised again: I hear you, and I'll reply in the morning.",
        "confident": "Short and calm, no long explanation.",
        "negotiate": "For a real emergency, a phone call is okay.",
    })
    for days, outcome, whom in ((20, "communicated", "My team lead"), (14, "held", "My team lead"),
                                (9, "crossed", "A colleague"), (3, "held", "A colleague")):
        services.log_add(user=user, boundary=boundary, outcome=outcome, on=today - timedelta(days=days), with_whom=whom)
