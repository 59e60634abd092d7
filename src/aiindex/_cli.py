"""The ``aiindex`` command line.

Commands: list, show, rank, gap, profile, revisions, series, convert, export,
import-public-data, check, figures and figure; ``aiindex --help`` lists them,
``aiindex <command> --help`` explains one.

Errors from aiindex become one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys

from aiindex._io.bounded import terminal_safe as _terminal_safe
from aiindex._io.bounded import visible as _visible
from aiindex.exceptions import AIIndexError

# Not `from typing import TYPE_CHECKING`: every command starts here, and typing costs each.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, NoReturn

    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Observation, Ranking
    from aiindex._money.rates import Rate
    from aiindex._present.text import Converted

    # What a command prints (bytes: written as they are), with the exit status if not 0.
    Result = str | bytes | tuple[str, int]

__all__ = ["main"]


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil.

    argparse makes a formatter for every argument it adds, and a formatter asks shutil for the
    terminal's width; shutil loads bz2, lzma and zlib, some 5 ms of every command.
    """
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no stdout, or not a terminal
        return 80


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str) -> None:
        # As argparse's default width: the terminal's, less two.
        super().__init__(prog, width=_terminal_columns() - 2)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # One line, like every other aiindex error; --help shows the usage.
        self.exit(2, f"aiindex: {_visible(message)} (see '{self.prog} --help')\n")


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


# The options every command takes, before or after the command word (see _options), and all
# the options that may come before it.
_VALUE_OPTIONS = ("--edition", "--lang")
_FLAG_OPTIONS = ("--json",)
_LEADING_OPTIONS = (*_VALUE_OPTIONS, *_FLAG_OPTIONS, "--help", "--version")


def _options(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument(
        "--edition", type=int, default=default, help="AI Index edition (default: the newest)"
    )
    parser.add_argument(
        "--json", action="store_true", default=default, help="print JSON instead of a table"
    )
    if default is argparse.SUPPRESS:
        parser.add_argument("--lang", choices=("en", "ko"), default=default, help=argparse.SUPPRESS)


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the command ``only`` alone (which parses the same)."""
    p = _Parser(
        prog="aiindex",
        description="The Stanford HAI AI Index report's indicators, with units and sources.",
    )
    p.add_argument("--version", action=_VersionAction)
    _options(p, None)
    p.add_argument(
        "--lang",
        choices=("en", "ko"),
        help="language of names, units and ranks in tables (ko: 한국, 공동 9위; default en)",
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, (help_line, arguments, _) in _COMMANDS.items():
        if only is None or name == only:
            cmd = sub.add_parser(name, help=help_line)
            # The options work before or after the command; after it, set only when given.
            _options(cmd, argparse.SUPPRESS)
            arguments(cmd)
    return p


def _command_word(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, if only the common options come before it.

    None where anything else does (``--help``, ``--version``, an unknown or ambiguous option,
    no command, an unknown one): the parser of every command then reads ``argv``, and its
    messages list the commands.

    >>> _command_word(["--edition", "2024", "--json", "show", "x"]), _command_word(["--help"])
    ('show', None)
    >>> _command_word(["--ed=2024", "--la", "ko", "profile", "KOR"]), _command_word(["shw"])
    ('profile', None)
    """
    i = 0
    while i < len(argv):
        arg = argv[i]
        if not arg.startswith("-"):
            return arg if arg in _COMMANDS else None
        name, eq, _ = arg.partition("=")
        # argparse accepts unambiguous prefixes (--ed for --edition); so does this scan.
        matches = [o for o in _LEADING_OPTIONS if len(name) > 2 and o.startswith(name)]
        if len(matches) != 1 or matches[0] in ("--help", "--version"):
            return None
        if matches[0] in _FLAG_OPTIONS:
            if eq:
                return None
            i += 1
        else:
            i += 1 if eq else 2
    return None


# The ECB reference rates start on 1999-01-04.
_FIRST_RATE_YEAR = 1999
_ON = re.compile(r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})-(?P<d>[0-9]{2}))?")


