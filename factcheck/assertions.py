"""Group matched claims into assertions and say whether sources agree.

Two groupings, one per kind of claim:

- numbers are grouped by the quantity they count (counted thing, subject, scope
  marker), whatever their values: that is where contradictions live. A number
  whose clause names no subject takes it from its closest match, else from the
  nearest number of the same kind on its page ("... 3,000 soldiers have already
  been sent" after "12,000 troops ... in Russia");
- quotes and reported acts are clustered by average linkage over the matches: a
  claim joins a group only when it is similar to most of the group, not to one
  member, so single links do not chain unrelated claims together.

Then each assertion gets its distinct values (with the outlets and original
sources behind each), the number of outlets and of independent sources (relays
of one origin, or one wording repeated, count once), a status, reasons, and an
initial confidence that rises with independent support, not with relays.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from factcheck.matching import (
    measures_differ,
    place_of,
    vague_place,
    OPEN_OBJECT_ACTS,
    SAME_TEXT,
    WEAK_MEASURES,
    ClaimFeatures,
    claim_features,
    claim_origin,
    compare_claims,
    document_affiliations,
    quantity_unit,
    resolve_references,
)
from factcheck.models import (
    CONTRADICTED,
    CORROBORATED,
    NUMERIC,
    SINGLE_SOURCE,
    Assertion,
    AssertionValue,
    Claim,
    Document,
    Match,
    content_id,
)
from factcheck.normalise import ACTOR_WORDS, content_tokens, find_actors, name_keys, normalise

# Value agreement. An approximate figure ("about", "some", "around") stands for
# +-5%: "about 3,000" and "over 3,000" agree, "some 10,000" and "about 12,000" do
# not. Exact figures allow 1% for rounding. A one-sided bound ("over", "at least",
# "up to") is read as reaching 50% beyond its figure: news names the round number
# just below a count, and a figure twice as large would be reported as such.
# Wider tolerances hide real conflicts; narrower ones flag rounding as conflict.
VALUE_TOLERANCE = 0.05
EXACT_TOLERANCE = 0.01
OPEN_BOUND_SPAN = 0.5
# Confidence: each independent source is taken as right with probability 0.4 before
# credibility is learnt, so support from n independent sources gives 1 - 0.6**n.
SOURCE_RELIABILITY = 0.4
# Average linkage: a claim (or group) joins a group when its mean similarity to the
# members is at least this; the similarity of a pair that did not match is 0.
LINK_THRESHOLD = 0.5
LINK_SAMPLE = 8  # members per side compared when two groups meet (bounds the cost)
MIN_SHARED_FIGURE = 10  # smallest figure whose repeat under two place names ties them
APPROXIMATE_DAYS = 3  # half-width of an approximate date ("last week")
MAX_REASONS = 12

NEGATIVE = frozenset({"denied", "negated"})
_NEGATION_RE = re.compile(
    r"\b(?:not|no|never|none|nor|neither|den(?:y|ies|ied|ial|ials)|reject\w*|dismiss\w*|refut\w*|"
    r"rebuff\w*|false|lack\w*|without)\b|n['’]t\b", re.I)
# Figures that do not state the current count. A hedged figure ("lawmakers estimate
# around 3,000") still does: it is an uncertain report of the same count.
NOT_A_COUNT = {"planned": "a plan", "forecast": "a forecast", "conditional": "conditional"}
_LOW_QUALIFIERS = {"over", "more than", "at least", "above", "exceeding"}
_HIGH_QUALIFIERS = {"under", "less than", "up to", "at most", "below", "nearly", "almost"}
_APPROX_QUALIFIERS = {"about", "approximately", "around", "some", "roughly", "nearly", "almost",
                      "estimated", "vague"}


def value_interval(claim: Claim) -> tuple[float, float] | None:
    """The range of counts a numeric claim allows, within its qualifier and tolerance."""
    q = (claim.qualifier or "exact").lower()
    v, lo, hi = claim.value, claim.low, claim.high
    if v is None and lo is None and hi is None:
        return None
    if lo is not None or hi is not None:
        lo = lo if lo is not None else (v if v is not None else hi)
        hi = hi if hi is not None else (v if v is not None and v >= lo else lo * (1 + OPEN_BOUND_SPAN))
        if lo is None or hi is None:
            return None
        if q in _LOW_QUALIFIERS and claim.high is None:
            hi = max(hi, lo * (1 + OPEN_BOUND_SPAN))
        if q == "vague":  # "several thousand" is as loose as a one-sided bound, both ways
            return (min(lo, hi) * (1 - OPEN_BOUND_SPAN), max(lo, hi) * (1 + OPEN_BOUND_SPAN))
        tol = EXACT_TOLERANCE if q == "exact" else VALUE_TOLERANCE
        return (min(lo, hi) * (1 - tol), max(lo, hi) * (1 + tol))
    if v is None:
        return None
    if q in _LOW_QUALIFIERS:
        return (v, v * (1 + OPEN_BOUND_SPAN))
    if q in _HIGH_QUALIFIERS and q not in {"nearly", "almost"}:
        return (v * (1 - OPEN_BOUND_SPAN), v)
    if q in {"nearly", "almost"}:
        return (v * (1 - VALUE_TOLERANCE), v)
    if q in _APPROX_QUALIFIERS:
        return (v * (1 - VALUE_TOLERANCE), v * (1 + VALUE_TOLERANCE))
    return (v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE))


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two numeric claims' values can both be true, given their qualifiers.

    A claim without a value ("several thousand" with no range, or a statement)
    is compatible with every value.
    """
    ia, ib = value_interval(a), value_interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] and ib[0] <= ia[1]


