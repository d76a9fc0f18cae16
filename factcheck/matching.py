"""Which claims say the same thing: compare the candidate pairs, name the relation.

Stage shape follows dedupe: `blocking` proposes candidate pairs, a comparison
scores each pair on text (rapidfuzz over one normalisation) and on structure
(kind, the counted thing and its subject, the actor and act of an event, the
numbers written in the text; read once per claim by `features`), and the
clustering in `grouping` decides the groups. Every kept pair becomes a `Match`
with a relation that says why:

- same, paraphrase: the text is (nearly) the same, or a reworded quote;
- same-quantity, same-quantity-other-value: two numbers for one quantity, with
  compatible or with different values (where contradictions live);
- same-act: the same actor doing the same act ("Putin refrained from denying" /
  "Russia stopped short of confirming");
- any of these prefixed "same-document-" when both claims are on one page (a
  headline repeated in related links is not a second outlet).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from factcheck.blocking import candidate_pairs
from factcheck.features import (
    ClaimFeatures,
    claim_features,
    document_affiliations,
    places_differ,
    quantity_unit,
    resolve_references,
    stem,
    weigh_cores,
)
from factcheck.intervals import compatible
from factcheck.measures import measures_differ
from factcheck.models import NEGATIVE_MODALITIES, NUMERIC, Claim, Document, Match
from factcheck.normalise import content_words, normalised_similarity, tokens

__all__ = ["match_claims", "compare_claims", "same_quantity", "similarity_ratio"]

# Thresholds on `similarity` (0..1). Measured with rapidfuzz on news quotes:
# the same quote with a dropped word or a bracketed "[s]" scores >= 0.93, a second
# translation or a lead-in change ("It would be" / "This would constitute") about
# 0.9, unrelated sentences of one story <= 0.75.
SAME_TEXT = 0.95  # above: the same words (relation "same")
PARAPHRASE_TEXT = 0.86  # above: one statement reworded; lower admits look-alike sentences
SHORT_TEXT_WORDS = 4  # a shorter text needs plain `ratio` above PARAPHRASE_TEXT (subset scores lie)
CORE_SHARE = 0.6  # weighted share of the smaller core two statements of one proposition share
CORE_WEIGHT = 3.0  # shared rarity needed (about one word used by one claim in twenty, or two)
STRUCTURE_BASE = 0.6  # similarity of a structural match before its text adds up to 0.4

MODALITY_CLASS = {"asserted": "fact", "reported": "fact", "confirmed": "fact", "denied": "fact",
                  "negated": "fact", "hedged": "possible", "conditional": "possible",
                  "planned": "plan", "forecast": "plan"}
OPEN_OBJECT_ACTS = frozenset({"noncommittal"})
# Confirming and denying are two stances on one proposition: kept together, they
# show a contradiction when one actor's statements disagree.
ACT_FAMILY = {"confirm": "stance", "deny": "stance"}


def same_quantity(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two numeric claims count the same thing about the same subject and scope.

    Figures of two stories never count the same thing (two earthquakes' death
    tolls); within a story a missing subject is no objection (the grouping gives
    it its story's), a different counted noun or measured thing ("unemployment" /
    "inflation", a package / its part), subject or scope marker is.
    """
    ca, cb = a.claim, b.claim
    unit = quantity_unit(a)
    if unit is None or unit != quantity_unit(b) or a.scope != b.scope:
        return False
    if a.measure and b.measure and measures_differ(a.measure, b.measure):
        return False
    if a.story and b.story and a.story != b.story:
        return False
    if a.owner and b.owner and a.owner != b.owner:
        return False  # Russian troops in Kursk are not North Korean troops in Kursk
    return not places_differ(ca.subject, cb.subject)


