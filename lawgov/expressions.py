"""Query expressions the ORM lacks."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import models


class CaseOf(models.Expression):
    """SQL's simple CASE: `CASE value WHEN 'a' THEN … ELSE … END`.

    The value is written, and worked out, once; a searched `Case` repeats it
    in every WHEN that compares it, which for a subquery means compiling and
    running the subquery again for each.
    """

    def __init__(
        self,
        value: models.Expression,
        results: Mapping[str, models.Expression],
        default: models.Expression,
        output_field: models.Field,
    ):
        super().__init__(output_field=output_field)
        self.value = value
        self.keys = tuple(results)
        self.results = list(results.values())
        self.default = default

    def get_source_expressions(self) -> list:
        return [self.value, *self.results, self.default]

    def set_source_expressions(self, expressions) -> None:
        self.value, *self.results, self.default = expressions

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.value)
        parts, all_params = [f"CASE {sql}"], list(params)
        for key, result in zip(self.keys, self.results, strict=True):
            result_sql, result_params = compiler.compile(result)
            parts.append(f"WHEN %s THEN {result_sql}")
            all_params.extend([key, *result_params])
        default_sql, default_params = compiler.compile(self.default)
        parts.append(f"ELSE {default_sql} END")
        all_params.extend(default_params)
        return " ".join(parts), all_params


def read_in_a_subquery(value):
    """`value` as a subquery of the query it belongs to reads it: a column of that query's row
    (an `F`, or an `OuterRef` to a query further out) becomes a reference one level further out;
    a plain value stays as it is.

    For a rule written once for a given value (a day, a field) that is also
    applied with each row's own, whose subqueries then reach out for it.
    """
    if isinstance(value, models.OuterRef):
        return models.OuterRef(value)
    if isinstance(value, models.F):
        return models.OuterRef(value.name)
    return value
