"""The documentation site builds with no warnings (`mkdocs build --strict`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docs_build
import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="mkdocs is not installed (docs extra)")
    pytest.importorskip("mkdocstrings", reason="mkdocstrings is not installed (docs extra)")
    if shutil.which("git") is None:  # pragma: no cover - mkdocs-material wants nothing else
        pass
    out = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0, out.stderr
    site = tmp_path / "site"
    assert (site / "korea-2024" / "index.html").exists()
    assert (site / "figures-2026" / "index.html").exists()
    # The build's own code is not published.
    assert not (site / "hooks.py").exists() and not (site / "__pycache__").exists()


@pytest.mark.parametrize("edition", [2025, 2026])
def test_the_catalogue_lists_every_figure_with_what_is_built_from_it(edition: int) -> None:
    import aiindex
    from aiindex._sources.public_data import mappings

    rows = [
        line.split(" | ")
        for line in docs_build.hooks().catalogue_page(edition).splitlines()
        if line.startswith("| ") and not line.startswith(("| figure", "|---"))
    ]
    assert [r[0].removeprefix("| ") for r in rows] == [f.id for f in aiindex.figures(edition)]
    by_file = {f.id: f.file for f in aiindex.figures(edition)}
    for (ed, file), maps in mappings().figures.items():
        if ed != edition:
            continue
        (row,) = [r for r in rows if by_file[r[0].removeprefix("| ")] == file]
        assert all(f"`{m.indicator.id}`" in row[3] for m in maps)
