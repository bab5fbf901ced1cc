import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings
from health_check.checks import Database
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from lawgov import settings as project_settings
from lawgov.health import health_checks


@pytest.mark.django_db
def test_healthz_reports_the_database_and_broker_reachable_to_staff(client, world):
    client.force_login(world.supervisor, backend="django.contrib.auth.backends.ModelBackend")
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


@pytest.mark.django_db
def test_healthz_tells_an_anonymous_caller_only_up_or_down(client):
    response = client.get("/healthz", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json() == {"status": "up"}


@pytest.mark.django_db
def test_healthz_answers_a_plain_http_probe_without_redirecting_when_https_is_on(client):
    assert any(re.match(pattern, "healthz") for pattern in project_settings.SECURE_REDIRECT_EXEMPT)
    with override_settings(SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=project_settings.SECURE_REDIRECT_EXEMPT):
        assert client.get("/healthz").status_code == 200
        assert client.get("/api/v1/officers/").status_code == 301


@pytest.mark.django_db
def test_healthz_answers_503_to_anyone_when_the_database_check_fails(client, monkeypatch):
    def broken(self):
        raise ServiceUnavailable("down")

    monkeypatch.setattr(Database, "run", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "down"}
