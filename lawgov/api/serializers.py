"""What every serializer of lawgov may share."""

from django.db import models


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
