"""Verify a fact-checker's sentence against the stored assertions.

    statement --parse_statement--> Claim (value, qualifier, counted, source, date)
    --rank_claims--> candidate claims (FTS5 bm25 prefilter, then rapidfuzz and
    structure) --> their assertions --judge--> Verdict with cited evidence

Verdicts: `supported` (credible independent sources agree), `contradicted`
(sources report an incompatible value, or deny it), `disputed` (sources disagree
among themselves), `unverified` (nothing relevant is stored: not "false").

Retrieval and judging are pure functions over the shared types; the store is
read through a handful of indexed queries (FTS top-k, then rows by id), so a
verify reads a few hundred rows whatever the size of the database.
"""

from __future__ import annotations

import heapq
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from factcheck.errors import InputError
from factcheck.models import NUMERIC, QUOTE, Assertion, AssertionValue, Claim, Document
from factcheck.normalise import (
    STOPWORDS,
    content_tokens,
    find_actors,
    name_keys,
    normalise,
    normalised_similarity,
    numbers_in,
)

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
DISPUTED = "disputed"
UNVERIFIED = "unverified"
VERDICTS = (SUPPORTED, CONTRADICTED, DISPUTED, UNVERIFIED)

SUPPORTS, CONTRADICTS, RELATED = "supports", "contradicts", "related"

# Retrieval. The candidates bound the work per statement (rows read and scored): more
# finds rarer paraphrases, fewer is faster. MAX_TERMS (the rarest words of a long input
# such as a tweet) and ROW_BUDGET bound the index rows read.
FTS_CANDIDATES = 150  # documents re-ranked per statement
CLAIM_CANDIDATES = 100  # claims re-ranked per statement (each loads a row and its assertion id)
MAX_TERMS = 32
ROW_BUDGET = 8_000  # index rows read for the rare words (about 0.5 us each); more finds more
PAIRED_TERMS = 4  # common words beyond the budget, searched together
# Ranking score = weighted text similarity (rapidfuzz over `normalise`), BM25 relative
# to the best candidate, shared actors and shared numbers. Chosen on CLEF 2020 train
# (dev to confirm): BM25 alone is the strongest signal, rapidfuzz adds about 0.005
# MAP@5; actors and numbers barely move tweets but order news numbers and places.
W_TEXT, W_BM25, W_ACTORS, W_NUMBERS = 0.4, 0.6, 0.03, 0.03
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
NEGATIVE = frozenset({"denied", "negated"})

_URL_RE = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
_HANDLE_RE = re.compile(r"(?<!\w)[@#](\w+)")
_TERM_RE = re.compile(r"[^\W_]+")
_NEGATION_RE = re.compile(r"\b(?:not|never|no|none|nor|deny|denies|denied|false)\b|n[’']t\b",
                          re.IGNORECASE)


# --- the parsed statement -------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """A statement as verify reads it: its main claim and what retrieval compares."""

    text: str  # as given
    clean: str  # links and post signatures removed
    claim: Claim | None  # the main claim parse_statement found, if any
    norm: str
    words: frozenset[str]
    terms: tuple[str, ...]  # full-text search terms, most telling first
    actors: frozenset[str]
    numbers: frozenset[str]
    sources: frozenset[str]  # name keys of the source the statement names
    negative: bool
    lead: str | None = None  # the country or organisation the statement opens with (its actor)


