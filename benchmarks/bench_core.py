"""Core benchmarks for aiindex, printed as ratios against references measured in the same run.

    python benchmarks/bench_core.py [--runs N] [--skip-million]

1. Cold processes, run round robin, medians of N, against a bare ``python -c pass``: the
   floor of the data path (``import attrs, json``: the records are attrs classes, the data
   JSON); ``import aiindex`` (target: at most 1.5x); loading one indicator; loading every
   indicator of every edition (target: 6x), and from those two the cost of one more indicator
   ((all - one) / (count - 1), target: 0.3 ms); ``aiindex show private_investment``
   (target: 5x) and ``aiindex profile KOR`` (target: 6x).
2. ``aiindex.read_csv`` of 10^5 rows (every ISO country times 400 years) against
   ``pandas.read_csv`` of the same file: time (medians, interleaved, target: 10x) and peak
   memory (each in a fresh process, target: 3x); then 10^6 rows (4016 years), whose time and
   memory per row should be those of 10^5.
3. ``ranking()`` of every year, the year grouping included, against pandas
   ``groupby("year").rank(method="min")``, at 10^5 and 10^6 observations (target: 3x).

Child processes are allowed to write bytecode, as a normal installation does:
PYTHONDONTWRITEBYTECODE would make every start recompile aiindex.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from _timing import aiindex_command, cold_many


def interleaved(fns: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median time of each function, one call of each a round: load hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def synthetic_table(path: Path, years: int) -> None:
    """Every ISO country for ``years`` years, few distinct values (ties are common)."""
    import random

    import pycountry

    rng = random.Random(20240415)
    countries = [c.alpha_3 for c in pycountry.countries]
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["entity", "year", "value"])
        for year in range(2025 - years, 2025):
            for c in countries:
                w.writerow([c, year, rng.randint(0, 400) / 4])


# Run in a fresh process: the peak resident memory of reading one file, above what the process
# held before (imports, and a first small read that builds the entity index, are not counted).
# Linux resets the peak (VmHWM) to the current size on "5" written to /proc/self/clear_refs.
PEAK = """
import json, sys, time
def status(key):
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) * 1024 for l in f if l.startswith(key + ":"))
which, path, small = sys.argv[1:]
if which == "pandas":
    import pandas as pd
    read = pd.read_csv
else:
    import aiindex
    def read(p):
        return aiindex.read_csv(p, id="t", unit="count")
