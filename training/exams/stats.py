"""Yearly exam figures: the roll, who sat, passed and excelled, each person counted once."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from enforcement.agencies.scope import Scope, ScopeShape
from enforcement.agencies.yearly import as_of
from enforcement.officers.models.officer import Officer
from lawgov.prepared import PreparedQuery
from lawgov.rates import rate
from lawgov.tallies import prepared_counts, prepared_tally, tally_rows
from training.exams.models import Exam, ExamResult, excellent_q, passed_q, sat_q
from training.exams.roll import on_the_roll_of


def _results(scope: ScopeShape, *, day: datetime.date, first_day: datetime.date) -> QuerySet:
    # Results and the roll count where the officer works, whoever held the exam
    # (a township's staff sitting the county's exam count for the township).
    # Counted per officer, so that each person counts once.
    results = scope.rows(ExamResult).filter(exam__date__gte=first_day, exam__date__lte=day)
    return tally_rows(results, {"sat": sat_q(), "passed": passed_q(), "excellent": excellent_q()}, per="officer")


def _exams(scope: ScopeShape, *, day: datetime.date, first_day: datetime.date) -> QuerySet:
    return tally_rows(scope.rows(Exam).filter(date__gte=first_day, date__lte=day))


def _roll(scope: ScopeShape, *, day: datetime.date, first_day: datetime.date) -> QuerySet:
    exams_of_the_year = Exam.objects.filter(date__gte=first_day, date__lte=day)
    return tally_rows(scope.rows(Officer).filter(on_the_roll_of(exams_of_the_year)))


# Built and compiled once per scope (lawgov/prepared.py): building them costs more than running them.
_RESULTS = PreparedQuery(_results)
_EXAMS = PreparedQuery(_exams)
_ROLL = PreparedQuery(_roll)


def exam_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Exams held in the year up to its as-of date and how the staff did, each person counted once.

    `roll` (应考人数) counts the people on the roll of any of these exams
    (training/exams/roll.py); `required` is the same number under its older
    name. An officer who failed and passed the make-up counts once as passed.
    """
    days = {"day": as_of(year, today), "first_day": datetime.date(year, 1, 1)}
    # Planned each time: its generic plan, not knowing the days, starts from
    # the exams and reads every result of the county's staff, so a township's
    # figures grew with its county (in a county of 100 townships: 7.2 ms by
    # the generic plan, 1.0 ms planned; a county of 1,000: 47 ms against
    # 23 ms). Planning costs a township of a county of 10 about 1 ms.
    results = prepared_tally(_RESULTS, scope.shape, plan_each_time=True, **days)
    totals = {
        "participants": results.count(sat=True),
        "passed": results.count(passed=True),
        "excellent": results.count(excellent=True),
    }
    # Planned each time: the roll's generic plan, not knowing the days, paired
    # every officer with every exam (122 ms for a county of 100 townships, 7 ms
    # planned for the values).
    counted = prepared_counts(scope.shape, plan_each_time=True, exams=(_EXAMS, days), roll=(_ROLL, days))
    on_roll = counted["roll"]
    return {
        "exams": counted["exams"],
        "roll": on_roll,
        "required": on_roll,
        "participants": totals["participants"],
        "passed": totals["passed"],
        "excellent": totals["excellent"],
        "pass_rate": rate(totals["passed"], totals["participants"]),
        "participation_rate": rate(totals["participants"], on_roll),
        "excellence_rate": rate(totals["excellent"], totals["participants"]),
    }
