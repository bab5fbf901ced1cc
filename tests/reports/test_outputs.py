import datetime
import io

import docx
import openpyxl

from reports.annual.docx import build_docx
from reports.annual.narrative import build_document
from reports.annual.xlsx import build_xlsx
from reports.statistics.labels import area_titles
from reports.statistics.problems import find_problems
from tests.reports.fixtures import township_stats


def stats_with_problems() -> dict:
    stats = township_stats()
    stats["problems"] = find_problems(stats)
    return stats


def word_file():
    stats = stats_with_problems()
    content = build_docx(build_document(stats, dated=datetime.date(2022, 2, 20)), stats)
    return docx.Document(io.BytesIO(content))


def workbook():
    return openpyxl.load_workbook(io.BytesIO(build_xlsx(stats_with_problems())))


def test_the_word_document_has_the_title_and_the_official_headings():
    word = word_file()
    titles = [p.text for p in word.paragraphs if p.style.name == "Report Title"]
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert titles == ["南鲁山镇人民政府关于2021年度法治政府建设工作情况的报告"]
    assert headings[0] == "一、主要做法和成效"
    assert "二、存在问题及下一步工作计划" in headings


def test_the_word_document_contains_the_figures():
    text = "\n".join(p.text for p in word_file().paragraphs)
    assert "考试成绩合格率100%" in text
    assert "持证率91.7%" in text


def test_the_word_document_ends_with_the_agency_and_the_date():
    closing = [p.text for p in word_file().paragraphs][-2:]
    assert closing == ["南鲁山镇人民政府", "2022年2月20日"]


def test_the_workbook_has_one_sheet_per_area_and_one_of_problems():
    assert workbook().sheetnames == [
        "执法人员",
        "学法培训",
        "学法考试",
        "法治宣传",
        "行政复议",
        "行政处罚案件",
        "依法行政台账",
        "存在问题",
    ]
    assert workbook().sheetnames[:-1] == list(area_titles().values())


def test_every_area_sheet_has_a_native_chart():
    book = workbook()
    for title in area_titles().values():
        assert book[title]._charts, title


def test_the_sheets_hold_the_figures():
    book = workbook()

    def values(sheet) -> dict:
        return {row[0]: row[1] for row in book[sheet].iter_rows(min_row=4, max_col=2, values_only=True) if row[0]}

    assert values("执法人员")["在职干部职工（人）"] == 86
    assert values("学法考试")["合格率"] == 1.0
    assert values("学法考试")["参考率"] == 84 / 86
    assert book["学法考试"]["B10"].number_format == "0.0%"
    assert values("法治宣传")["国家宪法日"] == 3
    assert values("法治宣传")["无主题日"] == 5
    assert (values("法治宣传")["法治宣传栏"], values("法治宣传")["法治广场"]) == (2, 1)
    assert values("行政复议")["纠错（件）"] == 2


def test_the_problem_sheet_lists_each_problem_with_its_measure():
    sheet = workbook()["存在问题"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    problems = find_problems(township_stats())
    assert [row[:2] for row in rows] == [(n, p["text"]) for n, p in enumerate(problems, 1)]
    assert all(row[3] for row in rows)


def test_the_problem_sheet_shows_no_rule_code():
    sheet = workbook()["存在问题"]
    text = " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None)
    assert not any(p["code"] in text for p in find_problems(township_stats()))


def test_outputs_are_built_when_areas_have_no_records():
    stats = township_stats(exams__exams=0, exams__participants=0, exams__pass_rate=None)
    stats["publicity"].update(by_theme={}, by_format={}, activities=0)
    stats["problems"] = []
    assert build_xlsx(stats)
    assert build_docx(build_document(stats, dated=datetime.date(2022, 1, 5)), stats)
