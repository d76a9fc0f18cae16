"""The `truthdiscovery` package's algorithms, run the same way by every truth-discovery benchmark."""

from __future__ import annotations

import sys
import time
import types
from collections.abc import Callable, Hashable, Sequence
from typing import Any

PEERS = ("Sums", "AverageLog", "Investment", "PooledInvestment", "TruthFinder")


def run_peers(triples: Sequence[tuple[str, str, Hashable]], similarity: Callable[[Any, Any], float],
              sort_key: Callable[[Any], Any] = lambda value: value,
              **dataset_options: Any) -> dict[str, tuple[dict[str, Any], float]] | str:
    """Each algorithm's chosen value per object and its seconds, values as categorical keys
    (TruthFinder also gets `similarity` as its implication between values); or why the
    package cannot be loaded."""
    if "cairo" not in sys.modules:
        try:
            import cairo  # noqa: F401
        except ImportError:
            # truthdiscovery imports cairo for drawing only; a stub lets the algorithms load
            sys.modules["cairo"] = types.ModuleType("cairo")
    try:
        from truthdiscovery import algorithm
        from truthdiscovery.input import Dataset
    except ImportError as exc:
        return f"truthdiscovery is not installed ({exc}); pip install 'factcheck[bench]'"
    plain = Dataset(triples, **dataset_options)
    implied = Dataset(triples, implication_function=lambda var, a, b: similarity(a, b), **dataset_options)
    results = {}
    for name in PEERS:
        start = time.perf_counter()
        result = getattr(algorithm, name)().run(implied if name == "TruthFinder" else plain)
        chosen = {var: min(beliefs.items(), key=lambda kv: (-kv[1], sort_key(kv[0])))[0]
                  for var, beliefs in result.belief.items()}
        results[name] = (chosen, time.perf_counter() - start)
    return results
