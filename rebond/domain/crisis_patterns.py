"""The crisis check's hand-written patterns (pure data; rebond/domain/crisis.py runs them).

Layer 3a: idioms, blanked out before any matching. Layer 2: patterns for indirect phrasing, each with the
categories it signals, the guard it must pass, and the trigger words a sentence must hold for it to run.
"""

from __future__ import annotations

_HARM = "harmed_by_other"

# Guards a match must pass. DIRECT: nothing beyond the shared filters.
DIRECT = 0
NO_NEGATION = 1  # the pattern is a negated wish itself ("I don't want to live"): negation can't cancel it
FIRST_PERSON = 2  # the sentence must speak of "I/me/my" and not be a fiction or news frame
CONTEXTUAL = 4  # counts only beside another self-risk signal in the same text
AGENT = 8  # being harmed: another person must be named as the doer in the sentence
OPENS = 32  # the match opens its sentence, diary-style, with no "I" ("Got a rope today."): only openers before it
PART = 64  # half a signal: its categories name the half; it counts only as PART_PAIRS and PART_ALONE say

# Two halves make a signal when both are found within PART_WINDOW sentences of each other, in any order: a
# preparation act ("paid off my debts") with a clause about the writer's own death or absence ("when I'm not here"),
# parting with one's things or pet with that clause or a weaker one ("ready to go now"),
# a set time for an act left unsaid ("tonight is the night") with a finality clause, a wait for the house to empty or
# a place to be alone, a height looked up with "it would be enough", someone coming into "my room at night" with a
# plea for it to stop or a secret. Neither half is enough alone: wills, late-night visits and set dates are everyday.
PART_PAIRS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("prep", "finality", ("goodbye",)),
    ("parting", "finality", ("goodbye",)),
    ("parting", "ready", ("goodbye",)),
    ("set_time", "finality", ("plan",)),
    ("set_time", "waiting", ("plan",)),
    ("set_time", "place_alone", ("plan",)),
    ("height", "enough", ("means",)),
    ("night_visit", "make_it_stop", (_HARM,)),
    ("night_visit", "secrecy", (_HARM,)),
)
PART_WINDOW = 2
# Halves that count on their own beside another self-risk signal anywhere in the text, as CONTEXTUAL patterns do.
PART_ALONE: dict[str, str] = {"prep": "goodbye", "parting": "goodbye", "finality": "goodbye", "set_time": "plan",
                              "height": "means"}


def _pairs(firsts: str, seconds: str) -> tuple[str, ...]:
    """Triggers that need two words in the sentence: "want+not" runs a pattern only where both appear."""
    return tuple(f"{a}+{b}" for a in firsts.split() for b in seconds.split())


# ---- layer 3a: idioms, blanked out before any matching (only when one of their trigger words is there) ---
IDIOMS: tuple[tuple[tuple[str, ...], str], ...] = (
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
    # "I'd rather die than sing karaoke" (but not "than go through another year like this")
    (("rather",), r"\b(?:would|had) rather (?:die|be dead) than (?!(?:go|going|live|living|keep|carry|be|feel|face|"
                  r"wake|spend|another|this|deal|suffer|have to|stay|exist|continue|put up)\b)"),
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
    (("push", "pushes", "pushed", "pushing"), r"\bpush(?:es|ed|ing)? me (?:to|into \w+ing|out of my comfort zone|forward|"
                                              r"(?:too|so) (?:hard|far|much)(?! (?:against|into|onto|down|over|and i fell))|"
                                              r"harder|to (?:my|the) limits?)\b"),
    (("beat", "beats"), r"\bbeat(?:s)? me (?:at|in|to it|to the punch|by)\b"),
    (("grab", "grabs", "grabbed"), r"\bgrab(?:s|bed)? me (?:a|an|some|the|one)\b"),
    (("shot", "shoot"), r"\bsho(?:o)?t me (?:a|an|that|this|some)\b"),
    (("kick", "kicks", "kicked"), r"\bkick(?:ed|s)? me out\b"),
    (("knock", "knocks", "knocked"), r"\bknock(?:ed|s)? me (?:sideways|for six|off my feet)\b"),
    (_pairs("cut burn burned burnt hurt injured scratched stabbed killed kill", "accidentally nearly almost"),
     r"\b(?:accidentally|nearly|almost) (?:cut|burn(?:ed|t)?|hurt|injured|scratched|stabbed|kill(?:ed)?) (?:myself|my \w+)\b"),
    (_pairs("kill kills killed killing", "myself"),
     r"\bkill(?:s|ed|ing)? myself (?:laughing|over (?:this|that|the|my|an?) (?:essay|project|exam|exams|work|job|deadline|"
     r"assignment|report|presentation|thesis|revision)\b)"),
    (_pairs("cut cutting burn burned burnt burning hurt hurting injured injuring scratch scratched scratching stabbed hit",
            "myself"), r"\b(?:cut|cutting|burn(?:ed|t|ing)?|hurt|hurting|injur(?:ed|ing)|scratch(?:ed|ing)?|stabbed|hit) myself "
                  r"(?:while|when (?:i (?:was|fell|slipped|tripped|dropped)|\w+ing\b)|on (?:the|a|my)|at (?:the|work)|chopping|cooking|shaving|slicing|opening|playing|skiing|"
                  r"running|lifting|climbing|training|by accident|accidentally|in the kitchen|with the (?:knife|oven|iron|"
                  r"kettle|pan))\b"),
    (_pairs("hurt hurting", "myself"), r"\bhurt(?:ing)? myself (?:by|emotionally|with (?:my )?(?:words|thoughts|expectations))\b"),
    (_pairs("kick hit slap", "could"), r"\bcould (?:kick|hit|slap) myself (?:for|when)\b"),
    (("kms",), r"\b\d+\s*kms\b"),
    # someone doing something to "me" that isn't harm: dragged along to the gym, kicked by mistake, followed round the
    # house by a child, an arm twisted into going out
    (("push", "pushes", "pushed", "pushing"),
     r"\bpush(?:es|ed|ing)? me (?:really |so |too )?hard(?:er)? (?:at|in|during) (?:training|the gym|practice|class|"
     r"rehearsal|the session|physio|school|work|the race|the match|the game)\b"),
    (("drag", "drags", "dragged", "dragging"),
     r"\bdrag(?:s|ged|ging)? me (?:along |out |round |back )?(?:to|into town|shopping|out of bed|for (?:a |some )?(?:drinks?|"
     r"dinner|lunch|coffee|a walk|walks|a run|a meal|food|brunch|breakfast|a curry|pizza))\b"
     r"(?! (?:the |my |his |her )?(?:floor|ground|car|van|bedroom|bathroom|stairs|wall)\b)"),
    (("accident", "mistake", "accidentally"),
     r"\b(?:hit|hits|kicked|kicks|kick|pushed|pushes|locked|locks|elbowed|knocked|bumped|stepped on|headbutted|"
     r"scratched|bit|bites|grabbed|punched|slapped|burned|burnt|shoved) (?:me|my \w+)(?: (?!said|says|claims|claimed|"
     r"swore|swears|told|tells|pretended|pretends|insists|insisted)\w+){0,3}? (?:by accident|by mistake|accidentally)\b"
     r"|\baccidentally (?:hit|kicked|pushed|locked|elbowed|knocked|headbutted|scratched|bit|grabbed|punched|slapped|"
     r"burned|burnt|shoved) (?:me|my)\b"),
    (("follow", "follows", "followed", "following"),
     r"\bfollow(?:s|ed|ing)? me (?:\w+ ){0,5}?like (?:a|an|my) (?:little |tiny |lost )?(?:shadow|puppy|duckling|duck)\b"
     r"|\bfollow(?:s|ed|ing)? me (?:everywhere )?(?:around|round|about) the (?:house|flat|kitchen|garden|shop|shops)\b"),
    # a slap on the back is praise: "the lads slapped me on the back after the match"
    (("slap", "slaps", "slapped", "slapping", "clap", "clapped", "pat", "patted"),
     r"\b(?:slap(?:s|ped|ping)?|clap(?:s|ped)?|pat(?:s|ted)?) me on the (?:back|shoulder)\b"),
    (("twist", "twists", "twisted", "twisting"),
     r"\btwist(?:s|ed|ing)? (?:my|your|his|her) arm (?:to|into|and (?:i|we) (?:went|came|said yes|agreed))\b"),
)

