"""Export, delete and import of people and boundaries; the demo builder; `rebond people` and `rebond event add`."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from typer.testing import CliRunner

from rebond.accounts import services as account_services
from rebond.boundaries import demo as boundary_demo
from rebond.boundaries import services as boundary_services
from rebond.boundaries.models import Boundary, BoundaryLog
from rebond.domain import crisis
from rebond.people import demo, selectors, services, words
from rebond.people.models import Annotation, LadderStep, Observation, Person, RepairPath, TheySaid
from tests.conftest import TODAY, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]

MODELS = (Person, Observation, Annotation, TheySaid, RepairPath, LadderStep, Boundary, BoundaryLog)



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


def fill_every_column(user: Any) -> set[str]:
    """Write a distinct marker into every free-text column of people and boundaries; returns the markers."""
    marks: set[str] = set()

    def m(name: str) -> str:
        marks.add(f"plain-{name}")
        return f"plain-{name}"

    person, _ = services.person_create(user=user, name=m("name"), relationship=m("relationship"), hurt="no")
    breach, _ = services.observation_add(user=user, person=person, on=TODAY, kind="honesty_breach", note=m("note"))
    services.observation_annotate(user=user, observation=breach, text=m("annotation"))
    services.repair_update(user=user, breach=breach, stage="rebuild", acknowledge_note=m("ack"),
                           understand_note=m("understand"), rebuild_note=m("rebuild"))
    services.said_create(user=user, person=person, text=m("said"), due_on=TODAY)
    services.ladder_add(user=user, person=person, text=m("step"))
    wrong, _ = services.observation_add(user=user, person=person, on=TODAY, kind="promise_kept")
    services.observation_retract(user=user, observation=wrong, reason=m("reason"))
    b, _ = boundary_services.boundary_save(user=user, data={f: m(f) for f in boundary_services.TEXT_FIELDS})
    boundary_services.log_add(user=user, boundary=b, outcome="held", with_whom=m("whom"), note=m("log-note"))
    return marks


def test_free_text_is_sealed_in_the_database(alice: Any) -> None:
    """Every EncryptedTextField of both apps, found from the models so a new column is checked too: each holds
    something here, all of it sealed (rb1:...), and none of the words written appear in the raw rows."""
    from rebond.core.fields import EncryptedTextField

    marks = fill_every_column(alice)
    columns = [(m._meta.db_table, f.column) for m in MODELS for f in m._meta.get_fields()
               if isinstance(f, EncryptedTextField)]
    assert len(columns) == 22  # 2 person, 2 observation, 1 annotation, 1 said, 3 repair, 1 step, 10 boundary, 2 log
    with connection.cursor() as cursor:
        for table, column in columns:
            cursor.execute(f"SELECT {connection.ops.quote_name(column)} FROM {connection.ops.quote_name(table)}"
                           f" WHERE {connection.ops.quote_name(column)} IS NOT NULL")
            values = [r[0] for r in cursor.fetchall()]
            assert values, f"{table}.{column} was never written here"
            for value in values:
                assert value.startswith("rb1:"), f"{table}.{column}"
                assert not any(mark in value for mark in marks), f"{table}.{column}"


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
    for score in ("in 100", "record so far", "Not enough evidence", "kept"):  # names only: no ranking of people
        assert score not in listed.output, score
    added = cli("event", "add", "alice", str(person.pk), "promise_kept", "--note", "Fixed my bike")
    assert added.exit_code == 0, added.output
    assert "Saved" in added.output
    assert Observation.objects.filter(person=person, note__isnull=False).count() >= 1
    heavy = cli("event", "add", "alice", str(person.pk), "negative_observation", "--note", "I want to kill myself")
    assert heavy.exit_code == 0, heavy.output
    assert "No one is told" in heavy.output and "116 123" in heavy.output  # alice is in GB: Samaritans, in the terminal
    assert "kill" not in heavy.output.split("Saved")[-1]  # the words that matched are never echoed back
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


def flat(result: Any) -> str:
    return " ".join(result.output.split())


def test_cli_one_person_shows_what_their_page_says(alice: Any) -> None:
    person = fill(alice)
    for d in range(10, 30, 2):
        services.observation_add(user=alice, person=person, on=TODAY - timedelta(days=d), kind="promise_kept")
    services.said_create(user=alice, person=person, text="Fix the gate", made_on=TODAY - timedelta(days=5),
                         due_on=TODAY - timedelta(days=1))
    view = selectors.person_view(user=alice, person=person)
    for who in (str(person.pk), "jo"):  # by id or by name
        shown = cli("people", "alice", who)
        assert shown.exit_code == 0, shown.output
        text = flat(shown)
        assert f"Overall: {words.overall_words(view.score)}" in text
        assert f"Estimate: {words.band_words(view.score)}" in text
        assert f"out of 100: {words.shares_line(view.score)}" in text
        assert f"Lately (the last four weeks): {words.lately_line(view.lately)}" in text
        assert "1 apology or amends" in text
        assert "Fix the gate — due Sun 14 Jun · the day has passed" in text
        assert "Call Mum — due Wed 17 Jun" in text and "Wed 17 Jun · the day" not in text
        assert "not proof" in text and "overdue" not in text.lower()
    assert "no person called 'Nobody'" in problem(cli("people", "alice", "Nobody"))
    dora = make_user("dora")
    assert "no person" in problem(cli("people", "dora", str(person.pk)))
    assert Person.objects.filter(user=dora).count() == 0


def test_cli_asks_the_safety_question_and_takes_the_answer(alice: Any) -> None:
    person, _ = services.person_create(user=alice, name="Lee")
    assert "Has this person ever hurt you, threatened you, or made you afraid?" in flat(cli("people", "alice", "Lee"))
    answered = cli("people", "alice", "Lee", "--hurt", "not_sure")
    assert answered.exit_code == 0 and "only you can see it" in flat(answered)
    person.refresh_from_db()
    assert person.hurt == "not_sure" and "Deciding not to rebuild is also a healthy choice." in flat(answered)
    assert "yes, no or not_sure" in problem(cli("people", "alice", "Lee", "--hurt", "maybe"))
    assert "which person" in problem(cli("people", "alice", "--hurt", "no"))
    person.refresh_from_db()
    assert person.hurt == "not_sure"


def test_cli_event_add_from_checking(alice: Any) -> None:
    person = fill(alice)
    added = cli("event", "add", "alice", str(person.pk), "negative_observation", "--from-checking",
                "--note", "Saw the messages on the tablet")
    assert added.exit_code == 0, added.output
    assert Observation.objects.filter(person=person, kind="negative_observation", retracted_at__isnull=True
                                      ).get().from_checking is True
    assert "pattern worth talking over" in flat(added)
    plain = cli("event", "add", "alice", "Jo", "promise_kept")  # by name too
    assert plain.exit_code == 0 and "pattern worth" not in flat(plain)
    assert Observation.objects.filter(person=person, kind="promise_kept", from_checking=True).count() == 0


def test_all_models_are_covered_by_the_deleter() -> None:
    ours = {m for m in apps.get_models() if m._meta.app_label in {"people", "boundaries"}}
    assert ours == set(MODELS)
