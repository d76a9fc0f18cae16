"""What a figure measures, read from the words next to it.

Units whose figures say nothing about what they measure: "5.8%", "€1.5bn", "300
people". For them the noun phrase next to the number ("unemployment rose to 5.8%",
"a €2.4bn aid package", "1.5 billion euros to households") tells one quantity from
another; figures that name two different things are never one quantity. A figure
dated years before its report, a rate ("500 a day") and an amount for each ("per
household") are read here too, so matching and grouping compare them as one `Measure`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from factcheck.models import NUMERIC, Claim, Document
from factcheck.normalise import STOPWORDS
from factcheck.quantities import normalise_counted

# A rate right after its figure ("500 a day", "about €1bn a year"), not "a day after".
_RATE_RE = re.compile(
    r"[^.;]{0,40}?\b(per day|a day|daily|per week|a week|weekly|per month|a month|monthly|per year|"
    r"a year|annually|each day)\b(?!\s+(?:after|before|later|earlier|ago))",
    re.I,
)
# One spelling per scope or rate marker ("initial" -> "first", "a day" -> "per day"),
# shared with the scope that `features` reads, so markers compare as equal strings.
CANONICAL_MARKERS = {"initial": "first", "another": "additional", "further": "additional",
                     "extra": "additional", "new": "additional", "a day": "per day", "daily": "per day",
                     "each day": "per day", "a week": "per week", "weekly": "per week",
                     "a month": "per month", "monthly": "per month", "a year": "per year",
                     "annually": "per year"}
CURRENCIES = {"eur": "eur", "euro": "eur", "euros": "eur", "€": "eur", "usd": "usd", "dollar": "usd",
              "dollars": "usd", "$": "usd", "gbp": "gbp", "pound": "gbp", "pounds": "gbp",
              "sterling": "gbp", "£": "gbp", "jpy": "jpy", "yen": "jpy", "¥": "jpy", "yuan": "cny",
              "renminbi": "cny", "rupee": "inr", "rupees": "inr", "franc": "chf", "francs": "chf",
              "rouble": "rub", "roubles": "rub", "ruble": "rub", "rubles": "rub", "won": "krw",
              "hryvnia": "uah", "hryvnias": "uah", "cent": "cent", "cents": "cent"}
MONEY_UNITS = frozenset(CURRENCIES.values())  # the units of sums of money
# Lengths say as little as a percentage about what they measure: "four metres high" is a
# wave's height, "30 metres of water" the depth of a wreck.
LENGTH_UNITS = frozenset({"metre", "metres", "meter", "meters", "kilometre", "kilometres", "kilometer",
                          "kilometers", "km", "mile", "miles", "foot", "feet", "centimetre",
                          "centimetres", "cm"})
MEASURED_UNITS = frozenset({"percent", "percentage points", "people", ""}) | frozenset(CURRENCIES.values()) \
    | LENGTH_UNITS
_SCALE_WORDS = frozenset("""thousand thousands million millions billion billions trillion bn m mn k
tn per cent percent pct % - dozen hundred""".split())
# Verbs and links between a measured noun and its figure: skipped before the
# noun, and they end it ("unemployment rose to", "put the figure at").
_LINK_WORDS = frozenset("""
rose risen rise rises rising fell fallen fall falls falling climbed climb climbs reached reach
reaches hit hits stood stand stands put puts set sets left leave kept keep keeps unchanged
raise raised lift lifted cut cuts increased increase decreased decline declined dropped drop
jumped grew grow expected expects expect estimated estimate estimates warned warns warn
forecast forecasts projected predicted totalled totaled amounted worth reported said says
announced unveiled pledged promised spend spends spent go goes went get gets got receive
up down next last mostly still far above below well just even
receives received allocated earmarked aside stands now nearly almost roughly around
pass passes passed passing top tops topped exceed exceeds exceeded surpass surpassed near nears
neared remain remains remained show shows showed shown insist insists insisted come comes came
project projects projected clear clears cleared double doubled twice triple tripled
accounted account accounts represented represent represents made make makes fewer
""".split())
# Adverbs ("comfortably above", "sharply higher") say how, never what is measured; read
# on words longer than ADVERB_MIN_CHARS ("rally", "tally" are nouns).
ADVERB_MIN_CHARS = 6
_ADVERB_ENDINGS = ("ably", "ibly", "ally", "ously", "ively", "ently", "antly", "edly", "ingly")
# Words that name no particular measure on their own ("the figure", "the total").
_WEAK_WORDS = frozenset("""figure number total amount sum level rate share tally count
estimate size value worth one-off biggest largest smallest new latest overall annual
high tall deep long wide away own
""".split())
# General synonyms of measured things, so reports worded differently still meet.
_MEASURE_SYNONYMS = {"jobless": "unemployment", "unemployed": "unemployment",
                     "joblessness": "unemployment", "business": "firm", "company": "firm",
                     "enterprise": "firm", "turnout": "crowd", "attendance": "crowd",
                     "protester": "crowd", "demonstrator": "crowd", "marcher": "crowd",
                     "cpi": "inflation"}
# What happened to counted people: the kind of count ("45,000 people were living in
# tents" is not "2,600 people were treated for injuries").
_PEOPLE_KINDS = (
    ("crowd", re.compile(r"\b(?:march\w*|rall(?:y|ied|ies|ying)|protest\w*|demonstrat\w*|took part|"
                         r"take part|taking part|turned out|took to the streets|gather\w*|joined|"
                         r"attend\w*|crowd|turnout)\b", re.I)),
    ("displaced", re.compile(r"\b(?:displaced|homeless|evacuat\w*|fled|shelter\w*|living in tents|"
                             r"in tents|relief camps?)\b", re.I)),
    ("injured", re.compile(r"\b(?:injur\w*|wounded|hurt|treated|hospitali[sz]ed)\b", re.I)),
    ("trapped", re.compile(r"\b(?:trapped|buried|under the rubble|unaccounted)\b", re.I)),
    ("deaths", re.compile(r"\b(?:killed|died|dead|death|perished)\b", re.I)),
    ("affected", re.compile(r"\b(?:affected|without power|without water|lack\w* access)\b", re.I)),
    ("passenger", re.compile(r"\b(?:aboard|on board|onboard)\b", re.I)),
)
# Counted classes of their own. People on board a vessel are its passengers as reports
# count them ("300 aboard", "300 people on board", "300 passengers").
_COUNTED_KINDS = frozenset({"displaced", "injured", "deaths", "passenger"})
_COUNTED_ALIASES = {"aboard": "passenger", "onboard": "passenger"}
_TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*|[%€$£¥]|[^\w\s]")
_NUMBER_WORDS = frozenset("""a an one two three four five six seven eight nine ten eleven twelve
dozen dozens hundred hundreds thousand thousands million millions billion billions tens scores
some about around over nearly almost more than less fewer at least up to roughly""".split())
_PRONOUNS = frozenset({"it", "they", "them", "which"})
_REPORTING = frozenset("""said says say claimed claims claim told tells reported reports estimated
estimates counted counts""".split())
# Words of time: never a measured thing, and never a place (`features.place_of`).
CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december today yesterday
year years month months week weeks day days night weekend morning afternoon evening
""".split())
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Words saying a figure is a limit set for a quantity (a capacity, a threshold, a target),
# not how much of it there was: "its licensed capacity of 250 passengers", "the 50%
# threshold", "must reach 50%", "aims to reach 480,000 people".
_LIMIT_RE = re.compile(r"\b(?:capacity|capacities|licen[cs]ed|certified|permitted|allowed|limit|limits|"
                       r"maximum|threshold|benchmark|target|targets|quota|required|requires|require|"
                       r"needed|must|aims?|goal)\b", re.I)
