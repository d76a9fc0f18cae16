"""Sentences with exact offsets, and the page furniture around them.

A scraped page is the story plus furniture: menus, subscribe prompts, bylines,
photo credits, related links, sidebars about other stories. Nothing is deleted
(offsets must stay true); each line is flagged instead, in two passes:

1. rules about the line itself (a general web-furniture lexicon, byline and
   credit shapes, short labels, timestamps, reader appeals) plus repetition
   (a line repeated within the page or across pages of other outlets);
2. topic: outside the story's body block, a line that shares too little with
   the document's title and lead is about another story (a sidebar or news
   feed) and is flagged off-topic so that no later stage mixes it in.

Sentences come from nupunkt (measured: no errors on abbreviations such as
"U.S.", "Oct. 25", "Gen.", about 4M chars/s), run line by line because a
scraped headline has no final stop and would otherwise merge into the next line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from factcheck.models import FURNITURE, OFF_TOPIC, STORY, TITLE, Document, Sentence, content_id

# Phrases that only page furniture uses, across sites and CMSs (navigation, forms,
# ads, comment and audio widgets, photo credits). Matched case-insensitively.
FURNITURE_PHRASES = (
    r"skip to (?:main )?content", r"edit post", r"you may also like", r"read more\b",
    r"related (?:articles|stories|posts|news)", r"recommended for you", r"more news",
    r"most (?:read|popular)", r"editors'? picks", r"don'?t miss", r"leave a (?:reply|comment)",
    r"indicates required", r"all rights reserved", r"created with ai", r"\bmin read\b",
    r"listen to (?:this|the) article", r"^-?\s*advertisement\s*-?$", r"sponsored content",
    r"^photo\b", r"\bphoto:", r"getty images", r"^©", r"click here", r"successful+y subscribed",
    r"subscribe to (?:our|the) newsletter", r"sign(?:ing)? up for (?:our|this|the) newsletter",
    r"enter (?:your|correct) email", r"privacy policy", r"terms of (?:use|service)",
    r"readers like you", r"chip in\b", r"thanks for reading", r"^tags?:", r"^topics?:",
    r"^(?:also|more) (?:on|from)\b", r"^more on this story", r"^read (?:also|more|next)\b",
    r"^elsewhere (?:on|in|at|from) (?:the |our )?[A-Z\w]", 
    r"^(?:watch|listen|live coverage|live updates)\s*:", r"\blisten (?:live|again|now)\b",
    r"^(?:subscribe|sign up|donate|follow us|share on|download)\b",
    # Pointers to the outlet's own coverage, and the funding notes under a series.
    r"\bfollow (?:our|us|@)", r"\bpart of our (?:[\w'’-]+ ){0,4}series\b(?! of)",
    r"\b(?:retains?|maintains?|has) (?:full |complete |sole )?editorial (?:independence|control)",
)
# Words that are furniture when they address the reader or stand alone as a
# button ("Subscribe", "Share"), but ordinary words in a story ("cookies", "donation").
READER_WORDS = (
    r"subscri(?:be|ption)", r"newsletter", r"sign up", r"log ?in", r"cookies?", r"donat(?:e|ion)",
    r"support", r"patron", r"member(?:ship)?", r"community", r"share", r"follow", r"comment",
    r"conversation", r"email",
)
FURNITURE_RE = re.compile("|".join(f"(?:{p})" for p in FURNITURE_PHRASES), re.IGNORECASE)
READER_WORD_RE = re.compile(r"\b(?:" + "|".join(READER_WORDS) + r")", re.IGNORECASE)
READER_ADDRESS_RE = re.compile(
    r"\b(?:you|your)\b|\b(?:support|join|help) (?:us|our)\b|\bour (?:newsletter|community|journalism|reporting|store)\b",
    re.IGNORECASE,
)
# "by" and "author" must keep their case test: rebuilt case-sensitively below.
BYLINE_RE = re.compile(r"^(?:[Bb]y|[Aa]uthor:?)\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\b")
# A photo credit at the end of a caption: "(Anthony Wallace /AFP via Getty Images)".
CREDIT_RE = re.compile(r"\((?:[^()]*/\s*)?[^()]*(?:getty|afp|reuters|ap photo|epa|via|photo|image)[^()]*\)\s*$", re.I)
PHOTO_LINE_RE = re.compile(r"^(?:photo(?:graph)?|image|picture)s?\s*:?\s*", re.I)
# Captions describe the picture in the present tense ("A man walks past ...",
# "Rescuers search ...", "portraits of X (L) and Y").
CAPTION_RE = re.compile(
    r"\b(?:shows?|is seen|are seen|pictured|walks?|stands?|sits?|looks? on|carr(?:y|ies)|gathers?|"
    r"holds?|attends?|arrives?|waves?|poses?|search(?:es)?|displayed|react)\b|\((?:L|R|C|left|right|cent(?:re|er))\)"
)
TIMESTAMP_RE = re.compile(r"^\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?$")
LANGUAGE_SWITCHER_RE = re.compile(r"^(?:[a-z]{2}(?:\s*[|/·]\s*|\s+)){1,8}[a-z]{2}$")
BULLET_RE = re.compile(r"^(?:[-*•–—·]|\d{1,2}[.)])\s+")
INLINE_BULLET_RE = re.compile(r"\s[*•]\s")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
FINAL_STOP_RE = re.compile(r"[.!?…:;\"”’)\]]\s*$")

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into over under about after
    before than then that this these those it its is are was were be been being has have had
    do does did not no so such can could would should will may might must shall also just
    very more most other some any all each both few many much own same only there their they
    them he him his she her we our you your i me my who whom which what when where why how
    said says say told according new one two three january february march april june july
    august september october november december monday tuesday wednesday thursday friday
    saturday sunday today yesterday week month year""".split()
)

