"""Turning the numbers of one sentence into graded claims.

For each number: which entity it is about (the name before it, a name it is "from", the
sentence's topic), which data year ("2022년", "지난해"), and which of the indicators the sentence
names has a figure to grade it by. Ranks said in words are in `aiindex._check.ranks`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from aiindex._check.entities import (
    Mention,
    fits,
    korean_home,
    mentions,
    table_kinds,
    unique,
    world,
)
from aiindex._check.grade import (
    Context,
    claim,
    grade_change,
    grade_conversion,
    grade_pair,
    grade_rank,
    grade_total,
    grade_value,
    rate_of_change,
)
from aiindex._check.numbers import Token, tokens
from aiindex._check.sentences import lowered, mask
from aiindex._once import once
from aiindex.exceptions import EntityKindError, MissingValueError

if TYPE_CHECKING:
    from aiindex._check.report import Claim, ClaimKind
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity

__all__ = [
    "PRONOUN_START",
    "TOPIC_KO",
    "ZERO",
    "Sentence",
    "attach",
    "clauses",
    "confident",
    "entity_for",
    "names_in",
    "number_claims",
    "rank_claim",
]

#: A Korean subject or topic particle right after a name (and a parenthesis): "한국은", "미국이".
TOPIC_KO = re.compile(r"^\s*(?:\([^)]*\))?\s*(?P<p>은|는|이|가)(?![가-힣])")
#: An English sentence that goes on about the entity before it: "It ranked ...".
PRONOUN_START = re.compile(r"^\s*(?:It|Its|This|That|The country|Both|They)\b")
# "15 from China", "$4.5 billion invested in the United Kingdom", "... raised by Japan".
_FROM = re.compile(
    r"\s(?:(?:came|come|comes|was|were|models?|invested|raised|spent|attracted|secured"
    r"|installed|recorded|granted|published|developed|released)\s){0,2}(?:from|in|by|for)\s"
    r"(?:the\s)?"
)
_RESPECTIVELY = re.compile(r"각각|respectively", re.I)
# What ends the phrase of a ratio's second term: a list or a clause that goes on.
_LIST_BREAK = re.compile(r"followed by|;|,\s(?:and|while|but|ahead of|behind)\s")
# A name right before its own figure: "China's $9.3 billion", "China (20)", "Germany at 529",
# "China 30", "Britain was second with 116", "중국(124억달러)", "미국이 50개".
_OWN_FIGURE = re.compile(
    r"\s*(?:['’]s?)?\s*(?:\(\s*|:\s*|at\s|with\s|was\s|is\s|had\s|drew\s|of\s)?"
    r"(?:(?:about|nearly|almost|roughly|some|around|more than|over)\s)?[$€£₩]?"
    r"|\s*(?:\(\s*|은\s?|는\s?|이\s?|가\s?)?(?:약\s?)?"
)
# A name given as a point of comparison: "X에 이어", "X 다음으로", "X보다", "behind X".
_REFERENCE_KO = re.compile(r"^\s*(?:\([^)]*\))?\s*(?:에\s?이어|다음으로|에\s?뒤진|보다|의\s?뒤를)")
_REFERENCE_EN = re.compile(r"(?:behind|after|trailing|only to|than)\s(?:the\s)?$", re.I)
_LAST_YEAR = re.compile(r"지난해|작년|last year", re.I)
_THAN_KO = re.compile(r"^\s*(?:\([^)]*\))?\s*(?:의|보다|대비|에 비해|와 비교|과 비교)")
#: A zero said in words: "하나도 개발하지 못했다", "한국은 없었다".
ZERO = re.compile(r"(?P<z>하나도)|(?<=[은는])\s?(?P<n>없었다)")
# "세계 5위": a world rank, not a figure of the entity World.
_WORLD_RANK = re.compile(r"\s?\d+\s?위")
# Where a clause ends: a semicolon, "while"/"whereas"/"but", Korean "반면"/"-지만"/"-며".
# Contrastive connectives only: "and" and "-며" go on about the same thing.
_CLAUSE_END = re.compile(
    r";|,?\s(?:while|whereas|but|although|though)\s|,?\s?반면(?:에)?\s?|(?<=[가-힣])지만,?\s",
    re.I,
)


@functools.lru_cache(maxsize=4096)
def clauses(sentence: str) -> tuple[tuple[int, int], ...]:
    """The clauses of a sentence as (start, end), covering it.

    >>> s = "Israel led in talent, while U.S. investment reached $109.1 billion."
    >>> [s[a:b] for a, b in clauses(s)]
    ['Israel led in talent', ', while U.S. investment reached $109.1 billion.']
    """
    out, start = [], 0
    for m in _CLAUSE_END.finditer(sentence):
        if m.start() > start:
            out.append((start, m.start()))
            start = m.start()
    out.append((start, len(sentence)))
    return tuple(out)


def clause_at(sentence: str, pos: int) -> tuple[int, int]:
    """The clause of ``sentence`` that holds ``pos``, as (start, end)."""
    found = clauses(sentence)
    i = bisect.bisect_right(found, (pos, len(sentence) + 1)) - 1
    return found[max(i, 0)]


# A year right after a figure: "23% in 2023", "$1.8 billion (2025)".
_YEAR_AFTER = re.compile(r"\s*(?:,\s*)?(?:in|for|as of|\()\s*((?:19|20)\d{2})(?!\d)")
_BASE_BEFORE = re.compile(r"(?:since|from|between|compared with|over)\s(?:the\s)?$", re.I)
_BASE_AFTER = re.compile(r"\s?년?\s?(?:부터|이후|이래|대비|보다|에\s?비해)")


def _is_base_year(text: str, start: int, end: int) -> bool:
    """Whether the year at ``start:end`` is where a period or a change starts ("since 2003",
    "from 2013 to", "2016년부터", "2024년 대비"), not a year of data."""
    return bool(
        _BASE_BEFORE.search(text[max(0, start - 20) : start]) or _BASE_AFTER.match(text, end)
    )


def _overlaps(m: Mention, others: Sequence[Mention]) -> bool:
    return any(o.start < m.end and m.start < o.end for o in others)


def names_in(sentence: str) -> list[Mention]:
    """The entities a sentence names, left to right: by their names ("세계 5위" is a world
    rank, not the World), as Korean news names Korea ("우리나라", "국내"), and by the other
    names of claims.toml (demonyms, headline Hanja)."""
    return list(_names_in(sentence))


@functools.lru_cache(maxsize=4096)
def _names_in(sentence: str) -> tuple[Mention, ...]:
    found = [
        m
        for m in mentions(sentence)
        if not _WORLD_RANK.match(sentence, m.end) and not _byline(sentence, m)
    ]
    found += [m for m in korean_home(sentence) if not _overlaps(m, found)]
    found.sort(key=lambda m: m.start)
    return tuple(found)


# How near the report's name its maker stands in a byline: "Stanford University's 2026 AI
# Index", "the 2026 AI Index report from Stanford University".
_BYLINE_REACH = 30


@once
def _makers() -> tuple[frozenset[str], re.Pattern[str]]:
    """The ids of the report's makers, and a pattern of the words that name the report
    (claims.toml [ignore]), read in lower case."""
    from aiindex._check.words import claims_data

    spec = claims_data().get("ignore", {})
    words = sorted(spec.get("byline", ()), key=len, reverse=True)
    body = "|".join(r"\s?".join(re.escape(w.lower()) for w in word.split()) for word in words)
    return frozenset(spec.get("makers", ())), re.compile(rf"(?<![a-z])(?:{body})(?![a-z])")


def _byline(sentence: str, m: Mention) -> bool:
    """Whether ``m`` names the report's maker beside the report's name: its byline."""
    makers, words = _makers()
    if m.entity.id not in makers:
        return False
    low = lowered(sentence)
    return words.search(low, max(0, m.start - _BYLINE_REACH), m.end + _BYLINE_REACH) is not None


@attrs.frozen
class Sentence:
    """One sentence as the claims are made from it, with what the sentences before it left:
    the indicators in question (``groups``, best first), the topic entity and the last rank
    said (``prev_rank``)."""

    ctx: Context
    lang: str
    mentions: tuple[Mention, ...]
    masked: str
    tokens: tuple[Token, ...]
    groups: Sequence[Sequence[Indicator]]
    topic: Entity | None
    prev_rank: int | None
    last_year_at: int | None  # where "지난해" / "last year" is said
    # The indicators each clause names, where it names any: (start, end, groups).
    clause_groups: tuple[tuple[int, int, Sequence[Sequence[Indicator]]], ...] = ()
    # Whether ``groups`` were named in this sentence (not carried from an earlier one).
    own: bool = True
    # The entity the text is mostly about (Korean news leaves it unsaid for sentences on end).
    main: Entity | None = None
    # The mentions the indicators in question could hold a figure for.
    fit: tuple[Mention, ...] = ()
    # Where the years written in the sentence end, and their values, in order.
    years: tuple[tuple[int, int], ...] = ()
    # The entity kinds of the tables the sentence's names could be in (None: it names none).
    kinds: frozenset[str] | None = None

    @classmethod
    def read(
        cls,
        ctx: Context,
        lang: str,
        groups: Sequence[Sequence[Indicator]],
        topic: Entity | None,
        prev_rank: int | None,
        *,
        own: bool = True,
        main: Entity | None = None,
        found: Sequence[Mention] | None = None,
        kinds: frozenset[str] | None = None,
    ) -> Sentence:
        """Find the names (unless ``found``) and the numbers of the context's sentence;
        ``kinds``: those of the tables its names could be in (`table_kinds`)."""
        from aiindex._check.keywords import candidates

        if found is None:
            found = names_in(ctx.sentence)
            kinds = table_kinds((m.entity for m in found), ctx.edition)
        masked = mask(ctx.sentence, found)
        last_year = _LAST_YEAR.search(ctx.sentence)
        spans = clauses(ctx.sentence)
        by_clause = tuple(
            (a, b, named)
            for a, b in spans
            if len(spans) > 1 and (named := candidates(ctx.sentence[a:b], ctx.edition, kinds))
        )
        toks = tuple(tokens(masked))
        fit = tuple(m for m in found if fits(m.entity, groups))
        years = tuple(
            (t.end, int(t.value))
            for t in toks
            if t.kind == "year" and not _is_base_year(ctx.sentence, t.start, t.end)
        )
        return cls(
            ctx,
            lang,
            tuple(found),
            masked,
            toks,
            groups,
            topic,
            prev_rank,
            last_year.start() if last_year else None,
            by_clause,
            own,
            main,
            fit,
            years,
            kinds,
        )

    def groups_at(self, pos: int) -> Sequence[Sequence[Indicator]]:
        """The indicators in question for a figure at ``pos``: those its clause names, else
        the sentence's ("had the highest concentration of AI talent, while ... investment")."""
        for a, b, named in self.clause_groups:
            if a <= pos < b:
                return named
        return self.groups

    @property
    def text(self) -> str:
        """The sentence as written."""
        return self.ctx.sentence

    def fitting(self) -> list[Mention]:
        """The mentions of entities the indicators in question could hold a figure for."""
        return list(self.fit)

    def year_at(self, pos: int, end: int | None = None) -> tuple[int | None, bool]:
        """The data year of a figure at ``pos:end``: the year right after it ("23% in 2023"),
        else the last year written before it, else the first after it in its clause ("4.69%
        of all postings in Singapore in 2024"), else the edition's previous year after
        "지난해" (relative: True), else None (the latest). A year a period starts from
        ("since 2003", "2013년부터") is no data year."""
        if end is not None:
            after = _YEAR_AFTER.match(self.text, end)
            if after and not _is_base_year(self.text, after.start(1), after.end(1)):
                return int(after.group(1)), False
        i = bisect.bisect_right(self.years, (pos, 10**9))
        if i:
            return self.years[i - 1][1], False
        if end is not None:
            clause_end = clause_at(self.text, pos)[1]
            later = [y for e, y in self.years if end < e <= clause_end]
            if later:
                return later[0], False
        if self.last_year_at is not None and self.last_year_at < pos:
            return self.ctx.edition - 1, True
        return None, False


