"""The CLI around the data: check, export, import-public-data, --lang, --cite, --plot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import aiindex
from aiindex._cli import main

REPO = Path(__file__).resolve().parents[2]
PUBLIC_2025 = REPO / "reference" / "public-data" / "2025-full"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_check_the_seed_article_detects_its_language(
    capsys: pytest.CaptureFixture[str], seed_article: Path
) -> None:
    # Regression: the global --lang once defaulted to "en" and misread the Korean article.
    article = seed_article
    status, out, _ = run(capsys, "check", str(article))
    assert status == 1  # the China figure is contradicted
    summary = out.splitlines()[-1]
    report = aiindex.check(article.read_text(encoding="utf-8"))
    assert summary == str(report).splitlines()[-1]
    assert report.summary["contradicted"] == 2


def test_check_reads_standard_input_and_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    text = "South Korea had 10.26 granted AI patents per 100,000 inhabitants in 2022."
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    status, out, _ = run(capsys, "check", "-", "--json", "--edition", "2024")
    assert status == 0
    data = json.loads(out)
    grades = [c["grade"] for c in data["claims"]]
    assert grades and set(grades) == {"supported"}


def test_show_and_profile_in_korean(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "private_investment", "--edition", "2024", "--lang", "ko")
    assert status == 0
    assert "공동 9위" in out and "한국" in out and "미국" in out
    status, out, _ = run(capsys, "--lang", "ko", "profile", "KOR", "--edition", "2024")
    assert status == 0 and "한국" in out.splitlines()[0]


def test_cite_styles(capsys: pytest.CaptureFixture[str]) -> None:
    # --cite adds the citation under the answer; it does not replace it.
    status, out, _ = run(capsys, "show", "private_investment", "--edition", "2024", "--cite")
    assert status == 0
    table = run(capsys, "show", "private_investment", "--edition", "2024")[1]
    cited = aiindex.indicator("private_investment", edition=2024).cite()
    assert out == table.rstrip("\n") + "\n\nCite as:\n" + cited + "\n"
    status, out, _ = run(
        capsys, "rank", "private_investment", "CHN", "--edition", "2024", "--cite", "long"
    )
    assert status == 0 and "CC BY-ND 4.0" in out and "etnews" in out
    assert out.startswith("China ranks 2nd on Private investment in AI (2024 edition, 2023)")
    status, out, _ = run(capsys, "show", "private_investment", "--cite", "bibtex")
    assert status == 0 and out.startswith("Private investment in AI") and "\n@techreport{" in out


def test_plot_writes_a_png(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "chart.png"
    status, out, err = run(
        capsys, "show", "private_investment", "--edition", "2024", "--plot", str(png)
    )
    assert status == 0 and "South Korea" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert str(png) in err


def test_export_writes_a_data_package(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "export", str(tmp_path / "pkg"), "--edition", "2024")
    assert status == 0 and str(tmp_path / "pkg") in out
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"] for r in descriptor["resources"]}
    assert len(names) == len(aiindex.indicators(2024))


def test_import_public_data(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "import-public-data", str(PUBLIC_2025), "--edition", "2025")
    assert status == 0 and "private_investment" in out
    status, out, _ = run(
        capsys, "import-public-data", str(PUBLIC_2025), "--edition", "2025", "--json"
    )
    data = json.loads(out)
    assert data["indicators"]["private_investment"]["observations"] == len(
        aiindex.indicator("private_investment", edition=2025).observations
    )
    status, _, err = run(capsys, "import-public-data", str(PUBLIC_2025))
    assert status == 2 and "--edition" in err and err.count("\n") == 1
