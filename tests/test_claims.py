import pytest

from factcheck.claims import extract_claims, parse_statement
from factcheck.models import EVENT, FURNITURE, NUMERIC, QUOTE, STORY, TITLE, Document, Sentence, content_id


def make_document(lines, flags=None, outlet="Daily Example", published="2024-10-25"):
    text = "\n".join(lines)
    doc = Document(id="doc1", path="doc1.txt", text=text, outlet=outlet, published=published)
    sentences, pos = [], 0
    for i, line in enumerate(lines):
        flag = (flags or {}).get(i, STORY)
        sentences.append(Sentence(id=content_id("doc1", pos, pos + len(line)), document_id="doc1",
                                  index=i, start=pos, end=pos + len(line), text=line, line=i,
                                  flag=flag))
        pos += len(line) + 1
    return doc, sentences


def numeric(claims):
    return [c for c in claims if c.kind == NUMERIC]


def numeric_claim(lines, value):
    """The numeric claim of `value` the lines of one document make."""
    doc, sents = make_document(lines)
    return next(c for c in numeric(extract_claims(doc, sents)) if c.value == value)


def test_two_claims_in_one_sentence_with_dates_modality_and_source():
    doc, sents = make_document([
        "South Korea’s confirmed that by 23 October, North Korea had deployed over 3,000 troops "
        "to Russia, with plans to increase the number to around 10,000 by December."])
    first, second = numeric(extract_claims(doc, sents))
    assert (first.value, first.qualifier, first.counted, first.subject) == (3000, "over", "troops", "russia")
    assert (first.attributed_to, first.as_of, first.as_of_precision) == ("South Korea", "2024-10-23", "day")
    assert (second.value, second.qualifier, second.counted) == (10000, "about", "troops")
    assert (second.as_of, second.modality, second.attributed_to) == ("2024-12", "planned", "South Korea")
    assert "North Korea had deployed over 3,000 troops to Russia" in first.text
    assert second.text.startswith("with plans to increase")


@pytest.mark.parametrize(
    "lines, value, source",
    [
        (["Officials said 45 people were killed."], 45, "Officials"),
        (["At least 45 people were killed, officials said."], 45, "officials"),
        (["At least 45 people were killed, according to the regional governor."], 45, "regional governor"),
        (["At least 45 people were killed, said Governor Jane Doe."], 45, "Jane Doe"),
        (["Reuters reported that 300 homes were destroyed."], 300, "Reuters"),
        (["300 homes were destroyed, Reuters reported, citing a local official."], 300,
         "Reuters, citing local official"),
        (["The army confirmed that 12 soldiers died."], 12, "army"),
        (["Police chief Tom Lee spoke on Monday.", "He said 20 people were arrested."], 20, "Tom Lee"),
        (["Some 5,000 people marched through the capital."], 5000, "Daily Example"),
        (["According to police, 45 people were killed."], 45, "police"),
        (["“We found 12 bodies,” a rescuer told reporters."], 12, "rescuer"),
        (["The toll rose to 45, the ministry said in a statement."], 45, "ministry"),
        (["The ministry, citing hospital records, said 45 people had died."], 45, "ministry"),
        (["45 people died, officials said on condition of anonymity."], 45, "officials"),
        # An acronym is the name the document spells out, in parentheses or elsewhere.
        (["The Central Electoral Commission (CEC) met on Sunday.", "The CEC said turnout was 52.1%."],
         52.1, "Central Electoral Commission"),
        (["The CEC said turnout was 52.1%.", "The Central Electoral Commission meets again today."],
         52.1, "Central Electoral Commission"),
        (["Cases reached 1,500, according to the GHO's latest situation report.",
          "The Global Health Organization plans more deliveries."], 1500, "Global Health Organization"),
        # A role named before with its holder, or a body named in full, is that one.
        (["Health Minister Dr Grace Oduya visited the ward.", "The minister said 20 centres would open."],
         20, "Grace Oduya"),
        (["Tirenia's Central Electoral Commission met.", "Turnout was 52.3%, the commission said."],
         52.3, "Central Electoral Commission"),
        # Results that name nobody are the results of the source the sentence names.
        (["The board on Tuesday confirmed that members backed the plan, with 60.8% voting Yes, "
          "according to final results."], 60.8, "board"),
        (["The opposition, which boycotted the vote, says fewer than four in ten voters went."], 40,
         "opposition"),
        # A trailing description ("the medical charity") names the body the sentence opens with.
        (["SENDALI, 4 November 2025 — MediAid International teams have recorded more than 1,400 cases, "
          "the medical charity said on Tuesday."], 1400, "MediAid International"),
    ],
)
def test_attribution_forms_in_documents(lines, value, source):
    doc, sents = make_document(lines)
    (claim,) = numeric(extract_claims(doc, sents))
    assert (claim.value, claim.attributed_to) == (value, source)


def test_relay_is_kept_separately():
    doc, sents = make_document([
        "On 24 October, 2,000 North Korean soldiers had moved to Russia’s Kursk Oblast, near the "
        "Ukrainian border, Kyodo reported, citing a Ukrainian military source."])
    (claim,) = numeric(extract_claims(doc, sents))
    assert claim.relay == "Kyodo"
    assert claim.attributed_to == "Kyodo, citing Ukrainian military source"
    assert (claim.subject, claim.as_of) == ("kursk", "2024-10-24")
    assert "north korea" in claim.entities


def test_aside_numbers_get_their_own_span():
    doc, sents = make_document([
        "Ukrainian military intelligence reported on Oct. 24 that approximately 12,000 North Korean "
        "troops, including 500 officers and three generals, were already in Russia."])
    claims = {c.value: c for c in numeric(extract_claims(doc, sents))}
    assert set(claims) == {12000, 500, 3}
    assert claims[500].text == "including 500 officers and three generals"
    assert claims[12000].text.endswith("were already in Russia")
    assert all(c.attributed_to == "Ukrainian military intelligence" for c in claims.values())
    assert claims[12000].as_of == "2024-10-24"


def test_quotes_one_claim_per_quoted_sentence_with_speaker_after():
    doc, sents = make_document([
        "\"The EU is alarmed by the reports. This would constitute a serious breach of law. "
        "It would be a hostile act,\" the Council of the European Union added."])
    quotes = [c for c in extract_claims(doc, sents) if c.kind == QUOTE]
    assert [q.text for q in quotes] == ["The EU is alarmed by the reports",
                                        "This would constitute a serious breach of law",
                                        "It would be a hostile act"]
    assert {q.attributed_to for q in quotes} == {"Council of the European Union"}
    assert quotes[1].modality == "hedged"


@pytest.mark.parametrize(
    "lines, speaker",
    [
        (["NATO Secretary General Mark Rutte said: “I can confirm that troops have been sent.”"], "Mark Rutte"),
        (["Spokesperson Lin Jian stated that “China does not have information” on it."], "Lin Jian"),
        (["Minister Kim Jong Gyu spoke to reporters.",
          "\"If there is such a thing, it will be lawful,\" he added."], "Kim Jong Gyu"),
        (["“This would constitute a serious breach of law,” the EU High Representative stated."],
         "European Union High Representative"),
    ],
)
def test_quote_speakers(lines, speaker):
    doc, sents = make_document(lines)
    quotes = [c for c in extract_claims(doc, sents) if c.kind == QUOTE]
    assert quotes and all(q.attributed_to == speaker for q in quotes)


@pytest.mark.parametrize(
    "line, predicate, source",
    [
        ("Russian President Vladimir Putin refrained from denying the reports.", "noncommittal", "Vladimir Putin"),
        ("Russia has stopped short of confirming that the troops were in the country.", "noncommittal", "Russia"),
        ("NATO Secretary-General Mark Rutte also confirmed that troops were in the Kursk region.", "confirm", "Mark Rutte"),
        ("Seoul no longer rules out the possibility of supplying weapons to Ukraine.", "supply", "Seoul"),
        ("South Korea said that it might start providing Ukraine with lethal weaponry.", "supply", "South Korea"),
        ("The EU strongly condemned the deepening military cooperation.", "condemn", "European Union"),
        ("Both Pyongyang and Moscow have denied the allegations.", "deny", "Pyongyang and Moscow"),
    ],
)
def test_event_claims(line, predicate, source):
    doc, sents = make_document([line])
    (event,) = [c for c in extract_claims(doc, sents) if c.kind == EVENT]
    assert (event.predicate, event.attributed_to) == (predicate, source)


