"""Offline crisis-language check for free text (pure: no Django, no clock, no network).

`check(text)` says whether a text holds language about suicide, self-injury or being harmed by
someone else, how urgent it sounds, and which kinds of signal were found. It never returns the
words that matched: the interface must not echo them back to the person.

How it decides, in layers:
1. Terms from the clinician-validated Suicide Risk Lexicon v1.0 (package data, Apache-2.0, see its
   NOTICE). The prototypical terms count as they are; the fuller lists only count inside a sentence
   that speaks in the first person, and single words such as a means name count only beside another
   signal. Some full-list terms are left out because they are everyday idioms (`_LEFT_OUT`).
2. Hand-written patterns for indirect phrasing the lexicon misses (not waking up, being a burden,
   goodbye letters, giving things away, saving pills, "I know how I'd do it", being hit or threatened).
3. Filters: idioms are blanked before matching ("cut myself some slack", "killing time"),
   negation in the few words before a match cancels it ("I would never hurt myself") unless the
   pattern is itself a negated wish ("I don't want to wake up"), and "used to", "asked me if",
   fiction and news frames drop first-person-guarded matches.

Levels: "plan_or_means" when a plan, a means or a goodbye act is mentioned; "concern" for any other
signal; "none" otherwise. Being harmed by someone else sets `harmed_by_other` and `detected` (level
"concern" unless a plan or means is also there); the app routes it to domestic-violence help.
Recall comes first: a missed signal costs more than an extra calm page; see bench/crisis_eval.py.

The text is read sentence by sentence; a pattern only runs on sentences holding its trigger words,
which keeps a 500-word entry around a millisecond. English only: other languages never crash and
never match.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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

# Guards a match must pass. DIRECT: nothing beyond the shared filters.
DIRECT = 0
NO_NEGATION = 1  # the pattern is a negated wish itself ("I don't want to live"): negation can't cancel it
FIRST_PERSON = 2  # the sentence must speak of "I/me/my" and not be a fiction or news frame
CONTEXTUAL = 4  # counts only beside another self-risk signal in the same text
AGENT = 8  # being harmed: another person must be named as the doer in the sentence

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
    "hit by the train", "hit by a train", "killing myself", "I annoy", "I annoy others", "I'm annoying",
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
_IS_HOSTS = frozenset("it that what there here who he she life everything nothing everyone nobody someone".split())
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


def _pairs(firsts: str, seconds: str) -> tuple[str, ...]:
    """Triggers that need two words in the sentence: "want+not" runs a pattern only where both appear."""
    return tuple(f"{a}+{b}" for a in firsts.split() for b in seconds.split())


# ---- layer 3a: idioms, blanked out before any matching (only when one of their trigger words is there) ---
_IDIOMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("slack",), r"\bcut (?:myself|me|yourself) some slack\b"),
    (("foot",), r"\bsho(?:o)?t myself in the foot\b"),
    (("burn", "burned", "burnt", "burning"), r"\bburn(?:ed|t|ing)? (?:myself |me )?out\b"),
    (_pairs("kill kills killing killed", "time it for"), r"\bkill(?:s|ing|ed)? (?:time|it|for)\b"),
    (_pairs("kill killing killed", "myself"),
     r"\bkill(?:ing|ed)? myself (?=(?:at|with) (?:work|the gym|school|uni|college|training|my job)\b"
     r"|(?:to|trying to) (?:meet|get|hit|finish|make|keep|pay|please|impress)\b)"),
    (("die", "dies", "dying", "died"), r"\b(?:die|dies|dying|died)(?: of| from)? (?:embarrassment|shame|laughter|laughing|"
                               r"boredom|cringe|curiosity|happiness|joy|cuteness|jealousy|envy)\b"),
    (("dying",), r"\bdying (?:to|for)\b"),
    (("die", "diehard"), r"\bto die for\b|\bdie ?hard\b|\bdo or die\b"),
    (("rather",), r"\b(?:would|had) rather (?:die|be dead)\b"),
    (("dead",), r"\bdead (?:tired|serious|sure|end|wrong|right|quiet|on)\b|\bover my dead body\b|\bdrop dead\b"),
    (("death",), r"\b(?:bored|scared|worried|sick|tired|frightened|freezing|bore|scare|worry|loved|love)"
                 r"(?: me| him| her| them)? (?:half )?to death\b"),
    (("bridge",), r"\bif (?:everyone|everybody|all (?:of )?(?:your|my) friends|your friends|my friends) jumped off a bridge\b"),
    (("disappear", "disappearing", "vanish", "vanishing"),
     r"\b(?:disappear|vanish)(?:ing)? (?:into|from|for (?:a|the) (?:bit|while|weekend|day|week|few|couple|holiday|holidays|"
     r"evening|night|afternoon|hour|month))\b"),
    (("rope", "tether"), r"\bend of (?:my|the) (?:rope|tether)\b"),
    (("edge",), r"\bon the edge of (?:my|your|our|the) seat\b"),
    (("hit", "hits", "hitting"), r"\bhit(?:s|ting)? me up\b|\bhit(?:s)? me (?:that|how|hard that|like a)\b"),
    (("hit", "hits"),
     r"\bhit(?:s)? me with (?:a |an |the |some |this |that |his |her |their )?(?:really )?(?:good |hard |great |big )?"
               r"(?:question|questions|idea|news|truth|joke|comment|remark|fact|facts|bill|invoice|deadline|request|"
               r"surprise|compliment|line|quote|story|reality)\b"),
    (("hit", "hits"), r"\b(?:it|that|this|reality|the realisation|the realization|the truth|the news)(?: just| finally| suddenly|"
               r" really| has| had| kind of)* hit(?:s)? me\b"),
    (("push", "pushes", "pushed", "pushing"), r"\bpush(?:es|ed|ing)? me (?:to|into \w+ing|out of my comfort zone|forward)\b"),
    (("beat", "beats"), r"\bbeat(?:s)? me (?:at|in|to it|to the punch|by)\b"),
    (("grab", "grabs", "grabbed"), r"\bgrab(?:s|bed)? me (?:a|an|some|the|one)\b"),
    (("shot", "shoot"), r"\bsho(?:o)?t me (?:a|an|that|this|some)\b"),
    (("kick", "kicks", "kicked"), r"\bkick(?:ed|s)? me out\b"),
    (("knock", "knocks", "knocked"), r"\bknock(?:ed|s)? me (?:sideways|for six|off my feet)\b"),
    (_pairs("cut burn burned burnt hurt injured scratched stabbed", "accidentally nearly almost"),
     r"\b(?:accidentally|nearly|almost) (?:cut|burn(?:ed|t)?|hurt|injured|scratched|stabbed) myself\b"),
    (_pairs("cut cutting burn burned burnt burning hurt hurting injured injuring scratch scratched scratching stabbed hit",
            "myself"), r"\b(?:cut|cutting|burn(?:ed|t|ing)?|hurt|hurting|injur(?:ed|ing)|scratch(?:ed|ing)?|stabbed|hit) myself "
                  r"(?:while|when|on (?:the|a|my)|at (?:the|work)|chopping|cooking|shaving|slicing|opening|playing|skiing|"
                  r"running|lifting|climbing|training|by accident|accidentally|in the kitchen|with the (?:knife|oven|iron|"
                  r"kettle|pan))\b"),
    (_pairs("hurt hurting", "myself"), r"\bhurt(?:ing)? myself (?:by|emotionally|with (?:my )?(?:words|thoughts|expectations))\b"),
    (_pairs("kick hit slap", "could"), r"\bcould (?:kick|hit|slap) myself (?:for|when)\b"),
    (("kms",), r"\b\d+\s*kms\b"),
)

# ---- layer 2: hand-written patterns for indirect phrasing -------------------------------------------
_AGENT_WORDS = frozenset(
    "he she they someone somebody partner husband wife boyfriend girlfriend bf gf ex fiance fiancee spouse dad father "
    "mum mom mam mother stepdad stepfather stepmum stepmom stepmother parent parents brother sister son daughter uncle "
    "aunt cousin grandfather grandmother grandpa grandma boss coach teacher roommate flatmate housemate landlord man guy "
    "carer caregiver guardian".split()
)
_AGENTS = "|".join(sorted(_AGENT_WORDS, key=lambda w: (-len(w), w)))
_HARM_VERB_WORDS = tuple(
    "hit hits hitting punch punches punched punching slap slaps slapped slapping kick kicks kicked kicking chokes choked "
    "choking strangles strangled strangling shoves shoved shoving push pushes pushed pushing grab grabs grabbed grabbing "
    "beat beats beating bites threaten threatens threatened threatening attack attacks attacked attacking rapes raped "
    "molests molested assaults assaulted stalks stalked stalking strikes struck smack smacks smacked spat spits locks "
    "locked dragged drags stabbed stabs pinned pins threw throws".split()
)
_HARM_VERBS = (
    r"hits?|hitting|punch(?:es|ed|ing)?|slap(?:s|ped|ping)?|kick(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|"
    r"shov(?:es|ed|ing)|push(?:es|ed|ing)?|grab(?:s|bed|bing)?|beat(?:s|ing)?|bites|threaten(?:s|ed|ing)?|"
    r"attack(?:s|ed|ing)?|rap(?:es|ed)|molest(?:s|ed)|assault(?:s|ed)|stalk(?:s|ed|ing)|strikes|struck|smack(?:s|ed)?|"
    r"spat on|spits on|locks|locked|dragged|drags|stabbed|stabs|pinned|pins|(?:threw|throws) (?:\w+ ){0,2}at"
)
_PILL_WORDS = ("pills", "tablets", "meds", "medication", "medications", "medicine", "prescription", "prescriptions",
               "painkillers", "paracetamol", "antidepressants")
_PILLS = r"(?:pills|tablets|meds|medications?|medicine|prescriptions?|painkillers|sleeping pills|paracetamol|antidepressants)"
_MEANS_WORDS = ("gun", "guns", "rifle", "pistol", "firearm", "shotgun", "rope", "pills", "tablets", "blade", "blades", "razor",
                "razors", "knife", "knives")
_MEANS_NOUNS = r"(?:guns?|rifle|pistol|firearm|shotgun|rope|pills|tablets|blades?|razors?|knife|knives)"
# After "live", "be here", "go on"...: only where the sentence stops or keeps on about life itself.
_END = (
    r"(?=\s*(?:$|[^\w\s]|anymore\b|any more\b|any longer\b|now\b|today\b|tonight\b|like this\b|like that\b|at all\b|and\b|"
    r"but\b|so\b|because\b|if\b|either\b|another day\b|this life\b|for much longer\b|in this (?:world|body|pain)\b|"
    r"with (?:this|the|my|all) (?:pain|feeling|guilt|shame|thoughts|memories)\b))"
)
_LIFE = r"(?:live|be alive|be here|exist|go on|keep going|keep living|carry on|continue|be around|stay alive|do life)"
_GONE = (
    r"(?:was|were|am) (?:gone|dead|not here|not around|not alive|never born|out of the picture|out of the way)|"
    r"(?:disappeared|died|did not exist|never existed|had never been born|stopped existing|left for good|killed myself|"
    r"vanished|just disappeared)"
)

# categories, guard, trigger words (the regex only runs on sentences holding one), regex
_Rule = tuple[tuple[str, ...], int, tuple[str, ...], str]
_RULES: tuple[_Rule, ...] = (
    # ideation: negated wishes to live, wake up, exist
    (("ideation",), NO_NEGATION, _pairs("want wanted", "not never no"),
     rf"\b(?:not|never|no longer)\s+(?:really |even |actually |honestly |truly )?want(?:ed)?\s+to\s+(?:{_LIFE}{_END}|"
     r"exist\b|be alive\b|wake up\b(?! (?:early|late|at|before|so|too|that|the|him|her|them|you|my|your|his|their|our|"
     r"everyone|anyone|in time|on time|for|to|when|until|till)\b))"),
    (("ideation",), NO_NEGATION, _pairs("want", "sure certain think know"),
     rf"\b(?:not (?:sure|certain)|do not think|do not know if|do not know whether)(?: if| that| whether)? i (?:really |even "
     rf"|still )?want to (?:{_LIFE}|wake up){_END}"),
    (("ideation",), DIRECT, ("wake",),
     r"\b(?:hope|hoping|hoped|wish|wishing|wished|pray|praying|prayed)\b(?: that)? i(?: \w+){0,5}? (?:not|never) (?:to )?"
     r"wake up\b(?! (?:early|late|at|before|so|too|that early|this early|in time|on time)\b)"),
    (("ideation",), NO_NEGATION, ("wake", "waking", "woke"),
     r"\b(?:sleep|asleep) (?:and|&) (?:not|never|did not) (?:wake|woke)(?: up)?\b|\bstop waking up\b"),
    (("ideation",), NO_NEGATION, ("wake",),
     r"\bif i (?:did not|do not|never|would not|could not|were not to|was not to) (?:ever )?wake up\b(?! (?:on time|in time|"
     r"early|at|for|until|till|before|when|to)\b)"),
    (("ideation",), NO_NEGATION, ("wake",),
     r"\b(?:relief|better|easier|peaceful|fine|okay|ok|nice|kinder|best) (?:if i (?:did not|would not|could not|never)|"
     r"(?:to )?not (?:to )?|to never |never to )\s?wake up\b"),
    (("ideation",), DIRECT, ("woke", "wake", "waking"),
     r"\b(?:disappointed|upset|angry|sad|annoyed|gutted|hate|hated|sorry|furious|devastated)(?: that| when| to find| because)?"
     r" i (?:woke|wake|keep waking|still wake|am still waking|have woken) up\b(?! (?:late|early|at|with|to|in time|on time|"
     r"too|feeling)\b)"),
    (("ideation",), DIRECT, ("forever", "eternal", "endless"),
     r"\b(?:want|wanted|wish|wishing|hope|hoping|like|longing|long|need)(?: to| i could| i would| i can)?(?: just)? (?:go to )?"
     r"sleep forever\b|\b(?:eternal|endless) sleep\b"),
    (("ideation",), DIRECT, ("disappear", "vanish", "fade"),
     r"\b(?:want|wants|wanted|wish|wishing|hope|hoping|need|needed|long|longing)(?: to| i could| i would| i had| that i "
     r"could)?(?: just| simply)? (?:disappear|vanish|fade away)(?: \w+)? (?:for good|forever|for ever|permanently|"
     r"completely|and never come back|and not come back|off the face of the earth)\b"),
    (("ideation",), DIRECT, ("exist", "existing", "existed"),
     r"\b(?:stop|stopped|stopping) existing\b|\bcease(?:d)? to exist\b|\b(?:want|wish|wanted|rather|prefer|better) (?:to )?"
     r"(?:just )?not (?:to )?exist\b|\bif i (?:did not|had never|never) exist(?:ed)?\b"),
    (("ideation",), NO_NEGATION, _pairs("here around alive", "not"),
     rf"\b(?:want|wish|wanted|rather|prefer|better|easier|way out is|only option is|best option is)(?: to| if i| i could|"
     rf" i did)? (?:just )?not (?:to )?be (?:here|around|alive){_END}"),
    (("ideation",), DIRECT, ("tired", "sick", "exhausted", "weary"),
     r"\b(?:tired|sick|exhausted|weary) of (?:being alive|existing|being here|living|life|breathing|waking up)\b(?! (?:in|with|"
     r"at|on|off|paycheck|pay|like that|near|under|abroad|alone|together|here|there|out)\b)"),
    (("ideation",), NO_NEGATION, ("point",),
     r"\b(?:no|the|any)\s+point\s+(?:in\s+|of\s+|to\s+)?(?:going on|carrying on|living|being alive|staying alive|being here|"
     r"existing|continuing|keeping going|trying anymore|life|me being here)\b(?! (?:holiday|holidays|vacation|a|the|about|"
     r"strike|dates?|trips?|walks?|social|at|in|with|there|near|together|on)\b)"),
    (("ideation",), NO_NEGATION, ("reason", "reasons", "live+nothing"),
     r"\b(?:no|not (?:a|one|any)|nothing(?: left)?(?: for me)?|(?:can not|could not|do not|can never) (?:see|find|think of) "
     r"(?:a|any|one)) (?:single |good )?reasons? (?:left )?to (?:live|keep going|go on|"
     r"stay alive|carry on|keep living|be here|be alive|get up|exist)\b(?! (?:in|at|to|with|there|on|for|home|out|back)\b)"
     r"|\bnothing (?:left |else )?(?:for me )?(?:left )?to live for\b"),
    (("ideation",), DIRECT, ("dying", "death", "dead", "existing", "ending", "waking"),
     r"\b(?:dying|death|being dead|not being (?:here|around|alive)|not existing|not waking up|ending it|ending (?:it all|"
     r"things|my life))\b(?: \w+){0,2}? (?:seems|would be|feels|sounds|looks|is|would feel|might be)(?: \w+){0,2}? (?:easier|"
     r"better|a relief|peaceful|kinder|the (?:only|best|easiest) (?:way|option|answer|choice)|like (?:a relief|the answer|"
     r"the only way|peace|freedom))\b"),
    (("ideation",), FIRST_PERSON,
     ("dying", "death", "suicide", "killing", "ending", "existing", "waking", "taking+life", "disappearing", "being+not"),
     r"\b(?:think|thinking|thought|thoughts|fantasi[sz]e|fantasi[sz]ing|daydream|daydreaming|obsessing)\b(?: \w+){0,2}? "
     r"(?:about|of) (?:dying|my death|suicide|killing myself|ending (?:it(?: all)?|things|my life|myself|everything)|"
     r"not being (?:here|around|alive)|not existing|not waking up|taking my (?:own )?life|disappearing for good)\b"
     r"(?! (?:with|between|prevention|awareness|rates|statistics|hotline|line|risk)\b)"),
    (("ideation",), DIRECT, ("end", "ending"),
     r"\b(?:want|wanted|going|planning|plan|ready|decided|tempted|feel like|feeling like|felt like|need|needed|tried|try|"
     r"trying|urge|might|could just|should just|will just)\b(?: to)? (?:just )?(?:end|ending) (?:it all|it|things|everything|"
     r"my life|myself|this life|my suffering)\b(?! (?:with|between|on|for|here|there|early|at|before|after|off|by|and start|"
     r"properly|well|nicely|politely|kindly|up)\b)"),
    (("ideation",), DIRECT, _pairs("life", "end ending take taking"),
     r"\bend(?:ing)? my (?:own )?life\b|\btak(?:e|ing) my (?:own )?life\b(?! (?:back|in|"
                                             r"into|seriously|one|more|day|step|as|for granted|apart)\b)"),
    (("ideation",), NO_NEGATION, ("way+out",), r"\b(?:only|another|any other|no other) way out\b(?! (?:of|is through|through)\b)"),
    (("ideation",), FIRST_PERSON, ("suicidal",), r"\bsuicidal\b"),
    (("ideation",), FIRST_PERSON, ("die", "dead"), r"\bwant(?:ed|ing|s)? to (?:just )?(?:die|be dead)\b"),
    (("ideation",), NO_NEGATION, ("mind", "care"),
     r"\b(?:would not|do not|would not even|will not) (?:mind|care) (?:if|whether) (?:a |the )?(?:bus|car|truck|lorry|train|"
     r"something|someone|it all|i) (?:\w+ ){0,2}?(?:hit|hits|ran over|run over|killed|kills|ended|ends|died|die|did not wake up|"
     r"never woke up|was gone|were gone|live or die|lived or died|disappeared|got hit|get hit|got run over)\b"),
    (("ideation",), DIRECT, _pairs("hope hoping wish wishing pray praying", "hit hits run ran killed kills"),
     r"\b(?:hope|hoping|wish|wishing|pray|praying)(?: that)? (?:a|the|some) (?:bus|car|truck|lorry|train) (?:hits|hit|runs "
     r"over|ran over|kills) me\b|\b(?:hope|hoping|wish|wishing)(?: that)? i (?:get|got|getting) (?:hit|run over|killed)\b"),
    (("ideation",), DIRECT, ("end", "over"),
     r"\bwant (?:it all|everything|life) to (?:end|be over)\b(?! (?:soon|quickly|so|now|already)\b)"),
    (("ideation",), DIRECT, _pairs("go keep carry live do", "can"),
     rf"\bcan not (?:go on|keep going|carry on|keep living|do life|live like this|keep doing this){_END}"),
    (("ideation",), NO_NEGATION, _pairs("alive born", "should deserve meant"),
     r"\b(?:should not|should never|do not deserve to|was never meant to|was not meant to) (?:be|have been) (?:alive|born)\b"),
    (("ideation", "means"), FIRST_PERSON, _pairs("jump jumping jumped step stepping throw throwing", "off from front"),
     r"\b(?:jump|jumping|jumped) (?:off|from) (?:a|the|that|this|my) (?:bridge|building|roof|cliff|balcony|tower|car park|"
     r"multi-storey|window|ledge)\b|\b(?:jump|jumping|jumped|step|stepping|stepped|throw myself|throwing myself) in front of "
     r"(?:a|the) (?:train|bus|car|truck|lorry|tube)\b"),
    (("ideation",), NO_NEGATION, ("worth",), r"\bnot worth (?:living|staying alive|being alive|going on)\b"
                                             r"|\blife (?:is|feels) (?:not|no longer) worth (?:it|anything)\b"),
    (("ideation",), FIRST_PERSON, ("done",), r"\bdone with (?:life|living|being alive|existing|this world)\b"),
    (("ideation",), DIRECT, ("dead", "alive"),
     r"\b(?:better|easier|quieter|simpler|calmer|fine|okay|ok)(?: \w+){0,3}? if i (?:was|were) (?:not alive|dead)\b"),
    (("unsafe",), NO_NEGATION, ("safe",),
     r"\bi (?:am not|do not feel|am not feeling|no longer feel) safe\b(?! (?:at|around|with|in|from|walking|driving|on|near|"
     r"going|because|there|here|to)\b)|\bnot (?:feel )?safe (?:with|from|around) myself\b"),
    # burden
    (("burden",), DIRECT, _pairs("better happier easier fine relieved lighter free freer quieter calmer simpler safer", "me i"),
     rf"\b(?:better|happier|easier|fine|relieved|lighter|free|freer|quieter|calmer|simpler|safer)(?: off)?(?: all)? (?:without"
     rf" me|with me gone|with me out of the way|if i (?:{_GONE})|(?:once|when|after) i am gone\b(?! (?:next|this|for|on|to|"
     rf"tomorrow|tonight|until|till|over|at)\b))\b"),
    (("burden",), DIRECT, ("burden", "burdens"),
     r"\b(?:i am|i feel like|i feel|i have become|i became|i have always been|i will always be|i am always|being|i am only)"
     r"(?: just| such| only| nothing but| a| an| the| total| huge| massive| constant| big)* burdens?\b"),
    (("burden",), DIRECT, ("waste", "weight"),
     r"\b(?:i am|i feel like|i feel)(?: just| such| only| nothing but| a| an| total| complete)* (?:waste of (?:space|oxygen|"
     r"air|skin|a life)|dead weight)\b"),
    (("burden",), DIRECT, ("miss",), r"\b(?:no one|nobody|no-one)(?: at all| really| even)? (?:would|will|is going to)"
                                        r"(?: even| ever| really| actually)? miss me\b"),
    (("burden",), DIRECT, ("notice", "care", "mind", "cry", "miss"),
     rf"\b(?:no one|nobody|no-one)(?: at all| really| even)? (?:would|will|is going to)(?: even| ever| really| actually)? "
     rf"(?:notice|care|mind|cry|miss it)(?: at all)? (?:if|when|once|after) i (?:{_GONE}|am gone)\b"),
    # plan and means (wording only as specific as needed to recognise them)
    (("means",), DIRECT, _PILL_WORDS,
     rf"\b(?:sav(?:e|ed|ing)|stockpil(?:e|ed|ing)|hoard(?:ed|ing)?|collect(?:ed|ing)?|keep(?:ing)? back|kept back|"
     rf"stash(?:ed|ing)?|set(?:ting)? aside|put(?:ting)? aside|hid(?:den|ing)?|hide|squirrel(?:l?ed|l?ing)? away|"
     rf"build(?:ing)? up|built up|keep counting|kept counting)\b(?: up)?(?: (?!money\b|time\b|cash\b|for\b)\w+){{0,3}}? "
     rf"{_PILLS}\b|\bstash of (?:\w+ )?{_PILLS}\b"),
    (("means",), DIRECT, _pairs("enough", " ".join(_PILL_WORDS)),
     rf"\benough {_PILLS}(?: \w+)? (?:saved|stored|stashed|hidden|put away|now|to do it|to end it|to not wake up|"
     rf"to never wake up|to die|to kill me)\b"),
    (("plan",), DIRECT, ("many", "much"),
     rf"\b(?:looked up|look up|looking up|googled|googling|searched|searching|researched|researching|checked|checking|worked "
     rf"out|working out|figured out|calculated|read about|reading about)\b(?: online| on my phone| again)? how (?:many|much)"
     rf"(?: (?:{_PILLS}|of them|of it) (?:it (?:would|will|might) take|would it take|i (?:would|will|might) need|i need|is "
     rf"(?:enough|too much|lethal|fatal)|it takes|to take)| (?:it (?:would|will|might) take|would it take|it takes|is "
     rf"(?:enough|lethal|fatal))(?=\s*(?:$|[^\w\s]|to (?:die|end|not wake|kill|do it)\b|and\b|but\b)))"),
    (("means",), DIRECT, _pairs("which", "know found picked chosen chose"),
     r"\bi (?:know|have found|found|have picked|picked|have chosen|chose) (?:exactly )?which (?:bridge|building|cliff|car park|"
     r"tower|train|tracks|spot|place|roof|ledge|balcony|tree)\b(?! (?:to|we|you|for|is|has|was)\b)"),
    (("means",), CONTEXTUAL, _pairs("right perfect", "found picked chosen"),
     r"\b(?:found|picked|chosen) (?:the|a) (?:right|perfect) (?:bridge|building|cliff|spot|place|tree|roof)\b"),
    (("means",), FIRST_PERSON, ("edge", "ledge", "railing", "railings", "rail", "parapet"),
     r"\b(?:stood|standing|stand|sat|sitting|climbed|climbing|leaning|leant|leaned|walked|walking|went up to|was at|was on)"
     r"(?: \w+){0,3}? (?:at|on|over|near|to|up to) the (?:edge|ledge|railing|railings|rail|parapet)\b(?! of\b)"),
    (("means",), CONTEXTUAL, ("edge", "ledge", "top+of", "back+keep"),
     r"\b(?:edge|ledge) of (?:the|a) (?:roof|bridge|building|cliff|car park|balcony|tower|platform)\b|\b(?:went|go|going|been "
     r"going|drove|walked|climbed) (?:up )?to the top of (?:the|a) (?:car park|multi-storey|building|tower|parking garage|"
     r"bridge|cliff)\b|\bkeep going back to (?:a|the|that) (?:spot|place|bridge)\b"),
    (("means",), DIRECT, ("high+enough",), r"\b(?:know|sure|checked) (?:that )?(?:it is|it was|it would be|it will be|this is|"
                                           r"the \w+ is) (?:definitely )?high enough\b"),
    (("means",), FIRST_PERSON, _MEANS_WORDS,
     rf"\b{_MEANS_NOUNS}\b[^.!?;]{{0,60}}?\bi (?:keep|can not stop|could not stop|have been) (?:thinking|looking|staring)\b"
     rf"|\bi (?:keep|can not stop|could not stop|have been) (?:thinking|looking|staring) (?:about|at) (?:the|my|his|her|"
     rf"their|\w+ is) {_MEANS_NOUNS}\b|\bknow where (?:he|she|they|my \w+) keeps? (?:the|his|her|their) {_MEANS_NOUNS}\b"),
    (("means",), CONTEXTUAL, ("access",), rf"\b(?:have|got|has) access to (?:a|his|her|my \w+ is|the) {_MEANS_NOUNS}\b"),
    (("means",), DIRECT, _pairs(" ".join(_PILL_WORDS), "all whole every"),
     rf"\b(?:take|taking|took|swallow|swallowing|swallowed) (?:all|every one|the whole (?:bottle|box|packet|lot)) (?:of )?"
     rf"(?:my |the |those |these )?{_PILLS}\b"),
    (("means",), DIRECT, ("overdose", "od"),
     r"\b(?:want|wanted|going|plan|planning|thinking about|think about|tempted|try|tried|trying) (?:to )?(?:overdose|od)\b"),
    (("plan",), DIRECT, ("do+it",),
     r"\b(?:know|decided|figured out|worked out|planned|planned out|thought through|picked|chosen)\b(?: exactly)? (?:how|where|"
     r"when) i (?:would|will|am going to|could|should|want to|might) (?:go to )?do it\b"),
    (("plan",), DIRECT, ("picked", "chosen", "set", "decided", "settled", "marked"),
     r"\b(?:picked|chosen|set|decided on|settled on|marked)\b (?:a|the) (?:day|date|time|night|weekend)\b(?: when| that)? "
     r"(?:i am going to|i will|i would|to) (?:do it|go through with it|end it|end things|go)\b"),
    (("plan",), DIRECT, ("decided",),
     r"\bi have decided (?:it is|it will be|it is going to be|it would be) (?:this weekend|tonight|tomorrow|this week|next week|"
     r"(?:on |this |next )(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s*(?=[^\w\s]|$)"),
    (("plan",), DIRECT, ("plan",),
     r"\bi have (?:a|made a|got a|come up with a) plan\b(?=\s*(?:and i know (?:when|how|where)|to (?:end|die|kill|do it|not "
     r"wake)|for (?:how|when|where) i))|\bmy plan is to (?:end|die|kill|not wake|disappear)\b"),
    (("plan",), CONTEXTUAL, ("plan+have", "tonight+night", "tomorrow+day"),
     r"\bi have (?:a|made a|got a) plan\s*(?=[^\w\s]|$)|\b(?:tonight|tomorrow) is the (?:night|day)\b"),
    (("plan", "means"), DIRECT, _pairs("need needed", "end die kill wake"),
     r"\b(?:bought|got|have|ordered|collected|gathered|have got|picked up) (?:everything|what|all|the things|the stuff) i "
     r"(?:need|needed|will need)(?: \w+)? to (?:end it|end things|end my life|die|kill myself|not wake up)\b"),
    (("plan",), CONTEXTUAL, _pairs("need needed", "do"),
     r"\b(?:bought|got|have got) (?:everything|what) i (?:need|needed) to do it\b"),
    (("plan",), DIRECT, ("painless", "peaceful", "surest", "quick", "quickest", "easy", "easiest", "gentle", "best", "fastest"),
     r"\b(?:painless|peaceful|surest) (?:ways?|methods?|means) (?:to (?:go|die|end (?:it|things|my life)|kill myself|not wake "
     r"up|do it)|out)\b|\b(?:quick|quickest|easy|easiest|gentle|best|fastest) (?:ways?|methods?) to (?:die|end (?:it|things|my"
     r" life)|kill myself|not wake up)\b"),
    (("plan",), FIRST_PERSON, ("ways", "how", "methods"),
     r"\b(?:research|researching|researched|looking up|looked up|searching|searched|googling|googled|reading up on|read up "
     r"on)\b(?: for| online for| about)? (?:ways|how|methods) to (?:die|end (?:it|my life|things)|kill myself|not wake up|"
     r"overdose|od)\b"),
    # goodbye acts
    (("goodbye",), FIRST_PERSON, ("goodbye", "farewell", "suicide", "final"),
     r"\b(?:wrote|written|writing|write|left|leaving|leave|recorded|recording|drafted|drafting|prepared)\b(?: \w+){0,2}? "
     r"(?:goodbye|farewell|suicide) (?:letters?|notes?|messages?|videos?|emails?|texts?)\b|\bfinal (?:letters|goodbyes)\b"),
    (("goodbye",), FIRST_PERSON, ("letter", "letters", "note", "notes"),
     r"\b(?:wrote|written|writing|left|leaving)\b (?:a |some |the )?(?:letters?|notes?) (?:to|for) [^.!?;]{0,50}?(?:so (?:they|"
     r"she|he|you|everyone) (?:know|knows|will know|understand|understands) (?:it is not|it was not|that it is not|i love|"
     r"i loved|how much i)|to find (?:afterwards|after|later)|afterwards|for after i|(?:for|after|when) i am gone|not (?:their|"
     r"your|his|her|anyone is) fault|just in case)\b"),
    (("goodbye",), DIRECT, ("giving", "give", "gave", "given"),
     r"\b(?:giving|give|gave|given) (?:away )?(?:all |most |some |a lot )?(?:of )?my (?:things|stuff|belongings|possessions|"
     r"valuables|prized possessions|favou?rite things)(?: away)?\b(?![^.!?]{0,40}\b(?:moving|move|moved|charity|declutter\w*|"
     r"downsiz\w*|donat\w*|clear(?:ing)? out|spring clean\w*|car boot|garage sale|yard sale|sell\w*|sold)\b)"),
    (("goodbye",), DIRECT, _pairs("home homes someone", "dog cat pet pets rabbit bird fish hamster plants"),
     r"\b(?:found|finding|find) (?:a )?(?:new |good |safe )?(?:home|homes|someone) (?:for|to (?:take|look after)) (?:my|the) "
     r"(?:dog|cat|pets?|rabbit|bird|fish|hamster|plants)\b[^.!?]{0,60}?\b(?:when i am gone|after i am gone|once i am gone|"
     r"for good|without me|if anything happens)"),
    (("goodbye",), FIRST_PERSON, _pairs("entry message post note words goodbye", "last final"),
     r"\b(?:this|that) (?:is|will be) (?:my|the) (?:last|final) (?:entry|message|post|note|words|goodbye)\b(?! (?:before|of|"
     r"for|until|till|this|in|on|from|here for|about|today|tonight)\b)"),
    (("goodbye",), DIRECT, ("goodbye", "goodbyes"),
     r"\bsaid (?:my|our) goodbyes?\b[^.!?]{0,60}?\b(?:did not|do not|never) know\b|\bsaid goodbye to (?:everyone|everybody|"
     r"my (?:family|kids|friends|mum|mom|dad))\b[^.!?]{0,60}?\b(?:did not|do not|never) know\b|\bgoodbye,? cruel world\b"),
    (("goodbye",), FIRST_PERSON, _pairs("things stuff belongings possessions money savings cat dog pets", "who"),
     r"\bwho (?:gets|will get|should get|can have|will have) (?:all )?(?:of )?my (?:things|stuff|belongings|possessions|"
     r"money|savings|cat|dog|pets)\b"),
    (("goodbye",), CONTEXTUAL, ("needing", "need", "gone"),
     r"\b(?:will not|would not) (?:be )?need(?:ing)? (?:them|it|any of (?:it|this|them)|my \w+)(?: anymore| where i am going)?"
     r"\s*(?=[^\w\s]|$)|\b(?:when|after|once) i am gone\b(?! (?:next|this|for|on|to|tomorrow|tonight|until|till|over|at)\b)"),
    # self-injury
    (("self_injury",), DIRECT, _pairs(
        "hurt hurting hurts harm harming harmed cut cutting cuts burn burning burned burnt hit hitting punch punching punched "
        "scratch scratching scratched stab stabbing stabbed bruise bruising bruised bite biting bit choke choking strangle "
        "strangling", "myself"),
     r"\b(?:hurt|hurting|hurts|harm|harming|harmed|cut|cutting|cuts|burn|burning|burned|burnt|hit|hitting|punch|punching|"
     r"punched|scratch|scratching|scratched|stab|stabbing|stabbed|bruise|bruising|bruised|bite|biting|bit|choke|choking|"
     r"strangle|strangling) myself\b"),
    (("self_injury",), FIRST_PERSON, ("self", "selfharm"),
     r"\bself[ -]?(?:harm|harming|harmed|injury|injuring|injured|injurious|mutilation|mutilate|mutilating)\b"),
    (("self_injury",), DIRECT, ("purpose", "deliberately", "intentionally", "punish", "deserve", "deserved", "cope")
     + _pairs("cut cutting burn burned burnt burning hit hitting scratch scratched scratching punch punched punching bruise "
              "bruised bang banged banging bit bite biting pinch pinched hurt hurting", "feel"),
     r"\b(?:cut|cutting|burn|burned|burnt|burning|hit|hitting|scratch|scratched|scratching|punch|punched|punching|bruise|"
     r"bruised|bang|banged|banging|bit|bite|biting|pinch|pinched|hurt|hurting) (?:myself|my (?:arms?|legs?|wrists?|skin|"
     r"hands?|thighs?|stomach|face|head|body|hips?|fingers?|ankles?|chest))\b[^.!?]{0,40}?\b(?:on purpose|deliberately|"
     r"intentionally|to feel (?:something|anything|better|real|numb|nothing)|so i (?:would|could|can) feel|to punish myself|"
     r"because i deserved? it|to cope)\b"),
    (("self_injury",), DIRECT, _pairs("bled bleed bleeds bleeding bruised broke blood", "until"),
     r"\b(?:scratch\w*|cut|cutting|cuts|punch\w*|hit|hitting|bit|bite|biting|bang\w*|pick\w*|dig\w*|dug|clawed|clawing)\b"
     r"[^.!?;]{0,40}?\buntil (?:it|i|they|my \w+|the skin|there was blood) (?:bled|bleeds|bleed|was bleeding|were bleeding|"
     r"bruised|broke|drew blood)\b"),
    (("self_injury",), DIRECT, _pairs("hurt", "want wanted need needed"),
     r"\bi (?:wanted|want|needed|need) (?:it|the pain|myself) to hurt\b"),
    (("self_injury",), DIRECT, ("urge", "urges", "craving", "cravings"),
     r"\b(?:urge|urges|craving|cravings) to (?:cut|self[ -]?harm|burn myself|harm myself)\b"),
    # being harmed by someone else: the doer is checked by the AGENT guard, in or just before the clause
    ((_HARM,), AGENT, _pairs(" ".join(_HARM_VERB_WORDS), "me"), rf"\b(?:{_HARM_VERBS})\s+me\b"),
    ((_HARM,), AGENT, _pairs("hurt kill harm hit beat strangle choke stab shoot burn break", "me my us kids children baby")
     + _pairs("take keep", "threaten threatens threatened threatening"),
     r"\b(?:threaten(?:s|ed|ing)?|tried|tries|trying|swore) to (?:hurt|kill|harm|hit|beat|strangle|choke|stab|shoot|burn|"
     r"break) (?:me|my|us|the kids|the children|the baby)\b|\b(?:will|would|is going to|was going to|going to) (?:hurt|harm|"
     r"hit|beat|strangle|choke|stab|shoot|burn) (?:me|my|us|the kids|the children|the baby)\b|\b(?:said|says|told me|swore) "
     r"(?:he|she|they) (?:would|will|is going to|was going to) kill me if i\b|\bthreaten(?:s|ed|ing)? to (?:take|keep) "
     r"(?:the|my|our) (?:kids|children|baby|son|daughter)\b"),
    ((_HARM,), DIRECT, ("scared", "afraid", "terrified", "frightened", "petrified"),
     rf"\b(?:scared|afraid|terrified|frightened|petrified)(?: to death)? of (?:him|her|them|my (?:{_AGENTS}))(?=\s*(?:$|"
     rf"[^\w\s'\u2019]|(?:when|because|and|but|so|now|sometimes|lately|again|too|anymore|at home|right now|these days|all the"
     rf" time|most days|if|every|after|whenever)\b))|\b(?:scared|afraid|terrified|frightened) (?:to go|of going|to be|of "
     rf"being) (?:back )?(?:home|alone with (?:him|her|them))\b"),
    ((_HARM,), DIRECT, _pairs("what", "he she they"),
     r"\b(?:scared|afraid|terrified|frightened) (?:of )?what (?:he|she|they) (?:will|would|might|could|may|is going to) do\b"
     r"|\bwhat (?:he|she|they) (?:will|would|might|could|may|is going to) do (?:to me|if i (?:leave|left|tell|told|go|went|say|"
     r"said))\b"),
    ((_HARM,), AGENT, ("let+me", "takes+my", "took+my", "hides+my", "hid+my", "controls+money"),
     r"\b(?:will not|does not|would not|never) let me (?:leave|go out|go anywhere|see (?:my|anyone)|talk to|have (?:my own|"
     r"any)|out of (?:the house|his sight|her sight))\b|\b(?:takes|took|hides|hid) my (?:phone|keys|car keys|bank card|cards|"
     r"passport|documents) (?:away|from me|so i (?:can not|could not))\b|\bcontrols (?:all )?(?:of )?(?:my|the) money\b"),
    ((_HARM,), FIRST_PERSON, ("raped", "assaulted", "molested", "beaten", "strangled", "abused"),
     r"\bi (?:was|have been|got|am being|had been) (?:\w+ )?(?:raped|sexually assaulted|molested|beaten up|strangled|abused)\b"),
    ((_HARM,), DIRECT, ("safe",),
     r"\bi (?:am not|do not feel|no longer feel) safe (?:at home|around (?:him|her|them|my \w+)|with (?:him|her|them|my \w+)|"
     r"in my (?:own )?(?:home|house|flat|apartment))\b"),
)

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
    anchors: dict[str, tuple[tuple[_Term, int], ...]]  # lexicon terms by their rarest word, with its place in the term
    anchor_words: frozenset[str]
    rules: tuple[_CompiledRule, ...]
    rule_index: dict[str, tuple[tuple[int, frozenset[str]], ...]]
    rule_words: frozenset[str]
    idioms: tuple[re.Pattern[str], ...]
    idiom_index: dict[str, tuple[tuple[int, frozenset[str]], ...]]
    idiom_words: frozenset[str]
    any_word: frozenset[str]  # a sentence holding none of these can't match anything


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
    anchors: dict[str, list[tuple[_Term, int]]] = {}
    for words, cats, guard in lexicon_terms():
        at = _anchor(words)
        anchors.setdefault(words[at], []).append((_Term(words, cats, guard), at))
    rules = tuple(_CompiledRule(frozenset(c), g, re.compile(p, re.MULTILINE)) for c, g, _, p in _RULES)
    rule_index = _index([triggers for _, _, triggers, _ in _RULES])
    idiom_index = _index([triggers for triggers, _ in _IDIOMS])
    return _Engine(
        anchors={word: tuple(terms) for word, terms in anchors.items()},
        anchor_words=frozenset(anchors),
        rules=rules,
        rule_index=rule_index,
        rule_words=frozenset(rule_index),
        idioms=tuple(re.compile(pattern) for _, pattern in _IDIOMS),
        idiom_index=idiom_index,
        idiom_words=frozenset(idiom_index),
        any_word=frozenset(anchors) | frozenset(rule_index) | frozenset(idiom_index) | _SLANG_SET,
    )


def _lexicon_hits(sentence: str, words: list[str], present: set[str], engine: _Engine) -> list[_Hit]:
    found: list[tuple[int, int, _Term]] = []
    for anchor in present & engine.anchor_words:
        for position in _positions(words, anchor):
            for term, at in engine.anchors[anchor]:
                start, n = position - at, len(term.words)
                if start >= 0 and tuple(words[start : start + n]) == term.words and not _dangling(words, start + n, term):
                    found.append((start, start + n, term))
    if not found:
        return []
    spans = [m.span() for m in _WORD.finditer(sentence)]
    return [(spans[a][0], spans[b - 1][1], term.categories, term.guard) for a, b, term in found]


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
    return term.words[-1] in ("live", "living", "on", "here") and after < len(words) and words[after] in _PLACE_AFTER_LIFE


def _clause(before: str) -> list[str]:
    """The words of the clause that runs up to a match: after the last punctuation or linking word."""
    words = _PUNCTUATION.split(before[-200:])[-1].split()
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _CLAUSE_WORDS:
            return words[i + 1 :]
    return words


def _negated(clause: list[str]) -> bool:
    """A negation among the four words before the match ("I would never ..."); "can not" is not one."""
    start = max(0, len(clause) - 4)
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


def _passes(sentence: str, present: set[str], hit: _Hit) -> bool:
    """The shared filters: "used to", reported questions, negation, first person, a named doer."""
    start, end, categories, guard = hit
    before = sentence[:start]
    clause = _clause(before)
    if _HARM not in categories and "used" in clause and "used to" in " ".join(clause):
        return False
    if "ask" in before and _inside_question(before, sentence[end:]):
        return False
    if not guard & NO_NEGATION and _negated(clause):
        return False
    if guard & FIRST_PERSON and (present.isdisjoint(_FIRST_PERSON_WORDS) or not present.isdisjoint(_FRAME_WORDS)):
        return False
    return not (guard & AGENT and _AGENT_WORDS.isdisjoint(_WORD.findall(before)[-(len(clause) + 3) :]))


def _blank(m: re.Match[str]) -> str:
    return "," + " " * (len(m.group()) - 1)


def check(text: str) -> CrisisResult:
    """Look for crisis language in `text`. Never raises on any string; never reports which words matched."""
    if not isinstance(text, str) or not text.strip():
        return NOTHING_FOUND
    engine = _engine()
    found: set[str] = set()
    contextual: set[str] = set()
    for sentence in _SENTENCE.findall(normalise(text)):
        words = _WORD.findall(sentence)
        present = set(words)
        if present.isdisjoint(engine.any_word):
            continue
        tidied = sentence
        if not _TIDY_WORDS.isdisjoint(present):
            tidied = _tidy_sentence(sentence, present)
        if not engine.idiom_words.isdisjoint(present):
            for i in sorted(_selected(engine.idiom_index, engine.idiom_words, present)):
                tidied = engine.idioms[i].sub(_blank, tidied)
        if tidied != sentence:
            sentence, words = tidied, _WORD.findall(tidied)
            present = set(words)
        hits = _lexicon_hits(sentence, words, present, engine)
        for i in _selected(engine.rule_index, engine.rule_words, present):
            rule = engine.rules[i]
            hits += [(m.start(), m.end(), rule.categories, rule.guard) for m in rule.regex.finditer(sentence)]
        for hit in hits:
            if _passes(sentence, present, hit):
                (contextual if hit[3] & CONTEXTUAL else found).update(hit[2])
    if found - {_HARM}:
        found |= contextual
    if not found:
        return NOTHING_FOUND
    return CrisisResult(
        detected=True,
        level=LEVEL_PLAN_OR_MEANS if found & _URGENT else LEVEL_CONCERN,
        categories=frozenset(found),
        harmed_by_other=_HARM in found,
    )
