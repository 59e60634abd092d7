"""`read_csv`: a user's own table as an `Indicator`, validated row by row."""

from __future__ import annotations

import csv
import math
import os
import re
from typing import TYPE_CHECKING, Literal

from aiindex._model.records import Entity, EntityKind
from aiindex.exceptions import DataError, UnknownEntityError

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator

__all__ = ["read_csv"]

_REQUIRED = ("entity", "year", "value")
_YEAR = re.compile(r"-?[0-9]{1,4}")
_OPTIONAL = ("source", "note")


def read_csv(
    path: str | os.PathLike[str],
    *,
    id: str,
    unit: str,
    entity_kind: EntityKind = "country",
    descending: bool = True,
    title: str | None = None,
    coverage: Literal["complete", "selection"] = "complete",
) -> Indicator:
    """Read a table of your own (columns entity, year, value; optional source, note).

    Countries must resolve to ISO codes; other kinds may bring new entities (slug ids). An
    empty value cell is a missing value: never ranked, never zero. ``coverage="complete"``
    says the table lists every entity it ranks; pass ``"selection"`` if it does not, and ranks
    will be refused. Any bad row raises `DataError` naming the row and column; nothing is
    half-loaded.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "gpus.csv"
    >>> _ = p.write_text("entity,year,value\\nKorea,2024,3\\nJapan,2024,5\\n", encoding="utf-8")
    >>> ind = aiindex.read_csv(p, id="gpus", unit="count")
    >>> ind.rank("KOR"), ind.value("JPN").magnitude
    (2, 5.0)
    """
    from aiindex._model.units import registry
    from aiindex._sources.packaged import assemble
    from aiindex._sources.schema import CoverageRecord, IndicatorFile, ObservationRecord

    label = os.fspath(path)
    try:
        registry().parse_units(unit)
    except Exception as exc:  # pint raises several types for a bad unit expression
        raise DataError(
            f"unknown unit {unit!r} ({exc}); use a pint expression of aiindex units such as "
            "'USD', 'billion * USD', 'percent', 'count' or '1 / (hundred_thousand * person)'",
            path=label,
        ) from None
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            missing = [c for c in _REQUIRED if c not in header]
            if missing:
                raise DataError(
                    f"missing column {', '.join(map(repr, missing))}; the header is {header}, "
                    f"and needs {', '.join(_REQUIRED)} (optional: {', '.join(_OPTIONAL)})",
                    path=label,
                )
            extra = [c for c in header if c not in _REQUIRED + _OPTIONAL]
            if extra:
                raise DataError(
                    f"unknown column {', '.join(map(repr, extra))}; allowed: "
                    f"{', '.join(_REQUIRED + _OPTIONAL)}",
                    path=label,
                )
            rows = list(reader)
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror}", path=label) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"not a UTF-8 CSV file: {exc}", path=label) from None

    entities: dict[str, Entity] = {}
    by_text: dict[str, Entity] = {}
    records: list[ObservationRecord] = []
    first_row: dict[tuple[str, int], int] = {}
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        where = f"row {line}"
        if None in row or any(v is None for v in row.values()):
            raise DataError(f"{where}: expected {len(header)} cells", path=label)
        text = row["entity"].strip()
        entity = by_text.get(text)
        if entity is None:
            entity = _entity(text, entity_kind, where=where, path=label)
            by_text[text] = entity
        entities[entity.id] = entity
        year = _year(row["year"], where=where, path=label)
        key = (entity.id, year)
        if key in first_row:
            raise DataError(
                f"{where}, columns 'entity' and 'year': {entity.name} {year} appears again "
                f"(first at row {first_row[key]})",
                path=label,
            )
        first_row[key] = line
        value = row["value"].strip()
        if not value:
            continue  # a missing value: not an observation, and never zero
        _check_number(value, where=where, path=label)
        source = (row.get("source") or "").strip() or f"user table {label}, row {line}"
        records.append(
            ObservationRecord(
                entity=entity.id,
                year=year,
                value=value,
                sources=(source,),
                note=(row.get("note") or "").strip() or None,
            )
        )
    years = sorted({r.year for r in records})
    cov = tuple(CoverageRecord(y, coverage) for y in years) if coverage == "complete" else ()
    record = IndicatorFile(
        id=id,
        edition=0,
        title=title or id,
        unit=unit,
        unit_label=unit,
        entity_kind=entity_kind,
        descending=descending,
        section=f"user table {label}",
        observations=tuple(records),
        coverage=cov,
    )
    return assemble(record, path=label, entities=entities, user_table=True)


def _entity(text: str, kind: EntityKind, *, where: str, path: str) -> Entity:
    from aiindex._reference.entities import resolve, slug

    if not text:
        raise DataError(f"{where}, column 'entity': empty", path=path)
    try:
        found = resolve(text)
    except UnknownEntityError as exc:
        if kind == "country":
            raise DataError(
                f"{where}, column 'entity': {text!r} is not a country aiindex knows"
                + (
                    f"; did you mean {' or '.join(map(repr, exc.suggestions))}?"
                    if exc.suggestions
                    else ""
                )
                + " Use an ISO 3166 code or name.",
                path=path,
            ) from None
        found = None
    if found is not None and found.kind == kind:
        return found
    if kind == "country":
        assert found is not None
        raise DataError(
            f"{where}, column 'entity': {text!r} names {found.name} ({found.kind}), not a country",
            path=path,
        )
    try:
        return Entity(slug(text), kind, text)
    except ValueError as exc:
        raise DataError(f"{where}, column 'entity': {exc}", path=path) from None


def _year(text: str, *, where: str, path: str) -> int:
    # int() alone would take "2_023" and non-ASCII digits.
    if not _YEAR.fullmatch(text.strip()):
        raise DataError(f"{where}, column 'year': {text!r} is not a whole year", path=path)
    return int(text.strip())


def _check_number(text: str, *, where: str, path: str) -> None:
    try:
        x = float(text.replace(",", ""))
    except ValueError:
        raise DataError(f"{where}, column 'value': {text!r} is not a number", path=path) from None
    if not math.isfinite(x):
        raise DataError(
            f"{where}, column 'value': {text!r} is not a finite number; leave the cell empty "
            "for a missing value",
            path=path,
        )
