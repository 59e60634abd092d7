"""A text as the checker reads it: its language, the editions it names, the sentences of its
body, and each sentence masked so that the digits of names, dates and periods are not read as
figures."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aiindex._check.editions import NAMED

if TYPE_CHECKING:
    from aiindex._check.entities import Mention

__all__ = ["body_spans", "detect_lang", "mask"]

_HEADLINE_HEADER = re.compile(r"^\s*번호\s+제목\s+글쓴이\s+날짜\s*$", re.M)
_HEADLINE_LINE = re.compile(r"^\s*\d+\s+\S.*\s\d{4}[./-]\d{1,2}[./-]\d{1,2}\.?\s*$")
_MASKS = re.compile(
    r"(?:19|20)\d{2}\s?[-–~]\s?(?:19|20)?\d{2}"  # a period, 2019-2023
    r"|\d{4}[./]\d{1,2}[./]\d{1,2}"  # a date
    r"|(?:인구\s?)?\d[\d,]*\s?만\s?명\s?당"  # per 10,000 / 100,000 people
    r"|per\s\d[\d,]*(?:\s(?:inhabitants|people|members|LinkedIn members))?"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s\d{1,2}(?:,\s\d{4})?"
    r"|\S+@\S+"
    r"|\[email[^\]]*\]",
    re.I,
)


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
        for m in re.finditer(r"(?<=[.!?])\s+(?=\S)", line):
            before = line[: m.start()]
            if re.search(r"(?:\b[A-Z]\.)+$|\b(?:e\.g|i\.e|vs|Mr|Dr|No)\.$", before):
                continue  # an abbreviation (U.S.), not the end of a sentence
            if re.fullmatch(r"\s*\d{1,2}\.", line[: m.start()]):
                continue  # a list's item number ("1. Training is ..."), not a sentence
            spans.append((cut, line_start + m.start()))
            cut = line_start + m.end()
        spans.append((cut, line_start + len(line.rstrip())))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def mask(sentence: str, mentions: Sequence[Mention]) -> str:
    """``sentence`` with its entity names, edition names, periods, dates, "per 100,000" and
    e-mail addresses overwritten by ``#``, so their digits are not taken for figures."""
    chars = list(sentence)
    spans = [(m.start, m.end) for m in mentions]
    spans += [(m.start(), m.end()) for m in NAMED.finditer(sentence)]
    spans += [(m.start(), m.end()) for m in _MASKS.finditer(sentence)]
    for a, b in spans:
        chars[a:b] = "#" * (b - a)
    return "".join(chars)
