"""Measure the offline crisis check against the project's four evaluation sets, side by side, and a harm set.

    .venv/bin/python bench/crisis_eval.py [--show-misses]

- frozen: bench/data/crisis_eval.jsonl, written and committed before the detector was first written. The detector was
  later tuned while it was in view, so it is a floor, not an estimate.
- fresh: bench/data/crisis_eval_fresh.jsonl, written later in one sitting and committed before the next round of
  detector changes (recall 0.49 on it then). Its misses were looked at while the detector was widened, so it too
  is now a floor; a new sentence set written after a change is the only honest estimate. Keep its sentences out
  of the unit tests (one three-word sentence, "i wanna die", is in both). Neither file is ever edited to make a
  number go up.
- third: bench/data/crisis_eval_third.jsonl, 44 positives (24 plan or means) and 44 hard negatives in fresh wording,
  written and committed before the plan/means patterns were widened (recall 0.36, plan/means 0.25 then, no false
  positives). Its misses were looked at while general patterns were written (a means made ready, a note for
  afterwards, a set time, fumes), so it too is now a floor.
- probe: bench/data/crisis_eval_probe.jsonl, 75 positives (25 plan or means, 25 ideation or self-injury, 25 about
  being harmed by someone) and 50 negatives, written BLIND by a separate author who never saw the check's code or
  patterns; each line keeps that author's own label in `probe_label` (plan_means, ideation, harmed, negative) beside
  the category used here. First measured before any change: plan/means found 11 of 25 (10 at the plan_or_means
  level), ideation 21 of 25, harm 18 of 25, no false positive on the 50 negatives (recall 0.667, plan/means 0.400,
  harm recall 0.720). Its misses were then used to write general patterns, so it is no longer blind: a floor, like
  the others.

For each set: recall, recall on plan/means (detected at level "plan_or_means"), harm recall (`harmed_by_other` set on
the sentences about being harmed, where a set has them), the false-positive rate on the hard negatives and the
median/p95 latency on 500-word texts stitched from the set's sentences.

- harm: bench/data/harm_eval.jsonl, sentences about being hurt, threatened, followed or controlled by someone, and
  everyday look-alikes ("he dragged me to the gym"), written and committed before the harm patterns were widened
  (recall 0.28 then). Its own table: how often `harmed_by_other` is set on the harm sentences (the same notion the
  trap suggester uses to hold traps back), and how often anything fires on the look-alikes.

The check is two parts since the model was added (rebond/domain/crisis_model.py): the rules, tuned while these sets
were in view, and a small model trained on our own examples (content/crisis_examples.yaml and the thinking-trap
examples), which never saw any of these sets: its training lines share no run of six words with them (a test checks)
and its thresholds were chosen by cross-validation on those lines before any of these sets was read with it. First
measured then: the model alone found 0.56 / 0.58 / 0.64 / 0.72 of the positives (frozen / fresh / third / probe),
plan/means at the plan level 0.50 / 0.29 / 0.63 / 0.56, harm 1.00 / 0.88 / - / 0.88, at false-positive rates of
0.04 / 0.05 / 0.02 / 0.00 (without the rules' veto); with the rules, recall stayed 1.000 everywhere (the rules alone
already had it), false positives rose from 0.000 to 0.019 / 0.013 / 0.023 / 0.000, and on the harm set from 0.000 to
0.111 (5 of 45 look-alikes, three about care, read as harm: over the 0.10 goal, so the bench exits 1; reported, not
tuned away on this set). Of 500-word entries made only of a set's hard negatives, far more now fire (the model reads
every sentence, and its false alarms add up over a long entry). Beside the figures above it prints:
- an ablation: the same figures for the rules alone, the model alone (without the rules' veto on sentences they read
  as everyday on purpose) and both (what the check uses), on every set and the harm set; the model-alone figures are
  the only ones here that were never tuned on these sentences;
- the model's 5-fold cross-validation on its training examples (the only place its thresholds were chosen), with the
  rules' and the combined figures on the same lines (the rules were never written on them either), the false
  positives on the hard negatives and on the everyday trap thoughts, and the thresholds the procedure picks now
  beside those in use;
- how long training takes (once per process), and the rules' latency beside the combined one.

Exits 1 when any goal is missed on any set (the goals apply to the check as used: rules and model together).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rebond.domain import crisis, crisis_model  # noqa: E402
from rebond.domain.crisis import LEVEL_PLAN_OR_MEANS, CrisisResult, check, check_model, check_rules  # noqa: E402

DATA_DIR = Path(__file__).resolve().parent / "data"
SETS = {"frozen": DATA_DIR / "crisis_eval.jsonl", "fresh": DATA_DIR / "crisis_eval_fresh.jsonl",
        "third": DATA_DIR / "crisis_eval_third.jsonl", "probe": DATA_DIR / "crisis_eval_probe.jsonl"}
HARM_SET = DATA_DIR / "harm_eval.jsonl"
# Written blind, never tuned on sentence by sentence, but the kinds of its misses guided the model's training lines
# (bench/data/README.md): printed with no goals, as an optimistic estimate.
BLIND_SET = DATA_DIR / "crisis_eval_blind2.jsonl"
# Written blind after the model was finished; nobody tuning has read it (bench/data/README.md): the honest estimate.
BLIND_HONEST_SET = DATA_DIR / "crisis_eval_blind3.jsonl"
GOAL_RECALL = 0.95
GOAL_RECALL_PLAN_MEANS = 1.0
GOAL_FALSE_POSITIVES = 0.10
# The check runs once per free-text save (and twice per trap suggestion, whose own goal is 20 ms). The rules take about
# 1-2 ms for a 500-word entry on an idle machine and the model about 1 ms more (3-6 ms together, measured on a loaded
# machine), but the machines here are shared: a best-of-5 median of 4.3 ms was seen for the rules alone while six
# other test runs were going. So the goal is a generous 10 ms (still far below anything a person notices on a save)
# over the best of nine passes.
GOAL_MEDIAN_MS = 10.0
LATENCY_PASSES = 9
GOAL_HARM_RECALL = 0.9
GOAL_HARM_FALSE_POSITIVES = 0.10

Item = dict[str, object]


def load(path: Path) -> list[Item]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def long_texts(items: list[Item], count: int = 200, words: int = 500) -> list[str]:
    """500-word texts stitched from the set's own sentences, in a fixed pseudo-random order."""
    rng = random.Random(20261123)
    sentences = [str(item["text"]) for item in items]
    texts = []
    for _ in range(count):
        parts: list[str] = []
        n = 0
        while n < words:
            s = rng.choice(sentences)
            parts.append(s)
            n += len(s.split())
        texts.append(" ".join(parts))
    return texts


