from __future__ import annotations

import json
from typing import Any

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.test import Client

from rebond.accounts.models import LoginAttempt, User
from rebond.core import demo
from rebond.safety import plan as plan_service
from tests.conftest import PASSWORD, client_for, make_user, token_for

pytestmark = pytest.mark.django_db
IGNORED = {Session, LoginAttempt}


def row_counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m not in IGNORED}


def fill_everything(user: Any) -> None:
    """Write something into every section a person can own (apps add theirs through the demo builders)."""
    token_for(user)
    plan_service.plan_save(user=user, entries={"coping": {"text": "music", "obstacle": "tired"}})
    for _, builder in demo._builders:
        builder(user)


def test_export_has_every_section(alice: Any) -> None:
    fill_everything(alice)
    data = client_for(alice).get("/accounts/export/")
    assert data["Content-Disposition"].startswith("attachment")
    exported = json.loads(data.content)
    assert exported["format"] == "rebond-export"
    assert exported["sections"]["safety_plan"]["coping"]["text"] == "music"
    assert exported["sections"]["profile"]["username"] == "alice"


def test_delete_account_leaves_no_row_behind(charlie: Any) -> None:
    before = row_counts()
    alice = make_user("alice")
    fill_everything(alice)
    assert row_counts() != before
    client = client_for(alice)
    response = client.post("/accounts/delete/", {"password": "wrong", "confirm": "on"})
    assert "Nothing was deleted" in response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert User.objects.filter(pk=alice.pk).exists()
    response = client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
    assert "Your account is deleted" in response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert row_counts() == before, "rows were left behind"
    assert client.get("/accounts/settings/").status_code == 302


def test_delete_account_by_api(api_as: Any, charlie: Any) -> None:
    before = row_counts()
    alice = make_user("alice")
    fill_everything(alice)
    api = api_as(alice)
    assert api.delete("/account", {"password": "wrong"}).status_code == 422
    assert api.delete("/account", {"password": PASSWORD}).status_code == 204
    assert row_counts() == before


def test_export_then_import_round_trip(alice: Any, charlie: Any) -> None:
    plan_service.plan_save(user=alice, entries={"reasons": {"text": "the sea", "obstacle": ""}})
    exported = client_for(alice).get("/accounts/export/").content
    response = Client().post("/api/v1/import", data=exported, content_type="application/json",
                             HTTP_AUTHORIZATION=f"Bearer {token_for(charlie)}")
    assert response.status_code == 200
    assert plan_service.plan_get(user=charlie)["reasons"]["text"] == "the sea"
