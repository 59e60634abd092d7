"""The AI Index editions: publication date, recommended citation and data license.

Recorded by hand in ``data/editions.toml``, each fact with where it was read.
"""

from __future__ import annotations

import datetime as _dt
import functools

import attrs

from aiindex.exceptions import DataError, UnknownEditionError

__all__ = ["Edition", "edition_info", "editions", "known_editions"]


@attrs.frozen
class Edition:
    """One AI Index edition: when it was published, how to cite it, its data license.

    ``published`` is an ISO date as precise as the sources allow ("2024-04-15", "2025-04");
    ``sources`` says where each fact was read.

    >>> e = aiindex.edition_info(2024)
    >>> e.published, e.published_date, e.license
    ('2024-04-15', datetime.date(2024, 4, 15), 'CC BY-ND 4.0')
    """

    edition: int
    published: str
    title: str
    publisher: str
    authors: tuple[str, ...]
    citation: str
    license: str
    license_title: str
    license_url: str
    url: str
    sources: tuple[str, ...]

    @property
    def month(self) -> int:
        """The publication month (1-12)."""
        return int(self.published.split("-")[1])

    @property
    def published_date(self) -> _dt.date | None:
        """The publication day, or None where only the month is sourced."""
        parts = self.published.split("-")
        return _dt.date(*map(int, parts)) if len(parts) == 3 else None

    def __str__(self) -> str:
        return f"AI Index {self.edition} (published {self.published}, {self.license})"


@attrs.frozen
class _EditionsFile:
    editions: tuple[Edition, ...]


@functools.cache
def _recorded() -> dict[int, Edition]:
    from aiindex._io.files import read_toml
    from aiindex._io.structure import structure

    path, raw = read_toml("editions.toml")
    out: dict[int, Edition] = {}
    for e in structure(raw, _EditionsFile, path=path).editions:
        if e.edition in out:
            raise DataError(f"edition {e.edition} is recorded twice", path=path)
        try:
            e.published_date  # noqa: B018 - validate the date while loading
        except ValueError:
            raise DataError(f"edition {e.edition}: bad date {e.published!r}", path=path) from None
        out[e.edition] = e
    return out


def known_editions() -> tuple[int, ...]:
    """The editions with a recorded citation and license (shipped or not).

    >>> 2024 in aiindex._reference.editions.known_editions()
    True
    """
    return tuple(sorted(_recorded()))


def edition_info(edition: int) -> Edition:
    """The recorded facts of one edition; `UnknownEditionError` for one not recorded.

    >>> aiindex.edition_info(2025).published
    '2025-04'
    """
    info = _recorded().get(edition)
    if info is None:
        raise UnknownEditionError(edition, known_editions())
    return info


def editions() -> tuple[Edition, ...]:
    """The AI Index editions aiindex ships data for, oldest first.

    >>> [(e.edition, e.published) for e in aiindex.editions()][-2:]
    [(2024, '2024-04-15'), (2025, '2025-04')]
    """
    from aiindex._sources.packaged import editions as shipped

    return tuple(edition_info(e) for e in shipped())