@pytest.mark.parametrize(
    "line, modality",
    [
        ("The ministry said 300 troops would be sent if talks fail.", "hedged"),
        ("The army plans to send 300 troops.", "planned"),
        ("The army confirmed that 300 troops were sent.", "confirmed"),
        ("The army denied that 300 troops were sent.", "denied"),
        ("The ministry said 300 troops were sent.", "reported"),
        ("300 troops were sent.", "asserted"),
        ("No more than 300 troops were not sent.", "negated"),
    ],
)
def test_modality(line, modality):
    doc, sents = make_document([line])
    (claim,) = numeric(extract_claims(doc, sents))
    assert claim.modality == modality


def test_no_claims_from_furniture_and_exact_offsets():
    lines = ["Subscribe to any plan for as little as 5 dollars a month.",
             "Officials said 45 people were killed on Monday.",
             "You may also like 3 other stories"]
    doc, sents = make_document(lines, flags={0: FURNITURE, 2: FURNITURE})
    claims = extract_claims(doc, sents)
    assert claims and all(sents[1].start <= c.start and c.end <= sents[1].end for c in claims)
    for c in claims:
        assert doc.text[c.start:c.end] == c.text
        assert c.id == content_id(doc.id, c.start, c.end, c.kind, c.value)
    assert claims == sorted(claims, key=lambda c: (c.start, c.end, c.kind))
    assert extract_claims(doc, sents) == claims  # deterministic


def test_check_worthiness_features():
    doc, sents = make_document(["Officials said 45 people were killed on Monday.",
                                "The weather was pleasant."])
    (claim,) = extract_claims(doc, sents)
    assert {"number", "named-source", "date"} <= set(claim.features)
    assert 0.5 <= claim.check_worthiness <= 1


def test_parse_statement_offsets_into_text():
    text = "North Korea sent about 12,000 troops to Russia, Ukraine's intelligence said on Oct. 24."
    (claim,) = [c for c in parse_statement(text, "2024-10-26") if c.kind == NUMERIC]
    assert claim.document_id == ""
    assert text[claim.start:claim.end] == claim.text
    assert (claim.value, claim.qualifier, claim.counted) == (12000, "about", "troops")
    assert claim.as_of == "2024-10-24"
    assert claim.attributed_to == "Ukraine's intelligence"


def test_parse_statement_without_source_or_date():
    (claim,) = parse_statement("Thousands of people marched.")
    assert (claim.value, claim.qualifier, claim.attributed_to, claim.as_of) == (None, "vague", None, None)


# Stories written as outlets write them (wire copy, web pages with bylines, datelines,
# furniture), with the numeric claims a reader would check. Each table is complete: a
# number that is not in it (an age, a phone number, a storey count, a duration) must
# not become a claim.
STORIES = {
    "quake_wire": ("The Associated Press", "2025-03-12"),
    "protest_reuters": ("Reuters", "2024-11-24"),
    "flood_web": ("Central Europe Daily", "2024-09-18"),
    "election_web": ("The Daily Ledger", "2024-07-05"),
    "statement_ministers": ("World Desk", "2024-06-12"),
}
AP, REUTERS, CED, LEDGER, DESK = (v[0] for v in STORIES.values())
MINISTERS = "Foreign Ministers of Canada, Japan, Norway and the Netherlands"

# (story, words of the claim text, value, low, high, qualifier, counted, attributed_to, as_of, modality)
# An unattributed figure in a paragraph that reported a source's figures is that
# source's ("..., a YouGov poll found. One in five said ..."), not the outlet's.
STORY_CLAIMS = [
    ("quake_wire", "Quake death toll rises to 2,310", 2310, None, None, "exact", "deaths", AP, "2025-03-12",
     "asserted"),
    ("quake_wire", "The death toll from a powerful earthquake", 2310, None, None, "exact", "deaths",
     "Disaster and Emergency Management Authority", "2025-03-12", "reported"),  # "the country’s disaster agency"
    ("quake_wire", "The magnitude 7.1 quake struck", 7.1, None, None, "exact", "magnitude", AP, "2025-03-10",
     None),
    ("quake_wire", "At least 9,400 people were injured", 9400, 9400, None, "at least", "injured",
     "Disaster and Emergency Management Authority", None, "reported"),
    ("quake_wire", "more than 1,700 buildings", 1700, 1700, None, "over", "building",
     "Disaster and Emergency Management Authority", None, "reported"),
    ("quake_wire", "officials had put the toll at 1,541", 1541, None, None, "exact", "deaths", "officials",
     "2025-03-11", "reported"),
    ("quake_wire", "risen by nearly 800", 800, None, 800, "under", "change", "officials", "2025-03-12", "asserted"),
    ("quake_wire", "her two children", 2, None, None, "exact", "rescued", "Rescuers", "2025-03-11", "asserted"),
    ("quake_wire", "There are still dozens of people", None, 24, 99, "vague", "people", "Mehmet Yilmaz", None,
     None),
    ("quake_wire", "treating around 3,000 patients", 3000, None, None, "about", "patient", "Fahrettin Kaya",
     None, "reported"),
    ("quake_wire", "14 field hospitals would be set up", 14, None, None, "exact", "hospital", "Fahrettin Kaya",
     "2025-03-16", "planned"),
    ("quake_wire", "Some 380,000 people have been moved to temporary shelters", 380000, None, None, "about",
     "people", "official", None, "reported"),
    ("quake_wire", "tens of thousands more are sleeping", None, 20000, 99999, "vague", "people", "official",
     None, "reported"),
    ("quake_wire", "three-quarters of the buildings", 75, None, None, "about", "percent", AP, None, None),
        # "since Monday" opens the window of a running count: it stands as of the report.
    ("quake_wire", "A dozen aftershocks", 12, 9, 15, "about", "aftershock", AP, "2025-03-12", None),
    ("quake_wire", "stronger than magnitude 5", 5, 5, None, "over", "magnitude", AP, "2025-03-12", None),
    ("quake_wire", "would send €20 million", 20e6, None, None, "exact", "eur", "European Union", None,
     "planned"),
    ("quake_wire", "the World Bank pledged $1.2 billion", 1.2e9, None, None, "exact", "usd", "World Bank", None,
     "reported"),
    ("quake_wire", "killed more than 17,000 people", 17000, 17000, None, "over", "deaths", AP, "1999", None),
    ("quake_wire", "a magnitude 7.4 tremor", 7.4, None, None, "exact", "magnitude", AP, "1999", None),

    ("protest_reuters", "Tens of thousands march in Madrid", None, 20000, 99999, "vague", "people", REUTERS,
     None, "asserted"),
    ("protest_reuters", "Tens of thousands of people marched", None, 20000, 99999, "vague", "people", REUTERS,
     "2024-11-24", "asserted"),
    ("protest_reuters", "Organisers said 150,000 people took part", 150000, None, None, "exact", "people",
     "Organisers", None, "reported"),
    ("protest_reuters", "put the figure at 22,000", 22000, None, None, "exact", "people",
     "government's delegation in Madrid", None, "reported"),
    ("protest_reuters", "risen by 12%", 12, None, None, "exact", "percent change", "Idealista",
     "2024-11-24", "reported"),
    ("protest_reuters", "by nearly half since 2019", 50, None, 50, "under", "percent change",
     "Idealista", "2024-11-24", "reported"),
    ("protest_reuters", "1,200 euros a month", 1200, None, None, "exact", "eur", "Idealista", None, "asserted"),
    ("protest_reuters", "About two-thirds of Spaniards", 66.7, None, None, "about", "percent",
     "INE", "2024-10", "reported"),
    ("protest_reuters", "would build 43,000 affordable homes", 43000, None, None, "exact", "home",
     "Ana Beltran", "2026", "planned"),
    ("protest_reuters", "another 10,000 would be converted", 10000, None, None, "exact", "home", "Ana Beltran",
     None, "planned"),
    ("protest_reuters", "14 people were arrested", 14, None, None, "exact", "arrests", "Police",
     "2024-11-24", "reported"),
    ("protest_reuters", "three officers were slightly injured", 3, None, None, "exact", "officer", "Police",
     "2024-11-24", "reported"),
    ("protest_reuters", "drew 40,000 people according to city police", 40000, None, None, "exact", "people",
     "city police", "2024-11-23", "reported"),
    ("protest_reuters", "100,000 according to organisers", 100000, None, None, "exact", "people", "organisers",
     "2024-11-23", "reported"),

    ("flood_web", "Flood death toll in central Europe rises to 23", 23, None, None, "exact", "deaths", CED,
     "2024-09-18", "asserted"),
    ("flood_web", "The number of people killed in floods", 23, None, None, "exact", "deaths", CED,
     "2024-09-18", "asserted"),
    ("flood_web", "evacuated thousands of residents", None, 2000, 99999, "vague", "displaced", CED,
     "2024-09-18", "asserted"),
    ("flood_web", "Poland's death toll rose to seven", 7, None, None, "exact", "deaths", "Tomasz Siemoniak",
     "2024-09-17", "reported"),
    ("flood_web", "three people had died", 3, None, None, "exact", "deaths", "Police in the Czech Republic",
     None, "reported"),
    ("flood_web", "seven were missing", 7, None, None, "exact", "missing", "Police in the Czech Republic",
     None, "reported"),
    ("flood_web", "put the national toll at one", 1, None, None, "exact", "deaths", "Czech officials",
     "2024-09-16", "reported"),
    ("flood_web", "four people had drowned", 4, None, None, "exact", "deaths", "Polish authorities",
     "2024-09-16", "reported"),
    ("flood_web", "1 billion zlotys", 1e9, None, None, "exact", "zloty", "Donald Tusk", "2024-09-16",
     "reported"),
    # A conversion in parentheses shares its sentence's date.
    ("flood_web", "$260 million", 260e6, None, None, "exact", "usd", "Donald Tusk", "2024-09-16",
     "reported"),
    ("flood_web", "About 2,600 people were evacuated", 2600, None, None, "about", "displaced",
     "regional governor", None, "reported"),
    ("flood_web", "More than 40,000 homes were without power", 40000, 40000, None, "over", "home",
     "PAP, citing Tauron", "2024-09-17", "reported"),
    ("flood_web", "a dozen towns", 12, 9, 15, "about", "town", CED, None, "asserted"),
    ("flood_web", "hundreds of millions of euros", None, 200e6, 999999999, "vague", "eur", "Karl Nehammer",
     None, "planned"),
    ("flood_web", "up to €10 billion", 10e9, None, 10e9, "up to", "eur", "European Commission", None,
     "planned"),
    ("flood_web", "as much as 400 millimetres of rain", 400, None, 400, "up to", "millimetre", "Meteorologists",
     None, "reported"),

    ("election_web", "Turnout hits 67.3%", 67.3, None, None, "exact", "percent", LEDGER, "2024-07-05",
     "asserted"),
    ("election_web", "was 67.3 per cent", 67.3, None, None, "exact", "percent", "Electoral Commission",
     "2024-07-04", "reported"),
    ("election_web", "up 2.1 percentage points", 2.1, None, None, "exact", "percentage points change",
     "Electoral Commission", "2024-07-04", "reported"),
    ("election_web", "won 412 of the 650 seats", 412, None, None, "exact", "seat", "official results", None,
     "reported"),
    ("election_web", "won 412 of the 650 seats", 650, None, None, "exact", "seat", "official results", None,
     "reported"),
    ("election_web", "a majority of 174", 174, None, None, "exact", "seat", "official results", None,
     "reported"),
    ("election_web", "reduced to 121 seats", 121, None, None, "exact", "seat", "official results", None, "asserted"),
    ("election_web", "down from 365 in 2019", 365, None, None, "exact", "seat", "official results", "2019", "asserted"),
    ("election_web", "Nearly half of voters under 25", 50, None, 50, "under", "percent", "YouGov poll", None,
     "reported"),
    ("election_web", "a YouGov poll of 40,000 people", 40000, None, None, "exact", "people", "YouGov poll",
     None, None),
    ("election_web", "One in five said", 20, None, None, "exact", "percent", "YouGov poll", None, "asserted"),
    ("election_web", "hire 6,500 new teachers", 6500, None, None, "exact", "teacher", "party", None, "planned"),
    ("election_web", "which stood at 7.6 million in April", 7.6e6, None, None, "exact", "list", "party",
     "2024-04", None),
    ("election_web", "Around 2.5 million postal votes", 2.5e6, None, None, "about", "vote", "officials", None,
     "reported"),
    ("election_web", "several hundred arrived too late", None, 200, 999, "vague", "vote", "officials", None,
     None),
    ("election_web", "Polling stations in 12 constituencies", 12, None, None, "exact", "constituency", "officials",
     None, "asserted"),
    ("election_web", "Turnout fell below 60%", 60, None, 60, "under", "percent",
     "analysts at the University of Manchester", None, "reported"),
    ("election_web", "in a third of constituencies", 33.3, None, None, "about", "percent",
     "analysts at the University of Manchester", None, "reported"),

    ("statement_ministers", "shelling kills 18", 18, None, None, "exact", "deaths", DESK, None, "asserted"),
    ("statement_ministers", "More than 200,000 people have fled", 200000, 200000, None, "over", "displaced",
     MINISTERS, None, None),
    ("statement_ministers", "We will provide an additional $75 million", 75e6, None, None, "exact", "usd",
     MINISTERS, None, "planned"),
    ("statement_ministers", "shelling had killed 18 civilians", 18, None, None, "exact", "deaths",
     "local health officials", "2024-06-11", "reported"),
    ("statement_ministers", "including four children", 4, None, None, "exact", "children",
     "local health officials", "2024-06-11", "reported"),
    ("statement_ministers", "about 1.4 million people", 1.4e6, None, None, "about", "people",
     "United Nations spokesperson", "2024-06-10", "reported"),
]


