"""`aiindex figures` and `aiindex figure`: the release figures from the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import aiindex
from aiindex._cli import main
from aiindex._sources.figures import figure_bytes


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("edition", [2025, 2026])
def test_figures_lists_every_figure_of_the_edition(
    capsys: pytest.CaptureFixture[str], edition: int
) -> None:
    status, out, err = run(capsys, "figures", "--edition", str(edition))
    assert status == 0 and err == ""
    lines = out.splitlines()
    expected = aiindex.figures(edition)
    assert lines[0] == f"AI Index {edition} public data: {len(expected)} figures"
    assert [line.split()[0] for line in lines[2:]] == [f.id for f in expected]


def test_figures_filters_by_chapter_and_words(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "figures", "--chapter", "Economy", "--search", "geographic")
    expected = aiindex.figures(chapter="Economy", search="geographic")
    assert status == 0 and expected
    assert out.splitlines()[0].endswith(
        f"chapter Economy, matching 'geographic': {len(expected)} figures"
    )
    status, out, _ = run(capsys, "figures", "--json", "--chapter", "4")
    ids = [d["id"] for d in json.loads(out)]
    assert status == 0 and ids == [f.id for f in aiindex.figures(chapter=4)]


def test_figure_shows_provenance_and_every_cell(capsys: pytest.CaptureFixture[str]) -> None:
    fig = aiindex.figure("4.2.8", edition=2026)
    status, out, err = run(capsys, "figure", "fig_4.2.8.csv")
    assert status == 0 and err == ""
    assert out.startswith(fig.title + "\nFigure 4.2.8, AI Index 2026, chapter 4 (Economy)\n")
    assert fig.source_line is not None and fig.source_line in out
    for row in fig.cells:
        assert any(all(cell in line for cell in row) for line in out.splitlines()), row


def test_a_header_title_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    fig = next(f for f in aiindex.figures(2026) if f.title_source == "header")
    _, out, _ = run(capsys, "figure", fig.id, "--edition", "2026")
    assert out.splitlines()[0] == f"{fig.title} (title from the CSV header)"


def test_figure_json_holds_the_typed_rows(capsys: pytest.CaptureFixture[str]) -> None:
    fig = aiindex.figure("1.2.2", edition=2025)
    status, out, _ = run(capsys, "figure", "1.2.2", "--edition", "2025", "--json")
    data = json.loads(out)
    assert status == 0 and data["id"] == "1.2.2" and data["edition"] == 2025
    assert [tuple(r) for r in data["rows"]] == list(fig.rows)
    assert [c["name"] for c in data["columns"]] == list(fig.header)


def test_figure_csv_is_the_published_file_byte_for_byte() -> None:
    # A subprocess: the bytes must reach stdout untouched, which capsys (text) cannot show.
    # 2026 fig_4.3.1 is one of the two files published in Mac Roman, not UTF-8.
    for fig in (
        aiindex.figure("4.2.8"),
        aiindex.figure("4.3.1"),
        aiindex.figure("1.1.1", edition=2025),
    ):
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "aiindex",
                "figure",
                fig.id,
                "--edition",
                str(fig.edition),
                "--csv",
            ],
            capture_output=True,
            check=True,
        ).stdout
        assert out == figure_bytes(fig)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("figure", "4.2.99"), "unknown figure '4.2.99' in the 2026 edition"),
        (("figure", "4.2.8", "--edition", "1999"), "no 1999 edition"),
        (("figures", "--edition", "2023"), "no 2023 edition"),
    ],
)
def test_bad_figure_input_is_one_line(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], words: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == "" and len(err.splitlines()) == 1
    assert err.startswith("aiindex: ") and words in err


@pytest.mark.parametrize(
    ("words", "edition", "expected"),
    [
        ("특허", 2024, {"ai_patents_per_capita", "ai_patents_growth_2012_2022"}),
        ("patents per", 2024, {"ai_patents_per_capita"}),
        ("MMMU", None, {"mmmu_accuracy"}),
    ],
)
def test_list_search_finds_ids_and_english_and_korean_titles(
    capsys: pytest.CaptureFixture[str], words: str, edition: int | None, expected: set[str]
) -> None:
    found = set(aiindex.indicators(edition, search=words))
    assert expected <= found
    argv = ["list", "--search", words, *(["--edition", str(edition)] if edition else [])]
    status, out, _ = run(capsys, *argv)
    assert status == 0 and {line.split()[0] for line in out.splitlines()[1:]} == found


def test_every_match_has_each_word_in_its_id_or_titles() -> None:
    from aiindex._model.names import words

    for ind_id in aiindex.indicators(2024, search="ai talent"):
        ind = aiindex.indicator(ind_id, edition=2024)
        text = words(f"{ind.id} {ind.title} {ind.title_ko or ''}")
        assert any(w.startswith("talent") for w in text) and "ai" in text
    assert set(aiindex.indicators(2024, search="talent")) >= set(
        aiindex.indicators(2024, search="ai talent")
    )


def test_list_search_with_no_match_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "list", "--search", "zzz")
    assert status == 0 and out.strip() == "No indicator's id, title or Korean title matches 'zzz'."


def test_figures_with_no_match_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "figures", "--search", "zzzz", "--edition", "2025")
    assert status == 0 and out.strip() == "AI Index 2025 public data, matching 'zzzz': no figure"


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (("figure", "4.2.8"), "Indicators: private_investment"),
        (("figure", "4.2.8", "--lang", "ko"), "지표: private_investment"),
        (("figure", "6.4.2"), "Indicators: none, medical AI publications by ethics topic"),
        (("figure", "1.1.5"), "Indicators: none (the file has no column of entities beside"),
    ],
)
def test_figure_says_what_aiindex_builds_from_it(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], line: str
) -> None:
    status, out, _ = run(capsys, *argv)
    assert status == 0
    assert any(x.startswith(line) for x in out.splitlines()), out[:600]


def test_figure_json_names_its_indicators(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "figure", "4.2.8", "--json")
    data = json.loads(out)
    assert (data["indicators"], data["skip_reason"]) == (["private_investment"], None)
    _, out, _ = run(capsys, "figures", "--json", "--chapter", "4", "--search", "geographic")
    listed = {d["id"]: d["indicators"] for d in json.loads(out)}
    assert listed == {
        f.id: list(f.indicators) for f in aiindex.figures(chapter=4, search="geographic")
    }
    assert any(listed.values())
