"""A section title is the report's only where a source names it.

The public-data releases name their chapters (their folders) but no section below them; the
press-quoted facts of the 2024 and 2025 editions name a few. Any other "Chapter 4.4 Jobs" would
be a title typed from memory and shown to readers as the report's.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import aiindex

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / "src" / "aiindex" / "data" / "figures"


def _sourced() -> set[tuple[int, str]]:
    """(edition, "N.M Title") for every section the vendored press facts name."""
    out: set[tuple[int, str]] = set()
    for name in ("ai_index_2024_facts.csv", "ai_index_2023_2025_facts.csv"):
        with (ROOT / "reference" / name).open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                m = re.search(r"(\d+\.\d+ [^,]+)$", row["section"] or "")
                if m:
                    out.add((int(row["edition"]), m.group(1)))
    return out


def _chapters(edition: int) -> dict[str, str]:
    return {
        p.name.split(". ", 1)[0]: p.name.split(". ", 1)[1]
        for p in (FIGURES / str(edition)).iterdir()
        if p.is_dir()
    }


SOURCED = _sourced()


def test_the_press_facts_name_sections() -> None:
    # The rule below must have something to allow: the 2025 sections the press quoted.
    assert {(2025, "4.3 Investment"), (2025, "4.2 Jobs")} <= SOURCED


@pytest.mark.parametrize("edition", [2025, 2026])
def test_every_section_is_a_chapter_of_the_release_or_a_sourced_title(edition: int) -> None:
    chapters = _chapters(edition)
    bad = []
    for ind_id in aiindex.indicators(edition=edition):
        ind = aiindex.indicator(ind_id, edition=edition)
        figs = {o.source.figure for o in ind.observations if o.source.figure}
        if not figs:
            continue
        numbers = {tuple(f.removeprefix("fig_").split(".")[:2]) for f in figs}
        section = ind.source.section.removeprefix("Chapter ")
        chapter, _, title = section.partition(" ")
        if "." in chapter:
            ok = (edition, section) in SOURCED and numbers == {tuple(chapter.split("."))}
        else:
            ok = {n[0] for n in numbers} == {chapter} and chapters.get(chapter) == title
        if not ok:
            bad.append((ind.id, ind.source.section, sorted(figs)))
    assert bad == []
