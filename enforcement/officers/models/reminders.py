from django.db import models
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.querysets import scoped_queryset
from enforcement.officers.models.certificate import Certificate, CertificateKind, CertificateStatus
from enforcement.officers.models.officer import Officer


class ReminderThresholdQuerySet(models.QuerySet):
    def days_by_kind(self) -> dict[str, list[int]]:
        """Each certificate kind's thresholds, smallest first."""
        thresholds: dict[str, list[int]] = {}
        for kind, days in self.order_by("kind", "days").values_list("kind", "days"):
            thresholds.setdefault(kind, []).append(days)
        return thresholds

    def horizons(self) -> dict[str, int]:
        """Each kind's warning horizon: its largest threshold. A certificate inside it is "expiring"."""
        return {kind: days[-1] for kind, days in self.days_by_kind().items()}

    def all_days(self) -> list[int]:
        """Every threshold of any kind, smallest first (the admin's "expiring within" choices)."""
        return sorted(set(self.values_list("days", flat=True)))


class ReminderThreshold(TimeStampedModel):
    """How many days before expiry the team leads hear of a certificate of this kind.

    These rows are the one source of the warning horizons: the reminders,
    the admin's "expiring within" filter and the yearly "expiring" figure
    all read them.
    """

    kind = models.CharField(_("certificate kind"), max_length=16, choices=CertificateKind.choices)
    days = models.PositiveSmallIntegerField(_("days before expiry"))

    objects = ReminderThresholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("reminder threshold")
        verbose_name_plural = _("reminder thresholds")
        ordering = ["kind", "-days"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "days"],
                name="reminder_threshold_unique",
                violation_error_message=_("This threshold already exists for this kind of certificate."),
            ),
            models.CheckConstraint(
                condition=models.Q(days__gt=0),
                name="reminder_threshold_positive",
                violation_error_message=_("A reminder threshold is at least one day."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.days}"


class CertificateReminder(TimeStampedModel):
    """A reminder sent about an expiring certificate.

    The row is written before the mail goes; its unique key is what makes a
    second run of the job send nothing twice. A renewed validity date is a new
    key, so the renewed certificate is reminded of again in time.
    """

    certificate = models.ForeignKey(
        Certificate, verbose_name=_("certificate"), on_delete=models.CASCADE, related_name="reminders"
    )
    threshold_days = models.PositiveSmallIntegerField(_("days before expiry"))
    valid_until = models.DateField(_("valid until"))

    objects = scoped_queryset("certificate__officer__agency").as_manager()

    class Meta:
        verbose_name = _("certificate reminder")
        verbose_name_plural = _("certificate reminders")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "threshold_days", "valid_until"], name="certificate_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.certificate} ({self.threshold_days})"


class UncertifiedOfficerReminder(TimeStampedModel):
    """A reminder sent about an officer in an enforcement post without an effective certificate.

    `situation` names why (no certificate, or which certificate lapsed how), so
    the same situation is reported once and a new one again.
    """

    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.CASCADE, related_name="uncertified_reminders"
    )
    situation = models.CharField(_("situation"), max_length=100)

    objects = scoped_queryset("officer__agency").as_manager()

    class Meta:
        verbose_name = _("uncertified officer reminder")
        verbose_name_plural = _("uncertified officer reminders")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["officer", "situation"], name="uncertified_officer_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.officer}（{self.reason}）"

    @property
    def reason(self) -> str:
        """The situation key ("none", or "<certificate>:<status>:<valid until>") as a reader says it."""
        if self.situation == "none":
            return str(_("No certificate"))
        _pk, status, valid_until = [*self.situation.split(":"), "", ""][:3]
        label = CertificateStatus(status).label if status in CertificateStatus.values else status
        return str(_("Last certificate: %(status)s, valid until %(date)s") % {"status": label, "date": valid_until})
