"""`read_public_data`: the AI Index's own public-data figure files as typed indicators.

The AI Index publishes one CSV per report figure (``fig_4.3.8.csv``), in chapter folders or a
zip. Each figure aiindex knows has a small declarative `FigureMapping`, keyed on (edition,
file) because figure numbers move between editions (2024 fig_4.2.18 is 2025 fig_4.2.19). The
same mappings build the shipped ``data/<edition>/*.json`` files
(``scripts/build_public_data.py``), so the reader and the shipped data cannot diverge.

Values stay text: a share written as a fraction becomes percent by an exact Decimal shift, a
percent string loses its ``%``; nothing goes through a float or pint on the way.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import zipfile
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation, localcontext
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal

import attrs

from aiindex._model.records import CoverageKind, Entity, EntityKind
from aiindex.exceptions import DataError, UnknownEntityError

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator
    from aiindex._sources.schema import IndicatorFile, ObservationRecord

__all__ = [
    "MAPPINGS",
    "SKIPPED",
    "FigureMapping",
    "IndicatorSpec",
    "PublicData",
    "read_public_data",
]

ValueForm = Literal["number", "fraction", "percent"]


@attrs.frozen
class IndicatorSpec:
    """What one indicator built from figure files is: the metadata of its TOML file."""

    id: str
    edition: int
    title: str
    unit: str
    unit_label: str
    entity_kind: EntityKind
    section: str
    descending: bool = True
    price_basis: str | None = None
    definition: str | None = None
    notes: tuple[str, ...] = ()


@attrs.frozen
class FigureMapping:
    """How one figure file (of one edition) feeds one indicator.

    ``year`` is the data year when the file has no year column; ``period`` the span a sum
    covers ("2013-2024"). ``value_form`` says how the cells are written: ``"number"`` as is,
    ``"fraction"`` shares of 1 (shown in percent), ``"percent"`` strings such as ``"1.98%"``.
    ``where`` keeps only the rows whose named columns hold the given text (one gender of a
    by-gender file). ``coverage`` is ``"complete"`` where the file is the whole table for its
    years and ``"selection"`` for select-area or top-N charts.
    """

    file: str
    indicator: IndicatorSpec
    entity_column: str
    value_column: str
    coverage: Literal["complete", "selection"]
    year: int | None = None
    year_column: str | None = None
    period: str | None = None
    value_form: ValueForm = "number"
    where: tuple[tuple[str, str], ...] = ()
    coverage_note: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.year is None) == (self.year_column is None):
            raise ValueError(f"{self.file}: give exactly one of year and year_column")
        if self.value_form != "number" and self.indicator.unit != "percent":
            raise ValueError(f"{self.file}: shares are read into a percent indicator only")

    @property
    def edition(self) -> int:
        return self.indicator.edition

    @property
    def figure(self) -> str:
        return self.file.removesuffix(".csv")


@attrs.frozen
class PublicData:
    """The figures of one edition's public data that aiindex maps, as indicators.

    ``files`` are the known files read, ``unknown`` the CSV files found but not mapped
    (known figures aiindex deliberately does not ship among them; `SKIPPED` says why).
    """

    edition: int
    indicators: dict[str, Indicator]
    files: tuple[str, ...]
    unknown: tuple[str, ...]

    def __str__(self) -> str:
        lines = [
            f"AI Index {self.edition} public data: {len(self.indicators)} indicators from "
            f"{len(self.files)} figure files"
        ]
        for ind in self.indicators.values():
            years = ind.years
            span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
            lines.append(f"  {ind.id:<52} {span:>9} {len(ind.observations):>5} values")
        if self.unknown:
            lines.append(f"not mapped ({len(self.unknown)}):")
            for name in self.unknown:
                why = SKIPPED.get((self.edition, PurePosixPath(name).name))
                lines.append(f"  {name}" + (f": {why}" if why else ""))
        return "\n".join(lines)


# -- the mappings -----------------------------------------------------------------------------

_INVEST = "Chapter 4.3 Investment"
_JOBS = "Chapter 4.2 Jobs"
_PATENTS = "Chapter 1.2 Patents"
_MODELS = "Chapter 1.3 Notable AI Models"
_POLICY = "Chapter 6.2 AI and Policymaking"
_AREA = "Geographic area"
_FRACTIONS = (
    "The file writes shares as fractions of 1; they are shown in percent (0.788 -> 78.8), "
    "shifted exactly in Decimal."
)
_REVISED = "These are the 2025 edition's values; where they cover earlier years they are that "
_REVISED += "edition's revisions, not the earlier editions' figures."


def _spec(
    id: str,
    title: str,
    unit: str,
    unit_label: str,
    kind: EntityKind,
    section: str,
    *notes: str,
    edition: int = 2025,
    price_basis: str | None = None,
    definition: str | None = None,
) -> IndicatorSpec:
    return IndicatorSpec(
        id, edition, title, unit, unit_label, kind, section,
        price_basis=price_basis, definition=definition, notes=notes,
    )  # fmt: skip


_PRIVATE_INVESTMENT = _spec(
    "private_investment", "Private investment in AI", "billion * USD", "billion US dollars",
    "country", _INVEST,
    "2024 for every geographic area from fig_4.3.8; 2013-2024 for China, Europe and the "
    "United States from fig_4.3.10 (the two files agree on 2024).",
    _REVISED + " (United States 2023: 72.36 here, 67.22 in the 2024 edition.)",
    "The header says billions of US dollars and states no inflation adjustment: current "
    "(nominal) dollars.",
    price_basis="nominal",
)  # fmt: skip
_NOTABLE_BY_COUNTRY = _spec(
    "notable_models_by_country", "Notable machine learning models by country of origin",
    "model", "models", "country", _MODELS,
    "2024 for every country with at least one notable model from fig_1.3.1; 2003-2024 for "
    "China, Europe and the United States from fig_1.3.2 (the two files agree on 2024).",
    _REVISED + " (United States 2023: 75 here, 61 in the 2024 edition.)",
)  # fmt: skip
_TALENT_MIGRATION = _spec(
    "ai_talent_migration", "Net AI talent migration (LinkedIn)", "1 / (ten_thousand * member)",
    "net migration per 10,000 LinkedIn members", "country", _JOBS,
    "Positive values are net inflows, negative values net outflows.",
    "2024 from fig_4.2.22; 2019-2024 from fig_4.2.23 (yearly values dated 1/1/YY; the two "
    "files agree on 2024).",
    _REVISED + " (Luxembourg 2023: 7.73 here, 3.67 in the 2024 edition.)",
)  # fmt: skip
_JOB_POSTINGS = _spec(
    "ai_job_postings_share", "AI job postings as a share of all job postings", "percent",
    "% of all job postings", "country", _JOBS,
    "One chart published as two files (fig_4.2.1 and fig_4.2.2); empty cells are missing "
    "values, not zero.",
    _REVISED,
)  # fmt: skip
_BILLS_CUMULATIVE = _spec(
    "ai_bills_passed_cumulative_2016_2024", "AI-related bills passed into law, cumulative "
    "2016-2024", "bill", "bills", "country", _POLICY,
    "Every country from fig_6.2.1; fig_6.2.4 (the top 15) agrees with it.",
)  # fmt: skip


def _by_gender(
    stem: str, title: str, unit: str, label: str, edition: int, *notes: str
) -> tuple[IndicatorSpec, IndicatorSpec]:
    return (
        _spec(f"{stem}_female", f"{title}, women", unit, label, "country", _JOBS, *notes,
              edition=edition),
        _spec(f"{stem}_male", f"{title}, men", unit, label, "country", _JOBS, *notes,
              edition=edition),
    )  # fmt: skip


_CONC_2025 = _by_gender(
    "ai_talent_concentration", "AI talent concentration", "percent", "% of LinkedIn members",
    2025, "From fig_4.2.19 (by gender, 2016-2024).", _REVISED,
)  # fmt: skip
_CONC_2024 = _by_gender(
    "ai_talent_concentration", "AI talent concentration", "percent", "% of LinkedIn members",
    2024,
    "From the 2024 edition's public-data file fig_4.2.18 (by gender, 2016-2023); the file "
    "has no both-genders value and no South Korea.",
)  # fmt: skip
_SKILL = _by_gender(
    "ai_skill_penetration_relative", "Relative AI skill penetration rate, 2015-2024",
    "dimensionless", "relative to global average", 2025,
    "From fig_4.2.16; one value per area for the whole period 2015-2024.",
)  # fmt: skip
_TRAINING_COST_NOTES = (
    "Epoch AI estimates of the cloud-compute cost of training, in inflation-adjusted US "
    "dollars. The 2024 edition's training_cost is another vintage of these estimates "
    "(Transformer 930 there, 670 here).",
)


def _m(file: str, spec: IndicatorSpec, entity: str, value: str, coverage: str,
       **kw: object) -> FigureMapping:  # fmt: skip
    return FigureMapping(file, spec, entity, value, coverage, **kw)  # type: ignore[arg-type]


_MAPPING_LIST: tuple[FigureMapping, ...] = (
    # -- Chapter 1.2 Patents ----------------------------------------------------------------
    _m("fig_1.2.2.csv",
       _spec("granted_ai_patents_share_by_region",
             "Share of granted AI patents worldwide by region", "percent", "% of world total",
             "group", _PATENTS, _FRACTIONS),
       "Label", "Granted AI patents (% of world total)", "complete", year_column="Year",
       value_form="fraction"),
    _m("fig_1.2.3.csv",
       _spec("granted_ai_patents_share", "Share of granted AI patents worldwide", "percent",
             "% of world total", "country", _PATENTS, _FRACTIONS,
             "'Europe' is the 2025 public data's Europe, not the 2024 edition's European "
             "Union and United Kingdom."),
       "Label", "Granted AI patents (% of world total)", "selection", year_column="Year",
       value_form="fraction",
       coverage_note="China, Europe, India, the United States and the rest of the world."),
    _m("fig_1.2.4.csv",
       _spec("ai_patents_per_capita", "Granted AI patents per 100,000 inhabitants",
             "patent / (hundred_thousand * person)",
             "granted AI patents per 100,000 inhabitants", "country", _PATENTS),
       "Geographic Area", "Granted AI patents (per 100,000 inhabitants) in 2023", "complete",
       year=2023),
    # -- Chapter 1.3 Notable AI models ------------------------------------------------------
    _m("fig_1.3.1.csv", _NOTABLE_BY_COUNTRY, _AREA,
       "Number of notable machine learning models in 2024", "complete", year=2024,
       coverage_note="Every country with at least one notable model in 2024 (fig_1.3.1)."),
    _m("fig_1.3.2.csv", _NOTABLE_BY_COUNTRY, "Label", "Number of notable AI models",
       "selection", year_column="Year",
       coverage_note="China, Europe and the United States only (fig_1.3.2)."),
    _m("fig_1.3.3.csv",
       _spec("notable_models_by_country_cumulative_2003_2024",
             "Notable machine learning models by country of origin, cumulative 2003-2024",
             "model", "models", "country", _MODELS),
       _AREA, "Number of notable machine learning models, 2003-24 (sum)", "complete",
       year=2024, period="2003-2024"),
    _m("fig_1.3.6.csv",
       _spec("notable_models_by_organization", "Notable AI models by organization", "model",
             "models", "organization", _MODELS),
       "Organization", "Number of notable AI model in 2024", "selection", year=2024,
       coverage_note="The chart's top 15 organizations."),
    _m("fig_1.3.7.csv",
       _spec("notable_models_by_organization_cumulative_2014_2024",
             "Notable AI models by organization, cumulative 2014-2024", "model", "models",
             "organization", _MODELS),
       "Organization", "Number of notable AI model, 2014-24", "selection", year=2024,
       period="2014-2024", coverage_note="The chart's top 15 organizations."),
    _m("fig_1.3.24.csv",
       _spec("training_cost", "Estimated training cost of select AI models", "USD",
             "US dollars (inflation-adjusted)", "model", _MODELS, *_TRAINING_COST_NOTES,
             price_basis="inflation-adjusted", definition="training_cost_inflation_adjusted"),
       "Model", "Training cost (inflation-adjusted) in U.S. dollars", "selection",
       year_column="Year", coverage_note="Select models: the report's chart is a selection."),
    _m("fig_1.3.25.csv",
       _spec("training_cost_by_publication_date",
             "Estimated training cost of AI models by publication date", "USD",
             "US dollars (inflation-adjusted)", "model", _MODELS, *_TRAINING_COST_NOTES,
             "Kept apart from training_cost: the same estimates are written here at full "
             "precision (GPT-4 78562016.88093337 vs 78562016.88 in fig_1.3.24), so the "
             "cells of the two files differ. The year is that of the publication date.",
             price_basis="inflation-adjusted", definition="training_cost_inflation_adjusted"),
       "System", "Training cost (inflation-adjusted) in U.S. dollars", "selection",
       year_column="Publication date",
       coverage_note="Systems with a training-cost estimate: a selection."),
    # -- Chapter 2 Technical performance ----------------------------------------------------
    _m("fig_2.5.4.csv",
       _spec("swe_bench_lite_resolved", "SWE-bench Lite: percent of issues resolved",
             "percent", "% resolved", "model", "Chapter 2.5 Coding",
             "The file gives no date: the leaderboard as the 2025 edition shows it (systems "
             "dated up to December 2024), taken as 2024."),
       "Model", "Percent resolved", "selection", year=2024, value_form="percent",
       where=(("Type", "Lite"),), coverage_note="The chart's top systems."),
    _m("fig_2.5.4.csv",
       _spec("swe_bench_verified_resolved", "SWE-bench Verified: percent of issues resolved",
             "percent", "% resolved", "model", "Chapter 2.5 Coding",
             "The file gives no date: the leaderboard as the 2025 edition shows it (systems "
             "dated up to December 2024, o3 announced then), taken as 2024."),
       "Model", "Percent resolved", "selection", year=2024, value_form="percent",
       where=(("Type", "Verified"),), coverage_note="The chart's top systems."),
    _m("fig_2.7.2.csv",
       _spec("mmmu_accuracy", "MMMU benchmark accuracy (overall)", "percent", "% accuracy",
             "model", "Chapter 2.7 Reasoning",
             "The top model of each year; the benchmark is identified as MMMU from fig_2.1.33 "
             "(same models and scores), the file has no benchmark name."),
       "model", "metric", "selection", year_column="year", value_form="percent",
       coverage_note="The top model of the year only."),
    _m("fig_2.7.4.csv",
       _spec("gpqa_diamond_accuracy", "GPQA Diamond benchmark accuracy", "percent",
             "% accuracy", "model", "Chapter 2.7 Reasoning",
             "The top model of each year; the benchmark is identified as GPQA Diamond from "
             "fig_2.1.33 (same models), the file has no benchmark name."),
       "model", "metric", "selection", year_column="year", value_form="percent",
       coverage_note="The top model of the year only."),
    # -- Chapter 4.2 Jobs -------------------------------------------------------------------
    _m("fig_4.2.1.csv", _JOB_POSTINGS, _AREA, "AI job postings (% of all job postings)",
       "selection", year_column="Year", value_form="percent",
       coverage_note="The areas of the report's chart (fig_4.2.1 and fig_4.2.2)."),
    _m("fig_4.2.2.csv", _JOB_POSTINGS, _AREA, "AI job postings (% of all job postings)",
       "selection", year_column="Year", value_form="percent",
       coverage_note="The areas of the report's chart (fig_4.2.1 and fig_4.2.2)."),
    _m("fig_4.2.13.csv",
       _spec("relative_ai_hiring_rate_yoy", "Relative AI hiring rate, year-over-year change",
             "percent", "% change from 2023", "country", _JOBS),
       _AREA, "Relative AI hiring rate year-over-year ratio", "complete", year=2024,
       value_form="percent"),
    _m("fig_4.2.15.csv",
       _spec("ai_skill_penetration_relative", "Relative AI skill penetration rate, 2015-2024",
             "dimensionless", "relative to global average", "country", _JOBS),
       _AREA, "Relative AI skill penetration rate, 2015-24", "complete", year=2024,
       period="2015-2024"),
    _m("fig_4.2.16.csv", _SKILL[0], _AREA, "Relative AI skill penetration, 2015-24",
       "complete", year=2024, period="2015-2024", where=(("Gender", "Female"),)),
    _m("fig_4.2.16.csv", _SKILL[1], _AREA, "Relative AI skill penetration, 2015-24",
       "complete", year=2024, period="2015-2024", where=(("Gender", "Male"),)),
    _m("fig_4.2.17.csv",
       _spec("ai_talent_concentration",
             "AI talent concentration (share of LinkedIn members with AI talent)", "percent",
             "% of LinkedIn members", "country", _JOBS),
       _AREA, "AI talent concentration", "complete", year=2024, value_form="percent"),
    _m("fig_4.2.18.csv",
       _spec("ai_talent_concentration_change_2016_2024",
             "Change in AI talent concentration, 2016 vs. 2024", "percent",
             "% change from 2016", "country", _JOBS,
             "The header gives no years; the period 2016 vs. 2024 is the figure's."),
       _AREA, "Percentage change in AI talent concentration", "complete", year=2024,
       period="2016-2024", value_form="percent"),
    _m("fig_4.2.19.csv", _CONC_2025[0], _AREA, "AI talent concentration", "complete",
       year_column="Year", value_form="percent", where=(("Gender", "Female"),)),
    _m("fig_4.2.19.csv", _CONC_2025[1], _AREA, "AI talent concentration", "complete",
       year_column="Year", value_form="percent", where=(("Gender", "Male"),)),
    _m("fig_4.2.22.csv", _TALENT_MIGRATION, _AREA,
       "Net AI talent migration per 10,000 LinkedIn members", "complete", year=2024),
    _m("fig_4.2.23.csv", _TALENT_MIGRATION, "country",
       "Net AI talent migration per 10,000 LinkedIn members", "complete", year_column="Date"),
    # -- Chapter 4.3 Investment -------------------------------------------------------------
    _m("fig_4.3.8.csv", _PRIVATE_INVESTMENT, _AREA,
       "Total Investment (in Billions of U.S. Dollars)", "complete", year=2024),
    _m("fig_4.3.10.csv", _PRIVATE_INVESTMENT, _AREA,
       "Total investment (in billions of US dollars)", "selection", year_column="Year",
       coverage_note="China, Europe and the United States only (fig_4.3.10)."),
    _m("fig_4.3.9.csv",
       _spec("private_investment_cumulative_2013_2024",
             "Private investment in AI, cumulative 2013-2024", "billion * USD",
             "billion US dollars", "country", _INVEST, price_basis="nominal"),
       _AREA, "Total Investment (in Billions of U.S. Dollars), 2013-24", "complete",
       year=2024, period="2013-2024"),
    _m("fig_4.3.11.csv",
       _spec("generative_ai_private_investment", "Private investment in generative AI",
             "billion * USD", "billion US dollars", "country", _INVEST,
             "Identified as generative AI investment from the figure's position and values "
             "(United States 2024: 29.04); the file itself has no title.",
             price_basis="nominal"),
       _AREA, "Total investment (in billions of US dollars)", "selection", year_column="Year",
       coverage_note="China (from 2021), Europe and the United States only."),
    _m("fig_4.3.12.csv",
       _spec("newly_funded_ai_companies", "Newly funded AI companies", "company", "companies",
             "country", _INVEST),
       _AREA, "Number of newly funded AI companies, 2024", "complete", year=2024),
    _m("fig_4.3.13.csv",
       _spec("newly_funded_ai_companies_cumulative_2013_2024",
             "Newly funded AI companies, cumulative 2013-2024", "company", "companies",
             "country", _INVEST),
       _AREA, "Number of newly funded AI companies, 2013-24", "complete", year=2024,
       period="2013-2024"),
    _m("fig_4.3.14.csv",
       _spec("newly_funded_ai_companies_by_area",
             "Newly funded AI companies (China, Europe, United States)", "company",
             "companies", "country", _INVEST,
             "Kept apart from newly_funded_ai_companies: this file's 2024 values disagree "
             "with fig_4.3.12 of the same edition (United States 1143 vs 1073, China 109 vs "
             "98), so the two are not merged into one table. Its 2023 values match the 2024 "
             "edition's."),
       _AREA, "Number of companies", "selection", year_column="Year",
       coverage_note="China, Europe and the United States only."),
    # -- Chapter 6.2 Policymaking -----------------------------------------------------------
    _m("fig_6.2.1.csv", _BILLS_CUMULATIVE, _AREA,
       "Number of AI-related bills passed into law, 2016-24", "complete", year=2024,
       period="2016-2024"),
    _m("fig_6.2.4.csv", _BILLS_CUMULATIVE, "Select geographic area",
       "Number of AI-related bills passed into law, 2016-24 (sum)", "selection", year=2024,
       period="2016-2024"),
    _m("fig_6.2.3.csv",
       _spec("ai_bills_passed", "AI-related bills passed into law", "bill", "bills", "country",
             _POLICY),
       "Select geographic area", "Number of AI-related bills passed into law, 2024",
       "selection", year=2024, coverage_note="The chart's top 15 countries."),
    _m("fig_6.2.15.csv",
       _spec("ai_legislative_mentions", "Mentions of AI in legislative proceedings", "mention",
             "mentions", "country", _POLICY,
             "The header gives no period; the values (Spain 314) are those of 2024."),
       _AREA, "Number of mentions of AI in legislative proceedings", "complete", year=2024),
    _m("fig_6.2.16.csv",
       _spec("ai_legislative_mentions_cumulative_2016_2024",
             "Mentions of AI in legislative proceedings, cumulative 2016-2024", "mention",
             "mentions", "country", _POLICY,
             "The header gives no period; the values (Spain 1200) are the 2016-2024 sums."),
       _AREA, "Number of mentions of AI in legislative proceedings", "complete", year=2024,
       period="2016-2024"),
    # -- The 2024 edition's public data -----------------------------------------------------
    _m("fig_4.2.18.csv", _CONC_2024[0], _AREA, "AI talent concentration", "complete",
       year_column="Year", value_form="percent", where=(("Gender", "Female"),)),
    _m("fig_4.2.18.csv", _CONC_2024[1], _AREA, "AI talent concentration", "complete",
       year_column="Year", value_form="percent", where=(("Gender", "Male"),)),
)  # fmt: skip


def _index(mappings: Iterable[FigureMapping]) -> dict[tuple[int, str], tuple[FigureMapping, ...]]:
    out: dict[tuple[int, str], list[FigureMapping]] = {}
    for m in mappings:
        out.setdefault((m.edition, m.file), []).append(m)
    return {k: tuple(v) for k, v in sorted(out.items())}


MAPPINGS: dict[tuple[int, str], tuple[FigureMapping, ...]] = _index(_MAPPING_LIST)
"""The figure files aiindex reads, keyed on (edition, file name)."""

SKIPPED: dict[tuple[int, str], str] = {
    (2024, "fig_4.2.13.csv"): "monthly series (one column per area); no yearly value is "
    "defined by the file, so it is not shipped",
    (2025, "fig_1.2.5.csv"): "change 2013 vs. 2023 in a unit the header does not state",
    (2025, "fig_1.3.26.csv"): "the training costs of fig_1.3.25 again, beside training compute "
    "in petaFLOP (not an aiindex unit)",
    (2025, "fig_2.1.33.csv"): "best system per benchmark and year relative to the human "
    "baseline: one series per benchmark, not a table of models",
    (2025, "fig_2.1.35.csv"): "best open vs. closed model score per benchmark: no model names",
    (2025, "fig_2.1.37.csv"): "best US vs. Chinese model score per benchmark: no model names",
    (2025, "fig_2.2.4.csv"): "top MMLU score per year: no model names",
    (2025, "fig_2.2.5.csv"): "the file names neither the benchmark (MMLU-Pro by inference) nor "
    "a date",
    (2025, "fig_2.2.14.csv"): "three models on four benchmarks, no date",
    (2025, "fig_4.2.14.csv"): "monthly series; no yearly value is defined by the file",
    (2025, "fig_6.2.17.csv"): "period not stated, and its bill counts disagree with fig_6.2.1",
}
"""Known figure files aiindex reads no indicator from, with the reason."""

# Names the files spell wrongly, as published; the correction is noted on the value.
_NAME_FIXES: dict[str, str] = {"Turrkey": "Turkey"}
# Header misspellings seen in the public data; headers also match ignoring case and spacing.
_HEADER_FIXES: dict[str, str] = {"perfomance": "performance"}

_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_YEAR = re.compile(r"[0-9]{4}")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_US_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4})")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


# -- reading ----------------------------------------------------------------------------------


def read_public_data(path: str | os.PathLike[str], *, edition: int) -> PublicData:
    """Read a folder (any nesting) or ``.zip`` of AI Index public-data figure files.

    Every figure file aiindex maps for ``edition`` becomes part of an `Indicator`; other CSV
    files are listed in ``unknown``. A known file that is malformed (a missing column, a cell
    that is not a number, a country that does not resolve) raises `DataError` naming the
    file, row and column; nothing is half-loaded.

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "fig_4.3.8.csv").write_text(
    ...     "Geographic area,Total Investment (in Billions of U.S. Dollars)\\n"
    ...     "United States,109.0773255\\nChina,9.290337909\\n", encoding="utf-8")
    >>> from aiindex._sources.public_data import read_public_data
    >>> pd = read_public_data(d, edition=2025)
    >>> pd.indicators["private_investment"].value("USA", 2024).magnitude
    109.0773255
    >>> pd.files
    ('fig_4.3.8.csv',)
    """
    from aiindex._sources.packaged import assemble

    result = build_records(path, edition=edition)
    label = os.fspath(path)
    indicators = {
        rid: assemble(rec, path=label, entities=result.entities)
        for rid, rec in result.records.items()
    }
    return PublicData(edition, indicators, result.files, result.unknown)


@attrs.frozen
class Records:
    """What the figure files of one edition structure into, before assembly."""

    records: dict[str, IndicatorFile]
    entities: dict[str, Entity]
    files: tuple[str, ...]
    unknown: tuple[str, ...]


def build_records(path: str | os.PathLike[str], *, edition: int) -> Records:
    """The `IndicatorFile` records the figure files of ``edition`` under ``path`` give.

    The build script writes these records as the shipped TOML files.

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "notes.csv").write_text("a,b\\n1,2\\n", encoding="utf-8")
    >>> build_records(d, edition=2025).unknown
    ('notes.csv',)
    """
    from aiindex._sources.schema import CoverageRecord, IndicatorFile

    label = os.fspath(path)
    found = _find_csv(path)
    known: list[tuple[str, FigureMapping, list[list[str]]]] = []
    files: list[str] = []
    unknown: list[str] = []
    for rel, data in found:
        maps = MAPPINGS.get((edition, PurePosixPath(rel).name))
        if maps is None:
            unknown.append(rel)
            continue
        files.append(rel)
        rows = _parse(rel, data)
        known.extend((rel, m, rows) for m in maps)

    entities: dict[str, Entity] = {}
    resolver = _Resolver(entities)
    by_indicator: dict[str, dict[tuple[str, int], _Obs]] = {}
    specs: dict[str, IndicatorSpec] = {}
    complete_years: dict[str, dict[int, list[FigureMapping]]] = {}
    selection_years: dict[str, dict[int, list[FigureMapping]]] = {}
    for rel, m, rows in known:
        spec = m.indicator
        specs[spec.id] = spec
        table = by_indicator.setdefault(spec.id, {})
        read = _read_figure(rel, m, rows, resolver)
        for obs in read:
            key = (obs.entity, obs.year)
            first = table.get(key)
            if first is None:
                table[key] = obs
            elif Decimal(first.value) != Decimal(obs.value):
                raise DataError(
                    f"{rel}, row {obs.row}, column {m.value_column!r}: {spec.id} has "
                    f"{obs.value} for {obs.entity} {obs.year}, but {first.file} row "
                    f"{first.row} has {first.value}; two files give different values",
                    path=label,
                )
            else:
                first.also += (m.file,)
        years = complete_years if m.coverage == "complete" else selection_years
        per_year = years.setdefault(spec.id, {})
        for year in {obs.year for obs in read}:
            per_year.setdefault(year, []).append(m)

    records: dict[str, IndicatorFile] = {}
    for rid in sorted(by_indicator):
        spec = specs[rid]
        obs_list = sorted(by_indicator[rid].values(), key=lambda o: (o.year, o.entity))
        coverage = []
        for year in sorted({o.year for o in obs_list}):
            if year in complete_years.get(rid, {}):
                kind: CoverageKind = "complete"
                cov_maps = complete_years[rid][year]
            else:
                kind = "selection"
                cov_maps = selection_years[rid][year]
            coverage.append(CoverageRecord(year, kind, None, _coverage_note(kind, cov_maps)))
        records[rid] = IndicatorFile(
            id=rid,
            edition=edition,
            title=spec.title,
            unit=spec.unit,
            unit_label=spec.unit_label,
            entity_kind=spec.entity_kind,
            descending=spec.descending,
            section=spec.section,
            observations=_records(edition, obs_list),
            price_basis=spec.price_basis,
            notes=spec.notes,
            coverage=tuple(coverage),
            definition=spec.definition,
        )
    return Records(records, entities, tuple(files), tuple(unknown))


def _coverage_note(kind: CoverageKind, maps: list[FigureMapping]) -> str:
    names = ", ".join(m.file for m in maps)
    own = [m.coverage_note for m in maps if m.coverage_note]
    if own:
        return " ".join(dict.fromkeys(own))
    if kind == "complete":
        return f"Every area or entity the figure file lists ({names})."
    return f"A selection ({names}): ranks beyond what it shows are not established."


class _Obs:
    """One value read from a figure file (a plain class: there are thousands per read)."""

    __slots__ = ("also", "entity", "file", "notes", "period", "row", "value", "year")

    def __init__(
        self,
        entity: str,
        year: int,
        value: str,
        file: str,
        row: int,
        period: str | None,
        notes: tuple[str, ...],
    ) -> None:
        self.entity = entity
        self.year = year
        self.value = value
        self.file = file
        self.row = row
        self.period = period
        self.notes = notes
        self.also: tuple[str, ...] = ()


def _records(edition: int, obs_list: list[_Obs]) -> tuple[ObservationRecord, ...]:
    from aiindex._sources.schema import ObservationRecord

    # One sources tuple per combination of files, shared: thousands of values cite one file.
    sources: dict[tuple[str, ...], tuple[str, ...]] = {}
    out = []
    for o in obs_list:
        files = (o.file, *o.also) if o.also else (o.file,)
        cited = sources.get(files)
        if cited is None:
            cited = sources[files] = tuple(f"AI Index {edition} public data, {f}" for f in files)
        out.append(
            ObservationRecord(
                entity=o.entity,
                year=o.year,
                value=o.value,
                sources=cited,
                period=o.period,
                note="; ".join(o.notes) if o.notes else None,
                figure=o.file[:-4],
            )
        )
    return tuple(out)


def _find_csv(path: str | os.PathLike[str]) -> list[tuple[str, bytes]]:
    """Every CSV under ``path`` (folder or zip) as (relative posix path, bytes), sorted."""
    label = os.fspath(path)
    p = Path(path)
    out: list[tuple[str, bytes]] = []
    try:
        if p.is_dir():
            # os.walk on strings: pathlib's per-file objects cost more than reading the files.
            root = os.fspath(p)
            for folder, _dirs, names in os.walk(root):
                for name in names:
                    full = os.path.join(folder, name)
                    rel = os.path.relpath(full, root).replace(os.sep, "/")
                    if _is_csv(rel):
                        with open(full, "rb") as f:
                            out.append((rel, f.read()))
        elif zipfile.is_zipfile(p):
            with zipfile.ZipFile(p) as z:
                for info in sorted(z.infolist(), key=lambda i: i.filename):
                    if not info.is_dir() and _is_csv(info.filename):
                        out.append((info.filename, z.read(info)))
        else:
            raise DataError("not a folder or a .zip file of figure files", path=label)
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=label) from None
    except zipfile.BadZipFile as exc:
        raise DataError(f"not a readable zip file: {exc}", path=label) from None
    by_name: dict[str, tuple[str, bytes]] = {}
    unique: list[tuple[str, bytes]] = []
    for rel, data in out:
        name = PurePosixPath(rel).name
        seen = by_name.get(name)
        if seen is None:
            by_name[name] = (rel, data)
            unique.append((rel, data))
        elif seen[1] != data:
            # Editions reuse file numbers for other figures: never guess which one is meant.
            raise DataError(
                f"two different files named {name}: {seen[0]} and {rel}; point the reader "
                "at one edition's folder",
                path=label,
            )
    # Figure order (fig_4.3.8 before fig_4.3.10): the first file to give a value names it.
    return sorted(unique, key=lambda item: _figure_key(item[0]))


def _figure_key(rel: str) -> tuple[tuple[int, ...], str]:
    name = PurePosixPath(rel).name
    m = re.fullmatch(r"fig_([0-9]+(?:\.[0-9]+)*)\.csv", name, re.IGNORECASE)
    numbers = tuple(int(p) for p in m.group(1).split(".")) if m else (10**9,)
    return numbers, rel


def _is_csv(rel: str) -> bool:
    # macOS zips carry resource forks ("__MACOSX/", "._fig_1.csv") that are not CSV files.
    parts = PurePosixPath(rel).parts
    return (
        rel.lower().endswith(".csv") and "__MACOSX" not in parts and not parts[-1].startswith("._")
    )


def _header_key(text: str) -> str:
    key = _SPACES.sub(" ", text.replace("\ufeff", "")).strip().casefold()
    key = key.replace("\u2013", "-").replace("\u2014", "-")
    for wrong, right in _HEADER_FIXES.items():
        key = key.replace(wrong, right)
    return key


def _parse(rel: str, data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")  # the BOM some exports start with
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text: {exc}", path=rel) from None
    try:
        # newline="" lets csv take CRLF and LF line ends alike, inside quotes too.
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise DataError(f"not a CSV file: {exc}", path=rel) from None
    if not rows:
        raise DataError("empty file; expected a header row", path=rel)
    return rows


def _read_figure(
    rel: str, m: FigureMapping, rows: list[list[str]], resolver: _Resolver
) -> list[_Obs]:
    header = rows[0]
    keys = [_header_key(h) for h in header]

    def column(name: str) -> int:
        try:
            return keys.index(_header_key(name))
        except ValueError:
            raise DataError(
                f"row 1 (header): missing column {name!r}; the header is {header}", path=rel
            ) from None

    ent_col = column(m.entity_column)
    val_col = column(m.value_column)
    year_col = column(m.year_column) if m.year_column is not None else None
    filters = [(column(c), want.casefold()) for c, want in m.where]
    kind = m.indicator.entity_kind
    form = m.value_form
    out: list[_Obs] = []
    seen: dict[tuple[str, int], int] = {}
    years: dict[str, tuple[int, str | None]] = {}
    names: dict[str, tuple[str, tuple[str, ...]]] = {}
    const_year = m.year or 0
    width = len(header)
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != width:
            if not "".join(row).strip():
                continue  # a blank line at the end of a file
            raise DataError(f"row {line}: expected {width} cells, found {len(row)}", path=rel)
        if filters and not _keep(row, filters):
            continue
        cell = row[val_col].strip()
        if not cell:
            continue  # an empty cell is a missing value, never zero
        notes: list[str] = []
        if form == "number" and _PLAIN_NUMBER.fullmatch(cell):
            value = cell  # the common case, checked without building a Decimal
        else:
            value = _value(cell, form, notes, line, header[val_col], rel)
        if year_col is None:
            year = const_year
        else:
            ycell = row[year_col]
            yhit = years.get(ycell)
            if yhit is None:
                yhit = years[ycell] = _year(ycell, line, header[year_col], rel)
            year, ynote = yhit
            if ynote:
                notes.append(ynote)
        raw = row[ent_col]
        hit = names.get(raw)
        if hit is None:
            where = f"row {line}, column {header[ent_col]!r}"
            hit = names[raw] = resolver.resolve(raw, kind, where, rel)
        entity, name_notes = hit
        if name_notes:
            notes.extend(name_notes)
        key = (entity, year)
        if key in seen:
            raise DataError(
                f"row {line}, column {header[ent_col]!r}: {entity} {year} appears again "
                f"(first at row {seen[key]})",
                path=rel,
            )
        seen[key] = line
        out.append(_Obs(entity, year, value, m.file, line, m.period, tuple(notes) if notes else ()))
    return out


def _keep(row: list[str], filters: list[tuple[int, str]]) -> bool:
    return all(row[i].strip().casefold() == want for i, want in filters)


def _value(cell: str, form: ValueForm, notes: list[str], line: int, column: str, path: str) -> str:
    """The cell as text in the indicator's unit; shares move to percent exactly."""
    percent = cell.endswith("%")
    number = cell[:-1].strip() if percent else cell
    try:
        d = Decimal(number.replace(",", ""))
        finite = d.is_finite()
    except InvalidOperation:
        finite = False
    if not finite:
        raise DataError(f"row {line}, column {column!r}: {cell!r} is not a number", path=path)
    if form == "number":
        if percent:
            raise DataError(
                f"row {line}, column {column!r}: {cell!r} is a percentage where a number is "
                "expected",
                path=path,
            )
        return cell
    if percent:
        if form == "fraction":
            raise DataError(
                f"row {line}, column {column!r}: {cell!r} is a percentage where a fraction "
                "of 1 is expected",
                path=path,
            )
        return number
    shifted = _percent_of(d)
    if form == "percent":
        # A bare number among percent strings is an unformatted share (2024 fig_4.2.13).
        notes.append(
            f"written as the bare fraction {cell} among percent strings; read as {shifted}%"
        )
    return shifted


