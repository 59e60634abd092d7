"""Where a composite's weights come from: a user's weights file, and the starter pillars.

A weights file is TOML in the shape `aiindex.composite` takes as a mapping: a top-level key
is an indicator id with its weight, a table is a pillar with its indicators and their weights.

    private_investment = 2            # an indicator and its weight
    [research]                        # a pillar: its indicators and their weights
    notable_models_by_country_cumulative_2003_2025 = 1
    ai_patents_per_capita = 1

It is user input: read bounded (regular files under `MAX_BYTES` only), structured by cattrs,
and refused with a `DataError` that names the file and the field.

The starter pillars (``data/pillars.toml``) are aiindex's own choice of 2026 country
indicators, not the weights of the AI Index's Global AI Vibrancy Tool. They are read from
their TOML source when first asked for, and validated then (cattrs, then every indicator
checked against the packaged edition), rather than compiled at build time like the tables:
the file is read once per process, only by a composite, and costs about a millisecond, where
the twenty tables that composite loads cost more. `tests/analysis/test_composite.py`
validates it on every run, so a bad edit fails the tests, not a user.
"""

from __future__ import annotations

import math
import os
import re
from typing import TYPE_CHECKING, Any, Union

import attrs

from aiindex._io import files
from aiindex._once import once
from aiindex._sources.packaged import catalogue, indicator_ids, load
from aiindex.exceptions import DataError, MissingFileError

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "MAX_BYTES",
    "Pillar",
    "Weights",
    "check_weight",
    "pillar_records",
    "pillars",
    "read_weights",
]

#: The largest weights file read: far above any real one (a line per indicator).
MAX_BYTES = 64 * 1024

#: A weights mapping as `aiindex.composite` takes it: an indicator id and its weight, or a
#: pillar's name and the weights of its indicators.
Weights = dict[str, Union[float, dict[str, float]]]  # noqa: UP007 - cattrs needs a typing Union

_PILLARS = "pillars.toml"


def check_weight(value: object, where: str, what: str = "a weight") -> float:
    """``value`` as a float if it is a positive finite number; `ValueError` otherwise.

    >>> check_weight(2, "w"), check_weight(0.5, "w")
    (2.0, 0.5)
    >>> check_weight(0, "research.ai_patents_per_capita")
    Traceback (most recent call last):
    ValueError: research.ai_patents_per_capita: a weight must be a positive number, not 0
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{where}: {what} must be a positive number, not {value!r}")
    number = float(value)
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"{where}: {what} must be a positive number, not {value!r}")
    return number


def _weight_hook(value: object, _: type) -> float:
    # cattrs names the field in its path; the message says what was wrong with the value.
    return check_weight(value, "weight")


def _entry_hook(value: object, _: type) -> float | dict[str, float]:
    if isinstance(value, dict):
        if not value:
            raise ValueError("a pillar needs at least one indicator and its weight")
        return _converter().structure(value, dict[str, float])
    return check_weight(value, "weight")


@once
def _converter() -> cattrs.Converter:
    # cattrs is imported here, by the first file read: a composite of a mapping needs none.
    from aiindex._io.structure import converter

    conv = converter().copy()
    conv.register_structure_hook(float, _weight_hook)
    conv.register_structure_hook(Union[float, dict[str, float]], _entry_hook)  # noqa: UP007
    return conv


_KEY = re.compile(r"\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]|\.(\w+)")


def _field(path: str) -> str:
    """A cattrs path as the field a TOML user knows: ``$['research']['x']`` -> ``research.x``.

    >>> _field("$['research']['ai_patents_per_capita']"), _field("$.pillars[2].weight")
    ('research.ai_patents_per_capita', 'pillars[2].weight')
    """
    out = ""
    for m in _KEY.finditer(path.removeprefix("$")):
        key, index, attr = m.groups()
        if index is not None:
            out += f"[{index}]"
        else:
            out += ("." if out else "") + (key if key is not None else attr)
    return out or "the top level"


def _message(exc: BaseException, _: type | None) -> str:
    import cattrs

    if isinstance(exc, ValueError):
        return str(exc).removeprefix("weight: ")
    if isinstance(exc, KeyError):
        return "is missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return "unknown field(s) " + ", ".join(sorted(map(repr, exc.extra_fields)))
    return f"is not what was expected ({exc})"


def _structured(raw: Any, cls: Any, *, path: str) -> Any:
    """``raw`` structured into ``cls``; a `DataError` naming ``path`` and each bad field."""
    import cattrs

    try:
        return _converter().structure(raw, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        if isinstance(exc, cattrs.BaseValidationError):
            lines = cattrs.transform_error(exc, path="$", format_exception=_message)
        else:
            lines = [f"{_message(exc, None)} @ $"]
        details = []
        for line in lines:
            what, _, where = line.rpartition(" @ ")
            details.append(f"{_field(where)}: {what}")
        raise DataError("; ".join(details), path=path) from None


def _read_text(path: str | os.PathLike[str]) -> str:
    """A user's file as text: a regular file under `MAX_BYTES`, UTF-8."""
    from aiindex._io.bounded import open_regular, read_limited

    label = os.fspath(path)
    try:
        with open_regular(label, label=label, limit=MAX_BYTES) as f:
            data = read_limited(f, MAX_BYTES, label=label)
    except MissingFileError:
        raise
    except OSError as exc:  # while reading
        raise DataError(f"cannot read the file: {exc.strerror or exc}", path=label) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", path=label) from None


