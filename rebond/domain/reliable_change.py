"""Reliable change between two scores of one questionnaire. Pure: no Django, no clock.

Thresholds come from each instrument's YAML ``reliable_change`` block
(instruments.md 3.5, 3.6 and 3.8):

* PHQ-9: 6 points, caseness 10 (NHS Talking Therapies / IAPT manual).
* GAD-7: 4 points, caseness 8 (same source).
* PCL-5: 5 points is a *reliable* change; 10 points is a *clinically meaningful* one.
* WHO-5: 10 percentage points (the percent score is raw x 4).

SCS-SF and RSES have no established reliable-change threshold, so they are refused
rather than guessed. ``jacobson_truax`` computes a derived threshold from a published
SD and reliability when one is needed (label such results as derived).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rebond.domain.instruments import ContentError, Instrument, Score, load, severity_for

RELIABLE_IMPROVEMENT = "reliable_improvement"
RELIABLE_DETERIORATION = "reliable_deterioration"
NO_RELIABLE_CHANGE = "no_reliable_change"
STATUSES: tuple[str, ...] = (RELIABLE_IMPROVEMENT, RELIABLE_DETERIORATION, NO_RELIABLE_CHANGE)

#: Instruments with an established reliable-change rule.
RELIABLE_CHANGE_IDS: tuple[str, ...] = ("phq9", "gad7", "pcl5", "who5")

#: z for a two-tailed 95% interval (Jacobson & Truax 1991).
Z_95 = 1.96


class NoReliableChangeRuleError(ValueError):
    """The instrument has no established reliable-change threshold."""


@dataclass(frozen=True)
class Change:
    instrument_id: str
    before: int | float  # totals, in the instrument's total units (raw 0-25 for who5)
    after: int | float
    delta: int | float  # after - before, in total units
    points: int  # size of the change in the rule's unit (percentage points for who5)
    threshold: int
    unit: str  # e.g. "points", "points out of 100"
    status: str  # one of STATUSES
    sentence: str
    basis: str
    recovered: bool | None = None  # where a caseness cut-off is defined (phq9, gad7)
    reliable_recovery: bool | None = None
    clinically_significant: bool | None = None  # where defined (pcl5: 10 points or more)


def _total(instrument: Instrument, value: Score | int | float, name: str) -> int | float:
    if isinstance(value, Score):
        if value.instrument_id != instrument.id:
            raise ValueError(f"{name} is a {value.instrument_id} score, not {instrument.id}.")
        return value.total
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a Score or a number.")
    severity_for(instrument, value)  # range check
    return value


def _points_phrase(points: int, unit: tuple[str, str]) -> str:
    return f"{points} {unit[0] if points == 1 else unit[1]}"


def reliable_change(instrument_id: str, before: Score | int | float, after: Score | int | float) -> Change:
    """Compare two totals of one instrument: reliable improvement, deterioration or neither.

    Numbers are totals as ``Score.total`` gives them (for who5 the raw 0-25 score).
    """
    instrument = load(instrument_id)
    rule = instrument.reliable_change
    if rule is None:
        raise NoReliableChangeRuleError(
            f"The {instrument.title} has no established reliable-change threshold."
        )
    b, a = _total(instrument, before, "before"), _total(instrument, after, "after")
    delta = a - b
    factor = instrument.percent_factor if rule.scale == "percent" and instrument.percent_factor else 1
    points = round(abs(delta) * factor)
    better = delta < 0 if rule.improvement == "lower" else delta > 0
    if points >= rule.threshold:
        status = RELIABLE_IMPROVEMENT if better else RELIABLE_DETERIORATION
    else:
        status = NO_RELIABLE_CHANGE

    sentences = rule.sentences
    words = [
        sentences["same"]
        if points == 0
        else sentences[status].format(points=_points_phrase(points, rule.unit))
    ]

    recovered = reliable_recovery = clinically = None
    if rule.caseness is not None:
        recovered = b >= rule.caseness and a < rule.caseness
        reliable_recovery = recovered and status == RELIABLE_IMPROVEMENT
        if recovered and "recovered" in sentences:
            words.append(sentences["recovered"])
    if rule.clinically_meaningful is not None:
        clinically = status != NO_RELIABLE_CHANGE and points >= rule.clinically_meaningful
        if clinically and "clinically_meaningful" in sentences:
            words.append(sentences["clinically_meaningful"])

    return Change(
        instrument_id=instrument.id,
        before=b,
        after=a,
        delta=delta,
        points=points,
        threshold=rule.threshold,
        unit=rule.unit[1],
        status=status,
        sentence=" ".join(words),
        basis=rule.basis,
        recovered=recovered,
        reliable_recovery=reliable_recovery,
        clinically_significant=clinically,
    )


def _caseness(instrument_id: str) -> int:
    rule = load(instrument_id).reliable_change
    if rule is None or rule.caseness is None:
        raise ContentError(f"{instrument_id}: no caseness cut-off in its reliable_change block")
    return rule.caseness


@dataclass(frozen=True)
class PairedOutcome:
    """NHS Talking Therapies (IAPT) outcome over a PHQ-9 and a GAD-7 pair."""

    phq9: Change
    gad7: Change
    case_at_start: bool
    reliable_improvement: bool
    reliable_deterioration: bool
    recovery: bool
    reliable_recovery: bool


def iapt_outcome(
    phq9_before: Score | int,
    phq9_after: Score | int,
    gad7_before: Score | int,
    gad7_after: Score | int,
) -> PairedOutcome:
    """Combine PHQ-9 and GAD-7 the IAPT way (instruments.md 3.8).

    * case at start: PHQ-9 >= 10 or GAD-7 >= 8 at the first measurement;
    * reliable improvement: reliable improvement on at least one measure and no
      reliable deterioration on the other;
    * reliable deterioration: reliable deterioration on at least one measure;
    * recovery: a case at the start and below caseness on both at the end;
    * reliable recovery: recovery plus reliable improvement.
    """
    phq = reliable_change("phq9", phq9_before, phq9_after)
    gad = reliable_change("gad7", gad7_before, gad7_after)
    phq_cut, gad_cut = _caseness("phq9"), _caseness("gad7")
    statuses = (phq.status, gad.status)
    deteriorated = RELIABLE_DETERIORATION in statuses
    improved = RELIABLE_IMPROVEMENT in statuses and not deteriorated
    case_at_start = phq.before >= phq_cut or gad.before >= gad_cut
    recovery = case_at_start and phq.after < phq_cut and gad.after < gad_cut
    return PairedOutcome(
        phq9=phq,
        gad7=gad,
        case_at_start=case_at_start,
        reliable_improvement=improved,
        reliable_deterioration=deteriorated,
        recovery=recovery,
        reliable_recovery=recovery and improved,
    )


@dataclass(frozen=True)
class RciThreshold:
    """Jacobson & Truax (1991) arithmetic for one SD and reliability."""

    sd: float
    reliability: float
    se: float  # standard error of measurement: SD * sqrt(1 - r)
    s_diff: float  # standard error of a difference: sqrt(2 * SE^2)
    min_change: float  # z * S_diff
    min_whole_points: int  # smallest whole-number change strictly beyond min_change


def jacobson_truax(sd: float, reliability: float, z: float = Z_95) -> RciThreshold:
    if sd <= 0 or not 0 <= reliability < 1:
        raise ValueError("sd must be positive and reliability in [0, 1).")
    se = sd * math.sqrt(1 - reliability)
    s_diff = math.sqrt(2 * se * se)
    min_change = z * s_diff
    return RciThreshold(sd, reliability, se, s_diff, min_change, math.floor(min_change) + 1)


def reliable_change_index(before: float, after: float, s_diff: float) -> float:
    """RC = (after - before) / S_diff; |RC| > 1.96 is reliable at the 95% level."""
    return (after - before) / s_diff
