"""Grading one claim against the shipped figures: a value, a rank, a ratio or a difference of
two entities, an amount in another currency, and a currency conversion.

A figure is right when it equals the report's within the rounding the text itself uses (or
the report prints, whichever is coarser); a bound ("more than 9 times") only has to hold.
Amounts in another currency and conversions are checked against the ECB reference rates of
the edition's publication week.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from aiindex._check.report import Claim, ClaimKind, Grade
from aiindex._check.text import note_of, printed
from aiindex._model.units import split_scale
from aiindex._present.numbers import number
from aiindex.exceptions import (
    AIIndexError,
    IncompleteRankingError,
    MissingValueError,
    UnknownEditionError,
)

if TYPE_CHECKING:
    from aiindex._check.numbers import Token
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity, Observation, Ranked, Source

__all__ = [
    "CONVERSION_TOLERANCE",
    "Context",
    "claim",
    "grade_conversion",
    "grade_pair",
    "grade_rank",
    "grade_total",
    "grade_value",
    "publication_day",
    "rate_of_change",
]

#: Relative slack allowed on the exchange rate of a currency conversion, on top of the text's
#: rounding. Korean newspapers convert at the Seoul market rate of the day, not at the ECB
#: reference rate fixed hours later in Frankfurt; the two differ by a few tenths of a percent.
CONVERSION_TOLERANCE = Decimal("0.003")

# A claim qualified "about" may be this far from the report's figure (relative).
_ABOUT = Decimal("0.05")

_QUAL_WORDS = {">": "more than", ">=": "at least", "<": "less than", "<=": "at most", "~": "about"}


@attrs.frozen
class Context:
    """The sentence a claim is graded in, and the edition it is graded against."""

    edition: int
    sentence: str
    offset: int  # of the sentence in the text
    publication: _dt.date | None


def publication_day(edition: int) -> _dt.date | None:
    """The edition's publication day, as sourced in editions.toml (None where only the month is).

    Conversions in an article are checked against the ECB fixings of that day and the four
    following (the publication week), so an unsourced day is not guessed.
    """
    from aiindex._reference.editions import edition_info

    try:
        return edition_info(edition).published_date
    except UnknownEditionError:
        return None


def claim(
    ctx: Context, tok_span: tuple[int, int], kind: ClaimKind, grade: Grade, why: str, **fields: Any
) -> Claim:
    """The claim at ``tok_span`` of the context's sentence, placed in the whole text."""
    a, b = tok_span
    return Claim(
        sentence=ctx.sentence.strip(),
        span=(ctx.offset + a, ctx.offset + b),
        text=ctx.sentence[a:b],
        kind=kind,
        grade=grade,
        explanation=why,
        **fields,
    )


# --------------------------------------------------------------------------- helpers


@functools.lru_cache(maxsize=256)
@functools.lru_cache(maxsize=256)
def _currency_of(unit: str) -> str | None:
    code = unit.split("*")[-1].strip()
    return code if re.fullmatch(r"[A-Z]{3}", code) else None


def _report_precision(obs: Observation) -> Decimal:
    """One unit of the report's last printed digit, in the indicator's unit."""
    decimals = len(obs.printed.split(".")[1]) if "." in obs.printed else 0
    step = Decimal(1).scaleb(-decimals)
    return step * split_scale(obs.printed_unit)[0] / split_scale(obs.unit)[0]


def _label(claimed: Decimal, qualifier: str | None) -> str:
    """The text's figure as the explanation quotes it: "more than 9", "10.26"."""
    qual = _QUAL_WORDS.get(qualifier or "", "")
    return f"{qual + ' ' if qual else ''}{number(claimed, grouped=False)}"


def _within(claimed: Decimal, actual: Decimal, tol: Decimal, qualifier: str | None) -> bool:
    # A bound ("9배 이상", "more than 9 times") is not a rounded figure: no slack.
    if qualifier in (">", ">="):
        return actual >= claimed
    if qualifier in ("<", "<="):
        return actual <= claimed
    if qualifier == "~":
        tol = max(tol, abs(claimed) * _ABOUT)
    return abs(claimed - actual) <= tol


