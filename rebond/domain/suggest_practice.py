"""Which one practice Today suggests, and why, from plain facts about the last few days.

Pure: no Django, no clock. The caller gathers the facts (from whichever apps are installed) and passes them in.
The order matters: calming a body in high distress comes before anything else, then a boundary that was crossed,
then a promise that was not kept. With nothing recent, a short breathing practice keeps the skill fresh.
"""

from __future__ import annotations

from dataclasses import dataclass

GROUNDING = "grounding-5-4-3-2-1"
BOUNDARY_SCRIPT = "boundary-script"
SELF_COMPASSION = "self-compassion-break"
PACED_BREATHING = "paced-breathing"

SLUGS = frozenset({GROUNDING, BOUNDARY_SCRIPT, SELF_COMPASSION, PACED_BREATHING})

REASONS = {
    GROUNDING: "Your check-in said today is hard. Grounding can help your body feel the here and now.",
    BOUNDARY_SCRIPT: "A boundary was crossed lately. Planning the words ahead can make the next talk easier.",
    SELF_COMPASSION: "A promise didn't happen lately. That happens to everyone. A few kind minutes can help you "
                     "choose the next small step.",
    PACED_BREATHING: "Practising on a calm day makes it easier to use on a hard one.",
}


@dataclass(frozen=True)
class Facts:
    """What happened lately. Every field is a plain yes/no, so any installed app can fill in its part."""

    high_distress: bool = False
    boundary_crossed: bool = False
    promise_missed: bool = False
    boundary_script_available: bool = True


@dataclass(frozen=True)
class Suggestion:
    slug: str
    reason: str


def suggest(facts: Facts) -> Suggestion:
    """The one practice to offer, with its reason in plain words."""
    if facts.high_distress:
        slug = GROUNDING
    elif facts.boundary_crossed and facts.boundary_script_available:
        slug = BOUNDARY_SCRIPT
    elif facts.promise_missed:
        slug = SELF_COMPASSION
    else:
        slug = PACED_BREATHING
    return Suggestion(slug, REASONS[slug])


def is_high_distress(*, mood: int | None = None, distress: int | None = None) -> bool:
    """A check-in mood of 1–2 (of 5) or a distress rating of 8 or more (of 10) counts as a hard moment."""
    return (mood is not None and mood <= 2) or (distress is not None and distress >= 8)
