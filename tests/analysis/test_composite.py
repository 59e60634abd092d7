"""Composite rankings: laws (unit invariance, weight scale, dominance, one indicator), agreement
with an independent pandas reimplementation on random tables, missing values, uncertainty, the
starter pillars, weights files, text, charts and the command line."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import aiindex
from aiindex._analysis import composite as comp
from aiindex._cli import _COMPOSITE_CHOICES, main
from aiindex._sources import weights as weights_module
from aiindex.exceptions import (
    DataError,
    EntityKindError,
    IncomparableError,
    MissingValueError,
    UnknownIndicatorError,
)

POOL = ("KOR", "USA", "CHN", "JPN", "DEU", "FRA", "GBR", "ISR")
ENTITY = {c: aiindex.entity(c) for c in POOL}
SOURCE = aiindex.Source("test table", None, "synthetic")
YEAR = 2024
METHODS = [(n, a) for n in comp.NORMALIZATIONS for a in comp.AGGREGATIONS]


def table(
    name: str,
    column: dict[str, float | None],
    *,
    descending: bool = True,
    coverage: str = "complete",
    unit: str = "count",
) -> aiindex.Indicator:
    """A country table of our own: the values of ``column`` (None: no value) in `YEAR`."""
    obs = [
        aiindex.Observation(ENTITY[c], YEAR, float(v), unit, repr(v), unit, SOURCE)
        for c, v in column.items()
        if v is not None
    ]
    return aiindex.Indicator(
        name,
        f"Table {name}",
        None,
        unit,
        unit,
        "country",
        descending,
        SOURCE,
        observations=obs,
        coverage=(aiindex.Coverage(YEAR, coverage),),  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Panel:
    """Random data: countries x indicators (None: missing), directions and integer weights."""

    countries: tuple[str, ...]
    cells: tuple[tuple[float | None, ...], ...]  # one tuple per indicator
    descending: tuple[bool, ...]
    weights: tuple[int, ...]

    def indicators(self, scale: Sequence[float] | None = None) -> list[aiindex.Indicator]:
        out = []
        for j, col in enumerate(self.cells):
            factor = 1.0 if scale is None else scale[j]
            values = {
                c: (None if v is None else v * factor)
                for c, v in zip(self.countries, col, strict=True)
            }
            out.append(table(f"i{j}", values, descending=self.descending[j]))
        return out

    def weights_of(self, inds: list[aiindex.Indicator], times: float = 1) -> dict[Any, float]:
        return {ind: w * times for ind, w in zip(inds, self.weights, strict=True)}

    @property
    def complete(self) -> bool:
        return all(v is not None for col in self.cells for v in col)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {
                f"i{j}": [np.nan if v is None else v for v in col]
                for j, col in enumerate(self.cells)
            },
            index=list(self.countries),
        )


# Values on a coarse grid, so that scores which differ differ by far more than rounding.
_grid = st.integers(0, 20).map(float)


@st.composite
def panels(draw: st.DrawFn, *, missing: bool = True, max_k: int = 4) -> Panel:
    """Random panels that can be ranked: every indicator has two different values, every
    country a value; about a quarter of the cells missing (``missing``)."""
    n = draw(st.integers(3, len(POOL)))
    k = draw(st.integers(1, max_k))
    countries = tuple(draw(st.permutations(POOL))[:n])
    gap = st.sampled_from([False, False, False, True]) if missing else st.just(False)
    cells = []
    lacking = []
    for _ in range(k):
        col = draw(st.lists(_grid, min_size=n, max_size=n))
        holes = draw(st.lists(gap, min_size=n, max_size=n))
        p, q = draw(st.permutations(range(n)))[:2]
        holes[p] = holes[q] = False
        if col[p] == col[q]:
            col[q] = (col[p] + 1 + draw(st.integers(0, 19))) % 21
        cells.append(col)
        lacking.append(holes)
    for i in range(n):
        if all(holes[i] for holes in lacking):
            lacking[draw(st.integers(0, k - 1))][i] = False
    final = tuple(
        tuple(None if hole else v for v, hole in zip(col, holes, strict=True))
        for col, holes in zip(cells, lacking, strict=True)
    )
    descending = tuple(draw(st.lists(st.booleans(), min_size=k, max_size=k)))
    weights = tuple(draw(st.lists(st.integers(1, 5), min_size=k, max_size=k)))
    return Panel(countries, final, descending, weights)


def run(panel: Panel, **options: Any) -> aiindex.Composite:
    inds = panel.indicators()
    return aiindex.composite(panel.weights_of(inds), countries=list(panel.countries), **options)


def ranks_of(result: aiindex.Composite) -> dict[str, int]:
    return {r.entity.id: r.rank for r in result.rows}


def scores_of(result: aiindex.Composite) -> dict[str, float]:
    return {r.entity.id: r.score for r in result.rows}


def assert_ranks_follow(ranks: dict[str, int], scores: dict[str, float]) -> None:
    """Competition ranks that order the countries as ``scores`` do, ties sharing a rank."""
    for a in ranks:
        for b in ranks:
            gap = scores[a] - scores[b]
            if gap > 1e-7:
                assert ranks[a] < ranks[b], (a, b, scores)
            elif abs(gap) < 1e-12:
                assert ranks[a] == ranks[b], (a, b, scores)
    ordered = sorted(ranks.values())
    for place, rank in enumerate(ordered, start=1):
        # 1, 2, 2, 4: a new rank is its place; a tie repeats the rank before it.
        assert rank == place or rank == ordered[place - 2]


# -- the oracle: the same method written independently, with pandas ------------------------


def oracle(
    panel: Panel,
    normalize: str,
    aggregation: str,
    missing: str,
    impute: str = "worst",
    offset: float = comp.GEOMETRIC_OFFSET,
) -> pd.Series:
    x = panel.frame()
    for j, desc in enumerate(panel.descending):
        if not desc:
            x[f"i{j}"] = -x[f"i{j}"]
    if missing == "impute":
        x = x.fillna(x.min() if impute == "worst" else x.median())
    if normalize == "minmax":
        z = (x - x.min()) / (x.max() - x.min())
    elif normalize == "zscore":
        z = (x - x.mean()) / x.std(ddof=0)
    else:
        z = (x.rank(method="average") - 1) / (x.count() - 1)
    w = pd.Series(panel.weights, index=x.columns, dtype=float)
    used = z.notna().astype(float) * w
    if aggregation == "arithmetic":
        return (z.fillna(0.0) * w).sum(axis=1) / used.sum(axis=1)
    g = z - z.min() + offset
    return np.exp((np.log(g).fillna(0.0) * w).sum(axis=1) / used.sum(axis=1))  # type: ignore[no-any-return]


@pytest.mark.parametrize(("normalize", "aggregation"), METHODS)
@pytest.mark.parametrize("missing", comp.MISSING)
@given(panel=panels())
def test_agrees_with_a_pandas_reimplementation(
    panel: Panel, normalize: str, aggregation: str, missing: str
) -> None:
    options = {"normalize": normalize, "aggregation": aggregation, "missing": missing}
    if missing == "refuse" and not panel.complete:
        with pytest.raises(MissingValueError, match="missing='refuse'"):
            run(panel, **options)
        return
    result = run(panel, **options)
    expected = oracle(panel, normalize, aggregation, missing)
    got = scores_of(result)
    for country in panel.countries:
        assert got[country] == pytest.approx(expected[country], rel=1e-9, abs=1e-12)
    assert_ranks_follow(ranks_of(result), expected.to_dict())


@given(panel=panels(), impute=st.sampled_from(comp.IMPUTATIONS))
def test_imputation_agrees_with_pandas_and_is_reported(panel: Panel, impute: str) -> None:
    result = run(panel, missing="impute", impute=impute)
    expected = oracle(panel, "minmax", "arithmetic", "impute", impute)
    for row in result.rows:
        assert row.score == pytest.approx(expected[row.entity.id], rel=1e-9, abs=1e-12)
        i = panel.countries.index(row.entity.id)
        lacking = tuple(f"i{j}" for j, col in enumerate(panel.cells) if col[i] is None)
        assert row.missing == row.imputed == lacking
    frame = panel.frame()
    for j, part in enumerate(result.parts):
        col = frame[f"i{j}"].dropna()
        if len(col) == len(frame):
            assert part.fill is None
        elif impute == "median":
            assert part.fill == pytest.approx(col.median())
        else:
            assert part.fill == (col.max() if not panel.descending[j] else col.min())


# -- laws ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("normalize", "aggregation"), METHODS)
@given(
    panel=panels(),
    factors=st.lists(st.sampled_from([1e-3, 0.25, 3.0, 1e3]), min_size=4, max_size=4),
)
def test_scores_do_not_depend_on_an_indicators_unit(
    panel: Panel, factors: list[float], normalize: str, aggregation: str
) -> None:
    options = {"normalize": normalize, "aggregation": aggregation, "missing": "skip"}
    base = run(panel, **options)
    inds = panel.indicators(scale=factors)
    rescaled = aiindex.composite(panel.weights_of(inds), countries=list(panel.countries), **options)
    before, after = scores_of(base), scores_of(rescaled)
    for country in panel.countries:
        assert after[country] == pytest.approx(before[country], rel=1e-9, abs=1e-12)
    assert_ranks_follow(ranks_of(rescaled), before)


@given(panel=panels(), method=st.sampled_from(METHODS), missing=st.sampled_from(["skip", "impute"]))
def test_doubling_every_weight_changes_nothing(
    panel: Panel, method: tuple[str, str], missing: str
) -> None:
    inds = panel.indicators()
    options: dict[str, Any] = {
        "normalize": method[0],
        "aggregation": method[1],
        "missing": missing,
        "countries": list(panel.countries),
    }
    once = aiindex.composite(panel.weights_of(inds), **options)
    twice = aiindex.composite(panel.weights_of(inds, times=2), **options)
    assert once == twice


@pytest.mark.parametrize(("normalize", "aggregation"), METHODS)
@given(panel=panels(missing=False), order=st.permutations(range(len(POOL))))
def test_a_country_that_dominates_another_never_ranks_below_it(
    panel: Panel, order: list[int], normalize: str, aggregation: str
) -> None:
    a, b = [i for i in order if i < len(panel.countries)][:2]
    cells = []
    for col, desc in zip(panel.cells, panel.descending, strict=True):
        better = max if desc else min
        values = list(col)
        values[a] = better(values[a], values[b])  # type: ignore[type-var]
        assume(len(set(values)) >= 2)
        cells.append(tuple(values))
    dominated = Panel(panel.countries, tuple(cells), panel.descending, panel.weights)
    ranks = ranks_of(run(dominated, normalize=normalize, aggregation=aggregation))
    assert ranks[panel.countries[a]] <= ranks[panel.countries[b]]


@pytest.mark.parametrize(("normalize", "aggregation"), METHODS)
@given(panel=panels(missing=False, max_k=1))
def test_with_one_indicator_the_rank_is_that_indicators(
    panel: Panel, normalize: str, aggregation: str
) -> None:
    (ind,) = panel.indicators()
    result = aiindex.composite(
        {ind: 1}, countries=list(panel.countries), normalize=normalize, aggregation=aggregation
    )
    for row in result.rows:
        assert row.rank == ind.rank(row.entity.id)


@pytest.mark.parametrize(("normalize", "aggregation"), METHODS)
def test_one_shipped_table_keeps_its_own_ranks(normalize: str, aggregation: str) -> None:
    ind = aiindex.indicator("ai_diffusion_h2", edition=2026)  # 147 countries, ties included
    result = aiindex.composite({ind.id: 1}, normalize=normalize, aggregation=aggregation)
    assert len(result.rows) == len(ind.ranking())
    for row in result.rows:
        assert row.rank == ind.rank(row.entity)


def test_lower_is_better_is_flipped() -> None:
    up = table("up", {"KOR": 1.0, "USA": 2.0, "JPN": 3.0})
    down = table("down", {"KOR": 1.0, "USA": 2.0, "JPN": 3.0}, descending=False)
    assert [r.entity.id for r in aiindex.composite({up: 1}).rows] == ["JPN", "USA", "KOR"]
    assert [r.entity.id for r in aiindex.composite({down: 1}).rows] == ["KOR", "USA", "JPN"]


# -- contributions and geometric aggregation ----------------------------------------------------


@given(panel=panels(), method=st.sampled_from(METHODS), missing=st.sampled_from(["skip", "impute"]))
def test_contributions_add_up(panel: Panel, method: tuple[str, str], missing: str) -> None:
    result = run(panel, normalize=method[0], aggregation=method[1], missing=missing)
    for row in result.rows:
        total = math.fsum(c or 0.0 for _, c in row.contributions)
        if method[1] == "arithmetic":
            assert total == pytest.approx(row.score, abs=1e-12)
        else:
            assert total == pytest.approx(math.log(row.score / result.offset), abs=1e-9)
            assert all(c is None or c >= 0 for _, c in row.contributions)
        for (part_id, c), part, value in zip(
            row.contributions, result.parts, row.values, strict=True
        ):
            assert part_id == part.id
            assert (c is None) == (value is None and missing == "skip")


@pytest.mark.parametrize("normalize", comp.NORMALIZATIONS)
def test_geometric_handles_zeros_with_the_documented_offset(normalize: str) -> None:
    a = table("a", {"KOR": 0.0, "USA": 5.0, "JPN": 10.0})
    b = table("b", {"KOR": 0.0, "USA": 0.0, "JPN": 4.0})
    for offset in (comp.GEOMETRIC_OFFSET, 0.5, 2.0):
        result = aiindex.composite(
            {a: 1, b: 1}, aggregation="geometric", normalize=normalize, offset=offset
        )
        kor = result.row("KOR")
        # Worst on every indicator: each normalised value sits at the offset, the score too.
        assert kor.score == pytest.approx(offset)
        assert all(c == pytest.approx(0.0) for _, c in kor.contributions)
        assert all(r.score > 0 and math.isfinite(r.score) for r in result.rows)
        assert result.rank("JPN") == 1
    with pytest.raises(ValueError, match="offset"):
        aiindex.composite({a: 1}, aggregation="geometric", offset=0)


def test_geometric_penalises_imbalance_more_than_arithmetic() -> None:
    a = table("a", {"KOR": 5.0, "USA": 10.0, "JPN": 0.0})
    b = table("b", {"KOR": 5.0, "USA": 0.0, "JPN": 10.0})
    mean = aiindex.composite({a: 1, b: 1})
    assert mean.rank("KOR") == mean.rank("USA") == mean.rank("JPN") == 1
    geo = aiindex.composite({a: 1, b: 1}, aggregation="geometric")
    assert geo.rank("KOR") == 1 and geo.rank("USA") == geo.rank("JPN") == 2


# -- missing values --------------------------------------------------------------------------


def test_refuse_names_each_country_and_what_it_misses() -> None:
    a = table("a", {"KOR": 1.0, "USA": 2.0, "JPN": 3.0})
    b = table("b", {"USA": 2.0, "JPN": 3.0})
    with pytest.raises(MissingValueError, match=r"KOR misses b\b.*missing='skip'"):
        aiindex.composite({a: 1, b: 1})


def test_skip_renormalises_over_what_a_country_has() -> None:
    a = table("a", {"KOR": 10.0, "USA": 0.0, "JPN": 5.0})
    b = table("b", {"USA": 0.0, "JPN": 10.0})
    result = aiindex.composite({a: 1, b: 3}, missing="skip", min_coverage=0.25)
    kor = result.row("KOR")
    assert kor.score == 1.0 and kor.missing == ("b",) and kor.imputed == ()
    assert dict(kor.contributions) == {"a": 1.0, "b": None}
    assert result.row("JPN").score == pytest.approx(0.25 * 0.5 + 0.75 * 1.0)


def test_median_imputation_is_refused_for_a_chart_top() -> None:
    a = table("a", {"KOR": 1.0, "USA": 2.0, "JPN": 3.0})
    top = table("top", {"USA": 9.0, "JPN": 8.0}, coverage="top")
    with pytest.raises(IncomparableError, match="impute='worst'"):
        aiindex.composite({a: 1, top: 1}, missing="impute", impute="median")
    worst = aiindex.composite({a: 1, top: 1}, missing="impute")
    assert worst.row("KOR").imputed == ("top",) and worst.parts[1].fill == 8.0


def test_notes_say_what_a_selection_or_a_skipped_top_means() -> None:
    a = table("a", {"KOR": 1.0, "USA": 2.0, "JPN": 3.0})
    sel = table("sel", {"USA": 9.0, "JPN": 8.0}, coverage="selection")
    top = table("top", {"USA": 9.0, "JPN": 8.0}, coverage="top")
    result = aiindex.composite({a: 1, sel: 1, top: 1}, missing="skip", min_coverage=0.3)
    assert any(n.startswith("sel (2024) is a selection") for n in result.notes)
    assert any(n.startswith("top (2024) holds only the top") for n in result.notes)
    assert result.parts[1].coverage.kind == "selection"


def test_min_coverage_leaves_out_and_reports_the_sparse_countries() -> None:
    a = table("a", {"KOR": 1.0, "USA": 2.0, "JPN": 3.0, "DEU": 4.0})
    b = table("b", {"USA": 2.0, "JPN": 3.0, "DEU": 1.0})
    c = table("c", {"USA": 2.0, "JPN": 3.0, "DEU": 5.0})
    result = aiindex.composite({a: 1, b: 1, c: 1}, min_coverage=0.5, missing="skip")
    assert [e.id for e, _ in result.excluded] == ["KOR"]
    assert result.excluded[0][1] == pytest.approx(1 / 3)
    with pytest.raises(MissingValueError, match="min_coverage"):
        result.row("KOR")
    named = aiindex.composite({a: 1, b: 1, c: 1}, countries=["KOR", "JPN", "DEU"], missing="skip")
    assert {r.entity.id for r in named.rows} == {"KOR", "JPN", "DEU"}
    assert named.excluded == () and named.min_coverage is None


def test_countries_only() -> None:
    ind = aiindex.indicator("private_investment", edition=2026)  # it has a Europe aggregate
    result = aiindex.composite({ind.id: 1})
    assert all(r.entity.kind == "country" for r in result.rows)
    with pytest.raises(EntityKindError):
        aiindex.composite({ind.id: 1}, countries=["World", "KOR"])
    with pytest.raises(EntityKindError, match="ranks model entities"):
        aiindex.composite({"training_cost": 1})


def test_per_capita_refuses_absolute_amounts_and_names_what_is_missing() -> None:
    with pytest.raises(MissingValueError, match=r"population.*'private_investment'"):
        aiindex.composite(
            {"private_investment": 1, "ai_patents_per_capita": 1}, per_capita=True, missing="skip"
        )
    relative = {"ai_patents_per_capita": 1, "ai_talent_concentration": 1}
    result = aiindex.composite(relative, per_capita=True, missing="skip")
    assert result.per_capita and not any(p.absolute for p in result.parts)


@pytest.mark.parametrize(
    ("weights", "error", "match"),
    [
        ({}, ValueError, "empty"),
        ([("private_investment", 1)], TypeError, "mapping"),
        ({"private_investment": 0}, ValueError, "positive"),
        ({"private_investment": -1}, ValueError, "positive"),
        ({"private_investment": True}, ValueError, "positive"),
        ({"private_investment": float("nan")}, ValueError, "positive"),
        ({"private_investment": "1"}, ValueError, "positive"),
        ({"p": {}}, ValueError, "no indicators"),
        ({"p": {"q": {"private_investment": 1}}}, ValueError, "do not nest"),
        ({"p": {"private_investment": 1}, "private_investment": 1}, ValueError, "already"),
        ({3: 1}, TypeError, "keyed by"),
        ({"private_invest": 1}, UnknownIndicatorError, "private_investment"),
    ],
)
def test_bad_weights_are_refused(weights: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        aiindex.composite(weights, missing="skip")


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"normalize": "max"}, "normalize='max'"),
        ({"aggregation": "harmonic"}, "aggregation"),
        ({"missing": "zero"}, "missing"),
        ({"impute": "mean"}, "impute"),
        ({"min_coverage": 0}, "min_coverage"),
        ({"min_coverage": 1.5}, "min_coverage"),
        ({"year": 1999}, "no data for 1999"),
        ({"countries": "KOR"}, "list"),
        ({"countries": ["KOR"]}, "at least two countries"),
    ],
)
def test_bad_options_are_refused(options: dict[str, Any], match: str) -> None:
    with pytest.raises((ValueError, TypeError, LookupError), match=match):
        aiindex.composite({"ai_talent_concentration": 1}, **options)


def test_a_constant_or_infinite_indicator_cannot_be_normalised() -> None:
    flat = table("flat", {"KOR": 2.0, "USA": 2.0})
    with pytest.raises(IncomparableError, match="same value"):
        aiindex.composite({flat: 1})
    lone = table("lone", {"KOR": 2.0})
    other = table("other", {"KOR": 2.0, "USA": 3.0})
    with pytest.raises(IncomparableError, match="only KOR of the countries ranked"):
        aiindex.composite({lone: 1, other: 1}, missing="skip")
    endless = table("endless", {"KOR": 2.0, "USA": math.inf})
    with pytest.raises(IncomparableError, match="USA's value on 'endless' is inf"):
        aiindex.composite({endless: 1})


# -- uncertainty -------------------------------------------------------------------------------


def _first_quantile(values: list[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[math.ceil(q * len(ordered)) - 1]


@given(panel=panels(), missing=st.sampled_from(["skip", "impute"]), seed=st.integers(0, 99))
def test_each_draw_ranks_as_composite_does_with_its_weights(
    panel: Panel, missing: str, seed: int
) -> None:
    inds = panel.indicators()
    result = aiindex.composite(
        panel.weights_of(inds), countries=list(panel.countries), missing=missing
    )
    unc = result.uncertainty(6, seed=seed, concentration=5)
    assert unc.drawn == ("minmax", "zscore", "rank") * 2
    for weights, normalize, ranks in zip(unc.weights, unc.drawn, unc.ranks, strict=True):
        again = aiindex.composite(
            dict(zip(inds, weights, strict=True)),
            countries=list(panel.countries),
            missing=missing,
            normalize=normalize,
        )
        expected = ranks_of(again)
        assert {r.entity.id: k for r, k in zip(result.rows, ranks, strict=True)} == expected


def test_intervals_are_quantiles_of_the_draws_and_reproducible() -> None:
    result = aiindex.composite(aiindex.pillars(), missing="impute")
    unc = result.uncertainty(1000, seed=7)
    assert unc == result.uncertainty(1000, seed=7)
    assert unc.ranks == result.uncertainty(1000, seed=7).ranks
    assert unc.ranks != result.uncertainty(1000, seed=8).ranks
    assert len(unc.ranks) == 1000 and len(unc.weights[0]) == len(result.parts)
    assert all(math.isclose(sum(w), 1.0) for w in unc.weights)
    for i, row in enumerate(unc.rows):
        drawn = [ranks[i] for ranks in unc.ranks]
        assert row.entity == result.rows[i].entity and row.rank == result.rows[i].rank
        assert row.low == _first_quantile(drawn, 0.05)
        assert row.median == _first_quantile(drawn, 0.5)
        assert row.high == _first_quantile(drawn, 0.95)
        assert 1 <= row.low <= row.median <= row.high <= len(result.rows)


def test_a_tight_dirichlet_and_one_normalisation_keep_the_composites_ranks() -> None:
    result = aiindex.composite(aiindex.pillars(), missing="impute")
    unc = result.uncertainty(50, seed=1, concentration=1e12, normalizations=["minmax"])
    assert all(r.low == r.median == r.high == r.rank for r in unc.rows)


def test_the_dirichlet_is_centred_on_the_weights() -> None:
    result = aiindex.composite(aiindex.pillars(), missing="impute")
    unc = result.uncertainty(4000, seed=3)
    mean = np.mean(np.array(unc.weights), axis=0)
    assert mean == pytest.approx([p.weight for p in result.parts], abs=0.004)


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"n": 0}, "draws"),
        ({"n": True}, "draws"),
        ({"seed": -1}, "seed"),
        ({"concentration": 0}, "concentration"),
        ({"normalizations": []}, "empty"),
        ({"normalizations": ["minmax", "log"]}, "normalizations"),
        ({"normalizations": "minmax"}, "sequence"),
    ],
)
def test_bad_uncertainty_options(options: dict[str, Any], match: str) -> None:
    result = aiindex.composite({"ai_talent_concentration": 1})
    with pytest.raises((ValueError, TypeError), match=match):
        result.uncertainty(**options)


def test_numpy_is_imported_by_a_composite_not_by_aiindex() -> None:
    script = textwrap.dedent(
        """
        import json, sys
        import aiindex
        before = "numpy" in sys.modules
        aiindex.composite  # the name alone
        named = "numpy" in sys.modules
        aiindex.composite({"ai_talent_concentration": 1})
        loaded = [m in sys.modules for m in ("numpy", "pandas", "cattrs", "matplotlib")]
        print(json.dumps([before, named, *loaded]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(done.stdout) == [False, False, True, False, False, False]


# -- the starter pillars -------------------------------------------------------------------------


def test_the_starter_pillars_are_complete_or_top_tables_of_2026() -> None:
    edition, records = weights_module.pillar_records()
    assert edition == 2026
    starter = aiindex.pillars()
    assert list(starter) == [p.name for p in records]
    for p in records:
        assert p.title and p.title_ko and p.why
        assert sum(starter[p.name].values()) == pytest.approx(p.weight)
        for indicator_id in p.indicators:
            ind = aiindex.indicator(indicator_id, edition=2026)
            assert ind.entity_kind == "country" and ind.title_ko
            assert ind.coverage_for(ind.years[-1]).kind in ("complete", "top")
    text = (Path(aiindex.__file__).parent / "data" / "pillars.toml").read_text(encoding="utf-8")
    assert "NOT the Vibrancy Tool's indicators or published weights" in text


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda d: d["pillars"][1].update(weight=-1), r"pillars\[1\]\.weight: a weight must"),
        (lambda d: d["pillars"][0].update(colour="red"), r"pillars\[0\]: unknown field"),
        (lambda d: d["pillars"][2].pop("title_ko"), r"pillars\[2\]\.title_ko: is missing"),
        (lambda d: d["pillars"][1].update(name="research"), "name 'research'.*used twice"),
        (
            lambda d: d["pillars"][0]["indicators"].append("ai_bills_passed_cumulative_2016_2025"),
            "'ai_bills_passed_cumulative_2016_2025' is a selection",
        ),
        (lambda d: d["pillars"][0]["indicators"].append("nope"), "'nope' is no indicator"),
        (lambda d: d.update(edition=1999), "edition: no 1999 edition"),
    ],
)
def test_a_bad_pillars_file_names_the_file_the_record_and_the_field(
    monkeypatch: pytest.MonkeyPatch, change: Any, match: str
) -> None:
    import tomllib

    path = Path(aiindex.__file__).parent / "data" / "pillars.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    change(data)
    monkeypatch.setattr(
        weights_module.files, "read_toml", lambda _: ("aiindex/data/pillars.toml", data)
    )
    weights_module.pillar_records.cache_clear()
    try:
        with pytest.raises(DataError, match="^aiindex/data/pillars.toml: .*" + match):
            weights_module.pillar_records()
    finally:
        weights_module.pillar_records.cache_clear()


