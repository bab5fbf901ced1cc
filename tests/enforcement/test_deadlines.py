"""Deadlines against the real calendar, as published by the State Council.

2024: National Day 10-1..10-7 off, Sunday 9-29 and Saturday 10-12 worked.
2025: New Year 1-1; National Day and Mid-Autumn 10-1..10-8 off, Sunday 9-28 and Saturday 10-11 worked.
2026: New Year 1-1..1-3 off, Sunday 1-4 worked.
"""

import datetime

import pytest
import time_machine

from enforcement.agencies.calendar import LAST_PUBLISHED_YEAR, CalendarDay, WorkingCalendar
from enforcement.reconsideration.choices import CaseStatus, DeadlineKind
from enforcement.reconsideration.deadlines import next_deadline
from enforcement.reconsideration.models import ReconsiderationCase
from tests.factories import case_with_events
from tests.factories.reconsideration import d

calendar = WorkingCalendar()


def deadline_of(case, kind):
    return next(deadline for deadline in case.deadline_list() if deadline.kind == kind)


def test_the_weekend_day_worked_before_national_day_2024_counts_and_the_holiday_does_not():
    # Copy received Friday 9-27: Sunday 9-29 (worked) and Monday 9-30 are days 1 and 2,
    # 10-1..10-7 are off, Saturday 10-12 is worked; the tenth working day is 10-16.
    assert calendar.add_working_days(d("2024-09-27"), 10) == d("2024-10-16")


def test_the_working_calendar_knows_adjusted_working_days_and_holidays():
    assert calendar.is_working_day(d("2024-09-29"))  # Sunday worked
    assert not calendar.is_working_day(d("2024-10-04"))  # Friday off
    assert not calendar.is_working_day(d("2024-10-05"))  # an ordinary Saturday


@pytest.mark.django_db
def test_reply_due_after_a_copy_received_just_before_national_day_2024(world):
    case = case_with_events(
        world.township_a,
        ("application_received", d("2024-09-10")),
        ("accepted", d("2024-09-12")),
        ("copy_received", d("2024-09-27")),
    )
    reply = deadline_of(case, DeadlineKind.REPLY)
    assert reply.due == case.reply_due == d("2024-10-16")
    assert reply.rule == "答复期限：收到申请书副本之日起10个工作日（《行政复议法》第四十八条）"
    assert case.status == CaseStatus.AWAITING_REPLY


@pytest.mark.django_db
def test_simplified_reply_before_national_day_2025_counts_the_sunday_worked(world):
    # 9-28 (Sunday, worked), 9-29, 9-30, then 10-1..10-8 off: 10-9 and 10-10 are days 4 and 5.
    case = case_with_events(
        world.township_a,
        ("application_received", d("2025-09-15")),
        ("accepted", d("2025-09-16")),
        ("copy_received", d("2025-09-26")),
        procedure="simplified",
    )
    reply = deadline_of(case, DeadlineKind.REPLY)
    assert reply.due == d("2025-10-10")
    assert reply.rule == "答复期限：收到申请书副本之日起5个工作日（《行政复议法》第五十四条）"


@pytest.mark.django_db
def test_a_sixty_day_decision_deadline_on_a_sunday_moves_to_monday(world):
    # 2025-07-16 + 60 days = Sunday 2025-09-14.
    case = case_with_events(world.township_a, ("application_received", d("2025-07-14")), ("accepted", d("2025-07-16")))
    decision = deadline_of(case, DeadlineKind.DECISION)
    assert decision.due == case.decision_due == d("2025-09-15")
    assert decision.rule == "决定期限：受理之日起60日（《行政复议法》第六十二条）"


@pytest.mark.django_db
def test_an_extension_adds_its_days_to_the_decision_deadline(world):
    case = case_with_events(
        world.township_a,
        ("application_received", d("2025-07-14")),
        ("accepted", d("2025-07-16")),
        ("extension", d("2025-09-01"), {"days": 30}),
    )
    assert case.decision_due == d("2025-10-14")  # 7-16 + 90 days, a Tuesday
    assert "延长30日" in deadline_of(case, DeadlineKind.DECISION).rule


@pytest.mark.django_db
def test_a_suspension_of_twelve_days_moves_the_decision_deadline_by_twelve_days(world):
    events = [("application_received", d("2024-06-01")), ("accepted", d("2024-06-03"))]
    plain = case_with_events(world.township_a, *events)
    suspended = case_with_events(
        world.township_a, *events, ("suspension", d("2024-07-01")), ("resumption", d("2024-07-13"))
    )
    assert plain.decision_due == d("2024-08-02")
    assert suspended.decision_due == d("2024-08-14")
    assert "中止期间12日不计入" in deadline_of(suspended, DeadlineKind.DECISION).rule