def _on(text: str) -> str | int:
    """``--on``: a year (``2024``: that year's mean rate) or an ISO date (``2024-04-16``).

    >>> _on("2024"), _on("2024-04-16")
    (2024, '2024-04-16')
    >>> _on("2024/04/16")
    Traceback (most recent call last):
    ...
    aiindex.exceptions.AIIndexError: --on takes a date YYYY-MM-DD or a year YYYY ...
    """
    import datetime as dt

    m = _ON.fullmatch(text.strip())
    if m is not None:
        year = int(m.group("y"))
        try:
            day = dt.date(year, int(m.group("m") or 1), int(m.group("d") or 1))
        except ValueError:
            day = None
        if day is not None and _FIRST_RATE_YEAR <= year <= dt.date.today().year:
            return year if m.group("m") is None else day.isoformat()
    raise _usage(
        f"--on takes a date YYYY-MM-DD or a year YYYY from {_FIRST_RATE_YEAR} on (e.g. "
        f"2024-04-16 or 2024), not {_visible(text)!r}"
    )


def _one_line(message: str) -> str:
    """An error message as one line: caret lines dropped, escape codes made visible."""
    lines = [ln.strip() for ln in message.splitlines()]
    kept = [ln for ln in lines if ln and set(ln) - {"^", " "}]
    return _visible(" ".join(kept))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    args = _parser(_command_word(argv)).parse_args(argv)
    try:
        result = _COMMANDS[args.command][2](args)
    except AIIndexError as exc:
        return _fail(str(exc))
    except OSError as exc:  # a file to write (--plot, export) that cannot be written
        where = f" {exc.filename}" if exc.filename else ""
        return _fail(f"cannot write{where}: {exc.strerror or exc}")
    except Exception as exc:  # the contract: one line, never a traceback
        return _fail(f"internal error ({type(exc).__name__}: {exc}); please report it")
    out, status = result if isinstance(result, tuple) else (result, 0)
    return _write(out, status)


def _fail(message: str) -> int:
    import contextlib

    # stderr itself may be closed: then there is no one to tell.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"aiindex: {_one_line(message)}", file=sys.stderr)
    return 2


def _write(out: str | bytes, status: int) -> int:
    """Print the result; a closed or full stdout ends the command quietly with status 2."""
    import contextlib
    import os

    if sys.stdout is None:  # started with stdout closed (`aiindex list >&-`)
        return _fail("standard output is closed: nothing was written")
    try:
        if isinstance(out, bytes):  # a release's file exactly as published (figure --csv)
            sys.stdout.buffer.write(out)
        else:
            print(_terminal_safe(out))
        sys.stdout.flush()
    except BrokenPipeError:  # `aiindex show x | head -1`: the reader left, which is fine
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        # (Where stdout is not a real file, nothing will flush it at exit either.)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return status
    except (OSError, ValueError) as exc:  # /dev/full, a closed descriptor
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return _fail(f"cannot write the output: {why}")
    return status


def _dumps(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2)


# An observation's JSON keys, and the observation_fields each holds.
_OBS_JSON = (
    ("entity", "entity"),
    ("name", "entity_name"),
    ("year", "year"),
    ("value", "value"),
    ("unit", "unit"),
    ("printed", "printed"),
    ("printed_unit", "printed_unit"),
    ("stated_rank", "stated_rank"),
    ("note", "note"),
    ("sources", "sources"),
)


