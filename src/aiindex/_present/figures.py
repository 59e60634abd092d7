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

__all__ = ["figure_json", "figure_text", "figures_text"]

# Said of a title that could not be taken from the chart, which has no text layer.
_HEADER_TITLE = "title from the CSV header"


def _title(fig: Figure) -> str:
    return fig.title if fig.title_source == "chart" else f"{fig.title} ({_HEADER_TITLE})"


def figures_text(found: Sequence[Figure], edition: int, *, what: str = "") -> str:
    """A catalogue line per figure: id, title and data providers, under a count.

    ``what`` says which figures these are ("chapter 4", "matching 'patents'").

    >>> figures_text((), 2025, what="matching 'zzz'")
    "AI Index 2025 public data, matching 'zzz': no figure"
    """
    from aiindex._present.text import table

    count = "no figure" if not found else f"{len(found)} figure" + ("s" * (len(found) > 1))
    head = f"AI Index {edition} public data{', ' + what if what else ''}: {count}"
    if not found:
        return head
    rows = [(f.id, _title(f), "; ".join(f.providers)) for f in found]
    return head + "\n" + table(("id", "title", "data providers"), rows, (False, False, False))


def figure_text(fig: Figure) -> str:
    """One figure: its title and provenance, its columns, then every row as the file prints it.

    >>> from aiindex._sources.figures import figure
    >>> print(figure_text(figure("4.2.8", edition=2026)).splitlines()[1])
    Figure 4.2.8, AI Index 2026, chapter 4 (Economy)
    """
    from aiindex._present.text import table

    lines = [
        _title(fig),
        f"Figure {fig.id}, AI Index {fig.edition}, chapter {fig.chapter} ({fig.chapter_name})",
    ]
    if fig.source_line:
        lines.append(fig.source_line)
    lines.append(f"File: {fig.file} (packaged as aiindex/{fig.path})")
    if fig.note:
        lines.append(f"Note: {fig.note}")
    columns = [f"{c.name} [{c.role}{', ' + c.unit if c.unit else ''}]" for c in fig.columns]
    lines.append("Columns: " + "; ".join(columns))
    numeric = [c.role in ("value", "year") for c in fig.columns]
    lines.append(table(fig.header, fig.cells, numeric))
    return "\n".join(lines)


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
    }
    if rows:
        data["rows"] = [list(r) for r in fig.rows]
    return data
