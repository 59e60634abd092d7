"""The Stanford HAI AI Index report's indicators as typed, unit-aware, sourced data.

>>> import aiindex
>>> pat = aiindex.indicator("ai_patents_per_capita", edition=2024)
>>> pat.rank("KOR"), pat.value("KOR").to("1 / (million * person)").magnitude
(1, 102.6)

``import aiindex`` is cheap: this module is a facade whose names are imported on first use
(attrs, cattrs, pint and pycountry load only when a call needs them).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from aiindex.exceptions import (
    AIIndexError,
    AmountParseError,
    DataError,
    EntityKindError,
    HangulFontWarning,
    IncomparableError,
    IncompleteRankingError,
    MissingExtraError,
    MissingValueError,
    NotMoneyError,
    RateUnavailableError,
    UndefinedRatioError,
    UnknownCurrencyError,
    UnknownEditionError,
    UnknownEntityError,
    UnknownIndicatorError,
)

if TYPE_CHECKING:
    import pint

    from aiindex._amounts import format_korean, parse_amount
    from aiindex._api import entity, indicator, indicators
    from aiindex._check import Claim, Report, check
    from aiindex._cite import cite
    from aiindex._cpi import to_constant_dollars
    from aiindex._editions import Edition, edition_info, editions
    from aiindex._entities import is_entity
    from aiindex._export import export_datapackage
    from aiindex._indicator import Indicator
    from aiindex._money import Rate, convert, rate, rates_coverage
    from aiindex._pandas import to_pandas_many as to_pandas
    from aiindex._plot import plot
    from aiindex._profile import profile
    from aiindex._public_data import PublicData, read_public_data
    from aiindex._records import (
        Coverage,
        Entity,
        Observation,
        Profile,
        ProfileRow,
        Ranked,
        Ranking,
        Source,
    )
    from aiindex._series import Growth, Revision, growth, revisions, series
    from aiindex._units import define_units
    from aiindex._usercsv import read_csv

    ureg: pint.UnitRegistry[Any]
    Quantity: type[pint.Quantity[Any]]
    __version__: str

__all__ = [
    "AIIndexError",
    "AmountParseError",
    "Claim",
    "Coverage",
    "DataError",
    "Edition",
    "Entity",
    "EntityKindError",
    "Growth",
    "HangulFontWarning",
    "IncomparableError",
    "IncompleteRankingError",
    "Indicator",
    "MissingExtraError",
    "MissingValueError",
    "NotMoneyError",
    "Observation",
    "Profile",
    "ProfileRow",
    "PublicData",
    "Quantity",
    "Ranked",
    "Ranking",
    "Rate",
    "RateUnavailableError",
    "Report",
    "Revision",
    "Source",
    "UndefinedRatioError",
    "UnknownCurrencyError",
    "UnknownEditionError",
    "UnknownEntityError",
    "UnknownIndicatorError",
    "__version__",
    "check",
    "cite",
    "convert",
    "define_units",
    "edition_info",
    "editions",
    "entity",
    "export_datapackage",
    "format_korean",
    "growth",
    "indicator",
    "indicators",
    "is_entity",
    "parse_amount",
    "plot",
    "profile",
    "rate",
    "rates_coverage",
    "read_csv",
    "read_public_data",
    "revisions",
    "series",
    "to_constant_dollars",
    "to_pandas",
    "ureg",
]

# Where each lazily imported public name lives.
_LAZY: dict[str, str] = {
    "Claim": "aiindex._check",
    "Report": "aiindex._check",
    "check": "aiindex._check",
    "cite": "aiindex._cite",
    "Edition": "aiindex._editions",
    "edition_info": "aiindex._editions",
    "editions": "aiindex._editions",
    "export_datapackage": "aiindex._export",
    "plot": "aiindex._plot",
    "PublicData": "aiindex._public_data",
    "read_public_data": "aiindex._public_data",
    "format_korean": "aiindex._amounts",
    "parse_amount": "aiindex._amounts",
    "to_constant_dollars": "aiindex._cpi",
    "Rate": "aiindex._money",
    "convert": "aiindex._money",
    "rate": "aiindex._money",
    "rates_coverage": "aiindex._money",
    "entity": "aiindex._api",
    "indicator": "aiindex._api",
    "indicators": "aiindex._api",
    "is_entity": "aiindex._entities",
    "Indicator": "aiindex._indicator",
    "profile": "aiindex._profile",
    "Coverage": "aiindex._records",
    "Entity": "aiindex._records",
    "Observation": "aiindex._records",
    "Profile": "aiindex._records",
    "ProfileRow": "aiindex._records",
    "Ranked": "aiindex._records",
    "Ranking": "aiindex._records",
    "Source": "aiindex._records",
    "define_units": "aiindex._units",
    "Growth": "aiindex._series",
    "Revision": "aiindex._series",
    "growth": "aiindex._series",
    "revisions": "aiindex._series",
    "series": "aiindex._series",
    "read_csv": "aiindex._usercsv",
}


def __getattr__(name: str) -> Any:
    if name == "to_pandas":
        from aiindex._pandas import to_pandas_many

        value: Any = to_pandas_many
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name == "ureg":
        from aiindex._units import registry

        value = registry()
    elif name == "Quantity":
        from aiindex._units import registry

        value = registry().Quantity
    elif name == "__version__":
        from importlib.metadata import version

        value = version("aiindex")
    else:
        raise AttributeError(f"module 'aiindex' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
