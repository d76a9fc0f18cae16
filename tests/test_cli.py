import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from factcheck.cli import cli
from factcheck.validation import validate

from conftest import FIXTURES, ROOT, SEEDS


def invoke(runner, *args):
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_ingest_is_idempotent(runner, tmp_path):
    db = tmp_path / "f.db"
    first = invoke(runner, "ingest", SEEDS, "--db", db)
    assert first.exit_code == 0, first.output
    assert first.stderr.strip().endswith("5 added, 0 unchanged, 0 superseded, 0 failed")
    assert first.stdout == ""  # data to stdout, summaries to stderr; no bar in a pipe
    again = invoke(runner, "ingest", SEEDS, "--db", db)
    assert again.stderr.strip().endswith("0 added, 5 unchanged, 0 superseded, 0 failed")
    listing = invoke(runner, "documents", "--db", db, "--json")
    assert len(listing.stdout.splitlines()) == 5


def test_changed_file_supersedes_the_old_version(runner, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    story = folder / "a.txt"
    story.write_text("Storm hits coast\n\nThe storm killed 12 people on Monday, officials said.\n")
    db = tmp_path / "f.db"
    assert invoke(runner, "ingest", folder, "--db", db).exit_code == 0
    story.write_text("Storm hits coast\n\nThe storm killed 15 people on Monday, officials said.\n")
    result = invoke(runner, "ingest", folder, "--db", db)
    assert result.stderr.strip().endswith("1 added, 0 unchanged, 1 superseded, 0 failed")
    current = [json.loads(l) for l in invoke(runner, "documents", "--db", db, "--json").stdout.splitlines()]
    everything = [json.loads(l) for l in invoke(runner, "documents", "--db", db, "--all", "--json").stdout.splitlines()]
    assert len(current) == 1 and len(everything) == 2
    old = next(d for d in everything if d["superseded_by"])
    assert old["superseded_by"] == current[0]["id"]
    claims = [json.loads(l) for l in invoke(runner, "claims", "--db", db, "--json").stdout.splitlines()]
    assert claims and {c["document_id"] for c in claims} == {current[0]["id"]}
    assert all(c["value"] != 12 for c in claims)


def test_bad_files_are_reported_and_the_rest_goes_in(runner, tmp_path):
    db = tmp_path / "f.db"
    assert invoke(runner, "ingest", SEEDS / "000_7a9727fbd3eab761.txt", "--db", db).exit_code == 0
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text("Fire destroys market\n\nThe fire destroyed 40 stalls, the fire service said.\n")
    (batch / "empty.txt").write_text("")
    (batch / "broken.json").write_text('{"text": "x", }')
    (batch / "invalid.json").write_text('{"text": 5}')
    (batch / "image.txt").write_bytes(b"\x00\x01\x02PNG")
    (batch / "notes.docx").write_bytes(b"PK")
    result = invoke(runner, "ingest", batch, tmp_path / "nowhere", "--db", db)
    assert result.exit_code == 1
    errors = [l for l in result.stderr.splitlines() if l.startswith("error: ")]
    assert sorted(errors) == sorted([
        f"error: {batch / 'broken.json'}: malformed JSON at line 1, column 15: Expecting property name enclosed in double quotes",
        f"error: {batch / 'empty.txt'}: file is empty",
        f"error: {batch / 'image.txt'}: binary file (NUL bytes), not text",
        f"error: {batch / 'invalid.json'}: does not match schemas/article.schema.json: $.text: 5 is not of type 'string'",
        f"error: {tmp_path / 'nowhere'}: no such file or folder",
    ])
    assert f"note: {batch / 'notes.docx'}: skipped, unknown extension '.docx'" in result.stderr
    assert result.stderr.strip().endswith("1 added, 0 unchanged, 0 superseded, 5 failed")
    paths = {json.loads(l)["path"] for l in invoke(runner, "documents", "--db", db, "--json").stdout.splitlines()}
    assert paths == {str(SEEDS / "000_7a9727fbd3eab761.txt"), str(batch / "good.txt")}


def test_two_ingests_at_once_both_succeed(tmp_path):
    db = tmp_path / "f.db"
    halves = [tmp_path / "a", tmp_path / "b"]
    for i, half in enumerate(halves):
        half.mkdir()
        for path in sorted(SEEDS.glob("*.txt"))[i::2]:
            shutil.copy(path, half / path.name)
        shutil.copy(SEEDS / "manifest.json", half / "manifest.json")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "factcheck", "ingest", str(h), "--db", str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for h in halves]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    from factcheck import store
    assert len(store.current_documents(store.open_db(str(db)))) == 5


