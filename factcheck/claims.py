"""Claims: the check-worthy units of story sentences, with exact offsets.

Each STORY or TITLE sentence gives zero or more claims: one per counted quantity
(numeric), one per quoted sentence (quote) and one per clause reporting an act
such as confirming, denying, condemning, sending or supplying (event). A claim's
span is the clause or phrase that carries it, so outlets that repeat a fact cite
comparable spans. Quantities, dates and attribution come from their own modules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .attribution import (
    Attribution,
    clean_source,
    find_attributions,
    leading_name,
    looks_like_person,
)
from .attribution import SOURCE_NOUNS, TITLE_WORDS
from .dates import DAY, SAME_DAY, DateMention, find_dates
from .gazetteer import PLACES as GAZETTEER
from .models import EVENT, NUMERIC, QUOTE, STORY, TITLE, Claim, Document, Sentence, content_id
from .quantities import COUNTED_CLASSES, UNITS, VAGUE, Quantity, find_quantities

# Clause boundaries inside a sentence: a claim's span never crosses one.
_GAPPED_NAME = (r"(?:(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3}|"
                r"the\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(SOURCE_NOUNS, key=len, reverse=True)) + r"))")
_GAPPED_NUMBER = (r"(?:about|around|nearly|almost|some|more\s+than|at\s+least|over|another|"
                  r"[$€£]?\d|(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")\b|"
                  r"dozens|hundreds|thousands|a\s+(?:dozen|hundred|thousand))")
_GAPPED_SOURCE = re.compile(r"(?:and\s+)?(?P<np>" + _GAPPED_NAME + r")\s+$")
_BOUNDARY_CORE = (
    r";|\s[–—]\s|—|:\s+(?=[“\"])|,\s+(?=(?:but|while|whereas|although|though|with|which|who|"
    r"where|when|after|because|despite|amid|citing|saying|according|as\s+well\s+as|prompting|"
    r"adding|noting|stating|possibly|however|and\s+(?:the|a|an|it|he|she|they|in|on|is|was|"
    r"has|have|will|would)\b|and\s+(?=[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+(?:has|have|had|"
    r"is|are|was|were|will|would|says|said|denies|[a-z]+ed)\b)|as(?!\s+(?:many|much|well|of|part|a\s+result)\b)|(?:up|down)\s+from|"
    r"and\s+(?=(?:tens|hundreds|thousands|dozens|millions|some|about|around|nearly|almost|more|"
    r"at\s+least|another|up\s+to|over|[$€£]?\d))|and\s+by\b)\b)"
)
_CLAUSE_TAIL = (
    # A gapped clause: "Romania reported six deaths and Austria five"; a second count:
    # "14 people died and 300 were evacuated".
    r"|\s+(?=and\s+" + _GAPPED_NAME + r"\s+" + _GAPPED_NUMBER + r")"
    r"|\s+(?=and\s+" + _GAPPED_NUMBER + r"[\d,.]*\s+(?:[a-z]+\s+)?(?:were|was|are|is|had|have|has|"
    r"remain\w*|[a-z]+ed)\b)")
# Clauses joined by "and" share a date ("14 were arrested and three hurt late on Sunday").
_DATE_BOUNDARY = re.compile(_BOUNDARY_CORE)
_BOUNDARY = re.compile(_BOUNDARY_CORE + _CLAUSE_TAIL)
# Asides that carry their own numbers: ", including 500 officers and three generals,".
_ASIDE = re.compile(r",\s+(?:including|such\s+as|among\s+them|of\s+whom|mostly|mainly)\s+[^,;()]+"
                    r"|\([^()]*\)")
_MIN_QUOTE_WORDS = 4

# Acts an event claim reports, most specific first; synonyms map to one class.
PREDICATES: list[tuple[str, re.Pattern[str]]] = [
    ("noncommittal", re.compile(
        r"\brefrain\w*\s+from\s+(?:denying|confirming|commenting)|\bstop\w*\s+short\s+of\b|"
        r"\bdeclin\w+\s+to\s+(?:comment|confirm|deny|say)|\bneither\s+confirm\w*\s+nor\s+den\w+|"
        r"\b(?:did|does|do|would|could)\s+not\s+(?:confirm|deny)\b|\brefus\w+\s+to\s+"
        r"(?:confirm|deny|comment)|\bno\s+comment\b|\bwithout\s+(?:confirming|denying)\b",
        re.IGNORECASE)),
    ("deny", re.compile(r"\bden(?:y|ied|ies|ying)\b|\brejected\b|\brefuted\b|\bdismissed\b",
                        re.IGNORECASE)),
    ("confirm", re.compile(r"\bconfirm(?:s|ed|ing)?\b|\backnowledg\w+\b|\bverified\b",
                           re.IGNORECASE)),
    ("condemn", re.compile(r"\bcondemn\w*|\bdenounc\w+|\bcriticis\w+|\bcriticiz\w+|\bdeplor\w+",
                           re.IGNORECASE)),
    ("accuse", re.compile(r"\baccus\w+", re.IGNORECASE)),
    # Acts of news in general, each a class of synonyms ("denied firing tear gas" meets
    # "fired tear gas": the same act, denied).
    ("rescue", re.compile(
        r"\brescu(?:e|es|ed|ing)\b(?!\s+(?:teams?|workers?|efforts?|operations?|services?|crews?|"
        r"dogs?|missions?|units?|personnel|work|equipment|effort|workers))|"
        r"\bpull(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){0,6}?(?:alive|from\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:rubble|debris|wreckage|water|sea|river|ruins|building|rocks))\b|\bdug\s+out\b|"
        r"\bfreed\s+(?:[\w-]+\s+){0,3}?(?:from|alive)\b", re.IGNORECASE)),
    ("fire", re.compile(
        r"\b(?:fir(?:e|es|ed|ing)|us(?:e|es|ed|ing)|shot|shoot(?:s|ing)?|launch(?:es|ed|ing)?|"
        r"lob(?:s|bed|bing)?|deploy(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,2}?(?:tear[\s-]?gas|rubber\s+"
        r"bullets|water\s+cannons?|live\s+(?:rounds|ammunition)|stun\s+grenades|pepper\s+spray|"
        r"plastic\s+bullets|warning\s+shots|shots|bullets|pellets|flash[\s-]?bangs)\b|"
        r"\b(?:tear[\s-]?gas|rubber\s+bullets|water\s+cannons?|stun\s+grenades|pepper\s+spray|"
        r"live\s+ammunition|shots)\s+(?:was|were|had\s+been|has\s+been|have\s+been|being)\s+"
        r"(?:used|fired)\b|\bopen(?:s|ed|ing)?\s+fire\b", re.IGNORECASE)),
    ("declare", re.compile(
        r"\bdeclar(?:e|es|ed|ing)\b(?=[^.;]{0,50}\b(?:emergency|curfew|martial\s+law|disaster|war|"
        r"ceasefire|truce|independence|mourning|bankruptcy)\b)|\b(?:emergency|curfew|martial\s+law|"
        r"mourning)\b[^.;]{0,30}\b(?:declared|imposed|proclaimed)\b|\b(?:impos|announc|proclaim)\w*"
        r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:state\s+of\s+emergency|curfew|martial\s+law|"
        r"(?:national\s+)?mourning)\b", re.IGNORECASE)),
    ("call", re.compile(
        r"\bcall(?:s|ed|ing)?\s+(?:for\s+)?(?:an?\s+|the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:strikes?|walkouts?|stoppages?|boycotts?|shutdowns?|elections?|referendums?|referenda|"
        r"snap\s+polls?)\b", re.IGNORECASE)),
    ("vote", re.compile(
        r"\bvot(?:e|es|ed|ing)\b|\bapprov(?:e|es|ed|ing)\b|\bratif(?:y|ies|ied|ying)\b|"
        r"\b(?:adopt|pass)(?:s|es|ed|ing)?\b(?=[^.;]{0,40}\b(?:bill|law|legislation|budget|resolution|"
        r"motion|reform|amendment)s?\b)|\b(?:bill|law|legislation|budget|resolution|motion|reform|"
        r"amendment)s?\b[^.;]{0,30}\b(?:passed|adopted)\b", re.IGNORECASE)),
    ("support", re.compile(
        r"\bagree(?:s|d|ing)?\s+to\s+(?:back|support|endorse)\b|"
        r"\bback(?:s|ed|ing)?\s+(?=(?:the|a|an|his|her|their|its|this|that|it|them|government\w*|"
        r"[A-Z])\b)|\bsupport(?:s|ed|ing)?\s+(?=(?:the|a|an|his|her|their|its|this|that|it|them)\b)|"
        r"\bendors(?:e|es|ed|ing)\b|\bagree(?:s|d|ing)?\s+(?:on\s+)?(?:a|the)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:deal|agreement|package|plan|compromise|ceasefire|truce)\b", re.IGNORECASE)),
    ("resign", re.compile(
        r"\bresign(?:s|ed|ing)?\b|\bstep(?:s|ped|ping)?\s+down\b|\bquit(?:s|ting)?\s+(?=(?:as|the|his|"
        r"her|their|its|over|after|on)\b)", re.IGNORECASE)),
    ("evacuate", re.compile(r"\bevacuat(?:e|es|ed|ing)\b", re.IGNORECASE)),
    ("withdraw", re.compile(
        r"\bwithdr(?:aw|aws|awing|awn|ew)\b|\bpull(?:s|ed|ing)?\s+out\s+of\b|"
        r"\bscrap(?:s|ped|ping)?\b|\bshelv(?:e|es|ed|ing)\b|\brevok(?:e|es|ed|ing)\b|"
        r"\bretract(?:s|ed|ing)?\b", re.IGNORECASE)),
    ("supply", re.compile(
        r"\b(?:suppl(?:y|ied|ies|ying)|provid\w*|transfer\w*|deliver\w*|export\w*|ship\w*|"
        r"sen[dt]\w*|procure\w*|procurement)\b(?=[^.;]{0,60}\b(?:weapon\w*|arms|ammunition|"
        r"missiles?|munitions|shells|equipment|technology|drones?|tanks?|jets?|rounds)\b)|"
        r"\barms\s+transfers?\b|\bweapons?\s+(?:supplies|deliveries|transfers?)\b",
        re.IGNORECASE)),
    ("deploy", re.compile(r"\b(?:deploy(?:s|ed|ing)?|sen[dt](?:s|ing)?|dispatch(?:es|ed|ing)?|"
                          r"stationed|arriv(?:e|es|ed|ing)|"
                          r"mov(?:ed|ing)\s+(?:to|into)|join\w*\s+(?:the\s+)?(?:war|fight\w*))\b",
                          re.IGNORECASE)),
    ("warn", re.compile(r"\bwarn\w*", re.IGNORECASE)),
    ("sanction", re.compile(r"\bsanction(?:s|ed|ing)?\b", re.IGNORECASE)),
    ("sign", re.compile(r"\bsign(?:s|ed|ing)\b", re.IGNORECASE)),
    ("kill", re.compile(r"\bkill(?:s|ed|ing)?\b|\bdied\b", re.IGNORECASE)),
    ("attack", re.compile(r"\battack(?:s|ed|ing)?\b|\bstrik(?:e|es|ing)\b|\bstruck\b|\bshell(?:ed|ing)\b",
                          re.IGNORECASE)),
    ("arrest", re.compile(r"\barrest(?:s|ed|ing)?\b|\bdetain(?:s|ed|ing)?\b", re.IGNORECASE)),
]
# Acts that are a stance: the one who takes it is its source ("Putin refrained from ...").
_STANCE = {"noncommittal", "deny", "confirm", "condemn", "accuse", "warn"}

_PLANNED = re.compile(
    r"\b(?:plans?\s+to|planning\s+to|planned|intends?\s+to|intending\s+to|will|shall|"
    r"expected\s+to|set\s+to|scheduled\s+to|prepar\w+\s+to|aims?\s+to|going\s+to|"
    r"being\s+readied|readied\s+to|(?:is|are)\s+to\s+be|forecasts?|projected\s+to|"
    r"(?:is|are|was|were)\s+due\s+to|"
    r"(?:promis|pledg|vow)\w*(?:\s+[\w-]+){0,4}?\s+to\s+[a-z]+)\b", re.IGNORECASE)
# "Allies to send more troops": a headline's bare infinitive is a plan ("According to
# the ministry" and "Next to the station" are not).
_HEADLINE_INFINITIVE = re.compile(
    r"^[-–•*\s]*(?!(?:According|Due|Next|Close|Prior|Up|Thanks|Owing|Contrary|Similar|"
    r"Compared|Back|Closer|Home|Welcome)\b)[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+to\s+"
    r"(?!(?:the|a|an|its|their|his|her|our|this|that|these|those|be)\b)[a-z]+")
# "a government plan to raise ...": a plan named as a noun governs what follows it only.
_PLAN_NOUN = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that|[\w’']+[’']s)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:plans?|proposals?|bid|pledges?|promises?)\s+to\b",
                        re.IGNORECASE)
# "The reform would raise ...", "... would rise under the bill": what a measure would
# do is its plan, not a hedge.
_MEASURE_WOULD = re.compile(
    r"\b(?:bill|reform|law|legislation|plan|proposal|package|measures?|scheme|budget|deal|"
    r"policy|overhaul|changes)\b[^.;]{0,60}?\bwould\b|\bwould\b[^.;]{0,80}?\bunder\s+(?:the|a|its|"
    r"their)\s+(?:[\w-]+\s+){0,2}?(?:bill|reform|law|legislation|plan|proposal|package|scheme|"
    r"budget|deal)\b", re.IGNORECASE)
_HEDGED = re.compile(
    r"\b(?:would|could|might|may|if|possibly|possible|possibility|likely|reportedly|allegedly|"
    r"potentially|perhaps|probably|unconfirmed|believed\s+to|thought\s+to|suspected)\b",
    re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|none|nor)\b|\bno\b(?!\.?\s*\d)|n[’']t\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z]+")
_PLAN_WORDS = frozenset({"plan", "plans", "planning", "planned", "intend", "intends", "intending",
                         "will", "shall", "expected", "set", "scheduled", "aim", "aims", "going",
                         "readied", "be", "forecast", "forecasts", "projected", "due"})
_PLAN_PREFIXES = ("prepar", "promis", "pledg", "vow")
_HEDGE_WORDS = frozenset({"would", "could", "might", "may", "if", "possibly", "possible",
                          "possibility", "likely", "reportedly", "allegedly", "potentially",
                          "perhaps", "probably", "unconfirmed", "believed", "thought", "suspected"})
_NEGATION_WORDS = frozenset({"not", "never", "no", "none", "nor"})
# "said the government would build": future in reported speech is a plan, not a hedge.
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
_STRONG_HEDGE = re.compile(r"\b(?:if|unless|could|might|may|possibly|likely|perhaps|probably|"
                           r"reportedly|allegedly)\b", re.IGNORECASE)
_SAID_WOULD = re.compile(r"\b(?:said|says|told|announced|promised|pledged|vowed|stated)\b[^.;]*"
                         r"\bwould\b", re.IGNORECASE)

# Aliases with digits ("g7") cannot be read by the word n-gram lookup below.
PLACES: dict[str, tuple[str, ...]] = {
    name: tuple(alias for alias in aliases if not any(ch.isdigit() for ch in alias))
    for name, aliases in GAZETTEER.items() if not any(ch.isdigit() for ch in name)}
_PLACE_OF = {alias: name for name, aliases in PLACES.items() for alias in aliases}
# Place aliases by their word tuples, looked up by n-gram over a sentence's words (a
# regex alternation of all aliases cost 25 us a sentence; the lookup costs a few).
_ALIAS_WORDS = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_]+")
_PLACE_GRAMS: dict[tuple[str, ...], str] = {
    tuple(_ALIAS_WORDS.findall(alias)): name for alias, name in _PLACE_OF.items()}
_WORDCHAR = re.compile(r"\w")
_NEXT_WORD = re.compile(r"[ \t]+((?:[A-Za-z]\.){2,}|[^\W\d_]+)")
_GRAM_SIZES: dict[str, tuple[int, ...]] = {}
for _gram in _PLACE_GRAMS:
    _GRAM_SIZES[_gram[0]] = tuple(sorted(set(_GRAM_SIZES.get(_gram[0], ())) | {len(_gram)},
                                         reverse=True))
_GRAM_FIRST = frozenset(_GRAM_SIZES)


def _places_in(text: str) -> set[str]:
    """Places named in `text` by an alias from PLACES, longest alias first; short
    aliases count only in capitals ("told us" is no "US", "un-" no "UN")."""
    found: set[str] = set()
    if _GRAM_FIRST.isdisjoint(_ALIAS_WORDS.findall(text.lower())):
        return found  # no word that can start an alias
    skip = 0
    for m in _ALIAS_WORDS.finditer(text):
        if m.start() < skip:
            continue
        sizes = _GRAM_SIZES.get(m.group().lower())
        if sizes is None:
            continue
        for size in sizes:
            gram, end = [m.group().lower()], m.end()
            while len(gram) < size:  # the alias's next words, separated by spaces only
                nxt = _NEXT_WORD.match(text, end)
                if nxt is None:
                    break
                gram.append(nxt.group(1).lower())
                end = nxt.end()
            name = _PLACE_GRAMS.get(tuple(gram)) if len(gram) == size else None
            if name is None:
                continue
            raw = text[m.start():end]
            before = text[m.start() - 1:m.start()] if m.start() else ""
            if before == "." or _WORDCHAR.match(before) or _WORDCHAR.match(text, end):
                continue  # inside a longer word or a dotted abbreviation
            if len(raw) > 3 or "." in raw or raw.isupper():
                found.add(name)
            skip = end
            break
    return found


_GENERIC_PLACE = {"oblast", "region", "province", "area", "city", "county", "district",
                  "border", "front", "territory", "state"}
_PROPER_RE = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)*")
_NOT_ENTITIES = {"the", "a", "an", "this", "that", "it", "he", "she", "they", "we", "i", "in",
                 "some", "many", "most", "between", "several", "few", "all", "about", "around", "nearly",
                 "almost", "more", "over", "up", "after", "before", "during", "while", "when",
                 "these", "those", "there", "his", "her", "their", "its", "our", "one", "two",
                 "on", "at", "if", "but", "and", "as", "for", "by", "today", "meanwhile",
                 "moreover", "however", "president", "minister", "secretary", "general",
                 "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                 "january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december"}


_APPOSED = re.compile(
    r"(?P<name>(?<![\w’'])(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.&-]*){0,4}),"
    r"\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>" + "|".join(sorted(SOURCE_NOUNS, key=len, reverse=True))
    + r")\b(?!’s|'s)"
    r"|(?P<desc_first>(?<![\w’'])[Tt]he\s+(?:[a-z-]+\s+){0,2}?(?P<noun2>" + "|".join(
        sorted(SOURCE_NOUNS, key=len, reverse=True)) + r")),\s+(?P<name2>(?:the\s+)?[A-Z][\w’'.&-]*"
    r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.&-]*){0,4}),")


@dataclass
class _Context:
    """What earlier sentences of a document said about who is speaking."""

    outlet: str | None
    last_source: str | None = None
    last_person: str | None = None
    surnames: dict[str, str] | None = None
    last_date: DateMention | None = None  # the last day named, for "the same day"
    last_counted: str | None = None  # what the paragraph last counted, for "another 10,000"
    line: int = -1  # the paragraph (line) the context is in
    aliases: dict[str, str] | None = None  # "alliance" -> "Common Front"

    def remember(self, source: str | None) -> None:
        if not source or source == self.outlet:
            return
        self.last_source = source
        if looks_like_person(source):
            self.last_person = source
            if self.surnames is None:
                self.surnames = {}
            tokens = source.split()
            for tok in (tokens[0], tokens[-1]):
                self.surnames.setdefault(tok, source)

    def full_name(self, source: str) -> str:
        if self.surnames and " " not in source and source in self.surnames:
            return self.surnames[source]
        if self.aliases and source.lower() in self.aliases:
            return self.aliases[source.lower()]  # "the alliance" named as the Common Front
        return source

    def learn_aliases(self, text: str) -> None:
        """'the Common Front, an alliance of unions, ...', 'The organisers, the Common
        Front, ...': a description in apposition names the same body later."""
        for m in _APPOSED.finditer(text):
            if m.group("desc_first"):
                name, noun = clean_source(m.group("name2")), m.group("noun2").lower()
            else:
                name, noun = clean_source(m.group("name")), m.group("noun").lower()
            if self.aliases is None:
                self.aliases = {}
            self.aliases[noun] = name


