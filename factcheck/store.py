"""All of factcheck's SQL: the database shape as data, and reads and writes.

The shape (tables, foreign keys, full-text search, views) is declared below and
applied idempotently by `open_db`; later changes go through MIGRATIONS, each
applied once and recorded in `_migrations`. Writes take one IMMEDIATE
transaction each, with WAL and a busy timeout, so two ingests into one database
at once both succeed and a failure never leaves half a document.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

import sqlite_utils

from factcheck.errors import StoreError
from factcheck.models import Assertion, Claim, Document, Match, Sentence, Source

DEFAULT_DB = os.path.join("db", "factcheck.db")
BUSY_TIMEOUT_MS = 60_000

TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "columns": {
            "id": str, "path": str, "outlet": str, "url": str, "title": str, "published": str,
            "author": str, "language": str, "format": str, "text": str, "n_chars": int,
            "n_sentences": int, "n_furniture": int, "n_off_topic": int, "n_claims": int,
            "ingested_at": str, "superseded_by": str, "story": str,
        },
        "pk": "id",
        "foreign_keys": [("superseded_by", "documents", "id")],
        "fts": ["title", "text"],
    },
    "sentences": {
        "columns": {"id": str, "document_id": str, "idx": int, "start": int, "end": int,
                    "line": int, "flag": str, "reason": str, "text": str},
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id")],
    },
    "claims": {
        "columns": {
            "id": str, "document_id": str, "sentence_id": str, "start": int, "end": int,
            "text": str, "kind": str, "value": float, "low": float, "high": float,
            "qualifier": str, "counted": str, "subject": str, "attributed_to": str,
            "relay": str, "as_of": str, "as_of_precision": str, "modality": str,
            "predicate": str, "entities": str, "check_worthiness": float, "features": str,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id"), ("sentence_id", "sentences", "id")],
        "fts": ["text", "attributed_to", "counted"],
    },
    "matches": {
        "columns": {"claim_a": str, "claim_b": str, "similarity": float, "relation": str},
        "pk": ("claim_a", "claim_b"),
        "foreign_keys": [("claim_a", "claims", "id"), ("claim_b", "claims", "id")],
    },
    "assertions": {
        "columns": {
            "id": str, "kind": str, "label": str, "status": str, "confidence": float,
            "n_claims": int, "n_outlets": int, "n_independent_sources": int,
            "best_value": float, "reasons": str,
        },
        "pk": "id",
        "fts": ["label"],
    },
    "assertion_claims": {
        "columns": {"assertion_id": str, "claim_id": str},
        "pk": ("assertion_id", "claim_id"),
        "foreign_keys": [("assertion_id", "assertions", "id"), ("claim_id", "claims", "id")],
    },
    "assertion_values": {
        "columns": {
            "id": str, "assertion_id": str, "value": float, "low": float, "high": float,
            "qualifier": str, "as_of": str, "modality": str, "confidence": float,
            "n_claims": int, "outlets": str, "sources": str, "claim_ids": str,
        },
        "pk": "id",
        "foreign_keys": [("assertion_id", "assertions", "id")],
    },
    "sources": {
        "columns": {
            "name": str, "kind": str, "credibility": float, "prior": float, "n_claims": int,
            "n_corroborated": int, "n_contradicted": int, "explanation": str,
        },
        "pk": ("name", "kind"),
    },
    "source_priors": {"columns": {"name": str, "prior": float, "note": str}, "pk": "name"},
    "template_lines": {
        "columns": {"outlet": str, "line": str, "document_id": str},
        "pk": ("outlet", "line", "document_id"),
    },
}

VIEWS: dict[str, str] = {
    "citations": """
        select ac.assertion_id, a.label as assertion, a.status, c.id as claim_id, c.kind,
               d.outlet, d.published, d.url, d.path, c.start, c."end", c.text as quote,
               c.value, c.qualifier, c.counted, c.attributed_to, c.as_of, c.modality,
               c.rowid as claim_rowid
        from assertion_claims ac
        join assertions a on a.id = ac.assertion_id
        join claims c on c.id = ac.claim_id
        join documents d on d.id = c.document_id""",
    "contradictions": """
        select a.id, a.label, a.confidence, a.n_outlets, a.n_independent_sources, a.best_value,
               a.reasons,
               (select group_concat(v.value || ' (' || v.outlets || ')', '; ')
                from assertion_values v where v.assertion_id = a.id) as values_reported,
               a.rowid as assertion_rowid
        from assertions a where a.status = 'contradicted'""",
    "single_source_numbers": """
        select a.id, a.label, a.best_value, a.confidence, c.attributed_to, d.outlet, c.text as quote,
               c.id as claim_id, d.published, d.path, c.start, c."end", c.rowid as claim_rowid
        from assertions a
        join assertion_claims ac on ac.assertion_id = a.id
        join claims c on c.id = ac.claim_id
        join documents d on d.id = c.document_id
        where a.status = 'single-source' and a.kind = 'numeric'""",
    "source_scorecard": """
        select name, kind, round(credibility, 3) as credibility, prior, n_claims,
               n_corroborated, n_contradicted
        from sources order by credibility desc, n_claims desc""",
    "stories": """
        select story, count(*) as n_documents, count(distinct outlet) as n_outlets,
               min(published) as first_published, max(published) as last_published,
               (select title from documents t where t.story = d.story and t.superseded_by is null
                order by published, id limit 1) as first_title
        from documents d where superseded_by is null and story is not null
        group by story order by n_documents desc""",
    "current_documents": """
        select id, path, outlet, published, title, author, url, story, n_sentences, n_furniture,
               n_off_topic, n_claims
        from documents where superseded_by is null""",
}

# Named migrations, applied once each in order: (name, SQL statements).
# A new database gets every column from TABLES and records all of these as done.
MIGRATIONS: list[tuple[str, list[str]]] = [
    ("0001-documents-story", ["alter table documents add column story text"]),
]


def db_path(given: str | None) -> str:
    """The database path: --db, else $FACTCHECK_DB, else db/factcheck.db."""
    return given or os.environ.get("FACTCHECK_DB") or DEFAULT_DB


def open_db(path: str | None = None, create: bool = True) -> sqlite_utils.Database:
    """Open (and if needed create) a factcheck database with its full shape applied."""
    path = db_path(path)
    if not create and not Path(path).exists():
        raise StoreError(f"{path}: no database here yet (run `factcheck ingest` first, or pass --db)")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")
        _enable_wal(conn)
        conn.execute("pragma foreign_keys = on")
        db = sqlite_utils.Database(conn)
        apply_schema(db)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: cannot be used as a factcheck database ({error})") from None
    return db


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, retrying: SQLite answers a journal-mode change that races
    another connection opening the same new file with an immediate "locked",
    without calling the busy handler."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("pragma journal_mode = wal")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


@contextlib.contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One IMMEDIATE transaction: all or nothing, waiting politely for other writers."""
    db.execute("begin immediate")
    try:
        yield db
    except BaseException:
        db.execute("rollback")
        raise
    else:
        db.execute("commit")


