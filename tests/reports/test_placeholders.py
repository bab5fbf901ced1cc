"""No sentence without a record: a visible placeholder where records are missing; no publishing while one remains."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from reports.annual import services
from reports.annual.models import ReportStatus
from reports.annual.narrative import build_document
from reports.annual.placeholders import placeholder, placeholders_in
from tests.reports.fixtures import township_stats
from tests.reports.records import YEAR, build_township_records, completed, d


def test_a_placeholder_is_visible_and_found_again():
    text = f"落实领导干部学法制度。{placeholder('年度学法计划')}。"
    assert "【待补充：年度学法计划】" in text
    assert placeholders_in({"title": "", "sections": [{"heading": "", "paragraphs": [text, text]}]}) == ["年度学法计划"]


def test_without_a_study_plan_the_report_asks_for_it_instead_of_claiming_one():
    stats = township_stats(training__group_study_planned=None)
    stats["problems"] = []
    document = build_document(stats, dated=d("2022-01-15"))
    assert "年度学法计划" in placeholders_in(document)
    text = "".join(paragraph for part in document["sections"] for paragraph in part["paragraphs"])
    assert "制定年度学法计划" not in text
    assert "【待补充：年度学法计划】" in text


@pytest.fixture
def draft(world, compiled_at, django_capture_on_commit_callbacks):
    """The draft of township A, whose year is recorded in full except its rule-of-law work ledger."""
    build_township_records(world, ledger=False)
    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_report(agency=world.township_a, year=YEAR, user=world.team_lead_a)
    report.refresh_from_db()
    return report


def test_publishing_is_refused_while_a_placeholder_remains(world, draft):
    assert placeholders_in(draft.document)
    with pytest.raises(ValidationError) as refused:
        services.publish_report(report=draft, user=world.team_lead_a)
    assert "document" in refused.value.message_dict
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT
    published = services.publish_report(report=completed(draft, world.team_lead_a), user=world.team_lead_a)
    assert published.status == ReportStatus.PUBLISHED


def test_the_admin_lists_the_records_still_missing(world, draft):
    client = Client()
    client.force_login(world.team_lead_a)
    page = client.get(f"/admin/reports/annualreport/{draft.pk}/change/").content.decode()
    assert "尚缺的记录" in page
    assert "法治建设第一责任人及述法记录" in page