def test_commands_on_the_seeds(runner, seeds_db):
    docs = invoke(runner, "documents", "--db", seeds_db)
    assert "Euromaidan Press" in docs.stdout and "sentences" in docs.stdout
    claims = [json.loads(l) for l in invoke(runner, "claims", "--db", seeds_db, "--json", "--kind", "numeric").stdout.splitlines()]
    assert claims and all(c["kind"] == "numeric" for c in claims)
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for c in claims:
        assert texts[pathlib.Path(c["path"]).name][c["start"]:c["end"]] == c["text"]
    worthy = invoke(runner, "claims", "--db", seeds_db, "--json", "--min-worthiness", "0.5").stdout.splitlines()
    assert all(json.loads(l)["check_worthiness"] >= 0.5 for l in worthy)
    listing = invoke(runner, "assertions", "--db", seeds_db)
    assert listing.exit_code == 0 and "contradicted" in listing.stdout
    first_id = listing.stdout.split()[0]
    shown = invoke(runner, "show", first_id, "--db", seeds_db)
    assert shown.exit_code == 0
    assert "Citations:" in shown.stdout and "Reasons:" in shown.stdout and "Matches that joined them:" in shown.stdout
    missing = runner.invoke(cli, ["show", "zzzz", "--db", str(seeds_db)])
    assert missing.exit_code == 1 and "no assertion with id 'zzzz'" in missing.output


def test_export_json_is_valid_and_quotes_are_exact(runner, seeds_db, tmp_path):
    out = tmp_path / "export.json"
    result = invoke(runner, "export", "--db", seeds_db, "--format", "json", "-o", out)
    assert result.exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    validate("export", doc)
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    cited = 0
    for assertion in doc["assertions"]:
        for c in assertion["citations"]:
            assert texts[pathlib.Path(c["document"]["path"]).name][c["start"]:c["end"]] == c["quote"]
            cited += 1
    assert cited > 20