def _percent_of(share: Decimal) -> str:
    """A share of 1 in percent, exactly: ``0.788`` -> ``'78.8'``."""
    with localcontext() as ctx:
        ctx.prec = max(28, len(share.as_tuple().digits) + 4)
        return format(share.scaleb(2), "f")


def _year(cell: str, line: int, column: str, path: str) -> tuple[int, str | None]:
    """The data year of a year or date cell, and a note if the date says more."""
    text = cell.strip()
    if _YEAR.fullmatch(text):
        return int(text), None
    m = _US_DATE.fullmatch(text)
    if m:
        # Yearly series are dated 1/1/YY; any other day would be a sub-yearly value.
        if (m.group(1), m.group(2)) != ("1", "1"):
            raise DataError(
                f"row {line}, column {column!r}: {cell!r} is not a yearly date (1/1/YY)",
                path=path,
            )
        yy = m.group(3)
        return (int(yy) + 2000 if len(yy) == 2 else int(yy)), None
    m = _ISO_DATE.fullmatch(text)
    if m:
        return int(m.group(1)), f"dated {text} in the file"
    raise DataError(f"row {line}, column {column!r}: {cell!r} is not a year or a date", path=path)


class _Resolver:
    """Names to entity ids, cached: the same names recur in every file."""

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.entities = entities
        self._cache: dict[tuple[str, EntityKind], tuple[Entity, tuple[str, ...]]] = {}

    def resolve(
        self, raw: str, kind: EntityKind, where: str, path: str
    ) -> tuple[str, tuple[str, ...]]:
        """The entity id of a name, and notes on how the file wrote it."""
        key = (raw, kind)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = _resolve_name(raw, kind, where=where, path=path)
        entity, notes = hit
        self.entities[entity.id] = entity
        return entity.id, notes


