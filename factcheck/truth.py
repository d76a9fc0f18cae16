"""Source credibility and value confidence, estimated jointly (truth discovery).

The generic engine: sources give values for objects (`Observation`), and
`discover_truth` returns each object's most credible value and each source's
credibility (`TruthResult`), with `explain` saying why. It knows nothing of
articles: `factcheck.credibility` feeds it the pipeline's assertions and
`factcheck.fuse` a journalist's tables.

The engine is a Bayesian vote in the family of Accu / AccuSim / AccuCopy (Dong,
Berti-Equille and Srivastava, VLDB 2009) and TruthFinder (Yin, Han and Yu, 2007):

* every source has a credibility t in (0, 1); its vote for a value is
  ln(n t / (1 - t)), n being the number of plausible false values of an object
  (a source no better than chance adds nothing);
* a value's score is the sum of the votes of its sources, discounted for copying
  (sources that share a wording/group key, or whose agreement pattern makes copying
  likely, are not independent) plus a share of the scores of similar values
  (3,000 and "over 3,000" support each other in part); a number rounded from a
  finer one (1,200 and 1,177) gives the finer one its whole score, so the most
  precise figure that nothing contradicts wins (as in truth discovery over value
  hierarchies: a coarse value is right when the truth rounds to it, and the answer
  is the most specific value the evidence supports);
* a claim dated before the newest claim on its object counts OUTDATED_WEIGHT of a
  claim: the object may have changed since (truth discovery in a dynamic world,
  Dong, Berti-Equille and Srivastava, VLDB 2009);
* a value's confidence is its softmax against the object's other values and the
  values nobody reported, so one source of credibility t gives a lone value
  confidence t;
* a source's credibility is the mean probability that the values it gave are right,
  shrunk towards its prior (given, or DEFAULT_CREDIBILITY) by PRIOR_STRENGTH
  pseudo-claims. A value is right if the truth is that value or one that fully agrees
  with it (similarity 1: the same figure at another precision), so a source that
  rounds is not marked down because another source printed more digits.

Values and credibilities are iterated to a fixed point. Each iteration is linear in
the number of observations; similarity and copy detection are computed per object
with constant caps (MAX_SIMILAR_VALUES, MAX_PAIR_SOURCES), so the whole run is
near-linear in the number of observations. Everything is sorted: same input, same
output.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.similarity import CONSISTENT, significant_digits

# Credibility of a source nobody vouched for. Above 0.5 because most reports by most
# outlets are right; the data move it within a few claims.
DEFAULT_CREDIBILITY = 0.8
# How many claims' worth of weight a prior (given or default) carries. Higher: slower
# to trust the data (fewer swings on sources with one or two claims), lower: faster.
PRIOR_STRENGTH = 2.0
# Credibility is kept inside these bounds so no single source ever has an infinite vote.
MIN_CREDIBILITY = 0.01
MAX_CREDIBILITY = 0.99
# Weight of a claim dated before the newest claim on its object: the object may have
# changed since (a stale figure), or not; without a model of how fast it changes, as
# likely one as the other. Lower: newer claims win more readily, even from weaker
# sources; higher: dates matter less.
OUTDATED_WEIGHT = 0.5
# Share of a similar value's score that counts as partial support (AccuSim's rho).
SIMILARITY_WEIGHT = 0.5
# Similarity is computed among at most this many distinct values of one object (the
# most reported ones); the rest get no partial support. Keeps the cost linear.
MAX_SIMILAR_VALUES = 64
# Number of plausible false values per object (Accu's n): the more there are, the
# stronger the evidence when independent sources agree.
FALSE_VALUES = 10
# Copy detection (Dong et al. 2009): prior probability that two sources copy, and the
# rate at which a copier copies.
COPY_PRIOR = 0.1
COPY_RATE = 0.8
# Objects with more sources than this are skipped when counting pair agreement
# (the pair count per object is quadratic); their values still vote.
MAX_PAIR_SOURCES = 200
# Pairs must share at least this many objects before copying is considered at all.
MIN_SHARED_OBJECTS = 2
COPY_ROUNDS = 3
MAX_ITERATIONS = 200
TOLERANCE = 1e-6
# How many raising and how many lowering pieces of evidence each explanation keeps.
EXPLAIN_TOP = 5


@dataclass(frozen=True)
class Observation:
    """One source giving one value for one object.

    `value` must be hashable and already normalised (equal values are the same
    claim). `time` (ISO text) lets a source's latest value supersede its older ones,
    and makes a claim older than the object's newest claim count less.
    Observations sharing a `group` (the original source relayed, or one wording) on
    the same object and value count as one vote. `raw` is the value as written.
    """

    source: str
    object: str
    value: Hashable
    time: str | None = None
    group: str | None = None
    raw: str | None = None


@dataclass(frozen=True)
class ValueScore:
    value: Hashable
    confidence: float
    support: float  # independent vote weight (copies and relays discounted)
    sources: tuple[str, ...]
    raw: str | None = None  # the most common way it was written


@dataclass(frozen=True)
class ObjectResult:
    object: str
    value: Hashable  # the most confident value
    confidence: float
    values: tuple[ValueScore, ...]  # most confident first


@dataclass(frozen=True)
class Evidence:
    """One claim of a source and how it moved the source's credibility."""

    object: str
    value: Hashable
    confidence: float
    effect: str  # raised or lowered
    corroborated: bool = False  # another independent source gave the same value
    contradicted: bool = False  # a dissimilar value of the object won


