"""Every figure of the 2025 and 2026 releases with a column of countries is mapped or skipped.

A column "of countries" is one where three or more distinct cells name a country aiindex
knows. US-state charts count too (state codes such as "CA" and "GA" are also country codes):
they are listed as skipped, with the reason.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

import aiindex
from aiindex._reference.entities import is_entity, resolve
from aiindex._sources.public_data import mappings


def country_columns(fig: aiindex.Figure) -> dict[str, int]:
    """How many distinct country names each non-numeric column of ``fig`` holds."""
    found: dict[str, int] = {}
    for i, column in enumerate(fig.columns):
        if column.role in ("value", "year"):
            continue
        countries = set()
        for cell in {row[i] for row in fig.rows if isinstance(row[i], str)}:
            if not is_entity(cell):
                continue
            entity = resolve(cell)
            if entity.kind == "country":
                countries.add(entity.id)
        found[column.name] = len(countries)
    return found


@pytest.mark.parametrize("edition", [2025, 2026])
def test_every_figure_with_a_column_of_countries_is_mapped_or_skipped(edition: int) -> None:
    maps = mappings()
    missing = []
    for fig in aiindex.figures(edition=edition):
        name = PurePosixPath(fig.path).name
        if (edition, name) in maps.figures or (edition, name) in maps.skipped:
            continue
        if max(country_columns(fig).values(), default=0) >= 3:
            missing.append(f"{name} ({fig.title})")
    assert not missing, (
        f"{len(missing)} figures of {edition} neither mapped nor skipped:\n" + "\n".join(missing)
    )


def test_the_census_sees_a_column_of_countries() -> None:
    # The oracle itself: 2026 fig_4.2.8 (private investment) has one; fig_2.1.1 has none.
    assert max(country_columns(aiindex.figure("4.2.8", edition=2026)).values()) >= 15
    assert max(country_columns(aiindex.figure("2.1.1", edition=2026)).values(), default=0) < 3
