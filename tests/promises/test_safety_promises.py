"""A promise about not hurting yourself is never stored as one that can be missed, from the web, the API or the
terminal (UX.md, Safety); its words still pass the crisis guard."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from rebond.promises import services
from rebond.promises.models import CheckIn, Promise
from rebond.safety import plan as safety_plan
from tests.conftest import TODAY, client_for, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


def cli(*args: str, input: str = "") -> Any:
    from rebond.cli import app

    return CliRunner().invoke(app, list(args), input=input)


def test_the_terminal_refuses_to_track_no_more_cutting(alice: Any) -> None:
    """The audit's end-to-end miss: `rebond promise add` saved it and `rebond checkin` stored a miss."""
    added = cli("promise", "add", "alice", "No more cutting", "--rrule", "FREQ=DAILY")
    assert added.exit_code == 1
    assert "safety plan" in str(added.exception)
    assert not Promise.objects.exists()
    assert "Nothing is due" in cli("checkin", "alice", input="m\n\n").output
    assert not CheckIn.objects.exists()


PLAN_OR_MEANS = "I won't kill myself, I have the pills ready"
FORM = {"size": "small", "repeat": "daily", "starts_on": str(TODAY)}
CALM = "It sounds like a lot is going on"


def test_a_safety_promise_naming_a_means_gets_the_calm_page_first_every_time(alice: Any) -> None:
    """UX.md Safety: always the full page when a plan or means is mentioned; its words are never echoed."""
    client = client_for(alice)
    for _ in range(2):
        page = client.post("/promises/new/", {**FORM, "text": PLAN_OR_MEANS})
        text = html(page)
        assert page.status_code == 200 and CALM in text
        assert "What you wrote is waiting for you" in text and "Your entry is saved" not in text
        assert 'href="/promises/safety-plan/"' in text, "Back to my entry leads to the offer"
        assert "pills" not in text
    assert not Promise.objects.exists()
    offer = html(client.get("/promises/safety-plan/"))
    assert "Open my safety plan" in offer and "pills" not in offer


def test_the_waiting_words_are_sealed_in_the_session(alice: Any) -> None:
    client = client_for(alice)
    client.post("/promises/new/", {**FORM, "text": PLAN_OR_MEANS})
    stored = str(client.session.get("promises_safety_offer"))
    assert stored.startswith("rb1:") and "pills" not in stored


def test_only_the_writer_can_open_the_waiting_words(alice: Any, bob_shared: Any, charlie: Any) -> None:
    own = client_for(alice)
    own.post("/promises/new/", {**FORM, "text": PLAN_OR_MEANS})
    sealed = own.session["promises_safety_offer"]
    for other in (bob_shared, charlie):
        client = client_for(other)
        session = client.session
        session["promises_safety_offer"] = sealed
        session.save()
        response = client.get("/promises/safety-plan/")
        assert response.status_code == 302 and response["Location"] == "/promises/new/"
    assert client_for(alice).get("/promises/safety-plan/")["Location"] == "/promises/new/", "nothing waiting"


def test_a_worrying_safety_promise_shows_the_calm_page_once_a_day_then_the_offer(alice: Any) -> None:
    client = client_for(alice)
    first = html(client.post("/promises/new/", {**FORM, "text": "Stop wanting to die"}))
    assert CALM in first
    again = client.post("/promises/new/", {**FORM, "text": "Stop wanting to die"})
    assert "Open my safety plan" in html(again) and CALM not in html(again)
    assert "Crisis lines are one tap away" in html(again), "the banner instead"


def test_changing_a_promise_into_one_naming_a_means_gets_the_calm_page(alice: Any) -> None:
    promise, _ = services.promise_create(user=alice, text="Walk", rrule="FREQ=DAILY", starts_on=TODAY)
    response = client_for(alice).post(f"/promises/{promise.pk}/", {**FORM, "text": PLAN_OR_MEANS})
    assert CALM in html(response)
    promise.refresh_from_db()
    assert promise.text == "Walk"


def test_the_offer_opens_the_plan_and_copies_nothing_into_it(alice: Any) -> None:
    """A pledge written into the plan as a coping step works like a no-suicide contract: the plan opens at its first
    empty step with a note on what it has room for, and the words stay out of it."""
    client = client_for(alice)
    safety_plan.plan_save(user=alice, entries={"warning_signs": {"text": "I stop answering texts", "obstacle": ""}})
    client.post("/promises/new/", {**FORM, "text": PLAN_OR_MEANS})
    opened = client.post("/promises/safety-plan/", {"text": PLAN_OR_MEANS})  # an old form still sending the words
    assert opened.status_code == 302 and opened["Location"] == "/safety-plan/?from=promise#start-here"
    assert [v["text"] for v in safety_plan.plan_get(user=alice).values() if v["text"]] == ["I stop answering texts"]
    assert "promises_safety_offer" not in client.session
    plan = html(client.get(opened["Location"]))
    note = safety_plan.catalogue()["from_promise"]
    assert plan.count(note) == 1 and "pills" not in plan and "won't kill" not in plan
    assert plan.index('id="start-here"') < plan.index('id="coping-text"'), "at the first empty step"
    assert plan.index('id="warning_signs-text"') < plan.index('id="start-here"')
    assert note not in html(client.get("/safety-plan/")), "only on the way from a promise"


def test_the_terminal_prints_the_crisis_note_for_a_safety_promise_naming_a_means(alice: Any) -> None:
    from rebond.domain import helplines

    result = cli("promise", "add", "alice", PLAN_OR_MEANS)
    assert result.exit_code == 1
    assert CALM in result.output and "Nothing was saved as a promise" in result.output
    assert helplines.lines_for("GB")[0].name in result.output
    assert "pills" not in result.output
    assert "safety plan" in str(result.exception)
    assert not Promise.objects.exists()