LIMIT_WORDS = 4  # words read on each side of a figure for a limit word
HISTORICAL_YEARS = 2  # a figure dated this many years before its report is another event's
CONTEXT_CHARS = 160  # characters of the sentence read on each side of a number


def _stem(word: str) -> str:
    w = word.lower().strip("'’-").removesuffix("'s").removesuffix("’s")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return _MEASURE_SYNONYMS.get(w, _MEASURE_SYNONYMS.get(word.lower(), w))


# Stems that name no measure on their own: set aside wherever measured words are compared.
WEAK_MEASURES = frozenset(_stem(w) for w in _WEAK_WORDS)


def _is_name(token: str) -> bool:
    return token[:1].isupper()


def _content(token: str) -> bool:
    low = token.lower()
    return (token[:1].isalpha() and len(low) > 1 and low not in STOPWORDS and low not in _LINK_WORDS
            and low not in CALENDAR_WORDS and low not in _SCALE_WORDS and low not in CURRENCIES
            and low not in LENGTH_UNITS
            and not (len(low) > ADVERB_MIN_CHARS and low.endswith(_ADVERB_ENDINGS)))


@dataclass(frozen=True)
class Measure:
    """What a figure measures, read from the words next to it."""

    unit: str | None  # counted class, currency code, "percent", "" for a bare figure
    words: frozenset[str]  # stems of the measured noun phrase; empty when unsaid
    per: str | None = None  # "per household": an amount for each, not a total
    anaphoric: bool = False  # "put the figure at", "expects it to hit": refers back
    year: str | None = None  # an earlier year the figure belongs to (another event)
    rate: str | None = None  # "per day", "per year": a rate, not a stock
    limit: bool = False  # a capacity, threshold or target ("licensed to carry 250"), not a count
    operator: str | None = None  # who runs the things counted ("MediAid has opened three centres")


