from .agency import Agency, AgencyKind, Membership
from .base import TimeStampedModel
from .jobs import JobRun
from .officer import IN_SERVICE, EmploymentStatus, Officer, Sex

__all__ = [
    "IN_SERVICE",
    "Agency",
    "AgencyKind",
    "EmploymentStatus",
    "JobRun",
    "Membership",
    "Officer",
    "Sex",
    "TimeStampedModel",
]