def latency_ms(texts: list[str], judge: Judge = check, passes: int = LATENCY_PASSES) -> tuple[float, float]:
    """Median and p95 over the texts, from the best of `passes` timed passes (as timeit does: the machine is shared),
    after one untimed pass that loads the lexicon, trains the model and warms the process up, as in a running
    server."""
    for text in texts:
        judge(text)
    best: list[float] | None = None
    for _ in range(passes):
        timings = []
        for text in texts:
            start = time.perf_counter()
            judge(text)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        if best is None or statistics.median(timings) < statistics.median(best):
            best = timings
    assert best is not None
    return statistics.median(best), best[int(0.95 * (len(best) - 1))]


@dataclass
class Scores:
    positives: int
    plan_means: int
    negatives: int
    recall: float
    recall_pm: float
    fp_rate: float
    median_ms: float
    p95_ms: float
    harm_positives: int = 0
    harm_recall: float = 1.0  # of the sentences about being harmed by someone, how many set `harmed_by_other`
    long_fp_rate: float = 0.0  # of 500-word entries made only of the set's negatives, how many fire (no goal)
    missed: list[Item] = field(default_factory=list)
    missed_pm: list[Item] = field(default_factory=list)
    false_pos: list[Item] = field(default_factory=list)

    def goals(self) -> dict[str, bool]:
        return {
            "recall": self.recall >= GOAL_RECALL,
            "plan/means": self.recall_pm >= GOAL_RECALL_PLAN_MEANS,
            "harm recall": self.harm_positives == 0 or self.harm_recall >= GOAL_HARM_RECALL,
            "false positives": self.fp_rate <= GOAL_FALSE_POSITIVES,
            "latency": self.median_ms < GOAL_MEDIAN_MS,
        }


