"""Browse a factcheck database in Datasette, with metadata generated from its shape.

The metadata (titles, a description of every table, view and column, label
columns, facets, sort orders, full-text search and canned queries) is built
from the shape `store.py` declares, so a new column without a description is
caught by the tests rather than shipped blank. Datasette 0.x reads all of it
from one metadata file; Datasette 1.0 moved table settings and canned queries
to a separate configuration file, so `split_for_datasette_1` produces both.

Datasette is an optional extra (`pip install 'factcheck[browse]'`) and runs as
a subprocess of the same Python, opening the database read-only.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import MissingExtraError

TITLE = "factcheck"
DESCRIPTION = (
    "Claims read from news articles, grouped into assertions, with corroboration, "
    "contradiction and source credibility. Every claim cites exact character offsets: "
    "documents.text[start:end] is the quote. Start with the views: contradictions, "
    "single_source_numbers, citations and source_scorecard."
)

# A column description given as (table, column) means "the same as that table's column".
Description = str | tuple[str, str]

DESCRIPTIONS: dict[str, dict[str, Any]] = {
    "documents": {
        "description": "One row per version of an article as read from its file; the text is kept "
                       "exactly as decoded so every offset stays true.",
        "columns": {
            "id": "Content-hash id of this version of the article (same text and metadata, same id).",
            "path": "File the article was read from, as given to ingest.",
            "outlet": "News outlet that published the article; empty when unknown.",
            "url": "Address of the article, when known.",
            "title": "Headline of the article.",
            "published": "Publication date (YYYY-MM-DD) from the article's metadata; empty when not "
                         "given, never guessed.",
            "author": "Byline, when known.",
            "language": "Language code of the text, when known.",
            "format": "Input format the article was read from (txt, md, html, json, jsonl).",
            "text": "Full text exactly as read; all start/end offsets point into it.",
            "n_chars": "Length of the text in characters.",
            "n_sentences": "Number of sentences (and lines) the text was split into.",
            "n_furniture": "Sentences flagged as page furniture (menus, bylines, captions, prompts): "
                           "kept for offsets, left out of the analysis.",
            "n_off_topic": "Sentences flagged as outside the story (related-article teasers and the "
                           "like): kept, not analysed.",
            "n_claims": "Number of claims extracted from the article.",
            "ingested_at": "When this version was stored (UTC, ISO 8601).",
            "superseded_by": "Id of the newer version of the same file; empty for the current "
                             "version. Superseded versions' claims are not analysed.",
            "story": "The story (event) this article was grouped into, by the names its title and "
                     "claims share with other articles; figures are compared only within a story.",
        },
    },
    "sentences": {
        "description": "Sentences of each document with exact offsets and a flag saying whether "
                       "they belong to the story.",
        "columns": {
            "id": "Content-hash id of the sentence.",
            "document_id": "Document the sentence belongs to.",
            "idx": "Position of the sentence in its document, from 0.",
            "start": "Offset of the first character in documents.text.",
            "end": "Offset just past the last character: documents.text[start:end] is the sentence.",
            "line": "Line of the document the sentence starts on, from 0.",
            "flag": "story, title, furniture (page furniture) or off_topic; only story and title "
                    "sentences yield claims.",
            "reason": "The rule that flagged the sentence (e.g. byline, photo caption); empty for story.",
            "text": "The sentence as it appears in the document.",
        },
    },
    "claims": {
        "description": "Check-worthy units of a sentence: a number, a quotation or a reported act, "
                       "with exact offsets, who said it, when and how firmly.",
        "columns": {
            "id": "Content-hash id of the claim.",
            "document_id": "Document the claim was read from.",
            "sentence_id": "Sentence the claim was read from.",
            "start": "Offset of the claim's first character in documents.text.",
            "end": "Offset just past the claim: documents.text[start:end] equals text.",
            "text": "The exact words of the claim (the clause or phrase that carries it).",
            "kind": "numeric (a quantity), quote (a quotation) or event (a reported act).",
            "value": "The number stated, for numeric claims; empty for a range without a point value.",
            "low": "Lower bound when the text gives a range or a minimum.",
            "high": "Upper bound when the text gives a range or a maximum.",
            "qualifier": "How exact the number is: exact, about, over, under, at least, up to or vague.",
            "counted": "What is counted, normalised (troops, deaths, people...).",
            "subject": "What or where the claim is about, normalised.",
            "attributed_to": "The original source the text names; empty means the outlet itself.",
            "relay": "Who passed the claim on between the source and the outlet (a news agency, say).",
            "as_of": "Date the claim refers to: ISO day, month (YYYY-MM) or year.",
            "as_of_precision": "Precision of as_of: day, month, year or approximate.",
            "modality": "How it is put: asserted, reported, confirmed, denied, planned (a plan), "
                        "forecast (a projection), hedged or negated.",
            "predicate": "Normalised act for event claims (confirm, deny, send, condemn...).",
            "entities": "Normalised names the claim mentions (JSON list), used for matching.",
            "check_worthiness": "0 to 1: how much the claim is worth checking.",
            "features": "What made the claim check-worthy (JSON list).",
        },
    },
    "matches": {
        "description": "Pairs of claims judged to say the same thing, or to count the same quantity, "
                       "and why.",
        "columns": {
            "claim_a": "First claim of the pair.",
            "claim_b": "Second claim of the pair.",
            "similarity": "0 to 1: how closely the two claims agree in wording and content.",
            "relation": "Kind of match: same, paraphrase, same-act, same-proposition (a statement "
                        "and its denial or rewording), same-quantity, same-quantity-other-value, "
                        "or a same-document variant of these.",
        },
    },
    "assertions": {
        "description": "Groups of claims that make one assertion, with a status (contradicted, "
                       "corroborated, single-source) and a confidence.",
        "columns": {
            "id": "Content-hash id of the assertion.",
            "kind": "numeric, quote or event, as for its claims.",
            "label": "A short readable summary of what is asserted.",
            "status": "contradicted, corroborated or single-source.",
            "confidence": "0 to 1: how likely the assertion (its most credible value) is true.",
            "n_claims": "Number of claims in the assertion.",
            "n_outlets": "Number of distinct outlets that carried it.",
            "n_independent_sources": "Number of distinct original sources, counting relayed and "
                                     "copied reports once.",
            "best_value": "For numeric assertions, the most credible value.",
            "reasons": "Why the assertion has its status (JSON list of sentences).",
        },
    },
    "assertion_claims": {
        "description": "Which claims make up which assertion.",
        "columns": {
            "assertion_id": "The assertion.",
            "claim_id": "One of its claims.",
        },
    },
    "assertion_values": {
        "description": "Each distinct value reported for an assertion, with who reported it, as of "
                       "when, and how credible it is.",
        "columns": {
            "id": "Assertion id and the value's position, as ASSERTION:N.",
            "assertion_id": "The assertion this value was reported for.",
            "value": "The value reported; empty for a vague quantity.",
            "low": "Lower bound of a reported range.",
            "high": "Upper bound of a reported range.",
            "qualifier": ("claims", "qualifier"),
            "as_of": "Date the value refers to, when the reports give one.",
            "modality": "How it was put (a planned or forecast value is a plan or a projection, not a report).",
            "confidence": "0 to 1: how likely this value is the true one.",
            "n_claims": "Number of claims reporting this value.",
            "outlets": "Outlets that reported this value, comma-separated.",
            "sources": "Original sources of this value, comma-separated.",
            "claim_ids": "Ids of the claims reporting this value (JSON list).",
        },
    },
    "sources": {
        "description": "Outlets and original sources with their learned credibility and the "
                       "evidence behind it.",
        "columns": {
            "name": "Name of the outlet or original source.",
            "kind": "outlet (publishes articles) or origin (a source the articles cite).",
            "credibility": "0 to 1: learned from how often its claims are corroborated or outvoted.",
            "prior": "Prior credibility set by a user (sources set / sources import); empty when none.",
            "n_claims": "Number of claims from this source.",
            "n_corroborated": "Claims of this source that other independent sources corroborate.",
            "n_contradicted": "Claims of this source that are contradicted.",
            "explanation": "Why the credibility is what it is (JSON list of sentences).",
        },
    },
    "source_priors": {
        "description": "Prior credibilities given by users, which the credibility scoring starts from.",
        "columns": {
            "name": "Name of the outlet or original source.",
            "prior": "Prior credibility, 0 to 1.",
            "note": "Where the prior came from (the imported file's name), if recorded.",
        },
    },
    "template_lines": {
        "description": "Short lines seen on each outlet's pages, used to recognise repeated page "
                       "furniture such as menus and footers.",
        "columns": {
            "outlet": "The outlet whose pages carry the line.",
            "line": "The line, normalised.",
            "document_id": "A document the line appears in.",
        },
    },
    "_migrations": {
        "description": "Schema migrations already applied to this database (bookkeeping).",
        "columns": {"name": "Name of an applied migration."},
    },
    "citations": {
        "description": "Every claim of every assertion with its outlet, date, file, offsets and exact "
                       "quote: what to cite.",
        "columns": {
            "assertion_id": "The assertion the claim belongs to.",
            "assertion": ("assertions", "label"),
            "status": ("assertions", "status"),
            "claim_id": "The claim cited.",
            "kind": ("claims", "kind"),
            "outlet": ("documents", "outlet"),
            "published": ("documents", "published"),
            "url": ("documents", "url"),
            "path": ("documents", "path"),
            "start": ("claims", "start"),
            "end": ("claims", "end"),
            "quote": ("claims", "text"),
            "value": ("claims", "value"),
            "qualifier": ("claims", "qualifier"),
            "counted": ("claims", "counted"),
            "attributed_to": ("claims", "attributed_to"),
            "as_of": ("claims", "as_of"),
            "modality": ("claims", "modality"),
            "claim_rowid": "Internal row number of the claim, which lets Datasette search this view "
                           "through the claims' full-text index.",
        },
    },
    "contradictions": {
        "description": "Assertions whose sources disagree, with every value reported and who "
                       "reported it.",
        "columns": {
            "id": "The assertion's id.",
            "label": ("assertions", "label"),
            "confidence": ("assertions", "confidence"),
            "n_outlets": ("assertions", "n_outlets"),
            "n_independent_sources": ("assertions", "n_independent_sources"),
            "best_value": ("assertions", "best_value"),
            "reasons": ("assertions", "reasons"),
            "values_reported": "Each value reported, with the outlets that reported it in brackets.",
            "assertion_rowid": "Internal row number of the assertion, which lets Datasette search this "
                               "view through the assertions' full-text index.",
        },
    },
    "single_source_numbers": {
        "description": "Numbers that only one independent source gives: check these before "
                       "repeating them.",
        "columns": {
            "id": "The assertion's id.",
            "label": ("assertions", "label"),
            "best_value": ("assertions", "best_value"),
            "confidence": ("assertions", "confidence"),
            "attributed_to": ("claims", "attributed_to"),
            "outlet": ("documents", "outlet"),
            "quote": ("claims", "text"),
            "claim_id": "The claim that gives the number.",
            "published": ("documents", "published"),
            "path": ("documents", "path"),
            "start": ("claims", "start"),
            "end": ("claims", "end"),
            "claim_rowid": ("citations", "claim_rowid"),
        },
    },
    "source_scorecard": {
        "description": "Sources ranked by learned credibility, with how many of their claims are "
                       "corroborated or contradicted.",
        "columns": {
            "name": ("sources", "name"),
            "kind": ("sources", "kind"),
            "credibility": "0 to 1, rounded to three places: learned from how often the source's "
                           "claims are corroborated or outvoted.",
            "prior": ("sources", "prior"),
            "n_claims": ("sources", "n_claims"),
            "n_corroborated": ("sources", "n_corroborated"),
            "n_contradicted": ("sources", "n_contradicted"),
        },
    },
    "current_documents": {
        "description": "The current version of every article (superseded versions left out), "
                       "without the full text.",
        "columns": {name: ("documents", name) for name in (
            "id", "path", "outlet", "published", "title", "author", "url", "story", "n_sentences",
            "n_furniture", "n_off_topic", "n_claims")},
    },
    "stories": {
        "description": "The stories (events) the current articles were grouped into: how many "
                       "articles and outlets cover each, and when.",
        "columns": {
            "story": ("documents", "story"),
            "n_documents": "Number of current articles in the story.",
            "n_outlets": "Number of distinct outlets covering the story.",
            "first_published": "Earliest publication date among its articles.",
            "last_published": "Latest publication date among its articles.",
            "first_title": "Headline of its earliest article.",
        },
    },
}

# Datasette table settings (label columns, facets, default sort, hiding).
TABLE_SETTINGS: dict[str, dict[str, Any]] = {
    "documents": {"label_column": "title", "facets": ["outlet", "format", "language"],
                  "sort_desc": "published"},
    "sentences": {"label_column": "text", "facets": ["flag", "reason"]},
    "claims": {"label_column": "text", "facets": ["kind", "modality", "qualifier", "counted"],
               "sort_desc": "check_worthiness"},
    "matches": {"facets": ["relation"], "sort_desc": "similarity"},
    "assertions": {"label_column": "label", "facets": ["status", "kind"], "sort_desc": "n_claims"},
    "assertion_values": {"facets": ["modality", "qualifier"], "sort_desc": "confidence"},
    "sources": {"label_column": "name", "facets": ["kind"], "sort_desc": "credibility"},
    "source_priors": {"label_column": "name"},
    "template_lines": {"facets": ["outlet"]},
    "_migrations": {"hidden": True},
    "citations": {"facets": ["status", "kind", "outlet", "modality"]},
    "contradictions": {"sort_desc": "n_outlets"},
    "single_source_numbers": {"facets": ["outlet", "attributed_to"], "sort_desc": "confidence"},
    "source_scorecard": {"facets": ["kind"], "sort_desc": "credibility"},
    "current_documents": {"facets": ["outlet", "story"], "sort_desc": "published"},
    "stories": {"sort_desc": "n_documents"},
}

# Full-text search on a view needs a column holding the rowid its FTS table indexes:
# view -> (fts table, that column). Applied only when the view has the column.
VIEW_SEARCH: dict[str, tuple[str, str]] = {
    "citations": ("claims_fts", "claim_rowid"),
    "contradictions": ("assertions_fts", "assertion_rowid"),
    "single_source_numbers": ("claims_fts", "claim_rowid"),
}

# Canned queries: parameterised questions Datasette shows as forms. escape_fts is
# Datasette's own SQL function: it quotes each word so punctuation typed by a user
# ("1,000", "U.S.") never becomes an FTS syntax error; an empty text becomes the
# empty phrase '""', which matches nothing instead of failing.
CANNED_QUERIES: dict[str, dict[str, Any]] = {
    "claims_matching_text": {
        "title": "Claims matching a text",
        "description": "Claims in current articles whose words, source or counted thing match the "
                       "text (full-text search, best matches first), with outlet, date and offsets.",
        "params": ["text"],
        "sql": """
