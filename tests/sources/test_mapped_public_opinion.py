"""The public opinion chapter (2025 chapter 8, 2026 chapter 9): survey figures as indicators.

Every value checked here is read from the release's CSV in the test, with the csv module; the
rows are picked by the statement's words (spacing ignored), never by the mapping's own text.
"""

from __future__ import annotations

import csv
import re
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


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def rows(edition: int, figure: str) -> list[list[str]]:
    """The rows of one figure file (header first), found in its chapter folder."""
    (path,) = RELEASES[edition].glob(f"*/{figure}.csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


# Files whose cells are whole percentages (58 = 58%); the others write "78%" or shares of 1.
WHOLE_PERCENT = {"fig_9.1.10"}


def as_percent(figure: str, cell: str) -> Decimal:
    """A cell in percent: "78%" as written, a share of 1 ("0.869") times 100."""
    cell = cell.strip()
    if cell.endswith("%"):
        return Decimal(cell[:-1])
    return Decimal(cell) if figure in WHOLE_PERCENT else Decimal(cell) * 100


# (edition, indicator, figure, year, entity column, value column, filter column, filter words)
CASES = [
    (2025, "ai_more_benefits_than_drawbacks_agree", "fig_8.1.2", 2022, 0, 2, 1, "2022"),
    (2025, "ai_more_benefits_than_drawbacks_agree", "fig_8.1.2", 2024, 0, 2, 1, "2024"),
    (
        2025,
        "ai_good_understanding_agree",
        "fig_8.1.3",
        2024,
        1,
        2,
        0,
        "I have a good understanding of what artificial intelligence is",
    ),
    (
        2025,
        "ai_will_change_daily_life_agree",
        "fig_8.1.3",
        2024,
        1,
        2,
        0,
        "Products and services using artificial intelligence will profoundly change my daily life "
        "in the next 3–5 years",
    ),
    (
        2025,
        "ai_companies_protect_personal_data_agree",
        "fig_8.1.3",
        2024,
        1,
        2,
        0,
        "I trust that companies that use artificial intelligence will protect my personal data",
    ),
    (
        2025,
        "ai_products_excited_agree",
        "fig_8.1.4",
        2024,
        1,
        2,
        0,
        "Products and services using artificial intelligence make me excited",
    ),
    (
        2025,
        "ai_products_nervous_agree",
        "fig_8.1.4",
        2024,
        1,
        2,
        0,
        "Products and services using artificial intelligence make me nervous",
    ),
    (2025, "ai_will_improve_economy", "fig_8.1.9", 2024, 1, 2, 0, "The economy in my country"),
    (2025, "ai_will_improve_health", "fig_8.1.9", 2024, 1, 2, 0, "My health"),
    (2025, "ai_will_improve_job_market", "fig_8.1.10", 2024, 1, 2, 0, "The job market"),
    (2025, "ai_will_improve_my_job", "fig_8.1.11", 2024, 1, 2, 0, "My job"),
    (
        2025,
        "ai_will_improve_time_to_get_things_done",
        "fig_8.1.11",
        2024,
        1,
        2,
        0,
        "The amount of time it takes me to get things done",
    ),
    (2026, "ai_more_benefits_than_drawbacks_agree", "fig_9.1.2", 2023, 0, 2, 1, "2023"),
    (2026, "ai_more_benefits_than_drawbacks_agree", "fig_9.1.2", 2025, 0, 2, 1, "2025"),
    (
        2026,
        "ai_good_understanding_agree",
        "fig_9.1.3",
        2025,
        1,
        2,
        0,
        "I have a good understanding of what artificial intelligence is",
    ),
    (
        2026,
        "ai_companies_protect_personal_data_agree",
        "fig_9.1.3",
        2025,
        1,
        2,
        0,
        "I trust that companies that use artificial intelligence will protect my personal data",
    ),
    (
        2026,
        "ai_products_excited_agree",
        "fig_9.1.5",
        2025,
        1,
        2,
        0,
        "Products and services using artificial intelligence make me excited",
    ),
    (
        2026,
        "ai_products_nervous_agree",
        "fig_9.1.5",
        2025,
        1,
        2,
        0,
        "Products and services using artificial intelligence make me nervous",
    ),
    (2026, "ai_will_improve_job_market", "fig_9.1.9", 2025, 1, 2, 0, "The job market"),
    (2026, "ai_will_improve_my_job", "fig_9.1.9", 2025, 1, 2, 0, "My job"),
    (2026, "ai_will_improve_economy", "fig_9.1.9", 2025, 1, 2, 0, "The economy in my country"),
    (2026, "trust_government_to_regulate_ai_agree", "fig_9.3.1", 2025, 1, 0, 2, "2025"),
    (
        2026,
        "ai_innovation_over_regulation_priority",
        "fig_9.3.3",
        2025,
        1,
        0,
        2,
        "Advancing science, medicine, and other fields",
    ),
    (
        2026,
        "ai_innovation_over_regulation_priority",
        "fig_9.1.8",
        2025,
        1,
        0,
        2,
        "Advancing science, medicine, and other fields",
    ),
    (2026, "ai_intentional_use_at_work", "fig_9.1.10", 2025, 0, 1, None, None),
    (2026, "ai_trust_at_work", "fig_9.1.10", 2025, 0, 2, None, None),
    (2026, "trust_own_country_to_regulate_ai", "fig_9.3.2", 2025, 0, 2, 1, "Own country"),
    (2026, "trust_united_states_to_regulate_ai", "fig_9.3.2", 2025, 0, 2, 1, "United States"),
    (2026, "trust_china_to_regulate_ai", "fig_9.3.2", 2025, 0, 2, 1, "China"),
]


def cells(
    edition: int, figure: str, ent: int, val: int, col: int | None, want: str | None
) -> dict[str, Decimal]:
    """Entity id -> value in percent, for the file's rows that match and hold a value."""
    out = {}
    for row in rows(edition, figure)[1:]:
        if col is not None and words(row[col]) != words(want or ""):
            continue
        if not row[val].strip():
            continue
        out[aiindex.entity(row[ent].strip()).id] = as_percent(figure, row[val])
    return out


@pytest.mark.parametrize(("edition", "rid", "figure", "year", "ent", "val", "col", "want"), CASES)
def test_every_value_is_its_cell(
    edition: int,
    rid: str,
    figure: str,
    year: int,
    ent: int,
    val: int,
    col: int | None,
    want: str | None,
) -> None:
    expected = cells(edition, figure, ent, val, col, want)
    assert len(expected) >= 20  # every survey here has 21 countries or more
    ind = aiindex.indicator(rid, edition=edition)
    assert ind.edition == edition
    got = {
        o.entity.id: Decimal(o.printed)
        for o in ind.observations
        if o.year == year and f"{figure}.csv" in " ".join(o.source.locators)
    }
    assert got == expected


def test_the_statement_is_one_series_across_editions() -> None:
    # 2026 fig_9.1.2 repeats 2022-2024 of 2025 fig_8.1.2 (percent strings there, shares here).
    old = aiindex.indicator("ai_more_benefits_than_drawbacks_agree", edition=2025)
    new = aiindex.indicator("ai_more_benefits_than_drawbacks_agree", edition=2026)
    assert old.years == (2022, 2023, 2024) and new.years == (2022, 2023, 2024, 2025)
    for o in old.observations:
        assert Decimal(new.observation(o.entity, o.year).printed) == Decimal(o.printed)
    # The point-change rows are not read as a year.
    assert all(o.year in (2022, 2023, 2024, 2025) for o in new.observations)


def test_a_complete_survey_ranks_the_leader_and_korea() -> None:
    excited = "Products and services using artificial intelligence make me excited"
    expected = cells(2026, "fig_9.1.5", 1, 2, 0, excited)
    expected.pop("world")
    ind = aiindex.indicator("ai_products_excited_agree", edition=2026)
    assert ind.coverage_for(2025).kind == "complete"
    leader = max(expected, key=lambda k: expected[k])
    assert ind.rank(leader, 2025) == 1
    korea = 1 + sum(v > expected["KOR"] for v in expected.values())
    assert ind.rank("KOR", 2025) == korea
    # The survey's Global average is a group, outside the ranking.
    ranked = [r.entity.id for r in ind.ranking(2025)]
    assert "world" not in ranked and len(ranked) == len(expected)


def test_pew_median_is_kept_apart_and_korea_ranks() -> None:
    expected = cells(2026, "fig_9.3.2", 0, 2, 1, "Own country")
    median = expected.pop("world")
    ind = aiindex.indicator("trust_own_country_to_regulate_ai", edition=2026)
    assert len(expected) == 25
    assert Decimal(ind.observation("world", 2025).printed) == median
    korea = 1 + sum(v > expected["KOR"] for v in expected.values())
    assert ind.rank("KOR") == korea


def test_a_selection_refuses_a_rank() -> None:
    ind = aiindex.indicator("trust_government_to_regulate_ai_agree", edition=2026)
    assert ind.coverage_for(2025).kind == "selection"
    assert ind.value("KOR", 2025).magnitude > 0
    with pytest.raises(aiindex.IncompleteRankingError):
        ind.rank("KOR", 2025)
    with pytest.raises(aiindex.IncompleteRankingError):
        ind.rank("SGP", 2025)  # even the chart's largest value


def test_korean_title_search_finds_the_indicator() -> None:
    assert "ai_will_improve_job_market" in aiindex.indicators(edition=2026, search="고용시장")
    found = aiindex.indicators(edition=2026, search="중국의 AI 규제")
    assert found == ("trust_china_to_regulate_ai",)


def test_the_chapter_figures_not_read_say_why() -> None:
    skipped = mappings().skipped
    figures = mappings().figures
    for edition, file, reason in [
        (2026, "fig_9.1.4.csv", "period of the change is not established"),
        (2026, "fig_9.1.6.csv", "two columns 'Response'"),
        (2026, "fig_9.3.5.csv", "answer categories"),
    ]:
        assert reason in skipped[edition, file]
        assert (edition, file) not in figures
    # fig_9.1.6 really has two columns named alike.
    header = rows(2026, "fig_9.1.6")[0]
    assert header.count("Response") == 2
