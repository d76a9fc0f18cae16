import json
import shutil

import pytest

from factcheck.ingest import Source, decode, discover, normalise_date, read_source
from factcheck.errors import InputError

from conftest import FIXTURES, SEEDS, seed_manifest

ARTICLES = FIXTURES / "articles"


def read(path, display=None):
    return read_source(Source(path, display or str(path)))


def test_seed_metadata_comes_from_the_manifest():
    for entry in seed_manifest():
        (document,) = read(SEEDS / entry["file"]).documents
        assert (document.outlet, document.title, document.published, document.author, document.url) == (
            entry["outlet"], entry["title"], entry["published"], entry["author"], entry["url"])
        assert document.text == (SEEDS / entry["file"]).read_text(encoding="utf-8")


def test_sidecar_wins_over_manifest_field_by_field():
    (document,) = read(ARTICLES / "sidecar.txt").documents
    assert document.outlet == "Harbour Times"  # sidecar beats the manifest entry
    assert document.author == "Manifest Author"  # the manifest still fills what the sidecar lacks
    assert document.published == "2025-02-03"


def test_json_record_wins_and_url_domain_is_the_fallback_outlet():
    result = read(ARTICLES / "records.jsonl", "articles/records.jsonl")
    first, second = result.documents
    assert (first.outlet, first.path, first.published) == ("Wire One", "wire-one/blast", "2025-05-06")
    assert second.outlet == "second-paper.test"
    assert second.path == "articles/records.jsonl#2"
    (single,) = read(ARTICLES / "single.json").documents
    assert (single.outlet, single.author, single.language) == ("City Daily", "A. Writer", "en")


def test_html_main_text_and_metadata():
    pytest.importorskip("trafilatura")
    (document,) = read(ARTICLES / "wire.html").documents
    assert "death toll from flooding" in document.text
    assert "Celebrity chef" not in document.text and "Privacy policy" not in document.text
    assert document.title == "Flood death toll rises to 45 in river valley"
    assert document.published == "2025-03-14"
    assert document.author == "Jane Reporter"
    assert document.url == "https://www.example-herald.test/news/flood-toll-45"
    assert document.outlet == "Example Herald"
    assert document.format == "html"


def test_missing_date_stays_missing(tmp_path):
    (tmp_path / "a.txt").write_text("Storm hits coast\n\nThe storm hit on Monday, officials said.\n")
    (document,) = read(tmp_path / "a.txt").documents
    assert document.published is None and document.outlet is None


def test_discover_walks_folders_and_notes_unknown_extensions(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("x")
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "manifest.json").write_text('{"documents": []}')
    (tmp_path / "a.meta.json").write_text("{}")
    sources, errors, notes = discover([str(tmp_path), str(tmp_path / "missing.txt")])
    assert [s.path.name for s in sources] == ["a.md", "b.txt"]
    assert errors == [f"{tmp_path / 'missing.txt'}: no such file or folder"]
    assert notes == [f"{tmp_path / 'c.pdf'}: skipped, unknown extension '.pdf'"]


def test_relative_paths_stay_relative(tmp_path, monkeypatch):
    shutil.copy(ARTICLES / "listed.txt", tmp_path / "listed.txt")
    monkeypatch.chdir(tmp_path)
    sources, _, _ = discover(["."])
    assert [s.display for s in sources] == ["./listed.txt"]


@pytest.mark.parametrize("name, content, problem", [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\n ", "file is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), not text"),
    ("garbage.txt", b"%%%% 1234 5678 $$$$ #### 99 // ** ++ == -- 0000 1111 ;;;; ::::", "does not look like text"),
    ("bad.json", b'{"text": "x",\n "title": }', "malformed JSON at line 2, column 11"),
    ("noText.json", b'{"title": "no text"}', "$: 'text' is a required property"),
    ("wrongType.json", b'{"text": "A story.", "published": 2024}', "$.published: 2024 is not of type"),
])
def test_bad_input_gets_one_clear_line(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    result = read(path, name)
    assert result.documents == []
    assert len(result.errors) == 1
    assert result.errors[0].startswith(f"{name}: ") and problem in result.errors[0]
    assert "\n" not in result.errors[0]


def test_oversized_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("The council said 12 roads were closed. " * 100)
    result = read_source(Source(path, "huge.txt"), max_bytes=1000)
    assert result.errors == [f"huge.txt: file is {path.stat().st_size:,} bytes, over the limit of 1,000 "
                             "(raise it with --max-bytes)"]


def test_jsonl_bad_lines_are_reported_and_good_lines_kept(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "The mayor said 30 homes burned."}\n{oops\n{"title": "no text"}\n'
                    '{"text": "Officials said 31 homes burned."}\n')
    result = read(path, "mixed.jsonl")
    assert len(result.documents) == 2
    assert result.errors[0].startswith("mixed.jsonl: malformed JSON at line 2")
    assert result.errors[1] == "mixed.jsonl (line 3): does not match schemas/article.schema.json: $: 'text' is a required property"


def test_latin1_is_detected_and_said(tmp_path):
    text = "Le préfet a déclaré que 1 200 personnes ont été évacuées à Genève. Ça continue."
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    result = read(path, "latin.txt")
    assert result.documents[0].text == text
    assert result.notes and result.notes[0].startswith("latin.txt: not UTF-8; decoded as")


def test_utf8_bom_is_dropped():
    text, note = decode("\ufeffHello there, said the mayor.".encode("utf-8"), "x")
    assert text == "Hello there, said the mayor." and note is None


def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Hidden words in a story.")
    path.chmod(0)
    try:
        result = read(path, "secret.txt")
        if result.documents:  # running as root: permissions do not apply
            pytest.skip("running as root, file permissions are not enforced")
        assert result.errors == ["secret.txt: permission denied"]
    finally:
        path.chmod(0o644)


def test_bad_manifest_names_the_manifest(tmp_path):
    (tmp_path / "manifest.json").write_text('{"documents": [{"outlet": "x"}]}')
    (tmp_path / "a.txt").write_text("The mayor said 30 homes burned.")
    result = read(tmp_path / "a.txt", "a.txt")
    assert result.errors == [f"{tmp_path / 'manifest.json'}: does not match schemas/manifest.schema.json: "
                             "$.documents[0]: 'file' is a required property"]


@pytest.mark.parametrize("value, expected", [
    ("2024-10-26T00:05:00+00:00", "2024-10-26"), ("2024-10", "2024-10"), ("2024", "2024"),
    ("", None), (None, None), ("yesterday", None),
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


def test_ids_are_content_hashes():
    a = read(SEEDS / "000_7a9727fbd3eab761.txt", "seeds/000_7a9727fbd3eab761.txt").documents[0]
    b = read(SEEDS / "000_7a9727fbd3eab761.txt", "seeds/000_7a9727fbd3eab761.txt").documents[0]
    assert a.id == b.id and len(a.id) == 16
    assert json.dumps(a.id)


def test_line_endings_read_as_text_mode_reads_them(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Dam breaks\r\n\r\nThe dam broke at 4 am, officials said.\rMore later.\r\n")
    (document,) = read(path).documents
    assert document.text == path.read_text(encoding="utf-8")
    assert "\r" not in document.text
