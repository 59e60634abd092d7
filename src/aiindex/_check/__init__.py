"""Checking the numeric claims of a news text (Korean or English) against the AI Index data.

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

Edition: ``edition=None`` means the edition the text names ("AI Index 2024", "AI 인덱스 2024") when
aiindex ships it, else 2024, the edition of the seed article.

>>> from aiindex._check import check
>>> report = check("한국은 2022년 기준 인구 10만명당 AI 특허수가 10.26으로 가장 많았다.")
>>> [(c.kind, c.claimed, c.grade) for c in report.claims]
[('value', 10.26, 'supported'), ('rank', 1.0, 'supported')]
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from aiindex._check.entities import Mention, fits, kinds, unique, world
from aiindex._check.entities import mentions as find_mentions
from aiindex._check.grade import (
    CONVERSION_TOLERANCE,
    Context,
    claim,
    grade_conversion,
    grade_pair,
    grade_rank,
    grade_value,
    publication_day,
)
from aiindex._check.keywords import candidates
from aiindex._check.numbers import Token
from aiindex._check.numbers import tokens as read_tokens
from aiindex._check.report import GRADES, Claim, Report
from aiindex._check.sentences import body_spans, detect_lang, mask, named_editions
from aiindex.exceptions import EntityKindError, MissingValueError, UnknownEditionError

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity

__all__ = [
    "CONVERSION_TOLERANCE",
    "DEFAULT_EDITION",
    "GRADES",
    "Claim",
    "Report",
    "check",
    "run_check_cli",
]

#: The edition used when neither the caller nor the text names one: the seed article's.
DEFAULT_EDITION = 2024

_RANK1 = re.compile(
    r"가장\s?(?:많|높|크|앞)|최다|(?<![A-Za-z])(?:the most|the highest|the largest|the biggest"
    r"|led|leads|leading|topped|tops)(?![A-Za-z])",
    re.I,
)
_NOT_RANK1 = re.compile(r"유출|outflow|최저|lowest|fewest|least|smallest", re.I)
_FOLLOWED = re.compile(r"뒤를\s?이|(?<![A-Za-z])followed by(?![A-Za-z])", re.I)
_ORDER = re.compile(r"(?<=[\s)])순(?=으로|이었|이다|이며|이고|서로)")
_AFTER = re.compile(r"다음으로|에 이어|(?<![A-Za-z])(?:behind|trailing|after)(?![A-Za-z])", re.I)
_FROM = re.compile(r"\s(?:(?:came|come|comes|was|were|models?)\s){0,2}(?:from|in)\s(?:the\s)?")
_RESPECTIVELY = re.compile(r"각각|respectively", re.I)
_LAST_YEAR = re.compile(r"지난해|작년|last year", re.I)
_THAN_KO = re.compile(r"^\s*(?:\([^)]*\))?\s*(?:의|보다|대비|에 비해|와 비교|과 비교)")
_TOPIC_KO = re.compile(r"^\s*(?:\([^)]*\))?\s*(?P<p>은|는|이|가)(?![가-힣])")
_PRONOUN_START = re.compile(r"^\s*(?:It|Its|This|That|The country|Both|They)\b")


# --------------------------------------------------------------------------- the walk


class _Walker:
    """Reads sentences in order, carrying the indicator and the topic entity across them."""

    def __init__(self, text: str, edition: int, lang: str) -> None:
        self.text = text
        self.edition = edition
        self.lang = lang
        self.publication = publication_day(edition)
        self.groups: list[list[Indicator]] = []
        self.topic: Entity | None = None
        self.last_rank: int | None = None
        self.claims: list[Claim] = []

    # -- choosing ----------------------------------------------------------------------------

    def _try(
        self, fn: Any, groups: Sequence[Sequence[Indicator]], entity: Entity | None, *args: Any
    ) -> Claim | None:
        """The first group's claims; within a group, one the data supports if any."""
        for group in groups:
            results: list[Claim] = []
            for ind in group:
                if entity is not None and not ({entity.kind, entity.id} & kinds(ind)):
                    continue
                try:
                    got = fn(ind, *args)
                except (MissingValueError, EntityKindError):
                    continue
                if got is not None:
                    results.append(got)
            if results:
                for c in results:
                    if c.grade == "supported":
                        return c
                return results[0]
        return None

    def _entity_for(
        self,
        tok_start: int,
        mentions: Sequence[Mention],
        sentence: str,
        groups: Sequence[Sequence[Indicator]],
        tok_end: int | None = None,
    ) -> Entity | None:
        fitting = [m for m in mentions if fits(m.entity, groups)]
        if self.lang == "en":
            # "61 came from the United States, 15 from China": the entity the figure is from.
            for m in fitting:
                if (
                    tok_end is not None
                    and m.start > tok_end
                    and _FROM.fullmatch(sentence[tok_end : m.start])
                ):
                    return m.entity
        before = [m for m in fitting if m.end <= tok_start]
        if before:
            return before[-1].entity
        after = [m for m in fitting if m.start >= tok_start]
        # English puts the figure first at times: "with 109 models, the United States led".
        if after and self.lang == "en" and not _TOPIC_FIRST(sentence, tok_start):
            return after[0].entity
        if self.topic is not None and fits(self.topic, groups):
            return self.topic
        return None

    # -- one sentence ------------------------------------------------------------------------

    def sentence(self, start: int, end: int) -> None:
        sentence = self.text[start:end]
        ctx = Context(self.edition, sentence, start, self.publication)
        mentions = find_mentions(sentence)
        masked = mask(sentence, mentions)
        tokens = read_tokens(masked)
        named = candidates(sentence, self.edition)
        if named:
            if self.groups and named[0] != self.groups[0]:
                self.last_rank = None
            self.groups = named
        groups = self.groups
        prev_rank = self.last_rank
        years = [t for t in tokens if t.kind == "year"]
        relative_year = _LAST_YEAR.search(sentence)
        claims: list[Claim] = []

        def year_at(pos: int) -> tuple[int | None, bool]:
            before = [y for y in years if y.end <= pos]
            if before:
                return int(before[-1].value), False
            if relative_year and relative_year.start() < pos:
                return self.edition - 1, True
            return None, False

        respectively = _RESPECTIVELY.search(sentence)
        values = [t for t in tokens if t.kind in ("money", "percent", "count", "bare")]
        paired: dict[int, Entity] = {}
        if respectively:
            run = [t for t in values if (t.start > respectively.start()) == (self.lang == "ko")]
            if self.lang != "ko":
                run = [t for t in run if t.end <= respectively.start()]
            if run:
                fitting = [m for m in mentions if fits(m.entity, groups) and m.end <= run[0].start]
                fitting = unique(reversed(fitting))[: len(run)][::-1]
                if len(fitting) == len(run):
                    paired = {t.start: m.entity for t, m in zip(run, fitting, strict=True)}

        # -- conversions: an amount in parentheses right after an amount in another currency
        converted: set[int] = set()
        for first, second in itertools.pairwise(tokens):
            if first.kind == second.kind == "money" and first.currency != second.currency:
                gap = masked[first.end : second.start]
                if re.fullmatch(r"\s*\(\s*", gap):
                    claims.append(grade_conversion(ctx, first, second))
                    converted.add(second.start)

        # -- values, ratios, differences, explicit ranks
        for tok in tokens:
            if tok.kind == "year" or tok.start in converted:
                continue
            year, relative = year_at(tok.start)
            if tok.kind in ("ratio", "diff"):
                claims.append(self._pair(ctx, tok, mentions, masked, groups, year, relative))
                continue
            if tok.kind == "rank":
                rank = int(tok.value)
                ent = self._rank_entity(tok, mentions, sentence, groups)
                claims.append(
                    self._rank(ctx, (tok.start, tok.end), rank, ent, groups, year, relative)
                )
                continue
            ent = paired.get(tok.start)
            if ent is None and tok.total:
                ent = world()
            if ent is None:
                ent = self._entity_for(tok.start, mentions, sentence, groups, tok.end)
            claims.append(self._value(ctx, tok, ent, groups, year, relative))

        # -- zero claims without digits: "하나도 개발하지 못했다", "한국은 없었다"
        for m in re.finditer(r"(?P<z>하나도)|(?<=[은는])\s?(?P<n>없었다)", masked):
            a, b = m.span("z") if m.group("z") else m.span("n")
            ent = self._entity_for(a, mentions, sentence, groups)
            zero = Token(a, b, masked[a:b], "count", Decimal(0), Decimal(1))
            year, relative = year_at(m.start())
            claims.append(self._value(ctx, zero, ent, groups, year, relative))

        claims.extend(
            self._implicit_ranks(ctx, sentence, mentions, tokens, groups, year_at, prev_rank)
        )
        claims = [self._attach(c, claims) for c in claims]
        claims.sort(key=lambda c: c.span)
        self.claims.extend(claims)
        self._update_topic(sentence, mentions)

    @staticmethod
    def _attach(claim: Claim, claims: Sequence[Claim]) -> Claim:
        """A conversion is about the figure it converts: give it that claim's subject."""
        if claim.kind != "conversion":
            return claim
        before = [c for c in claims if c.kind == "value" and c.span[1] <= claim.span[0]]
        if not before:
            return claim
        v = before[-1]
        return attrs.evolve(claim, indicator=v.indicator, entity=v.entity, year=v.year)

    def _rank_entity(
        self,
        tok: Token,
        mentions: Sequence[Mention],
        sentence: str,
        groups: Sequence[Sequence[Indicator]],
    ) -> Entity | None:
        # "3위 미국": a Korean rank written before its entity.
        for m in mentions:
            if 0 <= m.start - tok.end <= 1 and fits(m.entity, groups):
                return m.entity
        return self._entity_for(tok.start, mentions, sentence, groups)

    def _value(
        self,
        ctx: Context,
        tok: Token,
        ent: Entity | None,
        groups: Sequence[Sequence[Indicator]],
        year: int | None,
        relative: bool,
    ) -> Claim:
        span = (tok.start, tok.end)
        if not groups:
            return claim(
                ctx,
                span,
                "value",
                "not found",
                "no indicator named in this sentence or the one before",
                claimed=float(tok.value),
                entity=ent.id if ent else None,
            )
        if ent is None:
            return claim(
                ctx,
                span,
                "value",
                "not found",
                "no entity of the indicator's kind named near the number",
                claimed=float(tok.value),
                indicator=groups[0][0].id,
            )
        got = self._try(lambda ind: grade_value(ctx, tok, ind, ent, year, relative), groups, ent)
        if got is None:
            return claim(
                ctx,
                span,
                "value",
                "not found",
                f"no figure for {ent.name} on " + ", ".join(i.id for i in groups[0]),
                claimed=float(tok.value),
                indicator=groups[0][0].id,
                entity=ent.id,
                year=year,
            )
        return got

    def _rank(
        self,
        ctx: Context,
        span: tuple[int, int],
        rank: int,
        ent: Entity | None,
        groups: Sequence[Sequence[Indicator]],
        year: int | None,
        relative: bool,
    ) -> Claim:
        if ent is None or not groups:
            return claim(
                ctx,
                span,
                "rank",
                "not found",
                "no indicator or entity to rank",
                claimed=float(rank),
                unit="rank",
            )
        got = self._try(
            lambda ind: grade_rank(ctx, span, rank, ind, ent, year, relative), groups, ent
        )
        if got is None:
            return claim(
                ctx,
                span,
                "rank",
                "not found",
                f"no figure for {ent.name} to rank",
                claimed=float(rank),
                unit="rank",
                entity=ent.id,
            )
        return got

    def _pair(
        self,
        ctx: Context,
        tok: Token,
        mentions: Sequence[Mention],
        masked: str,
        groups: Sequence[Sequence[Indicator]],
        year: int | None,
        relative: bool,
    ) -> Claim:
        span = (tok.start, tok.end)
        fitting = [m for m in mentions if fits(m.entity, groups)]
        b: Entity | None = None
        if self.lang == "ko":
            for m in reversed([m for m in fitting if m.end <= tok.start]):
                if _THAN_KO.match(masked[m.end :]):
                    b = m.entity
                    break
        else:
            after = [m for m in fitting if m.start >= tok.end]
            b = after[0].entity if after else None
        others = [m.entity for m in fitting if m.end <= tok.start and b and m.entity.id != b.id]
        a = others[-1] if others else self.topic
        if a is None or b is None or a.id == b.id:
            return claim(
                ctx,
                span,
                "ratio" if tok.kind == "ratio" else "difference",
                "not found",
                "cannot tell which two entities are compared",
                claimed=float(tok.value),
            )
        aa, bb = a, b
        got = self._try(lambda ind: grade_pair(ctx, tok, ind, aa, bb, year, relative), groups, a)
        if got is None:
            return claim(
                ctx,
                span,
                "ratio" if tok.kind == "ratio" else "difference",
                "not found",
                f"no figures for {a.name} and {b.name}",
                claimed=float(tok.value),
                entity=a.id,
                other_entity=b.id,
            )
        return got

    def _implicit_ranks(
        self,
        ctx: Context,
        sentence: str,
        mentions: Sequence[Mention],
        tokens: Sequence[Token],
        groups: Sequence[Sequence[Indicator]],
        year_at: Any,
        prev_rank: int | None,
    ) -> list[Claim]:
        """Ranks said in words: 가장 많았다 / the most, 뒤를 이었다 / followed by, 순으로, 다음으로.

        A list continues from the last rank said before it, in this sentence or the one before
        ("가장 많은 ... 구글. 메타와 마이크로소프트 순이었다" makes Meta 2nd).
        """
        out: list[Claim] = []
        if not groups:
            return out
        fitting = [m for m in mentions if fits(m.entity, groups)]
        events: list[tuple[int, int, str, int]] = [
            (t.start, t.end, "stated", int(t.value)) for t in tokens if t.kind == "rank"
        ]
        if not _NOT_RANK1.search(sentence):
            events += [(m.start(), m.end(), "first", 1) for m in _RANK1.finditer(sentence)]
        events += [(m.start(), m.end(), "followed", 0) for m in _FOLLOWED.finditer(sentence)]
        events += [(m.start(), m.end(), "order", 0) for m in _ORDER.finditer(sentence)]
        events += [(m.start(), m.end(), "after", 0) for m in _AFTER.finditer(sentence)]
        events.sort()
        stated = [e for e in events if e[2] == "stated"]
        current, seg_start = prev_rank, 0
        for a, b, what, value in events:
            year, relative = year_at(a)
            seg = [m for m in fitting if seg_start <= m.start < a]
            if what == "stated":
                current, seg_start = value, b
                continue
            if what == "first":
                # "압도적인 1위", "ranked 1st, the most": the stated rank already said it.
                if any(abs(e[0] - a) <= 20 and e[3] == 1 for e in stated):
                    continue
                ent = seg[-1].entity if seg else self._entity_for(a, mentions, sentence, groups)
                if ent is not None:
                    out.append(self._rank(ctx, (a, b), 1, ent, groups, year, relative))
                    current = 1
            elif what in ("followed", "order"):
                if what == "followed" and self.lang != "ko":
                    seg = [m for m in fitting if m.start >= b]
                start = (current or (1 if what == "followed" else 0)) + 1
                for i, m in enumerate(unique(seg)):
                    out.append(
                        self._rank(
                            ctx, (m.start, m.end), start + i, m.entity, groups, year, relative
                        )
                    )
                    current = start + i
            else:
                if any(seg_start <= e[0] <= b + 20 for e in stated):
                    continue
                if self.lang == "ko":
                    # "한국은 0.79%로 이스라엘 다음으로": the subject is not in the list.
                    subj = [m for m in seg if _TOPIC_KO.match(sentence[m.end :])]
                    listed = unique(m for m in seg if not subj or m.start > subj[0].start)
                    if subj:
                        listed = [m for m in listed if m.entity.id != subj[0].entity.id]
                else:
                    listed = unique([m for m in fitting if m.start >= b])
                ids = {m.entity.id for m in listed}
                subject = (
                    next(
                        (m.entity for m in fitting if m.entity.id not in ids and m.start < a), None
                    )
                    or self.topic
                )
                if subject is not None and listed and fits(subject, groups):
                    out.append(
                        self._rank(ctx, (a, b), len(listed) + 1, subject, groups, year, relative)
                    )
                    current = len(listed) + 1
            seg_start = b
        self.last_rank = current
        return out

    def _update_topic(self, sentence: str, mentions: Sequence[Mention]) -> None:
        if not mentions:
            return
        if self.lang == "ko":
            topical = [
                m
                for m in mentions
                if (t := _TOPIC_KO.match(sentence[m.end :])) and t.group("p") in "은는"
            ]
            subject = [m for m in mentions if _TOPIC_KO.match(sentence[m.end :])]
            pick = topical[-1] if topical else (subject[0] if subject else None)
            if pick is not None:
                self.topic = pick.entity
        elif not _PRONOUN_START.match(sentence):
            self.topic = mentions[0].entity


