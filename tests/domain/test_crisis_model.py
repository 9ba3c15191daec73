"""The crisis check's model (rebond/domain/crisis_model.py) and how the check combines it with its rules.

The sentences here are written for these tests, apart from bench/data (the bench measures the model on those sets)
and apart from the model's training examples.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rebond.domain import crisis, crisis_model, traps
from rebond.domain.crisis import (
    LEVEL_CONCERN,
    LEVEL_PLAN_OR_MEANS,
    NOTHING_FOUND,
    check,
    check_model,
    check_rules,
)
from tests.domain import test_crisis, test_crisis_forms, test_crisis_plans, test_crisis_structures, test_harm

# What the rules miss and the model finds: (text, a category the result must hold, level)
FOUND_BY_THE_MODEL = [
    ("The old railway arch by the canal, Thursday night, once the last bus has gone past.", "plan",
     LEVEL_PLAN_OR_MEANS),
    ("I keep a length of cord in the bottom of my wardrobe for when I finally decide.", "plan", LEVEL_PLAN_OR_MEANS),
    ("Been lying awake most nights lately wishing I could simply stop being here at all.", "ideation", LEVEL_CONCERN),
    ("Hit my own legs with the hairbrush again tonight because I deserved to feel it.", "ideation", LEVEL_CONCERN),
    ("My partner keeps every bank card and I have to ask him for bus money each morning.", "harmed_by_other",
     LEVEL_CONCERN),
    ("The man who owns my flat says I can stay without paying if I spend the night with him.", "harmed_by_other",
     LEVEL_CONCERN),
    ("He has my passport and my phone and says I can leave when the debt for the flight is paid.",
     "harmed_by_other", LEVEL_CONCERN),
]
# Sentences the model alone reads as crisis language, which the rules read as everyday on purpose (a negation, the
# past): the check as a whole stays quiet.
VETOED = [
    "I used to think everyone would be better off without me, but not any more.",
    "I do not want to die, I want things at home to be different.",
]


def test_the_featuriser_is_scikit_learns_tfidf() -> None:
    """Words and pairs, letter groups of 3 to 5 inside words, each block TF-IDF weighted and scaled to unit length:
    exactly what scikit-learn's TfidfVectorizer gives, for the training texts and for new ones."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    texts = [crisis.model_input(t) for t, _ in crisis.training_examples()[::7]]
    ours = crisis_model.Featuriser(texts)
    theirs = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b",
                                  lowercase=False)),
        ("letters", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=False)),
    ]).fit(texts)
    new = ["a b i", "it is what it is.", "zzz qqq", "", "i am so tired of all of this, honestly", "ab ab ab ab"]
    for batch in (texts, new):
        assert abs(ours.transform(batch) - theirs.transform(batch)).max() < 1e-12


def test_reading_a_text_gives_the_same_probabilities_as_the_matrix() -> None:
    model = crisis.model()
    sentence = crisis.model_input("I have been thinking about it for weeks and I know how I would do it.")
    expected = model.probabilities(model.features.transform([sentence]))[0]
    reading = model.read([sentence])
    assert reading.plan_means == pytest.approx(expected[crisis_model.PLAN], abs=1e-12)
    assert reading.harmed == pytest.approx(expected[crisis_model.HARM], abs=1e-12)
    assert reading.self_directed == pytest.approx(expected[crisis_model.PLAN] + expected[crisis_model.SELF], abs=1e-12)


def test_the_thresholds_are_what_cross_validation_on_the_training_examples_picks() -> None:
    """THRESHOLDS are written down from this procedure (5-fold, training examples only). It also keeps its budget:
    the model says something on at most 5% of the hard negatives it never saw."""
    validated = crisis.cross_validate_model()
    chosen = validated.thresholds()
    for name in ("self_directed", "plan", "harm"):
        assert getattr(chosen, name) == pytest.approx(getattr(crisis_model.THRESHOLDS, name), abs=0.02)
    labels = np.array(validated.readings.labels)
    says = np.array([bool(r.says(chosen)) for r in validated.readings.readings])
    hard_negatives = (labels == "none") & np.array(validated.hard)
    assert says[hard_negatives].mean() <= crisis_model.FALSE_POSITIVE_BUDGET


