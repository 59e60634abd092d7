"""The figures of the AI Index public-data releases as records: columns, cells printed and typed.

A `Figure` is one CSV file of a release, described by the packaged index (title, data
providers, the role of each column). Its cells are read on first access, through a reader that
`aiindex._sources.figures` hands in: this module does no I/O.

Every cell keeps the text the file prints (`Figure.cells`); `Figure.rows` holds the same cells
typed: numbers as `int` (the text is an integer) or `float`, years as `int`, empty cells as
`None` (missing, never zero), other text unchanged.

>>> fig = Figure(
...     id="9.9.9", edition=2026, chapter=9, chapter_name="Example", title="Example",
...     title_source="header", providers=(), source_line=None,
...     columns=(
...         Column("Year", "year"), Column("Share", "value", "%"), Column("Label", "category")
...     ),
...     path="data/figures/2026/9. Example/fig_9.9.9.csv", file="fig_9.9.9.csv",
...     reader=lambda: "Year,Share,Label\\n2013.0,41.76%,AI\\n2014,,Other\\n",
... )
>>> fig.cells
(('2013.0', '41.76%', 'AI'), ('2014', '', 'Other'))
>>> fig.rows
((2013, 41.76, 'AI'), (2014, None, 'Other'))
"""

from __future__ import annotations

import _thread
import math
import re
from typing import TYPE_CHECKING, Any, Literal

import attrs

from aiindex.exceptions import DataError, MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd

__all__ = [
    "MISSING",
    "ROLES",
    "Cell",
    "Column",
    "Figure",
    "Role",
    "TitleSource",
    "Uses",
    "parse_cell",
    "split_table",
]

Role = Literal["entity", "year", "category", "value"]
ROLES: tuple[Role, ...] = ("entity", "year", "category", "value")
TitleSource = Literal["chart", "header"]
#: What aiindex builds from a figure: indicator ids, and the reason where it builds none.
Uses = tuple[tuple[str, ...], str | None]
Cell = int | float | str | None

# The marks the releases print for "no value": an empty cell, and once a dash.
MISSING = frozenset({"", "-", "--"})

# "2013.0": a year written by a spreadsheet that stored it as a float.
_YEAR = re.compile(r"\d{4}\.0*")
# A number as the releases print it: "101.885", "-43%", "38,746", "1.48E+13", ".5".
_NUMBER = re.compile(
    r"(?P<int>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+))?(?P<frac>\.\d*)?(?P<exp>[eE][-+]?\d+)?%?"
)


def parse_cell(text: str, role: Role = "category") -> Cell:
    """The typed value of one cell, as `Figure.rows` holds it.

    Numbers may carry a percent sign or thousands separators, as printed; the sign and the
    separators go, the number stays as printed (``"41.76%"`` is 41.76, not 0.4176). A year
    written ``"2013.0"`` is the int 2013 in a year column only.

    >>> parse_cell("38,746"), parse_cell("-43%"), parse_cell("1.5E+3"), parse_cell("")
    (38746, -43, 1500.0, None)
    >>> parse_cell("2013.0", "year"), parse_cell("2013.0", "value"), parse_cell("2022Q1")
    (2013, 2013.0, '2022Q1')
    """
    stripped = text.strip()
    if stripped in MISSING:
        return None
    if role == "year" and _YEAR.fullmatch(stripped):
        return int(stripped[:4])
    # Fast path, most cells: a plain integer, or a float that float() reads. float() also
    # reads "1_000", "nan" and "inf", which the files never mean: the checks rule them out.
    body = stripped[1:] if stripped[0] in "+-" else stripped
    if not (body[:1].isdigit() or body[:1] == "."):
        return text  # a label: no number starts otherwise
    if body.isascii() and body.isdigit():
        return int(stripped)
    if "_" not in body and body[-1:].isdigit():
        try:
            number = float(stripped)
        except ValueError:
            pass
        else:
            if math.isfinite(number):
                return number
    m = _NUMBER.fullmatch(stripped)
    if m is None:
        return text
    whole, frac, exp = m.group("int", "frac", "exp")
    if whole is None and (frac is None or len(frac) == 1):
        return text  # "%", ".", "e5": no digits
    if exp is None and frac is None and whole is not None:
        return int(whole.replace(",", ""))
    number = float(stripped.removesuffix("%").replace(",", ""))
    return number if math.isfinite(number) else text


