"""Acts: the act a clause reports (confirming, denying, sending, firing ...), as one
class of synonyms, and whether the clause denies it ("police denied firing tear gas"
reports the act "fire", denied).
"""

from __future__ import annotations

import re

# Acts an event claim reports, most specific first; synonyms map to one class.
PREDICATES: list[tuple[str, re.Pattern[str]]] = [
    ("noncommittal", re.compile(
        r"\brefrain\w*\s+from\s+(?:denying|confirming|commenting)|\bstop\w*\s+short\s+of\b|"
        r"\bdeclin\w+\s+to\s+(?:comment|confirm|deny|say)|\bneither\s+confirm\w*\s+nor\s+den\w+|"
        r"\b(?:did|does|do|would|could)\s+not\s+(?:confirm|deny)\b|\brefus\w+\s+to\s+"
        r"(?:confirm|deny|comment)|\bno\s+comment\b|\bwithout\s+(?:confirming|denying)\b",
        re.IGNORECASE)),
    ("deny", re.compile(r"\bden(?:y|ied|ies|ying)\b|\brejected\b|\brefuted\b|\bdismissed\b",
                        re.IGNORECASE)),
    ("confirm", re.compile(r"\bconfirm(?:s|ed|ing)?\b|\backnowledg\w+\b|\bverified\b",
                           re.IGNORECASE)),
    ("condemn", re.compile(r"\bcondemn\w*|\bdenounc\w+|\bcriticis\w+|\bcriticiz\w+|\bdeplor\w+",
                           re.IGNORECASE)),
    ("accuse", re.compile(r"\baccus\w+", re.IGNORECASE)),
    # Acts of news in general, each a class of synonyms ("denied firing tear gas" meets
    # "fired tear gas": the same act, denied).
    ("rescue", re.compile(
        r"\brescu(?:e|es|ed|ing)\b(?!\s+(?:teams?|workers?|efforts?|operations?|services?|crews?|"
        r"dogs?|missions?|units?|personnel|work|equipment|effort|workers))|"
        r"\bpull(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){0,6}?(?:alive|from\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:rubble|debris|wreckage|water|sea|river|ruins|building|rocks))\b|\bdug\s+out\b|"
        r"\bfreed\s+(?:[\w-]+\s+){0,3}?(?:from|alive)\b", re.IGNORECASE)),
    ("fire", re.compile(
        r"\b(?:fir(?:e|es|ed|ing)|us(?:e|es|ed|ing)|shot|shoot(?:s|ing)?|launch(?:es|ed|ing)?|"
        r"lob(?:s|bed|bing)?|deploy(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,2}?(?:tear[\s-]?gas|rubber\s+"
        r"bullets|water\s+cannons?|live\s+(?:rounds|ammunition)|stun\s+grenades|pepper\s+spray|"
        r"plastic\s+bullets|warning\s+shots|shots|bullets|pellets|flash[\s-]?bangs)\b|"
        r"\b(?:tear[\s-]?gas|rubber\s+bullets|water\s+cannons?|stun\s+grenades|pepper\s+spray|"
        r"live\s+ammunition|shots)\s+(?:was|were|had\s+been|has\s+been|have\s+been|being)\s+"
        r"(?:used|fired)\b|\bopen(?:s|ed|ing)?\s+fire\b", re.IGNORECASE)),
    ("declare", re.compile(
        r"\bdeclar(?:e|es|ed|ing)\b(?=[^.;]{0,50}\b(?:emergency|curfew|martial\s+law|disaster|war|"
        r"ceasefire|truce|independence|mourning|bankruptcy)\b)|\b(?:emergency|curfew|martial\s+law|"
        r"mourning)\b[^.;]{0,30}\b(?:declared|imposed|proclaimed)\b|\b(?:impos|announc|proclaim)\w*"
        r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:state\s+of\s+emergency|curfew|martial\s+law|"
        r"(?:national\s+)?mourning)\b", re.IGNORECASE)),
    ("call", re.compile(
        r"\bcall(?:s|ed|ing)?\s+(?:for\s+)?(?:an?\s+|the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:strikes?|walkouts?|stoppages?|boycotts?|shutdowns?|elections?|referendums?|referenda|"
        r"snap\s+polls?)\b", re.IGNORECASE)),
    ("vote", re.compile(
        r"\bvot(?:e|es|ed|ing)\b|\bapprov(?:e|es|ed|ing)\b|\bratif(?:y|ies|ied|ying)\b|"
        r"\b(?:adopt|pass)(?:s|es|ed|ing)?\b(?=[^.;]{0,40}\b(?:bill|law|legislation|budget|resolution|"
        r"motion|reform|amendment)s?\b)|\b(?:bill|law|legislation|budget|resolution|motion|reform|"
        r"amendment)s?\b[^.;]{0,30}\b(?:passed|adopted)\b", re.IGNORECASE)),
    ("support", re.compile(
        r"\bagree(?:s|d|ing)?\s+to\s+(?:back|support|endorse)\b|"
        r"\bback(?:s|ed|ing)?\s+(?=(?:the|a|an|his|her|their|its|this|that|it|them|government\w*|"
        r"[A-Z])\b)|\bsupport(?:s|ed|ing)?\s+(?=(?:the|a|an|his|her|their|its|this|that|it|them)\b)|"
        r"\bendors(?:e|es|ed|ing)\b|\bagree(?:s|d|ing)?\s+(?:on\s+)?(?:a|the)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:deal|agreement|package|plan|compromise|ceasefire|truce)\b", re.IGNORECASE)),
    ("resign", re.compile(
        r"\bresign(?:s|ed|ing)?\b|\bstep(?:s|ped|ping)?\s+down\b|\bquit(?:s|ting)?\s+(?=(?:as|the|his|"
        r"her|their|its|over|after|on)\b)", re.IGNORECASE)),
    ("evacuate", re.compile(r"\bevacuat(?:e|es|ed|ing)\b", re.IGNORECASE)),
    ("withdraw", re.compile(
        r"\bwithdr(?:aw|aws|awing|awn|ew)\b|\bpull(?:s|ed|ing)?\s+out\s+of\b|"
        r"\bscrap(?:s|ped|ping)?\b|\bshelv(?:e|es|ed|ing)\b|\brevok(?:e|es|ed|ing)\b|"
        r"\bretract(?:s|ed|ing)?\b", re.IGNORECASE)),
    ("supply", re.compile(
        r"\b(?:suppl(?:y|ied|ies|ying)|provid\w*|transfer\w*|deliver\w*|export\w*|ship\w*|"
        r"sen[dt]\w*|procure\w*|procurement)\b(?=[^.;]{0,60}\b(?:weapon\w*|arms|ammunition|"
        r"missiles?|munitions|shells|equipment|technology|drones?|tanks?|jets?|rounds)\b)|"
        r"\barms\s+transfers?\b|\bweapons?\s+(?:supplies|deliveries|transfers?)\b",
        re.IGNORECASE)),
    ("deploy", re.compile(r"\b(?:deploy(?:s|ed|ing)?|sen[dt](?:s|ing)?|dispatch(?:es|ed|ing)?|"
                          r"stationed|arriv(?:e|es|ed|ing)|"
                          r"mov(?:ed|ing)\s+(?:to|into)|join\w*\s+(?:the\s+)?(?:war|fight\w*))\b",
                          re.IGNORECASE)),
    ("warn", re.compile(r"\bwarn\w*", re.IGNORECASE)),
    ("sanction", re.compile(r"\bsanction(?:s|ed|ing)?\b", re.IGNORECASE)),
    ("sign", re.compile(r"\bsign(?:s|ed|ing)\b", re.IGNORECASE)),
    ("kill", re.compile(r"\bkill(?:s|ed|ing)?\b|\bdied\b", re.IGNORECASE)),
    ("attack", re.compile(r"\battack(?:s|ed|ing)?\b|\bstrik(?:e|es|ing)\b|\bstruck\b|\bshell(?:ed|ing)\b",
                          re.IGNORECASE)),
    ("arrest", re.compile(r"\barrest(?:s|ed|ing)?\b|\bdetain(?:s|ed|ing)?\b", re.IGNORECASE)),
    # Acts of authority: ordering, banning, suspending ("ordered the Maritime Industry
    # Authority to open an investigation", "banned the sale of cooked food").
    ("order", re.compile(
        r"\border(?:s|ed|ing)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w’'()-]+\s+){0,6}?"
        r"(?:to\s+[a-z]+|investigations?|inquiry|inquiries|probe|review|evacuation|closure|"
        r"suspension|halt|recall|arrests?|release|audit)\b", re.IGNORECASE)),
    ("ban", re.compile(r"\b(?:ban(?:s|ned|ning)?|prohibit(?:s|ed|ing)?|outlaw(?:s|ed|ing)?)\s+"
                       r"(?:the|all|any|a|an|its|their|[a-z]+ing)\b|\bsuspend(?:s|ed|ing)?\s+"
                       r"(?:the|all|its|their|a|an)\b", re.IGNORECASE)),
    # A departure at a stated time: "The ferry left Port Calvera at 5:40 p.m.".
    ("depart", re.compile(
        r"\b(?:left|leaves|departed|departs|sailed|sails|set\s+sail|took\s+off|takes\s+off)\b"
        r"[^.;,]{0,40}?\bat\s+(?:around\s+|about\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b|"
        r"GMT|UTC|local|h\b|hours\b)", re.IGNORECASE)),
    # A planned start on a named day: "would begin vaccinating on 10 November".
    ("begin", re.compile(
        r"\b(?:(?:to|would|will|shall|could|may)\s+(?:start|begin|commence|resume)|"
        r"(?:starts|begins|commences|resumes)\s+(?:on|in|next)|(?:start|begin)\s+on)\b",
        re.IGNORECASE)),
    # Words put on something in quotation marks, once: 'called the offer "an insult"' (not a
    # habitual name, 'what Beijing calls the "Ukraine crisis"', nor 'called for').
    ("describe", re.compile(
        r"\b(?:called|described|branded|dubbed|termed|labell?ed)\s+(?!for\b)"
        r"(?:[\w’'-]+\s+){0,4}?(?:as\s+)?[“\"]", re.IGNORECASE)),
    # Holding office and a rule taking effect: facts of record that outlets repeat with a
    # date and no count ("has led Tirenia since 2017", "take effect on 1 January 2026").
    ("hold_office", re.compile(
        r"\b(?:has|have|had)\s+(?:led|ruled|governed|headed)\s+(?:[A-Z][\w’'-]*\s+|the\s+"
        r"(?:country|nation|government|party)\s+)(?:for|since)\b|\bin\s+(?:power|office)\s+"
        r"(?:since|until|for)\b|\b(?:stay|stays|stayed|remain|remains|remained|staying|remaining)"
        r"\s+in\s+(?:power|office)\b", re.IGNORECASE)),
    ("take_effect", re.compile(
        r"\b(?:take|takes|took|taken|taking)\s+effect\b|\b(?:come|comes|came|coming)\s+into\s+"
        r"(?:force|effect)\b|\b(?:enter|enters|entered|entering)\s+into\s+force\b",
        re.IGNORECASE)),
]
# Facts of record: their subject is what they are about ("Vess has led Tirenia since
# 2017"), not who reports them, so they stay the outlet's unless a source is named.
RECORD_ACTS = frozenset({"hold_office", "take_effect"})
# Acts that are a stance: the one who takes it is its source ("Putin refrained from ...").
_STANCE = {"noncommittal", "deny", "confirm", "condemn", "accuse", "warn"}


