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

from aiindex._model import hooks as _hooks
from aiindex.exceptions import (
    AIIndexError,
    AmountParseError,
    ArgumentError,
    DataError,
    EntityKindError,
    HangulFontWarning,
    IncomparableError,
    IncompleteRankingError,
    MissingExtraError,
    MissingFileError,
    MissingValueError,
    NotMoneyError,
    RateUnavailableError,
    UndefinedRatioError,
    UnknownCurrencyError,
    UnknownEditionError,
    UnknownEntityError,
    UnknownFigureError,
    UnknownIndicatorError,
    WriteRefusedError,
)

# Not `from typing import TYPE_CHECKING`: importing typing costs more than the rest of the
# facade, and mypy reads a module-level TYPE_CHECKING the same way.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    import pint

    from aiindex._analysis.compare import Comparison, compare
    from aiindex._analysis.composite import (
        Composite,
        CompositePart,
        CompositeRow,
        Uncertainty,
        UncertaintyRow,
        composite,
    )
    from aiindex._analysis.profile import profile
    from aiindex._analysis.series import Growth, Revision, growth, revisions, series
    from aiindex._check import Claim, Report, check
    from aiindex._model.figure import Figure
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import (
        Coverage,
        Entity,
        Observation,
        Profile,
        ProfileRow,
        Ranked,
        Ranking,
        Source,
    )
    from aiindex._model.units import define_units
    from aiindex._money.amounts import format_korean, parse_amount
    from aiindex._money.cpi import to_constant_dollars
    from aiindex._money.rates import Rate, convert, rate, rates_coverage
    from aiindex._present.cite import cite
    from aiindex._present.datapackage import export_datapackage
    from aiindex._present.frames import to_pandas_many as to_pandas
    from aiindex._present.plot import plot
    from aiindex._reference.editions import Edition, edition_info, editions
    from aiindex._reference.entities import is_entity
    from aiindex._sources.figures import figure, figures
    from aiindex._sources.lookup import entity, indicator, indicators
    from aiindex._sources.public_data import PublicData, read_public_data
    from aiindex._sources.usercsv import read_csv
    from aiindex._sources.weights import pillars, read_weights

    ureg: pint.UnitRegistry[Any]
    Quantity: type[pint.Quantity[Any]]
    __version__: str

__all__ = [
    "AIIndexError",
    "AmountParseError",
    "ArgumentError",
    "Claim",
    "Comparison",
    "Composite",
    "CompositePart",
    "CompositeRow",
    "Coverage",
    "DataError",
    "Edition",
    "Entity",
    "EntityKindError",
    "Figure",
    "Growth",
    "HangulFontWarning",
    "IncomparableError",
    "IncompleteRankingError",
    "Indicator",
    "MissingExtraError",
    "MissingFileError",
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
    "Uncertainty",
    "UncertaintyRow",
    "UndefinedRatioError",
    "UnknownCurrencyError",
    "UnknownEditionError",
    "UnknownEntityError",
    "UnknownFigureError",
    "UnknownIndicatorError",
    "WriteRefusedError",
    "__version__",
    "check",
    "cite",
    "compare",
    "composite",
    "convert",
    "define_units",
    "edition_info",
    "editions",
    "entity",
    "export_datapackage",
    "figure",
    "figures",
    "format_korean",
    "growth",
    "indicator",
    "indicators",
    "is_entity",
    "parse_amount",
    "pillars",
    "plot",
    "profile",
    "rate",
    "rates_coverage",
    "read_csv",
    "read_public_data",
    "read_weights",
    "revisions",
    "series",
    "to_constant_dollars",
    "to_pandas",
    "ureg",
]

# Where each lazily imported public name lives.
_LAZY: dict[str, str] = {
    "Claim": "aiindex._check",
    "Comparison": "aiindex._analysis.compare",
    "compare": "aiindex._analysis.compare",
    "Report": "aiindex._check",
    "check": "aiindex._check",
    "cite": "aiindex._present.cite",
    "Edition": "aiindex._reference.editions",
    "edition_info": "aiindex._reference.editions",
    "editions": "aiindex._reference.editions",
    "export_datapackage": "aiindex._present.datapackage",
    "plot": "aiindex._present.plot",
    "PublicData": "aiindex._sources.public_data",
    "read_public_data": "aiindex._sources.public_data",
    "format_korean": "aiindex._money.amounts",
    "parse_amount": "aiindex._money.amounts",
    "to_constant_dollars": "aiindex._money.cpi",
    "Rate": "aiindex._money.rates",
    "convert": "aiindex._money.rates",
    "rate": "aiindex._money.rates",
    "rates_coverage": "aiindex._money.rates",
    "entity": "aiindex._sources.lookup",
    "indicator": "aiindex._sources.lookup",
    "indicators": "aiindex._sources.lookup",
    "is_entity": "aiindex._reference.entities",
    "Figure": "aiindex._model.figure",
    "figure": "aiindex._sources.figures",
    "figures": "aiindex._sources.figures",
    "Indicator": "aiindex._model.indicator",
    "profile": "aiindex._analysis.profile",
    "Coverage": "aiindex._model.records",
    "Entity": "aiindex._model.records",
    "Observation": "aiindex._model.records",
    "Profile": "aiindex._model.records",
    "ProfileRow": "aiindex._model.records",
    "Ranked": "aiindex._model.records",
    "Ranking": "aiindex._model.records",
    "Source": "aiindex._model.records",
    "define_units": "aiindex._model.units",
    "Growth": "aiindex._analysis.series",
    "Revision": "aiindex._analysis.series",
    "growth": "aiindex._analysis.series",
    "revisions": "aiindex._analysis.series",
    "series": "aiindex._analysis.series",
    "read_csv": "aiindex._sources.usercsv",
    "Composite": "aiindex._analysis.composite",
    "CompositePart": "aiindex._analysis.composite",
    "CompositeRow": "aiindex._analysis.composite",
    "Uncertainty": "aiindex._analysis.composite",
    "UncertaintyRow": "aiindex._analysis.composite",
    "composite": "aiindex._analysis.composite",
    "pillars": "aiindex._sources.weights",
    "read_weights": "aiindex._sources.weights",
}


def _services() -> _hooks.Services:
    from aiindex import _wiring

    return _wiring


_hooks.install(_services)


def __getattr__(name: str) -> Any:
    if name == "to_pandas":
        from aiindex._present.frames import to_pandas_many

        value: Any = to_pandas_many
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name == "ureg":
        from aiindex._model.units import registry

        value = registry()
    elif name == "Quantity":
        from aiindex._model.units import registry

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
