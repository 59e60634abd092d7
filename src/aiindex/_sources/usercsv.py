"""`read_csv`: a user's own table as an `Indicator`, validated row by row.

A table is read in chunks of rows, column by column: each distinct entity name is resolved
once, each distinct year text parsed once, and the values parsed by ``float`` in one C-level
pass into the indicator's columns, with no per-row record. A table in which anything is off
is read a second time, row by row, which names the first bad row and column.
"""

from __future__ import annotations

import csv
import math
import os
import re
from array import array
from itertools import compress, islice
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TextIO

from aiindex._model.records import USER_TABLE, Entity, EntityKind
from aiindex.exceptions import DataError, UnknownEntityError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

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

    label = os.fspath(path)
    try:
        registry().parse_units(unit)
    except Exception as exc:  # pint raises several types for a bad unit expression
        raise DataError(
            f"unknown unit {unit!r} ({exc}); use a pint expression of aiindex units such as "
            "'USD', 'billion * USD', 'percent', 'count' or '1 / (hundred_thousand * person)'",
            path=label,
        ) from None
    options = _Options(label, id, unit, entity_kind, descending, title or id, coverage)
    try:
        # Three readings, each used only where the one before cannot be: plain text split
        # in C (no quotes), then the csv module, both column by column; then row by row.
        for chunks in (_plain_chunks, _csv_chunks):
            with open(path, encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                header = _header(reader, label)
                try:
                    table = _Builder(header, options).build(chunks(f, reader, len(header)))
                except _NotPlain:
                    continue
            if table is not None:
                return table
            break
        # Something is off in some row: read again row by row, to say which (or, for a value
        # such as "1,234" that float() does not parse, to read it).
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = _header(reader, label)
            rows = list(reader)
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror}", path=label) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"not a UTF-8 CSV file: {exc}", path=label) from None
    return _slow(rows, header, options)


class _Options(NamedTuple):
    label: str
    id: str
    unit: str
    entity_kind: EntityKind
    descending: bool
    title: str
    coverage: Literal["complete", "selection"]


def _header(reader: csv.DictReader[str], label: str) -> list[str]:
    header = list(reader.fieldnames or [])
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
    return header


class _NotPlain(Exception):
    """The file has what only the csv module reads right (quotes, a lone CR, NUL ...)."""


# A chunk of rows: the cells of each column (a list per column), or None where a row has the
# wrong number of cells.
_Chunk = list[list[str]] | None

# Rows are read and checked a chunk at a time, column by column, so that only one chunk's
# per-row objects are alive at once.
_CHUNK_ROWS = 8192
_CHUNK_CHARS = 1 << 16


def _plain_chunks(f: TextIO, reader: object, width: int) -> Iterator[_Chunk]:
    """Chunks of a file without quotes, split on commas and newlines by ``str`` methods.

    Without a quote character, the csv module's excel dialect splits exactly there; a file
    with anything else it treats specially raises `_NotPlain` before any chunk of it is used.
    """
    limit = csv.field_size_limit()
    while True:
        text = f.read(_CHUNK_CHARS)
        if not text:
            return
        if text[-1] != "\n":
            text += f.readline()
        if '"' in text or "\x00" in text:
            raise _NotPlain
        if "\r" in text:
            if text.count("\r") != text.count("\r\n"):
                raise _NotPlain
            text = text.replace("\r\n", "\n")
        # The csv module refuses a field longer than its limit: so must the plain reading.
        if len(text) > limit and max(map(len, text.split("\n"))) > limit:
            raise _NotPlain
        if text[0] == "\n" or "\n\n" in text:  # blank lines are no rows (DictReader)
            text = "\n".join(filter(None, text.split("\n")))
            if not text:
                continue
        body = text[:-1] if text[-1] == "\n" else text
        # A comma before each newline makes one split give every cell, a line's first cell
        # starting with the newline: each line has `width` cells exactly when the cells
        # there, and only there, start with one.
        cells = body.replace("\n", ",\n").split(",")
        rows = body.count("\n") + 1
        if len(cells) != rows * width or "".join(cells[width::width]).count("\n") != rows - 1:
            yield None
            return
        yield [cells[i::width] for i in range(width)]