def clean_statement(text: str) -> str:
    """The statement without links and @/# marks.

    A pasted post keeps its signature ("— Name (@handle) date"): who posted it often
    names who made the claim (measured on CLEF 2020 train: dropping it cost 0.04 MAP@5).
    """
    text = text or ""
    text = _URL_RE.sub(" ", text)
    text = _HANDLE_RE.sub(r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def _main_claim(claims: Sequence[Claim]) -> Claim | None:
    """The claim a statement is about: a number if it gives one, else the most check-worthy."""
    if not claims:
        return None
    return sorted(claims, key=lambda c: (c.kind != NUMERIC or c.value is None and c.low is None,
                                         -c.check_worthiness, c.start))[0]


_FOLDS = ((re.compile(r"ies$"), "y"), (re.compile(r"(?<=ss|ch|sh)es$|(?<=[xz])es$"), ""),
          (re.compile(r"(?<!s)s$"), ""), (re.compile(r"(?:ed|ing|ly)$"), ""))


def fold_word(word: str) -> str:
    """A light English stemmer so "troops"/"troop", "crimes"/"crime", "countries"/"country"
    meet; words of four letters or fewer are left alone ("news", "bus")."""
    if len(word) <= 4:
        return word
    for pattern, replacement in _FOLDS:
        folded, n = pattern.subn(replacement, word)
        if n:
            return folded
    return word


def search_terms_all(text: str) -> list[str]:
    """Words to search for, repeats kept: no stopwords, no single letters, no "000" of "12,000"."""
    return [w for w in _TERM_RE.findall(text.lower()) if len(w) > 1 and w not in STOPWORDS and w != "000"]


def search_terms(text: str) -> tuple[str, ...]:
    """The distinct words to search for, in order of first use."""
    return tuple(dict.fromkeys(search_terms_all(text)))


def parse_query(text: str, published: str | None = None) -> Query:
    """Read a statement the way documents are read, plus what retrieval needs."""
    from factcheck.attribution import find_attributions
    from factcheck.claims import parse_statement

    clean = clean_statement(text)
    claim = _main_claim(parse_statement(clean, published)) if clean else None
    source = claim.attributed_to if claim else None
    if not source:
        found = [a for a in find_attributions(clean) if not a.pronoun and a.source]
        source = found[0].source if found else None
    negative = bool(claim.modality in NEGATIVE or claim.predicate == "deny") if claim else \
        bool(_NEGATION_RE.search(clean))
    return Query(
        text=text, clean=clean, claim=claim, norm=normalise(clean),
        words=frozenset(content_tokens(clean)), terms=search_terms(clean),
        actors=frozenset(find_actors(clean)), numbers=numbers_in(clean),
        sources=name_keys(source), negative=negative,
        lead=next(iter(find_actors(" ".join(clean.split()[:4]))), None),
    )


def fts_query(terms: Sequence[str]) -> str:
    """An FTS5 query matching any of the terms (each quoted, so no operator leaks in)."""
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


# --- retrieval ------------------------------------------------------------------------


@dataclass(frozen=True)
class Ranked:
    """A stored claim (or document) retrieved for a statement, with why it ranks."""

    claim: Claim | None
    document: Document | None
    assertion_id: str | None
    score: float
    text_similarity: float
    bm25: float  # BM25 over the search words, as a share of the best candidate's


def _document_frequencies(db: Any, table: str, terms: Sequence[str]) -> dict[str, int]:
    """Rows holding each word, counted by the index itself (so its stemming applies),
    up to ROW_BUDGET + 1: beyond that a word is common and its exact count unneeded."""
    from factcheck import store

    return {t: store.fts_count(db, table, fts_query([t]), ROW_BUDGET + 1) for t in terms}


def _idf(df: int, total: int) -> float:
    return math.log(1 + (total - df + 0.5) / (df + 0.5))


@dataclass(frozen=True)
class Prefiltered:
    hits: tuple[tuple[int, float], ...]  # (rowid, share of the best prefilter score), best first
    idf: Mapping[str, float]  # inverse document frequency of each search word found


def prefilter(db: Any, table: str, terms: Sequence[str], limit: int = FTS_CANDIDATES) -> Prefiltered:
    """Rowids sharing the statement's telling words, best first: (rowid, share of the best).

    A binary BM25 (the idf of each shared word) computed here from unranked FTS5
    rowids: FTS5's own bm25 costs 2-15 microseconds per matching row, too much for a
    common word in a million claims. Rare words are read while their rows fit
    ROW_BUDGET; the common rest enter as one conjunction (all but one of them must
    occur), whose intersection is small and cheap to compute.
    """
    from factcheck import store

    terms = list(dict.fromkeys(terms))[:MAX_TERMS * 3]
    if not terms:
        return Prefiltered((), {})
    df = _document_frequencies(db, table, terms)
    total = max(store.approximate_rows(db, table), 1)
    idf = {t: _idf(n, total) for t, n in df.items() if n}
    present = sorted((t for t in terms if df[t] > 0), key=lambda t: (df[t], terms.index(t)))[:MAX_TERMS]
    scores: dict[int, float] = {}
    used = 0
    rare = []
    for t in present:
        if used + df[t] > ROW_BUDGET:
            break
        rare.append(t)
        used += df[t]
        weight = _idf(df[t], total)
        for rowid in store.fts_rowids(db, table, fts_query([t]), ROW_BUDGET):
            scores[rowid] = scores.get(rowid, 0.0) + weight
    common = [t for t in present if t not in rare][:PAIRED_TERMS]
    if len(common) >= 2:
        size = max(2, len(common) - 1)
        groups = list(itertools.combinations(common, size))
        query = " OR ".join("(" + " AND ".join(fts_query([t]) for t in g) + ")" for g in groups)
        weight = sum(_idf(df[t], total) for t in common[:size])
        for rowid in store.fts_rowids(db, table, query, ROW_BUDGET):
            scores[rowid] = scores.get(rowid, 0.0) + weight
    elif common and not rare:
        for rowid in store.fts_rowids(db, table, fts_query(common), limit):
            scores[rowid] = scores.get(rowid, 0.0) + _idf(df[common[0]], total)
    if not scores:
        return Prefiltered((), idf)
    best = max(scores.values())
    top = heapq.nsmallest(limit, scores.items(), key=lambda kv: (-kv[1], kv[0]))
    return Prefiltered(tuple((rowid, score / best) for rowid, score in top), idf)


def bm25_scores(idf: Mapping[str, float], texts: Sequence[str], k1: float = 1.2, b: float = 0.75
                ) -> list[float]:
    """Okapi BM25 of each candidate text for the search words, as shares of the best (0..1).

    The index gives no cheap per-row bm25, so term frequencies and lengths are
    counted here on the few candidates, with the words `search_terms` reads folded
    by `fold_word` (idf from the index); lengths are relative to the candidates' mean.
    """
    if not texts:
        return []
    folded: dict[str, float] = {}
    for term, weight in idf.items():
        folded[fold_word(term)] = max(folded.get(fold_word(term), 0.0), weight)
    idf = folded
    counted = []
    for text in texts:
        words = [fold_word(w) for w in search_terms_all(text)]
        counted.append((len(words), Counter(w for w in words if w in idf)))
    mean = sum(n for n, _ in counted) / len(counted) or 1.0
    raw = []
    for n, tf in counted:
        norm = k1 * (1 - b + b * n / mean)
        raw.append(sum(idf[w] * f * (k1 + 1) / (f + norm) for w, f in tf.items()))
    best = max(raw) or 1.0
    return [r / best for r in raw]


def _overlap(query_items: frozenset[str], items: Iterable[str]) -> float:
    if not query_items:
        return 0.0
    return len(query_items & set(items)) / len(query_items)


def score_text(query: Query, texts: Sequence[str], bm25_share: float) -> tuple[float, float]:
    """(ranking score, best text similarity) of a stored text (or title) for the statement."""
    best = max((normalised_similarity(query.norm, normalise(t)) for t in texts if t), default=0.0)
    joined = " ".join(t for t in texts if t)
    weights = W_TEXT + W_BM25
    score = W_TEXT * best + W_BM25 * bm25_share
    if query.actors:
        weights += W_ACTORS
        score += W_ACTORS * _overlap(query.actors, find_actors(joined))
    if query.numbers:
        weights += W_NUMBERS
        score += W_NUMBERS * _overlap(query.numbers, numbers_in(joined))
    return round(score / weights, 6), best


def rank_claims(db: Any, text: str | Query, limit: int = 20) -> list[Ranked]:
    """Stored claims that bear on a statement, best first (FTS prefilter, then re-ranking)."""
    from factcheck import store

    query = text if isinstance(text, Query) else parse_query(text)
    found = prefilter(db, "claims", query.terms, CLAIM_CANDIDATES)
    rows = store.claims_by_rowid(db, sorted(r for r, _ in found.hits))
    bm25 = bm25_scores(found.idf, [c.text for _, c, _ in rows])
    ranked = []
    for (rowid, claim, assertion_id), share in zip(rows, bm25):
        score, sim = score_text(query, [claim.text], share)
        ranked.append(Ranked(claim, None, assertion_id, score, sim, share))
    ranked.sort(key=lambda r: (-r.score, r.claim.id if r.claim else ""))
    return ranked[:limit]


def rank_documents(db: Any, text: str | Query, limit: int = 20) -> list[Ranked]:
    """Stored documents (title and text) that bear on a statement, best first."""
    from factcheck import store

    query = text if isinstance(text, Query) else parse_query(text)
    found = prefilter(db, "documents", query.terms)
    rows = store.documents_by_rowid(db, sorted(r for r, _ in found.hits))
    bm25 = bm25_scores(found.idf, [f"{d.title or ''} {d.text}" for _, d in rows])
    ranked = []
    for (rowid, document), share in zip(rows, bm25):
        score, sim = score_text(query, [document.text, document.title or ""], share)
        ranked.append(Ranked(None, document, None, score, sim, share))
    ranked.sort(key=lambda r: (-r.score, r.document.path, r.document.id) if r.document else (-r.score, "", ""))
    return ranked[:limit]


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
    from factcheck.matching import claim_features

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
    actors = set(sf.actors) | ({query.lead} if query.lead else set())
    return not actors or bool(actors & (cf.actors | cf.objects | set(cf.claim.entities)))


def _other_time(statement: Claim, claim: Claim) -> bool:
    a, b = statement.as_of, claim.as_of
    return bool(a and b and not (a.startswith(b) or b.startswith(a)))


def _fmt(v: float | None) -> str:
    return "?" if v is None else f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _value_text(v: AssertionValue | Claim) -> str:
    q = "" if v.qualifier in (None, "exact") else f"{v.qualifier} "
    if v.value is None and v.low is not None:
        return f"{q}{_fmt(v.low)}-{_fmt(v.high)}"
    return f"{q}{_fmt(v.value)}"


def _origin(claim: Claim, documents: Mapping[str, Document]) -> str:
    from factcheck.matching import claim_origin

    return claim_origin(claim, documents)


def _outlet(claim: Claim, documents: Mapping[str, Document]) -> str:
    from factcheck.matching import claim_outlet

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
    from factcheck.assertions import compatible
    from factcheck.matching import claim_features
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
        if note is None and any(_other_time(statement, c) for c in cited):
            note = "reported for another date"
        if note is None and (v.qualifier == "vague" or v.value is None and v.low is None):
            note = "vague (no firm figure)"
        if note:
            stance = RELATED
        else:
            agree = compatible(statement, probe)
            if (v.modality in NEGATIVE) != (statement.modality in NEGATIVE):
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
            negative = c.modality in NEGATIVE or c.predicate == "deny"
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


def verify_text(db: Any, text: str, limit: int = EVIDENCE_LIMIT) -> Verdict:
    """Verify one statement against the database (opened with store.open_db)."""
    from factcheck import store

    if not text or not text.strip():
        raise InputError("statement", "empty: give a sentence to verify")
    query = parse_query(text)
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


def verify_batch(db: Any, texts: Iterable[str]) -> Iterator[Verdict]:
    """Verify statements one after another (the database stays open)."""
    for text in texts:
        yield verify_text(db, text)


def read_batch_line(line: str, where: str) -> str | None:
    """The statement on one line of a --batch file: plain text, or JSON with a `text` field.

    Returns None for a blank line; raises InputError naming `where` for a bad line.
    """
    stripped = line.strip()
    if not stripped:
        return None
    if stripped.startswith("{"):
        try:
            record = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise InputError(where, f"not valid JSON ({error.msg} at column {error.colno})") from None
        text = record.get("text") if isinstance(record, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise InputError(where, "a JSON line needs a non-empty string field `text`")
        return text
    return stripped


__all__ = ["Query", "Ranked", "Verdict", "Evidence", "ValueEvidence", "Citation", "VERDICTS",
           "SUPPORTED", "CONTRADICTED", "DISPUTED", "UNVERIFIED", "parse_query", "clean_statement",
           "search_terms", "fts_query", "rank_claims", "rank_documents", "score_text", "judge",
           "verify_text", "verify_batch", "read_batch_line"]
