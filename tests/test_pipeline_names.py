"""Names the pipeline learns across documents: an acronym one story spells out is
the name of the source another story writes only as the acronym."""

from factcheck import store
from factcheck.pipeline import ingest
from factcheck.bodies import corpus_acronyms


def test_corpus_acronyms_take_the_spelling_most_documents_use():
    texts = ["The Central Electoral Commission (CEC) said turnout was 52%.",
             "Tirenia's Central Electoral Commission (CEC) confirmed it.",
             "The Civic Electoral Council (CEC) objected.",
             "The CEC says turnout was 51.6%."]
    assert corpus_acronyms(texts) == {"CEC": "Central Electoral Commission"}


def test_an_acronym_is_read_with_the_name_another_document_spells_out(tmp_path):
    (tmp_path / "a_live.txt").write_text(
        "Referendum live\n\nThe CEC says preliminary turnout at the close of polls was 51.6%.\n")
    (tmp_path / "b_report.txt").write_text(
        "Referendum report\n\nTurnout stood at 33.8% by 15:00, according to the Central "
        "Electoral Commission (CEC).\n")
    db_path = str(tmp_path / "x.db")
    report = ingest([str(tmp_path)], db_path)
    assert not report.errors
    claims = store.current_claims(store.open_db(db_path))
    live = next(c for c in claims if c.value == 51.6)
    assert live.attributed_to == "Central Electoral Commission"
    assert "51.6%" in live.text  # the citation keeps the words as written


def test_an_acronym_spelled_out_in_an_earlier_ingest_is_found_through_the_index(tmp_path):
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir(), later.mkdir()
    (first / "b_report.txt").write_text(
        "Referendum report\n\nTurnout stood at 33.8% by 15:00, according to the Central "
        "Electoral Commission (CEC).\n")
    (later / "a_live.txt").write_text(
        "Referendum live\n\nThe CEC says preliminary turnout at the close of polls was 51.6%.\n")
    db_path = str(tmp_path / "x.db")
    assert not ingest([str(first)], db_path).errors
    assert not ingest([str(later)], db_path).errors
    claims = store.current_claims(store.open_db(db_path))
    assert next(c for c in claims if c.value == 51.6).attributed_to == "Central Electoral Commission"


def test_corpus_kinds_read_how_documents_describe_a_body():
    from factcheck.bodies import corpus_kinds
    texts = ["The opposition Civic Alliance said turnout was below 40%.",
             "MediAid International, a medical charity, runs three centres.",
             "The MV Santa Felisa, operated by Orient Star Shipping Lines, capsized.",
             "Landslides blocked the road between Orlavy and Korvath, the defence ministry said."]
    assert corpus_kinds(texts) == {"Civic Alliance": frozenset({"opposition"}),
                                   "MediAid International": frozenset({"charity"}),
                                   "Orient Star Shipping Lines": frozenset({"operator"})}
