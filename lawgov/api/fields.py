import copy

from rest_framework import serializers


class ScopedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
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


class FieldsBuiltOnce:
    # A ModelSerializer whose fields are worked out from the model once per
    # class, not per use: ModelSerializer introspects the model every time it
    # is instantiated, which costs more than the rest of a small answer (the
    # HR check builds three). Each use gets its own copies, so that no field
    # is bound to another request's serializer: shallow ones when the
    # serializer only reads (binding sets the copy's own attributes), deep
    # ones when it takes data, whose validation may keep state in a field.
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


def _shallow_copy(field: serializers.Field) -> serializers.Field:
    # What copy.copy makes of a field, without its pickling protocol round trip,
    # which costs more than the rest of serialising a small answer's field.
    clone = object.__new__(type(field))
    clone.__dict__.update(field.__dict__)
    return clone
