from __future__ import annotations

import datetime

from django.db.models import Count, F, Q

from enforcement.agencies.scope import Scope
from enforcement.agencies.yearly import as_of
from lawgov.rates import rate
from training.exams.models import Exam, ExamResult

SAT = Q(absent=False)
PASSED = SAT & Q(score__gte=F("exam__pass_mark"))
EXCELLENT = SAT & Q(score__gte=F("exam__excellence_mark"))


def exam_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Exams held and how the staff did, each person counted once.

    `required` is the roll: every officer with a first sitting in the year's
    exams, absent or not (the roll lists all staff expected to sit). An
    officer who failed and passed the make-up counts once as passed.
    """
    day = as_of(year, today)
    exams = scope.rows(Exam).filter(date__year=year, date__lte=day).count()
    results = scope.rows(ExamResult).filter(exam__date__year=year, exam__date__lte=day)
    totals = results.aggregate(
        required=Count("officer", distinct=True, filter=Q(makeup_of__isnull=True)),
        participants=Count("officer", distinct=True, filter=SAT),
        passed=Count("officer", distinct=True, filter=PASSED),
        excellent=Count("officer", distinct=True, filter=EXCELLENT),
    )
    return {
        "exams": exams,
        "participants": totals["participants"],
        "passed": totals["passed"],
        "pass_rate": rate(totals["passed"], totals["participants"]),
        "participation_rate": rate(totals["participants"], totals["required"]),
        "excellence_rate": rate(totals["excellent"], totals["participants"]),
        "required": totals["required"],
    }
