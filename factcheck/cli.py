"""The `factcheck` command: parse options, call one library function, print.

Only this module imports click, prints or exits. Library errors
(FactcheckError) become one-line messages with exit status 1; usage errors
exit 2. Heavy modules are imported inside the commands so `--help` stays quick.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timezone

import click

from factcheck import __version__
from factcheck.errors import FactcheckError

DB_OPTION = click.option(
    "--db", "db_path", envvar="FACTCHECK_DB", default=None, metavar="PATH",
    help="SQLite database (default db/factcheck.db, or $FACTCHECK_DB).",
)


class FactcheckGroup(click.Group):
    """Turns FactcheckError into a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except FactcheckError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=FactcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli():
    """Source-credibility fact-checking for newsrooms.

    Reads articles from many outlets, finds the claims they share, groups them
    into assertions, tells corroboration from contradiction and cites the exact
    words. Start with `factcheck ingest seeds/`.
    """


def _progress_bar(label: str):
    """A progress callback: a bar on a terminal, nothing in a pipe or for small jobs."""
    state: dict[str, object] = {}

    def update(stage: str, done: int, total: int) -> None:
        if not sys.stderr.isatty() or total <= 5:
            return
        bar = state.get(stage)
        if bar is None:
            bar = click.progressbar(length=total, label=f"{label}: {stage}", file=sys.stderr)
            bar.__enter__()
            state[stage] = bar
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    return update


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@DB_OPTION
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Refuse files larger than this (default 20 MB).")
@click.option("--timings", is_flag=True, help="Print seconds per stage to stderr.")
def ingest(paths, db_path, max_bytes, timings):
    """Read articles (files or folders) into the database and update the analysis.

    Formats: .txt and .md (scraped text), .html/.htm (needs the `html` extra),
    .json (one article) and .jsonl (one per line). Metadata comes from the JSON
    record, a NAME.meta.json sidecar, or a manifest.json in the folder.
    """
    from factcheck import pipeline
    from factcheck.ingest import DEFAULT_MAX_BYTES

    report = pipeline.ingest(paths, db_path, max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                             progress=_progress_bar("ingest"))
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if timings:
        for stage, seconds in report.timings.items():
            click.echo(f"{stage:28} {seconds:8.3f} s", err=True)
    click.echo(report.summary(), err=True)
    if report.failed:
        sys.exit(1)