@dataclass(frozen=True)
class _Quote:
    start: int  # quoted words, without the marks
    end: int
    close: int  # offset just after the closing mark (== end if unclosed)
    open: int  # offset of the opening mark


_OPENER = re.compile(r"[“\"]")


def _find_quotes(text: str) -> list[_Quote]:
    """Quoted passages per paragraph (line); an unclosed quote runs to the line's end."""
    out: list[_Quote] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        base, pos = pos, pos + len(line)
        i, n = 0, len(line)
        while i < n:
            opener = _OPENER.search(line, i)  # jump to the next mark, not char by char
            if opener is None:
                break
            i = opener.start()
            ch = line[i]
            if ch == "“" or (ch == '"' and (i == 0 or not line[i - 1].isalnum())):
                closer = "”" if ch == "“" else '"'
                j = line.find(closer, i + 1)
                if ch == '"' and j < 0:
                    i += 1
                    continue
                end = j if j >= 0 else len(line.rstrip("\r\n"))
                out.append(_Quote(base + i + 1, base + end, base + (j + 1 if j >= 0 else end),
                                  base + i))
                i = (j + 1) if j >= 0 else n
            else:
                i += 1
    return _continued_quotes(text, out)


def _continued_quotes(text: str, quotes: list[_Quote]) -> list[_Quote]:
    """Statements quoted over several paragraphs with one opening mark and one closing
    mark: the paragraphs between belong to the quote (and to its speaker: the
    continuations share the opening quote's `open`)."""
    out = list(quotes)
    for q in quotes:
        if q.close != q.end or text[q.open] != "“":
            continue  # closed on its own line, or straight quotes: not extended
        pos = text.find("\n", q.end)
        pending: list[_Quote] = []
        for _ in range(20):
            if pos < 0:
                break
            start, pos = pos + 1, text.find("\n", pos + 1)
            end = len(text) if pos < 0 else pos
            line = text[start:end]
            if not line.strip():
                continue
            opener, closer = line.find("“"), line.find("”")
            if opener >= 0 and (closer < 0 or opener < closer):
                break  # each paragraph reopens the quote: already found line by line
            lead = len(line) - len(line.lstrip())
            if closer >= 0:
                pending.append(_Quote(start + lead, start + closer, start + closer + 1, q.open))
                out.extend(pending)
                break
            pending.append(_Quote(start + lead, start + len(line.rstrip()),
                                  start + len(line.rstrip()), q.open))
    return sorted(set(out), key=lambda x: (x.start, x.end))


