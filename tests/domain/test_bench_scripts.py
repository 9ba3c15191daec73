"""The benchmark scripts fail (exit 1) when a goal is missed, so a regression can't pass unnoticed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _harm(crisis_eval: ModuleType, **overrides: float) -> object:
    values = {"recall": 1.0, "fp_rate": 0.0}
    values.update(overrides)
    return crisis_eval.HarmScores(positives=40, negatives=40, **values)


def _scores(crisis_eval: ModuleType, **overrides: float) -> object:
    values = {"recall": 1.0, "recall_pm": 1.0, "fp_rate": 0.0, "median_ms": 0.5, "p95_ms": 1.0}
    values.update(overrides)
    return crisis_eval.Scores(positives=10, plan_means=5, negatives=10, **values)


def _load_crisis_eval(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The crisis bench with its ablation and cross-validation stubbed (they read every set and train five models):
    these tests are about its goals and exit code."""
    crisis_eval = _load("crisis_eval")
    parts = {part: {name: _scores(crisis_eval) for name in crisis_eval.SETS} for part in crisis_eval.PARTS}
    monkeypatch.setattr(crisis_eval, "ablation", lambda sets, harm: crisis_eval.Ablation(
        parts, {part: _harm(crisis_eval) for part in crisis_eval.PARTS}))
    figures = {"recall": 0.5, "false positives, hard": 0.05}
    monkeypatch.setattr(crisis_eval, "cross_validation", lambda: crisis_eval.CrossValidation(
        {part: dict(figures) for part in crisis_eval.PARTS}, {"written": 10, "thoughts": 5, "hard negatives": 4},
        crisis_eval.crisis_model.THRESHOLDS, 0.3))
    return crisis_eval


