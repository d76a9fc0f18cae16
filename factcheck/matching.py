"""Which claims say the same thing: blocking, then comparison, never all pairs.

Stage shape follows dedupe: blocking proposes candidate pairs, a comparison
scores each pair on text (rapidfuzz over one normalisation) and on structure
(kind, the counted thing and its subject, the actor and act of an event, the
numbers written in the text), and the clustering in `assertions` decides the
groups. Every kept pair becomes a `Match` with a relation that says why:

- same, paraphrase: the text is (nearly) the same, or a reworded quote;
- same-quantity, same-quantity-other-value: two numbers for one quantity, with
  compatible or with different values (where contradictions live);
- same-act: the same actor doing the same act ("Putin refrained from denying" /
  "Russia stopped short of confirming");
- any of these prefixed "same-document-" when both claims are on one page (a
  headline repeated in related links is not a second outlet).

Cost: a claim joins a bounded number of blocks (its few rarest words, a few
min-hashed word 4-grams of a quote, its exact text, its quantity, its value, its
actor and act); a block larger than MAX_BLOCK is walked in sorted order with a
window of WINDOW neighbours, so comparisons grow linearly with the number of claims.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from factcheck.models import EVENT, NUMERIC, QUOTE, Claim, Document, Match
from factcheck.normalise import (
    ACTOR_NAMES,
    STOPWORDS,
    actor_tokens,
    actors_in_words,
    content_words,
    learn_affiliations,
    name_keys,
    normalise,
    normalised_similarity,
    similarity,
)

__all__ = ["match_claims", "normalise", "similarity", "claim_outlet", "claim_origin",
           "ClaimFeatures", "claim_features", "compare_claims", "document_affiliations",
           "Measure", "claim_measure", "measures_differ", "quantity_unit", "resolve_references"]

# Thresholds on `similarity` (0..1). Measured with rapidfuzz on news quotes:
# the same quote with a dropped word or a bracketed "[s]" scores >= 0.93, a second
# translation or a lead-in change ("It would be" / "This would constitute") about
# 0.9, unrelated sentences of one story <= 0.75.
SAME_TEXT = 0.95  # above: the same words (relation "same")
PARAPHRASE_TEXT = 0.86  # above: one statement reworded; lower admits look-alike sentences
SHORT_TEXT_WORDS = 4  # a shorter text needs plain `ratio` above PARAPHRASE_TEXT (subset scores lie)
STRUCTURE_BASE = 0.6  # similarity of a structural match before its text adds up to 0.4

RAREST_WORDS = 3  # word blocks per claim
QUOTE_SHINGLES = 3  # min-hashed 4-grams per quote claim
MAX_BLOCK = 25  # larger blocks are walked with a sorted window instead of all pairs
WINDOW = 6  # neighbours compared in an oversized block

# Events whose predicate claims.py left empty: the act read from a few general verbs.
_ACT_FALLBACK = (
    (re.compile(r"\b(?:refrain(?:ed|s)? from|stopp(?:ed)? short of|declin(?:ed|es) to|would not (?:confirm|deny))\b", re.I), "noncommittal"),
    (re.compile(r"\bconfirm(?:s|ed|ing)?\b", re.I), "confirm"),
    (re.compile(r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?)\b", re.I), "deny"),
    (re.compile(r"\bcondemn(?:s|ed)?\b", re.I), "condemn"),
)
# Words naming the part of a quantity rather than the whole ("the second batch",
# "another 2,000", "per day"): claims with different markers count other things.
_SCOPE_RE = re.compile(
    r"\b(first|second|third|fourth|fifth|next|initial|latest|another|additional|further|extra|new)\s+"
    r"(?:\w+\s+){0,2}?(?:batch|wave|group|contingent|round|tranche|shipment|deployment|phase|rotation|\d)",
    re.I,
)
# A rate right after its figure ("500 a day", "about €1bn a year"), not "a day after".
_RATE_RE = re.compile(
    r"[^.;]{0,40}?\b(per day|a day|daily|per week|a week|weekly|per month|a month|monthly|per year|"
    r"a year|annually|each day)\b(?!\s+(?:after|before|later|earlier|ago))",
    re.I,
)
_ORDINAL = {"initial": "first", "another": "additional", "further": "additional", "extra": "additional",
            "new": "additional", "a day": "per day", "daily": "per day", "each day": "per day",
            "a week": "per week", "weekly": "per week", "a month": "per month",
            "monthly": "per month", "a year": "per year", "annually": "per year"}
NEGATIVE_MODALITIES = frozenset({"denied", "negated"})
MODALITY_CLASS = {"asserted": "fact", "reported": "fact", "confirmed": "fact", "denied": "fact",
                  "negated": "fact", "hedged": "possible", "conditional": "possible",
                  "planned": "plan", "forecast": "plan"}
OPEN_OBJECT_ACTS = frozenset({"noncommittal"})
# Confirming and denying are two stances on one proposition: kept together, they
# show a contradiction when one actor's statements disagree.
ACT_FAMILY = {"confirm": "stance", "deny": "stance"}
OWNER_WORDS = 4  # words after a number searched for whose things are counted
_NUMERAL_RE = re.compile(r"^\d+(?:\.\d+)?$")


# --- what is measured -----------------------------------------------------------------
# Units whose figures say nothing about what they measure: "5.8%", "€1.5bn", "300
# people". For them the noun phrase next to the number ("unemployment rose to 5.8%",
# "a €2.4bn aid package", "1.5 billion euros to households") tells one quantity from
# another; figures that name two different things are never one quantity.
CURRENCIES = {"eur": "eur", "euro": "eur", "euros": "eur", "€": "eur", "usd": "usd", "dollar": "usd",
              "dollars": "usd", "$": "usd", "gbp": "gbp", "pound": "gbp", "pounds": "gbp",
              "sterling": "gbp", "£": "gbp", "jpy": "jpy", "yen": "jpy", "¥": "jpy", "yuan": "cny",
              "renminbi": "cny", "rupee": "inr", "rupees": "inr", "franc": "chf", "francs": "chf",
              "rouble": "rub", "roubles": "rub", "ruble": "rub", "rubles": "rub", "won": "krw",
              "hryvnia": "uah", "hryvnias": "uah", "cent": "cent", "cents": "cent"}
_MONEY = frozenset(CURRENCIES.values())
BARE_AMOUNT = 1e6  # a bare "1.5 billion" after a sum of money is money; a bare "62" is not
MEASURED_UNITS = frozenset({"percent", "percentage points", "people", ""}) | frozenset(CURRENCIES.values())
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
""".split())
# Words that name no particular measure on their own ("the figure", "the total").
_WEAK_WORDS = frozenset("""figure number total amount sum level rate share tally count
estimate size value worth one-off biggest largest smallest new latest overall annual
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
)
_COUNTED_KINDS = frozenset({"displaced", "injured", "deaths"})  # counted classes of their own
_TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*|[%€$£¥]|[^\w\s]")
_NUMBER_WORDS = frozenset("""a an one two three four five six seven eight nine ten eleven twelve
dozen dozens hundred hundreds thousand thousands million millions billion billions tens scores
some about around over nearly almost more than less fewer at least up to roughly""".split())
_PRONOUNS = frozenset({"it", "they", "them", "which"})
_REPORTING = frozenset("""said says say claimed claims claim told tells reported reports estimated
estimates counted counts""".split())
_CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december today yesterday
year years month months week weeks day days night weekend morning afternoon evening
""".split())
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
HISTORICAL_YEARS = 2  # a figure dated this many years before its report is another event's
ANAPHOR_CHARS = 300  # a bare figure ("put the figure at 20,000") refers this far back
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


