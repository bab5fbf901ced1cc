"""Writes of yearly reports: request, edit, publish, new version (generation itself: generation.py)."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as KombuOperationalError

from enforcement.agencies.models import Agency
from reports.annual.document import text_to_document
from reports.annual.docx import build_docx
from reports.annual.generation import store_files
from reports.annual.models import AnnualReport, ReportStatus
from reports.annual.placeholders import placeholders_in
from reports.annual.tasks import generate_annual_report

logger = logging.getLogger(__name__)


# What sending a task raises when the broker cannot be reached (kombu wraps
# most of it; a refused or timed-out socket may surface as such).
QUEUE_ERRORS = (KombuOperationalError, ConnectionError, TimeoutError)


class QueueUnavailable(Exception):
    """The task queue refused the generation; the report is marked failed with the reason."""


def enqueue_generation(report: AnnualReport) -> None:
    def send() -> None:
        try:
            generate_annual_report.delay(report.pk)
        except QUEUE_ERRORS as error:
            # Left GENERATING, the report would wait forever for a task that
            # never left: it says instead why it was not started.
            message = _("The task queue is unavailable, so the report was not started. Try again later.")
            logger.warning("Could not queue yearly report %s: %s", report.pk, error)
            AnnualReport.objects.filter(pk=report.pk, status=ReportStatus.GENERATING).update(
                status=ReportStatus.FAILED, error=message, progress=0
            )
            raise QueueUnavailable(message) from error

    transaction.on_commit(send)


def is_stale(report: AnnualReport) -> bool:
    """Generating for longer than a task may run: its task was lost (never sent, or its worker died).

    Such a report is requested afresh; should the old task turn up after all,
    the claim in `_claim` lets only one of the two generate it.
    """
    since = report.generation_started_at or report.updated_at
    return since < timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def _mark_generating(report: AnnualReport, user) -> None:
    report.status = ReportStatus.GENERATING
    report.progress = 0
    report.error = ""
    report.requested_by = user
    report.generation_started_at = None
    report.full_clean()
    report.save()
    enqueue_generation(report)


@transaction.atomic
def request_report(*, agency: Agency, year: int, user) -> AnnualReport:
    """Start generating the agency's report for `year`; the answer is the report being generated.

    The latest version is regenerated while it is a draft; once published, a
    new version superseding it is drafted. A generation already running is
    left to finish.
    """
    # One request at a time per agency, so two clicks cannot create the same version twice.
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    latest = AnnualReport.objects.filter(agency=agency, year=year).order_by("-version").first()
    if latest is not None and latest.status == ReportStatus.GENERATING and not is_stale(latest):
        return latest
    if latest is not None and latest.is_published:
        return new_version(report=latest, user=user)
    report = latest or AnnualReport(agency=agency, year=year, version=1)
    _mark_generating(report, user)
    return report


@transaction.atomic
def regenerate_report(*, report: AnnualReport, user) -> AnnualReport:
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_editable:
        raise ValidationError({"status": _("Only a draft report can be regenerated.")})
    _mark_generating(report, user)
    return report


@transaction.atomic
def new_version(*, report: AnnualReport, user) -> AnnualReport:
    """A draft of the next version, superseding the published `report`, generated from today's records."""
    if not report.is_published:
        raise ValidationError({"status": _("Only a published report can be superseded by a new version.")})
    if AnnualReport.objects.filter(supersedes=report).exists():
        raise ValidationError({"version": _("A newer version of this report already exists.")})
    latest = AnnualReport.objects.filter(agency=report.agency, year=report.year).aggregate(v=Max("version"))["v"]
    successor = AnnualReport(agency=report.agency, year=report.year, version=latest + 1, supersedes=report)
    _mark_generating(successor, user)
    return successor


@transaction.atomic
def update_text(*, report: AnnualReport, text: str, user) -> AnnualReport:
    """Replace the draft's text with the team lead's edited text; the Word document follows it."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.DRAFT or not report.document:
        raise ValidationError({"text": _("Only the text of a generated draft can be edited.")})
    report.document = text_to_document(
        text, signature=report.document.get("signature", report.agency.name), date=report.document.get("date", "")
    )
    store_files(report, docx=build_docx(report.document, report.statistics), xlsx=None)
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def publish_report(*, report: AnnualReport, user) -> AnnualReport:
    """Freeze the draft: its statistics, text and files never change afterwards."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.DRAFT or not report.docx or not report.xlsx:
        raise ValidationError({"status": _("Only a generated draft can be published.")})
    missing = placeholders_in(report.document)
    if missing:
        # No sentence without a record: a gap left in the text would be published as a claim.
        raise ValidationError(
            {"document": _("The text still waits for records: %(missing)s.") % {"missing": "、".join(missing)}}
        )
    report.status = ReportStatus.PUBLISHED
    report.published_at = timezone.now()
    report.published_by = user
    report.full_clean()
    report.save()
    return report
