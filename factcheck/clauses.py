"""Clauses: where a claim's span may begin and end inside a sentence.

A sentence splits at clause boundaries (";", a dash, ", but", ", according to",
a gapped "and Austria five") and asides (", including 500 officers,"); quoted words
are found per paragraph, including statements quoted over several paragraphs, and
split sentence by sentence. A claim's span never crosses a boundary, so outlets that
repeat a fact cite comparable spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .attribution import SOURCE_NOUNS
from .quantities import UNITS

# Clause boundaries inside a sentence: a claim's span never crosses one.
_GAPPED_NAME = (r"(?:(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3}|"
                r"the\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(SOURCE_NOUNS, key=len, reverse=True)) + r"))")
_GAPPED_NUMBER = (r"(?:about|around|nearly|almost|some|more\s+than|at\s+least|over|another|"
                  r"[$€£]?\d|(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")\b|"
                  r"dozens|hundreds|thousands|a\s+(?:dozen|hundred|thousand))")
GAPPED_SOURCE = re.compile(r"(?:and\s+)?(?P<np>" + _GAPPED_NAME + r")\s+$")
_BOUNDARY_CORE = (
    # "declared three days of mourning on Tuesday as the number of dead reached 41"
    r"\s(?=as\s+(?:the\s+)?(?:number|toll|death\s+toll|count|tally)\b)|"
    r";|\s[–—]\s|—|:\s+(?=[“\"])|,\s+(?=(?:but|while|whereas|although|though|with|which|who|"
    r"where|when|after|because|despite|amid|citing|saying|according|as\s+well\s+as|prompting|"
    r"adding|noting|stating|possibly|however|"
    r"(?:a|one|two|three|four|five|six|several|a\s+few)\s+(?:hours?|days?|weeks?|months?)\s+"
    r"(?:after|before)|"  # ", a day after the government unveiled ..."
    # ", stepping up their campaign against ...": a participle adds an act of its own; one
    # of result ("killing at least nine", "bringing the toll to 41") stays with its event.
    r"(?!(?:killing|injuring|wounding|leaving|bringing|taking|affecting|displacing|destroying|"
    r"damaging|including|according|during|nothing|something|anything|everything)\b)"
    r"[a-z]{3,}ing\s(?![^,;.]{0,30}?(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten|dozens?|hundreds?|thousands?|millions?)\b))|"
    # "who has led Tirenia since 2017, to run again in 2027": an infinitive after an aside.
    r"to\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those|date|be)\b)[a-z]{2,}\s+(?=[a-z])|"
    r"and\s+(?:the|a|an|it|he|she|they|in|on|is|was|"
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
    r"remain\w*|[a-z]+ed)\b)"
    # A list of tolls or counts: "nine dead, more than 100 missing", "nine bodies had been
    # recovered, 187 people had been rescued": each figure phrase is a clause of its own.
    r"|,\s+(?=(?:about|around|nearly|almost|some|more\s+than|at\s+least|over|another|up\s+to)?\s*"
    r"[\d][\d,.]*\s+(?:[a-z]+\s+)?(?:dead|missing|injured|hurt|wounded|displaced|arrested|"
    r"were|was|are|had|have|remain\w*)\b)")
# Clauses joined by "and" share a date ("14 were arrested and three hurt late on Sunday").
DATE_BOUNDARY = re.compile(_BOUNDARY_CORE)
_BOUNDARY = re.compile(_BOUNDARY_CORE + _CLAUSE_TAIL)
# Asides that carry their own numbers: ", including 500 officers and three generals,".
_ASIDE = re.compile(r",\s+(?:including|such\s+as|among\s+them|of\s+whom|mostly|mainly)\s+[^,;()]+"
                    r"|\([^()]*\)")


@dataclass(frozen=True)
class Quote:
    """A quoted passage of a document, as offsets into its text."""

    start: int  # quoted words, without the marks
    end: int
    close: int  # offset just after the closing mark (== end if unclosed)
    open: int  # offset of the opening mark


_OPENER = re.compile(r"[“\"]")


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages per paragraph (line); an unclosed quote runs to the line's end."""
    out: list[Quote] = []
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
                out.append(Quote(base + i + 1, base + end, base + (j + 1 if j >= 0 else end),
                                 base + i))
                i = (j + 1) if j >= 0 else n
            else:
                i += 1
    return _continued_quotes(text, out)


def _continued_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """Statements quoted over several paragraphs with one opening mark and one closing
    mark: the paragraphs between belong to the quote (and to its speaker: the
    continuations share the opening quote's `open`)."""
    out = list(quotes)
    for q in quotes:
        if q.close != q.end or text[q.open] != "“":
            continue  # closed on its own line, or straight quotes: not extended
        pos = text.find("\n", q.end)
        pending: list[Quote] = []
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
                pending.append(Quote(start + lead, start + closer, start + closer + 1, q.open))
                out.extend(pending)
                break
            pending.append(Quote(start + lead, start + len(line.rstrip()),
                                 start + len(line.rstrip()), q.open))
    return sorted(set(out), key=lambda x: (x.start, x.end))


