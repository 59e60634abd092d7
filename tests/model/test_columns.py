"""Columnar indicators: rankings equal the old row-based ranking and pandas, on random tables.

An `Indicator` keeps its values as columns and ranks them per year in Python, or, for a
large table, every year at once with numpy (`rank_years`). Both must give exactly what the
row-based ranking of aiindex 0.1 gave (kept below as the oracle): the same rows in the same
order (ties by entity id, baselines among them), the same competition ranks, the same
partial-coverage rule and stated ranks.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiindex
from aiindex._model import indicator as indicator_module
from aiindex._model import rank as rank_module
from aiindex._model.indicator import Columns, Indicator
from aiindex._model.rank import rank_years, within
from aiindex._model.records import Coverage, Entity, Observation, Ranking, Source

SOURCE = Source("test", None, "s", ("here",), None)
COUNTRIES = [Entity(code, "country", code.title()) for code in ("KOR", "JPN", "USA", "CHN", "ISR")]
GROUP = Entity("world", "group", "World")
BASELINE = Entity("human", "baseline", "Human baseline")
MODEL = Entity("gpt-4", "model", "GPT-4")
# Few values, zero of both signs among them, so that ties are common.
VALUES = [-1.5, -0.0, 0.0, 0.5, 1.0, 1.0, 2.25, 7.0, 1e9]


@contextmanager
def numpy_ranking() -> Iterator[None]:
    """Rank every table as a large one: every year at once, with numpy."""
    with mock.patch.object(indicator_module, "_NUMPY_FROM", 0):
        yield


# -- the oracle: aiindex 0.1's row-based ranking ---------------------------------------------


def oracle(ind: Indicator, year: int) -> list[tuple[int | None, Observation]]:
    rows = sorted(ind.observations, key=lambda o: o.entity.id)
    ranked = [o for o in rows if o.year == year and o.entity.kind == ind.entity_kind]
    baselines = [o for o in rows if o.year == year and o.entity.kind == "baseline"]
    ranked.sort(key=lambda o: o.magnitude, reverse=ind.descending)

    def better(a: float, b: float) -> bool:
        return a > b if ind.descending else a < b

    ranks: list[int | None] = [
        1 + sum(better(p.magnitude, o.magnitude) for p in ranked) for o in ranked
    ]
    cov = ind.coverage_for(year)
    if cov.kind != "complete":
        for i, o in enumerate(ranked):
            cut = cov.complete_down_to
            if cut is None or not within(o.magnitude, cut, descending=ind.descending):
                ranks[i] = o.stated_rank
    pairs = sorted(
        [*zip(ranks, ranked, strict=True), *((None, b) for b in baselines)],
        key=lambda pair: pair[1].magnitude,
        reverse=ind.descending,
    )
    return pairs


@st.composite
def tables(draw: st.DrawFn, *, baselines: bool = True) -> Indicator:
    """A random table: countries, maybe a group, a model, a baseline; stated ranks; coverage."""
    entities = [*COUNTRIES, GROUP, MODEL] + ([BASELINE] if baselines else [])
    years = draw(st.lists(st.integers(2019, 2023), min_size=1, max_size=3, unique=True))
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(entities),
                st.sampled_from(years),
                st.sampled_from(VALUES),
                st.one_of(st.none(), st.integers(1, 6)),
            ),
            min_size=1,
            max_size=25,
        )
    )
    observations = [
        Observation(e, y, m, "count", repr(m), "count", SOURCE, stated_rank=r)
        for e, y, m, r in rows
    ]
    coverage = []
    # A year may have no coverage (a selection), or, oddly, two: the first listed holds.
    for y in years + draw(st.lists(st.sampled_from(years), max_size=2)):
        kind = draw(st.sampled_from(["complete", "top", "selection", None]))
        if kind is not None:
            cut = (
                draw(st.one_of(st.none(), st.sampled_from(VALUES))) if kind != "complete" else None
            )
            coverage.append(Coverage(y, kind, cut))  # type: ignore[arg-type]
    return Indicator(
        "t",
        "T",
        None,
        "count",
        "count",
        "country",
        draw(st.booleans()),
        SOURCE,
        observations=observations,
        coverage=tuple(draw(st.permutations(coverage))),
    )


def rows_of(ranking: Ranking) -> list[tuple[int | None, Observation]]:
    return [(r.rank, r.observation) for r in ranking]


@given(tables())
def test_python_ranking_equals_the_row_based_ranking(ind: Indicator) -> None:
    for year in ind.years:
        assert rows_of(ind.ranking(year)) == oracle(ind, year)


@given(tables(baselines=False))
def test_numpy_ranking_equals_the_row_based_ranking(ind: Indicator) -> None:
    with numpy_ranking():
        for year in ind.years:
            assert rows_of(ind.ranking(year)) == oracle(ind, year)
        assert ind._derived.numpy is not None  # the numpy path was taken


@given(tables())
def test_rank_and_leader_agree_with_the_ranking(ind: Indicator) -> None:
    for year in ind.years:
        ranking = ind.ranking(year)
        ranked = [r for r in ranking if r.entity.kind == ind.entity_kind]
        leader = ind.leader(year)
        first = next((r.observation for r in ranking if r.rank == 1), None)
        assert leader is first
        for row in ranked:
            if ind.observation(row.entity, year) is not row.observation:
                continue  # an entity twice in one year: lookups find one of its rows
            if row.rank is None:
                with pytest.raises(aiindex.IncompleteRankingError):
                    ind.rank(row.entity, year)
            else:
                assert ind.rank(row.entity, year) == row.rank


@st.composite
def complete_tables(draw: st.DrawFn) -> tuple[Indicator, pd.DataFrame]:
    """A complete table of one kind, each entity once a year, and the same as a DataFrame."""
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(COUNTRIES), st.integers(2019, 2022)),
            min_size=1,
            max_size=20,
            unique=True,
        )
    )
    values = [draw(st.sampled_from(VALUES)) for _ in keys]
    descending = draw(st.booleans())
    ind = Indicator(
        "t",
        "T",
        None,
        "count",
        "count",
        "country",
        descending,
        SOURCE,
        observations=[
            Observation(e, y, m, "count", repr(m), "count", SOURCE)
            for (e, y), m in zip(keys, values, strict=True)
        ],
        coverage=tuple(Coverage(y, "complete") for y in {y for _, y in keys}),
    )
    frame = pd.DataFrame(
        {"entity": [e.id for e, _ in keys], "year": [y for _, y in keys], "value": values}
    )
    return ind, frame


@pytest.mark.parametrize("large", [False, True])
@given(complete_tables())
def test_ranks_equal_pandas_min_rank(large: bool, case: tuple[Indicator, pd.DataFrame]) -> None:
    ind, frame = case
    frame["rank"] = frame.groupby("year")["value"].rank(method="min", ascending=not ind.descending)
    expected = {
        (e, y): int(r) for e, y, r in zip(frame.entity, frame.year, frame["rank"], strict=True)
    }
    with mock.patch.object(indicator_module, "_NUMPY_FROM", 0 if large else 10**9):
        got = {(r.entity.id, y): r.rank for y in ind.years for r in ind.ranking(y)}
    assert got == expected


# -- rank_years itself ------------------------------------------------------------------------


@st.composite
def year_columns(draw: st.DrawFn) -> tuple[list[int], list[float], list[int], bool]:
    n = draw(st.integers(1, 40))
    years = [draw(st.integers(2000, 2003)) for _ in range(n)]
    mags = [draw(st.sampled_from(VALUES)) for _ in range(n)]
    ties = [draw(st.integers(0, 5)) for _ in range(n)]
    return years, mags, ties, draw(st.booleans())


def python_ranks(
    years: list[int], mags: list[float], ties: list[int], descending: bool
) -> tuple[list[int], list[int]]:
    sign = -1.0 if descending else 1.0
    order = sorted(range(len(years)), key=lambda i: (years[i], sign * mags[i], ties[i], i))
    ranks = [
        1
        + sum(
            1 for j in range(len(years)) if years[j] == years[i] and sign * mags[j] < sign * mags[i]
        )
        for i in order
    ]
    return order, ranks


@pytest.mark.parametrize("one_key", [True, False])
@given(year_columns())
def test_rank_years_sorts_and_ranks_as_python_does(
    one_key: bool, case: tuple[list[int], list[float], list[int], bool]
) -> None:
    years, mags, ties, descending = case
    complete: dict[int, float | None] = dict.fromkeys(years)
    limit = rank_module._ONE_KEY_LIMIT if one_key else 0  # 0: the np.lexsort path
    with mock.patch.object(rank_module, "_ONE_KEY_LIMIT", limit):
        got = rank_years(
            years, mags, ties, None, descending=descending, complete=complete, distinct_keys=False
        )
    order, ranks = python_ranks(years, mags, ties, descending)
    assert got.rows.tolist() == order
    assert got.ranks.tolist() == ranks
    starts = {y: order.index(next(i for i in order if years[i] == y)) for y in set(years)}
    assert {y: b[0] for y, b in got.bounds.items()} == starts


def test_rank_years_applies_cutoffs_and_stated_ranks() -> None:
    got = rank_years(
        [1, 1, 1, 2, 2],
        [9.0, 5.0, 1.0, 3.0, 2.0],
        [0, 1, 2, 0, 1],
        [0, 0, 7, 0, 4],
        descending=True,
        complete={1: 5.0, 2: float("nan")},
        distinct_keys=True,
    )
    # 2019: complete down to 5, so 9 and 5 keep ranks 1, 2; 1 is below, stated 7.
    # 2020: no cutoff, so every rank is the stated one (0: none).
    assert got.ranks.tolist() == [1, 2, 7, 0, 4]


def test_rank_years_of_nothing() -> None:
    got = rank_years([], [], [], None, descending=True, complete={}, distinct_keys=True)
    assert got.rows.tolist() == [] and got.bounds == {}


# -- Columns and Indicator -------------------------------------------------------------------


def test_observations_are_made_once() -> None:
    ind = aiindex.indicator("ai_talent_migration", edition=2024)
    assert ind.observations[0] is ind.observations[0]
    assert (
        ind.observation(ind.observations[0].entity, ind.observations[0].year)
        is (ind.observations[0])
    )
    assert ind.ranking()[0].observation is ind.leader()


def test_an_indicator_from_observations_keeps_them() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    mine = attrs.evolve(ind, observations=ind.observations[:3])
    assert mine.observations == ind.observations[:3]
    assert all(a is b for a, b in zip(mine.observations, ind.observations, strict=False))
    assert attrs.evolve(ind, title="x").observations == ind.observations
    assert attrs.evolve(ind) == ind and hash(attrs.evolve(ind)) == hash(ind)
    with pytest.raises(TypeError, match="observations"):
        Indicator("t", "T", None, "count", "count", "country", True, SOURCE)


def test_an_empty_indicator() -> None:
    ind = Indicator("t", "T", None, "count", "count", "country", True, SOURCE, observations=())
    assert ind.years == () and ind.entities == () and ind.observations == ()
    with pytest.raises(aiindex.MissingValueError, match="no observations"):
        ind.ranking()


def test_a_ranking_is_a_tuple_of_ranked_rows_made_on_access() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    ranking = ind.ranking()
    rows = tuple(ranking)
    assert len(ranking) == len(rows) and ranking == rows and ranking[2:5] == rows[2:5]
    assert ranking[-1] == rows[-1] and ranking.ranks == tuple(r.rank for r in rows)
    assert hash(ranking) == hash(rows)
    assert ranking is ind.ranking()


def test_a_numpy_ranking_hands_out_python_ints() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    with numpy_ranking():
        fresh = attrs.evolve(ind)
        ranking = fresh.ranking()
    assert fresh._derived.numpy is not None
    assert ranking == ind.ranking()
    assert all(type(r) is int for r in ranking.ranks if r is not None)
    assert type(ranking[0].rank) is int


def test_columns_from_observations_round_trip() -> None:
    ind = aiindex.indicator("notable_models_by_country", edition=2024)
    cols = Columns.from_observations(ind.observations)
    assert cols.observations() == ind.observations
    assert cols == ind._columns and hash(cols) == hash(ind._columns)
    assert np.array_equal(np.asarray(cols.year), np.asarray(ind._columns.year))


@given(tables())
def test_lookups_by_scan_and_by_index_agree(ind: Indicator) -> None:
    # The first ids are found by scanning the entity column, later ones in an index of all.
    ids = sorted({o.entity.id for o in ind.observations} | {"nobody"})
    expected = {i: [n for n, o in enumerate(ind.observations) if o.entity.id == i] for i in ids}
    with mock.patch.object(indicator_module, "_SCANS", 2):
        fresh = attrs.evolve(ind)
        assert {i: fresh._rows_of(i) for i in ids} == expected
        assert {i: fresh._rows_of(i) for i in ids} == expected  # from the caches
    assert fresh._derived.by_id is not None or len(ids) <= 2


@given(tables())
def test_observations_of_is_the_entitys_rows_by_year(ind: Indicator) -> None:
    for entity in ind.entities:
        mine = ind.observations_of(entity)
        expected = sorted((o for o in ind.observations if o.entity.id == entity.id), key=_year)
        assert list(mine) == expected
        years = [o.year for o in mine]
        # An entity twice in one year (user tables allow it): lookups find one of its rows.
        assert all(ind.observation(entity, o.year) == o for o in mine if years.count(o.year) == 1)


def _year(obs: Observation) -> int:
    return obs.year
