"""What the people app exports, deletes and imports for a person."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rebond.people.models import (
    BREACH_KINDS,
    REPAIR_KINDS,
    SEVERITY_MAX,
    SEVERITY_MIN,
    Annotation,
    Kind,
    LadderStep,
    Observation,
    Person,
    RepairPath,
    TheySaid,
)
from rebond.people.services import ladder_renumber


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_all(user: Any) -> dict[str, Any]:
    people = []
    for person in Person.objects.filter(user=user).order_by("id"):
        observations = []
        for o in Observation.objects.filter(user=user, person=person).order_by("on", "id"):
            path = RepairPath.objects.filter(breach=o).first()
            observations.append({
                "ref": o.pk, "on": o.on.isoformat(), "kind": o.kind, "severity": o.severity,
                "repairs": o.repairs_id, "note": o.note or "", "from_checking": o.from_checking,
                "retracted_at": _iso(o.retracted_at), "retraction_reason": o.retraction_reason or "",
                "annotations": [{"text": a.text, "at": _iso(a.created_at)} for a in o.annotations.order_by("id")],
                "repair_path": None if path is None else {
                    "stage": path.stage, "acknowledge_note": path.acknowledge_note or "",
                    "understand_note": path.understand_note or "", "rebuild_note": path.rebuild_note or "",
                },
            })
        people.append({
            "name": person.name, "relationship": person.relationship, "hurt": person.hurt,
            "hurt_recheck": person.hurt_recheck, "observations": observations,
            "they_said": [
                {"text": s.text, "made_on": s.made_on.isoformat(), "due_on": s.due_on.isoformat(), "status": s.status,
                 "observation": s.observation_id}
                for s in TheySaid.objects.filter(user=user, person=person).order_by("id")
            ],
            "ladder": [
                {"position": s.position, "text": s.text, "anxiety_before": s.anxiety_before,
                 "anxiety_after": s.anxiety_after, "done_on": _iso(s.done_on)}
                for s in LadderStep.objects.filter(user=user, person=person).order_by("position", "id")
            ],
        })
    return {"people": people}


def delete_all(user: Any) -> None:
    Annotation.objects.filter(user=user).delete()
    RepairPath.objects.filter(user=user).delete()
    TheySaid.objects.filter(user=user).delete()
    LadderStep.objects.filter(user=user).delete()
    # Repairs point at breaches: remove them first so nothing is left half-linked.
    Observation.objects.filter(user=user, repairs__isnull=False).delete()
    Observation.objects.filter(user=user).delete()
    Person.objects.filter(user=user).delete()


def _day(value: Any) -> date:
    return date.fromisoformat(value)


def _maybe_day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _moment(value: Any) -> datetime | None:
    if not (isinstance(value, str) and value):
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _latest_day() -> date:
    """The latest day any time zone has reached: an exported record can't be dated after it."""
    return timezone.now().astimezone(UTC).date() + timedelta(days=1)


class _Problems:
    """What is wrong with a file, each named by where it is (person 2, ledger entry 5), never by its words."""

    LIMIT = 20

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, what: str) -> None:
        if len(self.items) < self.LIMIT:
            self.items.append(f"{where}: {what}")

    def save(self, where: str, obj: Any, **clean: Any) -> Any | None:
        try:
            obj.full_clean(**clean)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                self.add(where, f"{field}: {' '.join(messages)}")
            return None
        obj.save()
        return obj


def _ref(value: Any) -> int | str | None:
    """A ref as the export writes it (the entry's number); anything else can't point at an entry."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    return value


def _check_observation(o: dict[str, Any], refs: dict[Any, Observation], latest: date, where: str,
                       problems: _Problems) -> tuple[date, float, Observation | None] | None:
    """The day, severity and breach of one exported entry, or None (with the problems named) if it can't be kept."""
    before = len(problems.items)
    kind = o.get("kind")
    if kind not in Kind.values:
        problems.add(where, "the kind of moment isn't one rebond knows.")
    try:
        on: date | None = _day(o.get("on"))
    except (TypeError, ValueError):
        on = None
        problems.add(where, "the date isn't a day like 2025-03-30.")
    if on is not None and on > latest:
        problems.add(where, "the date is in the future.")
    severity = o.get("severity", 1.0)
    if (isinstance(severity, bool) or not isinstance(severity, int | float) or not math.isfinite(severity)
            or not SEVERITY_MIN <= severity <= SEVERITY_MAX):
        problems.add(where, f"how much it mattered must be from {SEVERITY_MIN:g} to {SEVERITY_MAX:g}.")
    ref = _ref(o.get("ref"))
    if ref is not None and ref in refs:
        problems.add(where, "two entries share the same ref.")
    repairs = o.get("repairs")
    breach = None
    if kind in REPAIR_KINDS:
        breach = refs.get(_ref(repairs)) if repairs is not None else None
        if repairs is None:
            problems.add(where, "an apology or amends must point at an earlier hard moment.")
        elif breach is None:
            problems.add(where, "it points at a moment that isn't earlier in this person's record.")
        elif breach.kind not in BREACH_KINDS:
            problems.add(where, "it points at a moment that isn't a hard one, so it can't repair it.")
        elif on is not None and breach.on > on:
            problems.add(where, "it is dated before the moment it repairs.")
    elif repairs is not None:
        problems.add(where, "only an apology or amends can point at another moment.")
    try:
        _moment(o.get("retracted_at"))
    except (TypeError, ValueError):
        problems.add(where, "the day it was taken back can't be read.")
    if len(problems.items) > before or on is None:
        return None
    return on, float(severity), breach


