import pytest

from factcheck.quantities import find_quantities


@pytest.mark.parametrize(
    "text, value, low, high, qualifier, counted",
    [
        ("North Korea had deployed over 3,000 troops to Russia", 3000, 3000, None, "over", "troops"),
        ("some 10,000 North Korean troops were deployed", 10000, None, None, "about", "troops"),
        ("approximately 12,000 North Korean soldiers", 12000, None, None, "about", "troops"),
        ("around 3,000 soldiers have already been sent", 3000, None, None, "about", "troops"),
        ("at least 45 people were killed", 45, 45, None, "at least", "deaths"),
        ("up to 3,000 protesters", 3000, None, 3000, "up to", "people"),
        ("as many as 7,000 people", 7000, None, 7000, "up to", "people"),
        ("nearly 500 civilians", 500, None, 500, "under", "people"),
        ("more than 2,000 casualties", 2000, 2000, None, "over", "casualties"),
        ("10,000-12,000 troops", 10000, 10000, 12000, "range", "troops"),
        ("between 10,000 and 12,000 soldiers", 10000, 10000, 12000, "range", "troops"),
        ("10 to 12 million people", 10_000_000, 10_000_000, 12_000_000, "range", "people"),
        ("10 000 people", 10000, None, None, "exact", "people"),
        ("1.2 million people", 1_200_000, None, None, "exact", "people"),
        ("12k protesters", 12000, None, None, "exact", "people"),
        ("three generals", 3, None, None, "exact", "general"),
        ("three-thousand troops", 3000, None, None, "exact", "troops"),
        ("a dozen people", 12, 9, 15, "about", "people"),
        ("over two dozen missiles", 24, 24, 30, "over", "missile"),
        ("twenty-five officers", 25, None, None, "exact", "officer"),
        ("500 officers", 500, None, None, "exact", "officer"),
        ("5,000 or more fans", 5000, 5000, None, "at least", "fan"),
        ("17,800 casualties", 17800, None, None, "exact", "casualties"),
        ("100 injured", 100, None, None, "exact", "injured"),
        ("The death toll rose to 52", 52, None, None, "exact", "deaths"),
        ("40% of voters", 40, None, None, "exact", "percent"),
        ("$5 million in aid", 5_000_000, None, None, "exact", "usd"),
    ],
)
def test_values_qualifiers_and_counted(text, value, low, high, qualifier, counted):
    (q,) = find_quantities(text)
    assert (q.value, q.low, q.high, q.qualifier, q.counted) == (value, low, high, qualifier, counted)
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize(
    "text, low, high, counted",
    [
        ("Several thousands of DPRK troops", 2000, 9999, "troops"),
        ("thousands of soldiers", 2000, 99999, "troops"),
        ("hundreds of people", 200, 999, "people"),
        ("tens of thousands of demonstrators", 20000, 99999, "people"),
        ("dozens of civilians", 24, 99, "people"),
        ("a few hundred troops", 200, 999, "troops"),
    ],
)
def test_vague_amounts_have_a_range_and_no_value(text, low, high, counted):
    (q,) = find_quantities(text)
    assert (q.value, q.low, q.high, q.qualifier, q.counted) == (None, low, high, "vague", counted)


@pytest.mark.parametrize(
    "text",
    [
        "UN Security Council resolutions 1718, 1874 and 2270",
        "F-16 fighter jets and PAC-3 systems",
        "COP29 and the G7 and G20 summits",
        "October 26, 2024 12:05 AM",
        "at 10:46 AM on Oct. 27-28",
        "on 24 October",
        "in 2023 and since 2014",
        "one of the worst famines",
        "the two countries signed",
        "a two-year deal",
        "Article 5 of the treaty",
        "won 3-1",
        "the 28th of October",
        "the session opens at 10.30 and closes at 11.45pm",
        "the talks resumed at 09.15 GMT",
        "it overturned at around 7:15 p.m. (1115 GMT)",
        "Survivor Joel Madrid, 27, said the ferry began to list",
    ],
)
def test_dates_times_labels_are_not_quantities(text):
    assert find_quantities(text) == []


