import json
from dataclasses import replace

import pytest

from factcheck import store
from factcheck.claims import parse_statement
from factcheck.errors import InputError
from factcheck.models import (
    CONTRADICTED,
    CORROBORATED,
    SINGLE_SOURCE,
    Assertion,
    AssertionValue,
    Claim,
    Document,
    Sentence,
    content_id,
)
from factcheck.retrieval import (
    bm25_scores,
    clean_statement,
    fold_word,
    parse_query,
    rank_claims,
    rank_documents,
    search_terms,
)
from factcheck.validation import schema_errors
from factcheck.verify import read_batch_line, verify_batch, verify_text

# --- the seeds --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def seeds(seeds_db):
    return store.open_db(str(seeds_db), create=False)


def _cited_values(verdict):
    return {(v.value, v.stance) for e in verdict.evidence for v in e.values if v.value is not None}


def _check_citations(db, verdict):
    """Every citation is exact: the document's text at [start:end] is the quote."""
    ids = {c.document.id for e in verdict.evidence for v in e.values for c in v.citations}
    docs = store.documents_by_id(db, sorted(ids))
    for e in verdict.evidence:
        for v in e.values:
            for c in v.citations:
                assert docs[c.document.id].text[c.claim.start:c.claim.end] == c.claim.text


@pytest.mark.parametrize("text, expected", [
    ("North Korea has sent 12,000 troops to Russia", "disputed"),
    ("The EU said the deployment would be a serious breach of international law", "supported"),
    ("North Korea sent 50,000 troops to Russia", "contradicted"),
    ("Japan sent 5,000 troops to Ukraine", "unverified"),
    ("NATO confirmed North Korean troops in the Kursk region", "supported"),
])
def test_seed_verdicts(seeds, text, expected):
    verdict = verify_text(seeds, text)
    assert verdict.verdict == expected, verdict.reasons
    doc = verdict.to_json()
    assert schema_errors("verdict", doc) == []
    assert doc["claim"] == text and 0 <= doc["confidence"] <= 1 and doc["reasons"]
    _check_citations(seeds, verdict)
    if expected != "unverified":
        assert verdict.evidence and verdict.confidence > 0.5


def test_seed_dispute_cites_both_figures(seeds):
    verdict = verify_text(seeds, "North Korea has sent 12,000 troops to Russia")
    values = _cited_values(verdict)
    assert (12000.0, "supports") in values
    assert (3000.0, "contradicts") in values
    outlets = {c.document.outlet for e in verdict.evidence for v in e.values if v.value == 12000.0
               for c in v.citations}
    assert len(outlets) >= 2


def test_seed_support_cites_two_outlets(seeds):
    verdict = verify_text(seeds, "The EU said the deployment would be a serious breach of international law")
    outlets = {c.document.outlet for e in verdict.evidence for v in e.values if v.stance == "supports"
               for c in v.citations}
    assert len(outlets) >= 2


def test_seed_unverified_says_it_is_not_false(seeds):
    verdict = verify_text(seeds, "Japan sent 5,000 troops to Ukraine")
    assert any("does not mean false" in r for r in verdict.reasons)
    assert all(v.stance == "related" for e in verdict.evidence for v in e.values)


def test_seed_value_out_of_range_is_contradicted_by_every_report(seeds):
    verdict = verify_text(seeds, "North Korea sent 50,000 troops to Russia")
    stances = {v.stance for e in verdict.evidence for v in e.values}
    assert "supports" not in stances and "contradicts" in stances


# --- a story built by hand --------------------------------------------------------------

A = ("Quake toll rises\n"
     "The earthquake killed 120 people in Corvana, the interior ministry said. "
     "The Red Cross confirmed that rescue teams reached Corvana. "
     "The mayor denied that the dam had collapsed.")
B = ("Corvana counts its dead\n"
     "About 120 people died in the earthquake in Corvana, according to the interior ministry. "
     "Rescue teams reached Corvana, the Red Cross confirmed.")
