"""The one place that runs factcheck's stages in order.

    files --read--> Document --split_sentences--> Sentence --extract_claims--> Claim
    (stored per document, one transaction each)
    current claims --find_stories--> story per document --match_claims--> Match
    --build_assertions--> Assertion
    --weigh_assertions--> Assertion + Source   (stored corpus-wide, one transaction)

Stages are pure functions; this module feeds them from the store and hands
their output back to it. Progress is reported through a callback so the CLI
can draw a bar on a terminal and stay quiet in a pipe.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from factcheck import store
from factcheck.ingest import DEFAULT_MAX_BYTES, discover, read_source
from factcheck.models import Claim, Document, Sentence
from factcheck.sentences import flag_lines, split_sentences, template_keys

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _quiet(stage: str, done: int, total: int) -> None:
    return None


@dataclass
class IngestReport:
    """What an ingest did, for the one-line summary and the exit status."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.unchanged)} unchanged, "
                f"{len(self.superseded)} superseded, {self.failed} failed")


def analyse_document(document: Document, site_lines: Mapping[str, int] | None = None,
                     acronyms: Mapping[str, str] | None = None,
                     kinds: Mapping[str, frozenset[str]] | None = None,
                     ) -> tuple[list[Sentence], list[Claim], set[str]]:
    """The per-document stages: flagged sentences, claims, and the page's short-line keys.

    `acronyms` are those the corpus spells out (see `bodies.corpus_acronyms`), `kinds`
    what kind of body the corpus says each name is (`bodies.corpus_kinds`)."""
    from factcheck.claims import extract_claims

    lines = flag_lines(document, site_lines)
    sentences = split_sentences(document, lines)
    return sentences, extract_claims(document, sentences, acronyms, kinds), template_keys(lines)


def ingest(
    paths: Sequence[str],
    db_path: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress = _quiet,
    analyse: bool = True,
) -> IngestReport:
    """Read files, store new documents with their sentences and claims, then bring
    the corpus-wide analysis up to date."""
    report = IngestReport()
    db = store.open_db(db_path)
    sources, errors, notes = discover(paths)
    report.errors += errors
    report.notes += notes
    site_lines: dict[str, dict[str, int]] = {}  # outlet -> short line -> pages
    started = time.perf_counter()
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    # The whole batch is read before any of it is analysed: a live page that writes
    # "the CEC" is read with the name another story of the corpus spells out.
    batch: list[Document] = []
    queued: set[str] = set()
    for done, source in enumerate(sources, start=1):
        result = read_source(source, max_bytes=max_bytes)
        report.errors += result.errors
        report.notes += result.notes
        for document in result.documents:
            if store.has_document(db, document.id) or document.id in queued:
                report.unchanged.append(document.path)
                continue
            queued.add(document.id)
            batch.append(document)
        progress("read", done, len(sources))
    acronyms, kinds = _corpus_names(db, batch) if batch else ({}, {})
    for done, document in enumerate(batch, start=1):
        outlet = document.outlet or "(unknown outlet)"
        if outlet not in site_lines:
            site_lines[outlet] = store.template_line_counts(db, outlet)
        try:
            sentences, claims, keys = analyse_document(document, site_lines[outlet], acronyms, kinds)
            report.superseded += store.save_document(db, document, sentences, claims, now,
                                                     site=outlet, template_lines=keys)
        except Exception as error:  # one bad document must not stop the batch
            report.errors.append(f"{document.path}: could not be analysed ({type(error).__name__}: {error})")
            continue
        report.added.append(document.path)
        for key in keys:
            site_lines[outlet][key] = site_lines[outlet].get(key, 0) + 1
        progress("claims", done, len(batch))
    report.timings["read, sentences, claims"] = time.perf_counter() - started
    if analyse and (report.added or report.superseded or not _analysed(db)):
        report.timings.update(analyse_corpus(db, progress=progress))
    return report


# Stored documents read per acronym the batch uses: enough to learn how the corpus spells
# it out, without reading the whole stored corpus on every ingest.
ACRONYM_DOCUMENTS = 20
_ACRONYM_USED = re.compile(r"\b[A-Z]{2,6}\b")


def _corpus_names(db, batch: Sequence[Document]) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Acronyms spelled out, and the kinds of body names are described as ('the
    opposition Civic Alliance'), anywhere in the new batch or in the stored documents
    that use the acronyms the batch uses (found through the full-text index)."""
    from factcheck.bodies import corpus_acronyms, corpus_kinds
    from factcheck.retrieval import fts_query

    texts = [d.text for d in batch]
    used = sorted({m.group() for text in texts for m in _ACRONYM_USED.finditer(text)})
    rowids = sorted({rowid for acronym in used
                     for rowid in store.fts_rowids(db, "documents", fts_query([acronym]), ACRONYM_DOCUMENTS)})
    stored = [d.text for _, d in store.documents_by_rowid(db, rowids)]
    return corpus_acronyms(stored + texts), corpus_kinds(stored + texts)


def _analysed(db) -> bool:
    return db.execute("select count(*) from assertions").fetchone()[0] > 0


def analyse_corpus(db, progress: Progress = _quiet) -> dict[str, float]:
    """Match, group and weigh every current claim; store the result in one transaction."""
    from factcheck.assertions import build_assertions
    from factcheck.credibility import weigh_assertions
    from factcheck.matching import match_claims
    from factcheck.stories import story_of_documents

    timings: dict[str, float] = {}
    clock = time.perf_counter()
    documents = store.current_documents(db)
    claims = store.current_claims(db)
    timings["load"] = time.perf_counter() - clock
    progress("analyse", 0, 3)

    clock = time.perf_counter()
    stories = story_of_documents(documents, claims)
    timings["stories"] = time.perf_counter() - clock

    clock = time.perf_counter()
    matches = match_claims(claims, documents)
    timings["matching"] = time.perf_counter() - clock
    progress("analyse", 1, 3)

    clock = time.perf_counter()
    assertions = build_assertions(claims, matches, documents)
    timings["assertions"] = time.perf_counter() - clock
    progress("analyse", 2, 3)

    clock = time.perf_counter()
    assertions, sources = weigh_assertions(assertions, claims, documents, store.load_priors(db))
    timings["credibility"] = time.perf_counter() - clock

    clock = time.perf_counter()
    store.save_analysis(db, matches, assertions, sources, stories)
    timings["store"] = time.perf_counter() - clock
    progress("analyse", 3, 3)
    return timings
