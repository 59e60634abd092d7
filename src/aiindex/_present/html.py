"""HTML tables for notebooks (the ``_repr_html_`` of Indicator, Ranking and Profile).

Every piece of text is escaped with `html.escape`: names, notes and units come from data files
and from users' own tables.

>>> from aiindex._present.html import ranking_html
>>> page = ranking_html(aiindex.indicator("private_investment", edition=2024).ranking())
>>> "<th>value [billion US dollars]</th>" in page, "9=" in page
(True, True)
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Profile, Ranking

__all__ = ["indicator_html", "profile_html", "ranking_html"]

_STYLE = (
    "<style>table.aiindex td.num{text-align:right;font-variant-numeric:tabular-nums}"
    "table.aiindex caption{text-align:left;font-weight:bold}"
    "table.aiindex tfoot td{font-size:smaller;text-align:left}</style>"
)


def _check_lang(lang: str) -> None:
    if lang not in ("en", "ko"):
        raise ValueError(f"lang={lang!r}: use 'en' or 'ko'")


def _source(ind: Indicator, lang: str) -> str:
    from aiindex._present.cite import cite

    if ind.edition is None:
        text = str(ind.source)
    else:
        text = cite(ind, "short", "ko" if lang == "ko" else "en")
    return ("출처: " if lang == "ko" else "Source: ") + text + "."


def ranking_html(ranking: Ranking, *, lang: Literal["en", "ko"] = "en") -> str:
    """A ranking as a compact HTML table: rank (ties as ``9=``, or ``공동 9위``), entity,
    value with the unit in the header, and the coverage and source lines under it."""
    from aiindex._present.korean import coverage_line_ko, rank_ko, title_ko, unit_label_ko
    from aiindex._present.text import coverage_line, rank_text, shown

    _check_lang(lang)
    ko = lang == "ko"
    ind = ranking.indicator
    ranks = ranking.ranks
    unit = unit_label_ko(ind) if ko else ind.unit_label
    edition = f"{ind.edition} edition" if ind.edition is not None else "user table"
    if ko:
        edition = f"AI 인덱스 {ind.edition}" if ind.edition is not None else "사용자 표"
    title = title_ko(ind) if ko else ind.title
    year = f"{ranking.year}년" if ko else str(ranking.year)
    head = (
        ("순위", "이름", "코드", f"값 [{unit}]", "비고")
        if ko
        else ("rank", "entity", "id", f"value [{unit}]", "note")
    )
    out = [
        _STYLE,
        '<table class="aiindex">',
        f"<caption>{escape(title)} ({escape(edition)}, {escape(year)})</caption>",
        "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead>",
        "<tbody>",
    ]
    for row in ranking:
        obs = row.observation
        tied = row.rank is not None and ranks.count(row.rank) > 1
        rank = rank_ko(row.rank, tied) if ko else rank_text(row.rank, tied)
        notes = []
        if obs.entity.kind == "baseline":
            notes.append("기준선" if ko else "baseline")
        if obs.outside_chart:
            notes.append("차트 밖에서 언급" if ko else "stated outside the chart")
        if obs.note and obs.note.startswith("DISPUTED"):
            notes.append("수치 논란" if ko else "disputed")
        note_cell = escape("; ".join(notes))
        if obs.note:
            note_cell = f'<span title="{escape(obs.note)}">{note_cell or "&#9432;"}</span>'
        cells = [
            f'<td class="num">{escape(rank)}</td>',
            f"<td>{escape(obs.entity.display(lang))}</td>",
            f"<td><code>{escape(obs.entity.id)}</code></td>",
            f'<td class="num">{escape(shown(obs))}</td>',
            f"<td>{note_cell}</td>",
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    cov = ind.coverage_for(ranking.year)
    foot = [coverage_line_ko(cov) if ko else coverage_line(ind, cov), _source(ind, lang)]
    out += [
        "</tbody>",
        "<tfoot>"
        + "".join(f'<tr><td colspan="5">{escape(line)}</td></tr>' for line in foot)
        + "</tfoot>",
        "</table>",
    ]
    return "\n".join(out)


def indicator_html(
    indicator: Indicator, year: int | None = None, *, lang: Literal["en", "ko"] = "en"
) -> str:
    """An indicator as HTML: its ranking for ``year`` (None: the latest).

    >>> from aiindex._present.html import indicator_html
    >>> pat = aiindex.indicator("ai_patents_per_capita", edition=2024)
    >>> "Chapter 1.2 Patents" in indicator_html(pat)
    True
    """
    return ranking_html(indicator.ranking(year), lang=lang)


def profile_html(profile: Profile, *, lang: Literal["en", "ko"] = "en") -> str:
    """An entity's profile as HTML: one row per indicator with value, unit, rank, leader, gap.

    >>> from aiindex._present.html import profile_html
    >>> page = profile_html(aiindex.profile("KOR", edition=2024))
    >>> "<caption>South Korea (KOR) in the AI Index 2024</caption>" in page
    True
    """
    from aiindex._present.korean import rank_ko, title_ko, unit_label_ko
    from aiindex._present.text import number, rank_text, shown

    _check_lang(lang)
    ko = lang == "ko"
    e = profile.entity
    if ko:
        caption = f"AI 인덱스 {profile.edition} 속 {e.display('ko')} ({e.id})"
        head = ("지표", "연도", "값", "단위", "순위", "1위", "1위와 차이")
    else:
        caption = f"{e.name} ({e.id}) in the AI Index {profile.edition}"
        head = ("indicator", "year", "value", "unit", "rank", "leader", "gap to leader")
    out = [
        _STYLE,
        '<table class="aiindex">',
        f"<caption>{escape(caption)}</caption>",
        "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead>",
        "<tbody>",
    ]
    for row in profile.rows:
        ind = row.indicator
        obs = row.observation
        tied = row.rank is not None and ind.ranking(obs.year).ranks.count(row.rank) > 1
        rank = rank_ko(row.rank, tied) if ko else rank_text(row.rank, tied)
        gap = number(row.gap_magnitude) if row.gap_magnitude is not None else "-"
        name = title_ko(ind) if ko else ind.title
        cells = [
            f'<td title="{escape(ind.id)}">{escape(name)}</td>',
            f'<td class="num">{escape(obs.period or str(obs.year))}</td>',
            f'<td class="num">{escape(shown(obs))}</td>',
            f"<td>{escape(unit_label_ko(ind) if ko else ind.unit_label)}</td>",
            f'<td class="num">{escape(rank)}</td>',
            f"<td>{escape(row.leader.entity.display(lang) if row.leader else '-')}</td>",
            f'<td class="num">{escape(gap)}</td>',
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    if ko:
        foot = (
            f"출처: 스탠퍼드대 HAI 'AI 인덱스 {profile.edition}' 보고서. "
            "순위 '-': 표로 정할 수 없음."
        )
    else:
        foot = (
            f"Source: Stanford HAI AI Index Report {profile.edition}; "
            "rank - : the table cannot establish it."
        )
    out += [
        "</tbody>",
        f'<tfoot><tr><td colspan="7">{escape(foot)}</td></tr></tfoot>',
        "</table>",
    ]
    return "\n".join(out)
