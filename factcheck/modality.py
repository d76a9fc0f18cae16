"""Modality: how a claim is put (asserted, reported, confirmed, denied, negated,
hedged or planned), read from the words of its span and its attribution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .attribution import Attribution
from .dates import DateMention

_PLANNED = re.compile(
    r"\b(?:plans?\s+to|planning\s+to|planned|intends?\s+to|intending\s+to|will|shall|"
    r"expected\s+to|set\s+to|scheduled\s+to|prepar\w+\s+to|aims?\s+to|going\s+to|"
    r"being\s+readied|readied\s+to|(?:is|are)\s+to\s+be|projected\s+to|"
    r"(?:is|are|was|were)\s+due\s+to|"
    r"(?:promis|pledg|vow)\w*(?:\s+[\w-]+){0,4}?\s+to\s+[a-z]+)\b", re.IGNORECASE)
# "Allies to send more troops": a headline's bare infinitive is a plan ("According to
# the ministry" and "Next to the station" are not).
_HEADLINE_INFINITIVE = re.compile(
    r"^[-–•*\s]*(?!(?:According|Due|Next|Close|Prior|Up|Thanks|Owing|Contrary|Similar|"
    r"Compared|Back|Closer|Home|Welcome)\b)[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+to\s+"
    r"(?!(?:the|a|an|its|their|his|her|our|this|that|these|those|be)\b)[a-z]+")
# "a government plan to raise ...": a plan named as a noun governs what follows it only.
_PLAN_NOUN = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that|[\w’']+[’']s)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:plans?|proposals?|bid|pledges?|promises?)\s+to\b",
                        re.IGNORECASE)
# "The reform would raise ...", "... would rise under the bill": what a measure would
# do is its plan, not a hedge.
_MEASURE_WOULD = re.compile(
    r"\b(?:bill|reform|law|legislation|plan|proposal|package|measures?|scheme|budget|deal|"
    r"policy|overhaul|changes)\b[^.;]{0,60}?\bwould\b|\bwould\b[^.;]{0,80}?\bunder\s+(?:the|a|its|"
    r"their)\s+(?:[\w-]+\s+){0,2}?(?:bill|reform|law|legislation|plan|proposal|package|scheme|"
    r"budget|deal)\b", re.IGNORECASE)
_HEDGED = re.compile(
    r"\b(?:would|could|might|may|if|possibly|possible|possibility|likely|reportedly|allegedly|"
    r"potentially|perhaps|probably|unconfirmed|believed\s+to|thought\s+to|suspected)\b",
    re.IGNORECASE)
# A projection of a result not yet counted: an exit poll's figures, a projection, a
# forecast or prediction ("The exit poll gives 'Yes' 64%", "Exit poll: Yes 64%",
# "had projected 'Yes' at 64%", "Projected turnout 'around 50%'", "had forecast 64%").
# It states no count, so the count that follows is no conflict with it. The word must
# come before the figure within its clause: in "cut its forecast for growth as the
# government spends 2.5 billion" the spending is no forecast. An opinion poll measures
# opinions, so a plain "poll" is not in the list.
_FORECAST = re.compile(
    r"\b(?:exit[\s-]+polls?|projections?|projected|projects|projecting|forecasts?|"
    r"forecasting|predicted|predicts|predicting|predictions?)\b", re.IGNORECASE)
_FORECAST_WORDS = frozenset({"exit", "projection", "projections", "projected", "projects",
                             "projecting", "forecast", "forecasts", "forecasting", "predicted",
                             "predicts", "predicting", "prediction", "predictions"})
# What ends the clause a projection word governs before the figure.
_CLAUSE_BREAK = re.compile(r"[;.]\s|\s(?:as|while|whereas|but|when|after|because|although|"
                           r"though|since|than)\s", re.IGNORECASE)
# A quoted single word names the word ('"No" 36%', a ballot option): no negation.
# A claim's span may end before the closing mark ('... and 38.6% "No').
# An apostrophe inside a word ("didn’t") opens no quotation.
_QUOTED_WORD = re.compile(r"(?<!\w)[\"“”‘’']\s*\w+\s*(?:[\"“”‘’']|$)")
_NEGATED = re.compile(r"\b(?:not|never|none|nor)\b|\bno\b(?!\.?\s*\d)|n[’']t\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z]+")
_PLAN_WORDS = frozenset({"plan", "plans", "planning", "planned", "intend", "intends", "intending",
                         "will", "shall", "expected", "set", "scheduled", "aim", "aims", "going",
                         "readied", "be", "projected", "due"})
_PLAN_PREFIXES = ("prepar", "promis", "pledg", "vow")
_HEDGE_WORDS = frozenset({"would", "could", "might", "may", "if", "possibly", "possible",
                          "possibility", "likely", "reportedly", "allegedly", "potentially",
                          "perhaps", "probably", "unconfirmed", "believed", "thought", "suspected"})
_NEGATION_WORDS = frozenset({"not", "never", "no", "none", "nor"})
# "said the government would build": future in reported speech is a plan, not a hedge.
_STRONG_HEDGE = re.compile(r"\b(?:if|unless|could|might|may|possibly|likely|perhaps|probably|"
                           r"reportedly|allegedly)\b", re.IGNORECASE)
_SAID_WOULD = re.compile(r"\b(?:said|says|told|announced|promised|pledged|vowed|stated)\b[^.;]*"
                         r"\bwould\b", re.IGNORECASE)


def without_dates(span: str, start: int, dates: Sequence[DateMention]) -> str:
    """The span with its date expressions blanked: the month in "as of May 16" is no
    hedging "may"."""
    for d in dates:
        s, e = max(d.start - start, 0), min(d.end - start, len(span))
        if s < e:
            span = span[:s] + " " * (e - s) + span[e:]
    return span


def modality_of(span: str, attribution: Attribution | None, predicate: str | None,
                date: DateMention | None, anchor: tuple[int, int] | None = None) -> str:
    """How a claim is put. `anchor` is a quantity's span within `span`: what follows
    a comma after it ("6.9, a difference that experts said would not change ...")
    speaks of something else."""
    if predicate == "deny" or (attribution is not None and attribution.modality == "denied"):
        return "denied"
    if anchor is not None:
        comma = _AFTER_COUNT.search(span, anchor[1])
        if comma:
            span = span[:comma.start()]
    # The word set decides which patterns can match at all (most spans need none).
    words = set(_WORD_RE.findall(span.lower()))
    # A forecasting verb ("projects", "expects", "predicts") covers its own clause: in
    # "expects unemployment to reach 7% next year, up from 5.8% in August" the 5.8% is
    # a past count.
    if (attribution is not None and attribution.modality == "forecast" and re.search(
            rf"\b{re.escape(attribution.verb)}\b", span)) or (
            not words.isdisjoint(_FORECAST_WORDS) and _projected(span, anchor)):
        return "forecast"
    if (date is not None and date.future) or _HEADLINE_INFINITIVE.match(span) or (
            (not words.isdisjoint(_PLAN_WORDS) or any(w.startswith(_PLAN_PREFIXES) for w in words))
            and _planned(span, anchor)):
        return "planned"
    if "would" in words and not _STRONG_HEDGE.search(span) and (
            attribution is not None or _SAID_WOULD.search(span) or _MEASURE_WOULD.search(span)):
        return "planned"
    if (not words.isdisjoint(_HEDGE_WORDS) and _HEDGED.search(span)) or (
            attribution is not None and attribution.modality == "hedged"):
        return "hedged"
    if (not words.isdisjoint(_NEGATION_WORDS) or "n’t" in span or "n't" in span) and \
            _NEGATED.search(_QUOTED_WORD.sub(" ", span)) and predicate not in ("noncommittal",):
        return "negated"
    if predicate == "confirm" or (attribution is not None and attribution.modality == "confirmed"):
        return "confirmed"
    if attribution is not None:
        return "reported"
    return "asserted"


_AFTER_COUNT = re.compile(r",\s+(?!\d{3}\b)|\s[–—]\s")


def _planned(span: str, anchor: tuple[int, int] | None) -> bool:
    """A plan word governs the clause, except a plan named as a noun after the count
    ("marched against a government plan to raise ...")."""
    nouns = [m for m in _PLAN_NOUN.finditer(span)] if anchor is not None else []
    for m in _PLANNED.finditer(span):
        if any(n.start() <= m.start() < n.end() and anchor is not None and anchor[1] <= n.start()
               for n in nouns):
            continue
        return True
    return False


def _projected(span: str, anchor: tuple[int, int] | None) -> bool:
    """A projection word governs the figure: it comes before it in its clause. A claim
    without a figure ("called the exit poll propaganda") speaks about the projection
    and is not one."""
    if anchor is None:
        return False
    for m in _FORECAST.finditer(span):
        if m.start() < anchor[0] and not _CLAUSE_BREAK.search(span, m.end(), anchor[0]):
            return True
    return False
