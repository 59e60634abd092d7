"""Where a sentence names an entity, and whether that entity suits the indicators in question.

Names come from the entity registry (`aiindex._reference.entities.all_names`): the names of
``entities.toml`` and pycountry's, in English and Korean.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity

__all__ = ["Mention", "fits", "kinds", "korean_home", "mentions", "unique", "world"]

_BOUNDARY_BEFORE = {
    "ascii": r"(?<![A-Za-z0-9])",
    "hangul": r"(?<![\uac00-\ud7a3])",  # "한국은" names 한국; "대한민국" does not name 민국
    "": "",
}
_BOUNDARY_AFTER = {"ascii": r"(?![A-Za-z0-9])", "": ""}


def _edges(name: str) -> tuple[str, str]:
    first, last = name[0], name[-1]
    if first.isascii() and first.isalnum():
        start = "ascii"
    elif "\uac00" <= first <= "\ud7a3":
        start = "hangul"
    else:
        start = ""
    return start, "ascii" if last.isascii() and last.isalnum() else ""


@functools.cache
def _matcher() -> tuple[tuple[re.Pattern[str], ...], dict[str, Entity]]:
    """Regexes of every entity name (our aliases and pycountry's), longest first.

    Names are grouped by the word boundaries they need, so that each group states its
    boundaries once: one lookbehind per name made compiling the pattern cost a third of a
    second, more than the rest of a check.
    """
    from aiindex._reference.entities import all_names

    names: dict[str, Entity] = {}
    for name, entity, ours in all_names():
        if ours:
            names[name] = entity
        # ISO codes as bare words ("IN", "IT", "NO") are ordinary English; keep only ours.
        elif not (len(name) <= 3 and name.isupper()):
            names.setdefault(name, entity)
    groups: dict[tuple[str, str], list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        groups.setdefault(_edges(name), []).append(re.escape(name).replace(r"\ ", r"\s?"))
    patterns = tuple(
        re.compile(_BOUNDARY_BEFORE[start] + "(?:" + "|".join(parts) + ")" + _BOUNDARY_AFTER[end])
        for (start, end), parts in groups.items()
    )
    return patterns, names


def _entity_named(matched: str) -> Entity:
    _, names = _matcher()
    found = names.get(matched)
    if found is not None:
        return found
    # The patterns let a space of a name go unwritten ("SouthKorea").
    squashed = re.sub(r"\s", "", matched)
    for name, entity in names.items():
        if re.sub(r"\s", "", name) == squashed:
            return entity
    raise AssertionError(f"matched {matched!r} but it names no entity")  # pragma: no cover


@attrs.frozen
class Mention:
    """An entity named in a sentence, at ``start:end`` of it."""

    start: int
    end: int
    entity: Entity


def mentions(sentence: str) -> list[Mention]:
    """The entities ``sentence`` names, left to right, none overlapping another."""
    patterns, _ = _matcher()
    # Leftmost first and, where two names start at the same place, the longer one.
    found = sorted((m.start(), -m.end(), m.group()) for p in patterns for m in p.finditer(sentence))
    out: list[Mention] = []
    reached = 0
    for start, neg_end, text in found:
        if start >= reached:
            out.append(Mention(start, -neg_end, _entity_named(text)))
            reached = -neg_end
    return out


@functools.cache
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


@functools.cache
def _aliases() -> tuple[re.Pattern[str], dict[str, str]] | None:
    """One pattern of the other names of claims.toml ([names]), longest first, and the entity
    id of each name (casefolded)."""
    from aiindex._check.words import claims_data

    table: dict[str, str] = {k.casefold(): v for k, v in claims_data().get("names", {}).items()}
    if not table:
        return None
    parts = []
    for name in sorted(table, key=len, reverse=True):
        body = re.escape(name).replace(r"\ ", r"\s")
        if name.isascii():
            # A whole word, plural or not: "Korean", "Koreans"; "the world's".
            plural = "" if name.endswith("'s") else "s?"
            parts.append(rf"(?<![A-Za-z]){body}{plural}(?![A-Za-z])")
        else:
            parts.append(body)
    return re.compile("|".join(parts), re.I), table


def aliases(sentence: str) -> list[Mention]:
    """The entities a sentence names by the other names of claims.toml.

    >>> [(m.start, m.entity.id) for m in aliases("韓 AI 투자 … South Koreans and the world's")]
    [(0, 'KOR'), (10, 'KOR'), (28, 'world')]
    """
    from aiindex._reference.entities import by_id

    found = _aliases()
    if found is None:
        return []
    pattern, table = found
    out = []
    for m in pattern.finditer(sentence):
        key = m.group().casefold()
        entity_id = table.get(key) or table.get(key[:-1]) or table.get(re.sub(r"\s+", " ", key))
        if entity_id is not None:
            out.append(Mention(m.start(), m.end(), by_id(entity_id)))
    return out


def kinds(ind: Indicator) -> set[str]:
    """The entity kind of ``ind`` and the ids of every entity in its table."""
    return {ind.entity_kind} | {o.entity.id for o in ind.observations}


def own_entity(ind: Indicator, entity: Entity) -> Entity:
    """The entity of ``ind``'s table that a mention means: itself, or the one area of the
    table named alike ("Rest of the world" is another area in each chart, with its own id)."""
    table = {o.entity.id: o.entity for o in ind.observations}
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
