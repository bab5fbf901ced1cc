from enforcement.officers.models.certificate import (
    AnnualReview,
    Certificate,
    CertificateKind,
    CertificateStatus,
    CertificateStatusChange,
    ReviewResult,
)
from enforcement.officers.models.officer import IN_SERVICE, EmploymentStatus, Officer, Sex
from enforcement.officers.models.reminders import CertificateReminder, ReminderThreshold, UncertifiedOfficerReminder

__all__ = [
    "IN_SERVICE",
    "AnnualReview",
    "Certificate",
    "CertificateKind",
    "CertificateReminder",
    "CertificateStatus",
    "CertificateStatusChange",
    "EmploymentStatus",
    "Officer",
    "ReminderThreshold",
    "ReviewResult",
    "Sex",
    "UncertifiedOfficerReminder",
]