def _context(claim: Claim, documents: Mapping[str, Document]) -> tuple[str, int]:
    """The claim's sentence around it and where the claim starts in it."""
    doc = documents.get(claim.document_id)
    text = doc.text if doc is not None else ""
    if not text or text[claim.start:claim.end] != claim.text:
        return claim.text, 0
    lo = max(0, claim.start - CONTEXT_CHARS)
    head = text[lo:claim.start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("? "), head.rfind("! "))
    if cut >= 0:
        lo += cut + 1
    hi = min(len(text), claim.end + CONTEXT_CHARS)
    tail = text[claim.end:hi]
    stop = min((k for k in (tail.find(". "), tail.find("\n")) if k >= 0), default=-1)
    if stop >= 0:
        hi = claim.end + stop
    return text[lo:hi], claim.start - lo


def _number_span(claim: Claim, text: str, offset: int) -> tuple[int, int] | None:
    """Where the claim's own figure is in `text` (first match of its value)."""
    from factcheck.quantities import find_quantities

    own = text[offset:offset + len(claim.text)]
    found = find_quantities(own)
    if not found:
        return None
    target = (claim.value, claim.low, claim.high)

    def rank(q) -> tuple[int, int]:
        same = (q.value, q.low, q.high) == target
        near = q.value is not None and claim.value is not None and q.value == claim.value
        return (0 if same else 1 if near else 2 if q.counted == claim.counted else 3, q.start)

    best = min(found, key=rank)
    return offset + best.number_start, offset + best.end


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


_CLAUSE_OPENERS = frozenset({"as", "after", "before", "while", "when", "because", "since", "but", "and",
                             "although", "though", "whereas", "until"})


def _phrase_after(tokens: Sequence[str], unit: str | None) -> tuple[list[str], str | None]:
    """The head noun after a figure and its units ("aid package"), or the thing it
    goes to ("to small firms"), or what a share of people do ("of voters oppose")."""
    k = 0
    while k < len(tokens) and (tokens[k][:1].isdigit() or tokens[k].lower() in _NUMBER_WORDS
                               or tokens[k].lower() in _SCALE_WORDS or tokens[k].lower() in CURRENCIES
                               or tokens[k].lower() in LENGTH_UNITS
                               or tokens[k] in "%€$£¥-"):
        if tokens[k].lower() == "per" and (k + 1 >= len(tokens) or tokens[k + 1].lower() != "cent"):
            break  # "per household", not "per cent"
        k += 1
    head: list[str] = []
    per = None
    j = k
    while j < len(tokens) and len(head) < 3 and _content(tokens[j]):
        head.append(tokens[j])
        j += 1
    if j + 1 < len(tokens) and tokens[j].lower() in {"per", "each", "every"} and tokens[j + 1][:1].isalpha():
        per = _stem(tokens[j + 1])
    if head or j >= len(tokens):
        return head, per
    nxt = tokens[j].lower()
    if nxt == "of" or (unit in CURRENCIES.values() or not unit) and nxt in {"to", "for", "on", "towards"}:
        pass
    elif unit in CURRENCIES.values() or not unit:
        # "1.5 billion euros would go to households": the thing the money goes to.
        for a in range(j, min(len(tokens), j + 5)):
            if tokens[a].lower() in {"to", "for", "on", "towards"}:
                j = a
                break
            if not tokens[a][:1].isalpha() or tokens[a].lower() in _CLAUSE_OPENERS:
                return head, per  # "near 1,500 as outbreak spreads to ...": another clause
        else:
            return head, per
    elif unit == "percent" and nxt in {"said", "say", "says"}:
        j += 1
        if j < len(tokens) and tokens[j].lower() in {"they", "that"}:
            j += 1
        if j < len(tokens) and _content(tokens[j]) and not _is_name(tokens[j]):
            return [tokens[j]], per
        return head, per
    else:
        return head, per
    j += 1
    while j < len(tokens) and (tokens[j].lower() in {"the", "a", "an", "its", "their", "all"}
                               or (_is_name(tokens[j]) and unit == "percent")):
        j += 1
    while j < len(tokens) and len(head) < 3 and _content(tokens[j]) and not (
            _is_name(tokens[j]) and head):
        head.append(tokens[j])
        j += 1
    return head, per


