"""Entities and the names they go by.

Two sources: ``data/entities.toml`` (the report's own names, Korean press names, World Bank
aliases, organizations, models, groups) and pycountry (every ISO 3166-1 code and name, with
its Korean translation). pycountry is imported only when a name is not in our own file.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from aiindex._records import Entity
from aiindex.exceptions import DataError, UnknownEntityError

__all__ = ["by_id", "is_entity", "names_of", "normalize", "resolve", "slug"]

_DROP = re.compile(r"[\s\-_.,'’()]+")


def normalize(text: str) -> str:
    """The key names are matched on: case, spacing and punctuation do not matter.

    >>> normalize("Korea, Rep.") == normalize("korea rep")
    True
    """
    return _DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def slug(text: str) -> str:
    """A lowercase-hyphen id for a name: ``slug("Llama 2 70B")`` -> ``'llama-2-70b'``.

    >>> slug("PaLM (540B)")
    'palm-540b'
    """
    s = re.sub(r"[^0-9a-z]+", "-", unicodedata.normalize("NFKC", text).casefold()).strip("-")
    if not s:
        raise ValueError(f"cannot make an id from {text!r}: it has no letters or digits")
    return s


@functools.cache
def _own() -> dict[str, tuple[Entity, tuple[str, ...]]]:
    """Entities of data/entities.toml by id, each with its aliases."""
    from aiindex._convert import structure
    from aiindex._load import read_toml
    from aiindex._schema import EntitiesFile

    path, raw = read_toml("entities.toml")
    parsed = structure(raw, EntitiesFile, path=path)
    out: dict[str, tuple[Entity, tuple[str, ...]]] = {}
    for rec in parsed.entities:
        if rec.id in out:
            raise DataError(f"entity id {rec.id!r} is defined twice", path=path)
        names = (rec.name, *((rec.name_ko,) if rec.name_ko else ()), *rec.names)
        out[rec.id] = (Entity(rec.id, rec.kind, rec.name, rec.name_ko), names)
    return out


def _korean_country_names() -> dict[str, str]:
    import gettext

    import pycountry

    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ko"])
    except OSError:  # pragma: no cover - pycountry ships ko; without it, no Korean names
        return {}
    return {c.alpha_3: tr.gettext(c.name) for c in pycountry.countries}


@functools.cache
def _countries() -> dict[str, tuple[Entity, tuple[str, ...]]]:
    """Every ISO 3166-1 country by alpha-3, with the names pycountry knows for it."""
    import pycountry

    korean = _korean_country_names()
    own = _own()
    out: dict[str, tuple[Entity, tuple[str, ...]]] = {}
    for c in pycountry.countries:
        names = [c.alpha_3, c.alpha_2, c.name]
        names += [getattr(c, a) for a in ("official_name", "common_name") if hasattr(c, a)]
        ko = korean.get(c.alpha_3)
        if ko and ko != c.name:
            names.append(ko)
        if c.alpha_3 in own:
            entity, aliases = own[c.alpha_3]
            names = [*aliases, *names]
        else:
            entity = Entity(c.alpha_3, "country", getattr(c, "common_name", c.name), ko)
        out[c.alpha_3] = (entity, tuple(dict.fromkeys(names)))
    return out


def by_id(entity_id: str) -> Entity:
    """The entity with this exact id; shipped data files refer to entities by id.

    Entities named in our own file need no pycountry import, which keeps loading a table cheap.
    """
    own = _own().get(entity_id)
    if own is not None:
        return own[0]
    country = _countries().get(entity_id)
    if country is None:
        raise UnknownEntityError(entity_id, _suggest(entity_id))
    return country[0]


def names_of(entity: Entity) -> tuple[str, ...]:
    """Every name ``entity`` resolves from."""
    table = _countries() if entity.kind == "country" else _own()
    found = table.get(entity.id)
    return found[1] if found is not None else (entity.name,)


@functools.cache
def _index() -> dict[str, Entity]:
    index: dict[str, Entity] = {}
    for entity, names in _countries().values():
        for name in names:
            index[normalize(name)] = entity
    # Our own names are added last so they win: "Korea" is South Korea in every AI Index table.
    for entity, names in _own().values():
        for name in (entity.id, *names):
            index[normalize(name)] = entity
    return index


def resolve(text: str | Entity) -> Entity:
    """The entity a name, code or alias refers to.

    >>> [resolve(t).id for t in ("KOR", "KR", "South Korea", "Korea, Rep.", "한국")]
    ['KOR', 'KOR', 'KOR', 'KOR', 'KOR']
    """
    if isinstance(text, Entity):
        return text
    if not isinstance(text, str):
        raise TypeError(f"an entity is a name or code (str), not {type(text).__name__}")
    own = _own().get(text)
    if own is not None:
        return own[0]
    found = _index().get(normalize(text))
    if found is None:
        raise UnknownEntityError(text, _suggest(text))
    return found


def is_entity(text: str) -> bool:
    """Whether ``text`` resolves, without raising.

    >>> is_entity("구글"), is_entity("Atlantis")
    (True, False)
    """
    try:
        resolve(text)
    except UnknownEntityError:
        return False
    return True


def _suggest(text: str) -> tuple[str, ...]:
    index = _index()
    keys = difflib.get_close_matches(normalize(text), list(index), n=3, cutoff=0.75)
    seen: dict[str, None] = {}
    for key in keys:
        seen.setdefault(index[key].name, None)
    return tuple(seen)
