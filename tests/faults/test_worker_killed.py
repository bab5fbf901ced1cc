"""A worker killed in the middle of generating a report: the report is generated once, later."""

import signal
import time

import pytest
from django.db import connection, transaction

from reports.annual.models import AnnualReport, ReportStatus
from tests.base import api_client_for
from tests.factories import CertificateFactory, OfficerFactory
from tests.workers import database_url, start_worker, stop_worker

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def sessions_waiting_for_a_lock() -> int:
    with connection.cursor() as cursor:
        # Within a transaction PostgreSQL keeps one snapshot of the statistics.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
        )
        return cursor.fetchone()[0]


def test_a_report_whose_worker_was_killed_is_generated_once_by_the_next_worker(world):
    url = database_url()
    CertificateFactory(officer=OfficerFactory(agency=world.township_a))
    response = api_client_for(world.team_lead_a).post("/api/v1/reports/", {"agency": world.township_a.pk, "year": 2025})
    assert response.status_code == 202
    report_id = response.json()["id"]

    # Hold the report's row so the first worker takes the task and then waits
    # on the row, where it is killed: the task is taken but never finished.
    with transaction.atomic():
        AnnualReport.objects.select_for_update().get(pk=report_id)
        first = start_worker(DATABASE_URL=url)
        try:
            wait_for(lambda: sessions_waiting_for_a_lock() > 0, 60, "the first worker to take the task")
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=30)
    assert AnnualReport.objects.get(pk=report_id).status == ReportStatus.GENERATING

    second = start_worker(DATABASE_URL=url, CELERY_VISIBILITY_TIMEOUT="2", CELERY_UNACKED_RESTORE_INTERVAL="1")
    try:
        wait_for(
            lambda: AnnualReport.objects.get(pk=report_id).status != ReportStatus.GENERATING,
            90,
            "the next worker to generate the report",
        )
    finally:
        stop_worker(second)
    report = AnnualReport.objects.get(pk=report_id)
    assert report.status == ReportStatus.DRAFT, report.error
    assert report.docx and report.xlsx
    assert AnnualReport.objects.filter(agency=world.township_a, year=2025).count() == 1
    assert report.history.filter(status=ReportStatus.DRAFT, progress=100).count() == 1
