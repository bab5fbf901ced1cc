"""The statutory periods of penalty cases on the real 2024–2026 calendars, each with its article."""

import datetime

import pytest

from enforcement.agencies.calendar import LAST_PUBLISHED_YEAR
from enforcement.cases.services import case_deadlines
from enforcement.models import EnforcementCase
from enforcement.reconsideration.services import record_event
from tests.factories import ReconsiderationCaseFactory, certified_officer, penalty_case

D = datetime.date


@pytest.fixture
def agency(world):
    return world.township_a


def deadline(case: EnforcementCase, kind: str):
    return next(d for d in case_deadlines(case) if d.kind == kind)


def test_the_decision_is_due_90_days_after_filing_moved_off_national_day_2025(agency):
    # 2025-07-03 + 90 days is 2025-10-01, inside the National Day holiday (1–8 October).
    case = penalty_case(agency, ("filed", D(2025, 7, 3)), discovered_on=D(2025, 7, 1))
    decision = deadline(case, "decision")
    assert decision.due == D(2025, 10, 9)
    assert decision.article == "《行政处罚法》第六十条"
    assert "本法未作规定" in decision.rule
    assert case.decision_due == D(2025, 10, 9) == case.next_deadline_on


def test_an_extension_with_its_basis_adds_its_days_to_the_decision_period(agency):
    case = penalty_case(
        agency,
        ("filed", D(2025, 3, 4)),
        ("extended", D(2025, 5, 30), {"days": 30, "basis": "《市场监督管理行政处罚程序规定》第六十四条"}),
    )
    # 2025-03-04 + 120 days is Wednesday 2025-07-02.
    assert deadline(case, "decision").due == D(2025, 7, 2)
    assert "市场监督管理行政处罚程序规定" in deadline(case, "decision").rule


def test_the_hearing_request_period_is_5_working_days_across_spring_festival_2025(agency):
    # Sunday 26 January is an adjusted working day; 28 January to 4 February are off.
    case = penalty_case(agency, ("filed", D(2025, 1, 6)), ("notified", D(2025, 1, 24)), discovered_on=D(2025, 1, 3))
    request = deadline(case, "hearing_request")
    assert request.due == D(2025, 2, 7)
    assert request.article == "《行政处罚法》第六十四条第一项、第八十五条"
    assert not request.watched


def test_the_hearing_notice_is_due_7_working_days_before_a_hearing_after_national_day_2025(agency, world):
    case = penalty_case(
        agency,
        ("filed", D(2025, 9, 1)),
        ("notified", D(2025, 9, 15)),
        ("hearing_requested", D(2025, 9, 17)),
        ("hearing_notified", D(2025, 9, 26), {"scheduled_on": D(2025, 10, 13)}),
        ("hearing_held", D(2025, 10, 13), {"presider": certified_officer(agency)}),
        discovered_on=D(2025, 8, 29),
    )
    notice = deadline(case, "hearing_notice")
    # Back from Monday 13 October: Saturday 11 October and Sunday 28 September are working days.
    assert notice.due == D(2025, 9, 26)
    assert notice.met_on == D(2025, 9, 26)
    assert notice.article == "《行政处罚法》第六十四条第二项、第八十五条"


def test_service_is_due_7_working_days_after_a_decision_before_national_day_2024(agency):
    case = penalty_case(
        agency,
        ("filed", D(2024, 9, 2)),
        ("notified", D(2024, 9, 13)),
        ("decided", D(2024, 9, 27)),
        discovered_on=D(2024, 9, 2),
    )
    service = deadline(case, "service")
    # Sunday 29 September and Saturday 12 October 2024 are working days; 1–7 October are off.
    assert service.due == D(2024, 10, 12)
    assert service.article == "《行政处罚法》第六十一条、第八十五条"


def test_payment_is_due_15_days_after_service_moved_off_spring_festival_2026(agency):
    case = penalty_case(
        agency,
        ("filed", D(2026, 1, 5)),
        ("notified", D(2026, 1, 20)),
        ("decided", D(2026, 1, 30)),
        ("served", D(2026, 2, 1), {"on_the_spot": True}),
        discovered_on=D(2026, 1, 5),
    )
    payment = deadline(case, "payment")
    # 2026-02-16 falls in the Spring Festival holiday (15–23 February).
    assert payment.due == D(2026, 2, 24)
    assert payment.article == "《行政处罚法》第六十七条第三款"


def test_the_preservation_decision_is_due_7_working_days_later_across_national_day_2026(agency):
    case = penalty_case(
        agency, ("filed", D(2026, 9, 28)), ("evidence_preserved", D(2026, 9, 30)), discovered_on=D(2026, 9, 28)
    )
    preservation = deadline(case, "preservation")
    # 1–7 October are off, Saturday 10 October 2026 is a working day.
    assert preservation.due == D(2026, 10, 15)
    assert preservation.article == "《行政处罚法》第五十六条、第八十五条"


def test_a_corrected_published_decision_is_withdrawn_within_3_working_days_across_spring_festival_2026(agency):
    case = penalty_case(
        agency,
        ("filed", D(2025, 11, 3)),
        ("notified", D(2025, 11, 20)),
        ("decided", D(2025, 12, 1)),
        ("served", D(2025, 12, 2)),
        ("paid", D(2025, 12, 10)),
        ("published", D(2025, 12, 5)),
        discovered_on=D(2025, 11, 3),
    )
    ReconsiderationCaseFactory(agency=agency, enforcement_case=case, received_on=D(2025, 12, 20))
    reconsideration = case.reconsiderations.get()
    record_event(case=reconsideration, kind="accepted", occurred_on=D(2025, 12, 22))
    record_event(case=reconsideration, kind="decision", occurred_on=D(2026, 2, 12), outcome="revoked")
    case.refresh_from_db()
    withdrawal = deadline(case, "publication_withdrawal")
    # Saturday 14 February 2026 is a working day, 15–23 February are off.
    assert withdrawal.due == D(2026, 2, 24)
    assert withdrawal.article == "《行政处罚法》第四十八条第二款、第八十五条"
    assert case.next_deadline_kind == "publication_withdrawal"


def test_the_limitation_runs_two_years_from_the_act(agency):
    case = penalty_case(agency, act_on=D(2023, 6, 1), discovered_on=D(2025, 3, 3))
    limitation = deadline(case, "limitation")
    assert limitation.due == D(2025, 6, 1)
    assert limitation.met_on == D(2025, 3, 3)
    assert limitation.article == "《行政处罚法》第三十六条"


def test_a_deadline_in_a_year_without_a_published_holiday_schedule_is_marked_estimated(agency):
    filed = D(LAST_PUBLISHED_YEAR, 11, 20)
    case = penalty_case(agency, ("filed", filed), discovered_on=D(LAST_PUBLISHED_YEAR, 11, 20))
    assert deadline(case, "decision").estimated
    assert not deadline(case, "limitation").estimated
