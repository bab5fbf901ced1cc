import datetime
from decimal import Decimal

from enforcement.agencies.scope import Scope
from tests.base import query_counts_at_two_sizes
from tests.factories import AttendanceFactory, OfficerFactory, StudyPlanFactory, TrainingSessionFactory
from training.records.record import training_record
from training.study.models import SessionKind
from training.study.stats import training_figures


def scope_a(world):
    return Scope(world.team_lead_a, world.township_a)


def test_an_officer_attending_two_sessions_is_one_attendee(world):
    officer = OfficerFactory(agency=world.township_a)
    for day in (3, 4):
        AttendanceFactory(
            session=TrainingSessionFactory(agency=world.township_a, date=datetime.date(2024, 3, day)), officer=officer
        )
    figures = training_figures(scope_a(world), 2024)
    assert figures["sessions"] == 2
    assert figures["hours"] == 8.0
    assert figures["attendances"] == 1


def test_an_officer_at_exactly_the_requirement_meets_it(world):
    StudyPlanFactory(agency=world.township_a, year=2024, required_hours=8)
    exactly, short = OfficerFactory(agency=world.township_a), OfficerFactory(agency=world.team_a)
    OfficerFactory(agency=world.township_a, is_enforcement_officer=False)  # the 60-hour rule is not about them
    for day in (3, 4):
        session = TrainingSessionFactory(agency=world.township_a, date=datetime.date(2024, 3, day), hours=Decimal(4))
        AttendanceFactory(session=session, officer=exactly)
    AttendanceFactory(session=session, officer=short, hours_credited=Decimal("3.5"))
    figures = training_figures(scope_a(world), 2024)
    assert figures["required_hours"] == 8
    assert figures["officers_meeting_requirement"] == 1
    assert figures["officers_below_requirement"] == 1
    assert figures["average_hours_per_officer"] == 5.8  # (8 + 3.5) / 2
    assert training_record(exactly, 2024).meets_requirement
    assert not training_record(short, 2024).meets_requirement


def test_the_requirement_counts_every_enforcement_officer_in_service_and_only_their_hours(world):
    StudyPlanFactory(agency=world.township_a, year=2024, required_hours=8)
    clerk = OfficerFactory(agency=world.township_a, is_enforcement_officer=False)
    departed = OfficerFactory(agency=world.township_a, employed_until=datetime.date(2024, 6, 30))
    met = OfficerFactory(agency=world.township_a)
    OfficerFactory(agency=world.team_a)  # never attended: below the requirement, with no hours
    for day in (3, 4):
        session = TrainingSessionFactory(agency=world.township_a, date=datetime.date(2024, 3, day), hours=Decimal(4))
        for officer in (clerk, departed, met):
            AttendanceFactory(session=session, officer=officer)
    figures = training_figures(scope_a(world), 2024, today=datetime.date(2025, 2, 1))
    assert figures["officers_meeting_requirement"] == 1
    assert figures["officers_below_requirement"] == 1
    assert figures["average_hours_per_officer"] == 4.0  # (8 + 0) / 2


def test_without_a_plan_the_requirement_is_the_setting(world, settings):
    settings.LAWGOV = {**settings.LAWGOV, "REQUIRED_TRAINING_HOURS": 40}
    assert training_figures(scope_a(world), 2024)["required_hours"] == 40


def test_a_county_plan_binds_its_townships_unless_they_have_their_own(world):
    StudyPlanFactory(agency=world.county, year=2024, required_hours=50)
    assert training_figures(scope_a(world), 2024)["required_hours"] == 50
    StudyPlanFactory(agency=world.township_a, year=2024, required_hours=72)
    assert training_figures(scope_a(world), 2024)["required_hours"] == 72
    assert training_figures(Scope(world.team_lead_b, world.township_b), 2024)["required_hours"] == 50


def test_leading_cadres_group_study_is_counted_apart(world):
    leader = OfficerFactory(agency=world.township_a, is_leader=True)
    group = TrainingSessionFactory(agency=world.township_a, kind=SessionKind.GROUP_STUDY)
    AttendanceFactory(session=group, officer=leader)
    AttendanceFactory(session=TrainingSessionFactory(agency=world.township_a), officer=leader)
    AttendanceFactory(session=group, officer=OfficerFactory(agency=world.township_a))
    figures = training_figures(scope_a(world), 2024)
    assert figures["leader_study_sessions"] == 1
    assert figures["leaders_attending"] == 1
    assert figures["attendances"] == 2


def test_another_year_and_another_township_are_not_counted(world):
    AttendanceFactory(session=TrainingSessionFactory(agency=world.township_a, date=datetime.date(2023, 12, 31)))
    AttendanceFactory(session=TrainingSessionFactory(agency=world.township_b))
    figures = training_figures(scope_a(world), 2024)
    assert (figures["sessions"], figures["attendances"], figures["average_hours_per_officer"]) == (0, 0, 0.0)


def test_the_supervisor_counts_both_townships_people_once(world):
    officer = OfficerFactory(agency=world.township_a)
    AttendanceFactory(session=TrainingSessionFactory(agency=world.county), officer=officer)
    AttendanceFactory(session=TrainingSessionFactory(agency=world.township_a), officer=officer)
    AttendanceFactory(session=TrainingSessionFactory(agency=world.township_b))
    figures = training_figures(Scope(world.supervisor, world.county), 2024)
    assert (figures["sessions"], figures["attendances"]) == (3, 2)
    # The township's officer keeps the hours earned at the county's session.
    assert training_figures(scope_a(world), 2024)["average_hours_per_officer"] == 8.0


def test_training_figures_take_the_same_number_of_queries_at_any_size(world):
    def make_rows(count):
        for _ in range(count):
            AttendanceFactory(session=TrainingSessionFactory(agency=world.township_a))

    counts = query_counts_at_two_sizes(make_rows, lambda: training_figures(scope_a(world), 2024))
    assert counts[0] == counts[1] <= 6
