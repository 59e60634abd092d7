"""Money amounts as newspapers write them: parsing ("1억9천140만 달러") and formatting back.

Accepted forms (whitespace between parts is optional):

- Korean numbers: groups with the big units 조 (10^12), 억 (10^8), 만 (10^4) in descending
  order, then an optional last group without a big unit. Inside a group the number is either
  digits (with thousands commas, or a decimal point if it is the last group) or a composition
  with 천 (1000), 백 (100), 십 (10) each preceded by one digit 1-9 or nothing, plus trailing
  digits below the smallest unit used: "9천140만" is 9140 * 10^4, "1조 2,000억", "13.9억".
  Groups after the first must stay below 10,000.
- English numbers: digits with thousands commas and an optional decimal part, optionally
  followed by a scale: thousand/k, million/m/mn/mln, billion/b/bn, trillion/t/tn (any case).
- Exactly one currency, before the number as a symbol or ISO code ("$", "US$", "€", "£",
  "¥", "₩", "KRW ") or after it as a word or ISO code ("원", "달러", "엔", "위안", "유로",
  "파운드", "USD", "US dollars", "euros", "yen", "won", "yuan", "pounds").
  "$" and "dollar(s)" mean US dollars; "¥" and "yen" mean Japanese yen (yuan is "위안",
  "yuan", "CNY" or "RMB"); "₩" is Korean won.
- An optional leading "-" for negative amounts.

All arithmetic is exact (:class:`decimal.Decimal`); the returned quantity has a float
magnitude in the currency's base unit.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from aiindex._model.scale import KOREAN_BIG, KOREAN_SMALL, NEWS_SCALES
from aiindex._model.units import CURRENCY_KO
from aiindex._once import once
from aiindex.exceptions import AmountParseError, NotMoneyError

if TYPE_CHECKING:
    import pint

__all__ = ["format_korean", "korean_amount", "parse_amount", "parse_parts"]


# Suffixes are matched longest first and case-insensitively (Korean has no case).
_SUFFIX_WORDS: dict[str, str] = {
    "원": "KRW",
    "달러": "USD",
    "엔": "JPY",
    "위안": "CNY",
    "유로": "EUR",
    "파운드": "GBP",
    "us dollars": "USD",
    "us dollar": "USD",
    "u.s. dollars": "USD",
    "u.s. dollar": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "yen": "JPY",
    "korean won": "KRW",
    "won": "KRW",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
}
_PREFIX_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
}
# More digits than any real amount has; bounds the exact arithmetic below.
_MAX_DIGITS = 40
_ACCEPTED = (
    "Accepted: Korean amounts such as '1억9천140만 달러', '2,669억 원', '1조 2,000억 원', "
    "'13.9억달러' (units 조/억/만 with 천/백/십; currencies 원 달러 엔 위안 유로 파운드 or an "
    "ISO code), or English ones such as '$67.2 billion', 'US$1.39bn', '191.4 million USD', "
    "'KRW 266.9 billion', '€5m', '7.76 billion US dollars'."
)
_CONTEXT = decimal.Context(prec=200, traps=[decimal.InvalidOperation, decimal.Overflow])


@once
def _iso_codes() -> frozenset[str]:
    """The currency codes the package registry defines (read from ``units.txt``)."""
    from importlib.resources import files

    text = files("aiindex").joinpath("data").joinpath("units.txt").read_text(encoding="utf-8")
    codes = set()
    for line in text.splitlines():
        name, _, rest = line.partition("=")
        if rest.strip().startswith("[currency_"):
            codes.add(name.strip())
    return frozenset(codes)


def _fail(text: str, pos: int, reason: str) -> AmountParseError:
    # One display character per input character keeps the caret under the offending spot.
    shown = "".join(c if c.isprintable() else " " for c in text)
    err = AmountParseError(
        f"cannot read {text!r} as an amount: {reason} at offset {pos}:\n"
        f"    {shown}\n    {' ' * pos}^\n{_ACCEPTED}"
    )
    err.text = text  # type: ignore[attr-defined]
    err.offset = pos  # type: ignore[attr-defined]
    return err


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def error(self, reason: str, pos: int | None = None) -> AmountParseError:
        return _fail(self.text, self.pos if pos is None else pos, reason)

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    # -------------------------------------------------------------- numbers

    def numeral(self) -> tuple[Decimal, bool, bool] | None:
        """Digits with optional thousands commas and decimal part: (value, has_comma, has_dot)."""
        t, start = self.text, self.pos
        i = start
        while i < len(t) and ("0" <= t[i] <= "9" or t[i] == ","):
            i += 1
        int_part = t[start:i]
        if not int_part:
            return None
        if int_part[0] == ",":
            raise self.error("a number cannot start with a comma", start)
        if "," in int_part:
            blocks = int_part.split(",")
            if not 1 <= len(blocks[0]) <= 3 or any(len(b) != 3 for b in blocks[1:]):
                bad = start + _bad_comma(int_part)
                raise self.error("thousands separators must group digits by three", bad)
        frac = ""
        if i < len(t) and t[i] == "." and i + 1 < len(t) and "0" <= t[i + 1] <= "9":
            j = i + 1
            while j < len(t) and "0" <= t[j] <= "9":
                j += 1
            frac = t[i + 1 : j]
            i = j
        digits = int_part.replace(",", "") + frac
        if len(digits) > _MAX_DIGITS:
            raise self.error(f"more than {_MAX_DIGITS} digits", start)
        self.pos = i
        value = Decimal(int_part.replace(",", "") + ("." + frac if frac else ""))
        return value, "," in int_part, bool(frac)

    def korean_group(self) -> tuple[Decimal, bool, bool] | None:
        """A number below a big unit: '9천140', '2,669', '13.9', '천'.

        Returns (value, used_korean_units, has_decimal) or None when nothing number-like is here.
        """
        total = Decimal(0)
        seen = korean = decimal_point = False
        smallest: int | None = None
        while True:
            start = self.pos
            num = self.numeral()
            ch = self.peek()
            if ch in KOREAN_SMALL:
                unit = KOREAN_SMALL[ch]
                if smallest is not None and unit >= smallest:
                    raise self.error("천/백/십 must come in descending order", self.pos)
                if num is not None:
                    value, comma, dot = num
                    if comma or dot or not 1 <= value <= 9:
                        raise self.error(f"only a single digit 1-9 may precede {ch}", start)
                else:
                    value = Decimal(1)
                total += value * unit
                smallest = unit
                seen = korean = True
                self.pos += 1
                continue
            if num is not None:
                value, comma, dot = num
                if smallest is not None and (comma or dot or value >= smallest):
                    raise self.error(
                        f"digits after a 천/백/십 part must be a whole number below {smallest}",
                        start,
                    )
                total += value
                seen = True
                decimal_point = dot
            break
        return (total, korean, decimal_point) if seen else None

    def korean_number(self) -> tuple[Decimal, bool]:
        """Groups with 조/억/만; returns the value and whether any Korean unit was used."""
        total = Decimal(0)
        groups = 0
        last_big: int | None = None
        korean = False
        while True:
            before_space = self.pos
            if groups:
                self.skip_space()
            start = self.pos
            group = self.korean_group()
            if group is None:
                if not groups:
                    raise self.error("expected a number")
                self.pos = before_space
                break
            value, used_units, dot = group
            korean = korean or used_units
            ch = self.peek()
            if ch in KOREAN_BIG:
                big = KOREAN_BIG[ch]
                if last_big is not None and big >= last_big:
                    raise self.error("조/억/만 must come in descending order", self.pos)
                if groups and value >= 10**4:
                    raise self.error("a group after 조/억/만 must be below 10,000", start)
                if value == 0:
                    raise self.error(f"a zero group before {ch} is not written", start)
                total += value * big
                last_big = big
                korean = True
                groups += 1
                self.pos += 1
                if dot:
                    break  # a decimal group ends the number
                continue
            if groups and value >= 10**4:
                raise self.error("a group after 조/억/만 must be below 10,000", start)
            total += value
            groups += 1
            break
        return total, korean

    # -------------------------------------------------------------- currencies and scales

    def prefix_currency(self) -> str | None:
        t = self.text
        for sym in sorted(_PREFIX_SYMBOLS, key=len, reverse=True):
            if t.startswith(sym, self.pos):
                self.pos += len(sym)
                self.skip_space()
                return _PREFIX_SYMBOLS[sym]
        code = t[self.pos : self.pos + 3]
        if code in _iso_codes() and (self.pos + 3 == len(t) or not t[self.pos + 3].isalpha()):
            self.pos += 3
            self.skip_space()
            return code
        return None

    def _word_at(self, word: str) -> bool:
        t, end = self.text, self.pos + len(word)
        if t[self.pos : end].casefold() != word:
            return False
        # An English word must end at a non-letter, so "5 millions" or "5 USDX" fail visibly.
        return not (word[-1].isascii() and end < len(t) and t[end].isalpha())

    def scale(self) -> int:
        save = self.pos
        self.skip_space()
        for word in sorted(NEWS_SCALES, key=len, reverse=True):
            if self._word_at(word):
                self.pos += len(word)
                return NEWS_SCALES[word]
        self.pos = save
        return 1

    def suffix_currency(self) -> str | None:
        save = self.pos
        self.skip_space()
        for word in sorted(_SUFFIX_WORDS, key=len, reverse=True):
            if self._word_at(word):
                self.pos += len(word)
                return _SUFFIX_WORDS[word]
        code = self.text[self.pos : self.pos + 3]
        if code in _iso_codes() and self._word_at(code.casefold()):
            self.pos += 3
            return code
        self.pos = save
        return None

    # -------------------------------------------------------------- whole amount

    def amount(self) -> tuple[Decimal, str]:
        self.skip_space()
        if not self.text.strip():
            raise self.error("the text is empty")
        sign = 1
        if self.peek() in ("-", "−"):
            sign = -1
            self.pos += 1
            self.skip_space()
        prefix = self.prefix_currency()
        value, korean = self.korean_number()
        if not korean:
            value *= self.scale()
        suffix_at = self.pos
        suffix = self.suffix_currency()
        if prefix and suffix:
            at = suffix_at + _spaces(self.text, suffix_at)
            raise self.error("the currency is given twice", at)
        self.skip_space()
        if self.pos < len(self.text):
            what = "a currency word or code" if not (prefix or suffix) else "the end of the amount"
            raise self.error(f"expected {what}, found {self.peek()!r}")
        currency = prefix or suffix
        if currency is None:
            raise self.error("no currency (write e.g. '원', '달러', '$' or 'USD')")
        return sign * value, currency


def _spaces(text: str, pos: int) -> int:
    n = 0
    while pos + n < len(text) and text[pos + n].isspace():
        n += 1
    return n


def _bad_comma(int_part: str) -> int:
    """Offset within ``int_part`` of the first misplaced comma or digit block."""
    blocks = int_part.split(",")
    offset = len(blocks[0])
    if not 1 <= len(blocks[0]) <= 3:
        return 0
    for b in blocks[1:]:
        if len(b) != 3:
            return offset
        offset += 1 + len(b)
    return offset  # pragma: no cover


def parse_parts(text: str) -> tuple[Decimal, str]:
    """The exact value and ISO currency code of an amount written in ``text`` (no pint).

    >>> from aiindex._money.amounts import parse_parts
    >>> parse_parts("13억9천만달러")
    (Decimal('1390000000'), 'USD')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_amount() takes a str, got {type(text).__name__}: {text!r}")
    with decimal.localcontext(_CONTEXT):
        return _Parser(text).amount()


