"""Which documents tell one story: the event whose figures may be compared.

Numbers are only comparable within a story: "12 people were killed" in a flood
in one country and in a bus crash in another count the same thing about
different events. A corpus may hold many stories (a newsroom's week, a crawl of
"dozens of outlets"), so the grouping of numbers needs to know which documents
belong together before it compares their figures.

Method (single-pass clustering, as in news event detection): each document is
described by the names (capitalised words: places, people, organisations) in
its title and in the lines its claims come from (so page furniture, bylines and
related-link sidebars about other stories, which yield no claims, say nothing),
weighted by squared inverse document frequency: reports of one event share its
place and its people, reports of two floods in one country share the country. Documents are taken in date order; each
joins the most similar earlier story (cosine against the story's summed
vector) when the similarity reaches STORY_SIMILARITY and the dates are within
STORY_GAP_DAYS, else starts a new story. Candidate stories come from an
inverted index over each document's rarest words, capped per word, so the cost
grows linearly with the number of documents. A last pass merges stories by the
same rule a document joins one (cosine of the summed vectors, or containment of
the names the story shares with documents outside it): a report read before the
report that ties it to its story (the central bank's, the opposition's) starts
apart, so the result must not depend on which report came first.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from factcheck.models import Claim, Document, content_id
from factcheck.normalise import STOPWORDS, normalise

# Cosine similarity (0..1) of a document to a story's summed vector. Reports of
# one event share its place, people and sources (0.25-0.6 on news measured here);
# reports of two events of one kind share only generic words (0.05-0.15). Lower
# merges stories (their figures of one counted thing then need a subject to stay
# apart); higher splits a story when outlets word it differently.
STORY_SIMILARITY = 0.25
# Containment: a document whose names (those any other document shares) are held by
# a story for at least this share, idf-weighted, with at least CONTAINED_NAMES held,
# joins it. Lower lets reports of two events sharing a country and a kind merge;
# higher leaves a short report naming two of the event's four names alone.
CONTAINMENT = 0.8
CONTAINED_NAMES = 2
STORY_GAP_DAYS = 21  # a report this long after a story's last one starts another story
MIN_NAMES = 1  # a text naming none is described by all its content words
# Document frequencies of a small corpus say little about how telling a word is:
# they are smoothed as if this many other documents had not used the word.
PRIOR_DOCS = 1000
IDF_POWER = 2  # squared idf: a rare name outweighs several common words
INDEX_WORDS = 8  # a document's rarest shared words looked up to find candidate stories
POSTINGS_KEPT = 12  # most recent stories looked at per word (bounds the cost)
CANDIDATES = 6  # candidate stories scored in full per document
LINE_CHARS = 400  # characters of a claim's line read on each side of the claim

_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# Capitalised for grammar, not because they name the event.
_CALENDAR = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december today yesterday
""".split())


def _story_text(document: Document, claims: Sequence[Claim]) -> str:
    """The title and the lines that carry the document's claims."""
    text = document.text
    parts = [document.title or ""]
    seen: set[tuple[int, int]] = set()
    for c in claims:
        if text[c.start:c.end] != c.text:  # offsets into another text: the claim's own words
            parts.append(c.text)
            continue
        lo = max(0, text.rfind("\n", max(0, c.start - LINE_CHARS), c.start) + 1, c.start - LINE_CHARS)
        nl = text.find("\n", c.end, c.end + LINE_CHARS)
        hi = nl if nl >= 0 else min(len(text), c.end + LINE_CHARS)
        if (lo, hi) not in seen:
            seen.add((lo, hi))
            parts.append(text[lo:hi])
    return "\n".join(parts)


def document_terms(text: str) -> dict[str, float]:
    """The names a text mentions (capitalised words not opening a sentence), or all
    its content words when it names fewer than MIN_NAMES."""
    names: set[str] = set()
    words: set[str] = set()
    for line in text.splitlines():
        first = True
        for m in _WORD_RE.finditer(line):
            raw = m.group(0)
            word = normalise(raw)
            opening = first or line[max(0, m.start() - 2):m.start()].strip() in {".", "!", "?", "“", '"'}
            first = False
            if len(word) < 3 or word in STOPWORDS or word in _CALENDAR or " " in word:
                continue
            words.add(word)
            if raw[0].isupper() and not opening:
                names.add(word)
    return dict.fromkeys(names if len(names) >= MIN_NAMES else words, 1.0)


def _day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


class _Story:
    __slots__ = ("number", "members", "vector", "norm2", "first", "last")

    def __init__(self, number: int) -> None:
        self.number = number
        self.members: list[str] = []
        self.vector: dict[str, float] = {}
        self.norm2 = 0.0
        self.first: dt.date | None = None
        self.last: dt.date | None = None

    def add(self, doc_id: str, vector: Mapping[str, float], day: dt.date | None) -> None:
        dot = sum(w * self.vector.get(t, 0.0) for t, w in vector.items())
        self.norm2 += 2 * dot + sum(w * w for w in vector.values())
        for t, w in vector.items():
            self.vector[t] = self.vector.get(t, 0.0) + w
        self.members.append(doc_id)
        if day:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)

    def cosine(self, vector: Mapping[str, float]) -> float:
        if self.norm2 <= 0:
            return 0.0
        own = self.vector
        return sum(w * own.get(t, 0.0) for t, w in vector.items()) / math.sqrt(self.norm2)

    def near(self, day: dt.date | None) -> bool:
        if day is None or self.first is None or self.last is None:
            return True
        gap = dt.timedelta(days=STORY_GAP_DAYS)
        return self.first - gap <= day <= self.last + gap


