"""Tests of factcheck.export: the export document, its schema and every rendering.

The fixture is a made-up story built by hand (four documents, a contradicted
numeric assertion with values over time, a corroborated quote, two single-source
assertions, one of them carrying hostile markup).

Regenerate the golden files after an intended change with
    FACTCHECK_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_export.py
and review the diff before committing.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck import export
from factcheck.export import (
    FORMATS,
    ExportError,
    build_export,
    claimreview_rating,
    describe_value,
    format_number,
    render,
    render_claimreview,
    render_csv,
    render_html,
    render_json,
    render_markdown,
)
from factcheck.models import (
    CONTRADICTED,
    CORROBORATED,
    EVENT,
    NUMERIC,
    QUOTE,
    SINGLE_SOURCE,
    Assertion,
    AssertionValue,
    Claim,
    Document,
    Source,
    content_id,
)
from factcheck.report_html import citation_anchor, nice_ticks
from factcheck.validation import schema_errors, validate

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
GENERATED_AT = "2025-03-05T08:00:00Z"

TEXTS = {
    "a": (
        "Floods kill 12 in the valley\n\n"
        "At least 12 people died in floods in the Arden valley by Sunday, police said.\n"
        "Mayor Jane Holt said: \"We will rebuild every home.\"\n"
    ),
    "b": (
        "The death toll from the Arden valley floods reached 15 by Sunday, "
        "the regional health office said.\n"
        "\"We will rebuild every home,\" Holt told reporters.\n"
    ),
    "c": (
        "Officials said between 18 and 22 people had died as of March 4.\n"
        f"A resident's sign read: \"Help us {HOSTILE}\"\n"
    ),
    "d": (
        "Rescuers said 14 people were dead.\n"
        "The army plans to send 200 soldiers to the valley, a spokesman said.\n"
    ),
}


def _documents() -> dict[str, Document]:
    meta = {
        "a": ("Daily Courier", "https://courier.example/floods?id=1", "Floods kill 12 in the valley",
              "2025-03-02"),
        "b": ("Evening Ledger", None, "Death toll rises", "2025-03-03"),
        "c": ("Valley Post", "javascript:alert(3)", '=HYPERLINK("http://evil.example")',
              "2025-03-04"),
        "d": (None, None, None, None),
    }
    docs = {}
    for key, text in TEXTS.items():
        outlet, url, title, published = meta[key]
        doc_id = content_id("doc", key)
        docs[doc_id] = Document(id=doc_id, path=f"news/{key}.txt", text=text, outlet=outlet,
                                url=url, title=title, published=published)
    return docs


def _claim(key: str, snippet: str, kind: str, **fields) -> Claim:
    text = TEXTS[key]
    start = text.index(snippet)
    doc_id = content_id("doc", key)
    return Claim(id=content_id("claim", key, snippet), document_id=doc_id,
                 sentence_id=content_id("sentence", key, snippet), start=start,
                 end=start + len(snippet), text=snippet, kind=kind, **fields)


def make_inputs() -> tuple[dict, dict, list, list]:
    """Documents, claims, assertions and sources of the fixture story."""
    documents = _documents()
    c12 = _claim("a", "At least 12 people died", NUMERIC, value=12.0, qualifier="at least",
                 counted="deaths", attributed_to="police", as_of="2025-03-02")
    c15 = _claim("b", "death toll from the Arden valley floods reached 15", NUMERIC, value=15.0,
                 qualifier="exact", counted="deaths", attributed_to="regional health office",
                 as_of="2025-03-02")
    c18 = _claim("c", "between 18 and 22 people had died", NUMERIC, value=None, low=18.0,
                 high=22.0, qualifier="range", counted="deaths", attributed_to="officials",
                 as_of="2025-03-04")
    c14 = _claim("d", "14 people were dead", NUMERIC, value=14.0, counted="deaths",
                 attributed_to="rescuers")
    qa = _claim("a", "\"We will rebuild every home.\"", QUOTE, attributed_to="Jane Holt")
    qb = _claim("b", "\"We will rebuild every home,\"", QUOTE, attributed_to="Jane Holt")
    qc = _claim("c", f"\"Help us {HOSTILE}\"", QUOTE, attributed_to="a resident")
    ev = _claim("d", "The army plans to send 200 soldiers to the valley", EVENT, value=200.0,
                counted="soldiers", attributed_to="a spokesman", modality="planned",
                predicate="send")
    claims = {c.id: c for c in (c12, c15, c18, c14, qa, qb, qc, ev)}
    toll = Assertion(
        id=content_id("assertion", "toll"), kind=NUMERIC, label="Deaths in the Arden valley floods",
        status=CONTRADICTED, confidence=0.82, claim_ids=(c12.id, c15.id, c18.id, c14.id),
        n_outlets=3, n_independent_sources=4,
        values=(
            AssertionValue(12.0, None, None, "at least", (c12.id,), ("Daily Courier",), ("police",),
                           as_of="2025-03-02", confidence=0.3),
            AssertionValue(14.0, None, None, None, (c14.id,), (), ("rescuers",), confidence=0.2),
            AssertionValue(15.0, None, None, "exact", (c15.id,), ("Evening Ledger",),
                           ("regional health office",), as_of="2025-03-02", confidence=0.5),
            AssertionValue(None, 18.0, 22.0, "range", (c18.id,), ("Valley Post",), ("officials",),
                           as_of="2025-03-04", confidence=0.25),
        ),
        reasons=("12 and 15 deaths are reported for the same day by different sources",
                 "the later 18-22 range is consistent with a rising toll"),
        best_value=15.0,
    )
    rebuild = Assertion(
        id=content_id("assertion", "rebuild"), kind=QUOTE, label="Holt: we will rebuild every home",
        status=CORROBORATED, confidence=0.9, claim_ids=(qb.id, qa.id), n_outlets=2,
        n_independent_sources=2, reasons=("two outlets quote Jane Holt word for word",),
    )
    sign = Assertion(
        id=content_id("assertion", "sign"), kind=QUOTE, label=f"Sign: Help us {HOSTILE}",
        status=SINGLE_SOURCE, confidence=0.3, claim_ids=(qc.id,), n_outlets=1,
        n_independent_sources=1, reasons=("only Valley Post reports it",),
    )
    army = Assertion(
        id=content_id("assertion", "army"), kind=EVENT, label="Army to send 200 soldiers",
        status=SINGLE_SOURCE, confidence=0.4, claim_ids=(ev.id,), n_outlets=1,
        n_independent_sources=1, reasons=("one undated document, no outlet named",),
    )
    sources = [
        Source("Daily Courier", "outlet", 0.7, prior=0.5, n_claims=2, n_corroborated=1,
               n_contradicted=1, explanation=("1 of 2 claims corroborated",)),
        Source("Evening Ledger", "outlet", 0.75, prior=0.5, n_claims=2, n_corroborated=1),
        Source("police", "origin", 0.6, n_claims=1, n_contradicted=1),
    ]
    return documents, claims, [sign, toll, army, rebuild], sources


def make_export(**options) -> dict:
    documents, claims, assertions, sources = make_inputs()
    return build_export(documents, claims, assertions, sources, generated_at=GENERATED_AT,
                        **options)


@pytest.fixture
def doc() -> dict:
    return make_export()


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FACTCHECK_REGEN_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="")
    assert path.read_text(encoding="utf-8") == text, (
        f"{name} changed; if intended, regenerate with FACTCHECK_REGEN_GOLDEN=1"
    )


# ------------------------------------------------------------------ build_export


def test_export_matches_schema(doc):
    assert schema_errors("export", doc) == []
    validate("export", doc)


def test_every_quote_is_the_exact_slice(doc):
    texts = {d.path: d.text for d in _documents().values()}
    citations = [c for a in doc["assertions"] for c in a["citations"]]
    assert len(citations) == 8
    for c in citations:
        assert texts[c["document"]["path"]][c["start"]:c["end"]] == c["quote"]


def test_assertions_sorted_by_status_then_confidence(doc):
    assert [(a["status"], a["confidence"]) for a in doc["assertions"]] == [
        (CONTRADICTED, 0.82), (CORROBORATED, 0.9), (SINGLE_SOURCE, 0.4), (SINGLE_SOURCE, 0.3)]


def test_metadata_and_counts(doc):
    assert doc["generator"] == "factcheck"
    assert doc["generated_at"] == GENERATED_AT
    assert doc["counts"] == {"assertions": 4, "citations": 8, "documents": 4,
                             "by_status": {CONTRADICTED: 1, CORROBORATED: 1, SINGLE_SOURCE: 2}}
    assert [s["name"] for s in doc["sources"]] == ["police", "Evening Ledger", "Daily Courier"]


def test_values_carry_outlets_sources_and_citations(doc):
    toll = doc["assertions"][0]
    assert [v["value"] for v in toll["values"]] == [12.0, 14.0, 15.0, None]
    assert [v["best"] for v in toll["values"]] == [False, False, True, False]
    assert toll["values"][2]["sources"] == ["regional health office"]
    by_id = {c["id"]: c for c in toll["citations"]}
    for index, value in enumerate(toll["values"]):
        assert [by_id[c]["value_index"] for c in value["citations"]] == [index]


def test_citations_sorted_by_date_with_undated_last(doc):
    toll = doc["assertions"][0]
    assert [c["document"]["published"] for c in toll["citations"]] == [
        "2025-03-02", "2025-03-03", "2025-03-04", None]


def test_output_does_not_depend_on_input_order():
    documents, claims, assertions, sources = make_inputs()
    first = build_export(documents, claims, assertions, sources)
    rng = random.Random(7)
    for _ in range(5):
        shuffled = assertions[:]
        rng.shuffle(shuffled)
        src = sources[:]
        rng.shuffle(src)
        assert build_export(documents, claims, shuffled, src) == first


@pytest.mark.parametrize("status, expected", [
    (CONTRADICTED, 1), (CORROBORATED, 1), (SINGLE_SOURCE, 2), (None, 4)])
def test_status_filter(status, expected):
    doc = make_export(status=status)
    assert len(doc["assertions"]) == expected
    assert all(status in (None, a["status"]) for a in doc["assertions"])
    assert doc["filters"]["status"] == status
    assert schema_errors("export", doc) == []


@pytest.mark.parametrize("since, published", [
    ("2025-03-03", ["2025-03-03", "2025-03-04"]),
    ("2025-03-04", ["2025-03-04"]),
    ("2025-03", ["2025-03-02", "2025-03-03", "2025-03-04"]),
    ("2025", ["2025-03-02", "2025-03-03", "2025-03-04"]),
    ("2025-03-05", []),
])
def test_since_keeps_dated_citations_on_or_after(since, published):
    doc = make_export(since=since)
    got = sorted({c["document"]["published"] for a in doc["assertions"] for c in a["citations"]})
    assert got == published
    assert all(a["citations"] for a in doc["assertions"])
    assert doc["counts"]["citations"] == sum(len(a["citations"]) for a in doc["assertions"])
    assert schema_errors("export", doc) == []


def test_since_drops_emptied_assertions_and_filters_value_citations():
    doc = make_export(since="2025-03-03")
    labels = [a["label"] for a in doc["assertions"]]
    assert "Army to send 200 soldiers" not in labels  # its only document is undated
    toll = doc["assertions"][0]
    cited = {c["id"] for c in toll["citations"]}
    assert all(set(v["citations"]) <= cited for v in toll["values"])
    assert toll["values"][0]["citations"] == []  # 12 came from a document of 2025-03-02


@pytest.mark.parametrize("options, message", [
    ({"status": "disputed"}, "unknown status"),
    ({"status": "Contradicted"}, "unknown status"),
    ({"since": "yesterday"}, "not a date"),
    ({"since": "2025-3-4"}, "not a date"),
    ({"since": "04/03/2025"}, "not a date"),
])
def test_bad_filters_raise(options, message):
    with pytest.raises(ExportError, match=message):
        make_export(**options)


def test_missing_claim_or_document_is_named():
    documents, claims, assertions, sources = make_inputs()
    dropped = dict(claims)
    missing = next(iter(dropped))
    del dropped[missing]
    with pytest.raises(ExportError, match=missing):
        build_export(documents, dropped, assertions)
    doc_id = next(iter(documents))
    with pytest.raises(ExportError, match=doc_id):
        build_export({k: v for k, v in documents.items() if k != doc_id}, claims, assertions)


def test_empty_export_is_valid():
    doc = build_export({}, {}, [])
    assert doc["assertions"] == [] and doc["counts"]["assertions"] == 0
    assert schema_errors("export", doc) == []
    for fmt in ("json", "csv", "markdown", "html"):
        assert render(doc, fmt)
    assert json.loads(render(doc, "claimreview", date_published="2025-01-01"))["@graph"] == []


@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d["assertions"][0].update(status="disputed"), "status"),
    (lambda d: d["assertions"][0]["citations"][0].update(start="12"), "start"),
    (lambda d: d["assertions"][0]["citations"][0]["document"].pop("path"), "path"),
    (lambda d: d["assertions"][0].update(confidence=1.5), "confidence"),
    (lambda d: d["assertions"][0].update(citations=[]), "citations"),
])
def test_schema_rejects_broken_exports(doc, mutate, fragment):
    broken = copy.deepcopy(doc)
    mutate(broken)
    errors = schema_errors("export", broken)
    assert errors and fragment in errors[0]


# ---------------------------------------------------------------------- json, csv


def test_render_json_round_trips(doc):
    text = render_json(doc)
    assert text.endswith("\n")
    assert json.loads(text) == doc
    assert HOSTILE in text  # JSON keeps data as data; escaping is the viewer's job
    _check_golden("export.json", text)
    assert schema_errors("export", json.loads((GOLDEN / "export.json").read_text())) == []


def _csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_citation(doc):
    text = render_csv(doc)
    assert "\r\n" in text
    rows = _csv_rows(text)
    assert len(rows) == doc["counts"]["citations"]
    assert list(rows[0]) == list(export.CSV_COLUMNS)
    sign = next(r for r in rows if r["quote"].startswith('"Help us'))
    assert sign["quote"] == f'"Help us {HOSTILE}"'  # embedded quotes survive RFC 4180 quoting
    ranged = next(r for r in rows if r["low"])
    assert (ranged["value"], ranged["low"], ranged["high"]) == ("", "18", "22")


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx",
                                  '=HYPERLINK("http://evil.example")'])
def test_csv_defuses_formulas_in_text_cells(doc, text):
    hostile = copy.deepcopy(doc)
    citation = hostile["assertions"][0]["citations"][0]
    citation["quote"] = text
    citation["document"]["outlet"] = text
    hostile["assertions"][0]["label"] = text
    row = _csv_rows(render_csv(hostile))[0]
    for column in ("quote", "outlet", "assertion_label"):
        assert row[column] == "'" + text


def test_csv_keeps_numbers_numeric(doc):
    changed = copy.deepcopy(doc)
    changed["assertions"][0]["citations"][0]["value"] = -5.0
    row = _csv_rows(render_csv(changed))[0]
    assert row["value"] == "-5"
    assert row["start"].isdigit()
    title_row = next(r for r in _csv_rows(render_csv(doc)) if r["outlet"] == "Valley Post")
    assert title_row["title"].startswith("'=")


# ----------------------------------------------------------------------- markdown


def test_markdown_matches_golden(doc):
    _check_golden("report.md", render_markdown(doc))


def test_markdown_order_and_escaping(doc):
    text = render_markdown(doc)
    positions = [text.index(h) for h in ("## Contradictions", "## Corroborated", "## Single-source")]
    assert positions == sorted(positions)
    link = "[Floods kill 12 in the valley](https://courier.example/floods?id=1)"
    assert link in text
    assert not re.search(r"(?<!\\)[<>\[\]]", text.replace(link, ""))  # nothing unescaped
    assert r"\<script\>" in text
    assert "javascript:" not in text  # unsafe urls are never linked


def test_markdown_says_when_nothing_matches():
    assert "No assertions match." in render_markdown(make_export(since="2030-01-01"))


# ---------------------------------------------------------------------- claimreview


def _reviews(doc, **options):
    options.setdefault("date_published", "2025-03-05")
    return json.loads(render_claimreview(doc, **options))


def test_claimreview_matches_schema(doc):
    data = _reviews(doc, organisation="Example Desk", url="https://desk.example/check")
    assert schema_errors("claimreview", data) == []
    assert len(data["@graph"]) == len(doc["assertions"])


def test_claimreview_required_fields(doc):
    data = _reviews(doc, organisation="Example Desk", url="https://desk.example/check")
    assert data["@context"] == "https://schema.org"
    for review, assertion in zip(data["@graph"], doc["assertions"]):
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == assertion["label"]
        assert review["datePublished"] == "2025-03-05"
        assert review["author"] == {"@type": "Organization", "name": "Example Desk",
                                    "url": "https://desk.example/check"}
        assert review["url"] == f"https://desk.example/check#{assertion['id']}"
        rating = review["reviewRating"]
        assert (rating["worstRating"], rating["bestRating"]) == (1, 5)
        assert 1 <= rating["ratingValue"] <= 5 and rating["alternateName"]
        assert "Scale 1-5" in rating["ratingExplanation"]
        paths = {c["document"]["path"] for c in assertion["citations"]}
        appearances = review["itemReviewed"]["appearance"]
        assert {w["identifier"] for w in appearances} == paths


def test_claimreview_appearances_carry_outlet_url_and_date(doc):
    toll = _reviews(doc)["@graph"][0]["itemReviewed"]
    first = toll["appearance"][0]
    assert first == {"@type": "CreativeWork", "url": "https://courier.example/floods?id=1",
                     "headline": "Floods kill 12 in the valley", "datePublished": "2025-03-02",
                     "publisher": {"@type": "Organization", "name": "Daily Courier"},
                     "identifier": "news/a.txt"}
    assert toll["firstAppearance"] == first
    assert all("javascript" not in json.dumps(w) for w in toll["appearance"])


@pytest.mark.parametrize("status, confidence, rating", [
    (CONTRADICTED, 0.9, (1, "Contradicted")),
    (CONTRADICTED, 0.6, (1, "Contradicted")),
    (CONTRADICTED, 0.59, (2, "Contradicted (low confidence)")),
    (SINGLE_SOURCE, 0.99, (3, "Single source")),
    (SINGLE_SOURCE, 0.0, (3, "Single source")),
    (CORROBORATED, 0.1, (4, "Corroborated (low confidence)")),
    (CORROBORATED, 0.95, (5, "Corroborated")),
])
def test_claimreview_rating_scale(status, confidence, rating):
    assert claimreview_rating(status, confidence) == rating


def test_claimreview_date_defaults_to_generated_at(doc):
    data = json.loads(render_claimreview(doc))
    assert {r["datePublished"] for r in data["@graph"]} == {"2025-03-05"}
    assert all(r["@id"].startswith("urn:factcheck:assertion:") and "url" not in r
               for r in data["@graph"])


@pytest.mark.parametrize("date", [None, "soon", "05/03/2025"])
def test_claimreview_without_a_date_raises(doc, date):
    undated = dict(doc, generated_at=None)
    with pytest.raises(ExportError, match="publication date"):
        render_claimreview(undated, date_published=date)


def test_claimreview_schema_rejects_missing_fields(doc):
    data = _reviews(doc)
    for field in ("claimReviewed", "reviewRating", "author", "datePublished", "itemReviewed"):
        broken = copy.deepcopy(data)
        del broken["@graph"][0][field]
        assert any(field in e for e in schema_errors("claimreview", broken)), field
    broken = copy.deepcopy(data)
    broken["@graph"][0]["reviewRating"]["ratingValue"] = 7
    assert schema_errors("claimreview", broken)


# ---------------------------------------------------------------------------- html


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(text: str) -> list[tuple[str, dict]]:
    parser = _Collector()
    parser.feed(text)
    return parser.tags


def test_html_is_inert_and_self_contained(doc):
    text = render_html(doc)
    tags = _tags(text)
    names = [t for t, _ in tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    csp = [a["content"] for t, a in tags if t == "meta" and a.get("http-equiv")]
    assert csp and "script-src 'none'" in csp[0] and "default-src 'none'" in csp[0]
    links = [a["href"] for t, a in tags if t == "a"]
    assert not [h for h in links if h.startswith("javascript")]
    remote = [a for t, a in tags if t == "a" and not a["href"].startswith("#")]
    assert remote and all(a["rel"] == "noopener noreferrer" for a in remote)
    assert not re.search(r"(src|href)=\"//", text)


def test_html_chart_links_every_marker_to_a_quote(doc):
    text = render_html(doc)
    tags = _tags(text)
    ids = [a["id"] for _, a in tags if "id" in a]
    assert len(ids) == len(set(ids))
    assert sum(t == "svg" and "chart" in a.get("class", "") for t, a in tags) == 1
    markers = [a for t, a in tags if t == "circle" and "marker" in a.get("class", "")]
    assert len(markers) == 4  # the four citations of the numeric assertion, one undated
    targets = [a["href"][1:] for t, a in tags if t == "a" and a["href"].startswith("#cite-")]
    assert targets and set(targets) <= set(ids)
    toll = doc["assertions"][0]
    for c in toll["citations"]:
        assert citation_anchor(toll["id"], c["id"]) in ids
    assert ">undated</text>" in text
    rows = re.findall(r'<a href="#cite-[^"]+">(\d+)</a></td></tr>', text)
    assert rows == ["1", "4", "2", "3"]  # values 12, 14, 15, 18-22 point at their list numbers


def test_html_highlights_contradictions(doc):
    tags = _tags(render_html(doc))
    contradicting = [a for t, a in tags if t == "circle" and "contradiction" in a.get("class", "")]
    assert len(contradicting) == 3  # every value but the best supported one (15)
    assert any(t == "p" and a.get("class") == "contradiction" for t, a in tags)
    rows = [a for t, a in tags if t == "tr" and a.get("class") == "contradiction"]
    assert len(rows) == 3


@pytest.mark.parametrize("kind", ["quote", "numeric"])
def test_html_marks_every_citation_of_a_contradiction_without_values(doc, kind):
    changed = copy.deepcopy(doc)
    rebuild = changed["assertions"][1]
    rebuild.update(status=CONTRADICTED, kind=kind)
    for c in rebuild["citations"]:
        c["value"] = 3.0
    tags = _tags(render_html(changed))
    marked = {a["id"] for t, a in tags if t == "li" and "contradiction" in a.get("class", "")}
    assert {citation_anchor(rebuild["id"], c["id"]) for c in rebuild["citations"]} <= marked
    circles = [a for t, a in tags if t == "circle" and "contradiction" in a.get("class", "")]
    assert len(circles) == 3 + (2 if kind == "numeric" else 0)


def test_html_without_numeric_assertions_has_no_chart():
    doc = make_export(status=CORROBORATED)
    assert "<svg class=\"chart\"" not in render_html(doc)


def _numeric(doc, citations):
    """The fixture export with the numeric assertion's citations replaced."""
    changed = copy.deepcopy(doc)
    toll = changed["assertions"][0]
    template = toll["citations"][0]
    toll["citations"] = []
    for i, fields in enumerate(citations):
        c = copy.deepcopy(template)
        c["id"] = f"c{i}"
        c["document"].update(outlet=f"Outlet {i % 9}", published=fields.pop("published", None))
        c.update({"as_of": None, "low": None, "high": None, "value_index": None}, **fields)
        toll["citations"].append(c)
    return changed