def _obs_json(obs: Observation) -> dict[str, Any]:
    from aiindex._present.rows import observation_fields

    fields = observation_fields(obs)
    return {key: fields[field] for key, field in _OBS_JSON}


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
    from aiindex._present.text import table
    from aiindex._sources.lookup import indicators
    from aiindex._sources.packaged import load

    ids = indicators(args.edition, search=args.search)
    inds = [load(i, args.edition) for i in ids]
    if args.json:
        return _dumps([_indicator_json(ind) | {"years": list(ind.years)} for ind in inds])
    if not inds and args.search:
        return f"No indicator's id, title or Korean title matches {args.search!r}."
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
    from aiindex._present.text import ranking_table
    from aiindex._sources.packaged import load

    ind = load(args.indicator, args.edition)
    if args.cite:
        from aiindex._present.cite import cite

        return cite(ind, args.cite, args.lang or "en")
    ranking = ind.ranking(args.year)
    if args.plot is not None:
        _plot(ind, args)
    if args.currency is None:
        if args.on is not None:
            raise _usage("--on goes with --currency (e.g. --currency KRW --on 2024-04-16)")
        if args.json:
            return _dumps(_ranking_json(ranking))
        if args.lang == "ko":
            from aiindex._present.text import ranking_table_ko

            return ranking_table_ko(ranking)
        return ranking_table(ranking)
    if args.on is None:
        raise _usage("--currency needs --on DATE or --on YEAR: exchange rates are dated")
    converted = _converted(ranking, args.currency, _on(args.on))
    if args.json:
        data = _ranking_json(ranking)
        for row, (value, _) in zip(data["rows"], converted[1], strict=True):
            row["converted"] = {"value": value, "currency": converted[0].to_currency}
        data["rate"] = _rate_json(converted[0])
        return _dumps(data)
    return ranking_table(ranking, converted=converted)


_PLOT_FORMATS = (".png", ".svg", ".pdf")


def _plot_target(path: str) -> str:
    """The file ``--plot`` writes: named, of a format the chart writes, not a folder."""
    import os

    if not path.strip():
        raise _usage("--plot needs a file name, such as chart.png")
    if os.path.isdir(path):
        raise _usage(f"--plot {_visible(path)!r} is a folder; give a file name such as chart.png")
    if not path.lower().endswith(_PLOT_FORMATS):
        raise _usage(
            f"--plot {_visible(path)!r}: the chart is written as "
            + ", ".join(_PLOT_FORMATS)
            + "; end the file name with one of them"
        )
    return path


def _plot(ind: Indicator, args: argparse.Namespace) -> None:
    target = _plot_target(args.plot)
    try:
        import matplotlib
    except ImportError:
        from aiindex.exceptions import MissingExtraError

        raise MissingExtraError("plot", "matplotlib") from None

    from aiindex._present.plot import plot

    matplotlib.use("Agg")  # a file, never a window
    ax = plot(ind, year=args.year, highlight=args.highlight, lang=args.lang or "en")
    figure = ax.get_figure(root=True)
    if figure is None:  # pragma: no cover - plot() always draws on a figure
        raise AIIndexError("the chart has no figure to save")
    figure.savefig(target, bbox_inches="tight", dpi=150)
    print(f"aiindex: chart written to {_visible(target)}", file=sys.stderr)


def _usage(message: str) -> AIIndexError:
    return AIIndexError(message)


def _converted(ranking: Ranking, currency: str, on: str | int) -> Converted:
    """Every row's value in ``currency``, through the same rate, with the rate used."""
    from aiindex._model.units import split_scale
    from aiindex._money.rates import convert_amount
    from aiindex.exceptions import NotMoneyError

    ind = ranking.indicator
    scale, base = split_scale(ind.unit)
    if base not in _currencies():
        raise NotMoneyError(
            f"{ind.id!r} is measured in {ind.unit_label}, not money; --currency applies "
            "to money indicators such as private_investment or training_cost"
        )
    rows = []
    used = None
    for row in ranking:
        value, used = convert_amount(row.magnitude * scale, base, currency, on=on)
        rows.append((value, _korean(value, used.to_currency)))
    if used is None:
        _, used = convert_amount(1.0, base, currency, on=on)
    return used, rows


def _currencies() -> frozenset[str]:
    from aiindex._money.rates import _known_currencies

    return frozenset(_known_currencies())


def _korean(value: float, code: str) -> str:
    from aiindex._money.amounts import korean_amount

    return korean_amount(value, code) if code == "KRW" else ""


def _rate_json(r: Rate) -> dict[str, Any]:
    return {
        "from": r.from_currency,
        "to": r.to_currency,
        "value": r.value,
        "on": str(r.on) if r.on else None,
        "fixing_date": str(r.fixing_date) if r.fixing_date else None,
        "year": r.year,
        "source": r.source,
        "text": str(r),
    }


