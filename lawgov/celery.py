"""The Celery application: workers and the one beat process start from here."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lawgov.settings")

app = Celery("lawgov")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="lawgov.ping")
def ping() -> str:
    """Answer "pong": lets a deployment (and the tests) prove a worker is consuming."""
    return "pong"
