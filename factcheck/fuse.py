"""Structured records for `factcheck fuse`: read, normalise, fuse, write.

A data journalist reconciling tables from several sources gives records (source,
object, value, optional time) in CSV or JSONL; the truth-discovery engine of
`factcheck.truth` picks each object's value and scores each source.

Values are compared through a named normaliser, which turns the text as written into
a key (equal keys are the same claim, None is no claim) and says how similar two keys
are (partial support):

* ``number``: numbers as cells hold them ("3,000", "$1.5", "12%", "2.93M", "1.2 million",
  "(1,234)", "312 people"); a figure and its rounding ("1,177" and "1,180") support each
  other fully, other numbers within 5 % in part;
* ``text``: case, accents, spacing and punctuation ignored; near-identical texts
  support each other in part;
* ``authors``: author lists, as a set of surnames whatever the order, initials,
  "last, first" or "first last" form and separators; lists sharing some authors
  support each other in part;
* ``exact``: the value as written.

Placeholders such as "Not Available", "n/a", "unknown" or an empty cell are no claim.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError, InputError
from factcheck.similarity import number_similarity
from factcheck.truth import Observation, TruthResult, discover_truth

REQUIRED = ("source", "object", "value")
OPTIONAL = ("time", "group")
PLACEHOLDERS = frozenset(
    {"", "not available", "n/a", "n.a.", "none", "null", "nil", "unknown", "-", "--", "?", "tbd", "tba"}
)
# Numbers closer than this relative difference support each other in part (rounding,
# units of the last digit); farther apart they only compete.
NUMBER_TOLERANCE = 0.05
# Texts at least this similar (rapidfuzz token_sort_ratio, 0-100) support each other in part.
TEXT_MIN_RATIO = 80.0


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


# ---------------------------------------------------------------------------
# Normalisers: (object, raw) pairs in, keys out (None: no claim); and a similarity.


def _fold(text: str) -> str:
    text = html.unescape(text).replace("\xa0", " ")
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _is_placeholder(raw: Any) -> bool:
    return isinstance(raw, str) and " ".join(_fold(raw).split()).strip(" .") in PLACEHOLDERS


# A number cell: sign or accounting parentheses, currency, digits (thousands grouped
# by commas, spaces or dots), a scale word or suffix, a percent sign, a unit; and an
# optional parenthesised aside ("+0.64 (+1.27%)", "1,204 (est.)").
_NUMBER_CELL = re.compile(
    r"^(?P<open>\()?\s*(?P<sign>[-+\u2212])?\s*(?P<currency>US\$|[$\u20ac\u00a3\u00a5\u20b9]|(?-i:[A-Z]{3})(?=[\s\d]))?\s*"
    r"(?P<sign2>[-+\u2212])?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+)"
    r"\s*(?P<scale>thousand|million|billion|trillion|mln|mn|bn|tn|[kKmMbBT](?![A-Za-z]))?"
    r"\s*(?P<percent>%|per\s*cent|percent)?"
    r"\s*(?P<unit>[^\W\d_][^\d()]*?|\u00b0[CF]?)?\s*(?P<close>\))?"
    r"\s*(?:\((?P<aside>[^()]*)\))?\s*$",
    re.IGNORECASE,
)
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
           "b": 1e9, "bn": 1e9, "billion": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12}


def normalise_number(raw: Any) -> float | None:
    """A number from a cell as people write them: 3000, "3,000", "3 000", "1.234.567",
    "$1.5", "12%", "2.93M", "£5m", "1.2 million", "(1,234)", "−4", "72 °F", "312 people",
    "+0.64 (+1.27%)"; None for placeholders; ValueError for anything else (words, ranges,
    two numbers)."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return float(raw)
    if _is_placeholder(raw):
        return None
    found = _NUMBER_CELL.match(str(raw).replace("\xa0", " ").strip())
    if not found or bool(found["open"]) != bool(found["close"]) or (found["sign"] and found["sign2"]):
        raise ValueError(f"{raw!r} is not a number")
    digits = found["digits"]
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", digits):
        digits = digits.replace(".", "")
    value = float(re.sub(r"[,\s\u00a0\u202f]", "", digits))
    scale = (found["scale"] or "").lower()
    # A bare lower-case "m" or "b" is a unit (metres, bytes) unless money is counted.
    if scale in ("m", "b") and found["scale"].islower() and not found["currency"]:
        scale = ""
    value *= _SCALES.get(scale, 1.0)
    if found["open"] or (found["sign"] or found["sign2"] or "+") in "-\u2212":
        value = -value
    if not math.isfinite(value):
        raise ValueError(f"{raw!r} is not a finite number")
    return float(f"{value:.12g}")