_ABBREVIATION_END = re.compile(r"\b[A-Z]\.$|\b[a-z]\.[a-z]\.$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past spaces, bullets and edge punctuation."""
    while start < end and text[start] in " \t\r\n-–—•*,;:“”\"'‘’([":
        if text[start] in "‘’'" and start + 1 < end and text[start + 1].isalpha() and \
                text[start] == "’":
            break
        start += 1
    while end > start and (text[end - 1] in " \t\r\n,;:–—-“”\"(‘" or (
            text[end - 1] == ")" and "(" not in text[start:end])):
        end -= 1
    while end > start and text[end - 1] in ".!?" and not _ABBREVIATION_END.search(text, start, end):
        end -= 1
    return start, end


@lru_cache(maxsize=512)
def _clauses(text: str, boundary: re.Pattern[str] = _BOUNDARY) -> tuple[tuple[int, int], ...]:
    """A sentence's clauses as (start, end); cached, as each claim asks again."""
    cuts = [0]
    for m in boundary.finditer(text):
        if _BETWEEN_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "between 40 and 60 people were killed": one range, not two clauses
        cuts.extend([m.start(), m.end()])
    cuts.append(len(text))
    return tuple((cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2))


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+[$€£]?[\w,.]+(?:\s+(?:hundred|thousand|million|billion|"
                             r"dozen|per\s?cent|percent))?%?$", re.IGNORECASE)
_CONNECTOR = re.compile(r"(?:but|while|whereas|and|however|although|though),?\s+|as\s+(?=[A-Z])")


def _clause_of(text: str, start: int, end: int, boundary: re.Pattern[str] = _BOUNDARY,
               asides: bool = True) -> tuple[int, int]:
    """The clause of `text` holding `start:end`, or the aside holding it."""
    for a in _ASIDE.finditer(text) if asides else ():
        if a.start() <= start and end <= a.end():
            return _trim(text, a.start(), a.end())
    for cs, ce in _clauses(text, boundary):
        if cs <= start < ce:
            s, e = _trim(text, cs, max(ce, end))
            connector = _CONNECTOR.match(text, s)
            if connector and connector.end() <= start:
                s = connector.end()
            return min(s, start), max(e, end)
    return start, end


def _entities(text: str) -> tuple[str, ...]:
    # Short aliases count only in capitals: "told us" is no "US", "un-" no "UN".
    found = _places_in(text)
    for m in _PROPER_RE.finditer(text):
        words = [w for w in m.group().split() if w.lower() not in _NOT_ENTITIES]
        words = [w for w in words if w.lower().strip("’'s") not in _GENERIC_PLACE]
        if not words:
            continue
        name = " ".join(words).lower().replace("’s", "").replace("'s", "")
        if name in _PLACE_OF or any(a in name.split() for a in ("eu",)):
            continue
        if any(w.lower() in _PLACE_OF for w in words):
            continue
        if len(name) > 2:
            found.add(name)
    return tuple(sorted(found))


def _place_name(raw: str) -> str | None:
    if "’s " in raw or "'s " in raw:
        raw = re.split(r"[’']s\s+", raw)[-1]
    raw = re.sub(r"[’']s?$", "", raw)  # "in Monday's earthquake": a day, not a place
    words = [w for w in raw.split() if w.lower() not in _GENERIC_PLACE]
    if not words or words[0].lower() in _NOT_ENTITIES or words[0].lower() in TITLE_WORDS:
        return None  # "in May", "to President Zelensky"
    if any(w.strip("’'") in _NOT_PLACE_WORDS for w in words):
        return None  # "at the Interior Ministry", "in Parliament": a body, not a place
    name = " ".join(words).lower()
    return _PLACE_OF.get(name, name)


# Capitalised words that make a name a body, a publication or an event rather than a place.
_NOT_PLACE_WORDS = frozenset({
    "Ministry", "Council", "Union", "Office", "Department", "Agency", "Army", "Forces", "Police",
    "Intelligence", "Government", "Party", "Press", "News", "Times", "Post", "Journal", "Reuters",
    "Committee", "Commission", "Court", "Bank", "Service", "Services", "Parliament", "Congress",
    "Senate", "Assembly", "Institute", "University", "Company", "Corporation", "Group", "Agency",
    "Association", "Organisation", "Organization", "Foundation", "Fund", "Authority", "Bureau",
    "Centre", "Center", "Summit", "Conference", "Games", "Cup", "Festival", "Day", "Week",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "I", "We",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
    "Television", "TV", "Radio", "Channel", "Network", "Twitter", "Facebook", "Telegram", "X"})
_SUBJECT_RE = re.compile(
    r"\b(?P<prep>to|in|into|inside|at|near|across|within|on|off|outside|from|In|Near|Across|Off|"
    r"Outside|Inside)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
    r"(?:[’']s\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)")
_AT_PLACE = frozenset({"in", "inside", "near", "across", "within", "off", "outside"})
# "Poland's death toll", "Eskara's army": a possessive name before what is counted.
_POSSESSIVE_RE = re.compile(
    r"(?<![\w’'])(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})[’']s?\s+(?:[a-z-]+\s+){0,2}?"
    r"(?P<head>[a-z]+)\b")
_POSSESSED = frozenset({"toll", "turnout", "population", "losses", "army", "forces", "military",
                        "budget", "economy", "exports", "imports", "debt", "output", "troops",
                        "casualties", "dead", "deaths", "victims"})


_AWAY = re.compile(r"\b(?:evacuat\w+|fled|flee\w*|rescued|pulled|escaped|displaced|withdr\w+|"
                   r"relocated|moved)\b")


def _subject(text: str, start: int, after: int, clause_start: int, end: int,
             noun: str | None = None) -> str | None:
    """What a quantity is about, as the sentence itself says: the place named after it
    in its clause ("in Tarnova", "off the coast of", "to Russia"), else a possessive
    name before it ("Poland's death toll"), else a place opening the clause ("In
    Tarnova, 14 died"), else where it came from ("evacuated from Velika")."""
    origin = None
    for m in _SUBJECT_RE.finditer(text, after, end):
        place = _place_name(m.group("place"))
        if place is None:
            continue
        if m.group("prep") != "from":
            return place
        if _AWAY.search(text, after, m.start()):  # "300 were evacuated from Velika"
            origin = origin or place
    for m in _POSSESSIVE_RE.finditer(text, clause_start, start):
        head = m.group("head")
        if m.end() > start or not (head in _POSSESSED or head == noun or head in COUNTED_CLASSES):
            continue
        name = m.group("place")
        if looks_like_person(name):
            continue
        place = _place_name(name)
        if place is not None:
            return place
    for m in _SUBJECT_RE.finditer(text, clause_start, start):
        if m.group("prep").lower() in _AT_PLACE and m.end() <= start:
            place = _place_name(m.group("place"))
            if place is not None:
                return place
    return origin


_ACTOR_RE = re.compile(
    r"(?P<np>(?:[A-Z][\w.’'-]*\s+(?:of\s+(?:the\s+)?|and\s+)?){0,5}[A-Z][\w.’'-]*)"
    r"(?:[’']s)?\s+(?:(?:has|have|had|also|no\s+longer|not|now|again|already|previously|"
    r"reportedly|publicly|officially|strongly|repeatedly|is|are|was|were|will|would|may|might|"
    r"could|can)\s+)*(?P<verb>[a-z]+|Confirms|Denies|Condemns|Says|Rules)\b")


# Who acts when no one is said to speak: "The government has unveiled a package",
# "Rescuers pulled three children ...", "the central bank's 2% target". Institutions
# and people who act for them; not people at large, who are more often what is counted.
_PEOPLE_AT_LARGE = frozenset({
    "residents", "resident", "survivors", "survivor", "witnesses", "witness", "eyewitness",
    "eyewitnesses", "man", "woman", "men", "women", "families", "family", "victims",
    "protester", "protesters", "demonstrators", "students", "student", "workers", "worker",
    "passengers", "passenger", "driver", "relatives", "relative", "neighbours", "neighbors",
    "neighbour", "neighbor", "farmer", "teachers", "nurses", "nurse", "volunteer", "volunteers",
    "statement", "report", "sources", "source", "media", "estimates", "data", "figures", "survey",
    "poll", "results", "tally", "count", "studies", "statistics", "census", "portal", "website",
    "platform", "post", "letter", "document", "release", "announcement", "study", "channel",
    "network", "broadcaster", "newspaper", "campaign", "body", "group", "family"})
_DOER_HEADS = frozenset(w for w in SOURCE_NOUNS if w not in _PEOPLE_AT_LARGE) | {
    "parliament", "cabinet", "congress", "senate", "unions", "bank", "banks", "treasury",
    "regime", "junta", "rebels", "insurgents", "militants", "troops", "navy", "ministers"}
_ORG_WORDS = frozenset({
    "Ministry", "Council", "Union", "Office", "Department", "Agency", "Army", "Forces", "Police",
    "Intelligence", "Government", "Party", "Committee", "Commission", "Court", "Bank", "Service",
    "Services", "Parliament", "Congress", "Senate", "Assembly", "Institute", "University",
    "Company", "Corporation", "Group", "Association", "Organisation", "Organization", "Foundation",
    "Fund", "Authority", "Bureau", "Centre", "Center", "Nations", "Front", "Alliance", "Coalition",
    "Movement", "Federation", "Red", "Cross", "Crescent", "Programme", "Program", "Board",
    "Inc", "Ltd", "Corp", "Agency", "Guard", "Brigade", "Command", "Network", "Trust"})
_VERB_AFTER = re.compile(
    r"\s+(?:(?:has|have|had|also|now|then|again|already|on\s+[A-Z]\w+|will|would|could|may|"
    r"late|early|recently|previously|last\s+\w+|this\s+\w+)\s+)*(?P<verb>[a-z][a-z’'-]+)\b")
_NOT_VERBS = frozenset({"of", "in", "on", "at", "from", "for", "with", "and", "or", "to", "by",
                        "the", "a", "an", "who", "which", "that", "as", "than", "is", "was",
                        "are", "were", "be", "been", "being", "said", "says", "say", "told"})
_HEAD_ALT = "|".join(sorted(_DOER_HEADS, key=len, reverse=True))
_APPOSITION = r"(?:\s*,\s*(?P<app>(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*){0,4})\s*,)?"
_DOER_NPS = (
    # "the central bank", "Lutania's main trade unions", "Rescuers"
    re.compile(r"(?P<np>(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+)?(?:[A-Z][\w.&-]*[’']s\s+)?"
               r"(?:[a-z][\w-]*\s+){0,2}(?i:" + _HEAD_ALT + r"))\b" + _APPOSITION),
    # "The Bank of Lestria", "the United Nations", "Finance Minister Anna Brecht"
    re.compile(r"(?P<np>(?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of\s+(?:the\s+)?|and\s+)?"
               r"[A-Z][\w.&’'-]*){0,5})" + _APPOSITION),
)
_OWNER_NP = re.compile(
    r"(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+)?(?:(?:[a-z][\w-]*\s+){0,2}(?i:" + _HEAD_ALT + r")|"
    r"[A-Z][\w.&-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.&-]*){0,4})")
_POSSESSED_TAIL = re.compile(r"(?:[\w-]+\s+){0,2}(?:[$€£]|US\$)?")
_TIME_LEAD = re.compile(
    r"^(?:(?:By|On|In|At|Late|Early|Later|Earlier|Since|Until)\s+(?:(?:late|early|last|this|the)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|morning|afternoon|evening|"
    r"night|dawn|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:\s+(?:morning|afternoon|evening|"
    r"night))?,?\s+|(?:Meanwhile|Separately|However|Also|Earlier|Later|Then),\s+)")


_SUBORDINATE = re.compile(r"\b(?:as|while|when|after|before|because|although|though|whereas|"
                          r"but|if|unless|until|where|which|who|whom|that)\b")
_IT_ACTS = re.compile(r"[Ii]t\s+(?:(?:also|then|now|again|later|has|had|will)\s+)*"
                     r"(?!(?:is|was|has\s+been|had\s+been|will\s+be|would|remains|seems|"
                     r"appears|takes|took|comes|came|costs?)\b)[a-z]+(?:ed|s|t)\b")


def _is_doer(np: str) -> str | None:
    """The cleaned name if `np` names an institution or a person who acts."""
    words = np.split()
    if not words or words[0].lower() in ("it", "they", "this", "that", "there", "he", "she"):
        return None
    head = words[-1].strip(".,’'").lower()
    if head in _DOER_HEADS and not any(w[0].isdigit() for w in words):
        name = clean_source(re.sub(r"^(?:[Tt]he\s+)?[A-Z][\w.&-]*[’']s\s+", "", np))
        return name or None
    content = [w for w in words if w.lower() not in ("the", "of", "and", "a", "an")]
    if not all(w[:1].isupper() for w in content):
        return None  # mixed: "Unemployment rose", "Eskara quake death toll"
    name = clean_source(np)
    tokens = name.split()
    if any(t.strip("’'") in _ORG_WORDS for t in tokens) or (
            len(tokens) == 1 and re.fullmatch(r"[A-Z]{2,6}", tokens[0]) and
            tokens[0].lower() not in _PLACE_OF):
        return name
    if looks_like_person(name) and not tokens[0].lower().endswith(("ing", "ern", "ed")) and \
            " ".join(tokens).lower() not in _PLACE_OF:
        return name
    return None


def _doer(text: str, clause_start: int, number_start: int) -> str | None:
    """The institution or person a count belongs to when no one is said to report it:
    the owner named right before it ("the central bank's 2% target") or the subject
    of its clause ("The government has unveiled a 24 billion euro package"), never the
    counted people themselves ("500 people died") or a country ("Lestria unveils")."""
    seg = text[clause_start:number_start]
    # The owner's possessive sits within a few words of the number: search only there
    # (the pattern anchored at the end costs a scan from every position).
    tail = seg[-80:]
    mark = max(tail.rfind("’s "), tail.rfind("'s "))
    if mark > 0 and _POSSESSED_TAIL.fullmatch(tail, mark + 3):
        tokens = tail[:mark].split()[-6:]
        for k in range(len(tokens), 0, -1):  # the longest owner phrase that names a doer
            np = " ".join(tokens[-k:])
            name = _is_doer(np) if _OWNER_NP.fullmatch(np) else None
            if name:
                return name
    lead = _TIME_LEAD.match(seg)
    pos = lead.end() if lead else 0
    for pattern in _DOER_NPS:
        m = pattern.match(seg, pos)
        if not m:
            continue
        verb = _VERB_AFTER.match(seg, m.end())
        if not verb or verb.group("verb") in _NOT_VERBS or _PASSIVE.search(seg[:verb.end()]) or \
                _SUBORDINATE.search(seg, verb.end()):
            continue  # "Ministers demand a ceasefire as shelling kills 18": not theirs
        for np in (m.group("app"), m.group("np")):
            name = _is_doer(np) if np else None
            if name:
                return name
    return None


_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:[a-z]+ed|sent|struck|shot|hit|"
                      r"killed|held|seen|taken|given|found|made)$")


def _actor(span: str, predicate: str | None) -> str | None:
    """Who takes a stance or does an act: the subject of the clause holding the act
    (after any leading adverbial phrase such as "Amid reports of ..., Seoul ...")."""
    act = next((p.search(span) for name, p in PREDICATES if name == predicate), None)
    limit = act.start() if act else len(span)
    comma = span.rfind(", ", 0, limit)
    for begin in ((comma + 2, 0) if comma >= 0 else (0,)):
        for m in _ACTOR_RE.finditer(span, begin, max(limit, begin) + 40):
            np = m.group("np")
            if np.split()[0] in ("The", "A", "An", "In", "On", "At", "Amid", "After", "As", "If"):
                np = " ".join(np.split()[1:])
            if _PASSIVE.search(m.group()):
                continue  # "the troops ... were killed": who is killed does not act
            if np and m.group("verb") not in ("of", "and", "the", "to", "in", "on", "for"):
                return clean_source(np)
    return None


# Stems each act's pattern needs: a substring test skips the regex for most clauses.
_PREDICATE_STEMS = {
    "noncommittal": ("refrain", "short of", "declin", "neither", "not ", "refus", "no comment",
                     "without"),
    "deny": ("den", "reject", "refut", "dismiss"), "confirm": ("confirm", "acknowledg", "verified"),
    "condemn": ("condemn", "denounc", "critici", "deplor"), "accuse": ("accus",),
    "supply": ("suppl", "provid", "transfer", "deliver", "export", "ship", "sen", "procure",
               "arms", "weapon"),
    "deploy": ("deploy", "sen", "dispatch", "stationed", "arriv", "mov", "join"),
    "warn": ("warn",), "sanction": ("sanction",), "sign": ("sign",), "kill": ("kill", "died"),
    "attack": ("attack", "strik", "struck", "shell"), "arrest": ("arrest", "detain"),
    "rescue": ("rescu", "pull", "dug out", "freed"),
    "fire": ("tear", "rubber", "cannon", "shot", "fire", "bullet", "grenade", "spray",
             "ammunition", "pellet", "flash"),
    "declare": ("declar", "emergency", "curfew", "martial", "mourning"), "call": ("call",),
    "vote": ("vot", "approv", "ratif", "adopt", "pass"),
    "support": ("agree", "back", "support", "endors"), "resign": ("resign", "step", "quit"),
    "evacuate": ("evacuat",), "withdraw": ("withdr", "pull", "scrap", "shelv", "revok", "retract"),
}


# One scan finds which stems occur (no two stems start alike where it would matter).
_STEM_RE = re.compile("|".join(sorted({re.escape(st) for sts in _PREDICATE_STEMS.values()
                                       for st in sts}, key=len, reverse=True)))


def _predicate(text: str) -> str | None:
    """The act of a clause (see `_act`)."""
    return _act(text)[0]


def _act(text: str) -> tuple[str | None, bool]:
    """(act, denied) of a clause: the first act class whose verb is not a participle
    modifying a noun ("families of soldiers sent to Russia" reports no sending). A
    denial of an act is that act, denied: "police denied firing tear gas" is the act
    "fire" with modality denied, so it meets the reports of the firing."""
    stems = set(_STEM_RE.findall(text.lower()))
    if not stems:
        return None, False
    found: list[tuple[str, int]] = []
    for name, pattern in PREDICATES:
        if stems.isdisjoint(_PREDICATE_STEMS[name]):
            continue
        for m in pattern.finditer(text):
            if not _modifier_participle(text, m.start()):
                found.append((name, m.end()))
                break
        if found:
            break
    if found and found[0][0] != "deny":
        return found[0][0], False
    if not found:
        return None, False
    denial_end = found[0][1]
    for name, pattern in PREDICATES:
        if name in _STANCE or stems.isdisjoint(_PREDICATE_STEMS[name]):
            continue
        m = pattern.search(text, denial_end)
        if m and m.start() - denial_end <= 60 and not _modifier_participle(text, m.start()):
            return name, True
    return "deny", True


_PARTICIPLE = re.compile(r"(?:[a-z]+ed|sent|struck|shot|hit)\b")
_PREPOSITIONS = frozenset({"of", "for", "with", "about", "on", "against", "among", "from", "to",
                           "by", "at", "in", "into", "including", "like", "over", "under"})
_FINITE_BEFORE = frozenset({"has", "have", "had", "was", "were", "is", "are", "be", "been",
                            "being", "not", "also", "reportedly", "who", "which", "that", "they",
                            "it", "he", "she", "we", "i", "you", "then", "and", "or", "but",
                            "already", "allegedly", "recently", "previously", "never"})
_DETERMINERS = frozenset({"the", "these", "those", "some", "many", "all", "its", "their", "his",
                          "her", "our", "a", "an"})
_FINITE_AFTER = re.compile(r"\b(?:were|was|are|is|have|has|had|will|would|remain\w*)\b")
_WORD_BEFORE = re.compile(r"[\w’'-]+")
_COMPLEMENT = frozenset({"that", "said", "says", "say", "reported", "confirmed", "believed",
                         "claimed", "estimated", "showed", "found"})


def _modifier_participle(text: str, at: int) -> bool:
    """Whether the verb at `at` is a reduced relative clause: a participle right after
    a common noun that is the object of a preposition ("families of soldiers sent"),
    or a sentence-opening subject whose own verb follows ("The troops sent ... were")."""
    if not _PARTICIPLE.match(text, at):
        return False
    words = _WORD_BEFORE.findall(text[max(0, at - 60):at])
    if len(words) < 2:
        return False
    noun = words[-1]
    if not noun.isalpha() or not noun.islower() or noun in _FINITE_BEFORE or \
            noun in _PREPOSITIONS or noun in _DETERMINERS or noun.endswith("ly"):
        return False
    for i, word in enumerate(reversed(words[:-1][-3:])):
        low = word.lower()
        if low in _PREPOSITIONS:
            return True
        if low in _COMPLEMENT and i == 0:  # "said troops deployed to Kursk have ..."
            return _FINITE_AFTER.search(text, at) is not None
        if low in _FINITE_BEFORE:
            return False
        if low in _DETERMINERS:
            opening = len(words) - 2 - i == 0
            return opening and _FINITE_AFTER.search(text, at) is not None
    return False


def _without_dates(span: str, start: int, dates: Sequence[DateMention]) -> str:
    """The span with its date expressions blanked: the month in "as of May 16" is no
    hedging "may"."""
    for d in dates:
        s, e = max(d.start - start, 0), min(d.end - start, len(span))
        if s < e:
            span = span[:s] + " " * (e - s) + span[e:]
    return span


def _modality(span: str, attribution: Attribution | None, predicate: str | None,
              date: DateMention | None, anchor: tuple[int, int] | None = None) -> str:
    """How a claim is put. `anchor` is a quantity's span within `span`: what follows
    a comma after it ("6.9, a difference that experts said would not change ...")
    speaks of something else."""
    if predicate == "deny" or (attribution is not None and attribution.modality == "denied"):
        return "denied"
    if anchor is not None:
        comma = _AFTER_COUNT.search(span, anchor[1])
        if comma:
            span = span[:comma.start()]
    # The word set decides which patterns can match at all (most spans need none).
    words = set(_WORD_RE.findall(span.lower()))
    if (date is not None and date.future) or _HEADLINE_INFINITIVE.match(span) or (
            (not words.isdisjoint(_PLAN_WORDS) or any(w.startswith(_PLAN_PREFIXES) for w in words))
            and _planned(span, anchor)):
        return "planned"
    if "would" in words and not _STRONG_HEDGE.search(span) and (
            attribution is not None or _SAID_WOULD.search(span) or _MEASURE_WOULD.search(span)):
        return "planned"
    if (not words.isdisjoint(_HEDGE_WORDS) and _HEDGED.search(span)) or (
            attribution is not None and attribution.modality == "hedged"):
        return "hedged"
    if (not words.isdisjoint(_NEGATION_WORDS) or "n’t" in span or "n't" in span) and \
            _NEGATED.search(span) and predicate not in ("noncommittal",):
        return "negated"
    if predicate == "confirm" or (attribution is not None and attribution.modality == "confirmed"):
        return "confirmed"
    if attribution is not None:
        return "reported"
    return "asserted"


_AFTER_COUNT = re.compile(r",\s+(?!\d{3}\b)|\s[–—]\s")


def _planned(span: str, anchor: tuple[int, int] | None) -> bool:
    """A plan word governs the clause, except a plan named as a noun after the count
    ("marched against a government plan to raise ...")."""
    nouns = [m for m in _PLAN_NOUN.finditer(span)] if anchor is not None else []
    for m in _PLANNED.finditer(span):
        if any(n.start() <= m.start() < n.end() and anchor is not None and anchor[1] <= n.start()
               for n in nouns):
            continue
        return True
    return False


def _pick_attribution(atts: Sequence[Attribution], start: int, end: int,
                      anchor: tuple[int, int] | None = None) -> Attribution | None:
    """The attribution governing `start:end`: one inside it, 'according to', the nearest
    lead before it, the nearest trailing one after it, then a headline source.

    `anchor` is the quantity's own span: of several 'according to' phrases, the first
    after the number names its source ("40,000 according to police, and 100,000
    according to organisers")."""
    # A lead verb after the number does not govern it ("Hungary recorded 12 deaths,
    # Romania reported six").
    inside = [a for a in atts if a.position == "lead" and start <= a.start and a.end <= end
              and (anchor is None or a.end <= anchor[0])]
    if inside:
        return inside[0]
    according = [a for a in atts if a.position == "according"]
    if according:
        if anchor is not None:
            after = [a for a in according if a.start >= anchor[1]]
            if after:
                return min(after, key=lambda a: a.start)
        return min(according, key=lambda a: abs(a.start - start))
    before = [a for a in atts if a.position == "lead" and a.end <= start]
    if before:
        return max(before, key=lambda a: a.end)
    after = [a for a in atts if a.position == "trail" and a.start >= start]
    if after:
        return min(after, key=lambda a: a.start)
    # A lead verb in a later clause governs only its own: in "EU condemns X, as China
    # denies Y" China is no source of the condemnation; an inserted ", officials said,"
    # speaks for the whole sentence.
    overlapping = [a for a in atts if a.position == "trail" or (
        a.position == "lead" and a.start < end and start < a.end and (
            anchor is None or a.start < anchor[0]))]
    if overlapping:
        return overlapping[0]
    heads = [a for a in atts if a.position == "headline"]
    return heads[0] if heads else None


def _resolve(att: Attribution | None, sentence_text: str, ctx: _Context) -> tuple[str | None, str | None]:
    """(source, relay) for an attribution, with pronouns resolved from context."""
    if att is None:
        return None, None
    if att.pronoun:
        if att.source == "":  # "..., saying": the sentence's subject speaks
            name = leading_name(sentence_text)
            if name:
                return ctx.full_name(name), None
            return ctx.last_source, None
        if att.source.lower() in ("he", "she", "i"):
            return ctx.last_person or ctx.last_source, None
        head = att.source.split()[-1].lower() if att.source else ""
        if head in _TEXT_NOUNS or att.source.lower() in ("they", "it", "we"):
            return ctx.last_source, None  # "the statement said": whoever issued it
        # "the ministry said": the ministry named before, else just "ministry"
        if ctx.last_source and head and head in ctx.last_source.lower():
            return ctx.last_source, None
        return att.source, None
    return ctx.full_name(att.source), att.relay


_TEXT_NOUNS = {"statement", "report", "release", "communique", "communiqué", "document", "letter",
               "announcement", "post", "study"}


def _nearest_date(dates: Sequence[DateMention], start: int, end: int,
                  anchor: tuple[int, int] | None = None,
                  statement: int | None = None) -> DateMention | None:
    inside = [d for d in dates if start <= d.start and d.end <= end and d.iso]
    if inside:
        if anchor is not None:  # the date closest to the number, not the statement's date
            return min(inside, key=lambda d: max(d.start - anchor[1], anchor[0] - d.end, 0))
        return inside[0]
    before = [d for d in dates if d.end <= start and d.iso]
    if before:
        return before[-1]
    # The date of the statement that follows: "..., the ministry said on Oct. 24."
    after = [d for d in dates if statement is not None and d.start >= statement and d.iso]
    return after[0] if after and anchor is not None else None


# Counts that keep changing after the event they count: a toll is counted when it is
# reported, not on the day of the earthquake it counts.
_TOLLS = frozenset({"deaths", "injured", "casualties", "missing", "displaced", "arrests",
                    "rescued"})
# A running count reported as it stands: "has risen to", "climbs to", "now stands at".
_RUNNING = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|since\s+)?(?:risen|climbed|grown|increased|reached|passed|"
    r"topped|surpassed|exceeded|jumped|hit)\b|\b(?:rises|climbs|grows|increases|reaches|passes|"
    r"tops|surpasses|exceeds|jumps|hits|stands)\b|\bnow\s+(?:stands?|totals?|at|numbers?)\b|"
    r"\bso\s+far\b|\bto\s+date\b", re.IGNORECASE)


