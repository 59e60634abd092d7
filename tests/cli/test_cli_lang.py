"""Every command honours --lang ko (and AIINDEX_LANG): Hangul in titles, units and ranks, and
errors in Korean; --lang and --digits are on every subcommand's --help."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from aiindex._cli import _COMMANDS, main
from aiindex._present.messages import MESSAGES, korean, message
from aiindex._sources.packaged import catalogue, load

HANGUL = re.compile(r"[가-힣]")
EVERY = [(i, e) for e, ids in catalogue().items() for i in ids]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as done:  # argparse's usage errors
        status = int(done.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


# One invocation of every command, and what its Korean output must hold in Korean: a command
# added without an example here fails test_every_command_has_a_korean_example.
EXAMPLES: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "list": (
        ["list", "--search", "investment"],
        ("지표", "제목", "단위", "AI 민간 투자", "십억 달러"),
    ),
    "show": (
        ["show", "private_investment", "--edition", "2024"],
        ("AI 민간 투자", "십억 달러", "공동 9위", "가격 기준"),
    ),
    "rank": (
        ["rank", "private_investment", "KOR", "--edition", "2024"],
        ("한국", "AI 민간 투자", "공동 9위", "십억 달러"),
    ),
    "gap": (["gap", "private_investment", "USA", "CHN"], ("미국", "중국", "십억 달러")),
    "ratio": (["ratio", "private_investment", "USA", "CHN"], ("미국", "중국", "배")),
    "compare": (
        ["compare", "KOR", "JPN", "--indicator", "private_investment"],
        ("한국", "일본", "연도", "십억 달러", "판 표시"),
    ),
    "growth": (
        ["growth", "private_investment", "USA", "2013", "2025"],
        ("미국", "AI 민간 투자", "십억 달러", "연평균"),
    ),
    "profile": (
        ["profile", "KOR", "--edition", "2024"],
        ("한국", "지표", "단위", "순위", "공동 9위", "십억 달러"),
    ),
    "export": (["export", "{tmp}/pkg", "--edition", "2024"], ("데이터 패키지",)),
    "import-public-data": (
        ["import-public-data", "{public_data}", "--edition", "2024"],
        ("공개 데이터", "지표"),
    ),
    # The checker's report is its own (aiindex._check); here only that the command runs.
    "check": (["check", "{article}"], ()),
    "revisions": (
        ["revisions", "private_investment", "USA", "2023"],
        ("미국", "AI 민간 투자", "십억 달러", "판"),
    ),
    "series": (["series", "ai_talent_migration", "KOR"], ("한국", "AI 인재", "연도", "링크트인")),
    "composite": (
        ["composite", "--missing", "impute", "--countries", "KOR,JPN,USA,CHN,DEU"],
        ("종합 순위", "한국", "연구개발", "1위"),
    ),
    "convert": (
        ["convert", "1억9천140만", "달러", "원", "--on", "2024-04-16"],
        ("원", "환율", "출처"),
    ),
    "figures": (["figures", "--edition", "2026", "--chapter", "4"], ("공개 데이터", "그림")),
    # The chart's title is the report's own, in English.
    "figure": (["figure", "4.2.8", "--edition", "2026"], ("그림 4.2.8", "파일", "열")),
}


def test_every_command_has_a_korean_example() -> None:
    assert sorted(EXAMPLES) == sorted(_COMMANDS), "add the new command to EXAMPLES"


def _argv(argv: list[str], tmp_path: Path) -> list[str]:
    root = Path(__file__).resolve().parents[2]
    article = tmp_path / "article.txt"
    article.write_text("한국의 AI 민간 투자는 13억9천만 달러로 9위였다.", encoding="utf-8")
    values = {
        "{tmp}": str(tmp_path),
        "{public_data}": str(root / "reference" / "public-data" / "2024"),
        "{article}": str(article),
    }
    out = []
    for a in argv:
        for k, v in values.items():
            a = a.replace(k, v)
        out.append(a)
    return out


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_every_command_speaks_korean(
    command: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    argv, words = EXAMPLES[command]
    status, out, err = run(capsys, *_argv(argv, tmp_path), "--lang", "ko")
    assert status in (0, 1), err
    if words:
        assert HANGUL.search(out), out
        if command != "figure":
            assert HANGUL.search(out.splitlines()[0]), out
    for w in words:
        assert w in out, (w, out)


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_aiindex_lang_sets_it_once(
    command: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    argv, words = EXAMPLES[command]
    monkeypatch.setenv("AIINDEX_LANG", "ko")
    status, out, err = run(capsys, *_argv(argv, tmp_path))
    assert status in (0, 1), err
    assert all(w in out for w in words), out
    # --lang on the command line wins over the environment.
    english = run(capsys, *_argv(argv, tmp_path), "--lang", "en")[1]
    if words:
        assert english != out and not all(w in english for w in words)


def test_a_bad_aiindex_lang_is_an_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIINDEX_LANG", "fr")
    status, out, err = run(capsys, "list")
    assert status == 2 and out == "" and "AIINDEX_LANG='fr'" in err and "en or ko" in err


@pytest.mark.parametrize(("indicator_id", "edition"), EVERY)
def test_show_in_korean_has_hangul_in_title_unit_and_ranks(
    indicator_id: str, edition: int, capsys: pytest.CaptureFixture[str]
) -> None:
    ind = load(indicator_id, edition)
    status, out, err = run(capsys, "show", indicator_id, "--edition", str(edition), "--lang", "ko")
    assert status == 0, err
    lines = out.splitlines()
    title, _, unit = lines[0].partition("단위: ")
    assert HANGUL.search(title), lines[0]
    assert unit == (ind.unit_label_ko or "").strip() and ind.unit_label_ko
    ranked = [r for r in ind.ranking() if r.rank is not None]
    rows = lines[2 : 2 + len(ind.ranking())]
    assert sum("위" in row.split("  ")[0] or "위 " in row for row in rows) >= len(ranked)
    assert lines[1].split()[:4] == ["순위", "이름", "코드", "값"]


@pytest.mark.parametrize("command", sorted(_COMMANDS))
def test_lang_and_digits_are_on_every_subcommands_help(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "--lang {en,ko}" in out and "AIINDEX_LANG" in out and "--digits N" in out
    if "--year" in out:
        # Every --year says what it is.
        assert re.search(r"--year YEAR\s+\S", out)


# -- errors in Korean ------------------------------------------------------------------------

KOREAN_ERRORS = [
    ["show", "nope"],
    ["show", "private_investmnt"],
    ["profile", "Koreaa"],
    ["profile", "England"],
    ["profile", "MS"],
    ["show", "private_investment", "--edition", "1999"],
    ["show", "private_investment", "--year", "1999"],
    ["rank", "private_investment", "KOR", "--year", "2023"],
    ["rank", "foundation_models_by_country", "KOR", "--edition", "2024"],
    ["rank", "private_investment", "Chad"],
    ["ratio", "foundation_models_by_country", "USA", "KOR", "--edition", "2024"],
    ["series", "private_investment", "KOR", "--edition", "2024"],
    ["series", "private_investment", "Chad"],
    ["revisions", "private_investment", "KOR", "1999"],
    ["growth", "private_investment", "KOR", "2022", "2025"],
    ["growth", "private_investment", "KOR", "1999", "2025"],
    ["convert", "100", "USD", "XYZ", "--on", "2024"],
    ["convert", "100", "USD", "KRW", "--on", "1900"],
    ["convert", "zzz", "KRW", "--on", "2024"],
    ["show", "private_investment", "--currency", "KRW"],
    ["show", "private_investment", "--on", "2024"],
    ["show", "ai_patents_per_capita", "--currency", "KRW", "--on", "2024"],
    ["show", "private_investment", "--plot", "chart.txt"],
    ["show", "private_investment", "--digits", "99"],
    ["show", "private_investment", "--top", "0"],
    ["figure", "4.2.99", "--edition", "2026"],
    ["import-public-data", "x"],
    ["check", "/nonexistent/article.txt"],
    ["rank"],
    ["shw"],
    ["show", "private_investment", "--year", "x"],
    ["show", "private_investment", "--bogus"],
    ["list", "--edition"],
]


@pytest.mark.parametrize("argv", KOREAN_ERRORS, ids=" ".join)
def test_errors_are_korean_with_lang_ko(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, *argv, "--lang", "ko")
    assert status == 2 and out == "", out
    (line,) = err.splitlines()
    assert line.startswith("aiindex: ") and HANGUL.search(line), line
    # A translated message, not the fallback around the English text.
    assert "오류: " not in line, line
    # Advice is a command, never a Python call.
    assert ".value(" not in line and "aiindex.figures(" not in line and ".gap()" not in line
    # In English, the same error has no Korean words of ours.
    status, out, err = run(capsys, *argv)
    assert status == 2 and "습니다" not in err, err


def test_every_message_has_korean_and_patterns_compile() -> None:
    for key, (en, ko, pattern) in MESSAGES.items():
        assert HANGUL.search(ko), key
        if pattern is not None:
            re.compile(pattern)
        else:
            assert en, key
    assert message("top_range", "ko", n=0).startswith("--top에는")
    assert korean("something nobody wrote").startswith("오류: ")


def test_cite_json_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    for style in ("short", "long", "bibtex", "ris", "csl-json"):
        status, out, _ = run(
            capsys, "rank", "private_investment", "KOR", "--edition", "2024", "--json",
            "--cite", style,
        )  # fmt: skip
        data = json.loads(out)
        assert status == 0 and data["rank"] == 9 and data["citation"]["style"] == style
    assert data["citation"]["text"][0]["type"] == "report"


def test_check_receives_the_lang_as_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[object] = []

    def fake(text: str, *, as_json: bool, edition: int | None, lang: str | None) -> tuple[str, int]:
        seen.append(lang)
        return "ok", 0

    import aiindex._check

    monkeypatch.setattr(aiindex._check, "run_check_cli", fake)
    article = tmp_path / "a.txt"
    article.write_text("x", encoding="utf-8")
    run(capsys, "check", str(article), "--lang", "ko")
    run(capsys, "check", str(article))
    monkeypatch.setenv("AIINDEX_LANG", "ko")
    run(capsys, "check", str(article))
    assert seen == ["ko", None, "ko"]
    assert aiindex.indicators()  # the facade still answers


def test_plots_say_a_missing_hangul_font_in_one_korean_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("matplotlib")
    import aiindex._present.plot

    monkeypatch.setattr(aiindex._present.plot, "hangul_font", lambda: None)
    for argv in (
        ["show", "private_investment", "--plot", str(tmp_path / "a.png")],
        [
            "compare",
            "KOR",
            "JPN",
            "--indicator",
            "private_investment",
            "--plot",
            str(tmp_path / "b.svg"),
        ],
    ):
        status, out, err = run(capsys, *argv, "--lang", "ko")
        assert status == 0 and HANGUL.search(out)
        lines = err.splitlines()
        assert len(lines) == 2 and "한글 글꼴" in lines[0] and "차트를 저장했습니다" in lines[1]
