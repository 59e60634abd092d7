"""Validate the packaged data and write its compiled form, ``src/aiindex/data/compiled/``.

Input: the source files under ``src/aiindex/data/`` (``<edition>/<id>.json``, written by the
build scripts, and the hand-written ``entities.toml`` and ``editions.toml``), as the installed
aiindex package finds them. Every file is validated (the same `DataError` as the loader gave
before the data was compiled: file, record and field); aiindex then reads only the compiled
JSON at run time, with the json C parser and no cattrs or tomllib.

Run ``python scripts/compile_data.py`` after changing any of those files, and commit the
result; ``tests/sources/test_compiled.py`` fails while the compiled files are stale.
``--out DIR`` writes elsewhere; ``--check`` writes nothing and exits 1 if a file would change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aiindex._sources.compile import compile_all, write
from aiindex.exceptions import DataError

OUT = Path(__file__).resolve().parents[1] / "src" / "aiindex" / "data" / "compiled"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder to write (default {OUT})")
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args()
    try:
        if args.check:
            files = compile_all()
            stale = [
                name
                for name, text in files.items()
                if not (args.out / name).exists()
                or (args.out / name).read_text(encoding="utf-8") != text
            ]
            extra = [
                p.relative_to(args.out).as_posix()
                for p in args.out.rglob("*.json")
                if p.relative_to(args.out).as_posix() not in files
            ]
            for name in [*stale, *extra]:
                print(f"stale: {name}")
            return 1 if stale or extra else 0
        changed = write(args.out)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in changed:
        print(f"wrote {path}" if path.exists() else f"removed {path}")
    print(f"{len(changed)} file(s) changed in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
