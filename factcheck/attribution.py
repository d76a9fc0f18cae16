"""Who a sentence says a claim comes from: "X said", "according to X", "X, citing Y".

Rules over a small lexicon of attribution verbs and titles: the source is the noun
phrase the verb governs, cleaned of titles ("NATO Secretary General Mark Rutte" ->
"Mark Rutte"), determiners and possessives, and relays ("Kyodo reported, citing a
Ukrainian military source") keep both the relay and the origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Speech and stance verbs that introduce what a source says; value = modality class.
SAY_VERBS = {
    "said": "reported", "says": "reported", "say": "reported", "stated": "reported",
    "states": "reported", "state": "reported", "told": "reported", "tells": "reported",
    "reported": "reported", "reports": "reported", "report": "reported", "noted": "reported",
    "notes": "reported", "added": "reported", "adds": "reported", "claimed": "reported",
    "claims": "reported", "claim": "reported", "announced": "reported", "announces": "reported",
    "warned": "reported", "warns": "reported", "estimated": "hedged", "estimates": "hedged",
    "estimate": "hedged", "revealed": "reported", "reveals": "reported",
    "indicated": "reported", "indicates": "reported", "believes": "hedged",
    "believe": "hedged", "insisted": "reported", "insists": "reported", "argued": "reported",
    "argues": "reported", "wrote": "reported", "writes": "reported", "tweeted": "reported",
    "posted": "reported", "remarked": "reported", "explained": "reported",
    "emphasized": "reported", "emphasised": "reported", "stressed": "reported",
    "stresses": "reported", "concluded": "reported", "acknowledged": "confirmed",
    "admitted": "confirmed", "alleged": "reported", "alleges": "reported",
    "suggested": "hedged", "suggests": "hedged", "predicted": "forecast", "predicts": "forecast",
    "forecast": "forecast", "expects": "forecast", "confirmed": "confirmed",
    "confirms": "confirmed", "confirm": "confirmed", "denied": "denied", "denies": "denied",
    "deny": "denied", "asserted": "reported", "maintained": "reported", "testified": "reported",
    "disclosed": "reported", "declared": "reported", "declares": "reported",
    "mentioned": "reported", "underlined": "reported", "highlighted": "reported",
    "assessed": "hedged", "assesses": "hedged", "projected": "forecast", "projects": "forecast",
    "saying": "reported", "stating": "reported", "adding": "reported", "noting": "reported",
    "telling": "reported", "warning": "reported", "claiming": "reported",
    "confirming": "confirmed", "denying": "denied", "insisting": "reported",
    "found": "reported", "finds": "reported", "showed": "reported", "shows": "reported",
    "pledged": "reported", "pledges": "reported", "promised": "reported", "promises": "reported",
    "put": "reported", "puts": "reported", "counted": "reported",
    "recorded": "reported", "registered": "reported", "repeated": "reported",
    "reiterated": "reported", "reiterates": "reported", "vowed": "reported", "vows": "reported",
    "gives": "reported", "gave": "reported",  # "The exit poll gives 'Yes' 64%"
}
# "put" attributes only as "put the figure at N" (its pattern is in `_VERB_RE`).
_PUT = (r"(?:puts?|measured|pegged|pegs)\s+(?:it|them|(?:the|its|their|his|her|our|[A-Z]\w+[’']s)\s+"
        r"(?:[\w’'-]+\s+){0,4}?(?:figure|toll|number|estimate|count|total|tally|cost|losses|turnout|"
        r"damage|crowd|quake|earthquake|size|dead|deaths|magnitude|attendance)(?:\s+(?:of|in)\s+"
        r"(?:the\s+)?[\w-]+)?)\s+at")
# "found", "counted", "recorded" attribute only after a source noun ("a poll found").
_WEAK_VERBS = {"found", "finds", "showed", "shows", "counted", "recorded", "registered", "gives",
               "gave"}
_VERB_RE = re.compile(r"\b(?:" + _PUT + "|" + "|".join(
    sorted((v for v in SAY_VERBS if v not in ("put", "puts")), key=len, reverse=True)) + r")\b")

TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "secretary-general", "general",
    "spokesperson", "spokesman", "spokeswoman", "chancellor", "senator", "sen.", "rep.",
    "representative", "ambassador", "chief", "director", "adviser", "advisor", "commander",
    "deputy", "head", "chairman", "chairwoman", "chair", "governor", "mayor", "king", "queen",
    "pope", "gen.", "lt.", "col.", "maj.", "capt.", "mr.", "mrs.", "ms.", "dr.", "prof.",
    "mr", "mrs", "ms", "dr", "prof",  # British style writes no stop
    "professor", "envoy", "lawmaker", "official", "leader", "founder", "ceo", "analyst",
    "correspondent", "editor", "reporter", "colonel", "lieutenant", "major", "captain",
    "sergeant", "admiral", "marshal", "commissioner", "inspector", "judge", "justice",
    "attorney", "prosecutor", "sheriff", "officer", "agent", "councillor", "councilor", "mp",
    "congressman", "congresswoman", "premier", "speaker", "chairperson", "coordinator",
    "counsellor", "counselor", "superintendent", "sergeant-major", "lt", "gen", "col",
}
# Well-known organisations written by acronym, named in full so one source has one name.
ACRONYMS = {"EU": "European Union", "UN": "United Nations", "U.N.": "United Nations"}
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# A definite description of a text stands for whoever issued it ("the statement said").
DOCUMENT_NOUNS = {"statement", "report", "release", "communique", "communiqué", "document", "update",
                  "letter", "announcement", "post", "study", "ministry", "spokesperson",
                  "spokesman", "spokeswoman", "agency", "office", "council", "government"}
_INSTITUTIONS = {"ministry", "office", "council", "government", "agency"}
SOURCE_NOUNS = {
    "officials", "official", "lawmakers", "intelligence", "ministry", "military", "police",
    "authorities", "spokesperson", "spokesman", "spokeswoman", "statement", "report", "sources",
    "source", "media", "agency", "government", "analysts", "experts", "witnesses", "residents",
    "army", "command", "office", "council", "committee", "officers", "diplomats", "diplomat",
    "observers", "investigators", "prosecutors", "organisers", "organizers", "estimates",
    "data", "figures", "survey", "poll", "researchers", "scientists", "doctors", "rescuers",
    "services", "service", "department", "forces", "staff", "leadership", "administration",
    "institute", "institution", "bureau", "board", "commission", "authority", "authorities",
    "union", "association", "organisation", "organization", "group", "body", "watchdog",
    "regulator", "operator", "company", "firm", "delegation", "results", "tally", "count",
    "coalition", "alliance", "party", "campaign", "campaigners", "activists", "monitor",
    "observatory", "centre", "center", "hospital", "hospitals", "officers", "paramedics",
    "firefighters", "coastguard", "prosecutor", "court", "studies", "statistics", "census",
    "broadcaster", "newspaper", "channel", "network", "spokespeople", "representatives",
    "governor", "mayor", "portal", "website", "platform", "manufacturer",
    "rescuer", "rescuers", "survivor", "survivors", "witness", "eyewitness", "eyewitnesses",
    "resident", "volunteer", "volunteers", "neighbour", "neighbor", "neighbours", "neighbors",
    "relative", "relatives", "doctor", "nurse", "nurses", "worker", "workers", "farmer",
    "student", "students", "driver", "passenger", "passengers", "man", "woman", "men", "women",
    "families", "family", "victims", "protester", "protesters", "demonstrators", "organiser",
    "organizer", "spokesperson", "scientist", "expert", "researcher", "economist", "economists",
    "bank", "fund", "regulators", "ministries", "unions", "insurer", "insurers", "airline",
    "ministers", "lawyers", "lawyer", "engineers", "teachers", "medics", "officers",
    "guard", "guards",  # "the coast guard", "the national guard"
    "opposition", "charity", "charities", "mission", "ngo", "inquiry", "panel", "tribunal",
}
# Who can be said to have "found" or "counted" something: a source, not a search party.
_FINDERS = SOURCE_NOUNS | {"poll", "survey", "study", "report", "analysis", "census", "review"}
# Lower-case words that may sit inside a source's name: particles and prepositions.
_NAME_PARTICLES = {"von", "der", "van", "de", "la", "le", "du", "da", "di", "al", "el", "bin",
                   "ben", "in", "at", "from", "on", "with", "to", "del", "dos", "das"}
_SKIP_BEFORE_VERB = re.compile(
    r"(?:\s+(?:has|have|had|also|earlier|already|previously|reportedly|later|then|again|"
    r"would|will|could|may|might|did|does|do|not|publicly|officially|separately|"
    r"further|now|recently|once|yesterday|today|both|first|initially|repeatedly|can|cannot|"
    r"must|should|shall|strongly|clearly|still|just|only|even|again))+\s*$",
    re.IGNORECASE)
_NP_STOP = re.compile(
    r"(?:^|.*(?:[;:(“”\"]|,(?!\d{3})|\s[–—-]\s|\bthat\b|\bwhile\b|\bbut\b|\bwhereas\b|\bas\b|\bwhen\b|"
    r"\bafter\b|\bbecause\b|\bif\b|\bso\b|\band\s+(?=[a-z])|\bwhich\b|\bwho\b))\s*(?P<np>(?:[^,;:]|,(?=\d{3}))*)$",
    re.DOTALL)
# "Civic Alliance leader Tomas Ferrand: ...": a role and a name before the colon is the person.
_HEADLINE_SOURCE = re.compile(
    r"^[\s\-–•*]*(?P<np>[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3}"
    r"|[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3}\s+(?:" + "|".join(
        sorted((t for t in TITLE_WORDS if t.isalpha()), key=len, reverse=True))
    + r")\s+[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,2}):(?:\s+\S|\s*$)")  # or a quote follows
# A headline or live-blog entry that opens with the data it reports: "Exit poll by the
# X Institute for TVR: Yes 64%", "Final count: 60.8% back ...", "Preliminary results: ...".
_DATA_WORDS = r"(?:poll|count|results|tally|figures)"
_DATA_MODIFIERS = r"(?:[Ee]xit|[Oo]pinion|[Ff]inal|[Pp]reliminary|[Oo]fficial|[Pp]artial|[Ll]atest|[Nn]ew)"
_DATA_HEADLINE = re.compile(
    rf"^[\s\-–•*]*(?P<np>(?:(?:{_DATA_MODIFIERS}\s+)+{_DATA_WORDS}|(?:[Pp]oll|[Ss]urvey)"
    rf"(?=\s+(?:by|from|for)\s))(?:\s+(?:by|from|for)\s+[^:\n]{{1,80}}?)?):\s+\S")
_HEADLINE_LABELS = {"photo", "related", "author", "source", "read", "watch", "update", "editor",
                    "breaking", "video", "live", "opinion", "analysis", "note", "image",
                    "listen", "share", "tags", "topics", "latest", "exclusive", "comment"}
_NP_CHARS = r"(?:(?:[A-Z]\.){2,}|[^,;:.“”\"()])"
_NP_END = r"(?=\s*(?:[,;:“”\"()]|\.(?:\s|$)|$)|\s+(?:that|which|who|on|in|at)\s)"
_ACCORDING = re.compile(rf"\b[Aa]ccording\s+to\s+(?P<np>{_NP_CHARS}+?){_NP_END}")
_CITING = re.compile(rf"\b(?:citing|quoting)\s+(?P<np>{_NP_CHARS}+?){_NP_END}")
_DATA_FROM = re.compile(
    r"(?:the\s+|a\s+|an\s+)?(?:(?:latest|official|new|preliminary|final|updated|provisional)\s+)?"
    r"(?:figures|data|estimates?|statistics|numbers|tally|count|report|reports|information|"
    r"results|survey|poll)\s+(?:from|by|of|released\s+by|published\s+by|compiled\s+by|"
    r"issued\s+by)\s+", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s+$")
_CITED_BY = re.compile(r"\s+(?:cited|quoted)\s+by\s+(?P<relay>.+)$")


_LISTENER = re.compile(r"\s+(?:(?:the|a|an|local|foreign|state)\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*){0,3}"
                       r"(?:\s+[a-z][\w’'-]*){0,2}"
                       r"(?=\s*(?:[,.!?]|$|\s+(?:in|on|at|during|last|this|earlier|later|late|"
                       r"citing)\b))")
# ', said Dr Anya Lindqvist, MediAid's emergency coordinator.': whatever follows the
# name's comma describes the speaker, whether it opens with "a", "the" or a possessive.
_INVERTED = re.compile(rf"\s+(?P<np>{_NP_CHARS}+?)(?:\s*,\s+[^“”\"]*)?"
                       rf"\s*[.!?]?\s*[”\"]?\s*$")
_INVERTING = frozenset({"said", "says", "added", "reported", "stated", "wrote"})
_WORD_RE = re.compile(r"[a-z]+")
_CUE_WORDS = frozenset(SAY_VERBS) | {"according", "citing", "quoting", "put", "puts", "measured",
                                     "pegged", "pegs"}


@dataclass(frozen=True)
class Attribution:
    """One attribution in a sentence; offsets are into the text given to `find_attributions`."""

    start: int  # where the phrase (source and verb) starts
    end: int  # where it ends
    source: str  # cleaned name: "Mark Rutte", "Ukrainian military intelligence", "he"
    verb: str  # the attribution verb as written ("said", "according to", ":")
    position: str  # lead (before what it attributes), trail (after), according, headline
    modality: str = "reported"
    relay: str | None = None  # who passed it on, for "X, citing Y" or "Y cited by X"
    pronoun: bool = False  # source is a pronoun or "the statement": resolve from context


def _is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


# Who someone is in the story, written like a title before the name ("Survivor Joel Madrid").
_DESCRIPTORS = {"survivor", "witness", "eyewitness", "resident", "passenger", "activist", "farmer",
                "teacher", "student", "nurse", "doctor", "volunteer", "shopkeeper", "fisherman",
                "driver", "worker", "mother", "father", "relative", "neighbour", "neighbor", "voter"}


@lru_cache(maxsize=4096)
def strip_title(name: str) -> str:
    """'NATO Secretary General Mark Rutte' -> 'Mark Rutte'; other names unchanged."""
    parts = [p for p in re.split(r"\s+and\s+", name)]
    if len(parts) > 1:
        stripped = [strip_title(p) for p in parts]
        if any(s != p for s, p in zip(stripped, parts)):
            return " and ".join(stripped)
        return name
    tokens = name.split()
    last = -1
    for i, tok in enumerate(tokens):
        if tok.lower().strip(",’'") in TITLE_WORDS or tok.lower() in _DESCRIPTORS:
            last = i
    rest = tokens[last + 1:]
    if last >= 0 and 1 <= len(rest) <= 4 and all(_is_capitalised(t) for t in rest) and not any(
            t.lower() in ("of", "the") for t in rest):
        return " ".join(rest)
    return name


@lru_cache(maxsize=4096)
def clean_source(np: str) -> str:
    """A noun phrase as a source name: no determiner, possessive, title or bullet.
    Cached: a document names its sources again and again."""
    s = re.sub(r"\s+", " ", np).strip(" \t\n-–—•*,;:“”\"'’")
    if not re.search(r"\b(?:[A-Z]\.)+$", s):
        s = s.rstrip(".")
    s = re.sub(r"^(?:(?:the|a|an|and|but|while|also|then|meanwhile|moreover|however|both|"
               r"neither|all)\s+)+",
               "", s, flags=re.IGNORECASE)
    s = re.sub(r"[’']s?$", "", s).strip()
    # "main trade unions", "Lutania's biggest unions": how big a body is, not who it is.
    s = re.sub(r"^(?:(?:[A-Z][\w-]*[’']s\s+)?(?:main|major|leading|biggest|largest|key|top)\s+)(?=[a-z])",
               "", s)
    # "the Council’s statement" stands for the Council.
    m = re.match(r"^(?P<owner>.+?)[’']s\s+(?:(?:latest|new|final|annual|weekly|daily|monthly|"
                 r"official|preliminary|situation|own|recent|first|second)\s+){0,2}(?P<head>[a-z]+)$", s)
    if m and m.group("head") in DOCUMENT_NOUNS and not (
            m.group("head") in _INSTITUTIONS and re.fullmatch(r"[A-Z][a-z]+", m.group("owner"))):
        s = m.group("owner")  # but "Lestria's government" is no "Lestria"
    s = re.sub(r"\s+of\s+(?:about\s+|some\s+|more\s+than\s+)?\d[\d,.]*\s+[a-z][\w\s-]*$", "", s)
    s = strip_title(s)
    described = _DESCRIBED_NAME.fullmatch(s) or _OPENING_DESCRIPTION.fullmatch(s)
    if described and described.group("name").split()[0] not in _CALENDAR_WORDS:
        s = described.group("name")  # "the opposition Civic Alliance" is the Civic Alliance
    s = " ".join(ACRONYMS.get(t, t) for t in s.split())
    return s


# A body named after a description of its kind: "opposition Civic Alliance", "medical
# charity MediAid International", "state broadcaster TVR".
_DESCRIBED_NAME = re.compile(
    r"(?:[a-z-]+\s+){0,2}(?:" + "|".join(sorted(SOURCE_NOUNS, key=len, reverse=True))
    + r")\s+(?P<name>[A-Z][\w’'.&-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][\w’'.&-]*){0,5})")
# The same opening a sentence ("Charity MediAid International said"): only nouns that do
# not begin names themselves ("Service Employees International Union", "Agency France-Presse").
_OPENING_DESCRIPTION = re.compile(
    r"(?:Charity|Opposition|Operator|Firm|Carrier|Insurer|Broadcaster|Watchdog|Regulator|NGO)\s+"
    r"(?P<name>[A-Z][\w’'.&-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][\w’'.&-]*){1,5})")
_CALENDAR_WORDS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                   "January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"}


_NP_LOWER_OK = {"of", "for", "and", "the", "a", "an", "state", "news", "military", "senior",
                "top", "local", "foreign", "defense", "defence", "health", "security", "national",
                "federal", "regional", "western", "former", "two", "several", "some", "many",
                "other", "own", "its", "his", "her", "their", "our", "congressional", "emergency",
                "rescue", "public", "civil", "independent", "anonymous", "unnamed", "official",
                "press", "general", "deputy", "chief", "high", "new", "top-level", "interior",
                "ministry", "intelligence", "border", "city", "county", "provincial", "district",
                "fire", "election", "electoral", "central", "ukrainian", "u.s.", "un", "eu"}


# Words that mark a clause, not a name: "the troops were sent" is no source.
_NOT_IN_NP = {"that", "which", "who", "were", "was", "is", "are", "be", "been", "had", "has",
              "have", "not", "no", "if", "when", "while", "because", "than", "as", "by",
              "would", "will", "could", "may", "might", "there", "it", "they", "he", "she"}


_NOT_SUBJECTS = {"Amid", "After", "Before", "During", "Despite", "Following", "Since", "With",
                 "For", "From", "Under", "Over", "In", "On", "At", "By", "As", "If", "When",
                 "While", "Although", "Because", "Responding", "According", "Without", "Among"}


# How long a source described in common words may be ("The observer mission of the
# Assembly for Democratic Elections"): longer runs are more often a clause than a name.
_MAX_DESCRIBED_WORDS = 9


def _valid_np(np: str) -> bool:
    words = np.split()
    if not words or len(words) > 14 or np.lower() in ("the", "a", "an"):
        return False
    if np.lower() in PRONOUNS:
        return True
    if words[0] in _NOT_SUBJECTS:
        return False
    lower = [w.lower().strip(".,’'") for w in words if not _is_capitalised(w)]
    has_head = any(w.lower().strip(".,’'").removesuffix("’s").removesuffix("'s") in SOURCE_NOUNS
                   or w.lower().rstrip("s") in TITLE_WORDS for w in words)
    if "%" in np or _COUNT_FIRST.match(np):
        return False  # "Only 29% said", "300 people said": a count is no source
    if any(w not in _NP_LOWER_OK and w.rstrip("s") not in SOURCE_NOUNS and w not in SOURCE_NOUNS
           and w not in TITLE_WORDS and w.rstrip("s") not in TITLE_WORDS and w not in _NAME_PARTICLES
           and not (has_head and len(words) <= _MAX_DESCRIBED_WORDS and re.sub(r"[’']s$", "", w).isalpha()
                    and not w.endswith(("ing", "ed")) and w not in _NOT_IN_NP)
           for w in lower):
        return False
    last = words[-1].strip(".,’'")
    if not _is_capitalised(last) and last.lower() not in SOURCE_NOUNS and \
            last.lower().rstrip("s") not in TITLE_WORDS and not (has_head and " of " in np):
        return False
    if any(w.lower() in _NAME_PARTICLES for w in words[:1]):
        return False
    if words[0][0].islower() and words[0].lower() not in ("the", "a", "an") and not has_head:
        return False
    return any(_is_capitalised(w) for w in words) or any(
        w.lower().strip(".,’'") in SOURCE_NOUNS or w.lower() in TITLE_WORDS for w in words)


def _is_anaphor(np: str) -> bool:
    low = np.lower()
    if low in PRONOUNS:
        return True
    words = low.split()
    return len(words) <= 3 and words[0] in ("the", "this", "that") and words[-1] in DOCUMENT_NOUNS \
        and not any(_is_capitalised(w) for w in np.split()[1:])


_COUNT_FIRST = re.compile(r"(?:(?:only|just|some|about|nearly|almost|over|more\s+than)\s+)?[\d$€£]",
                          re.IGNORECASE)
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,11}\)$")
_INNER_ACRONYM = re.compile(r"(?<=[A-Za-z])\s+\([A-Z]{2,6}\)(?=\s+[a-z])")
_AGE_AFTER = re.compile(r"(?<=[A-Za-z’'.]),\s*\d{1,3}\s*,$")


_APPOSED_NAME = re.compile(r"(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.&-]*){0,5}")
_TIME_WORD = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
              r"March|April|May|June|July|August|September|October|November|December|today|"
              r"tonight|yesterday|morning|afternoon|evening|night|noon|midnight|dawn|dusk|"
              r"\d{1,2}(?:st|nd|rd|th)?)")
# A time phrase opening the clause before its subject: "By Wednesday evening the ...".
_LEAD_ADVERBIAL = re.compile(
    rf"(?:By|On|In|At|Late|Early|Later|Earlier|Until|Since)\s+(?:(?:late|early|last|this|the)\s+)?"
    rf"{_TIME_WORD}(?:\s+{_TIME_WORD}){{0,2}},?\s+(?=(?:the\s+|a\s+)?[A-Za-z])")
# "A survey by the X Institute published last week found": the survey's author.
_SURVEY_BY = re.compile(
    r"(?i:(?:(?:a|an|the)\s+)?(?:(?:new|latest|recent|fresh|separate|exit|opinion|national|"
    r"independent|final|preliminary)\s+){0,2}(?:survey|poll|study|report|"
    r"analysis|census|review|audit)\s+(?:by|from|for|of)\s+)(?P<name>(?:the\s+)?[A-Z][\w’'.&-]*"
    r"(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*)*)(?:\s+[a-z].*)?$")


_TIME_BEFORE_VERB = re.compile(
    rf",?\s+(?:(?:late|early|earlier|later)\s+)?(?:on|by|in|at)\s+(?:(?:late|early)\s+)?{_TIME_WORD}"
    rf"(?:\s+{_TIME_WORD}){{0,2}},?\s*$|,?\s+(?:earlier|later)\s+(?:this|that|last)\s+(?:week|month)"
    rf",?\s*$|,?\s+(?:a|one|two|three|a\s+few)\s+(?:days?|weeks?|months?)\s+(?:earlier|later|ago)"
    rf",?\s*$|,?\s+(?:yesterday|today|last\s+(?:week|night|month)),?\s*$")


def _subject_before(text: str, verb_start: int) -> tuple[int, str] | None:
    """The noun phrase governing a verb at `verb_start`, as (start, raw text)."""
    found = _subject_in_window(text, verb_start)
    return None if found is None else (found[0], found[1])


_SUBJECT_WINDOW = 300  # characters searched back from a verb: a subject is a short phrase


def _subject_in_window(text: str, verb_start: int) -> tuple[int, str] | None:
    base = max(0, verb_start - _SUBJECT_WINDOW)
    found = _subject_before_in(text[base:], verb_start - base)
    if found is None:
        return None
    return found[0] + base, found[1]


def _subject_before_in(text: str, verb_start: int) -> tuple[int, str] | None:
    # "The Assembly for Democratic Elections (ADE) observer mission said": an acronym
    # inside the name is no clause boundary (blanked to keep offsets).
    left = _INNER_ACRONYM.sub(lambda m: " " * len(m.group()), text[:verb_start])
    skip = _SKIP_BEFORE_VERB.search(left)
    if skip:
        left = left[:skip.start()]
    when = _TIME_BEFORE_VERB.search(left)
    if when:  # "The police on Sunday denied ...": the time is not part of the name
        left = left[:when.start()]
        skip = _SKIP_BEFORE_VERB.search(left)
        if skip:
            left = left[:skip.start()]
    # "X’s confirmed that": an outlet's typo for "X has"; the name is X.
    left = _ACRONYM_AFTER.sub("", left.rstrip())  # "the ... Agency (NERA) said"
    left = _AGE_AFTER.sub("", left)  # "Survivor Joel Madrid, 27, said"
    if left.endswith(","):
        # ", in a statement shared by KCNA, remarked": skip the inserted phrase.
        inner_start = left.rfind(",", 0, len(left) - 1)
        if inner_start >= 0:
            inner = left[inner_start + 1:-1].strip()
            if _APPOSED_NAME.fullmatch(inner) and _valid_np(left[:inner_start].strip()):
                # "The organisers, the Common Front, put ...": the apposition names them.
                start = inner_start + 1 + (len(left[inner_start + 1:]) - len(left[inner_start + 1:].lstrip()))
                return start, inner
            if inner and (inner[0].islower() or inner.split()[0] in ("In", "On", "At")):
                left = left[:inner_start].rstrip()
        else:
            return None
    m = _NP_STOP.match(left)
    if not m:
        return None
    np = m.group("np").strip().lstrip("-–•* ")
    start = m.start("np") + (len(m.group("np")) - len(m.group("np").lstrip()))
    lead = _LEAD_ADVERBIAL.match(np)
    if lead and lead.end() < len(np):  # "By Wednesday evening the governor’s office put ..."
        np, start = np[lead.end():], start + lead.end()
    if _SURVEY_BY.match(np):  # "A survey by the X Institute published last week found ..."
        return start, np
    if not np or not _valid_np(np):
        return None
    lead = re.match(r"[-–•*\s]+", text[start:])
    if lead:
        start += lead.end()
        np = np.lstrip("-–•* ")
    return start, np


def _split_relay(np: str) -> tuple[str, str | None]:
    m = _CITED_BY.search(np)
    if m:
        return np[:m.start()], clean_source(m.group("relay"))
    return np, None


def find_attributions(text: str, words: frozenset[str] | set[str] | None = None) -> list[Attribution]:
    """Every attribution phrase in one sentence (or quote paragraph), in text order.

    `words` are the text's lower-case words if the caller has them already."""
    if words is not None and ":" not in text and _CUE_WORDS.isdisjoint(words):
        return []
    return list(_find_attributions(text))


