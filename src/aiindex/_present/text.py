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
    ranking_rows,
    read_via_press,
    source_line,
)

# Not `from typing import TYPE_CHECKING`: `aiindex show` loads this module, and typing costs it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from aiindex._analysis.compare import Comparison
    from aiindex._model.records import Profile, Ranking
    from aiindex._money.rates import Rate
    from aiindex._present.lang import Lang

    # The rate used, and per row the converted value and its Korean form ("" if not KRW).
    Converted = tuple[Rate, list[tuple[float, str]]]

__all__ = [
    "Converted",
    "compare_table",
    "edition_keys",
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
    if text.isascii():  # most cells: no character is wide
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool]) -> str:
    """Columns padded to their widest cell; numbers right-aligned; Korean names line up.

    >>> print(table(("name", "n"), [("한국", "1"), ("Japan", "12")], (False, True)))
    name   n
    한국   1
    Japan 12
    """
    # Each cell's text and width once: a listing of every figure has a thousand cells.
    cells = [[(text, width(text)) for text in map(str, row)] for row in (header, *rows)]
    widths = [max(w for _, w in col) for col in zip(*cells, strict=True)]
    out = []
    for row in cells:
        line = []
        for (c, cw), w, r in zip(row, widths, right, strict=True):
            fill = " " * (w - cw)
            line.append(fill + c if r else c + fill)
        out.append("  ".join(line).rstrip())
    return "\n".join(out)


def ranking_table(
    ranking: Ranking,
    converted: Converted | None = None,
    *,
    lang: Lang = "en",
    digits: int | None = None,
    top: int | None = None,
    notes: bool = False,
) -> str:
    """The ranking as text; with ``converted``, a column of values in another currency.

    Values are shown as the report prints them (``digits`` fixes the decimals); ``top`` keeps
    the first rows (and those tied with the last); the notes of disputed rows (``notes``:
    of every row) are printed under the table.

    >>> print(ranking_table(aiindex.indicator("private_investment", edition=2024).ranking()))
    Private investment in AI (2024 edition, 2023), billion US dollars
    rank  entity          id      value
       1  United States   USA     67.22
       2  China           CHN      7.76  disputed, see note
    ...
    """
    from aiindex._present.lang import check_lang
    from aiindex._present.rows import cutoff_text, note_lines, title, top_rows, unit_label
    from aiindex._present.words import price_basis, word

    lang = check_lang(lang)
    ko = lang == "ko"
    ind = ranking.indicator
    every = ranking_rows(ranking, digits=digits)
    kept = top_rows(every, top)
    extra = converted[1] if converted is not None else [("", "")] * len(every)
    rows = []
    for row, (value, korean) in zip(every, extra, strict=True):
        if row not in kept:
            continue
        cells = [row.label(lang), row.name(lang), row.entity.id, row.value]
        if converted is not None:
            cells += [f"{value:,.0f}", korean]
        rows.append((*cells, flag_text(row.flags, lang, see_note=True)))
    edition = edition_words(ind.edition, lang)
    if ko:
        head = f"{title(ind, lang)} ({edition}, {ranking.year}년), 단위: {unit_label(ind, lang)}"
    else:
        head = f"{title(ind, lang)} ({edition}, {ranking.year}), {unit_label(ind, lang)}"
    header = [word(k, lang) for k in ("rank", "entity", "id", "value")]
    right = [True, False, False, True]
    if converted is not None:
        code = converted[0].to_currency
        header += [code, ("한글 표기" if ko else "in Korean") if code == "KRW" else ""]
        right += [True, False]
    body = table((*header, ""), rows, (*right, False))
    tail = []
    if len(kept) < len(every):
        tail.append(word("rows_shown", lang).format(shown=len(kept), total=len(every)) + ".")
    cov = ind.coverage_for(ranking.year)
    tail.append(coverage_line(cov, lang, cutoff=cutoff_text(cov, every, digits)))
    if ind.price_basis:
        tail.append(price_basis(ind.price_basis, lang))
    if converted is not None:
        tail.append(f"{word('converted_at', lang)} {converted[0]}; {converted[0].source}.")
    tail.append(source_line(ind, lang))
    tail += note_lines(kept, lang, every=notes)
    return "\n".join([head, body, *tail])


def ranking_table_ko(ranking: Ranking, **options: Any) -> str:
    """A ranking as a Korean text table: Korean names, ``공동 9위`` ties, Korean unit and source.

    Columns line up in a terminal (Hangul counts two columns).
    """
    return ranking_table(ranking, lang="ko", **options)