@dataclass(frozen=True)
class SourceScore:
    name: str
    credibility: float
    prior: float | None
    n_claims: int
    n_corroborated: int
    n_contradicted: int
    evidence: tuple[Evidence, ...] = ()
    copies: tuple[tuple[str, float], ...] = ()  # sources it likely shares a copy with


@dataclass(frozen=True)
class TruthResult:
    objects: tuple[ObjectResult, ...]  # sorted by object
    sources: tuple[SourceScore, ...]  # sorted by name
    iterations: int
    converged: bool

    def object_map(self) -> dict[str, ObjectResult]:
        return {o.object: o for o in self.objects}

    def source_map(self) -> dict[str, SourceScore]:
        return {s.name: s for s in self.sources}


def sort_key(value: Hashable) -> tuple[str, str]:
    """A total order over mixed values (numbers, strings, tuples), for stable output."""
    if isinstance(value, float) and value.is_integer():
        return (type(value).__name__, repr(int(value)))
    return (type(value).__name__, repr(value))


def _specificity(value: Hashable) -> int:
    # Only numbers say how precise they are (their significant digits); other values
    # are all equally specific.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return significant_digits(value)
    return 0


def _vote(credibility: float) -> float:
    # Accu's vote: a source is worth ln(n t / (1 - t)); one no better than picking among
    # the n + 1 candidate values at random adds nothing.
    return max(0.0, math.log(FALSE_VALUES * credibility / (1.0 - credibility)))


def _clip(x: float) -> float:
    return min(MAX_CREDIBILITY, max(MIN_CREDIBILITY, x))


