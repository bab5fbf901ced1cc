from .agency import Agency, AgencyKind, Membership
from .base import TimeStampedModel

__all__ = ["Agency", "AgencyKind", "Membership", "TimeStampedModel"]
