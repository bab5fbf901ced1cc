"""The governance figures of the yearly statistics, from the ledger, in a fixed number of aggregate queries.

Each figure counts the rows its reader may list within the scope's subtree.
Decisions count in the year they were taken, normative documents in the year
they were issued, disputes in the year they were received (their outcome is
where they stand today), matters in the year they were handled. Listed parts
add up: disputes received = mediated + failed + referred + pending.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from enforcement.agencies.scope import Scope

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


def leadership_figures(scope: Scope, year: int) -> dict:
    first, last = year_bounds(year)
    groups = (
        scope.rows(LeadingGroup)
        .filter(established_on__lte=last)
        .filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=first))
    )
    meetings = scope.rows(LeadingGroupMeeting).filter(held_on__year=year)
    meeting_totals = meetings.aggregate(count=Count("pk"), topics=Sum("topics_count"), decisions=Sum("decisions_count"))
    plans = (
        scope.rows(WorkPlan)
        .filter(year=year)
        .aggregate(
            count=Count("pk"),
            no_decisions=Count("pk", filter=Q(no_major_decisions=True)),
            no_documents=Count("pk", filter=Q(no_normative_documents=True)),
        )
    )
    return {
        "responsible_persons": scope.rows(ResponsiblePerson).serving_in(year).count(),
        "leading_groups": groups.count(),
        "leading_group_meetings": meeting_totals["count"],
        "leading_group_topics": meeting_totals["topics"] or 0,
        "leading_group_decisions": meeting_totals["decisions"] or 0,
        "first_responsible_reports": scope.rows(RuleOfLawReport).filter(year=year).count(),
        "work_plans": plans["count"],
        # Only when every plan of the scope confirms it: one township's "none" says nothing of another's.
        "no_major_decisions_confirmed": bool(plans["count"]) and plans["no_decisions"] == plans["count"],
        "no_normative_documents_confirmed": bool(plans["count"]) and plans["no_documents"] == plans["count"],
    }


def decision_figures(scope: Scope, year: int) -> dict:
    totals = (
        scope.rows(MajorDecision)
        .decided_in(year)
        .aggregate(
            major_decisions=Count("pk"),
            major_decisions_reviewed=Count("pk", filter=REVIEW_PASSED),
            decisions_without_review=Count("pk", filter=~REVIEW_PASSED),
            decisions_collectively_discussed=Count("pk", filter=DISCUSSED),
            decisions_without_collective_discussion=Count("pk", filter=~DISCUSSED),
            public_comment_decisions=Count("pk", filter=PUBLIC_COMMENT),
            public_comments=Sum("public_comments"),
            decisions_missing_mandatory_steps=Count("pk", filter=missing_mandatory_step()),
        )
    )
    totals["public_comments"] = totals["public_comments"] or 0
    return totals


def document_figures(scope: Scope, year: int, today: datetime.date) -> dict:
    period = FilingPeriod.in_force()
    due = filing_due_expression(period)
    documents = scope.rows(NormativeDocument).issued_in(year).annotate(filing_due=due)
    on_time = Q(filed_on__isnull=False, filed_on__lte=F("filing_due"))
    late = Q(filed_on__gt=F("filing_due")) | Q(filed_on__isnull=True, filing_due__lt=today)
    totals = documents.aggregate(
        normative_documents=Count("pk"),
        normative_documents_reviewed=Count("pk", filter=REVIEWED_BEFORE_ISSUE),
        normative_documents_without_review=Count("pk", filter=~REVIEWED_BEFORE_ISSUE),
        normative_documents_published=Count("pk", filter=Q(published_on__isnull=False)),
        normative_documents_filed=Count("pk", filter=Q(filed_on__isnull=False)),
        normative_documents_filed_on_time=Count("pk", filter=on_time),
        normative_documents_filed_late=Count("pk", filter=late),
    )
    totals["filing_period_days"] = period.days if period else None
    return totals


MATTER_KEYS = {
    "adviser_contracts_reviewed": [MatterKind.CONTRACT],
    "adviser_decisions_reviewed": [MatterKind.DECISION, MatterKind.DOCUMENT],
    "adviser_disputes_attended": [MatterKind.DISPUTE, MatterKind.LITIGATION],
    "adviser_consultations": [MatterKind.CONSULTATION],
}


def adviser_figures(scope: Scope, year: int) -> dict:
    totals = (
        scope.rows(AdviserMatter)
        .filter(handled_on__year=year)
        .aggregate(
            adviser_matters=Count("pk"),
            **{key: Count("pk", filter=Q(kind__in=kinds)) for key, kinds in MATTER_KEYS.items()},
        )
    )
    totals["advisers"] = scope.rows(LegalAdviser).under_contract_in(year).count()
    return totals


def dispute_figures(scope: Scope, year: int) -> dict:
    outcomes = {
        "disputes_mediated": DisputeOutcome.MEDIATED,
        "disputes_failed": DisputeOutcome.FAILED,
        "disputes_referred": DisputeOutcome.REFERRED,
        "disputes_pending": DisputeOutcome.PENDING,
    }
    totals = (
        scope.rows(Dispute)
        .filter(received_on__year=year)
        .aggregate(
            disputes_received=Count("pk"),
            **{key: Count("pk", filter=Q(outcome=outcome)) for key, outcome in outcomes.items()},
            **{f"kind_{kind}": Count("pk", filter=Q(kind=kind)) for kind in DisputeKind.values},
        )
    )
    totals["disputes_by_kind"] = {kind: totals.pop(f"kind_{kind}") for kind in DisputeKind.values}
    return totals


def governance_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """The ledger's figures for the report's 一、(一) and (二): leadership, decisions, documents, advisers, disputes."""
    today = today or timezone.localdate()
    return {
        **leadership_figures(scope, year),
        **decision_figures(scope, year),
        **document_figures(scope, year, today),
        **adviser_figures(scope, year),
        **dispute_figures(scope, year),
    }
