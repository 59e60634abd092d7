"""Which AI Index edition a text is about: the one it names, else the caller's, else the newest.

An article names its edition the ways the press does: "AI Index 2026", "the 2026 AI Index
report", "AI Index Report 2025", "'AI 인덱스 2024'", "2026 AI 인덱스 보고서". An edition
aiindex does not ship is said, never replaced by another: figures of another edition would
grade a faithful article "contradicted".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

__all__ = ["NAMED", "Choice", "choose", "named_editions"]

_YEAR = r"(?:19|20)\d{2}"
_INDEX = r"AI\s?(?:Index|인덱스)"
#: An edition's name in a text; the checker also masks it, so its year is not read as a figure.
NAMED = re.compile(
    # "AI Index 2026", "AI Index Report 2026", "AI 인덱스 보고서 2026", "'AI 인덱스 2024'"
    rf"{_INDEX}(?:\s?(?:Report|보고서))?\s?['‘’\"“”]?\s?(?P<after>{_YEAR})(?![0-9])"
    # "the 2026 AI Index report", "2026 AI 인덱스", "2026년 'AI 인덱스'"
    rf"|(?<![0-9])(?P<before>{_YEAR})(?:년)?\s?(?:Stanford\s)?(?:HAI\s)?['‘’\"“”]?{_INDEX}",
    re.I,
)


def named_editions(text: str) -> list[int]:
    """The editions ``text`` names, in the order it names them, each once.

    >>> named_editions("Stanford's 2026 AI Index report, like the AI Index 2025, ...")
    [2026, 2025]
    >>> named_editions("스탠퍼드대 HAI 'AI 인덱스 2024' 보고서에 따르면")
    [2024]
    >>> named_editions("In 2024, AI investment grew")
    []
    """
    found: dict[int, None] = {}
    for m in NAMED.finditer(text):
        found[int(m.group("after") or m.group("before"))] = None
    return list(found)


@attrs.frozen
class Choice:
    """The edition to grade against (None: none can be) and why.

    ``named`` is the edition the text names, if any; ``reason`` says, for a text about an
    edition aiindex does not ship, why nothing is graded.
    """

    edition: int | None
    named: int | None
    reason: str | None = None


def choose(text: str, asked: int | None, shipped: Sequence[int]) -> Choice:
    """The edition of ``text``: the first it names, else ``asked``, else the newest shipped.

    >>> choose("AI 인덱스 2024에 따르면", None, (2024, 2025, 2026))
    Choice(edition=2024, named=2024, reason=None)
    >>> choose("no edition named", None, (2024, 2025, 2026)).edition
    2026
    >>> print(choose("The AI Index 2031 says", None, (2024, 2026)).reason)
    the text is about the AI Index 2031, which aiindex does not ship (it has 2024, 2026): ...
    """
    named = named_editions(text)
    if named:
        first = named[0]
        if first in shipped:
            return Choice(first, first)
        have = ", ".join(map(str, shipped))
        return Choice(
            None,
            first,
            f"the text is about the AI Index {first}, which aiindex does not ship (it has "
            f"{have}): its figures are not checked against another edition",
        )
    if asked is not None:
        return Choice(asked, None)
    return Choice(max(shipped), None)
