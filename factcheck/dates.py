"""Date expressions in news text, resolved against the publication date.

Measured before writing this: dateparser's `search_dates` read "on Oct. 25" as the
publication date, "Oct. 27-28" as 1928 and "resolutions 1718" as a year, and
dateutil's fuzzy parser turned "November 6" into 2006. News needs few forms
(day-month, month-day, weekday, month alone, relative words), and each needs a
rule for the missing year, so a small finder plus a resolver does better.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DAY = "day"
MONTH = "month"
YEAR = "year"
APPROXIMATE = "approximate"
SAME_DAY = "same-day"  # "the same day", "that evening": the caller resolves it to the day named before

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "febr": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}

# Month names are matched capitalised only: "may" and "march" are common words.
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan\.?|Feb\.?|Febr\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|"
          r"Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_DASH = r"\s*[-–—]\s*"
_FUTURE_CUE = r"(?:by|until|till|before|next|coming|from|starting)"

# Events that recur, so that a year names which one.
_RECURRING = (r"(?:referendum|referendums|election|elections|vote|poll|census|earthquake|quake|"
              r"floods?|flooding|storm|hurricane|cyclone|typhoon|tsunami|eruption|outbreak|"
              r"epidemic|pandemic|season|games|olympics|championships?|tournament|cup|budget|"
              r"war|crisis|disaster|protests?|uprising|summit|campaign)")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "Monday, October 28th, 2024", "October 24", "Oct. 27-28", "November 6, 2024"
    ("month_day", re.compile(
        rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<mon>{_MONTH})\s+(?P<day>{_DAYNUM}){_ORD}"
        rf"(?:{_DASH}(?P<day2>{_DAYNUM}){_ORD})?(?!\d)(?:,?\s+(?P<year>{_YEAR})(?!\d))?")),
    # "24 October", "27-28 October 2024", "Monday 28 October"
    ("day_month", re.compile(
        rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?<![\d.,])(?P<day>{_DAYNUM}){_ORD}"
        rf"(?:{_DASH}(?P<day2>{_DAYNUM}){_ORD})?\s+(?:of\s+)?(?P<mon>{_MONTH})(?![a-z])"
        rf"(?:,?\s+(?P<year>{_YEAR})(?!\d))?")),
    # "October 2024", "in December", "by December", "early November"
    ("month", re.compile(
        rf"(?:(?P<cue>\b(?:in|by|until|till|since|from|during|before|after|early|late|"
        rf"mid|next|last|this|of)[\s-]+)(?:(?:early|late|mid)[\s-]+)?)?"
        rf"(?P<mon>{_MONTH})(?![a-z])(?:,?\s+(?P<year>{_YEAR})(?!\d))?")),
    ("weekday", re.compile(
        rf"(?:\b(?P<cue>last|next|this|on|on\s+last|on\s+next)\s+)?(?P<wd>{_WEEKDAY})\b(?!,?\s+(?:the\s+)?(?:{_MONTH}|\d))")),
    ("relative", re.compile(
        r"\b(?P<rel>today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening)|"
        r"(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)|"
        r"(?:this|last|next|past|previous|coming)\s+(?:week|month|year|weekend)|"
        r"(?:in\s+)?the\s+(?:coming|next|past|last)\s+(?:few\s+)?(?:days|weeks|months)|"
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|an?|one)\s+(?:minutes?|hours?)\s+ago|"
        r"(?:by|before|until|at)\s+the\s+end\s+of\s+(?:the|this|next)\s+(?:week|month|year)|"
        r"the\s+same\s+(?:day|morning|afternoon|evening|night)|"
        r"that\s+(?:day|morning|afternoon|evening|night)|"
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days|weeks|months|years)\s+ago|"
        r"(?:a|one)\s+(?:day|week|month|year)\s+ago)\b", re.IGNORECASE)),
    # A bare year after a preposition: "in 2023", "since 2014", "(2012–2014)"; or naming
    # which event of a recurring kind ("the 2014 referendum", "in the 2022 presidential
    # election", "the 1998 Tamsk earthquake"). Without the event noun "the 2000 people"
    # would be a year.
    ("year", re.compile(
        rf"(?:\b(?:in|since|by|until|from|during|before|after|of)\s+|\()(?P<year>{_YEAR})(?!\d)"
        rf"(?:{_DASH}(?P<year2>{_YEAR})(?!\d))?|"
        rf"\bthe\s+(?P<year3>{_YEAR})(?=\s+(?:[\w-]+\s+){{0,2}}?(?:{_RECURRING})\b)")),
]

# Cheap prefilters: a pattern runs only when a word it needs occurs in the text.
_CAP_RE = re.compile(r"[A-Z][a-z]+")
_WORD_RE = re.compile(r"[a-z]+")
_DIGIT_RE = re.compile(r"\d")
_MONTH_NAMES = frozenset(m.capitalize() for m in MONTHS)
_WEEKDAY_NAMES = frozenset(w.capitalize() for w in WEEKDAYS)
_RELATIVE_WORDS = frozenset({"today", "yesterday", "tomorrow", "tonight", "this", "earlier",
                             "later", "last", "next", "past", "previous", "coming", "ago", "same",
                             "end", "that"})

# A date that names when an event happened rather than when a figure was counted:
# a possessive ("Monday's earthquake", "last week’s vote") or one after an event noun
# ("the quake on Monday", "the attack of 7 October").
_POSSESSIVE_AFTER = re.compile(r"[’']s\s+(?:[a-z-]+\s+){0,2}?[a-z]+")
EVENT_NOUNS = frozenset({
    "earthquake", "quake", "tremor", "aftershock", "attack", "attacks", "bombing", "blast",
    "explosion", "strike", "strikes", "raid", "shooting", "protest", "protests", "march",
    "rally", "demonstration", "demonstrations", "clashes", "riot", "riots", "vote", "election",
    "referendum", "storm", "flood", "floods", "flooding", "fire", "wildfire", "crash",
    "collision", "derailment", "landslide", "eruption", "tsunami", "hurricane", "cyclone",
    "typhoon", "disaster", "summit", "meeting", "speech", "announcement", "collapse",
    "offensive", "assault", "incursion", "invasion", "shelling", "ambush", "massacre"})
_EVENT_BEFORE = re.compile(r"\b(?P<noun>[a-z]+)\s+(?:on|of)\s+(?:the\s+)?$")
# "since Saturday", and a since-clause naming the day it opens: "since the outbreak was
# declared on October 18". Eight words keep "since" within the date's own phrase.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:[\w’'-]+(?:\.\d+)?\s+){0,8}?(?:(?:on|in|the)\s+)*$",
                           re.IGNORECASE)

# A dateline: "SAN AURELIO, June 15 (Continental Press) -", "SENDALI, 4 November 2025 —",
# "PORT CALVERA, Marenas, June 17 (Wire) -". It opens a line with a place and its
# region, and a dash (after the agency, if named) ends it. Its date is when the copy
# was filed, not when anything in the story happened. The place in capitals, as wire
# copy sets it, keeps out a sentence that opens with a place ("In Bresk, May 17 -
# the day of the march - ..."); a title-case dateline is missed and dates as before.
_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){0,3},\s+"
    r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3},\s+){0,2}$")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,60}\)\s*)?[-–—]\s")

# A weekday in a clause about the future is the coming one: "would file a challenge
# with the court on Wednesday" in a Tuesday paper is tomorrow, not six days ago. The
# future verb must stand in the date's own clause (no comma or stop between).
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|(?:is|are)\s+(?:to|due\s+to|set\s+to|expected\s+to|scheduled\s+to|"
    r"going\s+to)|plans?\s+to|planning\s+to|intends?\s+to)\b[^.;,!?]*$", re.IGNORECASE)

_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "a": 1, "one": 1}


@dataclass(frozen=True)
class DateMention:
    """A date expression at `start:end` of the text it was found in."""

    start: int
    end: int
    text: str
    iso: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; None when it cannot be resolved
    precision: str | None  # day, month, year or approximate
    future: bool = False  # "by December", "next week": a deadline or forecast
    since: bool = False  # "since Saturday": where a running count's window starts
    event: bool = False  # "Monday's earthquake", "the quake on Monday": an event's date
    dateline: bool = False  # "SAN AURELIO, June 15 (Agency) -": when the copy was filed


def parse_published(published: str | None) -> dt.date | None:
    """The publication date as a date, or None if absent or not ISO."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _nearest_year(month: int, day: int, ref: dt.date, future: bool) -> int:
    """The year putting month/day nearest the reference date (after it for deadlines)."""
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = dt.date(year, month, min(day, 28 if month == 2 else day))
        except ValueError:
            continue
        delta = (cand - ref).days
        # A deadline ("by December") points ahead; anything else leans to the past,
        # unless it lies within about three months ahead; a day a few days ahead ("on Oct. 27-28" in an Oct. 26 paper) stays ahead.
        penalty = abs(delta) + (0 if (delta >= 0) == future or abs(delta) <= 14 else 180)
        if best is None or penalty < best[0]:
            best = (penalty, year)
    assert best is not None
    return best[1]


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_months(ref: dt.date, months: int) -> tuple[int, int]:
    total = ref.year * 12 + ref.month - 1 + months
    return total // 12, total % 12 + 1


