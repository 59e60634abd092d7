"""Numbers as people write them: the one decimal formatter of tables, exports and checks, and
the digits the report prints each value with.

A value read from an AI Index public-data file is shown the way the report's chart prints it:
``data/display.json`` (written by ``scripts/build_display.py`` from each chart's printed value
labels) gives, per edition, figure file and indicator, the place the chart rounds to (109.08
for the file's 109.0773255). A value read from the press keeps the digits quoted. Gaps and
ratios are shown at the precision of their inputs, and ``digits=`` overrides everything. The
exact values stay in the API, the JSON and the exports.

>>> ind = aiindex.indicator("private_investment", edition=2025)
>>> obs = ind.observation("USA")
>>> obs.printed, shown(obs, ind.id), shown(obs, ind.id, digits=0)
('109.0773255', '109.08', '109')
"""

from __future__ import annotations

from aiindex._once import once

TYPE_CHECKING = False
if TYPE_CHECKING:
    from decimal import Decimal
    from typing import Any

    from aiindex._model.records import Observation

__all__ = [
    "decimals_of",
    "derived",
    "fixed",
    "gap_decimals",
    "number",
    "percent_change",
    "precision",
    "ratio_text",
    "shown",
    "significant",
]


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


def _parts(value: float | str) -> tuple[bool, str, str]:
    """The sign, whole digits and decimal digits of ``value``'s exact decimal text."""
    text = value.replace(",", "").strip() if isinstance(value, str) else repr(value)
    if "e" in text or "E" in text or "n" in text:
        from decimal import Decimal

        d = Decimal(text)
        if not d.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        text = format(d, "f")
    negative = text.startswith("-")
    whole, _, frac = text.lstrip("+-").partition(".")
    return negative, whole or "0", frac


def fixed(value: float | str, decimals: int, *, grouped: bool = True) -> str:
    """``value`` rounded half up at ``decimals`` places, with exactly that many decimals.

    Rounding is done on the value's exact decimal text, as the report's charts round the
    file's cells (0.125 -> 0.13, not the binary float's 0.12). A negative ``decimals`` rounds
    to tens, hundreds ... (-6: whole millions).

    >>> fixed(109.0773255, 2), fixed(0.125, 2), fixed(-0.3, 2), fixed(78562016.88, -6)
    ('109.08', '0.13', '-0.30', '79,000,000')
    >>> fixed("1.0", 2), fixed(-0.004, 2), fixed(1234.5, 0, grouped=False)
    ('1.00', '0.00', '1235')
    """
    negative, whole, frac = _parts(value)
    digits = int(whole + frac)
    # digits * 10**-len(frac) is the value; the result is q * 10**-decimals.
    shift = decimals - len(frac)
    if shift >= 0:
        q = digits * 10**shift
    else:
        q, r = divmod(digits, 10**-shift)
        if 2 * r >= 10**-shift:
            q += 1
    if decimals > 0:
        text = str(q).rjust(decimals + 1, "0")
        head, tail = text[:-decimals], text[-decimals:]
    else:
        head, tail = str(q * 10**-decimals), ""
    head = f"{int(head):,}" if grouped else head
    sign = "-" if negative and q else ""
    return sign + head + ("." + tail if tail else "")


def significant(text: str) -> int:
    """How many significant digits a number as shown has (trailing zeros of a whole number
    are not counted).

    >>> significant("109.08"), significant("0.0372"), significant("79,000,000"), significant("0")
    (5, 3, 2, 1)
    """
    _, whole, frac = _parts(text)
    digits = (whole + frac).lstrip("0")
    if not frac:
        digits = digits.rstrip("0")
    return max(1, len(digits))


@once
def _display() -> dict[str, Any]:
    from aiindex._io.files import read_json

    _, data = read_json("display.json")
    figures: dict[str, Any] = data.get("figures", {})
    return figures


def precision(obs: Observation, indicator_id: str | None = None) -> tuple[str, int] | None:
    """How the report prints ``obs``: ``("fixed", n)``, ``("upto", n)`` or ``("si", n)``, from
    ``data/display.json``; None for a value not read from a release figure (shown as quoted).

    >>> ind = aiindex.indicator("training_cost", edition=2025)
    >>> precision(ind.observation("gpt-4"), ind.id)
    ('si', 0)
    >>> precision(aiindex.indicator("private_investment", edition=2024).observation("KOR")) is None
    True
    """
    src = obs.source
    if src.edition is None or src.figure is None:
        return None
    of_figure = _display().get(str(src.edition), {}).get(src.figure)
    if not of_figure:
        return None
    record = of_figure.get(indicator_id) if indicator_id is not None else None
    if record is None:
        # An indicator built later, or asked without its id: the figure's, in the same unit.
        record = next(iter(of_figure.values()))
    kind, n = record["precision"]
    return str(kind), int(n)


def _unit_exponent(unit: str) -> int:
    from aiindex._model.units import split_scale

    return len(str(split_scale(unit)[0])) - 1


