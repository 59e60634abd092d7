"""Core benchmarks for aiindex, printed as ratios against references measured in the same run.

    python benchmarks/bench_core.py [--runs N]

1. ``python -c "import aiindex"`` against a bare ``python -c pass`` (target: at most 3x).
2. ``aiindex show private_investment`` in a cold process against the bare start (target: 6x),
   and a cold process loading and structuring every indicator of every edition (target: 4x).
3. ``ranking()`` of every year of a synthetic table of 10^5 observations (every ISO country
   times 400 years) against pandas ``groupby("year").rank(method="min")`` (target: 3x).

Cold-process timings are medians of N runs. Child processes are allowed to write bytecode, as
a normal installation does: PYTHONDONTWRITEBYTECODE would make every start recompile aiindex.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _timing import cold


def best(fn: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic_table(path: Path) -> None:
    import random

    import pycountry

    rng = random.Random(20240415)
    countries = [c.alpha_3 for c in pycountry.countries]
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["entity", "year", "value"])
        for year in range(1625, 2025):
            for c in countries:
                # Few distinct values, so that ties are common.
                w.writerow([c, year, rng.randint(0, 400) / 4])


def report(what: str, seconds: float, reference: float, target: float | None = None) -> None:
    goal = f"  (target <= {target:g}x)" if target is not None else ""
    print(f"{what:<29} {seconds * 1000:8.1f} ms  ratio {seconds / reference:5.2f}x{goal}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    py = sys.executable
    cli = shutil.which("aiindex", path=str(Path(py).parent)) or shutil.which("aiindex")
    show = [cli] if cli else [py, "-m", "aiindex"]
    show += ["show", "private_investment"]

    bare = cold([py, "-c", "pass"], args.runs)
    imp = cold([py, "-c", "import aiindex"], args.runs)
    shw = cold(show, args.runs)
    print(f"bare interpreter start        {bare * 1000:8.1f} ms")
    # What `show` cannot go below while it structures data files with cattrs into attrs
    # classes: importing the stack it needs, and nothing of aiindex.
    floor = cold(
        [py, "-c", "import argparse, attrs, cattrs, tomllib, importlib.resources"], args.runs
    )
    every = (
        "import aiindex\n"
        "for e in aiindex.editions():\n"
        "    for i in aiindex.indicators(e.edition):\n"
        "        aiindex.indicator(i, edition=e.edition)"
    )
    load_all = cold([py, "-c", every], args.runs)
    report("import aiindex", imp, bare, 3)
    report("aiindex show private_invest.", shw, bare, 6)
    report("  floor: import its stack", floor, bare)
    report("load every edition's tables", load_all, bare, 4)

    import pandas as pd

    import aiindex

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.csv"
        synthetic_table(path)
        t0 = time.perf_counter()
        ind = aiindex.read_csv(path, id="synthetic", unit="count")
        load = time.perf_counter() - t0
        frame = pd.read_csv(path)
    n = len(ind.observations)
    years = ind.years

    def ours() -> None:
        ind._rankings.clear()  # measure the ranking, not its cache
        for y in years:
            ind.ranking(y)

    def ours_cold() -> None:
        ind._rankings.clear()
        ind._index.clear()  # and the per-year grouping, which pandas' groupby also does
        for y in years:
            ind.ranking(y)

    def ours_rows() -> None:
        ind._rankings.clear()
        for y in years:
            tuple(ind.ranking(y))

    def theirs() -> None:
        frame.groupby("year")["value"].rank(method="min", ascending=False)

    t_ours, t_cold, t_rows, t_pd = best(ours), best(ours_cold), best(ours_rows), best(theirs)
    print(f"read_csv of {n} observations  {load * 1000:8.1f} ms  (not a target)")
    print(f"pandas groupby rank           {t_pd * 1000:8.1f} ms")
    report(f"ranking() of {len(years)} years", t_ours, t_pd, 3)
    report("  ... with the year grouping", t_cold, t_pd)
    report("  ... and every Ranked row", t_rows, t_pd)


if __name__ == "__main__":
    main()