# ---- layer 2: hand-written patterns for indirect phrasing -------------------------------------------
AGENT_WORDS = frozenset(
    "he she they someone somebody partner husband wife boyfriend girlfriend bf gf ex fiance fiancee spouse dad father "
    "mum mom mam mother stepdad stepfather stepmum stepmom stepmother parent parents brother sister son daughter uncle "
    "aunt cousin grandfather grandmother grandpa grandma boss coach teacher roommate flatmate housemate landlord man guy "
    "carer caregiver guardian manager supervisor colleague coworker tutor lecturer neighbour neighbor stepbrother "
    "stepsister boys girls lads bullies gang classmates stranger strangers".split()
)
_AGENTS = "|".join(sorted(AGENT_WORDS, key=lambda w: (-len(w), w)))
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
_RISK_RULES: tuple[_Rule, ...] = (
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
     rf"(?:notice|care|mind|cry|miss it)(?: at all)? (?:if|when|once|after) i (?:{_GONE}|am gone)\b"
     rf"|\b(?:if|when|once) i (?:{_GONE}|am gone),? (?:no one|nobody|no-one)(?: at all| really| even)? (?:would|will|is going"
     rf" to)(?: even| ever| really| actually)? (?:notice|care|mind|cry|miss me)\b"),
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
                                           r"the \w+ is) (?:definitely )?high enough\b"
                                           r"(?! (?:for|to (?:fit|clear|get|drive|pass|go)|clearance)\b)"),
    (("means",), FIRST_PERSON, _MEANS_WORDS,
     rf"\b{_MEANS_NOUNS}\b[^.!?;]{{0,60}}?\bi (?:keep|can not stop|could not stop|have been) (?:thinking|looking|staring)\b"
     rf"|\bi (?:keep|can not stop|could not stop|have been) (?:thinking|looking|staring) (?:about|at) (?:the|my|his|her|"
     rf"their|\w+ is) {_MEANS_NOUNS}\b|\bknow where (?:he|she|they|my \w+) keeps? (?:the|his|her|their) {_MEANS_NOUNS}\b"),
    (("means",), CONTEXTUAL, ("access",), rf"\b(?:have|got|has) access to (?:a|his|her|my \w+ is|the) {_MEANS_NOUNS}\b"),
    # a means got hold of and kept to hand: "I have the rope ready", "the pills are hidden in my drawer"
    (("means",), FIRST_PERSON, _MEANS_WORDS + ("noose",),
     rf"\bi (?:have|have got|got|bought|keep|kept|left|set)\b(?: \w+){{0,1}}? (?:the |a |some |my |those )?"
     rf"(?:{_MEANS_NOUNS[3:-1]}|noose)\b(?: \w+){{0,2}}? (?:ready|set up|waiting for me|to hand|within reach)\b"
     rf"(?! for (?:the|my|a|our|this) (?:trip|holiday|journey|flight|week|weekend|morning|travel|visit)\b)"
     rf"|\bi (?:have|have got|got|made|tied) (?:a |the )?noose\b"),
    (("means",), DIRECT, _pairs(" ".join(_PILL_WORDS), "all whole every"),
     rf"\b(?:take|taking|took|swallow|swallowing|swallowed) (?:all|every one|the whole (?:bottle|box|packet|lot)) (?:of )?"
     rf"(?:my |the |those |these )?{_PILLS}\b"),
    (("means",), DIRECT, _pairs("counted counting lined lining laid laying set setting", " ".join(_PILL_WORDS)),
     rf"\b(?:counted|counting|lined|lining|laid|laying|set|setting) (?:out |up )?all (?:of )?(?:my |the |those |these )?"
     rf"(?:sleeping )?{_PILLS}\b(?! (?:for the week|into (?:the|my) (?:box|organi[sz]er|case)|by day)\b)"),
    (("means",), DIRECT, ("overdose", "od"),
     r"\b(?:want|wanted|going|plan|planning|thinking about|think about|tempted|try|tried|trying) (?:to )?(?:overdose|od)\b"),
    (("plan",), DIRECT, ("do+it",),
     r"\b(?:know|decided|figured out|worked out|planned|planned out|thought through|picked|chosen)\b(?: exactly)? (?:how|where|"
     r"when) i (?:would|will|am going to|could|should|want to|might) (?:go to )?do it\b"),
    (("plan",), DIRECT, ("picked", "chosen", "set", "decided", "settled", "marked"),
     r"\b(?:picked|chosen|set|decided on|settled on|marked)\b (?:a|the) (?:day|date|time|night|weekend)\b(?: when| that)? "
     r"(?:i am going to|i will|i would|to) (?:do it|go through with it|end it|end things|go)\b"),
    (("plan",), DIRECT, _pairs("mind", "tonight tomorrow weekend week day night monday tuesday wednesday thursday friday "
                                        "saturday sunday"),
     r"\b(?:made up my mind|my mind is made up)\b[^.!?]{0,20}?\b(?:tonight|tomorrow|this weekend|this week|(?:this |next |on )?"
     r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)) is (?:it|the (?:day|night|time))\s*(?=[^\w\s]|$)"),
    (("plan",), CONTEXTUAL, ("do+it",),
     r"\b(?:thought about|been thinking about|keep thinking about|pictured|imagined)\b (?:exactly )?(?:how|where|when) i "
     r"(?:would|will|am going to|could|might) do it\b"),
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
     r"your|his|her|anyone is) fault|just in case|in case i am (?:not (?:here|around)|gone|no longer (?:here|around)))\b"),
    (("goodbye",), DIRECT, ("giving", "give", "gave", "given"),
     r"\b(?:giving|give|gave|given) (?:away )?(?:all |most |some |a lot )?(?:of )?my (?:things|stuff|belongings|possessions|"
     r"valuables|prized possessions|favou?rite things)(?: away)?\b(?![^.!?]{0,40}\b(?:moving|move|moved|charity|declutter\w*|"
     r"downsiz\w*|donat\w*|clear(?:ing)? out|spring clean\w*|car boot|garage sale|yard sale|sell\w*|sold)\b)"),
    (("goodbye",), DIRECT, _pairs("home homes someone", "dog cat pet pets rabbit bird fish hamster plants"),
     r"\b(?:found|finding|find) (?:a )?(?:new |good |safe )?(?:home|homes|someone) (?:for|to (?:take|look after)) (?:my|the) "
     r"(?:dog|cat|pets?|rabbit|bird|fish|hamster|plants)\b[^.!?]{0,60}?\b(?:when i am gone|after i am gone|once i am gone|"
     r"for good|without me|if anything happens)"),
    # giving someone to look after, because "I" won't be there to: "gave my dog to my neighbour because I won't need to"
    (("goodbye",), DIRECT, _pairs("giving give gave given", "need needing here around"),
     r"\b(?:giving|give|gave|given)(?: away)? (?:all )?(?:of )?my (?:dog|cat|pets?|rabbit|bird|fish|hamster|plants|things|stuff|"
     r"belongings|possessions|savings|money)\b[^.!?]{0,60}?\b(?:because|since|as|so|now that)\b[^.!?]{0,20}?\bi (?:will not|"
     r"would not|am not going to) (?:need|be (?:here|around|needing))\b"),
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
    # hurt until it bled, blistered or split: "held my hand on the hob until it blistered"
    (("self_injury",), DIRECT, _pairs("bled bleed bleeds bleeding bruised broke blood blistered blistering split burned "
                                      "burnt", "until till til"),
     r"\b(?:scratch\w*|cut|cutting|cuts|punch\w*|hit|hitting|bit|bite|biting|bang\w*|pick\w*|dig\w*|dug|clawed|clawing|"
     r"held|hold|holding|pressed|pressing|press|kept|burn\w*)\b[^.!?;]{0,40}?\b(?:until|till|til) (?:it|i|they|my \w+|the skin|there "
     r"was blood) (?:bled|bleeds|bleed|was bleeding|were bleeding|bruised|broke|drew blood|blistered|was blistering|"
     r"split|burned|burnt)\b"),
    (("self_injury",), DIRECT, _pairs("hurt", "want wanted need needed"),
     r"\bi (?:wanted|want|needed|need) (?:it|the pain|myself) to hurt\b"),
    (("self_injury",), DIRECT, ("urge", "urges", "craving", "cravings"),
     r"\b(?:urge|urges|craving|cravings) to (?:cut|self[ -]?harm|burn myself|harm myself)\b"),
)


