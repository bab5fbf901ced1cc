"""Rows counted by the conditions they meet, in one grouped query.

Most yearly figures count the rows that meet some of a few conditions
(received in the year, closed by its end, with such an outcome). Asked as one
filtered aggregate per figure, the same conditions are built, resolved and
compiled again for every figure, which costs far more than the database's
work. Grouping the rows by the conditions instead evaluates each condition
once per row and leaves a handful of groups, which the figures add up.

A condition must be a fact of the row itself (its columns, or an `Exists` over
related rows): a join to many related rows would put one row into several
groups and count it more than once.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from django.db import models

COUNT = "_rows"


def _matches(value, wanted) -> bool:
    if isinstance(wanted, bool):
        # A condition that SQL answers with NULL is not met, as in a filter.
        return bool(value) is wanted
    if isinstance(wanted, Collection) and not isinstance(wanted, str):
        return value in wanted
    return value == wanted


@dataclass(frozen=True)
class Tally:
    """The groups of one query: each a combination of conditions met and values, with its rows and sums."""

    groups: tuple[dict, ...]

    def _matching(self, wanted: Mapping) -> list[dict]:
        return [group for group in self.groups if all(_matches(group[key], want) for key, want in wanted.items())]

    def count(self, **wanted) -> int:
        """The rows whose conditions are met (True) or not (False) and whose values are (one of) those named."""
        return sum(group[COUNT] for group in self._matching(wanted))

    def sum(self, name: str, **wanted):
        """The sum of the summed column `name` over the rows `count` would count: 0 when none."""
        return sum(group[name] or 0 for group in self._matching(wanted))

    def values(self, name: str, **wanted) -> dict:
        """The rows counted by each value of the column `name`, among the rows `count` would count."""
        counts: dict = {}
        for group in self._matching(wanted):
            counts[group[name]] = counts.get(group[name], 0) + group[COUNT]
        return counts


def tally(
    queryset: models.QuerySet,
    conditions: Mapping[str, models.Q | models.Expression] | None = None,
    *,
    fields: Collection[str] = (),
    sums: Mapping[str, str] | None = None,
) -> Tally:
    """Count `queryset`'s rows by the named `conditions` they meet and their values of `fields`.

    `sums` names columns to add up per group as well ({"participants": "participants"}).
    """
    flags = {
        name: models.ExpressionWrapper(condition, output_field=models.BooleanField())
        for name, condition in (conditions or {}).items()
    }
    totals = {name: models.Sum(column) for name, column in (sums or {}).items()}
    rows = (
        queryset.annotate(**flags).order_by().values(*flags, *fields).annotate(**{COUNT: models.Count("pk")}, **totals)
    )
    return Tally(tuple(rows))
