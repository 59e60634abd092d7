"""`read_csv`: a user's own table as an `Indicator`, validated row by row.

A table is read in chunks of rows, column by column: each distinct entity name is resolved
once, each distinct year text parsed once, and the values parsed by ``float`` in one C-level
pass into the indicator's columns, with no per-row record. A table in which anything is off
is read a second time, row by row, which names the first bad row and column.
"""

from __future__ import annotations

import csv
import os
import re
from array import array
from itertools import compress, filterfalse, islice, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TextIO

from aiindex._model.records import USER_TABLE, Entity, EntityKind
from aiindex.exceptions import DataError, MissingFileError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from aiindex._model.indicator import Indicator

__all__ = ["MAX_CSV_BYTES", "read_csv"]

_REQUIRED = ("entity", "year", "value")
_YEAR = re.compile(r"-?[0-9]{1,4}")
_OPTIONAL = ("source", "note")


#: The largest table read_csv reads: about two million rows of "entity,year,value".
MAX_CSV_BYTES = 64 * 1024 * 1024
_COVERAGES = ("complete", "selection")
# The powers a unit's parts may have: per capita is -1, an area 2; nothing real goes beyond.
_MAX_POWER = 3


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

    ``unit`` is a pint expression of aiindex units, each part to a whole power from -3 to 3
    (``"billion * USD"``, ``"percent"``, ``"1 / (hundred_thousand * person)"``);
    ``entity_kind`` one of ``"country"``, ``"group"``, ``"organization"``, ``"model"``,
    ``"baseline"``. A bad argument raises `ArgumentError`. The file must be a regular file
    of at most 64 MiB (`MAX_CSV_BYTES`); a missing one raises `MissingFileError`, a
    `FileNotFoundError`. Values must be finite and below 10**28 in absolute value.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "gpus.csv"
    >>> _ = p.write_text("entity,year,value\\nKorea,2024,3\\nJapan,2024,5\\n", encoding="utf-8")
    >>> ind = aiindex.read_csv(p, id="gpus", unit="count")
    >>> ind.rank("KOR"), ind.value("JPN").magnitude
    (2, 5.0)
    """
    from aiindex._io.bounded import open_text, visible

    _check_arguments(id, unit, entity_kind, descending, title, coverage)
    label = visible(os.fspath(path))
    options = _Options(label, id, unit, entity_kind, descending, title or id, coverage)

    def opened() -> TextIO:
        return open_text(path, label=label, limit=MAX_CSV_BYTES)

    try:
        # Three readings, each used only where the one before cannot be: plain text split
        # in C (no quotes), then the csv module, both column by column; then row by row.
        for chunks in (_plain_chunks, _csv_chunks):
            with opened() as f:
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
        with opened() as f:
            reader = csv.DictReader(f)
            header = _header(reader, label)
            return _slow(reader, header, options)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"not a UTF-8 CSV file: {exc}", path=label) from None
    except MissingFileError:
        raise
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", path=label) from None


def _check_arguments(
    id: object,
    unit: object,
    entity_kind: object,
    descending: object,
    title: object,
    coverage: object,
) -> None:
    """Refuse, saying what is accepted, any argument read_csv cannot make a table with."""
    from aiindex._model.records import ENTITY_KINDS
    from aiindex.exceptions import ArgumentError

    if not isinstance(id, str) or not id.strip():
        raise ArgumentError(f"id must be a non-empty str naming the table, not {id!r}")
    if entity_kind not in ENTITY_KINDS:
        raise ArgumentError(
            f"entity_kind={entity_kind!r}: it is one of {', '.join(map(repr, ENTITY_KINDS))}"
        )
    if coverage not in _COVERAGES:
        raise ArgumentError(
            f"coverage={coverage!r}: it is 'complete' (the table lists every entity it ranks) "
            "or 'selection' (ranks are refused)"
        )
    if not isinstance(descending, bool):
        raise ArgumentError(f"descending must be True or False, not {descending!r}")
    if title is not None and not isinstance(title, str):
        raise ArgumentError(f"title must be a str or None, not {title!r}")
    _check_unit(unit)


def _check_unit(unit: object) -> None:
    from aiindex._model.units import registry
    from aiindex.exceptions import ArgumentError

    accepted = (
        "use a pint expression of aiindex units, each to a whole power from -3 to 3, such as "
        "'USD', 'billion * USD', 'percent', 'count' or '1 / (hundred_thousand * person)'"
    )
    if not isinstance(unit, str) or not unit.strip():
        raise ArgumentError(f"unit={unit!r}: {accepted}")
    try:
        parsed = registry().parse_units(unit)
    except Exception as exc:  # pint raises several types for a bad unit expression
        raise ArgumentError(f"unknown unit {unit!r} ({exc}); {accepted}") from None
    for name, power in dict(parsed._units).items():
        p = power if isinstance(power, (int, float)) else float("nan")
        if not (float(p).is_integer() and abs(p) <= _MAX_POWER):
            raise ArgumentError(f"unit {unit!r} raises {name} to the power {power}; {accepted}")


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
            f"missing column {', '.join(map(repr, missing))}: the header (row 1) needs "
            f"{', '.join(_REQUIRED)} (optional: {', '.join(_OPTIONAL)})",
            path=label,
        )
    extra = [c for c in header if c not in _REQUIRED + _OPTIONAL]
    if extra:
        raise DataError(
            f"unknown column {', '.join(map(_quote, extra[:3]))}; allowed: "
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
        # Per code, the entity its first text resolved to (where `add` met the text).
        self.first: list[Entity | None] = []
        self.renamed = False  # whether two texts gave one id under different names

    def __missing__(self, text: str) -> int:
        try:
            entity = _entity(text.strip(), self.o.entity_kind, where="", path=self.o.label)
        except DataError:
            raise _BadCell from None
        return self._code(text, entity)

    def _code(self, text: str, entity: Entity) -> int:
        self.entity_of_text[text] = entity
        code = self.code_of_id.setdefault(entity.id, len(self.code_of_id))
        if code == len(self.entities):
            self.entities.append(entity)
            self.first.append(None)
        elif self.entities[code] != entity:
            self.renamed = True
        self[text] = code
        return code

    def add(self, texts: list[str]) -> None:
        """Resolve the texts not met before, all at once (`resolve_many`).

        A table of model names brings a new name on every row: one by one, each would cost a
        few Python calls (a lookup, a slug, an entity), several times the rest of its row.
        """
        from aiindex._reference.entities import resolve_many

        new = list(filterfalse(self.__contains__, dict.fromkeys(texts)))
        if len(new) < 64:  # a few: one by one (__missing__) is as quick
            return
        names = list(map(str.strip, new))
        if "" in names:
            raise _BadCell  # the row by row reading names the row
        found, slugs = resolve_many(names)
        kind = self.o.entity_kind
        entities: list[Entity]
        if found.count(None) == len(found) and kind != "country":
            # None known: every name the table's own entity (as `_entity`), its slug its id.
            if "" in slugs:
                raise _BadCell
            entities = list(map(Entity, slugs, repeat(kind), names))
            ids = slugs
        elif kind == "country":
            if any(e is None or e.kind != "country" for e in found):
                raise _BadCell
            entities = found  # type: ignore[assignment]
            ids = [e.id for e in entities]
        else:
            mine = [e if e is not None and e.kind == kind else None for e in found]
            if any(not s for e, s in zip(mine, slugs, strict=True) if e is None):
                raise _BadCell  # a name with no letters or digits
            entities = [
                e if e is not None else Entity(s, kind, name)
                for e, s, name in zip(mine, slugs, names, strict=True)
            ]
            ids = [e.id for e in entities]
        start = len(self.code_of_id)
        if len(set(ids)) == len(ids) and self.code_of_id.keys().isdisjoint(ids):
            # The common case: every name a new entity. Codes in order, in C; the entity of
            # each text is its code's first (`entity_of`).
            codes = range(start, start + len(ids))
            self.code_of_id.update(zip(ids, codes, strict=True))
            self.entities += entities
            self.first += entities
            self.update(zip(new, codes, strict=True))
        else:
            for text, entity in zip(new, entities, strict=True):
                self._code(text, entity)

    def entity_of(self, text: str) -> Entity:
        """The entity ``text`` itself resolved to (before any renaming)."""
        found = self.entity_of_text.get(text)
        if found is None:
            found = self.first[self[text]]
            assert found is not None  # a text `add` did not meet is in entity_of_text
        return found

    def last_names(self, texts: list[str]) -> None:
        """Let each id of ``texts`` stand for the entity of the last text that names it."""
        done: set[int] = set()
        for text in dict.fromkeys(reversed(texts)):
            code = self[text]
            if code not in done:
                done.add(code)
                self.entities[code] = self.entity_of(text)


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
            # mapping's __missing__, once; many new texts at once, by `add`.
            self.entity_codes.add(texts)
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
    """Whether every value is finite and in range; where not, `_slow` decides exactly."""
    if not values:
        return True
    import numpy as np

    from aiindex._sources.packaged import MAX_MAGNITUDE

    # NaN compares False, so one test covers both: finite, and below the bound.
    return bool((np.abs(np.array(values, dtype=np.float64)) < float(MAX_MAGNITUDE)).all())


def _slow(rows: Iterable[dict[str | Any, str | Any]], header: list[str], o: _Options) -> Indicator:
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
    from aiindex._reference.entities import did_you_mean, is_entity, resolve, slug

    if not text:
        raise DataError(f"{where}, column 'entity': empty", path=path)
    # Not by catching resolve's error: its suggestions, a fuzzy search over every name, would
    # be made for each new model name, and thrown away.
    found = resolve(text) if is_entity(text) else None
    if found is None and kind == "country":
        raise DataError(
            f"{where}, column 'entity': {_quote(text)} is not a country aiindex knows"
            f"{did_you_mean(text)} Use an ISO 3166 code or name.",
            path=path,
        )
    if found is not None and found.kind == kind:
        return found
    if kind == "country":
        assert found is not None
        raise DataError(
            f"{where}, column 'entity': {_quote(text)} names {found.name} ({found.kind}), not "
            "a country",
            path=path,
        )
    try:
        return Entity(slug(text), kind, text)
    except ValueError:
        raise DataError(
            f"{where}, column 'entity': {_quote(text)} has no letters or digits to make an id of",
            path=path,
        ) from None


def _year(text: str, *, where: str, path: str) -> int:
    # int() alone would take "2_023" and non-ASCII digits.
    if not _YEAR.fullmatch(text.strip()):
        raise DataError(f"{where}, column 'year': {_quote(text)} is not a whole year", path=path)
    return int(text.strip())


def _check_number(text: str, *, where: str, path: str) -> None:
    from decimal import Decimal, InvalidOperation

    from aiindex._sources.packaged import refused_number

    try:
        why = refused_number(Decimal(text.replace(",", "")))
    except InvalidOperation:
        raise DataError(
            f"{where}, column 'value': {_quote(text)} is not a number", path=path
        ) from None
    if why is not None:
        raise DataError(
            f"{where}, column 'value': {_quote(text)} is {why}; leave the cell empty for a "
            "missing value",
            path=path,
        )


def _quote(text: str) -> str:
    """A cell as a message quotes it: escape codes visible (repr), at most 40 characters."""
    return repr(text) if len(text) <= 40 else repr(text[:40]) + "..."
