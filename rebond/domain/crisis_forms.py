"""Inflection-aware patterns for the crisis check (pure: no Django, no clock).

Patterns and lexicon terms are written once in plain forms and matched in every inflection: each word is expanded
into its forms when the check is compiled ("kill" -> kill, kills, killed, killing; "take" -> took, taken...;
"pill" -> pills), so "I killed myself", "killing myself" and "kill myself" are one pattern, and nothing is
stemmed while a text is read.

Patterns use a small language over words:
- `kill myself`          words in a row; `a|b|c` any one of them; a trailing `?` makes a token optional
- `@SET`                 any phrase of a named set below (`@SET?` optional)
- `...3`                 up to three other words, never across "not", "never", "no", "but" or a comma
- `~6`                   up to six words, across anything but the end of the sentence
- `$`                    the end of the sentence or a comma; `$$` the end of the sentence only
- `!a|@SET`, `!2:a|@SET` what follows is not that (`2:` looks up to two words further)
- `#many` 5 to 999 of something, `#few` 2 to 4: "I took 20 pills" is not "I took 2 pills for my headache",
  and a number before "mg" or "ml" is a dose, never an amount.
- `... unless a|@SET`    at the end: a sentence holding any form of one of these words (single words only) is
  left alone, wherever the word stands ("a gun safe ... for hunting").
A word already inflected, or a function word ("i", "my", "the"), matches only as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Any

from rebond.domain.crisis_patterns import (
    CONTEXTUAL,
    DIRECT,
    FIRST_PERSON,
    HARM_FORMS,
    HARM_SETS,
    NO_NEGATION,
    OPENS,
    PART,
)

NO_FRAME = 16  # the sentence must not be a fiction or news frame (it need not speak in the first person)

# ---- inflections ----------------------------------------------------------------------------------------
_IRREGULAR_FORMS = {
    "be": "am is are was were been being", "have": "has had having", "do": "does did done doing",
    "go": "goes went gone going", "get": "got gotten gets getting", "make": "made makes making",
    "take": "took taken takes taking", "cut": "cuts cutting", "hang": "hung hanged hangs hanging",
    "shoot": "shot shoots shooting", "slit": "slits slitting", "bleed": "bled bleeds bleeding",
    "feel": "felt feels feeling", "think": "thought thinks thinking", "write": "wrote written writes writing",
    "give": "gave given gives giving", "die": "died dies dying", "bite": "bit bitten bites biting",
    "beat": "beaten beats beating", "hit": "hits hitting", "run": "ran runs running",
    "throw": "threw thrown throws throwing", "stand": "stood stands standing", "sit": "sat sits sitting",
    "wake": "woke woken wakes waking", "sleep": "slept sleeps sleeping", "buy": "bought buys buying",
    "hide": "hid hidden hides hiding", "drive": "drove driven drives driving", "eat": "ate eaten eats eating",
    "fall": "fell fallen falls falling", "try": "tried tries trying", "leave": "left leaves leaving",
    "keep": "kept keeps keeping", "find": "found finds finding", "tell": "told tells telling",
    "say": "said says saying", "know": "knew known knows knowing", "knife": "knives", "life": "lives",
    "overdose": "od overdosed overdoses overdosing", "stop": "stops stopped stopping",
    "plan": "plans planned planning", "need": "needs needed needing", "see": "saw seen sees seeing",
    "break": "broke broken breaks breaking", "tear": "tore torn tears tearing", "spit": "spat spits spitting",
    "hold": "held holds holding", "steal": "stole stolen steals stealing", "strike": "struck strikes striking",
    "burn": "burnt burns burned burning", "control": "controls controlled controlling",
    "headbutt": "headbutts headbutted headbutting", "split": "splits splitting", "put": "puts putting",
    "let": "lets letting", "come": "came comes coming", "pay": "paid pays paying",
    "cancel": "cancels cancelled canceled cancelling canceling", "tie": "ties tied tying", "sell": "sold sells selling",
    "send": "sent sends sending", "spend": "spent spends spending", "draw": "drew drawn draws drawing",
    "swing": "swung swings swinging", "blackmail": "blackmails blackmailed blackmailing",
}
_FORMS_OF = {base: frozenset({base, *forms.split()}) for base, forms in _IRREGULAR_FORMS.items()}
_BASE_OF = {form: base for base, forms in _FORMS_OF.items() for form in forms}
_FIXED = frozenset(
    "i me my myself mine you your he she they him her them it its this that these those a an the to of in on at "
    "for with and or but so if not no never nor from by as than then there here all any some every each own "
    "how when where what why who which would could should will can may might must shall once soon later today "
    "tonight tomorrow again until till ever still just only also very really after before next last".split()
)
_VOWELS = frozenset("aeiou")


def _doubles(word: str) -> bool:
    """Short words that double their last letter: cut -> cutting, stab -> stabbed, plan -> planned."""
    return (len(word) in (3, 4) and word[-1] not in _VOWELS | set("wxy") and word[-2] in _VOWELS
            and word[-3] not in _VOWELS and not (len(word) == 4 and word[-3] in _VOWELS))


@lru_cache(maxsize=4096)
def inflections(word: str) -> frozenset[str]:
    """Every form of a plain word (a verb's tenses, a noun's plural); the word alone when it is fixed or not plain."""
    if word in _BASE_OF:
        return _FORMS_OF[_BASE_OF[word]]
    if word in _FIXED or not word.isalpha() or len(word) < 3:
        return frozenset({word})
    forms = {word}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif word.endswith("y") and word[-2] not in _VOWELS:
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ied", word + "ing"}
    elif _doubles(word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing", word + "ed", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
    return frozenset(forms)


def _plain(word: str) -> set[str]:
    """Plain forms a written word may come from ("cutting" -> cut, "hoping" -> hope), itself included."""
    if word in _BASE_OF:
        return {_BASE_OF[word]}
    found = {word}
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            found |= {stem, stem + "e"}
            if len(stem) > 3 and stem[-1] == stem[-2]:
                found.add(stem[:-1])
    if word.endswith("ies") and len(word) > 4:
        found.add(word[:-3] + "y")
    elif word.endswith("es") and len(word) > 4:
        found |= {word[:-2], word[:-1]}
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        found.add(word[:-1])
    return found


def variants(words: tuple[str, ...], limit: int = 256) -> set[tuple[str, ...]]:
    """A lexicon term in every inflection of its words ("cutting my wrists" -> "cut my wrist", ...)."""
    choices = []
    for word in words:
        options: set[str] = {word}
        if word not in _FIXED:
            for plain in _plain(word):
                if plain == word or word in inflections(plain):
                    options |= inflections(plain)
        choices.append(options)
    count = 1
    for options in choices:
        count *= len(options)
    if count > limit:
        return {words}
    return set(product(*(sorted(options) for options in choices)))


# ---- named sets (plain words; stemmed when compiled) -------------------------------------------------------
SETS: dict[str, tuple[str, ...]] = {
    "ACT": ("kill myself", "end my life", "end my own life", "take my life", "take my own life", "hang myself",
            "shoot myself", "overdose", "commit suicide", "end it all", "slit my wrists", "suicide"),
    "VAGUE_ACT": ("do it", "end it", "go through with it", "end things", "end everything"),
    "INTENT": ("am going to", "will", "am planning to", "plan to", "planned to", "have decided to", "decided to",
               "am about to", "am ready to", "intend to", "have got to", "am finally going to"),
    "DAY": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "TIME": ("tonight", "tomorrow", "today", "weekend", "midnight", "soon", "after", "before", "when", "once",
             "on", "at", "by", "this", "next", "later", "birthday", "christmas", "monday", "tuesday",
             "wednesday", "thursday", "friday", "saturday", "sunday"),
    "DAYWORD": ("tonight", "tomorrow", "today", "this weekend", "this week", "monday", "tuesday", "wednesday",
                "thursday", "friday", "saturday", "sunday", "next week", "my birthday", "the weekend"),
    "RESOLVE": ("decided", "made up my mind", "no going back", "ready", "sure now", "it is time", "it is settled",
                "i have chosen", "i have picked", "i have set"),
    "PLAN_VERB": ("plan", "worked out", "figured out", "decided", "sorted out", "thought through", "know"),
    "SPOT": ("spot", "place", "way", "time", "day", "date", "method", "bridge", "tree", "place", "night"),
    "SECRET": ("everyone", "everybody", "nobody", "no one", "they", "the house", "the kids", "my husband",
               "my wife", "my partner", "my parents", "my mum", "my mom", "my dad", "my flatmate", "my roommate"),
    "AWAY": ("out", "away", "asleep", "gone", "at work", "not home", "not in", "left", "leave", "on holiday", "at"),
    "PILL": ("pill", "tablet", "med", "medication", "medicine", "paracetamol", "painkiller", "antidepressant",
             "ibuprofen", "aspirin", "codeine", "prescription", "capsule", "sleeping pill", "sleeping tablet",
             "insulin", "lithium", "dose"),
    "AMOUNT": ("#many", "a handful", "handful", "handfuls", "a bottle", "the bottle", "a whole bottle",
               "the whole bottle", "a box", "the box", "a whole box", "a packet", "the packet", "a pack",
               "a whole pack", "the pack", "a strip", "a lot", "loads", "all", "every", "everything", "the rest",
               "the lot", "a bunch", "as many", "whatever", "a load", "a load of", "double", "triple", "twice",
               "three times", "ten times"),
    "SAVED": ("save", "stockpile", "hoard", "stash", "squirrel", "set aside", "put aside", "keep back", "hide"),
    "INGEST": ("take", "swallow", "down", "neck", "eat", "chug"),
    "ON_TREAT": tuple(f"on {treat}" for treat in (
        "chocolate", "sugar", "caffeine", "coffee", "candy", "sweets", "cake", "netflix", "tv", "telly",
              "carbs", "pizza", "junk", "love", "sunshine", "work", "cuteness", "potions", "potion", "nostalgia",
              "cheese", "crisps", "cookies", "biscuits")),
    "JUMP": ("jump", "leap", "throw myself", "step off"),
    "HIGH": ("bridge", "roof", "rooftop", "cliff", "balcony", "ledge", "car park", "multistorey", "multi storey",
             "parking garage", "tower block",
             "tower", "building", "window", "overpass", "flyover"),
    "SPLASH": ("river", "lake", "sea", "water", "pool", "canal", "ocean", "waves"),
    "MEANS_PLACE": ("train track", "the tracks", "railway", "train line", "rail line", "bridge", "cliff", "roof",
                    "car park", "ledge", "motorway", "gun", "rifle", "shotgun", "pistol", "rope", "noose", "pill",
                    "tablet", "blade", "razor", "knife"),
    "RUMINATE": ("keep thinking", "can not stop thinking", "could not stop thinking", "all i think about",
                 "all i can think about", "all i ever think about", "keep staring", "keep looking at",
                 "keep picturing", "obsessing", "is all i think about", "think about it all the time",
                 "think about it constantly", "think about it every day"),
    "DESIRE": ("think", "want", "tempt", "urge", "imagine", "picture", "wish", "plan", "going to", "could just",
               "wonder", "fantasise", "fantasize", "daydream", "close to"),
    "HIT_ME": ("hit me", "run me over", "run over me", "kill me", "knock me down", "knock me over"),
    "LETHAL": ("lethal", "fatal", "kill me", "be enough to die", "would it take", "it would take", "to die",
               "to not wake up", "an overdose"),
    "ARTICLE": ("a", "an", "the", "such", "such a", "nothing but a", "just a", "only a", "a total", "a huge"),
    "GONE_VERB": ("was gone", "was dead", "was not around", "was not here", "was not alive", "was never born",
                  "died", "disappeared", "stopped existing", "did not exist", "was not in their lives",
                  "killed myself", "was out of the way", "left for good", "was not there", "never woke up",
                  "did not wake up"),
    "DRIVE": ("drive", "crash", "swerve", "steer"),
    "OBSTACLE": ("tree", "wall", "oncoming", "traffic", "lorry", "truck", "bridge", "cliff", "river", "pillar",
                 "barrier", "lamppost", "bus", "train"),
    "ACQUIRE": ("buy", "get", "order", "pick up", "steal", "find", "borrow"),
    "MEANS_OBJ": ("rope", "noose", "gun", "rifle", "pistol", "shotgun", "firearm", "bullet", "blade", "razor",
                  "knife", "pill", "tablet", "med", "medication", "painkiller", "paracetamol", "charcoal"),
    "HIDE": ("hide", "stash", "where nobody", "where no one", "nobody know", "no one know", "without anyone knowing",
             "nobody would notice", "no one would notice", "without anyone noticing", "so nobody", "so no one",
             "different shops", "different pharmacies", "different chemists"),
    "SAVE": ("save", "stockpile", "hoard", "stash", "collect", "squirrel", "set aside", "put aside", "keep back"),
    "GUN": ("gun", "guns", "rifle", "pistol", "shotgun", "firearm"),
    "SELF_CUT": ("cut", "slit", "slash", "slice", "carve", "burn", "scratch", "stab", "gouge", "gash"),
    "SKIN": ("arm", "wrist", "leg", "thigh", "skin", "stomach", "belly", "hip", "ankle", "forearm", "chest",
             "body", "upper arm", "inner arm", "shoulder"),
    "ACCIDENT": ("on the", "on a", "on an", "on my", "on some", "against", "while", "chopping", "cooking", "shaving", "baking", "ironing", "gardening",
                 "playing", "climbing", "falling", "tripping", "slipping", "by accident", "accidentally",
                 "in the kitchen", "at work", "in the sun", "sunbathing", "at the gym", "in the garden"),
    "AGAIN": ("again", "last night", "tonight", "today", "yesterday", "this morning", "this week", "deeper",
              "until", "till"),
    "CUT_SUBJECT": ("i", "and", "then", "still", "finally", "be", "have", "had", "start", "keep", "relapse"),
    "HARM_ACT": ("cut", "self harm", "harm myself", "hurt myself", "burn myself"),
    "HARM_MYSELF": ("self harm", "self harming", "harm myself", "hurt myself", "burn myself", "cut myself"),
    "DEATH": ("suicide", "kill myself", "end it all", "end my life", "take my life", "take my own life", "be dead",
              "not wake up", "not be here", "not exist", "disappear for good", "not be alive"),
    "SUICIDE": ("suicide", "kill myself", "end it all", "end my life", "take my life", "take my own life",
                "not wake up"),
    "ANSWER": ("answer", "option", "way out", "solution", "choice", "escape", "relief", "fix", "exit"),
    "ONLY": ("only", "best", "easiest", "last", "one", "real"),
    "FIX_ALL": ("fix everything", "solve everything", "fix it all", "solve all my problems", "end the pain",
                "make it stop", "make everything stop", "be a relief", "be easier", "be better"),
    "ON_MIND": ("cross my mind", "on my mind", "in my head", "in my thoughts", "pop into my head"),
    "NOT_SEE": ("not see", "not picture", "not imagine", "never see", "not think i will", "not think i would"),
    "STILL_ALIVE": ("alive", "still here", "make it to", "make it past", "live to", "live past",
                    "live until", "live beyond", "survive"),
    "BURDEN_NOUN": ("drain", "burden", "weight", "strain", "millstone"),
    "BETTER": ("better", "happier", "easier", "fine", "relieved", "lighter", "free", "freer", "calmer", "safer",
               "simpler", "quieter", "richer", "improve", "thrive"),
    "THEY_ALL": ("they", "everyone", "everybody", "my family", "my kids", "my children", "my husband", "my wife",
                 "my partner", "my parents", "my friends", "the world", "people"),
    "WITHOUT_ME": ("without me", "with me gone", "with me out of the way"),
    "LETTER": ("letter", "note", "message", "video", "email", "text", "card"),
    "FOR_AFTER": ("for after", "for afterwards", "for when i am gone", "for after i am gone", "so they know why",
                  "in case something happens", "after i am gone", "when i am gone", "once i am gone",
                  "when i am not here", "after i die", "when i die"),
    "MINE": ("my cat", "my dog", "my pet", "my pets", "my kids", "my children", "my plants", "my things",
             "my stuff", "my belongings", "my savings", "my money", "my rabbit", "my fish", "my guitar"),
    "SELF_HARM_TALK": ("self harm", "self harming", "cutting", "cut", "hurting myself", "harming myself"),
    "FOREVER": ("for good", "permanently", "forever", "for ever"),
    "WHERE_I": ("where i", "in which i", "with me"),
    "END_OBJ": ("it all", "it", "things", "everything", "my life", "myself", "this life", "my suffering", "it now"),
    "END_AFTER": ("with", "between", "on", "for", "here", "there", "early", "at", "before", "after", "off", "by",
                  "properly", "well", "nicely", "politely", "kindly", "up", "and start", "of"),
    "WANT_TO": ("want to", "need to", "try to", "plan to", "decide to", "be tempted to", "be ready to", "feel like",
                "be going to", "urge to", "could just", "should just", "might just", "will just"),
    "LONG_FOR": ("welcome", "embrace", "long for", "wish for", "pray for", "crave", "look forward to", "yearn for"),
    "THE_END": ("death", "dying", "the end", "my death", "being dead", "not waking up"),
    "LIFE_GO": ("keep living", "bother living", "go on living", "stay alive", "be alive", "carry on living",
                "even live", "exist", "live", "keep going", "go on", "carry on", "be here"),
    "NOT_PLACE": ("in", "at", "with", "near", "on", "there", "here", "abroad", "together", "alone", "to", "for"),
    "RESEARCH": ("work out", "figure out", "calculate", "look up", "google", "research", "check", "find out", "read",
                 "learn", "know",
                 "read up on", "search"),
    "DOSE": ("dose", "amount", "number of pills", "number of tablets", "which dose", "which pills", "how many pills"),
    "NEED_IT": ("i would need", "i will need", "i need", "it would take", "it will take", "would kill", "to die",
                "stop your heart", "stop my heart", "stop the heart", "kill you", "kill a person", "be fatal",
                "be lethal", "is lethal", "is fatal", "shut down your",
                "to not wake up", "would be enough"),
    "ON_MYSELF": ("on myself", "against myself", "to hurt myself", "to cut myself", "to kill myself", "to harm myself",
                  "to end it", "to end my life"),
    "LIGATURE": ("noose", "ligature"),
    "TIE": ("tie", "make", "knot", "buy", "get", "set up", "put up", "hang"),
    "TOP_OF": ("top of", "edge of", "roof of"),
    "THINK_IT": ("think about it", "think about jumping", "think how easy", "think about how easy", "think about going over",
                 "think about falling", "wonder what it would be like"),
    "WILL_TO_LIVE": ("the will to live", "my will to live", "any will to live", "the will to go on",
                     "the will to keep going", "my reason to live", "the reason to live"),
    "NO_SURVIVE": ("not survive", "never survive", "not make it", "not pull through", "not come back",
                   "never come back", "not wake up", "never wake up", "die on the table", "die in my sleep"),
    "NOT_SCARY": ("not scare me", "not frighten me", "not bother me", "not feel scary", "feels like rest",
                  "sounds like rest", "sounds like peace", "feels like peace", "sounds peaceful", "feels peaceful"),
    "OUT_OF_LIFE": ("out of this life", "out of life", "out of this world", "out of my life", "out for good"),
    "TRACK_EDGE": ("platform edge", "edge of the platform", "on the tracks", "on the track", "on the railway line",
                   "on the train tracks", "by the tracks", "near the tracks", "on the line"),
    "BLADE": ("razor blade", "blade", "razor", "noose", "rope", "scalpel"),
    "IN_CASE": ("just in case", "in case", "for when i need it", "for emergencies", "for later"),
    "ON_PURPOSE": ("on purpose", "deliberately", "intentionally", "to not wake up", "so i would not wake up",
                   "to end it", "hoping i would not wake up", "hoping not to wake up"),
    "LOSE": ("lose", "lost", "have no", "have not got", "without", "no longer have", "do not have"),
    "NOT_LIVING": ("be dead", "die", "not exist", "not be alive", "not be here", "never wake up", "not wake up"),
    "GONE_WORD": ("gone", "dead", "not here", "not alive", "not around", "out of the way"),
    "NO_CHANGE": ("nothing would change", "nobody would notice", "no one would notice", "nobody would care",
                  "no one would care", "it would not matter", "nothing would be different", "no one would miss me"),
    "SELF_TOOL": ("blade", "razor", "knife", "lighter", "cigarette", "scissors", "glass", "compass", "needle",
                  "pencil sharpener blade"),
    "INJURY": ("cut", "scar", "burn", "wound", "mark", "gash"),
    "VEHICLE": ("plane", "train", "car", "bus", "lorry", "truck", "taxi", "coach"),
    "CRASH": ("crash", "go down", "come off the road", "hit me", "hit us", "kill me", "fall out of the sky"),
    "CAN": ("can", "could", "get to", "am allowed to", "am able to"),
    "GONE_AWAY": ("on", "for", "to", "away", "next", "this", "tomorrow", "over", "until", "at", "abroad"),
    # fresh plan and means wording: a means made ready, a note for afterwards, a set time, fumes and power
    "READY_VERB": ("buy", "order", "get hold of", "collect", "count", "save up", "stockpile", "hoard", "stash",
                   "test", "tie", "set up", "prepare", "lay out", "line up", "put aside", "gather", "steal", "get"),
    "KIT": ("rope", "noose", "ligature", "razor blades", "blades", "charcoal", "hosepipe", "hose", "shotgun", "gun",
            "rifle", "cartridges", "bullets", "helium", "pills", "tablets", "sleeping pills", "sleeping tablets",
            "paracetamol", "painkillers", "insulin", "antidepressants"),
    # what a rope, tablets or a gun are plainly for: looked for in the few words after them
    "KIT_BENIGN": ("swing", "hammock", "boat", "tent", "climbing", "camping", "washing", "dog", "garden", "allotment",
                   "barbecue", "bbq", "headache", "migraine", "cold", "flu", "pain", "back", "tooth", "period",
                   "prescription", "pharmacy", "chemist", "doctor", "gp", "week", "ladder", "course", "farm", "shooting",
                   "hunting", "clay", "range", "work", "holiday", "trip", "kids", "hiking", "sailing", "organiser",
                   "organizer", "box", "dosette", "vet", "horse", "prescribed", "the doctor gave", "tyre", "tire",
                   "gym", "crossfit", "skipping", "tug of war", "hang the", "tie the", "blood pressure", "diabetes",
                   "infection", "allergy", "allergies", "hay fever", "sleep", "jet lag", "recipe", "cooking"),
    "LIGATURE_THING": ("belt", "rope", "cord", "cable", "scarf", "noose", "knot", "dressing gown cord", "ligature",
                       "tie", "sheet", "flex"),
    "ANCHOR": ("banister", "bannister", "beam", "rafter", "loft hatch", "door frame", "light fitting", "curtain rail",
               "ceiling hook", "hook", "back of my door", "back of the door", "pipe", "stair rail"),
    "ANCHOR_BENIGN": ("swing", "hammock", "washing", "tent", "climbing", "boat", "plant", "bird feeder", "decorations",
                      "lights", "bunting", "coat", "coats", "dressing gown", "towel", "bag", "picture", "mirror",
                      "punchbag", "punch bag", "hanging basket"),
    "WEIGHT": ("hold", "holds", "take my weight", "bear my weight", "strong enough", "hold me"),
    "COUNT": ("count", "count out", "count up", "lay out", "line up"),
    "PILL_BENIGN": ("for the week", "into the", "into my", "by day", "for the morning", "for tomorrow", "for the days",
                    "for each day", "pill box", "pill organiser", "pill organizer", "dosette", "for the trip",
                    "for the holiday", "for my mum", "for my dad", "for the kids", "with the pharmacist",
                    "with the nurse"),
    "PLENTY": ("enough", "more than enough", "plenty", "twice", "again", "lethal", "too many", "all of them", "sixty",
               "fifty", "forty", "thirty", "hundred"),
    "FUMES": ("hose", "hosepipe", "tube", "pipe"),
    "GOODBYE_WORD": ("goodbye", "good bye", "farewell", "bye", "sorry for everything", "sorry for what i am about to do",
                     "none of this is", "none of it is", "it is not your fault", "it is not their fault",
                     "i love you all", "look after each other", "not to blame", "thank you for everything"),
    "GOODBYE_BENIGN": ("colleague", "retire", "retirement", "leaving do", "leaving party", "new job", "move",
                       "holiday", "trip", "camp", "school", "team", "work", "job", "class", "neighbour", "boss",
                       "house", "flat", "city", "country", "uni", "university", "summer", "weekend", "cafe", "shop"),
    "FIND_LATER": ("find after", "find afterwards", "find it after", "find it afterwards", "find it later",
                   "read after", "read afterwards", "open after", "open afterwards", "find when i am gone",
                   "read when i am gone", "open when i am gone", "find after i am gone", "find once i am gone"),
    "AFFAIRS": ("will", "debts", "debt", "accounts", "bank accounts", "contract", "phone contract", "insurance",
                "life insurance", "passwords", "funeral", "bills", "subscriptions", "pension", "paperwork", "affairs"),
    "NOBODY": ("nobody", "no one", "no-one"),
    "STUCK_WITH": ("have to deal with", "has to deal with", "needs to deal with", "have to sort", "has to sort",
                   "is stuck with", "gets stuck with", "is left with", "be stuck with", "be left with",
                   "have to clear", "has to clear", "have to clean up", "has to clean up", "have to worry about",
                   "has to worry about", "have to pay"),
    "AFTERWARDS": ("later", "afterwards", "after i die", "after i am gone", "when i am gone", "once i am gone",
                   "when i die", "after", "when i am dead"),
    "GARAGE": ("garage", "shut garage", "closed garage"),
    "ENGINE_ON": ("engine running", "engine on", "car running", "motor running", "running the car", "running the engine",
                  "the car on", "the engine on", "the engine running"),
    "SEALED": ("tape", "taped", "seal", "sealed", "windows shut", "windows closed", "door shut", "bucket", "tent",
               "bedroom", "bathroom", "in the car", "indoors", "lit it inside", "light it inside"),
    "SHOCK": ("hairdryer", "hair dryer", "toaster", "heater", "fan heater"),
    "INTO_BATH": ("into the bath", "in the bath", "into the bathwater", "in the bathwater", "into the tub", "in the tub",
                  "next to the bath", "beside the bath", "by the bath", "on the edge of the bath", "into the water",
                  "next to it", "beside it"),
    "HOW_FAR": ("how high", "how far", "how deep", "how steep", "how long"),
    "DROP": ("drop", "fall", "drop is", "fall is", "it is to the bottom", "the water is"),
    "HOW_LONG_TO": ("bleed out", "drown", "suffocate", "lose consciousness", "pass out from", "stop breathing", "die",
                    "hang", "overdose", "choke"),
    "KNOW_VERB": ("work out", "figure out", "know", "check", "look up", "find out", "read", "learn"),
    "NONSTOP": ("not stop", "does not stop", "do not stop", "without stopping", "pass through", "passes through",
                "come through", "comes through", "fast through"),
    "AT_EDGE": ("barrier", "railing", "railings", "edge", "ledge", "wall", "parapet"),
    "LINGER_LONG": ("for an hour", "for ages", "for a long time", "for hours", "looking down", "staring down",
                    "thinking about it", "a long time", "until", "for a while"),
    "TAKE_ME": ("take me in my sleep", "take me while i sleep", "let me die", "let me not wake up", "not let me wake up",
                "take me away from all this"),
    "ASK_GOD": ("pray", "ask", "beg", "wish", "hope"),
    "ILLNESS": ("cancer", "illness", "tumour", "tumor", "disease", "infection", "heart condition"),
    "COME_BACK": ("come back", "return", "spread", "get me", "kill me", "take me", "win"),
    "DEAL_WITH_ME": ("deal with me", "look after me", "worry about me", "put up with me", "care for me",
                     "take care of me", "carry me", "pay for me", "have me around", "see me"),
    "DAYWORD_IS": ("tonight", "tomorrow", "today", "this weekend", "friday", "saturday", "sunday", "monday", "tuesday",
                   "wednesday", "thursday"),
    "HAVE_KIT": ("have", "got", "have got", "bought", "counted", "saved", "collected"),
    "READY_WORDS": ("everything is ready", "it is all ready", "all is ready", "everything is set", "it is all set",
                    "everything is prepared", "it is all planned", "everything is planned", "everything is sorted"),
    "LOOK_SEE": ("see", "check", "find out", "measure", "look at", "work out", "test"),
    "WHICH_WHEN": ("which", "when", "what time"),
    "EXHAUST": ("exhaust", "car window", "exhaust pipe"),
    "FUMES_IN": ("hose", "hosepipe", "tube", "through the window", "into the car", "into the window"),
    "CHARCOAL_BENIGN": ("barbecue", "bbq", "grill", "drawing", "drawings", "sketch", "pencil", "pencils", "face mask",
                        "mask", "tablets", "filter", "toothpaste", "soap", "art"),
    "AFTER_THAT": ("after that", "after then", "after it", "then", "after tonight", "after friday"),
    "FOR_GOOD": ("for good", "forever", "for ever", "for the last time"),
    "INSTRUCTIONS": ("instructions", "a list", "a note", "notes", "a letter"),
    "VAGUE_KIT": ("the stuff", "the things", "what i need", "everything i need", "it all", "the last thing",
                  "the last bits", "the rest of it"),
    "EMPTY": ("empty", "asleep", "gone", "out", "alone", "away", "on my own", "in bed"),
    # halves of a signal (guard PART; crisis_patterns.PART_PAIRS says which two make one)
    # a preparation act: affairs put in order, things given away, a pet rehomed, accounts closed, letters, a room
    "SORT_OUT": ("sort", "sort out", "write", "make", "update", "finish", "sign", "draw up", "do", "redo", "organise",
                 "organize", "finalise", "finalize", "put", "get", "leave", "list", "write down", "share", "pay",
                 "pay off", "clear", "settle", "cancel", "close", "end", "stop", "tidy up", "hand over"),
    "AFFAIR": ("passwords", "debts", "debt", "affairs", "finances", "paperwork", "bank accounts", "phone contract",
               "contract", "contracts", "subscriptions", "direct debits", "life insurance", "loans", "loan",
               "credit card", "credit cards", "overdraft", "funeral", "pin numbers", "pins", "logins", "lease",
               "tenancy", "gym membership", "memberships"),
    "WILL_DONE": ("and", "so", "with", "done", "sorted", "signed", "written", "today", "yesterday", "this", "last",
                  "properly", "finally", "now", "at last", "too", "as well"),
    "BELONGING": ("clothes", "things", "stuff", "belongings", "possessions", "books", "records", "guitar", "jewellery",
                  "jewelry", "games", "console", "plants", "collection", "art", "bike", "furniture", "camera",
                  "laptop", "shoes", "vinyl", "savings", "money"),
    "CLEAR_OUT": ("old", "spare", "charity", "donate", "donation", "declutter", "decluttering", "moving", "move", "downsize",
                  "downsizing", "sell", "sold", "boot", "clearout", "wardrobe", "outgrown", "spring", "swap", "upgrade",
                  "refugees", "shelter", "bank", "drive", "appeal", "minimalism", "minimalist"),
    "PET": ("cat", "dog", "pet", "rabbit", "bird", "fish", "hamster", "guinea pig", "budgie", "horse", "tortoise",
            "snake", "kitten", "puppy", "parrot", "ferret", "lizard"),
    "PET_BENIGN": ("allergy", "allergies", "allergic", "baby", "landlord", "moving", "move", "abroad", "job", "shifts",
                   "space", "lease", "tenancy", "breeder", "litter", "kittens", "puppies", "foster", "fostering",
                   "rescue", "asthma", "flat", "travel", "travelling", "traveling", "barking", "fight", "fighting"),
    "CLOSE": ("delete", "deactivate", "close", "wipe", "shut down", "cancel", "take down"),
    "ONLINE": ("socials", "social media", "accounts", "account", "facebook", "instagram", "twitter", "tiktok",
               "snapchat", "profile", "profiles", "email", "emails", "dating apps", "apps"),
    "ONLINE_BENIGN": ("detox", "break", "exam", "exams", "revision", "focus", "productivity", "hacked", "scam", "privacy",
                      "spam", "job", "new", "dopamine", "distraction", "distracting", "lent", "doomscrolling", "ads"),
    "WRITE": ("write", "finish", "leave", "draft", "seal", "address"),
    "LETTERS": ("letters", "notes", "a letter", "a note", "the letters", "the notes", "my letters", "a last letter"),
    "LETTER_BENIGN": ("birthday", "christmas", "thank", "thanks", "valentine", "valentines", "anniversary", "wedding",
                      "retirement", "leaving", "penpal", "cover", "application", "complaint", "council", "landlord",
                      "school", "teacher", "boss", "work", "job", "late", "shopping", "cleaner", "milkman",
                      "postman", "reminder", "fridge", "lecture", "lectures", "class", "revision", "exam", "meeting",
                      "sitter", "babysitter", "neighbour", "neighbor", "santa", "fairy", "condolence", "sympathy"),
    "BOOK": ("book", "reserve", "rent", "hire"),
    "STAY": ("hotel", "room", "hotel room", "airbnb", "cabin", "motel", "b&b", "chalet", "caravan", "lodge", "cottage"),
    "TRIP_BENIGN": ("wedding", "holiday", "holidays", "trip", "conference", "honeymoon", "anniversary", "birthday",
                    "concert", "gig", "festival", "interview", "family", "friends", "us", "we", "our", "date", "break",
                    "getaway", "hen", "stag", "work", "meeting", "course", "visit", "visiting", "graduation", "match",
                    "race", "marathon", "christening", "funeral", "guests", "mum", "mom", "dad", "parents", "kids"),
    # a clause about the writer's own death or absence
    "LEFT_FOR_GOOD": ("gone", "dead", "died", "passed", "passed away", "not here", "not around", "no longer here",
                      "no longer around", "not here anymore", "not around anymore"),
    "NOT_FINAL": ("on", "for", "to", "away", "next", "this", "tomorrow", "over", "until", "till", "at", "abroad", "out",
                  "home", "back", "shopping", "into", "in", "up", "down", "through", "off", "during", "one day",
                  "someday", "some day", "eventually", "in the future", "years", "when", "while", "quiet", "grey",
                  "gray", "mad", "bald", "soft", "from", "by", "before", "past", "around", "round", "about", "with",
                  "without", "along", "across", "after", "like", "a", "an", "the", "all", "any", "quite", "too",
                  "so long", "very", "really", "more", "less", "cold", "viral", "wrong", "well", "crazy", "long",
                  "ahead", "first", "there", "here", "upstairs", "downstairs", "inside", "outside", "for a"),
    "DIE_FORM": ("die", "go"),
    "ANYONE": ("nobody", "no one", "no-one", "none of them", "no one else", "nobody else"),
    "MUST": ("have to", "need to", "will have to", "has to", "is going to have to", "would have to", "ever has to"),
    "FOUND_BY": ("find me", "find my body", "be the one to find me", "be the one who finds me", "see me like that",
                 "walk in on me", "come home to me", "come home to find me"),
    "FIND_IT": ("find them", "find it", "find the letters", "find the notes", "find the note", "find the letter",
                "read them", "read it", "open them", "open it"),
    "AFTER_WORD": ("after", "afterwards", "afterward"),
    # a set time for an act left unsaid, and what it waits for
    "NIGHT_DAY": ("night", "day", "time", "date", "weekend"),
    "CHOSEN": ("chosen", "picked", "set", "fixed", "settled on", "decided on"),
    "THATS_WHEN": ("that is when", "that will be when", "that is the day", "that is the night", "that is it then",
                   "then it is time", "that is my chance", "that will be my chance"),
    "OTHERS_IN": ("everyone", "everybody", "the house", "the kids", "my husband", "my wife", "my partner", "my parents",
                  "my mum", "my mom", "my dad", "my flatmate", "my flatmates", "my roommate", "my roommates",
                  "my family", "them", "the others", "the flat", "my boyfriend", "my girlfriend"),
    "GONE_QUIET": ("go to sleep", "fall asleep", "be asleep", "go to bed", "go out", "leave", "be out", "be gone",
                   "head out", "be empty", "go away", "go to work", "drop off"),
    "TO_BE": ("is", "are", "to be", "be"),
    "IS_QUIET": ("asleep", "out", "gone", "empty", "in bed", "away", "at work"),
    "ALONE": ("to myself", "all to myself", "alone", "on my own", "by myself", "empty"),
    "PRIVATE_PLACE": ("garage", "shed", "loft", "attic", "car and the garage", "garage and the car", "house", "flat",
                      "lock up", "lockup", "workshop", "barn", "woods", "cabin"),
    # a height looked up, and "it would be enough"
    "LOOK_UP": ("see", "check", "find out", "measure", "look at", "work out", "test", "google", "look up", "search",
                "research", "read", "find"),
    "HOW_TALL": ("how high", "how tall", "how far down", "how long the drop", "the height of", "how many floors",
                 "how many storeys", "how many stories"),
    # an act left unsaid, timed after someone else's occasion so as not to spoil it
    "UNSAID_ACT": ("do it", "end it", "finish it", "go through with it", "end things", "finish things", "go"),
    "NOT_UNSAID": ("with", "between", "off", "up", "for", "to", "home", "out", "back", "on", "in", "shopping",
                   "first"),
    "THEIR_DAY": ("wedding", "birthday", "christmas", "exams", "exam", "graduation", "party", "holiday", "holidays",
                  "anniversary", "big day", "results", "new year", "eid", "diwali", "hanukkah", "baby is born",
                  "the baby comes", "mothers day", "fathers day", "thanksgiving", "hen do", "stag do"),
    "SPOIL": ("ruin", "spoil", "wreck", "mess up", "ruin it", "spoil it", "overshadow", "take away from"),
    "FINALLY": ("now", "finally", "at last"),
    "THEM_ALL": ("it", "them", "any of it", "any of them", "these", "those", "any of this"),
    "ANY_MORE": ("anymore", "any more", "any longer"),
    "TRAVEL": ("holiday", "trip", "flight", "flights", "airport", "train", "bus", "car", "school", "work", "party",
               "packed", "bags", "bag", "suitcase", "gym", "run", "match", "game", "wedding", "date", "uni", "festival",
               "camping", "drive", "walk", "hike", "class", "shift", "office"),
    "SEASON": ("spring", "summer", "winter", "autumn", "moved", "move", "new", "upgrade", "bought", "replaced",
               "retired", "graduated", "finished", "fits", "outgrown", "weather", "warm", "cold"),
    "HEIGHT_BENIGN": ("lorry", "truck", "van", "bus", "vehicle", "clearance", "caravan", "trailer", "camper",
                      "motorhome", "load", "limit", "fit", "sightseeing", "view", "tour", "architecture",
                      "engineering", "homework", "quiz", "trivia", "school", "project", "drone", "kite", "climb",
                      "climbing", "abseil", "abseiling", "bungee", "zipline", "lift", "scaffolding", "ladder",
                      "crane", "boat", "barge", "mast", "yacht"),
    "ENOUGH": ("it would be enough", "it will be enough", "it might be enough", "it should be enough",
               "that would be enough", "that will be enough", "that is enough", "that would do it", "that will do it",
               "it is high enough", "it is enough", "high enough", "more than enough", "far enough", "plenty high"),
    # means within reach: a gun and its key, a knot practised, the nerve worked up at an edge, "the means"
    "GUN_KEY": ("code", "combination", "key", "keys", "pin", "where the key is", "where he keeps the key",
                "where she keeps the key", "where the keys are"),
    "GUN_BENIGN": ("hunting", "hunt", "shooting", "range", "club", "clay", "clays", "deer", "pheasant", "grouse",
                   "farm", "farmer", "licence", "license", "permit", "certificate", "army", "military", "police",
                   "officer", "security", "training", "lesson", "lessons", "instructor", "season", "competition",
                   "sport", "target", "targets", "cleaning", "museum", "collection", "paintball", "airsoft", "nerf",
                   "water", "toy", "replica", "starter", "glue", "staple", "nail", "gamekeeper", "vermin", "pest",
                   "safety", "emergency", "work", "job"),
    "PRACTISE": ("practise", "practice", "rehearse", "perfect", "master", "test", "try out"),
    "KNOT": ("the knot", "a knot", "the noose", "a noose", "a slip knot", "a slipknot", "the slip knot",
             "a hangman's knot", "a hangman knot", "the hangman's knot"),
    "KNOT_BENIGN": ("sailing", "sail", "boat", "boats", "yacht", "climbing", "climb", "scouts", "scout", "guides",
                    "brownies", "cubs", "fishing", "fish", "windsor", "necktie", "bowline", "reef", "clove", "hitch",
                    "macrame", "crochet", "knitting", "camping", "tent", "wedding", "married", "marry", "engaged",
                    "fiance", "fiancee", "bride", "groom", "shoelace", "shoelaces", "laces", "hair", "bun", "cherry",
                    "stem", "knots", "balloon", "balloons", "bow", "ribbon", "sling", "bandage", "ceremony",
                    "vows", "handfasting"),
    "NERVE": ("work up the nerve", "work up the courage", "get up the nerve", "get up the courage", "build up the nerve",
              "build up the courage", "pluck up the courage", "pluck up the nerve", "find the nerve", "find the courage",
              "muster the courage", "work up my nerve", "work up my courage", "build up my courage"),
    "NERVE_FOR": ("to do it", "to go through with it", "to jump", "to step off", "to let go", "to go over", "to lean"),
    "NERVE_BENIGN": ("pool", "diving", "dive", "board", "bungee", "zip", "zipline", "swim", "swimming", "skydive",
                     "skydiving", "abseil", "abseiling", "climbing", "climb", "speech", "ask", "asking", "talk", "tell",
                     "dance", "stage", "karaoke", "rollercoaster", "ride", "slide", "sea", "lake", "river", "quarry",
                     "harness", "instructor", "parachute", "paraglide", "paragliding", "ski", "skiing",
                     "snowboard", "jumps", "ramp", "skate", "audition", "presentation"),
    "THE_MEANS_FOR": ("to do it", "to end it", "to go through with it", "to end things"),
    # passive wishes and self-injury in fresh words
    "ON_THE_ROAD": ("car", "cars", "lorry", "truck", "van", "driver", "motorbike", "someone driving"),
    "NOT_STOPPING": ("not stop", "not brake", "not swerve", "not slow down", "not see me", "never stop", "never brake",
                     "not stop in time", "not brake in time"),
    "RELIEF": ("a relief", "relief", "a blessing", "a mercy", "a release", "peaceful", "for the best", "a kindness",
               "a gift", "easier for everyone", "better for everyone", "easier on everyone", "better for them",
               "easier for them"),
    "INSURANCE": ("life insurance", "life insurance money", "death benefit", "death in service", "my payout"),
    "CASH_IN": ("collect", "claim", "cash in", "spend", "live on", "share", "split", "receive"),
    "INSURANCE_BENIGN": ("cheaper", "switching", "switch", "provider", "quote", "premium", "premiums", "broker",
                         "compare", "comparison", "critical"),
    "BANG": ("bang", "hit", "bash", "slam", "smash", "punch", "headbutt", "knock"),
    "HEAD_FIST": ("my head", "my fist", "my fists", "my forehead", "my knuckles", "my hand", "my hands", "myself"),
    "HARD_PLACE": ("wall", "walls", "door", "doors", "floor", "desk", "mirror", "table", "radiator", "headboard",
                   "sink", "window"),
    "HURT_UNTIL": ("until", "till", "til"),
    "HURT_RESULT": ("bled", "bleed", "bleeding", "hurt", "hurts", "went numb", "was numb", "bruised", "split", "swelled",
                    "swelled up", "swole up", "cracked", "could not feel it", "could not think", "saw stars",
                    "was dizzy", "went dizzy", "went black"),
    **HARM_SETS,  # being harmed by someone: written in crisis_patterns, beside the rest of that definition
}


# categories, guard, patterns (any of them)
_PATTERNS: tuple[tuple[tuple[str, ...], int, tuple[str, ...]], ...] = (
    # plans: an act of suicide with a stated intent and a time, or a worked-out how, when or where
    (("plan", "ideation"), DIRECT, ("i @INTENT ...2 @ACT ...8 @TIME", "@TIME ...6 i @INTENT ...2 @ACT",
                                    "@PLAN_VERB ...3 how|when|where|what ...2 i ...3 @ACT")),
    (("plan",), DIRECT, ("@SPOT ...6 where|when|how i will|would|am|plan ...3 @VAGUE_ACT|@ACT",
                         "@RESOLVE ~6 @DAYWORD is the day|night|date|time $",
                         "@DAYWORD is the day|night|date|time $ ~6 @RESOLVE",
                         "i @INTENT ...2 @VAGUE_ACT ...8 when|while|once ...1 @SECRET ...3 @AWAY")),
    (("plan",), DIRECT, ("when|once|while ...1 @SECRET ...4 go|leave|@AWAY ~6 i @INTENT|@CAN ...2 @VAGUE_ACT",
                         "when|once|while nobody|no ...2 be home|around|in|awake|here ~6 i @INTENT|@CAN ...2 @VAGUE_ACT")),
    (("plan",), FIRST_PERSON, ("which|what @PILL|@MEANS_OBJ ~6 how many|much",)),
    (("plan",), CONTEXTUAL, ("i have chosen|picked|set the|a date|day|time $", "i @INTENT ...2 @VAGUE_ACT ...6 @TIME", "@DAYWORD is the day|night $",
                             "@TIME ...4 i @INTENT ...2 @VAGUE_ACT")),
    (("plan",), FIRST_PERSON, ("@RESEARCH ...2 the|a|what|which @DOSE ...2 @NEED_IT", "suicide|overdose|hanging method|way", "method|way of|to @ACT", "how to @ACT",
                               "lethal|fatal dose", "how much|many ...6 @LETHAL")),
    # means: taking a lot of pills, high places, hidden or saved means, guns within reach
    (("means",), DIRECT, ("@INGEST @AMOUNT ...4 @PILL", "@INGEST an|a overdose", "@PILL ...3 @SAVED up?",
                          "stash of ...2 @MEANS_OBJ", "@ACQUIRE ...3 @MEANS_OBJ ...8 @HIDE",
                          "@MEANS_OBJ ...8 use|try? @ON_MYSELF", "@SAVE ...4 @PILL !2:from|at",
                          "@TIE ...2 a|the|my? @LIGATURE", "@INGEST ~8 @AMOUNT ...3 @PILL",
                          "@INGEST ~6 @PILL ~6 @ON_PURPOSE")),
    (("means",), FIRST_PERSON, ("keep|carry|have ...2 a|the|my? @BLADE ~6 @IN_CASE",
                                "stand|stood|wait|sit|sat|lie|lay ...4 @TRACK_EDGE")),
    (("means",), CONTEXTUAL, ("@INGEST #few|a|an|some|my ...3 @PILL", "@ACQUIRE a|some ...1 @MEANS_OBJ")),
    (("means",), FIRST_PERSON, ("i ...2 overdose !@ON_TREAT", "@GUN ...12 i know where|how",
                                "@MEANS_PLACE ...12 @RUMINATE", "@RUMINATE ...6 @MEANS_PLACE")),
    (("means", "ideation"), FIRST_PERSON, ("@JUMP ...1 off|from|of ...3 @HIGH !3:@SPLASH",
                                           "@HIGH ...12 @JUMP !in !3:@SPLASH",
                                           "@DESIRE ...4 @DRIVE ...3 into|off ...2 @OBSTACLE",
                                           "@TOP_OF the|a @HIGH ~10 @THINK_IT")),
    # self-injury, in every tense
    (("self_injury",), DIRECT, ("@SELF_CUT into? both? of? my ...1 @SKIN !2:@ACCIDENT", "@CUT_SUBJECT cut @AGAIN")),
    (("self_injury",), FIRST_PERSON, ("@SELF_TOOL ...3 on|into|across my ...1 @SKIN",
                                      "@INJURY on|across my ...1 @SKIN ~8 myself", "@HARM_MYSELF again", "clean from @SELF_HARM_TALK", "relapse ...8 @HARM_ACT")),
    # ideation in other words
    (("ideation",), NO_FRAME, ("@DEATH ...3 seem|feel|sound|look|is|would ...2 like? the|a|an|my? @ONLY? @ANSWER",
                               "@DEATH ...3 would|will|could @FIX_ALL", "@SUICIDE ...3 @ON_MIND")),
    (("ideation",), FIRST_PERSON, ("check out @FOREVER", "leave this world|earth",
                                   "want|wish|need|hope ...5 stay asleep !for|until|till|past|through|longer|in|all|at",
                                   "want|wish ...1 it|everything|all|life ...1 to stop|end|over ~1 @FOREVER")),
    (("ideation",), NO_NEGATION, ("@NOT_SEE myself|me ...2 @STILL_ALIVE",
                                  "@NOT_SEE a|any future ...3 @WHERE_I ...2 @STILL_ALIVE|here|exist",
                                  "wish ...3 never be born", "wish ...2 not be born",
                                  "if i @GONE_VERB ~6 not ...3 mind|care")),
    (("ideation",), DIRECT, ("wish|hope|pray ...2 a|the|some bus|car|truck|lorry|train ...3 @HIT_ME",
                             "@WANT_TO ...1 end @END_OBJ !@END_AFTER")),
    (("ideation",), FIRST_PERSON, ("@LONG_FOR @THE_END", "until|till|when i @CAN ...2 die")),
    (("ideation",), NO_FRAME, ("why ...2 @LIFE_GO !@NOT_PLACE", "dying|death|dead ~4 @NOT_SCARY")),
    (("ideation",), FIRST_PERSON, ("i ...2 be better off @GONE_WORD", "@NO_CHANGE ~4 if i @GONE_VERB",
                                   "if i @GONE_VERB ~4 @NO_CHANGE", "wish|hope|pray ...3 @VEHICLE ...3 @CRASH")),
    (("ideation",), FIRST_PERSON, ("@LOSE ...1 @WILL_TO_LIVE",
                                   "hope|wish|pray ...3 @NO_SURVIVE", "want|need ...1 @OUT_OF_LIFE",
                                   "at|after|of|for|plan|picture|imagine ...2 my own? funeral",
                                   "would|had rather ...1 @NOT_LIVING")),
    # burden and goodbye acts
    (("burden",), DIRECT, ("@BETTER off? ...3 @WITHOUT_ME", "@BETTER off? ...3 if i ...2 @GONE_VERB",
                           "@BETTER off? ...3 once|when i am gone !@GONE_AWAY",
                           "i am|feel ...3 @ARTICLE ...1 @BURDEN_NOUN on|to|around|for",
                           "@THEY_ALL ...3 be better off $")),
    (("goodbye",), FIRST_PERSON, ("write|leave|record|draft ...4 @LETTER ~8 @FOR_AFTER $",
                                  "will not need ...3 where i am going")),
    (("goodbye",), DIRECT, ("@MINE ...10 when|after|once i am gone|dead !@GONE_AWAY",)),
    # a means made ready: bought, counted, saved, tied, tested ("I counted the tablets twice", "tied the knot and
    # tested it on the banister"), unless a plain use follows ("a rope for the tyre swing", "tablets for the week")
    (("means",), FIRST_PERSON | OPENS, ("@READY_VERB ...3 @KIT !4:@KIT_BENIGN",)),
    (("means",), FIRST_PERSON, ("i ...2 @READY_VERB ...3 @KIT !4:@KIT_BENIGN",
                                "@COUNT ...3 @PILL|tablets|pills ~8 @PLENTY !@PILL_BENIGN",
                                "@LIGATURE_THING ~12 @ANCHOR !6:@ANCHOR_BENIGN",
                                "@LIGATURE_THING ~12 test ...4 whether|if|that|it ...2 @WEIGHT",
                                "@COUNT ...3 @PILL|tablets|pills ~10 note|letter|tonight|tomorrow",
                                "carbon monoxide !alarm|alarms|detector|detectors|leak|levels|sensor|check|test|poisoning",
                                "@FUMES ~8 @EXHAUST", "exhaust ~8 @FUMES_IN",
                                "@GARAGE ~10 @ENGINE_ON", "@ENGINE_ON ~10 garage",
                                "charcoal !3:@CHARCOAL_BENIGN ~10 @SEALED",
                                "bath ~8 put|drop|plug|bring|take|leave ...2 @SHOCK ...1 @INTO_BATH",
                                "@SHOCK ...3 into|in the|my? bath|bathtub|bathwater",
                                "@LOOK_SEE @HOW_FAR the? @DROP",
                                "@KNOW_VERB ...2 @WHICH_WHEN the? ...1 train|express|freight ...2 @NONSTOP",
                                "@HIGH ~12 stand|sit|lean|wait ...3 by|at|on|against|over the @AT_EDGE ~6 @LINGER_LONG")),
    (("means",), DIRECT, ("@SAVE ...4 @BLADE !2:@KIT_BENIGN",)),
    # plans: a time set beside a means, everything ready for when the house is empty, looked up how long it takes
    (("plan",), DIRECT, ("@DAYWORD_IS is the day|night|time $ ~10 i ...1 @HAVE_KIT ...3 @KIT",
                         "i ...1 @HAVE_KIT ...3 @KIT ~10 @DAYWORD_IS is the day|night|time $",
                         "@READY_WORDS ~12 wait|until|once|when ...6 @EMPTY",
                         "date|day|night|time ~12 @AFTER_THAT i will not|never have to feel|suffer|hurt|wake|be ...1 "
                         "this|anything|anymore|again|here $")),
    (("plan",), FIRST_PERSON, ("@UNSAID_ACT !@NOT_UNSAID ~6 after|until|till ...4 @THEIR_DAY ~8 so ...3 not|never "
                               "@SPOIL",)),
    (("plan",), FIRST_PERSON, ("@RESEARCH ...3 how long ...4 to @HOW_LONG_TO",
                               "@ACQUIRE ...2 @VAGUE_KIT ~14 then ...1 it|i|everything ...2 done|over|finished|gone $")),
    # a note, letter or message that says goodbye or is for afterwards
    (("goodbye",), FIRST_PERSON, ("write|leave|record|send|text|message|draft ...3 @LETTER ~8 @GOODBYE_WORD "
                                  "!8:@GOODBYE_BENIGN",
                                  "@LETTER ~8 @FIND_LATER",
                                  "@LETTER ~6 to open|read|find when|after|once i am gone|dead",
                                  "say|said sorry|goodbye ~8 in a|the|my @LETTER",
                                  "thank ...3 for everything ~8 goodbye|bye !8:@GOODBYE_BENIGN",
                                  "say ...1 goodbye ...3 @FOR_GOOD !8:@GOODBYE_BENIGN",
                                  "leave|write ...2 @INSTRUCTIONS ~4 who ...2 take|get|have|keep|adopt !3:@GOODBYE_BENIGN",
                                  "@LETTER ~8 none of this|it is|was ...1 her|his|their|your fault",
                                  "@AFFAIRS ~10 so @NOBODY ...2 @STUCK_WITH ~4 @AFTERWARDS")),
    (("goodbye",), CONTEXTUAL, ("write|leave ...3 @LETTER to|for my|the family|everyone|kids|children|parents $",)),
    # ideation in fresh words: asking to be taken in one's sleep, hoping an illness comes back
    (("ideation",), FIRST_PERSON, ("@ASK_GOD ~6 @TAKE_ME", "hope|wish|pray ...3 @ILLNESS ...2 @COME_BACK")),
    # burden: others would have an easier life without having to deal with "me"
    (("burden",), DIRECT, ("@BETTER ~6 if ...3 not have to @DEAL_WITH_ME",)),
    # halves of a signal (PART): crisis_patterns.PART_PAIRS joins two of them into a plan or a goodbye act.
    # A preparation act: affairs put in order, belongings given away, a pet rehomed, accounts closed, letters
    # written, a room booked (each alone is everyday: a will at 40, clothes to charity, a hotel for a wedding)
    (("prep",), FIRST_PERSON | PART, ("@SORT_OUT ...2 my|a|the ...1 @AFFAIR",
                                      "@SORT_OUT ...2 my|a|the new? will $",
                                      "@SORT_OUT ...2 my|a|the new? will @WILL_DONE",
                                      "@BOOK ...2 a|an|the ...1 @STAY unless @TRIP_BENIGN")),
    # parting with what is "mine": the same, and it also makes a signal with the weaker "ready to go now"
    (("parting",), FIRST_PERSON | PART, ("give away ...4 @BELONGING unless @CLEAR_OUT",
                                         "give ...2 my ...1 @BELONGING ...4 away|to unless @CLEAR_OUT",
                                         "rehome ...3 @PET unless @PET_BENIGN",
                                         "find ...2 home|homes for ...2 the|my|our ...1 @PET unless @PET_BENIGN",
                                         "@CLOSE ...3 my ...1 @ONLINE unless @ONLINE_BENIGN",
                                         "@WRITE ...3 @LETTERS unless @LETTER_BENIGN")),
    # a clause about the writer's own death or absence: "when I'm not here", "after that nobody has to deal with me",
    # "so no one has to find me", letters "they'll find after"; weaker: "ready to go now", "won't need them anymore"
    (("finality",), NO_NEGATION | PART, ("when|once|after i am|have @LEFT_FOR_GOOD !@NOT_FINAL",
                                         "when|once|after i die $",
                                         "after that|this|then ...1 @ANYONE ...2 @MUST ...1 @DEAL_WITH_ME $",
                                         "so|and|that ...1 @ANYONE ...4 @MUST ...4 @FOUND_BY $",
                                         "where|so ...3 @FIND_IT @AFTER_WORD $")),
    (("ready",), NO_NEGATION | PART, ("ready to go @FINALLY $$ unless @TRAVEL",
                                      "will|would not need @THEM_ALL ...1 @ANY_MORE $$ unless @SEASON")),
    # a set time for an act left unsaid ("tonight is the night", "I've picked a date", "that's when."), a wait for the
    # house to empty, a place to be alone in
    (("set_time",), DIRECT | PART, ("@DAYWORD_IS is the @NIGHT_DAY $", "i have? @CHOSEN the|a @NIGHT_DAY $",
                                    "@THATS_WHEN $$")),
    (("set_time",), OPENS | PART, ("@CHOSEN the|a @NIGHT_DAY $",)),
    (("waiting",), DIRECT | PART, ("wait ...1 for|until|till @OTHERS_IN to? @GONE_QUIET $$",
                                   "wait ...1 for|until|till @OTHERS_IN @TO_BE @IS_QUIET $$",
                                   "once|when @OTHERS_IN is|are @IS_QUIET $$")),
    (("place_alone",), FIRST_PERSON | PART, ("@PRIVATE_PLACE ...3 @ALONE",)),
    # a height looked up, and "it would be enough"
    (("height",), FIRST_PERSON | PART, ("@LOOK_UP ...2 @HOW_TALL ...3 @HIGH unless @HEIGHT_BENIGN",)),
    (("enough",), DIRECT | PART, ("@ENOUGH $$",)),
    # means within reach: a gun and the key to it, a knot practised, the nerve worked up at an edge, "the means"
    (("means",), FIRST_PERSON, ("@GUN ~12 i ...2 know|have|got ...1 the|a|his|her|my? @GUN_KEY !to|for|of "
                                "unless @GUN_BENIGN",
                                "i ...2 know|have|got ...1 the|a? @GUN_KEY ~10 @GUN unless @GUN_BENIGN",
                                "i ...2 have|got|get ...1 access to ...3 @GUN unless @GUN_BENIGN",
                                "@PRACTISE ...2 tie ...1 @KNOT unless @KNOT_BENIGN",
                                "@PRACTISE ...2 @KNOT unless @KNOT_BENIGN",
                                "@AT_EDGE|@HIGH ~10 @NERVE $ unless @NERVE_BENIGN",
                                "@AT_EDGE|@HIGH ~10 @NERVE @NERVE_FOR unless @NERVE_BENIGN")),
    (("means",), CONTEXTUAL, ("i ...3 have|got ...1 the means $", "i ...3 have|got ...1 the means @THE_MEANS_FOR")),
    # a passive wish to die in fresh words, and hitting oneself until it hurts
    (("ideation",), FIRST_PERSON, ("hope|wish|pray ...4 @ON_THE_ROAD ...2 @NOT_STOPPING $",
                                   "if i @GONE_VERB|die ~6 would|will ...3 @RELIEF !to|that|for|knowing|when|because")),
    (("burden",), DIRECT, ("better off ...2 @CASH_IN ...3 @INSURANCE unless @INSURANCE_BENIGN",)),
    (("self_injury",), DIRECT, ("@BANG @HEAD_FIST ...3 against|into|on|off ...2 @HARD_PLACE ~6 @HURT_UNTIL ...3 "
                                "@HURT_RESULT",)),
) + HARM_FORMS



_SEP = r"[^\w,;:.!?]++"  # between two words of a sentence (spaces, apostrophes, hyphens), never a comma
_ANY_SEP = r"[^\w.!?]++"  # between two words, a comma allowed
_STOP = r"(?!(?:not|never|no|nor|but)\b)"
_UNITS = r"(?:mg|mgs|ml|mcg|ug|g|grams?|milligrams?|micrograms?|iu|units?)\b"
_NUMBER_FORMS = {
    "#many": (r"(?:(?:[5-9]|[1-9]\d{1,2})(?!\d)(?!\s*" + _UNITS + r")|five|six|seven|eight|nine|ten|eleven|twelve|"
              r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
              r"eighty|ninety|hundreds?|dozens?)"),
    "#few": r"(?:[2-4](?!\d)(?!\s*" + _UNITS + r")|two|three|four|couple)",
}


_GAP, _MANY, _FEW = "\x00", "\x01", "\x02"  # stand-ins while a trie is built
_SYMBOLS = {_GAP: _SEP, _MANY: _NUMBER_FORMS["#many"], _FEW: _NUMBER_FORMS["#few"]}


def _forms_of(word: str) -> frozenset[str]:
    return frozenset({_MANY if word == "#many" else _FEW}) if word in _NUMBER_FORMS else inflections(word)


def _trie(strings: set[str]) -> str:
    """One regex for many strings, sharing their beginnings ("swallow(?:ed|ing|s)?"): matching it costs a few
    steps, where a flat alternation of hundreds of words is tried word by word."""
    root: dict[str, Any] = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = [(_SYMBOLS[ch] if ch in _SYMBOLS else re.escape(ch)) + render(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(root)


def _alternatives(token: str) -> tuple[str, list[list[str]]]:
    """The regex for `a|@SET|b` (each word in all its forms), and its phrases as lists of words."""
    phrases: list[list[str]] = []
    for part in token.split("|"):
        phrases += [p.split() for p in SETS[part[1:]]] if part.startswith("@") else [part.split()]
    strings = {_GAP.join(combo) for phrase in phrases for combo in product(*(sorted(_forms_of(w)) for w in phrase))}
    return "(?:" + _trie(strings) + r")\b", phrases


def compile_form(pattern: str) -> tuple[str, tuple[str, ...], frozenset[str], tuple[frozenset[str], ...]]:
    """One pattern of the language above as a regex over a normalised sentence, its trigger words, and the words
    it can start with (it is matched where one of them stands: searching a sentence for a long alternation is slow),
    and what the sentence must hold for it to match at all (a form of the longest word of each needed token)."""
    tokens = pattern.split()
    if tokens[0].endswith("?") or tokens[0][0] in ".~!$":
        raise ValueError(f"a pattern must start with a word or a set: {pattern!r}")
    regex, phrases = _alternatives(tokens[0])
    first = frozenset(form for phrase in phrases for form in inflections(phrase[0]))
    parts = [regex]
    needed = [phrases]
    sep = _SEP
    for token in tokens[1:]:
        after, sep = sep, _SEP
        if token.startswith("..."):
            parts.append(rf"(?:{_SEP}{_STOP}\w++){{0,{int(token[3:])}}}?")
        elif token.startswith("~"):
            parts.append(rf"(?:{_ANY_SEP}\w++){{0,{int(token[1:])}}}?")
            sep = _ANY_SEP  # what follows may stand after a comma
        elif token == "$":
            parts.append(r"(?=\s*(?:[,;:.!?]|$))")
            sep = _ANY_SEP
        elif token == "$$":
            parts.append(r"(?=\s*(?:[.!?]|$))")
        elif token.startswith("!"):
            body, reach = token[1:], ""
            if ":" in body:
                n, body = body.split(":", 1)
                reach = rf"(?:{_SEP}\w++){{0,{int(n)}}}"
            parts.append(rf"(?!{reach}{_SEP}{_alternatives(body)[0]})")
        else:
            regex, phrases = _alternatives(token.rstrip("?"))
            if token.endswith("?"):
                parts.append(rf"(?:{after}{regex})?")
            else:
                parts.append(after + regex)
                needed.append(phrases)
    # The rule runs only on sentences holding a form of its rarest needed word.
    def starts(phrases: list[list[str]]) -> set[str]:
        return {form for phrase in phrases for form in inflections(_rarest(phrase)) if not form.startswith("#")}
    candidates = [starts(p) for p in needed if all(not w.startswith("#") for p in p for w in p)]
    triggers = min(candidates, key=lambda s: (len(s & _COMMON) / len(s), len(s)))
    needs = tuple(frozenset(s) for s in candidates if s != triggers)
    return "".join(parts), tuple(sorted(triggers)), first, needs


# Words too common to choose which rules run on a sentence.
_COMMON = frozenset(
    "i a an the my to of and be am is are was were been being have has had do does did done doing it on at in this "
    "that can could would will keep kept keeps all not never when after before once by next so just get got gets go "
    "goes going gone went know knew think thought want wanted feel felt make made like one out up about what how "
    "where there then than me myself for with as take took takes taking taken end ends ended ending say said see saw "
    "come came look looked use used need needed give gave things everything it's".split()
)


def _rarest(phrase: list[str]) -> str:
    """The word of a phrase least likely to stand in any sentence: the longest one that isn't an everyday word."""
    return max(phrase, key=lambda w: (w not in _COMMON and w not in _FIXED, len(w)))


