"""Synthetic news corpora with known truth, for the scale benchmark.

Usage: python benchmarks/synthetic.py OUT_DIR --docs N [--seed S] [--format txt|jsonl]

Writes N articles about many events (earthquakes, floods, protests, outbreaks,
deployments...) to OUT_DIR/articles/, as .txt files with a manifest.json (default) or
as one articles.jsonl, and OUT_DIR/truth.json (outside the folder to ingest). Each event
is covered by 5-40 documents (17 on average), so 8,000 documents make ~470 events.
The world behind them:

- events, each with counted quantities whose true value changes day by day
  (tolls rise), some with a forecast ("plans to send up to N by March");
- original sources (ministries, police, agencies, organisers) with a set
  reliability: a source states the true value with that probability, otherwise a
  stale, inflated or deflated one; every outlet that cites a source on a day prints
  the same statement, so contradictions are between sources, not outlets;
- outlets with their own page furniture (navigation, bylines, share and subscribe
  lines, copyright), a rate of garbling numbers, and a propensity to relay a wire
  agency's story by copying its wording;
- quotes repeated verbatim, numbers as digits, words and ranges, varied phrasing,
  and off-topic "Related"/"Most read" sidebars with other events' headlines.

truth.json records, for each event and quantity, the true value over time and every
statement cited in the corpus (and whether the quantity is contradicted, i.e. two
sources disagree about the same day); each source's reliability; each outlet's
garble and relay rates; which outlet relays which wire; and for each document the
claims it prints. Deterministic for a given --seed and --docs. Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

FIRST_DAY = dt.date(2025, 1, 6)
ARTICLES = "articles"  # OUT_DIR/articles/ holds what to ingest; truth.json sits beside it

SYLLABLES = ["ka", "lo", "mir", "sen", "tav", "ber", "ol", "ri", "zan", "du", "pek", "gor", "vi",
             "shan", "tel", "mon", "ar", "qu", "es", "bra", "dor", "fel", "hu", "na", "sto", "lin",
             "ve", "ram", "cor", "dal", "ist", "mar", "nov", "ep", "tre", "sal", "vin", "bo"]
FIRST_NAMES = ["Ana", "Omar", "Li", "Maria", "David", "Fatima", "Ivan", "Grace", "Ahmed", "Elena",
               "Jonas", "Priya", "Samuel", "Aisha", "Pedro", "Mei", "Tomas", "Nadia", "Kwame",
               "Sofia", "Yusuf", "Hannah", "Ravi", "Lucia", "Mateo", "Irina", "Chen", "Amara",
               "Felix", "Leila", "Oscar", "Zainab", "Diego", "Ingrid", "Tariq", "Rosa"]
COUNTRIES = [  # (country, adjective) — the general demonym table, no story-specific names
    ("Albania", "Albanian"), ("Argentina", "Argentine"), ("Bangladesh", "Bangladeshi"),
    ("Bolivia", "Bolivian"), ("Brazil", "Brazilian"), ("Chile", "Chilean"),
    ("Colombia", "Colombian"), ("Ecuador", "Ecuadorian"), ("Egypt", "Egyptian"),
    ("Ethiopia", "Ethiopian"), ("Ghana", "Ghanaian"), ("Greece", "Greek"),
    ("Guatemala", "Guatemalan"), ("India", "Indian"), ("Indonesia", "Indonesian"),
    ("Italy", "Italian"), ("Kenya", "Kenyan"), ("Malaysia", "Malaysian"),
    ("Mexico", "Mexican"), ("Morocco", "Moroccan"), ("Mozambique", "Mozambican"),
    ("Nepal", "Nepali"), ("Nigeria", "Nigerian"), ("Pakistan", "Pakistani"), ("Peru", "Peruvian"),
    ("the Philippines", "Philippine"), ("Portugal", "Portuguese"), ("Romania", "Romanian"),
    ("Senegal", "Senegalese"), ("Spain", "Spanish"), ("Sri Lanka", "Sri Lankan"),
    ("Tanzania", "Tanzanian"), ("Thailand", "Thai"), ("Turkey", "Turkish"),
    ("Uganda", "Ugandan"), ("Vietnam", "Vietnamese"), ("Zambia", "Zambian"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SMALL_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
               "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
               "seventeen", "eighteen", "nineteen"]
TENS_WORDS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy",
              80: "eighty", 90: "ninety"}

# Original sources. {adj} {country} {town} {region} {person} are filled per event.
SOURCE_TEMPLATES = {
    "ministry": ["the {adj} health ministry", "the {adj} interior ministry",
                 "{country}'s civil protection agency", "the {adj} disaster management agency"],
    "local": ["police in {town}", "{region} Governor {person}",
              "Mayor {person} of {town}", "the {region} fire service",
              "hospital officials in {town}", "the {region} regional administration"],
    "protest": ["police in {town}", "the organisers", "the {adj} interior ministry"],
    "labour": ["the {town} workers' union", "the company", "the {adj} labour ministry"],
    "military": ["the {adj} defence ministry", "{country}'s military intelligence",
                 "a senior {adj} official", "the {adj} foreign ministry"],
}
GLOBAL_SOURCES = ["the Red Cross", "the World Health Organization", "the UN refugee agency",
                  "the International Organization for Migration", "UNICEF",
                  "Doctors Without Borders", "Amnesty International"]


@dataclass(frozen=True)
class QuantitySpec:
    key: str
    noun: str  # plural noun as printed
    past: str  # "{n} {noun} were killed"
    perfect: str  # "{n} {noun} had been killed"
    number_of: str  # "the number of {noun} killed"
    toll: bool = False  # a toll that only rises
    growth: float = 0.0  # max daily growth (0: the value is fixed)
    low: int = 5
    high: int = 500


def _q(key, noun, verb, **kw):
    return QuantitySpec(key, noun, "{n} {noun} were " + verb, "{n} {noun} had been " + verb,
                        "the number of {noun} " + verb, **kw)


KILLED = _q("killed", "people", "killed", toll=True, growth=0.5, low=3, high=400)
INJURED = _q("injured", "people", "injured", growth=0.4, low=10, high=900)
EVACUATED = _q("evacuated", "residents", "evacuated", growth=0.6, low=200, high=40000)
HOMES = _q("homes", "homes", "destroyed", growth=0.3, low=20, high=6000)
MISSING = QuantitySpec("missing", "people", "{n} {noun} were missing", "{n} {noun} were still missing",
                       "the number of {noun} missing", low=2, high=150)
ARRESTED = _q("arrested", "people", "arrested", growth=0.3, low=4, high=300)
RESCUED = _q("rescued", "migrants", "rescued", growth=0.2, low=10, high=600)
CASES = _q("cases", "cases", "confirmed", growth=0.3, low=20, high=5000)
OUTBREAK_DEATHS = _q("deaths", "people", "killed by the disease", toll=True, growth=0.2, low=2, high=120)
PROTESTERS = QuantitySpec("protesters", "protesters", "{n} {noun} took part in the march",
                          "{n} {noun} had joined the march", "the number of {noun}", low=2000, high=90000)
STRIKERS = QuantitySpec("strikers", "workers", "{n} {noun} walked off the job",
                        "{n} {noun} had joined the strike", "the number of striking {noun}",
                        low=300, high=30000)
TROOPS = _q("troops", "troops", "deployed", growth=0.15, low=500, high=12000)

EVENT_KINDS = {
    # kind: (noun in headlines, source families, quantities, lead, backgrounds)
    "earthquake": ("earthquake", ["ministry", "local"], [KILLED, INJURED, HOMES],
                   "A magnitude {mag} earthquake struck {place} on {weekday}",
                   ["Rescue teams worked through the night to reach people trapped under rubble.",
                    "Aftershocks continued to rattle the area, hampering the search."]),
    "flood": ("floods", ["ministry", "local"], [KILLED, EVACUATED, HOMES],
              "Heavy flooding swept through {place} after days of torrential rain",
              ["Roads and bridges were washed away, cutting off several villages.",
               "Forecasters warned that more rain was expected later in the week."]),
    "storm": ("storm", ["ministry", "local"], [KILLED, EVACUATED, HOMES],
              "A powerful storm battered {place} on {weekday}",
              ["Power lines were brought down across the region.",
               "Schools in the area were closed as a precaution."]),
    "wildfire": ("wildfire", ["local", "ministry"], [EVACUATED, HOMES, KILLED],
                 "A fast-moving wildfire tore through forests near {place}",
                 ["Strong winds pushed the flames towards residential areas.",
                  "Water-bombing aircraft were called in from neighbouring regions."]),
    "bus crash": ("bus crash", ["local"], [KILLED, INJURED],
                  "A passenger bus plunged off a mountain road near {place} on {weekday}",
                  ["The cause of the crash was under investigation.",
                   "The road has a history of serious accidents."]),
    "explosion": ("factory explosion", ["local", "ministry"], [KILLED, INJURED],
                  "An explosion ripped through a chemical plant in {place} on {weekday}",
                  ["Thick black smoke could be seen for miles.",
                   "Investigators were examining the site to establish the cause of the blast."]),
    "collapse": ("building collapse", ["local"], [KILLED, MISSING, INJURED],
                 "A residential building collapsed in {place} early on {weekday}",
                 ["Neighbours said cracks had appeared in the walls weeks earlier.",
                  "Heavy machinery was brought in to clear the debris."]),
    "landslide": ("landslide", ["local", "ministry"], [KILLED, MISSING, EVACUATED],
                  "A landslide buried homes in {place} after heavy rain",
                  ["Soldiers joined volunteers digging through the mud.",
                   "Geologists warned that the slope remained unstable."]),
    "shipwreck": ("shipwreck", ["local", "ministry"], [RESCUED, MISSING, KILLED],
                  "An overcrowded boat capsized off the coast of {place}",
                  ["The vessel had left port two days earlier.",
                   "Coastguard ships and fishing boats joined the search."]),
    "protest": ("protest", ["protest"], [PROTESTERS, ARRESTED],
                "Crowds marched through {place} on {weekday} to protest against rising prices",
                ["Demonstrators carried banners and chanted slogans outside government buildings.",
                 "The march was largely peaceful, although scuffles broke out in the evening."]),
    "strike": ("strike", ["labour"], [STRIKERS],
               "Workers at the largest employer in {place} began an open-ended strike",
               ["The union is demanding higher wages and safer working conditions.",
                "Talks between the two sides broke down on {weekday}."]),
    "outbreak": ("outbreak", ["ministry", "local"], [CASES, OUTBREAK_DEATHS],
                 "Health authorities declared an outbreak of cholera in {place}",
                 ["Clinics were set up to treat patients and distribute clean water.",
                  "Officials urged residents to boil drinking water."]),
    "deployment": ("deployment", ["military"], [TROOPS],
                   "{country} began moving troops towards {place}",
                   ["Satellite images showed convoys of armoured vehicles on the move.",
                    "Neighbouring governments called for restraint."]),
}
GLOBAL_FOR = {"flood", "earthquake", "storm", "landslide", "shipwreck", "outbreak"}

OUTLET_PATTERNS = ["The {town} {paper}", "{country} {medium}", "{town} {medium}",
                   "The {region} {paper}", "{word} News"]
PAPERS = ["Herald", "Times", "Gazette", "Courier", "Post", "Tribune", "Chronicle", "Observer",
          "Examiner", "Sentinel", "Standard", "Ledger"]
MEDIA = ["Today", "Daily", "Online", "Radio", "Broadcasting", "Live", "Express", "Digital"]
WIRE_PATTERNS = ["{word} Press Agency", "{word} News Agency", "{word} Wire", "{word} Press"]

NAV_BITS = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion", "Science",
            "Health", "Video", "Podcasts", "Weather", "Local", "Travel"]
SUBSCRIBE = ["Subscribe to our newsletter for the day's top stories.",
             "Sign up for breaking news alerts straight to your inbox.",
             "Support independent journalism: become a member today.",
             "Get unlimited access for just $1 a week. Subscribe now.",
             "Enjoying our coverage? Join our community of readers."]
SHARE = ["Share this article: Facebook Twitter WhatsApp Email", "Share | Tweet | Email | Print",
         "Share on Facebook Share on X Copy link", "SHARE: Facebook / Twitter / LinkedIn"]
SIDEBAR_HEADS = ["Related:", "Most read", "More stories", "You may also like", "Read more:"]


@dataclass
class Outlet:
    name: str
    wire: bool
    garble_rate: float
    relay_rate: float
    nav: str
    subscribe: str
    share: str
    byline_style: int
    sidebar_head: str
    authors: list[str]


@dataclass
class Source:
    name: str
    reliability: float
    bias: float  # multiplicative error when wrong: >1 inflates, <1 deflates, 0 random
    scope: str  # "global" or an event id
    person: str | None = None  # spokesperson quoted for the source


@dataclass
class Event:
    id: str
    kind: str
    country: str
    adj: str
    town: str
    region: str
    start: dt.date
    days: int
    quantities: list[QuantitySpec]
    truth: dict[str, list[int]]  # key -> value at the end of each day
    forecast: dict[str, tuple[int, str]]  # key -> (value, month)
    sources: list[Source]
    reports: dict[str, list[str]]  # source name -> quantity keys it reports
    quotes: dict[str, str]  # source name -> a quote
    mag: str
    statements: dict[tuple[str, str, int], tuple[int, int | None, int | None, bool]] = field(default_factory=dict)
    headline: str = ""


def _name(rng: random.Random, lo: int = 2, hi: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(lo, hi))).capitalize()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {_name(rng, 2, 3)}"


def spell_number(n: int) -> str:
    """Words for the numbers newsrooms spell out (under 100, round hundreds and thousands)."""
    if n < 20:
        return SMALL_WORDS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return TENS_WORDS[tens * 10] + (f"-{SMALL_WORDS[units]}" if units else "")
    if n < 1000 and n % 100 == 0:
        return f"{SMALL_WORDS[n // 100]} hundred"
    if n < 20000 and n % 1000 == 0:
        return f"{spell_number(n // 1000)} thousand"
    raise ValueError(n)


def format_number(n: int, rng: random.Random) -> str:
    try:
        words = spell_number(n)
    except ValueError:
        words = None
    if words and (n < 10 or rng.random() < 0.3):
        return words
    return f"{n:,}"


def _round_like_a_source(v: float, rng: random.Random) -> int:
    """Sources round big figures: 12,347 becomes 12,000 or 12,300."""
    v = max(1, int(round(v)))
    if v >= 1000 and rng.random() < 0.6:
        step = 1000 if v >= 10000 else 100
        return max(step, int(round(v / step)) * step)
    if v >= 100 and rng.random() < 0.4:
        return max(10, int(round(v / 10)) * 10)
    return v


class World:
    """Everything behind a corpus; built from one random generator in a fixed order."""

    def __init__(self, seed: int, docs: int):
        self.seed = seed
        self.rng = random.Random(f"synthetic:{seed}")
        self.docs = docs
        rng = self.rng
        self.global_sources = [Source(name, round(rng.uniform(0.75, 0.97), 2), 0.0, "global",
                                      _person(rng)) for name in GLOBAL_SOURCES]
        self.outlets = self._outlets(max(40, min(400, docs // 20)), rng)
        self.wires = [o for o in self.outlets if o.wire]
        self.events: list[Event] = []
        coverage: list[int] = []
        while sum(coverage) < docs:
            self.events.append(self._event(len(self.events), rng))
            coverage.append(5 + int(35 * rng.random() ** 2))
        coverage[-1] -= sum(coverage) - docs
        if coverage[-1] <= 0:  # a tiny corpus: give the remainder to the last event kept
            coverage.pop()
            self.events.pop()
        self.coverage = coverage

    def _outlets(self, n: int, rng: random.Random) -> list[Outlet]:
        names: dict[str, None] = {}
        n_wires = max(3, n // 40)
        wires: dict[str, None] = {}
        while len(wires) < n_wires:
            wires[rng.choice(WIRE_PATTERNS).format(word=_name(rng, 2, 3))] = None
        while len(names) < n - n_wires:
            country, _ = rng.choice(COUNTRIES)
            name = rng.choice(OUTLET_PATTERNS).format(
                town=_name(rng), region=_name(rng), paper=rng.choice(PAPERS), country=country,
                medium=rng.choice(MEDIA), word=_name(rng, 2, 2))
            if name not in wires:
                names[name] = None
        outlets = []
        for name in list(wires) + list(names):
            wire = name in wires
            nav = " | ".join(rng.sample(NAV_BITS, rng.randint(4, 7)))
            outlets.append(Outlet(
                name=name, wire=wire,
                garble_rate=round(rng.choice([0.0, 0.0, 0.01, 0.03, 0.08]), 2),
                relay_rate=0.0 if wire else round(rng.choice([0.0, 0.1, 0.3, 0.6]), 2),
                nav=nav, subscribe=rng.choice(SUBSCRIBE), share=rng.choice(SHARE),
                byline_style=rng.randint(0, 2), sidebar_head=rng.choice(SIDEBAR_HEADS),
                authors=[_person(rng) for _ in range(rng.randint(2, 6))]))
        return outlets

    def _event(self, index: int, rng: random.Random) -> Event:
        kind = rng.choice(sorted(EVENT_KINDS))
        _, families, quantities, _, _ = EVENT_KINDS[kind]
        country, adj = rng.choice(COUNTRIES)
        town, region = _name(rng), _name(rng)
        start = FIRST_DAY + dt.timedelta(days=rng.randint(0, 360))
        days = rng.randint(1, 6)
        event_id = f"e{index:04d}"
        truth: dict[str, list[int]] = {}
        for spec in quantities:
            value = rng.randint(spec.low, spec.high)
            series = []
            for _ in range(days + 2):
                series.append(value)
                if spec.growth:
                    value = int(value * (1 + rng.uniform(0, spec.growth))) + (1 if spec.toll else 0)
            truth[spec.key] = series
        forecast = {}
        if kind == "deployment":
            last = truth["troops"][-1]
            month = MONTHS[(start.month + rng.randint(1, 3) - 1) % 12]
            forecast["troops"] = (_round_like_a_source(last * rng.uniform(1.5, 3.0), rng), month)
        fill = dict(adj=adj, country=country, town=town, region=region)
        templates = [t for fam in families for t in SOURCE_TEMPLATES[fam]]
        chosen = rng.sample(templates, min(len(templates), rng.randint(2, 4)))
        sources = []
        for template in chosen:
            person = _person(rng)
            name = template.format(person=person, **fill)
            if "{person}" in template:
                person = None  # the source is the person: quoted by name alone
            bias = 0.0
            reliability = round(rng.uniform(0.6, 0.98), 2)
            if template in ("the organisers", "the {town} workers' union"):
                reliability, bias = round(rng.uniform(0.1, 0.4), 2), round(rng.uniform(1.5, 3.0), 2)
            elif template == "the company":
                reliability, bias = round(rng.uniform(0.2, 0.5), 2), round(rng.uniform(0.4, 0.7), 2)
            sources.append(Source(name, reliability, bias, event_id, person))
        if kind in GLOBAL_FOR and rng.random() < 0.5:
            sources.append(rng.choice(self.global_sources))
        reports = {}
        for source in sources:
            keys = [q.key for q in quantities if rng.random() < 0.7] or [quantities[0].key]
            reports[source.name] = keys
        quotes = {s.name: self._quote(kind, town, rng) for s in sources}
        event = Event(event_id, kind, country, adj, town, region, start, days, list(quantities),
                      truth, forecast, sources, reports, quotes, f"{rng.uniform(5.2, 7.9):.1f}")
        event.headline = self._plain_headline(event, rng)
        return event

    @staticmethod
    def _quote(kind: str, town: str, rng: random.Random) -> str:
        openers = ["We are doing everything we can", "Our priority is to help the families",
                   "The situation remains very difficult", "We will not stop until the work is done",
                   "This is a tragedy for the whole country", "We have asked for more support"]
        middles = [f"to help the people of {town}", "and we ask everyone to stay calm",
                   "and more help is on the way", "but the coming days will be hard",
                   f"after what happened in {town}", "and we will learn the lessons"]
        return f"{rng.choice(openers)} {rng.choice(middles)}"

    @staticmethod
    def _plain_headline(event: Event, rng: random.Random) -> str:
        noun = EVENT_KINDS[event.kind][0]
        return rng.choice([
            f"{noun.capitalize()} hits {event.town} in {event.country}",
            f"What we know about the {event.town} {noun}",
            f"{event.country}: {noun} in {event.region} region",
            f"Authorities respond to {noun} in {event.town}",
        ])

    def statement(self, event: Event, source: Source, key: str, day: int
                  ) -> tuple[int, int | None, int | None, bool]:
        """What `source` says about `key` on `day`: (value, low, high, correct). One answer
        per (source, quantity, day), whoever cites it."""
        slot = (source.name, key, day)
        if slot not in event.statements:
            rng = random.Random(f"{self.seed}:{event.id}:{source.name}:{key}:{day}")
            true = event.truth[key][day]
            if rng.random() < source.reliability:
                value, correct = true, True
            else:
                correct = False
                if source.bias:
                    value = true * source.bias * rng.uniform(0.9, 1.1)
                elif day > 0 and event.truth[key][day - 1] != true and rng.random() < 0.4:
                    value = event.truth[key][day - 1]  # stale
                else:
                    value = true * rng.choice([rng.uniform(0.4, 0.8), rng.uniform(1.25, 2.0)])
                value = _round_like_a_source(value, rng)
                if value == true:
                    value = true + max(1, true // 5)
            low = high = None
            if value >= 30 and rng.random() < 0.12:
                low = _round_like_a_source(value * 0.8, rng)
                high = _round_like_a_source(value * 1.2, rng)
                if not low < high:
                    low, high = None, None
            event.statements[slot] = (value, low, high, correct)
        return event.statements[slot]


def _date_text(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def _qualifier(spec: QuantitySpec, rng: random.Random, value: int) -> str:
    if spec.toll:
        return rng.choice(["at least ", "at least ", "", "more than "])
    if value >= 100 and value % 100 == 0:  # only round figures are "about" anything
        return rng.choice(["about ", "some ", "around ", "", "more than ", "nearly "])
    return rng.choice(["", "", "more than ", "at least "])


def claim_sentence(spec: QuantitySpec, source: str, number: str, when: str, rng: random.Random,
                   qualifier: str, between: tuple[str, str] | None = None) -> str:
    """One attributed numeric claim in one of many phrasings."""
    if between:
        n = f"between {between[0]} and {between[1]}"
        return rng.choice([
            f"{_capital(source)} said {spec.past.format(n=n, noun=spec.noun)}{when}.",
            f"According to {source}, {spec.past.format(n=n, noun=spec.noun)}{when}.",
            f"{_capital(source)} estimated that {spec.perfect.format(n=n, noun=spec.noun)}{when}.",
        ])
    n = qualifier + number
    choices = [
        f"{_capital(source)} said {spec.past.format(n=n, noun=spec.noun)}{when}.",
        f"According to {source}, {spec.past.format(n=n, noun=spec.noun)}{when}.",
        f"{_capital(source)} told reporters that {spec.perfect.format(n=n, noun=spec.noun)}{when}.",
        f"{_capital(source)} put {spec.number_of.format(noun=spec.noun)} at "
        f"{number if qualifier.startswith('at ') else n}{when}.",
        f"{spec.past.format(n=n, noun=spec.noun)}{when}, according to {source}.",
    ]
    if qualifier:  # a sentence may open with "At least 40 ..." but not with bare digits
        choices.append(f"{_capital(spec.past.format(n=n, noun=spec.noun))}{when}, {source} said.")
    if spec.toll:
        choices.append(f"The death toll rose to {n}{when}, {source} said.")
    return rng.choice(choices)


def _garble(value: int, rng: random.Random) -> int:
    digits = str(value)
    if len(digits) >= 2 and rng.random() < 0.5:
        i = rng.randrange(len(digits) - 1)
        swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]
        if swapped != digits and not swapped.startswith("0"):
            return int(swapped)
    return value * 10 if rng.random() < 0.5 else max(1, value // 10) if value >= 10 else value + 1


@dataclass
class Article:
    file: str
    outlet: Outlet
    event: Event
    published: dt.date
    title: str
    author: str | None
    lines: list[str]
    claims: list[dict]
    copied_from: str | None = None
    relays: str | None = None


def _write_original(world: World, event: Event, outlet: Outlet, day: int, rng: random.Random,
                    file: str) -> tuple[str, list[str], list[dict]]:
    """Headline, lead and body of an article written from the sources."""
    date = event.start + dt.timedelta(days=day)
    place = rng.choice([f"{event.town}, in {event.country}'s {event.region} region",
                        f"the {event.region} region of {event.country}", f"{event.town}, {event.country}"])
    lead_template = EVENT_KINDS[event.kind][3]
    lead = lead_template.format(place=place, weekday=WEEKDAYS[event.start.weekday()],
                                mag=event.mag, country=event.country)
    body: list[str] = []
    claims: list[dict] = []
    keys = [q.key for q in event.quantities]
    specs = {q.key: q for q in event.quantities}
    cited: list[tuple[Source, str]] = []
    for source in event.sources:
        for key in event.reports[source.name]:
            cited.append((source, key))
    rng.shuffle(cited)
    cited = cited[:rng.randint(1, min(4, len(cited)))]
    cited.sort(key=lambda c: keys.index(c[1]))
    headline_value = None
    for source, key in cited:
        spec = specs[key]
        as_of = day if rng.random() < 0.8 or day == 0 else day - 1
        value, low, high, correct = world.statement(event, source, key, as_of)
        printed, garbled = value, False
        if rng.random() < outlet.garble_rate:
            printed, garbled = _garble(value, rng), True
        as_of_date = event.start + dt.timedelta(days=as_of)
        when = rng.choice([f" on {WEEKDAYS[as_of_date.weekday()]}", f" as of {_date_text(as_of_date)}",
                           "", f" on {_date_text(as_of_date)}"])
        if low is not None and not garbled:
            text = claim_sentence(spec, source.name, "", when, rng, "",
                                  (format_number(low, rng), format_number(high, rng)))
        else:
            qualifier = _qualifier(spec, rng, printed)
            text = claim_sentence(spec, source.name, format_number(printed, rng), when, rng, qualifier)
        body.append(text)
        claims.append({"quantity": key, "source": source.name, "as_of": as_of_date.isoformat(),
                       "value": value, "low": low, "high": high, "printed": printed,
                       "garbled": garbled, "correct": correct, "kind": "report", "sentence": text})
        if headline_value is None and low is None:
            headline_value = (spec, printed)
    for key, (value, month) in event.forecast.items():
        if rng.random() < 0.5:
            source = event.sources[0]
            text = (f"{_capital(source.name)} said {event.country} planned to send up to "
                    f"{format_number(value, rng)} {specs[key].noun} by {month}.")
            body.append(text)
            claims.append({"quantity": key, "source": source.name, "as_of": month, "value": value,
                           "low": None, "high": None, "printed": value, "garbled": False,
                           "correct": True, "kind": "forecast", "sentence": text})
    quoted = [s for s in event.sources if rng.random() < 0.5]
    for source in quoted[:2]:
        quote = event.quotes[source.name]
        if source.person is None:
            forms = [f"“{quote},” said {source.name}.", f"“{quote},” {source.name} told reporters.",
                     f"{source.name} said: “{quote}.”"]
        else:
            forms = [f"“{quote},” said {source.person}, speaking for {source.name}.",
                     f"“{quote},” {source.person} told reporters.",
                     f"{source.person}, speaking for {source.name}, said: “{quote}.”"]
        body.insert(rng.randint(0, len(body)), rng.choice(forms))
    background = [b.format(weekday=WEEKDAYS[date.weekday()]) for b in EVENT_KINDS[event.kind][4]]
    body.insert(rng.randint(1, len(body)), rng.choice(background))
    if rng.random() < 0.5:
        body.append(rng.choice(background))
    noun = EVENT_KINDS[event.kind][0]
    if headline_value and rng.random() < 0.7:
        spec, value = headline_value
        n = f"{value:,}"
        if spec.key in ("killed", "deaths"):
            headline = rng.choice([f"{n} killed as {noun} hits {event.town}",
                                   f"{_capital(noun)} in {event.town}: death toll rises to {n}",
                                   f"{event.town} {noun} leaves {n} dead"])
        else:
            headline = f"{_capital(noun)} in {event.town}: {spec.past.format(n=n, noun=spec.noun)}"
    else:
        headline = rng.choice([event.headline, f"{_capital(noun)} in {event.town}: latest updates",
                               f"{event.country} reels after {noun} in {event.region}"])
    return headline, [lead + "."] + body, claims


def build_corpus(seed: int, docs: int) -> tuple[World, list[Article]]:
    """The world and its articles, in publication order within each event."""
    world = World(seed, docs)
    articles: list[Article] = []
    number = 0
    for event, n in zip(world.events, world.coverage):
        rng = random.Random(f"{seed}:articles:{event.id}")
        days = sorted(rng.randint(0, event.days + 1) for _ in range(n))
        wire_articles: list[Article] = []
        for i, day in enumerate(days):
            if i < len(days) // 4 + 1 and rng.random() < 0.5:
                outlet = rng.choice(world.wires)
            else:
                outlet = rng.choice(world.outlets)
            file = f"{number:05d}_{event.id}.txt"
            number += 1
            published = event.start + dt.timedelta(days=day)
            author = rng.choice(outlet.authors) if rng.random() < 0.8 else None
            if (wire_articles and not outlet.wire and rng.random() < outlet.relay_rate):
                original = rng.choice(wire_articles)
                kept = original.lines[:max(2, len(original.lines) - rng.randint(0, 2))]
                credit = rng.choice([f"({original.outlet.name})",
                                     f"This story was first published by {original.outlet.name}.",
                                     f"Reporting by {original.outlet.name}."])
                articles.append(Article(file, outlet, event, published, original.title, author,
                                        kept + [credit], [dict(c, relayed=True) for c in original.claims
                                                          if _printed_in(c, kept)],
                                        copied_from=original.file, relays=original.outlet.name))
                continue
            title, lines, claims = _write_original(world, event, outlet, day, rng, file)
            article = Article(file, outlet, event, published, title, author, lines, claims)
            articles.append(article)
            if outlet.wire:
                wire_articles.append(article)
    return world, articles


def _printed_in(claim: dict, lines: list[str]) -> bool:
    return claim["sentence"] in lines


def render(article: Article, world: World, rng: random.Random) -> str:
    """The page as scraped: furniture, headline, story, sidebar, furniture."""
    outlet = article.outlet
    out = [outlet.nav, article.title]
    if article.author:
        byline = [f"By {article.author}", f"By {article.author}, {outlet.name}",
                  f"{article.author} | {outlet.name}"][outlet.byline_style]
        out.append(byline)
    out.append(f"Published {_date_text(article.published)}, {article.published.year}")
    out.extend(article.lines)
    out.append(outlet.share)
    others = [e for e in rng.sample(world.events, min(len(world.events), 5)) if e is not article.event]
    if others:
        out.append(outlet.sidebar_head)
        out.extend(f"- {e.headline}" for e in others[:rng.randint(2, 4)])
    out.append(outlet.subscribe)
    out.append(f"© {article.published.year} {outlet.name}. All rights reserved.")
    return "\n".join(out) + "\n"


def truth_of(world: World, articles: list[Article], fmt: str) -> dict:
    events = []
    docs_by_event: dict[str, list[str]] = {}
    for a in articles:
        docs_by_event.setdefault(a.event.id, []).append(a.file)
    cited: dict[tuple[str, str, str], dict] = {}
    for a in articles:
        for c in a.claims:
            if c["kind"] == "report":
                cited[(a.event.id, c["quantity"], c["source"], c["as_of"])] = c
    for event in world.events:
        quantities = []
        for spec in event.quantities:
            statements = sorted(
                ({"source": s, "as_of": d, "value": c["value"], "low": c["low"], "high": c["high"],
                  "correct": c["correct"]}
                 for (e, k, s, d), c in cited.items() if e == event.id and k == spec.key),
                key=lambda s: (s["as_of"], s["source"]))
            by_day: dict[str, set] = {}
            for s in statements:
                by_day.setdefault(s["as_of"], set()).add((s["value"], s["low"], s["high"]))
            contradicted = sorted(d for d, values in by_day.items() if len(values) > 1)
            quantities.append({
                "key": spec.key, "noun": spec.noun,
                "truth": [{"date": (event.start + dt.timedelta(days=i)).isoformat(), "value": v}
                          for i, v in enumerate(event.truth[spec.key])],
                "forecast": ({"value": event.forecast[spec.key][0], "by": event.forecast[spec.key][1]}
                             if spec.key in event.forecast else None),
                "statements": statements,
                "contradicted_dates": contradicted,
                "contradicted": bool(contradicted),
            })
        events.append({
            "id": event.id, "kind": event.kind, "country": event.country, "town": event.town,
            "region": event.region, "start": event.start.isoformat(),
            "end": (event.start + dt.timedelta(days=event.days + 1)).isoformat(),
            "headline": event.headline,
            "sources": [{"name": s.name, "reliability": s.reliability, "bias": s.bias,
                         "scope": s.scope, "reports": event.reports[s.name]} for s in event.sources],
            "quantities": quantities,
            "documents": docs_by_event.get(event.id, []),
        })
    relays: dict[str, list[str]] = {}
    for a in articles:
        if a.relays:
            relays.setdefault(a.outlet.name, [])
            if a.relays not in relays[a.outlet.name]:
                relays[a.outlet.name].append(a.relays)
    sources = {s.name: {"reliability": s.reliability, "scope": "global"} for s in world.global_sources}
    for event in world.events:
        for s in event.sources:
            if s.scope != "global":
                sources[f"{s.name} ({event.id})"] = {"reliability": s.reliability, "scope": event.id}
    return {
        "generator": "benchmarks/synthetic.py", "seed": world.seed, "docs": len(articles),
        "format": fmt,
        "outlets": [{"name": o.name, "wire": o.wire, "garble_rate": o.garble_rate,
                     "relay_rate": o.relay_rate} for o in world.outlets],
        "relays": {k: sorted(v) for k, v in sorted(relays.items())},
        "sources": sources,
        "events": events,
        "documents": [{"file": a.file, "outlet": a.outlet.name, "event": a.event.id,
                       "published": a.published.isoformat(), "copied_from": a.copied_from,
                       "relays": a.relays, "claims": a.claims} for a in articles],
    }


def generate(out_dir: str | Path, docs: int, seed: int = 1, fmt: str = "txt") -> dict:
    """Write a corpus of `docs` articles and truth.json into `out_dir`; return the truth."""
    if docs < 1:
        raise ValueError("docs must be at least 1")
    if fmt not in ("txt", "jsonl"):
        raise ValueError("format must be txt or jsonl")
    root = Path(out_dir)
    out = root / ARTICLES
    out.mkdir(parents=True, exist_ok=True)
    world, articles = build_corpus(seed, docs)
    manifest = []
    records = []
    for article in articles:
        text = render(article, world, random.Random(f"{seed}:page:{article.file}"))
        meta = {"outlet": article.outlet.name, "title": article.title,
                "published": article.published.isoformat(), "author": article.author,
                "url": f"https://{_domain(article.outlet.name)}/{article.published:%Y/%m/%d}/{article.file[:-4]}"}
        if fmt == "txt":
            (out / article.file).write_text(text, encoding="utf-8")
            manifest.append({"file": article.file, **meta})
        else:
            records.append({"text": text, "path": article.file, **meta})
    if fmt == "txt":
        (out / "manifest.json").write_text(json.dumps({"documents": manifest}, indent=1), encoding="utf-8")
    else:
        with (out / "articles.jsonl").open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    truth = truth_of(world, articles, fmt)
    (root / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8")
    return truth


def _domain(outlet: str) -> str:
    return "".join(ch for ch in outlet.lower() if ch.isalnum()) + ".example"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    args = parser.parse_args(argv)
    truth = generate(args.out_dir, args.docs, args.seed, args.format)
    n_contradicted = sum(q["contradicted"] for e in truth["events"] for q in e["quantities"])
    n_quantities = sum(len(e["quantities"]) for e in truth["events"])
    print(f"{truth['docs']} documents, {len(truth['events'])} events, {len(truth['outlets'])} outlets, "
          f"{n_contradicted}/{n_quantities} quantities contradicted -> {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