def number_key_similarity(a: Hashable, b: Hashable) -> float:
    return number_similarity(float(a), float(b), NUMBER_TOLERANCE)  # type: ignore[arg-type]


def normalise_text(raw: Any) -> str | None:
    """Case, accents, punctuation and spacing folded away; None for placeholders."""
    if _is_placeholder(raw):
        return None
    folded = _fold(str(raw))
    words = re.findall(r"\w+", folded)
    return " ".join(words) if words else None


def text_similarity(a: Hashable, b: Hashable) -> float:
    from rapidfuzz import fuzz

    ratio = fuzz.token_sort_ratio(str(a), str(b), processor=None)
    return ratio / 100.0 if ratio >= TEXT_MIN_RATIO else 0.0


# Author lists -----------------------------------------------------------------

_ROLE = re.compile(
    r"\(\s*(?:joint\s+)?(?:author|editor|ed|eds|translator|illustrator|contributor|compiler|foreword|introduction|photographer)s?\.?\s*\)"
    r"|\bby\s*\(\s*(?:author|editor)s?\s*\)|\bedited\s+by\b|\b(?:eds?|editors?)\.?(?=\s*(?:;|$))",
)
_INCOMPLETE = re.compile(r"\bet\.?\s*al\b\.?|\betc\b\.?|\band\s+others\b|\bmore\b\.\.\.|\.\.\.")
_SEPARATORS = re.compile(r"[;/|&+\n]|\band\b|\bwith\b")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "dr", "prof", "mr", "mrs", "ms"})
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "st", "mac", "mc", "bin", "ibn", "al"})


def _tokens(chunk: str) -> list[str]:
    """Name tokens of a chunk: letters only, suffixes dropped; initials keep a trailing '.'."""
    out = []
    for raw in re.split(r"[\s]+", chunk.strip()):
        word = re.sub(r"[^a-z'\-.]", "", raw).strip("'-")
        letters = re.sub(r"[^a-z]", "", word)
        if not letters or letters in _SUFFIXES:
            continue
        initial = len(letters) == 1 or (word.endswith(".") and len(letters) <= 2) or (
            "." in word.strip(".") and len(letters) <= 3
        )
        out.append(letters + "." if initial else letters)
    return out


def _is_initial(token: str) -> bool:
    return token.endswith(".")


def _surname(token_list: list[str]) -> str | None:
    names = [t for t in token_list if not _is_initial(t)]
    return names[-1] if names else None


def _parse_chunk(chunk: str, known: set[str]) -> list[str]:
    """Surnames in one separator-free chunk of an author list."""
    if "," in chunk:
        parts = [_tokens(p) for p in chunk.split(",")]
        parts = [p for p in parts if p]
        if not parts:
            return []
        if len(parts) >= 2 and all(len([t for t in p if not _is_initial(t)]) >= 2 for p in parts):
            # "First Last, First Last"
            return [s for p in parts if (s := _surname(p))]
        if len(parts) % 2 == 0 and all(len(parts[i]) == 1 or parts[i][0] in _PARTICLES for i in range(0, len(parts), 2)):
            # "Last, First, Last, First"
            return ["".join(t.strip(".") for t in parts[i] if t not in _PARTICLES) or parts[i][-1] for i in range(0, len(parts), 2)]
        # "Last, First Last, First ...": a part with several words ends with the next surname
        surnames = [_joined(parts[0])]
        for k, part in enumerate(parts[1:], start=1):
            last = k == len(parts) - 1
            if not last and len(part) >= 2 and not _is_initial(part[-1]):
                surnames.append(part[-1])
            elif not last and len(part) == 1 and not _is_initial(part[0]) and len(parts[k - 1]) >= 2:
                surnames.append(part[0])
        return [s for s in surnames if s]
    tokens = _tokens(chunk)
    names = [t for t in tokens if not _is_initial(t)]
    if not names:
        return []
    if len(names) == 1:
        return names
    # Names without separators: words other sources use as surnames for this object
    # decide; otherwise "First [M.] Last" groups.
    hits = [t for t in names if t in known]
    if hits:
        return hits
    if len(tokens) <= 3:
        return [names[-1]]
    surnames = []
    current: list[str] = []
    for t in tokens:
        current.append(t)
        if not _is_initial(t) and len([c for c in current if not _is_initial(c)]) >= 2:
            surnames.append(t)
            current = []
    if current and (s := _surname(current)):
        surnames.append(s)
    return surnames