select c.id, c.kind, c.text as quote, d.outlet, d.published, c.attributed_to, c.modality,
       c.value, c.counted, c.as_of, d.path, c.start, c."end", c.document_id
from claims_fts
join claims c on c.rowid = claims_fts.rowid
join documents d on d.id = c.document_id
where claims_fts match coalesce(nullif(escape_fts(:text), ''), '""') and d.superseded_by is null
order by claims_fts.rank, c.id
limit 500""",
    },
    "contradictions_about": {
        "title": "Contradictions about a text",
        "description": "Contradicted assertions whose label, or one of whose claims, matches the text.",
        "params": ["text"],
        "sql": """
select ct.*
from contradictions ct
where ct.id in (
    select a.id from assertions_fts
    join assertions a on a.rowid = assertions_fts.rowid
    where assertions_fts match coalesce(nullif(escape_fts(:text), ''), '""')
    union
    select ac.assertion_id from claims_fts
    join claims c on c.rowid = claims_fts.rowid
    join assertion_claims ac on ac.claim_id = c.id
    where claims_fts match coalesce(nullif(escape_fts(:text), ''), '""')
)
order by ct.n_outlets desc, ct.confidence desc, ct.id""",
    },
    "claims_by_source": {
        "title": "A source's claims",
        "description": "Claims in current articles whose original source, relay or outlet contains "
                       "the name given (case-insensitive), oldest first.",
        "params": ["source"],
        "sql": """
