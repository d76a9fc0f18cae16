"""Verdicts on a fact-checker's sentence, judged from the stored assertions.

    statement --parse_query--> Query (its main Claim: value, qualifier, counted,
    source, date) --rank_claims--> candidate claims (see `factcheck.retrieval`)
    --> their assertions --judge--> Verdict with cited evidence

Verdicts: `supported` (credible independent sources agree), `contradicted`
(sources report an incompatible value, or deny it), `disputed` (sources disagree
among themselves), `unverified` (nothing relevant is stored: not "false").

Judging is a pure function over the shared types; `verify_text` reads the store
by id only (the assertions of the retrieved claims, their claims and documents).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from factcheck.errors import InputError
from factcheck.models import NEGATIVE_MODALITIES, NUMERIC, QUOTE, Assertion, AssertionValue, Claim, Document
from factcheck.normalise import (
    content_tokens,
    find_actors,
    name_keys,
    normalise,
    normalised_similarity,
    numbers_in,
)
from factcheck.retrieval import CLAIM_CANDIDATES, Query, parse_query, rank_claims

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
DISPUTED = "disputed"
UNVERIFIED = "unverified"
VERDICTS = (SUPPORTED, CONTRADICTED, DISPUTED, UNVERIFIED)

SUPPORTS, CONTRADICTS, RELATED = "supports", "contradicts", "related"

# Judging. A stored statement bears on the sentence when its relevance (text similarity
# plus structure) reaches RELEVANT and it holds at least MIN_COVERAGE of the sentence's
# content words: lower admits look-alike sentences about other events (0.65 is typical
# for two sentences of one story), higher misses reworded quotes (about 0.78).
RELEVANT = 0.75
MIN_COVERAGE = 0.5
SOURCE_BONUS = 0.05  # the same original source, or the same act (confirm, deny...)
EVIDENCE_LIMIT = 5  # assertions cited at most
NEAR_MISS_FLOOR = 0.6  # an unverified answer shows the nearest assertions above this
DEFAULT_CREDIBILITY = 0.5  # a source factcheck has not scored yet
NOT_A_REPORT = {"planned": "a plan or forecast", "forecast": "a forecast", "conditional": "conditional"}


# --- the verdict ----------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    claim: Claim
    document: Document


@dataclass(frozen=True)
class ValueEvidence:
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    stance: str  # supports, contradicts, related
    citations: tuple[Citation, ...]
    note: str | None = None  # why a value is only related (a forecast, another date...)


@dataclass(frozen=True)
class Evidence:
    assertion: Assertion
    similarity: float
    values: tuple[ValueEvidence, ...]


@dataclass(frozen=True)
class Verdict:
    """What verify says about one statement, with the evidence it rests on."""

    claim: str
    verdict: str
    confidence: float
    reasons: tuple[str, ...]
    parsed: Claim | None
    evidence: tuple[Evidence, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The verdict as schemas/verdict.schema.json describes it."""
        p = self.parsed
        return {
            "claim": self.claim,
            "verdict": self.verdict,
            "confidence": round(self.confidence, 3),
            "reasons": list(self.reasons),
            "parsed": {
                "kind": p.kind if p else None, "value": p.value if p else None,
                "low": p.low if p else None, "high": p.high if p else None,
                "qualifier": p.qualifier if p else None, "counted": p.counted if p else None,
                "attributed_to": p.attributed_to if p else None, "as_of": p.as_of if p else None,
                "modality": p.modality if p else None,
            },
            "evidence": [_evidence_json(e) for e in self.evidence],
        }


def _evidence_json(e: Evidence) -> dict[str, Any]:
    return {
        "assertion_id": e.assertion.id, "label": e.assertion.label, "status": e.assertion.status,
        "similarity": round(min(max(e.similarity, 0.0), 1.0), 3),
        "values": [{
            "value": v.value, "low": v.low, "high": v.high, "qualifier": v.qualifier,
            "stance": v.stance, **({"note": v.note} if v.note else {}),
            "citations": [{
                "document": {"path": c.document.path, "outlet": c.document.outlet, "url": c.document.url,
                             "title": c.document.title, "published": c.document.published},
                "start": c.claim.start, "end": c.claim.end, "quote": c.claim.text,
                "attributed_to": c.claim.attributed_to, "as_of": c.claim.as_of,
                "modality": c.claim.modality, "claim_id": c.claim.id,
            } for c in v.citations],
        } for v in e.values],
    }


