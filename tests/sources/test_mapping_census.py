"""Every figure of the 2025 and 2026 releases with a column of countries is mapped or skipped.

A column "of countries" is one where three or more distinct cells name a country aiindex
knows. US-state charts count too (state codes such as "CA" and "GA" are also country codes):
they are listed as skipped, with the reason.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import attrs
import pytest

import aiindex
from aiindex._reference.entities import is_entity, resolve
from aiindex._sources.public_data import Mappings, mappings


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


def unmapped_entity_figures(edition: int, maps: Mappings | None = None) -> list[str]:
    """Figures of ``edition`` with an entity column and a value column, neither mapped nor
    skipped, each with its title."""
    maps = maps or mappings()
    missing = []
    for fig in aiindex.figures(edition=edition):
        name = PurePosixPath(fig.path).name
        if (edition, name) in maps.figures or (edition, name) in maps.skipped:
            continue
        if {"entity", "value"} <= {c.role for c in fig.columns}:
            missing.append(f"{name} ({fig.title})")
    return missing


@pytest.mark.parametrize("edition", [2025, 2026])
def test_every_figure_with_an_entity_and_a_value_column_is_mapped_or_skipped(
    edition: int,
) -> None:
    # Rows of countries, regions, organizations, models or states with a numeric measure: each
    # such figure becomes indicators or is listed with the reason it does not.
    missing = unmapped_entity_figures(edition)
    assert not missing, (
        f"{len(missing)} figures of {edition} neither mapped nor skipped:\n" + "\n".join(missing)
    )


def test_the_entity_census_names_an_undecided_figure() -> None:
    # The oracle itself: forget one mapped figure and the census names it, with its title.
    maps = mappings()
    figures = {k: v for k, v in maps.figures.items() if k != (2026, "fig_1.1.6.csv")}
    missing = unmapped_entity_figures(2026, attrs.evolve(maps, figures=figures))
    assert any(m.startswith("fig_1.1.6.csv (Number of notable AI models") for m in missing)
    assert not any(m.startswith("fig_1.1.6.csv") for m in unmapped_entity_figures(2026))
