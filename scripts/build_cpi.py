"""Write ``src/aiindex/data/cpi_u.csv``: the US CPI-U annual averages aiindex deflates with.

Input: the SQLite database bundled inside the installed ``cpi`` package (``cpi/cpi.db``, the
BLS ``cu`` tables as that release of ``cpi`` shipped them), series CUUR0000SA0 (CPI for All
Urban Consumers, U.S. city average, all items, not seasonally adjusted), period M13 (annual
average). The database is opened read-only with ``sqlite3`` and the ``cpi`` package itself is
never imported: its import checks the data's age and may offer to download, and this script
must never touch the network.

Run ``python scripts/build_cpi.py`` after upgrading ``cpi``; commit the regenerated CSV.
``--out PATH`` writes elsewhere. The ``generated:`` line records when the content last changed:
a run that would write the same series from the same ``cpi`` version keeps the file as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import re
import sqlite3
import sys
from pathlib import Path

SERIES = "CUUR0000SA0"
ANNUAL_AVERAGE = "M13"
OUT = Path(__file__).resolve().parents[1] / "src" / "aiindex" / "data" / "cpi_u.csv"


def cpi_db() -> Path:
    # find_spec locates the package without executing its __init__ (which may download).
    spec = importlib.util.find_spec("cpi")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("the cpi package is not installed: pip install cpi")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "cpi.db"
        if path.exists():
            return path
    sys.exit("the installed cpi package has no cpi.db; reinstall cpi (do not run cpi.update())")


def annual_averages(db: Path) -> list[tuple[int, float]]:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT year, value FROM indexes WHERE series = ? AND period = ? ORDER BY year",
            (SERIES, ANNUAL_AVERAGE),
        ).fetchall()
    finally:
        conn.close()
    out = [(int(y), float(v)) for y, v in rows]
    years = [y for y, _ in out]
    if not out or years != list(range(years[0], years[-1] + 1)):
        sys.exit(f"{db}: expected consecutive annual averages of {SERIES}, got years {years}")
    return out


GENERATED = re.compile(r"^# generated: (\d{4}-\d{2}-\d{2}) by scripts/build_cpi\.py$", re.M)


def render(rows: list[tuple[int, float]], version: str, generated: str) -> str:
    header = [
        f"# series: {SERIES} (CPI-U, U.S. city average, all items, not seasonally adjusted),",
        f"#   annual average (BLS period {ANNUAL_AVERAGE}), index 1982-84=100",
        "# source: U.S. Bureau of Labor Statistics, as bundled in the `cpi` Python package's",
        f"#   database cpi/cpi.db, cpi version {version}",
        f"# generated: {generated} by scripts/build_cpi.py",
        f"# years: {rows[0][0]}-{rows[-1][0]}",
    ]
    # repr() keeps each float exactly as the database stores it.
    body = ["year,value", *(f"{y},{v!r}" for y, v in rows)]
    return "\n".join(header + body) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=OUT)
    out: Path = parser.parse_args(argv).out
    db = cpi_db()
    rows = annual_averages(db)
    version = importlib.metadata.version("cpi")
    text = render(rows, version, dt.date.today().isoformat())
    try:
        old = out.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    # Today's date alone is no change: rebuilding unchanged data must leave the file identical.
    found = GENERATED.search(old)
    if found and old == render(rows, version, found.group(1)):
        text = old
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(rows)} years, {rows[0][0]}-{rows[-1][0]})")


if __name__ == "__main__":
    main()
