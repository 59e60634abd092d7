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

__all__ = ["Mention", "fits", "kinds", "korean_home", "mentions", "unique", "world"]

# Where a sentence's words start: a run of ASCII letters and digits, a run of Hangul, or any
# other character. A name is looked for only where a word starts.
_WORD_START = re.compile(r"[A-Za-z0-9]+|[\uac00-\ud7a3]+|[^\sA-Za-z0-9\uac00-\ud7a3]")


def _key(text: str) -> str:
    """What a name is filed under, and looked up by at a word start of a sentence: its first
    ASCII word, the first syllable of a Hangul name (Korean attaches particles: "한국은"), or
    its first character."""
    first = _WORD_START.match(text)
    if first is None:
        return text[:1]
    word = first.group()
    return word[0] if "\uac00" <= word[0] <= "\ud7a3" else word


@once
def _index() -> dict[str, tuple[tuple[str, Entity], ...]]:
    """Every entity name (our aliases and pycountry's) by `_key`, longest first, each as a
    pattern matched where a word starts.

    A sentence is read once, word start by word start, trying the few names filed under that
    word: linear in the sentence, where one alternation of every name would try them all at
    every character.
    """
    from aiindex._reference.entities import all_names

    names: dict[str, Entity] = {}
    for name, entity, ours in all_names():
        if ours:
            names[name] = entity
        # ISO codes as bare words ("IN", "IT", "NO") are ordinary English; keep only ours.
        elif not (len(name) <= 3 and name.isupper()):
            names.setdefault(name, entity)
    names.update(_alias_names())
    filed: dict[str, list[tuple[str, Entity]]] = {}
    for name, entity in names.items():
        filed.setdefault(_key(name), []).append((name, entity))
    out = {}
    for key, found in filed.items():
        found.sort(key=lambda pair: len(pair[0]), reverse=True)
        out[key] = tuple(found)
    return out


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


def _match_at(sentence: str, pos: int, name: str) -> int | None:
    """Where ``name`` ends if it is written at ``pos``, else None. A space of a name may go
    unwritten ("SouthKorea"); a name ending in a letter or a digit ends a word there ("India"
    is not in "Indiana"). Compared character by character: no pattern to compile for each of
    a thousand names."""
    i, n = pos, len(sentence)
    for ch in name:
        if ch == " ":
            if i < n and sentence[i].isspace():
                i += 1
            continue
        if i >= n or sentence[i] != ch:
            return None
        i += 1
    last = name[-1]
    if last.isascii() and last.isalnum() and i < n:
        nxt = sentence[i]
        if nxt.isascii() and nxt.isalnum():
            return None
    return i


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
    index = _index()
    out: list[Mention] = []
    reached = 0
    for word in _WORD_START.finditer(sentence):
        start = word.start()
        if start < reached:
            continue
        text = word.group()
        if "\uac00" <= text[0] <= "\ud7a3":
            candidates = index.get(text[0], ())
        elif text[0].isascii() and text[0].isalnum():
            # A name's first word may run into the next one ("Gemini3Pro", "SouthKorea"): every
            # prefix of the word up to the longest first word of a name is a key to try.
            found = [
                hit
                for end in range(1, min(len(text), _longest_key()) + 1)
                for hit in index.get(text[:end], ())
            ]
            candidates = sorted(found, key=lambda pair: len(pair[0]), reverse=True)
        else:
            candidates = index.get(text, ())
        for name, entity in candidates:
            end = _match_at(sentence, start, name)
            if end is not None:
                out.append(Mention(start, end, entity))
                reached = end
                break
    return out


@once
def _longest_key() -> int:
    """The length of the longest key of `_index`: no prefix of a word beyond it can be one."""
    return max(map(len, _index()))


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


def unique(found: Iterable[Mention]) -> list[Mention]:
    """The mentions without a repeated entity, each entity at its first mention."""
    seen: set[str] = set()
    out = []
    for m in found:
        if m.entity.id not in seen:
            seen.add(m.entity.id)
            out.append(m)
    return out
