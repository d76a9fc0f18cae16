"""What matching compares, computed once per claim: `ClaimFeatures`.

A claim's outlet and original source, its normalised text and content words, the
numbers written in it, its scope markers ("the second batch"), whose things it
counts ("2,000 North Korean soldiers"), its act and actors, the places and bodies it
is about, its story and, for a number, what it measures. Also the few readings of
those features that blocking, matching and grouping share: whether a subject names a
place, which class a figure counts, and what a bare figure ("put the figure at
20,000") refers back to.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlparse

from factcheck.measures import (
    CALENDAR_WORDS,
    CANONICAL_MARKERS,
    MONEY_UNITS,
    WEAK_MEASURES,
    Measure,
    claim_measure,
)
from factcheck.models import EVENT, NUMERIC, QUOTE, Claim, Document
from factcheck.normalise import (
    ACTOR_NAMES,
    actor_tokens,
    actors_in_words,
    content_words,
    learn_affiliations,
    name_keys,
    normalise,
)

# Events whose predicate claims.py left empty: the act read from a few general verbs.
_ACT_FALLBACK = (
    (re.compile(r"\b(?:refrain(?:ed|s)? from|stopp(?:ed)? short of|declin(?:ed|es) to|would not (?:confirm|deny))\b", re.I), "noncommittal"),
    (re.compile(r"\bconfirm(?:s|ed|ing)?\b", re.I), "confirm"),
    (re.compile(r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?)\b", re.I), "deny"),
    (re.compile(r"\bcondemn(?:s|ed)?\b", re.I), "condemn"),
)
# Words naming the part of a quantity rather than the whole ("the second batch",
# "another 2,000", "per day"): claims with different markers count other things.
_SCOPE_RE = re.compile(
    r"\b(first|second|third|fourth|fifth|next|initial|latest|another|additional|further|extra|new)\s+"
    r"(?:\w+\s+){0,2}?(?:batch|wave|group|contingent|round|tranche|shipment|deployment|phase|rotation|\d)",
    re.I,
)
OWNER_WORDS = 4  # words after a number searched for whose things are counted
_NUMERAL_RE = re.compile(r"^\d+(?:\.\d+)?$")
BARE_AMOUNT = 1e6  # a bare "1.5 billion" after a sum of money is money; a bare "62" is not
# A short story's claim counts say little about how rare a word is: they are
# smoothed as if this many other claims had not used it (higher matches statements
# of a small corpus more readily on few shared words; 0 lets nothing match in two claims).
CORE_PRIOR = 20
ANAPHOR_CHARS = 300  # a bare figure ("put the figure at 20,000") refers this far back


def claim_outlet(claim: Claim, documents: Mapping[str, Document]) -> str:
    """The outlet that published the claim: its name, else its site, else its file."""
    doc = documents.get(claim.document_id)
    if doc is None:
        return claim.document_id or "unknown"
    if doc.outlet:
        return doc.outlet
    if doc.url:
        host = urlparse(doc.url).netloc.lower()
        return host[4:] if host.startswith("www.") else host or doc.url
    return doc.path or doc.id


def claim_origin(claim: Claim, documents: Mapping[str, Document]) -> str:
    """The original source behind the claim, normalised: who said it first.

    "Kyodo, citing a Ukrainian military source" (relay Kyodo) -> the cited source;
    an unattributed claim, or one attributed to its own outlet, -> the outlet.
    """
    outlet = claim_outlet(claim, documents)
    origin = claim.attributed_to or ""
    if claim.relay and origin:
        relay = normalise(claim.relay)
        norm = normalise(origin)
        if norm.startswith(relay):
            rest = re.sub(r"^(?:citing|quoting|according to|from)\s+", "", norm[len(relay):].strip())
            origin = rest or origin
    norm = normalise(origin)
    if not norm or norm == normalise(outlet):
        return normalise(outlet)
    return norm


@dataclass(frozen=True)
class ClaimFeatures:
    """What matching compares, computed once per claim."""

    claim: Claim
    outlet: str
    published: str | None
    text: str  # normalised
    words: frozenset[str]
    numbers: frozenset[str]
    scope: tuple[str, ...]
    owner: str | None  # whose counted things: "North Korean" in "2,000 North Korean soldiers"
    predicate: str | None
    actors: frozenset[str]  # keys of who acts or speaks
    objects: frozenset[str]  # countries/organisations the claim is about, actors excluded
    story: str | None = None  # the story (stories.find_stories) of the claim's document
    measure: Measure | None = None  # what a number measures (None for statements)
    # What a statement says, whoever says it and whether it is denied: word stems
    # without the speaker, the verbs of saying and the negation ("the ship was not
    # overloaded" and "denies overloading" -> {"overload", ...}).
    core: frozenset[str] = frozenset()
    # How telling each core stem is in the claim's story (idf over its claims; one
    # mapping shared by the story's claims, filled by `weigh_cores`).
    weights: Mapping[str, float] = field(default_factory=dict, compare=False, repr=False)
    # A figure joined by "and" to the figure before it in its sentence ("has recorded 611
    # cases ..., and 14 deaths"): an object of the same verb, so of the same subject.
    coordinated: bool = False


def _scope(text: str) -> tuple[str, ...]:
    found = set()
    for m in _SCOPE_RE.finditer(text):
        word = m.group(1).lower()
        found.add(CANONICAL_MARKERS.get(word, word))
    return tuple(sorted(found))


def _owner(claim: Claim, words: Sequence[str]) -> str | None:
    """The country or body named right after the number, other than the subject."""
    numerals = [k for k, w in enumerate(words) if w[0].isdigit() and _NUMERAL_RE.match(w)]
    if not numerals:
        return None
    # The numeral of the claim's own value, not a date in the same clause.
    value = f"{claim.value:g}" if claim.value is not None else None
    k = next((k for k in numerals if words[k] == value), numerals[-1] if value else numerals[0])
    near = [a for a in actors_in_words(words[k + 1:k + 1 + OWNER_WORDS]) if a != claim.subject]
    return near[0] if near else None


# Words that say that something is said, claimed or denied, not what: a statement and
# its denial or its report differ in these only.
_SAYING = frozenset("""
said say says saying told tell tells stated statement statements insist insists insisted
claim claims claimed claiming allegation allegations alleged alleging accusation accusations
accused accusing suggestion suggestions suggested suggesting report reports reported reporting
deny denies denied denying denial denials reject rejects rejected rejecting dismiss dismisses
dismissed dismissing refute refutes refuted rebuff rebuffed confirm confirms confirmed
confirming contradict contradicts contradicted contradicting maintain maintains maintained
argue argues argued added adds stressed noted never none not no nothing nor neither false
also however yet even again now still today yesterday week monday tuesday wednesday thursday
friday saturday sunday
""".split())
# Inflections and derivations stripped so "cleared", "clearance" and "clear" meet;
# longest first, a stem keeps at least _MIN_STEM letters.
_SUFFIXES = ("ations", "ation", "ances", "ance", "ences", "ence", "ments", "ment", "ings", "ing",
             "edly", "ied", "ies", "ed", "ers", "er", "es", "ly", "s", "e")
_MIN_STEM = 4


def stem(word: str) -> str:
    """A crude stem of a normalised word: enough for one story's wording to meet itself."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[:-len(suffix)]
            break
    return word


