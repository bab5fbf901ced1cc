"""Values no record should hold are refused with a field message."""

from tests.base import api_client_for
from tests.factories import OfficerFactory
from tests.factories.reconsideration import ReconsiderationCaseFactory


def case_payload(world, applicants: list[dict]) -> dict:
    return {
        "agency": world.township_a.pk,
        "organ_name": "示例县人民政府",
        "organ_case_number": "示县复〔2025〕77号",
        "act_kind": "penalty",
        "officer": OfficerFactory(agency=world.township_a).pk,
        "applicants": applicants,
    }


def test_an_excellence_mark_below_the_pass_mark_is_refused(world):
    payload = {
        "agency": world.township_a.pk,
        "kind": "annual_law_exam",
        "title": "年度学法考试",
        "date": "2025-11-20",
        "max_score": "100",
        "pass_mark": "60",
        "excellence_mark": "50",
    }
    response = api_client_for(world.team_lead_a).post("/api/v1/exams/", payload)
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["attr"] == "excellence_mark"


def test_more_than_fifty_applicants_on_a_case_are_refused(world):
    applicants = [{"kind": "person", "name": f"申请人{n}"} for n in range(51)]
    response = api_client_for(world.team_lead_a).post("/api/v1/reconsideration-cases/", case_payload(world, applicants))
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["attr"] == "applicants"


def test_an_applicant_name_with_a_control_character_is_refused(world):
    applicants = [{"kind": "person", "name": "张\x0b三"}]
    response = api_client_for(world.team_lead_a).post("/api/v1/reconsideration-cases/", case_payload(world, applicants))
    assert response.status_code == 400, response.content


def test_the_case_admin_refuses_more_than_fifty_applicants(world, client):
    case = ReconsiderationCaseFactory(agency=world.township_a, officer__agency=world.township_a)
    client.force_login(world.team_lead_a, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(f"/admin/enforcement/reconsiderationcase/{case.pk}/change/").content.decode()
    assert 'name="applicants-MAX_NUM_FORMS" value="50"' in page
