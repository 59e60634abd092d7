"""The records aiindex hands out: frozen attrs classes, cheap to build, with no pint inside.

Values are kept as plain floats in their indicator's unit; the pint ``Quantity`` users see is
built on access (``.value``), so that listing or ranking a table never pays for importing pint.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

import attrs

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pint

    from aiindex._model.indicator import Indicator

    # Row numbers or ranks: a list, or a numpy array until a row is looked at.
    _Ints = Sequence[int] | npt.NDArray[np.integer[Any]]

__all__ = [
    "Coverage",
    "Entity",
    "EntityKind",
    "Observation",
    "Profile",
    "ProfileRow",
    "Ranked",
    "Ranking",
    "Source",
]

#: "subdivision": a state or province of a country (ISO 3166-2, "US-CA"), named only within
#: the tables of its country's subdivisions: "CA" is California there and Canada elsewhere.
EntityKind = Literal["country", "group", "organization", "model", "baseline", "subdivision"]
ENTITY_KINDS: tuple[EntityKind, ...] = (
    "country",
    "group",
    "organization",
    "model",
    "baseline",
    "subdivision",
)
CoverageKind = Literal["complete", "top", "selection"]
#: The publication of a table a user read (`aiindex.read_csv`), which is no AI Index edition.
USER_TABLE = "user table"


@attrs.frozen
class Source:
    """Where a figure comes from: the report edition, its section, and where it was read.

    >>> src = aiindex.indicator("private_investment", edition=2024).source
    >>> (src.edition, src.section)
    (2024, 'Chapter 4.3 Investment')
    """

    publication: str
    edition: int | None
    section: str
    locators: tuple[str, ...] = ()
    figure: str | None = None

    def __str__(self) -> str:
        fig = f", {self.figure}" if self.figure else ""
        return f"{self.publication}, {self.section}{fig}"


@attrs.frozen
class Entity:
    """A country, group, organization, model, human baseline or subdivision (a US state).

    ``id`` is the ISO 3166-1 alpha-3 code for countries, the ISO 3166-2 code for subdivisions
    ("US-CA") and a lowercase-hyphen slug otherwise.

    >>> kor = aiindex.entity("한국")
    >>> (kor.id, kor.kind, kor.name)
    ('KOR', 'country', 'South Korea')
    """

    id: str
    kind: EntityKind
    name: str
    name_ko: str | None = None

    def __str__(self) -> str:
        return self.name

    @property
    def names(self) -> tuple[str, ...]:
        """Every name and code this entity resolves from (pycountry's included, for countries).

        >>> "Korea, Rep." in aiindex.entity("KOR").names
        True
        """
        from aiindex._model.hooks import services

        return services().names_of(self)

    def display(self, lang: str = "en") -> str:
        """The name to show: the Korean press name with ``lang="ko"`` where there is one.

        >>> aiindex.entity("ARE").display("ko")
        '아랍에미리트'
        """
        if lang == "ko" and self.name_ko:
            return self.name_ko
        return self.name


@attrs.frozen
class Coverage:
    """How complete an indicator's table is for one data year.

    ``kind`` is ``"complete"`` (every entity the source reports), ``"top"`` (the top of a
    chart) or ``"selection"``. ``complete_down_to`` is the value (in the indicator's unit)
    down to which every entity is known to be present, so ranks computed at or above it hold.

    >>> cov = aiindex.indicator("ai_patents_per_capita", edition=2024).coverage_for(2022)
    >>> (cov.kind, cov.complete_down_to)
    ('top', 2.51)
    """

    year: int
    kind: CoverageKind
    complete_down_to: float | None = None
    note: str | None = None


@attrs.frozen
class Observation:
    """One value of an indicator: an entity, a data year, the value, and its source.

    ``magnitude`` is the value in the indicator's ``unit``; ``printed`` and ``printed_unit``
    keep it exactly as the source printed it (``"1.60"``, ``"362"`` with ``"million * USD"``).

    >>> obs = aiindex.indicator("ai_talent_migration", edition=2024).observation("CHE")
    >>> (obs.year, obs.printed, obs.stated_rank)
    (2023, '1.60', 2)
    """

    entity: Entity
    year: int
    magnitude: float
    unit: str
    printed: str
    printed_unit: str
    source: Source
    stated_rank: int | None = None
    note: str | None = None
    period: str | None = None
    outside_chart: bool = False
    price_basis: str | None = None
    disputed: bool = False

    @property
    def value(self) -> pint.Quantity[Any]:
        """The value as a pint quantity in the indicator's unit."""
        from aiindex._model.units import quantity

        return quantity(self.magnitude, self.unit)

    def cite(
        self, style: Literal["short", "long", "bibtex"] = "short", lang: Literal["en", "ko"] = "en"
    ) -> str:
        """How to credit this value, with where it was read (``long``) or as BibTeX."""
        from aiindex._model.hooks import services

        return services().cite(self, style, lang)


@attrs.frozen
class Ranked:
    """One row of a ranking: the rank the table supports (or None), the entity, its value.

    >>> top = aiindex.indicator("ai_patents_per_capita", edition=2024).ranking()[0]
    >>> (top.rank, top.entity.id, top.magnitude)
    (1, 'KOR', 10.26)
    """

    rank: int | None
    observation: Observation

    @property
    def entity(self) -> Entity:
        return self.observation.entity

    @property
    def magnitude(self) -> float:
        return self.observation.magnitude

    @property
    def value(self) -> pint.Quantity[Any]:
        return self.observation.value


class Ranking(Sequence[Ranked]):
    """An indicator's ranking for one year, best first: an immutable sequence of `Ranked`.

    It behaves like a tuple (indexing, slicing, iteration, ``len``, ``==``); the rows are made
    on access, so ranking a large table costs the ranking and not 10^5 small objects.

    >>> r = aiindex.indicator("ai_talent_concentration", edition=2024).ranking()
    >>> [(x.rank, x.entity.id) for x in r[:3]]
    [(1, 'ISR'), (2, 'SGP'), (3, 'KOR')]
    """

    __slots__ = ("_ranks", "_rows", "indicator", "year")

    def __init__(self, indicator: Indicator, year: int, rows: _Ints, ranks: _Ints) -> None:
        # ``rows`` are row numbers of the indicator's table, best first; ``ranks`` the rank of
        # each, 0 where the table supports none. Either may be a numpy array, turned into a
        # list (of Python ints) only when a row is looked at.
        self.indicator = indicator
        self.year = year
        self._rows = rows
        self._ranks = ranks

    def _lists(self) -> tuple[list[int], list[int]]:
        rows, ranks = self._rows, self._ranks
        if not isinstance(rows, list) or not isinstance(ranks, list):
            rows = self._rows = _as_list(rows)
            ranks = self._ranks = _as_list(ranks)
        return rows, ranks

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Ranked: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Ranked, ...]: ...
    def __getitem__(self, index: int | slice) -> Ranked | tuple[Ranked, ...]:
        rows, ranks = self._lists()
        made = self.indicator._observation_at
        if isinstance(index, slice):
            return tuple(
                Ranked(r or None, made(i)) for r, i in zip(ranks[index], rows[index], strict=True)
            )
        return Ranked(ranks[index] or None, made(rows[index]))

    def __iter__(self) -> Iterator[Ranked]:
        rows, ranks = self._lists()
        made = self.indicator._observation_at
        for r, i in zip(ranks, rows, strict=True):
            yield Ranked(r or None, made(i))

    @property
    def ranks(self) -> tuple[int | None, ...]:
        """The ranks alone, in row order."""
        return tuple(r or None for r in self._lists()[1])

    def _position(self, row: int) -> int | None:
        """Where the table's row ``row`` stands in this ranking (None: not in it)."""
        try:
            return self._lists()[0].index(row)
        except ValueError:
            return None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Ranking):
            return tuple(self) == tuple(other)
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<Ranking {self.indicator.id} {self.year}: {len(self)} rows>"

    def __str__(self) -> str:
        from aiindex._model.hooks import services

        return services().text(self)

    def _repr_html_(self) -> str:
        from aiindex._model.hooks import services

        return services().html(self)


