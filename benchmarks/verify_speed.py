"""How fast `factcheck verify` answers once the database is open.

Usage: python benchmarks/verify_speed.py [DB_PATH] [--claims N] [--queries N] [--reuse]

Builds (or, with --reuse, keeps) a synthetic factcheck database of N claims
(default 1,000,000) written straight through the store's tables in bulk: 20
claims per document, one sentence per claim, claims grouped into assertions of
one to five claims from different documents, numeric values per assertion. The
words follow a Zipf law over a general news vocabulary plus invented names, so
the full-text index has long posting lists for common words, as real news does.

Then it verifies --queries statements (reworded stored claims with other
numbers, claims about other places, and statements nobody made) one at a time
and prints the median and p95 latency, the first (cold) query, and the
throughput of `verify_batch` over the same statements. Target: median under
50 ms per claim.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

from factcheck import store
from factcheck.models import content_id

ACTORS = ["North Korea", "Russia", "Ukraine", "the United States", "China", "Japan", "France",
          "Germany", "Iran", "Israel", "Turkey", "India", "Brazil", "Poland", "the European Union",
          "NATO", "the United Nations", "Canada", "Mexico", "Egypt", "Spain", "Italy", "Syria"]
SOURCES = ["officials", "the defence ministry", "the foreign ministry", "intelligence services",
           "a government spokesperson", "lawmakers", "the president", "police", "the army",
           "local authorities", "analysts", "a senior diplomat", "the prime minister"]
COUNTED = ["troops", "soldiers", "people", "civilians", "deaths", "refugees", "missiles",
           "drones", "tanks", "shells", "migrants", "workers", "votes", "cases", "injuries",
           "arrests", "homes", "jobs", "students", "patients"]
VERBS = ["sent", "deployed", "moved", "killed", "evacuated", "arrested", "supplied", "delivered",
         "counted", "reported", "lost", "hired", "treated", "housed"]
EVENTS = ["confirmed", "denied", "condemned", "welcomed", "criticised", "announced", "rejected",
          "signed", "launched", "suspended", "approved", "investigated"]
OBJECTS = ["the agreement", "the deployment", "the sanctions", "the ceasefire", "the attack",
           "the talks", "the report", "the plan", "the election results", "the strike",
           "the new law", "the budget", "the inquiry", "the exercises", "the visit"]
COMMON = ("the of and to in a that on for with as by at from was were has have said will "
          "after about more than over under new last this week month year region border city "
          "government military forces officials country war peace security support aid").split()


def vocabulary(rng: random.Random, size: int = 40_000) -> list[str]:
    """Invented place and person names (a long tail of rare words)."""
    syllables = ["ka", "lo", "mir", "sen", "tav", "ber", "ol", "ri", "zan", "du", "pek", "gor",
                 "vi", "shan", "tel", "mon", "ar", "qu", "es", "yn", "bra", "dor", "fel", "hu"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize())
    return sorted(words)


class Writer:
    """Claim texts from templates with Zipf-distributed names."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.names = vocabulary(self.rng)
        self.weights = [1.0 / (i + 1) for i in range(len(self.names))]
        self.cum = []
        total = 0.0
        for w in self.weights:
            total += w
            self.cum.append(total)

    def name(self) -> str:
        import bisect

        return self.names[min(bisect.bisect(self.cum, self.rng.random() * self.cum[-1]), len(self.names) - 1)]

    def claim(self) -> dict:
        r = self.rng
        kind = r.choices(["numeric", "event", "quote"], [5, 3, 2])[0]
        place = self.name()
        actor = r.choice(ACTORS)
        source = r.choice(SOURCES)
        filler = " ".join(r.sample(COMMON, r.randint(1, 4)))
        if kind == "numeric":
            value = r.choice([r.randint(2, 99), r.randint(1, 99) * 100, r.randint(1, 60) * 1000])
            counted = r.choice(COUNTED)
            text = (f"{source.capitalize()} said {actor} {r.choice(VERBS)} {value:,} {counted} "
                    f"to {place} {filler} {self.name()}")
            return {"kind": kind, "text": text, "value": float(value), "qualifier": "exact",
                    "counted": counted, "subject": place.lower(), "attributed_to": source,
                    "modality": "reported", "predicate": "deploy"}
        if kind == "event":
            text = f"{actor} {r.choice(EVENTS)} {r.choice(OBJECTS)} in {place} {filler} {self.name()}"
            return {"kind": kind, "text": text, "attributed_to": actor, "modality": "asserted",
                    "subject": place.lower()}
        text = (f"We will not accept {r.choice(OBJECTS)} in {place} {filler}, "
                f"{self.name()} {self.name()} of {actor} said")
        return {"kind": kind, "text": text, "attributed_to": actor, "modality": "reported"}