def split_table(text: str, *, path: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A CSV file's header and data rows, every cell as printed; `DataError` on a ragged row.

    >>> split_table('a,b\\r\\n1,"x, y"\\r\\n', path="t.csv")
    (('a', 'b'), (('1', 'x, y'),))
    """
    import csv
    import io

    rows = tuple(map(tuple, csv.reader(io.StringIO(text, newline=""))))
    if not rows:
        raise DataError("empty file: no header row", path=path)
    header, body = rows[0], rows[1:]
    if body and set(map(len, body)) != {len(header)}:
        number, row = next((n, r) for n, r in enumerate(body, 2) if len(r) != len(header))
        raise DataError(f"line {number} has {len(row)} cells, the header {len(header)}", path=path)
    return header, body


@attrs.frozen
class Column:
    """One column of a figure's file: its name as published, its role, and the unit it states.

    ``role`` is ``"entity"`` (countries, organizations, models, states), ``"year"``,
    ``"value"`` (the numbers) or ``"category"`` (any other label, dates and periods included).
    ``unit`` is what the header states (``"(in thousands)"`` gives ``"thousands"``), or ``"%"``
    when every cell prints a percent sign; None when neither says.

    >>> Column("Number of AI publications in CS (in thousands)", "value", "thousands").unit
    'thousands'
    """

    name: str
    role: Role
    unit: str | None = None


class _Cells:
    """A figure's cells, read and parsed once, on first use, whatever the thread."""

    __slots__ = ("_lock", "_raw", "_typed")

    def __init__(self) -> None:
        self._lock = _thread.allocate_lock()
        self._raw: tuple[tuple[str, ...], ...] | None = None
        self._typed: tuple[tuple[Cell, ...], ...] | None = None

    def raw(self, figure: Figure) -> tuple[tuple[str, ...], ...]:
        if self._raw is None:
            with self._lock:
                if self._raw is None:
                    header, body = split_table(figure._reader(), path=figure.path)
                    names = tuple(c.name for c in figure.columns)
                    if header != names:
                        raise DataError(
                            f"header {list(header)} is not the indexed columns {list(names)}:"
                            " the figure index is out of date (scripts/build_figures.py)",
                            path=figure.path,
                        )
                    self._raw = body
        return self._raw

    def typed(self, figure: Figure) -> tuple[tuple[Cell, ...], ...]:
        if self._typed is None:
            raw = self.raw(figure)
            with self._lock:
                if self._typed is None:
                    # Column by column, each distinct text parsed once: most cells repeat.
                    typed = []
                    columns = zip(*raw, strict=True) if raw else ()
                    for texts, column in zip(columns, figure.columns, strict=bool(raw)):
                        memo = {t: parse_cell(t, column.role) for t in set(texts)}
                        typed.append(map(memo.__getitem__, texts))
                    self._typed = tuple(zip(*typed, strict=True)) if raw else ()
        return self._typed


@attrs.frozen
class Figure:
    """One figure of an AI Index public-data release: its file, described and parsed.

    ``id`` is the figure number ("4.2.8"; "4.3.1(1)" and "7.2.1_hardware" for the release's
    extra files; ``file`` keeps the published name, such as "fig_6.4,2.csv" for figure 6.4.2).
    ``title`` comes from the release's chart (``title_source == "chart"``) or, for a file
    without chart text, from its header (``"header"``). ``providers`` are the data providers the
    chart's source line names; ``source_line`` is that line as printed. ``path`` is the packaged
    copy of the file, relative to the package. ``note`` says why a title is not the obvious one.

    >>> fig = Figure(
    ...     id="4.2.8", edition=2026, chapter=4, chapter_name="Economy",
    ...     title="Global private investment in AI by geographic area, 2025",
    ...     title_source="chart", providers=("Quid",),
    ...     source_line="Source: Quid, 2025 | Chart: 2026 AI Index report",
    ...     columns=(Column("Total", "value", "billions"), Column("Country", "entity")),
    ...     path="data/figures/2026/4. Economy/fig_4.2.8.csv", file="fig_4.2.8.csv",
    ...     reader=lambda: "Total,Country\\n0.97,Sweden\\n,Japan\\n",
    ... )
    >>> fig.header, fig.rows
    (('Total', 'Country'), ((0.97, 'Sweden'), (None, 'Japan')))
    """

    id: str
    edition: int
    chapter: int
    chapter_name: str
    title: str
    title_source: TitleSource
    providers: tuple[str, ...]
    source_line: str | None
    columns: tuple[Column, ...]
    path: str
    file: str
    _reader: Callable[[], str] = attrs.field(eq=False, repr=False, alias="reader")
    note: str | None = None
    # What aiindex builds from the figure, looked up on first use (the loader hands it in).
    _uses: Callable[[], Uses] = attrs.field(
        default=lambda: ((), None), eq=False, repr=False, alias="uses"
    )
    _cells: _Cells = attrs.field(factory=_Cells, init=False, eq=False, repr=False)

    @property
    def indicators(self) -> tuple[str, ...]:
        """The ids of the indicators aiindex builds from this figure, () where it builds none.

        Each is ``aiindex.indicator(id, edition=figure.edition)``; `skip_reason` says why a
        figure of entities gives none.

        >>> aiindex.figure("4.2.8", edition=2026).indicators
        ('private_investment',)
        """
        return self._uses()[0]

    @property
    def skip_reason(self) -> str | None:
        """Why aiindex builds no indicator from this figure, as its mapping records it; None
        where it builds one, or where the file has no column of entities beside one of values.

        >>> aiindex.figure("6.4.2", edition=2026).skip_reason
        'medical AI publications by ethics topic and year: categories, not entities (the release names the file fig_6.4,2.csv)'
        """  # noqa: E501
        return self._uses()[1]

    @property
    def header(self) -> tuple[str, ...]:
        """The column names, as the file's first line prints them."""
        return tuple(c.name for c in self.columns)

    @property
    def cells(self) -> tuple[tuple[str, ...], ...]:
        """The data rows with every cell as the file prints it (header excluded)."""
        return self._cells.raw(self)

    @property
    def rows(self) -> tuple[tuple[Cell, ...], ...]:
        """The data rows typed: see `parse_cell`. Rows the file repeats stay repeated."""
        return self._cells.typed(self)

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a DataFrame (needs ``aiindex[pandas]``), missing cells as ``<NA>``.

        Integer and float columns get pandas' nullable dtypes; others stay objects. The frame's
        ``attrs`` name the figure, its edition, title, source line and packaged file.

        >>> fig = Figure(
        ...     id="9.9.9", edition=2026, chapter=9, chapter_name="Example", title="Example",
        ...     title_source="header", providers=(), source_line=None,
        ...     columns=(Column("Year", "year"), Column("Value", "value")),
        ...     path="data/figures/2026/9. Example/fig_9.9.9.csv", file="fig_9.9.9.csv",
        ...     reader=lambda: "Year,Value\\n2024,1.5\\n2025,\\n",
        ... )
        >>> df = fig.to_pandas()
        >>> [str(t) for t in df.dtypes], df.attrs["figure"], df["Value"].isna().tolist()
        (['Int64', 'Float64'], '9.9.9', [False, True])
        """
        try:
            import pandas as pd
        except ImportError:
            raise MissingExtraError("pandas", "pandas") from None

        rows = self.rows
        data: dict[int, Any] = {}
        for j in range(len(self.columns)):
            values: list[Any] = [row[j] for row in rows]
            present = [v for v in values if v is not None]
            if present and all(type(v) is int for v in present):
                data[j] = pd.array(values, dtype="Int64")
            elif present and all(type(v) in (int, float) for v in present):
                data[j] = pd.array(values, dtype="Float64")
            else:
                data[j] = pd.array(values, dtype=object)
        # Built by position: some files repeat a column name.
        frame = pd.DataFrame(data)
        frame.columns = pd.Index(self.header, dtype=object)
        frame.attrs.update(
            figure=self.id,
            edition=self.edition,
            title=self.title,
            source_line=self.source_line,
            path=self.path,
        )
        return frame