# --------------------------------------------------------------------------- choosing


def _first_graded(
    grade: Callable[[Indicator], Claim | None],
    groups: Sequence[Sequence[Indicator]],
    entity: Entity | None,
) -> Claim | None:
    """The first group's claims; within a group, one the data supports if any.

    Indicators of one group fit the sentence equally well: where two of them hold different
    figures for the claim and neither agrees with it, the sentence does not say which it
    quotes, and the claim is uncertain, never contradicted.
    """
    for group in groups:
        results: list[Claim] = []
        for ind in group:
            if entity is not None and not fits(entity, [[ind]]):
                continue
            try:
                got = grade(ind)
            except (MissingValueError, EntityKindError):
                continue
            if got is not None:
                results.append(got)
        if results:
            for c in results:
                if c.grade == "supported":
                    return c
            return _one_of(results)
    return None


def _one_of(results: Sequence[Claim]) -> Claim:
    """The grade of a claim that none of the equally named indicators supports: the first's,
    unless they hold different figures for it (then "uncertain")."""
    first = results[0]
    held = [c for c in results if c.grade != "not found"]
    figures = {(c.report, c.report_text) for c in held}
    if first.grade != "contradicted" or len(figures) <= 1:
        return first
    ids = ", ".join(dict.fromkeys(c.indicator or "" for c in held))
    why = f"uncertain: the sentence fits {ids} alike, which print different figures"
    return attrs.evolve(first, grade="not found", explanation=f"{why}; {first.explanation}")


