import pytest

from factcheck.attribution import clean_source, find_attributions


@pytest.mark.parametrize(
    "text, source, position",
    [
        ("Lloyd Austin said last week that 3,000 soldiers had been sent.", "Lloyd Austin", "lead"),
        ("The coast guard said 187 people had been rescued.", "coast guard", "lead"),
        ("Nine people died, the coast guard said on Sunday, as rescuers searched for more.",
         "coast guard", "trail"),
        ("Survivor Joel Madrid, 27, said the ferry began to list.", "Joel Madrid", "lead"),
        ("U.S. Defence Secretary Lloyd Austin said that 3,000 soldiers were sent.", "Lloyd Austin", "lead"),
        ("The death toll rose to 45, officials said on Tuesday.", "officials", "trail"),
        ("At least 45 people died, said police spokesman John Smith.", "John Smith", "trail"),
        ("12,000 troops are in Russia, according to Ukrainian military intelligence.",
         "Ukrainian military intelligence", "according"),
        ("South Korea’s confirmed that by 23 October, 3,000 troops were sent.", "South Korea", "lead"),
        ("South Korean lawmakers estimate around 3,000 soldiers have been sent.",
         "South Korean lawmakers", "lead"),
        ("President Volodymyr Zelensky, referencing intelligence reports, said that Russia intends to act.",
         "Volodymyr Zelensky", "lead"),
        ("Vice Foreign Minister Kim Jong Gyu, in a statement shared by KCNA, remarked that it is legal.",
         "Kim Jong Gyu", "lead"),
        ("South Korea and Ukraine had earlier revealed that 10,000 troops were deployed.",
         "South Korea and Ukraine", "lead"),
        ("Russia to deploy troops to combat zone on Oct. 27-28, Kyiv says", "Kyiv", "trail"),
        ("“It is a breach of law,” the EU High Representative stated in a release.",
         "European Union High Representative", "trail"),
        ("“We found 12 bodies,” a rescuer told reporters.", "rescuer", "trail"),
        ("At least 45 people died, the governor told Reuters on Monday.", "governor", "trail"),
        ("Some 3,000 troops have arrived, as the Defence Ministry confirmed on Monday.",
         "Defence Ministry", "trail"),
        ("EU condemns the deployment, as China denies knowledge of it.", "China", "lead"),
        ("“We treated 610 patients,” said Dr Anya Lindqvist, the charity’s coordinator.",
         "Anya Lindqvist", "trail"),
        ("“We will appeal,” said Tom Berg, MediCorp's lawyer in the capital.", "Tom Berg", "trail"),
        ("“We will appeal,” said Tom Berg, head of the union.", "Tom Berg", "trail"),
        ("An exit poll by the Pulsar Institute had forecast 64%.", "Pulsar Institute", "lead"),
        ("Pulsar projects turnout at around 50%.", "Pulsar", "lead"),
        ("The medical charity MediAid International said a day earlier that its count exceeded 1,400.",
         "MediAid International", "lead"),
        ("The opposition Civic Alliance, which had called for a boycott, said its own count showed "
         "turnout below 40%.", "Civic Alliance", "lead"),
    ],
)
def test_attribution_forms(text, source, position):
    atts = [a for a in find_attributions(text) if not a.pronoun]
    assert (atts[-1].source, atts[-1].position) == (source, position)


def test_relay_citing_origin():
    text = "2,000 soldiers moved to Kursk, Kyodo reported, citing a Ukrainian military source."
    (att,) = find_attributions(text)
    assert att.relay == "Kyodo"
    assert att.source == "Kyodo, citing Ukrainian military source"


def test_cited_by_relay_in_according_to():
    text = "90 missiles, according to U.S. officials cited by the Wall Street Journal."
    (att,) = find_attributions(text)
    assert (att.source, att.relay) == ("U.S. officials", "Wall Street Journal")


def test_headline_source_relays_trailing_source():
    text = "Kyodo: 2,000 soldiers move to Kursk Oblast, Ukrainian military source says"
    sources = {a.source for a in find_attributions(text)}
    assert "Kyodo" in sources and "Kyodo, citing Ukrainian military source" in sources


@pytest.mark.parametrize("text", ["He said his government had information.",
                                  "“We are ready,” she added.",
                                  "The statement emphasized that this is hostile."])
def test_pronouns_and_anaphors_are_marked_for_resolution(text):
    assert any(a.pronoun for a in find_attributions(text))


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("NATO Secretary General Mark Rutte", "Mark Rutte"),
        ("Survivor Joel Madrid", "Joel Madrid"),
        ("Chinese Foreign Ministry Spokesperson Lin Jian", "Lin Jian"),
        ("the Defense Intelligence of Ukraine", "Defense Intelligence of Ukraine"),
        ("the EU", "European Union"),
        ("the Council’s statement", "Council"),
        ("US Defense Secretary Lloyd Austin and White House advisor John Kirby",
         "Lloyd Austin and John Kirby"),
    ],
)
def test_clean_source(raw, clean):
    assert clean_source(raw) == clean


@pytest.mark.parametrize("text", ["Amid reports of troops joining operations, Seoul acted.",
                                  "Putin refrained from denying the reports, which circulated.",
                                  "The state weather bureau had issued a gale warning at 4 p.m."])
def test_nouns_that_look_like_verbs_are_not_attributions(text):
    assert find_attributions(text) == []


@pytest.mark.parametrize("text, source", [
    ("The Assembly for Democratic Elections (ADE) observer mission said in its statement that "
     "the vote was calm.", "Assembly for Democratic Elections observer mission"),
    ("The observer mission of the Assembly for Democratic Elections concluded that the vote "
     "was calm.", "observer mission of the Assembly for Democratic Elections"),
])
def test_a_source_named_with_an_acronym_or_described_at_length(text, source):
    (att,) = find_attributions(text)
    assert (att.source, att.position) == (source, "lead")


@pytest.mark.parametrize("text, source", [
    ("Civic Alliance leader Tomas Ferrand: turnout was below 40%", "Tomas Ferrand"),
    ("Civic Alliance leader Tomas Ferrand: ", "Tomas Ferrand"),  # a quotation follows the colon
    ("Health Minister Grace Oduya: we have counted 1,287 cases", "Grace Oduya"),
    ("Opposition: turnout was below 40%", "Opposition"),
])
def test_a_role_and_name_before_a_headline_colon_is_the_person(text, source):
    (att,) = find_attributions(text)
    assert (att.source, att.position) == (source, "headline")


@pytest.mark.parametrize("raw, clean", [
    ("the opposition Civic Alliance", "Civic Alliance"),
    ("The medical charity MediAid International", "MediAid International"),
    ("state news agency PAP", "PAP"),
    ("the ministry Monday", "ministry Monday"),  # a day is no name
    ("the health ministry", "health ministry"),
])
def test_a_name_after_a_description_of_its_kind_is_the_name(raw, clean):
    assert clean_source(raw) == clean
