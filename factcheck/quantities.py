"""Counted quantities in news text: value, bounds, qualifier and the thing counted.

Measured before writing this: quantulum3 and number-parser read every news count as
"dimensionless" with no qualifier or noun, turned "1.2 million" into two numbers,
took "12:05 AM" for a length and lost offsets. News counts need the qualifier ("more
than", "some", "up to"), the noun after the number and the exclusion of dates, times
and labels ("F-16", "resolution 1718"), so focused rules do this part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates

EXACT = "exact"
ABOUT = "about"
OVER = "over"
UNDER = "under"
AT_LEAST = "at least"
UP_TO = "up to"
VAGUE = "vague"
RANGE = "range"

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
                 "bn": 1_000_000_000, "b": 1_000_000_000}

# Vague amounts as (low, high): wide enough to agree with any plausible exact count.
VAGUE_AMOUNTS = {
    "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
    "thousands": (2_000, 99_999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2_000_000, 999_999_999),
    "tens of millions": (20_000_000, 99_999_999), "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 999_999_999_999),
}
_SEVERAL = {"hundred": (200, 999), "thousand": (2_000, 9_999), "million": (2_000_000, 9_999_999),
            "billion": (2_000_000_000, 9_999_999_999), "dozen": (24, 99)}

QUALIFIERS = [
    (OVER, r"more\s+than|over|above|upwards\s+of|in\s+excess\s+of|exceeding|just\s+over|"
           r"well\s+over|greater\s+than|north\s+of|over\s+a|stronger\s+than|larger\s+than|"
           r"higher\s+than|bigger\s+than|topping|surpassing|passing|exceeded|exceeds|surpassed|"
           r"surpasses|(?:has\s+|have\s+)?(?:passed|passes|topped|tops|crossed|crosses)"),
    (UNDER, r"less\s+than|fewer\s+than|under|below|nearly|almost|just\s+under|close\s+to|"
            r"not\s+quite|shy\s+of|just\s+shy\s+of|weaker\s+than|smaller\s+than|lower\s+than"),
    (AT_LEAST, r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|"
               r"a\s+minimum\s+of|at\s+a\s+minimum"),
    (UP_TO, r"up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|no\s+more\s+than|"
            r"a\s+maximum\s+of|not\s+more\s+than"),
    (ABOUT, r"about|around|approximately|approx\.|roughly|some|an\s+estimated|estimated|"
            r"circa|c\.|an\s+approximate|in\s+the\s+region\s+of|on\s+the\s+order\s+of"),
]
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(\"“—–-]))(?:" + "|".join(f"(?P<q{i}>{p})" for i, (_, p) in enumerate(QUALIFIERS))
    + r")\s+(?:of\s+)?$", re.IGNORECASE)

# Normalised classes so that "troops" and "soldiers" compare equal; plural labels.
COUNTED_CLASSES = {
    "troops": "troops", "troop": "troops", "soldiers": "troops", "soldier": "troops",
    "servicemen": "troops", "serviceman": "troops", "servicemembers": "troops",
    "personnel": "troops", "conscripts": "troops", "recruits": "troops",
    "mercenaries": "troops", "infantrymen": "troops",
    "deaths": "deaths", "death": "deaths", "dead": "deaths", "fatalities": "deaths",
    "fatality": "deaths", "killed": "deaths", "lives": "deaths", "bodies": "deaths",
    "injured": "injured", "wounded": "injured", "injuries": "injured", "injury": "injured",
    "hurt": "injured",
    "casualties": "casualties", "casualty": "casualties",
    "people": "people", "persons": "people", "person": "people", "individuals": "people",
    "residents": "people", "civilians": "people", "civilian": "people",
    "protesters": "people", "protestors": "people", "demonstrators": "people",
    "marchers": "people", "participants": "people", "attendees": "people",
    "spectators": "people", "inhabitants": "people", "citizens": "people",
    "children": "children", "child": "children", "kids": "children", "minors": "children",
    "refugees": "displaced", "evacuees": "displaced", "displaced": "displaced",
    "missing": "missing", "arrests": "arrests", "arrested": "arrests", "detainees": "arrests",
    "detained": "arrests", "evacuated": "displaced", "rescued": "rescued",
    "hostages": "hostages", "hostage": "hostages", "prisoners": "prisoners",
    "percent": "percent", "per cent": "percent", "%": "percent",
    "percentage points": "percentage points", "magnitude": "magnitude",
    # A currency word ends the noun: "a 24 billion euro package" counts euros.
    "euro": "eur", "euros": "eur", "dollar": "usd", "dollars": "usd",
}
# Counts of time units are durations ("40 hours after", "in four days"), not claims,
# unless a sentence is meant ("jailed for 10 years").
TIME_UNITS = {"second", "minute", "hour", "day", "night", "week", "month", "year", "decade",
              "century", "weekend"}
_SENTENCE_CUE = re.compile(r"\b(?:sentenc\w*|jail\w*|prison|imprison\w*|term|terms)\b[^.;]{0,30}$",
                           re.IGNORECASE)
_PEOPLE_LIKE = {"people", "children", None}
# What a clause says happened to counted people turns them into a toll.
_TOLL_CUES = [
    ("deaths", re.compile(r"\b(?:killed|died|dead|death\s+toll|perished|lost\s+their\s+lives|drowned|"
                          r"killing|deaths?|fatalities|bodies)\b", re.IGNORECASE)),
    ("injured", re.compile(r"\b(?:injured|wounded|hurt|injuring|wounding|hospitali[sz]ed)\b",
                           re.IGNORECASE)),
    ("missing", re.compile(r"\b(?:missing|unaccounted\s+for)\b", re.IGNORECASE)),
    ("displaced", re.compile(r"\b(?:displaced|evacuated|fled|homeless)\b", re.IGNORECASE)),
    ("arrests", re.compile(r"\b(?:arrested|detained|arrests)\b", re.IGNORECASE)),
    ("rescued", re.compile(r"\b(?:rescued|pulled\s+(?:out\s+)?(?:alive|from)|dug\s+out|freed|"
                           r"plucked)\b", re.IGNORECASE)),
]
# A rescue verb earlier in the clause: "pulled a woman and her two children from ...".
_RESCUE_BEFORE = re.compile(r"\b(?:rescu(?:e|es|ed|ing)|pull(?:s|ed|ing)?|dug\s+out|free(?:s|d)|"
                            r"pluck(?:s|ed|ing)?)\b[^.;,]*$", re.IGNORECASE)
# "The death toll ... rose to 52", "the number of people killed ... reached 23",
# "put the toll at 1,541", "waiting lists, which stood at 7.6 million": the number's
# noun stands before it, joined by a linking verb.
_LINK = (r"(?:rose|risen|rises|rising|climbed|climbs|jumped|jumps|increased|increases|reached|"
         r"reaches|hit|hits|stood|stands|was|is|were|are|at|to|of|passed|passes|topped|tops|"
         r"exceeded|exceeds|surpassed|soared|now|totalled|totaled|numbered)")
_BEFORE_CUE = re.compile(
    rf"\b(?:(?:(?P<toll>death|casualty|injury|fatality)\s+)?toll|number\s+of\s+(?P<noun>[a-z]+)"
    rf"(?P<rest>(?:\s+(?:confirmed|reported|feared|now|known|officially|presumed))?(?:\s+[a-z]+)?)|"
    rf"number\s+(?P<part>killed|dead|injured|wounded|hurt|missing|"
    rf"arrested|detained|displaced|evacuated|rescued))\b[^.;:\d]{{0,100}}?\b{_LINK}\s+$"
    rf"|\b(?P<noun2>[a-z]{{3,}})(?:,\s+which)?\s+(?:stood|stands|totall?ed|numbered)\s+at\s+$"
    # "Suspected cholera cases in Kilawe Region have risen to 1,463", "Cases top 1,000": the
    # subject, read past a place it is narrowed to, is what the figure counts; headlines
    # use the bare present ("pass", "top", "near").
    rf"|\b(?P<noun3>[a-z]{{3,}})(?P<where>\s+(?:in|across|among)\s+(?:the\s+)?"
    rf"(?:[A-Z][\w’'-]*|region|province|district|country|state|city)(?:\s+[A-Z][\w’'-]*){{0,2}})?"
    rf"\s+(?:(?:has|have)\s+(?:now\s+)?)?(?:rose|risen|rises|climbed|climbs|rise|climb|"
    rf"reached|reaches|reach|hit|hits|passed|passes|pass|topped|tops|top|surpassed|surpasses|"
    rf"surpass|exceeded|exceeds|exceed|near|neared|nears|jumped|jumps)(?:\s+to)?\s+"
    rf"(?:more\s+than\s+|over\s+|about\s+|around\s+|nearly\s+)?$",
    re.IGNORECASE)
# An act right before the number says what happened to those counted: "killed 18 civilians".
_VERB_BEFORE = [
    ("deaths", re.compile(r"\b(?:kill(?:s|ed|ing)?|claim(?:s|ed|ing)?\s+the\s+lives\s+of)\s+"
                          r"(?:another\s+|an\s+estimated\s+)?$", re.IGNORECASE)),
    ("injured", re.compile(r"\b(?:injur(?:e|es|ed|ing)|wound(?:s|ed|ing)?)\s+(?:another\s+)?$",
                           re.IGNORECASE)),
    ("displaced", re.compile(r"\b(?:evacuat(?:e|es|ed|ing)|displac(?:e|es|ed|ing))\s+$",
                             re.IGNORECASE)),
    ("arrests", re.compile(r"\b(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?)\s+$", re.IGNORECASE)),
    ("rescued", re.compile(r"\b(?:rescu(?:e|es|ed|ing)|pull(?:s|ed|ing)?|free(?:s|d)?|"
                           r"evacuat(?:e|es|ed|ing)\s+and\s+rescu\w+)\s+(?:another\s+)?$",
                           re.IGNORECASE)),
]
# A change rather than a level: "rose by 800", "up 2.1 percentage points", "fell 5%".
_CHANGE_BEFORE = re.compile(
    r"\b(?:(?:rose|risen|rises|rising|increased|increases|grew|grown|jumped|climbed|fell|fallen|"
    r"falls|dropped|declined|decreased|slipped|surged|soared|plunged|plummeted|up|down|"
    r"(?:an?\s+)?(?:increase|decrease|rise|drop|fall|gain|loss|jump|decline)\s+of)\s+(?:by\s+)?"
    r"|\bby\s+)$", re.IGNORECASE)
_CHANGE_VERB = re.compile(r"\b(?:rose|risen|rises|increased|grew|grown|jumped|climbed|fell|fallen|"
                          r"dropped|declined|decreased|slipped|surged|soared|plunged|up|down|"
                          r"increase|decrease|rise|drop|fall)\b", re.IGNORECASE)
_AGE_RE = re.compile(
    r"\b\d{1,3}[-\s]years?[-\s]olds?\b|\b(?:aged|ages)\s+\d{1,3}(?:\s*(?:-|–|to|and)\s*\d{1,3})?"
    r"|\b(?:people|voters|adults|children|men|women|those|anyone|youths?|teenagers|girls|boys|"
    r"residents|patients|players|drivers|students)\s+(?:aged\s+)?(?:under|over|above|below|"
    r"older\s+than|younger\s+than)\s+\d{1,2}\b(?!\s*(?:%|per|million|thousand|billion))",
    re.IGNORECASE)
# Substrings one of `_AGE_RE`'s forms needs (a cheap test before the scan).
_AGE_CUES = ("year", "age", "under", "over", "above", "below", "older", "younger")
# Phone numbers ("020 7946 0018", "1-800-555-0199"); validated in `_phone_spans`.
_PHONE_RE = re.compile(r"(?<![\w.,])\+?\(?\d[\d().\t -]{5,}\d(?![\w,])")
_PERCENT_RE = re.compile(r"\s*(?:(?P<pct>per\s?cent|percent|pct\.?)(?![a-z])|"
                         r"(?P<pts>percentage[\s-]points?))", re.IGNORECASE)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]+$|\bmagnitude[\s-]+of\s+$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"[\s-]+magnitude\b|\s+on\s+the\s+Richter\s+scale", re.IGNORECASE)
# Shares written as fractions, as percentages so "two-thirds" and "67%" compare.
FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0,
             "fifth": 20.0, "fifths": 20.0, "tenth": 10.0, "tenths": 10.0}
_FRACTION_RE = re.compile(
    r"(?<![\w-])(?:(?P<n>a|one|two|three|four|nine)[\s-]+)?(?P<frac>half|thirds?|quarters?|fifths?|"
    r"tenths?)(?![\w-])"
    r"|(?<![\w.,-])(?P<a>one|two|three|four|five|six|seven|eight|nine|[1-9])\s+(?:in|out\s+of)\s+"
    r"(?:every\s+)?(?P<b>two|three|four|five|six|seven|eight|nine|ten|\d{1,3})(?![\d,.])"
    # "four in ten voters" is a share; "4 in 10 minutes", "scored 3 in 12 games" are not.
    r"(?!\s*(?:%|percent|(?:[a-z]+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"games?|matches|attempts?|races?|starts?)\b))",
    re.IGNORECASE)
_FRACTION_OK_AFTER = re.compile(r"\s+(?:of|the|its|their|all|our|his|her|said|say|says|"
                                r"had|have|were|are|backed|voted|live|lived)\b", re.IGNORECASE)
_FRACTION_OK_BEFORE = re.compile(r"\b(?:nearly|almost|about|around|roughly|some|over|more\s+than|"
                                 r"less\s+than|under|by|than|just|at\s+least|up\s+to|than)\s+$",
                                 re.IGNORECASE)

_MODIFIERS = {
    "more", "additional", "other", "new", "extra", "military", "armed", "foreign", "local",
    "elite", "special", "regular", "active", "enemy", "allied", "combat", "total", "confirmed",
    "estimated", "reported", "young", "old", "innocent", "ordinary", "front-line", "frontline",
    "fresh", "further", "well-trained", "trained", "unarmed", "civilian", "senior", "junior",
    "ethnic", "first", "last", "such", "fellow", "registered", "eligible", "full-time",
    "suspected", "probable", "possible",  # "1,400 suspected cholera cases"
}
_STOP = {
    "to", "in", "into", "at", "on", "from", "with", "for", "by", "near", "had", "have", "has",
    "were", "was", "are", "is", "be", "been", "being", "will", "would", "could", "should",
    "may", "might", "can", "and", "or", "but", "who", "which", "that", "as", "than",
    "including", "said", "says", "per", "a", "an", "the", "this", "these", "those", "their",
    "its", "his", "her", "our", "they", "it", "we", "he", "she", "of", "across", "among",
    "over", "under", "about", "after", "before", "since", "during", "while", "when", "where",
    "so", "too", "also", "already", "now", "then", "there", "here", "not", "no", "only",
    "just", "each", "all", "both", "up", "out", "down", "off", "again", "yet", "still",
    "times", "percentage", "points",
}
_LABELS = (r"resolutions?|articles?|sections?|chapters?|pages?|pp?\.|no\.|nos\.|numbers?|"
           r"flights?|routes?|highways?|interstates?|rooms?|levels?|phases?|categor(?:y|ies)|"
           r"grades?|paragraphs?|items?|lines?|versions?|season|episodes?|vol\.|volumes?|"
           r"parts?|tables?|figures?|fig\.|decrees?|bills?|codes?|units?|platforms?|gates?|"
           r"districts?|wards?|precincts?|blocks?|floors?|apartments?|suites?|"
           r"buildings?|squares?|streets?|avenues?|roads?|kilometre|mile|km|cases?|files?|"
           r"reports?|regulations?|directives?|protocols?|clauses?|points?|steps?|tiers?")
_LABEL_RE = re.compile(
    rf"\b(?=[a-z.]{{1,13}}\s+(?:[a-z]{{0,3}}[-/]?)?\d)(?:{_LABELS})\s+(?:[A-Z]{{0,3}}[-/]?)?\d[\d/.-]*(?:(?:,\s*|\s+and\s+|\s+or\s+|\s*[-–]\s*)"
    rf"\d[\d/.-]*)*", re.IGNORECASE)
# "10.30" is a time only with a clock word around it: "3.25%" and "2.4 billion" are not.
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\.?)?|\b\d{1,2}\.\d{2}\s*(?:[ap]\.?\s?m\b\.?|h\b|GMT|"
                      r"UTC|local\s+time)|(?<=\b(?:at|by) )\d{1,2}\.\d{2}(?![\d%]|\s*(?:per|million|"
                      r"billion|bn|mn|m\b|k\b|trillion|points?|percent))|\b\d{1,2}\s*[ap]\.?m\.?(?![a-z])|"
                      r"\b(?:GMT|UTC|CET|EST|BST)\s*[+-]\s*\d{1,2}(?::?\d{2})?|"
                      r"\b[0-2]\d[0-5]\d\s*(?:GMT|UTC|Z|hrs|hours)\b",  # "(1115 GMT)", "0600 hrs"
                      re.IGNORECASE)
# "Survivor Joel Madrid, 27, said": an age set off after a name is no count.
_APPOSED_AGE = re.compile(r"[A-Z][\w’'-]+,\s(\d{1,3}),\s")

_WORD_ATOM = "|".join(sorted(list(UNITS) + list(SCALES), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+(?:\.\d+)?"
# The lookbehind lets the scan skip the inside of words at once (five times faster);
# numbers glued to letters ("COP29") are rejected later in any case.
_NUMBER_RE = re.compile(
    rf"(?<![^\W\d_])(?P<cur>US\$|\$|€|£|¥)?\s?"
    rf"(?:(?P<dig>{_DIGITS})(?:(?P<suf>k|K|m|mn|mln|bn|b)(?![A-Za-z])|"
    rf"(?:\s+|-)(?P<scale>hundred|thousand|million|billion|trillion)s?(?![a-z]))?"
    rf"|(?P<half>half\s+a|a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|"
    rf"a\s+couple\s+of)[\s-]+(?P<dozen>dozen)(?![a-z])"
    rf"|(?P<sev>several|a\s+few|a\s+couple\s+of|a\s+couple|many)\s+(?P<sevscale>hundred|thousand|"
    rf"million|billion)s?(?![a-z])"
    rf"|(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores(?=\s+of)|hundreds|"
    rf"thousands|millions|billions)(?![a-z])"
    rf"|(?P<words>(?:\ba\s+(?=hundred|thousand|million|billion))?\b(?:{_WORD_ATOM})"
    rf"(?:(?:[\s-]+(?:(?:(?<=hundred\s)|(?<=thousand\s)|(?<=million\s)|(?<=billion\s))and[\s-]+)?)"
    rf"(?:{_WORD_ATOM}))*)(?![a-z]))",
    re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
_FROM_CHANGE = re.compile(
    r"\b(?:rais\w*|rise|rises|rising|rose|risen|increas\w*|lift\w*|cut|cuts|cutting|reduc\w+|"
    r"lower\w*|grow\w*|grew|fall\w*|fell|drop\w*|climb\w*|jump\w*|boost\w*|push\w*|extend\w*|"
    r"shorten\w*|doubl\w+|halv\w+|mov\w+|go|goes|going|went|gone|hik\w+|slash\w*|revis\w+|"
    r"chang\w+|up|down|decreas\w+|declin\w+|shr[iau]nk\w*|expand\w*|swell\w*|swollen|soar\w*|"
    r"plung\w+|adjust\w*|bring\w*|brought)\b[^.;:]{0,60}?\bfrom\s+(?:[$€£]\s?)?$", re.IGNORECASE)
_UNIT_GAP = re.compile(r"\s*(?:%|per\s?cent|percent|percentage[\s-]points?)(?![a-z])", re.IGNORECASE)
_PASSED = re.compile(r"\b(?:pass|top|cross)", re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z]+")
_FRACTION_WORDS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                             "tenth", "tenths"})
# Words that can start a quantity without digits (the prefilter of `find_quantities`).
_NUMBER_WORDS = frozenset(UNITS) | frozenset(SCALES) | {
    "dozen", "dozens", "scores", "hundreds", "thousands", "millions", "billions",
    "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"}
_RANGE_RE = re.compile(r"\s*(?:-|–|—|to|or)\s*(?=\$?\d|[a-z])", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*|%|\S")
_DIGIT_SEP = re.compile(r"[,\s\u00a0\u202f]")
_TOLL_STOP = re.compile(r"[.;]|,\s+(?:and|while|but)\b")
_SENTENCE_STOP = re.compile(r"[.;]\s")
_HYPHEN_WORD = re.compile(r"-([a-z]+)")
_YEAR_DIGITS = re.compile(r"1[89]\d\d|20\d\d|21\d\d")
_TIMES_AFTER = re.compile(r"\s+times\b", re.IGNORECASE)
_BETWEEN_LEAD = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND_GAP = re.compile(r"\s+and\s+")
_STRONG_AFTER = re.compile(r"-strong\b", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b")
# A partitive right after a comma that states something of its own about the part
# ("nine of them critically", "two of them in hospital") is a count of that part; "two of
# them said" or "most of them in X" as a subject or a place is left to the figure before.
_PARTITIVE_PART = re.compile(r"\s+of\s+them\s+(?!said|say|says|were|are|had|have)"
                             r"(?:(?:in|at|on)\s+(?:a\s+|the\s+)?)?(?P<what>[a-z]{4,})\b", re.IGNORECASE)
_PARTITIVE_LEAD = re.compile(r",\s*$")
# "412 of the 650 seats", "five of the region's seven districts": a count out of a whole.
_SHARE_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|our)\s+)?"
                       r"(?:[A-Z]?[a-z]+[’']s\s+)?(?:\d[\d,.]*|(?:two|three|four|five|six|seven|eight|"
                       r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b)")


@dataclass(frozen=True)
class Quantity:
    """A counted or measured quantity at `start:end` (qualifier through counted noun)."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    counted: str | None = None  # normalised class: troops, deaths, people, percent...
    noun: str | None = None  # the literal noun as written, lower-case
    number_start: int = 0  # where the number itself starts (after the qualifier)


