"""The data folder is for the account running rebond only: a fresh folder is 0700, and the database (with its -wal
and -shm), the key file and the secret key are 0600 from their first byte, never chmod-ed after a readable moment."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rebond.lib import crypto
from rebond.lib.private import private_file, private_folder, write_private
from tests.web.test_cli_ops import rebond


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask(monkeypatch: Any) -> Iterator[None]:
    """The loosest umask there is, so a file is private only if rebond asked for it; chmod is refused outright,
    so nothing can be made private after the fact."""
    def no_chmod(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("chmod after writing leaves a moment when others can read the file")

    monkeypatch.setattr(os, "chmod", no_chmod)
    monkeypatch.setattr(Path, "chmod", no_chmod)
    before = os.umask(0)
    try:
        yield
    finally:
        os.umask(before)


@pytest.mark.django_db
def test_a_fresh_data_folder_from_the_command_line_is_private(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    assert rebond(data, "migrate").returncode == 0
    assert _mode(data) == 0o700
    made = [data / name for name in ("rebond.sqlite3", "keys.json", "secret_key")]
    made += [p for p in (data / "rebond.sqlite3-wal", data / "rebond.sqlite3-shm") if p.exists()]
    assert {p.name: _mode(p) for p in made} == {p.name: 0o600 for p in made}


def test_secret_files_are_private_before_they_hold_anything(open_umask: None, tmp_path: Path, monkeypatch: Any) -> None:
    seen: dict[str, int] = {}
    real_link = os.link

    def link(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        seen[Path(dst).name] = _mode(Path(src))  # the file as it is, full, just before it gets its name
        real_link(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "link", link)
    ring = crypto.load_or_create_keyring(tmp_path / "keys" / "keys.json")
    crypto.save_keyring(tmp_path / "keys" / "keys.json", ring.rotated())
    from rebond import settings as rebond_settings

    monkeypatch.setattr(rebond_settings, "DATA_DIR", tmp_path)
    monkeypatch.delenv("REBOND_SECRET_KEY", raising=False)
    monkeypatch.delenv("REBOND_SECRET_KEY_FILE", raising=False)
    rebond_settings._secret_key()
    assert seen == {"keys.json": 0o600, "secret_key": 0o600}
    assert _mode(tmp_path / "keys") == 0o700
    assert _mode(tmp_path / "keys" / "keys.json") == 0o600 and _mode(tmp_path / "secret_key") == 0o600
    assert not [p for p in tmp_path.rglob(".*") if p.is_file()], "no temporary copies are left behind"


def test_write_private_keeps_the_first_file_when_two_race(tmp_path: Path) -> None:
    target = tmp_path / "secret"
    assert write_private(target, "first") is True
    assert write_private(target, "second") is False
    assert target.read_text() == "first"
    assert write_private(target, "third", replace=True) is True and target.read_text() == "third"


def test_the_database_and_its_write_ahead_log_are_private(open_umask: None, tmp_path: Path) -> None:
    folder = private_folder(tmp_path / "data")
    db = private_file(folder / "rebond.sqlite3")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("INSERT INTO t VALUES ('hello')")
        files = sorted(folder.iterdir())
        assert {p.name for p in files} >= {"rebond.sqlite3", "rebond.sqlite3-wal", "rebond.sqlite3-shm"}
        assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert _mode(folder) == 0o700
