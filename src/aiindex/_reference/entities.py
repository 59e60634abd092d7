"""Entities and the names they go by.

Two sources: ``data/entities.toml`` (the report's own names, Korean press names, World Bank
aliases, organizations, models, groups) with ``data/models.toml`` (the models of the public
data's benchmark figures), compiled into one registry, and pycountry's ISO 3166-1 database
(every code and name, with its Korean translation). That database is read straight from the
files pycountry ships: importing pycountry itself costs about 70 ms (it loads
importlib.metadata and an email parser for its version string), several times more than
reading the table.

Subdivisions (US states, ISO 3166-2 "US-CA") come from pycountry's ISO 3166-2 database, with
their Korean names from ``data/entities.toml``. Their names are scoped: "CA" and "Georgia" are
California and the US state only where a table of US states is read (`resolve_subdivision`);
everywhere else they stay Canada and the country, and a subdivision is found by its ISO code.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import TYPE_CHECKING

from aiindex._model.names import normalize, slug
from aiindex._model.records import Entity
from aiindex._once import once
from aiindex.exceptions import DataError, UnknownEntityError

if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "all_names",
    "by_id",
    "did_you_mean",
    "is_entity",
    "names_of",
    "normalize",
    "resolve",
    "resolve_many",
    "resolve_subdivision",
    "slug",
]


@once
def _own() -> dict[str, tuple[Entity, tuple[str, ...]]]:
    """Entities of data/entities.toml and data/models.toml by id, each with its names, from
    their compiled form."""
    from aiindex._io.files import read_compiled

    path, data = read_compiled("registry/entities.json")
    try:
        return own_entities(data["entities"])
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"damaged compiled file ({exc!r})", path=path) from None


def own_entities(
    rows: list[list[Any]],
) -> dict[str, tuple[Entity, tuple[str, ...]]]:
    """The registry of our own entities from the compiled rows ``[id, kind, name, name_ko,
    names]``, ``names`` being every name the entity goes by, its own name first."""
    return {
        entity_id: (Entity(entity_id, kind, name, name_ko), tuple(names))
        for entity_id, kind, name, name_ko, names in rows
    }


@once
def _pycountry_dir() -> str | None:
    """Where the pycountry package lies, found without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("pycountry")
    locations = spec.submodule_search_locations if spec is not None else None
    return locations[0] if locations else None


@once
def _iso3166() -> tuple[dict[str, str], ...]:
    """The ISO 3166-1 records of pycountry's database (alpha_2, alpha_3, name, ...)."""
    import json
    import os

    where = _pycountry_dir()
    if where is not None:
        try:
            with open(os.path.join(where, "databases", "iso3166-1.json"), "rb") as f:
                return tuple(json.load(f)["3166-1"])
        except (OSError, ValueError, KeyError):
            pass  # a pycountry with another layout: ask it the slow way
    import pycountry

    fields = ("alpha_2", "alpha_3", "name", "official_name", "common_name")
    return tuple({k: getattr(c, k) for k in fields if hasattr(c, k)} for c in pycountry.countries)


@once
def _korean_country_names() -> dict[str, str]:
    """Each country's Korean name (its English one where pycountry has no translation)."""
    import os

    where = _pycountry_dir()
    if where is None:  # pragma: no cover - pycountry is a dependency
        return {}
    path = os.path.join(where, "locales", "ko", "LC_MESSAGES", "iso3166-1.mo")
    try:
        catalogue = read_mo(path)
    except OSError:  # pragma: no cover - pycountry ships ko; without it, no Korean names
        return {}
    except ValueError:  # pragma: no cover - not a catalogue this reader knows: ask gettext
        import gettext

        with open(path, "rb") as f:
            catalogue = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    return {c["alpha_3"]: catalogue.get(c["name"], c["name"]) for c in _iso3166()}


def read_mo(path: str) -> dict[str, str]:
    """The messages of a gettext catalogue (.mo), msgid -> msgstr.

    Read here with ``struct`` rather than through ``gettext``, whose import and parsing cost a
    cold process more than reading the whole table of countries. Raises `ValueError` for a file
    that is not a little- or big-endian catalogue of revision 0.
    """
    import struct

    with open(path, "rb") as f:
        data = f.read()
    magic = data[:4]
    order = {b"\xde\x12\x04\x95": "<", b"\x95\x04\x12\xde": ">"}.get(magic)
    if order is None:
        raise ValueError(f"{path}: not a gettext catalogue")
    revision, count, originals, translations = struct.unpack_from(order + "4I", data, 4)
    if revision >> 16 != 0:
        raise ValueError(f"{path}: catalogue revision {revision >> 16} is not 0")
    # Two tables of (length, offset) pairs: the messages, then their translations.
    keys = struct.unpack_from(f"{order}{2 * count}I", data, originals)
    values = struct.unpack_from(f"{order}{2 * count}I", data, translations)
    out = {}
    for i in range(0, 2 * count, 2):
        key = data[keys[i + 1] : keys[i + 1] + keys[i]]
        value = data[values[i + 1] : values[i + 1] + values[i]]
        out[key.decode("utf-8")] = value.decode("utf-8")
    return out


