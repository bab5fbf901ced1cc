from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from enforcement.agencies.scope import Scope
from enforcement.agencies.yearly import as_of
from enforcement.officers.models.officer import Officer
from lawgov.rates import exact, half_up
from training.study.models import Attendance, SessionKind, StudyPlan, TrainingSession, default_required_hours

HOURS = DecimalField(max_digits=9, decimal_places=1)


def hours_credited_in(year: int, *, until: datetime.date | None = None):
    """Per officer: the hours credited to them in `year` (up to `until`), 0 when none.

    A join with GROUP BY rather than a subquery per officer: one pass over
    the year's attendance whatever the number of officers.
    """
    during = Q(attendances__session__date__year=year)
    if until is not None:
        during &= Q(attendances__session__date__lte=until)
    return Coalesce(
        Sum("attendances__hours_credited", filter=during),
        Value(Decimal(0)),
        output_field=HOURS,
    )


def _number(value) -> float:
    return float(value or 0)


def _average(total, count: int) -> float | None:
    """Hours per officer, rounded half up once to one decimal (the unit people read)."""
    fraction = exact(total, count)
    return None if fraction is None else float(half_up(fraction))


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
    sessions = scope.rows(TrainingSession).filter(date__year=year, date__lte=day)
    session_totals = sessions.aggregate(
        sessions=Count("id"),
        hours=Sum("hours"),
        leader_study_sessions=Count("id", filter=Q(kind=SessionKind.GROUP_STUDY)),
    )
    attended = scope.rows(Attendance).filter(session__date__year=year, session__date__lte=day)
    attendance_totals = attended.aggregate(
        attendances=Count("officer", distinct=True),
        leaders_attending=Count("officer", distinct=True, filter=Q(officer__is_leader=True)),
    )
    plan = StudyPlan.objects.binding(scope.agency, year)
    required = default_required_hours() if plan is None else plan.required_hours
    # The officers the requirement is about, and each one's hours of the year:
    # grouping only the year's attendance of those officers, rather than
    # joining every officer to every year's attendance, keeps the county-wide
    # figure to one pass over one year.
    people = scope.rows(Officer).in_service_on(day).enforcement_officers()
    hours_of_year = (
        Attendance.objects.filter(session__date__year=year, session__date__lte=day, officer__in=people.values("pk"))
        .order_by()
        .values("officer")
        .annotate(credited=Sum("hours_credited"))
        .aggregate(
            meeting=Count("officer", filter=Q(credited__gte=required)),
            hours=Sum("credited"),
        )
    )
    total = people.count()
    officers = {
        "total": total,
        # Nobody's hours are below a requirement of none, attendance or not.
        "meeting": total if required <= 0 else hours_of_year["meeting"],
        "hours": hours_of_year["hours"],
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
