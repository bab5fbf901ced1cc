"""The county supervisor's start page sets the townships' figures side by side."""

import datetime

import pytest
import time_machine
from django.test import Client

from reports.glance import agency_at_a_glance
from tests.factories import ledger_year

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
IN_DECEMBER = datetime.datetime(2025, 12, 22, 9, tzinfo=datetime.UTC)


def test_the_supervisor_sees_a_table_of_the_townships_below(world):
    ledger_year(world.township_a, meetings=3, decisions=3, disputes=5, disputes_mediated=4)
    ledger_year(world.township_b, meetings=1, decisions=1, disputes=2, disputes_mediated=2)
    with time_machine.travel(IN_DECEMBER, tick=False):
        comparison = agency_at_a_glance(world.supervisor)["comparison"]
        client = Client()
        client.force_login(world.supervisor)
        page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    rows = {name: dict(zip(comparison["columns"], cells, strict=True)) for name, cells in comparison["rows"]}
    assert rows["甲镇人民政府"]["Leading group meetings"] == 3
    assert rows["甲镇人民政府"]["Major decisions reviewed / taken"] == "3 / 3"
    assert rows["乙乡人民政府"]["Disputes mediated / received"] == "2 / 2"
    assert 'id="agencies-compared"' in page
    assert "4 / 5" in page


def test_a_township_lead_sees_no_comparison_of_townships(world):
    with time_machine.travel(IN_DECEMBER, tick=False):
        comparison = agency_at_a_glance(world.team_lead_b)["comparison"]
    assert comparison is None
