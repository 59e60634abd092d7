"""The command line, in-process (``aiindex._cli.main``) and once through ``python -m aiindex``."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

import aiindex
from aiindex._cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(status: int, out: str, err: str) -> str:
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("aiindex: ")
    assert "Traceback" not in err
    return lines[0]


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "list")
    assert status == 0 and err == ""
    listed = [line.split()[0] for line in out.splitlines()[1:]]
    assert listed == list(aiindex.indicators())


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "list", "--edition", "2024", "--json")
    data = json.loads(out)
    assert status == 0
    assert [d["indicator"] for d in data] == list(aiindex.indicators(2024))
    pi = next(d for d in data if d["indicator"] == "private_investment")
    assert pi["years"] == [2023] and pi["edition"] == 2024


def test_show_private_investment(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "show", "private_investment", "--edition", "2024")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert "Private investment in AI" in lines[0] and "2023" in lines[0]
    kor = next(line for line in lines if " KOR " in line)
    ind = next(line for line in lines if " IND " in line)
    assert kor.split()[0] == "9=" and ind.split()[0] == "9="
    assert "1.39" in kor.split()
    usa = next(line for line in lines if " USA " in line)
    assert usa.split()[0] == "1" and "67.22" in usa.split()
    # Title, header, one line per row, then coverage, price basis and source, and the note
    # of the one disputed row (China), under a heading: "disputed, see note" has it there.
    ranking = aiindex.indicator("private_investment", edition=2024).ranking()
    assert len(lines) == 2 + len(ranking) + 3 + 2
    assert lines[-2] == "Notes:" and lines[-1].startswith("  China: ")
    assert "Price basis: nominal." in lines
    source = [line for line in lines if line.startswith("Source:")]
    # Read from press reports quoting the report: the source line says via whom.
    (line,) = source
    assert line.startswith("Source: Stanford HAI, AI Index Report 2024, Chapter 4.3 Investment,")
    assert ", via " in line
    coverage = [line for line in lines if line.startswith("Coverage:")]
    assert len(coverage) == 1 and "0.68" in coverage[0]
    # Spain is below the coverage: shown, but with no rank.
    esp = next(line for line in lines if " ESP " in line)
    assert esp.split()[0] == "-"


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "private_investment", "--json", "--edition", "2024")
    assert status == 0
    data = json.loads(out)
    assert data["indicator"] == "private_investment" and data["year"] == 2023
    assert data["coverage"]["kind"] == "top" and data["coverage"]["complete_down_to"] == 0.68
    ranks = {r["entity"]: r["rank"] for r in data["rows"]}
    assert ranks["USA"] == 1 and ranks["KOR"] == 9 and ranks["IND"] == 9 and ranks["ESP"] is None
    kor = next(r for r in data["rows"] if r["entity"] == "KOR")
    assert kor["value"] == 1.39 and kor["sources"]
    assert data["rows"] == sorted(data["rows"], key=lambda r: -r["value"])


def test_rank(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--edition", "2024", "rank", "private_investment", "KOR")
    assert status == 0 and err == ""
    assert "South Korea" in out and "9" in out and "tied" in out and "1.39" in out
    status, out, _ = run(
        capsys, "rank", "private_investment", "한국", "--json", "--edition", "2024"
    )
    data = json.loads(out)
    assert data["rank"] == 9 and data["entity"] == "KOR"


def test_gap(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "gap", "private_investment", "USA", "CHN", "--edition", "2024")
    assert status == 0 and err == ""
    assert "59.46" in out and "67.22" in out and "7.76" in out
    status, out, _ = run(
        capsys, "--edition", "2024", "gap", "private_investment", "USA", "CHN", "--json"
    )
    assert json.loads(out)["gap"] == 59.46


def test_profile(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "profile", "KOR")
    assert status == 0 and err == ""
    assert out.strip() == str(aiindex.profile("KOR"))  # the newest edition
    status, out, _ = run(capsys, "profile", "KOR", "--json", "--edition", "2024")
    data = json.loads(out)
    rows = {r["indicator"]: r for r in data["rows"]}
    assert rows["ai_patents_per_capita"]["rank"] == 1
    assert rows["ai_talent_concentration"]["leader"] == "ISR"
    assert rows["ai_talent_concentration"]["gap_to_leader"] == pytest.approx(-0.34)
    assert rows["foundation_models_by_country"]["rank"] is None


def test_edition_option(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "profile", "KOR", "--edition", "2024")
    assert status == 0 and "AI Index 2024" in out
    status, out, _ = run(capsys, "show", "private_investment", "--edition", "2024")
    assert status == 0 and "2024 edition" in out
    status, out, _ = run(capsys, "list", "--edition", "2024")
    assert status == 0 and "private_investment" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    # Like argparse's own version action (and GNU's convention): on stdout, so it can be piped.
    assert capsys.readouterr().out.strip() == f"aiindex {aiindex.__version__}"


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["show", "privat_investment"], "privat_investment"),
        (["rank", "private_investment", "Koreaa"], "Koreaa"),
        (["show", "private_investment", "--edition", "1999"], "1999"),
        (["list", "--edition", "1999"], "1999"),
        (["rank", "foundation_models_by_country", "KOR"], "South Korea"),
        (["rank", "private_investment", "GPT-4"], "GPT-4"),
        (["show", "private_investment", "--year", "2019", "--edition", "2024"], "2019"),
        (["gap", "private_investment", "USA", "Atlantis"], "Atlantis"),
        (["profile", "Atlantis"], "Atlantis"),
    ],
)
def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    line = assert_one_line_error(*run(capsys, *argv))
    assert needle in line


def test_unknown_indicator_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    line = assert_one_line_error(*run(capsys, "show", "privat_investment"))
    assert "'private_investment'" in line


@pytest.mark.parametrize(
    "argv", [["show"], ["frobnicate"], ["show", "private_investment", "--year", "abc"], []]
)
def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    assert info.value.code == 2
    assert_one_line_error(2, out, err)


class _ClosedPipe(io.StringIO):
    def write(self, s: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_closed_stdout_is_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    # `aiindex show private_investment | head -1`: the reader goes away before the table is out.
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["show", "private_investment"]) == 0


def test_python_m_aiindex_profile() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "aiindex", "profile", "KOR"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "South Korea (KOR)" in proc.stdout
    assert "ai_patents_per_capita" in proc.stdout


def test_python_m_aiindex_error_exit_status() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "aiindex", "rank", "foundation_models_by_country", "KOR"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("aiindex: ") and proc.stderr.count("\n") == 1
