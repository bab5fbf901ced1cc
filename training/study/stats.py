from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import models
from django.db.models import DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from enforcement.agencies.scope import Scope, ScopeShape
from enforcement.agencies.yearly import as_of
from enforcement.officers.models.officer import Officer, in_service_q
from lawgov.prepared import PreparedQuery
from lawgov.rates import exact, half_up
from lawgov.tallies import prepared_tally, tally_rows
from training.study.models import Attendance, SessionKind, StudyPlan, TrainingSession, required_hours_under

HOURS = DecimalField(max_digits=9, decimal_places=1)


def hours_credited_in(year: int):
    """Per officer: the hours credited to them in `year`, 0 when none.

    A join with GROUP BY rather than a subquery per officer: one pass over
    the year's attendance whatever the number of officers.
    """
    return Coalesce(
        Sum("attendances__hours_credited", filter=Q(attendances__session__date__year=year)),
        Value(Decimal(0)),
        output_field=HOURS,
    )


def _number(value) -> float:
    return float(value or 0)


def _average(total, count: int) -> float | None:
    """Hours per officer, rounded half up once to one decimal (the unit people read)."""
    fraction = exact(total, count)
    return None if fraction is None else float(half_up(fraction))


def _sessions(scope: ScopeShape, *, day: datetime.date, first_day: datetime.date) -> QuerySet:
    held = scope.rows(TrainingSession).filter(date__gte=first_day, date__lte=day)
    return tally_rows(held, {"group_study": Q(kind=SessionKind.GROUP_STUDY)}, sums=["hours"])


def _about_the_requirement(day: datetime.date, prefix: str = "") -> Q:
    """The officers the requirement is about: in service on `day` and enforcing (through `prefix`)."""
    return in_service_q(day, prefix) & Q(**{f"{prefix}is_enforcement_officer": True})


def _people(scope: ScopeShape, *, day: datetime.date) -> QuerySet:
    return tally_rows(scope.rows(Officer).filter(_about_the_requirement(day)))


def _attendance(shape: tuple, *, day: datetime.date, first_day: datetime.date) -> QuerySet:
    # One row for each officer attending in the year, with the hours credited
    # to them: who attended and who met the requirement in one grouped pass
    # over the year's attendance. (A sum looked up for each officer took 77 ms
    # for a county of 100 townships against 12; a second pass for the
    # requirement, 60 ms at 1,000.) Officers without attendance have no row:
    # none of them meets a requirement above zero, and they add no hours.
    scope, required = shape
    about = models.ExpressionWrapper(_about_the_requirement(day, "officer__"), output_field=models.BooleanField())
    per_officer = (
        scope.rows(Attendance)
        .filter(session__date__gte=first_day, session__date__lte=day)
        .values("officer", "officer__is_leader", about_the_requirement=about)
        .annotate(credited=Sum("hours_credited"))
    )
    return tally_rows(
        per_officer,
        {"meeting": Q(credited__gte=required)},
        fields=["officer__is_leader", "about_the_requirement"],
        sums=["credited"],
    )


# Built and compiled once per scope (lawgov/prepared.py): building them costs more than running them.
_SESSIONS = PreparedQuery(_sessions)
_PEOPLE = PreparedQuery(_people)
_ATTENDANCE = PreparedQuery(_attendance)


def training_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Sessions held, hours, who attended and who met the yearly requirement.

    Sessions count where they were held; attendance and hours count where the
    officer works, so a township's officers keep the hours earned at county
    sessions. The requirement is checked for in-service enforcement officers,
    the ones the 60-hour rule is about. The study plan binding the agency
    (its own or the nearest above) gives the required hours and the
    group-study sessions planned, compared with the group-study sessions held.
    """
    day = as_of(year, today)
    days = {"day": day, "first_day": datetime.date(year, 1, 1)}
    sessions = prepared_tally(_SESSIONS, scope.shape, **days)
    plan = StudyPlan.binding(scope.agency, year)
    required = required_hours_under(plan)
    total = prepared_tally(_PEOPLE, scope.shape, day=day).count()
    # Planned each time: its generic plan took the figures from 2 and 4 ms to
    # 7 and 18 ms on the demo's township (the subtree and the days unknown to it).
    attendance = prepared_tally(_ATTENDANCE, (scope.shape, required), plan_each_time=True, **days)
    officers = {
        "total": total,
        # Nobody's hours are below a requirement of none, attendance or not.
        "meeting": total if required <= 0 else attendance.count(about_the_requirement=True, meeting=True),
        "hours": attendance.sum("credited", about_the_requirement=True),
    }
    session_totals = {
        "sessions": sessions.count(),
        "hours": sessions.sum("hours"),
        "leader_study_sessions": sessions.count(group_study=True),
    }
    attendance_totals = {
        "attendances": attendance.count(),
        "leaders_attending": attendance.count(officer__is_leader=True),
    }
    return {
        "sessions": session_totals["sessions"],
        "hours": _number(session_totals["hours"]),
        "attendances": attendance_totals["attendances"],
        "required_hours": required,
        "officers_meeting_requirement": officers["meeting"],
        "officers_below_requirement": officers["total"] - officers["meeting"],
        "average_hours_per_officer": _average(officers["hours"], officers["total"]),
        "leader_study_sessions": session_totals["leader_study_sessions"],
        "leaders_attending": attendance_totals["leaders_attending"],
        # None: no study plan binds the agency this year (the report then asks for one).
        "group_study_planned": plan.group_study_sessions if plan is not None else None,
        "group_study_held": session_totals["leader_study_sessions"],
    }
