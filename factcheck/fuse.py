"""Structured records for `factcheck fuse`: read, normalise, fuse, write.

A data journalist reconciling tables from several sources gives records (source,
object, value, optional time) in CSV or JSONL; the truth-discovery engine of
`factcheck.truth` picks each object's value and scores each source. Values are
compared through a named normaliser of `factcheck.cells` (number, text, authors,
exact); a value the normaliser rejects is a bad row, named by its line.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError, InputError
from factcheck.cells import get_normaliser, normalise_number
from factcheck.truth import Observation, TruthResult, discover_truth

REQUIRED = ("source", "object", "value")
OPTIONAL = ("time", "group")


@dataclass(frozen=True)
class FuseObject:
    object: str
    value: Any  # as written by its most common source
    key: Hashable  # normalised value
    confidence: float
    n_sources: int
    alternatives: tuple[tuple[Any, float], ...] = ()  # other values and their confidence


@dataclass(frozen=True)
class FuseSource:
    source: str
    credibility: float
    prior: float | None
    n_claims: int
    n_corroborated: int
    n_contradicted: int
    explanation: tuple[str, ...] = ()


@dataclass(frozen=True)
class FuseResult:
    normaliser: str
    objects: tuple[FuseObject, ...]
    sources: tuple[FuseSource, ...]
    iterations: int
    converged: bool
    skipped: int = 0  # records whose value is a placeholder (no claim)


# ---------------------------------------------------------------------------
# Reading.


def read_records(path: str | Path) -> tuple[list[Observation], list[str]]:
    """Records from CSV or JSONL (by extension, else by content), and the problems
    of bad rows as "line N: problem". Good rows are returned even if some are bad;
    an unreadable file, or one without a single good row, raises InputError."""
    rows, errors = read_rows(path)
    return [record for _, record in rows], errors


def read_rows(path: str | Path) -> tuple[list[tuple[int, Observation]], list[str]]:
    """As `read_records`, each record with the line it was read from."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"is not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror}") from None
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json") or (suffix != ".csv" and text.lstrip().startswith("{")):
        records, errors = _read_jsonl(text)
    else:
        records, errors = _read_csv(text)
    if not records:
        problem = errors[0] if errors else "no records"
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise InputError(str(path), f"no usable records: {problem}{more}")
    return records, errors


def _record(row: Mapping[str, Any], where: str) -> Observation | str:
    missing = [c for c in REQUIRED if row.get(c) is None or (isinstance(row.get(c), str) and not row[c].strip() and c != "value")]
    if missing:
        return f"{where}: missing {', '.join(missing)}"
    value = row["value"]
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return f"{where}: value must be a number or a string"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{where}: value is not a finite number"
    time = row.get("time")
    group = row.get("group")
    return Observation(
        source=str(row["source"]).strip(),
        object=str(row["object"]).strip(),
        value=value.strip() if isinstance(value, str) else value,
        time=None if time in (None, "") else str(time).strip(),
        group=None if group in (None, "") else str(group).strip(),
        raw=value.strip() if isinstance(value, str) else str(value),
    )


def _read_csv(text: str) -> tuple[list[tuple[int, Observation]], list[str]]:
    try:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        header = next(reader, None)
    except csv.Error as exc:
        return [], [f"line 1: malformed CSV header: {exc}"]
    if header is None:
        return [], ["line 1: the file is empty"]
    names = [h.strip().strip('"').strip().lower() for h in header]
    absent = [c for c in REQUIRED if c not in names]
    if absent:
        return [], [f"line 1: header lacks the column(s) {', '.join(absent)} (has {', '.join(names)})"]
    index = {c: names.index(c) for c in REQUIRED + OPTIONAL if c in names}
    records: list[tuple[int, Observation]] = []
    errors: list[str] = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(f"line {reader.line_num}: malformed CSV: {exc}")
            continue
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(names) and max(index.values()) >= len(row):
            errors.append(f"line {line}: {len(row)} fields, the header has {len(names)}")
            continue
        found = _record({c: row[i] for c, i in index.items() if i < len(row)}, f"line {line}")
        (errors.append(found) if isinstance(found, str) else records.append((line, found)))
    return records, errors


def _read_jsonl(text: str) -> tuple[list[tuple[int, Observation]], list[str]]:
    records: list[tuple[int, Observation]] = []
    errors: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {number}: invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(row, dict):
            errors.append(f"line {number}: expected a JSON object, got {type(row).__name__}")
            continue
        found = _record({k.lower(): v for k, v in row.items()}, f"line {number}")
        (errors.append(found) if isinstance(found, str) else records.append((number, found)))
    return records, errors


def normalise_records(
    records: Sequence[Observation], normaliser: str = "text", where: Sequence[str] | None = None
) -> tuple[list[Observation], list[str], int]:
    """Observations with normalised values; problems of values the normaliser rejects,
    each named by `where` (default "record N (source, object)"); and how many records
    were placeholders (no claim)."""
    norm = get_normaliser(normaliser)
    pairs = [(r.object, r.value) for r in records]
    if normaliser == "number":
        keys: list[Any] = []
        errors: list[str] = []
        for i, (_, raw) in enumerate(pairs):
            try:
                keys.append(normalise_number(raw))
            except ValueError as exc:
                keys.append(None)
                label = where[i] if where else f"record {i + 1} ({records[i].source}, {records[i].object})"
                errors.append(f"{label}: {exc}")
    else:
        keys, errors = norm.normalise_all(pairs), []
    out = []
    skipped = 0
    for record, key in zip(records, keys):
        if key is None:
            skipped += 1
            continue
        out.append(
            Observation(record.source, record.object, key, time=record.time, group=record.group, raw=record.raw)
        )
    return out, errors, skipped - len(errors)


def fuse(
    records: Sequence[Observation], normaliser: str = "text", priors: Mapping[str, float] | None = None
) -> FuseResult:
    """Choose each object's value and score each source from raw records."""
    observations, errors, skipped = normalise_records(records, normaliser)
    if errors:
        raise FactcheckError(f"{len(errors)} values are not valid for the {normaliser} normaliser; first: {errors[0]}")
    result = discover_truth(observations, similarity=get_normaliser(normaliser).similarity, priors=priors)
    return _fuse_result(normaliser, result, skipped)


def fuse_file(
    path: str | Path, normaliser: str = "text", priors: Mapping[str, float] | None = None
) -> tuple[FuseResult, list[str]]:
    """Fuse a CSV or JSONL file: the result of its good rows, and every bad row's
    problem as "line N: ..." (malformed, missing columns, or a value the normaliser
    rejects). Raises InputError when no row is usable."""
    rows, problems = read_rows(path)
    records = [record for _, record in rows]
    observations, rejected, skipped = normalise_records(
        records, normaliser, where=[f"line {line}" for line, _ in rows])
    problems = sorted(problems + rejected, key=_line_number)
    if not observations and rejected:
        raise InputError(str(path), f"no usable records: {rejected[0]}"
                         + (f" (and {len(rejected) - 1} more problems)" if len(rejected) > 1 else ""))
    result = discover_truth(observations, similarity=get_normaliser(normaliser).similarity, priors=priors)
    return _fuse_result(normaliser, result, skipped), problems


def _line_number(problem: str) -> int:
    found = re.match(r"line (\d+)", problem)
    return int(found.group(1)) if found else 0


def _fuse_result(normaliser: str, result: TruthResult, skipped: int) -> FuseResult:
    from factcheck.truth import explain

    def shown(v: Any) -> Any:
        # numbers are given as numbers; anything else as its most common wording
        if normaliser == "number":
            return int(v.value) if float(v.value).is_integer() and abs(v.value) < 2**53 else v.value
        return v.raw if v.raw is not None else v.value

    objects = []
    for obj in result.objects:
        top = obj.values[0]
        objects.append(
            FuseObject(
                object=obj.object,
                value=shown(top),
                key=top.value,
                confidence=obj.confidence,
                n_sources=len(top.sources),
                alternatives=tuple((shown(v), v.confidence) for v in obj.values[1:]),
            )
        )
    sources = tuple(
        FuseSource(s.name, s.credibility, s.prior, s.n_claims, s.n_corroborated, s.n_contradicted, explain(s))
        for s in result.sources
    )
    return FuseResult(normaliser, tuple(objects), sources, result.iterations, result.converged, skipped)


# ---------------------------------------------------------------------------
# Writing.


def fuse_result_dict(result: FuseResult) -> dict[str, Any]:
    """The result as plain JSON data (schemas/fuse.schema.json)."""
    return {
        "normaliser": result.normaliser,
        "iterations": result.iterations,
        "converged": result.converged,
        "skipped_placeholders": result.skipped,
        "objects": [
            {
                "object": o.object,
                "value": o.value,
                "confidence": o.confidence,
                "n_sources": o.n_sources,
                "alternatives": [{"value": v, "confidence": c} for v, c in o.alternatives],
            }
            for o in result.objects
        ],
        "sources": [
            {
                "source": s.source,
                "credibility": s.credibility,
                "prior": s.prior,
                "n_claims": s.n_claims,
                "n_corroborated": s.n_corroborated,
                "n_contradicted": s.n_contradicted,
                "explanation": list(s.explanation),
            }
            for s in result.sources
        ],
    }


CSV_COLUMNS = ("kind", "name", "value", "confidence", "credibility", "n_claims", "n_corroborated", "n_contradicted")


def write_fuse_result(result: FuseResult, fmt: str = "json") -> str:
    """The result as JSON, or as CSV with one row per object (kind=object: chosen value
    and confidence) and one per source (kind=source: credibility and counts)."""
    if fmt == "json":
        return json.dumps(fuse_result_dict(result), indent=2, ensure_ascii=False) + "\n"
    if fmt != "csv":
        raise FactcheckError(f"unknown format {fmt!r}: choose json or csv")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for o in result.objects:
        writer.writerow(["object", o.object, o.value, f"{o.confidence:.6g}", "", o.n_sources, "", ""])
    for s in result.sources:
        writer.writerow(
            ["source", s.source, "", "", f"{s.credibility:.6g}", s.n_claims, s.n_corroborated, s.n_contradicted]
        )
    return out.getvalue()
