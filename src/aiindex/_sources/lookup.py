"""The top-level lookups: editions, indicators, one indicator, one entity."""

from __future__ import annotations

from aiindex._model.indicator import Indicator
from aiindex._model.names import matches, words
from aiindex._model.records import Entity
from aiindex._reference.entities import resolve
from aiindex._sources.packaged import catalogue, indicator_ids, load

__all__ = ["entity", "indicator", "indicators"]


def indicators(edition: int | None = None, *, search: str | None = None) -> tuple[str, ...]:
    """The ids of the indicators of ``edition`` (None: of every edition), sorted.

    ``search`` keeps those whose id, title or Korean title has every one of its words, each
    as a word or the start of one, case-insensitively ("patent", "특허", "MMMU").

    >>> "private_investment" in aiindex.indicators(2024)
    True
    >>> aiindex.indicators(2024, search="특허") == aiindex.indicators(2024, search="patents")
    True
    """
    ids = indicator_ids(edition)
    if not search:
        return ids
    return tuple(
        i for i in ids if any(matches(search, _searched(i, e)) for e in _having(i, edition))
    )


def _having(indicator_id: str, edition: int | None) -> tuple[int, ...]:
    if edition is not None:
        return (edition,)
    return tuple(e for e, ids in catalogue().items() if indicator_id in ids)


def _searched(indicator_id: str, edition: int) -> tuple[str, ...]:
    """The words a search of indicators looks at: the id's, the title's, the Korean title's."""
    ind = load(indicator_id, edition)
    return words(" ".join(filter(None, (ind.id, ind.title, ind.title_ko))))


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