@dataclass
class _Tally:
    outlets: set[str]
    origins: set[str]
    weight: float  # 1 - prod(1 - credibility * relevance) over independent origins
    parts: list[str]


def _statement_features(query: Query) -> Any:
    from factcheck.features import claim_features

    return claim_features(query.claim, {}) if query.claim is not None else None


class _LazyAffiliations(Mapping[str, frozenset[str]]):
    """Who speaks for whom, read from the cited documents only if a source must be matched."""

    def __init__(self, documents: Mapping[str, Document], learn: Any) -> None:
        self._documents, self._learn, self._found = documents, learn, None

    def _table(self) -> Mapping[str, frozenset[str]]:
        if self._found is None:
            self._found = self._learn(self._documents[k].text for k in sorted(self._documents))
        return self._found

    def __getitem__(self, key: str) -> frozenset[str]:
        return self._table()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


def _source_keys(claim: Claim, affiliations: Mapping[str, frozenset[str]],
                 wanted: frozenset[str] | None = None) -> set[str]:
    """Who speaks or acts in a stored claim: its source, whom they speak for, its lead actor."""
    keys = set(name_keys(claim.attributed_to))
    if claim.kind != QUOTE:
        keys |= set(find_actors(" ".join(claim.text.split()[:4]))[:1])
    if wanted is not None and wanted & keys:
        return keys  # found without reading affiliations from the documents
    for key in list(keys):
        keys |= set(affiliations.get(key, ()))
    return keys


def _relevance(query: Query, claim: Claim, affiliations: Mapping[str, frozenset[str]]) -> float:
    """How closely a stored statement says what the query says (0..1), structure included."""
    sim = normalised_similarity(query.norm, normalise(claim.text))
    words = set(content_tokens(claim.text))
    stems = {w[:5] for w in words}
    covered = sum(1 for w in query.words if w in words or w[:5] in stems)
    if query.words and covered / len(query.words) < MIN_COVERAGE:
        return min(sim, RELEVANT - 0.01)
    if query.numbers and numbers_in(claim.text) and not (query.numbers & numbers_in(claim.text)):
        return min(sim, RELEVANT - 0.01)  # the same words with other numbers: another statement
    if query.lead and query.lead not in claim.entities and query.lead not in find_actors(claim.text) \
            and query.lead not in _source_keys(claim, affiliations, frozenset([query.lead])):
        return min(sim, RELEVANT - 0.01)  # another actor does it: "China has ..." is not the U.S.
    if query.sources:
        keys = _source_keys(claim, affiliations, query.sources)
        sim += SOURCE_BONUS if query.sources & keys else -SOURCE_BONUS if claim.attributed_to else 0.0
    if query.claim is not None and query.claim.predicate and query.claim.predicate == claim.predicate:
        sim += SOURCE_BONUS
    return round(min(sim, 1.0), 4)


def _same_quantity(query: Query, sf: Any, cf: Any) -> bool:
    from factcheck.matching import same_quantity

    if not same_quantity(sf, cf):
        return False
    # Who did it must be among the claim's actors or places: Japan's troops are not Korea's.
    # Who says it is not who did it: "officials said" is checked as the attribution.
    actors = (set(sf.actors) - query.sources) | ({query.lead} if query.lead else set())
    if not actors:
        return True
    theirs = cf.actors | cf.objects | set(cf.claim.entities)
    return bool(actors & theirs) or any(_names_within(a, b) for a in actors for b in theirs)


def _names_within(a: str, b: str) -> bool:
    """One name inside the other, word for word: "officials" and "local officials"."""
    short, long = sorted((a.split(), b.split()), key=len)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _other_time(statement: Claim, claim: Claim, published: str | None) -> bool:
    """Whether a stored figure is for another day (or month) than the statement's.
    An undated report tells what was so when it was published."""
    a = statement.as_of
    b = claim.as_of or (published[:10] if a and published else None)
    return bool(a and b and not (a.startswith(b) or b.startswith(a)))


def _published(claim: Claim, documents: Mapping[str, Document]) -> str | None:
    document = documents.get(claim.document_id)
    return document.published if document else None


def _fmt(v: float | None) -> str:
    return "?" if v is None else f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _value_text(v: AssertionValue | Claim) -> str:
    q = "" if v.qualifier in (None, "exact") else f"{v.qualifier} "
    if v.value is None and v.low is not None:
        return f"{q}{_fmt(v.low)}-{_fmt(v.high)}"
    return f"{q}{_fmt(v.value)}"


