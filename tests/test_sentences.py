import pytest

from factcheck.models import FURNITURE, OFF_TOPIC, STORY, TITLE, Document
from factcheck.sentences import flag_lines, split_sentences


def doc(text, **meta):
    return Document(id="d", path="d.txt", text=text, **meta)


def sentence_texts(text):
    return [s.text for s in split_sentences(doc(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. said it would act. Russia did not reply.",
         ["The U.S. said it would act.", "Russia did not reply."]),
        ("Officials met on Oct. 25 in Seoul. They agreed.", ["Officials met on Oct. 25 in Seoul.", "They agreed."]),
        ("Gen. Kim Yong Bok led the unit. It moved west.", ["Gen. Kim Yong Bok led the unit.", "It moved west."]),
        ("Resolution No. 3 passed. Then it failed.", ["Resolution No. 3 passed.", "Then it failed."]),
        ("Prices rose 3.5 percent to 1,250.75 dollars. Sales fell.",
         ["Prices rose 3.5 percent to 1,250.75 dollars.", "Sales fell."]),
        ("“We will not retreat,” he said. “Never.”", ["“We will not retreat,” he said.", "“Never.”"]),
        ('"We will not retreat," he said. "Never."', ['"We will not retreat," he said.', '"Never."']),
        ("Troops move north\nThe army said 400 soldiers moved.", ["Troops move north", "The army said 400 soldiers moved."]),
        ("- First point here.\n- Second point here.", ["First point here.", "Second point here."]),
        ("• A bullet item\n* Another item", ["A bullet item", "Another item"]),
        ("Key events: * Storm hits coast, officials say * Schools close",
         ["Key events:", "Storm hits coast, officials say", "Schools close"]),
    ],
)
def test_split_sentences(text, expected):
    assert sentence_texts(text) == expected


@pytest.mark.parametrize("text", [
    "A  line with   spaces.\r\nAnother line\r\n\r\n  Indented — dash “quote” here.  ",
    "\ufeffBOM first line. Second.\n\n\n- bullet\n",
    "Émigré café naïve. 日本語の文。 Done.",
])
def test_offsets_are_exact(text):
    for s in split_sentences(doc(text)):
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()


def test_offsets_exact_for_every_seed_sentence(seed_documents):
    assert len(seed_documents) == 5
    for document in seed_documents:
        sentences = split_sentences(document)
        assert sentences
        for s in sentences:
            assert document.text[s.start:s.end] == s.text


def test_seed_noise_lines_are_flagged_and_story_is_not(seed_documents):
    gold_noise = {
        "000": ["You could close this page.", "A little bit goes a long way"],
        "001": ["ua en ru"],
        "002": ["- Advertisement -", "Subscribe to our newsletter"],
        "003": ["Skip to content", "This audio is created with AI assistance", "* indicates required",
                "Thank you for signing up for this newsletter."],
        "004": ["You may also like", "Subscribe to any plan available in our store"],
    }
    story = {
        "000": "North Korea had deployed over 3,000 troops to Russia",
        "001": "North Korea has already sent about 12,000 troops to Russia",
        "002": "some 10,000 North Korean troops were deployed to Russia",
        "003": "Russia to deploy North Korean troops to combat zone on Oct. 27-28, Kyiv says",
        "004": "approximately 3,000 North Korean soldiers had been sent to Russia",
    }
    for document in seed_documents:
        key = document.path.split("/")[-1][:3]
        sentences = split_sentences(document)
        for start in gold_noise[key]:
            hits = [s for s in sentences if document.text.find(start) <= s.start < document.text.find(start) + len(start)]
            assert hits and all(s.flag == FURNITURE for s in hits), (key, start)
        hits = [s for s in sentences if story[key] in s.text]
        assert hits and all(s.flag in (STORY, TITLE) for s in hits), (key, story[key])


def test_seed_sidebars_are_off_topic(seed_documents):
    off_topic = {
        "002": ["COP29 in Baku ended in the early hours of November 24",
                "Aid workers have warned that one of the worst famines",
                "The U.S. announced on November 21 new sanctions"],
        "003": ["US halts Ukraine-bound weapons", "The shipment includes over two dozen"],
    }
    for document in seed_documents:
        key = document.path.split("/")[-1][:3]
        for start in off_topic.get(key, []):
            sentences = [s for s in split_sentences(document) if s.text.startswith(start)]
            assert sentences and all(s.flag in (OFF_TOPIC, FURNITURE) for s in sentences), start


@pytest.mark.parametrize("line, reason", [
    ("Skip to content", "furniture phrase"),
    ("ua en ru", "language switcher"),
    ("10:46 AM", "timestamp"),
    ("By Jane Smith", "byline"),
    ("Photo: John Doe / Reuters", "furniture phrase"),
    ("Share", "reader prompt"),
    ("Support our journalism: become a member today and help us keep reporting.", "reader prompt"),
])
def test_furniture_rules(line, reason):
    text = f"Storm kills 12 in coastal town, officials say\n{line}\nThe storm killed 12 people on Monday, officials said.\n"
    lines = flag_lines(doc(text))
    flagged = [l for l in lines if l.text == line]
    assert flagged[0].flag == FURNITURE and flagged[0].reason == reason


