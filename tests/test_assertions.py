"""Assertions: grouping without chaining, value agreement, status, independence, reasons."""

from __future__ import annotations

import pytest

from factcheck.assertions import build_assertions
from factcheck.intervals import VALUE_TOLERANCE, compatible
from factcheck.matching import match_claims
from factcheck.models import (
    CONTRADICTED,
    CORROBORATED,
    EVENT,
    NUMERIC,
    QUOTE,
    SINGLE_SOURCE,
    Claim,
    Document,
    Match,
    content_id,
)


def doc(doc_id: str, outlet: str, published: str = "2024-10-25", text: str = "") -> Document:
    return Document(id=doc_id, path=f"/news/{doc_id}.txt", text=text, outlet=outlet, published=published)


DOCS = {d.id: d for d in (
    doc("a", "Outlet A"), doc("b", "Outlet B"), doc("c", "Outlet C"), doc("d", "Outlet D"),
    doc("a2", "Outlet A", "2024-10-26"), doc("b2", "Outlet B", "2024-10-26"),
)}
_n = iter(range(100_000))


def claim(document: str, text: str, kind: str = QUOTE, **kw) -> Claim:
    k = next(_n)
    return Claim(id=kw.pop("id", f"k{k:05d}"), document_id=document, sentence_id=f"s{k}",
                 start=k, end=k + len(text), text=text, kind=kind, **kw)


def num(document: str, value: float | None, qualifier: str = "exact", counted: str = "troops",
        subject: str | None = "russia", text: str | None = None, **kw) -> Claim:
    amount = "some" if value is None else f"{value:,.0f}"
    text = text or f"{amount} {counted} were sent to {subject or 'the front'}"
    return claim(document, text, NUMERIC, value=value, qualifier=qualifier, counted=counted,
                 subject=subject, **kw)


def build(claims, documents=DOCS):
    return build_assertions(claims, match_claims(claims, documents), documents)


def home(assertions, c: Claim):
    return next(a for a in assertions if c.id in a.claim_ids)


@pytest.mark.parametrize("a, b, expected", [
    (dict(value=3000, qualifier="about"), dict(value=3000, qualifier="over"), True),
    (dict(value=10000, qualifier="about"), dict(value=12000, qualifier="about"), False),
    (dict(value=3000), dict(value=3000, qualifier="about"), True),
    (dict(value=3000), dict(value=3100), False),
    (dict(value=3000), dict(value=3000 * (1 + VALUE_TOLERANCE / 2), qualifier="about"), True),
    (dict(value=3000, qualifier="over"), dict(value=12000), False),
    (dict(value=3000, qualifier="at least"), dict(value=3500), True),
    (dict(value=500, qualifier="up to"), dict(value=400), True),
    (dict(value=500, qualifier="up to"), dict(value=600), False),
    (dict(value=None, low=10000, high=12000), dict(value=11000, qualifier="about"), True),
    (dict(value=None, low=10000, high=12000), dict(value=3000), False),
    (dict(value=None, low=2000, high=9000, qualifier="vague"), dict(value=3000), True),
    (dict(value=None, low=100, high=900, qualifier="vague"), dict(value=12000), False),
    (dict(value=None, qualifier="vague"), dict(value=12000), True),
])
def test_compatible(a, b, expected):
    ca, cb = num("a", **{"value": None, **a}), num("b", **{"value": None, **b})
    assert compatible(ca, cb) is expected
    assert compatible(cb, ca) is expected


def test_every_claim_in_exactly_one_assertion_with_stable_ids():
    claims = [num("a", 3000), num("b", 12000), num("c", 500, counted="officers"),
              claim("a", "We hope all parties will promote the de-escalation of the situation")]
    assertions = build(claims)
    placed = [i for a in assertions for i in a.claim_ids]
    assert sorted(placed) == sorted(c.id for c in claims)
    for a in assertions:
        assert a.id == content_id(*sorted(a.claim_ids))
    assert [a.id for a in assertions] == sorted(a.id for a in assertions)
    assert build(list(reversed(claims))) == assertions


