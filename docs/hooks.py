"""MkDocs hook: show docstrings' doctest examples as code blocks.

mkdocstrings renders docstrings as Markdown, where a bare ``>>>`` block is a paragraph (and
``[x][y]`` in it looks like a cross-reference); this wraps each such block in a ``pycon``
fence. Blocks already inside a fence (the docs pages) are left alone.
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


@event_priority(100)
def on_config(config: Any) -> Any:
    config.markdown_extensions.append(_DoctestExtension())
    return config