def _csv_chunks(f: TextIO, reader: csv.DictReader[str], width: int) -> Iterator[_Chunk]:
    """Chunks of any CSV file, read by the csv module."""
    rows = reader.reader
    while True:
        block = list(islice(rows, _CHUNK_ROWS))
        if not block:
            return
        chunk = list(filter(None, block))  # blank lines are no rows (DictReader)
        if not chunk:
            continue
        if len(set(map(len, chunk))) != 1 or len(chunk[0]) != width:
            yield None
            return
        # Not zip(*chunk): with thousands of arguments it is several times slower.
        yield [list(map(itemgetter(i), chunk)) for i in range(width)]


class _BadCell(Exception):
    """A cell `_slow` must look at: its row is named there."""


class _EntityCodes(dict[str, int]):
    """Entity text -> the table's code for its entity id; a new text is resolved on lookup."""

    def __init__(self, o: _Options) -> None:
        super().__init__()
        self.o = o
        self.entity_of_text: dict[str, Entity] = {}
        self.code_of_id: dict[str, int] = {}
        self.entities: list[Entity] = []
        self.renamed = False  # whether two texts gave one id under different names

    def __missing__(self, text: str) -> int:
        try:
            entity = _entity(text.strip(), self.o.entity_kind, where="", path=self.o.label)
        except DataError:
            raise _BadCell from None
        self.entity_of_text[text] = entity
        code = self.code_of_id.setdefault(entity.id, len(self.code_of_id))
        if code == len(self.entities):
            self.entities.append(entity)
        elif self.entities[code] != entity:
            self.renamed = True
        self[text] = code
        return code

    def last_names(self, texts: list[str]) -> None:
        """Let each id of ``texts`` stand for the entity of the last text that names it."""
        done: set[int] = set()
        for text in dict.fromkeys(reversed(texts)):
            code = self[text]
            if code not in done:
                done.add(code)
                self.entities[code] = self.entity_of_text[text]


class _Years(dict[str, int]):
    """Year text -> year; a new text is checked and parsed on lookup."""

    def __missing__(self, text: str) -> int:
        # int() alone would take "2_023" and non-ASCII digits.
        stripped = text.strip()
        if not _YEAR.fullmatch(stripped):
            raise _BadCell
        self[text] = year = int(stripped)
        return year


