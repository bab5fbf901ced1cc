from celery import shared_task

from reports.annual import generation


@shared_task(
    acks_late=True,
    # The report row is the result; storing another in the result backend
    # would make sending the task depend on that store being up as well.
    ignore_result=True,
    autoretry_for=generation.TRANSIENT_ERRORS,
    retry_backoff=True,
    max_retries=3,
)
def generate_annual_report(report_id: int) -> bool:
    """Generate one requested yearly report; a second delivery of the same request does nothing."""
    return generation.generate_report(report_id)
