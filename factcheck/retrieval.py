"""Candidate claims and documents for a statement: what verify reads before judging.

    statement --parse_query--> Query (main claim, search words, actors, numbers,
    named source) --prefilter--> rowids sharing its telling words (FTS5, a binary
    BM25 within a row budget) --bm25_scores, score_text--> Ranked candidates
    (BM25 over the few candidates, rapidfuzz text similarity, shared actors and
    numbers), best first

`rank_claims` feeds `factcheck.verify`; `rank_documents` ranks whole articles (the
CLEF retrieval benchmark). The store is read through a handful of indexed queries
(FTS rowids, then rows by id), so a search reads a few hundred rows whatever the
size of the database.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.models import NEGATIVE_MODALITIES, NUMERIC, Claim, Document
from factcheck.normalise import (
    STOPWORDS,
    content_tokens,
    find_actors,
    name_keys,
    normalise,
    normalised_similarity,
    numbers_in,
)

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
    negative = bool(claim.modality in NEGATIVE_MODALITIES or claim.predicate == "deny") if claim else \
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


__all__ = ["Query", "Ranked", "Prefiltered", "parse_query", "clean_statement", "fold_word", "search_terms",
           "search_terms_all", "fts_query", "prefilter", "bm25_scores", "score_text", "rank_claims",
           "rank_documents"]
