"""The models Django registers for the enforcement app; each subject package defines its own."""

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.calendar import CalendarDay, CalendarYear
from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.agencies.job_runs import JobRun
from enforcement.agencies.models import Agency, AgencyKind, Membership, Role
from enforcement.agencies.versions import CacheVersion
from enforcement.cases.models import (
    EnforcementCase,
    EnforcementEvent,
    EventFile,
    EventOfficer,
    Party,
    Penalty,
)
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
from enforcement.reconsideration.choices import (
    CORRECTED,
    ActKind,
    ApplicantKind,
    CaseStatus,
    DeadlineKind,
    EventKind,
    Outcome,
    Procedure,
    WarningKind,
)
from enforcement.reconsideration.models import Applicant, CaseEvent, DeadlineWarning, ReconsiderationCase

__all__ = [
    "CORRECTED",
    "IN_SERVICE",
    "ActKind",
    "Agency",
    "AgencyKind",
    "AnnualReview",
    "Applicant",
    "ApplicantKind",
    "CacheVersion",
    "CalendarDay",
    "CalendarYear",
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
    "EnforcementCase",
    "EnforcementEvent",
    "EnforcementField",
    "EventFile",
    "EventKind",
    "EventOfficer",
    "JobRun",
    "Membership",
    "Officer",
    "Outcome",
    "Party",
    "Penalty",
    "Procedure",
    "ReconsiderationCase",
    "ReminderThreshold",
    "ReviewResult",
    "Role",
    "Sex",
    "TimeStampedModel",
    "UncertifiedOfficerReminder",
    "WarningKind",
]
