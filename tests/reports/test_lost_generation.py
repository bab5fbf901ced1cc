"""A report left generating by a task that was never sent, or whose worker died, is requested afresh."""

import datetime

from django.conf import settings
from django.utils import timezone

from reports.annual.models import AnnualReport, ReportStatus
from tests.base import api_client_for

URL = "/api/v1/reports/"


def generating_since(world, seconds_ago: int) -> AnnualReport:
    report = AnnualReport.objects.create(agency=world.township_a, year=2025, status=ReportStatus.GENERATING)
    AnnualReport.objects.filter(pk=report.pk).update(
        updated_at=timezone.now() - datetime.timedelta(seconds=seconds_ago)
    )
    return report


def test_a_report_generating_longer_than_the_time_limit_is_generated_when_requested_again(
    world, django_capture_on_commit_callbacks
):
    report = generating_since(world, settings.CELERY_TASK_TIME_LIMIT + 60)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client_for(world.team_lead_a).post(URL, {"agency": world.township_a.pk, "year": 2025})
    assert response.status_code == 202
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.docx
    assert AnnualReport.objects.filter(agency=world.township_a, year=2025).count() == 1


def test_a_report_generating_within_the_time_limit_is_left_to_its_task(world):
    report = generating_since(world, 60)
    response = api_client_for(world.team_lead_a).post(URL, {"agency": world.township_a.pk, "year": 2025})
    assert response.status_code == 202
    report.refresh_from_db()
    assert report.status == ReportStatus.GENERATING
