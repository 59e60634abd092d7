"""Each example of issue 13's "Why", as a journalist or a researcher met it, now behaves as it
should (one test per example, named after it)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

import aiindex
from aiindex._cli import main

ROOT = Path(__file__).resolve().parents[2]
HANGUL = re.compile(r"[가-힣]")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as done:
        status = int(done.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


# -- full float precision ----------------------------------------------------------------------


def test_gap_is_shown_at_the_precision_of_its_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "gap", "private_investment", "USA", "CHN", "--edition", "2025")
    assert status == 0
    assert "109.08 - 9.29 = 99.79 billion US dollars" in out
    assert "109.0773255" not in out and "99.786987591" not in out
    # --digits overrides; --json keeps the exact values.
    assert "109.1 - 9.3 = 99.8" in run(capsys, "gap", "private_investment", "USA", "CHN",
                                      "--edition", "2025", "--digits", "1")[1]  # fmt: skip
    data = json.loads(
        run(capsys, "gap", "private_investment", "USA", "CHN", "--edition", "2025", "--json")[1]
    )
    assert data["gap"] == pytest.approx(99.786987591) and data["a"]["value"] == 109.0773255
    assert data["a"]["shown"] == "109.08"


def test_shares_are_shown_as_the_chart_prints_them(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "show", "granted_ai_patents_share_by_region", "--edition", "2025")[1]
    assert "0.37244553593936782" not in out
    assert re.search(r"south-asia\s+0\.37\b", out)


def test_profile_of_gpt4_shows_the_charts_rounding(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "profile", "gpt-4", "--edition", "2025")[1]
    assert "78562016.88" not in out and "79,000,000" in out
    # In the newest edition PaLM 2 has no value: the profile says where it has.
    out = run(capsys, "profile", "palm-2")[1]
    assert "aiindex profile palm-2 --edition 2025" in out


def test_revisions_of_training_cost_show_both_at_their_precision(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(capsys, "revisions", "training_cost", "gpt-4", "2023")[1]
    assert "78,352,034" in out and "79,000,000" in out and "78562016.88" not in out
    # The two editions estimate differently (nominal vs inflation-adjusted): said in the table.
    assert "definition changed" in out


def test_chart_bar_labels_carry_the_reports_digits() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = aiindex.plot(aiindex.indicator("private_investment", edition=2025), top=3)
    labels = [t.get_text() for t in ax.texts if "\n" not in t.get_text()]
    plt.close(ax.get_figure(root=True))
    assert labels[0] == "109.08" and "109.0773255" not in labels


# -- pint's unit text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "pint_text"),
    [
        (["show", "ai_patents_per_capita"], "patent / (hundred_thousand * person)"),
        (["show", "ai_talent_migration", "--edition", "2024"], "1 / (ten_thousand * member)"),
        (["revisions", "notable_models_by_country", "USA", "2022"], " model "),
        (["series", "ai_talent_concentration", "KOR"], "percent"),
        (["revisions", "private_investment", "USA", "2023"], "billion * USD"),
    ],
)
def test_no_pint_unit_text_in_tables(
    argv: list[str], pint_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, *argv)
    assert status == 0 and pint_text not in out, out
    # ... but in --json, where code reads it.
    assert pint_text.strip() in run(capsys, *argv, "--json")[1]


def test_quantities_print_readably() -> None:
    q = aiindex.indicator("private_investment", edition=2025).value("KOR")
    assert str(q) == "1.33 billion USD"
    assert f"{q:~P}" == "1.326995968 USD·billion"  # a format spec is pint's own
    pat = aiindex.indicator("ai_patents_per_capita", edition=2024).value("KOR")
    assert str(pat) == "10.26 patents per 100,000 inhabitants"
    assert str(aiindex.indicator("ai_talent_concentration", edition=2024).value("KOR")) == "0.79%"
    # pint's global state is untouched.
    import pint

    assert pint.get_application_registry() is not aiindex.ureg


def test_export_csv_headers_name_units_in_words(tmp_path: Path) -> None:
    aiindex.export_datapackage(tmp_path, edition=2024)
    path = tmp_path / "data" / "2024" / "ai_patents_per_capita.csv"
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert "value [granted AI patents per 100,000 inhabitants]" in header
    assert not any("hundred_thousand" in h for h in header)


# -- Korean --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["rank", "private_investment", "KOR", "--edition", "2024"],
        ["gap", "private_investment", "USA", "KOR"],
        ["series", "ai_talent_migration", "KOR"],
        ["revisions", "private_investment", "USA", "2023"],
        ["list", "--edition", "2025"],
        ["show", "training_cost", "--edition", "2024", "--currency", "KRW", "--on", "2024-04-16"],
    ],
)
def test_lang_ko_is_honoured(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    english = run(capsys, *argv)[1]
    korean = run(capsys, *argv, "--lang", "ko")[1]
    assert korean != english and HANGUL.search(korean.splitlines()[0]), korean


def test_2025_titles_are_korean(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "show", "private_investment", "--edition", "2025", "--lang", "ko")[1]
    assert out.startswith("AI 민간 투자 (AI 인덱스 2025, 2024년), 단위: 십억 달러")


def test_korean_tables_keep_the_price_basis(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "show", "private_investment", "--lang", "ko")[1]
    assert "가격 기준: 명목 달러(물가 미반영)." in out


def test_the_krw_column_has_a_header(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(
        capsys, "show", "training_cost", "--edition", "2024", "--currency", "KRW", "--on", "2024"
    )[1]
    header = out.splitlines()[1]
    assert header.rstrip().endswith("KRW  in Korean")
    korean = run(
        capsys, "show", "training_cost", "--edition", "2024", "--currency", "원", "--on", "2024",
        "--lang", "ko",
    )[1]  # fmt: skip
    assert korean.splitlines()[1].rstrip().endswith("KRW  한글 표기")


# -- citations -----------------------------------------------------------------------------------


def test_cite_adds_to_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "rank", "private_investment", "KOR", "--edition", "2024", "--cite", "long")[1]
    assert out.startswith("South Korea is tied for 9th on Private investment in AI")
    assert "Cite as:" in out and "CC BY-ND 4.0" in out
    data = json.loads(
        run(capsys, "rank", "private_investment", "KOR", "--edition", "2024", "--cite", "--json")[1]
    )
    assert data["rank"] == 9 and data["citation"]["text"].startswith("Stanford HAI")


@pytest.mark.parametrize("style", ["short", "long", "bibtex", "ris", "csl-json"])
def test_citations_name_the_figure_and_the_data_provider(style: str) -> None:
    text = aiindex.cite(aiindex.indicator("private_investment", edition=2026), style)  # type: ignore[arg-type]
    assert "4.2.8" in text and "Quid" in text


# -- honest history ------------------------------------------------------------------------------


def test_series_edition_is_an_error_that_names_vintage(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "series", "private_investment", "KOR", "--edition", "2024")
    assert status == 2 and out == "" and "--vintage" in err
    out = run(capsys, "series", "private_investment", "KOR", "--vintage", "2024")[1]
    assert {line.split()[2] for line in out.splitlines()[2:] if line[:4].isdigit()} == {"2024"}


def test_revisions_say_when_the_definition_changes(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "revisions", "notable_models_by_country", "USA", "2022")[1]
    lines = out.splitlines()
    row_2023 = next(line for line in lines if line.lstrip().startswith("2023"))
    row_2025 = next(line for line in lines if line.lstrip().startswith("2025"))
    assert "Significant machine learning systems" in row_2023 and "*" in row_2023
    assert "definition changed" in row_2025
    assert "not revisions of one figure" in lines[-1]
    # series does not mix them, and says so.
    out = run(capsys, "series", "notable_models_by_country", "USA")[1]
    assert "Definition changed: the 2023 edition(s)" in out


def test_missing_year_names_the_edition_and_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "rank", "private_investment", "KOR", "--year", "2023")
    assert status == 2
    assert "the 2024 edition has it" in err
    assert "aiindex rank private_investment KOR --year 2023 --edition 2024" in err
    assert ".value(" not in err


def test_an_unranked_value_points_to_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    err = run(capsys, "rank", "foundation_models_by_country", "KOR", "--edition", "2024")[2]
    assert "aiindex show foundation_models_by_country --year 2023 --edition 2024" in err
    assert ".value(" not in err


# -- wording and traps -------------------------------------------------------------------------


def test_english_profile_shows_tie_marks(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "profile", "KOR", "--edition", "2024")[1]
    row = next(line for line in out.splitlines() if line.startswith("private_investment "))
    assert "  9=  " in row


def test_disputed_see_note_shows_the_note(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "show", "private_investment", "--edition", "2024")[1]
    assert "disputed, see note" in out
    notes = out.split("\nNotes:\n", 1)[1]
    assert notes.startswith("  China: ") and "7.26" in notes
    # --notes prints every row's note.
    every = run(capsys, "show", "private_investment", "--edition", "2024", "--notes")[1]
    assert every.count("\n  ") > notes.count("\n  ")


def test_wording(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "rank", "private_investment", "KOR", "--edition", "2024")[1]
    assert "ranks tied 9" not in out and "is tied for 9th" in out
    err = run(capsys, "rank", "private_investment", "Chad")[2]
    assert "the table is top" not in err and "holds the top of a chart only" in err
    help_text = run(capsys, "rank", "--help")[1]
    assert re.search(r"--year YEAR\s+data year", help_text)


def test_england_does_not_suggest_greenland(capsys: pytest.CaptureFixture[str]) -> None:
    err = run(capsys, "profile", "England")[2]
    assert "Greenland" not in err and "'United Kingdom'" in err
    with pytest.raises(aiindex.UnknownEntityError) as info:
        aiindex.entity("England")
    assert info.value.suggestions == ("United Kingdom",)


def test_ms_is_not_silently_montserrat(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "profile", "MS")
    assert status == 2 and out == "" and "ambiguous" in err and "Microsoft" in err
    assert aiindex.entity("MSR").name == "Montserrat"
    assert aiindex.entity("Microsoft").id == "microsoft"
    assert not aiindex.is_entity("MS")
    assert aiindex.entity("KR").id == "KOR"  # other two-letter codes resolve as before


@pytest.mark.parametrize("currency", ["won", "원", "KRW", "krw", "Korean won"])
def test_convert_to_won(currency: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "convert", "1000", "USD", currency, "--on", "2024-04-16")
    assert status == 0, err
    assert "= 1,392,892.73 KRW" in out


def test_convert_from_won(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "convert", "1392892.73", "won", "USD", "--on", "2024-04-16")
    assert status == 0 and "= 1,000.00 USD" in out, err


def test_to_pandas_takes_an_indicator() -> None:
    pytest.importorskip("pandas")
    ind = aiindex.indicator("private_investment", edition=2024)
    df = aiindex.to_pandas(ind)
    assert len(df) == len(ind.observations) and set(df["indicator"]) == {ind.id}
    both = aiindex.to_pandas([ind, aiindex.indicator("private_investment", edition=2025)])
    assert set(both["edition"]) == {2024, 2025}
    with pytest.raises(TypeError, match="indicator ids, an Indicator or a list of Indicators"):
        aiindex.to_pandas(3)  # type: ignore[arg-type]


def test_docs_use_public_names_and_install_from_a_clone() -> None:
    pages = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")}
    for name, text in pages.items():
        assert not re.search(r"(?:from|import) aiindex\._", text), name
        assert "pip install aiindex\n" not in text and "pip install aiindex`" not in text, name
    assert "cli.md" in pages
    assert "git clone" in pages["quickstart.md"]
    index = pages["index.md"]
    assert "See the README" not in index or "](https://" in index.split("See the README")[1][:200]