def _words_value(words: str) -> float | None:
    total, current, seen = 0, 0, False
    for w in re.split(r"[\s-]+", words.lower()):
        if w in ("and", ""):
            continue
        if w == "a":
            current = max(current, 1)
            continue
        if w in UNITS:
            current += UNITS[w]
            seen = True
        elif w == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif w in SCALES:
            total += max(current, 1) * SCALES[w]
            current = 0
            seen = True
        else:
            return None
    return float(total + current) if seen else None


def _digits_value(dig: str) -> float:
    return float(_DIGIT_SEP.sub("", dig))


def _phone_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _PHONE_RE.finditer(text):
        raw = m.group()
        groups = re.findall(r"\d+", raw)
        if sum(len(g) for g in groups) < 7 or (len(groups) < 3 and not raw.startswith(("+", "("))):
            continue
        separators = re.findall(r"\D+", raw.strip("+("))
        if all(sep == " " for sep in separators) and all(len(g) == 3 for g in groups[1:]):
            continue  # "10 000 000": thousands, not a phone number
        spans.append((m.start(), m.end()))
    return spans


def _masked_spans(text: str, date_spans: list[tuple[int, int]] | None,
                  has_digit: bool = True, low: str | None = None) -> list[tuple[int, int]]:
    spans = [(d.start, d.end) for d in find_dates(text)] if date_spans is None else list(date_spans)
    if not has_digit:
        return spans  # times, labels, ages and phone numbers all have digits
    low = text.lower() if low is None else low
    spans += [(m.start(), m.end()) for m in _TIME_RE.finditer(text)]
    spans += [(m.start(1), m.end(1)) for m in _APPOSED_AGE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _LABEL_RE.finditer(text)]
    if any(cue in low for cue in _AGE_CUES):
        spans += [(m.start(), m.end()) for m in _AGE_RE.finditer(text)]
    if len(text) > 8:
        spans += _phone_spans(text)
    return spans


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _parse(m: re.Match[str]) -> tuple[float | None, float | None, float | None, bool] | None:
    """(value, low, high, vague) of one number match, or None if it is not a count."""
    g = m.groupdict()
    if g["dig"]:
        value = _digits_value(g["dig"])
        if g["suf"]:
            value *= SUFFIX_SCALES[g["suf"].lower()]
        elif g["scale"]:
            value *= SCALES[g["scale"].lower()]
        return value, None, None, False
    if g["dozen"]:
        head = re.sub(r"\s+", " ", g["half"].lower())
        if head in ("several", "a few", "a couple of"):
            low, high = _SEVERAL["dozen"] if head == "several" else (24, 48)
            return None, float(low), float(high), True
        n = 0.5 if head == "half a" else (1 if head in ("a", "one") else UNITS[head])
        return 12.0 * n, round(9.0 * n), round(15.0 * n), False
    if g["sev"]:
        scale = g["sevscale"].lower()
        low, high = _SEVERAL[scale]
        if g["sev"].lower().startswith("a couple"):
            high = 3 * SCALES[scale] - 1
        return None, float(low), float(high), True
    if g["vague"]:
        low, high = VAGUE_AMOUNTS[re.sub(r"\s+", " ", g["vague"].lower())]
        return None, float(low), float(high), True
    value = _words_value(g["words"])
    if value is None:
        return None
    return value, None, None, False


