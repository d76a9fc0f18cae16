"""Reading articles from files into Documents, with their metadata.

Formats: `.txt`/`.md` (plain text as scraped), `.html`/`.htm` (main text and
metadata extracted with trafilatura, the `html` extra), `.json` (one article)
and `.jsonl` (one per line), validated by schemas/article.schema.json.

Metadata precedence, highest first: the JSON record itself; a sidecar
`NAME.meta.json`; a `manifest.json` in the file's folder; what the HTML page
declares; the URL's domain for the outlet; otherwise unknown. A missing date
stays None: it is never invented.

Every problem with one file is an InputError naming the file; callers collect
them and go on with the rest of the batch.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from factcheck.errors import FactcheckError, InputError, MissingExtraError
from factcheck.models import Document, content_id
from factcheck.validation import schema_errors

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
MANIFEST = "manifest.json"
SIDECAR_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a long article is ~100 KB; 20 MB is a mistake, not a story
# Share of letters among non-space characters below which text is not prose
# (binary noise decoded by luck, base64, tables of numbers).
MIN_LETTER_SHARE = 0.5
METADATA_FIELDS = ("outlet", "url", "title", "published", "author", "language")


@dataclass(frozen=True)
class Source:
    """One file to read, with the path as the user gave it (relative stays relative)."""

    path: Path
    display: str


@dataclass
class ReadResult:
    """What one file gave: documents, the problems found, and notes (non-fatal)."""

    source: Source
    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def discover(paths: Iterable[str]) -> tuple[list[Source], list[str], list[str]]:
    """Files to read under the given paths (folders walked recursively, sorted).

    Returns (sources, errors, notes): a missing path is an error; a file with an
    unknown extension found while walking a folder is skipped with a note, and
    named explicitly it is an error. Manifests and sidecars are metadata, not articles.
    """
    sources: list[Source] = []
    errors: list[str] = []
    notes: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or _is_metadata_file(name):
                        continue
                    child = Path(root) / name
                    display = os.path.join(given, os.path.relpath(child, path))
                    if child.suffix.lower() in SUFFIXES:
                        sources.append(Source(child, display))
                    else:
                        notes.append(f"{display}: skipped, unknown extension {child.suffix or '(none)'!r}")
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                sources.append(Source(path, given))
            else:
                errors.append(f"{given}: unknown extension {path.suffix or '(none)'!r} "
                              f"(expected one of {', '.join(sorted(SUFFIXES))})")
        elif path.exists():
            errors.append(f"{given}: not a regular file")
        else:
            errors.append(f"{given}: no such file or folder")
    return sources, errors, notes


def _is_metadata_file(name: str) -> bool:
    return name == MANIFEST or name.endswith(SIDECAR_SUFFIX)


def read_source(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read one file into documents; problems go into the result, never raised."""
    result = ReadResult(source)
    try:
        raw = _read_bytes(source, max_bytes)
        suffix = source.path.suffix.lower()
        text, note = decode(raw, source.display, prose=suffix in TEXT_SUFFIXES)
        if note:
            result.notes.append(note)
        fallback = _file_metadata(source)
        if suffix == ".jsonl":
            for lineno, record in _jsonl_records(text, source.display, result.errors):
                try:
                    _add(result, _record_document(record, source, fallback, where=f"line {lineno}"))
                except FactcheckError as error:
                    result.errors.append(str(error))
        elif suffix == ".json":
            record = _json_record(text, source.display)
            _add(result, _record_document(record, source, fallback))
        elif suffix in HTML_SUFFIXES:
            _add(result, _html_document(text, source, fallback))
        else:
            _add(result, _make_document(text, source.display, "txt" if suffix == ".txt" else "md", fallback))
    except FactcheckError as error:
        result.errors.append(str(error))
    return result


def _add(result: ReadResult, document: Document | None) -> None:
    if document is not None:
        result.documents.append(document)


def _read_bytes(source: Source, max_bytes: int) -> bytes:
    try:
        size = source.path.stat().st_size
        if size > max_bytes:
            raise InputError(source.display, f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                                             "(raise it with --max-bytes)")
        raw = source.path.read_bytes()
    except PermissionError:
        raise InputError(source.display, "permission denied") from None
    except IsADirectoryError:
        raise InputError(source.display, "is a folder, not a file") from None
    except OSError as error:
        raise InputError(source.display, f"cannot be read ({error.strerror or error})") from None
    if not raw.strip():
        raise InputError(source.display, "file is empty")
    return raw


