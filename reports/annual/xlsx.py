"""The Excel annex of the yearly report: one sheet per area with its figures and native charts."""

from __future__ import annotations

import io

from django.conf import settings
from django.utils import translation
from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from enforcement.agencies.text import printable
from enforcement.agencies.workbooks import write_cell
from lawgov import rates
from reports.annual.charts import Chart, charts
from reports.statistics.figures import AREAS, BY_KEY, Unit
from reports.statistics.labels import figure_rows

HEADER_FONT = Font(name="黑体", bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
TITLE_FONT = Font(name="黑体", bold=True, size=14)
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CHART_COLUMN = "E"


def write_header(sheet: Worksheet, row: int, *headings: str) -> None:
    for column, heading in enumerate(headings, 1):
        cell = write_cell(sheet, row, column, heading)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center")


def write_row(sheet: Worksheet, row: int, label: str, value, *, rate: bool = False) -> None:
    write_cell(sheet, row, 1, label).border = BORDER
    cell = write_cell(sheet, row, 2, value)
    cell.border = BORDER
    if rate:
        cell.number_format = "0.0%"


def add_chart(sheet: Worksheet, chart: Chart, first_row: int, anchor_row: int) -> int:
    """Write the chart's points from `first_row` and draw it; returns the next free row."""
    write_header(sheet, first_row, chart.title, "数量")
    for offset, (label, value) in enumerate(chart.points, 1):
        write_row(sheet, first_row + offset, label, value)
    last_row = first_row + len(chart.points)
    drawing = PieChart() if chart.kind == "pie" else BarChart()
    drawing.title = printable(chart.title)
    if chart.kind == "bar":
        drawing.type = "col"
        drawing.legend = None
        drawing.y_axis.title = "数量"
    data = Reference(sheet, min_col=2, min_row=first_row, max_row=max(last_row, first_row + 1))
    categories = Reference(sheet, min_col=1, min_row=first_row + 1, max_row=max(last_row, first_row + 1))
    drawing.add_data(data, titles_from_data=True)
    drawing.set_categories(categories)
    drawing.width, drawing.height = 16, 8
    sheet.add_chart(drawing, f"{CHART_COLUMN}{anchor_row}")
    return last_row + 2


def area_sheet(workbook: Workbook, stats: dict, area: str) -> None:
    title = str(BY_KEY[area].label)
    sheet = workbook.create_sheet(title)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 14
    write_cell(sheet, 1, 1, f"{stats['agency']['name']} {stats['year']}年 {title}").font = TITLE_FONT
    write_header(sheet, 3, "指标", "数值")
    row = 4
    for key, label, value in figure_rows(stats, area):
        figure = BY_KEY[area].figure(key)
        if figure.unit == Unit.RATE:
            # The exact fraction: the cell shows it rounded once, from its parts.
            exact = rates.exact(*figure.parts(stats.get(area) or {}))
            value = None if exact is None else exact.numerator / exact.denominator
        write_row(sheet, row, label, value, rate=figure.unit == Unit.RATE)
        row += 1
    # Each chart's figures stand below the table (breakdowns such as publicity
    # by theme only there); the chart itself sits to the right.
    row += 1
    anchor = 3
    for chart in charts(stats, area):
        row = add_chart(sheet, chart, row, anchor)
        anchor += 17


def problems_sheet(workbook: Workbook, stats: dict) -> None:
    sheet = workbook.create_sheet("存在问题")
    for column, width in zip("ABCD", (8, 60, 50, 60), strict=True):
        sheet.column_dimensions[column].width = width
    # Numbered, not keyed by the rule's code: the reader is Chinese (the API keeps the codes).
    write_header(sheet, 1, "序号", "问题", "原因", "下一步措施")
    for row, problem in enumerate(stats.get("problems") or [], 2):
        values = (row - 1, problem.get("text", ""), problem.get("cause", ""), problem.get("measure", ""))
        for column, value in enumerate(values, 1):
            cell = write_cell(sheet, row, column, value)
            cell.border = BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def build_xlsx(stats: dict) -> bytes:
    """The annex workbook of a statistics dictionary."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    # The annex is part of an official Chinese document, whoever asks for it.
    with translation.override(settings.LANGUAGE_CODE):
        for area in AREAS:
            if area.key in stats:
                area_sheet(workbook, stats, area.key)
        problems_sheet(workbook, stats)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