def _joined(part: list[str]) -> str:
    names = [t for t in part if not _is_initial(t) and t not in _PARTICLES]
    return names[-1] if names else (part[-1].strip(".") if part else "")


def _chunks(raw: str) -> list[str]:
    text = _fold(raw)
    text = _ROLE.sub(";", text)
    text = _INCOMPLETE.sub(" ", text)
    text = re.sub(r"^\s*by\s+", "", text)
    return [c for c in _SEPARATORS.split(text) if c.strip(" ,.")]


def _unambiguous_surnames(raw: str) -> set[str]:
    """Surnames written in a form that leaves no doubt: "Last, First" chunks and lone words."""
    found = set()
    for chunk in _chunks(raw):
        if "," in chunk:
            head = _tokens(chunk.split(",")[0])
            if len(head) == 1 and not _is_initial(head[0]):
                found.add(head[0])
        else:
            tokens = _tokens(chunk)
            if len(tokens) == 1 and not _is_initial(tokens[0]):
                found.add(tokens[0])
    return found


def normalise_authors_all(pairs: Sequence[tuple[str, Any]]) -> list[tuple[str, ...] | None]:
    """Author lists to sorted tuples of surnames. Surnames that some record of the same
    object writes unambiguously ("Knuth, Donald") settle how others are read
    ("Knuth Donald", "Donald E. Knuth John Fuller")."""
    known: dict[str, set[str]] = defaultdict(set)
    for obj, raw in pairs:
        if not _is_placeholder(raw):
            known[obj] |= _unambiguous_surnames(str(raw))
    keys: list[tuple[str, ...] | None] = []
    for obj, raw in pairs:
        if _is_placeholder(raw):
            keys.append(None)
            continue
        surnames: set[str] = set()
        for chunk in _chunks(str(raw)):
            surnames.update(s for s in _parse_chunk(chunk, known[obj]) if len(s) > 1)
        keys.append(tuple(sorted(surnames)) or None)
    return keys


def authors_similarity(a: Hashable, b: Hashable) -> float:
    """Share of authors in common (Jaccard): a list naming only the first author
    supports the full list in part."""
    sa, sb = set(a), set(b)  # type: ignore[call-overload]
    union = sa | sb
    return len(sa & sb) / len(union) if union else 0.0


@dataclass(frozen=True)
class Normaliser:
    name: str
    normalise_all: Callable[[Sequence[tuple[str, Any]]], list[Any]]
    similarity: Callable[[Hashable, Hashable], float] | None


def _each(function: Callable[[Any], Any]) -> Callable[[Sequence[tuple[str, Any]]], list[Any]]:
    return lambda pairs: [function(raw) for _, raw in pairs]


def _exact(raw: Any) -> Any:
    return None if _is_placeholder(raw) else raw


NORMALISERS: dict[str, Normaliser] = {
    "authors": Normaliser("authors", normalise_authors_all, authors_similarity),
    "exact": Normaliser("exact", _each(_exact), None),
    "number": Normaliser("number", _each(normalise_number), number_key_similarity),
    "text": Normaliser("text", _each(normalise_text), text_similarity),
}


def get_normaliser(name: str) -> Normaliser:
    try:
        return NORMALISERS[name]
    except KeyError:
        raise FactcheckError(f"unknown normaliser {name!r}: choose from {', '.join(sorted(NORMALISERS))}") from None


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
