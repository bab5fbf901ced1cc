"""The rule-of-law work ledger's models (app label `reports`)."""

from .advisers import AdviserKind, AdviserMatter, LegalAdviser, MatterKind
from .decisions import MajorDecision, ReviewResult
from .disputes import Dispute, DisputeKind, DisputeOutcome
from .documents import CleanupResult, NormativeDocument
from .leadership import (
    GroupRole,
    LeadingGroup,
    LeadingGroupMeeting,
    LeadingGroupMember,
    ResponsiblePerson,
    ResponsibleRole,
    RuleOfLawReport,
    WorkPlan,
)
from .provincial import DecisionCategory, DecisionStep, FilingPeriod, MandatoryDecisionStep

__all__ = [
    "AdviserKind",
    "AdviserMatter",
    "CleanupResult",
    "DecisionCategory",
    "DecisionStep",
    "Dispute",
    "DisputeKind",
    "DisputeOutcome",
    "FilingPeriod",
    "GroupRole",
    "LeadingGroup",
    "LeadingGroupMeeting",
    "LeadingGroupMember",
    "LegalAdviser",
    "MajorDecision",
    "MandatoryDecisionStep",
    "MatterKind",
    "NormativeDocument",
    "ResponsiblePerson",
    "ResponsibleRole",
    "ReviewResult",
    "RuleOfLawReport",
    "WorkPlan",
]