# Stems each act's pattern needs: a substring test skips the regex for most clauses.
_PREDICATE_STEMS = {
    "hold_office": ("led ", "ruled", "governed", "headed", "in power", "in office"),
    "take_effect": ("effect", "into force"),
    "noncommittal": ("refrain", "short of", "declin", "neither", "not ", "refus", "no comment",
                     "without"),
    "deny": ("den", "reject", "refut", "dismiss"), "confirm": ("confirm", "acknowledg", "verified"),
    "condemn": ("condemn", "denounc", "critici", "deplor"), "accuse": ("accus",),
    "supply": ("suppl", "provid", "transfer", "deliver", "export", "ship", "sen", "procure",
               "arms", "weapon"),
    "deploy": ("deploy", "sen", "dispatch", "stationed", "arriv", "mov", "join"),
    "warn": ("warn",), "sanction": ("sanction",), "sign": ("sign",), "kill": ("kill", "died"),
    "attack": ("attack", "strik", "struck", "shell"), "arrest": ("arrest", "detain"),
    "rescue": ("rescu", "pull", "dug out", "freed"),
    "fire": ("tear", "rubber", "cannon", "shot", "fire", "bullet", "grenade", "spray",
             "ammunition", "pellet", "flash"),
    "declare": ("declar", "emergency", "curfew", "martial", "mourning"), "call": ("call",),
    "vote": ("vot", "approv", "ratif", "adopt", "pass"),
    "support": ("agree", "back", "support", "endors"), "resign": ("resign", "step", "quit"),
    "evacuate": ("evacuat",), "order": ("order",), "ban": ("ban", "prohibit", "outlaw", "suspend"),
    "depart": ("left", "leaves", "depart", "sail", "took off", "takes off"),
    "begin": ("start", "begin", "commence", "resume"),
    "describe": ("call", "describ", "brand", "dubbed", "termed", "label"),
    "withdraw": ("withdr", "pull", "scrap", "shelv", "revok", "retract"),
}


