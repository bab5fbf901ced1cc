import json

import docx
import openpyxl
import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from reports.annual import services
from reports.annual.models import AnnualReport, ReportStatus
from tests.reports.records import EXPECTED, EXPECTED_PROBLEMS, YEAR, completed


def admin_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def report(world, records, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_report(agency=world.township_a, year=YEAR, user=world.team_lead_a)
    report.refresh_from_db()
    return report


def test_the_start_page_opens_when_the_figures_cannot_be_computed(world, settings):
    # A deployment whose settings lack a problem threshold cannot compile the figures.
    settings.LAWGOV = {**settings.LAWGOV, "PROBLEM_THRESHOLDS": {}}
    response = admin_client(world.team_lead_a).get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    assert "agency-glance" in page
    assert "The figures are not available at the moment." in page


def test_the_report_page_shows_the_text_and_charts(world, report):
    response = admin_client(world.team_lead_a).get(f"/admin/reports/annualreport/{report.pk}/report/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "二、存在问题及下一步工作计划" in page
    assert page.count("<svg") >= 5


def test_another_townships_report_page_is_not_found(world, report):
    client = admin_client(world.team_lead_b)
    assert client.get(f"/admin/reports/annualreport/{report.pk}/report/").status_code == 404
    assert client.get(f"/admin/reports/annualreport/{report.pk}/download/docx/").status_code == 404


def test_the_change_page_shows_progress_and_download_links(world, report):
    page = admin_client(world.team_lead_a).get(f"/admin/reports/annualreport/{report.pk}/change/").content.decode()
    assert "<progress" in page
    assert f"/admin/reports/annualreport/{report.pk}/download/xlsx/" in page
    assert 'name="text"' in page


def test_the_team_lead_edits_the_draft_text_in_the_admin(world, report):
    text = "甲镇2021年度报告\n一、主要做法和成效\n全年开展工作。\n"
    response = admin_client(world.team_lead_a).post(f"/admin/reports/annualreport/{report.pk}/change/", {"text": text})
    assert response.status_code == 302, response.content.decode()[:3000]
    report.refresh_from_db()
    assert report.document["title"] == "甲镇2021年度报告"


def test_a_published_report_is_read_only_in_the_admin(world, report):
    services.publish_report(report=completed(report, world.team_lead_a), user=world.team_lead_a)
    client = admin_client(world.team_lead_a)
    page = client.get(f"/admin/reports/annualreport/{report.pk}/change/").content.decode()
    assert 'name="text"' not in page
    assert 'name="_save"' not in page
    client.post(f"/admin/reports/annualreport/{report.pk}/change/", {"text": "标题\n一、改\n"})
    report.refresh_from_db()
    assert report.document["title"] != "标题"
    assert client.post(f"/admin/reports/annualreport/{report.pk}/delete/", {"post": "yes"}).status_code == 403


def test_the_admin_adds_a_report_by_agency_and_year(world, records, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client(world.team_lead_a).post(
            "/admin/reports/annualreport/add/", {"agency": world.township_a.pk, "year": YEAR}
        )
    assert response.status_code == 302
    assert AnnualReport.objects.get().status == ReportStatus.DRAFT


def test_the_publish_and_new_version_actions(world, report, django_capture_on_commit_callbacks):
    client = admin_client(world.team_lead_a)
    url = "/admin/reports/annualreport/"
    # Every sentence of this township's draft has its records, so it is published as it is.
    client.post(url, {"action": "publish", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "draft_new_version", "_selected_action": [report.pk]})
    assert AnnualReport.objects.get(supersedes=report).version == 2


def test_compile_report_writes_json_over_the_agency_subtree(world, records, tmp_path):
    output = tmp_path / "county.json"
    call_command("compile_report", agency=world.county.pk, year=YEAR, format="json", output=str(output))
    stats = json.loads(output.read_text())
    assert stats["agency"]["id"] == world.county.pk
    # Township B adds the officer responsible for its case, and the case.
    assert stats["officers"]["total"] == EXPECTED["officers"]["total"] + 1
    assert stats["reconsideration"]["received"] == EXPECTED["reconsideration"]["received"] + 1


def test_compile_report_writes_the_townships_figures_as_json(world, records, tmp_path):
    output = tmp_path / "township.json"
    call_command("compile_report", agency=world.township_a.pk, year=YEAR, format="json", output=str(output))
    stats = json.loads(output.read_text())
    assert {area: stats[area] for area in EXPECTED} == EXPECTED
    assert [problem["code"] for problem in stats["problems"]] == EXPECTED_PROBLEMS


def test_compile_report_writes_a_word_document_with_the_figures(world, records, tmp_path):
    output = tmp_path / "report.docx"
    call_command("compile_report", agency=world.township_a.pk, year=YEAR, format="docx", output=str(output))
    text = "\n".join(paragraph.text for paragraph in docx.Document(output).paragraphs)
    assert "一、主要做法和成效" in text and "二、存在问题及下一步工作计划" in text
    assert "考试成绩合格率66.7%" in text


def test_compile_report_writes_a_workbook_with_the_figures(world, records, tmp_path):
    output = tmp_path / "report.xlsx"
    call_command("compile_report", agency=world.township_a.pk, year=YEAR, format="xlsx", output=str(output))
    sheet = openpyxl.load_workbook(output)["执法人员"]
    figures = {row[0]: row[1] for row in sheet.iter_rows(min_row=4, max_col=2, values_only=True) if row[0]}
    assert figures["在职干部职工（人）"] == 4


def test_the_report_form_offers_the_last_complete_year(world):

    with time_machine.travel("2026-03-05 09:00", tick=False):
        page = admin_client(world.team_lead_a).get("/admin/reports/annualreport/add/").content.decode()
    assert 'name="year" value="2025"' in page
