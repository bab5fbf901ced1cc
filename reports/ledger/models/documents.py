"""Normative documents (行政规范性文件): legality review before issue, publication, filing with the government above.

The review before issue is the rule of the State Council General Office's
opinion on the full legality review of normative documents (国办发〔2018〕115号);
the filing period differs by province and is data (FilingPeriod).
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import LedgerQuerySet, LedgerRecord, in_order, raise_errors
from .decisions import PASSING_REVIEW, ReviewResult
from .provincial import FilingPeriod


class CleanupResult(models.TextChoices):
    KEPT = "kept", _("Kept in force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")


ISSUED = models.Q(issued_on__isnull=False)
REVIEWED_BEFORE_ISSUE = models.Q(reviewed_on__isnull=False, review_result__in=PASSING_REVIEW)


class NormativeDocumentQuerySet(LedgerQuerySet):
    def issued_between(self, first: datetime.date, last: datetime.date):
        return self.filter(issued_on__range=(first, last))


def filing_due_expression(days: int):
    """The last day for filing, `days` (the period in force, `FilingPeriod.in_force`) from publication
    (or issue, when not yet published)."""
    # Cast back to a day: date plus interval is a timestamp on some databases.
    return Cast(Coalesce("published_on", "issued_on") + datetime.timedelta(days=days), models.DateField())


class NormativeDocument(LedgerRecord):
    """A normative document of the agency and each dated step of its life."""

    title = models.CharField(_("title"), max_length=200)
    number = models.CharField(_("document number"), max_length=100, blank=True, help_text=_("E.g. 南政〔2024〕3号."))
    drafted_on = models.DateField(_("drafted on"))
    reviewed_on = models.DateField(_("legality review on"), null=True, blank=True)
    reviewer = models.CharField(_("reviewed by"), max_length=200, blank=True)
    review_result = models.CharField(_("review result"), max_length=24, choices=ReviewResult.choices, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    filed_with = models.CharField(_("filed with"), max_length=200, blank=True)
    cleaned_up_on = models.DateField(_("cleaned up on"), null=True, blank=True)
    cleanup_result = models.CharField(_("clean-up result"), max_length=16, choices=CleanupResult.choices, blank=True)

    history = HistoricalRecords()
    objects = NormativeDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("normative document")
        verbose_name_plural = _("normative documents")
        ordering = ["-issued_on", "-drafted_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()

    @property
    def review_passed(self) -> bool:
        return bool(self.reviewed_on and self.review_result in PASSING_REVIEW)

    def filing_due(self, period: FilingPeriod | None = None) -> datetime.date | None:
        period = period or FilingPeriod.in_force()
        start = self.published_on or self.issued_on
        if period is None or start is None:
            return None
        return start + datetime.timedelta(days=period.days)

    def filed_late(self, today: datetime.date, period: FilingPeriod | None = None) -> bool:
        due = self.filing_due(period)
        if due is None:
            return False
        return (self.filed_on or today) > due

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        if self.issued_on and not self.number:
            errors["number"] = _("An issued document has its number.")
        if self.reviewed_on and not (self.reviewer and self.review_result):
            errors["review_result"] = _("A legality review names who reviewed and what they found.")
        for field in ("published_on", "filed_on", "cleaned_up_on"):
            if getattr(self, field) and not self.issued_on:
                errors[field] = _("Only an issued document can be published, filed or cleaned up.")
        if self.filed_on and not self.filed_with:
            errors["filed_with"] = _("Name the government the document was filed with.")
        if self.cleaned_up_on and not self.cleanup_result:
            errors["cleanup_result"] = _("Give the result of the clean-up.")
        in_order(errors, self.drafted_on, self.reviewed_on, "reviewed_on", _("The review cannot precede the draft."))
        # The review is one before issue: a review dated later is not it.
        in_order(
            errors,
            self.reviewed_on,
            self.issued_on,
            "reviewed_on",
            _("A legality review dated after the issue cannot be the review before issue."),
        )
        in_order(errors, self.drafted_on, self.issued_on, "issued_on", _("A document is issued after it is drafted."))
        for field in ("published_on", "filed_on", "cleaned_up_on"):
            in_order(errors, self.issued_on, getattr(self, field), field, _("This step follows the issue."))
        raise_errors(errors)

    def warnings(self, today: datetime.date, period: FilingPeriod | None = None) -> list[str]:
        found = []
        if self.issued_on and not self.review_passed:
            found.append(gettext("Issued without a legality review that found it lawful."))
        period = period or FilingPeriod.in_force()
        if period is not None and self.filed_late(today, period):
            found.append(
                gettext("Filing was due by %(due)s (%(basis)s).")
                % {"due": f"{self.filing_due(period):%Y-%m-%d}", "basis": period.basis}
            )
        return found
