from __future__ import annotations

import datetime
import secrets

from concurrency.fields import IntegerVersionField
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.querysets import scoped_queryset
from enforcement.officers.models.officer import Officer


class CertificateKind(models.TextChoices):
    ENFORCEMENT = "enforcement", _("Administrative law-enforcement certificate")  # 行政执法证
    SUPERVISION = "supervision", _("Administrative law-enforcement supervision certificate")  # 行政执法监督证


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    SUSPENDED = "suspended", _("Suspended")  # 暂扣
    REVOKED = "revoked", _("Revoked")  # 吊销
    CANCELLED = "cancelled", _("Cancelled")  # 注销


# A revoked or cancelled certificate never comes back; a suspended one may.
FINAL_STATUSES = (CertificateStatus.REVOKED, CertificateStatus.CANCELLED)


def new_verification_token() -> str:
    return secrets.token_urlsafe(24)


class CertificateQuerySet(scoped_queryset("officer__agency")):
    def effective_on(self, day: datetime.date) -> CertificateQuerySet:
        """The one definition of validity: status valid and issued_on ≤ day ≤ valid_until."""
        return self.filter(status=CertificateStatus.VALID, issued_on__lte=day, valid_until__gte=day)

    def expiring_within(self, days: int, *, on: datetime.date) -> CertificateQuerySet:
        """Certificates effective on `on` whose last day is at most `days` days later."""
        return self.effective_on(on).filter(valid_until__lte=on + datetime.timedelta(days=days))


class Certificate(TimeStampedModel):
    """A law-enforcement certificate (行政执法证 / 行政执法监督证) held by an officer.

    A renewal or the reissue of a lost card is a new row that `replaces` the
    old one, which is never overwritten. Each status change is recorded as a
    CertificateStatusChange with its reason and date.
    """

    number = models.CharField(
        _("certificate number"),
        max_length=64,
        unique=True,
        error_messages={"unique": _("A certificate with this number already exists.")},
    )
    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="certificates"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=CertificateKind.choices, default=CertificateKind.ENFORCEMENT
    )
    issuing_authority = models.CharField(_("issuing authority"), max_length=200)
    fields = models.CharField(_("enforcement fields covered"), max_length=200, blank=True)
    area = models.CharField(_("area covered"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(
        _("status"), max_length=16, choices=CertificateStatus.choices, default=CertificateStatus.VALID
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replacement",
        help_text=_("The certificate this one renews or reissues."),
    )
    verification_token = models.CharField(
        _("verification token"), max_length=64, unique=True, editable=False, default=new_verification_token
    )
    version = IntegerVersionField()

    objects = CertificateQuerySet.as_manager()
    # The version counter changes on every save; history keeps the content.
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("law-enforcement certificate")
        verbose_name_plural = _("law-enforcement certificates")
        ordering = ["officer__agency__path", "officer__name", "-issued_on"]
        indexes = [models.Index(fields=["status", "valid_until"], name="certificate_status_until")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gt=models.F("issued_on")),
                name="certificate_valid_until_after_issued_on",
                violation_error_message=_("A certificate must be valid until a day after it was issued."),
            ),
            models.CheckConstraint(
                condition=~models.Q(replaces=models.F("pk")),
                name="certificate_does_not_replace_itself",
                violation_error_message=_("A certificate cannot replace itself."),
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        super().clean()
        self.number = self.number.strip()
        if self.issued_on and self.valid_until and self.valid_until <= self.issued_on:
            raise ValidationError({"valid_until": _("A certificate must be valid until a day after it was issued.")})
        if self.replaces_id and self.officer_id and self.replaces.officer_id != self.officer_id:
            raise ValidationError({"replaces": _("A certificate can only replace a certificate of the same officer.")})

    def is_effective_on(self, day: datetime.date) -> bool:
        """The row-level twin of CertificateQuerySet.effective_on."""
        return self.status == CertificateStatus.VALID and self.issued_on <= day <= self.valid_until


class CertificateStatusChange(TimeStampedModel):
    """One change of a certificate's status (suspension 暂扣, revocation 吊销, …), with reason and date."""

    certificate = models.ForeignKey(
        Certificate, verbose_name=_("certificate"), on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("new status"), max_length=16, choices=CertificateStatus.choices)
    previous_status = models.CharField(_("previous status"), max_length=16, choices=CertificateStatus.choices)
    changed_on = models.DateField(_("changed on"))
    reason = models.TextField(_("reason"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificate_status_changes",
    )

    objects = scoped_queryset("certificate__officer__agency").as_manager()

    class Meta:
        verbose_name = _("certificate status change")
        verbose_name_plural = _("certificate status changes")
        ordering = ["certificate", "-changed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.certificate}: {self.get_status_display()} ({self.changed_on})"


class ReviewResult(models.TextChoices):
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Failed")


class AnnualReview(TimeStampedModel):
    """The yearly review (年审) of a certificate; failing it means no annual registration."""

    certificate = models.ForeignKey(
        Certificate, verbose_name=_("certificate"), on_delete=models.CASCADE, related_name="annual_reviews"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    result = models.CharField(_("result"), max_length=16, choices=ReviewResult.choices)
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    objects = scoped_queryset("certificate__officer__agency").as_manager()

    class Meta:
        verbose_name = _("annual review")
        verbose_name_plural = _("annual reviews")
        ordering = ["certificate", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "year"],
                name="annual_review_once_a_year",
                violation_error_message=_("This certificate already has a review for this year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.certificate} {self.year}"
