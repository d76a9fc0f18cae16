"""Speakers: who each claim is attributed to. An attribution the sentence gives is
resolved against what earlier sentences of the document named (pronouns, surnames,
descriptions in apposition); quoted words go to the speaker named around the marks
or in the paragraph that introduces them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .actors import VERB_AFTER, is_doer
from .attribution import (
    SOURCE_NOUNS,
    TITLE_WORDS,
    Attribution,
    clean_source,
    find_attributions,
    leading_name,
    looks_like_person,
)
from .bodies import (
    BARE_DATA,
    KIND_NOUNS,
    data_kind,
    bodies_named,
)
from .clauses import Quote, is_heading
from .dates import DateMention
from .models import Document, Sentence

_APPOSED = re.compile(
    r"(?P<name>(?<![\w’'])(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.&-]*){0,4}),"
    r"\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>" + "|".join(sorted(SOURCE_NOUNS, key=len, reverse=True))
    + r")\b(?!’s|'s)"
    r"|(?P<desc_first>(?<![\w’'])[Tt]he\s+(?:[a-z-]+\s+){0,2}?(?P<noun2>" + "|".join(
        sorted(SOURCE_NOUNS, key=len, reverse=True)) + r")),\s+(?P<name2>(?:the\s+)?[A-Z][\w’'.&-]*"
    r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.&-]*){0,4}),")
# A sentence opening with a role: "The new prime minister arrived", "The mayor said".
# A person named after their title: "Health Minister Dr Grace Oduya", "Governor Rosalind Ventura".
_PERSON_TITLES = ("minister", "secretary", "governor", "mayor", "president", "spokesman",
                  "spokeswoman", "spokesperson", "commissioner", "director", "chairman",
                  "chairwoman", "chair", "coordinator", "representative", "prosecutor", "judge",
                  "ambassador", "premier", "chancellor", "chief", "captain", "commander")
_TITLED_NAME = re.compile(
    r"\b(?P<title>(?i:" + "|".join(_PERSON_TITLES) + r"))\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
    r"(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2})\b(?!\s+(?:of|for)\b)")
# A body named in full whose head noun later stands for it: "the Central Electoral
# Commission" ... "the commission said".
_BODY_HEADS = ("commission", "ministry", "institute", "organization", "organisation", "agency",
               "alliance", "authority", "bureau", "council", "committee", "court", "union",
               "party", "coalition", "mission", "office", "department", "bank", "company",
               "charity", "front", "movement", "association", "federation", "board", "service")
_NAMED_BODY = re.compile(
    r"(?P<name>(?:[A-Z][\w’'-]+\s+){1,4}(?P<head>" + "|".join(h.capitalize() for h in _BODY_HEADS)
    + r"))\b(?!\s+(?:of|for|on)\b)")


# A body's name after the possessive of its country: "Tirenia's Central Electoral Commission".
_PLACE_OWNED = re.compile(r"[A-Z][\w-]*[’']s\s+(?P<name>[A-Z][\w’'&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?"
                          r"[A-Z][\w’'&.-]*)+)")
# Descriptions that set a body apart from the one named: "another company", "rival firm".
_NOT_DESCRIPTIONS = {"another", "other", "rival", "second", "one", "some", "several", "many",
                     "each", "every", "no", "foreign", "private", "state", "independent"}


_ROLE_SUBJECT = re.compile(
    r"^\s*[Tt]he\s+(?P<role>(?:[a-z-]+\s+){0,3}(?:" + "|".join(
        sorted((t for t in TITLE_WORDS if t.isalpha() and len(t) > 3), key=len, reverse=True))
    + r"))\s+(?:[a-z]+ed|said|says|told|arrived|was|is|has|had)\b")


@dataclass
class Context:
    """What earlier sentences of a document said about who is speaking (and the day and
    the count they last named)."""

    outlet: str | None
    last_source: str | None = None
    last_person: str | None = None
    surnames: dict[str, str] | None = None
    last_date: DateMention | None = None  # the last day named, for "the same day"
    last_counted: str | None = None  # what the paragraph last counted, for "another 10,000"
    line: int = -1  # the paragraph (line) the context is in
    line_source: str | None = None  # who the paragraph last reported figures from
    aliases: dict[str, str] | None = None  # "alliance" -> "Common Front"

    def remember(self, source: str | None) -> None:
        if not source or source == self.outlet:
            return
        self.last_source = source
        if looks_like_person(source):
            self.last_person = source
            if self.surnames is None:
                self.surnames = {}
            tokens = source.split()
            for tok in (tokens[0], tokens[-1]):
                self.surnames.setdefault(tok, source)

    acronyms: dict[str, str] | None = None  # "CEC" -> "Central Electoral Commission"
    issuer: str | None = None  # who a reposted text is from ("Source: MediAid International")
    data_authors: dict[str, str] | None = None  # "results" -> "CEC", "exit poll" -> "Pulsar Institute"
    roles: dict[str, str] | None = None  # "minister" -> "Grace Oduya", "commission" -> ...
    kinds: Mapping[str, frozenset[str]] | None = None  # "Civic Alliance" -> {"opposition"}
    described: dict[str, str] | None = None  # "operator" -> the last company named
    first_described: dict[str, str] | None = None  # the same over the whole text, first named

    def learn_bodies(self, text: str, whole: str | None = None) -> None:
        """Bodies a sentence names, for the descriptions of later sentences ('the ferry
        company' after 'Orient Star Shipping Lines'); `whole`, the document's text, for
        a headline that describes a body before the story names it."""
        if self.described is None:
            self.described = {}
        for name, nouns in bodies_named(text, self.kinds or {}):
            for noun in nouns:
                self.described[noun] = name
        if whole is not None:
            self.first_described = {}
            for name, nouns in bodies_named(whole, self.kinds or {}):
                for noun in nouns:
                    self.first_described.setdefault(noun, name)

    def described_body(self, source: str) -> str | None:
        """The body a description names: 'ferry company', 'medical charity', 'agency',
        'Opposition' -> the last body of that kind the document named (else the first
        it names at all). Only a definite description of a few words counts: a source
        with a name of its own, or 'another company', is not one."""
        words = source.split()
        if not 1 <= len(words) <= 3 or any(w[:1].isupper() for w in words[1:]) or \
                words[0].lower() in _NOT_DESCRIPTIONS:
            return None
        noun = words[-1].lower()
        if noun not in KIND_NOUNS:
            return None
        return (self.described or {}).get(noun) or (self.first_described or {}).get(noun)

    def full_name(self, source: str) -> str:
        owned = _PLACE_OWNED.fullmatch(source)
        if owned and self._names_body(owned.group("name")):
            source = owned.group("name")  # "Tirenia's Central Electoral Commission"
        if self.surnames and " " not in source and source in self.surnames:
            return self.surnames[source]
        if self.aliases and source.lower() in self.aliases:
            return self.aliases[source.lower()]  # "the alliance" named as the Common Front
        if self.acronyms and source in self.acronyms:
            return self.acronyms[source]
        if self.roles and source.lower() in self.roles:
            return self.roles[source.lower()]  # "the minister" named before as Grace Oduya
        author = self.data_author(source)
        return author or self.described_body(source) or source

    def _names_body(self, name: str) -> bool:
        """Whether the document or the corpus names this body on its own."""
        return bool(self.kinds and name in self.kinds) or \
            name in (self.acronyms or {}).values() or name in (self.roles or {}).values()

    def data_author(self, source: str) -> str | None:
        """Who published data a sentence names without its author: 'according to
        preliminary results', 'The exit poll gives ...' (see `learn_data_authors`)."""
        if not self.data_authors:
            return None
        kind = data_kind(source)
        name = self.data_authors.get(kind) if kind else None
        return self.full_name(name) if name and name != source else None

    def learn_roles(self, text: str) -> None:
        """'Health Minister Dr Grace Oduya said': the minister of later sentences is
        Grace Oduya; 'the Central Electoral Commission': the commission is that one.
        The last one named wins, as a reader takes it."""
        if self.roles is None:
            self.roles = {}
        for m in _TITLED_NAME.finditer(text):
            self.roles[m.group("title").lower()] = m.group("name")
        for m in _NAMED_BODY.finditer(text):
            name = re.sub(r"^[A-Z][\w-]*[’']s\s+", "", m.group("name"))  # "Tirenia's"
            self.roles[m.group("head").lower()] = clean_source(name)

    def role_subject(self, text: str) -> str | None:
        """Who a clause opening with a role the document named is: "The commissioner
        banned ..." after "Regional Commissioner Joseph Malaba announced ..."."""
        m = _ROLE_SUBJECT.match(text)
        title = m.group("role").split()[-1].lower() if m else None
        return (self.roles or {}).get(title) if title else None

    def learn_aliases(self, text: str) -> None:
        """'the Common Front, an alliance of unions, ...', 'The organisers, the Common
        Front, ...': a description in apposition names the same body later."""
        for m in _APPOSED.finditer(text):
            if m.group("desc_first"):
                name, noun = clean_source(m.group("name2")), m.group("noun2").lower()
            else:
                name, noun = clean_source(m.group("name")), m.group("noun").lower()
            if self.aliases is None:
                self.aliases = {}
            self.aliases[noun] = name

    def learn_speakers(self, text: str, atts: Sequence[Attribution]) -> None:
        """Remember who spoke in a sentence (its attributions, else a person or an
        institution opening it, else a role), for "he said" in later sentences."""
        for att in atts:
            if not att.pronoun:
                self.remember(self.full_name(att.source))
        subject = leading_name(text)
        if subject and looks_like_person(subject):
            self.remember(self.full_name(subject))
        elif subject and is_doer(subject) and VERB_AFTER.match(
                text, text.find(subject) + len(subject)) if subject else False:
            self.remember(is_doer(subject))  # "The Bank of X held rates. It also cut ..."
        else:
            role = _ROLE_SUBJECT.match(text)
            if role:  # "The new prime minister arrived ...": the "he" of the next sentence
                self.last_person = role.group("role")


# A phrase fronted before a clause's subject, which says what the subject's figures
# rest on ("Based on ...", "Of the 4.2 million ballots, ..."): one phrase, one comma.
_FRONTED = re.compile(r"[\s\-–•*]*(?:Based\s+on|Drawing\s+on|Relying\s+on|Citing|Using|From|"
                      r"Of|Among|Across|With)\s(?:[^,;:.“”\"]|(?<=\d)[,.](?=\d))*,\s*")


def pick_attribution(atts: Sequence[Attribution], start: int, end: int,
                     anchor: tuple[int, int] | None = None,
                     text: str | None = None) -> Attribution | None:
    """The attribution governing `start:end`: one inside it, 'according to', the nearest
    lead before it, the nearest trailing one after it, then a headline source.

    `anchor` is the quantity's own span: of several 'according to' phrases, the first
    after the number names its source ("40,000 according to police, and 100,000
    according to organisers")."""
    # A lead verb after the number does not govern it ("Hungary recorded 12 deaths,
    # Romania reported six").
    inside = [a for a in atts if a.position == "lead" and start <= a.start and a.end <= end
              and (anchor is None or a.end <= anchor[0])]
    if inside:
        return _sayer(atts, inside[0])
    according = [a for a in atts if a.position == "according"]
    if according and all(BARE_DATA.fullmatch(a.source) for a in according):
        # "The commission confirmed that ..., according to final results": the results
        # are the commission's; a source named before the claim says whose they are.
        named = [a for a in atts if a.position == "lead" and a.end <= start and not a.pronoun]
        if named:
            return max(named, key=lambda a: a.end)
    if according:
        if anchor is not None:
            after = [a for a in according if a.start >= anchor[1]]
            if after:
                return min(after, key=lambda a: a.start)
        return min(according, key=lambda a: abs(a.start - start))
    before = [a for a in atts if a.position == "lead" and a.end <= start]
    if before:
        return _sayer(atts, max(before, key=lambda a: a.end))
    if text is not None and anchor is not None:
        # "Based on reports from its volunteers at 1,400 polling stations, the Alliance
        # estimated ...": a phrase fronted before its clause's subject is that subject's.
        fronted = [a for a in atts if a.position == "lead" and not a.pronoun
                   and anchor[1] <= a.start and _FRONTED.fullmatch(text, 0, a.start)]
        if fronted:
            return fronted[0]
    after = [a for a in atts if a.position == "trail" and a.start >= start]
    if after:
        return min(after, key=lambda a: a.start)
    # A lead verb in a later clause governs only its own: in "EU condemns X, as China
    # denies Y" China is no source of the condemnation; an inserted ", officials said,"
    # speaks for the whole sentence.
    overlapping = [a for a in atts if a.position == "trail" or (
        a.position == "lead" and a.start < end and start < a.end and (
            anchor is None or a.start < anchor[0]))]
    if overlapping:
        return overlapping[0]
    heads = [a for a in atts if a.position == "headline"]
    return heads[0] if heads else None


def _sayer(atts: Sequence[Attribution], att: Attribution) -> Attribution:
    """A bare participle's subject: "..., the GHO said on Wednesday, warning that ..." is
    the GHO's warning, "she said, adding that ..." hers; else the participle itself (the
    sentence's subject speaks)."""
    if att.pronoun and not att.source:
        said = [a for a in atts if a.end <= att.start and a.source]
        if said:
            return max(said, key=lambda a: a.end)
    return att


def resolve_source(att: Attribution | None, sentence_text: str,
                   ctx: Context) -> tuple[str | None, str | None]:
    """(source, relay) for an attribution, with pronouns resolved from context."""
    if att is None:
        return None, None
    if att.pronoun:
        if att.source == "":  # "..., saying": the sentence's subject speaks
            name = leading_name(sentence_text)
            if name:
                return ctx.full_name(name), None
            return ctx.last_source, None
        if att.source.lower() in ("he", "she", "i"):
            return ctx.last_person or ctx.last_source, None
        head = att.source.split()[-1].lower() if att.source else ""
        if head in _TEXT_NOUNS or att.source.lower() in ("they", "it", "we"):
            return ctx.last_source, None  # "the statement said": whoever issued it
        # "the ministry said": the ministry named before, else just "ministry"
        if ctx.last_source and head and head in ctx.last_source.lower():
            return ctx.last_source, None
        return ctx.described_body(att.source) or att.source, None
    description = _TYPE_DESCRIPTION.fullmatch(att.source)
    if description and att.position == "trail" and not (ctx.roles and description.group("type") in ctx.roles):
        # "MediAid teams have recorded 1,400 cases, the medical charity said": the
        # description names the body the sentence opens with.
        subject = leading_name(_DATELINE.sub("", sentence_text))
        if subject and subject.split()[-1].lower() not in SOURCE_NOUNS:
            return ctx.full_name(subject), att.relay
    name = ctx.full_name(att.source)
    if att.position == "headline" and name == att.source and data_kind(name):
        return None, None  # "Final count: ..." with no counter named: the outlet's own report
    return name, att.relay


# "SENDALI, 4 November 2025 — ", "VALMORA, Sept 22 (ICW) - ": where and when, not who.
_DATELINE = re.compile(r"^[A-Z][A-Z .’'-]+,[^—–]{0,40}?\s[—–-]\s+")
# What kind of body a source is, said instead of its name: "the medical charity".
_TYPE_DESCRIPTION = re.compile(r"(?:[a-z-]+\s+){0,2}(?P<type>charity|company|firm|group|organi[sz]ation|"
                               r"operator|airline|carrier|insurer|manufacturer|broadcaster|"
                               r"newspaper|institute|think\s+tank|watchdog|alliance|union|party)")


_TEXT_NOUNS = {"statement", "report", "release", "communique", "communiqué", "document", "letter",
               "announcement", "post", "study"}


_ISSUER = re.compile(
    r"\b(?:issued|released|published|signed|adopted|agreed|made\s+public|put\s+out|read\s+out|"
    r"delivered|sent|posted)\b[^.:;]*?\bby\s+(?P<np>(?:the\s+)?[A-Z][^.:;]*?)"
    r"(?=\s+(?:after|on|in|at|during|following|before|late|early|and\s+reads)\s|\s*[.:;]|\s*$)")


def _lead_in_speaker(text: str, para_start: int, ctx: Context) -> tuple[str | None, str | None]:
    """Who issued a statement quoted from the start of a paragraph: the paragraph before
    introduces it ('The text of the statement was released by X:'), possibly with a
    heading between."""
    end = para_start
    for _ in range(8):  # blank lines and one heading may stand between
        prev_end = text.rfind("\n", 0, max(0, end - 1))
        line = text[prev_end + 1:end].strip()
        end = prev_end + 1
        if not line:
            if prev_end < 0:
                break
            continue
        if is_heading(line):
            continue
        if not line.endswith(":"):
            break
        issuer = None
        for issuer in _ISSUER.finditer(line):
            pass
        if issuer:
            return clean_source(issuer.group("np")), None
        last = re.split(r"(?<=[.!?])\s+", line)[-1]
        atts = [a for a in find_attributions(last) if a.position in ("lead", "headline")]
        if atts:
            return resolve_source(atts[-1], last, ctx)
        break
    return None, None


# Words put on something: 'called the offer "an insult"', 'described it as "a disgrace"'.
_NAMING_BEFORE = re.compile(r"\b(?:called|described|branded|dubbed|termed|labell?ed)\s+(?!for\b)"
                            r"(?:[\w’'-]+\s+){0,4}?(?:as\s+)?$")
_RELATIVE_SUBJECT = re.compile(r"[\s\-–•*]*(?P<np>[^,;:“”\"]{2,80}?)\s*,\s+(?:which|who)\s")


def quote_speaker(document: Document, quote: Quote, previous: Sentence | None,
                  ctx: Context, quotes: Sequence[Quote] = (),
                  known: dict[int, tuple[str | None, str | None]] | None = None,
                  ) -> tuple[str | None, str | None]:
    """(source, relay) of quoted words: the speaker named around the marks, else the
    speaker of an earlier quote in the paragraph (`known`, by opening mark), else who
    the paragraph before says issued them."""
    speaker = _own_quote_speaker(document, quote, previous, ctx)
    if speaker[0] is not None:
        return speaker
    text = document.text
    line_start = text.rfind("\n", 0, quote.open) + 1
    # A later quote in a paragraph is the same speaker's, unless it names another.
    earlier = [q for q in quotes if line_start <= q.open < quote.open and q.open != quote.open]
    if earlier and known is not None:
        prior = max(earlier, key=lambda q: q.open)
        if prior.open in known and known[prior.open][0] is not None:
            return known[prior.open]
    if not text[line_start:quote.open].strip():
        return _lead_in_speaker(text, line_start, ctx)
    return None, None


def _own_quote_speaker(document: Document, quote: Quote, previous: Sentence | None,
                       ctx: Context) -> tuple[str | None, str | None]:
    text = document.text
    line_start = text.rfind("\n", 0, quote.open) + 1
    line_end = text.find("\n", quote.close)
    line_end = len(text) if line_end < 0 else line_end
    # After the closing mark, up to the end of that sentence: '," the EU states.'
    tail_end = line_end
    stop = re.search(r"[.!?](?:\s|$)|[“\"]", text[quote.close:line_end])
    if stop:
        tail_end = quote.close + stop.end()
    tail = text[quote.close:tail_end]
    if text[quote.start:quote.end].rstrip()[-1:] in ".!?":
        tail = ""  # the quoted sentence ended inside the marks: what follows is new
    for att in find_attributions(tail):
        if att.start <= 6 and att.position in ("trail", "lead"):
            return resolve_source(att, tail, ctx)
    # Before the opening mark, in the same paragraph: 'Rutte said: “', 'stated that “'.
    head = text[line_start:quote.open]
    head_sentence_start = max((m.end() for m in re.finditer(r"[.!?][”\"]?\s+(?=[A-Z“\"])", head)),
                              default=0)
    head = head[head_sentence_start:]
    atts = [a for a in find_attributions(head) if a.position in ("lead", "according", "headline")]
    if atts:
        return resolve_source(atts[-1], head, ctx)
    if _NAMING_BEFORE.search(head):
        # 'The opposition Civic Alliance, which ..., called the exit poll "a piece of
        # propaganda."': the words put on something are the subject's.
        relative = _RELATIVE_SUBJECT.match(head)
        name = leading_name(head) or (is_doer(relative.group("np")) if relative else None)
        if name:
            return ctx.full_name(name), None
    if head.rstrip().endswith(":"):
        # "President X returned ... and repeated his promise to residents: “...”": the
        # words a colon introduces are the sentence subject's.
        name = leading_name(head)
        if name and (looks_like_person(name) or is_doer(name)):
            return ctx.full_name(name), None
    if not head.strip() and previous is not None and re.search(r"[:,]\s*$", previous.text):
        atts = find_attributions(previous.text)
        if atts:
            return resolve_source(atts[-1], previous.text, ctx)
    return None, None
