from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.text import control_character_errors


class TimeStampedModel(models.Model):
    """Abstract base: when a row was created and last changed; no control characters in its texts.

    Every text field of every record is checked here, once, whichever way it
    arrives: an admin form and a service call `full_clean()` (a field
    message), and `save()` refuses what skipped it, such as an API write.
    """

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        errors = control_character_errors(self)
        if errors:
            raise ValidationError(errors)
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None) -> None:
        errors = control_character_errors(self, exclude or ())
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
