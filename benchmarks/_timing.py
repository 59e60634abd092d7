"""Cold-process timing shared by the benchmark scripts."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _env() -> dict[str, str]:
    # Bytecode may be written, as in a normal installation: PYTHONDONTWRITEBYTECODE would make
    # every start recompile aiindex and measure the compiler instead.
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def src_env() -> dict[str, str]:
    """The environment of a fresh process that imports this checkout's aiindex first."""
    return {**_env(), "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}


def aiindex_command() -> list[str]:
    """The installed ``aiindex`` script beside this interpreter, else ``python -m aiindex``.

    The script is what a user starts: it skips runpy, which ``-m`` pays for on every start.
    """
    py = sys.executable
    cli = shutil.which("aiindex", path=str(Path(py).parent)) or shutil.which("aiindex")
    return [cli] if cli else [py, "-m", "aiindex"]


def cold(cmd: Sequence[str], runs: int) -> float:
    """Median wall time of ``cmd`` in a fresh process, after one warm-up run."""
    env = _env()
    subprocess.run(cmd, env=env, check=True, capture_output=True)  # warm the OS cache and .pyc
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_many(cmds: Mapping[str, Sequence[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command in fresh processes, the commands run round robin.

    One run of each command a round, after a warm-up round: a burst of load on a shared
    machine then slows every command alike, and ratios between them stay honest.
    """
    env = _env()
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for round_ in range(runs + 1):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, env=env, check=True, capture_output=True)
            if round_:
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}