@pytest.mark.parametrize("citations, labels", [
    ([{"value": 5.0}, {"value": 7.0}], ["undated"]),
    ([{"value": 5.0, "as_of": "2024"}, {"value": 6.0, "as_of": "2024-10"}], ["2024", "2024-10"]),
    ([{"value": 5.0, "as_of": "last week", "published": "2024-10-02"}], ["2024-10-02"]),
    ([{"value": 5.0, "as_of": "2024-02-30", "published": "2024-03-01"}], ["2024-03-01"]),
    ([{"value": 0.0, "published": "2024-01-01"}], ["2024-01-01"]),
    ([{"value": -3.0, "published": "2024-01-01"}, {"value": 4.0, "published": "2024-01-01"}],
     ["2024-01-01"]),
    ([{"value": 3.5e9, "published": "2024-01-01"}, {"value": 3.6e9, "published": "2024-02-01"}],
     ["2024-01-01", "2024-02-01"]),
    ([{"value": None, "low": 10.0, "high": 20.0, "published": "2024-01-01"}], ["2024-01-01"]),
    ([{"value": None, "low": 10.0, "published": "2024-01-01"}], ["2024-01-01"]),
    ([{"value": float(i), "published": f"2024-01-{i + 1:02d}"} for i in range(20)],
     ["2024-01-01", "2024-01-20"]),
])
def test_html_chart_edge_cases(doc, citations, labels):
    changed = _numeric(doc, citations)
    text = render_html(changed)
    tags = _tags(text)
    markers = [a for t, a in tags if t == "circle" and "marker" in a.get("class", "")]
    assert len(markers) == len(citations)
    for m in markers:
        assert 0 <= float(m["cx"]) <= 720 and 0 <= float(m["cy"]) <= 300
    assert not re.search(r"\b(nan|inf)\b", text)
    for label in labels:
        assert f">{label}</text>" in text
    ticks = [a for t, a in tags if t == "text" and a.get("class") == "x-tick"]
    assert 1 <= len(ticks) <= 7  # at most 6 dates, and "undated"


