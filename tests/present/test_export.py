"""export_datapackage: a valid Frictionless package that reads back to the same values."""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import aiindex
from aiindex._present.datapackage import MANIFEST, export_datapackage, value_header
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
    with pytest.raises(aiindex.UnknownEditionError, match="not a str"):
        export_datapackage(tmp_path, edition="2024")  # type: ignore[arg-type]
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(aiindex.WriteRefusedError, match="not a folder"):
        export_datapackage(f)
    with pytest.raises(aiindex.ArgumentError, match="name the folder"):
        export_datapackage("")
    assert f.read_text() == "x"


# -- writing is atomic and owned --------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry under ``folder`` (links not followed): a link's target, a file's bytes."""
    out: dict[str, object] = {}
    for dirpath, dirs, names in os.walk(folder):
        for name in [*dirs, *names]:
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                out[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                out[rel] = "folder"
            else:
                out[rel] = path.read_bytes()
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The snapshot of a full export (every edition)."""
    folder = tmp_path_factory.mktemp("full") / "pkg"
    export_datapackage(folder)
    return snapshot(folder)


def restore(folder: Path, shot: dict[str, object]) -> None:
    for rel, what in sorted(shot.items()):
        path = folder / rel
        if what == "folder":
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(what)  # type: ignore[arg-type]


def test_a_new_folder_gets_the_package_and_its_manifest(tmp_path: Path) -> None:
    out = export_datapackage(tmp_path / "a" / "b", edition=2024)
    manifest = json.loads((out.parent / MANIFEST).read_text("utf-8"))
    listed = {r["path"] for r in json.loads(out.read_text("utf-8"))["resources"]}
    assert set(manifest["files"]) == listed | {"datapackage.json", "README.md"}
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["b"]  # no staging left


def test_one_edition_over_a_full_export_leaves_no_stale_file(
    tmp_path: Path, full: dict[str, object]
) -> None:
    folder = tmp_path / "pkg"
    restore(folder, full)
    (folder / "notes.txt").write_text("mine")  # the user's own file, beside the package
    (folder / "data" / "2023" / "mine.csv").write_text("a,b\n")
    export_datapackage(folder, edition=2024)
    desc = json.loads((folder / "datapackage.json").read_text("utf-8"))
    csvs = {p.relative_to(folder).as_posix() for p in folder.rglob("*.csv")}
    assert csvs == {r["path"] for r in desc["resources"]} | {"data/2023/mine.csv"}
    assert (folder / "notes.txt").read_text() == "mine"
    assert not (folder / "data" / "2025").exists()  # emptied of ours, so removed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg"]


def test_a_foreign_folder_is_refused_unless_forced(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "README.md").write_text("my readme")
    (folder / "notes.txt").write_text("my notes")
    before = snapshot(folder)
    with pytest.raises(aiindex.WriteRefusedError, match="--force") as info:
        export_datapackage(folder, edition=2024)
    assert isinstance(info.value, FileExistsError)
    assert snapshot(folder) == before
    export_datapackage(folder, edition=2024, overwrite=True)
    assert (folder / "README.md").read_text().startswith("# Stanford HAI")
    assert (folder / "notes.txt").read_text() == "my notes"


def test_a_file_changed_since_the_export_is_not_replaced_unless_forced(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    export_datapackage(folder, edition=2024)
    edited = folder / "data" / "2024" / "private_investment.csv"
    edited.write_text("my edit\n")
    before = snapshot(folder)
    with pytest.raises(aiindex.WriteRefusedError, match="changed since"):
        export_datapackage(folder, edition=2024)
    assert snapshot(folder) == before
    # Nor is it removed by an export that no longer writes it.
    export_datapackage(folder, edition=2023, overwrite=True)
    assert edited.read_text() == "my edit\n"
    export_datapackage(folder, edition=2024, overwrite=True)
    assert edited.read_text().startswith("entity,")


@pytest.mark.parametrize("where", ["README.md", "datapackage.json", MANIFEST, "data", "data/2024"])
@pytest.mark.parametrize("overwrite", [False, True])
def test_a_symbolic_link_never_redirects_a_write(
    tmp_path: Path, where: str, overwrite: bool
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim").write_text("keep me")
    folder = tmp_path / "pkg"
    export_datapackage(folder, edition=2024)
    target = folder / where
    if target.is_dir():
        shutil.rmtree(target)
        target.symlink_to(outside, target_is_directory=True)
    else:
        target.unlink()
        target.symlink_to(outside / "victim")
    before = snapshot(tmp_path)
    with pytest.raises(aiindex.WriteRefusedError, match="symbolic link"):
        export_datapackage(folder, edition=2024, overwrite=overwrite)
    assert snapshot(tmp_path) == before
    assert (outside / "victim").read_text() == "keep me"


def test_the_folder_itself_as_a_link_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    with pytest.raises(aiindex.WriteRefusedError, match="symbolic link"):
        export_datapackage(tmp_path / "link", edition=2024)
    assert not any(real.iterdir())


def test_a_manifest_never_makes_a_file_outside_the_package_ours(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    export_datapackage(folder, edition=2024)
    victim = tmp_path / "victim.csv"
    victim.write_text("keep me")
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    digest = hashlib.sha256(b"keep me").hexdigest()
    manifest["files"]["../victim.csv"] = digest
    manifest["files"]["/etc/hostname"] = digest
    (folder / MANIFEST).write_text(json.dumps(manifest))
    export_datapackage(folder, edition=2023)
    assert victim.read_text() == "keep me"


def test_a_damaged_manifest_makes_the_folder_foreign(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    export_datapackage(folder, edition=2024)
    (folder / MANIFEST).write_text("{not json")
    with pytest.raises(aiindex.WriteRefusedError, match="no earlier aiindex export"):
        export_datapackage(folder, edition=2024)


def _failing_rename(monkeypatch: pytest.MonkeyPatch, after: int) -> list[int]:
    real = os.rename
    calls = [0]

    def rename(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        calls[0] += 1
        if calls[0] == after + 1:  # one move fails (a full disk, a lost mount); then it works
            raise OSError(errno.EIO, "simulated failure half-way")
        real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", rename)
    return calls


@pytest.mark.parametrize("after", [0, 1, 7, 40, 90, 140])
def test_an_interrupted_export_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full: dict[str, object], after: int
) -> None:
    folder = tmp_path / "pkg"
    restore(folder, full)
    (folder / "notes.txt").write_text("mine")
    before = snapshot(tmp_path)
    calls = _failing_rename(monkeypatch, after)
    with pytest.raises(OSError, match="simulated failure"):
        export_datapackage(folder, edition=2024)
    monkeypatch.undo()
    assert calls[0] > after  # the failure came half-way, files already moved
    assert snapshot(tmp_path) == before  # no file changed, none left beside it


def test_an_interrupted_export_to_a_new_folder_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing_rename(monkeypatch, 0)
    with pytest.raises(OSError, match="simulated failure"):
        export_datapackage(tmp_path / "new", edition=2024)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_building_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full: dict[str, object]
) -> None:
    from aiindex._present import datapackage

    folder = tmp_path / "pkg"
    restore(folder, full)
    before = snapshot(tmp_path)
    real = datapackage._rows
    count = [0]

    def rows(ind: Any) -> Any:
        count[0] += 1
        if count[0] == 20:
            raise RuntimeError("simulated failure while building")
        return real(ind)

    monkeypatch.setattr(datapackage, "_rows", rows)
    with pytest.raises(RuntimeError, match="simulated"):
        export_datapackage(folder)
    assert snapshot(tmp_path) == before


def test_export_into_the_current_empty_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = export_datapackage(".", edition=2024)
    assert out == tmp_path / "datapackage.json" and out.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, "README.md", "data", out.name]


def test_a_mount_point_gets_its_working_folders_inside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A disk's top folder is on another file system than its parent: a rename from beside it
    # would fail (EXDEV), so the package is built inside it, and nothing of that is left.
    from aiindex._present import datapackage

    monkeypatch.setattr(datapackage, "_same_device", lambda a, b: False)
    folder = tmp_path / "disk"
    folder.mkdir()
    made: list[Path] = []
    real = datapackage._fresh_folder

    def spy(root: Path, what: str) -> Path:
        made.append(real(root, what))
        return made[-1]

    monkeypatch.setattr(datapackage, "_fresh_folder", spy)
    export_datapackage(folder, edition=2024)
    export_datapackage(folder, edition=2023)
    assert made and all(m.parent == folder for m in made)
    assert sorted(p.name for p in folder.iterdir()) == [
        MANIFEST,
        "README.md",
        "data",
        "datapackage.json",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["disk"]
