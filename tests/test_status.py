"""Status: which differing figures are a conflict between sources, and which are not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factcheck.assertions import build_assertions
from factcheck.intervals import claimed_interval
from factcheck.matching import match_claims
from factcheck.models import CONTRADICTED, CORROBORATED, NUMERIC, Claim, Document


def doc(doc_id: str, outlet: str, published: str) -> Document:
    return Document(id=doc_id, path=f"/news/{doc_id}.txt", text="", outlet=outlet, published=published)


DOCS = {d.id: d for d in (
    doc("a", "Outlet A", "2025-06-15"), doc("b", "Outlet B", "2025-06-15"), doc("c", "Outlet C", "2025-06-15"),
    doc("b2", "Outlet B", "2025-06-16"), doc("c3", "Outlet C", "2025-06-17"), doc("d3", "Outlet D", "2025-06-17"),
)}
_n = iter(range(100_000))


def num(document: str, value: float, qualifier: str = "exact", counted: str = "deaths",
        text: str | None = None, **kw) -> Claim:
    k = next(_n)
    text = text or f"{value:,.0f} {counted} in Calvera province"
    return Claim(id=f"k{k:05d}", document_id=document, sentence_id=f"s{k}", start=k, end=k + len(text),
                 text=text, kind=NUMERIC, value=value, qualifier=qualifier, counted=counted,
                 subject="calvera", **kw)


def build(claims):
    assertions = build_assertions(claims, match_claims(claims, DOCS), DOCS)
    assert len(assertions) == 1, [a.claim_ids for a in assertions]
    return assertions[0]


@pytest.mark.parametrize("qualifier, value, interval", [
    ("at least", 19, (19, float("inf"))),
    ("more than", 100, (100, float("inf"))),
    ("up to", 1500, (float("-inf"), 1500)),
    ("below", 40, (float("-inf"), 40)),
])
def test_a_one_sided_bound_stays_open(qualifier, value, interval):
    assert claimed_interval(num("a", value, qualifier)) == interval


def test_a_lower_bound_is_not_refuted_by_a_larger_figure_of_the_same_day():
    bound = num("a", 19, "at least", attributed_to="Governor")
    count = num("b", 41, attributed_to="Coast guard")
    a = build([bound, count])
    assert a.status == CORROBORATED
    assert not any("contradiction" in r for r in a.reasons)


def test_an_upper_bound_below_a_figure_of_the_same_day_still_conflicts():
    claim = num("a", 40, "below", counted="percent", attributed_to="Opposition")
    count = num("b", 52, counted="percent", attributed_to="Electoral commission")
    assert build([claim, count]).status == CONTRADICTED


def test_a_count_that_falls_day_after_day_is_a_change_over_time():
    claims = [num("a", 104, counted="missing", attributed_to="Coast guard"),
              num("b2", 85, counted="missing", attributed_to="Navy"),
              num("c3", 68, counted="missing", attributed_to="Police")]
    a = build(claims)
    assert a.status == CORROBORATED
    assert sum("change over time" in r for r in a.reasons) == 3
    assert a.best_value == 68


def test_a_series_that_rises_then_falls_keeps_its_fall_as_a_conflict():
    claims = [num("a", 9, attributed_to="Coast guard"), num("b2", 24, attributed_to="Navy"),
              num("c3", 17, attributed_to="Police")]
    a = build(claims)
    assert a.status == CONTRADICTED
    assert any("lower than the earlier" in r for r in a.reasons)


def test_one_source_giving_two_figures_on_one_page_is_two_quantities():
    text = "The commission reviewed 212 complaints and upheld 9"
    claims = [num("a", 212, counted="complaints", text=text, attributed_to="Commission"),
              num("a", 9, counted="complaints", text=text, attributed_to="Commission"),
              num("b", 212, counted="complaints", text=text, attributed_to="Commission")]
    a = build(claims)
    assert a.status == CORROBORATED
    assert any("one page" in r and "not a conflict" in r for r in a.reasons)


def test_one_source_quoted_with_two_figures_by_two_outlets_is_a_conflict():
    # A slipped decimal point: one outlet prints 19,000 where the others print 1,900.
    claims = [num("a", 1900, counted="injured", attributed_to="Health ministry"),
              num("b", 1900, counted="injured", attributed_to="Health ministry"),
              num("c", 19000, counted="injured", attributed_to="Health ministry")]
    a = build(claims)
    assert a.status == CONTRADICTED
    assert any("same source: contradiction" in r for r in a.reasons)


def test_two_figures_only_one_outlet_prints_are_no_dispute_between_sources():
    claims = [num("a", 100, attributed_to="Ministry"), num("a", 400, attributed_to="Red Cross"),
              num("c3", 700, attributed_to="Police")]
    a = build(claims)
    assert a.status == CORROBORATED
    assert any("Outlet A alone" in r for r in a.reasons)


@pytest.mark.parametrize("text", ['The "No" side won 36% of the vote in Calvera',
                                  "The “No” side won 36% of the vote in Calvera"])
def test_a_quoted_word_is_named_not_negated(text):
    option = num("a", 36, counted="percent", text=text, modality="negated", attributed_to="Commission")
    plain = num("b", 36, counted="percent", text="The opposition side won 36% of the vote in Calvera",
                attributed_to="Commission")
    a = build([option, plain])
    assert a.status == CORROBORATED
    assert not any("den" in r for r in a.reasons)


def test_a_denial_in_its_own_words_still_contradicts():
    said = Claim(id="e1", document_id="a", sentence_id="e1", start=0, end=40, kind="event",
                 text="The governor said the ferry was overloaded", attributed_to="Governor",
                 predicate="overload")
    denied = Claim(id="e2", document_id="b", sentence_id="e2", start=0, end=40, kind="event",
                   text="The operator denied the ferry was overloaded", attributed_to="Operator",
                   predicate="overload", modality="denied")
    a = build([said, denied])
    assert a.status == CONTRADICTED


def test_a_smaller_figure_one_source_gives_beside_the_count_in_one_sentence_is_a_part():
    # "The toll rose to 41 on Tuesday after navy divers recovered 17 bodies from the hull."
    toll = num("c3", 41, attributed_to="Coast guard")
    step = replace(num("c3", 17, attributed_to="Coast guard"), sentence_id=toll.sentence_id)
    a = build([num("b2", 24, attributed_to="Navy"), toll, step])
    assert a.status == CORROBORATED
    assert any("a part or a step of it" in r for r in a.reasons)


def test_two_sources_giving_two_figures_in_one_sentence_still_conflict():
    # "Police said 40 people were arrested, while organisers said 60 were held."
    police = num("a", 40, counted="arrests", attributed_to="Police")
    organisers = replace(num("a", 60, counted="arrests", attributed_to="Organisers"),
                         sentence_id=police.sentence_id)
    claims = [police, organisers, num("b", 40, counted="arrests", attributed_to="Interior ministry")]
    assert build(claims).status == CONTRADICTED


@pytest.mark.parametrize("text, denies", [
    # words after the figure deny something else, or say what it counts
    ("The chairwoman said the commission had received 212 complaints and rejected claims of "
     "fraud", False),
    ("Officials said 212 complaints had not been upheld", False),
    # words before it deny the figure
    ("The commission denied that it had received 212 complaints", True),
    ("On 3 June the commission denied that it had received 212 complaints", True),
])
def test_a_figure_is_denied_only_by_words_before_it(text, denies):
    denial = num("a", 212, counted="complaints", text=text, modality="denied",
                 attributed_to="Commission chairwoman")
    plain = num("b", 212, counted="complaints", text="The commission received 212 complaints",
                attributed_to="Commission")
    a = build([denial, plain])
    assert (a.status == CONTRADICTED) == denies
