"""Hostile folders and zips against read_public_data: what each gives, its peak memory, its time.

    python benchmarks/bench_hostile.py [--in DIR] [--json] [--only NAME ...]

Builds each case of the issue (zips declaring or holding hundreds of megabytes, members of
methods zipfile cannot read or encrypted, FIFOs and links to devices or to files outside the
folder, absurd numbers, escape codes in names, the largest files and values the limits let
through) in DIR (default: a temporary folder), then reads each in a fresh process and prints
its outcome (the first line of the error, or what was read), its peak resident memory (the
process's ru_maxrss, which includes the interpreter and aiindex, about 60 MB) and its wall
time. A case still running after 120 s is reported as a hang. The budget: every case under
300 MB, none hangs (tests/sources/test_public_data.py runs the cases with --json).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from _timing import src_env

INVEST = "Geographic area,Total Investment (in Billions of U.S. Dollars)\n"
COST = "Model,Year,Training cost (inflation-adjusted) in U.S. dollars\n"
MB = 1 << 20


def _stream_member(z: zipfile.ZipFile, name: str, head: str, line: bytes, size: int) -> None:
    """A deflated member of ``size`` bytes (``head``, then ``line`` repeated), in chunks."""
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as f:
        f.write(head.encode())
        block = line * (MB // len(line))
        left = size - len(head)
        while left > 0:
            f.write(block[:left])
            left -= min(left, len(block))


def _patch_sizes(path: Path, name: str, size: int) -> None:
    """Make the zip's headers declare ``size`` bytes for member ``name``."""
    import struct

    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        i = data.find(signature)
        while data[i + name_at : i + name_at + len(encoded)] != encoded:
            i = data.find(signature, i + 4)
        data[i + size_at : i + size_at + 4] = struct.pack("<I", size)
    path.write_bytes(bytes(data))


def _method(path: Path, method: int, flags: int = 0) -> None:
    import struct

    data = bytearray(path.read_bytes())
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        i = data.find(signature)
        data[i + method_at : i + method_at + 2] = struct.pack("<H", method)
        data[i + flag_at : i + flag_at + 2] = struct.pack("<H", flags)
    path.write_bytes(bytes(data))


def declares_300_mb(d: Path) -> Path:
    """The issue's 298 KB zip: 300 MB of rows, deflated, declared truly."""
    p = d / "declares_300mb.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        _stream_member(z, "fig_4.3.8.csv", INVEST, b"China,1\n", 300 * MB)
    return p


def lies_about_its_size(d: Path) -> Path:
    """200 MB of rows deflated, the headers declaring 100 bytes."""
    p = d / "lies.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        _stream_member(z, "fig_4.3.8.csv", INVEST, b"China,1\n", 200 * MB)
    _patch_sizes(p, "fig_4.3.8.csv", 100)
    return p


def declares_4_gb(d: Path) -> Path:
    p = d / "declares_4gb.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("fig_4.3.8.csv", INVEST + "China,1\n")
    _patch_sizes(p, "fig_4.3.8.csv", 0xFFFFFFFE)
    return p


def method_6(d: Path) -> Path:
    p = d / "implode.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED) as z:
        z.writestr("fig_4.3.8.csv", INVEST + "China,1\n")
    _method(p, 6)
    return p


def encrypted(d: Path) -> Path:
    p = d / "encrypted.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED) as z:
        z.writestr("fig_4.3.8.csv", INVEST + "China,1\n")
    _method(p, 0, flags=1)
    return p


def bzip2(d: Path) -> Path:
    p = d / "bzip2.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_BZIP2) as z:
        z.writestr("fig_4.3.8.csv", INVEST + "China,1\n")
    return p


def many_members(d: Path) -> Path:
    p = d / "many.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED) as z:
        for i in range(20_001):
            z.writestr(f"f{i}.csv", "")
    return p


def infinite_number(d: Path) -> Path:
    folder = d / "inf"
    folder.mkdir()
    (folder / "fig_4.3.8.csv").write_text(INVEST + "China,1e999999\n")
    return folder


def number_1e28(d: Path) -> Path:
    folder = d / "e28"
    folder.mkdir()
    (folder / "fig_4.3.8.csv").write_text(INVEST + "China,1e28\n")
    return folder


def fifo(d: Path) -> Path:
    folder = d / "fifo"
    folder.mkdir()
    os.mkfifo(folder / "notes.csv")
    return folder


def fifo_of_a_known_name(d: Path) -> Path:
    folder = d / "fifo_known"
    folder.mkdir()
    os.mkfifo(folder / "fig_4.3.8.csv")
    return folder


def link_to_dev_zero(d: Path) -> Path:
    folder = d / "zero"
    folder.mkdir()
    (folder / "fig_4.3.8.csv").symlink_to("/dev/zero")
    return folder


def link_to_etc_passwd(d: Path) -> Path:
    folder = d / "passwd"
    folder.mkdir()
    (folder / "fig_4.3.8.csv").symlink_to("/etc/passwd")
    return folder


def sparse_300_gb(d: Path) -> Path:
    """A folder whose figure file declares (sparse) 300 GB."""
    folder = d / "sparse"
    folder.mkdir()
    with open(folder / "fig_4.3.8.csv", "wb") as f:
        f.truncate(300 * 1024 * MB)
    return folder


def escape_codes(d: Path) -> Path:
    folder = d / "escape"
    folder.mkdir()
    (folder / "fig_\x1b[2J\x1b[31m.csv").write_text("a,b\n")
    (folder / "fig_4.3.8.csv").write_text(INVEST + "Atlantis\x1b[2J,1\n")
    return folder