C = ("Army to Corvana\n"
     "Local officials said 300 people were killed in the earthquake in Corvana. "
     "The government plans to send 2,000 soldiers to Corvana. "
     "Engineers said the dam had collapsed.")
OUTLETS = {"a.txt": ("Harbor Daily", "2025-03-02", A), "b.txt": ("Coastal Times", "2025-03-02", B),
           "c.txt": ("Valley Post", "2025-03-03", C)}


def _claim(doc: Document, sentence: str, **fields) -> tuple[Sentence, Claim]:
    """A stored claim read by the same parser as statements, placed at its offsets."""
    start = doc.text.index(sentence)
    sent = Sentence(id=content_id(doc.id, start), document_id=doc.id, index=start, start=start,
                    end=start + len(sentence), text=sentence)
    parsed = parse_statement(sentence)
    base = parsed[0] if parsed else Claim(id="", document_id="", sentence_id="", start=0, end=0,
                                          text=sentence, kind="event")
    span = base.text if parsed else sentence
    offset = start + sentence.index(span)
    claim = replace(base, id=content_id(doc.id, offset, span), document_id=doc.id, sentence_id=sent.id,
                    start=offset, end=offset + len(span), text=span, **fields)
    return sent, claim


def _value(claims, outlets, sources, modality="reported"):
    c = claims[0]
    return AssertionValue(c.value, c.low, c.high, c.qualifier, tuple(x.id for x in claims), tuple(outlets),
                          tuple(sources), None, modality, 0.5)


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("story") / "story.db")
    db = store.open_db(path)
    docs = {p: Document(id=content_id(p, t), path=p, text=t, outlet=o, published=d, url=f"https://{p}.test/",
                        title=t.split("\n")[0]) for p, (o, d, t) in OUTLETS.items()}
    a, b, c = docs["a.txt"], docs["b.txt"], docs["c.txt"]
    parts = {
        "a_toll": _claim(a, "The earthquake killed 120 people in Corvana, the interior ministry said."),
        "a_rescue": _claim(a, "The Red Cross confirmed that rescue teams reached Corvana."),
        "a_dam": _claim(a, "The mayor denied that the dam had collapsed."),
        "b_toll": _claim(b, "About 120 people died in the earthquake in Corvana, according to the interior ministry."),
        "b_rescue": _claim(b, "Rescue teams reached Corvana, the Red Cross confirmed."),
        "c_toll": _claim(c, "Local officials said 300 people were killed in the earthquake in Corvana."),
        "c_army": _claim(c, "The government plans to send 2,000 soldiers to Corvana."),
        "c_dam": _claim(c, "Engineers said the dam had collapsed.", kind="event", attributed_to="Engineers",
                        modality="reported"),
    }
    cl = {k: v[1] for k, v in parts.items()}
    for doc in docs.values():
        mine = [v for v in parts.values() if v[1].document_id == doc.id]
        store.save_document(db, doc, [s for s, _ in mine], [c for _, c in mine], "2025-03-04T00:00:00+00:00")
    assertions = [
        Assertion("toll", "numeric", "Number of deaths in Corvana", CONTRADICTED, 0.6,
                  (cl["a_toll"].id, cl["b_toll"].id, cl["c_toll"].id), 3, 2,
                  (_value([cl["a_toll"], cl["b_toll"]], ["Harbor Daily", "Coastal Times"], ["interior ministry"]),
                   _value([cl["c_toll"]], ["Valley Post"], ["Local officials"]))),
        Assertion("rescue", "event", "Red Cross: rescue teams reached Corvana", CORROBORATED, 0.8,
                  (cl["a_rescue"].id, cl["b_rescue"].id), 2, 1),
        Assertion("army", "numeric", "Number of troops in Corvana", SINGLE_SOURCE, 0.4, (cl["c_army"].id,), 1, 1,
                  (_value([cl["c_army"]], ["Valley Post"], [], "planned"),)),
        Assertion("dam", "event", "The dam collapsed", CONTRADICTED, 0.5, (cl["a_dam"].id, cl["c_dam"].id), 2, 2),
    ]
    store.save_analysis(db, [], assertions, [])
    return db


