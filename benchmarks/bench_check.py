"""Cold-process time of checking the seed article against a cold ``aiindex profile KOR``.

    python benchmarks/bench_check.py [--runs N] [--article PATH]

Both are measured in the same run, as medians of N runs (default 15), each in a fresh
interpreter; the target is a ratio of at most 2x. Child processes may write bytecode, as a
normal installation does.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from _timing import cold


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--article", type=Path, default=None)
    args = p.parse_args(argv)
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed"
    article = args.article or next(seed.glob("*.txt"))
    code = (
        "import aiindex._check as c, pathlib; "
        f"c.check(pathlib.Path({str(article)!r}).read_text(encoding='utf-8'))"
    )
    check_t = cold([sys.executable, "-c", code], args.runs)
    profile_t = cold([sys.executable, "-m", "aiindex", "profile", "KOR"], args.runs)
    ratio = check_t / profile_t
    print(f"check seed article (cold): {check_t * 1000:7.1f} ms  (median of {args.runs})")
    print(f"aiindex profile KOR (cold): {profile_t * 1000:7.1f} ms  (median of {args.runs})")
    print(f"ratio: {ratio:.2f}x  (target <= 2x) {'OK' if ratio <= 2 else 'OVER'}")
    # Confirm the check path stays pint-free.
    probe = code + "; import sys; print('pint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    print(f"pint imported on the check path: {out.stdout.strip()}")


if __name__ == "__main__":
    main()