def _bound_elsewhere(s: Sentence, m: Mention, tok_start: int) -> bool:
    """Whether the sentence's structure ties ``m`` to a figure other than the one at
    ``tok_start``: "80% in China", "China's $9.3 billion", "China (20)", "Germany at 529"."""
    for t in s.tokens:
        if t.start == tok_start or t.kind == "year":
            continue
        if t.end <= m.start and _FROM.fullmatch(s.text[t.end : m.start]):
            return True
        # "about 23 times China's": the ratio's second term, not the subject of the others.
        if t.kind in ("ratio", "diff") and s.lang == "en" and _second_term(s, t) == m:
            return True
        if t.start >= m.end and _OWN_FIGURE.fullmatch(s.text[m.end : t.start]):
            return True
    return False


def _references(s: Sentence, m: Mention, pos: int) -> bool:
    """Whether ``m`` is named only as a point of comparison before ``pos``: "나이지리아(71%)에
    이어 2위", "이스라엘 다음으로", "behind Israel"."""
    between = s.text[m.end : pos]
    if s.lang == "ko":
        return _REFERENCE_KO.match(between) is not None
    return _REFERENCE_EN.search(s.text[max(0, m.start - 30) : m.start]) is not None


_TITLED: dict[tuple[str, int | None], frozenset[str]] = {}