def build(path: str, n_claims: int, seed: int = 7) -> None:
    """Write the synthetic database in one transaction through the store's tables."""
    writer = Writer(seed)
    db = store.open_db(path)
    per_doc = 20
    n_docs = (n_claims + per_doc - 1) // per_doc
    outlets = [f"Outlet {i:03d}" for i in range(200)]
    docs, sentences, claims = [], [], []
    members: list[tuple[str, dict]] = []
    for d in range(n_docs):
        doc_id = content_id("doc", d)
        parts, pos = [], 0
        for i in range(min(per_doc, n_claims - d * per_doc)):
            c = writer.claim()
            start, end = pos, pos + len(c["text"])
            parts.append(c["text"] + ".\n")
            pos = end + 2
            sid = content_id(doc_id, "s", i)
            cid = content_id(doc_id, "c", i)
            sentences.append({"id": sid, "document_id": doc_id, "idx": i, "start": start, "end": end + 1,
                              "line": i, "flag": "story", "reason": None, "text": c["text"] + "."})
            row = {"id": cid, "document_id": doc_id, "sentence_id": sid, "start": start, "end": end,
                   "entities": "[]", "features": "[]", "check_worthiness": 0.5, **c}
            claims.append(row)
            members.append((cid, row))
        text = "".join(parts)
        docs.append({"id": doc_id, "path": f"synthetic/{d:07d}.txt", "outlet": outlets[d % len(outlets)],
                     "url": f"https://example.invalid/{d}", "title": parts[0].strip() if parts else "",
                     "published": f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}", "format": "txt", "text": text,
                     "n_chars": len(text), "n_sentences": len(parts), "n_claims": len(parts),
                     "ingested_at": "2024-01-01T00:00:00+00:00"})
    # Assertions: consecutive runs of 1-5 claims taken from a shuffled order (other documents).
    rng = random.Random(seed + 1)
    order = list(range(len(members)))
    rng.shuffle(order)
    assertions, links, values = [], [], []
    i = 0
    while i < len(order):
        size = rng.choice([1, 1, 1, 2, 2, 3, 4, 5])
        group = [members[j] for j in order[i:i + size]]
        i += size
        aid = content_id("assertion", group[0][0])
        row0 = group[0][1]
        status = "single-source" if len(group) == 1 else rng.choice(["corroborated", "corroborated", "contradicted"])
        assertions.append({"id": aid, "kind": row0["kind"], "label": row0["text"][:80], "status": status,
                           "confidence": round(rng.random(), 2), "n_claims": len(group),
                           "n_outlets": len(group), "n_independent_sources": len(group),
                           "best_value": row0.get("value"), "reasons": json.dumps(["synthetic"])})
        for cid, _ in group:
            links.append({"assertion_id": aid, "claim_id": cid})
        for k, (cid, row) in enumerate(group):
            if row.get("value") is not None:
                values.append({"id": f"{aid}:{k}", "assertion_id": aid, "value": row["value"], "low": None,
                               "high": None, "qualifier": "exact", "as_of": None, "modality": "reported",
                               "confidence": 0.5, "n_claims": 1, "outlets": docs[0]["outlet"],
                               "sources": row["attributed_to"], "claim_ids": json.dumps([cid])})
    with store.write(db):
        for table, rows, pk in (("documents", docs, "id"), ("sentences", sentences, "id"),
                                ("claims", claims, "id"), ("assertions", assertions, "id"),
                                ("assertion_claims", links, ("assertion_id", "claim_id")),
                                ("assertion_values", values, "id")):
            db[table].insert_all(rows, pk=pk, batch_size=5000, alter=False)
        db["sources"].insert_all(({"name": o, "kind": "outlet", "credibility": 0.6 + 0.3 * (k % 3) / 2,
                                   "n_claims": 0, "n_corroborated": 0, "n_contradicted": 0,
                                   "explanation": "[]"} for k, o in enumerate(outlets)), pk=("name", "kind"))
    db.execute("analyze")
    db.conn.close()


def statements(n: int, seed: int = 11) -> list[str]:
    """Statements to verify: reworded stored claims, other places, and nothing anyone said."""
    writer = Writer(seed)
    rng = random.Random(seed)
    out = []
    for i in range(n):
        c = writer.claim()
        if i % 3 == 0:
            out.append(f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.randint(1, 90) * 1000:,} "
                       f"{rng.choice(COUNTED)} to {writer.name()}")
        elif i % 3 == 1:
            out.append(c["text"].split(" said ", 1)[-1])
        else:
            out.append(f"{rng.choice(ACTORS)} {rng.choice(EVENTS)} {rng.choice(OBJECTS)} in {writer.name()}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", nargs="?", default="verify-speed.db", help="database to build or reuse")
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--reuse", action="store_true", help="keep an existing database of that path")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args(argv)

    if not (args.reuse and Path(args.db).exists()):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(args.db + suffix):
                os.remove(args.db + suffix)
        clock = time.perf_counter()
        build(args.db, args.claims)
        print(f"built {args.claims:,} claims in {time.perf_counter() - clock:.1f} s "
              f"({os.path.getsize(args.db) / 1e6:,.0f} MB): {args.db}")
    if args.build_only:
        return 0

    from factcheck.verify import verify_batch, verify_text

    clock = time.perf_counter()
    db = store.open_db(args.db, create=False)
    n = db.execute("select count(*) from claims").fetchone()[0]
    print(f"opened {args.db} ({n:,} claims) in {(time.perf_counter() - clock) * 1000:.1f} ms")
    texts = statements(args.queries)
    clock = time.perf_counter()
    first = verify_text(db, texts[0])
    print(f"first verify (cold caches): {(time.perf_counter() - clock) * 1000:.1f} ms -> {first.verdict}")
    times, verdicts = [], {}
    for text in texts:
        clock = time.perf_counter()
        verdict = verify_text(db, text)
        times.append((time.perf_counter() - clock) * 1000)
        verdicts[verdict.verdict] = verdicts.get(verdict.verdict, 0) + 1
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"verify latency over {len(times)} statements: median {statistics.median(times):.1f} ms, "
          f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms (target: median < 50 ms)")
    print("verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
    clock = time.perf_counter()
    results = list(verify_batch(db, texts))
    seconds = time.perf_counter() - clock
    print(f"batch: {len(results)} statements in {seconds:.2f} s = {len(results) / seconds:.1f} claims/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
