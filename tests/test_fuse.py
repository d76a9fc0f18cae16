"""`factcheck fuse`: reading records, normalisers, fusing, writing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from factcheck.errors import FactcheckError, InputError
from factcheck.cells import authors_similarity, normalise_authors_all, normalise_number, normalise_text
from factcheck.fuse import fuse, read_records, write_fuse_result
from factcheck.truth import Observation
from factcheck.validation import schema_errors

FIXTURES = Path(__file__).parent / "fixtures" / "credibility"


def authors(raw: str, *context: str) -> tuple[str, ...] | None:
    keys = normalise_authors_all([("book", raw)] + [("book", c) for c in context])
    return keys[0]


@pytest.mark.parametrize(
    "raw",
    [
        "Knuth, Donald E.",
        "Donald Ervin Knuth",
        "KNUTH, DONALD E.",
        "Knuth",
        "Donald E Knuth",
        "By (author) Knuth, Donald",
        "Knuth, Donald E. (Author)",
        "Knuth, Donald E.&nbsp;;",
    ],
)
def test_authors_single(raw):
    assert authors(raw) == ("knuth",)


@pytest.mark.parametrize(
    "raw",
    [
        "Stevens, W. Richard; Fenner, Bill; Rudoff, Andrew M.",
        "W. Richard Stevens, Bill Fenner, Andrew M. Rudoff",
        "Stevens, W. Richard, Fenner, Bill, Rudoff, Andrew M.",
        "Stevens, W. Richard/ Fenner, Bill/ Rudoff, Andrew M.",
        "Rudoff, Andrew M. (Author) Fenner, Bill (Joint Author) Stevens, W. Richard (Author)",
        "By (author) Stevens, W. Richard By (author) Fenner, Bill By (author) Rudoff, Andrew M.",
        "W. Richard Stevens and Bill Fenner & Andrew M. Rudoff",
        "Stevens, W. Richard; Fenner, Bill; Rudoff, Andrew M.; et al.",
        "Stévens, W. Richard; Fenner, Bill; Rudoff, Andrew M.",
    ],
)
def test_authors_lists_in_any_form(raw):
    assert authors(raw) == ("fenner", "rudoff", "stevens")


def test_authors_surname_first_without_comma_uses_context():
    # "Knuth Donald" alone is ambiguous; another record writing "Knuth, Donald" settles it
    assert authors("Knuth Donald", "Knuth, Donald E.") == ("knuth",)
    assert authors("Donald E. Knuth John Fuller", "Knuth, D.", "Fuller, John") == ("fuller", "knuth")


@pytest.mark.parametrize("raw", ["Not Available", "n/a", "", "  ", "Unknown", "NULL", "0"])
def test_authors_placeholders_are_no_claim(raw):
    assert authors(raw) is None


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (("knuth",), ("knuth",), 1.0),
        (("fuller", "knuth"), ("knuth",), 0.5),
        (("a", "b"), ("c",), 0.0),
    ],
)
def test_authors_similarity(a, b, expected):
    assert authors_similarity(a, b) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        (3000, 3000.0),
        ("3,000", 3000.0),
        ("3 000", 3000.0),
        ("$1.5", 1.5),
        ("12%", 12.0),
        ("-4.25", -4.25),
        ("1e3", 1000.0),
        ("0", 0.0),
        ("n/a", None),
        ("Not Available", None),
        ("1.234.567", 1234567.0),
        ("2.93M", 2930000.0),
        ("£5m", 5000000.0),
        ("1.2 million", 1200000.0),
        ("5 bn", 5e9),
        ("USD 1,200", 1200.0),
        ("(1,234)", -1234.0),
        ("\u22124", -4.0),
        ("72 \u00b0F", 72.0),
        ("312 people", 312.0),
        ("12 troops", 12.0),
        ("12 m", 12.0),  # metres: a lower-case m is a scale only for money
        ("+0.64 (+1.27%)", 0.64),
        ("1,204 (est.)", 1204.0),
    ],
)
def test_normalise_number(raw, expected):
    assert normalise_number(raw) == expected


@pytest.mark.parametrize("raw", ["three", "1.2.3", "12 to 15", "12-15", "abc 12", "(12", "-+3"])
def test_normalise_number_rejects(raw):
    with pytest.raises(ValueError):
        normalise_number(raw)


@pytest.mark.parametrize(
    "raw, expected",
    [("  Hello,   World! ", "hello world"), ("Café", "cafe"), ("N/A", None), ("--", None)],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


def test_read_csv_fixture():
    records, errors = read_records(FIXTURES / "records.csv")
    assert errors == []
    assert len(records) == 7
    assert records[0] == Observation("alpha", "book1", "Knuth, Donald E.", raw="Knuth, Donald E.")


def test_read_jsonl_fixture():
    records, errors = read_records(FIXTURES / "records.jsonl")
    assert errors == []
    assert records[0].value == 3000 and records[1].value == "3,000"
    assert records[3].time == "2024-10-05"


@pytest.mark.parametrize(
    "filename, content, expected",
    [
        ("r.csv", "source,object,value\na,x,1\nb,,2\nc,x\n", ["line 3: missing object", "line 4: 2 fields, the header has 3"]),
        ("r.csv", "source,object,value,time\na,x,1,\n,x,2,\n", ["line 3: missing source"]),
        (
            "r.jsonl",
            '{"source": "a", "object": "x", "value": 1}\n{"source": "b", "object": "x"\n[1, 2]\n'
            '{"source": "c", "object": "x", "value": [1]}\n{"source": "d", "value": 2}\n',
            [
                "line 2: invalid JSON: Expecting ',' delimiter (column 30)",
                "line 3: expected a JSON object, got list",
                "line 4: value must be a number or a string",
                "line 5: missing object",
            ],
        ),
    ],
)
def test_bad_rows_are_reported_and_good_rows_kept(tmp_path, filename, content, expected):
    path = tmp_path / filename
    path.write_text(content)
    records, errors = read_records(path)
    assert len(records) == 1
    assert errors == expected


@pytest.mark.parametrize(
    "filename, content, message",
    [
        ("r.csv", "source,thing,value\na,x,1\n", "line 1: header lacks the column(s) object"),
        ("r.csv", "", "the file is empty"),
        ("r.jsonl", "not json\n", "no usable records: line 1: invalid JSON"),
        ("r.csv", "source,object,value\n,,\n", "no records"),
    ],
)
def test_unusable_files_raise(tmp_path, filename, content, message):
    path = tmp_path / filename
    path.write_text(content)
    with pytest.raises(InputError) as info:
        read_records(path)
    assert message in str(info.value) and str(path) in str(info.value)


def test_unreadable_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_records(tmp_path / "missing.csv")
    path = tmp_path / "latin1.csv"
    path.write_bytes("source,object,value\nå,x,1\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_records(path)


def test_fuse_authors():
    records, _ = read_records(FIXTURES / "records.csv")
    result = fuse(records, normaliser="authors")
    chosen = {o.object: o for o in result.objects}
    assert chosen["book1"].key == ("knuth",)
    assert chosen["book2"].key == ("fenner", "stevens")
    assert chosen["book2"].value in ("Stevens, W. Richard; Fenner, Bill", "W. Richard Stevens, Bill Fenner")
    assert result.skipped == 1  # "Not Available"
    assert result.converged
    assert [s.source for s in result.sources] == ["alpha", "beta", "gamma"]


def test_fuse_numbers_latest_time_wins():
    records, _ = read_records(FIXTURES / "records.jsonl")
    result = fuse(records, normaliser="number")
    (troops,) = result.objects
    assert troops.key == 3000.0 and troops.value == 3000 and troops.alternatives == ()
    assert troops.n_sources == 3


def test_fuse_bad_numbers_raise():
    records = [Observation("a", "x", "three"), Observation("b", "x", "3")]
    with pytest.raises(FactcheckError, match="not valid for the number normaliser"):
        fuse(records, normaliser="number")


def test_unknown_normaliser():
    with pytest.raises(FactcheckError, match="unknown normaliser 'soundex'"):
        fuse([Observation("a", "x", "1")], normaliser="soundex")


def test_fuse_priors_decide_a_tie():
    records = [Observation("trusted", "x", "yes", raw="yes"), Observation("dubious", "x", "no", raw="no")]
    result = fuse(records, normaliser="text", priors={"trusted": 0.9, "dubious": 0.4})
    assert result.objects[0].value == "yes"


def test_write_json_matches_schema():
    records, _ = read_records(FIXTURES / "records.csv")
    text = write_fuse_result(fuse(records, normaliser="authors"), "json")
    data = json.loads(text)
    assert schema_errors("fuse", data) == []
    assert data["objects"][0]["object"] == "book1"


def test_write_csv():
    records, _ = read_records(FIXTURES / "records.jsonl")
    text = write_fuse_result(fuse(records, normaliser="number"), "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["kind"] == "object" and rows[0]["name"] == "troops" and rows[0]["value"] == "3000"
    assert {r["name"] for r in rows if r["kind"] == "source"} == {"alpha", "beta", "gamma"}


def test_write_unknown_format():
    records, _ = read_records(FIXTURES / "records.jsonl")
    with pytest.raises(FactcheckError, match="unknown format"):
        write_fuse_result(fuse(records, normaliser="number"), "xml")


# --- numbers: rounding, copiers, dates -----------------------------------------


def number_records(rows: list[tuple[str, str, str] | tuple[str, str, str, str]]) -> list[Observation]:
    return [Observation(r[0], r[1], r[2], time=r[3] if len(r) > 3 else None, raw=r[2]) for r in rows]


def test_fuse_roundings_support_the_finer_figure():
    # "1.18 million" and "1.2 million" are 1,177,301 rounded: three sources agree on
    # it, two on a figure none of them is consistent with
    records = number_records([
        ("census", "pop", "1,177,301"),
        ("atlas", "pop", "1.18 million"),
        ("almanac", "pop", "1.2M"),
        ("blog1", "pop", "1,310,000"),
        ("blog2", "pop", "1310000"),
    ])
    result = fuse(records, normaliser="number")
    (pop,) = result.objects
    assert pop.value == 1177301
    assert dict(pop.alternatives)[1310000] < pop.confidence
    sources = {s.source: s for s in result.sources}
    assert sources["almanac"].n_contradicted == 0 and sources["blog1"].n_contradicted == 1


def test_fuse_a_source_that_rounds_keeps_its_credibility():
    # "exact" and "other" print every digit, "rounder" three significant digits and is
    # never wrong; "noisy" is off by 3-8 % on every object
    rows = []
    for i, (true, rounded) in enumerate([(12345, "12,300"), (8761, "8,760"), (45218, "45.2K"),
                                         (1234567, "1.23 million"), (99871, "99,900")]):
        rows += [("exact", f"o{i}", str(true)), ("other", f"o{i}", f"{true:,}"), ("rounder", f"o{i}", rounded),
                 ("noisy", f"o{i}", str(round(true * (1.03 + 0.01 * i))))]
    result = fuse(number_records(rows), normaliser="number")
    assert [o.value for o in result.objects] == [12345, 8761, 45218, 1234567, 99871]
    sources = {s.source: s for s in result.sources}
    assert sources["rounder"].credibility > 0.8 > sources["noisy"].credibility
    assert sources["rounder"].n_contradicted == 0
    # rounding the truth alike is no shared mistake: nobody is taken for a copier
    assert not any("not independent" in line for s in result.sources for line in s.explanation)


def test_fuse_credible_minority_beats_copiers_on_a_number():
    # five independent sources, each wrong once; "wire" and three copies that repeat
    # its figures, mistakes included, in their own way of writing them
    inds = [f"ind{k}" for k in range(5)]
    copies = ["wire", "copy1", "copy2", "copy3"]
    forms = [lambda v: f"{v:,}", str, lambda v: f"{v / 1000:g} thousand", lambda v: f"{v:,}"]
    rows = []
    for i in range(10):
        true = 1000 * (i + 2) + 17
        rows += [(s, f"n{i}", str(true + 500 if k == i % 5 else true)) for k, s in enumerate(inds)]
        rows += [(s, f"n{i}", form(true)) for s, form in zip(copies, forms)]
    for i in range(6):  # the wire's mistakes, copied; outvoted 5 to 4
        rows += [(s, f"e{i}", str(3017 + i)) for s in inds]
        rows += [(s, f"e{i}", form(9017 + i)) for s, form in zip(copies, forms)]
    for i in range(4):  # three independent sources against the four copies
        rows += [(s, f"c{i}", str(4017 + i)) for s in inds[:3]]
        rows += [(s, f"c{i}", form(7017 + i)) for s, form in zip(copies, forms)]
    chosen = {o.object: o.value for o in fuse(number_records(rows), normaliser="number").objects}
    assert [chosen[f"c{i}"] for i in range(4)] == [4017, 4018, 4019, 4020]
    assert [chosen[f"e{i}"] for i in range(6)] == [3017 + i for i in range(6)]


@pytest.mark.parametrize(
    "rows, expected",
    [
        # one source's figure of 2019 against another's of 2024: the object may have
        # changed since, so the newer figure wins
        ([("gazette", "pop", "52,000", "2019"), ("census", "pop", "55,100", "2024")], 55100),
        # an older date is a discount, not a veto: three sources outweigh one
        ([("a", "pop", "52,000", "2019"), ("b", "pop", "52000", "2019"), ("c", "pop", "52,000", "2019"),
          ("census", "pop", "55,100", "2024")], 52000),
        # an undated claim is not taken for an outdated one
        ([("gazette", "pop", "55,100"), ("almanac", "pop", "55,100", "2019"), ("census", "pop", "52,000", "2024")],
         55100),
    ],
)
def test_fuse_older_figures_count_less(rows, expected):
    (pop,) = fuse(number_records(rows), normaliser="number").objects
    assert pop.value == expected