def test_contradiction_same_period_independent_sources():
    low = num("a", 3000, "about", attributed_to="South Korean intelligence", as_of="2024-10-24")
    high = num("b", 12000, "about", attributed_to="Ukrainian intelligence", as_of="2024-10-24")
    (a,) = build([low, high])
    assert a.status == CONTRADICTED
    assert a.n_outlets == 2 and a.n_independent_sources == 2
    assert any("contradiction" in r and "3,000" in r and "12,000" in r for r in a.reasons)
    assert {v.value for v in a.values} == {3000, 12000}
    assert a.best_value in {3000, 12000}
    assert 0 < a.confidence < 1


def test_agreement_within_tolerance_is_corroborated():
    a1 = num("a", 3000, "about", attributed_to="Lloyd Austin",
             text="approximately 3,000 North Korean soldiers had been sent to Russia")
    a2 = num("b", 3000, "over", attributed_to="South Korea",
             text="North Korea had deployed over 3,000 troops to Russia")
    (a,) = build([a1, a2])
    assert a.status == CORROBORATED
    assert a.n_independent_sources == 2
    assert a.best_value == 3000


def test_toll_that_rises_is_a_change_over_time():
    day1 = num("a", 100, counted="deaths", subject="turkey", text="100 people died in Turkey")
    day2 = num("b2", 150, counted="deaths", subject="turkey", text="The toll in Turkey rose to 150 people")
    (a,) = build([day1, day2])
    assert a.status == CORROBORATED
    assert any("change over time" in r for r in a.reasons)
    assert a.best_value == 150


def test_later_lower_figure_from_another_source_is_a_contradiction():
    day1 = num("a", 12000, attributed_to="Ukrainian intelligence", as_of="2024-10-24")
    day2 = num("b2", 3000, attributed_to="South Korean lawmakers")
    (a,) = build([day1, day2])
    assert a.status == CONTRADICTED
    assert any("lower than the earlier" in r for r in a.reasons)


def test_same_time_clash_stays_contradicted_despite_other_days():
    claims = [num("a", 100, counted="deaths", as_of="2024-10-24", attributed_to="Ministry"),
              num("b", 400, counted="deaths", as_of="2024-10-24", attributed_to="Red Cross"),
              num("c", 500, counted="deaths", as_of="2024-10-27", attributed_to="Ministry")]
    (a,) = build(claims)
    assert a.status == CONTRADICTED
    assert any("change over time" in r for r in a.reasons)
    assert any("same period" in r for r in a.reasons)


def test_forecast_is_not_a_conflict():
    count = num("a", 3000, "over", attributed_to="South Korea", as_of="2024-10-23",
                text="North Korea had deployed over 3,000 troops to Russia")
    plan = num("a", 10000, "about", attributed_to="South Korea", as_of="2024-12", modality="planned",
               subject=None, text="with plans to increase the number to around 10,000 by December")
    other = num("b", 3000, "about", attributed_to="Lloyd Austin")
    (a,) = build([count, plan, other])
    assert a.status == CORROBORATED
    assert any("plan for 2024-12" in r and "not a conflict" in r for r in a.reasons)
    assert a.best_value == 3000


def test_other_quantities_are_other_assertions_with_a_reason():
    total = num("a", 12000, text="12,000 North Korean troops are in Russia")
    region = num("b", 2000, subject="kursk", text="2,000 North Korean soldiers moved to the Kursk region")
    officers = num("a", 500, counted="officers", text="including 500 officers")
    second = num("c", 12000, text="a second batch of 12,000 troops reached Russia")
    assertions = build([total, region, officers, second])
    assert len({home(assertions, c).id for c in (total, region, officers, second)}) == 4
    assert any("another quantity" in r for r in home(assertions, region).reasons)
    assert all(a.status == SINGLE_SOURCE for a in assertions)


