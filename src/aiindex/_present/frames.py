"""Indicators as tidy pandas frames: one row per observation, units and sources kept.

pandas (and pint-pandas for ``units="pint"``) are an optional extra, imported only inside the
functions here, so ``import aiindex`` never pays for them.

>>> from aiindex._present.frames import to_pandas
>>> df = to_pandas(aiindex.indicator("ai_patents_per_capita", edition=2024))
>>> print(df.loc[0, ["entity", "year", "value", "unit"]].to_dict())
{'entity': 'KOR', 'year': 2022, 'value': 10.26, 'unit': 'patent / (hundred_thousand * person)'}
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from aiindex._once import once
from aiindex.exceptions import MissingExtraError

if TYPE_CHECKING:
    import pandas as pd

    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Observation

__all__ = ["COLUMNS", "report_frame", "source_text", "to_pandas", "to_pandas_many"]

#: The columns of every frame `to_pandas` returns, in order.
COLUMNS: tuple[str, ...] = (
    "indicator",
    "edition",
    "entity",
    "entity_name",
    "entity_kind",
    "year",
    "value",
    "unit",
    "source",
    "note",
)


def require(extra: str, *modules: str) -> list[ModuleType]:
    """Import ``modules``; `MissingExtraError` naming ``extra`` if one is missing."""
    out = []
    for name in modules:
        try:
            out.append(importlib.import_module(name))
        except ImportError:
            raise MissingExtraError(extra, name) from None
    return out


def source_text(obs: Observation) -> str:
    """Where a value comes from, in one line: the report section, then where it was read.

    >>> obs = aiindex.indicator("ai_talent_migration", edition=2024).observation("KOR", 2020)
    >>> print(source_text(obs))
    Stanford HAI, AI Index Report 2024, Chapter 4.2 Jobs (read at: Yonhap News Agency ...
    """
    text = str(obs.source)
    if obs.source.locators:
        text += " (read at: " + "; ".join(obs.source.locators) + ")"
    return text


def _ordered(indicator: Indicator) -> list[Observation]:
    # Oldest year first, then in the table's own direction, so a frame reads like the report.
    sign = -1.0 if indicator.descending else 1.0
    return sorted(indicator.observations, key=lambda o: (o.year, sign * o.magnitude, o.entity.id))


# Each row's observation and indicator id, in row order: what the display needs to show a
# value as the report prints it.
_Rows = list[tuple["Observation", str]]


def _columns(indicators: Iterable[Indicator], rows: _Rows | None = None) -> dict[str, list[object]]:
    from aiindex._present.rows import OBSERVATION_FIELDS

    cols: dict[str, list[object]] = {name: [] for name in COLUMNS}
    for ind in indicators:
        ordered = _ordered(ind)
        if rows is not None:
            rows += [(o, ind.id) for o in ordered]
        # Column by column, each read by the field's getter over the rows.
        for name, col in cols.items():
            if name in OBSERVATION_FIELDS:
                col += map(OBSERVATION_FIELDS[name], ordered)
        cols["indicator"] += [ind.id] * len(ordered)
        cols["edition"] += [ind.edition] * len(ordered)
        cols["source"] += map(source_text, ordered)
    return cols


def _frame(cols: dict[str, list[object]], rows: _Rows | None = None) -> pd.DataFrame:
    import numpy as np

    (pandas,) = require("pandas", "pandas")
    # Typed arrays up front (cheaper than astype afterwards): nullable ints because a user
    # table has no edition, and an empty frame keeps its dtypes.
    typed: dict[str, object] = dict(cols)
    typed["edition"] = pandas.array(cols["edition"], dtype="Int64")
    typed["year"] = np.asarray(cols["year"], dtype=np.int64)
    typed["value"] = np.asarray(cols["value"], dtype=np.float64)
    df: pd.DataFrame = report_frame()(typed, columns=list(COLUMNS), copy=False)
    df._aiindex_rows = rows  # type: ignore[attr-defined]
    return df


@once
def report_frame() -> type[pd.DataFrame]:
    """The DataFrame class `to_pandas` returns: a plain frame whose display (``print``, the
    notebook table) shows each value as the report prints it, while ``df["value"]`` keeps the
    exact floats. A value that has been changed since is displayed as pandas would.

    >>> df = aiindex.to_pandas(aiindex.indicator("private_investment", edition=2025))
    >>> usa = df[(df.entity == "USA") & (df.year == 2024)]
    >>> print(usa[["entity", "year", "value"]])
       entity  year   value
    33    USA  2024  109.08
    >>> usa["value"].item()
    109.0773255
    """
    require("pandas", "pandas")
    import pandas

    class ReportFrame(pandas.DataFrame):
        # pandas carries _metadata through selections, sorts and copies (__finalize__).
        _metadata: ClassVar[list[str]] = ["_aiindex_rows"]

        @property
        def _constructor(self) -> type[ReportFrame]:
            return ReportFrame

        def _display(self) -> pd.DataFrame:
            plain = pandas.DataFrame(self)
            rows = getattr(self, "_aiindex_rows", None)
            if not rows or "value" not in self.columns or len(self) == 0:
                return plain
            return _shown_values(plain, rows)

        def __repr__(self) -> str:
            return repr(self._display())

        def _repr_html_(self) -> str | None:
            html: str | None = getattr(self._display(), "_repr_html_")()  # noqa: B009
            return html

        def to_string(self, *args: Any, **kwargs: Any) -> Any:
            return self._display().to_string(*args, **kwargs)

    ReportFrame.__qualname__ = "ReportFrame"
    return ReportFrame


def _shown_values(plain: pd.DataFrame, rows: _Rows) -> pd.DataFrame:
    """``plain`` with its value column as text: each value as the report prints it, where the
    row still holds the observation's exact value (else pandas' own repr of the number)."""
    from aiindex._present.numbers import shown

    column = plain["value"]
    pint = getattr(column, "pint", None) if str(column.dtype).startswith("pint") else None
    values = list(pint.magnitude) if pint is not None else list(column)
    entities = list(plain["entity"]) if "entity" in plain.columns else None
    years = list(plain["year"]) if "year" in plain.columns else None
    texts = []
    for k, (label, value) in enumerate(zip(plain.index, values, strict=True)):
        text = None
        if isinstance(label, int) and 0 <= label < len(rows):
            obs, indicator_id = rows[label]
            same = value == obs.magnitude
            same = same and (entities is None or entities[k] == obs.entity.id)
            same = same and (years is None or years[k] == obs.year)
            if same:
                text = shown(obs, indicator_id)
        texts.append(text if text is not None else repr(value))
    out = plain.copy()
    out["value"] = texts
    return out


def to_pandas(indicator: Indicator, *, units: Literal["float", "pint"] = "float") -> pd.DataFrame:
    """One indicator as a tidy frame: a row per observation, the columns of `COLUMNS`.

    ``value`` holds plain floats in the indicator's ``unit`` (``units="float"``), or a
    pint-pandas column of aiindex's registry (``units="pint"``), so that
    ``df["value"].pint.to(...)`` converts. Rows run oldest year first, then best first.

    >>> from aiindex._present.frames import to_pandas
    >>> df = to_pandas(aiindex.indicator("private_investment", edition=2024))
    >>> df[df.entity == "KOR"][["entity_name", "value", "unit"]].to_string(index=False)
    'entity_name  value          unit\\nSouth Korea   1.39 billion * USD'
    >>> pi = aiindex.indicator("private_investment", edition=2024)
    >>> to_pandas(pi, units="pint")["value"].dtype
    pint[USD·billion][Float64]
    """
    from aiindex._model.indicator import Indicator

    if not isinstance(indicator, Indicator):
        raise TypeError(f"to_pandas() takes an Indicator, not {type(indicator).__name__}")
    if units not in ("float", "pint"):
        raise ValueError(f"units={units!r}: use 'float' (plain numbers) or 'pint' (pint-pandas)")
    if units == "pint":
        # Fail before any work when the extra is missing.
        require("pandas", "pandas", "pint_pandas")
    rows: _Rows = []
    df = _frame(_columns([indicator], rows), rows)
    if units == "pint":
        df["value"] = _pint_values(df["value"].to_numpy(), indicator.unit)
    return df


def _pint_values(values: object, unit: str) -> Any:
    (pint_pandas,) = require("pandas", "pint_pandas")
    from aiindex._model.units import registry

    # pint-pandas builds quantities with the registry on PintType, a process-wide setting:
    # aiindex's units (currencies, counting words, person) exist only in its own registry.
    pint_pandas.PintType.ureg = registry()
    return pint_pandas.PintArray(values, dtype=pint_pandas.PintType(unit))


def to_pandas_many(
    ids: Sequence[str] | Indicator | Sequence[Indicator] | None = None, edition: int | None = None
) -> pd.DataFrame:
    """Many indicators in one long frame (float values; each row keeps its own unit).

    ``ids`` None means every indicator; ``edition`` None means every shipped edition that has
    each id, so a revised figure shows up once per edition. An `Indicator` (or a list of
    them, a user's table too) gives the frame of those tables. Printed, the frame shows each
    value as the report prints it; ``df["value"]`` holds the exact values.

    >>> pi = aiindex.indicator("private_investment", edition=2024)
    >>> aiindex.to_pandas(pi).equals(to_pandas(pi))
    True

    >>> from aiindex._present.frames import to_pandas_many
    >>> df = to_pandas_many(["ai_patents_per_capita", "private_investment"], edition=2024)
    >>> sorted(df["indicator"].unique())
    ['ai_patents_per_capita', 'private_investment']
    >>> bool(df.duplicated(["indicator", "edition", "entity", "year"]).any())
    False
    """
    from aiindex._model.indicator import Indicator
    from aiindex._sources.packaged import catalogue, load
    from aiindex.exceptions import UnknownEditionError, UnknownIndicatorError

    require("pandas", "pandas")
    given = [ids] if isinstance(ids, Indicator) else ids
    if isinstance(given, list | tuple) and given and all(isinstance(i, Indicator) for i in given):
        if edition is not None:
            raise TypeError("edition= picks indicators by id; an Indicator has its edition")
        rows: _Rows = []
        return _frame(_columns(given, rows), rows)
    if ids is not None and not isinstance(ids, str | list | tuple):
        raise TypeError(
            "to_pandas() takes indicator ids, an Indicator or a list of Indicators, not "
            f"{type(ids).__name__}"
        )
    if isinstance(given, list | tuple) and any(not isinstance(i, str) for i in given):
        raise TypeError("to_pandas() takes a list of indicator ids or of Indicators, not a mix")
    cat = catalogue()
    if edition is not None and edition not in cat:
        raise UnknownEditionError(edition, tuple(cat))
    if isinstance(ids, str):
        raise TypeError("ids must be a sequence of indicator ids, not one string; use [id]")
    editions = list(cat) if edition is None else [edition]
    wanted = None if ids is None else list(dict.fromkeys(ids))
    pairs = [(i, e) for e in editions for i in cat[e] if wanted is None or i in wanted]
    if wanted is not None:
        found = {i for i, _ in pairs}
        for i in wanted:
            if i not in found:
                # load() raises the precise error (unknown id, or not in that edition).
                load(i, edition)
                raise UnknownIndicatorError(i, (), edition)  # pragma: no cover
    rows = []
    return _frame(_columns((load(i, e) for i, e in pairs), rows), rows)
