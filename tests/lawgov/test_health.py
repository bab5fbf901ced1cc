import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.test import RequestFactory
from health_check.views import HealthCheckView

from lawgov.health import health_checks


@pytest.mark.django_db
def test_healthz_reports_the_database_and_broker_reachable(client):
    response = client.get("/healthz", HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    checks = " ".join(response.json())
    assert "Database" in checks
    if settings.CELERY_BROKER_URL:
        assert "Redis" in checks


def broker_health_response():
    """The health check of the configured broker alone, run as /healthz runs it."""
    broker_check = [check for check in health_checks() if "Redis" in str(check)]
    view = HealthCheckView.as_view(checks=broker_check)
    request = RequestFactory().get("/healthz", HTTP_ACCEPT="application/json")
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, view(request)).result()


def test_healthz_fails_when_the_broker_is_unreachable(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    assert broker_health_response().status_code == 500
