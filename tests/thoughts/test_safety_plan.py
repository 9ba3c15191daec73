"""Acceptance line 7 of issue 4: the safety plan in the Stanley-Brown order, "what might get in the way?" at each
step, editable, printable (full page and a wallet card), linked from Get help now."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.safety import plan as safety_plan
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

ORDER = ["warning_signs", "coping", "distractions", "people", "professionals", "surroundings", "reasons"]


def test_steps_follow_the_stanley_brown_order() -> None:
    assert [s.id for s in safety_plan.steps()] == ORDER


def test_every_step_asks_what_might_get_in_the_way(alice: Any) -> None:
    page = client_for(alice).get("/safety-plan/").content.decode()
    assert page.count("What might get in the way?") == len(ORDER)
    assert 'name="reasons-obstacle"' in page


def test_linked_from_get_help_now(alice: Any) -> None:
    assert 'href="/safety-plan/"' in client_for(alice).get("/help/").content.decode()


def test_wallet_card_prints_both_halves_in_order(alice: Any, charlie: Any) -> None:
    safety_plan.plan_save(user=alice, entries={
        "warning_signs": {"text": "I stop answering my sister.", "obstacle": ""},
        "reasons": {"text": "My dog Biscuit. " + "And many more things. " * 20, "obstacle": ""},
    })
    c = client_for(alice)
    assert 'href="?print=card"' in c.get("/safety-plan/").content.decode()
    response = c.get("/safety-plan/?print=card")
    assert response.status_code == 200
    page = response.content.decode()
    titles = [s.title for s in safety_plan.steps()]
    positions = [page.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "I stop answering my sister." in page and "My dog Biscuit." in page
    assert "And many more things. " * 20 not in page  # shortened to fit the card
    assert "safety/card.css" in page and "style=" not in page and "<style" not in page
    assert "Biscuit" not in client_for(charlie).get("/safety-plan/?print=card").content.decode()


def test_full_print_page_still_works(alice: Any) -> None:
    safety_plan.plan_save(user=alice, entries={"coping": {"text": "Walk round the block", "obstacle": "Rain"}})
    page = client_for(alice).get("/safety-plan/?print=1").content.decode()
    assert "Walk round the block" in page and "If something gets in the way: Rain" in page


def test_signed_out_is_sent_to_sign_in(client: Any) -> None:
    response = client.get("/safety-plan/?print=card")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# ---- saving the plan passes the guard, and the web shows what the guard found -------------------------------------

CRISIS_PAGE = "It sounds like a lot is going on"


def _save(client: Any, **texts: str) -> Any:
    from django.urls import reverse

    data = {f"{step}-text": "" for step in ORDER} | {f"{step}-obstacle": "" for step in ORDER}
    data |= {f"{step}-text": value for step, value in texts.items()}
    return client.post(reverse("safety:plan"), data, follow=True)


def test_a_plain_plan_saves_with_no_banner(alice: Any) -> None:
    page = _save(client_for(alice), coping="Walk the dog. Call my sister.").content.decode()
    assert "Your safety plan is saved." in page
    assert "Crisis lines are one tap away" not in page and CRISIS_PAGE not in page


def test_words_the_guard_notices_bring_its_banner(alice: Any) -> None:
    page = _save(client_for(alice), warning_signs="I start thinking about killing myself when I can't sleep.")
    text = page.content.decode()
    assert "Your safety plan is saved." in text
    assert "Crisis lines are one tap away under Get help now" in " ".join(text.split())
    assert CRISIS_PAGE not in text


def test_being_hurt_by_someone_names_domestic_violence_help(alice: Any) -> None:
    text = " ".join(_save(client_for(alice), warning_signs="When my partner hits me I shut down.").content.decode().split())
    assert "domestic-violence lines are one tap away" in text


def test_a_plan_or_means_brings_the_full_page_every_time(alice: Any) -> None:
    c = client_for(alice)
    for _ in range(2):
        page = _save(c, warning_signs="I have saved up pills to end it").content.decode()
        assert CRISIS_PAGE in page
        assert "pills" not in page.split(CRISIS_PAGE)[1]  # the matched words are never echoed
    assert safety_plan.plan_get(user=alice)["warning_signs"]["text"] == "I have saved up pills to end it"
