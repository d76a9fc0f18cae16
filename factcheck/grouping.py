"""Which claims make one assertion: the claims grouped, two ways by kind.

- numbers are grouped by the quantity they count (counted thing, subject, scope
  marker), whatever their values: that is where contradictions live. A number
  whose clause names no subject takes it from its closest match, else from the
  nearest number of the same kind on its page ("... 3,000 soldiers have already
  been sent" after "12,000 troops ... in Russia");
- quotes and reported acts are clustered by average linkage over the matches: a
  claim joins a group only when it is similar to most of the group, not to one
  member, so single links do not chain unrelated claims together.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from factcheck.features import ClaimFeatures, place_of, quantity_unit, vague_place
from factcheck.intervals import NOT_A_COUNT, time_window
from factcheck.matching import compare_claims
from factcheck.measures import WEAK_MEASURES, ballot_options, measures_differ
from factcheck.models import NUMERIC, Claim, Match

# Average linkage: a claim (or group) joins a group when its mean similarity to the
# members is at least this; the similarity of a pair that did not match is 0.
LINK_THRESHOLD = 0.5
LINK_SAMPLE = 8  # members per side compared when two groups meet (bounds the cost)
MIN_SHARED_FIGURE = 10  # smallest figure whose repeat under two place names ties them


class Groups:
    """Union-find over claim ids, keeping each group's members (sorted on demand).

    Shared by the clustering here and by `status`, which groups claims by source.
    """

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
    groups = Groups(ids)
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
    groups = Groups(named)
    # Figures sharing a word are one quantity, unless that would put two ballot options
    # in one ("Yes" and "No" are both shares "of the vote"): a share naming no option
    # joins the first it meets.
    options = {i: ballot_options(words[i]) for i in named}
    first: dict[str, str] = {}
    for i in named:
        for w in sorted(words[i]):
            if w not in first:
                first[w] = i
                continue
            ra, rb = groups.find(first[w]), groups.find(i)
            if ra != rb and len(options[ra] | options[rb]) <= 1:
                groups.union(ra, rb)
                options[groups.find(ra)] = options[ra] | options[rb]
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
        if f.coordinated:
            # "Ntoro district has recorded 611 cases ..., and 14 deaths": a figure joined
            # by "and" to the one before it is an object of the same verb and subject.
            before = [g for g in by_doc[f.claim.document_id] if g.claim.sentence_id == f.claim.sentence_id
                      and g.claim.end <= f.claim.start]
            last = max((g.claim.end for g in before), default=None)
            placed = sorted(own[g.claim.id] for g in before if g.claim.end == last and own[g.claim.id])
            if placed:
                subject[i] = placed[0]
                continue
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
    # A subject-less group joins the only subject its quantity has in its story, or the
    # one that holds most of its figures: a story's count is of the place it is about
    # unless a figure names another ("611 cases in Ntoro district" beside the region's).
    subjects: dict[tuple, list[tuple]] = defaultdict(list)
    for key in keyed:
        if key[2]:
            subjects[(key[0], key[1], key[3])].append(key)
    for key in [k for k in keyed if not k[2]]:
        known = sorted(subjects.get((key[0], key[1], key[3]), []))
        if not known:
            continue
        main = min(known, key=lambda k: (-len(keyed[k]), k))
        if 2 * len(keyed[main]) > sum(len(keyed[k]) for k in known):
            keyed[main].extend(keyed.pop(key))
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


def group_claims(by_id: Mapping[str, Claim], matches: Sequence[Match],
                 feats: Mapping[str, ClaimFeatures]) -> list[tuple[str, list[Claim]]]:
    """Every claim in exactly one group: (kind, claims sorted by id) per group.

    Numbers whose quantity is known are grouped by quantity, every other claim by
    average linkage over the matches between statements.
    """
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
        out.append((kind, members))
    return out
