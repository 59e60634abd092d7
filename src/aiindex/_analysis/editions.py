"""Which editions of an indicator measure the same thing: the one rule series, growth and
compare share for not mixing definitions."""

from __future__ import annotations

from aiindex._sources.packaged import catalogue, load
from aiindex.exceptions import UnknownEditionError, UnknownIndicatorError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    from aiindex._model.indicator import Indicator

__all__ = ["definition", "editions_having", "same_definition", "vintage_editions"]


def editions_having(indicator_id: str) -> list[int]:
    """The shipped editions that have ``indicator_id``, oldest first.

    >>> editions_having("notable_models_by_country")
    [2023, 2024, 2025, 2026]
    """
    having = [e for e, ids in catalogue().items() if indicator_id in ids]
    if not having:
        from aiindex._sources.packaged import _suggest

        raise UnknownIndicatorError(indicator_id, _suggest(indicator_id))
    return having


def definition(ind: Indicator) -> str:
    """What ``ind`` measures, as a label editions agree on unless the definition changed."""
    return ind.definition or ind.id


def same_definition(indicator_id: str) -> tuple[list[int], list[int]]:
    """The editions measuring what the newest one does, and those measuring something else.

    >>> same_definition("notable_models_by_country")
    ([2024, 2025, 2026], [2023])
    """
    having = editions_having(indicator_id)
    newest = definition(load(indicator_id, having[-1]))
    same = [e for e in having if definition(load(indicator_id, e)) == newest]
    return same, [e for e in having if e not in same]


def vintage_editions(indicator_id: str, vintage: int | Literal["latest"]) -> list[int]:
    """The editions a series or comparison reads, oldest first: with ``"latest"``, those of
    the newest edition's definition (each year then from the newest that has it); else the
    one edition ``vintage``.

    >>> vintage_editions("notable_models_by_country", "latest"), vintage_editions("notable_models_by_country", 2023)
    ([2024, 2025, 2026], [2023])
    """  # noqa: E501
    if vintage == "latest":
        return same_definition(indicator_id)[0]
    having = editions_having(indicator_id)
    if vintage not in having:
        raise UnknownEditionError(vintage, tuple(having), indicator_id)
    return [vintage]
