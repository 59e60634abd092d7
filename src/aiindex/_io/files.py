"""The packaged data files, read through ``importlib.resources`` (never ``__file__``).

Errors name the file: a broken file fails with `DataError` and its package path.
"""

from __future__ import annotations

import functools
import tomllib
from typing import TYPE_CHECKING, Any

from aiindex.exceptions import DataError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["data_dir", "read_json", "read_toml"]


@functools.cache
def data_dir() -> Traversable:
    from importlib.resources import files

    return files("aiindex").joinpath("data")


def _read(relative: str) -> tuple[str, str]:
    node = data_dir()
    for part in relative.split("/"):
        node = node.joinpath(part)
    return f"aiindex/data/{relative}", node.read_text(encoding="utf-8")


def read_toml(relative: str) -> tuple[str, dict[str, Any]]:
    """Parse one packaged TOML file (the hand-written ones); return its path and contents."""
    label, text = _read(relative)
    try:
        return label, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"not valid TOML: {exc}", path=label) from None


def read_json(relative: str) -> tuple[str, dict[str, Any]]:
    """Parse one generated JSON data file; return its path and contents.

    Indicator files are JSON because the C parser reads them about fifteen times faster than
    tomllib reads TOML, and a profile reads every table of an edition.
    """
    import json

    label, text = _read(relative)
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DataError(f"not valid JSON: {exc}", path=label) from None
    if not isinstance(data, dict):
        raise DataError("expected a JSON object at the top level", path=label)
    return label, data