class _Problem:
    """Observations indexed by integers, built once per run."""

    def __init__(
        self,
        observations: Sequence[Observation],
        similarity: Callable[[Any, Any], float] | None,
    ) -> None:
        latest: dict[tuple[str, str], list[Observation]] = defaultdict(list)
        for obs in observations:
            latest[(obs.source, obs.object)].append(obs)
        self.sources = sorted({s for s, _ in latest})
        self.objects = sorted({o for _, o in latest})
        src_index = {s: i for i, s in enumerate(self.sources)}
        obj_index = {o: i for i, o in enumerate(self.objects)}
        # per object: values (sorted), per value: [(source, weight, group)]
        per_object: list[dict[Hashable, list[tuple[int, float, str | None]]]] = [
            defaultdict(list) for _ in self.objects
        ]
        raws: list[dict[Hashable, dict[str, int]]] = [defaultdict(dict) for _ in self.objects]
        object_newest: dict[str, str] = defaultdict(str)
        for obs in observations:
            if obs.time and obs.time > object_newest[obs.object]:
                object_newest[obs.object] = obs.time
        for (source, obj), group in latest.items():
            # a source's newest report supersedes its older ones (undated ones lose)
            newest = max(o.time or "" for o in group)
            kept = [o for o in group if (o.time or "") == newest]
            by_value: dict[Hashable, Observation] = {}
            for o in sorted(kept, key=lambda o: (sort_key(o.value), o.group or "", o.raw or "")):
                by_value.setdefault(o.value, o)
            weight = 1.0 / len(by_value)
            if newest and newest < object_newest[obj]:
                weight *= OUTDATED_WEIGHT
            oi = obj_index[obj]
            for value, o in by_value.items():
                per_object[oi][value].append((src_index[source], weight, o.group))
            for o in kept:
                if o.raw is not None:
                    counts = raws[oi][o.value]
                    counts[o.raw] = counts.get(o.raw, 0) + 1
        self.values: list[list[Hashable]] = []
        self.providers: list[list[list[tuple[int, float, str | None]]]] = []
        self.raw: list[list[str | None]] = []
        self.similar: list[list[list[tuple[int, float]]]] = []
        self.support_from: list[list[list[tuple[int, float]]]] = []
        self.same: list[list[list[int]]] = []
        self.claims_of: list[list[tuple[int, int, float]]] = [[] for _ in self.sources]
        for oi, table in enumerate(per_object):
            values = sorted(table, key=sort_key)
            self.values.append(values)
            provs = [sorted(table[v], key=lambda p: p[0]) for v in values]
            self.providers.append(provs)
            self.raw.append(
                [
                    min(raws[oi][v].items(), key=lambda kv: (-kv[1], kv[0]))[0] if raws[oi].get(v) else None
                    for v in values
                ]
            )
            for vi, prov in enumerate(provs):
                for si, weight, _ in prov:
                    self.claims_of[si].append((oi, vi, weight))
            links = self._similar(values, provs, similarity)
            self.similar.append(links)
            precision = [_specificity(v) for v in values]
            # How much of value j's score value i inherits. A coarse value consistent
            # with a finer one (1,200 and 1,177) is a claim that the truth rounds to
            # it, which the finer one satisfies: full support, so the finer value wins
            # when nothing contradicts it. Any other similar value lends a share.
            self.support_from.append(
                [
                    [
                        (j, 1.0 if sim >= 1.0 and precision[j] < precision[i] else SIMILARITY_WEIGHT * sim)
                        for j, sim in links[i]
                    ]
                    for i in range(len(values))
                ]
            )
            # Values that fully agree (similarity 1): either is right if the other is.
            self.same.append([[j for j, sim in links[i] if sim >= 1.0] for i in range(len(values))])

    @staticmethod
    def _similar(
        values: list[Hashable],
        provs: list[list[tuple[int, float, str | None]]],
        similarity: Callable[[Any, Any], float] | None,
    ) -> list[list[tuple[int, float]]]:
        links: list[list[tuple[int, float]]] = [[] for _ in values]
        if similarity is None or len(values) < 2:
            return links
        ranked = sorted(range(len(values)), key=lambda i: (-len(provs[i]), i))[:MAX_SIMILAR_VALUES]
        ranked.sort()
        for x, i in enumerate(ranked):
            for j in ranked[x + 1 :]:
                sim = float(similarity(values[i], values[j]))
                if sim > 0.0:
                    sim = min(sim, 1.0)
                    links[i].append((j, sim))
                    links[j].append((i, sim))
        return links


