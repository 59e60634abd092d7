"""Ranking properties: against a pandas oracle, under permutation and rescaling, on shipped data."""

from __future__ import annotations

import math
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import COUNTRY_NAMES, YEARS, Row, tables, to_csv, values

import aiindex
from aiindex._model.rank import competition_ranks, within


def read(text: str, **kwargs: Any) -> aiindex.Indicator:
    kwargs.setdefault("id", "table")
    kwargs.setdefault("unit", "count")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "table.csv"
        path.write_text(text, encoding="utf-8")
        return aiindex.read_csv(path, **kwargs)


def oracle_ranks(rows: list[Row], *, descending: bool) -> dict[int, dict[str, int]]:
    """Per year, entity id -> rank, by pandas (method="min" is competition ranking)."""
    present = [r for r in rows if r.value]
    if not present:
        return {}
    df = pd.DataFrame(
        {
            "iso": [r.iso for r in present],
            "year": [r.year for r in present],
            "value": [float(Decimal(r.value)) for r in present],
        }
    )
    out: dict[int, dict[str, int]] = {}
    for year, group in df.groupby("year"):
        ranks = group["value"].rank(method="min", ascending=not descending)
        out[int(year)] = {iso: int(rank) for iso, rank in zip(group["iso"], ranks, strict=True)}
    return out


def table_ranks(ind: aiindex.Indicator) -> dict[int, dict[str, int | None]]:
    return {y: {r.entity.id: r.rank for r in ind.ranking(y)} for y in ind.years}


# -- the pure helpers ---------------------------------------------------------------------------


@given(st.lists(st.integers(-5, 5), max_size=30))
def test_competition_ranks_count_strictly_better_values(xs: list[int]) -> None:
    sorted_values = sorted(xs, reverse=True)
    ranks = competition_ranks([float(x) for x in sorted_values])
    # Oracle: 1 + the number of values strictly better.
    assert ranks == [1 + sum(1 for y in xs if y > x) for x in sorted_values]


@given(values, values, st.booleans())
def test_within_is_the_cutoff_comparison(v: str, cut: str, descending: bool) -> None:
    a, c = Decimal(v), Decimal(cut)
    assert within(float(a), float(c), descending=descending) is (a >= c if descending else a <= c)


# -- user tables --------------------------------------------------------------------------------


@given(tables(), st.booleans())
def test_ranking_agrees_with_pandas_min_rank(rows: list[Row], descending: bool) -> None:
    ind = read(to_csv(rows), descending=descending)
    expected = oracle_ranks(rows, descending=descending)
    assert table_ranks(ind) == expected
    assert ind.years == tuple(sorted(expected))
    for r in rows:
        if r.value:
            assert ind.rank(r.iso, r.year) == expected[r.year][r.iso]
            assert ind.value(r.text, r.year).magnitude == float(Decimal(r.value))
        elif r.year in expected:
            with pytest.raises(aiindex.MissingValueError):
                ind.rank(r.iso, r.year)


@given(tables(), st.randoms(use_true_random=False), st.booleans())
def test_ranks_invariant_under_row_permutation(rows: list[Row], rnd: Any, descending: bool) -> None:
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    a = read(to_csv(rows), descending=descending)
    b = read(to_csv(shuffled), descending=descending)
    assert a.years == b.years
    for y in a.years:
        rows_a = [(r.rank, r.entity.id, r.magnitude) for r in a.ranking(y)]
        rows_b = [(r.rank, r.entity.id, r.magnitude) for r in b.ranking(y)]
        assert rows_a == rows_b


@given(tables(), st.booleans())
def test_rank_invariant_under_change_of_unit(rows: list[Row], descending: bool) -> None:
    per_100k = read(to_csv(rows), unit="1 / (hundred_thousand * person)", descending=descending)
    per_million = read(to_csv(rows, scale=10), unit="1 / (million * person)", descending=descending)
    assert table_ranks(per_100k) == table_ranks(per_million)
    for r in rows:
        if r.value:
            a = per_100k.value(r.iso, r.year).to("1 / person").magnitude
            b = per_million.value(r.iso, r.year).to("1 / person").magnitude
            assert math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15)


@st.composite
def two_entities(draw: st.DrawFn) -> tuple[aiindex.Indicator, str, str, int]:
    """A table (with other rows around) in which two distinct countries share a year."""
    rows = draw(tables(allow_missing=False))
    a, b = draw(
        st.lists(st.sampled_from(sorted(COUNTRY_NAMES)), min_size=2, max_size=2, unique=True)
    )
    year = draw(st.sampled_from(YEARS))
    rows = [r for r in rows if (r.iso, r.year) not in {(a, year), (b, year)}]
    rows += [Row(a, a, year, draw(values)), Row(b, b, year, draw(values))]
    return read(to_csv(draw(st.permutations(rows)))), a, b, year


