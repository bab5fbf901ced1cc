from enforcement.agencies.models import Agency, AgencyKind
from tests.base import ScopedWritableResourceChecks, api_client_for, query_counts_at_two_sizes
from tests.factories import AgencyFactory


class TestAgencyApi(ScopedWritableResourceChecks):
    url = "/api/v1/agencies/"

    def make_record(self, agency):
        return AgencyFactory(kind=AgencyKind.OFFICE, parent=agency)

    def create_payload(self, agency):
        return {"name": "新设办公室", "kind": AgencyKind.OFFICE, "parent": agency.pk}


def test_township_user_lists_their_township_and_its_offices_but_not_another(world):
    response = api_client_for(world.team_lead_a).get("/api/v1/agencies/")
    names = {row["name"] for row in response.json()["results"]}
    assert names == {"甲镇人民政府", "甲镇综合行政执法队"}


def test_county_user_lists_every_agency_below_the_county(world):
    response = api_client_for(world.supervisor).get("/api/v1/agencies/")
    assert response.json()["count"] == Agency.objects.count() == 4


def test_invalid_credit_code_is_refused_naming_the_field(world):
    payload = {"name": "办公室", "kind": AgencyKind.OFFICE, "parent": world.township_a.pk, "credit_code": "123"}
    response = api_client_for(world.team_lead_a).post("/api/v1/agencies/", payload)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors[0]["attr"] == "credit_code"
    assert "18" in errors[0]["detail"]


def test_an_agency_with_children_cannot_be_deleted(world):
    response = api_client_for(world.superuser).delete(f"/api/v1/agencies/{world.township_a.pk}/")
    assert response.status_code == 409
    assert Agency.objects.filter(pk=world.township_a.pk).exists()


def test_agencies_list_query_count_does_not_grow_with_rows(world):
    client = api_client_for(world.supervisor)
    counts = query_counts_at_two_sizes(
        lambda n: AgencyFactory.create_batch(n, kind=AgencyKind.OFFICE, parent=world.township_b),
        lambda: client.get("/api/v1/agencies/", {"page_size": 500}),
    )
    assert counts[0] == counts[1]


def test_an_agency_with_its_own_credit_code_can_be_updated(world):
    office = AgencyFactory(kind=AgencyKind.OFFICE, parent=world.township_a, credit_code="11100000000000001M")
    response = api_client_for(world.team_lead_a).patch(f"/api/v1/agencies/{office.pk}/", {"name": "综合办公室"})
    assert response.status_code == 200, response.content
    office.refresh_from_db()
    assert office.name == "综合办公室"


def test_a_credit_code_of_another_agency_is_still_refused(world):
    AgencyFactory(kind=AgencyKind.OFFICE, parent=world.township_a, credit_code="11100000000000001M")
    office = AgencyFactory(kind=AgencyKind.OFFICE, parent=world.township_a)
    response = api_client_for(world.team_lead_a).patch(
        f"/api/v1/agencies/{office.pk}/", {"credit_code": "11100000000000001M"}
    )
    assert response.status_code == 400


def test_a_team_lead_cannot_create_a_county_government_under_a_township(world):
    payload = {"name": "假县政府", "kind": AgencyKind.COUNTY_GOVERNMENT, "parent": world.township_a.pk}
    response = api_client_for(world.team_lead_a).post("/api/v1/agencies/", payload)
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "kind"


def test_a_name_with_a_control_character_is_refused_and_tab_free_names_still_pass(world):
    client = api_client_for(world.team_lead_a)
    for bad in ("甲\u000b镇", "甲\x01镇", "甲\x7f镇"):
        response = client.patch(f"/api/v1/agencies/{world.team_a.pk}/", {"name": bad})
        assert response.status_code == 400, bad
        assert response.json()["errors"][0]["attr"] == "name"
    world.team_a.refresh_from_db()
    assert world.team_a.name == "甲镇综合行政执法队"
    assert client.patch(f"/api/v1/agencies/{world.team_a.pk}/", {"name": "甲镇执法队"}).status_code == 200
