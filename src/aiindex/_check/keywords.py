"""Which indicators a sentence names: by the words of their titles and unit labels, English and
Korean, and by the few words of ``data/claims.toml``.

Every indicator of every edition is findable without a list of ids: its `Profile` is made from
its English and Korean titles and unit labels (stemmed English words, Korean words without
their particles, and unit cues such as "per 100,000" or "1만명당"); claims.toml adds words
the titles do not use ("순유출", "net outflow"). A word weighs more the fewer indicators use it.

A breakdown is found from the titles too: an indicator whose title holds all the words of
another's (``Private investment in AI, cumulative 2013-2025`` of ``Private investment in AI``;
``AI talent concentration, women``; ``Annual growth rate of industrial robots installed`` of
``Number of industrial robots installed``) counts only where the sentence says one of the words
it adds ("cumulative", "since 2013", "women", "grew"), and then wins over the overall table.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from aiindex._check.sentences import lowered
from aiindex._once import once

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator

__all__ = ["Profile", "Said", "candidates", "profiles", "squash", "strays"]


def squash(text: str) -> str:
    """``text`` as phrases are compared: without whitespace, case folded."""
    return "".join(text.split()).casefold()


# Words that name no topic.
_STOP = frozenset(
    {
        "of", "the", "by", "in", "and", "for", "with", "to", "a", "an", "at", "on", "vs", "per",
        "number", "select", "geographic", "area", "country", "who", "that",
        "their", "its", "as", "or", "from", "than", "more", "ai", "artificial", "intelligence",
        "is", "are", "was", "were", "one", "it", "have", "has", "had", "will", "make", "me", "my",
        "i", "be", "what", "all", "us", "dollar", "percent", "world", "global", "worldwide",
        "overall", "estimated", "related", "new", "next", "year", "use", "using", "made",
        "total", "among", "thousand", "million", "billion", "trillion", "백만", "십억", "천",
        "국가별", "지역별", "국가", "지역", "수", "및", "등", "중", "대비", "세계", "전", "전체",
        "인공지능", "비율", "응답자", "응답", "기준", "명당", "달러", "대한", "관련", "것",
        "이라는", "이라", "있다", "한다", "하는", "된", "내", "전년", "개선할",
    }
)  # fmt: skip
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_HANGUL_WORD = re.compile(r"[가-힣]+")
# Korean particles and endings a word carries in a title or a sentence ("로봇을", "투자는").
_PARTICLE = re.compile(
    r"(?:에서|으로|이다|였다|이며|이고|에게|까지|부터|보다|는|은|이|가|을|를|의|에|로|와|과|도|만)$"
)
# The year range of a cumulative or period table: "2013-2025", "2016-2024".
_RANGE = re.compile(r"((?:19|20)\d{2})\s?[-–~]\s?(?:(?:19|20)?\d{2})")
# A per-capita cue of a unit label: "per 100,000", "per 10,000"; Korean "10만 명당".
_PER = re.compile(r"per\s([\d,]+)", re.I)
_PER_KO = re.compile(r"(\d+\s?만)\s?명\s?당")
# Words that say a change between two years: a growth-rate table counts where one is said.
_CHANGE_FORMS = (
    "growth", "change", "changed", "grew", "grow", "grows", "grown", "rose", "rise", "rises",
    "risen", "fell", "fall", "falls", "fallen", "increase", "increased", "increases",
    "decrease", "decreased", "decline", "declined", "drop", "dropped", "jump", "jumped",
    "up", "down", "earlier", "annual", "yoy",
    "증가", "감소", "증감", "증감률", "변화", "변화율", "늘어", "늘었", "줄어", "줄었", "전년",
    "상승", "하락",
)  # fmt: skip


@functools.lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    """An English word without its inflection ("robots", "installed", "installations" ->
    "robot", "install"); a Korean word without its particle."""
    w = word.casefold()
    if w.isascii():
        for suffix in ("ations", "ation", "ments", "ment", "ing", "ies", "ed", "es", "s"):
            if len(w) > len(suffix) + 3 and w.endswith(suffix):
                return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
        return w
    stripped = _PARTICLE.sub("", w)
    return stripped if len(stripped) >= 2 else w


def _english(text: str) -> set[str]:
    """The content words of ``text``, stemmed, stop words left out."""
    words = {_stem(t) for t in _ASCII_WORD.findall(text) if len(t) > 1}
    return {w for w in words if w not in _STOP}


def _korean(text: str) -> set[str]:
    """The Korean content words of ``text``, without their particles; a word of four
    syllables also as its two halves, as compounds are written apart ("우선순위": "우선")."""
    words = {_stem(t) for t in _HANGUL_WORD.findall(text)}
    words |= {half for w in words if len(w) == 4 for half in (w[:2], w[2:])}
    return {w for w in words if len(w) >= 2 and w not in _STOP}


_CHANGE_WORDS = frozenset(_stem(w) for w in _CHANGE_FORMS)


@once
def _country_words() -> frozenset[str]:
    """The words of countries' names ("china", "united", "중국")."""
    from aiindex._reference.entities import all_names

    out: set[str] = set()
    for name, entity, _ in all_names():
        if entity.kind == "country":
            out |= {_stem(w) for w in _ASCII_WORD.findall(name) if len(w) > 2}
            out |= {w for w in _HANGUL_WORD.findall(name) if len(w) >= 2}
    return frozenset(out)


