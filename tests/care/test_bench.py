"""bench/care_summary.py fails (exit 1) when a session summary misses the 2 s goal, so a slow page can't pass."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

pytestmark = pytest.mark.django_db


def load_bench(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))  # as when it runs as a script: its neighbours import by name
    spec = importlib.util.spec_from_file_location("bench_care_summary", BENCH / "care_summary.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("goal", "expected"), [(60.0, 0), (0.0, 1)])
def test_the_summary_bench_times_both_pages_and_exits_1_over_the_goal(
    goal: float, expected: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = load_bench(monkeypatch)
    monkeypatch.setattr(bench, "GOAL_SECONDS", goal)
    assert bench.run(argparse.Namespace(days=21, promises=1, runs=1)) == expected
    out = capsys.readouterr().out
    assert "finished thought records" in out and "questionnaires" in out
    assert "clinician summary" in out and "person    summary" in out
    assert out.count("OVER the 2 s goal") == (2 if expected else 0)