def _country(record: dict[str, str]) -> tuple[Entity, tuple[str, ...]]:
    code = record["alpha_3"]
    names = [code, record["alpha_2"], record["name"]]
    names += [record[a] for a in ("official_name", "common_name") if a in record]
    ko = _korean_country_names().get(code)
    if ko and ko != record["name"]:
        names.append(ko)
    own = _own().get(code)
    if own is not None:
        entity, aliases = own
        names = [*aliases, *names]
    else:
        entity = Entity(code, "country", record.get("common_name", record["name"]), ko)
    return entity, tuple(dict.fromkeys(names))


@once
def _iso_by_code() -> dict[str, dict[str, str]]:
    return {r["alpha_3"]: r for r in _iso3166()}


@once
def _country_of(code: str) -> tuple[Entity, tuple[str, ...]]:
    """One country and its names, made when first asked for: a table names a few dozen."""
    return _country(_iso_by_code()[code])


@once
def _countries() -> dict[str, tuple[Entity, tuple[str, ...]]]:
    """Every ISO 3166-1 country by alpha-3, with the names pycountry knows for it."""
    return {code: _country_of(code) for code in _iso_by_code()}


def country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-3 codes pycountry knows: the ids of every country."""
    return frozenset(_iso_by_code())


# -- subdivisions (ISO 3166-2) ----------------------------------------------------------------

_SUBDIVISION_ID = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")


@once
def _iso3166_2() -> dict[str, dict[str, str]]:
    """pycountry's ISO 3166-2 subdivisions by code ("US-CA"): code, name, type, parent."""
    import json
    import os

    where = _pycountry_dir()
    if where is not None:
        try:
            with open(os.path.join(where, "databases", "iso3166-2.json"), "rb") as f:
                return {r["code"]: r for r in json.load(f)["3166-2"]}
        except (OSError, ValueError, KeyError):
            pass  # a pycountry with another layout: ask it the slow way
    import pycountry

    return {s.code: {"code": s.code, "name": s.name} for s in pycountry.subdivisions}


def subdivision_codes() -> frozenset[str]:
    """The ISO 3166-2 codes pycountry knows: the ids of every subdivision."""
    return frozenset(_iso3166_2())


@once
def _subdivision_of(code: str) -> tuple[Entity, tuple[str, ...]]:
    """One subdivision and its names: ours (the Korean ones), its codes and pycountry's name."""
    record = _iso3166_2()[code]
    names = [code, code.partition("-")[2], record["name"]]
    own = _own().get(code)
    if own is not None:
        entity, aliases = own
        names = [*aliases, *names]
    else:
        entity = Entity(code, "subdivision", record["name"])
    return entity, tuple(dict.fromkeys(names))


@once
def _subdivision_index(country: str) -> dict[str, Entity]:
    """Every name of ``country``'s subdivisions (alpha-3), normalized."""
    prefix = _iso_by_code()[country]["alpha_2"] + "-"
    index: dict[str, Entity] = {}
    for code in _iso3166_2():
        if code.startswith(prefix):
            entity, names = _subdivision_of(code)
            for name in names:
                index[normalize(name)] = entity
    return index


def resolve_subdivision(text: str, country: str) -> Entity:
    """The subdivision of ``country`` (ISO alpha-3 or alpha-2) a name or code means, within
    that country.

    "CA" is California here, and Canada to `resolve`; "Georgia" the US state here.

    >>> [resolve_subdivision(t, "USA").id for t in ("CA", "California", "US-CA", "GEORGIA")]
    ['US-CA', 'US-CA', 'US-CA', 'US-GA']
    """
    if country not in _iso_by_code():
        alpha3 = {r["alpha_2"]: code for code, r in _iso_by_code().items()}.get(country)
        if alpha3 is None:
            raise UnknownEntityError(country, _suggest(country))
        country = alpha3
    index = _subdivision_index(country)
    found = index.get(normalize(text))
    if found is None:
        import difflib

        keys = difflib.get_close_matches(normalize(text), list(index), n=3, cutoff=0.75)
        raise UnknownEntityError(text, tuple(dict.fromkeys(index[k].name for k in keys)))
    return found


