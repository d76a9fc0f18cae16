#!/usr/bin/env python3
"""Evaluate factcheck end to end on story folders with a hand-made gold annotation.

usage: python benchmarks/evaluate.py FOLDER [FOLDER...] [--gold GOLD.json] [--json]

Each FOLDER holds one story: article files, a manifest.json and a gold.json (the
format of the seeds gold: assertions with exact-quote mentions, noise and
off_topic lines). For each folder the script copies the articles (everything but
the gold file) to a temporary folder, runs the real command line on a fresh
database -- `factcheck ingest DOCS --db DB` then `factcheck export --db DB
--format json` -- validates the export against schemas/export.schema.json and
scores it against the gold.

The metrics are the ones of the project's reference scorer (tools/score.py, kept
outside this repository), re-implemented here with IDENTICAL definitions so the
figures are comparable: a citation is tied to its document by the file name at
the end of document.path, and to a gold mention when the two spans share at
least half of the shorter one (the citation sharing most of the quote wins, then
the one with the right value, then the tightest).

- mention_recall: required gold mentions covered by some citation.
- pair_f1: over pairs of placed mentions, recall = same gold assertion -> same
  exported assertion; precision counts pairs of different gold assertions placed
  in one exported assertion as errors.
- status_accuracy: for each gold assertion with a placed mention, the status of
  the exported assertion holding most of its mentions agrees with the gold.
- value_accuracy / attribution_accuracy: placed mentions with a gold value
  (attribution) whose citation has the same value (shares a word with it).
- noise_citations: citations overlapping a gold noise line.
- off_topic_merges: citations overlapping an off_topic line that sit in an
  exported assertion holding a gold mention.
- bad_offsets: citations whose document is unknown, whose offsets are not
  integers, or whose quote is not text[start:end].

Beyond the table, a diagnosis names the missed mentions, the wrongly-statused
assertions (gold id, expected, got), gold assertions split over several exported
assertions, exported assertions merging several gold ones, and value and
attribution errors.

`python benchmarks/evaluate.py seeds --gold PATH/seeds.gold.json` scores the
seed articles against a gold file kept elsewhere. Standard library plus the
installed factcheck package (for the export schema).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from itertools import combinations
from typing import Any

AGREE = {"contradicted": {"contradicted", "disputed", "conflicting", "contested"},
         "corroborated": {"corroborated", "supported", "confirmed", "consistent"},
         "single-source": {"single-source", "single_source", "unverified", "uncorroborated"}}

COLUMNS = ("mention_recall", "pair_f1", "status_accuracy", "value_accuracy",
           "attribution_accuracy", "noise_citations", "off_topic_merges", "bad_offsets")
GOLD_NAME = "gold.json"


class EvaluationError(Exception):
    """A story folder cannot be evaluated (missing gold, the CLI failed...)."""


# --- the reference scorer's definitions, unchanged ---------------------------------

def spans(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def overlap(cite: tuple[int, int], span: tuple[int, int]) -> int:
    return max(0, min(cite[1], span[1]) - max(cite[0], span[0]))


def covers(cite: tuple[int, int], span: tuple[int, int]) -> bool:
    """The two spans share at least half of the shorter one."""
    return overlap(cite, span) >= 0.5 * min(cite[1] - cite[0], span[1] - span[0]) > 0


def words(s: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (s or "").lower())) - {"the", "of", "s", "and", "a"}


def read_texts(folder: pathlib.Path) -> dict[str, str]:
    """Every file of the folder by name, read as the reference scorer reads them."""
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()}


def score_export(export: dict[str, Any], gold: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    """The reference scorer's report for one export, plus a diagnosis under "diagnosis"."""
    cites = []  # (file, start, end, assertion_id, status, citation)
    for a in export.get("assertions", []):
        for c in a.get("citations", []):
            path = (c.get("document") or {}).get("path") or c.get("document_path") or ""
            cites.append((pathlib.PurePath(str(path)).name, c.get("start"), c.get("end"),
                          a.get("id"), str(a.get("status", "")).lower(), c))
    bad_offsets = sum(1 for f, s, e, *_, c in cites
                      if f not in texts or not isinstance(s, int) or not isinstance(e, int)
                      or (c.get("quote") is not None and texts[f][s:e] != c.get("quote")))

    def find(m):
        text = texts.get(m["file"], "")
        for span in spans(text, m["quote"]):
            hits = [c for c in cites if c[0] == m["file"] and isinstance(c[1], int) and isinstance(c[2], int)
                    and covers((c[1], c[2]), span)]
            if hits:  # the citation sharing most of the quote; then the right value; then the tightest
                return max(hits, key=lambda c: (overlap((c[1], c[2]), span),
                                                m.get("value") is not None and c[5].get("value") == m.get("value"),
                                                -(c[2] - c[1])))
        return None

    required, found, values_ok, values_n, attr_ok, attr_n = 0, 0, 0, 0, 0, 0
    placed = []  # (gold assertion id, exported assertion id)
    status_ok, status_n, misses = 0, 0, []
    # diagnosis only: nothing below feeds the metrics
    wrong_status, unfound, splits, value_errors, attribution_errors = [], [], [], [], []
    for ga in gold["assertions"]:
        homes = []
        for m in ga["mentions"]:
            hit = find(m)
            if not m.get("optional"):
                required += 1
                if hit:
                    found += 1
                else:
                    misses.append(f"{ga['id']}: {m['file']}: {m['quote'][:70]}")
            if not hit:
                continue
            placed.append((ga["id"], hit[3]))
            homes.append(hit)
            if m.get("value") is not None:
                values_n += 1
                v = hit[5].get("value")
                ok = isinstance(v, (int, float)) and abs(v - m["value"]) < 1e-6
                values_ok += ok
                if not ok:
                    value_errors.append({"gold": ga["id"], "file": m["file"], "quote": m["quote"][:60],
                                         "expected": m["value"], "got": v})
            if m.get("attributed_to"):
                attr_n += 1
                ok = bool(words(m["attributed_to"]) & words(hit[5].get("attributed_to")))
                attr_ok += ok
                if not ok:
                    attribution_errors.append({"gold": ga["id"], "file": m["file"], "quote": m["quote"][:60],
                                               "expected": m["attributed_to"],
                                               "got": hit[5].get("attributed_to")})
        if homes:
            status_n += 1
            # As score.py, but ties go to the smallest id, not to set order (the hash seed).
            top = max(sorted({h[3] for h in homes}), key=lambda i: sum(h[3] == i for h in homes))
            got = next(h[4] for h in homes if h[3] == top)
            agrees = got in AGREE.get(ga["expected_status"], {ga["expected_status"]})
            status_ok += agrees
            if not agrees:
                wrong_status.append({"gold": ga["id"], "expected": ga["expected_status"], "got": got,
                                     "exported": top})
            n_homes = len({h[3] for h in homes})
            if n_homes > 1:
                splits.append({"gold": ga["id"], "exported_assertions": n_homes, "mentions_placed": len(homes)})
        else:
            unfound.append({"gold": ga["id"], "expected": ga["expected_status"]})
    same_gold = [(x, y) for x, y in combinations(placed, 2) if x[0] == y[0]]
    diff_gold = [(x, y) for x, y in combinations(placed, 2) if x[0] != y[0]]
    pair_recall = sum(x[1] == y[1] for x, y in same_gold) / max(1, len(same_gold))
    merged = sum(x[1] == y[1] for x, y in diff_gold)
    pair_precision = (sum(x[1] == y[1] for x, y in same_gold) /
                      max(1, sum(x[1] == y[1] for x, y in same_gold) + merged))
    noise_hits = sum(1 for n in gold.get("noise", [])
                     for span in spans(texts.get(n["file"], ""), n["line"])
                     for c in cites if c[0] == n["file"] and isinstance(c[1], int)
                     and c[1] < span[1] and c[2] > span[0])
    gold_homes = {aid for _, aid in placed}
    off_topic_merges = sum(1 for n in gold.get("off_topic", [])
                           for span in spans(texts.get(n["file"], ""), n["line"])
                           for c in cites if c[0] == n["file"] and isinstance(c[1], int)
                           and c[1] < span[1] and c[2] > span[0] and c[3] in gold_homes)
    f1 = 2 * pair_precision * pair_recall / max(1e-9, pair_precision + pair_recall)
    merges: dict[str, set[str]] = {}
    for gid, aid in placed:
        merges.setdefault(aid, set()).add(gid)
    noise_cited = sorted({f"{n['file']}: {n['line'][:70]}" for n in gold.get("noise", [])
                          for span in spans(texts.get(n["file"], ""), n["line"])
                          for c in cites if c[0] == n["file"] and isinstance(c[1], int)
                          and c[1] < span[1] and c[2] > span[0]})
    off_topic_merged = sorted({f"{n['file']}: {n['line'][:70]}" for n in gold.get("off_topic", [])
                               for span in spans(texts.get(n["file"], ""), n["line"])
                               for c in cites if c[0] == n["file"] and isinstance(c[1], int)
                               and c[1] < span[1] and c[2] > span[0] and c[3] in gold_homes})
    return {
        "mention_recall": round(found / max(1, required), 3),
        "pair_recall": round(pair_recall, 3), "pair_precision": round(pair_precision, 3),
        "pair_f1": round(f1, 3),
        "status_accuracy": round(status_ok / max(1, status_n), 3),
        "value_accuracy": round(values_ok / max(1, values_n), 3),
        "attribution_accuracy": round(attr_ok / max(1, attr_n), 3),
        "noise_citations": noise_hits, "off_topic_merges": off_topic_merges,
        "bad_offsets": bad_offsets, "citations": len(cites),
        "assertions": len(export.get("assertions", [])), "missed": misses,
        "diagnosis": {
            "wrong_status": wrong_status,
            "unfound_assertions": unfound,
            "split": splits,
            "merged": [{"exported": aid, "gold": sorted(gids)}
                       for aid, gids in sorted(merges.items()) if len(gids) > 1],
            "value_errors": value_errors,
            "attribution_errors": attribution_errors,
            "noise_cited": noise_cited,
            "off_topic_merged": off_topic_merged,
        },
    }


