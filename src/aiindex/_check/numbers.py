"""The numbers of a masked sentence as `Token`s.

A token has a kind (an amount of money, a percentage, a count, a rank, a ratio, a difference,
a year), its value, the precision the text writes it to, and what the words around it say: a
qualifier ("more than", "약"), a total ("149개 중"), a direction ("1.5개 더 많았다").
Korean numerals ("72억6천만") are read by `aiindex._money.amounts.parse_parts`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

import attrs

from aiindex._model.scale import KOREAN_BIG, KOREAN_SMALL, NEWS_SCALES, ORDINALS
from aiindex.exceptions import AmountParseError

__all__ = ["Token", "TokenKind", "tokens"]

TokenKind = Literal["money", "percent", "count", "bare", "ratio", "rank", "diff", "year"]


_CURRENCY_WORD = r"달러|원|엔|위안|유로|파운드|(?:US\s)?dollars?(?![A-Za-z])"
_NUMBER = re.compile(
    r"(?P<pre>US\$|\$|€|£|₩)?\s?"
    r"(?<![\w.,\-])(?P<num>-?\d[\d,]*(?:\.\d+)?(?:[조억만천백십]+(?:\s?\d[\d,]*(?:\.\d+)?)?)*)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn)(?![A-Za-z]))?"
    r"(?P<unit>\s?(?:" + _CURRENCY_WORD + r")"
    r"|\s?%p|\s?%\s?포인트|\s?%|\s?퍼센트|\s(?:percentage\spoints?|per\s?cent|percent)(?![A-Za-z])"
    r"|\s?배|\s?(?:times|fold)(?![A-Za-z])|-fold|x(?![A-Za-z])"
    r"|\s?위|\s?번째|(?:st|nd|rd|th)(?![A-Za-z])"
    r"|\s?년|\s?월(?![가-힣])|\s?일(?![가-힣])|\s?(?:개사|개국|개|건|곳|명|회|편)"
    r"|\s?대(?=[을를이가는와과의로에도\s.,)]|$)"
    r"|\s(?:models?|bills?|compan(?:y|ies)|patents?|mentions?|units?|robots?|installations"
    r"|startups)(?![A-Za-z]))?"
)
# Korean ordinals count with native numbers: 첫 번째, 두 번째 ... 열 번째.
_KOREAN_COUNTS = ("첫", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열")
_KOREAN_ORDINALS = {word: n for n, word in enumerate(_KOREAN_COUNTS, start=1)}
_WORD_ORDINALS = {**ORDINALS, **_KOREAN_ORDINALS}
_ORDINAL_WORD = re.compile(
    r"(?<![가-힣])(?P<ko>" + "|".join(_KOREAN_ORDINALS) + r")\s?번째"
    r"|(?<![A-Za-z])(?:ranked|ranks|ranking|was|is|came|comes|placed|in)\s(?:the\s)?"
    r"(?P<en>" + "|".join(ORDINALS) + r")(?![A-Za-z])"
    r"(?!\s(?:time|half|quarter|year))",
    re.I,
)
_QUAL_BEFORE = re.compile(
    r"(?P<q>more than|over|above|at least|upwards of|nearly|almost|about|around|approximately"
    r"|roughly|some|less than|under|below|fewer than|약|무려|거의)\s*$",
    re.I,
)
_QUAL_AFTER = re.compile(r"^\s*(?P<q>이상|넘게|넘는|넘어|넘|초과|가까이|가량|정도|이하|미만|남짓)")
# Qualifiers not listed here ("nearly", "약", "가량") mean "about": "~".
_QUALIFIERS = {
    "more than": ">",
    "over": ">",
    "above": ">",
    "upwards of": ">",
    "넘게": ">",
    "넘는": ">",
    "넘어": ">",
    "넘": ">",
    "초과": ">",
    "at least": ">=",
    "이상": ">=",
    "less than": "<",
    "under": "<",
    "below": "<",
    "fewer than": "<",
    "미만": "<",
    "이하": "<=",
}
_DIFF_AFTER = re.compile(
    r"^\s*(?:가|이)?\s*(?:도)?\s*더\s*(?P<ko>많|높|크|적|낮|작)"
    r"|^\s*(?:[a-z]+\s)?(?P<en>more|higher|greater|larger|fewer|lower|less|smaller)\s+than",
    re.I,
)
_FEWER = ("적", "낮", "작", "fewer", "lower", "less", "smaller")
_TOTAL_AFTER = re.compile(r"^\s*(?:개|건)?\s*(?:중|가운데)")
_TOTAL_BEFORE = re.compile(r"(?:out of|of the|total of|in total,?)\s*$", re.I)


@attrs.frozen
class Token:
    """A number of a sentence, at ``start:end`` of it, read with the words around it."""

    start: int  # in the sentence
    end: int
    text: str
    kind: TokenKind
    value: Decimal  # base units for money and scaled counts, else as written
    precision: Decimal  # one unit of the last written digit, same terms as value
    scaled: bool = False  # value carries its own scale (a currency, a scale word, 만/억)
    currency: str | None = None
    qualifier: str | None = None  # ">", ">=", "<", "<=", "~" or None
    total: bool = False
    direction: int = 1  # for differences: +1 "more", -1 "fewer"


def tokens(masked: str) -> list[Token]:
    """The numbers and ordinal words of a masked sentence, in order."""
    out: list[Token] = []
    for m in _NUMBER.finditer(masked):
        tok = _number(masked, m)
        if tok is not None:
            out.append(_in_context(masked, tok))
    for m in _ORDINAL_WORD.finditer(masked):
        word = (m.group("ko") or m.group("en")).lower()
        s, e = (m.start("en"), m.end("en")) if m.group("en") else (m.start(), m.end())
        if any(t.start <= s < t.end for t in out):
            continue
        out.append(Token(s, e, masked[s:e], "rank", Decimal(_WORD_ORDINALS[word]), Decimal(1)))
    out.sort(key=lambda t: t.start)
    return out


def _number(masked: str, m: re.Match[str]) -> Token | None:
    """The token of one match of `_NUMBER`, or None for a day, a month or an unreadable one."""
    from aiindex._money.amounts import parse_parts

    num = m.group("num")
    unit = (m.group("unit") or "").strip()
    pre = m.group("pre") or ""
    scale_word = m.group("scale")
    scale = NEWS_SCALES.get(scale_word or "", 1)
    try:
        value = _korean_value(num) * scale
    except AmountParseError:
        return None
    kind = _kind(num, unit, pre, scale_word)
    if kind is None:
        return None
    scaled = any(ch in num for ch in "조억만천백십") or scale != 1
    currency = None
    if kind == "money":
        text = pre + num + (" " + scale_word if scale_word else "") + (" " + unit)
        try:
            value, currency = parse_parts(text.strip())
        except AmountParseError:
            return None
        scaled = True
    start = m.start() if pre else m.start("num")
    end = m.end() if unit or scale_word else m.end("num")
    precision = _precision(num, scale)
    return Token(start, end, masked[start:end], kind, value, precision, scaled, currency)


def _kind(num: str, unit: str, pre: str, scale_word: str | None) -> TokenKind | None:
    """What a number is, from its unit and currency sign; None for a month or a day."""
    plain_int = re.fullmatch(r"\d{4}", num) is not None
    if unit in ("년",) or (
        not unit and not pre and not scale_word and plain_int and 1990 <= int(num) <= 2100
    ):
        return "year"
    if unit in ("월", "일"):
        return None
    if pre or re.fullmatch(_CURRENCY_WORD, unit, re.I):
        return "money"
    if unit in ("위", "번째", "st", "nd", "rd", "th"):
        return "rank"
    if unit in ("배", "times", "fold", "-fold", "x"):
        return "ratio"
    if (unit.startswith("%") and unit.endswith(("p", "포인트"))) or "point" in unit:
        return "diff"
    if unit in ("%", "퍼센트") or "cent" in unit:
        return "percent"
    return "count" if unit else "bare"


def _in_context(masked: str, tok: Token) -> Token:
    """``tok`` with what the words around it say: a qualifier, a difference, a total."""
    before, after = masked[max(0, tok.start - 25) : tok.start], masked[tok.end :]
    qualifier = None
    for q in (_QUAL_BEFORE.search(before), _QUAL_AFTER.search(after)):
        if q:
            qualifier = _QUALIFIERS.get(q.group("q").lower(), "~")
    kind, direction = tok.kind, 1
    if kind in ("count", "bare", "percent", "money", "diff"):
        d = _DIFF_AFTER.search(after)
        if d:
            word = (d.group("ko") or d.group("en")).lower()
            direction = -1 if word in _FEWER else 1
            kind = "diff"
    total = bool(_TOTAL_AFTER.search(after) or _TOTAL_BEFORE.search(before))
    return attrs.evolve(tok, kind=kind, qualifier=qualifier, total=total, direction=direction)


def _precision(num: str, scale: int) -> Decimal:
    """One unit of the last digit written: '72억6천만' -> 10^7, '67.22' -> 0.01."""
    runs = list(re.finditer(r"\d[\d,]*(?:\.(\d+))?", num))
    last = runs[-1]
    step = Decimal(1).scaleb(-len(last.group(1) or ""))
    for ch in num[last.end() :]:
        if ch in KOREAN_SMALL:
            step *= KOREAN_SMALL[ch]
        elif ch in KOREAN_BIG:
            step *= KOREAN_BIG[ch]
            break
    return step * scale


def _korean_value(num: str) -> Decimal:
    from aiindex._money.amounts import parse_parts

    # parse_parts reads every Korean and English number form; the currency is a carrier only.
    return parse_parts(num + "원")[0]