def titled(groups: Sequence[Sequence[Indicator]]) -> frozenset[str]:
    """The entities the titles of the first group name ("Trust in the United States to
    regulate AI" names the United States): the object of the measure, never whom its figures
    are about."""
    out: set[str] = set()
    for ind in groups[0] if groups else ():
        key = (ind.id, ind.source.edition)
        if key not in _TITLED:
            named = mentions(ind.title) + mentions(ind.title_ko or "")
            _TITLED[key] = frozenset(m.entity.id for m in named)
        out |= _TITLED[key]
    return frozenset(out)


def _candidates(s: Sentence, pos: int) -> list[Mention]:
    """The mentions a figure at ``pos`` may be about: those the indicators in question could
    hold a figure for, less those their titles name."""
    named = titled(s.groups_at(pos))
    return [m for m in s.fitting() if m.entity.id not in named]


def entity_for(s: Sentence, tok_start: int, tok_end: int | None = None) -> Entity | None:
    """The entity a figure at ``tok_start:tok_end`` is about, if the sentence tells."""
    fitting = _candidates(s, tok_start)
    if s.lang == "en":
        # "61 came from the United States, 15 from China", "80% in China": the entity the
        # figure is from.
        for m in fitting:
            if (
                tok_end is not None
                and m.start > tok_end
                and _FROM.fullmatch(s.text[tok_end : m.start])
            ):
                return m.entity
    # "X's $Y", "X ($Y)", "X at Y", "the US 50, China 30": the name before the figure, in
    # its clause; in a clause that names none ("58% of Koreans ..., while only 21% ..."),
    # the sentence's subject.
    lo = clause_at(s.text, tok_start)[0]
    before = [m for m in fitting if lo <= m.start and m.end <= tok_start]
    if before:
        return before[-1].entity
    earlier = [m for m in fitting if m.end <= lo]
    if earlier:
        return earlier[0].entity
    # English puts the figure first at times: "with 109 models, the United States led"; but
    # after "It ..." the figure is the topic's, and a name tied to a figure of its own
    # ("against 80% in China") is not this one's.
    after = [m for m in fitting if m.start >= tok_start and not _bound_elsewhere(s, m, tok_start)]
    if after and s.lang == "en" and not PRONOUN_START.match(s.text[:tok_start]):
        return after[0].entity
    if s.topic is not None and fits(s.topic, s.groups):
        return s.topic
    # A headline or a lead without a name: the text's main entity (never to contradict:
    # `confident` holds back a contradiction of an entity the sentence does not name).
    if s.main is not None and fits(s.main, s.groups):
        return s.main
    return None


def _rank_entity(s: Sentence, tok: Token) -> Entity | None:
    # "3위 미국": a Korean rank written before its entity.
    for m in s.mentions:
        if 0 <= m.start - tok.end <= 1 and fits(m.entity, s.groups):
            return m.entity
    # "나이지리아(71%)에 이어 2위": the rank is the subject's, not Nigeria's.
    before = [m for m in _candidates(s, tok.start) if m.end <= tok.start]
    if before and _references(s, before[-1], tok.start):
        subject = [m for m in before if not _references(s, m, tok.start)]
        if subject:
            return subject[-1].entity
        return s.topic if s.topic is not None and fits(s.topic, s.groups) else None
    return entity_for(s, tok.start)


def _topic_fallbacks(s: Sentence, ent: Entity | None) -> list[Entity]:
    """The entities to try for a figure whose sentence names none: the topic, then the entity
    the text is mostly about."""
    if ent is None:
        return []
    named = any(m.entity.id == ent.id for m in s.mentions)
    out = [ent]
    if not named and s.main is not None and s.main.id != ent.id and fits(s.main, s.groups):
        out.append(s.main)
    return out


# --------------------------------------------------------------------------- claims


def _signed(s: Sentence, tok: Token) -> Token:
    """``tok`` with the sign its words give a net flow ("순유출 0.36명" is -0.36): the nearest
    sign word of its clause, where the number is written without one."""
    if tok.value < 0 or tok.kind not in ("count", "bare"):
        return tok
    lo_clause, hi_clause = clause_at(s.text, tok.start)
    best: tuple[int, int] | None = None
    starts = [t.start for t in s.tokens if t is not tok and t.kind != "year"]
    for at, sign in _sign_words_in(s.text):
        if not lo_clause <= at < hi_clause:
            continue
        lo, hi = sorted((at, tok.start))
        # The word must speak of this number: no other figure stands between them.
        i = bisect.bisect_right(starts, lo)
        if i < len(starts) and starts[i] < hi:
            continue
        distance = hi - lo
        if best is None or distance < best[0]:
            best = (distance, sign)
    if best is None or best[1] > 0:
        return tok
    return attrs.evolve(tok, value=-tok.value, sign_word=True)


@once
def _sign_pattern() -> re.Pattern[str]:
    from aiindex._check.words import sign_words

    negative, positive = sign_words()
    words = sorted({*negative, *positive}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), re.I)


