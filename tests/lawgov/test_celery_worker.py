"""A real `celery worker` process consuming from the broker of this run."""

import pytest
from django.conf import settings

from lawgov.celery import ping
from tests.workers import start_worker, stop_worker

pytestmark = pytest.mark.celery_worker


def test_a_task_sent_through_the_broker_is_run_by_a_worker_process():
    worker = start_worker()
    try:
        assert not settings.CELERY_TASK_ALWAYS_EAGER
        assert ping.delay().get(timeout=60) == "pong"
    finally:
        stop_worker(worker)