def _source_fields(obs: Observation) -> dict[str, Any]:
    src = obs.source
    locs = [loc for loc in src.locators if loc]
    if src.edition is None:
        return {"edition": None, "section": src.section, "locator": None, "citation": None}
    citation, read_from = _citation(obs)
    return {
        "edition": src.edition,
        "section": src.section,
        "locator": "; ".join(locs[:2]) if locs else (src.figure or None),
        "citation": citation,
        "read_from": read_from,
    }


_CITATIONS: dict[Source, tuple[str, tuple[str, ...]]] = {}


def _citation(obs: Observation) -> tuple[str, tuple[str, ...]]:
    """How the checker credits a value, and every copy aiindex read it from.

    The credit is the report's: its data provider, the edition, section and figure, as
    `aiindex.cite` gives them, and "via" the news organizations of claims.toml ([sources]) for
    a value read from the press; never a summary on GitHub or a blog. It depends on the
    value's source alone, so it is made once a source.
    """
    from aiindex._check.words import press
    from aiindex._present.cite import cite, via, via_text

    found = _CITATIONS.get(obs.source)
    if found is None:
        full, read = cite(obs), via_text(obs)
        base = full.removesuffix(f", {read}") if read else full
        named = [p for p in via(obs) if p in press()]
        credit = base + (", via " + ", ".join(named) if named else "")
        found = _CITATIONS.setdefault(obs.source, (credit, via(obs)))
    return found


def _observation(ind: Indicator, entity: Entity, year: int | None, relative: bool) -> Observation:
    try:
        return ind.observation(entity, year)
    except MissingValueError:
        if year is None or not relative:
            raise
        # "지난해" (last year) is loose: patents data lag a year behind the edition.
        return ind.observation(entity, None)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --------------------------------------------------------------------------- values and ranks


def grade_value(
    ctx: Context, tok: Token, ind: Indicator, entity: Entity, year: int | None, relative: bool
) -> Claim | None:
    """The text's figure for ``entity`` on ``ind``; None when the token's unit is not the
    indicator's (money for a count, a percentage for money)."""
    from aiindex._check.entities import own_entity

    # The units first: they rule out most of the indicators tried, without a look-up.
    code = _currency_of(ind.unit)
    if tok.kind == "money" and code is None:
        return None
    if tok.kind == "percent" and ind.unit != "percent":
        return None
    # A number without "%" is no percentage: news writes them with the sign.
    if tok.kind in ("count", "bare") and (code is not None or ind.unit == "percent"):
        return None
    if tok.kind in ("count", "bare") and not _counter_fits(tok.text, ind.unit):
        return None
    entity = own_entity(ind, entity)
    obs = _observation(ind, entity, year, relative)
    actual = Decimal(repr(obs.magnitude))
    report_text = printed(obs, ind)
    common = {
        "indicator": ind.id,
        "entity": entity.id,
        "year": obs.year,
        "report": obs.magnitude,
        "report_text": report_text,
        **_source_fields(obs),
    }
    scale = Decimal(split_scale(ind.unit)[0])
    if tok.kind == "money" and tok.currency != code:
        return _grade_foreign_money(ctx, tok, ind, obs, code or "", common)
    # A count written in full ("290,300 robots") for a table in thousands is in base units.
    in_base = tok.scaled or (scale > 1 and abs(tok.value) >= scale)
    claimed = tok.value / scale if in_base else tok.value
    tol = max(tok.precision / (scale if in_base else 1), _report_precision(obs)) / 2
    ok = _within(claimed, actual, tol, tok.qualifier)
    label = _label(claimed, tok.qualifier)
    who = f"{entity.name} {obs.year}"
    if ok:
        why = (
            f"{who}: the report prints {report_text}; the text's {label} agrees within its rounding"
        )
    else:
        why = f"{who}: the text says {label}, the report prints {report_text}"
        if obs.note:
            why += f" (note: {note_of(obs)})"
    return claim(
        ctx,
        (tok.start, tok.end),
        "value",
        "supported" if ok else "contradicted",
        why,
        claimed=float(claimed),
        unit=ind.unit,
        **common,
    )


