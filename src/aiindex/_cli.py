"""The ``aiindex`` command line: list, show, rank, gap, profile.

Errors from aiindex become one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from aiindex.exceptions import AIIndexError

if TYPE_CHECKING:
    from aiindex._indicator import Indicator
    from aiindex._records import Observation, Ranking

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, like every other aiindex error; --help shows the usage.
        self.exit(2, f"aiindex: {message} (see '{self.prog} --help')\n")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("aiindex")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


class _VersionAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        print(f"aiindex {_version()}")
        parser.exit(0)


def _parser() -> argparse.ArgumentParser:
    def options(parser: argparse.ArgumentParser, default: Any) -> None:
        parser.add_argument(
            "--edition", type=int, default=default, help="AI Index edition (default: the newest)"
        )
        parser.add_argument(
            "--json", action="store_true", default=default, help="print JSON instead of a table"
        )

    # The options work before or after the command; after it, they are set only when given.
    common = _Parser(add_help=False)
    options(common, argparse.SUPPRESS)
    p = _Parser(
        prog="aiindex",
        description="The Stanford HAI AI Index report's indicators, with units and sources.",
    )
    p.add_argument("--version", action=_VersionAction)
    options(p, None)
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    sub.add_parser("list", parents=[common], help="list the indicators")
    s = sub.add_parser("show", parents=[common], help="an indicator's table, ranked")
    s.add_argument("indicator")
    s.add_argument("--year", type=int, help="data year (default: the latest)")
    r = sub.add_parser("rank", parents=[common], help="an entity's rank on an indicator")
    r.add_argument("indicator")
    r.add_argument("entity")
    r.add_argument("--year", type=int)
    g = sub.add_parser("gap", parents=[common], help="value(A) - value(B) on an indicator")
    g.add_argument("indicator")
    g.add_argument("a")
    g.add_argument("b")
    g.add_argument("--year", type=int)
    pr = sub.add_parser("profile", parents=[common], help="an entity on every indicator")
    pr.add_argument("entity")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        out = _COMMANDS[args.command](args)
    except AIIndexError as exc:
        print(f"aiindex: {exc}", file=sys.stderr)
        return 2
    try:
        print(out)
        sys.stdout.flush()
    except BrokenPipeError:  # `aiindex show x | head -1`: the reader left, which is fine
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        import contextlib
        import os

        # (Where stdout is not a real file, nothing will flush it at exit either.)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _dumps(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2)


def _obs_json(obs: Observation) -> dict[str, Any]:
    return {
        "entity": obs.entity.id,
        "name": obs.entity.name,
        "year": obs.year,
        "value": obs.magnitude,
        "unit": obs.unit,
        "printed": obs.printed,
        "printed_unit": obs.printed_unit,
        "stated_rank": obs.stated_rank,
        "note": obs.note,
        "sources": list(obs.source.locators),
    }


def _indicator_json(ind: Indicator) -> dict[str, Any]:
    return {
        "indicator": ind.id,
        "title": ind.title,
        "edition": ind.edition,
        "unit": ind.unit,
        "unit_label": ind.unit_label,
        "source": str(ind.source),
    }


def _cmd_list(args: argparse.Namespace) -> str:
    from aiindex._format import table
    from aiindex._load import indicator_ids, load

    ids = indicator_ids(args.edition)
    inds = [load(i, args.edition) for i in ids]
    if args.json:
        return _dumps([_indicator_json(ind) | {"years": list(ind.years)} for ind in inds])
    rows = [(i.id, str(i.edition), i.title, i.unit_label) for i in inds]
    return table(("indicator", "edition", "title", "unit"), rows, (False, True, False, False))


def _ranking_json(ranking: Ranking) -> dict[str, Any]:
    ind = ranking.indicator
    cov = ind.coverage_for(ranking.year)
    return _indicator_json(ind) | {
        "year": ranking.year,
        "coverage": {"kind": cov.kind, "complete_down_to": cov.complete_down_to, "note": cov.note},
        "rows": [{"rank": r.rank} | _obs_json(r.observation) for r in ranking],
    }


def _cmd_show(args: argparse.Namespace) -> str:
    from aiindex._load import load

    ranking = load(args.indicator, args.edition).ranking(args.year)
    return _dumps(_ranking_json(ranking)) if args.json else str(ranking)


def _cmd_rank(args: argparse.Namespace) -> str:
    from aiindex._format import number
    from aiindex._load import load

    ind = load(args.indicator, args.edition)
    obs = ind.observation(args.entity, args.year)
    rank = ind.rank(obs.entity, obs.year)
    if args.json:
        return _dumps(_indicator_json(ind) | {"rank": rank} | _obs_json(obs))
    tied = sum(1 for r in ind.ranking(obs.year).ranks if r == rank) > 1
    return (
        f"{obs.entity.name} ranks {'tied ' if tied else ''}{rank} on {ind.title} "
        f"({ind.edition} edition, {obs.year}): {number(obs.magnitude)} {ind.unit_label}.\n"
        f"Source: {ind.source}."
    )


def _cmd_gap(args: argparse.Namespace) -> str:
    from aiindex._format import number
    from aiindex._load import load

    ind = load(args.indicator, args.edition)
    oa, ob = ind._pair(args.a, args.b, args.year)
    gap = ind.gap(oa.entity, ob.entity, oa.year).magnitude
    if args.json:
        return _dumps(
            _indicator_json(ind)
            | {"year": oa.year, "gap": gap, "a": _obs_json(oa), "b": _obs_json(ob)}
        )
    return (
        f"{oa.entity.name} - {ob.entity.name} on {ind.title} ({ind.edition} edition, {oa.year}): "
        f"{number(oa.magnitude)} - {number(ob.magnitude)} = {number(gap)} {ind.unit_label}.\n"
        f"Source: {ind.source}."
    )


def _cmd_profile(args: argparse.Namespace) -> str:
    from aiindex._profile import profile

    p = profile(args.entity, edition=args.edition)
    if not args.json:
        return str(p)
    return _dumps(
        {
            "entity": p.entity.id,
            "name": p.entity.name,
            "edition": p.edition,
            "rows": [
                {
                    "indicator": row.indicator.id,
                    "rank": row.rank,
                    "leader": row.leader.entity.id if row.leader is not None else None,
                    "gap_to_leader": row.gap_magnitude,
                }
                | _obs_json(row.observation)
                for row in p.rows
            ],
        }
    )


_COMMANDS = {
    "list": _cmd_list,
    "show": _cmd_show,
    "rank": _cmd_rank,
    "gap": _cmd_gap,
    "profile": _cmd_profile,
}
