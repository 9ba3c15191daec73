"""Writing about being hurt brings the safety question back (UX.md, Safety): when a note about a person says the
user was hurt by someone and the answer about that person is no (or not given), rebond asks again — on the web, in
the API and in the terminal — and until they answer, treats it as "not sure": no repair credit, no repair stages,
no ladder, no script suggestions toward them."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from typer.testing import CliRunner

from rebond.boundaries import services as boundary_services
from rebond.people import selectors, services
from rebond.people.models import LadderStep, Person, RepairPath
from tests.conftest import TODAY, client_for, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]

HURT = "He hit me when I asked about the money."
CALM = "He was late again and didn't say sorry."
QUESTION = "You wrote about being hurt. Do you want to look again at your answer about {}?"


def make(user: Any, hurt: str = "no", name: str = "Sam") -> Person:
    person, _ = services.person_create(user=user, name=name, relationship="partner", hurt=hurt)
    return person


def breach_of(user: Any, person: Person) -> Any:
    return services.observation_add(user=user, person=person, on=TODAY - timedelta(days=3), kind="promise_broken")[0]


def fresh(person: Person) -> Person:
    return Person.objects.get(pk=person.pk)


# Each free-text write about a person, given the words to write.
WRITES: dict[str, Callable[[Any, Person, str], Any]] = {
    "observation_add": lambda u, p, text: services.observation_add(
        user=u, person=p, on=TODAY, kind="negative_observation", note=text),
    "observation_annotate": lambda u, p, text: services.observation_annotate(
        user=u, observation=breach_of(u, p), text=text),
    "observation_retract": lambda u, p, text: services.observation_retract(
        user=u, observation=breach_of(u, p), reason=text),
    "said_create": lambda u, p, text: services.said_create(user=u, person=p, text=text, due_on=TODAY),
    "repair_update": lambda u, p, text: services.repair_update(
        user=u, breach=breach_of(u, p), stage="acknowledge", acknowledge_note=text),
    "ladder_add": lambda u, p, text: services.ladder_add(user=u, person=p, text=text),
    "ladder_update": lambda u, p, text: services.ladder_update(
        user=u, step=services.ladder_add(user=u, person=p, text="Coffee")[0], changes={"text": text}),
}


@pytest.mark.parametrize("write", sorted(WRITES))
@pytest.mark.parametrize("answer", ["no", ""])
def test_each_write_about_being_hurt_asks_again_and_turns_rebuilding_off(alice: Any, write: str, answer: str) -> None:
    person = make(alice, answer)
    WRITES[write](alice, person, CALM)
    assert not fresh(person).ask_about_safety and not fresh(person).safety_first
    WRITES[write](alice, fresh(person), HURT)
    again = fresh(person)
    assert again.ask_about_safety and again.safety_first and again.hurt == answer  # their answer is theirs to change


@pytest.mark.parametrize("answer", ["yes", "not_sure"])
def test_no_look_again_when_the_answer_already_says_so(alice: Any, answer: str) -> None:
    person = make(alice, answer)
    services.observation_add(user=alice, person=person, on=TODAY, kind="negative_observation", note=HURT)
    assert not fresh(person).hurt_recheck and fresh(person).safety_first


def test_answering_again_ends_the_wait_and_leaving_it_does_not(alice: Any) -> None:
    person = make(alice)
    services.observation_add(user=alice, person=person, on=TODAY, kind="negative_observation", note=HURT)
    services.person_update(user=alice, person=fresh(person), name="Sammy", hurt="")  # "I'd rather not say yet"
    assert fresh(person).ask_about_safety
    services.person_update(user=alice, person=fresh(person), hurt="no")
    assert not fresh(person).ask_about_safety and not fresh(person).safety_first
    services.observation_add(user=alice, person=fresh(person), on=TODAY, kind="negative_observation", note=HURT)
    services.person_update(user=alice, person=fresh(person), hurt="not_sure")
    assert not fresh(person).ask_about_safety and fresh(person).safety_first


def test_while_it_waits_repairs_earn_no_credit(alice: Any) -> None:
    person = make(alice)
    breach = breach_of(alice, person)
    services.observation_add(user=alice, person=person, on=TODAY - timedelta(days=2), kind="apology",
                             repairs=breach.pk)
    with_credit = selectors.person_trust(user=alice, person=person, on=TODAY).estimate
    services.observation_annotate(user=alice, observation=breach, text=HURT)
    waiting = selectors.person_trust(user=alice, person=fresh(person), on=TODAY).estimate
    assert waiting < with_credit
    services.person_update(user=alice, person=fresh(person), hurt="no")
    assert selectors.person_trust(user=alice, person=fresh(person), on=TODAY).estimate == pytest.approx(with_credit)


# --- the web --------------------------------------------------------------------------------------------------

def main(page: str) -> str:
    return page.split("<main", 1)[1].split("</main>", 1)[0]


def test_web_asks_on_the_persons_pages_and_hides_rebuilding_until_answered(alice: Any) -> None:
    person = make(alice)
    breach = breach_of(alice, person)
    services.ladder_add(user=alice, person=person, text="Coffee")
    client = client_for(alice)
    detail, ladder = f"/people/{person.pk}/", f"/people/{person.pk}/ladder/"
    repair = f"/people/{person.pk}/events/{breach.pk}/repair/"
    before = html(client.get(detail))
    assert "Trust ladder" in before and "Repair steps" in before and QUESTION.format("Sam") not in before

    saved = client.post(f"/people/{person.pk}/events/new/", {
        "kind": "negative_observation", "on": str(TODAY), "severity": "1", "from_checking": "no", "note": HURT})
    assert "It sounds like a lot is going on" in html(saved)  # the calm page first, as for any such note
    page = main(html(client.get(detail)))
    assert QUESTION.format("Sam") in page and f'action="/people/{person.pk}/hurt/"' in page
    assert 'name="hurt" value="not_sure"' in page
    assert "Trust ladder" not in page and "Repair steps" not in page
    assert "kept promises helps the most" not in page  # the guidance toward rebuilding
    for url in (ladder, repair):
        blocked = main(html(client.get(url)))
        assert QUESTION.format("Sam") in blocked, url
        assert "Add step" not in blocked and "Where this is now" not in blocked, url
    client.post(ladder, {"text": "Lend the car"})
    client.post(repair, {"stage": "understand", "acknowledge_note": "", "understand_note": "", "rebuild_note": ""})
    assert LadderStep.objects.filter(person=person).count() == 1 and not RepairPath.objects.exists()

    answered = client.post(f"/people/{person.pk}/hurt/", {"hurt": "no", "next": detail})
    assert answered.status_code == 302 and answered["Location"] == detail
    after = main(html(client.get(detail)))
    assert QUESTION.format("Sam") not in after and "Trust ladder" in after and "Repair steps" in after


def test_web_note_from_the_ladder_page_asks_there_too(alice: Any) -> None:
    person = make(alice)
    client = client_for(alice)
    ladder = f"/people/{person.pk}/ladder/"
    client.post(ladder, {"text": "Tell him I'm scared he'll hit me again"})
    page = main(html(client.get(ladder)))
    assert QUESTION.format("Sam") in page and "Add step" not in page
    assert f'name="next" value="/people/{person.pk}/"' in page


def test_no_script_suggestions_for_a_boundary_while_it_waits(api_as: Any, alice: Any) -> None:
    person = make(alice)
    boundary, _ = boundary_services.boundary_save(user=alice, data={"what": "No shouting", "person": person.pk})
    api = api_as(alice)
    assert api.get(f"/boundaries/{boundary.pk}").json()["suggestions"]
    services.observation_add(user=alice, person=person, on=TODAY, kind="negative_observation", note=HURT)
    assert api.get(f"/boundaries/{boundary.pk}").json()["suggestions"] == []


# --- the API --------------------------------------------------------------------------------------------------

def test_api_returns_ask_about_safety_and_hides_rebuilding_until_answered(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = api.post("/people", {"name": "Sam", "hurt": "no"}).json()["id"]
    calm = api.post(f"/people/{pid}/events", {"on": str(TODAY), "kind": "negative_observation", "note": CALM})
    assert calm.status_code == 201 and calm.json()["ask_about_safety"] is False
    step = api.post(f"/people/{pid}/ladder", {"text": "Coffee"}).json()
    assert step["ask_about_safety"] is False

    hurt = api.post(f"/people/{pid}/events", {"on": str(TODAY), "kind": "negative_observation", "note": HURT})
    assert hurt.status_code == 201
    assert hurt.json()["ask_about_safety"] is True and hurt.json()["crisis"]["harmed_by_other"] is True
    person = api.get(f"/people/{pid}").json()
    assert person["ask_about_safety"] is True and person["safety_first"] is True and person["hurt"] == "no"
    assert api.get(f"/people/{pid}/trust").json()["repair_credit"] is False
    assert api.get(f"/people/{pid}/ladder").json()["count"] == 0
    assert api.post(f"/people/{pid}/ladder", {"text": "Lend the car"}).status_code == 422
    breach = calm.json()["id"]
    assert api.put(f"/people/{pid}/events/{breach}/repair", {"stage": "acknowledge"}).status_code == 422

    answered = api.call("patch", f"/people/{pid}", {"hurt": "no"})
    assert answered.status_code == 200 and answered.json()["ask_about_safety"] is False
    assert api.get(f"/people/{pid}/ladder").json()["count"] == 1
    assert api.get(f"/people/{pid}/trust").json()["repair_credit"] is True


@pytest.mark.parametrize("path", ["annotations", "said", "repair"])
def test_api_other_writes_return_ask_about_safety(api_as: Any, alice: Any, path: str) -> None:
    api = api_as(alice)
    pid = api.post("/people", {"name": "Sam", "hurt": "no"}).json()["id"]
    breach = api.post(f"/people/{pid}/events", {"on": str(TODAY), "kind": "promise_broken"}).json()["id"]
    if path == "annotations":
        response = api.post(f"/people/{pid}/events/{breach}/annotations", {"text": HURT})
    elif path == "said":
        response = api.post(f"/people/{pid}/said", {"text": HURT, "due_on": str(TODAY)})
    else:
        response = api.put(f"/people/{pid}/events/{breach}/repair", {"stage": "acknowledge", "acknowledge_note": HURT})
    assert response.status_code in (200, 201), response.content
    assert response.json()["ask_about_safety"] is True


# --- the terminal ---------------------------------------------------------------------------------------------

def test_cli_event_add_asks_after_a_note_about_being_hurt(alice: Any) -> None:
    from rebond.cli import app

    person = make(alice, name="Jo")
    calm = CliRunner().invoke(app, ["event", "add", "alice", str(person.pk), "negative_observation", "--note", CALM])
    assert calm.exit_code == 0 and QUESTION.format("Jo") not in calm.output
    hurt = CliRunner().invoke(app, ["event", "add", "alice", str(person.pk), "negative_observation", "--note", HURT])
    assert hurt.exit_code == 0, hurt.output
    flat = " ".join(hurt.output.split())
    assert QUESTION.format("Jo") in flat and f"/people/{person.pk}/" in flat
    assert "hit" not in hurt.output  # the words that matched are never echoed
    assert fresh(person).safety_first


def test_the_details_form_asks_afresh_while_it_waits(alice: Any) -> None:
    """Changing a nickname must not quietly re-send the old "no": the form asks again with nothing picked."""
    person = make(alice)
    client = client_for(alice)
    def picked(page: str) -> list[str]:
        return re.findall(r'<input type="radio" name="hurt" value="([a-z_]*)"[^>]*checked', page)

    assert picked(html(client.get(f"/people/{person.pk}/edit/"))) == ["no"]
    services.observation_add(user=alice, person=person, on=TODAY, kind="negative_observation", note=HURT)
    page = html(client.get(f"/people/{person.pk}/edit/"))
    assert QUESTION.format("Sam") in page and picked(page) == [""]  # "I'd rather not say yet" until they choose
    client.post(f"/people/{person.pk}/edit/", {"name": "Sammy", "relationship": "partner", "hurt": ""})
    assert fresh(person).ask_about_safety and fresh(person).name == "Sammy"
    client.post(f"/people/{person.pk}/edit/", {"name": "Sammy", "relationship": "partner", "hurt": "no"})
    assert not fresh(person).ask_about_safety and fresh(person).hurt == "no"