@cli.command()
@DB_OPTION
@click.option("--all", "include_superseded", is_flag=True, help="Include superseded versions.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def documents(db_path, include_superseded, as_json):
    """List stored documents: outlet, date, title, sentences and flagged lines."""
    from factcheck import store

    rows = store.list_documents(store.open_db(db_path, create=False), include_superseded)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    for row in rows:
        state = f" superseded by {row['superseded_by'][:8]}" if row["superseded_by"] else ""
        click.echo(f"{row['id'][:10]}  {row['published'] or '(no date)':10}  {row['outlet'] or '(unknown outlet)'}"
                   f"{state}\n            {row['title'] or row['path']}\n"
                   f"            {row['path']}: {row['n_sentences']} sentences, {row['n_furniture']} furniture, "
                   f"{row['n_off_topic']} off-topic, {row['n_claims']} claims")


@cli.command()
@DB_OPTION
@click.option("--document", help="Only this document (id, id prefix or path).")
@click.option("--kind", type=click.Choice(["numeric", "quote", "event"]), help="Only claims of this kind.")
@click.option("--min-worthiness", type=click.FloatRange(0, 1), help="Only claims at least this check-worthy.")
@click.option("--search", help="Full-text search in the claims.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of text.")
def claims(db_path, document, kind, min_worthiness, search, as_json):
    """List claims with their exact citation."""
    from factcheck import store

    rows = store.find_claims(store.open_db(db_path, create=False), document, kind, min_worthiness, search)
    for row in rows:
        if as_json:
            row["entities"] = json.loads(row["entities"] or "[]")
            row["features"] = json.loads(row["features"] or "[]")
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        value = ""
        if row["value"] is not None:
            value = f" {row['qualifier'] or ''} {row['value']:g} {row['counted'] or ''}".rstrip()
        click.echo(f"{row['id'][:10]} {row['kind']:7}{value}  [{row['modality']}] "
                   f"worthiness {row['check_worthiness']:.2f}\n"
                   f"    \"{row['text']}\"\n"
                   f"    {row['outlet'] or '(unknown outlet)'}, {row['published'] or 'no date'}; "
                   f"source: {row['attributed_to'] or '(the outlet)'}; as of {row['as_of'] or '?'}; "
                   f"{row['path']} [{row['start']}:{row['end']}]")


@cli.command()
@DB_OPTION
@click.option("--status", type=click.Choice(["contradicted", "corroborated", "single-source"]),
              help="Only assertions with this status.")
@click.option("--kind", type=click.Choice(["numeric", "quote", "event"]))
@click.option("--limit", type=click.IntRange(min=1), help="At most this many (contradictions first).")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of text.")
def assertions(db_path, status, kind, limit, as_json):
    """List assertions with their status, values and sources (contradictions first)."""
    from dataclasses import asdict

    from factcheck import store

    rows = store.load_assertions(store.open_db(db_path, create=False))
    rows = [a for a in rows if (not status or a.status == status) and (not kind or a.kind == kind)]
    rows.sort(key=lambda a: (STATUS_ORDER.get(a.status, 9), -a.confidence, a.id))
    for a in rows[:limit]:
        if as_json:
            click.echo(json.dumps(asdict(a), ensure_ascii=False))
            continue
        click.echo(f"{a.id[:10]}  {a.status:13} {a.confidence:.2f}  {_shorten(a.label, 100)}")
        click.echo(f"            {_count(len(a.claim_ids), 'claim')}, {_count(a.n_outlets, 'outlet')}, "
                   f"{_count(a.n_independent_sources, 'independent source')}")
        for v in a.values:
            if v.value is not None:
                click.echo(f"            {_value_text(v)}: {', '.join(v.outlets)}"
                           f" (source: {_shorten(', '.join(v.sources), 80) or 'the outlets'})")
    if not as_json and limit and len(rows) > limit:
        click.echo(f"... and {len(rows) - limit} more (factcheck assertions without --limit)", err=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


STATUS_ORDER = {"contradicted": 0, "corroborated": 1, "single-source": 2}


def _value_text(v) -> str:
    qualifier = "" if v.qualifier in (None, "exact") else f"{v.qualifier} "
    text = f"{qualifier}{v.value:,.0f}" if v.value is not None else "(vague)"
    if v.modality not in (None, "asserted"):
        text += f" [{v.modality}]"
    if v.as_of:
        text += f" as of {v.as_of}"
    return text


@cli.command()
@click.argument("assertion_id")
@DB_OPTION
def show(assertion_id, db_path):
    """Show one assertion: every citation, the matches that joined them, the reasons."""
    from factcheck import store

    db = store.open_db(db_path, create=False)
    full = store.resolve_assertion_id(db, assertion_id)
    if full is None:
        raise click.ClickException(f"no assertion with id {assertion_id!r} (or the prefix is ambiguous)")
    (assertion,) = store.load_assertions(db, [full])
    click.echo(f"{assertion.label}\n  id {assertion.id}; {assertion.kind}; {assertion.status}, "
               f"confidence {assertion.confidence:.2f}; {assertion.n_outlets} outlets, "
               f"{assertion.n_independent_sources} independent sources")
    if assertion.best_value is not None:
        click.echo(f"  most credible value: {assertion.best_value:,.0f}")
    click.echo("\nReasons:")
    for reason in assertion.reasons or ("(none recorded)",):
        click.echo(f"  - {reason}")
    if assertion.values:
        click.echo("\nValues:")
        for v in assertion.values:
            click.echo(f"  - {_value_text(v)}  confidence {v.confidence:.2f}; outlets: {', '.join(v.outlets)}; "
                       f"sources: {', '.join(v.sources) or '-'}")
    claims = store.claims_by_id(db, assertion.claim_ids)
    documents = store.documents_by_id(db, sorted({c.document_id for c in claims}))
    click.echo("\nCitations:")
    for claim in claims:
        document = documents[claim.document_id]
        click.echo(f"  [{claim.id[:10]}] {document.outlet or '(unknown outlet)'}, {document.published or 'no date'} "
                   f"({document.path} [{claim.start}:{claim.end}])\n      \"{claim.text}\"\n"
                   f"      source: {claim.attributed_to or '(the outlet)'}; as of {claim.as_of or '?'}; "
                   f"{claim.modality}")
    matches = store.matches_for(db, assertion.claim_ids)
    click.echo("\nMatches that joined them:")
    for m in matches or [{"claim_a": "-", "claim_b": "-", "similarity": 0, "relation": "(none: a single claim)"}]:
        click.echo(f"  {m['claim_a'][:10]} ~ {m['claim_b'][:10]}  {m['similarity']:.2f}  {m['relation']}")


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "markdown", "claimreview", "html"]),
              default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file.")
@click.option("--status", type=click.Choice(["contradicted", "corroborated", "single-source"]))
@click.option("--since", metavar="DATE", help="Only citations published on or after DATE (YYYY-MM-DD).")
@click.option("--organisation", default="factcheck", show_default=True,
              help="ClaimReview author organisation.")
