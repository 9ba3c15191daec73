"""Offline crisis-language check for free text (pure: no Django, no clock, no network).

`check(text)` says whether a text holds language about suicide, self-injury or being harmed by
someone else, how urgent it sounds, and which kinds of signal were found. It never returns the
words that matched: the interface must not echo them back to the person.

How it decides, in layers:
1. Terms from the clinician-validated Suicide Risk Lexicon v1.0 (package data, Apache-2.0, see its
   NOTICE). The prototypical terms count as they are; the fuller lists only count inside a sentence
   that speaks in the first person, and single words such as a means name count only beside another
   signal. Some full-list terms are left out because they are everyday idioms (`_LEFT_OUT`). Terms of
   several words are found in every inflection ("killed myself", "I cut my wrists").
2. Hand-written patterns for indirect phrasing the lexicon misses (crisis_patterns: not waking up,
   being a burden, goodbye letters, giving things away, saving pills, being harmed by someone), and
   patterns written once in plain words and matched in every inflection (crisis_forms: a stated time or
   way with an intent is a plan, taking many pills or a high place with jumping is a means, cutting
   "again" or after a relapse is self-injury).
   Some patterns find only half a signal (guard PART), which is everyday alone: a preparation act ("paid
   off my debts"), a clause about one's own death or absence ("when I'm not here"), a set time for an act
   left unsaid ("tonight is the night"), a height looked up, someone coming into "my room at night". Two
   halves within PART_WINDOW sentences of each other make a signal (crisis_patterns.PART_PAIRS: a goodbye
   act, a plan, a means, harm); some halves also count beside another self-risk signal (PART_ALONE).
3. Filters: idioms are blanked before matching ("cut myself some slack", "killing time"),
   negation in the few words before a match cancels it ("I would never hurt myself") unless the
   pattern is itself a negated wish ("I don't want to wake up"), and "used to", "asked me if",
   fiction and news frames drop first-person-guarded matches. A diary-style sentence that leaves out
   its "I" ("Relapsed last night.") still speaks in the first person.
4. A small model (crisis_model: TF-IDF and logistic regression) trained on our own labelled examples when first
   needed, for phrasing no rule has written down. It reads every sentence of eight words or more, and every pair of
   neighbouring sentences, and counts when it is sure enough (crisis_model.THRESHOLDS, chosen by cross-validation on
   its training examples only): sure that the writer is at risk from themselves ("ideation"), that it is a plan or
   means ("plan"), or that someone is doing harm. It does not read a sentence the rules read as everyday on purpose
   (_VETO: a match they set aside for a negation, "used to", a reported question or a story frame, an `unless` word,
   "live in the city"), so their explicit knowledge of negation, idiom and frame wins.

The result is the rules' findings and the model's together: detected if either finds anything, "plan_or_means" if
either finds a plan, a means or a goodbye act ("concern" for any other signal, "none" otherwise), harmed by someone
if either finds harm. Being harmed sets `harmed_by_other` and `detected` (level "concern" unless a plan or means is
also there); the app routes it to domestic-violence help. `check_rules` and `check_model` give each part alone, for
the bench's ablation.
`harmed_by_other(text)` is the one definition of being harmed by someone in rebond, rules and model together: the
trap suggester holds back catastrophizing, blaming and mind reading on exactly what it finds (measured by
bench/crisis_eval.py's harm set).
Recall comes first: a missed signal costs more than an extra calm page; see bench/crisis_eval.py. The rules were
tuned while the evaluation sets were in view; the model is a small model trained on our own examples: expect lower
recall on phrasing unlike them, and some false alarms on everyday sentences close to its training lines (the bench
and tests/domain/test_crisis_model.py say how many).

The text is read sentence by sentence; a pattern only runs on sentences holding its trigger words, and the model
reads all of a text's pieces in one pass, which keeps a 500-word entry at a few milliseconds. English only: other
languages never crash and never match.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rebond.domain import crisis_forms as forms
from rebond.domain import crisis_model
from rebond.domain.crisis_forms import NO_FRAME
from rebond.domain.crisis_patterns import (  # noqa: F401  (the guards stay importable from here)
    AGENT,
    AGENT_WORDS,
    CONTEXTUAL,
    DIRECT,
    FIRST_PERSON,
    IDIOMS,
    NO_NEGATION,
    OPENS,
    PART,
    PART_ALONE,
    PART_PAIRS,
    PART_WINDOW,
    RULES,
)

LEVEL_NONE = "none"
LEVEL_CONCERN = "concern"
LEVEL_PLAN_OR_MEANS = "plan_or_means"

#: Every category id `check` can return.
CATEGORIES = frozenset(
    {"ideation", "plan", "means", "self_injury", "burden", "goodbye", "unsafe", "harmed_by_other"}
)
_URGENT = frozenset({"plan", "means", "goodbye"})
_HARM = "harmed_by_other"


@dataclass(frozen=True)
class CrisisResult:
    """What the check found. Holds category ids only, never any of the input's words."""

    detected: bool
    level: str
    categories: frozenset[str]
    harmed_by_other: bool

    @classmethod
    def none(cls) -> CrisisResult:
        return NOTHING_FOUND


