"""The governance figures of the yearly statistics, from the ledger, in a fixed number of aggregate queries.

Each figure counts the rows its reader may list within the scope's subtree.
Decisions count in the year they were taken, normative documents in the year
they were issued, disputes in the year they were received (their outcome is
where they stand today), matters in the year they were handled. Listed parts
add up: disputes received = mediated + failed + referred + pending.
"""

from __future__ import annotations

import datetime

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from enforcement.agencies.scope import Scope, ScopeShape
from lawgov.prepared import PreparedQuery
from lawgov.tallies import Tally, prepared_counts, prepared_tally, tally_rows

from .models import (
    AdviserMatter,
    Dispute,
    DisputeKind,
    DisputeOutcome,
    FilingPeriod,
    LeadingGroup,
    LeadingGroupMeeting,
    LegalAdviser,
    MajorDecision,
    MatterKind,
    NormativeDocument,
    ResponsiblePerson,
    RuleOfLawReport,
    WorkPlan,
)
from .models.decisions import DISCUSSED, PUBLIC_COMMENT, REVIEW_PASSED, missing_mandatory_step
from .models.documents import REVIEWED_BEFORE_ISSUE, filing_due_expression


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _responsible_persons(scope: ScopeShape, *, first: datetime.date, last: datetime.date) -> QuerySet:
    return tally_rows(scope.rows(ResponsiblePerson).serving_between(first, last))


def _leading_groups(scope: ScopeShape, *, first: datetime.date, last: datetime.date) -> QuerySet:
    groups = scope.rows(LeadingGroup).filter(established_on__lte=last)
    return tally_rows(groups.filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=first)))


def _first_responsible_reports(scope: ScopeShape, *, year: int) -> QuerySet:
    return tally_rows(scope.rows(RuleOfLawReport).filter(year=year))


def _advisers(scope: ScopeShape, *, first: datetime.date, last: datetime.date) -> QuerySet:
    return tally_rows(scope.rows(LegalAdviser).under_contract_between(first, last))


def _meetings(scope: ScopeShape, *, first: datetime.date, last: datetime.date) -> QuerySet:
    meetings = scope.rows(LeadingGroupMeeting).filter(held_on__range=(first, last))
    return tally_rows(meetings, sums=["topics_count", "decisions_count"])


def _work_plans(scope: ScopeShape, *, year: int) -> QuerySet:
    return tally_rows(scope.rows(WorkPlan).filter(year=year), fields=["no_major_decisions", "no_normative_documents"])


def _decisions(scope: ScopeShape, *, first: datetime.date, last: datetime.date) -> QuerySet:
    return tally_rows(
        scope.rows(MajorDecision).decided_between(first, last),
        {
            "reviewed": REVIEW_PASSED,
            "discussed": DISCUSSED,
            "public_comment": PUBLIC_COMMENT,
            "missing_step": missing_mandatory_step(),
        },
        sums=["public_comments"],
    )


def _matters(scope: ScopeShape, *, first: datetime.date, last: datetime.date) -> QuerySet:
    return tally_rows(scope.rows(AdviserMatter).filter(handled_on__range=(first, last)), fields=["kind"])


def _disputes(scope: ScopeShape, *, first: datetime.date, last: datetime.date) -> QuerySet:
    return tally_rows(scope.rows(Dispute).filter(received_on__range=(first, last)), fields=["outcome", "kind"])


# Built and compiled once per scope (lawgov/prepared.py): building them costs more than running them.
_RESPONSIBLE_PERSONS = PreparedQuery(_responsible_persons)
_LEADING_GROUPS = PreparedQuery(_leading_groups)
_FIRST_RESPONSIBLE_REPORTS = PreparedQuery(_first_responsible_reports)
_ADVISERS = PreparedQuery(_advisers)
_MEETINGS = PreparedQuery(_meetings)
_WORK_PLANS = PreparedQuery(_work_plans)
_DECISIONS = PreparedQuery(_decisions)
_MATTERS = PreparedQuery(_matters)
_DISPUTES = PreparedQuery(_disputes)


def record_counts(scope: Scope, year: int) -> dict:
    """The figures that count records of a kind whole, all in one query."""
    first, last = year_bounds(year)
    days = {"first": first, "last": last}
    return prepared_counts(
        scope.shape,
        responsible_persons=(_RESPONSIBLE_PERSONS, days),
        leading_groups=(_LEADING_GROUPS, days),
        first_responsible_reports=(_FIRST_RESPONSIBLE_REPORTS, {"year": year}),
        advisers=(_ADVISERS, days),
    )


def _in_year(query: PreparedQuery, scope: Scope, year: int) -> Tally:
    first, last = year_bounds(year)
    return prepared_tally(query, scope.shape, first=first, last=last)


