"""Reading the packaged data: the compiled form of ``data/<edition>/<id>.json``.

The build (`aiindex._sources.compile`) validates every source file and writes it, as columns,
to ``data/compiled/<edition>/<id>.json``; here an indicator is that file read with the json C
parser, on first use, and cached, so repeated calls return the identical object. Values were
turned into floats in the indicator's unit through Decimal at build time, so a value printed
at another scale ("362" million in a billions table) is exact.

`assemble` makes an indicator from a structured file directly: for a user's table, the AI
Index's public data, and the tests that hold the compiled form to it.
"""

from __future__ import annotations

from itertools import chain, groupby, repeat
from typing import TYPE_CHECKING, Any

from aiindex._once import once
from aiindex.exceptions import DataError, UnknownEditionError, UnknownIndicatorError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from decimal import Decimal

    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity
    from aiindex._sources.schema import IndicatorFile

__all__ = [
    "MAX_MAGNITUDE",
    "assemble",
    "build",
    "catalogue",
    "editions",
    "indicator_ids",
    "load",
    "model_tables",
    "refused_number",
    "table",
]

PUBLICATION = "Stanford HAI, AI Index Report {edition}"


def catalogue() -> dict[int, tuple[str, ...]]:
    """Indicator ids by edition, from the compiled index (no table is read)."""
    from aiindex._io.files import catalogue

    return catalogue()


def model_tables(edition: int) -> frozenset[str]:
    """The ids of ``edition``'s indicators whose entities are models (no table is read)."""
    from aiindex._io.files import model_tables

    return model_tables().get(edition, frozenset())


def editions() -> tuple[int, ...]:
    return tuple(catalogue())


def indicator_ids(edition: int | None = None) -> tuple[str, ...]:
    cat = catalogue()
    if edition is None:
        return tuple(sorted({i for ids in cat.values() for i in ids}))
    if edition not in cat:
        raise UnknownEditionError(edition, tuple(cat))
    return cat[edition]


def load(indicator_id: str, edition: int | None = None) -> Indicator:
    """The indicator ``indicator_id`` of ``edition`` (the newest edition that has it if None)."""
    cat = catalogue()
    if edition is not None and edition not in cat:
        raise UnknownEditionError(edition, tuple(cat), indicator_id)
    having = [e for e, ids in cat.items() if indicator_id in ids]
    if not having:
        raise UnknownIndicatorError(indicator_id, _suggest(indicator_id), edition)
    if edition is None:
        edition = having[-1]
    elif edition not in having:
        raise UnknownEditionError(edition, tuple(having), indicator_id)
    return _load(indicator_id, edition)


def _suggest(indicator_id: str) -> tuple[str, ...]:
    import difflib

    return tuple(difflib.get_close_matches(indicator_id, indicator_ids(), n=3, cutoff=0.6))


@once
def _load(indicator_id: str, edition: int) -> Indicator:
    from aiindex._io.files import read_compiled

    path, data = read_compiled(f"{edition}/{indicator_id}.json")
    if data.get("id") != indicator_id or data.get("edition") != edition:
        raise DataError(
            f"file declares id {data.get('id')!r}, edition {data.get('edition')}; its name says "
            f"{indicator_id!r}, {edition}",
            path=path,
        )
    from aiindex._reference.entities import by_id

    try:
        return build(data, path=path, entity=by_id)
    except DataError:
        raise
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise DataError(
            f"damaged compiled file ({type(exc).__name__}: {exc}); rebuild it with "
            "scripts/compile_data.py",
            path=path,
        ) from None


#: Numbers read from a file must be below this in absolute value: then their integer digits fit
#: the 28 digits of Python's default decimal context, in which values are compared, scaled and
#: formatted (1e28 or 1e999999 would load, then fail in a ranking's text or a gap). The AI
#: Index's own figures stay below 10**9; training compute in FLOP, the largest counts a user
#: table may hold, below 10**27.
_DIGITS = 28
MAX_MAGNITUDE = 10**_DIGITS