def parse_amount(text: str) -> pint.Quantity[Any]:
    """Read a money amount as written in Korean or English news text.

    Returns a quantity in the currency's base unit (``191,400,000 USD``), computed exactly.
    Text that is not an amount raises :class:`~aiindex.exceptions.AmountParseError` whose
    message points at the first character that could not be read.

    >>> from aiindex._money.amounts import parse_amount
    >>> q = parse_amount("1억9천140만 달러")
    >>> q.magnitude, str(q.units)
    (191400000.0, 'USD')
    >>> parse_amount("KRW 266.9 billion").magnitude
    266900000000.0
    """
    value, code = parse_parts(text)
    from aiindex._model.units import registry

    q: pint.Quantity[Any] = registry().Quantity(float(value), code)
    return q


def _round_significant(value: Decimal, digits: int) -> Decimal:
    """``value`` rounded half-to-even to ``digits`` significant figures."""
    if value == 0:
        return Decimal(0)
    with decimal.localcontext(_CONTEXT):
        quantum = Decimal(1).scaleb(value.adjusted() - digits + 1)
        return value.quantize(quantum, rounding=decimal.ROUND_HALF_EVEN)


def _group(n: int) -> str:
    return f"{n:,}"


def format_korean(quantity: pint.Quantity[Any], *, digits: int = 4) -> str:
    """Write money the way Korean newspapers do: ``2,666억 원``, ``1억 9,140만 달러``.

    Rule: the amount is rounded half-to-even to ``digits`` significant figures, then split
    into 조 (10^12), 억 (10^8), 만 (10^4) and a last group, each written with thousands
    commas; zero groups are left out, groups are separated by a space, and the currency word
    (원 달러 엔 위안 유로 파운드, or the ISO code for other currencies) follows after a space.
    Any decimals (only for amounts below 10^digits) go on the last group. ``parse_amount``
    reads the result back exactly.

    >>> from aiindex._money.amounts import format_korean
    >>> from aiindex._model.units import quantity
    >>> format_korean(quantity(266_599_669_079.6, "KRW"))
    '2,666억 원'
    >>> format_korean(quantity(78_352_034, "USD"), digits=8)
    '7,835만 2,034 달러'
    """
    dims = getattr(quantity, "dimensionality", None)
    items = list(dict(dims).items()) if dims is not None else []
    if not (len(items) == 1 and items[0][1] == 1 and str(items[0][0]).startswith("[currency_")):
        raise NotMoneyError(
            f"format_korean() writes amounts of money only, got {quantity!r}; pass a quantity "
            "in a currency such as quantity(191.4, 'million * USD')"
        )
    code = str(items[0][0])[len("[currency_") : -1]
    return korean_amount(quantity.m_as(code), code, digits=digits)