SHARE_OF = "of "  # prefix of the words of a whole a percentage is a share of


def _share_of(tokens: Sequence[str]) -> bool:
    """The figure's unit words are followed by "of": "22% of suspected cases"."""
    k = 0
    while k < len(tokens) and (tokens[k][:1].isdigit() or tokens[k].lower() in _SCALE_WORDS
                               or tokens[k] in "%,."):
        k += 1
    return k < len(tokens) and tokens[k].lower() == "of"


_SCOPE_PREPOSITIONS = frozenset({"in", "at", "among", "across", "during", "for"})
OF_CHAIN = 2  # "of" phrases read past to a scope's preposition ("at the close of polls")


def _phrase_before(tokens: Sequence[str]) -> tuple[list[str], bool]:
    """The noun phrase a figure is linked to ("unemployment rose to", "the size of the
    crowd at"), read backwards; (words, whether a pronoun stands for it)."""
    k = len(tokens) - 1
    skipped = 0
    while k >= 0 and skipped < 10 and not _content(tokens[k]):
        low = tokens[k].lower()
        if low in _PRONOUNS or low in _REPORTING:
            return [], True  # "it", or a speaker: "the organisers said 100,000"
        if tokens[k] in {",", ";", ":", "(", ")"} and skipped == 0:
            pass
        elif tokens[k] in {";", ":", "(", ")", "—", "–"}:
            return [], False
        k -= 1
        skipped += 1
    # Names (places, people) are no measure: skip them before the noun, stop after it.
    while k >= 0 and _is_name(tokens[k]) and k > 0 and skipped < 10:
        k -= 1
        skipped += 1
        while k >= 0 and not _content(tokens[k]) and tokens[k].lower() in STOPWORDS:
            k -= 1
    words: list[str] = []
    while k >= 0 and len(words) < 3 and _content(tokens[k]) and not (_is_name(tokens[k]) and k > 0) \
            and tokens[k].lower() not in _SCOPE_PREPOSITIONS:
        words.append(tokens[k])
        k -= 1
    # "turnout in Sunday's referendum was 52%", "unemployment among the young rose to":
    # a phrase after a preposition says where or of whom; the noun before it is measured.
    j = k
    while j >= 0 and (tokens[j].lower() in {"the", "a", "an", "this", "last", "its", "their"}
                      or _is_name(tokens[j]) and j > 0):
        j -= 1
    phrase = words[::-1]
    # "turnout at the close of polls was 51.6%": a chain of "of" phrases ends at the
    # preposition that opens the scope; the noun before that is measured.
    chain = j
    for _ in range(OF_CHAIN):
        if not (chain > 1 and tokens[chain].lower() == "of" and _content(tokens[chain - 1])
                and not _is_name(tokens[chain - 1])):
            break
        chain -= 2
        while chain >= 0 and tokens[chain].lower() in {"the", "a", "an", "this", "its", "their"}:
            chain -= 1
        if chain > 0 and tokens[chain].lower() in _SCOPE_PREPOSITIONS:
            j = chain
            break
    if phrase and j > 0 and tokens[j].lower() in _SCOPE_PREPOSITIONS and _content(tokens[j - 1]) \
            and not _is_name(tokens[j - 1]):
        phrase.insert(0, tokens[j - 1])
    return phrase, False


BALLOT = "vote "  # prefix of the word naming the ballot option a share was cast for
# A ballot option named next to a share of the vote: a quoted word ('61.4% voted "Yes"',
# 'gives "No" 36%', 'the "Leave" side won 52%'), a bare Yes/No against the figure ('Yes
# 64%'), or a verb of backing or opposing ('61.4% of voters backed', '38.6% voted
# against'). A comma, "and", a clause end or another figure stands between two figures'
# options, so '"Yes" 64% and "No" 36%' gives each its own.
_OPTION_TOKEN_RE = re.compile(r"[“\"‘'][^“”\"‘’'\d]{1,30}[”\"’'](?!\w)|[\w’'-]+|[^\w\s]")
_OPTION_QUOTED_RE = re.compile(r"^[“\"‘']([A-Z][\w-]*(?: [\w-]+)?)[”\"’']$")
_OPTION_YES = frozenset("""backed back backs approved approve approves supports supported endorsed
endorse endorses""".split())
_OPTION_NO = frozenset("rejected reject rejects opposed oppose opposes".split())
_VOTE_VERBS = frozenset({"vote", "voted", "votes", "voting"})
_OPTION_STOPS = frozenset({",", ";", ":", ".", "(", ")", "—", "–", "and", "while", "but", "whereas"})
OPTION_WORDS_BEFORE = 7  # words read back from a share ("backed a seven-year term with 61.4%")
OPTION_WORDS_AFTER = 4  # words read on after it ("61.4% of voters backed", '60.8% voting "Yes"')