@pytest.mark.parametrize("text, expected", [
    ("The earthquake killed 120 people in Corvana", "disputed"),
    ("The earthquake killed 300 people in Corvana", "disputed"),
    ("Officials said 300 people were killed in the earthquake in Corvana", "disputed"),
    ("The earthquake killed 5,000 people in Corvana", "contradicted"),
    ("The earthquake killed 120 people in Dunmore", "unverified"),
    ("The Red Cross confirmed that rescue teams reached Corvana", "supported"),
    ("Rescue teams reached Corvana, the Red Cross said", "supported"),
    ("The Red Cross denied that rescue teams reached Corvana", "contradicted"),
    ("The government will send 2,000 soldiers to Corvana", "supported"),
    ("The government will send 9,000 soldiers to Corvana", "contradicted"),
    ("The government sent 2,000 soldiers to Corvana", "unverified"),
    ("A volcano erupted near Lake Tessin", "unverified"),
])
def test_story_verdicts(story, text, expected):
    verdict = verify_text(story, text)
    assert verdict.verdict == expected, verdict.reasons
    assert schema_errors("verdict", verdict.to_json()) == []
    _check_citations(story, verdict)


def test_a_plan_is_not_a_report(story):
    verdict = verify_text(story, "The government sent 2,000 soldiers to Corvana")
    assert any("plan" in r for r in verdict.reasons)


def test_independent_sources_not_relays(story):
    """Two outlets relaying one ministry count as one independent source."""
    verdict = verify_text(story, "The earthquake killed 120 people in Corvana")
    assert any("1 independent source(s) in 2 outlet(s) agree" in r for r in verdict.reasons)


def test_evidence_json_carries_urls_dates_and_offsets(story):
    doc = verify_text(story, "The earthquake killed 120 people in Corvana").to_json()
    citation = doc["evidence"][0]["values"][0]["citations"][0]
    assert citation["document"]["url"].startswith("https://")
    assert citation["document"]["published"] == "2025-03-02"
    assert citation["end"] > citation["start"] >= 0
    assert json.loads(json.dumps(doc)) == doc


def test_empty_database_answers_unverified(tmp_path):
    db = store.open_db(str(tmp_path / "empty.db"))
    verdict = verify_text(db, "The earthquake killed 120 people in Corvana")
    assert verdict.verdict == "unverified" and verdict.evidence == ()


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_statement_is_an_input_error(story, text):
    with pytest.raises(InputError, match="empty"):
        verify_text(story, text)


def test_batch_keeps_order(story):
    texts = ["The earthquake killed 5,000 people in Corvana", "A volcano erupted near Lake Tessin"]
    assert [v.verdict for v in verify_batch(story, texts)] == ["contradicted", "unverified"]


def test_rank_claims_puts_the_repeated_claim_first(story):
    ranked = rank_claims(story, "rescue teams have reached Corvana says Red Cross", limit=3)
    assert ranked and "Rescue teams reached Corvana" in ranked[0].claim.text
    assert ranked[0].assertion_id == "rescue"
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)


def test_rank_documents(story):
    ranked = rank_documents(story, "army soldiers sent to Corvana", limit=3)
    assert ranked[0].document.path == "c.txt"


def test_common_words_still_find_claims(tmp_path):
    """A word in most rows is searched only together with others, and still finds its claim."""
    db = store.open_db(str(tmp_path / "common.db"))
    filler = [f"Officials counted boats in harbour number {i} near Corvana." for i in range(40)]
    text = " ".join(filler + ["Officials counted 70 boats sunk in Corvana harbour."])
    doc = Document(id="d", path="d.txt", text=text, outlet="Port News")
    sentences, claims = [], []
    for i, s in enumerate(filler + ["Officials counted 70 boats sunk in Corvana harbour."]):
        start = text.index(s)
        sentences.append(Sentence(id=f"s{i}", document_id="d", index=i, start=start, end=start + len(s), text=s))
        claims.append(Claim(id=f"c{i}", document_id="d", sentence_id=f"s{i}", start=start, end=start + len(s),
                            text=s, kind="event"))
    store.save_document(db, doc, sentences, claims, "2025-01-01T00:00:00+00:00")
    ranked = rank_claims(db, "boats sunk in the harbour of Corvana", limit=1)
    assert ranked[0].claim.id == "c40"


