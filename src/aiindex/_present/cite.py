"""Citations and licenses: how to credit an AI Index figure, per edition.

The editions' recommended citations, publication dates and data licenses are recorded, with
where each was read, in ``data/editions.toml``.

>>> from aiindex._present.cite import cite
>>> cite(aiindex.indicator("private_investment", edition=2026).observation("KOR"))
'Quid; Stanford HAI, AI Index Report 2026, Chapter 4 Economy, fig. 4.2.8'
>>> cite(aiindex.indicator("private_investment", edition=2024).observation("KOR"))
'Stanford HAI, AI Index Report 2024, Chapter 4.3 Investment, via Yonhap News Agency, etnews.com'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from aiindex._present.lang import Lang, check_lang
from aiindex._present.words import CITE_STYLES
from aiindex._reference.editions import Edition, edition_info, known_editions
from aiindex.exceptions import UnknownEditionError

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Observation, Source

__all__ = ["STYLES", "cite", "figures_of", "providers", "publisher", "via", "via_text"]

Style = Literal["short", "long", "bibtex", "ris", "csl-json"]
#: The citation styles (`aiindex._present.words.CITE_STYLES`).
STYLES: tuple[str, ...] = CITE_STYLES


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
    value. ``bibtex``: a ``@techreport`` entry; ``ris``: a RIS record (``TY  - RPRT``);
    ``csl-json``: a CSL-JSON item list, as Zotero and pandoc read them; each names the section,
    figure and data provider. ``lang="ko"`` words the short and long forms in Korean (the
    citation itself stays as the report gives it). Values read from press reports name no
    provider: the quotations do not say which partner supplied a figure.

    >>> from aiindex._present.cite import cite
    >>> obs = aiindex.indicator("ai_patents_per_capita", edition=2024).observation("KOR")
    >>> cite(obs, lang="ko")
    "스탠퍼드대 HAI 'AI 인덱스 2024' 보고서, Chapter 1.2 Patents, 재인용: Yonhap News Agency, ..."
    >>> cite(aiindex.indicator("ai_patents_per_capita", edition=2026).observation("KOR"), lang="ko")
    "스탠퍼드대 HAI 'AI 인덱스 2026' 보고서, Chapter 1 Research and Development, 그림 1.7.4"
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
    if style == "ris":
        return _ris(info, x, src)
    if style == "csl-json":
        return _csl_json(info, x, src)
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
        ("institution", _institution(info)),
        ("address", "Stanford, CA"),
        ("year", str(info.edition)),
        ("month", month[info.month - 1]),
        ("url", info.url),
        ("note", _note(info, x, src)),
    ]
    # An unsourced author list or address (2026) is left out, not written empty.
    body = ",\n".join(
        f"  {k} = {v}" if k == "month" else f"  {k} = {{{_bibtex_escape(v)}}}"
        for k, v in fields
        if v
    )
    return f"@techreport{{aiindex{info.edition},\n{body}\n}}"


def _note(info: Edition, x: Indicator | Observation, src: Source) -> str:
    """What a reference manager's note field says: where in the report, whose data, license."""
    return f"{_where(x, src)}.{_data(x)} License: {info.license_title} ({info.license})"


def _institution(info: Edition) -> str:
    return info.publisher.rsplit(", Stanford, CA", 1)[0]


def _ris(info: Edition, x: Indicator | Observation, src: Source) -> str:
    """A RIS record of the report, its note naming the section, figure and data provider.

    >>> print(cite(aiindex.indicator("private_investment", edition=2026), "ris"))
    TY  - RPRT
    TI  - Artificial Intelligence Index Report 2026
    PB  - Stanford HAI
    ...
    N1  - Chapter 4 Economy, figs. 4.2.8, 4.2.11. Data: Quid. License: ...
    ER  -
    """
    lines = ["TY  - RPRT", *(f"AU  - {a}" for a in info.authors), f"TI  - {info.title}"]
    lines += [
        f"PB  - {_institution(info)}",
        "CY  - Stanford, CA",
        f"PY  - {info.edition}",
        f"DA  - {info.edition}/{info.month:02d}",
    ]
    if info.url:
        lines.append(f"UR  - {info.url}")
    lines += [f"N1  - {_note(info, x, src)}", "ER  - "]
    return "\n".join(line.rstrip() if line.startswith("ER") else line for line in lines)


def _csl_json(info: Edition, x: Indicator | Observation, src: Source) -> str:
    """A CSL-JSON item list of the report (Zotero, pandoc), its note naming the section,
    figure and data provider.

    >>> import json
    >>> item = json.loads(cite(aiindex.indicator("private_investment", edition=2024), "csl-json"))[0]
    >>> item["type"], item["issued"], item["author"][0]
    ('report', {'date-parts': [[2024, 4]]}, {'family': 'Maslej', 'given': 'Nestor'})
    """  # noqa: E501
    import json

    item: dict[str, object] = {
        "id": f"aiindex{info.edition}",
        "type": "report",
        "title": info.title,
        "publisher": _institution(info),
        "publisher-place": "Stanford, CA",
        "issued": {"date-parts": [[info.edition, info.month]]},
        "note": _note(info, x, src),
    }
    if info.authors:
        people = [a.split(", ", 1) for a in info.authors]
        item["author"] = [
            {"family": p[0], "given": p[1]} if len(p) == 2 else {"literal": p[0]} for p in people
        ]
    if info.url:
        item["URL"] = info.url
    return json.dumps([item], ensure_ascii=False, indent=2)
