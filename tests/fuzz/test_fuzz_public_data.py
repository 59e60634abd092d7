"""Fuzzing read_public_data: any folder or zip gives PublicData or an AIIndexError.

Built in a temporary folder each time: figure files of names aiindex maps and of others, with
hostile rows; zips with members stored or deflated, encrypted, of other methods, lying about
their size, duplicated, linked. Whatever is refused, the message names no escape code raw.
"""

from __future__ import annotations

import math
import shutil
import struct
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import aiindex
from aiindex import read_public_data

INVEST = "Geographic area,Total Investment (in Billions of U.S. Dollars)"
PATENTS = "Year,Granted AI patents (% of world total),Label"
KNOWN = {"fig_4.3.8.csv": INVEST, "fig_1.2.3.csv": PATENTS}
NAMES = [*KNOWN, "notes.csv", "fig_9.9.9.csv", "a/fig_4.3.8.csv", "fig_\x1b[2J.csv", "x.txt"]
CELLS = [
    "China", "United States", "Atlantis", "Rest of the world", "", "1", "9.29", "0.1", "1e28",
    "1e999999", "nan", "n/a", "1.2%", "2023", "1/1/23", "2023-05-01", "\x1b[31m", '"', "\x00",
]  # fmt: skip

rows = st.lists(st.lists(st.sampled_from(CELLS), min_size=1, max_size=4), max_size=8)
files = st.lists(
    st.tuples(st.sampled_from(NAMES), st.booleans(), rows),
    min_size=1,
    max_size=5,
    unique_by=lambda f: f[0],
)


def content(name: str, with_header: bool, body: list[list[str]]) -> bytes:
    header = KNOWN.get(name.rsplit("/", 1)[-1], "a,b")
    lines = ([header] if with_header else []) + [",".join(r) for r in body]
    return ("\n".join(lines) + "\n").encode("utf-8")


def outcome(path: Path, edition: Any = 2025) -> None:
    try:
        data = read_public_data(path, edition=edition)
    except aiindex.AIIndexError as exc:
        assert "\x1b" not in str(exc)
    else:
        assert "\x1b" not in str(data)
        for ind in data.indicators.values():
            assert all(math.isfinite(o.magnitude) for o in ind.observations)


@settings(max_examples=80)
@given(files, st.sampled_from([2025, 2026, 2024, 1999, 0, "2025"]))
def test_any_folder_gives_public_data_or_an_aiindex_error(spec: Any, edition: Any) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        for name, with_header, body in spec:
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content(name, with_header, body))
        outcome(folder, edition)
    finally:
        shutil.rmtree(folder)


# How a zip member is damaged: not at all, a method zipfile cannot read, encryption, a size
# that lies (declared small or huge), a stored symbolic link.
DAMAGE = ["none", "none", "method", "encrypted", "small", "huge", "link"]


def damage(data: bytearray, name: str, how: str) -> None:
    """Patch one member's local and central headers in the zip bytes ``data``."""
    encoded = name.encode("utf-8")
    for signature, flag_at, method_at, size_at, name_at in (
        (b"PK\x03\x04", 6, 8, 22, 30),
        (b"PK\x01\x02", 8, 10, 24, 46),
    ):
        i = data.find(signature)
        while i >= 0 and data[i + name_at : i + name_at + len(encoded)] != encoded:
            i = data.find(signature, i + 4)
        if i < 0:
            return
        if how == "method":
            data[i + method_at : i + method_at + 2] = struct.pack("<H", 12)
        elif how == "encrypted":
            flags = struct.unpack_from("<H", data, i + flag_at)[0] | 1
            data[i + flag_at : i + flag_at + 2] = struct.pack("<H", flags)
        elif how in ("small", "huge"):
            size = 3 if how == "small" else 3_000_000_000
            data[i + size_at : i + size_at + 4] = struct.pack("<I", size)
        elif how == "link" and signature == b"PK\x01\x02":
            data[i + 38 : i + 42] = struct.pack("<I", 0o120777 << 16)


@settings(max_examples=80)
@given(files, st.lists(st.sampled_from(DAMAGE), min_size=5, max_size=5), st.booleans())
def test_any_zip_gives_public_data_or_an_aiindex_error(
    spec: Any, damages: list[str], deflate: bool
) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        archive = folder / "release.zip"
        method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
        with zipfile.ZipFile(archive, "w", method) as z:
            for name, with_header, body in spec:
                z.writestr(name, content(name, with_header, body))
        data = bytearray(archive.read_bytes())
        for (name, _, _), how in zip(spec, damages, strict=False):
            damage(data, name, how)
        archive.write_bytes(bytes(data))
        outcome(archive)
    finally:
        shutil.rmtree(folder)


@settings(max_examples=30)
@given(st.binary(max_size=300))
def test_any_bytes_as_a_zip_give_an_aiindex_error(data: bytes) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / "release.zip"
        path.write_bytes(b"PK\x03\x04" + data)
        outcome(path)
    finally:
        shutil.rmtree(folder)
