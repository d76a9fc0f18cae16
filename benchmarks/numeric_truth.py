"""Numeric truth discovery: `factcheck fuse --normaliser number` against majority vote,
the median and the `truthdiscovery` package, on synthetic data with a known truth or
on a real data set.

Usage:
    python benchmarks/numeric_truth.py [--regime NAME ...] [--objects 2000] [--seed 1]
                                       [--write DIR] [--no-peers]
    python benchmarks/numeric_truth.py --records RECORDS.csv --truth TRUTH.csv [--no-peers]

The synthetic worlds (REGIMES: a control and four realistic ones, all run by default)
borrow the error patterns of the numeric data sets of the truth-discovery literature
(Stock and Flight of Li et al., "Truth finding on the deep web", VLDB 2012; Weather of
Li et al., CRH, SIGMOD 2014; Wikipedia city populations of Pasternack and Roth, 2010):

* every object has a true value and a history of earlier values;
* a source has a reliability (the chance it gives the current true value), a precision
  (significant digits, or exact) and a way of writing numbers ("1234567", "1,234,567",
  "1 234 567", "1.23 million", "1.23M");
* when it is wrong it gives a noisy value (a relative error of 1-50 %), a stale one
  (an earlier value of the object) or a scale slip (thousands for units, or the reverse);
  each source leans towards one kind of mistake;
* copiers repeat an original source's written value (mistakes included) on most of the
  objects they share with it and give their own value otherwise;
* a long tail of sources makes one or two claims each; objects have 1-20 sources,
  most of them few;
* in the dated regime each row has the year its figure held; half the stale figures
  carry their old year, half the current one (republished without an update).

Every method gets the same rows and is scored by one function: a chosen value is right
when it is within 1 % of the truth; the mean absolute relative error caps each object's
error at 1 (100 %) so that one scale slip (x1000) does not stand for the whole mean.
Each method sees one value per source and object: the source's latest by `time`.
factcheck reads the rows through `factcheck.fuse` (read_records, then fuse with the
`number` normaliser); the others get the values that normaliser produces. factcheck
also counts a claim dated before its object's newest claim for less, so dated data
get one more baseline, "newest majority" (majority vote among the newest claims).
"(closest claim)" is the ceiling: the claimed value nearest the truth.
`--records`/`--truth` run the same comparison on a public data set: CSV files with the
columns source,object,value[,time] and object,value. Standard library only, apart from
factcheck and (optionally) truthdiscovery; nothing is tuned to one data set.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import peers
from factcheck.cells import normalise_number, number_key_similarity
from factcheck.fuse import fuse, read_records
from factcheck.truth import Observation

# A chosen value within this relative distance of the truth is right.
ACCURATE = 0.01


@dataclass(frozen=True)
class Regime:
    """The shape of one synthetic world."""

    name: str
    about: str
    magnitude: tuple[float, float]  # true values are log-uniform in this range
    sources: int  # sources that cover many objects
    reliability: tuple[float, float]  # each such source's chance of the current value
    errors: Mapping[str, float]  # weights of noise, stale and scale mistakes
    copiers: int = 0
    originals: int = 1  # how many sources the copiers copy (each copier copies one)
    copy_rate: float = 0.9  # share of the shared objects on which a copier copies
    copy_coverage: float = 0.8  # share of its original's objects a copier also reports
    tail: float = 0.0  # chance that a slot of an object goes to a one- or two-claim source
    max_sources: int = 20
    skew: float = 1.5  # P(k sources) ~ k ** -skew on 1..max_sources (0: uniform)
    drift: tuple[float, float] = (-0.05, 0.1)  # relative change between successive values
    dated: bool = False  # rows carry the time the value was current
    precisions: Mapping[int, float] = field(default_factory=lambda: {0: 0.4, 4: 0.2, 3: 0.3, 2: 0.1})
    realistic: bool = True


REGIMES: dict[str, Regime] = {
    r.name: r
    for r in (
        Regime(
            "clean",
            "control: independent, mostly reliable sources, noise only, 1-10 sources an object",
            magnitude=(1e2, 1e7), sources=30, reliability=(0.7, 0.95),
            errors={"noise": 1.0}, skew=0.0, max_sources=10, realistic=False,
        ),
        Regime(
            "stock",
            "many sources an object, mixed forms and rounding, stale values and unit slips, some copiers",
            magnitude=(1e1, 1e8), sources=40, reliability=(0.55, 0.95),
            errors={"noise": 0.4, "stale": 0.4, "scale": 0.2}, copiers=12, originals=4, skew=0.3,
        ),
        Regime(
            "flight",
            "a few accurate sources, copy groups around less accurate ones, stale values",
            magnitude=(1e2, 1e5), sources=25, reliability=(0.45, 0.95),
            errors={"noise": 0.3, "stale": 0.7}, copiers=15, originals=3, skew=0.8,
        ),
        Regime(
            "weather",
            "noisy independent sources, few an object, a little copying",
            magnitude=(1e1, 1e4), sources=30, reliability=(0.5, 0.9),
            errors={"noise": 0.8, "stale": 0.2}, copiers=4, originals=2, skew=1.2, max_sources=10,
        ),
        Regime(
            "population",
            "long tail of one-claim editors, most objects 1-3 sources, stale figures, dated rows",
            magnitude=(1e3, 1e7), sources=40, reliability=(0.55, 0.95),
            errors={"noise": 0.3, "stale": 0.6, "scale": 0.1}, copiers=6, originals=3,
            tail=0.4, skew=2.0, dated=True,
        ),
    )
}


# ---------------------------------------------------------------------------
# Writing numbers as sources do.

STYLES = ("plain", "commas", "spaces", "words", "suffix")


def round_sig(value: float, digits: int) -> float:
    if value == 0 or digits <= 0:
        return value
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def _fixed(value: float, decimals: int) -> str:
    text = f"{value:.{max(decimals, 0)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def write_number(value: float, style: str, digits: int) -> str:
    """`value` as a source writes it: rounded to `digits` significant digits (0: as
    is) in one of STYLES."""
    if digits:
        value = round_sig(value, digits)
    exponent = int(math.floor(math.log10(abs(value)))) if value else 0
    decimals = (digits - 1 - exponent) if digits else max(0, 5 - exponent)
    if style in ("words", "suffix") and abs(value) >= 1e4:
        for scale, word, suffix in ((1e9, "billion", "B"), (1e6, "million", "M"), (1e3, "thousand", "K")):
            if abs(value) >= scale and (style == "suffix" or scale > 1e3):
                shown = value / scale
                places = (digits - 1 - (exponent - round(math.log10(scale)))) if digits else 6
                text = _fixed(shown, places)
                return f"{text} {word}" if style == "words" else f"{text}{suffix}"
    text = _fixed(value, decimals)
    if style in ("commas", "spaces", "words") and abs(value) >= 1e3:
        whole, _, frac = text.partition(".")
        sign = "-" if whole.startswith("-") else ""
        grouped = f"{int(whole.lstrip('-')):,}".replace(",", " " if style == "spaces" else ",")
        text = sign + grouped + (f".{frac}" if frac else "")
    return text


# ---------------------------------------------------------------------------
# Generating a world.


@dataclass
class Source:
    name: str
    reliability: float
    errors: dict[str, float]
    digits: int
    style: str
    weight: float = 1.0  # how often it covers an object
    original: str | None = None  # the source it copies


@dataclass(frozen=True)
class World:
    regime: str
    records: list[dict[str, str]]  # source, object, value[, time]
    truth: dict[str, float]


def _pick(rng: random.Random, weights: Mapping[object, float]) -> object:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _error_profile(rng: random.Random, errors: Mapping[str, float]) -> dict[str, float]:
    # each source leans to one kind of mistake, as real ones do (an outdated table,
    # a column in thousands), and sometimes makes the others
    lean = _pick(rng, errors)
    return {kind: w * (4.0 if kind == lean else 1.0) for kind, w in errors.items()}


def _new_source(rng: random.Random, regime: Regime, name: str, weight: float) -> Source:
    return Source(
        name=name,
        reliability=rng.uniform(*regime.reliability),
        errors=_error_profile(rng, regime.errors),
        digits=int(_pick(rng, regime.precisions)),  # type: ignore[call-overload]
        style=rng.choice(STYLES),
        weight=weight,
    )


def generate(regime: Regime, n_objects: int, seed: int) -> World:
    """One world of `regime`: rows as sources write them, and the true values."""
    rng = random.Random(f"{regime.name}:{seed}")
    # a few big sources cover most objects, as on the web (Zipf-like popularity)
    core = [_new_source(rng, regime, f"{regime.name}-s{i:03d}", 1.0 / (i + 1) ** 0.7) for i in range(regime.sources)]
    originals = rng.sample(core, min(regime.originals, len(core))) if regime.copiers else []
    copiers = []
    for i in range(regime.copiers):
        copier = _new_source(rng, regime, f"{regime.name}-c{i:03d}", 0.0)
        copier.original = originals[i % len(originals)].name
        copiers.append(copier)
    copiers_of: dict[str, list[Source]] = defaultdict(list)
    for c in copiers:
        copiers_of[c.original or ""].append(c)
    n_tail = 0
    lonely: list[Source] = []  # tail sources with one claim so far
    sizes = list(range(1, regime.max_sources + 1))
    size_weights = [k ** -regime.skew for k in sizes]
    records: list[dict[str, str]] = []
    truth: dict[str, float] = {}
    lo, hi = math.log(regime.magnitude[0]), math.log(regime.magnitude[1])
    for o in range(n_objects):
        obj = f"{regime.name}-o{o:05d}"
        current = math.exp(rng.uniform(lo, hi))
        current = round(current, 2) if current < 1e3 else float(round(current))
        history = [current]  # newest first
        for _ in range(3):
            history.append(history[-1] / (1.0 + rng.uniform(*regime.drift)))
        truth[obj] = current
        k = rng.choices(sizes, weights=size_weights)[0]
        chosen: list[Source] = []
        pool = list(core)
        for _ in range(k):
            if rng.random() < regime.tail:
                # the long tail: a new source, or the second claim of one
                if lonely and rng.random() < 0.3:
                    source = lonely.pop(rng.randrange(len(lonely)))
                else:
                    source = _new_source(rng, regime, f"{regime.name}-t{n_tail:05d}", 0.0)
                    n_tail += 1
                    lonely.append(source)
                if source not in chosen:
                    chosen.append(source)
            elif pool:
                source = rng.choices(pool, weights=[s.weight for s in pool])[0]
                pool.remove(source)
                chosen.append(source)
        written: dict[str, tuple[str, str | None]] = {}
        for source in chosen:
            written[source.name] = _claim(rng, regime, source, history)
        for source in list(chosen):
            for copier in copiers_of.get(source.name, ()):
                if len(written) >= regime.max_sources or rng.random() >= regime.copy_coverage:
                    continue
                copied = rng.random() < regime.copy_rate
                written[copier.name] = written[source.name] if copied else _claim(rng, regime, copier, history)
        for name in sorted(written):
            value, when = written[name]
            row = {"source": name, "object": obj, "value": value}
            if regime.dated:
                row["time"] = when or ""
            records.append(row)
    return World(regime.name, records, truth)


def _claim(rng: random.Random, regime: Regime, source: Source, history: list[float]) -> tuple[str, str | None]:
    """What `source` writes for an object whose values, newest first, are `history`;
    and the year that value was current (dated regimes)."""
    age = 0
    value = history[0]
    if rng.random() >= source.reliability:
        kind = _pick(rng, source.errors)
        if kind == "stale":
            age = rng.choices((1, 2, 3), weights=(6, 3, 1))[0]
            value = history[age]
        elif kind == "scale":
            value = value / 1000.0 if rng.random() < 0.7 else value * 1000.0
        else:
            error = math.exp(rng.uniform(math.log(0.01), math.log(0.5)))
            value = value * (1.0 + error if rng.random() < 0.5 else 1.0 - error)
    # half the stale figures carry the year they held, half the year they were
    # republished (a table copied forward without an update)
    dated_age = age if rng.random() < 0.5 else 0
    return write_number(value, source.style, source.digits), (str(2024 - 5 * dated_age) if regime.dated else None)


# ---------------------------------------------------------------------------
# Reading files (a world written out, or a public data set).


def write_world(world: World, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    records_path = folder / f"{world.regime}.records.csv"
    truth_path = folder / f"{world.regime}.truth.csv"
    columns = ["source", "object", "value"] + (["time"] if world.records and "time" in world.records[0] else [])
    with records_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(world.records)
    with truth_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["object", "value"])
        for obj, value in sorted(world.truth.items()):
            writer.writerow([obj, repr(value)])
    return records_path, truth_path


def read_truth(path: Path) -> dict[str, float]:
    truth = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [h.strip().lower() for h in next(reader, [])]
        obj_col = header.index("object") if "object" in header else 0
        val_col = header.index("value") if "value" in header else 1
        for row in reader:
            if len(row) <= max(obj_col, val_col):
                continue
            try:
                value = normalise_number(row[val_col])
            except ValueError:
                continue
            if value is not None:
                truth[row[obj_col].strip()] = value
    return truth


def usable_records(path: Path) -> tuple[list[Observation], int]:
    """Rows through factcheck's reader; rows whose value is not a number are dropped
    for every method alike (and counted)."""
    records, problems = read_records(path)
    kept = []
    for r in records:
        try:
            normalise_number(r.value)
        except ValueError:
            continue
        kept.append(r)
    return kept, len(problems) + len(records) - len(kept)


def latest_values(records: Sequence[Observation]) -> dict[str, dict[str, float]]:
    """object -> source -> the source's latest number (placeholders are no claim)."""
    newest: dict[tuple[str, str], tuple[str, float]] = {}
    for r in records:
        value = normalise_number(r.value)
        if value is None:
            continue
        key = (r.object, r.source)
        stamp = r.time or ""
        if key not in newest or stamp >= newest[key][0]:
            newest[key] = (stamp, value)
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for (obj, source), (_, value) in newest.items():
        out[obj][source] = value
    return out


