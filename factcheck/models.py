"""The named types that flow between factcheck's stages.

Every stage is a pure function from these values to new ones; `pipeline.py` runs
them in order and `store.py` persists them. All are frozen so a stage cannot
change what an earlier one produced.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

# Sentence flags: only STORY (and TITLE) sentences feed claims.
STORY = "story"
TITLE = "title"
FURNITURE = "furniture"
OFF_TOPIC = "off_topic"

# Claim kinds.
NUMERIC = "numeric"
QUOTE = "quote"
EVENT = "event"

# Modalities of a claim that say something is not so.
NEGATIVE_MODALITIES = frozenset({"denied", "negated"})

# Assertion statuses, as the export contract names them.
CONTRADICTED = "contradicted"
CORROBORATED = "corroborated"
SINGLE_SOURCE = "single-source"


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id from the content it names, so re-running a stage is a no-op."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True)
class Document:
    """One article as read from its file; `text` is kept exactly as decoded."""

    id: str
    path: str
    text: str
    format: str = "txt"
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None: never invented
    author: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence with exact offsets: `document.text[start:end] == text`."""

    id: str
    document_id: str
    index: int
    start: int
    end: int
    text: str
    line: int = 0  # 0-based line of the document the sentence starts on
    flag: str = STORY  # STORY, TITLE, FURNITURE or OFF_TOPIC
    reason: str | None = None  # why it was flagged (rule name), None for story


@dataclass(frozen=True)
class Claim:
    """One check-worthy unit of a sentence: a quantity, a quote or a reported act.

    `start`/`end` are offsets into the document text of the claim's own span
    (the clause or phrase that carries it); `text` equals that slice.
    """

    id: str
    document_id: str
    sentence_id: str
    start: int
    end: int
    text: str
    kind: str  # NUMERIC, QUOTE or EVENT
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None  # exact, about, over, under, at least, up to, vague
    counted: str | None = None  # normalised thing counted: troops, deaths, people...
    subject: str | None = None  # what or where the claim is about (e.g. "russia", "kursk")
    attributed_to: str | None = None  # the original source the text gives
    relay: str | None = None  # who passed it on ("Kyodo" in "Kyodo, citing ...")
    as_of: str | None = None  # ISO date, month (YYYY-MM) or year the claim refers to
    as_of_precision: str | None = None  # day, month, year, approximate
    modality: str = "asserted"  # asserted, reported, confirmed, denied, planned, forecast, hedged, negated
    predicate: str | None = None  # normalised act for events: confirm, deny, send, condemn...
    entities: tuple[str, ...] = ()  # normalised names the claim mentions (for matching)
    check_worthiness: float = 0.0
    features: tuple[str, ...] = ()  # what made it check-worthy


@dataclass(frozen=True)
class Match:
    """Why two claims were judged to say the same thing (or the same quantity)."""

    claim_a: str
    claim_b: str
    similarity: float  # 0..1
    relation: str  # same, paraphrase, same-quantity-other-value, ...


@dataclass(frozen=True)
class AssertionValue:
    """One distinct value reported for a numeric assertion, with who reported it."""

    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    claim_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    sources: tuple[str, ...]  # original sources (attributed_to)
    as_of: str | None = None
    modality: str = "asserted"
    confidence: float = 0.0


@dataclass(frozen=True)
class Assertion:
    """A group of claims that make one assertion, with its status and reasons."""

    id: str
    kind: str
    label: str
    status: str  # CONTRADICTED, CORROBORATED or SINGLE_SOURCE
    confidence: float
    claim_ids: tuple[str, ...]
    n_outlets: int
    n_independent_sources: int
    values: tuple[AssertionValue, ...] = ()
    reasons: tuple[str, ...] = ()
    best_value: float | None = None


@dataclass(frozen=True)
class Source:
    """A source's learned credibility and the evidence behind it."""

    name: str
    kind: str  # outlet or origin
    credibility: float
    prior: float | None = None
    n_claims: int = 0
    n_corroborated: int = 0
    n_contradicted: int = 0
    explanation: tuple[str, ...] = field(default_factory=tuple)
