"""Roster workbooks built in memory for the roster tests."""

import io

from openpyxl import Workbook

from enforcement.officers.roster import REQUIRED_COLUMNS
from tests.factories import make_id_number

HEADERS = list(REQUIRED_COLUMNS)


def roster_row(serial: int, agency_name: str, **overrides) -> list:
    values = {
        "姓名": f"干部{serial}",
        "身份证号": make_id_number(serial),
        "单位": agency_name,
        "职务": "执法队员",
        "执法证号": f"ZF{serial:08d}",
        "发证机关": "示例县人民政府",
        "发证日期": "2024-01-01",
        "有效期至": "2028-12-31",
    } | overrides
    return [values[header] for header in HEADERS]


def workbook_bytes(rows: list[list], headers: list[str] = HEADERS) -> io.BytesIO:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer
