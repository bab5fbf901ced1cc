import pytest
import time_machine

from tests.reports.records import COMPILED_AT, TownshipRecords, build_township_records


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def compiled_at():
    """Early in 2022, when the report of 2021 is compiled."""
    with time_machine.travel(COMPILED_AT, tick=False):
        yield


@pytest.fixture
def records(world, compiled_at) -> TownshipRecords:
    """Township A's records of 2021 (tests/reports/records.py), compiled in January 2022."""
    return build_township_records(world)