def _origin(claim: Claim, documents: Mapping[str, Document]) -> str:
    from factcheck.features import claim_origin

    return claim_origin(claim, documents)


def _outlet(claim: Claim, documents: Mapping[str, Document]) -> str:
    from factcheck.features import claim_outlet

    return claim_outlet(claim, documents)


def _add(tally: _Tally, claims: Sequence[Claim], documents: Mapping[str, Document],
         credibility: Mapping[str, float], relevance: float, label: str) -> None:
    outlets = sorted({_outlet(c, documents) for c in claims})
    origins = sorted({_origin(c, documents) for c in claims} - tally.origins)
    for c in claims:
        origin = _origin(c, documents)
        if origin in tally.origins:
            continue
        tally.origins.add(origin)
        cred = max(credibility.get(c.attributed_to or "", 0.0), credibility.get(_outlet(c, documents), 0.0)) \
            or DEFAULT_CREDIBILITY
        tally.weight = 1 - (1 - tally.weight) * (1 - cred * relevance)
    tally.outlets |= set(outlets)
    sources = sorted({c.attributed_to for c in claims if c.attributed_to})
    if origins or outlets:
        tally.parts.append(f"{label}: {', '.join(outlets)}"
                           + (f" (source: {', '.join(sources)})" if sources else ""))


def judge(query: Query, assertions: Sequence[Assertion], claims: Mapping[str, Claim],
          documents: Mapping[str, Document], credibility: Mapping[str, float]) -> Verdict:
    """The verdict on a parsed statement from the assertions retrieved for it (pure)."""
    from factcheck.intervals import compatible
    from factcheck.features import claim_features
    from factcheck.normalise import learn_affiliations

    affiliations = _LazyAffiliations(documents, learn_affiliations)
    statement = query.claim
    numeric = statement is not None and statement.kind == NUMERIC and (
        statement.value is not None or statement.low is not None)
    sf = _statement_features(query)
    support = _Tally(set(), set(), 0.0, [])
    against = _Tally(set(), set(), 0.0, [])
    notes: list[str] = []
    named_source_agrees = False
    evidence: list[tuple[float, Evidence]] = []
    near: list[tuple[float, Evidence]] = []
    for assertion in assertions:
        members = [claims[i] for i in assertion.claim_ids if i in claims]
        if not members:
            continue
        relevance = max(_relevance(query, c, affiliations) for c in members)
        values: list[ValueEvidence] = []
        bears = False
        if numeric and assertion.kind == NUMERIC:
            same = [c for c in members if c.kind == NUMERIC and
                    _same_quantity(query, sf, claim_features(c, documents))]
            if same:
                bears = True
                relevance = max(relevance, RELEVANT)
                values = _numeric_values(statement, assertion, claims, documents, compatible)
        elif not numeric and assertion.kind != NUMERIC and relevance >= RELEVANT:
            bears = True
            values = _statement_values(query, members, documents, affiliations)
        if not bears:
            near.append((relevance, Evidence(assertion, relevance, _related(members, documents))))
            continue
        for v in values:
            if numeric and v.stance == SUPPORTS and query.sources and any(
                    query.sources & _source_keys(c.claim, affiliations, query.sources) for c in v.citations):
                named_source_agrees = True
            label = f"{_value_text(v)}" if v.value is not None or v.low is not None else \
                ("confirmed by" if v.stance == SUPPORTS else "contradicted by")
            members_v = [c.claim for c in v.citations]
            if v.stance == SUPPORTS:
                _add(support, members_v, documents, credibility, relevance,
                     f"{label} reported by" if numeric else "said by")
            elif v.stance == CONTRADICTS:
                _add(against, members_v, documents, credibility, relevance,
                     f"{label} reported by" if numeric else "contradicted or denied by")
            elif v.note:
                figure = _value_text(v) if v.value is not None or v.low is not None else "a related statement"
                notes.append(f"{figure} is {v.note}, so it neither supports nor contradicts")
        evidence.append((relevance, Evidence(assertion, relevance, tuple(values))))
    if numeric and query.sources and support.origins and not named_source_agrees:
        notes.append(f"no agreeing report is attributed to {statement.attributed_to or 'the source named'}: "
                     "the figure is supported, the attribution is not")
    evidence.sort(key=lambda e: (-e[0], e[1].assertion.id))
    near.sort(key=lambda e: (-e[0], e[1].assertion.id))
    return _decide(query, support, against, notes, [e for _, e in evidence[:EVIDENCE_LIMIT]],
                   [e for r, e in near[:3] if r >= NEAR_MISS_FLOOR])


