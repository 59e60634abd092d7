"""Competition ranking ("1, 2, 2, 4") and what a partial table can honestly say about it.

Small tables (every packaged one) are ranked a year at a time in pure Python. A large table
(a user's CSV of 10^5 rows or more) is ranked with numpy, every year at once, in the way
pandas' ``groupby("year").rank(method="min")`` does; `rank_years` is that path. numpy is
imported only there, so listing or ranking a packaged table never loads it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["YearRanks", "competition_ranks", "rank_years", "within"]


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


# Above this many (year, value, entity) combinations the one-key sort would overflow int64.
_ONE_KEY_LIMIT = 2**62


class YearRanks:
    """Every year of a table ranked at once: rows best first, grouped by year.

    ``rows[start:end]`` and ``ranks[start:end]`` of ``bounds[year]`` are that year's ranking;
    a rank of 0 is one the table does not support.
    """

    __slots__ = ("bounds", "ranks", "rows")

    def __init__(
        self,
        rows: npt.NDArray[np.intp],
        ranks: npt.NDArray[np.int64],
        bounds: dict[int, tuple[int, int]],
    ) -> None:
        self.rows = rows
        self.ranks = ranks
        self.bounds = bounds


def rank_years(
    year: Sequence[int] | npt.NDArray[Any],
    magnitude: Sequence[float] | npt.NDArray[Any],
    tie_key: Sequence[int] | npt.NDArray[Any],
    stated: Sequence[int] | npt.NDArray[Any] | None,
    *,
    descending: bool,
    complete: Mapping[int, float | None],
    distinct_keys: bool,
) -> YearRanks:
    """Competition ranks of every row within its year, with numpy.

    Rows sort by year, then value in the table's direction, then ``tie_key`` (the entity id's
    place), as the per-year Python ranking does. ``complete`` maps each year to None where
    the table is complete, else to the value it is complete down to (NaN: not even that);
    outside it a row's rank is its ``stated`` rank (0: none). ``distinct_keys`` promises that
    no two rows share a year and a tie key, which allows the faster, unstable sort.

    >>> r = rank_years([2023, 2023, 2023, 2024], [5.0, 9.0, 5.0, 1.0], [2, 0, 1, 0], None,
    ...                descending=True, complete={2023: None, 2024: None}, distinct_keys=True)
    >>> r.rows.tolist(), r.ranks.tolist(), r.bounds
    ([1, 2, 0, 3], [1, 2, 2, 1], {2023: (0, 3), 2024: (3, 4)})
    """
    import numpy as np

    n = len(year)
    years = np.asarray(year)
    mags = np.asarray(magnitude, dtype=np.float64)
    ties = np.asarray(tie_key, dtype=np.int64)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return YearRanks(empty.astype(np.intp), empty, {})
    unique_years, year_code = np.unique(years, return_inverse=True)
    unique_mags, mag_code = np.unique(mags, return_inverse=True)
    if descending:
        mag_code = (len(unique_mags) - 1) - mag_code
    n_ties = int(ties.max()) + 1
    # One integer key per row sorts in one pass, several times faster than np.lexsort.
    if len(unique_years) * len(unique_mags) * n_ties < _ONE_KEY_LIMIT:
        key = (year_code.astype(np.int64) * len(unique_mags) + mag_code) * n_ties + ties
        order = np.argsort(key, kind=None if distinct_keys else "stable")
    else:  # more distinct years, values and entities than one int64 key can hold
        order = np.lexsort((ties, mag_code, year_code))
    group = year_code[order]
    value = mag_code[order]
    new_group = np.empty(n, dtype=bool)
    new_group[0] = True
    np.not_equal(group[1:], group[:-1], out=new_group[1:])
    new_value = new_group.copy()
    new_value[1:] |= value[1:] != value[:-1]
    position = np.arange(n)
    group_start = np.maximum.accumulate(np.where(new_group, position, 0))
    value_start = np.maximum.accumulate(np.where(new_value, position, 0))
    ranks = (value_start - group_start + 1).astype(np.int64)

    partial = [complete.get(y, np.nan) for y in unique_years.tolist()]
    if any(c is not None for c in partial):
        # The partial-coverage rule of `within`, for every row of every partial year at once.
        is_complete = np.array([c is None for c in partial])
        cutoff = np.array([np.nan if c is None else c for c in partial], dtype=np.float64)
        sorted_mags = mags[order]
        row_cutoff = cutoff[group]
        with np.errstate(invalid="ignore"):
            inside = sorted_mags >= row_cutoff if descending else sorted_mags <= row_cutoff
        keep = is_complete[group] | inside
        if stated is None:
            fallback = np.zeros(n, dtype=np.int64)
        else:
            fallback = np.asarray(stated, dtype=np.int64)[order]
        ranks = np.where(keep, ranks, fallback)

    starts = np.flatnonzero(new_group)
    ends = [*starts[1:].tolist(), n]
    bounds = dict(
        zip(
            unique_years[group[starts]].tolist(),
            zip(starts.tolist(), ends, strict=True),
            strict=True,
        )
    )
    return YearRanks(order, ranks, bounds)