def _as_list(values: _Ints) -> list[int]:
    # numpy arrays turn into lists of Python ints through .tolist(), far faster than list().
    if isinstance(values, list):
        return values
    tolist = getattr(values, "tolist", None)
    return tolist() if tolist is not None else list(values)


@attrs.frozen
class ProfileRow:
    """An entity's standing on one indicator: its value, rank, the leader and the gap to it.

    ``rank`` is None where the table cannot establish it; ``leader`` is None where it cannot
    establish who is first. ``gap_to_leader`` is ``value - leader's value`` (so it is
    negative when behind on a table where more is better).
    """

    indicator: Indicator
    observation: Observation
    rank: int | None
    leader: Observation | None

    @property
    def value(self) -> pint.Quantity[Any]:
        return self.observation.value

    @property
    def year(self) -> int:
        return self.observation.year

    @property
    def gap_to_leader(self) -> pint.Quantity[Any] | None:
        if self.leader is None:
            return None
        from aiindex._model.units import quantity

        return quantity(self.gap_magnitude, self.observation.unit)

    @property
    def gap_magnitude(self) -> float | None:
        if self.leader is None:
            return None
        return _exact_difference(self.observation.magnitude, self.leader.magnitude)


def _exact_difference(a: float, b: float) -> float:
    # Through Decimal, so that 10.26 - 8.73 prints 1.53 rather than 1.5299999999999994.
    from decimal import Decimal

    return float(Decimal(repr(a)) - Decimal(repr(b)))


@attrs.frozen
class Profile:
    """An entity's standing on every indicator of an edition that has a value for it.

    >>> p = aiindex.profile("KOR", edition=2024)
    >>> row = p.row("ai_patents_per_capita")
    >>> (row.rank, row.leader is row.observation)
    (1, True)
    """

    entity: Entity
    edition: int
    rows: tuple[ProfileRow, ...]

    def row(self, indicator_id: str) -> ProfileRow:
        """The row of one indicator; `MissingValueError` if the entity has no value there."""
        for row in self.rows:
            if row.indicator.id == indicator_id:
                return row
        from aiindex.exceptions import MissingValueError

        raise MissingValueError(
            f"{self.entity.name} ({self.entity.id}) has no value on {indicator_id!r} in the "
            f"{self.edition} edition; its profile covers: "
            + ", ".join(r.indicator.id for r in self.rows)
        )

    def __str__(self) -> str:
        from aiindex._model.hooks import services

        return services().text(self)

    def _repr_html_(self) -> str:
        from aiindex._model.hooks import services

        return services().html(self)
