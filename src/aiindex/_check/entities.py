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

__all__ = [
    "Mention",
    "fits",
    "kinds",
    "korean_home",
    "mentions",
    "model_cues",
    "unique",
    "world",
]

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
def _names() -> dict[str, Entity]:
    """Every name the checker looks for (our aliases and pycountry's), with its entity."""
    from aiindex._reference.entities import all_names

    names: dict[str, Entity] = {}
    for name, entity, ours in all_names():
        if ours:
            names[name] = entity
        # ISO codes as bare words ("IN", "IT", "NO") are ordinary English; keep only ours.
        elif not (len(name) <= 3 and name.isupper()):
            names.setdefault(name, entity)
    return names


def _compile(names: list[str]) -> tuple[re.Pattern[str], ...]:
    """Regexes of ``names``, longest first.

    Names are grouped by the word boundaries they need, so that each group states its
    boundaries once: one lookbehind per name made compiling the pattern cost a third of a
    second, more than the rest of a check.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        groups.setdefault(_edges(name), []).append(re.escape(name).replace(r"\ ", r"\s?"))
    return tuple(
        re.compile(_BOUNDARY_BEFORE[start] + "(?:" + "|".join(parts) + ")" + _BOUNDARY_AFTER[end])
        for (start, end), parts in groups.items()
    )


_FIRST_WORD = re.compile(r"[^\W_]+")
_MODEL_KINDS = frozenset({"model", "baseline"})


def _cue(name: str) -> str | None:
    """The first word of a model's name, which a sentence naming it must contain."""
    m = _FIRST_WORD.search(name)
    return m.group().casefold() if m else None


@functools.cache
def _matcher() -> tuple[tuple[re.Pattern[str], ...], dict[str, Entity]]:
    """Regexes of every entity name but the models', and every name with its entity.

    The hundreds of model names of the benchmark figures are compiled apart, by their first
    word, and only for a text that contains it (`_model_patterns`): most texts name no model,
    or a few of one family, and compiling every model name would cost a cold check a tenth of
    its time.
    """
    names = _names()
    plain = [n for n, e in names.items() if e.kind not in _MODEL_KINDS or _cue(n) is None]
    return _compile(plain), names


@functools.cache
def _models_by_cue() -> dict[str, tuple[str, ...]]:
    """The models' (and human baselines') names, by their first word, case-folded."""
    out: dict[str, list[str]] = {}
    for name, entity in _names().items():
        cue = _cue(name) if entity.kind in _MODEL_KINDS else None
        if cue is not None:
            out.setdefault(cue, []).append(name)
    return {cue: tuple(names) for cue, names in out.items()}


def model_cues(sentence: str) -> list[str]:
    """The first words of model names that ``sentence`` may name, in the order it has them.

    A name's pattern matches at the start of a word of the sentence, and that word begins with
    the name's first word ("Gemini 3" is also found written "Gemini3"): every prefix of every
    word is looked up, so no model the patterns would find is missed.

    >>> model_cues("o1-preview beat GPT-4o; Korea did not")
    ['o1', 'gpt', 'k']
    """
    cues = _models_by_cue()
    out: dict[str, None] = {}
    for word in _FIRST_WORD.findall(sentence.casefold()):
        for end in range(1, len(word) + 1):
            if word[:end] in cues:
                out.setdefault(word[:end], None)
    return list(out)


@functools.cache
def _model_patterns(cue: str) -> tuple[re.Pattern[str], ...]:
    """Regexes of the model names whose first word is ``cue``."""
    return _compile(list(_models_by_cue()[cue]))


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
    for cue in model_cues(sentence):
        patterns += _model_patterns(cue)
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
