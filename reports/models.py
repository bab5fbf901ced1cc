"""The models Django registers for the reports app; each subject package defines its own."""

from reports.annual.models import AnnualReport, ReportStatus
from reports.ledger.models import (
    AdviserMatter,
    Dispute,
    FilingPeriod,
    LeadingGroup,
    LeadingGroupMeeting,
    LeadingGroupMember,
    LegalAdviser,
    MajorDecision,
    MandatoryDecisionStep,
    NormativeDocument,
    ResponsiblePerson,
    RuleOfLawReport,
    WorkPlan,
)

# The rule-of-law work ledger's models (reports/ledger/), in the order the admin lists them.
LEDGER_MODELS = (
    ResponsiblePerson,
    LeadingGroup,
    LeadingGroupMember,
    LeadingGroupMeeting,
    RuleOfLawReport,
    WorkPlan,
    MajorDecision,
    NormativeDocument,
    LegalAdviser,
    AdviserMatter,
    Dispute,
    MandatoryDecisionStep,
    FilingPeriod,
)

__all__ = [
    "LEDGER_MODELS",
    "AdviserMatter",
    "AnnualReport",
    "Dispute",
    "FilingPeriod",
    "LeadingGroup",
    "LeadingGroupMeeting",
    "LeadingGroupMember",
    "LegalAdviser",
    "MajorDecision",
    "MandatoryDecisionStep",
    "NormativeDocument",
    "ReportStatus",
    "ResponsiblePerson",
    "RuleOfLawReport",
    "WorkPlan",
]