def profile_table(profile: Profile, *, lang: Lang = "en", digits: int | None = None) -> str:
    """An entity's profile as text: one row per indicator with value, rank, leader and gap.

    >>> table = profile_table(aiindex.profile("KOR", edition=2024))
    >>> print(next(line for line in table.splitlines() if line.startswith("private_investment")))
    private_investment...2023   1.39  billion US dollars...9=  United States...-65.83
    """
    from aiindex._present.lang import check_lang
    from aiindex._present.rows import edition_words

    lang = check_lang(lang)
    lines = profile_lines(profile, digits=digits)
    rows = [
        (
            line.title(lang) if lang == "ko" else line.indicator.id,
            line.period,
            line.value,
            line.unit(lang),
            line.label(lang),
            line.leader(lang),
            line.gap,
        )
        for line in lines
    ]
    foot = profile_footer(profile.edition, lang, press=read_via_press(profile))
    if not rows:
        e = profile.entity
        none = (
            f"{edition_words(profile.edition, lang)}의 어떤 지표에도 {e.display(lang)}의 값이 없음."
            if lang == "ko"
            else f"No indicator of the AI Index {profile.edition} has a value for {e.name}."
        )
        return "\n".join([profile_title(profile, lang), none, foot])
    body = table(PROFILE_COLUMNS[lang], rows, (False, True, True, False, True, False, True))
    return "\n".join([profile_title(profile, lang), body, foot])


def profile_table_ko(profile: Profile, **options: Any) -> str:
    """An entity's profile as a Korean text table.

    >>> from aiindex._present.text import profile_table_ko
    >>> table = profile_table_ko(aiindex.profile("KOR", edition=2024))
    >>> print(table.splitlines()[0])
    AI 인덱스 2024 속 한국 (KOR)
    >>> print(next(line for line in table.splitlines() if line.startswith("AI 민간 투자 ")))
    AI 민간 투자 ...2023   1.39  십억 달러 ...공동 9위  미국 ...-65.83
    """
    return profile_table(profile, lang="ko", **options)


def edition_keys(editions: Sequence[int]) -> dict[int, str]:
    """The letter each edition's cells carry in a table of several editions, newest first.

    >>> edition_keys((2026, 2025, 2024))
    {2026: 'a', 2025: 'b', 2024: 'c'}
    """
    return {e: "abcdefghijklmnopqrstuvwxyz"[i] for i, e in enumerate(editions)}


def compare_table(comparison: Comparison, *, lang: Lang = "en", digits: int | None = None) -> str:
    """A comparison as text: a line per data year, a column per entity, each value marked
    with the letter of the edition it comes from (the key is under the table).

    >>> c = aiindex.compare("private_investment", ["KOR", "USA"], years=[2023, 2024, 2025])
    >>> print(compare_table(c))
    Private investment in AI, billion US dollars: South Korea and United States by data year
    year  South Korea  United States
    2023       1.39 c        72.36 a
    2024       1.33 b       109.55 a
    2025       1.78 a       285.88 a
    Editions: a = AI Index 2026, b = AI Index 2025, c = AI Index 2024 (each value from the newest edition that has it).
    Source: Stanford HAI, AI Index Report 2026, 2025 and 2024.
    """  # noqa: E501
    from aiindex._present.lang import check_lang
    from aiindex._present.numbers import shown
    from aiindex._present.rows import title, unit_label
    from aiindex._present.words import word

    lang = check_lang(lang)
    ko = lang == "ko"
    ind = comparison.indicator
    keys = edition_keys(comparison.editions)
    names = [e.display(lang) for e in comparison.entities]
    rows = []
    for year in comparison.years:
        cells = [str(year)]
        for e in comparison.entities:
            obs = comparison.cell(e, year)
            if obs is None:
                cells.append("-")
            else:
                key = keys.get(obs.source.edition or 0, "")
                cells.append(f"{shown(obs, ind.id, digits=digits)} {key}".rstrip())
        rows.append(cells)
    who = (
        ", ".join(names[:-1]) + (" 및 " if ko else " and ") + names[-1]
        if len(names) > 1
        else names[0]
    )
    if ko:
        head = f"{title(ind, lang)} (단위: {unit_label(ind, lang)}): {who}, 데이터 연도별"
    else:
        head = f"{title(ind, lang)}, {unit_label(ind, lang)}: {who} by data year"
    body = table((word("year", lang), *names), rows, (False, *([True] * len(names))))
    legend = ", ".join(f"{k} = {edition_words(e, lang, named=True)}" for e, k in keys.items())
    if ko:
        tail = [f"판 표시: {legend} (각 값은 그 값을 담은 가장 최신 판에서 가져옴)."]
    else:
        tail = [
            f"{word('edition_key', lang)}: {legend} (each value from the newest edition that "
            "has it)."
        ]
    if comparison.left_out:
        other = ", ".join(map(str, comparison.left_out))
        tail.append(
            f"{other}년판은 정의가 달라 섞지 않음."
            if ko
            else f"Not mixed in: the {other} edition(s), which measure something else "
            "(another definition)."
        )
    eds = sorted(comparison.editions, reverse=True)
    listed = (
        ", ".join(map(str, eds[:-1])) + (" and " if not ko else ", ") + str(eds[-1])
        if len(eds) > 1
        else str(eds[0])
    )
    if ko:
        tail.append(f"출처: 스탠퍼드대 HAI 'AI 인덱스' 보고서 {listed}년판.")
    else:
        tail.append(f"Source: Stanford HAI, AI Index Report {listed}.")
    return "\n".join([head, body, *tail])