# What a counter word counts, by the units of aiindex that count it: "-0.36명" counts people,
# so it is no figure of patents per 100,000 inhabitants. "개" counts anything: not listed.
_COUNTERS: dict[str, frozenset[str]] = {
    "명": frozenset({"person", "member", "author", "student", "graduate"}),
    "건": frozenset(
        {"patent", "bill", "paper", "publication", "contract", "trial", "mention", "citation"}
    ),
    "편": frozenset({"paper", "publication"}),
    "대": frozenset({"robot", "unit"}),
    "곳": frozenset({"company", "data_center"}),
    "개사": frozenset({"company"}),
    "개국": frozenset({"country"}),
    "models": frozenset({"model"}),
    "model": frozenset({"model"}),
    "patents": frozenset({"patent"}),
    "bills": frozenset({"bill"}),
    "laws": frozenset({"bill"}),
    "companies": frozenset({"company"}),
    "robots": frozenset({"robot", "unit"}),
    "papers": frozenset({"paper", "publication"}),
    "publications": frozenset({"paper", "publication"}),
    "data centers": frozenset({"data_center"}),
    "students": frozenset({"student"}),
    "graduates": frozenset({"graduate"}),
    "countries": frozenset({"country"}),
    "economies": frozenset({"country"}),
    "nations": frozenset({"country"}),
    "pages": frozenset({"page"}),
    "times": frozenset({"mention"}),
}
_SCALE_WORDS = frozenset({"thousand", "ten_thousand", "hundred_thousand", "million", "billion"})
_COUNTER = re.compile(
    r"(?:개사|개국|[명건편대곳]|models?|patents|bills|laws|companies|robots|papers|publications"
    r"|data centers|students|graduates|countries|economies|nations|pages|times)$"
)


@functools.lru_cache(maxsize=1024)
def _counter_fits(text: str, unit: str) -> bool:
    """Whether the counter word a number is written with (if any) counts what ``unit`` does."""
    m = _COUNTER.search(text.strip())
    if m is None:
        return True
    # What the unit counts is its numerator ("patent / (hundred_thousand * person)": patents);
    # a numerator of scale words or "1" alone says nothing.
    words = set(re.findall(r"[a-z_]+", unit.split("/")[0])) - _SCALE_WORDS
    return not words or bool(_COUNTERS[m.group()] & words)


_RANKS: dict[tuple[str, int | None, str, int], int | IncompleteRankingError] = {}


def _rank_of(ind: Indicator, entity: Entity, year: int) -> int:
    """``ind.rank(entity, year)``, kept: ranking a table reads all of it."""
    key = (ind.id, ind.source.edition, entity.id, year)
    if key not in _RANKS:
        try:
            _RANKS[key] = ind.rank(entity, year)
        except IncompleteRankingError as e:
            _RANKS[key] = e
    found = _RANKS[key]
    if isinstance(found, IncompleteRankingError):
        raise found.with_traceback(None)
    return found


