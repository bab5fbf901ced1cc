"""A real `celery worker` process consuming from the broker of this run."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from lawgov.celery import ping

pytestmark = pytest.mark.celery_worker


@pytest.fixture
def celery_worker_process():
    if not settings.CELERY_BROKER_URL:
        pytest.skip("no broker configured: tasks run in-process in this run")
    process = subprocess.Popen(
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
        env=os.environ.copy(),
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


def test_a_task_sent_through_the_broker_is_run_by_a_worker_process(celery_worker_process):
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    assert ping.delay().get(timeout=60) == "pong"
