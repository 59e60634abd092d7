"""The machinery shared by the reference-CSV build scripts (``build_2023.py``, ``build_2024.py``).

Each script holds only the metadata we author for its edition (indicator ids, titles, units,
coverage, the mapping of the CSV's entity names to the ids of ``src/aiindex/data/entities.toml``,
and what it skips, with the reason) in an `Edition`; this module reads the reference CSV, copies
every value, rank, source and note verbatim, as text (a note that opens with "DISPUTED: ", the
reference CSV's mark of a contested figure, becomes the observation's `disputed` flag and the rest
of the note), checks the data against the metadata, and writes one JSON file per indicator. It
never rescales or computes a value.

It fails loudly (`BuildError`) on an unmapped entity name or unit, on a CSV indicator or row that
is neither shipped nor listed as skipped, and on coverage that does not match the data.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from _emit import emit, generated_by, written_by

from aiindex._model.scale import ORDINALS

__all__ = [
    "KIND_MAP",
    "SELECTION_NOTE",
    "BuildError",
    "Coverage",
    "Edition",
    "Indicator",
    "build",
    "main",
    "parse_rank",
    "parse_year",
]

REPO = Path(__file__).resolve().parent.parent
REFERENCE_DIR = REPO / "reference"
DATA_DIR = REPO / "src" / "aiindex" / "data"
ENTITIES_FILE = DATA_DIR / "entities.toml"

COUNTING_WORDS = ("thousand", "ten_thousand", "hundred_thousand", "million", "billion", "trillion")

# CSV entity_kind -> the kind of the entity in entities.toml.
KIND_MAP: dict[str, str] = {
    "country": "country",
    "group": "group",
    "world": "group",
    "organization": "organization",
    "model": "model",
    "baseline": "baseline",
}

SELECTION_NOTE = "A selection: no source states ranks that make a contiguous top of this table."


@dataclass(frozen=True)
class Coverage:
    year: int
    kind: str  # "complete" | "top" | "selection"
    note: str
    complete_down_to: str | None = None


@dataclass(frozen=True)
class Indicator:
    id: str
    csv_indicator: str
    title: str
    unit_label: str
    entity_kind: str
    title_ko: str | None = None
    unit_label_ko: str | None = None
    descending: bool = True
    price_basis: str | None = None
    # Set where the edition measures something other than the other editions' indicator of the
    # same id; aiindex.series and growth never mix editions whose labels differ.
    definition: str | None = None
    notes: tuple[str, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    # Coverage "selection" with this note for every data year (charts of select models).
    selection_every_year: str | None = None
    # (CSV entity name, CSV year) of values the source states outside the chart.
    outside_chart: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    # The CSV entity_kind values this indicator takes from csv_indicator (None: every row), for
    # a CSV indicator split into several shipped ones (countries apart from sectors).
    csv_entity_kinds: frozenset[str] | None = None


@dataclass(frozen=True)
class Edition:
    edition: int
    script: str
    reference: Path
    out: Path
    header: str
    unit_map: Mapping[str, str]
    entity_ids: Mapping[str, str]
    indicators: tuple[Indicator, ...]
    # CSV indicator -> why it is not shipped.
    skipped: Mapping[str, str]
    # (CSV indicator, entity, year) -> why this row of a shipped indicator is not shipped.
    skipped_rows: Mapping[tuple[str, str, str], str] = field(default_factory=dict)
    # Require a coverage record for every data year of every indicator.
    coverage_every_year: bool = False


# How the reference CSV marks a contested figure in its note column.
DISPUTED = "DISPUTED: "

# The reference CSV calls the Yonhap article on the AI Index 2024 that this project began from
# "seed article", a name of ours that means nothing to a reader; values and notes name the
# article itself (agency, date and headline, as the article prints them).
OUR_NAME = "seed article"
YONHAP_2024 = (
    "Yonhap News Agency (연합뉴스), 2024-04-16, "
    "\"美 스탠퍼드대 인간중심AI연구소 'AI 인덱스 2024' 발간\""
)
# "seed article (Yonhap)", "Seed article:", "Seed prints", "Seed only": any case, any form.
_IN_PROSE = re.compile(r"\b(?P<s>[Ss])eed(?![a-z])(?: article)?(?: \(Yonhap\))?")


def public_locator(locator: str) -> str:
    """A source locator as users see it: the article, not our name for it."""
    return YONHAP_2024 if locator == OUR_NAME else locator


def public_note(note: str) -> str:
    """A note as users see it, naming the Yonhap article rather than "seed article"."""
    return _IN_PROSE.sub(
        lambda m: ("The" if m.group("s") == "S" else "the") + " Yonhap article of 2024-04-16", note
    )


class BuildError(Exception):
    """The reference data does not fit the metadata."""


def map_unit(csv_unit: str, unit_map: Mapping[str, str]) -> str:
    if csv_unit.startswith("%"):
        return "percent"
    try:
        return unit_map[csv_unit]
    except KeyError:
        raise BuildError(f"unmapped CSV unit {csv_unit!r}") from None


def strip_counting_word(unit: str) -> str:
    for word in COUNTING_WORDS:
        if unit.startswith(word + " * "):
            return unit[len(word) + 3 :]
    return unit


def parse_year(text: str) -> tuple[int, str | None]:
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return int(text), None
    m = re.fullmatch(r"(\d{4})-(\d{4})", text)
    if m:
        return int(m.group(2)), text
    raise BuildError(f"cannot read year {text!r}")


def parse_rank(text: str) -> int | None:
    """A rank as the CSV's rank_stated copies the source: "9th", "2위", or (2023) "eighth"."""
    text = text.strip()
    if not text:
        return None
    if text.casefold() in ORDINALS:
        return ORDINALS[text.casefold()]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th|위)?", text)
    if not m:
        raise BuildError(f"cannot read rank {text!r}")
    return int(m.group(1))