@pytest.mark.parametrize(("text", "category", "level"), FOUND_BY_THE_MODEL)
def test_the_model_finds_what_the_rules_miss(text: str, category: str, level: str) -> None:
    assert check_rules(text) == NOTHING_FOUND
    result = check(text)
    assert category in result.categories and result.level == level
    assert result.harmed_by_other == (category == "harmed_by_other")


@pytest.mark.parametrize("text", VETOED)
def test_the_model_does_not_overrule_a_negation_or_the_past_the_rules_recognise(text: str) -> None:
    assert check_model(text).detected
    assert check(text) == NOTHING_FOUND


@pytest.mark.parametrize("text", ["Take my pills on time.", "Tonight is the night!",
                                  "He says it is our secret."])
def test_short_text_is_left_to_the_rules(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under MIN_WORDS words the model has too little to go on: it would read these as a plan, a wish to die or harm."""
    assert check(text) == NOTHING_FOUND
    monkeypatch.setattr(crisis_model, "MIN_WORDS", 1)
    assert check(text).detected


def test_harm_the_model_finds_holds_back_the_same_traps() -> None:
    """One definition of harm in rebond: the trap suggester holds back its three traps on what the model finds too."""
    text = "My partner keeps every bank card and I have to ask him for bus money each morning."
    assert crisis.harmed_by_other(text) and not check_rules(text).harmed_by_other
    held = [s for s in traps.suggest(text) if s.id in traps.HELD_BACK_WHEN_HARMED]
    assert [s.score for s in held] == [0.0, 0.0, 0.0]
    assert [s.id for s in traps.suggest(text)][-3:] == [s.id for s in held]


@pytest.mark.parametrize("text", ["أريد أن أتحسن كل يوم وأن أكون أفضل مع عائلتي", "今日は約束を守った。明日も頑張ります。", "🙂 " * 20])
def test_other_languages_and_symbols_are_not_read(text: str) -> None:
    assert crisis.model().read(crisis.prepared_sentences(text)) == crisis_model.NOTHING_READ


SENTENCES = [
    "I walked to the shop and bought bread and milk for the week.",
    "The old railway arch by the canal, Thursday night, once the last bus has gone past.",
    "My partner keeps every bank card and I have to ask him for bus money each morning.",
    "Been lying awake most nights lately wishing I could simply stop being here at all.",
    "We laughed a lot at dinner and then watched a film together on the sofa.",
    "ok",
]


@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.sampled_from(SENTENCES))
@settings(max_examples=60, deadline=None)
def test_adding_a_sentence_never_takes_a_signal_away(sentences: list[str], extra: str) -> None:
    before = check(" ".join(sentences))
    after = check(" ".join([*sentences, extra]))
    assert before.categories <= after.categories


def _look_alikes() -> list[str]:
    return [*test_crisis.NEGATIVES, *test_crisis_forms.NOT_FOUND, *test_crisis_plans.LOOK_ALIKES,
            *test_crisis_structures.LOOK_ALIKES, *test_harm.LOOK_ALIKES]


def test_the_look_alikes_in_the_crisis_tests_mostly_stay_quiet() -> None:
    """The everyday look-alikes written against the rules (the tests beside each list keep the rules quiet on every
    one). The model reads some of them as crisis language: when it was added it fired on 20 of these 178 (0.11),
    just over the bench's 0.10 goal for false positives, and that is reported rather than tuned away (these are not
    its training lines). This keeps it from getting worse than 0.15."""
    texts = _look_alikes()
    assert len(texts) >= 150
    assert not any(check_rules(t).detected for t in texts)
    assert sum(check(t).detected for t in texts) / len(texts) <= 0.15


def test_the_model_learns_from_rebonds_own_examples_only() -> None:
    examples = crisis.training_examples()
    written = crisis_model.load_examples()
    assert examples[: len(written)] == written
    thoughts = examples[len(written):]
    assert {label for _, label in thoughts} == {"none", "harmed"}
    assert not any(check_rules(t).detected for t, label in thoughts if label == "none")  # being a burden stays out
    left_out = {t for t in crisis_model._read_yaml(crisis_model.EXAMPLES_FILE)["trap_examples_left_out"]}
    assert not left_out & {t for t, _ in thoughts}
    assert {label for _, label in examples} == set(crisis_model.LABELS)