def _option_of(token: str, adjacent: bool, following: str | None, preceding: str | None) -> str | None:
    """The option one word names, given its neighbours in reading order."""
    quoted = _OPTION_QUOTED_RE.match(token)
    if quoted:
        return quoted.group(1).lower()
    low = token.lower()
    if adjacent and token in {"Yes", "No", "YES", "NO"}:  # "Yes 64%", not "No more than 40%"
        return low
    if low in _OPTION_YES:
        return "yes"
    if low in _OPTION_NO:
        return "no"
    after_vote = (preceding or "").lower() in _VOTE_VERBS
    if low == "against" and (after_vote or following is None or following.lower() in _OPTION_STOPS):
        return "no"  # "voted against", "39% against", not "gained 0.4% against the euro"
    if low == "for" and after_vote or low in {"favour", "favor"} and (preceding or "").lower() == "in":
        return "yes"
    return None


def ballot_option(text: str, span: tuple[int, int]) -> str | None:
    """The ballot option a share of the vote counts, read next to its figure, or None."""
    def walk(tokens: Sequence[str], limit: int, backwards: bool) -> str | None:
        """Read `tokens` (in reading order) outward from the figure, `limit` words at most."""
        steps = range(len(tokens) - 1, max(-1, len(tokens) - 1 - limit), -1) if backwards \
            else range(min(limit, len(tokens)))
        for step, k in enumerate(steps):
            token = tokens[k]
            if token[:1].isdigit() or token.lower() in _OPTION_STOPS:
                return None
            option = _option_of(token, step == 0, tokens[k + 1] if k + 1 < len(tokens) else None,
                                tokens[k - 1] if k else None)
            if option:
                return option
        return None

    after = _OPTION_TOKEN_RE.findall(text[span[1]:span[1] + 80])
    k = 0
    while k < len(after) and (after[k].lower() in _SCALE_WORDS or after[k] == "%"):
        k += 1
    before = _OPTION_TOKEN_RE.findall(text[max(0, span[0] - 100):span[0]])
    return walk(after[k:], OPTION_WORDS_AFTER, False) or walk(before, OPTION_WORDS_BEFORE, True)


def _is_limit(text: str, span: tuple[int, int]) -> bool:
    """A limit word within LIMIT_WORDS words of the figure, on its side of any other figure
    or comma ("238 passengers, fewer than its licensed capacity of 250": 238 is no limit)."""
    before = re.split(r"[,;:]|\d", text[max(0, span[0] - 80):span[0]])[-1].split()[-LIMIT_WORDS:]
    tail = text[span[1]:span[1] + 80]
    cut = re.search(r"[,;:]|\d", tail)
    after = (tail[:cut.start()] if cut else tail).split()[:LIMIT_WORDS]
    return bool(_LIMIT_RE.search(" ".join(before + after)))


_NUMBER_OF_RE = re.compile(r"\bnumbers? of\s+((?:[\w'’-]+\s+){0,4})", re.I)
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "police", "staff"})
# A clause's start before a figure: what is read before it stays in its clause.
_CLAUSE_BREAK_RE = re.compile(r"[.;:!?]\s|\d")


