"""aiindex's own cattrs converter, and the translation of its errors into `DataError`.

The converter is private to aiindex (no hooks on ``cattrs.global_converter``) and forbids
unknown keys, so a misspelt field in a data file fails instead of being dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

import cattrs

from aiindex._once import once
from aiindex.exceptions import DataError

__all__ = ["converter", "structure"]

T = TypeVar("T")


def _structure_int(value: Any, _: type) -> int:
    # cattrs would accept 2023.7 or "2023" and truncate or parse them; a data file must not.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {value!r}")
    return value


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {value!r}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


@once
def converter() -> cattrs.Converter:
    """The converter for data files: strict types, unknown keys rejected."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    return conv


_INDEX = re.compile(r"\$\.(\w+)\[(\d+)\]")


def _record_label(data: Mapping[str, Any], path: str) -> str:
    """Name the record a cattrs path points into: 'observations[3] (entity "KOR", 2023)'."""
    m = _INDEX.match(path)
    if not m:
        return ""
    items = data.get(m.group(1))
    try:
        item = items[int(m.group(2))]  # type: ignore[index]
    except (TypeError, IndexError, KeyError):
        return ""
    if not isinstance(item, Mapping):
        return ""
    keys = [f"{k} {item[k]!r}" for k in ("id", "entity", "year") if k in item]
    return f" (record {', '.join(keys)})" if keys else ""


def structure(data: Mapping[str, Any], cls: type[T], *, path: str) -> T:
    """Structure one parsed file into ``cls``; on failure name the file, record and field."""
    try:
        return converter().structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        if isinstance(exc, cattrs.BaseValidationError):
            lines = cattrs.transform_error(exc, path="$")
        else:
            lines = [str(exc)]
        details = "; ".join(line + _record_label(data, line.rpartition(" @ ")[2]) for line in lines)
        raise DataError(
            f"malformed {cls.__name__.removesuffix('File')} file: {details}", path=path
        ) from None