def test_subjectless_number_takes_the_subject_of_its_page():
    docs = dict(DOCS)
    first = num("a", 12000, "about", text="approximately 12,000 North Korean troops were already in Russia")
    anaphor = num("a", 3000, "about", subject=None, text="lawmakers estimate around 3,000 soldiers have been sent")
    region = num("b", 2000, subject="kursk", text="2,000 soldiers moved to the Kursk region")
    assertions = build([first, anaphor, region], docs)
    assert home(assertions, anaphor) == home(assertions, first)
    assert home(assertions, region) != home(assertions, first)


def test_relays_of_one_source_count_once():
    wire = "Officials said 40 people were killed in the blast on Tuesday near the market"
    relayed = [num(d, 40, counted="deaths", subject="market", text=wire, attributed_to="AP",
                   relay="AP") for d in "abc"]
    independent = [num(d, 40, counted="deaths", subject="market", text=f"{d}: 40 dead",
                       attributed_to=f"Source {d.upper()}") for d in "abc"]
    (r,) = build(relayed)
    (i,) = build(independent)
    assert r.n_outlets == i.n_outlets == 3
    assert r.n_independent_sources == 1 and i.n_independent_sources == 3
    assert r.status == i.status == CORROBORATED
    assert r.confidence < i.confidence
    assert any("counted once" in reason for reason in r.reasons)


def test_same_wording_from_outlets_without_attribution_is_one_source():
    wire = "The shipment includes over two dozen missiles intended for use with fighter jets"
    (a,) = build([claim(d, wire, EVENT, predicate="supply") for d in "abc"])
    assert a.n_outlets == 3 and a.n_independent_sources == 1


def test_headline_repeated_on_its_page_is_single_source():
    body = num("a", 2000, subject="kursk", attributed_to="Kyodo, citing a military source", relay="Kyodo",
               text="On 24 October, 2,000 soldiers had moved to the Kursk region")
    link = num("a", 2000, subject="kursk", attributed_to="Kyodo",
               text="Kyodo: 2,000 soldiers move to the Kursk region")
    (a,) = build([body, link])
    assert a.status == SINGLE_SOURCE
    assert a.n_outlets == 1 and a.n_independent_sources == 1


def test_assertion_and_denial_contradict():
    yes = claim("a", "Russia confirmed that the troops were in the country", EVENT, predicate="confirm",
                attributed_to="Russia", modality="confirmed")
    no = claim("b", "Russia denied that the troops were in the country", EVENT, predicate="confirm",
               attributed_to="Russia", modality="denied")
    (a,) = build([yes, no])
    assert a.status == CONTRADICTED
    assert any("den" in r for r in a.reasons)


def test_noncommittal_acts_are_corroborated_not_contradicted():
    docs = dict(DOCS, a=doc("a", "Outlet A", text="Russian President Vladimir Putin spoke."))
    one = claim("a", "Putin refrained from denying the reports", EVENT, predicate="noncommittal",
                attributed_to="Vladimir Putin", modality="negated")
    two = claim("b", "Russia has stopped short of confirming that the troops were in the country.",
                EVENT, predicate="noncommittal", attributed_to="Russia")
    (a,) = build([one, two], docs)
    assert a.status == CORROBORATED
    assert a.n_independent_sources == 1  # the president speaks for the country


def test_quote_repeated_with_small_differences_is_one_corroborated_assertion():
    claims = [claim("a", "flagrantly violate[s] multiple United Nations Security Council resolutions",
                    attributed_to="EU"),
              claim("b", "which flagrantly violate multiple United Nations Security Council resolutions",
                    attributed_to="Council of the European Union")]
    (a,) = build(claims)
    assert a.status == CORROBORATED
    assert a.label.startswith(("EU: ", "Council of the European Union: "))