# Larger than any amount the report prints (its largest are hundreds of billions of dollars),
# small enough that every currency's value stays a finite float.
_MAX_AMOUNT = 10**18


def _cmd_convert(args: argparse.Namespace) -> str:
    from decimal import Decimal, InvalidOperation

    from aiindex._money.amounts import parse_parts
    from aiindex._money.rates import convert_amount
    from aiindex.exceptions import AmountParseError

    text = " ".join(args.amount)
    try:
        amount, code = parse_parts(text)
    except AmountParseError:
        # "191.4e6 USD": a plain number and an ISO code, which news text never writes.
        if len(args.amount) != 2:
            raise
        try:
            amount, code = Decimal(args.amount[0]), args.amount[1].upper()
        except InvalidOperation:
            raise AmountParseError(
                f"cannot read the amount {text!r}: give text such as '1억9천140만 달러' or "
                "'$191.4 million', or a number and a currency code ('191.4e6 USD')"
            ) from None
    if not amount.is_finite() or abs(amount) >= _MAX_AMOUNT:
        raise AmountParseError(
            f"the amount {_visible(text)!r} is out of range: give a finite amount under "
            f"{_MAX_AMOUNT:,.0f}"
        )
    value, used = convert_amount(float(amount), code, args.to, on=_on(args.on))
    korean = _korean(value, used.to_currency)
    if args.json:
        return _dumps(
            {
                "amount": float(amount),
                "currency": used.from_currency,
                "value": value,
                "to": used.to_currency,
                "korean": korean or None,
                "rate": _rate_json(used),
            }
        )
    shown = f" ({korean})" if korean else ""
    return (
        f"{float(amount):,.2f} {used.from_currency} = {value:,.2f} {used.to_currency}{shown}\n"
        f"at {used}\nSource: {used.source}."
    )


def _cmd_rank(args: argparse.Namespace) -> str:
    from aiindex._present.numbers import number
    from aiindex._present.rows import tied_ranks
    from aiindex._sources.packaged import load

    ind = load(args.indicator, args.edition)
    obs = ind.observation(args.entity, args.year)
    if args.cite:
        from aiindex._present.cite import cite

        return cite(obs, args.cite, args.lang or "en")
    rank = ind.rank(obs.entity, obs.year)
    if args.json:
        return _dumps(_indicator_json(ind) | {"rank": rank} | _obs_json(obs))
    tied = rank in tied_ranks(ind.ranking(obs.year).ranks)
    return (
        f"{obs.entity.name} ranks {'tied ' if tied else ''}{rank} on {ind.title} "
        f"({ind.edition} edition, {obs.year}): {number(obs.magnitude)} {ind.unit_label}.\n"
        f"Source: {ind.source}."
    )


def _cmd_gap(args: argparse.Namespace) -> str:
    from aiindex._present.numbers import number
    from aiindex._sources.packaged import load

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


def _cmd_revisions(args: argparse.Namespace) -> str:
    from aiindex._analysis.series import revisions
    from aiindex._present.numbers import shown
    from aiindex._present.text import table

    revs = revisions(args.indicator, args.entity, args.year)
    if args.json:
        return _dumps(
            [
                {"edition": r.edition, "definition": r.definition} | _obs_json(r.observation)
                for r in revs
            ]
        )
    first = revs[0].observation
    rows = [
        (str(r.edition), shown(r.observation), r.observation.unit, str(r.observation.source))
        for r in revs
    ]
    head = f"{first.entity.name}, {args.indicator}, data year {args.year}: one value per edition"
    return (
        head
        + "\n"
        + table(("edition", "value", "unit", "source"), rows, (True, True, False, False))
    )


def _cmd_series(args: argparse.Namespace) -> str:
    from aiindex._analysis.series import series
    from aiindex._present.numbers import shown
    from aiindex._present.text import table

    points = series(args.indicator, args.entity, vintage=args.vintage or "latest")
    if args.json:
        return _dumps([{"edition": p.source.edition} | _obs_json(p) for p in points])
    rows = [
        (p.period or str(p.year), shown(p), str(p.source.edition), str(p.source)) for p in points
    ]
    head = f"{points[0].entity.name}, {args.indicator} ({points[0].unit}), by data year"
    return (
        head
        + "\n"
        + table(("year", "value", "edition", "source"), rows, (False, True, True, False))
    )


