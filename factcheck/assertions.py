"""Group matched claims into assertions and say whether sources agree.

The assertions stage, in order: the features of every claim (`features`), the
claims grouped into assertions (`grouping`: numbers by the quantity they count,
statements by average linkage over the matches), a label for each, and its
values, status, reasons and confidence (`status`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from factcheck.features import (
    ClaimFeatures,
    claim_features,
    document_affiliations,
    quantity_unit,
    resolve_references,
    weigh_cores,
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
    feats = {f.claim.id: f for f in weigh_cores(resolve_references(
        [claim_features(c, documents, ties, stories) for c in sorted(claims, key=lambda c: c.id)]))}
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


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Measured things that are a count's class, not a noun of the text ("deaths" for "killed").
_MONEY_NAMES = {"eur": "EUR", "usd": "USD", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rub": "RUB",
                "uah": "UAH", "inr": "INR", "chf": "CHF"}


# Units of measure, not of count: "Magnitude", "Burned area (hectares)".
_MEASURE_UNITS = {u: u for u in ("magnitude", "hectares", "acres", "tonnes", "degrees", "miles")} | {
    "km": "km", "kilometre": "km", "kilometres": "km", "metre": "metres", "metres": "metres",
    "kg": "kg", "mile": "miles", "hectare": "hectares", "acre": "acres", "tonne": "tonnes"}


def _as_written(stem: str, claims: Sequence[Claim]) -> str:
    """The word of the claims' text a stem was cut from ("packag" -> "package"), the most
    frequent form (shortest on a tie); the stem itself when no word starts with it."""
    forms: Counter[str] = Counter()
    for c in claims:
        for word in _WORD.findall(c.text):
            low = word.lower()
            if low.startswith(stem) and len(low) - len(stem) <= 3:
                forms[low] += 1
    if not forms:
        return stem
    return min(forms, key=lambda w: (-forms[w], len(w), w))


def _in_text_order(words: set[str], claims: Sequence[Claim]) -> list[str]:
    """Measure words as written, in the order the claims use them ("retirement age")."""
    text = " ".join(c.text.lower() for c in claims)
    written = {w: _as_written(w, claims) for w in words}
    return sorted(written.values(), key=lambda w: (text.find(w) if w in text else len(text), w))


def _measured(c: Claim, feats: Mapping[str, ClaimFeatures]) -> tuple[str | None, frozenset[str]]:
    """What a figure counts ("people", "eur", "percent", or a noun's stem) and the words
    that say which one ("aid package")."""
    f = feats[c.id]
    unit = quantity_unit(f) or c.counted
    words = frozenset(f.measure.words - WEAK_MEASURES) if f.measure else frozenset()
    return unit or None, words


def _numeric_label(claims: Sequence[Claim], feats: Mapping[str, ClaimFeatures]) -> str:
    measured = Counter(_measured(c, feats) for c in claims if any(_measured(c, feats)))
    unit, words = min(measured, key=lambda m: (-measured[m], m[0] or "", sorted(m[1]))) if measured else (None, frozenset())
    what = " ".join(_in_text_order(set(words), claims))
    if unit in _MONEY_NAMES:
        label = f"{what.capitalize() or 'Amount'} ({_MONEY_NAMES[unit]})"
    elif unit == "percent":
        label = f"{what.capitalize() or 'Share'} (%)"
    elif unit in _MEASURE_UNITS:
        label = f"{what.capitalize()} ({_MEASURE_UNITS[unit]})" if what else _MEASURE_UNITS[unit].capitalize()
    elif unit:
        # A class of count ("deaths", "people") or a noun's stem: name it as the text does.
        noun = unit if unit.endswith("s") or unit in ("injured", "displaced", "missing", "rescued") \
            else _as_written(unit, claims)
        label = f"Number of {noun}" + (f" ({what})" if what else "")
    elif what.endswith("s") and not what.endswith("ss"):
        label = f"Number of {what}"
    else:
        label = what.capitalize() if what else "Number of items"
    subject = Counter(c.subject for c in claims if c.subject).most_common(1)
    # Whose: the country or organisation most claims name first, other than the subject.
    owners: Counter[str] = Counter()
    for c in claims:
        named = [a for a in find_actors(c.text) if a != c.subject and a in feats[c.id].objects]
        if named:
            owners[named[0]] += 1
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

