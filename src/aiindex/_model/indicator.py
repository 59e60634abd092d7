"""`Indicator`: one table of one edition, with values, ranks, gaps, ratios and changes."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal

import attrs

from aiindex._model.hooks import services
from aiindex._model.names import normalize
from aiindex._model.rank import competition_ranks, within
from aiindex._model.records import (
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
)

if TYPE_CHECKING:
    import pandas as pd
    import pint
    from matplotlib.axes import Axes

__all__ = ["Indicator"]

_magnitude = attrgetter("magnitude")


def _entity_id(obs: Observation) -> str:
    return obs.entity.id


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


# Kinds that may appear in a table beside the ranked kind without being ranked: aggregates
# (World, EU + UK) and reference lines (the human-expert baseline).
_UNRANKED_KINDS: frozenset[str] = frozenset({"group", "baseline"})


@attrs.frozen
class _Index:
    by_key: dict[tuple[str, int], Observation]
    by_entity: dict[str, list[Observation]]
    by_year: dict[int, list[Observation]]
    entities: dict[str, Entity]
    # Per year, the ranked kind and the baselines, each ordered by entity id so that tied rows
    # come out in an order that never depends on the file.
    ranked: dict[int, list[Observation]]
    baselines: dict[int, list[Observation]]


@attrs.frozen(repr=False)
class Indicator:
    """One indicator of one AI Index edition: its observations, unit, coverage and source.

    >>> pat = aiindex.indicator("ai_patents_per_capita", edition=2024)
    >>> pat.value("KOR")
    <Quantity(10.26, 'patent / hundred_thousand / person')>
    >>> pat.rank("Luxembourg"), pat.rank("한국")
    (2, 1)
    >>> round(pat.gap("KOR", "LUX").magnitude, 2)
    1.53
    """

    id: str
    title: str
    edition: int | None
    unit: str
    unit_label: str
    entity_kind: EntityKind
    descending: bool
    source: Source
    observations: tuple[Observation, ...]
    coverage: tuple[Coverage, ...] = ()
    notes: tuple[str, ...] = ()
    title_ko: str | None = None
    unit_label_ko: str | None = None
    price_basis: str | None = None
    # What is measured, as a label: editions agree on it unless the definition changed
    # ("significant machine learning systems" became "notable models").
    definition: str | None = None
    _index: list[_Index] = attrs.field(factory=list, init=False, eq=False, hash=False)
    _rankings: dict[int, Ranking] = attrs.field(factory=dict, init=False, eq=False, hash=False)

    # -- lookups ---------------------------------------------------------------------------

    @property
    def _ix(self) -> _Index:
        if self._index:
            return self._index[0]
        ix = _Index({}, {}, {}, {}, {}, {})
        for obs in sorted(self.observations, key=_entity_id):
            ix.by_key[obs.entity.id, obs.year] = obs
            ix.by_entity.setdefault(obs.entity.id, []).append(obs)
            ix.by_year.setdefault(obs.year, []).append(obs)
            ix.entities[obs.entity.id] = obs.entity
            if obs.entity.kind == self.entity_kind:
                ix.ranked.setdefault(obs.year, []).append(obs)
            elif obs.entity.kind == "baseline":
                ix.baselines.setdefault(obs.year, []).append(obs)
        self._index.append(ix)
        return ix

    @property
    def years(self) -> tuple[int, ...]:
        """The data years that have at least one value, oldest first."""
        return tuple(sorted(self._ix.by_year))

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Every entity with a value, in file order."""
        return tuple(self._ix.entities.values())

    def _entity(self, entity: str | Entity) -> Entity:
        if isinstance(entity, Entity):
            return entity
        own = self._ix.entities.get(entity)
        if own is not None:
            return own
        # The table's own names first: a user's table may bring entities of its own, named
        # like something else ("ETH" the university in a table of organizations).
        key = normalize(entity)
        for candidate in self._ix.entities.values():
            if normalize(candidate.name) == key or normalize(candidate.id) == key:
                return candidate
        return services().resolve(entity)

    def _missing(self, entity: Entity, year: int | None) -> Exception:
        kinds = {e.kind for e in self._ix.entities.values()} | {self.entity_kind}
        if entity.kind not in kinds | _UNRANKED_KINDS:
            return EntityKindError(
                f"{entity.name} ({entity.id}) is {_a(entity.kind)}; {self.id!r} measures "
                f"{self.entity_kind} entities. `aiindex list` shows the indicators."
            )
        have = sorted(o.year for o in self._ix.by_entity.get(entity.id, ()))
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
        return "user table" if self.edition is None else f"{self.edition} edition"

    def _coverage_words(self, year: int | None) -> str:
        years = [year] if year is not None else list(self.years)
        kinds = {self.coverage_for(y).kind for y in years} or {"selection"}
        return " / ".join(sorted(kinds))

    def observation(self, entity: str | Entity, year: int | None = None) -> Observation:
        """The observation of ``entity`` in ``year`` (None: the latest year it has a value).

        >>> obs = aiindex.indicator("private_investment", edition=2024).observation("China")
        >>> (obs.printed, obs.note.startswith("DISPUTED"))
        ('7.76', True)
        """
        e = self._entity(entity)
        if year is None:
            series = self._ix.by_entity.get(e.id)
            if not series:
                raise self._missing(e, None)
            return max(series, key=lambda o: o.year)
        self._check_year(year)
        obs = self._ix.by_key.get((e.id, year))
        if obs is None:
            raise self._missing(e, year)
        return obs

    def value(self, entity: str | Entity, year: int | None = None) -> pint.Quantity[Any]:
        """The value of ``entity`` as a quantity (None: the latest year it has a value).

        >>> aiindex.indicator("ai_talent_migration", edition=2024).value("KOR", 2020).magnitude
        0.3
        """
        return self.observation(entity, year).value

    def _check_year(self, year: int) -> None:
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be an int, not {year!r}")
        if year not in self._ix.by_year:
            raise MissingValueError(
                f"{self.id!r} ({self._edition_words}) has no data for {year}; years with data: "
                + ", ".join(map(str, self.years))
            )

    # -- ranks ------------------------------------------------------------------------------

    def coverage_for(self, year: int) -> Coverage:
        """How complete the table is for ``year`` (a selection unless the file says more)."""
        for c in self.coverage:
            if c.year == year:
                return c
        return Coverage(year, "selection", None, None)

    def _latest_year(self) -> int:
        if not self.observations:
            raise MissingValueError(f"{self.id!r} has no observations")
        return max(self._ix.by_year)

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
        cached = self._rankings.get(year)
        if cached is not None:
            return cached
        # Python's sort is stable in both directions, so ties keep the entity-id order.
        rows = sorted(self._ix.ranked.get(year, ()), key=_magnitude, reverse=self.descending)
        values = [o.magnitude for o in rows]
        ranks: list[int | None] = list(competition_ranks(values))
        cov = self.coverage_for(year)
        if cov.kind != "complete":
            cutoff = cov.complete_down_to
            for i, obs in enumerate(rows):
                if cutoff is None or not within(values[i], cutoff, descending=self.descending):
                    ranks[i] = obs.stated_rank
        baselines = self._ix.baselines.get(year)
        if baselines:
            pairs = sorted(
                [*zip(rows, ranks, strict=True), *((b, None) for b in baselines)],
                key=lambda pair: pair[0].magnitude,
                reverse=self.descending,
            )
            rows = [p[0] for p in pairs]
            ranks = [p[1] for p in pairs]
        result = Ranking(self, year, rows, ranks)
        self._rankings[year] = result
        return result

    def rank(self, entity: str | Entity, year: int | None = None) -> int:
        """The competition rank of ``entity`` (1, 2, 2, 4), in the indicator's direction.

        On a partial table the computed rank is returned only where every entity ranked above
        is known to be present; otherwise the rank the source states; otherwise
        `IncompleteRankingError`.

        >>> ind = aiindex.indicator("private_investment", edition=2024)
        >>> ind.rank("KOR"), ind.rank("India")
        (9, 9)
        """
        obs = self.observation(entity, year)
        if obs.entity.kind != self.entity_kind:
            raise EntityKindError(
                f"{obs.entity.name} is {_a(obs.entity.kind)}, not ranked among the "
                f"{self.entity_kind} entities of {self.id!r}; use .value() for it"
            )
        ranking = self.ranking(obs.year)
        for row_obs, rank in zip(ranking._obs, ranking._ranks, strict=True):
            if row_obs is obs:
                if rank is None:
                    raise IncompleteRankingError(self._why_unranked(obs))
                return rank
        raise AssertionError("an observation of the ranked kind is always in its ranking")

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
        for obs, rank in zip(ranking._obs, ranking._ranks, strict=True):
            if rank == 1:
                return obs
        return None

    # -- comparisons -----------------------------------------------------------------------

    def _pair(
        self, a: str | Entity, b: str | Entity, year: int | None
    ) -> tuple[Observation, Observation]:
        if year is not None:
            return self.observation(a, year), self.observation(b, year)
        ea, eb = self._entity(a), self._entity(b)
        years_a = {o.year for o in self._ix.by_entity.get(ea.id, ())}
        years_b = {o.year for o in self._ix.by_entity.get(eb.id, ())}
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
        return self._ix.by_key[ea.id, y], self._ix.by_key[eb.id, y]

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

        >>> aiindex.indicator("private_investment", edition=2024).cite()
        'Stanford HAI AI Index Report 2024, Chapter 4.3 Investment'
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
            f"<Indicator {self.id} ({self.edition} edition): {len(self.observations)} values, "
            f"{self.unit_label}>"
        )

    def __str__(self) -> str:
        return str(self.ranking())
