"""The case list as a workbook: what the changelist shows, one case a row."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from enforcement.agencies.wording import days_left_text
from enforcement.reconsideration.models import ReconsiderationCase

COLUMNS = ["案号", "复议机关", "申请人", "被申请行为", "收到申请日期", "状态", "结果", "下一期限", "剩余时间"]


def case_rows(cases: Iterable[ReconsiderationCase]) -> Iterable[list]:
    today = timezone.localdate()
    for case in cases:
        due = case.next_deadline_on
        yield [
            case.organ_case_number,
            case.organ_name,
            "、".join(applicant.name for applicant in case.applicants.all()),
            case.act_title,
            case.received_on,
            case.get_status_display(),
            case.get_outcome_display() if case.outcome else "",
            f"{case.get_next_deadline_kind_display()} {due:%Y-%m-%d}" if due else "",
            days_left_text(due, today) if due else "",
        ]


def export_cases(cases: Iterable[ReconsiderationCase]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "行政复议案件"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in case_rows(cases):
        sheet.append(row)
    for column, width in zip("ABCDEFGHI", (18, 20, 20, 30, 14, 10, 10, 22, 14), strict=True):
        sheet.column_dimensions[column].width = width
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
