from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from rebond.safety.models import SafetyPlan
from tests.conftest import client_for, html

pytestmark = pytest.mark.django_db


def test_help_works_signed_out_without_region(client: Client) -> None:
    body = client.get("/help/").content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert "call your local emergency number" in body
    assert "988" not in body.split("Anywhere in the world")[0]  # never silently one country


@pytest.mark.parametrize(("region", "number"), [("US", "988"), ("CA", "988"), ("GB", "116 123"), ("IE", "116 123"),
                                                ("AU", "13 11 14")])
def test_help_by_region(client: Client, region: str, number: str) -> None:
    body = client.get(f"/help/?region={region}").content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert number in body
    assert "TextLine(" not in body and "None" not in body
    assert "someone is hurting or scaring you" in body


def test_help_uses_the_profile_region(alice: Any) -> None:
    body = client_for(alice).get("/help/").content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert "116 123" in body and "Open my safety plan" in body


def test_quick_exit_is_neutral_and_ends_the_session(alice: Any) -> None:
    client = client_for(alice)
    response = client.get("/exit/")
    body = response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert "rebond" not in body.lower()
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert client.get("/accounts/settings/").status_code == 302


def test_safety_plan_saves_encrypted_and_prints(alice: Any, charlie: Any) -> None:
    client = client_for(alice)
    response = client.post("/safety-plan/", {"warning_signs-text": "I stop answering my sister",
                                             "reasons-text": "My dog Biscuit", "reasons-obstacle": ""})
    assert response.status_code == 302
    assert "My dog Biscuit" in client.get("/safety-plan/").content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert "My dog Biscuit" in client.get("/safety-plan/?print=1").content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    raw = SafetyPlan.objects.filter(user=alice).values_list("content", flat=True).get()
    assert "Biscuit" not in raw and raw.startswith("rb1:")
    assert "Biscuit" not in client_for(charlie).get("/safety-plan/").content.decode().replace("&#x27;", "'").replace("&quot;", "\"")


def test_safety_plan_too_long_names_the_step(alice: Any) -> None:
    response = client_for(alice).post("/safety-plan/", {"coping-text": "x" * 5001})
    assert response.status_code == 422
    assert "5,000 characters" in response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")


def test_safety_plan_api_owner_and_strangers(api_as: Any, alice: Any, bob: Any, charlie: Any) -> None:
    response = api_as(alice).put("/safety-plan", {"steps": {"coping": {"text": "Walk round the block", "obstacle": "rain"}}})
    assert response.status_code == 200
    assert response.json()["crisis"]["detected"] is False
    assert api_as(alice).get("/safety-plan").json()["steps"]["coping"]["text"] == "Walk round the block"
    for other in (bob, charlie):  # no one else ever reads this plan through the API
        assert api_as(other).get("/safety-plan").json()["steps"]["coping"]["text"] == ""
    assert api_as(None).get("/safety-plan").status_code == 401
    bad = api_as(alice).put("/safety-plan", {"steps": {"coping": {"text": "x" * 5001}}})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"][-2:] == ["coping", "text"]
    json.dumps(api_as(alice).get("/help?region=GB").json())


def test_from_a_promise_the_note_sits_at_the_first_empty_step_or_the_first(alice: Any, charlie: Any) -> None:
    from rebond.safety import plan as plan_service

    client = client_for(alice)
    note = plan_service.catalogue()["from_promise"]
    page = html(client.get("/safety-plan/?from=promise"))
    assert page.index('id="start-here"') < page.index('id="warning_signs-text"') and page.count(note) == 1
    plan_service.plan_save(user=alice, entries={s.id: {"text": "x", "obstacle": ""} for s in plan_service.steps()})
    page = html(client.get("/safety-plan/?from=promise"))
    assert page.index('id="start-here"') < page.index('id="warning_signs-text"'), "all written: the first step"
    assert "x</textarea>" not in html(client_for(charlie).get("/safety-plan/?from=promise"))