def _plural_noun(word: str) -> bool:
    low = word.lower()
    return low in _IRREGULAR_PLURALS or (
        len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")) and _content(word))


def _clause_before(text: str, start: int) -> str:
    """The words of the figure's clause before it, from its last break or figure."""
    head = text[max(0, start - CONTEXT_CHARS):start]
    return _CLAUSE_BREAK_RE.split(head)[-1]


def _number_of(clause: str) -> tuple[str, str] | None:
    """("suspected", "case") for "the number of suspected cholera cases in ... rose to":
    the word after "number of" and the counted noun the phrase is headed by."""
    found = None
    for found in _NUMBER_OF_RE.finditer(clause):
        pass
    if found is None:
        return None
    words = found.group(1).split()
    for w in words:
        if w.lower() in STOPWORDS or w.lower() in _LINK_WORDS:
            break
        if _plural_noun(w):
            return words[0].lower(), normalise_counted(w)
    return None


# Who runs the things a figure counts, named as the subject of a verb of running them
# ("The ministry has opened 12 treatment centres", "MediAid, which runs three centres"):
# one body's centres, clinics or camps are not another's, whoever reports them.
_OPERATOR_RE = re.compile(
    r"(?:(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)|\b(?P<noun>[a-z][\w’'-]*))"
    r"(?:,?\s+(?:which|who|that))?\s+"
    r"(?:(?:has|have|had|now|also|already|currently|so far|itself|jointly)\s+)*"
    r"(?:opened|opens|runs|run|operates|operate|operated|manages|managed|owns|owned|built|"
    r"set up|sets up|established|staffs|staffed)\s+"
    r"(?:(?:a|an|the|its|their|some|about|around|nearly|almost|over|more than|at least)\s+)*$")
_NO_OPERATORS = frozenset({"it", "they", "we", "he", "she", "i", "you", "which", "who", "that"})


def _operator(clause: str) -> str | None:
    m = _OPERATOR_RE.search(clause)
    if m is None:
        return None
    # A body is known by the first word of its name ("MediAid International" is MediAid's),
    # a common noun by itself ("the ministry").
    words = [w for w in (m.group("name") or m.group("noun")).split() if w.lower() not in {"the", "a", "an"}]
    who = words[0].lower().replace("’", "'").removesuffix("'s") if words else ""
    return None if not who or who in _NO_OPERATORS or who in STOPWORDS else who


# Taking part in a vote, said of a share of the electorate: its turnout.
_TAKE_PART_RE = re.compile(r"\b(?:(?:go|goes|went|gone|going) to the polls|(?:take|takes|took|taken|taking) part|"
                           r"turn(?:s|ed)? out|(?:cast|casting) (?:a|their) (?:ballots?|votes?))\b", re.I)
# A verb standing for the one of the clause before ("... to take part; 52.3% did").
_ELIDED_RE = re.compile(r"\s*(?:did|do|does|had|have|has)\s*(?:so\s*)?(?:[.;,)]|$)", re.I)
_VOTERS_RE = re.compile(r"\b(?:voters?|electorate|electors?|eligible|registered)\b", re.I)


def _takes_part(text: str, span: tuple[int, int]) -> bool:
    """A share said to take part in a vote: of voters whose verb after the figure is
    taking part, or with an elided verb whose clause before is about taking part."""
    rest = re.split(r"[,;:.—–(]", text[span[1]:], maxsplit=1)[0]
    if _ELIDED_RE.match(text, span[1]):
        before = re.split(r"[.;:!?]\s", text[:span[0]])
        earlier = before[-2] if len(before) > 1 else ""
        return bool(_TAKE_PART_RE.search(earlier) and _VOTERS_RE.search(earlier))
    return bool(_TAKE_PART_RE.search(rest) and _VOTERS_RE.search(rest))


ACT = "act "  # prefix of the word naming what was done to the things counted
# What is done to things handed in (complaints, appeals, applications, claims): those
# one side filed and those the other received are two counts, however each reports its
# own ("filed more than 200 complaints", "received 212 complaints"). Those decided
# ("upheld 9") are left to status, which reads a smaller figure of one source beside a
# larger one in a sentence as a part.
_HANDLING = (
    ("filed", re.compile(r"\b(?:filed|lodged|submitted|brought)\b", re.I)),
    ("received", re.compile(r"\b(?:received|registered|reviewed|examined|processed|logged)\b", re.I)),
)
HANDLING_WORDS = 4  # words read back from a figure for the verb acting on what it counts
_HANDLING_AMOUNT = frozenset("""more fewer less than over nearly almost about around some at least only
just a total of the up to roughly""".split())
_HANDLING_GAP_RE = re.compile(r"^(?:(?:more|fewer|less|than|over|nearly|almost|about|around|some|at|least|"
                              r"only|just|a|total|of|the|had|has|have|been|so|far|already|now)\s+)*$", re.I)


def _handling(text: str, span: tuple[int, int]) -> str | None:
    """The verb acting on the counted things right before their figure ("had received
    212 complaints", "filed more than 200"), read through only words of amount."""
    words = re.findall(r"[\w’'-]+", text[max(0, span[0] - 60):span[0]])[-HANDLING_WORDS:]
    for k in range(len(words) - 1, -1, -1):
        for act, verb in _HANDLING:
            gap = " ".join(words[k + 1:])
            if verb.fullmatch(words[k]) and (not gap or _HANDLING_GAP_RE.match(gap + " ")):
                return act
    return None


# What happened to the people a figure counts, said by the verb governing it: a
# participle right before it ("killing four workers", "injuring dozens", "forcing 12,200
# people from their homes") or the verb right after its noun ("Four workers were killed",
# "Seven firefighters have been treated for burns"). Only these adjacent verbs are read,
# so "32 workers were on site" beside a sentence about the dead stays a count of workers.
_FATE_BEFORE = (
    ("deaths", re.compile(r"(?:killing|killed|leaving)", re.I)),
    ("injured", re.compile(r"(?:injuring|wounding|hurting)", re.I)),
    ("displaced", re.compile(r"(?:forcing|forced|evacuating|evacuated|displacing|displaced)", re.I)),
)
_FATE_AFTER = (
    ("deaths", re.compile(r"(?:killed|died|dead|perished|die)", re.I)),
    ("injured", re.compile(r"(?:injured|wounded|hurt|treated|hospitali[sz]ed)", re.I)),
    ("displaced", re.compile(r"(?:evacuated|displaced|fled|flee|forced|relocated)", re.I)),
)
# Words between a counted noun and the verb saying what befell it ("are now known to
# have died", "had been treated").
_FATE_GAP = frozenset("""were was are is have has had been being be now all later since reportedly
known believed feared thought confirmed said reported to so far already also""".split())
FATE_NOUN_WORDS = 3  # words after a figure searched for its counted noun ("four young workers")


def _fate(text: str, span: tuple[int, int], counted: str | None) -> str | None:
    """What the verb adjacent to a figure says befell the people it counts, if anything."""
    before = re.findall(r"[\w’'-]+|[,;:]", text[max(0, span[0] - 60):span[0]])
    while before and before[-1].lower() in _HANDLING_AMOUNT:
        before.pop()
    if before:
        for kind, verb in _FATE_BEFORE:
            if verb.fullmatch(before[-1]):
                return kind
    after = re.findall(r"[\w’'-]+|[,;:()]", text[span[1]:span[1] + 80])
    start = 0
    stem = _stem(counted or "")
    for k, word in enumerate(after[:FATE_NOUN_WORDS]):
        if stem and _stem(word) == stem:
            start = k + 1
            break
    for word in after[start:]:
        if word.lower() in _FATE_GAP:
            continue
        return next((kind for kind, verb in _FATE_AFTER if verb.fullmatch(word)), None)
    return None


def _whom(text: str, span: tuple[int, int]) -> str | None:
    """The people a figure counts, named right after it ("12 police officers", "30
    protesters"); None for plain people or when no noun follows."""
    noun = None
    words = re.findall(r"[\w’'-]+|[^\w\s]", text[span[0]:span[1] + 60])
    while words and (words[0][0].isdigit() or words[0].lower() in _NUMBER_WORDS):
        words.pop(0)
    for word in words[:FATE_NOUN_WORDS]:
        if word.lower() in _FATE_GAP or not _content(word):
            break
        if _plural_noun(word):
            noun = word.lower()
    return None if noun in {None, "people", "persons"} else noun


def claim_measure(claim: Claim, documents: Mapping[str, Document]) -> Measure:
    """What a numeric claim measures: unit, measured words, per-unit, earlier year and
    whether it is a limit."""
    text, offset = _context(claim, documents)
    span = _number_span(claim, text, offset) if claim.kind == NUMERIC else None
    found = _claim_measure(claim, documents, text, offset, span)
    if span:
        found = replace(found, limit=_is_limit(text, span) or found.limit,
                        operator=_operator(_clause_before(text, span[0])))
    return found


def _claim_measure(claim: Claim, documents: Mapping[str, Document], text: str, offset: int,
                   span: tuple[int, int] | None) -> Measure:
    counted = _COUNTED_ALIASES.get(claim.counted or "", claim.counted)
    before_clause = _clause_before(text, span[0]) if span else ""
    number_of = _number_of(before_clause)
    if number_of and counted in {None, "", number_of[0]}:
        # "The number of suspected cholera cases ... rose to 842" counts cases, not
        # "suspected": the phrase's head noun, not its first word, is what is counted.
        counted = number_of[1]
    unit = counted
    near = text[span[0] - 2:span[1]] if span else claim.text
    near_tokens = _tokens(near)
    money = next((CURRENCIES[t.lower()] for k, t in enumerate(near_tokens)
                  if t.lower() in CURRENCIES and not (k and near_tokens[k - 1].lower() == "per")), None)
    rate = _RATE_RE.match(text, span[1]) if span else None
    if money and (counted is None or counted not in CURRENCIES.values()):
        unit = money
    elif counted in CURRENCIES:
        unit = CURRENCIES[counted]
    year = None
    doc = documents.get(claim.document_id)
    published = (doc.published or "")[:4] if doc else ""
    if published.isdigit():
        before = text[:span[0]] if span else text[:offset]
        years = [y for y in (*_YEAR_RE.findall(before), (claim.as_of or "")[:4]) if y.isdigit()]
        old = [y for y in years if int(y) <= int(published) - HISTORICAL_YEARS]
        year = old[-1] if old else None
    if rate:
        word = rate.group(1).lower()
        rate_word = CANONICAL_MARKERS.get(word, word)
    else:
        rate_word = None
    fate = _fate(text, span, counted) if span and unit not in MONEY_UNITS | LENGTH_UNITS | {"percent"} else None
    if fate in _COUNTED_KINDS and unit is not None and (unit not in _COUNTED_KINDS or unit == fate):
        # "Four workers were killed" counts the dead, as "four killed" does; "32 workers
        # were on site" still counts workers. Whom it counts stays a measured word, so
        # injured officers and injured protesters are two counts.
        whom = _whom(text, span)
        return Measure(fate, frozenset({_stem(whom)}) if whom else frozenset(), None, False, year, rate_word)
    if unit not in MEASURED_UNITS and unit is not None:
        act = _handling(text, span) if span else None
        return Measure(unit, frozenset({ACT + act} if act else ()), None, False, year, rate_word)
    if span is None:
        return Measure(unit if unit else None, frozenset(), None, False, year, rate_word)
    tail = _tokens(text[span[0]:])
    after, per = _phrase_after(tail, unit)
    pronoun = False
    words = after
    if words and not {_stem(w) for w in words} - WEAK_MEASURES:
        # "Invalid ballots accounted for 1.9% of the total": the words after say only
        # that it is a share; the thing measured is named before.
        before, _ = _phrase_before(_tokens(text[:span[0]]))
        words = before if {_stem(w) for w in before} - WEAK_MEASURES else words
    if not words:
        words, pronoun = _phrase_before(_tokens(text[:span[0]]))
        if not unit and words and _plural_noun(words[-1]) and not pronoun:
            # "Cholera cases in Kilawe pass 800": a bare figure counts the plural noun
            # it is linked to, as "800 cholera cases" does.
            unit = normalise_counted(words[-1])
            if unit not in MEASURED_UNITS:
                return Measure(unit, frozenset(), per, False, year, rate_word)
    if unit == "people":
        clause = text[span[0]:span[1] + 80]
        kinds = [k for k, cue in _PEOPLE_KINDS if cue.search(clause)]
        if not kinds:
            # "The number of people confirmed dead ... rose to 24": what happened to them
            # is said before the figure.
            kinds = [k for k, cue in _PEOPLE_KINDS if cue.search(before_clause)]
        if kinds and kinds[0] in _COUNTED_KINDS:  # "people were treated for injuries": the injured
            return Measure(kinds[0], frozenset(), per, False, year, rate_word)
        return Measure(unit, frozenset(kinds[:1]), per, False, year, rate_word)
    stems = frozenset(_stem(w) for w in words)
    option = ballot_option(text, span) if unit in {"percent", ""} else None
    if option:
        # Which option a share was cast for is what it measures: "Yes" and "No" shares are
        # two quantities, and neither is the turnout. The words around it ("voted",
        # "of voters backed") only say that it is a share of the vote, as "36% of the
        # vote" says without naming the option.
        return Measure(unit, frozenset({BALLOT + option, SHARE_OF + "vote"}), per, False, year, rate_word)
    if unit == "percent" and _takes_part(text, span):
        # "fewer than four in ten voters went to the polls", "the commission says 52.3%
        # did" (take part): the share of the electorate that took part is the turnout.
        return Measure(unit, frozenset({"crowd"}), per, False, year, rate_word)
    if unit == "percent" and words and words is after and _share_of(tail):
        # "22% of suspected cases" is a share of the cases, not a rate of cases: the
        # whole it divides is named, so it meets only shares of that whole.
        stems = frozenset(SHARE_OF + s for s in stems - WEAK_MEASURES) or stems
    if not unit and stems & {"crowd"}:
        unit = "people"
        stems = frozenset({"crowd"})
    strong = stems - WEAK_MEASURES
    return Measure(unit if unit is not None else "", stems, per, pronoun or (not strong and not unit),
                   year, rate_word)


def measures_differ(a: Measure, b: Measure) -> bool:
    """Two figures name different measured things ("unemployment" / "inflation")."""
    if (a.per or None) != (b.per or None):
        if not (a.words - WEAK_MEASURES) & (b.words - WEAK_MEASURES):
            return True
    sa, sb = a.words - WEAK_MEASURES, b.words - WEAK_MEASURES
    if ballot_options(sa) and ballot_options(sb) and ballot_options(sa) != ballot_options(sb):
        return True  # "Yes" and "No" are both shares of the vote, of two options
    return bool(sa and sb and not sa & sb)


def ballot_options(words: frozenset[str]) -> frozenset[str]:
    """The measured words that name a ballot option."""
    return frozenset(w for w in words if w.startswith(BALLOT))

