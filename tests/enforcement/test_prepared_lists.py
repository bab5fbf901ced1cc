"""The officers list's SQL compiled once per shape, and every answer still the records' own, at once."""

import datetime

import pytest
import time_machine
from django.db.models.sql.compiler import SQLCompiler

from enforcement.agencies.models import Membership
from tests.base import token_client
from tests.factories import AgencyFactory, CertificateFactory, OfficerFactory

URL = "/api/v1/officers/"
pytestmark = pytest.mark.usefixtures("june_first_with_an_empty_cache")


@pytest.fixture
def compilations(monkeypatch):
    """How many SQL statements Django compiles (its compiler runs as ever; the calls are counted)."""
    counted = []
    as_sql = SQLCompiler.as_sql

    def counting(self, *args, **kwargs):
        counted.append(self.query.model)
        return as_sql(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    return counted


def listed(client, **query) -> dict:
    response = client.get(URL, query)
    assert response.status_code == 200, response.content
    return response.json()


def names(answer: dict) -> set[str]:
    return {row["name"] for row in answer["results"]}


def test_a_list_asked_again_compiles_no_sql(world, compilations):
    for name in ("甲", "乙", "丙"):
        OfficerFactory(agency=world.township_a, name=name)
    client = token_client(world.team_lead_a)
    first = listed(client, page_size=2, certified="false")
    compiled_first = len(compilations)
    assert listed(client, page_size=2, certified="false") == first
    assert compiled_first >= 2  # the count and the page, compiled the first time
    assert len(compilations) == compiled_first  # and not again


def test_a_list_asked_again_reads_the_rows_written_since(world):
    OfficerFactory(agency=world.township_a, name="甲")
    client = token_client(world.team_lead_a)
    assert names(listed(client)) == {"甲"}
    OfficerFactory(agency=world.township_a, name="乙")
    again = listed(client)
    assert names(again) == {"甲", "乙"}
    assert again["count"] == 2


def test_each_page_is_read_by_its_own_sql(world):
    for name in ("一", "二", "三"):
        OfficerFactory(agency=world.township_a, name=name)
    client = token_client(world.team_lead_a)
    pages = [names(listed(client, page_size=2, page=page, ordering="name")) for page in (1, 2, 1)]
    assert pages[0] == pages[2]
    assert pages[0] | pages[1] == {"一", "二", "三"} and not pages[0] & pages[1]


def test_readers_of_other_scopes_asking_the_same_list_see_their_own_rows(world):
    OfficerFactory(agency=world.township_a, name="甲镇")
    OfficerFactory(agency=world.township_b, name="乙乡")
    assert names(listed(token_client(world.supervisor), page_size=20)) == {"甲镇", "乙乡"}
    assert names(listed(token_client(world.team_lead_a), page_size=20)) == {"甲镇"}
    assert names(listed(token_client(world.team_lead_b), page_size=20)) == {"乙乡"}


def test_a_membership_taken_away_takes_its_officers_off_the_list_at_once(world, committed):
    OfficerFactory(agency=world.township_a, name="甲镇")
    OfficerFactory(agency=world.township_b, name="乙乡")
    Membership.objects.create(user=world.team_lead_a, agency=world.township_b)
    client = token_client(world.team_lead_a)
    assert names(listed(client)) == {"甲镇", "乙乡"}
    with committed():
        Membership.objects.filter(user=world.team_lead_a, agency=world.township_b).delete()
    answer = listed(client)
    assert names(answer) == {"甲镇"}
    assert answer["count"] == 1


def test_an_agency_moved_is_filtered_at_its_new_place(world, committed):
    village = AgencyFactory(name="某村", parent=world.township_a)
    OfficerFactory(agency=village, name="村里")
    OfficerFactory(agency=world.team_a, name="队里")
    client = token_client(world.supervisor)
    assert names(listed(client, agency=world.township_a.pk)) == {"村里", "队里"}
    with committed():
        village.parent = world.township_b
        village.save()
    assert names(listed(client, agency=world.township_a.pk)) == {"队里"}
    assert names(listed(client, agency=world.township_b.pk)) == {"村里"}


def test_the_same_list_answers_for_each_new_day(world):
    holder = OfficerFactory(agency=world.township_a, name="持证")
    CertificateFactory(officer=holder, issued_on=datetime.date(2020, 6, 1), valid_until=datetime.date(2026, 6, 1))
    client = token_client(world.team_lead_a)
    assert listed(client)["results"][0]["is_certified"] is True
    assert names(listed(client, certified="true")) == {"持证"}
    with time_machine.travel(datetime.datetime(2026, 6, 2, 9, 0), tick=False):
        assert listed(client)["results"][0]["is_certified"] is False
        assert names(listed(client, certified="true")) == set()
        assert listed(client, certified="true")["count"] == 0


def test_a_bad_filter_is_still_refused_after_good_ones(world):
    client = token_client(world.team_lead_a)
    listed(client, agency=world.township_a.pk)
    refused = client.get(URL, {"agency": world.township_b.pk})
    assert refused.status_code == 400
    assert "agency" in str(refused.json())