def _scale_of(m: re.Match[str]) -> float:
    """The multiplier a number's own scale word gives ('million', 'bn', 'dozen')."""
    if m.group("dozen"):
        return 12.0
    return float(SCALES.get((m.group("scale") or "").lower())
                 or SUFFIX_SCALES.get((m.group("suf") or "").lower()) or 1)


def _counted_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The head noun after a number and where it ends (`pos` if none)."""
    head, head_end, taken = None, pos, 0
    pct = _PERCENT_RE.match(text, pos)
    if pct:
        return ("%" if pct.group("pct") else "percentage points"), pct.end()
    for tok in _TOKEN_RE.finditer(text, pos, min(limit, pos + 80)):
        word = tok.group()
        low = word.lower().strip("'’")
        if word == "%":
            return "%", tok.end()
        if not word[0].isalnum():
            break
        if low in ("of",) and head is None and taken == 0:
            # "thousands of troops", "500 of them"
            nxt = text[tok.end():tok.end() + 6].lower()
            if nxt.startswith((" them", " the ", " whom", " which", " those", " these", " its")):
                break
            continue
        if head is None and (word[0].isupper() or low in _MODIFIERS
                             or any(c.isdigit() for c in word)):
            taken += 1
            if taken > 4:
                break
            continue
        if low in COUNTED_CLASSES:
            return low, tok.end()
        if low in _STOP or low.endswith("ly"):
            break
        nxt = _TOKEN_RE.search(text, tok.end(), min(limit, tok.end() + 20))
        nxt_low = nxt.group().lower() if nxt else ""
        if nxt_low == "than":
            break  # "aftershocks stronger than": the comparison is no part of the noun
        if head is None and low.endswith("ed") and len(low) > 4 and (
                not nxt_low or nxt_low in _STOP or not nxt_low[0].isalnum()):
            break  # "several hundred arrived too late": a verb, the noun is elsewhere
        if any(c.isdigit() for c in word):
            break
        if head is not None and (low.endswith(("ed", "ing")) or word[0].isupper()):
            break
        if head is None and low.endswith("ing"):
            break
        head, head_end = low, tok.end()
        taken += 1
        if taken > 5:
            break
        if _plural(low):
            break  # "40 trucks came": a compound noun ends in its plural ("aid trucks")
    return head, head_end


_NOT_PLURAL = frozenset({"news", "series", "species", "arms", "goods", "means", "headquarters"})


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) \
        and word not in _NOT_PLURAL


def normalise_counted(noun: str | None) -> str | None:
    """A counted noun as the class it counts ("residents" -> "people", "cases" -> "case")."""
    if noun is None:
        return None
    noun = noun.lower()
    if noun in COUNTED_CLASSES:
        return COUNTED_CLASSES[noun]
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > 3:
        return noun[:-1]
    return noun


def _toll_class(text: str, start: int, end: int, counted: str | None) -> str | None:
    """'45 people were killed' counts deaths; the nearest cue after the number wins."""
    if counted not in _PEOPLE_LIKE:
        return counted
    for label, verb in _VERB_BEFORE:
        if verb.search(text, max(0, start - 40), start):
            return label
    window_end = min(len(text), end + 60)
    stop = _TOLL_STOP.search(text[end:window_end])
    after = text[end:end + stop.start()] if stop else text[end:window_end]
    best: tuple[int, str] | None = None
    for label, cue in _TOLL_CUES:
        hit = cue.search(after)
        if hit and (best is None or hit.start() < best[0]):
            best = (hit.start(), label)
    before = _SENTENCE_STOP.split(text[max(0, start - 50):start])[-1]
    if best is None:
        if _RESCUE_BEFORE.search(before):
            return "rescued"
        for label, cue in _TOLL_CUES[:2]:
            hit = None
            for hit in cue.finditer(before):
                pass
            if hit and re.search(r"\b(?:killing|injuring|wounding|toll)\b", hit.group(), re.I):
                return label
        return counted
    return best[1]


def _compound_adjective(text: str, end: int) -> bool:
    """'10-storey', 'five-year', '60-square-metre': a number joined to a noun by a hyphen
    describes something else; '3,000-strong', '5,000-plus' and '7.1-magnitude' still count."""
    m = _HYPHEN_WORD.match(text[end:end + 20])
    if not m:
        return False
    word = m.group(1).lower()
    return word not in ("strong", "plus", "magnitude", "odd", "and") and word not in UNITS \
        and word not in SCALES and word not in FRACTIONS and word not in ("dozen",)


def _is_change(text: str, start: int, num_start: int, counted: str | None) -> bool:
    """'rose by 800', 'up 2.1 points', 'fell 5%' give a change; 'rose to 52', 'fell below
    60%' and 'dropped 400 mm of rain' give a level or an amount."""
    hit = _CHANGE_BEFORE.search(text, max(0, start - 40), start)
    if not hit:
        return False
    word = hit.group().lower()
    if word.startswith("by") or word.endswith(("by ", "of ")):
        return bool(_CHANGE_VERB.search(text, max(0, start - 90), start))
    if word.startswith(("up", "down")):
        return True
    return start == num_start and counted in ("percent", "percentage points")