# One scan finds which stems occur (no two stems start alike where it would matter).
STEM_RE = re.compile("|".join(sorted({re.escape(st) for sts in _PREDICATE_STEMS.values()
                                      for st in sts}, key=len, reverse=True)))


def predicate_of(text: str) -> str | None:
    """The act of a clause (see `act_of`)."""
    return act_of(text)[0]


def act_of(text: str) -> tuple[str | None, bool]:
    """(act, denied) of a clause: the first act class whose verb is not a participle
    modifying a noun ("families of soldiers sent to Russia" reports no sending). A
    denial of an act is that act, denied: "police denied firing tear gas" is the act
    "fire" with modality denied, so it meets the reports of the firing. An act of the
    clause's own verb comes before one in a relative aside about its subject ("Vess,
    who has led Tirenia since 2017, voted ..." reports a vote)."""
    aside = _RELATIVE_ASIDE.search(text)
    if aside and text[aside.end():].strip():
        blanked = text[:aside.start()] + " " * (aside.end() - aside.start()) + text[aside.end():]
        found = _act_of(blanked)
        if found[0] is not None:
            return found
    return _act_of(text)


# ", who has led Tirenia since 2017,": an aside about the subject, before the clause's verb.
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which|whose)\s[^,;:“”\"]+,")


