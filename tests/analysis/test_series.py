"""Editions side by side: series, revisions and growth, as properties over the shipped data."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiindex
from aiindex._sources.packaged import catalogue


def _pairs() -> list[tuple[str, str]]:
    """Every (indicator id, entity id) that some edition has a value for."""
    out = set()
    for edition, ids in catalogue().items():
        for i in ids:
            for obs in aiindex.indicator(i, edition=edition).observations:
                out.add((i, obs.entity.id))
    return sorted(out)


PAIRS = _pairs()
EDITIONS = tuple(catalogue())


@given(st.sampled_from(PAIRS))
def test_series_has_one_point_per_year_each_equal_to_its_edition(pair: tuple[str, str]) -> None:
    indicator_id, entity = pair
    try:
        points = aiindex.series(indicator_id, entity)
    except aiindex.MissingValueError:
        # Only where the entity's values all come from an edition of another definition.
        newest = aiindex.indicator(indicator_id)
        assert all(o.entity.id != entity for o in newest.observations)
        return
    years = [p.year for p in points]
    assert years == sorted(set(years))
    for p in points:
        own = aiindex.indicator(indicator_id, edition=p.source.edition)
        assert own.value(entity, p.year).magnitude == p.magnitude


@given(st.sampled_from(PAIRS), st.sampled_from(EDITIONS))
def test_a_vintage_series_comes_from_that_edition_alone(
    pair: tuple[str, str], edition: int
) -> None:
    indicator_id, entity = pair
    try:
        points = aiindex.series(indicator_id, entity, vintage=edition)
    except (aiindex.MissingValueError, aiindex.UnknownEditionError):
        return
    assert {p.source.edition for p in points} == {edition}
    ind = aiindex.indicator(indicator_id, edition=edition)
    assert len(points) == sum(1 for o in ind.observations if o.entity.id == entity)


@given(st.sampled_from(PAIRS))
def test_growth_of_a_value_against_itself_is_zero(pair: tuple[str, str]) -> None:
    indicator_id, entity = pair
    try:
        year = aiindex.series(indicator_id, entity)[-1].year
    except aiindex.MissingValueError:
        return
    g = aiindex.growth(indicator_id, entity, year, year)
    assert g.absolute == 0
    assert g.relative == 0
    assert g.cagr is None


@given(st.sampled_from(PAIRS))
def test_revisions_are_oldest_first_and_each_is_its_editions_value(pair: tuple[str, str]) -> None:
    indicator_id, entity = pair
    year = next(
        o.year
        for e in EDITIONS
        if indicator_id in catalogue()[e]
        for o in aiindex.indicator(indicator_id, edition=e).observations
        if o.entity.id == entity
    )
    revs = aiindex.revisions(indicator_id, entity, year)
    assert [r.edition for r in revs] == sorted(r.edition for r in revs)
    for r in revs:
        assert aiindex.indicator(indicator_id, edition=r.edition).value(entity, year) == r.value


def test_growth_of_koreas_talent_migration() -> None:
    g = aiindex.growth("ai_talent_migration", "KOR", 2020, 2023, vintage=2024)
    assert round(g.absolute, 10) == -0.6
    assert g.relative == pytest.approx(-2.0)
    assert g.cagr is None  # the 2023 value is negative: no compound rate
    assert g.absolute_quantity.units == aiindex.ureg.Unit("1 / (ten_thousand * person)")


def test_growth_refuses_mixed_editions_and_says_why() -> None:
    # Find an entity whose latest series mixes editions; with one edition shipped there is none.
    for indicator_id, entity in PAIRS:
        try:
            points = aiindex.series(indicator_id, entity)
        except aiindex.MissingValueError:
            continue
        by_edition = {p.source.edition: p for p in points}
        if len(by_edition) > 1:
            first, last = points[0], points[-1]
            if first.source.edition == last.source.edition:
                continue
            with pytest.raises(aiindex.IncomparableError) as info:
                aiindex.growth(indicator_id, entity, first.year, last.year)
            assert str(first.source.edition) in str(info.value)
            assert "mixed_editions=True" in str(info.value)
            g = aiindex.growth(indicator_id, entity, first.year, last.year, mixed_editions=True)
            assert g.editions == (first.source.edition, last.source.edition)
            return
    pytest.skip("no shipped series mixes editions yet")


def test_unknown_inputs_raise_the_documented_errors() -> None:
    with pytest.raises(aiindex.UnknownIndicatorError):
        aiindex.series("private_investmnt", "KOR")
    with pytest.raises(aiindex.UnknownEntityError):
        aiindex.revisions("private_investment", "Atlantis", 2023)
    with pytest.raises(aiindex.MissingValueError, match="1999"):
        aiindex.revisions("private_investment", "KOR", 1999)
    with pytest.raises(aiindex.UnknownEditionError):
        aiindex.series("private_investment", "KOR", vintage=1999)
    with pytest.raises(aiindex.MissingValueError, match="2019"):
        aiindex.growth("ai_talent_migration", "KOR", 2019, 2023, vintage=2024)
