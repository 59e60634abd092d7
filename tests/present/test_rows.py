"""The row model: ties found once and right, and every renderer showing the same rows."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import Row, tables, to_csv

import aiindex
from aiindex._present.html import profile_html, ranking_html
from aiindex._present.lang import check_lang
from aiindex._present.rows import (
    flag_text,
    profile_lines,
    rank_label,
    ranking_rows,
    tied_ranks,
)
from aiindex._present.text import profile_table, profile_table_ko, ranking_table, ranking_table_ko
from aiindex._sources.packaged import catalogue, load

SHIPPED = [(i, e) for e, ids in catalogue().items() for i in ids]

Label = tuple[int, bool] | None


def read(rows: list[Row]) -> aiindex.Indicator:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "table.csv"
        path.write_text(to_csv(rows), encoding="utf-8")
        return aiindex.read_csv(path, id="table", unit="count")


def brute_force_tied(ranks: list[int | None]) -> list[bool]:
    return [r is not None and ranks.count(r) > 1 for r in ranks]


# -- ties ---------------------------------------------------------------------------------------


@given(st.lists(st.one_of(st.none(), st.integers(1, 8)), max_size=40))
def test_tied_ranks_equal_a_brute_force_count(ranks: list[int | None]) -> None:
    tied = tied_ranks(ranks)
    assert [r in tied for r in ranks] == brute_force_tied(ranks)


@given(tables(allow_missing=False))
def test_row_model_ties_equal_a_brute_force_count_on_random_rankings(rows: list[Row]) -> None:
    ind = read(rows)
    for year in ind.years:
        ranking = ind.ranking(year)
        model = ranking_rows(ranking)
        assert [r.tied for r in model] == brute_force_tied(list(ranking.ranks))
        assert [r.rank for r in model] == list(ranking.ranks)


@pytest.mark.parametrize(("ind_id", "edition"), SHIPPED)
def test_row_model_ties_on_shipped_rankings(ind_id: str, edition: int) -> None:
    ind = load(ind_id, edition)
    for year in ind.years:
        ranking = ind.ranking(year)
        assert [r.tied for r in ranking_rows(ranking)] == brute_force_tied(list(ranking.ranks))


def test_profile_ties_are_those_of_each_indicators_ranking() -> None:
    for line in profile_lines(aiindex.profile("KOR", edition=2024)):
        ranks = list(line.indicator.ranking(line.observation.year).ranks)
        assert line.tied == (line.rank is not None and ranks.count(line.rank) > 1)
    kor = aiindex.profile("KOR", edition=2024)
    assert {line.indicator.id: line.tied for line in profile_lines(kor)}["private_investment"]


# -- every renderer shows the row model's rank labels --------------------------------------------


def parse_label(text: str) -> Label:
    """(rank, tied) from any renderer's rank label: 9, 9=, =9, 9위, 공동 9위; None for - or –."""
    text = text.strip()
    if text in ("-", "–"):
        return None
    m = re.fullmatch(r"(공동 )?(=)?(\d+)(=)?(위)?", text)
    assert m is not None, text
    return int(m[3]), bool(m[1] or m[2] or m[4])


def text_labels(table: str, n: int, *, korean: bool = False) -> list[Label]:
    lines = table.splitlines()[2 : 2 + n]
    out = []
    for line in lines:
        words = line.split()
        first = " ".join(words[:2]) if korean and words[0] == "공동" else words[0]
        out.append(parse_label(first))
    return out


def html_labels(page: str) -> list[Label]:
    return [parse_label(cells[0]) for cells in html_cells(page)]


def plot_labels(ranking: aiindex.Ranking, lang: str) -> list[Label]:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from aiindex._present.plot import hangul_font, plot

    if lang == "ko" and hangul_font() is None:
        return [parse_label(r.label("ko", chart=True)) for r in ranking_rows(ranking)]
    try:
        ax = plot(ranking.indicator, year=ranking.year, highlight=None, lang=lang)  # type: ignore[arg-type]
        return [parse_label(t.get_text().split("  ")[0]) for t in ax.get_yticklabels()]
    finally:
        plt.close("all")


def assert_every_renderer_agrees(ranking: aiindex.Ranking) -> None:
    model = [None if r.rank is None else (r.rank, r.tied) for r in ranking_rows(ranking)]
    n = len(model)
    assert text_labels(ranking_table(ranking), n) == model
    assert text_labels(ranking_table_ko(ranking), n, korean=True) == model
    assert html_labels(ranking_html(ranking)) == model
    assert html_labels(ranking_html(ranking, lang="ko")) == model
    assert plot_labels(ranking, "en") == model
    assert plot_labels(ranking, "ko") == model


