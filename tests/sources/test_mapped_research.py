"""The research mappings: 2025 and 2026 chapters 1-3 (research, technical performance, RAI).

Every value checked here is read from the release's CSV in the test with the csv module, never
typed; ranks are computed here from the same cells.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from release import competition_rank, rows

import aiindex
from aiindex._sources.public_data import mappings
from aiindex.exceptions import IncompleteRankingError


def cell(edition: int, figure: str, column: str, **match: str) -> str:
    """The one cell of ``column`` in the row whose columns hold the ``match`` texts."""
    found = [r for r in rows(edition, figure) if all(r[k] == v for k, v in match.items())]
    assert len(found) == 1, (figure, match, len(found))
    return found[0][column]


# (edition, indicator, entity, year, figure, value column, row match, written as a fraction)
CELLS = [
    (2025, "ai_publications_cs_share", "USA", 2023, "fig_1.1.6",
     "AI publications in CS (% of total)", {"Label": "United States", "Year": "2023"}, True),
    (2025, "ai_publications_cs_share", "unknown-area", 2013, "fig_1.1.6",
     "AI publications in CS (% of total)", {"Label": "Unknown", "Year": "2013"}, True),
    (2025, "ai_publication_citations_cs_share", "CHN", 2023, "fig_1.1.7",
     "AI publication citations in CS (% of total)", {"Label": "China", "Year": "2023"}, True),
    (2025, "highly_cited_ai_publications_top100", "KOR", 2022, "fig_1.1.11",
     "Number of highly cited publications in top 100",
     {"Geographic area": "South Korea", "Label": "2022"}, False),
    (2025, "github_ai_projects_share", "IND", 2024, "fig_1.6.2",
     "AI projects (% of total)", {"Label": "India", "Year": "2024"}, True),
    (2025, "github_stars_cumulative", "CHN", 2011, "fig_1.6.4",
     "Number of cumulative GitHub stars (in millions)", {"Label": "China", "Year": "2011"}, False),
    (2025, "responsible_ai_papers", "DEU", 2024, "fig_3.4.3",
     "Number of RAI submissions", {"Geographic area": "Germany"}, False),
    (2025, "responsible_ai_papers", "europe", 2021, "fig_3.4.4",
     "Number of RAI papers", {"Label": "Europe", "Year": "2021"}, False),
    (2025, "responsible_ai_papers_cumulative_2019_2024", "KOR", 2024, "fig_3.4.5",
     "Number of RAI papers accepted, 2019-24", {"Country code": "KOR"}, False),
    (2026, "data_centers", "KOR", 2025, "fig_1.3.1",
     "num_datacenters", {"Country": "South Korea"}, False),
    (2026, "data_centers", "CUW", 2025, "fig_1.3.1",
     "num_datacenters", {"Country": "Curacao"}, False),
    (2026, "github_ai_projects_10_stars_share", "USA", 2025, "fig_1.5.3",
     "AI projects (% of total)", {"Label": "United States", "Year": "2025"}, True),
    (2026, "github_stars_cumulative", "IND", 2024, "fig_1.5.5",
     "Number of cumulative GitHub stars (in millions)", {"Label": "India", "Year": "2024"}, False),
    (2026, "ai_publications_cs_share", "unknown-area", 2024, "fig_1.6.6",
     "AI publications in CS (% of total)", {"Label": "Unknown", "Year": "2024"}, True),
    (2026, "ai_patent_proximity_to_us", "KOR", 2024, "fig_1.7.7",
     "Proximity_to_United_States", {"Country": "South Korea"}, False),
    (2026, "ai_patent_proximity_to_china", "european-patent-office", 2024, "fig_1.7.7",
     "Proximity_to_China", {"Country": "European Patent Office"}, False),
    (2026, "top_ai_authors_inventors", "KOR", 2025, "fig_1.8.1",
     "Number of top AI authors and inventors (in thousands)", {"Country": "South Korea"}, False),
    (2026, "top_ai_authors_inventors_per_capita", "CHE", 2025, "fig_1.8.2",
     "talent_per_100k", {"country": "Switzerland"}, False),
    (2026, "top_ai_authors_inventors_doctorate_share", "KOR", 2025, "fig_1.8.3",
     "pct_share", {"country": "South Korea", "year": "2025", "education_label": "Doctorate"}, True),
    (2026, "top_ai_authors_inventors_female_share", "KOR", 2010, "fig_1.8.4",
     "Female", {"country": "South Korea", "year": "2010"}, True),
    (2026, "responsible_ai_papers", "KOR", 2025, "fig_3.4.4",
     "Number of RAI submissions", {"Geographic area": "South Korea"}, False),
    (2026, "responsible_ai_papers_cumulative_2019_2025", "KOR", 2025, "fig_3.4.5",
     "number_of_rai_submissions", {"country_code": "KOR"}, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("edition", "rid", "entity", "year", "figure", "column", "match", "fraction"), CELLS
)
def test_a_value_is_its_cell(
    edition: int,
    rid: str,
    entity: str,
    year: int,
    figure: str,
    column: str,
    match: dict[str, str],
    fraction: bool,
) -> None:
    written = cell(edition, figure, column, **match)
    obs = aiindex.indicator(rid, edition=edition).observation(entity, year)
    expected = Decimal(written) * 100 if fraction else Decimal(written)
    assert Decimal(obs.printed) == expected
    assert obs.source.figure == figure


def test_the_whole_data_center_map_is_read() -> None:
    ind = aiindex.indicator("data_centers", edition=2026)
    table = rows(2026, "fig_1.3.1")
    assert len(ind.observations) == len(table)
    for r in table:
        name = "Curaçao" if r["Country"] == "Curacao" else r["Country"]
        assert Decimal(ind.observation(name, 2025).printed) == Decimal(r["num_datacenters"])


def test_the_data_center_top_15_ranks_down_to_its_smallest_value() -> None:
    column = "Number of Data Centers"
    top = {r["Country"]: Decimal(r[column]) for r in rows(2026, "fig_1.3.2")}
    ind = aiindex.indicator("data_centers", edition=2026)
    cov = ind.coverage_for(2025)
    assert cov.kind == "top"
    assert cov.complete_down_to == float(min(top.values()))
    leader = max(top, key=lambda k: top[k])
    assert ind.rank(leader) == 1 == competition_rank(top, leader)
    assert ind.rank("India") == competition_rank(top, "India")
    # South Korea is on the map (fig_1.3.1) but below the chart's floor: no rank.
    with pytest.raises(IncompleteRankingError):
        ind.rank("KOR")


@pytest.mark.parametrize(
    ("edition", "rid", "figure", "code_column", "column"),
    [
        (2025, "responsible_ai_papers_cumulative_2019_2024", "fig_3.4.5",
         "Country code", "Number of RAI papers accepted, 2019-24"),
        (2026, "responsible_ai_papers_cumulative_2019_2025", "fig_3.4.5",
         "country_code", "number_of_rai_submissions"),
    ],
)  # fmt: skip
def test_responsible_ai_paper_sums_rank_every_country(
    edition: int, rid: str, figure: str, code_column: str, column: str
) -> None:
    values = {r[code_column]: Decimal(r[column]) for r in rows(edition, figure)}
    ind = aiindex.indicator(rid, edition=edition)
    assert ind.coverage_for(ind.years[-1]).kind == "complete"
    assert len(ind.observations) == len(values)
    leader = max(values, key=lambda k: values[k])
    assert ind.rank(leader) == 1
    assert ind.rank("KOR") == competition_rank(values, "KOR")


@pytest.mark.parametrize(
    ("edition", "rid", "entity"),
    [
        (2026, "top_ai_authors_inventors", "USA"),  # the largest value, yet China is not listed
        (2026, "top_ai_authors_inventors_per_capita", "Switzerland"),  # the largest value
        (2026, "ai_patent_proximity_to_us", "KOR"),
        (2025, "highly_cited_ai_publications_top100", "USA"),
        (2026, "responsible_ai_papers", "KOR"),
    ],
)
def test_a_selection_refuses_a_rank(edition: int, rid: str, entity: str) -> None:
    ind = aiindex.indicator(rid, edition=edition)
    year = ind.years[-1]
    assert ind.coverage_for(year).kind == "selection"
    ind.value(entity, year)  # the value is known
    with pytest.raises(IncompleteRankingError):
        ind.rank(entity, year)


def test_shared_ids_span_both_editions_and_other_measures_do_not() -> None:
    assert {"ai_publications_cs_share", "github_stars_cumulative", "responsible_ai_papers"} <= (
        set(aiindex.indicators(2025)) & set(aiindex.indicators(2026))
    )
    # 2026 counts only GitHub projects with at least 10 stars: another measure, another id.
    assert "github_ai_projects_share" not in aiindex.indicators(2026)
    assert "github_ai_projects_10_stars_share" not in aiindex.indicators(2025)


@pytest.mark.parametrize(
    ("search", "rid"),
    [
        ("데이터센터", "data_centers"),
        ("박사 학위자", "top_ai_authors_inventors_doctorate_share"),
        ("책임 있는 AI 논문", "responsible_ai_papers"),
        ("깃허브 스타", "github_stars_cumulative"),
    ],
)
def test_a_korean_title_search_finds_the_indicator(search: str, rid: str) -> None:
    assert rid in aiindex.indicators(search=search)


def test_the_new_areas_are_groups() -> None:
    assert aiindex.entity("Unknown").id == "unknown-area"
    assert aiindex.entity("European Patent Office").kind == "group"
    assert aiindex.entity("WIPO").kind == "group"


# Every figure of this pass, mapped or skipped with a reason.
RESEARCH_FIGURES = {
    2025: ["1.1.6", "1.1.7", "1.1.11", "1.6.2", "1.6.4", "3.4.3", "3.4.5", "3.7.2"],
    2026: ["1.3.1", "1.3.2", "1.4.11", "1.5.3", "1.5.5", "1.5.7", "1.6.6", "1.7.7", "1.8.1",
           "1.8.2", "1.8.3", "1.8.4", "1.8.6", "3.4.4", "3.4.5", "3.5.1", "3.5.2", "3.6.1",
           "3.6.2", "3.7.1", "3.7.2", "3.7.3", "3.8.3"],
}  # fmt: skip


@pytest.mark.parametrize("edition", sorted(RESEARCH_FIGURES))
def test_every_research_figure_is_mapped_or_skipped(edition: int) -> None:
    maps = mappings()
    for number in RESEARCH_FIGURES[edition]:
        key = (edition, f"fig_{number}.csv")
        assert (key in maps.figures) != (key in maps.skipped), key
        assert key in maps.figures or len(maps.skipped[key]) > 20