NOTHING_FOUND = CrisisResult(detected=False, level=LEVEL_NONE, categories=frozenset(), harmed_by_other=False)


_LEXICON_PACKAGE = "rebond"
_LEXICON_DIR = ("data", "suicide_risk_lexicon")
PROTOTYPICAL_FILE = "suicide_risk_lexicon_validated_prototypical_tokens_24-08-07T16-25-19.json"
FULL_FILE = "suicide_risk_lexicon_validated_24-08-02T21-27-35.json"

#: Lexicon constructs used, and the category each maps to.
CONSTRUCTS = {
    "Passive suicidal ideation": "ideation",
    "Active suicidal ideation & suicidal planning": "ideation",
    "Other suicidal language": "ideation",
    "Lethal means for suicide": "means",
    "Direct self-injury": "self_injury",
    "Burdensomeness": "burden",
    "Physical abuse & violence": _HARM,
    "Sexual abuse & harassment": _HARM,
}

# Lexicon terms not used: everyday idioms, reported speech, treatment words, or too broad alone.
_LEFT_OUT = frozenset({
    "kill me", "killing me", "attempt", "cutting", "poison", "dying", "I'm dying", "I could just die",
    "I will be dying", "I'll die", "I'll be dead", "will be dead", "on the edge", "quick and easy",
    "easy and painless", "quick and painless", "drowning", "suicide", "fatal", "farewell", "safety plan",
    "safety check", "crisis center", "crisis hotline", "crisis text line", "being saved", "severe depression",
    "nothing to lose", "breaking point", "I'm sinking", "hate my life", "I hate my life", "giving up",
    "escape from reality", "fade out", "fading away", "oblivion", "lifeless", "rest in peace", "death wish",
    "want to be done with this", "I could disappear", "can't do this anymore", "can't take any more of this",
    "don't know how much longer I can", "don't want to do this anymore", "don't want to be here",
    "when I'm gone", "when I die", "when I'm dead", "when I'm not around", "my death", "my demise",
    "life is over", "life is shit", "ending it", "I don't trust myself", "the end of my rope",
    "only thing keeping me going", "thing that kept me going", "no way out", "needs to be dead",
    "I'm in a crisis", "I'm on the ledge", "body bag", "exit plan", "pull the trigger", "make a will",
    "write a will", "crash my car", "wreck my car", "wreck my truck", "slam my car", "drive my car into",
    "want to jump", "want to end it", "suffocating my", "suffocation", "carbon monoxide", "buying a rope",
    "hit by the train", "hit by a train", "I annoy", "I annoy others", "I'm annoying",
    "I make things worse", "difficult for me to ask for help", "put that on them", "put that upon them",
    "waste of space", "dead weight", "pull my hair", "bang my head", "banging my head", "bash my head",
    "hit my head", "scratch my", "scratched my", "scratch at my", "pick at my skin", "burn my hand",
    "burn my face", "stick and poke tattoo", "threw me", "bit me", "forces me", "shake me", "hit me", "hits me",
    "grabbed my", "touched me", "touching me", "touched her", "took advantage of m", "harm", "report him",
    "go to court", "slam the door", "got physical", "spit in my face", "beat her", "sleep forever",
    "don't want to wake up", "don't want to go on", "don't really want to live", "stop living",
    "tired of living", "tired of life", "want death", "cops", "police report", "self-defense",
    "restraining order", "want to end this",
})
_METHOD_WORDS = frozenset(
    "bridge train roof building balcony window traffic hang hanging noose rope shoot shooting gun pistol "
    "trigger brains fire electrocuting overdose overdosing od pills drown poison pesticide wrist wrists "
    "knife blade razor monoxide exhaust jump jumping cliff".split()
)
_GOODBYE_TERMS = frozenset({"I wrote a suicide note", "suicide note", "giving away my possessions"})
_BURDEN_TERMS = frozenset({"no one will miss me"})
_HARM_NEEDS_FIRST_PERSON = frozenset({
    "domestic violence", "physical abuse", "abusive", "child abuse", "date rape", "sexual assault",
    "forced sex", "unwanted sex", "non-consensual", "not consensual", "sexual violence", "revenge porn",
    "rape", "was abused", "was beaten", "get beat up", "physically attacked",
})

