"""Matching: the one normalisation, text similarity, structural matches and blocking."""

from __future__ import annotations

import pytest

import factcheck.matching as matching
from factcheck.features import claim_features, claim_outlet, resolve_references
from factcheck.matching import match_claims
from factcheck.measures import Measure, claim_measure
from factcheck.models import EVENT, NUMERIC, QUOTE, Claim, Document
from factcheck.normalise import normalise, similarity


def doc(doc_id: str, outlet: str | None = None, published: str | None = "2024-10-25",
        text: str = "", url: str | None = None) -> Document:
    return Document(id=doc_id, path=f"/news/{doc_id}.txt", text=text, outlet=outlet,
                    url=url, published=published)


DOCS = {d.id: d for d in (doc("a", "Outlet A"), doc("b", "Outlet B"), doc("c", "Outlet C"))}
_n = iter(range(10_000))


def claim(document: str, text: str, kind: str = QUOTE, **kw) -> Claim:
    k = next(_n)
    return Claim(id=kw.pop("id", f"k{k:04d}"), document_id=document, sentence_id=f"s{k}",
                 start=k, end=k + len(text), text=text, kind=kind, **kw)


def relation(claims, documents=DOCS):
    found = match_claims(claims, documents)
    assert len(found) <= 1
    return found[0].relation if found else None


