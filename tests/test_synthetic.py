"""The synthetic-corpus generator behind benchmarks/scale.py: deterministic, and its
truth file agrees with the articles it wrote."""

import datetime as dt
import importlib.util
import json
import pathlib
import sys

import pytest

from factcheck.ingest import discover, read_source

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _load_generator():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


synthetic = _load_generator()


def _files(folder: pathlib.Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _texts(folder: pathlib.Path, truth: dict) -> dict[str, str]:
    articles = folder / synthetic.ARTICLES
    if truth["format"] == "txt":
        return {d["file"]: (articles / d["file"]).read_text(encoding="utf-8") for d in truth["documents"]}
    records = [json.loads(line) for line in (articles / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["path"]: r["text"] for r in records}


@pytest.fixture(scope="module", params=["txt", "jsonl"])
def corpus(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"corpus-{request.param}")
    truth = synthetic.generate(folder, 300, seed=7, fmt=request.param)
    return folder, truth


@pytest.mark.parametrize("fmt", ["txt", "jsonl"])
@pytest.mark.parametrize("docs", [1, 7, 120])
def test_same_seed_same_bytes(tmp_path, fmt, docs):
    synthetic.generate(tmp_path / "a", docs, seed=3, fmt=fmt)
    synthetic.generate(tmp_path / "b", docs, seed=3, fmt=fmt)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_other_seed_other_corpus(tmp_path):
    synthetic.generate(tmp_path / "a", 50, seed=1)
    synthetic.generate(tmp_path / "b", 50, seed=2)
    assert (tmp_path / "a" / "truth.json").read_bytes() != (tmp_path / "b" / "truth.json").read_bytes()


@pytest.mark.parametrize("docs", [1, 19, 60, 333])
def test_exactly_the_documents_asked_for(tmp_path, docs):
    truth = synthetic.generate(tmp_path, docs, seed=5)
    assert truth["docs"] == len(truth["documents"]) == docs
    written = sorted(p.name for p in (tmp_path / synthetic.ARTICLES).glob("*.txt"))
    assert written == sorted(d["file"] for d in truth["documents"])
    manifest = json.loads((tmp_path / synthetic.ARTICLES / "manifest.json").read_text(encoding="utf-8"))
    assert [e["file"] for e in manifest["documents"]] == [d["file"] for d in truth["documents"]]


@pytest.mark.parametrize("docs, seed", [(0, 1), (-3, 1)])
def test_rejects_an_empty_corpus(tmp_path, docs, seed):
    with pytest.raises(ValueError):
        synthetic.generate(tmp_path, docs, seed)


def test_events_are_many_and_each_covered_by_several_outlets(corpus):
    _, truth = corpus
    events = truth["events"]
    assert len(events) >= 300 // 40
    coverage = [len(e["documents"]) for e in events]
    assert all(5 <= n <= 40 for n in coverage[:-1]) and 1 <= coverage[-1] <= 40
    assert sum(coverage) == truth["docs"]
    assert all(len({truth["documents"][int(f[:5])]["outlet"] for f in e["documents"]}) >= 2
               for e in events[:-1])


def test_every_claim_is_printed_in_its_document(corpus):
    folder, truth = corpus
    texts = _texts(folder, truth)
    n_words = 0
    for doc in truth["documents"]:
        text = texts[doc["file"]]
        for claim in doc["claims"]:
            assert claim["sentence"] in text
            if claim["low"] is not None and not claim["garbled"]:
                continue  # printed as a range "between LOW and HIGH"
            forms = {f"{claim['printed']:,}"}
            try:
                forms.add(synthetic.spell_number(claim["printed"]))
            except ValueError:
                pass
            assert any(form in claim["sentence"] for form in forms), claim
            n_words += f"{claim['printed']:,}" not in claim["sentence"]
    assert n_words > 0  # some numbers come in words


def test_statements_agree_with_the_truth_over_time(corpus):
    _, truth = corpus
    for event in truth["events"]:
        for q in event["quantities"]:
            true_on = {t["date"]: t["value"] for t in q["truth"]}
            values = [t["value"] for t in q["truth"]]
            assert values == sorted(values)  # counts only rise
            by_day: dict[str, set] = {}
            for s in q["statements"]:
                assert s["correct"] == (s["value"] == true_on[s["as_of"]])
                by_day.setdefault(s["as_of"], set()).add((s["value"], s["low"], s["high"]))
            assert q["contradicted_dates"] == sorted(d for d, v in by_day.items() if len(v) > 1)
            assert q["contradicted"] == bool(q["contradicted_dates"])


def test_every_report_cites_its_sources_statement(corpus):
    _, truth = corpus
    statements = {(e["id"], q["key"], s["source"], s["as_of"]): s
                  for e in truth["events"] for q in e["quantities"] for s in q["statements"]}
    for doc in truth["documents"]:
        for claim in doc["claims"]:
            if claim["kind"] != "report":
                continue
            s = statements[(doc["event"], claim["quantity"], claim["source"], claim["as_of"])]
            assert (s["value"], s["low"], s["high"]) == (claim["value"], claim["low"], claim["high"])
            assert (claim["printed"] != claim["value"]) <= claim["garbled"]


def test_relays_copy_an_earlier_wire_story_word_for_word(corpus):
    folder, truth = corpus
    texts = _texts(folder, truth)
    by_file = {d["file"]: d for d in truth["documents"]}
    wires = {o["name"] for o in truth["outlets"] if o["wire"]}
    copies = [d for d in truth["documents"] if d["copied_from"]]
    assert copies
    for doc in copies:
        original = by_file[doc["copied_from"]]
        assert original["outlet"] == doc["relays"] and doc["relays"] in wires
        assert original["event"] == doc["event"]
        assert original["published"] <= doc["published"]
        assert doc["relays"] in truth["relays"][doc["outlet"]]
        for claim in doc["claims"]:
            assert claim["sentence"] in texts[original["file"]]


def test_sources_and_outlets_have_rates_between_zero_and_one(corpus):
    _, truth = corpus
    assert all(0 <= s["reliability"] <= 1 for s in truth["sources"].values())
    assert all(0 <= o["garble_rate"] <= 1 and 0 <= o["relay_rate"] <= 1 for o in truth["outlets"])
    assert any(q["contradicted"] for e in truth["events"] for q in e["quantities"])
    assert any(not q["contradicted"] for e in truth["events"] for q in e["quantities"])


def test_pages_carry_furniture_and_an_off_topic_sidebar(corpus):
    folder, truth = corpus
    texts = _texts(folder, truth)
    headlines = {e["headline"] for e in truth["events"]}
    for doc in truth["documents"][:50]:
        lines = texts[doc["file"]].splitlines()
        assert lines[-1].startswith("©") and doc["outlet"] in lines[-1]
        sidebar = [line[2:] for line in lines if line.startswith("- ")]
        assert sidebar and set(sidebar) <= headlines


@pytest.mark.parametrize("fmt", ["txt", "jsonl"])
def test_factcheck_reads_the_corpus_with_its_metadata(tmp_path, fmt):
    truth = synthetic.generate(tmp_path, 12, seed=2, fmt=fmt)
    sources, errors, _ = discover([str(tmp_path / synthetic.ARTICLES)])
    assert errors == []
    documents = [d for s in sources for d in read_source(s).documents]
    assert len(documents) == 12
    expected = {d["file"]: d for d in truth["documents"]}
    for document in documents:
        doc = expected[pathlib.PurePath(document.path).name]
        assert document.outlet == doc["outlet"]
        assert document.published == doc["published"]
        assert dt.date.fromisoformat(document.published)
