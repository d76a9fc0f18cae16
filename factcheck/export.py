"""The export document and its renderings: JSON, CSV, Markdown, ClaimReview, HTML.

`build_export` turns stored stage output into one dict, the contract described by
`schemas/export.schema.json` (the scorer in the shared tools reads it); every
renderer takes that dict, so all formats say the same thing.

ClaimReview rating scale (schema.org `Rating`, worstRating 1, bestRating 5). The
scale rates how well the news record supports an assertion, not whether the world
agrees with it; a low rating means "outlets disagree", not "false":

  1  Contradicted                  sources disagree, confidence >= 0.6
  2  Contradicted (low confidence) sources disagree, confidence < 0.6
  3  Single source                 one independent source only: unverified
  4  Corroborated (low confidence) independent sources agree, confidence < 0.6
  5  Corroborated                  independent sources agree, confidence >= 0.6

The 0.6 cut trades how often a reader sees the firm label against how often it is
wrong; it only splits a status, never changes it.
"""

from __future__ import annotations

import csv
import inspect
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from factcheck import __version__
from factcheck.errors import FactcheckError
from factcheck.models import (
    CONTRADICTED,
    CORROBORATED,
    SINGLE_SOURCE,
    Assertion,
    Claim,
    Document,
    Source,
)

FORMATS = ("json", "csv", "markdown", "claimreview", "html")
STATUS_ORDER = (CONTRADICTED, CORROBORATED, SINGLE_SOURCE)
STATUS_TITLES = {
    CONTRADICTED: "Contradictions",
    CORROBORATED: "Corroborated",
    SINGLE_SOURCE: "Single-source",
}
# See the module docstring: confidence at or above this gets the firm label.
FIRM_CONFIDENCE = 0.6
RATING_SCALE = (
    "Scale 1-5 rating how well the news record supports the claim, not its truth: "
    "1 contradicted (sources disagree), 2 contradicted with low confidence, "
    "3 single source (unverified), 4 corroborated with low confidence, "
    "5 corroborated (independent sources agree)."
)
CSV_COLUMNS = (
    "assertion_id", "assertion_label", "assertion_kind", "status", "confidence",
    "citation_id", "document_path", "outlet", "url", "title", "published",
    "start", "end", "quote", "kind", "value", "low", "high", "qualifier", "counted",
    "attributed_to", "as_of", "modality",
)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# OWASP CSV injection: cells starting with these are formulas in spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#&!])")


class ExportError(FactcheckError):
    """An export cannot be built or rendered as asked."""


# --------------------------------------------------------------------------- build


def build_export(
    documents: Mapping[str, Document],
    claims: Mapping[str, Claim],
    assertions: Sequence[Assertion],
    sources: Sequence[Source] = (),
    *,
    status: str | None = None,
    since: str | None = None,
    generated_at: str | None = None,
) -> dict[str, Any]:
    """The export document for these assertions (see schemas/export.schema.json).

    `status` keeps assertions with that status; `since` (YYYY, YYYY-MM or
    YYYY-MM-DD) keeps citations whose document was published on or after it —
    documents without a date are dropped, since they cannot be shown to qualify —
    and drops assertions left without citations. Statuses are never recomputed.
    """
    if status is not None and status not in STATUS_ORDER:
        raise ExportError(f"unknown status {status!r}: use one of {', '.join(STATUS_ORDER)}")
    if since is not None and not _DATE.match(since):
        raise ExportError(f"--since {since!r} is not a date like 2024-10-25")
    out = []
    for assertion in assertions:
        if status is not None and assertion.status != status:
            continue
        item = _export_assertion(assertion, documents, claims, since)
        if item["citations"]:
            out.append(item)
    out.sort(key=_assertion_order)
    n_citations = sum(len(a["citations"]) for a in out)
    cited = {c["document"]["path"] for a in out for c in a["citations"]}
    by_status = {s: sum(a["status"] == s for a in out) for s in STATUS_ORDER}
    return {
        "generator": "factcheck",
        "version": __version__,
        "generated_at": generated_at,
        "filters": {"status": status, "since": since},
        "counts": {
            "assertions": len(out),
            "citations": n_citations,
            "documents": len(cited),
            "by_status": by_status,
        },
        "assertions": out,
        "sources": [_export_source(s) for s in sorted(sources, key=_source_order)],
    }


def _assertion_order(item: Mapping[str, Any]) -> tuple[Any, ...]:
    rank = STATUS_ORDER.index(item["status"]) if item["status"] in STATUS_ORDER else 3
    return (rank, -item["confidence"], item["id"])


def _source_order(source: Source) -> tuple[Any, ...]:
    return (source.kind, -source.credibility, source.name)


