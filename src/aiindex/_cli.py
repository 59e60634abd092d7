"""The ``aiindex`` command line.

Commands: list, show, rank, gap, ratio, compare, growth, profile, revisions, series, convert,
export, import-public-data, check, composite, figures and figure; ``aiindex --help`` lists
them, ``aiindex <command> --help`` explains one. Every command takes ``--lang ko`` (or
``AIINDEX_LANG=ko`` once) and writes its tables, units, ranks and errors in Korean.

Errors from aiindex become one line on stderr and exit status 2, never a traceback; their
words are the rows of `aiindex._present.messages`.
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
    from typing import Any, Literal, NoReturn

    from aiindex._analysis.compare import Comparison
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity, Observation, Profile, Ranking
    from aiindex._money.rates import Rate
    from aiindex._present.lang import Lang
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
        text = f"{message} (see '{self.prog} --help')"
        if _ERROR_LANG[0] == "ko":
            from aiindex._present.messages import korean

            text = korean(text)
        self.exit(2, f"aiindex: {_one_line(text)}\n")


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
_VALUE_OPTIONS = ("--edition", "--lang", "--digits")
_FLAG_OPTIONS = ("--json",)
_LEADING_OPTIONS = (*_VALUE_OPTIONS, *_FLAG_OPTIONS, "--help", "--version")
_LANGS = ("en", "ko")
#: The environment variable that sets --lang once for every command.
LANG_VARIABLE = "AIINDEX_LANG"
# More decimals than any figure of the report has, and fewer than a float holds.
_MAX_DIGITS = 12


def _digits_option(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
    if not 0 <= n <= _MAX_DIGITS:
        raise _Said("digits_range", limit=_MAX_DIGITS, n=n)
    return n


def _options(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument(
        "--edition", type=int, default=default, help="AI Index edition (default: the newest)"
    )
    parser.add_argument(
        "--json", action="store_true", default=default, help="print JSON instead of a table"
    )
    parser.add_argument(
        "--lang",
        choices=_LANGS,
        default=default,
        help=f"language of titles, names, units, ranks and messages (ko: 한국, 공동 9위; "
        f"default: ${LANG_VARIABLE}, else en)",
    )
    parser.add_argument(
        "--digits",
        type=_digits_option,
        metavar="N",
        default=default,
        help="show every value with N decimals (default: as the report prints each value)",
    )


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the command ``only`` alone (which parses the same)."""
    p = _Parser(
        prog="aiindex",
        description="The Stanford HAI AI Index report's indicators, with units and sources.",
        epilog=f"Set {LANG_VARIABLE}=ko once for Korean output from every command.",
    )
    p.add_argument("--version", action=_VersionAction)
    _options(p, None)
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, (help_line, arguments, _) in _COMMANDS.items():
        if only is None or name == only:
            cmd = sub.add_parser(
                name, help=help_line, description=help_line[:1].upper() + help_line[1:] + "."
            )
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


def _lang_in(argv: Sequence[str]) -> str:
    """The language errors are written in: ``--lang`` anywhere in ``argv`` (its last), else
    ``$AIINDEX_LANG``, else English; read before parsing, so usage errors are in it too.

    >>> _lang_in(["show", "x", "--lang", "ko"]), _lang_in(["--la=ko", "list"])
    ('ko', 'ko')
    """
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if len(name) > 3 and "--lang".startswith(name):
            value = value if eq else (argv[i + 1] if i + 1 < len(argv) else "")
            if value in _LANGS:
                found = value
    if found is not None:
        return found
    import os

    env = os.environ.get(LANG_VARIABLE, "").strip().lower()
    return env if env in _LANGS else "en"


def _lang(args: argparse.Namespace) -> Lang:
    """The language of the output: ``--lang``, else ``$AIINDEX_LANG``, else English."""
    import os

    given = getattr(args, "lang", None)
    if given in _LANGS:
        return "ko" if given == "ko" else "en"
    env = os.environ.get(LANG_VARIABLE)
    if env is None or not env.strip():
        return "en"
    value = env.strip().lower()
    if value not in _LANGS:
        raise _Said("lang_env", value=env)
    return "ko" if value == "ko" else "en"


def _digits(args: argparse.Namespace) -> int | None:
    digits: int | None = getattr(args, "digits", None)
    return digits


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
    aiindex._cli._Said: --on takes a date YYYY-MM-DD or a year YYYY from 1999 on ...
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
    raise _Said("on_format", first=_FIRST_RATE_YEAR, text=repr(_visible(text)))


def _one_line(message: str) -> str:
    """An error message as one line: caret lines dropped, escape codes made visible."""
    lines = [ln.strip() for ln in message.splitlines()]
    kept = [ln for ln in lines if ln and set(ln) - {"^", " "}]
    return _visible(" ".join(kept))


class _Said(AIIndexError):
    """An error the command line words itself: a row of the message table, in either language."""

    def __init__(self, key: str, **fields: object) -> None:
        from aiindex._present.messages import message

        super().__init__(message(key, "en", **fields))
        self.key = key
        self.fields = fields

    def text(self, lang: str) -> str:
        from aiindex._present.messages import message

        return message(self.key, "ko" if lang == "ko" else "en", **self.fields)


