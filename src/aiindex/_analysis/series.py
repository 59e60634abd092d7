"""Editions side by side: revisions of one value, series across data years, and growth.

Editions revise each other (the 2025 edition's 2023 private investment is not the 2024
edition's), so every point here carries the edition it comes from, and nothing mixes editions,
or definitions, without being asked to.
"""

from __future__ import annotations

import math

import attrs

from aiindex._analysis.editions import definition, vintage_editions
from aiindex._analysis.editions import editions_having as _editions_having
from aiindex._model.records import Entity, Observation, _exact_difference
from aiindex._reference.entities import resolve
from aiindex._sources.packaged import load
from aiindex.exceptions import IncomparableError, MissingValueError

# Not `from typing import TYPE_CHECKING`: `aiindex compare` and `series` load this module, and
# typing costs each a few milliseconds.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Literal

    import pint

    from aiindex._model.indicator import Indicator

__all__ = ["Growth", "Revision", "growth", "revisions", "series"]


@attrs.frozen
class Revision:
    """One edition's value for an entity and data year.

    >>> r = aiindex.revisions("private_investment", "USA", 2023)[0]
    >>> (r.edition, r.observation.printed)
    (2024, '67.22')
    """

    edition: int
    observation: Observation
    definition: str

    @property
    def value(self) -> pint.Quantity[Any]:
        return self.observation.value

    @property
    def magnitude(self) -> float:
        return self.observation.magnitude


@attrs.frozen
class Growth:
    """The change of an entity's value between two data years.

    ``absolute`` is in the indicator's unit; ``relative`` is the fraction (0.5 is +50%), None
    from a zero start; ``cagr`` the compound annual growth rate, None where it is undefined (a
    zero-year span, or values that are not both positive).
    """

    indicator: str
    entity: Entity
    start: Observation
    end: Observation
    absolute: float
    relative: float | None
    cagr: float | None

    @property
    def absolute_quantity(self) -> pint.Quantity[Any]:
        from aiindex._model.units import quantity

        return quantity(self.absolute, self.end.unit)

    @property
    def editions(self) -> tuple[int | None, int | None]:
        return self.start.source.edition, self.end.source.edition


def _lookup(ind: Indicator, entity: Entity, year: int) -> Observation | None:
    return next((o for o in ind.observations_of(entity) if o.year == year), None)


def revisions(indicator_id: str, entity: str | Entity, year: int) -> tuple[Revision, ...]:
    """Every edition's value for ``entity`` and data ``year``, oldest edition first.

    Raises `MissingValueError` where no edition has that value.

    >>> [r.edition for r in aiindex.revisions("ai_patents_per_capita", "KOR", 2022)]
    [2024]
    """
    e = resolve(entity)
    out = []
    for edition in _editions_having(indicator_id):
        ind = load(indicator_id, edition)
        obs = _lookup(ind, e, year)
        if obs is not None:
            out.append(Revision(edition, obs, definition(ind)))
    if not out:
        raise MissingValueError(
            f"no edition has a {year} value of {indicator_id!r} for {e.name} ({e.id}); "
            f"editions with this indicator: {', '.join(map(str, _editions_having(indicator_id)))}"
        )
    return tuple(out)


def series(
    indicator_id: str, entity: str | Entity, *, vintage: int | Literal["latest"] = "latest"
) -> tuple[Observation, ...]:
    """One value per data year, oldest year first; every point carries its edition.

    ``vintage="latest"`` takes each year from the newest edition that has it, among the
    editions measuring the same thing as the newest one (a changed definition is not mixed
    in); ``vintage=2024`` uses that edition alone. Gaps stay gaps.

    >>> [(o.year, o.printed) for o in aiindex.series("ai_talent_migration", "KOR", vintage=2024)]
    [(2020, '0.3'), (2023, '-0.30')]
    """
    e = resolve(entity)
    chosen = vintage_editions(indicator_id, vintage)
    points: dict[int, Observation] = {}
    for edition in chosen:  # oldest first, so newer editions overwrite
        for obs in load(indicator_id, edition).observations_of(e):
            points[obs.year] = obs
    if not points:
        raise MissingValueError(
            f"{indicator_id!r} has no value for {e.name} ({e.id}) in edition(s) "
            + ", ".join(map(str, chosen))
        )
    return tuple(points[y] for y in sorted(points))


def growth(
    indicator_id: str,
    entity: str | Entity,
    start: int,
    end: int,
    *,
    vintage: int | Literal["latest"] = "latest",
    mixed_editions: bool = False,
) -> Growth:
    """Absolute and relative change, and compound annual growth, from ``start`` to ``end``.

    Both values come from `series`; if they come from different editions the call is refused
    (`IncomparableError`) unless ``mixed_editions=True``, because editions revise each other.

    >>> g = aiindex.growth("ai_talent_migration", "KOR", 2020, 2023, vintage=2024)
    >>> round(g.absolute, 2), g.editions
    (-0.6, (2024, 2024))
    """
    e = resolve(entity)
    points = {o.year: o for o in series(indicator_id, e, vintage=vintage)}
    missing = [y for y in (start, end) if y not in points]
    if missing:
        raise MissingValueError(
            f"{indicator_id!r} has no {' or '.join(map(str, missing))} value for {e.name}; "
            f"years with values: {', '.join(map(str, sorted(points)))}"
        )
    first, last = points[start], points[end]
    if first.source.edition != last.source.edition and not mixed_editions:
        raise IncomparableError(
            f"{e.name}'s {start} value of {indicator_id!r} comes from the "
            f"{first.source.edition} edition and its {end} value from the "
            f"{last.source.edition} edition, which revise each other; pass vintage=EDITION to "
            "use one edition, or mixed_editions=True to compare them anyway"
        )
    absolute = _exact_difference(last.magnitude, first.magnitude)
    relative: float | None
    if first.magnitude == 0:
        # From zero, only "no change" has a relative size.
        relative = 0.0 if absolute == 0 else None
    else:
        relative = absolute / first.magnitude
    years = end - start
    cagr: float | None = None
    if years != 0 and first.magnitude > 0 and last.magnitude > 0:
        cagr = math.pow(last.magnitude / first.magnitude, 1 / years) - 1
    return Growth(indicator_id, e, first, last, absolute, relative, cagr)
