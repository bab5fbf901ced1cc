"""Redis stopped: reading and editing go on; starting a report says the queue is unavailable."""

import pytest
from rest_framework.test import APIClient

from lawgov.celery import app
from reports.annual.models import AnnualReport, ReportStatus
from tests.base import api_client_for
from tests.factories import CertificateFactory, OfficerFactory
from tests.factories.agencies import PASSWORD

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

UNREACHABLE_BROKER = "redis://127.0.0.1:1/0"


@pytest.fixture
def broker_down(settings):
    saved = app.conf.broker_write_url, app.conf.task_always_eager
    app.conf.broker_write_url, app.conf.task_always_eager = UNREACHABLE_BROKER, False
    settings.CELERY_BROKER_URL = UNREACHABLE_BROKER
    forget_broker_connections()
    yield
    app.conf.broker_write_url, app.conf.task_always_eager = saved
    forget_broker_connections()


def forget_broker_connections() -> None:
    """Celery keeps its connection and producer pools; the next send must open new ones."""
    app._pool = None
    app.amqp._producer_pool = None


def test_starting_a_report_says_the_queue_is_unavailable_and_leaves_no_half_report(world, broker_down):
    client = api_client_for(world.team_lead_a)
    # A 5xx is reported like any server error; the test looks at the response.
    client.raise_request_exception = False
    response = client.post("/api/v1/reports/", {"agency": world.township_a.pk, "year": 2025})
    assert response.status_code == 503
    assert response.json()["errors"][0]["code"] == "unavailable"
    report = AnnualReport.objects.get(agency=world.township_a, year=2025)
    assert report.status == ReportStatus.FAILED
    assert report.error
    assert not report.docx and not report.xlsx and not report.statistics


def test_the_api_keeps_answering_reads_and_writes_while_the_broker_is_down(world, broker_down):
    officer = OfficerFactory(agency=world.township_a)
    CertificateFactory(officer=officer)
    client = api_client_for(world.team_lead_a)
    assert client.get("/api/v1/officers/").status_code == 200
    assert client.get(f"/api/v1/officers/{officer.pk}/").status_code == 200
    created = client.post("/api/v1/agencies/", {"name": "新设办公室", "kind": "office", "parent": world.township_a.pk})
    assert created.status_code == 201


def test_the_admin_keeps_working_and_explains_a_report_that_cannot_start(world, broker_down, client):
    client.post("/admin/login/", {"username": world.team_lead_a.username, "password": PASSWORD})
    assert client.get("/admin/enforcement/officer/").status_code == 200
    draft = AnnualReport.objects.create(agency=world.township_a, year=2024, version=1, status=ReportStatus.DRAFT)
    response = client.post(
        "/admin/reports/annualreport/",
        {"action": "regenerate", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "队列" in page or "queue" in page
    draft.refresh_from_db()
    assert draft.status == ReportStatus.FAILED


def test_healthz_reports_the_broker_down(broker_down):
    from tests.lawgov.test_health import broker_health_response

    assert broker_health_response().status_code == 500


def test_token_login_still_works_with_the_broker_down(world, broker_down):
    response = APIClient().post("/api/v1/auth/token/", {"username": world.hr_a.username, "password": PASSWORD})
    assert response.status_code == 200
