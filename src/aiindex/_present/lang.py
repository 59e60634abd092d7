"""The languages aiindex writes tables in, and the one check of a ``lang`` argument."""

from __future__ import annotations

from typing import Literal

__all__ = ["LANGS", "Lang", "check_lang"]

Lang = Literal["en", "ko"]
LANGS: tuple[Lang, ...] = ("en", "ko")


def check_lang(lang: object) -> Lang:
    """``lang`` itself if tables can be written in it; `ValueError` otherwise.

    >>> check_lang("ko")
    'ko'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ValueError: lang='fr': use 'en' or 'ko'
    """
    if lang == "en":
        return "en"
    if lang == "ko":
        return "ko"
    raise ValueError(f"lang={lang!r}: use 'en' or 'ko'")