@once
def _area_words(edition: int) -> frozenset[str]:
    """The words of the names of areas: countries, and the aggregates that tables of countries
    hold (Europe, the World, the European Union). They say whom a figure is about, never
    which indicator."""
    from aiindex._reference.entities import names_of
    from aiindex._sources.packaged import indicator_ids, load

    out = set(_country_words())
    for ind in (load(i, edition) for i in indicator_ids(edition)):
        if ind.entity_kind != "country":
            continue
        for o in ind.observations:
            if o.entity.kind != "country":
                for name in (o.entity.name, o.entity.name_ko or "", *names_of(o.entity)):
                    out |= {_stem(w) for w in _ASCII_WORD.findall(name) if len(w) > 2}
                    out |= {w for w in _HANGUL_WORD.findall(name) if len(w) >= 2}
    return frozenset(out)


@once
def _ignored() -> re.Pattern[str]:
    from aiindex._check.words import claims_data

    phrases = sorted(claims_data().get("ignore", {}).get("phrases", ()), key=len, reverse=True)
    body = "|".join(r"\s?".join(re.escape(w.lower()) for w in p.split()) for p in phrases)
    return re.compile(body)  # read in lower case (see `lowered`)


@attrs.frozen
class Said:
    """What a sentence says, as indicators are looked for in it: its stemmed English words,
    its text squashed (Korean words and phrases are found in it), and the text itself."""

    text: str
    squashed: str
    stems: frozenset[str]
    # Of the words some profile uses, those the sentence says (set by `_scores`).
    vocab: frozenset[str] | None = None

    @classmethod
    def of(cls, text: str) -> Said:
        """The words of ``text``, less the names of the report and its makers ("인간중심AI
        연구소", "Institute for Human-Centered AI"), whose words name no indicator."""
        if _ignored().pattern:
            low = lowered(text)
            cuts = [m.span() for m in _ignored().finditer(low)]
            for a, b in reversed(cuts):
                text = text[:a] + " " + text[b:]
        return cls(text, squash(text), frozenset(_english(text)))

    def says(self, word: str) -> bool:
        """Whether the sentence says ``word`` (an English stem or a Korean word)."""
        if self.vocab is not None:
            return word in self.vocab
        if word.isascii():
            return word in self.stems
        return word in self.squashed

    def has_phrase(self, phrase: str) -> bool:
        """Whether the sentence holds a squashed phrase: Korean as a substring, English and
        digits only where they start and end a word ("men" is not in "members")."""
        if phrase not in self.squashed:
            return False
        if not phrase.isascii():
            return True
        pattern = _phrase_pattern(phrase)
        return pattern.search(self.text) is not None


@once
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    # A squashed phrase, matched in text where spaces may stand between its letters; a phrase
    # that starts or ends with a letter or a digit starts or ends a word there.
    body = r"\s?".join(re.escape(ch) for ch in phrase)
    before = r"(?<![A-Za-z0-9])" if phrase[0].isalnum() else ""
    after = r"(?![A-Za-z])" if phrase[-1].isalnum() else ""
    return re.compile(before + body + after, re.I)


