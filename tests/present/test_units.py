"""Units for people: every shipped unit in English and Korean words, quantities printed
readably, currency names read as ISO codes."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiindex
from aiindex._model.units import (
    CURRENCY_KO,
    currency_code,
    readable_magnitude,
    readable_quantity,
    unit_words,
)
from aiindex._present.korean import unit_ko, unit_label_ko
from aiindex._sources.packaged import catalogue, load

UNITS = sorted({load(i, e).unit for e, ids in catalogue().items() for i in ids})
PINT = re.compile(r"\*|/ \(|_|\bdimensionless\b|\bperson\b")


@pytest.mark.parametrize("unit", UNITS)
def test_every_shipped_unit_reads_as_words(unit: str) -> None:
    assert not PINT.search(unit_words(unit)), unit_words(unit)
    assert not PINT.search(unit_ko(unit)), unit_ko(unit)
    q = aiindex.Quantity(2.5, unit)
    assert not PINT.search(str(q)) and str(q).startswith("2.5")


@pytest.mark.parametrize(
    ("indicator_id", "edition"), [(i, e) for e, ids in catalogue().items() for i in ids]
)
def test_every_indicator_has_an_english_and_a_korean_unit_label(
    indicator_id: str, edition: int
) -> None:
    ind = load(indicator_id, edition)
    assert ind.unit_label and not PINT.search(ind.unit_label)
    assert unit_label_ko(ind) and not PINT.search(unit_label_ko(ind))


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_readable_magnitude_is_the_value_rounded(value: float) -> None:
    text = readable_magnitude(value)
    shown = Decimal(text.replace(",", ""))
    places = len(text.partition(".")[2])
    # In decimal: the float nearest the text may be further than half a unit (1073741824.375).
    assert abs(shown - Decimal(value)) <= Decimal(5) * Decimal(10) ** (-places - 1)
    if abs(value) >= 1:
        assert places <= 2


def test_print_of_a_quantity() -> None:
    assert readable_quantity(1.326995968, "billion * USD") == "1.33 billion USD"
    assert (
        readable_quantity(1, "model") == "1 model" and readable_quantity(18, "model") == "18 models"
    )
    assert readable_quantity(0.79, "percent") == "0.79%"
    assert readable_quantity(-0.3, "1 / (ten_thousand * member)") == "-0.3 per 10,000 members"


@pytest.mark.parametrize(("code", "word"), sorted(CURRENCY_KO.items()))
def test_korean_currency_words_are_codes(code: str, word: str) -> None:
    assert currency_code(word) == code == currency_code(code.lower())


@pytest.mark.parametrize(
    ("name", "code"),
    [("won", "KRW"), (" Korean  Won ", "KRW"), ("dollars", "USD"), ("yen", "JPY"), ("€", "EUR")],
)
def test_english_currency_names(name: str, code: str) -> None:
    assert currency_code(name) == code


def test_every_counted_unit_has_a_korean_word() -> None:
    from pathlib import Path

    from aiindex._io.files import data_dir
    from aiindex._present.korean import _BASE_KO

    text = (Path(str(data_dir())) / "units.txt").read_text(encoding="utf-8")
    counted = re.findall(r"^([a-z_]+) = 1 = ", text, re.M)
    assert counted and [u for u in counted if u not in _BASE_KO] == []
