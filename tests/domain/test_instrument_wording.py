"""Golden wording: every item, anchor and instruction of the six questionnaires, pinned word for word.

Transcribed from the YAML in rebond/content/instruments after checking each line against instruments.md and the
published forms (PHQ-9 and GAD-7: Pfizer / phqscreeners.com; PCL-5: National Center for PTSD; SCS-SF: Raes et al.
2011 as Neff publishes it; RSES: Rosenberg 1965 item order; WHO-5: WHO 2024 edition). A change to any of these words
must be deliberate: published instruments are only valid in their published wording. Instructions marked
"adapted" say "choose" where the paper form says "circle" or "tick"; the YAML notes each one.
"""

from __future__ import annotations

import pytest

from rebond.domain.instruments import INSTRUMENT_IDS, load

PHQ_ANCHORS = [(0, "Not at all"), (1, "Several days"), (2, "More than half the days"), (3, "Nearly every day")]

GOLDEN: dict[str, dict[str, object]] = {
    "phq9": {
        "instructions": "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
        "stem": None,
        "anchors": [(0, "Not at all"), (1, "Several days"), (2, "More than half the days"), (3, "Nearly every day")],
        "items": [
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
            "Thoughts that you would be better off dead, or of hurting yourself in some way",
            "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
        ],
    },
    "gad7": {
        "instructions": "Over the last 2 weeks, how often have you been bothered by the following problems?",
        "stem": None,
        "anchors": [(0, "Not at all"), (1, "Several days"), (2, "More than half the days"), (3, "Nearly every day")],
        "items": [
            "Feeling nervous, anxious, or on edge",
            "Not being able to stop or control worrying",
            "Worrying too much about different things",
            "Trouble relaxing",
            "Being so restless that it is hard to sit still",
            "Becoming easily annoyed or irritable",
            "Feeling afraid, as if something awful might happen",
        ],
    },
    "pcl5": {
        "instructions": "Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then choose one of the answers to indicate how much you have been bothered by that problem in the past month.",
        "stem": "In the past month, how much were you bothered by:",
        "anchors": [(0, "Not at all"), (1, "A little bit"), (2, "Moderately"), (3, "Quite a bit"), (4, "Extremely")],
        "items": [
            "Repeated, disturbing, and unwanted memories of the stressful experience?",
            "Repeated, disturbing dreams of the stressful experience?",
            "Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?",
            "Feeling very upset when something reminded you of the stressful experience?",
            "Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?",
            "Avoiding memories, thoughts, or feelings related to the stressful experience?",
            "Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?",
            "Trouble remembering important parts of the stressful experience?",
            "Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?",
            "Blaming yourself or someone else for the stressful experience or what happened after it?",
            "Having strong negative feelings such as fear, horror, anger, guilt, or shame?",
            "Loss of interest in activities that you used to enjoy?",
            "Feeling distant or cut off from other people?",
            "Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?",
            "Irritable behavior, angry outbursts, or acting aggressively?",
            "Taking too many risks or doing things that could cause you harm?",
            'Being "superalert" or watchful or on guard?',
            "Feeling jumpy or easily startled?",
            "Having difficulty concentrating?",
            "Trouble falling or staying asleep?",
        ],
    },
    "scssf": {
        "instructions": "How I typically act towards myself in difficult times. Please read each statement carefully before answering. For each item, indicate how often you behave in the stated manner.",
        "stem": None,
        "anchors": [(1, "Almost never"), (2, "2"), (3, "3"), (4, "4"), (5, "Almost always")],
        "items": [
            "When I fail at something important to me I become consumed by feelings of inadequacy.",
            "I try to be understanding and patient towards those aspects of my personality I don't like.",
            "When something painful happens I try to take a balanced view of the situation.",
            "When I'm feeling down I tend to feel like most other people are probably happier than I am.",
            "I try to see my failings as part of the human condition.",
            "When I'm going through a very hard time, I give myself the caring and tenderness I need.",
            "When something upsets me I try to keep my emotions in balance.",
            "When I fail at something that's important to me, I tend to feel alone in my failure.",
            "When I'm feeling down I tend to obsess and fixate on everything that's wrong.",
            "When I feel inadequate in some way, I try to remind myself that feelings of inadequacy are shared by most people.",
            "I'm disapproving and judgmental about my own flaws and inadequacies.",
            "I'm intolerant and impatient towards those aspects of my personality I don't like.",
        ],
    },
    "rses": {
        "instructions": "Below is a list of statements dealing with your general feelings about yourself. Please indicate how strongly you agree or disagree with each statement.",
        "stem": None,
        "anchors": [(0, "Strongly disagree"), (1, "Disagree"), (2, "Agree"), (3, "Strongly agree")],
        "items": [
            "On the whole, I am satisfied with myself.",
            "At times I think I am no good at all.",
            "I feel that I have a number of good qualities.",
            "I am able to do things as well as most other people.",
            "I feel I do not have much to be proud of.",
            "I certainly feel useless at times.",
            "I feel that I'm a person of worth, at least on an equal plane with others.",
            "I wish I could have more respect for myself.",
            "All in all, I am inclined to feel that I am a failure.",
            "I take a positive attitude toward myself.",
        ],
    },
    "who5": {
        "instructions": "Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks. Notice that higher numbers mean better well-being.",
        "stem": "Over the last two weeks:",
        "anchors": [(0, "At no time"), (1, "Some of the time"), (2, "Less than half of the time"), (3, "More than half of the time"), (4, "Most of the time"), (5, "All of the time")],
        "items": [
            "I have felt cheerful and in good spirits",
            "I have felt calm and relaxed",
            "I have felt active and vigorous",
            "I woke up feeling fresh and rested",
            "My daily life has been filled with things that interest me",
        ],
    },
}

# Items whose answers differ from the instrument's own scale.
OWN_ANCHORS = {
    ("phq9", 10): [(0, "Not difficult at all"), (1, "Somewhat difficult"), (2, "Very difficult"),
                   (3, "Extremely difficult")],
}


def test_every_instrument_is_pinned() -> None:
    assert set(GOLDEN) == set(INSTRUMENT_IDS)


@pytest.mark.parametrize("instrument_id", INSTRUMENT_IDS)
def test_items_and_anchors_word_for_word(instrument_id: str) -> None:
    instrument = load(instrument_id)
    golden = GOLDEN[instrument_id]
    assert instrument.instructions == golden["instructions"]
    assert instrument.stem == golden["stem"]
    assert [(a.value, a.label) for a in instrument.answers] == golden["anchors"]
    assert [item.text for item in instrument.items] == golden["items"]
    assert [item.number for item in instrument.items] == list(range(1, len(instrument.items) + 1))
    for item in instrument.items:
        expected = OWN_ANCHORS.get((instrument_id, item.number), golden["anchors"])
        assert [(a.value, a.label) for a in item.answers] == expected, (instrument_id, item.number)


def test_gad7_asks_only_the_seven_scored_questions() -> None:
    # The published GAD-7 has an optional, unscored difficulty question; rebond does not ask it (see gad7.yaml).
    gad7 = load("gad7")
    assert len(gad7.items) == 7 and all(item.scored and not item.optional for item in gad7.items)
    assert GOLDEN["phq9"]["anchors"] == PHQ_ANCHORS == GOLDEN["gad7"]["anchors"]
