"""New rows written many at once: PostgreSQL's COPY where the database has it, bulk_create elsewhere.

A roster of ten thousand people is some 600,000 values with its history
entries; Django spends most of a bulk INSERT compiling them into SQL text,
while COPY streams them in a fraction of the time. The values are the ones
bulk_create writes (each field's pre_save and database preparation), and a
history entry gets the columns django-simple-history's
bulk_create_with_history fills, so either way leaves the same rows.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from contextlib import nullcontext

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, models, router, transaction
from django.utils import timezone
from simple_history.utils import (
    bulk_create_with_history,
    get_change_reason_from_object,
    get_history_model_for_model,
)

# Rows per INSERT where the database has no COPY.
BATCH_SIZE = 1000
# The columns of a history entry that are not the record's own; its key (history_id) the database gives.
ENTRY_COLUMNS = ("history_date", "history_change_reason", "history_type", "history_user", "history_relation")


# Django's own fields send a value of exactly this type to PostgreSQL unchanged (an integer at most
# wrapped, with the same text); preparing half a million such values costs more than the COPY.
UNCHANGED: dict[type[models.Field], type] = {
    models.CharField: str,
    models.TextField: str,
    models.BooleanField: bool,
    models.DateField: datetime.date,
    **dict.fromkeys(
        [
            models.AutoField,
            models.BigAutoField,
            models.SmallAutoField,
            models.IntegerField,
            models.BigIntegerField,
            models.SmallIntegerField,
            models.PositiveIntegerField,
            models.PositiveBigIntegerField,
            models.PositiveSmallIntegerField,
        ],
        int,
    ),
}


def _copies(connection) -> bool:
    return connection.vendor == "postgresql"


def _copy(connection, model: type[models.Model], fields: Sequence[models.Field], rows: Sequence[Sequence]) -> None:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor:
        # Logged as a query when queries are, so query counts and the debug toolbar still see the write.
        logged = cursor.debug_sql(sql) if connection.queries_logged else nullcontext()
        with logged, connection.wrap_database_errors, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)


def _give_primary_keys(connection, model: type[models.Model], objs: list[models.Model]) -> None:
    pk = model._meta.pk
    missing = [obj for obj in objs if obj.pk is None]
    if not missing or not isinstance(pk, models.AutoField | models.BigAutoField | models.SmallAutoField):
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [connection.ops.quote_name(model._meta.db_table), pk.column, len(missing)],
        )
        for obj, (value,) in zip(missing, cursor.fetchall(), strict=True):
            obj.pk = value


def _insert(connection, model: type[models.Model], objs: list[models.Model]) -> list[list]:
    """COPY new records; answers the values written, one list per record in `concrete_fields` order."""
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    _give_primary_keys(connection, model, objs)
    fields = model._meta.concrete_fields
    preparers = [_preparer(field, connection) for field in fields]
    rows = [[prepare(obj) for prepare in preparers] for obj in objs]
    _copy(connection, model, fields, rows)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
    return rows


def _preparer(field: models.Field, connection) -> Callable[[models.Model], object]:
    """What bulk_create writes of `field` for a record: its pre_save value, prepared for the database."""
    target = field.target_field if type(field) in (models.ForeignKey, models.OneToOneField) else field
    unchanged = UNCHANGED.get(type(target))

    def prepare(obj):
        value = field.pre_save(obj, True)
        if unchanged is not None and (value is None or type(value) is unchanged):
            return value
        return field.get_db_prep_save(value, connection)

    return prepare


def insert_rows(model: type[models.Model], objs: Sequence[models.Model]) -> list[models.Model]:
    """Insert new records of `model` as bulk_create does, each given its primary key."""
    connection = connections[router.db_for_write(model)]
    if not _copies(connection):
        return model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)
    objs = list(objs)
    _insert(connection, model, objs)
    return objs


def create_with_history(model: type[models.Model], objs: Sequence[models.Model], *, user=None) -> list[models.Model]:
    """bulk_create_with_history: insert new records of `model` and a "+" history entry of each, in one go."""
    connection = connections[router.db_for_write(model)]
    if not _copies(connection):
        return bulk_create_with_history(objs, model, batch_size=BATCH_SIZE, default_user=user)
    objs = list(objs)
    if not objs:
        return objs
    history = get_history_model_for_model(model)
    with transaction.atomic(using=connection.alias, savepoint=False):
        rows = _insert(connection, model, objs)
        columns, entries = _history_entries(history, model, objs, rows, user=user)
        _copy(connection, history, columns, entries)
    return objs


def _history_entries(history, model, objs, rows, *, user) -> tuple[list[models.Field], list[list]]:
    """The columns of `history` and a "+" entry of each record, filled as simple-history's bulk_history_create does."""
    position = {field.attname: index for index, field in enumerate(model._meta.concrete_fields)}
    tracked = {field.attname for field in history.tracked_fields}
    own = [field for field in history._meta.concrete_fields if field.name in ENTRY_COLUMNS]
    copied = [field for field in history._meta.concrete_fields if not field.primary_key and field not in own]
    unfilled = [field.name for field in copied if field.attname not in tracked]
    if unfilled:
        raise ImproperlyConfigured(f"{history.__name__} has columns that a bulk write cannot fill: {unfilled}")
    # The user of the request, if any: the same for every row, so looked up once.
    fallback_user = user or history.get_default_history_user(model())
    now = timezone.now()
    entries = []
    for obj, row in zip(objs, rows, strict=True):
        who = getattr(obj, "_history_user", fallback_user)
        values = {
            "history_date": getattr(obj, "_history_date", now),
            "history_change_reason": get_change_reason_from_object(obj),
            "history_type": "+",
            "history_user": who.pk if who is not None else None,
            "history_relation": obj.pk,
        }
        entries.append([values[field.name] for field in own] + [row[position[field.attname]] for field in copied])
    return own + copied, entries
