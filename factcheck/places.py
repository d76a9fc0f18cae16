"""Places: the places and proper names a claim mentions (its entities) and the place a
count is about (its subject), read with the one gazetteer every stage shares.
"""

from __future__ import annotations

import re

from .attribution import SAY_VERBS, TITLE_WORDS, looks_like_person
from .gazetteer import PLACES as GAZETTEER
from .quantities import COUNTED_CLASSES

# Aliases with digits ("g7") cannot be read by the word n-gram lookup below.
PLACES: dict[str, tuple[str, ...]] = {
    name: tuple(alias for alias in aliases if not any(ch.isdigit() for ch in alias))
    for name, aliases in GAZETTEER.items() if not any(ch.isdigit() for ch in name)}
# Each alias to the name of its place.
PLACE_OF = {alias: name for name, aliases in PLACES.items() for alias in aliases}
# Place aliases by their word tuples, looked up by n-gram over a sentence's words (a
# regex alternation of all aliases cost 25 us a sentence; the lookup costs a few).
_ALIAS_WORDS = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_]+")
_PLACE_GRAMS: dict[tuple[str, ...], str] = {
    tuple(_ALIAS_WORDS.findall(alias)): name for alias, name in PLACE_OF.items()}
_WORDCHAR = re.compile(r"\w")
_NEXT_WORD = re.compile(r"[ \t]+((?:[A-Za-z]\.){2,}|[^\W\d_]+)")
_GRAM_SIZES: dict[str, tuple[int, ...]] = {}
for _gram in _PLACE_GRAMS:
    _GRAM_SIZES[_gram[0]] = tuple(sorted(set(_GRAM_SIZES.get(_gram[0], ())) | {len(_gram)},
                                         reverse=True))
_GRAM_FIRST = frozenset(_GRAM_SIZES)


def _places_in(text: str) -> set[str]:
    """Places named in `text` by an alias from PLACES, longest alias first; short
    aliases count only in capitals ("told us" is no "US", "un-" no "UN")."""
    found: set[str] = set()
    if _GRAM_FIRST.isdisjoint(_ALIAS_WORDS.findall(text.lower())):
        return found  # no word that can start an alias
    skip = 0
    for m in _ALIAS_WORDS.finditer(text):
        if m.start() < skip:
            continue
        sizes = _GRAM_SIZES.get(m.group().lower())
        if sizes is None:
            continue
        for size in sizes:
            gram, end = [m.group().lower()], m.end()
            while len(gram) < size:  # the alias's next words, separated by spaces only
                nxt = _NEXT_WORD.match(text, end)
                if nxt is None:
                    break
                gram.append(nxt.group(1).lower())
                end = nxt.end()
            name = _PLACE_GRAMS.get(tuple(gram)) if len(gram) == size else None
            if name is None:
                continue
            raw = text[m.start():end]
            before = text[m.start() - 1:m.start()] if m.start() else ""
            if before == "." or _WORDCHAR.match(before) or _WORDCHAR.match(text, end):
                continue  # inside a longer word or a dotted abbreviation
            if len(raw) > 3 or "." in raw or raw.isupper():
                found.add(name)
            skip = end
            break
    return found


_GENERIC_PLACE = {"oblast", "region", "province", "area", "city", "county", "district",
                  "border", "front", "territory", "state"}
