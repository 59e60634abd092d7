"""How names are compared and turned into ids: the rules, without any table of names.

The entity registry (`aiindex._reference.entities`) indexes names with these; an `Indicator`
uses them to find the entities its own table brings.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize", "slug"]

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
