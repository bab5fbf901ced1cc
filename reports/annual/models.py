from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.models import Agency
from enforcement.agencies.querysets import ScopedQuerySet
from enforcement.agencies.scope import Scope


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    GENERATING = "generating", _("Generating")
    PUBLISHED = "published", _("Published")
    FAILED = "failed", _("Generation failed")


# The states in which the text may still be edited and the report regenerated.
EDITABLE = (ReportStatus.DRAFT, ReportStatus.FAILED)


class AnnualReport(TimeStampedModel):
    """A version of an agency's yearly rule-of-law report (法治政府建设年度报告).

    Generation stores a snapshot of the statistics, the text written from them
    and the Word and Excel files. Until it is published the report may be
    regenerated and its text edited; publishing freezes all of it for good,
    and a correction is a new version that supersedes it.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    statistics = models.JSONField(_("statistics snapshot"), default=dict, blank=True)
    document = models.JSONField(
        _("report text"), default=dict, blank=True, help_text=_("Title, headings and paragraphs of the report.")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The statistics count what this user may list."),
    )
    generation_started_at = models.DateTimeField(_("generation started at"), null=True, blank=True, editable=False)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    docx = models.FileField(_("Word document"), upload_to="reports/%Y/", blank=True)
    xlsx = models.FileField(_("Excel annex"), upload_to="reports/%Y/", blank=True)
    error = models.TextField(_("error message"), blank=True)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ["-year", "agency__path", "-version"]
        permissions = [("view_statistics", _("Can view the compiled yearly statistics"))]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "version"],
                name="annual_report_version_unique",
                violation_error_message=_("This version of the agency's report for this year already exists."),
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100),
                name="annual_report_progress_at_most_100",
                violation_error_message=_("Progress is a percentage from 0 to 100."),
            ),
            models.CheckConstraint(
                condition=models.Q(version__gte=1),
                name="annual_report_version_positive",
                violation_error_message=_("The version starts at 1."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="annual_report_published_has_date",
                violation_error_message=_("A published report needs its publication date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year} v{self.version}"

    @property
    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    def scope(self) -> Scope:
        """Whose view of the records the statistics take: the requester's, or the whole subtree."""
        from reports.statistics.compile import subtree_scope

        if self.requested_by is None:
            return subtree_scope(self.agency)
        return Scope(self.requested_by, self.agency)

    def clean(self) -> None:
        super().clean()
        if self.supersedes_id and (self.supersedes.agency_id != self.agency_id or self.supersedes.year != self.year):
            raise ValidationError({"supersedes": _("A report can only supersede a report of its agency and year.")})

    def _refuse_if_published(self) -> None:
        # Checked against the stored row, so that the save that publishes passes
        # and every later one is refused.
        if self.pk and type(self).objects.filter(pk=self.pk, status=ReportStatus.PUBLISHED).exists():
            raise ValidationError(_("A published report cannot be changed; draft a new version instead."))

    def save(self, *args, **kwargs) -> None:
        self._refuse_if_published()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._refuse_if_published()
        return super().delete(*args, **kwargs)