def _resolve(kind: str, m: re.Match[str], ref: dt.date | None,
             ahead: bool = False) -> tuple[str | None, str | None, bool]:
    g = m.groupdict()
    cue = (g.get("cue") or "").strip().lower()
    future = bool(re.match(_FUTURE_CUE, cue)) if cue else False
    if kind in ("month_day", "day_month"):
        month = MONTHS[g["mon"].rstrip(".").lower()]
        day = int(g["day"])
        if g.get("year"):
            year = int(g["year"])
        elif ref is not None:
            year = _nearest_year(month, day, ref, future)
        else:
            return None, DAY, future
        try:
            return dt.date(year, month, day).isoformat(), DAY, future
        except ValueError:
            return None, None, future
    if kind == "month":
        month = MONTHS[g["mon"].rstrip(".").lower()]
        if g.get("year"):
            return _iso_month(int(g["year"]), month), MONTH, future
        if ref is None:
            return None, MONTH, future
        if cue in ("next",):
            future = True
        return _iso_month(_nearest_year(month, 15, ref, future), month), MONTH, future
    if kind == "year":
        return g["year"] or g["year3"], YEAR, False
    if ref is None:
        return None, None, False
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        if "next" in cue or ahead and "last" not in cue:
            days = (wd - ref.weekday()) % 7 or 7
            return (ref + dt.timedelta(days=days)).isoformat(), DAY, True
        back = (ref.weekday() - wd) % 7
        if "last" in cue and back == 0:
            back = 7
        return (ref - dt.timedelta(days=back)).isoformat(), DAY, False
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if rel.startswith(("the same ", "that ")):
        # "the same day", "that evening": the caller knows which day was named before
        return None, SAME_DAY, False
    if rel.endswith(("minute ago", "minutes ago", "hour ago", "hours ago")):
        return ref.isoformat(), DAY, False
    if " end of " in rel:
        unit = rel.split()[-1]
        nxt = rel.split()[-2] == "next"
        if unit == "week":
            return (ref + dt.timedelta(days=(6 - ref.weekday()) + (7 if nxt else 0))).isoformat(), \
                APPROXIMATE, True
        if unit == "month":
            return _iso_month(*_shift_months(ref, 1 if nxt else 0)), MONTH, True
        return str(ref.year + (1 if nxt else 0)), YEAR, True
    if rel == "today" or rel == "tonight" or rel.startswith("this ") and rel.split()[1] in (
            "morning", "afternoon", "evening"):
        return ref.isoformat(), DAY, False
    if rel == "yesterday":
        return (ref - dt.timedelta(days=1)).isoformat(), DAY, False
    if rel == "tomorrow":
        return (ref + dt.timedelta(days=1)).isoformat(), DAY, True
    if rel.endswith(" ago"):
        n_word, unit = rel.split()[0], rel.split()[1].rstrip("s")
        n = int(n_word) if n_word.isdigit() else _NUMBER_WORDS.get(n_word, 1)
        if unit == "day":
            return (ref - dt.timedelta(days=n)).isoformat(), DAY, False
        if unit == "week":
            return (ref - dt.timedelta(days=7 * n)).isoformat(), APPROXIMATE, False
        if unit == "month":
            return _iso_month(*_shift_months(ref, -n)), MONTH, False
        return str(ref.year - n), YEAR, False
    unit = rel.split()[-1].rstrip("s")
    if rel.startswith("past ") and unit in ("week", "month", "year"):
        # "over the past year": a period ending now, so as of the publication date
        return ref.isoformat(), APPROXIMATE, False
    forward = any(w in rel for w in ("next", "coming", "later"))
    backward = any(w in rel for w in ("last", "past", "previous", "earlier"))
    if unit in ("day",):
        shift = 3 if forward else -3
        return (ref + dt.timedelta(days=shift)).isoformat(), APPROXIMATE, forward
    if unit in ("week", "weekend"):
        shift = 7 if forward and "next" in rel else (-7 if backward and "earlier" not in rel else 0)
        return (ref + dt.timedelta(days=shift)).isoformat(), APPROXIMATE, forward
    if unit == "month":
        if "earlier" in rel or "later" in rel or rel.startswith("this"):
            return _iso_month(ref.year, ref.month), MONTH, forward
        shift = 1 if forward else -1
        return _iso_month(*_shift_months(ref, shift)), MONTH, forward
    # year
    if "earlier" in rel or "later" in rel or rel.startswith("this"):
        return str(ref.year), APPROXIMATE if ("earlier" in rel or "later" in rel) else YEAR, forward
    return str(ref.year + (1 if forward else -1)), YEAR, forward


