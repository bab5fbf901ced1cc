"""Inputs the fuzzer rarely reaches: far dates, huge numbers, empty and over-long strings, Unicode.

Every one is answered with a documented status and a JSON body, never a server error.
"""

import pytest

from tests.base import api_client_for

HUGE = str(10**30)

QUERIES = [
    ("/api/v1/officers/", {"certified": "true", "on": "9999-12-31"}),
    ("/api/v1/officers/", {"certified": "false", "on": "0001-01-01"}),
    ("/api/v1/officers/", {"agency": HUGE}),
    ("/api/v1/officers/", {"search": "𠀀😀‮" * 50}),
    ("/api/v1/officers/", {"search": "x" * 10_000}),
    ("/api/v1/officers/", {"page": HUGE}),
    ("/api/v1/officers/", {"page_size": HUGE}),
    ("/api/v1/certificates/", {"expires_before": "9999-12-31", "expires_after": "0001-01-01"}),
    ("/api/v1/certificates/", {"expiring_within_days": HUGE}),
    ("/api/v1/certificates/", {"expiring_within_days": "-1"}),
    ("/api/v1/certificates/check/", {"number": ""}),
    ("/api/v1/certificates/check/", {"id_number": "x" * 5_000}),
    ("/api/v1/certificates/check/", {"number": "证😀"}),
    ("/api/v1/training-sessions/", {"year": "99999"}),
    ("/api/v1/training-sessions/", {"date_from": "9999-12-31", "date_to": "0001-01-01"}),
    ("/api/v1/exams/", {"year": "-2021"}),
    ("/api/v1/exam-results/", {"officer": HUGE}),
    ("/api/v1/publicity-activities/", {"theme": HUGE, "format": HUGE, "audience": HUGE}),
    ("/api/v1/reconsideration-cases/", {"year": "0", "overdue": "true"}),
    ("/api/v1/enforcement-cases/", {"year": "0", "overdue": "true", "field": HUGE, "status": "😀"}),
    ("/api/v1/disclosure/999999/", {}),
    ("/api/v1/stats/", {"year": "9999"}),
    ("/api/v1/stats/", {"year": HUGE}),
    ("/api/v1/stats/", {"year": "2021", "agency": HUGE}),
    ("/api/v1/reports/", {"year": "1"}),
]


@pytest.mark.parametrize(("path", "params"), QUERIES)
def test_extreme_query_values_get_a_json_answer_not_a_server_error(world, path, params):
    response = api_client_for(world.team_lead_a).get(path, params)
    assert response.status_code in {200, 400, 404}, response.content[:300]
    assert response["Content-Type"].startswith("application/json")


BODIES = [
    ("/api/v1/agencies/", {"name": "", "kind": "office"}),
    ("/api/v1/agencies/", {"name": "办" * 10_000, "kind": "office"}),
    ("/api/v1/agencies/", {"name": "😀 法治办公室 ‮", "kind": "office", "credit_code": "😀" * 18}),
    ("/api/v1/agencies/", {"name": "x", "kind": "office", "parent": 10**30}),
    ("/api/v1/reports/", {"agency": 10**30, "year": 2021}),
    ("/api/v1/reports/", {"year": 99999}),
    ("/api/v1/training-sessions/", {"title": "", "hours": "1e400", "date": "99999-01-01"}),
    ("/api/v1/publicity-activities/", {"title": "t", "participants": 10**30, "start_date": "0000-00-00"}),
    ("/api/v1/reconsideration-cases/", {"case_number": "😀" * 1000}),
    ("/api/v1/enforcement-cases/", {"act": "😀" * 1000, "discovered_on": "99999-01-01"}),
]


@pytest.mark.parametrize(("path", "body"), BODIES)
def test_extreme_bodies_are_refused_naming_the_problem(world, path, body):
    response = api_client_for(world.team_lead_a).post(path, body)
    assert response.status_code == 400, response.content[:300]
    assert response.json()["errors"]


def test_unicode_names_round_trip(world):
    name = "𠀀镇综合执法队 😀"
    client = api_client_for(world.team_lead_a)
    created = client.post("/api/v1/agencies/", {"name": name, "kind": "team", "parent": world.township_a.pk})
    assert created.status_code == 201
    assert client.get(f"/api/v1/agencies/{created.json()['id']}/").json()["name"] == name


@pytest.mark.parametrize("path", ["/api/v1/officers/", "/api/v1/certificates/"])
def test_a_field_name_holding_a_nul_character_is_refused_naming_the_field(world, path):
    field_names = {"/api/v1/officers/": "enforcement_fields", "/api/v1/certificates/": "fields"}
    response = api_client_for(world.team_lead_a).post(path, {field_names[path]: ["城乡\x00规划"]})
    assert response.status_code == 400, response.content[:300]
    assert field_names[path] in {error["attr"].split(".")[0] for error in response.json()["errors"]}
