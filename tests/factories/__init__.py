"""factory_boy factories shared by every test folder, one module per area."""

from tests.factories.agencies import AgencyFactory, MembershipFactory, UserFactory
from tests.factories.cases import EnforcementFieldFactory, certified_officer, penalty_case
from tests.factories.certificates import AnnualReviewFactory, CertificateFactory
from tests.factories.ledger import (
    AdviserMatterFactory,
    DisputeFactory,
    LeadingGroupFactory,
    LeadingGroupMemberFactory,
    LegalAdviserFactory,
    MajorDecisionFactory,
    NormativeDocumentFactory,
    ResponsiblePersonFactory,
    RuleOfLawReportFactory,
    WorkPlanFactory,
    ledger_year,
)
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
    "AdviserMatterFactory",
    "AgencyFactory",
    "AnnualReviewFactory",
    "ApplicantFactory",
    "AttendanceFactory",
    "AudienceFactory",
    "CertificateFactory",
    "DisputeFactory",
    "EnforcementFieldFactory",
    "ExamExemptionFactory",
    "ExamFactory",
    "ExamResultFactory",
    "LeadingGroupFactory",
    "LeadingGroupMemberFactory",
    "LegalAdviserFactory",
    "MajorDecisionFactory",
    "MembershipFactory",
    "NormativeDocumentFactory",
    "OfficerFactory",
    "PublicityActivityFactory",
    "PublicityFormatFactory",
    "ReconsiderationCaseFactory",
    "ResponsiblePersonFactory",
    "RuleOfLawReportFactory",
    "StudyPlanFactory",
    "ThemeDayFactory",
    "TrainingSessionFactory",
    "UserFactory",
    "VicePrincipalFactory",
    "WorkPlanFactory",
    "case_with_events",
    "certified_officer",
    "ledger_year",
    "make_id_number",
    "penalty_case",
]