def discover_truth(
    observations: Sequence[Observation],
    similarity: Callable[[Any, Any], float] | None = None,
    priors: Mapping[str, float] | None = None,
    *,
    detect_copies: bool = True,
    max_iterations: int = MAX_ITERATIONS,
    tolerance: float = TOLERANCE,
) -> TruthResult:
    """Estimate every source's credibility and every value's confidence jointly.

    `similarity(a, b)` in [0, 1] says how far two values of one object support each
    other (None: only equal values do). `priors` maps source names to a prior
    credibility in [0, 1]; the data refine it.
    """
    priors = dict(priors or {})
    for name, p in priors.items():
        if not 0.0 <= p <= 1.0 or math.isnan(p):
            raise ValueError(f"prior credibility of {name!r} must be between 0 and 1, got {p}")
    problem = _Problem(observations, similarity)
    n_sources = len(problem.sources)
    prior = [_clip(priors.get(s, DEFAULT_CREDIBILITY)) for s in problem.sources]
    trust = list(prior)
    copy_prob: dict[tuple[int, int], float] = {}
    iterations = 0
    converged = False
    confidence: list[list[float]] = []
    support: list[list[float]] = []
    rounds = COPY_ROUNDS if detect_copies else 1
    for round_ in range(rounds):
        if round_ > 0:
            new_copy = _detect_copies(problem, trust, _agreement(problem, confidence))
            if _same_copies(new_copy, copy_prob):
                break
            copy_prob = new_copy
        converged = False
        # Independence weights are fixed within a round (the order of providers comes
        # from the credibility at its start), so each round is a smooth fixed point.
        weights = _weights(problem, trust, copy_prob)
        for _ in range(max_iterations):
            iterations += 1
            confidence, support = _score_values(problem, trust, weights)
            new_trust = _update_trust(problem, _agreement(problem, confidence), prior)
            delta = max((abs(a - b) for a, b in zip(new_trust, trust)), default=0.0)
            trust = new_trust
            if delta < tolerance:
                converged = True
                break
    if not confidence and problem.objects:
        confidence, support = _score_values(problem, trust, _weights(problem, trust, copy_prob))
    return _result(problem, trust, prior, priors, confidence, support, copy_prob, iterations, converged)


def _weights(
    problem: _Problem, trust: list[float], copy_prob: Mapping[tuple[int, int], float]
) -> list[list[list[float]]]:
    return [[_independence(prov, trust, copy_prob) for prov in provs] for provs in problem.providers]


def _score_values(
    problem: _Problem, trust: list[float], weights: list[list[list[float]]]
) -> tuple[list[list[float]], list[list[float]]]:
    votes = [_vote(t) for t in trust]
    confidence: list[list[float]] = []
    support: list[list[float]] = []
    for oi, provs in enumerate(problem.providers):
        scores = []
        object_weights = weights[oi]
        for prov, independent in zip(provs, object_weights):
            scores.append(sum(w * votes[si] for w, (si, _, _) in zip(independent, prov)))
        inherits = problem.support_from[oi]
        adjusted = [s + sum(w * scores[j] for j, w in inherits[i]) for i, s in enumerate(scores)]
        top = max(max(adjusted), 0.0)
        exps = [math.exp(a - top) for a in adjusted]
        # the values nobody reported, out of the n + 1 an object plausibly has, keep
        # their share: a lone value of a source of credibility t gets confidence t
        unreported = max(FALSE_VALUES + 1 - len(exps), 0)
        total = sum(exps) + unreported * math.exp(-top)
        confidence.append([e / total for e in exps])
        support.append([sum(w) for w in object_weights])
    return confidence, support


