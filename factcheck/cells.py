"""How table cells compare, for `factcheck fuse`. Each named normaliser turns a cell
as written into a key (equal keys are the same claim, None is no claim) and says how
similar two keys are (partial support):

* ``number``: numbers as cells hold them ("3,000", "$1.5", "12%", "2.93M", "1.2 million",
  "(1,234)", "312 people"); a figure and its rounding ("1,177" and "1,180") support each
  other fully, other numbers within 5 % in part;
* ``text``: case, accents, spacing and punctuation ignored; near-identical texts
  support each other in part;
* ``authors``: author lists, as a set of surnames whatever the order, initials,
  "last, first" or "first last" form and separators; lists sharing some authors
  support each other in part;
* ``exact``: the value as written.

Placeholders such as "Not Available", "n/a", "unknown" or an empty cell are no claim.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.similarity import number_similarity

PLACEHOLDERS = frozenset(
    {"", "not available", "n/a", "n.a.", "none", "null", "nil", "unknown", "-", "--", "?", "tbd", "tba"}
)
# Numbers closer than this relative difference support each other in part (rounding,
# units of the last digit); farther apart they only compete.
NUMBER_TOLERANCE = 0.05
# Texts at least this similar (rapidfuzz token_sort_ratio, 0-100) support each other in part.
TEXT_MIN_RATIO = 80.0




def _fold(text: str) -> str:
    text = html.unescape(text).replace("\xa0", " ")
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _is_placeholder(raw: Any) -> bool:
    return isinstance(raw, str) and " ".join(_fold(raw).split()).strip(" .") in PLACEHOLDERS


# A number cell: sign or accounting parentheses, currency, digits (thousands grouped
# by commas, spaces or dots), a scale word or suffix, a percent sign, a unit; and an
# optional parenthesised aside ("+0.64 (+1.27%)", "1,204 (est.)").
_NUMBER_CELL = re.compile(
    r"^(?P<open>\()?\s*(?P<sign>[-+\u2212])?\s*(?P<currency>US\$|[$\u20ac\u00a3\u00a5\u20b9]|(?-i:[A-Z]{3})(?=[\s\d]))?\s*"
    r"(?P<sign2>[-+\u2212])?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+)"
    r"\s*(?P<scale>thousand|million|billion|trillion|mln|mn|bn|tn|[kKmMbBT](?![A-Za-z]))?"
    r"\s*(?P<percent>%|per\s*cent|percent)?"
    r"\s*(?P<unit>[^\W\d_][^\d()]*?|\u00b0[CF]?)?\s*(?P<close>\))?"
    r"\s*(?:\((?P<aside>[^()]*)\))?\s*$",
    re.IGNORECASE,
)
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
           "b": 1e9, "bn": 1e9, "billion": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12}


def normalise_number(raw: Any) -> float | None:
    """A number from a cell as people write them: 3000, "3,000", "3 000", "1.234.567",
    "$1.5", "12%", "2.93M", "£5m", "1.2 million", "(1,234)", "−4", "72 °F", "312 people",
    "+0.64 (+1.27%)"; None for placeholders; ValueError for anything else (words, ranges,
    two numbers)."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return float(raw)
    if _is_placeholder(raw):
        return None
    found = _NUMBER_CELL.match(str(raw).replace("\xa0", " ").strip())
    if not found or bool(found["open"]) != bool(found["close"]) or (found["sign"] and found["sign2"]):
        raise ValueError(f"{raw!r} is not a number")
    digits = found["digits"]
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", digits):
        digits = digits.replace(".", "")
    value = float(re.sub(r"[,\s\u00a0\u202f]", "", digits))
    scale = (found["scale"] or "").lower()
    # A bare lower-case "m" or "b" is a unit (metres, bytes) unless money is counted.
    if scale in ("m", "b") and found["scale"].islower() and not found["currency"]:
        scale = ""
    value *= _SCALES.get(scale, 1.0)
    if found["open"] or (found["sign"] or found["sign2"] or "+") in "-\u2212":
        value = -value
    if not math.isfinite(value):
        raise ValueError(f"{raw!r} is not a finite number")
    return float(f"{value:.12g}")


