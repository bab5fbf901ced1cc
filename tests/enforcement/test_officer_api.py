import datetime

from enforcement.officers.models.certificate import Certificate, CertificateStatus
from enforcement.officers.models.officer import EmploymentStatus
from tests.base import ScopedResourceChecks, api_client_for, query_counts_at_two_sizes
from tests.factories import CertificateFactory, OfficerFactory

URL = "/api/v1/officers/"


class TestOfficerApi(ScopedResourceChecks):
    url = URL

    def make_record(self, agency):
        return OfficerFactory(agency=agency)


def listed_names(user, **query):
    response = api_client_for(user).get(URL, query)
    assert response.status_code == 200, response.content
    return {row["name"] for row in response.json()["results"]}


def test_id_numbers_are_masked_without_the_permission(world):
    officer = OfficerFactory(agency=world.township_a, id_number="11010519491231002X")
    row = api_client_for(world.supervisor).get(URL).json()["results"][0]
    assert row["id"] == officer.pk
    assert row["id_number"] == "110105********002X"


def test_id_numbers_are_shown_in_full_to_hr(world):
    OfficerFactory(agency=world.township_a, id_number="11010519491231002X")
    row = api_client_for(world.hr_a).get(URL).json()["results"][0]
    assert row["id_number"] == "11010519491231002X"


def test_certified_filter_uses_today_by_default(world):
    CertificateFactory(officer__agency=world.township_a, officer__name="持证", valid_until=datetime.date(2099, 1, 1))
    OfficerFactory(agency=world.township_a, name="无证")
    assert listed_names(world.team_lead_a, certified="true") == {"持证"}
    assert listed_names(world.team_lead_a, certified="false") == {"无证"}


def test_certified_filter_answers_for_the_date_given(world):
    CertificateFactory(
        officer__agency=world.township_a,
        officer__name="持证",
        issued_on=datetime.date(2020, 1, 1),
        valid_until=datetime.date(2024, 12, 31),
    )
    assert listed_names(world.team_lead_a, certified="true", on="2024-12-31") == {"持证"}
    assert listed_names(world.team_lead_a, certified="true", on="2025-01-01") == set()
    rows = api_client_for(world.team_lead_a).get(URL, {"on": "2024-12-31"}).json()["results"]
    assert rows[0]["is_certified"] is True


def test_agency_filter_takes_the_subtree(world):
    OfficerFactory(agency=world.team_a, name="队员")
    OfficerFactory(agency=world.township_a, name="镇干部")
    OfficerFactory(agency=world.township_b, name="乙乡干部")
    assert listed_names(world.supervisor, agency=world.township_a.pk) == {"队员", "镇干部"}
    assert listed_names(world.supervisor, agency=world.team_a.pk) == {"队员"}


def test_an_agency_outside_scope_is_not_a_valid_filter(world):
    response = api_client_for(world.team_lead_a).get(URL, {"agency": world.township_b.pk})
    assert response.status_code == 400


def test_is_leader_filter(world):
    OfficerFactory(agency=world.township_a, name="领导", is_leader=True)
    OfficerFactory(agency=world.township_a, name="科员")
    assert listed_names(world.team_lead_a, is_leader="true") == {"领导"}


def test_status_filter(world):
    OfficerFactory(agency=world.township_a, name="在职")
    OfficerFactory(agency=world.township_a, name="退休", employment_status=EmploymentStatus.RETIRED)
    assert listed_names(world.team_lead_a, status="retired") == {"退休"}


def test_search_by_name_certificate_number_and_the_whole_id_number(world):
    certificate = CertificateFactory(officer__agency=world.township_a, officer__name="张三", number="ZF-77")
    OfficerFactory(agency=world.township_a, name="李四", id_number="11010519491231002X")
    assert listed_names(world.team_lead_a, search="张") == {"张三"}
    assert listed_names(world.team_lead_a, search="ZF-77") == {certificate.officer.name}
    assert listed_names(world.team_lead_a, search="11010519491231002x") == {"李四"}
    assert listed_names(world.supervisor, search="1231002X") == set()


def test_officers_list_query_count_does_not_grow_with_rows(world):
    client = api_client_for(world.hr_a)

    def make_rows(count):
        for certificate in CertificateFactory.create_batch(count, officer__agency=world.team_a):
            Certificate.objects.filter(pk=certificate.pk).update(status=CertificateStatus.SUSPENDED)

    counts = query_counts_at_two_sizes(make_rows, lambda: client.get(URL, {"page_size": 100, "certified": "false"}))
    assert counts[0] == counts[1]