def korean_amount(magnitude: object, code: str, *, digits: int = 4) -> str:
    """`format_korean` of a plain number in currency ``code`` (no pint needed).

    >>> from aiindex._money.amounts import korean_amount
    >>> korean_amount(1.2e12, "KRW")
    '1조 2,000억 원'
    """
    if isinstance(digits, bool) or not isinstance(digits, int) or digits < 1:
        raise ValueError(f"digits={digits!r} must be a positive int (significant figures)")
    try:
        exact = (
            Decimal(magnitude) if isinstance(magnitude, (int, float)) else Decimal(str(magnitude))
        )
    except (decimal.InvalidOperation, TypeError, ValueError):
        raise ValueError(
            f"format_korean() needs a single finite amount, got magnitude {magnitude!r}"
        ) from None
    if not exact.is_finite():
        raise ValueError(f"format_korean() needs a finite amount, got {magnitude!r}")
    value = _round_significant(exact, digits)
    sign = "-" if value < 0 else ""
    value = abs(value)
    whole = int(value)
    frac = value - whole
    parts: list[str] = []
    for unit, size in KOREAN_BIG.items():
        n, whole = divmod(whole, size)
        if n:
            parts.append(f"{_group(n)}{unit}")
    if whole or frac or not parts:
        last = _group(whole)
        if frac:
            # normalize() drops trailing zeros; 'f' keeps it out of exponent notation.
            last += format(frac.normalize(), "f")[1:]
        parts.append(last)
    word = CURRENCY_KO.get(code, code)
    return f"{sign}{' '.join(parts)} {word}"
