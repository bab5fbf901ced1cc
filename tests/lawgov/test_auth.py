from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework.throttling import ScopedRateThrottle

from enforcement.agencies import roles
from tests.factories import UserFactory
from tests.factories.agencies import PASSWORD


def test_token_is_issued_for_valid_credentials_and_opens_the_api(db):
    UserFactory(username="client", roles=[roles.STATS_CLIENT])
    client = APIClient()
    response = client.post("/api/v1/auth/token/", {"username": "client", "password": PASSWORD})
    assert response.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.get("/api/v1/agencies/").status_code == 200


def test_wrong_password_is_a_400_naming_the_problem(db):
    UserFactory(username="client")
    response = APIClient().post("/api/v1/auth/token/", {"username": "client", "password": "wrong"})
    assert response.status_code == 400
    assert response.json()["type"] == "validation_error"


def test_missing_fields_are_named_in_the_error(db):
    response = APIClient().post("/api/v1/auth/token/", {})
    assert response.status_code == 400
    assert {error["attr"] for error in response.json()["errors"]} == {"username", "password"}


def test_repeated_failed_logins_lock_the_account_even_for_the_right_password(db):
    UserFactory(username="client")
    client = APIClient()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/api/v1/auth/token/", {"username": "client", "password": "wrong"})
    response = client.post("/api/v1/auth/token/", {"username": "client", "password": PASSWORD})
    assert response.status_code == 429


def test_repeated_failed_admin_logins_lock_the_admin_login(client, db):
    UserFactory(username="lead")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "lead", "password": "wrong"})
    response = client.post("/admin/login/?next=/admin/", {"username": "lead", "password": PASSWORD})
    assert response.status_code == 429


def test_a_token_is_issued_for_a_form_post_as_curl_sends_it(db):
    UserFactory(username="client", roles=[roles.STATS_CLIENT])
    response = APIClient().post(
        "/api/v1/auth/token/",
        urlencode({"username": "client", "password": PASSWORD}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.content
    assert response.json()["token"]


def test_the_token_endpoint_is_rate_limited_per_address(db, monkeypatch):
    cache.clear()
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"token": "3/minute"})
    client = APIClient()
    statuses = [
        client.post(
            "/api/v1/auth/token/", {"username": f"guess{n}", "password": "x"}, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}"
        ).status_code
        for n in range(4)
    ]
    cache.clear()
    assert statuses == [400, 400, 400, 429]