def _TOPIC_FIRST(sentence: str, pos: int) -> bool:
    """Whether a pronoun subject ("It ...") precedes ``pos``: the figure is the topic's."""
    return bool(_PRONOUN_START.match(sentence[:pos]))


# --------------------------------------------------------------------------- public API


def _edition_for(text: str, edition: int | None) -> int:
    from aiindex._sources.packaged import editions

    shipped = editions()
    if edition is not None:
        if isinstance(edition, bool) or not isinstance(edition, int):
            raise TypeError(f"edition must be an int such as 2024, not {edition!r}")
        if edition not in shipped:
            raise UnknownEditionError(edition, shipped)
        return edition
    for named in named_editions(text):
        if named in shipped:
            return named
    if DEFAULT_EDITION not in shipped:  # pragma: no cover - the seed's edition always ships
        raise UnknownEditionError(DEFAULT_EDITION, shipped)
    return DEFAULT_EDITION


def check(text: str, *, edition: int | None = None, lang: str | None = None) -> Report:
    """Find the numeric claims of ``text`` about the AI Index and grade each against the data.

    ``edition`` is the report edition to check against (None: the edition the text names, else
    2024); ``lang`` is ``"ko"`` or ``"en"`` (None: detected from the script). Raises
    `UnknownEditionError` for an edition aiindex does not ship.

    >>> from aiindex._check import check
    >>> r = check("The US invested $67.2 billion, more than 9 times China's $7.76 billion.")
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
    ed = _edition_for(text, edition)
    walker = _Walker(text, ed, lang)
    for start, end in body_spans(text):
        walker.sentence(start, end)
    return Report(tuple(walker.claims), ed, lang)


def run_check_cli(
    text: str, *, as_json: bool, edition: int | None, lang: str | None
) -> tuple[str, int]:
    """The ``aiindex check`` command: the report as a table or JSON, and the exit status.

    The status is 0 when no claim is contradicted and 1 otherwise.

    >>> from aiindex._check import run_check_cli
    >>> out, status = run_check_cli("한국(13억9천만달러)은 AI 민간 투자 9번째였다.", as_json=False,
    ...                             edition=None, lang=None)
    >>> status, out.splitlines()[-1]
    (0, '2 claims (AI Index 2024): 2 supported, 0 contradicted, 0 unsupported rank, 0 not found')
    """
    report = check(text, edition=edition, lang=lang)
    out = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json else str(report)
    return out, 1 if report.contradicted else 0