def test_html_skips_citations_without_a_number(doc):
    changed = _numeric(doc, [{"value": None}, {"value": 2.0, "published": "2024-01-01"}])
    tags = _tags(render_html(changed))
    assert len([a for t, a in tags if t == "circle" and "marker" in a.get("class", "")]) == 1
    none = _numeric(doc, [{"value": None}])
    assert '<svg class="chart"' not in render_html(none)


@pytest.mark.parametrize("low, high, count", [(0, 10, 5), (12, 22, 5), (-3, 3, 5), (5, 5, 5),
                                              (0.001, 0.004, 4), (1e6, 3.5e6, 5)])
def test_nice_ticks_cover_range(low, high, count):
    ticks = nice_ticks(low, high, count)
    assert ticks[0] <= low and ticks[-1] >= high
    steps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:])}
    assert len(steps) == 1 and 2 <= len(ticks) <= 2 * count + 2


# ------------------------------------------------------------------- helpers, render


@pytest.mark.parametrize("value, grouping, text", [
    (12.0, True, "12"), (12000.0, True, "12,000"), (12000.0, False, "12000"),
    (1.5, True, "1.5"), (-3.0, True, "-3"), (None, True, ""), (0.1 + 0.2, False, "0.3"),
])
def test_format_number(value, grouping, text):
    assert format_number(value, grouping) == text