def grade_rank(
    ctx: Context,
    span: tuple[int, int],
    rank: int,
    ind: Indicator,
    entity: Entity,
    year: int | None,
    relative: bool,
) -> Claim:
    """The text's rank for ``entity`` on ``ind``: "unsupported rank" where the table is partial."""
    obs = _observation(ind, entity, year, relative)
    common = {
        "indicator": ind.id,
        "entity": entity.id,
        "year": obs.year,
        "claimed": float(rank),
        "unit": "rank",
        **_source_fields(obs),
    }
    try:
        actual = _rank_of(ind, entity, obs.year)
    except IncompleteRankingError as e:
        return claim(
            ctx, span, "rank", "unsupported rank", f"rank {rank} of {entity.name}: {e}", **common
        )
    report_text = f"rank {actual} ({printed(obs, ind)})"
    above: list[Ranked] = []
    tied = 1
    if actual != rank:
        rows = list(ind.ranking(obs.year))
        above = [r for r in rows if r.rank == rank and r.entity.id != entity.id]
        # Tied entities share the top rank of their block; a text that lists them one after
        # the other ("Portugal and Russia followed with 20 each") gives the block's later ranks.
        tied = sum(1 for r in rows if r.rank == actual)
    if actual == rank:
        grade: Grade = "supported"
        why = f"{entity.name} is {_ordinal(actual)} on {ind.title} in {obs.year}"
    elif actual < rank < actual + tied:
        grade = "supported"
        why = (
            f"{entity.name} is tied {_ordinal(actual)} with {tied - 1} other(s) on {ind.title} in "
            f"{obs.year}: ranks {actual} to {actual + tied - 1}"
        )
    else:
        grade = "contradicted"
        why = f"{entity.name} is {_ordinal(actual)}, not {_ordinal(rank)}, in {obs.year}"
        if above:
            holder = above[0]
            why += f"; {_ordinal(rank)} is {holder.entity.name} ({holder.observation.printed})"
    return claim(
        ctx, span, "rank", grade, why, report=float(actual), report_text=report_text, **common
    )


def grade_change(
    ctx: Context,
    tok: Token,
    ind: Indicator,
    entity: Entity,
    year: int | None,
    since: int,
    sign: int,
) -> Claim | None:
    """A percent change between two years of one entity ("up 127.5% from 2024", "전년 대비
    30% 증가"): the report's (new / old - 1) * 100 against the text's, within its rounding."""
    if tok.kind != "percent" or ind.unit == "percent":
        return None  # a change of a percentage is ambiguous (points or percent)
    new = ind.observation(entity, year)
    old = ind.observation(entity, since)
    if new.year <= old.year:
        return None
    vn, vo = Decimal(repr(new.magnitude)), Decimal(repr(old.magnitude))
    span = (tok.start, tok.end)
    if vo == 0:
        return None
    actual = (vn / vo - 1) * 100
    claimed = tok.value * sign
    ok = _within(claimed, actual, tok.precision / 2, tok.qualifier)
    shown = f"{new.printed} ({new.year}) vs {old.printed} ({old.year}): {number(round(actual, 2))}%"
    why = f"{entity.name}: {shown}; the text's {_label(claimed, tok.qualifier)}% "
    why += "agrees within its rounding" if ok else "does not"
    return claim(
        ctx,
        span,
        "change",
        "supported" if ok else "contradicted",
        why,
        claimed=float(claimed),
        unit="percent change",
        indicator=ind.id,
        entity=entity.id,
        year=new.year,
        report=float(round(actual, 4)),
        report_text=f"{number(round(actual, 2))}%",
        **_source_fields(new),
    )


def rate_of_change(ind: Indicator) -> bool:
    """Whether ``ind`` is a table of percent changes ("Annual growth rate of industrial robots
    installed", unit label "% change from the previous year")."""
    if ind.unit != "percent":
        return False
    words = f"{ind.title} {ind.unit_label or ''} {ind.unit_label_ko or ''}".casefold()
    return bool(re.search(r"growth|change|증감|변화율", words))


