"""US states as entities (ISO 3166-2 subdivisions) and the state figures of 2025 and 2026.

Expected values are read here from the release's CSV with the csv module; which state a cell
names is decided here by pycountry's ISO 3166-2 table (its codes and names), not by aiindex's
resolver; ranks are computed here from the cells.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from release import competition_rank, rows

import aiindex
from aiindex._check.entities import mentions
from aiindex._reference.entities import _own, resolve, resolve_subdivision
from aiindex._sources.public_data import mappings
from aiindex.exceptions import IncompleteRankingError, MissingValueError, UnknownEntityError

pycountry = pytest.importorskip("pycountry")


def state_code(cell: str) -> str:
    """The ISO 3166-2 code of a state as a file writes it ("CA", "California", "ALABAMA")."""
    text = cell.strip()
    for sub in pycountry.subdivisions.get(country_code="US"):
        if text.upper() in (sub.code.removeprefix("US-"), sub.name.upper()):
            return str(sub.code)
    raise AssertionError(f"{cell!r} is no US state")


# (edition, indicator, figure, state column, value column, year column or data year,
#  written as a fraction of 1)
STATE_FIGURES = [
    (2025, "us_state_ai_job_postings", "fig_4.2.8", "State code", "Numbe rof AI job postings",
     2024, False),
    (2025, "us_state_ai_job_postings_share", "fig_4.2.9", "State code",
     "Percentage of US states' job postings in AI", 2024, False),
    (2025, "us_state_ai_job_postings_share", "fig_4.2.11", "State",
     "Percentage of US states’ job postings in AI", "Year", False),
    (2025, "us_state_share_of_us_ai_job_postings", "fig_4.2.10", "State code",
     "Percentage of US AI job postings", 2024, False),
    (2025, "us_state_share_of_us_ai_job_postings", "fig_4.2.12", "State",
     "Percentage of United States AI job postings", "Year", False),
    (2025, "us_state_ai_bills_passed", "fig_6.2.7", "US State",
     "Number of AI-Related Bills passed into law, 2024", 2024, False),
    (2025, "us_state_ai_bills_passed_cumulative_2016_2024", "fig_6.2.8", "State",
     "Number of AI-related bills passed into law, 2016–24", 2024, False),
    (2025, "us_state_high_schools_teaching_cs_share", "fig_7.2.1", "State code",
     "% public high schools teaching foundational CS", 2024, False),
    (2025, "us_state_high_school_cs_enrollment_share", "fig_7.2.6", "State code",
     "% of students", 2024, False),
    (2026, "us_state_private_investment", "fig_4.2.15", "state_code", "total_funding", 2025,
     False),
    (2026, "us_state_ai_job_postings", "fig_4.4.10", "state_2digit", "ai_state_count", 2025,
     False),
    (2026, "us_state_share_of_us_ai_job_postings", "fig_4.4.11", "state_2digit",
     "perc_ai_job_post_on_total_ai_job_us", 2025, True),
    (2026, "us_state_ai_job_postings_share", "fig_4.4.13", "state_2digit", "ai_state_share",
     2025, True),
    (2026, "us_state_ai_job_postings_share", "fig_4.4.14", "Label",
     "Percentage of US states’ job postings in AI", "Year", True),
    (2026, "us_state_high_school_cs_enrollment_share", "fig_7.3.8", "code", "percent_students",
     2025, True),
    (2026, "us_state_high_school_cs_enrollment_change_2024_2025", "fig_7.3.9", "code",
     "percent_students", 2025, True),
    (2026, "us_state_ai_bills_passed_cumulative_2016_2025", "fig_8.4.6", "State",
     "Number of AI-related bills passed 2016–25", 2025, False),
    (2026, "us_state_ai_bills_passed_cumulative_2016_2025", "fig_8.4.5", "U.S. State",
     "Number of AI-related bills 2016–24 (sum)", 2025, False),
    (2026, "us_state_public_ai_contract_spending_cumulative_2013_2024", "fig_8.5.4", "State",
     "Value", 2024, False),
    (2026, "us_state_public_ai_grant_spending_cumulative_2013_2024", "fig_8.5.5", "State",
     "Value", 2024, False),
    (2026, "us_state_net_concern_ai_regulation", "fig_9.3.4", "state", "net_concern", 2025,
     False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("edition", "rid", "figure", "state", "column", "year", "fraction"), STATE_FIGURES
)
def test_every_state_value_is_its_cell(
    edition: int,
    rid: str,
    figure: str,
    state: str,
    column: str,
    year: int | str,
    fraction: bool,
) -> None:
    ind = aiindex.indicator(rid, edition=edition)
    n = 0
    for r in rows(edition, figure):
        written = r[column].strip()
        if not written:
            continue  # an empty cell is no value
        code = state_code(r[state])
        when = int(r[year]) if isinstance(year, str) else year
        obs = ind.observation(code, when)
        expected = Decimal(written.rstrip("%"))
        assert Decimal(obs.printed) == (expected * 100 if fraction else expected), (figure, r)
        assert obs.entity.kind == "subdivision"
        n += 1
    assert n >= 4


def test_a_file_of_the_states_agrees_with_the_chart_it_is_the_top_of() -> None:
    # 2026 fig_8.4.5 ('select US states') is the 15 largest of fig_8.4.6 (every state).
    every = {
        state_code(r["State"]): Decimal(r["Number of AI-related bills passed 2016–25"])
        for r in rows(2026, "fig_8.4.6")
    }
    shown = {
        state_code(r["U.S. State"]): Decimal(r["Number of AI-related bills 2016–24 (sum)"])
        for r in rows(2026, "fig_8.4.5")
    }
    assert all(every[k] == v for k, v in shown.items())
    assert min(shown.values()) >= sorted(every.values(), reverse=True)[len(shown) - 1]


def test_every_state_ranks_where_the_map_is_complete() -> None:
    column = "Number of AI-related bills passed 2016–25"
    values = {state_code(r["State"]): Decimal(r[column]) for r in rows(2026, "fig_8.4.6")}
    ind = aiindex.indicator("us_state_ai_bills_passed_cumulative_2016_2025", edition=2026)
    assert ind.coverage_for(2025).kind == "complete"
    for code in values:
        assert ind.rank(code) == competition_rank(values, code)
    assert ind.rank("California") == 1


def test_the_top_15_states_rank_down_to_the_chart_floor_and_no_further() -> None:
    column = "Number of AI-Related Bills passed into law, 2024"
    top = {state_code(r["US State"]): Decimal(r[column]) for r in rows(2025, "fig_6.2.7")}
    ind = aiindex.indicator("us_state_ai_bills_passed", edition=2025)
    cov = ind.coverage_for(2024)
    assert cov.kind == "top"
    assert cov.complete_down_to == float(min(top.values()))
    leader = max(top, key=lambda k: top[k])
    assert ind.rank(leader) == 1 == competition_rank(top, leader)
    for code in top:
        assert ind.rank(code) == competition_rank(top, code)
    # A state below the chart's last value is not in the table: no value, so no rank.
    below = next(
        code
        for code in (state_code(r["State"]) for r in rows(2025, "fig_6.2.8"))
        if code not in top
    )
    with pytest.raises(MissingValueError):
        ind.rank(below)
    # ... and by its name or code too: it is a state of the table's country, with no value.
    name = pycountry.subdivisions.get(code=below).name
    for text in (name, below.removeprefix("US-")):
        with pytest.raises(MissingValueError, match=rf"no value for {name} \({below}\)"):
            ind.rank(text)


def test_select_states_refuse_a_rank() -> None:
    ind = aiindex.indicator("us_state_ai_job_postings_share", edition=2025)
    assert ind.coverage_for(2015).kind == "selection"
    ind.value("Texas", 2015)
    with pytest.raises(IncompleteRankingError):
        ind.rank("Texas", 2015)


def test_a_state_code_is_the_state_only_in_a_table_of_states() -> None:
    # Everywhere else "CA" is Canada and "Georgia" the country; a state is found by its code.
    assert resolve("CA").id == "CAN" and resolve("GA").id == "GAB"
    assert resolve("Georgia").id == "GEO"
    assert resolve("US-GA").name == "Georgia" and resolve("us-ca").id == "US-CA"
    assert not aiindex.is_entity("California")
    assert resolve_subdivision("CA", "USA").id == "US-CA"
    assert resolve_subdivision("GEORGIA", "USA").id == "US-GA"
    with pytest.raises(UnknownEntityError):
        resolve_subdivision("Ontario", "USA")
    ind = aiindex.indicator("us_state_ai_job_postings", edition=2026)
    assert ind.observation("CA").entity.id == "US-CA"
    assert ind.observation("Georgia").entity.id == "US-GA"
    assert ind.observation("캘리포니아").entity.id == "US-CA"
    assert ind.observation("US-WA").entity.name_ko == "워싱턴주"
    # A country is no state of this table.
    with pytest.raises(aiindex.EntityKindError):
        ind.observation("Canada")


def test_the_claim_checker_does_not_read_states_into_text() -> None:
    # "Georgia" and "Washington" in news text are the country and no state.
    found = {m.entity.id for m in mentions("Georgia and Washington signed the deal")}
    assert found == {"GEO"}


def test_every_state_entity_is_pycountrys() -> None:
    states = [e for e, _ in _own().values() if e.kind == "subdivision"]
    assert len(states) == 51  # the 50 states and the District of Columbia
    for e in states:
        sub = pycountry.subdivisions.get(code=e.id)
        assert sub is not None and sub.name == e.name
        assert e.name_ko


def test_every_us_state_figure_is_mapped_or_skipped_with_a_real_reason() -> None:
    maps = mappings()
    skipped = {
        (2025, "fig_6.2.12.csv"): "status category",
        (2025, "fig_6.2.13.csv"): "status category",
        (2026, "fig_7.3.3.csv"): "byte-for-byte copy",
        (2026, "fig_7.3.10.csv"): "fig_7.3.2 and fig_7.3.8",
        (2026, "fig_9.3.5.csv"): "answer categories",
    }
    for (edition, file), words in skipped.items():
        assert words in maps.skipped[edition, file]
    for edition, _rid, figure, *_ in STATE_FIGURES:
        assert (edition, f"{figure}.csv") in maps.figures
    for reason in maps.skipped.values():
        assert "no US-state entities" not in reason


@pytest.mark.parametrize(
    ("search", "rid"),
    [
        ("주별 AI 채용 공고", "us_state_ai_job_postings"),
        ("주별 AI 관련 법안", "us_state_ai_bills_passed_cumulative_2016_2025"),
        ("주별 AI 민간 투자", "us_state_private_investment"),
        ("규제 불충분 우려", "us_state_net_concern_ai_regulation"),
    ],
)
def test_a_korean_title_search_finds_the_state_indicators(search: str, rid: str) -> None:
    assert rid in aiindex.indicators(search=search)
