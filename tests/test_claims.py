import pytest

from factcheck.claims import extract_claims, parse_statement
from factcheck.models import EVENT, FURNITURE, NUMERIC, QUOTE, STORY, Document, Sentence, content_id


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
