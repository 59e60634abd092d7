"""aiindex.compare: each cell is the newest same-definition edition's value, checked against
aiindex.revisions as an oracle, over every indicator that more than one edition has."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aiindex
from aiindex._analysis.editions import definition
from aiindex._present.text import compare_table
from aiindex._sources.packaged import catalogue, load

SHARED = sorted({i for ids in catalogue().values() for i in ids if
                 sum(i in other for other in catalogue().values()) > 1})  # fmt: skip
COUNTRIES = ["KOR", "USA", "CHN", "JPN", "DEU", "GBR", "FRA", "IND", "ISR", "CAN"]


def oracle(indicator_id: str, entity: str, year: int) -> aiindex.Observation | None:
    newest = load(indicator_id, max(e for e, ids in catalogue().items() if indicator_id in ids))
    try:
        revs = aiindex.revisions(indicator_id, entity, year)
    except aiindex.MissingValueError:
        return None
    same = [r for r in revs if r.definition == definition(newest)]
    return same[-1].observation if same else None


@pytest.mark.parametrize("indicator_id", SHARED)
def test_each_cell_is_the_newest_editions_value(indicator_id: str) -> None:
    try:
        c = aiindex.compare(indicator_id, COUNTRIES[:5])
    except aiindex.MissingValueError:
        pytest.skip("none of these countries has a value")
    assert list(c.years) == sorted(c.years)
    assert set(c.editions) <= {e for e, ids in catalogue().items() if indicator_id in ids}
    for entity, year, obs in c.cells:
        assert obs == oracle(indicator_id, entity.id, year)
        if obs is not None:
            assert obs.source.edition in c.editions


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=5, unique=True))
def test_the_order_of_entities_is_kept_and_cells_do_not_depend_on_it(entities: list[str]) -> None:
    c = aiindex.compare("private_investment", entities)
    assert [e.id for e in c.entities] == entities
    reverse = aiindex.compare("private_investment", entities[::-1])
    for e in c.entities:
        for y in c.years:
            assert c.cell(e, y) == reverse.cell(e, y)


def test_definitions_are_not_mixed_and_left_out_editions_are_named() -> None:
    c = aiindex.compare("notable_models_by_country", ["USA", "CHN"])
    assert c.left_out == (2023,)
    assert all(o is None or o.source.edition != 2023 for _, _, o in c.cells)
    assert "Not mixed in: the 2023 edition(s)" in str(c)
    assert "2023년판은 정의가 달라 섞지 않음" in compare_table(c, lang="ko")


def test_vintage_and_years() -> None:
    c = aiindex.compare("private_investment", ["USA", "KOR"], vintage=2024)
    assert c.editions == (2024,) and c.years == (2023,)
    c = aiindex.compare("private_investment", ["USA"], years=range(2020, 2023))
    assert c.years == (2020, 2021, 2022)
    with pytest.raises(aiindex.UnknownEditionError):
        aiindex.compare("private_investment", ["USA"], vintage=1999)
    with pytest.raises(aiindex.MissingValueError):
        aiindex.compare("private_investment", ["Chad"])
    with pytest.raises(aiindex.UnknownEntityError):
        aiindex.compare("private_investment", ["Atlantis"])
    with pytest.raises(ValueError):
        aiindex.compare("private_investment", [])
    assert aiindex.compare("private_investment", "KOR").entities[0].id == "KOR"


def test_the_table_marks_each_cell_with_its_edition() -> None:
    c = aiindex.compare("private_investment", ["KOR"], years=[2022, 2023, 2024, 2025])
    lines = str(c).splitlines()
    marks = {line.split()[0]: line.split()[-1] for line in lines[2:6]}
    assert marks == {"2022": "d", "2023": "c", "2024": "b", "2025": "a"}
    assert "a = AI Index 2026, b = AI Index 2025, c = AI Index 2024, d = AI Index 2023" in lines[6]
    assert "3.10" in lines[2] and "1.78" in lines[5]  # the charts' digits


def test_the_plot_has_a_line_per_entity() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    c = aiindex.compare("private_investment", ["KOR", "JPN", "USA"])
    ax = aiindex.plot(c, highlight="KOR")
    try:
        assert [line.get_gid() for line in ax.get_lines()] == ["KOR", "JPN", "USA"]
        ends = [t.get_text() for t in ax.texts][:3]
        assert ends == ["1.78, South Korea", "1.11, Japan", "285.88, United States"]
    finally:
        plt.close(ax.get_figure(root=True))
