"""Which claims say the same thing: blocking, then comparison, never all pairs.

Stage shape follows dedupe: blocking proposes candidate pairs, a comparison
scores each pair on text (rapidfuzz over one normalisation) and on structure
(kind, the counted thing and its subject, the actor and act of an event, the
numbers written in the text), and the clustering in `assertions` decides the
groups. Every kept pair becomes a `Match` with a relation that says why:

- same, paraphrase: the text is (nearly) the same, or a reworded quote;
- same-quantity, same-quantity-other-value: two numbers for one quantity, with
  compatible or with different values (where contradictions live);
- same-act: the same actor doing the same act ("Putin refrained from denying" /
  "Russia stopped short of confirming");
- any of these prefixed "same-document-" when both claims are on one page (a
  headline repeated in related links is not a second outlet).

Cost: a claim joins a bounded number of blocks (its few rarest words, a few
min-hashed word 4-grams of a quote, its exact text, its quantity, its value, its
actor and act); a block larger than MAX_BLOCK is walked in sorted order with a
window of WINDOW neighbours, so comparisons grow linearly with the number of claims.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from factcheck.models import EVENT, NUMERIC, QUOTE, Claim, Document, Match
from factcheck.normalise import (
    actor_tokens,
    actors_in_words,
    content_words,
    learn_affiliations,
    name_keys,
    normalise,
    normalised_similarity,
    similarity,
)

__all__ = ["match_claims", "normalise", "similarity", "claim_outlet", "claim_origin",
           "ClaimFeatures", "claim_features", "compare_claims", "document_affiliations"]

# Thresholds on `similarity` (0..1). Measured with rapidfuzz on news quotes:
# the same quote with a dropped word or a bracketed "[s]" scores >= 0.93, a second
# translation or a lead-in change ("It would be" / "This would constitute") about
# 0.9, unrelated sentences of one story <= 0.75.
SAME_TEXT = 0.95  # above: the same words (relation "same")
PARAPHRASE_TEXT = 0.86  # above: one statement reworded; lower admits look-alike sentences
SHORT_TEXT_WORDS = 4  # a shorter text needs plain `ratio` above PARAPHRASE_TEXT (subset scores lie)
STRUCTURE_BASE = 0.6  # similarity of a structural match before its text adds up to 0.4

RAREST_WORDS = 3  # word blocks per claim
QUOTE_SHINGLES = 3  # min-hashed 4-grams per quote claim
MAX_BLOCK = 25  # larger blocks are walked with a sorted window instead of all pairs
WINDOW = 6  # neighbours compared in an oversized block

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
    r"(?:\w+\s+){0,2}?(?:batch|wave|group|contingent|round|tranche|shipment|deployment|phase|rotation|\d)"
    r"|\b(per day|a day|daily|per week|a week|weekly|per month|a month|monthly|per year|a year|annually|each day)\b",
    re.I,
)
_ORDINAL = {"initial": "first", "another": "additional", "further": "additional", "extra": "additional",
            "new": "additional", "a day": "per day", "daily": "per day", "each day": "per day",
            "a week": "per week", "weekly": "per week", "a month": "per month",
            "monthly": "per month", "a year": "per year", "annually": "per year"}
NEGATIVE_MODALITIES = frozenset({"denied", "negated"})
MODALITY_CLASS = {"asserted": "fact", "reported": "fact", "confirmed": "fact", "denied": "fact",
                  "negated": "fact", "hedged": "possible", "conditional": "possible",
                  "planned": "plan", "forecast": "plan"}
OPEN_OBJECT_ACTS = frozenset({"noncommittal"})
# Confirming and denying are two stances on one proposition: kept together, they
# show a contradiction when one actor's statements disagree.
ACT_FAMILY = {"confirm": "stance", "deny": "stance"}
OWNER_WORDS = 4  # words after a number searched for whose things are counted
_NUMERAL_RE = re.compile(r"^\d+(?:\.\d+)?$")


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


def _scope(text: str) -> tuple[str, ...]:
    found = set()
    for m in _SCOPE_RE.finditer(text):
        word = (m.group(1) or m.group(2)).lower()
        found.add(_ORDINAL.get(word, word))
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
        scope=_scope(claim.text),
        owner=_owner(claim, words) if claim.kind == NUMERIC else None,
        predicate=_predicate(claim),
        actors=frozenset(actors),
        objects=frozenset(places - actors),
        story=(stories or {}).get(claim.document_id),
    )


def same_quantity(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two numeric claims count the same thing about the same subject and scope.

    Figures of two stories never count the same thing (two earthquakes' death
    tolls); within a story a missing subject is no objection (the grouping gives
    it its story's), a different counted noun, subject or scope marker is.
    """
    ca, cb = a.claim, b.claim
    if not ca.counted or ca.counted != cb.counted or a.scope != b.scope:
        return False
    if a.story and b.story and a.story != b.story:
        return False
    if a.owner and b.owner and a.owner != b.owner:
        return False  # Russian troops in Kursk are not North Korean troops in Kursk
    return not (ca.subject and cb.subject and ca.subject != cb.subject)