WEAK_MEASURES = frozenset(_stem(w) for w in _WEAK_WORDS)


def _is_name(token: str) -> bool:
    return token[:1].isupper()


def _content(token: str) -> bool:
    low = token.lower()
    return (token[:1].isalpha() and len(low) > 1 and low not in STOPWORDS and low not in _LINK_WORDS
            and low not in _CALENDAR_WORDS and low not in _SCALE_WORDS and low not in CURRENCIES)


@dataclass(frozen=True)
class Measure:
    """What a figure measures, read from the words next to it."""

    unit: str | None  # counted class, currency code, "percent", "" for a bare figure
    words: frozenset[str]  # stems of the measured noun phrase; empty when unsaid
    per: str | None = None  # "per household": an amount for each, not a total
    anaphoric: bool = False  # "put the figure at", "expects it to hit": refers back
    year: str | None = None  # an earlier year the figure belongs to (another event)
    rate: str | None = None  # "per day", "per year": a rate, not a stock


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


def _phrase_after(tokens: Sequence[str], unit: str | None) -> tuple[list[str], str | None]:
    """The head noun after a figure and its units ("aid package"), or the thing it
    goes to ("to small firms"), or what a share of people do ("of voters oppose")."""
    k = 0
    while k < len(tokens) and (tokens[k][:1].isdigit() or tokens[k].lower() in _NUMBER_WORDS
                               or tokens[k].lower() in _SCALE_WORDS or tokens[k].lower() in CURRENCIES
                               or tokens[k] in "%€$£¥-,"):
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
            if not tokens[a][:1].isalpha():
                return head, per
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
    while k >= 0 and len(words) < 3 and _content(tokens[k]) and not (_is_name(tokens[k]) and k > 0):
        words.append(tokens[k])
        k -= 1
    return words[::-1], False