def read_reference(path: Path, edition: int) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if row["edition"].strip() == str(edition)]


def load_entity_kinds(path: Path) -> dict[str, str] | None:
    if not path.exists():
        return None
    with path.open("rb") as f:
        data = tomllib.load(f)
    return {e["id"]: e["kind"] for e in data["entities"]}


def row_key(row: Mapping[str, str]) -> tuple[str, str, str]:
    return (row["indicator"], row["entity"], row["year"].strip())


# --- build ----------------------------------------------------------------------------------


def build_indicator(
    ed: Edition, spec: Indicator, rows: list[dict[str, str]], entity_kinds: dict[str, str] | None
) -> dict[str, Any]:
    if not rows:
        raise BuildError(f"{spec.id}: no rows for {spec.csv_indicator!r}")
    sections = {r["section"] for r in rows}
    if len(sections) != 1:
        raise BuildError(f"{spec.id}: several sections {sorted(sections)}")
    mapped = Counter(map_unit(r["unit"], ed.unit_map) for r in rows)
    (unit, top), *rest = mapped.most_common()
    if rest and rest[0][1] == top:
        raise BuildError(f"{spec.id}: no majority unit among {dict(mapped)}")

    observations: list[dict[str, Any]] = []
    seen: set[tuple[str, int]] = set()
    for r in rows:
        name = r["entity"]
        if name not in ed.entity_ids:
            raise BuildError(f"{spec.id}: unmapped entity name {name!r}; add it to ENTITY_IDS")
        entity = ed.entity_ids[name]
        kind = KIND_MAP.get(r["entity_kind"])
        if kind is None:
            raise BuildError(f"{spec.id}: unknown entity_kind {r['entity_kind']!r}")
        if entity_kinds is not None:
            if entity not in entity_kinds:
                raise BuildError(f"{spec.id}: entity id {entity!r} missing from entities.toml")
            if entity_kinds[entity] != kind:
                raise BuildError(
                    f"{spec.id}: {entity!r} is {entity_kinds[entity]!r} in entities.toml, "
                    f"{kind!r} in the CSV"
                )
        year, period = parse_year(r["year"])
        if (entity, year) in seen:
            raise BuildError(f"{spec.id}: two rows for {entity} {year}")
        seen.add((entity, year))
        value = r["value"].strip()
        try:
            Decimal(value)
        except InvalidOperation:
            raise BuildError(f"{spec.id}: value {value!r} is not a decimal") from None
        row_unit = map_unit(r["unit"], ed.unit_map)
        obs_unit: str | None = None
        if row_unit != unit:
            if strip_counting_word(row_unit) != strip_counting_word(unit):
                raise BuildError(f"{spec.id}: {name} unit {row_unit!r} is not {unit!r}")
            obs_unit = row_unit
        sources = [public_locator(s.strip()) for s in (r["source_1"], r["source_2"]) if s.strip()]
        if not sources:
            raise BuildError(f"{spec.id}: {name} {year} has no source")
        note = r["note"].strip()
        disputed = note.startswith(DISPUTED)
        obs: dict[str, Any] = {
            "entity": entity,
            "year": year,
            "period": period,
            "value": value,
            "unit": obs_unit,
            "stated_rank": parse_rank(r["rank_stated"]),
            "sources": sources,
            "note": public_note(note.removeprefix(DISPUTED)) or None,
        }
        if disputed:
            obs["disputed"] = True
        if (name, r["year"].strip()) in spec.outside_chart:
            obs["outside_chart"] = True
        observations.append(obs)
    observations.sort(key=lambda o: (o["year"], o["entity"]))

    unknown_outside = {y for _, y in spec.outside_chart} - {r["year"].strip() for r in rows}
    if unknown_outside:
        raise BuildError(f"{spec.id}: outside_chart years {unknown_outside} not in the data")

    years = {o["year"] for o in observations}
    coverage = list(spec.coverage)
    if spec.selection_every_year is not None:
        if coverage:
            raise BuildError(f"{spec.id}: both coverage and selection_every_year")
        coverage = [Coverage(y, "selection", spec.selection_every_year) for y in sorted(years)]
    if ed.coverage_every_year:
        missing = years - {c.year for c in coverage}
        if missing:
            raise BuildError(f"{spec.id}: no coverage for data years {sorted(missing)}")
    cov_rows: list[dict[str, Any]] = []
    for c in coverage:
        if c.kind not in ("complete", "top", "selection"):
            raise BuildError(f"{spec.id}: bad coverage kind {c.kind!r}")
        if c.year not in years:
            raise BuildError(f"{spec.id}: coverage for {c.year}, a year without data")
        if (c.complete_down_to is not None) != (c.kind == "top"):
            raise BuildError(f"{spec.id}: complete_down_to goes with kind 'top' ({c.year})")
        if c.complete_down_to is not None:
            ranked = [
                o
                for o in observations
                if o["year"] == c.year
                and o["unit"] is None
                and (entity_kinds is None or entity_kinds[o["entity"]] == spec.entity_kind)
            ]
            if not any(o["value"] == c.complete_down_to for o in ranked):
                raise BuildError(
                    f"{spec.id}: complete_down_to {c.complete_down_to!r} is not the value of "
                    f"any {spec.entity_kind} in {c.year}"
                )
        cov_rows.append(
            {
                "year": c.year,
                "kind": c.kind,
                "complete_down_to": c.complete_down_to,
                "note": c.note,
            }
        )

    return {
        "id": spec.id,
        "edition": ed.edition,
        "title": spec.title,
        "title_ko": spec.title_ko,
        "unit": unit,
        "unit_label": spec.unit_label,
        "unit_label_ko": spec.unit_label_ko,
        "entity_kind": spec.entity_kind,
        "descending": spec.descending,
        "section": sections.pop(),
        "price_basis": spec.price_basis,
        "definition": spec.definition,
        "notes": list(spec.notes) or None,
        "coverage": cov_rows,
        "observations": observations,
    }


