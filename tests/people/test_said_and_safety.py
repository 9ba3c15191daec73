"""Smaller things on the People pages: the safety question asked first on the repair and ladder pages while it is
unanswered, removing a ladder step only after asking, Kept / Not kept buttons that say which promise, choosing the
day a "they said they would" was settled, and paged lists in the API."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine

from rebond.boundaries import services as boundary_services
from rebond.people import services
from rebond.people.models import LadderStep, Observation, Person
from tests.conftest import TODAY, client_for, html, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]





def body(page: str) -> str:
    return page.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.fixture
def jo(alice: Any) -> Person:
    person, _ = services.person_create(user=alice, name="Jo", hurt="")
    return person


def test_the_unanswered_question_comes_first_on_repair_and_ladder(alice: Any, jo: Person) -> None:
    breach, _ = services.observation_add(user=alice, person=jo, on=TODAY, kind="promise_broken")
    client = client_for(alice)
    ladder, repair = f"/people/{jo.pk}/ladder/", f"/people/{jo.pk}/events/{breach.pk}/repair/"
    for url, offer in ((ladder, "Add step"), (repair, "Where this is now")):
        page = body(html(client.get(url)))
        assert "Before you go on" in page and "Has this person ever hurt you" in page
        assert page.index("Has this person ever hurt you") < page.index(offer), url
        assert f'action="/people/{jo.pk}/hurt/"' in page and f'name="next" value="{url}"' in page
    # Answering not sure turns the ladder off at once and shows help instead.
    response = client.post(f"/people/{jo.pk}/hurt/", {"hurt": "not_sure", "next": ladder})
    assert response.status_code == 302 and response["Location"] == ladder
    jo.refresh_from_db()
    assert jo.hurt == "not_sure"
    after = body(html(client.get(ladder)))
    assert "Deciding not to rebuild is also a healthy choice." in after and "<form" not in after


def test_an_answered_question_is_not_asked_again(alice: Any) -> None:
    person, _ = services.person_create(user=alice, name="Sam", hurt="no")
    assert "Before you go on" not in html(client_for(alice).get(f"/people/{person.pk}/ladder/"))


def test_the_answer_form_goes_back_only_to_this_persons_pages(alice: Any, jo: Person) -> None:
    client = client_for(alice)
    for bad in ("https://elsewhere.example/people/1/", "/people/99999/ladder/", "//elsewhere.example/"):
        response = client.post(f"/people/{jo.pk}/hurt/", {"hurt": "no", "next": bad})
        assert response["Location"] == f"/people/{jo.pk}/", bad
    services.person_update(user=alice, person=jo, hurt="")
    client.post(f"/people/{jo.pk}/hurt/", {"hurt": "maybe", "next": f"/people/{jo.pk}/ladder/"})
    jo.refresh_from_db()
    assert jo.hurt == ""


def test_removing_a_ladder_step_asks_first(alice: Any) -> None:
    person, _ = services.person_create(user=alice, name="Sam", hurt="no")
    step, _ = services.ladder_add(user=alice, person=person, text="Coffee together")
    client = client_for(alice)
    ladder = html(client.get(f"/people/{person.pk}/ladder/"))
    assert 'name="delete"' not in ladder and f'href="/people/{person.pk}/ladder/{step.pk}/remove/"' in ladder
    # The old one-click form now leads to the question instead of removing.
    old = client.post(f"/people/{person.pk}/ladder/{step.pk}/", {"delete": "1"})
    assert old["Location"] == f"/people/{person.pk}/ladder/{step.pk}/remove/" and LadderStep.objects.exists()
    ask = html(client.get(f"/people/{person.pk}/ladder/{step.pk}/remove/"))
    assert "Remove this step?" in ask and "Coffee together" in ask and "Keep it" in ask
    assert LadderStep.objects.exists()
    done = client.post(f"/people/{person.pk}/ladder/{step.pk}/remove/")
    assert done["Location"] == f"/people/{person.pk}/ladder/" and not LadderStep.objects.exists()


def test_kept_and_not_kept_say_which_promise(alice: Any) -> None:
    person, _ = services.person_create(user=alice, name="Sam", hurt="no")
    for text in ("Return the ladder", "Fix the tap"):
        services.said_create(user=alice, person=person, text=text, due_on=TODAY)
    client = client_for(alice)
    for url in ("/people/", f"/people/{person.pk}/", "/"):
        page = html(client.get(url))
        for text in ("Return the ladder", "Fix the tap"):
            for button in ("Kept", "Not kept"):
                assert f'{button}<span class="visually-hidden"> for “{text}”</span>' in page, (url, button, text)


def test_the_day_it_was_settled_can_be_picked(alice: Any) -> None:
    person, _ = services.person_create(user=alice, name="Sam", hurt="no")
    client = client_for(alice)

    def said() -> Any:
        made, _ = services.said_create(user=alice, person=person, text="Pay me back", made_on=TODAY - timedelta(days=5),
                                       due_on=TODAY - timedelta(days=1))
        return made

    first = said()
    page = html(client.get(f"/people/{person.pk}/"))
    field = re.search(rf'<input type="date" id="said-{first.pk}-on"[^>]*>', page)
    assert field is not None
    assert f'value="{TODAY}"' in field[0] and f'max="{TODAY}"' in field[0]
    assert f'min="{TODAY - timedelta(days=5)}"' in field[0]
    client.post(f"/people/said/{first.pk}/resolve/", {"outcome": "kept", "on": str(TODAY - timedelta(days=2))})
    first.refresh_from_db()
    assert first.status == "kept" and first.observation is not None
    assert first.observation.on == TODAY - timedelta(days=2)
    for bad, words in ((str(TODAY - timedelta(days=6)), "before the day they said it"),
                       (str(TODAY + timedelta(days=1)), "future"), ("soon", "Pick a day")):
        pending = said()
        response = client.post(f"/people/said/{pending.pk}/resolve/", {"outcome": "broken", "on": bad}, follow=True)
        pending.refresh_from_db()
        assert pending.status == "pending" and words in html(response), bad
    plain = said()
    client.post(f"/people/said/{plain.pk}/resolve/", {"outcome": "broken"})
    plain.refresh_from_db()
    assert plain.status == "broken" and plain.observation is not None and plain.observation.on == TODAY


def test_today_in_their_own_zone_is_the_default_day(alice: Any) -> None:
    person, _ = services.person_create(user=alice, name="Sam", hurt="no")
    with time_machine.travel("2026-06-15 23:30:00+00:00", tick=False):  # already the 16th in London
        said, _ = services.said_create(user=alice, person=person, text="Call", due_on=date(2026, 6, 16))
        page = html(client_for(alice).get("/"))
        field = re.search(rf'<input type="date" id="said-{said.pk}-on"[^>]*>', page)
        assert field is not None and 'value="2026-06-16"' in field[0]


def test_api_refuses_a_day_before_it_was_said(api_as: Any, alice: Any) -> None:
    person, _ = services.person_create(user=alice, name="Sam", hurt="no")
    said, _ = services.said_create(user=alice, person=person, text="Call", due_on=TODAY)
    response = api_as(alice).post(f"/said/{said.pk}/resolve", {"outcome": "kept", "on": str(TODAY - timedelta(days=1))})
    assert response.status_code == 422 and [d["loc"] for d in response.json()["detail"]] == [["body", "on"]]
    assert not Observation.objects.exists()


def test_said_and_boundary_logs_are_paged(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    person, _ = services.person_create(user=alice, name="Sam", hurt="no")
    made = [services.said_create(user=alice, person=person, text=f"Thing {n}", due_on=TODAY + timedelta(days=n))[0].pk
            for n in range(3)]
    page = api.get(f"/people/{person.pk}/said?limit=2").json()
    assert page["count"] == 3 and [s["id"] for s in page["items"]] == made[:2]
    assert [s["id"] for s in api.get(f"/people/{person.pk}/said?limit=2&offset=2").json()["items"]] == made[2:]
    assert len(api.get(f"/people/{person.pk}/said?limit=0").json()["items"]) == 1  # at least one a page
    boundary, _ = boundary_services.boundary_save(user=alice, data={"what": "No calls after ten"})
    logs = [boundary_services.log_add(user=alice, boundary=boundary, outcome="held",
                                      on=TODAY - timedelta(days=n))[0].pk for n in range(3)]
    first = api.get(f"/boundaries/{boundary.pk}/logs?limit=2").json()
    assert first["count"] == 3 and [g["id"] for g in first["items"]] == logs[:2]  # newest first
    assert [g["id"] for g in api.get(f"/boundaries/{boundary.pk}/logs?offset=2").json()["items"]] == logs[2:]


@pytest.mark.parametrize("persona", ["bob_shared", "charlie"])
def test_others_get_404_on_the_new_pages(alice: Any, persona: str, request: Any) -> None:
    person, _ = services.person_create(user=alice, name="Sam", hurt="")
    step, _ = services.ladder_add(user=alice, person=person, text="Coffee")
    other = signed_in(request.getfixturevalue(persona))
    assert other.post(f"/people/{person.pk}/hurt/", {"hurt": "yes"}).status_code == 404
    assert other.get(f"/people/{person.pk}/ladder/{step.pk}/remove/").status_code == 404
    assert other.post(f"/people/{person.pk}/ladder/{step.pk}/remove/").status_code == 404
    person.refresh_from_db()
    assert person.hurt == "" and LadderStep.objects.filter(pk=step.pk).exists()
