"""Reading tables with aiindex against references in the same run: public data, user CSVs.

    python benchmarks/bench_public_data.py [--runs N] [--public-data PATH] [--rows N]

1. `read_public_data` on the 2025 and 2026 releases (the mapped files become indicators, the
   rest are listed unread) against ``pandas.read_csv`` of the mapped files (target: at most
   2x). The first aiindex run, which builds the entity index, is a warm-up and not counted: a
   session reads the entities once.
2. `read_csv` of ``--rows`` (10^5) rows of distinct model names against the same file with
   country names (each country on many rows, the years distinct): the cost of a new name
   against a name met before (target: at most 2x).
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
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()

    import pandas as pd

    from aiindex._sources.public_data import mappings, read_public_data

    folders = {ed: args.public_data / f"{ed}-full" for ed in (2025, 2026)}
    files = sorted(
        (p, mappings().figures[ed, p.name][0].encoding)
        for ed, folder in folders.items()
        for p in folder.rglob("fig_*.csv")
        if (ed, p.name) in mappings().figures
    )

    def ours() -> None:
        for edition, folder in folders.items():
            read_public_data(folder, edition=edition)

    def theirs() -> None:
        for path, encoding in files:
            pd.read_csv(path, encoding=encoding)

    ours()
    theirs()
    t_ours, t_pandas = median_times(ours, theirs, args.runs)
    print(f"{len(files)} figure files, median of {args.runs} runs")
    print(f"aiindex read_public_data: {t_ours * 1e3:8.2f} ms")
    print(f"pandas.read_csv:          {t_pandas * 1e3:8.2f} ms")
    print(f"ratio:                    {t_ours / t_pandas:8.2f}x (target <= 2x)")
    user_tables(args.rows, args.runs)


def user_tables(rows: int, runs: int) -> None:
    import tempfile

    import aiindex
    from aiindex._reference.entities import country_codes

    folder = Path(tempfile.mkdtemp())
    models, countries = folder / "models.csv", folder / "countries.csv"
    codes = sorted(country_codes())
    with open(models, "w", encoding="utf-8") as f:
        f.write("entity,year,value\n")
        f.writelines(f"Model {i:07d} v{i % 7},2024,{i % 997}.5\n" for i in range(rows))
    with open(countries, "w", encoding="utf-8") as f:
        f.write("entity,year,value\n")
        f.writelines(
            f"{codes[i % len(codes)]},{1000 + i // len(codes)},{i % 997}.5\n" for i in range(rows)
        )

    def ours() -> None:
        aiindex.read_csv(models, id="m", unit="count", entity_kind="model")

    def theirs() -> None:
        aiindex.read_csv(countries, id="c", unit="count")

    ours()
    theirs()
    t_models, t_countries = median_times(ours, theirs, max(3, runs // 3))
    print(f"\nread_csv, {rows:,} rows, median of {max(3, runs // 3)} runs")
    print(f"distinct model names:     {t_models * 1e3:8.2f} ms")
    print(f"country names:            {t_countries * 1e3:8.2f} ms")
    print(f"ratio:                    {t_models / t_countries:8.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
