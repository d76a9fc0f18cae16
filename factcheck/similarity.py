"""How similar two reported numbers are: the values a qualified number stands for
("over 3,000", "about 10,000"), its significant digits, whether one is a rounding of the
other, and partial support between close numbers and overlapping ranges. Used by the
truth-discovery engine (`factcheck.truth`), by fuse's number normaliser and by the
credibility stage's value comparison."""

from __future__ import annotations

import math
from decimal import Decimal

# Two values at least this similar do not contradict each other.
CONSISTENT = 0.5

_BOUNDS = {
    "exact": (1.0, 1.0),
    None: (1.0, 1.0),
    "about": (0.9, 1.1),
    "vague": (0.5, 2.0),
    "over": (1.0, math.inf),
    "at least": (1.0, math.inf),
    "under": (-math.inf, 1.0),
    "up to": (-math.inf, 1.0),
}


def numeric_interval(value: float | None, low: float | None, high: float | None, qualifier: str | None) -> tuple[float, float]:
    """The range of true values a reported number is consistent with."""
    if low is not None or high is not None:
        lo = low if low is not None else (value if value is not None else -math.inf)
        hi = high if high is not None else (value if value is not None else math.inf)
        if qualifier in ("over", "at least"):
            hi = math.inf
        elif qualifier in ("under", "up to"):
            lo = -math.inf
        return (min(lo, hi), max(lo, hi))
    if value is None:
        return (-math.inf, math.inf)
    f_lo, f_hi = _BOUNDS.get(qualifier, (0.9, 1.1))
    ends = [value * f_lo if math.isfinite(f_lo) else f_lo, value * f_hi if math.isfinite(f_hi) else f_hi]
    return (min(ends), max(ends)) if value >= 0 else (min(ends[::-1]), max(ends[::-1]))


def significant_digits(x: float) -> int:
    """Significant digits as written, trailing zeros of a whole number not counted
    (1,200 has two, 1,177 four, 23.5 three)."""
    if x == 0 or not math.isfinite(x):
        return 0
    return len(Decimal(repr(float(x))).normalize().as_tuple().digits)


def same_at_precision(a: float, b: float) -> bool:
    """One number is the other rounded to its own precision (1,177 and 1,180 or 1.2
    thousand; 23.47 and 23.5). A coarse figure of one significant digit (3,000, 20)
    is as often exact as rounded, so it is not taken for a rounding."""
    da, db = significant_digits(a), significant_digits(b)
    if da == db:
        return a == b
    coarse = a if da < db else b
    digits = min(da, db)
    if digits < 2:
        return False
    unit = 10.0 ** (math.floor(math.log10(abs(coarse))) - digits + 1)
    return abs(a - b) <= unit / 2.0 * (1.0 + 1e-9)


def number_similarity(a: float, b: float, tolerance: float = 0.1) -> float:
    """1 for equal numbers and for a number and its rounding within `tolerance`
    (they are the same figure written at two precisions); otherwise falling linearly
    to 0 at `tolerance` relative difference."""
    if a == b:
        return 1.0
    scale = max(abs(a), abs(b))
    if scale == 0:
        return 1.0
    if abs(a - b) <= tolerance * scale and same_at_precision(a, b):
        return 1.0
    return max(0.0, 1.0 - abs(a - b) / (tolerance * scale))


def interval_similarity(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equal reports support each other fully; a report consistent with another
    (3,000 and "over 3,000"; "about 3,000" and 2,950) supports it in part; reports
    that cannot both be true only if they are close."""
    if a == b:
        return 1.0
    if a[0] <= b[1] and b[0] <= a[1]:
        return CONSISTENT
    pa = a[0] if math.isfinite(a[0]) else a[1]
    pb = b[0] if math.isfinite(b[0]) else b[1]
    return CONSISTENT * number_similarity(pa, pb, 0.05)


__all__ = ["CONSISTENT", "interval_similarity", "number_similarity", "numeric_interval",
           "same_at_precision", "significant_digits"]