def _cmd_profile(args: argparse.Namespace) -> str:
    from aiindex._analysis.profile import profile

    p = profile(args.entity, edition=args.edition)
    if not args.json:
        if args.lang == "ko":
            from aiindex._present.text import profile_table_ko

            return profile_table_ko(p)
        from aiindex._present.text import profile_table

        return profile_table(p)
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


def _cmd_export(args: argparse.Namespace) -> str:
    from aiindex._present.datapackage import export_datapackage

    path = export_datapackage(args.directory, edition=args.edition, overwrite=args.force)
    return f"Data package written to {path}"


def _cmd_import_public_data(args: argparse.Namespace) -> str:
    from aiindex._sources.public_data import read_public_data

    if args.edition is None:
        raise _usage("import-public-data needs --edition: figure numbers differ between editions")
    if not args.path.strip():
        raise _usage("import-public-data needs a folder or .zip of figure files, not ''")
    data = read_public_data(args.path, edition=args.edition)
    if args.json:
        return _dumps(
            {
                "edition": data.edition,
                "indicators": {
                    i: {"observations": len(ind.observations), "years": list(ind.years)}
                    for i, ind in data.indicators.items()
                },
                "files": list(data.files),
                "unknown": list(data.unknown),
            }
        )
    return str(data)


# An article is some 10 KB: this is two dozen long ones (/dev/zero never ends, and checking
# takes longer than linear time in the text's length).
_MAX_ARTICLE_BYTES = 256 * 1024


def _article(name: str) -> str:
    """The text ``check`` reads: a file or standard input, bounded, strictly UTF-8."""
    from aiindex._io.bounded import read_limited, size_text

    label = "standard input" if name == "-" else repr(_visible(name))
    if name == "-":
        stdin = sys.stdin
        if stdin is None:
            raise _usage("standard input is closed: give a file, or pipe the article in")
        raw = getattr(stdin, "buffer", None)
        if raw is None:  # replaced by a text stream (a test, an embedding program)
            text = stdin.read(_MAX_ARTICLE_BYTES + 1)
            if len(text) > _MAX_ARTICLE_BYTES:
                raise _usage(f"{label} holds more than {size_text(_MAX_ARTICLE_BYTES)}")
            return str(text)
        data = read_limited(raw, _MAX_ARTICLE_BYTES, label=label)
    else:
        # Any readable file (a pipe from <(...) too), but never more than an article's worth.
        try:
            with open(name, "rb") as f:
                data = read_limited(f, _MAX_ARTICLE_BYTES, label=label)
        except OSError as exc:
            raise _usage(f"cannot read {label}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _usage(
            f"{label} is not UTF-8 text (byte {exc.start + 1} cannot be read); save the "
            "article as UTF-8"
        ) from None


def _cmd_check(args: argparse.Namespace) -> Result:
    from aiindex._check import run_check_cli

    text = _article(args.file)
    return run_check_cli(text, as_json=args.json, edition=args.edition, lang=args.lang)


def _cmd_figures(args: argparse.Namespace) -> str:
    from aiindex._present.figures import figure_json, figures_text
    from aiindex._sources.figures import figures

    found = figures(args.edition, chapter=args.chapter, search=args.search)
    edition = args.edition or max(f.edition for f in figures())
    if args.json:
        return _dumps([figure_json(f, rows=False) for f in found])
    what = []
    if args.chapter is not None:
        what.append(f"chapter {args.chapter}")
    if args.search:
        what.append(f"matching {args.search!r}")
    return figures_text(found, edition, what=", ".join(what))


def _cmd_figure(args: argparse.Namespace) -> Result:
    from aiindex._sources.figures import figure

    fig = figure(args.id, edition=args.edition)
    if args.csv:
        from aiindex._sources.figures import figure_bytes

        return figure_bytes(fig)
    from aiindex._present.figures import figure_json, figure_text

    return _dumps(figure_json(fig)) if args.json else figure_text(fig)