@attrs.frozen
class Profile:
    """How a sentence names one indicator.

    ``words``: content words of its titles and unit labels (English stems, Korean words);
    ``phrases``: squashed phrases that name it (claims.toml keywords, long unit labels);
    ``cues``: per-capita cues of its unit ("per100,000", "1만명당"), which many share;
    ``qualifier``: for a breakdown, the words one of which must be said (with
    ``qualifier_phrases``); ``shadow``: a breakdown that adds no word a text could say (a
    table of three areas of the overall one), found only where the overall has no figure.
    """

    indicator: Indicator
    words: frozenset[str]
    phrases: tuple[str, ...]
    qualifier: frozenset[str] = frozenset()
    qualifier_phrases: tuple[str, ...] = ()
    shadow: bool = False
    # The words of the title before its first comma or parenthesis, less area names: what the
    # table is about. One of them (or a phrase) must be said for the indicator to be named.
    core: frozenset[str] = frozenset()
    cues: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """The indicator's id."""
        return self.indicator.id


def _core(title: str) -> str:
    """A title without what follows its first comma or parenthesis: "AI talent concentration"
    of "AI talent concentration (share of LinkedIn members with AI talent)"."""
    return re.split(r"[,(]", title, maxsplit=1)[0]


def _cues(label: str) -> list[str]:
    """The per-capita cues of a unit label: "per100,000", "10만명당"."""
    out = [f"per{m.group(1)}" for m in _PER.finditer(label)]
    out += [squash(m.group(1)) + "명당" for m in _PER_KO.finditer(label)]
    return out


def _range_phrases(title: str) -> list[str]:
    """The ways a text says a table's period: "since 2013", "from 2013", "2013년부터",
    "2013년 이후", "2013-2025" for "cumulative 2013-2025"."""
    out = []
    for m in _RANGE.finditer(title):
        start = m.group(1)
        out += [f"since{start}", f"from{start}", f"{start}년부터", f"{start}년이후"]
        out += [f"{start}년이래", squash(m.group())]
    return out


@once
def _claims_table() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Keywords and required words of data/claims.toml, by indicator id, squashed."""
    from aiindex._check.words import claims_data

    raw = claims_data()
    kw: dict[str, tuple[str, ...]] = {}
    req: dict[str, tuple[str, ...]] = {}
    for ind_id, spec in raw.get("indicators", {}).items():
        kw[ind_id] = tuple(squash(k) for k in spec.get("keywords", ()))
        req[ind_id] = tuple(squash(k) for k in spec.get("requires", ()))
    return kw, req


@once
def profiles(edition: int) -> tuple[Profile, ...]:
    """The profile of each of the edition's indicators."""
    from aiindex._sources.packaged import indicator_ids, load

    keywords, requires = _claims_table()
    inds = [load(i, edition) for i in indicator_ids(edition)]
    names = _area_words(edition)
    words: dict[str, frozenset[str]] = {}
    cores: dict[str, frozenset[str]] = {}
    extra: dict[str, frozenset[str]] = {}
    added: dict[str, frozenset[str]] = {}
    for ind in inds:
        title, title_ko = ind.title, ind.title_ko or ""
        labels = f"{ind.unit_label or ''} {ind.unit_label_ko or ''}"
        core = _english(_core(title)) | _korean(_core(title_ko))
        every = _english(title) | _korean(title_ko)
        # Area names say which areas a table holds ("(China, Europe, United States)"), not
        # what it measures, unless the title is about them ("Trust in China to regulate AI").
        words[ind.id] = frozenset((every | _english(labels) | _korean(labels)) - (names - core))
        cores[ind.id] = frozenset(core)
        extra[ind.id] = frozenset(every - core)
        # What a title adds after a comma ("AI diffusion, first half of the year"); words in
        # parentheses only explain ("AI talent concentration (share of LinkedIn members ...)").
        after = title.split(",", 1)[1] if "," in title else ""
        added[ind.id] = frozenset(_english(after))
    out = []
    for ind in inds:
        mine = words[ind.id]
        # The overall tables this one breaks down: their core words are all its own, it says
        # more than they do, and they are not siblings of one core (the two halves of a year).
        overall = [
            o
            for o in inds
            if o.id != ind.id
            and cores[o.id]
            and cores[o.id] <= mine
            and not mine <= words[o.id]
            and (cores[o.id] != cores[ind.id] or not added[o.id])
        ]
        qualifier: set[str] = set()
        phrases_q: list[str] = list(requires.get(ind.id, ()))
        shadow = False
        if overall:
            theirs = frozenset().union(*(words[o.id] for o in overall))
            qualifier = set(mine - theirs)
            # A period counts only where the overall tables do not share it ("2015-2024").
            if not any(_RANGE.search(o.title) for o in overall):
                phrases_q += _range_phrases(ind.title)
            # Any word of a change says a table of changes, but not one of the overall
            # table's own words: "will profoundly change my daily life" names the overall
            # table of agreement, not the table of its change between years.
            if qualifier & _CHANGE_WORDS:
                qualifier |= _CHANGE_WORDS - theirs
            shadow = not qualifier and not phrases_q
        else:
            # The same core as another table and nothing more than area names: a narrower
            # table of the same figures ("Newly funded AI companies (China, Europe, United
            # States)").
            shadow = (
                bool(extra[ind.id])
                and extra[ind.id] <= names
                and any(o.id != ind.id and cores[o.id] == cores[ind.id] for o in inds)
            )
        phrases = list(keywords.get(ind.id, ()))
        cues: list[str] = []
        for label in (ind.unit_label or "", ind.unit_label_ko or ""):
            cues += _cues(label)
            if len(squash(label)) >= 9 and re.search(r"[A-Za-z가-힣]", label):
                phrases.append(squash(label))
        out.append(
            Profile(
                ind,
                mine,
                tuple(dict.fromkeys(phrases)),
                frozenset(qualifier),
                tuple(dict.fromkeys(phrases_q)),
                shadow,
                frozenset(cores[ind.id] - names - qualifier),
                tuple(dict.fromkeys(cues)),
            )
        )
    return tuple(out)


