from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from enforcement.agencies.scope import Scope, ScopeShape
from enforcement.agencies.yearly import as_of
from enforcement.officers.models.officer import Officer
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


def _attendance(scope: ScopeShape, *, day: datetime.date, first_day: datetime.date) -> QuerySet:
    # Counted per officer: the officers attending, each once.
    attended = scope.rows(Attendance).filter(session__date__gte=first_day, session__date__lte=day)
    return tally_rows(attended, fields=["officer__is_leader"], per="officer")


def _enforcement_officers(scope: ScopeShape, *, day: datetime.date) -> QuerySet:
    """The officers the requirement is about: in service on `day` and enforcing."""
    return scope.rows(Officer).in_service_on(day).enforcement_officers()


def _people(scope: ScopeShape, *, day: datetime.date) -> QuerySet:
    return tally_rows(_enforcement_officers(scope, day=day))


def _credited(shape: tuple, *, day: datetime.date, first_day: datetime.date) -> QuerySet:
    # Grouped by officer: the year's attendance of the officers the requirement
    # is about, summed per officer in one pass (hashed) rather than a sum looked
    # up for each officer, which took 77 ms for a county of 100 townships
    # against 12. Officers without attendance have no group: none of them meets
    # a requirement above zero, and they add no hours.
    scope, required = shape
    credited = (
        Attendance.objects.filter(
            session__date__gte=first_day,
            session__date__lte=day,
            officer__in=_enforcement_officers(scope, day=day),
        )
        .values("officer")
        .annotate(credited=Sum("hours_credited"))
    )
    return tally_rows(credited, {"meeting": Q(credited__gte=required)}, sums=["credited"])


# Built and compiled once per scope (lawgov/prepared.py): building them costs more than running them.
_SESSIONS = PreparedQuery(_sessions)
_ATTENDANCE = PreparedQuery(_attendance)
_PEOPLE = PreparedQuery(_people)
_CREDITED = PreparedQuery(_credited)


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
    # Planned each time: their generic plans took the figures from 2 and 4 ms
    # to 7 and 18 ms on the demo's township (the subtree and the days unknown to them).
    attendance = prepared_tally(_ATTENDANCE, scope.shape, plan_each_time=True, **days)
    plan = StudyPlan.binding(scope.agency, year)
    required = required_hours_under(plan)
    total = prepared_tally(_PEOPLE, scope.shape, day=day).count()
    credited = prepared_tally(_CREDITED, (scope.shape, required), plan_each_time=True, **days)
    officers = {
        "total": total,
        # Nobody's hours are below a requirement of none, attendance or not.
        "meeting": total if required <= 0 else credited.count(meeting=True),
        "hours": credited.sum("credited"),
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