def _models(d: Path, name: str, counts: dict[str, int]) -> Path:
    """A zip of known files of ``counts[file]`` distinct model rows each."""
    heads = {
        "fig_1.3.24.csv": COST,
        "fig_1.3.25.csv": "System,Publication date,"
        "Training cost (inflation-adjusted) in U.S. dollars\n",
    }
    p = d / name
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for k, (file, n) in enumerate(counts.items()):
            rows = [f"Model {k}-{i:07d},2023,{i % 997}.5\n" for i in range(n)]
            z.writestr(file, heads[file] + "".join(rows))
    return p


def largest_allowed(d: Path) -> Path:
    """Known files of distinct model rows, as many values as a read keeps (MAX_VALUES)."""
    return _models(d, "largest.zip", {"fig_1.3.24.csv": 60_000, "fig_1.3.25.csv": 40_000})


def one_value_too_many(d: Path) -> Path:
    return _models(d, "too_many.zip", {"fig_1.3.24.csv": 100_001})


def too_much_in_all(d: Path) -> Path:
    """Seven files of 5 MiB: each within its limit, together over 32 MiB."""
    p = d / "too_much.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for k in range(7):
            _stream_member(z, f"c{k}/fig_4.3.8.csv", INVEST, b"\n", 5 * MB - 100)
    return p


CASES: dict[str, tuple[Callable[[Path], Path], int]] = {
    "zip declaring 300 MB (298 KB)": (declares_300_mb, 2025),
    "zip lying: 200 MB declared as 100 bytes": (lies_about_its_size, 2025),
    "zip declaring 4 GB": (declares_4_gb, 2025),
    "zip member of method 6 (implode)": (method_6, 2025),
    "zip member encrypted": (encrypted, 2025),
    "zip member bzip2": (bzip2, 2025),
    "zip of 20,001 members": (many_members, 2025),
    "cell 1e999999": (infinite_number, 2025),
    "cell 1e28": (number_1e28, 2025),
    "FIFO notes.csv": (fifo, 2025),
    "FIFO fig_4.3.8.csv": (fifo_of_a_known_name, 2025),
    "link fig_4.3.8.csv -> /dev/zero": (link_to_dev_zero, 2025),
    "link fig_4.3.8.csv -> /etc/passwd": (link_to_etc_passwd, 2025),
    "sparse file declaring 300 GB": (sparse_300_gb, 2025),
    "escape codes in names": (escape_codes, 2025),
    "largest allowed: 100,000 model values": (largest_allowed, 2025),
    "100,001 values": (one_value_too_many, 2025),
    "7 x 5 MiB, over 32 MiB in all": (too_much_in_all, 2025),
}

READ = """
import sys
import aiindex
try:
    data = aiindex.read_public_data(sys.argv[1], edition=int(sys.argv[2]))
except aiindex.AIIndexError as exc:
    print(type(exc).__name__ + ": " + str(exc).splitlines()[0])
else:
    n = sum(len(i.observations) for i in data.indicators.values())
    print(f"read {len(data.files)} files, {n} values, {len(data.unknown)} unknown")
"""


def measure(path: Path, edition: int, timeout: float = 120) -> dict[str, object]:
    """Read ``path`` in a fresh process: its outcome, peak resident memory (wait4) and time."""
    import selectors

    env = src_env()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", READ, str(path), str(edition)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    assert proc.stdout is not None
    out = b""
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = start + timeout
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            proc.kill()
            os.wait4(proc.pid, 0)
            return {"outcome": "hang", "peak_mb": None, "seconds": timeout, "status": None}
        if sel.select(timeout=min(left, 1.0)):
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            out += chunk
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    return {
        "outcome": out.decode("utf-8", "replace").strip()[-300:],
        "status": proc.returncode,
        "peak_mb": usage.ru_maxrss / 1024,  # KB on Linux
        "seconds": time.perf_counter() - start,
    }


def build(name: str, folder: Path) -> Path:
    """Build case ``name`` in a fresh process: this one stays small, and the peak memory a
    measured child reports (which starts from that of the process that started it) with it."""
    done = subprocess.run(
        [sys.executable, __file__, "--build", name, str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--in", dest="folder", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", nargs="*", default=None, help="case names (substrings)")
    parser.add_argument("--build", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        name, where = args.build
        print(CASES[name][0](Path(where)))
        return
    folder = args.folder or Path(tempfile.mkdtemp(prefix="hostile-"))
    results = {}
    for name, (_, edition) in CASES.items():
        if args.only and not any(o in name for o in args.only):
            continue
        case = folder / f"case{len(results)}"
        case.mkdir(parents=True, exist_ok=True)
        path = build(name, case)
        results[name] = {"size_mb": _size(path) / MB, **measure(path, edition)}
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
        return
    print(f"{'case':<40} {'on disk':>9} {'peak RSS':>9} {'time':>7}  outcome")
    for name, r in results.items():
        peak = f"{r['peak_mb']:.0f} MB" if r["peak_mb"] is not None else "-"
        outcome = str(r["outcome"]).encode("unicode_escape").decode("ascii")[:110]
        print(f"{name:<40} {r['size_mb']:>6.2f} MB {peak:>9} {r['seconds']:>6.2f}s  {outcome}")
    empty = folder / "empty"
    empty.mkdir(exist_ok=True)
    baseline = measure(empty, 2025)  # the interpreter and aiindex, reading nothing
    print(f"(a read of an empty folder peaks at {baseline['peak_mb']:.0f} MB)")


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(
            p.lstat().st_blocks * 512 for p in path.rglob("*") if p.is_file() and not p.is_symlink()
        )
    return path.stat().st_size


if __name__ == "__main__":
    main()
