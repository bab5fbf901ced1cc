"""The models Django registers for the reports app; each subject package defines its own."""

from reports.annual.models import AnnualReport, ReportStatus

__all__ = ["AnnualReport", "ReportStatus"]
