import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from enforcement.agencies.spreadsheets import import_sheet
from tests.factories import ExamFactory, ExamResultFactory, OfficerFactory, PublicityFormatFactory, ThemeDayFactory
from training.exams.imports import EXAM_RESULT_COLUMNS, exam_result_row, save_exam_result
from training.exams.models import ExamResult
from training.publicity.imports import ACTIVITY_COLUMNS, activity_row, save_activity
from training.publicity.models import PublicityActivity

pytestmark = pytest.mark.usefixtures("english")


def workbook(*rows) -> io.BytesIO:
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def import_results(world, exam, file, *, commit):
    return import_sheet(
        file,
        columns=EXAM_RESULT_COLUMNS,
        validate=exam_result_row(exam=exam, user=world.team_lead_a),
        save=save_exam_result,
        commit=commit,
    )


def test_every_bad_result_row_is_reported_with_its_number_and_nothing_is_written(world):
    exam = ExamFactory(agency=world.township_a)
    good = OfficerFactory(agency=world.township_a, name="张三")
    other = OfficerFactory(agency=world.township_b, name="李四")
    file = workbook(
        ["姓名", "身份证号", "成绩", "缺考"],
        ["张三", good.id_number, 88, ""],
        ["李四", other.id_number, 70, ""],
        ["张三", good.id_number, 90, ""],
        ["王五", "110101199003070000", 60, ""],
        [None, None, None, None],
        ["张三丰", OfficerFactory(agency=world.team_a).id_number, 120, ""],
        ["", "", 50, ""],
    )
    outcome = import_results(world, exam, file, commit=True)
    assert [(error.row, error.message.split(":")[0]) for error in outcome.errors] == [
        (3, "身份证号"),
        (4, "身份证号"),
        (5, "身份证号"),
        (7, "姓名"),
        (8, "Empty"),
    ]
    assert outcome.written == 0
    assert not ExamResult.objects.exists()


def test_a_score_above_the_maximum_in_a_sheet_is_a_row_error_naming_the_score(world):
    exam = ExamFactory(agency=world.township_a)
    officer = OfficerFactory(agency=world.township_a, name="张三")
    outcome = import_results(
        world, exam, workbook(["姓名", "身份证号", "成绩"], ["张三", officer.id_number, 101]), commit=True
    )
    assert [(error.row, error.message.split(":")[0]) for error in outcome.errors] == [(2, "score")]


def test_a_clean_file_is_only_checked_until_the_user_confirms(world):
    exam = ExamFactory(agency=world.township_a)
    present, absent = OfficerFactory(agency=world.township_a), OfficerFactory(agency=world.team_a)
    ExamResultFactory(exam=exam, officer=present, score=Decimal(10))
    rows = (
        ["姓名", "身份证号", "成绩", "缺考"],
        [present.name, present.id_number.lower(), 92.5, "否"],
        [absent.name, absent.id_number, None, "是"],
    )
    checked = import_results(world, exam, workbook(*rows), commit=False)
    assert checked.is_clean and len(checked.rows) == 2 and checked.written == 0
    assert ExamResult.objects.count() == 1
    written = import_results(world, exam, workbook(*rows), commit=True)
    assert written.written == 2
    assert dict(ExamResult.objects.values_list("officer__name", "score")) == {
        present.name: Decimal("92.5"),
        absent.name: None,
    }


def test_a_sheet_without_the_required_headers_is_refused(world):
    outcome = import_results(world, ExamFactory(agency=world.township_a), workbook(["名字", "分数"]), commit=True)
    assert [(error.row, "身份证号" in error.message) for error in outcome.errors] == [(1, True)]


def test_a_file_that_is_not_a_workbook_is_refused(world):
    outcome = import_results(world, ExamFactory(agency=world.township_a), io.BytesIO(b"name,score"), commit=True)
    assert outcome.errors[0].row == 0 and ".xlsx" in outcome.errors[0].message


def import_activities(world, file, *, commit):
    return import_sheet(
        file,
        columns=ACTIVITY_COLUMNS,
        validate=activity_row(agency=world.township_a),
        save=save_activity,
        commit=commit,
    )


ACTIVITY_HEADERS = ["活动名称", "开始日期", "结束日期", "主题", "形式", "对象", "参与人数", "发放资料"]


def test_an_activity_log_is_imported_with_its_theme_formats_and_audiences(world):
    ThemeDayFactory(name="国家宪法日")
    PublicityFormatFactory(name="悬挂横幅")
    PublicityFormatFactory(name="法律咨询", is_interactive=True)
    file = workbook(
        ACTIVITY_HEADERS,
        ["宪法日集中宣传", "2024-12-04", None, "国家宪法日", "悬挂横幅、法律咨询", "村(居)民", 150, 400],
        ["禁毒宣传进校园", "2024/06/26", "2024/06/26", "", "悬挂横幅", "青少年学生", 80, ""],
    )
    outcome = import_activities(world, file, commit=True)
    assert outcome.errors == [] and outcome.written == 2
    first = PublicityActivity.objects.get(title="宪法日集中宣传")
    assert first.end_date == first.start_date and first.theme.name == "国家宪法日"
    assert first.is_interactive and first.participants == 150
    assert [a.name for a in PublicityActivity.objects.get(title="禁毒宣传进校园").audiences.all()] == ["青少年学生"]


def test_bad_activity_rows_are_each_reported_and_none_written(world):
    PublicityFormatFactory(name="悬挂横幅")
    file = workbook(
        ACTIVITY_HEADERS,
        ["好的一行", "2024-05-01", "2024-05-31", "", "悬挂横幅", "", 10, 10],
        ["倒序日期", "2024-05-10", "2024-05-01", "", "悬挂横幅", "", 10, 10],
        ["负数人数", "2024-05-10", "", "", "悬挂横幅", "", -5, 10],
        ["未知形式", "2024-05-10", "", "不存在的主题", "飞艇", "", 10, 10],
        ["坏日期", "五月十日", "", "", "悬挂横幅", "", 10, 10],
    )
    outcome = import_activities(world, file, commit=True)
    assert [(error.row, error.message.split(":")[0]) for error in outcome.errors] == [
        (3, "end_date"),
        (4, "participants"),
        (5, "主题"),
        (6, "开始日期"),
    ]
    assert not PublicityActivity.objects.exists()
