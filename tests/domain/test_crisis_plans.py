"""Plan, means and goodbye wording in general forms (crisis_forms: a means made ready, a note for afterwards, a set
time, fumes in a closed space, power near a bath), and their everyday look-alikes.

Written for these tests (the audit's examples among them); none is in bench/data, which bench/crisis_eval.py measures.
"""

from __future__ import annotations

import pytest

from rebond.domain.crisis import LEVEL_PLAN_OR_MEANS, check, check_rules

# The audit's blind-probe misses, then the same structures in other words.
AUDIT_MISSES = [
    "I counted out the pills and wrote the note for tonight",
    "Tonight is the night, I have the pills",
    "I wrote a note to my family saying goodbye",
    "I bought a rope today and I know which beam",
    "I sat in the garage with the engine running",
]
SAME_STRUCTURES = [
    "I've been hoarding my mum's painkillers in my wardrobe.",
    "Got a rope from the hardware shop, it's in my car.",
    "I picked up charcoal on the way home and taped up the bathroom vent.",
    "I've counted my sleeping tablets three times, there's plenty.",
    "I left a letter on the table for them to find afterwards.",
    "I tested the cord on the loft hatch and it held.",
    "Saturday is the day, I've got the tablets.",
    "I ran a hose from the exhaust into the car last night.",
    "I looked up how long it takes to drown.",
    "I recorded a goodbye message for my son.",
    "I've been collecting blades in my pencil case.",
    "I'm thinking about carbon monoxide more and more.",
]
LOOK_ALIKES = [
    "I counted out my tablets into the organiser for the week.",
    "I bought a rope for the boat.",
    "Tonight is the night! Finally seeing the band.",
    "I wrote a note to my boss saying I'd be late.",
    "I left a card for my neighbour saying goodbye before I moved.",
    "I sat in the garage sorting the recycling.",
    "We had the engine running in the car park while we waited.",
    "I picked up my prescription tablets from the pharmacy today.",
    "I tested the rope swing on the oak tree and it held fine.",
    "The charcoal barbecue needs new coals.",
    "I looked up how long it takes to boil an egg.",
    "I texted my sister goodbye before my flight.",
    "I said goodbye to my old car for good today.",
    "I checked which train gets me to work fastest.",
    "Friday is the day I get my results.",
    "I have the pills for my blood pressure.",
    "I hung my coat on the hook on the back of the door.",
    "My carbon monoxide alarm beeped all night.",
    "Took my cat to the vet, she's got new tablets for her kidneys.",
    "I bought charcoal for the barbecue and sealed the marinade in a bag.",
]


@pytest.mark.parametrize("text", AUDIT_MISSES + SAME_STRUCTURES)
def test_fresh_plan_and_means_wording_is_urgent(text: str) -> None:
    result = check(text)
    assert result.detected
    assert result.level == LEVEL_PLAN_OR_MEANS


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_the_rules_leave_their_everyday_look_alikes_alone(text: str) -> None:
    """The rules' own precision; what the model adds on these is measured in test_crisis_model.py."""
    assert not check_rules(text).detected


def test_a_plain_note_for_the_family_counts_only_beside_another_sign() -> None:
    assert not check("I left a note for my family.").detected
    assert check("I left a note for my family. I don't want to be alive anymore.").level == LEVEL_PLAN_OR_MEANS
