"""Cold-process timing shared by the benchmark scripts."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence


def cold(cmd: Sequence[str], runs: int) -> float:
    """Median wall time of ``cmd`` in a fresh process, after one warm-up run.

    Bytecode may be written, as in a normal installation: PYTHONDONTWRITEBYTECODE would make
    every start recompile aiindex and measure the compiler instead.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, env=env, check=True, capture_output=True)  # warm the OS cache and .pyc
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
