"""How factcheck's pipeline scales: seconds per stage and peak memory at 1k-8k documents.

Usage: python benchmarks/scale.py [--sizes 1000 2000 4000 8000] [--seed 1] [--work DIR]
                                  [--format txt|jsonl] [--timeout SECONDS] [--profile STAGE]

For each size it generates (or reuses, from WORK/corpus-SIZE-sSEED) a synthetic corpus
with benchmarks/synthetic.py, then ingests it into a fresh database in a child Python
process, so each size's peak memory is that process's own maximum resident set. It
prints one row per size: documents, claims, matches, assertions, seconds per stage
(read+sentences+claims, load, matching, assertions, credibility, store), total and peak
RSS, then the growth of matching and assertions (grouping) time per doubling of the
corpus (target: at most 2.3), then a cheap accuracy check against truth.json:

- purity: share of numeric assertions (with two or more claims traced to the truth)
  whose claims all belong to one event and one quantity (blocking must not merge stories);
- contradiction recall: share of quantities the truth marks contradicted (two sources
  disagree about the same day) that sit in an assertion factcheck marks contradicted;
- time-only contradictions: share of contradicted assertions whose quantity no source
  disputed (the values differ only because the toll rose over days).

--profile matching (or assertions, credibility) runs cProfile around that stage in the
child for the largest size and prints the top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ["read, sentences, claims", "load", "matching", "assertions", "credibility", "store"]
SHORT = {"read, sentences, claims": "read", "load": "load", "matching": "match",
         "assertions": "group", "credibility": "cred", "store": "store"}
GROWTH_LIMIT = 2.3


def corpus_dir(work: Path, size: int, seed: int, fmt: str) -> Path:
    """Generate the corpus once per (size, seed, format); reuse it after."""
    sys.path.insert(0, str(HERE))
    import synthetic

    folder = work / f"corpus-{size}-s{seed}-{fmt}"
    if not (folder / "truth.json").exists():
        synthetic.generate(folder, size, seed, fmt)
    return folder


def run_child(folder: Path, db_path: Path, timeout: float, profile: str | None) -> dict:
    """Ingest in a fresh process; its JSON report is the last line it prints."""
    if db_path.exists():
        db_path.unlink()
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(folder), str(db_path)]
    if profile:
        command += ["--profile", profile]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise SystemExit(f"ingest of {folder} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    if done.stderr.strip():
        print(done.stderr.rstrip(), file=sys.stderr)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    report["wall"] = time.perf_counter() - started
    return report


def child(folder: str, db_path: str, profile: str | None) -> None:
    """Runs in the child: ingest, measure, then check against the truth."""
    from factcheck import pipeline, store

    if profile:
        _install_profiler(profile)
    started = time.perf_counter()
    report = pipeline.ingest([str(Path(folder) / "articles")], db_path)
    total = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    if report.errors:
        print("\n".join(report.errors[:10]), file=sys.stderr)
    db = store.open_db(db_path)
    counts = {t: db[t].count for t in ("documents", "claims", "matches", "assertions")}
    truth = json.loads((Path(folder) / "truth.json").read_text(encoding="utf-8"))
    result = {"timings": report.timings, "total": total, "peak_mb": peak_mb, "counts": counts,
              "errors": len(report.errors), "accuracy": accuracy(db, truth)}
    print(json.dumps(result))


def _install_profiler(stage: str) -> None:
    """Wrap one stage function of the pipeline in cProfile; print its top lines on exit."""
    import atexit
    import cProfile
    import pstats

    from factcheck import pipeline  # noqa: F401  (the stage modules are imported lazily)

    module_name, function_name = {
        "matching": ("factcheck.matching", "match_claims"),
        "assertions": ("factcheck.assertions", "build_assertions"),
        "credibility": ("factcheck.credibility", "weigh_assertions"),
    }[stage]
    import importlib

    module = importlib.import_module(module_name)
    profiler = cProfile.Profile()
    original = getattr(module, function_name)

    def profiled(*args, **kwargs):
        return profiler.runcall(original, *args, **kwargs)

    setattr(module, function_name, profiled)

    def dump() -> None:
        stats = pstats.Stats(profiler, stream=sys.stderr)
        stats.sort_stats("cumulative").print_stats(25)
        stats.sort_stats("tottime").print_stats(15)

    atexit.register(dump)


def accuracy(db, truth: dict) -> dict:
    """Trace stored numeric claims to truth by (document, printed value) and score the groups."""
    from factcheck import store

    by_file = {d["file"]: d for d in truth["documents"]}
    disputed = {(e["id"], q["key"]) for e in truth["events"] for q in e["quantities"] if q["contradicted"]}
    documents = store.current_documents(db)
    traced: dict[str, tuple[str, str]] = {}
    for claim in store.current_claims(db):
        if claim.kind != "numeric" or claim.value is None:
            continue
        doc = by_file.get(os.path.basename(documents[claim.document_id].path))
        if doc is None:
            continue
        for c in doc["claims"]:
            if claim.value in (c["printed"], c["low"]) or (claim.low is not None and claim.low == c["low"]):
                traced[claim.id] = (doc["event"], c["quantity"])
                break
    pure = mixed = 0
    found: set[tuple[str, str]] = set()
    time_only = n_contradicted = 0
    for assertion in store.load_assertions(db):
        if assertion.kind != "numeric":
            continue
        keys = [traced[c] for c in assertion.claim_ids if c in traced]
        if len(keys) >= 2:
            if len(set(keys)) == 1:
                pure += 1
            else:
                mixed += 1
        if assertion.status == "contradicted" and keys:
            n_contradicted += 1
            hit = set(keys) & disputed
            found |= hit
            if not hit:
                time_only += 1
    return {
        "traced_claims": len(traced),
        "purity": pure / (pure + mixed) if pure + mixed else None,
        "contradiction_recall": len(found) / len(disputed) if disputed else None,
        "time_only_contradictions": time_only / n_contradicted if n_contradicted else None,
    }


def print_table(rows: list[tuple[int, dict]]) -> None:
    head = ["docs", "claims", "matches", "asserts"] + [SHORT[s] for s in STAGES] + ["total", "peak MB"]
    print(" ".join(f"{h:>8}" for h in head))
    for _, r in rows:
        c, t = r["counts"], r["timings"]
        cells = [c["documents"], c["claims"], c["matches"], c["assertions"]]
        cells += [f"{t.get(s, 0.0):.1f}" for s in STAGES] + [f"{r['total']:.1f}", f"{r['peak_mb']:.0f}"]
        print(" ".join(f"{x:>8}" for x in cells))
    if len(rows) > 1:
        print("\ngrowth per doubling (target <= %.1f):" % GROWTH_LIMIT)
        print(f"{'docs':>8} {'match':>8} {'group':>8} {'total':>8}")
        for (size_a, a), (size_b, b) in zip(rows, rows[1:]):
            steps = math.log2(size_b / size_a) or 1.0  # ratios are per doubling whatever the sizes
            cells = [f"{size_b}"]
            for stage in ("matching", "assertions"):
                before, now = a["timings"].get(stage, 0.0), b["timings"].get(stage, 0.0)
                cells.append(f"{(now / before) ** (1 / steps):.2f}" if before > 0.005 else "-")
            cells.append(f"{(b['total'] / a['total']) ** (1 / steps):.2f}")
            print(" ".join(f"{x:>8}" for x in cells))
    print("\naccuracy against truth.json:")
    print(f"{'docs':>8} {'traced':>8} {'purity':>8} {'recall':>8} {'time-only':>10}")
    for size, r in rows:
        a = r["accuracy"]
        fmt = lambda v: "-" if v is None else f"{v:.2f}"  # noqa: E731
        print(f"{size:>8} {a['traced_claims']:>8} {fmt(a['purity']):>8} "
              f"{fmt(a['contradiction_recall']):>8} {fmt(a['time_only_contradictions']):>10}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "factcheck-scale"),
                        help="where corpora (kept) and databases go")
    parser.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds allowed per size")
    parser.add_argument("--profile", choices=["matching", "assertions", "credibility"],
                        help="cProfile this stage in the largest run (printed to stderr)")
    parser.add_argument("--json", action="store_true", help="print the raw reports as JSON too")
    parser.add_argument("--child", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], args.profile)
        return 0
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    sizes = sorted(args.sizes)
    rows = []
    for size in sizes:
        clock = time.perf_counter()
        folder = corpus_dir(work, size, args.seed, args.format)
        print(f"{size} documents: corpus ready in {time.perf_counter() - clock:.1f}s, ingesting...",
              file=sys.stderr)
        profile = args.profile if size == sizes[-1] else None
        report = run_child(folder, work / f"scale-{size}.db", args.timeout, profile)
        print(f"{size} documents: {report['total']:.1f}s, peak {report['peak_mb']:.0f} MB", file=sys.stderr)
        rows.append((size, report))
    print(f"factcheck scale benchmark, seed {args.seed}, {os.cpu_count()} CPUs, seconds per stage\n")
    print_table(rows)
    if args.json:
        print(json.dumps({str(size): r for size, r in rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