def _count_date(dates: Sequence[DateMention], text: str, scope: tuple[int, int],
                anchor: tuple[int, int] | None, statement: int | None, counted: str | None,
                published: str | None) -> DateMention | None:
    """The date a count refers to. "Since Saturday" opens the window of a running count
    and "Monday's earthquake" dates the event, not its toll: such counts, and counts
    that "have risen to" a figure, stand as of the report (a date the sentence gives
    for it, else the publication day)."""
    running = _RUNNING.search(text, *scope) is not None
    # A window opens only for counts in its own clause: in "since 1999, when a tremor
    # killed 17,000", 1999 is when the when-clause happened.
    kept = [d for d in dates if not (d.since and scope[0] <= d.start < scope[1]) and not (
        d.event and (running or counted in _TOLLS))]
    date = _nearest_date(kept, *scope, anchor, statement)
    if date is not None or published is None:
        return date
    in_scope = [d for d in dates if scope[0] <= d.start and d.end <= scope[1]]
    if running or len(kept) < len(dates) and any(d not in kept for d in in_scope):
        return DateMention(scope[0], scope[0], "", published[:10], DAY)
    return None


def _worthiness(kind: str, quantity: Quantity | None, named_source: bool, att: Attribution | None,
                date: DateMention | None, entities: tuple[str, ...], predicate: str | None,
                modality: str) -> tuple[float, tuple[str, ...]]:
    features: list[str] = []
    score = 0.0
    if quantity is not None:
        features.append("number" if quantity.qualifier != VAGUE else "vague-number")
        score += 0.35 if quantity.qualifier != VAGUE else 0.2
        if quantity.counted:
            features.append("counted")
            score += 0.1
    if kind == QUOTE:
        features.append("quote")
        score += 0.25
    if predicate:
        features.append(f"act:{predicate}")
        score += 0.15
    if named_source:
        features.append("named-source")
        score += 0.2
    if att is not None:
        features.append("attribution-verb")
        score += 0.05
    if date is not None:
        features.append("date")
        score += 0.1
    if entities:
        features.append("entities")
        score += 0.05
    if modality in ("hedged", "planned"):
        features.append(modality)
        score -= 0.05
    return round(max(0.0, min(1.0, score)), 3), tuple(features)


