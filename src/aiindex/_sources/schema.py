"""The shape of the packaged data files, as attrs classes that cattrs structures.

These mirror the data files (JSON indicator tables, TOML entities) key for key
(``forbid_extra_keys`` catches typos). They are used where files are validated: by the build
(`aiindex._sources.compile`), for a user's tables and for the AI Index's public data; the
packaged data is read at run time from its compiled form, without them. See
``docs/data-format.md`` for the format in prose.
"""

from __future__ import annotations

import attrs

from aiindex._model.records import CoverageKind, EntityKind
from aiindex._reference.editions import Edition

__all__ = [
    "CoverageRecord",
    "EditionsFile",
    "EntitiesFile",
    "EntityRecord",
    "IndicatorFile",
    "ObservationRecord",
]


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
    # Whether the value is disputed (the source's own figure is contested); no file sets it yet.
    disputed: bool = False


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
    entities: tuple[EntityRecord, ...] = ()


@attrs.frozen
class EditionsFile:
    editions: tuple[Edition, ...]