@pytest.mark.django_db
def test_while_suspended_the_decision_clock_is_stopped(world):
    case = case_with_events(
        world.township_a,
        ("application_received", d("2024-06-01")),
        ("accepted", d("2024-06-03")),
        ("suspension", d("2024-07-01")),
    )
    assert case.status == CaseStatus.SUSPENDED
    assert case.decision_due is None


@pytest.mark.django_db
def test_the_deadline_day_itself_is_due_not_overdue(world):
    case = case_with_events(
        world.township_a,
        ("application_received", d("2024-09-10")),
        ("accepted", d("2024-09-12")),
        ("copy_received", d("2024-09-27")),
    )
    reply = deadline_of(case, DeadlineKind.REPLY)
    with time_machine.travel("2024-10-16 12:00 +0800", tick=False):
        assert not reply.is_overdue()
        assert reply.days_left() == 0
        assert not ReconsiderationCase.objects.overdue().exists()
    with time_machine.travel("2024-10-17 09:00 +0800", tick=False):
        assert reply.is_overdue()
        assert list(ReconsiderationCase.objects.overdue()) == [case]


@pytest.mark.django_db
def test_a_reply_period_running_over_new_year_counts_the_adjusted_sunday_of_the_next_year(world):
    # 2026-01-01..01-03 off, Sunday 01-04 worked: days 1..10 are 01-04..01-09 and 01-12..01-15.
    case = case_with_events(
        world.township_a,
        ("application_received", d("2025-12-20")),
        ("accepted", d("2025-12-22")),
        ("copy_received", d("2025-12-31")),
    )
    assert case.reply_due == d("2026-01-15")


def test_a_calendar_period_from_the_last_day_of_the_year_ends_on_the_leap_day():
    assert calendar.period_end(d("2023-12-31"), 60, working_days=False) == d("2024-02-29")


@pytest.mark.django_db
def test_an_application_known_on_new_years_eve_is_due_on_the_leap_day(world):
    case = case_with_events(world.township_a, ("application_received", d("2024-02-01")), known_on=d("2023-12-31"))
    application = deadline_of(case, DeadlineKind.APPLICATION)
    assert application.due == d("2024-02-29")
    assert application.rule == "申请期限：自知道或者应当知道该行政行为之日起60日（《行政复议法》第二十条）"


def test_working_days_count_the_leap_day():
    assert calendar.add_working_days(d("2024-02-26"), 5) == d("2024-03-04")
    assert calendar.period_end(d("2024-02-29"), 60, working_days=False) == d("2024-04-29")


def test_the_package_only_estimates_years_after_its_last_published_notice():
    assert LAST_PUBLISHED_YEAR == 2026


@pytest.mark.django_db
def test_an_estimated_year_takes_the_override_tables_days(world, django_capture_on_commit_callbacks):
    # Suppose the 2027 notice gives 10-1..10-7 off and has Sunday 9-26 worked; the package
    # only estimates 10-1..10-5 off and knows nothing of 9-26.
    case = case_with_events(
        world.township_a,
        ("application_received", d("2027-09-13")),
        ("accepted", d("2027-09-14")),
        ("copy_received", d("2027-09-24")),
        procedure="simplified",
    )
    assert case.reply_due == d("2027-10-06")
    # The open cases are recomputed by a task once the calendar change is committed.
    with django_capture_on_commit_callbacks(execute=True):
        CalendarDay.objects.create(date=d("2027-09-26"), is_working_day=True, note="调休上班")
        for day in (6, 7):
            CalendarDay.objects.create(date=datetime.date(2027, 10, day), is_working_day=False, note="国庆节")
    case.refresh_from_db()
    assert case.reply_due == d("2027-09-30")  # 9-26, 9-27, 9-28, 9-29, 9-30
    with django_capture_on_commit_callbacks(execute=True):
        CalendarDay.objects.filter(date=d("2027-09-26")).delete()
    case.refresh_from_db()
    assert case.reply_due == d("2027-10-08")  # 9-27..9-30, then 10-8


def test_the_next_deadline_is_the_earliest_unmet_one_the_respondent_or_organ_keeps():
    from enforcement.agencies.calendar import Deadline

    deadlines = [
        Deadline("application", "a", d("2024-01-01"), "", "", watched=False),
        Deadline("reply", "r", d("2024-03-01"), "", "", met_on=d("2024-02-20")),
        Deadline("decision", "d", d("2024-04-01"), "", ""),
    ]
    assert next_deadline(deadlines).kind == "decision"
