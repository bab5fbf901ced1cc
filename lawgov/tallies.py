"""Rows counted by the conditions they meet, in one grouped query.

Most yearly figures count the rows that meet some of a few conditions
(received in the year, closed by its end, with such an outcome). Asked as one
filtered aggregate per figure, the same conditions are built, resolved and
compiled again for every figure, which costs far more than the database's
work. A tally instead selects each condition once per row, groups the rows by
what they meet, and leaves a handful of groups for the figures to add up.

The grouping is done around the ORM's query, not by it: Django compiles an
expression again for its GROUP BY clause, which for a condition holding
subqueries (a certificate's state) doubles the cost of the whole query.

A condition must be a fact of the row itself (its columns, or an `Exists` over
related rows): a join to many related rows would put one row into several
groups and count it more than once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections, models

from lawgov.prepared import Prepared, PreparedQuery

ROWS = "rows"


def _meets(wanted) -> Callable[[object], bool]:
    """Whether a group's value is `wanted`: a condition met or not, one of several values, or the value."""
    if isinstance(wanted, bool):
        # A condition that SQL answers with NULL is not met, as in a filter.
        return (lambda value: bool(value)) if wanted else (lambda value: not value)
    if isinstance(wanted, Collection) and not isinstance(wanted, str):
        return wanted.__contains__
    return lambda value: value == wanted


@dataclass(frozen=True)
class Tally:
    """The groups of one query: each a combination of conditions met and values, with its rows and sums."""

    groups: tuple[dict, ...]

    def _matching(self, wanted: Mapping) -> tuple[dict, ...] | list[dict]:
        groups = self.groups
        for key, want in wanted.items():
            meets = _meets(want)
            groups = [group for group in groups if meets(group[key])]
        return groups

    def count(self, **wanted) -> int:
        """The rows whose conditions are met (True) or not (False) and whose values are (one of) those named."""
        return sum(group[ROWS] for group in self._matching(wanted))

    def sum(self, name: str, **wanted):
        """The sum of the summed column `name` over the rows `count` would count: 0 when none."""
        return sum(group[name] or 0 for group in self._matching(wanted))

    def by(self, name: str, **wanted) -> dict:
        """The rows `count` would count, by their value of `name`."""
        counts: dict = {}
        for group in self._matching(wanted):
            counts[group[name]] = counts.get(group[name], 0) + group[ROWS]
        return counts


_GROUPED = "tally_by_"
_SUMMED = "tally_sum_"
_PER = "tally_per_"


def tally_rows(
    queryset: models.QuerySet,
    conditions: Mapping[str, models.Q | models.Expression] | None = None,
    *,
    fields: Collection[str] = (),
    sums: Collection[str] = (),
    per: str | None = None,
) -> models.QuerySet:
    """The rows a tally groups: a column for each condition met, each field and each summed field.

    `per` (a lookup, "officer"): the tally counts the different values of
    `per` instead of rows, each once; a value meets a condition when any of
    its rows does, and `fields` must be facts of the value (the officer's
    own), so that each value falls in one group. The database does that
    counting: the figures' code receives a handful of groups, not a row for
    each of the county's officers.

    The columns are named for what they hold (aliases of our own, so that no column of the model is shadowed).
    """
    columns: dict[str, models.Expression] = {}
    for name, met in (conditions or {}).items():
        columns[_GROUPED + name] = models.ExpressionWrapper(met, output_field=models.BooleanField())
    columns.update({_GROUPED + name: models.F(name) for name in fields})
    columns.update({_SUMMED + name: models.F(name) for name in sums})
    if per is not None:
        columns[_PER + per] = models.F(per)
    # With nothing to group or add up, the rows' keys alone: they are only counted.
    return queryset.order_by().values(**columns) if columns else queryset.order_by().values("pk")


def tally(
    queryset: models.QuerySet,
    conditions: Mapping[str, models.Q | models.Expression] | None = None,
    *,
    fields: Collection[str] = (),
    sums: Collection[str] = (),
    per: str | None = None,
) -> Tally:
    """Count `queryset`'s rows by the named `conditions` they meet and by their values of `fields`.

    `fields` and `sums` are lookups from the row ("outcome", "theme__name");
    each of `sums` is added up per group as well; `per` counts values instead of rows (`tally_rows`).
    """
    rows = tally_rows(queryset, conditions, fields=fields, sums=sums, per=per)
    try:
        sql, params = rows.query.get_compiler(using=rows.db).as_sql()
    except EmptyResultSet:
        return Tally(())
    return _grouped(rows, sql, params)


def prepared_tally(query: PreparedQuery, shape: Hashable, /, *, plan_each_time: bool = False, **values) -> Tally:
    """The tally of `query`'s rows (built by `tally_rows`), its SQL compiled once per shape (lawgov/prepared.py).

    `plan_each_time`: on PostgreSQL, planned for these values each time rather
    than by a generic plan, for a query whose generic plan was measured slower
    than planning it anew.
    """
    try:
        sql, params = query.sql(shape, **values)
    except EmptyResultSet:
        return Tally(())
    return _grouped(query.prepared(shape, values).queryset, sql, params, plan_each_time=plan_each_time)