# -- weights files -------------------------------------------------------------------------------


def write(tmp_path: Path, text: str, name: str = "weights.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_weights_file_reads_as_the_mapping(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "private_investment = 2\n[talent]\nai_talent_migration = 1\n"
        "ai_talent_concentration = 0.5\n",
    )
    assert aiindex.read_weights(p) == {
        "private_investment": 2.0,
        "talent": {"ai_talent_migration": 1.0, "ai_talent_concentration": 0.5},
    }
    result = aiindex.composite(aiindex.read_weights(p), missing="skip")
    assert result.pillars == ("talent",)
    assert result.pillar_weight("talent") == pytest.approx(1.5 / 3.5)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "no weights"),
        ("x = [", "not valid TOML"),
        ("private_investment = 0\n", "private_investment: a weight must be a positive number"),
        ("[t]\nai_talent_migration = true\n", "t.ai_talent_migration: a weight must"),
        ("[t]\nai_talent_migration = 'a'\n", "t.ai_talent_migration: a weight must"),
        ("[t]\n", "t: a pillar needs at least one indicator"),
        ("[t.u]\nai_talent_migration = 1\n", r"t\.u: a weight must"),
        ("[t]\nai_talent_migratoin = 1\n", "Did you mean 'ai_talent_migration'"),
        ("talent = 1\n", "'talent' is a pillar .* or not an indicator"),
        (
            "[a]\ndata_centers = 1\n[b]\ndata_centers = 2\n",
            "b.data_centers: .*already.*a.data_centers",
        ),
    ],
)
def test_a_bad_weights_file_names_the_file_and_the_field(
    tmp_path: Path, text: str, match: str
) -> None:
    p = write(tmp_path, text)
    with pytest.raises(DataError, match=f"^{p}: .*{match}"):
        aiindex.read_weights(p)


