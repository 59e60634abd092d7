"""`compare`: entities side by side over the data years, as the AI Index's own line charts.

Each cell is one entity's value in one data year, taken from the newest edition that has it
among the editions measuring the same thing as the newest one (a changed definition is not
mixed in), so a cell always says which edition it comes from.
"""

from __future__ import annotations

import attrs

from aiindex._analysis.editions import editions_having, vintage_editions
from aiindex._model.records import Entity, Observation
from aiindex._reference.entities import resolve
from aiindex._sources.packaged import load
from aiindex.exceptions import MissingValueError

# Not `from typing import TYPE_CHECKING`: a cold `aiindex compare` would pay for typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Literal

    from aiindex._model.indicator import Indicator

__all__ = ["Comparison", "compare"]


@attrs.frozen
class Comparison:
    """Entities by data year on one indicator: each cell the observation shown, or None.

    ``indicator`` is the newest edition's table (its title and unit); ``editions`` the
    editions the cells come from, newest first; ``left_out`` the editions of the indicator
    that measure something else (another definition) and were not mixed in.

    >>> c = aiindex.compare("private_investment", ["KOR", "USA"])
    >>> c.cell("USA", 2023).source.edition, c.cell("USA", 2025).printed
    (2026, '285.875311074')
    >>> c.cell("KOR", 2016) is None
    True
    """

    indicator: Indicator
    entities: tuple[Entity, ...]
    years: tuple[int, ...]
    editions: tuple[int, ...]
    left_out: tuple[int, ...]
    _cells: dict[tuple[str, int], Observation] = attrs.field(repr=False)

    def cell(self, entity: str | Entity, year: int) -> Observation | None:
        """The value of ``entity`` in ``year``, or None where no edition has it."""
        return self._cells.get((resolve(entity).id, year))

    @property
    def cells(self) -> tuple[tuple[Entity, int, Observation | None], ...]:
        """Every cell, entity by entity, oldest year first."""
        return tuple((e, y, self._cells.get((e.id, y))) for e in self.entities for y in self.years)

    def __str__(self) -> str:
        from aiindex._model.hooks import services

        return services().text(self)  # type: ignore[arg-type]


def compare(
    indicator_id: str,
    entities: Iterable[str | Entity],
    *,
    vintage: int | Literal["latest"] = "latest",
    years: Iterable[int] | None = None,
) -> Comparison:
    """``entities`` side by side on ``indicator_id``, one cell per data year.

    ``vintage="latest"`` takes each cell from the newest edition that has it, among those
    with the newest edition's definition; ``vintage=2024`` uses that edition alone. ``years``
    keeps those data years only. A missing value stays a gap; `MissingValueError` where no
    entity has any value.

    >>> c = aiindex.compare("private_investment", ["KOR", "JPN"], years=[2023, 2024, 2025])
    >>> [(e.id, y, o.printed if o else None) for e, y, o in c.cells][:3]
    [('KOR', 2023, '1.39'), ('KOR', 2024, '1.326995968'), ('KOR', 2025, '1.775383542')]
    """
    if isinstance(entities, str | Entity):
        entities = [entities]
    chosen_entities = tuple(dict.fromkeys(resolve(e) for e in entities))
    if not chosen_entities:
        raise ValueError("compare() needs at least one entity")
    having = editions_having(indicator_id)
    chosen = vintage_editions(indicator_id, vintage)
    wanted = None if years is None else frozenset(years)
    cells: dict[tuple[str, int], Observation] = {}
    for edition in chosen:  # oldest first: newer editions overwrite
        ind = load(indicator_id, edition)
        for e in chosen_entities:
            for obs in ind.observations_of(e):
                if wanted is None or obs.year in wanted:
                    cells[(e.id, obs.year)] = obs
    if not cells:
        names = ", ".join(f"{e.name} ({e.id})" for e in chosen_entities)
        raise MissingValueError(
            f"{indicator_id!r} has no value for {names} in edition(s) "
            + ", ".join(map(str, chosen))
        )
    used = sorted({o.source.edition for o in cells.values() if o.source.edition}, reverse=True)
    return Comparison(
        load(indicator_id, chosen[-1]),
        chosen_entities,
        tuple(sorted({y for _, y in cells})),
        tuple(used),
        tuple(e for e in having if e not in chosen),
        cells,
    )
