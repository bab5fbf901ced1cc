"""The governance figures: what the ledger's records of a township add up to, in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enforcement.agencies.scope import Scope
from reports.ledger.models import DisputeOutcome, MatterKind, ReviewResult
from reports.ledger.stats import governance_figures
from reports.statistics.compile import compile_statistics
from reports.statistics.problems import find_problems
from tests.factories import (
    AdviserMatterFactory,
    AgencyFactory,
    DisputeFactory,
    LegalAdviserFactory,
    MajorDecisionFactory,
    NormativeDocumentFactory,
    ledger_year,
)
from tests.factories.ledger import d

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 1, 20)


def figures(world, agency=None, user=None):
    return governance_figures(Scope(user or world.superuser, agency or world.township_a), 2025, today=TODAY)


def test_a_full_year_of_records_gives_its_own_figures(world):
    ledger_year(world.township_a, meetings=4, topics_per_meeting=2, decisions=3, public_comment_decisions=2)
    g = figures(world)
    assert (g["leading_group_meetings"], g["leading_group_topics"], g["first_responsible_reports"]) == (4, 8, 1)
    assert (g["major_decisions"], g["major_decisions_reviewed"], g["decisions_without_review"]) == (3, 3, 0)
    assert (g["public_comment_decisions"], g["public_comments"]) == (2, 24)
    assert (g["normative_documents"], g["normative_documents_reviewed"]) == (2, 2)
    assert (g["normative_documents_filed_on_time"], g["normative_documents_filed_late"]) == (2, 0)
    assert (g["adviser_contracts_reviewed"], g["adviser_disputes_attended"], g["adviser_matters"]) == (3, 2, 5)
    assert (g["disputes_received"], g["disputes_mediated"], g["disputes_referred"]) == (5, 4, 1)


def test_records_of_other_years_and_other_townships_are_not_counted(world):
    ledger_year(world.township_a, year=2024)
    ledger_year(world.township_b)
    g = figures(world)
    assert g["major_decisions"] == g["leading_group_meetings"] == g["disputes_received"] == 0


def test_the_county_counts_every_township_below_it(world):
    ledger_year(world.township_a, decisions=3)
    ledger_year(world.township_b, decisions=1)
    assert figures(world, agency=world.county)["major_decisions"] == 4


def test_a_township_lead_counts_only_what_they_may_list(world):
    ledger_year(world.township_b, decisions=2)
    assert figures(world, agency=world.county, user=world.team_lead_a)["major_decisions"] == 0


def test_disputes_received_add_up_to_their_outcomes(world):
    for outcome, concluded_on, referred_to in (
        (DisputeOutcome.MEDIATED, d("2025-03-10"), ""),
        (DisputeOutcome.FAILED, d("2025-03-11"), ""),
        (DisputeOutcome.REFERRED, d("2025-03-12"), "县人民法院"),
        (DisputeOutcome.PENDING, None, ""),
    ):
        DisputeFactory(
            agency=world.township_a,
            received_on=d("2025-03-02"),
            outcome=outcome,
            concluded_on=concluded_on,
            referred_to=referred_to,
        )
    g = figures(world)
    parts = g["disputes_mediated"] + g["disputes_failed"] + g["disputes_referred"] + g["disputes_pending"]
    assert g["disputes_received"] == parts == 4
    assert g["disputes_by_kind"]["neighbours"] == 4


def test_a_decision_without_a_passing_review_is_counted_and_is_a_problem(world):
    MajorDecisionFactory(agency=world.township_a, legality_result=ReviewResult.UNLAWFUL)
    MajorDecisionFactory(agency=world.township_a)
    stats = compile_statistics(Scope(world.superuser, world.township_a), 2025, today=TODAY)
    assert stats["governance"]["decisions_without_review"] == 1
    assert stats["governance"]["major_decisions_reviewed"] == 1
    assert "decision_without_review" in [problem["code"] for problem in stats["problems"]]


def test_a_decision_without_collective_discussion_is_counted_and_is_a_problem(world):
    MajorDecisionFactory(agency=world.township_a, discussed_on=None, discussion_meeting="", discussion_attendees=None)
    stats = compile_statistics(Scope(world.superuser, world.township_a), 2025, today=TODAY)
    assert stats["governance"]["decisions_without_collective_discussion"] == 1
    assert "decision_without_discussion" in [problem["code"] for problem in stats["problems"]]


def test_a_decision_lacking_a_mandatory_step_of_its_category_is_counted(world):
    MajorDecisionFactory(agency=world.township_a, category="construction")  # no expert argument, no risk assessment
    MajorDecisionFactory(agency=world.township_a, category="public_policy")
    assert figures(world)["decisions_missing_mandatory_steps"] == 1


def test_a_document_issued_without_review_and_one_filed_late_are_problems(world):
    NormativeDocumentFactory(agency=world.township_a, reviewed_on=None, reviewer="", review_result="")
    NormativeDocumentFactory(agency=world.township_a, filed_on=d("2025-07-20"))
    NormativeDocumentFactory(agency=world.township_a, filed_on=None, filed_with="")
    stats = compile_statistics(Scope(world.superuser, world.township_a), 2025, today=TODAY)
    g = stats["governance"]
    assert (g["normative_documents_without_review"], g["normative_documents_filed_late"]) == (1, 2)
    assert g["normative_documents_filed_on_time"] == 1
    codes = [problem["code"] for problem in stats["problems"]]
    assert "document_without_review" in codes and "document_filed_late" in codes


def test_a_year_without_a_rule_of_law_report_or_a_meeting_is_a_problem_once_the_ledger_is_kept(world):
    ledger_year(world.township_a, meetings=0, reports=0)
    problems = find_problems(compile_statistics(Scope(world.superuser, world.township_a), 2025, today=TODAY))
    codes = [problem["code"] for problem in problems]
    assert "no_rule_of_law_report" in codes and "no_leading_group_meeting" in codes


def test_adviser_matters_are_counted_by_kind(world):
    adviser = LegalAdviserFactory(agency=world.township_a)
    for kind in (MatterKind.CONTRACT, MatterKind.DECISION, MatterKind.DOCUMENT, MatterKind.LITIGATION):
        AdviserMatterFactory(adviser=adviser, kind=kind)
    g = figures(world)
    assert (g["adviser_contracts_reviewed"], g["adviser_decisions_reviewed"], g["adviser_disputes_attended"]) == (
        1,
        2,
        1,
    )
    assert g["advisers"] == 1


def count_queries(world) -> int:
    with CaptureQueriesContext(connection) as captured:
        figures(world)
    return len(captured)


def test_the_governance_figures_take_the_same_number_of_queries_at_two_sizes(world):
    ledger_year(world.township_a, meetings=1, decisions=1, documents=1, disputes=2)
    figures(world)  # warm the user's scope cache
    small = count_queries(world)
    for _ in range(3):
        ledger_year(AgencyFactory(parent=world.township_a), meetings=4, decisions=3, documents=2, disputes=10)
    large = count_queries(world)
    assert small == large == 8
