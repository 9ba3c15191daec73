"""What the people app exports, deletes and imports for a person."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from rebond.people.models import Annotation, LadderStep, Observation, Person, RepairPath, TheySaid


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
            "observations": observations,
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
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _save(obj: Any, **clean: Any) -> Any:
    obj.full_clean(**clean)
    obj.save()
    return obj


def import_all(user: Any, data: Any) -> int:
    """Add the exported people and their ledgers to this account, as they were (retractions included)."""
    if not isinstance(data, dict):
        return 0
    added = 0
    try:
        with transaction.atomic():
            for item in data.get("people") or []:
                person = _save(Person(user=user, name=str(item.get("name", "")),
                                      relationship=str(item.get("relationship") or ""), hurt=item.get("hurt") or ""))
                added += 1
                refs: dict[Any, Observation] = {}
                for o in item.get("observations") or []:
                    obs = Observation(
                        user=user, person=person, on=_day(o.get("on")), kind=o.get("kind"),
                        severity=float(o.get("severity", 1.0)), repairs=refs.get(o.get("repairs")),
                        note=str(o.get("note") or "") or None, from_checking=bool(o.get("from_checking")),
                        retracted_at=_moment(o.get("retracted_at")),
                        retraction_reason=str(o.get("retraction_reason") or "") or None,
                    )
                    _save(obs, validate_constraints=False)
                    refs[o.get("ref")] = obs
                    added += 1
                    for a in o.get("annotations") or []:
                        _save(Annotation(user=user, observation=obs, text=str(a.get("text", ""))))
                        added += 1
                    path = o.get("repair_path")
                    if isinstance(path, dict):
                        _save(RepairPath(user=user, breach=obs, stage=path.get("stage", "acknowledge"),
                                         acknowledge_note=path.get("acknowledge_note") or None,
                                         understand_note=path.get("understand_note") or None,
                                         rebuild_note=path.get("rebuild_note") or None))
                        added += 1
                for s in item.get("they_said") or []:
                    _save(TheySaid(user=user, person=person, text=str(s.get("text", "")), made_on=_day(s.get("made_on")),
                                   due_on=_day(s.get("due_on")), status=s.get("status", "pending"),
                                   observation=refs.get(s.get("observation"))))
                    added += 1
                for s in item.get("ladder") or []:
                    _save(LadderStep(user=user, person=person, position=int(s.get("position", 1)),
                                     text=str(s.get("text", "")), anxiety_before=s.get("anxiety_before"),
                                     anxiety_after=s.get("anxiety_after"), done_on=_maybe_day(s.get("done_on"))))
                    added += 1
    except (TypeError, ValueError, AttributeError) as exc:
        raise ValidationError({"people": ["The people in this file can't be read."]}) from exc
    return added
