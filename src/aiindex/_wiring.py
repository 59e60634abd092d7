"""The services the model reaches through `aiindex._model.hooks`: the top of the layers.

Each call imports its layer on first use, so printing a ranking never loads pandas or
matplotlib, and resolving a name never loads the presentation code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from aiindex._analysis.compare import Comparison
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity, Observation, Profile, Ranking

__all__ = [
    "cite",
    "composite_frame",
    "composite_plot",
    "composite_text",
    "html",
    "names_of",
    "plot",
    "resolve",
    "resolve_subdivision",
    "text",
    "to_pandas",
]


def resolve(text: str) -> Entity:
    """The entity a name or code refers to (`aiindex._reference.entities.resolve`)."""
    from aiindex._reference.entities import resolve

    return resolve(text)


def resolve_subdivision(text: str, country: str) -> Entity:
    """The subdivision of ``country`` a name means (`entities.resolve_subdivision`)."""
    from aiindex._reference.entities import resolve_subdivision

    return resolve_subdivision(text, country)


def names_of(entity: Entity) -> tuple[str, ...]:
    """Every name ``entity`` resolves from."""
    from aiindex._reference.entities import names_of

    return names_of(entity)


def text(obj: Ranking | Profile | Comparison) -> str:
    """A ranking, profile or comparison as a plain-text table."""
    from aiindex._analysis.compare import Comparison
    from aiindex._model.records import Ranking
    from aiindex._present.text import compare_table, profile_table, ranking_table

    if isinstance(obj, Comparison):
        return compare_table(obj)
    return ranking_table(obj) if isinstance(obj, Ranking) else profile_table(obj)


def html(obj: Indicator | Ranking | Profile) -> str:
    """An indicator, ranking or profile as an HTML table (notebook display)."""
    from aiindex._model.records import Profile, Ranking
    from aiindex._present.html import indicator_html, profile_html, ranking_html

    if isinstance(obj, Ranking):
        return ranking_html(obj)
    if isinstance(obj, Profile):
        return profile_html(obj)
    return indicator_html(obj)


def cite(
    obj: Indicator | Observation,
    style: Literal["short", "long", "bibtex"],
    lang: Literal["en", "ko"],
) -> str:
    """How to credit an indicator or a value."""
    from aiindex._present.cite import cite

    return cite(obj, style, lang)


def to_pandas(indicator: Indicator, *, units: Literal["float", "pint"]) -> pd.DataFrame:
    """A tidy frame of one indicator."""
    from aiindex._present.frames import to_pandas

    return to_pandas(indicator, units=units)


def plot(
    indicator: Indicator,
    *,
    year: int | None,
    highlight: str | None,
    top: int | None,
    ax: Axes | None,
    lang: Literal["en", "ko"],
) -> Axes:
    """The ranking as a bar chart."""
    from aiindex._present.plot import plot

    return plot(indicator, year=year, highlight=highlight, top=top, ax=ax, lang=lang)


def composite_text(obj: Any, lang: Literal["en", "ko"]) -> str:
    """A composite ranking, or its uncertainty, as a text table."""
    from aiindex._present.composite import composite_text

    return composite_text(obj, lang)


def composite_frame(obj: Any) -> pd.DataFrame:
    """A composite ranking, or its uncertainty, as a pandas frame."""
    from aiindex._present.composite import composite_frame

    return composite_frame(obj)


def composite_plot(
    obj: Any,
    *,
    by: Literal["pillar", "indicator"] | None,
    top: int | None,
    highlight: str | None,
    ax: Axes | None,
    lang: Literal["en", "ko"],
) -> Axes:
    """A composite ranking as stacked bars, or its uncertainty as rank intervals."""
    from aiindex._present.composite import composite_plot

    return composite_plot(obj, by=by, top=top, highlight=highlight, ax=ax, lang=lang)