def compare_claims(a: ClaimFeatures, b: ClaimFeatures) -> tuple[float, str] | None:
    """(similarity, relation) when the two claims belong together, else None."""
    ka, kb = a.claim.kind, b.claim.kind
    if (ka == NUMERIC) != (kb == NUMERIC):
        return None  # a number and a statement are grouped apart, each with its own kind
    if ka == NUMERIC and not same_quantity(a, b):
        return None
    act = ka != NUMERIC and _same_act(a, b)
    if ka != NUMERIC and not act:
        # Cheap gate before rapidfuzz: a paraphrase shares most words of the shorter text.
        shared = len(a.words & b.words)
        if shared * 2 < min(len(a.words), len(b.words)) or (not shared and a.words and b.words):
            return None
    text = normalised_similarity(a.text, b.text)
    if ka == NUMERIC:
        if _compatible()(a.claim, b.claim):
            relation = "same" if text >= SAME_TEXT else "same-quantity"
        else:
            relation = "same-quantity-other-value"
        score = STRUCTURE_BASE + (1 - STRUCTURE_BASE) * text
    else:
        if a.numbers and b.numbers and not (a.numbers & b.numbers):
            return None  # the same words with other numbers
        shorter = min(len(a.words), len(b.words))
        textual = text >= PARAPHRASE_TEXT and (
            shorter >= SHORT_TEXT_WORDS or similarity_ratio(a.text, b.text) >= PARAPHRASE_TEXT
        )
        if textual:
            relation, score = ("same" if text >= SAME_TEXT else "paraphrase"), text
        elif act:
            relation, score = "same-act", STRUCTURE_BASE + (1 - STRUCTURE_BASE) * text
        else:
            return None
    if a.claim.document_id == b.claim.document_id:
        relation = "same-document-" + relation
    return round(score, 4), relation


def _compatible():
    # The one definition of value agreement lives with the assertions that use it most.
    from factcheck.assertions import compatible

    return compatible


def similarity_ratio(a: str, b: str) -> float:
    """Plain edit-distance ratio (0..1) of two normalised texts."""
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) / 100.0