def test_commands_without_a_database_say_so(runner, tmp_path):
    result = runner.invoke(cli, ["documents", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no database here yet" in result.output


def test_usage_errors_exit_2(runner):
    assert runner.invoke(cli, ["ingest"]).exit_code == 2
    assert runner.invoke(cli, ["export", "--format", "pdf"]).exit_code == 2
    assert runner.invoke(cli, ["export", "--since", "yesterday", "--db", "x.db"]).exit_code == 2


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0 and "factcheck" in result.stdout


def test_help_does_not_import_heavy_modules():
    code = ("import sys; from factcheck.cli import cli\n"
            "try: cli(['--help'])\nexcept SystemExit: pass\n"
            "heavy = [m for m in ('rapidfuzz', 'sqlite_utils', 'jsonschema', 'nupunkt', 'trafilatura', 'datasette') if m in sys.modules]\n"
            "print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_fuse_reports_bad_rows_and_fuses_the_rest(runner, tmp_path):
    records = tmp_path / "r.csv"
    records.write_text("source,object,value\nA,o1,10\nB,o1,10\nC,o1,12\nA,o2,5\nB,o2\nC,o2,5\n")
    result = runner.invoke(cli, ["fuse", str(records), "--normaliser", "number"])
    assert result.exit_code == 1
    assert f"error: {records}: line 6:" in result.stderr
    fused = json.loads(result.stdout)
    assert json.dumps(fused)
    out = tmp_path / "fused.csv"
    ok = tmp_path / "ok.csv"
    ok.write_text("source,object,value\nA,o1,10\nB,o1,10\nC,o1,12\n")
    result = runner.invoke(cli, ["fuse", str(ok), "--normaliser", "number", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0
    rows = out.read_text().splitlines()
    assert rows[0].startswith("kind,name,value") and rows[1].startswith("object,o1,10,")


def test_fuse_names_the_line_of_a_value_that_is_not_a_number(runner, tmp_path):
    records = tmp_path / "r.csv"
    records.write_text("source,object,value\nA,o1,10\nB,o1,ten\nC,o1,2.93M\nA,o2,5\n")
    result = runner.invoke(cli, ["fuse", str(records), "--normaliser", "number"])
    assert result.exit_code == 1
    assert f"error: {records}: line 3: 'ten' is not a number" in result.stderr
    fused = {o["object"]: o for o in json.loads(result.stdout)["objects"]}
    assert set(fused) == {"o1", "o2"}
    only_bad = tmp_path / "bad.csv"
    only_bad.write_text("source,object,value\nA,o1,ten\n")
    result = runner.invoke(cli, ["fuse", str(only_bad), "--normaliser", "number"])
    assert result.exit_code == 1 and "line 2: 'ten' is not a number" in result.stderr


def test_sources_list_set_and_import(runner, tmp_path):
    db = tmp_path / "f.db"
    assert invoke(runner, "ingest", SEEDS, "--db", db).exit_code == 0
    listed = [json.loads(l) for l in invoke(runner, "sources", "--db", db, "--json").stdout.splitlines()]
    names = {s["name"] for s in listed}
    assert "The Kyiv Independent" in names and {"outlet", "origin"} <= {s["kind"] for s in listed}
    assert all(0 <= s["credibility"] <= 1 for s in listed)
    result = invoke(runner, "sources", "set", "The Kyiv Independent", "--prior", "0.95", "--db", db)
    assert result.exit_code == 0
    after = {s["name"]: s for s in map(json.loads, invoke(runner, "sources", "list", "--db", db, "--json").stdout.splitlines())
             if s["kind"] == "outlet"}
    assert after["The Kyiv Independent"]["prior"] == 0.95
    priors = tmp_path / "priors.csv"
    priors.write_text("name,prior\nNew Europe,0.3\n")
    assert invoke(runner, "sources", "import", priors, "--db", db).exit_code == 0
    after = {s["name"]: s for s in map(json.loads, invoke(runner, "sources", "--db", db, "--json").stdout.splitlines())
             if s["kind"] == "outlet"}
    assert after["New Europe"]["prior"] == 0.3
    bad = tmp_path / "bad.csv"
    bad.write_text("name,prior\nX,1.7\n")
    result = runner.invoke(cli, ["sources", "import", str(bad), "--db", str(db)])
    assert result.exit_code == 1 and str(bad) in result.output


@pytest.mark.parametrize("fmt, check", [
    ("csv", lambda text: text.splitlines()[0].startswith("assertion_id") or "," in text.splitlines()[0]),
    ("markdown", lambda text: text.lstrip().startswith("#") and "Contradict" in text),
    ("claimreview", lambda text: "ClaimReview" in text and json.loads(text)),
    ("html", lambda text: text.lstrip().lower().startswith("<!doctype html") and "<svg" in text),
])
def test_export_formats_from_the_cli(runner, seeds_db, tmp_path, fmt, check):
    out = tmp_path / f"export.{fmt}"
    result = invoke(runner, "export", "--db", seeds_db, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    assert check(out.read_text(encoding="utf-8"))


def test_export_filters(runner, seeds_db):
    doc = json.loads(invoke(runner, "export", "--db", seeds_db, "--status", "contradicted").stdout)
    assert doc["assertions"] and {a["status"] for a in doc["assertions"]} == {"contradicted"}
    late = json.loads(invoke(runner, "export", "--db", seeds_db, "--since", "2024-10-29").stdout)
    dates = {c["document"]["published"] for a in late["assertions"] for c in a["citations"]}
    assert dates and min(dates) >= "2024-10-29"


def test_browse_without_a_database_says_so(runner, tmp_path):
    result = runner.invoke(cli, ["browse", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no database here yet" in result.output


def test_assertions_limit_and_contradictions_first(runner, seeds_db):
    rows = [json.loads(l) for l in invoke(runner, "assertions", "--db", seeds_db, "--json").stdout.splitlines()]
    order = {"contradicted": 0, "corroborated": 1, "single-source": 2}
    assert [order[r["status"]] for r in rows] == sorted(order[r["status"]] for r in rows)
    limited = invoke(runner, "assertions", "--db", seeds_db, "--limit", "2")
    assert len([l for l in limited.stdout.splitlines() if not l.startswith(" ")]) == 2
    assert "more (factcheck assertions without --limit)" in limited.stderr


def test_analysis_does_not_depend_on_hash_seed(tmp_path):
    """Stages are deterministic: set and dict orders must not leak into groups or scores."""
    story = ROOT / "tests" / "fixtures" / "eval" / "aid"
    exports = []
    for seed in ("1", "7"):
        db = tmp_path / f"{seed}.db"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
        for args in (["ingest", str(story), "--db", str(db)], ["export", "--db", str(db), "-o", str(tmp_path / f"{seed}.json")]):
            done = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, env=env)
            assert done.returncode in (0, 1), done.stderr  # gold.json in the folder is not an article
        doc = json.loads((tmp_path / f"{seed}.json").read_text(encoding="utf-8"))
        doc.pop("generated_at", None)
        exports.append(json.dumps(doc, sort_keys=True))
    assert exports[0] == exports[1]


def test_site_template_lines_are_learned_across_ingests(runner, tmp_path):
    db = tmp_path / "f.db"
    for i, (town, n) in enumerate([("Arden", 12), ("Bexley", 30), ("Corby", 7)]):
        page = tmp_path / f"p{i}.json"
        page.write_text(json.dumps({"outlet": "Valley Post", "title": f"Storm hits {town}",
                                    "text": f"Storm hits {town}\nBrought to you by Valley Motors\n"
                                            f"The storm killed {n} people in {town}, police said.\n"}))
        assert invoke(runner, "ingest", page, "--db", db).exit_code == 0
    from factcheck import store
    conn = store.open_db(str(db))
    flags = [r[0] for r in conn.execute("select flag from sentences where text = 'Brought to you by Valley Motors' "
                                        "order by rowid")]
    assert flags == ["story", "story", "furniture"]
