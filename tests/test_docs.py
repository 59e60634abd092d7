"""The documentation site builds with no warnings (`mkdocs build --strict`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

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
    assert (tmp_path / "site" / "korea-2024" / "index.html").exists()