def _noun_before(text: str, start: int) -> str | None:
    """The counted noun named before a number: 'the death toll rose to 52' -> deaths."""
    hit = None
    for hit in _BEFORE_CUE.finditer(text, max(0, start - 160), start):
        pass
    if hit is None:
        return None
    if hit.group("noun2"):
        return hit.group("noun2")
    if hit.group("noun3"):  # "casualties surpassed 300": only a counted noun
        noun = hit.group("noun3").lower()
        if noun in COUNTED_CLASSES:
            return noun if COUNTED_CLASSES[noun] not in _PEOPLE_LIKE else None
        # Any plural subject counts ("cases", "complaints"), not a verb's ending ("it rises").
        return noun if _plural(noun) and noun not in _STOP and \
            text[hit.start("noun3") - 1:hit.start("noun3")] != "'" else None
    if hit.group("part"):  # "the number killed in ... has risen to 500"
        return hit.group("part").lower()
    if hit.group("noun"):
        noun = hit.group("noun").lower()
        if noun in _MODIFIERS:  # "the number of suspected cholera cases": the head comes later
            head, _ = _counted_after(text, hit.start("noun"), start)
            noun = head or noun
        if COUNTED_CLASSES.get(noun) in _PEOPLE_LIKE:
            for label, cue in _TOLL_CUES:
                if cue.search(hit.group("rest") or ""):
                    return label
        return noun
    toll = (hit.group("toll") or "death").lower()
    return {"death": "deaths", "fatality": "deaths", "casualty": "casualties",
            "injury": "injured"}[toll]


