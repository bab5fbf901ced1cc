from celery import shared_task
from django.db import transaction

from enforcement.cases.services import refresh_open_cases


@shared_task(name="enforcement.refresh_penalty_case_deadlines", acks_late=True)
def refresh_penalty_case_deadlines() -> int:
    """Recompute the deadlines of every penalty case that still has one."""
    return refresh_open_cases()


def refresh_after_calendar_change(sender, **kwargs) -> None:
    # A deadline computed on the old calendar may now fall on a day off; the
    # refresh runs once the change is committed, outside the admin's request.
    transaction.on_commit(refresh_penalty_case_deadlines.delay)
