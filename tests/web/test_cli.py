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


def test_demo_creates_a_living_account(monkeypatch: Any, capsys: Any) -> None:
    import re

    monkeypatch.delenv("REBOND_PASSWORD", raising=False)
    assert run(["demo"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert User.objects.get(username="demo").check_password("demo-password")
    assert User.objects.get(username="demo-client2").check_password("demo-password")
    clinician = User.objects.get(username="demo-clinician")
    assert not clinician.check_password("demo-password"), "a clinician never gets the well-known password"
    printed = re.search(r"'demo-clinician', with the password '([^']+)'", said)
    assert printed and clinician.check_password(printed.group(1))
    assert run(["demo"]) == 0  # again: replaces the old demo, no duplicate, and a new clinician password
    assert User.objects.filter(username="demo").count() == 1
    assert not User.objects.get(username="demo-clinician").check_password(printed.group(1))


def test_demo_with_a_chosen_password_gives_it_to_the_clinician_too(monkeypatch: Any, capsys: Any) -> None:
    monkeypatch.setenv("REBOND_PASSWORD", "a long enough passphrase")
    assert run(["demo"]) == 0
    for name in ("demo", "demo-client2", "demo-clinician"):
        assert User.objects.get(username=name).check_password("a long enough passphrase"), name
    assert "a long enough passphrase" not in capsys.readouterr().out  # not printed back


def _rebond(data_dir: Any, *args: str) -> Any:
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(REBOND_DATA_DIR=str(data_dir), REBOND_PASSWORD="a long enough passphrase")
    return subprocess.run([sys.executable, "-c", "from rebond.cli import main; main()", *args],
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.django_db(transaction=False)
def test_a_fresh_data_folder_gets_words_not_a_traceback(tmp_path: Any) -> None:
    """A newcomer who types a command before `rebond serve` has made the tables is told what to do;
    commands that make an account create the tables themselves."""
    shown = _rebond(tmp_path, "trust", "sam")
    assert shown.returncode == 1
    assert "rebond migrate" in shown.stderr and "Traceback" not in shown.stderr
    made = _rebond(tmp_path, "user", "create", "sam")
    assert made.returncode == 0, made.stderr
    assert "Created sam" in made.stdout
    assert _rebond(tmp_path, "trust", "sam").returncode == 0


def test_demo_never_replaces_a_real_account(monkeypatch: Any, capsys: Any) -> None:
    monkeypatch.setenv("REBOND_PASSWORD", "a long enough passphrase")
    assert run(["user", "create", "sam"]) == 0
    real = User.objects.get(username="sam")
    assert run(["demo", "--name", "sam"]) == 1
    assert "isn't a demo" in capsys.readouterr().err
    real.refresh_from_db()
    assert real.check_password("a long enough passphrase") and not real.is_demo
    # Nor the demo's companions: a real account named like the demo clinician is left alone too.
    assert run(["user", "create", "demo-clinician", "--role", "clinician"]) == 0
    assert run(["demo"]) == 1
    assert User.objects.get(username="demo-clinician").check_password("a long enough passphrase")
    assert not User.objects.filter(username="demo").exists()  # nothing half-made
