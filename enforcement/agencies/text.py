"""Text in and out: control characters are refused on input and dropped on output.

A name with a vertical tab looks like any other on screen, but Word and Excel
files cannot hold it (XML 1.0 has no place for C0 control characters), so
one such name would break every export and report above it.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# C0 controls except tab, newline and carriage return, and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What XML 1.0 cannot carry (DEL it can).
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
CONTROL_CHARACTER_MESSAGE = _(
    "This text contains an invisible control character (for example a vertical tab); remove it and try again."
)


def validate_no_control_characters(value) -> None:
    if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
        raise ValidationError(CONTROL_CHARACTER_MESSAGE, code="control_character")


def control_character_errors(instance: models.Model, exclude=()) -> dict[str, list[ValidationError]]:
    """The text fields of `instance` that hold a control character, with the message for each."""
    errors: dict[str, list[ValidationError]] = {}
    for field in instance._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)) and field.name not in exclude:
            try:
                validate_no_control_characters(getattr(instance, field.attname))
            except ValidationError as error:
                errors[field.name] = [error]
    return errors


def printable(text: str) -> str:
    """`text` without the characters a Word or Excel file cannot hold."""
    return NOT_IN_XML.sub("", text)