def extract_claims(document: Document, sentences: Sequence[Sentence]) -> list[Claim]:
    """Claims of a document's STORY and TITLE sentences, sorted by (start, end, kind).

    `sentences` are all the document's sentences in order; neighbours give context
    (a speaker named before "he said", the quote a sentence continues).
    """
    text = document.text
    quotes = _find_quotes(text)
    ctx = _Context(outlet=document.outlet)
    claims: dict[str, Claim] = {}
    quote_speakers: dict[int, tuple[str | None, str | None]] = {}
    previous: Sentence | None = None
    for sentence in sentences:
        if sentence.flag not in (STORY, TITLE):
            previous = sentence
            continue
        for claim in _sentence_claims(document, sentence, previous, quotes, quote_speakers, ctx):
            claims[claim.id] = claim
        previous = sentence
    return sorted(claims.values(), key=lambda c: (c.start, c.end, c.kind, c.id))


_ISSUER = re.compile(
    r"\b(?:issued|released|published|signed|adopted|agreed|made\s+public|put\s+out|read\s+out|"
    r"delivered|sent|posted)\b[^.:;]*?\bby\s+(?P<np>(?:the\s+)?[A-Z][^.:;]*?)"
    r"(?=\s+(?:after|on|in|at|during|following|before|late|early|and\s+reads)\s|\s*[.:;]|\s*$)")


