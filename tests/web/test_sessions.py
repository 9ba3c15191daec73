"""Sessions and failed sign-ins don't outlive their use: deleting an account ends its sessions on every device
(web, API and the CLI's demo replacement all delete through one service), and expired sessions and old failed
sign-ins are pruned on sign-in and when `rebond serve` starts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from rebond.accounts import services
from rebond.accounts.models import LoginAttempt
from rebond.safety import interstitial
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def _owners() -> list[str]:
    return sorted(str(s.get_decoded().get(SESSION_KEY)) for s in Session.objects.all())


def _old_rows() -> None:
    """An expired session and a failed sign-in from long ago."""
    expired = Client().session
    expired["something"] = "left over"
    expired.save()
    Session.objects.filter(pk=expired.session_key).update(expire_date=timezone.now() - timedelta(minutes=1))
    LoginAttempt.objects.create(username="someone", ip="203.0.113.7", at=timezone.now() - timedelta(days=2))


def test_deleting_by_api_ends_the_browser_sessions_too(api_as: Any, alice: Any, charlie: Any) -> None:
    browser = client_for(alice).session
    browser[interstitial.PENDING_KEY] = {"entry": "thoughts:1", "back": "/thoughts/1/", "harmed": False}
    browser.save()
    client_for(charlie)
    assert _owners() == sorted([str(alice.pk), str(charlie.pk)])
    assert api_as(alice).delete("/account", {"password": PASSWORD}).status_code == 204
    assert _owners() == [str(charlie.pk)]  # charlie is still signed in


def test_deleting_ends_a_half_finished_two_step_sign_in(alice: Any) -> None:
    laptop = Client().session
    laptop[services.PENDING_2FA] = {"user": alice.pk, "next": "/"}
    laptop.save()
    assert services.sessions_end(user=alice) == 1
    assert not Session.objects.exists()


def test_replacing_the_demo_ends_the_old_demo_sessions(db: None) -> None:
    from rebond.core import demo

    old = demo.create_demo(username="demo", password=PASSWORD)
    client_for(old)
    demo.create_demo(username="demo", password=PASSWORD)
    assert str(old.pk) not in _owners()


def test_signing_in_prunes_expired_sessions_and_old_failed_sign_ins(client: Client, alice: Any) -> None:
    _old_rows()
    recent = LoginAttempt.objects.create(username="someone", ip="203.0.113.7", at=timezone.now())
    client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert _owners() == [str(alice.pk)]
    assert list(LoginAttempt.objects.all()) == [recent]  # still counts towards the lock


def test_serve_prunes_when_it_starts(monkeypatch: Any, alice: Any) -> None:
    from gunicorn.app.base import BaseApplication

    from rebond import cli

    _old_rows()
    started: list[bool] = []
    monkeypatch.setattr(BaseApplication, "run", lambda self: started.append(True))
    monkeypatch.setattr(cli, "_port_free", lambda host, port: None)
    assert cli.run(["serve", "--no-migrate"]) == 0
    assert started == [True]
    assert not Session.objects.exists() and not LoginAttempt.objects.exists()