@settings(max_examples=15)
@given(tables(allow_missing=False))
def test_every_renderer_shows_the_same_rank_labels_on_random_rankings(rows: list[Row]) -> None:
    ind = read(rows)
    for year in ind.years:
        assert_every_renderer_agrees(ind.ranking(year))


@pytest.mark.parametrize(
    ("ind_id", "edition"),
    [
        ("private_investment", 2024),  # ties, and rows below the coverage
        ("mmmu_accuracy", 2024),  # a baseline
        ("foundation_models_by_country", 2024),  # a value stated outside the chart
    ],
)
def test_every_renderer_shows_the_same_rank_labels_on_shipped_rankings(
    ind_id: str, edition: int
) -> None:
    assert_every_renderer_agrees(load(ind_id, edition).ranking())


def test_profile_renderers_show_the_row_models_ranks() -> None:
    profile = aiindex.profile("KOR", edition=2024)
    lines = profile_lines(profile)
    model = [None if line.rank is None else (line.rank, line.tied) for line in lines]
    assert any(line.tied for line in lines)
    for lang in ("en", "ko"):
        page = profile_html(profile, lang=lang)
        assert [parse_label(cells[2]) for cells in html_cells(page)] == model
    # Text columns are two spaces apart, so "  9위  " cannot be the end of "공동 9위".
    korean = profile_table_ko(profile).splitlines()[2 : 2 + len(lines)]
    for row, line in zip(korean, lines, strict=True):
        assert f"  {line.label('ko')}  " in row
    # The English text profile marks ties too (9=), as the HTML and Korean ones do.
    english = profile_table(profile).splitlines()[2 : 2 + len(lines)]
    for row, line in zip(english, lines, strict=True):
        assert f"  {line.label()}  " in row
    tied = [(row, line) for row, line in zip(english, lines, strict=True) if line.tied]
    assert tied and all(f"  {rank_label(line.rank, True)}  " in row for row, line in tied)


def html_cells(page: str) -> list[list[str]]:
    """Per body row of an HTML table, the text of its right-aligned (numeric) cells."""
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("</tr>")[:-1]
    return [re.findall(r'<td class="num">([^<]*)</td>', row) for row in rows]


# -- flags --------------------------------------------------------------------------------------


def test_flags_come_from_the_row_model_in_every_renderer() -> None:
    ranking = aiindex.indicator("private_investment", edition=2024).ranking()
    chn = next(r for r in ranking_rows(ranking) if r.entity.id == "CHN")
    assert chn.flags == ("disputed",) and chn.disputed and not chn.baseline
    line = next(x for x in ranking_table(ranking).splitlines() if " CHN " in x)
    assert line.endswith("disputed, see note")
    line = next(x for x in ranking_table_ko(ranking).splitlines() if " CHN " in x)
    assert line.endswith("수치 논란, 주석 참조")
    assert ">disputed</span>" in ranking_html(ranking)


def test_the_disputed_field_flags_a_row_without_the_note_prefix() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    usa = ind.observation("USA")
    ranking = attrs.evolve(
        ind, observations=(attrs.evolve(usa, disputed=True, note="Two sources differ."),)
    ).ranking()
    (row,) = ranking_rows(ranking)
    assert row.flags == ("disputed",)
    assert "disputed, see note" in ranking_table(ranking)


def test_flag_text_and_labels() -> None:
    assert flag_text(("outside_chart", "baseline")) == "stated outside the chart; baseline"
    assert flag_text(("disputed",), "ko", see_note=True) == "수치 논란, 주석 참조"
    assert rank_label(3, False, "ko", chart=True) == "3위"
    assert check_lang("en") == "en"
    with pytest.raises(ValueError, match="lang='jp'"):
        check_lang("jp")


# -- numbers ------------------------------------------------------------------------------------


@given(st.floats(), st.booleans())
def test_number_reads_floats_as_their_shortest_decimal_text(x: float, grouped: bool) -> None:
    from decimal import Decimal

    from aiindex._present.numbers import number

    # The Decimal reading of the float's repr, which the formatter's fast path must equal.
    text = format(Decimal(repr(x)), ",f" if grouped else "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    assert number(x, grouped=grouped) == text
