"""Truth discovery: credible minorities, copy detection, priors, convergence, adapter."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from factcheck.credibility import load_priors, weigh_assertions
from factcheck.errors import InputError
from factcheck.models import NUMERIC, QUOTE, Assertion, AssertionValue, Claim, Document
from factcheck.similarity import (
    interval_similarity,
    number_similarity,
    numeric_interval,
    same_at_precision,
    significant_digits,
)
from factcheck.truth import Observation, discover_truth

FIXTURES = Path(__file__).parent / "fixtures" / "credibility"


def credible_minority() -> list[Observation]:
    """Two sources that agree on everything; three that each get everything else wrong
    and then agree on one false value, outvoting the reliable two on `x`."""
    obs = []
    for i in range(6):
        obj = f"o{i}"
        obs += [Observation("good1", obj, "t"), Observation("good2", obj, "t")]
        obs += [Observation(f"bad{k}", obj, f"wrong{k}-{i}") for k in range(3)]
    obs += [Observation("good1", "x", "right"), Observation("good2", "x", "right")]
    obs += [Observation(f"bad{k}", "x", "wrong") for k in range(3)]
    return obs


def test_credible_minority_beats_majority():
    result = discover_truth(credible_minority())
    x = result.object_map()["x"]
    assert x.value == "right"
    assert x.values[0].confidence > x.values[1].confidence
    sources = result.source_map()
    assert sources["good1"].credibility > 0.8 > sources["bad0"].credibility
    assert sources["bad0"].n_contradicted == 7
    assert sources["good1"].n_corroborated == 7
    assert result.converged


def copied_world() -> list[Observation]:
    """Five independent sources that each make their own few mistakes; one source and
    three copies that repeat its mistakes. Where only three independent sources report,
    the four copies outvote them."""
    inds = [f"ind{k}" for k in range(5)]
    group = ["orig", "copy1", "copy2", "copy3"]
    obs = []
    for i in range(10):  # ordinary objects: everyone right but one independent source
        obs += [Observation(s, f"n{i}", f"w{i}" if k == i % 5 else "t") for k, s in enumerate(inds)]
        obs += [Observation(s, f"n{i}", "t") for s in group]
    for i in range(6):  # the copied mistakes, outvoted 5 to 4
        obs += [Observation(s, f"e{i}", "t") for s in inds]
        obs += [Observation(s, f"e{i}", f"f{i}") for s in group]
    for i in range(4):  # contested: 3 independent sources against 4 copies
        obs += [Observation(s, f"c{i}", "t") for s in inds[:3]]
        obs += [Observation(s, f"c{i}", f"g{i}") for s in group]
    return obs


def test_copiers_do_not_outvote_independent_sources():
    naive = discover_truth(copied_world(), detect_copies=False)
    assert naive.object_map()["c0"].value == "g0"  # without copy detection the copies win
    result = discover_truth(copied_world())
    chosen = result.object_map()
    assert all(chosen[f"c{i}"].value == "t" for i in range(4))
    assert all(chosen[f"e{i}"].value == "t" for i in range(6))
    copies = dict(result.source_map()["copy1"].copies)
    assert copies.get("orig", 0) > 0.5
    assert not result.source_map()["ind0"].copies
    assert result.converged


def test_shared_group_counts_once():
    obs = [Observation(f"relay{k}", "x", "a", group="agency") for k in range(3)]
    obs += [Observation("own1", "x", "b"), Observation("own2", "x", "b")]
    grouped = discover_truth(obs).object_map()["x"]
    assert grouped.value == "b"
    ungrouped = discover_truth([Observation(o.source, o.object, o.value) for o in obs]).object_map()["x"]
    assert ungrouped.value == "a"


def test_similar_values_support_each_other():
    obs = [
        Observation("s1", "n", 100.0),
        Observation("s2", "n", 101.0),
        Observation("s3", "n", 150.0),
    ]
    plain = discover_truth(obs).object_map()["n"]
    similar = discover_truth(obs, similarity=lambda a, b: number_similarity(a, b)).object_map()["n"]
    conf_plain = {v.value: v.confidence for v in plain.values}
    conf_similar = {v.value: v.confidence for v in similar.values}
    assert conf_similar[100.0] > conf_plain[100.0]
    assert conf_similar[150.0] < conf_similar[100.0]


@pytest.mark.parametrize(
    "x, digits",
    [(1177.0, 4), (1200.0, 2), (1200, 2), (23.5, 3), (0.0123, 3), (1.2e6, 2), (1234567.0, 7), (-4.25, 3), (0.0, 0)],
)
def test_significant_digits(x, digits):
    assert significant_digits(x) == digits


@pytest.mark.parametrize(
    "a, b, same",
    [
        (1177.0, 1180.0, True),
        (1177.0, 1200.0, True),
        (23.47, 23.5, True),
        (1250.0, 1200.0, True),  # a half unit rounds either way
        (1251.0, 1200.0, False),
        (1177.0, 1178.0, False),  # as precise as each other, and different
        (2900.0, 3000.0, False),  # one significant digit: as often exact as rounded
        (1234567.0, 1.23e6, True),
    ],
)
def test_same_at_precision(a, b, same):
    assert same_at_precision(a, b) is same
    assert same_at_precision(b, a) is same


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (1177.0, 1200.0, 1.0),
        (1177.0, 1180.0, 1.0),
        (100.0, 101.0, 1 - 1 / 101 / 0.05),
        (1251.0, 1200.0, 1 - 51 / 1251 / 0.05),
    ],
)
def test_number_similarity_roundings(a, b, expected):
    assert number_similarity(a, b, 0.05) == pytest.approx(expected)


def test_values_that_fully_agree_credit_their_sources():
    # "fine" and "coarse" give the same figures at two precisions; "third" agrees with
    # "fine" to the digit. Fully agreeing values are one claim for the sources' record,
    # so the coarse source is as credible as the others.
    def similarity(a, b):
        return 1.0 if {a, b} in ({"12345", "12300"}, {"8761", "8760"}) else 0.0

    obs = [
        Observation(source, obj, value)
        for obj, fine, coarse in (("o1", "12345", "12300"), ("o2", "8761", "8760"))
        for source, value in (("fine", fine), ("third", fine), ("coarse", coarse))
    ]
    sources = discover_truth(obs, similarity=similarity).source_map()
    assert sources["coarse"].credibility == pytest.approx(sources["fine"].credibility, abs=0.02)
    plain = discover_truth(obs).source_map()
    assert plain["coarse"].credibility < plain["fine"].credibility - 0.1


@pytest.mark.parametrize("prior_a, prior_b, winner", [(0.9, 0.6, "a"), (0.6, 0.9, "b")])
def test_priors_break_a_tie(prior_a, prior_b, winner):
    obs = [Observation("src_a", "x", "a"), Observation("src_b", "x", "b")]
    result = discover_truth(obs, priors={"src_a": prior_a, "src_b": prior_b})
    assert result.object_map()["x"].value == winner
    assert result.source_map()["src_a"].prior == prior_a


def test_data_moves_a_prior():
    obs = credible_minority()
    result = discover_truth(obs, priors={"bad0": 0.95})
    assert result.source_map()["bad0"].credibility < 0.6
    assert result.source_map()["bad0"].prior == 0.95


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan")])
def test_prior_out_of_range(bad):
    with pytest.raises(ValueError):
        discover_truth([Observation("a", "x", 1)], priors={"a": bad})


def test_lone_source_confidence_equals_its_prior():
    result = discover_truth([Observation("a", "x", 1)], priors={"a": 0.7})
    assert result.object_map()["x"].confidence == pytest.approx(0.7, abs=0.05)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_deterministic_and_order_free(seed):
    obs = copied_world() + credible_minority()
    shuffled = list(obs)
    random.Random(seed).shuffle(shuffled)
    assert discover_truth(obs) == discover_truth(shuffled)
    assert discover_truth(obs).converged


def test_latest_time_supersedes():
    obs = [
        Observation("a", "x", 5000, time="2024-10-01"),
        Observation("a", "x", 3000, time="2024-10-05"),
        Observation("b", "x", 3000),
    ]
    result = discover_truth(obs)
    assert result.source_map()["a"].n_claims == 1
    assert [v.value for v in result.object_map()["x"].values] == [3000]


def test_explanation_names_objects():
    result = discover_truth(credible_minority())
    bad = result.source_map()["bad1"]
    lowered = [e for e in bad.evidence if e.effect == "lowered"]
    assert len(lowered) == 5 and {e.object for e in lowered} <= {"x"} | {f"o{i}" for i in range(6)}
    good = result.source_map()["good1"]
    assert any(e.effect == "raised" for e in good.evidence)


def test_empty_input():
    result = discover_truth([])
    assert result.objects == () and result.sources == () and result.converged


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ((3000, None, None, "exact"), (3000, None, None, None), 1.0),
        ((3000, None, None, "exact"), (3000, None, None, "over"), 0.5),
        ((3000, None, None, "about"), (2950, None, None, "exact"), 0.5),
        ((3000, None, None, "exact"), (5000, None, None, "exact"), 0.0),
        ((3000, None, None, "under"), (5000, None, None, "exact"), 0.0),
        ((None, 2000, 4000, None), (3000, None, None, "exact"), 0.5),
        ((3000, None, None, "up to"), (2000, None, None, "exact"), 0.5),
    ],
)
def test_interval_similarity(a, b, expected):
    assert interval_similarity(numeric_interval(*a), numeric_interval(*b)) == pytest.approx(expected)


# --- the pipeline adapter ---------------------------------------------------


def doc(i: int, outlet: str | None) -> Document:
    return Document(id=f"d{i}", path=f"d{i}.txt", text="x" * 200, outlet=outlet, url=f"https://www.site{i}.com/a")


def claim(cid: str, d: int, text: str = "text", value: float | None = None, qualifier: str | None = None,
          attributed_to: str | None = None, modality: str = "asserted", kind: str = NUMERIC) -> Claim:
    return Claim(id=cid, document_id=f"d{d}", sentence_id=f"s{cid}", start=0, end=len(text), text=text, kind=kind,
                 value=value, qualifier=qualifier, attributed_to=attributed_to, modality=modality)


def value(v: float, claim_ids: tuple[str, ...], qualifier: str = "exact") -> AssertionValue:
    return AssertionValue(value=v, low=None, high=None, qualifier=qualifier, claim_ids=claim_ids, outlets=(), sources=())


def test_weigh_assertions_relays_and_partial_support():
    documents = {f"d{i}": doc(i, name) for i, name in enumerate(["Agency A", "Paper B", "Paper C", "Paper D", "Paper E", None])}
    claims = [
        # three outlets relay one ministry: one vote
        claim("c0", 0, "the ministry said 5,000", 5000, attributed_to="Defence Ministry"),
        claim("c1", 1, "5,000, the ministry said", 5000, attributed_to="defence  ministry"),
        claim("c2", 2, "ministry: 5,000", 5000, attributed_to="Defence Ministry"),
        # two independent reports of 3,000 and one of "over 3,000"
        claim("c3", 3, "3,000 troops", 3000),
        claim("c4", 4, "some 3,000 soldiers", 3000),
        claim("c5", 5, "more than 3,000 troops", 3000, qualifier="over"),
    ]
    assertion = Assertion(
        id="a1", kind=NUMERIC, label="troops", status="contradicted", confidence=0.0,
        claim_ids=tuple(c.id for c in claims), n_outlets=6, n_independent_sources=4,
        values=(value(5000, ("c0", "c1", "c2")), value(3000, ("c3", "c4")), value(3000, ("c5",), "over")),
    )
    weighed, sources = weigh_assertions([assertion], claims, documents)
    (a,) = weighed
    assert a.status == "contradicted"
    assert a.best_value == 3000
    assert a.values[1].confidence > a.values[0].confidence
    assert a.confidence == a.values[1].confidence
    names = {(s.kind, s.name) for s in sources}
    assert ("origin", "Defence Ministry") in names
    assert ("outlet", "site5.com") in names  # no outlet: the URL's host
    assert sources == sorted(sources, key=lambda s: (s.kind, s.name))
    ministry = next(s for s in sources if s.name == "Defence Ministry")
    assert ministry.n_claims == 1 and ministry.explanation


def test_weigh_assertions_denials_oppose():
    documents = {f"d{i}": doc(i, f"Outlet {i}") for i in range(4)}
    claims = [
        claim("q0", 0, "He said it", kind=QUOTE),
        claim("q1", 1, "He said it too", kind=QUOTE),
        claim("q2", 2, "He denied saying it", kind=QUOTE, modality="denied"),
    ]
    assertion = Assertion(id="a2", kind=QUOTE, label="quote", status="contradicted", confidence=0.0,
                          claim_ids=("q0", "q1", "q2"), n_outlets=3, n_independent_sources=3)
    (alone,), _ = weigh_assertions([assertion], claims[:2], documents)
    (opposed,), _ = weigh_assertions([assertion], claims, documents)
    assert 0 < opposed.confidence < alone.confidence
    assert opposed.status == "contradicted"


def test_weigh_assertions_uses_priors():
    documents = {"d0": doc(0, "Reuters"), "d1": doc(1, "Tabloid Daily")}
    claims = [claim("c0", 0, "3,000", 3000), claim("c1", 1, "9,000", 9000)]
    assertion = Assertion(id="a3", kind=NUMERIC, label="n", status="contradicted", confidence=0.0,
                          claim_ids=("c0", "c1"), n_outlets=2, n_independent_sources=2,
                          values=(value(3000, ("c0",)), value(9000, ("c1",))))
    priors = load_priors(FIXTURES / "priors.csv")
    (a,), sources = weigh_assertions([assertion], claims, documents, priors)
    assert a.best_value == 3000
    assert {s.name: s.prior for s in sources} == {"Reuters": 0.9, "Tabloid Daily": 0.3}


# --- priors files -------------------------------------------------------------


@pytest.mark.parametrize("name", ["priors.csv", "priors.json"])
def test_load_priors(name):
    assert load_priors(FIXTURES / name) == {"Reuters": 0.9, "Tabloid Daily": 0.3}


def test_load_priors_plain_list(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps([{"name": "A", "prior": 0.5}]))
    assert load_priors(path) == {"A": 0.5}


@pytest.mark.parametrize(
    "filename, content, message",
    [
        ("p.csv", "name,prior\nA,0.5\nB,1.5\n", "line 3"),
        ("p.csv", "name,prior\nA,high\n", "line 2: prior 'high' is not a number"),
        ("p.csv", "name,score\nA,0.5\n", "name and prior"),
        ("p.csv", "name,prior\n,0.5\n", "line 2: name is empty"),
        ("p.csv", "name,prior\nA,0.5\nA,0.6\n", "two different priors"),
        ("p.json", '{"sources": [{"name": "A", "prior": 2}]}', "$.sources[0].prior"),
        ("p.json", '[{"name": "A"}]', "'prior' is a required property"),
        ("p.json", '{"sources": [\n{"name": "A",, }]}', "line 2: invalid JSON"),
        ("missing.json", None, "no such file"),
    ],
)
def test_load_priors_errors(tmp_path, filename, content, message):
    path = tmp_path / filename
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError) as info:
        load_priors(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_forecasts_do_not_compete_with_reports():
    documents = {f"d{i}": doc(i, f"Outlet {i}") for i in range(4)}
    claims = [
        claim("c0", 0, "3,000 are there", 3000),
        claim("c1", 1, "10,000 will be sent", 10000, modality="planned"),
        claim("c2", 2, "10,000 are to be sent", 10000, modality="planned"),
    ]
    forecast = AssertionValue(value=10000, low=None, high=None, qualifier="exact", claim_ids=("c1", "c2"),
                              outlets=(), sources=(), modality="planned")
    assertion = Assertion(id="a4", kind=NUMERIC, label="n", status="contradicted", confidence=0.0,
                          claim_ids=("c0", "c1", "c2"), n_outlets=3, n_independent_sources=3,
                          values=(value(3000, ("c0",)), forecast))
    (a,), sources = weigh_assertions([assertion], claims, documents)
    assert a.best_value == 3000
    assert a.values[0].confidence == pytest.approx(0.8, abs=0.05)
    assert a.values[1].confidence > 0.9
    assert all(s.n_contradicted == 0 for s in sources)


def test_explain_says_why():
    from factcheck.truth import explain

    result = discover_truth(credible_minority() + [Observation("good1", "lone", "v")])
    bad = explain(result.source_map()["bad0"])
    assert bad and all("a more credible, different value won" in line for line in bad)
    good = explain(result.source_map()["good1"])
    assert any(line.startswith("raised by o0: independent sources gave the same value") for line in good)
    lone = [e for e in result.source_map()["good1"].evidence if e.object == "lone"]
    assert not lone or not lone[0].corroborated
