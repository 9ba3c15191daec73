"""Thinking-trap suggestions for thought records (PRODUCT.md C4).

Pure module: no Django, no clock. `suggest(text)` ranks all 13 traps for one automatic thought.
Each score blends two transparent parts:
- a small linear model (TF-IDF word and character n-grams, one ridge regression per trap) trained
  lazily, once per process and in well under a second, on rebond's own labelled examples
  (content/trap_examples.yaml; no download, nothing pickled), and
- cue rules: words and patterns that often signal a trap ("always", "should", "I'm such a ...").
The reason shown with each trap names the cue that fired or, when none did, the one or two of the person's own
words that add most to the model's score (trap_words: the model is linear, so that share is exact), so a person
can see why it was offered; but only words that are a real part of the score and typical of the trap's examples,
never little words or a word inside a phrase that means something else. Otherwise the reason says so in general
words ("It's here in case it fits for you"). Words about dying, self-harm, means or being harmed are never quoted.

Safety (UX.md): when the thought or its situation describes being hurt, threatened or scared by someone
(the crisis check's `harmed_by_other`, the one definition of harm in rebond, which also brings
domestic-violence help), catastrophizing, blaming and mind reading score 0 and go last, with a reason saying
why they aren't suggested. When the crisis check fires on the thought or its situation, no reason quotes the
person's words.
Suggestions are only suggestions: the interface pre-selects none.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from sklearn.compose import TransformedTargetRegressor
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import Ridge
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import MultiLabelBinarizer, StandardScaler

from rebond.domain import crisis, trap_words

__all__ = [
    "HELD_BACK_WHEN_HARMED",
    "CueMatch",
    "TRAP_IDS",
    "LabelledExample",
    "Trap",
    "TrapSuggester",
    "TrapSuggestion",
    "find_cues",
    "load_examples",
    "suggest",
    "trap_library",
]

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

TRAP_IDS: tuple[str, ...] = (
    "all_or_nothing",
    "overgeneralizing",
    "labeling",
    "fortune_telling",
    "mind_reading",
    "emotional_reasoning",
    "should_statements",
    "personalizing",
    "disqualifying_the_positive",
    "catastrophizing",
    "comparing_and_despairing",
    "blaming",
    "negative_feeling_or_emotion",
)
HELD_BACK_WHEN_HARMED: frozenset[str] = frozenset({"catastrophizing", "blaming", "mind_reading"})

# Blend weights, chosen by 5-fold cross-validation on our own examples only (never on the benchmark).
# The reason thresholds apply to the model part alone.
MODEL_WEIGHT = 0.5
CUE_WEIGHT = 0.5
STRONG_MODEL = 0.45
SOME_MODEL = 0.2


@dataclass(frozen=True)
class Trap:
    id: str
    name: str
    definition: str
    examples: tuple[str, ...]
    questions: tuple[str, ...]
    reframe_hint: str
    cue_reason: str


@dataclass(frozen=True)
class TrapSuggestion:
    id: str
    name: str
    score: float
    reason: str


@dataclass(frozen=True)
class LabelledExample:
    text: str
    traps: tuple[str, ...]
    harmed: bool = False


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=1)
def _library_file() -> dict[str, Any]:
    data = _load_yaml(CONTENT_DIR / "traps.yaml")
    if not isinstance(data, dict):
        raise ValueError("traps.yaml must hold a mapping")
    return data


def trap_library() -> dict[str, Trap]:
    """All 13 traps from content/traps.yaml, keyed by id, in the contract's order (read once, cached)."""
    return dict(_trap_library())


@lru_cache(maxsize=1)
def _trap_library() -> dict[str, Trap]:
    by_id: dict[str, Trap] = {}
    for item in _library_file()["traps"]:
        by_id[item["id"]] = Trap(
            id=item["id"],
            name=item["name"],
            definition=item["definition"],
            examples=tuple(item["examples"]),
            questions=tuple(item["questions"]),
            reframe_hint=item["reframe_hint"],
            cue_reason=item["cue_reason"],
        )
    if set(by_id) != set(TRAP_IDS):
        raise ValueError("traps.yaml must define exactly the 13 trap ids")
    return {trap_id: by_id[trap_id] for trap_id in TRAP_IDS}


