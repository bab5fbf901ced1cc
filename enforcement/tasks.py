"""The enforcement tasks Celery finds here: the daily jobs, and those each subject defines."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from enforcement.agencies.jobs import daily_job
from enforcement.agencies.spreadsheets import delete_stale_uploads
from enforcement.cases.tasks import refresh_penalty_case_deadlines
from enforcement.officers import reminders
from enforcement.reconsideration.tasks import refresh_reconsideration_deadlines
from enforcement.reconsideration.warnings import send_deadline_warnings


@daily_job(
    task_name="enforcement.warn_reconsideration_deadlines",
    job="reconsideration_deadline_warnings",
    summary=lambda sent: ngettext("%(count)d warning sent", "%(count)d warnings sent", sent) % {"count": sent},
)
def warn_reconsideration_deadlines() -> int:
    """Daily: warn of reconsideration deadlines within 3 working days and of overdue ones."""
    return send_deadline_warnings()


@daily_job(
    task_name="enforcement.send_certificate_reminders", job=reminders.JOB_NAME, summary=reminders.reminders_summary
)
def send_certificate_reminders() -> dict[str, int]:
    """Daily: reminders of expiring certificates and uncertified officers (sent once each)."""
    return reminders.send_certificate_reminders()


@daily_job(
    task_name="enforcement.delete_stale_uploads",
    job="stale_upload_cleanup",
    summary=lambda deleted: _("%(count)d unconfirmed uploads deleted") % {"count": deleted},
)
def delete_stale_spreadsheet_uploads() -> int:
    """Daily: uploads that were checked but never confirmed are kept a day, then deleted."""
    return delete_stale_uploads()


__all__ = [
    "delete_stale_spreadsheet_uploads",
    "refresh_penalty_case_deadlines",
    "refresh_reconsideration_deadlines",
    "send_certificate_reminders",
    "warn_reconsideration_deadlines",
]