def test_single_links_do_not_chain():
    a = claim("a", "alpha bravo charlie delta echo foxtrot golf hotel", id="q1")
    b = claim("b", "alpha bravo charlie delta echo foxtrot india juliet kilo lima", id="q2")
    c = claim("c", "papa quebec romeo sierra tango uniform victor whiskey", id="q3")
    matches = [Match("q1", "q2", 0.95, "paraphrase"), Match("q2", "q3", 0.9, "paraphrase")]
    assertions = build_assertions([a, b, c], matches, DOCS)
    assert home(assertions, a) == home(assertions, b)
    assert home(assertions, c) != home(assertions, a)


def test_off_topic_claim_never_joins_the_story():
    story = [num("a", 3000, text="3,000 North Korean troops were sent to Russia"),
             num("b", 12000, text="12,000 North Korean troops were sent to Russia")]
    off = num("c", 3000, counted="missiles", subject=None,
              text="The shipment includes over 3,000 Patriot missiles intended for Ukraine")
    assertions = build(story + [off])
    assert home(assertions, off).claim_ids == (off.id,)


def test_numeric_label_is_readable():
    (a,) = build([num("a", 3000, text="3,000 North Korean troops were sent to Russia",
                      entities=("north korea", "russia"))])
    assert a.label == "Number of troops from North Korea in Russia"


def test_values_list_outlets_and_sources_per_value():
    claims = [num("a", 3000, attributed_to="White House"), num("b", 3000, attributed_to="Pentagon"),
              num("c", 12000, attributed_to="Kyiv")]
    (a,) = build(claims)
    by_value = {v.value: v for v in a.values}
    assert by_value[3000].outlets == ("Outlet A", "Outlet B")
    assert by_value[3000].sources == ("Pentagon", "White House")
    assert by_value[12000].sources == ("Kyiv",)
    assert a.n_independent_sources == 2  # White House and Pentagon are one government


def test_owners_split_one_region_count():
    dprk = num("a", 2000, subject="kursk", text="2,000 North Korean soldiers moved to the Kursk region")
    russia = num("b", 50000, subject="kursk", text="50,000 Russian troops are fighting in the Kursk region")
    bare = num("c", 2500, subject="kursk", text="about 2,500 soldiers are now in the Kursk region")
    dprk2 = num("d", 2000, subject="kursk", text="Seoul says 2,000 North Korean troops reached the Kursk region")
    assertions = build([dprk, russia, bare, dprk2])
    assert home(assertions, dprk) == home(assertions, dprk2) == home(assertions, bare)
    assert home(assertions, russia).claim_ids == (russia.id,)


def test_one_actor_confirming_and_denying_is_a_contradiction():
    yes = claim("a", "Moscow confirmed that the troops had crossed into Ukraine", EVENT,
                predicate="confirm", modality="confirmed", entities=("russia", "ukraine"))
    no = claim("b", "The Kremlin denied that its troops had crossed into Ukraine", EVENT,
               predicate="deny", modality="denied", entities=("russia", "ukraine"))
    (a,) = build([yes, no])
    assert a.status == CONTRADICTED


@pytest.mark.parametrize("positive, negative, expected", [
    # a denial in the claim's own words against a plain assertion
    (dict(text="NATO confirmed that the units were in the Kursk region", attributed_to="Russia"),
     dict(text="Russia denied that the units were in the Kursk region", attributed_to="Moscow officials"),
     CONTRADICTED),
    # tagged as denied only because a denial sits in the same sentence
    (dict(text="The EU strongly condemned the military cooperation", attributed_to="European Union"),
     dict(text="EU condemns the military cooperation", attributed_to="China"), CORROBORATED),
    # two wordings of one negative stance, one of them not tagged as a denial
    (dict(text="China claims it lacks information on the troops", attributed_to="China"),
     dict(text="China claims no knowledge of the troops", attributed_to="China"), CORROBORATED),
])
def test_denials_need_their_own_words_and_a_plain_assertion(positive, negative, expected):
    pos = claim("a", kind=EVENT, predicate="confirm", modality="reported", **positive)
    neg = claim("b", kind=EVENT, predicate="confirm", modality="denied", **negative)
    matches = [Match(*sorted((pos.id, neg.id)), 0.8, "same-act")]
    (a,) = build_assertions([pos, neg], matches, DOCS)
    assert a.status == expected


