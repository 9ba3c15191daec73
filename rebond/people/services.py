"""Writes for people, the observation ledger, "they said they would", repair paths and the trust ladder.

The ledger is append-only: there is no observation update. A correction is `observation_retract` (the entry stays
visible and leaves the score, together with any repair that pointed at it) or `observation_annotate`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rebond.core.fields import FREE_TEXT_LIMIT
from rebond.people.models import (
    BREACH_KINDS,
    REPAIR_KINDS,
    SEVERITY_MAX,
    SEVERITY_MIN,
    Annotation,
    Hurt,
    Kind,
    LadderStep,
    Observation,
    Person,
    RepairPath,
    SaidStatus,
    Stage,
    TheySaid,
)
from rebond.safety.guard import GuardResult, guard_for

NAME_LIMIT = 200
FUTURE_DATE = "The date can't be in the future — pick today or an earlier day."
SEVERITY_RANGE = f"How serious it felt goes from {SEVERITY_MIN:g} (a little) to {SEVERITY_MAX:g} (very serious)."
NO_BREACH = ("An apology or amends points back to something this person did earlier. "
             "Pick that moment, or log it first.")
SAFETY_OFF = ("Repair steps and the trust ladder are turned off for this person, because you said they may have "
              "hurt, threatened or frightened you. Your record stays.")


def user_today(user: Any, now: datetime | None = None) -> date:
    """Today's date in the person's own time zone."""
    moment = now or timezone.now()
    try:
        zone = ZoneInfo(getattr(user, "time_zone", "") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return moment.astimezone(zone).date()


def _text(value: Any, field: str, errors: dict[str, list[str]], *, required: bool = False,
          limit: int = FREE_TEXT_LIMIT) -> str:
    text = "" if value is None else str(value).strip()
    if required and not text:
        errors.setdefault(field, []).append("Write a few words here.")
    if len(text) > limit:
        errors.setdefault(field, []).append(f"Please keep this to {limit:,} characters.")
    return text


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _not_future(user: Any, on: Any, field: str, errors: dict[str, list[str]]) -> None:
    if not isinstance(on, date) or isinstance(on, datetime):
        errors.setdefault(field, []).append("Pick a day, like 2025-03-30.")
    elif on > user_today(user):
        errors.setdefault(field, []).append(FUTURE_DATE)


# --- people -----------------------------------------------------------------------------------------------------

def _check_hurt(hurt: Any, errors: dict[str, list[str]]) -> str:
    hurt = "" if hurt is None else str(hurt)
    if hurt not in Hurt.values:
        errors["hurt"] = ["Answer yes, no or not sure — or leave it for now."]
    return hurt


def person_create(*, user: Any, name: str, relationship: str = "", hurt: str = "") -> tuple[Person, GuardResult]:
    errors: dict[str, list[str]] = {}
    name = _text(name, "name", errors, required=True, limit=NAME_LIMIT)
    relationship = _text(relationship, "relationship", errors, limit=NAME_LIMIT)
    hurt = _check_hurt(hurt, errors)
    _raise(errors)
    result = guard_for(user, name, relationship)
    person = Person(user=user, name=name, relationship=relationship, hurt=hurt)
    person.full_clean()
    person.save()
    return person, result


def person_update(*, user: Any, person: Person, name: str | None = None, relationship: str | None = None,
                  hurt: str | None = None) -> tuple[Person, GuardResult]:
    """Details about the person may change (a new nickname, a new answer); the ledger never does."""
    errors: dict[str, list[str]] = {}
    if name is not None:
        person.name = _text(name, "name", errors, required=True, limit=NAME_LIMIT)
    if relationship is not None:
        person.relationship = _text(relationship, "relationship", errors, limit=NAME_LIMIT)
    if hurt is not None:
        person.hurt = _check_hurt(hurt, errors)
        if person.hurt:  # answered again (yes, no or not sure): the look-again question has had its answer
            person.hurt_recheck = False
    _raise(errors)
    result = guard_for(user, name, relationship)
    person.full_clean()
    person.save()
    return person, result


def person_delete(*, user: Any, person: Person) -> None:
    with transaction.atomic():
        TheySaid.objects.filter(user=user, person=person).delete()
        person.delete()


def _notice_hurt(person: Person, result: GuardResult) -> None:
    """Words about being hurt by someone, written about a person the user said hadn't hurt them (or hasn't said):
    ask about that person again, and until they answer treat the answer as "not sure" (UX.md, Safety)."""
    if result.harmed_by_other and person.hurt not in (Hurt.YES, Hurt.NOT_SURE) and not person.hurt_recheck:
        person.hurt_recheck = True
        person.save(update_fields=["hurt_recheck", "updated_at"])


# --- the ledger -------------------------------------------------------------------------------------------------

def _breach_for(person: Person, repairs: Any, on: date | None, errors: dict[str, list[str]]) -> Observation | None:
    if isinstance(repairs, Observation):
        repairs = repairs.pk
    try:
        breach_id = int(repairs)
    except (TypeError, ValueError):
        errors["repairs"] = [NO_BREACH]
        return None
    breach = Observation.objects.filter(person=person, user=person.user, pk=breach_id,
                                        kind__in=BREACH_KINDS, retracted_at__isnull=True).first()
    if breach is None or (on is not None and breach.on > on):
        errors["repairs"] = [NO_BREACH]
        return None
    return breach


def observation_add(*, user: Any, person: Person, on: date, kind: str, severity: Any = 1.0, repairs: Any = None,
                    note: str | None = "", from_checking: bool = False) -> tuple[Observation, GuardResult]:
    errors: dict[str, list[str]] = {}
    if kind not in Kind.values:
        errors["kind"] = ["Pick what happened from the list."]
    _not_future(user, on, "on", errors)
    if severity is None:
        severity = 1.0
    if isinstance(severity, bool) or not isinstance(severity, int | float) or not SEVERITY_MIN <= severity <= SEVERITY_MAX:
        errors["severity"] = [SEVERITY_RANGE]
    text = _text(note, "note", errors)
    breach = None
    if kind in REPAIR_KINDS:
        breach = _breach_for(person, repairs, on if "on" not in errors else None, errors)
    elif repairs not in (None, ""):
        errors["repairs"] = ["Only an apology or amends points back to an earlier moment."]
    _raise(errors)
    result = guard_for(user, text)
    obs = Observation(user=user, person=person, on=on, kind=kind, severity=float(severity), repairs=breach,
                      note=text or None, from_checking=bool(from_checking))
    obs.full_clean()
    with transaction.atomic():
        obs.save()
        _notice_hurt(person, result)
    return obs, result


def observation_retract(*, user: Any, observation: Observation, reason: str | None = "") -> tuple[Observation, GuardResult]:
    """Take an entry back: it stays in the record, marked, and stops counting (so do repairs pointing at it)."""
    errors: dict[str, list[str]] = {}
    text = _text(reason, "reason", errors)
    if observation.retracted_at is not None:
        errors["reason"] = ["This entry was already taken back."]
    _raise(errors)
    result = guard_for(user, text)
    observation.retracted_at = timezone.now()
    observation.retraction_reason = text or None
    with transaction.atomic():
        observation.save(update_fields=["retracted_at", "retraction_reason"])
        _notice_hurt(observation.person, result)
    return observation, result


def observation_annotate(*, user: Any, observation: Observation, text: str) -> tuple[Annotation, GuardResult]:
    errors: dict[str, list[str]] = {}
    text = _text(text, "text", errors, required=True)
    _raise(errors)
    result = guard_for(user, text)
    note = Annotation(user=user, observation=observation, text=text)
    note.full_clean()
    with transaction.atomic():
        note.save()
        _notice_hurt(observation.person, result)
    return note, result


# --- "they said they would" ----------------------------------------------------------------------------------

def said_create(*, user: Any, person: Person, text: str, due_on: date, made_on: date | None = None
                ) -> tuple[TheySaid, GuardResult]:
    errors: dict[str, list[str]] = {}
    text = _text(text, "text", errors, required=True)
    made_on = made_on or user_today(user)
    _not_future(user, made_on, "made_on", errors)
    if not isinstance(due_on, date):
        errors["due_on"] = ["Pick the day they said it would happen by."]
    elif "made_on" not in errors and due_on < made_on:
        errors["due_on"] = ["The day it's due can't be before the day they said it."]
    _raise(errors)
    result = guard_for(user, text)
    said = TheySaid(user=user, person=person, text=text, made_on=made_on, due_on=due_on)
    said.full_clean()
    with transaction.atomic():
        said.save()
        _notice_hurt(person, result)
    return said, result


def said_resolve(*, user: Any, said: TheySaid, outcome: str, on: date | None = None) -> tuple[TheySaid, Observation]:
    """Kept or not kept: the resolution is the evidence (a promise_kept or promise_broken observation)."""
    errors: dict[str, list[str]] = {}
    if said.status != SaidStatus.PENDING:
        errors["outcome"] = ["This one is already settled."]
    if outcome not in (SaidStatus.KEPT, SaidStatus.BROKEN):
        errors["outcome"] = ["Choose kept or not kept."]
    on = on or user_today(user)
    _not_future(user, on, "on", errors)
    if "on" not in errors and on < said.made_on:
        errors["on"] = ["That's before the day they said it. Pick the day it happened."]
    _raise(errors)
    kind = Kind.PROMISE_KEPT if outcome == SaidStatus.KEPT else Kind.PROMISE_BROKEN
    with transaction.atomic():
        obs, _ = observation_add(user=user, person=said.person, on=on, kind=kind, note=said.text)
        said.status = outcome
        said.observation = obs
        said.save(update_fields=["status", "observation"])
    return said, obs


# --- repair paths and the ladder -----------------------------------------------------------------------------

def _allowed(person: Person) -> None:
    if person.safety_first:
        raise ValidationError({"hurt": [SAFETY_OFF]})


def repair_update(*, user: Any, breach: Observation, stage: str, acknowledge_note: str | None = None,
                  understand_note: str | None = None, rebuild_note: str | None = None) -> tuple[RepairPath, GuardResult]:
    _allowed(breach.person)
    errors: dict[str, list[str]] = {}
    if breach.kind not in BREACH_KINDS or breach.retracted_at is not None:
        errors["breach"] = ["Repair steps belong to a hard moment that still counts."]
    if stage not in Stage.values:
        errors["stage"] = ["Pick acknowledge, understand or rebuild."]
    notes = {
        "acknowledge_note": acknowledge_note, "understand_note": understand_note, "rebuild_note": rebuild_note,
    }
    cleaned = {k: _text(v, k, errors) for k, v in notes.items() if v is not None}
    _raise(errors)
    result = guard_for(user, *cleaned.values())
    with transaction.atomic():
        path, _ = RepairPath.objects.get_or_create(user=user, breach=breach)
        path.stage = stage
        for key, value in cleaned.items():
            setattr(path, key, value or None)
        path.full_clean()
        path.save()
        _notice_hurt(breach.person, result)
    return path, result


def _anxiety(value: Any, field: str, errors: dict[str, list[str]]) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        errors[field] = ["Use a number from 0 (calm) to 10 (the most anxious you can imagine)."]
        return None
    return value


def _position(value: Any, errors: dict[str, list[str]]) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
        errors["position"] = ["Use a step number from 1 to 100."]
        return None
    return value


def ladder_renumber(person: Person, place: LadderStep | None = None, at: int | None = None) -> None:
    """Number this person's steps 1, 2, 3… in their order, with no gaps and no two alike. With ``place``, that
    step goes in at number ``at`` (or last, when ``at`` is past the end) and the steps from there move down one."""
    steps = [s for s in LadderStep.objects.filter(person=person).order_by("position", "id")
             if place is None or s.pk != place.pk]
    if place is not None:
        steps.insert(min(max(at or len(steps) + 1, 1), len(steps) + 1) - 1, place)
    for number, s in enumerate(steps, start=1):
        if s.position != number:
            LadderStep.objects.filter(pk=s.pk).update(position=number)
            s.position = number


def _lock_ladder(person: Person) -> None:
    """One change to a person's ladder at a time, so two at once can't hand out the same number."""
    Person.objects.select_for_update().filter(pk=person.pk).first()


def ladder_add(*, user: Any, person: Person, text: str, position: int | None = None,
               anxiety_before: int | None = None) -> tuple[LadderStep, GuardResult]:
    """Add a step at the end, or at ``position`` with the steps from there moving down one."""
    _allowed(person)
    errors: dict[str, list[str]] = {}
    text = _text(text, "text", errors, required=True)
    before = _anxiety(anxiety_before, "anxiety_before", errors)
    if position is not None:
        _position(position, errors)
    _raise(errors)
    result = guard_for(user, text)
    with transaction.atomic():
        _lock_ladder(person)
        step = LadderStep(user=user, person=person, text=text, anxiety_before=before,
                          position=LadderStep.objects.filter(person=person).count() + 1)
        step.full_clean()
        step.save()
        ladder_renumber(person, step, position)
        _notice_hurt(person, result)
    return step, result


def ladder_update(*, user: Any, step: LadderStep, changes: dict[str, Any]) -> tuple[LadderStep, GuardResult]:
    """Change a step: its words, its place, the anxiety before and after, the day it was done."""
    _allowed(step.person)
    errors: dict[str, list[str]] = {}
    texts: list[str] = []
    if "text" in changes:
        step.text = _text(changes["text"], "text", errors, required=True)
        texts.append(step.text)
    moved_to = _position(changes["position"], errors) if "position" in changes else None
    for field in ("anxiety_before", "anxiety_after"):
        if field in changes:
            setattr(step, field, _anxiety(changes[field], field, errors))
    if "done_on" in changes:
        done_on = changes["done_on"]
        if done_on is not None:
            _not_future(user, done_on, "done_on", errors)
        step.done_on = done_on
    _raise(errors)
    result = guard_for(user, *texts)
    step.full_clean()
    with transaction.atomic():
        _lock_ladder(step.person)
        step.save()
        if moved_to is not None and moved_to != step.position:
            ladder_renumber(step.person, step, moved_to)  # the others close up behind it and make room before it
        _notice_hurt(step.person, result)
    return step, result


def ladder_delete(*, user: Any, step: LadderStep) -> None:
    """Remove a step; the ones after it move up, so the numbers stay 1, 2, 3…"""
    with transaction.atomic():
        _lock_ladder(step.person)
        step.delete()
        ladder_renumber(step.person)