def number_key_similarity(a: Hashable, b: Hashable) -> float:
    return number_similarity(float(a), float(b), NUMBER_TOLERANCE)  # type: ignore[arg-type]


def normalise_text(raw: Any) -> str | None:
    """Case, accents, punctuation and spacing folded away; None for placeholders."""
    if _is_placeholder(raw):
        return None
    folded = _fold(str(raw))
    words = re.findall(r"\w+", folded)
    return " ".join(words) if words else None


def text_similarity(a: Hashable, b: Hashable) -> float:
    from rapidfuzz import fuzz

    ratio = fuzz.token_sort_ratio(str(a), str(b), processor=None)
    return ratio / 100.0 if ratio >= TEXT_MIN_RATIO else 0.0


# Author lists -----------------------------------------------------------------

_ROLE = re.compile(
    r"\(\s*(?:joint\s+)?(?:author|editor|ed|eds|translator|illustrator|contributor|compiler|foreword|introduction|photographer)s?\.?\s*\)"
    r"|\bby\s*\(\s*(?:author|editor)s?\s*\)|\bedited\s+by\b|\b(?:eds?|editors?)\.?(?=\s*(?:;|$))",
)
_INCOMPLETE = re.compile(r"\bet\.?\s*al\b\.?|\betc\b\.?|\band\s+others\b|\bmore\b\.\.\.|\.\.\.")
_SEPARATORS = re.compile(r"[;/|&+\n]|\band\b|\bwith\b")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "dr", "prof", "mr", "mrs", "ms"})
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "st", "mac", "mc", "bin", "ibn", "al"})


def _tokens(chunk: str) -> list[str]:
    """Name tokens of a chunk: letters only, suffixes dropped; initials keep a trailing '.'."""
    out = []
    for raw in re.split(r"[\s]+", chunk.strip()):
        word = re.sub(r"[^a-z'\-.]", "", raw).strip("'-")
        letters = re.sub(r"[^a-z]", "", word)
        if not letters or letters in _SUFFIXES:
            continue
        initial = len(letters) == 1 or (word.endswith(".") and len(letters) <= 2) or (
            "." in word.strip(".") and len(letters) <= 3
        )
        out.append(letters + "." if initial else letters)
    return out


def _is_initial(token: str) -> bool:
    return token.endswith(".")


def _surname(token_list: list[str]) -> str | None:
    names = [t for t in token_list if not _is_initial(t)]
    return names[-1] if names else None


def _parse_chunk(chunk: str, known: set[str]) -> list[str]:
    """Surnames in one separator-free chunk of an author list."""
    if "," in chunk:
        parts = [_tokens(p) for p in chunk.split(",")]
        parts = [p for p in parts if p]
        if not parts:
            return []
        if len(parts) >= 2 and all(len([t for t in p if not _is_initial(t)]) >= 2 for p in parts):
            # "First Last, First Last"
            return [s for p in parts if (s := _surname(p))]
        if len(parts) % 2 == 0 and all(len(parts[i]) == 1 or parts[i][0] in _PARTICLES for i in range(0, len(parts), 2)):
            # "Last, First, Last, First"
            return ["".join(t.strip(".") for t in parts[i] if t not in _PARTICLES) or parts[i][-1] for i in range(0, len(parts), 2)]
        # "Last, First Last, First ...": a part with several words ends with the next surname
        surnames = [_joined(parts[0])]
        for k, part in enumerate(parts[1:], start=1):
            last = k == len(parts) - 1
            if not last and len(part) >= 2 and not _is_initial(part[-1]):
                surnames.append(part[-1])
            elif not last and len(part) == 1 and not _is_initial(part[0]) and len(parts[k - 1]) >= 2:
                surnames.append(part[0])
        return [s for s in surnames if s]
    tokens = _tokens(chunk)
    names = [t for t in tokens if not _is_initial(t)]
    if not names:
        return []
    if len(names) == 1:
        return names
    # Names without separators: words other sources use as surnames for this object
    # decide; otherwise "First [M.] Last" groups.
    hits = [t for t in names if t in known]
    if hits:
        return hits
    if len(tokens) <= 3:
        return [names[-1]]
    surnames = []
    current: list[str] = []
    for t in tokens:
        current.append(t)
        if not _is_initial(t) and len([c for c in current if not _is_initial(c)]) >= 2:
            surnames.append(t)
            current = []
    if current and (s := _surname(current)):
        surnames.append(s)
    return surnames


