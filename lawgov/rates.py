"""Rates: exact fractions for machines, one rounding for people.

A rate travels as a fraction 0–1 (the API's value) and is shown to a person
as a percentage worked out from its numerator and denominator, rounded half
up (四舍五入) once, to one decimal: 6/11 is 54.5 %, never 54.6 % from a
fraction rounded before.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def rate(numerator: int | float | Decimal | None, denominator: int | float | Decimal | None) -> float | None:
    """A fraction 0–1 to 4 places for the API, or None when there is nothing to divide by."""
    if not denominator:
        return None
    return round(float(Fraction(Decimal(numerator or 0)) / Fraction(Decimal(denominator))), 4)


def exact(numerator: int | float | Decimal | None, denominator: int | float | Decimal | None) -> Fraction | None:
    """The rate as an exact fraction, or None when there is nothing to divide by."""
    if not denominator:
        return None
    return Fraction(Decimal(str(numerator or 0))) / Fraction(Decimal(str(denominator)))


def half_up(value: Fraction, places: int = 1) -> Decimal:
    """`value` (not negative) rounded half up to `places` decimals, exactly: no float on the way."""
    scaled = value * 10**places
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Decimal(whole).scaleb(-places)


def percent(numerator: int | float | Decimal | None, denominator: int | float | Decimal | None) -> str | None:
    """The percentage a person reads: 6/11 → "54.5%", 1/1 → "100%"; None without a denominator."""
    fraction = exact(numerator, denominator)
    if fraction is None:
        return None
    text = f"{half_up(fraction * 100)}"
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"
