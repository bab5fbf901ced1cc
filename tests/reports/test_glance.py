import datetime

import pytest
import time_machine
from django.test import Client

from reports.glance import agency_at_a_glance
from tests.factories import certified_officer, penalty_case

pytestmark = pytest.mark.usefixtures("english")


def start_page(user) -> str:
    client = Client()
    client.force_login(user)
    return client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def rows_on(user, day: datetime.date) -> dict:
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(9), datetime.UTC), tick=False):
        return {label: value for label, value, _url in agency_at_a_glance(user)["rows"]}


def test_the_start_page_shows_the_team_leads_township_at_a_glance(world, records):
    with time_machine.travel(datetime.datetime(2021, 12, 27, 9, tzinfo=datetime.UTC), tick=False):
        page = start_page(world.team_lead_a)
    assert "agency-glance" in page
    assert "甲镇人民政府" in page
    assert "66.7%" in page  # certified share and exam pass rate of 2021
    assert "22.7 / 40" in page  # average training hours against the plan
    # The December case awaits the township's reply; the September case is past its decision day.
    assert "2022-01-07" in page
    assert "收到申请书副本之日起10个工作日" in page


def test_the_glance_counts_open_and_overdue_cases_and_names_the_next_deadline(world, records):
    rows = rows_on(world.team_lead_a, datetime.date(2021, 12, 27))
    assert rows["Open reconsideration cases"] == 2
    # Only a reply late and unfiled is overdue: the September case waits for the organ's decision.
    assert rows["Overdue reconsideration cases"] == 0
    # 2022 is not among the calendar years whose holiday schedule is entered: the day is an estimate.
    assert rows["Next reconsideration deadline"].startswith("2022-01-07 (estimated) Written reply of case ")
    assert rows["Next reconsideration deadline"].endswith(
        "答复期限：收到申请书副本之日起10个工作日（《行政复议法》第四十八条）"
    )


def test_a_passed_deadline_gives_way_to_the_next_one_of_the_same_case(world, records):
    rows = rows_on(world.team_lead_a, datetime.date(2022, 1, 10))
    # The December case missed its reply on 2022-01-07; its decision is due 60 days after acceptance.
    assert rows["Overdue reconsideration cases"] == 1
    assert rows["Next reconsideration deadline"].startswith("2022-02-21 (estimated) Decision of case ")
    assert "决定期限：受理之日起60日" in rows["Next reconsideration deadline"]


def test_another_township_sees_only_its_own_case(world, records):
    rows = rows_on(world.team_lead_b, datetime.date(2021, 12, 27))
    assert rows["Open reconsideration cases"] == 1
    assert rows["Next reconsideration deadline"] is None  # received, nothing recorded after it


def test_the_glance_counts_open_and_overdue_penalty_cases_and_names_the_next_deadline(world, records):
    handlers = [certified_officer(world.township_a, issued_on=datetime.date(2020, 1, 1)) for _ in range(2)]
    penalty_case(
        world.township_a,
        ("filed", datetime.date(2021, 9, 1)),
        discovered_on=datetime.date(2021, 8, 30),
        handlers=handlers,
    )
    penalty_case(
        world.township_a,
        ("filed", datetime.date(2021, 12, 1)),
        ("notified", datetime.date(2021, 12, 20)),
        discovered_on=datetime.date(2021, 11, 30),
        handlers=handlers,
    )
    rows = rows_on(world.team_lead_a, datetime.date(2021, 12, 27))
    assert rows["Open administrative-penalty cases"] == 2
    # Filed on 1 September: its 90 days ended on 30 November 2021.
    assert rows["Overdue administrative-penalty cases"] == 1
    assert rows["Next penalty-case deadline"].startswith("2022-03-01 Decision of case 甲镇执罚〔2021〕2号")
    assert rows_on(world.team_lead_b, datetime.date(2021, 12, 27))["Open administrative-penalty cases"] == 0


def test_every_figure_on_the_start_page_links_to_the_rows_behind_it(world, records, client):
    with time_machine.travel(datetime.datetime(2021, 12, 27, 9, tzinfo=datetime.UTC), tick=False):
        rows = agency_at_a_glance(world.team_lead_a)["rows"]
        page = start_page(world.team_lead_a)
        client.force_login(world.team_lead_a)
        for _label, _value, url in rows:
            assert f'<a href="{url.replace("&", "&amp;")}">' in page
            assert client.get(url).status_code == 200, url
    assert "?validity=90" in dict((label, url) for label, _v, url in rows)["Certificates expiring within 90 days"]
