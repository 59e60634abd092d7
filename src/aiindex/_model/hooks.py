"""What the model asks of the layers above it, handed in once by the facade.

Records and `Indicator` print, cite and plot themselves and resolve entity names, but the code
for that lives in the presentation and reference layers, which sit above the model. As pint's
quantities reach their formatter through their registry, the model reaches those layers
through the one object that ``aiindex/__init__.py`` installs here, so no import runs upward.
"""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: the facade imports this module, and `import aiindex`
# must not pay for `typing`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Literal, Protocol

    import pandas as pd
    from matplotlib.axes import Axes

    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity, Observation, Profile, Ranking

    class Services(Protocol):
        """The calls the model makes upward; `aiindex._wiring` implements them."""

        def resolve(self, text: str) -> Entity: ...
        def resolve_subdivision(self, text: str, country: str) -> Entity: ...
        def names_of(self, entity: Entity) -> tuple[str, ...]: ...
        def text(self, obj: Ranking | Profile) -> str: ...
        def html(self, obj: Indicator | Ranking | Profile) -> str: ...
        def cite(
            self,
            obj: Indicator | Observation,
            style: Literal["short", "long", "bibtex"],
            lang: Literal["en", "ko"],
        ) -> str: ...
        def to_pandas(
            self, indicator: Indicator, *, units: Literal["float", "pint"]
        ) -> pd.DataFrame: ...
        def plot(
            self,
            indicator: Indicator,
            *,
            year: int | None,
            highlight: str | None,
            top: int | None,
            ax: Axes | None,
            lang: Literal["en", "ko"],
        ) -> Axes: ...
        # A composite ranking or its uncertainty (aiindex._analysis.composite), typed loosely:
        # the model is not typed against the layers above it.
        def composite_text(self, obj: Any, lang: Literal["en", "ko"]) -> str: ...
        def composite_frame(self, obj: Any) -> pd.DataFrame: ...
        def composite_plot(
            self,
            obj: Any,
            *,
            by: Literal["pillar", "indicator"] | None,
            top: int | None,
            highlight: str | None,
            ax: Axes | None,
            lang: Literal["en", "ko"],
        ) -> Axes: ...

    _Loader = Callable[[], Services]

__all__ = ["install", "services"]

_loader: _Loader | None = None


def install(loader: _Loader) -> None:
    """Hand the model the layers above it (called once, by ``aiindex/__init__.py``)."""
    global _loader
    _loader = loader


def services() -> Services:
    """The installed services; the facade always installs them before any record exists."""
    if _loader is None:  # pragma: no cover - importing any aiindex module runs the facade first
        raise RuntimeError("aiindex's records need the aiindex package's facade: import aiindex")
    return _loader()
