import pytest

from . import fake_areas


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def areas(monkeypatch):
    """The report compiles the stand-in area figures of tests/reports/fake_areas.py."""
    monkeypatch.setattr("reports.stats.AREAS", fake_areas.AREAS)