_ABBREVIATION_END = re.compile(r"\b[A-Z]\.$|\b[a-z]\.[a-z]\.$")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past spaces, bullets and edge punctuation."""
    while start < end and text[start] in " \t\r\n-–—•*,;:“”\"'‘’([":
        if text[start] in "‘’'" and start + 1 < end and text[start + 1].isalpha() and \
                text[start] == "’":
            break
        start += 1
    while end > start and (text[end - 1] in " \t\r\n,;:–—-“”\"(‘" or (
            text[end - 1] == ")" and "(" not in text[start:end])):
        if _closes_inside(text, start, end - 1):
            break  # 'the vote was "efficiently administered"': the mark closes the span's own
        end -= 1
    while end > start and text[end - 1] in ".!?" and not _ABBREVIATION_END.search(text, start, end):
        end -= 1
    return start, end


def _closes_inside(text: str, start: int, mark: int) -> bool:
    """Whether the quotation mark at `mark` closes one opened inside text[start:mark]."""
    if text[mark] == "”":
        return text.count("“", start, mark) > text.count("”", start, mark)
    if text[mark] == '"':
        return text.count('"', start, mark) % 2 == 1
    return False


@lru_cache(maxsize=512)
def split_clauses(text: str, boundary: re.Pattern[str] = _BOUNDARY) -> tuple[tuple[int, int], ...]:
    """A sentence's clauses as (start, end); cached, as each claim asks again."""
    cuts = [0]
    for m in boundary.finditer(text):
        if _BETWEEN_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "between 40 and 60 people were killed": one range, not two clauses
        cuts.extend([m.start(), m.end()])
    cuts.append(len(text))
    if boundary is _BOUNDARY:
        # "With 91% of polling stations counted, 61.4% voted Yes": a fronted with-phrase
        # ends at its comma; the clause after it has a subject and verb of its own.
        for i in range(0, len(cuts), 2):
            m = _FRONTED_WITH.match(text, cuts[i], cuts[i + 1])
            if m:
                cuts[i + 1:i + 1] = [m.end("phrase"), m.end()]
    return tuple((cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2))


_FRONTED_WITH = re.compile(r"\s*(?P<phrase>[Ww]ith\s[^,;]{3,80}?\b(?:counted|tallied|reporting|"
                           r"declared|processed|in|done|complete|over|gone|left))"
                           r",\s+(?=[\w$€£“\"])")


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+[$€£]?[\w,.]+(?:\s+(?:hundred|thousand|million|billion|"
                             r"dozen|per\s?cent|percent))?%?$", re.IGNORECASE)
# The word that joins a clause to the one before: not part of what the clause says.
CONNECTOR = re.compile(r"(?:but|while|whereas|and|however|although|though),?\s+|as\s+(?=[A-Z])")


# ", when 44.6% of voters took part" tells of the noun before it: "the 2014 referendum".
_RELATIVE = re.compile(r"(?:when|where)\s")
# Where that noun phrase begins: after the last preposition that opens a determined noun
# phrase ("than in the 2014 referendum on decentralisation"), within the clause before.
_ANTECEDENT = re.compile(r".*\b(?:in|on|at|than|since|of|during|to|from|by|after|before|until|"
                         r"like)\s+(?=(?:the|a|an|its|their|his|her|this|that|last)\s)", re.DOTALL)


def _antecedent(text: str, clause_start: int) -> int:
    """Where the noun phrase a when- or where-clause at `clause_start` describes begins;
    `clause_start` itself if the clause before names none."""
    comma = text.rfind(",", 0, clause_start)
    if comma < 0 or text[comma:clause_start].strip(" ,"):
        return clause_start
    before = max((ce for cs, ce in split_clauses(text) if ce <= comma and ce < comma), default=0)
    m = _ANTECEDENT.match(text, before, comma)
    return m.end() if m else clause_start


def clause_of(text: str, start: int, end: int, boundary: re.Pattern[str] = _BOUNDARY,
              asides: bool = True) -> tuple[int, int]:
    """The clause of `text` holding `start:end`, or the aside holding it."""
    for a in _ASIDE.finditer(text) if asides else ():
        if a.start() <= start and end <= a.end():
            return trim(text, a.start(), a.end())
    for cs, ce in split_clauses(text, boundary):
        if cs <= start < ce:
            s, e = trim(text, cs, max(ce, end))
            connector = CONNECTOR.match(text, s)
            if connector and connector.end() <= start:
                s = connector.end()
            elif _RELATIVE.match(text, s):
                s = _antecedent(text, s)
            return min(s, start), max(e, end)
    return start, end


def is_heading(text: str) -> bool:
    """Title case with no final stop: 'Joint Statement on the Situation in the Region'."""
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    if not 2 <= len(words) <= 20 or text.rstrip()[-1:] in ".!?”\":":
        return False
    return all(w[0].isupper() or len(w) <= 3 or w in _HEADING_LOWER for w in words)


_HEADING_LOWER = {"with", "from", "into", "over", "after", "about", "than", "amid", "upon",
                  "near", "onto", "between", "against", "during", "under"}


def quoted_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split quoted words into sentences: outlets quote statements sentence by sentence."""
    out = []
    cut = start
    for m in re.finditer(r"(?<=[a-z0-9)\]][.!?])\s+(?=[A-Z“\"])", text[start:end]):
        out.append(trim(text, cut, start + m.start()))
        cut = start + m.end()
    out.append(trim(text, cut, end))
    return [(s, e) for s, e in out if e > s]


def split_statement(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a free-standing statement, which has no ingest stage to split it."""
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
