import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import sqlite_utils

from factcheck import browse, store
from factcheck.errors import MissingExtraError, StoreError
from factcheck.models import Assertion, AssertionValue, Claim, Document, Sentence, Source, content_id

ALL_NAMES = sorted(set(store.TABLES) | set(store.VIEWS) | {"_migrations"})


# -- coverage of the declared shape ---------------------------------------------


@pytest.fixture(scope="module")
def declared():
    return browse.declared_columns()


def test_declared_columns_cover_the_store(declared):
    assert sorted(declared) == ALL_NAMES
    assert sorted(browse.DESCRIPTIONS) == ALL_NAMES, "describe every table and view, and nothing else"
    for name, spec in store.TABLES.items():
        assert declared[name] == list(spec["columns"])


@pytest.mark.parametrize("name", ALL_NAMES)
def test_every_column_is_described(declared, name):
    described = browse.DESCRIPTIONS[name]["columns"]
    assert sorted(described) == sorted(declared[name]), f"{name}: describe exactly its columns"
    assert browse.DESCRIPTIONS[name]["description"].strip()
    for column in declared[name]:
        text = browse.column_description(name, column)
        assert isinstance(text, str) and len(text) > 10, f"{name}.{column}"


def test_description_references_point_at_real_columns(declared):
    for name, entry in browse.DESCRIPTIONS.items():
        for column, value in entry["columns"].items():
            if isinstance(value, tuple):
                table, other = value
                assert other in declared[table], f"{name}.{column} refers to missing {table}.{other}"


def test_a_new_column_without_a_description_is_caught(declared):
    columns = {**declared, "claims": declared["claims"] + ["brand_new"]}
    with pytest.raises(KeyError):
        browse.build_metadata("x", columns)


@pytest.mark.parametrize("name", sorted(browse.TABLE_SETTINGS))
def test_settings_name_real_columns(declared, name):
    settings = browse.TABLE_SETTINGS[name]
    assert name in declared
    named = [settings.get("label_column"), settings.get("sort"), settings.get("sort_desc"),
             *settings.get("facets", [])]
    for column in filter(None, named):
        assert column in declared[name], f"{name}: no column {column}"
    assert not ("sort" in settings and "sort_desc" in settings)


def test_actual_database_is_fully_described(seeds_db):
    db = sqlite_utils.Database(seeds_db)
    fts = set(browse.fts_tables().values())
    names = [t for t in db.table_names() if not any(t.startswith(f) for f in fts)] + db.view_names()
    columns = {name: [c.name for c in db[name].columns] for name in names}
    metadata = browse.build_metadata("seeds", columns)
    tables = metadata["databases"]["seeds"]["tables"]
    assert sorted(tables) == sorted(names) == ALL_NAMES
    for name in names:
        assert list(tables[name]["columns"]) == columns[name]
        assert all(tables[name]["columns"].values())


def test_metadata_shape(declared):
    metadata = browse.build_metadata("news")
    db = metadata["databases"]["news"]
    assert metadata["title"] == "factcheck" and metadata["description"]
    for table in ("documents", "claims", "assertions"):
        assert db["tables"][table]["fts_table"] == f"{table}_fts"
        assert db["tables"][table]["fts_pk"] == "rowid"
    assert db["tables"]["claims"]["label_column"] == "text"
    assert db["tables"]["_migrations"]["hidden"] is True
    assert db["tables"]["citations"]["columns"]["quote"] == browse.DESCRIPTIONS["claims"]["columns"]["text"]
    assert set(db["queries"]) == set(browse.CANNED_QUERIES)
    for query in db["queries"].values():
        assert query["title"] and query["description"] and query["sql"] == query["sql"].strip()
        for param in query["params"]:
            assert f":{param}" in query["sql"]
    json.dumps(metadata)  # serialisable as is


@pytest.mark.parametrize("view, fts_table, pk", sorted((v, *s) for v, s in browse.VIEW_SEARCH.items()))
def test_view_search_needs_its_rowid_column(declared, monkeypatch, view, fts_table, pk):
    plain = [c for c in declared[view] if c != pk]
    assert "fts_table" not in browse.build_metadata("x", {view: plain})["databases"]["x"]["tables"][view]
    monkeypatch.setitem(browse.DESCRIPTIONS[view]["columns"], pk, "rowid of the searchable row")
    entry = browse.build_metadata("x", {view: plain + [pk]})["databases"]["x"]["tables"][view]
    assert (entry["fts_table"], entry["fts_pk"]) == (fts_table, pk)


