"""Plain-text tables for rankings, indicators and profiles (``str()`` and the CLI), in English
and Korean (Korean names, ``공동 9위`` ties, Korean units and sources)."""

from __future__ import annotations

import unicodedata

from aiindex._present.rows import (
    PROFILE_COLUMNS,
    coverage_line,
    edition_words,
    flag_text,
    profile_footer,
    profile_lines,
    profile_title,
    rank_label,
    ranking_rows,
    read_via_press,
    source_line,
)

# Not `from typing import TYPE_CHECKING`: `aiindex show` loads this module, and typing costs it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from aiindex._model.records import Profile, Ranking
    from aiindex._money.rates import Rate

    # The rate used, and per row the converted value and its Korean form ("" if not KRW).
    Converted = tuple[Rate, list[tuple[float, str]]]

__all__ = [
    "Converted",
    "profile_table",
    "profile_table_ko",
    "ranking_table",
    "ranking_table_ko",
    "table",
    "width",
]


def width(text: str) -> int:
    """Terminal columns ``text`` takes: Hangul and other wide characters take two.

    >>> width("Korea"), width("한국")
    (5, 4)
    """
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


def ranking_table(ranking: Ranking, converted: Converted | None = None) -> str:
    """The ranking as text; with ``converted``, a column of values in another currency.

    >>> print(ranking_table(aiindex.indicator("private_investment", edition=2024).ranking()))
    Private investment in AI (2024 edition, 2023), billion US dollars
    rank  entity          id      value
       1  United States   USA     67.22
       2  China           CHN      7.76  disputed, see note
    ...
    """
    ind = ranking.indicator
    extra = converted[1] if converted is not None else [("", "")] * len(ranking)
    rows = []
    for row, (value, korean) in zip(ranking_rows(ranking), extra, strict=True):
        cells = [row.label(), row.name(), row.entity.id, row.value]
        if converted is not None:
            cells += [f"{value:,.0f}", korean]
        rows.append((*cells, flag_text(row.flags, see_note=True)))
    head = f"{ind.title} ({edition_words(ind.edition)}, {ranking.year}), {ind.unit_label}"
    header = ["rank", "entity", "id", "value"]
    right = [True, False, False, True]
    if converted is not None:
        header += [converted[0].to_currency, ""]
        right += [True, False]
    body = table((*header, ""), rows, (*right, False))
    tail = [coverage_line(ind.coverage_for(ranking.year))]
    if ind.price_basis:
        tail.append(f"Price basis: {ind.price_basis}.")
    if converted is not None:
        tail.append(f"Converted at {converted[0]}; {converted[0].source}.")
    tail.append(source_line(ind))
    return "\n".join([head, body, *tail])


def profile_table(profile: Profile) -> str:
    """An entity's profile as text: one row per indicator with value, rank, leader and gap."""
    rows = [
        (
            line.indicator.id,
            line.period,
            line.value,
            line.unit(),
            # This table has never marked ties (the HTML and Korean ones do); kept as printed.
            rank_label(line.rank, False),
            line.leader(),
            line.gap,
        )
        for line in profile_lines(profile)
    ]
    body = table(PROFILE_COLUMNS["en"], rows, (False, True, True, False, True, False, True))
    foot = profile_footer(profile.edition, press=read_via_press(profile))
    return "\n".join([profile_title(profile), body, foot])


def ranking_table_ko(ranking: Ranking) -> str:
    """A ranking as a Korean text table: Korean names, ``공동 9위`` ties, Korean unit and source.

    Columns line up in a terminal (Hangul counts two columns).
    """
    from aiindex._present.korean import title_ko, unit_label_ko

    ind = ranking.indicator
    rows = [
        (
            row.label("ko"),
            row.name("ko"),
            row.entity.id,
            row.value,
            flag_text(row.flags, "ko", see_note=True),
        )
        for row in ranking_rows(ranking)
    ]
    head = (
        f"{title_ko(ind)} ({edition_words(ind.edition, 'ko')}, {ranking.year}년), "
        f"단위: {unit_label_ko(ind)}"
    )
    body = table(("순위", "이름", "코드", "값", ""), rows, (True, False, False, True, False))
    tail = [coverage_line(ind.coverage_for(ranking.year), "ko"), source_line(ind, "ko")]
    return "\n".join([head, body, *tail])


def profile_table_ko(profile: Profile) -> str:
    """An entity's profile as a Korean text table.

    >>> from aiindex._present.text import profile_table_ko
    >>> table = profile_table_ko(aiindex.profile("KOR", edition=2024))
    >>> print(table.splitlines()[0])
    AI 인덱스 2024 속 한국 (KOR)
    >>> print(next(line for line in table.splitlines() if line.startswith("AI 민간 투자 ")))
    AI 민간 투자 ...2023   1.39  십억 달러 ...공동 9위  미국 ...-65.83
    """
    rows = [
        (
            line.title("ko"),
            line.period,
            line.value,
            line.unit("ko"),
            line.label("ko"),
            line.leader("ko"),
            line.gap,
        )
        for line in profile_lines(profile)
    ]
    body = table(PROFILE_COLUMNS["ko"], rows, (False, True, True, False, True, False, True))
    foot = profile_footer(profile.edition, "ko", press=read_via_press(profile))
    return "\n".join([profile_title(profile, "ko"), body, foot])
