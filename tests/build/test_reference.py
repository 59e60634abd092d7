"""The vendored build inputs in reference/: complete, verbatim, and enough to rebuild the data."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO / "reference"
SHARED = REPO.parent / "shared" / "reference"
DATA = REPO / "src" / "aiindex" / "data"
# Files of reference/ that are not copies: what the folder is, how git must store it, and the
# hand-checked chart titles that scripts/build_figures.py applies.
OWN = {"README.md", ".gitattributes", "public-data/title-fixes.toml"}
# Not read by a script, vendored as the record of where each public-data file was found.
PROVENANCE = {"public-data/SOURCES.csv"}
ROOT_INPUTS = ("ai_index_2023_2025_facts.csv", "ai_index_2024_facts.csv")
NO_SHARED = "../shared/reference/ is not beside the repository: no originals to compare with"


def vendored() -> set[str]:
    return {p.relative_to(REFERENCE).as_posix() for p in REFERENCE.rglob("*") if p.is_file()}


def run(script: str, *args: str) -> None:
    # A subprocess with default inputs, run from elsewhere: what a clone's user runs.
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / script), *args],
        cwd=REPO.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def load(script: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(script, REPO / "scripts" / f"{script}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[script] = module
    spec.loader.exec_module(module)
    return module


def test_scripts_read_their_inputs_from_reference() -> None:
    assert load("build_2023").DEFAULT_REFERENCE == REFERENCE / "ai_index_2023_2025_facts.csv"
    assert load("build_2024").DEFAULT_REFERENCE == REFERENCE / "ai_index_2024_facts.csv"
    assert load("build_public_data").DEFAULT_PUBLIC_DATA == REFERENCE / "public-data"


def inputs() -> set[str]:
    """The vendored files the build scripts read, beside the complete 2025 and 2026 releases.

    With the record of where they came from; the releases have tests of their own (in
    tests/sources/test_figures.py).
    """
    public = {
        p.relative_to(REFERENCE).as_posix() for p in (REFERENCE / "public-data" / "2024").iterdir()
    }
    return {*ROOT_INPUTS, *public, *PROVENANCE}


def test_reference_holds_the_inputs_as_plain_files() -> None:
    names = inputs()
    # build_public_data reads every CSV under an edition's folder: nothing else may be there.
    assert all((REFERENCE / name).is_file() and name.endswith(".csv") for name in names)
    assert {name.split("/")[1] for name in names if name.count("/") == 2} == {"2024"}


def test_every_build_script_rebuilds_the_shipped_files_byte_for_byte(tmp_path: Path) -> None:
    out = {name: tmp_path / name for name in ("2023", "2024", "public", "cpi")}
    run("build_2023.py", "--out", str(out["2023"]))
    run("build_2024.py", "--out", str(out["2024"]))
    run("build_public_data.py", "--out", str(out["public"]))
    # build_cpi keeps the generated date of a file whose data is unchanged; start from the
    # shipped file so that the comparison is of the data, not of today's date.
    out["cpi"].mkdir()
    shutil.copyfile(DATA / "cpi_u.csv", out["cpi"] / "cpi_u.csv")
    run("build_cpi.py", "--out", str(out["cpi"] / "cpi_u.csv"))

    written = [
        *((f"2023/{p.name}", p) for p in out["2023"].iterdir()),
        *((f"2024/{p.name}", p) for p in out["2024"].iterdir()),
        *((p.relative_to(out["public"]).as_posix(), p) for p in out["public"].glob("*/*")),
        ("cpi_u.csv", out["cpi"] / "cpi_u.csv"),
    ]
    fresh = dict(written)
    # One writer per file, and every shipped indicator file (data/<edition>/) has one. The
    # figure index and the compiled tables have rebuild tests of their own, in tests/sources/.
    assert len(fresh) == len(written)
    indicator_files = (p for p in DATA.glob("*/*.json") if p.parent.name.isdigit())
    shipped = {p.relative_to(DATA).as_posix() for p in indicator_files} | {"cpi_u.csv"}
    assert set(fresh) == shipped
    for name, path in fresh.items():
        assert path.read_bytes() == (DATA / name).read_bytes(), f"{name}: rerun its build script"


def test_vendored_files_are_verbatim_copies_of_shared_reference() -> None:
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    # Whole folders were copied: each file of the originals' folders must be here.
    originals = {*ROOT_INPUTS, *PROVENANCE}
    folder = SHARED / "public-data" / "2024"
    originals |= {p.relative_to(SHARED).as_posix() for p in folder.iterdir()}
    assert originals == inputs()
    copies = sorted(vendored() - OWN)
    missing = [n for n in copies if not (SHARED / n).is_file()]
    assert not missing, f"not in ../shared/reference/: {missing}"
    differ = [n for n in copies if (REFERENCE / n).read_bytes() != (SHARED / n).read_bytes()]
    assert not differ, f"differ from ../shared/reference/ (copy them again with cp): {differ}"
