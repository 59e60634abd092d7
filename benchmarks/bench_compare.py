"""The cold cost of ``aiindex compare``, as ratios to a bare interpreter start in the same run.

    python benchmarks/bench_compare.py [--runs N]

Cold processes, run round robin, medians of N: a bare ``python -c pass``; ``aiindex compare``
of five countries over every edition of private_investment (target: at most 6x the bare
start); the same in Korean; and, for reference, ``aiindex show private_investment`` and
``aiindex profile KOR`` (bench_core.py's targets: 5x and 6x). Prints ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys

from _timing import aiindex_command, cold_many

FIVE = ["KOR", "JPN", "USA", "CHN", "DEU"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()
    py = sys.executable
    aiindex = aiindex_command()
    compare = [*aiindex, "compare", *FIVE, "--indicator", "private_investment"]
    t = cold_many(
        {
            "bare": [py, "-c", "pass"],
            "compare": compare,
            "compare_ko": [*compare, "--lang", "ko"],
            "show": [*aiindex, "show", "private_investment"],
            "profile": [*aiindex, "profile", "KOR"],
        },
        args.runs,
    )
    bare = t["bare"]
    print(f"cold processes, medians of {args.runs}, run round robin")
    print(f"{'bare interpreter start':<52} {bare * 1000:7.1f} ms")
    for name, what, target in (
        ("compare", "aiindex compare (5 countries, every edition)", 6.0),
        ("compare_ko", "  the same, --lang ko", 6.0),
        ("show", "aiindex show private_investment", 5.0),
        ("profile", "aiindex profile KOR", 6.0),
    ):
        ratio = t[name] / bare
        ok = "ok" if ratio <= target else "OVER"
        took = f"{t[name] * 1000:7.1f} ms"
        print(f"{what:<52} {took}  ratio {ratio:5.2f}x  (target <= {target:g}x: {ok})")


if __name__ == "__main__":
    main()