def apply_schema(db: sqlite_utils.Database) -> None:
    """Create what is missing (tables, indexes, FTS with triggers, views, migrations)."""
    if set(TABLES) <= set(db.table_names()) and _views_current(db) and _migrated(db):
        return
    with write(db):
        fresh = "documents" not in db.table_names()
        for name, spec in TABLES.items():
            if name not in db.table_names():
                db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys", []))
                for column, *_ in spec.get("foreign_keys", []):
                    db[name].create_index([column], if_not_exists=True)
                if spec.get("fts"):
                    db[name].enable_fts(spec["fts"], create_triggers=True, tokenize="porter")
        db["sentences"].create_index(["document_id", "start"], if_not_exists=True)
        db["claims"].create_index(["kind"], if_not_exists=True)
        db["assertions"].create_index(["status"], if_not_exists=True)
        db["documents"].create_index(["path"], if_not_exists=True)
        for name, sql in VIEWS.items():
            db.create_view(name, sql.strip(), replace=True)
        db.execute("create table if not exists _migrations (name text primary key)")
        done = {row[0] for row in db.execute("select name from _migrations").fetchall()}
        if fresh:
            done = {name for name, _ in MIGRATIONS}
            db.execute("delete from _migrations")
            for name in sorted(done):
                db.execute("insert into _migrations (name) values (?)", [name])
        for name, statements in MIGRATIONS:
            if name not in done:
                for statement in statements:
                    db.execute(statement)
                db.execute("insert into _migrations (name) values (?)", [name])