# Thresholds. Topic: a line outside the body must share at least this many
# distinct topic stems with the title and lead (higher catches more sidebars but
# risks dropping on-topic related headlines). Repetition: short lines repeated
# this often in a page are form furniture ("* indicates required").
MIN_SHARED_TOPIC_STEMS = 2
REPEATS_IN_PAGE = 3
SHORT_LABEL_WORDS = 3
LONG_PROSE_WORDS = 12
# A short line printed on this many other pages of the same outlet is template.
TEMPLATE_PAGES = 2
TEMPLATE_LINE_WORDS = 8


@dataclass(frozen=True)
class Line:
    """A non-blank line of a document with its flag."""

    number: int
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str
    flag: str = STORY
    reason: str | None = None


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with the offsets of their stripped content."""
    lines, pos = [], 0
    for number, raw in enumerate(text.splitlines(keepends=True)):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = pos + (len(body) - len(body.lstrip()))
            lines.append(Line(number, start, start + len(stripped), stripped))
        pos += len(raw)
    return lines


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    import nupunkt

    spans = []
    for _, (start, end) in nupunkt.sent_spans_with_text(text):
        spans.append((start, end))
    return spans or [(0, len(text))]


def _split_line(line: Line) -> list[tuple[int, int]]:
    """Sentence spans (document offsets) inside one line, bullets and inline lists split off."""
    pieces, text, base = [], line.text, line.start
    bullet = BULLET_RE.match(text)
    if bullet:
        text, base = text[bullet.end():], base + bullet.end()
    cuts = [0] + [m.start() + 1 for m in INLINE_BULLET_RE.finditer(text)] + [len(text)]
    for left, right in zip(cuts, cuts[1:]):
        segment = text[left:right]
        lead = BULLET_RE.match(segment.lstrip())
        offset = left + (len(segment) - len(segment.lstrip())) + (lead.end() if lead else 0)
        segment = text[offset:right]
        if not segment.strip():
            continue
        for start, end in _sentence_spans(segment):
            chunk = segment[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            s = base + offset + start + (len(chunk) - len(chunk.lstrip()))
            pieces.append((s, s + len(stripped)))
    return pieces


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def stems(text: str) -> set[str]:
    """Crude topic stems: lower-case content words cut to five letters ("troops"/"troop")."""
    out = set()
    for word in words(text.lower().replace("’", "'")):
        word = word.split("'")[0]
        if len(word) > 2 and word not in STOPWORDS:
            out.add(word[:5])
    return out


def _is_bare_credit(text: str) -> bool:
    """A photo line that is only a credit ("Photo: KIM Won Jin / AFP"), no caption of its own."""
    match = PHOTO_LINE_RE.match(text)
    if not match:
        return False
    rest = text[match.end():]
    return len(words(rest)) <= 8 and not FINAL_STOP_RE.search(rest)


def _rule_flag(line: Line, document: Document) -> str | None:
    text = line.text
    n_words = len(words(text))
    if TIMESTAMP_RE.match(text):
        return "timestamp"
    if LANGUAGE_SWITCHER_RE.match(text):
        return "language switcher"
    if BYLINE_RE.match(text) and n_words <= 16:
        return "byline"
    if document.author and text.startswith(document.author) and re.match(
        r"\s+(?:is|was)\s+an?\s", text[len(document.author):]
    ):
        return "author bio"
    if CREDIT_RE.search(text) or FURNITURE_RE.search(text):
        return "furniture phrase"
    if READER_WORD_RE.search(text) and (n_words <= SHORT_LABEL_WORDS or _is_appeal(text)):
        return "reader prompt"
    if n_words == 0:
        return "no words"
    if n_words <= SHORT_LABEL_WORDS and not FINAL_STOP_RE.search(text.rstrip(":")) and text != document.title:
        # A navigation or section label ("Latest", "News Feed", "NATO"), not a
        # sentence-case headline such as "Quake hits city".
        if n_words <= 2 or all(w[0].isupper() for w in words(text)):
            return "short label"
    if text.endswith(":") and n_words <= 4:
        return "label"
    return None


def flag_lines(document: Document, site_lines: Mapping[str, int] | None = None) -> list[Line]:
    """Every non-blank line of the document, flagged as story, title, furniture or off-topic.

    `site_lines` counts, per normalised short line (see `line_key`), how many
    *other* pages of the same outlet print it: a short line on several pages of
    one site is its template (menus, prompts), not news.
    """
    lines = split_lines(document.text)
    seen: Counter[str] = Counter(line.text for line in lines)
    flagged: list[Line] = []
    printed: set[str] = set()
    title = document.title or (lines[0].text if lines else "")
    title_seen = False
    for i, line in enumerate(lines):
        reason = _rule_flag(line, document)
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        if reason is None and _is_bare_credit(following) and CAPTION_RE.search(line.text):
            reason = "photo caption"
        if reason is None and seen[line.text] >= REPEATS_IN_PAGE and len(words(line.text)) <= 8:
            reason = "repeated form line"
        if reason is None and site_lines and site_lines.get(line_key(line.text), 0) >= TEMPLATE_PAGES \
                and len(words(line.text)) <= TEMPLATE_LINE_WORDS:
            reason = "site template line (printed on other pages of this outlet)"
        if reason is None and line.text in printed and line.text != title:
            reason = "repeated line"
        if reason:
            flagged.append(replace(line, flag=FURNITURE, reason=reason))
            continue
        printed.add(line.text)
        if not title_seen and (line.text == title or (not document.title)):
            title_seen = True
            flagged.append(replace(line, flag=TITLE, reason=None))
            continue
        flagged.append(line)
    return _flag_off_topic(flagged, title)


def line_key(text: str) -> str:
    """A short line's identity across pages: its words, lower-cased."""
    return " ".join(words(text.lower()))


