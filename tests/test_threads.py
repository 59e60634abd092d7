"""Threads from a cold import: mixed calls agree with one thread, one object per indicator.

A small run of ``benchmarks/bench_threads.py`` (which runs 64 threads x 1,000 calls): 16
threads x 50 calls of convert, indicator, rank and check, started together in a fresh
process that has loaded nothing, with a switch interval of a microsecond so that threads
interleave inside every lazy load.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_threads.py"


def test_threads_from_a_cold_import_agree_with_one_thread() -> None:
    small = ["--threads", "16", "--calls", "50", "--switch-interval", "1e-6", "--json"]
    done = subprocess.run(
        [sys.executable, str(BENCH), *small],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["calls"] == 800
    assert result["errors"] == 0, result["error_examples"]
    assert result["distinct_objects"] == 1 and result["same_later"]