@functools.lru_cache(maxsize=1024)
def _sign_words_in(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence says a sign word, and its sign (-1 "순유출", +1 "net inflow")."""
    from aiindex._check.words import sign_words

    negative = {w.casefold() for w in sign_words()[0]}
    return tuple(
        (m.start(), -1 if m.group().casefold() in negative else 1)
        for m in _sign_pattern().finditer(sentence)
    )


def _value_claim(
    s: Sentence, tok: Token, ent: Entity | None, year: int | None, relative: bool
) -> Claim:
    """The claim of a value: graded, or "not found" saying what is missing."""
    span, claimed, groups = (tok.start, tok.end), float(tok.value), s.groups_at(tok.start)
    if not groups:
        why = "no indicator named in this sentence or the one before"
        entity_id = ent.id if ent else None
        return claim(s.ctx, span, "value", "not found", why, claimed=claimed, entity=entity_id)
    if ent is None:
        why = "no entity of the indicator's kind named near the number"
        ind_id = groups[0][0].id
        return claim(s.ctx, span, "value", "not found", why, claimed=claimed, indicator=ind_id)
    signed = _signed(s, tok)
    got: Claim | None = None
    for who in _topic_fallbacks(s, ent):

        def grade(ind: Indicator, who: Entity = who) -> Claim | None:
            used = signed if _has_negatives(ind) else tok
            return grade_value(s.ctx, used, ind, who, year, relative)

        found = _first_graded(grade, groups, who)
        if found is not None and (got is None or found.grade == "supported"):
            got = found
        if got is not None and got.grade == "supported":
            break
    if got is None:
        return claim(
            s.ctx,
            span,
            "value",
            "not found",
            f"no figure for {ent.name} on " + ", ".join(i.id for i in groups[0]),
            claimed=claimed,
            indicator=groups[0][0].id,
            entity=ent.id,
            year=year,
        )
    return got


_NEGATIVES: dict[tuple[str, int | None], bool] = {}


def _has_negatives(ind: Indicator) -> bool:
    """Whether ``ind`` holds a negative value (a net flow): only then does a sign word count."""
    key = (ind.id, ind.source.edition)
    if key not in _NEGATIVES:
        _NEGATIVES[key] = any(o.magnitude < 0 for o in ind.observations)
    return _NEGATIVES[key]


def rank_claim(
    s: Sentence,
    span: tuple[int, int],
    rank: int,
    ent: Entity | None,
    year: int | None,
    relative: bool,
) -> Claim:
    """The claim that ``ent`` ranks ``rank``: graded, or "not found"."""
    groups = s.groups_at(span[0])
    if ent is None or not groups:
        why = "no indicator or entity to rank"
        return claim(s.ctx, span, "rank", "not found", why, claimed=float(rank), unit="rank")
    got: Claim | None = None
    for who in _topic_fallbacks(s, ent):

        def grade(ind: Indicator, who: Entity = who) -> Claim | None:
            return grade_rank(s.ctx, span, rank, ind, who, year, relative)

        found = _first_graded(grade, groups, who)
        if found is not None and (got is None or found.grade == "supported"):
            got = found
        if got is not None and got.grade == "supported":
            break
    if got is None:
        why = f"no figure for {ent.name} to rank"
        return claim(
            s.ctx, span, "rank", "not found", why, claimed=float(rank), unit="rank", entity=ent.id
        )
    return got


def _second_term(s: Sentence, tok: Token) -> Mention | None:
    """The name an English ratio or difference at ``tok`` compares with: "24 times the
    U.K.'s", the name after the figure, not one of a list that follows ("2.63 times the
    global average, followed by India")."""
    for m in s.fitting():
        if m.start >= tok.end:
            return None if _LIST_BREAK.search(s.text, tok.end, m.start) else m
    return None


def _compared(s: Sentence, tok: Token) -> tuple[Entity | None, Entity | None]:
    """The two entities a ratio or a difference compares: (a, b) of "a is x times b"."""
    fitting = s.fitting()
    b: Entity | None = None
    if s.lang == "ko":
        for m in reversed([m for m in fitting if m.end <= tok.start]):
            if _THAN_KO.match(s.masked[m.end :]):
                b = m.entity
                break
    else:
        second = _second_term(s, tok)
        b = second.entity if second is not None else None
    others = [m.entity for m in fitting if m.end <= tok.start and b and m.entity.id != b.id]
    # "A ..., 12 times B's and 24 times C's": each compares the subject, A, the first named.
    return (others[0] if others else s.topic), b


def _pair_claim(s: Sentence, tok: Token, year: int | None, relative: bool) -> Claim:
    span = (tok.start, tok.end)
    kind: ClaimKind = "ratio" if tok.kind == "ratio" else "difference"
    a, b = _compared(s, tok)
    if a is None or b is None or a.id == b.id:
        why = "cannot tell which two entities are compared"
        return claim(s.ctx, span, kind, "not found", why, claimed=float(tok.value))
    groups = s.groups_at(tok.start)
    got = _first_graded(lambda ind: grade_pair(s.ctx, tok, ind, a, b, year, relative), groups, a)
    if got is None:
        why = f"no figures for {a.name} and {b.name}"
        return claim(
            s.ctx,
            span,
            kind,
            "not found",
            why,
            claimed=float(tok.value),
            entity=a.id,
            other_entity=b.id,
        )
    return got


# --------------------------------------------------------------------------- a sentence


def number_claims(s: Sentence) -> list[Claim]:
    """The claims of the sentence's numbers, in this order: currency conversions; values,
    ratios, differences, changes, totals and ranks written as numbers; zeros said in words.

    A value said of several entities at once ("Belgium and Portugal with five each", "구글과
    OpenAI가 각각 7개로 공동 1위") is a claim about each of them.
    """
    out, converted = _conversions(s)
    paired = _respectively(s)
    ranked = _rank_list(s)
    for tok in s.tokens:
        if tok.kind == "year" or tok.start in converted:
            continue
        year, relative = s.year_at(tok.start, tok.end)
        change = _change_of(s, tok)
        shared = _shared(s, tok)
        if change is not None:
            out.append(_change_claim(s, tok, year, *change))
        elif tok.kind in ("ratio", "diff"):
            out.append(_pair_claim(s, tok, year, relative))
        elif tok.kind == "rank":
            span = (tok.start, tok.end)
            if shared:
                out += [rank_claim(s, span, int(tok.value), m, year, relative) for m in shared]
                continue
            ent = ranked.get(tok.start) or _rank_entity(s, tok)
            out.append(rank_claim(s, span, int(tok.value), ent, year, relative))
        elif (together := _together(s, tok)) is not None:
            out.append(total_claim(s, tok, together, year, relative))
        elif shared:
            out += [_value_claim(s, tok, m, year, relative) for m in shared]
        else:
            ent = paired.get(tok.start)
            if ent is None and tok.total:
                ent = world()
            if ent is None:
                ent = entity_for(s, tok.start, tok.end)
            out.append(_value_claim(s, tok, ent, year, relative))
    out += _zero_claims(s)
    return out


# Words that say one figure of several entities: "five each", "각각 20건", "공동 1위".
_EACH_AFTER = re.compile(r"^\s?(?:each|apiece)\b", re.I)
_EACH_BEFORE = re.compile(r"(?:각각|모두|공동|tied for|joint)\s?(?:the\s)?$", re.I)
# What joins the names of a list: "A and B", "A, B", "A과 B", "A·B".
_JOIN = re.compile(r"\s*(?:\([^)]*\))?\s*(?:,\s*and|,|and|&|과|와|및|·|, 그리고)?\s*", re.I)
# A total of several entities: "together", "combined", "합쳐", "합계", "합산".
_TOGETHER = re.compile(r"together|combined|in total|합쳐|합친|합하면|합계|합산", re.I)


def _run_before(s: Sentence, pos: int) -> list[Mention]:
    """The names listed together right before ``pos`` ("Belgium and Portugal", "구글과
    OpenAI"): the last name before it and those joined to it."""
    before = [m for m in s.fitting() if m.end <= pos]
    if not before:
        return []
    run = [before[-1]]
    for m in reversed(before[:-1]):
        if not _JOIN.fullmatch(s.text[m.end : run[0].start]):
            break
        run.insert(0, m)
    return unique(run)


def _shared(s: Sentence, tok: Token) -> list[Entity]:
    """The entities a figure is said of at once ("with five each", "각각 20건", "공동 1위"),
    when it is said so of two or more; else none."""
    after = _EACH_AFTER.match(s.text[tok.end :])
    before = _EACH_BEFORE.search(s.text[max(0, tok.start - 12) : tok.start])
    if not after and not before:
        return []
    values = [t for t in s.tokens if t.kind not in ("year",) and t is not tok]
    # "각각 3개, 5개": several values, said respectively, not one shared.
    if before and any(0 < t.start - tok.end <= 4 for t in values):
        return []
    run = _run_before(s, tok.start)
    return [m.entity for m in run] if len(run) >= 2 else []


def _rank_list(s: Sentence) -> dict[int, Entity]:
    """Ranks said as a list after as many names ("이스라엘과 싱가포르가 1, 2위를"): the entity
    of each rank, by where the rank starts."""
    ranks = [t for t in s.tokens if t.kind == "rank"]
    out: dict[int, Entity] = {}
    i = 0
    while i < len(ranks):
        j = i
        while j + 1 < len(ranks) and re.fullmatch(
            r"\s?[,·]\s?|\s?(?:and|과|와)\s?", s.masked[ranks[j].end : ranks[j + 1].start]
        ):
            j += 1
        if j > i:
            run = _run_before(s, ranks[i].start)
            if len(run) == j - i + 1:
                out.update({t.start: m.entity for t, m in zip(ranks[i : j + 1], run, strict=True)})
        i = j + 1
    return out


def _together(s: Sentence, tok: Token) -> list[Entity] | None:
    """The entities a figure is the total of ("the US and China together drew $298
    billion", "미국과 중국을 합친 투자액은"), when the sentence says so; else None."""
    if tok.kind not in ("money", "count", "bare", "percent"):
        return None
    clause = clause_at(s.text, tok.start)
    word = _TOGETHER.search(s.text, clause[0], clause[1])
    if word is None:
        return None
    run = _run_before(s, min(word.start(), tok.start))
    return [m.entity for m in run] if len(run) >= 2 else None


def total_claim(
    s: Sentence, tok: Token, parts: Sequence[Entity], year: int | None, relative: bool
) -> Claim:
    """The claim that ``parts`` add up to the figure at ``tok``."""
    span, groups = (tok.start, tok.end), s.groups_at(tok.start)
    names = " + ".join(e.name for e in parts)
    got = _first_graded(
        lambda ind: grade_total(s.ctx, tok, ind, parts, year, relative), groups, parts[0]
    )
    if got is None:
        why = f"no figures of {names} to add up"
        return claim(s.ctx, span, "total", "not found", why, claimed=float(tok.value))
    return got


_RISE = r"up|rose|risen|grew|grown|increased|jumped|climbed|surged|soared|gained"
_FALL = r"down|fell|fallen|dropped|declined|decreased|slipped|shrank|shrunk"
_CHANGE_BEFORE = re.compile(
    rf"(?P<dir>{_RISE}|{_FALL})\s(?:by\s)?(?:(?:about|nearly|almost|roughly|more than|over)\s)?$",
    re.I,
)
_CHANGE_AFTER = re.compile(
    r"^\s(?:(?:increase|rise|growth|jump|gain|drop|decline|decrease|fall)\s)?"
    r"(?:from|since|over|compared with|on)\s(?:the\s|its\s)?"
    r"(?:(?P<year>(?:19|20)\d{2})|(?P<prev>previous year|prior year|a year earlier|last year))",
    re.I,
)
_CHANGE_KO = re.compile(r"^\s?(?P<dir>증가|늘|상승|급증|성장|확대|감소|줄|하락|급감|축소)")
_SINCE_KO = re.compile(
    r"(?P<year>(?:19|20)\d{2})년\s?(?:대비|보다|에 비해)\s?$|(?P<prev>전년\s?(?:대비|보다)?)\s?$"
)


def _change_of(s: Sentence, tok: Token) -> tuple[int | None, int] | None:
    """For a percent written as a change between years, the year it is measured from (None:
    the year before the figure's) and its sign (+1 a rise, -1 a fall); None for any other
    number."""
    if tok.kind != "percent":
        return None
    before, after = s.text[max(0, tok.start - 40) : tok.start], s.text[tok.end : tok.end + 60]
    if s.lang == "ko":
        verb = _CHANGE_KO.match(after)
        since = _SINCE_KO.search(before.rstrip())
        if verb is None or since is None:
            return None
        sign = -1 if verb.group("dir") in ("감소", "줄", "하락", "급감", "축소") else 1
        return (int(since.group("year")) if since.group("year") else None), sign
    verb = _CHANGE_BEFORE.search(before)
    since = _CHANGE_AFTER.match(after)
    if verb is None or since is None:
        return None
    sign = -1 if re.fullmatch(_FALL, verb.group("dir"), re.I) else 1
    return (int(since.group("year")) if since.group("year") else None), sign


def _change_claim(s: Sentence, tok: Token, year: int | None, base: int | None, sign: int) -> Claim:
    span = (tok.start, tok.end)
    if year is not None and base is not None and year <= base:
        year = None  # "2024년 대비": the year written is the base; the figure is the latest
    # "from the previous year": the year before the figure's (the edition's data year).
    since = base if base is not None else (year or s.ctx.edition - 1) - 1
    ent = entity_for(s, tok.start, tok.end)
    groups = s.groups_at(tok.start)
    if ent is None or not groups:
        why = "a change between years, but no indicator or entity to grade it by"
        return claim(s.ctx, span, "change", "not found", why, claimed=float(tok.value))

    def grade(ind: Indicator) -> Claim | None:
        # A table of changes ("Annual growth rate of industrial robots installed") holds the
        # report's own figure: the text's change is its value, with its sign.
        if rate_of_change(ind):
            signed = attrs.evolve(tok, value=tok.value * sign)
            found = grade_value(s.ctx, signed, ind, ent, year, relative=False)
            return attrs.evolve(found, kind="change") if found is not None else None
        return grade_change(s.ctx, tok, ind, ent, year, since, sign)

    rates = [[i for i in g if rate_of_change(i)] for g in groups]
    got = _first_graded(grade, [g for g in rates if g], ent) or _first_graded(grade, groups, ent)
    if got is None:
        why = f"no figures of {ent.name} for {since} and a later year"
        return claim(
            s.ctx, span, "change", "not found", why, claimed=float(tok.value), entity=ent.id
        )
    return got


def _conversions(s: Sentence) -> tuple[list[Claim], set[int]]:
    """An amount in parentheses right after an amount in another currency is a conversion:
    its claims, and where the converted amounts start (they are not values of their own)."""
    out: list[Claim] = []
    converted: set[int] = set()
    for first, second in itertools.pairwise(s.tokens):
        if first.kind == second.kind == "money" and first.currency != second.currency:
            gap = s.masked[first.end : second.start]
            if re.fullmatch(r"\s*\(\s*", gap):
                out.append(grade_conversion(s.ctx, first, second))
                converted.add(second.start)
    return out, converted


def _respectively(s: Sentence) -> dict[int, Entity]:
    """Values said "respectively" ("A와 B는 각각 3개, 5개", "3 and 5 for A and B respectively"):
    the entity of each, by where the value starts; empty unless names and values pair up."""
    respectively = _RESPECTIVELY.search(s.text)
    if not respectively:
        return {}
    values = [t for t in s.tokens if t.kind in ("money", "percent", "count", "bare")]
    run = [t for t in values if (t.start > respectively.start()) == (s.lang == "ko")]
    if s.lang != "ko":
        run = [t for t in run if t.end <= respectively.start()]
    if not run:
        return {}
    fitting = [m for m in s.fitting() if m.end <= run[0].start]
    fitting = unique(reversed(fitting))[: len(run)][::-1]
    if len(fitting) != len(run):
        return {}
    return {t.start: m.entity for t, m in zip(run, fitting, strict=True)}


def _zero_claims(s: Sentence) -> list[Claim]:
    """Zeros said without digits: "하나도 개발하지 못했다", "한국은 없었다"."""
    out = []
    for m in ZERO.finditer(s.masked):
        a, b = m.span("z") if m.group("z") else m.span("n")
        ent = entity_for(s, a)
        zero = Token(a, b, s.masked[a:b], "count", Decimal(0), Decimal(1))
        year, relative = s.year_at(m.start())
        out.append(_value_claim(s, zero, ent, year, relative))
    return out


def attach(found: Claim, claims: Sequence[Claim]) -> Claim:
    """A conversion is about the figure it converts: give it that claim's subject."""
    if found.kind != "conversion":
        return found
    before = [c for c in claims if c.kind == "value" and c.span[1] <= found.span[0]]
    if not before:
        return found
    v = before[-1]
    return attrs.evolve(found, indicator=v.indicator, entity=v.entity, year=v.year)


def confident(found: Claim, s: Sentence) -> Claim:
    """A contradiction only where the sentence itself says what the figure is about.

    A figure whose indicator is named only in an earlier sentence while its own words speak of
    another, whose clause names no indicator while the other clauses name different ones, or
    whose entities are not named in its sentence (a topic carried over) is "not found" rather
    than "contradicted": a false contradiction is worse than a missed claim. Conversions are
    graded on their own terms.
    """
    if found.grade != "contradicted" or found.kind == "conversion":
        return found
    from aiindex._check.keywords import strays

    why = None
    pos = found.span[0] - s.ctx.offset
    in_named = any(a <= pos < b for a, b, _ in s.clause_groups)
    carried = not s.own and not in_named
    others = carried and strays(s.text, {i.id for g in s.groups for i in g}, s.ctx.edition, s.kinds)
    if others:
        why = (
            f"the indicator ({found.indicator}) is named only in an earlier sentence, and this "
            "one speaks of something else"
        )
    elif s.clause_groups and not in_named and not _one_topic(s, pos):
        why = f"the indicator ({found.indicator}) is named in another clause of the sentence"
    else:
        named = {m.entity.id for m in s.mentions} | {m.entity.name for m in s.mentions}
        for entity in (found.entity, found.other_entity):
            if entity is None or entity == "world":
                continue
            if entity not in named and not _named_alike(entity, s):
                why = f"the entity ({entity}) is not named in this sentence"
                break
    if why is None:
        return found
    return attrs.evolve(
        found, grade="not found", explanation=f"uncertain: {why}; {found.explanation}"
    )


def _one_topic(s: Sentence, pos: int) -> bool:
    """Whether a figure at ``pos``, in a clause that names no indicator, may take the one its
    sentence's other clauses name ("Gemini Ultra scored 59.4% on MMMU, while a human expert
    reached 82.6%"): they all name the same, and its own clause speaks of nothing else."""
    from aiindex._check.keywords import siblings_said, strays

    tops = {tuple(sorted(i.id for i in named[0])) for _, _, named in s.clause_groups}
    if len(tops) != 1:
        return False
    clause = clause_at(s.text, pos)
    ids = {i for top in tops for i in top}
    own = s.text[clause[0] : clause[1]]
    return not strays(own, ids, s.ctx.edition, s.kinds) and not siblings_said(
        own, ids, s.ctx.edition
    )


def _named_alike(entity_id: str, s: Sentence) -> bool:
    # The table's own remainder ("Rest of the world") under the generic name.
    from aiindex._reference.entities import by_id

    try:
        name = by_id(entity_id).name
    except LookupError:
        return False
    return any(m.entity.name == name for m in s.mentions)
