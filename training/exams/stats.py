"""Yearly exam figures: the roll, who sat, passed and excelled, each person counted once."""

from __future__ import annotations

import datetime

from django.db.models import Count

from enforcement.agencies.scope import Scope
from enforcement.agencies.yearly import as_of
from enforcement.officers.models.officer import Officer
from lawgov.rates import rate
from lawgov.tallies import counts
from training.exams.models import Exam, ExamResult, excellent_q, passed_q, sat_q
from training.exams.roll import on_the_roll_of


def exam_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Exams held in the year up to its as-of date and how the staff did, each person counted once.

    `roll` (应考人数) counts the people on the roll of any of these exams
    (training/exams/roll.py); `required` is the same number under its older
    name. An officer who failed and passed the make-up counts once as passed.
    """
    day = as_of(year, today)
    # Results and the roll count where the officer works, whoever held the exam
    # (a township's staff sitting the county's exam count for the township).
    results = scope.rows(ExamResult).filter(exam__date__year=year, exam__date__lte=day)
    totals = results.aggregate(
        participants=Count("officer", distinct=True, filter=sat_q()),
        passed=Count("officer", distinct=True, filter=passed_q()),
        excellent=Count("officer", distinct=True, filter=excellent_q()),
    )
    exams_of_the_year = Exam.objects.filter(date__year=year, date__lte=day)
    counted = counts(
        exams=scope.rows(Exam).filter(date__year=year, date__lte=day),
        roll=scope.rows(Officer).filter(on_the_roll_of(exams_of_the_year)),
    )
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
