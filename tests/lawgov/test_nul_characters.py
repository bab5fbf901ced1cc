"""A NUL character in a request's address is refused as bad input, never looked up (PostgreSQL stores none)."""

import pytest
from django.test import Client

from tests.base import api_client_for
from tests.factories import CertificateFactory

BACKEND = "django.contrib.auth.backends.ModelBackend"


def test_a_verification_address_holding_a_nul_character_is_a_bad_request(world):
    token = CertificateFactory(officer__agency=world.township_a).verification_token
    response = Client().get(f"/verify/{token[:5]}%00{token[5:]}/")
    assert response.status_code == 400
    assert response.content.decode() == "不能含有空字符（NUL）。"


def test_an_autocomplete_term_holding_a_nul_character_is_a_bad_request(world):
    client = Client()
    client.force_login(world.team_lead_a, backend=BACKEND)
    params = {"term": "张\x00", "app_label": "enforcement", "model_name": "certificate", "field_name": "replaces"}
    assert client.get("/admin/autocomplete/", params).status_code == 400


@pytest.mark.parametrize("params", [{"search": "张\x00"}, {"se\x00arch": "张"}])
def test_an_api_query_holding_a_nul_character_gets_the_apis_error_body(world, params):
    response = api_client_for(world.team_lead_a).get("/api/v1/officers/", params)
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "null_characters_not_allowed"
