"""The crisis check's small model (pure: no Django, no clock, no network, nothing downloaded or pickled).

A linear model over TF-IDF features, trained on rebond's own labelled examples the first time it is needed (about a
third of a second) and kept for the life of the process: content/crisis_examples.yaml, written for it, and the
everyday thoughts of content/trap_examples.yaml as "none" (or "harmed" where marked), the kind of text the check reads
most (rebond.domain.crisis.training_examples). It reads sentences the way the crisis check has already prepared them
(lower case, contractions spelled out, known idioms blanked) and gives the probability of four labels: `plan_means`,
`self_risk`, `harmed` and `none`.

- Features: words and word pairs, and letter groups of 3 to 5 inside each word (scikit-learn's "char_wb"), each
  block TF-IDF weighted (sublinear counts, smoothed idf) and scaled to unit length. `Featuriser` computes exactly what
  scikit-learn's `TfidfVectorizer` would (a test holds it to that), but keeps each word's letter groups, so a
  500-word entry is read in about a millisecond instead of several.
- Model: one logistic regression per label against the rest (scikit-learn, liblinear, classes balanced; four small
  fits train in well under a tenth of a second, where one multinomial fit takes half a second), read together as
  the softmax of their four scores.
- A text is read as its sentences and each pair of neighbouring sentences (both sentences' words together), so a
  plan told in two short sentences is read as one; each label keeps its highest probability over those pieces. A
  piece shorter than MIN_WORDS words is not read at all: short text is left to the rules.
- `choose_thresholds` runs 5-fold cross-validation on the training examples only and picks the three thresholds the
  crisis check uses (see THRESHOLDS): how sure the model must be that something is wrong, that it is a plan or means,
  and that someone is doing harm. It never sees the evaluation sets in bench/data.

It is a small model trained on our own examples: expect lower recall on phrasing unlike them. The crisis check
(rebond.domain.crisis) combines it with its rules, which keep working on their own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from scipy import sparse

LABELS: tuple[str, ...] = ("plan_means", "self_risk", "harmed", "none")
PLAN, SELF, HARM, NONE = range(4)
EXAMPLES_FILE = Path(__file__).resolve().parent.parent / "content" / "crisis_examples.yaml"
TRAP_EXAMPLES_FILE = EXAMPLES_FILE.with_name("trap_examples.yaml")

# The regularisation of each logistic regression. 1, 3 and 10 were tried by 5-fold cross-validation on the training
# examples: the sums of the three recalls choose_thresholds maximises came out at 1.684, 1.689 and 1.699, within
# noise at this size; the middle one is kept.
C = 3.0
CHAR_SIZES = (3, 5)
# The model reads a sentence, or two neighbouring sentences together, only when they hold at least this many words:
# on less a bag of words has too little to go on ("Pay me back" read as a threat, "Take my pills on time" as a plan),
# and short text (promises, ledger notes) is left to the rules. In cross-validation 8 costs 1.7 points of recall;
# it was chosen by looking at short texts of the project's own (the held-out promises list, ledger notes in the tests,
# the look-alikes in the unit tests), never at the evaluation sets.
MIN_WORDS = 8
_WORD = re.compile(r"(?u)\b\w+\b")  # the word block's tokens: scikit-learn's token_pattern r"(?u)\b\w+\b"


@dataclass(frozen=True)
class Thresholds:
    """How sure the model must be before the crisis check listens to it (probabilities, 0..1): `self_directed` for
    P(plan_means) + P(self_risk), a risk to the writer from themselves; `plan` for P(plan_means), the urgent level;
    `harm` for P(harmed), harm by someone else."""

    self_directed: float
    plan: float
    harm: float


# Chosen by choose_thresholds() from 5-fold cross-validation on the training examples only, never on bench/data: the
# model may say something on at most FALSE_POSITIVE_BUDGET of the hard negatives (the "none" lines written for it in
# crisis_examples.yaml; the rules already fire on about as many again), and within that the three recalls the bench
# counts are made as high as they go. tests/domain/test_crisis_model.py checks these are what the procedure picks.
FALSE_POSITIVE_BUDGET = 0.05
THRESHOLDS = Thresholds(self_directed=0.9409, plan=0.8638, harm=0.7832)


@dataclass(frozen=True)
class Reading:
    """The model's highest probabilities over the pieces of one text (all 0.0 when it knows none of the words)."""

    plan_means: float  # P(plan_means)
    self_directed: float  # P(plan_means) + P(self_risk)
    harmed: float  # P(harmed)

    def says(self, thresholds: Thresholds | None = None) -> frozenset[str]:
        """What this reading says under the thresholds: any of "self_directed", "plan", "harm". Each only grows as a
        text grows (each is a highest value over its pieces), so adding words never takes a signal away."""
        limits = thresholds or THRESHOLDS
        found = set()
        if self.self_directed >= limits.self_directed:
            found.add("self_directed")
        if self.plan_means >= limits.plan:
            found.add("plan")
        if self.harmed >= limits.harm:
            found.add("harm")
        return frozenset(found)


