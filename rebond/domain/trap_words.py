"""Which of a person's own words push the trap model toward each trap (pure: no Django, no clock).

The trap model (rebond.domain.traps) is linear: a trap's score is the model's baseline plus the sum, over the text's
features (words, word pairs and letter groups), of the feature's weight for that trap times its value in the text.
So each word's share of a score can be read off exactly: its own weight, half of each word pair it is in, and its
share of the letter groups found inside it. `WordWeights.read` gives the scores and those shares from one pass over
the text, and `top_words` names the one or two words that add the most, so a reason can say "you wrote ..." instead
of only "some of the wording".

A word is named only when saying so is true and means something (otherwise the reason says it's there in case it
fits): it is a real part of what lifts the score (at least MIN_SHARE, and MIN_FRACTION of the lift above the
baseline); thoughts that fit the trap do often use it (`typical_words`: in at least TYPICAL_EXAMPLES of the trap's
training examples, TYPICAL_LIFT times as often as in the others), which is what the reason claims; it is not a little
or very common word ("the", "I", "let", "back"); and it is not inside a phrase that means something else ("let" in
"I'll be let go"). Words about dying, self-harm, means or being harmed are never named (crisis.is_crisis_word).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rebond.domain import crisis

_TOKEN = re.compile(r"(?u)\b\w[\w']*\b")  # the word model's own token pattern
# Little and very common words that carry no meaning a person would recognise as "the reason".
_LITTLE = frozenset(
    "a an the and or but so if to of in on at by for with from as is am are was were be been being do does did have "
    "has had i i'm i've i'd i'll me my mine myself you your he she it it's its we us our they them their this that "
    "these those there here what which who whom when where why how not no yes just very really too also then than "
    "can could would should will shall may might must get got go going gone one ones some any all about into onto "
    "upon out off over under after before like even still only ever much more most other others "
    # pronouns and everyday verbs, adverbs and nouns that appear in thoughts of every kind
    "him his her hers herself himself yourself yourselves ourselves themselves "
    "let lets letting make makes made making take takes took taken put puts come comes came say says said tell "
    "tells told see saw seen look looks looked keep keeps kept give gave given thing things stuff time times day "
    "days way back now today tonight yesterday tomorrow lot bit well again around away down something anything "
    "someone anyone".split()
)
# Phrases whose words mean something else on their own: in them, neither word is named ("I'll be let go" is about
# losing a job, not about letting). Each first word with the words that can follow it.
_PHRASES: dict[str, frozenset[str]] = {head: frozenset(tails.split()) for head, tails in {
    "let": "go down me you him her us them it",
    "letting": "go down me you him her us them it",
    "give": "up in", "gave": "up in", "giving": "up in", "given": "up in",
    "make": "up it sense", "made": "up it sense", "making": "up it sense",
    "work": "out", "worked": "out", "working": "out", "works": "out",
    "figure": "out", "figured": "out", "turn": "out", "turned": "out", "turns": "out",
    "break": "up", "broke": "up", "breaking": "up", "end": "up", "ended": "up", "show": "up", "showed": "up",
    "pass": "out", "passed": "out", "freak": "out", "freaked": "out", "hang": "out", "hung": "out",
    "look": "forward after up", "looking": "forward after up", "take": "care off", "took": "care off",
    "fed": "up", "kind": "of", "sort": "of", "carry": "on", "hold": "on", "get": "over by", "got": "over by",
    "fall": "apart", "fell": "apart", "falling": "apart",
}.items()}
MIN_SHARE = 0.02  # a word must add at least this much to the score to be named...
MIN_FRACTION = 0.2  # ...and at least this part of what lifts the score above the model's baseline
TYPICAL_EXAMPLES = 5  # a trap's typical words are in at least this many of its training examples...
TYPICAL_LIFT = 2.0  # ...at least this many times as often as in the other examples


def typical_words(texts: Sequence[str], labels: Any) -> tuple[frozenset[str], ...]:
    """Per trap (each column of `labels`, 0/1 per text), the words that thoughts fitting it often use: in at least
    TYPICAL_EXAMPLES of its examples, and TYPICAL_LIFT times as often (per example, smoothed) as in the others."""
    marks = np.asarray(labels)
    found = [set(_TOKEN.findall(text)) for text in texts]
    result: list[frozenset[str]] = []
    for column in marks.T:
        mine = Counter(word for words, fits in zip(found, column, strict=True) if fits for word in words)
        rest = Counter(word for words, fits in zip(found, column, strict=True) if not fits for word in words)
        n_mine, n_rest = int(column.sum()), len(found) - int(column.sum())
        result.append(frozenset(
            word for word, count in mine.items()
            if count >= TYPICAL_EXAMPLES and count / n_mine >= TYPICAL_LIFT * (rest[word] + 1) / (n_rest + 1)
        ))
    return tuple(result)


def _in_phrases(tokens: list[str]) -> frozenset[str]:
    """The words of `tokens` (in order) that stand in a phrase of _PHRASES, either word of it."""
    inside: set[str] = set()
    for first, second in zip(tokens, tokens[1:], strict=False):
        if second in _PHRASES.get(first, ()):
            inside.update((first, second))
    return frozenset(inside)


@dataclass(frozen=True)
class Reading:
    scores: np.ndarray  # one model score per trap (not clipped)
    words: list[str]  # the distinct words of the text, in order
    shares: np.ndarray  # traps x words: each word's share of each trap's score
    phrased: frozenset[str] = frozenset()  # words that stand in a phrase meaning something else ("let go")


@dataclass(frozen=True)
class WordWeights:
    """The fitted word and letter-group vectorizers of the trap model, its weights (one row per trap) and baseline."""

    words: Any  # TfidfVectorizer over words and word pairs
    chars: Any  # TfidfVectorizer over letter groups inside words (char_wb)
    coef: np.ndarray  # traps x (word features + letter-group features)
    baseline: np.ndarray  # one per trap: the score of a text with no known feature
    word_names: np.ndarray
    letter_names: np.ndarray
    typical: tuple[frozenset[str], ...] = field(default=())  # per trap: typical_words of its training examples

    @classmethod
    def from_model(cls, words: Any, chars: Any, coef: Any, baseline: Any,
                   typical: tuple[frozenset[str], ...] = ()) -> WordWeights:
        return cls(words=words, chars=chars, coef=np.asarray(coef), baseline=np.asarray(baseline, dtype=float),
                   word_names=words.get_feature_names_out(), letter_names=chars.get_feature_names_out(),
                   typical=typical)

    def read(self, normalised: str) -> Reading:
        """The model's scores for the (already normalised) text and every word's share of them, in one pass."""
        x = self.words.transform([normalised])
        y = self.chars.transform([normalised])
        n_words = len(self.word_names)
        word_part = self.coef[:, x.indices] * x.data
        letter_part = self.coef[:, n_words + y.indices] * y.data
        scores = self.baseline + word_part.sum(axis=1) + letter_part.sum(axis=1)
        in_order = _TOKEN.findall(normalised)
        tokens = list(dict.fromkeys(in_order))
        if not tokens:
            return Reading(scores, [], np.zeros((self.coef.shape[0], 0)))
        at = {t: i for i, t in enumerate(tokens)}
        owners_w = np.zeros((len(x.indices), len(tokens)))
        for row, column in enumerate(x.indices):
            parts = [at[p] for p in str(self.word_names[column]).split(" ") if p in at]
            for part in parts:
                owners_w[row, part] += 1 / len(parts)
        # Letter groups come from each whitespace-separated chunk padded with spaces; a group is shared out among
        # the words whose chunk holds it.
        analyse = self.chars.build_analyzer()
        holders: dict[str, list[int]] = {}
        for chunk in dict.fromkeys(normalised.split()):
            found = _TOKEN.findall(chunk)
            if found:
                for group in set(analyse(chunk)):
                    holders.setdefault(group, []).append(at[found[0]])
        owners_c = np.zeros((len(y.indices), len(tokens)))
        for row, column in enumerate(y.indices):
            owned = holders.get(str(self.letter_names[column]), [])
            for owner in owned:
                owners_c[row, owner] += 1 / len(owned)
        return Reading(scores, tokens, word_part @ owners_w + letter_part @ owners_c, _in_phrases(in_order))

    def top_words(self, reading: Reading, limit: int = 2) -> list[list[str]]:
        """Per trap (in the model's order), up to `limit` words that add most to its score, biggest first; only
        words it is true and meaningful to name (see the module's notes), so often none."""
        nameable = [i for i, w in enumerate(reading.words) if _nameable(w) and w not in reading.phrased]
        result: list[list[str]] = []
        for trap, row in enumerate(reading.shares):
            lift = reading.scores[trap] - self.baseline[trap]
            floor = max(MIN_SHARE, MIN_FRACTION * lift)
            typical = self.typical[trap] if self.typical else None
            ranked = sorted(((row[i], reading.words[i]) for i in nameable
                             if lift > 0 and row[i] >= floor and (typical is None or reading.words[i] in typical)),
                            reverse=True)
            result.append([w for _, w in ranked[:limit]])
        return result


def _nameable(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and word not in _LITTLE and not crisis.is_crisis_word(word)


def find_in(text: str, word: str) -> str | None:
    """The person's own spelling of `word` in `text` (same letters, any case), or None when it isn't there as is."""
    found = re.search(rf"(?<![\w']){re.escape(word)}(?![\w'])", text.replace("\u2019", "'"), re.IGNORECASE)
    return text[found.start() : found.end()] if found else None