def _export_assertion(
    assertion: Assertion,
    documents: Mapping[str, Document],
    claims: Mapping[str, Claim],
    since: str | None,
) -> dict[str, Any]:
    value_of = {}
    for index, value in enumerate(assertion.values):
        for claim_id in value.claim_ids:
            value_of.setdefault(claim_id, index)
    citations = []
    for claim_id in dict.fromkeys(assertion.claim_ids):
        claim = claims.get(claim_id)
        if claim is None:
            raise ExportError(f"assertion {assertion.id} cites claim {claim_id}, which is not stored")
        document = documents.get(claim.document_id)
        if document is None:
            raise ExportError(
                f"claim {claim.id} cites document {claim.document_id}, which is not stored"
            )
        if since is not None and (document.published is None or document.published < since):
            continue
        citations.append(_export_citation(claim, document, value_of.get(claim_id)))
    citations.sort(key=_citation_order)
    kept = {c["id"] for c in citations}
    values = [
        {
            "value": v.value,
            "low": v.low,
            "high": v.high,
            "qualifier": v.qualifier,
            "as_of": v.as_of,
            "modality": v.modality,
            "confidence": round(v.confidence, 4),
            "outlets": list(v.outlets),
            "sources": list(v.sources),
            "citations": [c for c in v.claim_ids if c in kept],
            "best": assertion.best_value is not None and v.value == assertion.best_value,
        }
        for v in assertion.values
    ]
    return {
        "id": assertion.id,
        "kind": assertion.kind,
        "label": assertion.label,
        "status": assertion.status,
        "confidence": round(assertion.confidence, 4),
        "n_outlets": assertion.n_outlets,
        "n_independent_sources": assertion.n_independent_sources,
        "best_value": assertion.best_value,
        "values": values,
        "reasons": list(assertion.reasons),
        "citations": citations,
    }


def _export_citation(claim: Claim, document: Document, value_index: int | None) -> dict[str, Any]:
    # The quote is always the slice itself, so quote == text[start:end] holds by construction.
    return {
        "id": claim.id,
        "document": {
            "id": document.id,
            "path": document.path,
            "outlet": document.outlet,
            "url": document.url,
            "title": document.title,
            "published": document.published,
        },
        "start": claim.start,
        "end": claim.end,
        "quote": document.text[claim.start : claim.end],
        "kind": claim.kind,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "counted": claim.counted,
        "subject": claim.subject,
        "attributed_to": claim.attributed_to,
        "relay": claim.relay,
        "as_of": claim.as_of,
        "modality": claim.modality,
        "value_index": value_index,
    }


def _citation_order(citation: Mapping[str, Any]) -> tuple[Any, ...]:
    published = citation["document"]["published"]
    return (published is None, published or "", citation["document"]["path"], citation["start"],
            citation["end"], citation["id"])


def _export_source(source: Source) -> dict[str, Any]:
    return {
        "name": source.name,
        "kind": source.kind,
        "credibility": round(source.credibility, 4),
        "prior": source.prior,
        "n_claims": source.n_claims,
        "n_corroborated": source.n_corroborated,
        "n_contradicted": source.n_contradicted,
        "explanation": list(source.explanation),
    }


# ------------------------------------------------------------------ shared helpers


def format_number(value: float | None, grouping: bool = True) -> str:
    """A number as a reader writes it: 12,000 rather than 12000.0."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}" if grouping else str(int(value))
    return f"{value:,.10g}" if grouping else f"{value:.10g}"


def describe_value(item: Mapping[str, Any]) -> str:
    """'about 1,200', '1,000-1,500', 'at least 20' or '' for a value or citation dict."""
    low, high, value = item.get("low"), item.get("high"), item.get("value")
    if low is not None and high is not None and low != high:
        text = f"{format_number(low)}–{format_number(high)}"
    elif value is not None:
        text = format_number(value)
    else:
        text = format_number(low if low is not None else high)
    qualifier = {"exact": None, "range": None, "vague": "roughly"}.get(
        item.get("qualifier") or "", item.get("qualifier"))
    if text and qualifier:
        text = f"{qualifier} {text}"
    return text


def safe_url(url: str | None) -> str | None:
    """The url if it is an http(s) address; anything else (javascript:, data:) is not linked."""
    if url and re.match(r"^https?://[^\s<>\"']+$", url, re.IGNORECASE):
        return url
    return None


def plural(n: int, word: str) -> str:
    """'1 outlet', '3 outlets'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def quoted(text: str) -> str:
    """Text in curly quotes, unless it already carries its own quotation marks."""
    return text if text[:1] in "\"“'‘«„" else f"“{text}”"


def status_title(status: str) -> str:
    return STATUS_TITLES.get(status, status.capitalize())