def _lead_in_speaker(text: str, para_start: int, ctx: _Context) -> tuple[str | None, str | None]:
    """Who issued a statement quoted from the start of a paragraph: the paragraph before
    introduces it ('The text of the statement was released by X:'), possibly with a
    heading between."""
    end = para_start
    for _ in range(8):  # blank lines and one heading may stand between
        prev_end = text.rfind("\n", 0, max(0, end - 1))
        line = text[prev_end + 1:end].strip()
        end = prev_end + 1
        if not line:
            if prev_end < 0:
                break
            continue
        if _is_heading(line):
            continue
        if not line.endswith(":"):
            break
        issuer = None
        for issuer in _ISSUER.finditer(line):
            pass
        if issuer:
            return clean_source(issuer.group("np")), None
        last = re.split(r"(?<=[.!?])\s+", line)[-1]
        atts = [a for a in find_attributions(last) if a.position in ("lead", "headline")]
        if atts:
            return _resolve(atts[-1], last, ctx)
        break
    return None, None


def _quote_speaker(document: Document, quote: _Quote, previous: Sentence | None,
                   ctx: _Context, quotes: Sequence[_Quote] = (),
                   known: dict[int, tuple[str | None, str | None]] | None = None,
                   ) -> tuple[str | None, str | None]:
    speaker = _own_quote_speaker(document, quote, previous, ctx)
    if speaker[0] is not None:
        return speaker
    text = document.text
    line_start = text.rfind("\n", 0, quote.open) + 1
    # A later quote in a paragraph is the same speaker's, unless it names another.
    earlier = [q for q in quotes if line_start <= q.open < quote.open and q.open != quote.open]
    if earlier and known is not None:
        prior = max(earlier, key=lambda q: q.open)
        if prior.open in known and known[prior.open][0] is not None:
            return known[prior.open]
    if not text[line_start:quote.open].strip():
        return _lead_in_speaker(text, line_start, ctx)
    return None, None


