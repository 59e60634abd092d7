"""The release CSVs as the tests read them: the csv module on the vendored files, never aiindex.

Tests of the mapped figures compare aiindex's values with these cells, and ranks with
`competition_rank` of the same cells.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

RELEASES = Path(__file__).resolve().parents[1] / "reference" / "public-data"


def rows(edition: int, figure: str) -> list[dict[str, str]]:
    """The rows of one figure file of ``edition`` ("fig_1.1.6"), found in its chapter folder."""
    (path,) = (RELEASES / f"{edition}-full").glob(f"*/{figure}.csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def competition_rank(values: dict[str, Decimal], key: str) -> int:
    """1 + how many values are larger than ``key``'s (ties share a rank)."""
    return 1 + sum(1 for v in values.values() if v > values[key])
