"""Ranks said in words: 가장 많았다 / the most, 뒤를 이었다 / followed by, 순으로, 다음으로.

A list continues from the last rank said before it, in this sentence or the one before
("가장 많은 ... 구글. 메타와 마이크로소프트 순이었다" makes Meta 2nd).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from aiindex._check.claims import TOPIC_KO, Sentence, entity_for, rank_claim
from aiindex._check.entities import Mention, fits, unique
from aiindex._check.sentences import lowered

if TYPE_CHECKING:
    from aiindex._check.report import Claim

__all__ = ["RANK_WORDS", "implicit_ranks"]

_RANK1 = re.compile(
    r"가장\s?(?:많|높|크|앞)|최다|(?<![A-Za-z])(?:the most|the highest|the largest|the biggest"
    r"|most prolific|(?:world['’]s|world’s)\s(?:most|largest|biggest|highest|top)"
    r"|led|leads|leading|topped|tops)(?![A-Za-z])"
)
# A sentence with one of these speaks of a bottom, or of one among the first: no first place.
_NOT_RANK1 = re.compile(
    r"유출|outflow|최저|lowest|fewest|least|smallest|중 하나"
    r"|(?:among|one of) the (?:most|highest|largest|biggest|top)"
)
_FOLLOWED = re.compile(r"뒤를\s?이|(?<![A-Za-z])followed by(?![A-Za-z])")
_ORDER = re.compile(r"(?<=[\s)])순(?=으로|이었|이다|이며|이고|서로)")
_AFTER = re.compile(
    r"다음으로|에 이어|(?<![A-Za-z])(?:behind|trailing|after|second only to)(?![A-Za-z])"
)


#: The patterns of ranks said in words (read in lower case).
RANK_WORDS = (_RANK1, _FOLLOWED, _ORDER, _AFTER)


class _Event(NamedTuple):
    """A rank word of the sentence at ``start:end`` (``stated``: a rank written as a number)."""

    start: int
    end: int
    what: Literal["stated", "first", "followed", "order", "after"]
    value: int  # the rank, for "stated" and "first"


def implicit_ranks(s: Sentence) -> tuple[list[Claim], int | None]:
    """The claims of the ranks the sentence says in words, and the last rank it says."""
    if not s.groups:
        return [], s.prev_rank
    events = _events(s)
    walk = _RankWords(s, [e for e in events if e.what == "stated"])
    for event in events:
        walk.step(event)
    return walk.claims, walk.current


def _events(s: Sentence) -> list[_Event]:
    """The rank words and stated ranks of the sentence, in order."""
    events = [_Event(t.start, t.end, "stated", int(t.value)) for t in s.tokens if t.kind == "rank"]
    low = lowered(s.text)  # the patterns are lower case: no re.I (see `lowered`)
    if not _NOT_RANK1.search(low):
        events += [_Event(m.start(), m.end(), "first", 1) for m in _RANK1.finditer(low)]
    events += [_Event(m.start(), m.end(), "followed", 0) for m in _FOLLOWED.finditer(low)]
    events += [_Event(m.start(), m.end(), "order", 0) for m in _ORDER.finditer(s.text)]
    events += [_Event(m.start(), m.end(), "after", 0) for m in _AFTER.finditer(low)]
    events.sort()
    return events


class _RankWords:
    """Reads the rank words of a sentence in order, keeping the last rank said (``current``)
    and where the names of the list being read start (``seg_start``)."""

    def __init__(self, s: Sentence, stated: Sequence[_Event]) -> None:
        self.s = s
        self.stated = stated
        self.fitting = s.fitting()
        self.current = s.prev_rank
        self.seg_start = 0
        self.claims: list[Claim] = []

    def step(self, event: _Event) -> None:
        """Read one event; the names after it start a new list unless it was skipped."""
        if event.what == "stated":
            self.current, self.seg_start = event.value, event.end
            return
        seg = [m for m in self.fitting if self.seg_start <= m.start < event.start]
        if event.what == "first":
            read = self._first(event, seg)
        elif event.what in ("followed", "order"):
            read = self._listed(event, seg)
        else:
            read = self._after(event, seg)
        if read:
            self.seg_start = event.end

    def _first(self, event: _Event, seg: Sequence[Mention]) -> bool:
        """First ("가장 많았다", "the most"): the entity named last before it."""
        # "압도적인 1위", "ranked 1st, the most": the stated rank already said it.
        if any(abs(e.start - event.start) <= 20 and e.value == 1 for e in self.stated):
            return False
        ent = seg[-1].entity if seg else entity_for(self.s, event.start)
        if ent is not None:
            year, relative = self.s.year_at(event.start)
            span = (event.start, event.end)
            self.claims.append(rank_claim(self.s, span, 1, ent, year, relative))
            self.current = 1
        return True

    def _listed(self, event: _Event, seg: Sequence[Mention]) -> bool:
        """A list ("뒤를 이었다", "순으로", "followed by"): its names rank on from the last rank."""
        if event.what == "followed" and self.s.lang != "ko":
            seg = [m for m in self.fitting if m.start >= event.end]
        start = (self.current or (1 if event.what == "followed" else 0)) + 1
        year, relative = self.s.year_at(event.start)
        for i, m in enumerate(unique(seg)):
            span = (m.start, m.end)
            self.claims.append(rank_claim(self.s, span, start + i, m.entity, year, relative))
            self.current = start + i
        return True

    def _after(self, event: _Event, seg: Sequence[Mention]) -> bool:
        """After ("이스라엘 다음으로", "behind the US"): the subject ranks after those listed."""
        if any(self.seg_start <= e.start <= event.end + 20 for e in self.stated):
            return False
        listed = self._listed_before(seg) if self.s.lang == "ko" else self._listed_after(event)
        ids = {m.entity.id for m in listed}
        unlisted = (
            m.entity for m in self.fitting if m.entity.id not in ids and m.start < event.start
        )
        subject = next(unlisted, None) or self.s.topic
        if subject is not None and listed and fits(subject, self.s.groups):
            year, relative = self.s.year_at(event.start)
            span = (event.start, event.end)
            self.claims.append(rank_claim(self.s, span, len(listed) + 1, subject, year, relative))
            self.current = len(listed) + 1
        return True

    def _listed_before(self, seg: Sequence[Mention]) -> list[Mention]:
        # "한국은 0.79%로 이스라엘 다음으로": the subject is not in the list.
        subj = [m for m in seg if TOPIC_KO.match(self.s.text[m.end :])]
        listed = unique(m for m in seg if not subj or m.start > subj[0].start)
        if subj:
            listed = [m for m in listed if m.entity.id != subj[0].entity.id]
        return listed

    def _listed_after(self, event: _Event) -> list[Mention]:
        return unique([m for m in self.fitting if m.start >= event.end])
