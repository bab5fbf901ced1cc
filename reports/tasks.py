"""The reports tasks Celery finds here; each subject defines its own."""

from reports.annual.tasks import generate_annual_report

__all__ = ["generate_annual_report"]
