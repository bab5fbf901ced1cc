"""Control characters are refused on input everywhere, and documents are written whatever is already stored."""

import io

from django.test import Client
from docx import Document
from openpyxl import load_workbook

from enforcement.agencies.models import Agency
from enforcement.officers.models.officer import Officer
from enforcement.officers.roster import read_roster
from reports.annual.docx import build_docx
from reports.annual.models import AnnualReport
from reports.annual.xlsx import build_xlsx
from tests.enforcement.roster_files import roster_row, workbook_bytes
from tests.factories import CertificateFactory, OfficerFactory
from tests.reports.fixtures import township_stats

BACKEND = "django.contrib.auth.backends.ModelBackend"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user, backend=BACKEND)
    return client


def test_a_service_or_form_save_names_the_field_with_the_control_character(world):
    officer = OfficerFactory(agency=world.team_a)
    officer.position = "队员\x0b"
    try:
        officer.full_clean()
    except Exception as error:
        assert "position" in error.message_dict
    else:
        raise AssertionError("a control character was accepted")


def test_tabs_and_line_breaks_are_still_text(world):
    officer = OfficerFactory(agency=world.team_a)
    officer.unmatched_fields = "城市管理\t市场监管\r\n生态环境"
    officer.full_clean()
    officer.save()


def test_the_admin_refuses_a_control_character_with_a_field_message(world):
    response = client_for(world.team_lead_a).post(
        "/admin/enforcement/agency/add/", {"name": "新\x01办公室", "kind": "office", "parent": world.township_a.pk}
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Agency.objects.filter(name__startswith="新").exists()


def test_exports_work_with_a_control_character_already_stored(world):
    CertificateFactory(officer__agency=world.team_a, officer__name="甲队员")
    Agency.objects.filter(pk=world.team_a.pk).update(name="甲镇\x0b执法队")
    Officer.objects.update(name="甲\x01队员")
    client = client_for(world.supervisor)
    for url in ("/admin/enforcement/officer/roster/export/", "/admin/enforcement/certificate/export/"):
        response = client.get(url)
        assert response.status_code == 200, url
        values = {cell.value for row in load_workbook(io.BytesIO(response.content)).active.iter_rows() for cell in row}
        assert "甲队员" in values and "甲镇执法队" in values


def test_the_report_files_are_written_with_control_characters_in_the_stored_texts():
    stats = township_stats()
    stats["agency"]["name"] = "=甲镇\x0b人民政府"
    document = {"title": "报告\x01", "sections": [{"level": 1, "heading": "一、\x0b做法", "paragraphs": ["正文\x02"]}]}
    word = Document(io.BytesIO(build_docx(document, stats)))
    assert "报告" in word.paragraphs[0].text
    sheet = load_workbook(io.BytesIO(build_xlsx(stats))).worksheets[0]
    assert sheet["A1"].data_type == "s" and sheet["A1"].value.startswith("=甲镇人民政府")


def test_a_report_text_with_a_control_character_is_refused_in_the_admin(world):
    report = AnnualReport.objects.create(agency=world.township_a, year=2024, document={"title": "报告", "sections": []})
    response = client_for(world.team_lead_a).post(
        f"/admin/reports/annualreport/{report.pk}/change/", {"text": "报告\n\n一、做法\n正文\x01"}
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_a_roster_row_with_a_control_character_is_refused(world):
    rows = [roster_row(1, world.township_a.name, 姓名="干部\x7f1"), roster_row(2, world.township_a.name)]
    check = read_roster(workbook_bytes(rows), agencies=Agency.objects.visible_to(world.team_lead_a))
    assert [error.row for error in check.errors] == [2]
