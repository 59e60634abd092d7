"""The hand-written words of ``data/claims.toml``, read once: keywords by indicator, other
names of entities (Hanja of Korean headlines, English demonyms) and the words of a sign."""

from __future__ import annotations

from typing import Any

from aiindex._once import once

__all__ = ["claims_data", "press", "sign_words"]


@once
def claims_data() -> dict[str, Any]:
    """The contents of data/claims.toml."""
    from aiindex._io.files import read_toml

    return read_toml("claims.toml")[1]


@once
def sign_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words that make a net flow negative ("net outflow", "순유출") and positive.

    >>> "순유출" in sign_words()[0]
    True
    """
    signs = claims_data().get("signs", {})
    return tuple(signs.get("negative", ())), tuple(signs.get("positive", ()))


@once
def press() -> frozenset[str]:
    """The news organizations a value may be credited "via" (claims.toml [sources]).

    >>> "Yonhap News Agency" in press(), "github.com/tingwei161803/ai-index-report" in press()
    (True, False)
    """
    return frozenset(claims_data().get("sources", {}).get("press", ()))