def _views_current(db: sqlite_utils.Database) -> bool:
    """Every declared view exists with the declared SQL (views are recreated when it changes)."""
    stored = dict(db.execute("select name, sql from sqlite_master where type = 'view'").fetchall())
    return all(name in stored and sql.strip() in stored[name] for name, sql in VIEWS.items())


def _migrated(db: sqlite_utils.Database) -> bool:
    if "_migrations" not in db.table_names():
        return False
    done = {row[0] for row in db.execute("select name from _migrations").fetchall()}
    return all(name in done for name, _ in MIGRATIONS)


# -- documents ---------------------------------------------------------------


def has_document(db: sqlite_utils.Database, document_id: str) -> bool:
    return db.execute("select 1 from documents where id = ?", [document_id]).fetchone() is not None


def save_document(
    db: sqlite_utils.Database,
    document: Document,
    sentences: Sequence[Sentence],
    claims: Sequence[Claim],
    ingested_at: str,
    site: str | None = None,
    template_lines: Iterable[str] = (),
) -> list[str]:
    """Store one document with its sentences, claims and short lines in one transaction.

    `template_lines` (keys of the page's short lines) are recorded under `site`, the
    outlet, for template detection on its later pages. Earlier current versions with
    the same path are marked superseded and their claims removed from the analysis.
    Returns the ids of the superseded versions.
    """
    with write(db):
        older = [row[0] for row in db.execute(
            "select id from documents where path = ? and id != ? and superseded_by is null",
            [document.path, document.id]).fetchall()]
        row = _shallow(document)
        row.update(
            n_chars=len(document.text), n_sentences=len(sentences),
            n_furniture=sum(s.flag == "furniture" for s in sentences),
            n_off_topic=sum(s.flag == "off_topic" for s in sentences),
            n_claims=len(claims), ingested_at=ingested_at, superseded_by=None,
        )
        db["documents"].insert(row, pk="id", replace=True)
        db["sentences"].insert_all(
            ({**_row(s), "idx": s.index} for s in sentences), pk="id", replace=True,
        )
        db["claims"].insert_all((_claim_row(c) for c in claims), pk="id", replace=True)
        db["template_lines"].insert_all(
            ({"outlet": site, "line": line, "document_id": document.id} for line in template_lines),
            pk=("outlet", "line", "document_id"), ignore=True)
        for old in older:
            _drop_analysis_of(db, old)
            db.execute("update documents set superseded_by = ? where id = ?", [document.id, old])
        return older


def _drop_analysis_of(db: sqlite_utils.Database, document_id: str) -> None:
    ids = "select id from claims where document_id = ?"
    db.execute(f"delete from matches where claim_a in ({ids}) or claim_b in ({ids})", [document_id, document_id])
    db.execute(f"delete from assertion_claims where claim_id in ({ids})", [document_id])
    db.execute("delete from claims where document_id = ?", [document_id])


def _shallow(value: Any) -> dict[str, Any]:
    """A dataclass as a dict of its fields, without `asdict`'s deep copy (a tenth of
    an ingest's time spent copying strings nothing mutates)."""
    return {f.name: getattr(value, f.name) for f in fields(value)}


def _row(value: Any) -> dict[str, Any]:
    row = _shallow(value)
    row.pop("index", None)
    return row


def _claim_row(claim: Claim) -> dict[str, Any]:
    row = _shallow(claim)
    row["entities"] = json.dumps(list(claim.entities), ensure_ascii=False)
    row["features"] = json.dumps(list(claim.features), ensure_ascii=False)
    return row


def current_documents(db: sqlite_utils.Database) -> dict[str, Document]:
    names = [f.name for f in fields(Document)]
    rows = db.execute(
        f"select {', '.join(names)} from documents where superseded_by is null order by path, id"
    ).fetchall()
    return {row[0]: Document(*row) for row in rows}


