"""Every free-text write passes the safety guard (contributing.md, Free text; UX.md, Safety).

Every model with an EncryptedTextField is listed here with the service calls that write it (creating and changing),
or with why its text isn't something a person writes. Each call writes a word of its own into each field it names;
the test then finds that word stored in the field and among the texts the guard read. A new encrypted model or
field fails here until its write path is listed, and a path that skips the guard fails when it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from itertools import count
from typing import Any

import pytest
from django.apps import apps

from rebond.core.fields import EncryptedTextField
from rebond.safety import guard
from tests.conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]

# Encrypted, but never typed by a person: nothing there for the crisis check to read.
NOT_WRITTEN_BY_PEOPLE = {
    "accounts.TwoFactor": "the authenticator secret rebond generates",
    "promises.CalendarFeed": "the calendar feed's generated token",
}


@dataclass(frozen=True)
class World:
    alice: Any
    bob: Any


Marks = dict[str, str]


@dataclass(frozen=True)
class Path:
    model: str
    name: str
    fields: tuple[str, ...]
    write: Callable[[World, Marks], Any]


def _person(w: World) -> Any:
    from rebond.people import services

    return services.person_create(user=w.alice, name="Sam")[0]


def _breach(w: World) -> Any:
    from rebond.people import services

    return services.observation_add(user=w.alice, person=_person(w), on=TODAY, kind="honesty_breach")[0]


def _promise(w: World) -> Any:
    from rebond.promises import services

    return services.promise_create(user=w.alice, text="Walk", starts_on=TODAY, rrule="FREQ=DAILY")[0]


def _record(w: World) -> Any:
    from rebond.thoughts import services

    return services.record_save(user=w.alice, changes={"situation": "A quiet day"})[0]


def _boundary(w: World) -> Any:
    from rebond.boundaries import services

    return services.boundary_save(user=w.alice, data={"what": "No calls after nine"})[0]


def _paths() -> list[Path]:
    from rebond.accounts import services as accounts
    from rebond.boundaries import services as boundaries
    from rebond.boundaries.services import TEXT_FIELDS as BOUNDARY_FIELDS
    from rebond.care import services as care
    from rebond.journal import services as journal
    from rebond.measures import services as measures
    from rebond.people import services as people
    from rebond.promises import services as promises
    from rebond.safety import plan
    from rebond.thoughts import services as thoughts
    from rebond.thoughts.services import TEXT_FIELDS as RECORD_FIELDS

    return [
        Path("accounts.User", "profile", ("display_name",), lambda w, m: accounts.profile_update(
            user=w.alice, display_name=m["display_name"], email="", time_zone="UTC", region="GB", discreet_mode=False)),
        Path("safety.SafetyPlan", "save", ("content",), lambda w, m: plan.plan_save(
            user=w.alice, entries={"coping": {"text": m["content"], "obstacle": ""}})),
        Path("care.ClinicianPledge", "set", ("urgent_contact",), lambda w, m: care.pledge_set(
            user=w.bob, check_frequency="Mondays", urgent_contact=m["urgent_contact"])),
        Path("care.Encouragement", "send", ("text",), lambda w, m: care.encouragement_send(
            sender=w.bob, owner=w.alice, text=m["text"])),
        Path("care.Homework", "assign", ("note",), lambda w, m: care.homework_assign(
            clinician=w.bob, owner=w.alice, kind="grounding", due_on=TODAY, assigned_on=TODAY, note=m["note"])),
        Path("thoughts.ThoughtRecord", "create", RECORD_FIELDS, lambda w, m: thoughts.record_save(
            user=w.alice, changes=dict(m))),
        Path("thoughts.ThoughtRecord", "change", RECORD_FIELDS, lambda w, m: thoughts.record_save(
            user=w.alice, record=_record(w), changes=dict(m))),
        Path("thoughts.AutomaticThought", "record", ("text",), lambda w, m: thoughts.record_save(
            user=w.alice, changes={"thoughts": [{"text": m["text"], "hot": True}]})),
        Path("thoughts.Emotion", "record", ("name",), lambda w, m: thoughts.record_save(
            user=w.alice, changes={"emotions": [{"name": m["name"], "before": 60}]})),
        Path("journal.JournalEntry", "create", ("body", "retelling"), lambda w, m: journal.entry_create(
            user=w.alice, kind="narrative-re-authoring", body=m["body"], retelling=m["retelling"])),
        Path("journal.JournalEntry", "change", ("body", "retelling"), lambda w, m: journal.entry_update(
            user=w.alice, entry=journal.entry_create(user=w.alice, kind="narrative-re-authoring", body="A start")[0],
            body=m["body"], retelling=m["retelling"])),
        Path("people.Person", "create", ("name", "relationship"), lambda w, m: people.person_create(
            user=w.alice, name=m["name"], relationship=m["relationship"])),
        Path("people.Person", "change", ("name", "relationship"), lambda w, m: people.person_update(
            user=w.alice, person=_person(w), name=m["name"], relationship=m["relationship"])),
        Path("people.Observation", "add", ("note",), lambda w, m: people.observation_add(
            user=w.alice, person=_person(w), on=TODAY, kind="empathy_shown", note=m["note"])),
        Path("people.Observation", "retract", ("retraction_reason",), lambda w, m: people.observation_retract(
            user=w.alice, observation=_breach(w), reason=m["retraction_reason"])),
        Path("people.Annotation", "annotate", ("text",), lambda w, m: people.observation_annotate(
            user=w.alice, observation=_breach(w), text=m["text"])),
        Path("people.TheySaid", "create", ("text",), lambda w, m: people.said_create(
            user=w.alice, person=_person(w), text=m["text"], due_on=TODAY + timedelta(days=3))),
        Path("people.RepairPath", "update", ("acknowledge_note", "understand_note", "rebuild_note"),
             lambda w, m: people.repair_update(user=w.alice, breach=_breach(w), stage="acknowledge", **m)),
        Path("people.LadderStep", "add", ("text",), lambda w, m: people.ladder_add(
            user=w.alice, person=_person(w), text=m["text"])),
        Path("people.LadderStep", "change", ("text",), lambda w, m: people.ladder_update(
            user=w.alice, step=people.ladder_add(user=w.alice, person=_person(w), text="Coffee")[0],
            changes={"text": m["text"]})),
        Path("boundaries.Boundary", "create", BOUNDARY_FIELDS, lambda w, m: boundaries.boundary_save(
            user=w.alice, data=dict(m))),
        Path("boundaries.Boundary", "change", BOUNDARY_FIELDS, lambda w, m: boundaries.boundary_save(
            user=w.alice, boundary=_boundary(w), data=dict(m))),
        Path("boundaries.BoundaryLog", "add", ("with_whom", "note"), lambda w, m: boundaries.log_add(
            user=w.alice, boundary=_boundary(w), outcome="held", on=TODAY, **m)),
        Path("measures.DailyCheckin", "save", ("note",), lambda w, m: measures.checkin_save(
            user=w.alice, on=TODAY, mood=3, safety="safe", note=m["note"])),
        Path("promises.Promise", "create", ("text", "why"), lambda w, m: promises.promise_create(
            user=w.alice, text=m["text"], why=m["why"], starts_on=TODAY, rrule="FREQ=DAILY")),
        Path("promises.Promise", "change", ("text", "why"), lambda w, m: promises.promise_update(
            user=w.alice, promise=_promise(w), text=m["text"], why=m["why"])),
        Path("promises.CheckIn", "record", ("note",), lambda w, m: promises.checkin_record(
            user=w.alice, promise=_promise(w), on=TODAY, outcome="kept", note=m["note"])),
        Path("promises.CheckIn", "debrief", ("obstacle", "smaller_step"), lambda w, m: promises.checkin_debrief(
            user=w.alice, checkin=promises.checkin_record(user=w.alice, promise=_promise(w), on=TODAY,
                                                          outcome="missed")[0], **m)),
        Path("promises.Victory", "create", ("text",), lambda w, m: promises.victory_create(
            user=w.alice, text=m["text"])),
    ]


def _free_text_fields() -> dict[str, set[str]]:
    """Every model with encrypted text, and its encrypted fields, as Django knows them now."""
    found: dict[str, set[str]] = {}
    for model in apps.get_models():
        names = {f.name for f in model._meta.get_fields() if isinstance(f, EncryptedTextField)}
        if names:
            found[model._meta.label] = names
    return found


def test_every_encrypted_field_has_a_guarded_path_listed() -> None:
    encrypted = _free_text_fields()
    covered: dict[str, set[str]] = {}
    for path in _paths():
        covered.setdefault(path.model, set()).update(path.fields)
    unlisted = {label: sorted(fields - covered.get(label, set())) for label, fields in encrypted.items()
                if label not in NOT_WRITTEN_BY_PEOPLE and fields - covered.get(label, set())}
    assert not unlisted, f"free text with no guarded write listed here: {unlisted}"
    assert set(NOT_WRITTEN_BY_PEOPLE) <= set(encrypted), "an exception here names a model with no encrypted text"
    assert set(covered) <= set(encrypted)


@pytest.fixture
def guarded(monkeypatch: Any) -> Iterator[list[str]]:
    """Every text the guard reads, in order (guard_for and the import check both go through guard_texts)."""
    seen: list[str] = []
    real = guard.guard_texts

    def counting(*, texts: Any, region: str | None = None) -> guard.GuardResult:
        texts = list(texts)
        seen.extend(t for t in texts if t)
        return real(texts=texts, region=region)

    monkeypatch.setattr(guard, "guard_texts", counting)
    yield seen


_words = count(1)


@pytest.mark.parametrize("path", _paths(), ids=lambda p: f"{p.model}.{p.name}")
def test_the_write_passes_the_guard(path: Path, guarded: list[str], alice: Any, bob: Any) -> None:
    from tests.conftest import share

    share(alice, bob)
    marks = {field: f"Zephyrine{next(_words)}Quill" for field in path.fields}
    guarded.clear()
    path.write(World(alice=alice, bob=bob), marks)
    rows = list(apps.get_model(path.model).objects.all())
    for field, mark in marks.items():
        assert any(mark in str(getattr(row, field) or "") for row in rows), f"{field}: the path didn't store it"
        assert any(mark in text for text in guarded), f"{path.model}.{field} was stored without passing the guard"
