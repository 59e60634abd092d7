"""Citations and licenses: how to credit an AI Index figure, per edition.

The editions' recommended citations, publication dates and data licenses are recorded, with
where each was read, in ``data/editions.toml``.

>>> from aiindex._present.cite import cite
>>> cite(aiindex.indicator("private_investment", edition=2026).observation("KOR"))
'Quid; Stanford HAI, AI Index Report 2026, Chapter 4.2 Investment, fig. 4.2.8'
>>> cite(aiindex.indicator("private_investment", edition=2024).observation("KOR"))
'Stanford HAI, AI Index Report 2024, Chapter 4.3 Investment, via Yonhap News Agency, etnews.com'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from aiindex._present.lang import Lang, check_lang
from aiindex._reference.editions import Edition, edition_info, known_editions
from aiindex.exceptions import UnknownEditionError

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Observation, Source

__all__ = ["STYLES", "cite", "figures_of", "providers", "publisher", "via", "via_text"]

Style = Literal["short", "long", "bibtex"]
STYLES: tuple[str, ...] = ("short", "long", "bibtex")


def _source_of(x: Indicator | Observation) -> Source:
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Observation

    if isinstance(x, Indicator | Observation):
        return x.source
    raise TypeError(f"cite() takes an Indicator or an Observation, not {type(x).__name__}")


def figures_of(x: Indicator | Observation) -> tuple[str, ...]:
    """The report figures the values were read from ("fig_4.2.8"), in the report's order.

    >>> figures_of(aiindex.indicator("private_investment", edition=2026))
    ('fig_4.2.8', 'fig_4.2.11')
    """
    from aiindex._model.records import Observation

    if isinstance(x, Observation):
        return (x.source.figure,) if x.source.figure else ()
    found = {o.source.figure for o in x.observations if o.source.figure}
    if x.source.figure:
        found.add(x.source.figure)
    return tuple(sorted(found, key=_figure_order))


def _figure_order(figure: str) -> tuple[int, ...]:
    import re

    return tuple(int(n) for n in re.findall(r"[0-9]+", figure))


# The report's own analyses name "AI Index" as their source: the report is cited anyway.
_THE_REPORT = "AI Index"


def providers(x: Indicator | Observation) -> tuple[str, ...]:
    """The data providers of the figures the values come from, as the charts' Source lines
    name them; the AI Index itself, and values without a release figure, name none.

    >>> providers(aiindex.indicator("private_investment", edition=2026))
    ('Quid',)
    >>> providers(aiindex.indicator("private_investment", edition=2024))
    ()
    """
    edition = x.source.edition
    if edition is None:
        return ()
    from aiindex._io.files import read_compiled

    _, data = read_compiled("registry/providers.json")
    table = data["providers"].get(str(edition), {})
    names = (p for f in figures_of(x) for p in table.get(f, ()) if p != _THE_REPORT)
    return tuple(dict.fromkeys(names))


def _where(x: Indicator | Observation, src: Source, lang: Lang = "en") -> str:
    figs = [f.removeprefix("fig_") for f in figures_of(x)]
    if not figs:
        return src.section
    if lang == "ko":
        return f"{src.section}, 그림 " + ", ".join(figs)
    return f"{src.section}, {'fig.' if len(figs) == 1 else 'figs.'} " + ", ".join(figs)


def _data(x: Indicator | Observation) -> str:
    names = providers(x)
    return f" Data: {', '.join(names)}." if names else ""


def _by(x: Indicator | Observation) -> str:
    names = providers(x)
    return "; ".join(names) + "; " if names else ""


def cite(x: Indicator | Observation, style: Style = "short", lang: Lang = "en") -> str:
    """How to credit an indicator or one of its values.

    ``short``: the data provider the chart names, the report, and the section and figure the
    value is from, and, for values read from press reports quoting the report rather than from
    its own data files, ``via`` those publishers. ``long``: the edition's recommended citation,
    the section and figures, the data provider, the data license and where aiindex read the
    value. ``bibtex``: a ``@techreport`` entry. ``lang="ko"`` words the short and long forms in
    Korean (the citation itself stays as the report gives it). Values read from press reports
    name no provider: the quotations do not say which partner supplied a figure.

    >>> from aiindex._present.cite import cite
    >>> obs = aiindex.indicator("ai_patents_per_capita", edition=2024).observation("KOR")
    >>> cite(obs, lang="ko")
    "스탠퍼드대 HAI 'AI 인덱스 2024' 보고서, Chapter 1.2 Patents, 재인용: Yonhap News Agency, ..."
    >>> cite(aiindex.indicator("ai_patents_per_capita", edition=2026).observation("KOR"), lang="ko")
    "스탠퍼드대 HAI 'AI 인덱스 2026' 보고서, Chapter 1.7 Patents, 그림 1.7.4"
    >>> print(cite(obs, "long"))  # doctest: +ELLIPSIS
    Nestor Maslej, ..., "The AI Index 2024 Annual Report," ... April 2024. Chapter 1.2 Patents.
    Licensed under CC BY-ND 4.0 (https://creativecommons.org/...); value as printed, read at: ...
    """
    src = _source_of(x)
    if style not in STYLES:
        raise ValueError(f"style={style!r}: use one of " + ", ".join(map(repr, STYLES)))
    check_lang(lang)
    if src.edition is None:
        err = UnknownEditionError(None, known_editions())
        err.args = (
            "a user table (read_csv) is not an AI Index edition, so there is no report to "
            "cite; cite the source of your own table",
        )
        raise err
    info = edition_info(src.edition)
    if style == "short":
        read = via_text(x, lang)
        read = f", {read}" if read else ""
        where = _where(x, src, lang)
        if lang == "ko":
            return f"{_by(x)}스탠퍼드대 HAI 'AI 인덱스 {info.edition}' 보고서, {where}{read}"
        return f"{_by(x)}Stanford HAI, AI Index Report {info.edition}, {where}{read}"
    if style == "bibtex":
        return _bibtex(info, x, src)
    return _long(info, x, src, lang)


def publisher(locator: str) -> str | None:
    """Who published the copy a value was read from; None for the AI Index's own data files.

    >>> publisher("https://www.etnews.com/20240416000399"), publisher("github:a/b:2024/x.js")
    ('etnews.com', 'github.com/a/b')
    >>> publisher("AI Index 2025 public data, fig_4.3.8.csv") is None
    True
    >>> publisher('Yonhap News Agency (연합뉴스), 2024-04-16, "..."')
    'Yonhap News Agency'
    """
    if locator.startswith("AI Index ") and " public data, " in locator:
        return None
    if locator.startswith(("https://", "http://")):
        return locator.split("/")[2].removeprefix("www.")
    if locator.startswith("github:"):
        return "github.com/" + locator.removeprefix("github:").split(":")[0]
    return locator.split(",")[0].split(" (")[0].strip()


def via(x: Indicator | Observation) -> tuple[str, ...]:
    """The publishers whose copies the values were read from, where not the report's files.

    >>> via(aiindex.indicator("ai_patents_per_capita", edition=2024).observation("LUX"))
    ('Yonhap News Agency', 'news.zum.com')
    >>> via(aiindex.indicator("private_investment", edition=2025))
    ()
    """
    if x.source.edition is None:  # a user table: its sources are the user's
        return ()
    return tuple(dict.fromkeys(p for p in map(publisher, _read_at(x)) if p))


# How many publishers a short citation names before it counts the rest.
_NAMED = 3


def via_text(x: Indicator | Observation, lang: Lang = "en") -> str:
    """``via etnews.com, courseon.ai and 4 more``, or "" for values from the report's files.

    >>> via_text(aiindex.indicator("private_investment", edition=2024))
    'via courseon.ai, edtechinnovationhub.com, etnews.com and 8 more'
    >>> via_text(aiindex.indicator("private_investment", edition=2024), "ko")
    '재인용: courseon.ai, edtechinnovationhub.com, etnews.com 외 8곳'
    """
    names = via(x)
    if not names:
        return ""
    shown = ", ".join(names[:_NAMED])
    more = len(names) - _NAMED
    if lang == "ko":
        return f"재인용: {shown}" + (f" 외 {more}곳" if more > 0 else "")
    return f"via {shown}" + (f" and {more} more" if more > 0 else "")


def _read_at(x: Indicator | Observation) -> tuple[str, ...]:
    from aiindex._model.records import Observation

    if isinstance(x, Observation):
        return x.source.locators
    seen: dict[str, None] = {}
    for obs in x.observations:
        seen.update(dict.fromkeys(obs.source.locators))
    return tuple(seen)


def _long(info: Edition, x: Indicator | Observation, src: Source, lang: Lang) -> str:
    read = "; ".join(_read_at(x))
    if lang == "ko":
        names = ", ".join(providers(x))
        lines = [
            f"{info.reference} {_where(x, src, lang)}." + (f" 데이터: {names}." if names else ""),
            f"이용허락: {info.license} ({info.license_url}). 보고서에 인쇄된 값 그대로이며, "
            "순위·격차·환율 환산은 aiindex가 요청 시 계산한 것으로 보고서의 수치가 아닙니다.",
        ]
        if read:
            lines.append(f"확인한 곳: {read}")
        return "\n".join(lines)
    what = "value as printed" if read and not hasattr(x, "observations") else "values as printed"
    lines = [
        f"{info.reference} {_where(x, src)}.{_data(x)}",
        f"Licensed under {info.license} ({info.license_url}); {what}"
        + (f", read at: {read}" if read else "")
        + ". Ranks, gaps and currency conversions are computed by aiindex on request, "
        "not printed by the report.",
    ]
    return "\n".join(lines)


def _bibtex_escape(text: str) -> str:
    return text.replace("\\", "\\textbackslash{}").replace("&", "\\&").replace("%", "\\%")


def _bibtex(info: Edition, x: Indicator | Observation, src: Source) -> str:
    month = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    # Braces keep BibTeX styles from lower-casing the acronym.
    title = info.title.replace("AI Index", "{AI} Index")
    fields = [
        ("author", " and ".join(info.authors)),
        ("title", title),
        ("institution", info.publisher.rsplit(", Stanford, CA", 1)[0]),
        ("address", "Stanford, CA"),
        ("year", str(info.edition)),
        ("month", month[info.month - 1]),
        ("url", info.url),
        ("note", f"{_where(x, src)}.{_data(x)} License: {info.license_title} ({info.license})"),
    ]
    # An unsourced author list or address (2026) is left out, not written empty.
    body = ",\n".join(
        f"  {k} = {v}" if k == "month" else f"  {k} = {{{_bibtex_escape(v)}}}"
        for k, v in fields
        if v
    )
    return f"@techreport{{aiindex{info.edition},\n{body}\n}}"