def test_several_quantities_in_order_with_their_nouns():
    text = ("approximately 12,000 North Korean troops, including 500 officers and three "
            "generals, were already in Russia")
    got = [(q.value, q.counted, q.noun) for q in find_quantities(text)]
    assert got == [(12000, "troops", "troops"), (500, "officer", "officers"), (3, "general", "generals")]


@pytest.mark.parametrize(
    "text",
    [
        "a 45-year-old man was rescued",
        "Spaniards aged 18 to 34 live at home",
        "voters under 25 backed the party",
        "Call 1-800-555-0199 to donate",
        "call 020 7946 0018 for details",
        "a collapsed five-storey building",
        "a 60-square-metre flat",
        "more than 40 hours after the quake",
        "within five years",
        "about five times the monthly average",
        "Updated 6:42 AM GMT+1",
        "the first half of the match",
        "No. 10 Downing Street",
        "the COVID-19 inquiry and the G7 summit",
        "two of the countries signed",
    ],
)
def test_ages_phones_measures_durations_are_not_counts(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text, value, low, high, qualifier, counted",
    [
        ("two-thirds of Spaniards", 66.7, None, None, "about", "percent"),
        ("Nearly half of voters", 50, None, 50, "under", "percent"),
        ("three-quarters of the buildings", 75, None, None, "about", "percent"),
        ("One in five said", 20, None, None, "exact", "percent"),
        ("fewer than four in ten voters went to the polls", 40, None, 40, "under", "percent"),
        ("six in ten of them approved", 60, None, None, "exact", "percent"),
        ("Seven in 10 adults back the plan", 70, None, None, "exact", "percent"),
        ("Five of the region's seven districts have reported cases", 5, None, None, "exact", "district"),
        ("spread to six of its seven districts", 6, None, None, "exact", "district"),
        ("turnout was 67.3 per cent", 67.3, None, None, "exact", "percent"),
        ("up 2.1 percentage points", 2.1, None, None, "exact", "percentage points change"),
        ("rents have risen by 12%", 12, None, None, "exact", "percent change"),
        ("it had risen by nearly 800", 800, None, 800, "under", "change"),
        ("turnout fell below 60%", 60, None, 60, "under", "percent"),
        ("the magnitude 7.1 quake", 7.1, None, None, "exact", "magnitude"),
        ("a 6.4-magnitude tremor", 6.4, None, None, "exact", "magnitude"),
        ("The death toll from the quake that struck the south rose to 2,310", 2310, None, None, "exact",
         "deaths"),
        ("the number of people killed in floods rose to 23", 23, None, None, "exact", "deaths"),
        ("officials had put the toll at one", 1, None, None, "exact", "deaths"),
        ("shelling kills 18 near the border", 18, None, None, "exact", "deaths"),
        ("four people had drowned", 4, None, None, "exact", "deaths"),
        ("Tens of thousands march in Madrid", None, 20000, 99999, "vague", "people"),
        ("won 412 of the 650 seats", 412, None, None, "exact", "seat"),
        ("a 3,000-strong force", 3000, None, None, "exact", "force"),
        ("€300m in aid", 300_000_000, None, None, "exact", "eur"),
        ("jailed for 10 years", 10, None, None, "exact", "year"),
    ],
)
def test_news_quantities(text, value, low, high, qualifier, counted):
    q = find_quantities(text)[0]
    assert (q.value, q.low, q.high, q.qualifier, q.counted) == (value, low, high, qualifier, counted)