# ---------------------------------------------------------------------------
# Methods and the one scoring function.


def score(chosen: Mapping[str, float], truth: Mapping[str, float]) -> tuple[float, float]:
    """Accuracy (within ACCURATE of the truth) and mean absolute relative error (each
    object's capped at 1); an object without an answer is wrong with error 1."""
    right = 0
    errors = []
    for obj, true in truth.items():
        if obj not in chosen:
            errors.append(1.0)
            continue
        error = abs(chosen[obj] - true) / abs(true) if true else float(chosen[obj] != 0)
        right += error <= ACCURATE
        errors.append(min(error, 1.0))
    return right / len(truth), sum(errors) / len(errors)


def majority(values: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    # ties go to the smallest value, so the answer does not depend on input order
    return {obj: min(Counter(by.values()).items(), key=lambda kv: (-kv[1], kv[0]))[0] for obj, by in values.items()}


def newest(records: Sequence[Observation], values: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    """Majority vote among the claims of an object's newest date (all of them if
    no row is dated)."""
    stamp: dict[tuple[str, str], str] = {}
    for r in records:
        key = (r.object, r.source)
        stamp[key] = max(stamp.get(key, ""), r.time or "")
    latest = {obj: max(stamp[(obj, s)] for s in by) for obj, by in values.items()}
    return majority(
        {obj: {s: v for s, v in by.items() if stamp[(obj, s)] == latest[obj]} for obj, by in values.items()}
    )


def median(values: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    return {obj: statistics.median_low(by.values()) for obj, by in values.items()}


CEILING = "(closest claim)"


def closest(values: Mapping[str, Mapping[str, float]], truth: Mapping[str, float]) -> dict[str, float]:
    """The claimed value nearest the truth: what a method that always picked right
    among the claims would score (the ceiling)."""
    return {
        obj: min(by.values(), key=lambda v: (abs(v - truth[obj]), v)) for obj, by in values.items() if obj in truth
    }


def run_factcheck(records: Sequence[Observation]) -> dict[str, float]:
    result = fuse(records, normaliser="number")
    return {o.object: float(o.key) for o in result.objects}  # type: ignore[arg-type]


def run_peers(values: Mapping[str, Mapping[str, float]]) -> dict[str, tuple[dict[str, float], float]] | str:
    """The truthdiscovery package's algorithms, values as categorical keys (TruthFinder
    also gets the partial support factcheck's number normaliser gives close numbers)."""
    triples = sorted((source, obj, value) for obj, by in values.items() for source, value in by.items())
    return peers.run_peers(triples, number_key_similarity)


@dataclass(frozen=True)
class Row:
    method: str
    accuracy: float
    error: float
    seconds: float


def compare(records: Sequence[Observation], truth: Mapping[str, float], peers: bool) -> tuple[list[Row], str]:
    values = latest_values(records)
    rows = []
    plain: list[tuple[str, Callable[[], dict[str, float]]]] = [
        ("factcheck", lambda: run_factcheck(records)),
        ("majority vote", lambda: majority(values)),
        ("median", lambda: median(values)),
    ]
    if any(r.time for r in records):
        plain.append(("newest majority", lambda: newest(records, values)))
    for name, method in plain:
        start = time.perf_counter()
        chosen = method()
        seconds = time.perf_counter() - start
        rows.append(Row(name, *score(chosen, truth), seconds))
    note = ""
    if peers:
        found = run_peers(values)
        if isinstance(found, str):
            note = found
        else:
            rows += [Row(name, *score(chosen, truth), seconds) for name, (chosen, seconds) in found.items()]
    rows.append(Row(CEILING, *score(closest(values, truth), truth), 0.0))
    return rows, note


def describe(records: Sequence[Observation], truth: Mapping[str, float]) -> str:
    values = latest_values(records)
    per_source = Counter(r.source for r in records)
    sizes = [len(by) for by in values.values()]
    return (
        f"{len(records)} rows, {len(values)} objects ({len(truth)} with truth), {len(per_source)} sources "
        f"({sum(1 for n in per_source.values() if n <= 2)} with 1-2 rows); sources an object: "
        f"median {statistics.median(sizes) if sizes else 0:g}, {sum(1 for n in sizes if n == 1)} with one"
    )


def print_table(blocks: list[tuple[str, str, list[Row], str]]) -> None:
    methods = list(dict.fromkeys(row.method for _, _, rows, _ in blocks for row in rows))
    methods = [m for m in methods if m != CEILING] + [CEILING]
    names = [name for name, _, _, _ in blocks]
    width = max(9, *(len(n) for n in names))
    for title, figure, fmt in (("accuracy (within 1 %)", "accuracy", ".3f"), ("MARE (capped at 1)", "error", ".4f"),
                               ("seconds", "seconds", ".2f")):
        print()
        print(f"{title:<18} " + " ".join(f"{n:>{width}}" for n in names))
        for method in methods:
            cells = []
            for _, _, rows, _ in blocks:
                found = [r for r in rows if r.method == method]
                cells.append(f"{getattr(found[0], figure):>{width}{fmt}}" if found else f"{'-':>{width}}")
            print(f"{method:<18} " + " ".join(cells))
    notes = sorted({note for _, _, _, note in blocks if note})
    for note in notes:
        print(f"peers: {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regime", nargs="+", choices=sorted(REGIMES), help="synthetic regimes to run (default: all)")
    parser.add_argument("--objects", type=int, default=2000, help="objects per synthetic regime")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--write", type=Path, help="also write each world's records and truth CSV here")
    parser.add_argument("--records", type=Path, help="a real data set: CSV source,object,value[,time]")
    parser.add_argument("--truth", type=Path, help="its true values: CSV object,value")
    parser.add_argument("--no-peers", action="store_true", help="skip the truthdiscovery algorithms")
    args = parser.parse_args(argv)
    if bool(args.records) != bool(args.truth):
        parser.error("--records and --truth go together")
    blocks = []
    if args.records:
        records, dropped = usable_records(args.records)
        given = read_truth(args.truth)
        claimed = {r.object for r in records}
        # an object nobody claims cannot be answered by any method: it is left out
        truth = {obj: value for obj, value in given.items() if obj in claimed}
        if not truth:
            parser.error(f"{args.truth}: no object,value row with a number for an object of {args.records}")
        print(
            f"{args.records.name}: {describe(records, truth)}; {dropped} rows without a number dropped, "
            f"{len(given) - len(truth)} true values for objects without claims left out"
        )
        rows, note = compare(records, truth, not args.no_peers)
        blocks.append((args.records.stem, "", rows, note))
    else:
        with tempfile.TemporaryDirectory() as scratch:
            folder = args.write or Path(scratch)
            for name in args.regime or list(REGIMES):
                regime = REGIMES[name]
                world = generate(regime, args.objects, args.seed)
                records_path, _ = write_world(world, folder)
                records, _ = usable_records(records_path)
                flag = "" if regime.realistic else " [control]"
                print(f"{name}{flag}: {regime.about}\n    {describe(records, world.truth)}")
                rows, note = compare(records, world.truth, not args.no_peers)
                blocks.append((name, regime.about, rows, note))
    print_table(blocks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