NOTHING_READ = Reading(0.0, 0.0, 0.0)


def _read_yaml(path: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)  # noqa: S506 - a safe loader, the C one when available


def load_examples(path: Path | None = None) -> list[tuple[str, str]]:
    """(text, label) pairs from the packaged crisis examples (or another file of the same shape), in LABELS order."""
    examples = _read_yaml(path or EXAMPLES_FILE)["examples"]
    unknown = set(examples) - set(LABELS)
    if unknown:
        raise ValueError(f"unknown crisis labels: {sorted(unknown)}")
    return [(str(text), label) for label in LABELS for text in examples.get(label) or ()]


def load_trap_thoughts(path: Path | None = None) -> list[tuple[str, bool]]:
    """(text, harmed) for each thinking-trap example the crisis model may learn from: all of trap_examples.yaml
    except those the crisis examples file leaves out (their wording echoes an evaluation set)."""
    left_out = {str(t) for t in _read_yaml(EXAMPLES_FILE).get("trap_examples_left_out") or ()}
    items = _read_yaml(path or TRAP_EXAMPLES_FILE)["examples"]
    return [(str(item["text"]), bool(item.get("harmed", False))) for item in items if str(item["text"]) not in left_out]


# ---- features ----------------------------------------------------------------------------------------------------
def word_grams(text: str) -> list[str]:
    """Words and pairs of neighbouring words, as scikit-learn's word analyzer with ngram_range=(1, 2) makes them."""
    words = _WORD.findall(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def letter_grams(chunk: str) -> list[str]:
    """Letter groups of 3 to 5 inside one whitespace-separated chunk padded with spaces (scikit-learn's char_wb)."""
    padded = f" {chunk} "
    grams: list[str] = []
    for n in range(CHAR_SIZES[0], CHAR_SIZES[1] + 1):
        if len(padded) <= n:  # a chunk no longer than n counts once, whole, and longer groups are not tried
            grams.append(padded)
            break
        grams += [padded[i : i + n] for i in range(len(padded) - n + 1)]
    return grams


def _smooth_idf(document_frequency: np.ndarray, documents: int) -> np.ndarray:
    return np.log((1 + documents) / (1 + document_frequency)) + 1.0


@lru_cache(maxsize=50_000)
def _chunk_grams(chunk: str) -> tuple[str, ...]:
    return tuple(letter_grams(chunk))


_NO_IDS = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Entries:
    """The non-zero TF-IDF values of some pieces in one block: piece number, column, value (unit length per piece)."""

    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray


class Featuriser:
    """TF-IDF over words and word pairs, and over letter groups inside words, fitted on the training texts."""

    def __init__(self, texts: Sequence[str]) -> None:
        word_df: dict[str, int] = {}
        char_df: dict[str, int] = {}
        for text in texts:
            for gram in set(word_grams(text)):
                word_df[gram] = word_df.get(gram, 0) + 1
            for gram in {g for chunk in set(text.split()) for g in _chunk_grams(chunk)}:
                char_df[gram] = char_df.get(gram, 0) + 1
        words, chars = sorted(word_df), sorted(char_df)
        self.word_index = {gram: i for i, gram in enumerate(words)}
        self.char_index = {gram: i for i, gram in enumerate(chars)}
        self.idf = (_smooth_idf(np.array([word_df[g] for g in words], dtype=float), len(texts)),
                    _smooth_idf(np.array([char_df[g] for g in chars], dtype=float), len(texts)))
        self._chunks: dict[str, np.ndarray] = {}

    @property
    def widths(self) -> tuple[int, int]:
        return len(self.word_index), len(self.char_index)

    def _chunk_ids(self, chunk: str) -> np.ndarray:
        """The letter-group columns of one chunk, kept: a person's words repeat, so most chunks are seen before."""
        found = self._chunks.get(chunk)
        if found is None:
            index = self.char_index
            found = np.array([index[g] for g in _chunk_grams(chunk) if g in index], dtype=np.int64)
            if len(self._chunks) >= 50_000:  # a long-running server reads many texts: keep the memory bounded
                self._chunks = {}
            self._chunks[chunk] = found
        return found

    def ids(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The known word-block and letter-block columns of one text, once per occurrence."""
        index = self.word_index
        words = np.array([i for i in map(index.get, word_grams(text)) if i is not None], dtype=np.int64)
        chunks = [self._chunk_ids(chunk) for chunk in text.split()]
        return words, (np.concatenate(chunks) if chunks else _NO_IDS)

    def entries(self, pieces: Sequence[Sequence[int]], ids: Sequence[tuple[np.ndarray, np.ndarray]],
                block: int) -> Entries:
        """TF-IDF values of each piece (made of the texts numbered in `ids`) in one block: sublinear counts times
        smoothed idf, scaled to unit length, as a TfidfVectorizer of each block in a FeatureUnion gives."""
        parts = [(row, ids[t][block]) for row, piece in enumerate(pieces) for t in piece]
        if not parts:
            return Entries(_NO_IDS, _NO_IDS, np.zeros(0))
        width = self.widths[block]
        keys = np.concatenate([row * width + cols for row, cols in parts])
        keys, counts = np.unique(keys, return_counts=True)
        rows, columns = np.divmod(keys, width)
        values = (np.log(counts) + 1.0) * self.idf[block][columns]
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(pieces)))
        return Entries(rows, columns, values / norms[rows])

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """One row per text, both blocks side by side (what scikit-learn's FeatureUnion of two TfidfVectorizers gives)."""
        ids = [self.ids(t) for t in texts]
        pieces = [[i] for i in range(len(texts))]
        blocks = []
        for block, width in enumerate(self.widths):
            e = self.entries(pieces, ids, block)
            blocks.append(sparse.csr_matrix((e.values, (e.rows, e.columns)), shape=(len(texts), width)))
        return sparse.hstack(blocks, format="csr")


# ---- the model ---------------------------------------------------------------------------------------------------
class CrisisModel:
    """Four logistic regressions (each label against the rest) over `Featuriser` features."""

    def __init__(self, texts: Sequence[str], labels: Sequence[str]) -> None:
        from sklearn.linear_model import LogisticRegression  # imported on first training only
        from threadpoolctl import threadpool_limits

        if not texts or len(texts) != len(labels):
            raise ValueError("the crisis model needs labelled texts")
        missing = set(LABELS) - set(labels)
        if missing:
            raise ValueError(f"no examples for: {sorted(missing)}")
        self.features = Featuriser(texts)
        x = self.features.transform(texts)
        target = np.array([LABELS.index(label) for label in labels])
        weights, biases = [], []
        # One thread: a shared machine is slower with more, and the fits are small.
        with threadpool_limits(1):
            for label in range(len(LABELS)):
                fitted = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", random_state=0)
                fitted.fit(x, target == label)
                weights.append(fitted.coef_[0])
                biases.append(fitted.intercept_[0])
        self.weights = np.array(weights).T  # features x labels
        self.biases = np.array(biases)
        width = self.features.widths[0]
        self._block_weights = (self.weights[:width], self.weights[width:])

    @staticmethod
    def _softmax(scores: np.ndarray) -> np.ndarray:
        """Rows of four probabilities adding up to one: the softmax of the four regressions' scores. (It ranks better in
        cross-validation than scaling the four sigmoids to add up to one, which lifts a label when every regression is
        unsure.)"""
        scores = scores - scores.max(axis=1, keepdims=True)
        odds = np.exp(scores)
        return odds / odds.sum(axis=1, keepdims=True)

    def probabilities(self, x: sparse.csr_matrix) -> np.ndarray:
        """The probabilities of the rows of a `Featuriser.transform` matrix."""
        return self._softmax(np.asarray(x @ self.weights) + self.biases)

    def _piece_probabilities(self, pieces: Sequence[Sequence[int]],
                             ids: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        scores = np.tile(self.biases, (len(pieces), 1))
        for block, weights in enumerate(self._block_weights):
            e = self.features.entries(pieces, ids, block)
            for label in range(len(LABELS)):
                scores[:, label] += np.bincount(e.rows, weights=e.values * weights[e.columns, label],
                                                minlength=len(pieces))
        return self._softmax(scores)

    def read(self, sentences: Sequence[str]) -> Reading:
        """The highest probabilities over every sentence, and every pair of neighbouring sentences, that holds at least
        MIN_WORDS words. A sentence with no word the model knows is left out (other languages, symbols, a sentence the
        rules read as everyday) and leaves a gap: the sentences either side of it are not read as a pair."""
        ids = [self.features.ids(s) for s in sentences]
        lengths = [len(_WORD.findall(s)) for s in sentences]
        known = [i for i, (words, _) in enumerate(ids) if len(words)]
        pieces = [[i] for i in known if lengths[i] >= MIN_WORDS]
        pieces += [[a, b] for a, b in zip(known, known[1:], strict=False)
                   if b - a == 1 and lengths[a] + lengths[b] >= MIN_WORDS]
        if not pieces:
            return NOTHING_READ
        p = self._piece_probabilities(pieces, ids)
        return Reading(plan_means=float(p[:, PLAN].max()), self_directed=float((p[:, PLAN] + p[:, SELF]).max()),
                       harmed=float(p[:, HARM].max()))


# ---- thresholds by cross-validation on the training examples -------------------------------------------------------
@dataclass(frozen=True)
class CrossValidated:
    """Out-of-fold readings of every training example (each read by a model that never saw it)."""

    labels: tuple[str, ...]
    readings: tuple[Reading, ...]


def cross_validate(texts: Sequence[str], labels: Sequence[str], split: Callable[[str], list[str]],
                   folds: int = 5, seed: int = 20261203) -> CrossValidated:
    """Stratified k-fold: each example is read (as `split` cuts it into prepared sentences) by a model trained on
    the other folds."""
    from sklearn.model_selection import StratifiedKFold

    readings: list[Reading] = [NOTHING_READ] * len(texts)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(np.zeros(len(labels)), labels):
        model = CrisisModel([texts[i] for i in train], [labels[i] for i in train])
        for i in test:
            readings[i] = model.read(split(texts[i]))
    return CrossValidated(tuple(labels), tuple(readings))


GRID = 20  # each threshold is tried at GRID + 1 points, from "none of the none lines reach it" to the whole budget


def _candidates(scores: np.ndarray, budget: float) -> list[float]:
    """Thresholds that GRID + 1 evenly spaced numbers of these scores, from none up to `budget` of them, reach (the
    lowest such threshold for each number; a score counts at >= threshold)."""
    ordered = np.sort(scores)[::-1]
    most = math.floor(budget * len(ordered) + 1e-9)
    counts = sorted({round(most * i / GRID) for i in range(GRID + 1)})
    # Rounded up to four places, so a threshold written down never lets more through than the one measured.
    return [math.ceil(float(np.nextafter(ordered[k], 2.0)) * 10_000) / 10_000 if k < len(ordered) else 0.0
            for k in counts]


def choose_thresholds(cv: CrossValidated, rules: Sequence[tuple[bool, bool, bool]] | None = None,
                      budget: float = FALSE_POSITIVE_BUDGET, hard: Sequence[bool] | None = None) -> Thresholds:
    """The three thresholds that find the most, by cross-validation on the training examples.

    Among every choice that lets the model say something on at most `budget` of the hard negatives (the "none" lines
    marked in `hard`; all "none" lines when it is not given), and say "harm" on at most `budget` of the self-risk and
    plan lines, the one with the highest sum of three recalls, counted as the bench counts them: self-risk lines found
    at all, plan lines found at the plan level, harmed lines found as harm. `rules` is what the rules found on each
    line (found, plan level, harm): the thresholds serve the check as it is used, rules and model together (the rules
    were never written on these lines, so this is fair to both)."""
    labels = np.array(cv.labels)
    negatives = (labels == "none") & (np.array(hard, dtype=bool) if hard is not None else True)
    self_risk, plan_lines, harmed = labels == "self_risk", labels == "plan_means", labels == "harmed"
    others = self_risk | plan_lines
    found = np.array(rules if rules is not None else [(False, False, False)] * len(labels), dtype=bool)
    scores = np.array([(r.self_directed, r.plan_means, r.harmed) for r in cv.readings])
    options = [_candidates(scores[negatives, column], budget) for column in range(3)]
    best: tuple[float, Thresholds] | None = None
    for t_self in options[0]:
        says_self = scores[:, 0] >= t_self
        for t_plan in options[1]:
            says_plan = scores[:, 1] >= t_plan
            for t_harm in options[2]:
                says_harm = scores[:, 2] >= t_harm
                says = says_self | says_plan | says_harm
                if says[negatives].mean() > budget + 1e-9 or says_harm[others].mean() > budget + 1e-9:
                    continue
                score = ((says | found[:, 0])[self_risk].mean() + (says_plan | found[:, 1])[plan_lines].mean()
                         + (says_harm | found[:, 2])[harmed].mean())
                if best is None or score > best[0] + 1e-12:
                    best = (score, Thresholds(t_self, t_plan, t_harm))
    assert best is not None  # saying nothing at all always fits the budget
    return best[1]
