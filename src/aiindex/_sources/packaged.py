"""Reading the packaged data: one JSON file per indicator and edition under ``data/<edition>/``.

Each file is parsed and structured on first use and cached, so repeated calls return the
identical object. Values are turned into floats in the indicator's unit through Decimal, so a
value printed at another scale ("362" million in a billions table) is exact.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from aiindex.exceptions import DataError, UnknownEditionError, UnknownIndicatorError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity
    from aiindex._sources.schema import IndicatorFile

from aiindex._io.files import data_dir, read_json

__all__ = ["catalogue", "editions", "indicator_ids", "load"]

PUBLICATION = "Stanford HAI, AI Index Report {edition}"


@functools.cache
def catalogue() -> dict[int, tuple[str, ...]]:
    """Indicator ids by edition, from the file names alone (nothing is parsed)."""
    out: dict[int, tuple[str, ...]] = {}
    for child in data_dir().iterdir():
        if child.is_dir() and child.name.isdigit():
            ids = sorted(f.name[:-5] for f in child.iterdir() if f.name.endswith(".json"))
            out[int(child.name)] = tuple(ids)
    return dict(sorted(out.items()))


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


@functools.cache
def _load(indicator_id: str, edition: int) -> Indicator:
    from aiindex._io.structure import structure
    from aiindex._sources.schema import IndicatorFile

    path, raw = read_json(f"{edition}/{indicator_id}.json")
    record = structure(raw, IndicatorFile, path=path)
    if record.id != indicator_id or record.edition != edition:
        raise DataError(
            f"file declares id {record.id!r}, edition {record.edition}; its name says "
            f"{indicator_id!r}, {edition}",
            path=path,
        )
    return assemble(record, path=path)


def decimal_value(text: str, *, where: str, path: str) -> Decimal:
    """A printed number as an exact Decimal; DataError naming the record if it is not one."""
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise DataError(f"{where}: value {text!r} is not a number", path=path) from None
    if not value.is_finite():
        raise DataError(f"{where}: value {text!r} is not a finite number", path=path)
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
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Coverage, Observation, Source
    from aiindex._reference.entities import by_id

    publication = "user table" if user_table else PUBLICATION.format(edition=record.edition)
    edition = None if user_table else record.edition
    seen: set[tuple[str, int]] = set()
    observations = []
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
        try:
            entity = entities[rec.entity] if entities is not None else by_id(rec.entity)
        except KeyError:
            raise DataError(f"{where}: unknown entity id {rec.entity!r}", path=path) from None
        printed_unit = rec.unit or record.unit
        value = decimal_value(rec.value, where=where, path=path)
        observations.append(
            Observation(
                entity=entity,
                year=rec.year,
                magnitude=scaled(value, printed_unit, record.unit, where=where, path=path),
                unit=record.unit,
                printed=rec.value,
                printed_unit=printed_unit,
                source=Source(
                    publication, edition, record.section, rec.sources, rec.figure or record.figure
                ),
                stated_rank=rec.stated_rank,
                note=rec.note,
                period=rec.period,
                outside_chart=rec.outside_chart,
                price_basis=rec.price_basis or record.price_basis,
            )
        )
    coverage = []
    for c in record.coverage:
        cutoff = None
        if c.complete_down_to is not None:
            where = f"coverage (year {c.year})"
            cutoff = float(decimal_value(c.complete_down_to, where=where, path=path))
        coverage.append(Coverage(c.year, c.kind, cutoff, c.note))
    return Indicator(
        id=record.id,
        title=record.title,
        edition=edition,
        unit=record.unit,
        unit_label=record.unit_label,
        entity_kind=record.entity_kind,
        descending=record.descending,
        source=Source(publication, edition, record.section, (), record.figure),
        observations=tuple(observations),
        coverage=tuple(coverage),
        notes=record.notes,
        title_ko=record.title_ko,
        unit_label_ko=record.unit_label_ko,
        price_basis=record.price_basis,
        definition=record.definition or record.id,
    )
