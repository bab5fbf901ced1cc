"""factory_boy factories shared by every test folder, one module per area."""

from tests.factories.agencies import AgencyFactory, MembershipFactory, UserFactory
from tests.factories.cases import EnforcementFieldFactory, certified_officer, penalty_case
from tests.factories.certificates import AnnualReviewFactory, CertificateFactory
from tests.factories.officers import OfficerFactory, make_id_number
from tests.factories.reconsideration import ApplicantFactory, ReconsiderationCaseFactory, case_with_events
from tests.factories.training import (
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
    "AnnualReviewFactory",
    "ApplicantFactory",
    "AttendanceFactory",
    "AudienceFactory",
    "CertificateFactory",
    "EnforcementFieldFactory",
    "ExamFactory",
    "ExamResultFactory",
    "MembershipFactory",
    "OfficerFactory",
    "PublicityActivityFactory",
    "PublicityFormatFactory",
    "ReconsiderationCaseFactory",
    "StudyPlanFactory",
    "ThemeDayFactory",
    "TrainingSessionFactory",
    "UserFactory",
    "VicePrincipalFactory",
    "case_with_events",
    "certified_officer",
    "make_id_number",
    "penalty_case",
]
