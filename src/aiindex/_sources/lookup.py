"""The top-level lookups: editions, indicators, one indicator, one entity."""

from __future__ import annotations

from aiindex._model.indicator import Indicator
from aiindex._model.records import Entity
from aiindex._reference.entities import resolve
from aiindex._sources.packaged import indicator_ids, load

__all__ = ["entity", "indicator", "indicators"]


def indicators(edition: int | None = None) -> tuple[str, ...]:
    """The ids of the indicators of ``edition`` (None: of every edition), sorted.

    >>> "private_investment" in aiindex.indicators(2024)
    True
    """
    return indicator_ids(edition)


def indicator(id: str, *, edition: int | None = None) -> Indicator:
    """One indicator; without ``edition``, the newest edition that has it.

    Raises `UnknownIndicatorError` (with close matches) or `UnknownEditionError`.

    >>> aiindex.indicator("private_investment", edition=2024).unit
    'billion * USD'
    """
    return load(id, edition)


def entity(text: str) -> Entity:
    """The entity a code, name or alias refers to, in English or Korean.

    >>> [aiindex.entity(t).id for t in ("KR", "Korea, Rep.", "구글", "GPT-4")]
    ['KOR', 'KOR', 'google', 'gpt-4']
    """
    return resolve(text)