def status_label(status: str) -> str:
    return {CONTRADICTED: "Contradicted", CORROBORATED: "Corroborated",
            SINGLE_SOURCE: "Single source"}.get(status, status)


# ------------------------------------------------------------------------ renderers


def render_json(doc: Mapping[str, Any]) -> str:
    """The export document as indented JSON (UTF-8 text kept readable)."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _csv_number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value, grouping=False)
    return str(value)


def render_csv(doc: Mapping[str, Any]) -> str:
    """One row per citation (RFC 4180); text cells that a spreadsheet would run are defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for a in doc["assertions"]:
        for c in a["citations"]:
            d = c["document"]
            writer.writerow([
                _csv_text(a["id"]), _csv_text(a["label"]), _csv_text(a["kind"]),
                _csv_text(a["status"]), _csv_number(a["confidence"]),
                _csv_text(c["id"]), _csv_text(d["path"]), _csv_text(d["outlet"]),
                _csv_text(d["url"]), _csv_text(d["title"]), _csv_text(d["published"]),
                _csv_number(c["start"]), _csv_number(c["end"]), _csv_text(c["quote"]),
                _csv_text(c["kind"]), _csv_number(c["value"]), _csv_number(c["low"]),
                _csv_number(c["high"]), _csv_text(c["qualifier"]), _csv_text(c["counted"]),
                _csv_text(c["attributed_to"]), _csv_text(c["as_of"]), _csv_text(c["modality"]),
            ])
    return buffer.getvalue()


