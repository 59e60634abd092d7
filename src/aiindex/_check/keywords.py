"""The keyword table of ``data/claims.toml``, and the indicators a sentence names by it.

An indicator is named by its keywords, its titles and its long unit labels, compared with
whitespace removed and case folded; some indicators also require one of a few words.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator

__all__ = ["Keywords", "candidates", "indicators", "keyword_table", "squash", "strays"]


@attrs.frozen
class Keywords:
    """The table of claims.toml, by indicator id: the words that name the indicator, and the
    words one of which a sentence must also hold for the indicator to count (none: no
    condition). Both are `squash`-ed."""

    keywords: dict[str, tuple[str, ...]]
    requires: dict[str, tuple[str, ...]]


def squash(text: str) -> str:
    """``text`` as keywords are compared: without whitespace, case folded."""
    return re.sub(r"\s+", "", text).casefold()


@functools.cache
def keyword_table() -> Keywords:
    """The keyword table of data/claims.toml, read once."""
    from aiindex._io.files import read_toml

    _, raw = read_toml("claims.toml")
    kw: dict[str, tuple[str, ...]] = {}
    req: dict[str, tuple[str, ...]] = {}
    for ind_id, spec in raw.get("indicators", {}).items():
        kw[ind_id] = tuple(squash(k) for k in spec.get("keywords", ()))
        req[ind_id] = tuple(squash(k) for k in spec.get("requires", ()))
    return Keywords(kw, req)


# A breakdown table (an id ending "_female") counts only where the sentence names it: the
# overall table wins otherwise.
_BREAKDOWN: dict[str, tuple[str, ...]] = {
    "female": ("여성", "women", "female"),
    "male": ("남성", "men", "male"),
}


@functools.cache
def indicators(edition: int) -> tuple[tuple[Indicator, tuple[str, ...], tuple[str, ...]], ...]:
    """The edition's indicators, each with its keywords (table, titles, long unit labels) and
    the words it requires."""
    from aiindex._sources.packaged import indicator_ids, load

    table = keyword_table()
    out = []
    for ind_id in indicator_ids(edition):
        ind = load(ind_id, edition)
        words = list(table.keywords.get(ind_id, ()))
        for label in (ind.title, ind.title_ko, ind.unit_label, ind.unit_label_ko):
            # Short unit labels ("models", "개") name no indicator in particular.
            if label and (label in (ind.title, ind.title_ko) or len(squash(label)) >= 9):
                words.append(squash(label))
        requires = table.requires.get(ind_id, ()) or _BREAKDOWN.get(ind_id.rsplit("_", 1)[-1], ())
        out.append((ind, tuple(dict.fromkeys(words)), requires))
    return tuple(out)


def candidates(sentence: str, edition: int) -> list[list[Indicator]]:
    """Indicators the sentence names, in groups of equal keyword score, best first.

    Keywords (claims.toml, the titles, long unit labels) score their length; each pair of
    consecutive title words the sentence also says ("industrial robots", "로봇 설치") scores
    ``_PAIR``, so that every indicator is found by the words of its titles.
    """
    squashed = squash(sentence)
    said = pairs(sentence)
    words_said = frozenset(_stems(sentence))
    scored: dict[int, list[Indicator]] = {}
    for ind, words, requires in indicators(edition):
        if requires and not any(r in squashed for r in requires):
            continue
        score = sum(len(w) for w in words if w in squashed)
        score += _PAIR * len(said & title_pairs(ind.id, edition))
        score += _WORD_SCORE * len(words_said & rare_words(edition).get(ind.id, frozenset()))
        if score and requires:
            # The breakdown the sentence names ("여성", "women") beats the overall table.
            score += 1
        if score:
            scored.setdefault(score, []).append(ind)
    return [scored[s] for s in sorted(scored, reverse=True)]


_PAIR = 6
_WORD_SCORE = 3
# Words that name no topic: a pair of title words is made of the words around them.
_STOP = frozenset(
    {
        "of", "the", "by", "in", "and", "for", "with", "to", "a", "an", "at", "on", "vs", "per",
        "number", "share", "total", "select", "geographic", "area", "areas", "country",
        "countries", "who", "that", "their", "its", "as", "or", "from", "than", "more",
        "국가별", "지역별", "수", "및", "등", "중", "대비", "세계", "전", "전체",
    }
)  # fmt: skip
_TOKEN = re.compile(r"[A-Za-z]+|[가-힣]+")
# Korean particles a word may carry in a sentence but not in a title ("로봇을", "투자는").
_PARTICLE = re.compile(r"(?:에서|으로|이다|였다|는|은|이|가|을|를|의|에|로|와|과|도)$")


def _stem(word: str) -> str:
    """A word as title and sentence words are compared: English without its inflection
    ("robots", "installed", "installations" -> "robot", "install"), Korean without a particle."""
    w = word.casefold()
    if w.isascii():
        for suffix in ("ations", "ation", "ments", "ment", "ing", "ies", "ed", "es", "s"):
            if len(w) > len(suffix) + 3 and w.endswith(suffix):
                return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
        return w
    stripped = _PARTICLE.sub("", w)
    return stripped if len(stripped) >= 2 else w


def _stems(text: str) -> list[str]:
    return [_stem(t) for t in _TOKEN.findall(text) if t.casefold() not in _STOP]


def pairs(text: str) -> frozenset[tuple[str, str]]:
    """The pairs of consecutive content words of ``text``, stemmed.

    >>> sorted(pairs("Korea installed 30,600 industrial robots"))
    [('industrial', 'robot'), ('install', 'industrial'), ('korea', 'install')]
    """
    stems = [s for s in _stems(text) if s not in _STOP]
    return frozenset(itertools.pairwise(stems))


@functools.cache
def title_pairs(indicator_id: str, edition: int) -> frozenset[tuple[str, str]]:
    """The word pairs of an indicator's English and Korean titles."""
    from aiindex._sources.packaged import load

    ind = load(indicator_id, edition)
    return pairs(ind.title) | pairs(ind.title_ko or "")


