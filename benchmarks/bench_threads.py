"""Threads against a cold import: mixed calls from many threads agree with one thread.

    python benchmarks/bench_threads.py [--threads 64] [--calls 1000] [--switch-interval S]

Each of ``--threads`` threads makes ``--calls`` calls drawn (seeded) from a fixed mix of
`aiindex.convert` (dates across the whole ECB history, and yearly means), `aiindex.indicator`
(every shipped indicator and edition), ``Indicator.rank`` and `aiindex.check`, all starting
together in a fresh process that has imported aiindex and loaded nothing: every lazy one-time
load (the rate history, the pint registry, the entities, each indicator) is first asked for
by many threads at once. A second fresh process makes each distinct call once, in one thread.

Prints the number of errors (a call whose outcome differs from the single thread's, or that
raised anything but the AIIndexError the single thread raised too), the number of distinct
`Indicator` objects seen for any one (id, edition) (must be 1), and the timings.
``--json`` prints the same as JSON (tests/test_threads.py runs a small version).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from typing import Any

from _timing import src_env

TEXTS = (
    "미국은 AI 민간 투자 1위였다.",
    "The United States led private investment in AI with $109.1 billion in 2024.",
    "한국의 AI 민간 투자는 13.9억 달러로 9위였다.",
    "Korea ranked 1st in AI patents per capita, AI Index 2024 said.",
)
PAIRS = (("USD", "KRW"), ("EUR", "USD"), ("JPY", "KRW"), ("USD", "CNY"), ("GBP", "EUR"))


def specs() -> list[tuple[Any, ...]]:
    """The distinct calls, in a fixed order: (kind, arguments ...)."""
    import datetime as dt

    from aiindex._sources.packaged import catalogue

    out: list[tuple[Any, ...]] = []
    day = dt.date(1999, 1, 4)
    i = 0
    while day < dt.date(2025, 7, 1):  # a date every 61 days, each pair in turn
        src, dst = PAIRS[i % len(PAIRS)]
        out.append(("convert", 191.4e6, src, dst, day.isoformat()))
        day += dt.timedelta(days=61)
        i += 1
    out += [
        ("convert", 1e9, src, dst, year) for year in (2000, 2010, 2020, 2024) for src, dst in PAIRS
    ]
    for edition, ids in catalogue().items():
        for ind_id in ids:
            out.append(("indicator", ind_id, edition))
            out += [("rank", ind_id, edition, e) for e in ("KOR", "USA", "CHN")]
    out += [("check", text) for text in TEXTS]
    return out


def outcome(spec: tuple[Any, ...], seen: dict[tuple[str, int], set[int]] | None = None) -> str:
    """What one call gives, as text: its value, or the error it raised."""
    import aiindex

    kind, *args = spec
    try:
        if kind == "convert":
            amount, src, dst, on = args
            q = aiindex.convert(aiindex.Quantity(amount, src), dst, on=on)
            return repr(float(q.magnitude))
        if kind == "indicator":
            ind = aiindex.indicator(args[0], edition=args[1])
            if seen is not None:
                seen.setdefault((args[0], args[1]), set()).add(id(ind))
            return f"{ind.id} {ind.edition} {len(ind.observations)}"
        if kind == "rank":
            return repr(aiindex.indicator(args[0], edition=args[1]).rank(args[2]))
        report = aiindex.check(args[0])
        return repr([(c.kind, c.grade, c.indicator, c.entity) for c in report.claims])
    except aiindex.AIIndexError as exc:
        return f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # counted as an error: the single thread raises none of these
        return f"!{type(exc).__name__}: {exc}"


def single() -> dict[str, Any]:
    """Each distinct call once, in one thread, from a cold import."""
    start = time.perf_counter()
    results = [outcome(spec) for spec in specs()]
    return {"outcomes": results, "seconds": time.perf_counter() - start}


def threaded(threads: int, calls: int, seed: int, switch: float | None) -> dict[str, Any]:
    """``threads`` threads of ``calls`` calls each, started together from a cold import."""
    import random
    import threading

    import aiindex  # the facade only: nothing is loaded yet

    assert aiindex.__name__ == "aiindex"
    if switch is not None:
        sys.setswitchinterval(switch)
    # The specs need the catalogue: read it (one small file) before the threads start, and
    # forget it, so that the threads meet that load cold too.
    from aiindex._io import files

    all_specs = specs()
    files.catalogue.cache_clear()
    barrier = threading.Barrier(threads)
    counts: list[Counter[tuple[int, str]]] = [Counter() for _ in range(threads)]
    seen: list[dict[tuple[str, int], set[int]]] = [{} for _ in range(threads)]

    def work(t: int) -> None:
        rng = random.Random(seed * 1000 + t)
        picks = [rng.randrange(len(all_specs)) for _ in range(calls)]
        barrier.wait()
        for k in picks:
            counts[t][(k, outcome(all_specs[k], seen[t]))] += 1

    pool = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    start = time.perf_counter()
    for th in pool:
        th.start()
    for th in pool:
        th.join()
    seconds = time.perf_counter() - start
    total: Counter[tuple[int, str]] = Counter()
    for c in counts:
        total.update(c)
    objects: dict[str, set[int]] = {}
    for s in seen:
        for (ind_id, edition), ids in s.items():
            objects.setdefault(f"{ind_id} {edition}", set()).update(ids)
    # The object every thread saw must be the one a later call returns too.
    later = {
        key: id(aiindex.indicator(key.split()[0], edition=int(key.split()[1]))) for key in objects
    }
    return {
        "outcomes": [[k, text, n] for (k, text), n in total.items()],
        "distinct_objects": max((len(v) for v in objects.values()), default=0),
        "same_later": all(objects[key] == {later[key]} for key in objects),
        "seconds": seconds,
    }


def fresh(args: list[str]) -> dict[str, Any]:
    """This script's worker run in a fresh interpreter; its JSON result."""
    env = src_env()
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"worker {args} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def compare(threads: int, calls: int, seed: int, switch: float | None) -> dict[str, Any]:
    reference = fresh(["--worker", "single"])
    run = fresh(
        [
            "--worker",
            "threads",
            "--threads",
            str(threads),
            "--calls",
            str(calls),
            "--seed",
            str(seed),
        ]
        + (["--switch-interval", repr(switch)] if switch is not None else [])
    )
    expected = reference["outcomes"]
    errors = sum(n for k, text, n in run["outcomes"] if text != expected[k])
    examples = [[k, text, expected[k]] for k, text, _ in run["outcomes"] if text != expected[k]]
    return {
        "threads": threads,
        "calls": threads * calls,
        "errors": errors,
        "error_examples": examples[:5],
        "expected_errors": sum(1 for text in expected if not text[:1].isdigit() and ":" in text),
        "distinct_objects": run["distinct_objects"],
        "same_later": run["same_later"],
        "seconds_threads": run["seconds"],
        "seconds_single": reference["seconds"],
        "distinct_calls": len(expected),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--threads", type=int, default=64)
    parser.add_argument("--calls", type=int, default=1000, help="calls per thread")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--switch-interval", type=float, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", choices=("single", "threads"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "single":
        print(json.dumps(single()))
        return
    if args.worker == "threads":
        print(json.dumps(threaded(args.threads, args.calls, args.seed, args.switch_interval)))
        return
    result = compare(args.threads, args.calls, args.seed, args.switch_interval)
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{result['threads']} threads x {args.calls} calls ({result['calls']:,} calls of "
        f"{result['distinct_calls']} distinct ones), cold import"
        + (f", switch interval {args.switch_interval:g} s" if args.switch_interval else "")
    )
    print(f"errors:                      {result['errors']}")
    for example in result["error_examples"]:
        print(f"  call {example[0]}: {example[1]!r}, one thread gave {example[2]!r}")
    print(
        f"distinct objects per (id, edition): {result['distinct_objects']} (same later: "
        f"{result['same_later']})"
    )
    print(f"threads:                     {result['seconds_threads']:8.2f} s")
    print(f"one thread, each call once:  {result['seconds_single']:8.2f} s")


if __name__ == "__main__":
    main()
