"""The Excel entry of exam results: what the columns are and what one row becomes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from enforcement.agencies.spreadsheets import Column, as_decimal, as_flag
from enforcement.agencies.validators import normalise_id_number
from enforcement.officers.models.officer import Officer
from training.exams.models import Exam, ExamResult

EXAM_RESULT_COLUMNS = [
    Column("姓名", "name", required=True),
    Column("身份证号", "id_number", required=True),
    Column("成绩", "score"),
    Column("缺考", "absent"),
]


def exam_result_row(*, exam: Exam, user) -> Callable[[dict[str, Any]], ExamResult]:
    """A validator of one results row for `exam`: the officer's (first-sitting) result, not yet saved.

    Officers are looked up among those the importing user may see; a result
    already entered for the officer is replaced by the sheet's.
    """
    seen: set[str] = set()
    officers = Officer.objects.visible_to(user).select_related("agency")

    def validate(values: dict[str, Any]) -> ExamResult:
        id_number = normalise_id_number(str(values["id_number"]))
        if id_number in seen:
            raise ValidationError(_("身份证号: %(id)s appears twice in the file.") % {"id": id_number})
        seen.add(id_number)
        officer = officers.filter(id_number=id_number).first()
        if officer is None:
            raise ValidationError(_("身份证号: no officer with this number in your agencies."))
        if officer.name != values["name"]:
            raise ValidationError(
                _("姓名: the officer with this ID number is %(name)s, not %(given)s.")
                % {"name": officer.name, "given": values["name"]}
            )
        absent = bool(as_flag(values.get("absent"), "缺考"))
        score = values.get("score")
        result = ExamResult.objects.filter(exam=exam, officer=officer, makeup_of=None).first() or ExamResult(
            exam=exam, officer=officer
        )
        result.absent = absent
        result.score = None if score in (None, "") else as_decimal(score, "成绩")
        result.full_clean()
        return result

    return validate


def save_exam_result(result: ExamResult) -> None:
    result.save()
