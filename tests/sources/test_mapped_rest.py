"""The organization, model, region, agency and opinion-change figures of 2025 and 2026.

Every expected value is read here from the release's CSV with the csv module, never typed; a
rank is computed here from the cells. Names and numbers of figures are the only literals.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from release import competition_rank, rows

import aiindex
from aiindex._sources.public_data import mappings
from aiindex.exceptions import IncompleteRankingError, MissingValueError


def number(written: str, fraction: bool) -> Decimal:
    """A cell as the indicator shows it: a percent string loses its sign, a fraction moves."""
    value = Decimal(written.strip().rstrip("%"))
    return value * 100 if fraction else value


# (edition, indicator, figure, entity column, value column, year column or data year,
#  written as a fraction of 1, the rows read: column -> text)
FIGURES = [
    (2026, "notable_models_by_organization", "fig_1.1.6", "organization", "num_models", 2025,
     False, {}),
    (2026, "notable_models_by_organization_cumulative_2014_2025", "fig_1.1.7", "organization",
     "num_models", 2025, False, {}),
    (2025, "notable_models_by_organization", "fig_1.3.6", "Organization",
     "Number of notable AI model in 2024", 2024, False, {}),
    (2025, "highly_cited_ai_publications_top100_by_organization", "fig_1.1.13", "Organization",
     "Number of highly cited publications in top 100", "Label", False, {}),
    (2025, "ai_patents_per_capita_change_2013_2023", "fig_1.2.5", "Geographic Area",
     "Change of granted AI patents (per 100,000 inhabitants) 2013 vs. 2023 for Top in 2023",
     2023, True, {}),
    (2026, "granted_ai_patents", "fig_1.7.3", "Label",
     "Number of AI patents granted (in thousands)", "Year", False, {}),
    (2025, "model_parameters", "fig_1.3.12", "Model", "Parameters", "Publication date", False,
     {}),
    (2025, "inference_price", "fig_1.3.22", "Model", "USD per 1M tokens", "Publication Date",
     False, {}),
    (2025, "output_price", "fig_1.3.23", "Model", "Output price US per 1 million tokens", 2025,
     False, {}),
    (2025, "training_power_draw", "fig_1.4.6", "Model", "Training power draw (watts)",
     "Publication date", False, {}),
    (2026, "training_power_draw", "fig_1.4.2", "model", "training_power_draw_(w)",
     "publication_date", False, {}),
    (2025, "training_carbon_emissions", "fig_1.4.7", "Model", "C02eq_emissions", "Year", False,
     {}),
    (2026, "training_carbon_emissions", "fig_1.4.3", "model", "C02eq_emissions", "year", False,
     {}),
    (2026, "inference_energy_per_medium_prompt", "fig_1.4.5", "model",
     "avg_energy_consumption_wh", "year", False, {}),
    (2026, "aime_2025_score", "fig_1.1.16", "Model", "Score", 2025, True, {}),
    (2025, "organizations_using_ai", "fig_4.4.4", "Geographic Area", "% of Respondents", "Year",
     False, {}),
    (2025, "organizations_using_generative_ai", "fig_4.4.7", "Geographic Area",
     "% of Respondents", "Year", False, {}),
    (2026, "organizations_using_ai", "fig_4.3.2", "Geographic Area", "% of Respondents",
     "Label", True, {}),
    (2026, "ai_talent_representation_female", "fig_4.4.25", "Country",
     "ai_talent_representation_perc", "Year", True, {"Gender": "Female"}),
    (2025, "ai_regulations_by_agency", "fig_6.2.20", "Agency Name",
     "Number of AI-related regulations", "Year", False, {}),
    (2026, "ai_regulations_by_agency", "fig_8.4.11", "Agency Name",
     "Number of AI-related regulations", "Year", False, {}),
    (2025, "ai_public_grant_spending_share_by_agency_2013_2023", "fig_6.3.13", "Funding agency",
     "Public spending on AI-related grants (% of total)", 2023, False, {}),
    (2026, "ai_public_grant_spending_share_by_agency", "fig_8.5.7", "Label",
     "Public spending on AI-related grants (% of total)", "Year", True, {}),
    (2025, "ai_public_contract_spending", "fig_6.3.6", "Label",
     "Public spending on AI-related contracts  (in millions of US dollars)", "Year", False,
     {"Label": "Europe"}),
    (2025, "countries_offering_cs_education_share", "fig_7.2.18", "Continent",
     "% of countries offering CS education", "Year", False, {}),
    (2025, "ai_products_nervous_agree_change_2023_2024", "fig_8.1.5", "Country", "pp. change",
     2024, False,
     {"Statement": "Products and services using artificial  intelligence make me nervous "}),
    (2025, "ai_good_understanding_agree_change_2022_2024", "fig_8.1.6", "Country", "pp. change",
     2024, False,
     {"Statement": "I have a good understanding of what  artificial intelligence is "}),
    (2026, "ai_more_benefits_than_drawbacks_agree_change_2022_2025", "fig_9.1.2", "Country",
     '% of respondents that "Agree"', 2025, True, {"Year": "Point change 2022 vs. 2025"}),
]  # fmt: skip
# Where a file's name of an entity is no name of it elsewhere, the mapping says which it is.
ENTITY_IDS = {
    "LAC": "latin-america-caribbean",
    "Others": "other-funding-agencies",
    "Other": "other-funding-agencies",
    "Rest of the world": "rest-of-world-ex-chn-usa-europe-ind",
}


def _year(cell: str) -> int:
    """A year, or the year of a date written 12/24/24, 2024-08-13 or 2013.0."""
    text = cell.strip()
    if "/" in text:
        return 2000 + int(text.rsplit("/", 1)[1][-2:])
    return int(text[:4])


@pytest.mark.parametrize(
    ("edition", "rid", "figure", "entity", "column", "year", "fraction", "match"), FIGURES
)
def test_every_value_is_its_cell(
    edition: int,
    rid: str,
    figure: str,
    entity: str,
    column: str,
    year: int | str,
    fraction: bool,
    match: dict[str, str],
) -> None:
    ind = aiindex.indicator(rid, edition=edition)
    n = 0
    for r in rows(edition, figure):
        if any(r[k] != v for k, v in match.items()) or not r[column].strip():
            continue
        when = _year(r[year]) if isinstance(year, str) else year
        name = r[entity].strip()
        obs = ind.observation(ENTITY_IDS.get(name, name), when)
        assert Decimal(obs.printed) == number(r[column], fraction), (figure, r)
        n += 1
    assert n >= 4, figure


def test_the_organization_top_charts_rank_the_leader_and_refuse_below_the_cut() -> None:
    for edition, figure, column, year in (
        (2025, "fig_1.3.6", "Number of notable AI model in 2024", 2024),
        (2026, "fig_1.1.6", "num_models", 2025),
    ):
        name = "Organization" if edition == 2025 else "organization"
        top = {r[name]: Decimal(r[column]) for r in rows(edition, figure)}
        ind = aiindex.indicator("notable_models_by_organization", edition=edition)
        cov = ind.coverage_for(year)
        assert cov.kind == "top"
        assert cov.complete_down_to == float(min(top.values()))
        for org in top:
            assert ind.rank(org) == competition_rank(top, org), (edition, org)
    # Google's first place of 2024, which 0.1 refused.
    assert aiindex.indicator("notable_models_by_organization", edition=2025).rank("Google") == 1
    # Microsoft, 3rd of 2014-2024 (fig_1.3.7), is below the 2024 chart's cut: no value.
    with pytest.raises(MissingValueError):
        aiindex.indicator("notable_models_by_organization", edition=2025).rank("Microsoft")


def test_highly_cited_organizations_rank_in_2023_only() -> None:
    column = "Number of highly cited publications in top 100"
    of_2023 = {
        r["Organization"]: Decimal(r[column])
        for r in rows(2025, "fig_1.1.13")
        if r["Label"] == "2023"
    }
    ind = aiindex.indicator("highly_cited_ai_publications_top100_by_organization", edition=2025)
    assert ind.rank("Google", 2023) == competition_rank(of_2023, "Google") == 1
    assert ind.rank("Nvidia", 2023) == competition_rank(of_2023, "Nvidia")
    assert ind.coverage_for(2022).kind == "selection"
    with pytest.raises(IncompleteRankingError):
        ind.rank("Google", 2022)


@pytest.mark.parametrize(
    ("edition", "rid", "entity"),
    [
        (2025, "inference_price", "DeepSeek-V3"),
        (2025, "training_carbon_emissions", "GPT-4"),
        (2026, "inference_energy_per_medium_prompt", "GPT-4"),
        (2026, "organizations_using_ai", "Europe"),
        (2025, "countries_offering_cs_education_share", "Africa"),
        (2026, "ai_public_grant_spending_share_by_agency", "National Science Foundation"),
        (2025, "ai_products_nervous_agree_change_2023_2024", "KOR"),
    ],
)
def test_a_selection_refuses_a_rank(edition: int, rid: str, entity: str) -> None:
    ind = aiindex.indicator(rid, edition=edition)
    year = ind.observations_of(entity)[-1].year
    assert ind.coverage_for(year).kind == "selection"
    with pytest.raises(IncompleteRankingError):
        ind.rank(entity, year)


def test_prices_and_emissions_rank_lower_first() -> None:
    for rid in ("inference_price", "output_price", "training_carbon_emissions"):
        assert not aiindex.indicator(rid, edition=2025).descending, rid


def test_agency_regulations_rank_among_every_agency_of_the_year() -> None:
    column = "Number of AI-related regulations"
    of_2025 = {
        r["Agency Name"]: Decimal(r[column])
        for r in rows(2026, "fig_8.4.11")
        if r["Year"] == "2025"
    }
    ind = aiindex.indicator("ai_regulations_by_agency", edition=2026)
    leader = max(of_2025, key=lambda k: of_2025[k])
    assert ind.rank(leader, 2025) == 1
    for agency in of_2025:
        assert ind.rank(agency, 2025) == competition_rank(of_2025, agency)
    # "Commerce Department" (the regulations file) and "Department of Commerce" (the grants
    # file) are one agency.
    assert aiindex.entity("Commerce Department") == aiindex.entity("Department of Commerce")


def test_a_file_that_rounds_another_is_read_where_it_adds() -> None:
    # 2025 fig_6.3.6 rounds the United States' 2023 value of fig_6.3.5: that one is kept.
    ind = aiindex.indicator("ai_public_contract_spending", edition=2025)
    (us_2023,) = [r for r in rows(2025, "fig_6.3.5") if r["Country"] == "United States"]
    obs = ind.observation("USA", 2023)
    assert (obs.printed, obs.source.figure) == (us_2023[next(iter(us_2023))], "fig_6.3.5")
    column = "Public spending on AI-related contracts  (in millions of US dollars)"
    (us_2013,) = [
        r for r in rows(2025, "fig_6.3.6") if (r["Label"], r["Year"]) == ("United States", "2013")
    ]
    assert ind.observation("USA", 2013).printed == us_2013[column]


def test_the_2026_organization_ids_continue_the_2025_ones() -> None:
    both = set(aiindex.indicators(2025)) & set(aiindex.indicators(2026))
    assert {"notable_models_by_organization", "training_power_draw"} <= both
    assert "organizations_using_ai" in both
    # Sums over other periods are other measures.
    assert "notable_models_by_organization_cumulative_2014_2025" not in aiindex.indicators(2025)


@pytest.mark.parametrize(
    ("search", "rid"),
    [
        ("기관별 주목할 만한 AI 모델", "notable_models_by_organization"),
        ("추론 가격", "inference_price"),
        ("탄소 배출량", "training_carbon_emissions"),
        ("생성형 AI를 도입한 기업", "organizations_using_generative_ai"),
        ("연방 기관별 AI 관련 규제", "ai_regulations_by_agency"),
        ("CS 교육 제공 국가", "countries_offering_cs_education_share"),
        ("동의 비율 변화", "ai_products_nervous_agree_change_2023_2024"),
    ],
)
def test_a_korean_title_search_finds_the_indicator(search: str, rid: str) -> None:
    assert rid in aiindex.indicators(search=search)


def test_the_organizations_have_korean_names() -> None:
    ind = aiindex.indicator("notable_models_by_organization", edition=2026)
    named = [e for e in ind.entities if e.name_ko]
    assert len(named) >= len(ind.entities) - 1  # xAI is xAI in Korean too
    assert aiindex.entity("오픈AI").id == "openai"


def test_skips_of_this_work_say_why() -> None:
    skipped = mappings().skipped
    for edition, file, words in [
        (2025, "fig_1.1.9.csv", "distribution"),
        (2026, "fig_1.6.9.csv", "distribution"),
        (2025, "fig_1.3.17.csv", "no model name"),
        (2026, "fig_1.4.6.csv", "byte-for-byte copy of fig_1.4.5.csv"),
        (2026, "fig_1.5.8.csv", "quarterly"),
        (2026, "fig_4.2.20.csv", "no chart text"),
        (2026, "fig_8.3.6.csv", "quarterly"),
        (2025, "fig_7.2.3.csv", "locale"),
    ]:
        assert words in skipped[edition, file], file
    for reason in skipped.values():
        assert "not yet" not in reason and not reason.startswith("needs:"), reason
