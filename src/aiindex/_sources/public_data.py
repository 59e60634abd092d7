"""`read_public_data`: the AI Index's own public-data figure files as typed indicators.

The AI Index publishes one CSV per report figure (``fig_4.3.8.csv``), in chapter folders or a
zip. Each figure aiindex knows has a small declarative `FigureMapping`, keyed on (edition,
file) because figure numbers move between editions (2024 fig_4.2.18 is 2025 fig_4.2.19); the
mappings are data, ``data/public_data/*.toml`` (one file per chapter topic), validated by
cattrs when read. The same mappings build the shipped ``data/<edition>/*.json`` files
(``scripts/build_public_data.py``), so the reader and the shipped data cannot diverge.

Values stay text: a share written as a fraction becomes percent by an exact Decimal shift, a
percent string loses its ``%``; nothing goes through a float or pint on the way.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
from decimal import Decimal, InvalidOperation, localcontext
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Literal

import attrs

from aiindex._io.bounded import open_members, visible
from aiindex._model.figure import MISSING
from aiindex._model.records import CoverageKind, Entity, EntityKind
from aiindex._once import once
from aiindex._sources.figures import MAX_BYTES as MAX_FILE_BYTES
from aiindex.exceptions import DataError, UnknownEntityError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from aiindex._io.bounded import Members
    from aiindex._model.indicator import Indicator
    from aiindex._sources.schema import IndicatorFile, ObservationRecord

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_READ_BYTES",
    "MAX_VALUES",
    "FigureMapping",
    "IndicatorSpec",
    "Mappings",
    "PublicData",
    "mappings",
    "read_public_data",
]

#: The most bytes all the files of one read may hold: the 2026 release's CSV files hold 1 MB.
#: (Each file may hold `MAX_FILE_BYTES`, the bound on the packaged figure files.)
MAX_READ_BYTES = 32 * 1024 * 1024
#: The most values one read keeps: the 2026 release's files hold about 30,000 rows in all.
MAX_VALUES = 100_000

ValueForm = Literal["number", "fraction", "percent"]
#: The units a share written as a fraction or a percent string is read into: a share, or a
#: change of shares ("-2%" from one year's share to the next is -2 percentage points).
_SHARE_UNITS = frozenset({"percent", "percentage_point"})
#: "complete": the file is the whole table for its years; "top": the chart's largest values of a
#: whole ranking (ranks hold down to its smallest value); "selection": select areas, nothing more.
FigureCoverage = Literal["complete", "top", "selection"]


@attrs.frozen
class IndicatorSpec:
    """What one indicator built from figure files is: the metadata of its JSON data file."""

    id: str
    edition: int
    title: str
    unit: str
    unit_label: str
    entity_kind: EntityKind
    section: str
    descending: bool = True
    price_basis: str | None = None
    definition: str | None = None
    notes: tuple[str, ...] = ()
    title_ko: str | None = None
    unit_label_ko: str | None = None


@attrs.frozen
class FigureMapping:
    """How one figure file (of one edition) feeds one indicator.

    ``year`` is the data year when the file has no year column; ``period`` the span a sum
    covers ("2013-2024"). ``value_form`` says how the cells are written: ``"number"`` as is,
    ``"fraction"`` shares of 1 (shown in percent), ``"percent"`` strings such as ``"1.98%"``.
    ``where`` keeps only the rows whose named columns hold the given text (one gender of a
    by-gender file). ``coverage`` is ``"complete"`` where the file is the whole table for its
    years, ``"top"`` where it is the top of a whole ranking (the largest values; ranks hold down
    to its smallest), and ``"selection"`` for select-area charts. ``entity_ids`` names the
    entity a cell means where a name means different areas in different figures ("Rest of the
    world" is the world minus the areas each chart shows). ``encoding`` is the file's text
    encoding where it is not UTF-8 (one 2026 file was exported as Mac Roman). A
    ``supplement`` file is read after the indicator's other files: where both give a value
    (they must agree), the other file's is kept, with its printed text and figure.
    ``dated`` says the year column holds each row's own date (a model's publication date,
    "12/24/24"), not a yearly series' 1/1/YY: the data year is the date's, and the date is
    noted on the value. ``subdivisions_of`` is the country (ISO alpha-3) whose subdivisions
    a subdivision indicator's names are read among: "CA" in a table of US states is California.
    ``name_suffix_column`` adds a second column to each name, as the chart labels it
    ("ESM-2 (150M)"), where the file names one model by two columns. ``repeats_agree`` reads a
    name the file repeats with the same value once, noting the repeat (a repeat with another
    value still fails).
    """

    file: str
    indicator: IndicatorSpec
    entity_column: str
    value_column: str
    coverage: FigureCoverage
    year: int | None = None
    year_column: str | None = None
    period: str | None = None
    value_form: ValueForm = "number"
    where: tuple[tuple[str, str], ...] = ()
    coverage_note: str | None = None
    entity_ids: tuple[tuple[str, str], ...] = ()
    encoding: Literal["utf-8", "mac_roman"] = "utf-8"
    supplement: bool = False
    dated: bool = False
    subdivisions_of: str | None = None
    name_suffix_column: str | None = None
    repeats_agree: bool = False

    def __attrs_post_init__(self) -> None:
        if (self.year is None) == (self.year_column is None):
            raise ValueError(f"{self.file}: give exactly one of year and year_column")
        if self.dated and self.year_column is None:
            raise ValueError(f"{self.file}: dated needs a year_column of dates")
        if (self.indicator.entity_kind == "subdivision") != (self.subdivisions_of is not None):
            raise ValueError(
                f"{self.file}: a subdivision indicator's figures say subdivisions_of (the "
                "country whose subdivisions the names are), and only they"
            )
        if self.value_form != "number" and self.indicator.unit not in _SHARE_UNITS:
            raise ValueError(
                f"{self.file}: shares are read into a percent or percentage_point indicator only"
            )
        if self.coverage == "top" and not self.indicator.descending:
            # The top of an ascending ranking would hold from its largest value down: not needed.
            raise ValueError(f"{self.file}: a top chart is read into a descending indicator only")

    @property
    def edition(self) -> int:
        return self.indicator.edition

    @property
    def figure(self) -> str:
        return self.file.removesuffix(".csv")


@attrs.frozen
class PublicData:
    """The figures of one edition's public data that aiindex maps, as indicators.

    ``files`` are the known files read, ``unknown`` the CSV files found but not mapped
    (known figures aiindex deliberately does not ship among them; `mappings().skipped` says
    why).
    """

    edition: int
    indicators: dict[str, Indicator]
    files: tuple[str, ...]
    unknown: tuple[str, ...]

    def __str__(self) -> str:
        lines = [
            f"AI Index {self.edition} public data: {len(self.indicators)} indicators from "
            f"{len(self.files)} figure files"
        ]
        for ind in self.indicators.values():
            years = ind.years
            span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
            lines.append(f"  {ind.id:<52} {span:>9} {len(ind.observations):>5} values")
        if self.unknown:
            lines.append(f"not mapped ({len(self.unknown)}):")
            for name in self.unknown:
                why = mappings().skipped.get((self.edition, PurePosixPath(name).name))
                lines.append(f"  {visible(name)}" + (f": {why}" if why else ""))
        return "\n".join(lines)


# -- the mappings ---------------------------------------------------------------------------


@attrs.frozen
class _FigureRecord:
    """One ``[[figures]]`` table of a mapping file: a `FigureMapping` by indicator id."""

    edition: int
    file: str
    indicator: str
    entity_column: str
    value_column: str
    coverage: FigureCoverage
    year: int | None = None
    year_column: str | None = None
    period: str | None = None
    value_form: ValueForm = "number"
    where: tuple[tuple[str, str], ...] = ()
    coverage_note: str | None = None
    entity_ids: tuple[tuple[str, str], ...] = ()
    encoding: Literal["utf-8", "mac_roman"] = "utf-8"
    supplement: bool = False
    dated: bool = False
    subdivisions_of: str | None = None
    name_suffix_column: str | None = None
    repeats_agree: bool = False


@attrs.frozen
class _Skipped:
    edition: int
    file: str
    reason: str


@attrs.frozen
class _MappingFile:
    indicators: tuple[IndicatorSpec, ...] = ()
    figures: tuple[_FigureRecord, ...] = ()
    skipped: tuple[_Skipped, ...] = ()


@attrs.frozen
class Mappings:
    """The mappings of ``data/public_data/*.toml``, keyed on (edition, file name).

    ``figures`` lists the figure files aiindex reads; ``skipped`` the known files it reads no
    indicator from, with the reason.
    """

    figures: dict[tuple[int, str], tuple[FigureMapping, ...]]
    skipped: dict[tuple[int, str], str]


#: One mapping file per chapter topic of the report, under ``data/public_data/``.
MAPPING_FILES = tuple(
    f"public_data/{topic}.toml"
    for topic in (
        "research_and_development",
        "technical_performance",
        "responsible_ai",
        "economy",
        "science_and_medicine",
        "policy_and_governance",
        "education",
        "public_opinion",
    )
)


@once
def mappings() -> Mappings:
    """The figure-file mappings, read and validated once.

    >>> maps = mappings().figures[2025, "fig_4.3.8.csv"]
    >>> [(m.indicator.id, m.coverage, m.year) for m in maps]
    [('private_investment', 'complete', 2024)]
    """
    from aiindex._io.files import read_toml
    from aiindex._io.structure import structure

    parsed = []
    for name in MAPPING_FILES:
        path, raw = read_toml(name)
        parsed.append((path, structure(raw, _MappingFile, path=path)))
    specs: dict[tuple[int, str], IndicatorSpec] = {}
    for path, part in parsed:
        for spec in part.indicators:
            if (spec.edition, spec.id) in specs:
                raise DataError(
                    f"indicator {spec.id!r} ({spec.edition}) is defined twice", path=path
                )
            specs[spec.edition, spec.id] = spec
    figures: dict[tuple[int, str], list[FigureMapping]] = {}
    skipped: dict[tuple[int, str], str] = {}
    for path, part in parsed:
        for i, rec in enumerate(part.figures):
            where = f"figures[{i}] ({rec.edition} {rec.file})"
            found = specs.get((rec.edition, rec.indicator))
            if found is None:
                raise DataError(
                    f"{where}: no indicator {rec.indicator!r} of {rec.edition}", path=path
                )
            fields = attrs.asdict(rec, recurse=False)
            del fields["edition"], fields["indicator"]
            try:
                mapping = FigureMapping(indicator=found, **fields)
            except ValueError as exc:
                raise DataError(f"{where}: {exc}", path=path) from None
            same_file = figures.setdefault((rec.edition, rec.file), [])
            if same_file and same_file[0].encoding != mapping.encoding:
                other = same_file[0].encoding
                raise DataError(f"{where}: another mapping reads the file as {other}", path=path)
            same_file.append(mapping)
        for s in part.skipped:
            if (s.edition, s.file) in skipped:
                raise DataError(f"{s.edition} {s.file} is skipped twice", path=path)
            skipped[s.edition, s.file] = s.reason
    return Mappings({k: tuple(v) for k, v in sorted(figures.items())}, skipped)


# Names that mean a different area in each figure: a mapping says which with `entity_ids`.
_AMBIGUOUS: dict[str, str] = {
    "rest-of-world": "name the entity of this chart's remainder in the mapping's entity_ids",
}
# Names the files spell wrongly, as published; the correction is noted on the value.
_NAME_FIXES: dict[str, str] = {"Turrkey": "Turkey", "Clause 3.5 Sonnet": "Claude 3.5 Sonnet"}
# Header misspellings seen in the public data; headers also match ignoring case and spacing.
_HEADER_FIXES: dict[str, str] = {"perfomance": "performance"}

_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# A year may be written as a float by the export ("2013.0" in 2026 fig_4.2.11).
_YEAR = re.compile(r"([0-9]{4})(?:\.0+)?")
# At most 28 integer digits with no leading zero is below 10**28 (packaged.MAX_MAGNITUDE);
# anything else goes through the Decimal check.
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]{0,27})(?:\.[0-9]+)?")
_US_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4})")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


# -- reading ----------------------------------------------------------------------------------


def read_public_data(path: str | os.PathLike[str], *, edition: int) -> PublicData:
    """Read a folder (any nesting) or ``.zip`` of AI Index public-data figure files.

    Every figure file aiindex maps for ``edition`` (an int, one of `mapped_editions`: 2024,
    2025 and 2026) becomes part of an `Indicator`; other CSV files are listed in ``unknown``,
    unread. A known file that is malformed (a missing column, a cell that is not a number, a country
    that does not resolve) raises `DataError` naming the file, row and column; nothing is
    half-loaded.

    Reading is bounded (see `aiindex._io.bounded`): regular files only, symbolic links only to
    files inside the folder, zip members stored or deflated and unencrypted, each file at most
    `MAX_FILE_BYTES` and all files read at most `MAX_READ_BYTES`, at most `MAX_VALUES` values,
    every number finite and below 10**28. A path that does not exist raises
    `MissingFileError`, a `FileNotFoundError`.

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "fig_4.3.8.csv").write_text(
    ...     "Geographic area,Total Investment (in Billions of U.S. Dollars)\\n"
    ...     "United States,109.0773255\\nChina,9.290337909\\n", encoding="utf-8")
    >>> from aiindex._sources.public_data import read_public_data
    >>> pd = read_public_data(d, edition=2025)
    >>> pd.indicators["private_investment"].value("USA", 2024).magnitude
    109.0773255
    >>> pd.files
    ('fig_4.3.8.csv',)
    """
    from aiindex._sources.packaged import assemble

    result = build_records(path, edition=edition)
    label = visible(os.fspath(path))
    indicators = {
        rid: assemble(rec, path=label, entities=result.entities)
        for rid, rec in result.records.items()
    }
    return PublicData(result.edition, indicators, result.files, result.unknown)


def mapped_editions() -> tuple[int, ...]:
    """The editions whose figure files aiindex maps (what ``edition=`` accepts).

    >>> mapped_editions()
    (2024, 2025, 2026)
    """
    return tuple(sorted({e for e, _ in mappings().figures}))


def _edition(edition: object) -> int:
    from aiindex.exceptions import UnknownEditionError

    known = mapped_editions()
    if isinstance(edition, bool) or not isinstance(edition, int) or edition not in known:
        raise UnknownEditionError(edition, known)
    return edition


@attrs.frozen
class Records:
    """What the figure files of one edition structure into, before assembly."""

    edition: int
    records: dict[str, IndicatorFile]
    entities: dict[str, Entity]
    files: tuple[str, ...]
    unknown: tuple[str, ...]


def build_records(path: str | os.PathLike[str], *, edition: int) -> Records:
    """The `IndicatorFile` records the figure files of ``edition`` under ``path`` give.

    The build script writes these records as the shipped JSON files.

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "notes.csv").write_text("a,b\\n1,2\\n", encoding="utf-8")
    >>> build_records(d, edition=2025).unknown
    ('notes.csv',)
    """
    from aiindex._sources.schema import CoverageRecord, IndicatorFile

    edition = _edition(edition)
    label = visible(os.fspath(path))
    entities: dict[str, Entity] = {}
    resolver = _Resolver(entities)
    by_indicator: dict[str, dict[tuple[str, int], _Obs]] = {}
    specs: dict[str, IndicatorSpec] = {}
    years_by_kind: dict[CoverageKind, dict[str, dict[int, list[FigureMapping]]]] = {
        "complete": {},
        "top": {},
        "selection": {},
    }
    # The smallest value of each top chart per year: ranks hold down to it.
    top_floor: dict[tuple[str, int], Decimal] = {}
    values = 0

    def add(rel: str, m: FigureMapping, text: str) -> None:
        nonlocal values
        spec = m.indicator
        specs[spec.id] = spec
        table = by_indicator.setdefault(spec.id, {})
        read = _read_figure(rel, m, _rows(rel, text), resolver, room=MAX_VALUES - values)
        values += len(read)
        for obs in read:
            key = (obs.entity, obs.year)
            first = table.get(key)
            if first is None:
                table[key] = obs
            elif Decimal(first.value) != Decimal(obs.value):
                raise DataError(
                    f"{visible(rel)}, row {obs.row}, column {m.value_column!r}: {spec.id} has "
                    f"{obs.value} for {obs.entity} {obs.year}, but {first.file} row "
                    f"{first.row} has {first.value}; two files give different values",
                    path=label,
                )
            else:
                first.also += (m.file,)
        per_year = years_by_kind[m.coverage].setdefault(spec.id, {})
        for year in {obs.year for obs in read}:
            per_year.setdefault(year, []).append(m)
            if m.coverage == "top":
                floor = min(Decimal(o.value) for o in read if o.year == year)
                # Two top charts of one year: ranks hold only down to the higher floor.
                key = (spec.id, year)
                top_floor[key] = max(floor, top_floor.get(key, floor))

    files: list[str] = []
    unknown: list[str] = []
    with open_members(path, _is_csv, member=MAX_FILE_BYTES, total=MAX_READ_BYTES) as found:
        # One file at a time, read, parsed and dropped: only the values read are kept.
        supplements: list[tuple[str, FigureMapping, str]] = []
        for rel, maps, others in _known_files(found.members, edition):
            if maps is None:
                unknown.append(rel)
                continue
            files.append(rel)
            text = _text(rel, _one_of(found, rel, others), maps[0].encoding)
            for m in maps:
                if m.supplement:
                    supplements.append((rel, m, text))
                else:
                    add(rel, m, text)
            del text
        for rel, m, text in supplements:  # read after the indicator's other files
            add(rel, m, text)

    records: dict[str, IndicatorFile] = {}
    for rid in sorted(by_indicator):
        if not by_indicator[rid]:
            continue  # its files hold a header and no value: no indicator to make
        spec = specs[rid]
        obs_list = sorted(by_indicator[rid].values(), key=lambda o: (o.year, o.entity))
        coverage = []
        for year in sorted({o.year for o in obs_list}):
            # The most a file of the year establishes: complete, else top, else selection.
            kind: CoverageKind = next(
                k for k in ("complete", "top", "selection") if year in years_by_kind[k].get(rid, {})
            )
            cov_maps = years_by_kind[kind][rid][year]
            down_to = str(top_floor[rid, year]) if kind == "top" else None
            coverage.append(CoverageRecord(year, kind, down_to, _coverage_note(kind, cov_maps)))
        records[rid] = IndicatorFile(
            id=rid,
            edition=edition,
            title=spec.title,
            title_ko=spec.title_ko,
            unit=spec.unit,
            unit_label=spec.unit_label,
            unit_label_ko=spec.unit_label_ko,
            entity_kind=spec.entity_kind,
            descending=spec.descending,
            section=spec.section,
            observations=_records(edition, obs_list),
            price_basis=spec.price_basis,
            notes=spec.notes,
            coverage=tuple(coverage),
            definition=spec.definition,
        )
    return Records(edition, records, entities, tuple(files), tuple(unknown))


def _coverage_note(kind: CoverageKind, maps: list[FigureMapping]) -> str:
    names = ", ".join(m.file for m in maps)
    own = [m.coverage_note for m in maps if m.coverage_note]
    if own:
        return " ".join(dict.fromkeys(own))
    if kind == "complete":
        return f"Every area or entity the figure file lists ({names})."
    if kind == "top":
        return (
            f"The top of the ranking ({names}): ranks below its smallest value are not established."
        )
    return f"A selection ({names}): ranks beyond what it shows are not established."


class _Obs:
    """One value read from a figure file (a plain class: there are thousands per read)."""

    __slots__ = ("also", "entity", "file", "notes", "period", "row", "value", "year")

    def __init__(
        self,
        entity: str,
        year: int,
        value: str,
        file: str,
        row: int,
        period: str | None,
        notes: tuple[str, ...],
    ) -> None:
        self.entity = entity
        self.year = year
        self.value = value
        self.file = file
        self.row = row
        self.period = period
        self.notes = notes
        self.also: tuple[str, ...] = ()


def _records(edition: int, obs_list: list[_Obs]) -> tuple[ObservationRecord, ...]:
    from aiindex._sources.schema import ObservationRecord

    # One sources tuple per combination of files, shared: thousands of values cite one file.
    sources: dict[tuple[str, ...], tuple[str, ...]] = {}
    out = []
    for o in obs_list:
        files = (o.file, *o.also) if o.also else (o.file,)
        cited = sources.get(files)
        if cited is None:
            cited = sources[files] = tuple(f"AI Index {edition} public data, {f}" for f in files)
        out.append(
            ObservationRecord(
                entity=o.entity,
                year=o.year,
                value=o.value,
                sources=cited,
                period=o.period,
                note="; ".join(o.notes) if o.notes else None,
                figure=o.file[:-4],
            )
        )
    return tuple(out)


def _known_files(
    members: tuple[str, ...], edition: int
) -> list[tuple[str, tuple[FigureMapping, ...] | None, tuple[str, ...]]]:
    """The CSV files found, in figure order, each with its mappings (None: not mapped) and
    the other files of the same name, which must hold the same bytes."""
    by_name: dict[str, list[str]] = {}
    for rel in members:
        by_name.setdefault(PurePosixPath(rel).name, []).append(rel)
    out: list[tuple[str, tuple[FigureMapping, ...] | None, tuple[str, ...]]] = []
    for name, rels in by_name.items():
        maps = mappings().figures.get((edition, name))
        if maps is None:
            out.extend((rel, None, ()) for rel in rels)  # never read: just listed
        else:
            out.append((rels[0], maps, tuple(rels[1:])))
    # Figure order (fig_4.3.8 before fig_4.3.10): the first file to give a value names it.
    return sorted(out, key=lambda item: _figure_key(item[0]))


def _one_of(found: Members, rel: str, others: tuple[str, ...]) -> bytes:
    """The bytes of ``rel``, which every file of the same name must share."""
    data = found.read(rel)
    for other in others:
        if found.read(other) != data:
            # Editions reuse file numbers for other figures: never guess which one is meant.
            raise DataError(
                f"two different files named {visible(PurePosixPath(rel).name)}: "
                f"{visible(rel)} and {visible(other)}; point the reader at one edition's folder",
                path=found.label,
            )
    return data


def _figure_key(rel: str) -> tuple[tuple[int, ...], str]:
    name = PurePosixPath(rel).name
    m = re.fullmatch(r"fig_([0-9]+(?:\.[0-9]+)*)\.csv", name, re.IGNORECASE)
    numbers = tuple(int(p) for p in m.group(1).split(".")) if m else (10**9,)
    return numbers, rel


def _is_csv(rel: str) -> bool:
    # macOS zips carry resource forks ("__MACOSX/", "._fig_1.csv") that are not CSV files.
    parts = PurePosixPath(rel).parts
    return (
        rel.lower().endswith(".csv") and "__MACOSX" not in parts and not parts[-1].startswith("._")
    )


def _header_key(text: str) -> str:
    key = _SPACES.sub(" ", text.replace("\ufeff", "")).strip().casefold()
    key = key.replace("\u2013", "-").replace("\u2014", "-")
    for wrong, right in _HEADER_FIXES.items():
        key = key.replace(wrong, right)
    return key


def _text(rel: str, data: bytes, encoding: str = "utf-8") -> str:
    try:
        # utf-8-sig: the BOM some exports start with.
        return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        raise DataError(
            f"not UTF-8 text (byte {exc.start + 1} cannot be read)", path=visible(rel)
        ) from None


def _rows(rel: str, text: str) -> Iterator[list[str]]:
    """The rows of a CSV text, one at a time (a file's rows are never all held at once)."""
    # newline="" lets csv take CRLF and LF line ends alike, inside quotes too.
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        yield from reader
    except csv.Error as exc:
        raise DataError(
            f"row {reader.line_num}: not a CSV row ({exc})", path=visible(rel)
        ) from None


def _read_figure(
    rel: str, m: FigureMapping, rows: Iterator[list[str]], resolver: _Resolver, *, room: int
) -> list[_Obs]:
    """The values of one file as ``m`` maps them; at most ``room`` of them.

    Messages name the file, row and column (by the mapping's column names) and never quote
    the file: a file that is not what its name says must not be echoed to the terminal.
    """
    shown = visible(rel)
    header = next(rows, None)
    if header is None:
        raise DataError("empty file; expected a header row", path=shown)
    keys = [_header_key(h) for h in header]

    def column(name: str) -> int:
        try:
            return keys.index(_header_key(name))
        except ValueError:
            raise DataError(
                f"row 1 (header): missing column {name!r} (the header has {len(header)} "
                "columns, none of that name)",
                path=shown,
            ) from None

    chosen = dict(m.entity_ids)
    ent_col = column(m.entity_column)
    val_col = column(m.value_column)
    year_col = column(m.year_column) if m.year_column is not None else None
    suffix_col = column(m.name_suffix_column) if m.name_suffix_column is not None else None
    filters = [(column(c), want.casefold()) for c, want in m.where]
    kind = m.indicator.entity_kind
    form = m.value_form
    out: list[_Obs] = []
    seen: dict[tuple[str, int], int] = {}  # the index in out of each entity-year read
    years: dict[str, tuple[int, str | None]] = {}
    names: dict[str, tuple[str, tuple[str, ...]]] = {}
    const_year = m.year or 0
    width = len(header)
    for line, row in enumerate(rows, start=2):
        if len(row) != width:
            if not "".join(row).strip():
                continue  # a blank line at the end of a file
            raise DataError(f"row {line}: expected {width} cells, found {len(row)}", path=shown)
        if filters and not _keep(row, filters):
            continue
        cell = row[val_col].strip()
        if cell in MISSING:
            continue  # an empty cell (or a dash) is a missing value, never zero
        notes: list[str] = []
        if form == "number" and _PLAIN_NUMBER.fullmatch(cell):
            value = cell  # the common case, checked without building a Decimal
        else:
            value = _value(cell, form, notes, line, m.value_column, shown)
        if year_col is None:
            year = const_year
        else:
            ycell = row[year_col]
            yhit = years.get(ycell)
            if yhit is None:
                yhit = years[ycell] = _year(ycell, line, m.year_column or "", shown, dated=m.dated)
            year, ynote = yhit
            if ynote:
                notes.append(ynote)
        raw = row[ent_col]
        if suffix_col is not None and row[suffix_col].strip():
            raw = f"{raw.strip()} ({row[suffix_col].strip()})"
        hit = names.get(raw)
        if hit is None:
            where = f"row {line}, column {m.entity_column!r}"
            pick = chosen.get(raw.strip())
            hit = names[raw] = (
                resolver.resolve(raw, kind, where, shown, m.subdivisions_of)
                if pick is None
                else resolver.by_id(pick, where, shown)
            )
        entity, name_notes = hit
        if name_notes:
            notes.extend(name_notes)
        key = (entity, year)
        if key in seen:
            first = out[seen[key]]
            if m.repeats_agree and Decimal(first.value) == Decimal(value):
                repeat = f"listed again at row {line} as {raw.strip()!r}, with the same value"
                first.notes = (*first.notes, repeat)
                continue
            raise DataError(
                f"row {line}, column {m.entity_column!r}: {entity} {year} appears again "
                f"(first at row {first.row})",
                path=shown,
            )
        seen[key] = len(out)
        if len(out) >= room:
            raise DataError(
                f"row {line}: more than the {MAX_VALUES:,} values aiindex reads from one "
                "release (the AI Index's own hold about 30,000)",
                path=shown,
            )
        out.append(_Obs(entity, year, value, m.file, line, m.period, tuple(notes) if notes else ()))
    return out


def _keep(row: list[str], filters: list[tuple[int, str]]) -> bool:
    return all(row[i].strip().casefold() == want for i, want in filters)


def _value(cell: str, form: ValueForm, notes: list[str], line: int, column: str, path: str) -> str:
    """The cell as text in the indicator's unit; shares move to percent exactly."""
    from aiindex._sources.packaged import refused_number

    where = f"row {line}, column {column!r}"
    percent = cell.endswith("%")
    number = cell[:-1].strip() if percent else cell
    try:
        d = Decimal(number.replace(",", ""))
    except InvalidOperation:
        raise DataError(f"{where}: not a number", path=path) from None
    why = refused_number(d)
    if why is not None:
        raise DataError(f"{where}: {why}", path=path)
    if form == "number":
        if percent:
            raise DataError(f"{where}: a percentage where a number is expected", path=path)
        return cell
    if percent:
        if form == "fraction":
            raise DataError(f"{where}: a percentage where a fraction of 1 is expected", path=path)
        return number
    shifted = _percent_of(d)
    if form == "percent":
        # A bare number among percent strings is an unformatted share (2024 fig_4.2.13).
        notes.append(
            f"written as the bare fraction {cell} among percent strings; read as {shifted}%"
        )
    return shifted


def _percent_of(share: Decimal) -> str:
    """A share of 1 in percent, exactly: ``0.788`` -> ``'78.8'``."""
    with localcontext() as ctx:
        ctx.prec = max(28, len(share.as_tuple().digits) + 4)
        return format(share.scaleb(2), "f")


def _year(
    cell: str, line: int, column: str, path: str, *, dated: bool = False
) -> tuple[int, str | None]:
    """The data year of a year or date cell, and a note if the date says more.

    ``dated``: the cell is the row's own date (a publication date), any day of the year.
    """
    text = cell.strip()
    y = _YEAR.fullmatch(text)
    if y:
        return int(y.group(1)), None
    m = _US_DATE.fullmatch(text)
    if m:
        yy = m.group(3)
        year = int(yy) + 2000 if len(yy) == 2 else int(yy)
        if dated:
            return year, f"dated {text} in the file"
        # Yearly series are dated 1/1/YY; any other day would be a sub-yearly value.
        if (m.group(1), m.group(2)) != ("1", "1"):
            raise DataError(
                f"row {line}, column {column!r}: a date that is not yearly (1/1/YY)", path=path
            )
        return year, None
    m = _ISO_DATE.fullmatch(text)
    if m:
        return int(m.group(1)), f"dated {text} in the file"
    raise DataError(f"row {line}, column {column!r}: not a year or a date", path=path)


class _Resolver:
    """Names to entity ids, cached: the same names recur in every file."""

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.entities = entities
        self._cache: dict[tuple[str, EntityKind, str | None], tuple[Entity, tuple[str, ...]]] = {}

    def resolve(
        self, raw: str, kind: EntityKind, where: str, path: str, country: str | None = None
    ) -> tuple[str, tuple[str, ...]]:
        """The entity id of a name, and notes on how the file wrote it.

        ``country``: a subdivision indicator's names are those of this country's subdivisions.
        """
        key = (raw, kind, country)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = _resolve_name(
                raw, kind, where=where, path=path, country=country
            )
        entity, notes = hit
        self.entities[entity.id] = entity
        return entity.id, notes

    def by_id(self, entity_id: str, where: str, path: str) -> tuple[str, tuple[str, ...]]:
        """The entity a mapping's ``entity_ids`` chose for a name."""
        from aiindex._reference.entities import by_id

        try:
            entity = by_id(entity_id)
        except UnknownEntityError:
            raise DataError(
                f"{where}: entity_ids names {entity_id!r}, no entity", path=path
            ) from None
        self.entities[entity.id] = entity
        return entity.id, ()


def _clean_name(raw: str) -> tuple[str, tuple[str, ...]]:
    """A name as the report means it: ``<br>`` tags, edge spaces and marks removed."""
    name = _SPACES.sub(" ", _BR.sub(" ", raw)).strip()
    notes: list[str] = []
    if name.endswith("*"):
        name = name.rstrip("*").rstrip()
        notes.append(f"marked {raw.strip()!r} in the file (the footnote is not in the data)")
    fixed = _NAME_FIXES.get(name)
    if fixed is not None:
        notes.append(f"spelled {name!r} in the file")
        name = fixed
    return name, tuple(notes)


def _resolve_name(
    raw: str, kind: EntityKind, *, where: str, path: str, country: str | None = None
) -> tuple[Entity, tuple[str, ...]]:
    found = _resolve_cached(raw, kind, country)
    if isinstance(found, str):
        raise DataError(f"{where}: {found}", path=path)
    return found


@functools.lru_cache(maxsize=4096)
def _resolve_cached(
    raw: str, kind: EntityKind, country: str | None = None
) -> tuple[Entity, tuple[str, ...]] | str:
    """The entity a name of a figure file means, or why it has none.

    Cached across reads: the same few hundred names recur in every file, and the entities
    they resolve to are themselves read once per process. A subdivision's name is looked up
    among ``country``'s subdivisions only.
    """
    from aiindex._reference.entities import (
        did_you_mean,
        is_entity,
        resolve,
        resolve_subdivision,
        slug,
    )

    name, notes = _clean_name(raw)
    if not name:
        return "empty name"
    if kind == "subdivision":
        try:
            return resolve_subdivision(name, country or ""), notes
        except UnknownEntityError as exc:
            hint = (
                f"; did you mean {' or '.join(map(repr, exc.suggestions))}?"
                if exc.suggestions
                else ""
            )
            return f"not a subdivision of {country} aiindex knows{hint}"
    # Not by catching resolve's error: its suggestions, a fuzzy search over every name, would
    # be made for each new model or organization name, and thrown away.
    found = resolve(name) if is_entity(name) else None
    if found is None and kind == "country":
        return f"not a country aiindex knows{did_you_mean(name)}"
    if found is not None and found.id in _AMBIGUOUS:
        return f"a name that means another area in each chart: {_AMBIGUOUS[found.id]}"
    if found is not None:
        # Country tables also carry aggregates (World, Europe, Rest of the world), and model
        # tables reference lines (a human baseline).
        if (
            found.kind == kind
            or (kind == "country" and found.kind == "group")
            or (kind == "model" and found.kind == "baseline")
        ):
            return found, notes
        if kind == "country":
            return f"names {found.name} ({found.kind}), not a country"
    try:
        return Entity(slug(name), kind, name), notes
    except ValueError:
        return "a name with no letters or digits"
