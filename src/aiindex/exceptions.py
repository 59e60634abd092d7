"""The errors aiindex raises.

Every error derives from :class:`AIIndexError` and also from the builtin it refines, so
``except KeyError`` keeps working for code that does not know aiindex. Each keeps the
offending input as an attribute and its message says what would work instead.

>>> import aiindex
>>> try:
...     aiindex.indicator("ai_patent_per_capita", edition=2024)
... except aiindex.UnknownIndicatorError as e:
...     print(e.suggestions[0])
ai_patents_per_capita
"""

from __future__ import annotations

# Annotations only: `import aiindex` loads this module, and collections.abc costs ~3 ms.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "AIIndexError",
    "AmountParseError",
    "ArgumentError",
    "DataError",
    "EntityKindError",
    "HangulFontWarning",
    "IncomparableError",
    "IncompleteRankingError",
    "MissingExtraError",
    "MissingFileError",
    "MissingValueError",
    "NotMoneyError",
    "RateUnavailableError",
    "UndefinedRatioError",
    "UnknownCurrencyError",
    "UnknownEditionError",
    "UnknownEntityError",
    "UnknownFigureError",
    "UnknownIndicatorError",
    "WriteRefusedError",
]


class AIIndexError(Exception):
    """Base class of every error aiindex raises.

    >>> issubclass(aiindex.UnknownEntityError, aiindex.AIIndexError)
    True
    """

    def __str__(self) -> str:
        # KeyError's own __str__ would quote the message as a repr; keep messages readable.
        return str(self.args[0]) if self.args else self.__class__.__name__


def _did_you_mean(suggestions: Sequence[str]) -> str:
    if not suggestions:
        return ""
    return " Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"


class UnknownIndicatorError(AIIndexError, KeyError):
    """An indicator id that no shipped edition has.

    ``.indicator`` is the id asked for, ``.suggestions`` the closest known ids.

    >>> isinstance(aiindex.UnknownIndicatorError("x", ()), KeyError)
    True
    """

    def __init__(
        self, indicator: str, suggestions: Sequence[str], edition: int | None = None
    ) -> None:
        where = f" in the {edition} edition" if edition is not None else ""
        super().__init__(
            f"unknown indicator {indicator!r}{where}.{_did_you_mean(suggestions)}"
            " `aiindex list` shows every indicator."
        )
        self.indicator = indicator
        self.suggestions = tuple(suggestions)
        self.edition = edition


class UnknownEntityError(AIIndexError, KeyError):
    """A name that resolves to no country, organization, model or group.

    >>> try:
    ...     aiindex.entity("Koreaa")
    ... except aiindex.UnknownEntityError as e:
    ...     print(e.suggestions[0])
    South Korea
    """

    def __init__(self, text: str, suggestions: Sequence[str]) -> None:
        super().__init__(
            f"unknown entity {text!r}.{_did_you_mean(suggestions)}"
            " Countries resolve by ISO code or name (KOR, KR, South Korea, 한국)."
        )
        self.text = text
        self.suggestions = tuple(suggestions)


class UnknownEditionError(AIIndexError, KeyError):
    """An AI Index edition that aiindex does not ship.

    >>> isinstance(aiindex.UnknownEditionError(1999, (2024,)), LookupError)
    True
    """

    def __init__(self, edition: object, known: Sequence[int], indicator: str | None = None) -> None:
        what = f" of indicator {indicator!r}" if indicator else ""
        # "2025" for 2025: say that an edition is a number, not text.
        hint = " (an edition is an int, not a str)" if isinstance(edition, str) else ""
        super().__init__(
            f"no {edition!r} edition{what}{hint}; editions available: "
            + ", ".join(str(e) for e in known)
        )
        self.edition = edition
        self.known = tuple(known)


class EntityKindError(AIIndexError, ValueError):
    """An entity of a kind the indicator does not measure (a model in a country table).

    >>> isinstance(aiindex.EntityKindError("x"), ValueError)
    True
    """


class IncomparableError(AIIndexError, ValueError):
    """Values that should not be compared as they stand (two editions that revise each other).

    >>> isinstance(aiindex.IncomparableError("x"), ValueError)
    True
    """


class MissingValueError(AIIndexError, LookupError):
    """The indicator has no value for that entity (or that year). Never read as zero.

    >>> isinstance(aiindex.MissingValueError("x"), LookupError)
    True
    """


class IncompleteRankingError(AIIndexError, ValueError):
    """The table is partial and neither it nor the source can establish the rank.

    >>> isinstance(aiindex.IncompleteRankingError("x"), ValueError)
    True
    """


class UndefinedRatioError(AIIndexError, ZeroDivisionError):
    """A ratio whose denominator is zero (Korea's zero foundation models).

    >>> isinstance(aiindex.UndefinedRatioError("x"), ZeroDivisionError)
    True
    """