# --- running the real command line -------------------------------------------------

def factcheck_command() -> list[str]:
    """The CLI of the interpreter running this script (its virtualenv's factcheck)."""
    return [sys.executable, "-m", "factcheck"]


def run_cli(args: list[str], command: list[str] | None = None,
            cwd: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*(command or factcheck_command()), *args], capture_output=True,
                          text=True, encoding="utf-8", check=False, cwd=cwd)


def export_errors(export: Any) -> list[str]:
    """Violations of schemas/export.schema.json (empty when the export is valid)."""
    from factcheck.validation import schema_errors

    return schema_errors("export", export)


def evaluate_folder(folder: str | pathlib.Path, gold_path: str | pathlib.Path | None = None,
                    command: list[str] | None = None) -> dict[str, Any]:
    """Ingest FOLDER into a fresh database with the CLI, export JSON and score it.

    The result is the scorer's report plus "story", "ingest" (exit code and
    stderr lines), "export_errors" (schema violations) and "export" (the parsed
    export, for callers that want to look further).
    """
    folder = pathlib.Path(folder)
    if not folder.is_dir():
        raise EvaluationError(f"{folder}: not a folder")
    gold_path = pathlib.Path(gold_path) if gold_path else folder / GOLD_NAME
    if not gold_path.is_file():
        raise EvaluationError(f"{gold_path}: no gold annotation (pass --gold)")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts = read_texts(folder)
    with tempfile.TemporaryDirectory(prefix="factcheck-eval-") as tmp:
        docs = pathlib.Path(tmp, "docs", folder.name)
        docs.mkdir(parents=True)
        # the gold file must not be ingested as an article; everything else goes in as is
        for p in sorted(folder.iterdir()):
            if p.is_file() and p.resolve() != gold_path.resolve():
                shutil.copyfile(p, docs / p.name)
        db = str(pathlib.Path(tmp, "factcheck.db"))
        out = str(pathlib.Path(tmp, "export.json"))
        # A relative path, so document ids (and with them every tie-break) do not depend
        # on the temporary folder's random name.
        ingest = run_cli(["ingest", str(docs.relative_to(tmp)), "--db", db], command, cwd=tmp)
        exported = run_cli(["export", "--db", db, "--format", "json", "-o", out], command)
        if exported.returncode != 0 or not pathlib.Path(out).is_file():
            raise EvaluationError(f"{folder}: factcheck export failed: "
                                  f"{(exported.stderr or ingest.stderr).strip()[-500:]}")
        export = json.loads(pathlib.Path(out).read_text(encoding="utf-8"))
    report = score_export(export, gold, texts)
    report.update({
        "story": folder.name,
        "ingest": {"returncode": ingest.returncode, "stderr": ingest.stderr.strip().splitlines()},
        "export_errors": export_errors(export),
        "export": export,
    })
    return report


