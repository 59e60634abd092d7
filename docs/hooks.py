"""MkDocs hooks: doctest examples as code blocks, and the catalogue pages of the figures.

mkdocstrings renders docstrings as Markdown, where a bare ``>>>`` block is a paragraph (and
``[x][y]`` in it looks like a cross-reference); this wraps each such block in a ``pycon``
fence. Blocks already inside a fence (the docs pages) are left alone.

``figures-<edition>.md`` is written at build time from the package's own figure index and
public-data mappings, so the catalogue cannot fall behind the data; ``gallery.md`` and its
charts are drawn at build time by ``aiindex.plot`` from the shipped data, so the gallery shows
what the code draws today.
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
        made = ", ".join(f"`{i}`" for i in f.indicators)
        if not made and f.skip_reason:
            made = f"none: {f.skip_reason}"
        providers = "; ".join(f.providers)
        lines.append(f"| {f.id} | {_cell(title)} | {_cell(providers)} | {_cell(made)} |")
    return "\n".join(lines) + "\n"


# The gallery: each chart's file name, caption, and the code that draws it (run as shown).
GALLERY: tuple[tuple[str, str, str], ...] = (
    (
        "private-investment-2026.svg",
        "Private investment in AI by country, the 2026 edition's chart: bar labels as the report "
        "prints them, South Korea highlighted, rows the table cannot rank hatched.",
        'aiindex.plot(aiindex.indicator("private_investment", edition=2026), highlight="KOR")',
    ),
    (
        "private-investment-compare.svg",
        "Five countries over the years, each value from the newest edition that has it "
        "(aiindex.compare), drawn as lines.",
        'aiindex.plot(aiindex.compare("private_investment", ["KOR", "JPN", "DEU", "GBR", '
        '"FRA"]), highlight="KOR")',
    ),
    (
        "patents-per-capita-2026.svg",
        "Granted AI patents per 100,000 inhabitants (2026 edition).",
        'aiindex.plot(aiindex.indicator("ai_patents_per_capita", edition=2026), highlight="KOR")',
    ),
    (
        "talent-concentration-2024.svg",
        "AI talent concentration in the 2024 edition: the top of the chart only, as the press "
        "quoted it.",
        'aiindex.plot(aiindex.indicator("ai_talent_concentration", edition=2024))',
    ),
)


def gallery() -> tuple[str, dict[str, bytes]]:
    """The gallery page and its charts (SVG), drawn now from the shipped data."""
    import io
    import warnings

    import aiindex

    lines = [
        "# Gallery",
        "",
        "Charts drawn by `aiindex.plot` from the shipped data when this site was built (the code",
        'under each is what drew it). `lang="ko"` labels them in Korean where a font with',
        "Hangul is installed.",
        "",
    ]
    try:
        import matplotlib
    except ImportError:  # pragma: no cover - the docs build installs the plot extra
        lines.append('The gallery needs matplotlib: `pip install ".[plot]"`, then rebuild.')
        return "\n".join(lines) + "\n", {}
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    images: dict[str, bytes] = {}
    for name, caption, code in GALLERY:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", aiindex.HangulFontWarning)
            ax = eval(code, {"aiindex": aiindex})  # the code shown is the code run
        figure = ax.get_figure(root=True)
        out = io.BytesIO()
        with matplotlib.rc_context({"svg.hashsalt": name, "svg.fonttype": "none"}):
            figure.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
        plt.close(figure)
        images[f"gallery/{name}"] = out.getvalue()
        lines += [f"![{caption}](gallery/{name})", "", caption, "", "```python", code, "```", ""]
    return "\n".join(lines), images


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    for edition in CATALOGUE_EDITIONS:
        files.append(
            File.generated(config, f"figures-{edition}.md", content=catalogue_page(edition))
        )
    page, images = gallery()
    files.append(File.generated(config, "gallery.md", content=page))
    for path, data in images.items():
        files.append(File.generated(config, path, content=data))
    return files


@event_priority(100)
def on_config(config: Any) -> Any:
    config.markdown_extensions.append(_DoctestExtension())
    return config
