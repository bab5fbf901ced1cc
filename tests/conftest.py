import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.utils import translation

from enforcement.agencies.prepared_lists import forget_prepared_lists
from tests.base import build_world


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # The default hasher costs ~0.2 s a login.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _lists_compiled_afresh():
    # A test's rolled-back transaction takes the access version back, and on
    # SQLite the ids too: another test's list of the same shape could have
    # compiled another tree's paths.
    forget_prepared_lists()


@pytest.fixture(autouse=True)
def _tasks_in_process_unless_a_worker_runs(request):
    """Tasks run in-process, as in the embedded mode, except in tests that start a real worker.

    With a broker configured and no worker consuming, a queued task would never run.
    """
    if request.node.get_closest_marker("celery_worker"):
        yield
        return
    from lawgov.celery import app

    saved = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = saved


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def english():
    """Messages in English, for tests that read what a rule says (the default language is Chinese)."""
    with translation.override("en"):
        yield


@pytest.fixture
def june_first_with_an_empty_cache():
    """A fixed working day (9:00, 1 June 2026), with nothing cached before or left after."""
    cache.clear()
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0), tick=False):
        yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Around a write: its commit hooks run, as when the write commits (a test's transaction never does)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
