import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection


def start_django(code: str = "", **environment) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS", "CACHE_URL"}
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
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


PRODUCTION_ON_POSTGRESQL = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "lawgov.example.org",
    "CACHE_URL": "locmemcache://x",
    "DATABASE_URL": "postgres://lawgov@db.example.org/lawgov",
}
PRINT_BINDING = (
    "from django.conf import settings; options = settings.DATABASES['default']['OPTIONS']; "
    "print(options.get('server_side_binding'), options.get('prepare_threshold'))"
)


def test_postgresql_statements_are_bound_by_the_server_and_prepared_unless_switched_off():
    prepared = start_django(PRINT_BINDING, **PRODUCTION_ON_POSTGRESQL)
    assert prepared.stdout.split() == ["True", "5"], prepared.stderr
    unprepared = start_django(PRINT_BINDING, **PRODUCTION_ON_POSTGRESQL, DATABASE_PREPARED_STATEMENTS="false")
    assert unprepared.stdout.split() == ["None", "None"], unprepared.stderr


@pytest.mark.django_db
def test_a_statement_run_again_on_a_postgresql_connection_is_prepared():
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    from enforcement.agencies.models import Agency

    for _ in range(6):
        list(Agency.objects.filter(path__startswith="1/"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [row[0] for row in cursor.fetchall()]
    assert any('"enforcement_agency"' in statement for statement in statements)


def test_the_wsgi_application_starts_with_its_urls_loaded_and_kept_out_of_the_cycle_collector():
    result = start_django(
        "import gc, sys; import lawgov.wsgi; "
        "print(gc.get_freeze_count() > 0, 'enforcement.officers.api.views' in sys.modules)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]
