"""Reads for people and their ledger, and the trust model applied to it (rebond/domain/trust.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from rebond.domain import trust
from rebond.people.models import (
    BREACH_KINDS,
    GOOD_KINDS,
    REPAIR_KINDS,
    Kind,
    LadderStep,
    Observation,
    Person,
    RepairPath,
    SaidStatus,
    TheySaid,
)
from rebond.people.services import user_today

MODEL: Final = "interpersonal_trust"
LATELY_DAYS = 28


def person_list(*, user: Any) -> list[Person]:
    """Alphabetical by name (names are sealed, so sorted after opening). Never by score: people are not ranked."""
    return sorted(Person.objects.filter(user=user), key=lambda p: (str(p.name).casefold(), p.pk))


def person_get(*, user: Any, person_id: int) -> Person:
    return Person.objects.get(user=user, pk=person_id)


def observation_list(*, user: Any, person: Person) -> list[Observation]:
    return list(Observation.objects.filter(user=user, person=person).select_related("repairs")
                .prefetch_related("annotations").order_by("on", "id"))


def observation_get(*, user: Any, person: Person, observation_id: int) -> Observation:
    return Observation.objects.select_related("person").get(user=user, person=person, pk=observation_id)


def counts_in_score(obs: Observation) -> bool:
    """Retracted entries leave the score, and so do repairs of a retracted breach."""
    if obs.retracted_at is not None:
        return False
    return not (obs.repairs is not None and obs.repairs.retracted_at is not None)


def trust_events(observations: list[Observation]) -> list[trust.TrustEvent]:
    return [
        trust.TrustEvent(id=str(o.pk), day=o.on, kind=o.kind, severity=o.severity,
                         repairs=str(o.repairs_id) if o.repairs_id else None)
        for o in observations if counts_in_score(o)
    ]


def person_trust(*, user: Any, person: Person, on: date | None = None) -> trust.TrustScore:
    on = on or user_today(user)
    events = trust_events(observation_list(user=user, person=person))
    return trust.score(events, on, MODEL, repair_credit=not person.safety_first)


@dataclass(frozen=True)
class Lately:
    kept: int
    not_kept: int
    shown: int
    hard: int
    repairs: int

    @property
    def total(self) -> int:
        return self.kept + self.not_kept + self.shown + self.hard + self.repairs


def lately_from(events: list[trust.TrustEvent], on: date) -> Lately:
    c = trust.kind_counts(events, on, MODEL, days=LATELY_DAYS)
    return Lately(
        kept=c[Kind.PROMISE_KEPT], not_kept=c[Kind.PROMISE_BROKEN],
        shown=c[Kind.HONESTY_SHOWN] + c[Kind.CONSISTENCY_SHOWN] + c[Kind.EMPATHY_SHOWN],
        hard=c[Kind.NEGATIVE_OBSERVATION] + c[Kind.HONESTY_BREACH],
        repairs=c[Kind.APOLOGY] + c[Kind.AMENDS],
    )


def person_lately(*, user: Any, person: Person, on: date | None = None) -> Lately:
    on = on or user_today(user)
    return lately_from(trust_events(observation_list(user=user, person=person)), on)


@dataclass(frozen=True)
class TimelineRow:
    obs: Observation
    tone: str  # good | hard | repair
    counted: bool
    still_counts: int | None  # percent of its first weight still counted today (None when not counted)
    credit: float  # for repairs: evidence it earned on its day (0 when repair credit is off)
    future: bool


def tone_of(kind: str) -> str:
    if kind in GOOD_KINDS:
        return "good"
    if kind in REPAIR_KINDS:
        return "repair"
    return "hard"


@dataclass(frozen=True)
class PersonView:
    """Everything the person page shows, from one read of the ledger."""

    person: Person
    on: date
    score: trust.TrustScore
    lately: Lately
    timeline: list[TimelineRow]
    breaches: list[Observation]
    checking_count: int


def person_view(*, user: Any, person: Person, on: date | None = None) -> PersonView:
    on = on or user_today(user)
    observations = observation_list(user=user, person=person)
    events = trust_events(observations)
    score = trust.score(events, on, MODEL, repair_credit=not person.safety_first)
    weights = {w.id: w for w in score.events}
    rows = []
    for o in reversed(observations):
        w = weights.get(str(o.pk))
        rows.append(TimelineRow(
            obs=o, tone=tone_of(o.kind), counted=w is not None,
            still_counts=round(w.remaining * 100) if w is not None else None,
            credit=w.initial_for if w is not None else 0.0, future=o.on > on,
        ))
    breaches = [o for o in observations if o.kind in BREACH_KINDS and o.retracted_at is None]
    return PersonView(person=person, on=on, score=score, lately=lately_from(events, on), timeline=rows,
                      breaches=breaches, checking_count=sum(1 for o in observations if o.from_checking))


def breach_choices(*, user: Any, person: Person) -> list[Observation]:
    return [o for o in observation_list(user=user, person=person)
            if o.kind in BREACH_KINDS and o.retracted_at is None]


def said_list(*, user: Any, person: Person | None = None, status: str | None = SaidStatus.PENDING) -> list[TheySaid]:
    qs = TheySaid.objects.filter(user=user).select_related("person")
    if person is not None:
        qs = qs.filter(person=person)
    if status:
        qs = qs.filter(status=status)
    return list(qs.order_by("due_on", "id"))


def said_get(*, user: Any, said_id: int) -> TheySaid:
    return TheySaid.objects.select_related("person").get(user=user, pk=said_id)


def ladder(*, user: Any, person: Person) -> list[LadderStep]:
    return list(LadderStep.objects.filter(user=user, person=person).order_by("position", "id"))


def ladder_step_get(*, user: Any, person: Person, step_id: int) -> LadderStep:
    return LadderStep.objects.select_related("person").get(user=user, person=person, pk=step_id)


def repair_path(*, user: Any, breach: Observation) -> RepairPath | None:
    return RepairPath.objects.filter(user=user, breach=breach).first()
