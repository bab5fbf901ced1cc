from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.factories import ExamFactory, ExamResultFactory, OfficerFactory
from training.exams.models import Exam, ExamResult

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("score", [Decimal("100.5"), Decimal(-1)])
def test_a_score_outside_zero_to_the_maximum_is_refused_naming_the_score(world, score):
    exam = ExamFactory(agency=world.township_a, max_score=Decimal(100))
    result = ExamResult(exam=exam, officer=OfficerFactory(agency=world.township_a), score=score)
    with pytest.raises(ValidationError) as error:
        result.full_clean()
    assert list(error.value.message_dict) == ["score"]


def test_a_score_of_exactly_the_maximum_is_accepted(world):
    exam = ExamFactory(agency=world.township_a, max_score=Decimal(100))
    ExamResult(exam=exam, officer=OfficerFactory(agency=world.township_a), score=Decimal(100)).full_clean()


def test_an_absent_officer_has_no_score_and_a_present_one_needs_one(world):
    exam = ExamFactory(agency=world.township_a)
    officer = OfficerFactory(agency=world.township_a)
    with pytest.raises(ValidationError) as error:
        ExamResult(exam=exam, officer=officer, absent=True, score=Decimal(50)).full_clean()
    assert "score" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        ExamResult(exam=exam, officer=officer).full_clean()
    assert "score" in error.value.message_dict
    ExamResult(exam=exam, officer=officer, absent=True).full_clean()


def test_a_result_for_an_officer_outside_the_exams_agency_is_refused_naming_the_officer(world):
    exam = ExamFactory(agency=world.team_a)
    officer = OfficerFactory(agency=world.township_a, name="赵六")
    with pytest.raises(ValidationError) as error:
        ExamResult(exam=exam, officer=officer, score=Decimal(70)).full_clean()
    assert "赵六" in error.value.message_dict["officer"][0]


def test_a_pass_mark_above_the_maximum_is_refused(world):
    with pytest.raises(ValidationError) as error:
        ExamFactory.build(agency=world.township_a, max_score=Decimal(100), pass_mark=Decimal(120)).full_clean()
    assert "pass_mark" in error.value.message_dict


def test_the_excellence_mark_defaults_to_the_settings_share_of_the_maximum(world, settings):
    settings.LAWGOV = {**settings.LAWGOV, "EXCELLENCE_MARK_PERCENT": 85}
    exam = Exam(agency=world.township_a, title="考试", date="2024-06-01", max_score=Decimal(120))
    exam.full_clean()
    exam.save()
    assert exam.excellence_mark == Decimal(102)


def test_a_makeup_must_repeat_a_failed_first_sitting_of_the_same_officer(world):
    exam = ExamFactory(agency=world.township_a)
    failed = ExamResultFactory(exam=exam, score=Decimal(40))
    passed = ExamResultFactory(exam=exam, score=Decimal(80))
    with pytest.raises(ValidationError) as error:
        ExamResult(exam=exam, officer=failed.officer, score=Decimal(70), makeup_of=passed).full_clean()
    assert "makeup_of" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        ExamResult(exam=exam, officer=passed.officer, score=Decimal(70), makeup_of=passed).full_clean()
    assert "makeup_of" in error.value.message_dict
    ExamResult(exam=exam, officer=failed.officer, score=Decimal(70), makeup_of=failed).full_clean()


def test_an_officer_has_one_first_sitting_per_exam(world):
    result = ExamResultFactory(exam=ExamFactory(agency=world.township_a))
    with pytest.raises(ValidationError) as error:
        ExamResult(exam=result.exam, officer=result.officer, score=Decimal(90)).full_clean()
    assert "already has a result" in str(error.value)
