"""Hypothesis strategies for the money layer's tests (rates, amounts, CPI)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import settings
from hypothesis import strategies as st

# Moderate example counts keep the money tests within their time budget on a small machine.
settings.register_profile("money", max_examples=60, deadline=None)
MONEY = settings.get_profile("money")

# Currencies quoted without gaps from 2005-04-01 to the end of the bundled data.
STEADY = ("EUR", "USD", "JPY", "GBP", "CHF", "KRW", "CNY", "AUD", "CAD", "SEK", "HKD", "SGD")
ALL_CODES = (
    *STEADY,
    "BGN",
    "CYP",
    "CZK",
    "DKK",
    "EEK",
    "HUF",
    "LTL",
    "LVL",
    "MTL",
    "PLN",
    "ROL",
    "RON",
    "SIT",
    "SKK",
    "ISK",
    "NOK",
    "HRK",
    "RUB",
    "TRL",
    "TRY",
    "BRL",
    "IDR",
    "ILS",
    "INR",
    "MXN",
    "MYR",
    "NZD",
    "PHP",
    "THB",
    "ZAR",
)

steady_currencies = st.sampled_from(STEADY)
any_currencies = st.sampled_from(ALL_CODES)
steady_dates = st.dates(dt.date(2005, 4, 8), dt.date(2026, 10, 30))
any_dates = st.dates(dt.date(1999, 1, 4), dt.date(2026, 10, 30))
amounts = st.floats(min_value=1e-3, max_value=1e13, allow_nan=False, allow_infinity=False)

KOREAN_WORDS = ("원", "달러", "엔", "위안", "유로", "파운드")
WORD_CODE = dict(zip(KOREAN_WORDS, ("KRW", "USD", "JPY", "CNY", "EUR", "GBP"), strict=True))


@st.composite
def korean_small(draw: st.DrawFn, *, allow_zero: bool = False) -> tuple[str, int]:
    """A group below 10,000 written with 천/백/십 or digits: ('9천140', 9140)."""
    value = draw(st.integers(0 if allow_zero else 1, 9999))
    if draw(st.booleans()):
        return (f"{value:,}" if draw(st.booleans()) else str(value)), value
    out, rest = "", value
    for unit, size in (("천", 1000), ("백", 100), ("십", 10)):
        d, rest = divmod(rest, size)
        if d and draw(st.booleans()):
            out += ("" if d == 1 and draw(st.booleans()) else str(d)) + unit
        else:
            rest += d * size
            break
    if rest:
        out += str(rest)
    if not out:
        return str(value), value
    return out, value


@st.composite
def korean_amounts(draw: st.DrawFn) -> tuple[str, Decimal, str]:
    """A Korean newspaper amount, its exact value and ISO code."""
    parts: list[str] = []
    total = 0
    for unit, size in (("조", 10**12), ("억", 10**8), ("만", 10**4)):
        if draw(st.booleans()):
            text, value = draw(korean_small())
            parts.append(text + unit)
            total += value * size
    if not parts or draw(st.booleans()):
        text, value = draw(korean_small(allow_zero=not parts))
        parts.append(text)
        total += value
    sep = draw(st.sampled_from(["", " "]))
    word = draw(st.sampled_from(KOREAN_WORDS))
    space = draw(st.sampled_from(["", " "]))
    return sep.join(parts) + space + word, Decimal(total), WORD_CODE[word]


@st.composite
def english_amounts(draw: st.DrawFn) -> tuple[str, Decimal, str]:
    """'$67.2 billion', 'US$1.39bn', '191.4 million USD', 'KRW 266.9 billion', ..."""
    whole = draw(st.integers(0, 999_999))
    frac = draw(st.sampled_from(["", "5", "25", "39", "78"]))
    number = (f"{whole:,}" if draw(st.booleans()) else str(whole)) + (f".{frac}" if frac else "")
    value = Decimal(str(whole) + (f".{frac}" if frac else ""))
    scales = [
        ("", 1),
        (" thousand", 10**3),
        (" million", 10**6),
        (" billion", 10**9),
        (" trillion", 10**12),
        ("m", 10**6),
        ("bn", 10**9),
        ("k", 10**3),
        ("tn", 10**12),
    ]
    scale, factor = draw(st.sampled_from(scales))
    style = draw(st.sampled_from(["prefix", "code_prefix", "suffix"]))
    if style == "prefix":
        sym, code = draw(
            st.sampled_from(
                [
                    ("$", "USD"),
                    ("US$", "USD"),
                    ("€", "EUR"),
                    ("£", "GBP"),
                    ("¥", "JPY"),
                    ("₩", "KRW"),
                ]
            )
        )
        text = f"{sym}{number}{scale}"
    elif style == "code_prefix":
        code = draw(st.sampled_from(STEADY))
        text = f"{code} {number}{scale}"
    else:
        word, code = draw(
            st.sampled_from(
                [
                    ("USD", "USD"),
                    ("US dollars", "USD"),
                    ("euros", "EUR"),
                    ("yen", "JPY"),
                    ("won", "KRW"),
                    ("CHF", "CHF"),
                    ("pounds", "GBP"),
                ]
            )
        )
        text = f"{number}{scale} {word}"
    return text, value * factor, code


valid_amount_texts = st.one_of(korean_amounts(), english_amounts())

_ALPHABET = "0123456789,. 조억만천백십원달러엔위안유로파운드$€£¥₩USDKRWbnmkillion-"


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """A valid amount with one character deleted, duplicated or replaced."""
    text, _, _ = draw(valid_amount_texts)
    i = draw(st.integers(0, len(text)))
    op = draw(st.sampled_from(["delete", "insert", "replace", "swap"]))
    c = draw(st.sampled_from(_ALPHABET))
    if op == "delete":
        return text[:i] + text[i + 1 :]
    if op == "insert":
        return text[:i] + c + text[i:]
    if op == "replace":
        return text[:i] + c + text[i + 1 :]
    return text[:i] + text[i + 1 : i + 2] + text[i : i + 1] + text[i + 2 :]


arbitrary_texts = st.one_of(st.text(), st.text(alphabet=_ALPHABET), near_misses())

magnitudes_for_format = st.one_of(
    st.integers(0, 10**17).map(Decimal),
    st.decimals(
        min_value=Decimal("0.001"),
        max_value=Decimal("1e16"),
        places=3,
        allow_nan=False,
        allow_infinity=False,
    ),
)
