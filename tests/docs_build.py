"""The docs build's own module, ``docs/hooks.py``, loaded from its file as MkDocs loads it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def hooks() -> ModuleType:
    """``docs/hooks.py`` as a module (it is no package of its own)."""
    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "docs" / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
