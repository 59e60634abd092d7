"""The release figures as text: a catalogue of figures, and one figure with its cells.

>>> from aiindex._sources.figures import figures
>>> lines = figures_text(figures(2026, chapter=4, search="geographic private"), 2026).splitlines()
>>> lines[0]
'AI Index 2026 public data: 4 figures'
>>> lines[2].split("  ")[0], lines[2].rstrip().endswith("Quid")
('4.2.8', True)
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from aiindex._model.figure import Figure
    from aiindex._present.lang import Lang

__all__ = ["figure_json", "figure_text", "figures_text"]

# Said of a title that could not be taken from the chart, which has no text layer.
_HEADER_TITLE = {"en": "title from the CSV header", "ko": "제목은 CSV 머리글에서"}
# A column's role, in Korean.
_ROLES_KO = {"value": "값", "year": "연도", "entity": "이름", "category": "분류"}


def _title(fig: Figure, lang: Lang = "en") -> str:
    if fig.title_source == "chart":
        return fig.title
    return f"{fig.title} ({_HEADER_TITLE['ko' if lang == 'ko' else 'en']})"


def figures_text(
    found: Sequence[Figure], edition: int, *, what: str = "", lang: Lang = "en"
) -> str:
    """A catalogue line per figure: id, title and data providers, under a count.

    ``what`` says which figures these are ("chapter 4", "matching 'patents'"). The titles are
    the charts' own, in English.

    >>> figures_text((), 2025, what="matching 'zzz'")
    "AI Index 2025 public data, matching 'zzz': no figure"
    >>> figures_text((), 2025, lang="ko")
    'AI 인덱스 2025 공개 데이터: 그림 없음'
    """
    from aiindex._present.text import table
    from aiindex._present.words import word

    ko = lang == "ko"
    if ko:
        count = "그림 없음" if not found else f"그림 {len(found)}개"
        head = f"AI 인덱스 {edition} 공개 데이터{', ' + what if what else ''}: {count}"
    else:
        count = "no figure" if not found else f"{len(found)} figure" + ("s" * (len(found) > 1))
        head = f"AI Index {edition} public data{', ' + what if what else ''}: {count}"
    if not found:
        return head
    rows = [(f.id, _title(f, lang), "; ".join(f.providers)) for f in found]
    header = ("id", word("title", lang), word("providers", lang))
    return head + "\n" + table(header, rows, (False, False, False))


def figure_text(fig: Figure, *, lang: Lang = "en") -> str:
    """One figure: its title and provenance, its columns, then every row as the file prints it.

    >>> from aiindex._sources.figures import figure
    >>> print(figure_text(figure("4.2.8", edition=2026)).splitlines()[1])
    Figure 4.2.8, AI Index 2026, chapter 4 (Economy)
    >>> print(figure_text(figure("4.2.8", edition=2026), lang="ko").splitlines()[1])
    그림 4.2.8, AI 인덱스 2026, 4장 (Economy)
    """
    from aiindex._present.text import table

    ko = lang == "ko"
    lines = [
        _title(fig, lang),
        f"그림 {fig.id}, AI 인덱스 {fig.edition}, {fig.chapter}장 ({fig.chapter_name})"
        if ko
        else f"Figure {fig.id}, AI Index {fig.edition}, chapter {fig.chapter} ({fig.chapter_name})",
    ]
    if fig.source_line:
        lines.append(fig.source_line)
    if ko:
        lines.append(f"파일: {fig.file} (패키지 경로 aiindex/{fig.path})")
    else:
        lines.append(f"File: {fig.file} (packaged as aiindex/{fig.path})")
    if fig.note:
        lines.append(f"{'비고' if ko else 'Note'}: {fig.note}")
    lines.append(_uses_line(fig, ko))
    columns = []
    for c in fig.columns:
        role = _ROLES_KO.get(c.role, c.role) if ko else c.role
        columns.append(f"{c.name} [{role}{', ' + c.unit if c.unit else ''}]")
    lines.append(("열: " if ko else "Columns: ") + "; ".join(columns))
    numeric = [c.role in ("value", "year") for c in fig.columns]
    lines.append(table(fig.header, fig.cells, numeric))
    return "\n".join(lines)


def _uses_line(fig: Figure, ko: bool) -> str:
    """The indicators aiindex builds from the figure, or why it builds none."""
    if fig.indicators:
        return ("지표: " if ko else "Indicators: ") + ", ".join(fig.indicators)
    if fig.skip_reason:
        return ("지표 없음: " if ko else "Indicators: none, ") + fig.skip_reason
    # The census test holds every other figure to this: no entity column beside a value one.
    if ko:
        return "지표 없음(나라·기관·모델 같은 개체의 열과 값의 열이 함께 있지 않은 파일)"
    return "Indicators: none (the file has no column of entities beside a column of values)"


def figure_json(fig: Figure, *, rows: bool = True) -> dict[str, Any]:
    """The figure's description (and its typed rows, missing cells as null) for ``--json``."""
    data: dict[str, Any] = {
        "edition": fig.edition,
        "id": fig.id,
        "file": fig.file,
        "chapter": fig.chapter,
        "chapter_name": fig.chapter_name,
        "title": fig.title,
        "title_source": fig.title_source,
        "providers": list(fig.providers),
        "source_line": fig.source_line,
        "path": fig.path,
        "note": fig.note,
        "columns": [{"name": c.name, "role": c.role, "unit": c.unit} for c in fig.columns],
        "indicators": list(fig.indicators),
        "skip_reason": fig.skip_reason,
    }
    if rows:
        data["rows"] = [list(r) for r in fig.rows]
    return data