class _Builder:
    """A user table's columns, built a chunk at a time with C-level loops and no per-row
    record. `build` gives None where a row needs a closer look: `_slow` then finds the first
    bad row in file order and names it."""

    def __init__(self, header: list[str], o: _Options) -> None:
        self.o = o
        at = {name: i for i, name in enumerate(header)}  # a repeated name: the last, as DictReader
        self.i_entity, self.i_year, self.i_value = at["entity"], at["year"], at["value"]
        self.i_source, self.i_note = at.get("source"), at.get("note")
        self.entity_codes = _EntityCodes(o)
        self.year_of_text = _Years()
        self.source_codes: dict[str, int] = {}
        self.all_entity: list[int] = []  # every data row's entity and year, a value or not
        self.all_year: list[int] = []
        self.present = bytearray()  # 1 for a row with a value; kept once a row has none
        self.sparse = False
        self.magnitude: list[float] = []
        self.printed: list[str] = []
        self.source = array("i")
        self.notes: list[str | None] = []
        self.line = 2  # of the next row: line 1 is the header; blank lines do not count

    def build(self, chunks: Iterator[_Chunk]) -> Indicator | None:
        for chunk in chunks:
            if chunk is None or not self._add(chunk):
                return None
        return self._finish()

    def _add(self, columns: list[list[str]]) -> bool:
        n = len(columns[0])
        first_line = self.line
        self.line += n

        texts = columns[self.i_entity]
        try:
            # One C-level pass each: a text not met before is resolved (or parsed) by the
            # mapping's __missing__, once.
            self.all_entity += map(self.entity_codes.__getitem__, texts)
            self.all_year += map(self.year_of_text.__getitem__, columns[self.i_year])
        except _BadCell:
            return False
        if self.entity_codes.renamed:
            # Where texts give one id under different names (two spellings of a model), the
            # entity of the last row that names the id stands for all, as row by row.
            self.entity_codes.last_names(texts)

        values = columns[self.i_value]
        joined = "".join(values)
        # Strip only where some value has a space (inside the joined text, or at its ends).
        if len(joined.split(None, 1)) != 1 or joined[0].isspace() or joined[-1].isspace():
            values = list(map(str.strip, values))
        distinct = dict.fromkeys(values)
        mask = None
        if "" in distinct:
            mask = bytes(map(bool, values))
            if not self.sparse:
                self.sparse = True
                self.present.extend(b"\x01" * (len(self.all_entity) - n))
            del distinct[""]
        if self.sparse:
            self.present.extend(mask if mask is not None else b"\x01" * n)
        lines: Iterable[int] = range(first_line, self.line)
        if mask is not None:
            values = list(compress(values, mask))
            lines = list(compress(lines, mask))
        try:
            if 2 * len(distinct) <= len(values):
                # Values repeat: parse each once, and keep one string for all its rows.
                number = {text: float(text) for text in distinct}
                self.magnitude += map(number.__getitem__, values)
                same = {text: text for text in distinct}
                self.printed += map(same.__getitem__, values)
            else:
                self.magnitude += map(float, values)
                self.printed += values
        except ValueError:
            return False

        if self.i_source is None:
            if mask is None:
                self.source.extend(range(-first_line, -self.line, -1))
            else:
                self.source.extend(-k for k in lines)
        else:
            cells = columns[self.i_source]
            codes = self.source_codes
            rows = cells if mask is None else compress(cells, mask)
            for k, cell in zip(lines, rows, strict=True):
                text = cell.strip()
                self.source.append(codes.setdefault(text, len(codes)) if text else -k)
        if self.i_note is not None:
            cells = columns[self.i_note]
            cells = cells if mask is None else list(compress(cells, mask))
            self.notes.extend(cell.strip() or None for cell in cells)
        return True

    def _finish(self) -> Indicator | None:
        from aiindex._model.indicator import Columns, Indicator
        from aiindex._model.records import Coverage, Source

        if not _distinct(self.all_entity, self.all_year) or not _finite(self.magnitude):
            return None
        o = self.o
        entity, year = self.all_entity, self.all_year
        if self.sparse:
            entity = list(compress(entity, self.present))
            year = list(compress(year, self.present))
        section = f"{USER_TABLE} {o.label}"
        coverage: tuple[Coverage, ...] = ()
        if o.coverage == "complete":
            coverage = tuple(Coverage(y, "complete") for y in sorted(set(year)))
        return Indicator(
            id=o.id,
            title=o.title,
            edition=None,
            unit=o.unit,
            unit_label=o.unit,
            entity_kind=o.entity_kind,
            descending=o.descending,
            source=Source(USER_TABLE, None, section, (), None),
            coverage=coverage,
            definition=o.id,
            columns=Columns(
                self.entity_codes.entities,
                entity,
                year,
                self.magnitude,
                self.printed,
                self.source,
                unit=o.unit,
                publication=USER_TABLE,
                edition=None,
                section=section,
                sources=[((text,), None) for text in self.source_codes],
                row_source=f"{USER_TABLE} {o.label}, row ",
                note=self.notes if any(self.notes) else None,
                distinct_keys=True,
            ),
        )


def _distinct(entity: list[int], year: list[int]) -> bool:
    """Whether no (entity, year) pair occurs twice."""
    if len(entity) < 2:
        return True
    import numpy as np  # loaded already: pint, which read_csv asked for the unit, imports it

    key = np.array(entity, dtype=np.int64) * 20_000
    key += np.array(year, dtype=np.int64)
    key.sort()
    return not bool((key[1:] == key[:-1]).any())


def _finite(values: list[float]) -> bool:
    if not values:
        return True
    import numpy as np

    return bool(np.isfinite(np.array(values, dtype=np.float64)).all())


def _slow(rows: list[dict[str | Any, str | Any]], header: list[str], o: _Options) -> Indicator:
    """The table read row by row through `assemble`, failing at the first bad row."""
    from aiindex._sources.packaged import assemble
    from aiindex._sources.schema import CoverageRecord, IndicatorFile, ObservationRecord

    label = o.label
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
            entity = _entity(text, o.entity_kind, where=where, path=label)
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
        source = (row.get("source") or "").strip() or f"{USER_TABLE} {label}, row {line}"
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
    cov = tuple(CoverageRecord(y, o.coverage) for y in years) if o.coverage == "complete" else ()
    record = IndicatorFile(
        id=o.id,
        edition=0,
        title=o.title,
        unit=o.unit,
        unit_label=o.unit,
        entity_kind=o.entity_kind,
        descending=o.descending,
        section=f"{USER_TABLE} {label}",
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
