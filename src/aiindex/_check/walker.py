"""`check`: a text read sentence by sentence, carrying what each sentence leaves to the next.

`check` reads a text sentence by sentence, finds its numbers (values with their units, ranks,
ratios, differences and currency conversions), ties each to an indicator, an entity and a data
year, and grades it against the shipped figures:

- ``"supported"``: equal to the report's figure within the rounding the text itself uses
  ("672억달러" is 67.2 billion, so it supports 67.22);
- ``"contradicted"``: outside that rounding, with the report's figure and its source;
- ``"unsupported rank"``: a rank the table cannot establish (a partial table, no stated rank);
- ``"not found"``: a claim the checker recognises but cannot match to a shipped figure.

Extraction is rule-based and deterministic (regular expressions, the entity names of
``entities.toml`` and pycountry, the keyword table of ``data/claims.toml``): no language model
and no network. It never imports pint: values are compared as plain magnitudes.

Edition (``editions``): the edition the text names ("AI Index 2024", "the 2026 AI Index report",
"AI 인덱스 2024"), else ``edition=``, else the newest. A text about an edition aiindex does not ship
is read, but none of its claims is graded: each is "not found", saying so.

>>> from aiindex._check import check
>>> text = "한국은 2022년 기준 인구 10만명당 AI 특허수가 10.26으로 가장 많았다."
>>> report = check(text, edition=2024)
>>> [(c.kind, c.claimed, c.grade) for c in report.claims]
[('value', 10.26, 'supported'), ('rank', 1.0, 'supported')]
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from aiindex._check.claims import (
    PRONOUN_START,
    TOPIC_KO,
    ZERO,
    Sentence,
    attach,
    confident,
    names_in,
    number_claims,
)
from aiindex._check.editions import choose, named_editions
from aiindex._check.entities import table_kinds
from aiindex._check.grade import Context, publication_day
from aiindex._check.keywords import candidates
from aiindex._check.ranks import implicit_ranks
from aiindex._check.report import Claim, Report
from aiindex._check.sentences import body_spans, detect_lang, lowered
from aiindex._once import once
from aiindex.exceptions import UnknownEditionError

if TYPE_CHECKING:
    from aiindex._check.entities import Mention
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity

__all__ = ["Walker", "check"]


class Walker:
    """Reads sentences in order, carrying the indicator and the topic entity across them."""

    def __init__(self, text: str, edition: int, lang: str, shipped: Sequence[int] = ()) -> None:
        self.text = text
        self.edition = edition
        self.lang = lang
        self.shipped = tuple(shipped) or (edition,)
        self.publication = publication_day(edition)
        self.groups: list[list[Indicator]] = []
        self.topic: Entity | None = None
        self.main: Entity | None = None
        self.last_rank: int | None = None
        self.claims: list[Claim] = []

    def read(self, spans: Sequence[tuple[int, int]]) -> None:
        """Read the sentences at ``spans``: first the names of each (the entity named most
        often is the text's main one), then their claims."""
        found = [names_in(self.text[a:b]) for a, b in spans]
        counts: dict[str, int] = {}
        first: dict[str, Entity] = {}
        for names in found:
            for entity_id in dict.fromkeys(m.entity.id for m in names):
                counts[entity_id] = counts.get(entity_id, 0) + 1
            for m in names:
                first.setdefault(m.entity.id, m.entity)
        if counts:
            best = max(counts.values())
            self.main = next(first[i] for i in first if counts[i] == best)
        for (a, b), names in zip(spans, found, strict=True):
            self.sentence(a, b, names)

    def sentence(self, start: int, end: int, names: Sequence[Mention] | None = None) -> None:
        """Read the sentence at ``start:end`` of the text and add its claims."""
        text = self.text[start:end]
        if names is None:
            names = names_in(text)
        if not may_claim(text):
            # No number, rank or ratio in any form: nothing to grade, but the sentence may
            # name the indicator or the topic the next ones speak of.
            named = candidates(text, self.edition, self._kinds(names, self.edition))
            if named:
                if self.groups and named[0] != self.groups[0]:
                    self.last_rank = None
                self.groups = named
            self._update_topic(text, names)
            return
        edition, unshipped = self._edition_of(text)
        kinds = self._kinds(names, edition)
        named = candidates(text, edition, kinds)
        carried = _in_edition(self.groups, edition)
        if named:
            # A list of ranks does not run on into another indicator's.
            if carried and named[0] != carried[0]:
                self.last_rank = None
            groups = named
        else:
            groups = carried
        ctx = Context(edition, text, start, _publication(edition))
        s = Sentence.read(
            ctx,
            self.lang,
            groups,
            self.topic,
            self.last_rank,
            own=bool(named),
            main=self.main,
            found=names,
            kinds=kinds,
        )
        claims = number_claims(s)
        ranked, self.last_rank = implicit_ranks(s)
        claims += ranked
        claims = [confident(attach(c, claims), s) for c in claims]
        if unshipped is not None:
            claims = [_ungraded(c, unshipped) for c in claims]
        claims.sort(key=lambda c: c.span)
        self.claims.extend(claims)
        if named:
            self.groups = _in_edition(named, self.edition) if edition != self.edition else named
        self._update_topic(text, s.mentions)

    def _kinds(self, names: Sequence[Mention], edition: int) -> frozenset[str] | None:
        """The entity kinds of the tables a sentence can be about: those that hold what it
        names; for a sentence that names none ("It scored 69.1%", Korean without a
        subject), those that hold the topic it goes on about."""
        if names:
            return table_kinds((m.entity for m in names), edition)
        return table_kinds((self.topic,), edition)

    def _edition_of(self, sentence: str) -> tuple[int, str | None]:
        """The edition a sentence's figures are from: the one it names ("Last year's AI
        Index 2025 put it at 17.27"), else the text's; and, for an edition aiindex does not
        ship, why nothing in it is graded."""
        here = named_editions(sentence)
        if not here or here[0] == self.edition:
            return self.edition, None
        if here[0] in self.shipped:
            return here[0], None
        have = ", ".join(map(str, self.shipped))
        return self.edition, (
            f"the sentence quotes the AI Index {here[0]}, which aiindex does not ship (it has "
            f"{have}): its figures are not checked against another edition"
        )

    def _update_topic(self, sentence: str, mentions: Sequence[Mention]) -> None:
        if not mentions:
            return
        if self.lang == "ko":
            topical = [
                m
                for m in mentions
                if (t := TOPIC_KO.match(sentence[m.end :])) and t.group("p") in "은는"
            ]
            subject = [m for m in mentions if TOPIC_KO.match(sentence[m.end :])]
            # "한국의 AI 확산율은 30.7%": the owner of the sentence's topic.
            owner = [m for m in mentions if _OWNER_KO.match(sentence[m.end :])]
            pick = topical[-1] if topical else (subject[0] if subject else None)
            if pick is None and owner:
                pick = owner[0]
            if pick is not None:
                self.topic = pick.entity
        elif not PRONOUN_START.match(sentence):
            self.topic = mentions[0].entity


# A Korean name that owns the sentence's topic: "한국의 AI 확산율은".
_OWNER_KO = re.compile(r"^\s*의\s[^.?!]*?[가-힣](?:은|는)\s")


@once
def _publication(edition: int) -> _dt.date | None:
    return publication_day(edition)


@functools.lru_cache(maxsize=4096)
def may_claim(sentence: str) -> bool:
    """Whether a sentence holds anything a claim is made of: a digit, a number or an ordinal in
    words, a ratio word, a rank word ("the most", "뒤를 이었다"), a zero said in words.

    >>> may_claim("The report was published on Monday."), may_claim("China led.")
    (False, True)
    """
    return _claim_hint().search(lowered(sentence)) is not None


@once
def _claim_hint() -> re.Pattern[str]:
    """One pattern of everything `may_claim` looks for, read in lower case."""
    from aiindex._check.numbers import HINT
    from aiindex._check.ranks import RANK_WORDS

    return re.compile("|".join(f"(?:{p.pattern})" for p in (HINT, *RANK_WORDS, ZERO)))


def _in_edition(groups: Sequence[Sequence[Indicator]], edition: int) -> list[list[Indicator]]:
    """``groups`` as the same indicators of ``edition`` (those it has)."""
    if not groups or groups[0][0].edition == edition:
        return [list(g) for g in groups]
    from aiindex._sources.packaged import indicator_ids, load

    have = set(indicator_ids(edition))
    out = [[load(i.id, edition) for i in g if i.id in have] for g in groups]
    return [g for g in out if g]


def _shipped(edition: int | None) -> tuple[int, ...]:
    from aiindex._sources.packaged import editions

    shipped = editions()
    if edition is not None:
        if isinstance(edition, bool) or not isinstance(edition, int):
            raise TypeError(f"edition must be an int such as 2024, not {edition!r}")
        if edition not in shipped:
            raise UnknownEditionError(edition, shipped)
    return shipped


def check(text: str, *, edition: int | None = None, lang: str | None = None) -> Report:
    """Find the numeric claims of ``text`` about the AI Index and grade each against the data.

    The edition checked against is the one the text names, else ``edition``, else the newest;
    a text about an edition aiindex does not ship has every claim "not found", saying why.
    ``lang`` is ``"ko"`` or ``"en"`` (None: detected from the script). Raises
    `UnknownEditionError` for an ``edition`` aiindex does not ship.

    >>> from aiindex._check import check
    >>> text = "The US invested $67.2 billion, more than 9 times China's $7.76 billion."
    >>> r = check(text, edition=2024)
    >>> [(c.kind, c.grade) for c in r.claims]
    [('value', 'supported'), ('ratio', 'contradicted'), ('value', 'supported')]
    >>> r.claims[1].report
    8.662371
    """
    if not isinstance(text, str):
        raise TypeError(f"check() takes the text as a str, not {type(text).__name__}")
    if lang is None:
        lang = detect_lang(text)
    elif lang not in ("ko", "en"):
        raise ValueError(f"lang={lang!r}: use 'ko', 'en' or None (detect)")
    shipped = _shipped(edition)
    chosen = choose(text, edition, shipped)
    # A text about an unshipped edition is still read (its claims are listed), with the
    # newest edition's words, but graded against nothing.
    walker = Walker(text, chosen.edition or max(shipped), lang, shipped)
    walker.read(body_spans(text))
    claims = tuple(walker.claims)
    if chosen.edition is None:
        claims = tuple(_ungraded(c, chosen.reason or "") for c in claims)
    return Report(claims, chosen.edition, lang, named=chosen.named)


def _ungraded(claim: Claim, reason: str) -> Claim:
    return attrs.evolve(
        claim,
        grade="not found",
        explanation=reason,
        report=None,
        report_text=None,
        edition=None,
        section=None,
        locator=None,
    )
