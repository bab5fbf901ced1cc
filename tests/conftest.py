import pytest
from django.utils import translation

from tests.base import build_world


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # The default hasher costs ~0.2 s a login.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def english():
    """Messages in English, for tests that read what a rule says (the default language is Chinese)."""
    with translation.override("en"):
        yield