select c.id, c.kind, c.text as quote, c.attributed_to, c.relay, d.outlet, d.published,
       c.modality, c.value, c.counted, c.as_of, d.path, c.start, c."end"
from claims c
join documents d on d.id = c.document_id
where d.superseded_by is null and :source != '' and (
    c.attributed_to like '%' || :source || '%'
    or c.relay like '%' || :source || '%'
    or d.outlet like '%' || :source || '%')
order by d.published, d.path, c.start""",
    },
    "assertion_citations": {
        "title": "Citations of an assertion",
        "description": "Every claim of one assertion (give its id or the start of it) with outlet, "
                       "date, file, offsets and quote.",
        "params": ["assertion"],
        "sql": """
select * from citations
where :assertion != '' and assertion_id like :assertion || '%'
order by assertion_id, published, outlet, path, start""",
    },
}

# Settings Datasette 1.0 reads from datasette.yaml rather than metadata.
CONFIG_KEYS = frozenset({
    "label_column", "facets", "facet_size", "sort", "sort_desc", "size", "sortable_columns",
    "fts_table", "fts_pk", "searchmode", "hidden", "units", "allow", "queries",
})


def declared_columns() -> dict[str, list[str]]:
    """Columns of every table and view the store declares, in order.

    Tables come straight from `store.TABLES`; view columns are read from the
    views themselves, created in a throwaway in-memory database by the store.
    """
    import sqlite_utils

    from factcheck import store

    columns = {name: list(spec["columns"]) for name, spec in store.TABLES.items()}
    memory = sqlite_utils.Database(sqlite3.connect(":memory:", isolation_level=None))
    try:
        store.apply_schema(memory)
        for name in store.VIEWS:
            columns[name] = [column.name for column in memory[name].columns]
        columns["_migrations"] = [column.name for column in memory["_migrations"].columns]
    finally:
        memory.close()
    return columns


def column_description(table: str, column: str) -> str:
    """The description of one column, following (table, column) references."""
    seen = set()
    while True:
        value: Description = DESCRIPTIONS[table]["columns"][column]
        if isinstance(value, str):
            return value
        if (table, column) in seen:  # a reference cycle would loop forever
            raise KeyError(f"{table}.{column}: description refers to itself")
        seen.add((table, column))
        table, column = value


def fts_tables() -> dict[str, str]:
    """Table -> its FTS table, as the store declares them."""
    from factcheck import store

    return {name: f"{name}_fts" for name, spec in store.TABLES.items() if spec.get("fts")}


def build_metadata(database: str, columns: Mapping[str, list[str]] | None = None) -> dict[str, Any]:
    """Datasette 0.x metadata for the database Datasette names `database`.

    `columns` (table or view -> column names, default `declared_columns()`)
    decides what is described; an undescribed table or column raises KeyError,
    which the tests turn into a failure before it reaches a user.
    """
    columns = declared_columns() if columns is None else columns
    searchable = fts_tables()
    tables: dict[str, Any] = {}
    for name in sorted(columns):
        entry: dict[str, Any] = {
            "description": DESCRIPTIONS[name]["description"],
            "columns": {column: column_description(name, column) for column in columns[name]},
        }
        entry.update(TABLE_SETTINGS.get(name, {}))
        if name in searchable:
            entry.update(fts_table=searchable[name], fts_pk="rowid")
        elif name in VIEW_SEARCH and VIEW_SEARCH[name][1] in columns[name]:
            entry.update(fts_table=VIEW_SEARCH[name][0], fts_pk=VIEW_SEARCH[name][1])
        tables[name] = entry
    queries = {name: {**query, "sql": query["sql"].strip()} for name, query in CANNED_QUERIES.items()}
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "databases": {database: {"title": TITLE, "description": DESCRIPTION,
                                 "tables": tables, "queries": queries}},
    }


def split_for_datasette_1(metadata: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split 0.x metadata into Datasette 1.0's (metadata.json, datasette.json).

    Descriptions and titles stay in the metadata; table settings and canned
    queries move to the configuration, where 1.0 looks for them.
    """
    meta: dict[str, Any] = {k: v for k, v in metadata.items() if k != "databases"}
    config: dict[str, Any] = {}
    for db_name, db in metadata.get("databases", {}).items():
        db_meta = {k: v for k, v in db.items() if k not in CONFIG_KEYS and k != "tables"}
        db_config = {k: v for k, v in db.items() if k in CONFIG_KEYS}
        for table, entry in db.get("tables", {}).items():
            kept = {k: v for k, v in entry.items() if k not in CONFIG_KEYS}
            moved = {k: v for k, v in entry.items() if k in CONFIG_KEYS}
            if kept:
                db_meta.setdefault("tables", {})[table] = kept
            if moved:
                db_config.setdefault("tables", {})[table] = moved
        meta.setdefault("databases", {})[db_name] = db_meta
        if db_config:
            config.setdefault("databases", {})[db_name] = db_config
    return meta, config


