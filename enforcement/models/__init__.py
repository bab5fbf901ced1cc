from .agency import Agency, AgencyKind, Membership
from .base import TimeStampedModel
from .certificate import (
    AnnualReview,
    Certificate,
    CertificateKind,
    CertificateStatus,
    CertificateStatusChange,
    ReviewResult,
)
from .jobs import JobRun
from .officer import IN_SERVICE, EmploymentStatus, Officer, Sex
from .reminders import CertificateReminder, ReminderThreshold, UncertifiedOfficerReminder

__all__ = [
    "IN_SERVICE",
    "Agency",
    "AgencyKind",
    "AnnualReview",
    "Certificate",
    "CertificateKind",
    "CertificateReminder",
    "CertificateStatus",
    "CertificateStatusChange",
    "EmploymentStatus",
    "JobRun",
    "Membership",
    "Officer",
    "ReminderThreshold",
    "ReviewResult",
    "Sex",
    "TimeStampedModel",
    "UncertifiedOfficerReminder",
]
