"""Bodies: which organisation a document's names stand for. An acronym is read with
the name a document (or the corpus) spells out in parentheses; a description ("the
operator", "the medical charity", "the opposition") with the body of that kind the
document names; a reposted page with the source its header names; "the exit poll" or
"final results" with whoever the document says produced them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .attribution import clean_source

# An acronym spelled out in parentheses: "the Central Electoral Commission (CEC)".
_ACRONYM_DEFINED = re.compile(r"(?P<name>[A-Z][\w’'-]*(?:\s+(?:(?:of|for|on|and|the|de)\s+)*[A-Z][\w’'-]*){1,7})"
                              r"\s+\((?P<acr>[A-Z]{2,6})\)")


_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w’'-]*){1,7}")


_ACRONYM_USE = re.compile(r"\b[A-Z]{2,6}\b")


def learn_acronyms(text: str) -> dict[str, str]:
    """Acronyms a document spells out: 'Name (ACR)', else a capitalised name elsewhere in
    the text whose initials are the acronym ('Global Health Organization' for 'GHO').
    One pass over the text; a reader resolves an acronym the same way."""
    found: dict[str, str] = {}
    for m in _ACRONYM_DEFINED.finditer(text):
        name = _initials_suffix(m.group("name"), m.group("acr")) or m.group("name")
        found.setdefault(m.group("acr"), clean_source(name))
    wanted = set(_ACRONYM_USE.findall(text)) - set(found)
    if wanted:
        for m in _CAPITALISED_RUN.finditer(text):
            for acr in wanted - set(found):
                name = _initials_suffix(m.group(), acr)
                if name:
                    found[acr] = clean_source(name)
    return found


def corpus_acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Acronyms the corpus spells out in parentheses ('Central Electoral Commission
    (CEC)'), for documents that use one without spelling it out (a live page's "The
    CEC says"). Only the explicit 'Name (ACR)' form counts: initials matched across
    documents would pair an acronym with any body that happens to share them. Where
    documents disagree, the spelling most of them use wins (then the first in order)."""
    votes: dict[str, dict[str, int]] = {}
    for text in texts:
        seen: dict[str, str] = {}
        for m in _ACRONYM_DEFINED.finditer(text):
            name = _initials_suffix(m.group("name"), m.group("acr")) or m.group("name")
            seen.setdefault(m.group("acr"), clean_source(name))
        for acr, name in seen.items():
            votes.setdefault(acr, {})
            votes[acr][name] = votes[acr].get(name, 0) + 1
    return {acr: min(names, key=lambda n: (-names[n], n)) for acr, names in sorted(votes.items())}


# A header field naming who a reposted text comes from: "Format: News and Press Release
# | Source: MediAid International | Posted: ...", "Source: Continental Press | 15 Jun".
_SOURCE_FIELD = re.compile(r"(?m)(?:^|\|)[ \t]*Source[ \t]*:[ \t]*(?P<name>[A-Z][\w’'&.-]*"
                           r"(?:[ \t]+(?:of[ \t]+|for[ \t]+|the[ \t]+|and[ \t]+)*[A-Z][\w’'&.-]*){0,6})"
                           r"[ \t]*(?=\||,|$)")


def issuer_of(text: str) -> str | None:
    """Who a page says its text comes from, in a "Source:" field of its header (before
    the first paragraph of prose): an aggregator's repost of a press release or wire
    story speaks for the release's author or the wire, not for the aggregator. A
    "Source:" line below the prose begins is a caption's or a chart's."""
    prose = _PROSE_LINE.search(text)
    m = _SOURCE_FIELD.search(text, 0, prose.start() if prose else len(text))
    if m is None:
        # A header line that is only a news agency's name ("Continental Press Agency",
        # "From Continental Press Agency") credits the story to the wire it came from.
        m = _WIRE_CREDIT.search(text, 0, prose.start() if prose else len(text))
    return clean_source(m.group("name")) if m else None


_WIRE_CREDIT = re.compile(r"(?m)^[ \t]*(?:From[ \t]+|By[ \t]+)?(?P<name>(?:[A-Z][\w’'&.-]*[ \t]+){1,4}"
                          r"(?:Press[ \t]+Agency|News[ \t]+Agency|Press[ \t]+Association|Agency))[ \t]*$")


# A paragraph of prose: a line of a dozen words or more, ending as a sentence ends
# (menus, bylines and header fields are shorter or end otherwise).
_PROSE_LINE = re.compile(r"(?m)^[^\w\n|]*(?:\w+[^\w\n|]+){12}[^|\n]*[.!?”\"][ \t]*$")


def _initials_suffix(name: str, acr: str) -> str | None:
    """The tail of `name` whose capitalised words spell `acr` ('Tirenia's Central
    Electoral Commission' -> 'Central Electoral Commission'), if any."""
    words = name.split()
    for i in range(len(words)):
        caps = [w for w in words[i:] if w[0].isupper()]
        if "".join(w[0] for w in caps) == acr and words[i][0].isupper():
            return " ".join(words[i:])
    return None