Judge = Callable[[str], CrisisResult]


def measure(items: list[Item]) -> Scores:
    return score(items, check, timed=True)


def score(items: list[Item], judge: Judge, timed: bool = False) -> Scores:
    """The set's figures as `judge` reads it (check, check_rules or check_model); latency only when `timed`."""
    positives = [i for i in items if i["label"] == 1]
    negatives = [i for i in items if i["label"] == 0]
    plan_means = [i for i in positives if i["category"] in ("plan", "means")]
    harm = [i for i in positives if i["category"] == "harmed_by_other"]
    missed, missed_pm, false_pos = [], [], []
    for item in positives:
        result = judge(str(item["text"]))
        if not (result.detected and (item["category"] != "harmed_by_other" or result.harmed_by_other)):
            missed.append(item)
        if item["category"] in ("plan", "means") and result.level != LEVEL_PLAN_OR_MEANS:
            missed_pm.append(item)
    for item in negatives:
        if judge(str(item["text"])).detected:
            false_pos.append(item)
    median, p95 = latency_ms(long_texts(items), judge) if timed else (0.0, 0.0)
    long_negatives = long_texts(negatives, count=50)
    long_fp = sum(judge(text).detected for text in long_negatives) / len(long_negatives)
    return Scores(
        positives=len(positives), plan_means=len(plan_means), negatives=len(negatives),
        recall=1 - len(missed) / len(positives), recall_pm=1 - len(missed_pm) / len(plan_means) if plan_means else 1.0,
        fp_rate=len(false_pos) / len(negatives), median_ms=median, p95_ms=p95,
        harm_positives=len(harm), harm_recall=1 - sum(i in missed for i in harm) / len(harm) if harm else 1.0,
        long_fp_rate=long_fp, missed=missed, missed_pm=missed_pm, false_pos=false_pos,
    )


@dataclass
class HarmScores:
    positives: int
    negatives: int
    recall: float
    fp_rate: float
    missed: list[Item] = field(default_factory=list)
    false_pos: list[Item] = field(default_factory=list)

    def goals(self) -> dict[str, bool]:
        return {"harm recall": self.recall >= GOAL_HARM_RECALL,
                "harm false positives": self.fp_rate <= GOAL_HARM_FALSE_POSITIVES}


def measure_harm(items: list[Item], judge: Judge = check) -> HarmScores:
    """Harm found (`harmed_by_other`) on the harm sentences; anything at all found on their look-alikes."""
    positives = [i for i in items if i["label"] == 1]
    negatives = [i for i in items if i["label"] == 0]
    missed = [i for i in positives if not judge(str(i["text"])).harmed_by_other]
    false_pos = [i for i in negatives if judge(str(i["text"])).detected]
    return HarmScores(positives=len(positives), negatives=len(negatives), recall=1 - len(missed) / len(positives),
                      fp_rate=len(false_pos) / len(negatives), missed=missed, false_pos=false_pos)


def _mark(ok: bool) -> str:
    return "  " if ok else " !"


