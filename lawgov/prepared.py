"""Queries built and compiled once per shape, then run with each request's values.

For the short queries of the HR check and the statistics, Django's work to
build a queryset (resolving every lookup and expression) and to compile it to
SQL costs several times what the database does. A `PreparedQuery` builds its
queryset once per shape with stand-ins for the values that change from one
run to the next, keeps the compiled SQL, and on each run puts the real values
in the stand-ins' places: the database receives the SQL Django would have
built for those values.

The shape is what the SQL's text depends on (whose scope, which lookup); the
values are what only its parameters depend on (a certificate number, a day).
A value must reach the SQL as a parameter of its own, untransformed (an exact
comparison, one end of a range). A value turned into another on the way (a
LIKE pattern, a year's bounds, a day plus 90 days) would leave something
derived from a stand-in in the SQL, so preparing refuses it, as it refuses a
value that does not reach the SQL at all, rather than run another query than
the one asked for.
"""

from __future__ import annotations

import datetime
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections, models

# Far from any value a record holds, so that a parameter near one was derived from it.
_FIRST_STAND_IN_DAY = datetime.date(1, 1, 1)
_STAND_IN_DAYS_APART = 1000
_STAND_IN_DAY_TEXT = re.compile(r"00\d\d-\d\d-\d\d")
# Inside every integer field's range: Django answers a lookup past a field's range without asking the database.
_FIRST_STAND_IN_NUMBER = 20011
_STAND_IN_NUMBERS_APART = 1013
_NUMBERS_PER_QUERY = 12  # the last stand-in still a small integer (≤ 32767)


class NotPreparable(ValueError):
    """A value does not reach the SQL as a parameter of its own."""


def _stand_in(name: str, value, position: int):
    if isinstance(value, datetime.datetime):
        raise NotPreparable(f"{name}: a date and time cannot be prepared, only a date, a number or a text")
    if isinstance(value, datetime.date):
        return _FIRST_STAND_IN_DAY + datetime.timedelta(days=_STAND_IN_DAYS_APART * (position + 1))
    if isinstance(value, bool):
        raise NotPreparable(f"{name}: a yes or no changes the SQL; make it part of the shape")
    if isinstance(value, int):
        if position >= _NUMBERS_PER_QUERY:
            raise NotPreparable(f"{name}: a query takes at most {_NUMBERS_PER_QUERY} values")
        return _FIRST_STAND_IN_NUMBER + _STAND_IN_NUMBERS_APART * position
    if isinstance(value, str):
        # Upper-case letters and digits only: a field's own normalising (an ID number's) leaves them be.
        return f"ZQXSTANDIN{position}{name.upper()}ZQX"
    raise NotPreparable(f"{name}: a {type(value).__name__} cannot be prepared, only a date, a number or a text")


def _as_text(value) -> str:
    # SQLite's adapter passes a date as its ISO text (DatabaseOperations.adapt_datefield_value).
    return value.isoformat()


def _as_is(value):
    return value


def _kind(value) -> tuple[type, object]:
    """What a parameter is for matching: psycopg's small integers (Int2 with server-side binding) as numbers."""
    if isinstance(value, int) and not isinstance(value, bool):
        return int, int(value)
    return type(value), value


def _derived(param, stand_in) -> bool:
    """Whether `param`, not `stand_in` itself, was worked out from it."""
    if isinstance(stand_in, datetime.date) and isinstance(param, str):
        return bool(_STAND_IN_DAY_TEXT.fullmatch(param)) and param != _as_text(stand_in)
    (kind, value), (stand_in_kind, _) = _kind(param), _kind(stand_in)
    if kind is not stand_in_kind or value == stand_in:
        return False
    if isinstance(value, str):
        return stand_in in value
    if isinstance(value, datetime.date):
        return value.year < _FIRST_STAND_IN_DAY.year + 100
    return abs(value - stand_in) < _STAND_IN_NUMBERS_APART // 10


@dataclass(frozen=True)
class Prepared:
    """One shape's compiled SQL: each parameter a constant, or a value to put in as the stand-in was passed."""

    queryset: models.QuerySet
    compiler: object | None  # None: the query can match no row (Django's EmptyResultSet)
    sql: str
    params: tuple[tuple[str | None, Callable, object], ...]  # (value's name, its conversion, constant)

    def params_for(self, values: dict) -> tuple:
        return tuple(constant if name is None else convert(values[name]) for name, convert, constant in self.params)


