"""The figures of the AI Index 2025 and 2026 public-data releases, as shipped in the package.

``data/figures/<edition>/<chapter folder>/<file>.csv`` are byte-identical copies of the
releases' files; ``data/figures/index.json`` (written by ``scripts/build_figures.py``) gives each
its id, chapter, title, data providers and column roles. The index is read once per process; a
figure's file is read and parsed on first access to its cells, then kept.

>>> len(figures(2025)), len(figures(2026))
(304, 343)
>>> figure("fig_4.2.8.csv").title
'Global private investment in AI by geographic area, 2025'
"""

from __future__ import annotations

import _thread
import re
from typing import Any

from aiindex._model.figure import Column, Figure, Uses
from aiindex._model.names import matches, words
from aiindex._once import once
from aiindex.exceptions import DataError, UnknownEditionError, UnknownFigureError

__all__ = ["MAX_BYTES", "figure", "figure_bytes", "figures"]

INDEX = "figures/index.json"
# The largest shipped file is about 0.2 MB; anything near this bound is not a figure file.
MAX_BYTES = 5 * 1024 * 1024

_LOCK = _thread.allocate_lock()
_CATALOG: _Catalog | None = None


def _read_bytes(relative: str) -> bytes:
    """The bytes of one packaged figure file, refusing one over `MAX_BYTES`."""
    from aiindex._io.files import read_bytes

    return read_bytes(relative, limit=MAX_BYTES)


def _read_file(relative: str, encoding: str) -> str:
    """The text of one packaged figure file, refusing one over `MAX_BYTES`."""
    data = _read_bytes(relative)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DataError(f"not {encoding} text: {exc}", path=f"aiindex/data/{relative}") from None


def figure_bytes(fig: Figure) -> bytes:
    """The figure's file exactly as the release published it (the packaged copy's bytes).

    >>> figure_bytes(figure("4.2.8")).splitlines()[0]
    b'Total Investment (in Billions of U.S. Dollars),Country'
    """
    return _read_bytes(fig.path.removeprefix("data/"))


class _Reader:
    """The deferred read of one file: a callable the `Figure` calls on first access."""

    __slots__ = ("_encoding", "_relative")

    def __init__(self, relative: str, encoding: str) -> None:
        self._relative = relative
        self._encoding = encoding

    def __call__(self) -> str:
        return _read_file(self._relative, self._encoding)


def key(text: str) -> str:
    """The lookup form of a figure id: "fig_6.4,2.csv", "Fig 6.4.2" and "6.4.2" are one key.

    >>> key("fig_4.2.8.csv"), key(" FIG_6.4,2 "), key("4.3.1(1)")
    ('4.2.8', '6.4.2', '4.3.1(1)')
    """
    s = text.strip().lower()
    s = re.sub(r"^(?:fig(?:ure)?[\s_.]*)", "", s)
    return s.removesuffix(".csv").replace(",", ".").strip()


USES = "registry/figures.json"


@once
def _uses() -> tuple[str, dict[str, Any]]:
    from aiindex._io.files import read_compiled

    return read_compiled(USES)


class _Uses:
    """The deferred lookup of what aiindex builds from one figure (`Figure.indicators`): the
    compiled registry is read when a figure's indicators are first asked for, not when
    figures are listed."""

    __slots__ = ("_edition", "_stem")

    def __init__(self, edition: int, file: str) -> None:
        self._edition = str(edition)
        self._stem = file.removesuffix(".csv")

    def __call__(self) -> Uses:
        label, data = _uses()
        try:
            built = data["built"].get(self._edition, {}).get(self._stem, ())
            reason = data["skipped"].get(self._edition, {}).get(self._stem)
            return tuple(map(str, built)), None if reason is None else str(reason)
        except (KeyError, TypeError, AttributeError) as exc:
            raise DataError(
                f"damaged figure registry ({exc!r}): rebuild it with scripts/compile_data.py",
                path=label,
            ) from None


def _figure(record: dict[str, Any]) -> Figure:
    path = record["path"]
    return Figure(
        id=record["id"],
        edition=record["edition"],
        chapter=record["chapter"],
        chapter_name=record["chapter_name"],
        title=record["title"],
        title_source=record["title_source"],
        providers=tuple(record["providers"]),
        source_line=record["source_line"],
        columns=tuple(Column(*c) for c in record["columns"]),
        path=path,
        file=record["file"],
        reader=_Reader(path.removeprefix("data/"), record.get("encoding", "utf-8")),
        note=record.get("note"),
        uses=_Uses(record["edition"], record["file"]),
    )