# ---- normalisation --------------------------------------------------------------------------------
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "`", "\u00b4")
_NOT_FORMS = (("can't", "can not"), ("won't", "will not"), ("shan't", "shall not"), ("ain't", "is not"), ("n't", " not"))
_APOS = re.compile(r"'(m|ve|ll|d|re|s)\b")
_SUFFIXES = {"m": " am", "ve": " have", "ll": " will", "d": " would", "re": " are"}
_IS_HOSTS = frozenset(
    "it that what there here who he she life everything nothing everyone nobody someone tonight today tomorrow monday "
    "tuesday wednesday thursday friday saturday sunday".split()
)
_SLANG_WORDS = {
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not", "cannot": "can not",
    "wont": "will not", "wouldnt": "would not", "couldnt": "could not", "shouldnt": "should not", "isnt": "is not",
    "wasnt": "was not", "werent": "were not", "arent": "are not", "havent": "have not", "hasnt": "has not",
    "hadnt": "had not", "aint": "is not", "im": "i am", "ive": "i have", "wanna": "want to", "gonna": "going to",
    "gotta": "got to",
}
_SLANG = re.compile(r"\b(?:" + "|".join(_SLANG_WORDS) + r")\b")
# Fillers that look like negation but only intensify what follows ("not gonna lie, ...").
_FILLER_WORDS = frozenset({"lie", "joking", "kidding", "just", "only"})
_SLANG_SET = frozenset(_SLANG_WORDS)
_TIDY_WORDS = _SLANG_SET | _FILLER_WORDS
_FILLERS = re.compile(
    r"\b(?:not going to|i will not) lie\b|\bno lie\b|\bnot (?:even )?(?:joking|kidding)\b|\bnot (?:just|only)\b"
)
_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")


def _expand_suffix(m: re.Match[str]) -> str:
    suffix = m.group(1)
    if suffix != "s":
        return _SUFFIXES[suffix]
    stem = m.string[max(0, m.start() - 12) : m.start()].rsplit(None, 1)[-1:]
    return " is" if stem and stem[0] in _IS_HOSTS else m.group()