# --- time -----------------------------------------------------------------------------

def _parse_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def time_window(claim: Claim, published: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a claim's figure refers to; an undated figure is current on its page's date."""
    when = claim.as_of
    if when:
        try:
            if len(when) == 4:
                y = int(when)
                return (dt.date(y, 1, 1), dt.date(y, 12, 31))
            if len(when) == 7:
                y, m = int(when[:4]), int(when[5:7])
                first = dt.date(y, m, 1)
                nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
                return (first, nxt - dt.timedelta(days=1))
        except ValueError:
            return None
        day = _parse_day(when)
        if day is None:
            return None
        if (claim.as_of_precision or "day") not in {"day", "exact"}:
            span = dt.timedelta(days=APPROXIMATE_DAYS)
            return (day - span, day + span)
        return (day, day)
    day = _parse_day(published) if published else None
    return (day, day) if day else None


# --- grouping -------------------------------------------------------------------------

class _Groups:
    """Union-find over claim ids, keeping each group's members (sorted on demand)."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in ids}
        self.sample = {i: [i] for i in ids}  # the first LINK_SAMPLE member ids, sorted

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if (len(self.members[ra]), rb) < (len(self.members[rb]), ra):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        self.sample[ra] = sorted(self.sample[ra] + self.sample.pop(rb))[:LINK_SAMPLE]

    def groups(self) -> list[list[str]]:
        return sorted(sorted(m) for m in self.members.values())


def _cluster_statements(ids: Sequence[str], edges: Mapping[tuple[str, str], float],
                        feats: Mapping[str, ClaimFeatures]) -> list[list[str]]:
    """Average-linkage clustering of quotes and acts over the match graph."""
    groups = _Groups(ids)
    cache: dict[tuple[str, str], float] = dict(edges)

    def score(x: str, y: str) -> float:
        key = (x, y) if x < y else (y, x)
        if key not in cache:
            found = compare_claims(feats[key[0]], feats[key[1]])
            cache[key] = found[0] if found else 0.0
        return cache[key]

    for (a, b), _ in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            continue
        left, right = groups.sample[ra], groups.sample[rb]
        mean = sum(score(x, y) for x in left for y in right) / (len(left) * len(right))
        if mean >= LINK_THRESHOLD:
            groups.union(a, b)
    return groups.groups()


def _join_places_sharing_a_figure(keyed: dict[tuple, list[str]],
                                   feats: Mapping[str, ClaimFeatures]) -> None:
    """Two places of one story given the same figure for one counted thing, on the same
    day, name one quantity ("at least 120 killed in Dravan province" / "... in
    Eskara"): a country and the province where the event happened. Figures below
    MIN_SHARED_FIGURE coincide too easily to say so."""
    by_figure: dict[tuple, set[tuple]] = defaultdict(set)
    for key, members in keyed.items():
        if not key[2]:
            continue
        for i in members:
            c = feats[i].claim
            if c.value is None or c.value < MIN_SHARED_FIGURE or c.modality in NOT_A_COUNT:
                continue
            when = time_window(c, feats[i].published)
            by_figure[(key[0], key[1], key[3], c.value, c.low, c.high, c.qualifier, when)].add(key)
    parent: dict[tuple, tuple] = {}

    def find(k: tuple) -> tuple:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for figure in sorted(by_figure, key=repr):
        keys = sorted(by_figure[figure])
        for other in keys[1:]:
            a, b = find(keys[0]), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    for key in sorted(parent, reverse=True):
        root = find(key)
        if root != key and key in keyed:
            keyed[root].extend(keyed.pop(key))


def _measures_differ(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    return bool(a.measure and b.measure and measures_differ(a.measure, b.measure))


def _split_by_measure(members: Sequence[str], feats: Mapping[str, ClaimFeatures]) -> list[list[str]]:
    """One quantity key, several measured things ("unemployment" and "inflation" in
    percent, a package and its parts in euros): figures sharing a measured word are one
    quantity; a figure naming none joins the one that reports its value, else the
    largest."""
    words = {i: (feats[i].measure.words - WEAK_MEASURES) if feats[i].measure else frozenset()
             for i in members}
    named = sorted(i for i in members if words[i])
    if len({w for i in named for w in words[i]}) < 2:
        return [sorted(members)]
    groups = _Groups(named)
    first: dict[str, str] = {}
    for i in named:
        for w in sorted(words[i]):
            if w in first:
                groups.union(first[w], i)
            else:
                first[w] = i
    parts = {groups.find(i): groups.members[groups.find(i)] for i in named}
    if len(parts) < 2:
        return [sorted(members)]
    by_value: dict[float, set[str]] = defaultdict(set)
    for root, part in parts.items():
        for i in part:
            if feats[i].claim.value is not None:
                by_value[feats[i].claim.value].add(root)
    largest = min(parts, key=lambda r: (-len(parts[r]), r))
    for i in sorted(set(members) - set(named)):
        value = feats[i].claim.value
        home = by_value.get(value, set()) if value is not None else set()
        parts[min(home) if len(home) == 1 else largest].append(i)
    return [sorted(p) for p in parts.values()]


def _specific_place(subject: str | None) -> str | None:
    return None if vague_place(subject) else place_of(subject)


def _group_numbers(numeric: Sequence[str], feats: Mapping[str, ClaimFeatures],
                   partners: Mapping[str, list[tuple[float, str]]]) -> list[list[str]]:
    """Numbers grouped by the quantity they count, values aside."""
    # Only a specific place splits a quantity: "the Lutanian capital" or "Monday's" names
    # none of its own and is read like a missing subject.
    own = {i: _specific_place(feats[i].claim.subject) for i in numeric}
    subject: dict[str, str | None] = dict(own)
    unit = {i: quantity_unit(feats[i]) for i in numeric}
    by_doc: dict[str, list[ClaimFeatures]] = defaultdict(list)
    for i in numeric:
        by_doc[feats[i].claim.document_id].append(feats[i])
    for i in numeric:
        if subject[i]:
            continue
        f = feats[i]
        # A figure with no subject of its own refers back: to the nearest earlier number
        # of the same kind on its page, else to its closest match, else to a later one.
        same_kind = [g for g in by_doc[f.claim.document_id] if own[g.claim.id] and g.claim.id != i
                     and unit[g.claim.id] == unit[i] and g.scope == f.scope
                     and not _measures_differ(g, f)]
        earlier = [g for g in same_kind if g.claim.start < f.claim.start]
        if earlier:
            subject[i] = own[max(earlier, key=lambda g: (g.claim.start, g.claim.id)).claim.id]
            continue
        for _, j in partners.get(i, ()):
            g = feats[j]
            if own[j] and unit[j] == unit[i] and g.scope == f.scope and not _measures_differ(g, f):
                subject[i] = own[j]
                break
        else:
            if same_kind:
                subject[i] = own[min(same_kind, key=lambda g: (g.claim.start, g.claim.id)).claim.id]
    # Figures of other stories never share a quantity: the story is part of the key.
    keyed: dict[tuple, list[str]] = defaultdict(list)
    for i in numeric:
        c = feats[i].claim
        keyed[(feats[i].story or "", unit[i], subject[i] or "", feats[i].scope)].append(i)
    _join_places_sharing_a_figure(keyed, feats)
    # A subject-less group joins the only subject its quantity has in its story.
    subjects: dict[tuple, list[tuple]] = defaultdict(list)
    for key in keyed:
        if key[2]:
            subjects[(key[0], key[1], key[3])].append(key)
    for key in [k for k in keyed if not k[2]]:
        known = subjects.get((key[0], key[1], key[3]), [])
        if len(known) == 1:
            keyed[known[0]].extend(keyed.pop(key))
    # One quantity key, several owners named ("Russian troops" / "North Korean troops"
    # in one region): one group per owner, figures that name none join the largest.
    out: list[list[str]] = []
    for members in (part for group in keyed.values() for part in _split_by_measure(group, feats)):
        owners: dict[str, list[str]] = defaultdict(list)
        for i in members:
            owners[feats[i].owner or ""].append(i)
        named = {o: m for o, m in owners.items() if o}
        if len(named) < 2:
            out.append(sorted(members))
            continue
        largest = min(named, key=lambda o: (-len(named[o]), o))
        named[largest] = named[largest] + owners.get("", [])
        out.extend(sorted(m) for m in named.values())
    return out


# --- summary of one assertion ---------------------------------------------------------

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
                 origins: Mapping[str, str], ties: Mapping[str, frozenset[str]]) -> _Groups:
    """Claims grouped by original source: one origin, or one wording of one statement."""
    ids = [c.id for c in claims]
    groups = _Groups(ids)
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


def _denies(c: Claim, feats: Mapping[str, ClaimFeatures]) -> bool:
    """The claim denies its proposition (a refusal to confirm or deny is no denial).

    The claim's own words must carry the negation: a clause next to a denial
    ("EU condemns ..., as China denies ...") is not itself a denial.
    """
    return (c.modality in NEGATIVE and feats[c.id].predicate not in OPEN_OBJECT_ACTS
            and bool(_NEGATION_RE.search(c.text)))


def _support_confidence(n: int) -> float:
    return round(1 - (1 - SOURCE_RELIABILITY) ** n, 4) if n > 0 else 0.0


def _title(name: str) -> str:
    return " ".join(w.upper() if len(w) <= 4 and w in {"eu", "nato", "un", "g7", "imf"} else w.capitalize()
                    for w in name.split())


def _measured(c: Claim, feats: Mapping[str, ClaimFeatures]) -> str | None:
    """What a figure counts, for a label: "people", "eur (package)", "percent (inflation)"."""
    f = feats[c.id]
    unit = quantity_unit(f) or c.counted
    words = sorted(f.measure.words - WEAK_MEASURES) if f.measure else []
    if words:
        return f"{unit} ({' '.join(words)})" if unit else " ".join(words)
    return unit


def _numeric_label(claims: Sequence[Claim], feats: Mapping[str, ClaimFeatures]) -> str:
    counted = Counter(_measured(c, feats) for c in claims if _measured(c, feats)).most_common(1)
    subject = Counter(c.subject for c in claims if c.subject).most_common(1)
    # Whose: the country or organisation most claims name first, other than the subject.
    owners: Counter[str] = Counter()
    for c in claims:
        named = [a for a in find_actors(c.text) if a != c.subject and a in feats[c.id].objects]
        if named:
            owners[named[0]] += 1
    label = f"Number of {counted[0][0] if counted else 'items'}"
    if owners:
        label += f" from {_title(min(owners, key=lambda o: (-owners[o], o)))}"
    if subject:
        label += f" in {_title(subject[0][0])}"
    scope = feats[claims[0].id].scope
    if scope:
        label += f" ({', '.join(scope)})"
    return label


def _statement_label(claims: Sequence[Claim], feats: Mapping[str, ClaimFeatures]) -> str:
    def centrality(c: Claim) -> tuple[float, int, str]:
        others = [d for d in claims if d.id != c.id][:LINK_SAMPLE]
        total = 0.0
        for d in others:
            found = compare_claims(feats[c.id], feats[d.id])
            total += found[0] if found else 0.0
        return (-total, len(c.text), c.id)

    best = min(claims, key=centrality) if len(claims) > 1 else claims[0]
    text = " ".join(best.text.split())
    if len(text) > 120:
        text = text[:117].rsplit(" ", 1)[0] + "…"
    speaker = Counter(c.attributed_to for c in claims if c.attributed_to).most_common(1)
    return f"{speaker[0][0]}: {text}" if speaker else text


def _summarise(kind: str, claims: list[Claim], feats: Mapping[str, ClaimFeatures],
               documents: Mapping[str, Document], ties: Mapping[str, frozenset[str]]) -> Assertion:
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
        reports: dict[tuple, _Report] = {}
        for c in counts:
            window = time_window(c, feats[c.id].published)
            key = (value_interval(c), window)
            if key not in reports:
                reports[key] = _Report([], key[0], window, set(), _describe(c))
            reports[key].claims.append(c)
            reports[key].origins.add(component[c.id])
        ordered = sorted(reports.values(), key=lambda r: (r.window or (dt.date.min, dt.date.min),
                                                          r.interval or (0, 0), r.text))
        seen_reasons: set[str] = set()
        for k, x in enumerate(ordered[:200]):
            for y in ordered[k + 1:200]:
                if x.interval is None or y.interval is None:
                    continue
                if x.interval[0] <= y.interval[1] and y.interval[0] <= x.interval[1]:
                    continue
                if x.window and y.window and (x.window[1] < y.window[0] or y.window[1] < x.window[0]):
                    early, late = (x, y) if x.window[1] < y.window[0] else (y, x)
                    if late.interval[1] >= early.interval[0] or early.origins & late.origins:
                        why = (f"{early.text} ({who(early.claims)}, {early.window[1]}) then {late.text} "
                               f"({who(late.claims)}, {late.window[0]}): a change over time, not a conflict")
                    else:
                        conflict = True
                        why = (f"{late.text} ({who(late.claims)}, {late.window[0]}) is lower than the earlier "
                               f"{early.text} ({who(early.claims)}, {early.window[1]}): contradiction")
                else:
                    conflict = True
                    same = x.origins & y.origins
                    by = "the same source" if same else "independent sources"
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
    plain = [c for c in positives if c.modality not in NEGATIVE and not _NEGATION_RE.search(c.text)]
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
    label = _numeric_label(claims, feats) if kind == NUMERIC else _statement_label(claims, feats)
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
    candidates = [v for v in out if v.modality not in NOT_A_COUNT and v.modality not in NEGATIVE
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


def build_assertions(claims: Sequence[Claim], matches: Sequence[Match],
                     documents: Mapping[str, Document]) -> list[Assertion]:
    """Every claim in exactly one assertion, with status, values, reasons and confidence.

    Sorted by assertion id; an assertion's id is the content id of its sorted claim ids.
    """
    from factcheck.stories import story_of_documents

    by_id = {c.id: c for c in claims}
    ties = document_affiliations(documents)
    stories = story_of_documents(documents, claims)
    feats = {f.claim.id: f for f in resolve_references(
        [claim_features(c, documents, ties, stories) for c in sorted(claims, key=lambda c: c.id)])}
    numeric = sorted(i for i, c in by_id.items() if c.kind == NUMERIC and quantity_unit(feats[i]) is not None)
    numeric_set = set(numeric)
    statements = sorted(i for i in by_id if i not in numeric_set)
    statement_set = set(statements)
    partners: dict[str, list[tuple[float, str]]] = defaultdict(list)
    edges: dict[tuple[str, str], float] = {}
    for m in matches:
        if m.claim_a not in by_id or m.claim_b not in by_id or m.claim_a == m.claim_b:
            continue
        a, b = sorted((m.claim_a, m.claim_b))
        if a in numeric_set and b in numeric_set:
            partners[a].append((-m.similarity, b))
            partners[b].append((-m.similarity, a))
        elif a in statement_set and b in statement_set:
            edges[(a, b)] = max(edges.get((a, b), 0.0), m.similarity)
    for lst in partners.values():
        lst.sort()
    groups = _group_numbers(numeric, feats, partners) + _cluster_statements(statements, edges, feats)
    out = []
    for group in groups:
        members = sorted((by_id[i] for i in group), key=lambda c: c.id)
        kind = NUMERIC if members[0].id in numeric_set else Counter(c.kind for c in members).most_common(1)[0][0]
        out.append(_summarise(kind, members, feats, documents, ties))
    out = _add_related(out, by_id, stories)
    out.sort(key=lambda a: a.id)
    return out


def _add_related(assertions: list[Assertion], by_id: Mapping[str, Claim],
                 stories: Mapping[str, str]) -> list[Assertion]:
    """Point each numeric assertion at the other quantities of the same counted thing
    in its story."""
    from dataclasses import replace

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