def analyse_story(name):
    from pathlib import Path

    from factcheck.pipeline import analyse_document

    path = Path(__file__).parent / "fixtures" / "stories" / f"{name}.txt"
    outlet, published = STORIES[name]
    doc = Document(id=name, path=str(path), text=path.read_text(encoding="utf-8"), outlet=outlet,
                   published=published)
    return doc, analyse_document(doc)[1]


@pytest.fixture(scope="module")
def story_claims():
    return {name: analyse_story(name) for name in STORIES}


@pytest.mark.parametrize("story, words, value, low, high, qualifier, counted, source, as_of, modality",
                         STORY_CLAIMS, ids=[f"{r[0]}:{r[1][:30]}" for r in STORY_CLAIMS])
def test_story_claims(story_claims, story, words, value, low, high, qualifier, counted, source, as_of,
                      modality):
    doc, claims = story_claims[story]
    at = doc.text.find(words)
    found = [c for c in numeric(claims) if c.start - 60 <= at and at + len(words) <= c.end + 60
             and c.value == value and (c.low, c.high) == (low, high)]
    assert found, f"no claim {value} near {words!r}"
    claim = min(found, key=lambda c: abs(c.start - at))
    assert (claim.qualifier, claim.counted, claim.attributed_to) == (qualifier, counted, source)
    assert claim.as_of == as_of
    if modality is not None:
        assert claim.modality == modality


@pytest.mark.parametrize("story", sorted(STORIES))
def test_story_has_no_other_numbers(story_claims, story):
    """Ages, storeys, phone numbers, durations, times, time zones, labels: no claims."""
    doc, claims = story_claims[story]
    expected = sorted((r[2] or 0, r[3] or 0, r[4] or 0) for r in STORY_CLAIMS if r[0] == story)
    got = sorted((c.value or 0, c.low or 0, c.high or 0) for c in numeric(claims))
    assert got == expected
    for c in claims:
        assert doc.text[c.start:c.end] == c.text


@pytest.mark.parametrize(
    "story, quote, speaker",
    [
        ("quake_wire", "We heard a voice", "Mehmet Yilmaz"),
        ("quake_wire", "There are still dozens", "Mehmet Yilmaz"),  # same paragraph, next quote
        ("protest_reuters", "This is not a protest", "Lucia Ferrer"),  # "said X, a spokeswoman for ..."
        ("protest_reuters", "We will be back", "Lucia Ferrer"),
        ("flood_web", "The situation is dramatic", "Donald Tusk"),
        ("flood_web", "Europe stands with you", "Commission President Ursula von der Leyen"),
        ("election_web", "We will rebuild", "new prime minister"),  # "he", after "The new prime minister"
        ("statement_ministers", "We call on all parties", MINISTERS),  # statement over paragraphs
    ],
)
def test_story_quote_speakers(story_claims, story, quote, speaker):
    doc, claims = story_claims[story]
    (claim,) = [c for c in claims if c.kind == QUOTE and c.text.startswith(quote)]
    assert claim.attributed_to == speaker


def test_heading_that_is_a_noun_phrase_makes_no_event():
    doc, sents = make_document(["Joint Statement on the Deployment of Troops and the Attack on the Border",
                                "Allies Condemn Deployment of Troops to the Border"])
    events = [c for c in extract_claims(doc, sents) if c.kind == EVENT]
    assert [(e.text, e.predicate) for e in events] == [
        ("Allies Condemn Deployment of Troops to the Border", "condemn")]


def test_same_day_takes_the_day_named_before():
    doc, sents = make_document(["Rescuers reached the village on Monday.",
                                "The same day, officials said 12 people had died."], published="2024-10-30")
    (claim,) = numeric(extract_claims(doc, sents))
    assert claim.as_of == "2024-10-28"


