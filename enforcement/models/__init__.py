from .agency import Agency, AgencyKind, Membership
from .base import TimeStampedModel
from .officer import IN_SERVICE, EmploymentStatus, Officer, Sex

__all__ = ["IN_SERVICE", "Agency", "AgencyKind", "EmploymentStatus", "Membership", "Officer", "Sex", "TimeStampedModel"]