def _fractions(text: str, mask: list[tuple[int, int]]) -> list[Quantity]:
    """Shares written in words: 'two-thirds of', 'nearly half', 'one in five'."""
    out = []
    for m in _FRACTION_RE.finditer(text):
        if _inside(m.start(), m.end(), mask):
            continue
        if m.group("frac"):
            frac = m.group("frac").lower()
            n = (m.group("n") or "").lower()
            if frac.endswith("s") and n in ("", "a", "one"):
                continue  # "thirds", "quarters" alone: not a share
            if frac == "quarter" and re.match(r"\s+of\s+an?\s+hour", text[m.end():], re.I):
                continue
            count = UNITS.get(n, 1)
            value = round(FRACTIONS[frac] * count, 1)
            before = text[max(0, m.start() - 16):m.start()]
            if not (_FRACTION_OK_AFTER.match(text, m.end()) or _FRACTION_OK_BEFORE.search(before)):
                continue
            if not n and re.search(r"\b(?:first|second|the|a|an)\s+$", before, re.IGNORECASE):
                continue  # "the first half", "the half"
        else:
            a = _words_value(m.group("a")) if not m.group("a").isdigit() else float(m.group("a"))
            b = _words_value(m.group("b")) if not m.group("b").isdigit() else float(m.group("b"))
            if not a or not b or a >= b:
                continue
            value = round(100 * a / b, 1)
        start, qualifier, low, high = m.start(), ABOUT if m.group("frac") else EXACT, None, None
        q = _QUALIFIER_RE.search(text[max(0, start - 30):start])
        if q:
            for i, (name, _) in enumerate(QUALIFIERS):
                if q.group(f"q{i}"):
                    qualifier = name
                    start -= len(q.group()) - (len(q.group()) - len(q.group().lstrip()))
                    if name in (OVER, AT_LEAST):
                        low = value
                    elif name in (UNDER, UP_TO):
                        high = value
                    break
        counted = "percent"
        if _is_change(text, start, m.start(), counted):
            counted = "percent change"
        out.append(Quantity(start, m.end(), text[start:m.end()], value, low, high, qualifier,
                            counted, m.group("frac") or "in", m.start()))
    return out


