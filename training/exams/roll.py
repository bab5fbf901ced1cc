"""The roll of an exam (应考人数): who was expected to sit it.

The roll of an exam is its agency's in-service staff on the exam date (the
agency and every agency below it), less the people exempted from it with a
reason (`ExamExemption`). Someone on the roll without a result, or with a
result marked absent, did not sit: the participation rate (参考率) is those
who sat over the roll, not over those who have a result.

In service on a day is the officers' one rule (`in_service_q`: employed_since
≤ day ≤ employed_until, with the employment status deciding when no end date
is recorded), here applied on each exam's own date.
"""

from __future__ import annotations

from django.db import models

from enforcement.agencies.querysets import PathLists, subtree_q
from enforcement.officers.models.officer import Officer, in_service_q
from training.exams.models import Exam, ExamExemption


def on_the_roll_of(exams: models.QuerySet) -> models.Exists:
    """For Officer rows: on the roll of at least one of `exams`."""
    exempted = ExamExemption.objects.filter(exam=models.OuterRef("pk"), officer=models.OuterRef(models.OuterRef("pk")))
    return models.Exists(
        exams.filter(
            # The officer works in the exam's agency or below it.
            PathLists(models.OuterRef("agency__path"), models.F("agency_id")),
            # The officer in service on the exam's date: the one in-service rule, on the officer's own columns.
            in_service_q(models.F("date"), outer=True),
        ).filter(~models.Exists(exempted))
    )


def roll(exam: Exam) -> models.QuerySet:
    """The officers on the roll of `exam`, whoever reads it."""
    officers = Officer.objects.filter(subtree_q(exam.agency.path, path_field="agency__path"))
    return officers.filter(on_the_roll_of(Exam.objects.filter(pk=exam.pk)))
