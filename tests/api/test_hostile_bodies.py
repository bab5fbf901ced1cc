"""Bodies meant to exhaust the server are refused with a client error, never a 500."""

import json

from django.conf import settings

from tests.base import api_client_for


def test_json_nested_five_thousand_deep_answers_400(world):
    body = "[" * 5000 + "]" * 5000
    client = api_client_for(world.team_lead_a)
    client.raise_request_exception = False
    response = client.post("/api/v1/agencies/", body, content_type="application/json")
    assert response.status_code == 400, response.content[:300]


def test_a_body_over_the_upload_limit_answers_413(world):
    name = "甲" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 3 + 10)
    body = json.dumps({"name": name, "kind": "office", "parent": world.township_a.pk}, ensure_ascii=False)
    client = api_client_for(world.team_lead_a)
    client.raise_request_exception = False
    response = client.post("/api/v1/agencies/", body.encode(), content_type="application/json")
    assert response.status_code == 413, response.content[:300]
    assert response.json()["errors"][0]["code"] == "too_large"
