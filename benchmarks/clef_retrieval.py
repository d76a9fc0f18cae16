"""Claim retrieval: CLEF 2020 CheckThat! Task 2 (English), factcheck against plain BM25.

Usage: python benchmarks/clef_retrieval.py DATA_DIR [--db PATH] [--reuse] [--splits dev test]

DATA_DIR is the task's release (v3.0/verified_claims.docs.tsv, v3.0/{train,dev}/ and
test/, each with tweets.queries.tsv and tweet-vclaim-pairs.qrels). The verified
claims are ingested as documents through factcheck's own pipeline (one JSONL record
per claim, its title as the title); each tweet is then ranked against them with
`factcheck.retrieval.rank_documents` (FTS prefilter, rapidfuzz and structure re-ranking:
the retrieval `factcheck verify` uses) and scored with MAP@5.

The baseline is plain Okapi BM25 (k1=1.2, b=0.75) over the same text (claim and
title), with the same tokenisation (`factcheck.retrieval.search_terms`), computed here
with no external dependency. It is shown on the raw tweet (the shared task's
baseline) and on the tweet cleaned the way factcheck cleans a statement (links and
@ and # marks removed), so the gain of the re-ranking itself is visible.
Nothing is tuned to the test split.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from factcheck import pipeline, store
from factcheck.retrieval import clean_statement, parse_query, rank_documents, search_terms_all

K = 5
SPLITS = {"train": "v3.0/train", "dev": "v3.0/dev", "test": "test"}


def read_tsv(path: Path) -> list[list[str]]:
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return [r for r in rows[1:] if len(r) >= 2]


def read_vclaims(data: Path) -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2] if len(r) > 2 else "") for r in read_tsv(data / "v3.0" / "verified_claims.docs.tsv")}


def read_split(data: Path, split: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    folder = data / SPLITS[split]
    tweets = {r[0]: r[1] for r in read_tsv(folder / "tweets.queries.tsv")}
    qrels: dict[str, set[str]] = defaultdict(set)
    for line in (folder / "tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[3] != "0":
            qrels[parts[0]].add(parts[2])
    return tweets, dict(qrels)


def average_precision_at_k(ranking: list[str], relevant: set[str], k: int = K) -> float:
    hits, total = 0, 0.0
    for i, item in enumerate(ranking[:k], start=1):
        if item in relevant:
            hits += 1
            total += hits / i
    return total / min(len(relevant), k) if relevant else 0.0


def map_at_k(rankings: dict[str, list[str]], qrels: dict[str, set[str]]) -> float:
    scored = [average_precision_at_k(rankings.get(q, []), rel) for q, rel in qrels.items()]
    return sum(scored) / len(scored) if scored else 0.0


class BM25:
    """Plain Okapi BM25 over token lists."""

    def __init__(self, docs: dict[str, list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.lengths = {d: len(toks) for d, toks in docs.items()}
        self.avg = sum(self.lengths.values()) / max(len(docs), 1)
        self.postings: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for d, toks in docs.items():
            for term, tf in Counter(toks).items():
                self.postings[term].append((d, tf))
        n = len(docs)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def rank(self, query: list[str], k: int = K) -> list[str]:
        scores: dict[str, float] = defaultdict(float)
        for term in set(query):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for d, tf in self.postings[term]:
                norm = self.k1 * (1 - self.b + self.b * self.lengths[d] / self.avg)
                scores[d] += idf * tf * (self.k1 + 1) / (tf + norm)
        return [d for d, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]


def tokenise(text: str) -> list[str]:
    """The one tokenisation both rankers see (factcheck's search words, repeats kept)."""
    return search_terms_all(text)


def build_db(path: str, vclaims: dict[str, tuple[str, str]]) -> float:
    clock = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = os.path.join(tmp, "verified_claims.jsonl")
        with open(jsonl, "w", encoding="utf-8") as handle:
            for vid, (text, title) in vclaims.items():
                handle.write(json.dumps({"text": text, "title": title or None, "path": f"vclaim/{vid}",
                                         "outlet": "verified claims"}, ensure_ascii=False) + "\n")
        report = pipeline.ingest([jsonl], path)
    if report.errors:
        print(f"{len(report.errors)} verified claims could not be ingested, e.g. {report.errors[0]}", file=sys.stderr)
    return time.perf_counter() - clock


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the task's data folder (holds v3.0/ and test/)")
    parser.add_argument("--db", default="clef2020-vclaims.db", help="database of the verified claims")
    parser.add_argument("--reuse", action="store_true", help="keep an existing database at --db")
    parser.add_argument("--splits", nargs="+", default=["dev", "test"], choices=sorted(SPLITS))
    args = parser.parse_args(argv)

    vclaims = read_vclaims(args.data)
    if not (args.reuse and Path(args.db).exists()):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(args.db + suffix):
                os.remove(args.db + suffix)
        print(f"ingested {len(vclaims):,} verified claims in {build_db(args.db, vclaims):.1f} s: {args.db}")
    db = store.open_db(args.db, create=False)
    bm25 = BM25({vid: tokenise(f"{text} {title}") for vid, (text, title) in vclaims.items()})

    print(f"{'split':6} {'tweets':>6}  {'factcheck':>9}  {'BM25':>6}  {'BM25 (cleaned)':>14}  ms/tweet")
    for split in args.splits:
        tweets, qrels = read_split(args.data, split)
        qrels = {q: r for q, r in qrels.items() if q in tweets}
        ours: dict[str, list[str]] = {}
        clock = time.perf_counter()
        for tid in qrels:
            ranked = rank_documents(db, parse_query(tweets[tid]), limit=K)
            ours[tid] = [r.document.path.split("/", 1)[1] for r in ranked if r.document]
        ms = (time.perf_counter() - clock) * 1000 / max(len(qrels), 1)
        raw = {tid: bm25.rank(tokenise(tweets[tid])) for tid in qrels}
        cleaned = {tid: bm25.rank(tokenise(clean_statement(tweets[tid]))) for tid in qrels}
        print(f"{split:6} {len(qrels):6d}  {map_at_k(ours, qrels):9.4f}  {map_at_k(raw, qrels):6.4f}  "
              f"{map_at_k(cleaned, qrels):14.4f}  {ms:8.1f}")
    print(f"MAP@{K}; BM25 is Okapi (k1=1.2, b=0.75) over claim and title with the same tokenisation.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