def compare_claims(a: ClaimFeatures, b: ClaimFeatures) -> tuple[float, str] | None:
    """(similarity, relation) when the two claims belong together, else None."""
    ka, kb = a.claim.kind, b.claim.kind
    if (ka == NUMERIC) != (kb == NUMERIC):
        return None  # a number and a statement are grouped apart, each with its own kind
    if ka == NUMERIC and not same_quantity(a, b):
        return None
    act = ka != NUMERIC and _same_act(a, b)
    core = 0.0 if ka == NUMERIC or act else core_share(a, b)
    if ka != NUMERIC and not act and not core:
        # Cheap gate before rapidfuzz: a paraphrase shares most words of the shorter text.
        shared = len(a.words & b.words)
        if shared * 2 < min(len(a.words), len(b.words)) or (not shared and a.words and b.words):
            return None
    text = normalised_similarity(a.text, b.text)
    if ka == NUMERIC:
        if compatible(a.claim, b.claim):
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
        elif core:
            relation, score = "same-proposition", STRUCTURE_BASE + (1 - STRUCTURE_BASE) * core
        else:
            return None
    if a.claim.document_id == b.claim.document_id:
        relation = "same-document-" + relation
    return round(score, 4), relation


def core_share(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """How much of the smaller statement's core the two share, weighted by rarity
    (0 when below CORE_SHARE or CORE_WEIGHT): a statement, its denial and its
    paraphrase by another outlet say the same rare words about one thing."""
    if not a.core or not b.core or a.story != b.story:
        return 0.0
    shared = a.core & b.core
    negated = [f for f in (a, b) if f.claim.modality in NEGATIVE_MODALITIES]
    if len(negated) == 1:
        # A denial faces a statement only in what its negation governs: "China claims
        # no knowledge of the troops, as the EU condemns the deployment" denies no
        # condemnation.
        shared &= _negated_stems(negated[0].claim.text)
    if not shared:
        return 0.0
    weights = a.weights
    def weight(words: frozenset[str]) -> float:
        return sum(weights.get(w, 0.0) for w in words)
    common = weight(shared)
    smaller = min(weight(a.core), weight(b.core))
    if smaller <= 0 or common < CORE_WEIGHT:
        return 0.0
    share = common / smaller
    return share if share >= CORE_SHARE else 0.0


# Words that negate or deny what follows them (status reads them too).
NEGATION_RE = re.compile(
    r"\b(?:not|no|never|none|nor|neither|den(?:y|ies|ied|ial|ials)|reject\w*|dismiss\w*|refut\w*|"
    r"rebuff\w*|false|lack\w*|without)\b|n['’]t\b", re.I)
_SCOPE_END = re.compile(r"[;:]|,\s|\s(?:as|while|whereas|but|although|though)\s", re.IGNORECASE)


def _negated_stems(text: str) -> frozenset[str]:
    """The stems a claim's first negation governs: its words up to the end of that clause."""
    found = NEGATION_RE.search(text)
    if found is None:
        return frozenset(stem(w) for w in content_words(tokens(text)))
    rest = text[found.end():]
    end = _SCOPE_END.search(rest)
    return frozenset(stem(w) for w in content_words(tokens(rest[:end.start()] if end else rest)))


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


def match_claims(claims: Sequence[Claim], documents: Mapping[str, Document]) -> list[Match]:
    """Pairs of claims that make the same claim or count the same quantity.

    Claims from one document may match (a headline repeated on the page); the
    relation then starts with "same-document-". Sorted by (claim_a, claim_b).
    """
    from factcheck.stories import story_of_documents

    ordered = sorted(claims, key=lambda c: c.id)
    ties = document_affiliations(documents)
    stories = story_of_documents(documents, ordered)
    feats = weigh_cores(resolve_references([claim_features(c, documents, ties, stories) for c in ordered]))
    out: list[Match] = []
    for i, j in candidate_pairs(feats):
        if feats[i].claim.id == feats[j].claim.id:
            continue
        found = compare_claims(feats[i], feats[j])
        if found:
            a, b = sorted((feats[i].claim.id, feats[j].claim.id))
            out.append(Match(claim_a=a, claim_b=b, similarity=found[0], relation=found[1]))
    out.sort(key=lambda m: (m.claim_a, m.claim_b))
    return out
