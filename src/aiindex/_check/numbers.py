"""The numbers of a masked sentence as `Token`s.

A token has a kind (an amount of money, a percentage, a count, a rank, a ratio, a difference,
a year), its value, the precision the text writes it to, and what the words around it say: a
qualifier ("more than", "약"), a total ("149개 중"), a direction ("1.5개 더 많았다").
Korean numerals ("72억6천만") are read by `aiindex._money.amounts.parse_parts`.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Literal

import attrs

from aiindex._check.sentences import lowered
from aiindex._model.scale import KOREAN_BIG, KOREAN_SMALL, NEWS_SCALES, ORDINALS
from aiindex.exceptions import AmountParseError

__all__ = ["HINT", "Token", "TokenKind", "tokens"]

TokenKind = Literal["money", "percent", "count", "bare", "ratio", "rank", "diff", "year", "times"]


_CURRENCY_WORD = r"달러|원|엔|위안|유로|파운드|(?:US\s)?dollars?(?![A-Za-z])"
# A number never ends with a comma ("the United States 50, China 30"); its Korean tail
# ("72억6천만") is atomic, so a run of 억 or 만 is read once, never backtracked into.
_DIGITS = r"\d(?:[\d,]*\d)?(?:\.\d+)?"
_NUMBER = re.compile(
    r"(?P<pre>US\$|\$|€|£|₩)?\s?"
    rf"(?<![\w.,\-])(?P<num>-?{_DIGITS}(?>(?:[조억만천백십]+(?:\s?{_DIGITS})?)*))"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn)(?![A-Za-z]))?"
    r"(?P<unit>\s?(?:" + _CURRENCY_WORD + r")"
    r"|\s?%p|\s?%\s?포인트|\s?%|\s?퍼센트|\s(?:percentage\spoints?|per\s?cent|percent)(?![A-Za-z])"
    r"|\s?배|\s?(?:times|fold)(?![A-Za-z])|-fold|x(?![A-Za-z])"
    r"|\s?위|\s?번째|(?:st|nd|rd|th)(?![A-Za-z])"
    r"|\s?년|\s?월(?![가-힣])|\s?일(?![가-힣])|\s?(?:개사|개국|개|건|곳|명|회|편)"
    r"|\s?대(?=[을를이가는와과의로에도였\s.,)]|$)"
    r"|\s(?:models?|bills?|laws?|compan(?:y|ies)|patents?|mentions?|units?|robots?"
    r"|installations|startups|papers?|publications?|data\scenters?|countries|economies"
    r"|nations|pages|students|graduates|years?|months?|weeks?|days?)(?![A-Za-z]))?"
)
# English numbers written in words ("twenty", "Sixty-nine percent"). "one" is left out: it is
# mostly not a figure ("one of the", "no one").
_UNITS_EN = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS_EN = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_VALUE = {w: n for n, w in enumerate(_UNITS_EN)} | {
    w: 20 + 10 * n for n, w in enumerate(_TENS_EN)
}
_WORD_NUMBER = re.compile(
    r"(?<![A-Za-z\-])(?:(?P<tens>"
    + "|".join(_TENS_EN)
    + r")(?:-(?P<unit>"
    + "|".join(_UNITS_EN[1:10])
    + r"))?|(?P<small>"
    + "|".join(_UNITS_EN[2:])
    + r"))"
    r"(?![A-Za-z\-])"
)
# Ratios in words: "twice", "more than double", "barely half of", "절반", "두 배".
_RATIO_WORDS = {
    "twice": 2, "double": 2, "triple": 3, "quadruple": 4, "half": 0.5, "a third": 1 / 3,
    "one-third": 1 / 3, "a quarter": 0.25, "절반": 0.5, "두배": 2, "세배": 3, "네배": 4,
}  # fmt: skip
_RATIO_WORD = re.compile(
    r"(?<![A-Za-z\-])(?<!first\s)(?<!second\s)(?<!the\s)"
    r"(?P<en>twice|double|triple|quadruple|half|a third|one-third|a quarter)"
    r"(?![A-Za-z\-])(?=\s(?:of|the|as|that|what|#))"
    r"|(?<![가-힣])(?P<ko>절반|두\s?배|세\s?배|네\s?배)"
)
# "10명 중 7명", "7 in 10", "seven out of ten": a share of people, as a percentage.
_SHARE = re.compile(
    r"(?<![\d.,])(?P<n>\d{1,3})\s?명\s?(?:중|가운데)\s?(?P<m>\d{1,3})\s?명"
    r"|(?<![\d.,])(?P<m_en>\d{1,2})\s(?:in|out\sof)\s(?P<n_en>3|4|5|10|20|100)(?![\d.,])"
)
#: Whatever a token starts with: a digit, a number or an ordinal in words, a ratio word (read
#: in lower case).
HINT = re.compile(
    r"\d|(?<![A-Za-z])(?:" + "|".join((*_UNITS_EN[2:], *_TENS_EN, *ORDINALS)) + r")"
    r"|twice|double|triple|quadruple|half|third|quarter|절반|배|번째"
)
_PLAIN = re.compile(r"-?\d{1,3}(?:,\d{3})*(?:\.\d+)?|-?\d{1,40}(?:\.\d+)?")
# The rest of a list of ranks after its first number: ", 2위", "·3위".
_RANK_LIST_NEXT = re.compile(r"\s?[,·]\s?\d{1,3}(?:\s?[,·]\s?\d{1,3})*\s?위")
# A number after "top" is the size of a ranking ("the top 10"), not a figure.
_TOP = ("top", "상위")
# A list's item number at the start of a sentence: "1. ", "2) ".
_LIST_MARK = re.compile(r"^\s*\d{1,2}[.)](?=\s)")
_DURATIONS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
# The rest of a range of durations after its first number: "~5년", "-5 years", " to    5 years"
# (a number in words is written as digits, right aligned in its place).
_DURATION_RANGE = re.compile(
    r"[ ]*(?:~|-|–|to|or)[ ]*\d{1,3}[ ]?"
    r"(?:(?:years?|months?|weeks?|days?)(?![A-Za-z])|년|개월|(?:주|일)(?:간)?(?![가-힣]))"
)
_CURRENCY = re.compile(_CURRENCY_WORD, re.I)
_PER_CENT = re.compile(r"per\s?cent", re.I)
_DIGIT_RUN = re.compile(r"\d[\d,]*(?:\.(\d+))?")
# Korean ordinals count with native numbers: 첫 번째, 두 번째 ... 열 번째.
_KOREAN_COUNTS = ("첫", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열")
_KOREAN_ORDINALS = {word: n for n, word in enumerate(_KOREAN_COUNTS, start=1)}
_WORD_ORDINALS = {**ORDINALS, **_KOREAN_ORDINALS}
_ORDINAL_WORD = re.compile(
    r"(?<![가-힣])(?P<ko>" + "|".join(_KOREAN_ORDINALS) + r")\s?번째"
    r"|(?<![A-Za-z])(?:ranked|ranks|ranking|was|is|came|comes|placed|in)\s(?:(?:a|the)\s)?"
    r"(?:(?:distant|close|clear|solid|strong|joint)\s)?"
    r"(?P<en>" + "|".join(ORDINALS) + r")(?![A-Za-z])"
    r"(?!\s(?:time|half|quarter|year))"
    # "the fifth-highest share": a rank by its superlative.
    r"|(?P<sup>" + "|".join(ORDINALS) + r")-(?:highest|largest|biggest|most|best)(?![a-z])"
    # Right after a name or a comma, where a rank is said: "China third at 6.95", ", eighth."
    r"|(?:#|,)\s(?P<after>" + "|".join(ORDINALS) + r")"
    r"(?=\s(?:at|with|place|in|among|only|globally|worldwide)\b|\s?[,.;)]|\s?$)"
)
# The words of a qualifier before a number, longest first; read at the end of the lower-cased
# words before it (a pattern searched over them would be tried at each character).
_QUAL_BEFORE = tuple(
    sorted(
        (
            "more than", "over", "above", "at least", "upwards of", "nearly", "almost", "about",
            "around", "approximately", "roughly", "some", "barely", "just over", "just under",
            "less than", "under", "below", "fewer than", "약", "무려", "거의",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_QUAL_AFTER = re.compile(
    r"^\s*(?:가|이)?\s*(?P<q>이상|넘게|넘는|넘어|넘|초과|가까이|가량|정도|수준|이하|미만|남짓)"
)
# Qualifiers not listed here ("nearly", "약", "가량") mean "about": "~".
_QUALIFIERS = {
    "more than": ">",
    "just over": ">",
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
    "just under": "<",
    "미만": "<",
    "이하": "<=",
}
_DIFF_AFTER = re.compile(
    r"^\s*(?:가|이)?\s*(?:도)?\s*더\s*(?P<ko>많|높|크|적|낮|작)"
    r"|^\s*(?:[a-z]+\s)?(?P<en>more|higher|greater|larger|fewer|lower|less|smaller)\s+than",
    re.I,
)
_FEWER = ("적", "낮", "작", "fewer", "lower", "less", "smaller")
# What follows "N times" when it compares: "the", "as", "more", "that of", a name ("#"), "$".
_COMPARED_AFTER = re.compile(
    r"\s(?:the|as|more|higher|larger|greater|bigger|over|than|that|those|what|#|[$€£₩]|"
    r"[A-Z])",
)
_TOTAL_AFTER = re.compile(r"^\s*(?:개|건)?\s*(?:중|가운데)")
_TOTAL_BEFORE = ("out of", "of the", "total of", "in total,", "in total")


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
    sign_word: bool = False  # the value was made negative by a word ("순유출", "net outflow")


def digitized(masked: str) -> tuple[str, list[tuple[int, int]]]:
    """``masked`` with its list mark blanked and its numbers in words written as digits, right
    aligned in the word's place ("twenty" -> "    20"), and where those words are; so every
    position in the text stays where it was."""
    mark = _LIST_MARK.match(masked)
    low = lowered(masked)
    words = _WORD_NUMBER.finditer(low) if _any_of(low, _NUMBER_WORDS) else ()
    if not mark and not words:
        return masked, []
    chars = list(masked)
    if mark:
        chars[mark.start() : mark.end()] = "#" * (mark.end() - mark.start())
    spans = []
    for m in words:
        if m.group("small") == "one":
            continue
        if m.group("tens"):
            value = _WORD_VALUE[m.group("tens").lower()]
            value += _WORD_VALUE[m.group("unit").lower()] if m.group("unit") else 0
        else:
            value = _WORD_VALUE[m.group("small").lower()]
        digits = str(value)
        a, b = m.span()
        chars[a:b] = " " * (b - a - len(digits)) + digits
        spans.append((a, b))
    return "".join(chars), spans


def tokens(masked: str) -> list[Token]:
    """The numbers and ordinal words of a masked sentence, in order.

    >>> [(t.text, t.kind, float(t.value)) for t in tokens("China had twenty and the UK 8.")]
    [('twenty', 'bare', 20.0), ('8', 'bare', 8.0)]
    >>> [(t.kind, float(t.value)) for t in tokens("한국인 10명 중 7명은")]
    [('percent', 70.0)]
    """
    # The scanners of words read the text in ASCII lower case (same length, same places):
    # without re.I, a pattern of words skips to where one can start.
    if not HINT.search(lowered(masked)):
        return []
    text, words = digitized(masked)
    low = lowered(text)
    out: list[Token] = []
    shares = list(_SHARE.finditer(text)) if ("명" in text or " in " in low or " of " in low) else []
    taken = [m.span() for m in shares]
    for m in shares:
        n, k = (m.group("n"), m.group("m")) if m.group("n") else (m.group("n_en"), m.group("m_en"))
        if int(n) == 0 or int(k) > int(n):
            continue
        a = _word_start(m.start(), words)
        value = Decimal(int(k)) * 100 / Decimal(int(n))
        out.append(Token(a, m.end(), masked[a : m.end()], "percent", value, Decimal(100) / int(n)))
    for m in _NUMBER.finditer(text):
        if taken and any(a <= m.start("num") < b for a, b in taken):
            continue
        if _ends_with_word(low[max(0, m.start() - 8) : m.start("num")], _TOP):
            continue
        tok = _number(text, m, masked, words, low)
        if tok is not None:
            out.append(tok)
    for m in _ORDINAL_WORD.finditer(low) if _any_of(low, _ORDINAL_HINTS) else ():
        group = next(g for g in ("en", "after", "sup", "ko") if m.group(g))
        word = m.group(group).lower()
        s, e = (m.start(group), m.end(group)) if group != "ko" else (m.start(), m.end())
        if any(t.start <= s < t.end for t in out):
            continue
        out.append(Token(s, e, masked[s:e], "rank", Decimal(_WORD_ORDINALS[word]), Decimal(1)))
    # "1, 2위", "1·2위": a list of ranks that writes the counter word once.
    for i, tok in enumerate(out):
        if tok.kind == "bare" and _RANK_LIST_NEXT.match(text, tok.end):
            out[i] = attrs.evolve(tok, kind="rank", precision=Decimal(1))
    for m in _RATIO_WORD.finditer(low) if _any_of(low, _RATIO_HINTS) else ():
        word = squash_ws(m.group()).lower()
        value = Decimal(repr(_RATIO_WORDS[word])).quantize(Decimal("0.0001"))
        kind, qualifier, total, direction = _context(text, low, m.start(), m.end(), "ratio")
        out.append(
            Token(
                m.start(),
                m.end(),
                masked[m.start() : m.end()],
                kind,
                value,
                value / 10,
                qualifier=qualifier,
                total=total,
                direction=direction,
            )
        )
    out.sort(key=lambda t: t.start)
    return out


# Substrings one of which a scanner's match holds: where none is in the text, the scanner is
# not run.
_NUMBER_WORDS = (*_UNITS_EN[2:], *_TENS_EN)
_ORDINAL_HINTS = (*ORDINALS, "번째")
_RATIO_HINTS = ("twice", "double", "triple", "quadruple", "half", "third", "quarter", "절반", "배")


def _any_of(text: str, parts: tuple[str, ...]) -> bool:
    # A loop, not any() of a generator: this runs for every sentence, and the generator's
    # frames cost more than the tests.
    for p in parts:  # noqa: SIM110
        if p in text:
            return True
    return False


def squash_ws(text: str) -> str:
    """``text`` without whitespace."""
    return "".join(text.split())


def _word_start(pos: int, words: list[tuple[int, int]]) -> int:
    """Where the number word that holds ``pos`` starts (``pos`` itself if none)."""
    for a, b in words:
        if a <= pos < b:
            return a
    return pos


def _number(
    text: str, m: re.Match[str], masked: str, words: list[tuple[int, int]], low: str
) -> Token | None:
    """The token of one match of `_NUMBER` in ``text`` (``masked`` with its numbers in words
    as digits, at ``words``; ``low``: ``text`` in lower case), or None for a day, a month or
    an unreadable one."""
    num = m.group("num")
    unit = (m.group("unit") or "").strip()
    pre = m.group("pre") or ""
    scale_word = m.group("scale")
    scale = NEWS_SCALES.get(scale_word or "", 1)
    try:
        # Digits alone ("1,073", "-0.36") are read here; Korean numerals by parse_parts.
        plain = _PLAIN.fullmatch(num)
        value = (Decimal(num.replace(",", "")) if plain else _korean_value(num)) * scale
    except (AmountParseError, ValueError, ArithmeticError):
        return None
    kind = _kind(num, unit, pre, scale_word)
    if kind is None:
        return None
    if kind == "bare" and _DURATION_RANGE.match(text, m.end()):
        return None  # the first end of a duration: "3~5년 내", "in the next three to five years"
    scaled = any(ch in num for ch in "조억만천백십") or scale != 1
    currency = None
    if kind == "money":
        written = pre + num + (" " + scale_word if scale_word else "") + (" " + unit)
        try:
            value, currency = _parse(written.strip())
        except AmountParseError:
            return None
        scaled = True
    start = _word_start(m.start() if pre else m.start("num"), words)
    end = m.end() if unit or scale_word else m.end("num")
    precision = _precision(num, scale)
    kind, qualifier, total, direction = _context(text, low, start, end, kind)
    return Token(
        start,
        end,
        masked[start:end],
        kind,
        value,
        precision,
        scaled,
        currency,
        qualifier,
        total,
        direction,
    )


def _kind(num: str, unit: str, pre: str, scale_word: str | None) -> TokenKind | None:
    """What a number is, from its unit and currency sign; None for a month or a day."""
    plain_int = len(num) == 4 and num.isdigit()
    if unit == "년" and not (plain_int and 1900 <= int(num) <= 2100):
        return None  # a duration ("3~5년 내"), not a year
    if unit in ("년",) or (
        not unit and not pre and not scale_word and plain_int and 1990 <= int(num) <= 2100
    ):
        return "year"
    if unit in ("월", "일") or unit in _DURATIONS:
        return None
    if pre or (unit and _CURRENCY.fullmatch(unit)):
        return "money"
    if unit in ("위", "번째", "st", "nd", "rd", "th"):
        return "rank"
    if unit in ("배", "fold", "-fold", "x"):
        return "ratio"
    if unit == "times":
        return "times"  # a ratio or a count of times, as what follows says (see `_context`)
    if (unit.startswith("%") and unit.endswith(("p", "포인트"))) or "point" in unit:
        return "diff"
    if unit in ("%", "퍼센트") or _PER_CENT.fullmatch(unit):
        return "percent"
    return "count" if unit else "bare"


def _context(
    text: str, low: str, start: int, end: int, kind: TokenKind
) -> tuple[TokenKind, str | None, bool, int]:
    """What the words around a number at ``start:end`` say: its kind (a difference where
    "more than" follows), a qualifier ("more than", "약"), whether it is a total ("149개 중"),
    and a difference's direction."""
    before, after = low[max(0, start - 25) : start], text[end : end + 40]
    qualifier = None
    word = _ends_with_word(before, _QUAL_BEFORE)
    if word is not None:
        qualifier = _QUALIFIERS.get(word, "~")
    q = _QUAL_AFTER.search(after)
    if q:
        qualifier = _QUALIFIERS.get(q.group("q").lower(), "~")
    if kind == "times":
        # "24 times the U.K.'s", "12 times as many", "3 times more": a ratio; "mentioned AI
        # 314 times in 2024": how often.
        kind = "ratio" if _COMPARED_AFTER.match(text, end) else "count"
    direction = 1
    if kind in ("count", "bare", "percent", "money", "diff"):
        d = _DIFF_AFTER.search(after)
        if d:
            word = (d.group("ko") or d.group("en")).lower()
            direction = -1 if word in _FEWER else 1
            kind = "diff"
    total = bool(_TOTAL_AFTER.search(after) or _ends_with_word(before, _TOTAL_BEFORE))
    return kind, qualifier, total, direction


def _ends_with_word(text: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` that ``text`` ends with (spaces after it aside), where it starts
    a word."""
    text = text.rstrip()
    for w in words:
        if text.endswith(w):
            at = len(text) - len(w)
            if at == 0 or not text[at - 1].isalnum():
                return w
    return None


def _precision(num: str, scale: int) -> Decimal:
    """One unit of the last digit written: '72억6천만' -> 10^7, '67.22' -> 0.01."""
    runs = list(_DIGIT_RUN.finditer(num))
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
    # parse_parts reads every Korean and English number form; the currency is a carrier only.
    return _parse(num + "원")[0]


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[Decimal, str]:
    """`aiindex._money.amounts.parse_parts`, kept for the numbers a text repeats."""
    from aiindex._money.amounts import parse_parts

    return parse_parts(text)
