import datetime
import gc

from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.officers.models.certificate import Certificate, CertificateStatus
from enforcement.officers.models.officer import EmploymentStatus, Officer
from enforcement.officers.services import change_certificate_status
from tests.base import ScopedResourceChecks, api_client_for, query_counts_at_two_sizes
from tests.factories import CertificateFactory, OfficerFactory

D = datetime.date

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
    # The count and the page, each officer's enforcement fields read with its row.
    assert counts == [2, 2]


def test_the_list_says_certified_exactly_when_the_row_rule_does(world):
    day = D(2026, 3, 1)

    def holder(**officer):
        return CertificateFactory(
            issued_on=D(2024, 1, 1), valid_until=D(2028, 12, 31), officer__agency=world.team_a, **officer
        )

    effective = holder(officer__name="有效").officer
    expired = CertificateFactory(
        officer__agency=world.team_a, officer__name="过期", issued_on=D(2020, 1, 1), valid_until=D(2025, 12, 31)
    ).officer
    suspended = holder(officer__name="暂扣")
    change_certificate_status(
        certificate=suspended, status=CertificateStatus.SUSPENDED, reason="暂扣", on=D(2026, 2, 1)
    )
    retired = holder(officer__name="退休", officer__employment_status=EmploymentStatus.RETIRED).officer
    not_yet_employed = holder(officer__name="未入职", officer__employed_since=D(2026, 6, 1)).officer
    renewed = CertificateFactory(
        officer__agency=world.team_a, officer__name="换证", issued_on=D(2019, 1, 1), valid_until=D(2023, 12, 31)
    ).officer
    CertificateFactory(officer=renewed, issued_on=D(2024, 1, 1), valid_until=D(2028, 12, 31))
    without = OfficerFactory(agency=world.team_a, name="无证")
    officers = [effective, expired, suspended.officer, retired, not_yet_employed, renewed, without]

    rows = api_client_for(world.team_lead_a).get(URL, {"on": day.isoformat(), "page_size": 100}).json()["results"]

    listed = {row["name"]: row["is_certified"] for row in rows}
    by_rule = {o.name: Officer.objects.get(pk=o.pk).is_certified_on(day) for o in officers}
    assert (
        listed
        == by_rule
        == {"有效": True, "过期": False, "暂扣": False, "退休": False, "未入职": False, "换证": True, "无证": False}
    )


def test_each_officer_lists_their_enforcement_fields_in_the_order_of_the_table(world):
    first, _, third = EnforcementField.objects.order_by("order", "name")[:3]
    both = OfficerFactory(agency=world.team_a, name="两项")
    both.enforcement_fields.set([third, first])
    one = OfficerFactory(agency=world.team_a, name="一项")
    one.enforcement_fields.set([third])
    OfficerFactory(agency=world.team_a, name="无")
    client = api_client_for(world.team_lead_a)

    rows = client.get(URL).json()["results"]

    assert {row["name"]: row["enforcement_fields"] for row in rows} == {
        "两项": [first.name, third.name],
        "一项": [third.name],
        "无": [],
    }
    assert client.get(f"{URL}{both.pk}/").json()["enforcement_fields"] == [first.name, third.name]


def test_a_listed_page_keeps_no_officer_alive_once_answered(world):
    OfficerFactory.create_batch(3, agency=world.team_a)
    client = api_client_for(world.team_lead_a)
    client.get(URL)
    gc.collect()
    gc.disable()
    try:
        before = sum(type(thing) is Officer for thing in gc.get_objects())
        response = client.get(URL)
        after = sum(type(thing) is Officer for thing in gc.get_objects())
    finally:
        gc.enable()
    assert len(response.json()["results"]) == 3
    # Freed as the answer is sent, not left to the cycle collector.
    assert after == before