def leadership_figures(scope: Scope, year: int) -> dict:
    meetings = _in_year(_MEETINGS, scope, year)
    plans = prepared_tally(_WORK_PLANS, scope.shape, year=year)
    planned = plans.count()
    return {
        "leading_group_meetings": meetings.count(),
        "leading_group_topics": meetings.sum("topics_count"),
        "leading_group_decisions": meetings.sum("decisions_count"),
        "work_plans": planned,
        # Only when every plan of the scope confirms it: one township's "none" says nothing of another's.
        "no_major_decisions_confirmed": bool(planned) and plans.count(no_major_decisions=True) == planned,
        "no_normative_documents_confirmed": bool(planned) and plans.count(no_normative_documents=True) == planned,
    }


def decision_figures(scope: Scope, year: int) -> dict:
    decisions = _in_year(_DECISIONS, scope, year)
    return {
        "major_decisions": decisions.count(),
        "major_decisions_reviewed": decisions.count(reviewed=True),
        "decisions_without_review": decisions.count(reviewed=False),
        "decisions_collectively_discussed": decisions.count(discussed=True),
        "decisions_without_collective_discussion": decisions.count(discussed=False),
        "public_comment_decisions": decisions.count(public_comment=True),
        "public_comments": decisions.sum("public_comments"),
        "decisions_missing_mandatory_steps": decisions.count(missing_step=True),
    }


def _documents(shape: tuple[ScopeShape, int], *, first: datetime.date, last: datetime.date, today: datetime.date):
    scope, filing_days = shape
    documents = scope.rows(NormativeDocument).issued_between(first, last)
    return tally_rows(
        documents.annotate(filing_due=filing_due_expression(filing_days)),
        {
            "reviewed": REVIEWED_BEFORE_ISSUE,
            "published": Q(published_on__isnull=False),
            "filed": Q(filed_on__isnull=False),
            "on_time": Q(filed_on__isnull=False, filed_on__lte=F("filing_due")),
            "late": Q(filed_on__gt=F("filing_due")) | Q(filed_on__isnull=True, filing_due__lt=today),
        },
    )


# The filing period's length is written into the SQL (an interval), so it is part of the shape.
_DOCUMENTS = PreparedQuery(_documents)


def document_figures(scope: Scope, year: int, today: datetime.date) -> dict:
    period = FilingPeriod.in_force()
    first, last = year_bounds(year)
    documents = prepared_tally(
        _DOCUMENTS, (scope.shape, period.days if period else 0), first=first, last=last, today=today
    )
    return {
        "normative_documents": documents.count(),
        "normative_documents_reviewed": documents.count(reviewed=True),
        "normative_documents_without_review": documents.count(reviewed=False),
        "normative_documents_published": documents.count(published=True),
        "normative_documents_filed": documents.count(filed=True),
        "normative_documents_filed_on_time": documents.count(on_time=True),
        "normative_documents_filed_late": documents.count(late=True),
        "filing_period_days": period.days if period else None,
    }


MATTER_KEYS = {
    "adviser_contracts_reviewed": [MatterKind.CONTRACT],
    "adviser_decisions_reviewed": [MatterKind.DECISION, MatterKind.DOCUMENT],
    "adviser_disputes_attended": [MatterKind.DISPUTE, MatterKind.LITIGATION],
    "adviser_consultations": [MatterKind.CONSULTATION],
}


def adviser_figures(scope: Scope, year: int) -> dict:
    matters = _in_year(_MATTERS, scope, year)
    return {
        "adviser_matters": matters.count(),
        **{key: matters.count(kind=kinds) for key, kinds in MATTER_KEYS.items()},
    }


DISPUTE_OUTCOME_KEYS = {
    "disputes_mediated": DisputeOutcome.MEDIATED,
    "disputes_failed": DisputeOutcome.FAILED,
    "disputes_referred": DisputeOutcome.REFERRED,
    "disputes_pending": DisputeOutcome.PENDING,
}


def dispute_figures(scope: Scope, year: int) -> dict:
    disputes = _in_year(_DISPUTES, scope, year)
    return {
        "disputes_received": disputes.count(),
        **{key: disputes.count(outcome=outcome) for key, outcome in DISPUTE_OUTCOME_KEYS.items()},
        "disputes_by_kind": {kind: disputes.count(kind=kind) for kind in DisputeKind.values},
    }


def governance_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """The ledger's figures for the report's 一、(一) and (二): leadership, decisions, documents, advisers, disputes."""
    today = today or timezone.localdate()
    return {
        **record_counts(scope, year),
        **leadership_figures(scope, year),
        **decision_figures(scope, year),
        **document_figures(scope, year, today),
        **adviser_figures(scope, year),
        **dispute_figures(scope, year),
    }