def decode(raw: bytes, display: str, prose: bool = True) -> tuple[str, str | None]:
    """Text from bytes: UTF-8 (BOM dropped), else the encoding charset-normalizer detects;
    line endings as Python's text mode gives them.

    Returns (text, note) where the note says what was done when it was not UTF-8.
    """
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(display, "binary file (NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
        note = None
    except UnicodeDecodeError as error:
        from charset_normalizer import from_bytes

        best = _best_guess(from_bytes(raw))
        if best is None or best.encoding is None:
            raise InputError(display, f"not UTF-8 (bad byte at offset {error.start}) and no encoding "
                                      "could be detected") from None
        text = str(best)
        note = f"{display}: not UTF-8; decoded as {best.encoding} (detected)"
    # Newlines as Python's text mode reads them (universal newlines), so offsets
    # agree with `open(path).read()` on any platform's line endings.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if prose:
        _check_readable(text, display)
    return text, note


# Detector results whose "chaos" (mess) is this close to the least messy one are
# a tie; among them the most coherent language wins (short texts often rate a
# rare code page a hair less messy than Windows-1252).
CHAOS_TIE = 0.02


def _best_guess(results):
    candidates = [r for r in results if r.encoding]
    if not candidates:
        return None
    least = min(r.chaos for r in candidates)
    return max((r for r in candidates if r.chaos <= least + CHAOS_TIE), key=lambda r: (r.coherence, -r.chaos))


def _check_readable(text: str, display: str) -> None:
    visible = [c for c in text if not c.isspace()]
    if not visible:
        raise InputError(display, "file is empty")
    letters = sum(c.isalpha() for c in visible)
    if letters / len(visible) < MIN_LETTER_SHARE or sum(c == "\ufffd" for c in visible) > 0.01 * len(visible):
        raise InputError(display, f"does not look like text (only {letters / len(visible):.0%} letters)")


def _json_record(text: str, display: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(display, f"malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None


def _jsonl_records(text: str, display: str, errors: list[str]) -> Iterator[tuple[int, Any]]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as error:
            errors.append(f"{display}: malformed JSON at line {lineno}, column {error.colno}: {error.msg}")


def _record_document(record: Any, source: Source, fallback: dict[str, Any], where: str = "") -> Document | None:
    display = f"{source.display} ({where})" if where else source.display
    problems = schema_errors("article", record)
    if problems:
        raise InputError(display, f"does not match schemas/article.schema.json: {problems[0]}")
    metadata = {**fallback, **{k: record[k] for k in METADATA_FIELDS if record.get(k) is not None}}
    path = record.get("path") or (f"{source.display}#{where.split()[-1]}" if where else source.display)
    _check_readable(record["text"], display)
    return _make_document(record["text"], path, "json", metadata)


def _html_document(text: str, source: Source, fallback: dict[str, Any]) -> Document:
    try:
        import trafilatura
    except ImportError:
        raise MissingExtraError("html", "trafilatura") from None
    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                            favor_precision=True)
    if extracted is None:
        raise InputError(source.display, "no article text found in the HTML")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = data.get("text") or ""
    if not body.strip():
        raise InputError(source.display, "no article text found in the HTML")
    _check_readable(body, source.display)
    page = {
        "title": data.get("title"),
        "published": data.get("date"),
        "author": data.get("author"),
        "url": data.get("url"),
        "outlet": data.get("sitename"),
        "language": data.get("language"),
    }
    metadata = {**{k: v for k, v in page.items() if v}, **fallback}
    return _make_document(body, source.display, "html", metadata)


def _file_metadata(source: Source) -> dict[str, Any]:
    """Metadata from the sidecar, else the folder's manifest (sidecar wins field by field)."""
    metadata: dict[str, Any] = {}
    manifest = source.path.parent / MANIFEST
    if manifest.is_file():
        metadata.update(_manifest_index(str(manifest), manifest.stat().st_mtime_ns).get(source.path.name, {}))
    sidecar = source.path.with_name(source.path.stem + SIDECAR_SUFFIX)
    if sidecar.is_file():
        data = _load_metadata_json(sidecar, "article_meta")
        metadata.update({k: data[k] for k in METADATA_FIELDS if data.get(k) is not None})
    return metadata


@lru_cache(maxsize=64)
def _manifest_index(path: str, mtime_ns: int) -> dict[str, dict[str, Any]]:
    """A manifest read and validated once per folder (not once per file), by file name.

    `mtime_ns` is part of the cache key so an edited manifest is read again.
    """
    entries = _load_metadata_json(Path(path), "manifest").get("documents", [])
    return {entry["file"]: {k: entry[k] for k in METADATA_FIELDS if entry.get(k) is not None}
            for entry in entries}


def _load_metadata_json(path: Path, schema: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot be read ({error})") from None
    except json.JSONDecodeError as error:
        raise InputError(str(path), f"malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    problems = schema_errors(schema, data)
    if problems:
        raise InputError(str(path), f"does not match schemas/{schema}.schema.json: {problems[0]}")
    return data


def _make_document(text: str, path: str, fmt: str, metadata: dict[str, Any]) -> Document:
    url = metadata.get("url")
    outlet = metadata.get("outlet") or _domain(url)
    published = normalise_date(metadata.get("published"))
    return Document(
        id=content_id(text, path, outlet, url, metadata.get("title"), published, metadata.get("author")),
        path=path,
        text=text,
        format=fmt,
        outlet=outlet,
        url=url,
        title=metadata.get("title"),
        published=published,
        author=metadata.get("author"),
        language=metadata.get("language"),
    )


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return re.sub(r"^www\d*\.", "", host) or None


DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_date(value: Any) -> str | None:
    """An ISO date (or year-month, or year) from the start of a date or datetime string."""
    if not value:
        return None
    match = DATE_RE.match(str(value).strip())
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)