def grade_total(
    ctx: Context,
    tok: Token,
    ind: Indicator,
    parts: Sequence[Entity],
    year: int | None,
    relative: bool,
) -> Claim | None:
    """The figure of several entities together ("the US and China together drew $298
    billion"): the sum of their values, within the text's rounding and the report's."""
    obs = [_observation(ind, e, year, relative) for e in parts]
    if len({o.year for o in obs}) != 1 or (ind.unit == "percent" and tok.kind != "percent"):
        return None
    if tok.kind == "percent" and ind.unit != "percent":
        return None
    code = _currency_of(ind.unit)
    if (tok.kind == "money") != (code is not None) or (
        tok.kind == "money" and tok.currency != code
    ):
        return None
    scale = Decimal(split_scale(ind.unit)[0])
    in_base = tok.scaled or (scale > 1 and abs(tok.value) >= scale)
    claimed = tok.value / scale if in_base else tok.value
    actual = sum((Decimal(repr(o.magnitude)) for o in obs), Decimal(0))
    slack = sum((_report_precision(o) for o in obs), Decimal(0)) / 2
    tol = max(tok.precision / (scale if in_base else 1) / 2, slack)
    ok = _within(claimed, actual, tol, tok.qualifier)
    shown = " + ".join(o.printed for o in obs) + f" = {number(actual, grouped=False)}"
    names = " + ".join(e.name for e in parts)
    why = f"{names} ({obs[0].year}): {shown}; the text's {_label(claimed, tok.qualifier)} "
    why += "agrees within its rounding" if ok else "does not"
    return claim(
        ctx,
        (tok.start, tok.end),
        "total",
        "supported" if ok else "contradicted",
        why,
        claimed=float(claimed),
        unit=ind.unit,
        indicator=ind.id,
        entity=parts[0].id,
        other_entity=",".join(e.id for e in parts[1:]),
        year=obs[0].year,
        report=float(actual),
        report_text=shown,
        **_source_fields(obs[0]),
    )


def grade_pair(
    ctx: Context,
    tok: Token,
    ind: Indicator,
    a: Entity,
    b: Entity,
    year: int | None,
    relative: bool,
) -> Claim | None:
    """A ratio ('8.7 times', '9배 이상') or a difference ('1.5개 더 많았다') of a over b."""
    oa = _observation(ind, a, year, relative)
    ob = _observation(ind, b, oa.year, False)
    va, vb = Decimal(repr(oa.magnitude)), Decimal(repr(ob.magnitude))
    span = (tok.start, tok.end)
    if tok.kind == "ratio" and vb == 0:
        why = f"{b.name}'s value is 0: no ratio"
        return claim(
            ctx, span, "ratio", "not found", why, indicator=ind.id, entity=a.id, other_entity=b.id
        )
    kind, claimed, actual, sym = _compared(tok, ind, va, vb)
    ok = _within(claimed, actual, tok.precision / 2, tok.qualifier)
    shown = f"{oa.printed} {sym} {ob.printed} = {number(round(actual, 4), grouped=False)}"
    why = f"{a.name} vs {b.name} ({oa.year}): {shown}; the text's {_label(claimed, tok.qualifier)} "
    why += "agrees within its rounding" if ok else "does not"
    return claim(
        ctx,
        span,
        kind,
        "supported" if ok else "contradicted",
        why,
        claimed=float(claimed),
        unit=kind,
        indicator=ind.id,
        entity=a.id,
        other_entity=b.id,
        year=oa.year,
        report=float(round(actual, 6)),
        report_text=shown,
        **_source_fields(oa),
    )


def _compared(
    tok: Token, ind: Indicator, va: Decimal, vb: Decimal
) -> tuple[ClaimKind, Decimal, Decimal, str]:
    """A pair's kind, the text's figure and the report's (va/vb or va-vb), and the operator
    the explanation shows."""
    if tok.kind == "ratio":
        return "ratio", tok.value, va / vb, "/"
    scale = Decimal(split_scale(ind.unit)[0]) if tok.scaled else Decimal(1)
    sym = "-" if tok.direction > 0 else "vs"
    return "difference", tok.value / scale, (va - vb) * tok.direction, sym


# --------------------------------------------------------------------------- currencies


def _week(ctx: Context) -> list[_dt.date]:
    if ctx.publication is None:
        return []
    return [ctx.publication + _dt.timedelta(days=i) for i in range(5)]


def _money_text(value: Decimal, code: str, precision: Decimal) -> str:
    """An amount rounded to the text's precision, written the Korean way for won."""
    rounded = (value / precision).to_integral_value() * precision
    if code == "KRW":
        from aiindex._money.amounts import korean_amount

        return korean_amount(rounded, code, digits=30)
    return f"{rounded:,f} {code}"


