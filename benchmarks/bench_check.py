"""The claim checker measured: its grades on the evaluation corpus, its time on long and
hostile inputs, and its cold start against ``aiindex profile KOR``.

    python benchmarks/bench_check.py [--runs N] [--article PATH] [--sizes 10000,100000,1000000]
                                     [--skip-cold] [--skip-time]

1. The confusion matrix of ``tests/check/corpus`` (expected grade x given grade), with the
   measures the tests hold the checker to: precision of "contradicted" 100%, at least 90% of
   planted errors caught, at least 85% of faithful claims supported.
2. Seconds per MB of text at each size, for prose (the corpus, its digits shuffled so no
   sentence repeats) on one line and on many, and for the shapes that once took quadratic
   time: 40 k of "1" made 18.7 s, of "x. " 25.8 s; 100 k of "억", "만" or "a" 17-28 s; and
   the entity names run together, each word the start of a name (the registry grew to some
   1,900 names with the models of the whole report). Time grows linearly when seconds per MB
   stay flat across sizes. Each row also gives the ratio
   to a linear reference run on the same text in the same run (one ``re.findall(r"\\w+")``
   pass), so a loaded machine shows as a slower reference, not as a slower checker.
   CPU seconds (``time.process_time``) are printed beside wall seconds: on a shared machine
   the wall clock counts other processes' time too.
3. Cold-process time of checking the seed article against a cold ``aiindex profile KOR``
   (medians of N fresh interpreters, default 15; target at most 2x), where the seed article
   lies in ../shared/seed/.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from _timing import cold

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "check" / "corpus"


def confusion() -> None:
    from aiindex._check.evaluate import evaluate, read_corpus

    articles = read_corpus(CORPUS)
    started = time.perf_counter()
    result = evaluate(articles)
    took = time.perf_counter() - started
    langs = {a.lang for a in articles}
    print(
        f"corpus: {len(articles)} articles ({', '.join(sorted(langs))}), "
        f"{len(result.outcomes)} annotated claims, checked in {took:.2f} s"
    )
    print(result.table())


def _prose(size: int, *, one_line: bool) -> str:
    """``size`` characters of the corpus's articles, each copy with the digits of its figures
    shuffled (a fixed seed) so that no sentence repeats and no cache helps; years (and so the
    editions named) are kept."""
    rng = random.Random(20260416)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))

    def shuffled(m: re.Match[str]) -> str:
        if re.fullmatch(r"(?:19|20)\d\d", m.group()):
            return m.group()
        return "".join(str(rng.randrange(10)) if c.isdigit() else c for c in m.group())

    out: list[str] = []
    total = 0
    while total < size:
        copy = re.sub(r"\d[\d.,]*", shuffled, text)
        out.append(copy)
        total += len(copy) + 1
    joined = "\n".join(out)[:size]
    return joined.replace("\n", " ") if one_line else joined


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _names(size: int) -> str:
    """``size`` characters of the entity names the checker looks for (some 1,900, 800 of them
    models), shuffled (a fixed seed), half of them with their spaces left out
    ("Gemini3Pro"), twenty to a sentence: every word starts a name, the worst case of the
    name matcher."""
    from aiindex._check.entities import _names as registry

    rng = random.Random(20260416)
    names = sorted(registry())
    out: list[str] = []
    total = 0
    while total < size:
        rng.shuffle(names)
        for i, name in enumerate(names):
            word = name.replace(" ", "") if rng.random() < 0.5 else name
            word += "." if i % 20 == 19 else ""
            out.append(word)
            total += len(word) + 1
    return " ".join(out)[:size]


SHAPES: dict[str, Callable[[int], str]] = {
    "prose, one line": lambda n: _prose(n, one_line=True),
    "prose, lines": lambda n: _prose(n, one_line=False),
    '"1"': _repeat("1"),
    '"x. "': _repeat("x. "),
    '"억"': _repeat("억"),
    '"만"': _repeat("만"),
    '"a"': _repeat("a"),
    "entity names": _names,
}


def timing(sizes: Sequence[int]) -> None:
    from aiindex._check import check

    check("warm up: AI Index 2026, South Korea $1.8 billion.")
    head = f"{'shape':17}" + "".join(f"{f'{n:,} chars':>34}" for n in sizes)
    print(head)
    print(f"{'':17}" + "".join(f"{'s/MB wall  s/MB cpu  x ref':>34}" for _ in sizes))
    worst_mb: list[tuple[str, float]] = []
    for name, make in SHAPES.items():
        cells = []
        for n in sizes:
            text = make(n)
            ref_start = time.perf_counter()
            re.findall(r"\w+", text)
            ref = max(time.perf_counter() - ref_start, 1e-6)
            wall_start, cpu_start = time.perf_counter(), time.process_time()
            check(text, edition=2026)
            wall = time.perf_counter() - wall_start
            cpu = time.process_time() - cpu_start
            mb = n / 1e6
            cells.append(f"{wall / mb:9.2f} {cpu / mb:9.2f} {wall / ref:9.0f}")
            if n >= 1_000_000:
                worst_mb.append((name, wall))
        print(f"{name:17}" + "".join(f"{c:>34}" for c in cells))
    if worst_mb:
        name, wall = max(worst_mb, key=lambda p: p[1])
        print(f"slowest 1 MB input: {name}, {wall:.2f} s wall (target < 5 s)")


def cold_start(runs: int, article: Path | None) -> None:
    seed = ROOT.parent / "shared" / "seed"
    found = article or next(seed.glob("*.txt"), None)
    if found is None:
        print("cold start: skipped (no seed article in ../shared/seed/ and no --article)")
        return
    code = (
        "import aiindex._check as c, pathlib; "
        f"c.check(pathlib.Path({str(found)!r}).read_text(encoding='utf-8'))"
    )
    check_t = cold([sys.executable, "-c", code], runs)
    profile_t = cold([sys.executable, "-m", "aiindex", "profile", "KOR"], runs)
    ratio = check_t / profile_t
    print(f"check seed article (cold): {check_t * 1000:7.1f} ms  (median of {runs})")
    print(f"aiindex profile KOR (cold): {profile_t * 1000:7.1f} ms  (median of {runs})")
    print(f"ratio: {ratio:.2f}x  (target <= 2x) {'OK' if ratio <= 2 else 'OVER'}")
    # Confirm the check path stays pint-free.
    probe = code + "; import sys; print('pint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    print(f"pint imported on the check path: {out.stdout.strip()}")


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--article", type=Path, default=None)
    p.add_argument("--sizes", default="10000,100000,1000000")
    p.add_argument("--skip-cold", action="store_true")
    p.add_argument("--skip-time", action="store_true")
    args = p.parse_args(argv)
    confusion()
    if not args.skip_time:
        print()
        timing([int(s) for s in args.sizes.split(",")])
    if not args.skip_cold:
        print()
        cold_start(args.runs, args.article)


if __name__ == "__main__":
    main()