def _numeric_values(statement: Claim, assertion: Assertion, claims: Mapping[str, Claim],
                    documents: Mapping[str, Document], compatible: Any) -> list[ValueEvidence]:
    out = []
    groups: Sequence[AssertionValue] = assertion.values or tuple(
        AssertionValue(c.value, c.low, c.high, c.qualifier, (c.id,), (), (), c.as_of, c.modality)
        for c in (claims[i] for i in assertion.claim_ids if i in claims) if c.kind == NUMERIC)
    for v in groups:
        cited = [claims[i] for i in v.claim_ids if i in claims]
        if not cited:
            continue
        probe = replace(cited[0], value=v.value, low=v.low, high=v.high, qualifier=v.qualifier)
        if statement.modality in NOT_A_REPORT:  # a plan is checked against plans only
            note = None if v.modality in NOT_A_REPORT else "a report of what happened, not of the plan"
        else:
            note = NOT_A_REPORT.get(v.modality or "")
        if note is None and all(_other_time(statement, c, _published(c, documents)) for c in cited):
            days = sorted({c.as_of or _published(c, documents) or "?" for c in cited})
            note = f"reported for another date ({', '.join(days)})"
        if note is None and (v.qualifier == "vague" or v.value is None and v.low is None):
            note = "vague (no firm figure)"
        if note:
            stance = RELATED
        else:
            agree = compatible(statement, probe)
            if (v.modality in NEGATIVE_MODALITIES) != (statement.modality in NEGATIVE_MODALITIES):
                # A denial of this figure contradicts it; a denial of another figure says nothing.
                stance, note = (CONTRADICTS, None) if agree else (RELATED, "a denial of another figure")
            else:
                stance = SUPPORTS if agree else CONTRADICTS
        out.append(ValueEvidence(v.value, v.low, v.high, v.qualifier, stance,
                                 tuple(Citation(c, documents[c.document_id]) for c in cited
                                       if c.document_id in documents), note))
    order = {SUPPORTS: 0, CONTRADICTS: 1, RELATED: 2}
    return sorted(out, key=lambda v: (order[v.stance], v.value is None, v.value or 0.0))


def _statement_values(query: Query, members: Sequence[Claim], documents: Mapping[str, Document],
                      affiliations: Mapping[str, frozenset[str]]) -> list[ValueEvidence]:
    by_stance: dict[str, list[Claim]] = {}
    for c in members:
        if _relevance(query, c, affiliations) < RELEVANT - 0.1:
            stance = RELATED  # a member of the assertion worded too differently to judge alone
        elif c.predicate == "noncommittal":
            stance = RELATED
        else:
            negative = c.modality in NEGATIVE_MODALITIES or c.predicate == "deny"
            stance = CONTRADICTS if negative != query.negative else SUPPORTS
            if stance == SUPPORTS and query.sources and c.attributed_to and \
                    not query.sources & _source_keys(c, affiliations, query.sources):
                stance = RELATED  # said, but by someone else than the statement names
        by_stance.setdefault(stance, []).append(c)
    return [ValueEvidence(None, None, None, None, stance,
                          tuple(Citation(c, documents[c.document_id]) for c in cs if c.document_id in documents),
                          "worded differently or attributed to another source" if stance == RELATED else None)
            for stance, cs in sorted(by_stance.items())]


def _related(members: Sequence[Claim], documents: Mapping[str, Document]) -> tuple[ValueEvidence, ...]:
    cited = tuple(Citation(c, documents[c.document_id]) for c in members[:3] if c.document_id in documents)
    return (ValueEvidence(None, None, None, None, RELATED, cited, "a nearby assertion, not the same claim"),)