def read_weights(path: str | os.PathLike[str], *, edition: int | None = None) -> Weights:
    """A weights file (TOML), validated: the mapping `aiindex.composite` takes.

    A top-level key is an indicator id and its weight; a table is a pillar, its keys the
    indicators' ids and its values their weights. Weights are positive numbers; every id must
    be an indicator of ``edition`` (None: of any shipped edition). Anything else raises
    `DataError` naming the file and the field.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "weights.toml"
    >>> _ = p.write_text("private_investment = 2\\n[talent]\\nai_talent_migration = 1\\n")
    >>> aiindex.read_weights(p)
    {'private_investment': 2.0, 'talent': {'ai_talent_migration': 1.0}}
    >>> _ = p.write_text("[talent]\\nai_talent_migration = -1\\n")
    >>> aiindex.read_weights(p)
    Traceback (most recent call last):
    ...
    aiindex.exceptions.DataError: ...weights.toml: talent.ai_talent_migration: a weight must be a positive number, not -1
    """  # noqa: E501
    import tomllib

    label = os.fspath(path)
    text = _read_text(path)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"not valid TOML: {exc}", path=label) from None
    if not raw:
        raise DataError(
            "no weights: give lines such as 'private_investment = 1', or a [pillar] table of them",
            path=label,
        )
    weights: Weights = _structured(raw, Weights, path=label)
    _check_ids(weights, edition, label)
    return weights


def _check_ids(weights: Weights, edition: int | None, label: str) -> None:
    from difflib import get_close_matches

    known = set(indicator_ids(edition))
    where = f"the {edition} edition" if edition is not None else "any shipped edition"
    seen: dict[str, str] = {}
    for key, value in weights.items():
        entries = value.items() if isinstance(value, dict) else [(key, value)]
        for indicator_id, _ in entries:
            field = f"{key}.{indicator_id}" if isinstance(value, dict) else key
            if indicator_id not in known:
                close = get_close_matches(indicator_id, sorted(known), n=2)
                hint = (" Did you mean " + " or ".join(map(repr, close)) + "?") if close else ""
                what = "a pillar (a [table]) or " if not isinstance(value, dict) else ""
                raise DataError(
                    f"{field}: {indicator_id!r} is {what}not an indicator of {where}.{hint} "
                    "`aiindex list` shows the indicators",
                    path=label,
                )
            if indicator_id in seen:
                raise DataError(
                    f"{field}: {indicator_id!r} already has a weight (at {seen[indicator_id]}); "
                    "give each indicator one weight",
                    path=label,
                )
            seen[indicator_id] = field


# -- the starter pillars --------------------------------------------------------------------


@attrs.frozen
class Pillar:
    """One starter pillar: its name (the key of its weights), titles, weight and indicators.

    The pillar's weight is shared equally among its indicators.
    """

    name: str
    title: str
    title_ko: str
    weight: float
    indicators: tuple[str, ...]
    why: str


@attrs.frozen
class _PillarsFile:
    edition: int
    note: str
    pillars: tuple[Pillar, ...]


@once
def pillar_records() -> tuple[int, tuple[Pillar, ...]]:
    """The starter pillars as declared in ``data/pillars.toml``, validated, with their edition."""
    path, raw = files.read_toml(_PILLARS)
    parsed: _PillarsFile = _structured(raw, _PillarsFile, path=path)
    if parsed.edition not in catalogue():
        raise DataError(f"edition: no {parsed.edition} edition is shipped", path=path)
    names: set[str] = set()
    seen: set[str] = set()
    for n, p in enumerate(parsed.pillars):
        record = f"pillars[{n}] (name {p.name!r})"
        if p.name in names:
            raise DataError(f"{record}: the pillar name is used twice", path=path)
        names.add(p.name)
        if not p.indicators:
            raise DataError(f"{record}.indicators: a pillar needs an indicator", path=path)
        for indicator_id in p.indicators:
            where = f"{record}.indicators: {indicator_id!r}"
            if indicator_id in seen:
                raise DataError(f"{where} is in two pillars", path=path)
            seen.add(indicator_id)
            if indicator_id not in indicator_ids(parsed.edition):
                raise DataError(f"{where} is no indicator of {parsed.edition}", path=path)
            ind = load(indicator_id, parsed.edition)
            if ind.entity_kind != "country":
                raise DataError(f"{where} ranks {ind.entity_kind} entities", path=path)
            coverage = ind.coverage_for(ind.years[-1])
            if coverage.kind == "selection":
                # A starter ranking must rest on tables that hold every country, or the top.
                raise DataError(
                    f"{where} is a selection of countries in {coverage.year}; the starter "
                    "pillars use complete tables and chart tops only",
                    path=path,
                )
    return parsed.edition, parsed.pillars


def pillars() -> dict[str, dict[str, float]]:
    """The starter pillars as weights for `aiindex.composite`: aiindex's own choice.

    Each pillar weighs the same and shares its weight equally among its indicators, all
    country tables of the AI Index 2026 that hold every country or a chart's top (see
    ``data/pillars.toml``). They are not the weights of the AI Index's Global AI Vibrancy
    Tool, which aiindex does not ship.

    >>> starter = aiindex.pillars()
    >>> list(starter)
    ['research', 'economy', 'talent', 'infrastructure', 'governance', 'opinion']
    >>> starter["talent"]
    {'ai_talent_concentration': 0.333..., 'ai_talent_migration': 0.333..., ...}
    """
    _, records = pillar_records()
    return {p.name: {i: p.weight / len(p.indicators) for i in p.indicators} for p in records}
