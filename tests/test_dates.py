import pytest

from factcheck.dates import find_dates


@pytest.mark.parametrize(
    "text, published, iso, precision",
    [
        ("on 24 October", "2024-10-25", "2024-10-24", "day"),
        ("by 23 October,", "2024-10-25", "2024-10-23", "day"),
        ("on Oct. 25 that", "2024-10-26", "2024-10-25", "day"),
        ("on Oct. 27-28, Kyiv says", "2024-10-26", "2024-10-27", "day"),
        ("on Monday, October 28th,", "2024-10-29", "2024-10-28", "day"),
        ("November 6, 2024", "2024-11-07", "2024-11-06", "day"),
        ("Today, the ministry", "2024-10-24", "2024-10-24", "day"),
        ("yesterday", "2024-10-24", "2024-10-23", "day"),
        ("on Monday", "2024-10-29", "2024-10-28", "day"),
        ("last Tuesday", "2024-10-29", "2024-10-22", "day"),
        ("by December", "2024-10-25", "2024-12", "month"),
        ("in January", "2024-10-01", "2024-01", "month"),
        ("in October 2024", "2024-11-07", "2024-10", "month"),
        ("last week", "2024-10-29", "2024-10-22", "approximate"),
        ("last month", "2024-01-15", "2023-12", "month"),
        ("earlier this year", "2024-10-26", "2024", "approximate"),
        ("in 2023", "2024-10-26", "2023", "year"),
        ("three days ago", "2024-10-26", "2024-10-23", "day"),
        ("on December 30", "2025-01-02", "2024-12-30", "day"),
        # A month cue overlapping a day: the day wins ("of May" vs "May 16").
        ("as of May 16", "2025-05-17", "2025-05-16", "day"),
        ("in March 3 talks", "2025-05-17", "2025-03-03", "day"),
        ("by October 3", "2024-10-01", "2024-10-03", "day"),
    ],
)
def test_resolved_against_publication_date(text, published, iso, precision):
    (d,) = find_dates(text, published)
    assert (d.iso, d.precision) == (iso, precision)
    assert text[d.start:d.end] == d.text


def test_future_cue_marks_deadlines():
    (d,) = find_dates("to around 10,000 by December", "2024-10-25")
    assert d.future


def test_without_publication_date_relative_dates_stay_unknown():
    (d,) = find_dates("on Monday", None)
    assert d.iso is None
    (d,) = find_dates("on 24 October 2024", None)
    assert d.iso == "2024-10-24"


@pytest.mark.parametrize("text", ["You may also like", "resolutions 1718, 1874", "March forward",
                                  "the F-16 jets", "3,000 troops"])
def test_words_that_are_not_dates(text):
    assert find_dates(text, "2024-10-25") == []


@pytest.mark.parametrize("text, since, event", [
    ("had been detained since Friday", True, False),
    ("has grown since last week", True, False),
    ("the flood on Tuesday", False, True),
    ("in Tuesday's flood", False, True),
    ("after last week’s vote", False, True),
    ("were detained on Friday", False, False),
    ("the toll on Tuesday", False, False),
    # a since-clause names the day the window opens
    ("with 19 deaths since the outbreak was declared on October 18", True, False),
    ("aftershocks since the magnitude 7.1 quake struck before dawn on Monday", True, False),
])
def test_window_starts_and_event_dates_are_marked(text, since, event):
    (d,) = find_dates(text, "2024-10-25")
    assert (d.since, d.event) == (since, event)


@pytest.mark.parametrize("text, dateline", [
    ("SAN AURELIO, June 15 (Continental Press) - A ferry capsized", True),
    ("SENDALI, 4 November 2025 — MediAid teams have recorded", True),
    ("PORT CALVERA, Marenas, June 17 (Continental Press) - The toll rose", True),
    ("LONDON, Monday, June 15 (Reuters) - Prices rose", True),
    ("Headline\nVALMORA, Sept 22 (ICW) - Voters approved", True),
    # a sentence that opens with a place, or a date set off by dashes, is no dateline
    ("In Bresk, May 17 - the day of the march - crowds came", False),
    ("The vote on June 15 - a Sunday - was held", False),
    ("SAN AURELIO, June 15 - the day after the capsizing", True),
])
def test_a_dateline_date_is_marked(text, dateline):
    assert find_dates(text, "2025-06-16")[0].dateline == dateline


@pytest.mark.parametrize("text, year", [
    ("At the same point in the 2014 referendum it was 30.2%", "2014"),
    ("far below the 61% who voted in the 2022 presidential election", "2022"),
    ("the deadliest since the 1998 Tamsk earthquake", "1998"),
])
def test_a_year_names_which_event_of_a_recurring_kind(text, year):
    (d,) = find_dates(text, "2025-09-23")
    assert (d.iso, d.text) == (year, year)


@pytest.mark.parametrize("text", ["the 2000 people who marched", "the 2030 delegates voted"])
def test_a_number_before_other_nouns_is_no_year(text):
    assert find_dates(text, "2025-09-23") == []


@pytest.mark.parametrize("text, iso, future", [
    # 2025-09-23 is a Tuesday: a weekday in a clause about the future is the coming one
    ("the party would file a challenge with the court on Wednesday", "2025-09-24", True),
    ("The minister will visit the region on Friday", "2025-09-26", True),
    ("40 people died on Monday", "2025-09-22", False),
    ("He said on Monday he will resign", "2025-09-22", False),
    ("The talks, which will resume, began on Monday", "2025-09-22", False),
])
def test_a_weekday_in_a_future_clause_is_the_coming_one(text, iso, future):
    (d,) = find_dates(text, "2025-09-23")
    assert (d.iso, d.future) == (iso, future)


@pytest.mark.parametrize("text", ["reported in the area that evening", "police left that night",
                                  "on the same morning", "the same day"])
def test_that_evening_is_the_day_named_before(text):
    (d,) = find_dates(text, "2025-06-17")
    assert (d.iso, d.precision) == (None, "same-day")


@pytest.mark.parametrize("text", ["He said that the evening was calm", "that was the day"])
def test_that_as_a_conjunction_or_pronoun_is_no_date(text):
    assert find_dates(text, "2025-06-17") == []