def test_a_denial_in_other_words_lands_in_what_it_denies():
    said = claim("a", "The coast guard station had cleared the vessel to sail", attributed_to="operator")
    denied = claim("b", "vessel was never cleared to sail", EVENT, attributed_to="coast guard",
                   modality="negated")
    other = claim("c", "Divers searched the hull for a second day", EVENT, attributed_to="navy")
    assertions = build([said, denied, other])
    assert home(assertions, said) is home(assertions, denied)
    assert home(assertions, said).status == CONTRADICTED
    assert home(assertions, other) is not home(assertions, said)


def page(doc_id: str, outlet: str, text: str, published: str = "2025-03-10") -> Document:
    return Document(id=doc_id, path=f"/news/{doc_id}.txt", text=text, outlet=outlet, published=published)


def figure(document: Document, phrase: str, value: float, counted: str = "deaths",
           subject: str | None = None, **kw) -> Claim:
    start = document.text.index(phrase)
    return Claim(id=kw.pop("id", f"f{next(_n):05d}"), document_id=document.id, sentence_id=f"s{start}",
                 start=start, end=start + len(phrase), text=phrase, kind=NUMERIC, value=value,
                 qualifier=kw.pop("qualifier", "exact"), counted=counted, subject=subject, **kw)


TOLLS = [
    # (document, outlet, text, toll phrase, value) for two earthquakes on the same day
    ("q1", "Outlet A", "An earthquake struck Varnia province in Eskara. 120 people were killed, officials said.",
     "120 people were killed", 120),
    ("q2", "Outlet B", "Rescuers in Varnia searched the rubble after the Eskara quake. 120 people were killed.",
     "120 people were killed", 120),
    ("q3", "Outlet C", "The Eskara government said 150 people were killed in the Varnia earthquake.",
     "150 people were killed", 150),
    ("k1", "Outlet D", "An earthquake hit Tolmar in Kestovia. 40 people were killed, the Kestovian police said.",
     "40 people were killed", 40),
    ("k2", "Outlet A", "Kestovia mourned the dead of Tolmar: 120 people were killed in the earthquake.",
     "120 people were killed", 120),
]


def test_two_stories_with_one_counted_thing_do_not_merge():
    docs = {d: page(d, outlet, text) for d, outlet, text, _, _ in TOLLS}
    claims = {d: figure(docs[d], phrase, value) for d, _, _, phrase, value in TOLLS}
    assertions = build(list(claims.values()), docs)
    eskara = home(assertions, claims["q1"])
    kestovia = home(assertions, claims["k1"])
    assert set(eskara.claim_ids) == {claims[d].id for d in ("q1", "q2", "q3")}
    assert set(kestovia.claim_ids) == {claims["k1"].id, claims["k2"].id}
    assert eskara.status == kestovia.status == CONTRADICTED  # 120 vs 150, 40 vs 120: each within its story
    # the same figure in the other story is no corroboration
    assert {v.value for v in eskara.values} == {120, 150}


def test_subjectless_figure_joins_its_story_quantity():
    docs = {
        "v1": page("v1", "Outlet A", "Floods in the Brenner valley of Ostria displaced 3,000 people in Kelm."),
        "v2": page("v2", "Outlet B", "In Ostria's Brenner valley, rescuers said about 3,000 people had fled."),
        "w1": page("w1", "Outlet C", "A storm in Marosh, Vendia, displaced 3,000 people overnight."),
    }
    named = figure(docs["v1"], "displaced 3,000 people in Kelm", 3000, "displaced", subject="kelm")
    bare = figure(docs["v2"], "about 3,000 people had fled", 3000, "displaced", qualifier="about")
    other = figure(docs["w1"], "displaced 3,000 people overnight", 3000, "displaced")
    assertions = build([named, bare, other], docs)
    assert home(assertions, bare) == home(assertions, named)
    assert home(assertions, bare).status == CORROBORATED
    assert home(assertions, other).claim_ids == (other.id,)


