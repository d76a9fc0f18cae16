"""Actors: who does what a claim reports when no one is said to report it: the
institution or person a count belongs to ("The government has unveiled a 24 billion
euro package") and the subject of a clause's act ("Seoul condemned ...").
"""

from __future__ import annotations

import re

from .acts import PREDICATES
from .attribution import SOURCE_NOUNS, TITLE_WORDS, clean_source, looks_like_person
from .places import PLACE_OF

_ACTOR_RE = re.compile(
    r"(?P<np>(?:[A-Z][\w.’'-]*\s+(?:of\s+(?:the\s+)?|and\s+)?){0,5}[A-Z][\w.’'-]*)"
    r"(?:[’']s)?\s+(?:(?:has|have|had|also|no\s+longer|not|now|again|already|previously|"
    r"reportedly|publicly|officially|strongly|repeatedly|is|are|was|were|will|would|may|might|"
    r"could|can)\s+)*(?P<verb>[a-z]+|Confirms|Denies|Condemns|Says|Rules)\b")


# Who acts when no one is said to speak: "The government has unveiled a package",
# "Rescuers pulled three children ...", "the central bank's 2% target". Institutions
# and people who act for them; not people at large, who are more often what is counted.
_PEOPLE_AT_LARGE = frozenset({
    "residents", "resident", "survivors", "survivor", "witnesses", "witness", "eyewitness",
    "eyewitnesses", "man", "woman", "men", "women", "families", "family", "victims",
    "protester", "protesters", "demonstrators", "students", "student", "workers", "worker",
    "passengers", "passenger", "driver", "relatives", "relative", "neighbours", "neighbors",
    "neighbour", "neighbor", "farmer", "teachers", "nurses", "nurse", "volunteer", "volunteers",
    "statement", "report", "sources", "source", "media", "estimates", "data", "figures", "survey",
    "poll", "results", "tally", "count", "studies", "statistics", "census", "portal", "website",
    "platform", "post", "letter", "document", "release", "announcement", "study", "channel",
    "network", "broadcaster", "newspaper", "campaign", "body", "group", "family"})
_DOER_HEADS = frozenset(w for w in SOURCE_NOUNS if w not in _PEOPLE_AT_LARGE) | {
    "parliament", "cabinet", "congress", "senate", "unions", "bank", "banks", "treasury",
    "regime", "junta", "rebels", "insurgents", "militants", "troops", "navy", "ministers"}
_ORG_WORDS = frozenset({
    "Ministry", "Council", "Union", "Office", "Department", "Agency", "Army", "Forces", "Police",
    "Intelligence", "Government", "Party", "Committee", "Commission", "Court", "Bank", "Service",
    "Services", "Parliament", "Congress", "Senate", "Assembly", "Institute", "University",
    "Company", "Corporation", "Group", "Association", "Organisation", "Organization", "Foundation",
    "Fund", "Authority", "Bureau", "Centre", "Center", "Nations", "Front", "Alliance", "Coalition",
    "Movement", "Federation", "Red", "Cross", "Crescent", "Programme", "Program", "Board",
    "Inc", "Ltd", "Corp", "Agency", "Guard", "Brigade", "Command", "Network", "Trust"})
# The verb right after a name, past auxiliaries and time words: the name is its subject.
VERB_AFTER = re.compile(
    r"\s+(?:(?:has|have|had|also|now|then|again|already|on\s+[A-Z]\w+|will|would|could|may|"
    r"late|early|recently|previously|last\s+\w+|this\s+\w+)\s+)*(?P<verb>[a-z][a-z’'-]+)\b")
_NOT_VERBS = frozenset({"of", "in", "on", "at", "from", "for", "with", "and", "or", "to", "by",
                        "the", "a", "an", "who", "which", "that", "as", "than", "is", "was",
                        "are", "were", "be", "been", "being", "said", "says", "say", "told"})