def test_a_weights_file_is_read_bounded(tmp_path: Path) -> None:
    big = write(tmp_path, "# " + "x" * weights_module.MAX_BYTES + "\n")
    with pytest.raises(DataError, match="larger than the 64 KiB aiindex reads"):
        aiindex.read_weights(big)
    with pytest.raises(DataError, match="not a regular file"):
        aiindex.read_weights(tmp_path)
    binary = tmp_path / "w.toml"
    binary.write_bytes(b"\xff\xfe = 1")
    with pytest.raises(DataError, match="not UTF-8"):
        aiindex.read_weights(binary)
    with pytest.raises(FileNotFoundError, match="no such file"):
        aiindex.read_weights(tmp_path / "absent.toml")
    with pytest.raises(DataError, match="NUL byte"):
        aiindex.read_weights("w\x00.toml")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        with pytest.raises(DataError, match="not a regular file"):
            aiindex.read_weights(fifo)


def test_a_weights_file_is_checked_against_the_edition(tmp_path: Path) -> None:
    p = write(tmp_path, "ai_bills_passed = 1\n")  # a 2024 and 2025 indicator, not 2026
    assert aiindex.read_weights(p) == {"ai_bills_passed": 1.0}
    with pytest.raises(DataError, match="not an indicator of the 2026 edition"):
        aiindex.read_weights(p, edition=2026)


