"""Book-authors benchmark (Yin, Han and Yu, TruthFinder, KDD 2007; DAFNA release).

Usage: python benchmarks/books.py DATA_DIR [--no-peers]

DATA_DIR holds claims.csv and book_golden.csv (e.g. datasets/books/dafna_csv).
Prints, side by side, precision on the gold books for factcheck, majority vote and
each algorithm of the `truthdiscovery` package (Sums, AverageLog, Investment,
PooledInvestment, TruthFinder) if it is installed (pip install 'factcheck[bench]').

Every method gets the same input, the author lists normalised by factcheck's
`authors` normaliser (a list is its set of surnames; "Not Available" is no claim),
and is scored by the same function: an answer is right when its set of surnames
equals the gold list's. Nothing here is tuned to this data set.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

import peers
from factcheck.cells import authors_similarity, normalise_authors_all
from factcheck.truth import Observation, discover_truth, sort_key


def read_claims(path: Path) -> list[Observation]:
    """claims.csv: ClaimID, Remove, ObjectID, PropertyID, PropertyValue, SourceID, TimeStamp
    (the header has a stray quote, so columns are read by position)."""
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = list(csv.reader(handle))
    return [
        Observation(source=r[5].strip(), object=r[2].strip(), value=r[4], raw=r[4])
        for r in rows[1:]
        if len(r) >= 6
    ]


def read_gold(path: Path) -> dict[str, tuple[str, ...] | None]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = [r for r in csv.reader(handle) if len(r) >= 3]
    keys = normalise_authors_all([(r[0].strip(), r[2]) for r in rows])
    return {r[0].strip(): k for r, k in zip(rows, keys)}


def precision(chosen: dict[str, object], gold: dict[str, tuple[str, ...] | None]) -> float:
    """The one scoring function: share of gold books whose chosen surnames equal gold's."""
    return sum(1 for isbn, truth in gold.items() if truth is not None and chosen.get(isbn) == truth) / len(gold)


def majority(observations: list[Observation]) -> dict[str, object]:
    votes: dict[str, Counter] = {}
    for o in observations:
        votes.setdefault(o.object, Counter())[o.value] += 1
    return {obj: min(c.items(), key=lambda kv: (-kv[1], sort_key(kv[0])))[0] for obj, c in votes.items()}


def run_peers(observations: list[Observation]) -> dict[str, dict[str, object]] | str:
    triples = sorted(((o.source, o.object, o.value) for o in observations), key=lambda t: (t[0], t[1], sort_key(t[2])))
    return peers.run_peers(triples, authors_similarity, sort_key, allow_multiple=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with claims.csv and book_golden.csv")
    parser.add_argument("--no-peers", action="store_true", help="skip the truthdiscovery algorithms")
    args = parser.parse_args(argv)
    claims = read_claims(args.data / "claims.csv")
    gold = read_gold(args.data / "book_golden.csv")
    keys = normalise_authors_all([(o.object, o.value) for o in claims])
    observations = [
        Observation(o.source, o.object, k, raw=o.raw) for o, k in zip(claims, keys) if k is not None
    ]
    print(
        f"{len(claims)} claims ({len(claims) - len(observations)} placeholders), "
        f"{len({o.object for o in observations})} books, {len({o.source for o in observations})} sources, "
        f"{len(gold)} gold books"
    )
    rows = []
    start = time.perf_counter()
    result = discover_truth(observations, similarity=authors_similarity)
    elapsed = time.perf_counter() - start
    chosen = {o.object: o.value for o in result.objects}
    rows.append(("factcheck", precision(chosen, gold), elapsed, f"{result.iterations} iterations, converged={result.converged}"))
    start = time.perf_counter()
    rows.append(("majority vote", precision(majority(observations), gold), time.perf_counter() - start, ""))
    peers = run_peers(observations) if not args.no_peers else "skipped (--no-peers)"
    if isinstance(peers, str):
        note = peers
    else:
        note = ""
        for name, (chosen_peer, seconds) in peers.items():
            rows.append((name, precision(chosen_peer, gold), seconds, ""))
    print(f"{'method':<18} {'precision':>9} {'seconds':>8}")
    for name, score, seconds, extra in rows:
        print(f"{name:<18} {score:>9.3f} {seconds:>8.2f}  {extra}")
    if note:
        print(f"peers: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