def normalise(text: str) -> str:
    """Lower-case, NFKC, plain apostrophes, contractions spelled out, invisible marks removed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
        for mark in _APOSTROPHES:
            if mark in text:
                text = text.replace(mark, "'")
    text = text.casefold()
    if "'" in text:
        if "n't" in text:
            for short, long in _NOT_FORMS:
                text = text.replace(short, long)
        text = _APOS.sub(_expand_suffix, text)
    return text


def _tidy_sentence(sentence: str, words: set[str]) -> str:
    """Spell out apostrophe-less contractions and drop intensifying fillers, in one sentence."""
    if not _SLANG_SET.isdisjoint(words):
        sentence = _SLANG.sub(lambda m: _SLANG_WORDS[m.group()], sentence)
    if not _FILLER_WORDS.isdisjoint(words) and ("not" in words or "no" in words):
        sentence = _FILLERS.sub(",", sentence)
    return sentence


def _words(text: str) -> tuple[str, ...]:
    text = normalise(text)
    return tuple(_WORD.findall(_tidy_sentence(text, set(_WORD.findall(text)))))


# ---- layer 3b: filters applied to every match --------------------------------------------------------
_PUNCTUATION = re.compile(r"[^\w\s']+")
_CLAUSE_WORDS = frozenset(
    "but and so because though although yet however while whereas until unless except then or why how what whether if "
    "that when who where".split()
)
_NEGATORS = frozenset({"not", "never", "no", "nor", "without"})
_ASKED = re.compile(r"\bask(?:s|ed|ing)?(?: me)? (?:if|whether)\b")
_ANSWER_YES = re.compile(
    r"\b(?:i said|i told (?:him|her|them)|i admitted|i answered)(?: that)? (?:yes|i (?:have|had|do|did|am|was))\b"
)
_QUESTION_END = re.compile(r"[,;]|\b(?:and|but|so|then)\b")
_FIRST_PERSON_WORDS = frozenset({"i", "me", "my", "myself", "mine"})
_FRAME_WORDS = frozenset(
    "article articles news newspaper headline documentary film films movie movies novel novels book books podcast tv "
    "character characters villain plot lyrics poem awareness prevention statistics study studies research training".split()
)
_PLACE_AFTER_LIFE = frozenset(
    "in at with near on abroad together there alone under by off paycheck holiday vacation a the out".split()
)


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]
    categories: frozenset[str]
    guard: int


_Hit = tuple[int, int, frozenset[str], int]  # start, end (in the sentence), categories, guard


@dataclass(frozen=True)
class _CompiledRule:
    categories: frozenset[str]
    guard: int
    regex: re.Pattern[str]


@dataclass(frozen=True)
class _Engine:
    # lexicon terms by their rarest word, then by that word's place in the term and the term's length
    anchors: dict[str, dict[tuple[int, int], dict[tuple[str, ...], _Term]]]
    anchor_words: frozenset[str]
    rules: tuple[_CompiledRule, ...]
    rule_index: dict[str, tuple[tuple[int, frozenset[str]], ...]]
    rule_words: frozenset[str]
    idioms: tuple[re.Pattern[str], ...]
    idiom_index: dict[str, tuple[tuple[int, frozenset[str]], ...]]
    idiom_words: frozenset[str]
    any_word: frozenset[str]  # a sentence holding none of these can't match anything
    inflected: tuple[forms.FormRule, ...]  # patterns written once for every inflection (crisis_forms)
    inflected_index: dict[str, tuple[tuple[int, frozenset[str]], ...]]
    inflected_words: frozenset[str]


def read_lexicon(file_name: str) -> dict[str, list[str]]:
    """The token lists of the constructs rebond uses, from one packaged lexicon file, as published."""
    path = resources.files(_LEXICON_PACKAGE)
    for part in (*_LEXICON_DIR, file_name):
        path = path.joinpath(part)
    data = json.loads(path.read_text(encoding="utf-8"))
    return {construct: [str(t) for t in data[construct]["tokens"]] for construct in CONSTRUCTS}


def original_terms(full_tokens: list[str]) -> list[str]:
    """The full lists hold every term followed by its lemmatized form ("wish I was dead", ..., "wish I be dead")."""
    return full_tokens[: len(full_tokens) // 2]


def _guard(raw: str, words: tuple[str, ...], category: str, prototypical: bool) -> int | None:
    """How much context a lexicon term needs before it counts; None leaves it out."""
    if category == _HARM:
        if raw in _HARM_NEEDS_FIRST_PERSON:
            return FIRST_PERSON
        return AGENT if {"me", "my"} & set(words) else None
    if len(words) == 1:
        if category == "means":
            return CONTEXTUAL
        return DIRECT if prototypical else None
    if category == "burden":
        return DIRECT if raw in ("better off without me", "be better without me", "sorry for existing") else CONTEXTUAL
    if not prototypical:
        return CONTEXTUAL if category == "means" and not {"i", "me", "my", "myself"} & set(words) else FIRST_PERSON
    if _METHOD_WORDS & set(words) and not {"myself", "my", "me"} & set(words):
        return FIRST_PERSON
    return DIRECT


def _term_categories(raw: str, words: tuple[str, ...], category: str) -> frozenset[str]:
    if raw in _GOODBYE_TERMS:
        return frozenset({"goodbye", "ideation"})
    if raw in _BURDEN_TERMS:
        return frozenset({"burden"})
    if raw == "I'm not safe":
        return frozenset({"unsafe"})
    if category == "ideation" and _METHOD_WORDS & set(words):
        return frozenset({"ideation", "means"})
    return frozenset({category})


def lexicon_terms() -> list[tuple[tuple[str, ...], frozenset[str], int]]:
    """Every lexicon term rebond uses, normalised, with its categories and guard."""
    left_out = {_words(t) for t in _LEFT_OUT}
    merged: dict[tuple[str, ...], tuple[frozenset[str], int]] = {}
    prototypical, full = read_lexicon(PROTOTYPICAL_FILE), read_lexicon(FULL_FILE)
    for construct, category in CONSTRUCTS.items():
        for is_proto, raws in ((True, prototypical[construct]), (False, original_terms(full[construct]))):
            for raw in raws:
                words = _words(raw)
                guard = _guard(raw, words, category, is_proto) if words and words not in left_out else None
                if guard is None:
                    continue
                cats = _term_categories(raw, words, category)
                if words in merged:
                    old_cats, old_guard = merged[words]
                    cats, guard = cats | old_cats, min(guard, old_guard)
                merged[words] = (cats, guard)
    return [(words, cats, guard) for words, (cats, guard) in merged.items()]


def _index(trigger_sets: list[tuple[str, ...]]) -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
    """word -> (pattern number, other words the sentence must also hold)."""
    index: dict[str, list[tuple[int, frozenset[str]]]] = {}
    for i, triggers in enumerate(trigger_sets):
        for trigger in triggers:
            first, *others = trigger.split("+")
            index.setdefault(first, []).append((i, frozenset(others)))
    return {word: tuple(entries) for word, entries in index.items()}


def _selected(index: dict[str, tuple[tuple[int, frozenset[str]], ...]], keys: frozenset[str], present: set[str]) -> set[int]:
    return {i for word in present & keys for i, others in index[word] if others <= present}


# Words too frequent to anchor a lexicon term on; the rarest word of a term finds it fastest.
_COMMON = frozenset(
    "i me my myself mine you your he she they him her them it its this that these those a an the to of in on at for with "
    "and or but so if be am is are was were been being do does did done have has had will would can could should may might "
    "must not no never just really very too all any some one off out up down about over into from by as like want wanted "
    "feel felt get got go going make take know think what when why how who there here".split()
)


def _anchor(words: tuple[str, ...]) -> int:
    rare = [i for i, w in enumerate(words) if w not in _COMMON] or list(range(len(words)))
    return max(rare, key=lambda i: len(words[i]))


@lru_cache(maxsize=1)
def _engine() -> _Engine:
    """Load the lexicon and compile every pattern once, on first use."""
    # Terms of several words are also found in any inflection ("killed myself", "cut my wrists"), unless that
    # inflection is itself one of the terms left out.
    left_out = {_words(t) for t in _LEFT_OUT}
    anchors: dict[str, dict[tuple[int, int], dict[tuple[str, ...], _Term]]] = {}
    for words, cats, guard in lexicon_terms():
        at = _anchor(words)
        for variant in sorted(forms.variants(words) - left_out if len(words) > 1 else {words}):
            table = anchors.setdefault(variant[at], {}).setdefault((at, len(variant)), {})
            if variant in table:
                old = table[variant]
                cats, guard = cats | old.categories, min(guard, old.guard)
            table[variant] = _Term(variant, frozenset(cats), guard)
    rules = tuple(_CompiledRule(frozenset(c), g, re.compile(p, re.MULTILINE)) for c, g, _, p in RULES)
    rule_index = _index([triggers for _, _, triggers, _ in RULES])
    inflected = forms.rules()
    inflected_index = _index([rule.triggers for rule in inflected])
    idiom_index = _index([triggers for triggers, _ in IDIOMS])
    return _Engine(
        anchors=anchors,
        anchor_words=frozenset(anchors),
        rules=rules,
        rule_index=rule_index,
        rule_words=frozenset(rule_index),
        idioms=tuple(re.compile(pattern) for _, pattern in IDIOMS),
        idiom_index=idiom_index,
        idiom_words=frozenset(idiom_index),
        any_word=frozenset(anchors) | frozenset(rule_index) | frozenset(idiom_index) | _SLANG_SET
        | frozenset(inflected_index),
        inflected=inflected,
        inflected_index=inflected_index,
        inflected_words=frozenset(inflected_index),
    )


def _lexicon_hits(sentence: str, words: list[str], present: set[str], engine: _Engine) -> tuple[list[_Hit], bool]:
    """The lexicon terms in the sentence, and whether a term was left out because it goes on about a place or a way
    ("no reason to live in the city")."""
    found: list[tuple[int, int, _Term]] = []
    dangled = False
    for anchor in present & engine.anchor_words:
        for position in _positions(words, anchor):
            for (at, n), table in engine.anchors[anchor].items():
                start = position - at
                term = table.get(tuple(words[start : start + n])) if start >= 0 else None
                if term is None:
                    continue
                if _dangling(words, start + n, term):
                    dangled = True
                else:
                    found.append((start, start + n, term))
    if not found:
        return [], dangled
    spans = [m.span() for m in _WORD.finditer(sentence)]
    return [(spans[a][0], spans[b - 1][1], term.categories, term.guard) for a, b, term in found], dangled


def _inflected_hits(sentence: str, present: set[str], rules: list[forms.FormRule]) -> list[_Hit]:
    """Each pattern is tried where a word it can start with stands."""
    hits = []
    for rule in rules:
        for word in rule.first & present:
            for start in _word_starts(sentence, word):
                found = rule.regex.match(sentence, start)
                if found:
                    hits.append((found.start(), found.end(), rule.categories, rule.guard))
    return hits


def _word_starts(sentence: str, word: str) -> list[int]:
    starts, n, i = [], len(word), sentence.find(word)
    while i != -1:
        before = sentence[i - 1] if i else " "
        after = sentence[i + n] if i + n < len(sentence) else " "
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            starts.append(i)
        i = sentence.find(word, i + 1)
    return starts


def _positions(words: list[str], word: str) -> list[int]:
    positions = []
    i = words.index(word)
    while True:
        positions.append(i)
        try:
            i = words.index(word, i + 1)
        except ValueError:
            return positions


def _dangling(words: list[str], after: int, term: _Term) -> bool:
    """"no reason to live in the city": a lexicon term about living that goes on about a place or a way."""
    return term.words[-1] in ("live", "living", "lives", "lived", "on", "here") and after < len(words) and (
        words[after] in _PLACE_AFTER_LIFE)


def _clause(before: str) -> list[str]:
    """The words of the clause that runs up to a match: after the last punctuation or linking word."""
    words = _PUNCTUATION.split(before[-200:])[-1].split()
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _CLAUSE_WORDS:
            return words[i + 1 :]
    return words


def _negated(clause: list[str]) -> bool:
    """A negation among the six words before the match ("I would never ...", "not going to do anything to ...");
    "can not" is not one."""
    start = max(0, len(clause) - 6)
    for i in range(start, len(clause)):
        if clause[i] in _NEGATORS and not (clause[i] == "not" and i > 0 and clause[i - 1] in ("can", "could")):
            return True
    return False


def _inside_question(before: str, after: str) -> bool:
    """"My therapist asked if I ever think of hurting myself" reports a question, not a thought."""
    questions = list(_ASKED.finditer(before))
    if not questions or _QUESTION_END.search(before[questions[-1].end() :]):
        return False
    return not _ANSWER_YES.search(after)


# Words a diary-style sentence may open with before its verb ("Honestly, been cutting again").
_OPENERS = frozenset("honestly so just still again really and but ok okay well ugh tbh literally lately sometimes then "
                     "yeah yes now".split())
_DIARY_VERBS = frozenset("been cut took want feel keep kept can could would will tried going started relapsed thinking "
                         "wish hope hoping need bought wrote gave nearly almost had have did do drove went sat stood "
                         "made told put left found spent came ran rode lay sent slept woke felt thought held hid broke "
                         "saw heard met paid sold caught got".split())


def _speaks_first(words: list[str], present: set[str]) -> bool:
    """The sentence speaks of "I/me/my", or leaves the "I" out as diaries do ("Relapsed last night.")."""
    if not present.isdisjoint(_FIRST_PERSON_WORDS):
        return True
    first = next((w for w in words if w not in _OPENERS), "")
    return first in _DIARY_VERBS or (len(first) > 4 and first.endswith(("ed", "ing")) and first not in _NOT_VERBS)


_NOT_VERBS = frozenset("nothing something everything anything thing morning evening ceiling during bed red".split())


# Why a filter set a match aside. The first four say the sentence itself is everyday (a negation, the past, a reported
# question, a story or the news): the model is not listened to on such a sentence either (see _VETO).
NEGATED, USED_TO, ASKED, FRAMED, NOT_FIRST_PERSON, NOT_OPENING, NO_DOER = (
    "negated", "used to", "asked", "framed", "not first person", "not opening", "no doer")


def _set_aside(sentence: str, present: set[str], hit: _Hit, words: list[str]) -> str | None:
    """The shared filters: "used to", reported questions, negation, first person or a frame, a named doer. None when
    the match stands, else why it was set aside."""
    start, end, categories, guard = hit
    before = sentence[:start]
    clause = _clause(before)
    if _HARM not in categories and "used" in clause and "used to" in " ".join(clause):
        return USED_TO
    if "ask" in before and _inside_question(before, sentence[end:]):
        return ASKED
    if not guard & NO_NEGATION and _negated(clause):
        return NEGATED
    if guard & (FIRST_PERSON | NO_FRAME) and not present.isdisjoint(_FRAME_WORDS):
        return FRAMED
    if guard & FIRST_PERSON and not _speaks_first(words, present):
        return NOT_FIRST_PERSON
    if guard & OPENS and not _OPENERS.issuperset(_WORD.findall(before)):
        return NOT_OPENING
    # The doer may be named well before the act, across an "and" ("My ex keeps turning up and threatening me").
    if guard & AGENT and AGENT_WORDS.isdisjoint(_WORD.findall(before)[-12:]):
        return NO_DOER
    return None


def _passes(sentence: str, present: set[str], hit: _Hit, words: list[str]) -> bool:
    return _set_aside(sentence, present, hit, words) is None


def _blank(m: re.Match[str]) -> str:
    return "," + " " * (len(m.group()) - 1)


# Words no interface may quote back to a person, whatever the check found: dying, self-harm, means, being harmed.
_CRISIS_STEMS = (
    "die dead death suicide suicidal kill overdose pill tablet med medication rope noose hang cut blade razor jump "
    "bridge gun burden disappear end goodbye farewell wake harm hurt self blood bleed wrist poison knife choke "
    "strangle abuse hit beat rape assault molest threaten stab shoot drown alive live funeral grave weapon bruise "
    "burn scar ledge cliff roof train exhaust charcoal monoxide noose lethal fatal note letter"
).split()


@lru_cache(maxsize=1)
def _crisis_words() -> frozenset[str]:
    return frozenset(form for stem in _CRISIS_STEMS for form in forms.inflections(stem)) | _METHOD_WORDS


def is_crisis_word(word: str) -> bool:
    """A word about dying, self-harm, a means or being harmed: never quoted back, even when the check finds nothing
    (a negated or idiomatic use)."""
    return normalise(word).strip() in _crisis_words()


def _joined(parts: dict[str, list[int]]) -> set[str]:
    """The signals two halves make when both were found within PART_WINDOW sentences of each other."""
    joined: set[str] = set()
    for first, second, categories in PART_PAIRS:
        if any(abs(i - j) <= PART_WINDOW for i in parts.get(first, ()) for j in parts.get(second, ())):
            joined.update(categories)
    return joined


def harmed_by_other(text: str) -> bool:
    """Does `text` tell of being hurt, threatened, followed, watched or controlled by someone, or of fear of what a
    named person will do? The crisis check's own `harmed_by_other` (rules and model together), for callers that need
    only this."""
    return check(text).harmed_by_other


@dataclass(frozen=True)
class _Sentence:
    text: str  # normalised, contractions without apostrophes spelled out, fillers dropped, known idioms blanked
    words: list[str]
    present: set[str]
    may_match: bool  # holds a word some rule or lexicon term starts from (the rules skip the others)


def _sentences(text: str) -> list[_Sentence]:
    """Every sentence of `text`, prepared once for both the rules and the model (their numbers count for PART_WINDOW)."""
    engine = _engine()
    prepared = []
    for sentence in _SENTENCE.findall(normalise(text)):
        words = _WORD.findall(sentence)
        present = set(words)
        may_match = not present.isdisjoint(engine.any_word)
        tidied = sentence
        if not _TIDY_WORDS.isdisjoint(present):
            tidied = _tidy_sentence(sentence, present)
        if not engine.idiom_words.isdisjoint(present):
            for i in sorted(_selected(engine.idiom_index, engine.idiom_words, present)):
                tidied = engine.idioms[i].sub(_blank, tidied)
        if tidied != sentence:
            sentence, words = tidied, _WORD.findall(tidied)
            present = set(words)
        prepared.append(_Sentence(sentence, words, present, may_match))
    return prepared


def prepared_sentences(text: str) -> list[str]:
    """The sentences of `text` as the crisis model reads them (and is trained on them)."""
    return [s.text for s in _sentences(text)]


# A sentence the rules read as everyday on purpose: a match set aside for one of these reasons, a pattern that matched
# but whose `unless` words say the sentence is about something plain ("a rope for the tyre swing"), or a lexicon term
# that goes on about a place ("no reason to live in the city"), and nothing else found there. The model does not read such a sentence: the rules' explicit knowledge of negation, idiom and frame wins.
_VETO = frozenset({NEGATED, USED_TO, ASKED, FRAMED})


@dataclass
class _RuleReading:
    found: set[str]
    everyday: set[int]  # sentences the rules read as everyday on purpose (_VETO)


def _rule_signals(sentences: list[_Sentence]) -> _RuleReading:
    """What the lexicon and the hand-written patterns find (layers 1 to 3), and where they explicitly found nothing."""
    engine = _engine()
    found: set[str] = set()
    contextual: set[str] = set()
    parts: dict[str, list[int]] = {}  # half a signal -> the sentences it was found in
    everyday: set[int] = set()
    for index, prepared in enumerate(sentences):
        if not prepared.may_match:
            continue
        sentence, words, present = prepared.text, prepared.words, prepared.present
        hits, plain = _lexicon_hits(sentence, words, present, engine)
        for i in _selected(engine.rule_index, engine.rule_words, present):
            rule = engine.rules[i]
            hits += [(m.start(), m.end(), rule.categories, rule.guard) for m in rule.regex.finditer(sentence)]
        selected = [engine.inflected[i] for i in _selected(engine.inflected_index, engine.inflected_words, present)]
        usable = [rule for rule in selected if not any(present.isdisjoint(need) for need in rule.needs)]
        ready = [rule for rule in usable if present.isdisjoint(rule.unless)]
        if ready:
            hits += _inflected_hits(sentence, present, ready)
        if len(ready) < len(usable) and not plain:
            plain = bool(_inflected_hits(sentence, present, [r for r in usable if r not in ready]))
        stood = False
        for hit in hits:
            if stood and not hit[3] & PART and hit[2] <= (contextual if hit[3] & CONTEXTUAL else found):
                continue  # a known signal needs no second look once something stands in this sentence
            reason = _set_aside(sentence, present, hit, words)
            plain = plain or reason in _VETO
            if reason is not None:
                continue
            stood = True
            if hit[3] & PART:
                for half in hit[2]:
                    parts.setdefault(half, []).append(index)
                continue
            (contextual if hit[3] & CONTEXTUAL else found).update(hit[2])
        if plain and not stood:
            everyday.add(index)
    if parts:
        found |= _joined(parts)
    if found - {_HARM}:
        found |= contextual | {PART_ALONE[half] for half in parts if half in PART_ALONE}
    return _RuleReading(found, everyday)


# ---- layer 4: the model ----------------------------------------------------------------------------------------
_MODEL_SAYS = {"self_directed": "ideation", "plan": "plan", "harm": _HARM}
_model_lock = threading.Lock()


def training_examples() -> list[tuple[str, str]]:
    """(text, label) for every line the model learns from: the crisis examples, then the thinking-trap examples as
    "harmed" where marked harmed, else as "none" unless the rules find crisis language in them (being a burden)."""
    thoughts = [(text, "harmed" if harmed else "none") for text, harmed in crisis_model.load_trap_thoughts()
                if harmed or not check_rules(text).detected]
    return crisis_model.load_examples() + thoughts


def model_input(text: str) -> str:
    """One training line as the model learns it: its prepared sentences, joined."""
    return " ".join(prepared_sentences(text))


@lru_cache(maxsize=1)
def _trained_model() -> crisis_model.CrisisModel:
    examples = training_examples()
    return crisis_model.CrisisModel([model_input(text) for text, _ in examples], [label for _, label in examples])


def model() -> crisis_model.CrisisModel:
    """The model trained on rebond's own examples, once per process (concurrent first calls wait for one training)."""
    with _model_lock:
        return _trained_model()


