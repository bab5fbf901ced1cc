"""Related rows fetched inside their parent's query, as JSON, and handed to the parent as if prefetched.

`prefetch_related` costs a query per relation; for an answer of a few rows
those queries cost more than the rows. Here each relation is a correlated
subquery aggregating the related rows into a JSON array of the fields their
readers need, and `take_prefetched` turns the array back into model
instances in the parent's prefetch cache, so that `parent.relation.all()`
reads them as it would read prefetched ones: the code reading them is the
same either way.
"""

from __future__ import annotations

import functools
from operator import attrgetter

from django.db import models
from django.db.models import DEFERRED
from django.db.models.functions import JSONObject
from django.db.models.query import ModelIterable


class JSONArrayAgg(models.Aggregate):
    """The aggregated values as a JSON array: JSONB_AGG on PostgreSQL, JSON_GROUP_ARRAY on SQLite."""

    function = "JSONB_AGG"
    output_field = models.JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


class _CompiledOnce(models.Subquery):
    # The SQL of a resolved subquery depends on nothing but its resolution (the
    # outer row it refers to) and the connection: a queryset built once and
    # filtered per request (each filter a clone sharing its annotations) then
    # compiles it once, not each time. Compiling is most of what such a
    # subquery costs. Every new resolution, or relabelling, starts afresh.

    def resolve_expression(self, *args, **kwargs):
        resolved = super().resolve_expression(*args, **kwargs)
        resolved._compiled = {}
        return resolved

    def relabeled_clone(self, change_map):
        clone = super().relabeled_clone(change_map)
        clone._compiled = {}
        return clone

    def as_sql(self, compiler, connection, template=None, **extra_context):
        compiled = getattr(self, "_compiled", None)
        if compiled is None or template is not None or extra_context:
            return super().as_sql(compiler, connection, template, **extra_context)
        if connection.alias not in compiled:
            compiled[connection.alias] = super().as_sql(compiler, connection)
        return compiled[connection.alias]


def _relation(model: type[models.Model], relation: str):
    """The related model and the lookup from it back to `model`, for a reverse foreign key or a many-to-many."""
    field = model._meta.get_field(relation)
    related = field.related_model
    if field.many_to_many and not field.auto_created:  # declared on `model`
        return related, field.related_query_name()
    return related, field.remote_field.name if field.auto_created else field.name


@functools.cache
def _related_and_parent(model: type[models.Model], relation: str):
    """The related model, and for a reverse foreign key the field by which each related row knows its parent."""
    field = model._meta.get_field(relation)
    return _relation(model, relation)[0], field.remote_field if field.one_to_many else None


def related_rows(model: type[models.Model], relation: str, fields: list[str], outer: str = "pk") -> models.Subquery:
    """The rows of `model`'s `relation` (named by its related_name) for each outer row, as a JSON array
    of objects with `fields`, or null when there are none: an annotation for `take_prefetched`.

    `outer` is where the outer row holds the key of `model`: its own primary key, or a foreign key to it.
    """
    related, back = _relation(model, relation)
    rows = (
        related._base_manager.filter(**{back: models.OuterRef(outer)})
        .order_by()
        .values(back)
        .annotate(rows=JSONArrayAgg(JSONObject(**{name: models.F(name) for name in fields})))
        .values("rows")
    )
    return _CompiledOnce(rows, output_field=models.JSONField())


@functools.cache
def _reading(related: type[models.Model], read: frozenset[str], known: frozenset[str]) -> tuple:
    """How rows with the fields `read` become instances of `related`, `known` (attnames) given beside them:
    worked out once, used for every row.

    Each field read with its place among the model's fields, every field's
    attname and a value for each that stands for deferred (those not read),
    and the sort keys of the model's default ordering, last key first, for
    stable sorts.
    """
    fields = related._meta.concrete_fields
    places = [(place, field) for place, field in enumerate(fields) if field.name in read or field.attname in known]
    keys = []
    for name in reversed(related._meta.ordering):
        key = name.lstrip("-")
        attname = related._meta.pk.attname if key == "pk" else related._meta.get_field(key).attname
        keys.append((attrgetter(attname), name.startswith("-")))
    return places, [field.attname for field in fields], [DEFERRED] * len(fields), keys


def _instances(
    related: type[models.Model], rows: list[dict], db: str | None, known: dict, built: dict | None
) -> list[models.Model]:
    places, attnames, deferred, ordering = _reading(related, frozenset(rows[0]), frozenset(known))
    pk = related._meta.pk.name if built is not None else None
    instances = []
    for row in rows:
        if pk in row and row[pk] in built:
            instances.append(built[row[pk]])
            continue
        values = deferred.copy()
        for place, field in places:
            values[place] = known[field.attname] if field.attname in known else field.to_python(row[field.name])
        # A value, or DEFERRED, for every field: from_db need not place them itself.
        instances.append(related.from_db(db, attnames, values))
        if pk in row:
            built[row[pk]] = instances[-1]
    if len(instances) > 1:
        for key, reverse in ordering:
            instances.sort(key=key, reverse=reverse)
    return instances


def take_prefetched(
    instance: models.Model, relation: str, rows: list[dict] | None, built: dict | None = None
) -> list[models.Model]:
    """Put the JSON `rows` of `related_rows` into `instance`'s prefetch cache for `relation`, as instances.

    `instance.relation.all()` then answers them without a query, as after
    prefetch_related; rows of a reverse foreign key know `instance` as their
    parent. They carry only the fields asked for: the others are deferred.
    With `built` (a dict kept across the instances of one query), a row of a
    many-to-many that another instance read too is the same instance for
    both, as a foreign key's prefetched row is for all that point to it.
    """
    related, parent = _related_and_parent(type(instance), relation)
    instances = []
    if rows:
        known = {parent.attname: instance.pk} if parent else {}
        instances = _instances(related, rows, instance._state.db, known, None if parent else built)
        for child in instances if parent else ():
            parent.set_cached_value(child, instance)
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[relation] = instances
    return instances


def rows_annotation(relation: str) -> str:
    """The name of the annotation holding the rows of `relation` that `take_prefetched` takes."""
    return f"{relation}_rows"


class _TakingRelatedRows(ModelIterable):
    # Each instance, as it is built, takes the rows of its `relations`.
    relations: tuple[str, ...] = ()

    def __iter__(self):
        built = {relation: {} for relation in self.relations}
        for instance in super().__iter__():
            for relation in self.relations:
                take_prefetched(instance, relation, getattr(instance, rows_annotation(relation)), built[relation])
            yield instance


@functools.cache
def _taking(relations: tuple[str, ...]) -> type[ModelIterable]:
    return type("TakingRelatedRows", (_TakingRelatedRows,), {"relations": relations})


def with_related_rows(queryset: models.QuerySet, **relations: list[str]) -> models.QuerySet:
    """`queryset` whose instances come with the rows of each relation (the fields named) as if prefetched,
    read inside the same query (`related_rows`): `prefetch_related` without its query, nor the filtered
    queryset it builds for every instance.

    For a queryset built once (a view's), whose clones then share the subqueries compiled once.
    """
    if not issubclass(queryset._iterable_class, ModelIterable):
        raise TypeError("Related rows are handed to model instances, not to values().")
    model = queryset.model
    annotated = queryset.annotate(
        **{rows_annotation(relation): related_rows(model, relation, fields) for relation, fields in relations.items()}
    )
    taken = getattr(queryset._iterable_class, "relations", ())
    annotated._iterable_class = _taking((*taken, *relations))
    return annotated