def datasette_version() -> str:
    """The installed Datasette's version, or MissingExtraError naming the extra."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("datasette")
    except PackageNotFoundError:
        raise MissingExtraError("browse", "datasette") from None


def database_name(db_path: str | os.PathLike[str]) -> str:
    """The name Datasette gives a database file: its file name without the extension."""
    return Path(db_path).stem


def write_datasette_files(
    db_path: str | os.PathLike[str], metadata_path: str | os.PathLike[str], version: str,
) -> list[str]:
    """Write the metadata (and for Datasette 1.x the config beside it); return Datasette's options."""
    metadata = build_metadata(database_name(db_path))
    options = ["--metadata", str(metadata_path)]
    files = {Path(metadata_path): metadata}
    if int(version.split(".")[0]) >= 1:
        metadata, config = split_for_datasette_1(metadata)
        config_path = Path(metadata_path).with_name(Path(metadata_path).stem + ".config.json")
        files = {Path(metadata_path): metadata, config_path: config}
        options += ["--config", str(config_path)]
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return options


def datasette_command(db_path: str | os.PathLike[str], options: list[str], host: str, port: int) -> list[str]:
    """The command line that serves the database with this Python's Datasette."""
    return [sys.executable, "-m", "datasette", "serve", str(db_path), *options,
            "--host", host, "--port", str(port)]