@given(two_entities())
def test_gap_is_antisymmetric(case: tuple[aiindex.Indicator, str, str, int]) -> None:
    ind, a, b, year = case
    assert ind.gap(a, b, year).magnitude == -ind.gap(b, a, year).magnitude
    expected = ind.value(a, year).magnitude - ind.value(b, year).magnitude
    assert math.isclose(ind.gap(a, b, year).magnitude, expected, abs_tol=1e-9)


@given(two_entities())
def test_ratio_times_its_inverse_is_one(case: tuple[aiindex.Indicator, str, str, int]) -> None:
    ind, a, b, year = case
    va, vb = ind.value(a, year).magnitude, ind.value(b, year).magnitude
    if va == 0 or vb == 0:
        zero, other = (b, a) if vb == 0 else (a, b)
        with pytest.raises(aiindex.UndefinedRatioError):
            ind.ratio(other, zero, year)
        return
    assert math.isclose(ind.ratio(a, b, year) * ind.ratio(b, a, year), 1.0, rel_tol=1e-12)
    assert math.isclose(ind.ratio(a, b, year), va / vb, rel_tol=1e-12)


@given(tables(allow_missing=False))
def test_change_over_no_time_is_zero(rows: list[Row]) -> None:
    ind = read(to_csv(rows))
    for r in rows:
        assert ind.change(r.iso, r.year, r.year).magnitude == 0


@given(tables(), st.booleans())
def test_ranking_is_a_sorted_permutation_of_the_year(rows: list[Row], descending: bool) -> None:
    ind = read(to_csv(rows), descending=descending)
    for y in ind.years:
        ranking = ind.ranking(y)
        ids = [r.entity.id for r in ranking]
        assert sorted(ids) == sorted(r.iso for r in rows if r.year == y and r.value)
        mags = [r.magnitude for r in ranking]
        assert mags == sorted(mags, reverse=descending)
        ranks = [r.rank for r in ranking]
        assert ranks[0] == 1
        assert ranks == sorted(ranks)  # type: ignore[type-var]
        assert ind.leader(y) is not None
        assert ind.leader(y).magnitude == mags[0]  # type: ignore[union-attr]


@given(tables(allow_missing=False))
def test_selection_tables_refuse_ranks(rows: list[Row]) -> None:
    ind = read(to_csv(rows), coverage="selection")
    for y in ind.years:
        assert ind.coverage_for(y).kind == "selection"
        assert all(rank is None for rank in ind.ranking(y).ranks)
        assert ind.leader(y) is None
    for r in rows:
        with pytest.raises(aiindex.IncompleteRankingError) as info:
            ind.rank(r.iso, r.year)
        assert aiindex.entity(r.iso).name in str(info.value)
        assert ind.value(r.iso, r.year).magnitude == float(Decimal(r.value))


def test_incomplete_ranking_message_on_a_user_table_does_not_say_none() -> None:
    ind = read("entity,year,value\nKorea,2023,1\nJapan,2023,2\n", coverage="selection")
    with pytest.raises(aiindex.IncompleteRankingError) as info:
        ind.rank("KOR")
    message = str(info.value)
    assert "South Korea" in message
    # A user table has no edition: the message must not speak of "the None table".
    assert "None" not in message


# -- shipped data -------------------------------------------------------------------------------

SHIPPED = [
    (i, e, y)
    for e in (ed.edition for ed in aiindex.editions())
    for i in aiindex.indicators(e)
    for y in aiindex.indicator(i, edition=e).years
]


@pytest.mark.parametrize(("indicator_id", "edition", "year"), SHIPPED)
def test_shipped_ranks_honour_stated_ranks_and_coverage(
    indicator_id: str, edition: int, year: int
) -> None:
    ind = aiindex.indicator(indicator_id, edition=edition)
    cov = ind.coverage_for(year)
    ranked = [o for o in ind.observations if o.year == year and o.entity.kind == ind.entity_kind]

    def better(a: float, b: float) -> bool:
        return a > b if ind.descending else a < b

    for row in ind.ranking(year):
        obs = row.observation
        if obs.entity.kind != ind.entity_kind:
            assert row.rank is None  # baselines are shown, never ranked
            continue
        if row.rank is None:
            assert obs.stated_rank is None
            with pytest.raises(aiindex.IncompleteRankingError):
                ind.rank(obs.entity, year)
            continue
        assert ind.rank(obs.entity, year) == row.rank
        if obs.stated_rank is not None:
            assert row.rank == obs.stated_rank
            continue
        # A computed rank: only where the table is complete down to this value ...
        if cov.kind != "complete":
            assert cov.complete_down_to is not None
            if ind.descending:
                assert obs.magnitude >= cov.complete_down_to
            else:
                assert obs.magnitude <= cov.complete_down_to
        # ... and equal to 1 + the number of strictly better values.
        assert row.rank == 1 + sum(1 for o in ranked if better(o.magnitude, obs.magnitude))