_PROPER_RE = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)*")
_NOT_ENTITIES = {"the", "a", "an", "this", "that", "it", "he", "she", "they", "we", "i", "in",
                 "some", "many", "most", "between", "several", "few", "all", "about", "around", "nearly",
                 "almost", "more", "over", "up", "after", "before", "during", "while", "when",
                 "these", "those", "there", "his", "her", "their", "its", "our", "one", "two",
                 "on", "at", "if", "but", "and", "as", "for", "by", "today", "meanwhile",
                 "moreover", "however", "president", "minister", "secretary", "general",
                 "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                 "january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december"}


def entities_of(text: str) -> tuple[str, ...]:
    """The places and proper names `text` mentions, lower-cased and sorted."""
    # Short aliases count only in capitals: "told us" is no "US", "un-" no "UN".
    found = _places_in(text)
    for m in _PROPER_RE.finditer(text):
        words = [w for w in m.group().split() if w.lower() not in _NOT_ENTITIES]
        words = [w for w in words if w.lower().strip("’'s") not in _GENERIC_PLACE]
        if not words:
            continue
        name = " ".join(words).lower().replace("’s", "").replace("'s", "")
        if name in PLACE_OF or any(a in name.split() for a in ("eu",)):
            continue
        if any(w.lower() in PLACE_OF for w in words):
            continue
        if len(name) > 2:
            found.add(name)
    return tuple(sorted(found))


def _place_name(raw: str) -> str | None:
    if "’s " in raw or "'s " in raw:
        raw = re.split(r"[’']s\s+", raw)[-1]
    raw = re.sub(r"[’']s?$", "", raw)  # "in Monday's earthquake": a day, not a place
    words = [w for w in raw.split() if w.lower() not in _GENERIC_PLACE]
    if not words or words[0].lower() in _NOT_ENTITIES or words[0].lower() in TITLE_WORDS:
        return None  # "in May", "to President Zelensky"
    if any(w.strip("’'") in _NOT_PLACE_WORDS for w in words):
        return None  # "at the Interior Ministry", "in Parliament": a body, not a place
    name = " ".join(words).lower()
    return PLACE_OF.get(name, name)


# Capitalised words that make a name a body, a publication or an event rather than a place.
_NOT_PLACE_WORDS = frozenset({
    "Ministry", "Council", "Union", "Office", "Department", "Agency", "Army", "Forces", "Police",
    "Intelligence", "Government", "Party", "Press", "News", "Times", "Post", "Journal", "Reuters",
    "Committee", "Commission", "Court", "Bank", "Service", "Services", "Parliament", "Congress",
    "Senate", "Assembly", "Institute", "University", "Company", "Corporation", "Group", "Agency",
    "Association", "Organisation", "Organization", "Foundation", "Fund", "Authority", "Bureau",
    "Centre", "Center", "Summit", "Conference", "Games", "Cup", "Festival", "Day", "Week",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "I", "We",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
    "Television", "TV", "Radio", "Channel", "Network", "Twitter", "Facebook", "Telegram", "X"})
_SUBJECT_RE = re.compile(
    r"\b(?P<prep>to|in|into|inside|at|near|across|within|on|off|outside|from|In|Near|Across|Off|"
    r"Outside|Inside)\s+(?:the\s+)?"
    # "in the port city of Kessel", "took to the streets of Bresk": a kind of place names it.
    r"(?:(?:port\s+|capital\s+|coastal\s+|border\s+)?(?:city|town|village|capital|streets|outskirts|"
    r"suburbs|centre|center)\s+of\s+)?"
    r"(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
    r"(?:[’']s\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)")
# The place inside a place named with a bare possessive: "Marenas' central Calvera province".
_INNER_PLACE = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_AT_PLACE = frozenset({"in", "inside", "near", "across", "within", "off", "outside"})
# "Poland's death toll", "Eskara's army": a possessive name before what is counted.
_POSSESSIVE_RE = re.compile(
    r"(?<![\w’'])(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})[’']s?\s+(?:[a-z-]+\s+){0,2}?"
    r"(?P<head>[a-z]+)\b")
_POSSESSED = frozenset({"toll", "turnout", "population", "losses", "army", "forces", "military",
                        "budget", "economy", "exports", "imports", "debt", "output", "troops",
                        "casualties", "dead", "deaths", "victims"})


_AWAY = re.compile(r"\b(?:evacuat\w+|fled|flee\w*|rescued|pulled|escaped|displaced|withdr\w+|"
                   r"relocated|moved)\b")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# Words that name what a figure measures without saying what: "the toll in Tarnova rose
# to", "the rate in Kilawe is". A place after them is where the figure was counted.
_MEASURE_HEADS = frozenset({"number", "total", "toll", "tally", "count", "figure", "rate", "share",
                            "level", "turnout", "cases", "case"})
# Where the phrase of a figure ends: a comma or a word opening another clause ("100 missing
# as the ferry capsized off Calvera": the place is the capsizing's).
_PHRASE_END = re.compile(r",|;|\b(?:as|after|before|when|while|because|until|since|where|but)\b")
OPENING_WORDS = 2  # words a clause may say before the place that opens it ("But in Tarnova")


def _place_of_match(text: str, m: re.Match) -> str | None:
    """The place a _SUBJECT_RE match names; inside a bare possessive, the inner one
    ("off Marenas' central Calvera province" -> calvera)."""
    place = _place_name(m.group("place"))
    if place is None:
        return None
    inner = _INNER_PLACE.match(text, m.end()) if m.group("place").endswith(("'", "’")) else None
    if inner is not None and _place_name(inner.group("place")) is not None:
        return _place_name(inner.group("place"))
    return place


def _place_before_is_the_counts(text: str, m: re.Match, clause_start: int, start: int,
                                noun: str | None) -> bool:
    """A place named before a figure is where it was counted when it opens the clause ("In
    Tarnova, 14 died") or follows what is counted ("the toll in Tarnova rose to 14"),
    and no speaker stands between ("the port authority in Port Calvera says 280"):
    a place inside a speaker's or a bystander's phrase ("debris near Punta Lirio,
    bringing the total to 191") says where they are, not what was counted."""
    before = [w.lower() for w in _WORD.findall(text, clause_start, m.start())]
    opens = len([w for w in before if w not in {"the", "a", "an"}]) <= OPENING_WORDS - 1
    if opens and text.startswith(",", m.end()):
        return True  # a place fronted before its comma sets the scene: "In Kessel, police said 4,000"
    if any(w.lower() in SAY_VERBS for w in _WORD.findall(text, m.end(), start)):
        return False
    if len([w for w in before if w not in {"the", "a", "an"}]) <= OPENING_WORDS - 1 or not before:
        return True
    head = before[-1]
    return head in _MEASURE_HEADS or head == noun or head in COUNTED_CLASSES or head in _POSSESSED


# A place named as such opening the clause of a figure, as its subject ("Ntoro district
# alone has recorded 611 cases", "Dembaya's Kilawe Region has recorded 1,200"): the
# figure is that place's. The word after it must go on with the clause (a verb, "alone"),
# not make the place a modifier ("Ntoro district officials said 611"), and the clause runs
# on to the figure with no aside or other name between.
_PLACE_KINDS = r"(?:district|region|province|county|state|city|town|village|municipality|prefecture|governorate|territory)"
_NAMED_PLACE_SUBJECT = re.compile(
    r"(?:[A-Z][\w’'-]*[’']s?\s+)?(?:the\s+)?(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+"
    + _PLACE_KINDS + r"\s+(?P<next>[a-z]+)\b", re.I)
_GOES_ON = frozenset({"alone", "itself", "has", "have", "had", "is", "was", "now", "also", "saw", "sees",
                      "accounts", "accounted"})
# A figure for the whole country ("Nationwide, 2,150 cases", "Across the country there are
# 2,100 cases") is the national total, not one of its regions'.
NATIONWIDE = "nationwide"
_NATIONWIDE_RE = re.compile(r"\b(?:nationwide|nation-wide|countrywide|across the (?:whole )?(?:country|nation))\b",
                            re.I)


def _named_place_opening(text: str, clause_start: int, start: int) -> str | None:
    m = _NAMED_PLACE_SUBJECT.match(text, clause_start + len(text[clause_start:start]) -
                                   len(text[clause_start:start].lstrip()))
    if m is None or m.end() > start or not m.group("place")[:1].isupper():
        return None
    following = m.group("next")
    if following not in _GOES_ON and not following.endswith("ed"):
        return None
    between = text[m.end():start]
    if re.search(r"[,;:(—–]|\b[A-Z]", between):
        return None  # a speaker or an aside stands between: "Ntoro district, the minister said, ..."
    return _place_name(m.group("place"))


def subject_of(text: str, start: int, after: int, clause_start: int, end: int,
               noun: str | None = None) -> str | None:
    """What a quantity is about, as the sentence itself says: the place named after it
    in its clause ("in Tarnova", "off the coast of", "to Russia"), else a possessive
    name before it ("Poland's death toll"), else a place opening the clause or following
    what is counted ("In Tarnova, 14 died"), else where it came from ("evacuated from
    Velika"). A place after a comma or in another clause belongs to another phrase ("187
    were rescued ..., and taken to hospitals in Port Calvera", "100 missing as the ferry
    capsized off Calvera")."""
    origin = None
    stop = _PHRASE_END.search(text, after, end)
    for m in _SUBJECT_RE.finditer(text, after, stop.start() if stop else end):
        place = _place_of_match(text, m)
        if place is None:
            continue
        if m.group("prep") != "from":
            return place
        if _AWAY.search(text, after, m.start()):  # "300 were evacuated from Velika"
            origin = origin or place
    for m in _POSSESSIVE_RE.finditer(text, clause_start, start):
        head = m.group("head")
        if m.end() > start or not (head in _POSSESSED or head == noun or head in COUNTED_CLASSES):
            continue
        name = m.group("place")
        if looks_like_person(name):
            continue
        place = _place_name(name)
        if place is not None:
            return place
    for m in _SUBJECT_RE.finditer(text, clause_start, start):
        if m.group("prep").lower() in _AT_PLACE and m.end() <= start:
            place = _place_of_match(text, m)
            if place is not None and _place_before_is_the_counts(text, m, clause_start, start, noun):
                return place
    opening = _named_place_opening(text, clause_start, start)
    if opening is not None:
        return opening
    if origin is None and _NATIONWIDE_RE.search(text, clause_start, stop.start() if stop else end):
        return NATIONWIDE
    return origin
