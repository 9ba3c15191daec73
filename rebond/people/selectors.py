"""Reads for people and their ledger, and the trust model applied to it (rebond/domain/trust.py)."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from rebond.domain import trust
from rebond.domain.trust_fading import fading
from rebond.people.models import (
    BREACH_KINDS,
    GOOD_KINDS,
    REPAIR_KINDS,
    SEVERITY_MAX,
    SEVERITY_MIN,
    Kind,
    LadderStep,
    Observation,
    Person,
    RepairPath,
    SaidStatus,
    TheySaid,
)
from rebond.people.services import user_today

log = logging.getLogger(__name__)
SKIPPED = "people: observation %s left out of the trust score (%s)"
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


def _unscorable(o: Observation, breaches: dict[int, Observation]) -> str | None:
    """Why a stored entry can't be scored (a row written around the services, e.g. by an old import), or None.
    The trust model refuses a whole ledger with one bad entry; one row must never break a page."""
    if o.kind not in Kind.values:
        return "unknown kind"
    if (isinstance(o.severity, bool) or not isinstance(o.severity, int | float) or not math.isfinite(o.severity)
            or not SEVERITY_MIN <= o.severity <= SEVERITY_MAX):
        return "severity out of range"
    if o.kind not in REPAIR_KINDS:
        return None if o.repairs_id is None else "repairs set on an entry that isn't a repair"
    breach = breaches.get(o.repairs_id) if o.repairs_id is not None else None
    if breach is None:
        return "repair without a counted breach of this person"
    if breach.on > o.on:
        return "repair dated before its breach"
    return None


def trust_events(observations: list[Observation]) -> list[trust.TrustEvent]:
    """The counted entries as the trust model's events. An entry the model would refuse is left out of the score
    with a log line naming only its id and the reason (never its words); the rest still count."""
    counted = [o for o in observations if counts_in_score(o)]
    ok: list[Observation] = []
    breaches: dict[int, Observation] = {}
    # Everything but repairs first, so each repair can be checked against the breaches that will count.
    for o in sorted(counted, key=lambda o: o.kind in REPAIR_KINDS):
        why = _unscorable(o, breaches)
        if why is not None:
            log.warning(SKIPPED, o.pk, why)
            continue
        ok.append(o)
        if o.kind in BREACH_KINDS:
            breaches[o.pk] = o
    return [
        trust.TrustEvent(id=str(o.pk), day=o.on, kind=o.kind, severity=o.severity,
                         repairs=str(o.repairs_id) if o.repairs_id else None)
        for o in sorted(ok, key=lambda o: (o.on, o.pk))
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


def lately_from(events: list[trust.TrustEvent] | trust.Prepared, on: date) -> Lately:
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
    fading: bool  # enough evidence to show, but little of it recent (trust-model.md §7)


def person_view(*, user: Any, person: Person, on: date | None = None) -> PersonView:
    on = on or user_today(user)
    observations = observation_list(user=user, person=person)
    events = trust.prepare(trust_events(observations), MODEL, repair_credit=not person.safety_first)
    score = trust.score(events, on, MODEL, repair_credit=events.repair_credit)
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
                      breaches=breaches, checking_count=sum(1 for o in observations if o.from_checking),
                      fading=fading(events, on))


def breach_choices(*, user: Any, person: Person) -> list[Observation]:
    return [o for o in observation_list(user=user, person=person)
            if o.kind in BREACH_KINDS and o.retracted_at is None]


def _said_query(user: Any, person: Person | None, status: str | None) -> Any:
    qs = TheySaid.objects.filter(user=user).select_related("person")
    if person is not None:
        qs = qs.filter(person=person)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("due_on", "id")


def said_list(*, user: Any, person: Person | None = None, status: str | None = SaidStatus.PENDING) -> list[TheySaid]:
    return list(_said_query(user, person, status))


def said_page(*, user: Any, person: Person | None = None, status: str | None = SaidStatus.PENDING, limit: int = 50,
              offset: int = 0) -> tuple[list[TheySaid], int]:
    """One page (by due date), counted and sliced in the database, and how many there are in all."""
    qs = _said_query(user, person, status)
    return list(qs[offset:offset + limit]), qs.count()


def said_get(*, user: Any, said_id: int) -> TheySaid:
    return TheySaid.objects.select_related("person").get(user=user, pk=said_id)


def ladder(*, user: Any, person: Person) -> list[LadderStep]:
    return list(LadderStep.objects.filter(user=user, person=person).order_by("position", "id"))


def ladder_step_get(*, user: Any, person: Person, step_id: int) -> LadderStep:
    return LadderStep.objects.select_related("person").get(user=user, person=person, pk=step_id)


def repair_path(*, user: Any, breach: Observation) -> RepairPath | None:
    return RepairPath.objects.filter(user=user, breach=breach).first()
