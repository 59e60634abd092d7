"""The shape of the packaged data files, as attrs classes that cattrs structures.

These mirror the data files (JSON indicator tables, TOML entities) key for key
(``forbid_extra_keys`` catches typos); `_load` assembles them into the public records of
`_records` and `_indicator`. See ``docs/data-format.md`` for the format in prose.
"""

from __future__ import annotations

import attrs

from aiindex._model.records import CoverageKind, EntityKind

__all__ = ["CoverageRecord", "EntitiesFile", "EntityRecord", "IndicatorFile", "ObservationRecord"]


@attrs.frozen
class ObservationRecord:
    entity: str
    year: int
    value: str
    sources: tuple[str, ...]
    unit: str | None = None
    period: str | None = None
    stated_rank: int | None = None
    note: str | None = None
    outside_chart: bool = False
    price_basis: str | None = None
    figure: str | None = None


@attrs.frozen
class CoverageRecord:
    year: int
    kind: CoverageKind
    complete_down_to: str | None = None
    note: str | None = None


@attrs.frozen
class IndicatorFile:
    # Which build script wrote the file, from what; files are generated, never hand-edited.
    generated_by: str | None = attrs.field(default=None, kw_only=True)
    id: str
    edition: int
    title: str
    unit: str
    unit_label: str
    entity_kind: EntityKind
    descending: bool
    section: str
    observations: tuple[ObservationRecord, ...]
    title_ko: str | None = None
    unit_label_ko: str | None = None
    price_basis: str | None = None
    figure: str | None = None
    notes: tuple[str, ...] = ()
    coverage: tuple[CoverageRecord, ...] = ()
    definition: str | None = None


@attrs.frozen
class EntityRecord:
    id: str
    kind: EntityKind
    name: str
    name_ko: str | None = None
    names: tuple[str, ...] = ()
    note: str | None = None


@attrs.frozen
class EntitiesFile:
    entities: tuple[EntityRecord, ...]
