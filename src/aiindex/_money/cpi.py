"""Constant dollars: adjusting USD amounts with the US CPI-U annual average.

The series (BLS CUUR0000SA0, annual average) ships as ``data/cpi_u.csv``, written by
``scripts/build_cpi.py`` from the database bundled in the ``cpi`` package. Reading it needs
neither pandas nor ``cpi``, and no network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiindex._once import once
from aiindex.exceptions import MissingValueError, NotMoneyError

if TYPE_CHECKING:
    import pint

__all__ = ["cpi_u", "to_constant_dollars"]


@once
def cpi_u() -> dict[int, float]:
    """The CPI-U annual averages shipped with aiindex, by year (index 1982-84 = 100).

    >>> from aiindex._money.cpi import cpi_u
    >>> cpi_u()[2023]
    304.702
    """
    from importlib.resources import files

    text = files("aiindex").joinpath("data").joinpath("cpi_u.csv").read_text(encoding="utf-8")
    out: dict[int, float] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line == "year,value":
            continue
        year, value = line.split(",")
        out[int(year)] = float(value)
    return out


def _index(year: object, what: str) -> float:
    series = cpi_u()
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"{what}={year!r} must be an int year such as 2023")
    if year not in series:
        first, last = min(series), max(series)
        raise MissingValueError(
            f"no CPI-U annual average for {what}={year}: the shipped series covers "
            f"{first} to {last}. Pick a year in that range."
        )
    return series[year]


def to_constant_dollars(
    quantity: pint.Quantity[Any], *, from_year: int, to_year: int
) -> pint.Quantity[Any]:
    """Express a USD amount of ``from_year`` in ``to_year`` dollars (CPI-U annual average).

    The result is ``amount * CPI(to_year) / CPI(from_year)``, in USD.

    >>> from aiindex._money.cpi import to_constant_dollars
    >>> from aiindex._model.units import quantity
    >>> q = to_constant_dollars(quantity(100, "USD"), from_year=2020, to_year=2023)
    >>> round(q.magnitude, 2), str(q.units)
    (117.73, 'USD')
    """
    dims = getattr(quantity, "dimensionality", None)
    if dims is None or dict(dims) != {"[currency_USD]": 1}:
        raise NotMoneyError(
            f"to_constant_dollars() adjusts US dollars only, got {quantity!r}; convert other "
            "currencies to USD first (aiindex.convert(q, 'USD', on=...))"
        )
    source = _index(from_year, "from_year")
    target = _index(to_year, "to_year")
    amount = quantity.m_as("USD")
    from aiindex._model.units import registry

    # Same operation order as the cpi package (value * target / source), so results match it.
    return registry().Quantity((amount * target) / source, "USD")