def find_quantities(text: str, masked: list[tuple[int, int]] | None = None,
                    date_spans: list[tuple[int, int]] | None = None, low: str | None = None,
                    words: set[str] | frozenset[str] | None = None) -> list[Quantity]:
    """Every counted quantity in `text`, in text order.

    Dates, times, years and labels ("F-16", "resolution 1718") are not quantities;
    `masked` adds spans the caller already knows are something else, and `date_spans`
    passes dates already found (`find_dates`) so they are not searched twice; `low` and
    `words` pass the lower-cased text and its words if the caller has them.
    """
    has_digit = _DIGIT_RE.search(text) is not None
    low = text.lower() if low is None else low
    words = set(_WORD_RE.findall(low)) if words is None else words
    if not has_digit and _NUMBER_WORDS.isdisjoint(words):
        return []  # most sentences: no digit and no number word, nothing to do
    mask = _masked_spans(text, date_spans, has_digit, low) + list(masked or [])
    # Fractions need a fraction word or "one in five", "2 out of 3".
    shares = not _FRACTION_WORDS.isdisjoint(words) or ("in" in words or "out" in words) and (
        has_digit or not _NUMBER_WORDS.isdisjoint(words))
    out: list[Quantity] = _fractions(text, mask) if shares else []
    mask += [(q.number_start, q.end) for q in out]
    matches = list(_NUMBER_RE.finditer(text))
    skip_until = -1
    for idx, m in enumerate(matches):
        if m.start() < skip_until or not m.group().strip():
            continue
        part = None
        nstart = m.start() + (len(m.group()) - len(m.group().lstrip()))
        num_start = m.start("dig") if m.group("dig") else nstart
        if m.group("cur"):
            num_start = m.start("cur")
        nend = m.end()
        if _inside(num_start, nend, mask):
            continue
        before = text[max(0, num_start - 2):num_start]
        after = text[nend:nend + 2]
        if m.group("dig"):
            # Part of a name or code: "F-16", "COP29", "G7", "MH17", "1/2", "3rd".
            if before[-1:].isalnum() or (before[-1:] != "" and before[-1:] in "/=#@"):
                continue
            if before[-1:] == "-" and before[:1].isalpha():
                continue
            if after[:1].isalpha() or (after[:1] != "" and after[:1] in "/@") or (
                    after[:1] in (".", ",") and after[1:2].isdigit()):
                continue
            if _compound_adjective(text, nend) and not m.group("scale"):
                continue  # "a 10-storey building", "a 60-square-metre flat": a measure
            raw = m.group("dig")
            if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
                continue  # "020", "0018": codes and phone numbers
            if (_YEAR_DIGITS.fullmatch(raw) and not m.group("suf")
                    and not m.group("scale") and not m.group("cur")):
                noun, _ = _counted_after(text, nend, len(text))
                if noun not in COUNTED_CLASSES:
                    continue  # a year
        else:
            if before[-1:].isalpha() or before[-1:] == "-" and before[:1].isalpha():
                continue
            word = m.group().strip().lower()
            if word in ("one", "a") or (m.group("words") and word == "one"):
                nxt = text[nend:nend + 12].lower()
                if not re.match(r"\s+(?:person|soldier|man|woman|child|civilian|officer|"
                                r"death|people)\b", nxt) and not (
                        word == "one" and _BEFORE_CUE.search(text, max(0, nstart - 160), nstart)):
                    continue
            if m.group("words") and _compound_adjective(text, nend):
                continue  # "a five-storey building", "a two-year deal"
            if m.group("words") and _PARTITIVE_PART.match(text, nend) and \
                    _PARTITIVE_LEAD.search(text, max(0, nstart - 3), nstart):
                part = _PARTITIVE_PART.match(text, nend)  # "38 were injured, nine of them critically"
            elif m.group("words") and re.match(r"\s*(?:of\s+(?:the|them|those|its|his|her)\b|"
                                              r"another|another\b)", text[nend:nend + 12], re.I) \
                    and not _SHARE_OF.match(text, nend):
                continue  # "two of the countries" picks from a set; "two of the five" counts
            if m.group("words") and text[max(0, nstart - 4):nstart].lower() in ("the ", "hose "):
                continue  # "the two countries" names a set, it does not count
        if _TIMES_AFTER.match(text[nend:nend + 8]):
            continue  # "five times the monthly average": a ratio
        parsed = _parse(m)
        if parsed is None:
            continue
        value, low, high, vague = parsed
        end = nend
        # "Two dozen" is a round figure, not a count: about 24.
        qualifier = VAGUE if vague else (ABOUT if m.group("dozen") else EXACT)
        # A range: "10,000-12,000", "10 to 12 million", "two or three".
        rng = _RANGE_RE.match(text, nend)
        unit_gap = _UNIT_GAP.match(text, nend) if rng is None and m.group("dig") else None
        if unit_gap and _FROM_CHANGE.search(text, max(0, nstart - 70), nstart):
            rng = _RANGE_RE.match(text, unit_gap.end())  # "from 1.8% to 0.9%"
            if rng is not None and rng.group().strip().lower() != "to":
                rng = None
        if rng and not vague and idx + 1 < len(matches) and matches[idx + 1].start() <= rng.end() + 1:
            m2 = matches[idx + 1]
            p2 = _parse(m2)
            if p2 is not None and p2[0] is not None and not _inside(m2.start(), m2.end(), mask) and \
                    rng.group().strip().lower() == "to" and _FROM_CHANGE.search(
                        text, max(0, nstart - 70), nstart):
                # "raise the age from 62 to 65": a change whose figure is the new level.
                value, low, high = p2[0], None, None
                end = skip_until = m2.end()
                p2 = None
            if p2 is not None and p2[0] is not None and not _inside(m2.start(), m2.end(), mask):
                v2 = p2[0]
                v1 = value
                if m2.group("scale") or m2.group("suf") or m2.group("dozen"):
                    scale = _scale_of(m2)
                    if v1 is not None and v1 * scale <= v2 and not (m.group("scale") or m.group("suf")):
                        v1 = v1 * scale
                if v1 is not None and v2 > v1:
                    value, low, high, qualifier = v1, v1, v2, RANGE
                    end = m2.end()
                    skip_until = m2.end()
                elif m.group("dig") and m2.group("dig") and rng.group().strip() in "-–—":
                    skip_until = m2.end()  # "3-1": a score or a ratio, not a count
                    continue
        # "between 10 and 12": a range written with "between ... and".
        between = _BETWEEN_LEAD.search(text[max(0, nstart - 10):nstart])
        if between and not vague and qualifier != RANGE:
            m_and = _AND_GAP.match(text, end)
            if m_and and idx + 1 < len(matches) and matches[idx + 1].start() <= m_and.end() + 1:
                m2 = matches[idx + 1]
                p2 = _parse(m2)
                if p2 is not None and p2[0] is not None and value is not None:
                    v1 = value
                    if (m2.group("scale") or m2.group("suf") or m2.group("dozen")) and not (
                            m.group("scale") or m.group("suf")):
                        v1 = v1 * _scale_of(m2)
                    if p2[0] > v1:
                        value, low, high, qualifier = v1, v1, p2[0], RANGE
                        end = m2.end()
                        skip_until = m2.end()
        start = num_start
        if between and qualifier == RANGE:
            start = nstart - len(between.group())
        # Qualifier words before the number.
        lead = text[max(0, num_start - 40):num_start]
        unit = _MAGNITUDE_BEFORE.search(lead)
        q = _QUALIFIER_RE.search(lead[:unit.start()] if unit else lead)
        passed = q is not None and _PASSED.search(q.group()) is not None
        if q and qualifier not in (RANGE,):
            for i, (name, _) in enumerate(QUALIFIERS):
                if q.group(f"q{i}"):
                    if vague:
                        break
                    qualifier = name
                    start = num_start - (len(lead) - q.start() - (len(q.group()) - len(q.group().lstrip())))
                    if name == OVER or name == AT_LEAST:
                        low = value
                    elif name == UNDER or name == UP_TO:
                        high = value
                    break
        # Qualifier words after: "3,000 or more", "5,000-plus", "200 or so".
        post = re.match(r"(?:\s+or\s+(?P<more>more|so|fewer|less)|(?P<plus>\+|-plus))(?![a-z])",
                        text[end:end + 12], re.IGNORECASE)
        if post and qualifier == EXACT:
            word = (post.group("more") or "").lower()
            if word == "more" or post.group("plus"):
                qualifier, low = (AT_LEAST if word == "more" else OVER), value
            elif word == "so":
                qualifier = ABOUT
            else:
                qualifier, high = UP_TO, value
            end += post.end()
        currency = m.group("cur")
        strong = _STRONG_AFTER.match(text[end:end + 8])
        noun, noun_end = _counted_after(text, end + (7 if strong else 0), len(text))
        if part is not None:
            # The part counts what is said of it, not the whole's noun: "nine of them
            # critically" are the critical cases, "two of them in hospital" the hospitalised.
            noun, noun_end = part.group("what").lower(), end
            noun = noun[:-2] if noun.endswith("ly") else noun
        if m.group("vague") and not _OF_AFTER.match(text[end:end + 4]):
            noun, noun_end = None, end  # "Thousands march": the amount stands for people
        if currency:
            noun = {"$": "usd", "US$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}[currency]
            noun_end = end
        elif _MAGNITUDE_BEFORE.search(text, max(0, num_start - 16), num_start):
            noun, noun_end = "magnitude", end
        elif _MAGNITUDE_AFTER.match(text, end):
            noun, noun_end = "magnitude", _MAGNITUDE_AFTER.match(text, end).end()
        elif noun is None:
            share = _SHARE_OF.match(text[end:end + 30])
            if share:  # "412 of the 650 seats"
                noun, _ = _counted_after(text, end + share.end(), len(text))
            else:
                noun = _noun_before(text, start)
                if noun is None and start != num_start:  # "casualties surpassed 300"
                    noun = _noun_before(text, num_start)
        if passed and noun is not None and noun.lower() not in COUNTED_CLASSES and not currency:
            # "Parliament passed 12 laws" counts laws; "the toll passed 500" is over 500.
            qualifier, low, start = EXACT, None, num_start
        counted = normalise_counted(noun)
        if counted in ("dollar", "usd"):
            counted = "usd"
        elif counted in ("euro", "eur"):
            counted = "eur"
        if counted in TIME_UNITS and not _SENTENCE_CUE.search(text, max(0, start - 40), start):
            continue  # "40 hours after the quake", "within five years": a duration
        if vague and noun is None:
            counted = "people"  # "Thousands marched", "hundreds were injured"
        counted = _toll_class(text, start, noun_end, counted)
        if _is_change(text, start, num_start, counted):
            counted = f"{counted} change" if counted else "change"
        if noun_end > end and noun is not None and not currency:
            end = noun_end
        out.append(Quantity(start, end, text[start:end], value, low, high, qualifier,
                            counted, noun, num_start))
    out.sort(key=lambda q: (q.start, q.end))
    return out