_HEAD_ALT = "|".join(sorted(_DOER_HEADS, key=len, reverse=True))
_APPOSITION = r"(?:\s*,\s*(?P<app>(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*){0,4})\s*,)?"
# A conjunction or preposition opens a clause or phrase, never modifies a doer ("as rescuers").
_NOT_MODIFIER = r"(?!(?:as|and|but|or|while|when|after|before|because|if|so|then|than|for|with|by|of|in|on|at)\s)"
_DOER_NPS = (
    # "the central bank", "Lutania's main trade unions", "Rescuers"
    re.compile(r"(?P<np>(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+)?(?:[A-Z][\w.&-]*[’']s\s+)?"
               r"(?:" + _NOT_MODIFIER + r"[a-z][\w-]*\s+){0,2}(?i:" + _HEAD_ALT + r"))\b" + _APPOSITION),
    # "The Bank of Lestria", "the United Nations", "Finance Minister Anna Brecht"
    re.compile(r"(?P<np>(?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of\s+(?:the\s+)?|and\s+)?"
               r"[A-Z][\w.&’'-]*){0,5})" + _APPOSITION),
)
_OWNER_NP = re.compile(
    r"(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+)?(?:(?:[a-z][\w-]*\s+){0,2}(?i:" + _HEAD_ALT + r")|"
    r"[A-Z][\w.&-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.&-]*){0,4})")
_POSSESSED_TAIL = re.compile(r"(?:[\w-]+\s+){0,2}(?:[$€£]|US\$)?")
_TIME_LEAD = re.compile(
    r"^(?:(?:By|On|In|At|Late|Early|Later|Earlier|Since|Until)\s+(?:(?:late|early|last|this|the)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|morning|afternoon|evening|"
    r"night|dawn|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:\s+(?:morning|afternoon|evening|"
    r"night))?,?\s+|(?:Meanwhile|Separately|However|Also|Earlier|Later|Then),\s+|"
    # "a day after the government unveiled ...": when, relative to the clause before
    r"(?:a|one|two|three|four|five|six|several|a\s+few)\s+(?:hours?|days?|weeks?|months?)\s+"
    r"(?:after|before|since)\s+)")


# A figure in what someone's plan or proposal would do is the planner's.
_OWNED_PLAN = re.compile(
    r"(?P<owner>(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*)[’']s\s+(?:[a-z-]+\s+)?(?:plan|plans|"
    r"proposal|proposals|bill|pledge|promise|offer|decision|reform|budget)\s+to\s+[^,;:]*$")
_SUBORDINATE = re.compile(r"\b(?:as|while|when|after|before|because|although|though|whereas|"
                          r"but|if|unless|until|where|which|who|whom|that)\b")
# "It also cut its forecast": an "it" that acts, as whoever acted before did.
IT_ACTS = re.compile(r"[Ii]t\s+(?:(?:also|then|now|again|later|has|had|will)\s+)*"
                    r"(?!(?:is|was|has\s+been|had\s+been|will\s+be|would|remains|seems|"
                    r"appears|takes|took|comes|came|costs?)\b)[a-z]+(?:ed|s|t)\b")


def is_doer(np: str) -> str | None:
    """The cleaned name if `np` names an institution or a person who acts."""
    words = np.split()
    if not words or words[0].lower() in ("it", "they", "this", "that", "there", "he", "she"):
        return None
    head = words[-1].strip(".,’'").lower()
    if head in _DOER_HEADS and not any(w[0].isdigit() for w in words):
        name = clean_source(re.sub(r"^(?:[Tt]he\s+)?[A-Z][\w.&-]*[’']s\s+", "", np))
        return name or None
    content = [w for w in words if w.lower() not in ("the", "of", "and", "a", "an")]
    if not all(w[:1].isupper() for w in content):
        return None  # mixed: "Unemployment rose", "Eskara quake death toll"
    name = clean_source(np)
    tokens = name.split()
    if any(t.strip("’'") in _ORG_WORDS for t in tokens) or (
            len(tokens) == 1 and re.fullmatch(r"[A-Z]{2,6}", tokens[0]) and
            tokens[0].lower() not in PLACE_OF):
        return name
    if looks_like_person(name) and not tokens[0].lower().endswith(("ing", "ern", "ed")) and \
            " ".join(tokens).lower() not in PLACE_OF:
        return name
    return None


