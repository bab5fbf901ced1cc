from .agency import Agency, AgencyKind, Membership
from .base import TimeStampedModel
from .calendar import CalendarDay
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

__all__ = [
    "CORRECTED",
    "IN_SERVICE",
    "ActKind",
    "Agency",
    "AgencyKind",
    "Applicant",
    "ApplicantKind",
    "CalendarDay",
    "CaseEvent",
    "CaseStatus",
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
    "Sex",
    "TimeStampedModel",
    "WarningKind",
]
