"""Writes of a whole exam's results at once, in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from enforcement.officers.models.officer import Officer
from training.exams.models import Exam, ExamResult


@dataclass(frozen=True)
class ScoreEntry:
    """One officer's line on an exam's score sheet: a score, absent, or nothing entered yet."""

    officer: Officer
    score: Decimal | None
    absent: bool

    @property
    def is_blank(self) -> bool:
        return self.score is None and not self.absent


@transaction.atomic
def record_exam_results(*, exam: Exam, entries: Iterable[ScoreEntry]) -> int:
    """Enter or correct the first-sitting results of `exam`; answers how many rows were written.

    A blank line leaves the officer's result as it is (not yet marked). Every
    row is checked before any is written: one bad score refuses the lot, and the
    error names the officer. Make-up sittings are entered one by one.
    """
    existing = {result.officer_id: result for result in exam.results.filter(makeup_of=None)}
    rows: list[ExamResult] = []
    errors: dict[int, list[str]] = {}
    for entry in entries:
        if entry.is_blank:
            continue
        result = existing.get(entry.officer.pk) or ExamResult(exam=exam, officer=entry.officer)
        if result.pk and result.score == entry.score and result.absent == entry.absent:
            continue
        result.score, result.absent = entry.score, entry.absent
        try:
            result.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors[entry.officer.pk] = error.messages
        rows.append(result)
    if errors:
        raise ValidationError(errors)
    for row in rows:
        row.save()
    return len(rows)
