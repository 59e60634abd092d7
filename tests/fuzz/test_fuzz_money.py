"""Fuzzing money: parse_amount and convert give a result or an AIIndexError, nothing else.

Any text for parse_amount (a quantity of one currency, with a finite magnitude, or an
AmountParseError); any amount, currency codes and day or year for convert and rate (a quantity
in the currency asked for, or an AIIndexError: an unknown currency, a day without rates).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

import aiindex
from aiindex._money.rates import convert_amount

NUMBER_PARTS = st.sampled_from(
    [
        *["1", "9", "0", "00", ".", ",", "e", "E", "-", "+", "억", "조", "만", "천", "백", "십"],
        *[" ", "$", "US$", "₩", "€", "원", "달러", "billion", "bn", "m", "USD", "KRW", "XXX"],
        *["1e400", "9" * 45, "\x1b[31m", "\u00a0", "١"],
    ]
)
amount_texts = st.one_of(st.lists(NUMBER_PARTS, max_size=10).map("".join), st.text(max_size=20))
codes = st.sampled_from(["USD", "KRW", "EUR", "JPY", "CNY", "GBP", "usd", " krw ", "XXX", "", "원"])
days = st.one_of(
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.dates(dt.date(1999, 1, 1), dt.date(2027, 1, 1)),
    st.integers(-(10**6), 10**6),
    st.integers(1990, 2030),
    st.sampled_from(["2024-04-16", "2024/04/16", "2024-4-16", "today", "", " 2024-04-16 "]),
    st.text(max_size=12),
)
amounts = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**400), 10**400),
    st.floats(min_value=-1e15, max_value=1e15),
)


@settings(max_examples=300)
@given(amount_texts)
def test_parse_amount_gives_money_or_an_amount_parse_error(text: str) -> None:
    try:
        q = aiindex.parse_amount(text)
    except aiindex.AmountParseError as exc:
        assert "\x1b" not in str(exc).replace(repr(text), "")  # only inside the quoted input
    else:
        assert len(q.dimensionality) == 1 and math.isfinite(q.magnitude)


@settings(max_examples=200)
@given(amounts, codes, codes, days)
@example(1.0, "USD", "KRW", dt.date(1, 1, 1))  # a day the fallback week would precede
@example(1.0, "USD", "KRW", "0001-01-07")
@example(10**400, "USD", "KRW", 2024)
def test_convert_gives_a_quantity_or_an_aiindex_error(
    amount: Any, src: str, dst: str, on: Any
) -> None:
    try:
        value, used = convert_amount(amount, src, dst, on=on)
    except aiindex.AIIndexError:
        return
    assert used.to_currency == dst.strip().upper() and used.value > 0
    if isinstance(amount, float) and math.isfinite(amount) and abs(amount) < 1e15:
        assert math.isfinite(value)


@settings(max_examples=100)
@given(st.floats(min_value=-1e12, max_value=1e12), codes, codes, days)
def test_convert_with_pint_gives_a_quantity_or_an_aiindex_error(
    amount: float, src: str, dst: str, on: Any
) -> None:
    try:
        q = aiindex.Quantity(amount, src.strip().upper() or "USD")
    except Exception:  # pint's own error for a unit it does not know: not aiindex's input
        return
    try:
        converted = aiindex.convert(q, dst, on=on)
        rate = aiindex.rate(src, dst, on=on)
    except aiindex.AIIndexError:
        return
    assert str(converted.units) == dst.strip().upper()
    assert math.isclose(converted.magnitude, amount * rate.value, rel_tol=1e-9, abs_tol=1e-6)
