import os
import subprocess
import sys

import pytest
from django.conf import settings


def start_django(**environment) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS", "CACHE_URL"}
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env | {"DJANGO_SETTINGS_MODULE": "lawgov.settings"},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=60,
    )


def test_production_mode_without_secret_key_refuses_to_start():
    result = start_django(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DEBUG", "perhaps", "DEBUG must be true or false"),
        ("CONN_MAX_AGE", "a minute", "CONN_MAX_AGE"),
        ("DATABASE_URL", "nosuchdb://x", "nosuchdb"),
        ("LAWGOV_CORRECTION_RATE_DENOMINATOR", "all", "LAWGOV_CORRECTION_RATE_DENOMINATOR"),
        ("NUM_PROXIES", "-1", "NUM_PROXIES"),
        ("CELERY_BROKER_CONNECTION_TIMEOUT", "30", "CELERY_BROKER_CONNECTION_TIMEOUT"),
    ],
)
def test_a_malformed_setting_stops_the_start_naming_it(name, value, message):
    result = start_django(
        SECRET_KEY="k",
        ALLOWED_HOSTS="lawgov.example.org",
        CACHE_URL="locmemcache://x",
        **{"DEBUG": "false", name: value},
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_production_mode_without_allowed_hosts_refuses_to_start():
    result = start_django(DEBUG="false", SECRET_KEY="k", ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name" in result.stderr


def test_embedded_mode_starts_without_any_setting():
    result = start_django()
    assert result.returncode == 0, result.stderr


def test_a_deployment_naming_its_database_without_a_secret_key_refuses_to_start():
    result = start_django(DATABASE_URL="postgres://lawgov@db.example.org/lawgov")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_without_a_broker_tasks_run_in_process():
    if settings.CELERY_BROKER_URL:
        pytest.skip("a broker is configured for this run")
    assert settings.CELERY_TASK_ALWAYS_EAGER


def test_production_without_a_shared_cache_refuses_to_start(tmp_path):
    production = {
        "DEBUG": "false",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "lawgov.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = start_django(**production)
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr
    assert start_django(**production, CACHE_URL="locmemcache://one-process").returncode == 0


def test_forwarded_addresses_are_ignored_unless_proxies_are_configured():
    assert settings.NUM_PROXIES == 0
    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == 0
    assert settings.AXES_IPWARE_META_PRECEDENCE_ORDER == ("REMOTE_ADDR",)
