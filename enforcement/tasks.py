from celery import shared_task

from .reminders import run_certificate_reminders


@shared_task(name="enforcement.send_certificate_reminders", autoretry_for=(ConnectionError,), max_retries=3)
def send_certificate_reminders() -> dict[str, int]:
    """Daily: reminders of expiring certificates and uncertified officers (sent once each)."""
    return run_certificate_reminders()