def _list_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--search", help="words the id, title or Korean title must all contain ('특허', 'patents')"
    )


def _show_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("indicator")
    p.add_argument("--year", type=int, help="data year (default: the latest)")
    p.add_argument("--currency", help="also show money values in this currency (ECB rate)")
    p.add_argument("--on", help="date (YYYY-MM-DD) or year of the rate for --currency")
    p.add_argument("--plot", metavar="PNG", help="also draw the ranking to this PNG file")
    p.add_argument("--highlight", default="KOR", help="entity to highlight in --plot (KOR)")
    _cite_argument(p)


def _rank_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("indicator")
    p.add_argument("entity")
    p.add_argument("--year", type=int)
    _cite_argument(p)


def _cite_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--cite",
        nargs="?",
        const="short",
        choices=("short", "long", "bibtex"),
        help="print how to credit the figure (short, long or bibtex) instead",
    )


def _gap_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("indicator")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--year", type=int)


def _profile_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("entity")


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("directory")
    p.add_argument(
        "--force",
        action="store_true",
        help="write into a folder that holds other files (files of the package's names are "
        "replaced; no other file is touched)",
    )


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path")


def _check_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a text file, or - for standard input")
    p.epilog = (
        "The figures are checked against the edition the article names ('AI Index 2026', "
        "'AI 인덱스 2024'), else --edition, else the newest; an article about an edition aiindex "
        "does not ship is listed with nothing graded."
    )


def _revisions_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("indicator")
    p.add_argument("entity")
    p.add_argument("year", type=int)


def _series_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("indicator")
    p.add_argument("entity")
    p.add_argument(
        "--vintage",
        type=int,
        help="take every year from this edition (default: each year from the newest edition)",
    )


def _figures_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--chapter", help="one chapter, by number (4) or name ('Economy')")
    p.add_argument("--search", help="words the figure's id or title must all contain")


def _figure_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="the figure: 4.2.8, fig_4.2.8 or fig_4.2.8.csv")
    p.add_argument(
        "--csv", action="store_true", help="print the release's CSV file exactly as published"
    )


def _convert_arguments(p: argparse.ArgumentParser) -> None:
    p.description = "AMOUNT is text such as '1억9천140만 달러', '$67.2 billion' or '191.4e6 USD'."
    p.add_argument("amount", nargs="+", help="the amount and its currency")
    p.add_argument("to", help="the currency to convert to (ISO code, e.g. KRW)")
    p.add_argument("--on", required=True, help="date (YYYY-MM-DD) or year (YYYY)")


# Every command, in the order --help lists them: its help line, what adds its own arguments
# to its parser, and what runs it. Only the parser of the command given is built.
_COMMANDS: dict[
    str,
    tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], Result]],
] = {
    "list": ("list the indicators", _list_arguments, _cmd_list),
    "show": ("an indicator's table, ranked", _show_arguments, _cmd_show),
    "rank": ("an entity's rank on an indicator", _rank_arguments, _cmd_rank),
    "gap": ("value(A) - value(B) on an indicator", _gap_arguments, _cmd_gap),
    "profile": ("an entity on every indicator", _profile_arguments, _cmd_profile),
    "export": (
        "write a Frictionless data package of the indicators",
        _export_arguments,
        _cmd_export,
    ),
    "import-public-data": (
        "read an AI Index public-data folder or zip and show what it holds",
        _import_arguments,
        _cmd_import_public_data,
    ),
    "check": (
        "check the AI Index figures in an article (exit 1 if one is contradicted)",
        _check_arguments,
        _cmd_check,
    ),
    "revisions": (
        "every edition's value for one entity and year",
        _revisions_arguments,
        _cmd_revisions,
    ),
    "series": ("an entity's values across data years", _series_arguments, _cmd_series),
    "convert": (
        "convert money at the ECB reference rate of a date or a year's mean",
        _convert_arguments,
        _cmd_convert,
    ),
    "figures": (
        "list the figures of an edition's public-data release",
        _figures_arguments,
        _cmd_figures,
    ),
    "figure": (
        "one figure of the public data: its provenance and cells",
        _figure_arguments,
        _cmd_figure,
    ),
}
