"""`composite`: a weighted country ranking over many indicators, and how stable it is.

The steps are those the OECD/JRC *Handbook on Constructing Composite Indicators* (2008) names:
each indicator is oriented by its direction (lower-is-better tables are flipped), missing
values are refused, skipped (the country's weights renormalised over the indicators it has)
or imputed, the values are normalised (min-max, z-score or rank) over the countries ranked,
then aggregated with the weights (arithmetic or geometric mean), and `Composite.uncertainty`
ranks again under random weights and every normalisation.

Countries only: a table's aggregates (World, Europe, "Rest of the world") are left out.

The arithmetic (numpy, imported on first call) is one set of array functions used both by
`composite` (one weight vector) and by `uncertainty` (a thousand at once), so a draw's ranks
are exactly those `composite` gives for its weights.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

from aiindex._model.hooks import services
from aiindex._model.indicator import Indicator
from aiindex._model.records import Coverage, Entity
from aiindex._reference.entities import resolve
from aiindex._sources.packaged import load
from aiindex._sources.weights import check_weight, pillar_records
from aiindex.exceptions import EntityKindError, IncomparableError, MissingValueError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd
    from matplotlib.axes import Axes

    _Array = npt.NDArray[np.float64]
    _Mask = npt.NDArray[np.bool_]

__all__ = [
    "AGGREGATIONS",
    "CONCENTRATION",
    "GEOMETRIC_OFFSET",
    "IMPUTATIONS",
    "MISSING",
    "NORMALIZATIONS",
    "TIE",
    "Composite",
    "CompositePart",
    "CompositeRow",
    "Uncertainty",
    "UncertaintyRow",
    "composite",
]

Normalization = Literal["minmax", "zscore", "rank"]
Aggregation = Literal["arithmetic", "geometric"]
MissingPolicy = Literal["refuse", "skip", "impute"]
Imputation = Literal["worst", "median"]

NORMALIZATIONS: tuple[Normalization, ...] = ("minmax", "zscore", "rank")
AGGREGATIONS: tuple[Aggregation, ...] = ("arithmetic", "geometric")
MISSING: tuple[MissingPolicy, ...] = ("refuse", "skip", "impute")
IMPUTATIONS: tuple[Imputation, ...] = ("worst", "median")

#: Geometric aggregation needs strictly positive values; each normalised indicator is shifted
#: so that its worst country sits at this value (the best at ``offset + 1`` for min-max).
GEOMETRIC_OFFSET = 0.1
#: The Dirichlet concentration of `Composite.uncertainty`: draws ``Dirichlet(c * w)`` have
#: mean ``w`` and variance ``w (1 - w) / (c + 1)``.
CONCENTRATION = 100.0
#: Scores closer than this share a rank: floating-point noise is not a difference.
TIE = 1e-9
#: The most draws `Composite.uncertainty` makes: every draw's ranks and weights are kept, and
#: 100,000 draws of 30 countries take about a second and 250 MB.
MAX_DRAWS = 100_000

_NOT_SCALABLE = ("percent", "dimensionless")


def _choice(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{name}={value!r}: use " + ", ".join(map(repr, allowed)))


@attrs.frozen
class CompositePart:
    """One indicator as a composite uses it: its weight, pillar, data year and coverage.

    ``weight`` is the indicator's share of the total weight (the parts' weights sum to 1);
    ``fill`` the value imputed for the countries it lacks (in its unit; None unless imputed).

    >>> result = aiindex.composite(aiindex.pillars(), missing="impute")
    >>> part = result.parts[0]
    >>> part.indicator.id, part.pillar, round(part.weight, 4), part.year, part.coverage.kind
    ('notable_models_by_country_cumulative_2003_2025', 'research', 0.0556, 2025, 'complete')
    """

    indicator: Indicator
    weight: float
    pillar: str | None
    year: int
    coverage: Coverage
    fill: float | None = None

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def absolute(self) -> bool:
        """Whether the unit is an absolute count or amount (not per person, not a share).

        >>> [p.absolute for p in aiindex.composite({"private_investment": 1,
        ...     "ai_patents_per_capita": 1}, missing="skip").parts]
        [True, False]
        """
        unit = self.indicator.unit
        return "/" not in unit and unit not in _NOT_SCALABLE


@attrs.frozen
class CompositeRow:
    """One country of a composite ranking: its rank, score, and what makes the score.

    ``values`` are the country's values, one per part (in each indicator's unit; None where
    it has none); ``normalized`` the normalised values the score was made of (imputed ones
    included; None where skipped). ``contributions`` pairs each indicator id with its share
    of the score (None where skipped), ``pillar_contributions`` each pillar with the sum of
    its indicators'. With arithmetic aggregation the contributions sum to the score; with
    geometric aggregation to ``ln(score / offset)``, each indicator's ``w ln(g / offset)``
    (0 where the country is at the worst country's level). ``missing`` lists the indicators
    the country has no value on; ``imputed`` those of them that were filled.
    """

    entity: Entity
    rank: int
    score: float
    values: tuple[float | None, ...]
    normalized: tuple[float | None, ...]
    contributions: tuple[tuple[str, float | None], ...]
    pillar_contributions: tuple[tuple[str, float], ...]
    missing: tuple[str, ...]
    imputed: tuple[str, ...]

    def contribution(self, key: str) -> float:
        """The contribution of an indicator (by id) or a pillar (by name); 0 where skipped.

        >>> row = aiindex.composite(aiindex.pillars(), missing="impute").row("KOR")
        >>> round(sum(row.contribution(p) for p in aiindex.pillars()), 12) == round(row.score, 12)
        True
        """
        for name, value in (*self.contributions, *self.pillar_contributions):
            if name == key:
                return value or 0.0
        known = [n for n, _ in (*self.pillar_contributions, *self.contributions)]
        raise KeyError(f"{key!r} is no indicator or pillar of this composite; it has {known}")


@attrs.frozen
class Composite:
    """A composite country ranking: every country's score, rank and contributions.

    ``rows`` run best first (ties share a rank and are listed by country code). ``excluded``
    holds the countries left out because they have values for less than ``min_coverage`` of
    the weight, each with the share it has (``min_coverage`` is None where the countries were
    named). ``notes`` say what the reader must know: which
    tables are a selection of countries, what skipping or imputing did.

    >>> result = aiindex.composite(aiindex.pillars(), missing="impute")
    >>> [(r.rank, r.entity.id) for r in result.rows[:3]]
    [(1, 'USA'), (2, 'IND'), (3, 'SGP')]
    >>> result.rank("한국")
    6
    """

    parts: tuple[CompositePart, ...]
    rows: tuple[CompositeRow, ...]
    normalize: Normalization
    aggregation: Aggregation
    missing: MissingPolicy
    impute: Imputation
    offset: float
    min_coverage: float | None
    per_capita: bool
    excluded: tuple[tuple[Entity, float], ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def pillars(self) -> tuple[str, ...]:
        """The pillars' names, in the order the weights gave them (empty for flat weights)."""
        return tuple(dict.fromkeys(p.pillar for p in self.parts if p.pillar is not None))

    def pillar_weight(self, name: str) -> float:
        """A pillar's share of the total weight."""
        if name not in self.pillars:
            raise KeyError(f"{name!r} is no pillar of this composite; it has {self.pillars}")
        return sum(p.weight for p in self.parts if p.pillar == name)

    @property
    def editions(self) -> tuple[int | None, ...]:
        """The editions the indicators come from (None: a user's table), oldest first."""
        found = {p.indicator.edition for p in self.parts}
        return tuple(sorted(found, key=lambda e: (e is not None, e or 0)))

    def row(self, country: str | Entity) -> CompositeRow:
        """The row of one country, by name or code."""
        e = resolve(country) if not isinstance(country, Entity) else country
        for row in self.rows:
            if row.entity.id == e.id:
                return row
        left_out = next((share for x, share in self.excluded if x.id == e.id), None)
        if left_out is not None:
            raise MissingValueError(
                f"{e.name} is not ranked: it has values for {left_out:.0%} of the weight, less "
                f"than min_coverage={self.min_coverage}; pass countries=[...] to rank it"
            )
        raise MissingValueError(f"{e.name} is not among the countries of this composite")

    def rank(self, country: str | Entity) -> int:
        """The rank of one country (1 is best; tied countries share a rank)."""
        return self.row(country).rank

    def uncertainty(
        self,
        n: int = 1000,
        *,
        seed: int | None = None,
        concentration: float = CONCENTRATION,
        normalizations: Iterable[Normalization] = NORMALIZATIONS,
    ) -> Uncertainty:
        """Ranks under ``n`` random weightings, spread over ``normalizations``.

        Draw ``j`` takes weights from ``Dirichlet(concentration * w)`` around the composite's
        weights ``w`` (mean ``w``; a larger concentration stays closer) and the normalisation
        ``normalizations[j % len(normalizations)]``; missing values, aggregation and offset
        are the composite's. Per country: the median rank and the 5-95% interval of ranks
        (empirical quantiles, each a rank some draw gave). ``seed`` makes it reproducible.

        >>> result = aiindex.composite(aiindex.pillars(), missing="impute")
        >>> unc = result.uncertainty(1000, seed=1)
        >>> kor = unc.row("KOR")
        >>> kor.low <= kor.median <= kor.high
        True
        """
        return uncertainty(
            self, n, seed=seed, concentration=concentration, normalizations=normalizations
        )

    def to_pandas(self) -> pd.DataFrame:
        """One row per country and part: value, normalised value, contribution (``aiindex[pandas]``)."""  # noqa: E501
        return services().composite_frame(self)

    def plot(
        self,
        *,
        by: Literal["pillar", "indicator"] | None = None,
        top: int | None = None,
        highlight: str | None = "KOR",
        ax: Axes | None = None,
        lang: Literal["en", "ko"] = "en",
    ) -> Axes:
        """The ranking as stacked bars of contributions (``aiindex[plot]``); returns the Axes.

        ``by`` stacks pillars (the default where there are pillars) or indicators.
        """
        return services().composite_plot(
            self, by=by, top=top, highlight=highlight, ax=ax, lang=lang
        )

    def text(self, lang: Literal["en", "ko"] = "en") -> str:
        """The ranking as a text table, in English or Korean."""
        return services().composite_text(self, lang)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return (
            f"<Composite: {len(self.rows)} countries, {len(self.parts)} indicators, "
            f"{self.normalize}, {self.aggregation}, missing={self.missing}>"
        )


@attrs.frozen
class UncertaintyRow:
    """One country's ranks across the draws: the composite's rank, the median, the 5-95% interval."""  # noqa: E501

    entity: Entity
    rank: int
    median: int
    low: int
    high: int


@attrs.frozen
class Uncertainty:
    """How a composite's ranks move under random weights and other normalisations.

    ``rows`` follow the composite's order. ``weights`` holds each draw's weights (one per
    part), ``drawn`` each draw's normalisation and ``ranks`` each draw's ranks (one per
    composite row): the draws themselves, for a check or a chart of your own.
    """

    composite: Composite
    n: int
    seed: int | None
    concentration: float
    normalizations: tuple[Normalization, ...]
    rows: tuple[UncertaintyRow, ...]
    weights: tuple[tuple[float, ...], ...] = attrs.field(eq=False, repr=False)
    drawn: tuple[Normalization, ...] = attrs.field(eq=False, repr=False)
    ranks: tuple[tuple[int, ...], ...] = attrs.field(eq=False, repr=False)

    def row(self, country: str | Entity) -> UncertaintyRow:
        """The ranks of one country, by name or code."""
        wanted = self.composite.row(country).entity.id
        return next(r for r in self.rows if r.entity.id == wanted)

    def to_pandas(self) -> pd.DataFrame:
        """One row per country: rank, median rank, 5% and 95% ranks (``aiindex[pandas]``)."""
        return services().composite_frame(self)

    def plot(
        self,
        *,
        top: int | None = None,
        highlight: str | None = "KOR",
        ax: Axes | None = None,
        lang: Literal["en", "ko"] = "en",
    ) -> Axes:
        """Each country's 5-95% rank interval and median, composite order (``aiindex[plot]``)."""
        return services().composite_plot(
            self, by=None, top=top, highlight=highlight, ax=ax, lang=lang
        )

    def text(self, lang: Literal["en", "ko"] = "en") -> str:
        """The intervals as a text table, in English or Korean."""
        return services().composite_text(self, lang)

    def __str__(self) -> str:
        return self.text()


# -- building a composite ----------------------------------------------------------------------


def _label(key: object) -> str:
    return key.id if isinstance(key, Indicator) else str(key)


def _entries(weights: object) -> list[tuple[str | Indicator, str | None, float]]:
    """The weights mapping as (indicator, pillar, weight) triples, checked."""
    if not isinstance(weights, Mapping):
        raise TypeError(
            "weights must be a mapping of indicator ids to weights, or of pillar names to "
            f"such mappings (aiindex.pillars() is one), not {type(weights).__name__}"
        )
    if not weights:
        raise ValueError("weights is empty: give at least one indicator and its weight")
    out: list[tuple[str | Indicator, str | None, float]] = []
    for key, value in weights.items():
        if isinstance(value, Mapping):
            if not isinstance(key, str) or not key.strip():
                raise ValueError(f"a pillar's name must be non-empty text, not {key!r}")
            if not value:
                raise ValueError(f"pillar {key!r} has no indicators: give them with weights")
            for inner, w in value.items():
                if isinstance(w, Mapping):
                    raise ValueError(
                        f"{key}.{_label(inner)}: pillars do not nest; give a weight there"
                    )
                out.append((_key(inner), key, check_weight(w, f"{key}.{_label(inner)}")))
        else:
            out.append((_key(key), None, check_weight(value, _label(key))))
    return out


def _key(key: object) -> str | Indicator:
    if isinstance(key, Indicator | str):
        return key
    raise TypeError(f"weights are keyed by indicator id (or Indicator), not {key!r}")


def _parts(
    weights: object, edition: int | None, year: int | None
) -> list[tuple[Indicator, str | None, float, int]]:
    out = []
    seen: dict[tuple[str, int | None], str] = {}
    for key, pillar, weight in _entries(weights):
        ind = key if isinstance(key, Indicator) else load(key, edition)
        where = f"{pillar}.{ind.id}" if pillar else ind.id
        ident = (ind.id, ind.edition)
        if ident in seen:
            raise ValueError(
                f"{where}: {ind.id!r} already has a weight (at {seen[ident]}); give each "
                "indicator one weight"
            )
        seen[ident] = where
        if ind.entity_kind != "country":
            raise EntityKindError(
                f"{ind.id!r} ranks {ind.entity_kind} entities; a composite ranks countries"
            )
        if not ind.years:
            raise MissingValueError(f"{ind.id!r} has no values")
        if year is None:
            used = ind.years[-1]
        else:
            if isinstance(year, bool) or not isinstance(year, int):
                raise TypeError(f"year must be an int or None, not {year!r}")
            if year not in ind.years:
                raise MissingValueError(
                    f"{ind.id!r} ({_edition_words(ind)}) has no data for {year}; years with "
                    "data: " + ", ".join(map(str, ind.years)) + ". Pass year=None to use each "
                    "indicator's latest year"
                )
            used = year
        out.append((ind, pillar, weight, used))
    return out


def _edition_words(ind: Indicator) -> str:
    return f"{ind.edition} edition" if ind.edition is not None else "a user table"


def _country_values(ind: Indicator, year: int) -> dict[str, tuple[Entity, float]]:
    out = {}
    for r in ind.ranking(year):
        if r.entity.kind == "country":
            out[r.entity.id] = (r.entity, r.magnitude)
    return out


def _countries(
    countries: Iterable[str | Entity] | None,
    found: dict[str, Entity],
) -> list[Entity] | None:
    if countries is None:
        return None
    if isinstance(countries, str | Entity):
        raise TypeError("countries must be a list of names or codes, such as ['KOR', 'JPN']")
    out: dict[str, Entity] = {}
    for c in countries:
        e = resolve(c) if not isinstance(c, Entity) else c
        if e.kind != "country":
            raise EntityKindError(
                f"{e.name} is {e.kind!r}, not a country; a composite ranks countries"
            )
        out.setdefault(e.id, found.get(e.id, e))
    return sorted(out.values(), key=lambda e: e.id)


def _listing(items: list[str], limit: int = 6) -> str:
    shown = "; ".join(items[:limit])
    more = len(items) - limit
    return shown + (f"; and {more} more" if more > 0 else "")


def composite(
    weights: Mapping[Any, Any],
    *,
    edition: int | None = None,
    year: int | None = None,
    countries: Iterable[str | Entity] | None = None,
    normalize: Normalization = "minmax",
    aggregation: Aggregation = "arithmetic",
    missing: MissingPolicy = "refuse",
    impute: Imputation = "worst",
    min_coverage: float = 0.5,
    per_capita: bool = False,
    offset: float = GEOMETRIC_OFFSET,
) -> Composite:
    """A composite ranking of countries: indicators normalised, weighted and aggregated.

    ``weights`` maps indicator ids (or `Indicator` objects, such as a table of your own) to
    positive weights, or pillar names to such mappings; weights are shares of their total,
    so doubling them all changes nothing. `aiindex.pillars()` is a starter set. Each
    indicator is read from ``edition`` (None: the newest edition that has it) for ``year``
    (None: its latest year), countries only, and oriented by its direction.

    Countries: ``countries`` (names or codes), or None for every country with values for at
    least ``min_coverage`` of the weight (the others are listed in ``excluded``).

    ``normalize``: ``"minmax"`` ((x - min) / (max - min)), ``"zscore"`` ((x - mean) / sd,
    population sd) or ``"rank"`` (average ranks, scaled 0 to 1), over the countries ranked.
    ``aggregation``: ``"arithmetic"`` (weighted mean) or ``"geometric"`` (weighted
    geometric mean of the normalised values shifted so each indicator's worst country sits at
    ``offset``).

    ``missing``: ``"refuse"`` (`MissingValueError` naming each gap), ``"skip"`` (a country's
    weights renormalised over the indicators it has) or ``"impute"`` (``impute="worst"``: the
    lowest value any ranked country has, after orientation; ``"median"``: the median, refused
    for a chart-top table, whose absent countries are known to be below it). Every row lists
    what it misses and what was imputed.

    ``per_capita=True`` refuses absolute counts and amounts (`MissingValueError`): scaling
    them needs populations, which aiindex does not ship; indicators already per person, and
    shares, are used as they are either way.

    >>> talent = {"ai_talent_concentration": 1, "ai_talent_migration": 1}
    >>> both = aiindex.composite(talent, min_coverage=1)  # only countries on both charts
    >>> [(r.rank, r.entity.id, round(r.score, 3)) for r in both.rows[:3]]
    [(1, 'LUX', 0.87), (2, 'SGP', 0.618), (3, 'CHE', 0.329)]
    >>> kor = aiindex.composite(talent, missing="impute").row("KOR")
    >>> kor.rank, kor.values, kor.imputed
    (20, (1.046, None), ('ai_talent_migration',))
    """
    import numpy as np

    _choice("normalize", normalize, NORMALIZATIONS)
    _choice("aggregation", aggregation, AGGREGATIONS)
    _choice("missing", missing, MISSING)
    _choice("impute", impute, IMPUTATIONS)
    if not isinstance(per_capita, bool):
        raise TypeError(f"per_capita must be True or False, not {per_capita!r}")
    offset = check_weight(offset, "offset", "the geometric offset")
    if isinstance(min_coverage, bool) or not isinstance(min_coverage, int | float):
        raise TypeError(f"min_coverage must be a number in (0, 1], not {min_coverage!r}")
    if not 0 < min_coverage <= 1:
        raise ValueError(f"min_coverage={min_coverage!r}: give a share of the weight in (0, 1]")

    raw_parts = _parts(weights, edition, year)
    total = math.fsum(w for _, _, w, _ in raw_parts)
    shares = [w / total for _, _, w, _ in raw_parts]
    if per_capita:
        _refuse_absolute(raw_parts)
    tables = [_country_values(ind, y) for ind, _, _, y in raw_parts]
    found: dict[str, Entity] = {}
    for t in tables:
        for entity_id, (e, _) in t.items():
            found.setdefault(entity_id, e)

    excluded: list[tuple[Entity, float]] = []
    chosen = _countries(countries, found)
    if chosen is None:
        chosen = []
        for entity_id in sorted(found):
            share = math.fsum(s for s, t in zip(shares, tables, strict=True) if entity_id in t)
            if share >= min_coverage - 1e-12:
                chosen.append(found[entity_id])
            else:
                excluded.append((found[entity_id], share))
    ids = [e.id for e in chosen]
    k = len(raw_parts)
    values = np.full((len(ids), k), np.nan)
    for j, t in enumerate(tables):
        for i, entity_id in enumerate(ids):
            hit = t.get(entity_id)
            if hit is not None:
                values[i, j] = hit[1]
    present = ~np.isnan(values)
    if np.isinf(values).any():
        i, j = (int(x) for x in np.argwhere(np.isinf(values))[0])
        raise IncomparableError(
            f"{ids[i]}'s value on {raw_parts[j][0].id!r} is {values[i, j]}: an infinite value "
            "cannot be normalised"
        )
    if len(ids) < 2:
        raise IncomparableError(
            f"a ranking needs at least two countries; {len(ids)} "
            + ("is" if len(ids) == 1 else "are")
            + " left"
            + ("" if countries is not None else f" with min_coverage={min_coverage:g}")
        )
    part_ids = [ind.id for ind, _, _, _ in raw_parts]
    empty = [chosen[i].name for i in range(len(ids)) if not present[i].any()]
    if empty:
        raise MissingValueError(
            f"{', '.join(empty)} {'has' if len(empty) == 1 else 'have'} no value on any of the "
            f"indicators ({', '.join(part_ids)}): nothing to rank"
        )
    gaps = [
        f"{chosen[i].id} misses " + ", ".join(part_ids[j] for j in range(k) if not present[i, j])
        for i in range(len(ids))
        if not present[i].all()
    ]
    if gaps and missing == "refuse":
        raise MissingValueError(
            f"{len(gaps)} of {len(ids)} countries have missing values (missing='refuse'): "
            + _listing(gaps)
            + ". Pass missing='skip' (each country's weights renormalised over the indicators "
            "it has) or missing='impute' (the indicator's worst value, or impute='median')"
            + (
                ", or min_coverage=1 to rank only the countries with every value"
                if countries is None
                else ""
            )
        )
    coverages = [ind.coverage_for(y) for ind, _, _, y in raw_parts]
    if missing == "impute" and impute == "median":
        for j, cov in enumerate(coverages):
            if cov.kind == "top" and not present[:, j].all():
                raise IncomparableError(
                    f"impute='median' would place the countries absent from the top of "
                    f"{part_ids[j]!r} ({cov.year}) at the middle of those shown, but they are "
                    f"{_beyond(raw_parts[j][0], cov)}; use impute='worst'"
                )
    descending = np.array([ind.descending for ind, _, _, _ in raw_parts])
    oriented, mask, fills = _prepare(values, descending, missing, impute)
    _check_spread(oriented, mask, part_ids, ids)
    w = np.array(shares)
    normalized = _normalized(oriented, mask, normalize)
    scores = _aggregate(normalized, mask, w[None, :], aggregation, offset)[:, 0]
    ranks = _ranks(scores[:, None])[:, 0]
    terms = _terms(normalized, mask, w, aggregation, offset)

    parts = tuple(
        CompositePart(ind, s, pillar, y, cov, fill)
        for (ind, pillar, _, y), s, cov, fill in zip(
            raw_parts, shares, coverages, fills, strict=True
        )
    )
    pillar_names = tuple(dict.fromkeys(p for _, p, _, _ in raw_parts if p is not None))
    rows = []
    for i in np.lexsort((np.arange(len(ids)), ranks)).tolist():
        contribs = tuple(
            (part_ids[j], float(terms[i, j]) if mask[i, j] else None) for j in range(k)
        )
        pillar_sums = tuple(
            (
                name,
                math.fsum(
                    float(terms[i, j]) for j in range(k) if raw_parts[j][1] == name and mask[i, j]
                ),
            )
            for name in pillar_names
        )
        lacking = tuple(part_ids[j] for j in range(k) if not present[i, j])
        rows.append(
            CompositeRow(
                entity=chosen[i],
                rank=int(ranks[i]),
                score=float(scores[i]),
                values=tuple(
                    float(v) if p else None for v, p in zip(values[i], present[i], strict=True)
                ),
                normalized=tuple(
                    float(z) if m else None for z, m in zip(normalized[i], mask[i], strict=True)
                ),
                contributions=contribs,
                pillar_contributions=pillar_sums,
                missing=lacking,
                imputed=lacking if missing == "impute" else (),
            )
        )
    notes = _notes(parts, present, missing, raw_parts)
    return Composite(
        parts=parts,
        rows=tuple(rows),
        normalize=normalize,
        aggregation=aggregation,
        missing=missing,
        impute=impute,
        offset=offset,
        min_coverage=float(min_coverage) if countries is None else None,
        per_capita=per_capita,
        excluded=tuple(excluded),
        notes=notes,
    )


def _refuse_absolute(raw_parts: list[tuple[Indicator, str | None, float, int]]) -> None:
    absolute = [
        f"{ind.id!r} ({ind.unit_label})"
        for ind, _, _, _ in raw_parts
        if "/" not in ind.unit and ind.unit not in _NOT_SCALABLE
    ]
    if absolute:
        raise MissingValueError(
            "per_capita=True needs each country's population in each data year, and aiindex "
            "ships no population table, so it cannot scale " + ", ".join(absolute) + " per "
            "person. Use indicators already per person (such as 'ai_patents_per_capita'), "
            "pass per_capita=False, or divide by a sourced population table and pass your own "
            "Indicator (aiindex.read_csv)"
        )


def _notes(
    parts: tuple[CompositePart, ...],
    present: _Mask,
    missing: MissingPolicy,
    raw_parts: list[tuple[Indicator, str | None, float, int]],
) -> tuple[str, ...]:
    notes = []
    for j, part in enumerate(parts):
        absent = int((~present[:, j]).sum())
        cov = part.coverage
        if cov.kind == "selection":
            notes.append(
                f"{part.id} ({cov.year}) is a selection of countries: a country absent from "
                "it is not known to be last there"
                + (f" ({absent} of the ranked countries are absent)" if absent else "")
                + "."
            )
        elif cov.kind == "top" and absent and missing == "skip":
            notes.append(
                f"{part.id} ({cov.year}) holds only the top of a chart: the {absent} countries "
                f"absent from it are {_beyond(part.indicator, cov)}, and skipping them there "
                "favours them; missing='impute' gives them the worst value shown."
            )
    editions = {ind.edition for ind, _, _, _ in raw_parts}
    if len(editions) > 1:
        notes.append(
            "The indicators come from more than one edition: "
            + ", ".join(
                str(e) if e is not None else "a user table" for e in sorted(editions, key=str)
            )
            + "."
        )
    return tuple(notes)


def _beyond(ind: Indicator, cov: Coverage) -> str:
    """Where a country absent from a chart-top table stands: past the table's complete reach."""
    if cov.complete_down_to is None:
        return "not among its top"
    side = "below" if ind.descending else "above"
    return f"{side} {cov.complete_down_to:g} {ind.unit_label}, where the table stops being complete"


# -- the arithmetic, shared by composite and uncertainty ---------------------------------------


def _prepare(
    values: _Array, descending: npt.NDArray[np.bool_], missing: MissingPolicy, impute: Imputation
) -> tuple[_Array, _Mask, list[float | None]]:
    """Values oriented (higher is better), imputed where asked, and the mask of those used."""
    import numpy as np

    oriented = np.where(descending[None, :], values, -values)
    present = ~np.isnan(values)
    fills: list[float | None] = [None] * values.shape[1]
    if missing != "impute":
        return oriented, present, fills
    filled = oriented.copy()
    for j in range(values.shape[1]):
        gaps = ~present[:, j]
        if not gaps.any():
            continue
        col = oriented[present[:, j], j]
        fill = float(col.min()) if impute == "worst" else float(np.median(col))
        filled[gaps, j] = fill
        fills[j] = fill if descending[j] else -fill
    return filled, np.ones_like(present), fills


def _check_spread(oriented: _Array, mask: _Mask, part_ids: list[str], ids: list[str]) -> None:
    for j, part_id in enumerate(part_ids):
        col = oriented[mask[:, j], j]
        if col.size == 0:
            raise MissingValueError(f"no ranked country has a value on {part_id!r}")
        if float(col.max()) == float(col.min()):
            who = [ids[i] for i in range(len(ids)) if mask[i, j]]
            what = (
                f"only {who[0]} of the countries ranked has a value on {part_id!r}"
                if len(who) == 1
                else f"{part_id!r} has the same value for every country it is used for "
                f"({', '.join(who)})"
            )
            raise IncomparableError(
                f"{what}: it cannot be normalised. Leave it out, or rank more countries"
            )


def _normalized(oriented: _Array, mask: _Mask, how: Normalization) -> _Array:
    """Each column normalised over its used entries; unused entries are NaN."""
    import numpy as np

    x = np.where(mask, oriented, np.nan)
    if how == "minmax":
        lo = np.nanmin(x, axis=0)
        hi = np.nanmax(x, axis=0)
        out: _Array = (x - lo) / (hi - lo)
        return out
    if how == "zscore":
        mean = np.nanmean(x, axis=0)
        sd = np.nanstd(x, axis=0)
        out = (x - mean) / sd
        return out
    out = np.full_like(x, np.nan)
    for j in range(x.shape[1]):
        used = np.flatnonzero(mask[:, j])
        out[used, j] = _unit_ranks(x[used, j])
    return out


def _unit_ranks(col: _Array) -> _Array:
    """Average ranks (ties share the mean of their places), scaled so worst 0 and best 1."""
    import numpy as np

    order = np.argsort(col, kind="stable")
    ordered = col[order]
    # Runs of equal values share the mean of the 0-based places they span.
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = np.r_[starts[1:], ordered.size]
    mean_place = (starts + ends - 1) / 2.0
    places = np.repeat(mean_place, ends - starts)
    out = np.empty_like(col)
    out[order] = places / (col.size - 1)
    return out


def _shifted(normalized: _Array, mask: _Mask, offset: float) -> _Array:
    import numpy as np

    worst = np.nanmin(np.where(mask, normalized, np.nan), axis=0)
    out: _Array = normalized - worst + offset
    return out


def _aggregate(
    normalized: _Array, mask: _Mask, weights: _Array, how: Aggregation, offset: float
) -> _Array:
    """Scores, countries x weight vectors: each row of ``weights`` renormalised per country."""
    import numpy as np

    used = mask.astype(np.float64)
    denominator = used @ weights.T
    if how == "arithmetic":
        out: _Array = np.where(mask, normalized, 0.0) @ weights.T / denominator
        return out
    logs = np.where(mask, np.log(np.where(mask, _shifted(normalized, mask, offset), 1.0)), 0.0)
    out = np.exp(logs @ weights.T / denominator)
    return out


def _terms(
    normalized: _Array, mask: _Mask, weights: _Array, how: Aggregation, offset: float
) -> _Array:
    """Each country's contribution of each indicator (0 where unused)."""
    import numpy as np

    share = np.where(mask, weights[None, :], 0.0)
    share = share / share.sum(axis=1, keepdims=True)
    if how == "arithmetic":
        out: _Array = share * np.where(mask, normalized, 0.0)
        return out
    g = np.where(mask, _shifted(normalized, mask, offset), offset)
    out = share * np.log(g / offset)
    return out


def _ranks(scores: _Array) -> npt.NDArray[np.int64]:
    """Competition ranks (1, 2, 2, 4) of each column, best first; scores within `TIE` tie."""
    import numpy as np

    order = np.argsort(-scores, axis=0, kind="stable")
    ordered = np.take_along_axis(scores, order, axis=0)
    new = np.ones(ordered.shape, dtype=bool)
    new[1:] = (ordered[:-1] - ordered[1:]) > TIE
    places = np.arange(1, scores.shape[0] + 1, dtype=np.int64)[:, None]
    ranked = np.maximum.accumulate(np.where(new, places, 0), axis=0)
    out = np.empty_like(ranked)
    np.put_along_axis(out, order, ranked, axis=0)
    return out


# -- uncertainty ---------------------------------------------------------------------------


def uncertainty(
    result: Composite,
    n: int = 1000,
    *,
    seed: int | None = None,
    concentration: float = CONCENTRATION,
    normalizations: Iterable[Normalization] = NORMALIZATIONS,
) -> Uncertainty:
    """`Composite.uncertainty`: ranks under ``n`` Dirichlet weightings and the normalisations."""
    import numpy as np

    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_DRAWS:
        raise ValueError(f"n={n!r}: give a number of draws from 1 to {MAX_DRAWS:,}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
        raise ValueError(f"seed={seed!r}: give a non-negative int, or None")
    concentration = check_weight(concentration, "concentration", "the concentration")
    if isinstance(normalizations, str):
        raise TypeError("normalizations must be a sequence, such as ('minmax', 'rank')")
    kinds = tuple(dict.fromkeys(normalizations))
    if not kinds:
        raise ValueError("normalizations is empty: give at least one of " + str(NORMALIZATIONS))
    for how in kinds:
        _choice("normalizations", how, NORMALIZATIONS)

    parts = result.parts
    values = np.array(
        [[np.nan if v is None else v for v in row.values] for row in result.rows], dtype=float
    )
    descending = np.array([p.indicator.descending for p in parts])
    oriented, mask, _ = _prepare(values, descending, result.missing, result.impute)
    w = np.array([p.weight for p in parts])
    rng = np.random.default_rng(seed)
    draws = rng.dirichlet(concentration * w, size=n)
    which = np.arange(n) % len(kinds)
    ranks = np.empty((len(result.rows), n), dtype=np.int64)
    for j, how in enumerate(kinds):
        cols = which == j
        if not cols.any():
            continue
        normalized = _normalized(oriented, mask, how)
        scores = _aggregate(normalized, mask, draws[cols], result.aggregation, result.offset)
        ranks[:, cols] = _ranks(scores)
    low, mid, high = np.quantile(ranks, [0.05, 0.5, 0.95], axis=1, method="inverted_cdf")
    rows = tuple(
        UncertaintyRow(row.entity, row.rank, int(m), int(lo), int(hi))
        for row, m, lo, hi in zip(
            result.rows, mid.tolist(), low.tolist(), high.tolist(), strict=True
        )
    )
    return Uncertainty(
        composite=result,
        n=n,
        seed=seed,
        concentration=concentration,
        normalizations=kinds,
        rows=rows,
        weights=tuple(map(tuple, draws.tolist())),
        drawn=tuple(kinds[j] for j in which.tolist()),
        ranks=tuple(map(tuple, ranks.T.tolist())),
    )


def starter_titles() -> dict[str, tuple[str, str]]:
    """The starter pillars' English and Korean titles, by name."""
    return {p.name: (p.title, p.title_ko) for p in pillar_records()[1]}