_NAME_RE = re.compile(r"(?<=[\w,;:'\"’”)] )[A-Z][\w’'-]*")
_QUOTED_RE = re.compile(r"[“\"]([^”\"]{1,80})[”\"]")
_HEADLINE_SHARE = 0.5  # a text with more capitalised words than this is in title case


def _core(claim: Claim, words: Sequence[str], actors: frozenset[str]) -> frozenset[str]:
    """The stems of what a statement says (see `ClaimFeatures.core`).

    Names (capitalised words past the first) say who and where, not what: two
    statements about one country or person share them whatever they say. A
    headline in title case keeps its words."""
    speaker = set(normalise(claim.attributed_to or "").split())
    for key in actors:
        speaker.update(key.split())
    names = {normalise(n) for n in _NAME_RE.findall(claim.text)}
    if len(names) > _HEADLINE_SHARE * max(1, len(content_words(words))):
        names = set()
    # Words a report quotes in passing ('what was termed a "dangerous expansion"') are
    # someone else's wording, cited, not what the report itself says.
    quoted = set() if claim.kind == QUOTE else {
        w for phrase in _QUOTED_RE.findall(claim.text) for w in normalise(phrase).split()}
    return frozenset(stem(w) for w in content_words(words)
                     if w not in speaker and w not in names and w not in quoted and w not in _SAYING
                     and w.isalpha())