def test_same_day_without_an_earlier_date_stays_unknown():
    doc, sents = make_document(["The same day, officials said 12 people had died."])
    (claim,) = numeric(extract_claims(doc, sents))
    assert claim.as_of is None


@pytest.mark.parametrize("line, entity, present", [
    ("The US sent 300 troops.", "united states", True),
    ("Officials told us 300 troops were sent.", "united states", False),
    ("The U.S. sent 300 troops.", "united states", True),
])
def test_short_place_aliases_only_in_capitals(line, entity, present):
    doc, sents = make_document([line])
    (claim,) = numeric(extract_claims(doc, sents))
    assert (entity in claim.entities) == present


# Reported defects (round three): each a general rule, each with a regression row.
PUB = "2025-05-17"


def claim_with(claims, value):
    (found,) = [c for c in claims if c.kind == NUMERIC and c.value == value]
    return found


@pytest.mark.parametrize("line, as_of, precision", [
    ("727 people had been injured as of May 16, officials said.", "2025-05-16", "day"),
    ("727 people had been injured as of 16 May, officials said.", "2025-05-16", "day"),
    ("727 people had been injured on Friday, officials said.", "2025-05-16", "day"),
    ("727 people had been injured in May, officials said.", "2025-05", "month"),
])
def test_as_of_date_is_masked_before_quantities_and_is_no_hedge(line, as_of, precision):
    claims = parse_statement(line, PUB)
    assert [c.value for c in claims if c.kind == NUMERIC] == [727]
    (claim,) = [c for c in claims if c.kind == NUMERIC]
    assert (claim.as_of, claim.as_of_precision, claim.modality) == (as_of, precision, "reported")
    assert "may" not in claim.entities


@pytest.mark.parametrize("line, first_source, first_modality", [
    ("EU condemns DPRK's military cooperation with Russia, as China denies knowledge and calls "
     "for de-escalation", "European Union", "asserted"),
    ("EU condemns DPRK's military cooperation with Russia, while China denies any knowledge",
     "European Union", "asserted"),
    ("EU condemns DPRK's military cooperation with Russia; China denies any knowledge",
     "European Union", "asserted"),
    ("EU condemns DPRK's military cooperation with Russia, and China denied any knowledge of it.",
     "European Union", "asserted"),
])
def test_denial_governs_only_its_own_clause(line, first_source, first_modality):
    events = [c for c in parse_statement(line, PUB) if c.kind == EVENT]
    first, second = events
    assert (first.predicate, first.attributed_to, first.modality) == ("condemn", first_source,
                                                                      first_modality)
    assert (second.predicate, second.attributed_to, second.modality) == ("deny", "China", "denied")
    assert second.text.startswith("China")


@pytest.mark.parametrize("line, predicate", [
    ("North Korea isolates families of soldiers sent to Russia", None),
    ("Seoul mourns the return of troops deployed to the border", None),
    ("The troops sent to Russia were killed in Kursk.", "kill"),
    ("North Korea sent troops to Russia.", "deploy"),
    ("Pyongyang has deployed troops to the border.", "deploy"),
    ("Officials said troops deployed to Kursk.", "deploy"),
    ("The soldiers deployed heavy artillery near the town.", "deploy"),
])
def test_predicate_comes_from_the_main_verb_not_a_participle(line, predicate):
    events = [c for c in parse_statement(line, PUB) if c.kind == EVENT]
    assert [e.predicate for e in events] == ([predicate] if predicate else [])


@pytest.mark.parametrize("line, expected", [
    ("Romania reported six deaths and Austria five.", {6: "Romania", 5: "Austria"}),
    ("Police said 40,000 people marched and the organisers 100,000.",
     {40000: "Police", 100000: "organisers"}),
    ("Hungary recorded 12 deaths, Romania reported six and the Czech Republic about 20.",
     {6: "Romania", 20: "Czech Republic"}),
    ("Officials said 20 people died in Tarnova and 12 in Velika.", {20: "Officials", 12: "Officials"}),
])
def test_elided_attribution_takes_the_gapped_name(line, expected):
    claims = parse_statement(line, PUB)
    for value, source in expected.items():
        assert claim_with(claims, value).attributed_to == source


def test_gapped_clause_gets_its_own_span_and_counted():
    claims = parse_statement("Romania reported six deaths and Austria five.", PUB)
    assert claim_with(claims, 5).text == "Austria five"
    assert claim_with(claims, 5).counted == "deaths"
    assert claim_with(claims, 6).text == "Romania reported six deaths"


@pytest.mark.parametrize("line, value, as_of", [
    ("The package is worth €240 million ($260 million) and was approved on Monday.", 260e6,
     "2025-05-12"),
    ("The ministry approved €240 million ($260 million) on Monday.", 260e6, "2025-05-12"),
    ("Police said 14 people were arrested and three officers were hurt late on Sunday.", 14,
     "2025-05-11"),
    ("Police said 14 people were arrested and three officers were hurt late on Sunday.", 3,
     "2025-05-11"),
])
def test_asides_and_coordinated_clauses_share_the_sentence_date(line, value, as_of):
    assert claim_with(parse_statement(line, PUB), value).as_of == as_of


@pytest.mark.parametrize("line, value, subject", [
    ("Poland's death toll rose to 12.", 12, "poland"),
    ("Eskara’s toll climbed to 140 on Tuesday.", 140, "eskara"),
    ("Rescuers found 14 bodies in Tarnova on Tuesday.", 14, "tarnova"),
    ("In Tarnova, 14 people died.", 14, "tarnova"),
    ("A boat carrying 40 migrants sank off Lampedusa.", 40, "lampedusa"),
    ("About 300 people were evacuated from Velika Brda.", 300, "velika brda"),
    ("About 2,000 people gathered outside Parliament.", 2000, None),
    ("About 120 people died in May.", 120, None),
    ("About 120 people died, the Interior Ministry said.", 120, None),
    ("Some 10,000 troops from North Korea were sent.", 10000, None),
    ("Hospitals near Velika treated 45 people.", 45, "velika"),
    ("Ana Kovac's team treated 45 people.", 45, None),
    ("Some 3,000 troops were sent to Russia's Kursk region.", 3000, "kursk"),
    ("Around 500 people marched to President Ilic's residence.", 500, None),
])
def test_subject_is_what_the_sentence_names(line, value, subject):
    assert claim_with(parse_statement(line, PUB), value).subject == subject


@pytest.mark.parametrize("line, value, source", [
    ("Police put the size of the crowd at 15,000.", 15000, "Police"),
    ("The Regional Seismic Monitoring Centre put it at 6.9.", 6.9, "Regional Seismic Monitoring Centre"),
    ("The Eskaran Institute of Geophysics measured the quake at magnitude 7.1.", 7.1,
     "Eskaran Institute of Geophysics"),
    ("About two million households will get 300 euros, Brecht told a news conference in Vanter.",
     300, "Brecht"),
    ("Every eligible household will receive a 300 euro payment, ministers said.", 300, "ministers"),
    ("At least 120 people have been killed, the National Emergency Response Agency (NERA) said "
     "in its evening update.", 120, "National Emergency Response Agency"),
    ("Only 29% said they supported it.", 29, None),
])
def test_attribution_forms_seen_in_wire_copy(line, value, source):
    claim = claim_with(parse_statement(line, PUB), value)
    assert claim.attributed_to == source


@pytest.mark.parametrize("line, value, counted", [
    ("The Bank of Lestria left its key interest rate unchanged at 3.25% on Tuesday.", 3.25, "percent"),
    ("The government has unveiled a 24 billion euro package.", 24e9, "eur"),
    ("Every household will receive a 300 euro payment.", 300, "eur"),
    ("Aid arrived and 40 more trucks came in March.", 40, "truck"),
])
def test_decimals_currency_words_and_plural_nouns(line, value, counted):
    assert claim_with(parse_statement(line, PUB), value).counted == counted


@pytest.mark.parametrize("line, value, as_of", [
    # "since" opens a running count's window: the count stands as of the report.
    ("Officers have detained 38 people since Wednesday, the police said.", 38, "2024-10-25"),
    ("The agency said on Thursday that 38 people had been detained since Monday.", 38, "2024-10-24"),
    # A date naming the event is not the date of its toll.
    ("The number of people killed in Tuesday's landslide has climbed to 61.", 61, "2024-10-25"),
    ("At least 61 people died in the landslide on Tuesday, officials said.", 61, "2024-10-25"),
    ("The toll now stands at 61.", 61, "2024-10-25"),
    # ... but it does date what belongs to the event itself, and an explicit day stays.
    ("Tuesday's rally drew some 20,000 people.", 20000, "2024-10-22"),
    ("The toll from Tuesday's landslide rose to 61 on Thursday.", 61, "2024-10-24"),
    ("Twelve people were killed on Tuesday.", 12, "2024-10-22"),
    # A when-clause after "since 1999" happened in 1999.
    ("It was the worst flood since 1999, when 300 people drowned.", 300, "1999"),
])
def test_running_counts_stand_as_of_the_report(line, value, as_of):
    claim = numeric_claim([line], value)
    assert claim.as_of == as_of