def _model_signals(sentences: list[_Sentence], everyday: set[int]) -> set[str]:
    """What the model says about the sentences the rules did not explicitly read as everyday (_VETO). A left-out
    sentence leaves a gap, so its neighbours are not read as a pair across it."""
    reading = model().read(["" if i in everyday else s.text for i, s in enumerate(sentences)])
    return {_MODEL_SAYS[said] for said in reading.says()}


def _result(found: set[str]) -> CrisisResult:
    if not found:
        return NOTHING_FOUND
    return CrisisResult(
        detected=True,
        level=LEVEL_PLAN_OR_MEANS if found & _URGENT else LEVEL_CONCERN,
        categories=frozenset(found),
        harmed_by_other=_HARM in found,
    )


def check(text: str) -> CrisisResult:
    """Look for crisis language in `text`: the rules, or the model when it is sure enough. Never raises on any string;
    never reports which words matched."""
    if not isinstance(text, str) or not text.strip():
        return NOTHING_FOUND
    sentences = _sentences(text)
    rules = _rule_signals(sentences)
    return _result(rules.found | _model_signals(sentences, rules.everyday))


def check_rules(text: str) -> CrisisResult:
    """The rules alone (layers 1 to 3), for measuring what each part adds (bench/crisis_eval.py)."""
    if not isinstance(text, str) or not text.strip():
        return NOTHING_FOUND
    return _result(_rule_signals(_sentences(text)).found)