def _reasons() -> dict[str, Any]:
    reasons: dict[str, Any] = _library_file()["reasons"]
    return reasons


def load_examples(path: Path | None = None) -> list[LabelledExample]:
    """The packaged labelled examples (or another file of the same shape)."""
    data = _load_yaml(path or CONTENT_DIR / "trap_examples.yaml")
    examples = []
    for item in data["examples"]:
        traps = tuple(item["traps"])
        unknown = set(traps) - set(TRAP_IDS)
        if unknown:
            raise ValueError(f"unknown trap ids in examples: {sorted(unknown)}")
        examples.append(LabelledExample(str(item["text"]), traps, bool(item.get("harmed", False))))
    return examples


_SLANG = {
    "im": "i'm",
    "ive": "i've",
    "id": "i'd",
    "ill": "i'll",
    "dont": "don't",
    "cant": "can't",
    "wont": "won't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "shouldnt": "shouldn't",
    "shoulda": "should have",
    "coulda": "could have",
    "woulda": "would have",
    "gonna": "going to",
    "gotta": "got to",
    "wanna": "want to",
    "u": "you",
    "ur": "your",
    "hes": "he's",
    "shes": "she's",
    "theyre": "they're",
    "thats": "that's",
    "whats": "what's",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "def": "definitely",
    "prob": "probably",
    "rn": "right now",
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _normalise(text: str) -> str:
    """Lower-case, straight apostrophes, common chat spellings expanded (for the model only)."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'").lower()
    return _WORD.sub(lambda m: _SLANG.get(m.group(0), m.group(0)), text)


def _build_pipeline() -> Pipeline:
    features = FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w[\w']*\b", min_df=1
                ),
            ),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1)),
        ]
    )
    # One ridge regression per trap (a multi-output linear model): as accurate as logistic regression on
    # our examples and far faster to train. With far more features than examples, the Cholesky solver
    # works in the dual (examples x examples), so the lazy first-call training stays well under a second;
    # centring the targets stands in for the intercept that this solver can't fit on sparse input.
    regressor = TransformedTargetRegressor(
        regressor=Ridge(alpha=1.0, solver="cholesky", fit_intercept=False),
        transformer=StandardScaler(with_std=False),
    )
    return Pipeline([("features", features), ("regressor", regressor)])


# --- Cue rules ---------------------------------------------------------------------------------
# Each rule is (trap id, pattern, weight). Patterns run case-insensitively on the person's own text
# (curly apostrophes straightened, which keeps every offset), so the reason can quote their words.
# An apostrophe in a pattern is optional ("i'm" also matches "im"). A trap's cue strength is the
# noisy-or of its matched weights; the reason quotes the strongest match.

_SELF_LABELS = (
    r"idiot|loser|failure|fraud|fake|mess|joke|disappointment|burden|coward|hypocrite|liar|screw ?up"
    r"|wreck|monster|quitter|lazy|stupid|dumb|useless|worthless|pathetic|weak|broken|unlovable"
    r"|disgusting|ugly|selfish|hopeless|incompetent|damaged|moron|clown|nobody|nothing|waste of space"
    r"|(?:bad|terrible|awful|horrible|lousy) (?:person|mom|mother|dad|father|friend|son|daughter|partner"
    r"|wife|husband|parent|boss|employee|student|sister|brother)"
)
_OTHER_LABELS = (
    r"liar|cheat(?:er)?|snake|narcissist|jerk|user|manipulator|fake|monster|idiot|loser|deadbeat"
    r"|backstabber|control freak|selfish|lazy|useless|incompetent|flaky|toxic|psycho|evil|creep"
    r"|hypocrite|traitor|coward|bully|cheapskate|moron|fraud"
)
_EMOTIONS = (
    r"anxious|anxiety|nervous|worried|worrying|scared|afraid|terrified|frightened|panick?(?:y|ed|ing)?"
    r"|dread(?:ing)?|sad|lonely|alone|empty|numb|hopeless|helpless|depressed|miserable|heartbroken"
    r"|ashamed|guilty|embarrassed|humiliated|angry|furious|irritated|frustrated|resentful|jealous"
    r"|envious|hurt|stressed|overwhelmed|exhausted|drained|upset|awful|disappointed|lost|heavy|gutted"
    r"|devastated|crushed|sick with worry|on edge|tense|restless|low|down|blue|regret(?:ful)?"
)
_PEOPLE = r"he|she|they|you|everyone|everybody|people|others|(?:my|the|his|her|our|their) [a-z]+"

_CUE_RULES: tuple[tuple[str, str, float], ...] = (
    # all_or_nothing
    ("all_or_nothing", r"\b(?:completely|totally|entirely|absolutely|100 ?%|100 percent)\b", 0.45),
    ("all_or_nothing", r"\b(?:ruined|wasted|pointless|for nothing|write[- ]?off|garbage)\b", 0.45),
    ("all_or_nothing", r"\b(?:no point|not any point|might as well|why bother|what's the point)\b", 0.55),
    ("all_or_nothing", r"\ball[- ]or[- ]nothing\b|\beither\b.{1,60}?\bor\b|\bno in[- ]between\b", 0.6),
    ("all_or_nothing", r"\b(?:perfect(?:ly)?|flawless)\b", 0.45),
    ("all_or_nothing", r"\b(?:total|complete|utter) (?:failure|waste|disaster|mess|loss)\b", 0.55),
    ("all_or_nothing", r"\b(?:back to square one|start(?:ing)? (?:all )?over|from scratch)\b", 0.5),
    (
        "all_or_nothing",
        r"\b(?:all (?:that|my|the) (?:progress|work|effort)|(?:the )?whole (?:day|week|month|year|thing|night|trip|weekend))\b",
        0.4,
    ),
    ("all_or_nothing", r"\b(?:at all|in every way|in any way|anything|everything)\b", 0.2),
    # overgeneralizing
    ("overgeneralizing", r"\b(?:always|never|constantly)\b", 0.55),
    (
        "overgeneralizing",
        r"\b(?:every (?:single )?time|each time|whenever|all the time|every (?:single )?(?:day|person|one|guy|girl|boss|relationship|job|meal))\b",
        0.6,
    ),
    (
        "overgeneralizing",
        r"\b(?:everyone|everybody|no ?one|nobody|nothing ever|all (?:men|women|people|guys|girls|relationships|bosses|friends))\b",
        0.45,
    ),
    (
        "overgeneralizing",
        r"\b(?:again|same as always|here we go|as usual|typical|of course|keeps? (?:happening|failing|messing)|my pattern|every[a-z]*)\b",
        0.3,
    ),
    ("overgeneralizing", r"\bi (?:keep|always|never)\b", 0.3),
    # labeling
    (
        "labeling",
        rf"\b(?:i'm|i am|im)\s+(?:(?:such|so|just|really|a|an|the|total|complete|absolute|big|huge|stupid|useless)\s+){{0,3}}(?:{_SELF_LABELS})\b",
        0.85,
    ),
    (
        "labeling",
        rf"\b(?:he's|she's|they're|he is|she is|they are|what an?)\s+(?:(?:such|so|just|really|a|an|total|complete|absolute|big|huge)\s+){{0,3}}(?:{_OTHER_LABELS})\b",
        0.8,
    ),
    (
        "labeling",
        r"\b(?:idiot|loser|failure|fraud|moron|pathetic|worthless|useless|unlovable|disgusting|screw ?up|deadbeat|liar|snake|manipulator)\b",
        0.45,
    ),
    ("labeling", r"\b(?:kind of (?:idiot|person)|i'm just not a)\b", 0.4),
    # fortune_telling
    (
        "fortune_telling",
        r"\b(?:never going to|not going to|won't ever|will never|i'll never|it'll never|will not|isn't going to|aren't going to)\b",
        0.6,
    ),
    ("fortune_telling", r"\b(?:going to|gonna)\b", 0.4),
    ("fortune_telling", r"\b(?:i'll|it'll|they'll|he'll|she'll|we'll|you'll|will|won't)\b", 0.3),
    (
        "fortune_telling",
        r"\b(?:i just know|i bet|bound to|doomed|only a matter of time|there's no (?:way|chance)|i can feel it|no way (?:it|i|they|this|she|he))\b",
        0.6,
    ),
    ("fortune_telling", r"\b(?:what if|why (?:even )?(?:try|bother|start))\b", 0.35),
    (
        "fortune_telling",
        r"\b(?:tomorrow|next (?:week|time|month|year)|in the future|someday|forever|ever again)\b",
        0.25,
    ),
    # mind_reading
    (
        "mind_reading",
        rf"\b(?:{_PEOPLE}) (?:must |probably |definitely |clearly |obviously |secretly |all |just )?(?:think|thinks|thought|believes?|decided|sees? me|finds? me|knows? i'm)\b",
        0.7,
    ),
    (
        "mind_reading",
        r"\b(?:judg(?:e|es|ing|ed) me|laughing at me|talking about me|staring at me|looking down on me|(?:sick|tired|bored|fed up) (?:of|with) me|(?:mad|annoyed|angry|upset) (?:at|with) me|disappointed in me|hates? me|(?:doesn't|don't) (?:like|care about|want) me|given up on me|holding it against me|feels? sorry for me)\b",
        0.65,
    ),
    (
        "mind_reading",
        r"\b(?:i can tell|i know (?:what )?(?:he|she|they)(?:'s|'re| is| are)? ?(?:thinking|doesn't|don't|didn't|secretly|must)|must think|probably thinks?|they all think)\b",
        0.7,
    ),
    (
        "mind_reading",
        r"\b(?:he|she|they)(?:'s|'re| is| are) (?:secretly|probably|definitely|obviously|clearly) (?:mad|annoyed|angry|upset|bored|disappointed|judging|thinking)\b",
        0.6,
    ),
    ("mind_reading", r"\b(?:doesn't|don't|didn't) (?:really )?mean it\b", 0.4),
    # emotional_reasoning
    (
        "emotional_reasoning",
        r"\b(?P<head>i (?:feel|felt))\b.{0,60}?\b(?P<tail>(?:so|therefore|which means|that means|means|it has to|proof)(?:\s+that)?(?:\s+[a-z']+){0,2}?\s+(?:i must|i am|i'm|it must|it is|it's|must|am|is|are|has to|have to|probably|true))\b",
        0.85,
    ),
    (
        "emotional_reasoning",
        r"\b(?:feels? true|my gut (?:says|tells|is)|gut feeling|i just feel (?:it|like)|because i feel|since i feel|if i feel|feeling this [a-z]+ means|it feels like|feels like)\b",
        0.45,
    ),
    (
        "emotional_reasoning",
        r"\bi (?:don't|do not) feel (?:ready|forgiven|safe|good enough|loved|wanted|able)\b",
        0.45,
    ),
    ("emotional_reasoning", r"\bfeel(?:s|ing)? (?:like )?(?:a|an) [a-z]+\b", 0.3),
    # should_statements
    (
        "should_statements",
        r"\b(?:should(?:n't| not)?|shoulda|must(?:n't)?(?! (?:be|have|think|not|hate|know|mean|feel|see))|ought(?:n't)? to|supposed to)\b",
        0.8,
    ),
    ("should_statements", r"\b(?:have to|has to|had to|need to|needs to|got to|have got to|gotta)\b", 0.45),
    (
        "should_statements",
        r"\b(?:by now|at my age|unacceptable|no excuses|a (?:real|good|normal|proper) (?:friend|partner|person|mother|mom|dad|father|parent|adult|man|woman|son|daughter) (?:would|wouldn't|should|never|always))\b",
        0.45,
    ),
    # personalizing
    (
        "personalizing",
        r"\b(?:(?:all )?my (?:own )?fault|because of me|(?:it's|that's|is) (?:all )?on me|down to me|i(?:'m| am) (?:the|to) (?:reason|blame|problem)|my responsibility|i(?:'m| am)? (?:feel )?responsible|blame myself|i caused|i ruined|i jinxed|i killed the|i made (?:him|her|them|it|everyone)|what did i do|something i (?:did|said)|i must have (?:done|said|upset|annoyed|made)|i let (?:everyone|them|him|her|the team|you|my [a-z]+) down|if only i)\b",
        0.7,
    ),
    ("personalizing", r"\bif i (?:had|hadn't|were|was|would have|'d)\b", 0.45),
    (
        "personalizing",
        r"\b(?:because i(?:'m| am| was| wasn't| didn't| am not)|i(?:'m| am) (?:failing|ruining) (?:him|her|them|everyone))\b",
        0.35,
    ),
    # disqualifying_the_positive
    (
        "disqualifying_the_positive",
        r"\b(?:just|only|pure|dumb|sheer) (?:luck|lucky|a fluke|being (?:nice|polite|kind)|saying (?:that|it)|because|out of pity)\b",
        0.7,
    ),
    (
        "disqualifying_the_positive",
        r"\b(?:doesn't|don't|didn't|won't|wouldn't) (?:really )?(?:count|matter|mean anything|mean much)\b",
        0.6,
    ),
    (
        "disqualifying_the_positive",
        r"\b(?:fluke|lucky|out of pity|bare minimum|the least (?:i|a|you)|big deal|anyone could(?: have)?|any idiot could|ha(?:s|ve) to say (?:that|it)|job to say|kids say that|words are cheap|barely anything|that's nothing|it was nothing|so what|easy (?:week|test|one|task|day)|was easy|grades easy)\b",
        0.55,
    ),
    (
        "disqualifying_the_positive",
        r"\b(?P<head>kept|passed|finished|won|praised|compliment(?:ed)?|proud|thanked|managed|made it|succeeded|improved|progress|sober|hit my goal|went well|liked|said sorry|apologi[sz]ed|got (?:the|a|an|my))\b.{0,80}?\b(?P<tail>but)\b",
        0.5,
    ),
    # catastrophizing
    (
        "catastrophizing",
        r"\b(?:disaster|catastroph[a-z]*|nightmare|the end of|end of the world|it's over|over for me|destroy(?:ed|s)? everything|lose everything|lost everything|fall(?:ing)? apart|collaps[a-z]*|never recover|can't (?:cope|survive|handle|bear)|won't survive|unbearable|worst|doomed|die alone|on the street|homeless|heart attack|tumou?r|cancer|crash|seriously wrong|ruined forever|my (?:whole )?life is (?:ruined|over))\b",
        0.65,
    ),
    (
        "catastrophizing",
        r"\bsomething (?:terrible|awful|bad|horrible) (?:must|has|will|is)\b|\b(?:terrible|horrible|awful) (?:news|thing)\b",
        0.6,
    ),
    (
        "catastrophizing",
        r"\b(?:ruin(?:ed|s)? (?:my|everything|our)|lose (?:my|the|our|all)|end up (?:alone|broke|homeless|on the street|in (?:the )?hospital)|get fired|spiral(?:ling|ing)?)\b",
        0.45,
    ),
    ("catastrophizing", r"\bwhat if\b", 0.35),
    # comparing_and_despairing
    (
        "comparing_and_despairing",
        r"\b(?:than me|than i (?:do|am|did|have|can|will)|compared to|compar(?:e|ing) (?:myself|me)|next to (?:him|her|them)|everyone else|everybody else|other (?:people|couples|moms|mums|dads|parents|kids|students|women|men|guys|girls)|except me|but me|unlike me|why can't i be|as (?:good|smart|pretty|organi[sz]ed|successful|thin|happy|confident|fit|strong) as)\b",
        0.7,
    ),
    (
        "comparing_and_despairing",
        r"\b(?:everyone|people|all my friends) (?:my age|i know)\b|\b(?:instagram|facebook|linkedin|tiktok|social media|their stories|my feed)\b",
        0.55,
    ),
    (
        "comparing_and_despairing",
        r"\b(?:better|smarter|prettier|richer|happier|thinner|further along|ahead of me|more successful|more than i do)\b",
        0.35,
    ),
    ("comparing_and_despairing", r"\b(?:while i(?:'m| am)?|and i(?:'m| am) (?:still|stuck|just))\b", 0.35),
    # blaming
    (
        "blaming",
        r"\b(?:(?:his|her|their|your|[a-z]+'s) fault|because of (?:him|her|them|you|my [a-z]+|the [a-z]+)|thanks to (?:him|her|them|you|my [a-z]+)|(?:is|are) the reason|(?:is|are) why i|blame (?:him|her|them|you|my [a-z]+|the [a-z]+)|(?:it's|that's) on (?:him|her|them))\b",
        0.7,
    ),
    (
        "blaming",
        rf"\b(?:{_PEOPLE}) (?:made|make|makes|won't let|never lets?|messed|ruined|wrecked|ruins|put) (?:me|my)\b",
        0.6,
    ),
    (
        "blaming",
        r"\bif (?:he|she|they|you|my [a-z]+|the [a-z]+|people) (?:had|hadn't|would|wouldn't|did|didn't|were|was|wasn't|just|stopped|supported|listened|cared)\b",
        0.55,
    ),
    (
        "blaming",
        r"\b(?:ruined my|wrecked my|messed me up|made me (?:this way|like this)|did this to me|thanks a lot)\b",
        0.5,
    ),
    # negative_feeling_or_emotion
    (
        "negative_feeling_or_emotion",
        rf"\b(?:i'm|i am|i feel|i felt|feeling|i've been|i was|i get|makes me)\s+(?:(?:so|really|very|just|always|all|kinda|kind of|pretty|super|too|a bit|extremely|incredibly|still)\s+){{0,2}}(?:{_EMOTIONS})\b",
        0.75,
    ),
    ("negative_feeling_or_emotion", rf"\b(?:{_EMOTIONS})\b", 0.45),
    (
        "negative_feeling_or_emotion",
        r"\b(?:can't stop (?:thinking|crying|worrying|shaking)|can't sleep|can't breathe|can't focus|crying|in knots|in tears|aches?|stings?)\b",
        0.5,
    ),
)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("'", "'?"), re.IGNORECASE)


_COMPILED_RULES: tuple[tuple[str, re.Pattern[str], float], ...] = tuple(
    (trap_id, _compile(pattern), weight) for trap_id, pattern, weight in _CUE_RULES
)


@dataclass(frozen=True)
class CueMatch:
    strength: float
    words: str


def _for_matching(text: str) -> str:
    # Same length as the input, so match offsets point into the person's own words.
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _quote(text: str, match: re.Match[str]) -> str:
    """The person's own words for a match; a long match is shown as its two ends ("kept … but")."""
    spans = [match.span(name) for name in ("head", "tail") if name in match.re.groupindex]
    if len(spans) == 2 and spans[0][1] < spans[1][0]:
        parts = [" ".join(text[start:end].split()) for start, end in spans]
        words = f"{parts[0]} … {parts[1]}" if text[spans[0][1] : spans[1][0]].strip() else " ".join(parts)
    else:
        words = " ".join(text[match.start() : match.end()].split())
    return words if len(words) <= 48 else words[:45].rstrip() + "…"


def find_cues(text: str) -> dict[str, CueMatch]:
    """Trap id -> combined cue strength (0..1) and the words of the strongest cue found."""
    plain = _for_matching(text)
    found: dict[str, tuple[float, float, str]] = {}
    for trap_id, pattern, weight in _COMPILED_RULES:
        match = pattern.search(plain)
        if match is None:
            continue
        words = _quote(text, match)
        miss, best_weight, best_words = found.get(trap_id, (1.0, 0.0, ""))
        if weight > best_weight:
            best_weight, best_words = weight, words
        found[trap_id] = (miss * (1.0 - weight), best_weight, best_words)
    return {trap_id: CueMatch(round(1.0 - miss, 4), words) for trap_id, (miss, _, words) in found.items()}


class TrapSuggester:
    """A model trained on the given examples plus the cue rules. Build once, then call `suggest`."""

    def __init__(self, examples: Sequence[LabelledExample]) -> None:
        if not examples:
            raise ValueError("the suggester needs labelled examples")
        self._binarizer = MultiLabelBinarizer(classes=list(TRAP_IDS))
        labels = self._binarizer.fit_transform([example.traps for example in examples])
        missing = [TRAP_IDS[i] for i in np.flatnonzero(labels.sum(axis=0) == 0)]
        if missing:
            raise ValueError(f"no examples for: {missing}")
        self._pipeline = _build_pipeline()
        texts = [_normalise(example.text) for example in examples]
        self._pipeline.fit(texts, labels)
        # The fitted parts, read directly: a score and each word's share of it come from one pass over the text.
        # A reason names a word only when the examples of that trap do often use it, as the reason says.
        features = dict(self._pipeline.named_steps["features"].transformer_list)
        regressor = self._pipeline.named_steps["regressor"]
        self._weights = trap_words.WordWeights.from_model(features["words"], features["chars"],
                                                          regressor.regressor_.coef_, regressor.transformer_.mean_,
                                                          typical=trap_words.typical_words(texts, labels))

    def model_scores(self, text: str) -> dict[str, float]:
        return self._scores(self._weights.read(_normalise(text)))

    @staticmethod
    def _scores(reading: trap_words.Reading) -> dict[str, float]:
        fitted = np.clip(reading.scores, 0.0, 1.0)
        return {trap_id: float(value) for trap_id, value in zip(TRAP_IDS, fitted, strict=True)}

    def suggest(self, text: str, *, context: str = "") -> list[TrapSuggestion]:
        """All 13 traps for `text`, best first. `context` is what happened around it (the record's situation):
        it is never scored, but harm or crisis language in it counts as much as in the thought."""
        if not isinstance(text, str) or not text.strip():
            raise ValueError("Write a thought first — the text is empty.")
        library = _trap_library()
        reasons = _reasons()
        checked = [crisis.check(t) for t in (text, context) if isinstance(t, str) and t.strip()]
        harmed = any(found.harmed_by_other for found in checked)
        quote = not any(found.detected for found in checked)
        reading = self._weights.read(_normalise(text))
        model = self._scores(reading)
        cues = find_cues(text)
        # The model's reasons name the person's own words that weigh most, unless the crisis check fired.
        named = self._weights.top_words(reading) if quote else None
        ranked: list[tuple[bool, float, int, TrapSuggestion]] = []
        for order, trap_id in enumerate(TRAP_IDS):
            trap = library[trap_id]
            cue = cues.get(trap_id)
            held_back = harmed and trap_id in HELD_BACK_WHEN_HARMED
            if held_back:
                score, reason = 0.0, str(reasons["harmed"][trap_id])
            else:
                strength = cue.strength if cue else 0.0
                score = min(1.0, max(0.0, MODEL_WEIGHT * model[trap_id] + CUE_WEIGHT * strength))
                words = [w for w in (trap_words.find_in(text, x) for x in named[order]) if w] if named else []
                # A cue is quoted only when the check found nothing and it holds no crisis word ("never hurt myself").
                quotable = cue is not None and quote and not any(map(crisis.is_crisis_word, re.findall(r"\w+", cue.words)))
                reason = _reason_for(trap, cue if quotable else None, model[trap_id], reasons,
                                     cue_held=cue is not None and not quotable, words=words)
            ranked.append(
                (held_back, -score, order, TrapSuggestion(trap_id, trap.name, round(score, 4), reason))
            )
        ranked.sort(key=lambda row: row[:3])
        return [row[3] for row in ranked]


def _reason_for(trap: Trap, cue: CueMatch | None, model_score: float, reasons: dict[str, Any],
                cue_held: bool = False, words: Sequence[str] = ()) -> str:
    if cue_held:  # the crisis check fired: say a word points here without repeating it
        return str(reasons["cue_unquoted"])
    if cue is not None:
        return trap.cue_reason.replace("{cue}", cue.words)
    if words:
        quoted = " and ".join(f'"{w}"' for w in words)
        return str(reasons["words_some" if model_score >= SOME_MODEL else "words_weak"]).replace("{words}", quoted)
    if model_score >= STRONG_MODEL:
        return str(reasons["model_strong"])
    if model_score >= SOME_MODEL:
        return str(reasons["model_some"])
    return str(reasons["neutral"])


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _trained() -> TrapSuggester:
    return TrapSuggester(load_examples())


def _default_suggester() -> TrapSuggester:
    # The lock makes concurrent first calls wait for one training run instead of each starting one.
    with _lock:
        return _trained()


def suggest(text: str, *, context: str = "") -> list[TrapSuggestion]:
    """All 13 traps for `text`, best first, scores in 0..1, each with a plain reason. `context` (the situation)
    is never scored, but harm or crisis language in it holds back the same traps and quotes as in the thought.

    Raises ValueError for empty or whitespace-only text.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("Write a thought first — the text is empty.")
    return _default_suggester().suggest(text, context=context)
