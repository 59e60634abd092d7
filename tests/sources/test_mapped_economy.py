"""The economy, science-and-medicine and policy figures mapped for 2025 and 2026.

Every expected value is read here from the release's CSV with the csv module, never typed; a
rank is computed here from the cells. Names of areas are the only literals.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

import aiindex
from aiindex._sources.public_data import mappings

REPO = Path(__file__).resolve().parents[2]
RELEASES = {
    2025: REPO / "reference/public-data/2025-full",
    2026: REPO / "reference/public-data/2026-full",
}

# The figures of this work: each is mapped or skipped.
MAPPED = {
    2025: [
        "fig_4.2.21", "fig_4.5.4", "fig_4.5.5", "fig_4.5.7", "fig_5.4.20", "fig_6.3.1",
        "fig_6.3.2", "fig_6.3.3", "fig_6.3.4", "fig_6.3.5", "fig_6.3.8",
    ],
    2026: [
        "fig_4.3.1", "fig_4.3.10", "fig_4.3.12", "fig_4.5.4", "fig_4.5.5", "fig_4.5.6", "fig_6.3.5",
        "fig_8.5.8", "fig_8.5.9", "fig_8.5.10",
    ],
}  # fmt: skip
# US-state maps, read into subdivision indicators (tests/sources/test_mapped_us_states.py).
US_STATES = {
    2025: ["fig_4.2.8", "fig_4.2.9", "fig_4.2.10"],
    2026: ["fig_4.2.15", "fig_4.4.10", "fig_4.4.11", "fig_4.4.13"],
}
OTHER_SKIPS = {
    2025: ["fig_6.2.12", "fig_6.2.13"],  # a status category per state
    2026: ["fig_8.2.1", "fig_8.3.2", "fig_8.3.5"],
}


def rows(edition: int, figure: str) -> list[dict[str, str]]:
    (path,) = RELEASES[edition].glob(f"*/{figure}.csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def cell(edition: int, figure: str, column: str, **match: str) -> str:
    (row,) = [r for r in rows(edition, figure) if all(r[k] == v for k, v in match.items())]
    return row[column].strip()


def shipped(rid: str, edition: int, entity: str, year: int) -> Decimal:
    return Decimal(aiindex.indicator(rid, edition=edition).observation(entity, year).printed)


@pytest.mark.parametrize("edition", [2025, 2026])
def test_every_figure_of_this_work_is_mapped_or_skipped(edition: int) -> None:
    maps = mappings()
    for fig in MAPPED[edition]:
        assert (edition, f"{fig}.csv") in maps.figures, fig
    for fig in US_STATES[edition]:
        (m,) = maps.figures[edition, f"{fig}.csv"]
        assert (m.indicator.entity_kind, m.subdivisions_of) == ("subdivision", "USA"), fig
    for fig in OTHER_SKIPS.get(edition, []):
        assert maps.skipped[edition, f"{fig}.csv"], fig


def test_robot_installations_are_the_cells_of_both_files() -> None:
    col = "Number of industrial robots installed (in thousands)"
    top = "Number of Industrial Robots Installed (in Thousands)"
    # 2025: 2023 from fig_4.5.4 (one decimal), earlier years from fig_4.5.5 (whole thousands).
    for year in range(2011, 2023):
        want = cell(2025, "fig_4.5.5", col, Year=str(year), **{"Geographic area": "South Korea"})
        assert shipped("industrial_robot_installations", 2025, "KOR", year) == Decimal(want)
    want = cell(2025, "fig_4.5.4", top, **{"Geographic area": "South Korea"})
    rounded = cell(2025, "fig_4.5.5", col, Year="2023", **{"Geographic area": "South Korea"})
    assert Decimal(want) != Decimal(rounded)  # why fig_4.5.5's 2023 is not read
    assert shipped("industrial_robot_installations", 2025, "KOR", 2023) == Decimal(want)
    # 2026: the same id, its own values.
    want = cell(2026, "fig_4.5.4", top, Country="China")
    assert shipped("industrial_robot_installations", 2026, "CHN", 2024) == Decimal(want)
    want = cell(2026, "fig_4.5.5", col, Year="2023", Country="Japan")
    assert shipped("industrial_robot_installations", 2026, "JPN", 2023) == Decimal(want)
    years = [o.year for o in aiindex.series("industrial_robot_installations", "KOR")]
    assert years == list(range(2011, 2025))


def test_robot_growth_reads_percent_strings_and_fractions() -> None:
    rid = "industrial_robot_installations_growth"
    col = "Annual Growth Rate of Industrial Robots Installed"
    text = cell(2025, "fig_4.5.7", col, Country="India")
    assert shipped(rid, 2025, "IND", 2023) == Decimal(text.removesuffix("%"))
    fraction = cell(2026, "fig_4.5.6", col, Country="Taiwan")
    assert shipped(rid, 2026, "TWN", 2024) == Decimal(fraction) * 100


def test_selection_charts_refuse_a_rank() -> None:
    for rid, edition, entity in [
        ("industrial_robot_installations", 2026, "KOR"),
        ("industrial_robot_installations", 2025, "CHN"),
        ("ai_clinical_trials", 2025, "USA"),
        ("ai_public_contract_spending_cumulative_2013_2023", 2025, "USA"),
        ("ai_public_contracts_cumulative_2013_2024", 2026, "GBR"),
    ]:
        ind = aiindex.indicator(rid, edition=edition)
        assert ind.coverage_for(ind.years[-1]).kind == "selection", rid
        with pytest.raises(aiindex.IncompleteRankingError):
            ind.rank(entity)


def test_ai_diffusion_first_half_ranks_the_top_30() -> None:
    table = rows(2026, "fig_4.3.12")
    col = "H1 2025 AI Diffusion"
    ind = aiindex.indicator("ai_diffusion_h1", edition=2026)
    cov = ind.coverage_for(2025)
    assert cov.kind == "top"
    assert cov.complete_down_to == float(min(Decimal(r[col]) for r in table))
    korea = Decimal(cell(2026, "fig_4.3.12", col, Economy="South Korea"))
    assert ind.rank("KOR") == 1 + sum(Decimal(r[col]) > korea for r in table)
    assert shipped("ai_diffusion_h1", 2026, "KOR", 2025) == korea


def test_ai_diffusion_second_half_is_fig_4_3_10() -> None:
    text = cell(2026, "fig_4.3.10", "H2 2025 AI Diffusion (%)", Country="South Korea")
    assert shipped("ai_diffusion_h2", 2026, "KOR", 2025) == Decimal(text.removesuffix("%"))
    ind = aiindex.indicator("ai_diffusion_h2", edition=2026)
    # fig_4.3.1.csv adds the three economies the chart's file lacks.
    assert len(ind.observations) == len(rows(2026, "fig_4.3.10")) + 3
    assert ind.observation("KOR", 2025).source.figure == "fig_4.3.10"
    # fig_4.3.12's unformatted second-half values agree where both files list an area.
    assert shipped("ai_diffusion_h2", 2026, "KOR", 2025) == Decimal(
        cell(2026, "fig_4.3.12", "H2 2025 AI Diffusion", Economy="South Korea")
    )


def test_patient_perception_publications_rank_korea_among_every_country() -> None:
    col = "Volume of Publications"
    table = [r for r in rows(2026, "fig_6.3.5") if r[col].strip()]
    rid = "ai_patient_perception_publications_cumulative_2020_2025"
    ind = aiindex.indicator(rid, edition=2026)
    assert ind.coverage_for(2025).kind == "complete"
    countries = [r for r in table if aiindex.entity(r["Country"]).kind == "country"]
    korea = Decimal(cell(2026, "fig_6.3.5", col, Country="South Korea"))
    assert ind.rank("KOR") == 1 + sum(Decimal(r[col]) > korea for r in countries)
    best = max(countries, key=lambda r: Decimal(r[col]))
    leader = ind.leader()
    assert leader is not None and leader.entity == aiindex.entity(best["Country"])
    # "International" is a row of the file, kept as a group and never ranked.
    intl = ind.observation("International", 2025)
    assert intl.entity.kind == "group"
    assert Decimal(intl.printed) == Decimal(cell(2026, "fig_6.3.5", col, Country="International"))


def test_public_contracts_2025_are_the_cells() -> None:
    checks = [
        ("ai_public_contract_spending_cumulative_2013_2023", "fig_6.3.1", "Tot. Value (M$)"),
        ("ai_public_contracts_cumulative_2013_2023", "fig_6.3.2", "N. Contracts"),
        ("ai_public_contract_median_value_2013_2023", "fig_6.3.3", "Median Contract Value (k$)"),
        (
            "ai_public_contract_spending_per_capita_cumulative_2013_2023",
            "fig_6.3.4",
            "Tot. Value per 100k Inhabitants (k$)",
        ),
    ]
    for rid, fig, col in checks:
        table = rows(2025, fig)
        ind = aiindex.indicator(rid, edition=2025)
        assert len(ind.observations) == len(table), rid
        for r in table:
            obs = ind.observation(r["Country"], 2023)
            assert obs.printed == r[col] and obs.period == "2013-2023", (rid, r)
    # One measure per year: 2023 from fig_6.3.5, earlier years from fig_6.3.8.
    rid = "ai_public_contract_spending"
    col5 = "Public spending on AI-related contracts (in millions of U.S. dollars)"
    col8 = "Public spending on AI-related contracts  (in millions of US dollars)"
    assert shipped(rid, 2025, "DEU", 2023) == Decimal(
        cell(2025, "fig_6.3.5", col5, Country="Germany")
    )
    for r in rows(2025, "fig_6.3.8"):
        if r["Year"] != "2023":
            assert shipped(rid, 2025, r["Label"], int(r["Year"])) == Decimal(r[col8])


def test_public_contracts_2026_are_other_indicators() -> None:
    rid = "ai_public_contract_spending_cumulative_2013_2024"
    named = [
        r for r in rows(2026, "fig_8.5.8") if r["year"] == "2024" and r["country_name"] != "Others"
    ]
    ind = aiindex.indicator(rid, edition=2026)
    assert len(ind.observations) == len(named) == 6
    for r in named:
        assert shipped(rid, 2026, r["country_name"], 2024) == Decimal(r["cumulative_value"])
    # The 2025 sum (over 2013-2023, with the United States) has no 2026 edition.
    with pytest.raises(aiindex.UnknownEditionError):
        aiindex.indicator("ai_public_contract_spending_cumulative_2013_2023", edition=2026)
    col = "Median Contract Value (M$)"
    want = cell(2026, "fig_8.5.10", col, Country="Denmark")
    assert shipped("ai_public_contract_median_value_2013_2024", 2026, "DNK", 2024) == Decimal(want)
    want = cell(2026, "fig_8.5.9", "N. Contracts", Country="Laos")
    assert shipped("ai_public_contracts_cumulative_2013_2024", 2026, "LAO", 2024) == Decimal(want)


def test_talent_representation_and_clinical_trials_are_the_cells() -> None:
    col = "AI talent representation"
    for r in rows(2025, "fig_4.2.21"):
        if r["Gender"] == "Female" and r["Geographic area"] == "United States":
            got = shipped("ai_talent_representation_female", 2025, "USA", int(r["Year"]))
            assert got == Decimal(r[col].removesuffix("%"))
    for r in rows(2025, "fig_5.4.20"):
        got = shipped("ai_clinical_trials", 2025, r["Geographic area"], int(r["Year"]))
        assert got == Decimal(r["Number of clinical trials"])


@pytest.mark.parametrize(
    ("query", "rid"),
    [
        ("산업용 로봇", "industrial_robot_installations"),
        ("공공 조달", "ai_public_contract_spending"),
        ("확산율", "ai_diffusion_h1"),
        ("임상시험", "ai_clinical_trials"),
    ],
)
def test_a_korean_title_finds_the_indicator(query: str, rid: str) -> None:
    assert rid in aiindex.indicators(search=query)


def test_ai_diffusion_ranks_against_the_whole_table_read_independently() -> None:
    # Oracle: fig_4.3.1.csv (Mac Roman), sorted with pandas; a rank is one plus the number
    # of larger values (ties share the rank).
    import pandas as pd

    path = REPO / "reference" / "public-data" / "2026-full" / "4. Economy" / "fig_4.3.1.csv"
    table = pd.read_csv(path, encoding="mac_roman")
    values = table.iloc[:, 1].str.rstrip("%").astype(float)
    ranks = values.rank(ascending=False, method="min").astype(int)
    ind = aiindex.indicator("ai_diffusion_h2", edition=2026)
    assert len(ind.observations) == len(table) == 147
    for name, rank in zip(table.iloc[:, 0], ranks, strict=True):
        assert ind.rank(aiindex.entity(name).id, 2025) == rank, name
    assert ind.rank("KOR", 2025) == 18
