"""The shape of a declared figure: its unit, its label, the parts of a rate, the charts of an area.

The declarations themselves are in figures.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.functional import Promise

AreaFunction = Callable[..., dict]


class Unit(StrEnum):
    COUNT = "count"  # a whole number of people, cases, sessions …
    HOURS = "hours"  # a number of hours, one decimal
    RATE = "rate"  # a fraction 0–1 (None without a denominator), read as a percentage
    MONEY = "money"  # an amount in yuan
    MAPPING = "mapping"  # {name: count}, e.g. activities by theme day
    FLAG = "flag"  # yes or no, e.g. "no major decision this year" confirmed


@dataclass(frozen=True)
class Figure:
    key: str
    label: Promise
    unit: Unit = Unit.COUNT
    # A rate: the keys summed above the line, and the key below it (or a function naming that key).
    numerator: tuple[str, ...] = ()
    denominator: str | Callable[[], str] = ""
    # Whether the value may be None (rates always may).
    nullable: bool = False
    # Whether the Word report's table of key figures shows it.
    summary: bool = False
    # A mapping whose keys are codes: how a person reads each key.
    names: Callable[[str], str] | None = None

    def name_of(self, key: str) -> str:
        return self.names(key) if self.names is not None else key

    @property
    def may_be_null(self) -> bool:
        return self.nullable or self.unit == Unit.RATE

    def parts(self, figures: dict) -> tuple[float, float]:
        """The numerator and denominator of a rate in an area's figures."""
        below = self.denominator() if callable(self.denominator) else self.denominator
        return sum(figures.get(key) or 0 for key in self.numerator), figures.get(below) or 0


@dataclass(frozen=True)
class Chart:
    """A chart of an area: its figures as bars, or one of its mappings as bars or a pie."""

    title: Promise
    kind: str  # "bar" or "pie"
    keys: tuple[str, ...] = ()
    mapping: str = ""


@dataclass(frozen=True)
class Area:
    key: str
    label: Promise
    compute: AreaFunction
    figures: tuple[Figure, ...]
    charts: tuple[Chart, ...] = field(default=())
    # The OpenAPI component of the area's figures.
    schema_name: str = ""

    def figure(self, key: str) -> Figure:
        return next(item for item in self.figures if item.key == key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.figures)


def rate(key: str, label: Promise, numerator: str | tuple[str, ...], denominator, *, summary: bool = False) -> Figure:
    numerator = (numerator,) if isinstance(numerator, str) else numerator
    return Figure(key, label, Unit.RATE, numerator=numerator, denominator=denominator, summary=summary)
