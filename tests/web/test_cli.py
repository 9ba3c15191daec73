from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest

from rebond.accounts.models import User
from rebond.cli import run
from rebond.safety import plan as plan_service

pytestmark = pytest.mark.django_db(transaction=True)


def test_help_is_helpful(capsys: Any) -> None:
    assert run(["--help"]) == 0
    text = capsys.readouterr().out
    for command in ("serve", "user", "export", "import", "backup", "demo"):
        assert command in text


def test_user_create_and_errors(monkeypatch: Any, capsys: Any) -> None:
    monkeypatch.setenv("REBOND_PASSWORD", "a long enough passphrase")
    assert run(["user", "create", "frank", "--role", "clinician"]) == 0
    assert User.objects.get(username="frank").role == "clinician"
    assert run(["user", "create", "frank"]) == 1
    assert "not created" in capsys.readouterr().err
    assert run(["user", "create", "gina", "--role", "boss"]) == 1
    assert run(["user", "nonsense"]) == 2


def test_export_import_round_trip(alice: Any, charlie: Any, capsys: Any, monkeypatch: Any) -> None:
    plan_service.plan_save(user=alice, entries={"reasons": {"text": "my garden", "obstacle": ""}})
    assert run(["export", "alice"]) == 0
    exported = capsys.readouterr().out
    assert json.loads(exported)["sections"]["safety_plan"]["reasons"]["text"] == "my garden"
    monkeypatch.setattr(sys, "stdin", io.StringIO(exported))
    assert run(["import", "charlie"]) == 0
    assert plan_service.plan_get(user=charlie)["reasons"]["text"] == "my garden"
    assert run(["export", "nobody"]) == 1


def test_demo_creates_a_living_account() -> None:
    assert run(["demo"]) == 0
    user = User.objects.get(username="demo")
    assert user.check_password("demo-password")
    assert run(["demo"]) == 0  # again: replaces the old demo, no duplicate
    assert User.objects.filter(username="demo").count() == 1
