"""The roll of an exam, and the one meaning of passed and excellent."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from enforcement.agencies.scope import Scope
from enforcement.officers.models.officer import EmploymentStatus
from tests.factories import ExamFactory, ExamResultFactory, OfficerFactory
from tests.factories.reconsideration import d
from training.exams.models import ExamExemption, ExamResult
from training.exams.roll import roll
from training.exams.stats import exam_figures


def exempt(exam, officer, reason="借调外单位") -> ExamExemption:
    exemption = ExamExemption(exam=exam, officer=officer, reason=reason)
    exemption.full_clean()
    exemption.save()
    return exemption


def test_participation_counts_those_who_sat_against_the_roll_not_against_those_with_a_result(world):
    exam = ExamFactory(agency=world.township_a, date=d("2025-11-14"))
    staff = OfficerFactory.create_batch(19, agency=world.team_a)
    for officer in staff[:16]:
        ExamResultFactory(exam=exam, officer=officer, score=Decimal(80))
    figures = exam_figures(Scope(world.team_lead_a, world.township_a), 2025)
    assert (figures["roll"], figures["participants"], figures["participation_rate"]) == (19, 16, 0.8421)


def test_the_roll_is_the_staff_in_service_on_the_exam_date_less_the_exempted(world):
    exam = ExamFactory(agency=world.township_a, date=d("2025-11-14"))
    present = OfficerFactory(agency=world.team_a, employed_since=d("2020-01-01"))
    exempted = OfficerFactory(agency=world.township_a)
    OfficerFactory(agency=world.team_a, employed_since=d("2025-11-15"))  # joined the day after
    OfficerFactory(
        agency=world.team_a,
        employed_until=d("2025-11-13"),
        employment_status=EmploymentStatus.TRANSFERRED,
    )  # left the day before
    left_after = OfficerFactory(
        agency=world.team_a, employed_until=d("2025-12-01"), employment_status=EmploymentStatus.RETIRED
    )
    OfficerFactory(agency=world.township_b)
    exempt(exam, exempted)
    assert set(roll(exam)) == {present, left_after}


def test_the_roll_applies_the_row_rule_of_being_in_service_on_each_exams_date(world):
    # Every start, end and status around two exams' dates: the roll (the rule
    # read on the officer's columns inside the exam's subquery) lists exactly
    # those the row rule says were in service that day.
    exams = [ExamFactory(agency=world.township_a, date=d(day)) for day in ("2025-06-10", "2025-11-14")]
    starts = [None, d("2025-06-09"), d("2025-06-10"), d("2025-06-11"), d("2025-11-14")]
    ends = [None, d("2025-06-09"), d("2025-06-10"), d("2025-11-13"), d("2025-11-14")]
    officers = [
        OfficerFactory(agency=world.team_a, employed_since=start, employed_until=end, employment_status=status)
        for start in starts
        for end in ends
        if start is None or end is None or start <= end
        for status in (EmploymentStatus.ACTIVE, EmploymentStatus.TRANSFERRED)
    ]
    for exam in exams:
        expected = {officer for officer in officers if officer.is_in_service_on(exam.date)}
        assert 0 < len(expected) < len(officers)
        assert set(roll(exam)) == expected


def test_an_exemption_needs_a_reason_and_someone_of_the_exams_agency(world):
    exam = ExamFactory(agency=world.township_a)
    with pytest.raises(ValidationError) as refused:
        exempt(exam, OfficerFactory(agency=world.team_a), reason="  ")
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        exempt(exam, OfficerFactory(agency=world.township_b))
    assert "officer" in refused.value.message_dict


@pytest.mark.parametrize(
    ("score", "absent", "passed", "excellent"),
    [
        (Decimal("59.9"), False, False, False),
        (Decimal(60), False, True, False),
        (Decimal(90), False, True, True),
        (None, True, False, False),
    ],
)
def test_passed_and_excellent_mean_the_same_for_a_row_and_for_a_query(world, score, absent, passed, excellent):
    exam = ExamFactory(agency=world.township_a, pass_mark=Decimal(60), excellence_mark=Decimal(90))
    result = ExamResultFactory(exam=exam, score=score, absent=absent)
    assert (result.passed, result.excellent) == (passed, excellent)
    assert (ExamResult.objects.passed().filter(pk=result.pk).exists(), result.passed) == (passed, passed)
    assert ExamResult.objects.excellent().filter(pk=result.pk).exists() == excellent
    figures = exam_figures(Scope(world.team_lead_a, world.township_a), exam.date.year)
    assert (figures["passed"], figures["excellent"]) == (int(passed), int(excellent))