# What kind of body a description names ("the ferry company", "the medical charity",
# "the agency"): the description nouns each kind of body answers to. A body's kind
# comes from the head of its name ("Orient Star Shipping Lines", "Global Health
# Organization") or from how a text describes it ("the opposition Civic Alliance",
# "MediAid International, a medical charity", "operated by X").
_KIND_CLASSES = {
    "company": ("company", "firm", "operator", "carrier", "owner", "airline", "insurer",
                "manufacturer", "lender", "group", "business"),
    "charity": ("charity", "ngo", "organisation", "organization", "group"),
    "agency": ("agency", "authority", "organisation", "organization", "body", "regulator",
               "watchdog", "bureau", "service", "office"),
    "institute": ("institute", "institution", "centre", "center", "observatory"),
    "party": ("party", "alliance", "coalition", "front", "movement", "bloc"),
    "ministry": ("ministry", "department"),
    "commission": ("commission", "committee", "council", "board", "panel"),
    "union": ("union", "federation", "confederation"),
}


_HEAD_CLASS = {
    **dict.fromkeys(("lines", "line", "shipping", "airlines", "airways", "company", "corporation",
                     "corp", "inc", "ltd", "plc", "holdings", "ferries", "motors", "industries",
                     "group", "llc"), "company"),
    **dict.fromkeys(("charity", "foundation", "trust"), "charity"),
    **dict.fromkeys(("agency", "authority", "bureau", "service", "organization", "organisation",
                     "administration", "office", "regulator"), "agency"),
    **dict.fromkeys(("institute", "centre", "center", "observatory"), "institute"),
    **dict.fromkeys(("party", "alliance", "coalition", "front", "movement", "bloc"), "party"),
    **dict.fromkeys(("ministry", "department"), "ministry"),
    **dict.fromkeys(("commission", "committee", "council", "board", "panel"), "commission"),
    **dict.fromkeys(("union", "federation", "confederation"), "union"),
}


KIND_NOUNS = frozenset(n for nouns in _KIND_CLASSES.values() for n in nouns) | {"opposition"}


_KIND_ALT = "|".join(sorted(KIND_NOUNS, key=len, reverse=True))


_BODY_NAME = r"[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w’'&.-]*){0,5}"


_NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
              "January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December", "On", "In", "At", "By", "The"}


# "the opposition Civic Alliance", "The medical charity MediAid International", "Charity X".
_KIND_BEFORE = re.compile(
    rf"(?:\b[Tt]he\s+|^|(?<=[.!?:]\s))(?P<mods>(?:[a-z-]+\s+){{0,2}}?)(?P<noun>(?i:{_KIND_ALT}))"
    rf"\s+(?P<name>{_BODY_NAME})", re.MULTILINE)


# "MediAid International, a medical charity", "The ferry's operator, Orient Star Shipping Lines,".
_KIND_APPOSED = re.compile(
    rf"(?P<name>(?<![\w’']){_BODY_NAME}),\s+(?:an?|the|its)\s+(?:[a-z-]+(?:[’']s)?\s+){{0,2}}?"
    rf"(?P<noun>{_KIND_ALT})\b(?![’']s)(?=\s*[,;(]|\s+(?:of|for|in|at|from|that|which|who|"
    rf"based|with|run|led)\b)"  # not "... between X and Y, the defence ministry said"
    rf"|\b[Tt]he\s+(?:[a-z-]+(?:[’']s)?\s+){{0,2}}?(?P<noun2>{_KIND_ALT}),\s+(?P<name2>{_BODY_NAME}),")


# "operated by Orient Star Shipping Lines", "Orient Star Shipping Lines, which operates the ferry".
_OPERATOR = re.compile(rf"\b(?:operated|run|owned)\s+by\s+(?P<name>(?:the\s+)?{_BODY_NAME})"
                       rf"|(?P<name2>{_BODY_NAME}),?\s+which\s+(?:operates|operated|runs|ran|owns|owned)\b")


def learn_kinds(text: str) -> dict[str, frozenset[str]]:
    """What kind of body each name of a text is said to be: 'the opposition Civic
    Alliance' -> opposition, 'X, a medical charity' -> charity, 'operated by X' -> operator."""
    found: dict[str, set[str]] = {}

    def add(name: str | None, noun: str) -> None:
        name = clean_source(name or "")
        if name and name.split()[0] not in _NOT_NAMES and any(c.isupper() for c in name):
            found.setdefault(name, set()).add(noun.lower())

    for m in _KIND_BEFORE.finditer(text):
        add(m.group("name"), m.group("noun"))
    for m in _KIND_APPOSED.finditer(text):
        add(m.group("name") or m.group("name2"), m.group("noun") or m.group("noun2"))
    for m in _OPERATOR.finditer(text):
        add(m.group("name") or m.group("name2"), "operator")
    return {name: frozenset(nouns) for name, nouns in found.items()}