#: The entity kinds of the tables a sentence's names could be in (see
#: `aiindex._check.entities.table_kinds`); None: it names none, so any table may be meant.
Kinds = frozenset[str] | None


@once
def _members(edition: int, kinds: Kinds = None) -> tuple[Profile, ...]:
    """The profiles of the edition's indicators whose entities are of ``kinds``: the
    indicators a sentence that names entities of those kinds can be about. A sentence naming
    countries is not about a table of US states or of models, whatever words they share
    ("Last year's edition" and "Humanity's Last Exam")."""
    every = profiles(edition)
    if kinds is None:
        return every
    return tuple(p for p in every if p.indicator.entity_kind in kinds)


@once
def _unique_cues(edition: int, kinds: Kinds = None) -> frozenset[str]:
    """The unit cues only one of the indicators in question has."""
    seen: dict[str, int] = {}
    for p in _members(edition, kinds):
        for c in p.cues:
            seen[c] = seen.get(c, 0) + 1
    return frozenset(c for c, k in seen.items() if k == 1)


@once
def _weights(edition: int, kinds: Kinds = None) -> dict[str, float]:
    """Each word's weight: 1 + ln(N / the number of the indicators in question that use it),
    N of them (those of the entity ``kinds`` a sentence names: "models" is common among
    the tables of models, rare among those of countries); a word of an area's name ("China"
    of "Trust in China to regulate AI") weighs next to nothing: a sentence names areas for
    their figures, and only breaks ties with it."""
    found = _members(edition, kinds)
    names = _area_words(edition)
    df: dict[str, int] = {}
    for p in found:
        for w in p.words:
            df[w] = df.get(w, 0) + 1
    n = len(found)
    return {w: 0.01 if w in names else 1 + math.log(n / k) for w, k in df.items()}


# A phrase of claims.toml or a unit cue weighs as much as a word used by one indicator in ten.
_PHRASE = 1 + math.log(10)
# A breakdown whose word the sentence says beats its overall table.
_QUALIFIED = 10.0
# A word used by at most this many indicators says on its own which indicator is meant.
_DISTINCT = 3


