from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from lawgov.api.fields import ScopedPrimaryKeyRelatedField

from ..models import Agency


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
        instance.full_clean(exclude=["path"], validate_unique=False)
        return attrs

    def _current_values(self) -> dict:
        if self.instance is None:
            return {}
        return {field: getattr(self.instance, field) for field in ("name", "kind", "parent", "credit_code")} | {
            "pk": self.instance.pk,
            "path": self.instance.path,
        }
