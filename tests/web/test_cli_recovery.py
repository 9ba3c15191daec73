"""A person alone can get back in from the terminal (`rebond user password NAME`), and an admin can turn two-step
sign-in off for someone who lost their phone (`rebond user reset-two-step NAME`); the clinician then sets it up again."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from typer.testing import CliRunner

from rebond.accounts import services, twofactor
from rebond.accounts.models import LoginAttempt
from rebond.cli import app, run
from tests.conftest import PASSWORD, client_for, html, two_step_on

pytestmark = pytest.mark.django_db(transaction=True)

NEW = "a fresh start passphrase"


def test_password_from_the_environment(monkeypatch: Any, capsys: Any, alice: Any) -> None:
    old_session = client_for(alice)
    services.record_failed_signin(username="alice", ip="127.0.0.1")
    monkeypatch.setenv("REBOND_PASSWORD", NEW)
    assert run(["user", "password", "alice"]) == 0
    assert "alice has a new password" in capsys.readouterr().out
    alice.refresh_from_db()
    assert alice.check_password(NEW) and not alice.check_password(PASSWORD)
    assert not LoginAttempt.objects.filter(username="alice").exists()  # a lock on the name is lifted
    assert old_session.get("/accounts/settings/").status_code == 302  # signed in with the old one: ended


def test_password_from_a_prompt(alice: Any) -> None:
    result = CliRunner().invoke(app, ["user", "password", "alice"], input=f"{NEW}\n{NEW}\n", env={"REBOND_PASSWORD": ""})
    assert result.exit_code == 0, result.output
    alice.refresh_from_db()
    assert alice.check_password(NEW)


def test_password_problems_are_words_with_exit_codes(monkeypatch: Any, capsys: Any, alice: Any) -> None:
    monkeypatch.setenv("REBOND_PASSWORD", "short")
    assert run(["user", "password", "alice"]) == 1
    err = capsys.readouterr().err
    assert "The password was not changed" in err and "password:" in err
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
    monkeypatch.setenv("REBOND_PASSWORD", NEW)
    assert run(["user", "password", "nobody"]) == 1
    assert "no account named 'nobody'" in capsys.readouterr().err
    assert run(["user", "password"]) == 2


def test_reset_two_step_lets_a_clinician_in_to_set_it_up_again(capsys: Any, bob: Any) -> None:
    two_step_on(bob)
    assert run(["user", "reset-two-step", "bob"]) == 0
    assert "asked to set it up again" in capsys.readouterr().out
    assert not twofactor.is_enabled(bob)
    client = Client()
    response = client.post("/accounts/login/", {"username": "bob", "password": PASSWORD})
    assert response.status_code == 302 and "/code/" not in response["Location"]  # no code asked: the phone is gone
    assert client.get("/").url == "/accounts/two-step/"  # and set up again before anything else
    assert run(["user", "reset-two-step", "bob"]) == 0
    assert "already off" in capsys.readouterr().out


def test_reset_two_step_for_a_client_and_usage_mistakes(capsys: Any, alice: Any, charlie: Any) -> None:
    import pyotp

    secret = twofactor.new_secret()
    twofactor.enable(user=alice, secret=secret, code=pyotp.TOTP(secret).now())
    assert run(["user", "reset-two-step", "alice"]) == 0
    assert "turn it on again in Settings" in capsys.readouterr().out
    assert not twofactor.is_enabled(alice) and not twofactor.is_enabled(charlie)
    assert run(["user", "reset-two-step", "nobody"]) == 1
    assert run(["user", "reset-two-step"]) == 2


def test_the_reset_page_names_the_command_only_on_this_computer(settings: Any) -> None:
    here = html(Client().get("/accounts/password/reset/"))
    assert "rebond user password YOUR-NAME" in here
    elsewhere = html(Client(REMOTE_ADDR="203.0.113.5").get("/accounts/password/reset/"))
    assert "rebond user password" not in elsewhere and "Send the link" in elsewhere
    settings.BEHIND_HTTPS_PROXY = True
    assert "rebond user password" not in html(Client().get("/accounts/password/reset/"))