@pytest.mark.parametrize("qualifiers", [("exact",), ("about", "over", "exact", "up to")])
def test_value_support_is_the_compatible_sources(qualifiers):
    docs = {f"m{i}": page(f"m{i}", f"Outlet {i}", f"Floods in Ostria: {100 + i} people were killed in Kelm.")
            for i in range(60)}
    claims = [figure(docs[f"m{i}"], f"{100 + i} people were killed", 100 + i, subject="kelm",
                     qualifier=qualifiers[i % len(qualifiers)], attributed_to=f"Source {i}")
              for i in range(60)]
    (a,) = build(claims, docs)
    assert len(a.values) == 60 and a.status == CONTRADICTED
    by_id = {c.id: c for c in claims}
    for v in a.values:
        (mine,) = v.claim_ids
        backers = sum(compatible(by_id[mine], c) for c in claims)  # the all-pairs definition
        expected = backers / 60 * (1 - 0.6 ** backers)
        assert v.confidence == pytest.approx(expected, abs=1e-4)


def test_two_place_names_with_one_figure_are_one_quantity():
    docs = {
        "p1": page("p1", "Outlet A", "A quake killed at least 120 in Eskara's Dravan province, officials said."),
        "p2": page("p2", "Outlet B", "Earthquake kills at least 120 in Eskara as Dravan province counts the cost."),
        "p3": page("p3", "Outlet C", "In Eskara's Dravan province the quake toll rose to 150, officials said."),
    }
    province = figure(docs["p1"], "killed at least 120 in Eskara's Dravan province", 120, subject="dravan",
                      qualifier="at least")
    country = figure(docs["p2"], "kills at least 120 in Eskara", 120, subject="eskara", qualifier="at least")
    bare = figure(docs["p3"], "the quake toll rose to 150", 150, as_of="2025-03-11")
    assertions = build([province, country, bare], docs)
    assert home(assertions, province) == home(assertions, country) == home(assertions, bare)


def test_a_region_and_its_country_with_other_figures_stay_apart():
    total = num("a", 12000, text="12,000 North Korean troops are in Russia")
    region = num("b", 2000, subject="kursk", text="2,000 North Korean soldiers moved to the Kursk region")
    small = num("c", 5, subject="kursk", text="5 soldiers moved to the Kursk region")
    small2 = num("d", 5, text="5 soldiers were sent to Russia")
    assertions = build([total, region, small, small2])
    assert home(assertions, total) != home(assertions, region)
    assert home(assertions, small) != home(assertions, small2)  # small figures coincide too easily


def test_a_subjectless_figure_joins_the_place_most_figures_name():
    docs = {
        "r1": page("r1", "Outlet A", "Cholera cases in Kilawe rose to 1,300."),
        "r2": page("r2", "Outlet B", "Kilawe has recorded 1,350 cholera cases."),
        "r3": page("r3", "Outlet C", "Ntoro district alone has recorded 611 cholera cases."),
        "r4": page("r4", "Outlet D", "Cholera cases keep rising: officials counted over 1,340 infections."),
    }
    region = [figure(docs["r1"], "Cholera cases in Kilawe rose to 1,300", 1300, "case", subject="kilawe"),
              figure(docs["r2"], "Kilawe has recorded 1,350 cholera cases", 1350, "case", subject="kilawe")]
    district = figure(docs["r3"], "Ntoro district alone has recorded 611 cholera cases", 611, "case",
                      subject="ntoro")
    bare = figure(docs["r4"], "officials counted over 1,340 infections", 1340, "case")
    assertions = build([*region, district, bare], docs)
    assert home(assertions, bare) == home(assertions, region[0]) == home(assertions, region[1])
    assert home(assertions, district).claim_ids == (district.id,)


# --- what is measured ---------------------------------------------------------------

