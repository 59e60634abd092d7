"""How names are compared and turned into ids: the rules, without any table of names.

The entity registry (`aiindex._reference.entities`) indexes names with these; an `Indicator`
uses them to find the entities its own table brings.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["matches", "normalize", "slug", "words"]

_DROP = re.compile(r"[\s\-_.,'’()]+")


def normalize(text: str) -> str:
    """The key names are matched on: case, spacing and punctuation do not matter.

    >>> normalize("Korea, Rep.") == normalize("korea rep")
    True
    """
    return _DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def slug(text: str) -> str:
    """A lowercase-hyphen id for a name: ``slug("Llama 2 70B")`` -> ``'llama-2-70b'``.

    >>> slug("PaLM (540B)")
    'palm-540b'
    """
    s = re.sub(r"[^0-9a-z]+", "-", unicodedata.normalize("NFKC", text).casefold()).strip("-")
    if not s:
        raise ValueError(f"cannot make an id from {text!r}: it has no letters or digits")
    return s


# A word of an id or title: "4.2.8" is one word, "ai_patents" two, "AI-related" two.
_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")


def words(text: str) -> tuple[str, ...]:
    """The words a search looks at, case-folded: letters and digits, Hangul included.

    >>> words("AI-related bills, 2016–24 (ai_bills)")
    ('ai', 'related', 'bills', '2016', '24', 'ai', 'bills')
    >>> words("인구 10만 명당 AI 특허 수")
    ('인구', '10만', '명당', 'ai', '특허', '수')
    """
    return tuple(_WORD.findall(text.casefold()))


def matches(query: str, haystack: tuple[str, ...]) -> bool:
    """Whether every word of ``query`` begins a word of ``haystack`` (`words` of a text).

    "invest" finds "investment"; a Korean word with its particle ("특허의") is found by its stem.

    >>> matches("patent", words("Granted AI patents")), matches("특허", words("AI 특허의 수"))
    (True, True)
    >>> matches("patent cost", words("Granted AI patents"))
    False
    """
    return all(any(w.startswith(q) for w in haystack) for q in words(query))