def doer_of(text: str, clause_start: int, number_start: int) -> str | None:
    """The institution or person a count belongs to when no one is said to report it:
    the owner named right before it ("the central bank's 2% target") or the subject
    of its clause ("The government has unveiled a 24 billion euro package"), never the
    counted people themselves ("500 people died") or a country ("Lestria unveils")."""
    seg = text[clause_start:number_start]
    # The owner's possessive sits within a few words of the number: search only there
    # (the pattern anchored at the end costs a scan from every position).
    tail = seg[-80:]
    mark = max(tail.rfind("’s "), tail.rfind("'s "))
    if mark > 0 and _POSSESSED_TAIL.fullmatch(tail, mark + 3):
        tokens = tail[:mark].split()[-6:]
        for k in range(len(tokens), 0, -1):  # the longest owner phrase that names a doer
            np = " ".join(tokens[-k:])
            name = is_doer(np) if _OWNER_NP.fullmatch(np) else None
            if name:
                return name
    plan = _OWNED_PLAN.search(seg)
    if plan:  # "Prime Minister Ewa Lind's plan to raise the retirement age to 65"
        name = is_doer(plan.group("owner"))
        if name:
            return name
    lead = _TIME_LEAD.match(seg)
    pos = lead.end() if lead else 0
    for pattern in _DOER_NPS:
        m = pattern.match(seg, pos)
        if not m:
            continue
        acronym = _ACRONYM_AFTER.match(seg, m.end())  # "The Central Electoral Commission (CEC)"
        verb = VERB_AFTER.match(seg, acronym.end() if acronym else m.end())
        if not verb or verb.group("verb") in _NOT_VERBS or verb.group("verb") in TITLE_WORDS or \
                _PASSIVE.search(seg[:verb.end()]):
            continue  # "Ministry spokesman Samuel Kirenga": the ministry is no subject
        sub = _SUBORDINATE.search(seg, verb.end())
        if sub and not (sub.group() == "that" and verb.group("verb") in _PUBLISHING):
            continue  # "Ministers demand a ceasefire as shelling kills 18": not theirs
        for np in (m.group("app"), m.group("np")):
            name = is_doer(np) if np else None
            if name:
                return name
    return None


_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,11}\)")
# A body that publishes figures "showing that ..." owns what they show.
_PUBLISHING = frozenset({"published", "publishes", "released", "releases", "issued", "issues"})
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:[a-z]+ed|sent|struck|shot|hit|"
                      r"killed|held|seen|taken|given|found|made)$")


def actor_of(span: str, predicate: str | None) -> str | None:
    """Who takes a stance or does an act: the subject of the clause holding the act
    (after any leading adverbial phrase such as "Amid reports of ..., Seoul ...")."""
    act = next((p.search(span) for name, p in PREDICATES if name == predicate), None)
    limit = act.start() if act else len(span)
    comma = span.rfind(", ", 0, limit)
    for begin in ((comma + 2, 0) if comma >= 0 else (0,)):
        for m in _ACTOR_RE.finditer(span, begin, max(limit, begin) + 40):
            np = m.group("np")
            if np.split()[0] in ("The", "A", "An", "In", "On", "At", "Amid", "After", "As", "If"):
                np = " ".join(np.split()[1:])
            if _PASSIVE.search(m.group()):
                continue  # "the troops ... were killed": who is killed does not act
            if m.group("verb") in TITLE_WORDS:
                continue  # "Ministry spokesman Samuel Kirenga rejected": the spokesman acts
            if np and m.group("verb") not in ("of", "and", "the", "to", "in", "on", "for"):
                return clean_source(np)
    return None
