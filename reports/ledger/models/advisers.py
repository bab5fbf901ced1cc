"""The legal adviser system (法律顾问制度): advisers under contract and the matters they handled."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import LedgerQuerySet, LedgerRecord, in_order, raise_errors


class AdviserKind(models.TextChoices):
    PERSON = "person", _("Lawyer or legal professional")
    FIRM = "firm", _("Law firm")


class MatterKind(models.TextChoices):
    CONTRACT = "contract", _("Contract reviewed")
    DECISION = "decision", _("Major decision reviewed")
    DOCUMENT = "document", _("Normative document reviewed")
    DISPUTE = "dispute", _("Dispute or petition attended")
    LITIGATION = "litigation", _("Litigation or reconsideration attended")
    CONSULTATION = "consultation", _("Legal advice given")


class AdviserQuerySet(LedgerQuerySet):
    def under_contract_in(self, year: int):
        return self.under_contract_between(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def under_contract_between(self, first: datetime.date, last: datetime.date):
        return self.filter(contract_from__lte=last, contract_until__gte=first)


class LegalAdviser(LedgerRecord):
    """A legal adviser of the agency (a lawyer or a firm) for the period of the contract."""

    kind = models.CharField(_("kind"), max_length=16, choices=AdviserKind.choices)
    name = models.CharField(_("name"), max_length=200)
    firm = models.CharField(_("law firm"), max_length=200, blank=True, help_text=_("The firm of a person, if any."))
    contract_from = models.DateField(_("contract from"))
    contract_until = models.DateField(_("contract until"))

    history = HistoricalRecords()
    objects = AdviserQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal adviser")
        verbose_name_plural = _("legal advisers")
        ordering = ["agency__path", "-contract_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contract_until__gte=models.F("contract_from")),
                name="legal_adviser_contract_in_order",
                violation_error_message=_("The contract cannot end before it began."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        in_order(
            errors,
            self.contract_from,
            self.contract_until,
            "contract_until",
            _("The contract cannot end before it began."),
        )
        raise_errors(errors)


class AdviserMatter(LedgerRecord):
    """A matter a legal adviser handled for the agency, counted by kind in the report."""

    adviser = models.ForeignKey(
        LegalAdviser, verbose_name=_("legal adviser"), on_delete=models.PROTECT, related_name="matters"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=MatterKind.choices)
    handled_on = models.DateField(_("handled on"))
    subject = models.CharField(_("subject"), max_length=200)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal adviser matter")
        verbose_name_plural = _("legal adviser matters")
        ordering = ["-handled_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.subject}"

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        if self.adviser_id and self.agency_id and self.adviser.agency_id != self.agency_id:
            errors["adviser"] = _("The adviser is under contract with another agency.")
        if (
            self.adviser_id
            and self.handled_on
            and not (self.adviser.contract_from <= self.handled_on <= self.adviser.contract_until)
        ):
            errors["handled_on"] = _("The day falls outside the adviser's contract.")
        raise_errors(errors)
