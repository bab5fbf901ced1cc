import io
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from enforcement.agencies.models import Agency
from enforcement.agencies.spreadsheets import SpreadsheetError
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer
from enforcement.officers.roster import (
    RosterRejected,
    export_roster,
    import_roster,
    officer_pairs,
    read_roster,
    roster_template,
)
from tests.enforcement.roster_files import HEADERS, roster_row, workbook_bytes
from tests.factories import CertificateFactory, OfficerFactory, make_id_number


def scope_of(world):
    return Agency.objects.visible_to(world.team_lead_a)


def test_a_good_roster_creates_officers_and_certificates(world):
    rows = [roster_row(1, world.township_a.name), roster_row(2, world.team_a.name, 执法证号="")]
    check = read_roster(workbook_bytes(rows), agencies=scope_of(world))
    assert check.is_clean, check.errors
    result = import_roster(check)
    assert (result.officers_created, result.certificates_created) == (2, 1)
    officer = Officer.objects.get(id_number=make_id_number(1))
    assert officer.agency == world.township_a
    assert officer.is_enforcement_officer
    assert officer.certificates.get().number == "ZF00000001"
    assert officer.history.count() == 1


def test_each_record_of_an_import_has_one_history_entry_naming_who_imported(world):
    check = read_roster(workbook_bytes([roster_row(1, world.township_a.name)]), agencies=scope_of(world))
    import_roster(check, user=world.hr_a)
    officer = Officer.objects.get(id_number=make_id_number(1))
    certificate = officer.certificates.get()
    entries = [*officer.history.all(), *certificate.history.all()]
    assert [(entry.history_type, entry.history_user) for entry in entries] == [("+", world.hr_a)] * 2
    assert (entries[0].name, entries[0].agency, entries[1].number) == (officer.name, world.township_a, "ZF00000001")


def test_a_roster_with_one_bad_row_writes_nothing_and_names_the_row(world):
    rows = [roster_row(n, world.township_a.name) for n in range(1, 6)]
    rows[2][HEADERS.index("身份证号")] = make_id_number(3)[:-1] + "0"
    check = read_roster(workbook_bytes(rows), agencies=scope_of(world))
    assert [error.row for error in check.errors] == [4]
    assert "身份证号" in check.errors[0].message
    with pytest.raises(RosterRejected):
        import_roster(check)
    assert Officer.objects.count() == 0
    assert Certificate.objects.count() == 0


def test_every_bad_row_is_reported_with_its_reason(world):
    rows = [
        roster_row(1, "不存在的单位"),
        roster_row(2, world.township_a.name, 有效期至="2023-01-01"),
        roster_row(3, world.township_a.name, 发证日期="明天"),
        roster_row(4, world.township_a.name, 姓名=""),
        roster_row(5, world.township_a.name, 执法证号="ZF00000001"),
        roster_row(6, world.township_b.name),
    ]
    check = read_roster(workbook_bytes(rows), agencies=scope_of(world))
    reasons = {error.row: error.message for error in check.errors}
    assert set(reasons) == {2, 3, 4, 5, 7}
    assert "不存在的单位" in reasons[2]
    assert "有效期至" in reasons[3]
    assert "明天" in reasons[4]
    assert "姓名" in reasons[5]
    assert "乙乡人民政府" in reasons[7]
    assert [row.row for row in check.rows] == [6]


def test_the_good_rows_are_imported_when_the_user_asks_for_it(world):
    rows = [roster_row(1, world.township_a.name), roster_row(2, "不存在的单位")]
    check = read_roster(workbook_bytes(rows), agencies=scope_of(world))
    result = import_roster(check, skip_bad_rows=True)
    assert (result.officers_created, result.rows_skipped) == (1, 1)


def test_a_person_of_another_township_is_not_taken_over(world):
    OfficerFactory(agency=world.township_b, id_number=make_id_number(1))
    check = read_roster(workbook_bytes([roster_row(1, world.township_a.name)]), agencies=scope_of(world))
    assert [error.row for error in check.errors] == [2]


