"""What every serializer of lawgov may share."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from lawgov.api.exceptions import StaleVersion


class ModelCleanMixin:
    """Runs the model's own rules (clean, constraints) on the would-be record, so they answer 400."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        plain = {
            name: value
            for name, value in attrs.items()
            if not isinstance(model._meta.get_field(name), models.ManyToManyField)
        }
        if self.instance is None:
            record = model(**plain)
        else:
            record = model.objects.get(pk=self.instance.pk)
            for name, value in plain.items():
                setattr(record, name, value)
        record.full_clean()
        return attrs


class VersionCheckMixin(serializers.Serializer):
    """Optimistic locking in the API: a write naming the version it read is refused (409) once that is stale.

    The version is checked here for a clear answer and again by
    django-concurrency when saving, for two writes racing each other.
    """

    version = serializers.IntegerField(
        required=False,
        min_value=0,
        help_text=_("The version the client read; a write with an older one is refused with 409."),
    )

    def save(self, **kwargs):
        version = self.validated_data.pop("version", None)
        if self.instance is not None and version is not None:
            if version != self.instance.version:
                raise StaleVersion(current_version=self.instance.version)
            self.instance.version = version
        return super().save(**kwargs)
