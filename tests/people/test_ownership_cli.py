"""Export, delete and import of people and boundaries; the demo builder; `rebond people` and `rebond event add`."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from typer.testing import CliRunner

from rebond.accounts import services as account_services
from rebond.boundaries import demo as boundary_demo
from rebond.boundaries import services as boundary_services
from rebond.boundaries.models import Boundary, BoundaryLog
from rebond.domain import crisis
from rebond.people import demo, selectors, services
from rebond.people.models import Annotation, LadderStep, Observation, Person, RepairPath, TheySaid
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

NOW = "2026-06-15 12:00:00+00:00"
TODAY = date(2026, 6, 15)
MODELS = (Person, Observation, Annotation, TheySaid, RepairPath, LadderStep, Boundary, BoundaryLog)


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


def fill(user: Any) -> Person:
    person, _ = services.person_create(user=user, name="Jo", relationship="brother", hurt="no")
    breach, _ = services.observation_add(user=user, person=person, on=TODAY - timedelta(days=9), kind="honesty_breach",
                                         severity=2, note="Said he paid the rent; he hadn't", from_checking=True)
    services.observation_add(user=user, person=person, on=TODAY - timedelta(days=8), kind="apology", repairs=breach.pk)
    kept, _ = services.observation_add(user=user, person=person, on=TODAY - timedelta(days=5), kind="promise_kept")
    services.observation_annotate(user=user, observation=kept, text="It was on time")
    wrong, _ = services.observation_add(user=user, person=person, on=TODAY - timedelta(days=4), kind="negative_observation")
    services.observation_retract(user=user, observation=wrong, reason="Wrong person")
    services.repair_update(user=user, breach=breach, stage="understand", acknowledge_note="He said it plainly")
    said, _ = services.said_create(user=user, person=person, text="Pay me back", due_on=TODAY)
    services.said_resolve(user=user, said=said, outcome="kept")
    services.said_create(user=user, person=person, text="Call Mum", due_on=TODAY + timedelta(days=2))
    step, _ = services.ladder_add(user=user, person=person, text="Lend him a tenner", anxiety_before=5)
    services.ladder_update(user=user, step=step, changes={"anxiety_after": 3, "done_on": TODAY})
    b, _ = boundary_services.boundary_save(user=user, data={"what": "No money talk at dinner", "person": person.pk,
                                                            "express": "I feel tense"})
    boundary_services.log_add(user=user, boundary=b, outcome="held", with_whom="Jo", note="Went fine")
    return person


def rows() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in MODELS}


def test_export_holds_everything_written(alice: Any) -> None:
    fill(alice)
    sections = account_services.account_export(user=alice)["sections"]
    person = sections["people"]["people"][0]
    assert person["name"] == "Jo" and person["hurt"] == "no"
    notes = [o["note"] for o in person["observations"]]
    assert "Said he paid the rent; he hadn't" in notes
    assert any(o["retracted_at"] and o["retraction_reason"] == "Wrong person" for o in person["observations"])
    assert any(o["annotations"] for o in person["observations"])
    assert person["ladder"][0]["anxiety_after"] == 3
    assert sections["boundaries"]["boundaries"][0]["express"] == "I feel tense"
    json.dumps(sections)


def test_delete_account_leaves_no_row(bob: Any) -> None:
    before = rows()
    alice = make_user("alice")
    fill(alice)
    demo.build(alice)
    boundary_demo.build(alice)
    fill(bob)
    assert rows() != before
    account_services.account_delete(user=alice)
    for model in MODELS:
        assert not model.objects.filter(user_id=alice.pk).exists(), model
    # bob's record is untouched.
    assert Person.objects.filter(user=bob).count() == 1 and Boundary.objects.filter(user=bob).count() == 1


def test_free_text_is_sealed_in_the_database(alice: Any) -> None:
    fill(alice)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM people_person")
        names = [r[0] for r in cursor.fetchall()]
        cursor.execute("SELECT note FROM people_observation WHERE note IS NOT NULL")
        notes = [r[0] for r in cursor.fetchall()]
        cursor.execute("SELECT what, express FROM boundaries_boundary")
        boundary = cursor.fetchall()
    assert "Jo" not in names and not any("rent" in n for n in notes)
    assert not any("money" in w or "tense" in e for w, e in boundary)


def test_import_round_trip(alice: Any, charlie: Any) -> None:
    fill(alice)
    exported = json.loads(json.dumps(account_services.account_export(user=alice)))
    result = account_services.account_import(user=charlie, data=exported)
    assert result["people"] >= 10 and result["boundaries"] == 2
    person = Person.objects.get(user=charlie)
    assert selectors.person_trust(user=charlie, person=person).estimate == pytest.approx(
        selectors.person_trust(user=alice, person=Person.objects.get(user=alice)).estimate)
    assert Observation.objects.filter(user=charlie, retracted_at__isnull=False).count() == 1
    assert Observation.objects.filter(user=charlie, repairs__isnull=False).count() == 1
    assert Boundary.objects.get(user=charlie).person == person
    assert TheySaid.objects.filter(user=charlie, status="pending").count() == 1


def test_demo_adds_two_lifelike_people_without_crisis_content(alice: Any) -> None:
    demo.build(alice)
    boundary_demo.build(alice)
    people = selectors.person_list(user=alice)
    assert [str(p.name) for p in people] == ["Jordan", "Robin"]
    jordan = people[0]
    kinds = {o.kind for o in Observation.objects.filter(person=jordan)}
    assert {"honesty_breach", "apology", "amends", "promise_kept"} <= kinds  # rebuilding after a breach
    view = selectors.person_view(user=alice, person=jordan)
    assert view.score.status != "not_enough_evidence" and view.lately.kept >= 3
    texts = [str(o.note) for o in Observation.objects.filter(user=alice) if o.note]
    texts += [s.text for s in TheySaid.objects.filter(user=alice)] + [s.text for s in LadderStep.objects.filter(user=alice)]
    for b in Boundary.objects.filter(user=alice):
        texts += [b.what, b.why, b.how, b.describe, b.express]
    for text in texts:
        result = crisis.check(text)
        assert not result.detected and not result.harmed_by_other, text


def cli(*args: str) -> Any:
    from rebond.cli import app

    return CliRunner().invoke(app, list(args))


def problem(result: Any) -> str:
    """What a refused command tells the person (RebondError, shown by the entry point)."""
    from rebond.cli import RebondError

    assert isinstance(result.exception, RebondError), result.output
    return str(result.exception)


def test_cli_people_and_event_add(alice: Any) -> None:
    person = fill(alice)
    services.person_create(user=alice, name="Ana")
    listed = cli("people", "alice")
    assert listed.exit_code == 0, listed.output
    assert listed.output.index("Ana") < listed.output.index("Jo") and "not proof" in listed.output
    added = cli("event", "add", "alice", str(person.pk), "promise_kept", "--note", "Fixed my bike")
    assert added.exit_code == 0, added.output
    assert "Saved" in added.output
    assert Observation.objects.filter(person=person, note__isnull=False).count() >= 1
    future = cli("event", "add", "alice", str(person.pk), "promise_kept", "--on", str(TODAY + timedelta(days=1)))
    assert "on:" in problem(future) and "future" in problem(future)
    orphan = cli("event", "add", "alice", str(person.pk), "apology")
    assert "repairs:" in problem(orphan)
    severe = cli("event", "add", "alice", str(person.pk), "promise_broken", "--severity", "9")
    assert "severity:" in problem(severe)
    stranger = make_user("dora")
    assert "no person" in problem(cli("event", "add", "dora", str(person.pk), "promise_kept"))
    assert not Observation.objects.filter(user=stranger).exists()
    assert "no account" in problem(cli("people", "nobody"))


def test_all_models_are_covered_by_the_deleter() -> None:
    ours = {m for m in apps.get_models() if m._meta.app_label in {"people", "boundaries"}}
    assert ours == set(MODELS)
