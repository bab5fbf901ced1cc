from celery import shared_task

from enforcement.agencies.jobs import tracked_job
from enforcement.officers.reminders import run_certificate_reminders
from enforcement.reconsideration.tasks import refresh_reconsideration_deadlines
from enforcement.reconsideration.warnings import send_deadline_warnings


@shared_task(name="enforcement.warn_reconsideration_deadlines")
def warn_reconsideration_deadlines() -> int:
    """Daily: warn of reconsideration deadlines within 3 working days and of overdue ones."""
    with tracked_job("reconsideration_deadline_warnings") as outcome:
        sent = send_deadline_warnings()
        outcome["summary"] = f"{sent} warnings sent"
    return sent


@shared_task(name="enforcement.send_certificate_reminders", autoretry_for=(ConnectionError,), max_retries=3)
def send_certificate_reminders() -> dict[str, int]:
    """Daily: reminders of expiring certificates and uncertified officers (sent once each)."""
    return run_certificate_reminders()


__all__ = ["refresh_reconsideration_deadlines", "send_certificate_reminders", "warn_reconsideration_deadlines"]