def _joined(part: list[str]) -> str:
    names = [t for t in part if not _is_initial(t) and t not in _PARTICLES]
    return names[-1] if names else (part[-1].strip(".") if part else "")


def _chunks(raw: str) -> list[str]:
    text = _fold(raw)
    text = _ROLE.sub(";", text)
    text = _INCOMPLETE.sub(" ", text)
    text = re.sub(r"^\s*by\s+", "", text)
    return [c for c in _SEPARATORS.split(text) if c.strip(" ,.")]


def _unambiguous_surnames(raw: str) -> set[str]:
    """Surnames written in a form that leaves no doubt: "Last, First" chunks and lone words."""
    found = set()
    for chunk in _chunks(raw):
        if "," in chunk:
            head = _tokens(chunk.split(",")[0])
            if len(head) == 1 and not _is_initial(head[0]):
                found.add(head[0])
        else:
            tokens = _tokens(chunk)
            if len(tokens) == 1 and not _is_initial(tokens[0]):
                found.add(tokens[0])
    return found


def normalise_authors_all(pairs: Sequence[tuple[str, Any]]) -> list[tuple[str, ...] | None]:
    """Author lists to sorted tuples of surnames. Surnames that some record of the same
    object writes unambiguously ("Knuth, Donald") settle how others are read
    ("Knuth Donald", "Donald E. Knuth John Fuller")."""
    known: dict[str, set[str]] = defaultdict(set)
    for obj, raw in pairs:
        if not _is_placeholder(raw):
            known[obj] |= _unambiguous_surnames(str(raw))
    keys: list[tuple[str, ...] | None] = []
    for obj, raw in pairs:
        if _is_placeholder(raw):
            keys.append(None)
            continue
        surnames: set[str] = set()
        for chunk in _chunks(str(raw)):
            surnames.update(s for s in _parse_chunk(chunk, known[obj]) if len(s) > 1)
        keys.append(tuple(sorted(surnames)) or None)
    return keys


def authors_similarity(a: Hashable, b: Hashable) -> float:
    """Share of authors in common (Jaccard): a list naming only the first author
    supports the full list in part."""
    sa, sb = set(a), set(b)  # type: ignore[call-overload]
    union = sa | sb
    return len(sa & sb) / len(union) if union else 0.0


@dataclass(frozen=True)
class Normaliser:
    name: str
    normalise_all: Callable[[Sequence[tuple[str, Any]]], list[Any]]
    similarity: Callable[[Hashable, Hashable], float] | None


def _each(function: Callable[[Any], Any]) -> Callable[[Sequence[tuple[str, Any]]], list[Any]]:
    return lambda pairs: [function(raw) for _, raw in pairs]


def _exact(raw: Any) -> Any:
    return None if _is_placeholder(raw) else raw


NORMALISERS: dict[str, Normaliser] = {
    "authors": Normaliser("authors", normalise_authors_all, authors_similarity),
    "exact": Normaliser("exact", _each(_exact), None),
    "number": Normaliser("number", _each(normalise_number), number_key_similarity),
    "text": Normaliser("text", _each(normalise_text), text_similarity),
}


def get_normaliser(name: str) -> Normaliser:
    try:
        return NORMALISERS[name]
    except KeyError:
        raise FactcheckError(f"unknown normaliser {name!r}: choose from {', '.join(sorted(NORMALISERS))}") from None


__all__ = ["NORMALISERS", "Normaliser", "PLACEHOLDERS", "authors_similarity", "get_normaliser",
           "normalise_authors_all", "normalise_number", "normalise_text", "number_key_similarity",
           "text_similarity"]
