from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.factories import AttendanceFactory, OfficerFactory, TrainingSessionFactory
from training.study.models import Attendance, TrainingSession
from training.study.services import add_attendees


def test_a_session_of_zero_hours_is_refused_naming_the_hours(world):
    session = TrainingSessionFactory.build(agency=world.township_a, hours=Decimal(0))
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "hours" in error.value.message_dict


def test_a_session_of_negative_hours_is_refused_by_the_database_too(world):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingSessionFactory(agency=world.township_a, hours=Decimal(-1))
    assert not TrainingSession.objects.exists()


def test_attendance_of_an_officer_of_another_township_is_refused_naming_the_officer(world):
    session = TrainingSessionFactory(agency=world.township_a)
    outsider = OfficerFactory(agency=world.township_b, name="李四")
    with pytest.raises(ValidationError) as error:
        Attendance(session=session, officer=outsider, hours_credited=Decimal(2)).full_clean()
    [message] = error.value.message_dict["officer"]
    assert "李四" in message and "乙乡人民政府" in message


def test_attendance_of_an_officer_of_an_office_below_the_agency_is_accepted(world):
    session = TrainingSessionFactory(agency=world.township_a)
    Attendance(session=session, officer=OfficerFactory(agency=world.team_a), hours_credited=Decimal(2)).full_clean()


@pytest.mark.parametrize("hours", [Decimal(0), Decimal("4.5")])
def test_hours_credited_must_be_positive_and_within_the_sessions_hours(world, hours):
    session = TrainingSessionFactory(agency=world.township_a, hours=Decimal(4))
    attendance = Attendance(session=session, officer=OfficerFactory(agency=world.township_a), hours_credited=hours)
    with pytest.raises(ValidationError) as error:
        attendance.full_clean()
    assert "hours_credited" in error.value.message_dict


def test_many_officers_are_added_at_once_with_the_sessions_hours(world):
    session = TrainingSessionFactory(agency=world.township_a, hours=Decimal(3))
    already = AttendanceFactory(session=session, hours_credited=Decimal(1))
    officers = [already.officer, *OfficerFactory.create_batch(3, agency=world.team_a)]
    assert add_attendees(session=session, officers=officers) == 3
    assert sorted(session.attendances.values_list("hours_credited", flat=True)) == [1, 3, 3, 3]


def test_adding_many_officers_with_one_outsider_writes_none(world):
    session = TrainingSessionFactory(agency=world.township_a)
    officers = [OfficerFactory(agency=world.township_a), OfficerFactory(agency=world.township_b, name="王五")]
    with pytest.raises(ValidationError) as error:
        add_attendees(session=session, officers=officers)
    assert "王五" in error.value.message_dict["officers"][0]
    assert not session.attendances.exists()