def test_split_for_datasette_1():
    metadata = browse.build_metadata("news")
    meta, config = browse.split_for_datasette_1(metadata)
    assert meta["title"] == "factcheck"
    assert "queries" not in meta["databases"]["news"]
    assert set(config["databases"]["news"]["queries"]) == set(browse.CANNED_QUERIES)
    for name, entry in meta["databases"]["news"]["tables"].items():
        assert not set(entry) & browse.CONFIG_KEYS, name
        assert entry["description"] and entry["columns"]
    claims = config["databases"]["news"]["tables"]["claims"]
    assert claims["label_column"] == "text" and claims["fts_table"] == "claims_fts"
    assert "description" not in claims
    # Nothing lost: merging the two gives back the 0.x metadata.
    merged = json.loads(json.dumps(meta))
    for name, entry in config["databases"]["news"]["tables"].items():
        merged["databases"]["news"]["tables"].setdefault(name, {}).update(entry)
    merged["databases"]["news"]["queries"] = config["databases"]["news"]["queries"]
    assert merged == metadata


@pytest.mark.parametrize("version, files", [("0.65.5", 1), ("0.64", 1), ("1.0a16", 2), ("1.0", 2)])
def test_write_datasette_files(tmp_path, version, files):
    out = tmp_path / "out" / "meta.json"
    options = browse.write_datasette_files(tmp_path / "news.db", out, version)
    assert options[:2] == ["--metadata", str(out)]
    metadata = json.loads(out.read_text(encoding="utf-8"))
    assert "news" in metadata["databases"]
    assert len(options) == 2 * files
    if files == 2:
        assert options[2] == "--config"
        config = json.loads(open(options[3], encoding="utf-8").read())
        assert "claims_matching_text" in config["databases"]["news"]["queries"]
        assert "queries" not in metadata["databases"]["news"]
    else:
        assert "claims_matching_text" in metadata["databases"]["news"]["queries"]


def test_datasette_command_is_local_and_read_only_by_default():
    command = browse.datasette_command("db/news.db", ["--metadata", "m.json"], "127.0.0.1", 9000)
    assert command[1:4] == ["-m", "datasette", "serve"]
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert command[command.index("--port") + 1] == "9000"
    assert "--metadata" in command and "db/news.db" in command