@pytest.mark.parametrize("line", [
    "The company said it would stop tracking cookies on its website next year.",
    "The charity said donations had doubled to 2 million dollars.",
    "Members of parliament voted 312 to 250 in favour.",
])
def test_story_sentences_with_furniture_words_are_kept(line):
    text = f"Parliament passes privacy bill\n{line}\nThe vote followed a long debate, officials said.\n"
    flagged = [l for l in flag_lines(doc(text, title="Parliament passes privacy bill")) if l.text == line]
    assert flagged[0].flag == STORY


def test_template_lines_of_the_same_site_are_furniture():
    text = "Quake hits city\nSponsored by our partners today\nThe quake killed 9 people, officials said.\n"
    key = "sponsored by our partners today"
    lines = flag_lines(doc(text), site_lines={key: 3})
    assert [l.flag for l in lines if l.text.startswith("Sponsored")] == [FURNITURE]
    assert [l.flag for l in flag_lines(doc(text)) if l.text.startswith("Sponsored")] == [STORY]


def test_title_is_flagged_and_repeats_are_furniture():
    text = "Dam breaks upstream\n\nOfficials said the dam broke at dawn.\nOfficials said the dam broke at dawn.\n"
    lines = flag_lines(doc(text, title="Dam breaks upstream"))
    assert [l.flag for l in lines] == [TITLE, STORY, FURNITURE]


@pytest.mark.parametrize("line", [
    "Subscribe for 1 a month",
    "RBI English Service — Listen live on 98.4 FM",
    "Listen again: Morning programme, 16 September (podcast, 42 min)",
    "The Herald depends on readers like you. Chip in today.",
    "Thanks for reading Econ Brief! Subscribe for free to receive new posts.",
    "Tags: pension reform, protest, police",
    "Also on Civic Voice",
    "Elsewhere on the Observer",
    "More on this story",
    "Read also: What the reform means for you",
    "Follow our live coverage on Channel 1 and example.org/live.",
    "This story is part of our Health Watch series, supported by a foundation. The Post retains full editorial independence.",
])
def test_calls_to_action_and_section_labels_are_furniture(line):
    text = f"Strike shuts schools\nTeachers walked out in 40 schools on Monday, the union said.\n{line}\n"
    assert [l.flag for l in flag_lines(doc(text, title="Strike shuts schools")) if l.text == line] == [FURNITURE]


def test_caption_needs_a_bare_credit_and_a_picture_description():
    body = "The reform would raise the retirement age from 62 to 65 by 2031."
    caption = "Rescuers search a collapsed house in the old town."
    text = (f"Quake hits town\nThe quake killed 12 people, officials said.\n{body}\n"
            "Photo: Protesters carry banners on Victory Avenue. (Capital Times/Ida Nord)\n"
            f"{caption}\nPhoto: Marta Ilic / Wire News\n")
    flags = {l.text: l.flag for l in flag_lines(doc(text, title="Quake hits town"))}
    assert flags[body] == STORY and flags[caption] == FURNITURE


def test_live_page_entries_between_timestamps_are_the_body():
    # A live page stamps every entry: the stamps are furniture, the entries story.
    text = ("Live: city votes on new mayor\nUpdates by A. Writer\n23:02\n"
            "The electoral commission says turnout at the close of polls was 51.6%.\n"
            "20:14\nExit poll for public radio: Yes 64%, No 36%.\n"
            "15:10\nTurnout at 15:00 was 33.8%, the commission says.\n"
            "12:20\nPolls open at 850 stations across the city.\n")
    lines = flag_lines(doc(text, title="Live: city votes on new mayor"))
    entries = [l for l in lines if l.text[0].isalpha() and l.text[0] not in "LU"]
    assert entries and all(l.flag == STORY for l in entries), [(l.text, l.flag) for l in entries]
    assert all(l.flag == FURNITURE for l in lines if l.text[0].isdigit())


def test_headlines_below_the_body_are_other_stories_even_on_its_topic():
    text = ("Wildfire burns 12,000 hectares near Sorvik\n\n"
            "A wildfire has burned 12,000 hectares of forest near Sorvik, the fire service said on Monday, "
            "and more than 12,000 people have been evacuated from villages in its path.\n"
            "Firefighters on the ridge above the town. Photo: Jan Berg\n"
            "Crews were fighting the fire on three fronts on Monday evening, the fire service said.\n"
            "More from the Agency\n"
            "Brush fire near Port Tavin burns 300 hectares, no homes lost\n"
            "Ferry strike strands 4,000 passengers on Selka island\n")
    flags = {l.text: l.flag for l in flag_lines(doc(text, title="Wildfire burns 12,000 hectares near Sorvik"))}
    assert flags["Brush fire near Port Tavin burns 300 hectares, no homes lost"] == OFF_TOPIC
    assert flags["Ferry strike strands 4,000 passengers on Selka island"] == OFF_TOPIC
    # a paragraph after a caption that splits the body is still the story
    assert flags["Crews were fighting the fire on three fronts on Monday evening, the fire service said."] == STORY