def _containment(names: Mapping[str, float], story: _Story) -> float:
    """Share of a document's shared names (idf-weighted) that the story already holds,
    when it holds at least CONTAINED_NAMES of them: a short report naming the event's
    place and people joins it even when the story's long reports name many more
    (cosine is then low). 0 when too few names are held."""
    held = [w for t, w in names.items() if t in story.vector]
    if len(held) < CONTAINED_NAMES:
        return 0.0
    return STORY_SIMILARITY * (sum(held) / sum(names.values())) / CONTAINMENT


def find_stories(documents: Mapping[str, Document], claims: Sequence[Claim]) -> dict[str, str]:
    """Document id -> story id (a content id of the story's sorted document ids).

    Documents without claims still get a story (their own unless their title
    joins one); a document with no words to go by gets none (no objection to
    any grouping). Deterministic: the result depends only on the inputs, not on
    their order.
    """
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.document_id].append(c)
    ids = sorted(set(documents) | set(by_doc))
    raw: dict[str, dict[str, float]] = {}
    df: dict[str, int] = defaultdict(int)
    for i in ids:
        doc = documents.get(i)
        own = sorted(by_doc.get(i, ()), key=lambda c: (c.start, c.id))
        terms = document_terms(_story_text(doc, own)) if doc else {}
        raw[i] = terms
        for t in terms:
            df[t] += 1
    n = len(ids)
    idf = {t: (math.log((n + PRIOR_DOCS + 1) / (k + 1)) + 1.0) ** IDF_POWER for t, k in df.items()}
    vectors: dict[str, dict[str, float]] = {}
    for i in ids:
        vec = {t: w * idf[t] for t, w in raw[i].items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors[i] = {t: w / norm for t, w in vec.items()}
    # The names a document shares with any other, weighted by idf: what can tie it to a story.
    shared = {i: {t: idf[t] ** 0.5 for t in raw[i] if df[t] > 1} for i in ids}
    days = {i: _day(documents[i].published) if i in documents else None for i in ids}
    order = sorted(ids, key=lambda i: (days[i] is None, days[i] or dt.date.min, i))

    stories: list[_Story] = []
    postings: dict[str, list[int]] = defaultdict(list)
    home: dict[str, int] = {}
    for i in order:
        vec = vectors[i]
        keys = sorted((t for t in vec if df[t] > 1), key=lambda t: (df[t], t))[:INDEX_WORDS]
        hits: dict[int, int] = defaultdict(int)
        for t in keys:
            for s in postings.get(t, ())[-POSTINGS_KEPT:]:
                hits[s] += 1
        best, best_score = None, STORY_SIMILARITY
        for s in sorted(hits, key=lambda s: (-hits[s], -s))[:CANDIDATES]:
            story = stories[s]
            if not story.near(days[i]):
                continue
            score = max(story.cosine(vec), _containment(shared[i], story))
            if score >= best_score:
                best, best_score = s, score
        if best is None:
            best = len(stories)
            stories.append(_Story(best))
        story = stories[best]
        for t in vec:
            if t not in story.vector:
                postings[t].append(best)
        story.add(i, vec, days[i])
        home[i] = best

    # Merge stories that started apart: compare each story with the candidates its
    # rarest words point to, once, in creation order.
    parent = list(range(len(stories)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def outward(story: _Story) -> dict[str, float]:
        """The story's names that documents outside it also use, idf-weighted: what can
        tie it to another story (names only its own reports share say nothing)."""
        inside: dict[str, int] = defaultdict(int)
        for m in story.members:
            for t in raw[m]:
                inside[t] += 1
        return {t: idf[t] ** 0.5 for t, k in inside.items() if df[t] > k}

    for story in stories:
        if len(story.members) < 1:
            continue
        norm = math.sqrt(story.norm2) or 1.0
        unit = {t: w / norm for t, w in story.vector.items()}
        keys = sorted((t for t in unit if df[t] > 1), key=lambda t: (df[t], t))[:INDEX_WORDS]
        seen: set[int] = set()
        ties = outward(story)
        for t in keys:
            for s in postings.get(t, ())[-POSTINGS_KEPT:]:
                if s == story.number or s in seen:
                    continue
                seen.add(s)
                other = stories[s]
                if find(s) == find(story.number):
                    continue
                if not (other.near(story.first) and other.near(story.last)) and story.first and other.first:
                    continue
                if max(other.cosine(unit), _containment(ties, other)) >= STORY_SIMILARITY:
                    a, b = find(s), find(story.number)
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[str]] = defaultdict(list)
    for i in ids:
        if vectors[i]:
            groups[find(home[i])].append(i)
    out: dict[str, str] = {}
    for members in groups.values():
        sid = content_id("story", *sorted(members))
        for i in members:
            out[i] = sid
    return out


_LAST: list = []  # (key, result) of the last call: matching and grouping ask in turn


def story_of_documents(documents: Mapping[str, Document], claims: Sequence[Claim]) -> dict[str, str]:
    """`find_stories`, remembered for the same documents and claims (ids are content
    hashes, so equal ids mean equal inputs)."""
    key = (tuple(sorted(documents)), tuple(sorted(c.id for c in claims)))
    if _LAST and _LAST[0][0] == key:
        return _LAST[0][1]
    found = find_stories(documents, claims)
    _LAST[:] = [(key, found)]
    return found