def _planned_for_its_values(execute, sql, params, many, context):
    # Planned for its own values on PostgreSQL, never from a statement
    # prepared earlier on the connection (the settings prepare what runs five
    # times), whose generic plan knows neither the subtree's path nor the days.
    cursor = context["cursor"].cursor
    if many or context["connection"].vendor != "postgresql" or not hasattr(cursor, "_conn"):
        return execute(sql, params, many, context)
    with context["connection"].wrap_database_errors:
        return cursor.execute(sql, params, prepare=False)


def _planned(connection, each_time: bool):
    return connection.execute_wrapper(_planned_for_its_values) if each_time else nullcontext()


def _grouped(rows: models.QuerySet, sql: str, params, *, plan_each_time: bool = False) -> Tally:
    connection = connections[rows.db]
    quote = connection.ops.quote_name
    annotations = rows.query.annotation_select
    grouped = [column for column in annotations if column.startswith(_GROUPED)]
    summed = [column for column in annotations if column.startswith(_SUMMED)]
    per = next((column for column in annotations if column.startswith(_PER)), None)
    if per is not None:
        sql = _once_per_value(sql, per, {column: annotations[column].output_field for column in grouped}, summed, quote)
    select = ", ".join([*map(quote, grouped), "COUNT(*)", *(f"SUM({quote(column)})" for column in summed)])
    group_by = f" GROUP BY {', '.join(map(quote, grouped))}" if grouped else ""
    with connection.cursor() as cursor, _planned(connection, plan_each_time):
        cursor.execute(f"SELECT {select} FROM ({sql}) tallied{group_by}", params)
        found = cursor.fetchall()
    names = [
        *(column.removeprefix(_GROUPED) for column in grouped),
        ROWS,
        *(column.removeprefix(_SUMMED) for column in summed),
    ]
    return Tally(tuple(dict(zip(names, row, strict=True)) for row in found))


def _once_per_value(sql: str, per: str, grouped: dict[str, models.Field], summed: list[str], quote) -> str:
    """`sql`'s rows made one row for each value of the column `per` (`tally_rows`' `per`)."""
    columns = [quote(per)]
    for column, output_field in grouped.items():
        if isinstance(output_field, models.BooleanField):
            # Met by any of the value's rows; a NULL is not met, as in a filter.
            columns.append(f"MAX(CASE WHEN {quote(column)} THEN 1 ELSE 0 END) = 1 AS {quote(column)}")
        else:
            columns.append(f"MAX({quote(column)}) AS {quote(column)}")
    columns.extend(f"SUM({quote(column)}) AS {quote(column)}" for column in summed)
    return f"SELECT {', '.join(columns)} FROM ({sql}) per_row GROUP BY {quote(per)}"


def counts(**querysets: models.QuerySet) -> dict[str, int]:
    """The number of rows of each queryset, all in one query (of the first queryset's database)."""
    db = next(iter(querysets.values())).db
    parts = {}
    for name, queryset in querysets.items():
        try:
            parts[name] = queryset.order_by().values("pk").query.get_compiler(using=db).as_sql()
        except EmptyResultSet:
            parts[name] = None
    return _counted(db, parts)


def prepared_counts(
    shape: Hashable, /, *, plan_each_time: bool = False, **queries: tuple[PreparedQuery, dict]
) -> dict[str, int]:
    """`counts` of prepared queries (each built by `tally_rows`, with its values), their SQL compiled once per shape.

    `plan_each_time` as for `prepared_tally`.
    """
    parts = {}
    for name, (query, values) in queries.items():
        prepared = query.prepared(shape, values)
        db = prepared.queryset.db
        parts[name] = _counted_part(prepared, values)
    return _counted(db, parts, plan_each_time=plan_each_time)


def prepared_count(query: PreparedQuery, shape: Hashable, /, build: Callable[..., models.QuerySet]) -> int:
    """The number of rows of the queryset `build(shape)` builds, its SQL compiled once per shape."""
    prepared = query.prepared(shape, {}, lambda shape: tally_rows(build(shape)))
    return _counted(prepared.queryset.db, {ROWS: _counted_part(prepared, {})})[ROWS]


def _counted_part(prepared: Prepared, values: dict) -> tuple[str, tuple] | None:
    return None if prepared.compiler is None else (prepared.sql, prepared.params_for(values))


def _counted(db: str, parts: dict[str, tuple[str, tuple] | None], *, plan_each_time: bool = False) -> dict[str, int]:
    # A query that can match no row is counted as 0 without asking.
    selected, params = [], []
    for part in parts.values():
        if part is None:
            selected.append("0")
            continue
        sql, more = part
        selected.append(f"(SELECT COUNT(*) FROM ({sql}) counted)")
        params.extend(more)
    connection = connections[db]
    with connection.cursor() as cursor, _planned(connection, plan_each_time):
        cursor.execute(f"SELECT {', '.join(selected)}", params)
        found = cursor.fetchone()
    return dict(zip(parts, found, strict=True))
