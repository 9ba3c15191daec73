"""The name rebond calls a person by is free text too: it passes the safety guard like every other write."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from rebond.accounts import services
from tests.conftest import client_for, sqlite_bytes_on_disk, token_for

pytestmark = pytest.mark.django_db

WORRYING = "Some days I want to die"
SETTINGS = {"email": "", "time_zone": "Europe/London", "region": "GB"}


def html(response: Any) -> str:
    return str(response.content.decode()).replace("&#x27;", "'")


def test_a_new_display_name_is_guarded_and_saved_first(alice: Any) -> None:
    client = client_for(alice)
    response = client.post("/accounts/settings/", {**SETTINGS, "display_name": WORRYING})
    page = html(response)
    assert response.status_code == 200
    assert "It sounds like a lot is going on" in page and 'href="/accounts/settings/"' in page
    assert "Samaritans" in page, "the lines are for the region"
    assert "want to die" not in page, "the matched words are never echoed"
    alice.refresh_from_db()
    assert alice.display_name == WORRYING
    # saving other settings later does not re-check (or re-show) the name that is already there
    response = client.post("/accounts/settings/", {**SETTINGS, "display_name": WORRYING, "time_zone": "UTC"})
    assert response.status_code == 302


def test_a_calm_name_goes_straight_back_to_settings(alice: Any) -> None:
    response = client_for(alice).post("/accounts/settings/", {**SETTINGS, "display_name": "Al"})
    assert response.status_code == 302 and response["Location"] == "/accounts/settings/"


def test_the_service_returns_the_guard(alice: Any) -> None:
    user, guard = services.profile_update(user=alice, display_name=WORRYING, discreet_mode=False, **SETTINGS)
    assert user.display_name == WORRYING and guard.detected and guard.region == "GB"
    _, guard = services.profile_update(user=alice, display_name="Al", discreet_mode=False, **SETTINGS)
    assert not guard.detected


def test_a_display_name_arriving_by_import_answers_with_crisis(alice: Any, charlie: Any) -> None:
    data = {"format": "rebond-export", "sections": {"profile": {"display_name": WORRYING}}}
    response = Client().post("/api/v1/import", data=json.dumps(data), content_type="application/json",
                             HTTP_AUTHORIZATION=f"Bearer {token_for(alice)}")
    assert response.status_code == 200 and response.json()["crisis"]["detected"] is True
    alice.refresh_from_db()
    charlie.refresh_from_db()
    assert alice.display_name == WORRYING and charlie.display_name == ""


NAME = "Marguerite Quillfeather"


def _raw_name(user: Any) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT display_name FROM accounts_user WHERE id = %s", [user.pk])
        return str(cursor.fetchone()[0])


@pytest.mark.django_db(transaction=True)
def test_the_name_is_sealed_with_the_persons_key_and_absent_from_the_raw_file(alice: Any) -> None:
    from django.db import connection

    from rebond.accounts.models import User

    services.profile_update(user=alice, display_name=NAME, discreet_mode=False, **SETTINGS)
    stored = _raw_name(alice)
    assert stored.startswith("rb1:") and NAME not in stored
    assert User.objects.get(pk=alice.pk).display_name == NAME
    assert "Marguerite" in html(client_for(alice).get("/"))  # the greeting opens it
    if connection.vendor == "sqlite":
        raw = sqlite_bytes_on_disk()
        assert stored.encode() in raw
        assert NAME.encode() not in raw and b"Quillfeather" not in raw


def test_a_new_account_has_an_empty_name_until_it_picks_one(db: None) -> None:
    from tests.conftest import make_user

    dana = make_user("dana")
    assert _raw_name(dana) == "" and dana.display_name == "" and dana.greeting_name == "dana"


@pytest.mark.django_db(transaction=True)
def test_the_migration_seals_names_stored_before_it_and_the_reverse_opens_them(alice: Any) -> None:
    from django.core.management import call_command
    from django.db import connection

    from rebond.accounts.models import User

    call_command("migrate", "accounts", "0003", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_user SET display_name = %s WHERE id = %s", [NAME, alice.pk])
    call_command("migrate", "accounts", verbosity=0)
    assert _raw_name(alice).startswith("rb1:")
    assert User.objects.get(pk=alice.pk).display_name == NAME
    call_command("migrate", "accounts", "0003", verbosity=0)
    assert _raw_name(alice) == NAME
    call_command("migrate", "accounts", verbosity=0)
