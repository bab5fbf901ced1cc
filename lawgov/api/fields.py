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
