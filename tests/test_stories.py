"""Stories: documents about one event together, other events apart, near-linear."""

from __future__ import annotations

import pytest

from factcheck.models import NUMERIC, Claim, Document
from factcheck.stories import find_stories, story_of_documents

QUAKE_A = [
    ("A strong earthquake struck Varnia province in Eskara on Monday, killing 120 people.", "2025-03-10"),
    ("Rescuers in Varnia dug through rubble after the Eskara earthquake; 150 people were killed.", "2025-03-11"),
    ("The Eskara government said 180 people died in the Varnia quake, Interior Minister Lena Dorr said.", "2025-03-12"),
]
QUAKE_B = [
    ("An earthquake hit Tolmar in northern Kestovia on Monday and 40 people were killed.", "2025-03-10"),
    ("Kestovia's emergency service said 45 people died in the Tolmar earthquake.", "2025-03-11"),
]
FLOOD = [("Floods in the Brenner valley of Ostria displaced 3,000 people, Mayor Jan Holt said.", "2025-03-11")]


def corpus(*stories):
    docs, claims = {}, []
    for s, story in enumerate(stories):
        for k, (text, day) in enumerate(story):
            doc_id = f"d{s}{k}"
            docs[doc_id] = Document(id=doc_id, path=f"/n/{doc_id}.txt", text=text, outlet=f"Outlet {k}",
                                    published=day)
            claims.append(Claim(id=f"c{s}{k}", document_id=doc_id, sentence_id=f"s{s}{k}", start=0,
                                end=len(text), text=text, kind=NUMERIC))
    return docs, claims


def test_two_earthquakes_are_two_stories():
    docs, claims = corpus(QUAKE_A, QUAKE_B, FLOOD)
    found = find_stories(docs, claims)
    assert len({found[f"d0{k}"] for k in range(3)}) == 1
    assert len({found[f"d1{k}"] for k in range(2)}) == 1
    assert len({found["d00"], found["d10"], found["d20"]}) == 3


def test_result_does_not_depend_on_input_order_and_is_cached():
    docs, claims = corpus(QUAKE_A, QUAKE_B)
    first = find_stories(docs, claims)
    assert find_stories(dict(reversed(list(docs.items()))), list(reversed(claims))) == first
    assert story_of_documents(docs, claims) == first
    assert story_of_documents(docs, list(reversed(claims))) is story_of_documents(docs, claims)


def test_sidebar_headlines_of_other_stories_are_not_read():
    text = ("Rescuers in Varnia dug through rubble after the Eskara earthquake.\n"
            "Related:\n- Floods in the Brenner valley of Ostria displace thousands\n")
    docs, claims = corpus(QUAKE_A, FLOOD)
    docs["x"] = Document(id="x", path="/n/x.txt", text=text, published="2025-03-11")
    line = text.splitlines()[0]
    claims.append(Claim(id="cx", document_id="x", sentence_id="sx", start=0, end=len(line), text=line,
                        kind=NUMERIC))
    found = find_stories(docs, claims)
    assert found["x"] == found["d00"] != found["d10"]


def test_a_report_weeks_later_starts_another_story():
    late = [(QUAKE_A[1][0], "2025-06-20")]
    docs, claims = corpus(QUAKE_A, late)
    found = find_stories(docs, claims)
    assert found["d10"] != found["d00"]


@pytest.mark.parametrize("text", ["", "   "])
def test_document_without_words_has_no_story(text):
    docs = {"e": Document(id="e", path="/n/e.txt", text=text)}
    assert find_stories(docs, []) == {}


def test_a_short_report_naming_part_of_the_story_joins_it():
    long_story = [
        ("Rescuers in Varnia searched the rubble after the Eskara earthquake, Governor Ilse Marek said, "
         "as the Red Crescent and Minister Lena Dorr visited Korvath and Tamsk.", "2025-03-10"),
        ("In Varnia the Eskara quake toll rose, Governor Ilse Marek and Minister Lena Dorr said in Korvath.",
         "2025-03-11"),
    ]
    short = [("Survivor Ana Kovic told of the Varnia horror as Eskara mourned.", "2025-03-11")]
    other = [("Floods hit Eskara's Brenner valley, Mayor Jan Holt said.", "2025-03-11")]
    docs, claims = corpus(long_story, short, other)
    found = find_stories(docs, claims)
    assert found["d10"] == found["d00"] == found["d01"]
    assert found["d20"] != found["d00"]  # one shared name (the country) is not enough


def test_a_report_tied_to_the_story_only_by_a_later_report_joins_it():
    # The bank report comes before the report that also names the bank: when it is read,
    # the story holds only the country, so it starts apart; the merge pass joins it.
    main = [
        ("In Varnia the Eskara quake toll rose, Governor Ilse Marek and Minister Lena Dorr said.", "2025-03-10"),
        ("Rescuers in Varnia dug through rubble, Governor Ilse Marek said as Eskara mourned.", "2025-03-10"),
    ]
    bank = [("The Korvath Bank of Eskara held rates, its chief Ivo Sandor told Tamsk Radio and Pell Weekly.",
             "2025-03-11")]
    bridge = [("Governor Ilse Marek and Minister Lena Dorr said the Varnia quake would cost Eskara dearly, "
               "as the Korvath Bank warned.", "2025-03-12")]
    other = [("Floods hit the Brenner valley of Eskara, Mayor Jan Holt said.", "2025-03-11")]
    docs, claims = corpus(main, bank, bridge, other)
    found = find_stories(docs, claims)
    assert found["d00"] == found["d01"] == found["d10"] == found["d20"]
    assert found["d30"] != found["d00"]  # the country alone does not tie a story


def test_two_reports_tied_only_to_each_other_and_by_the_story_names_join_it():
    # Two reports about one side of the story share their own names (the opposition's) and
    # otherwise name only the story's people: as a pair they belong to the story.
    main = [
        ("Minister Anya Brel unveiled the Eskara aid plan in Korvath, Premier Tomas Vel said.", "2025-03-10"),
        ("In Korvath, Minister Anya Brel and Premier Tomas Vel defended the Eskara aid plan.", "2025-03-10"),
    ]
    side = [
        ("The Green Union's Pia Roth said Minister Anya Brel's plan for Eskara was too small.", "2025-03-10"),
        ("Pia Roth of the Green Union attacked Premier Tomas Vel over Eskara aid in a Dorna Radio interview.",
         "2025-03-11"),
    ]
    other = [("Floods hit the Brenner valley of Eskara, Mayor Jan Holt said.", "2025-03-11")]
    docs, claims = corpus(main, side, other)
    found = find_stories(docs, claims)
    assert found["d00"] == found["d01"] == found["d10"] == found["d11"]
    assert found["d20"] != found["d00"]