# --- parsing the input ------------------------------------------------------------------


@pytest.mark.parametrize("raw, clean", [
    ("Troops arrive https://t.co/abc123 now", "Troops arrive now"),
    ("See pic.twitter.com/0eJtwJyS1J for more", "See for more"),
    ("Big news #Corvana from @CityNews", "Big news Corvana from CityNews"),
    ("Quake kills 120 — Jane Doe (@janedoe) March 3, 2020", "Quake kills 120 — Jane Doe (janedoe) March 3, 2020"),
    ("  spaced\n\nout  ", "spaced out"),
])
def test_clean_statement(raw, clean):
    assert clean_statement(raw) == clean


@pytest.mark.parametrize("text, terms", [
    ("North Korea has sent 12,000 troops", ("north", "korea", "sent", "12", "troops")),
    ("The U.S. said it would", ()),
    ("“Curly” quotes—and dashes", ("curly", "quotes", "dashes")),
])
def test_search_terms(text, terms):
    assert search_terms(text) == terms


@pytest.mark.parametrize("text, kind, value, source, negative", [
    ("North Korea sent 3,000 troops to Russia", "numeric", 3000.0, None, False),
    ("NATO confirmed North Korean troops in Kursk", "event", None, "nato", False),
    ("The mayor denied that the dam collapsed", "event", None, "mayor", True),
    ("The dam did not collapse", None, None, None, True),
])
def test_parse_query(text, kind, value, source, negative):
    q = parse_query(text)
    assert (q.claim.kind if q.claim else None) == kind
    assert (q.claim.value if q.claim else None) == value
    assert (source in q.sources) if source else not q.sources
    assert q.negative is negative


@pytest.mark.parametrize("line, expected", [
    ("The dam collapsed\n", ("The dam collapsed", None)),
    ('{"text": "The dam collapsed", "id": 7}\n', ("The dam collapsed", None)),
    ('{"text": "The dam collapsed", "date": "2025-03-02"}', ("The dam collapsed", "2025-03-02")),
    ("   \n", None),
    ("", None),
])
def test_read_batch_line(line, expected):
    assert read_batch_line(line, "in.jsonl:1") == expected


@pytest.mark.parametrize("line, problem", [
    ('{"text": "unterminated', "not valid JSON"),
    ('{"claim": "no text field"}', "needs a non-empty string field `text`"),
    ('{"text": 12}', "needs a non-empty string field `text`"),
    ('{"text": "  "}', "needs a non-empty string field `text`"),
    ('{"text": "The dam collapsed", "date": "2 March"}', "`date` must be a day as YYYY-MM-DD"),
    ('{"text": "The dam collapsed", "date": "2025-02-30"}', "`date` must be a day as YYYY-MM-DD"),
])
def test_read_batch_line_errors_name_the_line(line, problem):
    with pytest.raises(InputError) as info:
        read_batch_line(line, "in.jsonl:3")
    assert str(info.value).startswith("in.jsonl:3: ") and problem in str(info.value)


# --- the command (owned with verify) ----------------------------------------------------


def test_cli_batch_answers_good_lines_and_names_the_bad_one(runner, story, tmp_path):
    from factcheck.cli import cli

    path = tmp_path / "claims.jsonl"
    path.write_text('{"text": "The earthquake killed 5,000 people in Corvana"}\n'
                    '{"text": broken\n'
                    'A volcano erupted near Lake Tessin\n', encoding="utf-8")
    db_file = story.execute("pragma database_list").fetchone()[2]
    result = runner.invoke(cli, ["verify", "--batch", str(path), "--db", db_file])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["line"], r["verdict"]) for r in rows] == [(1, "contradicted"), (3, "unverified")]
    assert f"{path}:2: not valid JSON" in result.output
    for row in rows:
        row.pop("line")
        assert schema_errors("verdict", row) == []