BUDGET = [
    ("g1", "Outlet A", "Norland unveils $3 billion flood relief fund. The minister said $2 billion would go to "
                       "farmers and $1 billion to small businesses. Each family will receive a $500 grant."),
    ("g2", "Outlet B", "Norland's $3 billion relief fund: $2bn for farmers. Every family gets a $500 grant "
                       "per household. Unemployment in Norland rose to 6% while inflation stood at 4%."),
    ("g3", "Outlet C", "Norland's $3.5 billion flood fund. Inflation stood at 4% and joblessness rose to 6%, "
                       "above the central bank's 2% target."),
]


def test_amounts_and_percentages_group_by_what_they_measure():
    docs = {d: page(d, o, t) for d, o, t in BUDGET}
    specs = [("g1", "$3 billion flood relief fund", 3e9, "usd"), ("g1", "$2 billion would go to farmers", 2e9, "usd"),
             ("g1", "$1 billion to small businesses", 1e9, "usd"), ("g1", "a $500 grant", 500, "usd"),
             ("g2", "$3 billion relief fund", 3e9, "usd"), ("g2", "$2bn for farmers", 2e9, "usd"),
             ("g2", "a $500 grant per household", 500, "usd"),
             ("g2", "Unemployment in Norland rose to 6%", 6, "percent"), ("g2", "inflation stood at 4%", 4, "percent"),
             ("g3", "$3.5 billion flood fund", 3.5e9, "usd"), ("g3", "Inflation stood at 4%", 4, "percent"),
             ("g3", "joblessness rose to 6%", 6, "percent"), ("g3", "the central bank's 2% target", 2, "percent")]
    claims = [figure(docs[d], phrase, value, counted) for d, phrase, value, counted in specs]
    assertions = build(claims, docs)
    groups = sorted(sorted(c.text for c in claims if home(assertions, c) == a) for a in
                    {home(assertions, c) for c in claims})
    assert groups == sorted([
        sorted(["$3 billion flood relief fund", "$3 billion relief fund", "$3.5 billion flood fund"]),
        sorted(["$2 billion would go to farmers", "$2bn for farmers"]),
        ["$1 billion to small businesses"],
        sorted(["a $500 grant", "a $500 grant per household"]),
        sorted(["Unemployment in Norland rose to 6%", "joblessness rose to 6%"]),
        sorted(["inflation stood at 4%", "Inflation stood at 4%"]),
        ["the central bank's 2% target"],
    ])
    fund = home(assertions, claims[0])
    assert fund.status == CONTRADICTED  # 3 vs 3.5 billion for one fund
    assert home(assertions, claims[7]).status == CORROBORATED  # 6% unemployment, not 4% inflation


def test_a_figure_of_an_earlier_year_is_another_quantity_with_a_reason():
    docs = {
        "h1": page("h1", "Outlet A", "The quake killed 210 people. The 1999 quake in the same valley killed 1,800."),
        "h2": page("h2", "Outlet B", "At least 210 people died. In 1999 an earthquake there killed about 1,800 people."),
    }
    now_a = figure(docs["h1"], "The quake killed 210 people", 210)
    then_a = figure(docs["h1"], "killed 1,800", 1800, as_of="1999")
    now_b = figure(docs["h2"], "At least 210 people died", 210, qualifier="at least")
    then_b = figure(docs["h2"], "killed about 1,800 people", 1800, qualifier="about")
    assertions = build([now_a, then_a, now_b, then_b], docs)
    assert home(assertions, now_a) == home(assertions, now_b) != home(assertions, then_a)
    assert home(assertions, then_a) == home(assertions, then_b)
    assert home(assertions, now_a).status == home(assertions, then_a).status == CORROBORATED
    assert any("1999" in r for r in home(assertions, then_a).reasons)