@pytest.mark.parametrize("line, value, low, high, text", [
    ("Officials said between 40 and 60 people were killed.", 40, 40, 60,
     "Officials said between 40 and 60 people were killed"),
    ("Between 300 and 400 homes were destroyed and 50 people were hurt.", 300, 300, 400,
     "Between 300 and 400 homes were destroyed"),
])
def test_between_and_is_one_clause(line, value, low, high, text):
    claim = numeric_claim([line], value)
    assert (claim.low, claim.high, claim.text) == (low, high, text)


@pytest.mark.parametrize("line, value, modality", [
    # "According to the ..." is no headline infinitive.
    ("According to the fire service, 37 homes burned down.", 37, "reported"),
    ("Ministers to cut 3,000 jobs", 3000, "planned"),
    # A "said ... would" after the count's clause speaks of something else.
    ("The agency put the damage at 4.2 million euros, a figure analysts said would rise.", 4.2e6,
     "reported"),
    ("Officials said 800 more beds would be added.", 800, "planned"),
    # A plan named as a noun after the count does not make the count a plan.
    ("About 8,000 farmers rallied against the ministry's plan to cut subsidies.", 8000, "asserted"),
    ("The ministry plans to cut 8,000 jobs.", 8000, "planned"),
    # What a measure would do is its plan.
    ("The law would lower the voting age from 18 to 16.", 16, "planned"),
    ("Fares would rise to 3 euros under the proposal.", 3, "planned"),
    ("The council is due to approve 40 new posts in June.", 40, "planned"),
])
def test_plan_and_would_govern_only_their_own_clause(line, value, modality):
    claim = numeric_claim([line], value)
    assert claim.modality == modality


@pytest.mark.parametrize("lines, value, source", [
    # The doer of the act is the source when no one is said to report it.
    (["The city council has approved a 40 million euro flood budget."], 40e6, "city council"),
    (["Firefighters rescued 14 people from the flats."], 14, "Firefighters"),
    (["Prices rose 4%, above the central bank's 2% target."], 2, "central bank"),
    (["Separately, the World Health Organization sent 20 tonnes of supplies."], 20,
     "World Health Organization"),
    (["The regional government’s €50m scheme, announced on Friday, is its largest."], 50e6,
     "regional government"),
    # ... but not the counted people themselves, a country, or another clause's subject.
    (["More than 300 people died in the floods."], 300, "Daily Example"),
    (["Valdonia sent 60 rescuers with sniffer dogs."], 60, "Daily Example"),
    (["Unemployment rose to 6.2% in March."], 6.2, "Daily Example"),
    (["Teachers strike as inflation hits 9%"], 9, "Daily Example"),
    # "It" is the organisation that acted before.
    (["The Bank of Tarsia held its rate on Tuesday.", "It also cut its growth forecast to 1.1%."],
     1.1, "Bank of Tarsia"),
    # An apposition names the source, and names it again later.
    (["The organisers, the Green Coalition, put the turnout at 8,000."], 8000, "Green Coalition"),
    (["Marchers from the Green Coalition, an alliance of farmers' groups, gathered.",
      "The alliance said 45 tractors had blocked the road."], 45, "Green Coalition"),
    # A time phrase before the subject, a survey's author.
    (["By Friday night the mayor’s office put the number of dead at 27."], 27, "mayor"),
    (["A poll by the Norvik Institute published on Monday found that 58% back the plan."], 58,
     "Norvik Institute"),
])
def test_doers_appositions_and_it(lines, value, source):
    doc, sents = make_document(lines)
    claim = next(c for c in numeric(extract_claims(doc, sents)) if c.value == value)
    assert claim.attributed_to == source


def test_a_colon_gives_the_quote_to_the_sentence_subject():
    doc, sents = make_document([
        "Mayor Ana Petrov toured the camp on Friday and renewed her pledge to families: "
        "“Nobody will spend the winter in a tent.”"])
    (quote,) = [c for c in extract_claims(doc, sents) if c.kind == QUOTE]
    assert quote.attributed_to == "Ana Petrov"


@pytest.mark.parametrize("line, predicate, modality", [
    ("Riot police fired rubber bullets at the crowd outside the embassy.", "fire", "asserted"),
    ("The army denied that live ammunition had been used against the marchers.", "fire", "denied"),
    ("Police deny using water cannon at weekend rally", "fire", "denied"),
    ("The governor declared a state of emergency in the capital.", "declare", "reported"),
    ("Curfew imposed in port city after night of unrest", "declare", "asserted"),
    ("Transport unions called a 48-hour strike for next Thursday.", "call", "planned"),
    ("The senate approved the budget late on Friday.", "vote", "asserted"),
    ("The assembly is due to vote on the treaty in July.", "vote", "planned"),
    ("The Green Party agreed to back the coalition deal.", "support", "asserted"),
    ("The Green Party denied backing the coalition deal.", "support", "denied"),
    ("The interior minister resigned on Friday.", "resign", "asserted"),
    ("The mayor said she would not withdraw the parking levy.", "withdraw", "planned"),
    ("Coastguards rescued a fisherman off the northern cape.", "rescue", "asserted"),
    ("Authorities evacuated villages along the river.", "evacuate", "asserted"),
    # A denial with no act after it stays a denial.
    ("The ministry denied the reports.", "deny", "denied"),
])
def test_acts_of_news_and_their_denials(line, predicate, modality):
    doc, sents = make_document([line])
    (event,) = [c for c in extract_claims(doc, sents) if c.kind == EVENT]
    assert (event.predicate, event.modality) == (predicate, modality)


@pytest.mark.parametrize("line, value, counted", [
    ("Rescue crews pull four people from flooded pit", 4, "rescued"),
    ("Toll passes 80 as two children are pulled alive from the debris", 2, "rescued"),
    ("Toll passes 80 as two children are pulled alive from the debris", 80, "deaths"),
    ("Divers rescued five people from the capsized ferry.", 5, "rescued"),
])
def test_counted_class_follows_the_verb(line, value, counted):
    claim = numeric_claim([line], value)
    assert claim.counted == counted


@pytest.mark.parametrize(
    "line, said, source",
    [
        ("The ferry company insists the ship was not overloaded.", "the ship was not overloaded",
         "ferry company"),
        ("Survivor Joel Madrid, 27, said the ferry began to list after a loud bang.",
         "the ferry began to list after a loud bang", "Joel Madrid"),
        ("The boat had no permit to sail that evening, the coast guard said.",
         "The boat had no permit to sail that evening", "coast guard"),
    ],
)
def test_a_statement_attributed_to_a_source_is_a_claim(line, said, source):
    doc, sents = make_document([line])
    (claim,) = extract_claims(doc, sents)
    assert (claim.kind, claim.text, claim.attributed_to) == (EVENT, said, source)
    assert doc.text[claim.start:claim.end] == claim.text


@pytest.mark.parametrize("line", [
    "He said it was fine.",  # too short to check
    "The minister said 300 troops were sent.",  # the figure is the claim
])
def test_no_statement_claim_beside_a_shorter_or_figure_claim(line):
    doc, sents = make_document([line])
    assert [c.kind for c in extract_claims(doc, sents)] in ([], [NUMERIC])


def test_a_paragraph_goes_on_reporting_its_source_s_figures():
    text = "Turnout was 52.3%, the commission said. Invalid ballots accounted for 1.9% of the total.\nSome 300 people gathered."
    doc = Document(id="doc1", path="doc1.txt", text=text, outlet="Daily Example", published="2024-10-25")
    spans = [(0, 39, 0), (40, 88, 0), (89, len(text), 1)]
    sents = [Sentence(id=content_id("doc1", a, b), document_id="doc1", index=i, start=a, end=b,
                      text=text[a:b], line=line, flag=STORY) for i, (a, b, line) in enumerate(spans)]
    sources = {c.value: c.attributed_to for c in numeric(extract_claims(doc, sents))}
    assert sources == {52.3: "commission", 1.9: "commission", 300: "Daily Example"}


# --- which date mention dates which figure ------------------------------------------