def by_id(entity_id: str) -> Entity:
    """The entity with this exact id; shipped data files refer to entities by id.

    Entities named in our own file need no pycountry data, and a country only its own record,
    which keeps loading a table cheap.
    """
    own = _own().get(entity_id)
    if own is not None:
        return own[0]
    if entity_id in _iso_by_code():
        return _country_of(entity_id)[0]
    if _SUBDIVISION_ID.fullmatch(entity_id) and entity_id in _iso3166_2():
        return _subdivision_of(entity_id)[0]
    raise UnknownEntityError(entity_id, _suggest(entity_id))


def names_of(entity: Entity) -> tuple[str, ...]:
    """Every name ``entity`` resolves from (a subdivision's only within its country's tables)."""
    if entity.kind == "subdivision" and entity.id in _iso3166_2():
        return _subdivision_of(entity.id)[1]
    table = _countries() if entity.kind == "country" else _own()
    found = table.get(entity.id)
    return found[1] if found is not None else (entity.name,)


def all_names() -> tuple[tuple[str, Entity, bool], ...]:
    """Every name of every entity, as written, each as ``(name, entity, ours)``.

    pycountry's countries come first, with pycountry's names (and, for a country that
    data/entities.toml also lists, ours); then every entity of data/entities.toml with its
    names, marked ``ours``. Where two entities share a name, `resolve` follows ours.
    Subdivisions are left out: their names ("Georgia", "CA") mean them only within a table of
    their country's subdivisions.
    """
    rows = [(name, e, False) for e, names in _countries().values() for name in names]
    rows += [
        (name, e, True) for e, names in _own().values() if e.kind != "subdivision" for name in names
    ]
    return tuple(rows)


@once
def _index() -> dict[str, Entity]:
    index: dict[str, Entity] = {}
    for entity, names in _countries().values():
        for name in names:
            index[normalize(name)] = entity
    # Our own names are added last so they win: "Korea" is South Korea in every AI Index table.
    for entity, names in _own().values():
        # A subdivision is found by its ISO code alone ("US-CA"): its names are scoped.
        for name in (entity.id,) if entity.kind == "subdivision" else (entity.id, *names):
            index[normalize(name)] = entity
    return index


# Two-letter ISO codes that people also write for an entity of the AI Index's tables: "MS" is
# Montserrat's code, which no AI Index table has, and the common short name of Microsoft,
# which they do. Resolving it either way would be a guess, so it is refused with both named.
_AMBIGUOUS_CODES: dict[str, str] = {"ms": "microsoft"}

# Names of parts of a country the AI Index reports as a whole: suggested before names that
# merely look alike ("England" is not "Greenland").
_PART_OF: dict[str, str] = {
    "england": "GBR",
    "scotland": "GBR",
    "wales": "GBR",
    "northern ireland": "GBR",
    "잉글랜드": "GBR",
    "스코틀랜드": "GBR",
    "웨일스": "GBR",
    "북아일랜드": "GBR",
}


def resolve(text: str | Entity) -> Entity:
    """The entity a name, code or alias refers to.

    >>> [resolve(t).id for t in ("KOR", "KR", "South Korea", "Korea, Rep.", "한국")]
    ['KOR', 'KOR', 'KOR', 'KOR', 'KOR']
    >>> resolve("MS")
    Traceback (most recent call last):
    ...
    aiindex.exceptions.UnknownEntityError: 'MS' is ambiguous: Montserrat (ISO code MS) or ...
    """
    if isinstance(text, Entity):
        return text
    if not isinstance(text, str):
        raise TypeError(f"an entity is a name or code (str), not {type(text).__name__}")
    found = _lookup(text)
    if found is None:
        if normalize(text) in _AMBIGUOUS_CODES:
            raise _ambiguous(text)
        raise UnknownEntityError(text, _suggest(text))
    return found


def _ambiguous(text: str) -> UnknownEntityError:
    code = _iso_by_code()
    country = next(r for r in code.values() if r["alpha_2"].lower() == normalize(text))
    other = by_id(_AMBIGUOUS_CODES[normalize(text)])
    err = UnknownEntityError(text, (country["name"], other.name))
    err.args = (
        f"{text!r} is ambiguous: {country['name']} (ISO code {country['alpha_2']}) or "
        f"{other.name}. Write {country['alpha_3']} or {other.name}.",
    )
    return err


