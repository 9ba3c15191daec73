"""`.ci/run` keeps its promise of finishing within 45 minutes: past its limit it stops everything and fails in words.
A stand-in `make` on PATH plays a test run that hangs, so this takes seconds, not 45 minutes."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

CI = Path(__file__).resolve().parents[2] / ".ci" / "run"


def _ci_with_make(tmp_path: Path, body: str, limit: str) -> tuple[subprocess.CompletedProcess[str], float]:
    fake = tmp_path / "bin"
    fake.mkdir()
    make = fake / "make"
    make.write_text(f"#!/bin/sh\n{body}\n")
    make.chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}", "REBOND_CI_SECONDS": limit}
    env.pop("REBOND_CI_TIMED", None)
    began = time.monotonic()
    done = subprocess.run([str(CI)], env=env, capture_output=True, text=True, timeout=120)
    return done, time.monotonic() - began


def test_a_run_past_the_limit_is_stopped_and_fails_in_words(tmp_path: Path) -> None:
    done, took = _ci_with_make(tmp_path, f"echo $$ > {tmp_path}/pid; exec sleep 300", limit="2")
    assert done.returncode == 1
    assert "ran past its limit of 2 s" in done.stderr and "under 45 minutes" in done.stderr
    assert took < 60
    pid = int((tmp_path / "pid").read_text())
    assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


def test_a_failure_inside_the_limit_keeps_its_own_exit_code(tmp_path: Path) -> None:
    done, _ = _ci_with_make(tmp_path, "exit 2", limit="60")
    assert done.returncode == 2
    assert "past its limit" not in done.stderr
