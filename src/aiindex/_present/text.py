"""Plain-text tables for rankings, indicators and profiles (``str()`` and the CLI)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiindex._cli import Converted
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Coverage, Observation, Profile, Ranking

__all__ = ["coverage_line", "number", "profile_table", "ranking_table", "source_line", "table"]


def number(magnitude: float) -> str:
    """A value as a person writes it: no float noise, thousands separated.

    >>> number(78352034.0), number(0.362), number(-0.3), number(1e-05)
    ('78,352,034', '0.362', '-0.3', '0.00001')
    """
    d = Decimal(repr(magnitude)).normalize()
    if d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    return f"{d:,f}"


def shown(obs: Observation) -> str:
    """An observation's value in its indicator's unit, keeping the digits the source printed.

    ("-0.30" stays "-0.30"; whole numbers get thousands separators.)
    """
    if obs.printed_unit == obs.unit and "." in obs.printed:
        return obs.printed
    return number(obs.magnitude)


def width(text: str) -> int:
    """Terminal columns ``text`` takes: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool]) -> str:
    """Columns padded to their widest cell; numbers right-aligned; Korean names line up.

    >>> print(table(("name", "n"), [("한국", "1"), ("Japan", "12")], (False, True)))
    name   n
    한국   1
    Japan 12
    """
    widths = [max(width(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    out = []
    for row in (header, *rows):
        cells = []
        for c, w, r in zip(row, widths, right, strict=True):
            fill = " " * (w - width(str(c)))
            cells.append(fill + str(c) if r else str(c) + fill)
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def rank_text(rank: int | None, tied: bool) -> str:
    if rank is None:
        return "-"
    return f"{rank}=" if tied else str(rank)


def coverage_line(indicator: Indicator, cov: Coverage) -> str:
    if cov.kind == "complete":
        return "Coverage: every entity the source reports."
    what = "top of the chart" if cov.kind == "top" else "a selection"
    reach = ""
    if cov.complete_down_to is not None:
        reach = f", complete down to {number(cov.complete_down_to)}"
    return f"Coverage: {what}{reach}; ranks marked - cannot be established from it."


def source_line(indicator: Indicator) -> str:
    return f"Source: {indicator.source}."


def ranking_table(ranking: Ranking, converted: Converted | None = None) -> str:
    """The ranking as text; with ``converted``, a column of values in another currency."""
    ind = ranking.indicator
    ranks = ranking.ranks
    counts: dict[int, int] = {}
    for r in ranks:
        if r is not None:
            counts[r] = counts.get(r, 0) + 1
    rows = []
    extra = converted[1] if converted is not None else [("", "")] * len(ranking)
    for row, (value, korean) in zip(ranking, extra, strict=True):
        obs = row.observation
        flags = []
        if obs.outside_chart:
            flags.append("stated outside the chart")
        if obs.note and obs.note.startswith("DISPUTED"):
            flags.append("disputed, see note")
        if obs.entity.kind == "baseline":
            flags.append("baseline")
        cells = [
            rank_text(row.rank, row.rank is not None and counts[row.rank] > 1),
            obs.entity.name,
            obs.entity.id,
            shown(obs),
        ]
        if converted is not None:
            cells += [f"{value:,.0f}", korean]
        rows.append((*cells, "; ".join(flags)))
    edition = "user table" if ind.edition is None else f"{ind.edition} edition"
    head = f"{ind.title} ({edition}, {ranking.year}), {ind.unit_label}"
    header = ["rank", "entity", "id", "value"]
    right = [True, False, False, True]
    if converted is not None:
        header += [converted[0].to_currency, ""]
        right += [True, False]
    body = table((*header, ""), rows, (*right, False))
    tail = [coverage_line(ind, ind.coverage_for(ranking.year))]
    if ind.price_basis:
        tail.append(f"Price basis: {ind.price_basis}.")
    if converted is not None:
        tail.append(f"Converted at {converted[0]}; {converted[0].source}.")
    tail.append(source_line(ind))
    return "\n".join([head, body, *tail])


def profile_table(profile: Profile) -> str:
    rows = []
    for row in profile.rows:
        obs = row.observation
        leader = row.leader.entity.name if row.leader is not None else "-"
        gap = number(row.gap_magnitude) if row.gap_magnitude is not None else "-"
        rows.append(
            (
                row.indicator.id,
                obs.period or str(obs.year),
                shown(obs),
                row.indicator.unit_label,
                rank_text(row.rank, False),
                leader,
                gap,
            )
        )
    e = profile.entity
    head = f"{e.name} ({e.id}) in the AI Index {profile.edition}"
    body = table(
        ("indicator", "year", "value", "unit", "rank", "leader", "gap to leader"),
        rows,
        (False, True, True, False, True, False, True),
    )
    tail = (
        f"Source: Stanford HAI, AI Index Report {profile.edition}; "
        "rank - : the table cannot establish it."
    )
    return "\n".join([head, body, tail])