def _own_quote_speaker(document: Document, quote: _Quote, previous: Sentence | None,
                       ctx: _Context) -> tuple[str | None, str | None]:
    text = document.text
    line_start = text.rfind("\n", 0, quote.open) + 1
    line_end = text.find("\n", quote.close)
    line_end = len(text) if line_end < 0 else line_end
    # After the closing mark, up to the end of that sentence: '," the EU states.'
    tail_end = line_end
    stop = re.search(r"[.!?](?:\s|$)|[“\"]", text[quote.close:line_end])
    if stop:
        tail_end = quote.close + stop.end()
    tail = text[quote.close:tail_end]
    if text[quote.start:quote.end].rstrip()[-1:] in ".!?":
        tail = ""  # the quoted sentence ended inside the marks: what follows is new
    for att in find_attributions(tail):
        if att.start <= 6 and att.position in ("trail", "lead"):
            return _resolve(att, tail, ctx)
    # Before the opening mark, in the same paragraph: 'Rutte said: “', 'stated that “'.
    head = text[line_start:quote.open]
    head_sentence_start = max((m.end() for m in re.finditer(r"[.!?][”\"]?\s+(?=[A-Z“\"])", head)),
                              default=0)
    head = head[head_sentence_start:]
    atts = [a for a in find_attributions(head) if a.position in ("lead", "according", "headline")]
    if atts:
        return _resolve(atts[-1], head, ctx)
    if head.rstrip().endswith(":"):
        # "President X returned ... and repeated his promise to residents: “...”": the
        # words a colon introduces are the sentence subject's.
        name = leading_name(head)
        if name and (looks_like_person(name) or _is_doer(name)):
            return ctx.full_name(name), None
    if not head.strip() and previous is not None and re.search(r"[:,]\s*$", previous.text):
        atts = find_attributions(previous.text)
        if atts:
            return _resolve(atts[-1], previous.text, ctx)
    return None, None