def refused_number(value: Decimal | float) -> str | None:
    """Why a number read from a file is refused (not finite, or too large), or None.

    >>> from decimal import Decimal
    >>> refused_number(Decimal("5e26")), refused_number(Decimal("1e28"))
    (None, 'out of range: aiindex reads numbers below 10^28 in absolute value')
    >>> refused_number(float("inf"))
    'not a finite number'
    """
    import math

    # math.isfinite for a float; Decimal's own test for a Decimal (math's signals on sNaN).
    if isinstance(value, (int, float)):
        finite, large = math.isfinite(value), abs(value) >= MAX_MAGNITUDE
    else:
        finite = value.is_finite()
        # The exponent of the leading digit: 27 for 9.99e27, 28 for 1e28 (no comparison).
        large = finite and value != 0 and value.adjusted() >= _DIGITS
    if not finite:
        return "not a finite number"
    if large:
        return f"out of range: aiindex reads numbers below 10^{_DIGITS} in absolute value"
    return None


def decimal_value(text: str, *, where: str, path: str) -> Decimal:
    """A printed number as an exact Decimal; DataError naming the record if it is not one."""
    from decimal import Decimal, InvalidOperation

    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise DataError(f"{where}: value {text!r} is not a number", path=path) from None
    why = refused_number(value)
    if why is not None:
        raise DataError(f"{where}: value {text!r} is {why}", path=path)
    return value


def scaled(value: Decimal, unit: str, indicator_unit: str, *, where: str, path: str) -> float:
    """``value`` printed in ``unit``, as a float in ``indicator_unit``.

    The two may differ only by a counting word (million vs billion USD): that keeps ranking a
    table free of pint while values stay exactly as printed in the file.
    """
    from aiindex._model.units import split_scale

    if unit == indicator_unit:
        return float(value)
    own_scale, own_base = split_scale(unit)
    ind_scale, ind_base = split_scale(indicator_unit)
    if own_base != ind_base:
        raise DataError(
            f"{where}: unit {unit!r} differs from the indicator's {indicator_unit!r} by more "
            "than a counting word (thousand, million, billion ...)",
            path=path,
        )
    return float(value * own_scale / ind_scale)


# The optional per-row columns of the columnar form, with the value a row has when it is absent.
OPTIONAL_COLUMNS: dict[str, object] = {
    "printed_unit": None,
    "stated_rank": None,
    "note": None,
    "period": None,
    "outside_chart": False,
    "price_basis": None,
    "disputed": False,
}


def table(
    record: IndicatorFile,
    *,
    path: str,
    known: Callable[[str], object],
    user_table: bool = False,
) -> dict[str, Any]:
    """A structured file, checked for what types cannot, in the columnar form the build writes.

    ``known`` raises `KeyError` for an entity id that does not exist. The form (see
    ``docs/data-format.md``): the table's own fields, then ``entities`` (the ids, each once),
    ``sources`` (each distinct locator list with its figure, once) and ``columns``, one list
    per field of the rows, entities and sources given by their place in those lists, the
    years as runs of ``[year, rows]``.
    """
    from aiindex._model.records import USER_TABLE

    publication = USER_TABLE if user_table else PUBLICATION.format(edition=record.edition)
    seen: set[tuple[str, int]] = set()
    entities: dict[str, int] = {}
    sources: dict[tuple[tuple[str, ...], str | None], int] = {}
    columns: dict[str, list[Any]] = {
        name: [] for name in ("entity", "year", "magnitude", "printed", "source")
    }
    optional: dict[str, list[Any]] = {name: [] for name in OPTIONAL_COLUMNS}
    for i, rec in enumerate(record.observations):
        where = f"observations[{i}] (entity {rec.entity!r}, {rec.year})"
        key = (rec.entity, rec.year)
        if key in seen:
            raise DataError(f"{where}: a second value for the same entity and year", path=path)
        seen.add(key)
        if not rec.sources:
            raise DataError(f"{where}: no source; every value needs one", path=path)
        if rec.stated_rank is not None and rec.stated_rank < 1:
            raise DataError(f"{where}: stated_rank must be 1 or more", path=path)
        if rec.entity not in entities:
            try:
                known(rec.entity)
            except KeyError:
                raise DataError(f"{where}: unknown entity id {rec.entity!r}", path=path) from None
        printed_unit = rec.unit or record.unit
        value = decimal_value(rec.value, where=where, path=path)
        magnitude = scaled(value, printed_unit, record.unit, where=where, path=path)
        columns["entity"].append(entities.setdefault(rec.entity, len(entities)))
        columns["year"].append(rec.year)
        columns["magnitude"].append(magnitude)
        columns["printed"].append(rec.value)
        columns["source"].append(
            sources.setdefault((rec.sources, rec.figure or None), len(sources))
        )
        for name, row_value in (
            ("printed_unit", None if printed_unit == record.unit else printed_unit),
            ("stated_rank", rec.stated_rank),
            ("note", rec.note),
            ("period", rec.period),
            ("outside_chart", rec.outside_chart),
            ("price_basis", rec.price_basis or None),
            ("disputed", rec.disputed),
        ):
            optional[name].append(row_value)
    for name, default in OPTIONAL_COLUMNS.items():
        if any(v != default for v in optional[name]):
            columns[name] = optional[name]
    # Years as runs, [year, rows]: a table lists a year's rows together, so a few runs stand
    # for thousands of rows, and the parser makes a few numbers instead of one a row.
    columns["year"] = [[y, len(list(rows))] for y, rows in groupby(columns["year"])]
    coverage = []
    for c in record.coverage:
        cutoff = None
        if c.complete_down_to is not None:
            where = f"coverage (year {c.year})"
            cutoff = float(decimal_value(c.complete_down_to, where=where, path=path))
        coverage.append([c.year, c.kind, cutoff, c.note])
    return {
        "id": record.id,
        "edition": None if user_table else record.edition,
        "publication": publication,
        "title": record.title,
        "title_ko": record.title_ko,
        "unit": record.unit,
        "unit_label": record.unit_label,
        "unit_label_ko": record.unit_label_ko,
        "entity_kind": record.entity_kind,
        "descending": record.descending,
        "section": record.section,
        "figure": record.figure,
        "price_basis": record.price_basis,
        "definition": record.definition or record.id,
        "notes": list(record.notes),
        "coverage": coverage,
        "entities": list(entities),
        "sources": [[list(locators), figure] for locators, figure in sources],
        "columns": columns,
    }