def score(p: Profile, said: Said, edition: int, kinds: Kinds = None) -> float:
    """How strongly ``said`` names the indicator of ``p`` (0: not at all), among the
    indicators of the entity ``kinds`` the sentence names."""
    return _score(p, said, _lookup(edition, kinds))


def _score(p: Profile, said: Said, look: _Lookup) -> float:
    weights, unique_cues = look.weights, look.unique_cues
    matched = (
        p.words & said.vocab if said.vocab is not None else [w for w in p.words if said.says(w)]
    )
    # A cue of one indicator alone ("1만명당": net migration) names it like a phrase.
    phrase = any(said.has_phrase(ph) for ph in p.phrases) or any(
        c in unique_cues and said.has_phrase(c) for c in p.cues
    )
    qualifying = {w for w in p.qualifier if said.says(w)}
    qualifying |= {ph for ph in p.qualifier_phrases if said.has_phrase(ph)}
    named = bool(qualifying)
    if (p.qualifier or p.qualifier_phrases) and not named:
        return 0.0
    # What the table is about must be said: "second" alone does not name "AI diffusion,
    # second half of the year", nor "inhabitants" a table of contracts per inhabitant.
    if not phrase and not any(said.says(w) for w in p.core):
        return 0.0
    n = look.size
    # The words that name the table, less those that only say the breakdown ("share").
    content = [w for w in matched if weights[w] > 0.5 and w not in qualifying]
    # One rare word names an indicator; a Korean word of two syllables alone may be part of
    # another ("크게", "연구소"), so it needs a second word.
    distinct = any(
        weights[w] >= 1 + math.log(n / _DISTINCT) and (w.isascii() or len(w) >= 3) for w in content
    )
    cue = any(said.has_phrase(c) for c in p.cues)
    if not (phrase or distinct or len(content) + cue + named >= 2):
        return 0.0
    total = sum(weights[w] for w in matched) + (_PHRASE if phrase else 0.0) + (1.0 if cue else 0)
    if named:
        total += _QUALIFIED
    if p.shadow:
        total -= 0.5
    return round(total, 3)


@attrs.frozen
class _Lookup:
    """Where to start looking for the indicators a sentence names: the profiles filed under
    each English core word, and every Korean core word and phrase with its profiles. Only
    profiles one of whose core words or phrases the sentence holds are scored."""

    english: dict[str, tuple[int, ...]]
    korean: tuple[tuple[str, tuple[int, ...]], ...]
    phrases: tuple[tuple[str, tuple[int, ...]], ...]
    # Every word of every profile, English and Korean.
    vocab_en: frozenset[str] = frozenset()
    vocab_ko: tuple[str, ...] = ()
    # `_weights`, `_unique_cues` and the number of the profiles, at hand for `score`.
    weights: dict[str, float] = attrs.Factory(dict)
    unique_cues: frozenset[str] = frozenset()
    size: int = 0


@once
def _lookup(edition: int, kinds: Kinds = None) -> _Lookup:
    english: dict[str, list[int]] = {}
    korean: dict[str, list[int]] = {}
    phrases: dict[str, list[int]] = {}
    members = _members(edition, kinds)
    for i, p in enumerate(members):
        for w in p.core:
            (english if w.isascii() else korean).setdefault(w, []).append(i)
        for ph in (*p.phrases, *(c for c in p.cues if c in _unique_cues(edition, kinds))):
            phrases.setdefault(ph, []).append(i)
    every = set().union(*(p.words | p.qualifier for p in members))
    return _Lookup(
        {w: tuple(v) for w, v in english.items()},
        tuple((w, tuple(v)) for w, v in korean.items()),
        tuple((ph, tuple(v)) for ph, v in phrases.items()),
        frozenset(w for w in every if w.isascii()),
        tuple(sorted(w for w in every if not w.isascii())),
        _weights(edition, kinds),
        _unique_cues(edition, kinds),
        len(members),
    )


_HAS_HANGUL = re.compile(r"[가-힣]")


