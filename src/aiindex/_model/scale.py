"""Counting words: the one table of the scales that units and amounts of money are written in.

Data files put an English counting word in front of a unit (``billion * USD``); news text writes
the same scales as words or abbreviations (``$67.2 bn``), or in Korean with the big units 조, 억
and 만 (``2,669억 원``). Unit arithmetic, the amount parser and the Korean unit names all read
their words from here, so a scale added once is known everywhere. (pint learns the counting
words from ``data/units.txt``; the doctest below keeps the two in step.)

This module imports nothing: the ranking reads scales without loading pint.

>>> from aiindex._model.scale import SCALE_WORDS
>>> from aiindex._model.units import registry
>>> all(registry().Quantity(1, w).m_as("dimensionless") == f for w, f in SCALE_WORDS.items())
True
"""

from __future__ import annotations

__all__ = [
    "KOREAN_BIG",
    "KOREAN_SMALL",
    "NEWS_SCALES",
    "ORDINALS",
    "SCALES",
    "SCALE_KO",
    "SCALE_WORDS",
]

#: Each scale: its word in unit expressions, its factor, the Korean words written in front of a
#: unit (천 달러, 회원 1만 명당), and the words English news text writes for it (any case).
SCALES: tuple[tuple[str, int, str, tuple[str, ...]], ...] = (
    ("thousand", 10**3, "천", ("thousand", "k")),
    # News text writes "10 thousand", not a word of its own.
    ("ten_thousand", 10**4, "1만", ()),
    ("hundred_thousand", 10**5, "10만", ()),
    ("million", 10**6, "백만", ("million", "mln", "mn", "m")),
    ("billion", 10**9, "십억", ("billion", "bn", "b")),
    ("trillion", 10**12, "조", ("trillion", "tn", "t")),
)

#: Counting word -> factor: ``SCALE_WORDS["billion"] == 10**9``.
SCALE_WORDS: dict[str, int] = {word: factor for word, factor, _, _ in SCALES}
#: Counting word -> its Korean form in front of a unit: ``SCALE_KO["billion"] == "십억"``.
SCALE_KO: dict[str, str] = {word: ko for word, _, ko, _ in SCALES}
#: What English news text writes after a number -> factor: ``NEWS_SCALES["bn"] == 10**9``.
NEWS_SCALES: dict[str, int] = {
    alias: factor for _, factor, _, aliases in SCALES for alias in aliases
}
#: Korean numbers group digits by four: 조 (10^12), 억 (10^8), 만 (10^4), largest first.
KOREAN_BIG: dict[str, int] = {"조": 10**12, "억": 10**8, "만": 10**4}
#: Inside a group of four: 천 (1000), 백 (100), 십 (10).
KOREAN_SMALL: dict[str, int] = {"천": 1000, "백": 100, "십": 10}
#: Ranks written as English words ("ranked ninth", "eighth" in a source's rank column).
ORDINALS: dict[str, int] = {
    word: n
    for n, word in enumerate(
        (
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
        ),
        start=1,
    )
}
