"""The models of the penalty-case register; they keep the `enforcement` app label."""

from enforcement.cases.models.case import EnforcementCase, Party, Penalty
from enforcement.cases.models.choices import (
    CLOSED_STATUSES,
    OFFICER_ACTS,
    CaseEventKind,
    CaseStatus,
    DecisionOutcome,
    PartyKind,
    PenaltyDeadlineKind,
    PenaltyKind,
    PenaltyProcedure,
)
from enforcement.cases.models.event import EnforcementEvent, EventOfficer
from enforcement.cases.models.files import EventFile

__all__ = [
    "CLOSED_STATUSES",
    "OFFICER_ACTS",
    "CaseEventKind",
    "CaseStatus",
    "DecisionOutcome",
    "EnforcementCase",
    "EnforcementEvent",
    "EventFile",
    "EventOfficer",
    "Party",
    "PartyKind",
    "Penalty",
    "PenaltyDeadlineKind",
    "PenaltyKind",
    "PenaltyProcedure",
]