def report(results: dict[str, Scores], harm: HarmScores, show_misses: bool) -> bool:
    names = list(results)
    width = 16
    print(f"{'':<26}" + "".join(f"{name:>{width}}" for name in names) + "   goal")
    rows = [
        ("positives (plan/means)", lambda s: f"{s.positives} ({s.plan_means})", None, ""),
        ("hard negatives", lambda s: f"{s.negatives}", None, ""),
        ("recall", lambda s: f"{s.recall:.3f}", "recall", f">= {GOAL_RECALL}"),
        ("recall on plan/means", lambda s: f"{s.recall_pm:.3f}", "plan/means",
         f">= {GOAL_RECALL_PLAN_MEANS} (level plan_or_means)"),
        ("harm recall", lambda s: f"{s.harm_recall:.3f}" if s.harm_positives else "-", "harm recall",
         f">= {GOAL_HARM_RECALL} (harmed_by_other)"),
        ("false-positive rate", lambda s: f"{s.fp_rate:.3f}", "false positives", f"<= {GOAL_FALSE_POSITIVES}"),
        ("500-word negatives firing", lambda s: f"{s.long_fp_rate:.3f}", None, "(no goal: entries of negatives only)"),
        ("latency median, 500 words", lambda s: f"{s.median_ms:.3f} ms", "latency", f"< {GOAL_MEDIAN_MS} ms"),
        ("latency p95, 500 words", lambda s: f"{s.p95_ms:.3f} ms", None, ""),
    ]
    for label, value, goal, goal_text in rows:
        cells = "".join(
            f"{value(results[n]) + (_mark(results[n].goals()[goal]) if goal else '  '):>{width}}" for n in names
        )
        print(f"{label:<26}{cells}   {goal_text}")
    print("(! = goal missed on that set)")
    harm_goals = harm.goals()
    print(f"\nharm set: {harm.positives} harm sentences, {harm.negatives} look-alikes")
    print(f"{'harm recall':<26}{harm.recall:>14.3f}{_mark(harm_goals['harm recall'])}   >= {GOAL_HARM_RECALL}")
    print(f"{'false-positive rate':<26}{harm.fp_rate:>14.3f}{_mark(harm_goals['harm false positives'])}"
          f"   <= {GOAL_HARM_FALSE_POSITIVES}")
    if show_misses:
        for name, s in results.items():
            for label, items in (("missed", s.missed), ("plan/means not urgent", s.missed_pm),
                                 ("false positive", s.false_pos)):
                for item in items:
                    print(f"  {name} {label}: {item['id']}  {item['text']}")
        for label, items in (("missed", harm.missed), ("false positive", harm.false_pos)):
            for item in items:
                print(f"  harm {label}: {item['id']}  {item['text']}")
    missed_goals = [f"{goal} ({name})" for name, s in results.items() for goal, ok in s.goals().items() if not ok]
    missed_goals += [goal for goal, ok in harm_goals.items() if not ok]
    print("goals met on every set" if not missed_goals else "GOALS MISSED: " + ", ".join(missed_goals))
    return not missed_goals


PARTS: dict[str, Judge] = {"rules only": check_rules, "model only": check_model, "both": check}


@dataclass
class Ablation:
    sets: dict[str, dict[str, Scores]]  # part -> set -> figures
    harm: dict[str, HarmScores]  # part -> the harm set's figures


def ablation(sets: dict[str, list[Item]], harm: list[Item]) -> Ablation:
    """Each evaluation set and the harm set read by the rules alone, the model alone and both; the rules' latency."""
    rows = {part: {name: score(items, judge) for name, items in sets.items()} for part, judge in PARTS.items()}
    for name, items in sets.items():
        rows["rules only"][name].median_ms = latency_ms(long_texts(items), check_rules, passes=3)[0]
    return Ablation(rows, {part: measure_harm(harm, judge) for part, judge in PARTS.items()})


def report_ablation(result: Ablation) -> None:
    rows = result.sets
    names = list(next(iter(rows.values())))
    width = 16
    print("\nablation: each part alone and both (the goals apply to both; the model never saw these sets)")
    print(f"{'':<26}" + "".join(f"{name:>{width}}" for name in names))
    for label, value in (("recall", lambda s: f"{s.recall:.3f}"), ("recall on plan/means", lambda s: f"{s.recall_pm:.3f}"),
                         ("harm recall", lambda s: f"{s.harm_recall:.3f}" if s.harm_positives else "-"),
                         ("false-positive rate", lambda s: f"{s.fp_rate:.3f}"),
                         ("500-word negatives", lambda s: f"{s.long_fp_rate:.3f}")):
        for part, by_set in rows.items():
            print(f"{label + ', ' + part:<26}"[:26] + "".join(f"{value(by_set[n]):>{width}}" for n in names))
    rules = rows["rules only"]
    print(f"{'rules latency median':<26}" + "".join(f"{rules[n].median_ms:>{width - 3}.3f} ms" for n in names))
    print("harm set, " + "; ".join(f"{part}: harm recall {h.recall:.3f}, false positives {h.fp_rate:.3f}"
                                   for part, h in result.harm.items()))


@dataclass
class CrossValidation:
    """The model's 5-fold cross-validation on its training examples, with the rules' and the combined figures."""

    figures: dict[str, dict[str, float]]  # part -> figure -> value
    counts: dict[str, int]
    chosen: crisis_model.Thresholds
    training_s: float