def corpus_kinds(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """What kind of body each name is, as any document of the corpus describes it: a
    live page's "the opposition" is the Civic Alliance another story calls "the
    opposition Civic Alliance", where the page names the Civic Alliance too."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for name, nouns in learn_kinds(text).items():
            found.setdefault(name, set()).update(nouns)
    return {name: frozenset(nouns) for name, nouns in sorted(found.items())}


def _answers_to(name: str, learned: Mapping[str, frozenset[str]]) -> set[str]:
    """The description nouns a body answers to: those of its head's class and of each
    kind a text called it."""
    words = name.split()
    head = words[:words.index("of")] if "of" in words else words  # "Ministry of Health"
    nouns: set[str] = set()
    cls = _HEAD_CLASS.get(head[-1].lower()) if head else None
    if cls:
        nouns.update(_KIND_CLASSES[cls])
    for noun in learned.get(name, ()):
        nouns.add(noun)
        for members in _KIND_CLASSES.values():
            if noun in members:
                nouns.update(members)
    return nouns


def bodies_named(text: str, learned: Mapping[str, frozenset[str]]) -> list[tuple[str, set[str]]]:
    """The bodies a text names, in order, each with the description nouns it answers to."""
    out = []
    for m in _NAME_RUN.finditer(text):
        words = clean_source(re.sub(r"^[A-Z][\w-]*[’']s\s+", "", m.group())).split()  # "Dembaya's"
        # "Orient Star Shipping Lines on Tuesday offered ...": a day or month ends the name.
        cut = next((i for i, w in enumerate(words) if i and w in _NOT_NAMES), len(words))
        while cut > 1 and words[cut - 1] in ("of", "for", "on", "and", "the"):
            cut -= 1
        words = words[:cut]
        # "Charity MediAid International": the name a text described may follow a noun.
        name = next((" ".join(words[i:]) for i in range(len(words))
                     if " ".join(words[i:]) in learned), " ".join(words))
        nouns = _answers_to(name, learned)
        if nouns:
            out.append((name, nouns))
    return out


_NAME_RUN = re.compile(r"[A-Z][\w’'&-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w’'&-]*){0,7}")


# Who the document says published a kind of data: "The Central Electoral Commission
# (CEC) published final results", "The CEC has put preliminary turnout at 52.1%", "an
# exit poll conducted by the Pulsar Institute".
_NAME = r"(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+)?[A-Z][\w’'.&-]*){0,5}"


# A poll's author, not its client: "a poll by the Pulsar Institute for TVR".
_POLL_NAME = r"(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.&-]*){0,5}"


_RESULTS_BY = re.compile(
    rf"(?P<name>{_NAME})(?:\s+\([A-Z]{{2,6}}\))?\s+(?:(?:has|have|had|on\s+\w+|\w+ly)\s+)*"
    r"(?:published|announced|released|issued|put|gave|reported|declared|confirmed)\s+(?:the\s+|its\s+)?"
    r"(?:(?:preliminary|final|official|provisional|partial|first|full)\s+)+"
    r"(?:results?|count|tally|figures|turnout)\b")


_POLL_BY = re.compile(
    rf"\b(?P<kind>(?i:(?:exit|opinion)\s+poll|poll|survey))\s+(?:(?:conducted|carried\s+out|"
    rf"commissioned|published|released)\s+)?by\s+(?P<name>{_POLL_NAME})")


_NOT_AUTHORS = {"The", "A", "An", "It", "This", "That", "But", "And", "On", "In", "At", "By"}


def learn_data_authors(text: str) -> dict[str, str]:
    """Who a document says published its results and its polls, read from the whole
    text at once: a headline's "Final count: 60.8% ..." comes before the paragraph
    that says who counted. The first author named for each kind wins."""
    found: dict[str, str] = {}
    for m in _RESULTS_BY.finditer(text):
        name = clean_source(re.split(r"[.!?]\s+", m.group("name"))[-1])  # not "Valmora. The CEC"
        if name and name.split()[0] not in _NOT_AUTHORS:
            found.setdefault("results", name)
            break
    for m in _POLL_BY.finditer(text):
        name = clean_source(re.split(r"[.!?]\s+", m.group("name"))[0])
        kind = data_kind(m.group("kind"))
        if name and kind:
            found.setdefault(kind, name)
    return found


def data_kind(source: str) -> str | None:
    """'preliminary results', 'Final count' -> 'results'; 'exit poll', 'The poll' -> 'poll'."""
    low = clean_source(source).lower()
    if re.fullmatch(r"(?:(?:exit|opinion|latest|new|final)\s+)*(?:poll|survey)", low):
        return "poll"
    if BARE_DATA.fullmatch(low) and not low.startswith(("estimate", "projection")):
        return "results"
    return None


# "according to preliminary results": data that names nobody who published it.
BARE_DATA = re.compile(r"(?i:(?:(?:preliminary|final|official|latest|new|updated|provisional|partial|"
                        r"initial|early)\s+)*(?:results|figures|data|estimates?|statistics|numbers|"
                        r"count|tally|projections?))")
