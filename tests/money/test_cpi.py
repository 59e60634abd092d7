"""Constant dollars against the cpi package, plus the shipped file's provenance."""

from __future__ import annotations

import functools
import itertools
import math
import warnings
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies_money import MONEY

from aiindex._model.units import quantity
from aiindex._money.cpi import cpi_u, to_constant_dollars
from aiindex.exceptions import MissingValueError, NotMoneyError

CSV = Path(__file__).resolve().parents[2] / "src" / "aiindex" / "data" / "cpi_u.csv"


@functools.cache
def cpi() -> ModuleType:
    with warnings.catch_warnings():
        # Its import warns that the bundled data is old; the oracle is that bundled data.
        warnings.simplefilter("ignore")
        import cpi as module
    return module


def test_series_matches_cpi_get_every_year() -> None:
    for year, value in cpi_u().items():
        assert cpi().get(year) == value


def test_every_year_pair_matches_cpi_inflate_formula() -> None:
    # cpi.inflate is value * CPI(to) / CPI(from) with the values checked above; checking the
    # formula on all pairs is fast, calling cpi.inflate itself is sampled below.
    series = cpi_u()
    for a, b in itertools.product(series, repeat=2):
        got = to_constant_dollars(quantity(1000.0, "USD"), from_year=a, to_year=b).magnitude
        assert math.isclose(got, 1000.0 * series[b] / series[a], rel_tol=1e-12)


@MONEY
@given(st.sampled_from(sorted(cpi_u())), st.sampled_from(sorted(cpi_u())), st.floats(1, 1e12))
def test_agrees_with_cpi_inflate(a: int, b: int, x: float) -> None:
    expected = cpi().inflate(x, a, to=b)
    got = to_constant_dollars(quantity(x, "USD"), from_year=a, to_year=b).magnitude
    assert math.isclose(got, expected, rel_tol=1e-9)


def test_scale_words_kept_in_value() -> None:
    q = to_constant_dollars(quantity(1.0, "million * USD"), from_year=2020, to_year=2023)
    assert str(q.units) == "USD"
    assert math.isclose(q.magnitude, 1e6 * cpi_u()[2023] / cpi_u()[2020])


def test_provenance_header() -> None:
    head = [line for line in CSV.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    text = "\n".join(head)
    assert "CUUR0000SA0" in text and "cpi version" in text and "generated:" in text


def test_non_usd() -> None:
    with pytest.raises(NotMoneyError, match="KRW"):
        to_constant_dollars(quantity(5, "KRW"), from_year=2020, to_year=2023)
    with pytest.raises(NotMoneyError, match="percent"):
        to_constant_dollars(quantity(5, "percent"), from_year=2020, to_year=2023)


def test_year_outside_series() -> None:
    first, last = min(cpi_u()), max(cpi_u())
    with pytest.raises(MissingValueError, match=rf"1900.*{first} to {last}"):
        to_constant_dollars(quantity(5, "USD"), from_year=1900, to_year=2023)
    with pytest.raises(MissingValueError, match=rf"to_year={last + 1}"):
        to_constant_dollars(quantity(5, "USD"), from_year=2020, to_year=last + 1)
