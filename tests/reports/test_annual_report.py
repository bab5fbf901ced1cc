import io

import docx
import pytest
from django.core.exceptions import ValidationError

from reports.annual import generation, services
from reports.annual.models import AnnualReport, ReportStatus
from reports.tasks import generate_annual_report
from tests.reports.records import EXPECTED, YEAR, completed


@pytest.fixture
def generated(world, records, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_report(agency=world.township_a, year=YEAR, user=world.team_lead_a)
    report.refresh_from_db()
    return report


@pytest.fixture
def published(generated, world):
    return services.publish_report(report=completed(generated, world.team_lead_a), user=world.team_lead_a)


def test_a_requested_report_is_generated_with_its_snapshot_text_and_files(generated):
    assert (generated.status, generated.progress, generated.version) == (ReportStatus.DRAFT, 100, 1)
    assert generated.statistics["exams"] == EXPECTED["exams"]
    assert generated.statistics["training"]["hours"] == 48
    assert generated.document["title"] == "甲镇人民政府关于2021年度法治政府建设工作情况的报告"
    assert generated.docx.name.endswith(".docx") and generated.xlsx.name.endswith(".xlsx")
    assert generated.generated_at is not None


def test_the_statistics_count_what_the_requester_may_list(world, records, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_report(agency=world.county, year=YEAR, user=world.team_lead_a)
    report.refresh_from_db()
    # The team lead of A asked for the county, but sees only A's records, not B's case and its officer.
    assert report.statistics["officers"]["total"] == EXPECTED["officers"]["total"]
    assert report.statistics["reconsideration"]["received"] == EXPECTED["reconsideration"]["received"]


def test_a_task_delivered_twice_generates_the_report_once(generated):
    generated_at = generated.generated_at
    assert generate_annual_report.delay(generated.pk).get() is False
    generated.refresh_from_db()
    assert generated.generated_at == generated_at
    assert generated.history.count() == 2  # requested, generated


def test_a_claim_held_by_a_running_worker_is_not_taken(generated, world):
    services.regenerate_report(report=generated, user=world.team_lead_a)
    assert generation._claim(generated.pk) is not None
    assert generation._claim(generated.pk) is None


def test_a_failed_generation_is_marked_with_its_error(world, settings, django_capture_on_commit_callbacks):
    # A deployment whose settings lack a problem threshold cannot compile the figures.
    settings.LAWGOV = {**settings.LAWGOV, "PROBLEM_THRESHOLDS": {}}
    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_report(agency=world.township_a, year=YEAR, user=world.team_lead_a)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.error.startswith("KeyError")
    assert not report.docx


def test_requesting_again_regenerates_the_draft(generated, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        again = services.request_report(agency=world.township_a, year=YEAR, user=world.team_lead_a)
    assert again.pk == generated.pk
    assert AnnualReport.objects.count() == 1


def test_edited_text_replaces_the_draft_text_and_its_word_document(generated, world):
    text = "甲镇2021年法治政府建设情况\n一、主要做法和成效\n我镇全年组织学法考试。\n二、存在问题及下一步工作计划\n无。"
    report = services.update_text(report=generated, text=text, user=world.team_lead_a)
    assert report.document["title"] == "甲镇2021年法治政府建设情况"
    word = docx.Document(report.docx.open("rb"))
    assert "我镇全年组织学法考试。" in [p.text for p in word.paragraphs]


def test_publishing_freezes_the_report(published):
    assert published.status == ReportStatus.PUBLISHED
    assert published.published_at is not None
    published.document = {"title": "改过的"}
    with pytest.raises(ValidationError):
        published.save()
    with pytest.raises(ValidationError):
        published.delete()


def test_a_published_report_refuses_text_edits_and_regeneration(published, world):
    with pytest.raises(ValidationError):
        services.update_text(report=published, text="标题\n一、x", user=world.team_lead_a)
    with pytest.raises(ValidationError):
        services.regenerate_report(report=published, user=world.team_lead_a)
    with pytest.raises(ValidationError):
        services.publish_report(report=published, user=world.team_lead_a)


def test_a_new_version_supersedes_the_published_report(published, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        successor = services.new_version(report=published, user=world.team_lead_a)
    successor.refresh_from_db()
    published.refresh_from_db()
    assert (successor.version, successor.supersedes, successor.status) == (2, published, ReportStatus.DRAFT)
    assert published.superseded_by == successor
    assert published.status == ReportStatus.PUBLISHED
    with pytest.raises(ValidationError):
        services.new_version(report=published, user=world.team_lead_a)


def test_requesting_a_published_years_report_drafts_the_next_version(published, world):
    report = services.request_report(agency=world.township_a, year=YEAR, user=world.team_lead_a)
    assert (report.version, report.supersedes_id) == (2, published.pk)


def test_only_a_generated_draft_can_be_published(world):
    report = AnnualReport.objects.create(agency=world.township_a, year=YEAR)
    with pytest.raises(ValidationError):
        services.publish_report(report=report, user=world.team_lead_a)


def test_the_same_version_cannot_exist_twice(world):
    AnnualReport.objects.create(agency=world.township_a, year=YEAR)
    with pytest.raises(ValidationError):
        AnnualReport(agency=world.township_a, year=YEAR).full_clean()


def test_progress_cannot_exceed_100(world):
    with pytest.raises(ValidationError):
        AnnualReport(agency=world.township_a, year=YEAR, progress=101).full_clean()


def test_the_docx_of_the_published_report_is_dated(published):
    word = docx.Document(io.BytesIO(published.docx.open("rb").read()))
    assert word.paragraphs[-1].text == "2022年1月10日"