read(small)
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")
before = status("VmRSS")
start = time.perf_counter()
table = read(path)
seconds = time.perf_counter() - start
print(json.dumps({"peak": status("VmHWM") - before, "seconds": seconds}))
"""


def peak(which: str, path: Path, small: Path, runs: int = 3) -> tuple[float, float]:
    """Median peak memory (bytes) and time of reading ``path`` in a fresh process."""
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(PEAK), which, str(path), str(small)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    return (
        statistics.median(r["peak"] for r in results),
        statistics.median(r["seconds"] for r in results),
    )


def line(what: str, value: str, ratio: float | None = None, target: float | None = None) -> None:
    text = f"{what:<42} {value:>12}"
    if ratio is not None:
        text += f"  ratio {ratio:6.2f}x"
    if target is not None:
        ok = "ok" if ratio is not None and ratio <= target else "OVER"
        text += f"  (target <= {target:g}x: {ok})"
    print(text)


def cold_section(runs: int) -> None:
    py = sys.executable
    aiindex_cmd = aiindex_command()
    import aiindex

    count = sum(len(aiindex.indicators(e.edition)) for e in aiindex.editions())
    every = (
        "import aiindex\n"
        "for e in aiindex.editions():\n"
        "    for i in aiindex.indicators(e.edition):\n"
        "        aiindex.indicator(i, edition=e.edition)"
    )
    # "one" lists the editions and indicators as "every" does, then loads one table whose
    # countries include some that entities.toml does not name, so that it also pays the
    # one-time read of pycountry's country list: the difference is the other tables alone.
    one = (
        "import aiindex\n"
        "ids = [aiindex.indicators(e.edition) for e in aiindex.editions()]\n"
        "aiindex.indicator('private_investment', edition=2025)"
    )
    t = cold_many(
        {
            "bare": [py, "-c", "pass"],
            "floor": [py, "-c", "import attrs, json"],
            "import": [py, "-c", "import aiindex"],
            "one": [py, "-c", one],
            "all": [py, "-c", every],
            "show": [*aiindex_cmd, "show", "private_investment"],
            "profile": [*aiindex_cmd, "profile", "KOR"],
        },
        runs,
    )
    bare = t["bare"]
    print(f"cold processes, medians of {runs}, run round robin")
    line("bare interpreter start", f"{bare * 1000:.1f} ms")
    # What loading a table cannot go below while its records are attrs classes.
    line("  floor: import attrs, json", f"{t['floor'] * 1000:.1f} ms", t["floor"] / bare)
    line("import aiindex", f"{t['import'] * 1000:.1f} ms", t["import"] / bare, 1.5)
    line("load one indicator", f"{t['one'] * 1000:.1f} ms", t["one"] / bare)
    line(f"load every indicator ({count})", f"{t['all'] * 1000:.1f} ms", t["all"] / bare, 6)
    per = (t["all"] - t["one"]) / (count - 1)
    line("  one more indicator: (all - one) / (n - 1)", f"{per * 1000:.3f} ms")
    print(f"{'':<42} {'':>12}  (target <= 0.3 ms: {'ok' if per <= 0.0003 else 'OVER'})")
    line("aiindex show private_investment", f"{t['show'] * 1000:.1f} ms", t["show"] / bare, 5)
    line("aiindex profile KOR", f"{t['profile'] * 1000:.1f} ms", t["profile"] / bare, 6)


def csv_section(runs: int, million: bool) -> None:
    import pandas as pd

    import aiindex

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, path, big = folder / "small.csv", folder / "1e5.csv", folder / "1e6.csv"
        synthetic_table(small, 2)
        synthetic_table(path, 400)
        aiindex.read_csv(small, id="t", unit="count")  # imports and the entity index
        pd.read_csv(small)
        t = interleaved(
            {
                "pandas": lambda: pd.read_csv(path),
                "ours": lambda: aiindex.read_csv(path, id="t", unit="count"),
            },
            runs,
        )
        ind = aiindex.read_csv(path, id="t", unit="count")
        n = len(ind.observations)
        print(f"\nread_csv of {n} rows, medians of {runs}, interleaved")
        line("pandas.read_csv", f"{t['pandas'] * 1000:.1f} ms")
        line("aiindex.read_csv", f"{t['ours'] * 1000:.1f} ms", t["ours"] / t["pandas"], 10)
        mem_pd, _ = peak("pandas", path, small)
        mem_ours, _ = peak("aiindex", path, small)
        line("  peak memory, pandas", f"{mem_pd / 2**20:.1f} MiB")
        line("  peak memory, aiindex", f"{mem_ours / 2**20:.1f} MiB", mem_ours / mem_pd, 3)
        line("  aiindex bytes per row", f"{mem_ours / n:.0f} B")
        rank_section(ind, pd.read_csv(path), runs)
        if million:
            synthetic_table(big, 4016)
            mem6_pd, t6_pd = peak("pandas", big, small, runs=1)
            mem6, t6 = peak("aiindex", big, small, runs=1)
            n6 = n * 4016 // 400
            print(f"\nread_csv of {n6} rows, one fresh process each")
            line("pandas.read_csv", f"{t6_pd * 1000:.0f} ms")
            line("aiindex.read_csv", f"{t6 * 1000:.0f} ms", t6 / t6_pd)
            line(
                "  time per row vs 10^5 rows",
                f"{t6 / n6 * 1e6:.2f} us",
                (t6 / n6) / (t["ours"] / n),
            )
            line("  peak memory, pandas", f"{mem6_pd / 2**20:.1f} MiB")
            line("  peak memory, aiindex", f"{mem6 / 2**20:.1f} MiB", mem6 / mem6_pd)
            line("  bytes per row vs 10^5 rows", f"{mem6 / n6:.0f} B", (mem6 / n6) / (mem_ours / n))
            big_ind = aiindex.read_csv(big, id="t", unit="count")
            rank_section(big_ind, pd.read_csv(big), max(3, runs // 4))


def rank_section(ind: object, frame: object, runs: int) -> None:
    years = ind.years  # type: ignore[attr-defined]

    def ours() -> None:
        ind._derived.clear()  # type: ignore[attr-defined]  # the year grouping and the ranks
        for y in years:
            ind.ranking(y)  # type: ignore[attr-defined]

    def rows() -> None:
        ind._derived.clear()  # type: ignore[attr-defined]
        for y in years:
            tuple(ind.ranking(y))  # type: ignore[attr-defined]

    def theirs() -> None:
        frame.groupby("year")["value"].rank(method="min", ascending=False)  # type: ignore[attr-defined]

    t = interleaved({"pandas": theirs, "ours": ours, "rows": rows}, runs)
    n = len(ind._columns)  # type: ignore[attr-defined]
    print(f"ranking() of {len(years)} years, {n} observations, medians of {runs}")
    line("pandas groupby rank", f"{t['pandas'] * 1000:.1f} ms")
    line(
        "ranking(), year grouping included",
        f"{t['ours'] * 1000:.1f} ms",
        t["ours"] / t["pandas"],
        3,
    )
    line("  ... and every Ranked row made", f"{t['rows'] * 1000:.1f} ms", t["rows"] / t["pandas"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--skip-million", action="store_true", help="no 10^6-row table")
    args = parser.parse_args()
    cold_section(args.runs)
    csv_section(max(5, args.runs // 3), not args.skip_million)


if __name__ == "__main__":
    main()