@pytest.mark.parametrize("line, value, as_of", [
    # A date in another clause dates that clause's event, not a running count.
    ("Four more survivors were found on Tuesday night, bringing the number of people "
     "rescued to 191, while 85 people remain missing, the coast guard said.", 85, "2024-10-25"),
    ("Four more survivors were found on Tuesday night, bringing the number of people "
     "rescued to 191, the coast guard said.", 191, "2024-10-25"),
    ("A ferry capsized on Tuesday evening, killing at least nine people.", 9, "2024-10-25"),
    # ... but the day a statement was made dates all of it.
    ("The ministry said on Wednesday that 40 people had died, while 12 were missing.", 12,
     "2024-10-23"),
    ("A ferry capsized on Tuesday evening, killing at least nine people, the coast guard "
     "said on Wednesday.", 9, "2024-10-23"),
    # A since-clause opens the count's window.
    ("The ministry reported 1,034 cases and 19 deaths, since the outbreak was declared "
     "on October 18.", 19, "2024-10-25"),
])
def test_a_date_in_another_clause_does_not_date_a_running_count(line, value, as_of):
    claim = numeric_claim([line], value)
    assert claim.as_of == as_of


# --- pronouns, headers, polls, fronted phrases, facts of record -----------------------


def test_a_sentence_opening_pronoun_acts_as_the_source_last_named():
    doc, sents = make_document([
        "The commission said it had reviewed 212 complaints.",
        "It rejected opposition claims of systematic fraud."])
    event = next(c for c in extract_claims(doc, sents) if c.kind == EVENT and "rejected" in c.text)
    assert event.attributed_to == "commission"


@pytest.mark.parametrize("header, issuer", [
    ("Format: News and Press Release | Source: MediAid International | Posted: 4 Nov 2025",
     "MediAid International"),
    ("Source: Continental Press | 15 Jun 2025, 09:17", "Continental Press"),
    ("By Jane Doe | 15 Jun 2025", None),
])
def test_a_reposted_text_speaks_for_the_source_its_header_names(header, issuer):
    prose = ("MediAid has opened three cholera treatment centres with a combined 180 beds "
             "and plans to open two more this week.")
    doc, sents = make_document(["Aggregator", header, prose], flags={0: TITLE, 1: TITLE},
                               outlet="Aggregator")
    claim = next(c for c in numeric(extract_claims(doc, sents)) if c.value == 180)
    assert claim.attributed_to == (issuer or "Aggregator")


def test_a_source_line_below_the_prose_is_a_caption_s():
    prose = ("The ministry has opened three cholera treatment centres with a combined 180 beds "
             "and plans to open two more this week.")
    doc, sents = make_document(["Daily Example", prose, "Source: Health Agency"], flags={0: TITLE})
    claim = next(c for c in numeric(extract_claims(doc, sents)) if c.value == 180)
    assert claim.attributed_to != "Health Agency"


@pytest.mark.parametrize("lines, value, source", [
    # A headline that opens with the poll it reports names the poll's author.
    (["Exit poll by the Pulsar Institute for public broadcaster TVR: Yes 64%, No 36%."],
     64, "Pulsar Institute"),
    # "The exit poll" and "Exit poll:" are the poll the document says who conducted.
    (["Voters backed the change, according to an exit poll conducted by the Pulsar Institute.",
      "The exit poll gives the \"Yes\" option 64% of the vote."], 64, "Pulsar Institute"),
    (["Exit poll: \"Yes\" leads with 64% as polls close",
      "Voters backed the change, according to an exit poll conducted by the Pulsar Institute."],
     64, "Pulsar Institute"),
    # Bare results are the body's the document says published them, headline included.
    (["Final count: 60.8% back seven-year term",
      "The Central Electoral Commission published final results on Tuesday."],
     60.8, "Central Electoral Commission"),
    (["The CEC has put preliminary turnout at 52.1%.",
      "According to preliminary results, 61.4% voted \"Yes\"."], 61.4, "CEC"),
    # No one named as counting: the outlet's own report, as before.
    (["Final count: 60.8% back seven-year term"], 60.8, "Daily Example"),
])
def test_data_named_without_its_author_is_the_author_s_the_document_names(lines, value, source):
    doc, sents = make_document(lines, flags={0: TITLE} if lines[0].count(":") else None)
    claim = next(c for c in numeric(extract_claims(doc, sents)) if c.value == value)
    assert claim.attributed_to == source


def test_a_body_that_publishes_results_showing_a_figure_owns_it():
    doc, sents = make_document([
        "The Central Electoral Commission (CEC) published final results on Tuesday showing that "
        "60.8% of voters backed the amendments."])
    (claim,) = numeric(extract_claims(doc, sents))
    assert claim.attributed_to == "Central Electoral Commission"


@pytest.mark.parametrize("line, value, source", [
    ("Based on reports from its volunteers at 1,400 polling stations, the Alliance estimated "
     "national turnout at 37%.", 1400, "Alliance"),
    ("Of the 4.2 million ballots cast, the commission said 1.9% were invalid.", 4.2e6, "commission"),
    # A time or place phrase is no basis for the figures: the subject speaks only for its own.
    ("In Kessova, where 12 stations closed early, the commission said turnout was 48%.", 12,
     "Daily Example"),
])
def test_a_phrase_fronted_before_the_subject_is_the_subject_s(line, value, source):
    claim = numeric_claim([line], value)
    assert claim.attributed_to == source


def test_a_when_clause_keeps_the_noun_phrase_it_describes():
    doc, sents = make_document([
        "Turnout was higher than in the 2014 referendum on decentralisation, when 44.6% of "
        "voters took part and the result was declared invalid."])
    claim = next(c for c in numeric(extract_claims(doc, sents)) if c.value == 44.6)
    assert claim.text.startswith("the 2014 referendum on decentralisation, when 44.6%")


@pytest.mark.parametrize("line, said, source", [
    # A few quoted words are part of the statement; a long quotation is a claim of its own.
    ("Ferrand said the party had documented massive fraud, including ballot stuffing and "
     "\"carousel voting\" in which groups of voters were bused between stations.",
     "the party had documented massive fraud, including ballot stuffing and \"carousel voting\" "
     "in which groups of voters were bused between stations", "Ferrand"),
    ("The mission said in its preliminary statement on Monday that the referendum was "
     "efficiently administered but limited debate.",
     "the referendum was efficiently administered but limited debate", "mission"),
])
def test_a_statement_keeps_short_quoted_words_and_skips_how_it_was_made(line, said, source):
    doc, sents = make_document([line])
    (event,) = [c for c in extract_claims(doc, sents) if c.kind == EVENT]
    assert event.text.endswith(said) and event.attributed_to == source


def test_an_event_clause_keeps_short_quoted_words_but_stops_at_a_long_quotation():
    doc, sents = make_document([
        "The mission concluded that the vote was \"efficiently administered\" but that \"the "
        "misuse of administrative resources blurred the line.\""])
    claims = extract_claims(doc, sents)
    (event,) = [c for c in claims if c.kind == EVENT]
    assert "the vote was \"efficiently administered" in event.text
    assert "misuse" not in event.text
    assert [c.kind for c in claims if c.kind == QUOTE] == [QUOTE]


@pytest.mark.parametrize("line, act, date", [
    ("Vess, 63, has been in power since 2017.", "hold_office", "2017"),
    ("The amendments take effect on 1 January 2026.", "take_effect", "2026-01-01"),
    ("The law comes into force in March 2026.", "take_effect", "2026-03"),
    ("The changes will let him stay in power until 2041.", "hold_office", "2041"),
])
def test_facts_of_record_are_event_claims_of_the_outlet(line, act, date):
    doc, sents = make_document([line])
    (event,) = [c for c in extract_claims(doc, sents) if c.kind == EVENT]
    assert (event.predicate, event.as_of, event.attributed_to) == (act, date, "Daily Example")


def test_a_record_s_subject_is_not_its_source():
    doc, sents = make_document(["The amendments would allow President Dorian Vess, 63, who has led "
                                "Tirenia since 2017, to run again in 2027."])
    event = next(c for c in extract_claims(doc, sents) if c.predicate == "hold_office")
    assert event.attributed_to == "Daily Example"


# --- datelines, forecasts, years that name events ---------------------------------------

@pytest.mark.parametrize("line, value, as_of", [
    # A dateline's date is the filing date, not the figure's: the event's day still
    # dates a fixed quantity, and a count with no day of its own is as of the page.
    ("SAN AURELIO, October 25 (Example Press) - A ferry carrying about 300 passengers "
     "capsized on Wednesday evening, killing at least nine people.", 300, "2024-10-23"),
    ("SAN AURELIO, October 24 (Example Press) - The toll rose to 41, officials said.", 41, None),
    ("SENDALI, 24 October 2024 — Teams have recorded 1,400 cases, the charity said.", 1400, None),
])
def test_a_dateline_does_not_date_a_figure(line, value, as_of):
    claim = numeric_claim([line], value)
    assert claim.as_of == as_of


