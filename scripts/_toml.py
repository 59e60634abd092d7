"""The TOML emitter of ``scripts/build_2024.py``, shared by the other build scripts.

It writes only what the data files use: strings, integers, booleans, arrays of those, and
arrays of tables; every value the data files hold is text, so nothing is lost to floats.
"""

from __future__ import annotations

from typing import Any

__all__ = ["emit", "toml_str", "toml_value"]


def toml_str(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return toml_str(v)
    if isinstance(v, list | tuple):
        if not v:
            return "[]"
        items = [toml_value(x) for x in v]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= 80:
            return one_line
        return "[\n" + "".join(f"    {x},\n" for x in items) + "]"
    raise TypeError(f"cannot write {v!r} as TOML")


def emit(table: dict[str, Any], header: str) -> str:
    """Write a table of scalars/arrays plus arrays of tables (``list[dict]``) as TOML."""
    lines: list[str] = [header.rstrip("\n")]
    arrays: list[tuple[str, list[dict[str, Any]]]] = []
    for key, value in table.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            arrays.append((key, value))
        elif value is not None:
            lines.append(f"{key} = {toml_value(value)}")
    for key, rows in arrays:
        for row in rows:
            lines.append("")
            lines.append(f"[[{key}]]")
            lines.extend(f"{k} = {toml_value(v)}" for k, v in row.items() if v is not None)
    return "\n".join(lines) + "\n"
