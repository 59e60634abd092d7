"""Competition ranking ("1, 2, 2, 4") and what a partial table can honestly say about it."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["competition_ranks", "within"]


def competition_ranks(sorted_values: Sequence[float]) -> list[int]:
    """Ranks of values already sorted best first: equal values share the smaller rank.

    >>> competition_ranks([9.0, 7.0, 7.0, 5.0])
    [1, 2, 2, 4]
    """
    ranks: list[int] = []
    previous: float | None = None
    rank = 0
    for i, value in enumerate(sorted_values, start=1):
        if value != previous:
            rank = i
            previous = value
        ranks.append(rank)
    return ranks


def within(value: float, cutoff: float, *, descending: bool) -> bool:
    """Whether ``value`` is at or beyond the cutoff down to which a table is complete.

    Every entity better than such a value is in the table, so its computed rank holds.

    >>> within(2.53, 2.51, descending=True), within(1.0, 2.51, descending=True)
    (True, False)
    """
    return value >= cutoff if descending else value <= cutoff
