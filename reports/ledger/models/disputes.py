"""Disputes received and mediated (矛盾纠纷排查调处): the township's 定纷止争 as figures."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import LedgerRecord, in_order, raise_errors


class DisputeKind(models.TextChoices):
    LAND = "land", _("Land")
    CONSTRUCTION = "construction", _("Construction and demolition")
    NEIGHBOURS = "neighbours", _("Neighbours")
    LABOUR = "labour", _("Labour and wages")
    FAMILY = "family", _("Marriage and family")
    ENVIRONMENT = "environment", _("Environment")
    OTHER = "other", _("Other")


class DisputeOutcome(models.TextChoices):
    PENDING = "pending", _("Being mediated")
    MEDIATED = "mediated", _("Mediated successfully")
    FAILED = "failed", _("Mediation failed")
    REFERRED = "referred", _("Referred to another body")


class Dispute(LedgerRecord):
    """A dispute the agency received, and how its mediation ended."""

    kind = models.CharField(_("kind"), max_length=16, choices=DisputeKind.choices)
    summary = models.CharField(_("summary"), max_length=300)
    received_on = models.DateField(_("received on"))
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=DisputeOutcome.choices, default=DisputeOutcome.PENDING
    )
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.summary}"

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        concluded = self.outcome != DisputeOutcome.PENDING
        if concluded and not self.concluded_on:
            errors["concluded_on"] = _("Give the day the mediation ended.")
        if not concluded and self.concluded_on:
            errors["outcome"] = _("A dispute with an end day has an outcome.")
        if self.outcome == DisputeOutcome.REFERRED and not self.referred_to:
            errors["referred_to"] = _("Name the body the dispute was referred to.")
        in_order(
            errors, self.received_on, self.concluded_on, "concluded_on", _("It cannot end before it was received.")
        )
        raise_errors(errors)
