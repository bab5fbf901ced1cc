"""Broker and result store down: POST /api/v1/reports/ fails fast with 503, and works once they are back."""

import pytest
from django.conf import settings

from lawgov.celery import app
from reports.annual.models import AnnualReport, ReportStatus
from reports.tasks import generate_annual_report
from tests.base import api_client_for

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

UNREACHABLE = "redis://127.0.0.1:1/0"
QUEUE = "celery"


def use_broker(url: str, backend: str) -> None:
    """Point the app at `url` and `backend`, dropping the pools and the result backend it keeps."""
    app.conf.broker_url = app.conf.broker_write_url = url
    app.conf.result_backend = backend
    app._pool = None
    app.amqp._producer_pool = None
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)


@pytest.fixture
def outage():
    if not settings.CELERY_BROKER_URL:
        pytest.skip("no broker configured: tasks run in-process in this run")
    real = settings.CELERY_BROKER_URL, settings.CELERY_RESULT_BACKEND or settings.CELERY_BROKER_URL
    saved_eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    use_broker(UNREACHABLE, UNREACHABLE)
    with app.connection_for_write(real[0]) as connection:
        connection.default_channel.client.delete(QUEUE)
    yield real
    use_broker(*real)
    app.conf.task_always_eager = saved_eager


def queued_messages(url: str) -> int:
    with app.connection_for_write(url) as connection:
        return connection.default_channel.client.llen(QUEUE)


def test_the_broker_connect_timeout_is_at_most_three_seconds():
    assert settings.CELERY_BROKER_CONNECTION_TIMEOUT <= 3
    assert app.conf.broker_connection_timeout <= 3
    assert app.conf.broker_transport_options["socket_connect_timeout"] <= 3
    assert app.conf.result_backend_transport_options["retry_policy"]["max_retries"] <= 1


def test_a_report_requested_during_an_outage_answers_503_and_is_made_exactly_once_after_it(world, outage):
    client = api_client_for(world.team_lead_a)
    client.raise_request_exception = False
    response = client.post("/api/v1/reports/", {"agency": world.township_a.pk, "year": 2025})
    assert response.status_code == 503, response.content
    assert response.json()["errors"][0]["code"] == "unavailable"
    assert not AnnualReport.objects.filter(status=ReportStatus.GENERATING).exists()

    broker, backend = outage
    use_broker(broker, backend)
    response = client.post("/api/v1/reports/", {"agency": world.township_a.pk, "year": 2025})
    assert response.status_code == 202, response.content
    again = client.post("/api/v1/reports/", {"agency": world.township_a.pk, "year": 2025})
    assert again.status_code == 202
    assert queued_messages(broker) == 1
    report = AnnualReport.objects.get(agency=world.township_a, year=2025)
    assert generate_annual_report(report.pk) is True
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.docx
    assert AnnualReport.objects.filter(agency=world.township_a, year=2025).count() == 1


def test_the_admin_add_page_explains_a_report_that_cannot_start(world, outage, client):
    client.force_login(world.team_lead_a, backend="django.contrib.auth.backends.ModelBackend")
    client.raise_request_exception = False
    response = client.post(
        "/admin/reports/annualreport/add/", {"agency": world.township_a.pk, "year": 2025}, follow=True
    )
    assert response.status_code == 200
    assert "队列" in response.content.decode()
    assert not AnnualReport.objects.filter(status=ReportStatus.GENERATING).exists()