def claim_measure(claim: Claim, documents: Mapping[str, Document]) -> Measure:
    """What a numeric claim measures: unit, measured words, per-unit and earlier year."""
    counted = claim.counted
    text, offset = _context(claim, documents)
    span = _number_span(claim, text, offset) if claim.kind == NUMERIC else None
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
        rate_word = _ORDINAL.get(word, word)
    else:
        rate_word = None
    if unit not in MEASURED_UNITS and unit is not None:
        return Measure(unit, frozenset(), None, False, year, rate_word)
    if span is None:
        return Measure(unit if unit else None, frozenset(), None, False, year, rate_word)
    after, per = _phrase_after(_tokens(text[span[0]:]), unit)
    pronoun = False
    words = after
    if not words:
        words, pronoun = _phrase_before(_tokens(text[:span[0]]))
    if unit == "people":
        clause = text[span[0]:span[1] + 80]
        kinds = [k for k, cue in _PEOPLE_KINDS if cue.search(clause)]
        if kinds and kinds[0] in _COUNTED_KINDS:  # "people were treated for injuries": the injured
            return Measure(kinds[0], frozenset(), per, False, year, rate_word)
        return Measure(unit, frozenset(kinds[:1]), per, False, year, rate_word)
    stems = frozenset(_stem(w) for w in words)
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
    return bool(sa and sb and not sa & sb)


def claim_outlet(claim: Claim, documents: Mapping[str, Document]) -> str:
    """The outlet that published the claim: its name, else its site, else its file."""
    doc = documents.get(claim.document_id)
    if doc is None:
        return claim.document_id or "unknown"
    if doc.outlet:
        return doc.outlet
    if doc.url:
        host = urlparse(doc.url).netloc.lower()
        return host[4:] if host.startswith("www.") else host or doc.url
    return doc.path or doc.id