def build(data: Mapping[str, Any], *, path: str, entity: Callable[[str], Entity]) -> Indicator:
    """The `Indicator` of a table in the columnar form (``table``'s, or a compiled file's).

    Nothing is checked but the entity ids: the form was validated when it was made.
    """
    from aiindex._model.indicator import Columns, Indicator
    from aiindex._model.records import Coverage, Source
    from aiindex.exceptions import UnknownEntityError

    entities = []
    for entity_id in data["entities"]:
        try:
            entities.append(entity(entity_id))
        except (KeyError, UnknownEntityError):
            raise DataError(f"unknown entity id {entity_id!r}", path=path) from None
    publication, edition, section = data["publication"], data["edition"], data["section"]
    cols = data["columns"]
    columns = Columns(
        entities,
        cols["entity"],
        list(chain.from_iterable(map(repeat, *zip(*cols["year"], strict=True))))
        if cols["year"]
        else [],
        cols["magnitude"],
        cols["printed"],
        cols["source"],
        unit=data["unit"],
        publication=publication,
        edition=edition,
        section=section,
        sources=data["sources"],
        figure=data["figure"],
        price_basis=data["price_basis"],
        printed_unit=cols.get("printed_unit"),
        stated_rank=cols.get("stated_rank"),
        note=cols.get("note"),
        period=cols.get("period"),
        outside_chart=cols.get("outside_chart"),
        row_price_basis=cols.get("price_basis"),
        disputed=cols.get("disputed"),
        distinct_keys=True,
    )
    return Indicator(
        id=data["id"],
        title=data["title"],
        edition=edition,
        unit=data["unit"],
        unit_label=data["unit_label"],
        entity_kind=data["entity_kind"],
        descending=data["descending"],
        source=Source(publication, edition, section, (), data["figure"]),
        coverage=tuple(
            Coverage(y, kind, cutoff, note) for y, kind, cutoff, note in data["coverage"]
        ),
        notes=tuple(data["notes"]),
        title_ko=data["title_ko"],
        unit_label_ko=data["unit_label_ko"],
        price_basis=data["price_basis"],
        definition=data["definition"],
        columns=columns,
    )


def assemble(
    record: IndicatorFile,
    *,
    path: str,
    entities: Mapping[str, Entity] | None = None,
    user_table: bool = False,
) -> Indicator:
    """Turn a structured file into an `Indicator`, checking what types cannot.

    ``entities`` maps the ids a user's table introduced; a user table has no edition.
    """
    from aiindex._reference.entities import by_id

    lookup = entities.__getitem__ if entities is not None else by_id
    data = table(record, path=path, known=lookup, user_table=user_table)
    return build(data, path=path, entity=lookup)