def cross_validation() -> CrossValidation:
    start = time.perf_counter()
    crisis_model.CrisisModel([crisis.model_input(t) for t, _ in crisis.training_examples()],
                             [label for _, label in crisis.training_examples()])
    training_s = time.perf_counter() - start
    validated = crisis.cross_validate_model()
    chosen = validated.thresholds()
    labels = [label for _, label in validated.examples]
    said = [r.says() for r in validated.readings.readings]
    model = [(bool(s), "plan" in s, "harm" in s) for s in said]
    both = [(a[0] or b[0], a[1] or b[1], a[2] or b[2]) for a, b in zip(validated.rules, model, strict=True)]
    hard = validated.hard

    def figures(found: list[tuple[bool, bool, bool]]) -> dict[str, float]:
        def rate(which: Callable[[int], bool], hit: Callable[[tuple[bool, bool, bool]], bool]) -> float:
            chosen_rows = [f for i, f in enumerate(found) if which(i)]
            return sum(map(hit, chosen_rows)) / len(chosen_rows)
        return {
            "recall": rate(lambda i: hard[i] and labels[i] != "none", lambda f: f[0]),
            "self-risk found": rate(lambda i: labels[i] == "self_risk", lambda f: f[0]),
            "plan/means at plan level": rate(lambda i: labels[i] == "plan_means", lambda f: f[1]),
            "harm found as harm": rate(lambda i: hard[i] and labels[i] == "harmed", lambda f: f[2]),
            "false positives, hard": rate(lambda i: hard[i] and labels[i] == "none", lambda f: f[0]),
            "false positives, thoughts": rate(lambda i: not hard[i] and labels[i] == "none", lambda f: f[0]),
        }

    counts = {"written": sum(hard), "thoughts": len(hard) - sum(hard),
              "hard negatives": sum(h and label == "none" for h, label in zip(hard, labels, strict=True))}
    return CrossValidation({"rules only": figures(validated.rules), "model only": figures(model),
                            "both": figures(both)}, counts, chosen, training_s)


def report_cross_validation(cv: CrossValidation) -> None:
    print(f"\nmodel, 5-fold cross-validation on its training examples ({cv.counts['written']} written for it, "
          f"{cv.counts['hard negatives']} of them hard negatives, and {cv.counts['thoughts']} trap thoughts)")
    parts = list(cv.figures)
    print(f"{'':<28}" + "".join(f"{p:>14}" for p in parts))
    for figure in next(iter(cv.figures.values())):
        print(f"{figure:<28}" + "".join(f"{cv.figures[p][figure]:>14.3f}" for p in parts))
    used = crisis_model.THRESHOLDS
    print(f"thresholds in use: self-directed {used.self_directed}, plan {used.plan}, harm {used.harm}; "
          f"picked now: {cv.chosen.self_directed}, {cv.chosen.plan}, {cv.chosen.harm}")
    print(f"training the model once (per process, on first use): {cv.training_s:.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true", help="print the ids and texts that were missed")
    args = parser.parse_args(argv)
    sets = {name: load(path) for name, path in SETS.items()}
    results = {name: measure(items) for name, items in sets.items()}
    met = report(results, measure_harm(load(HARM_SET)), args.show_misses)
    report_ablation(ablation(sets, load(HARM_SET)))
    report_cross_validation(cross_validation())
    report_blind(load(BLIND_SET), "blind2 (written blind; its kinds of misses guided the model's training lines, so "
                                  "'both' is optimistic)")
    report_blind(load(BLIND_HONEST_SET), "blind3 (written blind after the model was done, never read by anyone "
                                         "tuning: the honest estimate; no goals)")
    return 0 if met else 1


def report_blind(items: list[Item], title: str) -> None:
    """A set no one tuned on sentence by sentence: what to expect on wording nobody here wrote (no goals)."""
    print(f"\n{title}")
    print(f"{'':32}{'rules only':>14}{'both':>14}")
    rules, both = score(items, check_rules), score(items, check)
    for label, attr in (("recall", "recall"), ("recall on plan/means (plan level)", "recall_pm"),
                        ("harm recall", "harm_recall"), ("false-positive rate", "fp_rate")):
        print(f"{label:32}{getattr(rules, attr):>14.3f}{getattr(both, attr):>14.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
