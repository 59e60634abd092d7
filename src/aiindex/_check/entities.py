"""Where a sentence names an entity, and whether that entity suits the indicators in question.

Names come from the entity registry (`aiindex._reference.entities.all_names`): the names of
``entities.toml`` and pycountry's, in English and Korean.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from aiindex._once import once

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity

__all__ = [
    "Mention",
    "fits",
    "kinds",
    "korean_home",
    "mentions",
    "table_kinds",
    "unique",
    "world",
]

# Where a sentence's words start: a run of ASCII letters and digits, a run of Hangul, or any
# other character. A name is looked for only where a word starts.
_WORD_START = re.compile(r"[A-Za-z0-9]+|[\uac00-\ud7a3]+|[^\sA-Za-z0-9\uac00-\ud7a3]")


class _Node:
    """A node of the tree of names: the names that go on with each next character, and the
    entity whose name ends here."""

    __slots__ = ("entity", "next", "word_end")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.entity: Entity | None = None
        # The name ends in an ASCII letter or digit, so it must end a word ("India" is not in
        # "Indiana").
        self.word_end = False


@once
def _names() -> dict[str, Entity]:
    """Every entity name (our aliases and pycountry's) and its entity."""
    from aiindex._reference.entities import all_names

    names: dict[str, Entity] = {}
    for name, entity, ours in all_names():
        if ours:
            names[name] = entity
        # ISO codes as bare words ("IN", "IT", "NO") are ordinary English; keep only ours.
        elif not (len(name) <= 3 and name.isupper()):
            names.setdefault(name, entity)
    names.update(_alias_names())
    return names


@once
def _tree() -> _Node:
    """Every entity name (our aliases and pycountry's) in one tree, character by character.

    A sentence is read once, word start by word start, walking the tree along the text from
    there: a word start costs the length of the longest name it begins, however many names
    there are (about 1,900, some 800 of them models; a hundred begin "GPT", 32 "미국"), where
    trying each name that begins like the word would cost them all.
    """
    root = _Node()
    for name, entity in _names().items():
        node = root
        for ch in name:
            node = node.next.setdefault(ch, _Node())
        node.entity = entity
        node.word_end = name[-1].isascii() and name[-1].isalnum()
    return root


def _alias_names() -> dict[str, Entity]:
    """The other names of claims.toml ([names]): headline Hanja, English demonyms with their
    plurals ("Korean", "Koreans"), "the world's"."""
    from aiindex._check.words import claims_data
    from aiindex._reference.entities import by_id

    out: dict[str, Entity] = {}
    for name, entity_id in claims_data().get("names", {}).items():
        entity = by_id(entity_id)
        out[name] = entity
        if name.isascii() and name[-1].isalpha() and not name.endswith("'s"):
            out[name + "s"] = entity
    return out


def _longest_at(sentence: str, pos: int, root: _Node) -> tuple[int, Entity] | None:
    """The longest name written at ``pos`` (where it ends, and its entity), else None.

    A space of a name stands for one whitespace character of the text or for none
    ("SouthKorea", "Gemini3Pro"); a name ending in a letter or a digit ends a word there.
    """
    n = len(sentence)
    best: tuple[int, int, Entity] | None = None  # (the name's length, its end, its entity)
    paths = [(root, pos, 0)]
    while paths:
        node, i, depth = paths.pop()
        entity = node.entity
        if entity is not None and (best is None or depth > best[0]):
            nxt = sentence[i] if i < n else ""
            if not (node.word_end and nxt.isascii() and nxt.isalnum()):
                best = (depth, i, entity)
        if i < n:
            space = node.next.get(" ")
            if space is not None:
                # A space written is read; one left out is skipped.
                paths.append((space, i + 1 if sentence[i].isspace() else i, depth + 1))
            child = node.next.get(sentence[i])
            if child is not None and sentence[i] != " ":
                paths.append((child, i + 1, depth + 1))
    return (best[1], best[2]) if best is not None else None


@attrs.frozen
class Mention:
    """An entity named in a sentence, at ``start:end`` of it."""

    start: int
    end: int
    entity: Entity


def mentions(sentence: str) -> list[Mention]:
    """The entities ``sentence`` names, left to right, none overlapping another: at each word
    start the longest name there.

    >>> [(m.start, m.entity.id) for m in mentions("미국과 South Korea, 대한민국은")]
    [(0, 'USA'), (4, 'KOR'), (17, 'KOR')]
    """
    root = _tree()
    first = root.next
    out: list[Mention] = []
    reached = 0
    for word in _WORD_START.finditer(sentence):
        start = word.start()
        if start < reached or sentence[start] not in first:
            continue
        found = _longest_at(sentence, start, root)
        if found is not None:
            reached, entity = found
            out.append(Mention(start, reached, entity))
    return out


@once
def world() -> Entity:
    """The world, the entity a total ("of the 149 models") is about."""
    from aiindex._reference.entities import by_id

    return by_id("world")


# How Korean news names Korea without naming it: "우리나라", and "국내" (domestic) as a subject,
# not inside "국내외" or "국내총생산".
_HOME_KO = re.compile(r"(?<![가-힣])(?:우리나라|국내(?![외총])(?=[의는은가이에\s]))")


def korean_home(sentence: str) -> list[Mention]:
    """Korea where a Korean sentence calls it "우리나라" or "국내".

    >>> [(m.start, m.entity.id) for m in korean_home("국내 AI 투자는 우리나라 경제에")]
    [(0, 'KOR'), (10, 'KOR')]
    >>> korean_home("국내외 기업과 국내총생산")
    []
    """
    from aiindex._reference.entities import by_id

    return [Mention(m.start(), m.end(), by_id("KOR")) for m in _HOME_KO.finditer(sentence)]


def kinds(ind: Indicator) -> frozenset[str]:
    """The entity kind of ``ind`` and the ids of every entity in its table."""
    key = (ind.id, ind.source.edition)
    found = _KINDS.get(key)
    if found is None:
        found = _KINDS.setdefault(key, frozenset({ind.entity_kind} | set(_table(ind))))
    return found


_KINDS: dict[tuple[str, int | None], frozenset[str]] = {}


# Indicators are immutable once loaded: what the checker asks of their tables again and again
# is kept by (id, edition).
_TABLES: dict[tuple[str, int | None], dict[str, Entity]] = {}


def _table(ind: Indicator) -> dict[str, Entity]:
    """The entities of ``ind``'s table, by id."""
    key = (ind.id, ind.source.edition)
    found = _TABLES.get(key)
    if found is None:
        found = _TABLES.setdefault(key, {o.entity.id: o.entity for o in ind.observations})
    return found


def own_entity(ind: Indicator, entity: Entity) -> Entity:
    """The entity of ``ind``'s table that a mention means: itself, or the one area of the
    table named alike ("Rest of the world" is another area in each chart, with its own id)."""
    table = _table(ind)
    if entity.id in table:
        return entity
    alike = [e for e in table.values() if e.name == entity.name]
    return alike[0] if len(alike) == 1 else entity


def fits(entity: Entity, groups: Sequence[Sequence[Indicator]]) -> bool:
    """Whether any of the indicators could hold a figure for ``entity``."""
    for group in groups:
        for ind in group:
            k = kinds(ind)
            if entity.kind in k or own_entity(ind, entity).id in k:
                return True
    return False


@once
def _holders(edition: int) -> dict[str, frozenset[str]]:
    """The entity kinds of the edition's tables that could hold an entity, by the entity's
    kind ("kind:country"), id and name: a country is held by the tables of countries, the
    World by those and by tables of groups, "Rest of the world" by any table with an area of
    that name."""
    from aiindex._sources.packaged import indicator_ids, load

    out: dict[str, set[str]] = {}
    for ind in (load(i, edition) for i in indicator_ids(edition)):
        out.setdefault(f"kind:{ind.entity_kind}", set()).add(ind.entity_kind)
        for e in ind.entities:
            out.setdefault(f"id:{e.id}", set()).add(ind.entity_kind)
            out.setdefault(f"name:{e.name}", set()).add(ind.entity_kind)
    return {key: frozenset(found) for key, found in out.items()}


def table_kinds(found: Iterable[Entity | None], edition: int) -> frozenset[str] | None:
    """The entity kinds of the tables that could hold a figure of one of ``found`` (None:
    none that any table holds). A sentence that names countries is not about a table of US
    states, nor one of models.

    >>> sorted(table_kinds([m.entity for m in mentions("Korea and Google")], 2026) or ())
    ['country', 'organization']
    >>> table_kinds([], 2026) is None
    True
    """
    out: frozenset[str] = frozenset()
    for e in found:
        if e is None:
            continue
        held = _HELD.get((edition, e.id))
        if held is None:
            holders = _holders(edition)
            keys = (f"kind:{e.kind}", f"id:{e.id}", f"name:{e.name}")
            held = frozenset().union(*(holders.get(key, frozenset()) for key in keys))
            held = _HELD.setdefault((edition, e.id), held)
        out |= held
    return out or None


# What `table_kinds` found for each entity, by (edition, entity id).
_HELD: dict[tuple[int, str], frozenset[str]] = {}


def unique(found: Iterable[Mention]) -> list[Mention]:
    """The mentions without a repeated entity, each entity at its first mention."""
    seen: set[str] = set()
    out = []
    for m in found:
        if m.entity.id not in seen:
            seen.add(m.entity.id)
            out.append(m)
    return out
