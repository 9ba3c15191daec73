"""Questionnaires: the public API (content via ``load``) and pure scoring.

The item wording, answer anchors, bands, flags and reliable-change rules live in
``rebond/content/instruments/<id>.yaml`` (read by ``instrument_content``); this module
scores answers by their numeric value, never by display text. No Django, no clock.

Contract (ARCHITECTURE.md, "Identifiers"): ``answers`` are the item values in
published order. ``Score.total`` is the sum for phq9, gad7, pcl5 and rses, the mean
for scssf, and the raw 0-25 score for who5 (with ``percent`` beside it).
``Score.flags`` holds every flag the instrument defines as a boolean, so it is
``{}`` for instruments without flags.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from rebond.domain.instrument_content import (
    INSTRUMENT_IDS,
    Anchor,
    Band,
    ChangeRule,
    ContentError,
    CutOff,
    Instrument,
    Item,
    Rule,
    Subscale,
    UnknownInstrumentError,
    load,
)

__all__ = [
    "INSTRUMENT_IDS",
    "Anchor",
    "AnswerError",
    "Band",
    "ChangeRule",
    "ContentError",
    "CutOff",
    "Instrument",
    "Item",
    "Rule",
    "Score",
    "Subscale",
    "UnknownInstrumentError",
    "check_answers",
    "kusiv3_mean",
    "load",
    "score",
    "severity_for",
]


class AnswerError(ValueError):
    """An answer set that cannot be scored.

    ``index`` is the 0-based position of the first bad answer, or ``None`` when the
    number of answers (or their container) is wrong. The message is plain words for
    the person answering.
    """

    def __init__(self, message: str, *, index: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.index = index


@dataclass(frozen=True)
class Score:
    instrument_id: str
    answers: tuple[int, ...]
    total: int | float
    severity: str
    flags: dict[str, bool]
    indicators: dict[str, bool]
    subscales: dict[str, int | float]
    endorsed: dict[str, int]
    unscored: dict[int, int]  # item number -> value, e.g. PHQ-9 item 10
    percent: int | None = None
    alternate_total: int | None = None


def check_answers(instrument: Instrument, answers: Sequence[int]) -> tuple[int, ...]:
    """The answers as a tuple of ints, or ``AnswerError`` naming what is wrong."""
    if isinstance(answers, str | bytes) or not isinstance(answers, Sequence):
        raise AnswerError("Answers need to be a list of whole numbers, one for each question.", index=None)
    need, most = instrument.required_count, len(instrument.items)
    if not need <= len(answers) <= most:
        if need == most:
            wanted = f"{need} answers"
        else:
            wanted = f"{need} answers (or {most} with the optional last question)"
        given = "1 was given" if len(answers) == 1 else f"{len(answers)} were given"
        raise AnswerError(f"The {instrument.title} needs {wanted}, but {given}.", index=None)
    for index, (item, value) in enumerate(zip(instrument.items, answers, strict=False)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerError(
                f"Question {item.number} needs a whole number from {item.min_value} to {item.max_value}.",
                index=index,
            )
        if not (item.min_value <= value <= item.max_value):
            raise AnswerError(
                f"Question {item.number} needs an answer from {item.min_value} to {item.max_value}.",
                index=index,
            )
    return tuple(answers)


def score(instrument_id: str, answers: Sequence[int], *, cut_off: int | None = None) -> Score:
    """Score one complete answer set; raises ``AnswerError`` for anything unscorable. ``cut_off`` is the
    deployment's choice where the instrument allows one (PCL-5: 31-33, default 33), as for ``load``."""
    instrument = load(instrument_id, cut_off=cut_off)
    values = check_answers(instrument, answers)
    scored = [(item, values[item.number - 1]) for item in instrument.scored_items]
    weighted = sum(item.weight(v) for item, v in scored)
    exact = Fraction(weighted, len(scored)) if instrument.method == "mean" else Fraction(weighted)
    total: int | float = float(exact) if instrument.method == "mean" else int(exact)

    subscales: dict[str, int | float] = {}
    endorsed: dict[str, int] = {}
    for sub in instrument.subscales:
        parts = [
            instrument.items[n - 1].weight(values[n - 1]) if sub.values == "scored" else values[n - 1]
            for n in sub.items
        ]
        subscales[sub.id] = sum(parts) / len(parts) if sub.method == "mean" else sum(parts)
        if instrument.endorsed_at is not None:
            endorsed[sub.id] = sum(1 for n in sub.items if values[n - 1] >= instrument.endorsed_at)

    context = _Context(values, [v for _, v in scored], exact, endorsed)
    return Score(
        instrument_id=instrument.id,
        answers=values,
        total=total,
        severity=severity_for(instrument, exact),
        flags={rule.id: _holds(rule.test, context) for rule in instrument.flags},
        indicators={rule.id: _holds(rule.test, context) for rule in instrument.indicators},
        subscales=subscales,
        endorsed=endorsed,
        unscored={
            item.number: values[item.number - 1]
            for item in instrument.items[: len(values)]
            if not item.scored
        },
        percent=int(exact * instrument.percent_factor) if instrument.percent_factor else None,
        alternate_total=int(exact) + instrument.alternate_total_offset
        if instrument.alternate_total_offset is not None
        else None,
    )


def severity_for(instrument: Instrument, total: Fraction | int | float) -> str:
    """The id of the band a total falls in (bands are ascending; the last match wins)."""
    exact = total if isinstance(total, Fraction) else Fraction(str(total))
    lo, hi = instrument.total_range
    if not lo <= exact <= hi:
        raise ValueError(f"{instrument.title} totals run from {lo} to {hi}, not {total}.")
    chosen = [band for band in instrument.bands if band.admits(exact)]
    if not chosen:
        raise ContentError(f"{instrument.id}: no band for total {total}")
    return chosen[-1].id


@dataclass(frozen=True)
class _Context:
    values: tuple[int, ...]  # every answer given, by position
    scored: list[int]
    total: Fraction
    endorsed: dict[str, int]


def _holds(test: Mapping[str, Any], ctx: _Context) -> bool:
    ((key, arg),) = test.items()
    if key == "item_at_least":
        return ctx.values[int(arg["item"]) - 1] >= int(arg["value"])
    if key == "total_at_least":
        return ctx.total >= Fraction(str(arg))
    if key == "total_below":
        return ctx.total < Fraction(str(arg))
    if key == "any_item_at_most":
        return any(v <= int(arg) for v in ctx.scored)
    if key == "clusters_endorsed":
        return all(ctx.endorsed[cluster] >= int(least) for cluster, least in arg.items())
    if key == "any":
        return any(_holds(sub, ctx) for sub in arg)
    if key == "all":
        return all(_holds(sub, ctx) for sub in arg)
    raise ContentError(f"unknown rule {key!r}")


def kusiv3_mean(answers: Sequence[int]) -> float:
    """KUSIV3 interpersonal-trust short scale (Beierlein et al.; Nießen et al. 2020).

    Not an API instrument and no items ship (licence unverified): only the published
    scoring rule, mean(i1, 6 - i2, i3) on 1-5 answers, for checking its vectors.
    """
    if isinstance(answers, str | bytes) or not isinstance(answers, Sequence) or len(answers) != 3:
        raise AnswerError("The KUSIV3 needs 3 answers.", index=None)
    for index, value in enumerate(answers):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise AnswerError(f"Question {index + 1} needs an answer from 1 to 5.", index=index)
    return (answers[0] + (6 - answers[1]) + answers[2]) / 3