# -- text, frames, charts ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def starter() -> aiindex.Composite:
    return aiindex.composite(aiindex.pillars(), missing="impute")


def test_text_in_english_and_korean(starter: aiindex.Composite) -> None:
    en = starter.text()
    assert str(starter) == en
    assert en.splitlines()[0] == (
        "Composite ranking of 30 countries (AI Index 2026): 16 indicators in 6 pillars"
    )
    assert "South Korea" in en and "imputed" in en and "Source: LinkedIn" in en
    ko = starter.text("ko")
    kor = next(line for line in ko.splitlines() if " KOR " in line)
    assert kor.split()[:2] == [f"{starter.rank('KOR')}위", "한국"]
    for title in ("연구개발", "인재", "여론", "출처:", "결측값(대체됨):"):
        assert title in ko
    unc = starter.uncertainty(200, seed=1)
    assert "Rank uncertainty over 200 draws, seed 1" in unc.text()
    assert "순위 불확실성: 200회 추출, 시드 1" in unc.text("ko")


def test_to_pandas(starter: aiindex.Composite) -> None:
    df = starter.to_pandas()
    assert len(df) == len(starter.rows) * len(starter.parts)
    sums = df.groupby("entity")["contribution"].sum()
    scores = df.groupby("entity")["score"].first()
    assert (sums - scores).abs().max() < 1e-12
    assert set(df.loc[df.imputed, "entity"]) == {r.entity.id for r in starter.rows if r.imputed}
    assert df.loc[df.missing, "value"].isna().all()
    unc = starter.uncertainty(100, seed=2).to_pandas()
    assert list(unc.columns) == ["rank", "entity", "entity_name", "median", "low", "high"]
    assert (unc["low"] <= unc["high"]).all()