# ---- being harmed by someone else -------------------------------------------------------------------------
# The one definition of "being harmed by someone": the crisis check's `harmed_by_other` (crisis.harmed_by_other),
# which the app routes to domestic-violence help and the trap suggester reads to hold back three traps. It is
# written by structure: another person doing something to "me" or "my" body or things, following, watching or
# controlling "me", a threat tied to leaving or telling, and fear of what a named person will do. AGENT patterns
# need the doer named in the sentence before the act (a pronoun, a relative, a partner, an ex...).
_DOERS = r"(?:he|she|they|(?:my|his|her|our) (?:" + _AGENTS + r"))"
_WHEN_LEAVING = (r"(?:ever |try to |tried to |dare to |so much as )?(?:leave|left|tell|told|report|reported|break up with|"
                 r"go to the police|went to the police|call the police|called the police|speak to|talk to|see)")
_LEAVE_OBJECT = (r"(?: (?:him|her|them|anyone|anybody|someone|the police|this house|the house|home|the relationship|"
                 r"a soul))?")
_BAD_INTENT = (r"(?:find|hunt|track|come after|come for|kill|hurt|harm|get|punish|hit|beat|take|make me pay|ruin|"
               r"burn|destroy)")
_AFRAID = r"(?:scared|afraid|terrified|frightened|petrified|fear|fearful)"

