"""Numbers as people write them: the one decimal formatter of tables, exports and checks."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from decimal import Decimal

    from aiindex._model.records import Observation

__all__ = ["number", "shown"]


def number(value: Decimal | float, *, grouped: bool = True) -> str:
    """``value`` as plain decimal text: no float noise, no exponent, no trailing zeros.

    ``grouped`` separates thousands with commas (tables); without it the text is what a CSV
    or a sentence needs. A float is read through its shortest repr, so 0.362 stays 0.362.

    >>> number(78352034.0), number(0.362), number(-0.3), number(1e-05)
    ('78,352,034', '0.362', '-0.3', '0.00001')
    >>> from decimal import Decimal
    >>> number(78352034.0, grouped=False), number(Decimal("1.500")), number(Decimal("1E+3"))
    ('78352034', '1.5', '1,000')
    """
    if isinstance(value, float):
        text = repr(value)
        if "e" not in text and "n" not in text:
            # The shortest repr already is plain decimal text (no exponent, not nan or inf):
            # this spares `aiindex show` importing decimal. Same result as below.
            sign, digits = ("-", text[1:]) if text[0] == "-" else ("", text)
            whole, _, frac = digits.partition(".")
            frac = frac.rstrip("0")
            whole = f"{int(whole):,}" if grouped else whole
            return sign + whole + ("." + frac if frac else "")
    from decimal import Decimal

    d = value if isinstance(value, Decimal) else Decimal(repr(value))
    text = format(d, ",f" if grouped else "f")
    # Stripping the text rather than normalize()-ing the Decimal keeps every digit however
    # many there are (normalize rounds to the context's 28).
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def shown(obs: Observation) -> str:
    """An observation's value in its indicator's unit, keeping the digits the source printed.

    ("-0.30" stays "-0.30"; whole numbers get thousands separators.)

    >>> obs = aiindex.indicator("ai_talent_migration", edition=2024).observation("KOR")
    >>> obs.printed, shown(obs)
    ('-0.30', '-0.30')
    """
    if obs.printed_unit == obs.unit and "." in obs.printed:
        return obs.printed
    return number(obs.magnitude)
