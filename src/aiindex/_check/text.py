"""How the checker writes a figure and a table cell: the report's figure with its unit in words,
a value's note cut to its first sentence, a cell clipped to a width of terminal columns."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Observation

__all__ = ["clip", "note_of", "printed"]


def printed(obs: Observation, ind: Indicator) -> str:
    """The report's figure as a reader reads it: as printed, with its unit in words ("10.26
    granted AI patents per 100,000 inhabitants", "362 million US dollars")."""
    if obs.printed_unit == ind.unit and ind.unit_label:
        return f"{obs.printed} {ind.unit_label}"
    words = obs.printed_unit.replace(" * ", " ").replace("USD", "US dollars")
    return f"{obs.printed} {words}"


def note_of(obs: Observation) -> str:
    """The first sentence of a value's note ("the Yonhap article of 2024-04-16 ... print
    7.26"), which says why the press and the report differ; the rest, on where else the value
    was read, stays in the data."""
    first = re.split(r"(?<=[^A-Z.])\.\s|;\s", obs.note or "", maxsplit=1)[0]
    return first[:160]


def clip(text: str, limit: int, width: Callable[[str], int]) -> str:
    """``text`` cut to ``limit`` terminal columns (Hangul counts two), with an ellipsis."""
    if width(text) <= limit:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"
