"""factory_boy factories shared by every test folder, one module per area."""

from .agencies import AgencyFactory, MembershipFactory, UserFactory
from .officers import OfficerFactory, make_id_number
from .training import (
    AttendanceFactory,
    AudienceFactory,
    ExamFactory,
    ExamResultFactory,
    PublicityActivityFactory,
    PublicityFormatFactory,
    StudyPlanFactory,
    ThemeDayFactory,
    TrainingSessionFactory,
    VicePrincipalFactory,
)

__all__ = [
    "AgencyFactory",
    "AttendanceFactory",
    "AudienceFactory",
    "ExamFactory",
    "ExamResultFactory",
    "MembershipFactory",
    "OfficerFactory",
    "PublicityActivityFactory",
    "PublicityFormatFactory",
    "StudyPlanFactory",
    "ThemeDayFactory",
    "TrainingSessionFactory",
    "UserFactory",
    "VicePrincipalFactory",
    "make_id_number",
]