# --- output ------------------------------------------------------------------------

def format_table(reports: list[dict[str, Any]]) -> str:
    """One row per story and a mean row, one column per metric."""
    names = [r["story"] for r in reports] + (["mean"] if len(reports) > 1 else [])
    width = max(len(n) for n in names + ["story"])
    heads = [c.replace("_accuracy", "_acc") for c in COLUMNS]
    lines = ["  ".join([f"{'story':<{width}}"] + [f"{h:>{max(8, len(h))}}" for h in heads])]
    rows = [[r[c] for c in COLUMNS] for r in reports]
    if len(reports) > 1:
        rows.append([round(sum(row[i] for row in rows) / len(rows), 3) if isinstance(rows[0][i], float)
                     else sum(row[i] for row in rows) for i in range(len(COLUMNS))])
    for name, row in zip(names, rows):
        cells = [f"{v:>{max(8, len(h))}.3f}" if isinstance(v, float) else f"{v:>{max(8, len(h))}}"
                 for v, h in zip(row, heads)]
        lines.append("  ".join([f"{name:<{width}}"] + cells))
    return "\n".join(lines)


def format_diagnosis(report: dict[str, Any]) -> str:
    d = report["diagnosis"]
    out = [f"== {report['story']}: {report['assertions']} assertions, {report['citations']} citations"]
    if report["ingest"]["returncode"]:
        out.append(f"  ingest exit {report['ingest']['returncode']}: " + " | ".join(report["ingest"]["stderr"][-3:]))
    for e in report["export_errors"][:5]:
        out.append(f"  export invalid: {e}")
    out += [f"  missed {m}" for m in report["missed"]]
    out += [f"  wrong status {w['gold']}: expected {w['expected']}, got {w['got']}" for w in d["wrong_status"]]
    out += [f"  not found {u['gold']} (expected {u['expected']})" for u in d["unfound_assertions"]]
    out += [f"  split {s['gold']}: {s['mentions_placed']} mentions in {s['exported_assertions']} assertions"
            for s in d["split"]]
    out += [f"  merged in {m['exported']}: {', '.join(m['gold'])}" for m in d["merged"]]
    out += [f"  value {v['gold']}: {v['file']}: expected {v['expected']}, got {v['got']} ({v['quote']})"
            for v in d["value_errors"]]
    out += [f"  attribution {a['gold']}: {a['file']}: expected {a['expected']!r}, got {a['got']!r}"
            for a in d["attribution_errors"]]
    out += [f"  noise cited {n}" for n in d["noise_cited"]]
    out += [f"  off-topic merged {n}" for n in d["off_topic_merged"]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", metavar="FOLDER", help="story folder(s) with articles and gold.json")
    parser.add_argument("--gold", help="gold annotation to use instead of FOLDER/gold.json (one folder only)")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    args = parser.parse_args(argv)
    if args.gold and len(args.folders) > 1:
        parser.error("--gold needs exactly one FOLDER")
    reports = []
    try:
        for folder in args.folders:
            reports.append(evaluate_folder(folder, args.gold))
    except EvaluationError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps([{k: v for k, v in r.items() if k != "export"} for r in reports], indent=1))
    else:
        print(format_table(reports))
        for r in reports:
            print()
            print(format_diagnosis(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
