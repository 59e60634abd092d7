"""The AI Index 2025 and 2026 public-data releases as `Figure` records.

Every file of both vendored releases (reference/public-data/*-full/) is compared cell by cell
with its record; the packaged copies with the vendored ones, byte for byte; the titles with
the chart text and the hand-checked fixes; and the index with a fresh build.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import threading
import tomllib
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiindex._model.figure import Cell, Column, Figure, parse_cell, split_table
from aiindex._sources import figures as figures_module
from aiindex._sources.figures import figure, figures
from aiindex.exceptions import (
    AIIndexError,
    DataError,
    MissingExtraError,
    UnknownEditionError,
    UnknownFigureError,
)

REPO = Path(__file__).resolve().parents[2]
PUBLIC = REPO / "reference" / "public-data"
EDITIONS = (2025, 2026)


def release_files(edition: int) -> list[Path]:
    return sorted((PUBLIC / f"{edition}-full").glob("*/*.csv"))


@cache
def charts(edition: int) -> dict[str, dict[str, Any]]:
    lines = (PUBLIC / f"{edition}-full" / "chart-text.jsonl").read_text(encoding="utf-8")
    return {r["figure"]: r for r in map(json.loads, lines.splitlines()) if r}


@cache
def fixes() -> dict[tuple[int, str], dict[str, Any]]:
    data = tomllib.loads((PUBLIC / "title-fixes.toml").read_text(encoding="utf-8"))
    return {(f["edition"], f["figure"]): f for f in data["fix"]}


def every_figure() -> tuple[Figure, ...]:
    return tuple(f for e in EDITIONS for f in figures(e))


def by_file(edition: int, path: Path) -> Figure:
    return figure(path.name, edition=edition)


# --- the files, cell by cell ----------------------------------------------------------------

NUMBER = re.compile(r"[-+]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?%?")


def expected(text: str, role: str) -> Cell:
    """The typed value of a cell, parsed here independently of aiindex, with Decimal."""
    s = text.strip()
    if s in ("", "-", "--"):
        return None
    if role == "year" and re.fullmatch(r"\d{4}(\.0*)?", s):
        return int(s[:4])
    if not NUMBER.fullmatch(s):
        return text
    number = s.removesuffix("%").replace(",", "")
    if re.fullmatch(r"[-+]?\d+", number):
        return int(Decimal(number))
    return float(number)


def test_every_release_file_is_a_figure_and_every_figure_a_release_file() -> None:
    for edition in EDITIONS:
        shipped = {f.path.removeprefix(f"data/figures/{edition}/") for f in figures(edition)}
        vendored = {
            p.relative_to(PUBLIC / f"{edition}-full").as_posix() for p in release_files(edition)
        }
        assert shipped == vendored
    assert (len(figures(2025)), len(figures(2026))) == (304, 343)


@cache
def encodings() -> dict[tuple[int, str], str]:
    """The encoding the index records for each file: UTF-8 but for two Mac Roman files."""
    index = (REPO / "src" / "aiindex" / "data" / "figures" / "index.json").read_text("utf-8")
    return {
        (r["edition"], r["file"]): r.get("encoding", "utf-8") for r in json.loads(index)["figures"]
    }


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_cell_of_every_file_is_the_figures_cell(edition: int) -> None:
    cells = 0
    for path in release_files(edition):
        fig = by_file(edition, path)
        text = path.read_bytes().decode(encodings()[(edition, path.name)])
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert tuple(rows[0]) == fig.header, path
        assert [list(r) for r in fig.cells] == rows[1:], path
        assert len(fig.rows) == len(fig.cells)
        for raw, typed in zip(fig.cells, fig.rows, strict=True):
            for text_cell, value, column in zip(raw, typed, fig.columns, strict=True):
                want = expected(text_cell, column.role)
                assert type(value) is type(want) and value == want, (path.name, text_cell)
                cells += 1
    assert cells > 10_000


def test_only_the_two_recorded_files_are_not_utf8() -> None:
    for edition in EDITIONS:
        for path in release_files(edition):
            if encodings()[(edition, path.name)] == "utf-8":
                path.read_bytes().decode("utf-8")
            else:
                with pytest.raises(UnicodeDecodeError):
                    path.read_bytes().decode("utf-8")
    assert sorted(k for k, v in encodings().items() if v != "utf-8") == [
        (2026, "fig_4.3.1.csv"),
        (2026, "fig_4.4.33.csv"),
    ]


def test_the_two_files_that_are_not_utf8_read_as_their_charts_print_them() -> None:
    diffusion = figure("4.3.1", edition=2026)
    assert ("Türkiye", 14.6) in {(r[0], r[1]) for r in diffusion.rows}
    workforce = figure("4.4.33", edition=2026)
    assert any("Decrease by 11%–20%" in row for row in workforce.cells)


def test_rows_the_file_repeats_stay_repeated_and_empty_cells_are_missing() -> None:
    # The brief says 2026 fig_4.2.8 lists South Korea twice; its file lists it once. These
    # files do repeat rows word for word:
    ram = figure("3.5.1", edition=2026)
    assert ram.cells.count(("Bangladesh", "BGD", "In process")) == 2
    institutes = figure("3.8.3", edition=2026)
    assert institutes.cells.count(("FRA", "Established (operational)")) == 2
    assert [r[1] for r in figure("4.2.8", edition=2026).rows].count("South Korea") == 1
    postings = figure("4.2.1", edition=2025)
    assert postings.cells[0][1] == "" and postings.rows[0][1] is None


def test_years_written_as_floats_are_ints_in_year_columns_only() -> None:
    investment = figure("4.3.2", edition=2025)
    assert investment.columns[0] == Column("Year", "year")
    assert investment.cells[0][0] == "2013.0" and investment.rows[0][0] == 2013
    assert parse_cell("2013.0", "value") == 2013.0
    assert type(parse_cell("2013.0", "value")) is float


def test_shares_are_kept_as_printed_fractions_or_percents() -> None:
    # The same measure printed as a fraction in one file and as a percent in the next.
    fractions = figure("1.1.2", edition=2025)
    share = fractions.rows[0][1]
    assert fractions.columns[1].unit == "% of total" and isinstance(share, float) and share < 1
    percents = figure("1.3.5", edition=2025)
    assert percents.cells[0][1] == "83.33%" and percents.rows[0][1] == 83.33


# --- the packaged copies ----------------------------------------------------------------------


def test_packaged_files_are_byte_identical_to_the_vendored_releases() -> None:
    package = files("aiindex")
    for fig in every_figure():
        packaged = package.joinpath(*fig.path.split("/")).read_bytes()
        vendored = (PUBLIC / f"{fig.edition}-full" / fig.path.split("/", 3)[3]).read_bytes()
        assert packaged == vendored, fig.path


def test_the_index_says_it_is_generated() -> None:
    raw = json.loads(files("aiindex").joinpath("data", "figures", "index.json").read_text("utf-8"))
    assert "scripts/build_figures.py" in raw["generated_by"]
    assert raw["editions"] == list(EDITIONS)


def test_a_fresh_build_writes_the_same_index_and_files(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_figures.py"), "--out", str(tmp_path)],
        cwd=REPO.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shipped = REPO / "src" / "aiindex" / "data" / "figures"
    assert (tmp_path / "index.json").read_bytes() == (shipped / "index.json").read_bytes()
    fresh = {p.relative_to(tmp_path) for p in tmp_path.rglob("*.csv")}
    assert fresh == {p.relative_to(shipped) for p in shipped.rglob("*.csv")}


# --- titles -----------------------------------------------------------------------------------

LIGATURE_WORDS: tuple[str, ...] = tuple(
    tomllib.loads((PUBLIC / "title-fixes.toml").read_text("utf-8"))["ligature_words"]
)


def chart_of(fig: Figure) -> dict[str, Any] | None:
    return next(
        (
            r
            for r in charts(fig.edition).values()
            if r.get("csv", "") and r["csv"].endswith("/" + fig.file)
        ),
        None,
    )


def test_every_fixed_title_is_applied_and_differs_from_the_guess_it_fixes() -> None:
    assert len(fixes()) >= 70
    for (edition, name), fix in fixes().items():
        fig = figure(f"{name}.csv", edition=edition)
        record = chart_of(fig)
        guess = record.get("title_guess") if record else None
        if fix.get("title_source") == "header":
            assert fig.title_source == "header" and fig.note == fix["why"]
            continue
        assert fig.title_source == "chart"
        if "title" in fix:
            assert fig.title == fix["title"]
        assert fig.title != guess, (edition, name)
        if "chart" in fix:
            record = charts(edition)[fix["chart"]]
            source = record["source_line"] or next(
                "Source:" + line.split("Source:")[1]
                for line in record["lines"]
                if "Source:" in line
            )
            assert fig.source_line == _mend(" ".join(source.split()))
            assert fig.note == fix["why"]


def test_the_guessed_titles_the_brief_names_are_mended() -> None:
    one = figure("1.1.1", edition=2026)
    assert one.title == "Number of notable AI models by select geographic areas, 2025"
    assert charts(2026)["fig_1.1.1"]["title_guess"] == "areas, 2025"
    assert figure("4.3.10", edition=2026).title.startswith("AI diffusion by geographic area")


def test_no_chart_title_is_a_data_label_a_state_code_or_a_broken_word() -> None:
    label = re.compile(r"[-$\d.,%MB ]+|[A-Z]{2}|\d+, .*")
    for fig in every_figure():
        assert "\0" not in fig.title and "  " not in fig.title, fig
        assert not label.fullmatch(fig.title), (fig.edition, fig.id, fig.title)
        if fig.title_source == "chart":
            assert not (fig.title[0].isascii() and fig.title[0].islower()), (fig.id, fig.title)
        if fig.source_line is not None:
            assert "\0" not in fig.source_line


def test_every_chart_title_is_the_charts_own_text_or_a_recorded_fix() -> None:
    for fig in every_figure():
        if fig.title_source != "chart" or (fig.edition, fig.file[:-4]) in fixes():
            continue
        record = chart_of(fig)
        assert record is not None and record.get("lines"), (fig.edition, fig.id)
        guess = record.get("title_guess")
        if guess is None:  # the text layer ran the title into its source line
            glued = next(line for line in record["lines"] if "Source:" in line)
            guess = glued.split("Source:")[0]
        mended = _mend(guess)
        assert fig.title == " ".join(mended.split()), (fig.edition, fig.id)


def _mend(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        for lig in ("ffi", "ffl", "ff", "fi", "fl"):
            word = m.group(0).replace("\0", lig)
            if word.casefold() in LIGATURE_WORDS:
                return word
        raise AssertionError(m.group(0))

    return re.sub(r"\w*\0\w*", one, text)


def test_every_header_title_says_so_and_names_no_source() -> None:
    header = [f for f in every_figure() if f.title_source == "header"]
    assert len(header) == 25
    for fig in header:
        record = chart_of(fig)
        no_text = (
            record is None
            or not record.get("lines")
            or not (record.get("title_guess") or any("Source:" in ln for ln in record["lines"]))
        )
        assert no_text or fixes()[(fig.edition, fig.file[:-4])]["title_source"] == "header"
        assert fig.source_line is None and fig.providers == ()
        assert fig.title  # made of the header
    for fig in every_figure():
        if fig.title_source == "chart":
            assert fig.source_line is not None and fig.source_line.startswith("Source:")
            assert fig.providers


def test_providers_come_from_the_source_line() -> None:
    assert figure("1.1.1", edition=2026).providers == ("Epoch AI",)
    assert figure("8.4.1", edition=2026).providers == ("AI Index", "Digital Policy Alert")
    assert figure("1.3.22", edition=2025).providers == ("Epoch AI", "Artificial Analysis")
    for fig in every_figure():
        for name in fig.providers:
            assert name and not re.search(r"\b(19|20)\d\d\b|\||Chart:", name), (fig.id, name)


# --- lookups ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["4.2.8", "fig_4.2.8", "fig_4.2.8.csv", " FIG_4.2.8 "])
def test_figure_takes_the_id_the_figure_name_or_the_file_name(text: str) -> None:
    assert figure(text) is figure("4.2.8", edition=2026)


def test_odd_published_names_have_stable_ids() -> None:
    comma = figure("fig_6.4,2.csv", edition=2026)
    assert comma.id == "6.4.2" and comma.file == "fig_6.4,2.csv"
    assert figure("6.4.2", edition=2026) is comma
    extra = figure("fig_4.3.1(1).csv", edition=2026)
    assert extra.id == "4.3.1(1)" and extra is not figure("4.3.1", edition=2026)
    assert figure("7.2.1_hardware", edition=2026).file == "fig_7.2.1_hardware.csv"


@given(st.sampled_from(every_figure()))
def test_a_figure_is_found_again_by_its_id_and_by_its_file(fig: Figure) -> None:
    assert figure(fig.id, edition=fig.edition) is fig
    assert figure(fig.file, edition=fig.edition) is fig
    assert fig in figures(fig.edition, chapter=fig.chapter)


def test_unknown_ids_suggest_close_ids_of_the_edition() -> None:
    with pytest.raises(UnknownFigureError) as info:
        figure("4.2.99", edition=2026)
    err = info.value
    assert isinstance(err, KeyError) and isinstance(err, AIIndexError)
    assert err.figure == "4.2.99" and err.edition == 2026 and err.suggestions[0] == "4.2.9"
    assert "2026 edition" in str(err) and "'4.2.9'" in str(err)
    with pytest.raises(UnknownFigureError) as elsewhere:
        figure("4.2.27", edition=2026)
    assert elsewhere.value.elsewhere == (2025,) and "2025 edition has it" in str(elsewhere.value)


@pytest.mark.parametrize("edition", [2024, "2026", 2026.0, True])
def test_an_edition_without_a_release_is_an_unknown_edition(edition: Any) -> None:
    with pytest.raises(UnknownEditionError):
        figures(edition)
    with pytest.raises(UnknownEditionError):
        figure("1.1.1", edition=edition)


def test_figures_filter_by_chapter_and_search_words() -> None:
    assert figures() == figures(2026)
    economy = figures(2026, chapter=4)
    assert economy and all(f.chapter == 4 and f.chapter_name == "Economy" for f in economy)
    assert figures(2026, chapter="economy") == economy == figures(2026, chapter="4")
    found = figures(2025, search="INVEST geographic")
    assert found and all(
        re.search(r"invest", f.title, re.I) and "geographic" in f.title.lower() for f in found
    )
    # A word matches a word or the start of one: "4.3.1" finds 4.3.1(1) and 4.3.10 too.
    assert [f.id for f in figures(2026, search="4.3.1")][:3] == ["4.3.1", "4.3.1(1)", "4.3.10"]
    assert figures(2026, search="hardware") == tuple(
        f for f in figures(2026) if "hardware" in f"{f.id} {f.title}".lower()
    )
    assert figures(2026, chapter=12) == ()


def test_ids_are_in_report_order() -> None:
    ids = [f.id for f in figures(2025, chapter=1)]
    assert ids.index("1.1.2") < ids.index("1.1.10") < ids.index("1.2.1")


# --- records, reading, pandas ------------------------------------------------------------------


def _toy(reader: Callable[[], str], columns: tuple[Column, ...]) -> Figure:
    return Figure(
        id="9.9.9",
        edition=2026,
        chapter=9,
        chapter_name="Example",
        title="Example",
        title_source="header",
        providers=(),
        source_line=None,
        columns=columns,
        path="data/figures/2026/9. Example/fig_9.9.9.csv",
        file="fig_9.9.9.csv",
        reader=reader,
    )


def test_a_file_whose_header_is_not_the_indexed_one_is_a_data_error() -> None:
    fig = _toy(lambda: "Year,Other\n2020,1\n", (Column("Year", "year"), Column("Value", "value")))
    with pytest.raises(DataError, match="figure index is out of date"):
        _ = fig.rows


def test_a_ragged_or_empty_file_is_a_data_error() -> None:
    with pytest.raises(DataError, match="line 3 has 3 cells"):
        split_table("a,b\n1,2\n1,2,3\n", path="t.csv")
    with pytest.raises(DataError, match="empty file"):
        split_table("", path="t.csv")


def test_a_file_over_the_bound_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figures_module, "MAX_BYTES", 100)
    with pytest.raises(DataError, match="larger than 100 bytes"):
        figures_module._read_file("figures/2026/4. Economy/fig_4.2.8.csv", "utf-8")


def test_cells_are_read_once_whatever_the_threads() -> None:
    calls: list[int] = []

    def reader() -> str:
        calls.append(1)
        return "Year,Value\n2020,1\n2021,\n"

    fig = _toy(reader, (Column("Year", "year"), Column("Value", "value")))
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(fig.rows)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and all(r is results[0] for r in results)
    assert results[0] == ((2020, 1), (2021, None))


def test_to_pandas_keeps_names_types_and_missing_values() -> None:
    pd = pytest.importorskip("pandas")
    frame = figure("4.2.1", edition=2025).to_pandas()
    assert list(frame.columns) == list(figure("4.2.1", edition=2025).header)
    assert str(frame["Year"].dtype) == "Int64" and frame.iloc[0, 1] is pd.NA
    assert frame.attrs["edition"] == 2025 and frame.attrs["figure"] == "4.2.1"
    twice = figure("9.1.6", edition=2026)  # its header names "Response" twice
    assert list(twice.to_pandas().columns) == list(twice.header)


def test_to_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"aiindex\[pandas\]"):
        figure("4.2.8", edition=2026).to_pandas()


def test_reading_every_figure_imports_no_pandas_pint_or_numpy() -> None:
    code = (
        "import sys\n"
        "import aiindex._sources.figures as f\n"
        "for e in (2025, 2026):\n"
        "    for g in f.figures(e):\n"
        "        g.rows\n"
        "print(sorted(m for m in ('pandas', 'pint', 'numpy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@given(st.text(alphabet="0123456789.,-+eE% _x", max_size=12), st.sampled_from(["value", "year"]))
def test_parse_cell_agrees_with_the_independent_parse(text: str, role: Any) -> None:
    value, want = parse_cell(text, role), expected(text, role)
    if isinstance(want, float) and want != want:  # pragma: no cover - no NaN text reaches here
        return
    if isinstance(want, float) and want in (float("inf"), float("-inf")):
        assert value == text
        return
    assert type(value) is type(want) and value == want, text


def test_a_figure_asked_for_by_id_is_the_one_the_listing_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One figure is made on its own when asked for by id; the listing made later keeps it.
    monkeypatch.setattr(figures_module, "_CATALOG", None)
    one = figures_module.figure("4.2.8", edition=2026)
    listed = {f.id: f for f in figures_module.figures(2026)}
    assert listed["4.2.8"] is one
    assert figures_module.figure("4.2.8", edition=2026) is one
    assert len(listed) == 343


@pytest.mark.parametrize("edition", [2025, 2026])
def test_a_figure_names_the_indicators_its_values_feed(edition: int) -> None:
    # Oracle: the indicators themselves. Every value cites a figure; that figure names the
    # indicator (and no figure names an indicator it gives no value to and no mapping feeds).
    import aiindex
    from aiindex._sources.public_data import mappings

    cited: dict[str, set[str]] = {}
    for ind_id in aiindex.indicators(edition=edition):
        for obs in aiindex.indicator(ind_id, edition=edition).observations:
            if obs.source.figure:
                cited.setdefault(obs.source.figure, set()).add(ind_id)
    mapped = {
        file.removesuffix(".csv"): {m.indicator.id for m in maps}
        for (ed, file), maps in mappings().figures.items()
        if ed == edition
    }
    for fig in figures(edition):
        stem = fig.file.removesuffix(".csv")
        expected = cited.get(stem, set()) | mapped.get(stem, set())
        assert set(fig.indicators) == expected, fig.id
        assert len(set(fig.indicators)) == len(fig.indicators), fig.id
    assert set(cited) <= {f.file.removesuffix(".csv") for f in figures(edition)}


@pytest.mark.parametrize("edition", [2025, 2026])
def test_a_skipped_figure_gives_the_mappings_reason(edition: int) -> None:
    from aiindex._sources.public_data import mappings

    skipped = {f: why for (ed, f), why in mappings().skipped.items() if ed == edition}
    assert skipped
    for fig in figures(edition):
        assert fig.skip_reason == skipped.get(fig.file), fig.id
        assert not (fig.skip_reason and fig.indicators), fig.id


def test_a_damaged_figure_registry_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figures_module, "_uses", lambda: ("aiindex/data/x.json", {"built": []}))
    with pytest.raises(DataError, match=r"aiindex/data/x\.json.*damaged figure registry"):
        _ = figure("4.2.8", edition=2026).indicators