class DataError(AIIndexError, ValueError):
    """A data file (shipped or the user's) that does not have the expected shape.

    The message names the file, the record and the field; ``.path`` keeps the file.

    >>> str(aiindex.DataError("bad value", path="t.csv"))
    't.csv: bad value'
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path


class MissingFileError(AIIndexError, FileNotFoundError):
    """A file or folder to read that does not exist (``open`` raises `FileNotFoundError` too).

    >>> err = aiindex.MissingFileError("no such file", path="t.csv")
    >>> isinstance(err, FileNotFoundError), err.filename, str(err)
    (True, 't.csv', 't.csv: no such file')
    """

    def __init__(self, message: str, *, path: str) -> None:
        import errno

        super().__init__(f"{path}: {message}")
        # OSError's own fields, set by hand: its constructor would make the message the errno.
        self.errno = errno.ENOENT
        self.strerror = message
        self.filename = path
        self.path = path


class WriteRefusedError(AIIndexError, FileExistsError):
    """A write refused because it would replace, delete or follow what aiindex did not write.

    ``.path`` is the file or folder in the way; the message says how to go ahead.

    >>> err = aiindex.WriteRefusedError("README.md is a symbolic link", path="out/README.md")
    >>> isinstance(err, FileExistsError), err.filename
    (True, 'out/README.md')
    """

    def __init__(self, message: str, *, path: str) -> None:
        import errno

        super().__init__(message)
        self.errno = errno.EEXIST
        self.strerror = message
        self.filename = path
        self.path = path


class ArgumentError(AIIndexError, ValueError):
    """An argument outside what a function accepts; the message says what it accepts.

    >>> isinstance(aiindex.ArgumentError("x"), ValueError)
    True
    """


class RateUnavailableError(AIIndexError, LookupError):
    """No exchange rate for that date: before the first or after the last fixing shipped.

    >>> isinstance(aiindex.RateUnavailableError("x"), LookupError)
    True
    """


class UnknownCurrencyError(AIIndexError, KeyError):
    """A currency code the ECB reference rates do not quote.

    >>> isinstance(aiindex.UnknownCurrencyError("x"), KeyError)
    True
    """


class NotMoneyError(AIIndexError, ValueError):
    """A conversion asked of a quantity that is not an amount of money.

    >>> isinstance(aiindex.NotMoneyError("x"), ValueError)
    True
    """


class AmountParseError(AIIndexError, ValueError):
    """Text that is not an amount aiindex can read; the message points at the spot.

    >>> isinstance(aiindex.AmountParseError("x"), ValueError)
    True
    """


_EXTRAS: dict[str, str] = {
    "pandas": "pandas and pint-pandas",
    "plot": "matplotlib",
}


class MissingExtraError(AIIndexError, ImportError):
    """An optional dependency that a call needs is not installed.

    ``.extra`` names the aiindex extra that installs it; the message gives the pip command.

    >>> err = aiindex.MissingExtraError("pandas", "pandas")
    >>> isinstance(err, ImportError), 'pip install "aiindex[pandas]"' in str(err)
    (True, True)
    """

    def __init__(self, extra: str, module: str) -> None:
        what = _EXTRAS.get(extra, extra)
        super().__init__(
            f"this needs {what}, which is not installed (no module {module!r}): "
            f'pip install "aiindex[{extra}]"'
        )
        self.extra = extra
        self.name = module


class HangulFontWarning(UserWarning):
    """``lang="ko"`` was asked for but no installed font has Hangul: labels stay English.

    >>> issubclass(aiindex.HangulFontWarning, UserWarning)
    True
    """


class UnknownFigureError(AIIndexError, KeyError):
    """A figure id that the edition's public-data release does not have.

    ``.figure`` is the id asked for, ``.edition`` the edition searched, ``.suggestions`` the
    closest ids of that edition and ``.elsewhere`` the other editions that have the id.

    >>> err = aiindex.exceptions.UnknownFigureError("4.2.99", ("4.2.9",), 2026)
    >>> isinstance(err, KeyError), str(err)
    (True, "unknown figure '4.2.99' in the 2026 edition. Did you mean '4.2.9'? ...")
    """

    def __init__(
        self,
        figure: str,
        suggestions: Sequence[str],
        edition: int,
        elsewhere: Sequence[int] = (),
    ) -> None:
        also = ""
        if elsewhere:
            which = " and ".join(str(e) for e in elsewhere)
            also = f" The {which} edition{'s have' if len(elsewhere) > 1 else ' has'} it."
        super().__init__(
            f"unknown figure {figure!r} in the {edition} edition.{_did_you_mean(suggestions)}"
            f"{also} aiindex.figures({edition}) lists the figures of that edition."
        )
        self.figure = figure
        self.suggestions = tuple(suggestions)
        self.edition = edition
        self.elsewhere = tuple(elsewhere)
