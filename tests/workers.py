"""Real `celery worker` processes on the broker and database of this test run."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection


def database_url() -> str:
    """The URL of the test database this process uses, for a worker to use the same."""
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.skip("a worker process shares the database only on PostgreSQL")
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def start_worker(**environment: str) -> subprocess.Popen:
    if not settings.CELERY_BROKER_URL:
        pytest.skip("no broker configured: tasks run in-process in this run")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lawgov",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=settings.BASE_DIR,
        env=os.environ | environment,
    )


def stop_worker(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
