"""The vendored public-data releases, read for tests with the csv module alone.

An independent reading of the figure files: no aiindex code between the file and the value a
test expects.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

RELEASES = Path(__file__).resolve().parents[1] / "reference" / "public-data"


def release_path(edition: int, file: str) -> Path:
    """The one file named ``file`` ("fig_2.2.1.csv") in the chapter folders of ``edition``."""
    (path,) = [p for p in (RELEASES / f"{edition}-full").glob("*/*.csv") if p.name == file]
    return path


def release_rows(edition: int, file: str) -> list[dict[str, str]]:
    """The rows of a figure file, by header."""
    with release_path(edition, file).open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def release_cell(edition: int, file: str, column: str, **match: str) -> str:
    """The one cell of ``column`` in the row whose columns hold the ``match`` texts (stripped)."""
    found = [
        r for r in release_rows(edition, file) if all(r[k].strip() == v for k, v in match.items())
    ]
    assert len(found) == 1, (file, match, len(found))
    return found[0][column].strip()


def as_percent(cell: str, form: str) -> Decimal:
    """A cell in the unit aiindex ships it in: a fraction of 1 or "12.5%" as percent."""
    if cell.endswith("%"):
        return Decimal(cell[:-1])
    return Decimal(cell) * 100 if form == "fraction" else Decimal(cell)