@pytest.mark.parametrize("item, text", [
    ({"value": 12.0, "qualifier": "at least"}, "at least 12"),
    ({"value": 15.0, "qualifier": "exact"}, "15"),
    ({"value": None, "low": 18.0, "high": 22.0, "qualifier": "range"}, "18–22"),
    ({"value": 1200.0, "qualifier": "about"}, "about 1,200"),
    ({"value": None, "low": 5.0, "qualifier": "over"}, "over 5"),
    ({"value": None}, ""),
    ({"value": 300.0, "qualifier": "vague"}, "roughly 300"),
    ({"value": 7.0, "qualifier": ""}, "7"),
])
def test_describe_value(item, text):
    assert describe_value(item) == text


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_dispatches_every_format(doc, fmt):
    text = render(doc, fmt, date_published="2025-03-05" if fmt == "claimreview" else None)
    assert isinstance(text, str) and text
    if fmt in ("json", "claimreview"):
        name = "export" if fmt == "json" else "claimreview"
        assert schema_errors(name, json.loads(text)) == []


def test_render_options(doc):
    assert "<title>Floods &amp; more</title>" in render(doc, "html", title="Floods & more")
    assert '"name": "Desk"' in render(doc, "claimreview", organisation="Desk", url=None)
    with pytest.raises(ExportError, match="unknown export format"):
        render(doc, "xml")
    with pytest.raises(ExportError, match="no option 'title'"):
        render(doc, "csv", title="x")


