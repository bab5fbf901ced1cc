import copy
from collections.abc import Callable
from functools import cached_property
from operator import attrgetter

from django.core.exceptions import ObjectDoesNotExist
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.db.models.fields.related_descriptors import ManyToManyDescriptor
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import MANY_RELATION_KWARGS, PKOnlyObject


class PrefetchedManyRelatedField(serializers.ManyRelatedField):
    """A forward many-to-many read from the rows prefetched for it, when they are, without its manager.

    Django builds a new related manager each time the relation is read, which
    costs more than reading the prefetched rows: in a list, once per row.
    Anything not prefetched is read as DRF reads it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._cache_names: dict[type, str | None] = {}

    def _cache_name(self, model: type) -> str | None:
        """Where `model`'s instances keep the rows prefetched for this field: a forward many-to-many keeps
        them under its own name. None when the field reads anything else."""
        name = self.source_attrs[0] if len(self.source_attrs) == 1 else None
        descriptor = getattr(model, name, None) if name else None
        return name if isinstance(descriptor, ManyToManyDescriptor) and not descriptor.reverse else None

    def get_attribute(self, instance):
        model = type(instance)
        if model not in self._cache_names:
            self._cache_names[model] = self._cache_name(model)
        prefetched = getattr(instance, "_prefetched_objects_cache", {}).get(self._cache_names[model])
        return super().get_attribute(instance) if prefetched is None else prefetched


class ReadsPrefetchedRows:
    """For a related field: with many=True, a PrefetchedManyRelatedField instead of DRF's ManyRelatedField."""

    @classmethod
    def many_init(cls, *args, **kwargs):
        return PrefetchedManyRelatedField(
            child_relation=cls(*args, **kwargs),
            **{key: value for key, value in kwargs.items() if key in MANY_RELATION_KWARGS},
        )


class ScopedPrimaryKeyRelatedField(ReadsPrefetchedRows, serializers.PrimaryKeyRelatedField):
    """A foreign key that accepts only rows the requesting user may see.

    Creating or moving a record into an agency outside one's scope is thereby
    refused with the same message as a key that does not exist.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        request = self.context.get("request")
        if request is None:
            return queryset.none()
        return queryset.visible_to(request.user)


class OptionalChoiceField(serializers.ChoiceField):
    """A read-only choice that is null, not "", when the record has none yet (documented as nullable)."""

    def __init__(self, choices, **kwargs):
        super().__init__(choices, read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return None if value in (None, "") else super().to_representation(value)


class BooleanField(serializers.BooleanField):
    """DRF's BooleanField, answering a boolean as it is without trying it against every spelling of true."""

    def to_representation(self, value):
        return value if value is True or value is False else super().to_representation(value)


class FieldsCopiedOnce:
    # A serializer whose fields are worked out once per class, not per use:
    # DRF deep-copies the declared fields (nested serializers included) every
    # time a serializer is instantiated, and ModelSerializer introspects the
    # model, which costs more than the rest of a small answer. Each use gets
    # its own copies, so that no field is bound to another request's
    # serializer: shallow ones when the serializer only reads (binding sets the
    # copy's own attributes), deep ones when it takes data, whose validation
    # may keep state in a field.
    # (A comment, not a docstring: the OpenAPI schema would take a docstring
    # as the description of every serializer using this.)

    _fields_template: dict | None = None

    def get_fields(self):
        cls = type(self)
        if cls.__dict__.get("_fields_template") is None:
            cls._fields_template = super().get_fields()
        if hasattr(self.root, "initial_data"):
            return copy.deepcopy(cls._fields_template)
        return {name: _shallow_copy(field) for name, field in cls._fields_template.items()}

    @cached_property
    def _readable_fields(self) -> list:
        # DRF walks its mapping of fields afresh for every row it reads (the
        # mapping is a Python-level one, slow to walk); a list serializer's
        # one child reads the same fields for every row.
        return [field for field in self.fields.values() if not field.write_only]


class FieldsBuiltOnce(FieldsCopiedOnce):
    # A ModelSerializer with its fields built once (FieldsCopiedOnce), reading
    # model instances directly (to_representation).

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.BooleanField: BooleanField,
    }

    @cached_property
    def _readers(self) -> list[tuple]:
        return [
            (field.field_name, self._direct_reader_of(field), field.to_representation, field)
            for field in self._readable_fields
        ]

    @classmethod
    def _direct_reader_of(cls, field: serializers.Field) -> Callable | None:
        # Worked out once per class and field, not for every answer: it depends
        # only on the field's type and source.
        known = cls.__dict__.get("_known_readers")
        if known is None:
            known = cls._known_readers = {}
        key = (field.field_name, type(field), field.source)
        if key not in known:
            columns = {column.name: column for column in cls.Meta.model._meta.concrete_fields}
            known[key] = _direct_reader(field, columns.get(field.source))
        return known[key]

    def to_representation(self, instance):
        # DRF's, reading attributes straight from a model instance: DRF's
        # generic reading (a mapping? a callable?) is most of what each row
        # of a list costs. What is not a plain value, or is missing, is read
        # again as DRF reads it, with its rules.
        if not isinstance(instance, self.Meta.model):
            return super().to_representation(instance)
        answer = {}
        for name, reader, represent, field in self._readers:
            try:
                attribute = _READ_AS_DRF if reader is None else reader(instance)
            except (TypeError, AttributeError, KeyError, ObjectDoesNotExist):
                attribute = _READ_AS_DRF
            if attribute is _READ_AS_DRF or callable(attribute):
                try:
                    attribute = field.get_attribute(instance)
                except SkipField:
                    continue
            value = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            answer[name] = None if value is None else represent(attribute)
        return answer


def _shallow_copy(field: serializers.Field) -> serializers.Field:
    # What copy.copy makes of a field, without its pickling protocol round trip,
    # which costs more than the rest of serialising a small answer's field.
    clone = object.__new__(type(field))
    clone.__dict__.update(field.__dict__)
    if isinstance(field, serializers.ListSerializer):
        # Its one child is bound to it: the copy gets a child of its own, bound to the copy.
        clone.child = _shallow_copy(field.child)
        clone.child.parent = clone
    return clone


_READ_AS_DRF = object()


def _direct_reader(field: serializers.Field, column: models.Field | None) -> Callable | None:
    """How `field` reads an instance directly, giving what DRF's reading would give: its source as an
    attribute path, a foreign key's value as DRF's pk-only reading wraps it. None for a field with a
    reading of its own (a relation, a method), which DRF's reading serves."""
    if type(field).get_attribute is serializers.Field.get_attribute and field.source != "*":
        return attrgetter(field.source)
    if (
        column is not None
        and column.many_to_one
        and isinstance(field, serializers.RelatedField)
        and type(field).get_attribute is serializers.RelatedField.get_attribute
        and field.use_pk_only_optimization()
    ):
        return _pk_only(column.attname)
    return None


def _pk_only(attname: str) -> Callable:
    def read(instance) -> PKOnlyObject:
        return PKOnlyObject(pk=getattr(instance, attname))

    return read


class SlugRelatedField(ReadsPrefetchedRows, serializers.SlugRelatedField):
    """DRF's SlugRelatedField; with many=True it reads prefetched rows as PrefetchedManyRelatedField does.

    A name holding a NUL character is refused as DRF refuses one in any text:
    looked up, it would fail in PostgreSQL, which stores no such character.
    """

    def to_internal_value(self, data):
        if isinstance(data, str):
            ProhibitNullCharactersValidator()(data)
        return super().to_internal_value(data)