def _decide(query: Query, support: _Tally, against: _Tally, notes: list[str],
            evidence: list[Evidence], near: list[Evidence]) -> Verdict:
    parsed = query.claim
    reasons: list[str] = []
    if support.origins and against.origins:
        verdict = DISPUTED
        # Sure of a dispute when both sides are well supported; unsure when one side is thin.
        confidence = min(support.weight, against.weight) / max(support.weight, against.weight, 1e-9) * \
            max(support.weight, against.weight)
        reasons.append(f"sources disagree: {len(support.origins)} independent source(s) in "
                       f"{len(support.outlets)} outlet(s) agree, {len(against.origins)} in "
                       f"{len(against.outlets)} outlet(s) report otherwise")
        reasons += [f"agrees: {p}" for p in support.parts] + [f"disagrees: {p}" for p in against.parts]
    elif support.origins:
        verdict = SUPPORTED
        confidence = support.weight
        reasons.append(f"{len(support.origins)} independent source(s) in {len(support.outlets)} "
                       f"outlet(s) agree, none disagree")
        reasons += [f"agrees: {p}" for p in support.parts]
        if len(support.origins) == 1:
            reasons.append("only one independent source: corroboration is thin")
    elif against.origins:
        verdict = CONTRADICTED
        confidence = against.weight
        reasons.append(f"{len(against.origins)} independent source(s) in {len(against.outlets)} "
                       f"outlet(s) report something incompatible, none agree")
        reasons += [f"disagrees: {p}" for p in against.parts]
    else:
        verdict = UNVERIFIED
        confidence = 0.5 if notes else 0.8
        reasons.append("nothing stored reports this claim: it is unverified, which does not mean false")
        evidence = evidence or near
        if near and not notes:
            reasons.append("the nearest stored assertions are about something else")
    reasons += list(dict.fromkeys(notes))
    if parsed is None:
        reasons.append("no number, quote or reported act was recognised in the sentence; "
                       "it was matched as a whole")
    return Verdict(query.text, verdict, round(min(max(confidence, 0.0), 1.0), 3), tuple(reasons),
                   parsed, tuple(evidence))


# --- entry points ---------------------------------------------------------------------


def verify_text(db: Any, text: str, limit: int = EVIDENCE_LIMIT, date: str | None = None) -> Verdict:
    """Verify one statement against the database (opened with store.open_db).

    `date` (YYYY-MM-DD) is the day the statement was made: it resolves "on Monday" or
    "yesterday" and dates a running count, as a document's publication date does."""
    from factcheck import store

    if not text or not text.strip():
        raise InputError("statement", "empty: give a sentence to verify")
    query = parse_query(text, published=date)
    ranked = rank_claims(db, query, limit=CLAIM_CANDIDATES)
    relevance: dict[str, float] = {}
    for r in ranked:
        if r.assertion_id and r.score > relevance.get(r.assertion_id, -1.0):
            relevance[r.assertion_id] = r.score
    ids = sorted(relevance, key=lambda a: (-relevance[a], a))[: max(limit * 3, 10)]
    assertions = store.load_assertions(db, ids)
    assertions.sort(key=lambda a: (-relevance[a.id], a.id))
    claims = {c.id: c for c in store.claims_by_id(db, sorted({i for a in assertions for i in a.claim_ids}))}
    documents = store.documents_by_id(db, sorted({c.document_id for c in claims.values()}))
    claims = {k: c for k, c in claims.items() if c.document_id in documents}
    names = sorted({c.attributed_to for c in claims.values() if c.attributed_to} |
                   {d.outlet for d in documents.values() if d.outlet})
    credibility = store.source_credibility(db, names)
    return judge(query, assertions, claims, documents, credibility)


def verify_batch(db: Any, texts: Iterable[str], date: str | None = None) -> Iterator[Verdict]:
    """Verify statements one after another (the database stays open)."""
    for text in texts:
        yield verify_text(db, text, date=date)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_batch_line(line: str, where: str) -> tuple[str, str | None] | None:
    """The statement on one line of a --batch file and its date: plain text, or JSON
    with a `text` field and an optional `date` (YYYY-MM-DD, the day it was made).

    Returns None for a blank line; raises InputError naming `where` for a bad line.
    """
    stripped = line.strip()
    if not stripped:
        return None
    if not stripped.startswith("{"):
        return stripped, None
    try:
        record = json.loads(stripped)
    except json.JSONDecodeError as error:
        raise InputError(where, f"not valid JSON ({error.msg} at column {error.colno})") from None
    text = record.get("text") if isinstance(record, dict) else None
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "a JSON line needs a non-empty string field `text`")
    date = record.get("date")
    if date is not None and not (isinstance(date, str) and _valid_day(date)):
        raise InputError(where, f"`date` must be a day as YYYY-MM-DD, not {date!r}")
    return text, date


def _valid_day(text: str) -> bool:
    if not _ISO_DAY.fullmatch(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


__all__ = ["Verdict", "Evidence", "ValueEvidence", "Citation", "VERDICTS", "SUPPORTED", "CONTRADICTED",
           "DISPUTED", "UNVERIFIED", "judge", "verify_text", "verify_batch", "read_batch_line"]
