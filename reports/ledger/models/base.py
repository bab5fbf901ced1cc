"""What every ledger record shares: its agency, its history, the one scoping mechanism."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.models import Agency
from enforcement.agencies.querysets import ScopedQuerySet


class LedgerQuerySet(ScopedQuerySet):
    """Ledger rows of an agency's subtree, read through `visible_to` like every other record."""


class LedgerRecord(TimeStampedModel):
    """Abstract base of the rule-of-law work ledger (法治建设工作台账): a record of one agency."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="ledger_%(class)ss"
    )

    objects = LedgerQuerySet.as_manager()

    class Meta:
        abstract = True


def in_order(errors: dict, earlier: datetime.date | None, later: datetime.date | None, field: str, message) -> None:
    """Add `message` under `field` when both days are known and `later` comes before `earlier`."""
    if earlier and later and later < earlier and field not in errors:
        errors[field] = message


def raise_errors(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)
