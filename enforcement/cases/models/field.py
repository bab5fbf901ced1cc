from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.base import TimeStampedModel


class EnforcementField(TimeStampedModel):
    """An enforcement field (执法领域), such as 城乡规划 or 市场监管: a shared reference table.

    Superusers keep it; every role reads it. Whether a certificate covers a
    field is `Certificate.covers` (and `CertificateQuerySet.covering`).
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
