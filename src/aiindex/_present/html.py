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

# Not `from typing import TYPE_CHECKING`: the model's _repr_html_ loads this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Profile, Ranking

__all__ = ["indicator_html", "profile_html", "ranking_html"]

_STYLE = (
    "<style>table.aiindex td.num{text-align:right;font-variant-numeric:tabular-nums}"
    "table.aiindex caption{text-align:left;font-weight:bold}"
    "table.aiindex tfoot td{font-size:smaller;text-align:left}</style>"
)


def _head(cells: tuple[str, ...]) -> str:
    return "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in cells) + "</tr></thead>"


def ranking_html(
    ranking: Ranking,
    *,
    lang: Literal["en", "ko"] = "en",
    digits: int | None = None,
    top: int | None = None,
) -> str:
    """A ranking as a compact HTML table: rank (ties as ``9=``, or ``공동 9위``), entity,
    value as the report prints it with the unit in the header, and the coverage, price basis
    and source lines under it. A row's note is its note cell's hover text."""
    from aiindex._present.lang import check_lang
    from aiindex._present.rows import (
        coverage_line,
        cutoff_text,
        edition_words,
        flag_text,
        ranking_rows,
        source_line,
        title,
        top_rows,
        unit_label,
    )
    from aiindex._present.words import price_basis, word

    lang = check_lang(lang)
    ko = lang == "ko"
    ind = ranking.indicator
    unit = unit_label(ind, lang)
    edition = edition_words(ind.edition, lang)
    year = f"{ranking.year}년" if ko else str(ranking.year)
    head = (
        ("순위", "이름", "코드", f"값 [{unit}]", "비고")
        if ko
        else ("rank", "entity", "id", f"value [{unit}]", "note")
    )
    out = [
        _STYLE,
        '<table class="aiindex">',
        f"<caption>{escape(title(ind, lang))} ({escape(edition)}, {escape(year)})</caption>",
        _head(head),
        "<tbody>",
    ]
    every = ranking_rows(ranking, digits=digits)
    for row in top_rows(every, top):
        # The note itself is the cell's hover text; a note without flags shows a marker.
        note_cell = escape(flag_text(row.flags, lang))
        if row.note:
            note_cell = f'<span title="{escape(row.note)}">{note_cell or "&#9432;"}</span>'
        cells = [
            f'<td class="num">{escape(row.label(lang))}</td>',
            f"<td>{escape(row.name(lang))}</td>",
            f"<td><code>{escape(row.entity.id)}</code></td>",
            f'<td class="num">{escape(row.value)}</td>',
            f"<td>{note_cell}</td>",
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    cov = ind.coverage_for(ranking.year)
    foot = [coverage_line(cov, lang, cutoff=cutoff_text(cov, every, digits))]
    shown = len(top_rows(every, top))
    if shown < len(every):
        foot.insert(0, word("rows_shown", lang).format(shown=shown, total=len(every)) + ".")
    if ind.price_basis:
        foot.append(price_basis(ind.price_basis, lang))
    foot.append(source_line(ind, lang))
    out += [
        "</tbody>",
        "<tfoot>"
        + "".join(f'<tr><td colspan="5">{escape(line)}</td></tr>' for line in foot)
        + "</tfoot>",
        "</table>",
    ]
    return "\n".join(out)


def indicator_html(
    indicator: Indicator,
    year: int | None = None,
    *,
    lang: Literal["en", "ko"] = "en",
    digits: int | None = None,
) -> str:
    """An indicator as HTML: its ranking for ``year`` (None: the latest).

    >>> from aiindex._present.html import indicator_html
    >>> pat = aiindex.indicator("ai_patents_per_capita", edition=2024)
    >>> "Chapter 1.2 Patents" in indicator_html(pat)
    True
    """
    return ranking_html(indicator.ranking(year), lang=lang, digits=digits)


def profile_html(
    profile: Profile, *, lang: Literal["en", "ko"] = "en", digits: int | None = None
) -> str:
    """An entity's profile as HTML: one row per indicator with value, unit, rank, leader, gap.

    >>> from aiindex._present.html import profile_html
    >>> page = profile_html(aiindex.profile("KOR", edition=2024))
    >>> "<caption>South Korea (KOR) in the AI Index 2024</caption>" in page
    True
    """
    from aiindex._present.lang import check_lang
    from aiindex._present.rows import (
        PROFILE_COLUMNS,
        profile_footer,
        profile_lines,
        profile_title,
        read_via_press,
    )

    lang = check_lang(lang)
    out = [
        _STYLE,
        '<table class="aiindex">',
        f"<caption>{escape(profile_title(profile, lang))}</caption>",
        _head(PROFILE_COLUMNS[lang]),
        "<tbody>",
    ]
    for line in profile_lines(profile, digits=digits):
        cells = [
            f'<td title="{escape(line.indicator.id)}">{escape(line.title(lang))}</td>',
            f'<td class="num">{escape(line.period)}</td>',
            f'<td class="num">{escape(line.value)}</td>',
            f"<td>{escape(line.unit(lang))}</td>",
            f'<td class="num">{escape(line.label(lang))}</td>',
            f"<td>{escape(line.leader(lang))}</td>",
            f'<td class="num">{escape(line.gap)}</td>',
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    foot = profile_footer(profile.edition, lang, press=read_via_press(profile))
    out += [
        "</tbody>",
        f'<tfoot><tr><td colspan="7">{escape(foot)}</td></tr></tfoot>',
        "</table>",
    ]
    return "\n".join(out)
