"""The people services: the design's vectors I1–I14 through the database, the ledger's rules (append-only,
retractions, repairs that must point back, no future dates, bounded severity) and safety-first people."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError

from rebond.people import selectors, services, words
from rebond.people.models import Observation, SaidStatus
from tests.conftest import client_for, html
from tests.design_files import design_file

pytestmark = pytest.mark.django_db

VECTORS_PATH = design_file("trust-vectors.json")
TOLERANCE = 5e-4
FIELDS = {"estimate": "estimate", "uncertainty": "uncertainty", "belief": "belief", "disbelief": "disbelief",
          "p10": "low", "p90": "high", "R": "evidence_for", "S": "evidence_against", "sd": "sd"}


def _vectors() -> list[dict[str, Any]]:
    data = json.loads(VECTORS_PATH.read_text(encoding="utf-8"))
    return [v for v in data["vectors"] if v["id"] in {f"I{i}" for i in range(1, 15)}]


@pytest.mark.parametrize("vector", _vectors(), ids=lambda v: v["id"])
def test_interpersonal_vectors_reproduce_through_the_services(alice: Any, vector: dict[str, Any]) -> None:
    person, _ = services.person_create(user=alice, name=f"Vector {vector['id']}", hurt="no")
    ids: dict[str, int] = {}
    for ev in sorted(vector["events"], key=lambda e: e["date"]):
        repairs = ids[ev["repairs"]] if ev.get("repairs") else None
        obs, _ = services.observation_add(user=alice, person=person, on=date.fromisoformat(ev["date"]),
                                          kind=ev["kind"], severity=ev.get("severity", 1.0), repairs=repairs)
        ids[ev["id"]] = obs.pk
    on = date.fromisoformat(vector["evaluate_on"])
    view = selectors.person_view(user=alice, person=person, on=on)  # what the person's page shows
    assert set(FIELDS) | {"status"} == set(vector["expected"])  # every number the design gives is compared
    for result in (selectors.person_trust(user=alice, person=person, on=on), view.score):
        for key, attr in FIELDS.items():
            assert getattr(result, attr) == pytest.approx(vector["expected"][key], abs=TOLERANCE), key
        assert result.status == vector["expected"]["status"]
    # The page itself, opened on that day, shows that very score in words.
    with time_machine.travel(f"{on.isoformat()} 12:00:00+00:00", tick=False):
        page = html(client_for(alice).get(f"/people/{person.pk}/"))
    assert words.overall_words(view.score) in page
    if view.score.status == "not_enough_evidence":
        assert " in 100" not in page
    else:
        assert f"Estimate: {words.band_words(view.score)}. {words.status_words(view.score)}" in page


def test_vectors_cover_i1_to_i14() -> None:
    assert len(_vectors()) == 14


@pytest.fixture
def person(alice: Any) -> Any:
    return services.person_create(user=alice, name="Sam", relationship="friend", hurt="no")[0]


def errors_of(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return exc.value.message_dict


def test_future_date_is_refused_naming_on(alice: Any, person: Any) -> None:
    tomorrow = services.user_today(alice) + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.observation_add(user=alice, person=person, on=tomorrow, kind="promise_kept")
    assert "future" in errors_of(exc)["on"][0]


@pytest.mark.parametrize("severity", [0.4, 3.1, -1, "lots", True])
def test_severity_out_of_range_names_severity(alice: Any, person: Any, severity: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        services.observation_add(user=alice, person=person, on=date(2025, 1, 1), kind="promise_broken",
                                 severity=severity)
    assert list(errors_of(exc)) == ["severity"]


def test_repair_must_point_at_an_earlier_breach_by_the_same_person(alice: Any, person: Any) -> None:
    day = date(2025, 3, 1)
    with pytest.raises(ValidationError) as exc:
        services.observation_add(user=alice, person=person, on=day, kind="apology")
    assert "repairs" in errors_of(exc)
    kept, _ = services.observation_add(user=alice, person=person, on=day, kind="promise_kept")
    with pytest.raises(ValidationError):  # not a breach
        services.observation_add(user=alice, person=person, on=day, kind="apology", repairs=kept.pk)
    breach, _ = services.observation_add(user=alice, person=person, on=day, kind="promise_broken")
    with pytest.raises(ValidationError):  # the breach is later than the apology
        services.observation_add(user=alice, person=person, on=day - timedelta(days=1), kind="apology",
                                 repairs=breach.pk)
    other, _ = services.person_create(user=alice, name="Kai")
    with pytest.raises(ValidationError):  # someone else's breach
        services.observation_add(user=alice, person=other, on=day, kind="apology", repairs=breach.pk)
    apology, _ = services.observation_add(user=alice, person=person, on=day, kind="apology", repairs=breach.pk)
    assert apology.repairs_id == breach.pk
    with pytest.raises(ValidationError) as exc:
        services.observation_add(user=alice, person=person, on=day, kind="promise_kept", repairs=breach.pk)
    assert "repairs" in errors_of(exc)


def test_unknown_kind_names_kind(alice: Any, person: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        services.observation_add(user=alice, person=person, on=date(2025, 1, 1), kind="betrayal")
    assert "kind" in errors_of(exc)


def test_retraction_keeps_the_entry_and_drops_it_and_its_repairs_from_the_score(alice: Any, person: Any) -> None:
    day = date(2025, 3, 1)
    on = day + timedelta(days=10)
    for i in range(4):
        services.observation_add(user=alice, person=person, on=day + timedelta(days=i), kind="promise_kept")
    before = selectors.person_trust(user=alice, person=person, on=on).estimate
    breach, _ = services.observation_add(user=alice, person=person, on=day + timedelta(days=5), kind="honesty_breach")
    services.observation_add(user=alice, person=person, on=day + timedelta(days=6), kind="apology", repairs=breach.pk)
    assert selectors.person_trust(user=alice, person=person, on=on).estimate < before
    services.observation_retract(user=alice, observation=breach, reason="I misread what happened.")
    after = selectors.person_trust(user=alice, person=person, on=on)
    assert after.estimate == pytest.approx(before)
    assert after.counts["apology"] == 0 and after.counts["honesty_breach"] == 0
    assert Observation.objects.filter(person=person).count() == 6  # nothing was deleted
    breach.refresh_from_db()
    assert breach.retracted_at is not None and breach.retraction_reason == "I misread what happened."
    with pytest.raises(ValidationError):
        services.observation_retract(user=alice, observation=breach)
    # A retracted breach can't be repaired again.
    with pytest.raises(ValidationError):
        services.observation_add(user=alice, person=person, on=on, kind="amends", repairs=breach.pk)


def test_annotation_sits_beside_an_unchanged_entry(alice: Any, person: Any) -> None:
    obs, _ = services.observation_add(user=alice, person=person, on=date(2025, 1, 2), kind="empathy_shown",
                                      note="Asked how my day went.")
    services.observation_annotate(user=alice, observation=obs, text="We talked about this later.")
    obs.refresh_from_db()
    assert obs.note == "Asked how my day went."
    assert [a.text for a in obs.annotations.all()] == ["We talked about this later."]


def test_no_update_service_exists_for_observations() -> None:
    assert not [name for name in dir(services) if name.startswith("observation_") and
                name not in {"observation_add", "observation_retract", "observation_annotate"}]


def test_they_said_they_would_becomes_evidence_only_when_resolved(alice: Any, person: Any) -> None:
    today = services.user_today(alice)
    said, _ = services.said_create(user=alice, person=person, text="Pay back the loan", due_on=today + timedelta(days=3))
    assert selectors.said_list(user=alice) == [said]
    assert selectors.person_trust(user=alice, person=person).counts["promise_kept"] == 0
    said, obs = services.said_resolve(user=alice, said=said, outcome="kept")
    assert said.status == SaidStatus.KEPT and obs.kind == "promise_kept" and obs.note == "Pay back the loan"
    assert selectors.said_list(user=alice) == []
    with pytest.raises(ValidationError) as exc:
        services.said_resolve(user=alice, said=said, outcome="broken")
    assert "outcome" in errors_of(exc)
    other, _ = services.said_create(user=alice, person=person, text="Call me", due_on=today)
    _, broken = services.said_resolve(user=alice, said=other, outcome="broken")
    assert broken.kind == "promise_broken"
    with pytest.raises(ValidationError) as exc:
        services.said_create(user=alice, person=person, text="x", due_on=today - timedelta(days=1), made_on=today)
    assert "due_on" in errors_of(exc)


def test_safety_first_turns_off_repair_credit_stages_and_ladder(alice: Any) -> None:
    day = date(2025, 3, 1)
    on = day + timedelta(days=5)

    def ledger(hurt: str) -> Any:
        p, _ = services.person_create(user=alice, name=f"P {hurt}", hurt=hurt)
        b, _ = services.observation_add(user=alice, person=p, on=day, kind="promise_broken")
        services.observation_add(user=alice, person=p, on=day + timedelta(days=1), kind="apology", repairs=b.pk)
        services.observation_add(user=alice, person=p, on=day + timedelta(days=2), kind="amends", repairs=b.pk)
        return p, b

    safe, _ = ledger("no")
    for hurt in ("yes", "not_sure"):
        p, breach = ledger(hurt)
        assert p.safety_first
        score = selectors.person_trust(user=alice, person=p, on=on)
        assert score.estimate < selectors.person_trust(user=alice, person=safe, on=on).estimate
        no_repairs, _ = services.person_create(user=alice, name=f"Q {hurt}", hurt="no")
        services.observation_add(user=alice, person=no_repairs, on=day, kind="promise_broken")
        assert score.estimate == pytest.approx(selectors.person_trust(user=alice, person=no_repairs, on=on).estimate)
        with pytest.raises(ValidationError) as exc:
            services.repair_update(user=alice, breach=breach, stage="acknowledge")
        assert "hurt" in errors_of(exc)
        with pytest.raises(ValidationError):
            services.ladder_add(user=alice, person=p, text="Coffee")


def steps_of(user: Any, person: Any) -> list[tuple[int, str]]:
    return [(s.position, s.text) for s in selectors.ladder(user=user, person=person)]


def test_ladder_keeps_order_and_anxiety_bounds(alice: Any, person: Any) -> None:
    a, _ = services.ladder_add(user=alice, person=person, text="Text them first", anxiety_before=3)
    services.ladder_add(user=alice, person=person, text="Lend a book", anxiety_before=6)
    c, _ = services.ladder_add(user=alice, person=person, text="Ask a favour", position=1)
    assert steps_of(alice, person) == [(1, "Ask a favour"), (2, "Text them first"), (3, "Lend a book")]
    assert c.position == 1
    services.ladder_update(user=alice, step=a, changes={"anxiety_after": 1, "done_on": services.user_today(alice)})
    a.refresh_from_db()
    assert (a.anxiety_before, a.anxiety_after) == (3, 1)
    with pytest.raises(ValidationError) as exc:
        services.ladder_update(user=alice, step=a, changes={"anxiety_after": 11})
    assert "anxiety_after" in errors_of(exc)


def test_ladder_numbers_stay_one_to_n_on_add_move_and_remove(alice: Any, person: Any) -> None:
    """A step put in at a number pushes the rest down; moving one closes the gap it leaves; removing one moves the
    ones after it up. Never two steps with one number, never a gap."""
    a, _ = services.ladder_add(user=alice, person=person, text="A")
    b, _ = services.ladder_add(user=alice, person=person, text="B")
    services.ladder_add(user=alice, person=person, text="C", position=2)
    services.ladder_add(user=alice, person=person, text="D", position=99)  # past the end: last, numbered 4
    assert steps_of(alice, person) == [(1, "A"), (2, "C"), (3, "B"), (4, "D")]
    services.ladder_update(user=alice, step=a, changes={"position": 3})
    assert steps_of(alice, person) == [(1, "C"), (2, "B"), (3, "A"), (4, "D")]
    services.ladder_update(user=alice, step=a, changes={"position": 1})
    assert steps_of(alice, person) == [(1, "A"), (2, "C"), (3, "B"), (4, "D")]
    services.ladder_update(user=alice, step=b, changes={"position": 50})
    assert steps_of(alice, person) == [(1, "A"), (2, "C"), (3, "D"), (4, "B")]
    services.ladder_delete(user=alice, step=a)
    assert steps_of(alice, person) == [(1, "C"), (2, "D"), (3, "B")]
    with pytest.raises(ValidationError) as exc:
        services.ladder_update(user=alice, step=b, changes={"position": 0})
    assert "position" in errors_of(exc)
    other, _ = services.person_create(user=alice, name="Kai", hurt="no")
    services.ladder_add(user=alice, person=other, text="Elsewhere", position=1)
    assert steps_of(alice, person) == [(1, "C"), (2, "D"), (3, "B")]  # one ladder per person


def test_ladders_with_repeated_numbers_are_renumbered_by_the_migration(alice: Any, person: Any) -> None:
    import importlib

    from django.apps import apps

    from rebond.people.models import LadderStep

    for position, text in ((1, "First"), (2, "Second"), (1, "Added later at 1"), (5, "Last")):
        LadderStep.objects.create(user=alice, person=person, position=position, text=text)  # as old code wrote them
    importlib.import_module("rebond.people.migrations.0004_renumber_ladders").renumber(apps, None)
    assert steps_of(alice, person) == [(1, "First"), (2, "Added later at 1"), (3, "Second"), (4, "Last")]


def test_people_are_listed_by_name_never_by_score(alice: Any) -> None:
    for name in ("zoe", "Adam", "mia"):
        p, _ = services.person_create(user=alice, name=name)
        if name == "zoe":
            for i in range(5):
                services.observation_add(user=alice, person=p, on=date(2025, 1, 1 + i), kind="promise_kept")
    assert [str(p.name) for p in selectors.person_list(user=alice)] == ["Adam", "mia", "zoe"]


def test_repair_stages_move_forward_with_notes(alice: Any, person: Any) -> None:
    breach, _ = services.observation_add(user=alice, person=person, on=date(2025, 1, 1), kind="honesty_breach")
    services.repair_update(user=alice, breach=breach, stage="acknowledge", acknowledge_note="They named it.")
    path, _ = services.repair_update(user=alice, breach=breach, stage="understand", understand_note="We talked.")
    assert (path.stage, path.acknowledge_note, path.understand_note) == ("understand", "They named it.", "We talked.")
    kept, _ = services.observation_add(user=alice, person=person, on=date(2025, 1, 2), kind="promise_kept")
    with pytest.raises(ValidationError) as exc:
        services.repair_update(user=alice, breach=kept, stage="rebuild")
    assert "breach" in errors_of(exc)
