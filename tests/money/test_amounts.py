"""Reading and writing amounts: round trips and totality first, then the seed article."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_money import (
    MONEY,
    arbitrary_texts,
    english_amounts,
    korean_amounts,
    magnitudes_for_format,
    valid_amount_texts,
)

from aiindex._model.units import quantity
from aiindex._money.amounts import _round_significant, format_korean, parse_amount, parse_parts
from aiindex.exceptions import AmountParseError, NotMoneyError

# ------------------------------------------------------------------ properties


@settings(max_examples=3000, deadline=None)
@given(arbitrary_texts)
def test_parse_is_total(text: str) -> None:
    try:
        q = parse_amount(text)
    except AmountParseError as e:
        assert repr(text) in str(e) and "offset" in str(e)
        assert 0 <= e.offset <= len(text)  # type: ignore[attr-defined]
    else:
        assert len(q.dimensionality) == 1


@MONEY
@given(korean_amounts())
def test_parse_korean(case: tuple[str, Decimal, str]) -> None:
    text, value, code = case
    assert parse_parts(text) == (value, code)


@MONEY
@given(english_amounts())
def test_parse_english(case: tuple[str, Decimal, str]) -> None:
    text, value, code = case
    assert parse_parts(text) == (value, code)


@MONEY
@given(valid_amount_texts)
def test_parse_amount_quantity(case: tuple[str, Decimal, str]) -> None:
    text, value, code = case
    q = parse_amount(text)
    assert str(q.units) == code and q.magnitude == float(value)


@MONEY
@given(
    magnitudes_for_format,
    st.integers(1, 12),
    st.sampled_from(["KRW", "USD", "JPY", "CNY", "EUR", "GBP", "CHF"]),
)
def test_format_parse_round_trip(m: Decimal, digits: int, code: str) -> None:
    q = quantity(float(m), code)
    text = format_korean(q, digits=digits)
    value, got_code = parse_parts(text)
    assert got_code == code
    assert value == _round_significant(Decimal(float(m)), digits)
    assert parse_amount(text).magnitude == float(value)


@MONEY
@given(st.integers(1, 2**53))  # exact as floats
def test_format_is_canonical(n: int) -> None:
    # Formatting the parsed text again gives the same text: one spelling per value.
    text = format_korean(quantity(n, "KRW"), digits=17)
    assert format_korean(parse_amount(text), digits=17) == text
    assert not re.search(r"(^| )0", text.replace(" 원", "")) or n == 0


# ------------------------------------------------------------------ examples


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("1억9천140만 달러", 191_400_000, "USD"),
        ("2천669억원", 266_900_000_000, "KRW"),
        ("7천835만2천34달러", 78_352_034, "USD"),
        ("672억달러", 67_200_000_000, "USD"),
        ("13억9천만달러", 1_390_000_000, "USD"),
        ("1천92억원", 109_200_000_000, "KRW"),
        ("72억6천만달러", 7_260_000_000, "USD"),
        ("2,669억 원", 266_900_000_000, "KRW"),
        ("1억 9,140만 달러", 191_400_000, "USD"),
        ("1조 2,000억 원", 1_200_000_000_000, "KRW"),
        ("3천억엔", 300_000_000_000, "JPY"),
        ("5백만 위안", 5_000_000, "CNY"),
        ("20억 유로", 2_000_000_000, "EUR"),
        ("1천만 파운드", 10_000_000, "GBP"),
        ("$67.2 billion", 67_200_000_000, "USD"),
        ("US$1.39bn", 1_390_000_000, "USD"),
        ("191.4 million USD", 191_400_000, "USD"),
        ("KRW 266.9 billion", 266_900_000_000, "KRW"),
        ("¥1.2 trillion", 1_200_000_000_000, "JPY"),
        ("€5m", 5_000_000, "EUR"),
        ("£3.78 billion", 3_780_000_000, "GBP"),
        ("7.76 billion US dollars", 7_760_000_000, "USD"),
    ],
)
def test_examples(text: str, value: int, code: str) -> None:
    assert parse_parts(text) == (Decimal(value), code)


def test_every_amount_in_the_seed_article_parses(seed_article: Path) -> None:
    text = seed_article.read_text(encoding="utf-8")
    found = re.findall(r"[0-9][0-9,.천백십조억만 ]*(?:원|달러)", text)
    expected = {
        "672억달러": Decimal("67.2e9"),
        "72억6천만달러": Decimal("7.26e9"),
        "13억9천만달러": Decimal("1.39e9"),
        "1억9천140만 달러": Decimal("191.4e6"),
        "2천669억원": Decimal("266.9e9"),
        "7천835만2천34달러": Decimal("78352034"),
        "1천92억원": Decimal("109.2e9"),
    }
    assert set(expected) <= set(found)
    for amount in found:
        value, _ = parse_parts(amount)
        if amount in expected:
            assert value == expected[amount]


@pytest.mark.parametrize(
    ("value", "code", "digits", "text"),
    [
        (266_599_669_079.6, "KRW", 4, "2,666억 원"),
        (191.4e6, "USD", 4, "1억 9,140만 달러"),
        (78_352_034, "USD", 8, "7,835만 2,034 달러"),
        (78_352_034, "USD", 4, "7,835만 달러"),
        (1.2e12, "KRW", 4, "1조 2,000억 원"),
        (0, "KRW", 4, "0 원"),
        (0.5, "CHF", 4, "0.5 CHF"),
        (12_345.5, "USD", 10, "1만 2,345.5 달러"),
        (-2.5e8, "JPY", 4, "-2억 5,000만 엔"),
        (2.5, "EUR", 1, "2 유로"),  # half-even
        (3.5, "GBP", 1, "4 파운드"),
    ],
)
def test_format_examples(value: float, code: str, digits: int, text: str) -> None:
    assert format_korean(quantity(value, code), digits=digits) == text


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("", 0),
        ("1억 2억 원", 4),
        ("9천1400만 달러", 2),
        ("1,23억원", 1),
        ("$5 USD", 3),
        ("5", 1),
        ("5 millions USD", 2),
        ("12천 원", 0),
        ("1억 10000만원", 3),
        ("1억원 입니다", 4),
        ("about $5", 0),
    ],
)
def test_parse_errors_point_at_the_spot(text: str, offset: int) -> None:
    with pytest.raises(AmountParseError) as e:
        parse_amount(text)
    message = str(e.value)
    assert repr(text) in message and f"offset {offset}" in message
    assert "Accepted:" in message and "1억9천140만 달러" in message
    assert e.value.offset == offset  # type: ignore[attr-defined]


def test_parse_rejects_non_str() -> None:
    with pytest.raises(TypeError, match="takes a str"):
        parse_amount(5)  # type: ignore[arg-type]


def test_format_not_money() -> None:
    with pytest.raises(NotMoneyError, match="percent"):
        format_korean(quantity(5, "percent"))


def test_format_bad_digits() -> None:
    with pytest.raises(ValueError, match="digits=0"):
        format_korean(quantity(5, "USD"), digits=0)