def _independence(
    prov: list[tuple[int, float, str | None]],
    trust: list[float],
    copy_prob: Mapping[tuple[int, int], float],
) -> list[float]:
    """Each provider's vote weight: its own weight, shared within its group, and
    discounted for the chance that it copied a more credible provider (Dong 2009)."""
    group_size: dict[str, int] = defaultdict(int)
    for _, _, g in prov:
        if g is not None:
            group_size[g] += 1
    weights = [w / group_size[g] if g is not None else w for _, w, g in prov]
    if copy_prob and len(prov) > 1:
        order = sorted(range(len(prov)), key=lambda k: (-trust[prov[k][0]], prov[k][0]))
        for rank, k in enumerate(order):
            si = prov[k][0]
            factor = 1.0
            for k2 in order[:rank]:
                sj = prov[k2][0]
                p = copy_prob.get((si, sj) if si < sj else (sj, si))
                if p:
                    factor *= 1.0 - COPY_RATE * p
            weights[k] *= factor
    return weights


def _agreement(problem: _Problem, confidence: list[list[float]]) -> list[list[float]]:
    """Each value's chance of being right: its own confidence plus that of the values
    that fully agree with it (the truth may be either)."""
    out = []
    for oi, conf in enumerate(confidence):
        same = problem.same[oi]
        out.append([min(1.0, c + sum(conf[j] for j in same[i])) for i, c in enumerate(conf)])
    return out


def _update_trust(problem: _Problem, confidence: list[list[float]], prior: list[float]) -> list[float]:
    trust = []
    for si, claims in enumerate(problem.claims_of):
        total = PRIOR_STRENGTH * prior[si]
        weight = PRIOR_STRENGTH
        for oi, vi, w in claims:
            total += w * confidence[oi][vi]
            weight += w
        trust.append(_clip(total / weight))
    return trust


def _detect_copies(
    problem: _Problem, trust: list[float], confidence: list[list[float]]
) -> dict[tuple[int, int], float]:
    """Posterior probability that each pair of sources copies, from shared values.

    Sharing a value that is probably false is strong evidence of copying; sharing a
    true one is weak; disagreeing is evidence against (Dong et al. 2009, Accu-Copy).
    `confidence` is each value's chance of being right (`_agreement`): two sources
    rounding the truth alike share no mistake.
    """
    loglik: dict[tuple[int, int], float] = defaultdict(float)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    log_differ = math.log(1.0 - COPY_RATE)
    for oi, provs in enumerate(problem.providers):
        # each source's main value on this object (its heaviest, then lowest index)
        main: dict[int, tuple[float, int]] = {}
        for vi, prov in enumerate(provs):
            for si, w, _ in prov:
                if si not in main or w > main[si][0]:
                    main[si] = (w, vi)
        if len(main) < 2 or len(main) > MAX_PAIR_SOURCES:
            continue
        members = sorted(main)
        for x, a in enumerate(members):
            va = main[a][1]
            ta = trust[a]
            for b in members[x + 1 :]:
                key = (a, b)
                shared[key] += 1
                if main[b][1] != va:
                    loglik[key] += log_differ
                    continue
                tb = trust[b]
                p = confidence[oi][va]
                mean = (ta + tb) / 2.0
                p_true = ta * tb
                p_false = (1.0 - ta) * (1.0 - tb) / FALSE_VALUES
                loglik[key] += p * math.log((p_true * (1 - COPY_RATE) + COPY_RATE * mean) / p_true)
                loglik[key] += (1 - p) * math.log(
                    (p_false * (1 - COPY_RATE) + COPY_RATE * (1.0 - mean)) / p_false
                )
    odds = COPY_PRIOR / (1.0 - COPY_PRIOR)
    result = {}
    for key, ll in loglik.items():
        if shared[key] < MIN_SHARED_OBJECTS or ll <= 0:
            continue
        posterior = 1.0 / (1.0 + math.exp(-min(ll, 700.0)) / odds)
        if posterior > 0.5:
            result[key] = posterior
    return result


def _same_copies(a: Mapping[tuple[int, int], float], b: Mapping[tuple[int, int], float]) -> bool:
    if a.keys() != b.keys():
        return False
    return all(abs(a[k] - b[k]) < 1e-3 for k in a)