def claim_origin(claim: Claim, documents: Mapping[str, Document]) -> str:
    """The original source behind the claim, normalised: who said it first.

    "Kyodo, citing a Ukrainian military source" (relay Kyodo) -> the cited source;
    an unattributed claim, or one attributed to its own outlet, -> the outlet.
    """
    outlet = claim_outlet(claim, documents)
    origin = claim.attributed_to or ""
    if claim.relay and origin:
        relay = normalise(claim.relay)
        norm = normalise(origin)
        if norm.startswith(relay):
            rest = re.sub(r"^(?:citing|quoting|according to|from)\s+", "", norm[len(relay):].strip())
            origin = rest or origin
    norm = normalise(origin)
    if not norm or norm == normalise(outlet):
        return normalise(outlet)
    return norm


@dataclass(frozen=True)
class ClaimFeatures:
    """What matching compares, computed once per claim."""

    claim: Claim
    outlet: str
    published: str | None
    text: str  # normalised
    words: frozenset[str]
    numbers: frozenset[str]
    scope: tuple[str, ...]
    owner: str | None  # whose counted things: "North Korean" in "2,000 North Korean soldiers"
    predicate: str | None
    actors: frozenset[str]  # keys of who acts or speaks
    objects: frozenset[str]  # countries/organisations the claim is about, actors excluded
    story: str | None = None  # the story (stories.find_stories) of the claim's document
    measure: Measure | None = None  # what a number measures (None for statements)


def _scope(text: str) -> tuple[str, ...]:
    found = set()
    for m in _SCOPE_RE.finditer(text):
        word = m.group(1).lower()
        found.add(_ORDINAL.get(word, word))
    return tuple(sorted(found))


def _owner(claim: Claim, words: Sequence[str]) -> str | None:
    """The country or body named right after the number, other than the subject."""
    numerals = [k for k, w in enumerate(words) if w[0].isdigit() and _NUMERAL_RE.match(w)]
    if not numerals:
        return None
    # The numeral of the claim's own value, not a date in the same clause.
    value = f"{claim.value:g}" if claim.value is not None else None
    k = next((k for k in numerals if words[k] == value), numerals[-1] if value else numerals[0])
    near = [a for a in actors_in_words(words[k + 1:k + 1 + OWNER_WORDS]) if a != claim.subject]
    return near[0] if near else None


def _predicate(claim: Claim) -> str | None:
    if claim.predicate:
        return claim.predicate
    for pattern, act in _ACT_FALLBACK:
        if pattern.search(claim.text):
            return act
    return None


def document_affiliations(documents: Mapping[str, Document]) -> dict[str, frozenset[str]]:
    """Person -> country/organisation ties read from the documents' titles of people."""
    return learn_affiliations(documents[k].text for k in sorted(documents))


def claim_features(claim: Claim, documents: Mapping[str, Document],
                   affiliations: Mapping[str, frozenset[str]] | None = None,
                   stories: Mapping[str, str] | None = None) -> ClaimFeatures:
    """Features of one claim for matching and grouping.

    `affiliations` (from `document_affiliations`) lets a person's name stand for
    the country or organisation they speak for; `stories` (document id -> story,
    from `stories.find_stories`) keeps figures of other stories apart.
    """
    doc = documents.get(claim.document_id)
    outlet = claim_outlet(claim, documents)
    text = normalise(claim.text)
    words = actor_tokens(claim.text)
    actors: set[str] = set()
    if claim.attributed_to and normalise(claim.attributed_to) != normalise(outlet):
        actors |= name_keys(claim.attributed_to)
    if claim.kind == EVENT:
        # The actor of a reported act opens its clause: "Seoul no longer rules out ...".
        lead = actors_in_words(words[:4])
        if lead:
            actors.add(lead[0])
    for key in list(actors):
        actors.update((affiliations or {}).get(key, ()))
    measure = claim_measure(claim, documents) if claim.kind == NUMERIC else None
    scope = _scope(claim.text)
    if measure is not None and (measure.year or measure.rate):
        extra = (("in " + measure.year) if measure.year else "", measure.rate or "")
        scope = tuple(sorted({*scope, *(e for e in extra if e)}))
    places = set(claim.entities) | set(actors_in_words(words))
    if claim.subject:
        places.add(claim.subject)
    return ClaimFeatures(
        claim=claim,
        outlet=outlet,
        published=doc.published if doc else None,
        text=text,
        words=frozenset(content_words(words)),
        numbers=frozenset(w for w in words if w[0].isdigit() and _NUMERAL_RE.match(w)),
        scope=scope,
        owner=_owner(claim, words) if claim.kind == NUMERIC else None,
        predicate=_predicate(claim),
        actors=frozenset(actors),
        objects=frozenset(places - actors),
        story=(stories or {}).get(claim.document_id),
        measure=measure,
    )