@lru_cache(maxsize=1024)
def _find_attributions(text: str) -> tuple[Attribution, ...]:
    # Cached: a quote's speaker is looked for in sentences already read.
    if ":" not in text and _CUE_WORDS.isdisjoint(_WORD_RE.findall(text.lower())):
        return ()  # no attribution verb, "according to", "citing" or headline colon
    out: list[Attribution] = []
    citing = _CITING.search(text)
    origin = clean_source(citing.group("np")) if citing else None
    for m in _ACCORDING.finditer(text):
        np, relay = _split_relay(m.group("np"))
        data = _DATA_FROM.match(np)
        if data:  # "according to figures from the ministry": the ministry
            np = np[data.end():]
        if _valid_np(np):
            out.append(Attribution(m.start(), m.end(), clean_source(np), "according to",
                                   "according", "reported", relay))
    for m in _VERB_RE.finditer(text):
        verb = m.group()
        if _DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "the state weather bureau", "a report": a noun, not a verb
        prefix_end = text[:m.start()].rstrip()[-1:]
        # Inverted trailing form: ", said X." / ", says X".
        inv = _INVERTED.match(text, m.end()) if verb in _INVERTING and (
            prefix_end == "" or prefix_end in ",”\"") else None
        if inv and _valid_np(inv.group("np")):
            np = inv.group("np")
            out.append(Attribution(m.start(), inv.end("np"), clean_source(np), verb,
                                   "trail", SAY_VERBS[verb]))
            continue
        if verb.endswith("ing"):
            # "..., saying that ...": the sentence's subject speaks.
            if prefix_end == ",":
                out.append(Attribution(m.start(), m.end(), "", verb, "lead", SAY_VERBS[verb],
                                       pronoun=True))
            continue
        subj = _subject_before(text, m.start())
        if subj is None:
            continue
        start, np = subj
        if verb in _WEAK_VERBS and not any(w.lower().strip(".,’'") in _FINDERS for w in np.split()):
            continue
        if verb in _WEAK_VERBS and _VERB_RE.search(np):
            continue  # "X said its own count showed ...": the count is in what X said
        survey = _SURVEY_BY.match(np)
        if survey:  # the survey's author is the source
            np, start = survey.group("name"), start + survey.start("name")
        if verb.startswith(("put", "measured", "peg")):
            verb = "put"
        np, relay = _split_relay(np)
        after = text[m.end():]
        if verb in ("told", "tells"):  # ', a rescuer told reporters.': skip the listener
            listener = _LISTENER.match(after)
            if listener:
                after = after[listener.end():]
        trailing = bool(re.match(r"\s*(?:[,.!?]|\s*$|\s+(?:in|on|at|to|during|last|this|"
                                 r"earlier|later|late|citing)\b[^“\"]*$)", after)) and not \
            re.match(r"\s*(?:that|:)", after)
        before_np = text[:start].rstrip()
        # ", the ministry said." and ", as the ministry confirmed." both look back.
        position = "trail" if trailing and re.search(r"(?:[,”\"]|,\s+as)$", before_np) else "lead"
        name = clean_source(np)
        src_relay = relay
        source = name
        if origin and citing and position == "trail" and (
                citing.start() >= m.end() or start < citing.start() < m.start()):
            src_relay, source = name, f"{name}, citing {origin}"
        out.append(Attribution(start, m.end(), source, verb, position, SAY_VERBS[verb],
                               src_relay, _is_anaphor(np)))
    data_head = _DATA_HEADLINE.match(text)
    if data_head:  # "Exit poll by the X Institute for TVR: Yes 64%", "Final count: 60.8% ..."
        survey = _SURVEY_BY.match(data_head.group("np"))
        name = survey.group("name") if survey else data_head.group("np")
        out.append(Attribution(data_head.start("np"), data_head.end("np") + 1, clean_source(name),
                               ":", "headline", "reported"))
    head = _HEADLINE_SOURCE.match(text) if not data_head else None
    if head and head.group("np").lower() not in _HEADLINE_LABELS and not any(
            w.lower() in _HEADLINE_LABELS for w in head.group("np").split()):
        out.append(Attribution(head.start("np"), head.end("np") + 1, clean_source(head.group("np")),
                               ":", "headline", "reported"))
    # "Kyodo: ... , a military source says": the headline names the relay.
    heads = [a for a in out if a.position == "headline"]
    if heads:
        out = [Attribution(a.start, a.end, f"{heads[0].source}, citing {a.source}", a.verb,
                           a.position, a.modality, heads[0].source, a.pronoun)
               if a.position == "trail" and not a.pronoun and a.relay is None else a
               for a in out]
    out.sort(key=lambda a: (a.start, a.end))
    return tuple(out)


