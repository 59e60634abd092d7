"""Benchmarks of the money layer; prints medians and ratios measured in the same run.

    python benchmarks/bench_money.py

1. Cold process: one conversion of 191.4e6 USD to KRW on 2024-04-16 via aiindex vs via
   currencyconverter's CurrencyConverter (which parses the whole history), each run as a fresh
   ``python -c`` (interleaved, median of REPEATS). Budget: aiindex <= 0.8x.
2. Warm: 10^6 amounts on 10^6 random dates via aiindex.convert vs a plain numpy baseline
   (np.searchsorted on the fixing dates, then a multiply). Budget: <= 3x.
No assertions: the figures are for people to read.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPEATS = 15
SRC = Path(__file__).resolve().parents[1] / "src"

AIINDEX = """
from aiindex._model.units import quantity
from aiindex._money.rates import convert
convert(quantity(191.4e6, "USD"), "KRW", on="2024-04-16")
"""
PINT_ONLY = """
from aiindex._model.units import quantity
quantity(191.4e6, "USD")
"""
CURRENCYCONVERTER = """
import datetime
from currency_converter import CurrencyConverter
CurrencyConverter().convert(191.4e6, "USD", "KRW", date=datetime.date(2024, 4, 16))
"""


def cold() -> None:
    # Bytecode may be written, as in a normal installation; PYTHONDONTWRITEBYTECODE would make
    # every start recompile aiindex and measure the compiler instead.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(SRC)
    py = sys.executable
    commands = {
        "aiindex convert (CLI)": [
            py,
            "-m",
            "aiindex",
            "convert",
            "191.4e6",
            "USD",
            "KRW",
            "--on",
            "2024-04-16",
        ],
        "aiindex.convert (API)": [py, "-c", AIINDEX],
        "currencyconverter": [py, "-c", CURRENCYCONVERTER],
        "pint+registry only": [py, "-c", PINT_ONLY],
    }
    for argv in commands.values():  # warm the .pyc and the page cache
        subprocess.run(argv, check=True, env=env, capture_output=True)
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(REPEATS):
        for name, argv in commands.items():
            t = time.perf_counter()
            subprocess.run(argv, check=True, env=env, capture_output=True)
            times[name].append(time.perf_counter() - t)
    med = {k: statistics.median(v) for k, v in times.items()}
    base = med["currencyconverter"]
    print(f"cold process, median of {REPEATS} (target: the CLI at most 0.8x currencyconverter):")
    for name, m in med.items():
        print(f"  {name:22s} {m * 1000:8.1f} ms   ratio to currencyconverter {m / base:.3f}")


def warm() -> None:
    sys.path.insert(0, str(SRC))
    import numpy as np

    from aiindex._model.units import quantity
    from aiindex._money.rates import _history, _pair, _table, convert

    n = 10**6
    rng = np.random.default_rng(0)
    days_all, values = _table()
    lo, hi = int(days_all[0]), int(days_all[-1])
    on = rng.integers(lo + 7, hi + 1, n).astype("datetime64[D]")
    amounts = rng.uniform(1, 1e9, n)
    q = quantity(amounts, "USD")
    # Build the cached columns outside the timing, as a long-running process would have them.
    convert(quantity(amounts[:10], "USD"), "KRW", on=on[:10])

    column = _history().column
    usd, krw = values[:, column["USD"] - 1], values[:, column["KRW"] - 1]
    factor = krw / usd
    on_int = on.astype(np.int64)

    def baseline() -> object:
        idx = np.searchsorted(days_all, on_int, side="right") - 1
        return amounts * factor[idx]

    def ours() -> object:
        return convert(q, "KRW", on=on)

    def timed(f: object, k: int = 7) -> float:
        out = []
        for _ in range(k):
            t = time.perf_counter()
            f()  # type: ignore[operator]
            out.append(time.perf_counter() - t)
        return statistics.median(out)

    assert _pair("USD", "KRW")[0].size > 0
    b, o = timed(baseline), timed(ours)
    print("10^6 conversions on random dates, median of 7:")
    print(f"  numpy baseline          {b * 1000:8.1f} ms")
    print(f"  aiindex.convert         {o * 1000:8.1f} ms   ratio to baseline {o / b:.2f}")


if __name__ == "__main__":
    cold()
    warm()
