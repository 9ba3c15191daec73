"""Is a promise about staying safe from self-harm? (pure: no Django, no clock)

A promise like "I won't hurt myself" is never one rebond tracks as something that can be missed: it offers the
safety plan instead (UX.md, Safety). Recall comes first: a self-harm promise tracked day by day could end up as a
"not this time", while an everyday promise taken for one only costs an offer page and a rewording.

How it decides, on the text normalised as the crisis check does (lower case, plain apostrophes, "won't" spelled
"will not"), after blanking a few idioms ("cut myself some slack", "beat myself up", "throw up my hands"):
1. Words that are about self-harm or suicide wherever they stand: self-harm, suicide, "end my life".
2. A harmful act aimed at yourself: "cut myself", "burn my arms", "starve myself" (not "starve myself of fun").
3. A "not" frame (no more, not, never, stop, without, instead of, stay clean from …) a few words before a
   self-harm act used on its own (cutting, purging, overdosing, "end it", "an attempt", "too many pills"),
   followed by the end of the clause, "myself", a body part or a time word ("tonight", "again", "when …"). So
   "no more cutting" and "I won't purge tonight" count, "no more cutting corners" and "I won't cut in line" don't.
4. Staying safe or alive: "stay safe", "keep myself alive", except staying safe at something you do
   ("stay safe on the bike", "remain safe while driving", "stay safe online") and "alive to" (noticing).
5. Anything the crisis check reads as self-harm or suicidal (``SELF_HARM_CATEGORIES``).

tests/data/safety_promises.yaml is a held-out list this is measured against: every safety promise caught, at
most one everyday look-alike taken for one.
"""

from __future__ import annotations

import re

from rebond.domain import crisis

# The crisis check's categories that make a promise a safety promise ("harmed_by_other" and "unsafe" lead to help
# through the guard, but a promise about them is still the person's own to keep).
SELF_HARM_CATEGORIES = frozenset({"ideation", "plan", "means", "self_injury", "goodbye"})

_BODY = (r"(?:my\s*self|my\s+(?:own\s+)?(?:body|skin|arms?|legs?|wrists?|thighs?|stomach|belly|hips?|face|"
         r"hands?|chest|head))")

# Everyday phrases that would otherwise look like an act against yourself.
_IDIOMS = re.compile(
    r"\bcut(?:s|ting)?\s+(?:my\s*self|me)\s+(?:off|some\s+slack|slack|a\s+break|loose|short|out)\b"
    r"|\bbeat(?:s|ing)?\s+(?:my\s*self|me)\s+up\b"
    r"|\bstarv(?:e|es|ing)\s+(?:my\s*self|me)\s+of\s+(?!food|meals?|eating)"
    r"|\bthrow(?:s|ing)?\s+up\s+(?:my|both)\s+hands\b"
    r"|\bhurt(?:s|ing)?\s+my\s+(?:own\s+)?(?:feelings|chances|pride)\b"
    r"|\bcut(?:s|ting)?\s+and\s+past\w*"
)

# 1. Always about self-harm or suicide.
_ALWAYS = re.compile(
    r"\bself[\s-]*(?:harm\w*|injur\w*|hurt\w*|destruct\w*|mutilat\w*)"
    r"|\bsuicid\w*"
    r"|\b(?:end|ending|ends|take|taking|takes)\s+my\s+(?:own\s+)?life\b"
)

# 2. A harmful act aimed at yourself.
_ACT_ON_SELF = re.compile(
    r"\b(?:hurt|hurting|harm|harming|injure|injuring|cut|cuts|cutting|burn|burns|burning|kill|killing|hit|hitting|"
    r"punch|punching|scratch|scratching|bruise|bruising|starve|starving|strangle|strangling|choke|choking|"
    rf"poison|poisoning|slit|slitting|slash|slashing|stab|stabbing)\s+{_BODY}\b"
    r"|\bpunish(?:ing)?\s+my\s+(?:own\s+)?(?:body|skin|arms?|legs?)\b"
    r"|\b(?:make|makes|making|made)\s+my\s*self\s+(?:sick|throw\s+up|vomit|bleed)\b"
    r"|\b(?:stay|staying|keep|keeping)\s+away\s+from\s+(?:the\s+|my\s+)?(?:razors?|blades?|sharps)\b"
)

# 3. A "not" frame shortly before a self-harm act used on its own.
_FRAME = (r"(?:\bno(?:\s+more|\s+longer)?|\bnot|\bnever|\bstop(?:s|ped|ping)?|\bquit(?:s|ting)?|\bwithout|"
          r"\binstead\s+of|\brather\s+than|\bavoid(?:ing)?|\bresist(?:ing)?|\brefrain(?:ing)?\s+from|"
          r"\b(?:clean|free|away)\s+(?:from|of)|\bgive\s+up|\bgiving\s+up)")
