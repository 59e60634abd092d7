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

__all__ = ["CURRENCY_KO", "SCALE_WORDS", "define_units", "quantity", "registry", "split_scale"]

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
    ureg.formatter.default_format = "~P"
    return ureg


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