def _clean_name(raw: str) -> tuple[str, tuple[str, ...]]:
    """A name as the report means it: ``<br>`` tags, edge spaces and marks removed."""
    name = _SPACES.sub(" ", _BR.sub(" ", raw)).strip()
    notes: list[str] = []
    if name.endswith("*"):
        name = name.rstrip("*").rstrip()
        notes.append(f"marked {raw.strip()!r} in the file (the footnote is not in the data)")
    fixed = _NAME_FIXES.get(name)
    if fixed is not None:
        notes.append(f"spelled {name!r} in the file")
        name = fixed
    return name, tuple(notes)


def _resolve_name(
    raw: str, kind: EntityKind, *, where: str, path: str
) -> tuple[Entity, tuple[str, ...]]:
    found = _resolve_cached(raw, kind)
    if isinstance(found, str):
        raise DataError(f"{where}: {found}", path=path)
    return found


@functools.lru_cache(maxsize=4096)
def _resolve_cached(raw: str, kind: EntityKind) -> tuple[Entity, tuple[str, ...]] | str:
    """The entity a name of a figure file means, or why it has none.

    Cached across reads: the same few hundred names recur in every file, and the entities
    they resolve to are themselves read once per process.
    """
    from aiindex._reference.entities import resolve, slug

    name, notes = _clean_name(raw)
    if not name:
        return "empty name"
    try:
        found: Entity | None = resolve(name)
    except UnknownEntityError as exc:
        if kind == "country":
            hint = (
                f"; did you mean {' or '.join(map(repr, exc.suggestions))}?"
                if exc.suggestions
                else ""
            )
            return f"{name!r} is not a country aiindex knows{hint}"
        found = None
    if found is not None:
        # Country tables also carry aggregates (World, Europe, Rest of the world).
        if found.kind == kind or (kind == "country" and found.kind == "group"):
            return found, notes
        if kind == "country":
            return f"{name!r} names {found.name} ({found.kind}), not a country"
    try:
        return Entity(slug(name), kind, name), notes
    except ValueError as exc:
        return str(exc)
