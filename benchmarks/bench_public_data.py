"""Reading every AI Index public-data figure file with aiindex against pandas, in one run.

    python benchmarks/bench_public_data.py [--runs N] [--public-data PATH]

Times `read_public_data` on the 2025 and 2024 folders (45 + 2 files: mapped files become
indicators, the rest are listed) against ``pandas.read_csv`` of the same files, and prints
both medians and the ratio (target: at most 2x). The first aiindex run, which builds the
entity index, is a warm-up and not counted: a session reads the entities once.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO / "reference" / "public-data"


def median_times(
    a: Callable[[], object], b: Callable[[], object], runs: int
) -> tuple[float, float]:
    # Interleaved, so that a burst of load on the machine hits both sides alike.
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for fn, out in ((a, times[0]), (b, times[1])):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--public-data", type=Path, default=DEFAULT)
    args = parser.parse_args()

    import pandas as pd

    from aiindex._sources.public_data import read_public_data

    folders = {ed: args.public_data / str(ed) for ed in (2025, 2024)}
    files = sorted(p for folder in folders.values() for p in folder.rglob("fig_*.csv"))

    def ours() -> None:
        for edition, folder in folders.items():
            read_public_data(folder, edition=edition)

    def theirs() -> None:
        for path in files:
            pd.read_csv(path)

    ours()
    theirs()
    t_ours, t_pandas = median_times(ours, theirs, args.runs)
    print(f"{len(files)} figure files, median of {args.runs} runs")
    print(f"aiindex read_public_data: {t_ours * 1e3:8.2f} ms")
    print(f"pandas.read_csv:          {t_pandas * 1e3:8.2f} ms")
    print(f"ratio:                    {t_ours / t_pandas:8.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