def template_keys(lines: Sequence[Line]) -> set[str]:
    """The keys of a page's short lines, candidates for site-template furniture."""
    return {line_key(line.text) for line in lines if len(words(line.text)) <= TEMPLATE_LINE_WORDS}


def _flag_off_topic(lines: list[Line], title: str) -> list[Line]:
    """Flag lines outside the story body that share too little with the title and lead.

    The body is the run of consecutive non-furniture lines that carries the most
    on-topic prose; sidebars and news feeds sit after furniture such as "Latest"
    or "News Feed". Inside the body every line is story; outside it, a line stays
    story only when it shares MIN_SHARED_TOPIC_STEMS with the title and lead, so
    an on-topic related headline is kept and a feed item about another story is not.
    """
    story = [i for i, line in enumerate(lines) if line.flag in (STORY, TITLE)]
    if not story:
        return lines
    lead = next((lines[i].text for i in story if lines[i].flag == STORY
                 and len(words(lines[i].text)) >= LONG_PROSE_WORDS), "")
    topic = stems(title) | stems(lead)

    def on_topic(line: Line) -> bool:
        return len(stems(line.text) & topic) >= MIN_SHARED_TOPIC_STEMS

    runs: list[list[int]] = []
    for i, line in enumerate(lines):
        if line.flag == FURNITURE and line.reason == "timestamp":
            # A live page stamps each entry with its time: the stamps sit inside
            # the body, so they do not end it as a menu or a "Latest" label does.
            continue
        if line.flag == FURNITURE:
            runs.append([])
        elif runs:
            runs[-1].append(i)
        else:
            runs.append([i])
    body = max(runs, key=lambda run: sum(len(words(lines[i].text)) for i in run if on_topic(lines[i])))
    inside = set(body)
    # Below the body, a line with no closing stop is another page's headline ("More
    # from ...": "Brush fire near Port Tavin burns 300 hectares"): on the same topic or
    # not, it is not this page's reporting, and a figure in it is another story's.
    # Paragraphs below a caption that split the body still end with a stop.
    end = max(body) if body else len(lines)
    out = []
    for i, line in enumerate(lines):
        if line.flag == STORY and i not in inside:
            if i > end and not line.text.rstrip().endswith(_CLOSING_STOPS):
                line = replace(line, flag=OFF_TOPIC, reason="a headline below the story body")
            elif not on_topic(line):
                line = replace(line, flag=OFF_TOPIC, reason="outside the story body and not about its topic")
        out.append(line)
    return out


_CLOSING_STOPS = (".", "!", "?", "\"", "”", "’", "'", "…", ")")


def split_sentences(document: Document, lines: Sequence[Line] | None = None) -> list[Sentence]:
    """The document's sentences with exact offsets, each carrying its line's flag."""
    lines = flag_lines(document) if lines is None else lines
    sentences: list[Sentence] = []
    for line in lines:
        for start, end in _split_line(line):
            text = document.text[start:end]
            flag, reason = line.flag, line.reason
            if flag == STORY and _is_appeal(text):
                flag, reason = FURNITURE, "reader appeal"
            sentences.append(
                Sentence(
                    id=content_id(document.id, start, end),
                    document_id=document.id,
                    index=len(sentences),
                    start=start,
                    end=end,
                    text=text,
                    line=line.number,
                    flag=flag,
                    reason=reason,
                )
            )
    return sentences


def _is_appeal(text: str) -> bool:
    """Addresses the reader outside quotation marks ("you can help", "join our community")."""
    unquoted = re.sub(r"[“\"][^”\"]*[”\"]", " ", text)
    return bool(READER_ADDRESS_RE.search(unquoted)) and bool(READER_WORD_RE.search(unquoted))