def _si_decimals(magnitude: float, unit: str, n: int) -> int:
    """The place a value is rounded at when a chart prints it with an SI prefix."""
    import math

    eu = _unit_exponent(unit)
    base = abs(magnitude) * 10**eu
    prefix = max(0, 3 * (math.floor(math.log10(base)) // 3)) if base > 0 else 0
    return n + eu - prefix


def _printed_decimals(obs: Observation) -> int:
    """The decimals of the value as its source printed it, in the indicator's unit."""
    _, _, frac = _parts(obs.printed)
    if obs.printed_unit == obs.unit:
        return len(frac)
    # "362" million in a table of billions: three more places.
    return len(frac) + _unit_exponent(obs.unit) - _unit_exponent(obs.printed_unit)


def decimals_of(obs: Observation, indicator_id: str | None = None) -> int:
    """The decimal place ``obs`` is shown at (negative: tens, hundreds ...).

    >>> ind = aiindex.indicator("private_investment", edition=2026)
    >>> decimals_of(ind.observation("KOR"), ind.id)
    2
    >>> decimals_of(aiindex.indicator("training_cost", edition=2025).observation("gpt-4"))
    -6
    """
    how = precision(obs, indicator_id)
    if how is None:
        return _printed_decimals(obs)
    kind, n = how
    if kind == "si":
        return _si_decimals(obs.magnitude, obs.unit, n)
    if kind == "upto":
        return min(n, _printed_decimals(obs))
    return n


def shown(obs: Observation, indicator_id: str | None = None, *, digits: int | None = None) -> str:
    """An observation's value in its indicator's unit, as the report prints it.

    From a release figure: at the chart's precision (`precision`); read from the press: the
    digits quoted ("-0.30" stays "-0.30"); ``digits`` fixes the decimals instead. Thousands
    are separated.

    >>> obs = aiindex.indicator("ai_talent_migration", edition=2024).observation("KOR")
    >>> obs.printed, shown(obs), shown(obs, digits=1)
    ('-0.30', '-0.30', '-0.3')
    """
    if digits is not None:
        return fixed(obs.magnitude, digits)
    how = precision(obs, indicator_id)
    if how is None:
        if obs.printed_unit == obs.unit:
            try:
                _, _, frac = _parts(obs.printed)
            except ValueError:
                return number(obs.magnitude)
            return fixed(obs.printed, len(frac))
        return number(obs.magnitude)
    return fixed(
        obs.printed if obs.printed_unit == obs.unit else obs.magnitude,
        decimals_of(obs, indicator_id),
    )


def derived(value: float, decimals: int, *, digits: int | None = None) -> str:
    """A value worked out from shown ones (a gap, a change) at ``decimals`` places.

    >>> derived(99.786987591, 2), derived(99.786987591, 2, digits=0)
    ('99.79', '100')
    """
    return fixed(value, decimals if digits is None else digits)


def gap_decimals(*observations: Observation, indicator_id: str | None = None) -> int:
    """The place a difference of ``observations`` is shown at: the least precise input's.

    >>> ind = aiindex.indicator("private_investment", edition=2026)
    >>> gap_decimals(ind.observation("USA"), ind.observation("CHN"), indicator_id=ind.id)
    2
    """
    return min(decimals_of(o, indicator_id) for o in observations)


def ratio_text(
    ratio: float,
    *observations: Observation,
    indicator_id: str | None = None,
    digits: int | None = None,
) -> str:
    """A ratio of ``observations`` with as many significant digits as the least precise.

    >>> ind = aiindex.indicator("private_investment", edition=2024)
    >>> ratio_text(ind.ratio("USA", "CHN"), ind.observation("USA"), ind.observation("CHN"))
    '8.66'
    """
    if digits is not None:
        return fixed(ratio, digits)
    sig = min(significant(shown(o, indicator_id)) for o in observations)
    return fixed(ratio, _places(ratio, sig))


def _places(value: float, sig: int) -> int:
    import math

    if value == 0 or not math.isfinite(value):
        return 0
    return max(0, sig - 1 - math.floor(math.log10(abs(value))))


def percent_change(
    fraction: float,
    *observations: Observation,
    indicator_id: str | None = None,
    digits: int | None = None,
) -> str:
    """A relative change (0.5 is +50%) as signed percent text, as precise as its inputs.

    The ratio of the two values has as many significant digits as the less precise of them;
    the percent keeps the places that ratio has, less two.

    >>> ind = aiindex.indicator("ai_talent_migration", edition=2024)
    >>> percent_change(-2.0, ind.observation("KOR", 2020), ind.observation("KOR", 2023))
    '-200%'
    """
    if digits is not None:
        places = digits
    else:
        sig = min(significant(shown(o, indicator_id)) for o in observations)
        places = max(0, _places(1 + fraction, sig) - 2) if 1 + fraction else 0
    text = fixed(fraction * 100, places)
    return ("+" + text if not text.startswith("-") and fraction > 0 else text) + "%"