_TITLE_ALT = "|".join(re.escape(t) for t in sorted(TITLE_WORDS, key=len, reverse=True))
_LEADING_NAME = re.compile(
    rf"^[\s\-–•*]*(?:The\s+|the\s+)?(?P<np>(?:(?:[A-Z][\w.’'-]*|{_TITLE_ALT})\s+"
    rf"(?:of\s+(?:the\s+)?)?){{0,6}}[A-Z][\w.’'-]*)(?=\s+[a-z]|,\s*\d{{1,3}}\s*,|,\s+an?\s)")
# (a name then its age or an indefinite description: "Joel Madrid, 27, relived ...",
# "Joel Madrid, a 27-year-old construction worker, was sitting ...")


def leading_name(text: str) -> str | None:
    """The capitalised noun phrase a sentence opens with, as the likely subject."""
    m = _LEADING_NAME.match(text)
    if not m:
        return None
    np = m.group("np")
    if np.split()[0] in ("The", "A", "An", "He", "She", "They", "We", "I", "If", "Amid", "After",
                         "Before", "During", "Despite", "Following", "Since", "With", "For",
                         "From", "Under", "Over", "Responding", "According", "Although", "In", "On", "At", "As", "But", "And", "When", "While", "This",
                         "That", "It", "There", "Today", "Meanwhile", "Moreover", "However"):
        return None
    return clean_source(np)


def looks_like_person(name: str) -> bool:
    """A cleaned source of 2-4 capitalised words with no organisation or place words."""
    tokens = name.split()
    if not 2 <= len(tokens) <= 4 or not all(t[:1].isupper() for t in tokens):
        return False
    org = {"Ministry", "Council", "Union", "House", "Office", "Department", "Agency", "Army",
           "Forces", "Intelligence", "Nations", "Korea", "States", "Kingdom", "Republic",
           "Government", "Party", "Press", "News", "Times", "Post", "Journal", "Reuters",
           "Committee", "Commission", "Court", "Bank", "Police", "Service", "Military", "Media"}
    return not any(t.strip("’'s") in org or "’" in t or "'" in t for t in tokens)