@functools.lru_cache(maxsize=4096)
def _scores(sentence: str, edition: int, kinds: Kinds = None) -> tuple[tuple[int, float], ...]:
    """The profiles (by position in `_members`) that ``sentence`` names, with their scores."""
    said = Said.of(sentence)
    look = _lookup(edition, kinds)
    hangul = _HAS_HANGUL.search(said.squashed) is not None
    vocab = said.stems & look.vocab_en
    if hangul:
        vocab |= _outermost([w for w in look.vocab_ko if w in said.squashed], said.squashed)
    said = Said(said.text, said.squashed, said.stems, frozenset(vocab))
    hits: set[int] = set()
    for w in said.stems:
        hits.update(look.english.get(w, ()))
    if hangul:
        for w, found in look.korean:
            if w in vocab:
                hits.update(found)
    for ph, found in look.phrases:
        # A phrase is in the squashed sentence before it is anywhere as words.
        if ph in said.squashed and said.has_phrase(ph):
            hits.update(found)
    every = _members(edition, kinds)
    out = []
    for i in sorted(hits):
        value = _score(every[i], said, look)
        if value > 0:
            out.append((i, value))
    return tuple(out)


def _outermost(found: Sequence[str], text: str) -> set[str]:
    """Of the Korean words ``found`` in ``text`` (squashed), those said somewhere other than
    inside a longer one of them: "데이터센터" says data centres, not the "데이터" (data) of
    "데이터 보호" (data protection)."""
    out = set(found)
    for short in found:
        longer = [w for w in found if len(w) > len(short) and short in w]
        if not longer:
            continue
        covered = bytearray(len(text) + 1)
        for w in longer:
            at = text.find(w)
            while at >= 0:
                covered[at : at + len(w)] = b"\1" * len(w)
                at = text.find(w, at + 1)
        at = text.find(short)
        while at >= 0 and all(covered[at : at + len(short)]):
            at = text.find(short, at + 1)
        if at < 0:
            out.discard(short)
    return out


def candidates(sentence: str, edition: int, kinds: Kinds = None) -> list[list[Indicator]]:
    """Indicators the sentence names, in groups of equal score, best first; of those whose
    entities are of ``kinds`` (the kinds of the tables the sentence's names could be in,
    `aiindex._check.entities.table_kinds`), unless None.

    >>> [[i.id for i in g] for g in candidates("Korea installed 31,400 industrial robots", 2025)][0]
    ['industrial_robot_installations']
    >>> [[i.id for i in g] for g in candidates("AI 민간 투자는 누적 89억달러", 2025)][0]
    ['private_investment_cumulative_2013_2024']
    """
    every = _members(edition, kinds)
    scored: dict[float, list[Indicator]] = {}
    for i, value in _scores(sentence, edition, kinds):
        scored.setdefault(value, []).append(every[i].indicator)
    return [scored[v] for v in sorted(scored, reverse=True)]


def strays(sentence: str, ids: Iterable[str], edition: int, kinds: Kinds = None) -> frozenset[str]:
    """Indicators other than ``ids`` that the sentence names, when it does not name ``ids``:
    a sentence about talent ("인재 순유입") after one about patents.

    >>> strays("Luxembourg was third with 8.73.", {"ai_patents_per_capita"}, 2024)
    frozenset()
    """
    every = _members(edition, kinds)
    pointing = {every[i].id for i, _ in _scores(sentence, edition, kinds)}
    if pointing & set(ids):
        return frozenset()
    return frozenset(pointing)


def siblings_said(sentence: str, ids: Iterable[str], edition: int) -> bool:
    """Whether the sentence says a word of the title of a sibling of ``ids`` that they do not
    have: a clause "only 21% trust China" after one on "Trust in the United States to
    regulate AI" may be about "Trust in China to regulate AI"."""
    wanted = set(ids)
    mine = [p for p in profiles(edition) if p.id in wanted]
    if not mine:
        return False
    their = frozenset().union(*(p.words for p in mine))
    cores = frozenset().union(*(p.core for p in mine))
    said = Said.of(sentence)
    for p in profiles(edition):
        if p.id in wanted or not p.core & cores:
            continue
        own = {w for w in p.core | p.words if w not in their}
        if any(said.says(w) for w in own if w in _area_words(edition) or len(w) > 2):
            return True
    return False


def ids(groups: Sequence[Sequence[Indicator]]) -> set[str]:
    """The ids of the indicators of ``groups``."""
    return {i.id for g in groups for i in g}