def _result(
    problem: _Problem,
    trust: list[float],
    prior: list[float],
    priors: Mapping[str, float],
    confidence: list[list[float]],
    support: list[list[float]],
    copy_prob: Mapping[tuple[int, int], float],
    iterations: int,
    converged: bool,
) -> TruthResult:
    objects = []
    chosen: list[int] = []
    for oi, obj in enumerate(problem.objects):
        values = problem.values[oi]
        conf = confidence[oi]
        order = sorted(range(len(values)), key=lambda i: (-round(conf[i], 12), -support[oi][i], sort_key(values[i])))
        chosen.append(order[0])
        scores = tuple(
            ValueScore(
                value=values[i],
                confidence=round(conf[i], 6),
                support=round(support[oi][i], 6),
                sources=tuple(problem.sources[si] for si, _, _ in problem.providers[oi][i]),
                raw=problem.raw[oi][i],
            )
            for i in order
        )
        objects.append(ObjectResult(obj, values[order[0]], scores[0].confidence, scores))
    copies_of: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for (a, b), p in copy_prob.items():
        copies_of[a].append((problem.sources[b], round(p, 4)))
        copies_of[b].append((problem.sources[a], round(p, 4)))
    sources = []
    for si, name in enumerate(problem.sources):
        corroborated = contradicted = 0
        evidence = []
        groups_of_self = set()
        for oi, vi, _ in problem.claims_of[si]:
            prov = problem.providers[oi][vi]
            groups_of_self = {g for s, _, g in prov if s == si and g is not None}
            others = [s for s, _, g in prov if s != si and (g is None or g not in groups_of_self)]
            best = chosen[oi]
            lost = best != vi and _similarity_between(problem, oi, vi, best) < CONSISTENT
            corroborated += bool(others)
            contradicted += lost
            c = confidence[oi][vi]
            evidence.append(
                Evidence(
                    problem.objects[oi],
                    problem.values[oi][vi],
                    round(c, 6),
                    "raised" if c >= prior[si] else "lowered",
                    corroborated=bool(others),
                    contradicted=lost,
                )
            )
        raised = sorted((e for e in evidence if e.effect == "raised"), key=lambda e: (-e.confidence, e.object))
        lowered = sorted((e for e in evidence if e.effect == "lowered"), key=lambda e: (e.confidence, e.object))
        sources.append(
            SourceScore(
                name=name,
                credibility=round(trust[si], 6),
                prior=priors.get(name),
                n_claims=len({oi for oi, _, _ in problem.claims_of[si]}),
                n_corroborated=corroborated,
                n_contradicted=contradicted,
                evidence=tuple(raised[:EXPLAIN_TOP] + lowered[:EXPLAIN_TOP]),
                copies=tuple(sorted(copies_of[si], key=lambda x: (-x[1], x[0]))),
            )
        )
    return TruthResult(tuple(objects), tuple(sources), iterations, converged)


def _similarity_between(problem: _Problem, oi: int, a: int, b: int) -> float:
    for j, sim in problem.similar[oi][a]:
        if j == b:
            return sim
    return 0.0


def explain(score: SourceScore) -> tuple[str, ...]:
    """One line per piece of evidence: which object raised or lowered the score, and why."""
    lines = []
    for e in score.evidence:
        if e.contradicted:
            why = "a more credible, different value won"
        elif e.corroborated:
            why = "independent sources gave the same value"
        else:
            why = "no independent source gave the same value"
        lines.append(f"{e.effect} by {e.object}: {why} (confidence {e.confidence:.2f})")
    for other, p in score.copies:
        lines.append(f"not independent of {other} (copy probability {p:.2f}); shared votes discounted")
    return tuple(lines)


__all__ = [
    "Evidence",
    "ObjectResult",
    "Observation",
    "SourceScore",
    "TruthResult",
    "ValueScore",
    "discover_truth",
    "explain",
    "sort_key",
]
