"""Which one practice Today suggests, and why, from plain facts about the last few days.

Pure: no Django, no clock. The caller gathers the facts (from whichever apps are installed) and passes them in.
The order matters: calming a body in high distress comes before anything else, then a boundary that was crossed,
then a promise that was not kept. With nothing recent, a short breathing practice keeps the skill fresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

GROUNDING = "grounding-5-4-3-2-1"
BOUNDARY_SCRIPT = "boundary-script"
SELF_COMPASSION = "self-compassion-break"
PACED_BREATHING = "paced-breathing"

SLUGS = frozenset({GROUNDING, BOUNDARY_SCRIPT, SELF_COMPASSION, PACED_BREATHING})

# "Lately" for every fact: today and the two days before, so a miss, a crossed boundary and a hard day all fade
# from the suggestion after the same time.
RECENT_DAYS = 3


def recent_since(today: date) -> date:
    """The first day that counts as recent (today counts too)."""
    return today - timedelta(days=RECENT_DAYS - 1)

# What set the suggestion off. Each has its own reason, so the words say what actually happened.
HARD_CHECKIN = "hard-checkin"
HARD_PRACTICE = "hard-practice"
HARD_BOTH = "hard-checkin-and-practice"
BOUNDARY = "boundary-crossed"
MISSED = "promise-missed"
QUIET = "nothing-recent"

_GROUNDING_HELPS = "Grounding can help your body feel the here and now."
REASONS = {
    HARD_CHECKIN: f"A check-in in the last few days said things are hard. {_GROUNDING_HELPS}",
    HARD_PRACTICE: f"After a recent practice, your distress was still high. {_GROUNDING_HELPS}",
    HARD_BOTH: f"A recent check-in said things are hard, and a practice left your distress high. {_GROUNDING_HELPS}",
    BOUNDARY: "A boundary was crossed lately. Planning the words ahead can make the next talk easier.",
    MISSED: "A promise didn't happen lately. That happens to everyone. A few kind minutes can help you "
            "choose the next small step.",
    QUIET: "Practising on a calm day makes it easier to use on a hard one.",
}
SLUG_FOR = {HARD_CHECKIN: GROUNDING, HARD_PRACTICE: GROUNDING, HARD_BOTH: GROUNDING, BOUNDARY: BOUNDARY_SCRIPT,
            MISSED: SELF_COMPASSION, QUIET: PACED_BREATHING}


@dataclass(frozen=True)
class Facts:
    """What happened lately. Every field is a plain yes/no, so any installed app can fill in its part."""

    hard_checkin: bool = False  # a check-in with a low mood in the last few days
    hard_practice: bool = False  # the person's own rating of 8+ after a practice in the last few days
    boundary_crossed: bool = False
    promise_missed: bool = False
    boundary_script_available: bool = True

    @property
    def high_distress(self) -> bool:
        return self.hard_checkin or self.hard_practice


@dataclass(frozen=True)
class Suggestion:
    slug: str
    reason: str
    trigger: str


def trigger(facts: Facts) -> str:
    """Which fact decides. The order matters: a body in high distress first, then a crossed boundary, then a miss."""
    if facts.hard_checkin and facts.hard_practice:
        return HARD_BOTH
    if facts.hard_checkin:
        return HARD_CHECKIN
    if facts.hard_practice:
        return HARD_PRACTICE
    if facts.boundary_crossed and facts.boundary_script_available:
        return BOUNDARY
    if facts.promise_missed:
        return MISSED
    return QUIET


def suggest(facts: Facts) -> Suggestion:
    """The one practice to offer, with its reason in plain words."""
    fired = trigger(facts)
    return Suggestion(SLUG_FOR[fired], REASONS[fired], fired)


def is_high_distress(*, mood: int | None = None, distress: int | None = None) -> bool:
    """A check-in mood of 1–2 (of 5) or a distress rating of 8 or more (of 10) counts as a hard moment."""
    return (mood is not None and mood <= 2) or (distress is not None and distress >= 8)
