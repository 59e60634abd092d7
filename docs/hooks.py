"""MkDocs hooks: doctest examples as code blocks, and the catalogue pages of the figures.

mkdocstrings renders docstrings as Markdown, where a bare ``>>>`` block is a paragraph (and
``[x][y]`` in it looks like a cross-reference); this wraps each such block in a ``pycon``
fence. Blocks already inside a fence (the docs pages) are left alone.

``figures-<edition>.md`` is written at build time from the package's own figure index and
public-data mappings, so the catalogue cannot fall behind the data.
"""

from __future__ import annotations

from typing import Any

try:  # pytest imports this file when collecting docs/; mkdocs is a docs-only dependency.
    from markdown import Extension
    from markdown.preprocessors import Preprocessor
    from mkdocs.plugins import event_priority
except ImportError:  # pragma: no cover
    Extension = Preprocessor = object  # type: ignore[misc,assignment]

    def event_priority(priority: float) -> Any:  # type: ignore[no-redef]
        return lambda f: f


class _Doctests(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fenced = in_block = False
        for line in lines:
            stripped = line.lstrip()
            if in_block and not stripped:
                out.append("```")
                in_block = False
            if stripped.startswith(("```", "~~~")):
                fenced = not fenced
            elif not fenced and not in_block and stripped.startswith(">>>"):
                out.append("```pycon")
                in_block = True
            out.append(line)
        if in_block:
            out.append("```")
        return out


class _DoctestExtension(Extension):
    def extendMarkdown(self, md: Any) -> None:
        md.preprocessors.register(_Doctests(md), "aiindex_doctests", 40)


CATALOGUE_EDITIONS = (2026, 2025)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def catalogue_page(edition: int) -> str:
    """The Markdown of one edition's figure catalogue."""
    import aiindex
    from aiindex._sources.public_data import mappings

    derived: dict[str, list[str]] = {}
    for (ed, file), maps in mappings().figures.items():
        if ed == edition:
            derived.setdefault(file, []).extend(f"`{m.indicator.id}`" for m in maps)
    skipped = {f: why for (ed, f), why in mappings().skipped.items() if ed == edition}
    figures = aiindex.figures(edition)
    lines = [
        f"# AI Index {edition}: every figure of the public data",
        "",
        f"The {len(figures)} figure files of the AI Index {edition} public-data release, as "
        "`aiindex.figure(id, edition=...)` and `aiindex figure ID` give them: the chart's title "
        "(marked where it comes from the CSV header because the chart has no text), the data "
        "providers of its `Source:` line, and the indicators aiindex builds from it.",
        "",
        "| figure | title | data providers | indicators |",
        "|---|---|---|---|",
    ]
    for f in figures:
        title = f.title if f.title_source == "chart" else f"{f.title} (from the CSV header)"
        made = ", ".join(dict.fromkeys(derived.get(f.file, [])))
        if not made and f.file in skipped:
            made = f"none: {skipped[f.file]}"
        providers = "; ".join(f.providers)
        lines.append(f"| {f.id} | {_cell(title)} | {_cell(providers)} | {_cell(made)} |")
    return "\n".join(lines) + "\n"


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    for edition in CATALOGUE_EDITIONS:
        files.append(
            File.generated(config, f"figures-{edition}.md", content=catalogue_page(edition))
        )
    return files


@event_priority(100)
def on_config(config: Any) -> Any:
    config.markdown_extensions.append(_DoctestExtension())
    return config
