"""Cold-process timings of the public-data figures, as ratios to a bare interpreter start.

    python benchmarks/bench_figures.py [--runs N]

1. ``figures()``: import ``aiindex._sources.figures`` and list the newest edition's figures
   (reads the packaged index), and the command ``aiindex figures`` (target: at most 5x a bare
   ``python -c pass``).
2. ``figure('4.2.8')`` and ``aiindex figure 4.2.8`` (target: 5x), and the figure with its typed
   rows: one file read and parsed.
3. Every figure of both editions with its typed rows: 647 files read and parsed (target: 25x).

Each is the median of N fresh processes, run in turn with the bare start in the same run. The
floors printed first are what the figures path cannot go below: importing attrs (the records
are attrs classes) and json, and nothing of aiindex; for the commands, argparse too.
"""

from __future__ import annotations

import argparse
import statistics
import sys

from _timing import aiindex_command, cold

LIST = "import aiindex._sources.figures as f; f.figures()"
ONE = "import aiindex._sources.figures as f; f.figure('4.2.8')"
ROWS = "import aiindex._sources.figures as f; f.figure('4.2.8').rows"
EVERY = (
    "import aiindex._sources.figures as f\n"
    "for e in (2025, 2026):\n"
    "    for g in f.figures(e):\n"
    "        g.rows\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    py = sys.executable
    command = aiindex_command()

    commands: dict[str, tuple[list[str], float | None]] = {
        "bare interpreter start": ([py, "-c", "pass"], None),
        "floor: attrs, json": ([py, "-c", "import attrs, json"], None),
        "floor: attrs, argparse, json": ([py, "-c", "import attrs, argparse, json"], None),
        "figures()": ([py, "-c", LIST], 5),
        "aiindex figures": ([*command, "figures"], 5),
        "figure('4.2.8')": ([py, "-c", ONE], 5),
        "aiindex figure 4.2.8": ([*command, "figure", "4.2.8"], 5),
        "figure('4.2.8').rows": ([py, "-c", ROWS], None),
        "every figure of 2025 and 2026": ([py, "-c", EVERY], 25),
    }
    # Round robin, one cold run of each command a round: a burst of load on the shared machine
    # then slows every command alike instead of skewing the ratios.
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, (cmd, _target) in commands.items():
            times[name].append(cold(cmd, 1))
    bare = statistics.median(times["bare interpreter start"])
    print(f"median of {args.runs} cold runs each, interleaved")
    for name, (_cmd, target) in commands.items():
        seconds = statistics.median(times[name])
        goal = f" (target <= {target}x)" if target else ""
        print(f"{name:<31} {seconds * 1000:8.1f} ms  ratio {seconds / bare:5.2f}x{goal}")


if __name__ == "__main__":
    main()
