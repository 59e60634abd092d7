"""The 2026 edition, built from the complete 2026 public-data release: cell-exact and bilingual.

Every value checked here is read from the release's CSV in the test, never typed.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest

import aiindex
from aiindex._reference.entities import resolve
from aiindex._sources.public_data import FigureMapping, IndicatorSpec, mappings, read_public_data

REPO = Path(__file__).resolve().parents[2]
RELEASE = REPO / "reference" / "public-data" / "2026-full"
HANGUL = re.compile("[\uac00-\ud7a3]")


def rows(figure: str) -> list[dict[str, str]]:
    """The rows of one 2026 figure file, found in its chapter folder."""
    (path,) = RELEASE.glob(f"*/{figure}.csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def mapped_2026() -> dict[str, tuple[FigureMapping, ...]]:
    return {file: maps for (edition, file), maps in mappings().figures.items() if edition == 2026}


def test_every_2026_mapped_file_loads_into_its_indicator() -> None:
    files = mapped_2026()
    assert len(files) >= 15
    for file, maps in files.items():
        for m in maps:
            ind = aiindex.indicator(m.indicator.id, edition=2026)
            assert ind.edition == 2026
            figure = file.removesuffix(".csv")
            cited = [o for o in ind.observations if file in " ".join(o.source.locators)]
            assert cited, f"{m.indicator.id}: no value cites {figure}"


def test_the_release_folder_reads_as_the_shipped_2026_data() -> None:
    # The reader walks the chapter folders; what it reads is what ships.
    read = read_public_data(RELEASE, edition=2026)
    assert set(read.indicators) == {m.indicator.id for ms in mapped_2026().values() for m in ms}
    for rid, ind in read.indicators.items():
        shipped = aiindex.indicator(rid, edition=2026)
        assert [(o.entity.id, o.year, o.printed) for o in ind.observations] == [
            (o.entity.id, o.year, o.printed) for o in shipped.observations
        ]
    # Skipped files are unknown to the reader, each with its reason.
    names = {Path(u).name for u in read.unknown}
    for (edition, file), reason in mappings().skipped.items():
        if edition == 2026:
            assert file in names and reason


def test_every_2026_and_2025_indicator_has_a_korean_title_and_unit_label() -> None:
    ids = {
        (m.indicator.edition, m.indicator.id)
        for maps in mappings().figures.values()
        for m in maps
        if m.indicator.edition in (2025, 2026)
    }
    assert {e for e, _ in ids} == {2025, 2026}
    for edition, rid in ids:
        ind = aiindex.indicator(rid, edition=edition)
        assert ind.title_ko and HANGUL.search(ind.title_ko), (edition, rid)
        assert ind.unit_label_ko, (edition, rid)


def value_of(figure: str, column: str, name: str, name_column: str) -> str:
    (row,) = [r for r in rows(figure) if r[name_column] == name]
    return row[column]


@pytest.mark.parametrize(
    ("indicator", "figure", "column", "name_column", "name", "year"),
    [
        (
            "private_investment",
            "fig_4.2.8",
            "Total Investment (in Billions of U.S. Dollars)",
            "Country",
            "South Korea",
            2025,
        ),
        (
            "ai_patents_per_capita",
            "fig_1.7.4",
            "Granted AI patents (per 100,000 inhabitants)",
            "Country",
            "South Korea",
            2024,
        ),
        (
            "ai_bills_passed_cumulative_2016_2025",
            "fig_8.4.3",
            "Number of AI-related bills passed into law, 2016\u201325 (sum)",
            "Country",
            "South Korea",
            2025,
        ),
        (
            "notable_models_by_country",
            "fig_1.1.1",
            "Number of notable machine learning models in 2025",
            "Geographic area",
            "South Korea",
            2025,
        ),
        (
            "ai_talent_migration",
            "fig_4.4.23",
            "Net AI talent migration (per 10,000 LinkedIn members)",
            "Country",
            "Luxembourg",
            2025,
        ),
    ],
)
def test_2026_values_are_the_csv_cells(
    indicator: str, figure: str, column: str, name_column: str, name: str, year: int
) -> None:
    cell = value_of(figure, column, name, name_column)
    obs = aiindex.indicator(indicator, edition=2026).observation(resolve(name).id, year)
    assert obs.printed == cell
    assert obs.source.edition == 2026


def test_2026_shares_written_as_fractions_are_shown_in_percent_exactly() -> None:
    cell = value_of("fig_4.4.21", "AI talent concentration", "Israel", "Country")
    obs = aiindex.indicator("ai_talent_concentration", edition=2026).observation("ISR", 2025)
    assert Decimal(obs.printed) == Decimal(cell) * 100
    (row,) = [r for r in rows("fig_4.4.1") if r["Label"] == "Singapore" and r["Year"] == "2025"]
    postings = aiindex.indicator("ai_job_postings_share", edition=2026).observation("SGP", 2025)
    assert (
        Decimal(postings.printed) == Decimal(row["AI job postings (% of all job postings)"]) * 100
    )


def test_a_year_written_as_a_float_is_read_as_the_year() -> None:
    # fig_4.2.11 writes "2013.0"; its rows are the years 2013-2025.
    table = rows("fig_4.2.11")
    assert table[0]["Year"] == "2013.0"
    usa = aiindex.indicator("private_investment", edition=2026).observations_of("USA")
    by_year = {o.year: o.printed for o in usa}
    for r in table:
        if r["Label"] == "United States":
            year = int(Decimal(r["Year"]))
            if year < 2025:  # 2025 is named by fig_4.2.8, which comes first
                assert by_year[year] == r["Total investment (in billions of US dollars)"]


def test_a_top_chart_ranks_down_to_its_smallest_value() -> None:
    column = "Total Investment (in Billions of U.S. Dollars)"
    table = rows("fig_4.2.8")
    ind = aiindex.indicator("private_investment", edition=2026)
    cov = ind.coverage_for(2025)
    assert cov.kind == "top"
    assert cov.complete_down_to == float(min(Decimal(r[column]) for r in table))
    ordered = sorted(table, key=lambda r: Decimal(r[column]), reverse=True)
    kor = next(i for i, r in enumerate(ordered, start=1) if r["Country"] == "South Korea")
    assert ind.rank("KOR") == kor
    # A selection (three areas) establishes no rank.
    assert ind.coverage_for(2024).kind == "selection"


def test_a_top_chart_needs_a_descending_indicator() -> None:
    spec = IndicatorSpec("x", 2026, "x", "percent", "%", "country", "s", descending=False)
    with pytest.raises(ValueError, match="descending"):
        FigureMapping("fig_9.9.9.csv", spec, "a", "b", "top", year=2025)


def test_private_investment_without_edition_is_2026() -> None:
    assert aiindex.indicator("private_investment").edition == 2026
    assert aiindex.indicator("ai_legislative_mentions").edition == 2025  # no 2026 figure


def test_series_runs_across_2025_and_2026_without_mixing_definitions() -> None:
    latest = aiindex.series("private_investment", "USA")
    years = [o.year for o in latest]
    assert years == list(range(2013, 2026))
    # The 2026 edition revises every year it covers; each point keeps its edition.
    assert {o.source.edition for o in latest} == {2026}
    cell = value_of(
        "fig_4.2.8", "Total Investment (in Billions of U.S. Dollars)", "United States", "Country"
    )
    assert latest[-1].printed == cell
    # The 2025 vintage alone stops at its own data year and its own values.
    v2025 = aiindex.series("private_investment", "USA", vintage=2025)
    assert v2025[-1].year == 2024 and {o.source.edition for o in v2025} == {2025}
    shipped_2025 = aiindex.indicator("private_investment", edition=2025).observation("USA", 2024)
    assert v2025[-1].printed == shipped_2025.printed
    # Where 2026 has only its last year (South Korea), earlier years come from earlier
    # editions of the same definition, never from a cumulative or differently defined table.
    kor = aiindex.series("private_investment", "KOR")
    editions = {o.year: o.source.edition for o in kor}
    assert editions[2025] == 2026 and editions[2024] == 2025
    for o in kor:
        ind = aiindex.indicator("private_investment", edition=o.source.edition)
        assert ind.definition == "private_investment"
        assert ind.observation("KOR", o.year).printed == o.printed