# The language usage errors are written in, set by main() before parsing.
_ERROR_LANG = ["en"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    _ERROR_LANG[0] = lang = _lang_in(argv)
    try:
        args = _parser(_command_word(argv)).parse_args(argv)
    except _Said as exc:  # raised by an option's type (--digits)
        return _fail(exc.text(lang), lang)
    try:
        lang = _lang(args)
        result = _COMMANDS[args.command][2](args)
    except _Said as exc:
        return _fail(exc.text(lang), lang)
    except AIIndexError as exc:
        said = _for_the_command_line(exc)
        if isinstance(said, _Said):
            return _fail(said.text(lang), lang)
        return _fail(str(exc), lang, translate=True)
    except OSError as exc:  # a file to write (--plot, export) that cannot be written
        where = f" {exc.filename}" if exc.filename else ""
        return _fail(_message("write_failed", lang, where=where, why=exc.strerror or exc), lang)
    except Exception as exc:  # the contract: one line, never a traceback
        what = f"{type(exc).__name__}: {exc}"
        return _fail(_message("internal", lang, what=what), lang)
    out, status = result if isinstance(result, tuple) else (result, 0)
    return _write(out, status, lang)


def _message(key: str, lang: str, **fields: object) -> str:
    from aiindex._present.messages import message

    return message(key, "ko" if lang == "ko" else "en", **fields)


def _for_the_command_line(exc: AIIndexError) -> AIIndexError:
    """A library error as the command line says it: no Python calls in the advice."""
    from aiindex.exceptions import UnknownFigureError

    if isinstance(exc, UnknownFigureError):
        suggest = " or ".join(repr(s) for s in exc.suggestions)
        elsewhere = ""
        if exc.elsewhere:
            which = " and ".join(str(e) for e in exc.elsewhere)
            elsewhere = f" The {which} edition{'s have' if len(exc.elsewhere) > 1 else ' has'} it."
        return _Said(
            "unknown_figure",
            figure=repr(exc.figure),
            edition=exc.edition,
            suggest=suggest,
            elsewhere=elsewhere,
            elsewhere_ko=(
                f" {', '.join(map(str, exc.elsewhere))}년판에는 있습니다." if exc.elsewhere else ""
            ),
        )
    return exc


def _fail(message: str, lang: str = "en", *, translate: bool = False) -> int:
    import contextlib

    if translate and lang == "ko":
        from aiindex._present.messages import korean

        message = korean(_one_line(message))
    # stderr itself may be closed: then there is no one to tell.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"aiindex: {_one_line(message)}", file=sys.stderr)
    return 2


def _write(out: str | bytes, status: int, lang: str = "en") -> int:
    """Print the result; a closed or full stdout ends the command quietly with status 2."""
    import contextlib
    import os

    if sys.stdout is None:  # started with stdout closed (`aiindex list >&-`)
        return _fail(_message("output_closed", lang), lang)
    try:
        if isinstance(out, bytes):  # a release's file exactly as published (figure --csv)
            binary = getattr(sys.stdout, "buffer", None)
            if binary is None:  # a text-only stream (an embedding program's): no exact bytes
                return _fail(_message("output_text_only", lang), lang)
            binary.write(out)
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
        return _fail(_message("output_failed", lang, why=why), lang)
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


def _obs_json(obs: Observation, indicator_id: str | None = None) -> dict[str, Any]:
    from aiindex._present.numbers import shown
    from aiindex._present.rows import observation_fields

    fields = observation_fields(obs)
    # "shown": the value as the report prints it, beside the exact value.
    return {key: fields[field] for key, field in _OBS_JSON} | {
        "edition": obs.source.edition,
        "shown": shown(obs, indicator_id),
    }


def _indicator_json(ind: Indicator) -> dict[str, Any]:
    return {
        "indicator": ind.id,
        "title": ind.title,
        "title_ko": ind.title_ko,
        "edition": ind.edition,
        "unit": ind.unit,
        "unit_label": ind.unit_label,
        "unit_label_ko": ind.unit_label_ko,
        "source": str(ind.source),
    }


def _name(entity: Entity, lang: str) -> str:
    return entity.display("ko" if lang == "ko" else "en")


def _who(entity: Entity) -> dict[str, str]:
    """An entity's names as the message table's fields: ``name`` and ``name_ko``."""
    return {"name": entity.name, "name_ko": entity.display("ko")}


# -- citations: added to an answer, never instead of it ---------------------------------------


def _cite_text(obj: Indicator | Observation, args: argparse.Namespace, lang: Lang) -> str:
    from aiindex._present.cite import cite

    return str(cite(obj, args.cite, lang))


def _with_cite(
    text: str, obj: Indicator | Observation, args: argparse.Namespace, lang: Lang
) -> str:
    """The answer, then how to credit it (``--cite``)."""
    if not getattr(args, "cite", None):
        return text
    head = "인용:" if lang == "ko" else "Cite as:"
    return f"{text}\n\n{head}\n{_cite_text(obj, args, lang)}"


def _json_cite(
    data: dict[str, Any], obj: Indicator | Observation, args: argparse.Namespace, lang: Lang
) -> str:
    """The JSON answer, with the citation as a key of its own (``--cite --json``)."""
    if getattr(args, "cite", None):
        import json

        text = _cite_text(obj, args, lang)
        # CSL-JSON is data: it goes in as such.
        data["citation"] = {
            "style": args.cite,
            "text": json.loads(text) if args.cite == "csl-json" else text,
        }
    return _dumps(data)


# -- years and editions, as errors name them --------------------------------------------------


def _years_text(years: Sequence[int]) -> str:
    """Years as ranges: ``2013-2025``, ``2020, 2023``.

    >>> _years_text([2013, 2014, 2015, 2020, 2022, 2023]), _years_text([])
    ('2013-2015, 2020, 2022-2023', '-')
    """
    if not years:
        return "-"
    out = []
    start = prev = years[0]
    for y in [*years[1:], None]:
        if y is not None and y == prev + 1:
            prev = y
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if y is not None:
            start = prev = y
    return ", ".join(out)


def _other_editions(indicator_id: str, edition: int | None) -> list[int]:
    from aiindex._sources.packaged import catalogue

    return sorted(
        (e for e, ids in catalogue().items() if indicator_id in ids and e != edition),
        reverse=True,
    )


def _command(*words: object) -> str:
    """A command line as a user would type it (names with spaces quoted)."""
    import shlex

    return "aiindex " + " ".join(shlex.quote(str(w)) for w in words if w is not None and w != "")


def _observation(
    ind: Indicator, entity: str, year: int | None, command: Sequence[object], lang: Lang
) -> Observation:
    """``ind``'s value of ``entity`` in ``year``; where it has none, an error naming the
    edition that has it and the command that gets it (``command`` is the command as typed,
    without --edition)."""
    from aiindex._sources.packaged import load
    from aiindex.exceptions import EntityKindError, MissingValueError

    try:
        return ind.observation(entity, year)
    except EntityKindError:
        raise
    except MissingValueError:
        pass
    e = ind._entity(entity)
    for other in _other_editions(ind.id, ind.edition):
        elsewhere = load(ind.id, other)
        if year is not None and year not in elsewhere.years:
            continue
        try:
            elsewhere.observation(e, year)
        except (MissingValueError, EntityKindError):
            continue
        fields = {
            "indicator": repr(ind.id),
            "edition": ind.edition,
            **_who(e),
            "other": other,
            "command": _command(*command, "--edition", other),
        }
        if year is None:
            raise _Said("missing_entity_elsewhere", **fields)
        raise _Said("missing_year_elsewhere", year=year, **fields)
    have = [o.year for o in ind.observations_of(e)]
    if year is None and not have and e.kind in (ind.entity_kind, "group", "baseline"):
        # The latest year's table: the one the command would have shown.
        kind = ind.coverage_for(ind.years[-1]).kind
        raise _Said(
            "missing_entity",
            indicator=repr(ind.id),
            edition=ind.edition,
            **_who(e),
            coverage=_COVERAGE_WORDS[kind][0],
            coverage_ko=_COVERAGE_WORDS[kind][1],
            command=_command("show", ind.id, "--edition", ind.edition),
        )
    if year is not None and have:
        raise _Said(
            "missing_year",
            indicator=repr(ind.id),
            edition=ind.edition,
            year=year,
            **_who(e),
            years=_years_text(have),
            command=_command("series", ind.id, e.id),
        )
    return ind.observation(entity, year)  # the model's own message


# What a table's coverage says of a value it lacks, in English and Korean.
_COVERAGE_WORDS = {
    "complete": ("lists every entity the source reports", "출처가 제시한 모든 항목을 담음"),
    "top": ("holds the top of a chart only", "차트 상위 항목만 담음"),
    "selection": ("holds a selection only", "일부 항목만 담음"),
}


def _ranking(ind: Indicator, year: int | None, command: Sequence[object]) -> Ranking:
    """``ind``'s ranking of ``year``; a year it lacks is an error naming an edition with it."""
    from aiindex._sources.packaged import load

    if year is None or year in ind.years:
        return ind.ranking(year)
    fields = {"indicator": repr(ind.id), "edition": ind.edition, "year": year}
    for other in _other_editions(ind.id, ind.edition):
        if year in load(ind.id, other).years:
            raise _Said(
                "missing_data_year_elsewhere",
                other=other,
                command=_command(*command, "--edition", other),
                **fields,
            )
    raise _Said("missing_data_year", years=_years_text(ind.years), **fields)


def _vintage(args: argparse.Namespace) -> int | Literal["latest"]:
    vintage: int | None = args.vintage
    return "latest" if vintage is None else vintage


def _edition_option(args: argparse.Namespace, command: str) -> None:
    """Commands across editions take --vintage; --edition there is an error that says so."""
    if getattr(args, "edition", None) is not None:
        raise _Said("series_edition", command=command)


# -- the commands -------------------------------------------------------------------------------


def _cmd_list(args: argparse.Namespace) -> str:
    from aiindex._present.rows import title, unit_label
    from aiindex._present.text import table
    from aiindex._present.words import word
    from aiindex._sources.lookup import indicators
    from aiindex._sources.packaged import catalogue, load

    lang = _lang(args)
    ids = indicators(args.edition, search=args.search)
    cat = catalogue()
    rows = []
    data = []
    for i in ids:
        editions = [e for e in cat if i in cat[e] and (args.edition is None or e == args.edition)]
        tables = [load(i, e) for e in editions]
        newest = tables[-1]
        years = sorted({y for t in tables for y in t.years})
        rows.append(
            (
                i,
                title(newest, lang),
                unit_label(newest, lang),
                ", ".join(map(str, editions)),
                _years_text(years),
            )
        )
        data.append(
            _indicator_json(newest)
            | {"editions": editions, "years": list(newest.years) if args.edition else years}
        )
    if args.json:
        return _dumps(data)
    if not rows and args.search:
        if lang == "ko":
            return f"id, 제목, 한국어 제목에 {args.search!r}이(가) 들어간 지표가 없습니다."
        return f"No indicator's id, title or Korean title matches {args.search!r}."
    header = tuple(word(k, lang) for k in ("indicator", "title", "unit", "editions", "years"))
    return table(header, rows, (False, False, False, False, False))


def _ranking_json(ranking: Ranking) -> dict[str, Any]:
    ind = ranking.indicator
    cov = ind.coverage_for(ranking.year)
    return _indicator_json(ind) | {
        "year": ranking.year,
        "coverage": {"kind": cov.kind, "complete_down_to": cov.complete_down_to, "note": cov.note},
        "rows": [{"rank": r.rank} | _obs_json(r.observation, ind.id) for r in ranking],
    }


def _cmd_show(args: argparse.Namespace) -> str:
    from aiindex._present.text import ranking_table
    from aiindex._sources.packaged import load

    lang = _lang(args)
    ind = load(args.indicator, args.edition)
    ranking = _ranking(ind, args.year, ("show", ind.id, "--year", args.year))
    if args.top is not None and args.top < 1:
        raise _Said("top_range", n=args.top)
    if args.plot is not None:
        _plot(ind, args, lang)
    converted = None
    if args.currency is None:
        if args.on is not None:
            raise _Said("on_without_currency")
    else:
        if args.on is None:
            raise _Said("currency_needs_on")
        converted = _converted(ranking, _currency_code(args.currency), _on(args.on))
    if args.json:
        data = _ranking_json(ranking)
        if converted is not None:
            for row, (value, _) in zip(data["rows"], converted[1], strict=True):
                row["converted"] = {"value": value, "currency": converted[0].to_currency}
            data["rate"] = _rate_json(converted[0])
        return _json_cite(data, ind, args, lang)
    text = ranking_table(
        ranking, converted, lang=lang, digits=_digits(args), top=args.top, notes=args.notes
    )
    return _with_cite(text, ind, args, lang)


_PLOT_FORMATS = (".png", ".svg", ".pdf")


def _plot_target(path: str) -> str:
    """The file ``--plot`` writes: named, of a format the chart writes, not a folder."""
    import os

    if not path.strip():
        raise _Said("plot_name")
    if os.path.isdir(path):
        raise _Said("plot_folder", path=repr(_visible(path)))
    if not path.lower().endswith(_PLOT_FORMATS):
        raise _Said("plot_format", path=repr(_visible(path)), formats=", ".join(_PLOT_FORMATS))
    return path


def _matplotlib() -> None:
    try:
        import matplotlib
    except ImportError:
        from aiindex.exceptions import MissingExtraError

        raise MissingExtraError("plot", "matplotlib") from None
    matplotlib.use("Agg")  # a file, never a window


def _save(ax: Any, target: str, lang: str) -> None:
    figure = ax.get_figure(root=True)
    if figure is None:  # pragma: no cover - plot() always draws on a figure
        raise AIIndexError("the chart has no figure to save")
    figure.savefig(target, bbox_inches="tight", dpi=150)
    said = "차트를 저장했습니다:" if lang == "ko" else "chart written to"
    print(f"aiindex: {said} {_visible(target)}", file=sys.stderr)


def _plot(what: Indicator | Comparison, args: argparse.Namespace, lang: Lang) -> None:
    """Draw ``what`` to the file of ``--plot``; a missing Hangul font is said in one line."""
    import warnings

    target = _plot_target(args.plot)
    _matplotlib()
    from aiindex._present.plot import plot
    from aiindex.exceptions import HangulFontWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", HangulFontWarning)
        ax = plot(
            what,
            year=getattr(args, "year", None),
            highlight=args.highlight,
            top=getattr(args, "top", None),
            lang=lang,
            digits=_digits(args),
        )
    from aiindex._present.messages import translate

    for w in caught:
        print(f"aiindex: {translate(_one_line(str(w.message)), lang)}", file=sys.stderr)
    _save(ax, target, lang)


def _currency_code(text: str) -> str:
    from aiindex._model.units import currency_code

    return currency_code(text)


def _converted(ranking: Ranking, currency: str, on: str | int) -> Converted:
    """Every row's value in ``currency``, through the same rate, with the rate used."""
    from aiindex._model.units import split_scale
    from aiindex._money.rates import convert_amount

    ind = ranking.indicator
    scale, base = split_scale(ind.unit)
    if base not in _currencies():
        from aiindex._present.korean import unit_label_ko

        raise _Said(
            "not_money", indicator=repr(ind.id), unit=ind.unit_label, unit_ko=unit_label_ko(ind)
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

    lang = _lang(args)
    text = " ".join(args.amount)
    try:
        amount, code = parse_parts(text)
    except AmountParseError:
        # "191.4e6 USD" or "1000 won": a plain number and a currency, which news text never
        # writes.
        if len(args.amount) != 2:
            raise
        try:
            amount, code = Decimal(args.amount[0]), _currency_code(args.amount[1])
        except InvalidOperation:
            raise _Said("amount_read", text=repr(text)) from None
    if not amount.is_finite() or abs(amount) >= _MAX_AMOUNT:
        raise _Said("amount_range", text=repr(_visible(text)), limit=f"{_MAX_AMOUNT:,.0f}")
    value, used = convert_amount(float(amount), code, _currency_code(args.to), on=_on(args.on))
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
    head = f"{float(amount):,.2f} {used.from_currency} = {value:,.2f} {used.to_currency}{shown}"
    if lang == "ko":
        return f"{head}\n환율: {used}\n출처: {used.source}."
    return f"{head}\nat {used}\nSource: {used.source}."


def _ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``.

    >>> [_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']
    """
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _title_line(ind: Indicator, year: int | str, lang: Lang) -> str:
    """``Private investment in AI (2024 edition, 2023)``, or its Korean form."""
    from aiindex._present.rows import edition_words, title

    if lang == "ko":
        return f"{title(ind, lang)} ({edition_words(ind.edition, lang)}, {year}년)"
    return f"{title(ind, lang)} ({edition_words(ind.edition, lang)}, {year})"


def _unit_after(value: str, ind: Indicator, lang: Lang) -> str:
    """A value and its unit as a sentence writes them: ``1.39 billion US dollars``, ``0.79%``."""
    from aiindex._present.rows import unit_label

    label = unit_label(ind, lang)
    return f"{value}{label}" if label.startswith("%") and lang != "ko" else f"{value} {label}"


def _cmd_rank(args: argparse.Namespace) -> str:
    from aiindex._present.numbers import shown
    from aiindex._present.rows import rank_label, source_line, tied_ranks
    from aiindex._sources.packaged import load
    from aiindex.exceptions import EntityKindError, IncompleteRankingError

    lang = _lang(args)
    ind = load(args.indicator, args.edition)
    obs = _observation(
        ind, args.entity, args.year, ("rank", ind.id, args.entity, "--year", args.year), lang
    )
    try:
        rank = ind.rank(obs.entity, obs.year)
    except IncompleteRankingError:
        raise _unranked(ind, obs) from None
    except EntityKindError:
        e = obs.entity
        raise _Said(
            "not_ranked_kind",
            **_who(e),
            kind_words=("an " if e.kind[0] in "aeiou" else "a ") + e.kind,
            ranked=ind.entity_kind,
            indicator=repr(ind.id),
            command=_command("show", ind.id, "--year", obs.year, "--edition", ind.edition),
        ) from None
    if args.json:
        data = _indicator_json(ind) | {"rank": rank} | _obs_json(obs, ind.id)
        return _json_cite(data, obs, args, lang)
    tied = rank in tied_ranks(ind.ranking(obs.year).ranks)
    value = _unit_after(shown(obs, ind.id, digits=_digits(args)), ind, lang)
    name = _name(obs.entity, lang)
    if lang == "ko":
        text = (
            f"{name}: {_title_line(ind, obs.year, lang)} {rank_label(rank, tied, 'ko')}, {value}."
        )
    else:
        standing = f"is tied for {_ordinal(rank)}" if tied else f"ranks {_ordinal(rank)}"
        text = f"{name} {standing} on {_title_line(ind, obs.year, lang)}: {value}."
    return _with_cite(f"{text}\n{source_line(ind, lang)}", obs, args, lang)


def _unranked(ind: Indicator, obs: Observation) -> _Said:
    """Why the table cannot rank ``obs``, and the command that shows its value."""
    from aiindex._present.korean import unit_label_ko
    from aiindex._present.numbers import shown
    from aiindex._present.rows import cutoff_text, ranking_rows

    cov = ind.coverage_for(obs.year)
    if cov.complete_down_to is not None:
        down_to = cutoff_text(cov, ranking_rows(ind.ranking(obs.year)))
        reach = f"holds every {ind.entity_kind} only down to {down_to} {ind.unit_label}"
        reach_ko = f"{down_to} {unit_label_ko(ind)} 이상만 빠짐없이 담고"
    else:
        what = "the top of a chart" if cov.kind == "top" else "a selection"
        reach = f"is {what} of {ind.entity_kind} entities"
        reach_ko = "차트 상위 항목만 담고" if cov.kind == "top" else "일부 항목만 담고"
    e = obs.entity
    return _Said(
        "unranked",
        **_who(e),
        indicator=repr(ind.id),
        year=obs.year,
        edition=ind.edition,
        reach=reach,
        reach_ko=reach_ko,
        value=shown(obs, ind.id),
        command=_command("show", ind.id, "--year", obs.year, "--edition", ind.edition),
    )


def _pair(
    args: argparse.Namespace, command: str, lang: Lang
) -> tuple[Indicator, Observation, Observation]:
    """The two values ``gap`` and ``ratio`` compare: of one year (``--year``, else the latest
    both have)."""
    from aiindex._sources.packaged import load

    ind = load(args.indicator, args.edition)
    typed = (command, ind.id, args.a, args.b, "--year", args.year)
    if args.year is not None:
        oa = _observation(ind, args.a, args.year, typed, lang)
        ob = _observation(ind, args.b, args.year, typed, lang)
        return ind, oa, ob
    _observation(ind, args.a, None, typed, lang)
    _observation(ind, args.b, None, typed, lang)
    oa, ob = ind._pair(args.a, args.b, None)
    return ind, oa, ob


def _pair_json(ind: Indicator, oa: Observation, ob: Observation, **result: float) -> dict[str, Any]:
    """The JSON of ``gap`` and ``ratio``: the two values and what was worked out of them."""
    return (
        _indicator_json(ind)
        | {"year": oa.year}
        | result
        | {"a": _obs_json(oa, ind.id), "b": _obs_json(ob, ind.id)}
    )


def _cmd_gap(args: argparse.Namespace) -> str:
    from aiindex._present.numbers import derived, gap_decimals, shown
    from aiindex._present.rows import source_line

    lang = _lang(args)
    ind, oa, ob = _pair(args, "gap", lang)
    gap = ind.gap(oa.entity, ob.entity, oa.year).magnitude
    if args.json:
        return _json_cite(_pair_json(ind, oa, ob, gap=gap), ind, args, lang)
    digits = _digits(args)
    a, b = shown(oa, ind.id, digits=digits), shown(ob, ind.id, digits=digits)
    difference = derived(gap, gap_decimals(oa, ob, indicator_id=ind.id), digits=digits)
    names = f"{_name(oa.entity, lang)} - {_name(ob.entity, lang)}"
    joiner = ", " if lang == "ko" else " on "
    text = (
        f"{names}{joiner}{_title_line(ind, oa.year, lang)}: {a} - {b} = "
        f"{_unit_after(difference, ind, lang)}."
    )
    return _with_cite(f"{text}\n{source_line(ind, lang)}", ind, args, lang)


def _cmd_ratio(args: argparse.Namespace) -> str:
    from aiindex._present.numbers import ratio_text, shown
    from aiindex._present.rows import source_line
    from aiindex.exceptions import UndefinedRatioError

    lang = _lang(args)
    ind, oa, ob = _pair(args, "ratio", lang)
    try:
        ratio = ind.ratio(oa.entity, ob.entity, oa.year)
    except UndefinedRatioError:
        raise _Said(
            "undefined_ratio",
            a=oa.entity.name,
            b=ob.entity.name,
            a_ko=oa.entity.display("ko"),
            b_ko=ob.entity.display("ko"),
            indicator=repr(ind.id),
            command=_command("gap", ind.id, args.a, args.b, "--year", oa.year),
        ) from None
    if args.json:
        return _json_cite(_pair_json(ind, oa, ob, ratio=ratio), ind, args, lang)
    digits = _digits(args)
    a, b = shown(oa, ind.id, digits=digits), shown(ob, ind.id, digits=digits)
    times = ratio_text(ratio, oa, ob, indicator_id=ind.id, digits=digits)
    names = f"{_name(oa.entity, lang)} / {_name(ob.entity, lang)}"
    if lang == "ko":
        text = f"{names}, {_title_line(ind, oa.year, lang)}: {a} / {b} = {times}배."
    else:
        text = f"{names} on {_title_line(ind, oa.year, lang)}: {a} / {b} = {times} times."
    return _with_cite(f"{text}\n{source_line(ind, lang)}", ind, args, lang)


def _cmd_growth(args: argparse.Namespace) -> str:
    from aiindex._analysis.series import growth
    from aiindex._present.numbers import derived, gap_decimals, percent_change, shown
    from aiindex._present.rows import source_line
    from aiindex._sources.packaged import load
    from aiindex.exceptions import IncomparableError

    lang = _lang(args)
    _edition_option(args, "growth")
    vintage = _vintage(args)
    try:
        g = growth(
            args.indicator,
            args.entity,
            args.start,
            args.end,
            vintage=vintage,
            mixed_editions=args.mixed_editions,
        )
    except IncomparableError:
        from aiindex._analysis.series import series
        from aiindex._reference.entities import resolve

        e = resolve(args.entity)
        points = {o.year: o for o in series(args.indicator, e, vintage=vintage)}
        raise _Said(
            "mixed_editions",
            **_who(e),
            indicator=repr(args.indicator),
            start=args.start,
            end=args.end,
            first=points[args.start].source.edition,
            last=points[args.end].source.edition,
        ) from None
    ind = load(args.indicator, g.end.source.edition)
    digits = _digits(args)
    first, last = shown(g.start, ind.id, digits=digits), shown(g.end, ind.id, digits=digits)
    change = derived(g.absolute, gap_decimals(g.start, g.end, indicator_id=ind.id), digits=digits)
    if not change.startswith("-") and g.absolute > 0:
        change = "+" + change
    undefined = "정의되지 않음" if lang == "ko" else "not defined"
    relative = (
        percent_change(g.relative, g.start, g.end, indicator_id=ind.id, digits=digits)
        if g.relative is not None
        else undefined
    )
    cagr = (
        percent_change(g.cagr, g.start, g.end, indicator_id=ind.id, digits=digits)
        if g.cagr is not None
        else undefined
        + (" (두 값이 모두 양수가 아님)" if lang == "ko" else " (the values are not both positive)")
    )
    if args.json:
        data = _indicator_json(ind) | {
            "start": _obs_json(g.start, ind.id),
            "end": _obs_json(g.end, ind.id),
            "absolute": g.absolute,
            "relative": g.relative,
            "cagr": g.cagr,
            "editions": list(g.editions),
        }
        return _json_cite(data, ind, args, lang)
    editions = sorted({e for e in g.editions if e is not None})
    eds = ", ".join(map(str, editions))
    name = _name(g.entity, lang)
    if lang == "ko":
        text = (
            f"{name}, {_title_line(ind, f'{args.start}~{args.end}', lang)}: {first} → {last}, "
            f"변화 {_unit_after(change, ind, lang)} ({relative}), 연평균 증가율 {cagr}. "
            f"({eds}년판 값)"
        )
    else:
        text = (
            f"{name} on {_title_line(ind, f'{args.start} to {args.end}', lang)}: {first} -> "
            f"{last}, change {_unit_after(change, ind, lang)} ({relative}); compound annual "
            f"growth {cagr}. (Values of the {eds} edition{'s' if len(editions) > 1 else ''}.)"
        )
    return _with_cite(f"{text}\n{source_line(ind, lang)}", ind, args, lang)


def _definition_words(indicator_id: str, edition: int, lang: Lang, *, named: bool) -> str:
    """What an edition's indicator measures: its title, and with ``named`` its definition's
    label too (where two definitions share a title)."""
    from aiindex._present.rows import title
    from aiindex._sources.packaged import load

    ind = load(indicator_id, edition)
    words = title(ind, lang)
    if named and ind.definition:
        words += f" ({ind.definition.replace('_', ' ')})"
    return words


def _cmd_revisions(args: argparse.Namespace) -> str:
    from aiindex._analysis.series import revisions
    from aiindex._present.numbers import shown
    from aiindex._present.rows import source_words, unit_label
    from aiindex._present.text import table
    from aiindex._present.words import word
    from aiindex._sources.packaged import load

    lang = _lang(args)
    _edition_option(args, "revisions")
    revs = revisions(args.indicator, args.entity, args.year)
    if args.json:
        return _dumps(
            [
                {"edition": r.edition, "definition": r.definition}
                | _obs_json(r.observation, args.indicator)
                for r in revs
            ]
        )
    first = revs[0].observation
    newest = revs[-1].definition
    digits = _digits(args)
    titles = {
        r.definition: _definition_words(args.indicator, r.edition, lang, named=False) for r in revs
    }
    # Two definitions under one title: each is named by its label as well.
    named = len(set(titles.values())) < len(titles)
    rows = []
    changes = 0
    for i, r in enumerate(revs):
        ind = load(args.indicator, r.edition)
        changed = i > 0 and r.definition != revs[i - 1].definition
        changes += changed
        mark = word("changed", lang) if changed else ""
        definition = _definition_words(args.indicator, r.edition, lang, named=named)
        if r.definition != newest:
            definition += " *"
        rows.append(
            (
                str(r.edition),
                shown(r.observation, args.indicator, digits=digits),
                unit_label(ind, lang),
                definition,
                mark,
                source_words(r.observation, lang),
            )
        )
    newest_ind = load(args.indicator, revs[-1].edition)
    name = _name(first.entity, lang)
    if lang == "ko":
        head = f"{name}, {newest_ind.title_ko or newest_ind.title}, {args.year}년 값: 판별"
    else:
        head = f"{name}, {newest_ind.title}, data year {args.year}: one value per edition"
    header = (*(word(k, lang) for k in ("edition", "value", "unit", "definition")), "")
    header += (word("source", lang),)
    body = table(header, rows, (True, True, False, False, False, False))
    tail = []
    if changes:
        if lang == "ko":
            tail.append(
                "* 표시한 판은 지표의 정의가 달라(다른 것을 셈) 그 값은 같은 수치의 수정이 "
                "아닙니다."
            )
        else:
            tail.append(
                "Editions marked * define the indicator differently (they count something "
                "else): their values are not revisions of one figure."
            )
    return "\n".join([head, body, *tail])


def _cmd_series(args: argparse.Namespace) -> str:
    from aiindex._analysis.editions import same_definition
    from aiindex._analysis.series import series
    from aiindex._present.numbers import shown
    from aiindex._present.rows import source_words, unit_label
    from aiindex._present.text import table
    from aiindex._present.words import word
    from aiindex._sources.packaged import load

    lang = _lang(args)
    _edition_option(args, "series")
    vintage = _vintage(args)
    points = series(args.indicator, args.entity, vintage=vintage)
    if args.json:
        return _dumps([_obs_json(p, args.indicator) for p in points])
    digits = _digits(args)
    rows = [
        (
            p.period or str(p.year),
            shown(p, args.indicator, digits=digits),
            str(p.source.edition),
            source_words(p, lang),
        )
        for p in points
    ]
    editions = sorted({p.source.edition for p in points if p.source.edition}, reverse=True)
    newest = load(args.indicator, editions[0])
    name = _name(points[0].entity, lang)
    title_words = newest.title_ko or newest.title if lang == "ko" else newest.title
    if lang == "ko":
        head = f"{name}, {title_words} (단위: {unit_label(newest, lang)}), 데이터 연도별"
    else:
        head = f"{name}, {title_words} ({unit_label(newest, lang)}), by data year"
    header = tuple(word(k, lang) for k in ("year", "value", "edition", "source"))
    body = table(header, rows, (False, True, True, False))
    tail = []
    if len(editions) > 1:
        tail.append(
            "연도마다 그 값이 있는 가장 최신 판의 값(판끼리는 서로의 수치를 고침)."
            if lang == "ko"
            else "Each year from the newest edition that has it (editions revise each other)."
        )
    if vintage == "latest":
        other = same_definition(args.indicator)[1]
        if other:
            eds = ", ".join(map(str, other))
            see = _command("revisions", args.indicator, args.entity, "YEAR")
            tail.append(
                f"{eds}년판은 정의가 달라(다른 것을 셈) 섞지 않음. 비교: {see}"
                if lang == "ko"
                else f"Definition changed: the {eds} edition(s) count something else and are "
                f"not mixed in; {see} shows them side by side."
            )
    return "\n".join([head, body, *tail])


def _cmd_compare(args: argparse.Namespace) -> str:
    from aiindex._analysis.compare import compare
    from aiindex._present.text import compare_table

    lang = _lang(args)
    _edition_option(args, "compare")
    vintage = _vintage(args)
    years = None
    if args.since is not None or args.until is not None:
        years = range(args.since or 1900, (args.until or 2100) + 1)
    c = compare(args.indicator, args.entities, vintage=vintage, years=years)
    if args.plot is not None:
        _plot(c, args, lang)
    if args.json:
        data = _indicator_json(c.indicator) | {
            "editions": list(c.editions),
            "left_out": list(c.left_out),
            "entities": [e.id for e in c.entities],
            "years": list(c.years),
            "cells": [
                {"entity": e.id, "year": y}
                | (_obs_json(o, c.indicator.id) if o else {"value": None})
                for e, y, o in c.cells
            ],
        }
        return _json_cite(data, c.indicator, args, lang)
    text = compare_table(c, lang=lang, digits=_digits(args))
    return _with_cite(text, c.indicator, args, lang)


def _cmd_profile(args: argparse.Namespace) -> str:
    from aiindex._analysis.profile import profile

    lang = _lang(args)
    p = profile(args.entity, edition=args.edition)
    if not args.json:
        from aiindex._present.text import profile_table

        text = profile_table(p, lang=lang, digits=_digits(args))
        if not p.rows:
            text += "\n" + _profile_elsewhere(p, args, lang)
        return text
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
                | _obs_json(row.observation, row.indicator.id)
                for row in p.rows
            ],
        }
    )


def _profile_elsewhere(p: Profile, args: argparse.Namespace, lang: Lang) -> str:
    """Where an entity without values in one edition does have some, and how to see them."""
    from aiindex._analysis.profile import profile
    from aiindex._sources.packaged import catalogue

    others = [e for e in sorted(catalogue(), reverse=True) if e != p.edition]
    having = [e for e in others if profile(p.entity, edition=e).rows]
    if not having:
        return (
            "다른 판에도 값이 없습니다." if lang == "ko" else "No other edition has a value for it."
        )
    eds = ", ".join(map(str, having))
    command = _command("profile", args.entity, "--edition", having[0])
    if lang == "ko":
        return f"값이 있는 판: {eds}. 예: {command}"
    return f"Editions with values for it: {eds}; e.g. {command}"


def _cmd_export(args: argparse.Namespace) -> str:
    from aiindex._present.datapackage import export_datapackage

    path = export_datapackage(args.directory, edition=args.edition, overwrite=args.force)
    if _lang(args) == "ko":
        return f"데이터 패키지를 썼습니다: {path}"
    return f"Data package written to {path}"


def _cmd_import_public_data(args: argparse.Namespace) -> str:
    from aiindex._sources.public_data import read_public_data

    lang = _lang(args)
    if args.edition is None:
        raise _Said("import_edition")
    if not args.path.strip():
        raise _Said("import_path")
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
    if lang != "ko":
        return str(data)
    from aiindex._present.rows import title
    from aiindex._present.text import table

    head = (
        f"AI 인덱스 {data.edition} 공개 데이터: 그림 파일 {len(data.files)}개에서 지표 "
        f"{len(data.indicators)}개"
    )
    rows = [
        (i, title(ind, "ko"), _years_text(list(ind.years)), f"{len(ind.observations):,}개 값")
        for i, ind in data.indicators.items()
    ]
    lines = [head, table(("지표", "제목", "연도", "값"), rows, (False, False, False, True))]
    if data.unknown:
        lines.append(f"연결하지 않은 파일 {len(data.unknown)}개: " + ", ".join(data.unknown))
    return "\n".join(lines)


# An article is some 10 KB: this is two hundred long ones, about ten seconds of checking (its
# time is linear in the text's length; /dev/zero never ends).
_MAX_ARTICLE_BYTES = 2 * 1024 * 1024


def _article(name: str) -> str:
    """The text ``check`` reads: a file or standard input, bounded, strictly UTF-8."""
    from aiindex._io.bounded import read_limited, size_text

    label = "standard input" if name == "-" else repr(_visible(name))
    if name == "-":
        stdin = sys.stdin
        if stdin is None:
            raise _Said("stdin_closed")
        raw = getattr(stdin, "buffer", None)
        if raw is None:  # replaced by a text stream (a test, an embedding program)
            text = stdin.read(_MAX_ARTICLE_BYTES + 1)
            if len(text) > _MAX_ARTICLE_BYTES:
                raise _Said("article_too_large", file=label, size=size_text(_MAX_ARTICLE_BYTES))
            return str(text)
        data = read_limited(raw, _MAX_ARTICLE_BYTES, label=label)
    else:
        # Any readable file (a pipe from <(...) too), but never more than an article's worth.
        try:
            with open(name, "rb") as f:
                data = read_limited(f, _MAX_ARTICLE_BYTES, label=label)
        except OSError as exc:
            raise _Said("read_file", file=label, why=exc.strerror or exc) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Said("not_utf8_at", file=label, byte=exc.start + 1) from None


def _cmd_check(args: argparse.Namespace) -> Result:
    import os

    from aiindex._check import run_check_cli

    text = _article(args.file)
    # As given: --lang, else the environment's, else None (the checker then follows the text).
    lang = getattr(args, "lang", None) or (
        _lang(args) if os.environ.get(LANG_VARIABLE, "").strip() else None
    )
    return run_check_cli(text, as_json=args.json, edition=args.edition, lang=lang)


def _cmd_figures(args: argparse.Namespace) -> str:
    from aiindex._present.figures import figure_json, figures_text
    from aiindex._sources.figures import figures

    lang = _lang(args)
    found = figures(args.edition, chapter=args.chapter, search=args.search)
    edition = args.edition or max(f.edition for f in figures())
    if args.json:
        return _dumps([figure_json(f, rows=False) for f in found])
    what = []
    if args.chapter is not None:
        what.append(f"{args.chapter}장" if lang == "ko" else f"chapter {args.chapter}")
    if args.search:
        what.append(f"{args.search!r} 검색" if lang == "ko" else f"matching {args.search!r}")
    return figures_text(found, edition, what=", ".join(what), lang=lang)


def _cmd_figure(args: argparse.Namespace) -> Result:
    from aiindex._sources.figures import figure

    fig = figure(args.id, edition=args.edition)
    if args.csv:
        from aiindex._sources.figures import figure_bytes

        return figure_bytes(fig)
    from aiindex._present.figures import figure_json, figure_text

    return _dumps(figure_json(fig)) if args.json else figure_text(fig, lang=_lang(args))


# -- each command's own arguments -----------------------------------------------------------

_YEAR_HELP = "data year (default: the latest year with a value)"


def _cmd_composite(args: argparse.Namespace) -> str:
    from aiindex._present.composite import composite_command

    target = _plot_target(args.plot) if args.plot is not None else None
    out, chart = composite_command(
        args.weights,
        edition=args.edition,
        year=args.year,
        countries=args.countries,
        normalize=args.normalize,
        aggregation=args.aggregation,
        missing=args.missing,
        impute=args.impute,
        min_coverage=args.min_coverage,
        draws=args.uncertainty,
        seed=args.seed,
        plot=target is not None,
        highlight=args.highlight,
        lang=_lang(args),
        as_json=bool(args.json),
    )
    if chart is not None and target is not None:
        chart.savefig(target, bbox_inches="tight", dpi=150)
        print(f"aiindex: chart written to {_visible(target)}", file=sys.stderr)
    return out


def _list_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--search", help="words the id, title or Korean title must all contain ('특허', 'patents')"
    )


def _show_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("indicator", help="indicator id (aiindex list shows them)")
    p.add_argument("--year", type=int, help=_YEAR_HELP)
    p.add_argument("--top", type=int, metavar="N", help="only the first N rows (and ties)")
    p.add_argument("--notes", action="store_true", help="print every row's note under the table")
    p.add_argument("--currency", help="also show money values in this currency (KRW, won, 원)")
    p.add_argument("--on", help="date (YYYY-MM-DD) or year of the rate for --currency")
    p.add_argument("--plot", metavar="FILE", help="also draw the ranking to FILE (.png/.svg/.pdf)")
    p.add_argument("--highlight", default="KOR", help="entity to highlight in --plot (KOR)")
    _cite_argument(p)


def _rank_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("indicator", help="indicator id (aiindex list shows them)")
    p.add_argument("entity", help="a name or code: KOR, South Korea, 한국")
    p.add_argument("--year", type=int, help=_YEAR_HELP)
    _cite_argument(p)


def _cite_argument(p: argparse.ArgumentParser) -> None:
    from aiindex._present.words import CITE_STYLES as STYLES

    p.add_argument(
        "--cite",
        nargs="?",
        const="short",
        choices=STYLES,
        help="also print how to credit the figure: " + ", ".join(STYLES) + " (default short)",
    )


def _pair_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("indicator", help="indicator id (aiindex list shows them)")
    p.add_argument("a", help="the first entity: KOR, South Korea, 한국")
    p.add_argument("b", help="the second entity")
    p.add_argument("--year", type=int, help="data year (default: the latest both have)")
    _cite_argument(p)


def _growth_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("indicator", help="indicator id (aiindex list shows them)")
    p.add_argument("entity", help="a name or code: KOR, South Korea, 한국")
    p.add_argument("start", type=int, help="the first data year")
    p.add_argument("end", type=int, help="the last data year")
    _vintage_argument(p)
    p.add_argument(
        "--mixed-editions",
        action="store_true",
        help="compare values of two editions, which revise each other",
    )
    _cite_argument(p)


def _vintage_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--vintage",
        type=int,
        metavar="EDITION",
        help="take every year from this edition (default: each year from the newest edition "
        "that has it)",
    )


def _compare_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("entities", nargs="+", help="names or codes: KOR JPN USA")
    p.add_argument("--indicator", required=True, help="indicator id (aiindex list shows them)")
    _vintage_argument(p)
    p.add_argument("--from", dest="since", type=int, metavar="YEAR", help="first data year")
    p.add_argument("--to", dest="until", type=int, metavar="YEAR", help="last data year")
    p.add_argument("--plot", metavar="FILE", help="also draw line charts to FILE (.png/.svg/.pdf)")
    p.add_argument("--highlight", default="KOR", help="entity to highlight in --plot (KOR)")
    _cite_argument(p)


def _profile_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("entity", help="a name or code: KOR, South Korea, 한국, openai")


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("directory", help="the folder to write the data package to")
    p.add_argument(
        "--force",
        action="store_true",
        help="write into a folder that holds other files (files of the package's names are "
        "replaced; no other file is touched)",
    )


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="the public-data folder or .zip file")


def _check_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a text file, or - for standard input")
    p.epilog = (
        "The figures are checked against the edition the article names ('AI Index 2026', "
        "'AI 인덱스 2024'), else --edition, else the newest; an article about an edition aiindex "
        "does not ship is listed with nothing graded."
    )


def _revisions_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("indicator", help="indicator id (aiindex list shows them)")
    p.add_argument("entity", help="a name or code: KOR, South Korea, 한국")
    p.add_argument("year", type=int, help="the data year")


def _series_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("indicator", help="indicator id (aiindex list shows them)")
    p.add_argument("entity", help="a name or code: KOR, South Korea, 한국")
    _vintage_argument(p)


def _figures_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--chapter", help="one chapter, by number (4) or name ('Economy')")
    p.add_argument("--search", help="words the figure's id or title must all contain")


# The choices of aiindex.composite (tests/analysis/test_composite.py holds them equal), written
# out so that building this parser imports nothing of the analysis.
_COMPOSITE_CHOICES = {
    "normalize": ("minmax", "zscore", "rank"),
    "aggregation": ("arithmetic", "geometric"),
    "missing": ("refuse", "skip", "impute"),
    "impute": ("worst", "median"),
}


def _draws(text: str) -> int:
    from aiindex._analysis.composite import MAX_DRAWS

    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_DRAWS:
        raise argparse.ArgumentTypeError(
            f"give a number of draws from 1 to {MAX_DRAWS:,}, not {_visible(text)!r}"
        )
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"give a whole number from 0, not {_visible(text)!r}")
    return value


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(
            f"give a share in (0, 1], such as 0.5, not {_visible(text)!r}"
        )
    return value


def _composite_arguments(p: argparse.ArgumentParser) -> None:
    p.description = (
        "WEIGHTS is a TOML file: 'indicator_id = weight' lines, and [pillar] tables of them. "
        "Without --weights, aiindex's starter pillars (its own choice, not the AI Index "
        "Vibrancy Tool's weights)."
    )
    p.add_argument("--weights", metavar="WEIGHTS", help="the weights file (TOML)")
    p.add_argument(
        "--year", type=int, help="data year of every indicator (default: each one's latest)"
    )
    p.add_argument("--countries", help="only these countries, comma-separated (KOR,JPN,USA)")
    choices = _COMPOSITE_CHOICES
    p.add_argument("--normalize", choices=choices["normalize"], default="minmax")
    p.add_argument("--aggregation", choices=choices["aggregation"], default="arithmetic")
    p.add_argument(
        "--missing",
        choices=choices["missing"],
        default="refuse",
        help="missing values: refuse (default), skip (renormalise weights) or impute",
    )
    p.add_argument(
        "--impute", choices=choices["impute"], default="worst", help="with --missing impute"
    )
    p.add_argument(
        "--min-coverage",
        type=_share,
        default=0.5,
        help="rank countries with values for at least this share of the weight (0.5)",
    )
    p.add_argument(
        "--uncertainty",
        metavar="N",
        type=_draws,
        help="also rank under N random weightings and every normalisation (e.g. 1000)",
    )
    p.add_argument("--seed", type=_seed, help="seed of --uncertainty's draws (0 or more)")
    p.add_argument("--plot", metavar="PNG", help="also draw the contributions (and intervals)")
    p.add_argument("--highlight", default="KOR", help="country to highlight in --plot (KOR)")


def _figure_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="the figure: 4.2.8, fig_4.2.8 or fig_4.2.8.csv")
    p.add_argument(
        "--csv", action="store_true", help="print the release's CSV file exactly as published"
    )


def _convert_arguments(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Convert money at the ECB reference rate of a date or a year's mean. AMOUNT is text "
        "such as '1억9천140만 달러', '$67.2 billion' or '191.4e6 USD'."
    )
    p.add_argument("amount", nargs="+", help="the amount and its currency")
    p.add_argument("to", help="the currency to convert to (KRW, won, 원, USD ...)")
    p.add_argument("--on", required=True, help="date (YYYY-MM-DD) or year (YYYY)")


# Every command, in the order --help lists them: its help line, what adds its own arguments
# to its parser, and what runs it. Only the parser of the command given is built.
_COMMANDS: dict[
    str,
    tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], Result]],
] = {
    "list": ("list the indicators, with their editions and years", _list_arguments, _cmd_list),
    "show": ("an indicator's table, ranked", _show_arguments, _cmd_show),
    "rank": ("an entity's rank on an indicator", _rank_arguments, _cmd_rank),
    "gap": ("value(A) - value(B) on an indicator", _pair_arguments, _cmd_gap),
    "ratio": ("value(A) / value(B) on an indicator", _pair_arguments, _cmd_ratio),
    "compare": (
        "entities side by side over the data years, across editions",
        _compare_arguments,
        _cmd_compare,
    ),
    "growth": (
        "an entity's change between two data years",
        _growth_arguments,
        _cmd_growth,
    ),
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
    "composite": (
        "rank countries on weighted indicators, with the ranks' uncertainty",
        _composite_arguments,
        _cmd_composite,
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