@pytest.mark.parametrize("raw, expected", [
    ("“This would constitute,” he said", "this would constitute he said"),
    ("It’s   the EU's  call", "it the eu call"),
    ("flagrantly violate[s] multiple", "flagrantly violates multiple"),
    ("over 3,000 troops", "over 3000 troops"),
    ("some 10 000 troops", "some 10000 troops"),
    ("1.5 million people.", "1.5 million people"),
    ("U.S. officials — said", "u s officials said"),
    ("  MIXED\tCase\nlines ", "mixed case lines"),
    ("", ""),
])
def test_normalise(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize("a, b, low, high", [
    ("The EU is “deeply alarmed”", "The EU is \"deeply alarmed\"", 1.0, 1.0),
    ("flagrantly violate[s] multiple United Nations Security Council resolutions",
     "which flagrantly violate multiple United Nations Security Council resolutions", 0.9, 1.0),
    ("This would constitute a serious breach of international law, including the most fundamental principles of the UN Charter",
     "It would be a further breach of international law, including the most fundamental principles of the UN Charter", 0.86, 0.97),
    ("Seoul no longer rules out supplying weapons to Ukraine",
     "Aid workers have warned of famine in Sudan", 0.0, 0.6),
    ("", "anything", 0.0, 0.0),
])
def test_similarity(a, b, low, high):
    assert low <= similarity(a, b) <= high
    assert similarity(a, b) == similarity(b, a)


@pytest.mark.parametrize("a, b, expected", [
    # the same quote, punctuation and a bracketed insertion aside
    ("flagrantly violate[s] multiple United Nations Security Council resolutions",
     "which flagrantly violate multiple United Nations Security Council resolutions", "same"),
    # a dropped lead-in
    ("a unilateral hostile act by the DPRK with serious consequences for European and global peace and security",
     "It would be a unilateral hostile act by the DPRK with serious consequences for European and global peace and security",
     "same"),
    # a second wording of one statement
    ("This would constitute a serious breach of international law, including the most fundamental principles of the UN Charter",
     "It would be a further breach of international law, including the most fundamental principles of the UN Charter",
     "paraphrase"),
    # the same words with other numbers are another claim
    ("The death toll has risen to 120 people in the capital, officials said",
     "The death toll has risen to 180 people in the capital, officials said", None),
    # one story, other statements
    ("We hope all parties will promote the deescalation of the situation",
     "This would constitute a serious breach of international law", None),
    # a short fragment inside a long quote is not the quote
    ("grave concern", "express our grave concerns regarding the deployment of troops to Russia", None),
])
def test_quote_matches(a, b, expected):
    assert relation([claim("a", a), claim("b", b)]) == expected


def num(document, text, value, counted="troops", subject="russia", **kw):
    return claim(document, text, NUMERIC, value=value, counted=counted, subject=subject, **kw)


@pytest.mark.parametrize("a, b, expected", [
    (num("a", "about 3,000 troops were sent to Russia", 3000, qualifier="about"),
     num("b", "over 3,000 North Korean troops are in Russia", 3000, qualifier="over"), "same-quantity"),
    (num("a", "about 3,000 troops were sent to Russia", 3000, qualifier="about"),
     num("b", "about 12,000 troops were sent to Russia", 12000, qualifier="about"), "same-quantity-other-value"),
    # the same number for another quantity: other counted thing, other subject, other batch
    (num("a", "2,000 soldiers moved to Russia", 2000),
     num("b", "2,000 officers moved to Russia", 2000, counted="officers"), None),
    (num("a", "2,000 soldiers moved to the Kursk region", 2000, subject="kursk"),
     num("b", "2,000 soldiers moved to Russia", 2000), None),
    (num("a", "the first batch of 1,500 troops arrived", 1500),
     num("b", "the second batch of 1,500 troops arrived", 1500), None),
    # a figure whose counted noun was not read still names what it measures
    (num("a", "Police put the size of the crowd at 15,000", 15000, counted=None),
     num("b", "Police put the size of the crowd at 15,000", 15000, counted=None), "same"),
    (num("a", "it said 2,000", 2000, counted=None),
     num("b", "it said 2,000", 2000, counted=None), None),
])
def test_numeric_matches(a, b, expected):
    assert relation([a, b]) == expected


def test_same_document_repeat_says_so():
    body = num("a", "On 24 October, 2,000 soldiers had moved to the Kursk region", 2000, subject="kursk")
    headline = num("a", "Kyodo: 2,000 soldiers move to the Kursk region", 2000, subject="kursk")
    assert relation([body, headline]) == "same-document-same-quantity"


@pytest.mark.parametrize("a, b", [
    # capital for country, synonyms mapped to one act by the claims stage
    (dict(text="Seoul no longer rules out the possibility of supplying weapons to Ukraine",
          predicate="supply", attributed_to="Seoul"),
     dict(text="South Korea said last week that it might start providing Ukraine with weaponry",
          predicate="supply", attributed_to="South Korea")),
    # title and demonym: the president speaks for the country
    (dict(text="Russian President Vladimir Putin refrained from denying the reports",
          predicate="noncommittal", attributed_to="Vladimir Putin"),
     dict(text="Russia has stopped short of confirming that the troops were in the country.",
          predicate="noncommittal", attributed_to="Russia")),
])
def test_same_act_of_one_actor(a, b):
    assert relation([claim("a", kind=EVENT, **a), claim("b", kind=EVENT, **b)]) == "same-act"


def test_person_stands_for_the_body_named_in_their_title():
    docs = dict(DOCS, b=doc("b", "Outlet B", text="NATO Secretary-General Mark Rutte spoke on Monday."))
    quote = claim("a", "I can confirm that North Korean units have been deployed to the Kursk region.",
                  attributed_to="Mark Rutte", entities=("north korea", "kursk"))
    event = claim("b", "NATO has confirmed that North Korean soldiers are stationed in the Kursk region",
                  EVENT, predicate="confirm", attributed_to="NATO", entities=("nato", "north korea", "kursk"))
    assert relation([quote, event], docs) == "same-act"
    assert relation([quote, event], DOCS) is None  # without the title nothing ties them


@pytest.mark.parametrize("a, b", [
    # another actor doing the same act
    (dict(text="Pyongyang has already supplied Russia with ammunition", predicate="supply",
          attributed_to="Mark Rutte"),
     dict(text="Seoul no longer rules out supplying weapons to Ukraine", predicate="supply",
          attributed_to="Seoul")),
    # the same actor, another act
    (dict(text="South Korea condemned the deployment", predicate="condemn", attributed_to="South Korea"),
     dict(text="Seoul no longer rules out supplying weapons to Ukraine", predicate="supply",
          attributed_to="Seoul")),
    # the same actor and act about other things
    (dict(text="Seoul confirmed the launch in Japan", predicate="confirm", entities=("japan",)),
     dict(text="Seoul confirmed the shipment to Poland", predicate="confirm", entities=("poland",))),
])
def test_acts_that_do_not_match(a, b):
    assert relation([claim("a", kind=EVENT, **a), claim("b", kind=EVENT, **b)]) is None


@pytest.mark.parametrize("a, b, expected", [
    # a statement and its denial, by different speakers, in other words
    (dict(text="it had not issued a departure clearance for the ferry", kind=EVENT,
          attributed_to="coast guard", modality="negated"),
     dict(text="No departure clearance was issued to the vessel before it sailed", attributed_to="Lavin"),
     "same-proposition"),
    (dict(text="The harbour office gave the ship its clearance to sail on Saturday", attributed_to="Velasco"),
     dict(text="vessel was never cleared to sail", kind=EVENT, attributed_to="coast guard",
          modality="negated"), "same-proposition"),
    # one finding reworded by two outlets
    (dict(text="the official count misses people who die at home in remote areas", kind=EVENT,
          attributed_to="medical charity"),
     dict(text="The official count does not capture people who die at home in remote villages",
          attributed_to="Anya Lindqvist"), "same-proposition"),
    # the same people and places, other things said about them
    (dict(text="Russian President Vladimir Putin refrained from denying the reports", kind=EVENT,
          attributed_to="Vladimir Putin"),
     dict(text="Russian President Vladimir Putin is providing North Korea with technology", kind=EVENT,
          attributed_to="Seoul"), None),
    # one common word shared is no proposition
    (dict(text="the ferry sank in heavy seas off the coast", kind=EVENT),
     dict(text="the ferry operator offered compensation to relatives", kind=EVENT), None),
    # a denial faces only what its negation governs, not the clause after it
    (dict(text="Beijing claims no knowledge of the convoy as the EU condemns the troop deployment",
          kind=EVENT, attributed_to="Beijing", modality="negated"),
     dict(text="Allies condemn the troop deployment", kind=EVENT, attributed_to="Allies"), None),
    # a report citing another's phrase in passing does not say what the phrase says
    (dict(text="The coast guard confirmed the ferry sank in what was termed a “preventable "
               "maritime tragedy” of the decade", kind=EVENT, attributed_to="coast guard"),
     dict(text="a preventable maritime tragedy", attributed_to="Velasco"), None),
])
def test_a_statement_meets_its_denial_and_its_rewording(a, b, expected):
    # Two reports of one story: the lines of both name its ship and its port.
    docs, claims = {}, []
    for k, spec in zip("ab", (a, b)):
        docs[k] = doc(k, f"Outlet {k.upper()}", text=spec["text"] + ". The Santa Felisa capsized off Port Calvera.")
        claims.append(Claim(id=f"p{k}", document_id=k, sentence_id=f"s{k}", start=0, end=len(spec["text"]),
                            **{"kind": QUOTE, **spec}))
    assert relation(claims, docs) == expected


def test_output_is_sorted_deterministic_and_ids_ordered():
    claims = [claim(d, "This would constitute a serious breach of international law", id=f"z{i}")
              for i, d in enumerate("abc")]
    first = match_claims(claims, DOCS)
    assert first == match_claims(list(reversed(claims)), DOCS)
    assert [(m.claim_a, m.claim_b) for m in first] == [("z0", "z1"), ("z0", "z2"), ("z1", "z2")]
    assert all(0 < m.similarity <= 1 for m in first)


def test_blocking_is_not_all_pairs(monkeypatch):
    calls = []
    real = matching.compare_claims
    monkeypatch.setattr(matching, "compare_claims", lambda a, b: calls.append(1) or real(a, b))
    docs = {f"d{i}": doc(f"d{i}", f"Outlet {i}") for i in range(40)}
    claims = []
    for i in range(600):  # 600 claims: 179,700 pairs if compared naively
        claims.append(num(f"d{i % 40}", f"{i + 1} troops reached region{i % 7}", i + 1,
                          subject=f"region{i % 7}"))
        claims.append(claim(f"d{i % 40}", f"wire copy statement repeated by every outlet {i % 3}"))
    found = match_claims(claims, docs)
    assert len(calls) < 30 * len(claims)
    # repeated wire copy still meets its repeats through the sorted window
    wire = {c.id for c in claims if c.kind == QUOTE}
    assert sum(1 for m in found if m.claim_a in wire and m.claim_b in wire) >= 1000


@pytest.mark.parametrize("document, expected", [
    (doc("x", "The Outlet", url="https://www.example.org/a"), "The Outlet"),
    (doc("x", None, url="https://www.example.org/a"), "example.org"),
    (doc("x", None), "/news/x.txt"),
])
def test_claim_outlet_falls_back(document, expected):
    assert claim_outlet(claim("x", "text"), {"x": document}) == expected


# --- what is measured: the noun phrase next to a percentage, an amount or a head count ---

def measured(text: str, value: float, counted: str | None, published: str = "2025-06-02") -> Measure:
    d = Document(id="m", path="/news/m.txt", text=text, outlet="Outlet M", published=published)
    c = Claim(id="mc", document_id="m", sentence_id="ms", start=0, end=len(text), text=text,
              kind=NUMERIC, value=value, counted=counted)
    return claim_measure(c, {"m": d})


@pytest.mark.parametrize("text, value, counted, unit, words", [
    ("Joblessness climbed to 4.2% in May", 4.2, "percent", "percent", {"unemployment"}),
    ("the jobless rate will rise to 4.2%", 4.2, "percent", "percent", {"unemployment", "rate"}),
    ("Consumer inflation stood at 3.1 per cent in May", 3.1, "percent", "percent", {"consumer", "inflation"}),
    ("well above the treasury's 2% target", 2, "percent", "percent", {"target"}),
    ("The council approved a $40 million flood defence plan", 40e6, "usd", "usd", {"flood", "defenc", "plan"}),
    ("£12 million will go to rural schools", 12e6, "gbp", "gbp", {"rural", "school"}),
    ("a 5 billion dollar rescue fund", 5e9, "fund", "usd", {"rescu", "fund"}),
    ("Officials put the size of the crowd at 8,000", 8000, None, "people", {"crowd"}),
    ("8,000 people marched to the town hall", 8000, "people", "people", {"crowd"}),
    ("8,000 people were living in tents", 8000, "people", "displaced", set()),
    ("8,000 people were still trapped", 8000, "people", "people", {"trapped"}),
    # a share of a named whole is a share of it, not a rate of it
    ("children under five accounted for 22% of suspected cases", 22, "percent", "percent",
     {"of suspect", "of case"}),
    ("The case fatality rate stands at 2.3%", 2.3, "percent", "percent", {"case", "fatality", "rate"}),
])
def test_claim_measure(text, value, counted, unit, words):
    m = measured(text, value, counted)
    assert m.unit == unit
    assert set(m.words) == words


@pytest.mark.parametrize("text, value, per, rate", [
    ("a grant of 500 dollars per family", 500, "family", None),
    ("the levy will raise about $2bn a year", 2e9, None, "per year"),
    ("the fund paid $2bn a day after the storm", 2e9, None, None),
])
def test_per_unit_and_rate(text, value, per, rate):
    m = measured(text, value, "usd")
    assert (m.per, m.rate) == (per, rate)


@pytest.mark.parametrize("text, value, published, year", [
    ("the 1987 floods killed 300 people", 300, "2025-06-02", "1987"),
    ("In 2019 a similar storm killed 300 people", 300, "2025-06-02", "2019"),
    ("the storm killed 300 people", 300, "2025-06-02", None),
    ("last year's storm killed 300 people in 2024", 300, "2025-06-02", None),  # one year: same era
    ("The plan would raise the pension age to 67 by 2030", 67, "2025-06-02", None),
])
def test_historical_year(text, value, published, year):
    assert measured(text, value, "deaths", published).year == year


def test_different_measured_things_never_match():
    text = ("Joblessness climbed to 4.2% in May. Consumer inflation stood at 4.2% in May. "
            "The council approved a $40 million flood defence plan. $40 million will go to rural schools.")
    d = {"t": Document(id="t", path="/news/t.txt", text=text, outlet="T", published="2025-06-02"),
         "u": Document(id="u", path="/news/u.txt", text=text, outlet="U", published="2025-06-02")}
    claims = []
    for doc_id in ("t", "u"):
        for k, (phrase, value, counted) in enumerate([("Joblessness climbed to 4.2% in May", 4.2, "percent"),
                                                      ("Consumer inflation stood at 4.2% in May", 4.2, "percent"),
                                                      ("The council approved a $40 million flood defence plan", 4e7, "usd"),
                                                      ("$40 million will go to rural schools", 4e7, "usd")]):
            start = text.index(phrase)
            claims.append(Claim(id=f"{doc_id}{k}", document_id=doc_id, sentence_id=f"{doc_id}s{k}", start=start,
                                end=start + len(phrase), text=phrase, kind=NUMERIC, value=value, counted=counted))
    pairs = {(m.claim_a, m.claim_b) for m in match_claims(claims, d) if not m.relation.startswith("same-document")}
    assert pairs == {("t0", "u0"), ("t1", "u1"), ("t2", "u2"), ("t3", "u3")}


def test_a_bare_figure_refers_to_the_figure_before_it():
    text = "Police said 4,000 people marched in the town. The organisers put the figure at 9,000."
    d = {"t": Document(id="t", path="/news/t.txt", text=text, outlet="T", published="2025-06-02")}
    first, second = "Police said 4,000 people marched in the town", "The organisers put the figure at 9,000"
    claims = [Claim(id="a", document_id="t", sentence_id="s1", start=0, end=len(first), text=first, kind=NUMERIC,
                    value=4000, counted="people"),
              Claim(id="b", document_id="t", sentence_id="s2", start=text.index(second),
                    end=text.index(second) + len(second), text=second, kind=NUMERIC, value=9000, counted=None)]
    feats = resolve_references([claim_features(c, d) for c in claims])
    assert feats[1].measure.unit == "people" and feats[1].measure.words == {"crowd"}
    assert [m.relation for m in match_claims(claims, d)] == ["same-document-same-quantity-other-value"]


@pytest.mark.parametrize("text, value, counted, limit", [
    ("the ship was within its licensed capacity of 250 passengers", 250, "passenger", True),
    ("far more than the 250 it was licensed to carry", 250, "passenger", True),
    ("the vessel was certified to carry 250 passengers", 250, "passenger", True),
    ("turnout fell short of the 50% threshold", 50, "percent", True),
    ("Turnout must reach 50% for the vote to be valid", 50, "percent", True),
    ("the campaign aims to reach 480,000 people", 480000, "people", True),
    # Another figure or a comma ends what is read: the count beside a limit is no limit.
    ("carrying 238 passengers, fewer than its licensed capacity of 250", 238, "passenger", False),
    ("Preliminary turnout of 52.1% cleared the 50% threshold", 52.1, "percent", False),
    ("The ferry was carrying 238 passengers when it left port", 238, "passenger", False),
])
def test_a_capacity_threshold_or_target_is_a_limit(text, value, counted, limit):
    assert measured(text, value, counted).limit is limit


def test_a_limit_is_not_the_count_it_limits():
    text = ("The ferry was carrying 238 passengers, within its licensed capacity of 250 passengers. "
            "The ferry had 300 passengers on board.")
    d = {"t": Document(id="t", path="/news/t.txt", text=text, outlet="T", published="2025-06-02")}
    phrases = [("The ferry was carrying 238 passengers", 238),
               ("within its licensed capacity of 250 passengers", 250),
               ("The ferry had 300 passengers on board", 300)]
    claims = [Claim(id=f"c{k}", document_id="t", sentence_id=f"s{k}", start=text.index(p),
                    end=text.index(p) + len(p), text=p, kind=NUMERIC, value=v, counted="passenger")
              for k, (p, v) in enumerate(phrases)]
    pairs = {(m.claim_a, m.claim_b) for m in match_claims(claims, d)}
    assert pairs == {("c0", "c2")}


@pytest.mark.parametrize("text, value, words", [
    # A verb of reaching or showing links the measured noun to its figure; it is no measure.
    ("Cholera cases in Kilawe pass 8.2%", 8.2, {"cholera", "case"}),
    ("The case fatality rate in Kilawe remains at 2.3%", 2.3, {"case", "fatality", "rate"}),
    ("its own count showed turnout below 40%", 40, {"crowd"}),
    # An adverb says how, not what.
    ("turnout was 52.1%, comfortably above expectations", 52.1, {"crowd"}),
])
def test_link_verbs_and_adverbs_are_no_measure(text, value, words):
    counted = "percent" if "%" in text else None
    assert set(measured(text, value, counted).words) == words


@pytest.mark.parametrize("text, value, words", [
    # The ballot option next to a share is what the share counts, quoted or bare.
    ('with 91% of stations counted, 61.4% voted "Yes" and 38.6% "No"', 61.4, {"vote yes", "of vote"}),
    ('with 91% of stations counted, 61.4% voted "Yes" and 38.6% "No"', 38.6, {"vote no", "of vote"}),
    ('with 91% of stations counted, 61.4% voted "Yes" and 38.6% "No"', 91, {"of station"}),
    ("Exit poll: Yes 64%, No 36%", 64, {"vote yes", "of vote"}),
    ("Exit poll: Yes 64%, No 36%", 36, {"vote no", "of vote"}),
    ('The "Leave" side won 52% of the vote', 52, {"vote leave", "of vote"}),
    ("61.4% of voters backed the amendments and 38.6% voted against", 61.4, {"vote yes", "of vote"}),
    ("61.4% of voters backed the amendments and 38.6% voted against", 38.6, {"vote no", "of vote"}),
    ("61% in favour, 39% against.", 39, {"vote no", "of vote"}),
    ('confirms "Yes" win with 60.8%, turnout 52.3%', 52.3, {"crowd"}),
])
def test_a_ballot_option_is_what_a_share_counts(text, value, words):
    assert set(measured(text, value, "percent").words) == words


@pytest.mark.parametrize("text, value", [
    ("The crown gained 0.4% against the euro", 0.4),  # a currency's rise
    ("No more than 40% of voters took part", 40),  # "No" opening a phrase
    ("Support for the party rose to 31%", 31),  # a noun of backing, not a vote
])
def test_no_ballot_option(text, value):
    assert not any(w.startswith("vote ") for w in measured(text, value, "percent").words)


def test_yes_and_no_shares_and_turnout_are_three_quantities():
    texts = {"t": 'Turnout was 52.3%, with 60.8% voting "Yes" and 39.2% "No".',
             "u": "Turnout was 52.3%. The final count gave Yes 60.8%, No 39.2%."}
    d = {k: Document(id=k, path=f"/news/{k}.txt", text=t, outlet=k.upper(), published="2025-09-23")
         for k, t in texts.items()}
    claims = []
    for k, text in texts.items():
        for n, value in enumerate((52.3, 60.8, 39.2)):
            start = text.index(f"{value}%")
            claims.append(Claim(id=f"{k}{n}", document_id=k, sentence_id=f"{k}s", start=start, end=start + 5,
                                text=text[start:start + 5], kind=NUMERIC, value=value, counted="percent"))
    pairs = {(m.claim_a, m.claim_b) for m in match_claims(claims, d)
             if not m.relation.startswith("same-document")}
    assert pairs == {("t0", "u0"), ("t1", "u1"), ("t2", "u2")}


@pytest.mark.parametrize("text, value, counted, unit", [
    # "number of X" counts the phrase's head noun, not its first word.
    ("The number of suspected cholera cases in Kilawe Region has risen to 842", 842, "suspected", "case"),
    ("as the number of suspected cases in the region rose above 1,000", 1000, None, "case"),
    # what happened to counted people may be said before the figure
    ("The number of people confirmed dead in the capsizing rose to 24", 24, "people", "deaths"),
    ("The number of people who have died of cholera has risen to 34", 34, "people", "deaths"),
    # a bare figure linked to a plural noun counts it
    ("Cholera cases in Kilawe pass 800", 800, None, "case"),
    # people on board are passengers as reports count them
    ("Ferry capsizes off the coast with about 300 aboard", 300, "aboard", "passenger"),
    ("The ferry had 300 people on board", 300, "people", "passenger"),
    ("all 150 people on board were killed", 150, "people", "deaths"),
])
def test_what_is_counted_is_read_before_the_figure_too(text, value, counted, unit):
    assert measured(text, value, counted).unit == unit


@pytest.mark.parametrize("text, value, counted, unit, words", [
    # the verb next to a figure says what befell the people it counts
    ("An explosion tore through the plant, killing four workers and injuring dozens", 4, "worker",
     "deaths", {"worker"}),
    ("Four workers were killed in the explosion at the plant", 4, "worker", "deaths", {"worker"}),
    ("Six workers are now known to have died in Tuesday's explosion", 6, "worker", "deaths", {"worker"}),
    ("Seven firefighters have been treated for burns and smoke inhalation", 7, "firefighter", "injured",
     {"firefighter"}),
    ("killing one man, destroying at least 40 homes and forcing 12,200 people from their homes", 12200,
     "people", "displaced", set()),
    # whom an injury count counts stays: injured officers are not injured protesters
    ("He added that 12 police officers had been injured, two of them seriously", 12, "officer", "injured",
     {"officer"}),
    ("at least 30 protesters had been hurt, some of them by rubber batons", 30, "injured", "injured", {"crowd"}),
    # a verb that is not adjacent says nothing: they were on site, whatever befell others
    ("Norvane Chemicals said 32 workers were on site at the time of the explosion", 32, "worker", "worker",
     set()),
    ("2,000 soldiers had moved to the Kursk region", 2000, "troops", "troops", set()),
])
def test_what_befell_counted_people_is_what_is_counted(text, value, counted, unit, words):
    m = measured(text, value, counted)
    assert (m.unit, set(m.words)) == (unit, words)


def test_a_share_accounted_for_by_a_named_thing_measures_it():
    m = measured("Invalid ballots accounted for 1.9% of the total", 1.9, "percent")
    assert {"invalid", "ballot"} <= set(m.words)


@pytest.mark.parametrize("text, value, words", [
    # A comma ends what a figure names after it: the next clause is another's.
    ("Opposition: turnout was below 40%, referendum is invalid", 40, {"crowd"}),
    ('had projected "Yes" at 64% and turnout at around 50%, both close to the result', 50, {"crowd"}),
    # The noun before a preposition is measured, not the place or event after it.
    ("turnout in Sunday's constitutional referendum was below 40%", 40, {"crowd", "constitutional",
                                                                         "referendum"}),
    ("unemployment among young people rose to 14%", 14, {"unemployment", "young", "peopl"}),
    # "fewer than" qualifies a figure; it names nothing measured.
    ("turnout was fewer than 40%", 40, {"crowd"}),
])
def test_the_measured_phrase_stays_in_its_clause(text, value, words):
    assert set(measured(text, value, "percent").words) == words


@pytest.mark.parametrize("text, value, words", [
    # A share of the electorate taking part is the turnout, however it is said.
    ("The opposition says fewer than four in ten voters went to the polls", 40, {"crowd"}),
    ("The act requires at least half of the electorate to take part; the commission says 52.3% did",
     52.3, {"crowd"}),
    ("when 44.6% of voters turned out", 44.6, {"crowd"}),
    # A chain of "of" phrases after the measured noun's preposition is its scope.
    ("The CEC says turnout at the close of polls was 51.6%", 51.6, {"crowd", "poll"}),
    # Taking part in something else, or a share that did something else, is no turnout.
    ("said 30% of firms took part in the scheme", 30, {"of firm", "of took", "of part"}),
    ("Prices rose 5% last year; wages did not", 5, {"pric"}),
])
def test_a_share_taking_part_in_a_vote_is_its_turnout(text, value, words):
    assert set(measured(text, value, "percent").words) == words


@pytest.mark.parametrize("text, value, words", [
    # What is done to things handed in tells the counts apart: filed or received.
    ("The Alliance has filed more than 200 complaints with the commission", 200, {"act filed"}),
    ("the commission had received 212 complaints", 212, {"act received"}),
    ("it had reviewed 212 complaints and upheld 9 of them", 212, {"act received"}),
    ("The party lodged 40 appeals", 40, {"act filed"}),
    # A verb further off, past other words, acts on something else.
    ("complaints filed by the party said 200 complaints", 200, set()),
    ("rescuers recovered 17 complaints", 17, set()),
])
def test_what_is_done_to_the_counted_things_is_measured(text, value, words):
    assert set(measured(text, value, "complaint").words) == words


def test_a_possessive_is_no_quoted_option():
    m = measured("'The opposition's 37% comes from a sample of polling stations'", 37, "percent")
    assert not any(w.startswith("vote ") for w in m.words)


@pytest.mark.parametrize("text, value, counted, words", [
    # A length says what it measures in the words next to it, as a percentage does.
    ("The waves were three to four metres high", 3, "metre", {"wave"}),
    ("Waves of up to four metres were reported in the area", 4, "metre", {"wave"}),
    ("the wreck rests on the seabed in about 30 metres of water", 30, "metre", {"water"}),
])
def test_a_length_is_read_with_what_it_measures(text, value, counted, words):
    assert set(measured(text, value, counted).words) == words


@pytest.mark.parametrize("text, value, counted, operator", [
    ("The ministry has opened 12 cholera treatment centres in the region", 12, "centre", "ministry"),
    ("MediAid has opened three cholera treatment centres", 3, "centre", "mediaid"),
    ("MediAid International, which runs three treatment centres in the region", 3, "centre", "mediaid"),
    # no verb of running things: reported, not run
    ("The ministry said 1,034 suspected cases had been recorded", 1034, "case", None),
    ("20 more treatment centres would be opened by next week", 20, "centre", None),
])
def test_who_runs_the_things_counted(text, value, counted, operator):
    assert measured(text, value, counted).operator == operator


def test_one_bodys_centres_are_not_anothers():
    text = "The ministry has opened 12 treatment centres. MediAid has opened three treatment centres."
    d = {k: Document(id=k, path=f"/news/{k}.txt", text=text, outlet=k.upper(), published="2025-11-04")
         for k in ("t", "u")}
    claims = []
    for k in d:
        for n, (phrase, value) in enumerate((("The ministry has opened 12 treatment centres", 12),
                                             ("MediAid has opened three treatment centres", 3))):
            start = text.index(phrase)
            claims.append(Claim(id=f"{k}{n}", document_id=k, sentence_id=f"{k}s{n}", start=start,
                                end=start + len(phrase), text=phrase, kind=NUMERIC, value=value,
                                counted="centre"))
    pairs = {(m.claim_a, m.claim_b) for m in match_claims(claims, d)}
    assert pairs == {("t0", "u0"), ("t1", "u1")}


@pytest.mark.parametrize("text, value, counted, unit, strong", [
    # a bare figure's "goes to" reading stops at a clause opener
    ("Kilawe cholera cases near 1,500 as outbreak spreads to sixth district", 1500, None, "case", set()),
    # "its own count" names nothing measured: it refers back
    ("MediAid said that its own count exceeded 1,400", 1400, None, "", set()),
])
def test_a_bare_figure_reads_no_other_clause(text, value, counted, unit, strong):
    from factcheck.measures import WEAK_MEASURES

    m = measured(text, value, counted)
    assert m.unit == unit and set(m.words - WEAK_MEASURES) == strong
