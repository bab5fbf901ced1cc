"""The one spreadsheet importer: bounds checked before parsing, one parser per kind of cell, stale uploads."""

import datetime
import io
import os
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from openpyxl import Workbook

from enforcement.agencies.spreadsheets import (
    UPLOADS,
    Column,
    Limits,
    SpreadsheetError,
    as_date,
    as_flag,
    as_text,
    delete_stale_uploads,
    read_rows,
)
from enforcement.officers.roster import read_roster
from tests.enforcement.roster_files import roster_row, workbook_bytes
from tests.factories import OfficerFactory

pytestmark = pytest.mark.usefixtures("english")

COLUMNS = [Column("姓名", "name", required=True)]
ROOMY = Limits(max_bytes=10**8, max_uncompressed_bytes=10**9, max_rows=1000, max_columns=20, max_seconds=60)


def sheet(rows, headers=("姓名",)) -> io.BytesIO:
    book = Workbook(write_only=True)
    page = book.create_sheet()
    page.append(list(headers))
    for row in rows:
        page.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def limits(**changes) -> Limits:
    return Limits(**{**ROOMY.__dict__, **changes})


@pytest.mark.parametrize("written", ["2024-01-31", "2024/1/31", "2024.01.31", "2024年1月31日", "20240131"])
def test_one_date_parser_reads_every_written_form_of_a_day(written):
    assert as_date(written, "发证日期") == datetime.date(2024, 1, 31)


def test_a_date_parser_refusal_names_the_column_and_the_value():
    with pytest.raises(ValidationError, match=r"发证日期.*31/31/2024"):
        as_date("31/31/2024", "发证日期")


@pytest.mark.parametrize(("word", "meaning"), [("是", True), ("缺考", True), ("√", True), ("否", False), ("0", False)])
def test_one_yes_no_parser_serves_every_import(word, meaning):
    assert as_flag(word, "领导干部") is meaning


def test_an_empty_yes_no_cell_says_nothing():
    assert as_flag(None, "领导干部") is None


def test_the_formula_guard_of_an_export_is_removed_on_import():
    assert as_text("'=SUM(A1)") == "=SUM(A1)"
    assert as_text("'张三") == "'张三"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    file = sheet([["张三"]])
    with pytest.raises(SpreadsheetError, match="at most"):
        list(read_rows(file, COLUMNS, limits=limits(max_bytes=1000)))


def test_a_workbook_that_unpacks_over_the_limit_is_refused_before_it_is_parsed():
    file = sheet([["张" * 200] for _ in range(200)])
    with pytest.raises(SpreadsheetError, match="unpacks"):
        list(read_rows(file, COLUMNS, limits=limits(max_uncompressed_bytes=20_000)))


def test_a_sheet_with_more_rows_than_allowed_is_refused():
    with pytest.raises(SpreadsheetError, match="more than 5 rows"):
        list(read_rows(sheet([[f"人{n}"] for n in range(6)]), COLUMNS, limits=limits(max_rows=5)))


def test_a_sheet_with_as_many_rows_as_allowed_is_read():
    assert len(list(read_rows(sheet([[f"人{n}"] for n in range(5)]), COLUMNS, limits=limits(max_rows=5)))) == 5


def test_a_sheet_wider_than_allowed_is_refused():
    file = sheet([], headers=[f"列{n}" for n in range(25)])
    with pytest.raises(SpreadsheetError, match="more than 20 columns"):
        list(read_rows(file, COLUMNS, limits=limits()))


def test_reading_is_time_boxed():
    with pytest.raises(SpreadsheetError, match="too long"):
        list(read_rows(sheet([["张三"], ["李四"]]), COLUMNS, limits=limits(max_seconds=0)))


def test_the_default_limits_admit_a_ten_thousand_row_roster(world):
    rows = [roster_row(serial, world.team_a.name) for serial in range(1, 10_001)]
    check = read_roster(workbook_bytes(rows), agencies=world.team_a.__class__.objects.all())
    assert len(check.rows) == 10_000


def test_a_roster_row_of_a_person_elsewhere_does_not_say_where_they_are(world):
    elsewhere = OfficerFactory(agency=world.township_b)
    file = workbook_bytes([roster_row(1, world.team_a.name, 身份证号=elsewhere.id_number)])
    check = read_roster(file, agencies=world.team_a.__class__.objects.filter(pk=world.team_a.pk))
    (error,) = check.errors
    assert "cannot be imported here" in error.message
    assert world.township_b.name not in error.message


@pytest.mark.django_db
def test_uploads_never_confirmed_are_deleted_after_a_day(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    old = default_storage.save(f"{UPLOADS}old.xlsx", ContentFile(b"x"))
    new = default_storage.save(f"{UPLOADS}new.xlsx", ContentFile(b"x"))
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(default_storage.path(old), (two_days_ago, two_days_ago))
    assert delete_stale_uploads() == 1
    assert not default_storage.exists(old)
    assert default_storage.exists(new)