@pytest.mark.parametrize("text, code", [
    ("The Red Cross confirmed that rescue teams reached Corvana", 0),
    ("The earthquake killed 5,000 people in Corvana", 3),
    ("The earthquake killed 120 people in Corvana", 4),
    ("A volcano erupted near Lake Tessin", 5),
])
def test_cli_check_exit_codes(runner, story, text, code):
    from factcheck.cli import cli

    db_file = story.execute("pragma database_list").fetchone()[2]
    result = runner.invoke(cli, ["verify", text, "--db", db_file, "--json", "--check"])
    assert result.exit_code == code, result.output
    assert schema_errors("verdict", json.loads(result.stdout)) == []
    plain = runner.invoke(cli, ["verify", text, "--db", db_file])
    assert plain.exit_code == 0


def test_cli_needs_text_or_batch(runner, story):
    from factcheck.cli import cli

    db_file = story.execute("pragma database_list").fetchone()[2]
    assert runner.invoke(cli, ["verify", "--db", db_file]).exit_code == 2


@pytest.mark.parametrize("word, folded", [
    ("troops", "troop"), ("crimes", "crime"), ("deployed", "deploy"), ("sending", "send"),
    ("bus", "bus"), ("news", "news"), ("countries", "country"), ("boxes", "box"), ("crime", "crime"),
    ("glass", "glass"), ("churches", "church"),
])
def test_fold_word(word, folded):
    assert fold_word(word) == folded


def test_bm25_prefers_rare_words_and_short_texts():
    idf = {"corvana": 5.0, "people": 1.0}
    scores = bm25_scores(idf, ["people people people", "Corvana people", "Corvana " + "filler " * 30, "nothing"])
    assert scores[1] == 1.0 and scores[1] > scores[2] > scores[0] > scores[3] == 0.0
    assert bm25_scores(idf, []) == []


@pytest.mark.parametrize("text, flagged", [
    ("Local officials said the earthquake killed 120 people in Corvana", True),
    ("The interior ministry said the earthquake killed 120 people in Corvana", False),
    ("The earthquake killed 120 people in Corvana", False),
])
def test_a_figure_supported_under_another_name_is_flagged(story, text, flagged):
    verdict = verify_text(story, text)
    assert any("the attribution is not" in r for r in verdict.reasons) is flagged, verdict.reasons


# --- the day a statement was made ------------------------------------------------------


def test_a_dated_statement_is_judged_against_reports_for_its_day(story):
    text = "On Monday officials said 300 people were killed in the earthquake in Corvana"
    undated = verify_text(story, text)
    assert undated.verdict == "disputed", undated.reasons  # undated: 120 and 300 clash
    verdict = verify_text(story, text, date="2025-03-05")
    assert verdict.parsed.as_of == "2025-03-03"
    assert verdict.verdict == "supported", verdict.reasons
    assert any("120 is reported for another date (2025-03-02)" in r for r in verdict.reasons)


def test_cli_date_resolves_relative_days_and_batch_lines_carry_their_own(runner, story, tmp_path):
    from factcheck.cli import cli

    db_file = story.execute("pragma database_list").fetchone()[2]
    text = "Officials said yesterday that 300 people were killed in the earthquake in Corvana"
    result = runner.invoke(cli, ["verify", text, "--db", db_file, "--json", "--date", "2025-03-04"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["parsed"]["as_of"] == "2025-03-03"
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps({"text": text, "date": "2025-03-03"}) + "\n" + text + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["verify", "--batch", str(path), "--db", db_file, "--date", "2025-03-04"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["parsed"]["as_of"] for line in result.stdout.splitlines()] == \
        ["2025-03-02", "2025-03-03"]
    bad = runner.invoke(cli, ["verify", text, "--db", db_file, "--date", "3 March"])
    assert bad.exit_code == 2 and "--date" in bad.output
