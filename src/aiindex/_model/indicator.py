"""`Indicator`: one table of one edition, with values, ranks, gaps, ratios and changes.

An indicator holds its values as columns (`Columns`: entity, year, magnitude, printed text,
source ...), as the compiled data files and a user's CSV give them; the `Observation` records
users see are made from a row when it is first asked for, and kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from typing import TYPE_CHECKING, Any, Literal

import attrs

from aiindex._model.hooks import services
from aiindex._model.names import normalize
from aiindex._model.rank import YearRanks, competition_ranks, rank_years, within
from aiindex._model.records import (
    USER_TABLE,
    Coverage,
    Entity,
    EntityKind,
    Observation,
    Ranking,
    Source,
    _exact_difference,
)
from aiindex.exceptions import (
    EntityKindError,
    IncompleteRankingError,
    MissingValueError,
    UndefinedRatioError,
    UnknownEntityError,
)

if TYPE_CHECKING:
    import pandas as pd
    import pint
    from matplotlib.axes import Axes

__all__ = ["Columns", "Indicator"]


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


# Kinds that may appear in a table beside the ranked kind without being ranked: aggregates
# (World, EU + UK) and reference lines (the human-expert baseline).
_UNRANKED_KINDS: frozenset[str] = frozenset({"group", "baseline"})

# From this many rows a table is ranked with numpy, every year at once. Below it, ranking a
# year in Python is quicker than importing numpy; every packaged table is far below it.
_NUMPY_FROM = 20_000
# Ids looked up one by one before a table indexes them all.
_SCANS = 8


class Columns:
    """The observations of one table, column by column; rows become `Observation` on access.

    ``entity[i]`` is a position in ``entities``; ``source[i]`` a position in ``sources``
    (each a locator list and a figure, None for the table's ``figure``), or, negative, the
    row's line ``-source[i]`` in a user's file, whose locator is ``row_source`` + that line.
    The optional columns are None where every row has the default (None, or False), and a
    None in ``printed_unit`` or ``row_price_basis`` is the table's ``unit`` or
    ``price_basis``. ``distinct_keys`` says no two rows share an entity id and year (the
    loaders check it), which lets a large table be sorted faster.

    >>> cols = aiindex.indicator("private_investment", edition=2024)._columns
    >>> obs = cols.observation(0)
    >>> (obs.entity.id, obs.year, obs.magnitude) == (
    ...     cols.entities[cols.entity[0]].id, cols.year[0], cols.magnitude[0])
    True
    """

    __slots__ = (
        "_made",
        "_made_sources",
        "disputed",
        "distinct_keys",
        "edition",
        "entities",
        "entity",
        "figure",
        "magnitude",
        "note",
        "outside_chart",
        "period",
        "price_basis",
        "printed",
        "printed_unit",
        "publication",
        "row_price_basis",
        "row_source",
        "section",
        "source",
        "sources",
        "stated_rank",
        "unit",
        "year",
    )

    def __init__(
        self,
        entities: Sequence[Entity],
        entity: Sequence[int],
        year: Sequence[int],
        magnitude: Sequence[float],
        printed: Sequence[str],
        source: Sequence[int],
        *,
        unit: str,
        publication: str,
        edition: int | None,
        section: str,
        sources: Sequence[tuple[Sequence[str], str | None]] = (),
        figure: str | None = None,
        price_basis: str | None = None,
        row_source: str = "",
        printed_unit: Sequence[str | None] | None = None,
        stated_rank: Sequence[int | None] | None = None,
        note: Sequence[str | None] | None = None,
        period: Sequence[str | None] | None = None,
        outside_chart: Sequence[bool] | None = None,
        row_price_basis: Sequence[str | None] | None = None,
        disputed: Sequence[bool] | None = None,
        distinct_keys: bool = False,
    ) -> None:
        self.entities = tuple(entities)
        self.entity = entity
        self.year = year
        self.magnitude = magnitude
        self.printed = printed
        self.source = source
        self.unit = unit
        self.publication = publication
        self.edition = edition
        self.section = section
        self.sources = sources
        self.figure = figure
        self.price_basis = price_basis
        self.row_source = row_source
        self.printed_unit = printed_unit
        self.stated_rank = stated_rank
        self.note = note
        self.period = period
        self.outside_chart = outside_chart
        self.row_price_basis = row_price_basis
        self.disputed = disputed
        self.distinct_keys = distinct_keys
        self._made: list[Observation | None] | None = None
        self._made_sources: list[Source | None] | None = None

    @classmethod
    def from_observations(cls, observations: Iterable[Observation]) -> Columns:
        """The columns of records made elsewhere; the records themselves are kept as the rows.

        >>> ind = aiindex.indicator("ai_talent_migration", edition=2024)
        >>> Columns.from_observations(ind.observations).observations() == ind.observations
        True
        """
        made: list[Observation | None] = list(observations)
        rows = [o for o in made if o is not None]
        codes: dict[Entity, int] = {}
        entity = [codes.setdefault(o.entity, len(codes)) for o in rows]
        stated = [o.stated_rank for o in rows]
        cols = cls(
            tuple(codes),
            entity,
            [o.year for o in rows],
            [o.magnitude for o in rows],
            [o.printed for o in rows],
            [0] * len(rows),
            unit=rows[0].unit if rows else "",
            publication="",
            edition=None,
            section="",
            stated_rank=stated if any(s is not None for s in stated) else None,
        )
        cols._made = made
        return cols

    def __len__(self) -> int:
        return len(self.year)

    def observation(self, i: int) -> Observation:
        """Row ``i`` as an `Observation`, made once and kept (so ``is`` holds between calls)."""
        made = self._made
        if made is None:
            made = self._made = [None] * len(self.year)
        obs = made[i]
        if obs is None:
            obs = made[i] = self._make(i)
        return obs

    def observations(self) -> tuple[Observation, ...]:
        """Every row, in the table's order."""
        return tuple(map(self.observation, range(len(self.year))))

    def _source(self, k: int) -> Source:
        if k < 0:
            return Source(
                self.publication, self.edition, self.section, (f"{self.row_source}{-k}",), None
            )
        made = self._made_sources
        if made is None:
            made = self._made_sources = [None] * len(self.sources)
        src = made[k]
        if src is None:
            locators, figure = self.sources[k]
            src = made[k] = Source(
                self.publication,
                self.edition,
                self.section,
                tuple(locators),
                figure or self.figure,
            )
        return src

    def _make(self, i: int) -> Observation:
        printed_unit = self.printed_unit[i] if self.printed_unit is not None else None
        price_basis = self.row_price_basis[i] if self.row_price_basis is not None else None
        return Observation(
            entity=self.entities[self.entity[i]],
            year=self.year[i],
            magnitude=self.magnitude[i],
            unit=self.unit,
            printed=self.printed[i],
            printed_unit=printed_unit or self.unit,
            source=self._source(self.source[i]),
            stated_rank=self.stated_rank[i] if self.stated_rank is not None else None,
            note=self.note[i] if self.note is not None else None,
            period=self.period[i] if self.period is not None else None,
            outside_chart=self.outside_chart[i] if self.outside_chart is not None else False,
            price_basis=price_basis or self.price_basis,
            disputed=self.disputed[i] if self.disputed is not None else False,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Columns):
            return NotImplemented
        return self is other or self.observations() == other.observations()

    def __hash__(self) -> int:
        return hash(self.observations())

    def __repr__(self) -> str:
        return f"<Columns: {len(self)} rows>"


def _picked(values: Any, dtype: Any, picked: Any) -> Any:
    """``values`` as a numpy array of ``dtype``, only the ``picked`` rows (None: all)."""
    import numpy as np

    arr = np.asarray(values, dtype=dtype)
    return arr if picked is None else arr[picked]


class _Derived:
    """What an indicator works out from its columns on first need, and keeps."""

    __slots__ = (
        "baselines",
        "by_id",
        "groups",
        "numpy",
        "present",
        "rankings",
        "rows_of",
        "year_set",
        "years",
    )

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.years: tuple[int, ...] | None = None
        self.year_set: frozenset[int] | None = None
        # Entities that have a value, by id, sorted by id.
        self.present: dict[str, Entity] | None = None
        # Row numbers of each entity id, in row order: of a few ids, then of all.
        self.rows_of: dict[str, list[int]] = {}
        self.by_id: dict[str, list[int]] | None = None
        # Per year, the rows of the ranked kind and of baselines, each in entity-id order.
        self.groups: tuple[dict[int, list[int]], dict[int, list[int]]] | None = None
        self.numpy: YearRanks | None = None
        self.baselines: bool | None = None
        self.rankings: dict[int, Ranking] = {}


@attrs.frozen(repr=False, init=False)
class Indicator:
    """One indicator of one AI Index edition: its observations, unit, coverage and source.

    >>> pat = aiindex.indicator("ai_patents_per_capita", edition=2024)
    >>> pat.value("KOR")
    <Quantity(10.26, 'patent / hundred_thousand / person')>
    >>> pat.rank("Luxembourg"), pat.rank("한국")
    (2, 1)
    >>> round(pat.gap("KOR", "LUX").magnitude, 2)
    1.53

    An indicator of your own is made from `Observation` records (or with `aiindex.read_csv`);
    without a coverage that says the table is complete, a row has the rank its source states:

    >>> top = [row.observation for row in pat.ranking()[:3]]
    >>> mine = aiindex.Indicator("mine", "Mine", None, pat.unit, "per 100k", "country",
    ...                          True, pat.source, observations=top[::-1])
    >>> [(row.rank, row.entity.id, row.observation.stated_rank) for row in mine.ranking()]
    [(1, 'KOR', 1), (2, 'LUX', 2), (3, 'USA', 3)]
    """

    id: str
    title: str
    edition: int | None
    unit: str
    unit_label: str
    entity_kind: EntityKind
    descending: bool
    source: Source
    _columns: Columns
    coverage: tuple[Coverage, ...] = ()
    notes: tuple[str, ...] = ()
    title_ko: str | None = None
    unit_label_ko: str | None = None
    price_basis: str | None = None
    # What is measured, as a label: editions agree on it unless the definition changed
    # ("significant machine learning systems" became "notable models").
    definition: str | None = None
    _derived: _Derived = attrs.field(factory=_Derived, init=False, eq=False, hash=False)

    def __init__(
        self,
        id: str,
        title: str,
        edition: int | None,
        unit: str,
        unit_label: str,
        entity_kind: EntityKind,
        descending: bool,
        source: Source,
        observations: Iterable[Observation] | None = None,
        coverage: tuple[Coverage, ...] = (),
        notes: tuple[str, ...] = (),
        title_ko: str | None = None,
        unit_label_ko: str | None = None,
        price_basis: str | None = None,
        definition: str | None = None,
        *,
        columns: Columns | None = None,
    ) -> None:
        # `observations` wins over `columns`: attrs.evolve(ind, observations=...) passes both.
        if observations is not None:
            columns = Columns.from_observations(observations)
        elif columns is None:
            raise TypeError("an Indicator needs its observations (or columns)")
        self.__attrs_init__(
            id,
            title,
            edition,
            unit,
            unit_label,
            entity_kind,
            descending,
            source,
            columns,
            tuple(coverage),
            tuple(notes),
            title_ko,
            unit_label_ko,
            price_basis,
            definition,
        )

    @property
    def observations(self) -> tuple[Observation, ...]:
        """Every observation, in the table's order (made on first access, then kept)."""
        return self._columns.observations()

    def _observation_at(self, row: int) -> Observation:
        return self._columns.observation(row)

    # -- lookups ---------------------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        """The data years that have at least one value, oldest first."""
        d = self._derived
        if d.years is None:
            d.years = tuple(sorted(set(self._columns.year)))
        return d.years

    def _present(self) -> dict[str, Entity]:
        d = self._derived
        if d.present is None:
            cols = self._columns
            found: dict[str, Entity] = {}
            # Latest row first, so that where two records share an id the last row's wins.
            for code in dict.fromkeys(reversed(cols.entity)):
                e = cols.entities[code]
                found.setdefault(e.id, e)
            d.present = dict(sorted(found.items()))
        return d.present

    def _rows_of(self, entity_id: str) -> list[int]:
        """The row numbers of one entity id, in row order.

        The first few ids looked up are found by a C-level scan of the entity column each (a
        profile asks each table for one entity); after that, every id is indexed at once.
        """
        d = self._derived
        if d.by_id is not None:
            return d.by_id.get(entity_id, [])
        rows = d.rows_of.get(entity_id)
        if rows is not None:
            return rows
        if len(d.rows_of) >= _SCANS:
            d.by_id = self._index_by_id()
            return d.by_id.get(entity_id, [])
        cols = self._columns
        codes = [code for code, e in enumerate(cols.entities) if e.id == entity_id]
        if len(codes) == 1:
            rows = list(compress(range(len(cols.entity)), map(codes[0].__eq__, cols.entity)))
        else:
            wanted = set(codes)
            rows = [i for i, code in enumerate(cols.entity) if code in wanted]
        d.rows_of[entity_id] = rows
        return rows

    def _index_by_id(self) -> dict[str, list[int]]:
        cols = self._columns
        by_code: dict[int, list[int]] = {}
        for i, code in enumerate(cols.entity):
            rows = by_code.get(code)
            if rows is None:
                by_code[code] = [i]
            else:
                rows.append(i)
        by_id: dict[str, list[int]] = {}
        for code, rows in by_code.items():
            by_id.setdefault(cols.entities[code].id, []).extend(rows)
        for rows in by_id.values():
            rows.sort()
        return by_id

    def _years_of(self, entity_id: str) -> list[int]:
        year = self._columns.year
        return [year[i] for i in self._rows_of(entity_id)]

    def _row(self, entity_id: str, year: int) -> int | None:
        col = self._columns.year
        found = None
        for i in self._rows_of(entity_id):
            if col[i] == year:
                found = i
        return found

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Every entity with a value, ordered by id."""
        return tuple(self._present().values())

    def _entity(self, entity: str | Entity) -> Entity:
        if isinstance(entity, Entity):
            return entity
        present = self._present()
        own = present.get(entity)
        if own is not None:
            return own
        # The table's own names first: a user's table may bring entities of its own, named
        # like something else ("ETH" the university in a table of organizations).
        key = normalize(entity)
        for candidate in present.values():
            if normalize(candidate.name) == key or normalize(candidate.id) == key:
                return candidate
        # A subdivision's other names ("CA", "캘리포니아주") mean it only within its table, and
        # a state the table lacks ("Ohio", below a top chart's cut) is still that country's.
        state = None
        for candidate in present.values():
            if candidate.kind == "subdivision":
                state = candidate
                if key in {normalize(n) for n in services().names_of(candidate)}:
                    return candidate
        if state is not None:
            try:
                return services().resolve_subdivision(entity, state.id.partition("-")[0])
            except UnknownEntityError:
                pass  # not one of the country's subdivisions: a country, a group, a typo
        found = services().resolve(entity)
        if found.id not in present:
            # A generic name ("rest-of-world") finds the one entity of this table named alike:
            # the rest of the world is another area in each chart, with an id of its own.
            alike = [c for c in present.values() if c.name == found.name]
            if len(alike) == 1:
                return alike[0]
        return found

    def _missing(self, entity: Entity, year: int | None) -> Exception:
        kinds = {e.kind for e in self._present().values()} | {self.entity_kind}
        if entity.kind not in kinds | _UNRANKED_KINDS:
            return EntityKindError(
                f"{entity.name} ({entity.id}) is {_a(entity.kind)}; {self.id!r} measures "
                f"{self.entity_kind} entities. `aiindex list` shows the indicators."
            )
        have = sorted(self._years_of(entity.id))
        if not have:
            return MissingValueError(
                f"{self.id!r} ({self._edition_words}) has no value for {entity.name} "
                f"({entity.id}); the table is {self._coverage_words(year)}. A missing value is "
                "not zero."
            )
        return MissingValueError(
            f"{self.id!r} has no {year} value for {entity.name} ({entity.id}); it has "
            + ", ".join(map(str, have))
        )

    @property
    def _edition_words(self) -> str:
        return USER_TABLE if self.edition is None else f"{self.edition} edition"

    def _coverage_words(self, year: int | None) -> str:
        years = [year] if year is not None else list(self.years)
        kinds = {self.coverage_for(y).kind for y in years} or {"selection"}
        return " / ".join(sorted(kinds))

    def _row_of(self, entity: str | Entity, year: int | None) -> int:
        e = self._entity(entity)
        if year is None:
            rows = self._rows_of(e.id)
            if not rows:
                raise self._missing(e, None)
            return max(rows, key=self._columns.year.__getitem__)
        self._check_year(year)
        row = self._row(e.id, year)
        if row is None:
            raise self._missing(e, year)
        return row

    def observation(self, entity: str | Entity, year: int | None = None) -> Observation:
        """The observation of ``entity`` in ``year`` (None: the latest year it has a value).

        >>> obs = aiindex.indicator("private_investment", edition=2024).observation("China")
        >>> (obs.printed, obs.disputed)
        ('7.76', True)
        """
        return self._observation_at(self._row_of(entity, year))

    def observations_of(self, entity: str | Entity) -> tuple[Observation, ...]:
        """Every observation of ``entity``, oldest data year first; empty where it has none.

        >>> ind = aiindex.indicator("ai_talent_migration", edition=2024)
        >>> [(o.year, o.printed) for o in ind.observations_of("KOR")]
        [(2020, '0.3'), (2023, '-0.30')]
        """
        rows = self._rows_of(self._entity(entity).id)
        found = [self._observation_at(i) for i in rows]
        return tuple(sorted(found, key=lambda o: o.year))

    def value(self, entity: str | Entity, year: int | None = None) -> pint.Quantity[Any]:
        """The value of ``entity`` as a quantity (None: the latest year it has a value).

        >>> aiindex.indicator("ai_talent_migration", edition=2024).value("KOR", 2020).magnitude
        0.3
        """
        return self.observation(entity, year).value

    def _check_year(self, year: int) -> None:
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be an int, not {year!r}")
        if year not in self._year_set():
            raise MissingValueError(
                f"{self.id!r} ({self._edition_words}) has no data for {year}; years with data: "
                + ", ".join(map(str, self.years))
            )

    def _year_set(self) -> frozenset[int]:
        d = self._derived
        if d.year_set is None:
            d.year_set = frozenset(self.years)
        return d.year_set

    # -- ranks ------------------------------------------------------------------------------

    def coverage_for(self, year: int) -> Coverage:
        """How complete the table is for ``year`` (a selection unless the file says more)."""
        for c in self.coverage:
            if c.year == year:
                return c
        return Coverage(year, "selection", None, None)

    def _latest_year(self) -> int:
        if not len(self._columns):
            raise MissingValueError(f"{self.id!r} has no observations")
        return self.years[-1]

    def ranking(self, year: int | None = None) -> Ranking:
        """The table for ``year`` (None: the latest), best first, with the ranks it supports.

        Rows are the ranked kind plus baselines; aggregates (World, EU) are left out. A row's
        rank is None where the table is partial and the source states none.

        >>> ranking = aiindex.indicator("private_investment", edition=2024).ranking()
        >>> [(r.rank, r.entity.id) for r in ranking[7:10]]
        [(8, 'ISR'), (9, 'IND'), (9, 'KOR')]
        """
        if year is None:
            year = self._latest_year()
        self._check_year(year)
        rankings = self._derived.rankings
        cached = rankings.get(year)
        if cached is not None:
            return cached
        if len(self._columns) >= _NUMPY_FROM and not self._has_baselines():
            all_years = self._rank_years()
            start, end = all_years.bounds.get(year, (0, 0))
            result = Ranking(self, year, all_years.rows[start:end], all_years.ranks[start:end])
        else:
            result = Ranking(self, year, *self._rank_year(year))
        rankings[year] = result
        return result

    def _tie_keys(self) -> list[int]:
        """Per entity code, its id's place in id order: ties are listed in that order."""
        ids = [e.id for e in self._columns.entities]
        place = {entity_id: i for i, entity_id in enumerate(sorted(set(ids)))}
        return [place[entity_id] for entity_id in ids]

    def _has_baselines(self) -> bool:
        # Baselines are merged into a year's rows one by one, in Python; only packaged tables,
        # which are small, have them.
        d = self._derived
        if d.baselines is None:
            d.baselines = any(e.kind == "baseline" for e in self._columns.entities)
        return d.baselines

    def _groups(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        d = self._derived
        if d.groups is None:
            cols = self._columns
            tie = self._tie_keys()
            kinds = [e.kind for e in cols.entities]
            code, year = cols.entity, cols.year
            ranked: dict[int, list[int]] = {}
            baselines: dict[int, list[int]] = {}
            row_tie = list(map(tie.__getitem__, code))
            for i in sorted(range(len(code)), key=row_tie.__getitem__):
                kind = kinds[code[i]]
                if kind == self.entity_kind:
                    ranked.setdefault(year[i], []).append(i)
                elif kind == "baseline":
                    baselines.setdefault(year[i], []).append(i)
            d.groups = (ranked, baselines)
        return d.groups

    def _rank_year(self, year: int) -> tuple[list[int], list[int]]:
        """One year's rows best first and their ranks (0: none), in Python."""
        cols = self._columns
        magnitude = cols.magnitude
        ranked, baselines = self._groups()
        # Python's sort is stable in both directions, so ties keep the entity-id order.
        rows = sorted(ranked.get(year, ()), key=magnitude.__getitem__, reverse=self.descending)
        values = [magnitude[i] for i in rows]
        ranks = competition_ranks(values)
        cov = self.coverage_for(year)
        if cov.kind != "complete":
            cutoff = cov.complete_down_to
            stated = cols.stated_rank
            for k, i in enumerate(rows):
                if cutoff is None or not within(values[k], cutoff, descending=self.descending):
                    ranks[k] = (stated[i] if stated is not None else None) or 0
        lines = baselines.get(year)
        if lines:
            pairs = sorted(
                [*zip(rows, ranks, strict=True), *((b, 0) for b in lines)],
                key=lambda pair: magnitude[pair[0]],
                reverse=self.descending,
            )
            rows = [p[0] for p in pairs]
            ranks = [p[1] for p in pairs]
        return rows, ranks

    def _rank_years(self) -> YearRanks:
        """Every year ranked at once, with numpy (for large tables without baselines)."""
        d = self._derived
        if d.numpy is None:
            import numpy as np

            cols = self._columns
            code = np.asarray(cols.entity, dtype=np.intp)
            tie = np.asarray(self._tie_keys(), dtype=np.int64)
            ranked = np.array([e.kind == self.entity_kind for e in cols.entities], dtype=bool)
            mask = ranked[code]
            picked = None if bool(mask.all()) else np.flatnonzero(mask)
            complete: dict[int, float | None] = {}
            for c in self.coverage:
                if c.year not in complete:
                    cutoff = float("nan") if c.complete_down_to is None else c.complete_down_to
                    complete[c.year] = None if c.kind == "complete" else cutoff
            stated = None
            if cols.stated_rank is not None:
                stated = _picked([s or 0 for s in cols.stated_rank], np.int64, picked)
            result = rank_years(
                _picked(cols.year, np.int64, picked),
                _picked(cols.magnitude, np.float64, picked),
                tie[code] if picked is None else tie[code[picked]],
                stated,
                descending=self.descending,
                complete=complete,
                distinct_keys=cols.distinct_keys,
            )
            if picked is not None:
                result.rows = picked[result.rows]
            d.numpy = result
        return d.numpy

    def rank(self, entity: str | Entity, year: int | None = None) -> int:
        """The competition rank of ``entity`` (1, 2, 2, 4), in the indicator's direction.

        On a partial table the computed rank is returned only where every entity ranked above
        is known to be present; otherwise the rank the source states; otherwise
        `IncompleteRankingError`.

        >>> ind = aiindex.indicator("private_investment", edition=2024)
        >>> ind.rank("KOR"), ind.rank("India")
        (9, 9)
        """
        row = self._row_of(entity, year)
        obs = self._observation_at(row)
        if obs.entity.kind != self.entity_kind:
            raise EntityKindError(
                f"{obs.entity.name} is {_a(obs.entity.kind)}, not ranked among the "
                f"{self.entity_kind} entities of {self.id!r}; use .value() for it"
            )
        ranking = self.ranking(obs.year)
        position = ranking._position(row)
        if position is None:  # pragma: no cover - a row of the ranked kind is always ranked
            raise AssertionError("an observation of the ranked kind is always in its ranking")
        rank = ranking._lists()[1][position]
        if not rank:
            raise IncompleteRankingError(self._why_unranked(obs))
        return rank

    def _why_unranked(self, obs: Observation) -> str:
        cov = self.coverage_for(obs.year)
        if cov.complete_down_to is not None:
            reach = (
                f"holds every {self.entity_kind} only down to {cov.complete_down_to:g}"
                f" {self.unit_label}"
            )
        else:
            reach = f"is a {cov.kind} of {self.entity_kind} entities"
        return (
            f"cannot rank {obs.entity.name} on {self.id!r} in {obs.year}: the "
            f"{self._edition_words} table {reach}, {obs.entity.name}'s value "
            f"{obs.printed} is outside that, and the source states no rank. "
            f"Its value is known: use .value({obs.entity.id!r}, {obs.year})."
        )

    def leader(self, year: int | None = None) -> Observation | None:
        """The first-ranked observation, or None where the table cannot establish it."""
        ranking = self.ranking(year)
        rows, ranks = ranking._lists()
        for row, rank in zip(rows, ranks, strict=True):
            if rank == 1:
                return self._observation_at(row)
        return None

    # -- comparisons -----------------------------------------------------------------------

    def _pair(
        self, a: str | Entity, b: str | Entity, year: int | None
    ) -> tuple[Observation, Observation]:
        if year is not None:
            return self.observation(a, year), self.observation(b, year)
        ea, eb = self._entity(a), self._entity(b)
        years_a = set(self._years_of(ea.id))
        years_b = set(self._years_of(eb.id))
        common = years_a & years_b
        if not common:
            missing = ea if not years_a else eb if not years_b else None
            if missing is not None:
                raise self._missing(missing, None)
            raise MissingValueError(
                f"{ea.name} ({sorted(years_a)}) and {eb.name} ({sorted(years_b)}) have no year "
                f"in common on {self.id!r}; pass year= to compare one year"
            )
        y = max(common)
        row_a, row_b = self._row(ea.id, y), self._row(eb.id, y)
        assert row_a is not None and row_b is not None
        return self._observation_at(row_a), self._observation_at(row_b)

    def gap(self, a: str | Entity, b: str | Entity, year: int | None = None) -> pint.Quantity[Any]:
        """``value(a) - value(b)`` in the same year (None: the latest year both have).

        >>> ind = aiindex.indicator("private_investment", edition=2024)
        >>> ind.gap("USA", "CHN")
        <Quantity(59.46, 'billion * USD')>
        """
        from aiindex._model.units import quantity

        oa, ob = self._pair(a, b, year)
        return quantity(_exact_difference(oa.magnitude, ob.magnitude), self.unit)

    def ratio(self, a: str | Entity, b: str | Entity, year: int | None = None) -> float:
        """``value(a) / value(b)`` in the same year, a plain number.

        >>> round(aiindex.indicator("private_investment", edition=2024).ratio("USA", "CHN"), 2)
        8.66
        """
        oa, ob = self._pair(a, b, year)
        if ob.magnitude == 0:
            raise UndefinedRatioError(
                f"{oa.entity.name} / {ob.entity.name} on {self.id!r} is undefined: "
                f"{ob.entity.name}'s value is 0. Use .gap() instead."
            )
        return oa.magnitude / ob.magnitude

    def change(self, entity: str | Entity, start: int, end: int) -> pint.Quantity[Any]:
        """``value(entity, end) - value(entity, start)``.

        >>> aiindex.indicator("ai_talent_migration", edition=2024).change("KOR", 2020, 2023)
        <Quantity(-0.6, '1 / ten_thousand / person')>
        """
        from aiindex._model.units import quantity

        first = self.observation(entity, start)
        last = self.observation(entity, end)
        return quantity(_exact_difference(last.magnitude, first.magnitude), self.unit)

    # -- the ecosystem -------------------------------------------------------------------------

    def to_pandas(self, *, units: Literal["float", "pint"] = "float") -> pd.DataFrame:
        """A tidy frame, one row per observation (needs ``aiindex[pandas]``).

        >>> df = aiindex.indicator("private_investment", edition=2024).to_pandas()
        >>> df.loc[df.entity == "KOR", "value"].item()
        1.39
        """
        return services().to_pandas(self, units=units)

    def cite(
        self, style: Literal["short", "long", "bibtex"] = "short", lang: Literal["en", "ko"] = "en"
    ) -> str:
        """How to credit this table: ``short``, ``long`` (with license) or ``bibtex``.

        >>> aiindex.indicator("private_investment", edition=2026).observation("KOR").cite()
        'Quid; Stanford HAI, AI Index Report 2026, Chapter 4 Economy, fig. 4.2.8'
        """
        return services().cite(self, style, lang)

    def plot(
        self,
        *,
        year: int | None = None,
        highlight: str | None = "KOR",
        top: int | None = None,
        ax: Axes | None = None,
        lang: Literal["en", "ko"] = "en",
    ) -> Axes:
        """The ranking as a horizontal bar chart (needs ``aiindex[plot]``); returns the Axes."""
        return services().plot(self, year=year, highlight=highlight, top=top, ax=ax, lang=lang)

    def _repr_html_(self) -> str:
        return services().html(self)

    # -- display -----------------------------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"<Indicator {self.id} ({self.edition} edition): {len(self._columns)} values, "
            f"{self.unit_label}>"
        )

    def __str__(self) -> str:
        return str(self.ranking())
