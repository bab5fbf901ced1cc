"""The agencies resource: the tree a user may see, and create below their own agencies."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.agencies.filters import AgencyFilterSet
from enforcement.agencies.models import Agency
from lawgov.api.fields import ScopedPrimaryKeyRelatedField, SlugRelatedField
from lawgov.api.views import ScopedModelViewSet


def agency_field():
    return ScopedPrimaryKeyRelatedField(queryset=Agency.objects.all())


def enforcement_fields_field(**kwargs):
    """Enforcement fields written and read by name, from the table of fields."""
    return SlugRelatedField(
        many=True,
        slug_field="name",
        queryset=EnforcementField.objects.all(),
        required=False,
        help_text=_("Names from the table of enforcement fields (执法领域), e.g. 城乡规划."),
        **kwargs,
    )


class AgencySerializer(serializers.ModelSerializer):
    parent = ScopedPrimaryKeyRelatedField(queryset=Agency.objects.all(), allow_null=True, required=False)
    depth = serializers.IntegerField(read_only=True)

    class Meta:
        model = Agency
        fields = ["id", "name", "kind", "parent", "credit_code", "is_enforcement_subject", "depth"]

    def validate_parent(self, parent):
        user = self.context["request"].user
        if parent is None and not user.is_superuser:
            raise serializers.ValidationError(_("Only a superuser can create a top-level agency."))
        return parent

    def validate(self, attrs):
        # The model's clean() holds the tree and checksum rules.
        instance = Agency(**{**self._current_values(), **attrs})
        # The agency being updated is not another agency: the uniqueness of its
        # credit code is checked against the others only.
        instance._state.adding = self.instance is None
        instance.full_clean(exclude=["path"], validate_unique=False)
        return attrs

    def _current_values(self) -> dict:
        if self.instance is None:
            return {}
        return {field: getattr(self.instance, field) for field in ("name", "kind", "parent", "credit_code")} | {
            "pk": self.instance.pk,
            "path": self.instance.path,
        }


class AgencyViewSet(ScopedModelViewSet):
    queryset = Agency.objects.select_related("parent")
    serializer_class = AgencySerializer
    filterset_class = AgencyFilterSet
    ordering_fields = ["name", "path", "kind"]
    ordering = ["path"]
