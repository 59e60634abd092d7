"""The keyword table of ``data/claims.toml``, and the indicators a sentence names by it.

An indicator is named by its keywords, its titles and its long unit labels, compared with
whitespace removed and case folded; some indicators also require one of a few words.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator

__all__ = ["Keywords", "candidates", "indicators", "keyword_table", "squash"]


@attrs.frozen
class Keywords:
    """The table of claims.toml, by indicator id: the words that name the indicator, and the
    words one of which a sentence must also hold for the indicator to count (none: no
    condition). Both are `squash`-ed."""

    keywords: dict[str, tuple[str, ...]]
    requires: dict[str, tuple[str, ...]]


def squash(text: str) -> str:
    """``text`` as keywords are compared: without whitespace, case folded."""
    return re.sub(r"\s+", "", text).casefold()


@functools.cache
def keyword_table() -> Keywords:
    """The keyword table of data/claims.toml, read once."""
    from aiindex._io.files import read_toml

    _, raw = read_toml("claims.toml")
    kw: dict[str, tuple[str, ...]] = {}
    req: dict[str, tuple[str, ...]] = {}
    for ind_id, spec in raw.get("indicators", {}).items():
        kw[ind_id] = tuple(squash(k) for k in spec.get("keywords", ()))
        req[ind_id] = tuple(squash(k) for k in spec.get("requires", ()))
    return Keywords(kw, req)


@functools.cache
def indicators(edition: int) -> tuple[tuple[Indicator, tuple[str, ...], tuple[str, ...]], ...]:
    """The edition's indicators, each with its keywords (table, titles, long unit labels) and
    the words it requires."""
    from aiindex._sources.packaged import indicator_ids, load

    table = keyword_table()
    out = []
    for ind_id in indicator_ids(edition):
        ind = load(ind_id, edition)
        words = list(table.keywords.get(ind_id, ()))
        for label in (ind.title, ind.title_ko, ind.unit_label, ind.unit_label_ko):
            # Short unit labels ("models", "개") name no indicator in particular.
            if label and (label in (ind.title, ind.title_ko) or len(squash(label)) >= 9):
                words.append(squash(label))
        out.append((ind, tuple(dict.fromkeys(words)), table.requires.get(ind_id, ())))
    return tuple(out)


def candidates(sentence: str, edition: int) -> list[list[Indicator]]:
    """Indicators the sentence names, in groups of equal keyword score, best first."""
    squashed = squash(sentence)
    scored: dict[int, list[Indicator]] = {}
    for ind, words, requires in indicators(edition):
        if requires and not any(r in squashed for r in requires):
            continue
        score = sum(len(w) for w in words if w in squashed)
        if score:
            scored.setdefault(score, []).append(ind)
    return [scored[s] for s in sorted(scored, reverse=True)]
