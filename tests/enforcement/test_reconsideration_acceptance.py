"""Acceptance of an application (arts. 30, 31, 34) and the extension of the decision period (art. 62).

2025-03-03 is a Monday: the 5-working-day review ends on Monday 2025-03-10.
"""

import pytest
import time_machine
from django.core.exceptions import ValidationError

from enforcement.reconsideration.choices import CaseStatus, Outcome
from enforcement.reconsideration.services import record_event
from enforcement.tasks import warn_reconsideration_deadlines
from tests.base import api_client_for
from tests.factories import case_with_events
from tests.factories.reconsideration import d

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
RECEIVED = ("application_received", d("2025-03-03"))


def refused(case, kind, day, **extra) -> dict:
    with pytest.raises(ValidationError) as error:
        record_event(case=case, kind=kind, occurred_on=d(day), **extra)
    return error.value.message_dict


def deadline(case, kind):
    return next(row for row in case.deadline_list() if row.kind == kind)


def test_a_refusal_to_accept_closes_the_case_with_its_outcome_and_date(world):
    case = case_with_events(world.township_a, RECEIVED, ("not_accepted", d("2025-03-07")))
    assert (case.status, case.outcome, case.closed_on) == (CaseStatus.CLOSED, Outcome.NOT_ACCEPTED, d("2025-03-07"))
    body = api_client_for(world.team_lead_a).get("/api/v1/reconsideration-cases/", {"outcome": "not_accepted"}).json()
    assert [row["id"] for row in body["results"]] == [case.pk]


def test_after_a_refusal_a_lawsuit_may_be_recorded_but_not_a_withdrawal(world):
    case = case_with_events(world.township_a, RECEIVED, ("not_accepted", d("2025-03-07")))
    assert "closed on" in refused(case, "withdrawal", "2025-03-12")["kind"][0]
    record_event(case=case, kind="lawsuit_filed", occurred_on=d("2025-03-20"))  # art. 34
    case.refresh_from_db()
    assert case.lawsuit_filed_on == d("2025-03-20")


def test_a_review_ending_without_refusal_accepts_the_application_from_its_last_day(world):
    with time_machine.travel("2025-03-11 09:00 +0800", tick=False):
        case = case_with_events(world.township_a, RECEIVED)
    assert (case.status, case.accepted_on) == (CaseStatus.ACCEPTED, d("2025-03-10"))
    decision = deadline(case, "decision")
    assert decision.due == case.decision_due == d("2025-05-09")  # 60 days from 03-10
    assert decision.rule == "决定期限：视为受理之日起60日（《行政复议法》第六十二条、第三十条）"


def test_the_daily_job_stores_the_deemed_acceptance_once_the_review_has_ended(world):
    with time_machine.travel("2025-03-05 09:00 +0800", tick=False):
        case = case_with_events(world.township_a, RECEIVED)
    assert case.status == CaseStatus.AWAITING_ACCEPTANCE
    with time_machine.travel("2025-03-10 18:00 +0800", tick=False):
        warn_reconsideration_deadlines()  # the last day of the review: a refusal may still come
    case.refresh_from_db()
    assert case.status == CaseStatus.AWAITING_ACCEPTANCE
    with time_machine.travel("2025-03-11 07:30 +0800", tick=False):
        warn_reconsideration_deadlines()
    case.refresh_from_db()
    assert (case.status, case.accepted_on, case.decision_due) == (CaseStatus.ACCEPTED, d("2025-03-10"), d("2025-05-09"))


def test_a_copy_received_after_the_review_ended_needs_no_accepted_event(world):
    case = case_with_events(world.township_a, RECEIVED, ("copy_received", d("2025-03-12")))
    assert case.status == CaseStatus.AWAITING_REPLY
    assert case.accepted_on == d("2025-03-10")
    # The reply period still runs from the respondent's receipt of the copy (art. 48).
    assert case.reply_due == d("2025-03-26")