@pytest.fixture
def agg() -> Any:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    yield plt
    plt.close("all")


def test_the_stacked_bars_and_the_intervals(starter: aiindex.Composite, agg: Any) -> None:
    from aiindex._present.plot import HIGHLIGHT_COLOR

    ax = starter.plot(top=10)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 10 and labels[0].endswith("United States")
    assert ax.get_legend() is not None
    assert next(t.get_text() for t in ax.get_legend().get_texts()) == "Research and development"
    by_indicator = starter.plot(by="indicator", top=3, highlight="FIN")
    assert labels_of(by_indicator)[-1].endswith("Finland")  # kept though below the top
    red = [t for t in by_indicator.get_yticklabels() if t.get_color() == HIGHLIGHT_COLOR]
    assert [t.get_text() for t in red] == [labels_of(by_indicator)[-1]]
    geo = aiindex.composite(aiindex.pillars(), missing="impute", aggregation="geometric")
    assert "ln(score / 0.1)" in geo.plot().get_xlabel()
    intervals = starter.uncertainty(100, seed=1).plot()
    assert len(intervals.get_yticklabels()) == len(starter.rows)


def labels_of(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def test_korean_charts_warn_once_without_a_hangul_font(
    starter: aiindex.Composite, agg: Any
) -> None:
    from aiindex._present.composite import composite_figure
    from aiindex._present.plot import hangul_font

    unc = starter.uncertainty(50, seed=1)
    if hangul_font() is None:
        with pytest.warns(aiindex.HangulFontWarning) as caught:
            composite_figure(starter, unc, highlight="KOR", lang="ko")
        assert len(caught) == 1
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            ax = starter.plot(lang="ko")
        assert any("한국" in t for t in labels_of(ax))


# -- the command line ------------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_cli_choices_are_the_functions() -> None:
    assert _COMPOSITE_CHOICES == {
        "normalize": comp.NORMALIZATIONS,
        "aggregation": comp.AGGREGATIONS,
        "missing": comp.MISSING,
        "impute": comp.IMPUTATIONS,
    }


def test_cli_composite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = cli(capsys, "composite", "--missing", "impute")
    assert status == 0 and err == ""
    assert out.startswith("Composite ranking of 30 countries")
    assert "starter pillars (aiindex's own choice, not the AI Index" in out
    p = write(tmp_path, "[talent]\nai_talent_concentration = 1\nai_talent_migration = 1\n")
    status, out, err = cli(
        capsys,
        "composite",
        "--weights",
        str(p),
        "--min-coverage",
        "1",
        "--json",
        "--uncertainty",
        "100",
        "--seed",
        "3",
    )
    data = json.loads(out)
    assert status == 0 and data["rows"][0]["entity"] == "LUX"
    assert data["uncertainty"]["n"] == 100 and data["weights"] == str(p)
    assert data["method"]["missing"] == "refuse" and data["pillars"][0]["name"] == "talent"
    status, out, _ = cli(
        capsys,
        "composite",
        "--missing",
        "impute",
        "--lang",
        "ko",
        "--countries",
        "KOR,JPN,USA,CHN,GBR,DEU,FRA",
    )
    assert status == 0 and "7개국" in out.splitlines()[0] and "한국" in out
    assert "대상:" not in out  # named countries: min_coverage does not apply


def test_cli_composite_plot(capsys: pytest.CaptureFixture[str], tmp_path: Path, agg: Any) -> None:
    target = tmp_path / "c.png"
    status, _, err = cli(
        capsys, "composite", "--missing", "impute", "--uncertainty", "50", "--plot", str(target)
    )
    assert status == 0 and err.strip() == f"aiindex: chart written to {target}"
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["composite"],  # missing values, refused by default
        ["composite", "--weights", "/nonexistent.toml"],
        ["composite", "--weights", "."],
        ["composite", "--uncertainty", "0"],
        ["composite", "--uncertainty", "x"],
        ["composite", "--min-coverage", "2"],
        ["composite", "--normalize", "max"],
        ["composite", "--year", "1999"],
        ["composite", "--countries", "KOR"],
        ["composite", "--countries", "Koreaa,JPN"],
        ["composite", "--countries", "World,KOR"],
        ["composite", "--missing", "impute", "--plot", "c.xyz"],
        ["composite", "--missing", "impute", "--impute", "median"],
        ["composite", "--edition", "1999"],
    ],
)
def test_cli_composite_errors_are_one_line(
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        status = exc.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    assert status == 2 and out == "", (argv, out)
    assert err.count("\n") == 1 and err.startswith("aiindex: ") and "Traceback" not in err


HOSTILE = [
    "", " ", "-", "x", "\x1b[31mred\x1b[0m", "한국", "1e400", "nan", "inf", "-1", "0", "1",
    "2024", "99999999999999999999", "/dev/null", ".", "..", "KOR", "World", "%s", "{}", "\x00",
]  # fmt: skip
SHAPES = [
    ["--weights", "{v}"],
    ["--year", "{v}", "--missing", "skip"],
    ["--countries", "{v}", "--missing", "skip"],
    ["--countries", "{v},KOR,USA,CHN", "--missing", "impute"],
    ["--min-coverage", "{v}", "--missing", "impute"],
    ["--uncertainty", "{v}", "--missing", "impute"],
    ["--seed", "{v}", "--uncertainty", "10", "--missing", "impute"],
    ["--plot", "{v}", "--missing", "impute"],
    ["--highlight", "{v}", "--plot", "c.svg", "--missing", "impute"],
    ["--edition", "{v}", "--missing", "impute"],
    ["--normalize", "{v}"],
    ["--impute", "{v}", "--missing", "impute", "--lang", "ko"],
]


def test_hostile_composite_invocations_keep_the_cli_contract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contextlib
    import io
    import random

    monkeypatch.chdir(tmp_path)
    rng = random.Random(14)
    broken = []
    for _ in range(120):
        argv = ["composite", *(a.format(v=rng.choice(HOSTILE)) for a in rng.choice(SHAPES))]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exc:  # argparse's usage errors
                status = exc.code if isinstance(exc.code, int) else 2
        text = err.getvalue()
        one_line = text.count("\n") == 1 and "internal error" not in text
        if status not in (0, 2) or (status == 2 and not one_line):
            broken.append((argv, f"exit {status}: {text}"))
        elif "Traceback" in text or "\x1b" in text:
            broken.append((argv, text))
    assert not broken, broken[:5]


def test_cli_bad_weights_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    p = write(tmp_path, "[t]\nai_talent_migration = -2\n")
    status, out, err = cli(capsys, "composite", "--weights", str(p))
    assert status == 2 and out == ""
    assert (
        err == f"aiindex: {p}: t.ai_talent_migration: a weight must be a positive number, not -2\n"
    )
