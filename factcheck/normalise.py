"""The one text normalisation used for fuzzy matching, and the names it knows.

rapidfuzz compares raw strings unless told otherwise, so every comparison in
factcheck goes through `normalise` (case, Unicode compatibility forms, curly and
straight quotes, editorial brackets such as "violate[s]", thousands separators,
punctuation and whitespace) and `similarity` (one score from rapidfuzz ratios).

The small tables below are general English-news lexicons, not story rules:
common demonyms, capitals used as metonyms ("Seoul said"), and the acronyms of
well-known international organisations. They turn "Russian President Vladimir
Putin", "Moscow" and "Russia" into one actor.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from factcheck.gazetteer import PLACES

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_BRACKET_RE = re.compile(r"\[([^\]]{0,20})\]")  # editorial insertions: "violate[s]"
_THOUSANDS_RE = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)")
_POSSESSIVE_RE = re.compile(r"'s\b")
_NON_WORD_RE = re.compile(r"[^\w.]+|(?<!\d)\.|\.(?!\d)")
_SPACE_RE = re.compile(r"\s+")
_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?$")

STOPWORDS = frozenset("""
a an the and or but if of to in on at by for from with without as into onto over under
about after before than then that this these those there here it its it's is are was were
be been being has have had do does did will would shall should can could may might must
not no nor so such very also already still just only more most less least some any all each
he she they we you i me him her them us our their his my your who whom which what when
where why how while during since until per via s said says say saying told according
""".split())


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Lower-case, fold quotes, drop editorial brackets, separators and punctuation."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).lower()
    text = _BRACKET_RE.sub(r"\1", text)
    text = _THOUSANDS_RE.sub("", text)
    text = _POSSESSIVE_RE.sub("", text)
    text = _NON_WORD_RE.sub(" ", text)
    return _SPACE_RE.sub(" ", text).strip()


def tokens(text: str) -> list[str]:
    """Words of the normalised text, in order."""
    return normalise(text).split()


def content_tokens(text: str) -> list[str]:
    """Words that carry meaning: no stopwords, no numbers, no single letters."""
    return content_words(tokens(text))


def content_words(words: Iterable[str]) -> list[str]:
    """`content_tokens` over words already normalised."""
    return [t for t in words if len(t) > 1 and t not in STOPWORDS and not _NUMBER_RE.match(t)]


def numbers_in(text: str) -> frozenset[str]:
    """The numerals written in the text, normalised ("3,000" -> "3000")."""
    return frozenset(t for t in tokens(text) if _NUMBER_RE.match(t))


def similarity(a: str, b: str) -> float:
    """Text similarity in 0..1 of two claims or a claim and a statement.

    The mean of token-set and partial ratios lets a quote sit inside a longer
    sentence (a dropped "It would be" costs little) while two sentences that only
    share their common words stay low; plain `ratio` takes over when it is
    higher (near-identical strings). WRatio is avoided: it scores about 0.85
    for many unrelated news sentences.
    """
    return normalised_similarity(normalise(a), normalise(b))


def normalised_similarity(na: str, nb: str) -> float:
    """`similarity` of two texts already passed through `normalise`."""
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    blended = (fuzz.token_set_ratio(na, nb) + fuzz.partial_ratio(na, nb)) / 2
    return round(max(fuzz.ratio(na, nb), blended) / 100.0, 4)


# --- actors ---------------------------------------------------------------------------

# Every alias of a country or organisation -> its canonical name. A lower-case "us"
# is the pronoun: `actor_tokens` turns a capitalised "US" into "U.S." first.
ACTOR_NAMES: dict[str, str] = {}
for _canon, _aliases in PLACES.items():
    ACTOR_NAMES[_canon] = _canon
    for _alias in _aliases:
        if _alias != "us":
            ACTOR_NAMES[normalise(_alias)] = _canon
ACTOR_WORDS = frozenset(w for k in ACTOR_NAMES for w in k.split())
# Words that end institution names, not people's ("Council", "Intelligence").
_NOT_SURNAMES = ACTOR_WORDS | frozenset("""
council union ministry office intelligence agency department committee government army
forces force police service services news media press guard command staff house
president minister spokesperson spokesman spokeswoman secretary general chief officials
lawmakers parliament assembly court bank commission authorities sources source
""".split())
_MAX_ALIAS_WORDS = max(len(k.split()) for k in ACTOR_NAMES)


_US_RE = re.compile(r"\bUS\b")  # capitalised, the country; lower-case, the pronoun


def find_actors(text: str) -> list[str]:
    """Countries and organisations named in the text, in order of first mention."""
    return actors_in_words(actor_tokens(text))


def actor_tokens(text: str) -> list[str]:
    """`tokens`, reading a capitalised "US" as the country, not the pronoun."""
    if "US" in (text or ""):
        text = _US_RE.sub("U.S.", text)
    return tokens(text)


def actors_in_words(words: Sequence[str]) -> list[str]:
    """`find_actors` over words already normalised."""
    found: list[str] = []
    i = 0
    while i < len(words):
        step = 1
        if words[i] in ACTOR_WORDS:
            for n in range(min(_MAX_ALIAS_WORDS, len(words) - i), 0, -1):
                canon = ACTOR_NAMES.get(" ".join(words[i:i + n]))
                if canon:
                    if canon not in found:
                        found.append(canon)
                    step = n
                    break
        i += step
    return found


def name_keys(name: str | None) -> frozenset[str]:
    """Keys under which a source name can meet another spelling of itself.

    "NATO Secretary-General Mark Rutte" -> {"nato", "mark rutte", "rutte", ...}: the
    country or organisation it names, its full normalised form and its last word
    when that looks like a surname (a capitalised word that is not a title).
    """
    if not name:
        return frozenset()
    keys = set(find_actors(name))
    norm = normalise(_US_RE.sub("U.S.", name))
    if norm:
        keys.add(norm)
    # A person's name: the last two capitalised words ("Mark Rutte") and the surname.
    caps = re.findall(r"\b[A-Z][a-z'’-]+\b", name)
    if len(caps) >= 2:
        last = normalise(caps[-1])
        if last and last not in STOPWORDS and last not in _NOT_SURNAMES:
            keys.add(last)
            keys.add(normalise(" ".join(caps[-2:])))
    return frozenset(keys)


def unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order without repeats."""
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


_CAP_RUN_RE = re.compile(r"(?:\b(?:(?:[A-Z]\.){2,}|[A-Z][\w'’-]*)(?:[ \t]+|(?=[^\w\s])|$)){2,}")


def learn_affiliations(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """Who speaks for whom, read from titles: "NATO Secretary-General Mark Rutte".

    A capitalised run that opens with a country or organisation and ends with a
    two-word name ties the name (and its surname) to that actor, so that "Rutte
    said" and "NATO has confirmed" can be recognised as one actor's act.
    """
    found: dict[str, set[str]] = {}
    for text in texts:
        for run in _CAP_RUN_RE.finditer(text or ""):
            words = _US_RE.sub("U.S.", run.group(0)).split()
            lead = None
            for n in range(min(_MAX_ALIAS_WORDS, len(words) - 2), 0, -1):
                lead = ACTOR_NAMES.get(normalise(" ".join(words[:n])))
                if lead:
                    break
            if not lead:
                continue
            name = normalise(" ".join(words[-2:]))
            parts = name.split()
            if len(parts) != 2 or parts[-1] in _NOT_SURNAMES or parts[-1] in STOPWORDS:
                continue
            for key in (name, parts[-1]):
                found.setdefault(key, set()).add(lead)
    return {k: frozenset(v) for k, v in found.items()}
