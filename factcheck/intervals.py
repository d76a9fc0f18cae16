"""Which figures can both be true: value intervals and time windows.

A numeric claim allows a range of counts, set by its qualifier ("about", "over",
"up to") and a tolerance for rounding, and refers to a span of days (its own date,
else its page's). Two figures agree when their ranges overlap; two figures
whose days do not overlap may show a change over time rather than a conflict.
A planned, forecast or conditional figure states no count (NOT_A_COUNT) and
is compared with none. Matching, grouping, status and verification all use
these one definitions.
"""

from __future__ import annotations

import datetime as dt

from factcheck.models import Claim

# Value agreement. An approximate figure ("about", "some", "around") stands for
# +-5%: "about 3,000" and "over 3,000" agree, "some 10,000" and "about 12,000" do
# not. Exact figures allow 1% for rounding. A one-sided bound ("over", "at least",
# "up to") is read as reaching 50% beyond its figure: news names the round number
# just below a count, and a figure twice as large would be reported as such.
# Wider tolerances hide real conflicts; narrower ones flag rounding as conflict.
VALUE_TOLERANCE = 0.05
EXACT_TOLERANCE = 0.01
OPEN_BOUND_SPAN = 0.5
APPROXIMATE_DAYS = 3  # half-width of an approximate date ("last week")
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


def claimed_interval(claim: Claim) -> tuple[float, float] | None:
    """The counts a claim's words leave possible: a one-sided bound stays open.

    `value_interval` reads "at least 19" as reaching 50% beyond 19, which is how
    news uses the round number below a count, and is right for deciding whether two
    mentions name one figure. Whether two figures can both be true is a weaker
    question: "at least 19 dead" is not refuted by 41 dead, nor "up to 1,500 cases"
    by 611. Status asks that question, so an open side reaches every count.
    """
    interval = value_interval(claim)
    if interval is None:
        return None
    q = (claim.qualifier or "exact").lower()
    lo, hi = interval
    if q in _LOW_QUALIFIERS and claim.high is None:
        hi = float("inf")
    if q in _HIGH_QUALIFIERS - {"nearly", "almost"} and claim.low is None:
        lo = float("-inf")
    return (lo, hi)


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