@dataclass
class Server:
    """A running Datasette: wait for it, or stop it (also on leaving a `with` block)."""

    process: subprocess.Popen[bytes]
    url: str
    metadata_path: Path
    command: list[str]
    _temporary: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    def wait(self) -> int:
        try:
            return self.process.wait()
        finally:
            self._cleanup()

    def stop(self, timeout: float = 10.0) -> int:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
        code = self.process.wait()
        self._cleanup()
        return code

    def _cleanup(self) -> None:
        if self._temporary is not None:
            self._temporary.cleanup()
            self._temporary = None

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(
    db_path: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8001,
    metadata_out: str | os.PathLike[str] | None = None,
    quiet: bool = False,
) -> Server:
    """Start Datasette on the database with generated metadata; return the running server.

    The database must exist (StoreError otherwise); its shape is brought up to
    date first so the views and FTS tables are there. Datasette itself opens it
    read-only. The metadata goes to `metadata_out`, or to a temporary file that
    is removed when the server stops. `quiet` sends Datasette's log to nowhere.
    """
    from factcheck import store

    version = datasette_version()
    path = store.db_path(db_path)
    store.open_db(path, create=False).close()
    temporary = None
    if metadata_out is None:
        temporary = tempfile.TemporaryDirectory(prefix="factcheck-browse-")
        metadata_out = Path(temporary.name) / "metadata.json"
    try:
        options = write_datasette_files(path, metadata_out, version)
        command = datasette_command(path, options, host, port)
        output = subprocess.DEVNULL if quiet else None
        process = subprocess.Popen(command, stdout=output, stderr=output)
    except BaseException:
        if temporary is not None:
            temporary.cleanup()
        raise
    return Server(process, f"http://{host}:{port}/{database_name(path)}", Path(metadata_out), command, temporary)
