"""The money commands of the CLI: convert, and show with --currency/--on."""

from __future__ import annotations

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


@pytest.mark.parametrize(
    "amount",
    [["191.4e6", "USD"], ["1억9천140만 달러"], ["$191.4 million"], ["191.4", "million", "USD"]],
)
def test_convert_prints_value_korean_form_and_the_rate_used(
    capsys: pytest.CaptureFixture[str], amount: list[str]
) -> None:
    status, out, err = run(capsys, "convert", *amount, "KRW", "--on", "2024-04-16")
    assert status == 0 and err == ""
    expected = aiindex.convert(aiindex.Quantity(191.4e6, "USD"), "KRW", on="2024-04-16")
    first, second, source = out.splitlines()
    assert first == f"191,400,000.00 USD = {expected.magnitude:,.2f} KRW (2,666억 원)"
    assert second == "at 1,392.89 KRW/USD (ECB, 2024-04-16)"
    assert source.startswith("Source: ECB euro reference rates")


def test_convert_on_a_weekend_names_the_earlier_fixing(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "convert", "100", "USD", "EUR", "--on", "2024-04-14")
    assert status == 0
    assert "(ECB, 2024-04-12)" in out


def test_convert_json_with_a_year_mean(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "convert", "$67.2 billion", "KRW", "--on", "2023", "--json")
    assert status == 0
    data = json.loads(out)
    r = aiindex.rate("USD", "KRW", on=2023)
    assert data["rate"]["year"] == 2023 and data["rate"]["value"] == r.value
    assert data["value"] == pytest.approx(67.2e9 * r.value, rel=1e-12)
    assert data["korean"].endswith("원")


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["convert", "100", "XYZ", "KRW", "--on", "2024-04-16"], "XYZ"),
        (["convert", "100", "USD", "KRW", "--on", "1990-01-02"], "1990-01-02"),
        (["convert", "100", "apples", "KRW", "--on", "2024-04-16"], "apples"),
        (["show", "ai_patents_per_capita", "--currency", "KRW", "--on", "2024-04-16"], "money"),
        (["show", "training_cost", "--currency", "KRW"], "--on"),
        (["show", "training_cost", "--on", "2024-04-16"], "--currency"),
        (["show", "private_investment", "--plot", "/nonexistent/dir/x.png"], "/nonexistent"),
        (["export", "/proc/aiindex-cannot-write-here"], "/proc/aiindex"),
    ],
)
def test_bad_money_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], names: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("aiindex: ")
    assert names.lower() in err.lower()


def test_show_with_currency_converts_every_row_at_one_rate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ("show", "training_cost", "--currency", "KRW", "--on", "2024-04-16", "--edition", "2024")
    status, out, _ = run(capsys, *args)
    assert status == 0
    gemini = next(line for line in out.splitlines() if "gemini-ultra" in line)
    assert "266,599,669,080" in gemini and "2,666억 원" in gemini
    assert "Converted at 1,392.89 KRW/USD (ECB, 2024-04-16)" in out
    assert "Price basis: inflation-adjusted cloud-compute estimate." in out


def test_show_currency_json(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("show", "private_investment", "--currency", "KRW", "--on", "2024-04-16", "--json")
    args += ("--edition", "2024")
    status, out, _ = run(capsys, *args)
    assert status == 0
    data = json.loads(out)
    usa = next(r for r in data["rows"] if r["entity"] == "USA")
    want = aiindex.convert(aiindex.Quantity(67.22, "billion * USD"), "KRW", on="2024-04-16")
    assert data["edition"] == 2024
    assert usa["converted"]["value"] == pytest.approx(want.magnitude, rel=1e-12)
    assert data["rate"]["fixing_date"] == "2024-04-16"


def test_convert_command_does_not_import_pint() -> None:
    code = (
        "import sys\n"
        "from aiindex._cli import main\n"
        "assert main(['convert', '191.4e6', 'USD', 'KRW', '--on', '2024-04-16']) == 0\n"
        "assert 'pint' not in sys.modules and 'numpy' not in sys.modules, sorted(sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