def weigh_cores(feats: Sequence[ClaimFeatures]) -> list[ClaimFeatures]:
    """Each statement's core stems weighted by how rare they are among its story's
    claims: the ship's name is in every report of its sinking and says little, the
    word for what is disputed about it is in a few."""
    by_story: dict[str | None, list[int]] = defaultdict(list)
    for k, f in enumerate(feats):
        by_story[f.story].append(k)
    out = list(feats)
    for members in by_story.values():
        df: Counter[str] = Counter()
        for k in members:
            df.update({stem(w) for w in feats[k].words})
        n = len(members)
        weights = {w: math.log((n + CORE_PRIOR) / (c + 1)) for w, c in df.items()}
        for k in members:
            if feats[k].core:
                out[k] = replace(feats[k], weights=weights)
    return out


def _predicate(claim: Claim) -> str | None:
    if claim.predicate:
        return claim.predicate
    for pattern, act in _ACT_FALLBACK:
        if pattern.search(claim.text):
            return act
    return None


def document_affiliations(documents: Mapping[str, Document]) -> dict[str, frozenset[str]]:
    """Person -> country/organisation ties read from the documents' titles of people."""
    return learn_affiliations(documents[k].text for k in sorted(documents))


def claim_features(claim: Claim, documents: Mapping[str, Document],
                   affiliations: Mapping[str, frozenset[str]] | None = None,
                   stories: Mapping[str, str] | None = None) -> ClaimFeatures:
    """Features of one claim for matching and grouping.

    `affiliations` (from `document_affiliations`) lets a person's name stand for
    the country or organisation they speak for; `stories` (document id -> story,
    from `stories.find_stories`) keeps figures of other stories apart.
    """
    doc = documents.get(claim.document_id)
    outlet = claim_outlet(claim, documents)
    text = normalise(claim.text)
    words = actor_tokens(claim.text)
    actors: set[str] = set()
    if claim.attributed_to and normalise(claim.attributed_to) != normalise(outlet):
        actors |= name_keys(claim.attributed_to)
    if claim.kind == EVENT:
        # The actor of a reported act opens its clause: "Seoul no longer rules out ...".
        lead = actors_in_words(words[:4])
        if lead:
            actors.add(lead[0])
    for key in list(actors):
        actors.update((affiliations or {}).get(key, ()))
    measure = claim_measure(claim, documents) if claim.kind == NUMERIC else None
    scope = _scope(claim.text)
    if measure is not None and (measure.year or measure.rate or measure.limit):
        extra = (("in " + measure.year) if measure.year else "", measure.rate or "",
                 "limit" if measure.limit else "")
        scope = tuple(sorted({*scope, *(e for e in extra if e)}))
    places = set(claim.entities) | set(actors_in_words(words))
    if claim.subject:
        places.add(claim.subject)
    return ClaimFeatures(
        claim=claim,
        outlet=outlet,
        published=doc.published if doc else None,
        text=text,
        words=frozenset(content_words(words)),
        numbers=frozenset(w for w in words if w[0].isdigit() and _NUMERAL_RE.match(w)),
        scope=scope,
        owner=(_owner(claim, words) or (measure.operator if measure else None)) if claim.kind == NUMERIC else None,
        predicate=_predicate(claim),
        actors=frozenset(actors),
        objects=frozenset(places - actors),
        story=(stories or {}).get(claim.document_id),
        measure=measure,
        core=_core(claim, words, frozenset(actors)) if claim.kind != NUMERIC else frozenset(),
        coordinated=claim.kind == NUMERIC and _coordinated(claim, doc),
    )


