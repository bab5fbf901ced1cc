"""The statistics as rows a person reads: labels and values derived from the declarations (figures.py)."""

from __future__ import annotations

from django.utils.translation import gettext

from reports.statistics.figures import AREAS, BY_KEY, Unit, percent
from reports.statistics.wording import amount, number


def figure_rows(stats: dict, area: str) -> list[tuple[str, str, object]]:
    """(key, label, value) of an area's scalar figures, in declaration order; rates stay fractions."""
    figures = stats.get(area) or {}
    return [
        (item.key, str(item.label), figures.get(item.key))
        for item in BY_KEY[area].figures
        if item.unit != Unit.MAPPING and item.key in figures
    ]


def shown(stats: dict, area: str, key: str) -> str | None:
    """A figure as a person reads it: a percentage from its parts, or a number."""
    item = BY_KEY[area].figure(key)
    if item.unit == Unit.RATE:
        return percent(stats, f"{area}.{key}")
    value = (stats.get(area) or {}).get(key)
    if item.unit == Unit.FLAG:
        return gettext("yes") if value else gettext("no")
    if item.unit == Unit.MONEY:
        return amount(value)
    return number(value)


def breakdown_rows(stats: dict, area: str, key: str) -> list[tuple[str, int]]:
    """(name, count) of a breakdown such as publicity by theme, largest first."""
    breakdown = (stats.get(area) or {}).get(key) or {}
    figure = BY_KEY[area].figure(key)
    rows = ((figure.name_of(name), count or 0) for name, count in breakdown.items())
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def area_titles() -> dict[str, str]:
    return {area.key: str(area.label) for area in AREAS}