@pytest.mark.parametrize(
    "missed", [{"recall": 0.9}, {"recall_pm": 0.95}, {"fp_rate": 0.2}, {"median_ms": 50.0},
               {"harm_positives": 25, "harm_recall": 0.85}]
)
@pytest.mark.parametrize("bad_set", range(4))
def test_crisis_eval_exits_non_zero_when_any_goal_is_missed_on_any_set(
    missed: dict[str, float], bad_set: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    crisis_eval = _load_crisis_eval(monkeypatch)
    assert len(crisis_eval.SETS) == 4
    results = iter([_scores(crisis_eval, **missed) if i == bad_set else _scores(crisis_eval) for i in range(4)])
    monkeypatch.setattr(crisis_eval, "measure", lambda items: next(results))
    monkeypatch.setattr(crisis_eval, "measure_harm", lambda items: _harm(crisis_eval))
    assert crisis_eval.main([]) == 1
    assert "GOALS MISSED" in capsys.readouterr().out


@pytest.mark.parametrize("missed", [{"recall": 0.85}, {"fp_rate": 0.15}])
def test_crisis_eval_exits_non_zero_when_a_harm_goal_is_missed(
    missed: dict[str, float], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    crisis_eval = _load_crisis_eval(monkeypatch)
    monkeypatch.setattr(crisis_eval, "measure", lambda items: _scores(crisis_eval))
    monkeypatch.setattr(crisis_eval, "measure_harm", lambda items: _harm(crisis_eval, **missed))
    assert crisis_eval.main([]) == 1
    out = capsys.readouterr().out
    assert "harm recall" in out and "GOALS MISSED" in out


def test_a_set_without_harm_sentences_has_no_harm_recall_goal(monkeypatch: pytest.MonkeyPatch) -> None:
    crisis_eval = _load_crisis_eval(monkeypatch)
    monkeypatch.setattr(crisis_eval, "measure", lambda items: _scores(crisis_eval, harm_positives=0, harm_recall=0.0))
    monkeypatch.setattr(crisis_eval, "measure_harm", lambda items: _harm(crisis_eval))
    assert crisis_eval.main([]) == 0


def test_crisis_eval_exits_zero_when_every_goal_is_met(monkeypatch: pytest.MonkeyPatch) -> None:
    crisis_eval = _load_crisis_eval(monkeypatch)
    monkeypatch.setattr(crisis_eval, "measure", lambda items: _scores(crisis_eval))
    monkeypatch.setattr(crisis_eval, "measure_harm", lambda items: _harm(crisis_eval))
    assert crisis_eval.main([]) == 0


def test_crisis_eval_prints_the_ablation_and_the_models_cross_validation(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    crisis_eval = _load_crisis_eval(monkeypatch)
    monkeypatch.setattr(crisis_eval, "measure", lambda items: _scores(crisis_eval))
    monkeypatch.setattr(crisis_eval, "measure_harm", lambda items: _harm(crisis_eval))
    assert crisis_eval.main([]) == 0
    out = capsys.readouterr().out
    assert "ablation" in out and all(part in out for part in ("rules only", "model only", "both"))
    assert "cross-validation on its training examples" in out and "thresholds in use" in out


def test_the_ablation_reads_each_part_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules alone never see the model's findings and the model alone never sees the rules'."""
    crisis_eval = _load("crisis_eval")
    monkeypatch.setattr(crisis_eval, "latency_ms", lambda texts, judge=None, passes=0: (0.0, 0.0))
    only_the_model = "My partner keeps every bank card and I have to ask him for bus money each morning."
    sets = {"x": [{"id": "p", "label": 1, "category": "harmed_by_other", "text": only_the_model},
                  {"id": "n", "label": 0, "kind": "everyday", "text": "I walked the dog and made soup."}]}
    rows = crisis_eval.ablation(sets, sets["x"]).sets
    assert rows["rules only"]["x"].recall == 0.0
    assert rows["model only"]["x"].recall == rows["both"]["x"].recall == 1.0


def test_a_loaded_machine_does_not_fail_the_crisis_latency_goal(monkeypatch: pytest.MonkeyPatch) -> None:
    crisis_eval = _load_crisis_eval(monkeypatch)
    # a best-of-5 median seen while six other test runs shared the machine, with nothing changed in the check
    monkeypatch.setattr(crisis_eval, "measure", lambda items: _scores(crisis_eval, median_ms=4.3, p95_ms=12.0))
    monkeypatch.setattr(crisis_eval, "measure_harm", lambda items: _harm(crisis_eval))
    assert crisis_eval.main([]) == 0
    assert crisis_eval.LATENCY_PASSES > 5


def test_the_harm_set_is_large_enough_and_its_own() -> None:
    crisis_eval = _load("crisis_eval")
    harm = crisis_eval.load(crisis_eval.HARM_SET)
    assert sum(r["label"] == 1 for r in harm) >= 40
    assert sum(r["label"] == 0 for r in harm) >= 40
    others = {str(r["text"]).casefold() for path in crisis_eval.SETS.values() for r in crisis_eval.load(path)}
    assert not {str(r["text"]).casefold() for r in harm} & others


def test_crisis_eval_reads_four_sets_that_share_no_sentence() -> None:
    crisis_eval = _load("crisis_eval")
    frozen, fresh, third, probe = (crisis_eval.load(path) for path in crisis_eval.SETS.values())
    texts = [{str(r["text"]).casefold() for r in rows} for rows in (frozen, fresh, third, probe)]
    assert all(not a & b for i, a in enumerate(texts) for b in texts[i + 1 :])
    positives = [r for r in fresh if r["label"] == 1]
    assert len(positives) >= 60
    assert sum(r["category"] in ("plan", "means") for r in positives) >= 15
    assert sum(r["label"] == 0 for r in fresh) >= 60
    third_positives = [r for r in third if r["label"] == 1]
    assert len(third_positives) >= 40
    assert sum(r["category"] in ("plan", "means") for r in third_positives) >= 20
    assert sum(r["label"] == 0 for r in third) >= 40


def test_the_probe_set_keeps_its_authors_labels() -> None:
    """Written blind by a separate author: 25 plan/means, 25 ideation, 25 harmed, 50 negatives, each line keeping that
    author's label beside the category the bench reads, and every plan/means line counted as plan or means."""
    crisis_eval = _load("crisis_eval")
    probe = crisis_eval.load(crisis_eval.SETS["probe"])
    by_label: dict[str, list[dict[str, object]]] = {}
    for row in probe:
        by_label.setdefault(str(row["probe_label"]), []).append(row)
    assert {label: len(rows) for label, rows in by_label.items()} == {
        "plan_means": 25, "ideation": 25, "harmed": 25, "negative": 50}
    assert all(r["label"] == 1 and r["category"] in ("plan", "means") for r in by_label["plan_means"])
    assert all(r["label"] == 1 and r["category"] == "harmed_by_other" for r in by_label["harmed"])
    assert all(r["label"] == 1 and r["category"] in ("ideation", "self_injury", "burden") for r in by_label["ideation"])
    assert all(r["label"] == 0 for r in by_label["negative"])


@pytest.mark.parametrize(("goal", "expected"), [(0.0, 0), (1.01, 1)])
def test_traps_eval_exits_non_zero_when_a_goal_is_missed_and_prints_the_ablation(
    goal: float, expected: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    traps_eval = _load("traps_eval")
    monkeypatch.setattr(traps_eval, "BENCH_FILE", tmp_path / "absent.jsonl")  # (a) only: fast, and no benchmark needed
    monkeypatch.setitem(traps_eval.GOALS, "a_top3", goal)
    assert traps_eval.main([]) == expected
    out = capsys.readouterr().out
    assert "so (a) is optimistic" in out
    assert "model only top-3" in out and "rules only top-3" in out
    assert ("GOALS MISSED" in out) == bool(expected)


def test_the_ablation_rankers_rank_all_13_traps() -> None:
    traps_eval = _load("traps_eval")
    from rebond.domain.traps import TRAP_IDS, TrapSuggester, load_examples

    model = traps_eval.model_only_ranker(TrapSuggester(load_examples()))
    for rank in (model, traps_eval.rules_only_ranker):
        ranking = rank("I always ruin everything, I'm such an idiot.")
        assert sorted(ranking) == sorted(TRAP_IDS)
    assert traps_eval.rules_only_ranker("I always ruin everything.")[0] in {"overgeneralizing", "all_or_nothing"}


def test_no_probe_sentence_is_in_a_unit_test() -> None:
    """The patterns are proven on the probe by the bench and on other words by the tests, never on its own lines."""
    crisis_eval = _load("crisis_eval")
    tests = Path(__file__).resolve().parents[1]
    source = " ".join(p.read_text(encoding="utf-8") for p in tests.rglob("*.py") if p.name != Path(__file__).name)
    source = source.casefold()
    # a stock idiom its author happened to write too; it was in these tests (and the frozen set) before the probe came
    known = {"this traffic is killing me"}
    probe = [str(r["text"]) for r in crisis_eval.load(crisis_eval.SETS["probe"])]
    assert [t for t in probe if t.casefold() in source and t not in known] == []