def _act_of(text: str) -> tuple[str | None, bool]:
    stems = set(STEM_RE.findall(text.lower()))
    if not stems:
        return None, False
    found: list[tuple[str, int]] = []
    for name, pattern in PREDICATES:
        if stems.isdisjoint(_PREDICATE_STEMS[name]):
            continue
        for m in pattern.finditer(text):
            if not _modifier_participle(text, m.start()):
                found.append((name, m.end()))
                break
        if found:
            break
    if found and found[0][0] != "deny":
        return found[0][0], False
    if not found:
        return None, False
    denial_end = found[0][1]
    for name, pattern in PREDICATES:
        if name in _STANCE or stems.isdisjoint(_PREDICATE_STEMS[name]):
            continue
        m = pattern.search(text, denial_end)
        if m and m.start() - denial_end <= 60 and not _modifier_participle(text, m.start()):
            return name, True
    return "deny", True


_PARTICIPLE = re.compile(r"(?:[a-z]+ed|sent|struck|shot|hit)\b")
_PREPOSITIONS = frozenset({"of", "for", "with", "about", "on", "against", "among", "from", "to",
                           "by", "at", "in", "into", "including", "like", "over", "under"})
_FINITE_BEFORE = frozenset({"has", "have", "had", "was", "were", "is", "are", "be", "been",
                            "being", "not", "also", "reportedly", "who", "which", "that", "they",
                            "it", "he", "she", "we", "i", "you", "then", "and", "or", "but",
                            "already", "allegedly", "recently", "previously", "never"})
_DETERMINERS = frozenset({"the", "these", "those", "some", "many", "all", "its", "their", "his",
                          "her", "our", "a", "an"})
# "six in ten of them approved": a pronoun takes no participle after it; the verb is its own.
_OBJECT_PRONOUNS = frozenset({"them", "us", "him", "me", "you", "whom", "those", "these"})
_FINITE_AFTER = re.compile(r"\b(?:were|was|are|is|have|has|had|will|would|remain\w*)\b")
_WORD_BEFORE = re.compile(r"[\w’'-]+")
_COMPLEMENT = frozenset({"that", "said", "says", "say", "reported", "confirmed", "believed",
                         "claimed", "estimated", "showed", "found"})


def _modifier_participle(text: str, at: int) -> bool:
    """Whether the verb at `at` is a reduced relative clause: a participle right after
    a common noun that is the object of a preposition ("families of soldiers sent"),
    or a sentence-opening subject whose own verb follows ("The troops sent ... were")."""
    if not _PARTICIPLE.match(text, at) or text[:at].rstrip().endswith(","):
        return False  # ", called a boycott": a verb after an aside, no noun's modifier
    words = _WORD_BEFORE.findall(text[max(0, at - 60):at])
    if len(words) < 2:
        return False
    noun = words[-1]
    if not noun.isalpha() or not noun.islower() or noun in _FINITE_BEFORE or noun in _OBJECT_PRONOUNS or \
            noun in _PREPOSITIONS or noun in _DETERMINERS or noun.endswith("ly"):
        return False
    for i, word in enumerate(reversed(words[:-1][-3:])):
        low = word.lower()
        if low in _PREPOSITIONS:
            return True
        if low in _COMPLEMENT and i == 0:  # "said troops deployed to Kursk have ..."
            return _FINITE_AFTER.search(text, at) is not None
        if low in _FINITE_BEFORE:
            return False
        if low in _DETERMINERS:
            opening = len(words) - 2 - i == 0
            return opening and _FINITE_AFTER.search(text, at) is not None
    return False


def finite_act(span: str, predicate: str) -> bool:
    """Whether a heading's act word is a verb ('Allies Condemn Deployment') and not a noun
    ('Statement on the Deployment', 'Condemnation of ...'): a heading that is just a noun
    phrase reports no act."""
    pattern = next(p for name, p in PREDICATES if name == predicate)
    for m in pattern.finditer(span):
        word = re.match(r"[\w’'-]+", span[m.start():])
        token = word.group().lower() if word else ""
        if token.endswith(("ing", "ion", "ment", "ance", "al", "ure")):
            continue
        if re.search(r"\b(?:on|of|for|about|the|a|an|to|against|over)\s+$", span[:m.start()],
                     re.IGNORECASE):
            continue
        return True
    return False