def prepare(queryset: models.QuerySet, stand_ins: dict[str, object]) -> Prepared:
    """Compile `queryset`, built with `stand_ins`, and find where each stand-in went."""
    compiler = queryset.query.get_compiler(using=queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return Prepared(queryset, None, "", ())
    places = {_kind(value): (name, _as_is) for name, value in stand_ins.items()}
    places.update(
        {
            (str, _as_text(value)): (name, _as_text)
            for name, value in stand_ins.items()
            if isinstance(value, datetime.date)
        }
    )
    placed = []
    for param in params:
        try:
            name, convert = places.get(_kind(param), (None, _as_is))
        except TypeError:  # an unhashable parameter (a JSON document) is no stand-in
            name, convert = None, _as_is
        if name is not None and convert is _as_is and type(param) is not type(stand_ins[name]):
            convert = type(param)  # the database adapter's own wrapper (psycopg's Int2), kept for the value
        for other, stand_in in stand_ins.items():
            if name is None and _derived(param, stand_in):
                raise NotPreparable(f"{other}: the SQL holds a value worked out from it ({param!r}), not the value")
        placed.append((name, convert, None if name else param))
    for name, stand_in in stand_ins.items():
        if not any(place[0] == name for place in placed):
            raise NotPreparable(f"{name}: the value does not reach the SQL as a parameter")
        if isinstance(stand_in, str) and stand_in in sql:
            raise NotPreparable(f"{name}: the value is written into the SQL's text")
    return Prepared(queryset, compiler, sql, tuple(placed))


class PreparedQuery:
    """The rows of `build(shape, **values)`, its SQL compiled once for each shape.

    `build` takes the shape (hashable: it holds everything the SQL's text
    depends on) and the values by name; it must build the same SQL for the
    same shape whatever the values. Without one, each call brings its own
    (`build=`): for a query its caller builds from what only the caller
    holds (a request), with the same promise.
    """

    def __init__(self, build: Callable[..., models.QuerySet] | None = None, *, shapes_kept: int = 64):
        # A prepared shape holds its query and compiler: a township's statistics
        # keep about half a megabyte of them, so the least recently used go first.
        self.build = build
        self.shapes_kept = shapes_kept
        self._prepared: OrderedDict[Hashable, Prepared] = OrderedDict()
        self._lock = threading.Lock()

    def prepared(self, shape: Hashable, values: dict, build: Callable[..., models.QuerySet] | None = None) -> Prepared:
        key = (shape, tuple(sorted((name, type(value)) for name, value in values.items())))
        with self._lock:
            found = self._prepared.get(key)
            if found is not None:
                self._prepared.move_to_end(key)
        if found is None:
            stand_ins = {
                name: _stand_in(name, value, position) for position, (name, value) in enumerate(values.items())
            }
            try:
                found = prepare((build or self.build)(shape, **stand_ins), stand_ins)
            except NotPreparable:
                raise
            except (ValueError, OverflowError) as error:
                # Django working a stand-in into another value (a year's bounds) found it out of range.
                raise NotPreparable(f"{', '.join(values)}: a value is worked into another ({error})") from error
            with self._lock:
                self._prepared[key] = found
                while len(self._prepared) > self.shapes_kept:
                    self._prepared.popitem(last=False)
        return found

    def forget(self) -> None:
        """Drop every shape prepared: each is compiled again when next asked for."""
        with self._lock:
            self._prepared.clear()

    def sql(self, shape: Hashable, /, **values) -> tuple[str, tuple]:
        """The SQL and its parameters; raises EmptyResultSet when the query can match no row."""
        prepared = self.prepared(shape, values)
        if prepared.compiler is None:
            raise EmptyResultSet
        return prepared.sql, prepared.params_for(values)

    def tuples(self, shape: Hashable, /, **values) -> list[tuple]:
        """The rows as the database driver returns them, without the model layer: for plain columns, which
        no field converts (text, numbers), where building model rows would cost more than the query."""
        prepared = self.prepared(shape, values)
        if prepared.compiler is None:
            return []
        with connections[prepared.queryset.db].cursor() as cursor:
            cursor.execute(prepared.sql, prepared.params_for(values))
            return cursor.fetchall()

    def rows(self, shape: Hashable, /, build: Callable[..., models.QuerySet] | None = None, **values) -> list:
        """What iterating the built queryset gives (model instances, with what it prefetches), as a list.

        A list, not a queryset: filtering a queryset built with stand-ins
        would compile them into a new query.
        """
        prepared = self.prepared(shape, values, build)
        if prepared.compiler is None:
            return []
        compiler = _RunOnce(prepared, prepared.params_for(values))
        queryset = prepared.queryset._chain()
        db = queryset.db  # not the queryset itself: its query would refer to it, and keep its rows alive in a cycle
        queryset.query.get_compiler = lambda *args, **kwargs: compiler.bound(db)
        return list(queryset)


class _RunOnce:
    """The prepared compiler, answering with the prepared SQL and this run's parameters."""

    def __init__(self, prepared: Prepared, params: tuple):
        self.prepared = prepared
        self.params = params

    def bound(self, db: str):
        # A copy for this run and this thread's connection: the prepared one
        # belongs to the connection it was compiled on.
        compiler = object.__new__(type(self.prepared.compiler))
        compiler.__dict__.update(self.prepared.compiler.__dict__)
        compiler.connection = connections[db]
        compiler.as_sql = lambda *args, **kwargs: (self.prepared.sql, self.params)
        return compiler