_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ans")
_NOT_PLACES = _CALENDAR_WORDS | frozenset("""north south east west northern southern eastern western
central capital city country region province state nation""".split())


def place_of(subject: str | None) -> str | None:
    """A claim's subject as a place to tell quantities apart: None when it names no
    place at all ("monday's", "south")."""
    if not subject:
        return None
    norm = subject.lower().replace("’", "'").removesuffix("'s")
    return None if norm in _NOT_PLACES else subject


def vague_place(subject: str | None) -> bool:
    """A place said loosely ("the Lutanian capital", "Eskaran"): an adjective of a
    country that is no country name of its own. It names no other place than the
    specific one a story gives, so it never splits a quantity; a country named as
    such ("Russia") against a region ("Kursk") still does (a part is not the whole)."""
    if not subject:
        return True
    norm = subject.lower()
    return "capital" in norm or (norm.endswith(_DEMONYM_ENDINGS) and norm not in ACTOR_NAMES)


def places_differ(a: str | None, b: str | None) -> bool:
    """Two subjects name different specific places."""
    a, b = place_of(a), place_of(b)
    return bool(a and b and a != b and not vague_place(a) and not vague_place(b))


def quantity_unit(f: ClaimFeatures) -> str | None:
    """The class a numeric claim's figure counts or measures ("" for a bare figure with a
    named measure, None when nothing says what it is)."""
    if f.measure is not None:
        if f.measure.unit or f.measure.words - WEAK_MEASURES:
            return f.measure.unit or ""
        return None
    return f.claim.counted