def test_a_copy_received_while_the_review_runs_still_needs_the_acceptance(world):
    case = case_with_events(world.township_a, RECEIVED)
    assert "2025-03-10" in refused(case, "copy_received", "2025-03-06")["kind"][0]


def test_a_refusal_after_the_review_ended_is_refused(world):
    case = case_with_events(world.township_a, RECEIVED)
    assert "deemed accepted" in refused(case, "not_accepted", "2025-03-11")["kind"][0]


def test_a_notice_to_supplement_stops_the_review_and_its_supplement_restarts_it(world):
    with time_machine.travel("2025-03-12 09:00 +0800", tick=False):
        case = case_with_events(world.township_a, RECEIVED, ("supplement_requested", d("2025-03-05")))
    # Waiting for the applicant, the review has no due day: nothing of the organ's can be overdue.
    assert case.status == CaseStatus.AWAITING_SUPPLEMENT
    assert case.next_deadline_on is None
    assert deadline(case, "acceptance").due is None
    supplement = deadline(case, "supplement")
    assert supplement.due == d("2025-03-19")  # 10 working days from the notice
    assert supplement.article == "《行政复议法》第三十一条"
    record_event(case=case, kind="supplement_received", occurred_on=d("2025-03-14"))
    case.refresh_from_db()
    acceptance = deadline(case, "acceptance")
    assert acceptance.due == d("2025-03-21")  # 5 working days from the supplement, not from 03-03
    assert acceptance.rule == (
        "受理审查期限：收到补正材料之日起5个工作日，期满未决定不予受理的视为受理（《行政复议法》第三十条、第三十一条）"
    )
    assert case.accepted_on == d("2025-03-21")  # deemed: the review ended without a refusal


def test_no_supplement_in_time_abandons_the_application(world):
    with time_machine.travel("2025-03-20 09:00 +0800", tick=False):
        case = case_with_events(world.township_a, RECEIVED, ("supplement_requested", d("2025-03-05")))
    assert (case.status, case.outcome, case.closed_on) == (CaseStatus.CLOSED, Outcome.ABANDONED, d("2025-03-20"))
    assert "deemed abandoned" in refused(case, "supplement_received", "2025-03-21")["kind"][0]


def test_an_extended_supplement_period_keeps_the_application_waiting(world):
    with time_machine.travel("2025-03-25 09:00 +0800", tick=False):
        case = case_with_events(
            world.township_a,
            RECEIVED,
            ("supplement_requested", d("2025-03-05")),
            ("supplement_extended", d("2025-03-18"), {"days": 10}),
        )
    assert case.status == CaseStatus.AWAITING_SUPPLEMENT
    assert deadline(case, "supplement").due == d("2025-03-29")


def test_a_notice_to_supplement_later_than_five_working_days_is_refused(world):
    case = case_with_events(world.township_a, RECEIVED)
    assert "2025-03-10" in refused(case, "supplement_requested", "2025-03-11")["occurred_on"][0]


@pytest.fixture
def accepted_2025_07_16(world):
    # The 60-day decision period ends on Monday 2025-09-15 (09-14 is a Sunday).
    return case_with_events(world.township_a, ("application_received", d("2025-07-14")), ("accepted", d("2025-07-16")))


def test_an_extension_after_the_decision_period_ended_is_refused_naming_its_deadline(accepted_2025_07_16):
    errors = refused(accepted_2025_07_16, "extension", "2025-09-16", days=30)
    assert "2025-09-15" in errors["occurred_on"][0]
    assert "art. 62" in errors["occurred_on"][0]


def test_an_extension_on_the_last_day_of_the_period_is_accepted(accepted_2025_07_16):
    record_event(case=accepted_2025_07_16, kind="extension", occurred_on=d("2025-09-15"), days=30)
    accepted_2025_07_16.refresh_from_db()
    assert accepted_2025_07_16.decision_due == d("2025-10-14")  # 07-16 + 90 days
