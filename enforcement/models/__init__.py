from .agency import Agency, AgencyKind, Membership
from .base import TimeStampedModel
from .calendar import CalendarDay
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
from .reconsideration import (
    CORRECTED,
    ActKind,
    Applicant,
    ApplicantKind,
    CaseEvent,
    CaseStatus,
    DeadlineKind,
    DeadlineWarning,
    EventKind,
    Outcome,
    Procedure,
    ReconsiderationCase,
    WarningKind,
)
from .reminders import CertificateReminder, ReminderThreshold, UncertifiedOfficerReminder

__all__ = [
    "CORRECTED",
    "IN_SERVICE",
    "ActKind",
    "Agency",
    "AgencyKind",
    "AnnualReview",
    "Applicant",
    "ApplicantKind",
    "CalendarDay",
    "CaseEvent",
    "CaseStatus",
    "Certificate",
    "CertificateKind",
    "CertificateReminder",
    "CertificateStatus",
    "CertificateStatusChange",
    "DeadlineKind",
    "DeadlineWarning",
    "EmploymentStatus",
    "EventKind",
    "JobRun",
    "Membership",
    "Officer",
    "Outcome",
    "Procedure",
    "ReconsiderationCase",
    "ReminderThreshold",
    "ReviewResult",
    "Sex",
    "TimeStampedModel",
    "UncertifiedOfficerReminder",
    "WarningKind",
]