_COORDINATED_RE = re.compile(r"\band\s+$")
_FIGURE_FIRST_RE = re.compile(r"(?:at least |more than |nearly |about |some |over )?\d")


def _coordinated(claim: Claim, doc: Document | None) -> bool:
    """The claim is a bare figure right after "and": "..., and 14 deaths"."""
    if doc is None or doc.text[claim.start:claim.end] != claim.text:
        return False
    return bool(_COORDINATED_RE.search(doc.text[max(0, claim.start - 6):claim.start])
                and _FIGURE_FIRST_RE.match(claim.text))


_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ans")
_NOT_PLACES = CALENDAR_WORDS | frozenset("""north south east west northern southern eastern western
central capital city country region province state nation""".split())


def place_of(subject: str | None) -> str | None:
    """A claim's subject as a place to tell quantities apart: None when it names no
    place at all ("monday's", "south")."""
    if not subject:
        return None
    norm = subject.lower().replace("’", "'").removesuffix("'s")
    return None if norm in _NOT_PLACES else subject


def vague_place(subject: str | None) -> bool:
    """A place said loosely ("the Lutanian capital", "Eskaran"): an adjective of a
    country that is no country name of its own. It names no other place than the
    specific one a story gives, so it never splits a quantity; a country named as
    such ("Russia") against a region ("Kursk") still does (a part is not the whole)."""
    if not subject:
        return True
    norm = subject.lower()
    return "capital" in norm or (norm.endswith(_DEMONYM_ENDINGS) and norm not in ACTOR_NAMES)


def places_differ(a: str | None, b: str | None) -> bool:
    """Two subjects name different specific places."""
    a, b = place_of(a), place_of(b)
    return bool(a and b and a != b and not vague_place(a) and not vague_place(b))


def quantity_unit(f: ClaimFeatures) -> str | None:
    """The class a numeric claim's figure counts or measures ("" for a bare figure with a
    named measure, None when nothing says what it is)."""
    if f.measure is not None:
        if f.measure.unit or f.measure.words - WEAK_MEASURES:
            return f.measure.unit or ""
        return None
    return f.claim.counted


def resolve_references(feats: Sequence[ClaimFeatures]) -> list[ClaimFeatures]:
    """A figure that names nothing it measures ("the organisers put the figure at
    20,000", "expects it to hit 7%") measures what the nearest figure before it on
    its page measured, when that is at most ANAPHOR_CHARS back."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for k, f in enumerate(feats):
        if f.measure is not None:
            by_doc[f.claim.document_id].append(k)
    out = list(feats)
    for members in by_doc.values():
        members.sort(key=lambda k: (feats[k].claim.start, feats[k].claim.id))
        last: ClaimFeatures | None = None
        for k in members:
            f = feats[k]
            m = f.measure
            if m is None:
                continue
            refers = m.anaphoric or quantity_unit(f) is None
            near = last is not None and last.measure is not None and \
                f.claim.start - last.claim.end <= ANAPHOR_CHARS
            if refers and near and (not m.unit or m.unit == last.measure.unit):
                out[k] = replace(f, measure=replace(last.measure, year=m.year or last.measure.year,
                                                    per=m.per, rate=m.rate, limit=m.limit,
                                                    anaphoric=False))
            elif not refers and m.unit == "" and near and last.measure.unit in MONEY_UNITS \
                    and (f.claim.value or 0) >= BARE_AMOUNT:
                # "1.5 billion for households" after "the 2.4 billion euro package": its unit.
                out[k] = replace(f, measure=replace(m, unit=last.measure.unit))
            elif not refers:
                last = f
    return out
