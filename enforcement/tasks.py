from celery import shared_task

from .deadline_warnings import send_deadline_warnings
from .jobs import tracked_job


@shared_task(name="enforcement.warn_reconsideration_deadlines")
def warn_reconsideration_deadlines() -> int:
    """Daily: warn of reconsideration deadlines within 3 working days and of overdue ones."""
    with tracked_job("reconsideration_deadline_warnings") as outcome:
        sent = send_deadline_warnings()
        outcome["summary"] = f"{sent} warnings sent"
    return sent
