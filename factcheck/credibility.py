"""Source credibility for the pipeline: assertions re-weighed, sources scored.

    assertions, claims, documents (+ priors) --weigh_assertions--> assertions with
    confidences, Sources with credibility and an explanation

Each assertion is an object of the truth-discovery engine (`factcheck.truth`);
outlets and original sources (Claim.attributed_to) are its sources. Priors come
from the user (`load_priors` reads a JSON or CSV file, `prior_source` one
`factcheck sources set`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

from factcheck.errors import InputError
from factcheck.intervals import NOT_A_COUNT
from factcheck.models import Assertion, Claim, Document, Source
from factcheck.similarity import interval_similarity, numeric_interval
from factcheck.truth import Observation, discover_truth, explain

# ---------------------------------------------------------------------------
# The pipeline adapter: assertions are objects, outlets and original sources vote.

_OPPOSE = frozenset({"denied", "negated"})
# A plan or forecast ("will send 10,000", an exit poll's 64%) does not compete with
# reports of what is: its values form an object of their own.
FORECAST = " (forecast)"


def _object_name(assertion: Assertion, index: int) -> str:
    return assertion.id + (FORECAST if assertion.values[index].modality in NOT_A_COUNT else "")

ORIGIN_PREFIX = "origin:"


def outlet_of(claim: Claim, documents: Mapping[str, Document]) -> str:
    """The outlet that published a claim: the document's outlet, its URL's host, or its id."""
    doc = documents.get(claim.document_id)
    if doc is None:
        return f"document {claim.document_id}"
    if doc.outlet:
        return doc.outlet.strip()
    if doc.url:
        host = urlparse(doc.url).netloc.lower()
        if host.startswith("www."):
            host = host[4:]
        if host:
            return host
    return f"document {doc.id}"


def _origin_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _wording_key(text: str) -> str:
    return " ".join("".join(ch for ch in text.casefold() if ch.isalnum() or ch.isspace()).split())


def weigh_assertions(
    assertions: Sequence[Assertion],
    claims: Sequence[Claim],
    documents: Mapping[str, Document],
    priors: Mapping[str, float] | None = None,
) -> tuple[list[Assertion], list[Source]]:
    """Re-weigh assertion confidences by source credibility, and score the sources.

    Every outlet and every original source (Claim.attributed_to) is a source. Each
    assertion is an object: a numeric assertion's values are its AssertionValues
    (consistent numbers support each other in part); a quote or event assertion has
    one value, opposed by claims that deny or negate it. Outlets relaying the same
    original source, or printing the same wording, share one vote.
    """
    claim_by_id = {c.id: c for c in claims}
    observations: list[Observation] = []
    intervals: dict[tuple[str, int], tuple[float, float]] = {}
    origin_names: dict[str, str] = {}
    for assertion in assertions:
        value_of: dict[str, int] = {}
        for vi, av in enumerate(assertion.values):
            intervals[(assertion.id, vi)] = numeric_interval(av.value, av.low, av.high, av.qualifier)
            for cid in av.claim_ids:
                value_of.setdefault(cid, vi)
        for cid in sorted(set(assertion.claim_ids) | set(value_of)):
            claim = claim_by_id.get(cid)
            if claim is None:
                continue
            if assertion.values:
                if cid not in value_of:
                    continue
                # the value names its assertion so similarity can find its interval
                value: Hashable = (assertion.id, value_of[cid])
                obj = _object_name(assertion, value_of[cid])
            else:
                value = claim.modality not in _OPPOSE
                obj = assertion.id
            outlet = outlet_of(claim, documents)
            if claim.attributed_to and claim.attributed_to.strip():
                origin = _origin_key(claim.attributed_to)
                origin_names.setdefault(origin, claim.attributed_to.strip())
                group = ORIGIN_PREFIX + origin
                observations.append(Observation(group, obj, value, group=group))
            else:
                group = "wording:" + _wording_key(claim.text)
            observations.append(Observation(outlet, obj, value, group=group))

    def similar(a: Hashable, b: Hashable) -> float:
        if isinstance(a, tuple) and isinstance(b, tuple):
            return interval_similarity(intervals[a], intervals[b])  # type: ignore[index]
        return 0.0

    # priors may name origins by their plain name
    merged_priors: dict[str, float] = {}
    for name, p in (priors or {}).items():
        merged_priors[name] = p
        merged_priors.setdefault(ORIGIN_PREFIX + _origin_key(name), p)
    result = discover_truth(observations, similarity=similar, priors=merged_priors)
    by_object = result.object_map()

    weighed = []
    for assertion in assertions:
        if assertion.values:
            conf = {}
            for name in (assertion.id, assertion.id + FORECAST):
                if name in by_object:
                    conf.update({v.value: v.confidence for v in by_object[name].values})
            if not conf:
                weighed.append(assertion)
                continue
            new_values = tuple(
                replace(av, confidence=conf.get((assertion.id, vi), 0.0)) for vi, av in enumerate(assertion.values)
            )
            # the best value is a report if there is one; forecasts only stand in for none
            best = max(
                range(len(new_values)),
                key=lambda i: (_object_name(assertion, i) == assertion.id, new_values[i].confidence, -i),
            )
            weighed.append(
                replace(
                    assertion,
                    values=new_values,
                    confidence=new_values[best].confidence,
                    best_value=new_values[best].value,
                )
            )
        elif assertion.id in by_object:
            conf = {v.value: v.confidence for v in by_object[assertion.id].values}
            weighed.append(replace(assertion, confidence=conf.get(True, 0.0)))
        else:
            weighed.append(assertion)

    sources = []
    for score in result.sources:
        if score.name.startswith(ORIGIN_PREFIX):
            key = score.name[len(ORIGIN_PREFIX) :]
            name, kind = origin_names.get(key, key), "origin"
        else:
            name, kind = score.name, "outlet"
        prior = (priors or {}).get(name, score.prior)
        sources.append(
            Source(
                name=name,
                kind=kind,
                credibility=score.credibility,
                prior=prior,
                n_claims=score.n_claims,
                n_corroborated=score.n_corroborated,
                n_contradicted=score.n_contradicted,
                explanation=explain(score),
            )
        )
    sources.sort(key=lambda s: (s.kind, s.name))
    return weighed, sources



# ---------------------------------------------------------------------------
# Priors from a file.


def load_priors(path: str | Path) -> dict[str, float]:
    """Prior credibility per source from JSON (a list of {"name", "prior"} or
    {"sources": [...]}) or CSV (columns name, prior), validated against
    schemas/sources.schema.json."""
    from factcheck.validation import schema_errors

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read: {exc}") from None
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" or stripped.startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"line {exc.lineno}: invalid JSON: {exc.msg}") from None
        errors = schema_errors("sources", data)
        if errors:
            raise InputError(str(path), errors[0])
        entries = data["sources"] if isinstance(data, dict) else data
        return _collect(path, [(f"$[{i}]", e["name"], e["prior"]) for i, e in enumerate(entries)])
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "name" not in fields or "prior" not in fields:
        raise InputError(str(path), "line 1: CSV header must have the columns name and prior")
    rows = []
    for row in reader:
        line = reader.line_num
        clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        if not clean.get("name"):
            raise InputError(str(path), f"line {line}: name is empty")
        try:
            prior = float(clean.get("prior", ""))
        except ValueError:
            raise InputError(str(path), f"line {line}: prior {clean.get('prior')!r} is not a number") from None
        rows.append((f"line {line}", clean["name"], prior))
    entries = [{"name": n, "prior": p} for _, n, p in rows]
    errors = schema_errors("sources", entries)
    if errors:
        # "$[3].prior: ..." -> the CSV line of entry 3
        first = errors[0]
        if first.startswith("$[") and "]" in first:
            index = int(first[2 : first.index("]")])
            raise InputError(str(path), f"{rows[index][0]}: {first.split(': ', 1)[-1]}")
        raise InputError(str(path), first)
    return _collect(path, rows)


def _collect(path: Path, rows: list[tuple[str, str, float]]) -> dict[str, float]:
    priors: dict[str, float] = {}
    for where, name, prior in rows:
        if name in priors and priors[name] != prior:
            raise InputError(str(path), f"{where}: {name!r} is given two different priors")
        priors[name] = float(prior)
    return priors


def prior_source(name: str, prior: float) -> Source:
    """A Source carrying only a prior (for `factcheck sources set NAME --prior P`)."""
    if not 0.0 <= prior <= 1.0:
        raise InputError(name, f"prior must be between 0 and 1, got {prior}")
    return Source(name=name, kind="outlet", credibility=prior, prior=prior)


__all__ = [
    "load_priors",
    "outlet_of",
    "prior_source",
    "weigh_assertions",
]
