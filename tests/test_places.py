import pytest

from factcheck.claims import parse_statement

PUB = "2025-06-15"


def claim_with(claims, value):
    return next(c for c in claims if c.value == value)


@pytest.mark.parametrize("line, value, subject", [
    # A place opening the clause, or following what is counted, is where it was counted.
    ("In Tarnova, 14 people died.", 14, "tarnova"),
    ("The number of suspected cases in Kilawe Region has risen to 842.", 842, "kilawe"),
    ("The death toll in Tarnova rose to 40 on Monday.", 40, "tarnova"),
    # A place in the speaker's phrase or a bystander's is not the count's.
    ("The port authority in Port Calvera says at least 280 passengers boarded.", 280, None),
    ("Four survivors were found clinging to debris near Punta Lirio, bringing the total rescued "
     "to 191.", 191, None),
    # The place inside a bare possessive.
    ("A ferry carrying about 300 passengers capsized off Marenas' central Calvera province.", 300,
     "calvera"),
    # A place after a comma or in another clause belongs to that phrase.
    ("The coast guard said 187 people had been rescued by navy vessels, and taken to hospitals "
     "in Port Calvera.", 187, None),
    ("Nine dead, more than 100 missing as ferry capsizes off Calvera.", 100, None),
    ("Rescuers search for more than 100 missing after ferry overturns in Marenas.", 100, None),
    ("About 300 people were evacuated from Velika Brda.", 300, "velika brda"),
    # A place named as such as the subject of the figure's clause.
    ("Ntoro district alone has recorded 611 suspected cases.", 611, "ntoro"),
    ("Dembaya's Kilawe Region has recorded 1,200 suspected cases.", 1200, "kilawe"),
    ("Ntoro district officials said 611 cases were recorded.", 611, None),
    # The whole country's figure.
    ("Nationwide, 2,150 suspected cases have been recorded.", 2150, "nationwide"),
    ("Across the country there are now more than 2,100 suspected cases.", 2100, "nationwide"),
    # A kind of place names the place after "of"; a place fronted before its comma sets
    # the scene for the speaker after it.
    ("More than 100,000 people took to the streets of Bresk on Saturday.", 100000, "bresk"),
    ("In the port city of Kessel, police said about 4,000 people marched.", 4000, "kessel"),
    ("In Tarnova, officials said 14 people died.", 14, "tarnova"),
])
def test_subject_is_where_the_figure_was_counted(line, value, subject):
    assert claim_with(parse_statement(line, PUB), value).subject == subject