def export(db_path, fmt, output, status, since, organisation):
    """Export assertions with their citations (JSON, CSV, Markdown, ClaimReview, HTML)."""
    from factcheck import store
    from factcheck.export import build_export, render
    from factcheck.validation import validate

    if since and not _is_date(since):
        raise click.BadParameter("expected YYYY-MM-DD", param_hint="--since")
    db = store.open_db(db_path, create=False)
    documents = store.current_documents(db)
    claim_map = {c.id: c for c in store.current_claims(db)}
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    doc = build_export(documents, claim_map, store.load_assertions(db), store.load_sources(db),
                       status=status, since=since, generated_at=now)
    validate("export", doc, "the export")
    options = {"organisation": organisation} if fmt == "claimreview" else {}
    text = render(doc, fmt, **options)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        click.echo(f"wrote {len(doc['assertions'])} assertions to {output}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def _is_date(text: str) -> bool:
    try:
        datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return False
    return True


@cli.group(invoke_without_command=True)
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of text.")
@click.pass_context
def sources(ctx, db_path, as_json):
    """Source credibility: list sources (the default), set or import priors."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(sources_list, db_path=db_path, as_json=as_json)


@sources.command("list")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of text.")
def sources_list(db_path, as_json):
    """List sources with credibility, claim count, corroborated and contradicted counts."""
    from dataclasses import asdict

    from factcheck import store

    for s in store.load_sources(store.open_db(db_path, create=False)):
        if as_json:
            click.echo(json.dumps(asdict(s), ensure_ascii=False))
            continue
        prior = f" prior {s.prior:.2f}" if s.prior is not None else ""
        click.echo(f"{s.credibility:.3f}  {s.name} ({s.kind}){prior}: {s.n_claims} claims, "
                   f"{s.n_corroborated} corroborated, {s.n_contradicted} contradicted")
        for line in s.explanation[:3]:
            click.echo(f"        {line}")


@sources.command("set")
@click.argument("name")
@click.option("--prior", type=click.FloatRange(0, 1), required=True, help="Prior credibility, 0 to 1.")
@DB_OPTION
def sources_set(name, prior, db_path):
    """Set a prior credibility for a source (outlet or original source)."""
    from factcheck import pipeline, store

    db = store.open_db(db_path)
    store.set_priors(db, {name: prior})
    pipeline.analyse_corpus(db)
    click.echo(f"prior of {name!r} set to {prior}", err=True)


@sources.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@DB_OPTION
def sources_import(path, db_path):
    """Load prior credibilities from a JSON or CSV file (schemas/sources.schema.json)."""
    from factcheck import pipeline, store
    from factcheck.credibility import load_priors

    priors = load_priors(path)
    db = store.open_db(db_path)
    store.set_priors(db, priors, note=os.path.basename(path))
    pipeline.analyse_corpus(db)
    click.echo(f"{len(priors)} priors loaded from {path}", err=True)


@cli.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option("--normaliser", default="text", show_default=True,
              help="How values compare: number, text, authors (author lists), exact.")
@click.option("--priors", "priors_path", type=click.Path(exists=True, dir_okay=False),
              help="Prior credibility per source (JSON or CSV, schemas/sources.schema.json).")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file.")
def fuse(input_path, normaliser, priors_path, fmt, output):
    """Reconcile structured records from several sources (CSV or JSONL).

    Each record has source, object, value and optionally time. For every object
    the most credible value is chosen, with its confidence, and every source is
    given a credibility. Bad rows are reported with their line numbers; the good
    rows are still fused, and the exit status is 1.
    """
    from factcheck.credibility import load_priors
    from factcheck.fuse import fuse_file, write_fuse_result

    priors = load_priors(priors_path) if priors_path else None
    result, problems = fuse_file(input_path, normaliser=normaliser, priors=priors)
    for problem in problems:
        click.echo(f"error: {input_path}: {problem}", err=True)
    text = write_fuse_result(result, fmt)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        click.echo(f"wrote {len(result.objects)} objects and {len(result.sources)} sources to {output}", err=True)
    else:
        click.echo(text, nl=False)
    if problems:
        sys.exit(1)


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep 127.0.0.1 unless you mean to share the database.")
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port to listen on.")
@click.option("--metadata-out", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Keep the generated Datasette metadata in this file (default: a temporary file).")
def browse(db_path, host, port, metadata_out):
    """Explore the database in Datasette (needs the `browse` extra).

    Datasette opens the database read-only, with generated metadata: a
    description of every table, view and column, facets, full-text search,
    and canned queries (claims matching a text, contradictions about a text,
    a source's claims, an assertion's citations). Ctrl-C stops it.
    """
    import signal

    from factcheck.browse import start

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    server = start(db_path, host=host, port=port, metadata_out=metadata_out)
    # A plain `kill` must stop Datasette too, not leave it serving as an orphan.
    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    click.echo(f"serving {server.url} (Ctrl-C to stop)", err=True)
    try:
        code = server.wait()
    except KeyboardInterrupt:
        code = 0
    finally:
        server.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if code != 0:
        sys.exit(1)


VERDICT_EXIT_CODES = {"supported": 0, "contradicted": 3, "disputed": 4, "unverified": 5}


@cli.command()
@click.argument("text", required=False)
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="The verdict as JSON (schemas/verdict.schema.json).")
@click.option("--batch", "batch_path", type=click.Path(dir_okay=False, allow_dash=True), metavar="FILE",
              help="Verify one claim per line of FILE ('-' for stdin): plain text, or JSON lines with a "
                   "`text` field. Writes one JSON verdict per line, with its input line number.")
@click.option("--date", "date", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The day the statement was made: resolves 'on Monday', 'yesterday', and dates a running "
                   "count, as a publication date does (a --batch JSON line's own `date` wins).")
@click.option("--check", is_flag=True,
              help="Exit with the verdict: 0 supported, 3 contradicted, 4 disputed, 5 unverified "
                   "(with --batch, the highest of them; 1 still means an error).")
def verify(text, db_path, as_json, batch_path, date, check):
    """Check a sentence against the stored assertions: supported, contradicted,
    disputed or unverified, with a confidence, the reasons and the cited evidence.

    Unverified means nothing relevant is stored; it does not mean false.
    """
    from factcheck import store
    from factcheck.validation import validate
    from factcheck.verify import read_batch_line, verify_text

    if bool(text) == bool(batch_path):
        raise click.UsageError("give either TEXT or --batch FILE")
    db = store.open_db(db_path, create=False)
    day = date.date().isoformat() if date else None
    if not batch_path:
        verdict = verify_text(db, text, date=day)
        if as_json:
            doc = verdict.to_json()
            validate("verdict", doc, "the verdict")
            click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        else:
            click.echo(_verdict_text(verdict))
        if check:
            sys.exit(VERDICT_EXIT_CODES[verdict.verdict])
        return
    failed, worst = 0, 0
    name = "<stdin>" if batch_path == "-" else batch_path
    with click.open_file(batch_path, "r", encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                item = read_batch_line(line, f"{name}:{number}")
                if item is None:
                    continue
                statement, own_day = item
                doc = verify_text(db, statement, date=own_day or day).to_json()
                validate("verdict", doc, f"the verdict for {name}:{number}")
            except FactcheckError as error:
                failed += 1
                click.echo(f"error: {error}", err=True)
                continue
            worst = max(worst, VERDICT_EXIT_CODES[doc["verdict"]])
            click.echo(json.dumps({"line": number, **doc}, ensure_ascii=False))
    if failed:
        sys.exit(1)
    if check:
        sys.exit(worst)


def _verdict_text(verdict) -> str:
    lines = [f"{verdict.verdict.upper()} (confidence {verdict.confidence:.2f})", f"  {verdict.claim}", "", "Why:"]
    lines += [f"  - {reason}" for reason in verdict.reasons]
    if verdict.evidence:
        lines += ["", "Evidence:"]
    for e in verdict.evidence:
        lines.append(f"  [{e.assertion.id[:10]}] {e.assertion.label} ({e.assertion.status}, "
                     f"similarity {e.similarity:.2f})")
        for v in e.values:
            qualifier = "" if v.qualifier in (None, "exact") else f"{v.qualifier} "
            head = f"{qualifier}{v.value:,.0f}" if v.value is not None else \
                f"{qualifier}{v.low:,.0f}-{v.high:,.0f}" if v.low is not None and v.high is not None else "statement"
            lines.append(f"    {head}: {v.stance}" + (f" ({v.note})" if v.note else ""))
            for c in v.citations:
                d = c.document
                lines.append(f"      {d.outlet or '(unknown outlet)'}, {d.published or 'no date'}; source: "
                             f"{c.claim.attributed_to or '(the outlet)'}; {d.path} [{c.claim.start}:{c.claim.end}]"
                             + (f" {d.url}" if d.url else ""))
                lines.append(f"        \"{c.claim.text}\"")
    return "\n".join(lines)


def main() -> None:  # pragma: no cover - console entry point wrapper
    cli(prog_name="factcheck")