def md_escape(text: Any) -> str:
    """Untrusted text as inert Markdown: one line, every markup character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _md_link(text: str, url: str | None) -> str:
    target = safe_url(url)
    if target is None:
        return md_escape(text)
    target = target.replace("(", "%28").replace(")", "%29")
    return f"[{md_escape(text)}]({target})"


def _md_counts(doc: Mapping[str, Any]) -> str:
    counts = doc["counts"]
    parts = [f"{counts['by_status'].get(s, 0)} {status_label(s).lower()}" for s in STATUS_ORDER]
    return (f"{counts['assertions']} assertions ({', '.join(parts)}) with "
            f"{counts['citations']} citations from {counts['documents']} documents.")


def render_markdown(doc: Mapping[str, Any], title: str = "Fact-check report") -> str:
    """A readable report to paste into a story: contradictions, corroborated, single-source."""
    lines = [f"# {md_escape(title)}", ""]
    made = f"Generated by {doc['generator']} {doc['version']}"
    if doc.get("generated_at"):
        made += f" on {md_escape(doc['generated_at'])}"
    lines += [made + ". " + _md_counts(doc), ""]
    filters = {k: v for k, v in doc.get("filters", {}).items() if v}
    if filters:
        lines += ["Filters: " + ", ".join(f"{k} {md_escape(v)}" for k, v in filters.items()) + ".", ""]
    if not doc["assertions"]:
        lines += ["No assertions match.", ""]
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for a in doc["assertions"]:
        groups.setdefault(a["status"], []).append(a)
    number = 0
    for status in list(STATUS_ORDER) + sorted(set(groups) - set(STATUS_ORDER)):
        if status not in groups:
            continue
        lines += [f"## {md_escape(status_title(status))} ({len(groups[status])})", ""]
        for a in groups[status]:
            number += 1
            lines += _md_assertion(number, a)
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_assertion(number: int, a: Mapping[str, Any]) -> list[str]:
    lines = [f"### {number}. {md_escape(a['label'])}", ""]
    lines += [
        f"**{status_label(a['status'])}** · confidence {a['confidence']:.2f} · "
        f"{plural(a['n_outlets'], 'outlet')} · "
        f"{plural(a['n_independent_sources'], 'independent source')} · id {md_escape(a['id'])}",
        "",
    ]
    shown = [v for v in a["values"] if describe_value(v)]
    if shown:
        lines.append("Reported values:")
        lines.append("")
        for v in shown:
            line = f"- **{md_escape(describe_value(v))}**"
            if v.get("as_of"):
                line += f", as of {md_escape(v['as_of'])}"
            if v["outlets"]:
                line += ": " + ", ".join(md_escape(o) for o in v["outlets"])
            if v["sources"]:
                line += " (source: " + ", ".join(md_escape(s) for s in v["sources"]) + ")"
            if v.get("best"):
                line += " — best supported"
            lines.append(line)
        lines.append("")
    if a["reasons"]:
        lines.append("Why:")
        lines.append("")
        lines += [f"- {md_escape(r)}" for r in a["reasons"]]
        lines.append("")
    lines.append("Citations:")
    lines.append("")
    for i, c in enumerate(a["citations"], 1):
        d = c["document"]
        who = md_escape(d["outlet"] or d["path"])
        when = md_escape(d["published"]) if d["published"] else "undated"
        line = f"{i}. **{who}**, {when}: {quoted(md_escape(c['quote']))}"
        if d["title"] or safe_url(d["url"]):
            line += f" — {_md_link(d['title'] or d['url'], d['url'])}"
        line += f" ({md_escape(d['path'])}, characters {c['start']}–{c['end']}"
        if c.get("attributed_to"):
            line += f"; attributed to {md_escape(c['attributed_to'])}"
        lines.append(line + ")")
    lines.append("")
    return lines


def claimreview_rating(status: str, confidence: float) -> tuple[int, str]:
    """The 1..5 rating and its name for an assertion (scale in the module docstring)."""
    firm = confidence >= FIRM_CONFIDENCE
    if status == CONTRADICTED:
        return (1, "Contradicted") if firm else (2, "Contradicted (low confidence)")
    if status == CORROBORATED:
        return (5, "Corroborated") if firm else (4, "Corroborated (low confidence)")
    return 3, "Single source"


def render_claimreview(
    doc: Mapping[str, Any],
    organisation: str = "factcheck",
    url: str | None = None,
    date_published: str | None = None,
) -> str:
    """schema.org ClaimReview JSON-LD (an @graph), one review per assertion.

    `url` is the page that will host the fact check (each review gets `url#id`);
    `date_published` defaults to the date of the export's generated_at.
    """
    published = date_published or (doc.get("generated_at") or "")[:10] or None
    if published is None or not re.match(r"^\d{4}-\d{2}-\d{2}", published):
        raise ExportError("claimreview needs a publication date (YYYY-MM-DD): pass date_published")
    author: dict[str, Any] = {"@type": "Organization", "name": organisation}
    if safe_url(url):
        author["url"] = url
    reviews = []
    for a in doc["assertions"]:
        value, name = claimreview_rating(a["status"], a["confidence"])
        explanation = (
            f"{name}: {plural(a['n_outlets'], 'outlet')}, "
            f"{plural(a['n_independent_sources'], 'independent source')}, "
            f"confidence {a['confidence']:.2f}."
        )
        if a["reasons"]:
            explanation += " " + " ".join(r.rstrip(".") + "." for r in a["reasons"])
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "@id": f"{url}#{a['id']}" if safe_url(url) else f"urn:factcheck:assertion:{a['id']}",
            "identifier": a["id"],
            "claimReviewed": a["label"],
            "datePublished": published[:10],
            "author": author,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": value,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": name,
                "ratingExplanation": explanation + " " + RATING_SCALE,
            },
            "itemReviewed": _claimreview_item(a),
        }
        if safe_url(url):
            review["url"] = f"{url}#{a['id']}"
        reviews.append(review)
    return json.dumps({"@context": "https://schema.org", "@graph": reviews},
                      indent=2, ensure_ascii=False) + "\n"


def _claimreview_item(a: Mapping[str, Any]) -> dict[str, Any]:
    appearances = []
    seen = set()
    for c in a["citations"]:
        d = c["document"]
        key = (d["path"], d["url"])
        if key in seen:
            continue
        seen.add(key)
        work: dict[str, Any] = {"@type": "CreativeWork"}
        if safe_url(d["url"]):
            work["url"] = d["url"]
        if d["title"]:
            work["headline"] = d["title"]
        if d["published"]:
            work["datePublished"] = d["published"]
        if d["outlet"]:
            work["publisher"] = {"@type": "Organization", "name": d["outlet"]}
        work["identifier"] = d["path"]
        appearances.append(work)
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearances}
    dated = [w for w in appearances if w.get("datePublished")]
    if dated:
        first = min(dated, key=lambda w: w["datePublished"])
        item["firstAppearance"] = first
        item["datePublished"] = first["datePublished"]
    return item


def render_html(doc: Mapping[str, Any], title: str = "Fact-check report") -> str:
    """One self-contained HTML page (see factcheck.report_html)."""
    from factcheck.report_html import render_html as _render

    return _render(doc, title=title)


_RENDERERS: dict[str, Callable[..., str]] = {
    "json": render_json,
    "csv": render_csv,
    "markdown": render_markdown,
    "claimreview": render_claimreview,
    "html": render_html,
}


def render(doc: Mapping[str, Any], fmt: str, **options: Any) -> str:
    """Render the export document in one of FORMATS; options go to that renderer.

    Options set to None are dropped, so a caller can pass every option it has.
    """
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    options = {k: v for k, v in options.items() if v is not None}
    allowed = set(inspect.signature(renderer).parameters) - {"doc"}
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise ExportError(f"format {fmt!r} takes no option {unknown[0]!r}")
    return renderer(doc, **options)
