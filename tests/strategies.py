"""Hypothesis strategies shared by the tests: small tables of countries written as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import strategies as st

# Countries with several spellings each; any spelling must land on the same ISO id.
COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "KOR": ("KOR", "KR", "Korea", "South Korea", "Korea, Rep.", "한국"),
    "USA": ("USA", "US", "United States", "미국"),
    "CHN": ("CHN", "China", "중국"),
    "JPN": ("JPN", "Japan", "일본"),
    "GBR": ("GBR", "UK", "United Kingdom", "영국"),
    "DEU": ("DEU", "Germany"),
    "FRA": ("FRA", "France", "프랑스"),
    "ISR": ("ISR", "Israel"),
    "SGP": ("SGP", "Singapore"),
    "LUX": ("LUX", "Luxembourg", "룩셈부르크"),
    "ARE": ("ARE", "UAE", "United Arab Emirates", "아랍에미리트"),
    "IND": ("IND", "India", "인도"),
}

YEARS = (2019, 2020, 2021, 2022, 2023)


@dataclass(frozen=True)
class Row:
    """One CSV row: the ISO id it must resolve to, the text written, the year and the value."""

    iso: str
    text: str
    year: int
    value: str  # "" is a missing value


# Mostly few distinct values, so ties are common; two decimals, negatives and zero included.
values = st.one_of(st.integers(-6, 6), st.integers(-6, 6), st.integers(-400, 400)).map(
    lambda k: str(Decimal(k).scaleb(-2))
)
maybe_values = st.one_of(st.just(""), values, values, values)


@st.composite
def tables(draw: st.DrawFn, *, min_rows: int = 1, allow_missing: bool = True) -> list[Row]:
    """Rows of a country table: each (entity, year) at most once, over a few years."""
    years = draw(st.lists(st.sampled_from(YEARS), min_size=1, max_size=3, unique=True))
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(sorted(COUNTRY_NAMES)), st.sampled_from(years)),
            min_size=min_rows,
            max_size=24,
            unique=True,
        )
    )
    cell = maybe_values if allow_missing else values
    rows = []
    for iso, year in keys:
        text = draw(st.sampled_from(COUNTRY_NAMES[iso]))
        rows.append(Row(iso, text, year, draw(cell)))
    return rows


def to_csv(rows: list[Row], *, scale: int = 1) -> str:
    """The CSV text of ``rows``; ``scale`` multiplies every value exactly (in Decimal)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["entity", "year", "value"])
    for r in rows:
        value = r.value if not r.value or scale == 1 else str(Decimal(r.value) * scale)
        w.writerow([r.text, r.year, value])
    return out.getvalue()