@pytest.mark.parametrize("line, value, modality", [
    # A poll's projection of a result is a forecast, not a report of the count.
    ("The exit poll gives the \"Yes\" option 64% of the vote and \"No\" 36%.", 64, "forecast"),
    ("Exit poll by the Pulsar Institute: Yes 64%, No 36%.", 36, "forecast"),
    ("Pulsar projects turnout at around 50%, the institute's director said.", 50, "forecast"),
    ("Projected turnout \"around 50%\".", 50, "forecast"),
    ("An exit poll by the Pulsar Institute had forecast 64%.", 64, "forecast"),
    ("The exit poll had projected \"Yes\" at 64% and turnout at around 50%.", 50, "forecast"),
    # ... but a past figure beside the forecast, or a count after the projection's
    # clause, is not.
    ("The bank expects unemployment to reach 7% next year, up from 5.8% in August.", 5.8,
     "reported"),
    ("The bank cut its growth forecast as the government spends 2.5 billion euros.", 2.5e9,
     "asserted"),
    # A quoted ballot option is no negation.
    ("With 91% of stations counted, 61.4% voted \"Yes\" and 38.6% \"No\", the commission said.",
     38.6, "reported"),
    ("Officials said 40 people had not been found.", 40, "negated"),
    ("Officials said 40 people were missing but rescuers didn’t", 40, "negated"),
])
def test_a_projection_is_a_forecast_and_a_quoted_option_no_negation(line, value, modality):
    claim = numeric_claim([line], value)
    assert claim.modality == modality


@pytest.mark.parametrize("line, value, as_of", [
    # A year naming a past event dates the figures of that event's clause.
    ("At the same point in the 2014 referendum it was 30.2%.", 30.2, "2014"),
    ("Turnout was far below the 61% who voted in the 2022 presidential election.", 61, "2022"),
    ("It was the deadliest quake since the 1998 Tamsk earthquake, which killed about 1,600 "
     "people.", 1600, "1998"),
    ("Turnout was higher than in the 2014 referendum, when 44.6% of voters took part.", 44.6,
     "2014"),
])
def test_a_year_naming_a_past_event_dates_its_figures(line, value, as_of):
    claim = numeric_claim([line], value)
    assert claim.as_of == as_of


def test_that_evening_is_the_day_the_document_named_before():
    doc, sents = make_document([
        "The ferry capsized in the strait on 24 October.",
        "Waves of up to four metres were reported in the area that evening."])
    claim = next(c for c in numeric(extract_claims(doc, sents)) if c.value == 4)
    assert claim.as_of == "2024-10-24"


# --- descriptions, headlines, clauses --------------------------------------------------

@pytest.mark.parametrize("lines, value, source", [
    # A description's head noun names the body of that kind the document named.
    (["Orient Star Shipping Lines said it was cooperating with the authorities.",
      "The ferry company said 238 passengers were aboard."], 238, "Orient Star Shipping Lines"),
    (["The Global Health Organization said the outbreak was spreading.",
      "The case fatality rate is above 1%, the agency said."], 1, "Global Health Organization"),
    # A headline describes the body the story names below it.
    (["Ferry operator says 238 passengers were aboard",
      "Orient Star Shipping Lines, which operates the ferry, said it was cleared to sail."],
     238, "Orient Star Shipping Lines"),
    # A kind the document gives the body in words: "the opposition Civic Alliance".
    (["The opposition Civic Alliance called for a boycott.",
      "The opposition said turnout was below 40%."], 40, "Civic Alliance"),
    (["MediAid International runs clinics in the region.",
      "The medical charity MediAid International has warned of shortages.",
      "The charity said it had treated 610 patients."], 610, "MediAid International"),
    # A description that sets another body apart names no body.
    (["Orient Star Shipping Lines said it was cooperating.",
      "Another company said 12 vessels were idle."], 12, "Another company"),
])
def test_a_description_names_the_body_of_its_kind(lines, value, source):
    doc, sents = make_document(lines)
    claim = next(c for c in numeric(extract_claims(doc, sents)) if c.value == value)
    assert claim.attributed_to == source


def test_a_kind_learned_in_another_document_names_a_body_this_one_names():
    doc, sents = make_document(["Civic Alliance leaders met on Sunday.",
                                "Opposition says real turnout was below 40%"])
    claims = extract_claims(doc, sents, kinds={"Civic Alliance": frozenset({"opposition"})})
    (claim,) = numeric(claims)
    assert claim.attributed_to == "Civic Alliance"


def test_a_quotation_after_a_role_and_name_and_a_colon_is_the_person_s():
    doc, sents = make_document(['Civic Alliance leader Tomas Ferrand: "Real turnout was below 40%. '
                                'The commission is inventing voters."'])
    quotes = [c for c in extract_claims(doc, sents) if c.kind == QUOTE]
    assert quotes and {c.attributed_to for c in quotes} == {"Tomas Ferrand"}


@pytest.mark.parametrize("text, span", [
    ('the vote was "efficiently administered"', 'the vote was "efficiently administered"'),
    ('the vote was “efficiently administered”.', 'the vote was “efficiently administered”'),
    ('the vote was efficiently administered.”', 'the vote was efficiently administered'),
    ('"the vote was efficiently administered," ', 'the vote was efficiently administered'),
])
def test_trim_keeps_a_closing_mark_that_closes_the_span_s_own_quotation(text, span):
    from factcheck.clauses import trim
    start, end = trim(text, 0, len(text))
    assert text[start:end] == span


def test_an_infinitive_after_an_aside_is_a_clause_of_its_own():
    doc, sents = make_document(["The amendments would allow President Dorian Vess, 63, who has led "
                                "Tirenia since 2017, to run again in 2027 and potentially remain in "
                                "office until 2041."])
    events = sorted(c.text for c in extract_claims(doc, sents) if c.predicate == "hold_office")
    assert events == ["to run again in 2027 and potentially remain in office until 2041",
                      "who has led Tirenia since 2017"]


@pytest.mark.parametrize("clause, act", [
    ("President Dorian Vess, who has led Tirenia since 2017, voted in Valmora on Sunday", "vote"),
    ("who has led Tirenia since 2017", "hold_office"),  # the aside alone keeps its act
    ("six in ten of them approved the constitutional changes", "vote"),  # no participle after "them"
    ("families of soldiers sent to Russia", None),
])
def test_the_act_is_the_clause_s_own_verb_s(clause, act):
    from factcheck.acts import act_of
    assert act_of(clause)[0] == act


@pytest.mark.parametrize("clause, act", [
    ("Transport Secretary Paolo Quintos ordered the Maritime Industry Authority (MIA) to open an "
     "investigation", "order"),
    ("The commissioner banned the sale of cooked food by street vendors", "ban"),
    ("The ferry left Port Calvera at 5:40 p.m.", "depart"),
    ("The ferry sailed at 5:40 p.m.", "depart"),
    ("The ferry left port", None),  # a departure without its time is no checkable fact
    ("preparing to start vaccinating against cholera on 10 November", "begin"),
    ("the government would begin vaccinating on Monday 10 November", "begin"),
    ('Relatives\' groups called the offer "an insult."', "describe"),
    ('the invasion that Beijing calls the "Ukraine crisis"', None),  # a habitual name
    ('Zelensky has called for a "strong response"', None),
])
def test_acts_of_authority_departures_starts_and_words_put_on_things(clause, act):
    from factcheck.acts import act_of
    assert act_of(clause)[0] == act


def test_a_clause_opening_with_a_named_role_is_that_person_s_act():
    doc, sents = make_document([
        "Schools closed for two weeks, Regional Commissioner Joseph Malaba announced on Wednesday.",
        "The commissioner banned the sale of cooked food by street vendors until further notice."])
    (event,) = [c for c in extract_claims(doc, sents) if c.predicate == "ban"]
    assert event.attributed_to == "Joseph Malaba"


def test_a_participle_after_a_said_clause_is_the_sayer_s_statement():
    doc, sents = make_document([
        "The outbreak has caused at least 27 deaths, the Global Health Organization said on "
        "Wednesday, warning that the true toll may be higher because many patients never reach a clinic."])
    (event,) = [c for c in extract_claims(doc, sents) if c.kind == EVENT]
    assert event.text.endswith("the true toll may be higher because many patients never reach a clinic")
    assert event.attributed_to == "Global Health Organization"