# ------------------------------------------------------------------ verdict schema


def _verdict() -> dict:
    citation = {"document": {"path": "news/a.txt", "outlet": "Daily Courier", "url": None,
                             "title": None, "published": "2025-03-02"},
                "start": 30, "end": 53, "quote": "At least 12 people died",
                "attributed_to": "police", "as_of": "2025-03-02"}
    return {
        "claim": "Twelve people died in the floods.",
        "verdict": "disputed",
        "confidence": 0.7,
        "reasons": ["outlets disagree on the toll"],
        "parsed": {"kind": "numeric", "value": 12, "low": None, "high": None, "qualifier": None,
                   "counted": "deaths", "attributed_to": None, "as_of": None,
                   "modality": "asserted"},
        "evidence": [{"assertion_id": "abc", "label": "Deaths", "status": "contradicted",
                      "similarity": 0.8,
                      "values": [{"value": 12, "low": None, "high": None, "qualifier": "at least",
                                  "stance": "supports", "citations": [citation]}]}],
    }


def test_verdict_schema_accepts_a_verdict():
    assert schema_errors("verdict", _verdict()) == []


@pytest.mark.parametrize("path, bad", [
    (("verdict",), "true"),
    (("confidence",), 2),
    (("evidence", 0, "values", 0, "stance"), "agrees"),
    (("evidence", 0, "status"), "disputed"),
    (("evidence", 0, "values", 0, "citations", 0, "start"), -1),
    (("parsed",), None),
])
def test_verdict_schema_rejects(path, bad):
    verdict = _verdict()
    target = verdict
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    assert schema_errors("verdict", verdict)


@pytest.mark.parametrize("field", ["claim", "verdict", "confidence", "reasons", "parsed",
                                   "evidence"])
def test_verdict_schema_requires(field):
    verdict = _verdict()
    del verdict[field]
    assert schema_errors("verdict", verdict)
