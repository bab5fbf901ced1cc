"""An officer's training record for one year: hours credited against the plan, exams."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from enforcement.officers.models.officer import Officer
from training.exams.models import ExamResult
from training.study.models import Attendance, StudyPlan


@dataclass(frozen=True)
class TrainingRecord:
    officer: Officer
    year: int
    required_hours: int
    hours_credited: Decimal
    attendances: list[Attendance]
    exam_results: list[ExamResult]

    @property
    def meets_requirement(self) -> bool:
        return self.hours_credited >= self.required_hours

    @property
    def hours_missing(self) -> Decimal:
        return max(Decimal(self.required_hours) - self.hours_credited, Decimal(0))

    @property
    def exams_sat(self) -> int:
        return len({result.exam_id for result in self.exam_results if not result.absent})

    @property
    def exams_passed(self) -> int:
        # A failed first sitting and a passed make-up are one exam passed.
        return len(
            {
                result.makeup_of.exam_id if result.makeup_of else result.exam_id
                for result in self.exam_results
                if result.passed
            }
        )


def training_record(officer: Officer, year: int) -> TrainingRecord:
    attendances = list(
        Attendance.objects.filter(officer=officer, session__date__year=year)
        .select_related("session")
        .order_by("session__date")
    )
    return TrainingRecord(
        officer=officer,
        year=year,
        required_hours=StudyPlan.required_hours_for(officer.agency, year),
        hours_credited=sum((row.hours_credited for row in attendances), Decimal(0)),
        attendances=attendances,
        exam_results=list(
            ExamResult.objects.filter(officer=officer, exam__date__year=year)
            .select_related("exam", "makeup_of")
            .order_by("exam__date", "id")
        ),
    )