HARM_RULES: tuple[_Rule, ...] = (
    ((_HARM,), AGENT, _pairs("hurt kill harm hit beat strangle choke stab shoot burn break", "me my us kids children baby")
     + _pairs("take keep", "threaten threatens threatened threatening"),
     r"\b(?:threaten(?:s|ed|ing)?|tried|tries|trying|swore) to (?:hurt|kill|harm|hit|beat|strangle|choke|stab|shoot|burn|"
     r"break) (?:me|my|us|the kids|the children|the baby)\b|\b(?:will|would|is going to|was going to|going to) (?:hurt|harm|"
     r"hit|beat|strangle|choke|stab|shoot|burn) (?:me|my|us|the kids|the children|the baby)\b|\b(?:said|says|told me|swore) "
     r"(?:he|she|they) (?:would|will|is going to|was going to) kill me if i\b|\bthreaten(?:s|ed|ing)? to (?:take|keep) "
     r"(?:the|my|our) (?:kids|children|baby|son|daughter)\b"),
    # "he hurt me again", but not hurt feelings: "she hurt me when she left", "his words hurt me", "it hurts me to see"
    ((_HARM,), AGENT, ("hurt", "hurts", "hurting"),
     r"(?<!words )(?<!comments )(?<!silence )(?<!lies )\bhurt(?:s|ing)? me\b(?! (?:by|with|when (?:he|she|they|you)|so much|"
     r"deeply|emotionally|more|most|the most|a lot|to (?:see|hear|think|know|say)|that|feelings|inside|too)\b)"),
    ((_HARM,), DIRECT, ("scared", "afraid", "terrified", "frightened", "petrified"),
     rf"\b(?:scared|afraid|terrified|frightened|petrified)(?: to death)? of (?:him|her|them|my (?:{_AGENTS}))(?=\s*(?:$|"
     rf"[^\w\s'\u2019]|(?:when|because|and|but|so|now|sometimes|lately|again|too|anymore|at home|right now|these days|all the"
     rf" time|most days|if|every|after|whenever)\b))|\b(?:scared|afraid|terrified|frightened) (?:to go|of going|to be|of "
     rf"being) (?:back )?(?:home|alone with (?:him|her|them))\b"),
    # fear of what a named person will do: "I'm terrified my ex will find out where I moved"
    ((_HARM,), DIRECT, ("scared", "afraid", "terrified", "frightened", "petrified", "fear", "fearful"),
     rf"\b{_AFRAID}(?: of what| that| for my (?:life|safety) if)? {_DOERS} (?:will|would|might|could|may|is going to|"
     rf"was going to) (?:do(?= *(?:$|[^\w\s]|to me|to us|to the kids|if|when|next|once|after)\b)|do something to|hurt|kill|"
     rf"harm|hit|beat|find me|find us|find out where (?:i|we)|track me|come after|come for|come back|turn up|show up|take "
     rf"the (?:kids|children|baby)|lose (?:his|her|their) temper)|\bfear for my (?:life|safety)\b"),
    ((_HARM,), DIRECT, _pairs("what", "he she they"),
     r"\b(?:scared|afraid|terrified|frightened) (?:of )?what (?:he|she|they) (?:will|would|might|could|may|is going to) do\b"
     r"|\bwhat (?:he|she|they) (?:will|would|might|could|may|is going to) do (?:to me|if i (?:leave|left|tell|told|go|went|say|"
     r"said))\b"),
    # a threat tied to leaving or telling: "if I leave he will find me", "she'll hurt me if I tell anyone"
    ((_HARM,), DIRECT, _pairs("leave left tell told report reported break police speak talk see", "if"),
     rf"\bif i {_WHEN_LEAVING}{_LEAVE_OBJECT},? {_DOERS} (?:will|would|is going to|was going to|swears (?:he|she|they) "
     rf"will|said (?:he|she|they) would)(?: \w+){{0,2}}? {_BAD_INTENT} (?:me|us|the kids|my|you)\b"),
    ((_HARM,), AGENT, _pairs("kill kills killed hurt hurts harm harms hit beat stab shoot strangle choke burn find hunt "
                             "punish destroy ruin", "if"),
     rf"\b(?:kill|hurt|harm|hit|beat|stab|shoot|strangle|choke|burn|find|hunt|punish|destroy|ruin)(?:s|ed)? (?:me|us|my "
     rf"\w+|the kids|the children)(?: \w+){{0,2}}? if i {_WHEN_LEAVING}\b(?! (?:you|him|her|them) (?:later|soon|tomorrow|"
     rf"at|in)\b)"),
    ((_HARM,), AGENT, ("let+me", "takes+my", "took+my", "hides+my", "hid+my", "controls+money"),
     r"\b(?:will not|does not|would not|never) let me (?:leave|go out|go anywhere|see (?:my|anyone)|talk to|have (?:my own|"
     r"any)|out of (?:the house|his sight|her sight))\b|\b(?:takes|took|hides|hid) my (?:phone|keys|car keys|bank card|cards|"
     r"passport|documents) (?:away|from me|so i (?:can not|could not))\b|\bcontrols (?:all )?(?:of )?(?:my|the) money\b"),
    ((_HARM,), FIRST_PERSON, ("raped", "assaulted", "molested", "beaten", "strangled", "abused"),
     r"\bi (?:was|have been|got|am being|had been) (?:\w+ )?(?:raped|sexually assaulted|molested|beaten up|strangled|abused)\b"),
    # "I was assaulted on the way home", "I was groomed by a teacher", "I was trafficked" (not "groomed for the job")
    ((_HARM,), FIRST_PERSON, ("assaulted", "groomed", "trafficked", "harassed"),
     r"\bi (?:was|have been|got|am being|had been|keep getting) (?:\w+ )?(?:assaulted|trafficked|harassed|groomed(?! (?:for|"
     r"to|as|into (?:a|the) (?:role|job|position))\b))\b(?! (?:by|with) (?:the |a )?(?:smell|noise|sound|light|"
     r"questions|emails|calls from (?:work|the bank)|adverts|ads)\b)"),
    # done by someone, said plainly: "he forced himself on me", "she spiked my drink", "he hurts me when he drinks"
    ((_HARM,), AGENT, ("forced", "spiked", "drugged"),
     r"\bforced (?:himself|herself|themselves|themself) on me\b|\bforced me (?:to have sex|into sex|to sleep with)\b"
     r"|\b(?:spiked|drugged) my (?:drink|drinks|food|coffee|tea|wine|beer|glass)\b"),
    ((_HARM,), AGENT, ("hurt", "hurts", "hurting"),
     r"\bhurt(?:s|ing)? me (?:when|whenever|if|every time) (?:he|she|they) (?:drinks?|(?:is|gets|get|are|was|got) (?:drunk|"
     r"angry|mad|high|jealous|wasted)|loses? (?:his|her|their) temper|has been drinking)\b"),
    # stalking past a clear no: "he won't stop messaging me even though I blocked him"
    ((_HARM,), AGENT, ("blocked", "stop", "restraining"),
     r"\b(?:will|would|does|did) not stop (?:messag|text|call|follow|contact|email)ing me\b[^.!?]{0,40}\b(?:blocked (?:him|"
     r"her|them)|told (?:him|her|them) to stop|restraining order)\b|\b(?:messag|text|call|follow|contact|email)(?:s|es|ed|ing)? me\b[^.!?]{0,40}\b(?:i (?:have )?blocked (?:him|her|them)|"
     r"i told (?:him|her|them) to stop|restraining order)\b"),
    # ... said the other way round: "I blocked her but she still messages me" (the doer comes before what they do)
    ((_HARM,), AGENT, _pairs("blocked", "still keeps kept"),
     r"\b(?:still|keeps?|kept) (?:messag|text|call|follow|contact|email)\w* me\b|\b(?:still|keeps?|kept) (?:turn|show)\w* "
     r"up (?:at|outside) my\b"),
    # what was done, said in the passive: "I got punched by a stranger" (not "hit by a car")
    ((_HARM,), FIRST_PERSON, ("hit", "punched", "kicked", "slapped", "choked", "attacked", "mugged", "stabbed", "stalked",
                              "threatened", "groped", "spiked", "drugged", "pushed", "shoved"),
     r"\bi (?:was|got|have been|am being|had been|keep getting|kept getting) (?:\w+ )?(?:hit|punched|kicked|slapped|choked|"
     r"attacked|mugged|stabbed|stalked|threatened|groped|spiked|drugged|pushed|shoved)\b(?! (?:by|with|from) (?:a |an |the "
     r"|some |his |her )?(?:car|bus|truck|lorry|van|bike|cyclist|ball|wave|branch|door|train|taxi|stone|hail|virus|bug|wasp|"
     r"bee|mosquito|dog|horse|cow|fine|bill|charge|fee|eviction|legal action|court|flu|cold|news|idea|question|wave of)\b)"),
    ((_HARM,), DIRECT, ("safe",),
     r"\bi (?:am not|do not feel|no longer feel) safe (?:at home|around (?:him|her|them|my \w+)|with (?:him|her|them|my \w+)|"
     r"in my (?:own )?(?:home|house|flat|apartment))\b"),
    ((_HARM,), DIRECT, ("violent",),
     rf"\b{_DOERS} (?:gets|get|got|is|was|can be|becomes|became|turns|turned) (?:\w+ )?violent\b"),
)

