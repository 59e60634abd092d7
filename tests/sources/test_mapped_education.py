"""The education chapter's figures (2025 chapter 7, 2026 chapter 7), mapped from the releases.

Every value checked here is read from the release's CSV in the test with the csv module, never
typed; ranks are recomputed from the file's own rows.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

import aiindex
from aiindex._reference.entities import resolve
from aiindex._sources.public_data import mappings

REPO = Path(__file__).resolve().parents[2]
RELEASES = REPO / "reference" / "public-data"


def rows(edition: int, figure: str) -> list[dict[str, str]]:
    """The rows of one figure file of the education chapter of ``edition``."""
    path = RELEASES / f"{edition}-full" / "7. Education" / f"{figure}.csv"
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def cell(edition: int, figure: str, column: str, **match: str) -> str:
    """The one cell of ``column`` in the row whose columns hold ``match``."""
    (row,) = [r for r in rows(edition, figure) if all(r[k] == v for k, v in match.items())]
    return row[column]


def printed(indicator: str, edition: int, entity: str, year: int) -> str:
    return aiindex.indicator(indicator, edition=edition).observation(entity, year).printed


@pytest.mark.parametrize(
    ("indicator", "figure", "column", "name_column", "name"),
    [
        (
            "international_cs_masters_students_in_us",
            "fig_7.3.4",
            "Number of international CS master\u2019s students (in thousands)",
            "Geographic area",
            "South Korea",
        ),
        (
            "international_cs_phd_students_in_us",
            "fig_7.3.5",
            "Number of international CS PhD students",
            "Geographic area",
            "South Korea",
        ),
        (
            "new_ict_graduates_short_cycle",
            "fig_7.3.9",
            "Number of new  ICT short-cycle tertiary graduates",
            "Country",
            "South Korea",
        ),
        (
            "new_ict_graduates_bachelors",
            "fig_7.3.10",
            "Number of new ICT bachelor\u2019s graduates",
            "Country",
            "South Korea",
        ),
        (
            "new_ict_graduates_masters",
            "fig_7.3.11",
            "Number of new ICT master\u2019s graduates",
            "Country",
            "Korea",
        ),
        (
            "new_ict_graduates_phd",
            "fig_7.3.12",
            "Number of new ICT PhD graduates",
            "Country",
            "South Korea",
        ),
    ],
)
def test_2025_counts_are_the_csv_cells(
    indicator: str, figure: str, column: str, name_column: str, name: str
) -> None:
    value = cell(2025, figure, column, **{name_column: name})
    obs = aiindex.indicator(indicator, edition=2025).observation("KOR", 2022)
    assert obs.printed == value
    assert obs.source.edition == 2025 and obs.source.figure == figure


def test_2025_female_shares_are_the_percent_cells_one_indicator_per_level() -> None:
    levels = {
        "Short-cycle": "short_cycle",
        "Bachelor\u2019s": "bachelors",
        "Master\u2019s": "masters",
        "PhD": "phd",
    }
    for group, suffix in levels.items():
        table = [r for r in rows(2025, "fig_7.3.13") if r["Group"] == group]
        ind = aiindex.indicator(f"new_ict_graduates_female_share_{suffix}", edition=2025)
        assert len(ind.observations) == len([r for r in table if r["Percent Female"]])
        for r in table:
            value = r["Percent Female"]
            assert value.endswith("%")
            assert ind.observation(resolve(r["Country"]).id, 2022).printed == value[:-1]


@pytest.mark.parametrize(
    ("indicator", "figure"),
    [
        ("new_ict_graduates_short_cycle", "fig_7.2.9"),
        ("new_ict_graduates_bachelors", "fig_7.2.10"),
        ("new_ict_graduates_masters", "fig_7.2.11"),
        ("new_ict_graduates_phd", "fig_7.2.12"),
    ],
)
def test_2026_counts_are_the_2023_column_under_the_2025_id(indicator: str, figure: str) -> None:
    table = rows(2026, figure)
    ind = aiindex.indicator(indicator, edition=2026)
    for r in table:
        assert ind.observation(resolve(r["Country"]).id, 2023).printed == r["2023"]
    # The 2022 column (thousands separators) is not read; 2022 is the 2025 edition's.
    assert list(ind.years) == [2023]
    assert list(aiindex.indicator(indicator, edition=2025).years) == [2022]
    # A selection of 15 countries: no rank, though the United States leads the chart.
    assert ind.coverage_for(2023).kind == "selection"
    with pytest.raises(aiindex.IncompleteRankingError):
        ind.rank("USA")


def test_2026_female_shares_are_fractions_shown_in_percent_with_their_period() -> None:
    ind = aiindex.indicator("new_ict_graduates_female_share_bachelors_2022_2023", edition=2026)
    value = cell(
        2026, "fig_7.2.13", "Percent Female", Country="South Korea", Group="Bachelor\u2019s"
    )
    obs = ind.observation("KOR", 2023)
    assert Decimal(obs.printed) == Decimal(value) * 100
    assert obs.period == "2022-2023"
    # The file's AVERAGE row is a group: its value is there, but it is not ranked.
    average = cell(2026, "fig_7.2.13", "Percent Female", Country="AVERAGE", Group="Bachelor\u2019s")
    assert resolve("AVERAGE").kind == "group"
    assert Decimal(ind.observation(resolve("AVERAGE").id, 2023).printed) == Decimal(average) * 100
    assert all(r.entity.kind == "country" for r in ind.ranking(2023))
    # An empty cell is a missing value, not zero (Japan's cells are all empty).
    assert cell(2026, "fig_7.2.13", "Percent Female", Country="Japan", Group="PhD") == ""
    phd = aiindex.indicator("new_ict_graduates_female_share_phd_2022_2023", edition=2026)
    assert "JPN" not in {o.entity.id for o in phd.observations}


def test_university_students_using_genai_both_survey_years() -> None:
    ind = aiindex.indicator("university_students_used_genai_share", edition=2026)
    column = "University students (% of total) who have used GenAI "
    for year in (2023, 2025):
        value = cell(2026, "fig_7.2.16", column, Country="South Korea", Year=str(year))
        assert Decimal(ind.observation("KOR", year).printed) == Decimal(value) * 100
    assert ind.coverage_for(2025).kind == "selection"
    with pytest.raises(aiindex.IncompleteRankingError):
        ind.rank("IDN", 2025)


def test_2026_relative_ai_skill_penetration_is_a_top_chart_under_the_2025_id() -> None:
    column = "Relative AI skill penetration rate"
    table = rows(2026, "fig_7.4.1")
    ind = aiindex.indicator("ai_skill_penetration_relative", edition=2026)
    cov = ind.coverage_for(2025)
    assert cov.kind == "top"
    assert cov.complete_down_to == float(min(Decimal(r[column]) for r in table))
    ordered = sorted(table, key=lambda r: Decimal(r[column]), reverse=True)
    leader = ind.leader(2025)
    assert leader is not None
    assert leader.entity.id == resolve(ordered[0]["Country"]).id
    assert leader.printed == ordered[0][column]
    germany = next(i for i, r in enumerate(ordered, start=1) if r["Country"] == "Germany")
    assert ind.rank("DEU") == germany
    obs = ind.observation("DEU", 2025)
    assert obs.period == "2015-2025" and obs.source.figure == "fig_7.4.1"
    # The same id as the 2025 edition's economy-chapter indicator, one period earlier.
    assert aiindex.indicator("ai_skill_penetration_relative", edition=2025).years[-1] == 2024


def test_2026_skill_penetration_by_gender_ranks_women_only() -> None:
    column = "Relative AI Skill Penetration Rate"
    women = [r for r in rows(2026, "fig_7.4.2") if r["Label"] == "Female"]
    female = aiindex.indicator("ai_skill_penetration_relative_female", edition=2026)
    male = aiindex.indicator("ai_skill_penetration_relative_male", edition=2026)
    ordered = sorted(women, key=lambda r: Decimal(r[column]), reverse=True)
    usa = next(i for i, r in enumerate(ordered, start=1) if r["Country"] == "United States")
    assert female.rank("USA") == usa
    men = cell(2026, "fig_7.4.2", column, Country="India", Label="Male")
    assert male.observation("IND", 2025).printed == men
    # The chart's areas are chosen by the women's value: the men's ranking is a selection.
    assert male.coverage_for(2025).kind == "selection"
    with pytest.raises(aiindex.IncompleteRankingError):
        male.rank("IND")


def test_ai_skills_diffusion_index_two_columns_two_indicators() -> None:
    engineering = aiindex.indicator("ai_skills_diffusion_index_engineering", edition=2026)
    literacy = aiindex.indicator("ai_skills_diffusion_index_literacy", edition=2026)
    for r in rows(2026, "fig_7.4.3"):
        if r["Country"] == "South Korea":
            year = int(r["Year"])
            eng = r["Skills Diffusion Index (AI Engineering skills)"]
            assert engineering.observation("KOR", year).printed == eng
            lit = r["Skills Diffusion Index (AI Literacy skills)"]
            if lit:
                assert literacy.observation("KOR", year).printed == lit
            else:
                with pytest.raises(aiindex.MissingValueError):
                    literacy.observation("KOR", year)
    # "India*" in the file is India, with the mark noted.
    obs = engineering.observation("IND", 2025)
    assert obs.printed == cell(
        2026,
        "fig_7.4.3",
        "Skills Diffusion Index (AI Engineering skills)",
        Country="India*",
        Year="2025",
    )
    assert obs.note and "India*" in obs.note
    with pytest.raises(aiindex.IncompleteRankingError):
        engineering.rank("IND", 2025)


def test_other_locations_is_a_group_outside_the_ranking() -> None:
    ind = aiindex.indicator("international_cs_phd_students_in_us", edition=2025)
    other = resolve("Other locations")
    assert other.kind == "group"
    value = cell(
        2025,
        "fig_7.3.5",
        "Number of international CS PhD students",
        **{"Geographic area": "Other locations"},
    )
    assert ind.observation(other.id, 2022).printed == value
    assert other.id not in {r.entity.id for r in ind.ranking(2022)}


def test_korean_titles_find_the_education_indicators() -> None:
    assert "international_cs_phd_students_in_us" in aiindex.indicators(search="유학생")
    assert "new_ict_graduates_masters" in aiindex.indicators(search="ICT 분야 석사")
    assert "university_students_used_genai_share" in aiindex.indicators(search="생성형 AI")
    assert "ai_skills_diffusion_index_literacy" in aiindex.indicators(search="AI 기술 확산 지수")


@pytest.mark.parametrize(
    ("edition", "file", "words"),
    [
        (2025, "fig_7.2.17.csv", "text categories"),
        (2026, "fig_7.3.19.csv", "text categories"),
        (2026, "fig_7.3.3.csv", "byte-for-byte copy of fig_7.3.9.csv"),
    ],
)
def test_categorical_and_copied_figures_are_skipped_with_a_reason(
    edition: int, file: str, words: str
) -> None:
    reason = mappings().skipped[edition, file]
    assert words in reason
    assert (edition, file) not in mappings().figures