@functools.cache
def rare_words(edition: int) -> dict[str, frozenset[str]]:
    """By indicator, the long title words ("데이터센터", "diffusion") that at most two of the
    edition's indicators' titles use: one of them alone says which indicator is meant."""
    from aiindex._sources.packaged import indicator_ids, load

    words: dict[str, set[str]] = {}
    for ind_id in indicator_ids(edition):
        ind = load(ind_id, edition)
        for w in set(_stems(ind.title)) | set(_stems(ind.title_ko or "")):
            long_enough = len(w) >= 7 if w.isascii() else len(w) >= 3
            if long_enough:
                words.setdefault(w, set()).add(ind_id)
    out: dict[str, set[str]] = {}
    for w, ids in words.items():
        if len(ids) <= 2:
            for i in ids:
                out.setdefault(i, set()).add(w)
    return {i: frozenset(ws) for i, ws in out.items()}


# Words too common in AI Index prose to say which indicator a sentence is about.
_COMMON = frozenset(
    {
        "number", "share", "total", "global", "world", "worldwide", "country", "countries",
        "rate", "index", "area", "areas", "geographic", "select", "by", "with", "from", "more",
        "국가", "국가별", "세계", "전체", "비율", "기업", "인공지능", "지역", "지역별", "기준",
    }
)  # fmt: skip
_WORD = re.compile(r"[가-힣]{2,}|[A-Za-z]{4,}")


@functools.cache
def _topic_words(edition: int) -> dict[str, frozenset[str]]:
    """The words of each indicator's titles and keywords, by word: the indicators they name."""
    from aiindex._io.files import read_toml

    _, raw = read_toml("claims.toml")
    table = raw.get("indicators", {})
    by_word: dict[str, set[str]] = {}
    for ind, _, _ in indicators(edition):
        texts = [ind.title, ind.title_ko or "", *table.get(ind.id, {}).get("keywords", ())]
        for word in _WORD.findall(" ".join(texts)):
            word = word.casefold()
            if word not in _COMMON:
                by_word.setdefault(word, set()).add(ind.id)
    return {w: frozenset(ids) for w, ids in by_word.items()}


def strays(sentence: str, ids: set[str], edition: int) -> frozenset[str]:
    """Indicators other than ``ids`` that the sentence's words point to, when none of its words
    point to ``ids``: a sentence about talent ("인재 순유입") after one about patents.

    >>> strays("Luxembourg was third with 8.73.", {"ai_patents_per_capita"}, 2024)
    frozenset()
    """
    words = {w.casefold() for w in _WORD.findall(sentence)}
    topic = _topic_words(edition)
    named = [topic[w] for w in words if w in topic]
    if any(ids & found for found in named):
        return frozenset()
    return frozenset().union(*named) if named else frozenset()