_ACT = (r"(?:cut|cuts|cutting|burn|burning|hurt|hurting|harm|harming|starve|starving|purge|purges|purging|"
        r"vomit|vomiting|throw\s+up|throwing\s+up|binge\s+and\s+purge|overdose|overdosing|od|o\.d\.?|"
        r"end\s+(?:it|it\s+all|things|everything)|ending\s+(?:it|it\s+all|things|everything)|"
        r"(?:make|making|try|trying)\s+(?:an|another|one\s+more)\s+attempt|attempt|attempting|"
        r"take\s+(?:too\s+many|too\s+much|extra|more|all\s+(?:of\s+)?(?:my|the)|a\s+(?:whole\s+)?(?:bottle|"
        r"handful|packet|box|pack|strip)\s+of)\s+(?:\w+\s+)?(?:pills|tablets|meds|medicine|medication|"
        r"painkillers|sleeping\s+pills)|"
        r"(?:jump|jumping)\s+(?:off|from)\s+(?:a|the|my)\s+(?:\w+\s+)?(?:bridge|roof|building|balcony|cliff|"
        r"ledge|tower|window)s?)")
_TIME = (r"(?:again|anymore|any\s+more|ever|today|tonight|tomorrow|this|next|each|every|all|for|till|until|"
         r"through|when|whenever|if|after|before|during|while|on\s+\w+days?|at\s+night|one\s+day|in\s+\d|"
         r"from\s+now|no\s+matter)\b")
# The act ends its clause, or what follows is you, your body or a time; anything else is a different act
# ("cutting corners", "cut in line", "burning the toast", "end the call").
_TAIL = rf"(?=\s*(?:$|[,.;:!?()\-\u2013\u2014]|and\b|or\b|{_BODY}\b|{_TIME}))"
_NOT_DOING = re.compile(rf"{_FRAME}(?:\s+\w+){{0,3}}?\s+{_ACT}\b{_TAIL}")
# An overdose is about self-harm whatever follows ("I will not overdose on my meds").
_NOT_OVERDOSING = re.compile(rf"{_FRAME}(?:\s+\w+){{0,3}}?\s+(?:overdos\w*|od|o\.d\.?)(?:\s|$|[,.;:!?])")

# 4. Staying safe or alive.
_STAY = r"\b(?:stay|stays|staying|keep|keeps|keeping|remain|remaining)(?:\s+(?:my\s*self|me))?"
_ALIVE = re.compile(rf"{_STAY}\s+alive\b(?!\s+to\b)")
_SAFE = re.compile(rf"(?:{_STAY}|\bbe)\s+safe\b(?P<rest>[^.;!?]*)")
# "Stay safe on the bike", "safe while driving", "safe online": safety at something you do, not from yourself.
_DOING = re.compile(r"^\s*(?:on|in|at|while|whilst|when|whenever|during|around|near|by|with|behind|under|online|"
                    r"outside|out|as|crossing|driving|riding|cycling|walking|swimming|hiking|working)\b")
# What keeps "stay safe <at something>" a promise about yourself: a time or a hard feeling in the same clause.
_HARD_TIME = re.compile(
    r"^\s*(?:at|through|during|in)\s+(?:the\s+)?night\b|^\s*at\s+home\b"
    r"|\b(?:tonight|today|hard|bad|rough|dark|tough|difficult|worst|low|sad|lonely|alone|crisis|urges?|upset|"
    r"triggered|overwhelmed|numb|angry|hopeless|panic\w*|spiral\w*|myself|thoughts|feel|feelings?|give\s+up|"
    r"giving\s+up)\b"
)


def _stays_safe(text: str) -> bool:
    for found in _SAFE.finditer(text):
        rest = found.group("rest")
        if not _DOING.search(rest) or _HARD_TIME.search(rest):
            return True
    return False


def is_safety_promise(text: str) -> bool:
    """True for a promise about staying safe from self-harm ("I won't hurt myself", "no more cutting"). Such a
    promise is never one that can be missed: rebond offers to put it in the safety plan instead (UX.md, Safety)."""
    if not text or not text.strip():
        return False
    flat = _IDIOMS.sub(" ", crisis.normalise(text))
    if (_ALWAYS.search(flat) or _ACT_ON_SELF.search(flat) or _NOT_DOING.search(flat)
            or _NOT_OVERDOSING.search(flat) or _ALIVE.search(flat) or _stays_safe(flat)):
        return True
    return not SELF_HARM_CATEGORIES.isdisjoint(crisis.check(text).categories)