class _Edition:
    """The figures of one edition, in the index's order, and by id: one `Figure` is made when
    it is asked for by id (`aiindex figure 4.2.8` needs one, not the edition's 343), all of
    them when the edition is listed; either way each id has one record."""

    __slots__ = ("_all", "_lock", "_made", "_records", "_words", "label")

    def __init__(self, records: list[dict[str, Any]], label: str) -> None:
        self.label = label
        self._lock = _thread.allocate_lock()
        self._records: dict[str, dict[str, Any]] = {}
        try:
            for r in records:
                if r["id"] in self._records:
                    raise DataError(f"an id of {r['edition']} is listed twice", path=label)
                self._records[r["id"]] = r
        except (KeyError, TypeError) as exc:
            raise self._damaged(exc) from None
        self._made: dict[str, Figure] = {}
        self._all: tuple[Figure, ...] | None = None
        self._words: dict[str, tuple[str, ...]] | None = None

    def _damaged(self, exc: Exception) -> DataError:
        return DataError(
            f"damaged figure index ({exc!r}): rebuild it with scripts/build_figures.py",
            path=self.label,
        )

    def get(self, id: str) -> Figure | None:
        made = self._made.get(id)
        if made is not None or id not in self._records:
            return made
        with self._lock:
            made = self._made.get(id)
            if made is None:
                try:
                    made = self._made[id] = _figure(self._records[id])
                except (KeyError, TypeError, ValueError) as exc:
                    raise self._damaged(exc) from None
        return made

    def ids(self) -> list[str]:
        return list(self._records)

    @property
    def figures(self) -> tuple[Figure, ...]:
        if self._all is None:
            made = tuple(self.get(i) for i in self._records)
            self._all = tuple(f for f in made if f is not None)
        return self._all

    def words_of(self, fig: Figure) -> tuple[str, ...]:
        if self._words is None:
            self._words = {f.id: words(f"{f.id} {f.title}") for f in self.figures}
        return self._words[fig.id]


class _Catalog:
    """The index, read once; an edition's records are indexed on its first use."""

    def __init__(self, label: str, records: dict[int, list[dict[str, Any]]]) -> None:
        self.label = label
        self.editions = tuple(sorted(records))
        self._records = records
        self._built: dict[int, _Edition] = {}

    def edition(self, edition: int) -> _Edition:
        built = self._built.get(edition)
        if built is None:
            with _LOCK:
                built = self._built.get(edition)
                if built is None:
                    built = self._built[edition] = _Edition(self._records[edition], self.label)
        return built


def _catalog() -> _Catalog:
    global _CATALOG
    if _CATALOG is None:
        with _LOCK:
            if _CATALOG is None:
                from aiindex._io.files import read_json

                label, raw = read_json(INDEX)
                records: dict[int, list[dict[str, Any]]] = {}
                try:
                    for record in raw["figures"]:
                        records.setdefault(record["edition"], []).append(record)
                except (KeyError, TypeError) as exc:
                    raise DataError(f"damaged figure index ({exc!r})", path=label) from None
                _CATALOG = _Catalog(label, records)
    return _CATALOG


def _edition(catalog: _Catalog, edition: object) -> int:
    if edition is None:
        return catalog.editions[-1]
    if isinstance(edition, bool) or not isinstance(edition, int) or edition not in catalog.editions:
        raise UnknownEditionError(edition, catalog.editions)
    return edition


def figures(
    edition: int | None = None, *, chapter: int | str | None = None, search: str | None = None
) -> tuple[Figure, ...]:
    """The figures of one edition's public-data release (None: the newest, 2026), in order.

    ``chapter`` keeps one chapter, by number or name (case-insensitive); ``search`` keeps the
    figures whose id and title have every one of its words, each as a word or the start of one
    (case-insensitive: "invest" finds "investment"). Raises `UnknownEditionError`.

    >>> [f.id for f in figures(2026, chapter=4, search="private investment geographic")]
    ['4.2.8', '4.2.10', '4.2.11', '4.2.12']
    >>> figures(2025, chapter="Public Opinion")[0].title
    'Global opinions on products and services using AI (% of total), 2022–24'
    """
    catalog = _catalog()
    chosen = catalog.edition(_edition(catalog, edition))
    found = chosen.figures
    if chapter is not None:
        if isinstance(chapter, str) and not chapter.strip().isdigit():
            name = chapter.strip().casefold()
            found = tuple(f for f in found if f.chapter_name.casefold() == name)
        else:
            number = int(chapter)
            found = tuple(f for f in found if f.chapter == number)
    if search:
        found = tuple(f for f in found if matches(search, chosen.words_of(f)))
    return found


def _suggest(wanted: str, ids: list[str]) -> list[str]:
    """The ids closest to ``wanted``: those of its section first ("4.2.99" -> "4.2.9")."""
    import difflib

    def shared(candidate: str) -> int:
        n = 0
        for a, b in zip(wanted.split("."), candidate.split("."), strict=False):
            if a != b:
                break
            n += 1
        return n

    scored = []
    for candidate in ids:
        ratio = difflib.SequenceMatcher(None, wanted, candidate).ratio()
        if ratio >= 0.6:
            scored.append((-shared(candidate), -ratio, candidate))
    return [c for *_, c in sorted(scored)[:3]]


def figure(id: str, *, edition: int | None = None) -> Figure:
    """One figure by id: "4.2.8", "fig_4.2.8" or the file name "fig_4.2.8.csv".

    Without ``edition``, the newest edition (2026). Raises `UnknownFigureError` with the
    closest ids of the edition, or `UnknownEditionError`.

    >>> figure("fig_4.3.1(1).csv").title
    'Share of respondents who say their organization uses AI in at least one function, 2017–25'
    >>> figure("4.2.99")
    Traceback (most recent call last):
    ...
    aiindex.exceptions.UnknownFigureError: unknown figure '4.2.99' in the 2026 edition. ...
    """
    catalog = _catalog()
    chosen = _edition(catalog, edition)
    wanted = key(id) if isinstance(id, str) else ""
    found = catalog.edition(chosen).get(wanted)
    if found is not None:
        return found
    ids = catalog.edition(chosen).ids()
    elsewhere = [
        e for e in catalog.editions if e != chosen and catalog.edition(e).get(wanted) is not None
    ]
    raise UnknownFigureError(str(id), _suggest(wanted, ids), chosen, elsewhere)