def test_a_loosely_named_place_joins_the_named_one_but_two_towns_stay_apart():
    docs = {
        "r1": page("r1", "Outlet A", "Thousands march against Premier Tomas Reiner in the Norlandian capital. "
                                     "Police put the crowd at 9,000."),
        "r2": page("r2", "Outlet B", "Police said 9,000 people marched in Havel against Premier Tomas Reiner."),
        "r3": page("r3", "Outlet C", "In Havel, organisers said 30,000 people marched against Premier Tomas Reiner. "
                                     "In Brisk, 2,000 people rallied."),
    }
    loose = figure(docs["r1"], "Police put the crowd at 9,000", 9000, None, subject="norlandian capital")
    named = figure(docs["r2"], "9,000 people marched in Havel", 9000, "people", subject="havel")
    other = figure(docs["r3"], "organisers said 30,000 people marched", 30000, "people", subject="havel")
    town = figure(docs["r3"], "In Brisk, 2,000 people rallied", 2000, "people", subject="brisk")
    assertions = build([loose, named, other, town], docs)
    assert home(assertions, loose) == home(assertions, named) == home(assertions, other)
    assert home(assertions, town).claim_ids == (town.id,)
    assert home(assertions, named).status == CONTRADICTED  # 9,000 vs 30,000 for one march


@pytest.mark.parametrize("documents, status", [
    (("a", "a"), SINGLE_SOURCE),  # one outlet's own figures differ: no dispute between sources
    (("a", "a2"), SINGLE_SOURCE),  # the same outlet on two pages is still one outlet
    (("a", "b"), CONTRADICTED),
])
def test_status_needs_two_outlets(documents, status):
    first = num(documents[0], 3000, as_of="2024-10-24", attributed_to="Ministry")
    second = num(documents[1], 12000, as_of="2024-10-24", attributed_to="Red Cross")
    (a,) = build([first, second])
    assert a.status == status
    assert a.n_outlets == len({DOCS[d].outlet for d in documents})
    if status == SINGLE_SOURCE:
        assert any("only Outlet A" in r for r in a.reasons)


@pytest.mark.parametrize("text, counted, label", [
    ("The government approved an aid package of EUR 2 billion", "eur", "Aid package (EUR)"),
    ("Inflation rose to 4.2% in March", "percent", "Inflation (%)"),
    ("Two dozen buses were parked near the square", None, "Number of buses"),
    ("The reform would raise the retirement age to 65", None, "Retirement age"),
])
def test_numeric_labels_name_the_quantity_as_the_text_does(text, counted, label):
    (a,) = build([num("a", 1, counted=counted, subject=None, text=text)])
    assert a.label == label


@pytest.mark.parametrize("text, district", [
    # "..., and 14 deaths": an object of the same verb as the district's cases.
    ("Ntoro district has recorded 611 cases, and 14 deaths, the office said.", True),
    ("Ntoro district has recorded 611 cases in all, almost half of the total, and 14 deaths.", True),
    # A figure that is not joined by "and" to the district's refers back as before.
    ("Ntoro district has recorded 611 cases, while 14 deaths were recorded.", False),
])
def test_a_figure_joined_by_and_shares_the_subject_before_it(text, district):
    from factcheck.features import claim_features
    from factcheck.grouping import _group_numbers

    docs = {"d1": page("d1", "Outlet A", text),
            "r1": page("r1", "Outlet C", "Kilawe Region has recorded 34 deaths so far.")}
    cases = figure(docs["d1"], "Ntoro district has recorded 611 cases", 611, "case", subject="ntoro")
    deaths = figure(docs["d1"], "14 deaths", 14)
    deaths = Claim(**{**deaths.__dict__, "sentence_id": cases.sentence_id})
    region = figure(docs["r1"], "Kilawe Region has recorded 34 deaths", 34, subject="kilawe")
    feats = {c.id: claim_features(c, docs, stories={"d1": "s", "r1": "s"}) for c in (cases, deaths, region)}
    assert feats[deaths.id].coordinated is district
    groups = _group_numbers(sorted(feats), feats, {})
    together = any({deaths.id, region.id} <= set(g) for g in groups)
    assert together is not district