RULES: tuple[_Rule, ...] = _RISK_RULES + HARM_RULES

# Named sets for the harm patterns below (in crisis_forms' pattern language; crisis_forms compiles them).
HARM_SETS: dict[str, tuple[str, ...]] = {
    "HARM_VERB": ("slam", "smash", "bang", "throw", "shove", "push", "drag", "pull", "yank", "twist", "burn", "stab",
                  "hit", "kick", "punch", "slap", "choke", "strangle", "bite", "grab", "beat", "pin", "knock"),
    "BODY": ("head", "face", "arm", "hair", "neck", "throat", "wrist", "body", "back", "leg", "stomach"),
    "SLAMMED_TO": ("into", "against", "onto", "across", "down", "off", "to the floor", "to the ground", "to the wall",
                   "out of the car", "down the stairs", "up the stairs"),
    # done to "me": "she bit me", "my stepmum would lock me in", "he came after me"
    "DONE_TO_ME": ("hit", "punch", "slap", "kick", "choke", "strangle", "shove", "push", "grab", "beat", "bite",
                   "threaten", "attack", "rape", "molest", "assault", "stalk", "strike", "smack", "lock", "drag", "stab",
                   "pin", "throttle", "smother", "headbutt", "scratch", "burn", "grope", "whip", "batter", "thump",
                   "spit on", "spit at", "abuse", "come after", "come at", "go for", "lunge at", "swing at"),
    "PLAYFUL": ("with love", "with kisses", "with affection", "with attention", "with hugs", "with praise",
                "with questions", "with compliments", "with a pillow", "with a cushion", "with a snowball",
                "with snowballs", "with a water pistol", "with a balloon", "with a nerf", "a cd", "a copy",
                "on the back", "on the shoulder", "a high five"),
    # a touch that isn't harm: "touched me deeply", "my boss touched my shoulder to get my attention"
    "NOT_TOUCH": ("deeply", "so", "really", "with", "to", "that", "how", "heart", "soul", "shoulder", "arm", "hand",
                  "elbow", "on the shoulder", "on the arm", "on the hand", "on the elbow"),
    # done to "my" body: "he broke two of my ribs", "she split my lip"
    "HURT_BODY": ("hit", "punch", "slap", "kick", "choke", "strangle", "grab", "pull", "yank", "break", "fracture",
                  "bruise", "burn", "scratch", "stab", "bite", "smash", "slam", "bang", "crack", "split", "dislocate",
                  "hurt", "pin", "spit in", "spit on"),
    "HURT_PART": ("arm", "arms", "wrist", "neck", "throat", "hair", "face", "head", "jaw", "rib", "nose", "cheek", "eye",
                  "lip", "mouth", "ear", "finger", "chest", "tooth", "teeth", "skull", "collarbone", "ankle", "knee",
                  "leg", "back", "stomach", "belly", "body", "breast", "thigh"),
    "NOT_HURT": ("to", "into", "for", "off", "out", "by accident", "accidentally", "when we", "while we"),
    "GRIP_PLACE": ("neck", "throat", "mouth", "nose", "skirt", "top", "shirt", "dress", "pants", "knickers", "trousers",
                   "jeans", "clothes", "underwear", "bra", "shorts"),
    "WEAPON": ("knife", "gun", "blade", "scissors", "pistol", "rifle", "hammer", "screwdriver", "broken glass"),
    "THROWN": ("plate", "glass", "mug", "cup", "bottle", "phone", "chair", "knife", "shoe", "remote", "vase", "bowl",
               "hot tea", "hot coffee", "boiling water", "ashtray", "lamp", "brick", "stone", "pan", "things", "stuff",
               "drink", "plates", "glasses", "keys"),
    "FORCE_INTO": ("make", "force", "pressure", "push", "coerce", "trick", "guilt", "bully", "blackmail"),
    "SEXUAL": ("sex", "sexual", "nudes", "sleep with", "have sex", "touch him", "touch her", "go down on",
               "send photos", "send pictures"),
    "IGNORED_NO": ("keep going", "carry on", "not stop", "do it anyway", "keep touching", "force", "hold me down",
                   "pin me down", "sex", "touch me", "keep kissing"),
    "IGNORED_AFTER": ("do it anyway", "not stop", "keep touching", "force me", "hold me down", "pin me down",
                      "keep kissing", "have sex", "touch me", "keep going anyway", "carry on anyway"),
    "SAID_NO": ("said no", "say no", "told him no", "told her no", "told them no", "told him to stop",
                "told her to stop", "told them to stop", "asked him to stop", "asked her to stop", "begged him to stop",
                "begged her to stop", "said stop", "was crying", "was asleep", "pushed him away", "pushed her away",
                "said i did not want to", "told him i did not want to", "told her i did not want to"),
    "FOLLOWED_TO": ("home", "everywhere", "around", "round", "from", "to my car", "to work", "to my work", "to my house",
                    "to my flat", "to my door", "to the station", "to the bus stop", "to my new", "again", "all the way", "out of",
                    "in his car", "in her car", "in their car", "down", "through", "wherever", "after", "when",
                    "at night", "across"),
    "NEAR_HOME": ("outside", "opposite", "across from", "across the street from", "across the road from", "near",
                  "at the end of", "by", "in front of"),
    "HOME": ("house", "flat", "home", "door", "work", "office", "job", "school", "window", "place", "building",
             "street", "road", "gym", "car", "apartment"),
    "AGAIN_AND_AGAIN": ("every", "most", "all night", "at night", "for hours", "again", "day after day",
                        "night after night", "all the time", "constantly", "uninvited", "unannounced", "whenever"),
    "LINGER": ("sit", "wait", "park", "lurk", "watch", "stand", "hang around", "hang about"),
    "KEEP_TURNING_UP": ("turn up", "show up", "pop up", "lurk", "hang around", "hang about", "appear"),
    "TURN_UP": ("turn up", "show up", "pop up", "come round", "come over", "wait", "sit", "park", "lurk",
                "hang around", "follow", "watch", "call", "message", "text", "ring"),
    "BLOCKED": ("block", "tell", "ask", "move", "leave", "say", "change", "report", "end", "beg"),
    "SNOOP": ("track", "monitor", "check", "read", "go through", "look through", "search", "scroll through",
              "spy on", "listen to", "record", "hack", "hack into", "log into", "get into", "break into"),
    "DEVICE": ("phone", "messages", "texts", "emails", "location", "whereabouts", "browser history", "search history",
               "dms", "chats", "social media", "mail", "bank account", "bank statements", "calls", "whatsapp",
               "laptop", "diary", "journal", "accounts", "email", "email account", "icloud", "instagram", "facebook",
               "snapchat", "socials", "gmail"),
    "NOT_SNOOP": ("bill", "battery", "case", "charger", "contract", "screen", "number", "signal", "settings", "for me",
                  "for bus times", "to see", "because", "when i asked", "while", "with me", "for typos",
                  "for spelling", "only when", "when i ask", "if i ask"),
    "SPY_TOOL": ("tracker", "tracking app", "spyware", "hidden camera", "gps tracker", "airtag"),
    "TAKE_CONTROL": ("take", "keep", "control", "hide", "confiscate", "withhold", "steal", "hold on to", "lock away"),
    "MONEY_DOC": ("money", "wages", "salary", "pay", "paycheck", "paycheque", "benefits", "savings", "bank card",
                  "passport", "documents", "id", "id card", "birth certificate", "visa", "pension", "earnings",
                  "child benefit"),
    "NOT_TAKING": ("to", "for", "because", "worries", "worry", "problems", "advice", "seriously", "out of", "back to",
                   "when i", "off me for", "while i", "into account", "into consideration", "in", "safe", "details",
                   "and gave it back"),
    "PEOPLE_OF_MINE": ("family", "friends", "friend", "parents", "mum", "mom", "dad", "sister", "brother", "kids",
                       "children", "doctor", "nan", "gran", "grandma", "grandad", "cousin", "mates", "therapist"),
    "MEET": ("see", "visit", "call", "phone", "text", "talk to", "speak to", "meet", "ring", "go out with"),
    "THINGS": ("phone", "things", "stuff", "clothes", "belongings", "laptop", "possessions", "photos", "furniture",
               "door", "car", "computer", "sim card", "guitar", "books", "tv", "television", "presents", "cards",
               "passport", "documents", "id", "letters", "diary", "glasses"),
    "WRECK": ("smash", "destroy", "trash", "wreck", "rip up", "tear up", "cut up", "burn", "stamp on", "shred",
              "smash up", "kick in", "break"),
    "NOT_WRECK": ("by", "accidentally", "by accident", "by mistake", "when", "while", "screen", "record"),
    "KIDS": ("the kids", "my kids", "our kids", "the children", "my children", "our children", "the baby", "my baby",
             "our baby", "my son", "my daughter", "our son", "our daughter"),
    "AWAY_FROM_ME": ("away from me", "from me", "and i will never", "and i would never", "so i never", "away for good",
                     "away forever"),
    "IF_I_GO": ("leave", "tell", "report", "divorce", "try", "go to the police", "call the police", "break up"),
    "NOT_THREAT": ("fire", "sack", "sue", "report", "quit", "leave", "dump", "break up", "resign", "cancel", "ground",
                   "call the police on", "move out", "walk out", "tell on", "complain", "divorce"),
    "SAY": ("say", "tell", "text", "message", "remind", "warn", "write", "email", "shout"),
    "MY_PLACE": ("live", "work", "sleep", "am staying", "stay", "park", "moved to", "go to school"),
    "SET_FIRE": ("burn", "set fire to", "torch", "blow up", "set light to"),
    "INSIDE": ("in it", "inside", "in there", "in the house", "in bed"),
    "CONSENT": ("agree", "want", "consent", "ask for", "say yes", "say it was okay", "say it was ok"),
    "THREAT_OBJ": ("me", "my", "us", "if i", "the kids", "the children", "the baby"),
    "ME_NEXT": ("me", "my face", "my head", "you", "your face", "the kids"),
    "AFRAID": ("afraid", "scared", "terrified", "frightened", "fear"),
    # sexual abuse told indirectly: someone coming into "my room at night", with a plea for it to stop or a secret
    "COME_INTO": ("come into", "come in", "creep into", "sneak into", "get into", "climb into", "slip into",
                  "let himself into", "let herself into", "walk into", "crawl into"),
    "MY_ROOM": ("my room", "my bedroom", "my bed", "bed with me", "my tent", "my bunk"),
    "AT_NIGHT": ("at night", "in the night", "every night", "most nights", "when i am asleep", "while i am asleep",
                 "when i am sleeping", "while i am sleeping", "when everyone is asleep", "when everyone is in bed",
                 "after everyone is asleep", "after everyone goes to bed", "in the middle of the night",
                 "late at night", "when mum is asleep", "when mum is at work", "when my mum is out"),
    "NIGHT_BENIGN": ("son", "daughter", "toddler", "baby", "kid", "kids", "child", "children", "grandson",
                     "granddaughter", "nephew", "niece", "cat", "dog", "puppy", "kitten", "nightmare", "nightmares",
                     "dream", "dreams", "sleepwalk", "sleepwalks", "sleepwalking", "cuddle", "cuddles", "feed",
                     "feeding", "teething", "monster", "monsters", "storm", "thunder", "dark", "goodnight", "tuck",
                     "tucks", "check", "checks", "snoring", "snores", "charger", "borrow", "borrows"),
    "STOP_IT": ("make it stop", "make him stop", "make her stop", "make them stop", "want it to stop", "get it to stop",
                "pretend to be asleep", "pretend i am asleep", "pretend to sleep", "i freeze", "i just freeze",
                "lie still", "too scared to move", "scared to tell", "afraid to tell", "nobody believes me",
                "no one believes me", "nobody would believe me", "no one would believe me"),
    "HUSH": ("our secret", "our little secret", "a secret between us", "just between us", "keep it a secret",
             "keep it secret", "keep it quiet", "not to tell anyone", "not to tell anybody", "never to tell anyone",
             "never to tell anybody", "not to tell my mum", "not to tell my mom", "not to tell mum", "not to tell mom"),
    # what someone wants to do to "me", in messages or words
    "DO_TO_ME": ("do to me", "do with me", "do to my body"),
    "NOT_DO_TO": ("next", "about", "at", "in", "for", "on", "over", "this", "tomorrow", "today", "after", "during",
                  "because", "work", "now", "when"),
    # kept quiet by a threat: "says I'll lose my job if I tell anyone"
    "TELL_COST": ("lose my job", "lose my visa", "get fired", "get sacked", "be fired", "be sacked", "get deported",
                  "be deported", "lose the kids", "lose my kids", "never see the kids", "never see my kids",
                  "nobody will believe me", "no one will believe me", "nobody would believe me",
                  "no one would believe me", "lose everything", "end up on the street", "ruin my life", "ruin me"),
    "TELL_BENIGN": ("merger", "deal", "project", "launch", "contract", "figures", "salary", "bonus", "promotion",
                    "surprise", "spoiler", "spoilers", "plot", "ending", "results", "price", "client", "clients", "nda",
                    "confidential", "password", "leak", "tender", "budget", "redundancies"),
    "TELL_ANYONE": ("tell", "tell anyone", "tell anybody", "tell someone", "report", "report him", "report her",
                    "report it", "go to hr", "go to the police", "speak up", "say anything", "say something",
                    "tell hr", "say a word", "tell a soul"),
    # watched: photos of "my" home from someone unknown
    "UNKNOWN": ("unknown number", "private number", "withheld number", "blocked number", "hidden number", "anonymous",
                "fake account", "fake profile", "no caller id", "a number i do not know", "someone i do not know",
                "an account i do not know", "a stranger"),
    "PICS": ("photo", "photos", "picture", "pictures", "pics", "video", "videos", "footage"),
    "PIC_BENIGN": ("parcel", "parcels", "delivery", "delivered", "package", "courier", "driver", "order", "listing",
                   "survey", "agent", "estate", "valuation", "insurance", "claim", "found", "lost", "missing",
                   "quote", "repair", "repairs", "mechanic", "garage", "dealer", "builder", "roofer", "plumber"),
    # kept from "my" people
    "NOT_ISOLATED": ("until", "till", "before", "during", "while", "on", "this", "today", "tonight", "after", "because",
                     "in", "at", "for", "when", "without"),
    "SAYS": ("say", "decide", "want", "think", "reckon", "tell me", "insist", "claim"),
    "ISOLATION_BENIGN": ("covid", "isolating", "isolation", "quarantine", "hospital", "ward", "exams", "exam",
                         "grounded", "curfew", "contagious", "infectious", "rehab", "visiting", "visitors"),
}