def current_claims(db: sqlite_utils.Database) -> list[Claim]:
    names = [f.name for f in fields(Claim)]
    cols = ", ".join(f'c."{n}"' for n in names)
    rows = db.execute(
        f"select {cols} from claims c join documents d on d.id = c.document_id "
        "where d.superseded_by is null order by c.document_id, c.start, c.id"
    ).fetchall()
    return [_claim_from_row(dict(zip(names, row))) for row in rows]


def _claim_from_row(row: dict[str, Any]) -> Claim:
    row["entities"] = tuple(json.loads(row["entities"] or "[]"))
    row["features"] = tuple(json.loads(row["features"] or "[]"))
    return Claim(**row)


def template_line_counts(db: sqlite_utils.Database, outlet: str) -> dict[str, int]:
    """For one outlet: on how many stored pages each short line appears."""
    return dict(db.execute(
        "select line, count(*) from template_lines where outlet = ? group by line", [outlet]).fetchall())


# -- analysis ------------------------------------------------------------------


def save_analysis(
    db: sqlite_utils.Database,
    matches: Sequence[Match],
    assertions: Sequence[Assertion],
    sources: Sequence[Source],
    stories: Mapping[str, str] | None = None,
) -> None:
    """Replace the corpus-wide analysis (stories, matches, assertions, values, sources) at once."""
    with write(db):
        if stories is not None:
            db.execute("update documents set story = null where story is not null")
            db.conn.executemany("update documents set story = ? where id = ?",
                           [(story, document_id) for document_id, story in sorted(stories.items())])
        for table in ("assertion_values", "assertion_claims", "assertions", "matches", "sources"):
            db.execute(f"delete from {table}")
        db["matches"].insert_all((_shallow(m) for m in matches), pk=("claim_a", "claim_b"), replace=True)
        db["assertions"].insert_all((
            {
                "id": a.id, "kind": a.kind, "label": a.label, "status": a.status,
                "confidence": a.confidence, "n_claims": len(a.claim_ids), "n_outlets": a.n_outlets,
                "n_independent_sources": a.n_independent_sources, "best_value": a.best_value,
                "reasons": json.dumps(list(a.reasons), ensure_ascii=False),
            } for a in assertions), pk="id", replace=True)
        db["assertion_claims"].insert_all(
            ({"assertion_id": a.id, "claim_id": c} for a in assertions for c in a.claim_ids),
            pk=("assertion_id", "claim_id"), replace=True)
        db["assertion_values"].insert_all((
            {
                "id": f"{a.id}:{i}", "assertion_id": a.id, "value": v.value, "low": v.low,
                "high": v.high, "qualifier": v.qualifier, "as_of": v.as_of, "modality": v.modality,
                "confidence": v.confidence, "n_claims": len(v.claim_ids),
                "outlets": ", ".join(v.outlets), "sources": ", ".join(v.sources),
                "claim_ids": json.dumps(list(v.claim_ids)),
            } for a in assertions for i, v in enumerate(a.values)), pk="id", replace=True)
        db["sources"].insert_all((
            {**_shallow(s), "explanation": json.dumps(list(s.explanation), ensure_ascii=False)}
            for s in sources), pk=("name", "kind"), replace=True)


def load_assertions(db: sqlite_utils.Database, ids: Sequence[str] | None = None) -> list[Assertion]:
    """Assertions with their values and member claim ids, sorted by id: all, or those with `ids`."""
    from factcheck.models import AssertionValue

    if ids is not None and not ids:
        return []
    where, params = "", []
    if ids is not None:
        where, params = f"where assertion_id in ({', '.join('?' for _ in ids)})", list(ids)
    values: dict[str, list[AssertionValue]] = {}
    for row in db.query(f"select * from assertion_values {where} order by assertion_id, id", params):
        values.setdefault(row["assertion_id"], []).append(AssertionValue(
            value=row["value"], low=row["low"], high=row["high"], qualifier=row["qualifier"],
            claim_ids=tuple(json.loads(row["claim_ids"] or "[]")),
            outlets=tuple(_split(row["outlets"])), sources=tuple(_split(row["sources"])),
            as_of=row["as_of"], modality=row["modality"], confidence=row["confidence"] or 0.0))
    members: dict[str, list[str]] = {}
    for assertion_id, claim_id in db.execute(
            f"select assertion_id, claim_id from assertion_claims {where} order by assertion_id, claim_id",
            params).fetchall():
        members.setdefault(assertion_id, []).append(claim_id)
    rows = db.query(f"select * from assertions {where.replace('assertion_id', 'id')} order by id", params)
    return [Assertion(
        id=row["id"], kind=row["kind"], label=row["label"], status=row["status"],
        confidence=row["confidence"] or 0.0, claim_ids=tuple(members.get(row["id"], ())),
        n_outlets=row["n_outlets"] or 0, n_independent_sources=row["n_independent_sources"] or 0,
        values=tuple(values.get(row["id"], ())), reasons=tuple(json.loads(row["reasons"] or "[]")),
        best_value=row["best_value"]) for row in rows]


