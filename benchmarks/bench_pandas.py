"""to_pandas of every shipped indicator vs a DataFrame built from plain lists, same run.

Prints the medians and their ratio (target: at most 2x); no assertions.
Run: python benchmarks/bench_pandas.py
"""

from __future__ import annotations

import statistics
import time

import pandas as pd

from aiindex._present.frames import COLUMNS, source_text, to_pandas
from aiindex._sources.packaged import catalogue, load


def main(repeats: int = 30) -> None:
    inds = [load(i, e) for e, ids in catalogue().items() for i in ids]
    # The baseline gets its lists for free: only the DataFrame construction is timed.
    plain = [
        {
            "indicator": [ind.id] * len(ind.observations),
            "edition": [ind.edition] * len(ind.observations),
            "entity": [o.entity.id for o in ind.observations],
            "entity_name": [o.entity.name for o in ind.observations],
            "entity_kind": [o.entity.kind for o in ind.observations],
            "year": [o.year for o in ind.observations],
            "value": [o.magnitude for o in ind.observations],
            "unit": [o.unit for o in ind.observations],
            "source": [source_text(o) for o in ind.observations],
            "note": [o.note for o in ind.observations],
        }
        for ind in inds
    ]

    def ours() -> None:
        for ind in inds:
            to_pandas(ind)

    def baseline() -> None:
        for cols in plain:
            pd.DataFrame(cols, columns=list(COLUMNS))

    times: dict[str, list[float]] = {"to_pandas": [], "pandas.DataFrame": []}
    for _ in range(repeats):
        for name, fn in (("to_pandas", ours), ("pandas.DataFrame", baseline)):
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    med = {k: statistics.median(v) for k, v in times.items()}
    n = sum(len(i.observations) for i in inds)
    print(f"{len(inds)} indicators, {n} observations, {repeats} runs")
    for k, v in med.items():
        print(f"{k:>18}: {v * 1e3:8.2f} ms (median)")
    print(f"{'ratio':>18}: {med['to_pandas'] / med['pandas.DataFrame']:8.2f}x")


if __name__ == "__main__":
    main()