@dataclass(frozen=True)
class FormRule:
    categories: frozenset[str]
    guard: int
    triggers: tuple[str, ...]  # it is looked at only on sentences holding one of these words,
    needs: tuple[frozenset[str], ...]  # runs only when they hold one of each of these too,
    first: frozenset[str]  # and is matched where one of these stands
    regex: re.Pattern[str]
    unless: frozenset[str] = frozenset()  # and never on a sentence holding one of these


def unless_words(token: str) -> frozenset[str]:
    """Every form of the single words of an `unless` token (`a|@SET`)."""
    words: set[str] = set()
    for part in token.split("|"):
        for phrase in SETS[part[1:]] if part.startswith("@") else (part,):
            if " " in phrase:
                raise ValueError(f"`unless` takes single words: {phrase!r}")
            words |= inflections(phrase)
    return frozenset(words)


@lru_cache(maxsize=1)
def rules() -> tuple[FormRule, ...]:
    """Every pattern below, compiled."""
    compiled = []
    for categories, guard, patterns in _PATTERNS:
        for pattern in patterns:
            body, _, unless = pattern.partition(" unless ")
            regex, triggers, first, needs = compile_form(body)
            compiled.append(FormRule(frozenset(categories), guard, triggers, needs, first, re.compile(regex),
                                     unless_words(unless) if unless else frozenset()))
    return tuple(compiled)