def load_sources(db: sqlite_utils.Database) -> list[Source]:
    return [
        Source(name=r["name"], kind=r["kind"], credibility=r["credibility"], prior=r["prior"],
               n_claims=r["n_claims"] or 0, n_corroborated=r["n_corroborated"] or 0,
               n_contradicted=r["n_contradicted"] or 0,
               explanation=tuple(json.loads(r["explanation"] or "[]")))
        for r in db.query("select * from sources order by credibility desc, name, kind")
    ]


def _split(value: str | None) -> list[str]:
    return [part for part in (value or "").split(", ") if part]


def load_priors(db: sqlite_utils.Database) -> dict[str, float]:
    return {r["name"]: r["prior"] for r in db.query("select name, prior from source_priors")}


def set_priors(db: sqlite_utils.Database, priors: Mapping[str, float], note: str | None = None) -> None:
    with write(db):
        db["source_priors"].insert_all(
            ({"name": n, "prior": p, "note": note} for n, p in priors.items()), pk="name", replace=True)


# -- reading for the CLI -------------------------------------------------------


def list_documents(db: sqlite_utils.Database, include_superseded: bool = False) -> list[dict[str, Any]]:
    where = "" if include_superseded else "where superseded_by is null"
    return list(db.query(
        "select id, path, outlet, published, title, n_sentences, n_furniture, n_off_topic, "
        f"n_claims, superseded_by from documents {where} order by path, ingested_at"))