def test_importing_the_same_roster_twice_updates_instead_of_duplicating(world):
    rows = [roster_row(1, world.township_a.name)]
    import_roster(read_roster(workbook_bytes(rows), agencies=scope_of(world)))
    rows[0][HEADERS.index("职务")] = "副队长"
    result = import_roster(read_roster(workbook_bytes(rows), agencies=scope_of(world)))
    assert (result.officers_created, result.officers_updated, result.certificates_updated) == (0, 1, 1)
    assert Officer.objects.get().position == "副队长"


def test_a_ten_thousand_row_roster_imports(world):
    rows = [roster_row(n, world.team_a.name) for n in range(10_000)]
    check = read_roster(workbook_bytes(rows), agencies=scope_of(world))
    assert check.is_clean, check.errors[:3]
    result = import_roster(check)
    assert result.officers_created == 10_000
    assert Certificate.objects.filter(officer__agency=world.team_a).count() == 10_000


def test_a_file_that_is_not_xlsx_gets_a_clear_error(world):
    with pytest.raises(SpreadsheetError, match="xlsx"):
        read_roster(io.BytesIO("姓名,身份证号\n张三,1\n".encode()), agencies=scope_of(world))


def test_a_corrupted_xlsx_gets_a_clear_error(world):
    damaged = io.BytesIO(workbook_bytes([roster_row(1, world.township_a.name)]).getvalue()[:300])
    with pytest.raises(SpreadsheetError, match="xlsx"):
        read_roster(damaged, agencies=scope_of(world))


def test_a_zip_that_is_not_a_workbook_gets_a_clear_error(world):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    buffer.seek(0)
    with pytest.raises(SpreadsheetError, match="xlsx"):
        read_roster(buffer, agencies=scope_of(world))


def test_missing_headers_are_named(world):
    headers = [header for header in HEADERS if header not in {"有效期至", "发证机关"}]
    with pytest.raises(SpreadsheetError) as error:
        read_roster(workbook_bytes([], headers=headers), agencies=scope_of(world))
    assert "发证机关" in str(error.value) and "有效期至" in str(error.value)


def test_the_template_has_every_column_header():
    sheet = load_workbook(io.BytesIO(roster_template())).active
    assert [cell.value for cell in sheet[1]][: len(HEADERS)] == HEADERS


def test_the_export_writes_formula_like_values_as_text_cells_without_an_escape(world):
    CertificateFactory(officer__agency=world.township_a, officer__name="=HYPERLINK(1)", number="+1", area="@SUM")
    OfficerFactory(agency=world.team_a, name="-2")
    content = export_roster(officer_pairs(Officer.objects.all()), full_id_numbers=True)
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    texts = {cell.value for cell in cells if cell.data_type == "s"}
    assert {"=HYPERLINK(1)", "+1", "@SUM", "-2"} <= texts
    assert [cell.value for cell in sheet[1]][: len(HEADERS)] == HEADERS


def test_the_command_imports_a_roster(world, tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(workbook_bytes([roster_row(1, world.team_a.name)]).getvalue())
    call_command("import_roster", str(path), "--agency", str(world.township_a.pk))
    assert Officer.objects.filter(agency=world.team_a).count() == 1


def test_the_command_dry_run_writes_nothing(world, tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(workbook_bytes([roster_row(1, world.team_a.name)]).getvalue())
    call_command("import_roster", str(path), "--dry-run")
    assert Officer.objects.count() == 0


def test_the_command_refuses_a_roster_with_bad_rows_unless_told_to_skip_them(world, tmp_path):
    path = tmp_path / "roster.xlsx"
    rows = [roster_row(1, world.team_a.name), roster_row(2, "不存在的单位")]
    path.write_bytes(workbook_bytes(rows).getvalue())
    with pytest.raises(CommandError):
        call_command("import_roster", str(path))
    assert Officer.objects.count() == 0
    call_command("import_roster", str(path), "--skip-bad-rows")
    assert Officer.objects.count() == 1
