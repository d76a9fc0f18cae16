"""Whether sources agree: each assertion's values, status, reasons and confidence.

An assertion gets its distinct values (with the outlets and original sources
behind each), the number of outlets and of independent sources (relays of one
origin, or one wording repeated, count once), a status (corroborated,
contradicted, single-source), the reasons for it, and an initial confidence that
rises with independent support, not with relays. Two figures for one quantity
conflict only when they cannot both be true for the same days (`intervals`);
one outlet disagreeing with itself is no dispute between sources.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from factcheck.dates import find_dates
from factcheck.features import ClaimFeatures, claim_origin
from factcheck.grouping import Groups
from factcheck.intervals import NOT_A_COUNT, claimed_interval, time_window, value_interval
from factcheck.matching import NEGATION_RE, OPEN_OBJECT_ACTS, SAME_TEXT, compare_claims
from factcheck.models import (
    CONTRADICTED,
    CORROBORATED,
    NEGATIVE_MODALITIES,
    NUMERIC,
    SINGLE_SOURCE,
    Assertion,
    AssertionValue,
    Claim,
    Document,
    content_id,
)
from factcheck.normalise import ACTOR_WORDS, content_tokens, find_actors, name_keys, normalise

# Confidence: each independent source is taken as right with probability 0.4 before
# credibility is learnt, so support from n independent sources gives 1 - 0.6**n.
SOURCE_RELIABILITY = 0.4
MAX_REASONS = 12

# A one-word quotation names the word (a ballot option: 'the "No" camp won 36%'),
# it does not negate anything.
_QUOTED_WORD_RE = re.compile(r"[\"“”‘’']\s*\w+\s*[\"“”‘’']")


def _negates(text: str) -> bool:
    """The words negate something, quoted single words aside."""
    return bool(NEGATION_RE.search(_QUOTED_WORD_RE.sub(" ", text)))


@dataclass
class _Report:
    """Claims that report one distinct value (for conflicts between values)."""

    claims: list[Claim]
    interval: tuple[float, float] | None
    window: tuple[dt.date, dt.date] | None
    origins: set[str]
    text: str


def _fmt(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def _describe(c: Claim) -> str:
    if c.value is None and c.low is None and c.high is None:
        return (c.qualifier or "vague") + " figure"
    if c.low is not None and c.high is not None and c.low != c.high:
        body = f"{_fmt(c.low)}-{_fmt(c.high)}"
    else:
        body = _fmt(c.value if c.value is not None else (c.low if c.low is not None else c.high))
    q = (c.qualifier or "exact").lower()
    return body if q == "exact" else f"{q} {body}"


def _independent(claims: Sequence[Claim], feats: Mapping[str, ClaimFeatures],
                 origins: Mapping[str, str], ties: Mapping[str, frozenset[str]]) -> Groups:
    """Claims grouped by original source: one origin, or one wording of one statement."""
    ids = [c.id for c in claims]
    groups = Groups(ids)
    first_by_key: dict[str, str] = {}
    for c in claims:
        keys = {"o:" + origins[c.id]}
        if c.relay:  # what one relay passed on is one voice, whoever it cites
            keys.add("o:" + normalise(c.relay))
        # A bare country or organisation ("Seoul", "South Korea") is one voice.
        if not set(content_tokens(origins[c.id])) - ACTOR_WORDS:
            keys.update("a:" + a for a in find_actors(origins[c.id]))
        # A spokesperson and the government or body they speak for are one voice.
        keys.update("a:" + a for k in name_keys(c.attributed_to) for a in ties.get(k, ()))
        for key in keys:
            if key in first_by_key:
                groups.union(first_by_key[key], c.id)
            else:
                first_by_key[key] = c.id
    # Similar names of one source ("Ukrainian military intelligence" / "Defense
    # Intelligence of Ukraine"): half of their words shared.
    names = sorted({origins[c.id] for c in claims})
    if len(names) <= 64:
        bags = {n: set(content_tokens(n)) | set(find_actors(n)) for n in names}
        owner = {origins[c.id]: c.id for c in claims}
        for k, x in enumerate(names):
            for y in names[k + 1:]:
                inter = len(bags[x] & bags[y])
                if inter >= 2 and inter * 2 >= len(bags[x] | bags[y]):
                    groups.union(owner[x], owner[y])
    # One wording repeated by several outlets is one statement relayed (wire copy).
    by_text: dict[str, str] = {}
    for c in claims:
        text = feats[c.id].text
        if len(text.split()) >= 6:
            if text in by_text:
                groups.union(by_text[text], c.id)
            else:
                by_text[text] = c.id
    if len(claims) <= 64:
        long = [c for c in claims if len(feats[c.id].words) >= 6]
        for k, x in enumerate(long):
            for y in long[k + 1:]:
                if feats[x.id].outlet != feats[y.id].outlet and groups.find(x.id) != groups.find(y.id):
                    found = compare_claims(feats[x.id], feats[y.id])
                    if found and found[0] >= SAME_TEXT and found[1].endswith("same"):
                        groups.union(x.id, y.id)
    return groups


def _disjoint(x: _Report, y: _Report) -> bool:
    return bool(x.window and y.window and (x.window[1] < y.window[0] or y.window[1] < x.window[0]))


def _clashes(ordered: Sequence[_Report]) -> list[tuple[_Report, _Report]]:
    """Pairs of reports whose figures cannot both be true, whatever their days."""
    out = []
    for k, x in enumerate(ordered):
        for y in ordered[k + 1:]:
            if x.interval is None or y.interval is None:
                continue
            if x.interval[0] <= y.interval[1] and y.interval[0] <= x.interval[1]:
                continue
            out.append((x, y))
    return out


def _steady_fall(clashes: Sequence[tuple[_Report, _Report]]) -> bool:
    """The figures only ever fall, over at least three days: a count that shrinks.

    People missing, patients in hospital or a projection replaced by a count go
    down as time passes; one later lower figure from another source may be a
    correction or a conflict, so a fall needs a third day to read as a series.
    A series that rises and falls keeps its falls as conflicts.
    """
    days: set[dt.date] = set()
    for x, y in clashes:
        if not _disjoint(x, y):
            continue
        early, late = (x, y) if x.window[1] < y.window[0] else (y, x)
        if late.interval[1] >= early.interval[0]:
            return False
        days.update((early.window[1], late.window[0]))
    return len(days) >= 3


def _parts(counts: Sequence[Claim], source_of: Mapping[str, str]) -> list[tuple[Claim, Claim]]:
    """Smaller figures a source gives in one sentence with a larger one of the same quantity.

    "The toll rose to 41 after divers recovered 17 bodies", "41 dead, at least 19 of
    them from the island", "rose from 24 to 41": one source does not contradict itself
    within a sentence, so the smaller figure is a part of the count, an increment or an
    earlier count, and the larger one is the count to weigh against other reports.
    Figures of different sources in one sentence ("police said 40, organisers 60") stay.
    """
    by_sentence: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in counts:
        by_sentence[(c.sentence_id, source_of[c.id])].append(c)
    out = []
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        sized = [(value_interval(c), c) for c in group]
        sized = [(i, c) for i, c in sized if i is not None]
        if not sized:
            continue
        top_interval, top = max(sized, key=lambda ic: (ic[0][1], ic[1].id))
        out.extend((c, top) for i, c in sized if i[1] < top_interval[0])
    return sorted(out, key=lambda pc: pc[0].id)


def _one_page_pair(x: _Report, y: _Report, component: Mapping[str, str],
                   feats: Mapping[str, ClaimFeatures]) -> bool:
    """Some outlet prints both figures, each from one same source."""
    shared = x.origins & y.origins
    pages_x = {feats[c.id].outlet for c in x.claims if component[c.id] in shared}
    return any(feats[c.id].outlet in pages_x for c in y.claims if component[c.id] in shared)


# Where a figure starts in a claim's words: digits or a number word.
_FIGURE_RE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"dozens?|hundreds?|thousands?|millions?|half)\b", re.I)


def _denies(c: Claim, feats: Mapping[str, ClaimFeatures]) -> bool:
    """The claim denies its proposition (a refusal to confirm or deny is no denial).

    The claim's own words must carry the negation: a clause next to a denial
    ("EU condemns ..., as China denies ...") is not itself a denial. A figure is
    denied only by words before it ("denied that 300 had died"); after it they
    deny something else or say what it counts ("had received 212 complaints and
    rejected claims of fraud", "40 people had not been found").
    """
    if c.modality not in NEGATIVE_MODALITIES or feats[c.id].predicate in OPEN_OBJECT_ACTS:
        return False
    text = c.text
    if c.kind == NUMERIC:
        # a date's digits ("SAN AURELIO, June 15 (Agency) - ...") are no figure
        undated = text
        for d in find_dates(text):
            undated = undated[:d.start] + " " * (d.end - d.start) + undated[d.end:]
        figure = _FIGURE_RE.search(undated)
        if figure is not None:
            text = text[:figure.start()]
    return _negates(text)


def _support_confidence(n: int) -> float:
    return round(1 - (1 - SOURCE_RELIABILITY) ** n, 4) if n > 0 else 0.0


def summarise_assertion(kind: str, claims: list[Claim], feats: Mapping[str, ClaimFeatures],
                        documents: Mapping[str, Document], ties: Mapping[str, frozenset[str]],
                        label: str) -> Assertion:
    """One group of claims (sorted by id) as an assertion: its status, reasons, values,
    independent sources and confidence. `ties` are `features.document_affiliations`."""
    origins = {c.id: claim_origin(c, documents) for c in claims}
    source_of = {c.id: c.attributed_to or feats[c.id].outlet for c in claims}
    indep = _independent(claims, feats, origins, ties)
    component = {c.id: indep.find(c.id) for c in claims}
    outlets = sorted({feats[c.id].outlet for c in claims})
    reasons: list[str] = []
    conflicts: list[str] = []  # reasons, the contradictions first
    changes: list[str] = []
    conflict = False

    def who(group: Sequence[Claim]) -> str:
        return ", ".join(sorted({source_of[c.id] for c in group}))

    if kind == NUMERIC:
        counts = [c for c in claims if c.modality not in NOT_A_COUNT and not _denies(c, feats)]
        for c in claims:
            if c.modality in NOT_A_COUNT:
                when = f" for {c.as_of}" if c.as_of else ""
                reasons.append(f"{_describe(c)} ({who([c])}) is {NOT_A_COUNT[c.modality]}{when}, "
                               "not a count: not a conflict")
        parts = _parts(counts, source_of)
        for c, whole in parts:
            reasons.append(f"{_describe(c)} ({who([c])}) stands beside {_describe(whole)} in one "
                           "sentence of one source: a part or a step of it, not a conflict")
        counts = [c for c in counts if c.id not in {p.id for p, _ in parts}]
        reports: dict[tuple, _Report] = {}
        for c in counts:
            window = time_window(c, feats[c.id].published)
            key = (claimed_interval(c), window)
            if key not in reports:
                reports[key] = _Report([], key[0], window, set(), _describe(c))
            reports[key].claims.append(c)
            reports[key].origins.add(component[c.id])
        ordered = sorted(reports.values(), key=lambda r: (r.window or (dt.date.min, dt.date.min),
                                                          r.interval or (0, 0), r.text))
        # Two figures printed by one outlet alone are its own affair (a part and its
        # whole on one page, or a slip), not a dispute between sources.
        clashes, own = [], []
        for x, y in _clashes(ordered[:200]):
            pages = {feats[c.id].outlet for c in x.claims + y.claims}
            (clashes if len(pages) > 1 else own).append((x, y))
        falling = _steady_fall(clashes)
        seen_reasons: set[str] = set()
        for x, y in own:
            why = (f"{x.text} and {y.text} are both from {feats[x.claims[0].id].outlet} alone: "
                   "one outlet's two figures, not a dispute between sources")
            if why not in seen_reasons:
                seen_reasons.add(why)
                changes.append(why)
        for x, y in clashes:
            if _disjoint(x, y):
                early, late = (x, y) if x.window[1] < y.window[0] else (y, x)
                if late.interval[1] >= early.interval[0] or early.origins & late.origins or falling:
                    why = (f"{early.text} ({who(early.claims)}, {early.window[1]}) then {late.text} "
                           f"({who(late.claims)}, {late.window[0]}): a change over time, not a conflict")
                else:
                    conflict = True
                    why = (f"{late.text} ({who(late.claims)}, {late.window[0]}) is lower than the earlier "
                           f"{early.text} ({who(early.claims)}, {early.window[1]}): contradiction")
            elif _one_page_pair(x, y, component, feats):
                # A source whose two figures for one period stand on one page gives
                # two quantities (a part and its whole, a region and its country);
                # printed by different outlets, they are a misquote, a conflict.
                shared = x.origins & y.origins
                why = (f"{x.text} and {y.text} for the same period come from one source on one page "
                       f"({who([c for c in x.claims + y.claims if component[c.id] in shared])}): "
                       "two quantities, not a conflict")
            else:
                conflict = True
                by = "the same source" if x.origins & y.origins else "independent sources"
                why = (f"{x.text} ({who(x.claims)}) vs {y.text} ({who(y.claims)}) "
                       f"reported for the same period by {by}: contradiction")
            if why not in seen_reasons:
                seen_reasons.add(why)
                (conflicts if why.endswith("contradiction") else changes).append(why)
        reasons = conflicts + changes + reasons
        years = sorted({s[3:] for c in claims for s in feats[c.id].scope if s.startswith("in ")})
        if years:
            reasons.append(f"figures for {', '.join(years)}, years before the reports: an earlier event, "
                           "another quantity than the current count")
        positives = counts
    else:
        positives = [c for c in claims if not _denies(c, feats)]
    negatives = [c for c in claims if _denies(c, feats)]
    # A denial contradicts only what is asserted without any negation of its own
    # ("China lacks information" next to "China claims no knowledge" is one stance).
    plain = [c for c in positives if c.modality not in NEGATIVE_MODALITIES and not _negates(c.text)]
    if negatives and plain:
        conflict = True
        reasons.append(f"{who(plain)} assert{'s' if len({source_of[c.id] for c in plain}) == 1 else ''} "
                       f"what {who(negatives)} den{'ies' if len({source_of[c.id] for c in negatives}) == 1 else 'y'}: "
                       "contradiction")
    # Without a conflict every report supports the assertion (a shared denial too).
    support_claims = (positives or claims) if conflict else claims
    support_outlets = {feats[c.id].outlet for c in support_claims}
    n_independent = len({component[c.id] for c in claims})
    if conflict and len(outlets) < 2:
        # One outlet giving two figures is no dispute between sources: it stays
        # single-source, with the clash among its reasons.
        status = SINGLE_SOURCE
        reasons.append(f"only {outlets[0]} reports it: its own figures differ, no second outlet to weigh")
    elif conflict:
        status = CONTRADICTED
    elif len(support_outlets) >= 2:
        status = CORROBORATED
        if n_independent < 2 or len({component[c.id] for c in support_claims}) < 2:
            reasons.append(f"reported by {len(support_outlets)} outlets relaying one original source "
                           f"({who(support_claims)}): counted once")
    else:
        status = SINGLE_SOURCE
        if len(claims) > 1:
            reasons.append(f"only {outlets[0]} reports it (repeated on the same page)")

    values, best_value, confidence = _values(kind, claims, feats, component, source_of, conflict)
    ids = tuple(sorted(c.id for c in claims))
    return Assertion(
        id=content_id(*ids),
        kind=kind,
        label=label,
        status=status,
        confidence=confidence,
        claim_ids=ids,
        n_outlets=len(outlets),
        n_independent_sources=n_independent,
        values=values,
        reasons=tuple(reasons[:MAX_REASONS]),
        best_value=best_value,
    )


class _Backing:
    """Which sources' counts agree with a value: each count's interval computed once,
    counts with one interval pooled, intervals sorted by their low end so a value
    meets only those that start below its high end (near-linear, not values x claims)."""

    def __init__(self, counts: Sequence[Claim], component: Mapping[str, str]) -> None:
        pooled: dict[tuple[float, float], set[str]] = defaultdict(set)
        self.open: set[str] = set()  # counts without a value agree with every value
        for c in counts:
            interval = value_interval(c)
            if interval is None:
                self.open.add(component[c.id])
            else:
                pooled[interval].add(component[c.id])
        self.intervals = sorted(pooled)
        self.lows = [lo for lo, _ in self.intervals]
        self.pooled = pooled
        self.everyone = set(self.open).union(*pooled.values()) if pooled else set(self.open)

    def of(self, interval: tuple[float, float] | None) -> set[str]:
        if interval is None:
            return set(self.everyone)
        lo, hi = interval
        found = set(self.open)
        for k in range(bisect.bisect_right(self.lows, hi)):
            other = self.intervals[k]
            if other[1] >= lo:
                found |= self.pooled[other]
        return found


def _values(kind: str, claims: Sequence[Claim], feats: Mapping[str, ClaimFeatures],
            component: Mapping[str, str], source_of: Mapping[str, str],
            conflict: bool) -> tuple[tuple[AssertionValue, ...], float | None, float]:
    """Distinct values with who reports them, the best value and the assertion's confidence."""
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if kind == NUMERIC:
            key = (c.value, c.low, c.high, c.qualifier, c.modality, c.as_of)
        else:
            key = (None, None, None, None, c.modality, None)
        buckets[key].append(c)
    counts = [c for c in claims if c.modality not in NOT_A_COUNT and not _denies(c, feats)]
    all_components = {component[c.id] for c in (counts or claims)}
    backing = _Backing(counts, component) if kind == NUMERIC else None
    out: list[AssertionValue] = []
    for key, group in buckets.items():
        if backing is not None and key[4] not in NOT_A_COUNT and not _denies(group[0], feats):
            backers = backing.of(value_interval(group[0]))
        else:
            backers = {component[c.id] for c in group}
        share = len(backers) / max(1, len(all_components | backers))
        out.append(AssertionValue(
            value=key[0], low=key[1], high=key[2], qualifier=key[3],
            claim_ids=tuple(sorted(c.id for c in group)),
            outlets=tuple(sorted({feats[c.id].outlet for c in group})),
            sources=tuple(sorted({source_of[c.id] for c in group})),
            as_of=key[5], modality=key[4] or "asserted",
            confidence=round(share * _support_confidence(len(backers)), 4),
        ))
    out.sort(key=lambda v: (v.as_of or "", v.value if v.value is not None else -1.0,
                            v.low if v.low is not None else -1.0, v.modality, v.claim_ids))
    if kind != NUMERIC:
        positive = {component[c.id] for c in claims if not _denies(c, feats)}
        conf = _support_confidence(len(positive))
        if conflict:
            conf = round(conf * len(positive) / max(1, len({component[c.id] for c in claims})), 4)
        return tuple(out), None, conf
    candidates = [v for v in out if v.modality not in NOT_A_COUNT and v.modality not in NEGATIVE_MODALITIES
                  and (v.value is not None or v.low is not None)]
    precise = [v for v in candidates if (v.qualifier or "exact") != "vague" and v.value is not None]
    candidates = precise or candidates  # "several thousand" agrees with all but is no answer
    if not candidates:
        return tuple(out), None, 0.0
    if conflict:
        best = max(candidates, key=lambda v: (v.confidence, len(v.outlets), v.as_of or "", v.claim_ids))
    else:  # values that changed over time: the latest is the current one
        ends = {c.id: time_window(c, feats[c.id].published) for c in counts}

        def latest(v: AssertionValue) -> dt.date:
            return max((ends[i][1] for i in v.claim_ids if ends.get(i)), default=dt.date.min)

        best = max(candidates, key=lambda v: (latest(v), v.confidence, v.claim_ids))
    value = best.value if best.value is not None else best.low
    return tuple(out), value, best.confidence if conflict else _support_confidence(len(all_components))


def add_related(assertions: list[Assertion], by_id: Mapping[str, Claim],
                stories: Mapping[str, str]) -> list[Assertion]:
    """Point each numeric assertion at the other quantities of the same counted thing
    in its story."""
    by_counted: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, a in enumerate(assertions):
        if a.kind == NUMERIC:
            first = by_id[a.claim_ids[0]]
            if first.counted:
                by_counted[(stories.get(first.document_id, ""), first.counted)].append(k)
    for members in by_counted.values():
        if len(members) < 2 or len(members) > 20:
            continue
        for k in members:
            notes = []
            for j in members:
                if j == k:
                    continue
                other = assertions[j]
                shown = ", ".join(sorted({_describe(by_id[i]) for i in other.claim_ids}))[:80]
                notes.append(f"{shown} is another quantity ({other.label}): not a conflict")
            a = assertions[k]
            room = MAX_REASONS - len(a.reasons)
            if room > 0:
                assertions[k] = replace(a, reasons=a.reasons + tuple(sorted(notes)[:min(3, room)]))
    return assertions
