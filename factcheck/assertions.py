"""Group matched claims into assertions and say whether sources agree.

The assertions stage, in order: the features of every claim (`features`), the
claims grouped into assertions (`grouping`: numbers by the quantity they count,
statements by average linkage over the matches), a label for each, and its
values, status, reasons and confidence (`status`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from factcheck.features import (
    ClaimFeatures,
    claim_features,
    document_affiliations,
    quantity_unit,
    resolve_references,
)
from factcheck.grouping import LINK_SAMPLE, group_claims
from factcheck.matching import compare_claims
from factcheck.measures import WEAK_MEASURES
from factcheck.models import NUMERIC, Assertion, Claim, Document, Match
from factcheck.normalise import find_actors
from factcheck.status import add_related, summarise_assertion


def build_assertions(claims: Sequence[Claim], matches: Sequence[Match],
                     documents: Mapping[str, Document]) -> list[Assertion]:
    """Every claim in exactly one assertion, with status, values, reasons and confidence.

    Sorted by assertion id; an assertion's id is the content id of its sorted claim ids.
    """
    from factcheck.stories import story_of_documents

    by_id = {c.id: c for c in claims}
    ties = document_affiliations(documents)
    stories = story_of_documents(documents, claims)
    feats = {f.claim.id: f for f in resolve_references(
        [claim_features(c, documents, ties, stories) for c in sorted(claims, key=lambda c: c.id)])}
    out = [summarise_assertion(kind, members, feats, documents, ties, label_assertion(kind, members, feats))
           for kind, members in group_claims(by_id, matches, feats)]
    out = add_related(out, by_id, stories)
    out.sort(key=lambda a: a.id)
    return out


def label_assertion(kind: str, claims: Sequence[Claim], feats: Mapping[str, ClaimFeatures]) -> str:
    """A short name for an assertion: the quantity a number counts, or its most central statement."""
    return _numeric_label(claims, feats) if kind == NUMERIC else _statement_label(claims, feats)


def _title(name: str) -> str:
    return " ".join(w.upper() if len(w) <= 4 and w in {"eu", "nato", "un", "g7", "imf"} else w.capitalize()
                    for w in name.split())


def _measured(c: Claim, feats: Mapping[str, ClaimFeatures]) -> str | None:
    """What a figure counts, for a label: "people", "eur (package)", "percent (inflation)"."""
    f = feats[c.id]
    unit = quantity_unit(f) or c.counted
    words = sorted(f.measure.words - WEAK_MEASURES) if f.measure else []
    if words:
        return f"{unit} ({' '.join(words)})" if unit else " ".join(words)
    return unit


def _numeric_label(claims: Sequence[Claim], feats: Mapping[str, ClaimFeatures]) -> str:
    counted = Counter(_measured(c, feats) for c in claims if _measured(c, feats)).most_common(1)
    subject = Counter(c.subject for c in claims if c.subject).most_common(1)
    # Whose: the country or organisation most claims name first, other than the subject.
    owners: Counter[str] = Counter()
    for c in claims:
        named = [a for a in find_actors(c.text) if a != c.subject and a in feats[c.id].objects]
        if named:
            owners[named[0]] += 1
    label = f"Number of {counted[0][0] if counted else 'items'}"
    if owners:
        label += f" from {_title(min(owners, key=lambda o: (-owners[o], o)))}"
    if subject:
        label += f" in {_title(subject[0][0])}"
    scope = feats[claims[0].id].scope
    if scope:
        label += f" ({', '.join(scope)})"
    return label


def _statement_label(claims: Sequence[Claim], feats: Mapping[str, ClaimFeatures]) -> str:
    def centrality(c: Claim) -> tuple[float, int, str]:
        others = [d for d in claims if d.id != c.id][:LINK_SAMPLE]
        total = 0.0
        for d in others:
            found = compare_claims(feats[c.id], feats[d.id])
            total += found[0] if found else 0.0
        return (-total, len(c.text), c.id)

    best = min(claims, key=centrality) if len(claims) > 1 else claims[0]
    text = " ".join(best.text.split())
    if len(text) > 120:
        text = text[:117].rsplit(" ", 1)[0] + "…"
    speaker = Counter(c.attributed_to for c in claims if c.attributed_to).most_common(1)
    return f"{speaker[0][0]}: {text}" if speaker else text