@pytest.mark.parametrize("line, source", [
    ("Ministry spokesman Samuel Kirenga rejected suggestions that the government was under-reporting.",
     "Samuel Kirenga"),
    ("Coast guard spokesman Ernesto Lavin confirmed the ferry had sunk.", "Ernesto Lavin"),
])
def test_a_body_named_before_its_spokesman_is_no_subject(line, source):
    doc, sents = make_document([line])
    (event,) = [c for c in extract_claims(doc, sents) if c.kind == EVENT]
    assert event.attributed_to == source


@pytest.mark.parametrize("line, value, span", [
    ("With 91% of polling stations counted, 61.4% of voters backed the amendments.", 61.4,
     "61.4% of voters backed the amendments"),
    ("With 91% of polling stations counted, 61.4% of voters backed the amendments.", 91,
     "With 91% of polling stations counted"),
    ("The toll stood at 19, with 12 of them children, officials said.", 19, "The toll stood at 19"),
])
def test_a_fronted_with_phrase_ends_at_its_comma(line, value, span):
    claim = numeric_claim([line], value)
    assert claim.text == span


@pytest.mark.parametrize("lines, said, source", [
    # A country's possessive before a body the corpus names on its own is dropped.
    (["The Central Electoral Commission (CEC) met.",
      "Tirenia's Central Electoral Commission said the count was complete and every complaint "
      "would be examined."], "the count was complete", "Central Electoral Commission"),
    # "she said, adding that ...": the one who said it adds.
    (["CEC chairwoman Helena Marik rejected the allegations.",
      '"There was no fraud," she said, adding that every complaint would be examined.'],
     "every complaint would be examined", "Helena Marik"),
    (["Charity MediAid International has said the real number is much higher than reported."],
     "the real number is much higher", "MediAid International"),
])
def test_statement_sources_are_named_as_the_document_names_them(lines, said, source):
    doc, sents = make_document(lines)
    event = next(c for c in extract_claims(doc, sents) if c.kind == EVENT and c.text.startswith(said))
    assert event.attributed_to == source


@pytest.mark.parametrize("line, span", [
    # A participle that adds an act of its own is a clause of its own ...
    ("Lutania's main trade unions called a nationwide general strike for June 3 on Monday, stepping "
     "up their campaign against a pension reform that would raise the retirement age to 65.",
     "Lutania's main trade unions called a nationwide general strike for June 3 on Monday"),
])
def test_a_participle_adding_an_act_is_a_clause_of_its_own(line, span):
    doc, sents = make_document([line])
    (event,) = [c for c in extract_claims(doc, sents) if c.kind == EVENT]
    assert event.text == span and event.attributed_to == "trade unions"


@pytest.mark.parametrize("line, value, words", [
    # ... one of result keeps its count with the event ("killing at least nine").
    ("The ferry capsized on Saturday evening, killing at least nine people.", 9, "capsized"),
    ("Four more survivors were found, bringing the number rescued to 191.", 191, "survivors"),
])
def test_a_participle_of_result_stays_with_its_event(line, value, words):
    claim = numeric_claim([line], value)
    assert words in claim.text


@pytest.mark.parametrize("line, value, source", [
    # A figure in what someone's plan would do is the planner's.
    ("Unions called a strike, raising the stakes in their fight against Prime Minister Ewa Lind's "
     "plan to raise the retirement age to 65.", 65, "Ewa Lind"),
    # "a day after X did Y": a clause of its own, whose subject acts.
    ("The Bank of Lestria left its key rate unchanged and warned that unemployment would rise, a day "
     "after the government unveiled an energy aid package worth nearly 2.5 billion euros.", 2.5e9,
     "government"),
])
def test_a_figure_belongs_to_whose_plan_or_act_it_is(line, value, source):
    claim = numeric_claim([line], value)
    assert claim.attributed_to == source


@pytest.mark.parametrize("lines, words, source", [
    # A name opening a sentence before its age or an indefinite description is its subject.
    (["Governor Rosalind Ventura visited the port.",
      "Joel Madrid, a 27-year-old construction worker, was sitting on the upper deck.",
      '"It tilted to the left, then the lights went out and the water came in," he said.'],
     "It tilted to the left", "Joel Madrid"),
    (['Survivor Joel Madrid, 27, relived the nightmare: "It tilted to the left, then the lights '
      'went out."'], "It tilted to the left", "Joel Madrid"),
])
def test_a_quotation_is_the_person_the_sentence_opens_with(lines, words, source):
    doc, sents = make_document(lines)
    quote = next(c for c in extract_claims(doc, sents) if c.kind == QUOTE and c.text.startswith(words))
    assert quote.attributed_to == source


@pytest.mark.parametrize("line, predicate, source", [
    # "X did Y as the toll reached 41": the act is a clause apart from the count.
    ("Governor Rosalind Ventura declared three days of mourning on Tuesday as the number of "
     "confirmed dead reached 41.", "declare", "Rosalind Ventura"),
    # A relative clause's antecedent acts: "X, which ..., called for a boycott".
    ("The opposition Civic Alliance, which urged its supporters to stay at home, called a "
     "boycott of the vote.", "call", "Civic Alliance"),
])
def test_the_doer_of_an_act_beside_a_count_or_after_a_relative_clause(line, predicate, source):
    doc, sents = make_document([line])
    event = next(c for c in extract_claims(doc, sents) if c.kind == EVENT and c.predicate == predicate)
    assert event.attributed_to == source


@pytest.mark.parametrize("line, source", [
    ('The opposition Civic Alliance, which urged its supporters to stay at home, called the exit '
     'poll "a piece of propaganda."', "Civic Alliance"),
    ('Health Minister Grace Oduya described the charity\'s estimate as "a wild guess with no data."',
     "Grace Oduya"),
])
def test_words_a_subject_puts_on_something_are_its_quotation(line, source):
    doc, sents = make_document([line])
    (quote,) = [c for c in extract_claims(doc, sents) if c.kind == QUOTE]
    assert quote.attributed_to == source


# --- claims of others, counted nouns, one span per figure ------------------------------

@pytest.mark.parametrize("lines, claimed, source, said", [
    # What a possessive's claim says is the possessor's; the sayer's statement ends before it.
    (["The coast guard said it had not issued a departure clearance for the ferry, contradicting "
      "the operator's claim that the Santa Felisa had been cleared to sail.",
      "Orient Star Shipping Lines on Tuesday offered 250,000 pesos to each family."],
     "the Santa Felisa had been cleared to sail", "Orient Star Shipping Lines",
     "it had not issued a departure clearance for the ferry"),
    (["The ministry said the water in the river was safe to drink, rejecting Greenwatch's allegation that the river "
      "had been poisoned by the mine."],
     "the river had been poisoned by the mine", "Greenwatch",
     "the water in the river was safe to drink"),
])
def test_a_possessives_claim_that_is_the_possessors_statement(lines, claimed, source, said):
    doc, sents = make_document(lines)
    events = {c.text: c.attributed_to for c in extract_claims(doc, sents) if c.kind == EVENT}
    assert events.get(claimed) == source
    assert said in events and events[said] != source


@pytest.mark.parametrize("line, spans", [
    ("Nine dead, more than 100 missing as ferry capsizes",
     {9: "Nine dead", 100: "more than 100 missing as ferry capsizes"}),
    ("The coast guard said nine bodies had been recovered, 187 people had been rescued.",
     {187: "187 people had been rescued"}),
])
def test_each_figure_of_a_list_of_tolls_has_its_own_span(line, spans):
    doc, sents = make_document([line])
    numeric = {c.value: c.text for c in extract_claims(doc, sents) if c.kind == NUMERIC}
    for value, text in spans.items():
        assert numeric[value] == text


# ---- extraction round 5: who a wire story reposted under an outlet's name speaks for ----

@pytest.mark.parametrize("header, source", [
    ("Continental Press Agency", "Continental Press Agency"),
    ("From Continental Press Agency", "Continental Press Agency"),
    ("By Northern News Agency", "Northern News Agency"),
    ("THE HARBOUR TIMES", "The Harbour Times"),  # the outlet's own name: its own story
    ("Calder Evening Post", "The Harbour Times"),
])
def test_a_header_line_naming_a_news_agency_credits_the_wire(header, source):
    lines = [header, "Wildfire forces thousands from homes",
             "A fast-moving wildfire tore through the hills on Monday, destroying homes and farms "
             "across the whole of the region, the fire service said.",
             "More than 600 firefighters were battling the flames."]
    doc, sents = make_document(lines, outlet="The Harbour Times")
    claim = next(c for c in numeric(extract_claims(doc, sents)) if c.value == 600)
    assert claim.attributed_to == source
