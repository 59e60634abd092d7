"""A composite ranking and its uncertainty as people read them: text tables (English and
Korean), JSON, pandas frames, a stacked bar chart of contributions and a chart of rank intervals.

The numbers come from `aiindex._analysis.composite`; this module only words and lays them out.

>>> from aiindex._present.composite import composite_text
>>> result = aiindex.composite(aiindex.pillars(), missing="impute")
>>> print(composite_text(result, "ko").splitlines()[0])
AI 인덱스 2026 종합 순위: 30개국, 6개 부문 16개 지표
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeVar

from aiindex._analysis.composite import Composite, Uncertainty, starter_titles
from aiindex._present.lang import Lang, check_lang
from aiindex._present.plot import footer
from aiindex._present.rows import (
    edition_words,
    rank_label,
    source_line,
    tied_ranks,
    unit_label,
)
from aiindex._present.text import table

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from aiindex._analysis.composite import CompositePart, CompositeRow, UncertaintyRow

    _Row = TypeVar("_Row", CompositeRow, UncertaintyRow)

__all__ = [
    "COMPOSITE_COLUMNS",
    "UNCERTAINTY_COLUMNS",
    "composite_command",
    "composite_frame",
    "composite_json",
    "composite_plot",
    "composite_text",
    "uncertainty_json",
]

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "minmax": "min-max normalisation",
        "zscore": "z-scores",
        "rank": "ranks scaled 0 to 1",
        "arithmetic": "weighted arithmetic mean",
        "geometric": "weighted geometric mean (each indicator's worst country at {offset:g})",
        "refuse": "no missing values",
        "skip": "missing values skipped (each country's weights renormalised over the "
        "indicators it has)",
        "impute.worst": "missing values imputed with each indicator's worst value",
        "impute.median": "missing values imputed with each indicator's median",
        "complete": "complete",
        "top": "chart top",
        "selection": "selection",
    },
    "ko": {
        "minmax": "최소-최대 정규화",
        "zscore": "표준점수(z) 정규화",
        "rank": "순위 정규화(0~1)",
        "arithmetic": "가중 산술평균",
        "geometric": "가중 기하평균(지표별 최하위 국가 = {offset:g})",
        "refuse": "결측값 없음",
        "skip": "결측값 제외(국가마다 값이 있는 지표에 가중치 재배분)",
        "impute.worst": "결측값은 지표별 최저값으로 대체",
        "impute.median": "결측값은 지표별 중앙값으로 대체",
        "complete": "전체",
        "top": "차트 상위",
        "selection": "일부",
    },
}
# What the contributions add up to, per aggregation.
_SUMS = {
    "en": {
        "arithmetic": "Contributions are each {what}'s share of the score and sum to it.",
        "geometric": "Contributions are each {what}'s w·ln(g / {offset:g}) and sum to "
        "ln(score / {offset:g}).",
    },
    "ko": {
        "arithmetic": "기여도는 {what}별 점수 몫이며 합이 점수입니다.",
        "geometric": "기여도는 {what}별 w·ln(g / {offset:g})이며 합이 ln(점수 / {offset:g})입니다.",
    },
}
_HEAD = {
    "en": ("rank", "country", "code", "score"),
    "ko": ("순위", "국가", "코드", "점수"),
}
# Contribution columns shown per indicator where there are no pillars, up to this many.
_MAX_COLUMNS = 8


def _method(result: Composite, lang: Lang) -> str:
    w = _WORDS[lang]
    missing = f"impute.{result.impute}" if result.missing == "impute" else result.missing
    parts = [
        w[result.normalize],
        w[result.aggregation].format(offset=result.offset),
        w[missing],
    ]
    if lang == "ko":
        return ", ".join(parts) + "."
    text = ", ".join(parts)
    return text[0].upper() + text[1:] + "."


def _editions(result: Composite, lang: Lang) -> str:
    return ", ".join(edition_words(e, lang, named=True) for e in result.editions)


def pillar_title(name: str, lang: Lang = "en", *, short: bool = False) -> str:
    """A pillar's title: the starter pillars' own (English or Korean), else its name.

    ``short`` keeps the English name (a narrow column heading); Korean titles are short.

    >>> pillar_title("governance"), pillar_title("governance", "ko"), pillar_title("mine")
    ('Trust in AI governance', 'AI 거버넌스 신뢰', 'mine')
    """
    titles = starter_titles().get(name)
    if titles is None:
        return name
    if lang == "ko":
        return titles[1]
    return name if short else titles[0]


def _columns(result: Composite) -> list[str]:
    """The contributions a table shows a column of: the pillars, else a few indicators."""
    if result.pillars:
        return list(result.pillars)
    if len(result.parts) <= _MAX_COLUMNS:
        return [p.id for p in result.parts]
    return []


def _num(x: float) -> str:
    text = f"{x:.3f}"
    return "0.000" if text == "-0.000" else text


def _share(x: float) -> str:
    return f"{x:.1%}"


def composite_text(obj: Composite | Uncertainty, lang: Lang = "en") -> str:
    """A composite ranking, or its uncertainty, as a text table in ``lang``."""
    check_lang(lang)
    if isinstance(obj, Uncertainty):
        return _uncertainty_text(obj, lang)
    if not isinstance(obj, Composite):
        raise TypeError(f"composite_text() takes a Composite or Uncertainty, not {obj!r}")
    return _composite_text(obj, lang)


def _composite_text(result: Composite, lang: Lang) -> str:
    ko = lang == "ko"
    n, k, p = len(result.rows), len(result.parts), len(result.pillars)
    editions = _editions(result, lang)
    if ko:
        groups = f"{p}개 부문 " if p else ""
        head = f"{editions} 종합 순위: {n}개국, {groups}{k}개 지표"
    else:
        groups = f" in {p} pillars" if p else ""
        head = f"Composite ranking of {n} countries ({editions}): {k} indicators{groups}"
    lines = [head, _method(result, lang)]
    if result.min_coverage is not None:
        share = f"{result.min_coverage:.0%}"
        lines[-1] += (
            f" 대상: 가중치의 {share} 이상에 값이 있는 국가."
            if ko
            else f" Ranked: countries with values for at least {share} of the weight."
        )
    cols = _columns(result)
    shown = [pillar_title(c, lang, short=True) if result.pillars else c for c in cols]
    tied = tied_ranks(r.rank for r in result.rows)
    rows = []
    for r in result.rows:
        cells = [
            rank_label(r.rank, r.rank in tied, lang),
            r.entity.display(lang),
            r.entity.id,
            _num(r.score),
            *(_num(r.contribution(c)) for c in cols),
            str(len(r.missing)) if r.missing else "",
        ]
        rows.append(cells)
    header = (*_HEAD[lang], *shown, "결측" if ko else "missing")
    right = (True, False, False, True, *([True] * len(cols)), True)
    lines.append(table(header, rows, right))
    if cols:
        what = (
            ("부문" if result.pillars else "지표")
            if ko
            else ("pillar" if result.pillars else "indicator")
        )
        lines.append(_SUMS[lang][result.aggregation].format(what=what, offset=result.offset))
    lines += ["", *_parts_text(result, lang)]
    if result.excluded:
        lines += ["", _excluded_line(result, lang)]
    if result.notes:
        lines += ["", *result.notes] if not ko else ["", *_notes_ko(result)]
    return "\n".join(lines)


def _parts_text(result: Composite, lang: Lang) -> list[str]:
    ko = lang == "ko"
    w = _WORDS[lang]
    rows = []
    for part in result.parts:
        absent = [r.entity.id for r in result.rows if part.id in r.missing]
        rows.append(
            (
                _share(part.weight),
                pillar_title(part.pillar, lang, short=True) if part.pillar else "",
                part.id,
                str(part.year),
                w[part.coverage.kind],
                str(len(absent)) if absent else "",
            )
        )
    header = (
        ("가중치", "부문", "지표", "연도", "범위", "결측")
        if ko
        else ("weight", "pillar", "indicator", "year", "coverage", "missing")
    )
    out = [table(header, rows, (True, False, False, True, False, True))]
    gaps = []
    for part in result.parts:
        absent = [r.entity.id for r in result.rows if part.id in r.missing]
        if absent:
            gaps.append(f"  {part.id}: {', '.join(absent)}")
    if gaps:
        if ko:
            how = {"impute": "대체됨", "skip": "제외됨"}.get(result.missing, "")
            out += ["", f"결측값({how}):", *gaps]
        else:
            how = {"impute": "imputed", "skip": "skipped"}.get(result.missing, "")
            out += ["", f"Missing values ({how}):", *gaps]
    out += ["", "지표와 출처:" if ko else "Indicators and sources:"]
    for part in result.parts:
        title = part.indicator.title_ko or part.indicator.title if ko else part.indicator.title
        out.append(f"  {part.id}: {title}. {_source(part, lang)}")
    return out


def _source(part: CompositePart, lang: Lang) -> str:
    if part.indicator.edition is None:
        label = "출처: " if lang == "ko" else "Source: "
        return f"{label}{part.indicator.source}."
    return source_line(part.indicator, lang)


def _excluded_line(result: Composite, lang: Lang) -> str:
    share = f"{result.min_coverage or 0:.0%}"
    closest = sorted(result.excluded, key=lambda pair: (-pair[1], pair[0].id))[:5]
    named = ", ".join(f"{e.display(lang)} {share:.0%}" for e, share in closest)
    n = len(result.excluded)
    if lang == "ko":
        return f"제외: 가중치의 {share} 미만에만 값이 있는 {n}개국(가장 가까운 국가: {named})."
    return (
        f"Left out: {n} countries with values for less than {share} of the weight (closest: "
        f"{named})."
    )


def _notes_ko(result: Composite) -> list[str]:
    out = []
    for part in result.parts:
        absent = sum(1 for r in result.rows if part.id in r.missing)
        cov = part.coverage
        if cov.kind == "selection":
            out.append(
                f"{part.id}({cov.year}년)는 일부 국가만 담은 표입니다: 빠진 국가가 최하위라는 "
                "뜻은 아닙니다." + (f" (순위 대상 중 {absent}개국 없음)" if absent else "")
            )
        elif cov.kind == "top" and absent and result.missing == "skip":
            if cov.complete_down_to is None:
                reach = "상위에 들지 못했으므로"
            else:
                side = "낮으므로" if part.indicator.descending else "높으므로"
                cutoff = f"{cov.complete_down_to:g}({unit_label(part.indicator, 'ko')})"
                reach = f"표가 빠짐없는 {cutoff}보다 {side}"
            out.append(
                f"{part.id}({cov.year}년)는 차트 상위만 담은 표입니다: 빠진 {absent}개국은 "
                f"{reach}, 제외하면 그 국가에 유리합니다. missing='impute'는 표의 최저값을 줍니다."
            )
    if len(result.editions) > 1:
        out.append("지표가 여러 판에서 왔습니다: " + _editions(result, "ko") + ".")
    return out


def _uncertainty_text(unc: Uncertainty, lang: Lang) -> str:
    ko = lang == "ko"
    w = _WORDS[lang]
    kinds = ", ".join(w[k] for k in unc.normalizations)
    seed = "" if unc.seed is None else (f", 시드 {unc.seed}" if ko else f", seed {unc.seed}")
    if ko:
        head = (
            f"순위 불확실성: {unc.n:,}회 추출{seed}. 가중치는 원래 가중치 중심의 디리클레 분포"
            f"(집중도 {unc.concentration:g}), 정규화: {kinds}. "
            f"{_method(unc.composite, lang).rstrip('.')}."
        )
        header = ("순위", "국가", "코드", "중앙값", "5%", "95%")
    else:
        head = (
            f"Rank uncertainty over {unc.n:,} draws{seed}: weights from a Dirichlet around "
            f"the composite's (concentration {unc.concentration:g}); normalisations: {kinds}."
        )
        header = ("rank", "country", "code", "median", "5%", "95%")
    tied = tied_ranks(r.rank for r in unc.rows)
    rows = [
        (
            rank_label(r.rank, r.rank in tied, lang),
            r.entity.display(lang),
            r.entity.id,
            str(r.median),
            str(r.low),
            str(r.high),
        )
        for r in unc.rows
    ]
    foot = (
        "중앙값과 5%·95%는 추출된 순위의 경험적 분위수입니다."
        if ko
        else "Median, 5% and 95% are empirical quantiles of the ranks the draws gave."
    )
    return "\n".join([head, table(header, rows, (True, False, False, True, True, True)), foot])


# -- JSON ----------------------------------------------------------------------------------


def composite_json(result: Composite) -> dict[str, Any]:
    """A composite ranking as plain data: method, indicators, every row, exact values."""
    return {
        "method": {
            "normalize": result.normalize,
            "aggregation": result.aggregation,
            "missing": result.missing,
            "impute": result.impute if result.missing == "impute" else None,
            "offset": result.offset if result.aggregation == "geometric" else None,
            "min_coverage": result.min_coverage,
            "per_capita": result.per_capita,
        },
        "editions": list(result.editions),
        "pillars": [
            {"name": name, "title": pillar_title(name), "weight": result.pillar_weight(name)}
            for name in result.pillars
        ],
        "indicators": [
            {
                "indicator": p.id,
                "title": p.indicator.title,
                "edition": p.indicator.edition,
                "pillar": p.pillar,
                "weight": p.weight,
                "year": p.year,
                "coverage": p.coverage.kind,
                "unit": p.indicator.unit,
                "descending": p.indicator.descending,
                "imputed_value": p.fill,
            }
            for p in result.parts
        ],
        "rows": [
            {
                "rank": r.rank,
                "entity": r.entity.id,
                "name": r.entity.name,
                "score": r.score,
                "contributions": dict(r.contributions),
                "pillar_contributions": dict(r.pillar_contributions),
                "values": {p.id: v for p, v in zip(result.parts, r.values, strict=True)},
                "normalized": {p.id: z for p, z in zip(result.parts, r.normalized, strict=True)},
                "missing": list(r.missing),
                "imputed": list(r.imputed),
            }
            for r in result.rows
        ],
        "excluded": [{"entity": e.id, "weight_covered": share} for e, share in result.excluded],
        "notes": list(result.notes),
    }


def uncertainty_json(unc: Uncertainty) -> dict[str, Any]:
    """The rank intervals as plain data (the draws themselves are left to the API)."""
    return {
        "n": unc.n,
        "seed": unc.seed,
        "concentration": unc.concentration,
        "normalizations": list(unc.normalizations),
        "rows": [
            {
                "entity": r.entity.id,
                "rank": r.rank,
                "median": r.median,
                "low": r.low,
                "high": r.high,
            }
            for r in unc.rows
        ],
    }


# -- pandas --------------------------------------------------------------------------------

#: The columns of `Composite.to_pandas`: one row per country and indicator.
COMPOSITE_COLUMNS: tuple[str, ...] = (
    "rank",
    "entity",
    "entity_name",
    "score",
    "indicator",
    "pillar",
    "weight",
    "year",
    "value",
    "unit",
    "normalized",
    "contribution",
    "missing",
    "imputed",
)
#: The columns of `Uncertainty.to_pandas`: one row per country.
UNCERTAINTY_COLUMNS: tuple[str, ...] = ("rank", "entity", "entity_name", "median", "low", "high")


def composite_frame(obj: Composite | Uncertainty) -> pd.DataFrame:
    """A composite as a long frame (`COMPOSITE_COLUMNS`), or its intervals (`UNCERTAINTY_COLUMNS`).

    >>> from aiindex._present.composite import composite_frame
    >>> result = aiindex.composite(aiindex.pillars(), missing="impute")
    >>> df = composite_frame(result)
    >>> len(df) == len(result.rows) * len(result.parts)
    True
    >>> kor = df[df.entity == "KOR"]
    >>> bool(abs(kor.contribution.sum() - kor.score.iloc[0]) < 1e-12)
    True
    """
    from aiindex._present.frames import require

    (pandas,) = require("pandas", "pandas")
    if isinstance(obj, Uncertainty):
        data = [(r.rank, r.entity.id, r.entity.name, r.median, r.low, r.high) for r in obj.rows]
        frame: pd.DataFrame = pandas.DataFrame(data, columns=list(UNCERTAINTY_COLUMNS))
        return frame
    if not isinstance(obj, Composite):
        raise TypeError(f"composite_frame() takes a Composite or Uncertainty, not {obj!r}")
    rows = []
    nan = float("nan")
    for r in obj.rows:
        contributions = dict(r.contributions)
        for part, value, z in zip(obj.parts, r.values, r.normalized, strict=True):
            c = contributions[part.id]
            rows.append(
                (
                    r.rank,
                    r.entity.id,
                    r.entity.name,
                    r.score,
                    part.id,
                    part.pillar,
                    part.weight,
                    part.year,
                    nan if value is None else value,
                    part.indicator.unit,
                    nan if z is None else z,
                    nan if c is None else c,
                    part.id in r.missing,
                    part.id in r.imputed,
                )
            )
    frame = pandas.DataFrame(rows, columns=list(COMPOSITE_COLUMNS))
    return frame


# -- charts --------------------------------------------------------------------------------

_PALETTE = (
    "#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3",
    "#937860", "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd",
)  # fmt: skip


def composite_plot(
    obj: Composite | Uncertainty,
    *,
    by: Literal["pillar", "indicator"] | None = None,
    top: int | None = None,
    highlight: str | None = "KOR",
    ax: Axes | None = None,
    lang: Lang = "en",
) -> Axes:
    """A composite as stacked bars of contributions, or its uncertainty as rank intervals.

    Countries run best first, top down; ``top`` keeps the first rows (and ``highlight``,
    which is marked in red). Returns the Axes.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> result = aiindex.composite(aiindex.pillars(), missing="impute")
    >>> ax = result.plot(top=10)
    >>> len(ax.get_yticklabels())
    10
    """
    from aiindex._present.frames import require

    require("plot", "matplotlib")
    check_lang(lang)
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise ValueError(f"top={top!r}: give a positive number of rows, or None for all")
    if by not in (None, "pillar", "indicator"):
        raise ValueError(f"by={by!r}: use 'pillar', 'indicator' or None")
    from aiindex._present.plot import korean_font

    font = korean_font(lang, stacklevel=3)
    if isinstance(obj, Uncertainty):
        return _intervals(obj, top, highlight, ax, font)
    if not isinstance(obj, Composite):
        raise TypeError(f"composite_plot() takes a Composite or Uncertainty, not {obj!r}")
    if by == "pillar" and not obj.pillars:
        raise ValueError("by='pillar': this composite has no pillars; use by='indicator'")
    return _stacked(obj, by or ("pillar" if obj.pillars else "indicator"), top, highlight, ax, font)


def _setup(
    rows: Sequence[_Row], top: int | None, highlight: str | None, font: str | None
) -> tuple[Lang, dict[str, Any], str | None, list[_Row]]:
    """A chart's language, label font, highlighted country and rows (``top`` of them, and the
    highlighted one wherever it stands)."""
    from aiindex._reference.entities import resolve

    lang: Lang = "ko" if font else "en"
    # The Hangul family first, DejaVu for what it lacks (the minus sign, digits' widths).
    text_font: dict[str, Any] = {"fontfamily": [font, "DejaVu Sans"]} if font else {}
    target = resolve(highlight).id if highlight is not None else None
    kept = list(rows)
    if top is not None and len(kept) > top:
        kept = kept[:top] + [r for r in kept[top:] if r.entity.id == target]
    return lang, text_font, target, kept


def _new_axes(ax: Axes | None, rows: int, width: float = 8.0) -> tuple[Axes, Figure | None]:
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax, None
    figure = plt.figure(figsize=(width, 1.8 + 0.32 * max(rows, 1)))
    return figure.add_subplot(), figure


def _stacked(
    result: Composite,
    by: Literal["pillar", "indicator"],
    top: int | None,
    highlight: str | None,
    ax: Axes | None,
    font: str | None,
) -> Axes:
    lang, text_font, target, rows = _setup(result.rows, top, highlight, font)
    keys = list(result.pillars) if by == "pillar" else [p.id for p in result.parts]
    labels = [pillar_title(k, lang) for k in keys] if by == "pillar" else keys
    ax, created = _new_axes(ax, len(rows))
    tied = tied_ranks(r.rank for r in result.rows)
    for n, key in enumerate(keys):
        values = [r.contribution(key) for r in rows]
        pos = [max(v, 0.0) for v in values]
        neg = [min(v, 0.0) for v in values]
        left_pos = [sum(max(r.contribution(k), 0.0) for k in keys[:n]) for r in rows]
        left_neg = [sum(min(r.contribution(k), 0.0) for k in keys[:n]) for r in rows]
        colour = _PALETTE[n % len(_PALETTE)]
        ax.barh(range(len(rows)), pos, left=left_pos, color=colour, label=labels[n])
        if any(neg):
            ax.barh(range(len(rows)), neg, left=left_neg, color=colour)
    _countries_axis(ax, rows, tied, target, font, text_font)
    ax.axvline(0, color="#4d4d4d", linewidth=0.8)
    if result.aggregation == "geometric":
        xlabel = (
            f"ln(점수 / {result.offset:g}) 기여도"
            if lang == "ko"
            else f"contribution to ln(score / {result.offset:g})"
        )
    else:
        xlabel = "점수 기여도" if lang == "ko" else "contribution to the score"
    ax.set_xlabel(xlabel, **text_font)
    title = (
        f"{_editions(result, lang)} 종합 순위"
        if lang == "ko"
        else f"Composite ranking ({_editions(result, lang)})"
    )
    ax.set_title(title, loc="left", fontsize=11, **text_font)
    ax.legend(loc="lower right", fontsize=7, frameon=False, prop=_prop(font))
    footer(ax, [_method(result, lang), _aiindex_line(lang)], text_font)
    if created is not None:
        height = float(created.get_size_inches()[1])
        created.subplots_adjust(left=0.3, right=0.97, top=1 - 0.5 / height, bottom=1.1 / height)
    return ax


def _prop(font: str | None) -> dict[str, Any]:
    return {"family": [font, "DejaVu Sans"], "size": 7} if font else {"size": 7}


def _countries_axis(
    ax: Axes,
    rows: Sequence[CompositeRow | UncertaintyRow],
    tied: frozenset[int],
    target: str | None,
    font: str | None,
    text_font: dict[str, Any],
) -> None:
    """The countries down the y axis, best at the top, ranked, the highlighted one in red."""
    from aiindex._present.plot import HIGHLIGHT_COLOR

    lang: Lang = "ko" if font else "en"
    ticks = [
        f"{rank_label(r.rank, r.rank in tied, lang, chart=True)}  {r.entity.display(lang)}"
        for r in rows
    ]
    ax.set_yticks(range(len(rows)), labels=ticks, **text_font)
    for tick, row in zip(ax.get_yticklabels(), rows, strict=True):
        if row.entity.id == target:
            tick.set_color(HIGHLIGHT_COLOR)
            if not font:  # Hangul fonts often ship no bold face
                tick.set_fontweight("bold")
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _aiindex_line(lang: Lang) -> str:
    if lang == "ko":
        return "지표·가중치 선택: 사용자(또는 aiindex 기본 부문). 데이터: 스탠퍼드대 HAI AI 인덱스."
    return "Indicators and weights: the user's (or aiindex's starter pillars). Data: Stanford HAI AI Index."  # noqa: E501


def _intervals(
    unc: Uncertainty, top: int | None, highlight: str | None, ax: Axes | None, font: str | None
) -> Axes:
    from aiindex._present.plot import BAR_COLOR, HIGHLIGHT_COLOR

    lang, text_font, target, rows = _setup(unc.rows, top, highlight, font)
    ax, created = _new_axes(ax, len(rows), width=7.0)
    for y, r in enumerate(rows):
        colour = HIGHLIGHT_COLOR if r.entity.id == target else BAR_COLOR
        ax.plot([r.low, r.high], [y, y], color=colour, linewidth=3, solid_capstyle="butt")
        ax.plot([r.median], [y], marker="o", color="#4d4d4d", markersize=5, linestyle="none")
        ax.plot([r.rank], [y], marker="x", color="#c8102e", markersize=5, linestyle="none")
    _countries_axis(ax, rows, tied_ranks(r.rank for r in unc.rows), target, font, text_font)
    ax.set_xlim(0.5, max([len(unc.rows), *(r.high for r in rows)]) + 0.5)
    if lang == "ko":
        ax.set_xlabel("순위 (막대: 5~95%, 점: 중앙값, x: 종합 순위)", **text_font)
        title = f"순위 불확실성 ({unc.n:,}회 추출)"
    else:
        ax.set_xlabel("rank (bar: 5-95%, dot: median, x: composite rank)")
        title = f"Rank uncertainty ({unc.n:,} draws)"
    ax.set_title(title, loc="left", fontsize=11, **text_font)
    if created is not None:
        height = float(created.get_size_inches()[1])
        created.subplots_adjust(left=0.32, right=0.97, top=1 - 0.5 / height, bottom=0.9 / height)
    return ax


def composite_figure(
    result: Composite, unc: Uncertainty | None, *, highlight: str | None, lang: Lang
) -> Figure:
    """The chart the command line writes: contributions, and beside them the rank intervals."""
    import matplotlib.pyplot as plt

    from aiindex._present.frames import require

    require("plot", "matplotlib")
    from aiindex._present.plot import korean_font

    # Asked once for both charts: one warning, where no font has Hangul, not two.
    if lang == "ko" and korean_font(lang, stacklevel=3) is None:
        lang = "en"
    rows = len(result.rows)
    height = 2.0 + 0.32 * max(rows, 1)
    if unc is None:
        ax = composite_plot(result, highlight=highlight, lang=lang)
        drawn = ax.get_figure(root=True)
        if drawn is None:  # pragma: no cover - composite_plot always draws on a figure
            raise AssertionError("the chart has no figure")
        return drawn
    figure = plt.figure(figsize=(13, height))
    left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": (3, 2)})
    composite_plot(result, highlight=highlight, ax=left, lang=lang)
    composite_plot(unc, highlight=highlight, ax=right, lang=lang)
    right.set_yticks(range(rows), labels=[""] * rows)
    figure.subplots_adjust(left=0.16, right=0.98, top=1 - 0.5 / height, bottom=1.1 / height)
    return figure


# -- the command line ------------------------------------------------------------------------


def composite_command(
    weights: str | None,
    *,
    edition: int | None,
    year: int | None,
    countries: str | None,
    normalize: Any,
    aggregation: Any,
    missing: Any,
    impute: Any,
    min_coverage: float,
    draws: int | None,
    seed: int | None,
    plot: bool,
    highlight: str | None,
    lang: Lang,
    as_json: bool,
) -> tuple[str, Figure | None]:
    """``aiindex composite``: the text (or JSON) to print, and the chart to write, if asked."""
    from aiindex._analysis.composite import composite
    from aiindex._sources.weights import pillars, read_weights

    if plot and highlight is not None:
        from aiindex._reference.entities import resolve

        resolve(highlight)  # a bad name fails now, before any work or font warning
    mapping: Any = pillars() if weights is None else read_weights(weights, edition=edition)
    chosen = None
    if countries is not None:
        chosen = [c.strip() for c in countries.split(",") if c.strip()]
    result = composite(
        mapping,
        edition=edition,
        year=year,
        countries=chosen,
        normalize=normalize,
        aggregation=aggregation,
        missing=missing,
        impute=impute,
        min_coverage=min_coverage,
    )
    unc = result.uncertainty(draws, seed=seed) if draws is not None else None
    figure = composite_figure(result, unc, highlight=highlight, lang=lang) if plot else None
    if as_json:
        import json

        data = composite_json(result)
        data["weights"] = "aiindex starter pillars" if weights is None else weights
        if unc is not None:
            data["uncertainty"] = uncertainty_json(unc)
        return json.dumps(data, ensure_ascii=False, indent=2), figure
    text = composite_text(result, lang)
    if weights is None:
        text += "\n\n" + (
            "가중치: aiindex 기본 부문(aiindex 자체 선택이며 AI 인덱스 '글로벌 AI 활력 도구'의 "
            "가중치가 아님). --weights 파일로 바꿀 수 있습니다."
            if lang == "ko"
            else "Weights: aiindex's starter pillars (aiindex's own choice, not the AI Index "
            "Global AI Vibrancy Tool's weights); give your own with --weights."
        )
    if unc is not None:
        text += "\n\n" + composite_text(unc, lang)
    return text, figure