def check_model(text: str) -> CrisisResult:
    """The model alone (layer 4, with no veto from the rules), for measuring what each part adds."""
    if not isinstance(text, str) or not text.strip():
        return NOTHING_FOUND
    return _result(_model_signals(_sentences(text), set()))


@dataclass(frozen=True)
class ModelCrossValidation:
    """The model cross-validated on its own training examples (never on bench/data), with what the rules found on
    each line, and which lines are hard negatives (those written for it; the trap thoughts are everyday text)."""

    examples: list[tuple[str, str]]
    readings: crisis_model.CrossValidated
    rules: list[tuple[bool, bool, bool]]  # found, plan level, harm
    hard: list[bool]

    def thresholds(self, budget: float = crisis_model.FALSE_POSITIVE_BUDGET) -> crisis_model.Thresholds:
        return crisis_model.choose_thresholds(self.readings, self.rules, budget, self.hard)


def cross_validate_model(folds: int = 5) -> ModelCrossValidation:
    """5-fold cross-validation of the model on its training examples, as choose_thresholds needs it (a few seconds)."""
    examples = training_examples()
    written = len(crisis_model.load_examples())
    readings = crisis_model.cross_validate([model_input(t) for t, _ in examples], [label for _, label in examples],
                                           prepared_sentences, folds=folds)
    rules = [(r.detected, r.level == LEVEL_PLAN_OR_MEANS, r.harmed_by_other) for r in (check_rules(t) for t, _ in examples)]
    return ModelCrossValidation(examples, readings, rules, [i < written for i in range(len(examples))])
