"""factory_boy factories shared by every test folder, one module per area."""

from tests.factories.agencies import AgencyFactory, MembershipFactory, UserFactory
from tests.factories.certificates import AnnualReviewFactory, CertificateFactory
from tests.factories.officers import OfficerFactory, make_id_number
from tests.factories.reconsideration import ApplicantFactory, ReconsiderationCaseFactory, case_with_events
from tests.factories.training import (
    AttendanceFactory,
    AudienceFactory,
    ExamExemptionFactory,
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
    "ExamExemptionFactory",
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
    "make_id_number",
]
