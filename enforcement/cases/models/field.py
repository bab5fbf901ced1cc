from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.base import TimeStampedModel

# How the free-text field lists of officers and certificates separate their names.
FIELD_SEPARATORS = re.compile(r"[、,，;；/\s]+")


def field_names(text: str) -> list[str]:
    """The names in a free-text list such as "城乡规划、市容环境"."""
    return [name for name in FIELD_SEPARATORS.split(text or "") if name]


class EnforcementField(TimeStampedModel):
    """An enforcement field (执法领域), such as 城乡规划 or 市场监管: a shared reference table.

    Superusers keep it; every role reads it. A certificate covers a field when
    the field's name is among the certificate's listed fields.
    """

    name = models.CharField(
        _("name"),
        max_length=50,
        unique=True,
        error_messages={"unique": _("An enforcement field with this name already exists.")},
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("enforcement field")
        verbose_name_plural = _("enforcement fields")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def is_covered_by(self, fields_text: str) -> bool:
        return self.name in field_names(fields_text)
