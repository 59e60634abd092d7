"""Composite.uncertainty(1000) over 40 countries x 20 indicators (target: under a second).

Random tables (seeded) of 40 countries and 20 indicators, a few values missing, skipped. Times,
in the same run: one `composite()` call; `uncertainty(1000)`, every draw in numpy at once; and,
for reference, the same draws made one `composite()` call at a time (timed over 100 draws,
per draw). Also `uncertainty(1000)` of the starter pillars on the shipped 2026 data. Prints
medians and ratios; no assertions.
Run: python benchmarks/bench_composite.py
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

import aiindex

COUNTRIES = 40
INDICATORS = 20
DRAWS = 1000


def synthetic() -> dict[aiindex.Indicator, float]:
    rng = random.Random(2026)
    # Forty real countries: those of a complete 2026 table, in its order.
    entities = [r.entity for r in aiindex.indicator("ai_diffusion_h2", edition=2026).ranking()]
    entities = entities[:COUNTRIES]
    source = aiindex.Source("benchmark", None, "synthetic")
    weights = {}
    for j in range(INDICATORS):
        obs = []
        for e in entities:
            if rng.random() < 0.05:  # about one value in twenty missing
                continue
            v = round(rng.lognormvariate(0, 1), 3)
            obs.append(aiindex.Observation(e, 2025, v, "count", repr(v), "count", source))
        ind = aiindex.Indicator(
            f"x{j}",
            f"x{j}",
            None,
            "count",
            "count",
            "country",
            rng.random() > 0.2,  # a few lower-is-better tables
            source,
            observations=obs,
            coverage=(aiindex.Coverage(2025, "complete"),),
        )
        weights[ind] = float(rng.randint(1, 5))
    return weights


def median_time(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(repeats: int = 15) -> None:
    weights = synthetic()
    result = aiindex.composite(weights, missing="skip")
    assert len(result.rows) == COUNTRIES and len(result.parts) == INDICATORS
    one = median_time(lambda: aiindex.composite(weights, missing="skip"), repeats)
    vectorised = median_time(lambda: result.uncertainty(DRAWS, seed=1), repeats)

    unc = result.uncertainty(100, seed=1)
    inds = [p.indicator for p in result.parts]
    countries = [r.entity for r in result.rows]

    # The mappings are built before the clock starts: hashing an Indicator key is not the
    # work being compared.
    drawn = zip(unc.weights, unc.drawn, strict=True)
    mappings = [(dict(zip(inds, w, strict=True)), how) for w, how in drawn]

    def one_at_a_time() -> None:
        for mapping, how in mappings:
            aiindex.composite(mapping, countries=countries, missing="skip", normalize=how)

    looped = median_time(one_at_a_time, 3) / 100 * DRAWS

    starter = aiindex.composite(aiindex.pillars(), missing="impute")
    shipped = median_time(lambda: starter.uncertainty(DRAWS, seed=1), repeats)

    print(f"{COUNTRIES} countries x {INDICATORS} indicators, {DRAWS} draws, {repeats} runs")
    print(f"{'composite() once':>34}: {one * 1e3:9.2f} ms")
    print(f"{'uncertainty(1000), numpy':>34}: {vectorised * 1e3:9.2f} ms (target < 1000 ms)")
    print(f"{'1000 composite() calls (from 100)':>34}: {looped * 1e3:9.2f} ms")
    print(f"{'ratio loop / numpy':>34}: {looped / vectorised:9.1f}x")
    print(f"{'uncertainty(1000) / composite()':>34}: {vectorised / one:9.1f}x")
    print(
        f"{'starter pillars, uncertainty(1000)':>34}: {shipped * 1e3:9.2f} ms "
        f"({len(starter.rows)} countries x {len(starter.parts)} indicators)"
    )


if __name__ == "__main__":
    main()
