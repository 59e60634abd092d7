"""Charts: an indicator's ranking as a horizontal bar chart (matplotlib, an optional extra).

The chart shows what the table can support: tied entities carry the same rank label, rows the
table cannot rank are hatched and labelled ``–``, baselines (the human expert) are drawn apart,
and the coverage and source are written under the chart.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Literal

from aiindex.exceptions import HangulFontWarning

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from aiindex._analysis.compare import Comparison
    from aiindex._model.indicator import Indicator
    from aiindex._present.rows import RankRow

__all__ = [
    "BAR_COLOR",
    "HIGHLIGHT_COLOR",
    "footer",
    "hangul_font",
    "korean_font",
    "plot",
    "plot_compare",
]

#: The colour of the highlighted entity's bar, and of every other bar.
HIGHLIGHT_COLOR = "#c8102e"
BAR_COLOR = "#8aa1b4"
BASELINE_COLOR = "#d9d9d9"
# The lines of a comparison other than the highlighted one: no red, which is the highlight's.
LINE_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#7f7f7f")

# Font families that cover Hangul, most common first (Linux, macOS, Windows).
_HANGUL_FAMILIES = (
    "NanumGothic",
    "NanumBarunGothic",
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Source Han Sans KR",
    "Apple SD Gothic Neo",
    "AppleGothic",
    "Malgun Gothic",
    "UnDotum",
    "Baekmuk Gulim",
)


def hangul_font() -> str | None:
    """The family name of an installed font with Hangul, or None.

    >>> from aiindex._present.plot import hangul_font
    >>> hangul_font() is None or isinstance(hangul_font(), str)  # doctest: +SKIP
    True
    """
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in _HANGUL_FAMILIES:
        if family in installed:
            return family
    return None


def korean_font(lang: str, *, stacklevel: int = 2) -> str | None:
    """The Hangul font family to label a chart with, if ``lang`` is ``"ko"`` and one is
    installed; `HangulFontWarning` (the chart stays English) if none is.

    ``stacklevel`` is as `warnings.warn` would take it in the caller.
    """
    if lang != "ko":
        return None
    font = hangul_font()
    if font is None:
        warnings.warn(
            HangulFontWarning(
                "no installed font has Hangul, so the chart is labelled in English; "
                "install one (e.g. apt-get install fonts-nanum, then clear matplotlib's "
                "font cache) for Korean labels"
            ),
            stacklevel=stacklevel + 1,
        )
    return font


def plot(
    indicator: Indicator | Comparison,
    *,
    year: int | None = None,
    highlight: str | None = "KOR",
    top: int | None = None,
    ax: Axes | None = None,
    lang: Literal["en", "ko"] = "en",
    digits: int | None = None,
) -> Axes:
    """Draw ``indicator``'s ranking for ``year`` (None: the latest) as horizontal bars.

    ``highlight`` (an entity name or code, or None) gets a contrasting colour; it is kept on
    the chart even when ``top`` cuts the table above it. The x axis carries the unit; rank
    labels repeat for ties (``=9``); unranked rows are hatched with rank ``–``. Returns the
    Axes (its ``.figure`` is the figure). ``lang="ko"`` uses Korean names and labels when a
    Hangul font is installed, and otherwise warns `HangulFontWarning` and draws English. Bar
    labels show each value as the report prints it (``digits`` fixes the decimals). A
    `Comparison` (`aiindex.compare`) is drawn as line charts instead (`plot_compare`).

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from aiindex._present.plot import plot
    >>> ax = plot(aiindex.indicator("private_investment", edition=2024), top=5)
    >>> ax.get_xlabel()
    'billion US dollars'
    """
    from aiindex._present.frames import require

    require("plot", "matplotlib")
    from aiindex._analysis.compare import Comparison
    from aiindex._model.indicator import Indicator
    from aiindex._present.lang import check_lang
    from aiindex._present.rows import ranking_rows
    from aiindex._reference.entities import resolve

    if isinstance(indicator, Comparison):
        return plot_compare(indicator, highlight=highlight, ax=ax, lang=lang, digits=digits)
    if not isinstance(indicator, Indicator):
        raise TypeError(
            f"plot() takes an Indicator or a Comparison, not {type(indicator).__name__}"
        )
    check_lang(lang)
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise ValueError(f"top={top!r}: give a positive number of rows, or None for all")
    target = resolve(highlight).id if highlight is not None else None

    font = korean_font(lang)
    ko = font is not None

    ranking = indicator.ranking(year)
    # Ties are found on the whole ranking, before `top` cuts it.
    every = list(ranking_rows(ranking, digits=digits))
    rows = every
    if top is not None and len(rows) > top:
        kept = rows[:top]
        kept += [r for r in rows[top:] if r.entity.id == target]
        rows = kept
    return _draw(indicator, ranking.year, rows, target, ax, ko, font, every)


def _draw(
    ind: Indicator,
    year: int,
    rows: list[RankRow],
    target: str | None,
    ax: Axes | None,
    ko: bool,
    font: str | None,
    every: list[RankRow],
) -> Axes:
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    from aiindex._present.rows import (
        coverage_line,
        cutoff_text,
        edition_words,
        flag_text,
        source_line,
        title,
        unit_label,
    )

    # The Hangul family first, DejaVu for what it lacks (the minus sign, digits' widths).
    text_font: dict[str, Any] = {"fontfamily": [font, "DejaVu Sans"]} if font else {}
    created = None
    if ax is None:
        created = plt.figure(figsize=(8, 1.6 + 0.38 * max(len(rows), 1)))
        ax = created.add_subplot()
    labels = []
    values = []
    lang: Literal["en", "ko"] = "ko" if ko else "en"
    for i, row in enumerate(rows):
        name = row.name(lang)
        if row.baseline:
            # A chart has no note column: of the flags, it names a baseline beside the name.
            name += f" ({flag_text(['baseline'], lang)})"
        labels.append(f"{row.label(lang, chart=True)}  {name}")
        values.append(row.magnitude)
        is_target = row.entity.id == target
        colour = HIGHLIGHT_COLOR if is_target else BAR_COLOR
        hatch = None
        if row.baseline:
            colour = HIGHLIGHT_COLOR if is_target else BASELINE_COLOR
        elif row.rank is None:
            hatch = "///"
        bar = ax.barh(
            i,
            row.magnitude,
            color=colour,
            hatch=hatch,
            edgecolor="#4d4d4d" if hatch or row.baseline else colour,
            linewidth=0.6,
        )
        # The entity id as the bar's gid: SVG output and tests can find each entity's bar.
        bar.patches[0].set_gid(row.entity.id)
        ax.bar_label(bar, labels=[row.value], padding=3, fontsize=8, **text_font)
    ax.set_yticks(range(len(rows)), labels=labels, **text_font)
    for tick, row in zip(ax.get_yticklabels(), rows, strict=True):
        if row.entity.id == target:
            tick.set_color(HIGHLIGHT_COLOR)
            if not font:  # Hangul fonts often ship no bold face: matplotlib would log a miss
                tick.set_fontweight("bold")
    # Best first, top down, without the default margin of empty rows.
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.axvline(0, color="#4d4d4d", linewidth=0.8)
    if values and max(abs(v) for v in values) >= 10_000:
        # Money in plain dollars: 191,400,000 reads better than an offset "1e8".
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:,.0f}"))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
    # Room on the right for the value labels.
    lo, hi = min([0.0, *values]), max([0.0, *values])
    span = (hi - lo) or 1.0
    ax.set_xlim(lo - (0.12 * span if lo < 0 else 0), hi + 0.15 * span)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(unit_label(ind, lang), **text_font)
    edition = edition_words(ind.edition, lang, named=True)
    ax.set_title(f"{title(ind, lang)} ({edition}, {year})", loc="left", fontsize=11, **text_font)
    foot = [
        # The chart marks unranked rows with an en dash, as its rank labels do.
        coverage_line(
            ind.coverage_for(year),
            lang,
            unranked="–",
            cutoff=cutoff_text(ind.coverage_for(year), every),
        ),
        source_line(ind, lang),
    ]
    footer(ax, foot, text_font)
    if created is not None:
        # Fixed margins in inches: the rank labels on the left, the source lines below.
        height = float(created.get_size_inches()[1])
        created.subplots_adjust(left=0.3, right=0.97, top=1 - 0.5 / height, bottom=1.05 / height)
    return ax


def plot_compare(
    comparison: Comparison,
    *,
    highlight: str | None = "KOR",
    ax: Axes | None = None,
    lang: Literal["en", "ko"] = "en",
    digits: int | None = None,
) -> Axes:
    """A comparison as line charts: one line per entity over the data years.

    Gaps stay gaps (a line breaks where no edition has the value); each line ends in its
    last value as the report prints it, with the entity's name, as the report's own charts
    label them; the key of editions and the source are written under the chart.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from aiindex._present.plot import plot_compare
    >>> ax = plot_compare(aiindex.compare("private_investment", ["KOR", "JPN"]))
    >>> [t.get_text() for t in ax.texts][:2]
    ['1.78, South Korea', '1.11, Japan']
    """
    from aiindex._present.frames import require

    require("plot", "matplotlib")
    import matplotlib.pyplot as plt

    from aiindex._present.lang import check_lang
    from aiindex._present.numbers import shown
    from aiindex._present.rows import edition_words, source_line, title, unit_label
    from aiindex._present.text import edition_keys
    from aiindex._reference.entities import resolve

    check_lang(lang)
    font = korean_font(lang)
    ko_lang: Literal["en", "ko"] = "ko" if font is not None else "en"
    text_font: dict[str, Any] = {"fontfamily": [font, "DejaVu Sans"]} if font else {}
    target = resolve(highlight).id if highlight is not None else None
    ind = comparison.indicator
    created = None
    if ax is None:
        created = plt.figure(figsize=(8, 4.8))
        ax = created.add_subplot()
    for i, e in enumerate(comparison.entities):
        xs: list[float] = []
        ys: list[float] = []
        last = None
        for year in comparison.years:
            obs = comparison.cell(e, year)
            xs.append(year)
            ys.append(obs.magnitude if obs is not None else float("nan"))
            if obs is not None:
                last = obs
        colour = HIGHLIGHT_COLOR if e.id == target else LINE_COLORS[i % len(LINE_COLORS)]
        (line,) = ax.plot(xs, ys, marker="o", markersize=3, color=colour, linewidth=1.6)
        line.set_gid(e.id)
        if last is not None:
            ax.annotate(
                f"{shown(last, ind.id, digits=digits)}, {e.display(ko_lang)}",
                xy=(last.year, last.magnitude),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
                color=colour,
                **text_font,
            )
    ax.set_ylabel(unit_label(ind, ko_lang), **text_font)
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title(ind, ko_lang), loc="left", fontsize=11, **text_font)
    keys = edition_keys(comparison.editions)
    legend = ", ".join(edition_words(e, ko_lang, named=True) for e in keys)
    foot = [("판: " if ko_lang == "ko" else "Editions: ") + legend, source_line(ind, ko_lang)]
    footer(ax, foot, text_font, below=30)
    if created is not None:
        created.subplots_adjust(left=0.1, right=0.8, top=0.9, bottom=0.18)
    return ax


def footer(ax: Axes, lines: list[str], text_font: dict[str, Any], *, below: float = 34) -> None:
    """Small grey lines ``below`` points under a chart's x axis: coverage, editions, method,
    sources."""
    ax.annotate(
        "\n".join(lines),
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(0, -below),
        textcoords="offset points",
        va="top",
        ha="left",
        fontsize=7.5,
        color="#4d4d4d",
        annotation_clip=False,
        **text_font,
    )