def test_missing_datasette_names_the_extra(monkeypatch, tmp_path):
    import importlib.metadata

    def not_installed(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    with pytest.raises(MissingExtraError, match=r"factcheck\[browse\]") as error:
        browse.start(str(tmp_path / "news.db"))
    assert "datasette" in str(error.value)


def test_start_needs_an_existing_database(tmp_path):
    with pytest.raises(StoreError, match="no database here yet"):
        browse.start(str(tmp_path / "none.db"), quiet=True)
    assert not (tmp_path / "none.db").exists()


# -- Datasette for real ------------------------------------------------------------

TEXT_A = ("Troops arrive in the north\n"
          "Officials said 3,000 troops arrived on Monday. Police said 12 bridges were closed.\n")
TEXT_B = "Troops in the north\nAbout 10,000 troops arrived, the ministry said.\n"


def _document(text, path, outlet, published):
    return Document(id=content_id(text, path), path=path, text=text, outlet=outlet,
                    published=published, title=text.splitlines()[0])


def _sentence(document, text, index):
    start = document.text.index(text)
    return Sentence(id=content_id(document.id, start), document_id=document.id, index=index,
                    start=start, end=start + len(text), text=text)


def _claim(document, sentence, text, value, source, qualifier="exact", counted="troops"):
    start = document.text.index(text)
    return Claim(id=content_id(document.id, "claim", start), document_id=document.id,
                 sentence_id=sentence.id, start=start, end=start + len(text), text=text,
                 kind="numeric", value=value, qualifier=qualifier, counted=counted,
                 attributed_to=source, modality="reported", check_worthiness=value / 10_000)


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    """Two outlets that disagree about a number, and a number only one source gives."""
    path = tmp_path_factory.mktemp("browse") / "news.db"
    db = store.open_db(str(path))
    a = _document(TEXT_A, "a.txt", "Alpha News", "2025-03-01")
    b = _document(TEXT_B, "b.txt", "Beta Post", "2025-03-02")
    sa = [_sentence(a, "Officials said 3,000 troops arrived on Monday.", 1),
          _sentence(a, "Police said 12 bridges were closed.", 2)]
    sb = [_sentence(b, "About 10,000 troops arrived, the ministry said.", 1)]
    troops_a = _claim(a, sa[0], "Officials said 3,000 troops arrived on Monday", 3000, "Officials")
    bridges = _claim(a, sa[1], "Police said 12 bridges were closed", 12, "Police", counted="bridges")
    troops_b = _claim(b, sb[0], "About 10,000 troops arrived, the ministry said", 10_000, "ministry", "about")
    store.save_document(db, a, sa, [troops_a, bridges], "2025-03-03T00:00:00+00:00")
    store.save_document(db, b, sb, [troops_b], "2025-03-03T00:00:00+00:00")
    contradicted = Assertion(
        id="c0ffee0000000001", kind="numeric", label="Number of troops arrived", status="contradicted",
        confidence=0.4, claim_ids=(troops_a.id, troops_b.id), n_outlets=2, n_independent_sources=2,
        values=(AssertionValue(3000, None, None, "exact", (troops_a.id,), ("Alpha News",), ("Officials",)),
                AssertionValue(10_000, None, None, "about", (troops_b.id,), ("Beta Post",), ("ministry",))),
        reasons=("3,000 (Officials) vs about 10,000 (ministry)",), best_value=10_000)
    single = Assertion(
        id="b0a700000000002", kind="numeric", label="Number of bridges closed", status="single-source",
        confidence=0.7, claim_ids=(bridges.id,), n_outlets=1, n_independent_sources=1,
        values=(AssertionValue(12, None, None, "exact", (bridges.id,), ("Alpha News",), ("Police",)),),
        best_value=12)
    sources = [Source("Alpha News", "outlet", 0.62, n_claims=2), Source("Beta Post", "outlet", 0.81, n_claims=1),
               Source("Police", "origin", 0.7, n_claims=1, explanation=("uncorroborated",))]
    store.save_analysis(db, [], [contradicted, single], sources)
    db.close()
    return {"path": path, "documents": {a.id: a, b.id: b}, "claims": [troops_a, bridges, troops_b]}


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(small_db, tmp_path_factory):
    metadata_out = tmp_path_factory.mktemp("meta") / "metadata.json"
    server = browse.start(str(small_db["path"]), port=_free_port(), metadata_out=metadata_out, quiet=True)
    try:
        deadline = time.monotonic() + 15
        while True:
            assert server.process.poll() is None, f"datasette exited: {server.command}"
            try:
                urllib.request.urlopen(server.url.rsplit("/", 1)[0] + "/-/versions.json", timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "datasette did not answer within 15 s"
                time.sleep(0.1)
        yield server, small_db
    finally:
        server.stop()


def _get(server, path, **params):
    query = urllib.parse.urlencode({"_shape": "array", **params})
    with urllib.request.urlopen(f"{server.url}/{path}.json?{query}", timeout=10) as response:
        return json.load(response)


def test_server_is_local_with_generated_metadata(served):
    server, data = served
    assert server.url.startswith("http://127.0.0.1:") and server.url.endswith("/news")
    root = server.url.rsplit("/", 1)[0]
    with urllib.request.urlopen(root + "/-/metadata.json", timeout=10) as response:
        metadata = json.load(response)
    assert metadata == json.loads(server.metadata_path.read_text(encoding="utf-8"))
    assert metadata["databases"]["news"]["tables"]["contradictions"]["description"]
    with urllib.request.urlopen(root + "/news.json", timeout=10) as response:
        listing = json.load(response)
    assert "claims_matching_text" in {q["name"] for q in listing["queries"]}
    assert "_migrations" in {t["name"] for t in listing["tables"] if t["hidden"]}


def test_contradictions_view(served):
    server, _ = served
    rows = _get(server, "contradictions")
    assert [r["label"] for r in rows] == ["Number of troops arrived"]
    assert "3000.0 (Alpha News)" in rows[0]["values_reported"]
    assert "10000.0 (Beta Post)" in rows[0]["values_reported"]


def test_citations_quote_the_documents_exactly(served):
    server, data = served
    rows = _get(server, "citations")
    assert len(rows) == 3
    for row in rows:
        text = next(d.text for d in data["documents"].values() if d.path == row["path"])
        assert text[row["start"]:row["end"]] == row["quote"]
    assert {r["outlet"] for r in rows} == {"Alpha News", "Beta Post"}


def test_single_source_numbers_and_scorecard(served):
    server, _ = served
    single = _get(server, "single_source_numbers")
    assert [(r["label"], r["attributed_to"], r["outlet"]) for r in single] == [
        ("Number of bridges closed", "Police", "Alpha News")]
    scorecard = _get(server, "source_scorecard")
    assert [r["name"] for r in scorecard] == ["Beta Post", "Police", "Alpha News"]


def test_table_settings_apply(served):
    server, data = served
    claims = _get(server, "claims")
    assert [c["check_worthiness"] for c in claims] == sorted((c["check_worthiness"] for c in claims), reverse=True)
    labelled = _get(server, "claims", _labels="on")
    titles = {d.id: d.title for d in data["documents"].values()}
    assert all(c["document_id"]["label"] == titles[c["document_id"]["value"]] for c in labelled)
    with urllib.request.urlopen(f"{server.url}/assertions.json", timeout=10) as response:
        facets = json.load(response)["facet_results"]
    assert {f["value"] for f in facets["status"]["results"]} == {"contradicted", "single-source"}
    searched = _get(server, "claims", _search="bridges")
    assert [c["value"] for c in searched] == [12]
    with urllib.request.urlopen(f"{server.url}/citations.json", timeout=10) as response:
        facets = json.load(response)["facet_results"]
    assert {f["value"]: f["count"] for f in facets["outlet"]["results"]} == {"Alpha News": 2, "Beta Post": 1}


@pytest.mark.parametrize("page", [*ALL_NAMES, *browse.CANNED_QUERIES])
def test_every_page_renders(served, page):
    server, _ = served
    with urllib.request.urlopen(f"{server.url}/{page}", timeout=10) as response:
        assert response.status == 200
        html = response.read().decode("utf-8")
    description = (browse.CANNED_QUERIES.get(page) or browse.DESCRIPTIONS.get(page))["description"]
    assert description.split(":")[0] in html.replace("&#39;", "'")


@pytest.mark.parametrize("query, params, expected", [
    ("claims_matching_text", {"text": "troops"}, {3000.0, 10000.0}),
    ("claims_matching_text", {"text": "troop"}, {3000.0, 10000.0}),  # porter stemming
    ("claims_matching_text", {"text": "ministry"}, {10000.0}),
    ("claims_matching_text", {"text": 'bridges, "U.S. 1,000'}, set()),  # punctuation is no error
    ("claims_matching_text", {"text": ""}, set()),
    ("claims_matching_text", {"text": "  "}, set()),
    ("claims_by_source", {"source": "police"}, {12.0}),
    ("claims_by_source", {"source": "Beta"}, {10000.0}),
    ("claims_by_source", {"source": ""}, set()),
])
def test_canned_claim_queries(served, query, params, expected):
    server, _ = served
    assert {r["value"] for r in _get(server, query, **params)} == expected


@pytest.mark.parametrize("text, expected", [
    ("troops", ["c0ffee0000000001"]),  # in the label
    ("ministry", ["c0ffee0000000001"]),  # in a claim only
    ("bridges", []),  # not contradicted
    ("", []),
])
def test_canned_contradictions_about(served, text, expected):
    server, _ = served
    assert [r["id"] for r in _get(server, "contradictions_about", text=text)] == expected


@pytest.mark.parametrize("prefix, n", [("c0ffee", 2), ("c0ffee0000000001", 2), ("b0a7", 1), ("", 0), ("zz", 0)])
def test_canned_assertion_citations(served, prefix, n):
    server, _ = served
    rows = _get(server, "assertion_citations", assertion=prefix)
    assert len(rows) == n
    assert all(r["assertion_id"].startswith(prefix) for r in rows)


@pytest.mark.parametrize("view, words, expected", [
    ("citations", "bridges", 1),
    ("citations", "troops", 2),
    ("single_source_numbers", "bridges", 1),
    ("contradictions", "troops", 1),
    ("contradictions", "bridges", 0),
])
def test_views_are_searchable_when_they_carry_a_rowid(served, view, words, expected):
    server, data = served
    fts_table, pk = browse.VIEW_SEARCH[view]
    columns = sqlite_utils.Database(data["path"])[view].columns_dict
    if pk not in columns:
        pytest.skip(f"the store's {view} view has no {pk} column yet")
    assert len(_get(server, view, _search=words)) == expected