def find_dates(text: str, published: str | None = None,
               words: set[str] | frozenset[str] | None = None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `published` (ISO date).

    Longer matches win over shorter ones that overlap them; output is in text order.
    `words` are the text's lower-case words if the caller has them already.
    """
    ref = parse_published(published)
    found: list[tuple[int, int, str, re.Match[str]]] = []
    capitalised = set(_CAP_RE.findall(text))
    has = {
        "month": not _MONTH_NAMES.isdisjoint(capitalised),
        "weekday": not _WEEKDAY_NAMES.isdisjoint(capitalised),
        "digit": _DIGIT_RE.search(text) is not None,
        "relative": not _RELATIVE_WORDS.isdisjoint(
            _WORD_RE.findall(text.lower()) if words is None else words),
    }
    needs = {"month_day": "month", "day_month": "month", "month": "month", "weekday": "weekday",
             "year": "digit", "relative": "relative"}
    if not any(has.values()):
        return []  # the common case: nothing that can be a date
    for kind, pattern in _PATTERNS:
        if kind in needs and not has[needs[kind]]:
            continue
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if kind == "month" and m.group("mon") in ("May", "March") and not (
                    m.group("cue") or m.group("year")):
                continue  # "May" and "March" alone are too often a verb or a word
            if kind == "month" and m.group("mon").endswith(".") is False and len(
                    m.group("mon")) <= 4 and not (m.group("cue") or m.group("year")):
                continue  # a bare "Dec" or "Jan" may be a name
            if kind == "weekday" and not m.group("cue") and start > 0 and text[start - 1] == "-":
                continue
            found.append((start, end, kind, m))
    # Of overlapping matches the one reaching furthest wins: in "as of May 16" the
    # month pattern takes "of May" with its cue, but the day "May 16" is the date.
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str, re.Match[str]]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            if item[1] > kept[-1][1]:
                kept[-1] = item
            continue
        kept.append(item)
    out: list[DateMention] = []
    for start, end, kind, m in kept:
        # Leading prepositions belong to the cue, not the date span.
        lead = re.match(r"(?:in|by|until|till|since|from|during|before|after|of|on|the)\s+",
                        text[start:end], re.IGNORECASE)
        span_start = start + (lead.end() if lead and kind in ("month", "weekday") and
                              text[start + lead.end():end] else 0)
        if kind == "year" and text[start] == "(":
            span_start = start + 1
        elif kind == "year":
            span_start = m.start("year") if m.group("year") else m.start("year3")
        ahead = kind == "weekday" and _FUTURE_BEFORE.search(text, max(0, start - 60), start) is not None
        iso, precision, future = _resolve(kind, m, ref, ahead)
        before = text[max(0, start - 60):span_start]
        cue = (m.groupdict().get("cue") or "").lower()
        since = cue == "since" or _SINCE_BEFORE.search(before) is not None
        noun = _EVENT_BEFORE.search(before)
        event = _POSSESSIVE_AFTER.match(text, end) is not None or (
            noun is not None and noun.group("noun").lower() in EVENT_NOUNS)
        line = text.rfind("\n", 0, span_start) + 1
        dateline = kind in ("month_day", "day_month") and \
            _DATELINE_BEFORE.search(text[max(0, line - 1):span_start]) is not None and \
            _DATELINE_AFTER.match(text, end) is not None
        out.append(DateMention(span_start, end, text[span_start:end], iso, precision, future,
                               since, event, dateline))
    return out