@pytest.mark.parametrize("text, value, low, high, qualifier, counted", [
    # Verbs of passing a mark say "over".
    ("the toll passed 200 on Friday", 200, 200, None, "over", "deaths"),
    ("injuries have now topped 1,000", 1000, 1000, None, "over", "injured"),
    ("fatalities exceeded 70", 70, 70, None, "over", "deaths"),
    ("casualties surpassed 90", 90, 90, None, "over", "casualties"),
    ("lawmakers passed 14 amendments", 14, None, None, "exact", "amendment"),
    # A change from one level to another gives the new level, not a range.
    ("plans to lift the pension age from 60 to 63", 63, None, None, "exact", None),
    ("the bank lowered its forecast from 2.5% to 1.9%", 1.9, None, None, "exact", "percent"),
    ("prices fell from 40 to 35 euros", 35, None, None, "exact", "eur"),
    ("teams of 10 to 12 people", 10, 10, 12, "range", "people"),
    # Dozens are round figures, not counts.
    ("three dozen schools", 36, 27, 45, "about", "school"),
    ("half a dozen boats", 6, 4, 8, "about", "boat"),
    ("between two and three dozen houses", 24, 24, 36, "range", "house"),
    # "and" joins number words only after a scale word.
    ("two hundred and ten people", 210, None, None, "exact", "people"),
])
def test_passing_marks_changes_and_round_figures(text, value, low, high, qualifier, counted):
    (q,) = find_quantities(text)
    assert (q.value, q.low, q.high, q.qualifier, q.counted) == (value, low, high, qualifier, counted)


@pytest.mark.parametrize("text", ["He scored 4 in 10 minutes.", "They won 3 in 12 games."])
def test_counts_in_a_span_of_time_or_games_are_no_shares(text):
    assert all(q.counted != "percent" for q in find_quantities(text))


@pytest.mark.parametrize("text, value, counted", [
    ("The number of people confirmed dead in the capsizing rose to 24 on Monday", 24, "deaths"),
    ("the number of people reported missing stood at 85", 85, "missing"),
    ("the number of people killed rose to 23", 23, "deaths"),
])
def test_a_number_of_people_said_to_be_dead_is_a_toll(text, value, counted):
    (q,) = find_quantities(text)
    assert (q.value, q.counted) == (value, counted)


@pytest.mark.parametrize("text, value, counted", [
    ("The number of suspected cholera cases in Kilawe Region has risen to 842", 842, "case"),
    ("as the number of suspected cases in the region rose above 1,000", 1000, "case"),
    ("the ministry had recorded 1,287 suspected cases", 1287, "case"),
])
def test_suspected_cases_count_cases(text, value, counted):
    (q,) = find_quantities(text)
    assert (q.value, q.counted) == (value, counted)


@pytest.mark.parametrize("text, value, counted", [
    ("Suspected cholera cases in Kilawe Region have risen to 1,463", 1463, "case"),
    ("Cholera cases in Kilawe pass 800", 800, "case"),
    ("Kilawe cholera cases near 1,500 as outbreak spreads", 1500, "case"),
    ("Complaints have now reached 212", 212, "complaint"),
    ("Casualties surpassed 300", 300, "casualties"),
    ("The toll in Bresk has risen to 12", 12, "deaths"),
    # A people-like subject or a verb's own ending says nothing of what is counted.
    ("It rises to 40", 40, None),
])
def test_a_plural_subject_linked_to_a_figure_is_what_it_counts(text, value, counted):
    (q,) = find_quantities(text)
    assert (q.value, q.counted) == (value, counted)


@pytest.mark.parametrize("text, figures", [
    ("At least 38 people were injured, nine of them critically, according to the hospital.",
     [(38, "injured"), (9, "critical")]),
    ("Seven firefighters have been treated for burns, two of them in hospital in Brenholt.",
     [(7, "firefighter"), (2, "hospital")]),
    # a partitive that is a subject or a place adds no count of its own
    ("Five people were arrested, two of them said.", [(5, "arrests")]),
    ("Ten people died, most of them in Lisker.", [(10, "deaths")]),
    ("two of them were injured", []),
])
def test_a_partitive_after_a_comma_counts_its_part(text, figures):
    assert [(q.value, q.counted) for q in find_quantities(text)] == figures