def same_quantity(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two numeric claims count the same thing about the same subject and scope.

    Figures of two stories never count the same thing (two earthquakes' death
    tolls); within a story a missing subject is no objection (the grouping gives
    it its story's), a different counted noun or measured thing ("unemployment" /
    "inflation", a package / its part), subject or scope marker is.
    """
    ca, cb = a.claim, b.claim
    unit = quantity_unit(a)
    if unit is None or unit != quantity_unit(b) or a.scope != b.scope:
        return False
    if a.measure and b.measure and measures_differ(a.measure, b.measure):
        return False
    if a.story and b.story and a.story != b.story:
        return False
    if a.owner and b.owner and a.owner != b.owner:
        return False  # Russian troops in Kursk are not North Korean troops in Kursk
    return not places_differ(ca.subject, cb.subject)


def resolve_references(feats: Sequence[ClaimFeatures]) -> list[ClaimFeatures]:
    """A figure that names nothing it measures ("the organisers put the figure at
    20,000", "expects it to hit 7%") measures what the nearest figure before it on
    its page measured, when that is at most ANAPHOR_CHARS back."""
    from dataclasses import replace

    by_doc: dict[str, list[int]] = defaultdict(list)
    for k, f in enumerate(feats):
        if f.measure is not None:
            by_doc[f.claim.document_id].append(k)
    out = list(feats)
    for members in by_doc.values():
        members.sort(key=lambda k: (feats[k].claim.start, feats[k].claim.id))
        last: ClaimFeatures | None = None
        for k in members:
            f = feats[k]
            m = f.measure
            if m is None:
                continue
            refers = m.anaphoric or quantity_unit(f) is None
            near = last is not None and last.measure is not None and \
                f.claim.start - last.claim.end <= ANAPHOR_CHARS
            if refers and near and (not m.unit or m.unit == last.measure.unit):
                out[k] = replace(f, measure=replace(last.measure, year=m.year or last.measure.year,
                                                    per=m.per, rate=m.rate, anaphoric=False))
            elif not refers and m.unit == "" and near and last.measure.unit in _MONEY \
                    and (f.claim.value or 0) >= BARE_AMOUNT:
                # "1.5 billion for households" after "the 2.4 billion euro package": its unit.
                out[k] = replace(f, measure=replace(m, unit=last.measure.unit))
            elif not refers:
                last = f
    return out


def compare_claims(a: ClaimFeatures, b: ClaimFeatures) -> tuple[float, str] | None:
    """(similarity, relation) when the two claims belong together, else None."""
    ka, kb = a.claim.kind, b.claim.kind
    if (ka == NUMERIC) != (kb == NUMERIC):
        return None  # a number and a statement are grouped apart, each with its own kind
    if ka == NUMERIC and not same_quantity(a, b):
        return None
    act = ka != NUMERIC and _same_act(a, b)
    if ka != NUMERIC and not act:
        # Cheap gate before rapidfuzz: a paraphrase shares most words of the shorter text.
        shared = len(a.words & b.words)
        if shared * 2 < min(len(a.words), len(b.words)) or (not shared and a.words and b.words):
            return None
    text = normalised_similarity(a.text, b.text)
    if ka == NUMERIC:
        if _compatible()(a.claim, b.claim):
            relation = "same" if text >= SAME_TEXT else "same-quantity"
        else:
            relation = "same-quantity-other-value"
        score = STRUCTURE_BASE + (1 - STRUCTURE_BASE) * text
    else:
        if a.numbers and b.numbers and not (a.numbers & b.numbers):
            return None  # the same words with other numbers
        shorter = min(len(a.words), len(b.words))
        textual = text >= PARAPHRASE_TEXT and (
            shorter >= SHORT_TEXT_WORDS or similarity_ratio(a.text, b.text) >= PARAPHRASE_TEXT
        )
        if textual:
            relation, score = ("same" if text >= SAME_TEXT else "paraphrase"), text
        elif act:
            relation, score = "same-act", STRUCTURE_BASE + (1 - STRUCTURE_BASE) * text
        else:
            return None
    if a.claim.document_id == b.claim.document_id:
        relation = "same-document-" + relation
    return round(score, 4), relation


def _compatible():
    # The one definition of value agreement lives with the assertions that use it most.
    from factcheck.assertions import compatible

    return compatible


def similarity_ratio(a: str, b: str) -> float:
    """Plain edit-distance ratio (0..1) of two normalised texts."""
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) / 100.0


def _same_act(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """The same actor does the same act, and nothing says it is about other things."""
    if not a.predicate or not (a.actors & b.actors) or (
            ACT_FAMILY.get(a.predicate, a.predicate) != ACT_FAMILY.get(b.predicate, b.predicate)):
        return False
    # "might supply" is not "supplied": a possibility, a plan and a fact are other
    # assertions; a fact and its denial stay together (that is a contradiction).
    if MODALITY_CLASS.get(a.claim.modality, "fact") != MODALITY_CLASS.get(b.claim.modality, "fact"):
        return False
    # Polarity does not split an act: "confirmed" against "denied" is a contradiction.
    if a.objects and b.objects:
        return bool(a.objects & b.objects)
    # Nothing named on one side: the act must share a word beyond its actor, except
    # for stances whose object is the news itself ("refrained from denying the reports").
    return a.predicate in OPEN_OBJECT_ACTS or bool((a.words & b.words) - a.actors - b.actors)


def _block_keys(f: ClaimFeatures, rare: Mapping[str, int]) -> tuple[list[str], list[str]]:
    """(structural keys, word keys) of one claim."""
    c = f.claim
    structural: list[str] = []
    unit = quantity_unit(f) if c.kind == NUMERIC else None
    if unit is not None:
        story = f.story or ""
        if place_of(c.subject):
            structural.append(f"q:{story}|{unit}|{place_of(c.subject)}|{','.join(f.scope)}")
        for word in sorted(f.measure.words - WEAK_MEASURES)[:2] if f.measure else ():
            structural.append(f"m:{story}|{unit}|{word}|{','.join(f.scope)}")
        if c.value is not None:
            structural.append(f"v:{story}|{unit}|{c.value:g}")
        for bound in (c.low, c.high):
            if bound is not None and bound != c.value:
                structural.append(f"v:{story}|{unit}|{bound:g}")
    elif c.kind != NUMERIC and f.predicate:
        structural.extend(f"a:{f.predicate}|{actor}" for actor in sorted(f.actors))
    structural.append("t:" + f.text)  # verbatim repeats (wire copy) always meet
    words = sorted((w for w in f.words if rare.get(w, 0) >= 2), key=lambda w: (rare[w], w))
    word_keys = [f"w:{w}" for w in words[:RAREST_WORDS]]
    if c.kind == QUOTE:
        grams = {" ".join(g) for g in _ngrams(f.text.split(), 4)}
        word_keys.extend(f"g:{g}" for g in sorted(grams, key=lambda g: (zlib.crc32(g.encode()), g))[:QUOTE_SHINGLES])
    return structural, word_keys


def _ngrams(words: list[str], n: int) -> Iterable[tuple[str, ...]]:
    if len(words) < n:
        return [tuple(words)] if words else []
    return (tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def _candidate_pairs(feats: Sequence[ClaimFeatures]) -> set[tuple[int, int]]:
    df: Counter[str] = Counter()
    for f in feats:
        df.update(f.words)
    structural_blocks: dict[str, list[int]] = defaultdict(list)
    word_blocks: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        skeys, wkeys = _block_keys(f, df)
        for key in skeys:
            structural_blocks[key].append(i)
        for key in wkeys:
            word_blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()

    def by_time(i: int) -> tuple[str, str, int]:
        c = feats[i].claim
        return (feats[i].published or "", c.document_id, c.start)

    def by_text(i: int) -> tuple[str, str]:
        return (feats[i].text, feats[i].claim.id)

    # An oversized block is walked in a sorted order with a window: by time for
    # quantities and acts (reports of one figure cluster in time), by text for
    # words (wire copy repeated by many outlets sorts together).
    for blocks, order in ((structural_blocks, by_time), (word_blocks, by_text)):
        for members in blocks.values():
            if len(members) < 2:
                continue
            if len(members) <= MAX_BLOCK:
                pairs.update((x, y) for k, x in enumerate(members) for y in members[k + 1:])
            else:
                ranked = sorted(members, key=order)
                for k, x in enumerate(ranked):
                    pairs.update((min(x, y), max(x, y)) for y in ranked[k + 1:k + 1 + WINDOW])
    return pairs


def match_claims(claims: Sequence[Claim], documents: Mapping[str, Document]) -> list[Match]:
    """Pairs of claims that make the same claim or count the same quantity.

    Claims from one document may match (a headline repeated on the page); the
    relation then starts with "same-document-". Sorted by (claim_a, claim_b).
    """
    from factcheck.stories import story_of_documents

    ordered = sorted(claims, key=lambda c: c.id)
    ties = document_affiliations(documents)
    stories = story_of_documents(documents, ordered)
    feats = resolve_references([claim_features(c, documents, ties, stories) for c in ordered])
    out: list[Match] = []
    for i, j in _candidate_pairs(feats):
        if feats[i].claim.id == feats[j].claim.id:
            continue
        found = compare_claims(feats[i], feats[j])
        if found:
            a, b = sorted((feats[i].claim.id, feats[j].claim.id))
            out.append(Match(claim_a=a, claim_b=b, similarity=found[0], relation=found[1]))
    out.sort(key=lambda m: (m.claim_a, m.claim_b))
    return out
