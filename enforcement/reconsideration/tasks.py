"""Reconsideration work that runs outside the request: recomputing deadlines after the calendar changes."""

from celery import shared_task
from django.db import transaction

from enforcement.reconsideration.services import refresh_open_cases


@shared_task(name="enforcement.refresh_reconsideration_deadlines", acks_late=True)
def refresh_reconsideration_deadlines() -> int:
    """Recompute the deadlines of every case that still has one (idempotent: it only recomputes)."""
    return refresh_open_cases()


def refresh_after_calendar_change(sender, **kwargs) -> None:
    # A deadline computed on the old calendar may now fall on a day off; the
    # recomputation covers every open case, so it runs as a task after commit.
    transaction.on_commit(refresh_reconsideration_deadlines.delay)