def _lookup(text: str) -> Entity | None:
    own = _own().get(text)
    if own is not None:
        return own[0]
    key = normalize(text)
    if key in _AMBIGUOUS_CODES:
        return None
    found = _index().get(key)
    if found is None and _SUBDIVISION_ID.fullmatch(text.strip().upper()):
        found = (
            _subdivision_of(text.strip().upper())[0]
            if text.strip().upper() in _iso3166_2()
            else None
        )
    return found


@once
def _own_by_id() -> dict[str, Entity]:
    return {entity_id: entity for entity_id, (entity, _) in _own().items()}


# The ASCII characters normalize drops, and slug's mapping of ASCII to what it keeps (the
# separator NUL kept too): the fast path of `resolve_many`.
_ASCII_DROP = bytes(c for c in range(128) if not normalize(chr(c)))
_SLUG_KEEP = b"0123456789abcdefghijklmnopqrstuvwxyz\x00"
_TO_DASH = bytes(c if c in _SLUG_KEEP else ord("-") for c in range(256))


def resolve_many(texts: list[str]) -> tuple[list[Entity | None], list[str]]:
    """`resolve` of each text, None where it resolves to nothing, and the `slug` of each
    ("" where it has no letters or digits): what a reader needs of thousands of new names.

    No suggestions are made, and for ASCII names (the common case) the work runs over their
    joined text in a few C-level passes instead of a Python call or two per name: a table of
    100,000 model names is read in about the time of one of countries.

    >>> found, slugs = resolve_many(["Korea", "GPT-4", "Llama 9 (700B)"])
    >>> [e.id if e else None for e in found], slugs
    (['KOR', 'gpt-4', None], ['korea', 'gpt-4', 'llama-9-700b'])
    """
    own = _own_by_id()
    index = _index()
    joined = "\x00".join(texts)
    if joined.isascii() and joined.count("\x00") == len(texts) - 1:
        # For ASCII text NFKC changes nothing and casefold is lower(): bytes do it in C.
        lowered = joined.encode("ascii").lower()
        keys = lowered.translate(None, _ASCII_DROP).decode("ascii").split("\x00")
        dashed = lowered.translate(_TO_DASH)
        while b"--" in dashed:
            dashed = dashed.replace(b"--", b"-")
        slugs = list(map(bytes.decode, dashed.split(b"\x00")))
        slugs = list(map(str.strip, slugs, repeat("-")))
    else:
        keys = list(map(normalize, texts))
        slugs = []
        for text in texts:
            try:
                slugs.append(slug(text))
            except ValueError:
                slugs.append("")
    found = list(map(own.get, texts))  # an exact id of ours first, as `resolve`
    if found.count(None) == len(found):
        found = list(map(index.get, keys))
    elif None in found:
        found = [e if e is not None else index.get(k) for e, k in zip(found, keys, strict=True)]
    if not _AMBIGUOUS_CODES.keys().isdisjoint(keys):  # as `resolve`: "MS" names no one entity
        found = [None if k in _AMBIGUOUS_CODES else e for e, k in zip(found, keys, strict=True)]
    return found, slugs


def is_entity(text: str) -> bool:
    """Whether ``text`` resolves, without raising.

    >>> is_entity("구글"), is_entity("Atlantis")
    (True, False)
    """
    # Not by catching resolve's error: its suggestions cost a fuzzy search over every name.
    return isinstance(text, str) and _lookup(text) is not None


def did_you_mean(text: str) -> str:
    """``"; did you mean 'X'?"`` naming the entities closest to ``text``, or ``""``.

    A fuzzy search over every name: for an error message, made only when one is raised.

    >>> did_you_mean("Koreaa"), did_you_mean("Atlantis")
    ("; did you mean 'South Korea'?", '')
    """
    close = _suggest(text)
    return f"; did you mean {' or '.join(map(repr, close))}?" if close else ""


def _suggest(text: str) -> tuple[str, ...]:
    import difflib

    part_of = _PART_OF.get(normalize(text))
    if part_of is not None:
        return (by_id(part_of).name,)
    index = _index()
    keys = difflib.get_close_matches(normalize(text), list(index), n=3, cutoff=0.75)
    seen: dict[str, None] = {}
    for key in keys:
        seen.setdefault(index[key].name, None)
    return tuple(seen)