def import_all(user: Any, data: Any) -> int:
    """Add the exported people and their ledgers to this account, as they were (retractions included).

    The whole file is checked as it is read: a repair must point at an earlier hard moment of the same person that
    came before it in the file, other entries point at nothing, and kinds, severities and days must be ones rebond
    could have written. Any problem refuses the whole import, naming each place, and nothing is kept."""
    if not isinstance(data, dict):
        return 0
    added = 0
    latest = _latest_day()
    problems = _Problems()
    try:
        with transaction.atomic():
            for p_no, item in enumerate(data.get("people") or [], start=1):
                at = f"Person {p_no}"
                person = problems.save(at, Person(user=user, name=str(item.get("name", "")),
                                                  relationship=str(item.get("relationship") or ""),
                                                  hurt=item.get("hurt") or "",
                                                  hurt_recheck=item.get("hurt_recheck") is True))
                if person is None:
                    continue
                added += 1
                refs: dict[Any, Observation] = {}
                for o_no, o in enumerate(item.get("observations") or [], start=1):
                    where = f"{at}, ledger entry {o_no}"
                    checked = _check_observation(o, refs, latest, where, problems)
                    if checked is None:
                        continue
                    on, severity, breach = checked
                    obs = problems.save(where, Observation(
                        user=user, person=person, on=on, kind=o.get("kind"), severity=severity, repairs=breach,
                        note=str(o.get("note") or "") or None, from_checking=bool(o.get("from_checking")),
                        retracted_at=_moment(o.get("retracted_at")),
                        retraction_reason=str(o.get("retraction_reason") or "") or None,
                    ), validate_constraints=False)
                    if obs is None:
                        continue
                    if _ref(o.get("ref")) is not None:
                        refs[_ref(o.get("ref"))] = obs
                    added += 1
                    for a in o.get("annotations") or []:
                        added += problems.save(where, Annotation(user=user, observation=obs,
                                                                 text=str(a.get("text", "")))) is not None
                    path = o.get("repair_path")
                    if isinstance(path, dict):
                        if obs.kind not in BREACH_KINDS:
                            problems.add(where, "repair steps belong to a hard moment.")
                            continue
                        added += problems.save(where, RepairPath(
                            user=user, breach=obs, stage=path.get("stage", "acknowledge"),
                            acknowledge_note=path.get("acknowledge_note") or None,
                            understand_note=path.get("understand_note") or None,
                            rebuild_note=path.get("rebuild_note") or None)) is not None
                for s_no, s in enumerate(item.get("they_said") or [], start=1):
                    where = f"{at}, \"they said they would\" {s_no}"
                    made_on, due_on = _day(s.get("made_on")), _day(s.get("due_on"))
                    observation = None
                    if s.get("observation") is not None:
                        observation = refs.get(_ref(s.get("observation")))
                        if observation is None:
                            problems.add(where, "it points at a moment that isn't in this person's record.")
                            continue
                    if made_on > latest:
                        problems.add(where, "the day it was said is in the future.")
                    if due_on < made_on:
                        problems.add(where, "the day it's due is before the day it was said.")
                    added += problems.save(where, TheySaid(
                        user=user, person=person, text=str(s.get("text", "")), made_on=made_on, due_on=due_on,
                        status=s.get("status", "pending"), observation=observation)) is not None
                for l_no, s in enumerate(item.get("ladder") or [], start=1):
                    added += problems.save(f"{at}, ladder step {l_no}", LadderStep(
                        user=user, person=person, position=int(s.get("position", 1)), text=str(s.get("text", "")),
                        anxiety_before=s.get("anxiety_before"), anxiety_after=s.get("anxiety_after"),
                        done_on=_maybe_day(s.get("done_on")))) is not None
                ladder_renumber(person)  # an edited file may repeat a number: steps go 1, 2, 3… here
            if problems.items:
                # Raised inside the transaction, so nothing from this file is kept.
                raise ValidationError({"people": problems.items})
    except (TypeError, ValueError, AttributeError) as exc:
        raise ValidationError({"people": ["The people in this file can't be read."]}) from exc
    return added