def _rates_matching(
    amount: Decimal, src: str, claimed: Decimal, dst: str, precision: Decimal, ctx: Context
) -> tuple[list[str], Decimal | None, str]:
    """Fixings of the publication week that make ``claimed`` right, the nearest result, and a
    line on the nearest fixing (what it gives and how far off the text is)."""
    from aiindex._money.rates import convert_amount

    good: list[str] = []
    best: tuple[Decimal, Decimal, str] | None = None
    for day in _week(ctx):
        try:
            value, used = convert_amount(float(amount), src, dst, on=day)
        except AIIndexError:
            continue
        if used.fixing_date != day:
            continue  # a holiday falls back to a fixing already tried
        got = Decimal(repr(value))
        off = abs(claimed - got) / abs(got) if got else Decimal(0)
        pct = number(round(off * 100, 2), grouped=False)
        line = f"{used} gives {_money_text(got, dst, precision)} ({pct}% off)"
        if best is None or off < best[0]:
            best = (off, got, line)
        if abs(claimed - got) <= precision / 2 + abs(got) * CONVERSION_TOLERANCE:
            good.append(line)
    if best is None:
        return good, None, "no rate available"
    return good, best[1], best[2]


def _grade_foreign_money(
    ctx: Context, tok: Token, ind: Indicator, obs: Observation, code: str, common: dict[str, Any]
) -> Claim:
    amount = Decimal(repr(obs.magnitude)) * split_scale(ind.unit)[0]
    good, nearest, best = _rates_matching(
        amount, code, tok.value, tok.currency or "", tok.precision, ctx
    )
    grade: Grade = "supported" if good else "contradicted"
    why = (
        f"{obs.entity.name}: {printed(obs, ind)} in {tok.currency} at the ECB rate "
        f"of the publication week: " + ("; ".join(good) if good else f"nearest {best}")
    )
    if nearest is None:
        # No rate for the edition's publication week (its day is not recorded, or no fixing):
        # nothing to grade the amount against.
        grade = "not found"
        day = f"of {ctx.publication}" if ctx.publication else "(the edition's day is not recorded)"
        why = (
            f"{obs.entity.name}: {printed(obs, ind)}; no ECB rate {day} to convert "
            f"it to {tok.currency}"
        )
    return claim(
        ctx,
        (tok.start, tok.end),
        "value",
        grade,
        why,
        claimed=float(tok.value),
        unit=tok.currency,
        rates=tuple(good),
        **common,
    )


def grade_conversion(ctx: Context, first: Token, second: Token) -> Claim:
    """'1억9천140만 달러(2천669억원)': is the second amount the first at the week's rate?

    A fixing makes it right when the converted amount is within the text's rounding plus
    `CONVERSION_TOLERANCE`; the explanation gives the implied rate so the reader can judge.
    """
    src, dst = first.currency or "", second.currency or ""
    good, nearest, best = _rates_matching(
        first.value, src, second.value, dst, second.precision, ctx
    )
    week = _week(ctx)
    where = f"ECB fixings of {week[0]} to {week[-1]}" if week else ""
    implied = second.value / first.value if first.value else Decimal(0)
    said = f"{second.text} for {first.value:,f} {src} implies {implied:,.2f} {dst}/{src}"
    if good:
        why = f"{said}; right at " + "; ".join(good)
        grade: Grade = "supported"
    elif nearest is not None:
        why = f"{said}; no fixing of the publication week fits: nearest {best}"
        grade = "contradicted"
    else:
        why = (
            f"the publication day of the {ctx.edition} edition is not recorded (editions.toml "
            "holds only its month), so there is no publication week to take a rate from"
            if ctx.publication is None
            else f"no exchange rate for the publication week of the {ctx.edition} edition"
        )
        grade = "not found"
    return claim(
        ctx,
        (second.start, second.end),
        "conversion",
        grade,
        why,
        claimed=float(second.value),
        unit=dst,
        rates=tuple(good),
        report=float(nearest) if nearest is not None else None,
        report_text=f"{nearest:,.0f} {dst}" if nearest is not None else None,
        edition=ctx.edition,
        section="ECB euro foreign exchange reference rates",
        locator=where or None,
        citation="ECB euro foreign exchange reference rates"
        + (f", fixings of {week[0]} to {week[-1]}" if week else ""),
    )