def route_rows(ed: Edition, rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """The CSV rows of each shipped indicator (by id), every other row accounted for."""
    listed = Counter(row_key(r) for r in rows if row_key(r) in ed.skipped_rows)
    stale = set(ed.skipped_rows) - set(listed)
    if stale:
        raise BuildError(f"skipped rows not in the CSV: {sorted(stale)}")
    twice = sorted(k for k, n in listed.items() if n > 1)
    if twice:
        raise BuildError(f"skipped rows that match several CSV rows: {twice}")
    for key in ed.skipped_rows:
        if key[0] in ed.skipped:
            raise BuildError(f"row {key} is skipped with its whole indicator already")

    by_csv: dict[str, list[Indicator]] = {}
    for spec in ed.indicators:
        by_csv.setdefault(spec.csv_indicator, []).append(spec)
    unknown = {r["indicator"] for r in rows} - set(by_csv) - set(ed.skipped)
    if unknown:
        raise BuildError(f"CSV indicators neither shipped nor skipped: {sorted(unknown)}")
    both = set(by_csv) & set(ed.skipped)
    if both:
        raise BuildError(f"CSV indicators both shipped and skipped: {sorted(both)}")

    out: dict[str, list[dict[str, str]]] = {spec.id: [] for spec in ed.indicators}
    for r in rows:
        if r["indicator"] in ed.skipped or row_key(r) in ed.skipped_rows:
            continue
        takers = [
            s
            for s in by_csv[r["indicator"]]
            if s.csv_entity_kinds is None or r["entity_kind"] in s.csv_entity_kinds
        ]
        if len(takers) != 1:
            raise BuildError(
                f"{r['indicator']} row {r['entity']!r} ({r['entity_kind']}) goes to "
                f"{len(takers)} shipped indicators, not one"
            )
        out[takers[0].id].append(r)
    return out


def build(ed: Edition, reference: Path, out: Path, entities: Path = ENTITIES_FILE) -> list[Path]:
    rows = read_reference(reference, ed.edition)
    routed = route_rows(ed, rows)
    entity_kinds = load_entity_kinds(entities)

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for spec in ed.indicators:
        table = build_indicator(ed, spec, routed[spec.id], entity_kinds)
        text = emit(table, ed.header)
        if json.loads(text)["observations"] != [
            {k: v for k, v in o.items() if v is not None} for o in table["observations"]
        ]:
            raise BuildError(f"{spec.id}: the emitted file does not read back")
        path = out / f"{spec.id}.json"
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    # Remove files an earlier run generated for indicators no longer shipped.
    for stale in sorted(out.glob("*.json")):
        if stale not in written and written_by(stale) == generated_by(ed.header):
            stale.unlink()
    return written


def main(ed: Edition, argv: list[str] | None = None, description: str | None = None) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--reference", type=Path, default=ed.reference)
    parser.add_argument("--out", type=Path, default=ed.out)
    args = parser.parse_args(argv)
    if not args.reference.exists():
        print(f"reference CSV not found: {args.reference}", file=sys.stderr)
        return 2
    try:
        written = build(ed, args.reference, args.out)
    except BuildError as e:
        print(f"{ed.script}: {e}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} files to {args.out}")
    return 0