def _same_act(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """The same actor does the same act, and nothing says it is about other things."""
    if not a.predicate or not (a.actors & b.actors) or (
            ACT_FAMILY.get(a.predicate, a.predicate) != ACT_FAMILY.get(b.predicate, b.predicate)):
        return False
    # "might supply" is not "supplied": a possibility, a plan and a fact are other
    # assertions; a fact and its denial stay together (that is a contradiction).
    if MODALITY_CLASS.get(a.claim.modality, "fact") != MODALITY_CLASS.get(b.claim.modality, "fact"):
        return False
    # Polarity does not split an act: "confirmed" against "denied" is a contradiction.
    if a.objects and b.objects:
        return bool(a.objects & b.objects)
    # Nothing named on one side: the act must share a word beyond its actor, except
    # for stances whose object is the news itself ("refrained from denying the reports").
    return a.predicate in OPEN_OBJECT_ACTS or bool((a.words & b.words) - a.actors - b.actors)


def _block_keys(f: ClaimFeatures, rare: Mapping[str, int]) -> tuple[list[str], list[str]]:
    """(structural keys, word keys) of one claim."""
    c = f.claim
    structural: list[str] = []
    if c.kind == NUMERIC and c.counted:
        story = f.story or ""
        if c.subject:
            structural.append(f"q:{story}|{c.counted}|{c.subject}|{','.join(f.scope)}")
        if c.value is not None:
            structural.append(f"v:{story}|{c.counted}|{c.value:g}")
        for bound in (c.low, c.high):
            if bound is not None and bound != c.value:
                structural.append(f"v:{story}|{c.counted}|{bound:g}")
    elif c.kind != NUMERIC and f.predicate:
        structural.extend(f"a:{f.predicate}|{actor}" for actor in sorted(f.actors))
    structural.append("t:" + f.text)  # verbatim repeats (wire copy) always meet
    words = sorted((w for w in f.words if rare.get(w, 0) >= 2), key=lambda w: (rare[w], w))
    word_keys = [f"w:{w}" for w in words[:RAREST_WORDS]]
    if c.kind == QUOTE:
        grams = {" ".join(g) for g in _ngrams(f.text.split(), 4)}
        word_keys.extend(f"g:{g}" for g in sorted(grams, key=lambda g: (zlib.crc32(g.encode()), g))[:QUOTE_SHINGLES])
    return structural, word_keys


def _ngrams(words: list[str], n: int) -> Iterable[tuple[str, ...]]:
    if len(words) < n:
        return [tuple(words)] if words else []
    return (tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def _candidate_pairs(feats: Sequence[ClaimFeatures]) -> set[tuple[int, int]]:
    df: Counter[str] = Counter()
    for f in feats:
        df.update(f.words)
    structural_blocks: dict[str, list[int]] = defaultdict(list)
    word_blocks: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        skeys, wkeys = _block_keys(f, df)
        for key in skeys:
            structural_blocks[key].append(i)
        for key in wkeys:
            word_blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()

    def by_time(i: int) -> tuple[str, str, int]:
        c = feats[i].claim
        return (feats[i].published or "", c.document_id, c.start)

    def by_text(i: int) -> tuple[str, str]:
        return (feats[i].text, feats[i].claim.id)

    # An oversized block is walked in a sorted order with a window: by time for
    # quantities and acts (reports of one figure cluster in time), by text for
    # words (wire copy repeated by many outlets sorts together).
    for blocks, order in ((structural_blocks, by_time), (word_blocks, by_text)):
        for members in blocks.values():
            if len(members) < 2:
                continue
            if len(members) <= MAX_BLOCK:
                pairs.update((x, y) for k, x in enumerate(members) for y in members[k + 1:])
            else:
                ranked = sorted(members, key=order)
                for k, x in enumerate(ranked):
                    pairs.update((min(x, y), max(x, y)) for y in ranked[k + 1:k + 1 + WINDOW])
    return pairs


def match_claims(claims: Sequence[Claim], documents: Mapping[str, Document]) -> list[Match]:
    """Pairs of claims that make the same claim or count the same quantity.

    Claims from one document may match (a headline repeated on the page); the
    relation then starts with "same-document-". Sorted by (claim_a, claim_b).
    """
    from factcheck.stories import story_of_documents

    ordered = sorted(claims, key=lambda c: c.id)
    ties = document_affiliations(documents)
    stories = story_of_documents(documents, ordered)
    feats = [claim_features(c, documents, ties, stories) for c in ordered]
    out: list[Match] = []
    for i, j in _candidate_pairs(feats):
        if feats[i].claim.id == feats[j].claim.id:
            continue
        found = compare_claims(feats[i], feats[j])
        if found:
            a, b = sorted((feats[i].claim.id, feats[j].claim.id))
            out.append(Match(claim_a=a, claim_b=b, similarity=found[0], relation=found[1]))
    out.sort(key=lambda m: (m.claim_a, m.claim_b))
    return out
