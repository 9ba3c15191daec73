"""The operator's commands for real, in their own processes on a fresh data folder: serve (gunicorn, the setup
token, a taken port), migrate (makes the key file), keys rotate, backup, and settings mistakes said in words."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=False)


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(REBOND_DATA_DIR=str(data_dir), REBOND_PASSWORD="a long enough passphrase", COLUMNS="400", **extra)
    return env


def rebond(data_dir: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from rebond.cli import main; main()", *args],
                          env=_env(data_dir, **extra), capture_output=True, text=True, timeout=180)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_prints_a_private_setup_token_then_serves_and_a_taken_port_is_said_in_words(tmp_path: Path) -> None:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", "from rebond.cli import main; main()", "serve",
                               "--port", str(port), "--workers", "1"],
                              env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        body = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                    body = json.loads(answer.read())
                break
            except OSError:
                time.sleep(0.5)
        assert body is not None and body["status"] == "ok"
        token_file = tmp_path / "setup_token"
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
        assert (tmp_path / "keys.json").is_file()  # made before the first request, for every server to share
        again = rebond(tmp_path, "serve", "--port", str(port))
        assert again.returncode == 1
        assert "already in use" in again.stderr and "Traceback" not in again.stderr
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert f"/accounts/setup/?token={token_file.read_text().strip()}" in output
    assert "rebond is running" in output


def test_wrong_port_and_bad_settings_are_words_not_tracebacks(tmp_path: Path) -> None:
    wrong = rebond(tmp_path, "serve", "--port", "99999")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    bad = rebond(tmp_path, "user", "list", REBOND_DEBUG="maybe")
    assert bad.returncode == 1
    assert "REBOND_DEBUG should be true or false" in bad.stderr and "Traceback" not in bad.stderr
    default_key = rebond(tmp_path, "serve", REBOND_SECRET_KEY="change-me")
    assert default_key.returncode == 1 and "Traceback" not in default_key.stderr


def test_migrate_makes_the_key_file_and_a_second_server_without_it_refuses(tmp_path: Path) -> None:
    assert rebond(tmp_path, "migrate").returncode == 0
    keys = tmp_path / "keys.json"
    assert keys.is_file() and stat.S_IMODE(keys.stat().st_mode) == 0o600
    assert rebond(tmp_path, "user", "create", "sam").returncode == 0
    assert rebond(tmp_path, "demo", "--name", "sam-demo").returncode == 0  # seals text with the key file
    moved = tmp_path / "keys.json.elsewhere"
    keys.rename(moved)
    refused = rebond(tmp_path, "migrate")
    assert refused.returncode == 1 and "Copy keys.json" in refused.stderr
    assert not keys.exists()  # it did not make a new, different key file
    at_work = rebond(tmp_path, "export", "sam-demo")  # nor does a command that only reads
    assert at_work.returncode == 1 and "won't make a new key" in at_work.stderr and "Traceback" not in at_work.stderr
    assert not keys.exists()
    other = tmp_path / "other-keys.json"
    assert rebond(tmp_path / "elsewhere", "migrate", REBOND_KEY_FILE=str(other)).returncode == 0
    mismatched = rebond(tmp_path, "migrate", REBOND_KEY_FILE=str(other))
    assert mismatched.returncode == 1 and "same keys.json" in mismatched.stderr
    moved.rename(keys)
    assert rebond(tmp_path, "migrate").returncode == 0


def test_keys_rotate_and_retire_and_backup(tmp_path: Path) -> None:
    assert rebond(tmp_path, "demo").returncode == 0
    before = json.loads((tmp_path / "keys.json").read_text())
    assert rebond(tmp_path, "keys", "rotate").returncode == 0
    rotated = json.loads((tmp_path / "keys.json").read_text())
    assert set(before["keys"]) < set(rotated["keys"]) and rotated["active"] not in before["keys"]
    retire = rebond(tmp_path, "keys", "rotate", "--retire")
    assert retire.returncode == 0
    retired = json.loads((tmp_path / "keys.json").read_text())
    assert list(retired["keys"]) == [retired["active"]]
    exported = rebond(tmp_path, "export", "demo")  # every data key opens with the one key left
    assert exported.returncode == 0
    assert json.loads(exported.stdout)["sections"]

    copy = tmp_path / "copy"
    backed = rebond(tmp_path, "backup", str(copy))
    assert backed.returncode == 0 and "keep it somewhere only you can reach" in backed.stderr
    assert (copy / "keys.json").read_bytes() == (tmp_path / "keys.json").read_bytes()
    with sqlite3.connect(copy / "rebond.sqlite3") as db:
        assert db.execute("select count(*) from accounts_user where username = 'demo'").fetchone() == (1,)
    restored = rebond(copy, "export", "demo", REBOND_KEY_FILE=str(copy / "keys.json"))
    assert restored.returncode == 0
    assert json.loads(restored.stdout)["sections"] == json.loads(exported.stdout)["sections"]

    unwritable = tmp_path / "locked"
    unwritable.mkdir()
    unwritable.chmod(0o500)
    try:
        if os.geteuid() != 0:  # root writes anywhere; the words are checked where the system refuses
            failed = rebond(tmp_path, "backup", str(unwritable / "inside"))
            assert failed.returncode == 1 and "Traceback" not in failed.stderr
    finally:
        unwritable.chmod(0o700)