def _sentence_claims(document: Document, sentence: Sentence, previous: Sentence | None,
                     quotes: Sequence[_Quote], quote_speakers: dict[int, tuple[str | None, str | None]],
                     ctx: _Context) -> list[Claim]:
    text = document.text
    s_text = sentence.text
    base = sentence.start
    published = document.published
    # The sentence's lower-case words, once, for the date, number and attribution finders.
    low = s_text.lower()
    words = set(_WORD_RE.findall(low))
    dates = find_dates(s_text, published, words)
    if ctx.line != sentence.line:
        ctx.line, ctx.last_counted = sentence.line, None
    if dates:
        dates = [_same_day(d, ctx) for d in dates]
        resolved = [d for d in dates if d.iso and d.precision == DAY]
        if resolved:
            ctx.last_date = resolved[-1]
    if ", the " in s_text or ", a" in s_text:
        ctx.learn_aliases(s_text)
    atts_all = find_attributions(s_text, words)
    in_quotes = [q for q in quotes if q.start < sentence.end and sentence.start < q.end]
    # Attributions inside quoted words belong to the quote's speaker, not the sentence.
    atts = [a for a in atts_all if not any(q.start <= base + a.start < q.end for q in in_quotes)]
    out: list[Claim] = []

    def quote_of(start: int, end: int) -> _Quote | None:
        for q in in_quotes:
            if q.start <= base + start and base + end <= q.end:
                return q
        return None

    def speaker_of(q: _Quote) -> tuple[str | None, str | None]:
        if q.open not in quote_speakers:
            quote_speakers[q.open] = _quote_speaker(document, q, previous, ctx, quotes,
                                                    quote_speakers)
        return quote_speakers[q.open]

    def make(kind: str, start: int, end: int, *, quantity: Quantity | None = None,
             predicate: str | None = None, subject: str | None = None,
             gapped: str | None = None, date_scope: tuple[int, int] | None = None,
             denied: bool = False) -> Claim:
        span = s_text[start:end]
        anchor = (quantity.start, quantity.end) if quantity is not None else None
        q = quote_of(start, end) if kind != QUOTE else None
        if kind == QUOTE:
            qq = next(x for x in in_quotes if x.start <= base + start < x.end)
            source, relay = speaker_of(qq)
            att = None
        elif q is not None:
            source, relay = speaker_of(q)
            att = None
        else:
            att = _pick_attribution(atts, start, end, anchor)
            source, relay = _resolve(att, s_text, ctx)
            if gapped and att is not None and att.position == "lead" and att.end <= start:
                source, relay = ctx.full_name(gapped), None  # "... and Austria five"
            if source is None and kind == EVENT:
                act = next((p.search(span) for name, p in PREDICATES if name == predicate), None)
                actor = _doer(s_text, start, start + act.end()) if act else None
                actor = actor or _actor(span, predicate)
                source = ctx.full_name(actor) if actor else None
            elif source is None and quantity is not None:
                actor = _doer(s_text, start, quantity.number_start)
                if actor is None and _IT_ACTS.match(s_text, start) and ctx.last_source:
                    actor = ctx.last_source  # "It also cut its forecast ...": who acted before
                source = ctx.full_name(actor) if actor else None
        named = source is not None
        if source is None:
            source = document.outlet
        if relay and source and not source.startswith(relay):
            source = f"{relay}, citing {source}"
        scope = date_scope or (start, end)
        statement = att.start if att is not None and att.position == "trail" else None
        if quantity is not None:
            date = _count_date(dates, s_text, scope, anchor, statement, quantity.counted,
                               published)
        else:
            date = _nearest_date(dates, *scope, anchor, statement)
        entities = _entities(span)
        modality = _modality(_without_dates(span, start, dates), att, predicate, date,
                             (anchor[0] - start, anchor[1] - start) if anchor else None)
        if denied:
            modality = "denied"
        value = quantity.value if quantity is not None else None
        score, features = _worthiness(kind, quantity, named, att, date, entities, predicate, modality)
        doc_start, doc_end = base + start, base + end
        return Claim(
            id=content_id(document.id, doc_start, doc_end, kind, value),
            document_id=document.id, sentence_id=sentence.id, start=doc_start, end=doc_end,
            text=text[doc_start:doc_end], kind=kind, value=value,
            low=quantity.low if quantity else None, high=quantity.high if quantity else None,
            qualifier=quantity.qualifier if quantity else None,
            counted=quantity.counted if quantity else None, subject=subject,
            attributed_to=source, relay=relay,
            as_of=date.iso if date else None, as_of_precision=date.precision if date else None,
            modality=modality, predicate=predicate, entities=entities,
            check_worthiness=score,
            features=features + ((f"noun:{quantity.noun}",) if quantity and quantity.noun else ()),
        )

    # Numeric claims: one per quantity, spanning its clause.
    quantities = find_quantities(s_text, date_spans=[(d.start, d.end) for d in dates],
                                 low=low, words=words)
    numeric_clauses: list[tuple[int, int]] = []
    last_counted: str | None = None
    for qty in quantities:
        cs, ce = _clause_of(s_text, qty.start, qty.end)
        # A trailing "..., an official said" is who says it, not part of what is said.
        cut = min((a.start for a in atts if a.position == "trail" and qty.end <= a.start < ce),
                  default=None)
        if cut is not None:
            cs, ce = _trim(s_text, cs, cut)
        if qty.counted is None and last_counted and qty.qualifier != VAGUE:
            qty = _with_counted(qty, last_counted)
        elif qty.noun is None and last_counted and qty.counted == "people" and \
                qty.qualifier == VAGUE:
            qty = _with_counted(qty, last_counted)  # "2.5 million votes ..., several hundred arrived"
        elif qty.counted is None and ctx.last_counted and re.search(
                r"\banother\s+$", s_text[max(0, qty.start - 10):qty.start], re.IGNORECASE):
            qty = _with_counted(qty, ctx.last_counted)  # "She said another 10,000 would be ..."
        last_counted = qty.counted or last_counted
        if qty.counted:
            ctx.last_counted = qty.counted
        numeric_clauses.append((cs, ce))
        subject = _subject(s_text, qty.start, qty.end, cs, ce, qty.noun)
        gap = _GAPPED_SOURCE.fullmatch(s_text, cs, qty.start) if cs < qty.start else None
        gapped = clean_source(gap.group("np")) if gap and cs > 0 else None
        act, denied = _act(s_text[cs:ce])
        out.append(make(NUMERIC, cs, ce, quantity=qty, predicate=act, denied=denied,
                        subject=subject, gapped=gapped,
                        date_scope=_clause_of(s_text, qty.start, qty.end, _DATE_BOUNDARY, False)))

    # Quote claims: one per quoted sentence of at least a few words.
    for q in in_quotes:
        qs, qe = max(q.start, sentence.start) - base, min(q.end, sentence.end) - base
        for ps, pe in _quoted_sentences(s_text, qs, qe):
            if len(re.findall(r"[\w’'-]+", s_text[ps:pe])) < _MIN_QUOTE_WORDS:
                continue
            out.append(make(QUOTE, ps, pe, predicate=_predicate(s_text[ps:pe])))

    # Event claims: clauses reporting an act, outside quotes and numeric clauses.
    for cs, ce in _clauses(s_text) if _STEM_RE.search(s_text.lower()) else ():
        cs, ce = _trim(s_text, cs, ce)
        connector = _CONNECTOR.match(s_text, cs)
        if connector and connector.end() < ce:
            cs = connector.end()
        if ce - cs < 12:
            continue
        if any(not (ne <= cs or ce <= ns) for ns, ne in numeric_clauses):
            continue
        if any(q.start < base + ce and base + cs < q.end for q in in_quotes):
            # Only the part before the opening mark can be an event ("X confirmed that “...").
            first = min(q.open for q in in_quotes if q.start < base + ce and base + cs < q.end)
            if first - base <= cs:
                continue
            ce = first - base
            cs, ce = _trim(s_text, cs, ce)
            if ce - cs < 12:
                continue
        predicate, denied = _act(s_text[cs:ce])
        if predicate is None or (_is_heading(s_text) and not _finite_act(s_text[cs:ce], predicate)):
            continue
        out.append(make(EVENT, cs, ce, predicate=predicate, denied=denied))

    # Remember who spoke for "he said" in later sentences.
    for att in atts:
        if not att.pronoun:
            ctx.remember(ctx.full_name(att.source))
    subject = leading_name(s_text)
    if subject and looks_like_person(subject):
        ctx.remember(ctx.full_name(subject))
    elif subject and _is_doer(subject) and _VERB_AFTER.match(
            s_text, s_text.find(subject) + len(subject)) if subject else False:
        ctx.remember(_is_doer(subject))  # "The Bank of X held rates. It also cut ..."
    else:
        role = _ROLE_SUBJECT.match(s_text)
        if role:  # "The new prime minister arrived ...": the "he" of the next sentence
            ctx.last_person = role.group("role")
    return out


# A sentence opening with a role: "The new prime minister arrived", "The mayor said".
_ROLE_SUBJECT = re.compile(
    r"^\s*[Tt]he\s+(?P<role>(?:[a-z-]+\s+){0,3}(?:" + "|".join(
        sorted((t for t in TITLE_WORDS if t.isalpha() and len(t) > 3), key=len, reverse=True))
    + r"))\s+(?:[a-z]+ed|said|says|told|arrived|was|is|has|had)\b")


def _same_day(date: DateMention, ctx: _Context) -> DateMention:
    """'The same day' is the day last named before it in the document."""
    if date.precision != SAME_DAY:
        return date
    if ctx.last_date is None:
        return DateMention(date.start, date.end, date.text, None, None)
    return DateMention(date.start, date.end, date.text, ctx.last_date.iso, ctx.last_date.precision)


def _is_heading(text: str) -> bool:
    """Title case with no final stop: 'Joint Statement on the Situation in the Region'."""
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    if not 2 <= len(words) <= 20 or text.rstrip()[-1:] in ".!?”\":":
        return False
    return all(w[0].isupper() or len(w) <= 3 or w in _HEADING_LOWER for w in words)


_HEADING_LOWER = {"with", "from", "into", "over", "after", "about", "than", "amid", "upon",
                  "near", "onto", "between", "against", "during", "under"}


def _finite_act(span: str, predicate: str) -> bool:
    """Whether a heading's act word is a verb ('Allies Condemn Deployment') and not a noun
    ('Statement on the Deployment', 'Condemnation of ...'): a heading that is just a noun
    phrase reports no act."""
    pattern = next(p for name, p in PREDICATES if name == predicate)
    for m in pattern.finditer(span):
        word = re.match(r"[\w’'-]+", span[m.start():])
        token = word.group().lower() if word else ""
        if token.endswith(("ing", "ion", "ment", "ance", "al", "ure")):
            continue
        if re.search(r"\b(?:on|of|for|about|the|a|an|to|against|over)\s+$", span[:m.start()],
                     re.IGNORECASE):
            continue
        return True
    return False


def _with_counted(qty: Quantity, counted: str) -> Quantity:
    return Quantity(qty.start, qty.end, qty.text, qty.value, qty.low, qty.high, qty.qualifier,
                    counted, qty.noun, qty.number_start)


def _quoted_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split quoted words into sentences: outlets quote statements sentence by sentence."""
    out = []
    cut = start
    for m in re.finditer(r"(?<=[a-z0-9)\]][.!?])\s+(?=[A-Z“\"])", text[start:end]):
        out.append(_trim(text, cut, start + m.start()))
        cut = start + m.end()
    out.append(_trim(text, cut, end))
    return [(s, e) for s, e in out if e > s]


def _split_statement(text: str) -> list[tuple[int, int]]:
    import nupunkt  # lazily: only free-standing statements need splitting here

    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            for _, (s, e) in nupunkt.sent_spans_with_text(line):
                s2, e2 = pos + s, pos + e
                while e2 > s2 and text[e2 - 1].isspace():
                    e2 -= 1
                while s2 < e2 and text[s2].isspace():
                    s2 += 1
                if e2 > s2:
                    spans.append((s2, e2))
        pos += len(line)
    return spans


def parse_statement(text: str, published: str | None = None) -> list[Claim]:
    """Claims of one free-standing statement (a fact-checker's sentence).

    Offsets are into `text`; document_id is "" and nothing is attributed to an outlet.
    """
    document = Document(id="", path="", text=text, published=published)
    sentences = [
        Sentence(id=content_id("", s, e), document_id="", index=i, start=s, end=e, text=text[s:e])
        for i, (s, e) in enumerate(_split_statement(text))
    ]
    return extract_claims(document, sentences)


__all__ = ["extract_claims", "parse_statement", "PREDICATES", "clean_source"]
