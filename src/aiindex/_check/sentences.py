"""A text as the checker reads it: its language, the editions it names, the sentences of its
body, and each sentence masked so that the digits of names, dates and periods are not read as
figures."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aiindex._check.editions import NAMED

if TYPE_CHECKING:
    from aiindex._check.entities import Mention

__all__ = ["body_spans", "detect_lang", "lowered", "mask"]

_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@functools.lru_cache(maxsize=1024)
def lowered(text: str) -> str:
    """``text`` with its ASCII letters in lower case: the same length, every character where
    it was. Patterns of words read it without re.I, which would make them try every word at
    every character.

    >>> lowered("Korea ranked Ninth, 한국")
    'korea ranked ninth, 한국'
    """
    return text.translate(_LOWER)


_HEADLINE_HEADER = re.compile(r"^\s*번호\s+제목\s+글쓴이\s+날짜\s*$", re.M)
_HEADLINE_LINE = re.compile(r"^\s*\d+\s+\S.*\s\d{4}[./-]\d{1,2}[./-]\d{1,2}\.?\s*$")
# Every alternative starts where a run starts (a digit not after a digit, a non-space not
# after a non-space) and reads it once: no alternative is tried again from inside a run, so
# masking is linear in the sentence ("\d[\d,]*만명당" tried at each digit of "111...1" was
# quadratic, and so was "\S+@\S+" at each letter of "aaa...a").
_MASKS = re.compile(
    r"(?<![\d,])(?:19|20)\d{2}\s?[-–~]\s?(?:19|20)?\d{2}(?!\d)"  # a period, 2019-2023
    r"|(?<!\d)\d{4}[./]\d{1,2}[./]\d{1,2}"  # a date
    r"|(?:인구\s?)?(?<![\d,])\d(?>[\d,]*)\s?만\s?명\s?당"  # per 10,000 / 100,000 people
    r"|per\s(?<![\d,])\d(?>[\d,]*)(?:\s(?:inhabitants|people|members|linkedin members))?"
    r"|(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\s\d{1,2}(?:,\s\d{4})?"
    r"|(?<!\S)[^\s@]++@\S+"
    r"|\[email[^\]]*\]"
)  # read in lower case (see `lowered`)
_MASK_HINT = re.compile(r"[\d@\[]")
# An abbreviation before a full stop ("U.S.", "e.g."): looked for in the few characters before
# it only, so a line's sentence ends are found in one pass.
_ABBREVIATION = re.compile(r"(?:(?<![A-Za-z])[A-Z]\.)+$|(?<![A-Za-z])(?:e\.g|i\.e|vs|Mr|Dr|No)\.$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
#: The longest a sentence is read as one: longer runs (no news sentence is) are cut at a space
#: into pieces of at most this many characters, so no sentence costs more than a bounded time.
MAX_SENTENCE = 2000


def detect_lang(text: str) -> str:
    """``"ko"`` when a quarter or more of its Hangul and Latin letters are Hangul, else ``"en"``."""
    hangul = len(re.findall(r"[\uac00-\ud7a3]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "ko" if hangul >= latin / 3 else "en"


def body_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of the text as (start, end), leaving out a list of headlines under it."""
    header = _HEADLINE_HEADER.search(text)
    end_of_body = header.start() if header else len(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text[:end_of_body].splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        # A list of other articles' headlines with dates: "11412 제목 ... 2024.06.05".
        if _HEADLINE_LINE.match(line):
            continue
        cut = line_start
        for m in _SENTENCE_END.finditer(line):
            end = m.start()
            # An abbreviation (U.S., e.g.) ends in a capital or a lower-case letter before its
            # stop: only then are the few characters before it read.
            if (
                line[end - 1] == "."
                and line[end - 2 : end - 1].isalpha()
                and _ABBREVIATION.search(line[max(0, end - 24) : end])
            ):
                continue  # an abbreviation (U.S.), not the end of a sentence
            if end <= 4 and re.fullmatch(r"\s*\d{1,2}\.", line[:end]):
                continue  # a list's item number ("1. Training is ..."), not a sentence
            a, b = cut, line_start + end
            spans += _pieces(text, a, b) if b - a > MAX_SENTENCE else ((a, b),)
            cut = line_start + m.end()
        a, b = cut, line_start + len(line.rstrip())
        spans += _pieces(text, a, b) if b - a > MAX_SENTENCE else ((a, b),)
    return [(a, b) for a, b in spans if not text[a:b].isspace() and a < b]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start:end`` as pieces of at most `MAX_SENTENCE` characters, cut at a space where
    there is one."""
    out = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def mask(sentence: str, mentions: Sequence[Mention]) -> str:
    """``sentence`` with its entity names, edition names, periods, dates, "per 100,000" and
    e-mail addresses overwritten by ``#``, so their digits are not taken for figures."""
    spans = [(m.start, m.end) for m in mentions]
    if _MASK_HINT.search(sentence):  # every mask holds a digit, an "@" or "[email"
        spans += [(m.start(), m.end()) for m in NAMED.finditer(sentence)]
        spans += [m.span() for m in _MASKS.finditer(lowered(sentence))]
    if not spans:
        return sentence
    parts, pos = [], 0
    for a, b in sorted(spans):
        if b <= pos:
            continue
        a = max(a, pos)
        parts += [sentence[pos:a], "#" * (b - a)]
        pos = b
    parts.append(sentence[pos:])
    return "".join(parts)
