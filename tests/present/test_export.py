"""export_datapackage: a valid Frictionless package that reads back to the same values."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import aiindex
from aiindex._present.datapackage import export_datapackage, value_header
from aiindex._sources.packaged import catalogue, load


@pytest.fixture(autouse=True, scope="module")
def _csv_field_size_limit() -> Iterator[None]:
    # Loading frictionless raises the csv module's field size limit for the whole process;
    # later tests (read_csv refusing an over-long field) expect Python's default back.
    limit = csv.field_size_limit()
    yield
    csv.field_size_limit(limit)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_datapackage(tmp_path_factory.mktemp("pkg"))


def test_validates(package: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["resource/name", "type", "note"])


def test_reads_back_identical(package: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    pkg = frictionless.Package(str(package))
    names = {r.name for r in pkg.resources}
    assert names == {f"{i}-{e}" for e, ids in catalogue().items() for i in ids}
    for resource in pkg.resources:
        ind_id, edition = resource.name.rsplit("-", 1)
        ind = load(ind_id, int(edition))
        header = value_header(ind.unit_label)
        rows = resource.read_rows()
        assert len(rows) == len(ind.observations)
        for row in rows:
            obs = ind.observation(row["entity"], row["year"])
            assert float(row[header]) == obs.magnitude
            assert row["printed"] == obs.printed
            assert row["sources"].split(" ; ") == list(obs.source.locators)
            assert row["stated_rank"] == obs.stated_rank


def test_descriptor(package: Path) -> None:
    desc = json.loads(package.read_text(encoding="utf-8"))
    assert desc["licenses"][0]["name"] == "CC-BY-ND-4.0"
    assert any("The AI Index 2024 Annual Report" in s["title"] for s in desc["sources"])
    res = next(r for r in desc["resources"] if r["name"] == "private_investment-2024")
    value = res["schema"]["fields"][4]
    assert value == {
        "name": "value [billion US dollars]",
        "type": "number",
        "unit": "billion * USD",
        "description": "value in billion US dollars",
    }
    assert res["schema"]["primaryKey"] == ["entity", "year"]
    readme = (package.parent / "README.md").read_text(encoding="utf-8")
    assert "CC BY-ND 4.0" in readme and "private_investment-2024" in readme
    with open(package.parent / res["path"], encoding="utf-8", newline="") as f:
        kor = next(r for r in csv.DictReader(f) if r["entity"] == "KOR")
    assert kor["value [billion US dollars]"] == "1.39"


def test_one_edition(tmp_path: Path) -> None:
    desc = json.loads(export_datapackage(tmp_path / "x", edition=2024).read_text("utf-8"))
    assert {r["name"].rsplit("-", 1)[1] for r in desc["resources"]} == {"2024"}
    assert desc["name"] == "aiindex-2024"


def test_errors(tmp_path: Path) -> None:
    with pytest.raises(aiindex.UnknownEditionError):
        export_datapackage(tmp_path, edition=1999)
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(NotADirectoryError):
        export_datapackage(f)
