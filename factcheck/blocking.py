"""Which pairs of claims are worth comparing: blocking, never all pairs.

A claim joins a bounded number of blocks (its few rarest words, a few min-hashed
word 4-grams of a quote, its exact text, its quantity, its value, its actor and
act); claims that share a block are candidate pairs. A block larger than
MAX_BLOCK is walked in sorted order with a window of WINDOW neighbours, so
comparisons grow linearly with the number of claims.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from factcheck.features import ClaimFeatures, place_of, quantity_unit
from factcheck.measures import WEAK_MEASURES
from factcheck.models import NUMERIC, QUOTE

RAREST_WORDS = 3  # word blocks per claim
QUOTE_SHINGLES = 3  # min-hashed 4-grams per quote claim
MAX_BLOCK = 25  # larger blocks are walked with a sorted window instead of all pairs
WINDOW = 6  # neighbours compared in an oversized block


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
    # The rarest stems of a statement's core: a statement meets its denial and its
    # rewording, whose words differ in form ("cleared" / "clearance").
    if f.core and f.weights:
        stems = sorted(f.core, key=lambda w: (-f.weights.get(w, 0.0), w))
        word_keys.extend(f"c:{f.story or ''}|{w}" for w in stems[:RAREST_WORDS])
    if c.kind == QUOTE:
        grams = {" ".join(g) for g in _ngrams(f.text.split(), 4)}
        word_keys.extend(f"g:{g}" for g in sorted(grams, key=lambda g: (zlib.crc32(g.encode()), g))[:QUOTE_SHINGLES])
    return structural, word_keys


def _ngrams(words: list[str], n: int) -> Iterable[tuple[str, ...]]:
    if len(words) < n:
        return [tuple(words)] if words else []
    return (tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def candidate_pairs(feats: Sequence[ClaimFeatures]) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of positions in `feats` that share a block: the only pairs compared."""
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
