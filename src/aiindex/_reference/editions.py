"""The AI Index editions: publication date, recommended citation and data license.

Recorded by hand in ``data/editions.toml``, each fact with where it was read; read at run time
from its compiled form, ``data/compiled/registry/editions.json``, which the build writes after
checking it (`aiindex._sources.compile.editions`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from aiindex._once import once
from aiindex.exceptions import DataError, UnknownEditionError

if TYPE_CHECKING:
    import datetime as _dt

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
    def reference(self) -> str:
        """The recorded citation, or where none was sourced (2026), the title and publisher.

        >>> aiindex.edition_info(2026).reference
        'Stanford HAI, "Artificial Intelligence Index Report 2026", 2026-04-13.'
        """
        if self.citation:
            return self.citation
        return f'{self.publisher}, "{self.title}", {self.published}.'

    @property
    def month(self) -> int:
        """The publication month (1-12)."""
        return int(self.published.split("-")[1])

    @property
    def published_date(self) -> _dt.date | None:
        """The publication day, or None where only the month is sourced."""
        import datetime as _dt

        parts = self.published.split("-")
        return _dt.date(*map(int, parts)) if len(parts) == 3 else None

    def __str__(self) -> str:
        return f"AI Index {self.edition} (published {self.published}, {self.license})"


@once
def _recorded() -> dict[int, Edition]:
    """The editions of data/editions.toml, from its compiled form (validated by the build)."""
    from aiindex._io.files import read_compiled

    path, data = read_compiled("registry/editions.json")
    out: dict[int, Edition] = {}
    try:
        for rec in data["editions"]:
            e = Edition(
                **{**rec, "authors": tuple(rec["authors"]), "sources": tuple(rec["sources"])}
            )
            out[e.edition] = e
    except (KeyError, TypeError) as exc:
        raise DataError(f"damaged compiled file ({exc})", path=path) from None
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
    [(2025, '2025-04'), (2026, '2026-04-13')]
    """
    from aiindex._io.files import catalogue

    return tuple(edition_info(e) for e in catalogue())
