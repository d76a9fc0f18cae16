"""Claims: the check-worthy units of story sentences, with exact offsets.

Each STORY or TITLE sentence gives zero or more claims: one per counted quantity
(numeric), one per quoted sentence (quote) and one per clause reporting an act
such as confirming, denying, condemning, sending or supplying (event). A claim's
span is the clause or phrase that carries it, so outlets that repeat a fact cite
comparable spans. This module assembles a sentence's claims, dates them and scores
how check-worthy they are; the parts come from their own modules: clause and quote
spans (clauses), acts (acts), who acts (actors), places (places), who says it
(speakers), how it is put (modality), and quantities, dates and attribution.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .acts import PREDICATES, RECORD_ACTS, STEM_RE, act_of, finite_act, predicate_of
from .actors import IT_ACTS, actor_of, doer_of, is_doer
from .attribution import PRONOUNS, Attribution, clean_source, find_attributions
from .clauses import (
    CONNECTOR,
    DATE_BOUNDARY,
    GAPPED_SOURCE,
    Quote,
    clause_of,
    find_quotes,
    is_heading,
    quoted_sentences,
    split_clauses,
    split_statement,
    trim,
)
from .dates import DAY, SAME_DAY, YEAR, DateMention, find_dates
from .models import EVENT, NUMERIC, QUOTE, STORY, TITLE, Claim, Document, Sentence, content_id
from .modality import modality_of, without_dates
from .places import entities_of, subject_of
from .quantities import VAGUE, Quantity, find_quantities
from .bodies import issuer_of, learn_acronyms, learn_data_authors, learn_kinds
from .speakers import Context, pick_attribution, quote_speaker, resolve_source

_WORD_RE = re.compile(r"[a-z]+")
_RELATIVE_OPENING = re.compile(r"(?:which|who)\s")
_ANTECEDENT_NP = re.compile(r"[\s\-–•*]*(?P<np>[^,;:“”\"]{2,80}?)\s*,\s*")
_MIN_QUOTE_WORDS = 4


def extract_claims(document: Document, sentences: Sequence[Sentence],
                   acronyms: Mapping[str, str] | None = None,
                   kinds: Mapping[str, frozenset[str]] | None = None) -> list[Claim]:
    """Claims of a document's STORY and TITLE sentences, sorted by (start, end, kind).

    `sentences` are all the document's sentences in order; neighbours give context
    (a speaker named before "he said", the quote a sentence continues). `acronyms`
    are what other documents of the corpus spell out; the document's own come first.
    `kinds` are what kind of body the corpus says each name is (see
    `bodies.corpus_kinds`), for descriptions like "the opposition".
    """
    text = document.text
    quotes = find_quotes(text)
    ctx = Context(outlet=document.outlet, acronyms={**(acronyms or {}), **learn_acronyms(text)})
    ctx.issuer = issuer_of(text)
    ctx.data_authors = learn_data_authors(text)
    own = learn_kinds(text)
    ctx.kinds = {**(kinds or {}), **{n: k | (kinds or {}).get(n, frozenset()) for n, k in own.items()}}
    ctx.learn_bodies("", text)
    claims: dict[str, Claim] = {}
    quote_speakers: dict[int, tuple[str | None, str | None]] = {}
    previous: Sentence | None = None
    for sentence in sentences:
        if sentence.flag not in (STORY, TITLE):
            previous = sentence
            continue
        for claim in _sentence_claims(document, sentence, previous, quotes, quote_speakers, ctx):
            claims[claim.id] = claim
        previous = sentence
    return sorted(claims.values(), key=lambda c: (c.start, c.end, c.kind, c.id))


def parse_statement(text: str, published: str | None = None) -> list[Claim]:
    """Claims of one free-standing statement (a fact-checker's sentence).

    Offsets are into `text`; document_id is "" and nothing is attributed to an outlet.
    """
    document = Document(id="", path="", text=text, published=published)
    sentences = [
        Sentence(id=content_id("", s, e), document_id="", index=i, start=s, end=e, text=text[s:e])
        for i, (s, e) in enumerate(split_statement(text))
    ]
    return extract_claims(document, sentences)


def _sentence_claims(document: Document, sentence: Sentence, previous: Sentence | None,
                     quotes: Sequence[Quote], quote_speakers: dict[int, tuple[str | None, str | None]],
                     ctx: Context) -> list[Claim]:
    text = document.text
    s_text = sentence.text
    base = sentence.start
    published = document.published
    # The sentence's lower-case words, once, for the date, number and attribution finders.
    low = s_text.lower()
    words = set(_WORD_RE.findall(low))
    dates = find_dates(s_text, published, words)
    if ctx.line != sentence.line:
        ctx.line, ctx.last_counted, ctx.line_source = sentence.line, None, None
    if dates:
        dates = [_same_day(d, ctx) for d in dates]
        resolved = [d for d in dates if d.iso and d.precision == DAY]
        if resolved:
            ctx.last_date = resolved[-1]
    if ", the " in s_text or ", a" in s_text:
        ctx.learn_aliases(s_text)
    ctx.learn_roles(s_text)
    ctx.learn_bodies(s_text)
    atts_all = find_attributions(s_text, words)
    in_quotes = [q for q in quotes if q.start < sentence.end and sentence.start < q.end]
    # Attributions inside quoted words belong to the quote's speaker, not the sentence.
    atts = [a for a in atts_all if not any(q.start <= base + a.start < q.end for q in in_quotes)]
    out: list[Claim] = []

    def quote_of(start: int, end: int) -> Quote | None:
        for q in in_quotes:
            if q.start <= base + start and base + end <= q.end:
                return q
        return None

    def speaker_of(q: Quote) -> tuple[str | None, str | None]:
        if q.open not in quote_speakers:
            quote_speakers[q.open] = quote_speaker(document, q, previous, ctx, quotes,
                                                   quote_speakers)
        return quote_speakers[q.open]

    def make(kind: str, start: int, end: int, *, quantity: Quantity | None = None,
             predicate: str | None = None, subject: str | None = None,
             gapped: str | None = None, date_scope: tuple[int, int] | None = None,
             denied: bool = False, speaker: str | None = None) -> Claim:
        span = s_text[start:end]
        anchor = (quantity.start, quantity.end) if quantity is not None else None
        q = quote_of(start, end) if kind != QUOTE else None
        if kind == QUOTE:
            qq = next(x for x in in_quotes if x.start <= base + start < x.end)
            source, relay = speaker_of(qq)
            att = None
        elif q is not None:
            source, relay = speaker_of(q)
            att = None
        elif speaker is not None:  # "the operator's claim that ...": the operator's
            source, relay, att = ctx.full_name(speaker), None, None
        else:
            att = pick_attribution(atts, start, end, anchor, s_text)
            source, relay = resolve_source(att, s_text, ctx)
            if gapped and att is not None and att.position == "lead" and att.end <= start:
                source, relay = ctx.full_name(gapped), None  # "... and Austria five"
            if source is None and kind == EVENT and predicate not in RECORD_ACTS:
                act = next((p.search(span) for name, p in PREDICATES if name == predicate), None)
                actor = doer_of(s_text, start, start + act.end()) if act else None
                actor = actor or actor_of(span, predicate) or ctx.role_subject(span)
                if actor is None and _RELATIVE_OPENING.match(span):
                    # "The opposition Civic Alliance, which urged ..., called the exit poll":
                    # the relative clause's antecedent is who acts.
                    before = _ANTECEDENT_NP.fullmatch(s_text, 0, start)
                    actor = is_doer(before.group("np")) if before else None
                if actor and actor.lower() in PRONOUNS:
                    # "It rejected opposition claims ...": whoever the document last named.
                    actor = (ctx.last_person if actor.lower() in ("he", "she") else None) or \
                        ctx.last_source
                source = ctx.full_name(actor) if actor else None
            elif source is None and quantity is not None:
                actor = doer_of(s_text, start, quantity.number_start)
                if actor is None and IT_ACTS.match(s_text, start) and ctx.last_source:
                    actor = ctx.last_source  # "It also cut its forecast ...": who acted before
                source = ctx.full_name(actor) if actor else None
        if source is None and quantity is not None and ctx.line_source:
            # "Turnout was 52.3%, the commission said. Invalid ballots accounted for
            # 1.9%.": a paragraph goes on reporting its source's figures.
            source = ctx.line_source
        named = source is not None
        if source is None:
            # A reposted release or wire story speaks for whoever its header names.
            source = ctx.issuer or document.outlet
        if relay and source and not source.startswith(relay):
            source = f"{relay}, citing {source}"
        scope = date_scope or (start, end)
        statement = att.start if att is not None and att.position == "trail" else None
        if quantity is not None:
            date = _count_date(dates, s_text, scope, anchor, statement, quantity.counted,
                               published)
        else:
            date = _nearest_date(dates, *scope, anchor, statement)
        entities = entities_of(span)
        modality = modality_of(without_dates(span, start, dates), att, predicate, date,
                               (anchor[0] - start, anchor[1] - start) if anchor else None)
        if denied:
            modality = "denied"
        value = quantity.value if quantity is not None else None
        score, features = _worthiness(kind, quantity, named, att, date, entities, predicate, modality)
        doc_start, doc_end = base + start, base + end
        return Claim(
            id=content_id(document.id, doc_start, doc_end, kind, value),
            document_id=document.id, sentence_id=sentence.id, start=doc_start, end=doc_end,
            text=text[doc_start:doc_end], kind=kind, value=value,
            low=quantity.low if quantity else None, high=quantity.high if quantity else None,
            qualifier=quantity.qualifier if quantity else None,
            counted=quantity.counted if quantity else None, subject=subject,
            attributed_to=source, relay=relay,
            as_of=date.iso if date else None, as_of_precision=date.precision if date else None,
            modality=modality, predicate=predicate, entities=entities,
            check_worthiness=score,
            features=features + ((f"noun:{quantity.noun}",) if quantity and quantity.noun else ()),
        )

    # Numeric claims: one per quantity, spanning its clause.
    quantities = find_quantities(s_text, date_spans=[(d.start, d.end) for d in dates],
                                 low=low, words=words)
    numeric_clauses: list[tuple[int, int]] = []
    last_counted: str | None = None
    for qty in quantities:
        cs, ce = clause_of(s_text, qty.start, qty.end)
        # A trailing "..., an official said" is who says it, not part of what is said.
        cut = min((a.start for a in atts if a.position == "trail" and qty.end <= a.start < ce),
                  default=None)
        if cut is not None:
            cs, ce = trim(s_text, cs, cut)
        if qty.counted is None and last_counted and qty.qualifier != VAGUE:
            qty = _with_counted(qty, last_counted)
        elif qty.noun is None and last_counted and qty.counted == "people" and \
                qty.qualifier == VAGUE:
            qty = _with_counted(qty, last_counted)  # "2.5 million votes ..., several hundred arrived"
        elif qty.counted is None and ctx.last_counted and re.search(
                r"\banother\s+$", s_text[max(0, qty.start - 10):qty.start], re.IGNORECASE):
            qty = _with_counted(qty, ctx.last_counted)  # "She said another 10,000 would be ..."
        last_counted = qty.counted or last_counted
        if qty.counted:
            ctx.last_counted = qty.counted
        numeric_clauses.append((cs, ce))
        subject = subject_of(s_text, qty.start, qty.end, cs, ce, qty.noun)
        gap = GAPPED_SOURCE.fullmatch(s_text, cs, qty.start) if cs < qty.start else None
        gapped = clean_source(gap.group("np")) if gap and cs > 0 else None
        act, denied = act_of(s_text[cs:ce])
        out.append(make(NUMERIC, cs, ce, quantity=qty, predicate=act, denied=denied,
                        subject=subject, gapped=gapped,
                        date_scope=clause_of(s_text, qty.start, qty.end, DATE_BOUNDARY, False)))

    # Quote claims: one per quoted sentence of at least a few words.
    for q in in_quotes:
        qs, qe = max(q.start, sentence.start) - base, min(q.end, sentence.end) - base
        for ps, pe in quoted_sentences(s_text, qs, qe):
            if len(re.findall(r"[\w’'-]+", s_text[ps:pe])) < _MIN_QUOTE_WORDS:
                continue
            out.append(make(QUOTE, ps, pe, predicate=predicate_of(s_text[ps:pe])))

    # Event claims: clauses reporting an act, outside quotes and numeric clauses.
    for cs, ce in split_clauses(s_text) if STEM_RE.search(s_text.lower()) else ():
        cs, ce = trim(s_text, cs, ce)
        connector = CONNECTOR.match(s_text, cs)
        if connector and connector.end() < ce:
            cs = connector.end()
        if ce - cs < 12:
            continue
        if any(not (ne <= cs or ce <= ns) for ns, ne in numeric_clauses):
            continue
        quoted = [q for q in in_quotes if q.start < base + ce and base + cs < q.end]
        if quoted:
            # Only the part before the opening mark can be an event ("X confirmed that “...");
            # a few quoted words inside a clause are part of it ('the vote was "efficiently
            # administered"'), unless the clause opens inside them.
            long_quotes = [q for q in quoted if _quote_words(s_text, q, base) >= _MIN_QUOTE_WORDS
                           or q.open <= base + cs]
            first = min((q.open for q in long_quotes), default=base + ce)
            if first - base <= cs:
                continue
            ce = _STATEMENT_TAIL.search(s_text, cs, first - base).start()
            cs, ce = trim(s_text, cs, ce)
            if ce - cs < 12:
                continue
        predicate, denied = act_of(s_text[cs:ce])
        if predicate is None or (is_heading(s_text) and not finite_act(s_text[cs:ce], predicate)):
            continue
        out.append(make(EVENT, cs, ce, predicate=predicate, denied=denied))

    out.extend(_reported_statements(s_text, atts, out, in_quotes, base, make))
    said = [c.attributed_to for c in out if c.kind == NUMERIC and c.attributed_to != document.outlet
            and "attribution-verb" in c.features]
    if said:
        ctx.line_source = said[-1]
    # Remember who spoke for "he said" in later sentences.
    ctx.learn_speakers(s_text, atts)
    return out


# What a source is said to have said, when it holds no figure, quote or known act:
# "The company insists the ship was not overloaded", "the weather bureau had warned
# of gales, it said". Shorter than this many words it is rarely a checkable statement.
_MIN_STATEMENT_WORDS = 5
# What may stand between "said" and what was said: "in its preliminary statement on
# Monday that", "on Tuesday that".
_SAID_THAT = re.compile(
    r"\s*(?:,\s*)?(?:in\s+(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+){0,3}?(?:statement|report|"
    r"interview|letter|post|speech|address|briefing)\s+)?(?:(?:on|late\s+on|early\s+on)\s+[A-Z]\w+\s+)?"
    r"(?:that\s+)?")
# A statement ends before a quotation long enough to be a claim of its own; a few quoted
# words inside it ('the vote was "efficiently administered"') are part of it.
_STATEMENT_TAIL = re.compile(r"(?:\s*,?\s*(?:but|and|or|while)\b)?(?:\s*that)?\s*$")
_LISTENER_WORDS = re.compile(r"\s*(?:reporters|journalists|the\s+[\w-]+|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)"
                             r"(?:\s+(?:on|in|at)\s+[\w\s]+?)?(?=\s+(?:that\s+)?[a-z])")
_STATED_VERBS = frozenset({"said", "says", "told", "tells", "stated", "insisted", "insists", "added",
                           "claimed", "claims", "warned", "warns", "announced", "argued", "maintained",
                           "acknowledged", "admitted", "alleged", "noted", "explained", "wrote",
                           # "..., the GHO said, warning that the true toll may be higher"
                           "warning", "adding", "insisting", "noting", "arguing", "claiming"})


# "contradicting the operator's claim that the ferry had been cleared to sail": what a
# possessive's claim says is the possessor's statement, not the sentence speaker's.
_CLAIM_OF = re.compile(
    r"\b(?:(?:the|a|an)\s+(?P<desc>[a-z]+(?:\s+[a-z]+)?)|(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}))"
    r"[’']s\s+(?:(?:earlier|repeated|initial|original)\s+)?(?:claims?|assertions?|insistence|"
    r"contention|argument|allegations?|denials?)\s+that\s+")


def _possessed_claims(s_text: str, taken: Sequence[tuple[int, int]], make: Any) -> list[Claim]:
    found = []
    for m in _CLAIM_OF.finditer(s_text):
        start, end = trim(s_text, m.end(), clause_of(s_text, m.end(), m.end() + 1)[1])
        if len(re.findall(r"[\w’'-]+", s_text[start:end])) < _MIN_STATEMENT_WORDS - 1 or \
                any(not (te <= start or end <= ts) for ts, te in taken):
            continue
        found.append(make(EVENT, start, end, speaker=m.group("desc") or m.group("name")))
    return found


def _reported_statements(s_text: str, atts: Sequence[Attribution], out: Sequence[Claim],
                         in_quotes: Sequence[Quote], base: int, make: Any) -> list[Claim]:
    taken = [(c.start - base, c.end - base) for c in out]
    found = _possessed_claims(s_text, taken, make)
    # A statement ends before the clause reporting another's claim: "The coast guard said
    # it had not issued a clearance, contradicting the operator's claim that ...".
    claimed = [s_text.rfind(",", 0, m.start()) for m in _CLAIM_OF.finditer(s_text)]
    claimed = [c for c in claimed if c >= 0]
    taken.extend((c.start - base, c.end - base) for c in found)
    for att in atts:
        if att.verb not in _STATED_VERBS or not (att.source or att.verb.endswith("ing")):
            continue
        if att.position == "lead":
            start = att.end
            if att.verb in ("told", "tells"):
                listener = _LISTENER_WORDS.match(s_text, start)
                start = listener.end() if listener else start
            start = _SAID_THAT.match(s_text, start).end()
            end = min((c for c in claimed if c > start), default=len(s_text))
        elif att.position == "trail":
            start, end = 0, att.start
        else:
            continue
        start, end = trim(s_text, start, end)
        long_quotes = [q for q in in_quotes if q.start < base + end and base + start < q.end
                       and _quote_words(s_text, q, base) >= _MIN_QUOTE_WORDS]
        if long_quotes:
            first = min(q.open for q in long_quotes) - base
            end = _STATEMENT_TAIL.search(s_text, start, max(start, first)).start()
            start, end = trim(s_text, start, end)
        if len(re.findall(r"[\w’'-]+", s_text[start:end])) < _MIN_STATEMENT_WORDS or \
                not s_text[start:start + 1].isalpha():
            continue
        if any(not (te <= start or end <= ts) for ts, te in taken) or \
                any(q.open <= base + start < q.close for q in in_quotes):
            continue
        found.append(make(EVENT, start, end))
        taken.append((start, end))
    return found


def _quote_words(s_text: str, q: Quote, base: int) -> int:
    """How many words of a quotation lie in the sentence."""
    return len(re.findall(r"[\w’'-]+", s_text[max(0, q.start - base):max(0, q.end - base)]))


def _same_day(date: DateMention, ctx: Context) -> DateMention:
    """'The same day', 'that evening': the day last named before it in the document."""
    if date.precision != SAME_DAY:
        return date
    if ctx.last_date is None:
        return DateMention(date.start, date.end, date.text, None, None)
    return DateMention(date.start, date.end, date.text, ctx.last_date.iso, ctx.last_date.precision)


def _with_counted(qty: Quantity, counted: str) -> Quantity:
    return Quantity(qty.start, qty.end, qty.text, qty.value, qty.low, qty.high, qty.qualifier,
                    counted, qty.noun, qty.number_start)


def _nearest_date(dates: Sequence[DateMention], start: int, end: int,
                  anchor: tuple[int, int] | None = None,
                  statement: int | None = None) -> DateMention | None:
    # A dateline's date is when the copy was filed: like the publication date it is
    # what an undated figure falls back to (its page's date), never a figure's own date.
    dates = [d for d in dates if not d.dateline]
    inside = [d for d in dates if start <= d.start and d.end <= end and d.iso]
    if inside:
        if anchor is not None:  # the date closest to the number, not the statement's date
            return min(inside, key=lambda d: max(d.start - anchor[1], anchor[0] - d.end, 0))
        return inside[0]
    before = [d for d in dates if d.end <= start and d.iso]
    if before:
        return before[-1]
    # The date of the statement that follows: "..., the ministry said on Oct. 24."
    after = [d for d in dates if statement is not None and d.start >= statement and d.iso]
    return after[0] if after and anchor is not None else None


# Counts that keep changing after the event they count: a toll is counted when it is
# reported, not on the day of the earthquake it counts.
_TOLLS = frozenset({"deaths", "injured", "casualties", "missing", "displaced", "arrests",
                    "rescued"})
_EVENT_CLAUSE = re.compile(r"\b(?:after|when|following|before)\b", re.IGNORECASE)
# A running count reported as it stands: "has risen to", "climbs to", "now stands at".
_RUNNING = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|since\s+)?(?:risen|climbed|grown|increased|reached|passed|"
    r"topped|surpassed|exceeded|jumped|hit)\b|\b(?:rises|climbs|grows|increases|reaches|passes|"
    r"tops|surpasses|exceeds|jumps|hits|stands)\b|\bnow\s+(?:stands?|totals?|at|numbers?)\b|"
    r"\bso\s+far\b|\bto\s+date\b", re.IGNORECASE)
_NOW = re.compile(r"\b(?:is|are)\s+now\b", re.IGNORECASE)  # "24 are now confirmed dead": a toll as it stands
# A participle of result after the event's clause: "capsized on Saturday, killing at
# least nine", "were found on Sunday night, bringing the number rescued to 191". The
# date is the event's; the count it brought is as of the report.
_RESULT = re.compile(r",\s+[a-z]+ing\b")
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b")
# A year naming a past event, with a relative clause on the event's noun phrase: "since
# the 1998 Tamsk earthquake, which killed about 1,600 people", "the 2014 referendum,
# when fewer than half took part". The clause tells of that event, so the year dates it.
_YEAR_EVENT_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s*,\s*(?:which|when|where)\b")
# A date right after a verb of saying dates the statement, which covers every clause
# of it: "The ministry said on Monday that 40 had died, while 12 were missing".
_STATED_BEFORE = re.compile(r"\b(?:said|says|say|told|tells|reported|reports|announced|"
                            r"confirmed|added|stated)\b[^,;.]{0,25}$", re.IGNORECASE)


def _count_date(dates: Sequence[DateMention], text: str, scope: tuple[int, int],
                anchor: tuple[int, int] | None, statement: int | None, counted: str | None,
                published: str | None) -> DateMention | None:
    """The date a count refers to. "Since Saturday" opens the window of a running count
    and "Monday's earthquake" dates the event, not its toll: such counts, and counts
    that "have risen to" a figure, stand as of the report (a date the sentence gives
    for it, else the publication day)."""
    dates = [d for d in dates if not d.dateline]  # filing dates: see _nearest_date
    running = _RUNNING.search(text, *scope) is not None or (
        counted in _TOLLS and _NOW.search(text, *scope) is not None)
    # A window opens only for counts in its own clause: in "since 1999, when a tremor
    # killed 17,000", 1999 is when the when-clause happened.
    kept = [d for d in dates if not (d.since and scope[0] <= d.start < scope[1]) and not (
        d.event and (running or counted in _TOLLS))]
    event_days = False
    if anchor is not None and (running or counted in _TOLLS):
        # "24 are now dead after the ferry capsized on Saturday": the event's day, not the toll's.
        kept = [d for d in kept if not (d.start >= anchor[1] and _EVENT_CLAUSE.search(text, anchor[1], d.start))]
        # A date in another clause before the count's dates that clause's event
        # ("Four more survivors were found on Sunday night, ..., while 85 people
        # remain missing"), unless it is when the statement was made or the day a
        # when-clause names ("since 1999, when a tremor killed 17,000").
        events = [d for d in kept if d.end <= anchor[0] and (
            _RESULT.search(text, d.end, anchor[0]) or d.end <= scope[0] and
            not _STATED_BEFORE.search(text, max(0, d.start - 40), d.start) and
            not _WHEN_AFTER.match(text, d.end) and
            not (d.precision == YEAR and _YEAR_EVENT_AFTER.match(text, d.end)))]
        event_days = bool(events)
        kept = [d for d in kept if d not in events]
    date = _nearest_date(kept, *scope, anchor, statement)
    if date is not None or published is None:
        return date
    in_scope = [d for d in dates if scope[0] <= d.start and d.end <= scope[1]]
    if running or event_days or len(kept) < len(dates) and any(d not in kept for d in in_scope):
        return DateMention(scope[0], scope[0], "", published[:10], DAY)
    return None


def _worthiness(kind: str, quantity: Quantity | None, named_source: bool, att: Attribution | None,
                date: DateMention | None, entities: tuple[str, ...], predicate: str | None,
                modality: str) -> tuple[float, tuple[str, ...]]:
    features: list[str] = []
    score = 0.0
    if quantity is not None:
        features.append("number" if quantity.qualifier != VAGUE else "vague-number")
        score += 0.35 if quantity.qualifier != VAGUE else 0.2
        if quantity.counted:
            features.append("counted")
            score += 0.1
    if kind == QUOTE:
        features.append("quote")
        score += 0.25
    if predicate:
        features.append(f"act:{predicate}")
        score += 0.15
    if named_source:
        features.append("named-source")
        score += 0.2
    if att is not None:
        features.append("attribution-verb")
        score += 0.05
    if date is not None:
        features.append("date")
        score += 0.1
    if entities:
        features.append("entities")
        score += 0.05
    if modality in ("hedged", "planned"):
        features.append(modality)
        score -= 0.05
    return round(max(0.0, min(1.0, score)), 3), tuple(features)


__all__ = ["extract_claims", "parse_statement"]
