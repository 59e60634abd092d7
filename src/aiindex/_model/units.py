"""The package's pint registry, built on first use from ``data/units.txt``.

pint's default registry parses hundreds of units and costs a large part of a second; aiindex
needs a few dozen, so it loads its own small file into an empty registry, once. Nothing here
runs at ``import aiindex``: the facade reaches this module only when a caller asks for a
quantity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The counting words ("billion * USD") are one table in _model.scale, re-exported here.
from aiindex._model.scale import SCALE_WORDS
from aiindex._once import once

if TYPE_CHECKING:
    import pint

__all__ = [
    "CURRENCY_KO",
    "CURRENCY_NAMES",
    "SCALE_WORDS",
    "currency_code",
    "define_units",
    "quantity",
    "readable_magnitude",
    "readable_quantity",
    "registry",
    "split_scale",
    "unit_parts",
    "unit_words",
]

#: The Korean word for each currency of ``data/units.txt``, as Korean news writes amounts
#: ("2,669억 원", "72억6천만 달러").
CURRENCY_KO: dict[str, str] = {
    "KRW": "원",
    "USD": "달러",
    "JPY": "엔",
    "CNY": "위안",
    "EUR": "유로",
    "GBP": "파운드",
}


#: What people call each currency ("won", "원", "dollars", "달러") -> its ISO 4217 code. The
#: Korean words are `CURRENCY_KO`'s; the English ones are the words news text writes.
CURRENCY_NAMES: dict[str, str] = {
    **{ko: code for code, ko in CURRENCY_KO.items()},
    "won": "KRW",
    "korean won": "KRW",
    "dollar": "USD",
    "dollars": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "$": "USD",
    "₩": "KRW",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
}


def currency_code(text: str) -> str:
    """The ISO 4217 code ``text`` names: a code in any case, or a currency's name or sign.

    >>> currency_code("krw"), currency_code("won"), currency_code("원"), currency_code("달러")
    ('KRW', 'KRW', 'KRW', 'USD')
    >>> currency_code("XYZ")
    'XYZ'
    """
    key = " ".join(text.strip().lower().split())
    return CURRENCY_NAMES.get(key, text.strip().upper())


# How unit words read in English: what each base unit counts (singular, plural), and the
# people a per-capita figure divides by.
_COUNTED: dict[str, tuple[str, str]] = {
    "percent": ("%", "%"),
    "percentage_point": ("percentage point", "percentage points"),
    "dimensionless": ("", ""),
    "count": ("", ""),
    "unit": ("unit", "units"),
    "data_center": ("data center", "data centers"),
    "job_posting": ("job posting", "job postings"),
    # Every per-capita figure of the report divides by a country's inhabitants.
    "person": ("inhabitant", "inhabitants"),
    "inhabitant": ("inhabitant", "inhabitants"),
    "member": ("member", "members"),
}


def unit_parts(unit: str) -> tuple[list[str], list[str]]:
    """A unit expression's numerator and denominator names, scales included, in order.

    >>> unit_parts("patent / (hundred_thousand * person)")
    (['patent'], ['hundred_thousand', 'person'])
    >>> unit_parts("1 / (ten_thousand * member)"), unit_parts("billion * USD")
    (([], ['ten_thousand', 'member']), (['billion', 'USD'], []))
    """
    num, _, den = unit.partition("/")

    def names(text: str) -> list[str]:
        return [
            p.strip() for p in text.strip().strip("()").split("*") if p.strip() not in ("", "1")
        ]

    return names(num), names(den)


def _plural(name: str, many: bool) -> str:
    if name in _COUNTED:
        one, more = _COUNTED[name]
        return more if many else one
    if name.isupper():  # a currency code: "USD", never "USDs"
        return name
    word = name.replace("_", " ")
    if not many:
        return word
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def unit_words(unit: str | dict[str, int], magnitude: float | None = None) -> str:
    """A unit in English words: ``billion * USD`` -> ``billion USD``; a denominator reads
    "per 100,000 people". ``magnitude`` 1 makes what is counted singular.

    A dict is pint's form of a unit, name -> exponent.

    >>> unit_words("billion * USD"), unit_words("patent / (hundred_thousand * person)")
    ('billion USD', 'patents per 100,000 inhabitants')
    >>> unit_words("1 / (ten_thousand * member)"), unit_words("model", 1), unit_words("percent")
    ('per 10,000 members', 'model', '%')
    >>> unit_words({"thousand": 1, "robot": 1})
    'thousand robots'
    """
    if isinstance(unit, str):
        num, den = unit_parts(unit)
    else:
        num = [n for n, e in unit.items() for _ in range(int(e)) if e > 0]
        den = [n for n, e in unit.items() for _ in range(int(-e)) if e < 0]
    many = magnitude is None or magnitude != 1
    words = [n.replace("_", " ") if n in SCALE_WORDS else _plural(n, many) for n in num]
    text = " ".join(w for w in words if w)
    if den:
        factor = 1
        for n in den:
            factor *= SCALE_WORDS.get(n, 1)
        people = [_plural(n, factor != 1) for n in den if n not in SCALE_WORDS]
        per = (f"{factor:,} " if factor != 1 else "") + " ".join(people)
        text = f"{text} per {per.strip()}".strip()
    return text


def readable_magnitude(value: float) -> str:
    """A magnitude as a reader wants it: two decimals at most from 1 up, three significant
    digits below 1, thousands separated, no trailing zeros.

    >>> readable_magnitude(1.326995968), readable_magnitude(78562016.88093337)
    ('1.33', '78,562,016.88')
    >>> readable_magnitude(0.0037244553), readable_magnitude(59.0), readable_magnitude(-0.3)
    ('0.00372', '59', '-0.3')
    """
    import math

    if not math.isfinite(value):
        return str(value)
    big = value == 0 or abs(value) >= 1
    places = 2 if big else 2 - math.floor(math.log10(abs(value)))
    text = f"{value:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def readable_quantity(magnitude: Any, unit: str | dict[str, int]) -> str:
    """``1.33 billion USD``: a quantity as `print` shows it (``%`` follows the number).

    >>> readable_quantity(1.326995968, "billion * USD"), readable_quantity(0.79, "percent")
    ('1.33 billion USD', '0.79%')
    """
    words = unit_words(unit, magnitude)
    number = readable_magnitude(float(magnitude))
    if not words:
        return number
    return f"{number}{words}" if words.startswith("%") else f"{number} {words}"


def _units_text() -> str:
    from importlib.resources import files

    return files("aiindex").joinpath("data", "units.txt").read_text(encoding="utf-8")


def define_units(ureg: pint.UnitRegistry[Any]) -> None:
    """Add aiindex's units (currencies, ``person``, counting words) to a registry of yours.

    >>> import pint
    >>> mine = pint.UnitRegistry()
    >>> aiindex.define_units(mine)
    >>> str(mine.Quantity(1, "KRW").dimensionality)
    '[currency_KRW]'
    """
    ureg.load_definitions(_units_text().splitlines())


@once
def registry() -> pint.UnitRegistry[Any]:
    """The registry every aiindex quantity belongs to (``aiindex.ureg``)."""
    import pint

    ureg: pint.UnitRegistry[Any] = pint.UnitRegistry(
        None, cache_folder=None, autoconvert_offset_to_baseunit=False
    )
    define_units(ureg)
    # Our registry's own formatter (pint's global state is left alone): print(quantity) reads
    # "1.33 billion USD"; a format spec (f"{q:~P}") and units keep pint's text.
    ureg.formatter = _formatter_class()(ureg)
    ureg.formatter.default_format = "~P"
    return ureg


@once
def _formatter_class() -> type[Any]:
    from pint.delegates.formatter.full import FullFormatter

    class ReadableFormatter(FullFormatter):
        def format_quantity(self, quantity: Any, spec: str = "", **kwds: Any) -> str:
            magnitude = quantity.magnitude
            if spec or not isinstance(magnitude, int | float):
                return str(super().format_quantity(quantity, spec, **kwds))
            return readable_quantity(magnitude, dict(quantity._units.items()))

    return ReadableFormatter


def quantity(magnitude: Any, unit: str) -> pint.Quantity[Any]:
    """A quantity of the package registry: ``quantity(67.22, "billion * USD")``."""
    q: pint.Quantity[Any] = registry().Quantity(magnitude, unit)
    return q


def split_scale(unit: str) -> tuple[int, str]:
    """Split a leading counting word off a unit: ``"billion * USD"`` -> ``(10**9, "USD")``.

    >>> split_scale("million * USD")
    (1000000, 'USD')
    >>> split_scale("percent")
    (1, 'percent')
    """
    head, sep, rest = unit.partition("*")
    word = head.strip()
    if sep and word in SCALE_WORDS:
        return SCALE_WORDS[word], rest.strip()
    return 1, unit.strip()
