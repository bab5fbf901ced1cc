import json

import pytest
from django.core.management import call_command
from django.test import Client

from reports import services
from reports.models import AnnualReport, ReportStatus
from tests.factories import OfficerFactory


def admin_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def report(world, areas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_report(agency=world.township_a, year=2021, user=world.team_lead_a)
    report.refresh_from_db()
    return report


def test_the_start_page_shows_the_users_agency_at_a_glance(world, areas):
    page = admin_client(world.team_lead_a).get("/admin/").content.decode()
    assert "agency-glance" in page
    assert world.township_a.name in page
    assert "91.7%" in page  # certified share
    assert "100%" in page  # exam pass rate


def test_the_start_page_opens_when_the_figures_cannot_be_computed(world, monkeypatch):
    monkeypatch.setattr("reports.stats.AREAS", {"officers": "no.such.module.figures"})
    response = admin_client(world.team_lead_a).get("/admin/")
    assert response.status_code == 200
    assert "agency-glance" in response.content.decode()


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
    services.publish_report(report=report, user=world.team_lead_a)
    client = admin_client(world.team_lead_a)
    page = client.get(f"/admin/reports/annualreport/{report.pk}/change/").content.decode()
    assert 'name="text"' not in page
    assert 'name="_save"' not in page
    client.post(f"/admin/reports/annualreport/{report.pk}/change/", {"text": "标题\n一、改\n"})
    report.refresh_from_db()
    assert report.document["title"] != "标题"
    assert client.post(f"/admin/reports/annualreport/{report.pk}/delete/", {"post": "yes"}).status_code == 403


def test_the_admin_adds_a_report_by_agency_and_year(world, areas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client(world.team_lead_a).post(
            "/admin/reports/annualreport/add/", {"agency": world.township_a.pk, "year": 2021}
        )
    assert response.status_code == 302
    assert AnnualReport.objects.get().status == ReportStatus.DRAFT


def test_the_publish_and_new_version_actions(world, report, django_capture_on_commit_callbacks):
    client = admin_client(world.team_lead_a)
    url = "/admin/reports/annualreport/"
    client.post(url, {"action": "publish", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "draft_new_version", "_selected_action": [report.pk]})
    assert AnnualReport.objects.get(supersedes=report).version == 2


def test_compile_report_writes_json_over_the_agency_subtree(world, areas, tmp_path):
    OfficerFactory(agency=world.team_a)
    OfficerFactory(agency=world.township_b)
    output = tmp_path / "county.json"
    call_command("compile_report", agency=world.county.pk, year=2021, format="json", output=str(output))
    stats = json.loads(output.read_text())
    assert stats["agency"]["id"] == world.county.pk
    assert stats["officers"]["total"] == 2


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_compile_report_writes_office_files(world, areas, tmp_path, kind):
    output = tmp_path / f"report.{kind}"
    call_command("compile_report", agency=world.township_a.pk, year=2021, format=kind, output=str(output))
    assert output.read_bytes()[:2] == b"PK"