# categories, guard, patterns (crisis_forms' language)
HARM_FORMS: tuple[tuple[tuple[str, ...], int, tuple[str, ...]], ...] = (
    # hurt: "she bit me", "he broke two of my ribs", "put his hands round my neck", "held a knife to my throat"
    ((_HARM,), AGENT, ("touch me|my !@NOT_TOUCH", "@HARM_VERB my ...1 @BODY into|against|on",
                       "@HARM_VERB me @SLAMMED_TO", "@HARM_VERB ...3 and me|us", "@DONE_TO_ME me|us !@PLAYFUL",
                       "tie me|us up|down", "hold|pin me|us down", "@HURT_BODY ...3 my ...1 @HURT_PART !@NOT_HURT",
                       "squeeze|press|twist ...2 my ...1 throat|neck|wrist|windpipe|arm !@NOT_HURT",
                       "hand|hands|fingers|knee ...1 round|around|on|over|across|up|down|inside|under|in my "
                       "...1 @GRIP_PLACE", "hold|point|put|press|wave|pull ...2 @WEAPON ...3 to|at|against my|me",
                       "pull ...2 @WEAPON on me", "throw|hurl|fling a|the|his|her|their|my? @THROWN at me|my",
                       "next time ...3 be @ME_NEXT $", "make me|us @AFRAID !of",
                       "make me|us @AFRAID of him|her|them|my")),
    # forced or pressed into sex, or not stopped on a no
    ((_HARM,), AGENT, ("@FORCE_INTO me into|to? ...2 @SEXUAL", "@IGNORED_NO ~8 when|after|though|although|because|while "
                       "i @SAID_NO", "do things|stuff to me ~6 not|never ...2 @CONSENT")),
    ((_HARM,), DIRECT, ("i @SAID_NO ~8 he|she|they ...2 @IGNORED_AFTER",)),
    # followed, watched, turned up on, tracked: "he follows me everywhere", "keeps turning up outside my work"
    ((_HARM,), AGENT, ("follow|stalk|tail me|us @FOLLOWED_TO", "keep|always|still @KEEP_TURNING_UP !late|early|for|in|with|on",
                       "@TURN_UP ~8 even though|although|though i ...2 @BLOCKED",
                       "@TURN_UP ~8 after i ...2 block|report|move|end|change",
                       "@LINGER ~8 @NEAR_HOME my|our ...1 @HOME ~4 @AGAIN_AND_AGAIN",
                       "@SNOOP ...2 my ...1 @DEVICE !@NOT_SNOOP", "@SPY_TOOL ...4 on|in|under my",
                       "@SAY ...3 know where i @MY_PLACE")),
    # controlled: money and papers kept from "me", "me" kept from my people
    ((_HARM,), AGENT, ("@TAKE_CONTROL ...2 my ...1 @MONEY_DOC !@NOT_TAKING",
                       "not|never give me ...2 my own? ...1 @MONEY_DOC|keys|phone|car !@NOT_TAKING",
                       "not|never let me have|keep|use ...2 my own? ...1 @MONEY_DOC|keys|phone|car !@NOT_TAKING",
                       "not|never allow|let|want me ...1 to? @MEET ...2 my own? ...1 @PEOPLE_OF_MINE")),
    # threats: the kids taken, a fire with "me" inside, a threat to "me" or mine
    ((_HARM,), AGENT, ("take|keep|snatch @KIDS ...2 @AWAY_FROM_ME", "take|keep|snatch @KIDS away? if i ever? @IF_I_GO",
                       "make sure i never|not see|get @KIDS", "@SET_FIRE ~6 with me|us|@KIDS @INSIDE",
                       "threaten !2:@NOT_THREAT ...4 @THREAT_OBJ",
                       "threaten !2:@NOT_THREAT ~6 if i")),
    # smashed or torn up: "he smashed my phone so I couldn't call anyone"
    ((_HARM,), AGENT, ("@WRECK ...2 my ...1 @THINGS !@NOT_WRECK",)),
    # sexual abuse told indirectly: halves (PART) that PART_PAIRS joins, and what someone "wants to do to me"
    (("night_visit",), AGENT | PART, ("@COME_INTO @MY_ROOM ~6 @AT_NIGHT unless @NIGHT_BENIGN",
                                      "@AT_NIGHT ~6 @COME_INTO @MY_ROOM unless @NIGHT_BENIGN")),
    (("make_it_stop",), NO_NEGATION | PART, ("@STOP_IT",)),
    (("secrecy",), AGENT | PART, ("@HUSH",)),
    ((_HARM,), DIRECT, ("what he|she|they ...2 want|like|plan|fantasise|fantasize|dream|wish ...2 @DO_TO_ME "
                        "!@NOT_DO_TO",)),
    # kept quiet by a threat, or kept from "my" people ("I'm not allowed to see my friends, he says...")
    ((_HARM,), AGENT, ("say|tell|warn|remind|threaten ...3 @TELL_COST ~4 if i ever? @TELL_ANYONE unless @TELL_BENIGN",
                       "not|never allow to @MEET ...2 my own? ...1 @PEOPLE_OF_MINE !@NOT_ISOLATED "
                       "unless @ISOLATION_BENIGN")),
    ((_HARM,), DIRECT, ("i am not|never allow to @MEET ...2 my own? ...1 @PEOPLE_OF_MINE !@NOT_ISOLATED ~10 he|she|they "
                        "@SAYS unless @ISOLATION_BENIGN",)),
    # watched: photos of "my" home or of "me" from someone unknown
    ((_HARM,), DIRECT, ("@UNKNOWN ~10 @PICS of ...1 my|our|me unless @PIC_BENIGN",
                        "@PICS of my|our|me ~12 @UNKNOWN unless @PIC_BENIGN")),
)