def find_claims(
    db: sqlite_utils.Database,
    document: str | None = None,
    kind: str | None = None,
    min_worthiness: float | None = None,
    search: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    sql = ["select c.*, d.outlet, d.path, d.published from claims c join documents d on d.id = c.document_id",
           "where d.superseded_by is null"]
    params: list[Any] = []
    if document:
        sql.append("and (d.id = ? or d.path = ? or d.id like ?)")
        params += [document, document, f"{document}%"]
    if kind:
        sql.append("and c.kind = ?")
        params.append(kind)
    if min_worthiness is not None:
        sql.append("and c.check_worthiness >= ?")
        params.append(min_worthiness)
    if search:
        sql.append("and c.rowid in (select rowid from claims_fts where claims_fts match ?)")
        params.append(db.quote_fts(search))
    sql.append("order by d.path, c.start")
    if limit:
        sql.append(f"limit {int(limit)}")
    return list(db.query(" ".join(sql), params))


def matches_for(db: sqlite_utils.Database, claim_ids: Sequence[str]) -> list[dict[str, Any]]:
    if not claim_ids:
        return []
    marks = ", ".join("?" for _ in claim_ids)
    return list(db.query(
        f"select * from matches where claim_a in ({marks}) and claim_b in ({marks}) "
        "order by similarity desc, claim_a, claim_b", list(claim_ids) * 2))


def resolve_assertion_id(db: sqlite_utils.Database, prefix: str) -> str | None:
    rows = db.execute("select id from assertions where id like ? order by id limit 2", [f"{prefix}%"]).fetchall()
    if len(rows) == 1 or (rows and rows[0][0] == prefix):
        return rows[0][0]
    return None


# -- verify: candidate retrieval (FTS5 prefilter, then a few rows by id) --------
# Each read is bounded: rowids come unranked from the full-text index for the rare
# words only (verify scores them), then a few hundred rows are loaded by rowid or id,
# so a verify reads a small part of a million claims.


def _claim_columns(alias: str = "c") -> tuple[list[str], str]:
    names = [f.name for f in fields(Claim)]
    return names, ", ".join(f'{alias}."{n}"' for n in names)


def fts_rowids(db: sqlite_utils.Database, table: str, fts_query: str, limit: int) -> list[int]:
    """Rowids of `table` matching an FTS5 query, unranked (cheap: no bm25 per row)."""
    if table not in ("claims", "documents") or not fts_query:
        return []
    try:
        return [row[0] for row in db.execute(
            f"select rowid from {table}_fts where {table}_fts match ? limit ?", [fts_query, int(limit)])]
    except sqlite3.OperationalError as error:
        raise StoreError(f"full-text search failed ({error})") from None


def claims_by_rowid(db: sqlite_utils.Database, rowids: Sequence[int]) -> list[tuple[int, Claim, str | None]]:
    """(rowid, claim, its assertion id) for current claims with these rowids, by rowid."""
    if not rowids:
        return []
    names, cols = _claim_columns()
    marks = ", ".join("?" for _ in rowids)
    rows = db.execute(
        f"select c.rowid, {cols}, (select ac.assertion_id from assertion_claims ac where ac.claim_id = c.id "
        f"order by ac.assertion_id limit 1) from claims c join documents d on d.id = c.document_id "
        f"where c.rowid in ({marks}) and d.superseded_by is null order by c.rowid", list(rowids)).fetchall()
    n = len(names)
    return [(row[0], _claim_from_row(dict(zip(names, row[1:n + 1]))), row[n + 1]) for row in rows]


def documents_by_rowid(db: sqlite_utils.Database, rowids: Sequence[int]) -> list[tuple[int, Document]]:
    """(rowid, document) for current documents with these rowids, by rowid."""
    if not rowids:
        return []
    names = [f.name for f in fields(Document)]
    marks = ", ".join("?" for _ in rowids)
    rows = db.execute(
        f"select rowid, {', '.join(names)} from documents where rowid in ({marks}) "
        "and superseded_by is null order by rowid", list(rowids)).fetchall()
    return [(row[0], Document(*row[1:])) for row in rows]


def claims_by_id(db: sqlite_utils.Database, ids: Sequence[str]) -> list[Claim]:
    """The claims with these ids (any order in, sorted by document and offset out)."""
    if not ids:
        return []
    names, cols = _claim_columns()
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(f"select {cols} from claims c where c.id in ({marks}) "
                      "order by c.document_id, c.start, c.id", list(ids)).fetchall()
    return [_claim_from_row(dict(zip(names, row))) for row in rows]


def documents_by_id(db: sqlite_utils.Database, ids: Sequence[str]) -> dict[str, Document]:
    if not ids:
        return {}
    names = [f.name for f in fields(Document)]
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(f"select {', '.join(names)} from documents where id in ({marks}) order by id",
                      list(ids)).fetchall()
    return {row[0]: Document(*row) for row in rows}


def source_credibility(db: sqlite_utils.Database, names: Sequence[str]) -> dict[str, float]:
    """Learned credibility by source name (the higher of its outlet and origin scores)."""
    if not names:
        return {}
    marks = ", ".join("?" for _ in names)
    return {name: cred for name, cred in db.execute(
        f"select name, max(credibility) from sources where name in ({marks}) group by name",
        list(names)).fetchall()}


def fts_count(db: sqlite_utils.Database, table: str, fts_query: str, cap: int) -> int:
    """How many rows of `table` match an FTS5 query, counting no further than `cap`."""
    if table not in ("claims", "documents") or not fts_query:
        return 0
    try:
        return db.execute(f"select count(*) from (select rowid from {table}_fts where {table}_fts match ? "
                          "limit ?)", [fts_query, int(cap)]).fetchone()[0]
    except sqlite3.OperationalError as error:
        raise StoreError(f"full-text search failed ({error})") from None


def approximate_rows(db: sqlite_utils.Database, table: str) -> int:
    """About how many rows the claims or documents table holds (its largest rowid: O(log n))."""
    if table not in ("claims", "documents"):
        raise StoreError(f"no row count for table {table!r}")
    return db.execute(f"select max(rowid) from {table}").fetchone()[0] or 0
